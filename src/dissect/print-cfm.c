/* IEEE 802.1ag Connectivity Fault Management (ethertype 0x8902, and the
 * pre-standard 0xabcd), as tcpdump 4.99.3 prints it: the opcode and MD
 * level; with -v the message fields (continuity check with its MD and MA
 * names, linktrace message and reply; loopback and unknown opcodes as hex)
 * and the TLVs, with -vv a hex dump of every TLV.  The length and offset
 * checks, and where they leave the TLV walk, follow tcpdump. */
#include "dissect-int.h"

#define CFM_HDR_LEN 4u
#define CCM_LEN 70u	/* sequence, MEP ID, 48 bytes of names, 16 of Y.1731 */
#define LTM_LEN 17u	/* transaction ID, TTL, original and target MAC */
#define LTR_LEN 6u	/* transaction ID, TTL, relay action */

static const struct tok opcodes[] = {
	{ 1, "Continuity Check Message" }, { 2, "Loopback Reply" },
	{ 3, "Loopback Message" }, { 4, "Linktrace Reply" }, { 5, "Linktrace Message" },
	{ 0, NULL }
};

/* The CCM interval codes in seconds; float, as tcpdump keeps them. */
static const float ccm_base[8] = {
	0.0f, 0.003333f, 0.01f, 0.1f, 1.0f, 10.0f, 60.0f, 600.0f
};

static const struct tok md_formats[] = {
	{ 0, "IEEE 802.1" }, { 1, "No MD Name present" }, { 2, "DNS string" },
	{ 3, "MAC + 16Bit Integer" }, { 4, "Character string" }, { 0, NULL }
};

static const struct tok ma_formats[] = {
	{ 0, "IEEE 802.1" }, { 1, "Primary VID" }, { 2, "Character string" },
	{ 3, "16Bit Integer" }, { 4, "RFC2685 VPN-ID" }, { 0, NULL }
};

static const struct tok ltm_flags[] = { { 0x80, "Use Forwarding-DB only" }, { 0, NULL } };

static const struct tok ltr_flags[] = {
	{ 0x80, "UseFDB Only" }, { 0x40, "FwdYes" }, { 0x20, "Terminal MEP" }, { 0, NULL }
};

static const struct tok relay_actions[] = {
	{ 1, "Exact Match" }, { 2, "Filtering DB" }, { 3, "MIP CCM DB" }, { 0, NULL }
};

enum {
	TLV_END = 0, TLV_SENDER_ID = 1, TLV_PORT_STATUS = 2, TLV_IF_STATUS = 3,
	TLV_ORG = 31
};

static const struct tok tlv_names[] = {
	{ 0, "End" }, { 1, "Sender ID" }, { 2, "Port status" }, { 3, "Interface status" },
	{ 4, "Data" }, { 5, "Reply Ingress" }, { 6, "Reply Egress" },
	{ 31, "Organization Specific" }, { 0, NULL }
};

static const struct tok port_status[] = { { 1, "Blocked" }, { 2, "Up" }, { 0, NULL } };

static const struct tok if_status[] = {
	{ 1, "Up" }, { 2, "Down" }, { 3, "Testing" }, { 5, "Dormant" },
	{ 6, "not present" }, { 7, "lower Layer down" }, { 0, NULL }
};

static const struct tok chassis_types[] = {
	{ 0, "Reserved" }, { 1, "Chassis component" }, { 2, "Interface alias" },
	{ 3, "Port component" }, { 4, "MAC address" }, { 5, "Network address" },
	{ 6, "Interface name" }, { 7, "Locally assigned" }, { 0, NULL }
};

/* A network address chassis ID (len >= 1): 1 when it should be dumped. */
static int netaddr_print(struct nd *nd, const uint8_t *p, unsigned len)
{
	char b[46];
	unsigned af = g1(nd, p);

	P("\n\t  Network Address Type %s (%u)", tok_or(af_names, af, "Unknown"), af);
	switch (af) {
	case 1:
		if (len != 5) {
			P("(invalid IPv4 address length %u)", len - 1);
			return 1;
		}
		P(", %s", ip4_str(nd, p + 1, b));
		return 0;
	case 2:
		if (len != 17) {
			P("(invalid IPv6 address length %u)", len - 1);
			return 1;
		}
		P(", %s", ip6_str(nd, p + 1, b));
		return 0;
	default:
		return 1;
	}
}

/* The CCM body (CCM_LEN bytes, captured): interval, sequence, MEP ID,
 * MD and MA names.  0 when a name length is too large: the PDU ends. */
static int ccm_print(struct nd *nd, const uint8_t *p, unsigned flags)
{
	unsigned ivl = flags & 0x07, fmt, nlen, left = 48;
	const uint8_t *np = p + 6;
	char b[18];

	P(", Flags [CCM Interval %u%s]", ivl, (flags & 0x80) ? ", RDI" : "");
	if (ivl)
		P("\n\t  CCM Interval %.3fs, min CCM Lifetime %.3fs, max CCM Lifetime %.3fs",
		  ccm_base[ivl], ccm_base[ivl] * 3.25, ccm_base[ivl] * 3.5);
	P("\n\t  Sequence Number 0x%08x, MA-End-Point-ID 0x%04x", g4(nd, p), g2(nd, p + 4));

	fmt = g1(nd, np);
	np++;
	left--;
	if (fmt != 1) {
		nlen = g1(nd, np);
		np++;
		left--;
		P("\n\t  MD Name Format %s (%u), MD Name length %u",
		  tok_or(md_formats, fmt, "Unknown"), fmt, nlen);
		/* room must stay for the MA format, length and a byte of name */
		if (nlen > left - 3) {
			P(" (too large, must be <= %u)", left - 2);
			return 0;
		}
		P("\n\t  MD Name: ");
		switch (fmt) {
		case 2:
		case 4:
			chars_print_z(nd, np, nlen);
			break;
		case 3:
			if (nlen == 6)
				P("\n\t  MAC %s", mac_str(nd, np, b));
			else
				P("\n\t  MAC (length invalid)");
			break;
		default:
			unknown_data_print(nd, np, "\n\t    ", (int)nlen);
			break;
		}
		np += nlen;
		left -= nlen;
	} else {
		P("\n\t  MD Name Format %s (%u)", tok_or(md_formats, fmt, "Unknown"), fmt);
	}

	fmt = g1(nd, np);
	nlen = g1(nd, np + 1);
	np += 2;
	left -= 2;
	P("\n\t  MA Name-Format %s (%u), MA name length %u",
	  tok_or(ma_formats, fmt, "Unknown"), fmt, nlen);
	if (nlen > left) {
		P(" (too large, must be <= %u)", left);
		return 0;
	}
	P("\n\t  MA Name: ");
	if (fmt == 2)
		chars_print_z(nd, np, nlen);
	else
		unknown_data_print(nd, np, "\n\t    ", (int)nlen);
	return 1;
}

/* Where the TLV walk stands; the Sender ID decoder moves all three. */
struct walk {
	const uint8_t *p;
	unsigned tlen;	/* bytes to the end of the PDU */
	unsigned vlen;	/* bytes left in the TLV's value */
};

static void walk_skip(struct walk *w, unsigned n)
{
	w->p += n;
	w->tlen -= n;
}

/* The Sender ID TLV.  Returns 1 to dump the value, 0 not to, -1 to go to
 * the next TLV without the dump, -2 to stop. */
static int sender_id_print(struct nd *nd, struct walk *w)
{
	unsigned idlen, type, alen;
	int hexdump = 0;
	char b[18];

	if (w->vlen < 1) {
		P(" (too short, must be >= 1)");
		return -1;
	}
	idlen = g1(nd, w->p);
	walk_skip(w, 1);
	w->vlen--;
	if (idlen) {
		if (w->vlen < 1) {
			P("\n\t  (TLV too short)");
			return -1;
		}
		type = g1(nd, w->p);
		w->vlen--;
		P("\n\t  Chassis-ID Type %s (%u), Chassis-ID length %u",
		  tok_or(chassis_types, type, "Unknown"), type, idlen);
		if (w->vlen < idlen) {
			P("\n\t  (TLV too short)");
			return -1;
		}
		switch (type) {
		case 4:
			if (idlen != 6) {
				P(" (invalid MAC address length)");
				hexdump = 1;
				break;
			}
			P("\n\t  MAC %s", mac_str(nd, w->p + 1, b));
			break;
		case 5:
			hexdump |= netaddr_print(nd, w->p + 1, idlen);
			break;
		case 1: case 2: case 3: case 6: case 7:
			chars_print_z(nd, w->p + 1, idlen);
			break;
		default:
			hexdump = 1;
			break;
		}
		w->vlen -= idlen;
		walk_skip(w, 1 + idlen);
	}
	/* the management address fields are there only when room is left */
	if (w->vlen == 0)
		return hexdump;
	alen = g1(nd, w->p);
	walk_skip(w, 1);
	w->vlen--;
	P("\n\t  Management Address Domain Length %u", alen);
	if (!alen)
		return hexdump;
	if (w->vlen < alen) {
		P("\n\t  (TLV too short)");
		return -1;
	}
	w->vlen -= alen;
	hexdump_plain(nd, "\n\t  Management Address Domain: ", w->p, alen, 0);
	walk_skip(w, alen);
	if (w->vlen < 1) {
		P(" (Management Address Length is missing)");
		return 1;
	}
	alen = g1(nd, w->p);
	walk_skip(w, 1);
	w->vlen--;
	P("\n\t  Management Address Length %u", alen);
	if (alen) {
		if (w->vlen < alen) {
			P("\n\t  (TLV too short)");
			return -2;
		}
		w->vlen -= alen;
		hexdump_plain(nd, "\n\t  Management Address: ", w->p, alen, 0);
		walk_skip(w, alen);
	}
	return hexdump;
}

/* The TLVs: 0 when done, -1 when the PDU is too short for them. */
static int tlvs_print(struct nd *nd, const uint8_t *p, unsigned tlen)
{
	struct walk w = { p, tlen, 0 };
	const uint8_t *val;
	unsigned type, v;
	int hexdump;

	while (w.tlen > 0) {
		type = g1(nd, w.p);
		P("\n\t%s TLV (0x%02x)", tok_or(tlv_names, type, "Unknown"), type);
		if (type == TLV_END)
			return 0;
		if (w.tlen < 3)
			return -1;
		w.vlen = g2(nd, w.p + 1);
		P(", length %u", w.vlen);
		walk_skip(&w, 3);
		val = w.p;
		if (w.tlen < w.vlen)
			return -1;
		gcheck(nd, w.p, w.vlen);
		hexdump = 0;
		switch (type) {
		case TLV_PORT_STATUS:
		case TLV_IF_STATUS:
			if (w.vlen < 1) {
				P(" (too short, must be >= 1)");
				return 0;
			}
			v = g1(nd, w.p);
			P(", Status: %s (%u)",
			  tok_or(type == TLV_PORT_STATUS ? port_status : if_status, v, "Unknown"), v);
			break;
		case TLV_ORG:
			if (w.vlen < 4) {
				P(" (too short, must be >= 4)");
				return 0;
			}
			v = g3(nd, w.p);
			P(", Vendor: %s (%u), Sub-Type %u", tok_or(oui_names, v, "Unknown"), v,
			  g1(nd, w.p + 3));
			hexdump = 1;
			break;
		case TLV_SENDER_ID:
			hexdump = sender_id_print(nd, &w);
			if (hexdump == -2)
				return 0;
			break;
		default:	/* Data, Reply Ingress/Egress and unknown: hex */
			hexdump = 1;
			break;
		}
		/* tcpdump dumps from the value's start as many bytes as the
		 * Sender ID decoder left undecoded */
		if (hexdump > 0 || (hexdump == 0 && nd->o->vflag > 1))
			unknown_data_print(nd, val, "\n\t  ", (int)w.vlen);
		walk_skip(&w, w.vlen);
	}
	return 0;
}

void cfm_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned mdv, op, flags, fto, tlen;
	char b[24];

	nd->proto = "cfm";
	if (len < CFM_HDR_LEN)
		goto tooshort;
	gcheck(nd, p, CFM_HDR_LEN);
	mdv = p[0];
	if (mdv & 0x1f) {
		P("CFMv%u not supported, length %u", mdv & 0x1f, len);
		return;
	}
	op = p[1];
	P("CFMv%u %s, MD Level %u, length %u", mdv & 0x1f,
	  tok2str(opcodes, "unknown (%u)", op, b, sizeof(b)), mdv >> 5, len);
	if (!nd->o->vflag)
		return;
	flags = p[2];
	fto = p[3];
	P("\n\tFirst TLV offset %u", fto);
	p += CFM_HDR_LEN;
	tlen = len - CFM_HDR_LEN;
	if (fto > tlen) {
		P(" (too large, must be <= %u)", tlen);
		return;
	}
	switch (op) {
	case 1:
		if (fto < CCM_LEN) {
			P(" (too small 1, must be >= %u)", CCM_LEN);
			return;
		}
		gcheck(nd, p, CCM_LEN);
		if (!ccm_print(nd, p, flags))
			return;
		break;
	case 5:
		if (fto < LTM_LEN) {
			P(" (too small 4, must be >= %u)", LTM_LEN);
			return;
		}
		gcheck(nd, p, LTM_LEN);
		P(", Flags [");
		bits_print(nd, ltm_flags, "none", flags, ", ");
		P("]");
		P("\n\t  Transaction-ID 0x%08x, ttl %u", g4(nd, p), p[4]);
		P("\n\t  Original-MAC %s", mac_str(nd, p + 5, b));
		P(", Target-MAC %s", mac_str(nd, p + 11, b));
		break;
	case 4:
		if (fto < LTR_LEN) {
			P(" (too small 5, must be >= %u)", LTR_LEN);
			return;
		}
		gcheck(nd, p, LTR_LEN);
		P(", Flags [");
		bits_print(nd, ltr_flags, "none", flags, ", ");
		P("]");
		P("\n\t  Transaction-ID 0x%08x, ttl %u", g4(nd, p), p[4]);
		P("\n\t  Replay-Action %s (%u)", tok_or(relay_actions, p[5], "Unknown"), p[5]);
		break;
	default:
		/* loopback and unknown opcodes: hex, as many bytes as follow
		 * the first TLV offset (tcpdump's count) */
		unknown_data_print(nd, p, "\n\t  ", (int)(tlen - fto));
		break;
	}
	if (tlvs_print(nd, p + fto, tlen - fto) < 0)
		goto tooshort;
	return;
tooshort:
	P("\n\t\t packet is too short");
}
