/* LLDP organisation-specific TLVs (type 127) as tcpdump 4.99.3 decodes
 * them: IEEE 802.1, IEEE 802.3, IANA (MUD-URL), ANSI/TIA LLDP-MED and
 * DCBX 1.01.  Each returns 1 when the TLV should be hex-dumped with -v. */
#include <inttypes.h>

#include "dissect-int.h"

static const struct tok dot1_subtypes[] = {
	{ 1, "Port VLAN Id" }, { 2, "Port and Protocol VLAN ID" }, { 3, "VLAN name" },
	{ 4, "Protocol Identity" }, { 7, "Link aggregation" },
	{ 8, "Congestion Notification" }, { 9, "ETS Configuration" },
	{ 10, "ETS Recommendation" }, { 11, "Priority Flow Control Configuration" },
	{ 12, "Application Priority" }, { 13, "EVB" }, { 14, "CDCP" }, { 0, NULL }
};

static const struct tok ppvid_flags[] = {
	{ 0x02, "supported" }, { 0x04, "enabled" }, { 0, NULL }
};

static const struct tok aggr_flags[] = {
	{ 0x01, "supported" }, { 0x02, "enabled" }, { 0, NULL }
};

static const struct tok evb_modes[] = {
	{ 0, "Not Supported" }, { 1, "EVB Bridge" }, { 2, "EVB Station" },
	{ 3, "Reserved for future Standardization" }, { 0, NULL }
};

static const struct tok dot3_subtypes[] = {
	{ 1, "MAC/PHY configuration/status" }, { 2, "Power via MDI" },
	{ 3, "Link aggregation" }, { 4, "Max frame size" }, { 0, NULL }
};

static const struct tok autoneg_flags[] = {
	{ 0x01, "supported" }, { 0x02, "enabled" }, { 0, NULL }
};

/* RFC 3636 ifMauAutoNegCapAdvertisedBits (bit 15, "other", unnamed) */
static const struct tok pmd_caps[] = {
	{ 1 << 14, "10BASE-T hdx" }, { 1 << 13, "10BASE-T fdx" }, { 1 << 12, "100BASE-T4" },
	{ 1 << 11, "100BASE-TX hdx" }, { 1 << 10, "100BASE-TX fdx" },
	{ 1 << 9, "100BASE-T2 hdx" }, { 1 << 8, "100BASE-T2 fdx" },
	{ 1 << 7, "Pause for fdx links" }, { 1 << 6, "Asym PAUSE for fdx" },
	{ 1 << 5, "Sym PAUSE for fdx" }, { 1 << 4, "Asym and Sym PAUSE for fdx" },
	{ 1 << 3, "1000BASE-{X LX SX CX} hdx" }, { 1 << 2, "1000BASE-{X LX SX CX} fdx" },
	{ 1 << 1, "1000BASE-T hdx" }, { 1 << 0, "1000BASE-T fdx" }, { 0, NULL }
};

/* RFC 3636 dot3MauType, by number */
static const char *const mau_types[] = {
	"Unknown", "AUI", "10BASE_5", "FOIRL", "10BASE2", "10BASET duplex mode unknown",
	"10BASEFP", "10BASEFB", "10BASEFL duplex mode unknown", "10BROAD36",
	"10BASET hdx", "10BASET fdx", "10BASEFL hdx", "10BASEFL fdx", "100BASET4",
	"100BASETX hdx", "100BASETX fdx", "100BASEFX hdx", "100BASEFX fdx",
	"100BASET2 hdx", "100BASET2 fdx", "1000BASEX hdx", "1000BASEX fdx",
	"1000BASELX hdx", "1000BASELX fdx", "1000BASESX hdx", "1000BASESX fdx",
	"1000BASECX hdx", "1000BASECX fdx", "1000BASET hdx", "1000BASET fdx",
	"10GBASEX", "10GBASELX4", "10GBASER", "10GBASEER", "10GBASELR", "10GBASESR",
	"10GBASEW", "10GBASEEW", "10GBASELW", "10GBASESW"
};

static const struct tok mdi_flags[] = {
	{ 0x01, "PSE" }, { 0x02, "supported" }, { 0x04, "enabled" },
	{ 0x08, "can be controlled" }, { 0, NULL }
};

static const struct tok mdi_pairs[] = {
	{ 1, "signal" }, { 2, "spare" }, { 0, NULL }
};

static const struct tok mdi_classes[] = {
	{ 1, "class0" }, { 2, "class1" }, { 3, "class2" }, { 4, "class3" },
	{ 5, "class4" }, { 0, NULL }
};

static const struct tok iana_subtypes[] = { { 1, "MUD-URL" }, { 0, NULL } };

static const struct tok tia_subtypes[] = {
	{ 1, "LLDP-MED Capabilities" }, { 2, "Network policy" },
	{ 3, "Location identification" }, { 4, "Extended power-via-MDI" },
	{ 5, "Inventory - hardware revision" }, { 6, "Inventory - firmware revision" },
	{ 7, "Inventory - software revision" }, { 8, "Inventory - serial number" },
	{ 9, "Inventory - manufacturer name" }, { 10, "Inventory - model name" },
	{ 11, "Inventory - asset ID" }, { 0, NULL }
};

static const struct tok tia_inventory[] = {
	{ 5, "Hardware revision" }, { 6, "Firmware revision" }, { 7, "Software revision" },
	{ 8, "Serial number" }, { 9, "Manufacturer name" }, { 10, "Model name" },
	{ 11, "Asset ID" }, { 0, NULL }
};

static const struct tok tia_caps[] = {
	{ 0x01, "LLDP-MED capabilities" }, { 0x02, "network policy" },
	{ 0x04, "location identification" }, { 0x08, "extended power via MDI-PSE" },
	{ 0x10, "extended power via MDI-PD" }, { 0x20, "Inventory" }, { 0, NULL }
};

static const struct tok tia_devices[] = {
	{ 1, "endpoint class 1" }, { 2, "endpoint class 2" }, { 3, "endpoint class 3" },
	{ 4, "network connectivity" }, { 0, NULL }
};

static const struct tok tia_apps[] = {
	{ 1, "voice" }, { 2, "voice signaling" }, { 3, "guest voice" },
	{ 4, "guest voice signaling" }, { 5, "softphone voice" },
	{ 6, "video conferencing" }, { 7, "streaming video" }, { 8, "video signaling" },
	{ 0, NULL }
};

static const struct tok tia_policy_flags[] = {
	{ 0x80, "Unknown" }, { 0x40, "Tagged" }, { 0x20, "reserved" }, { 0, NULL }
};

static const struct tok tia_loc_formats[] = {
	{ 1, "coordinate-based LCI" }, { 2, "civic address LCI" }, { 3, "ECS ELIN" },
	{ 0, NULL }
};

static const struct tok tia_altitudes[] = { { 1, "meters" }, { 2, "floors" }, { 0, NULL } };

static const struct tok tia_datums[] = {
	{ 1, "World Geodesic System 1984" }, { 2, "North American Datum 1983 (NAVD88)" },
	{ 3, "North American Datum 1983 (MLLW)" }, { 0, NULL }
};

static const struct tok tia_lci_what[] = {
	{ 0, "location of DHCP server" },
	{ 1, "location of the network element believed to be closest to the client" },
	{ 2, "location of the client" }, { 0, NULL }
};

static const struct tok tia_catypes[] = {
	{ 1, "national subdivisions (state,canton,region,province,prefecture)" },
	{ 2, "county, parish, gun, district" }, { 3, "city, township, shi" },
	{ 4, "city division, borough, city district, ward chou" },
	{ 5, "neighborhood, block" }, { 6, "street" }, { 0, NULL }
};

static const struct tok tia_power_sources[] = {
	{ 1, "PSE - primary power source" }, { 2, "local - backup power source" },
	{ 3, "PSE+local - reserved" }, { 0, NULL }
};

static const struct tok tia_power_prios[] = {
	{ 1, "critical" }, { 2, "high" }, { 3, "low" }, { 0, NULL }
};

static const struct tok dcbx_subtypes[] = {
	{ 1, "DCB Capability Exchange Protocol Rev 1" },
	{ 2, "DCB Capability Exchange Protocol Rev 1.01" }, { 0, NULL }
};

static void subtype_print(struct nd *nd, const struct tok *t, unsigned st)
{
	P("\n\t  %s Subtype (%u)", tok_or(t, st, "unknown"), st);
}

static void flags_print(struct nd *nd, const struct tok *t, const char *dflt, unsigned v)
{
	bits_print(nd, t, dflt, v, ", ");
}

/* Link aggregation, the same in 802.1 (subtype 7) and 802.3 (subtype 3) */
static void aggr_print(struct nd *nd, const uint8_t *p)
{
	P("\n\t    aggregation status [");
	flags_print(nd, aggr_flags, "none", g1(nd, p));
	P("], aggregation port ID %u", g4(nd, p + 1));
}

/* Eight bits, lowest first, as "%-2d " columns. */
static void bit_row(struct nd *nd, unsigned v)
{
	int i;

	P("\n\t     Priority : 0  1  2  3  4  5  6  7");
	P("\n\t     Value    : ");
	for (i = 0; i < 8; i++)
		P("%-2d ", (int)((v >> i) & 1));
}

/* The three tables of the ETS Configuration and Recommendation TLVs. */
static void ets_tables(struct nd *nd, const uint8_t *p)
{
	int i;

	P("\n\t    Priority Assignment Table");
	P("\n\t     Priority : 0   1   2   3   4   5   6   7");
	P("\n\t     Value    :");
	for (i = 0; i < 4; i++)
		P(" %-3d %-3d", g1(nd, p + i) >> 4, g1(nd, p + i) & 0x0f);
	P("\n\t    TC Bandwidth Table");
	P("\n\t     TC%%   : 0   1   2   3   4   5   6   7");
	P("\n\t     Value :");
	for (i = 0; i < 8; i++)
		P(" %-3d", g1(nd, p + 4 + i));
	P("\n\t    TSA Assignment Table");
	P("\n\t     Traffic Class: 0   1   2   3   4   5   6   7");
	P("\n\t     Value        :");
	for (i = 0; i < 8; i++)
		P(" %-3d", g1(nd, p + 12 + i));
}

static int dot1_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned st, v, n, i;

	if (len < 4)
		return 0;
	st = g1(nd, p + 3);
	subtype_print(nd, dot1_subtypes, st);
	switch (st) {
	case 1:
		if (len < 6)
			return 0;
		P("\n\t    port vlan id (PVID): %u", g2(nd, p + 4));
		break;
	case 2:
		if (len < 7)
			return 0;
		v = g1(nd, p + 4);
		P("\n\t    port and protocol vlan id (PPVID): %u, flags [", g2(nd, p + 5));
		flags_print(nd, ppvid_flags, "none", v);
		P("] (0x%02x)", v);
		break;
	case 3:
		if (len < 6)
			return 0;
		P("\n\t    vlan id (VID): %u", g2(nd, p + 4));
		if (len < 7)
			return 0;
		n = g1(nd, p + 6);
		if (len < 7 + n)
			return 0;
		P("\n\t    vlan name: ");
		chars_print_z(nd, p + 7, n);
		break;
	case 4:
		if (len < 5)
			return 0;
		n = g1(nd, p + 4);
		if (len < 5 + n)
			return 0;
		P("\n\t    protocol identity: ");
		chars_print_z(nd, p + 5, n);
		break;
	case 7:
		if (len < 9)
			return 0;
		aggr_print(nd, p + 4);
		break;
	case 8:
		if (len < 6)
			return 0;
		P("\n\t    Pre-Priority CNPV Indicator");
		bit_row(nd, g1(nd, p + 4));
		P("\n\t    Pre-Priority Ready Indicator");
		bit_row(nd, g1(nd, p + 5));
		break;
	case 9:
		if (len < 25)
			return 0;
		v = g1(nd, p + 4);
		P("\n\t    Willing:%u, CBS:%u, RES:%u, Max TCs:%u",
		  v >> 7, (v >> 6) & 0x02, (v >> 3) & 0x07, v & 0x07);
		ets_tables(nd, p + 5);
		break;
	case 10:
		if (len < 25)
			return 0;
		P("\n\t    RES: %u", g1(nd, p + 4));
		ets_tables(nd, p + 5);
		break;
	case 11:
		if (len < 6)
			return 0;
		v = g1(nd, p + 4);
		P("\n\t    Willing: %u, MBC: %u, RES: %u, PFC cap:%u ",
		  v >> 7, (v >> 6) & 0x01, (v >> 4) & 0x03, v & 0x0f);
		P("\n\t    PFC Enable");
		bit_row(nd, g1(nd, p + 5));
		break;
	case 12:
		if (len < 5)
			return 0;
		P("\n\t    RES: %u", g1(nd, p + 4));
		if (len <= 5 || (len - 5) % 3 != 0)
			return 0;
		P("\n\t    Application Priority Table");
		for (i = 0; i < len - 5; i += 3) {
			v = g1(nd, p + 5 + i);
			P("\n\t      Priority: %u, RES: %u, Sel: %u, Protocol ID: %u",
			  v >> 5, (v >> 3) & 0x03, v & 0x07, g2(nd, p + 6 + i));
		}
		break;
	case 13:
		if (len < 9)
			return 0;
		v = g1(nd, p + 4);
		P("\n\t    EVB Bridge Status");
		P("\n\t      RES: %u, BGID: %u, RRCAP: %u, RRCTR: %u",
		  v >> 3, (v >> 2) & 0x01, (v >> 1) & 0x01, v & 0x01);
		v = g1(nd, p + 5);
		P("\n\t    EVB Station Status");
		P("\n\t      RES: %u, SGID: %u, RRREQ: %u,RRSTAT: %u",
		  v >> 4, (v >> 3) & 0x01, (v >> 2) & 0x01, v & 0x03);
		v = g1(nd, p + 6);
		P("\n\t    R: %u, RTE: %u, ", v >> 5, v & 0x1f);
		v = g1(nd, p + 7);
		P("EVB Mode: %s [%u]", tok_or(evb_modes, v >> 6, "unknown"), v >> 6);
		P("\n\t    ROL: %u, RWD: %u, ", (v >> 5) & 0x01, v & 0x1f);
		v = g1(nd, p + 8);
		P("RES: %u, ROL: %u, RKA: %u", v >> 6, (v >> 5) & 0x01, v & 0x1f);
		break;
	case 14:
		if (len < 8)
			return 0;
		v = g1(nd, p + 4);
		P("\n\t    Role: %u, RES: %u, Scomp: %u ", v >> 7, (v >> 4) & 0x07, (v >> 3) & 0x01);
		P("ChnCap: %u", g2(nd, p + 6) & 0x0fff);
		if ((len - 8) % 3 != 0)
			return 0;
		for (i = 0; i < len - 8; i += 3) {
			v = g3(nd, p + 8 + i);
			P("\n\t    SCID: %u, SVID: %u", v >> 12, v & 0x000fff);
		}
		break;
	default:
		return 1;
	}
	return 0;
}

static int dot3_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned st, v;

	if (len < 4)
		return 0;
	st = g1(nd, p + 3);
	subtype_print(nd, dot3_subtypes, st);
	switch (st) {
	case 1:
		if (len < 9)
			return 0;
		v = g1(nd, p + 4);
		P("\n\t    autonegotiation [");
		flags_print(nd, autoneg_flags, "none", v);
		P("] (0x%02x)", v);
		v = g2(nd, p + 5);
		P("\n\t    PMD autoneg capability [");
		flags_print(nd, pmd_caps, "unknown", v);
		P("] (0x%04x)", v);
		v = g2(nd, p + 7);
		P("\n\t    MAU type %s (0x%04x)",
		  v < sizeof(mau_types) / sizeof(mau_types[0]) ? mau_types[v] : "unknown", v);
		break;
	case 2:
		if (len < 7)
			return 0;
		P("\n\t    MDI power support [");
		flags_print(nd, mdi_flags, "none", g1(nd, p + 4));
		P("], power pair %s, power class %s", tok_or(mdi_pairs, g1(nd, p + 5), "unknown"),
		  tok_or(mdi_classes, g1(nd, p + 6), "unknown"));
		break;
	case 3:
		if (len < 9)
			return 0;
		aggr_print(nd, p + 4);
		break;
	case 4:
		if (len < 6)
			return 0;
		P("\n\t    MTU size %u", g2(nd, p + 4));
		break;
	default:
		return 1;
	}
	return 0;
}

static int iana_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned st;

	if (len < 8)
		return 0;
	st = g1(nd, p + 3);
	subtype_print(nd, iana_subtypes, st);
	if (st != 1)
		return 1;
	P("\n\t  MUD-URL=");
	chars_print(nd, p + 4, len - 4);
	return 0;
}

/* 34 bits of a latitude or longitude. */
static uint64_t latlon(struct nd *nd, const uint8_t *p)
{
	return (uint64_t)(g1(nd, p) & 0x3) << 32 | g4(nd, p + 1);
}

static int tia_location_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned fmt, lci, ca, cl;

	if (len < 5)
		return 0;
	fmt = g1(nd, p + 4);
	P("\n\t    Location data format %s (0x%02x)", tok_or(tia_loc_formats, fmt, "unknown"), fmt);
	switch (fmt) {
	case 1:
		if (len < 21)
			return 0;
		P("\n\t    Latitude resolution %u, latitude value %" PRIu64,
		  g1(nd, p + 5) >> 2, latlon(nd, p + 5));
		P("\n\t    Longitude resolution %u, longitude value %" PRIu64,
		  g1(nd, p + 10) >> 2, latlon(nd, p + 10));
		P("\n\t    Altitude type %s (%u)", tok_or(tia_altitudes, g1(nd, p + 15) >> 4, "unknown"),
		  g1(nd, p + 15) >> 4);
		P("\n\t    Altitude resolution %u, altitude value 0x%x",
		  (g2(nd, p + 15) >> 6) & 0x3f, g4(nd, p + 16) & 0x3fffffff);
		P("\n\t    Datum %s (0x%02x)", tok_or(tia_datums, g1(nd, p + 20), "unknown"),
		  g1(nd, p + 20));
		break;
	case 2:
		if (len < 6)
			return 0;
		lci = g1(nd, p + 5);
		if (lci < 3 || len < 7 + lci)
			return 0;
		P("\n\t    LCI length %u, LCI what %s (0x%02x), Country-code ", lci,
		  tok_or(tia_lci_what, g1(nd, p + 6), "unknown"), g1(nd, p + 6));
		chars_print_z(nd, p + 7, 2);
		lci -= 3;
		p += 9;
		while (lci > 0) {
			if (lci < 2)
				return 0;
			ca = g1(nd, p);
			cl = g1(nd, p + 1);
			p += 2;
			lci -= 2;
			P("\n\t      CA type '%s' (%u), length %u: ",
			  tok_or(tia_catypes, ca, "unknown"), ca, cl);
			if (ca == 0 || cl == 0 || lci < cl)
				return 0;
			chars_print_z(nd, p, cl);
			p += cl;
			lci -= cl;
		}
		break;
	case 3:
		P("\n\t    ECS ELIN id ");
		chars_print_z(nd, p + 5, len - 5);
		break;
	default:
		P("\n\t    Location ID ");
		unknown_data_print(nd, p + 5, "\n\t      ", (int)(len - 5));
		break;
	}
	return 0;
}

static int tia_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned st, v, pw;

	if (len < 4)
		return 0;
	st = g1(nd, p + 3);
	subtype_print(nd, tia_subtypes, st);
	switch (st) {
	case 1:
		if (len < 7)
			return 0;
		v = g2(nd, p + 4);
		P("\n\t    Media capabilities [");
		flags_print(nd, tia_caps, "none", v);
		P("] (0x%04x)", v);
		v = g1(nd, p + 6);
		P("\n\t    Device type [%s] (0x%02x)", tok_or(tia_devices, v, "unknown"), v);
		break;
	case 2:
		if (len < 8)
			return 0;
		v = g1(nd, p + 4);
		P("\n\t    Application type [%s] (0x%02x)", tok_or(tia_apps, v, "none"), v);
		P(", Flags [");
		flags_print(nd, tia_policy_flags, "none", g1(nd, p + 5));
		P("]");
		P("\n\t    Vlan id %u", (g2(nd, p + 5) & 0x1ffe) >> 1);
		v = g2(nd, p + 6);
		P(", L2 priority %u", (v & 0x01ff) >> 6);
		P(", DSCP value %u", v & 0x003f);
		break;
	case 3:
		return tia_location_print(nd, p, len);
	case 4:
		if (len < 7)
			return 0;
		v = g1(nd, p + 4);
		/* tcpdump tests the two low bits here, not the type field */
		P("\n\t    Power type [%s]", (v & 0x03) ? "PD device" : "PSE device");
		P(", Power source [%s]", tok_or(tia_power_sources, (v & 0x30) >> 4, "none"));
		P("\n\t    Power priority [%s] (0x%02x)", tok_or(tia_power_prios, v & 0x0f, "none"),
		  v & 0x0f);
		pw = g2(nd, p + 5);
		if (pw < 1024)
			P(", Power %.1f Watts", (double)((float)pw / 10));
		else
			P(", Power %u (Reserved)", pw);
		break;
	case 5: case 6: case 7: case 8: case 9: case 10: case 11:
		P("\n\t  %s ", tok_or(tia_inventory, st, "unknown"));
		chars_print_z(nd, p + 4, len - 4);
		break;
	default:
		return 1;
	}
	return 0;
}

static void dcbx_info_print(struct nd *nd, const uint8_t *p)
{
	unsigned v = g1(nd, p + 2);

	P("\n\t      Oper_Version: %u", g1(nd, p));
	P("\n\t      Max_Version: %u", g1(nd, p + 1));
	P("\n\t      Info block(0x%02X): ", v);
	P("Enable bit: %u, Willing bit: %u, Error Bit: %u",
	  (v & 0x80) ? 1 : 0, (v & 0x40) ? 1 : 0, (v & 0x20) ? 1 : 0);
	P("\n\t      SubType: %u", g1(nd, p + 3));
}

static int dcbx_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned st, type, tl, i, v;
	uint32_t tlen, u;
	int hexdump = 0;

	if (len < 4)
		return 0;
	st = g1(nd, p + 3);
	subtype_print(nd, dcbx_subtypes, st);
	if (st == 1)
		return 1;
	p += 4;
	tlen = len - 4;
	/* sub-TLVs; a short or cut one ends the list quietly */
	while (tlen >= 2) {
		if (!nd_ok(nd, p, 2))
			return hexdump;
		type = g1(nd, p) >> 1;
		tl = (g1(nd, p) & 1u) << 8 | g1(nd, p + 1);
		hexdump = 0;
		tlen -= 2;
		p += 2;
		if (type == 0 || tl == 0)
			break;
		if (!nd_ok(nd, p, tl) || tlen < tl)
			return hexdump;
		switch (type) {
		case 1:
			if (tl < 10)
				return hexdump;
			P("\n\t    Control - Protocol Control (type 0x%x, length %u)", type, tl);
			P("\n\t      Oper_Version: %u", g1(nd, p));
			P("\n\t      Max_Version: %u", g1(nd, p + 1));
			P("\n\t      Sequence Number: %u", g4(nd, p + 2));
			P("\n\t      Acknowledgement Number: %u", g4(nd, p + 6));
			break;
		case 2:
			if (tl < 17)
				return hexdump;
			P("\n\t    Feature - Priority Group (type 0x%x, length %u)", type, tl);
			dcbx_info_print(nd, p);
			P("\n\t      Priority Allocation");
			u = g4(nd, p + 4);
			for (i = 0; i < 8; i++)
				P("\n\t          PgId_%u: %u", i, (u >> (28 - 4 * i)) & 0xf);
			P("\n\t      Priority Group Allocation");
			for (i = 0; i < 8; i++)
				P("\n\t          Pg percentage[%u]: %u", i, g1(nd, p + 8 + i));
			P("\n\t      NumTCsSupported: %u", g1(nd, p + 16));
			break;
		case 3:
			if (tl < 6)
				return hexdump;
			P("\n\t    Feature - Priority Flow Control");
			P(" (type 0x%x, length %u)", type, tl);
			dcbx_info_print(nd, p);
			v = g1(nd, p + 4);
			P("\n\t      PFC Config (0x%02X)", v);
			for (i = 0; i < 8; i++)
				P("\n\t          Priority Bit %u: %s", i,
				  (v & (1u << i)) ? "Enabled" : "Disabled");
			P("\n\t      NumTCPFCSupported: %u", g1(nd, p + 5));
			break;
		case 4:
			if (tl < 4)
				return hexdump;
			P("\n\t    Feature - Application (type 0x%x, length %u)", type, tl);
			dcbx_info_print(nd, p);
			for (i = 4; tl - i >= 6; i += 6) {
				P("\n\t      Application Value");
				P("\n\t          Application Protocol ID: 0x%04x", g2(nd, p + i));
				u = g3(nd, p + i + 2);
				P("\n\t          SF (0x%x) Application Protocol ID is %s", u >> 22,
				  (u >> 22) ? "Socket Number" : "L2 EtherType");
				P("\n\t          OUI: 0x%06x", u & 0x3fffff);
				P("\n\t          User Priority Map: 0x%02x", g1(nd, p + i + 5));
			}
			break;
		default:
			hexdump = 1;
			break;
		}
		if (nd->o->vflag > 1 || (nd->o->vflag && hexdump))
			unknown_data_print(nd, p, "\n\t    ", (int)tl);
		tlen -= tl;
		p += tl;
	}
	return hexdump;
}

int lldp_org_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t oui = g3(nd, p);

	P(": OUI %s (0x%06x)", tok_or(oui_names, oui, "Unknown"), oui);
	switch (oui) {
	case 0x0080c2:
		return dot1_print(nd, p, len);
	case 0x00120f:
		return dot3_print(nd, p, len);
	case 0x00005e:
		return iana_print(nd, p, len);
	case 0x0012bb:
		return tia_print(nd, p, len);
	case 0x001b21:
		return dcbx_print(nd, p, len);
	default:
		return 1;
	}
}
