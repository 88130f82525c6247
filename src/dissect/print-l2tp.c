/* L2TP version 2 (RFC 2661) on UDP 1701, as tcpdump 4.99.3 prints it:
 * the header flags and IDs, a control message's AVPs (RFC 2661 and the
 * PPP disconnect cause of RFC 3145), a data message's PPP frame in
 * braces.  L2F (version 1) is only named. */
#include "dissect-int.h"

void l2tp_print(struct nd *nd, const uint8_t *p, uint32_t len);

static const struct tok l2tp_msgtypes[] = {
	{ 1, "SCCRQ" }, { 2, "SCCRP" }, { 3, "SCCCN" }, { 4, "StopCCN" },
	{ 6, "HELLO" }, { 7, "OCRQ" }, { 8, "OCRP" }, { 9, "OCCN" },
	{ 10, "ICRQ" }, { 11, "ICRP" }, { 12, "ICCN" }, { 14, "CDN" },
	{ 15, "WEN" }, { 16, "SLI" }, { 0, NULL }
};

/* How an attribute's value is shown. */
enum {
	V_NONE, V_MSGTYPE, V_RESULT, V_PROTOVER, V_AS, V_AD, V_TIEBRK, V_U16,
	V_STR, V_HEX, V_Q931, V_CHALRESP, V_U32, V_OBSOLETE, V_AUTHTYPE,
	V_AUTHID, V_CALLERR, V_ACCM, V_DISCON
};

static const struct avp_def {
	const char *name;
	uint8_t how;
} avp_defs[] = {
	[0] = { "MSGTYPE", V_MSGTYPE },
	[1] = { "RESULT_CODE", V_RESULT },
	[2] = { "PROTO_VER", V_PROTOVER },
	[3] = { "FRAMING_CAP", V_AS },
	[4] = { "BEARER_CAP", V_AD },
	[5] = { "TIE_BREAKER", V_TIEBRK },
	[6] = { "FIRM_VER", V_U16 },
	[7] = { "HOST_NAME", V_STR },
	[8] = { "VENDOR_NAME", V_STR },
	[9] = { "ASSND_TUN_ID", V_U16 },
	[10] = { "RECV_WIN_SIZE", V_U16 },
	[11] = { "CHALLENGE", V_HEX },
	[12] = { "Q931_CC", V_Q931 },
	[13] = { "CHALLENGE_RESP", V_CHALRESP },
	[14] = { "ASSND_SESS_ID", V_U16 },
	[15] = { "CALL_SER_NUM", V_U32 },
	[16] = { "MINIMUM_BPS", V_U32 },
	[17] = { "MAXIMUM_BPS", V_U32 },
	[18] = { "BEARER_TYPE", V_AD },
	[19] = { "FRAMING_TYPE", V_AS },
	[20] = { "PACKET_PROC_DELAY", V_OBSOLETE },
	[21] = { "CALLED_NUMBER", V_STR },
	[22] = { "CALLING_NUMBER", V_STR },
	[23] = { "SUB_ADDRESS", V_STR },
	[24] = { "TX_CONN_SPEED", V_U32 },
	[25] = { "PHY_CHANNEL_ID", V_U32 },
	[26] = { "INI_RECV_LCP", V_HEX },
	[27] = { "LAST_SENT_LCP", V_HEX },
	[28] = { "LAST_RECV_LCP", V_HEX },
	[29] = { "PROXY_AUTH_TYPE", V_AUTHTYPE },
	[30] = { "PROXY_AUTH_NAME", V_STR },
	[31] = { "PROXY_AUTH_CHAL", V_HEX },
	[32] = { "PROXY_AUTH_ID", V_AUTHID },
	[33] = { "PROXY_AUTH_RESP", V_HEX },
	[34] = { "CALL_ERRORS", V_CALLERR },
	[35] = { "ACCM", V_ACCM },
	[36] = { "RANDOM_VECTOR", V_HEX },
	[37] = { "PRIVATE_GRP_ID", V_STR },
	[38] = { "RX_CONN_SPEED", V_U32 },
	[39] = { "SEQ_REQUIRED", V_NONE },
	[46] = { "PPP_DISCON_CC", V_DISCON },
};

static const struct tok l2tp_authtypes[] = {
	{ 0, "Reserved" }, { 1, "Textual" }, { 2, "CHAP" }, { 3, "PAP" },
	{ 4, "No Auth" }, { 5, "MS-CHAPv1" }, { 0, NULL }
};

static const struct tok l2tp_directions[] = {
	{ 0, "global error" }, { 1, "at peer" }, { 2, "at local" }, { 0, NULL }
};

static void hex_print(struct nd *nd, const uint8_t *p, uint32_t n)
{
	while (n--)
		P("%02x", g1(nd, p++));
}

static void text_print(struct nd *nd, const uint8_t *p, uint32_t n)
{
	while (n--)
		char_print(nd, g1(nd, p++));
}

/* Bits 1 and 0 of a 32-bit value as two letters (framing, bearer). */
static void letters_print(struct nd *nd, const uint8_t *p, uint32_t n, char b1, char b0)
{
	uint32_t v;

	if (n < 4) {
		P("AVP too short");
		return;
	}
	v = g4(nd, p);
	if (v & 2)
		P("%c", b1);
	if (v & 1)
		P("%c", b0);
}

/* 2 reserved bytes, then 32-bit counters, each "name=value " in the given
 * format, as far as the value holds them. */
static void counters_print(struct nd *nd, const uint8_t *p, uint32_t n,
			   const char *const *names, const char *fmt)
{
	if (n < 2) {
		P("AVP too short");
		return;
	}
	p += 2;
	n -= 2;
	for (; *names; names++, p += 4, n -= 4) {
		if (n < 4) {
			P("AVP too short");
			return;
		}
		P("%s=", *names);
		P(fmt, g4(nd, p));
		P(" ");
	}
}

/* The value of an IETF attribute (n bytes, all captured). */
static void avp_value_print(struct nd *nd, unsigned how, const uint8_t *p, uint32_t n)
{
	static const char *const callerr[] = {
		"CRCErr", "FrameErr", "HardOver", "BufOver", "Timeout", "AlignErr", NULL
	};
	static const char *const accm[] = { "send", "recv", NULL };
	static const uint8_t need[] = {
		[V_MSGTYPE] = 2, [V_RESULT] = 2, [V_PROTOVER] = 2, [V_TIEBRK] = 8,
		[V_U16] = 2, [V_Q931] = 3, [V_CHALRESP] = 16, [V_U32] = 4,
		[V_AUTHTYPE] = 2, [V_AUTHID] = 2, [V_DISCON] = 5,
	};
	char b[32];

	if (how < sizeof(need) && n < need[how]) {
		P("AVP too short");
		return;
	}
	switch (how) {
	case V_MSGTYPE:
		P("%s", tok2str(l2tp_msgtypes, "MSGTYPE-#%u", g2(nd, p), b, sizeof(b)));
		break;
	case V_RESULT:
		/* result code, then optional error code and message */
		P("%u", g2(nd, p));
		if (n == 2)
			break;
		if (n < 4) {
			P(" AVP too short");
			break;
		}
		P("/%u", g2(nd, p + 2));
		if (n > 4) {
			P(" ");
			text_print(nd, p + 4, n - 4);
		}
		break;
	case V_PROTOVER:
		P("%u.%u", g1(nd, p), g1(nd, p + 1));
		break;
	case V_AS:
		letters_print(nd, p, n, 'A', 'S');
		break;
	case V_AD:
		letters_print(nd, p, n, 'A', 'D');
		break;
	case V_TIEBRK:
		hex_print(nd, p, 8);
		break;
	case V_U16:
		P("%u", g2(nd, p));
		break;
	case V_STR:
		text_print(nd, p, n);
		break;
	case V_HEX:
		hex_print(nd, p, n);
		break;
	case V_Q931:
		P("%u, %02x", g2(nd, p), g1(nd, p + 2));
		if (n > 3) {
			P(" ");
			text_print(nd, p + 3, n - 3);
		}
		break;
	case V_CHALRESP:
		hex_print(nd, p, 16);
		break;
	case V_U32:
		P("%u", g4(nd, p));
		break;
	case V_OBSOLETE:
		P("obsolete");
		break;
	case V_AUTHTYPE:
		P("%s", tok2str(l2tp_authtypes, "AuthType-#%u", g2(nd, p), b, sizeof(b)));
		break;
	case V_AUTHID:
		P("%u", g2(nd, p) & 0xff);
		break;
	case V_CALLERR:
		counters_print(nd, p, n, callerr, "%u");
		break;
	case V_ACCM:
		counters_print(nd, p, n, accm, "%08x");
		break;
	case V_DISCON:
		P("%04x, %04x ", g2(nd, p), g2(nd, p + 2));
		P("%s", tok2str(l2tp_directions, "Direction-#%u", g1(nd, p + 4), b, sizeof(b)));
		if (n > 5) {
			P(" ");
			text_print(nd, p + 5, n - 5);
		}
		break;
	default:
		break;
	}
}

/* One AVP of at most `left` bytes: its length, or 0 when it cannot be
 * shown (truncation printed). */
static uint32_t avp_print(struct nd *nd, const uint8_t *p, uint32_t left)
{
	uint16_t fl;
	uint32_t len;
	unsigned vendor, attr;
	int known;

	P(" ");
	fl = g2(nd, p);
	len = fl & 0x3ff;
	if (len < 6 || len > left || !nd_ok(nd, p, len)) {
		nd_trunc(nd);
		return 0;
	}
	if (fl & 0x8000)
		P("*");
	if (fl & 0x4000)
		P("?");
	vendor = g2(nd, p + 2);
	attr = g2(nd, p + 4);
	if (vendor) {
		P("VENDOR%04x:ATTR%04x(", vendor, attr);
		hex_print(nd, p + 6, len - 6);
		P(")");
		return len;
	}
	known = attr < sizeof(avp_defs) / sizeof(avp_defs[0]) && avp_defs[attr].name;
	if (known)
		P("%s(", avp_defs[attr].name);
	else
		P("AVP-#%u(", attr);
	if (fl & 0x4000)
		P("???");
	else if (known)
		avp_value_print(nd, avp_defs[attr].how, p + 6, len - 6);
	P(")");
	return len;
}

void l2tp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint16_t flags;
	uint32_t cnt = 2, tlen = 0, n;

	nd->proto = "l2tp";
	flags = g2(nd, p);
	switch (flags & 0x000f) {
	case 2:
		P(" l2tp:");
		break;
	case 1:
		P(" l2f:");
		return;
	default:
		P(" Unknown Version, neither L2F(1) nor L2TP(2)");
		return;
	}
	P("[%s%s%s%s%s]", flags & 0x8000 ? "T" : "", flags & 0x4000 ? "L" : "",
	  flags & 0x0800 ? "S" : "", flags & 0x0200 ? "O" : "", flags & 0x0100 ? "P" : "");
	if (flags & 0x4000) {
		tlen = g2(nd, p + cnt);
		cnt += 2;
	}
	P("(%u/", g2(nd, p + cnt));
	P("%u)", g2(nd, p + cnt + 2));
	cnt += 4;
	if (flags & 0x0800) {
		P("Ns=%u,", g2(nd, p + cnt));
		P("Nr=%u", g2(nd, p + cnt + 2));
		cnt += 4;
	}
	if (flags & 0x0200) {
		/* offset size, then that much padding */
		uint16_t pad = g2(nd, p + cnt);
		if (!nd_ok(nd, p + cnt + 2, pad)) {
			nd_trunc(nd);	/* no early end: -x dumps from the IP header */
			return;
		}
		cnt += 2 + pad;
	}
	if (flags & 0x4000) {
		if (length < tlen) {
			P(" Length %u larger than packet", tlen);
			return;
		}
		length = tlen;
	}
	if (length < cnt) {
		P(" Length %u smaller than header length", length);
		return;
	}
	if (!(flags & 0x8000)) {
		P(" {");
		ppp_print(nd, p + cnt, length - cnt);
		P("}");
		return;
	}
	if (!(flags & 0x4000)) {
		P(" No length");
		return;
	}
	if (length == cnt) {
		P(" ZLB");
		return;
	}
	while (length > cnt) {
		n = avp_print(nd, p + cnt, length - cnt);
		if (n == 0)
			break;
		cnt += n;
	}
}
