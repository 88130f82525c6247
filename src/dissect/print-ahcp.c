/* AHCP (Ad-Hoc Configuration Protocol, UDP 5359), version 1, as
 * tcpdump 4.99 prints it: the header with -v, the options with -vv. */
#include <stdio.h>
#include <time.h>

#include "dissect-int.h"

static const struct tok ahcp_msgs[] = {
	{ 0, "Discover" }, { 1, "Offer" }, { 2, "Request" }, { 3, "Ack" }, { 4, "Nack" },
	{ 5, "Release" }, { 0, NULL }
};

static const struct tok ahcp_opts[] = {
	{ 0, "Pad" }, { 1, "Mandatory" }, { 2, "Origin Time" }, { 3, "Expires" },
	{ 4, "My-IPv6-Address" }, { 5, "My-IPv4-Address" }, { 6, "IPv6 Prefix" },
	{ 7, "IPv4 Prefix" }, { 8, "IPv6 Address" }, { 9, "IPv4 Address" },
	{ 10, "IPv6 Prefix Delegation" }, { 11, "IPv4 Prefix Delegation" },
	{ 12, "Name Server" }, { 13, "NTP Server" }, { 0, NULL }
};

/* " (invalid)", then the rest must have been captured. */
static void ahcp_invalid(struct nd *nd, const uint8_t *p, uint32_t len)
{
	P(" (invalid)");
	gcheck(nd, p, len);
}

/* How an option's value prints: a time, seconds, or a list of addresses
 * (alen bytes each, plus a prefix length byte when plen). */
enum { AV_NONE, AV_TIME, AV_SECS, AV_LIST };
static const struct ahcp_val {
	uint8_t how, alen, plen;
} ahcp_vals[14] = {
	[2] = { AV_TIME, 0, 0 }, [3] = { AV_SECS, 0, 0 },
	[4] = { AV_LIST, 16, 0 }, [5] = { AV_LIST, 4, 0 }, [6] = { AV_LIST, 16, 1 },
	[8] = { AV_LIST, 16, 0 }, [9] = { AV_LIST, 4, 0 }, [10] = { AV_LIST, 16, 1 },
	[11] = { AV_LIST, 4, 1 }, [12] = { AV_LIST, 16, 0 }, [13] = { AV_LIST, 16, 0 },
};

static void ahcp_value(struct nd *nd, const struct ahcp_val *v, const uint8_t *p, unsigned len)
{
	const char *sep = ": ";
	char buf[64];

	if (v->how == AV_TIME || v->how == AV_SECS) {
		if (len != 4) {
			ahcp_invalid(nd, p, len);
			return;
		}
		if (v->how == AV_SECS) {
			P(": %us", g4(nd, p));
		} else {
			time_t t = (time_t)g4(nd, p);
			struct tm tm;
			if (!gmtime_r(&t, &tm))
				P(": gmtime() error");
			else if (!strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm))
				P(": strftime() error");
			else
				P(": %s UTC", buf);
		}
		return;
	}
	while (len) {
		unsigned n = v->alen + v->plen;
		if (len < n) {
			ahcp_invalid(nd, p, len);
			return;
		}
		P("%s%s", sep, v->alen == 16 ? ip6_str(nd, p, buf) : ip4_str(nd, p, buf));
		if (v->plen)
			P("/%u", g1(nd, p + v->alen));
		p += n;
		len -= n;
		sep = ", ";
	}
}

static void ahcp_options(struct nd *nd, const uint8_t *p, unsigned len)
{
	char b[16];

	while (len) {
		unsigned no = g1(nd, p), olen;

		p++;
		len--;
		P("\n\t %s", tok2str(ahcp_opts, "Unknown-%u", no, b, sizeof(b)));
		if (no == 0 || no == 1)
			continue;
		if (!len)
			goto invalid;
		olen = g1(nd, p);
		p++;
		len--;
		if (olen > len)
			goto invalid;
		if (no < 14 && ahcp_vals[no].how != AV_NONE) {
			ahcp_value(nd, &ahcp_vals[no], p, olen);
		} else {
			P(" (Length %u)", olen);
			gcheck(nd, p, olen);
		}
		p += olen;
		len -= olen;
	}
	return;
invalid:
	ahcp_invalid(nd, p, len);
}

static void ahcp_body(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned type, mbz, blen;
	char b[16];

	if (len < 4) {
		ahcp_invalid(nd, p, len);
		return;
	}
	type = g1(nd, p);
	mbz = g1(nd, p + 1);
	blen = g2(nd, p + 2);
	p += 4;
	len -= 4;
	if (nd->o->vflag) {
		P("\n\t%s", tok2str(ahcp_msgs, "Unknown-%u", type, b, sizeof(b)));
		if (mbz)
			P(", MBZ %u", mbz);
		P(", Length %u", blen);
	}
	if (blen > len) {
		ahcp_invalid(nd, p, len);
		return;
	}
	if (nd->o->vflag >= 2)
		ahcp_options(nd, p, blen);
	else
		gcheck(nd, p, blen);
}

/* 8 bytes as colon-separated hex */
static void ahcp_id(struct nd *nd, const char *what, const uint8_t *p)
{
	gcheck(nd, p, 8);
	P(", %s %02x:%02x:%02x:%02x:%02x:%02x:%02x:%02x", what, p[0], p[1], p[2], p[3], p[4], p[5],
	  p[6], p[7]);
}

void ahcp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned ver;

	nd->proto = "ahcp";
	P("AHCP");
	if (len < 2 || g1(nd, p) != 43) {
		ahcp_invalid(nd, p, len);
		return;
	}
	ver = g1(nd, p + 1);
	p += 2;
	len -= 2;
	if (ver != 1) {
		P(" Version %u (unknown)", ver);
		gcheck(nd, p, len);
		return;
	}
	P(" Version 1");
	if (len < 22) {
		ahcp_invalid(nd, p, len);
		return;
	}
	if (!nd->o->vflag) {
		gcheck(nd, p, 22);
	} else {
		P("\n\tHopcount %u", g1(nd, p));
		P(", Original Hopcount %u", g1(nd, p + 1));
		P(", Nonce 0x%08x", g4(nd, p + 2));
		ahcp_id(nd, "Source Id", p + 6);
		ahcp_id(nd, "Destination Id", p + 14);
	}
	ahcp_body(nd, p + 22, len - 22);
}
