/* OpenFlow 1.3 message bodies (printed with -v), as far as tcpdump 4.99.3
 * decodes them. */
#include <inttypes.h>

#include "openflow-int.h"


static const struct tok ofp_capabilities_bm[] = {
	{ 1U << 0, "FLOW_STATS" }, { 1U << 1, "TABLE_STATS" }, { 1U << 2, "PORT_STATS" },
	{ 1U << 3, "GROUP_STATS" }, { 1U << 5, "IP_REASM" }, { 1U << 6, "QUEUE_STATS" },
	{ 1U << 8, "PORT_BLOCKED" }, { 0, NULL }
};
#define OFPCAP_U (~0x16fU)

static const struct tok ofptt_str[] = { { 0xfe, "MAX" }, { 0xff, "ALL" }, { 0, NULL } };
static const struct tok ofpcml_str[] = { { 0xffe5, "MAX" }, { 0xffff, "NO_BUFFER" }, { 0, NULL } };

static const struct tok ofppc_bm[] = {
	{ 1U << 0, "PORT_DOWN" }, { 1U << 2, "NO_RECV" }, { 1U << 5, "NO_FWD" },
	{ 1U << 6, "NO_PACKET_IN" }, { 0, NULL }
};
#define OFPPC_U (~0x65U)
static const struct tok ofpps_bm[] = {
	{ 1U << 0, "LINK_DOWN" }, { 1U << 1, "BLOCKED" }, { 1U << 2, "LIVE" }, { 0, NULL }
};
#define OFPPS_U (~7U)
static const struct tok ofppf_bm[] = {
	{ 1U << 0, "10MB_HD" }, { 1U << 1, "10MB_FD" }, { 1U << 2, "100MB_HD" },
	{ 1U << 3, "100MB_FD" }, { 1U << 4, "1GB_HD" }, { 1U << 5, "1GB_FD" },
	{ 1U << 6, "10GB_FD" }, { 1U << 7, "40GB_FD" }, { 1U << 8, "100GB_FD" },
	{ 1U << 9, "1TB_FD" }, { 1U << 10, "OTHER" }, { 1U << 11, "COPPER" },
	{ 1U << 12, "FIBER" }, { 1U << 13, "AUTONEG" }, { 1U << 14, "PAUSE" },
	{ 1U << 15, "PAUSE_ASYM" }, { 0, NULL }
};
#define OFPPF_U (~0xffffU)

static const struct tok ofphet_str[] = { { 1, "VERSIONBITMAP" }, { 0, NULL } };
static const struct tok ofpp_str[] = {
	{ 0xffffff00, "MAX" }, { 0xfffffff8, "IN_PORT" }, { 0xfffffff9, "TABLE" },
	{ 0xfffffffa, "NORMAL" }, { 0xfffffffb, "FLOOD" }, { 0xfffffffc, "ALL" },
	{ 0xfffffffd, "CONTROLLER" }, { 0xfffffffe, "LOCAL" }, { 0xffffffff, "ANY" },
	{ 0, NULL }
};
static const struct tok ofpcr_str[] = {
	{ 0, "NOCHANGE" }, { 1, "EQUAL" }, { 2, "MASTER" }, { 3, "SLAVE" }, { 0, NULL }
};
static const struct tok ofverbm_str[] = {
	{ 1U << 0, "1.0" }, { 1U << 1, "1.1" }, { 1U << 2, "1.2" },
	{ 1U << 3, "1.3" }, { 1U << 4, "1.4" }, { 1U << 5, "1.5" }, { 0, NULL }
};
#define OF_BIT_VER_U (~0x3fU)
static const struct tok async_ofpr_bm[] = {
	{ 1U << 0, "NO_MATCH" }, { 1U << 1, "ACTION" }, { 1U << 2, "INVALID_TTL" }, { 0, NULL }
};
static const struct tok async_ofppr_bm[] = {
	{ 1U << 0, "ADD" }, { 1U << 1, "DELETE" }, { 1U << 2, "MODIFY" }, { 0, NULL }
};
#define ASYNC_U (~7U)

static const struct tok ofpet_str[] = {
	{ 0, "HELLO_FAILED" }, { 1, "BAD_REQUEST" }, { 2, "BAD_ACTION" },
	{ 3, "BAD_INSTRUCTION" }, { 4, "BAD_MATCH" }, { 5, "FLOW_MOD_FAILED" },
	{ 6, "GROUP_MOD_FAILED" }, { 7, "PORT_MOD_FAILED" }, { 8, "TABLE_MOD_FAILED" },
	{ 9, "QUEUE_OP_FAILED" }, { 10, "SWITCH_CONFIG_FAILED" },
	{ 11, "ROLE_REQUEST_FAILED" }, { 12, "METER_MOD_FAILED" },
	{ 13, "TABLE_FEATURES_FAILED" }, { 0xffff, "EXPERIMENTER" }, { 0, NULL }
};
static const struct tok ofpbrc_str[] = {
	{ 0, "BAD_VERSION" }, { 1, "BAD_TYPE" }, { 2, "BAD_MULTIPART" },
	{ 3, "BAD_EXPERIMENTER" }, { 4, "BAD_EXP_TYPE" }, { 5, "EPERM" }, { 6, "BAD_LEN" },
	{ 7, "BUFFER_EMPTY" }, { 8, "BUFFER_UNKNOWN" }, { 9, "BAD_TABLE_ID" },
	{ 10, "IS_SLAVE" }, { 11, "BAD_PORT" }, { 12, "BAD_PACKET" },
	{ 13, "MULTIPART_BUFFER_OVERFLOW" }, { 0, NULL }
};
static const struct tok ofpbac_str[] = {
	{ 0, "BAD_TYPE" }, { 1, "BAD_LEN" }, { 2, "BAD_EXPERIMENTER" }, { 3, "BAD_EXP_TYPE" },
	{ 4, "BAD_OUT_PORT" }, { 5, "BAD_ARGUMENT" }, { 6, "EPERM" }, { 7, "TOO_MANY" },
	{ 8, "BAD_QUEUE" }, { 9, "BAD_OUT_GROUP" }, { 10, "MATCH_INCONSISTENT" },
	{ 11, "UNSUPPORTED_ORDER" }, { 12, "BAD_TAG" }, { 13, "BAD_SET_TYPE" },
	{ 14, "BAD_SET_LEN" }, { 15, "BAD_SET_ARGUMENT" }, { 0, NULL }
};
static const struct tok ofpbic_str[] = {
	{ 0, "UNKNOWN_INST" }, { 1, "UNSUP_INST" }, { 2, "BAD_TABLE_ID" },
	{ 3, "UNSUP_METADATA" }, { 4, "UNSUP_METADATA_MASK" }, { 5, "BAD_EXPERIMENTER" },
	{ 6, "BAD_EXP_TYPE" }, { 7, "BAD_LEN" }, { 8, "EPERM" }, { 0, NULL }
};
static const struct tok ofpbmc_str[] = {
	{ 0, "BAD_TYPE" }, { 1, "BAD_LEN" }, { 2, "BAD_TAG" }, { 3, "BAD_DL_ADDR_MASK" },
	{ 4, "BAD_NW_ADDR_MASK" }, { 5, "BAD_WILDCARDS" }, { 6, "BAD_FIELD" },
	{ 7, "BAD_VALUE" }, { 8, "BAD_MASK" }, { 9, "BAD_PREREQ" }, { 10, "DUP_FIELD" },
	{ 11, "EPERM" }, { 0, NULL }
};
static const struct tok ofpfmfc_str[] = {
	{ 0, "UNKNOWN" }, { 1, "TABLE_FULL" }, { 2, "BAD_TABLE_ID" }, { 3, "OVERLAP" },
	{ 4, "EPERM" }, { 5, "BAD_TIMEOUT" }, { 6, "BAD_COMMAND" }, { 7, "BAD_FLAGS" },
	{ 0, NULL }
};
static const struct tok ofpgmfc_str[] = {
	{ 0, "GROUP_EXISTS" }, { 1, "INVALID_GROUP" }, { 2, "WEIGHT_UNSUPPORTED" },
	{ 3, "OUT_OF_GROUPS" }, { 4, "OUT_OF_BUCKETS" }, { 5, "CHAINING_UNSUPPORTED" },
	{ 6, "WATCH_UNSUPPORTED" }, { 7, "LOOP" }, { 8, "UNKNOWN_GROUP" },
	{ 9, "CHAINED_GROUP" }, { 10, "BAD_TYPE" }, { 11, "BAD_COMMAND" },
	{ 12, "BAD_BUCKET" }, { 13, "BAD_MATCH" }, { 14, "EPERM" }, { 0, NULL }
};
static const struct tok ofppmfc_str[] = {
	{ 0, "BAD_PORT" }, { 1, "BAD_HW_ADDR" }, { 2, "BAD_CONFIG" },
	{ 3, "BAD_ADVERTISE" }, { 4, "EPERM" }, { 0, NULL }
};
static const struct tok ofptmfc_str[] = {
	{ 0, "BAD_TABLE" }, { 1, "BAD_CONFIG" }, { 2, "EPERM" }, { 0, NULL }
};
static const struct tok ofpscfc_str[] = {
	{ 0, "BAD_FLAGS" }, { 1, "BAD_LEN" }, { 2, "EPERM" }, { 0, NULL }
};
static const struct tok ofprrfc_str[] = {
	{ 0, "STALE" }, { 1, "UNSUP" }, { 2, "BAD_ROLE" }, { 0, NULL }
};
static const struct tok ofpmmfc_str[] = {
	{ 0, "UNKNOWN" }, { 1, "METER_EXISTS" }, { 2, "INVALID_METER" },
	{ 3, "UNKNOWN_METER" }, { 4, "BAD_COMMAND" }, { 5, "BAD_FLAGS" }, { 6, "BAD_RATE" },
	{ 7, "BAD_BURST" }, { 8, "BAD_BAND" }, { 9, "BAD_BAND_VALUE" },
	{ 10, "OUT_OF_METERS" }, { 11, "OUT_OF_BANDS" }, { 0, NULL }
};
static const struct tok ofptffc_str[] = {
	{ 0, "BAD_TABLE" }, { 1, "BAD_METADATA" }, { 2, "BAD_TYPE" }, { 3, "BAD_LEN" },
	{ 4, "BAD_ARGUMENT" }, { 5, "EPERM" }, { 0, NULL }
};
static const struct tok *const error_codes[] = {
	ofphfc_str, ofpbrc_str, ofpbac_str, ofpbic_str, ofpbmc_str, ofpfmfc_str,
	ofpgmfc_str, ofppmfc_str, ofptmfc_str, ofpqofc_str, ofpscfc_str, ofprrfc_str,
	ofpmmfc_str, ofptffc_str
};

static void port_print(struct nd *nd, const uint8_t *p)
{
	char buf[FMTBUF], mac[18];

	P("\n\t  port_no %s", TOK(ofpp_str, "%u", g4(nd, p)));
	P(", hw_addr %s", mac_str(nd, p + 8, mac));
	P(", name '");
	chars_print_z(nd, p + 16, 16);
	P("'");
	p += 32;
	if (nd->o->vflag < 2) {
		gcheck(nd, p, 32);
		return;
	}
	P("\n\t   config 0x%08x", g4(nd, p));
	of_bitmap_print(nd, ofppc_bm, g4(nd, p), OFPPC_U);
	P("\n\t   state 0x%08x", g4(nd, p + 4));
	of_bitmap_print(nd, ofpps_bm, g4(nd, p + 4), OFPPS_U);
	P("\n\t   curr 0x%08x", g4(nd, p + 8));
	of_bitmap_print(nd, ofppf_bm, g4(nd, p + 8), OFPPF_U);
	P("\n\t   advertised 0x%08x", g4(nd, p + 12));
	of_bitmap_print(nd, ofppf_bm, g4(nd, p + 12), OFPPF_U);
	P("\n\t   supported 0x%08x", g4(nd, p + 16));
	of_bitmap_print(nd, ofppf_bm, g4(nd, p + 16), OFPPF_U);
	P("\n\t   peer 0x%08x", g4(nd, p + 20));
	of_bitmap_print(nd, ofppf_bm, g4(nd, p + 20), OFPPF_U);
	P("\n\t   curr_speed %ukbps", g4(nd, p + 24));
	P("\n\t   max_speed %ukbps", g4(nd, p + 28));
}

static void features_reply_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)len;
	P("\n\t dpid 0x%016" PRIx64, g8(nd, p));
	P(", n_buffers %u", g4(nd, p + 8));
	P(", n_tables %u", g1(nd, p + 12));
	P(", auxiliary_id %u", g1(nd, p + 13));
	P("\n\t capabilities 0x%08x", g4(nd, p + 16));
	of_bitmap_print(nd, ofp_capabilities_bm, g4(nd, p + 16), OFPCAP_U);
	gcheck(nd, p + 20, 4);
}

static void switch_config_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	(void)len;
	P("\n\t flags %s", TOK(ofp_config_str, "invalid (0x%04x)", g2(nd, p)));
	P(", miss_send_len %s", TOK(ofpcml_str, "%u", g2(nd, p + 2)));
}

static void table_mod_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	(void)len;
	P("\n\t table_id %s", TOK(ofptt_str, "%u", g1(nd, p)));
	P(", config 0x%08x", g4(nd, p + 4));
}

static void role_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	(void)len;
	P("\n\t role %s", TOK(ofpcr_str, "invalid (0x%08x)", g4(nd, p)));
	P(", generation_id 0x%016" PRIx64, g8(nd, p + 8));
}

static void async_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	static const char *const names[] = {
		"packet_in_mask[EM]", "packet_in_mask[S]", "port_status_mask[EM]",
		"port_status_mask[S]", "flow_removed_mask[EM]", "flow_removed_mask[S]"
	};
	int i;

	(void)len;
	for (i = 0; i < 6; i++) {
		uint32_t v = g4(nd, p + 4 * i);
		P("\n\t %s 0x%08x", names[i], v);
		of_bitmap_print(nd, i < 2 ? async_ofpr_bm : async_ofppr_bm, v, ASYNC_U);
	}
}

static void port_mod_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF], mac[18];

	(void)len;
	P("\n\t port_no %s", TOK(ofpp_str, "%u", g4(nd, p)));
	P(", hw_addr %s", mac_str(nd, p + 8, mac));
	P("\n\t  config 0x%08x", g4(nd, p + 16));
	of_bitmap_print(nd, ofppc_bm, g4(nd, p + 16), OFPPC_U);
	P("\n\t  mask 0x%08x", g4(nd, p + 20));
	of_bitmap_print(nd, ofppc_bm, g4(nd, p + 20), OFPPC_U);
	P("\n\t  advertise 0x%08x", g4(nd, p + 24));
	of_bitmap_print(nd, ofppf_bm, g4(nd, p + 24), OFPPF_U);
	gcheck(nd, p + 28, 4);
}

static void port_status_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	(void)len;
	/* tcpdump's format for an unknown reason lacks its '%' */
	P("\n\t reason %s", TOK(ofppr_str, "invalid (0x02x)", g1(nd, p)));
	port_print(nd, p + 8);
}

static void hello_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	while (len) {
		uint16_t type, elen;

		if (len < 4)
			goto invalid;
		type = g2(nd, p);
		P("\n\t type %s", TOK(ofphet_str, "unknown (0x%04x)", type));
		elen = g2(nd, p + 2);
		P(", length %u", elen);
		p += 4, len -= 4;
		if (elen < 4 || elen > 4 + len)
			goto invalid;
		if (type == 1 && elen == 8) {
			uint32_t bm = g4(nd, p);
			P(", bitmap 0x%08x", bm);
			of_bitmap_print(nd, ofverbm_str, bm, OF_BIT_VER_U);
		} else {
			if (type == 1)
				P(" (bogus)");
			gcheck(nd, p, elen - 4U);
		}
		p += elen - 4U, len -= elen - 4U;
	}
	return;
invalid:
	of_invalid(nd);
	gcheck(nd, p, len);
}

static void experimenter_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t exp = g4(nd, p);

	P("\n\t experimenter 0x%08x (%s)", exp, of_vendor_name(exp));
	P(", exp_type 0x%08x", g4(nd, p + 4));
	of_data_print(nd, p + 8, len - 8);
}

static void queue_get_config_request_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];

	(void)len;
	P("\n\t port %s", TOK(ofpp_str, "%u", g4(nd, p)));
	gcheck(nd, p + 4, 4);
}

static void error_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	of_error_print(nd, p, len, ofpet_str, error_codes,
		       sizeof(error_codes) / sizeof(error_codes[0]));
}

static const struct of_msgtype of13_types[] = {
	{ "HELLO", hello_print, OF_MINLEN, 0 },
	{ "ERROR", error_print, OF_MINLEN, 4 },
	{ "ECHO_REQUEST", of_data_print, OF_MINLEN, 0 },
	{ "ECHO_REPLY", of_data_print, OF_MINLEN, 0 },
	{ "EXPERIMENTER", experimenter_print, OF_MINLEN, 8 },
	{ "FEATURES_REQUEST", NULL, OF_FIXLEN, 0 },
	{ "FEATURES_REPLY", features_reply_print, OF_FIXLEN, 24 },
	{ "GET_CONFIG_REQUEST", NULL, OF_FIXLEN, 0 },
	{ "GET_CONFIG_REPLY", switch_config_print, OF_FIXLEN, 4 },
	{ "SET_CONFIG", switch_config_print, OF_FIXLEN, 4 },
	{ "PACKET_IN", NULL, OF_ANYLEN, 0 },
	{ "FLOW_REMOVED", NULL, OF_ANYLEN, 0 },
	{ "PORT_STATUS", port_status_print, OF_FIXLEN, 72 },
	{ "PACKET_OUT", NULL, OF_ANYLEN, 0 },
	{ "FLOW_MOD", NULL, OF_ANYLEN, 0 },
	{ "GROUP_MOD", NULL, OF_ANYLEN, 0 },
	{ "PORT_MOD", port_mod_print, OF_FIXLEN, 32 },
	{ "TABLE_MOD", table_mod_print, OF_FIXLEN, 8 },
	{ "MULTIPART_REQUEST", NULL, OF_ANYLEN, 0 },
	{ "MULTIPART_REPLY", NULL, OF_ANYLEN, 0 },
	{ "BARRIER_REQUEST", NULL, OF_FIXLEN, 0 },
	{ "BARRIER_REPLY", NULL, OF_FIXLEN, 0 },
	{ "QUEUE_GET_CONFIG_REQUEST", queue_get_config_request_print, OF_FIXLEN, 8 },
	{ "QUEUE_GET_CONFIG_REPLY", NULL, OF_ANYLEN, 0 },
	{ "ROLE_REQUEST", role_print, OF_FIXLEN, 16 },
	{ "ROLE_REPLY", role_print, OF_FIXLEN, 16 },
	{ "GET_ASYNC_REQUEST", NULL, OF_FIXLEN, 0 },
	{ "GET_ASYNC_REPLY", async_print, OF_FIXLEN, 24 },
	{ "SET_ASYNC", async_print, OF_FIXLEN, 24 },
	{ "METER_MOD", NULL, OF_ANYLEN, 0 },
};

const struct of_msgtype *of13_msgtype(uint8_t type)
{
	return type < sizeof(of13_types) / sizeof(of13_types[0]) ? &of13_types[type] : NULL;
}
