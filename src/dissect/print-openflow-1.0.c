/* OpenFlow 1.0 message bodies (printed with -v), as tcpdump 4.99.3 does. */
#include <inttypes.h>
#include <stdio.h>

#include "openflow-int.h"


static const struct tok ofppc_bm[] = {
	{ 1U << 0, "PORT_DOWN" }, { 1U << 1, "NO_STP" }, { 1U << 2, "NO_RECV" },
	{ 1U << 3, "NO_RECV_STP" }, { 1U << 4, "NO_FLOOD" }, { 1U << 5, "NO_FWD" },
	{ 1U << 6, "NO_PACKET_IN" }, { 0, NULL }
};
#define OFPPC_U (~0x7fU)

static const struct tok ofpps_stp[] = {
	{ 0U << 8, "STP_LISTEN" }, { 1U << 8, "STP_LEARN" },
	{ 2U << 8, "STP_FORWARD" }, { 3U << 8, "STP_BLOCK" }, { 0, NULL }
};
#define OFPPS_U (~(1U | 3U << 8))

#define OFPP_CONTROLLER 0xfffdU
static const struct tok ofpp_str[] = {
	{ 0xff00, "MAX" }, { 0xfff8, "IN_PORT" }, { 0xfff9, "TABLE" },
	{ 0xfffa, "NORMAL" }, { 0xfffb, "FLOOD" }, { 0xfffc, "ALL" },
	{ 0xfffd, "CONTROLLER" }, { 0xfffe, "LOCAL" }, { 0xffff, "NONE" },
	{ 0, NULL }
};

static const struct tok ofppf_bm[] = {
	{ 1U << 0, "10MB_HD" }, { 1U << 1, "10MB_FD" }, { 1U << 2, "100MB_HD" },
	{ 1U << 3, "100MB_FD" }, { 1U << 4, "1GB_HD" }, { 1U << 5, "1GB_FD" },
	{ 1U << 6, "10GB_FD" }, { 1U << 7, "COPPER" }, { 1U << 8, "FIBER" },
	{ 1U << 9, "AUTONEG" }, { 1U << 10, "PAUSE" }, { 1U << 11, "PAUSE_ASYM" },
	{ 0, NULL }
};
#define OFPPF_U (~0xfffU)

static const struct tok ofpqt_str[] = {
	{ 0, "NONE" }, { 1, "MIN_RATE" }, { 0, NULL }
};

/* Match wildcards */
#define FW_IN_PORT  (1U << 0)
#define FW_DL_VLAN  (1U << 1)
#define FW_DL_SRC   (1U << 2)
#define FW_DL_DST   (1U << 3)
#define FW_DL_TYPE  (1U << 4)
#define FW_NW_PROTO (1U << 5)
#define FW_TP_SRC   (1U << 6)
#define FW_TP_DST   (1U << 7)
#define FW_VLAN_PCP (1U << 20)
#define FW_NW_TOS   (1U << 21)
static const struct tok ofpfw_bm[] = {
	{ FW_IN_PORT, "IN_PORT" }, { FW_DL_VLAN, "DL_VLAN" }, { FW_DL_SRC, "DL_SRC" },
	{ FW_DL_DST, "DL_DST" }, { FW_DL_TYPE, "DL_TYPE" }, { FW_NW_PROTO, "NW_PROTO" },
	{ FW_TP_SRC, "TP_SRC" }, { FW_TP_DST, "TP_DST" }, { FW_VLAN_PCP, "DL_VLAN_PCP" },
	{ FW_NW_TOS, "NW_TOS" }, { 0, NULL }
};
#define OFPFW_U (~((1U << 22) - 1))

static const struct tok ofpat_str[] = {
	{ 0, "OUTPUT" }, { 1, "SET_VLAN_VID" }, { 2, "SET_VLAN_PCP" },
	{ 3, "STRIP_VLAN" }, { 4, "SET_DL_SRC" }, { 5, "SET_DL_DST" },
	{ 6, "SET_NW_SRC" }, { 7, "SET_NW_DST" }, { 8, "SET_NW_TOS" },
	{ 9, "SET_TP_SRC" }, { 10, "SET_TP_DST" }, { 11, "ENQUEUE" },
	{ 0xffff, "VENDOR" }, { 0, NULL }
};
static const struct tok ofpat_bm[] = {
	{ 1U << 0, "OUTPUT" }, { 1U << 1, "SET_VLAN_VID" }, { 1U << 2, "SET_VLAN_PCP" },
	{ 1U << 3, "STRIP_VLAN" }, { 1U << 4, "SET_DL_SRC" }, { 1U << 5, "SET_DL_DST" },
	{ 1U << 6, "SET_NW_SRC" }, { 1U << 7, "SET_NW_DST" }, { 1U << 8, "SET_NW_TOS" },
	{ 1U << 9, "SET_TP_SRC" }, { 1U << 10, "SET_TP_DST" }, { 1U << 11, "ENQUEUE" },
	{ 0, NULL }
};
#define OFPAT_U (~0xfffU)

static const struct tok ofp_capabilities_bm[] = {
	{ 1U << 0, "FLOW_STATS" }, { 1U << 1, "TABLE_STATS" }, { 1U << 2, "PORT_STATS" },
	{ 1U << 3, "STP" }, { 1U << 4, "RESERVED" }, { 1U << 5, "IP_REASM" },
	{ 1U << 6, "QUEUE_STATS" }, { 1U << 7, "ARP_MATCH_IP" }, { 0, NULL }
};
#define OFPCAP_U (~0xefU)


#define FC_ADD 0
#define FC_MODIFY 1
#define FC_MODIFY_STRICT 2
#define FC_DELETE 3
#define FC_DELETE_STRICT 4
static const struct tok ofpfc_str[] = {
	{ 0, "ADD" }, { 1, "MODIFY" }, { 2, "MODIFY_STRICT" }, { 3, "DELETE" },
	{ 4, "DELETE_STRICT" }, { 0, NULL }
};
static const struct tok bufferid_str[] = { { 0xffffffff, "NONE" }, { 0, NULL } };
static const struct tok ofpff_bm[] = {
	{ 1U << 0, "SEND_FLOW_REM" }, { 1U << 1, "CHECK_OVERLAP" }, { 1U << 2, "EMERG" },
	{ 0, NULL }
};
#define OFPFF_U (~7U)

#define ST_DESC 0
#define ST_FLOW 1
#define ST_AGGREGATE 2
#define ST_TABLE 3
#define ST_PORT 4
#define ST_QUEUE 5
#define ST_VENDOR 0xffff
static const struct tok ofpst_str[] = {
	{ 0, "DESC" }, { 1, "FLOW" }, { 2, "AGGREGATE" }, { 3, "TABLE" },
	{ 4, "PORT" }, { 5, "QUEUE" }, { 0xffff, "VENDOR" }, { 0, NULL }
};
static const struct tok tableid_str[] = { { 0xfe, "EMERG" }, { 0xff, "ALL" }, { 0, NULL } };
static const struct tok ofpq_str[] = { { 0xffffffff, "ALL" }, { 0, NULL } };
static const struct tok ofpsf_reply_bm[] = { { 1, "MORE" }, { 0, NULL } };
static const struct tok ofpr_str[] = { { 0, "NO_MATCH" }, { 1, "ACTION" }, { 0, NULL } };
static const struct tok ofprr_str[] = {
	{ 0, "IDLE_TIMEOUT" }, { 1, "HARD_TIMEOUT" }, { 2, "DELETE" }, { 0, NULL }
};

static const struct tok ofpet_str[] = {
	{ 0, "HELLO_FAILED" }, { 1, "BAD_REQUEST" }, { 2, "BAD_ACTION" },
	{ 3, "FLOW_MOD_FAILED" }, { 4, "PORT_MOD_FAILED" }, { 5, "QUEUE_OP_FAILED" },
	{ 0, NULL }
};
static const struct tok ofpbrc_str[] = {
	{ 0, "BAD_VERSION" }, { 1, "BAD_TYPE" }, { 2, "BAD_STAT" }, { 3, "BAD_VENDOR" },
	{ 4, "BAD_SUBTYPE" }, { 5, "EPERM" }, { 6, "BAD_LEN" }, { 7, "BUFFER_EMPTY" },
	{ 8, "BUFFER_UNKNOWN" }, { 0, NULL }
};
static const struct tok ofpbac_str[] = {
	{ 0, "BAD_TYPE" }, { 1, "BAD_LEN" }, { 2, "BAD_VENDOR" }, { 3, "BAD_VENDOR_TYPE" },
	{ 4, "BAD_OUT_PORT" }, { 5, "BAD_ARGUMENT" }, { 6, "EPERM" }, { 7, "TOO_MANY" },
	{ 8, "BAD_QUEUE" }, { 0, NULL }
};
static const struct tok ofpfmfc_str[] = {
	{ 0, "ALL_TABLES_FULL" }, { 1, "OVERLAP" }, { 2, "EPERM" },
	{ 3, "BAD_EMERG_TIMEOUT" }, { 4, "BAD_COMMAND" }, { 5, "UNSUPPORTED" },
	{ 0, NULL }
};
static const struct tok ofppmfc_str[] = { { 0, "BAD_PORT" }, { 1, "BAD_HW_ADDR" }, { 0, NULL } };
static const struct tok *const error_codes[] = {
	ofphfc_str, ofpbrc_str, ofpbac_str, ofpfmfc_str, ofppmfc_str, ofpqofc_str
};

static const char *vlan_str(uint16_t vid, char *buf)
{
	if (vid == 0xffff)
		return "NONE";
	snprintf(buf, FMTBUF, "%u%s", vid, (vid > 0 && vid < 0x0fff) ? "" : " (bogus)");
	return buf;
}

static const char *pcp_str(uint8_t pcp, char *buf)
{
	snprintf(buf, FMTBUF, "%u%s", pcp, pcp <= 7 ? "" : " (bogus)");
	return buf;
}

static void quoted(struct nd *nd, const char *label, const uint8_t *p, uint32_t n)
{
	P("%s'", label);
	chars_print_z(nd, p, n);
	P("'");
}

/* An Ethernet frame in PACKET_IN/PACKET_OUT: decoded with -vvv, with
 * three -v less.  As in tcpdump, a truncated frame ends the packet before
 * the -v count is given back, so later packets print with the lower count. */
static void packet_data_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	const uint8_t *saved_end;

	if (len == 0)
		return;
	P("\n\t data (%u octets)", len);
	if (nd->o->vflag < 3) {
		gcheck(nd, p, len);
		return;
	}
	P(", frame decoding below\n");
	nd->ctx->o.vflag -= 3;
	saved_end = nd_push(nd, p, len);
	ether_print(nd, p, len, (uint32_t)nd_avail(nd, p));
	nd->snapend = saved_end;
	nd->ctx->o.vflag += 3;
}

static void phy_port_print(struct nd *nd, const uint8_t *p)
{
	char buf[FMTBUF], mac[18];
	uint32_t state;

	P("\n\t  port_no %s", TOK(ofpp_str, "%u", g2(nd, p)));
	P(", hw_addr %s", mac_str(nd, p + 2, mac));
	quoted(nd, ", name ", p + 8, 16);
	p += 24;
	if (nd->o->vflag < 2) {
		gcheck(nd, p, 24);
		return;
	}
	P("\n\t   config 0x%08x", g4(nd, p));
	of_bitmap_print(nd, ofppc_bm, g4(nd, p), OFPPC_U);
	state = g4(nd, p + 4);
	P("\n\t   state 0x%08x (%s%s)%s", state, tok_or(ofpps_stp, state & (3U << 8), ""),
	  state & 1 ? ", LINK_DOWN" : "", state & OFPPS_U ? " (bogus)" : "");
	P("\n\t   curr 0x%08x", g4(nd, p + 8));
	of_bitmap_print(nd, ofppf_bm, g4(nd, p + 8), OFPPF_U);
	P("\n\t   advertised 0x%08x", g4(nd, p + 12));
	of_bitmap_print(nd, ofppf_bm, g4(nd, p + 12), OFPPF_U);
	P("\n\t   supported 0x%08x", g4(nd, p + 16));
	of_bitmap_print(nd, ofppf_bm, g4(nd, p + 16), OFPPF_U);
	P("\n\t   peer 0x%08x", g4(nd, p + 20));
	of_bitmap_print(nd, ofppf_bm, g4(nd, p + 20), OFPPF_U);
}

static void queue_props_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	while (len) {
		uint16_t prop, plen, rate;
		int skip = 0;

		if (len < 8)
			goto invalid;
		prop = g2(nd, p);
		P("\n\t   property %s", TOK(ofpqt_str, "invalid (0x%04x)", prop));
		plen = g2(nd, p + 2);
		P(", len %u", plen);
		p += 4, len -= 4;
		if (plen < 8 || plen > len + 4)
			goto invalid;
		gcheck(nd, p, 4);
		p += 4, len -= 4;
		if (prop == 0) {
			if (plen != 8) {
				P(" (bogus)");
				skip = 1;
			}
		} else if (prop == 1) {
			if (plen != 16) {
				P(" (bogus)");
				skip = 1;
			}
		} else
			skip = 1;
		if (skip) {
			gcheck(nd, p, plen - 8U);
			p += plen - 8U, len -= plen - 8U;
			continue;
		}
		if (prop == 1) {
			rate = g2(nd, p);
			if (rate > 1000)
				P(", rate disabled");
			else
				P(", rate %u.%u%%", rate / 10, rate % 10);
			gcheck(nd, p + 2, 6);
			p += 8, len -= 8;
		}
	}
	return;
invalid:
	of_invalid(nd);
	gcheck(nd, p, len);
}

static void queues_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	while (len) {
		uint16_t dlen;

		if (len < 8)
			goto invalid;
		P("\n\t  queue_id %u", g4(nd, p));
		dlen = g2(nd, p + 4);
		P(", len %u", dlen);
		p += 6, len -= 6;
		if (dlen < 8 || dlen > len + 6)
			goto invalid;
		gcheck(nd, p, 2);
		p += 2, len -= 2;
		if (nd->o->vflag >= 2)
			queue_props_print(nd, p, dlen - 8U);
		else
			gcheck(nd, p, dlen - 8U);
		p += dlen - 8U, len -= dlen - 8U;
	}
	return;
invalid:
	of_invalid(nd);
	gcheck(nd, p, len);
}

static void match_print(struct nd *nd, const char *pfx, const uint8_t *p)
{
	char buf[FMTBUF], a[46];
	uint32_t wc = g4(nd, p), bits;
	uint16_t dl_type;
	uint8_t proto;
	int icmp;

	if (wc & OFPFW_U)
		P("%swildcards 0x%08x (bogus)", pfx, wc);
	if (!(wc & FW_IN_PORT))
		P("%smatch in_port %s", pfx, TOK(ofpp_str, "%u", g2(nd, p + 4)));
	if (!(wc & FW_DL_SRC))
		P("%smatch dl_src %s", pfx, mac_str(nd, p + 6, a));
	if (!(wc & FW_DL_DST))
		P("%smatch dl_dst %s", pfx, mac_str(nd, p + 12, a));
	if (!(wc & FW_DL_VLAN))
		P("%smatch dl_vlan %s", pfx, vlan_str(g2(nd, p + 18), buf));
	if (!(wc & FW_VLAN_PCP))
		P("%smatch dl_vlan_pcp %s", pfx, pcp_str(g1(nd, p + 20), buf));
	dl_type = g2(nd, p + 22);
	if (!(wc & FW_DL_TYPE))
		P("%smatch dl_type 0x%04x", pfx, dl_type);
	if (!(wc & FW_NW_TOS))
		P("%smatch nw_tos 0x%02x", pfx, g1(nd, p + 24));
	proto = g1(nd, p + 25);
	if (!(wc & FW_NW_PROTO))
		P("%smatch %s %u", pfx,
		  !(wc & FW_DL_TYPE) && dl_type == 0x0806 ? "arp_opcode" : "nw_proto", proto);
	bits = (wc >> 8) & 0x3f;
	if (bits < 32)
		P("%smatch nw_src %s/%u", pfx, ip4_str(nd, p + 28, a), 32 - bits);
	bits = (wc >> 14) & 0x3f;
	if (bits < 32)
		P("%smatch nw_dst %s/%u", pfx, ip4_str(nd, p + 32, a), 32 - bits);
	icmp = !(wc & FW_DL_TYPE) && dl_type == 0x0800 && !(wc & FW_NW_PROTO) && proto == 1;
	if (!(wc & FW_TP_SRC))
		P("%smatch %s %u", pfx, icmp ? "icmp_type" : "tp_src", g2(nd, p + 36));
	if (!(wc & FW_TP_DST))
		P("%smatch %s %u", pfx, icmp ? "icmp_code" : "tp_dst", g2(nd, p + 38));
	else
		gcheck(nd, p + 38, 2);
}

static void actions_print(struct nd *nd, const char *pfx, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF], a[46];

	while (len) {
		uint16_t type, alen, port;
		int bogus = 0;

		if (len < 8)
			goto invalid;
		type = g2(nd, p);
		P("%saction type %s", pfx, TOK(ofpat_str, "invalid (0x%04x)", type));
		alen = g2(nd, p + 2);
		P(", len %u", alen);
		p += 4, len -= 4;
		if (alen < 8 || alen > len + 4)
			goto invalid;
		switch (type) {
		case 0: case 1: case 2: case 3: case 6: case 7: case 8: case 9: case 10:
			bogus = alen != 8;
			break;
		case 4: case 5: case 11:
			bogus = alen != 16;
			break;
		case 0xffff:
			bogus = alen % 8 != 0;
			break;
		default:
			bogus = -1;
		}
		if (bogus > 0)
			P(" (bogus)");
		if (bogus) {
			gcheck(nd, p, alen - 4U);
			p += alen - 4U, len -= alen - 4U;
			continue;
		}
		switch (type) {
		case 0:	/* OUTPUT */
			port = g2(nd, p);
			P(", port %s", TOK(ofpp_str, "%u", port));
			if (port == OFPP_CONTROLLER)
				P(", max_len %u", g2(nd, p + 2));
			else
				gcheck(nd, p + 2, 2);
			break;
		case 1:
			P(", vlan_vid %s", vlan_str(g2(nd, p), buf));
			gcheck(nd, p + 2, 2);
			break;
		case 2:
			P(", vlan_pcp %s", pcp_str(g1(nd, p), buf));
			gcheck(nd, p + 1, 3);
			break;
		case 4: case 5:
			P(", dl_addr %s", mac_str(nd, p, a));
			gcheck(nd, p + 6, 6);
			break;
		case 6: case 7:
			P(", nw_addr %s", ip4_str(nd, p, a));
			break;
		case 8:
			P(", nw_tos 0x%02x", g1(nd, p));
			gcheck(nd, p + 1, 3);
			break;
		case 9: case 10:
			P(", tp_port %u", g2(nd, p));
			gcheck(nd, p + 2, 2);
			break;
		case 11:
			P(", port %s", TOK(ofpp_str, "%u", g2(nd, p)));
			P(", queue_id %s", TOK(ofpq_str, "%u", g4(nd, p + 8)));
			break;
		case 0xffff:
			of10_vendor_action_print(nd, p, alen - 4U);
			break;
		case 3:
			gcheck(nd, p, 4);
			break;
		}
		p += alen - 4U, len -= alen - 4U;
	}
	return;
invalid:
	of_invalid(nd);
	gcheck(nd, p, len);
}

static void features_reply_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	P("\n\t dpid 0x%016" PRIx64, g8(nd, p));
	P(", n_buffers %u", g4(nd, p + 8));
	P(", n_tables %u", g1(nd, p + 12));
	P("\n\t capabilities 0x%08x", g4(nd, p + 16));
	of_bitmap_print(nd, ofp_capabilities_bm, g4(nd, p + 16), OFPCAP_U);
	P("\n\t actions 0x%08x", g4(nd, p + 20));
	of_bitmap_print(nd, ofpat_bm, g4(nd, p + 20), OFPAT_U);
	p += 24, len -= 24;
	while (len) {
		if (len < 48) {
			of_invalid(nd);
			gcheck(nd, p, len);
			return;
		}
		phy_port_print(nd, p);
		p += 48, len -= 48;
	}
}

static void switch_config_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	(void)len;
	P("\n\t flags %s", TOK(ofp_config_str, "invalid (0x%04x)", g2(nd, p)));
	P(", miss_send_len %u", g2(nd, p + 2));
}

static void flow_mod_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];
	uint16_t cmd;

	match_print(nd, "\n\t ", p);
	p += 40, len -= 40;
	P("\n\t cookie 0x%016" PRIx64, g8(nd, p));
	cmd = g2(nd, p + 8);
	P(", command %s", TOK(ofpfc_str, "invalid (0x%04x)", cmd));
	if (g2(nd, p + 10))
		P(", idle_timeout %u", g2(nd, p + 10));
	if (g2(nd, p + 12))
		P(", hard_timeout %u", g2(nd, p + 12));
	if (g2(nd, p + 14))
		P(", priority %u", g2(nd, p + 14));
	if (cmd == FC_ADD || cmd == FC_MODIFY || cmd == FC_MODIFY_STRICT)
		P(", buffer_id %s", TOK(bufferid_str, "0x%08x", g4(nd, p + 16)));
	if (cmd == FC_DELETE || cmd == FC_DELETE_STRICT)
		P(", out_port %s", TOK(ofpp_str, "%u", g2(nd, p + 20)));
	P(", flags 0x%04x", g2(nd, p + 22));
	of_bitmap_print(nd, ofpff_bm, g2(nd, p + 22), OFPFF_U);
	actions_print(nd, "\n\t ", p + 24, len - 24);
}

static void port_mod_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF], mac[18];

	(void)len;
	P("\n\t port_no %s", TOK(ofpp_str, "%u", g2(nd, p)));
	P(", hw_addr %s", mac_str(nd, p + 2, mac));
	P("\n\t config 0x%08x", g4(nd, p + 8));
	of_bitmap_print(nd, ofppc_bm, g4(nd, p + 8), OFPPC_U);
	P("\n\t mask 0x%08x", g4(nd, p + 12));
	of_bitmap_print(nd, ofppc_bm, g4(nd, p + 12), OFPPC_U);
	P("\n\t advertise 0x%08x", g4(nd, p + 16));
	of_bitmap_print(nd, ofppf_bm, g4(nd, p + 16), OFPPF_U);
	gcheck(nd, p + 20, 4);
}

static void queue_get_config_request_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	(void)len;
	P("\n\t port %s", TOK(ofpp_str, "%u", g2(nd, p)));
	gcheck(nd, p + 2, 2);
}

static void queue_get_config_reply_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	P("\n\t port %s", TOK(ofpp_str, "%u", g2(nd, p)));
	gcheck(nd, p + 2, 6);
	queues_print(nd, p + 8, len - 8);
}

static void stats_request_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];
	uint16_t type = g2(nd, p);

	P("\n\t type %s", TOK(ofpst_str, "invalid (0x%04x)", type));
	P(", flags 0x%04x", g2(nd, p + 2));
	if (g2(nd, p + 2))
		P(" (bogus)");
	p += 4, len -= 4;
	switch (type) {
	case ST_DESC: case ST_TABLE:
		if (len)
			goto invalid;
		return;
	case ST_FLOW: case ST_AGGREGATE:
		if (len != 44)
			goto invalid;
		match_print(nd, "\n\t ", p);
		P("\n\t table_id %s", TOK(tableid_str, "%u", g1(nd, p + 40)));
		P(", out_port %s", TOK(ofpp_str, "%u", g2(nd, p + 42)));
		return;
	case ST_PORT:
		if (len != 8)
			goto invalid;
		P("\n\t port_no %s", TOK(ofpp_str, "%u", g2(nd, p)));
		gcheck(nd, p + 2, 6);
		return;
	case ST_QUEUE:
		if (len != 8)
			goto invalid;
		P("\n\t port_no %s", TOK(ofpp_str, "%u", g2(nd, p)));
		P(", queue_id %s", TOK(ofpq_str, "%u", g4(nd, p + 4)));
		return;
	case ST_VENDOR:
		of10_vendor_data_print(nd, p, len);
		return;
	}
	return;
invalid:
	of_invalid(nd);
	gcheck(nd, p, len);
}

static void desc_stats_reply_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len != 1056) {
		of_invalid(nd);
		gcheck(nd, p, len);
		return;
	}
	quoted(nd, "\n\t  mfr_desc ", p, 256);
	quoted(nd, "\n\t  hw_desc ", p + 256, 256);
	quoted(nd, "\n\t  sw_desc ", p + 512, 256);
	quoted(nd, "\n\t  serial_num ", p + 768, 32);
	quoted(nd, "\n\t  dp_desc ", p + 800, 256);
}

static void flow_stats_reply_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	while (len) {
		uint16_t elen;

		if (len < 88)
			goto invalid;
		elen = g2(nd, p);
		P("\n\t length %u", elen);
		if (elen < 88 || elen > len)
			goto invalid;
		P(", table_id %s", TOK(tableid_str, "%u", g1(nd, p + 2)));
		match_print(nd, "\n\t  ", p + 4);
		p += 44;
		P("\n\t  duration_sec %u", g4(nd, p));
		P(", duration_nsec %u", g4(nd, p + 4));
		P(", priority %u", g2(nd, p + 8));
		P(", idle_timeout %u", g2(nd, p + 10));
		P(", hard_timeout %u", g2(nd, p + 12));
		P(", cookie 0x%016" PRIx64, g8(nd, p + 20));
		P(", packet_count %" PRIu64, g8(nd, p + 28));
		P(", byte_count %" PRIu64, g8(nd, p + 36));
		p += 44;
		actions_print(nd, "\n\t  ", p, elen - 88U);
		p += elen - 88U;
		len -= elen;
	}
	return;
invalid:
	of_invalid(nd);
	gcheck(nd, p, len);
}

static void aggregate_stats_reply_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len != 24) {
		of_invalid(nd);
		gcheck(nd, p, len);
		return;
	}
	P("\n\t packet_count %" PRIu64, g8(nd, p));
	P(", byte_count %" PRIu64, g8(nd, p + 8));
	P(", flow_count %u", g4(nd, p + 16));
	gcheck(nd, p + 20, 4);
}

static void table_stats_reply_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	for (; len; p += 64, len -= 64) {
		if (len < 64) {
			of_invalid(nd);
			gcheck(nd, p, len);
			return;
		}
		P("\n\t table_id %s", TOK(tableid_str, "%u", g1(nd, p)));
		quoted(nd, ", name ", p + 4, 32);
		P("\n\t  wildcards 0x%08x", g4(nd, p + 36));
		of_bitmap_print(nd, ofpfw_bm, g4(nd, p + 36), OFPFW_U);
		P("\n\t  max_entries %u", g4(nd, p + 40));
		P(", active_count %u", g4(nd, p + 44));
		P(", lookup_count %" PRIu64, g8(nd, p + 48));
		P(", matched_count %" PRIu64, g8(nd, p + 56));
	}
}

static void port_stats_reply_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	static const char *const names[] = {
		"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_dropped",
		"tx_dropped", "rx_errors", "tx_errors", "rx_frame_err", "rx_over_err",
		"rx_crc_err", "collisions"
	};
	char buf[FMTBUF];
	int i;

	for (; len; p += 104, len -= 104) {
		if (len < 104) {
			of_invalid(nd);
			gcheck(nd, p, len);
			return;
		}
		P("\n\t  port_no %s", TOK(ofpp_str, "%u", g2(nd, p)));
		if (nd->o->vflag < 2) {
			gcheck(nd, p + 2, 102);
			continue;
		}
		for (i = 0; i < 12; i++)
			P(", %s %" PRIu64, names[i], g8(nd, p + 8 + 8 * i));
	}
}

static void queue_stats_reply_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	for (; len; p += 32, len -= 32) {
		if (len < 32) {
			of_invalid(nd);
			gcheck(nd, p, len);
			return;
		}
		P("\n\t  port_no %s", TOK(ofpp_str, "%u", g2(nd, p)));
		P(", queue_id %u", g4(nd, p + 4));
		P(", tx_bytes %" PRIu64, g8(nd, p + 8));
		P(", tx_packets %" PRIu64, g8(nd, p + 16));
		P(", tx_errors %" PRIu64, g8(nd, p + 24));
	}
}

static void stats_reply_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];
	uint16_t type = g2(nd, p);
	of_decoder d;

	P("\n\t type %s", TOK(ofpst_str, "invalid (0x%04x)", type));
	P(", flags 0x%04x", g2(nd, p + 2));
	of_bitmap_print(nd, ofpsf_reply_bm, g2(nd, p + 2), ~1U);
	p += 4, len -= 4;
	d = type == ST_DESC ? desc_stats_reply_print :
	    type == ST_FLOW ? flow_stats_reply_print :
	    type == ST_AGGREGATE ? aggregate_stats_reply_print :
	    type == ST_TABLE ? table_stats_reply_print :
	    type == ST_PORT ? port_stats_reply_print :
	    type == ST_QUEUE ? queue_stats_reply_print :
	    type == ST_VENDOR ? of10_vendor_data_print : NULL;
	if (d)
		d(nd, p, len);
	else
		gcheck(nd, p, len);
}

static void packet_out_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];
	uint16_t alen;

	P("\n\t buffer_id 0x%08x", g4(nd, p));
	P(", in_port %s", TOK(ofpp_str, "%u", g2(nd, p + 4)));
	alen = g2(nd, p + 6);
	p += 8, len -= 8;
	if (alen > len) {
		of_invalid(nd);
		gcheck(nd, p, len);
		return;
	}
	actions_print(nd, "\n\t ", p, alen);
	packet_data_print(nd, p + alen, len - alen);
}

static void packet_in_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	P("\n\t buffer_id %s", TOK(bufferid_str, "0x%08x", g4(nd, p)));
	P(", total_len %u", g2(nd, p + 4));
	P(", in_port %s", TOK(ofpp_str, "%u", g2(nd, p + 6)));
	P(", reason %s", TOK(ofpr_str, "invalid (0x%02x)", g1(nd, p + 8)));
	gcheck(nd, p + 9, 1);
	packet_data_print(nd, p + 10, len - 10);
}

static void flow_removed_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	(void)len;
	match_print(nd, "\n\t ", p);
	p += 40;
	P("\n\t cookie 0x%016" PRIx64, g8(nd, p));
	if (g2(nd, p + 8))
		P(", priority %u", g2(nd, p + 8));
	P(", reason %s", TOK(ofprr_str, "unknown (0x%02x)", g1(nd, p + 10)));
	P(", duration_sec %u", g4(nd, p + 12));
	P(", duration_nsec %u", g4(nd, p + 16));
	if (g2(nd, p + 20))
		P(", idle_timeout %u", g2(nd, p + 20));
	P(", packet_count %" PRIu64, g8(nd, p + 24));
	P(", byte_count %" PRIu64, g8(nd, p + 32));
}

static void port_status_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	(void)len;
	P("\n\t reason %s", TOK(ofppr_str, "invalid (0x%02x)", g1(nd, p)));
	phy_port_print(nd, p + 8);
}

static void error_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	of_error_print(nd, p, len, ofpet_str, error_codes,
		       sizeof(error_codes) / sizeof(error_codes[0]));
}

static const struct of_msgtype of10_types[] = {
	{ "HELLO", of_data_print, OF_MINLEN, 0 },
	{ "ERROR", error_print, OF_MINLEN, 4 },
	{ "ECHO_REQUEST", of_data_print, OF_MINLEN, 0 },
	{ "ECHO_REPLY", of_data_print, OF_MINLEN, 0 },
	{ "VENDOR", of10_vendor_message_print, OF_MINLEN, 4 },
	{ "FEATURES_REQUEST", NULL, OF_FIXLEN, 0 },
	{ "FEATURES_REPLY", features_reply_print, OF_MINLEN, 24 },
	{ "GET_CONFIG_REQUEST", NULL, OF_FIXLEN, 0 },
	{ "GET_CONFIG_REPLY", switch_config_print, OF_FIXLEN, 4 },
	{ "SET_CONFIG", switch_config_print, OF_FIXLEN, 4 },
	{ "PACKET_IN", packet_in_print, OF_MINLEN, 10 },
	{ "FLOW_REMOVED", flow_removed_print, OF_FIXLEN, 80 },
	{ "PORT_STATUS", port_status_print, OF_FIXLEN, 56 },
	{ "PACKET_OUT", packet_out_print, OF_MINLEN, 8 },
	{ "FLOW_MOD", flow_mod_print, OF_MINLEN, 64 },
	{ "PORT_MOD", port_mod_print, OF_FIXLEN, 24 },
	{ "STATS_REQUEST", stats_request_print, OF_MINLEN, 4 },
	{ "STATS_REPLY", stats_reply_print, OF_MINLEN, 4 },
	{ "BARRIER_REQUEST", NULL, OF_FIXLEN, 0 },
	{ "BARRIER_REPLY", NULL, OF_FIXLEN, 0 },
	{ "QUEUE_GET_CONFIG_REQUEST", queue_get_config_request_print, OF_FIXLEN, 4 },
	{ "QUEUE_GET_CONFIG_REPLY", queue_get_config_reply_print, OF_MINLEN, 8 },
};

const struct of_msgtype *of10_msgtype(uint8_t type)
{
	return type < sizeof(of10_types) / sizeof(of10_types[0]) ? &of10_types[type] : NULL;
}
