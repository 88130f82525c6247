/* BGP path attributes and routes, as tcpdump prints them (print-bgp.c
 * prints the messages): the base attributes (RFC 4271, communities,
 * route reflection, 4-byte AS paths) and multiprotocol reachability for
 * IPv4 and IPv6 unicast and multicast; others, such as extended
 * communities or VPN routes, are shown in hex. */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dissect-int.h"

static const struct tok attrs[] = {
	{ 1, "Origin" }, { 2, "AS Path" }, { 17, "AS4 Path" }, { 3, "Next Hop" },
	{ 4, "Multi Exit Discriminator" }, { 5, "Local Preference" },
	{ 6, "Atomic Aggregate" }, { 7, "Aggregator" }, { 18, "Aggregator4" },
	{ 8, "Community" }, { 9, "Originator ID" }, { 10, "Cluster List" }, { 11, "DPA" },
	{ 12, "Advertisers" }, { 13, "RCID Path / Cluster ID" },
	{ 14, "Multi-Protocol Reach NLRI" }, { 15, "Multi-Protocol Unreach NLRI" },
	{ 16, "Extended Community" }, { 22, "PMSI Tunnel" }, { 23, "Tunnel Encapsulation" },
	{ 24, "Traffic Engineering" }, { 25, "IPv6 Extended Community" },
	{ 26, "Accumulated IGP Metric" }, { 27, "PE Distinguisher Label" },
	{ 28, "Entropy Label" }, { 32, "Large Community" }, { 128, "Attribute Set" },
	{ 255, "Reserved for development" }, { 0, NULL }
};
static const struct tok origins[] = { { 0, "IGP" }, { 1, "EGP" }, { 2, "Incomplete" }, { 0, NULL } };
/* AS path segments: how a set, sequence or confederation opens and closes */
static const struct tok seg_open[] = {
	{ 2, "" }, { 1, "{ " }, { 3, "( " }, { 4, "({ " }, { 0, NULL }
};
static const struct tok seg_close[] = {
	{ 2, "" }, { 1, "}" }, { 3, ")" }, { 4, "})" }, { 0, NULL }
};

/* A prefix of at most bits (32 or 128): its length, then only the bytes
 * that count.  Returns the bytes used, -1 for a longer length, -2 when
 * itemlen is too short. */
static int prefix_of(struct nd *nd, const uint8_t *p, uint32_t itemlen, char *buf,
		     unsigned bits)
{
	uint8_t addr[16] = { 0 };
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
	gcheck(nd, p + 1, nb);
	memcpy(addr, p + 1, nb);
	if (plen % 8)
		addr[nb - 1] &= (uint8_t)(0xff00 >> (plen % 8));
	if (!inet_ntop(bits == 32 ? AF_INET : AF_INET6, addr, a, sizeof(a)))
		strcpy(a, "?");
	snprintf(buf, 64, "%s/%u", a, plen);
	return (int)(1 + nb);
}

static int prefix4(struct nd *nd, const uint8_t *p, uint32_t itemlen, char *buf)
{
	return prefix_of(nd, p, itemlen, buf, 32);
}

/* RFC 7911 path ids can only be guessed from the data: they fit, and
 * the plain reading does not. */
static int add_path_guess(struct nd *nd, const uint8_t *p, uint32_t length,
			  unsigned bits)
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

/* Prefixes until len is used up; 0 when cut short (truncation printed). */
int bgp_routes_print(struct nd *nd, const uint8_t **pp, uint32_t *len,
			uint32_t *total)
{
	int add_path = add_path_guess(nd, *pp, *len, 32);
	const uint8_t *p = *pp;
	uint32_t id = 0;
	char buf[64];
	int n;

	while (*len) {
		if (add_path) {
			if (*len < 4) {
				if (total == NULL) {
					nd_trunc(nd);
					return 0;
				}
				/* tcpdump skips them, and the length stays
				 * (no End-of-RIB then) */
				p += *len;
				*total -= *len;
				break;
			}
			id = g4(nd, p);
			p += 4;
			*len -= 4;
			if (total)
				*total -= 4;
		}
		n = prefix4(nd, p, *len, buf);
		if (n == -1) {
			P("\n\t    (illegal prefix length)");
			break;
		}
		if (n == -2) {
			nd_trunc(nd);
			return 0;
		}
		P("\n\t    %s", buf);
		if (add_path)
			P("   Path Id: %u", id);
		p += n;
		*len -= (uint32_t)n;
		if (total)
			*total -= (uint32_t)n;
	}
	*pp = p;
	return 1;
}

/* 2-byte AS numbers unless the segments do not add up that way. */
static unsigned as_size(struct nd *nd, unsigned type, const uint8_t *p, uint32_t len)
{
	const uint8_t *t = p;

	if (type == 17)
		return 4;
	while (t < p + len) {
		if (g1(nd, t) < 1 || g1(nd, t) > 4)
			return 4;
		t += 2 + g1(nd, t + 1) * 2;
	}
	return t == p + len ? 2 : 4;
}

/* The address family and subsequent one of a multiprotocol attribute:
 * 1 for the unicast and multicast routes of IPv4 and IPv6 (decoded
 * here), 0 for the others (the attribute is shown in hex). */
static int mp_family(struct nd *nd, const uint8_t *p, unsigned *bits)
{
	unsigned af = g2(nd, p), safi = g1(nd, p + 2);

	if ((af != 1 && af != 2) || safi < 1 || safi > 3)
		return 0;
	P("\n\t    AFI: %s (%u), SAFI: %s (%u)", tok_or(bgp_afis, af, "Unknown AFI"), af,
	  tok_or(bgp_safis, safi, "Unknown SAFI"), safi);
	*bits = af == 1 ? 32 : 128;
	return 1;
}

/* The routes after a multiprotocol header, to the attribute's end; as
 * tcpdump, each prefix is checked against the whole attribute's length. */
static int mp_routes(struct nd *nd, const uint8_t *t, const uint8_t *p, uint32_t len,
		     unsigned bits)
{
	int ap = add_path_guess(nd, t, len - (uint32_t)(t - p), bits);
	char buf[64];

	while (t < p + len) {
		uint32_t id = 0;
		int n;

		if (ap) {
			id = g4(nd, t);
			t += 4;
		}
		n = prefix_of(nd, t, len, buf, bits);
		if (n == -2)
			return 0;
		if (n == -1)
			P("\n\t    (illegal prefix length)");
		else
			P("\n\t      %s", buf);
		if (ap) {
			P("   Path Id: %u", id);
			n += 4;
		}
		if (n < 0)
			break;
		t += n;
	}
	return 1;
}

/* 1 done, 0 cut short, -1 not decoded here. */
static int mp_reach_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	const uint8_t *t = p;
	uint32_t tl = len;
	unsigned bits, nhlen, snpa, nnh = 0;
	char a[INET6_ADDRSTRLEN];

	if (!nd_ok(nd, t, 3) || tl < 3)
		return 0;
	if (!nd_ok(nd, p, len) || !mp_family(nd, t, &bits))
		return -1;
	t += 3;
	tl -= 3;
	if (tl < 1)
		return 0;
	nhlen = *t++;
	tl--;
	if (nhlen) {
		unsigned left = nhlen, al = bits / 8;

		if (tl < nhlen)
			return 0;
		P("\n\t    nexthop: ");
		while (left) {
			if (nnh++)
				P(", ");
			if (left < al) {
				P("invalid len");
				t += left;
				tl -= left;
				break;
			}
			P("%s", bits == 32 ? ip4_str(nd, t, a) : ip6_str(nd, t, a));
			t += al;
			tl -= al;
			left -= al;
		}
	}
	P(", nh-length: %u", nhlen);
	if (tl < 1)
		return 0;
	snpa = *t++;
	tl--;
	if (!snpa)
		P(", no SNPA");
	else
		P("\n\t    %u SNPA", snpa);
	for (; snpa; snpa--) {
		unsigned sl;

		if (tl < 1)
			return 0;
		sl = *t++;
		tl--;
		P("\n\t      %u bytes", sl);
		if (tl < sl)
			return 0;
		t += sl;
		tl -= sl;
	}
	return mp_routes(nd, t, p, len, bits);
}

static int mp_unreach_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned bits;

	if (!nd_ok(nd, p, 3))
		return 0;
	if (!nd_ok(nd, p, len) || !mp_family(nd, p, &bits))
		return -1;
	if (len == 3)
		P("\n\t      End-of-Rib Marker (empty NLRI)");
	return mp_routes(nd, p + 3, p, len, bits);
}

/* One attribute's value; 0 when cut short. */
static int attr_print(struct nd *nd, unsigned type, const uint8_t *p, uint32_t len)
{
	const uint8_t *t = p;
	uint32_t i, tl = len;
	char a[16];
	int r;

	switch (type) {
	case 1:
		if (len != 1)
			P("invalid len");
		else
			P("%s", tok_or(origins, g1(nd, p), "Unknown Origin Typecode"));
		break;
	case 2: case 17: {
		unsigned sz;

		if (len % 2) {
			P("invalid len");
			break;
		}
		if (!len) {
			P("empty");
			break;
		}
		sz = as_size(nd, type, p, len);
		while (t < p + len) {
			unsigned seg = g1(nd, t), n = g1(nd, t + 1);

			P("%s", tok_or(seg_open, seg, "?"));
			for (i = 0; i < n * sz; i += sz) {
				if (!nd_ok(nd, t + 2 + i, sz))
					return 0;
				P("%u ", sz == 2 ? g2(nd, t + 2 + i) : g4(nd, t + 2 + i));
			}
			P("%s", tok_or(seg_close, seg, "?"));
			t += 2 + n * sz;
		}
		break;
	}
	case 3: case 9:
		if (len != 4)
			P("invalid len");
		else
			P("%s", ip4_str(nd, p, a));
		break;
	case 4: case 5:
		if (len != 4)
			P("invalid len");
		else
			P("%u", g4(nd, p));
		break;
	case 6:
		if (len != 0)
			P("invalid len");
		break;
	case 7: case 18:
		if ((type == 7 && len != 6 && len != 8) || (type == 18 && len != 8)) {
			P("invalid len");
			break;
		}
		if (!nd_ok(nd, p, len))
			return 0;
		if (len == 6)
			P(" AS #%u, origin %s", g2(nd, p), ip4_str(nd, p + 2, a));
		else
			P(" AS #%u, origin %s", g4(nd, p), ip4_str(nd, p + 4, a));
		break;
	case 8:
		if (len % 4) {
			P("invalid len");
			break;
		}
		for (; tl; tl -= 4, t += 4) {
			uint32_t c;

			if (!nd_ok(nd, t, 4))
				return 0;
			c = g4(nd, t);
			if (c == 0xffffff01)
				P(" NO_EXPORT");
			else if (c == 0xffffff02)
				P(" NO_ADVERTISE");
			else if (c == 0xffffff03)
				P(" NO_EXPORT_SUBCONFED");
			else
				P("%u:%u%s", c >> 16, c & 0xffff, tl > 4 ? ", " : "");
		}
		break;
	case 10:
		if (len % 4) {
			P("invalid len");
			break;
		}
		for (; tl; tl -= 4, t += 4)
			P("%s%s", ip4_str(nd, t, a), tl > 4 ? ", " : "");
		break;
	/* a family not decoded here is shown as tcpdump shows attributes it
	 * has no decoder for */
	case 14: case 15:
		r = type == 14 ? mp_reach_print(nd, p, len) : mp_unreach_print(nd, p, len);
		if (r == 0)
			return 0;
		if (r > 0)
			break;
		/* fall through */
	default:
		if (!nd_ok(nd, p, len))
			return 0;
		P("\n\t    no Attribute %u decoder", type);
		if (nd->o->vflag <= 1)
			unknown_data_print(nd, p, "\n\t    ", (int)len);
		break;
	}
	if (nd->o->vflag > 1 && len) {
		if (!nd_ok(nd, p, len))
			return 0;
		unknown_data_print(nd, p, "\n\t    ", (int)len);
	}
	return 1;
}

/* The path attributes: each with its name, length and flags. */
int bgp_attrs_print(struct nd *nd, const uint8_t **pp, uint32_t len, uint32_t *length)
{
	const uint8_t *p = *pp;

	while (len) {
		unsigned fl, type, ll;
		uint32_t alen;

		if (!nd_ok(nd, p, 2) || *length < 2)
			return 0;
		if (len < 2) {
			P("\n\t  [path attrs too short]");
			p += len;
			*length -= len;
			break;
		}
		fl = p[0];
		type = p[1];
		p += 2;
		len -= 2;
		*length -= 2;
		ll = (fl & 0x10) ? 2 : 1;
		if (!nd_ok(nd, p, ll) || *length < ll)
			return 0;
		if (len < ll) {
			P("\n\t  [path attrs too short]");
			p += len;
			*length -= len;
			break;
		}
		alen = ll == 2 ? g2(nd, p) : g1(nd, p);
		p += ll;
		len -= ll;
		*length -= ll;
		P("\n\t  %s (%u), length: %u", tok_or(attrs, type, "Unknown Attribute"),
		  type, alen);
		if (fl) {
			P(", Flags [%s%s%s%s", fl & 0x80 ? "O" : "", fl & 0x40 ? "T" : "",
			  fl & 0x20 ? "P" : "", fl & 0x10 ? "E" : "");
			if (fl & 0xf)
				P("+%x", fl & 0xf);
			P("]: ");
		}
		if (len < alen) {
			P(" [path attrs too short]");
			p += len;
			*length -= len;
			break;
		}
		if (*length < alen || !attr_print(nd, type, p, alen))
			return 0;
		p += alen;
		len -= alen;
		*length -= alen;
	}
	*pp = p;
	return 1;
}

