/* LLDP (IEEE 802.1AB, ethertype 0x88cc), as tcpdump 4.99.3 prints it:
 * "LLDP, length N" and the system name; with -v every TLV, with -vv a hex
 * dump of each.  The organisation-specific TLVs are in print-lldp-org.c. */
#include "dissect-int.h"

static const struct tok tlv_names[] = {
	{ 0, "End" }, { 1, "Chassis ID" }, { 2, "Port ID" }, { 3, "Time to Live" },
	{ 4, "Port Description" }, { 5, "System Name" }, { 6, "System Description" },
	{ 7, "System Capabilities" }, { 8, "Management Address" },
	{ 127, "Organization specific" }, { 0, NULL }
};

static const struct tok chassis_subtypes[] = {
	{ 1, "Chassis component" }, { 2, "Interface alias" }, { 3, "Port component" },
	{ 4, "MAC address" }, { 5, "Network address" }, { 6, "Interface name" },
	{ 7, "Local" }, { 0, NULL }
};

static const struct tok port_subtypes[] = {
	{ 1, "Interface alias" }, { 2, "Port component" }, { 3, "MAC address" },
	{ 4, "Network Address" }, { 5, "Interface Name" }, { 6, "Agent circuit ID" },
	{ 7, "Local" }, { 0, NULL }
};

static const struct tok sys_caps[] = {
	{ 0x01, "Other" }, { 0x02, "Repeater" }, { 0x04, "Bridge" }, { 0x08, "WLAN AP" },
	{ 0x10, "Router" }, { 0x20, "Telephone" }, { 0x40, "Docsis" },
	{ 0x80, "Station Only" }, { 0, NULL }
};

static const struct tok intf_numbering[] = {
	{ 2, "Interface Index" }, { 3, "System Port Number" }, { 0, NULL }
};

/* "AFI name (n): address" from an address family byte and the address;
 * 0 when len is too short for the family. */
static int netaddr_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char b[46];
	unsigned af;
	const char *a;

	if (len < 1)
		return 0;
	len--;
	af = g1(nd, p);
	switch (af) {
	case 1:
		if (len < 4)
			return 0;
		a = ip4_str(nd, p + 1, b);
		break;
	case 2:
		if (len < 16)
			return 0;
		a = ip6_str(nd, p + 1, b);
		break;
	case 6:
		if (len < 6)
			return 0;
		a = mac_str(nd, p + 1, b);
		break;
	default:
		P("AFI %s (%u), no AF printer !", tok_or(af_names, af, "Unknown"), af);
		return 1;
	}
	P("AFI %s (%u): %s", tok_or(af_names, af, "Unknown"), af, a);
	return 1;
}

/* Chassis ID and Port ID: 0 when too short (truncation follows), else 1;
 * *hexdump set for a subtype that is not decoded. */
static int id_print(struct nd *nd, const struct tok *subtypes, int port,
		    const uint8_t *p, uint32_t len, int *hexdump)
{
	char b[18];
	unsigned st;

	if (len < 2)
		return 0;
	st = g1(nd, p);
	P("\n\t  Subtype %s (%u): ", tok_or(subtypes, st, "Unknown"), st);
	/* The MAC and network address subtypes are 4 and 5 for the chassis,
	 * 3 and 4 for the port; the text ones are the rest of 1..7. */
	if (st == (port ? 3u : 4u)) {
		if (len < 7)
			return 0;
		P("%s", mac_str(nd, p + 1, b));
	} else if (st == (port ? 4u : 5u)) {
		if (!netaddr_print(nd, p + 1, len - 1))
			return 0;
	} else if (st >= 1 && st <= 7) {
		chars_print_z(nd, p + 1, len - 1);
	} else {
		*hexdump = 1;
	}
	return 1;
}

static int mgmt_addr_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned alen, st, oidlen;

	if (len < 1)
		return 0;
	alen = g1(nd, p);
	p++;
	len--;
	if (len < alen)
		return 0;
	/* the text goes after a heading, so check before printing it */
	if (alen < 1)
		return 0;
	switch (g1(nd, p)) {
	case 1: if (alen - 1 < 4) return 0; break;
	case 2: if (alen - 1 < 16) return 0; break;
	case 6: if (alen - 1 < 6) return 0; break;
	default: break;
	}
	P("\n\t  Management Address length %u, ", alen);
	netaddr_print(nd, p, alen);
	p += alen;
	len -= alen;
	if (len < 5)
		return 0;
	st = g1(nd, p);
	P("\n\t  %s Interface Numbering (%u): %u", tok_or(intf_numbering, st, "Unknown"),
	  st, g4(nd, p + 1));
	p += 5;
	len -= 5;
	if (len) {
		oidlen = g1(nd, p);
		if (len < 1 + oidlen)
			return 0;
		if (oidlen) {
			P("\n\t  OID length %u", oidlen);
			chars_print_z(nd, p + 1, oidlen);
		}
	}
	return 1;
}

void lldp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	const int v = nd->o->vflag;
	uint32_t tlen = len, type, tl;
	const uint8_t *tp = p;
	unsigned cap, ena;
	int hexdump;

	nd->proto = "lldp";
	P("LLDP, length %u", len);
	while (tlen >= 2) {
		if (!nd_ok(nd, tp, 2))
			goto trunc;
		type = tp[0] >> 1;
		tl = (uint32_t)(tp[0] & 1) << 8 | tp[1];
		hexdump = 0;
		tlen -= 2;
		tp += 2;
		if (v)
			P("\n\t%s TLV (%u), length %u", tok_or(tlv_names, type, "Unknown"), type, tl);
		if (type == 0 || tl == 0)
			break;
		if (!nd_ok(nd, tp, tl) || tlen < tl)
			goto trunc;
		switch (type) {
		case 1:
		case 2:
			if (v && !id_print(nd, type == 1 ? chassis_subtypes : port_subtypes,
					   type == 2, tp, tl, &hexdump))
				goto trunc;
			break;
		case 3:
			if (v) {
				if (tl < 2)
					goto trunc;
				P(": TTL %us", g2(nd, tp));
			}
			break;
		case 4:
			if (v) {
				P(": ");
				chars_print_z(nd, tp, tl);
			}
			break;
		case 5:
			/* the only TLV shown without -v */
			P(": ");
			chars_print_z(nd, tp, tl);
			break;
		case 6:
			if (v) {
				P("\n\t  ");
				chars_print_z(nd, tp, tl);
			}
			break;
		case 7:
			if (v) {
				if (tl < 4)
					goto trunc;
				cap = g2(nd, tp);
				ena = g2(nd, tp + 2);
				P("\n\t  System  Capabilities [");
				bits_print(nd, sys_caps, "none", cap, ", ");
				P("] (0x%04x)", cap);
				P("\n\t  Enabled Capabilities [");
				bits_print(nd, sys_caps, "none", ena, ", ");
				P("] (0x%04x)", ena);
			}
			break;
		case 8:
			if (v && !mgmt_addr_print(nd, tp, tl))
				goto trunc;
			break;
		case 127:
			if (v) {
				if (tl < 3)
					goto trunc;
				hexdump = lldp_org_print(nd, tp, tl);
			}
			break;
		default:
			hexdump = 1;
			break;
		}
		if (v > 1 || (v && hexdump))
			unknown_data_print(nd, tp, "\n\t  ", (int)tl);
		tlen -= tl;
		tp += tl;
	}
	return;
trunc:
	nd_trunc(nd);
}
