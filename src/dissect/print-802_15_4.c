/* IEEE 802.15.4 low-rate wireless frames: link types 195 (with FCS), 230
 * (without) and 283 (behind the TAP header).  The frame header and its
 * addressing, the FCS check, the auxiliary security header, beacons and
 * MAC commands; print-802_15_4-ie.c prints the information elements.
 * All values are little-endian.  The length returned to the link layer is
 * tcpdump's: 1 when a standard or multipurpose frame was printed, else 0. */
#include <stdio.h>

#include "dissect-int.h"

#define BIT(v, n) (((v) >> (n)) & 1u)

static const char *const frame_types[8] = {
	"Beacon", "Data", "ACK", "Command", "Reserved", "Multipurpose", "Fragment", "Extended"
};

/* MAC command names (IDs below 0x30; the others are "Reserved 0xNN"). */
static const struct tok wpan_cmds[] = {
	{ 0x01, "Association Request command" },
	{ 0x02, "Association Response command" },
	{ 0x03, "Disassociation Notification command" },
	{ 0x04, "Data Request command" },
	{ 0x05, "PAN ID Conflict Notification command" },
	{ 0x06, "Orphan Notification command" },
	{ 0x07, "Beacon Request command" },
	{ 0x08, "Coordinator realignment command" },
	{ 0x09, "GTS request command" },
	{ 0x0a, "TRLE Management Request command" },
	{ 0x0b, "TRLE Management Response command" },
	{ 0x13, "DSME Association Request command" },
	{ 0x14, "DSME Association Response command" },
	{ 0x15, "DSME GTS Request command" },
	{ 0x16, "DSME GTS Response command" },
	{ 0x17, "DSME GTS Notify command" },
	{ 0x18, "DSME Information Request command" },
	{ 0x19, "DSME Information Response command" },
	{ 0x1a, "DSME Beacon Allocation Notification command" },
	{ 0x1b, "DSME Beacon Collision Notification command" },
	{ 0x1c, "DSME Link Report command" },
	{ 0x20, "RIT Data Request command" },
	{ 0x21, "DBS Request command" },
	{ 0x22, "DBS Response command" },
	{ 0x23, "RIT Data Response command" },
	{ 0x24, "Vendor Specific command" },
	{ 0, NULL }
};

static const struct tok assoc_status[] = {
	{ 0x00, ", Association successful" },
	{ 0x01, ", PAN at capacity" },
	{ 0x02, ", PAN access denied" },
	{ 0x03, ", Hooping sequence offset duplication" },
	{ 0x80, ", Fast association successful" },
	{ 0, NULL }
};

static uint8_t rev8(uint8_t b)
{
	b = (uint8_t)((b & 0xf0) >> 4 | (b & 0x0f) << 4);
	b = (uint8_t)((b & 0xcc) >> 2 | (b & 0x33) << 2);
	return (uint8_t)((b & 0xaa) >> 1 | (b & 0x55) << 1);
}

static uint32_t rev32(uint32_t v)
{
	uint32_t r = 0;
	int i;

	for (i = 0; i < 32; i++, v >>= 1)
		r = r << 1 | (v & 1);
	return r;
}

/* The 16-bit FCS: CRC-CCITT, zero start, bits reflected in and out. */
static uint32_t fcs16(struct nd *nd, const uint8_t *p, uint32_t n)
{
	uint16_t crc = 0;
	uint32_t i;
	int b;

	gcheck(nd, p, n);
	for (i = 0; i < n; i++) {
		crc ^= (uint16_t)(rev8(p[i]) << 8);
		for (b = 0; b < 8; b++)
			crc = (uint16_t)(crc & 0x8000 ? crc << 1 ^ 0x1021 : crc << 1);
	}
	return rev32(crc) >> 16;
}

/* The 32-bit FCS: the IEEE polynomial, zero start, reflected in and out. */
static uint32_t fcs32(struct nd *nd, const uint8_t *p, uint32_t n)
{
	uint32_t crc = 0, i;
	int b;

	gcheck(nd, p, n);
	for (i = 0; i < n; i++) {
		crc ^= (uint32_t)rev8(p[i]) << 24;
		for (b = 0; b < 8; b++)
			crc = crc & 0x80000000u ? crc << 1 ^ 0x04c11db7u : crc << 1;
	}
	return rev32(crc);
}

/* Address length by addressing mode: -1 for the reserved mode. */
static int addr_len(unsigned mode)
{
	static const int l[4] = { 0, -1, 2, 8 };
	return l[mode & 3];
}

void wpan_addr_print(struct nd *nd, const uint8_t *p, int alen)
{
	int i;

	if (alen == 0) {
		P("none");
	} else if (alen == 2) {
		P("%04x", gl2(nd, p));
	} else if (alen == 8) {
		gcheck(nd, p, 8);
		for (i = 7; i >= 0; i--)
			P(i ? "%02x:" : "%02x", p[i]);
	}
}

void wpan_bytes_print(struct nd *nd, const uint8_t *p, unsigned from, unsigned to)
{
	for (; from < to; from++)
		P("%02x ", g1(nd, p + from));
}

void wpan_superframe_print(struct nd *nd, uint16_t ss)
{
	if (nd->o->vflag < 1)
		return;
	P("\n\tBeacon order = %d, Superframe order = %d, ", ss & 0xf, ss >> 4 & 0xf);
	P("Final CAP Slot = %d", ss >> 8 & 0xf);
	if (BIT(ss, 12))
		P(", BLE enabled");
	if (BIT(ss, 14))
		P(", PAN Coordinator");
	if (BIT(ss, 15))
		P(", Association Permit");
}

/* The GTS fields of a beacon: their length, or -1 when cut short. */
static int gts_print(struct nd *nd, const uint8_t *p, uint32_t avail)
{
	unsigned cnt = g1(nd, p) & 7u, need, i;

	if (cnt == 0) {
		if (nd->o->vflag > 0)
			P("\n\tGTS Descriptor Count = %d, ", 0);
		return 1;
	}
	need = 2 + cnt * 3;
	if (avail < need) {
		P(" [ERROR: Truncated GTS Info List]");
		return -1;
	}
	if (nd->o->vflag < 2)
		return (int)need;
	P("GTS Descriptor Count = %u, ", cnt);
	P("GTS Directions Mask = %02x, [ ", g1(nd, p + 1) & 0x7fu);
	for (i = 0; i < cnt; i++) {
		const uint8_t *d = p + 2 + i * 3;

		P("[ ");
		wpan_addr_print(nd, d, 2);
		/* tcpdump takes both from the address's second byte */
		P(", Start slot = %d, Length = %d ] ", g1(nd, d + 1) & 0xf, g1(nd, d + 1) >> 4);
	}
	P("]");
	return (int)need;
}

int wpan_pending_print(struct nd *nd, const uint8_t *p, uint32_t avail)
{
	unsigned spec = g1(nd, p), ns = spec & 7u, ne = spec >> 4 & 7u, i;
	unsigned need = 1 + ns * 2 + ne * 8;

	if (nd->o->vflag > 0)
		P("\n\tPending address list, # short addresses = %u, # extended addresses = %u",
		  ns, ne);
	if (avail < need) {
		P(" [ERROR: Pending address list truncated]");
		return -1;
	}
	if (nd->o->vflag < 2)
		return (int)need;
	if (ns) {
		P(", Short address list = [ ");
		for (i = 0; i < ns; i++) {
			wpan_addr_print(nd, p + 1 + i * 2, 2);
			P(" ");
		}
		P("]");
	}
	if (ne) {
		P(", Extended address list = [ ");
		for (i = 0; i < ne; i++) {
			wpan_addr_print(nd, p + 1 + ns * 2 + i * 8, 8);
			P(" ");
		}
		P("]");
	}
	return (int)need;
}

/* The auxiliary security header: its length, or -1 when cut short. */
static int aux_sec_print(struct nd *nd, const uint8_t *p, uint32_t avail, int *level)
{
	unsigned sc, mode;
	int n = 1;
	int v = nd->o->vflag;

	if (avail < 1) {
		P("[ERROR: Truncated before Aux Security Header]");
		return -1;
	}
	sc = g1(nd, p);
	*level = (int)(sc & 7u);
	mode = sc >> 3 & 3u;
	p++;
	avail--;
	if (v > 0)
		P("\n\tSecurity Level %d, Key Id Mode %u, ", *level, mode);
	if (!BIT(sc, 5)) {
		if (avail < 4) {
			P("[ERROR: Truncated before Frame Counter]");
			return -1;
		}
		if (v > 1)
			P("Frame Counter 0x%08x ", gl4(nd, p));
		p += 4;
		avail -= 4;
		n += 4;
	}
	if (mode == 0) {
		if (v > 1)
			P("Implicit");
		return n;
	}
	if (mode >= 2) {
		/* mode 3 checks for an 8-byte source but, as tcpdump does,
		 * steps over only 4 of them */
		if (avail < (mode == 2 ? 4u : 8u)) {
			P("[ERROR: Truncated before Key Source]");
			return -1;
		}
		if (v > 1) {
			if (mode == 2) {
				unsigned a = gl2(nd, p), b = gl2(nd, p + 2);
				P("KeySource 0x%04x:%x4x, ", a, b);
			} else {
				P("KeySource ");
				wpan_addr_print(nd, p, 8);
				P(", ");
			}
		}
		p += 4;
		avail -= 4;
		n += 4;
	}
	if (avail < 1) {
		P("[ERROR: Truncated before Key Index]");
		return -1;
	}
	if (v > 1)
		P("KeyIndex 0x%02x, ", g1(nd, p));
	return n + 1;
}

/* A MAC command's data: the bytes it took, or -1 when its length is wrong. */
static int command_print(struct nd *nd, unsigned id, const uint8_t *p, uint32_t n)
{
	unsigned v;
	char buf[32];

	switch (id) {
	case 0x01:
		if (n != 1) {
			P("Invalid Association request command length");
			return -1;
		}
		v = g1(nd, p);
		P("%s%s%s%s%s%s", v & 0x02 ? "FFD, " : "RFD, ", v & 0x04 ? "AC powered, " : "",
		  v & 0x08 ? "Receiver on when idle, " : "", v & 0x10 ? "Fast association, " : "",
		  v & 0x40 ? "Security supported, " : "", v & 0x80 ? "Allocate address, " : "");
		return (int)n;
	case 0x02:
		if (n != 3) {
			P("Invalid Association response command length");
			return -1;
		}
		P("Short address = ");
		wpan_addr_print(nd, p, 2);
		v = g1(nd, p + 2);
		snprintf(buf, sizeof(buf), ", Status = 0x%02x", v);
		P("%s", tok_or(assoc_status, v, buf));
		return (int)n;
	case 0x03:
		if (n != 1) {
			P("Invalid Disassociation Notification command length");
			return -1;
		}
		v = g1(nd, p);
		if (v == 0)
			P("Reserved");
		else if (v == 1)
			P("Reason = The coordinator wishes the device to leave PAN");
		else if (v == 2)
			P("Reason = The device wishes to leave the PAN");
		else	/* tcpdump shows the byte two further on */
			P("Reason = 0x%02x", g1(nd, p + 2));
		return (int)n;
	case 0x04: case 0x05: case 0x06: case 0x07:
		return 0;
	case 0x08: {
		unsigned chan, page;

		if (n < 7 || n > 8) {
			P("Invalid Coordinator Realignment command length");
			return -1;
		}
		P("Pan ID = 0x%04x, Coordinator short address = ", gl2(nd, p));
		wpan_addr_print(nd, p + 2, 2);
		chan = g1(nd, p + 4);
		page = n == 8 ? g1(nd, p + 7) : 0x80;
		if (page & 0x80)
			P(", Channel Number = %u", chan | (page & 0x7f) << 8);
		else
			P(", Channel Number = %u, page = %u", chan, page);
		P(", Short address = ");
		wpan_addr_print(nd, p + 5, 2);
		return (int)n;
	}
	case 0x09:
		if (n != 1) {
			P("Invalid GTS Request command length");
			return -1;
		}
		v = g1(nd, p);
		P("GTS Length = %u, %s, %s", v & 0xf,
		  BIT(v, 4) ? "Receive-only GTS" : "Transmit-only GTS",
		  BIT(v, 5) ? "GTS allocation" : "GTS deallocations");
		return (int)n;
	default:
		P("Command Data = ");
		wpan_bytes_print(nd, p, 0, n);
		return 0;
	}
}

/* The payload dump tcpdump's -q, -x and -X suppress; unlike default_print()
 * it ends in " [|802.15.4]" when n runs past the capture (it can, after
 * a short multipurpose frame's length wraps). */
static void payload_dump(struct nd *nd, const uint8_t *p, uint32_t n)
{
	if (!nd->o->qflag && !nd->o->xflag && !nd->o->Xflag)
		default_dump(nd, p, n);
}

/* The beacon's fields (frame versions 0 and 1); 0 when an error stops it. */
static int beacon_print(struct nd *nd, const uint8_t **pp, uint32_t *np)
{
	const uint8_t *p = *pp;
	uint32_t n = *np;
	int l;

	if (n < 2) {
		P("[ERROR: Truncated before beacon information]");
		return 0;
	}
	wpan_superframe_print(nd, gl2(nd, p));
	p += 2;
	n -= 2;
	if (n < 1) {
		P("[ERROR: Truncated before GTS info]");
		return 0;
	}
	if ((l = gts_print(nd, p, n)) < 0)
		return 0;
	p += l;
	n -= (uint32_t)l;
	if (n < 1) {
		P("[ERROR: Truncated before pending addresses]");
		return 0;
	}
	if ((l = wpan_pending_print(nd, p, n)) < 0)
		return 0;
	gcheck(nd, p, (size_t)l);
	*pp = p + l;
	*np = n - (uint32_t)l;
	return 1;
}

/* Strips a 4- or 2-byte FCS from *n when it checks: the value found and
 * the one computed; both 0 when the frame is too short for one (min: the
 * shortest frame that is checked at all, try32: the least for a 4-byte one). */
static void fcs_strip(struct nd *nd, const uint8_t *p, uint32_t *n, uint32_t min,
		      uint32_t try32, uint32_t *fcs, uint32_t *crc)
{
	*fcs = *crc = 0;
	if (*n < min)
		return;
	if (*n >= try32) {
		*fcs = gl4(nd, p + *n - 4);
		*crc = fcs32(nd, p, *n - 4);
		if (*crc == *fcs) {
			*n -= 4;
			return;
		}
	}
	*fcs = gl2(nd, p + *n - 2);
	*crc = fcs16(nd, p, *n - 2);
	if (*crc == *fcs)
		*n -= 2;
}

/* What follows the addresses in standard and multipurpose frames: the
 * security header, the IEs, the MIC and the FCS verdict.  0 on an error. */
static int tail_print(struct nd *nd, const uint8_t **pp, uint32_t *np, int secured, int ies,
		      uint32_t fcs, uint32_t crc)
{
	static const unsigned miclens[4] = { 0, 4, 8, 16 };
	const uint8_t *p = *pp, *mic = NULL;
	uint32_t n = *np, miclen, i;
	int level = 0, l, pies = 0;

	if (secured) {
		if ((l = aux_sec_print(nd, p, n, &level)) < 0)
			return 0;
		gcheck(nd, p, (size_t)l);
		p += l;
		n -= (uint32_t)l;
	}
	miclen = miclens[level & 3];
	if (miclen) {
		if (n < miclen) {
			P("[ERROR: Truncated before MIC]");
			return 0;
		}
		n -= miclen;
		mic = p + n;
	}
	if (ies) {
		if ((l = wpan_header_ies_print(nd, p, n, &pies)) < 0)
			return 0;
		p += l;
		n -= (uint32_t)l;
	}
	if (pies) {
		if (level >= 4) {
			P("Payload IEs present, but encrypted, cannot print ");
		} else {
			if ((l = wpan_payload_ies_print(nd, p, n)) < 0)
				return 0;
			p += l;
			n -= (uint32_t)l;
		}
	}
	if (nd->o->vflag > 2 && miclen) {
		P("\n\tMIC ");
		for (i = 0; i < miclen; i++)
			P("%02x", g1(nd, mic + i));
		P(" ");
	}
	if (nd->o->vflag > 2) {
		if (crc == fcs)
			P("FCS %x ", fcs);
		else
			P("wrong FCS %x vs %x (assume no FCS stored) ", fcs, crc);
	}
	*pp = p;
	*np = n;
	return 1;
}

/* The PAN ID (when present) and address of one end; 0 on an error. */
static int end_print(struct nd *nd, const uint8_t **pp, uint32_t *np, int pan, int alen)
{
	if (pan) {
		if (*np < 2) {
			P("[ERROR: Truncated before dst_pan]");
			return 0;
		}
		P("%04x:", gl2(nd, *pp));
		*pp += 2;
		*np -= 2;
	} else {
		P("-:");
	}
	if (*np < (uint32_t)alen) {
		P("[ERROR: Truncated before dst_addr]");
		return 0;
	}
	wpan_addr_print(nd, *pp, alen);
	*pp += alen;
	*np -= (uint32_t)alen;
	return 1;
}

/* Both address modes; 0 (after the error) when one is reserved. */
static int modes(struct nd *nd, uint16_t fc, int dshift, int sshift, int *dlen, int *slen)
{
	*dlen = addr_len(fc >> dshift);
	*slen = addr_len(fc >> sshift);
	if (*slen < 0) {
		P("[ERROR: Invalid src address mode]");
		return 0;
	}
	if (*dlen < 0) {
		P("[ERROR: Invalid dst address mode]");
		return 0;
	}
	return 1;
}

/* Beacon, data, ACK and MAC command frames. */
/* Past the 2-byte frame control and the sequence number, unless it is
 * suppressed (printed with -v); 0 when the frame ends first. */
static int seq_step(struct nd *nd, int suppressed, const uint8_t **pp, uint32_t *np)
{
	unsigned hl = suppressed ? 2 : 3;

	if (!suppressed) {
		unsigned seq = g1(nd, *pp + 2);
		if (nd->o->vflag)
			P("seq %02x ", seq);
	}
	if (*np < hl) {
		nd_trunc(nd);
		return 0;
	}
	*pp += hl;
	*np -= hl;
	return 1;
}

static uint32_t std_frame(struct nd *nd, const uint8_t *p, uint32_t n, uint16_t fc)
{
	unsigned ver = fc >> 12 & 3u, type = fc & 7u;
	int dlen, slen, dpan, span, comp = (int)BIT(fc, 6);
	uint32_t fcs, crc;

	fcs_strip(nd, p, &n, 4, 4, &fcs, &crc);
	P("v%u ", ver);
	if (nd->o->vflag > 2) {
		if (BIT(fc, 3))
			P("Security Enabled, ");
		if (BIT(fc, 4))
			P("Frame Pending, ");
		if (BIT(fc, 5))
			P("AR, ");
		if (BIT(fc, 6))
			P("PAN ID Compression, ");
		if (BIT(fc, 8))
			P("Sequence Number Suppression, ");
		if (BIT(fc, 9))
			P("IE present, ");
	}
	if (BIT(fc, 8)) {
		if (ver < 2)
			P("[ERROR: Sequence number suppressed on frames where version < 2]");
		if (nd->o->vflag)
			P("seq suppressed ");
	}
	if (!seq_step(nd, BIT(fc, 8), &p, &n))
		return 0;
	if (!modes(nd, fc, 10, 14, &dlen, &slen))
		return 0;

	/* which PAN IDs are present */
	dpan = dlen > 0;
	span = slen > 0 && !comp;
	if (ver < 2) {
		if (comp && (dlen <= 0 || slen <= 0))
			P("[ERROR: PAN ID Compression != 0, and only one address with frame version < 2]");
	} else if (comp) {
		if (dlen == 0 && slen == 0)
			dpan = 1;
		else if (dlen == 0 || slen == 0 || (dlen == 8 && slen == 8))
			dpan = span = 0;
	} else if (slen == 8) {
		/* two extended addresses share the destination PAN ID; so
		 * does an extended source with a short destination (as
		 * tcpdump reads 6TiSCH) */
		if (dlen == 8)
			dpan = 1;
		if (dlen == 8 || dlen == 2)
			span = 0;
	}

	if (!end_print(nd, &p, &n, dpan, dlen))
		return 0;
	P(" < ");
	if (!end_print(nd, &p, &n, span, slen))
		return 0;
	P(" ");
	if (!tail_print(nd, &p, &n, (int)BIT(fc, 3), (int)BIT(fc, 9), fcs, crc))
		return 0;

	if (type == 0) {
		if (ver < 2 && !beacon_print(nd, &p, &n))
			return 1;
	} else if (type == 3) {
		if (n < 1) {
			P("[ERROR: Truncated before Command ID]");
		} else {
			unsigned id = g1(nd, p);
			char buf[16];

			snprintf(buf, sizeof(buf), "Reserved 0x%02x", id);
			P("Command ID = %s ", tok_or(wpan_cmds, id, buf));
			p++;
			n--;
			if (n) {
				int l = command_print(nd, id, p, n);
				if (l >= 0) {
					p += l;
					n -= (uint32_t)l;
				}
			}
		}
	}
	payload_dump(nd, p, n);
	return 1;
}

/* Multipurpose frames, with the short or the long frame control. */
static uint32_t mp_frame(struct nd *nd, const uint8_t *p, uint32_t n, uint16_t fc)
{
	int dlen, slen, pan = 0, ies = 0, sec = 0;
	uint32_t fcs, crc;

	fcs_strip(nd, p, &n, 3, 5, &fcs, &crc);
	if (BIT(fc, 3)) {
		pan = (int)BIT(fc, 8);
		ies = (int)BIT(fc, 15);
		sec = (int)BIT(fc, 9);
		P("v%u ", fc >> 12 & 3u);
		if (nd->o->vflag > 2) {
			if (sec)
				P("Security Enabled, ");
			if (BIT(fc, 11))
				P("Frame Pending, ");
			if (BIT(fc, 14))
				P("AR, ");
			if (pan)
				P("PAN ID Present, ");
			if (BIT(fc, 10))
				P("Sequence Number Suppression, ");
			if (ies)
				P("IE present, ");
		}
		if (!seq_step(nd, BIT(fc, 10), &p, &n))
			return 0;
	} else {
		unsigned seq = g1(nd, p + 1);

		/* tcpdump does not look at the length here: it may wrap */
		p += 2;
		n -= 2;
		if (nd->o->vflag)
			P("seq %02x ", seq);
	}
	if (!modes(nd, fc, 4, 6, &dlen, &slen))
		return 0;
	if (!end_print(nd, &p, &n, pan, dlen))
		return 0;
	P(" <  ");
	if (!end_print(nd, &p, &n, 0, slen))
		return 0;
	P(" ");
	if (!tail_print(nd, &p, &n, sec, ies, fcs, crc))
		return 0;
	payload_dump(nd, p, n);
	return 1;
}

/* A frame (after any TAP header): the link header length tcpdump counts. */
static uint32_t frame_print(struct nd *nd, const uint8_t *p, uint32_t caplen)
{
	uint16_t fc;

	nd->proto = "802.15.4";
	if (caplen < 2) {
		nd_trunc(nd);
		return caplen;
	}
	fc = gl2(nd, p);
	P("IEEE 802.15.4 %s packet ", frame_types[fc & 7]);
	switch (fc & 7) {
	case 0: case 1: case 2: case 3:
		return std_frame(nd, p, caplen, fc);
	case 5:
		return mp_frame(nd, p, caplen, fc);
	default:	/* reserved, fragment and extended frames: no more */
		return 0;
	}
}

uint32_t wpan_if_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t caplen)
{
	unsigned len;

	if (dlt != DLT_IEEE802_15_4_TAP_)
		return frame_print(nd, p, caplen);
	nd->proto = "802.15.4_tap";
	if (caplen < 4) {
		nd_trunc(nd);
		return caplen;
	}
	len = gl2(nd, p + 2);
	if (g1(nd, p) != 0 || len < 4) {
		P(" (invalid)");
		return 0;
	}
	if (caplen < len) {
		nd_trunc(nd);
		return caplen;
	}
	return frame_print(nd, p + len, caplen - len) + len;
}
