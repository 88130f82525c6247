/* PTP, IEEE 1588 (linuxptp over Ethernet and UDP 319/320), as tcpdump
 * 4.99.3 prints it: the version 2 common header field by field, then the
 * body of each message type.  Version 1 is only named; other versions print
 * the number alone.  tcpdump 4.99.3 prints no more with -v.
 *
 * Quirks of tcpdump kept on purpose: the version is the low byte of the
 * first 16 bits; the announce timestamp has no comma between seconds and
 * nanoseconds; the management fields after the target port identity are
 * all read from the first byte of that identity, and their labels carry a
 * doubled ", " and a doubled space. */
#include <inttypes.h>

#include "dissect-int.h"

#define PTP_HDR_LEN 34

static const struct tok ptp_msg_types[] = {
	{ 0x0, "sync msg" },
	{ 0x1, "delay req msg" },
	{ 0x2, "peer delay req msg" },
	{ 0x3, "peer delay resp msg" },
	{ 0x8, "follow up msg" },
	{ 0x9, "delay resp msg" },
	{ 0xa, "pdelay resp fup msg" },
	{ 0xb, "announce msg" },
	{ 0xc, "signalling msg" },
	{ 0xd, "management msg" },
	{ 0, NULL }
};

/* controlField (deprecated, kept for version 1 hardware) */
static const struct tok ptp_controls[] = {
	{ 0, "Sync" },
	{ 1, "Delay_Req" },
	{ 2, "Follow_Up" },
	{ 3, "Delay_Resp" },
	{ 4, "Management" },
	{ 5, "Other" },
	{ 0, NULL }
};

static const struct tok ptp_flags[] = {
	{ 0x0001, "l1 61" },
	{ 0x0002, "l1 59" },
	{ 0x0004, "utc reasonable" },
	{ 0x0008, "timescale" },
	{ 0x0010, "time tracable" },
	{ 0x0020, "frequency tracable" },
	{ 0x0100, "alternate master" },
	{ 0x0200, "two step" },
	{ 0x0400, "unicast" },
	{ 0x1000, "profile specific 1" },
	{ 0x2000, "profile specific 2" },
	{ 0x4000, "security mask" },
	{ 0x18c0, "unknown" },	/* only when all of these bits are set */
	{ 0, NULL }
};

/* 48-bit big-endian value (seconds, correction nanoseconds) */
static uint64_t g6(struct nd *nd, const uint8_t *p)
{
	gcheck(nd, p, 6);
	return (uint64_t)g2(nd, p) << 32 | g4(nd, p + 2);
}

/* seconds (48 bits) and nanoseconds (32 bits) */
static void ts_print(struct nd *nd, const uint8_t *p, const char *name, const char *sep)
{
	P(", %s :", name);
	P(" %" PRIu64 " seconds%s", g6(nd, p), sep);
	P(" %u nanoseconds", g4(nd, p + 6));
}

/* clock identity (64 bits) and port number */
static void port_id_print(struct nd *nd, const uint8_t *p)
{
	P(", port identity : 0x%" PRIx64, g8(nd, p));
	P(", port id : %u", g2(nd, p + 8));
}

static void announce_print(struct nd *nd, const uint8_t *p)
{
	ts_print(nd, p, "originTimeStamp", "");
	P(", origin cur utc :%u", g2(nd, p + 10));
	P(", rsvd : %u", g1(nd, p + 12));
	P(", gm priority_1 : %u", g1(nd, p + 13));
	P(", gm clock class : %u", g1(nd, p + 14));
	P(", gm clock accuracy : %u", g1(nd, p + 15));
	P(", gm clock variance : %u", g2(nd, p + 16));
	P(", gm priority_2 : %u", g1(nd, p + 18));
	P(", gm clock id : 0x%" PRIx64, g8(nd, p + 19));
	P(", steps removed : %u", g2(nd, p + 27));
	P(", time source : 0x%x", g1(nd, p + 29));
}

static void mgmt_print(struct nd *nd, const uint8_t *p)
{
	port_id_print(nd, p);
	/* tcpdump reads all four from the start of the target port identity */
	P(", , start boundary hops  %u", g1(nd, p));
	P(", , boundary hops  %u", g1(nd, p));
	P(", , flags  0x%x", g1(nd, p));
	P(", , reserved  0x%x", g1(nd, p));
}

static void ptp2_print(struct nd *nd, const uint8_t *p)
{
	unsigned first = g1(nd, p), type = first & 0x0f, control, flags;
	const uint8_t *body = p + PTP_HDR_LEN;

	P(", v1 compat : %s", (first & 0x10) ? "yes" : "no");
	P(", msg type : %s", tok_or(ptp_msg_types, type, "Reserved"));
	P(", length : %u", g2(nd, p + 2));
	/* both read as one 16-bit word */
	P(", domain : %u", g2(nd, p + 4) >> 8);
	P(", reserved1 : %u", p[5]);
	flags = g2(nd, p + 6);
	P(", Flags [");
	bits_print(nd, ptp_flags, "none", flags, ", ");
	P("]");
	P(", NS correction : %" PRIu64, g6(nd, p + 8));
	P(", sub NS correction : %u", g2(nd, p + 14));
	P(", reserved2 : %u", g4(nd, p + 16));
	P(", clock identity : 0x%" PRIx64, g8(nd, p + 20));
	P(", port id : %u", g2(nd, p + 28));
	P(", seq id : %u", g2(nd, p + 30));
	control = g1(nd, p + 32);
	P(", control : %u (%s)", control, tok_or(ptp_controls, control, "Reserved"));
	gcheck(nd, p + 32, 2);
	P(", log message interval : %u", p[33]);

	switch (type) {
	case 0x0:	/* sync */
	case 0x1:	/* delay req */
		ts_print(nd, body, "originTimeStamp", ",");
		break;
	case 0x8:	/* follow up */
		ts_print(nd, body, "preciseOriginTimeStamp", ",");
		break;
	case 0x2:	/* pdelay req */
	case 0xa:	/* pdelay resp follow up */
		ts_print(nd, body, "preciseOriginTimeStamp", ",");
		port_id_print(nd, body + 10);
		break;
	case 0x3:	/* pdelay resp */
	case 0x9:	/* delay resp */
		ts_print(nd, body, "receiveTimeStamp", ",");
		port_id_print(nd, body + 10);
		break;
	case 0xb:
		announce_print(nd, body);
		break;
	case 0xc:	/* signalling: the target port identity */
		port_id_print(nd, body);
		break;
	case 0xd:
		mgmt_print(nd, body);
		break;
	default:
		break;
	}
}

void ptp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned vers;

	nd->proto = "ptp";
	if (len < PTP_HDR_LEN) {
		P(" [length %u < %u] (invalid)", len, PTP_HDR_LEN);
		return;
	}
	vers = g2(nd, p) & 0xff;
	P("PTPv%u", vers);
	if (vers == 1)
		P(" (not implemented)");
	else if (vers == 2)
		ptp2_print(nd, p);
}
