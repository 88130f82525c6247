/* The Juniper link types as tcpdump 4.99.3 prints them: the router's
 * "MGC" capture header (flags, extension TLVs), the PIC's cookie, and
 * per link type the payload after it (Ethernet, ATM, PPP, PPPoE, Frame
 * Relay, C-HDLC, multilink PPP/FR, IPsec ES, GGSN, monitoring and
 * services PICs). */
#include <stdio.h>

#include "dissect-int.h"
#include "ppp-int.h"

#define JNX_MAGIC	0x4d4743u	/* "MGC" */

/* the flags byte after the magic */
#define JNX_F_IN	0x01
#define JNX_F_NO_L2	0x02
#define JNX_F_IIF	0x04
#define JNX_F_FILTER	0x40
#define JNX_F_EXT	0x80

static const struct tok jnx_flags[] = {
	{ JNX_F_EXT, "Ext" }, { JNX_F_FILTER, "Filter" }, { JNX_F_IIF, "IIF" },
	{ JNX_F_NO_L2, "no-L2" }, { JNX_F_IN, "In" }, { 0, NULL }
};

/* extension TLV types */
#define TLV_IFD_NAME		2
#define TLV_IFD_MEDIATYPE	3
#define TLV_IFL_ENCAPS		6
#define TLV_TTP_IFD_MEDIATYPE	7
#define TLV_TTP_IFL_ENCAPS	8

static const struct tok jnx_tlvs[] = {
	{ 1, "Device Interface Index" }, { 2, "Device Interface Name" },
	{ 3, "Device Media Type" }, { 4, "Logical Interface Index" },
	{ 5, "Logical Unit Number" }, { 6, "Logical Interface Encapsulation" },
	{ 7, "TTP derived Device Media Type" },
	{ 8, "TTP derived Logical Interface Encapsulation" }, { 0, NULL }
};

/* interface media types */
static const struct tok jnx_media[] = {
	{ 1, "Ethernet" }, { 2, "FDDI" }, { 3, "Token-Ring" }, { 4, "PPP" },
	{ 57, "PPP-Subordinate" }, { 5, "Frame-Relay" }, { 6, "Cisco-HDLC" },
	{ 7, "SMDS-DXI" }, { 8, "ATM-PVC" }, { 9, "PPP-CCC" }, { 10, "Frame-Relay-CCC" },
	{ 48, "Extended FR-CCC" }, { 11, "IP-over-IP" }, { 12, "GRE" },
	{ 13, "PIM-Encapsulator" }, { 14, "PIM-Decapsulator" }, { 15, "Cisco-HDLC-CCC" },
	{ 16, "VLAN-CCC" }, { 32, "Extended-VLAN-CCC" }, { 17, "Multilink-PPP" },
	{ 18, "Multilink-FR" }, { 39, "Multilink-FR-UNI-NNI" }, { 19, "Multilink" },
	{ 40, "LinkService" }, { 20, "LSI" }, { 22, "ATM-CCC-Cell-Relay" },
	{ 23, "IPSEC-over-IP" }, { 24, "GGSN" }, { 27, "PPP-TCC" },
	{ 28, "Frame-Relay-TCC" }, { 49, "Extended FR-TCC" }, { 29, "Cisco-HDLC-TCC" },
	{ 30, "Ethernet-CCC" }, { 31, "VPN-Loopback-tunnel" }, { 33, "Ethernet-over-ATM" },
	{ 46, "Ethernet-VPLS-over-ATM" }, { 34, "Monitor" }, { 35, "Ethernet-TCC" },
	{ 36, "VLAN-TCC" }, { 37, "Extended-VLAN-TCC" }, { 38, "Controller" },
	{ 41, "VPLS" }, { 42, "VLAN-VPLS" }, { 43, "Extended-VLAN-VPLS" },
	{ 44, "Logical-tunnel" }, { 45, "General-Services" }, { 56, "PPPoE" },
	{ 52, "Flexible-Ethernet-Services" }, { 50, "Flexible-FrameRelay" },
	{ 53, "Flow-collection" }, { 60, "PIC Peer" }, { 59, "Dynamic-Flow-Capture" },
	{ 0, NULL }
};

/* logical interface encapsulations */
static const struct tok jnx_encaps[] = {
	{ 59, "Aggregator" }, { 9, "CCC over ATM" }, { 32, "ATM CCC Cell Relay" },
	{ 26, "CISCO compatible NLPID" }, { 56, "Ethernet over ATM CCC" },
	{ 41, "Ethernet over ATM LLC" }, { 53, "Ethernet VPLS over ATM LLC" },
	{ 5, "ATM LLC" }, { 55, "MLPPP over ATM LLC" }, { 3, "ATM NLPID" },
	{ 61, "PPPoE over ATM LLC" }, { 8, "PPP over FUNI" }, { 7, "PPP over ATM LLC" },
	{ 6, "PPP over ATM VCMUX" }, { 2, "ATM SNAP" }, { 43, "ATM SNAP TCC" },
	{ 35, "ATM VCMUX TCC" }, { 4, "ATM VCMUX" }, { 18, "C-HDLC" }, { 25, "C-HDLC CCC" },
	{ 65, "C-HDLC via dialer" }, { 38, "C-HDLC TCC" }, { 58, "Collector" },
	{ 33, "Crypto" }, { 14, "Ethernet" }, { 39, "Ethernet CCC" },
	{ 51, "Extended VLAN VPLS" }, { 62, "PPPoE over Ethernet" }, { 45, "Ethernet TCC" },
	{ 50, "VLAN VPLS" }, { 49, "VPLS" }, { 42, "Extended VLAN CCC" },
	{ 47, "Extended VLAN TCC" }, { 13, "FR CCC" }, { 10, "FR NLPID" }, { 54, "FR CCC" },
	{ 12, "FR PPP" }, { 11, "FR SNAP" }, { 36, "FR TCC" }, { 34, "GGSN" },
	{ 22, "GRE NULL" }, { 23, "PPP over GRE" }, { 20, "IPIP" }, { 60, "LAPD" },
	{ 30, "LSI Null" }, { 57, "LT VLAN" }, { 48, "MFR" }, { 29, "MLFR" }, { 28, "MLPPP" },
	{ 44, "Monitor" }, { 24, "PIMd" }, { 21, "PIM Null" }, { 17, "PPP" }, { 63, "PPPoE" },
	{ 19, "PPP CCC" }, { 64, "" }, { 37, "PPP TCC" }, { 52, "General Services" },
	{ 27, "VLAN CCC" }, { 46, "VLAN TCC" }, { 40, "VT" }, { 0, NULL }
};

/* The PICs that put a cookie after the header: its usual length and the
 * name -e shows. */
static const struct pic {
	int dlt;
	unsigned cookie_len;
	const char *name;
} pics[] = {
	{ DLT_JUNIPER_ATM1_, 4, "ATM1" }, { DLT_JUNIPER_ATM2_, 8, "ATM2" },
	{ DLT_JUNIPER_MLPPP_, 2, "MLPPP" }, { DLT_JUNIPER_MLFR_, 2, "MLFR" },
	{ DLT_JUNIPER_MFR_, 4, "MFR" }, { DLT_JUNIPER_PPPOE_, 0, "PPPoE" },
	{ DLT_JUNIPER_PPPOE_ATM_, 0, "PPPoE ATM" }, { DLT_JUNIPER_GGSN_, 8, "GGSN" },
	{ DLT_JUNIPER_MONITOR_, 8, "MONITOR" }, { DLT_JUNIPER_SERVICES_, 8, "AS" },
	{ DLT_JUNIPER_ES_, 0, "ES" },
};

/* a cookie's first byte: link services, adaptive services */
#define COOKIE_LS	0x54
#define COOKIE_AS	0x47

/* the layer 3 protocol an AS cookie's sixth byte gives */
#define LSQ_IPV4	0x00
#define LSQ_IPV6	0x10
#define LSQ_MPLS	0x20
#define LSQ_ISO		0x30
#define LSQ_MASK	0x70

#define LSQ_COOKIE_RE	0x08
#define LSQ_COOKIE_DIR	0x04

/* What the common header says about a frame. */
struct jnx {
	int dlt;
	uint32_t length, caplen;	/* after the header (and cookie) */
	uint32_t hdrlen;
	uint8_t flags;
	unsigned cookie_len, cookie_type;
	uint8_t cookie[8];
	unsigned bundle;
	unsigned proto;
};

static unsigned be16(const uint8_t *b)
{
	return (unsigned)b[0] << 8 | b[1];
}

/* An IPv4 or IPv6 header by its first byte; 0 when it is neither. */
static int ip_guess(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint8_t b = g1(nd, p);

	if (b >= 0x45 && b <= 0x4f)
		ip_print(nd, p, len);
	else if ((b & 0xf0) == 0x60)
		ip6_print(nd, p, len);
	else
		return 0;
	return 1;
}

/* PPP without address and control, by the protocols a Juniper router
 * speaks; 0 when the first two bytes are none of them. */
static int ppp_guess(struct nd *nd, const uint8_t *p, uint32_t len)
{
	switch (g2(nd, p)) {
	case 0x0021: case 0x0023: case 0x0281: case 0x0283: case 0x8021:
	case 0x8023: case 0x8281: case PPP_LCP_: case PPP_PAP_: case PPP_CHAP_:
	case 0x003d: case 0x0057: case 0x8057:
		ppp_print(nd, p, len);
		return 1;
	}
	return 0;
}

/* A TLV value of 1 to 4 bytes: little-endian below type 128, big-endian
 * from it on; -1 for other lengths (and, as in tcpdump, for all ones). */
static int32_t tlv_value(struct nd *nd, const uint8_t *p, unsigned type, unsigned len)
{
	uint32_t v = 0;
	unsigned i;

	if (len < 1 || len > 4)
		return -1;
	gcheck(nd, p, len);
	for (i = 0; i < len; i++) {
		if (type < 128)
			v |= (uint32_t)p[i] << (8 * i);
		else
			v = v << 8 | p[i];
	}
	return (int32_t)v;
}

/* The extension TLVs (-vv prints them); 0 when one is longer than what
 * is left of them. */
static int tlvs_print(struct nd *nd, const uint8_t *tp, unsigned extlen)
{
	const struct tok *names;
	unsigned type, len;
	int32_t v;
	char b[16];

	while (extlen > 2) {
		type = g1(nd, tp);
		len = g1(nd, tp + 1);
		tp += 2;
		if (type == 0 || len == 0)
			break;
		if (extlen < len + 2) {
			P(" [extension_length %u < %u]", extlen, len + 2);
			return 0;
		}
		if (nd->o->vflag > 1)
			P("\n\t  %s Extension TLV #%u, length %u, value ",
			  tok2str(jnx_tlvs, "Unknown", type, b, sizeof(b)), type, len);
		v = tlv_value(nd, tp, type, len);
		names = NULL;
		if (type == TLV_IFD_MEDIATYPE || type == TLV_TTP_IFD_MEDIATYPE)
			names = jnx_media;
		else if (type == TLV_IFL_ENCAPS || type == TLV_TTP_IFL_ENCAPS)
			names = jnx_encaps;
		if (type != TLV_IFD_NAME && v != -1 && nd->o->vflag > 1) {
			if (names)
				P("%s (%u)", tok_or(names, (unsigned)v, "Unknown"), (unsigned)v);
			else
				P("%u", (unsigned)v);
		}
		tp += len;
		extlen -= len + 2;
	}
	return 1;
}

static const struct pic *pic_of(int dlt)
{
	size_t i;

	for (i = 0; i < sizeof(pics) / sizeof(pics[0]); i++)
		if (pics[i].dlt == dlt)
			return &pics[i];
	return NULL;
}

/* The header, the cookie and what the link type adds to them; 0 when
 * the payload is not to be printed (j->hdrlen is then what the -x dump
 * skips). */
static int jnx_header(struct nd *nd, const uint8_t *p, struct jnx *j)
{
	const struct pic *pic;
	uint32_t hl, extlen, cl, i;

	j->flags = g1(nd, p + 3);
	if (g3(nd, p) != JNX_MAGIC) {
		P("no magic-number found!");
		return 0;
	}
	if (nd->o->eflag)
		P("%3s ", (j->flags & JNX_F_IN) ? "In" : "Out");
	hl = 4;
	if (nd->o->vflag > 1) {
		P("\n\tJuniper PCAP Flags [");
		bits_print(nd, jnx_flags, "none", j->flags, ", ");
		P("]");
	}
	if (j->flags & JNX_F_EXT) {
		extlen = g2(nd, p + 4);
		hl += 2 + extlen;
		if (nd->o->vflag > 1)
			P(", PCAP Extension(s) total length %u", extlen);
		gcheck(nd, p + 6, extlen);
		if (!tlvs_print(nd, p + 6, extlen)) {
			P(" (invalid)");
			return 0;
		}
		if (nd->o->vflag > 1)
			P("\n\t-----original packet-----\n\t");
	}
	if (j->flags & JNX_F_NO_L2) {
		if (nd->o->eflag)
			P("no-L2-hdr, ");
		/* no link header: an IP header, perhaps */
		gcheck(nd, p + hl + 4, 1);
		if (!ip_guess(nd, p + hl + 4, j->length - (hl + 4)))
			P("no IP-hdr found!");
		j->hdrlen = hl + 4;
		return 0;
	}
	j->hdrlen = hl;
	p += hl;
	j->length -= hl;
	j->caplen -= hl;

	cl = 0;
	pic = pic_of(j->dlt);
	if (pic) {
		cl = pic->cookie_len;
		switch (g1(nd, p)) {
		case COOKIE_LS:
			j->cookie_type = COOKIE_LS;
			cl += 2;
			break;
		case COOKIE_AS:
			j->cookie_type = COOKIE_AS;
			cl = 8;
			break;
		}
		/* an MFR child link has no cookie */
		if (j->dlt == DLT_JUNIPER_MFR_ && (p[0] & 0xc0) == 0xc0)
			cl = 0;
		j->cookie_len = cl;
		j->hdrlen += cl;
		j->length -= cl;
		j->caplen -= cl;
		if (nd->o->eflag)
			P("%s-PIC, cookie-len %u", pic->name, cl);
		if (cl > 8) {
			P(" (invalid)");
			return 0;
		}
		if (cl > 0) {
			gcheck(nd, p, cl);
			if (nd->o->eflag)
				P(", cookie 0x");
			for (i = 0; i < cl; i++) {
				j->cookie[i] = p[i];
				if (nd->o->eflag)
					P("%02x", p[i]);
			}
		}
		if (nd->o->eflag)
			P(": ");
		j->proto = g2(nd, p + cl);
	}
	p += cl;

	switch (j->dlt) {
	case DLT_JUNIPER_MLPPP_:
	case DLT_JUNIPER_MLFR_:
	case DLT_JUNIPER_MFR_:
		if (j->cookie_type == COOKIE_AS) {
			j->bundle = (be16(j->cookie + 6) >> 3) & 0xfff;
			j->proto = j->cookie[5] & LSQ_MASK;
			break;
		}
		j->bundle = j->cookie[j->cookie_type == COOKIE_LS ? 1 : 0];
		if (j->dlt == DLT_JUNIPER_MLPPP_ ||
		    (j->dlt == DLT_JUNIPER_MFR_ && j->cookie_type != COOKIE_LS))
			break;
		/* the protocol field is part of the header */
		j->proto = g2(nd, p);
		j->hdrlen += 2;
		j->length -= 2;
		j->caplen -= 2;
		break;
	case DLT_JUNIPER_ATM2_: {
		uint32_t cw;

		gcheck(nd, p, 4);
		if (!(j->cookie[7] & 0x70))
			break;
		/* a cell relay control word */
		cw = g4(nd, p);
		if (cw == 0 || cw == 0x08000000 || cw == 0x08380000)
			j->hdrlen += 4;
		if (nd->o->eflag)
			P("control-word 0x%08x ", cw);
		break;
	}
	}
	if (nd->o->eflag)
		P("hlen %u, proto 0x%04x, ", j->hdrlen, j->proto);
	return 1;
}

/* ---- the link types ---- */

static void es_print(struct nd *nd, const uint8_t *p, struct jnx *j)
{
	static const struct tok types[] = {
		{ 1, "ESP ENCR-AUTH" }, { 2, "ESP ENCR-AH AUTH" }, { 3, "ESP AUTH" },
		{ 4, "AH AUTH" }, { 5, "ESP ENCR" }, { 0, NULL }
	};
	unsigned type, rewrite;
	char s[16], d[16];

	gcheck(nd, p, 16);
	type = p[3];
	if (type < 1 || type > 5) {
		P("ES Invalid type %u, length %u", type, j->length);
		return;
	}
	/* all but the bundles have their tunnel's addresses before the
	 * packet */
	rewrite = type <= 2 ? 0 : 16;
	j->length -= rewrite;
	if (nd->o->eflag) {
		P("ES SA, index %u, ttl %u type %s (%u), ", g2(nd, p), p[2],
		  tok_or(types, type, "Unknown"), type);
		if (rewrite)
			P("spi %u, Tunnel %s > %s, ", g4(nd, p + 4), ip4_str(nd, p + 8, s),
			  ip4_str(nd, p + 12, d));
		P("length %u\n", j->length);
	}
	ip_print(nd, p + rewrite, j->length);
}

static void ggsn_print(struct nd *nd, const uint8_t *p, struct jnx *j)
{
	static const struct tok protos[] = {
		{ 1, "Null" }, { 2, "IPv4" }, { 6, "IPv6" }, { 0, NULL }
	};
	unsigned proto = j->cookie[2];

	if (nd->o->eflag)
		P("proto %s (%u), vlan %u: ", tok_or(protos, proto, "Unknown"), proto,
		  be16(j->cookie + 4));
	if (proto == 2)
		ip_print(nd, p, j->length);
	else if (proto == 6)
		ip6_print(nd, p, j->length);
	else if (!nd->o->eflag)
		P("unknown GGSN proto (%u)", proto);
}

/* The payload of an LSQ (AS cookie) frame by the protocol it gives; 0
 * when it gives none of them. */
static int lsq_print(struct nd *nd, const uint8_t *p, struct jnx *j)
{
	switch (j->proto) {
	case LSQ_IPV4:
		/* inbound to the routing engine: PPP (IS-IS), not IP */
		if (j->dlt == DLT_JUNIPER_MLPPP_ &&
		    j->cookie[4] == (LSQ_COOKIE_RE | LSQ_COOKIE_DIR))
			ppp_print(nd, p, j->length);
		else
			ip_print(nd, p, j->length);
		return 1;
	case LSQ_IPV6:
		ip6_print(nd, p, j->length);
		return 1;
	case LSQ_MPLS:
		mpls_print(nd, p, j->length);
		return 1;
	case LSQ_ISO:
		isoclns_print(nd, p, j->length);
		return 1;
	}
	return 0;
}

static void mlppp_print(struct nd *nd, const uint8_t *p, struct jnx *j)
{
	unsigned c = be16(j->cookie);

	/* a child link's frames have a PPP header where the cookie is */
	if (nd->o->eflag && c != 0x0023 && c != 0xff03)
		P("Bundle-ID %u: ", j->bundle);
	if (lsq_print(nd, p, j))
		return;
	if (c == 0x0023)
		ppp_print(nd, p - 2, j->length + 2);
	else
		ppp_print(nd, p, j->length);
}

/* Multilink Frame Relay: FRF.16 (mfr) or FRF.15 (mlfr) bundles */
static void mlfr_print(struct nd *nd, const uint8_t *p, struct jnx *j, int mfr)
{
	if (mfr && j->cookie_len == 0) {
		mfr_print(nd, p, j->length);
		return;
	}
	if (mfr && j->cookie_len == 8) {
		lsq_print(nd, p, j);
		return;
	}
	/* a child link's cookie is 1 */
	if (nd->o->eflag && ((uint32_t)be16(j->cookie) << 16 | be16(j->cookie + 2)) != 1)
		P("Bundle-ID %u, ", j->bundle);
	switch (j->proto) {
	case 0xfefe:
		if (!mfr)
			goto unknown;
		gcheck(nd, p, 1);
		isoclns_print(nd, p + 1, j->length - 1);
		break;
	case 0x0003: case 0x0300:
		if (mfr)
			goto unknown;
		isoclns_print(nd, p, j->length);
		break;
	case 0x0308: case 0x03cc: case 0x038e:
		/* the OSI printer prints IP too, after the NLPID */
		isoclns_print(nd, p - 1, j->length + 1);
		break;
	default:
	unknown:
		P("unknown protocol 0x%04x, length %u", j->proto, j->length);
	}
}

/* ATM1 and ATM2 PICs: OAM cells, LLC/SNAP, Cisco's NLPID, (ATM2:
 * Ethernet, PPP) or plain IP */
static void atm_pic_print(struct nd *nd, const uint8_t *p, struct jnx *j, int atm2)
{
	uint32_t llc;

	if (atm2 ? (j->cookie[7] & 0x70) != 0 : j->cookie[0] == 0x80) {
		atm_oam_print(nd, p, j->length, 0);
		return;
	}
	llc = g3(nd, p);
	if ((llc == 0xfefe03 || llc == 0xaaaa03) &&
	    llc_print(nd, p, j->length, j->caplen, NULL, NULL) > 0)
		return;
	if (atm2 && !(j->flags & JNX_F_IN) &&
	    (j->cookie[3] & 0x3f)) {
		ether_print(nd, p, j->length, j->caplen);
		return;
	}
	if (g1(nd, p) == 0x03) {
		isoclns_print(nd, p + 1, j->length - 1);
		return;
	}
	if (atm2 && ppp_guess(nd, p, j->length))
		return;
	ip_guess(nd, p, j->length);
}

static void pppoe_atm_print(struct nd *nd, const uint8_t *p, struct jnx *j)
{
	uint16_t et = g2(nd, p);

	if (!ethertype_print(nd, et, p + 2, j->length - 2, j->caplen - 2, NULL))
		P("unknown ethertype 0x%04x", et);
}

/* tcpdump's name for each link type, in " [|name]" */
static const char *const link_names[] = {
	[DLT_JUNIPER_MLPPP_] = "juniper_mlppp", [DLT_JUNIPER_MLFR_] = "juniper_mlfr",
	[DLT_JUNIPER_ES_] = "juniper_es", [DLT_JUNIPER_GGSN_] = "juniper_ggsn",
	[DLT_JUNIPER_MFR_] = "juniper_mfr", [DLT_JUNIPER_ATM2_] = "juniper_atm2",
	[DLT_JUNIPER_SERVICES_] = "juniper_services", [DLT_JUNIPER_ATM1_] = "juniper_atm1",
	[DLT_JUNIPER_MONITOR_] = "juniper_monitor", [DLT_JUNIPER_PPPOE_] = "juniper_pppoe",
	[DLT_JUNIPER_PPPOE_ATM_] = "juniper_pppoe_atm", [DLT_JUNIPER_ETHER_] = "juniper_ether",
	[DLT_JUNIPER_PPP_] = "juniper_ppp", [DLT_JUNIPER_FRELAY_] = "juniper_frelay",
	[DLT_JUNIPER_CHDLC_] = "juniper_chdlc",
};

uint32_t juniper_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	struct jnx j = { .dlt = dlt, .length = len, .caplen = caplen };

	nd->proto = link_names[dlt];
	if (!jnx_header(nd, p, &j))
		return j.hdrlen;
	p += j.hdrlen;
	switch (dlt) {
	case DLT_JUNIPER_ETHER_:
		return j.hdrlen + ether_print(nd, p, j.length, j.caplen);
	case DLT_JUNIPER_PPPOE_:
		ether_print(nd, p, j.length, j.caplen);
		break;
	case DLT_JUNIPER_PPP_:
		ppp_print(nd, p, j.length);
		break;
	case DLT_JUNIPER_FRELAY_:
		fr_print(nd, p, j.length);
		break;
	case DLT_JUNIPER_CHDLC_:
		chdlc_print(nd, p, j.length);
		break;
	case DLT_JUNIPER_PPPOE_ATM_:
		pppoe_atm_print(nd, p, &j);
		break;
	case DLT_JUNIPER_ES_:
		es_print(nd, p, &j);
		break;
	case DLT_JUNIPER_GGSN_:
		ggsn_print(nd, p, &j);
		break;
	case DLT_JUNIPER_MONITOR_:
		gcheck(nd, p, 8);
		if (nd->o->eflag)
			P("service-id %u, iif %u, pkt-type %u: ", g4(nd, p + 4), g2(nd, p + 2), p[0]);
		ip_guess(nd, p, j.length);
		break;
	case DLT_JUNIPER_SERVICES_:
		gcheck(nd, p, 8);
		if (nd->o->eflag)
			P("service-id %u flags 0x%02x service-set-id 0x%04x iif %u: ", p[0], p[1],
			  g2(nd, p + 2), g3(nd, p + 5));
		ip_guess(nd, p, j.length);
		break;
	case DLT_JUNIPER_MLPPP_:
		mlppp_print(nd, p, &j);
		break;
	case DLT_JUNIPER_MLFR_:
	case DLT_JUNIPER_MFR_:
		mlfr_print(nd, p, &j, dlt == DLT_JUNIPER_MFR_);
		break;
	case DLT_JUNIPER_ATM1_:
	case DLT_JUNIPER_ATM2_:
		atm_pic_print(nd, p, &j, dlt == DLT_JUNIPER_ATM2_);
		break;
	}
	return j.hdrlen;
}
