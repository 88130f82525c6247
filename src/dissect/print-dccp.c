/* DCCP (RFC 4340, IP protocol 33) as tcpdump 4.99.3 prints it: the ports,
 * the generic header (CCVal, CsCov and the checksum value with -v), the
 * packet type with its service code, reset code and acknowledgement
 * number, and with -vv the sequence number and the options. */
#include <inttypes.h>

#include "dissect-int.h"

enum { DCCP_REQUEST, DCCP_RESPONSE, DCCP_DATA, DCCP_ACK, DCCP_DATAACK,
       DCCP_CLOSEREQ, DCCP_CLOSE, DCCP_RESET, DCCP_SYNC, DCCP_SYNCACK };

static const struct tok dccp_types[] = {
	{ DCCP_REQUEST, "DCCP-Request" }, { DCCP_RESPONSE, "DCCP-Response" },
	{ DCCP_DATA, "DCCP-Data" }, { DCCP_ACK, "DCCP-Ack" },
	{ DCCP_DATAACK, "DCCP-DataAck" }, { DCCP_CLOSEREQ, "DCCP-CloseReq" },
	{ DCCP_CLOSE, "DCCP-Close" }, { DCCP_RESET, "DCCP-Reset" },
	{ DCCP_SYNC, "DCCP-Sync" }, { DCCP_SYNCACK, "DCCP-SyncAck" },
	{ 0, NULL }
};

/* Bytes each known type adds after the generic header (tcpdump checks
 * them against the length, except for DCCP-Data). */
static const unsigned type_extra[10] = { 4, 12, 0, 8, 8, 8, 8, 12, 8, 8 };

static const char *const reset_codes[] = {
	"unspecified", "closed", "aborted", "no_connection", "packet_error",
	"option_error", "mandatory_error", "connection_refused",
	"bad_service_code", "too_busy", "bad_init_cookie", "aggression_penalty",
};

static const char *const feature_names[] = {
	"reserved", "ccid", "allow_short_seqno", "sequence_window",
	"ecn_incapable", "ack_ratio", "send_ack_vector", "send_ndp_count",
	"minimum checksum coverage", "check data checksum",
};

static const struct tok dccp_opts[] = {
	{ 0, "nop" }, { 1, "mandatory" }, { 2, "slowreceiver" },
	{ 32, "change_l" }, { 33, "confirm_l" }, { 34, "change_r" },
	{ 35, "confirm_r" }, { 36, "initcookie" }, { 37, "ndp_count" },
	{ 38, "ack_vector0" }, { 39, "ack_vector1" }, { 40, "data_dropped" },
	{ 41, "timestamp" }, { 42, "timestamp_echo" }, { 43, "elapsed_time" },
	{ 44, "data_checksum" }, { 0, NULL }
};

static uint64_t g6(struct nd *nd, const uint8_t *p)
{
	gcheck(nd, p, 6);
	return (uint64_t)g2(nd, p) << 32 | g4(nd, p + 2);
}

static void hex_bytes(struct nd *nd, const uint8_t *p, unsigned n)
{
	unsigned i;
	for (i = 0; i < n; i++)
		P("%02x", g1(nd, p + i));
}

/* One option; its length, or 0 to stop (after a message). */
static unsigned opt_print(struct nd *nd, const uint8_t *o, unsigned room)
{
	unsigned t = g1(nd, o), olen, i;
	char b[24];
	const char *name = tok2str(dccp_opts, "Option %u", t, b, sizeof(b));

	if (t >= 32) {
		olen = g1(nd, o + 1);
		if (olen < 2) {
			if (t >= 128)
				P("CCID option %u optlen too short", t);
			else
				P("%s optlen too short", name);
			return 0;
		}
	} else {
		olen = 1;
	}
	if (room < olen) {
		if (t >= 128)
			P("CCID option %u optlen goes past header length", t);
		else
			P("%s optlen goes past header length", name);
		return 0;
	}
	if (!nd_ok(nd, o, olen)) {
		nd_trunc(nd);
		return 0;
	}
	if (t >= 128) {
		P("CCID option %u", t);
		if (olen == 4)
			P(" %u", g2(nd, o + 2));
		else if (olen == 6)
			P(" %u", g4(nd, o + 2));
		return olen;
	}
	P("%s", name);
	switch (t) {
	case 32: case 33: case 34: case 35:	/* feature negotiation */
		if (olen < 3) {
			P(" optlen too short");
			break;
		}
		if (o[2] < 10) {
			P(" %s", feature_names[o[2]]);
			for (i = 3; i < olen; i++)
				P(" %u", o[i]);
		}
		break;
	case 36: case 38: case 39: case 40:	/* cookie, ack vectors, drops */
		if (olen > 2) {
			P(" 0x");
			hex_bytes(nd, o + 2, olen - 2);
		}
		break;
	case 37:
		for (i = 2; i < olen; i++)
			P(" %u", o[i]);
		break;
	case 41:
		if (olen == 6)
			P(" %u", g4(nd, o + 2));
		else
			P(" [optlen != 6]");
		break;
	case 42:
		if (olen == 6)
			P(" %u", g4(nd, o + 2));
		else if (olen == 8)
			P(" %u (elapsed time %u)", g4(nd, o + 2), g2(nd, o + 6));
		else if (olen == 10)
			P(" %u (elapsed time %u)", g4(nd, o + 2), g4(nd, o + 6));
		else
			P(" [optlen != 6 or 8 or 10]");
		break;
	case 43:
		if (olen == 6)
			P(" %u", g4(nd, o + 2));
		else if (olen == 4)
			P(" %u", g2(nd, o + 2));
		else
			P(" [optlen != 4 or 6]");
		break;
	case 44:
		if (olen > 2) {
			P(" ");
			hex_bytes(nd, o + 2, olen - 2);
		}
		break;
	}
	return olen;
}

void dccp_print(struct nd *nd, const uint8_t *bp, uint32_t len, const uint8_t *iph)
{
	unsigned sport, dport, hlen, base, fixed, type, x;
	const char *name;
	char s[46], d[46], b[32];

	nd->proto = "dccp";
	if (!nd_ok(nd, bp, 12)) {
		nd_trunc(nd);
		return;
	}
	if (len < 12) {
		P("truncated-dccp - %u bytes missing!", 12 - len);
		return;
	}
	x = bp[8] & 1;		/* 48-bit sequence numbers */
	base = x ? 16 : 12;
	if (len < base) {
		P("truncated-dccp - %u bytes missing!", base - len);
		return;
	}
	/* where tcpdump tests the length first, a short capture ends the
	 * line here and the -x dump still starts at the IP header */
	if (!nd_ok(nd, bp, base)) {
		nd_trunc(nd);
		return;
	}
	sport = g2(nd, bp);
	dport = g2(nd, bp + 2);
	hlen = bp[4] * 4u;
	iph_addrs(nd, iph, s, d);
	P("%s.%u > %s.%u: ", s, sport, d, dport);
	P("DCCP");
	if (nd->o->qflag) {
		P(" %u", len - hlen);
		if (hlen > len)
			P(" [bad hdr length %u - too long, > %u]", hlen, len);
		return;
	}
	if (nd->o->vflag) {
		P(" (CCVal %u, CsCov %u", bp[5] >> 4, bp[5] & 0x0f);
		/* tcpdump verifies the sum only when the whole packet was
		 * captured; like TCP, only the value is printed here */
		if (nd_ok(nd, bp, len))
			P(", cksum 0x%04x", g2(nd, bp + 6));
		P(")");
	}
	P(" ");

	type = (bp[8] >> 1) & 0x0f;
	name = tok2str(dccp_types, "unknown-type-%u", type, b, sizeof(b));
	fixed = base;
	if (type < 10) {
		fixed += type_extra[type];
		if (type != DCCP_DATA && len < fixed) {
			P("truncated-%s - %u bytes missing!", name, fixed - len);
			return;
		}
	}
	if ((type == DCCP_REQUEST || type == DCCP_RESPONSE || type == DCCP_RESET) &&
	    !nd_ok(nd, bp + base, type_extra[type])) {
		nd_trunc(nd);
		return;
	}
	switch (type) {
	case DCCP_REQUEST:
		P("%s (service=%u) ", name, g4(nd, bp + base));
		break;
	case DCCP_RESPONSE:
		P("%s (service=%u) ", name, g4(nd, bp + base + 8));
		break;
	case DCCP_RESET: {
		unsigned code = bp[base + 8];

		P("%s (code=%s) ", name,
		  code < sizeof(reset_codes) / sizeof(reset_codes[0]) ? reset_codes[code] : "invalid");
		break;
	}
	default:
		P("%s ", name);
		break;
	}
	if (type != DCCP_DATA && type != DCCP_REQUEST)
		P("(ack=%" PRIu64 ") ", x ? g6(nd, bp + base + 2) : (uint64_t)g3(nd, bp + base + 1));

	if (nd->o->vflag < 2)
		return;
	P("seq %" PRIu64, x ? g6(nd, bp + 10) : (uint64_t)g3(nd, bp + 9));
	if (hlen > fixed) {
		const uint8_t *cp = bp + fixed;
		unsigned room = hlen - fixed, olen;

		P(" <");
		for (;;) {
			olen = opt_print(nd, cp, room);
			if (olen == 0 || room <= olen)
				break;
			room -= olen;
			cp += olen;
			P(", ");
		}
		P(">");
	}
}
