/* AHCP, the ad-hoc configuration protocol that goes with Babel (UDP
 * 5359), as tcpdump 4.99.3 prints it: the version, with -v the header
 * and the message type, with -vv the options. */
#include <stdio.h>
#include <time.h>

#include "dissect-int.h"

#define AHCP_HDR 24

static const struct tok msg_types[] = {
	{ 0, "Discover" }, { 1, "Offer" }, { 2, "Request" }, { 3, "Ack" }, { 4, "Nack" },
	{ 5, "Release" }, { 0, NULL }
};

static const struct tok opt_names[] = {
	{ 0, "Pad" }, { 1, "Mandatory" }, { 2, "Origin Time" }, { 3, "Expires" },
	{ 4, "My-IPv6-Address" }, { 5, "My-IPv4-Address" }, { 6, "IPv6 Prefix" },
	{ 7, "IPv4 Prefix" }, { 8, "IPv6 Address" }, { 9, "IPv4 Address" },
	{ 10, "IPv6 Prefix Delegation" }, { 11, "IPv4 Prefix Delegation" }, { 12, "Name Server" },
	{ 13, "NTP Server" }, { 0, NULL }
};

/* How an option's value reads. */
enum { V_NONE, V_TIME, V_SECS, V_ADDR6, V_ADDR4, V_PFX6, V_PFX4 };
static const uint8_t opt_kinds[14] = {
	V_NONE, V_NONE, V_TIME, V_SECS, V_ADDR6, V_ADDR4, V_PFX6, V_NONE, V_ADDR6, V_ADDR4,
	V_PFX6, V_PFX4, V_ADDR6, V_ADDR6,
};

/* " (invalid)", then the rest must have been captured. */
static void ahcp_invalid(struct nd *nd, const uint8_t *p, unsigned len)
{
	P(" (invalid)");
	gcheck(nd, p, len);
}

/* A list of addresses (alen bytes) or prefixes (alen + 1), len bytes at p. */
static void ahcp_addrs(struct nd *nd, const uint8_t *p, unsigned len, unsigned alen, int pfx)
{
	const char *sep = ": ";
	unsigned each = alen + (pfx ? 1 : 0);
	char b[46];

	for (; len; len -= each, p += each, sep = ", ") {
		if (len < each) {
			ahcp_invalid(nd, p, len);
			return;
		}
		P("%s%s", sep, alen == 4 ? ip4_str(nd, p, b) : ip6_str(nd, p, b));
		if (pfx)
			P("/%u", g1(nd, p + alen));
	}
}

static void ahcp_value(struct nd *nd, unsigned kind, const uint8_t *p, unsigned len)
{
	char buf[64];
	struct tm tm;
	time_t t;

	switch (kind) {
	case V_TIME:
	case V_SECS:
		if (len != 4) {
			ahcp_invalid(nd, p, len);
			return;
		}
		if (kind == V_SECS) {
			P(": %us", g4(nd, p));
			return;
		}
		t = (time_t)g4(nd, p);
		if (!gmtime_r(&t, &tm))
			P(": gmtime() error");
		else if (!strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm))
			P(": strftime() error");
		else
			P(": %s UTC", buf);
		return;
	case V_ADDR6:
	case V_PFX6:
		ahcp_addrs(nd, p, len, 16, kind == V_PFX6);
		return;
	default:
		ahcp_addrs(nd, p, len, 4, kind == V_PFX4);
		return;
	}
}

static void ahcp_options(struct nd *nd, const uint8_t *p, unsigned len)
{
	unsigned no, olen;
	char b[32];

	while (len) {
		no = g1(nd, p++);
		len--;
		P("\n\t %s", tok2str(opt_names, "Unknown-%u", no, b, sizeof(b)));
		if (no == 0 || no == 1)
			continue;
		if (!len || (olen = g1(nd, p), olen > len - 1)) {
			if (len) {
				p++;
				len--;
			}
			ahcp_invalid(nd, p, len);
			return;
		}
		p++;
		len--;
		if (no < sizeof(opt_kinds) && opt_kinds[no] != V_NONE) {
			ahcp_value(nd, opt_kinds[no], p, olen);
		} else {
			P(" (Length %u)", olen);
			gcheck(nd, p, olen);
		}
		p += olen;
		len -= olen;
	}
}

void ahcp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned type, mbz, blen, i, j;
	char b[32];

	nd->proto = "ahcp";
	P("AHCP");
	if (len < 2 || g1(nd, p) != 43)
		goto invalid;
	if (g1(nd, p + 1) != 1) {
		P(" Version %u (unknown)", p[1]);
		gcheck(nd, p + 2, len - 2);
		return;
	}
	p += 2;
	len -= 2;
	P(" Version 1");
	if (len < AHCP_HDR - 2)
		goto invalid;
	if (!nd->o->vflag) {
		gcheck(nd, p, AHCP_HDR - 2);
	} else {
		/* field by field: a cut header ends after the last whole one */
		P("\n\tHopcount %u", g1(nd, p));
		P(", Original Hopcount %u", g1(nd, p + 1));
		P(", Nonce 0x%08x", g4(nd, p + 2));
		for (j = 0; j < 2; j++) {
			gcheck(nd, p + 6 + 8 * j, 8);
			P(j ? ", Destination Id " : ", Source Id ");
			for (i = 0; i < 8; i++)
				P(i ? ":%02x" : "%02x", p[6 + 8 * j + i]);
		}
	}
	p += AHCP_HDR - 2;
	len -= AHCP_HDR - 2;
	/* the body: type, a zero byte, the options' length, the options */
	if (len < 4)
		goto invalid;
	type = g1(nd, p);
	mbz = g1(nd, p + 1);
	blen = g2(nd, p + 2);
	p += 4;
	len -= 4;
	if (nd->o->vflag) {
		P("\n\t%s", tok2str(msg_types, "Unknown-%u", type, b, sizeof(b)));
		if (mbz)
			P(", MBZ %u", mbz);
		P(", Length %u", blen);
	}
	if (blen > len)
		goto invalid;
	if (nd->o->vflag >= 2)
		ahcp_options(nd, p, blen);
	else
		gcheck(nd, p, blen);
	return;
invalid:
	ahcp_invalid(nd, p, len);
}
