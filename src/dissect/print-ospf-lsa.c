/* OSPFv2 link state advertisements (RFC 2328, NSSA RFC 3101, opaque LSAs
 * RFC 5250) as tcpdump 4.99.3 prints them inside LS-Update packets, and
 * the traffic engineering (RFC 3630, GMPLS RFC 4203, DiffServ-TE RFC 4124)
 * and graceful restart (RFC 3623) TLVs that OSPFv3 prints too.  tcpdump's
 * quirks are kept: a TE Link TLV does not move the outer position on, so
 * the TLVs after it are read from where the sub-TLVs ended; an SRLG
 * sub-TLV is skipped twice; a TE or grace body that is cut short just ends
 * the LSA. */
#include <string.h>

#include "ospf-int.h"

const struct tok ospf_option_bits[] = {
	{ 0x01, "MultiTopology" }, { 0x02, "External" }, { 0x04, "Multicast" },
	{ 0x08, "NSSA" }, { 0x10, "LLS" }, { 0x20, "Demand Circuit" },
	{ 0x40, "Opaque" }, { 0x80, "Up/Down" }, { 0, NULL }
};

const struct tok ospf_lsa_types[] = {
	{ 1, "Router" }, { 2, "Network" }, { 3, "Summary" }, { 4, "ASBR Summary" },
	{ 5, "External" }, { 6, "Multicast Group" }, { 7, "NSSA" },
	{ 9, "Link Local Opaque" }, { 10, "Area Local Opaque" },
	{ 11, "Domain Wide Opaque" }, { 0, NULL }
};

const struct tok ospf_opaque_types[] = {
	{ 1, "Traffic Engineering" }, { 3, "Graceful restart" },
	{ 4, "Router Information" }, { 0, NULL }
};

static const struct tok rla_flags[] = {
	{ 0x01, "ABR" }, { 0x02, "ASBR" }, { 0x04, "Virtual" }, { 0x08, "Wildcard" },
	{ 0x10, "Nt" }, { 0x80, "Host" }, { 0, NULL }
};

/* multi-topology ids (the old TOS field) */
static const struct tok topologies[] = {
	{ 0, "default" }, { 1, "multicast" }, { 2, "management" }, { 0, NULL }
};

static const struct tok te_tlvs[] = {
	{ 1, "Router Address" }, { 2, "Link" }, { 0, NULL }
};

static const struct tok te_subtlvs[] = {
	{ 1, "Link Type" }, { 2, "Link ID" }, { 3, "Local Interface IP address" },
	{ 4, "Remote Interface IP address" }, { 5, "Traffic Engineering Metric" },
	{ 6, "Maximum Bandwidth" }, { 7, "Maximum Reservable Bandwidth" },
	{ 8, "Unreserved Bandwidth" }, { 9, "Administrative Group" },
	{ 11, "Link Local/Remote Identifier" }, { 14, "Link Protection Type" },
	{ 15, "Interface Switching Capability" }, { 16, "Shared Risk Link Group" },
	{ 17, "Bandwidth Constraints" }, { 0, NULL }
};

static const struct tok te_link_types[] = {
	{ 1, "Point-to-point" }, { 2, "Multi-Access" }, { 0, NULL }
};

/* GMPLS (RFC 3471, RFC 4202) and DiffServ-TE names */
const struct tok te_link_prot[] = {
	{ 0x01, "Extra Traffic" }, { 0x02, "Unprotected" }, { 0x04, "Shared" },
	{ 0x08, "Dedicated 1:1" }, { 0x10, "Dedicated 1+1" }, { 0x20, "Enhanced" },
	{ 0x40, "Reserved" }, { 0x80, "Reserved" }, { 0, NULL }
};

const struct tok te_switch_caps[] = {
	{ 1, "Packet-Switch Capable-1" }, { 2, "Packet-Switch Capable-2" },
	{ 3, "Packet-Switch Capable-3" }, { 4, "Packet-Switch Capable-4" },
	{ 51, "Layer-2 Switch Capable" }, { 100, "Time-Division-Multiplex" },
	{ 150, "Lambda-Switch Capable" }, { 200, "Fiber-Switch Capable" }, { 0, NULL }
};

const struct tok te_encodings[] = {
	{ 1, "Packet" }, { 2, "Ethernet V2/DIX" }, { 3, "ANSI/ETSI PDH" }, { 4, "Reserved" },
	{ 5, "SDH ITU-T G.707/SONET ANSI T1.105" }, { 6, "Reserved" },
	{ 7, "Digital Wrapper" }, { 8, "Lambda (photonic)" }, { 9, "Fiber" },
	{ 10, "Reserved" }, { 11, "FiberChannel" }, { 0, NULL }
};

const struct tok te_bc_models[] = {
	{ 0, "Russian dolls" }, { 1, "Maximum allocation" },
	{ 254, "Maximum allocation with E-LSP support" }, { 0, NULL }
};

static const struct tok grace_tlvs[] = {
	{ 1, "Grace Period" }, { 2, "Graceful restart Reason" },
	{ 3, "IPv4 interface address" }, { 0, NULL }
};

static const struct tok grace_reasons[] = {
	{ 0, "Unknown" }, { 1, "Software Restart" }, { 2, "Software Reload/Upgrade" },
	{ 3, "Control Processor Switch" }, { 0, NULL }
};

static const struct tok ri_tlvs[] = {
	{ 1, "Router Capabilities" }, { 0, NULL }
};

static const struct tok ri_caps[] = {
	{ 1, "Reserved" }, { 2, "Reserved" }, { 4, "Reserved" }, { 8, "Reserved" },
	{ 16, "graceful restart capable" }, { 32, "graceful restart helper" },
	{ 64, "Stub router support" }, { 128, "Traffic engineering" },
	{ 256, "p2p over LAN" }, { 512, "path computation server" }, { 0, NULL }
};

int ospf_hex(struct nd *nd, const uint8_t *p, const char *ident, uint32_t len)
{
	unknown_data_print(nd, p, ident, (int)len);
	return p <= nd->snapend;
}

void ospf_bits(struct nd *nd, const char *pre, const struct tok *t, const char *dflt,
	       unsigned v)
{
	P("%s[", pre);
	bits_print(nd, t, dflt, v, ", ");
	P("]");
}

/* An IEEE float of bytes per second as megabits per second, computed in
 * single precision as tcpdump does. */
double te_mbps(uint32_t bits)
{
	float f;

	memcpy(&f, &bits, sizeof(f));
	f = f * 8 / 1000000;
	return (double)f;
}

int ospf_grace_tlvs_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned type, tl, v;
	char b[16];

	while (len > 0) {
		if (!nd_ok(nd, p, 4))
			return -1;
		if (len < 4) {
			P("\n\t    Remaining LS length %u < 4", len);
			return -1;
		}
		type = g2(nd, p);
		tl = g2(nd, p + 2);
		p += 4;
		len -= 4;
		P("\n\t    %s TLV (%u), length %u, value: ", tok_or(grace_tlvs, type, "unknown"),
		  type, tl);
		if (tl > len) {
			P("\n\t    Bogus length %u > %u", tl, len);
			return -1;
		}
		if (type == 0 || tl == 0 || !nd_ok(nd, p, tl))
			return -1;
		switch (type) {
		case 1:
			if (tl != 4) {
				P("\n\t    Bogus length %u != 4", tl);
				return -1;
			}
			P("%us", g4(nd, p));
			break;
		case 2:
			if (tl != 1) {
				P("\n\t    Bogus length %u != 1", tl);
				return -1;
			}
			v = g1(nd, p);
			P("%s (%u)", tok_or(grace_reasons, v, "Unknown"), v);
			break;
		case 3:
			if (tl != 4) {
				P("\n\t    Bogus length %u != 4", tl);
				return -1;
			}
			P("%s", ip4_str(nd, p, b));
			break;
		default:
			if (nd->o->vflag <= 1 && !ospf_hex(nd, p, "\n\t      ", tl))
				return -1;
			break;
		}
		if (tl % 4)
			tl += 4 - tl % 4;
		len -= tl;
		p += tl;
	}
	return 0;
}

/* One sub-TLV's value of a TE Link TLV; 0 when it is malformed (the
 * complaint printed), *pp moved on by an SRLG list. */
static int te_subtlv_print(struct nd *nd, unsigned st, unsigned sl, const uint8_t **pp)
{
	const uint8_t *p = *pp;
	char b[16], b2[16];
	unsigned i, v, n;

	switch (st) {
	case 9:
		if (sl != 4)
			goto not4;
		P(", 0x%08x", g4(nd, p));
		break;
	case 2:
	case 11:
		if (sl != 4 && sl != 8) {
			P(" != 4 && != 8");
			return 0;
		}
		P(", %s (0x%08x)", ip4_str(nd, p, b), g4(nd, p));
		if (sl == 8)
			P(", %s (0x%08x)", ip4_str(nd, p + 4, b2), g4(nd, p + 4));
		break;
	case 3:
	case 4:
		if (sl != 4)
			goto not4;
		P(", %s", ip4_str(nd, p, b));
		break;
	case 6:
	case 7:
		if (sl != 4)
			goto not4;
		P(", %.3f Mbps", te_mbps(g4(nd, p)));
		break;
	case 8:
		if (sl != 32) {
			P(" != 32");
			return 0;
		}
		for (i = 0; i < 8; i++)
			P("\n\t\tTE-Class %u: %.3f Mbps", i, te_mbps(g4(nd, p + i * 4)));
		break;
	case 17:
		if (sl < 4) {
			P(" < 4");
			return 0;
		}
		v = g1(nd, p);
		P("\n\t\tBandwidth Constraints Model ID: %s (%u)", tok_or(te_bc_models, v, "unknown"), v);
		if (sl % 4) {
			P("\n\t\tlength %u != N x 4", sl);
			return 0;
		}
		if (sl > 36) {
			P("\n\t\tlength %u > 36", sl);
			return 0;
		}
		for (i = 0; i < (sl - 4) / 4; i++)
			P("\n\t\t  Bandwidth constraint CT%u: %.3f Mbps", i,
			  te_mbps(g4(nd, p + 4 + i * 4)));
		break;
	case 5:
		if (sl != 4)
			goto not4;
		P(", Metric %u", g4(nd, p));
		break;
	case 14:
		if (sl != 4)
			goto not4;
		v = g1(nd, p);
		P(", ");
		bits_print(nd, te_link_prot, "none", v, ", ");
		break;
	case 15:
		if (sl < 36) {
			P(" < 36");
			return 0;
		}
		v = g1(nd, p);
		P("\n\t\tInterface Switching Capability: %s", tok_or(te_switch_caps, v, "Unknown"));
		v = g1(nd, p + 1);
		P("\n\t\tLSP Encoding: %s\n\t\tMax LSP Bandwidth:", tok_or(te_encodings, v, "Unknown"));
		for (i = 0; i < 8; i++)
			P("\n\t\t  priority level %u: %.3f Mbps", i, te_mbps(g4(nd, p + 4 + i * 4)));
		break;
	case 1:
		if (sl != 1) {
			P(" != 1");
			return 0;
		}
		v = g1(nd, p);
		P(", %s (%u)", tok_or(te_link_types, v, "unknown"), v);
		break;
	case 16:
		if (sl % 4) {
			P(" != N x 4");
			return 0;
		}
		n = sl / 4;
		if (n)
			P("\n\t\t  Shared risk group: ");
		for (; n > 0; n--) {
			P("%u", g4(nd, p));
			p += 4;
			if (n > 1)
				P(", ");
		}
		*pp = p;
		break;
	default:
		if (nd->o->vflag <= 1 && !ospf_hex(nd, p, "\n\t\t", sl))
			return -1;
		break;
	}
	return 1;
not4:
	P(" != 4");
	return 0;
}

int ospf_te_tlvs_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned type, tl, st, sl;
	char b[16];
	int r;

	while (len != 0) {
		if (!nd_ok(nd, p, 4))
			return -1;
		if (len < 4) {
			P("\n\t    Remaining LS length %u < 4", len);
			return -1;
		}
		type = g2(nd, p);
		tl = g2(nd, p + 2);
		p += 4;
		len -= 4;
		P("\n\t    %s TLV (%u), length: %u", tok_or(te_tlvs, type, "unknown"), type, tl);
		if (tl > len) {
			P("\n\t    Bogus length %u > %u", tl, len);
			return -1;
		}
		if (type == 0 || tl == 0)
			return -1;
		switch (type) {
		case 2:
			/* the sub-TLVs use up tl: p ends past them, tl at 0 */
			while (tl != 0) {
				if (tl < 4) {
					P("\n\t    Remaining TLV length %u < 4", tl);
					return -1;
				}
				st = g2(nd, p);
				sl = g2(nd, p + 2);
				p += 4;
				tl -= 4;
				if (st == 0 || sl == 0)
					goto invalid;
				P("\n\t      %s subTLV (%u), length: %u",
				  tok_or(te_subtlvs, st, "unknown"), st, sl);
				if (tl < sl) {
					P("\n\t    Remaining TLV length %u < %u", tl + 4, sl + 4);
					return -1;
				}
				if (!nd_ok(nd, p, sl))
					return -1;
				r = te_subtlv_print(nd, st, sl, &p);
				if (r < 0)
					return -1;
				if (r == 0)
					goto invalid;
				if (sl % 4)
					sl += 4 - sl % 4;
				if (tl < sl) {
					P("\n\t    Remaining TLV length %u < %u", tl + 4, sl + 4);
					return -1;
				}
				tl -= sl;
				p += sl;
			}
			break;
		case 1:
			if (tl < 4) {
				P("\n\t    TLV length %u < 4", tl);
				return -1;
			}
			P(", %s", ip4_str(nd, p, b));
			break;
		default:
			if (nd->o->vflag <= 1 && !ospf_hex(nd, p, "\n\t      ", tl))
				return -1;
			break;
		}
		if (tl % 4)
			tl += 4 - tl % 4;
		if (tl > len) {
			P("\n\t    Bogus padded length %u > %u", tl, len);
			return -1;
		}
		len -= tl;
		p += tl;
	}
	return 0;
invalid:
	P(" (invalid)");
	return -1;
}

int ospf_lshdr_print(struct nd *nd, const uint8_t *p)
{
	unsigned len, type, ot;
	char b[16];

	len = g2(nd, p + 18);
	if (len < 20) {
		P("\n\t    Bogus length %u < header (20)", len);
		return -1;
	}
	P("\n\t  Advertising Router %s, seq 0x%08x, age %us, length %u",
	  ip4_str(nd, p + 8, b), g4(nd, p + 12), g2(nd, p), len - 20);
	type = g1(nd, p + 3);
	if (type >= 9 && type <= 11) {
		ot = g1(nd, p + 4);
		P("\n\t    %s LSA (%u), Opaque-Type %s LSA (%u), Opaque-ID %u",
		  tok_or(ospf_lsa_types, type, "unknown"), type,
		  tok_or(ospf_opaque_types, ot, "unknown"), ot, g3(nd, p + 5));
	} else {
		P("\n\t    %s LSA (%u), LSA-ID: %s", tok_or(ospf_lsa_types, type, "unknown"), type,
		  ip4_str(nd, p + 4, b));
	}
	ospf_bits(nd, "\n\t    Options: ", ospf_option_bits, "none", g1(nd, p + 2));
	return (int)len;
}

/* A router LSA's links; 0 after an unknown link type. */
static int router_links_print(struct nd *nd, const uint8_t *b)
{
	static const char *const what[] = {
		NULL, "Neighbor Router-ID: ", "Neighbor Network-ID: ", "Stub Network: ",
		"Virtual Link: Neighbor Router-ID: ",
	};
	const uint8_t *l, *t;
	unsigned n, type, ntos, i, tt;
	char b1[16], b2[16];

	ospf_bits(nd, "\n\t    Router LSA Options: ", rla_flags, "none", g1(nd, b));
	n = g2(nd, b + 2);
	gcheck(nd, b + 4, 12);
	for (l = b + 4; n != 0; n--) {
		gcheck(nd, l, 12);
		type = g1(nd, l + 8);
		if (type < 1 || type > 4) {
			P("\n\t      Unknown Router Link Type (%u)", type);
			return 0;
		}
		P("\n\t      %s%s%s%s", what[type], ip4_str(nd, l, b1),
		  type == 3 ? ", Mask: " : ", Interface Address: ", ip4_str(nd, l + 4, b2));
		/* the link's own metric, then the extra ones per topology */
		ntos = g1(nd, l + 9) + 1u;
		for (i = 0, t = l + 8; i < ntos; i++, t += 4) {
			tt = i ? g1(nd, t) : 0;
			P("\n\t\ttopology %s (%u), metric %u", tok_or(topologies, tt, "Unknown"), tt,
			  g2(nd, t + 2));
		}
		l += 12 + g1(nd, l + 9) * 4u;
	}
	return 1;
}

/* An external (or NSSA) LSA's metric entries after the mask. */
static void external_print(struct nd *nd, const uint8_t *b, const uint8_t *end)
{
	const uint8_t *a;
	uint32_t ul;
	unsigned topo;
	char buf[16];

	gcheck(nd, b, 4);
	P("\n\t    Mask %s", ip4_str(nd, b, buf));
	gcheck(nd, b + 4, 4);
	for (a = b + 4; a < end; a += 12) {
		ul = g4(nd, a);
		topo = (ul >> 24) & 0x7f;
		P("\n\t\ttopology %s (%u), type %u, metric", tok_or(topologies, topo, "Unknown"),
		  topo, (ul & 0x80000000) ? 2 : 1);
		if ((ul & 0xffffff) == 0xffffff)
			P(" infinite");
		else
			P(" %u", ul & 0xffffff);
		if (g4(nd, a + 4))
			P(", forward %s", ip4_str(nd, a + 4, buf));
		if (g4(nd, a + 8))
			P(", tag %s", ip4_str(nd, a + 8, buf));
	}
}

/* A router information LSA's TLVs; 0 when decoding stopped. */
static int ri_print(struct nd *nd, const uint8_t *p, uint32_t rem)
{
	unsigned type, tl;
	uint32_t v;

	while (rem != 0) {
		gcheck(nd, p, 4);
		if (rem < 4) {
			P("\n\t    Remaining LS length %u < 4", rem);
			return 0;
		}
		type = g2(nd, p);
		tl = g2(nd, p + 2);
		p += 4;
		rem -= 4;
		P("\n\t    %s TLV (%u), length: %u, value: ", tok_or(ri_tlvs, type, "unknown"),
		  type, tl);
		if (tl > rem) {
			P("\n\t    Bogus length %u > remaining LS length %u", tl, rem);
			return 0;
		}
		gcheck(nd, p, tl);
		if (type == 1) {
			if (tl != 4) {
				P("\n\t    Bogus length %u != 4", tl);
				return 0;
			}
			v = g4(nd, p);
			P("Capabilities: ");
			bits_print(nd, ri_caps, "Unknown", v, ", ");
		} else if (nd->o->vflag <= 1 && !ospf_hex(nd, p, "\n\t      ", tl)) {
			return 0;
		}
		p += tl;
		rem -= tl;
	}
	return 1;
}

/* A summary LSA's metrics per topology. */
static void sum_metrics_print(struct nd *nd, const uint8_t *lp, const uint8_t *end)
{
	uint32_t ul;
	unsigned topo;

	gcheck(nd, lp, 4);
	for (; lp < end; lp += 4) {
		ul = g4(nd, lp);
		topo = (ul >> 24) & 0x7f;
		P("\n\t\ttopology %s (%u) metric %u", tok_or(topologies, topo, "Unknown"), topo,
		  ul & 0xffffff);
	}
}

const uint8_t *ospf_lsa_print(struct nd *nd, const uint8_t *p)
{
	const uint8_t *end, *b = p + 20, *a;
	uint32_t len;
	int r;
	char buf[16];

	r = ospf_lshdr_print(nd, p);
	if (r < 0)
		return NULL;
	end = p + r;
	len = (uint32_t)r - 20;

	switch (g1(nd, p + 3)) {
	case 1:
		if (!router_links_print(nd, b))
			return end;
		break;
	case 2:
		P("\n\t    Mask %s\n\t    Connected Routers:", ip4_str(nd, b, buf));
		for (a = b + 4; a < end; a += 4)
			P("\n\t      %s", ip4_str(nd, a, buf));
		break;
	case 3:
		gcheck(nd, b, 4);
		P("\n\t    Mask %s", ip4_str(nd, b, buf));
		sum_metrics_print(nd, b + 4, end);
		break;
	case 4:
		sum_metrics_print(nd, b + 4, end);
		break;
	case 5:
	case 7:
		external_print(nd, b, end);
		break;
	case 6:
		for (a = b; a < end; a += 8) {
			uint32_t vt = g4(nd, a);
			if (vt == 1)
				P("\n\t    Router Router-ID %s", ip4_str(nd, a + 4, buf));
			else if (vt == 2)
				P("\n\t    Network Designated Router %s", ip4_str(nd, a + 4, buf));
			else
				P("\n\t    unknown VertexType (%u)", vt);
		}
		break;
	case 9:
	case 10:
	case 11:
		switch (g1(nd, p + 4)) {
		case 4:
			if (!ri_print(nd, b, len))
				return end;
			break;
		case 3:
			if (ospf_grace_tlvs_print(nd, b, len) == -1)
				return end;
			break;
		case 1:
			if (ospf_te_tlvs_print(nd, b, len) == -1)
				return end;
			break;
		default:
			if (nd->o->vflag <= 1 && !ospf_hex(nd, b, "\n\t    ", len))
				return end;
			break;
		}
		break;
	default:
		break;
	}
	/* -vv: the body in hex as well */
	if (nd->o->vflag > 1)
		ospf_hex(nd, b, "\n\t    ", len);
	return end;
}
