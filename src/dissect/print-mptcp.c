/* MPTCP option (TCP option 30). */
#include <inttypes.h>
#include <stdio.h>

#include "dissect-int.h"

#define TH_SYN 0x02
#define TH_ACK 0x10

static int capable(struct nd *nd, const uint8_t *o, unsigned len, uint8_t fl)
{
	unsigned ver;
	if (!((len == 12 || len == 4) && (fl & TH_SYN)) &&
	    !((len == 20 || len == 22) && (fl & (TH_SYN | TH_ACK)) == TH_ACK))
		return 0;
	ver = g1(nd, o + 2) & 0xf;
	if (ver > 1) {
		P(" Unknown Version (%u)", ver);
		return 1;
	}
	P(" v%u", ver);
	if (g1(nd, o + 3) & 0x80)
		P(" csum");
	if (len == 12 || len >= 20) {
		P(" {0x%" PRIx64, g8(nd, o + 4));
		if (len >= 20)
			P(",0x%" PRIx64, g8(nd, o + 12));
		P("}");
	}
	return 1;
}

static int join(struct nd *nd, const uint8_t *o, unsigned len, uint8_t fl)
{
	unsigned i;
	if (!(len == 12 && (fl & TH_SYN)) &&
	    !(len == 16 && (fl & (TH_SYN | TH_ACK)) == (TH_SYN | TH_ACK)) &&
	    !(len == 24 && (fl & TH_ACK)))
		return 0;
	if (len != 24) {
		if (g1(nd, o + 2) & 1)
			P(" backup");
		P(" id %u", g1(nd, o + 3));
	}
	switch (len) {
	case 12:
		P(" token 0x%x nonce 0x%x", g4(nd, o + 4), g4(nd, o + 8));
		break;
	case 16:
		P(" hmac 0x%" PRIx64 " nonce 0x%x", g8(nd, o + 4), g4(nd, o + 12));
		break;
	case 24:
		P(" hmac 0x");
		gcheck(nd, o + 4, 20);
		for (i = 0; i < 20; i++)
			P("%02x", o[4 + i]);
		break;
	}
	return 1;
}

static int dss(struct nd *nd, const uint8_t *o, unsigned len, uint8_t fl)
{
	uint8_t f;
	if (len < 4 || (fl & TH_SYN))
		return 0;
	f = g1(nd, o + 3);
	if (f & 0x10)
		P(" fin");
	o += 4;
	len -= 4;
	if (f & 0x01) {
		P(" ack ");
		if (f & 0x02) {
			if (len < 8)
				return 0;
			P("%" PRIu64, g8(nd, o));
			o += 8;
			len -= 8;
		} else {
			if (len < 4)
				return 0;
			P("%u", g4(nd, o));
			o += 4;
			len -= 4;
		}
	}
	if (f & 0x04) {
		P(" seq ");
		if (f & 0x08) {
			if (len < 8)
				return 0;
			P("%" PRIu64, g8(nd, o));
			o += 8;
			len -= 8;
		} else {
			if (len < 4)
				return 0;
			P("%u", g4(nd, o));
			o += 4;
			len -= 4;
		}
		if (len < 4)
			return 0;
		P(" subseq %u", g4(nd, o));
		o += 4;
		len -= 4;
		if (len < 2)
			return 0;
		P(" len %u", g2(nd, o));
		o += 2;
		len -= 2;
		if (len >= 2) {
			P(" csum 0x%x", g2(nd, o));
			len -= 2;
		}
	}
	return len == 0;
}

static const struct tok subecho[] = {
	{ 0x6, "v0-ip6" }, { 0x4, "v0-ip4" }, { 0x1, "v1-echo" }, { 0x0, "v1" }, { 0, NULL }
};

static int add_addr(struct nd *nd, const uint8_t *o, unsigned len, uint8_t fl)
{
	char b[46];
	(void)fl;
	if (!(len == 8 || len == 10 || len == 16 || len == 18 || len == 20 || len == 22 ||
	      len == 28 || len == 30))
		return 0;
	P(" %s", tok_or(subecho, g1(nd, o + 2) & 0xf, "[bad version/echo]"));
	P(" id %u", g1(nd, o + 3));
	if (len <= 18) {
		P(" %s", ip4_str(nd, o + 4, b));
		if (len == 10 || len == 18)
			P(":%u", g2(nd, o + 8));
		if (len == 16)
			P(" hmac 0x%" PRIx64, g8(nd, o + 8));
		if (len == 18)
			P(" hmac 0x%" PRIx64, g8(nd, o + 10));
	} else {
		P(" %s", ip6_str(nd, o + 4, b));
		if (len == 22 || len == 30)
			P(":%u", g2(nd, o + 20));
		if (len == 28)
			P(" hmac 0x%" PRIx64, g8(nd, o + 20));
		if (len == 30)
			P(" hmac 0x%" PRIx64, g8(nd, o + 22));
	}
	return 1;
}

int mptcp_print(struct nd *nd, const uint8_t *cp, uint32_t len, uint8_t flags)
{
	static const char *names[] = { "capable", "join", "dss", "add-addr", "rem-addr",
				       "prio", "fail", "fast-close", "unknown" };
	unsigned sub, i;

	nd->proto = "mptcp";
	if (len < 3)
		return 0;
	sub = g1(nd, cp + 2) >> 4;
	if (sub > 8)
		sub = 8;
	P(" %u", len);
	P(" %s", names[sub]);
	switch (sub) {
	case 0:
		return capable(nd, cp, len, flags);
	case 1:
		return join(nd, cp, len, flags);
	case 2:
		return dss(nd, cp, len, flags);
	case 3:
		return add_addr(nd, cp, len, flags);
	case 4:
		if (len < 4)
			return 0;
		P(" id");
		for (i = 0; i < len - 3; i++)
			P(" %u", g1(nd, cp + 3 + i));
		return 1;
	case 5:
		if (len != 3 && len != 4)
			return 0;
		P((g1(nd, cp + 2) & 1) ? " backup" : " non-backup");
		if (len == 4)
			P(" id %u", g1(nd, cp + 3));
		return 1;
	case 6:
		if (len != 12)
			return 0;
		P(" seq %" PRIu64, g8(nd, cp + 4));
		return 1;
	case 7:
		if (len != 12)
			return 0;
		P(" key 0x%" PRIx64, g8(nd, cp + 4));
		return 1;
	default:
		return 1;
	}
}
