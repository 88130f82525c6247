/* Cisco HDLC and its SLARP keepalives, as tcpdump 4.99.3 prints them. */
#include <stdio.h>

#include "ppp-int.h"

static const struct tok casts[] = { { 0x0f, "unicast" }, { 0x8f, "bcast" }, { 0, NULL } };
static void slarp_print(struct nd *nd, const uint8_t *cp, uint32_t length)
{
	uint32_t code, t, d, h, m;
	char a[16], b[16];

	nd->proto = "chdlc_slarp";
	P("SLARP (length: %u), ", length);
	if (length < 14 || !nd_ok(nd, cp, 14)) {
		nd_trunc(nd);
		return;
	}
	code = g4(nd, cp);
	switch (code) {
	case 0:
		P("request");
		break;
	case 1:
		ip4_str(nd, cp + 4, a);
		P("reply %s/%s", a, ip4_str(nd, cp + 8, b));
		break;
	case 2:
		P("keepalive: mineseen=0x%08x, yourseen=0x%08x, reliability=0x%04x",
		  g4(nd, cp + 4), g4(nd, cp + 8), g2(nd, cp + 12));
		if (length >= 18) {	/* the uptime is optional */
			t = g4(nd, cp + 14) / 1000;
			m = t / 60;
			t -= m * 60;
			h = m / 60;
			m -= h * 60;
			d = h / 24;
			h -= d * 24;
			P(", link uptime=%ud%uh%um%us", d, h, m, t);
			cp += 14;	/* tcpdump's -vv dump below starts later then */
		}
		break;
	default:
		P("0x%02x unknown", code);
		if (nd->o->vflag <= 1)
			ppp_hexdump(nd, cp + 4, "\n\t", length - 4);
		break;
	}
	if (length > 18 && nd->o->vflag)
		P(", (trailing junk: %u bytes)", length - 18);
	if (nd->o->vflag > 1)
		ppp_hexdump(nd, cp + 4, "\n\t", length - 4);
}

uint32_t chdlc_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t proto;
	const char *n;
	char b[8];

	nd->proto = "chdlc";
	if (length < 4) {
		nd_trunc(nd);
		return (uint32_t)nd_avail(nd, p);
	}
	proto = g2(nd, p + 2);
	if (nd->o->eflag) {
		n = ethertype_name((uint16_t)proto);
		P("%s, ethertype %s (0x%04x), length %u: ", tok2str(casts, "0x%02x", p[0], b, sizeof(b)),
		  n ? n : "Unknown", proto, length);
	}
	length -= 4;
	p += 4;
	switch (proto) {
	case 0x0800:
		ip_print(nd, p, length);
		break;
	case 0x86dd:
		ip6_print(nd, p, length);
		break;
	case 0x8035:
		slarp_print(nd, p, length);
		break;
	case 0x8847: case 0x8848:
		mpls_print(nd, p, length);
		break;
	case 0xfefe:
		if (length < 2) {
			nd_trunc(nd);
			return (uint32_t)nd_avail(nd, p - 4);
		}
		/* a padding byte may come before the NLPID */
		switch (g1(nd, p + 1)) {
		case 0x81: case 0x82: case 0x83:
			isoclns_print(nd, p + 1, length - 1);
			break;
		default:
			isoclns_print(nd, p, length);
		}
		break;
	default:
		if (!nd->o->eflag)
			P("unknown CHDLC protocol (0x%04x)", proto);
		break;
	}
	return 4;
}
