/* PPTP control connection (RFC 2637, TCP port 1723): the 12-byte header
 * and the fields of each control message, as tcpdump prints them. */
#include <stdio.h>

#include "dissect-int.h"

#define PPTP_MAGIC 0x1a2b3c4d

enum {
	SCCRQ = 1, SCCRP, StopCCRQ, StopCCRP, ECHORQ, ECHORP, OCRQ, OCRP,
	ICRQ, ICRP, ICCN, CCRQ, CDN, WEN, SLI
};

static const char *const msg_names[] = {
	"NOT_DEFINED", "SCCRQ", "SCCRP", "StopCCRQ", "StopCCRP", "ECHORQ",
	"ECHORP", "OCRQ", "OCRP", "ICRQ", "ICRP", "ICCN", "CCRQ", "CDN", "WEN",
	"SLI",
};

static const struct tok err_names[] = {
	{ 0, "None" }, { 1, "Not-Connected" }, { 2, "Bad-Format" },
	{ 3, "Bad-Value" }, { 4, "No-Resource" }, { 5, "Bad-Call-ID" },
	{ 6, "PAC-Error" }, { 0, NULL }
};
static const struct tok sccrp_res[] = {
	{ 1, "Successful channel establishment" },
	{ 2, "General error" },
	{ 3, "Command channel already exists" },
	{ 4, "Requester is not authorized to establish a command channel" },
	{ 5, "The protocol version of the requester is not supported" },
	{ 0, NULL }
};
static const struct tok echo_res[] = {	/* StopCCRP and ECHORP */
	{ 1, "OK" }, { 2, "General Error" }, { 0, NULL }
};
static const struct tok ocrp_res[] = {
	{ 1, "Connected" }, { 2, "General Error" }, { 3, "No Carrier" },
	{ 4, "Busy" }, { 5, "No Dial Tone" }, { 6, "Time-out" },
	{ 7, "Do Not Accept" }, { 0, NULL }
};
static const struct tok icrp_res[] = {
	{ 1, "Connect" }, { 2, "General Error" }, { 3, "Do Not Accept" },
	{ 0, NULL }
};
static const struct tok cdn_res[] = {
	{ 1, "Lost Carrier" }, { 2, "General Error" }, { 3, "Admin Shutdown" },
	{ 4, "Request" }, { 0, NULL }
};
static const struct tok bearer_types[] = {
	{ 1, "A" }, { 2, "D" }, { 3, "Any" }, { 0, NULL }
};
static const struct tok framing_types[] = {
	{ 1, "A" }, { 2, "S" }, { 3, "E" }, { 0, NULL }
};
static const struct tok stop_reasons[] = {
	{ 1, "None" }, { 2, "Stop-Protocol" }, { 3, "Stop-Local-Shutdown" },
	{ 0, NULL }
};

/* " [ERROR: reserved=N must be zero]" for a non-zero reserved field */
static void rsv1(struct nd *nd, const uint8_t *p)
{
	unsigned v = g1(nd, p);
	if (v)
		P(" [ERROR: reserved=%u must be zero]", v);
}

static void rsv2(struct nd *nd, const uint8_t *p)
{
	unsigned v = g2(nd, p);
	if (v)
		P(" [ERROR: reserved=%u must be zero]", v);
}

static void u16f(struct nd *nd, const char *name, const uint8_t *p)
{
	P(" %s(%u)", name, g2(nd, p));
}

static void u32f(struct nd *nd, const char *name, const uint8_t *p)
{
	P(" %s(%u)", name, g4(nd, p));
}

/* A text field: up to n bytes, to the first NUL. */
static void textf(struct nd *nd, const char *name, const uint8_t *p, unsigned n)
{
	P(" %s(", name);
	chars_print_z(nd, p, n);
	P(")");
}

/* A code with its name after -v. */
static void codef(struct nd *nd, const char *name, const uint8_t *p, const struct tok *names)
{
	unsigned v = g1(nd, p);
	P(" %s(%u", name, v);
	if (nd->o->vflag)
		P(":%s", tok_or(names, v, "?"));
	P(")");
}

static void version(struct nd *nd, const uint8_t *p)
{
	unsigned v = g2(nd, p);
	P(" PROTO_VER(%u.%u)", v >> 8, v & 0xff);
}

static void caps(struct nd *nd, const uint8_t *p)
{
	uint32_t f, b;
	P(" FRAME_CAP(");	/* before the field: tcpdump's order */
	f = g4(nd, p);
	P("%s%s)", f & 1 ? "A" : "", f & 2 ? "S" : "");
	b = g4(nd, p + 4);
	P(" BEARER_CAP(%s%s)", b & 2 ? "D" : "", b & 1 ? "A" : "");
}

static void typef(struct nd *nd, const char *name, const uint8_t *p, const struct tok *names)
{
	P(" %s(%s)", name, tok_or(names, g4(nd, p), "?"));
}

/* A phone number: as many bytes as its length field says, at most 64. */
static void numberf(struct nd *nd, const char *name, const uint8_t *p, unsigned n)
{
	P(" %s(", name);
	chars_print_z(nd, p, n < 64 ? n : 64);
	P(")");
}

/* SCCRQ and SCCRP: the same layout, but for the result and error codes */
static void sccr(struct nd *nd, const uint8_t *p, int reply)
{
	version(nd, p);
	if (reply) {
		codef(nd, "RESULT_CODE", p + 2, sccrp_res);
		codef(nd, "ERR_CODE", p + 3, err_names);
	} else {
		rsv2(nd, p + 2);
	}
	caps(nd, p + 4);
	u16f(nd, "MAX_CHAN", p + 12);
	u16f(nd, "FIRM_REV", p + 14);
	textf(nd, "HOSTNAME", p + 16, 64);
	textf(nd, "VENDOR", p + 80, 64);
}

static void ocrq(struct nd *nd, const uint8_t *p)
{
	unsigned n;
	u16f(nd, "CALL_ID", p);
	u16f(nd, "CALL_SER_NUM", p + 2);
	u32f(nd, "MIN_BPS", p + 4);
	u32f(nd, "MAX_BPS", p + 8);
	typef(nd, "BEARER_TYPE", p + 12, bearer_types);
	typef(nd, "FRAME_TYPE", p + 16, framing_types);
	u16f(nd, "RECV_WIN", p + 20);
	u16f(nd, "PROC_DELAY", p + 22);
	n = g2(nd, p + 24);
	P(" PHONE_NO_LEN(%u)", n);
	rsv2(nd, p + 26);
	numberf(nd, "PHONE_NO", p + 28, n);
	textf(nd, "SUB_ADDR", p + 92, 64);
}

static void icrq(struct nd *nd, const uint8_t *p)
{
	unsigned dialed, dialing;
	u16f(nd, "CALL_ID", p);
	u16f(nd, "CALL_SER_NUM", p + 2);
	typef(nd, "BEARER_TYPE", p + 4, bearer_types);
	u32f(nd, "PHY_CHAN_ID", p + 8);
	dialed = g2(nd, p + 12);
	P(" DIALED_NO_LEN(%u)", dialed);
	dialing = g2(nd, p + 14);
	P(" DIALING_NO_LEN(%u)", dialing);
	numberf(nd, "DIALED_NO", p + 16, dialed);
	numberf(nd, "DIALING_NO", p + 80, dialing);
	textf(nd, "SUB_ADDR", p + 144, 64);
}

static void wen(struct nd *nd, const uint8_t *p)
{
	static const char *const counters[] = {
		"CRC_ERR", "FRAMING_ERR", "HARDWARE_OVERRUN", "BUFFER_OVERRUN",
		"TIMEOUT_ERR", "ALIGN_ERR",
	};
	unsigned i;
	u16f(nd, "PEER_CALL_ID", p);
	rsv2(nd, p + 2);
	for (i = 0; i < 6; i++)
		u32f(nd, counters[i], p + 4 + 4 * i);
}

static void message(struct nd *nd, unsigned type, const uint8_t *p)
{
	switch (type) {
	case SCCRQ:
	case SCCRP:
		sccr(nd, p, type == SCCRP);
		break;
	case StopCCRQ:
		codef(nd, "REASON", p, stop_reasons);
		rsv1(nd, p + 1);
		rsv2(nd, p + 2);
		break;
	case StopCCRP:
		codef(nd, "RESULT_CODE", p, echo_res);
		codef(nd, "ERR_CODE", p + 1, err_names);
		rsv2(nd, p + 2);
		break;
	case ECHORQ:
		u32f(nd, "ID", p);
		break;
	case ECHORP:
		u32f(nd, "ID", p);
		codef(nd, "RESULT_CODE", p + 4, echo_res);
		codef(nd, "ERR_CODE", p + 5, err_names);
		rsv2(nd, p + 6);
		break;
	case OCRQ:
		ocrq(nd, p);
		break;
	case OCRP:
		u16f(nd, "CALL_ID", p);
		u16f(nd, "PEER_CALL_ID", p + 2);
		codef(nd, "RESULT_CODE", p + 4, ocrp_res);
		codef(nd, "ERR_CODE", p + 5, err_names);
		u16f(nd, "CAUSE_CODE", p + 6);
		u32f(nd, "CONN_SPEED", p + 8);
		u16f(nd, "RECV_WIN", p + 12);
		u16f(nd, "PROC_DELAY", p + 14);
		u32f(nd, "PHY_CHAN_ID", p + 16);
		break;
	case ICRQ:
		icrq(nd, p);
		break;
	case ICRP:
		u16f(nd, "CALL_ID", p);
		u16f(nd, "PEER_CALL_ID", p + 2);
		codef(nd, "RESULT_CODE", p + 4, icrp_res);
		codef(nd, "ERR_CODE", p + 5, err_names);
		u16f(nd, "RECV_WIN", p + 6);
		u16f(nd, "PROC_DELAY", p + 8);
		rsv2(nd, p + 10);
		break;
	case ICCN:
		u16f(nd, "PEER_CALL_ID", p);
		rsv2(nd, p + 2);
		u32f(nd, "CONN_SPEED", p + 4);
		u16f(nd, "RECV_WIN", p + 8);
		u16f(nd, "PROC_DELAY", p + 10);
		typef(nd, "FRAME_TYPE", p + 12, framing_types);
		break;
	case CCRQ:
		u16f(nd, "CALL_ID", p);
		rsv2(nd, p + 2);
		break;
	case CDN:
		u16f(nd, "CALL_ID", p);
		codef(nd, "RESULT_CODE", p + 2, cdn_res);
		codef(nd, "ERR_CODE", p + 3, err_names);
		u16f(nd, "CAUSE_CODE", p + 4);
		rsv2(nd, p + 6);
		textf(nd, "CALL_STATS", p + 8, 128);
		break;
	case WEN:
		wen(nd, p);
		break;
	case SLI:
		u16f(nd, "PEER_CALL_ID", p);
		rsv2(nd, p + 2);
		P(" SEND_ACCM(0x%08x)", g4(nd, p + 4));
		P(" RECV_ACCM(0x%08x)", g4(nd, p + 8));
		break;
	default:
		break;
	}
}

/* The header's length is shown (-v) but not used: like tcpdump, each
 * message's fields are read from the segment as far as it was captured. */
void pptp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t magic;
	unsigned type;

	(void)len;
	nd->proto = "pptp";
	P(": pptp");
	if (nd->o->vflag) {
		unsigned mt;
		P(" Length=%u", g2(nd, p));
		mt = g2(nd, p + 2);
		P(" %s", mt == 1 ? "CTRL-MSG" : mt == 2 ? "MGMT-MSG" : "UNKNOWN-MSG-TYPE");
	}
	magic = g4(nd, p + 4);
	if (magic != PPTP_MAGIC)
		P(" UNEXPECTED Magic-Cookie!!(%08x)", magic);
	if (nd->o->vflag || magic != PPTP_MAGIC)
		P(" Magic-Cookie=%08x", magic);
	type = g2(nd, p + 8);
	if (type < sizeof(msg_names) / sizeof(msg_names[0]))
		P(" CTRL_MSGTYPE=%s", msg_names[type]);
	else
		P(" UNKNOWN_CTRL_MSGTYPE(%u)", type);
	rsv2(nd, p + 10);
	message(nd, type, p + 12);
}
