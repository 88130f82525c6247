/* IEEE 802.11 frames (link type 105, and after a radiotap header): the
 * MAC header (with -e), control frames, and data frames' LLC payload. */

#include "dissect-int.h"

#define FC_TYPE(fc) (((fc) >> 2) & 3)
#define FC_SUBTYPE(fc) (((fc) >> 4) & 0xf)
#define FC_TO_DS 0x0100
#define FC_FROM_DS 0x0200
#define FC_PROTECTED 0x4000

enum { T_MGMT, T_CTRL, T_DATA };

/* control subtypes from 7 (control wrapper) on: name, header length */
static const struct {
	const char *name;
	unsigned hdrlen;
} ctrl_types[16] = {
	[7] = { "Control Wrapper", 16 }, [8] = { "BAR", 20 }, [9] = { "BA", 10 },
	[10] = { "Power Save-Poll", 16 }, [11] = { "Request-To-Send", 16 },
	[12] = { "Clear-To-Send", 10 }, [13] = { "Acknowledgment", 10 },
	[14] = { "CF-End", 16 }, [15] = { "CF-End+CF-Ack", 16 },
};

/* The header's length by the frame control field; 0 (after saying so)
 * for a reserved type or control subtype. */
static unsigned hdr_len(struct nd *nd, uint16_t fc)
{
	unsigned st = FC_SUBTYPE(fc), n;

	switch (FC_TYPE(fc)) {
	case T_MGMT:
		return 24;
	case T_CTRL:
		if (!ctrl_types[st].hdrlen)
			P("unknown 802.11 ctrl frame subtype (%u)", st);
		return ctrl_types[st].hdrlen;
	case T_DATA:
		n = (fc & FC_TO_DS) && (fc & FC_FROM_DS) ? 30 : 24;
		return (st & 8) ? n + 2 : n;	/* QoS control */
	default:
		P("unknown 802.11 frame type (%u)", FC_TYPE(fc));
		return 0;
	}
}

static void addr_print(struct nd *nd, const char *name, const uint8_t *p)
{
	char m[18];

	P("%s:%s ", name, mac_str(nd, p, m));
}

/* The BAR's addresses and fields (-e header or body alike). */
static void bar_print(struct nd *nd, const uint8_t *h)
{
	char a[18], b[18];

	P(" RA:%s TA:%s CTL(%x) SEQ(%u) ", mac_str(nd, h + 4, a), mac_str(nd, h + 10, b),
	  gl2(nd, h + 16), gl2(nd, h + 18));
}

static void ctrl_hdr_print(struct nd *nd, uint16_t fc, const uint8_t *h)
{
	switch (FC_SUBTYPE(fc)) {
	case 8:
		bar_print(nd, h);
		break;
	case 10:
		addr_print(nd, "BSSID", h + 4);
		addr_print(nd, "TA", h + 10);
		break;
	case 11:
		addr_print(nd, "RA", h + 4);
		addr_print(nd, "TA", h + 10);
		break;
	case 9: case 12: case 13:
		addr_print(nd, "RA", h + 4);
		break;
	case 14: case 15:
		addr_print(nd, "RA", h + 4);
		addr_print(nd, "BSSID", h + 10);
		break;
	}
}

static void data_hdr_print(struct nd *nd, uint16_t fc, const uint8_t *h)
{
	static const char *const names[4][4] = {
		{ "DA", "SA", "BSSID", NULL },	/* neither to nor from DS */
		{ "BSSID", "SA", "DA", NULL },	/* to DS */
		{ "DA", "BSSID", "SA", NULL },	/* from DS */
		{ "RA", "TA", "DA", "SA" },	/* both: 4 addresses */
	};
	static const unsigned off[4] = { 4, 10, 16, 24 };
	unsigned st = FC_SUBTYPE(fc), ds = (fc >> 8) & 3, i;

	if (st & 0xb) {	/* CF-Ack, CF-Poll, QoS */
		P("CF ");
		if ((st & 3) == 3)
			P("Ack/Poll");
		else if (st & 1)
			P("Ack");
		else if (st & 2)
			P("Poll");
		if (st & 8)
			P("+QoS");
		P(" ");
	}
	for (i = 0; i < 4 && names[ds][i]; i++)
		addr_print(nd, names[ds][i], h + off[i]);
}

/* -e: the frame control flags (-v), duration, and addresses. */
static void mac_hdr_print(struct nd *nd, uint16_t fc, const uint8_t *h)
{
	static const struct tok flags[] = {
		{ 0x2000, "More Data " }, { 0x0400, "More Fragments " }, { 0x1000, "Pwr Mgmt " },
		{ 0x0800, "Retry " }, { 0x8000, "Strictly Ordered " }, { 0x4000, "Protected " },
		{ 0, NULL }
	};

	if (nd->o->vflag) {
		bits_print(nd, flags, "", fc, "");
		/* a PS-Poll has the association id there */
		if (FC_TYPE(fc) != T_CTRL || FC_SUBTYPE(fc) != 10)
			P("%uus ", gl2(nd, h + 2));
	}
	switch (FC_TYPE(fc)) {
	case T_MGMT:
		addr_print(nd, "BSSID", h + 16);
		addr_print(nd, "DA", h + 4);
		addr_print(nd, "SA", h + 10);
		break;
	case T_CTRL:
		ctrl_hdr_print(nd, fc, h);
		break;
	case T_DATA:
		data_hdr_print(nd, fc, h);
		break;
	}
}

static void ctrl_body_print(struct nd *nd, uint16_t fc, const uint8_t *h)
{
	unsigned st = FC_SUBTYPE(fc);
	char m[18];

	P("%s", ctrl_types[st].name);
	if (st == 10) {
		P(" AID(%x)", gl2(nd, h + 2));
		return;
	}
	if (nd->o->eflag)
		return;
	switch (st) {
	case 8:
		bar_print(nd, h);
		break;
	case 11:
		P(" TA:%s ", mac_str(nd, h + 10, m));
		break;
	case 9: case 12: case 13: case 14: case 15:
		P(" RA:%s ", mac_str(nd, h + 4, m));
		break;
	}
}

/* A data frame's source and destination by its DS bits. */
static void data_macs(uint16_t fc, const uint8_t *h, const uint8_t **src, const uint8_t **dst)
{
	switch ((fc >> 8) & 3) {
	case 0:
		*src = h + 10;
		*dst = h + 4;
		break;
	case 1:
		*src = h + 10;
		*dst = h + 16;
		break;
	case 2:
		*src = h + 16;
		*dst = h + 4;
		break;
	default:
		*src = h + 24;
		*dst = h + 16;
		break;
	}
}

uint32_t ieee802_11_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen,
			  int pad, uint32_t fcslen)
{
	uint32_t orig_caplen = caplen, hdrlen;
	const uint8_t *h = p, *src, *dst;
	uint16_t fc;
	int lh;

	nd->proto = "802.11";
	if (len < fcslen) {
		nd_trunc(nd);
		return caplen;
	}
	len -= fcslen;
	if (caplen > len) {
		/* the FCS, as far as it was captured, is not frame data */
		nd->snapend -= caplen - len;
		caplen = len;
	}
	if (caplen < 2) {
		nd_trunc(nd);
		return orig_caplen;
	}
	fc = gl2(nd, p);
	hdrlen = hdr_len(nd, fc);
	if (hdrlen == 0)
		return 0;
	if (pad)
		hdrlen = (hdrlen + 3) & ~3u;
	if (caplen < hdrlen) {
		nd_trunc(nd);
		return hdrlen;
	}
	if (nd->o->eflag)
		mac_hdr_print(nd, fc, h);
	len -= hdrlen;
	caplen -= hdrlen;
	p += hdrlen;

	switch (FC_TYPE(fc)) {
	case T_MGMT:
		if (!wifi_mgmt_body_print(nd, fc, h + 10, p, len)) {
			nd->proto = "802.11";
			nd_trunc(nd);
		}
		break;
	case T_CTRL:
		ctrl_body_print(nd, fc, h);
		break;
	case T_DATA:
		if (FC_SUBTYPE(fc) & 4)	/* no data */
			break;
		if (fc & FC_PROTECTED) {
			P("Data");
			if (!wifi_wep_print(nd, p))
				nd_trunc(nd);
			break;
		}
		data_macs(fc, h, &src, &dst);
		lh = llc_print(nd, p, len, caplen, src, dst);
		if (lh < 0) {
			default_print(nd, p, caplen);
			lh = -lh;
		}
		hdrlen += (uint32_t)lh;
		break;
	}
	return hdrlen;
}
