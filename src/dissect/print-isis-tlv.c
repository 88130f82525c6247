/*
 * IS-IS reachability TLV entries and sub-TLVs, as tcpdump 4.99.3 prints
 * them: extended IS reachability (RFC 5305 traffic engineering, RFC 4205
 * GMPLS, RFC 8667 segment routing), extended IP reachability, the router
 * capability sub-TLVs and the SPB (RFC 6329) sub-TLVs.
 */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>

#include "isis-int.h"

static const struct tok ext_is_subtlvs[] = {
	{ 3, "Administrative groups" }, { 4, "Link Local/Remote Identifier" },
	{ 5, "Link Remote Identifier" }, { 6, "IPv4 interface address" },
	{ 8, "IPv4 neighbor address" }, { 9, "Maximum link bandwidth" },
	{ 10, "Reservable link bandwidth" }, { 11, "Unreserved bandwidth" },
	{ 18, "Traffic Engineering Metric" }, { 19, "Link Attribute" },
	{ 20, "Link Protection Type" }, { 21, "Interface Switching Capability" },
	{ 12, "Bandwidth Constraints (old)" }, { 22, "Bandwidth Constraints" },
	{ 32, "LAN Adjacency Segment Identifier" }, { 29, "SPB Metric" },
	{ 250, "Reserved for cisco specific extensions" },
	{ 251, "Reserved for cisco specific extensions" },
	{ 252, "Reserved for cisco specific extensions" },
	{ 253, "Reserved for cisco specific extensions" },
	{ 254, "Reserved for cisco specific extensions" },
	{ 255, "Reserved for future expansion" },
	{ 0, NULL }
};

static const struct tok ext_ip_subtlvs[] = {
	{ 1, "32-Bit Administrative tag" }, { 2, "64-Bit Administrative tag" },
	{ 3, "Prefix SID" }, { 117, "Management Prefix Color" }, { 0, NULL }
};

static const struct tok prefix_sid_flags[] = {
	{ 0x80, "Readvertisement" }, { 0x40, "Node" }, { 0x20, "No-PHP" },
	{ 0x10, "Explicit NULL" }, { 0x08, "Value" }, { 0x04, "Local" }, { 0, NULL }
};

static const struct tok prefix_sid_algos[] = {
	{ 0, "SPF" }, { 1, "strict-SPF" }, { 0, NULL }
};

static const struct tok link_attrs[] = {
	{ 0x01, "Local Protection Available" },
	{ 0x02, "Link excluded from local protection path" },
	{ 0x04, "Local maintenance required" }, { 0, NULL }
};

static const struct tok lan_adj_sid_flags[] = {
	{ 0x80, "Address family IPv6" }, { 0x40, "Backup" }, { 0x20, "Value" },
	{ 0x10, "Local significance" }, { 0x08, "Set of adjacencies" },
	{ 0x04, "Persistent" }, { 0, NULL }
};

/* GMPLS TDM indications (RFC 4205): the other TE names are te_* in print-ospf-lsa.c */
static const struct tok tsc_indications[] = {
	{ 0, "Standard SONET/SDH" }, { 1, "Arbitrary SONET/SDH" }, { 0, NULL }
};

static const struct tok router_cap_subtlvs[] = {
	{ 2, "SR-Capabilities" }, { 0, NULL }
};

static const struct tok router_cap_sr_flags[] = {
	{ 0x80, "ipv4" }, { 0x40, "ipv6" }, { 0, NULL }
};

static const struct tok port_cap_subtlvs[] = {
	{ 4, "SPB MCID" }, { 5, "SPB Digest" }, { 6, "SPB BVID" }, { 0, NULL }
};

static const struct tok mt_cap_subtlvs[] = {
	{ 1, "SPB Instance" }, { 3, "SPBM Service Identifier and Unicast Address" },
	{ 0, NULL }
};

const char *isis_id_str(struct nd *nd, const uint8_t *p, unsigned len, char *buf)
{
	unsigned i, n = len < ISIS_SYSID_LEN ? len : ISIS_SYSID_LEN;
	char *c = buf;

	gcheck(nd, p, len);
	for (i = 0; i < n; i++) {
		c += sprintf(c, "%02x", p[i]);
		if (i == 1 || i == 3)
			*c++ = '.';
	}
	if (len >= ISIS_NODEID_LEN)
		c += sprintf(c, ".%02x", p[ISIS_SYSID_LEN]);
	if (len == ISIS_LSPID_LEN)
		c += sprintf(c, "-%02x", p[ISIS_NODEID_LEN]);
	*c = 0;
	return buf;
}

int isis_hex(struct nd *nd, const uint8_t *p, const char *ident, uint32_t len)
{
	unknown_data_print(nd, p, ident, len > 0x7fffffff ? 0x7fffffff : (int)len);
	return p <= nd->snapend;
}

/* The LAN adjacency SID (RFC 8667 2.2.2): flags, weight, neighbor, SID */
static void lan_adj_sid(struct nd *nd, const uint8_t *p, uint32_t len, const char *ident)
{
	char b[24];
	unsigned fl = g1(nd, p);

	P("%s  Flags: [", ident);
	bits_print(nd, lan_adj_sid_flags, "none", fl, ", ");
	P("]%s  Weight: %u", ident, g1(nd, p + 1));
	p += 2;
	if (len - 2 >= ISIS_SYSID_LEN)
		P("%s  Neighbor System-ID: %s", ident, isis_id_str(nd, p, ISIS_SYSID_LEN, b));
	if ((fl & 0x30) == 0x30)
		P("%s  Label: %u", ident, g3(nd, p + ISIS_SYSID_LEN));
	else if (!(fl & 0x30))
		P("%s  Index: %u", ident, g4(nd, p + ISIS_SYSID_LEN));
	else
		P(" (invalid)");
}

/* The interface switching capability descriptor (RFC 4205), len >= 36;
 * -1 when the hex dump fails */
static int sw_cap_descr(struct nd *nd, const uint8_t *p, uint32_t len, const char *ident)
{
	unsigned cap = g1(nd, p), i;

	P("%s  Interface Switching Capability:%s", ident, tok_or(te_switch_caps, cap, "Unknown"));
	P(", LSP Encoding: %s", tok_or(te_encodings, g1(nd, p + 1), "Unknown"));
	p += 4;
	len -= 4;
	P("%s  Max LSP Bandwidth:", ident);
	for (i = 0; i < 8; i++, p += 4, len -= 4)
		P("%s    priority level %u: %.3f Mbps", ident, i, te_mbps(g4(nd, p)));
	switch (cap) {
	case 1: case 2: case 3: case 4:
		if (len < 6)
			break;
		P("%s  Min LSP Bandwidth: %.3f Mbps", ident, te_mbps(g4(nd, p)));
		P("%s  Interface MTU: %u", ident, g2(nd, p + 4));
		break;
	case 100:
		if (len < 8)
			break;
		P("%s  Min LSP Bandwidth: %.3f Mbps", ident, te_mbps(g4(nd, p)));
		{
			char b[24];
			P("%s  Indication %s", ident,
			  tok2str(tsc_indications, "Unknown (%u)", g1(nd, p + 4), b, sizeof(b)));
		}
		break;
	default:
		if (len != 0 && !isis_hex(nd, p, "\n\t\t    ", len))
			return -1;
	}
	return 36;
}

/* One sub-TLV of an extended IS reachability entry, its data captured:
 * the bytes tcpdump's decoder steps over itself (which it does not take
 * off what is left of the TLV), -1 when the hex dump fails */
static int ext_is_subtlv(struct nd *nd, unsigned type, const uint8_t *p, uint32_t len,
			 const char *ident)
{
	unsigned i;

	switch (type) {
	case 3: case 4: case 5:
		if (len >= 4) {
			P(", 0x%08x", g4(nd, p));
			if (len == 8)
				P(", 0x%08x", g4(nd, p + 4));
		}
		break;
	case 6: case 8:
		if (len >= 4) {
			char b[16];
			P(", %s", ip4_str(nd, p, b));
		}
		break;
	case 9: case 10:
		if (len >= 4)
			P(", %.3f Mbps", te_mbps(g4(nd, p)));
		break;
	case 11:
		if (len < 32)
			break;
		for (i = 0; i < 8; i++)
			P("%s  TE-Class %u: %.3f Mbps", ident, i, te_mbps(g4(nd, p + 4 * i)));
		return 32;
	case 22: case 12:
		if (len == 0)
			break;
		P("%sBandwidth Constraints Model ID: %s (%u)", ident,
		  tok_or(te_bc_models, g1(nd, p), "unknown"), g1(nd, p));
		p++;
		len--;
		for (i = 0; len >= 4; i++, p += 4, len -= 4)
			P("%s  Bandwidth constraint CT%u: %.3f Mbps", ident, i, te_mbps(g4(nd, p)));
		return (int)(1 + 4 * i);
	case 18:
		if (len >= 3)
			P(", %u", g3(nd, p));
		break;
	case 19:
		if (len == 2) {
			unsigned v = g2(nd, p);
			P(", [ ");
			bits_print(nd, link_attrs, "Unknown", v, ", ");
			P(" ] (0x%04x)", v);
		}
		break;
	case 20:
		if (len >= 2) {
			unsigned v = g1(nd, p), pri = g1(nd, p + 1);
			P(", ");
			bits_print(nd, te_link_prot, "none", v, ", ");
			P(", Priority %u", pri);
		}
		break;
	case 29:
		if (len >= 6) {
			P(", LM: %u", g3(nd, p));
			P(", P: %u", g1(nd, p + 3));
			P(", P-ID: %u", g2(nd, p + 4));
			return 4;
		}
		break;
	case 21:
		if (len >= 36)
			return sw_cap_descr(nd, p, len, ident);
		break;
	case 32:
		if (len < 8)
			break;
		lan_adj_sid(nd, p, len, ident);
		return 2;
	default:
		return isis_hex(nd, p, "\n\t\t    ", len) ? 0 : -1;
	}
	return 0;
}

int isis_ext_is_reach(struct nd *nd, const uint8_t *p, const char *ident,
		      unsigned tlv_type, uint32_t left)
{
	char id[24], ib[24];
	uint32_t sum, type, len;
	int done = 0, used;

	if (!nd_ok(nd, p, ISIS_NODEID_LEN) || left < ISIS_NODEID_LEN)
		return 0;
	P("%sIS Neighbor: %s", ident, isis_id_str(nd, p, ISIS_NODEID_LEN, id));
	p += ISIS_NODEID_LEN;
	left -= ISIS_NODEID_LEN;
	done += ISIS_NODEID_LEN;
	if (tlv_type != ISIS_TLV_IS_ALIAS_ID) {	/* the alias has no metric */
		if (!nd_ok(nd, p, 3) || left < 3)
			return 0;
		P(", Metric: %u", g3(nd, p));
		p += 3;
		left -= 3;
		done += 3;
	}
	if (!nd_ok(nd, p, 1) || left < 1)
		return 0;
	sum = g1(nd, p);
	p++;
	left--;
	done++;
	P(", %ssub-TLVs present", sum ? "" : "no ");
	if (!sum)
		return done;
	P(" (%u)", sum);
	snprintf(ib, sizeof(ib), "%s  ", ident);
	while (sum != 0) {
		if (!nd_ok(nd, p, 2))
			return 0;
		if (left < 2) {
			P("%sRemaining data in TLV shorter than a subTLV header", ib);
			done += left;
			break;
		}
		if (sum < 2) {
			P("%sRemaining data in subTLVs shorter than a subTLV header", ib);
			done += sum;
			break;
		}
		type = g1(nd, p);
		len = g1(nd, p + 1);
		p += 2;
		left -= 2;
		sum -= 2;
		done += 2;
		P("%s%s subTLV #%u, length: %u", ib, tok_or(ext_is_subtlvs, type, "unknown"),
		  type, len);
		if (sum < len) {
			P(" (remaining data in subTLVs shorter than the current subTLV)");
			done += sum;
			break;
		}
		if (left < len) {
			P(" (> remaining tlv length)");
			done += left;
			break;
		}
		if (!nd_ok(nd, p, len))
			return 0;
		used = ext_is_subtlv(nd, type, p, len, ib);
		if (used < 0)
			return 0;
		p += len;
		left -= len - (uint32_t)used;
		sum -= len;
		done += len;
	}
	return done;
}

/* One sub-TLV of an extended IP reachability entry; 0 after a truncation
 * (which it reports itself, and the caller once more) */
static int ip_reach_subtlv(struct nd *nd, const uint8_t *p, unsigned type, uint32_t len,
			   const char *ident)
{
	P("%s%s subTLV #%u, length: %u", ident, tok_or(ext_ip_subtlvs, type, "unknown"),
	  type, len);
	if (!nd_ok(nd, p, len)) {
		nd_trunc(nd);
		return 0;
	}
	switch (type) {
	case 117: case 1:
		for (; len >= 4; p += 4, len -= 4)
			P(", 0x%08x (=%u)", g4(nd, p), g4(nd, p));
		break;
	case 2:
		for (; len >= 8; p += 8, len -= 8)
			P(", 0x%08x%08x", g4(nd, p), g4(nd, p + 4));
		break;
	case 3: {
		unsigned fl = g1(nd, p), algo = g1(nd, p + 1);
		uint32_t sid;

		if (len < ((fl & 0x08) ? 5u : 6u)) {
			nd_trunc(nd);
			return 0;
		}
		sid = (fl & 0x08) ? g3(nd, p + 2) : g4(nd, p + 2);
		P(", Flags [");
		bits_print(nd, prefix_sid_flags, "None", fl, ", ");
		P("], Algo %s (%u), %s %u", tok_or(prefix_sid_algos, algo, "Unknown"), algo,
		  (fl & 0x08) ? "label" : "index", sid);
		break;
	}
	default:
		return isis_hex(nd, p, "\n\t\t    ", len);
	}
	return 1;
}

uint32_t isis_extd_ip_reach(struct nd *nd, const uint8_t *p, const char *ident, int v6)
{
	uint8_t prefix[16];
	char ab[64], ib[24];
	uint32_t metric, status, bits, bytes, done, sub, type, len;

	metric = g4(nd, p);
	p += 4;
	status = g1(nd, p);
	if (!v6) {
		bits = status & 0x3f;
		if (bits > 32) {
			P("%sIPv4 prefix: bad bit length %u", ident, bits);
			return 0;
		}
		p++;
		done = 5;
	} else {
		bits = g1(nd, p + 1);
		if (bits > 128) {
			P("%sIPv6 prefix: bad bit length %u", ident, bits);
			return 0;
		}
		p += 2;
		done = 6;
	}
	bytes = (bits + 7) / 8;
	memset(prefix, 0, sizeof(prefix));
	gcheck(nd, p, bytes);
	memcpy(prefix, p, bytes);
	p += bytes;
	done += bytes;
	if (!v6) {
		snprintf(ab, sizeof(ab), "%u.%u.%u.%u", prefix[0], prefix[1], prefix[2], prefix[3]);
		P("%sIPv4 prefix: %15s/%u", ident, ab, bits);
	} else {
		if (!inet_ntop(AF_INET6, prefix, ab, sizeof(ab)))
			strcpy(ab, "?");
		P("%sIPv6 prefix: %s/%u", ident, ab, bits);
	}
	P(", Distribution: %s, Metric: %u", (status & 0x80) ? "down" : "up", metric);
	if (!v6 && (status & 0x40))
		P(", sub-TLVs present");
	else if (v6)
		P(", %s%s", (status & 0x40) ? "External" : "Internal",
		  (status & 0x20) ? ", sub-TLVs present" : "");
	if ((!v6 && (status & 0x40)) || (v6 && (status & 0x20))) {
		/* one length byte for all the sub-TLVs of this prefix */
		sub = g1(nd, p);
		p++;
		done += sub + 1;
		P(" (%u)", sub);
		snprintf(ib, sizeof(ib), "%s  ", ident);
		while (sub > 0) {	/* wraps past 0 as tcpdump's does */
			type = g1(nd, p);
			len = g1(nd, p + 1);
			p += 2;
			if (!ip_reach_subtlv(nd, p, type, len, ib))
				return 0;
			p += len;
			sub -= len + 2;
		}
	}
	return done;
}

void isis_router_cap_subtlvs(struct nd *nd, const uint8_t *p, uint8_t len)
{
	uint8_t type, sl, fl, stl, st, sln;
	const uint8_t *sp;
	uint32_t range;

	while (len >= 2) {
		type = g1(nd, p);
		sl = g1(nd, p + 1);
		len -= 2;
		p += 2;
		P("\n\t\t%s subTLV #%u, length: %u", tok_or(router_cap_subtlvs, type, "unknown"),
		  type, sl);
		if (sl > len)
			break;
		if (!nd_ok(nd, p, sl))
			return;
		if (type == 2) {
			fl = g1(nd, p);
			range = g3(nd, p + 1);
			P(", Flags [");
			bits_print(nd, router_cap_sr_flags, "None", fl, ", ");
			P("], Range %u", range);
			sp = p + 4;
			stl = (uint8_t)(sl - 4);
			while (stl >= 5) {
				st = g1(nd, sp);
				sln = g1(nd, sp + 1);
				stl -= 2;
				sp += 2;
				if (sln > stl)
					break;
				if (st == 1) {
					if (sln == 3)
						P(", SID value %u", g3(nd, sp));
					else if (sln == 4)
						P(", SID value %u", g4(nd, sp));
					else
						P(", Unknown SID length%u", sln);
				} else {
					isis_hex(nd, sp, "\n\t\t  ", sln);
				}
				sp += sln;
				stl -= sln;
			}
		} else {
			isis_hex(nd, p, "\n\t\t", sl);
		}
		len -= sl;
		p += sl;
	}
}

/* An MST configuration identifier: format, name, revision, digest */
static void mcid_print(struct nd *nd, const uint8_t *p)
{
	int i;

	P("ID: %u, Name: ", g1(nd, p));
	chars_print_z(nd, p + 1, 32);
	P("\n\t              Lvl: %u", g2(nd, p + 33));
	P(", Digest: ");
	for (i = 0; i < 16; i++)
		P("%.2x ", p[35 + i]);
}

void isis_mt_port_cap_subtlvs(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t type, sl, v;
	int i;

	while (len > 2) {
		type = g1(nd, p);
		sl = g1(nd, p + 1);
		P("\n\t       %s subTLV #%u, length: %u", tok_or(port_cap_subtlvs, type, "unknown"),
		  type, sl);
		p += 2;
		len -= 2;
		if (len < sl) {
			P(" (> containing TLV length)");
			return;
		}
		if (!nd_ok(nd, p, sl)) {
			nd_trunc(nd);
			return;
		}
		switch (type) {
		case 4:
			if (sl < 102)
				goto short_;
			P("\n\t         MCID: ");
			mcid_print(nd, p);
			P("\n\t         AUX-MCID: ");
			mcid_print(nd, p + 51);
			p += 102;
			len -= 102;
			sl -= 102;
			break;
		case 5:
			if (sl < 33)
				goto short_;
			v = g1(nd, p);
			P("\n\t        RES: %u V: %u A: %u D: %u", v >> 5, (v >> 4) & 1, (v >> 2) & 3, v & 3);
			p++;
			P("\n\t         Digest: ");
			for (i = 1; i <= 8; i++, p += 4) {
				P("%08x ", g4(nd, p));
				if (i % 4 == 0 && i != 8)
					P("\n\t                 ");
			}
			len -= 33;
			sl -= 33;
			break;
		case 6:
			while (sl != 0) {
				if (sl < 4)
					goto short_;
				P("\n\t           ECT: %08x", g4(nd, p));
				p += 4;
				len -= 4;
				sl -= 4;
				if (sl < 2)
					goto short_;
				v = g2(nd, p);
				P(" BVID: %u, U:%01x M:%01x ", v >> 4, (v >> 3) & 1, (v >> 2) & 1);
				p += 2;
				len -= 2;
				sl -= 2;
			}
			break;
		}
		p += sl;
		len -= sl;
	}
	return;
short_:
	P(" (too short)");
}

void isis_mt_cap_subtlvs(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t type, sl, trees, v;

	while (len > 2) {
		type = g1(nd, p);
		sl = g1(nd, p + 1);
		p += 2;
		len -= 2;
		P("\n\t      %s subTLV #%u, length: %u", tok_or(mt_cap_subtlvs, type, "unknown"),
		  type, sl);
		if (len < sl) {
			P(" (> containing TLV length)");
			return;
		}
		if (!nd_ok(nd, p, sl)) {
			nd_trunc(nd);
			return;
		}
		switch (type) {
		case 1:
			if (sl < 19) {
				P(" (too short)");
				return;
			}
			P("\n\t        CIST Root-ID: %08x", g4(nd, p));
			P(" %08x", g4(nd, p + 4));
			P(", Path Cost: %08x", g4(nd, p + 8));
			P(", Prio: %u", g2(nd, p + 12));
			P("\n\t        RES: %u", g2(nd, p + 14) >> 5);
			P(", V: %u", (g2(nd, p + 14) >> 4) & 1);
			P(", SPSource-ID: %u", g4(nd, p + 14) & 0xfffff);
			P(", No of Trees: %x", g1(nd, p + 18));
			trees = g1(nd, p + 18);
			p += 19;
			len -= 19;
			sl -= 19;
			for (; trees; trees--) {
				if (sl < 8) {
					nd_trunc(nd);
					return;
				}
				v = g1(nd, p);
				P("\n\t         U:%u, M:%u, A:%u, RES:%u", v >> 7, (v >> 6) & 1,
				  (v >> 5) & 1, v & 0x1f);
				P(", ECT: %08x", g4(nd, p + 1));
				v = g3(nd, p + 5);
				P(", BVID: %u, SPVID: %u", (v >> 12) & 0xfff, v & 0xfff);
				p += 8;
				len -= 8;
				sl -= 8;
			}
			break;
		case 3:
			if (sl < 8) {
				nd_trunc(nd);
				return;
			}
			P("\n\t        BMAC: %08x", g4(nd, p));
			P("%04x", g2(nd, p + 4));
			v = g2(nd, p + 6);
			P(", RES: %u, VID: %u", v >> 12, v & 0xfff);
			p += 8;
			len -= 8;
			sl -= 8;
			for (; sl >= 4; p += 4, len -= 4, sl -= 4) {
				v = g4(nd, p);
				P("\n\t        T: %u, R: %u, RES: %u, ISID: %u", v >> 31, (v >> 30) & 1,
				  (v >> 24) & 0x3f, v & 0xffffff);
			}
			break;
		}
		p += sl;
		len -= sl;
	}
}
