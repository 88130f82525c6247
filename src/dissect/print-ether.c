/* Ethernet II / 802.1Q / 802.1ad and the ethertype dispatcher. */
#include <stdio.h>

#include "dissect-int.h"

static const struct tok ethertypes[] = {
	{ 0x0800, "IPv4" }, { 0x8847, "MPLS unicast" }, { 0x8848, "MPLS multicast" },
	{ 0x86dd, "IPv6" }, { 0x8100, "802.1Q" }, { 0x9100, "802.1Q-9100" },
	{ 0x88a8, "802.1Q-QinQ" }, { 0x9200, "802.1Q-9200" }, { 0x88e5, "802.1AE MACsec" },
	{ 0x0200, "PUP" }, { 0x0806, "ARP" }, { 0x8035, "Reverse ARP" },
	{ 0x0600, "NS" }, { 0x0500, "Sprite" }, { 0x1000, "Trail" },
	{ 0x6001, "MOP DL" }, { 0x6002, "MOP RC" }, { 0x6003, "DN" }, { 0x6004, "LAT" },
	{ 0x6007, "SCA" }, { 0x6558, "TEB" }, { 0x8038, "Lanbridge" },
	{ 0x803c, "DEC DNS" }, { 0x803e, "DEC DTS" }, { 0x805b, "VEXP" }, { 0x805c, "VPROD" },
	{ 0x809b, "Appletalk" }, { 0x80f3, "Appletalk ARP" }, { 0x8137, "IPX" },
	{ 0x880b, "PPP" }, { 0x8808, "MPCP" }, { 0x8809, "Slow Protocols" },
	{ 0x8863, "PPPoE D" }, { 0x8864, "PPPoE S" }, { 0x888e, "EAPOL" },
	{ 0x8899, "Realtek protocols" }, { 0x886f, "MS NLB heartbeat" }, { 0x8870, "Jumbo" },
	{ 0x894f, "NSH" }, { 0x9000, "Loopback" }, { 0xfefe, "OSI" }, { 0x00fe, "GRE-OSI" },
	{ 0xabcd, "CFM (old)" }, { 0x8902, "CFM" }, { 0x893a, "IEEE1905.1" },
	{ 0x88cc, "LLDP" }, { 0x88ca, "TIPC" }, { 0x0707, "GeoNet (old)" },
	{ 0x8947, "GeoNet" }, { 0x1111, "CALM FAST" }, { 0x88a2, "AoE" }, { 0x88f7, "PTP" },
	{ 0xd28b, "Arista Vendor Specific Protocol" },
	{ 0, NULL }
};

const char *ethertype_name(uint16_t t)
{
	return tok_or(ethertypes, t, NULL);
}

void encap_proto_print(struct nd *nd, uint16_t t)
{
	const char *n;

	if (nd->o->eflag) {
		n = ethertype_name(t);
		P(", proto %s (0x%04x)", n ? n : "unknown", t);
	}
}

static void type_print(struct nd *nd, uint16_t t)
{
	const char *n = ethertype_name(t);
	if (!nd->o->qflag)
		P("ethertype %s (0x%04x)", n ? n : "Unknown", t);
	else if (n)
		P("%s", n);
	else
		P("Unknown Ethertype (0x%04x)", t);
}

static void addrs_print(struct nd *nd, const uint8_t *src, const uint8_t *dst)
{
	char a[18], b[18];
	P("%s > %s, ", mac_str(nd, src, a), mac_str(nd, dst, b));
}

/* 1 when printed, 0 when the type is not known. */
int ethertype_print(struct nd *nd, uint16_t type, const uint8_t *p, uint32_t len, uint32_t caplen,
		    const uint8_t *src)
{
	switch (type) {
	case 0x0800:
		ip_print(nd, p, len);
		return 1;
	case 0x86dd:
		ip6_print(nd, p, len);
		return 1;
	case 0x0806:
	case 0x8035:
		arp_print(nd, p, len, caplen);
		return 1;
	case 0x6003:
		decnet_print(nd, p, len, caplen);
		return 1;
	case 0x80f3:
		aarp_print(nd, p, len);
		return 1;
	case 0x8947:
	case 0x0707:
		geonet_print(nd, p, len, src);
		return 1;
	case 0x1111:
		calm_fast_print(nd, p, len, src);
		return 1;
	case 0x88cc:
		lldp_print(nd, p, len);
		return 1;
	case 0x8847:
	case 0x8848:
		mpls_print(nd, p, len);
		return 1;
	case 0x8809:
		slow_print(nd, p, len);
		return 1;
	case 0x88f7:
		ptp_print(nd, p, len);
		return 1;
	case 0x888e:
		eapol_print(nd, p, len);
		return 1;
	case 0x9000:
		loopback_print(nd, p, len);
		return 1;
	case 0x886f:
		msnlb_print(nd, p, len);
		return 1;
	case 0x894f:
		nsh_print(nd, p, len);
		return 1;
	case 0x8863: case 0x8864: case 0x3c12: case 0x3c13:
		pppoe_print(nd, p, len);
		return 1;
	case 0x88a2:
		aoe_print(nd, p, len);
		return 1;
	case 0x88ca:
		tipc_print(nd, p, len);
		return 1;
	case 0x8902:
	case 0xabcd:
		cfm_print(nd, p, len);
		return 1;
	case 0xfefe:	/* OSI: a byte before the NLPID */
		if (len == 0 || caplen == 0) {
			nd->proto = "isoclns";
			nd_trunc(nd);
			return 1;
		}
		isoclns_print(nd, p + 1, len - 1);
		return 1;
	case 0x880b:
		if (len) {
			P(": ");
			ppp_print(nd, p, len);
		}
		return 1;
	default:
		return 0;
	}
}

static int is_vlan(uint16_t t)
{
	return t == 0x8100 || t == 0x9100 || t == 0x9200 || t == 0x88a8;
}

uint32_t ether_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	nd->proto = "ether";
	return ether_tag_print(nd, p, length, caplen, NULL, 0, NULL, NULL);
}

uint32_t ether_tag_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen,
			 void (*tag)(struct nd *, const uint8_t *), uint32_t taglen,
			 void (*encap)(struct nd *, const uint8_t *), const uint8_t *encap_arg)
{
	const uint8_t *src = p + 6, *dst = p;
	uint32_t orig = length, hdrlen;
	uint16_t lt;
	int printed_len = 0;

	if (caplen < 14 + taglen) {
		nd_trunc(nd);
		return caplen;
	}
	if (encap)
		encap(nd, encap_arg);
	if (nd->o->eflag)
		addrs_print(nd, src, dst);
	if (tag)
		tag(nd, p + 12);
	length -= 12 + taglen;
	caplen -= 12 + taglen;
	p += 12 + taglen;
	hdrlen = 12 + taglen;
again:	/* after an Arista timestamp: the original type field */
	lt = g2(nd, p);
	length -= 2;
	caplen -= 2;
	p += 2;
	hdrlen += 2;
	printed_len = 0;
	/* 802.1AE MACsec, decoded (as by tcpdump) only as the first type
	 * field: a frame in clear goes on with the type field after it */
	if (lt == 0x88e5) {
		int r;
		if (nd->o->eflag) {
			type_print(nd, lt);
			P(", length %u: ", orig);
			printed_len = 1;
		}
		r = macsec_print(nd, &p, &length, &caplen, &hdrlen, src, dst);
		if (r == 0) {		/* encrypted */
			default_print(nd, p, caplen);
			return hdrlen;
		}
		if (r > 0)
			return (uint32_t)r;
		lt = g2(nd, p);
		if (caplen < 2) {
			P(" [caplen %u < 2]", caplen);
			return hdrlen;
		}
		length -= 2;
		caplen -= 2;
		p += 2;
		hdrlen += 2;
	}
	while (is_vlan(lt)) {
		if (caplen < 4 || length < 4) {
			nd->proto = "vlan";
			nd_trunc(nd);
			return hdrlen + (caplen < 4 ? caplen : length);
		}
		if (nd->o->eflag) {
			uint16_t tci = g2(nd, p);
			type_print(nd, lt);
			if (!printed_len) {
				P(", length %u: ", orig);
				printed_len = 1;
			} else {
				P(", ");
			}
			P("vlan %u, p %u%s, ", tci & 0xfff, tci >> 13, (tci & 0x1000) ? ", DEI" : "");
		}
		lt = g2(nd, p + 2);
		p += 4;
		length -= 4;
		caplen -= 4;
		hdrlen += 4;
	}
	if (lt <= 1500) {
		/* a length field: 802.3 with an 802.2 LLC header */
		const uint8_t *save;
		int llc_len;
		if (lt < length) {
			length = lt;
			if (caplen > length)
				caplen = length;
		}
		save = nd_push(nd, p, length);
		if (nd->o->eflag) {
			P("802.3");
			if (!printed_len)
				P(", length %u: ", length);
		}
		llc_len = llc_print(nd, p, length, caplen, src, dst);
		if (llc_len < 0) {
			default_print(nd, p, caplen);
			llc_len = -llc_len;
		}
		hdrlen += (uint32_t)llc_len;
		nd->snapend = save;
		return hdrlen;
	}
	if (lt == 0xd28b) {
		int n;
		if (caplen < 2 || length < 2) {
			P("[|arista]");
			return hdrlen + (caplen < 2 ? caplen : length);
		}
		type_print(nd, lt);
		P(", length %u: ", orig);
		n = arista_print(nd, p);
		if (n > 0) {
			p += n;
			length -= (uint32_t)n;
			caplen -= (uint32_t)n;
			hdrlen += (uint32_t)n;
			goto again;
		}
		if (!nd->o->eflag) {
			addrs_print(nd, src, dst);
			type_print(nd, lt);
			P(", length %u: ", orig);
		}
		default_print(nd, p, caplen);
		return hdrlen;
	}
	if (nd->o->eflag) {
		type_print(nd, lt);
		if (!printed_len)
			P(", length %u: ", orig);
		else
			P(", ");
	}
	if (!ethertype_print(nd, lt, p, length, caplen, src)) {
		if (!nd->o->eflag) {
			addrs_print(nd, src, dst);
			type_print(nd, lt);
			P(", length %u: ", orig);
		}
		default_print(nd, p, caplen);
	}
	return hdrlen;
}
