/*
 * IS-IS (ISO 10589, RFC 1195 and successors) as tcpdump 4.99.3 prints it:
 * the common header, the hello (LAN and point-to-point), LSP, CSNP and
 * PSNP headers and their TLVs.  The reachability entries and sub-TLVs are
 * in print-isis-tlv.c.
 */
#include <stdio.h>

#include "isis-int.h"

static const struct tok pdu_names[] = {
	{ 15, "L1 Lan IIH" }, { 16, "L2 Lan IIH" }, { 17, "p2p IIH" },
	{ 18, "L1 LSP" }, { 20, "L2 LSP" }, { 24, "L1 CSNP" }, { 25, "L2 CSNP" },
	{ 26, "L1 PSNP" }, { 27, "L2 PSNP" }, { 0, NULL }
};

static const struct tok tlv_names[] = {
	{ 1, "Area address(es)" }, { 2, "IS Reachability" }, { 3, "ES Neighbor(s)" },
	{ 4, "Partition DIS" }, { 5, "Prefix Neighbors" }, { 6, "IS Neighbor(s)" },
	{ 7, "Instance Identifier" }, { 8, "Padding" }, { 9, "LSP entries" },
	{ 10, "Authentication" }, { 12, "Checksum" }, { 13, "Purge Originator Identifier" },
	{ 14, "LSP Buffersize" }, { 22, "Extended IS Reachability" }, { 24, "IS Alias ID" },
	{ 42, "DECnet Phase IV" }, { 66, "Lucent Proprietary" },
	{ 128, "IPv4 Internal Reachability" }, { 129, "Protocols supported" },
	{ 130, "IPv4 External Reachability" }, { 131, "Inter-Domain Information Type" },
	{ 132, "IPv4 Interface address(es)" }, { 133, "IPv4 authentication (deprecated)" },
	{ 134, "Traffic Engineering Router ID" }, { 135, "Extended IPv4 Reachability" },
	{ 138, "Shared Risk Link Group" }, { 143, "Multi-Topology-Aware Port Capability" },
	{ 144, "Multi-Topology Capability" }, { 176, "Nortel Proprietary" },
	{ 177, "Nortel Proprietary" }, { 137, "Hostname" }, { 211, "Restart Signaling" },
	{ 222, "Multi Topology IS Reachability" }, { 229, "Multi Topology" },
	{ 232, "IPv6 Interface address(es)" }, { 235, "Multi-Topology IPv4 Reachability" },
	{ 236, "IPv6 reachability" }, { 237, "Multi-Topology IP6 Reachability" },
	{ 240, "Point-to-point Adjacency State" }, { 241, "Hello PDU Sequence Number" },
	{ 242, "IS-IS Router Capability" }, { 250, "Vendor Private" }, { 0, NULL }
};

static const struct tok router_cap_flags[] = {
	{ 0x01, "S bit" }, { 0x02, "D bit" }, { 0, NULL }
};

static const struct tok auth_types[] = {
	{ 1, "simple text password" }, { 3, "Generic Crypto key-id" },
	{ 54, "HMAC-MD5 password" }, { 255, "Routing Domain private password" }, { 0, NULL }
};

static const struct tok idrp_types[] = {
	{ 0, "Reserved" }, { 1, "Routing-Domain Specific" }, { 2, "AS Number Tag" }, { 0, NULL }
};

static const struct tok mt_names[] = {
	{ 0, "IPv4 unicast" }, { 1, "In-Band Management" }, { 2, "IPv6 unicast" },
	{ 3, "Multicast" }, { 4095, "Development, Experimental or Proprietary" }, { 0, NULL }
};

static const struct tok mt_flags[] = {
	{ 0x4000, "ATT bit set" }, { 0x8000, "Overload bit set" }, { 0, NULL }
};

static const struct tok circuit_types[] = {
	{ 1, "Level 1 only" }, { 2, "Level 2 only" }, { 3, "Level 1, Level 2" }, { 0, NULL }
};

static const struct tok lsp_istypes[] = {
	{ 0, "Unused 0x0 (invalid)" }, { 1, "L1 IS" }, { 2, "Unused 0x2 (invalid)" },
	{ 3, "L2 IS" }, { 0, NULL }
};

static const struct tok ptp_adj_states[] = {
	{ 0, "Up" }, { 1, "Initializing" }, { 2, "Down" }, { 0, NULL }
};

static const struct tok is_reach_virtual[] = {
	{ 0, "IsNotVirtual" }, { 1, "IsVirtual" }, { 0, NULL }
};

static const struct tok restart_flags[] = {
	{ 0x1, "Restart Request" }, { 0x2, "Restart Acknowledgement" },
	{ 0x4, "Suppress adjacency advertisement" }, { 0, NULL }
};

#define HDR_LEN		8	/* the common header */
#define LAN_IIH_LEN	19
#define PTP_IIH_LEN	12
#define LSP_LEN		19
#define CSNP_LEN	25
#define PSNP_LEN	9

enum { K_LAN, K_PTP, K_LSP, K_CSNP, K_PSNP };

static void metric_print(struct nd *nd, unsigned m, const char *name)
{
	P("%s Metric: %u, %s", name, m & 0x3f, (m & 0x40) ? "External" : "Internal");
}

/* The four metrics of the old TLVs; default always, the others when set */
static void metric_block(struct nd *nd, const uint8_t *p)
{
	metric_print(nd, p[0], ", Default");
	if (!(p[1] & 0x80))
		metric_print(nd, p[1], "\n\t\t  Delay");
	if (!(p[2] & 0x80))
		metric_print(nd, p[2], "\n\t\t  Expense");
	if (!(p[3] & 0x80))
		metric_print(nd, p[3], "\n\t\t  Error");
}

/* IPv4 internal and external reachability (128, 130); 0 ends the PDU */
static int ip_reach(struct nd *nd, const uint8_t *p, uint32_t len)
{
	static const char *const names[] = { NULL, "Delay", "Expense", "Error" };
	char a[16], m[16];
	uint32_t mask;
	int plen, i;

	for (; len > 0; len -= 12, p += 12) {
		if (len < 12) {
			P("short IPv4 Reachability (%u vs %zu)", len, (size_t)12);
			return 0;
		}
		if (!nd_ok(nd, p, 12))
			return 0;
		mask = (uint32_t)p[8] << 24 | (uint32_t)p[9] << 16 | p[10] << 8 | p[11];
		for (plen = 32; plen >= 0; plen--)
			if ((plen ? 0xffffffffu << (32 - plen) : 0) == mask)
				break;
		ip4_str(nd, p + 4, a);
		if (plen < 0)
			P("\n\t      IPv4 prefix: %s mask %s", a, ip4_str(nd, p + 8, m));
		else
			P("\n\t      IPv4 prefix: %15s/%u", a, plen);
		P(", Distribution: %s, Metric: %u, %s", (p[0] & 0x80) ? "down" : "up", p[0] & 0x3f,
		  (p[0] & 0x40) ? "External" : "Internal");
		for (i = 1; i < 4; i++)
			if (!(p[i] & 0x80))
				P("\n\t        %s Metric: %u, %s", names[i], p[i] & 0x3f,
				  (p[i] & 0x40) ? "External" : "Internal");
	}
	return 1;
}

/* A multi-topology id and its flags: 2, or 0 when len < 2 */
static int mtid_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned v;
	char b[40];

	if (len < 2)
		return 0;
	v = g2(nd, p);
	P("\n\t      %s", tok2str(mt_names, "Reserved for IETF Consensus", v & 0xfff, b, sizeof(b)));
	P(" Topology (0x%03x), Flags: [", v & 0xfff);
	bits_print(nd, mt_flags, "none", v & 0xf000, ", ");
	P("]");
	return 2;
}

/* Entries of the extended reachability TLVs after an optional MT id:
 * kind 0 IS, 4 IPv4, 6 IPv6.  0: report a truncation. */
static int reach_list(struct nd *nd, const uint8_t *p, uint8_t len, unsigned type, int kind, int mt)
{
	uint32_t n;

	if (mt) {
		if (!mtid_print(nd, p, len))
			return 0;
		p += 2;
		len -= 2;
	}
	while (len != 0) {
		if (kind == 0) {
			int r = isis_ext_is_reach(nd, p, "\n\t      ", type, len);
			n = r > 0 ? (uint32_t)r : 0;
		} else {
			n = isis_extd_ip_reach(nd, p, "\n\t      ", kind == 6);
		}
		if (n == 0)
			return 0;
		if (len < n) {
			P(" [remaining tlv length %u < %u] (invalid)", len, n);
			break;
		}
		len -= (uint8_t)n;
		p += (uint8_t)n;
	}
	return 1;
}

/* The value of one TLV: 1 done, 0 too short for its value (hex at -vv
 * only), -1 truncated (report and stop), -2 stop silently, -3 dump the
 * PDU as unknown data */
static int tlv_print(struct nd *nd, unsigned type, const uint8_t *tp, uint8_t tlen,
		     const uint8_t *optr, uint32_t length)
{
	char b[64], c[64];
	unsigned v, i, n;

	switch (type) {
	case 1:		/* area addresses */
		while (tlen != 0) {
			v = g1(nd, tp);
			tp++;
			tlen--;
			if (tlen < v)
				return 0;
			P("\n\t      Area address (length: %u): %s", v, osi_nsap_str(nd, tp, v, b));
			tp += v;
			tlen -= v;
		}
		break;
	case 6:		/* IS neighbors (their MAC addresses) */
		for (; tlen != 0; tp += 6, tlen -= 6) {
			if (tlen < 6)
				return 0;
			if (!nd_ok(nd, tp, 6))
				return -1;
			P("\n\t      SNPA: %s", isis_id_str(nd, tp, 6, b));
		}
		break;
	case 7:		/* instance id */
		if (tlen < 4)
			return 0;
		n = (tlen - 2u) / 2;
		P("\n\t      Instance ID: %u, ITIDs(%u)%s ", g2(nd, tp), n, n ? ":" : "");
		for (i = 0, tp += 2; i < n; i++, tp += 2)
			P("%u%s", g2(nd, tp), i + 1 < n ? ", " : "");
		break;
	case 8:		/* padding */
		break;
	case 222:
		return reach_list(nd, tp, tlen, type, 0, 1) ? 1 : -1;
	case 24: case 22:
		return reach_list(nd, tp, tlen, type, 0, 0) ? 1 : -1;
	case 135:
		return reach_list(nd, tp, tlen, type, 4, 0) ? 1 : -1;
	case 235:
		return reach_list(nd, tp, tlen, type, 4, 1) ? 1 : -1;
	case 236:
		return reach_list(nd, tp, tlen, type, 6, 0) ? 1 : -1;
	case 237:
		return reach_list(nd, tp, tlen, type, 6, 1) ? 1 : -1;
	case 2:		/* IS reachability */
		if (tlen < 1)
			return 0;
		P("\n\t      %s", tok2str(is_reach_virtual, "bogus virtual flag 0x%02x", g1(nd, tp),
					  b, sizeof(b)));
		for (tp++, tlen--; tlen != 0; tp += 11, tlen -= 11) {
			if (tlen < 11)
				return 0;
			if (!nd_ok(nd, tp, 11))
				return -1;
			P("\n\t      IS Neighbor: %s", isis_id_str(nd, tp + 4, 7, b));
			metric_block(nd, tp);
		}
		break;
	case 3:		/* ES neighbors */
		for (; tlen != 0; tp += 10, tlen -= 10) {
			if (tlen < 10)
				return 0;
			if (!nd_ok(nd, tp, 10))
				return -1;
			P("\n\t      ES Neighbor: %s", isis_id_str(nd, tp + 4, 6, b));
			metric_block(nd, tp);
		}
		break;
	case 128: case 130:
		return ip_reach(nd, tp, tlen) ? 1 : -2;
	case 232:	/* IPv6 interface addresses */
		for (; tlen != 0; tp += 16, tlen -= 16) {
			if (tlen < 16)
				return 0;
			P("\n\t      IPv6 interface address: %s", ip6_str(nd, tp, b));
		}
		break;
	case 10:	/* authentication */
		if (tlen < 1)
			return 0;
		v = g1(nd, tp);
		tp++;
		tlen--;
		P("\n\t      %s: ", tok2str(auth_types, "unknown Authentication type 0x%02x", v,
					    b, sizeof(b)));
		switch (v) {
		case 1:
			chars_print_z(nd, tp, tlen);
			break;
		case 54:
			for (i = 0; i < tlen; i++)
				P("%02x", g1(nd, tp + i));
			if (tlen != 16)
				P(", (invalid subTLV) ");
			/* no -M secret: the HMAC cannot be checked */
			P(" (unchecked)");
			break;
		case 3:
			if (tlen < 2)
				return 0;
			P("%u, password: ", g2(nd, tp));
			for (i = 2; i < tlen; i++)
				P("%02x", g1(nd, tp + i));
			break;
		default:
			if (!isis_hex(nd, tp, "\n\t\t  ", tlen))
				return -3;
		}
		break;
	case 240:	/* point-to-point adjacency state (RFC 3373) */
		if (tlen >= 1) {
			v = g1(nd, tp);
			P("\n\t      Adjacency State: %s (%u)", tok_or(ptp_adj_states, v, "unknown"), v);
			tlen--;
		}
		if (tlen > 4) {
			P("\n\t      Extended Local circuit-ID: 0x%08x", g4(nd, tp + 1));
			tlen -= 4;
		}
		if (tlen >= 6) {
			if (!nd_ok(nd, tp + 5, 6))
				return -1;
			P("\n\t      Neighbor System-ID: %s", isis_id_str(nd, tp + 5, 6, b));
			tlen -= 6;
		}
		if (tlen >= 4)
			P("\n\t      Neighbor Extended Local circuit-ID: 0x%08x", g4(nd, tp + 11));
		break;
	case 129:	/* protocols supported */
		P("\n\t      NLPID(s): ");
		for (; tlen != 0; tp++, tlen--) {
			v = g1(nd, tp);
			P("%s (0x%02x)%s", tok_or(osi_nlpids, v, "unknown"), v, tlen > 1 ? ", " : "");
		}
		break;
	case 143:	/* MT-aware port capability (SPB) */
		if (tlen < 2)
			return 0;
		v = g2(nd, tp);
		P("\n\t       RES: %u, MTID(s): %u", v >> 12, v & 0xfff);
		if (tlen > 2)
			isis_mt_port_cap_subtlvs(nd, tp + 2, tlen - 2u);
		break;
	case 144:	/* MT capability (SPB) */
		if (tlen < 2)
			return 0;
		v = g2(nd, tp);
		P("\n\t      O: %u, RES: %u, MTID(s): %u", (v >> 15) & 1, (v >> 12) & 7, v & 0xfff);
		if (tlen > 2)
			isis_mt_cap_subtlvs(nd, tp + 2, tlen - 2u);
		break;
	case 134:
		if (tlen < 4)
			return 0;
		P("\n\t      Traffic Engineering Router ID: %s", ip4_str(nd, tp, b));
		break;
	case 132:	/* IPv4 interface addresses */
		for (; tlen != 0; tp += 4, tlen -= 4) {
			if (tlen < 4)
				return 0;
			P("\n\t      IPv4 interface address: %s", ip4_str(nd, tp, b));
		}
		break;
	case 137:
		P("\n\t      Hostname: ");
		chars_print_z(nd, tp, tlen);
		break;
	case 138:	/* shared risk link group */
		if (tlen < 7)
			break;
		if (!nd_ok(nd, tp, 7))
			return -1;
		P("\n\t      IS Neighbor: %s", isis_id_str(nd, tp, 7, b));
		tp += 7;
		tlen -= 7;
		if (tlen < 1)
			break;
		P(", Flags: [%s]", (g1(nd, tp) & 1) ? "numbered" : "unnumbered");
		tp++;
		tlen--;
		if (tlen < 4)
			break;
		P("\n\t      IPv4 interface address: %s", ip4_str(nd, tp, b));
		tp += 4;
		tlen -= 4;
		if (tlen < 4)
			break;
		P("\n\t      IPv4 neighbor address: %s", ip4_str(nd, tp, b));
		for (tp += 4, tlen -= 4; tlen != 0; tp += 4, tlen -= 4) {
			if (tlen < 4)
				return 0;
			P("\n\t      Link-ID: 0x%08x", g4(nd, tp));
		}
		break;
	case 9:		/* LSP entries */
		for (; tlen != 0; tp += 16, tlen -= 16) {
			if (tlen < 16)
				return 0;
			if (!nd_ok(nd, tp + 9, 1))
				return -1;
			P("\n\t      lsp-id: %s", isis_id_str(nd, tp + 2, 8, b));
			P(", seq: 0x%08x", g4(nd, tp + 10));
			P(", lifetime: %5ds", g2(nd, tp));
			P(", chksum: 0x%04x", g2(nd, tp + 14));
		}
		break;
	case 12:	/* checksum (RFC 3358) */
		if (tlen < 2)
			break;
		if (!nd_ok(nd, tp, 2))
			return -1;
		v = g2(nd, tp);
		P("\n\t      checksum: 0x%04x ", v);
		osi_cksum_print(nd, optr, v, (int)(tp - optr), length);
		break;
	case 13:	/* purge originator (RFC 6232) */
		if (tlen < 1)
			return 0;
		n = g1(nd, tp);
		tp++;
		tlen--;
		if (n == 0) {
			P(" No system IDs supplied");
			break;
		}
		if (tlen < 6)
			return 0;
		if (!nd_ok(nd, tp, 6))
			return -1;
		P("\n\t      Purge Originator System-ID: %s", isis_id_str(nd, tp, 6, b));
		tp += 6;
		tlen -= 6;
		if (n > 1) {
			if (tlen < 6)
				return 0;
			if (!nd_ok(nd, tp, 13))
				return -1;
			P("\n\t      Received from System-ID: %s", isis_id_str(nd, tp, 6, b));
		}
		break;
	case 229:	/* multi-topology */
		while (tlen != 0) {
			if (tlen == 1) {
				P("\n\t      invalid MT-ID");
				break;
			}
			mtid_print(nd, tp, tlen);
			tp += 2;
			tlen -= 2;
		}
		break;
	case 211:	/* restart signaling (RFC 3847) */
		if (tlen < 1)
			break;
		if (!nd_ok(nd, tp, 1))
			return -1;
		P("\n\t      Flags [");
		bits_print(nd, restart_flags, "none", tp[0], ", ");
		P("]");
		if (tlen == 1 || tlen < 3)
			break;
		if (!nd_ok(nd, tp + 1, 2))
			return -1;
		P(", Remaining holding time %us", g2(nd, tp + 1));
		if (tlen - 3 == 6) {
			if (!nd_ok(nd, tp + 3, 6))
				return -1;
			P(", for %s", isis_id_str(nd, tp + 3, 6, b));
		}
		break;
	case 131:	/* inter-domain routing protocol information */
		if (tlen < 1)
			break;
		v = g1(nd, tp);
		P("\n\t      Inter-Domain Information Type: %s",
		  tok2str(idrp_types, "Unknown (0x%02x)", v, b, sizeof(b)));
		tp++;
		tlen--;
		if (v == 2) {
			if (tlen < 2)
				return 0;
			P("AS Number: %u", g2(nd, tp));
		} else if (!isis_hex(nd, tp, "\n\t      ", tlen)) {
			return -3;
		}
		break;
	case 14:
		if (tlen >= 2)
			P("\n\t      LSP Buffersize: %u", g2(nd, tp));
		break;
	case 4:		/* partition designated level 2 IS */
		for (; tlen != 0; tp += 6, tlen -= 6) {
			if (tlen < 6)
				return 0;
			if (!nd_ok(nd, tp, 6))
				return -1;
			P("\n\t      %s", isis_id_str(nd, tp, 6, b));
		}
		break;
	case 5:		/* prefix neighbors */
		if (tlen < 4)
			break;
		if (!nd_ok(nd, tp, 4))
			return -1;
		P("\n\t      Metric Block");
		metric_block(nd, tp);
		for (tp += 4, tlen -= 4; tlen != 0; tp += v / 2, tlen -= v / 2) {
			v = g1(nd, tp);
			tp++;
			tlen--;
			if (v < 2) {
				P("\n\t\tAddress: prefix length %u < 2", v);
				break;
			}
			if (tlen < v / 2)
				break;
			P("\n\t\tAddress: %s/%u", osi_nsap_str(nd, tp, v / 2, c), v * 4);
		}
		break;
	case 241:
		if (tlen >= 4)
			P("\n\t      Sequence number: %u", g4(nd, tp));
		break;
	case 242:	/* router capability (RFC 7981) */
		if (tlen < 5) {
			P(" [object length %u < 5] (invalid)", tlen);
			break;
		}
		P("\n\t      Router-ID %s", ip4_str(nd, tp, b));
		v = g1(nd, tp + 4);
		P(", Flags [");
		bits_print(nd, router_cap_flags, "none", v, ", ");
		P("]");
		if (tlen > 5)
			isis_router_cap_subtlvs(nd, tp + 5, (uint8_t)(tlen - 5));
		break;
	case 250:	/* vendor private */
		if (tlen < 3)
			break;
		v = g3(nd, tp);
		P("\n\t      Vendor: %s (%u)", tok_or(oui_names, v, "Unknown"), v);
		if (tlen > 3 && !isis_hex(nd, tp + 3, "\n\t\t", tlen - 3u))
			return -3;
		break;
	default:
		if (nd->o->vflag <= 1 && !isis_hex(nd, tp, "\n\t\t", tlen))
			return -3;
		break;
	}
	return 1;
}

int isis_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	const uint8_t *pp = p + HDR_LEN;
	uint32_t plen = length, pdu_len = 0, hlen;
	unsigned version, pdu_version, fixed_len, max_area, id_len, pdu_type, tl, ty;
	int v = nd->o->vflag, e = nd->o->eflag, r, k;
	char b1[48], b2[48], b3[48];

	nd->proto = "isis";
	if (!nd_ok(nd, p, HDR_LEN) || length < HDR_LEN) {
		nd_trunc(nd);
		return 1;
	}
	if (!e)
		P("IS-IS");
	version = p[2];
	if (version != 1) {
		P("version %u packet not supported", version);
		return 0;
	}
	id_len = p[3];
	if (id_len != ISIS_SYSID_LEN && id_len != 0) {
		P("system ID length of %u is not supported", id_len);
		return 0;
	}
	pdu_version = p[5];
	if (pdu_version != 1) {
		P("version %u packet not supported", pdu_version);
		return 0;
	}
	fixed_len = p[1];
	if (length < fixed_len) {
		P("fixed header length %u > packet length %u", fixed_len, length);
		return 0;
	}
	if (fixed_len < HDR_LEN) {
		P("fixed header length %u < minimum header size %u", fixed_len, HDR_LEN);
		return 0;
	}
	max_area = p[7];
	if (max_area == 255) {
		P("bad packet -- 255 areas");
		return 0;
	}
	pdu_type = p[4];
	if (v == 0) {
		P("%s%s", e ? "" : ", ", tok2str(pdu_names, "unknown PDU-Type %u", pdu_type, b1, sizeof(b1)));
	} else {
		P("%slength %u", e ? "" : ", ", length);
		P("\n\t%s, hlen: %u, v: %u, pdu-v: %u, sys-id-len: %u (%u), max-area: %u (%u)",
		  tok2str(pdu_names, "unknown, type %u", pdu_type, b1, sizeof(b1)), fixed_len,
		  version, pdu_version, 6, id_len, max_area ? max_area : 3, max_area);
		if (v > 1)
			isis_hex(nd, p, "\n\t", HDR_LEN);
	}

	switch (pdu_type) {
	case 15: case 16: k = K_LAN; hlen = LAN_IIH_LEN; break;
	case 17: k = K_PTP; hlen = PTP_IIH_LEN; break;
	case 18: case 20: k = K_LSP; hlen = LSP_LEN; break;
	case 24: case 25: k = K_CSNP; hlen = CSNP_LEN; break;
	case 26: case 27: k = K_PSNP; hlen = PSNP_LEN; break;
	default:
		if (v == 0) {
			P(", length %u", length);
			return 1;
		}
		isis_hex(nd, pp, "\n\t  ", length);
		return 0;
	}
	if (fixed_len != HDR_LEN + hlen) {
		/* tcpdump names the LSP's own header size, and a dash for SNPs */
		P("%s bogus fixed header length %u should be %u", k == K_PSNP ? "-" : ",",
		  fixed_len, k == K_LSP ? LSP_LEN : HDR_LEN + hlen);
		return 0;
	}
	if (!nd_ok(nd, pp, hlen) || length < HDR_LEN + hlen) {
		nd_trunc(nd);
		return 1;
	}
	if (v == 0) {
		switch (k) {
		case K_LAN:
			P(", src-id %s", isis_id_str(nd, pp + 1, 6, b1));
			P(", lan-id %s, prio %u", isis_id_str(nd, pp + 12, 7, b2), pp[11]);
			break;
		case K_PTP:
			P(", src-id %s", isis_id_str(nd, pp + 1, 6, b1));
			break;
		case K_LSP:
			P(", lsp-id %s, seq 0x%08x, lifetime %5us", isis_id_str(nd, pp + 4, 8, b1),
			  g4(nd, pp + 12), g2(nd, pp + 2));
			break;
		default:
			P(", src-id %s", isis_id_str(nd, pp + 2, 7, b1));
			break;
		}
		P(", length %u", length);
		return 1;
	}
	/* the TLVs go as far as the PDU length says, when that is shorter */
	pdu_len = k == K_LAN || k == K_PTP ? g2(nd, pp + 9) : g2(nd, pp);
	if (plen > pdu_len)
		plen = length = pdu_len;

	switch (k) {
	case K_LAN:
	case K_PTP:
		P("\n\t  source-id: %s,%s holding time: %us, Flags: [%s]",
		  isis_id_str(nd, pp + 1, 6, b1), k == K_LAN ? " " : "", g2(nd, pp + 7),
		  tok2str(circuit_types, "unknown circuit type 0x%02x", pp[0], b2, sizeof(b2)));
		if (k == K_LAN)
			P("\n\t  lan-id:    %s, Priority: %u, PDU length: %u",
			  isis_id_str(nd, pp + 12, 7, b1), pp[11] & 0x7f, pdu_len);
		else
			P("\n\t  circuit-id: 0x%02x, PDU length: %u", pp[11], pdu_len);
		break;
	case K_LSP:
		ty = g2(nd, pp + 16);
		P("\n\t  lsp-id: %s, seq: 0x%08x, lifetime: %5us\n\t  chksum: 0x%04x",
		  isis_id_str(nd, pp + 4, 8, b1), g4(nd, pp + 12), g2(nd, pp + 2), ty);
		osi_cksum_print(nd, pp + 4, ty, 12, length - 12);
		tl = pp[18];
		P(", PDU length: %u, Flags: [ %s", pdu_len, (tl & 0x4) ? "Overload bit set, " : "");
		if (tl & 0x78)
			P("%s%s%s%sATT bit set, ", (tl & 0x08) ? "default " : "",
			  (tl & 0x10) ? "delay " : "", (tl & 0x20) ? "expense " : "",
			  (tl & 0x40) ? "error " : "");
		P("%s%s ]", (tl & 0x80) ? "P bit set, " : "",
		  tok2str(lsp_istypes, "Unknown(0x%x)", tl & 3, b2, sizeof(b2)));
		break;
	case K_CSNP:
		P("\n\t  source-id:    %s, PDU length: %u", isis_id_str(nd, pp + 2, 7, b1), pdu_len);
		P("\n\t  start lsp-id: %s", isis_id_str(nd, pp + 9, 8, b2));
		P("\n\t  end lsp-id:   %s", isis_id_str(nd, pp + 17, 8, b3));
		break;
	default:
		P("\n\t  source-id:    %s, PDU length: %u", isis_id_str(nd, pp + 2, 7, b1), pdu_len);
		break;
	}
	if (v > 1)
		isis_hex(nd, pp, "\n\t  ", hlen);
	if (plen < HDR_LEN + hlen) {
		P(" [packet length %u < %zu] (invalid)", plen, (size_t)(HDR_LEN + hlen));
		return 1;
	}
	plen -= HDR_LEN + hlen;
	pp = p + HDR_LEN + hlen;

	while (plen > 0) {
		if (!nd_ok(nd, pp, 2) || plen < 2) {
			nd_trunc(nd);
			return 1;
		}
		ty = pp[0];
		tl = pp[1];
		pp += 2;
		plen -= 2;
		P("\n\t    %s TLV #%u, length: %u", tok_or(tlv_names, ty, "unknown"), ty, tl);
		if (plen < tl) {
			nd_trunc(nd);
			return 1;
		}
		r = tlv_print(nd, ty, pp, (uint8_t)tl, p, length);
		if (r == -1) {
			nd_trunc(nd);
			return 1;
		}
		if (r == -2)
			return 1;
		if (r == -3)
			return 0;
		if (v > 1 && !isis_hex(nd, pp, "\n\t      ", tl))
			return 0;
		pp += tl;
		plen -= tl;
	}
	return 1;
}
