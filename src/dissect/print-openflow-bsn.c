/* OpenFlow 1.0 vendor data: VENDOR messages, vendor actions and vendor
 * statistics, with the extensions of Big Switch Networks (OUI 5c:16:c7). */
#include "openflow-int.h"


static const struct tok bsn_subtypes[] = {
	{ 0, "SET_IP_MASK" }, { 1, "GET_IP_MASK_REQUEST" }, { 2, "GET_IP_MASK_REPLY" },
	{ 3, "SET_MIRRORING" }, { 4, "GET_MIRRORING_REQUEST" },
	{ 5, "GET_MIRRORING_REPLY" }, { 6, "SHELL_COMMAND" }, { 7, "SHELL_OUTPUT" },
	{ 8, "SHELL_STATUS" }, { 9, "GET_INTERFACES_REQUEST" },
	{ 10, "GET_INTERFACES_REPLY" }, { 11, "SET_PKTIN_SUPPRESSION_REQUEST" },
	{ 12, "SET_L2_TABLE_REQUEST" }, { 13, "GET_L2_TABLE_REQUEST" },
	{ 14, "GET_L2_TABLE_REPLY" }, { 15, "VIRTUAL_PORT_CREATE_REQUEST" },
	{ 16, "VIRTUAL_PORT_CREATE_REPLY" }, { 17, "VIRTUAL_PORT_REMOVE_REQUEST" },
	{ 18, "BW_ENABLE_SET_REQUEST" }, { 19, "BW_ENABLE_GET_REQUEST" },
	{ 20, "BW_ENABLE_GET_REPLY" }, { 21, "BW_CLEAR_DATA_REQUEST" },
	{ 22, "BW_CLEAR_DATA_REPLY" }, { 23, "BW_ENABLE_SET_REPLY" },
	{ 24, "SET_L2_TABLE_REPLY" }, { 25, "SET_PKTIN_SUPPRESSION_REPLY" },
	{ 26, "VIRTUAL_PORT_REMOVE_REPLY" }, { 27, "HYBRID_GET_REQUEST" },
	{ 28, "HYBRID_GET_REPLY" }, { 31, "PDU_TX_REQUEST" }, { 32, "PDU_TX_REPLY" },
	{ 33, "PDU_RX_REQUEST" }, { 34, "PDU_RX_REPLY" }, { 35, "PDU_RX_TIMEOUT" },
	{ 0, NULL }
};
static const struct tok bsn_action_subtypes[] = {
	{ 1, "MIRROR" }, { 2, "SET_TUNNEL_DST" }, { 4, "CHECKSUM" }, { 0, NULL }
};
static const struct tok bsn_copy_stages[] = { { 0, "INGRESS" }, { 1, "EGRESS" }, { 0, NULL } };
static const struct tok bsn_onoff[] = { { 0, "OFF" }, { 1, "ON" }, { 0, NULL } };

static void data_text(struct nd *nd, const uint8_t *p, uint32_t len)
{
	P(", data '");
	chars_print_j(nd, p, len);
	P("'");
}

static void bsn_message_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF], a[16];
	uint32_t sub;

	if (len < 4)
		goto invalid;
	sub = g4(nd, p);
	p += 4, len -= 4;
	P("\n\t subtype %s", TOK(bsn_subtypes, "unknown (0x%08x)", sub));
	switch (sub) {
	case 1:		/* GET_IP_MASK_REQUEST */
		if (len != 8)
			goto invalid;
		P(", index %u", g1(nd, p));
		gcheck(nd, p + 1, 7);
		break;
	case 0: case 2:	/* SET_IP_MASK, GET_IP_MASK_REPLY */
		if (len != 8)
			goto invalid;
		P(", index %u", g1(nd, p));
		P(", mask %s", ip4_str(nd, p + 4, a));
		break;
	case 3: case 4: case 5:	/* mirroring */
		if (len != 4)
			goto invalid;
		P(", report_mirror_ports %s", TOK(bsn_onoff, "bogus (%u)", g1(nd, p)));
		gcheck(nd, p + 1, 3);
		break;
	case 9: case 13: case 19: case 21: case 27:
		if (len)
			goto invalid;
		break;
	case 17:	/* VIRTUAL_PORT_REMOVE_REQUEST */
		if (len != 4)
			goto invalid;
		P(", vport_no %u", g4(nd, p));
		break;
	case 6:		/* SHELL_COMMAND */
		if (len < 4)
			goto invalid;
		P(", service %u", g4(nd, p));
		data_text(nd, p + 4, len - 4);
		break;
	case 7:		/* SHELL_OUTPUT */
		data_text(nd, p, len);
		break;
	case 8:		/* SHELL_STATUS */
		if (len != 4)
			goto invalid;
		P(", status 0x%08x", g4(nd, p));
		break;
	default:
		gcheck(nd, p, len);
	}
	return;
invalid:
	of_invalid(nd);
	gcheck(nd, p, len);
}

static void bsn_actions_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char buf[FMTBUF];
	uint32_t sub, tag;

	if (len < 4)
		goto invalid;
	sub = g4(nd, p);
	p += 4, len -= 4;
	P("\n\t  subtype %s", TOK(bsn_action_subtypes, "unknown (0x%08x)", sub));
	if (sub != 1) {
		gcheck(nd, p, len);
		return;
	}
	if (len != 12)
		goto invalid;
	P(", dest_port %u", g4(nd, p));
	tag = g4(nd, p + 4);
	if ((tag >> 16) == 0)
		P(", vlan_tag none");
	else if ((tag >> 16) == 0x8100)
		P(", vlan_tag 802.1Q (vlan %u, p %u%s)", tag & 0xfff, (tag & 0xffff) >> 13,
		  (tag & 0x1000) ? ", DEI" : "");
	else
		P(", vlan_tag unknown (0x%04x)", tag >> 16);
	P(", copy_stage %s", TOK(bsn_copy_stages, "unknown (%u)", g1(nd, p + 8)));
	gcheck(nd, p + 9, 3);
	return;
invalid:
	of_invalid(nd);
	gcheck(nd, p, len);
}

#define OUI_BSN 0x5c16c7U

static void vendor_id_print(struct nd *nd, uint32_t vendor)
{
	P(", vendor 0x%08x (%s)", vendor, of_vendor_name(vendor));
}

void of10_vendor_action_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t vendor;

	if (len < 4) {
		of_invalid(nd);
		gcheck(nd, p, len);
		return;
	}
	vendor = g4(nd, p);
	vendor_id_print(nd, vendor);
	if (vendor == OUI_BSN)
		bsn_actions_print(nd, p + 4, len - 4);
	else
		of_data_print(nd, p + 4, len - 4);
}

void of10_vendor_message_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t vendor = g4(nd, p);

	vendor_id_print(nd, vendor);
	if (vendor == OUI_BSN)
		bsn_message_print(nd, p + 4, len - 4);
	else
		of_data_print(nd, p + 4, len - 4);
}

void of10_vendor_data_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	if (len < 4) {
		of_invalid(nd);
		gcheck(nd, p, len);
		return;
	}
	vendor_id_print(nd, g4(nd, p));
	of_data_print(nd, p + 4, len - 4);
}
