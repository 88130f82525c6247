/* BGP multiprotocol NLRI as tcpdump 4.99.3 prints them: plain, labeled
 * and VPN prefixes of IPv4, IPv6 and NSAP, route target membership,
 * multicast VPN, MDT and layer-2 VPN routes; route distinguishers and
 * extended communities.  tcpdump's quirks (which length a prefix is
 * checked against, what is left unchecked) are kept. */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bgp-int.h"

static const struct tok l2vpn_encaps[] = {
	{ 0, "Reserved" }, { 1, "Frame Relay" }, { 2, "ATM AAL5 SDU VCC transport" },
	{ 3, "ATM transparent cell transport" }, { 4, "Ethernet (VLAN) Tagged Mode" },
	{ 5, "Ethernet Raw Mode" }, { 6, "Cisco HDLC" }, { 7, "PPP" },
	{ 8, "SONET/SDH Circuit Emulation Service over MPLS" },
	{ 9, "ATM n-to-one VCC cell transport" }, { 10, "ATM n-to-one VPC cell transport" },
	{ 11, "IP layer 2 transport" }, { 15, "Frame Relay Port mode" },
	{ 17, "Structure-agnostic E1 over packet" },
	{ 18, "Structure-agnostic T1 (DS1) over packet" }, { 19, "VPLS" },
	{ 20, "Structure-agnostic T3 (DS3) over packet" },
	{ 21, "Nx64kbit/s Basic Service using Structure-aware" }, { 25, "Frame Relay DLCI" },
	{ 40, "Structure-agnostic E3 over packet" },
	{ 41, "Octet-aligned playload for Structure-agnostic DS1 circuits" },
	{ 42, "E1 Nx64kbit/s with CAS using Structure-aware" },
	{ 43, "DS1 (ESF) Nx64kbit/s with CAS using Structure-aware" },
	{ 44, "DS1 (SF) Nx64kbit/s with CAS using Structure-aware" }, { 0, NULL }
};
static const struct tok ospf_rtypes[] = {
	{ 1, "Router" }, { 2, "Network" }, { 3, "Summary" }, { 5, "External" },
	{ 7, "NSSA External" }, { 129, "MPLS-VPN Sham" }, { 0, NULL }
};
static const struct tok tunnel_types[] = {
	{ 1, "L2TPv3 over IP" }, { 2, "GRE" }, { 3, "Transmit Tunnel" }, { 4, "IPsec" },
	{ 5, "IP in IP with IPsec" }, { 6, "MPLS in IP with IPsec" }, { 7, "IP in IP" },
	{ 8, "VXLAN" }, { 9, "NVGRE" }, { 10, "MPLS" }, { 11, "MPLS in GRE" },
	{ 12, "VXLAN GPE" }, { 13, "MPLS in UDP" }, { 14, "IPv6" }, { 15, "SR TE" },
	{ 16, "Bare" }, { 17, "SR" }, { 0, NULL }
};
static const struct tok mvpn_types[] = {
	{ 1, "Intra-AS I-PMSI" }, { 2, "Inter-AS I-PMSI" }, { 3, "S-PMSI" },
	{ 4, "Intra-AS Segment-Leaf" }, { 5, "Source-Active" }, { 6, "Shared Tree Join" },
	{ 7, "Source Tree Join" }, { 0, NULL }
};

/* family keys: afi << 8 | safi */
#define F(a, s) ((unsigned)(a) << 8 | (s))

int bgp_family_known(unsigned afi, unsigned safi)
{
	switch (F(afi, safi)) {
	case F(1, 1): case F(1, 2): case F(1, 3): case F(1, 4): case F(1, 132):
	case F(1, 128): case F(1, 129): case F(1, 130): case F(1, 5): case F(1, 66):
	case F(2, 1): case F(2, 2): case F(2, 3): case F(2, 4): case F(2, 128):
	case F(2, 129): case F(2, 130):
	case F(3, 1): case F(3, 2): case F(3, 3): case F(3, 128): case F(3, 129):
	case F(3, 130):
	case F(196, 128): case F(196, 129): case F(196, 130): case F(25, 65):
		return 1;
	}
	return 0;
}

const char *bgp_nsap_str(const uint8_t *p, unsigned n, char *buf)
{
	unsigned i;
	char *c = buf;

	if (n < 1 || n > 20)
		return "isonsap_string: illegal length";
	for (i = 0; i < n; i++) {
		c += sprintf(c, "%02x", p[i]);
		if (!(i & 1) && i + 1 < n)
			*c++ = '.';
	}
	*c = 0;
	return buf;
}

const char *bgp_rd_str(struct nd *nd, const uint8_t *p, char *buf)
{
	char asb[12];

	switch (g2(nd, p)) {
	case 0:
		gcheck(nd, p, 8);
		snprintf(buf, 64, "%u:%u (= %u.%u.%u.%u)", g2(nd, p + 2), g4(nd, p + 4),
			 p[4], p[5], p[6], p[7]);
		break;
	case 1:
		gcheck(nd, p, 8);
		snprintf(buf, 64, "%u.%u.%u.%u:%u", p[2], p[3], p[4], p[5], g2(nd, p + 6));
		break;
	case 2:
		gcheck(nd, p, 8);
		snprintf(buf, 64, "%s:%u (%u.%u.%u.%u:%u)", bgp_as_str(nd, g4(nd, p + 2), asb),
			 g2(nd, p + 6),
			 p[2], p[3], p[4], p[5], g2(nd, p + 6));
		break;
	default:
		snprintf(buf, 64, "unknown RD format");
		break;
	}
	return buf;
}

void bgp_extcomm_print(struct nd *nd, const uint8_t *p)
{
	char a[16], b[24];
	unsigned t;

	gcheck(nd, p, 8);
	switch (g2(nd, p)) {
	case 0x0002: case 0x0003: case 0x000a:
		P("%u:%u (= %s)", g2(nd, p + 2), g4(nd, p + 4), ip4_str(nd, p + 4, a));
		break;
	case 0x0102: case 0x0103: case 0xf10a: case 0x010b:
		P("%s:%u", ip4_str(nd, p + 2, a), g2(nd, p + 6));
		break;
	case 0x0202: case 0x0203:
		P("%s:%u", bgp_as_str(nd, g4(nd, p + 2), b), g2(nd, p + 6));
		break;
	case 0x4004: {
		uint32_t v = g4(nd, p + 4);
		float f;

		memcpy(&f, &v, sizeof(f));
		f = f * 8 / 1000000;
		P("bandwidth: %.3f Mbps", f);
		break;
	}
	case 0x0005: case 0x0105: case 0x0205: case 0x8005: case 0x0107: case 0x8001:
		P("%s", ip4_str(nd, p + 2, a));
		break;
	case 0x0306: case 0x8000:
		t = p[6];
		P("area:%s, router-type:%s, metric-type:%s%s", ip4_str(nd, p + 2, a),
		  tok2str(ospf_rtypes, "unknown (0x%02x)", t, b, sizeof(b)),
		  (p[7] & 1) ? "E2" : "", (t == 5 || t == 7) ? "E1" : "");
		break;
	case 0x800a:
		P("%s Control Flags [0x%02x]:MTU %u", tok_or(l2vpn_encaps, p[2], "unknown encaps"),
		  p[3], g2(nd, p + 4));
		break;
	case 0x0009:
		P("AS %u", g2(nd, p + 2));
		break;
	case 0x030c:
		P("Tunnel type: %s", tok_or(tunnel_types, g2(nd, p + 6), "unknown encaps"));
		break;
	default:
		P("%02x%02x%02x%02x%02x%02x", p[2], p[3], p[4], p[5], p[6], p[7]);
		break;
	}
}

int bgp_add_path_guess(struct nd *nd, const uint8_t *p, uint32_t length, unsigned bits)
{
	uint32_t off;
	unsigned pl;

	if (length < 5)
		return 0;
	for (off = 0; off < length;) {
		off += 4;
		if (!nd_ok(nd, p + off, 1))
			break;
		pl = p[off];
		if (pl > bits)
			return 0;
		off += 1 + (pl + 7) / 8;
	}
	if (off > length)
		return 0;
	for (off = 0; off < length;) {
		if (!nd_ok(nd, p + off, 1))
			break;
		pl = p[off];
		if (pl < 1 || pl > bits)
			return 1;
		off += 1 + (pl + 7) / 8;
	}
	return off > length;
}

/* The address bytes of a prefix, masked to plen bits, as text. */
static const char *addr_of(struct nd *nd, const uint8_t *src, unsigned plen, unsigned bits,
			   char *a)
{
	uint8_t addr[16] = { 0 };
	unsigned nb = (plen + 7) / 8;

	gcheck(nd, src, nb);
	memcpy(addr, src, nb);
	if (plen % 8)
		addr[nb - 1] &= (uint8_t)(0xff00 >> (plen % 8));
	if (!inet_ntop(bits == 32 ? AF_INET : AF_INET6, addr, a, INET6_ADDRSTRLEN))
		strcpy(a, "?");
	return a;
}

int bgp_prefix(struct nd *nd, const uint8_t *p, uint32_t itemlen, char *buf, unsigned bits)
{
	char a[INET6_ADDRSTRLEN];
	unsigned plen, nb;

	if (itemlen < 1)
		return -2;
	plen = g1(nd, p);
	if (plen > bits)
		return -1;
	nb = (plen + 7) / 8;
	if (itemlen - 1 < nb)
		return -2;
	snprintf(buf, BGP_NLRI_BUF, "%s/%u", addr_of(nd, p + 1, plen, bits, a), plen);
	return (int)(1 + nb);
}

static const char *bos(struct nd *nd, const uint8_t *p)
{
	return (g1(nd, p) & 1) ? "(bottom)" : "(BOGUS: Bottom of Stack NOT set!)";
}

/* RFC 3107: -1 bad length, -2 capture ends, -3 itemlen short */
static int labeled_prefix(struct nd *nd, const uint8_t *p, uint32_t itemlen, char *buf,
			  unsigned bits)
{
	char a[INET6_ADDRSTRLEN];
	unsigned plen;

	if (!nd_ok(nd, p, 4))
		return -2;
	if (itemlen < 4)
		return -3;
	plen = p[0];
	if (plen < 24)
		return -1;
	plen -= 24;
	if (plen > bits)
		return -1;
	if (bits == 32 && itemlen - 4 < (plen + 7) / 8)
		return -3;
	addr_of(nd, p + 4, plen, bits, a);
	snprintf(buf, BGP_NLRI_BUF, "%s/%u, label:%u %s", a, plen, g3(nd, p + 1) >> 4,
		 bos(nd, p + 3));
	return (int)(4 + (plen + 7) / 8);
}

/* RFC 4364 label, RD, prefix (bits 32, 128, or 152 for NSAP) */
static int vpn_prefix(struct nd *nd, const uint8_t *p, char *buf, unsigned bits)
{
	char a[64], rd[64];
	const char *as = a;
	unsigned plen = g1(nd, p);

	if (plen < 88)
		return -1;
	plen -= 88;
	if (plen > bits)
		return -1;
	if (bits == 152) {
		uint8_t addr[19] = { 0 };
		unsigned nb = (plen + 7) / 8;

		gcheck(nd, p + 12, nb);
		memcpy(addr, p + 12, nb);
		if (plen % 8)
			addr[nb - 1] &= (uint8_t)(0xff00 >> (plen % 8));
		as = bgp_nsap_str(addr, nb, a);
	} else {
		addr_of(nd, p + 12, plen, bits, a);
	}
	snprintf(buf, BGP_NLRI_BUF, "RD: %s, %s/%u, label:%u %s", bgp_rd_str(nd, p + 4, rd), as,
		 plen, g3(nd, p + 1) >> 4, bos(nd, p + 3));
	return (int)(12 + (plen + 7) / 8);
}

static int clnp_prefix(struct nd *nd, const uint8_t *p, char *buf)
{
	uint8_t addr[19] = { 0 };
	char a[64];
	unsigned plen = g1(nd, p), nb;

	if (plen > 152)
		return -1;
	nb = (plen + 7) / 8;
	gcheck(nd, p + 4, nb);	/* sic: tcpdump reads the address from offset 4 */
	memcpy(addr, p + 4, nb);
	if (plen % 8)
		addr[nb - 1] &= (uint8_t)(0xff00 >> (plen % 8));
	snprintf(buf, BGP_NLRI_BUF, "%s/%u", bgp_nsap_str(addr, nb, a), plen);
	return (int)(1 + nb);
}

/* RFC 4684 prefix text; rt holds 8 bytes, unused bits zero */
static void rt_prefix_str(const struct nd *nd, const uint8_t *rt, unsigned plen, char *out)
{
	char hex[20] = "", asb[12];
	unsigned i, n = (plen + 7) / 8, hl = 0;
	unsigned type = (unsigned)rt[0] << 8 | rt[1];
	uint32_t v4 = (uint32_t)rt[4] << 24 | (uint32_t)rt[5] << 16 | (uint32_t)rt[6] << 8 | rt[7];
	uint32_t v2 = (uint32_t)rt[2] << 24 | (uint32_t)rt[3] << 16 | (uint32_t)rt[4] << 8 | rt[5];

	if (plen == 0) {
		strcpy(out, "route-target: 0:0/0");
		return;
	}
	for (i = 0; i < n; i++)
		hl += (unsigned)snprintf(hex + hl, sizeof(hex) - hl, "%02x%s", rt[i],
					 (i % 2 == 1 && i < n - 1) ? " " : "");
	if (plen < 16) {
		snprintf(out, 61, "route-target: partial-type: (%s/%u)", hex, plen);
		return;
	}
	switch (type) {
	case 0x0002:
		snprintf(out, 61, "route-target: %u:%u/%u (%s)", (unsigned)rt[2] << 8 | rt[3], v4,
			 plen, hex);
		break;
	case 0x0102:
		snprintf(out, 61, "route-target: %u.%u.%u.%u:%u/%u (%s)", rt[2], rt[3], rt[4], rt[5],
			 (unsigned)rt[6] << 8 | rt[7], plen, hex);
		break;
	case 0x0202:
		snprintf(out, 61, "route-target: %s:%u/%u (%s)", bgp_as_str(nd, v2, asb),
			 (unsigned)rt[6] << 8 | rt[7],
			 plen, hex);
		break;
	default:
		snprintf(out, 61, "route target: unknown-type(%04x) (%s/%u)", type, hex, plen);
		break;
	}
}

static int rt_routing_info(struct nd *nd, const uint8_t *p)
{
	char asb[12];
	uint8_t rt[8] = { 0 };
	char out[64];
	unsigned plen = g1(nd, p), nb;
	uint32_t as;

	if (plen == 0) {
		P("\n\t      default route target");
		return 1;
	}
	if (plen < 32) {
		P("\n\t      (illegal prefix length)");
		return -1;
	}
	as = g4(nd, p + 1);
	plen -= 32;
	if (plen > 64) {
		P("\n\t      (illegal prefix length)");
		return -1;
	}
	nb = (plen + 7) / 8;
	gcheck(nd, p + 5, nb);
	memcpy(rt, p + 5, nb);
	if (plen % 8)
		rt[nb - 1] &= (uint8_t)(0xff00 >> (plen % 8));
	rt_prefix_str(nd, rt, plen, out);
	P("\n\t      origin AS: %s, %s", bgp_as_str(nd, as, asb), out);
	return (int)(5 + nb);
}

static void cat(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void cat(char *buf, const char *fmt, ...)
{
	size_t o = strlen(buf);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf + o, BGP_NLRI_BUF - o, fmt, ap);
	va_end(ap);
}

static const char *vpn_ip(struct nd *nd, const uint8_t *p, uint32_t bits, char *a)
{
	if (bits == 32)
		return ip4_str(nd, p, a);
	if (bits == 128)
		return ip6_str(nd, p, a);
	snprintf(a, 64, "bogus address length %u", bits);
	return a;
}

/* multicast source and group: the bytes read */
static unsigned sg_print(struct nd *nd, const uint8_t *p, char *buf)
{
	unsigned total = 0, al, k;
	char a[64];

	for (k = 0; k < 2; k++) {
		al = g1(nd, p);
		p++;
		if (!nd_ok(nd, p, al >> 3))
			return total;
		total += (al >> 3) + 1;
		if (al) {
			cat(buf, k ? ", Group %s" : ", Source %s", vpn_ip(nd, p, al, a));
			p += al >> 3;
		}
	}
	return total;
}

static int multicast_vpn(struct nd *nd, const uint8_t *p, char *buf)
{
	char asb[12];
	unsigned type = g1(nd, p), rl = g1(nd, p + 1), sl;
	char rd[64], a[64];

	snprintf(buf, BGP_NLRI_BUF, "Route-Type: %s (%u), length: %u",
		 tok_or(mvpn_types, type, "Unknown"), type, rl);
	p += 2;
	switch (type) {
	case 1:
		if (!nd_ok(nd, p, 8))
			return -2;
		bgp_rd_str(nd, p, rd);
		cat(buf, ", RD: %s, Originator %s", rd,
		    vpn_ip(nd, p + 8, (uint32_t)((int)rl - 8) << 3, a));
		break;
	case 2: case 6: case 7:
		if (!nd_ok(nd, p, 12))
			return -2;
		bgp_rd_str(nd, p, rd);
		cat(buf, ", RD: %s, Source-AS %s", rd, bgp_as_str(nd, g4(nd, p + 8), asb));
		if (type != 2)
			sg_print(nd, p + 12, buf);
		break;
	case 3: case 5:
		if (!nd_ok(nd, p, 8))
			return -2;
		cat(buf, ", RD: %s", bgp_rd_str(nd, p, rd));
		p += 8;
		sl = sg_print(nd, p, buf);
		if (type == 3) {
			/* sic: tcpdump reads the originator right after the RD */
			uint32_t al = rl - sl;

			if (!nd_ok(nd, p, al))
				return -2;
			cat(buf, ", Originator %s", vpn_ip(nd, p, al << 3, a));
		}
		break;
	default:
		break;
	}
	return (int)rl + 2;
}

static int mdt_vpn(struct nd *nd, const uint8_t *p, char *buf)
{
	char rd[64], a[16], b[16];

	if (g1(nd, p) != 128)
		return -1;
	p++;
	if (!nd_ok(nd, p, 8))
		return -2;
	bgp_rd_str(nd, p, rd);
	ip4_str(nd, p + 8, a);
	snprintf(buf, BGP_NLRI_BUF, "RD: %s, VPN IP Address: %s, MC Group Address: %s", rd, a,
		 ip4_str(nd, p + 12, b));
	return 17;
}

/* tcpdump's bounded appends into its NLRI buffer: once a piece does not
 * fit, nothing more is added. */
struct lbuf {
	char *p;
	size_t left;
};
static int lcat(struct lbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int lcat(struct lbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!b->left)
		return 0;
	va_start(ap, fmt);
	n = vsnprintf(b->p, b->left, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n > b->left) {
		b->left = 0;
	} else {
		b->left -= (size_t)n;
		b->p += n;
	}
	return 1;
}

static int labeled_vpn_l2(struct nd *nd, const uint8_t *p, char *buf)
{
	struct lbuf b = { buf, BGP_NLRI_BUF };
	unsigned plen = g2(nd, p), tlen = plen, type, tl, ttl;
	char rd[64], a[16];

	p += 2;
	buf[0] = 0;
	if (plen == 12) {
		if (!nd_ok(nd, p, 12))
			return -2;
		bgp_rd_str(nd, p, rd);
		lcat(&b, "RD: %s, BGPNH: %s", rd, ip4_str(nd, p + 8, a));
		return (int)plen + 2;
	}
	if (plen <= 17)
		return -2;
	if (!nd_ok(nd, p, 15))
		return -2;
	bgp_rd_str(nd, p, rd);
	lcat(&b, "RD: %s, CE-ID: %u, Label-Block Offset: %u, Label Base %u", rd, g2(nd, p + 8),
	     g2(nd, p + 10), g3(nd, p + 12) >> 4);
	p += 15;
	tlen -= 15;
	while (tlen) {
		if (tlen < 3) {
			lcat(&b, "\n\t\tran past the end");
			return (int)plen + 2;
		}
		/* sic: tcpdump neither counts the TLV header nor skips
		 * an unknown TLV's value */
		type = g1(nd, p);
		tl = g2(nd, p + 1);
		ttl = (tl + 7) / 8;
		p += 3;
		if (type == 1) {
			lcat(&b, "\n\t\tcircuit status vector (%u) length: %u: 0x", type, tl);
			for (; ttl; ttl--, tlen--) {
				if (tlen < 1) {
					lcat(&b, " (ran past the end)");
					return (int)plen + 2;
				}
				if (!nd_ok(nd, p, 1))
					return -2;
				if (lcat(&b, "%02x", p[0]))
					p++;
			}
		} else {
			lcat(&b, "\n\t\tunknown TLV #%u, length: %u", type, tl);
			if (tlen < ttl) {
				lcat(&b, " (ran past the end)");
				return (int)plen + 2;
			}
			tlen -= ttl;
		}
	}
	return (int)plen + 2;
}

int bgp_nlri_print(struct nd *nd, unsigned afi, unsigned safi, const uint8_t *p,
		   uint32_t attrlen, int ap4, int ap6)
{
	char buf[BGP_NLRI_BUF];
	uint32_t id = 0;
	int n;

	switch (F(afi, safi)) {
	case F(1, 1): case F(1, 2): case F(1, 3):
	case F(2, 1): case F(2, 2): case F(2, 3): {
		int ap = afi == 1 ? ap4 : ap6;

		if (ap) {
			id = g4(nd, p);
			p += 4;
		}
		n = bgp_prefix(nd, p, attrlen, buf, afi == 1 ? 32 : 128);
		if (n == -2)
			return -2;
		if (n == -1)
			P("\n\t    (illegal prefix length)");
		else
			P("\n\t      %s", buf);
		if (ap) {
			P("   Path Id: %u", id);
			n += 4;
		}
		return n;
	}
	case F(1, 4): case F(2, 4):
		n = labeled_prefix(nd, p, attrlen, buf, afi == 1 ? 32 : 128);
		break;
	case F(1, 128): case F(1, 129): case F(1, 130):
	case F(2, 128): case F(2, 129): case F(2, 130):
	case F(3, 128): case F(3, 129): case F(3, 130):
		n = vpn_prefix(nd, p, buf, afi == 1 ? 32 : afi == 2 ? 128 : 152);
		break;
	case F(1, 132):
		return rt_routing_info(nd, p);
	case F(1, 5): case F(2, 5):
		n = multicast_vpn(nd, p, buf);
		break;
	case F(1, 66):
		n = mdt_vpn(nd, p, buf);
		break;
	case F(25, 65): case F(196, 128): case F(196, 129): case F(196, 130):
		n = labeled_vpn_l2(nd, p, buf);
		if (n == -2)
			return -2;
		P("\n\t      %s", buf);
		return n;
	case F(3, 1): case F(3, 2): case F(3, 3):
		n = clnp_prefix(nd, p, buf);
		break;
	default:
		P("\n\t    ERROR: no AFI %u / SAFI %u decoder", afi, safi);
		return -4;
	}
	if (n == -1)
		P("\n\t    (illegal prefix length)");
	else if (n >= 0)
		P("\n\t      %s", buf);
	return n;
}
