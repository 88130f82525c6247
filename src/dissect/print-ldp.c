/* MPLS Label Distribution Protocol (RFC 5036; UDP and TCP 646), as
 * tcpdump 4.99.3 prints it: the PDU header in one line, with -v its
 * messages and their TLVs (FECs, labels, addresses, session parameters),
 * with -vv a hex dump of each message. */
#include "bgp-int.h"

#define LDP_HDR 10
#define LDP_MSG_HDR 8

enum {
	M_NOTIF = 0x0001, M_HELLO = 0x0100, M_INIT = 0x0200, M_KEEPALIVE = 0x0201,
	M_ADDR = 0x0300, M_ADDR_WD = 0x0301, M_MAPPING = 0x0400, M_REQUEST = 0x0401,
	M_WITHDRAW = 0x0402, M_RELEASE = 0x0403, M_ABORT = 0x0404,
};

static const struct tok msg_names[] = {
	{ M_NOTIF, "Notification" }, { M_HELLO, "Hello" }, { M_INIT, "Initialization" },
	{ M_KEEPALIVE, "Keepalive" }, { M_ADDR, "Address" }, { M_ADDR_WD, "Address Withdraw" },
	{ M_MAPPING, "Label Mapping" }, { M_REQUEST, "Label Request" },
	{ M_WITHDRAW, "Label Withdraw" }, { M_RELEASE, "Label Release" },
	{ M_ABORT, "Label Abort Request" }, { 0, NULL }
};

enum {
	T_FEC = 0x0100, T_ADDR_LIST = 0x0101, T_HOP_COUNT = 0x0103, T_PATH_VEC = 0x0104,
	T_LABEL = 0x0200, T_ATM_LABEL = 0x0201, T_FR_LABEL = 0x0202, T_STATUS = 0x0300,
	T_EXT_STATUS = 0x0301, T_RET_PDU = 0x0302, T_RET_MSG = 0x0303, T_HELLO = 0x0400,
	T_IPV4_TADDR = 0x0401, T_CONF_SEQ = 0x0402, T_IPV6_TADDR = 0x0403, T_SESSION = 0x0500,
	T_ATM_SESSION = 0x0501, T_FR_SESSION = 0x0502, T_FT_SESSION = 0x0503,
	T_REQ_MSG_ID = 0x0600, T_MTU = 0x0601,
};

static const struct tok tlv_names[] = {
	{ T_FEC, "FEC" }, { T_ADDR_LIST, "Address List" }, { T_HOP_COUNT, "Hop Count" },
	{ T_PATH_VEC, "Path Vector" }, { T_LABEL, "Generic Label" }, { T_ATM_LABEL, "ATM Label" },
	{ T_FR_LABEL, "Frame-Relay Label" }, { T_STATUS, "Status" },
	{ T_EXT_STATUS, "Extended Status" }, { T_RET_PDU, "Returned PDU" },
	{ T_RET_MSG, "Returned Message" }, { T_HELLO, "Common Hello Parameters" },
	{ T_IPV4_TADDR, "IPv4 Transport Address" },
	{ T_CONF_SEQ, "Configuration Sequence Number" },
	{ T_IPV6_TADDR, "IPv6 Transport Address" }, { T_SESSION, "Common Session Parameters" },
	{ T_ATM_SESSION, "ATM Session Parameters" },
	{ T_FR_SESSION, "Frame-Relay Session Parameters" },
	{ T_FT_SESSION, "Fault-Tolerant Session Parameters" },
	{ T_REQ_MSG_ID, "Label Request Message ID" }, { T_MTU, "MTU" }, { 0, NULL }
};

static const struct tok fec_names[] = {
	{ 0x01, "Wildcard" }, { 0x02, "Prefix" }, { 0x03, "Host address" }, { 0x80, "Martini VC" },
	{ 0, NULL }
};

static const struct tok ifparm_names[] = {
	{ 0x01, "MTU" }, { 0x03, "Description" }, { 0x0c, "VCCV" }, { 0, NULL }
};

static const struct tok vccv_cc[] = {
	{ 0x01, "PWE3 control word" }, { 0x02, "MPLS Router Alert Label" },
	{ 0x04, "MPLS inner label TTL = 1" }, { 0, NULL }
};

static const struct tok vccv_cv[] = {
	{ 0x01, "ICMP Ping" }, { 0x02, "LSP Ping" }, { 0x04, "BFD" }, { 0, NULL }
};

/* A prefix FEC element's address family and prefix, tl bytes at p. */
static void ldp_fec_prefix(struct nd *nd, const uint8_t *p, unsigned tl)
{
	char buf[BGP_NLRI_BUF];
	unsigned af = g2(nd, p), bits;
	int r;

	if (af != 1 && af != 2) {
		P(": Address family %u prefix", af);
		return;
	}
	bits = af == 1 ? 32 : 128;
	r = bgp_prefix(nd, p + 2, tl - 2, buf, bits);
	if (r == -2)	/* tcpdump takes a prefix past the TLV for a truncation */
		nd_trunc_jmp(nd);
	else if (r == -1)
		P(": IPv%c prefix (invalid length)", af == 1 ? '4' : '6');
	else
		P(": IPv%c prefix %s", af == 1 ? '4' : '6', buf);
}

/* The interface parameters of a Martini VC FEC, n bytes at p. */
static void ldp_vc_params(struct nd *nd, const uint8_t *p, unsigned n)
{
	unsigned type, len, i;

	while (n > 2) {
		type = g1(nd, p);
		len = g1(nd, p + 1);
		if (len < 2 || n < len)
			break;
		P("\n\t\tInterface Parameter: %s (0x%02x), len %u", tok_or(ifparm_names, type, "Unknown"),
		  type, len);
		switch (type) {
		case 0x01:
			P(": %u", g2(nd, p + 2));
			break;
		case 0x03:
			P(": ");
			for (i = 2; i < len; i++)
				char_print(nd, g1(nd, p + i));
			break;
		case 0x0c:
			P("\n\t\t  Control Channels (0x%02x) = [", g1(nd, p + 2));
			bits_print(nd, vccv_cc, "none", p[2], ", ");
			P("]\n\t\t  CV Types (0x%02x) = [", g1(nd, p + 3));
			bits_print(nd, vccv_cv, "none", p[3], ", ");
			P("]");
			break;
		default:
			unknown_data_print(nd, p + 2, "\n\t\t  ", (int)len - 2);
			break;
		}
		n -= len;
		p += len;
	}
}

/* A TLV value shorter than its type needs. */
static void ldp_short(struct nd *nd, unsigned tl, unsigned need)
{
	P(" [tlv length %u < %u] (invalid)", tl, need);
}

/* The value of a FEC TLV, tl bytes at p. */
static void ldp_fec(struct nd *nd, const uint8_t *p, unsigned tl)
{
	unsigned type = g1(nd, p), vclen;

	P("\n\t      %s FEC (0x%02x)", tok_or(fec_names, type, "Unknown"), type);
	p++;
	tl--;
	if (type == 0x02) {
		if (tl < 2)
			ldp_short(nd, tl, 2);
		else
			ldp_fec_prefix(nd, p, tl);
		return;
	}
	if (type != 0x80)
		return;
	if (tl < 7) {
		ldp_short(nd, tl, 7);
		return;
	}
	vclen = g1(nd, p + 2);
	if (vclen == 0) {
		P(": %s, %scontrol word, group-ID %u, VC-info-length: %u",
		  tok_or(mpls_pw_types, g2(nd, p) & 0x7fff, "Unknown"), g2(nd, p) & 0x8000 ? "" : "no ",
		  g4(nd, p + 3), vclen);
		return;
	}
	if (tl < 11) {
		ldp_short(nd, tl, 11);
		return;
	}
	P(": %s, %scontrol word, group-ID %u, VC-ID %u, VC-info-length: %u",
	  tok_or(mpls_pw_types, g2(nd, p) & 0x7fff, "Unknown"), g2(nd, p) & 0x8000 ? "" : "no ",
	  g4(nd, p + 3), g4(nd, p + 7), vclen);
	if (vclen < 4) {
		P(" (invalid, < 4");
		return;
	}
	vclen -= 4;
	tl -= 11;
	if (tl < vclen)
		ldp_short(nd, tl, vclen);
	else
		ldp_vc_params(nd, p + 11, vclen);
}

/* One TLV of a message with room bytes left: its length with the
 * header, 0 to stop. */
static unsigned ldp_tlv(struct nd *nd, const uint8_t *p, unsigned room)
{
	static const struct { uint16_t type, need; } min_len[] = {
		{ T_HELLO, 4 }, { T_IPV4_TADDR, 4 }, { T_IPV6_TADDR, 16 }, { T_CONF_SEQ, 4 },
		{ T_ADDR_LIST, 2 }, { T_SESSION, 8 }, { T_FEC, 1 }, { T_LABEL, 4 }, { T_STATUS, 8 },
		{ T_FT_SESSION, 12 }, { T_MTU, 2 },
	};
	unsigned type, len, tl, f, af, i;
	uint32_t v;
	char b[46];

	gcheck(nd, p, 4);
	len = g2(nd, p + 2);
	if (len + 4u > room) {
		P("\n\t\t TLV contents go past end of message");
		return 0;
	}
	tl = len;
	type = g2(nd, p) & 0x3fff;
	P("\n\t    %s TLV (0x%04x), length: %u, Flags: [%s and %s forward if unknown]",
	  tok_or(tlv_names, type, "Unknown"), type, len,
	  p[0] & 0x80 ? "continue processing" : "ignore", p[0] & 0x40 ? "do" : "don't");
	p += 4;
	for (i = 0; i < sizeof(min_len) / sizeof(min_len[0]); i++) {
		if (min_len[i].type == type && tl < min_len[i].need) {
			ldp_short(nd, tl, min_len[i].need);
			return len + 4u;
		}
	}
	switch (type) {
	case T_HELLO:
		P("\n\t      Hold Time: %us, Flags: [%s Hello%s]", g2(nd, p),
		  g2(nd, p + 2) & 0x8000 ? "Targeted" : "Link",
		  g2(nd, p + 2) & 0x4000 ? ", Request for targeted Hellos" : "");
		break;
	case T_IPV4_TADDR:
		P("\n\t      IPv4 Transport Address: %s", ip4_str(nd, p, b));
		break;
	case T_IPV6_TADDR:
		P("\n\t      IPv6 Transport Address: %s", ip6_str(nd, p, b));
		break;
	case T_CONF_SEQ:
		P("\n\t      Sequence Number: %u", g4(nd, p));
		break;
	case T_ADDR_LIST:
		af = g2(nd, p);
		p += 2;
		tl -= 2;
		P("\n\t      Address Family: %s, addresses", tok2str(af_names, "Unknown (%u)", af, b, sizeof(b)));
		for (; af == 1 && tl >= 4; tl -= 4, p += 4)
			P(" %s", ip4_str(nd, p, b));
		for (; af == 2 && tl >= 16; tl -= 16, p += 16)
			P(" %s", ip6_str(nd, p, b));
		break;
	case T_SESSION:
		P("\n\t      Version: %u, Keepalive: %us, Flags: [Downstream %s, Loop Detection %s]",
		  g2(nd, p), g2(nd, p + 2), g2(nd, p + 6) & 0x8000 ? "On Demand" : "Unsolicited",
		  g2(nd, p + 6) & 0x4000 ? "Enabled" : "Disabled");
		break;
	case T_FEC:
		ldp_fec(nd, p, tl);
		break;
	case T_LABEL:
		P("\n\t      Label: %u", g4(nd, p) & 0xfffff);
		break;
	case T_STATUS:
		v = g4(nd, p);
		P("\n\t      Status: 0x%02x, Flags: [%s and %s forward]", v & 0x3fffffff,
		  v & 0x80000000 ? "Fatal error" : "Advisory Notification",
		  v & 0x40000000 ? "do" : "don't");
		if ((v = g4(nd, p + 4)) != 0)
			P(", causing Message ID: 0x%08x", v);
		break;
	case T_FT_SESSION:
		f = g2(nd, p);
		P("\n\t      Flags: [%sReconnect, %sSave State, %sAll-Label Protection, %s Checkpoint, "
		  "%sRe-Learn State]",
		  f & 0x8000 ? "" : "No ", f & 0x8 ? "" : "Don't ", f & 0x4 ? "" : "No ",
		  f & 0x2 ? "Sequence Numbered Label" : "All Labels", f & 0x1 ? "" : "Don't ");
		if ((v = g4(nd, p + 4)) != 0)
			P(", Reconnect Timeout: %ums", v);
		if ((v = g4(nd, p + 8)) != 0)
			P(", Recovery Time: %ums", v);
		break;
	case T_MTU:
		P("\n\t      MTU: %u", g2(nd, p));
		break;
	default:
		if (nd->o->vflag <= 1)
			unknown_data_print(nd, p, "\n\t      ", (int)tl);
		break;
	}
	return len + 4u;
}

/* One PDU: its length with the version and length fields, 0 to stop. */
static unsigned ldp_pdu(struct nd *nd, const uint8_t *p)
{
	const char *nl = nd->o->vflag ? "\n\t" : "";
	uint16_t plen, tlen, mlen, mtype;
	unsigned mtl, n;
	const uint8_t *m;
	char b[16];

	gcheck(nd, p, LDP_HDR);
	if (g2(nd, p) != 1) {
		P("%sLDP version %u packet not supported", nl, g2(nd, p));
		return 0;
	}
	plen = g2(nd, p + 2);
	if (plen < LDP_HDR - 4) {
		P("%sLDP, pdu-length: %u (too short, < %u)", nl, plen, LDP_HDR - 4);
		return 0;
	}
	P("%sLDP, Label-Space-ID: %s:%u, pdu-length: %u", nl, ip4_str(nd, p + 4, b), g2(nd, p + 8),
	  plen);
	if (!nd->o->vflag)
		return 0;
	m = p + LDP_HDR;
	tlen = (uint16_t)(plen - (LDP_HDR - 4));
	while (tlen > 0) {
		gcheck(nd, m, LDP_MSG_HDR);
		mlen = g2(nd, m + 2);
		mtype = g2(nd, m) & 0x7fff;
		if (mlen < LDP_MSG_HDR - 4) {
			P("\n\t  %s Message (0x%04x), length: %u (too short, < %u)",
			  tok_or(msg_names, mtype, "Unknown"), mtype, mlen, LDP_MSG_HDR - 4);
			return 0;
		}
		P("\n\t  %s Message (0x%04x), length: %u, Message ID: 0x%08x, Flags: [%s if unknown]",
		  tok_or(msg_names, mtype, "Unknown"), mtype, mlen, g4(nd, m + 4),
		  m[0] & 0x80 ? "continue processing" : "ignore");
		mtl = mlen - (LDP_MSG_HDR - 4u);
		gcheck(nd, m, mlen);
		switch (mtype) {
		case M_NOTIF: case M_HELLO: case M_INIT: case M_KEEPALIVE: case M_ADDR:
		case M_MAPPING: case M_ADDR_WD: case M_WITHDRAW: {
			const uint8_t *t = m + LDP_MSG_HDR;

			while (mtl >= 4 && (n = ldp_tlv(nd, t, mtl)) != 0) {
				mtl -= n;
				t += n;
			}
			break;
		}
		default:
			if (nd->o->vflag <= 1)
				unknown_data_print(nd, m + LDP_MSG_HDR, "\n\t  ", (int)mtl);
			break;
		}
		if (nd->o->vflag > 1)
			unknown_data_print(nd, m + LDP_MSG_HDR, "\n\t  ", mlen);
		m += mlen + 4;
		tlen = (uint16_t)(tlen - (mlen + 4));
	}
	return plen + 4u;
}

void ldp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned n;

	nd->proto = "ldp";
	while (len > LDP_HDR + LDP_MSG_HDR) {
		n = ldp_pdu(nd, p);
		if (n == 0)
			return;
		if (len < n) {
			P(" [remaining length %u < %u] (invalid)", len, n);
			break;
		}
		len -= n;
		p += n;
	}
}
