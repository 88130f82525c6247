/* OSPFv3 (RFC 5340) as tcpdump 4.99.3 prints it: the header, and with -v
 * the Hello and DD fixed fields; with -vv the neighbor list, the LSA
 * headers of DD, LS-Request and LS-Ack packets and the LSAs of LS-Updates
 * (router, network, inter-area prefix, AS-external, link, intra-area
 * prefix, grace and intra-area TE; others in hex).  After the packet come
 * the LLS block (RFC 5613, its header only) and the authentication trailer
 * (RFC 7166).  Where tcpdump gives up on bad lengths it prints
 * " [|ospf3]" and returns; data that ends early stops the packet. */
#include <arpa/inet.h>
#include <string.h>

#include "ospf-int.h"

static const struct tok packet_types[] = {
	{ 1, "Hello" }, { 2, "Database Description" }, { 3, "LS-Request" },
	{ 4, "LS-Update" }, { 5, "LS-Ack" }, { 0, NULL }
};

static const struct tok option_bits[] = {
	{ 0x01, "V6" }, { 0x02, "External" }, { 0x04, "Deprecated" }, { 0x08, "NSSA" },
	{ 0x10, "Router" }, { 0x20, "Demand Circuit" }, { 0x0100, "AFs Support" },
	{ 0x0200, "LLS" }, { 0x0400, "Authentication Trailer" }, { 0, NULL }
};

static const struct tok rla_flags[] = {
	{ 0x01, "ABR" }, { 0x02, "External" }, { 0x04, "Virtual-Link Endpoint" },
	{ 0x08, "Deprecated" }, { 0x10, "NSSA Translator" }, { 0, NULL }
};

/* tcpdump tests the OSPFv2 external bit here */
static const struct tok asla_flags[] = {
	{ 0x80000000, "External Type 2" }, { 0x02000000, "Forwarding" },
	{ 0x01000000, "Tag" }, { 0, NULL }
};

static const struct tok lsa_types[] = {
	{ 1, "Router" }, { 2, "Network" }, { 3, "Inter-Area Prefix" },
	{ 4, "Inter-Area Router" }, { 5, "External" }, { 6, "Deprecated" }, { 7, "NSSA" },
	{ 8, "Link" }, { 9, "Intra-Area Prefix" }, { 10, "Intra-Area TE" }, { 11, "Grace" },
	{ 12, "Router Information" }, { 13, "Inter-AS-TE" }, { 14, "Layer 1 VPN" },
	{ 0, NULL }
};

static const struct tok scopes[] = {
	{ 0x0000, "Link Local" }, { 0x2000, "Area Local" }, { 0x4000, "Domain Wide" },
	{ 0, NULL }
};

static const struct tok dd_flags[] = {
	{ 0x04, "Init" }, { 0x02, "More" }, { 0x01, "Master" }, { 0x10, "IPv6 MTU" },
	{ 0, NULL }
};

static const struct tok prefix_opts[] = {
	{ 0x01, "No Unicast" }, { 0x02, "Local address" }, { 0x04, "Deprecated" },
	{ 0x08, "Propagate" }, { 0x10, "Down" }, { 0x20, "N-bit" }, { 0, NULL }
};

static void ls_type_print(struct nd *nd, unsigned type, const uint8_t *id)
{
	char b[16];

	ip4_str(nd, id, b);
	P("\n\t    %s LSA (%u), %s Scope%s, LSA-ID %s",
	  tok_or(lsa_types, type & 0x1fff, "Unknown"), type & 0x1fff,
	  tok_or(scopes, type & 0x6000, "Unknown"), (type & 0x8000) ? ", transitive" : "", b);
}

/* 1 when the header does not fit before dataend. */
static int lshdr_print(struct nd *nd, const uint8_t *l, const uint8_t *dataend)
{
	char b[16];

	if (l + 20 > dataend)
		return 1;
	P("\n\t  Advertising Router %s, seq 0x%08x, age %us, length %zu", ip4_str(nd, l + 8, b),
	  g4(nd, l + 12), g2(nd, l), (size_t)g2(nd, l + 18) - 20);
	ls_type_print(nd, g2(nd, l + 2), l + 4);
	return 0;
}

/* One prefix (length, options, metric, the prefix in 32-bit words): its
 * size, or -1 when it does not fit in len or was not captured. */
static int prefix_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint8_t a[16];
	char b[46];
	unsigned plen, words, opt;

	if (len < 4 || !nd_ok(nd, p, 4))
		return -1;
	len -= 4;
	plen = g1(nd, p);
	words = (plen + 31) / 32;
	if (words * 4 > 16) {
		P(" bogus prefixlen /%u", plen);
		return -1;
	}
	if (len < words * 4)
		return -1;
	gcheck(nd, p + 4, words * 4);
	memset(a, 0, sizeof(a));
	memcpy(a, p + 4, words * 4);
	if (!inet_ntop(AF_INET6, a, b, sizeof(b)))
		strcpy(b, "?");
	P("\n\t\t%s/%u", b, plen);
	opt = g1(nd, p + 1);
	if (opt)
		ospf_bits(nd, ", Options ", prefix_opts, "none", opt);
	P(", metric %u", g2(nd, p + 2));
	return 4 + (int)words * 4;
}

/* n prefixes (n < 0: until len is used up); 1 when one is bad. */
static int prefixes_print(struct nd *nd, const uint8_t *p, uint32_t len, long n)
{
	int r;

	while (n < 0 ? len != 0 : n-- > 0) {
		r = prefix_print(nd, p, len);
		if (r < 0)
			return 1;
		len -= (uint32_t)r;
		p += r;
	}
	return 0;
}

static int router_lsa_print(struct nd *nd, const uint8_t *t, uint32_t len)
{
	static const char *const what[] = {
		NULL, "Neighbor Router-ID", "Neighbor Network-ID", NULL,
		"Virtual Link: Neighbor Router-ID",
	};
	const uint8_t *r;
	unsigned type;
	char b1[16], b2[16], b3[16];

	if (len < 4)
		return 1;
	len -= 4;
	ospf_bits(nd, "\n\t      Options ", option_bits, "none", g4(nd, t));
	ospf_bits(nd, ", RLA-Flags ", rla_flags, "none", g1(nd, t));
	for (r = t + 4; len != 0; r += 16) {
		if (len < 16)
			return 1;
		len -= 16;
		if (!nd_ok(nd, r, 16))
			return 1;
		type = g1(nd, r);
		if (type != 1 && type != 2 && type != 4) {
			P("\n\t      Unknown Router Links Type 0x%02x", type);
			return 0;
		}
		P("\n\t      %s %s\n\t      Neighbor Interface-ID %s, Interface %s", what[type],
		  ip4_str(nd, r + 12, b1), ip4_str(nd, r + 8, b2), ip4_str(nd, r + 4, b3));
		P(", metric %u", g2(nd, r + 2));
	}
	return 0;
}

static int external_lsa_print(struct nd *nd, const uint8_t *t, uint32_t len)
{
	const uint8_t *pfx;
	uint32_t f;
	char b[46];
	int r;

	if (len < 4)
		return 1;
	len -= 4;
	f = g4(nd, t);
	ospf_bits(nd, "\n\t     Flags ", asla_flags, "none", f);
	P(" metric %u", g4(nd, t) & 0xffffff);
	pfx = t + 4;
	r = prefix_print(nd, pfx, len);
	if (r < 0)
		return 1;
	len -= (uint32_t)r;
	t = pfx + r;
	if (f & 0x02000000) {
		if (len < 16)
			return 1;
		len -= 16;
		P(" forward %s", ip6_str(nd, t, b));
		t += 16;
	}
	if (f & 0x01000000) {
		if (len < 4)
			return 1;
		len -= 4;
		P(" tag %s", ip4_str(nd, t, b));
		t += 4;
	}
	/* tcpdump looks at the prefix's first metric byte for this */
	if (g1(nd, pfx + 2)) {
		if (len < 4)
			return 1;
		P(" RefLSID: %s", ip4_str(nd, t, b));
	}
	return 0;
}

/* One LSA; 1 when it stops the packet. */
static int lsa_print(struct nd *nd, const uint8_t *l, const uint8_t *dataend)
{
	const uint8_t *t = l + 20;
	uint32_t len, n;
	char b1[16], b2[46];

	if (lshdr_print(nd, l, dataend))
		return 1;
	len = g2(nd, l + 18);
	if (len < 20 || l + len > dataend)
		return 1;
	len -= 20;

	switch (g2(nd, l + 2)) {
	case 0x2001:
		return router_lsa_print(nd, t, len);
	case 0x2002:
		if (len < 4)
			return 1;
		len -= 4;
		ospf_bits(nd, "\n\t      Options ", option_bits, "none", g4(nd, t));
		P("\n\t      Connected Routers:");
		for (t += 4; len != 0; t += 4) {
			if (len < 4)
				return 1;
			len -= 4;
			P("\n\t\t%s", ip4_str(nd, t, b1));
		}
		break;
	case 0x2003:
		if (len < 4)
			return 1;
		P(", metric %u", g4(nd, t) & 0xffffff);
		return prefixes_print(nd, t + 4, len - 4, -1);
	case 0x4005:
		return external_lsa_print(nd, t, len);
	case 0x0008:
		if (len < 4 || !nd_ok(nd, t, 4))
			return 1;
		len -= 4;
		ospf_bits(nd, "\n\t      Options ", option_bits, "none", g4(nd, t));
		if (len < 20)
			return 1;
		len -= 20;
		n = g4(nd, t + 20);
		P("\n\t      Priority %u, Link-local address %s, Prefixes %u:", g1(nd, t),
		  ip6_str(nd, t + 4, b2), n);
		return prefixes_print(nd, t + 24, len, n);
	case 0x2009:
		/* tcpdump counts only 6 of the 12 fixed bytes against the length */
		if (len < 4 || !nd_ok(nd, t + 8, 4))
			return 1;
		len -= 4;
		ls_type_print(nd, g2(nd, t + 2), t + 4);
		if (len < 2)
			return 1;
		len -= 2;
		n = g2(nd, t);
		P("\n\t      Prefixes %u:", n);
		return prefixes_print(nd, t + 12, len, n);
	case 0x000b:
		return ospf_grace_tlvs_print(nd, t, len) == -1;
	case 0x000a:
		return ospf_te_tlvs_print(nd, t, len) == -1;
	default:
		return !ospf_hex(nd, t, "\n\t      ", len);
	}
	return 0;
}

static int hello_print(struct nd *nd, const uint8_t *b, const uint8_t *dataend)
{
	const uint8_t *a;
	char b1[16];

	ospf_bits(nd, "\n\tOptions ", option_bits, "none", g4(nd, b + 4));
	P("\n\t  Hello Timer %us, Dead Timer %us, Interface-ID %s, Priority %u", g2(nd, b + 8),
	  g2(nd, b + 10), ip4_str(nd, b, b1), g1(nd, b + 4));
	if (g4(nd, b + 12))
		P("\n\t  Designated Router %s", ip4_str(nd, b + 12, b1));
	if (g4(nd, b + 16))
		P(", Backup Designated Router %s", ip4_str(nd, b + 16, b1));
	if (nd->o->vflag > 1) {
		P("\n\t  Neighbor List:");
		for (a = b + 20; a < dataend; a += 4)
			P("\n\t    %s", ip4_str(nd, a, b1));
	}
	return 0;
}

/* The packet body; 1 when it stops short. */
static int decode_v3(struct nd *nd, const uint8_t *p, const uint8_t *dataend)
{
	const uint8_t *b = p + 16, *l;
	char b1[16];
	uint32_t n;
	int vv = nd->o->vflag > 1;

	switch (g1(nd, p + 1)) {
	case 1:
		return hello_print(nd, b, dataend);
	case 2:
		ospf_bits(nd, "\n\tOptions ", option_bits, "none", g4(nd, b));
		ospf_bits(nd, ", DD Flags ", dd_flags, "none", g1(nd, b + 7));
		P(", MTU %u, DD-Sequence 0x%08x", g2(nd, b + 4), g4(nd, b + 8));
		for (l = b + 12; vv && l < dataend; l += 20)
			if (lshdr_print(nd, l, dataend))
				return 1;
		break;
	case 3:
		for (l = b; vv && l < dataend; l += 12) {
			if (!nd_ok(nd, l, 12))
				return 1;
			P("\n\t  Advertising Router %s", ip4_str(nd, l + 8, b1));
			ls_type_print(nd, g2(nd, l + 2), l + 4);
		}
		break;
	case 4:
		if (!vv)
			break;
		n = g4(nd, b);
		for (l = b + 4; l < dataend && n-- != 0; l += g2(nd, l + 18))
			if (lsa_print(nd, l, dataend))
				return 1;
		break;
	case 5:
		for (l = b; vv && l < dataend; l += 20)
			if (lshdr_print(nd, l, dataend))
				return 1;
		break;
	default:
		break;
	}
	return 0;
}

/* The LLS block's header: its length, -1 when it is bad. */
static int lls_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	unsigned dl;

	if (len == 0)
		return 0;
	if (len < 4)
		return -1;
	P("\n\tLLS Checksum 0x%04x", g2(nd, cp));
	dl = g2(nd, cp + 2);
	P(", Data Length %u", dl);
	if (dl < 4 || dl > len || !nd_ok(nd, cp + 4, dl - 4))
		return -1;
	return (int)dl;
}

/* The authentication trailer; 1 when it is bad. */
static int at_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	unsigned at, dl;

	if (len == 0)
		return 0;
	if (len < 16)
		return 1;
	at = g2(nd, cp);
	if (at == 1)
		P("\n\tAuthentication Type HMAC");
	else
		P("\n\tAuthentication Type unknown (0x%04x)", at);
	dl = g2(nd, cp + 2);
	P(", Length %u", dl);
	if (dl < 16 || dl > len)
		return 1;
	P(", SAID %u", g2(nd, cp + 6));
	P(", CSN 0x%08x", g4(nd, cp + 8));
	P(":%08x", g4(nd, cp + 12));
	if (!nd_ok(nd, cp + 16, dl - 16))
		return 1;
	if (nd->o->vflag > 1)
		ospf_hex(nd, cp + 16, "\n\tAuthentication Data ", dl - 16);
	return 0;
}

/* What follows the packet: LLS (Hello and DD with the L bit) then the
 * authentication trailer, which tcpdump looks for after any packet. */
static int trailer_print(struct nd *nd, const uint8_t *p, const uint8_t *cp, uint32_t len)
{
	unsigned type = g1(nd, p + 1);
	int lls = 0, ll = 0;

	if (type == 1)
		lls = (g4(nd, p + 20) & 0x200) != 0;
	else if (type == 2)
		lls = (g4(nd, p + 16) & 0x200) != 0;
	if (lls && (ll = lls_print(nd, cp, len)) < 0)
		return 1;
	return at_print(nd, cp + ll, len - (uint32_t)ll);
}

void ospf6_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned type, ver, dlen, inst;
	const char *name;
	const uint8_t *dataend;
	char b1[16];

	nd->proto = "ospf3";
	type = g1(nd, p + 1);
	name = tok_or(packet_types, type, NULL);
	ver = g1(nd, p);
	if (!name) {
		P("OSPFv%u, unknown packet type (%u), length %u", ver, type, len);
		return;
	}
	P("OSPFv%u, %s, length %u", ver, name, len);
	if (!nd->o->vflag)
		return;
	dlen = g2(nd, p + 2);
	if (dlen > len) {
		P(" [len %u]", dlen);
		return;
	}
	dataend = p + dlen;
	P("\n\tRouter-ID %s", ip4_str(nd, p + 4, b1));
	if (g4(nd, p + 8))
		P(", Area %s", ip4_str(nd, p + 8, b1));
	else
		P(", Backbone Area");
	inst = g1(nd, p + 14);
	if (inst)
		P(", Instance %u", inst);
	if (ver == 3 && (decode_v3(nd, p, dataend) || trailer_print(nd, p, dataend, len - dlen)))
		nd_trunc(nd);
}
