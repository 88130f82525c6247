/* IEEE 802.15.4 information elements (for print-802_15_4.c): the header
 * IE list and the payload IE list with its MLME sub-IEs and 802.15.9
 * multiplexed IEs.  Their contents are decoded only at -vvvv, as tcpdump
 * does; below that they are shown in hex. */
#include <inttypes.h>
#include <stdio.h>

#include "dissect-int.h"

static const struct tok hie_names[] = {
	{ 0x00, "Vendor Specific Header IE" },
	{ 0x1a, "LE CSL IE" },
	{ 0x1b, "LE RIT IE" },
	{ 0x1c, "DSME PAN descriptor IE" },
	{ 0x1d, "Rendezvous Time IE" },
	{ 0x1e, "Time Correction IE" },
	{ 0x21, "Extended DSME PAN descriptor IE" },
	{ 0x22, "Fragment Sequence Context Description IE" },
	{ 0x23, "Simplified Superframe Specification IE" },
	{ 0x24, "Simplified GTS Specification IE" },
	{ 0x25, "LECIM Capabilities IE" },
	{ 0x26, "TRLE Descriptor IE" },
	{ 0x27, "RCC Capabilities IE" },
	{ 0x28, "RCCN Descriptor IE" },
	{ 0x29, "Global Time IE" },
	{ 0x2a, "Omnibus Header IE" },
	{ 0x2b, "DA IE" },
	{ 0x7e, "Header Termination 1 IE" },
	{ 0x7f, "Header Termination 2 IE" },
	{ 0, NULL }
};

static const struct tok pie_names[] = {
	{ 0x0, "ESDU IE" },
	{ 0x1, "MLME IE" },
	{ 0x2, "Vendor Specific Nested IE" },
	{ 0x3, "Multiplexed IE (802.15.9)" },
	{ 0x4, "Omnibus Payload Group IE" },
	{ 0x5, "IETF IE" },
	{ 0xf, "List termination" },
	{ 0, NULL }
};

/* MLME sub-IEs of the short format (IDs 0x10-0x7f) */
static const struct tok mlme_short_names[] = {
	{ 0x1a, "TSCH Synchronization IE" },
	{ 0x1b, "TSCH Slotframe and Link IE" },
	{ 0x1c, "TSCH Timeslot IE" },
	{ 0x1d, "Hopping timing IE" },
	{ 0x1e, "Enhanced Beacon Filter IE" },
	{ 0x1f, "MAC Metrics IE" },
	{ 0x20, "All MAC Metrics IE" },
	{ 0x21, "Coexistence Specification IE" },
	{ 0x22, "SUN Device Capabilities IE" },
	{ 0x23, "SUN FSK Generic PHY IE" },
	{ 0x24, "Mode Switch Parameter IE" },
	{ 0x25, "PHY Parameter Change IE" },
	{ 0x26, "O-QPSK PHY Mode IE" },
	{ 0x27, "PCA Allocation IE" },
	{ 0x28, "LECIM DSSS Operating Mode IE" },
	{ 0x29, "LECIM FSK Operating Mode IE" },
	{ 0x2b, "TVWS PHY Operating Mode Description IE" },
	{ 0x2c, "TVWS Device Capabilities IE" },
	{ 0x2d, "TVWS Device Category IE" },
	{ 0x2e, "TVWS Device Identiication IE" },
	{ 0x2f, "TVWS Device Location IE" },
	{ 0x30, "TVWS Channel Information Query IE" },
	{ 0x31, "TVWS Channel Information Source IE" },
	{ 0x32, "CTM IE" },
	{ 0x33, "Timestamp IE" },
	{ 0x34, "Timestamp Difference IE" },
	{ 0x35, "TMCTP Specification IE" },
	{ 0x36, "RCC PHY Operating Mode IE" },
	{ 0, NULL }
};

static const struct tok mlme_long_names[] = {
	{ 0x8, "Vendor Specific MLME Nested IE" },
	{ 0x9, "Channel Hopping IE" },
	{ 0, NULL }
};

static uint64_t gl_n(struct nd *nd, const uint8_t *p, unsigned n)
{
	uint64_t v = 0;

	gcheck(nd, p, n);
	while (n--)
		v = v << 8 | p[n];
	return v;
}

static void data_print(struct nd *nd, const char *label, const uint8_t *p, unsigned from,
		       unsigned to)
{
	P("%s", label);
	wpan_bytes_print(nd, p, from, to);
}

/* An OUI and data (vendor-specific header, nested and MLME IEs). */
static void vendor_print(struct nd *nd, const uint8_t *p, unsigned len)
{
	if (len < 3) {
		P("[ERROR: Vendor OUI missing]");
		return;
	}
	P("OUI = 0x%02x%02x%02x, ", g1(nd, p), g1(nd, p + 1), g1(nd, p + 2));
	data_print(nd, "Data = ", p, 3, len);
}

/* The DSME PAN descriptor IE (ext: its extended form, 0x21). */
static void dsme_pan_print(struct nd *nd, const uint8_t *p, unsigned len, int ext)
{
	unsigned off, n, ss, i;
	int hopping = 0, l;

	if (len < 2) {
		P("[ERROR: Truncated DSME PAN IE]");
		return;
	}
	wpan_superframe_print(nd, gl2(nd, p));
	if (len < 3) {
		P("[ERROR: Truncated before pending addresses field]");
		return;
	}
	if ((l = wpan_pending_print(nd, p + 2, len - 2)) < 0)
		return;
	off = 2 + (unsigned)l;
	if (len < off + (ext ? 2u : 1u)) {
		P("[ERROR: Truncated before DSME Superframe Specification]");
		return;
	}
	if (ext) {
		ss = gl2(nd, p + off);
		off += 2;
		P("Multi-superframe Order = %u", ss & 0xff);
		P(", %s", ss & 0x100 ? "Channel hopping mode" : "Channel adaptation mode");
		if (ss & 0x400)
			P(", CAP reduction enabled");
		if (ss & 0x800)
			P(", Deferred beacon enabled");
		if (ss & 0x1000) {
			P(", Hopping Sequence Present");
			hopping = 1;
		}
	} else {
		ss = g1(nd, p + off);
		off++;
		P("Multi-superframe Order = %u", ss & 0x0f);
		P(", %s", ss & 0x10 ? "Channel hopping mode" : "Channel adaptation mode");
		if (ss & 0x40)
			P(", CAP reduction enabled");
		if (ss & 0x80)
			P(", Deferred beacon enabled");
	}
	if (len < off + 8) {
		P(" [ERROR: Truncated before Time synchronization specification]");
		return;
	}
	{
		uint64_t ts = gl_n(nd, p + off, 6);
		unsigned o = gl2(nd, p + off + 6);
		P("Beacon timestamp = %" PRIu64 ", offset = %u", ts, o);
	}
	off += 8;
	if (len < off + 4) {
		P(" [ERROR: Truncated before Beacon Bitmap]");
		return;
	}
	n = gl2(nd, p + off + 2);
	P("SD Index = %u, Bitmap len = %u, ", gl2(nd, p + off), n);
	off += 4;
	if (len < off + n) {
		P(" [ERROR: Truncated in SD bitmap]");
		return;
	}
	data_print(nd, " SD Bitmap = ", p + off, 0, n);
	off += n;
	if (len < off + 5) {
		P(" [ERROR: Truncated before Channel hopping specification]");
		return;
	}
	n = gl2(nd, p + off + 4);
	{
		unsigned id = g1(nd, p + off), bsn = g1(nd, p + off + 1);
		unsigned co = gl2(nd, p + off + 2);
		P("Hopping Seq ID = %u, PAN Coordinator BSN = %u, Channel offset = %u, "
		  "Bitmap length = %u, ", id, bsn, co, n);
	}
	off += 5;
	if (len < off + n) {
		P(" [ERROR: Truncated in Channel offset bitmap]");
		return;
	}
	data_print(nd, " Channel offset bitmap = ", p + off, 0, n);
	off += n;
	if (!hopping)
		return;
	if (len < off + 1) {
		P(" [ERROR: Truncated in Hopping Sequence length]");
		return;
	}
	n = g1(nd, p + off);
	off++;
	P("Hopping Seq length = %u [ ", n);
	if (len < off + n * 2) {
		P(" [ERROR: Truncated in Channel offset bitmap]");
		return;
	}
	for (i = 0; i < n; i++)
		P("%02x ", gl2(nd, p + off + i * 2));
	P("]");
}

static void header_ie_print(struct nd *nd, const uint8_t *p, unsigned len, unsigned id)
{
	unsigned v;

	switch (id) {
	case 0x00:
		vendor_print(nd, p, len);
		break;
	case 0x1a:
		if (len < 4) {
			P("[ERROR: Truncated CSL IE]");
			break;
		}
		v = gl2(nd, p);
		P("CSL Phase = %u, CSL Period = %u", v, gl2(nd, p + 2));
		if (len >= 6)
			P(", Rendezvous time = %u", gl2(nd, p + 4));
		if (len != 4 && len != 6)
			P(" [ERROR: CSL IE length wrong]");
		break;
	case 0x1b:
		if (len < 4) {
			P("[ERROR: Truncated RIT IE]");
			break;
		}
		v = g1(nd, p);
		P("Time to First Listen = %u, # of Repeat Listen = %u, Repeat Listen Interval = %u",
		  v, g1(nd, p + 1), gl2(nd, p + 2));
		break;
	case 0x1c: case 0x21:
		dsme_pan_print(nd, p, len, id == 0x21);
		break;
	case 0x1d:
		if (len != 4) {
			P("[ERROR: Length != 2]");
			break;
		}
		v = gl2(nd, p);
		P("Rendezvous time = %u, Wake-up Interval = %u", v, gl2(nd, p + 2));
		break;
	case 0x1e: {
		int corr;

		if (len != 2) {
			P("[ERROR: Length != 2]");
			break;
		}
		v = gl2(nd, p);
		if (v & 0x8000)
			P("Negative ");
		/* the low 12 bits, as a signed number */
		corr = (int)(v & 0xfff) - (v & 0x800 ? 0x1000 : 0);
		P("Ack time correction = %d, ", corr);
		break;
	}
	default:
		data_print(nd, "IE Data = ", p, 0, len);
		break;
	}
}

int wpan_header_ies_print(struct nd *nd, const uint8_t *p, uint32_t n, int *payload_ies)
{
	unsigned ie, len, id;
	int total = 0;

	*payload_ies = 0;
	do {
		if (n < 2) {
			P("[ERROR: Truncated header IE]");
			return -1;
		}
		ie = gl2(nd, p);
		if (ie & 0x8000)
			P("[ERROR: Header IE with type 1] ");
		len = ie & 0x7f;
		id = ie >> 7 & 0xff;
		if (id > 127) {
			P("Reserved Element ID %02x, length = %u ", id, len);
		} else {
			char buf[16];

			snprintf(buf, sizeof(buf), "Reserved 0x%02x", id);
			if (len == 0)
				P("\n\t%s [", tok_or(hie_names, id, buf));
			else
				P("\n\t%s [ length = %u, ", tok_or(hie_names, id, buf), len);
		}
		if (n < 2 + len) {
			P("[ERROR: Truncated IE data]");
			return -1;
		}
		p += 2;
		if (nd->o->vflag > 3 && len != 0)
			header_ie_print(nd, p, len, id);
		else if (len != 0)
			data_print(nd, "IE Data = ", p, 0, len);
		P("] ");
		total += (int)(2 + len);
		p += len;
		n -= 2 + len;
		if (id == 0x7e) {
			*payload_ies = 1;
			break;
		}
		if (id == 0x7f)
			break;
	} while (n != 0);
	return total;
}

static void channel_hopping_print(struct nd *nd, const uint8_t *p, unsigned len)
{
	unsigned page, nch, n, i;

	P("Hopping Sequence ID = %u", g1(nd, p));
	if (len == 1)
		return;
	p++;
	len--;
	if (len < 7) {
		P("[ERROR: IE truncated]");
		return;
	}
	page = g1(nd, p);
	nch = gl2(nd, p + 1);
	P("Channel Page = %u, Number of Channels = %u, ", page, nch);
	P("Phy Configuration = 0x%08x, ", gl4(nd, p + 3));
	p += 7;
	len -= 7;
	if (page == 9 || page == 10) {
		n = (nch + 7) / 8;
		if (len < n) {
			P("[ERROR: IE truncated]");
			return;
		}
		P("Extended bitmap = 0x");
		for (i = 0; i < n; i++)
			P("%02x", g1(nd, p + i));
		P(", ");
		p += n;
		len -= n;
	}
	if (len < 2) {
		P("[ERROR: IE truncated]");
		return;
	}
	n = gl2(nd, p);
	p += 2;
	len -= 2;
	P("Hopping Seq length = %u [ ", n);
	if (len < n * 2) {
		P(" [ERROR: IE truncated]");
		return;
	}
	for (i = 0; i < n; i++)
		P("%02x ", gl2(nd, p + i * 2));
	P("]");
	p += n * 2;
	len -= n * 2;
	if (len < 2) {
		P("[ERROR: IE truncated]");
		return;
	}
	P("Current hop = %u", gl2(nd, p));
}

static void slotframes_print(struct nd *nd, const uint8_t *p, unsigned len)
{
	unsigned nsf, off = 1, i, j, links, opts;

	if (len < 1) {
		P("[ERROR: Truncated IE]");
		return;
	}
	nsf = g1(nd, p);
	P("Slotframes = %u ", nsf);
	for (i = 0; i < nsf; i++) {
		if (len < off + 4) {
			P("[ERROR: Truncated IE before slotframes]");
			break;
		}
		links = g1(nd, p + off + 3);
		{
			unsigned h = g1(nd, p + off), sz = gl2(nd, p + off + 1);
			P("\n\t\t\t[ Handle %u, size = %u, links = %u ", h, sz, links);
		}
		off += 4;
		for (j = 0; j < links; j++) {
			if (len < off + 5) {
				P("[ERROR: Truncated IE links]");
				break;
			}
			opts = g1(nd, p + off + 4);
			{
				unsigned ts = gl2(nd, p + off), co = gl2(nd, p + off + 2);
				P("\n\t\t\t\t[ Timeslot =  %u, Offset = %u, Options = ", ts, co);
			}
			if (opts & 0x1)
				P("TX ");
			if (opts & 0x2)
				P("RX ");
			if (opts & 0x4)
				P("Shared ");
			if (opts & 0x8)
				P("Timekeeping ");
			if (opts & 0x10)
				P("Priority ");
			off += 5;
			P("] ");
		}
		P("] ");
	}
}

static void timeslot_print(struct nd *nd, const uint8_t *p, unsigned len)
{
	unsigned v[13], i;

	if (len == 1) {
		P("Time slot ID = %u ", g1(nd, p));
		return;
	}
	if (len != 25 && len != 27) {
		P("[ERROR: Length not 1, 25, or 27]");
		data_print(nd, "\n\t\t\tIE Data = ", p, 0, len);
		return;
	}
	v[0] = g1(nd, p);
	for (i = 1; i < 13; i++)
		v[i] = gl2(nd, p + 1 + (i - 1) * 2);
	if (len == 27) {	/* the last two in 3 bytes each */
		v[11] = (unsigned)gl_n(nd, p + 21, 3);
		v[12] = (unsigned)gl_n(nd, p + 24, 3);
	}
	P("Time slot ID = %u, CCA Offset = %u, CCA = %u, TX Offset = %u, RX Offset = %u, "
	  "RX Ack Delay = %u, TX Ack Delay = %u, RX Wait = %u, Ack Wait = %u, RX TX = %u, "
	  "Max Ack = %u, Max TX = %u, Time slot Length = %u ",
	  v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
}

/* An MLME sub-IE's content; short and long sub-IDs do not overlap in the
 * cases decoded, so tcpdump sorts them by the ID alone. */
static void mlme_ie_print(struct nd *nd, const uint8_t *p, unsigned len, unsigned id)
{
	switch (id) {
	case 0x08:
		vendor_print(nd, p, len);
		break;
	case 0x09:
		channel_hopping_print(nd, p, len);
		break;
	case 0x1a: {
		uint64_t asn;
		unsigned jm;

		if (len < 6)
			P("[ERROR: Length != 6]");
		asn = gl_n(nd, p, 5);
		jm = g1(nd, p + 5);
		P("ASN = %010" PRIx64 ", Join Metric = %u ", asn, jm);
		break;
	}
	case 0x1b:
		slotframes_print(nd, p, len);
		break;
	case 0x1c:
		timeslot_print(nd, p, len);
		break;
	default:
		data_print(nd, "IE Data = ", p, 0, len);
		break;
	}
}

static void mlme_list_print(struct nd *nd, const uint8_t *p, unsigned len)
{
	unsigned ie, sublen, id;
	char buf[40];

	do {
		if (len < 2) {
			P("[ERROR: Truncated MLME IE]");
			return;
		}
		ie = gl2(nd, p);
		p += 2;
		if (ie & 0x8000) {
			sublen = ie & 0x3ff;
			id = ie >> 11 & 0x0f;
			snprintf(buf, sizeof(buf), "Reserved 0x%02x", id);
			P("\n\t\t%s [ length = %u, ", tok_or(mlme_long_names, id, buf), sublen);
		} else {
			sublen = ie & 0xff;
			id = ie >> 8 & 0x7f;
			if (id < 0x10)
				snprintf(buf, sizeof(buf), "Reserved for long format 0x%x", id);
			else
				snprintf(buf, sizeof(buf), "Reserved 0x%02x", id);
			P("\n\t\t%s [ length = %u, ", tok_or(mlme_short_names, id, buf), sublen);
		}
		if (len < 2 + sublen) {
			P("[ERROR: Truncated IE data]");
			return;
		}
		if (sublen != 0) {
			if (nd->o->vflag > 3)
				mlme_ie_print(nd, p, sublen, id);
			else if (nd->o->vflag > 2)
				data_print(nd, "IE Data = ", p, 0, sublen);
		}
		P("] ");
		p += sublen;
		len -= 2 + sublen;
	} while (len > 0);
}

/* An 802.15.9 multiplexed IE. */
static void mpx_print(struct nd *nd, const uint8_t *p, unsigned len)
{
	unsigned tt, tid, start = 1, fn;

	if (len < 1) {
		P("[ERROR: Transaction control byte missing]");
		return;
	}
	tt = g1(nd, p) & 7u;
	tid = g1(nd, p) >> 3;
	switch (tt) {
	case 0: case 1:
		P("Type = Full upper layer fragment%s, ", tt == 1 ? " with small Multiplex ID" : "");
		if (tt == 1) {
			P("Multiplex ID = 0x%04x, ", tid);
			break;
		}
		if (len < 3) {
			P("[ERROR: Multiplex ID missing]");
			return;
		}
		start = 3;
		P("tid = 0x%02x, Multiplex ID = 0x%04x, ", tid, gl2(nd, p + 1));
		break;
	case 2: case 4:
		if (len < 2) {
			P("[ERROR: fragment number missing]");
			return;
		}
		fn = g1(nd, p + 1);
		P("Type = %s, tid = 0x%02x, fragment = 0x%02x, ",
		  tt == 4 ? "Last fragment" : fn == 0 ? "First fragment" : "Middle fragment", tid, fn);
		start = 2;
		if (fn == 0) {
			unsigned tot, mid;

			if (len < 6) {
				P("[ERROR: Total upper layer size or multiplex ID missing]");
				return;
			}
			tot = gl2(nd, p + 2);
			mid = gl2(nd, p + 4);
			P("Total upper layer size = 0x%04x, Multiplex ID = 0x%04x, ", tot, mid);
			start = 6;
		}
		break;
	case 6:
		if (len == 1) {
			P("Type = Abort, tid = 0x%02x, no max size given", tid);
		} else if (len == 3) {
			P("Type = Abort, tid = 0x%02x, max size = 0x%04x", tid, gl2(nd, p + 1));
		} else {
			P("Type = Abort, tid = 0x%02x, invalid length = %u (not 1 or 3)", tid, len);
			data_print(nd, "Abort data = ", p, 1, len);
		}
		return;
	default:
		P("Type = %u (Reserved), tid = 0x%02x, ", tt, tid);
		break;
	}
	data_print(nd, "Upper layer data = ", p, start, len);
}

int wpan_payload_ies_print(struct nd *nd, const uint8_t *p, uint32_t n)
{
	unsigned ie, len, gid;
	int total = 0;
	char buf[16];

	do {
		if (n < 2) {
			P("[ERROR: Truncated header IE]");
			return -1;
		}
		ie = gl2(nd, p);
		if (!(ie & 0x8000))
			P("[ERROR: Payload IE with type 0] ");
		len = ie & 0x3ff;
		gid = ie >> 11 & 0x0f;
		p += 2;
		snprintf(buf, sizeof(buf), "Reserved 0x%02x", gid);
		if (len == 0)
			P("\n\t%s [", tok_or(pie_names, gid, buf));
		else
			P("\n\t%s [ length = %u, ", tok_or(pie_names, gid, buf), len);
		if (n < 2 + len) {
			P("[ERROR: Truncated IE data]");
			return -1;
		}
		if (nd->o->vflag > 3 && len != 0) {
			switch (gid) {
			case 0x1:
				mlme_list_print(nd, p, len);
				break;
			case 0x2:
				vendor_print(nd, p, len);
				break;
			case 0x3:
				mpx_print(nd, p, len);
				break;
			case 0x5:
				P("Subtype ID = 0x%02x, Subtype content = ", g1(nd, p));
				wpan_bytes_print(nd, p, 1, len);
				break;
			default:
				data_print(nd, "IE Data = ", p, 0, len);
				break;
			}
		} else if (len != 0) {
			data_print(nd, "IE Data = ", p, 0, len);
		}
		P("]\n\t");
		total += (int)(2 + len);
		p += len;
		n -= 2 + len;
		if (gid == 0xf)
			break;
	} while (n > 0);
	return total;
}
