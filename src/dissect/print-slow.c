/* The IEEE "slow protocols" (ethertype 0x8809), as tcpdump 4.99.3 prints
 * them: LACP and the marker protocol (802.3ad link aggregation, as Linux
 * bonding in 802.3ad mode and switches speak it) and Ethernet OAM
 * (802.3ah).  Other subtypes (OSSP, ...) are shown as a hex dump. */
#include <inttypes.h>

#include "dissect-int.h"

#define SUB_LACP 1
#define SUB_MARKER 2
#define SUB_OAM 3

static const struct tok subtypes[] = {
	{ SUB_LACP, "LACP" }, { SUB_MARKER, "MARKER" }, { SUB_OAM, "OAM" }, { 0, NULL }
};

/* LACP and marker TLVs, keyed by subtype << 8 | TLV type. */
static const struct tok lm_tlvs[] = {
	{ SUB_LACP << 8 | 0, "Terminator" }, { SUB_LACP << 8 | 1, "Actor Information" },
	{ SUB_LACP << 8 | 2, "Partner Information" },
	{ SUB_LACP << 8 | 3, "Collector Information" },
	{ SUB_MARKER << 8 | 0, "Terminator" }, { SUB_MARKER << 8 | 1, "Marker Information" },
	{ 0, NULL }
};

static const struct tok lacp_states[] = {
	{ 0x01, "Activity" }, { 0x02, "Timeout" }, { 0x04, "Aggregation" },
	{ 0x08, "Synchronization" }, { 0x10, "Collecting" }, { 0x20, "Distributing" },
	{ 0x40, "Default" }, { 0x80, "Expired" }, { 0, NULL }
};

static const struct tok oam_flags[] = {
	{ 0x0001, "Link Fault" }, { 0x0002, "Dying Gasp" }, { 0x0004, "Critical Event" },
	{ 0x0008, "Local Evaluating" }, { 0x0010, "Local Stable" },
	{ 0x0020, "Remote Evaluating" }, { 0x0040, "Remote Stable" }, { 0, NULL }
};

#define OAM_INFO 0x00
#define OAM_EVENT 0x01
#define OAM_LOOPBACK 0x04

static const struct tok oam_codes[] = {
	{ OAM_INFO, "Information" }, { OAM_EVENT, "Event Notification" },
	{ 0x02, "Variable Request" }, { 0x03, "Variable Response" },
	{ OAM_LOOPBACK, "Loopback Control" }, { 0xfe, "Vendor Private" }, { 0, NULL }
};

static const struct tok info_types[] = {
	{ 0x00, "End of TLV marker" }, { 0x01, "Local" }, { 0x02, "Remote" },
	{ 0xfe, "Organization specific" }, { 0, NULL }
};

static const struct tok parser_actions[] = {
	{ 0, "forwarding" }, { 1, "looping back" }, { 2, "discarding" }, { 3, "reserved" },
	{ 0, NULL }
};

static const struct tok mux_actions[] = {
	{ 0, "forwarding" }, { 4, "discarding" }, { 0, NULL }
};

static const struct tok oam_config[] = {
	{ 0x01, "Active" }, { 0x02, "Unidirectional" }, { 0x04, "Remote-Loopback" },
	{ 0x08, "Link-Events" }, { 0x10, "Variable-Retrieval" }, { 0, NULL }
};

static const struct tok link_events[] = {
	{ 0x00, "End of TLV marker" }, { 0x01, "Errored Symbol Period Event" },
	{ 0x02, "Errored Frame Event" }, { 0x03, "Errored Frame Period Event" },
	{ 0x04, "Errored Frame Seconds Summary Event" }, { 0xfe, "Organization specific" },
	{ 0, NULL }
};

static const struct tok loopback_cmds[] = {
	{ 0x01, "Enable OAM Remote Loopback" }, { 0x02, "Disable OAM Remote Loopback" },
	{ 0, NULL }
};

/* Sizes of the fixed TLV bodies (after type and length). */
#define LACP_PARTY_LEN 18
#define LACP_COLLECTOR_LEN 14
#define MARKER_INFO_LEN 14
#define OAM_INFO_TLV_LEN 16	/* including type and length */
#define OAM_EVENT_TLV_LEN 40	/* including type and length */

static void too_short(struct nd *nd)
{
	P("\n\t\t packet is too short");
}

/* The TLVs of an LACP or marker PDU, after subtype and version. */
static void lacp_marker_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned sub)
{
	unsigned type, tl, key;
	const uint8_t *v;
	char b[18];

	while (len > 0) {
		if (len < 2) {
			too_short(nd);
			return;
		}
		type = g1(nd, p);
		tl = g1(nd, p + 1);
		key = sub << 8 | type;
		P("\n\t%s TLV (0x%02x), length %u", tok_or(lm_tlvs, key, "Unknown"), type, tl);
		if (type == 0)
			return;
		if (tl < 2) {
			P("\n\t    ERROR: illegal length - should be >= 2");
			return;
		}
		if (len < tl) {
			too_short(nd);
			return;
		}
		gcheck(nd, p, tl);
		v = p + 2;
		switch (key) {
		case SUB_LACP << 8 | 1:
		case SUB_LACP << 8 | 2:
			if (tl - 2 != LACP_PARTY_LEN) {
				P("\n\t    ERROR: illegal length - should be %u", LACP_PARTY_LEN + 2);
				break;
			}
			P("\n\t  System %s, System Priority %u, Key %u, Port %u, Port Priority %u",
			  mac_str(nd, v + 2, b), g2(nd, v), g2(nd, v + 8), g2(nd, v + 12),
			  g2(nd, v + 10));
			P("\n\t  State Flags [");
			bits_print(nd, lacp_states, "none", v[14], ", ");
			P("]");
			break;
		case SUB_LACP << 8 | 3:
			if (tl - 2 != LACP_COLLECTOR_LEN) {
				P("\n\t    ERROR: illegal length - should be %u", LACP_COLLECTOR_LEN + 2);
				break;
			}
			P("\n\t  Max Delay %u", g2(nd, v));
			break;
		case SUB_MARKER << 8 | 1:
			if (tl - 2 != MARKER_INFO_LEN) {
				P("\n\t    ERROR: illegal length - should be %u", MARKER_INFO_LEN + 2);
				break;
			}
			P("\n\t  Request System %s, Request Port %u, Request Transaction ID 0x%08x",
			  mac_str(nd, v + 2, b), g2(nd, v), g4(nd, v + 8));
			break;
		default:
			if (nd->o->vflag <= 1)
				unknown_data_print(nd, v, "\n\t  ", (int)tl - 2);
			break;
		}
		if (nd->o->vflag > 1)
			unknown_data_print(nd, v, "\n\t  ", (int)tl - 2);
		p += tl;
		len -= tl;
	}
}

/* One Local or Remote information TLV (16 bytes, checked). */
static void oam_info_print(struct nd *nd, const uint8_t *p)
{
	unsigned st = p[5];
	uint32_t oui = g3(nd, p + 9);

	P("\n\t    OAM-Version %u, Revision %u", p[2], g2(nd, p + 3));
	P("\n\t    State-Parser-Action %s, State-MUX-Action %s",
	  tok_or(parser_actions, st & 3, "Reserved"), tok_or(mux_actions, st & 4, "Reserved"));
	P("\n\t    OAM-Config Flags [");
	bits_print(nd, oam_config, "none", p[6], ", ");
	P("], OAM-PDU-Config max-PDU size %u", g2(nd, p + 7) & 0x7ff);
	P("\n\t    OUI %s (0x%06x), Vendor-Private 0x%08x", tok_or(oui_names, oui, "Unknown"),
	  oui, g4(nd, p + 12));
}

/* One link event TLV (40 bytes, checked). */
static void oam_event_print(struct nd *nd, const uint8_t *p)
{
	P("\n\t    Timestamp %u ms, Errored Window %" PRIu64, g2(nd, p + 2) * 100u, g8(nd, p + 4));
	P("\n\t    Errored Threshold %" PRIu64, g8(nd, p + 12));
	P("\n\t    Errors %" PRIu64, g8(nd, p + 20));
	P("\n\t    Error Running Total %" PRIu64, g8(nd, p + 28));
	P("\n\t    Event Running Total %u", g4(nd, p + 36));
}

/* The TLVs of an information or event notification PDU; 0 when the PDU
 * ended too early. */
static int oam_tlvs_print(struct nd *nd, const uint8_t *p, uint32_t len, int event)
{
	unsigned type, tl;
	int hexdump;

	while (len > 0) {
		if (len < 2)
			return 0;
		gcheck(nd, p, 2);
		type = p[0];
		tl = p[1];
		if (event)
			P("\n\t  %s Link Event Type (%u), length %u",
			  tok_or(link_events, type, "Reserved"), type, tl);
		else
			P("\n\t  %s Information Type (%u), length %u",
			  tok_or(info_types, type, "Reserved"), type, tl);
		if (type == 0)
			return 1;
		if (tl < 2) {
			P("\n\t    ERROR: illegal length - should be >= 2");
			return 1;
		}
		if (len < tl)
			return 0;
		gcheck(nd, p, tl);
		hexdump = 1;
		if (event && type >= 1 && type <= 4) {
			if (tl != OAM_EVENT_TLV_LEN) {
				P("\n\t    ERROR: illegal length - should be %u", OAM_EVENT_TLV_LEN);
			} else {
				oam_event_print(nd, p);
				hexdump = 0;
			}
		} else if (!event && (type == 1 || type == 2)) {
			if (tl != OAM_INFO_TLV_LEN) {
				P("\n\t    ERROR: illegal length - should be %u", OAM_INFO_TLV_LEN);
			} else {
				oam_info_print(nd, p);
				hexdump = 0;
			}
		}
		if (nd->o->vflag > 1 || hexdump)
			unknown_data_print(nd, p, "\n\t  ", (int)tl);
		p += tl;
		len -= tl;
	}
	return 1;
}

/* An OAM PDU after the subtype: flags, code, data. */
static void oam_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned code, cmd;
	char b[24];

	if (len < 3) {
		too_short(nd);
		return;
	}
	gcheck(nd, p, 3);
	code = p[2];
	P("\n\tCode %s OAM PDU, Flags [", tok2str(oam_codes, "Unknown (%u)", code, b, sizeof(b)));
	bits_print(nd, oam_flags, "none", g2(nd, p), ", ");
	P("]");
	p += 3;
	len -= 3;
	switch (code) {
	case OAM_INFO:
		if (!oam_tlvs_print(nd, p, len, 0))
			too_short(nd);
		break;
	case OAM_EVENT:
		if (len < 2) {
			too_short(nd);
			break;
		}
		P("\n\t  Sequence Number %u", g2(nd, p));
		if (!oam_tlvs_print(nd, p + 2, len - 2, 1))
			too_short(nd);
		break;
	case OAM_LOOPBACK:
		if (len < 1) {
			too_short(nd);
			break;
		}
		cmd = g1(nd, p);
		P("\n\t  Command %s (%u)", tok_or(loopback_cmds, cmd, "Unknown"), cmd);
		break;
	default:
		/* variable request and response, vendor private: not decoded */
		if (nd->o->vflag <= 1)
			unknown_data_print(nd, p, "\n\t  ", (int)len);
		break;
	}
}

void slow_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned sub, ver = 0;
	int has_ver;
	char b[24];

	nd->proto = "slow";
	if (len < 1)
		goto short_pdu;
	sub = g1(nd, p);
	switch (sub) {
	case SUB_LACP:
	case SUB_MARKER:
		if (len < 2)
			goto short_pdu;
		ver = g1(nd, p + 1);
		if (ver != 1) {
			P("%s version %u packet not supported", sub == SUB_LACP ? "LACP" : "MARKER",
			  ver);
			return;
		}
		has_ver = 1;
		break;
	case SUB_OAM:
		has_ver = 0;
		break;
	default:
		has_ver = -1;
		break;
	}
	P("%s", tok2str(subtypes, "unknown (%u)", sub, b, sizeof(b)));
	if (has_ver == 1)
		P("v%u", ver);
	P(", length %u", len);
	if (has_ver == -1) {
		unknown_data_print(nd, p, "\n\t", (int)len);
		return;
	}
	if (!nd->o->vflag)
		return;
	if (sub == SUB_OAM)
		oam_print(nd, p + 1, len - 1);
	else
		lacp_marker_print(nd, p + 2, len - 2, sub);
	return;
short_pdu:
	if (nd->o->vflag)
		too_short(nd);
	else
		P(" (packet is too short)");
}
