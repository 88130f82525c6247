/* NTP (UDP port 123), as tcpdump prints it: version, mode and length;
 * with -v the leap indicator, stratum, poll, precision, root delay and
 * dispersion, reference id and the four timestamps in NTP seconds and
 * UTC, and the offsets between them; control messages' header. */
#include <stdint.h>
#include <time.h>

#include "dissect-int.h"

#define NTP_TIME_LEN 48u	/* a time message without key or digest */
#define NTP_CTRL_LEN 12u
#define NTP_1970 2208988800ll	/* 1970 - 1900 in seconds */

static const struct tok modes[] = {
	{ 0, "unspecified" }, { 1, "symmetric active" }, { 2, "symmetric passive" },
	{ 3, "Client" }, { 4, "Server" }, { 5, "Broadcast" },
	{ 6, "Control Message" }, { 7, "Reserved" }, { 0, NULL }
};
static const struct tok leaps[] = {
	{ 0x00, "" }, { 0x40, "+1s" }, { 0x80, "-1s" }, { 0xc0, "clock unsynchronized" },
	{ 0, NULL }
};

/* A 32-bit binary fraction in billionths, as tcpdump rounds it. */
static uint32_t billionths(uint32_t frac)
{
	double f = frac;

	return (uint32_t)(f / 4294967296.0 * 1000000000.0);
}

/* A 64-bit NTP timestamp: seconds.fraction, and the UTC date when set
 * (RADIUS' location attributes carry them too). */
void ntp_time_print(struct nd *nd, const uint8_t *p)
{
	uint32_t i = g4(nd, p), f = g4(nd, p + 4);
	time_t secs;
	struct tm tm;
	char buf[64];

	P("%u.%09u", i, billionths(f));
	if (!i)
		return;
	secs = (time_t)((int64_t)i - NTP_1970);
	if (!gmtime_r(&secs, &tm)) {
		P(" (unrepresentable)");
		return;
	}
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
	P(" (%s)", buf);
}

/* Signed difference of two timestamps (the first one when o is zero). */
static void delta_print(struct nd *nd, const uint8_t *o, const uint8_t *p)
{
	uint32_t u = g4(nd, p), uf = g4(nd, p + 4), ou = g4(nd, o), ouf = g4(nd, o + 4);
	uint32_t i, f;
	int neg;

	if (ou == 0 && ouf == 0) {
		ntp_time_print(nd, p);
		return;
	}
	if (u > ou) {
		neg = 0;
		i = u - ou - (ouf > uf);
		f = uf - ouf;
	} else if (u < ou) {
		neg = 1;
		i = ou - u - (uf > ouf);
		f = ouf - uf;
	} else {
		i = 0;
		neg = uf <= ouf;
		f = neg ? ouf - uf : uf - ouf;
	}
	P("%s%u.%09u", neg ? "-" : "+", i, billionths(f));
}

/* A 32-bit short format (root delay, dispersion) in millionths. */
static void short_print(struct nd *nd, const uint8_t *p)
{
	int i = g2(nd, p), f = g2(nd, p + 2);

	P("%d.%06d", i, (int)(f / 65536.0 * 1000000.0));
}

static void time_msg(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	static const char *const ts[] = {
		"\n\t  Reference Timestamp:  ", "\n\t  Originator Timestamp: ",
		"\n\t  Receive Timestamp:    ", "\n\t  Transmit Timestamp:   ",
	};
	unsigned stratum, i;
	int poll;
	char a[16];

	if (len < NTP_TIME_LEN) {
		P(" (invalid)");
		if (!nd_ok(nd, bp, len))
			nd_trunc(nd);
		return;
	}
	stratum = g1(nd, bp + 1);
	P(", Stratum %u (%s)", stratum,
	  stratum == 0 ? "unspecified" : stratum == 1 ? "primary reference" :
	  stratum >= 2 && stratum <= 15 ? "secondary reference" : "reserved");
	poll = (int8_t)g1(nd, bp + 2);
	P(", poll %d", poll);
	if (poll > -32 && poll < 32)
		P(poll >= 0 ? " (%us)" : " (1/%us)", 1u << (poll >= 0 ? poll : -poll));
	P(", precision %d", (int8_t)g1(nd, bp + 3));
	if (!nd_ok(nd, bp + 4, 4))
		goto trunc;
	P("\n\tRoot Delay: ");
	short_print(nd, bp + 4);
	if (!nd_ok(nd, bp + 8, 4))
		goto trunc;
	P(", Root dispersion: ");
	short_print(nd, bp + 8);
	if (!nd_ok(nd, bp + 12, 4))
		goto trunc;
	P(", Reference-ID: ");
	switch (stratum) {
	case 0:
		P("(unspec)");
		break;
	case 1:
		for (i = 0; i < 4; i++)
			char_print(nd, bp[12 + i]);
		break;
	case 62:
		P("%s INFO_QUERY", ip4_str(nd, bp + 12, a));
		return;
	case 63:
		P("%s INFO_REPLY", ip4_str(nd, bp + 12, a));
		return;
	default:
		P("0x%08x", g4(nd, bp + 12));
		break;
	}
	for (i = 0; i < 4; i++) {
		if (!nd_ok(nd, bp + 16 + 8 * i, 8))
			goto trunc;
		P("%s", ts[i]);
		ntp_time_print(nd, bp + 16 + 8 * i);
	}
	P("\n\t    Originator - Receive Timestamp:  ");
	delta_print(nd, bp + 24, bp + 32);
	P("\n\t    Originator - Transmit Timestamp: ");
	delta_print(nd, bp + 24, bp + 40);
	if (len == NTP_TIME_LEN + 4) {
		P("\n\tKey id: %u", g4(nd, bp + 48));
	} else if (len == NTP_TIME_LEN + 4 + 16 || len == NTP_TIME_LEN + 4 + 20) {
		P("\n\tKey id: %u", g4(nd, bp + 48));
		if (!nd_ok(nd, bp + 52, len - NTP_TIME_LEN - 4))
			goto trunc;
		P("\n\tAuthentication: ");
		for (i = 52; i < len; i += 4)
			P("%08x", g4(nd, bp + i));
	} else if (len > NTP_TIME_LEN) {
		P("\n\t(%u more bytes after the header)", len - NTP_TIME_LEN);
	}
	return;
trunc:
	nd_trunc(nd);
}

static void control_msg(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	unsigned c, count;

	if (len < NTP_CTRL_LEN)
		goto invalid;
	c = g1(nd, bp + 1);
	P(", %s, %s, %s, OpCode=%u\n", (c & 0x80) ? "Response" : "Request",
	  (c & 0x40) ? "Error" : "OK", (c & 0x20) ? "More" : "Last", c & 0x1f);
	P("\tSequence=%hu", g2(nd, bp + 2));
	P(", Status=%#hx", g2(nd, bp + 4));
	P(", Assoc.=%hu", g2(nd, bp + 6));
	P(", Offset=%hu", g2(nd, bp + 8));
	count = g2(nd, bp + 10);
	P(", Count=%u", count);
	if (NTP_CTRL_LEN + count > len)
		goto invalid;
	if (count) {
		if (!nd_ok(nd, bp + 12, count)) {
			nd_trunc(nd);
			return;
		}
		P("\n\tTO-BE-DONE: data not interpreted");
	}
	return;
invalid:
	P(" (invalid)");
	if (!nd_ok(nd, bp, len))
		nd_trunc(nd);
}

void ntp_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	char b[32];
	unsigned status, mode;

	nd->proto = "ntp";
	status = g1(nd, bp);
	mode = status & 7;
	P("NTPv%u", (status & 0x38) >> 3);
	P(", %s, length %u", tok2str(modes, "Unknown mode", mode, b, sizeof(b)), len);
	if (!nd->o->vflag)
		return;
	P("\n\tLeap indicator: %s (%u)", tok2str(leaps, "Unknown", status & 0xc0, b, sizeof(b)),
	  status & 0xc0);
	if (mode <= 5)
		time_msg(nd, bp, len);
	else if (mode == 6)
		control_msg(nd, bp, len);
}
