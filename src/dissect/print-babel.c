/* Babel routing protocol (RFC 6126, RFC 8966 and its drafts, HMAC, RTT
 * and source-specific extensions) on UDP 6696/6697, as tcpdump 4.99.3
 * prints it: the TLV names in one line, one TLV a line with -v. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "dissect-int.h"

enum {
	B_PAD1, B_PADN, B_ACK_REQ, B_ACK, B_HELLO, B_IHU, B_ROUTER_ID, B_NH, B_UPDATE,
	B_ROUTE_REQ, B_SEQNO_REQ, B_TSPC, B_HMAC, B_SS_UPDATE, B_SS_REQ, B_SS_MH_REQ,
	B_MAC, B_PC, B_CHAL_REQ, B_CHAL_REPLY,
};

/* The one-line names (without -v) by TLV type. */
static const struct tok short_names[] = {
	{ B_PADN, "padN" }, { B_ACK_REQ, "ack-req" }, { B_ACK, "ack" }, { B_HELLO, "hello" },
	{ B_IHU, "ihu" }, { B_ROUTER_ID, "router-id" }, { B_NH, "nh" }, { B_UPDATE, "update" },
	{ B_ROUTE_REQ, "route-request" }, { B_SEQNO_REQ, "seqno-request" }, { B_TSPC, "tspc" },
	{ B_HMAC, "hmac" }, { B_SS_UPDATE, "ss-update" }, { B_SS_REQ, "ss-request" },
	{ B_SS_MH_REQ, "ss-mh-request" }, { B_MAC, "mac" }, { B_PC, "pc" },
	{ B_CHAL_REQ, "challenge_request" }, { B_CHAL_REPLY, "challenge_reply" }, { 0, NULL }
};

static const uint8_t v4mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

/* tcpdump checks these lengths without a longjmp: a -x dump after
 * " [|babel]" still starts at the network header */
enum { B_OK, B_TRUNC = -1, B_INVALID = -2 };

/* An address of family ae as a 16-byte (IPv4-mapped for AE 1) buffer,
 * plen bits of it (or the whole address when plen < 0) read from p (len
 * bytes there) after the first omitted bytes taken from prev.  Returns
 * the bytes read at p, or -1 when the encoding is bad. */
static int babel_prefix(struct nd *nd, unsigned ae, int plen, unsigned omitted,
			const uint8_t *p, const uint8_t *prev, unsigned len, uint8_t out[16])
{
	unsigned nb = plen >= 0 ? ((unsigned)plen + 7) / 8 : ae == 1 ? 4 : 16;
	unsigned at, n;

	if (nb > 16)
		return -1;
	memset(out, 0, 16);
	switch (ae) {
	case 0:
		return 0;
	case 1:
		if (omitted > 4 || nb > 4 || (nb > omitted && len < nb - omitted))
			return -1;
		memcpy(out, v4mapped, 12);
		if (omitted) {
			if (!prev)
				return -1;
			memcpy(out, prev, 12 + omitted);
		}
		at = 12 + omitted;
		n = nb > omitted ? nb - omitted : 0;
		break;
	case 2:
		if (omitted > 16 || (nb > omitted && len < nb - omitted))
			return -1;
		if (omitted) {
			if (!prev)
				return -1;
			memcpy(out, prev, omitted);
		}
		at = omitted;
		n = nb > omitted ? nb - omitted : 0;
		break;
	case 3:
		if (nb > 8 && len < nb - 8)
			return -1;
		out[0] = 0xfe;
		out[1] = 0x80;
		at = 8;
		n = nb > 8 ? nb - 8 : 0;
		break;
	default:
		return -1;
	}
	if (n) {
		gcheck(nd, p, n);
		memcpy(out + at, p, n);
	}
	return (int)n;
}

/* An address as IPv4 when it is IPv4-mapped, else IPv6. */
/* The destination and source prefixes of the source-specific TLVs at p
 * (left bytes there), the destination's first omitted bytes from prev:
 * the bytes they take, or -1.  An IPv4 pair's lengths come back as
 * printed, counting the mapped address's 96 bits. */
static int babel_ss_prefixes(struct nd *nd, unsigned ae, unsigned *plen, unsigned *splen,
			     unsigned omitted, const uint8_t *p, const uint8_t *prev,
			     unsigned left, uint8_t a[16], uint8_t src[16])
{
	int rc = babel_prefix(nd, ae, (int)*plen, omitted, p, prev, left, a), rc2;

	if (rc < 0)
		return -1;
	rc2 = babel_prefix(nd, ae, (int)*splen, 0, p + rc, NULL, left - (unsigned)rc, src);
	if (rc2 < 0)
		return -1;
	if (ae == 1) {
		*plen = (uint8_t)(*plen + 96);
		*splen = (uint8_t)(*splen + 96);
	}
	return rc + rc2;
}

static const char *babel_addr_str(const uint8_t a[16], char *buf)
{
	if (memcmp(a, v4mapped, 12) == 0)
		inet_ntop(AF_INET, a + 12, buf, 46);
	else
		inet_ntop(AF_INET6, a, buf, 46);
	return buf;
}

static const char *babel_prefix_str(const uint8_t a[16], unsigned plen, char *buf)
{
	char b[46];

	if (plen >= 96 && memcmp(a, v4mapped, 12) == 0)
		snprintf(buf, 50, "%s/%u", inet_ntop(AF_INET, a + 12, b, sizeof(b)), plen - 96);
	else
		snprintf(buf, 50, "%s/%u", inet_ntop(AF_INET6, a, b, sizeof(b)), plen);
	return buf;
}

/* Centiseconds as seconds with two decimals. */
static void babel_interval(struct nd *nd, unsigned cs)
{
	if (cs == 0)
		P("0.0s (bogus)");
	else
		P("%u.%02us", cs / 100, cs % 100);
}

static void babel_update_interval(struct nd *nd, unsigned cs)
{
	if (cs == 0xffff)
		P("infinity");
	else
		babel_interval(nd, cs);
}

static void babel_id(struct nd *nd, const uint8_t *p)
{
	int i;

	gcheck(nd, p, 8);
	for (i = 0; i < 8; i++)
		P(i ? ":%02x" : "%02x", p[i]);
}

static void babel_usecs(struct nd *nd, uint32_t t)
{
	P("%u.%06us", t / 1000000, t % 1000000);
}

/* The sub-TLVs in [p, end) after the fixed part of a TLV of type tlv. */
static void babel_subtlvs(struct nd *nd, const uint8_t *p, const uint8_t *end, unsigned tlv)
{
	unsigned type, len;
	const char *sep;

	while (p < end) {
		type = g1(nd, p++);
		if (type == 0) {
			P(" sub-pad1");
			continue;
		}
		if (type & 0x80)
			P(" (M)");
		if (p == end)
			goto invalid;
		len = g1(nd, p++);
		if (len > (size_t)(end - p))
			goto invalid;
		switch (type) {
		case 1:
			P(" sub-padn");
			p += len;
			break;
		case 2:
			P(" sub-diversity");
			if (len == 0) {
				P(" empty");
				break;
			}
			for (sep = " "; len; len--, p++, sep = "-") {
				unsigned ch = g1(nd, p);
				if (ch == 0)
					P("%sreserved", sep);
				else if (ch == 255)
					P("%sall", sep);
				else
					P("%s%u", sep, ch);
			}
			if (tlv != B_UPDATE && tlv != B_SS_UPDATE)
				P(" (bogus)");
			break;
		case 3:
			P(" sub-timestamp");
			if (tlv == B_HELLO) {
				if (len < 4)
					goto invalid;
				P(" ");
				babel_usecs(nd, g4(nd, p));
			} else if (tlv == B_IHU) {
				if (len < 8)
					goto invalid;
				P(" ");
				babel_usecs(nd, g4(nd, p));
				P("|");
				babel_usecs(nd, g4(nd, p + 4));
			} else {
				P(" (bogus)");
			}
			p += len;
			break;
		default:
			P(" sub-unknown-0x%02x", type);
			p += len;
			break;
		}
	}
	return;
invalid:
	P(" (invalid)");
}

static void babel_update_flags(struct nd *nd, unsigned f)
{
	P("%s%s%s", f & 0x80 ? "/prefix" : "", f & 0x40 ? "/id" : "", f & 0x3f ? "/unknown" : "");
}

/* One TLV with -v: m is its type byte, len its body length (all of it
 * captured); v4p, v6p the prefixes later updates may abbreviate. */
static int babel_tlv_v(struct nd *nd, const uint8_t *m, unsigned type, unsigned len,
		       uint8_t v4p[16], uint8_t v6p[16])
{
	uint8_t a[16], src[16];
	char b[50], b2[50];
	unsigned ae, plen, splen, j;
	int rc, used;

	switch (type) {
	case B_PADN:
		P("\n\tPad %u", len + 2);
		break;
	case B_ACK_REQ:
		P("\n\tAcknowledgment Request ");
		if (len < 6)
			return B_INVALID;
		P("%04x ", g2(nd, m + 4));
		babel_interval(nd, g2(nd, m + 6));
		break;
	case B_ACK:
		P("\n\tAcknowledgment ");
		if (len < 2)
			return B_INVALID;
		P("%04x", g2(nd, m + 2));
		break;
	case B_HELLO:
		P("\n\tHello ");
		if (len < 6)
			return B_INVALID;
		if (g2(nd, m + 2) & 0x8000)
			P("(Unicast) ");
		P("seqno %u ", g2(nd, m + 4));
		if (g2(nd, m + 6)) {
			P("interval ");
			babel_interval(nd, g2(nd, m + 6));
		} else {
			P("unscheduled");
		}
		if (len > 6)
			babel_subtlvs(nd, m + 8, m + 2 + len, type);
		break;
	case B_IHU:
		P("\n\tIHU ");
		if (len < 6)
			return B_INVALID;
		ae = g1(nd, m + 2);
		rc = babel_prefix(nd, ae, -1, 0, m + 8, NULL, len - 6, a);
		if (rc < 0) {
			/* tcpdump calls this a truncation, and goes on */
			nd_trunc(nd);
			break;
		}
		P("%s rxcost %u interval ", ae == 0 ? "any" : babel_addr_str(a, b), g2(nd, m + 4));
		babel_interval(nd, g2(nd, m + 6));
		if ((unsigned)rc < len - 6)
			babel_subtlvs(nd, m + 8 + rc, m + 2 + len, type);
		break;
	case B_ROUTER_ID:
		P("\n\tRouter Id");
		if (len < 10)
			return B_INVALID;
		P(" ");
		babel_id(nd, m + 4);
		break;
	case B_NH:
		P("\n\tNext Hop");
		if (len < 2)
			return B_INVALID;
		ae = g1(nd, m + 2);
		if (babel_prefix(nd, ae, -1, 0, m + 4, NULL, len - 2, a) < 0)
			return B_INVALID;
		P(" %s", ae == 0 ? "invalid AE 0" : babel_addr_str(a, b));
		break;
	case B_UPDATE:
		P("\n\tUpdate");
		if (len < 10)
			return B_INVALID;
		ae = g1(nd, m + 2);
		plen = (uint8_t)(g1(nd, m + 4) + (ae == 1 ? 96 : 0));
		rc = babel_prefix(nd, ae, g1(nd, m + 4), g1(nd, m + 5), m + 12,
				  ae == 1 ? v4p : v6p, len - 10, a);
		if (rc < 0)
			return B_INVALID;
		babel_update_flags(nd, g1(nd, m + 3));
		P(" %s metric %u seqno %u interval ", ae == 0 ? "any" : babel_prefix_str(a, plen, b),
		  g2(nd, m + 10), g2(nd, m + 8));
		babel_update_interval(nd, g2(nd, m + 6));
		if (m[3] & 0x80)
			memcpy(ae == 1 ? v4p : v6p, a, 16);
		if ((unsigned)rc < len - 10)
			babel_subtlvs(nd, m + 12 + rc, m + 2 + len, type);
		break;
	case B_ROUTE_REQ:
		P("\n\tRoute Request ");
		if (len < 2)
			return B_INVALID;
		ae = g1(nd, m + 2);
		plen = (uint8_t)(g1(nd, m + 3) + (ae == 1 ? 96 : 0));
		if (babel_prefix(nd, ae, m[3], 0, m + 4, NULL, len - 2, a) < 0)
			return B_INVALID;
		P("for %s", ae == 0 ? "any" : babel_prefix_str(a, plen, b));
		break;
	case B_SEQNO_REQ:
		P("\n\tSeqno Request ");
		if (len < 14)
			return B_INVALID;
		ae = g1(nd, m + 2);
		if (babel_prefix(nd, ae, g1(nd, m + 3), 0, m + 16, NULL, len - 14, a) < 0)
			return B_INVALID;
		plen = (uint8_t)(m[3] + (ae == 1 ? 96 : 0));
		P("(%u hops) for %s seqno %u id ", g1(nd, m + 6),
		  ae == 0 ? "invalid AE 0" : babel_prefix_str(a, plen, b), g2(nd, m + 4));
		babel_id(nd, m + 8);
		break;
	case B_TSPC:
		P("\n\tTS/PC ");
		if (len < 6)
			return B_INVALID;
		P("timestamp %u packetcounter %u", g4(nd, m + 4), g2(nd, m + 2));
		break;
	case B_HMAC:
		P("\n\tHMAC ");
		if (len < 18)
			return B_INVALID;
		P("key-id %u digest-%u ", g2(nd, m + 2), len - 2);
		for (j = 0; j < len - 2; j++)
			P("%02X", g1(nd, m + 4 + j));
		break;
	case B_SS_UPDATE:
		P("\n\tSS-Update");
		if (len < 10)
			return B_INVALID;
		ae = g1(nd, m + 2);
		splen = g1(nd, m + 3);
		plen = g1(nd, m + 4);
		used = 10;
		rc = babel_ss_prefixes(nd, ae, &plen, &splen, g1(nd, m + 5), m + 2 + used,
				       ae == 1 ? v4p : v6p, len - (unsigned)used, a, src);
		if (rc < 0)
			return B_INVALID;
		used += rc;
		P(" %s from %s metric %u seqno %u interval ", babel_prefix_str(a, plen, b),
		  babel_prefix_str(src, splen, b2), g2(nd, m + 10), g2(nd, m + 8));
		babel_update_interval(nd, g2(nd, m + 6));
		if ((unsigned)used < len)
			babel_subtlvs(nd, m + 2 + used, m + 2 + len, type);
		break;
	case B_SS_REQ:
		P("\n\tSS-Request ");
		if (len < 3)
			return B_INVALID;
		ae = g1(nd, m + 2);
		plen = g1(nd, m + 3);
		splen = g1(nd, m + 4);
		used = 3;
		if (babel_ss_prefixes(nd, ae, &plen, &splen, 0, m + 2 + used, NULL,
				      len - (unsigned)used, a, src) < 0)
			return B_INVALID;
		if (ae == 0)
			P("for any");
		else
			P("for (%s, %s)", babel_prefix_str(a, plen, b), babel_prefix_str(src, splen, b2));
		break;
	case B_SS_MH_REQ:
		P("\n\tSS-MH-Request ");
		if (len < 14)
			return B_INVALID;
		ae = g1(nd, m + 2);
		plen = g1(nd, m + 3);
		splen = g1(nd, m + 7);
		used = 14;
		if (babel_ss_prefixes(nd, ae, &plen, &splen, 0, m + 2 + used, NULL,
				      len - (unsigned)used, a, src) < 0)
			return B_INVALID;
		P("(%u hops) for (%s, %s) seqno %u id ", g1(nd, m + 6), babel_prefix_str(a, plen, b),
		  babel_prefix_str(src, splen, b2), g2(nd, m + 4));
		babel_id(nd, m + 8);
		break;
	case B_MAC:
		P("\n\tMAC len %u", len);
		break;
	case B_PC:
		P("\n\tPC");
		if (len < 4)
			return B_INVALID;
		P(" value %u index len %u", g4(nd, m + 2), len - 4);
		break;
	case B_CHAL_REQ:
	case B_CHAL_REPLY:
		P(type == B_CHAL_REQ ? "\n\tChallenge Request" : "\n\tChallenge Reply");
		if (len > 192)
			return B_INVALID;
		P(" len %u", len);
		break;
	default:
		P("\n\tUnknown message type %u", type);
		break;
	}
	return B_OK;
}

/* The TLVs in tlen bytes at p, of which room bytes are in the datagram. */
static int babel_tlvs(struct nd *nd, const uint8_t *p, unsigned tlen, unsigned room)
{
	uint8_t v4p[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	uint8_t v6p[16] = { 0 };
	unsigned i = 0, type, len;
	const uint8_t *m;

	while (i < tlen) {
		m = p + i;
		if (i + 1 > room)
			return B_INVALID;
		type = g1(nd, m);
		if (type == B_PAD1) {
			P(nd->o->vflag ? "\n\tPad 1" : " pad1");
			i++;
			continue;
		}
		if (i + 2 > tlen || i + 2 > room)
			return B_INVALID;
		if (!nd_ok(nd, m, 2))
			return B_TRUNC;
		len = m[1];
		if (i + 2 + len > tlen || i + 2 + len > room)
			return B_INVALID;
		if (!nd_ok(nd, m, 2 + len))
			return B_TRUNC;
		if (nd->o->vflag) {
			if (babel_tlv_v(nd, m, type, len, v4p, v6p) != B_OK)
				return B_INVALID;
		} else if (type == B_UPDATE) {
			P(" update");
			if (len < 10)
				return B_INVALID;
			babel_update_flags(nd, m[3]);
		} else {
			P(" %s", tok_or(short_names, type, "unknown"));
		}
		i += len + 2;
	}
	return B_OK;
}

void babel_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned body;
	int r;

	nd->proto = "babel";
	P("babel");
	if (!nd_ok(nd, p, 4)) {
		nd_trunc(nd);
		return;
	}
	if (p[0] != 42) {
		P(" invalid header");
		return;
	}
	P(" %u", p[1]);
	if (p[1] != 2) {
		P(" unknown version");
		return;
	}
	if (len < 4)
		goto invalid;
	body = g2(nd, p + 2);
	P(" (%u)", body);
	len -= 4;
	p += 4;
	if (len < body)
		goto invalid;
	if ((r = babel_tlvs(nd, p, body, len)) != B_OK)
		goto bad;
	len -= body;
	p += body;
	if (len) {
		/* the trailer (RFC 8966 4.2): more TLVs */
		P(nd->o->vflag ? "\n\t----" : " |");
		if ((r = babel_tlvs(nd, p, len, len)) != B_OK)
			goto bad;
	}
	return;
bad:
	if (r == B_TRUNC) {
		nd_trunc(nd);
		return;
	}
invalid:
	P(" (invalid)");
}
