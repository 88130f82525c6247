/* HNCP, the home networking control protocol over DNCP (RFC 7787/7788;
 * UDP 8231), as tcpdump 4.99.3 prints it: the TLVs of each nesting level
 * as a list of names down to the -v level, one a line with their values
 * below it; prefixes, addresses, names and the DHCP options HNCP carries. */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "bgp-int.h"

enum {
	T_REQ_NET = 1, T_REQ_NODE = 2, T_ENDPOINT = 3, T_NET_STATE = 4, T_NODE_STATE = 5,
	T_PEER = 8, T_KEEPALIVE = 9, T_TRUST = 10, T_VERSION = 32, T_EXT_CONN = 33,
	T_DELEGATED = 34, T_ASSIGNED = 35, T_NODE_ADDR = 36, T_DHCPV4 = 37, T_DHCPV6 = 38,
	T_DNS_ZONE = 39, T_DOMAIN = 40, T_NODE_NAME = 41, T_PSK = 42, T_POLICY = 43,
	/* the ranges of types without a name */
	R_RESERVED = 0x10000, R_UNASSIGNED, R_PRIVATE, R_FUTURE,
};

static const struct tok type_names[] = {
	{ T_REQ_NET, "Request network state" }, { T_REQ_NODE, "Request node state" },
	{ T_ENDPOINT, "Node endpoint" }, { T_NET_STATE, "Network state" },
	{ T_NODE_STATE, "Node state" }, { T_PEER, "Peer" }, { T_KEEPALIVE, "Keep-alive interval" },
	{ T_TRUST, "Trust-Verdict" }, { T_VERSION, "HNCP-Version" },
	{ T_EXT_CONN, "External-Connection" }, { T_DELEGATED, "Delegated-Prefix" },
	{ T_POLICY, "Prefix-Policy" }, { T_DHCPV4, "DHCPv4-Data" }, { T_DHCPV6, "DHCPv6-Data" },
	{ T_ASSIGNED, "Assigned-Prefix" }, { T_NODE_ADDR, "Node-Address" },
	{ T_DNS_ZONE, "DNS-Delegated-Zone" }, { T_DOMAIN, "Domain-Name" },
	{ T_NODE_NAME, "Node-Name" }, { T_PSK, "Managed-PSK" }, { R_RESERVED, "Reserved" },
	{ R_UNASSIGNED, "Unassigned" }, { R_PRIVATE, "Private use" }, { R_FUTURE, "Future use" },
	{ 0, NULL }
};

static const struct tok dh4_opts[] = {
	{ 6, "DNS-server" }, { 42, "NTP-server" }, { 119, "DNS-search" }, { 0, NULL }
};

static const struct tok dh6_opts[] = {
	{ 23, "DNS-server" }, { 24, "DNS-search-list" }, { 31, "SNTP-servers" }, { 0, NULL }
};

static const uint8_t v4mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

static void hncp_rec(struct nd *nd, const uint8_t *cp, unsigned length, int indent);

static void tabs(struct nd *nd, int n)
{
	P("\n");
	while (n-- > 0)
		P("\t");
}

static void hex32(struct nd *nd, const uint8_t *p)
{
	int i;

	gcheck(nd, p, 32);
	for (i = 0; i < 32; i++)
		P("%02x", p[i]);
}

static void msecs(struct nd *nd, uint32_t n)
{
	P("%u.%03us", n / 1000, n % 1000);
}

static void nid(struct nd *nd, const uint8_t *p)
{
	gcheck(nd, p, 4);
	P("%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3]);
}

/* An IPv6 address, or IPv4 when it is IPv4-mapped. */
static const char *addr6(struct nd *nd, const uint8_t *p, char *b)
{
	gcheck(nd, p, 16);
	return memcmp(p, v4mapped, 12) == 0 ? ip4_str(nd, p + 12, b) : ip6_str(nd, p, b);
}

/* A prefix length byte and the prefix (IPv4-mapped from length 96 up),
 * at most max bytes; the bytes it took, -1 for a bad length, < -1 when
 * it does not fit. */
static int prefix_print(struct nd *nd, const uint8_t *p, unsigned max)
{
	char buf[BGP_NLRI_BUF], a[16];
	uint8_t v4[4] = { 0 };
	unsigned plen, nb;
	int r;

	if (g1(nd, p) >= 96 && max >= 13 && nd_ok(nd, p + 1, 12) && memcmp(p + 1, v4mapped, 12) == 0) {
		plen = p[0] - 96u;
		if (plen > 32)
			return -1;
		nb = (plen + 7) / 8;
		if (max - 1 < nb + 12)
			return -3;
		gcheck(nd, p + 13, nb);
		memcpy(v4, p + 13, nb);
		if (plen % 8)
			v4[nb - 1] &= (uint8_t)(0xff00 >> (plen % 8));
		P("%s/%u", inet_ntop(AF_INET, v4, a, sizeof(a)), plen);
		return (int)(nb + 13);
	}
	r = bgp_prefix(nd, p, max, buf, 128);
	if (r >= 0)
		P("%s", buf);
	return r;
}

/* DNS labels up to a zero one in max bytes: the bytes taken, or -1 (and
 * "[|DNS]") when the name does not end in them. */
static int labels_print(struct nd *nd, const uint8_t *cp, unsigned max)
{
	unsigned len = 0, l;

	while (len < max) {
		l = g1(nd, cp + len);
		len++;
		if (l == 0)
			return (int)len;
		if (len > 1)
			P(".");
		if (len + l > max) {
			chars_print_z(nd, cp + len, max - len);
			break;
		}
		chars_print_z(nd, cp + len, l);
		len += l;
	}
	P("[|DNS]");
	return -1;
}

/* DNS domain names up to end (the bytes HNCP's DHCP options carry). */
static int names_print(struct nd *nd, const uint8_t *p, const uint8_t *end)
{
	while (p < end) {
		P(" ");
		if (!(p = dns_name_print(nd, p, end)))
			return -1;
	}
	return 0;
}

/* The DHCPv4 (v6 = 0) or DHCPv6 options of an HNCP TLV; -1 when bad. */
static int dhcp_print(struct nd *nd, const uint8_t *cp, unsigned length, int indent, int v6)
{
	unsigned i = 0, hl = v6 ? 4 : 2, type, olen, t;
	const uint8_t *v;
	char b[46];

	while (i < length) {
		if (i + hl > length)
			return -1;
		type = v6 ? g2(nd, cp + i) : g1(nd, cp + i);
		olen = v6 ? g2(nd, cp + i + 2) : g1(nd, cp + i + 1);
		v = cp + i + hl;
		tabs(nd, indent);
		P("%s (%u)", tok_or(v6 ? dh6_opts : dh4_opts, type, "Unknown"), olen + hl);
		if (i + hl + olen > length)
			return -1;
		if (v6 ? type == 23 || type == 31 : type == 6 || type == 42) {
			if (v6 ? olen % 16 != 0 : olen < 4 || olen % 4 != 0) {
				if (v6)
					P(" (invalid)");
				return -1;
			}
			for (t = 0; t < olen; t += v6 ? 16 : 4)
				P(" %s", v6 ? ip6_str(nd, v + t, b) : ip4_str(nd, v + t, b));
		} else if (v6 ? type == 24 : type == 119) {
			if (names_print(nd, v, v + olen) < 0)
				return -1;
		}
		i += hl + olen;
	}
	return 0;
}

static void type_in_line(struct nd *nd, uint32_t type, int count, int indent, int *first)
{
	if (count <= 0)
		return;
	if (*first) {
		*first = 0;
		if (indent > 1)
			tabs(nd, indent);
		else
			P(" ");
	} else {
		P(", ");
	}
	P("%s", tok_or(type_names, type, "Easter Egg"));
	if (count > 1)
		P(" (x%d)", count);
}

/* Where to go on after a value ending in a padded part of l bytes: the
 * nested TLVs, when any fit. */
static void nested(struct nd *nd, const uint8_t *v, unsigned blen, int l, int indent)
{
	if ((int)blen >= l)
		hncp_rec(nd, v + l, blen - (unsigned)l, indent + 1);
}

/* One TLV's value (blen bytes at v, captured); 1 when the whole level
 * must end with " (invalid)". */
static int hncp_value(struct nd *nd, uint32_t type, const uint8_t *v, unsigned blen, int indent)
{
	char b[46];
	unsigned c, l;
	int r;

	switch (type) {
	case T_REQ_NET:
		if (blen != 0)
			goto bad;
		break;
	case T_REQ_NODE:
	case T_ENDPOINT:
	case T_PEER:
		if (blen != (type == T_REQ_NODE ? 4u : type == T_ENDPOINT ? 8u : 12u))
			goto bad;
		P(type == T_PEER ? " Peer-NID: " : " NID: ");
		nid(nd, v);
		if (type == T_ENDPOINT)
			P(" EPID: %08x", g4(nd, v + 4));
		else if (type == T_PEER)
			P(" Peer-EPID: %08x Local-EPID: %08x", g4(nd, v + 4), g4(nd, v + 8));
		break;
	case T_NET_STATE:
		if (blen != 8)
			goto bad;
		P(" hash: %016" PRIx64, g8(nd, v));
		break;
	case T_NODE_STATE:
		if (blen < 20)
			goto bad;
		P(" NID: ");
		nid(nd, v);
		P(" seqno: %u ", g4(nd, v + 4));
		msecs(nd, g4(nd, v + 8));
		P(" hash: %016" PRIx64, g8(nd, v + 12));
		hncp_rec(nd, v + 20, blen - 20, indent + 1);
		break;
	case T_KEEPALIVE:
		if (blen < 8)
			goto bad;
		P(" EPID: %08x Interval: ", g4(nd, v));
		msecs(nd, g4(nd, v + 4));
		break;
	case T_TRUST:
		if (blen <= 36)
			goto bad;
		P(" Verdict: %u Fingerprint: ", g1(nd, v));
		hex32(nd, v + 4);
		P(" Common Name: ");
		chars_print_z(nd, v + 36, blen - 36);
		break;
	case T_VERSION:
		if (blen < 5)
			goto bad;
		c = g2(nd, v + 2);
		P(" M: %u P: %u H: %u L: %u User-agent: ", c >> 12 & 0xf, c >> 8 & 0xf, c >> 4 & 0xf,
		  c & 0xf);
		chars_print_z(nd, v + 4, blen - 4);
		break;
	case T_EXT_CONN:
		hncp_rec(nd, v, blen, indent + 1);
		break;
	case T_DELEGATED:
		if (blen < 9 || blen < 9 + (g1(nd, v + 8) + 7u) / 8)
			goto bad;
		P(" VLSO: ");
		msecs(nd, g4(nd, v));
		P(" PLSO: ");
		msecs(nd, g4(nd, v + 4));
		P(" Prefix: ");
		r = prefix_print(nd, v + 8, blen - 8);
		if (r == -1) {
			P("(length is invalid)");
			break;
		}
		if (r < 0)
			goto bad;
		nested(nd, v, blen, r + 8 + (-r & 3), indent);
		break;
	case T_POLICY:
		if (blen < 1)
			goto bad;
		c = g1(nd, v);
		P(" type: ");
		if (c == 0 || c == 131) {
			if (blen != 1)
				goto bad;
			P(c ? "Restrictive assignment" : "Internet connectivity");
		} else if (c <= 128) {
			P("Dest-Prefix: ");
			r = prefix_print(nd, v, blen);
			if (r == -1)
				P("(length is invalid)");
			else if (r < 0)
				goto bad;
		} else if (c == 129) {
			P("DNS domain: ");
			labels_print(nd, v + 1, blen - 1);
		} else if (c == 130) {
			P("Opaque UTF-8: ");
			chars_print_z(nd, v + 1, blen - 1);
		} else {
			P("Unknown (%u)", c);
		}
		break;
	case T_DHCPV4:
	case T_DHCPV6:
		if (blen == 0)
			goto bad;
		if (dhcp_print(nd, v, blen, indent + 1, type == T_DHCPV6) != 0) {
			if (type == T_DHCPV4)
				return 1;
			goto bad;
		}
		break;
	case T_ASSIGNED:
		if (blen < 6 || blen < 6 + (g1(nd, v + 5) + 7u) / 8)
			goto bad;
		P(" EPID: %08x Prty: %u Prefix: ", g4(nd, v), g1(nd, v + 4) & 0xf);
		if ((r = prefix_print(nd, v + 5, blen - 5)) < 0)
			goto bad;
		r += 5;
		nested(nd, v, blen, r + (-r & 3), indent);
		break;
	case T_NODE_ADDR:
		if (blen < 20)
			goto bad;
		P(" EPID: %08x IP Address: %s", g4(nd, v), addr6(nd, v + 4, b));
		hncp_rec(nd, v + 20, blen - 20, indent + 1);
		break;
	case T_DNS_ZONE:
		if (blen < 17)
			goto bad;
		c = g1(nd, v + 16);
		P(" IP-Address: %s %c%c%c ", addr6(nd, v, b), c & 4 ? 'l' : '-', c & 2 ? 'b' : '-',
		  c & 1 ? 's' : '-');
		if ((r = labels_print(nd, v + 17, blen - 17)) < 0)
			goto bad;
		r += 17;
		nested(nd, v, blen, r + (-r & 3), indent);
		break;
	case T_DOMAIN:
		if (blen == 0)
			goto bad;
		P(" Domain: ");
		labels_print(nd, v, blen);
		break;
	case T_NODE_NAME:
		if (blen < 17)
			goto bad;
		l = g1(nd, v + 16);
		if (blen < 17 + l)
			goto bad;
		P(" IP-Address: %s Name: ", addr6(nd, v, b));
		if (l < 64) {
			P("\"");
			chars_print_z(nd, v + 17, l);
			P("\"");
		} else {
			P(" (invalid)");
		}
		nested(nd, v, blen, (int)((l + 17 + 3) & ~3u), indent);
		break;
	case T_PSK:
		if (blen < 32)
			goto bad;
		P(" PSK: ");
		hex32(nd, v);
		hncp_rec(nd, v + 32, blen - 32, indent + 1);
		break;
	}
	return 0;
bad:
	P(" (invalid)");
	return 0;
}

static int in_line(struct nd *nd, int indent)
{
	return indent - 1 >= nd->o->vflag && nd->o->vflag < 3;
}

static void hncp_rec(struct nd *nd, const uint8_t *cp, unsigned length, int indent)
{
	const int inl = in_line(nd, indent);
	uint32_t last = 0xffffffffu, mask;
	int count = -1, first = 1;
	unsigned i = 0, type, blen;
	const uint8_t *t, *v;

	while (i < length) {
		t = cp + i;
		if (!inl)
			tabs(nd, indent);
		if (!nd_ok(nd, t, 4))
			goto trunc;
		if (i + 4 > length)
			goto invalid;
		type = g2(nd, t);
		blen = g2(nd, t + 2);
		v = t + 4;
		if (!nd_ok(nd, v, blen))
			goto trunc;
		if (i + blen + 4 > length)
			goto invalid;
		mask = type == 0 ? R_RESERVED : type >= 44 && type <= 511 ? R_UNASSIGNED
			: type >= 768 && type <= 1023 ? R_PRIVATE : R_FUTURE;
		if (type != 6 && type != 7 && tok_or(type_names, type, NULL) && type <= 0xffff)
			mask = type;
		if (inl) {
			if (last == mask) {
				count++;
			} else {
				type_in_line(nd, last, count, indent, &first);
				last = mask;
				count = 1;
			}
		} else {
			P("%s", tok_or(type_names, mask, "Easter Egg (42)"));
			if (mask > 0xffff)
				P(": type=%u", type);
			P(" (%u)", blen + 4);
			if (hncp_value(nd, mask, v, blen, indent))
				goto invalid;
		}
		i += 4 + ((blen + 3) & ~3u);
	}
	type_in_line(nd, last, count, indent, &first);
	return;
trunc:
	/* tcpdump's checks here end the level without a longjmp */
	nd_trunc(nd);
	return;
invalid:
	P(" (invalid)");
}

void hncp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->proto = "hncp";
	P("hncp (%u)", len);
	hncp_rec(nd, p, len, 1);
}
