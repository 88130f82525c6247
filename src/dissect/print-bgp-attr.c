/* BGP path attributes as tcpdump 4.99.3 prints them (print-bgp.c prints
 * the messages, print-bgp-nlri.c the multiprotocol routes): origin, AS
 * paths (2- or 4-byte AS numbers guessed), next hop, MED, local
 * preference, aggregator, communities, route reflection, multiprotocol
 * reachability, extended and large communities, PMSI tunnel, AIGP and
 * attribute sets. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bgp-int.h"

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
static const struct tok extcomm_names[] = {
	{ 0x0002, "target" }, { 0x0102, "target" }, { 0x0202, "target" },
	{ 0x0003, "origin" }, { 0x0103, "origin" }, { 0x0203, "origin" },
	{ 0x4004, "link-BW" }, { 0x0005, "ospf-domain" }, { 0x0105, "ospf-domain" },
	{ 0x0205, "ospf-domain" }, { 0x8005, "ospf-domain" },
	{ 0x0306, "ospf-route-type" }, { 0x8000, "ospf-route-type" },
	{ 0x030c, "encapsulation" }, { 0x0107, "ospf-router-id" }, { 0x8001, "ospf-router-id" },
	{ 0x800a, "layer2-info" }, { 0x8800, "eigrp-general-route (flag, tag)" },
	{ 0x8801, "eigrp-route-metric (AS, delay)" },
	{ 0x8802, "eigrp-route-metric (reliability, nexthop, bandwidth)" },
	{ 0x8803, "eigrp-route-metric (load, MTU)" },
	{ 0x8804, "eigrp-external-route (remote-AS, remote-ID)" },
	{ 0x8805, "eigrp-external-route (remote-proto, remote-metric)" },
	{ 0x0009, "source-AS" }, { 0x010b, "vrf-route-import" }, { 0x000a, "l2vpn-id" },
	{ 0xf10a, "l2vpn-id" }, { 0, NULL }
};
static const struct tok extcomm_flags[] = {
	{ 0x8000, "vendor-specific" }, { 0x4000, "non-transitive" }, { 0, NULL }
};
static const struct tok pmsi_types[] = {
	{ 1, "RSVP-TE P2MP LSP" }, { 2, "LDP P2MP LSP" }, { 3, "PIM-SSM Tree" },
	{ 4, "PIM-SM Tree" }, { 5, "PIM-Bidir Tree" }, { 6, "Ingress Replication" },
	{ 7, "LDP MP2MP LSP" }, { 0, NULL }
};
static const struct tok pmsi_flags[] = { { 1, "Leaf Information required" }, { 0, NULL } };

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

/* "\n\t    AFI: IPv4 (1), SAFI: Unicast (1)": 0 decoded family, -1 not
 * (shown in hex), -2 cut short */
static int mp_family(struct nd *nd, const uint8_t *p, uint32_t len, unsigned *afi,
		     unsigned *safi)
{
	*afi = g2(nd, p);
	*safi = g1(nd, p + 2);
	P("\n\t    AFI: %s (%u), %sSAFI: %s (%u)", tok_or(af_names, *afi, "Unknown AFI"), *afi,
	  *safi > 128 ? "vendor specific " : "", tok_or(bgp_safis, *safi, "Unknown SAFI"), *safi);
	if (bgp_family_known(*afi, *safi))
		return 0;
	if (!nd_ok(nd, p, len))
		return -2;
	P("\n\t    no AFI %u / SAFI %u decoder", *afi, *safi);
	if (nd->o->vflag <= 1)
		unknown_data_print(nd, p, "\n\t    ", (int)len);
	return -1;
}

/* The routes to the attribute's end (t is past the family and next hop) */
static int mp_routes(struct nd *nd, unsigned afi, unsigned safi, const uint8_t *t,
		     const uint8_t *p, uint32_t len)
{
	uint32_t rest = len - (uint32_t)(t - p);
	int ap4 = bgp_add_path_guess(nd, t, rest, 32);
	int ap6 = bgp_add_path_guess(nd, t, rest, 128);

	while (t < p + len) {
		int n = bgp_nlri_print(nd, afi, safi, t, len, ap4, ap6);

		if (n == -2)
			return 0;
		if (n < 0)
			break;
		t += n;
	}
	return 1;
}

/* One next hop of the family: the bytes it takes (all of left when it
 * is bad), 0 when the capture ends. */
static unsigned nexthop_print(struct nd *nd, unsigned afi, unsigned safi, const uint8_t *t,
			      unsigned left)
{
	int vpn = safi >= 128 && safi <= 130 && afi != 196;
	char a[64], rd[64];
	unsigned need;

	if (afi == 3 && !vpn) {
		gcheck(nd, t, left);
		P("%s", bgp_nsap_str(t, left, a));
		return left;
	}
	if (afi == 3) {
		if (left < 9) {
			P("invalid len");
			return left;
		}
		if (!nd_ok(nd, t, left))
			return 0;
		P("RD: %s, %s", bgp_rd_str(nd, t, rd), bgp_nsap_str(t + 8, left - 8, a));
		if (g4(nd, t + 8) == 0x47000601)
			P(" = %s", ip4_str(nd, t + 12, a));
		else if (g3(nd, t + 8) == 0x350000)
			P(" = %s", ip6_str(nd, t + 11, a));
		return left;
	}
	need = (afi == 2 ? 16 : 4) + (vpn ? 8 : 0);
	if (left < need) {
		P("invalid len");
		return left;
	}
	if (vpn)
		P("RD: %s, %s", bgp_rd_str(nd, t, rd),
		  afi == 2 ? ip6_str(nd, t + 8, a) : ip4_str(nd, t + 8, a));
	else
		P("%s", afi == 2 ? ip6_str(nd, t, a) : ip4_str(nd, t, a));
	return need;
}

static int mp_reach_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	const uint8_t *t = p;
	uint32_t tl = len;
	unsigned afi, safi, nhlen, snpa;
	int r;

	if (!nd_ok(nd, t, 3) || tl < 3)
		return 0;
	r = mp_family(nd, t, tl, &afi, &safi);
	if (r == -2)
		return 0;
	if (r < 0)
		return 1;
	t += 3;
	tl -= 3;
	if (!nd_ok(nd, t, 1) || tl < 1)
		return 0;
	nhlen = *t++;
	tl--;
	if (nhlen) {
		unsigned left = nhlen, nnh = 0, used;

		if (tl < nhlen)
			return 0;
		P("\n\t    nexthop: ");
		while (left) {
			if (nnh++)
				P(", ");
			used = nexthop_print(nd, afi, safi, t, left);
			if (!used)
				return 0;
			t += used;
			tl -= used;
			left -= used;
		}
	}
	P(", nh-length: %u", nhlen);
	if (tl < 1)
		return 0;
	snpa = g1(nd, t);
	t++;
	tl--;
	if (!snpa)
		P(", no SNPA");
	else
		P("\n\t    %u SNPA", snpa);
	for (; snpa; snpa--) {
		unsigned sl;

		if (tl < 1)
			return 0;
		sl = g1(nd, t);
		P("\n\t      %u bytes", sl);
		t++;
		tl--;
		if (tl < sl || !nd_ok(nd, t, sl))
			return 0;
		t += sl;
		tl -= sl;
	}
	return mp_routes(nd, afi, safi, t, p, len);
}

static int mp_unreach_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned afi, safi;
	int r;

	if (!nd_ok(nd, p, 3))
		return 0;
	r = mp_family(nd, p, len, &afi, &safi);
	if (r == -2)
		return 0;
	if (r < 0)
		return 1;
	if (len == 3)
		P("\n\t      End-of-Rib Marker (empty NLRI)");
	return mp_routes(nd, afi, safi, p + 3, p, len);
}

static void flags_print(struct nd *nd, unsigned fl)
{
	P(", Flags [%s%s%s%s", fl & 0x80 ? "O" : "", fl & 0x40 ? "T" : "",
	  fl & 0x20 ? "P" : "", fl & 0x10 ? "E" : "");
	if (fl & 0xf)
		P("+%x", fl & 0xf);
	P("]");
}

static int attr_print(struct nd *nd, unsigned type, const uint8_t *p, uint32_t len,
		      unsigned level);

/* RFC 6368 ATTR_SET: *len is left with what was not used */
static int attr_set_print(struct nd *nd, const uint8_t *p, uint32_t *len, unsigned level)
{
	char asb[12];
	const uint8_t *t = p;

	if (!nd_ok(nd, t, 4) || *len < 4)
		return 0;
	P("\n\t    Origin AS: %s", bgp_as_str(nd, g4(nd, t), asb));
	t += 4;
	*len -= 4;
	while (*len) {
		unsigned fl, type, ll;
		uint32_t alen;

		if (!nd_ok(nd, t, 2))
			return 0;
		if (*len < 2) {
			P(" [path attr too short]");
			break;
		}
		fl = t[0];
		type = t[1];
		t += 2;
		*len -= 2;
		ll = (fl & 0x10) ? 2 : 1;
		if (!nd_ok(nd, t, ll))
			return 0;
		if (*len < ll) {
			P(" [path attr too short]");
			break;
		}
		alen = ll == 2 ? g2(nd, t) : g1(nd, t);
		t += ll;
		*len -= ll;
		P("\n\t      %s (%u), length: %u", tok_or(attrs, type, "Unknown Attribute"), type,
		  alen);
		if (fl)
			flags_print(nd, fl);
		P(": ");
		if (*len < alen) {
			P(" [path attr too short]");
			break;
		}
		if (level == 10)
			P("(too many nested levels, not recursing)");
		else if (!attr_print(nd, type, t, alen, level + 1))
			return 0;
		t += alen;
		*len -= alen;
	}
	return 1;
}

static int aigp_print(struct nd *nd, const uint8_t *t, uint32_t tl)
{
	while (tl >= 3) {
		unsigned type = g1(nd, t), l = g2(nd, t + 1);

		t += 3;
		tl -= 3;
		P("\n\t    %s TLV (%u), length %u", type == 1 ? "AIGP" : "Unknown", type, l);
		if (l < 3)
			return 0;
		l -= 3;
		if (tl < l)
			return 0;
		if (type == 1) {
			if (l < 8)
				return 0;
			P(", metric %" PRIu64, g8(nd, t));
		} else if (nd->o->vflag <= 1) {
			unknown_data_print(nd, t, "\n\t      ", (int)l);
		}
		t += l;
		tl -= l;
	}
	return 1;
}

static int pmsi_print(struct nd *nd, const uint8_t *t, uint32_t tl)
{
	unsigned fl, type;
	char a[16];

	if (!nd_ok(nd, t, 5) || tl < 5)
		return 0;
	fl = t[0];
	type = t[1];
	P("\n\t    Tunnel-type %s (%u), Flags [", tok_or(pmsi_types, type, "Unknown"), type);
	bits_print(nd, pmsi_flags, "none", fl, ", ");
	P("], MPLS Label %u", g3(nd, t + 2) >> 4);
	t += 5;
	tl -= 5;
	switch (type) {
	case 3: case 4: case 5: {
		char b[16];

		ip4_str(nd, t, a);
		P("\n\t      %s %s, P-Group %s", type == 3 ? "Root-Node" : "Sender", a,
		  ip4_str(nd, t + 4, b));
		break;
	}
	case 6:
		P("\n\t      Tunnel-Endpoint %s", ip4_str(nd, t, a));
		break;
	case 1: case 2: case 7:
		ip4_str(nd, t, a);
		P("\n\t      %s %s, %s 0x%08x", type == 1 ? "Extended-Tunnel-ID" : "Root-Node", a,
		  type == 1 ? "P2MP-ID" : "LSP-ID", g4(nd, t + 4));
		break;
	default:
		if (nd->o->vflag <= 1)
			unknown_data_print(nd, t, "\n\t      ", (int)tl);
		break;
	}
	return 1;
}

/* One attribute's value; 0 when cut short. */
static int attr_print(struct nd *nd, unsigned type, const uint8_t *p, uint32_t len,
		      unsigned level)
{
	const uint8_t *t = p;
	uint32_t i, tl = len;
	char a[16], asb[12];

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
				P("%s ", bgp_as_str(nd, sz == 2 ? g2(nd, t + 2 + i)
								  : g4(nd, t + 2 + i), asb));
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
			P(" AS #%s, origin %s", bgp_as_str(nd, g2(nd, p), asb),
			  ip4_str(nd, p + 2, a));
		else
			P(" AS #%s, origin %s", bgp_as_str(nd, g4(nd, p), asb),
			  ip4_str(nd, p + 4, a));
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
	case 14:
		if (!mp_reach_print(nd, p, len))
			return 0;
		break;
	case 15:
		if (!mp_unreach_print(nd, p, len))
			return 0;
		break;
	case 16:
		if (len % 8) {
			P("invalid len");
			break;
		}
		for (; tl; tl -= 8, t += 8) {
			unsigned ec;

			if (!nd_ok(nd, t, 2))
				return 0;
			ec = g2(nd, t);
			P("\n\t    %s (0x%04x), Flags [",
			  tok_or(extcomm_names, ec, "unknown extd community typecode"), ec);
			bits_print(nd, extcomm_flags, "none", ec, ", ");
			P("]");
			if (!nd_ok(nd, t, 8))
				return 0;
			P(": ");
			bgp_extcomm_print(nd, t);
		}
		break;
	case 22:
		if (!pmsi_print(nd, p, len))
			return 0;
		break;
	case 26:
		if (!aigp_print(nd, p, len))
			return 0;
		break;
	case 128:
		if (!attr_set_print(nd, p, &len, level))
			return 0;
		break;
	case 32:
		if (len == 0 || len % 12) {
			P("invalid len");
			break;
		}
		P("\n\t    ");
		for (; len; len -= 12, t += 12) {
			uint32_t x = g4(nd, t), y = g4(nd, t + 4), z = g4(nd, t + 8);

			P("%u:%u:%u%s", x, y, z, len > 12 ? ", " : "");
		}
		break;
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

/* An UPDATE's path attributes: each with its name, length and flags. */
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
			flags_print(nd, fl);
			P(": ");
		}
		if (len < alen) {
			P(" [path attrs too short]");
			p += len;
			*length -= len;
			break;
		}
		if (*length < alen || !attr_print(nd, type, p, alen, 0))
			return 0;
		p += alen;
		len -= alen;
		*length -= alen;
	}
	*pp = p;
	return 1;
}
