/* Cisco EIGRP (IP protocol 88, RFC 7868), as tcpdump 4.99.3 prints it:
 * the opcode in one line, with -v the header and the TLVs (IPv4 and
 * AppleTalk routes, parameters, versions), with -vv a hex dump of each. */
#include <stdio.h>

#include "dissect-int.h"

#define EIGRP_HDR 20
#define EIGRP_TLV_HDR 4

enum {
	T_PARAM = 0x0001, T_AUTH = 0x0002, T_SEQ = 0x0003, T_SWVER = 0x0004, T_MSEQ = 0x0005,
	T_IP_INT = 0x0102, T_IP_EXT = 0x0103, T_AT_INT = 0x0202, T_AT_EXT = 0x0203,
	T_AT_CABLE = 0x0204, T_IPX_INT = 0x0302, T_IPX_EXT = 0x0303,
};

static const struct tok opcodes[] = {
	{ 1, "Update" }, { 3, "Query" }, { 4, "Reply" }, { 5, "Hello" }, { 6, "IPX SAP" },
	{ 7, "Probe" }, { 0, NULL }
};

static const struct tok hdr_flags[] = {
	{ 0x01, "Init" }, { 0x02, "Conditionally Received" }, { 0x04, "Restart" },
	{ 0x08, "End-of-Table" }, { 0, NULL }
};

static const struct tok tlv_names[] = {
	{ T_PARAM, "General Parameters" }, { T_AUTH, "Authentication" }, { T_SEQ, "Sequence" },
	{ T_SWVER, "Software Version" }, { T_MSEQ, "Next Multicast Sequence" },
	{ T_IP_INT, "IP Internal routes" }, { T_IP_EXT, "IP External routes" },
	{ T_AT_INT, "AppleTalk Internal routes" }, { T_AT_EXT, "AppleTalk External routes" },
	{ T_AT_CABLE, "AppleTalk Cable setup" }, { T_IPX_INT, "IPX Internal routes" },
	{ T_IPX_EXT, "IPX External routes" }, { 0, NULL }
};

static const struct tok ext_protos[] = {
	{ 0x01, "IGRP" }, { 0x02, "EIGRP" }, { 0x03, "Static" }, { 0x04, "RIP" },
	{ 0x05, "Hello" }, { 0x06, "OSPF" }, { 0x07, "IS-IS" }, { 0x08, "EGP" },
	{ 0x09, "BGP" }, { 0x0a, "IDRP" }, { 0x0b, "Connected" }, { 0, NULL }
};

/* The fixed value size of a TLV this printer decodes, else 0. */
static unsigned eigrp_min_len(unsigned type)
{
	switch (type) {
	case T_PARAM: case T_AT_CABLE: return 8;
	case T_SWVER: return 4;
	case T_IP_INT: return 22;
	case T_IP_EXT: return 42;
	case T_AT_INT: return 24;
	case T_AT_EXT: return 40;
	default: return 0;
	}
}

/* The metric fields every route TLV carries, at p. */
static void eigrp_metric(struct nd *nd, const uint8_t *p)
{
	P("\n\t      delay %u ms, bandwidth %u Kbps, mtu %u, hop %u, reliability %u, load %u",
	  g4(nd, p) / 100, g4(nd, p + 4), g3(nd, p + 8), g1(nd, p + 11), g1(nd, p + 12),
	  g1(nd, p + 13));
}

/* An IPv4 route's destination (plen byte, then up to 4 bytes) and next hop. */
static int eigrp_ip_dest(struct nd *nd, const uint8_t *plenp, const uint8_t *nh)
{
	uint8_t a[4] = { 0 };
	unsigned bits = g1(nd, plenp), i;
	char b[16];

	if (bits > 32) {
		P("\n\t    illegal prefix length %u", bits);
		return 0;
	}
	for (i = 0; i < (bits + 7) / 8; i++)
		a[i] = g1(nd, plenp + 1 + i);
	snprintf(b, sizeof(b), "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	P("\n\t    IPv4 prefix: %15s/%u, nexthop: ", b, bits);
	if (g4(nd, nh) == 0)
		P("self");
	else
		P("%s", ip4_str(nd, nh, b));
	return 1;
}

/* An AppleTalk route's cable range (at cr) and next hop. */
static void eigrp_at_dest(struct nd *nd, const uint8_t *cr, const uint8_t *nh)
{
	P("\n\t     Cable-Range: %u-%u, nexthop: ", g2(nd, cr), g2(nd, cr + 2));
	if (g4(nd, nh) == 0)
		P("self");
	else
		P("%u.%u", g2(nd, nh), g2(nd, nh + 2));
}

static void eigrp_tlv(struct nd *nd, unsigned type, const uint8_t *v, unsigned vlen)
{
	char b[16];
	unsigned need = eigrp_min_len(type);

	if (need && vlen < need) {
		P(" (too short, < %u)", need + EIGRP_TLV_HDR);
		return;
	}
	switch (type) {
	case T_PARAM:
		P("\n\t    holdtime: %us, k1 %u, k2 %u, k3 %u, k4 %u, k5 %u", g2(nd, v + 6),
		  g1(nd, v), g1(nd, v + 1), g1(nd, v + 2), g1(nd, v + 3), g1(nd, v + 4));
		break;
	case T_SWVER:
		P("\n\t    IOS version: %u.%u, EIGRP version %u.%u", g1(nd, v), g1(nd, v + 1),
		  g1(nd, v + 2), g1(nd, v + 3));
		break;
	case T_IP_INT:
		if (eigrp_ip_dest(nd, v + 20, v))
			eigrp_metric(nd, v + 4);
		break;
	case T_IP_EXT:
		if (!eigrp_ip_dest(nd, v + 40, v))
			break;
		P("\n\t      origin-router %s, origin-as %u, origin-proto %s, flags [0x%02x], "
		  "tag 0x%08x, metric %u",
		  ip4_str(nd, v + 4, b), g4(nd, v + 8), tok_or(ext_protos, g1(nd, v + 22), "unknown"),
		  g1(nd, v + 23), g4(nd, v + 12), g4(nd, v + 16));
		eigrp_metric(nd, v + 24);
		break;
	case T_AT_CABLE:
		P("\n\t    Cable-range: %u-%u, Router-ID %u", g2(nd, v), g2(nd, v + 2), g4(nd, v + 4));
		break;
	case T_AT_INT:
		eigrp_at_dest(nd, v + 20, v);
		eigrp_metric(nd, v + 4);
		break;
	case T_AT_EXT:
		eigrp_at_dest(nd, v + 36, v);
		P("\n\t      origin-router %u, origin-as %u, origin-proto %s, flags [0x%02x], "
		  "tag 0x%08x, metric %u",
		  g4(nd, v + 4), g4(nd, v + 8), tok_or(ext_protos, g1(nd, v + 16), "unknown"),
		  g1(nd, v + 17), g4(nd, v + 12), g2(nd, v + 18));
		eigrp_metric(nd, v + 20);
		break;
	default:
		if (nd->o->vflag <= 1)
			unknown_data_print(nd, v, "\n\t    ", (int)vlen);
		break;
	}
}

void eigrp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned op, tlen, type, tl;
	char b[32];

	nd->proto = "eigrp";
	/* the header and TLV checks end the packet without a longjmp in
	 * tcpdump, which matters to where a -x dump starts */
	if (!nd_ok(nd, p, EIGRP_HDR))
		goto trunc;
	if (p[0] != 2) {
		P("EIGRP version %u packet not supported", p[0]);
		return;
	}
	op = p[1];
	if (!nd->o->vflag) {
		P("EIGRP %s, length: %u", tok2str(opcodes, "unknown (%u)", op, b, sizeof(b)), len);
		return;
	}
	if (len < EIGRP_HDR) {
		P("EIGRP %s, length: %u (too short, < %u)",
		  tok2str(opcodes, "unknown (%u)", op, b, sizeof(b)), len, EIGRP_HDR);
		return;
	}
	tlen = len - EIGRP_HDR;
	P("\n\tEIGRP v%u, opcode: %s (%u), chksum: 0x%04x, Flags: [", p[0],
	  tok2str(opcodes, "unknown, type: %u", op, b, sizeof(b)), op, g2(nd, p + 2));
	bits_print(nd, hdr_flags, "none", g4(nd, p + 4), ", ");
	P("]\n\tseq: 0x%08x, ack: 0x%08x, VRID: %u, AS: %u, length: %u", g4(nd, p + 8),
	  g4(nd, p + 12), g2(nd, p + 16), g2(nd, p + 18), tlen);
	p += EIGRP_HDR;
	while (tlen > 0) {
		if (!nd_ok(nd, p, EIGRP_TLV_HDR))
			goto trunc;
		type = g2(nd, p);
		tl = g2(nd, p + 2);
		if (tl < EIGRP_TLV_HDR || tl > tlen) {
			unknown_data_print(nd, p + EIGRP_TLV_HDR, "\n\t    ", (int)tlen);
			return;
		}
		P("\n\t  %s TLV (0x%04x), length: %u", tok_or(tlv_names, type, "Unknown"), type, tl);
		if (!nd_ok(nd, p, tl))
			goto trunc;
		eigrp_tlv(nd, type, p + EIGRP_TLV_HDR, tl - EIGRP_TLV_HDR);
		if (nd->o->vflag > 1)
			unknown_data_print(nd, p + EIGRP_TLV_HDR, "\n\t    ", (int)(tl - EIGRP_TLV_HDR));
		p += tl;
		tlen -= tl;
	}
	return;
trunc:
	nd_trunc(nd);
}
