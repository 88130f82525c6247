/* The IPv6 mobility header (RFC 6275, next header 135, and the old 62) as
 * tcpdump 4.99.3 prints it: the message type and its fields, and with -v
 * the cookies, tokens and mobility options. */
#include "dissect-int.h"

enum { MH_BRR, MH_HOTI, MH_COTI, MH_HOT, MH_COT, MH_BU, MH_BA, MH_BE, MH_MAX = MH_BE };

static const struct tok mh_types[] = {
	{ MH_BRR, "BRR" }, { MH_HOTI, "HoTI" }, { MH_COTI, "CoTI" },
	{ MH_HOT, "HoT" }, { MH_COT, "CoT" }, { MH_BU, "BU" },
	{ MH_BA, "BA" }, { MH_BE, "BE" }, { 0, NULL }
};

/* The smallest header each known type fits in. */
static const unsigned mh_minlen[MH_MAX + 1] = { 8, 16, 16, 24, 24, 12, 12, 24 };

static const struct tok bu_flags[] = {
	{ 0x08, "A" }, { 0x04, "H" }, { 0x02, "L" }, { 0x01, "K" }, { 0, NULL }
};

/* The options in [bp, bp+len); 1 when they are cut short.  As tcpdump,
 * the byte after each option must have been captured too. */
static int mopt_print(struct nd *nd, const uint8_t *bp, unsigned len)
{
	unsigned i, olen, t;
	char b[46];

	for (i = 0; i < len; i += olen) {
		t = g1(nd, bp + i);
		if (t == 0)
			olen = 1;
		else if (i + 1 < len)
			olen = g1(nd, bp + i + 1) + 2u;
		else
			return 1;
		if (i + olen > len || !nd_ok(nd, bp + i + olen, 1))
			return 1;
		switch (t) {
		case 0:
			P("(pad1)");
			break;
		case 1:
			if (len - i < 2) {
				P("(padn: trunc)");
				return 1;
			}
			P("(padn)");
			break;
		case 2:	/* binding refresh advice, in units of 4 s */
			if (len - i < 4) {
				P("(refresh: trunc)");
				return 1;
			}
			P("(refresh: %u)", g2(nd, bp + i + 2) << 2);
			break;
		case 3:
			if (len - i < 18) {
				P("(altcoa: trunc)");
				return 1;
			}
			P("(alt-CoA: %s)", ip6_str(nd, bp + i + 2, b));
			break;
		case 4:
			if (len - i < 6) {
				P("(ni: trunc)");
				return 1;
			}
			P("(ni: ho=0x%04x co=0x%04x)", g2(nd, bp + i + 2), g2(nd, bp + i + 4));
			break;
		case 5:
			if (len - i < 12) {
				P("(auth: trunc)");
				return 1;
			}
			P("(auth)");
			break;
		default:
			if (len - i < 2) {
				P("(sopt_type %u: trunc)", t);
				return 1;
			}
			P("(type-0x%02x: len=%u)", t, g1(nd, bp + i + 1));
			break;
		}
	}
	return 0;
}

int mobility_print(struct nd *nd, const uint8_t *bp, const uint8_t *ip6)
{
	unsigned mhlen, hlen, type, bits;
	const char *who;
	char b[46];

	(void)ip6;
	nd->proto = "mobility";
	if (!nd_ok(nd, bp + 1, 1)) {
		nd_trunc(nd);
		return -1;
	}
	mhlen = (bp[1] + 1u) << 3;
	type = g1(nd, bp + 2);
	if (type <= MH_MAX && mhlen < mh_minlen[type]) {
		P("(header length %u is too small for type %u)", mhlen, type);
		nd_trunc(nd);
		return -1;
	}
	P("mobility: %s", tok2str(mh_types, "type-#%u", type, b, sizeof(b)));
	switch (type) {
	case MH_BRR:
		hlen = 8;
		break;
	case MH_HOTI:
	case MH_COTI:
		if (nd->o->vflag)
			P(" %s Init Cookie=%08x:%08x", type == MH_HOTI ? "Home" : "Care-of",
			  g4(nd, bp + 8), g4(nd, bp + 12));
		hlen = 16;
		break;
	case MH_HOT:
	case MH_COT:
		who = type == MH_HOT ? "Home" : "Care-of";
		P(" nonce id=0x%x", g2(nd, bp + 6));
		if (nd->o->vflag) {
			P(" %s Init Cookie=%08x:%08x", who, g4(nd, bp + 8), g4(nd, bp + 12));
			P(" %s Keygen Token=%08x:%08x", who, g4(nd, bp + 16), g4(nd, bp + 20));
		}
		hlen = 24;
		break;
	case MH_BU:
		P(" seq#=%u", g2(nd, bp + 6));
		if (!nd_ok(nd, bp + 8, 2)) {
			nd_trunc(nd);
			return -1;
		}
		bits = bp[8] >> 4;
		if (bits) {
			P(" ");
			bits_print(nd, bu_flags, "", bits, "");
		}
		P(" lifetime=%u", g2(nd, bp + 10) << 2);
		hlen = 12;
		break;
	case MH_BA:
		P(" status=%u", g1(nd, bp + 6));
		if (g1(nd, bp + 7) & 0x80)
			P(" K");
		P(" seq#=%u", g2(nd, bp + 8));
		P(" lifetime=%u", g2(nd, bp + 10) << 2);
		hlen = 12;
		break;
	case MH_BE:
		P(" status=%u", g1(nd, bp + 6));
		P(" homeaddr %s", ip6_str(nd, bp + 8, b));
		hlen = 24;
		break;
	default:
		P(" len=%u", bp[1]);
		return (int)mhlen;
	}
	if (nd->o->vflag && mopt_print(nd, bp + hlen, mhlen - hlen)) {
		nd_trunc(nd);
		return -1;
	}
	return (int)mhlen;
}
