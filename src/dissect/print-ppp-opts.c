/* PPP control protocol options: LCP, IPCP, IP6CP, CCP and BACP, as
 * tcpdump 4.99.3 prints them (with -v; -vv adds each option's bytes). */
#include <stdio.h>

#include "ppp-int.h"

static const char *const lcp_names[] = {
	"Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num",
	"deprecated(6)", "PFC", "ACFC", "FCS-Alt", "SDP", "Num-Mode",
	"deprecated(12)", "Call-Back", "deprecated(14)", "deprecated(15)",
	"deprecated(16)", "MRRU", "12-Bit seq #", "End-Disc", "Proprietary",
	"DCE-Id", "MP+", "Link-Disc", "LCP-Auth-Opt", "COBS", "Prefix-elision",
	"Multilink-header-Form", "I18N", "SDL-over-SONET/SDH", "PPP-Muxing",
};
#define NLCP (sizeof(lcp_names) / sizeof(lcp_names[0]))

static const struct tok auth_algs[] = {
	{ 5, "MD5" }, { 128, "MS-CHAPv1" }, { 129, "MS-CHAPv2" }, { 0, NULL }
};
static const struct tok callbacks[] = {
	{ 0, "UserAuth" }, { 1, "DialString" }, { 2, "LocalID" }, { 3, "E.164" },
	{ 4, "X.500" }, { 6, "CBCP" }, { 0, NULL }
};
static const struct tok ipcp_names[] = {
	{ 1, "IP-Addrs" }, { 2, "IP-Comp" }, { 3, "IP-Addr" }, { 4, "Home-Addr" },
	{ 129, "Pri-DNS" }, { 130, "Pri-NBNS" }, { 131, "Sec-DNS" }, { 132, "Sec-NBNS" },
	{ 0, NULL }
};
static const struct tok ipcomp_protos[] = {
	{ PPP_VJC_, "VJ-Comp" }, { 0x61, "IP Header Compression" }, { 0, NULL }
};
static const struct tok ipcomp_subopts[] = {
	{ 1, "RTP-Compression" }, { 2, "Enhanced RTP-Compression" }, { 0, NULL }
};
static const struct tok ip6cp_names[] = { { 1, "Interface-ID" }, { 0, NULL } };
static const struct tok ccp_names[] = {
	{ 0, "OUI" }, { 1, "Pred-1" }, { 2, "Pred-2" }, { 3, "Puddle" },
	{ 16, "HP-PPC" }, { 17, "Stac-LZS" }, { 18, "MPPC" }, { 19, "Gand-FZA" },
	{ 20, "V.42bis" }, { 21, "BSD-Comp" }, { 23, "LZS-DCP" }, { 24, "MVRCA" },
	{ 25, "DEC" }, { 26, "Deflate" }, { 255, "Reserved" }, { 0, NULL }
};
static const struct tok bacp_names[] = { { 1, "Favored-Peer" }, { 0, NULL } };

#define BOGUS(rel, n, ret) do { P(" (length bogus, should be %s %u)", rel, n); return ret; } while (0)

/* Type and length of an option: 0 when there is no room for it or it is
 * shorter than its own header (after saying so). */
static int opt_head(struct nd *nd, const uint8_t *p, uint32_t length,
		    const struct tok *names, const char *dflt, uint32_t *opt, uint32_t *len,
		    const char *tname)
{
	if (length < 2)
		return 0;
	if (!nd_ok(nd, p, 2)) {
		P("[|%s]", tname);
		return 0;
	}
	*opt = p[0];
	*len = p[1];
	if (length < *len)
		return 0;
	P("\n\t  %s Option (0x%02x), length %u", tok_or(names, *opt, dflt), *opt, *len);
	if (*len < 2) {
		P(" (length bogus, should be >= 2)");
		return 0;
	}
	return 1;
}

/* The bytes after the option header: with -v alone for options not
 * decoded; with -vv for all. */
static uint32_t opt_tail(struct nd *nd, const uint8_t *p, uint32_t len, int decoded)
{
	if ((!decoded && nd->o->vflag < 2) || nd->o->vflag > 1)
		ppp_hexdump(nd, p + 2, "\n\t    ", len - 2);
	return len;
}

uint32_t lcp_opt_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t opt, len, v;
	char b[46];

	if (length < 2)
		return 0;
	if (!nd_ok(nd, p, 2)) {
		P("[|lcp]");
		return 0;
	}
	opt = p[0];
	len = p[1];
	if (length < len)
		return 0;
	if (opt >= NLCP) {
		P("\n\tunknown LCP option 0x%02x", opt);
		return len < 2 ? 0 : len;
	}
	P("\n\t  %s Option (0x%02x), length %u", lcp_names[opt], opt, len);
	if (len < 2) {
		P(" (length bogus, should be >= 2)");
		return 0;
	}
	switch (opt) {
	case 0:
		if (len < 6)
			BOGUS(">=", 6, len);
		v = g3(nd, p + 2);
		P(": Vendor: %s (%u)", tok_or(oui_names, v, "Unknown"), v);
		break;
	case 1: case 17:
		if (len != 4)
			BOGUS("=", 4, opt == 1 ? len : 0);
		P(": %u", g2(nd, p + 2));
		break;
	case 2: case 5:
		if (len != 6)
			BOGUS("=", 6, opt == 2 ? len : 0);
		P(": 0x%08x", g4(nd, p + 2));
		break;
	case 3:
		if (len < 4)
			BOGUS(">=", 4, len);
		v = g2(nd, p + 2);
		P(": %s", tok_or(ppp_protos, v, "Unknown Auth Proto (0x04x)"));
		switch (v) {
		case PPP_CHAP_:
			P(", %s", tok2str(auth_algs, "Unknown Auth Alg %u", g1(nd, p + 4), b, sizeof(b)));
			break;
		case PPP_PAP_: case PPP_EAP_: case PPP_SPAP_: case PPP_SPAP_OLD_:
			break;
		default:
			ppp_hexdump(nd, p, "\n\t", len);
		}
		break;
	case 4:
		if (len < 4)
			BOGUS(">=", 4, 0);
		P(g2(nd, p + 2) == PPP_LQM_ ? ": LQR" : ": unknown");
		break;
	case 7: case 8:
		break;
	case 23:
		if (len != 4)
			BOGUS("=", 4, 0);
		P(": 0x%04x", g2(nd, p + 2));
		break;
	case 13:
		if (len < 3)
			BOGUS(">=", 3, 0);
		P(": ");
		v = g1(nd, p + 2);
		P(": Callback Operation %s (%u)", tok_or(callbacks, v, "Unknown"), v);
		break;
	case 19:
		if (len < 3)
			BOGUS(">=", 3, 0);
		switch (g1(nd, p + 2)) {
		case 0: P(": Null"); break;
		case 1: P(": Local"); break;
		case 2:
			if (len != 7)
				BOGUS("=", 7, 0);
			P(": IPv4 %s", ip4_str(nd, p + 3, b));
			break;
		case 3:
			if (len != 9)
				BOGUS("=", 9, 0);
			P(": MAC %s", mac_str(nd, p + 3, b));
			break;
		case 4: P(": Magic-Num-Block"); break;
		case 5: P(": PSNDN"); break;
		default: P(": Unknown class %u", p[2]); break;
		}
		break;
	default:
		return opt_tail(nd, p, len, 0);
	}
	return opt_tail(nd, p, len, 1);
}

uint32_t ipcp_opt_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t opt, len, proto, total, so, sl;
	char b[16], c[16];

	if (!opt_head(nd, p, length, ipcp_names, "unknown", &opt, &len, "ipcp"))
		return 0;
	switch (opt) {
	case 1:
		if (len != 10)
			BOGUS("=", 10, len);
		ip4_str(nd, p + 2, b);
		P(": src %s, dst %s", b, ip4_str(nd, p + 6, c));
		break;
	case 2:
		if (len < 4)
			BOGUS(">=", 4, 0);
		proto = g2(nd, p + 2);
		P(": %s (0x%02x):", tok_or(ipcomp_protos, proto, "Unknown"), proto);
		if (proto != 0x61)
			break;
		if (len < 14)
			BOGUS(">=", 14, 0);
		if (!nd_ok(nd, p + 2, 14)) {
			P("[|ipcp]");
			return 0;
		}
		P("\n\t    TCP Space %u, non-TCP Space %u, maxPeriod %u, maxTime %u, maxHdr %u",
		  g2(nd, p + 4), g2(nd, p + 6), g2(nd, p + 8), g2(nd, p + 10), g2(nd, p + 12));
		if (len <= 14)
			break;
		total = len - 14;
		p += 14;	/* tcpdump's -vv dump below starts after them too */
		P("\n\t      Suboptions, length %u", total);
		while (total >= 2) {
			if (!nd_ok(nd, p, 2)) {
				P("[|ipcp]");
				return 0;
			}
			so = p[0];
			sl = p[1];
			if (so == 0 || sl == 0)
				break;
			P("\n\t\t%s Suboption #%u, length %u", tok_or(ipcomp_subopts, so, "Unknown"), so, sl);
			if (total < sl) {
				P(" [remaining suboptions length %u < %u] (invalid)", total, sl);
				break;
			}
			total -= sl;
			p += sl;
		}
		break;
	case 3: case 4: case 129: case 130: case 131: case 132:
		if (len != 6)
			BOGUS("=", 6, 0);
		P(": %s", ip4_str(nd, p + 2, b));
		break;
	default:
		return opt_tail(nd, p, len, 0);
	}
	return opt_tail(nd, p, len, 1);
}

uint32_t ip6cp_opt_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t opt, len;

	if (!opt_head(nd, p, length, ip6cp_names, "unknown", &opt, &len, "ip6cp"))
		return 0;
	if (opt != 1)
		return opt_tail(nd, p, len, 0);
	if (len != 10)
		BOGUS("=", 10, len);
	if (!nd_ok(nd, p + 2, 8)) {
		P("[|ip6cp]");
		return 0;
	}
	P(": %04x:%04x:%04x:%04x", g2(nd, p + 2), g2(nd, p + 4), g2(nd, p + 6), g2(nd, p + 8));
	return opt_tail(nd, p, len, 1);
}

uint32_t ccp_opt_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t opt, len, v;

	if (!opt_head(nd, p, length, ccp_names, "Unknown", &opt, &len, "ccp"))
		return 0;
	switch (opt) {
	case 21:
		if (len < 3)
			BOGUS(">=", 3, len);
		v = g1(nd, p + 2);
		P(": Version: %u, Dictionary Bits: %u", v >> 5, v & 0x1f);
		break;
	case 24:
		if (len < 4)
			BOGUS(">=", 4, len);
		v = g1(nd, p + 2);
		P(": Features: %u, PxP: %s, History: %u, #CTX-ID: %u",
		  (v & 0xc0) >> 6, (v & 0x20) ? "Enabled" : "Disabled", v & 0x1f, g1(nd, p + 3));
		break;
	case 26:
		if (len < 4)
			BOGUS(">=", 4, len);
		v = g1(nd, p + 2);
		P(": Window: %uK, Method: %s (0x%x), MBZ: %u, CHK: %u",
		  (v & 0xf0) >> 4, (v & 0x0f) == 8 ? "zlib" : "unknown", v & 0x0f,
		  (g1(nd, p + 3) & 0xfc) >> 2, p[3] & 0x03);
		break;
	default:
		return opt_tail(nd, p, len, 0);
	}
	return opt_tail(nd, p, len, 1);
}

uint32_t bacp_opt_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t opt, len;

	if (!opt_head(nd, p, length, bacp_names, "Unknown", &opt, &len, "bacp"))
		return 0;
	if (opt != 1)
		return opt_tail(nd, p, len, 0);
	if (len != 6)
		BOGUS("=", 6, len);
	P(": Magic-Num 0x%08x", g4(nd, p + 2));
	return opt_tail(nd, p, len, 1);
}
