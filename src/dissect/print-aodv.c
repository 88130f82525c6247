/* AODV ad-hoc routing (RFC 3561, and the IPv6 draft-01 message types;
 * UDP 654), as tcpdump 4.99.3 prints it: route requests, replies, errors
 * and acknowledgements in one or two lines, and a Hello extension. */
#include "dissect-int.h"

/* Where the fields of a route request or reply are, by its layout. */
struct aodv_layout {
	uint8_t size, alen, id, da, ds, oa, os;	/* os: originator seq or lifetime */
};

static const struct aodv_layout rreq4 = { 24, 4, 4, 8, 12, 16, 20 };
static const struct aodv_layout rreq6 = { 48, 16, 4, 8, 24, 28, 44 };
static const struct aodv_layout rreq6d = { 48, 16, 4, 16, 8, 32, 12 };
static const struct aodv_layout rrep4 = { 20, 4, 0, 4, 8, 12, 16 };
static const struct aodv_layout rrep6 = { 44, 16, 0, 4, 20, 24, 40 };
static const struct aodv_layout rrep6d = { 44, 16, 0, 8, 4, 24, 40 };

static const char *aodv_addr(struct nd *nd, const uint8_t *p, unsigned alen, char *b)
{
	return alen == 4 ? ip4_str(nd, p, b) : ip6_str(nd, p, b);
}

/* An extension after a request or reply: n bytes at p (n >= 2). */
static void aodv_ext(struct nd *nd, const uint8_t *p, unsigned n)
{
	if (!nd_ok(nd, p, 2))
		goto trunc;
	if (p[0] != 1) {
		P("\n\text %u %u", p[0], p[1]);
		return;
	}
	if (!nd_ok(nd, p, 6) || n < 6)
		goto trunc;
	if (p[1] < 4)
		P("\n\text HELLO - bad length %u", p[1]);
	else
		P("\n\text HELLO %u ms", g4(nd, p + 2));
	return;
trunc:
	nd_trunc(nd);
}

/* A route request (rreq) or reply; the flags tcpdump shows are the bits
 * of the type byte. */
static void aodv_route(struct nd *nd, const uint8_t *p, unsigned len, const struct aodv_layout *l,
		       int rreq, const char *name)
{
	char a[46], b[46];
	unsigned f;

	if (!nd_ok(nd, p, l->size) || len < l->size) {
		nd_trunc(nd);
		return;
	}
	f = p[0];
	if (rreq)
		P(" %s %u %s%s%s%s%shops %u id 0x%08x\n\tdst %s seq %u src %s seq %u", name, len,
		  f & 0x80 ? "[J]" : "", f & 0x40 ? "[R]" : "", f & 0x20 ? "[G]" : "",
		  f & 0x10 ? "[D]" : "", f & 0x08 ? "[U] " : " ", p[3], g4(nd, p + l->id),
		  aodv_addr(nd, p + l->da, l->alen, a), g4(nd, p + l->ds),
		  aodv_addr(nd, p + l->oa, l->alen, b), g4(nd, p + l->os));
	else
		P(" rrep %u %s%sprefix %u hops %u\n\tdst %s dseq %u src %s %u ms", len,
		  f & 0x80 ? "[R]" : "", f & 0x40 ? "[A] " : " ", p[2] & 0x1f, p[3],
		  aodv_addr(nd, p + l->da, l->alen, a), g4(nd, p + l->ds),
		  aodv_addr(nd, p + l->oa, l->alen, b), g4(nd, p + l->os));
	if (len - l->size >= 2)
		aodv_ext(nd, p + l->size, len - l->size);
}

/* A route error: unreachable destinations of alen-byte addresses. */
static void aodv_rerr(struct nd *nd, const uint8_t *p, unsigned len, unsigned alen)
{
	unsigned n, left, each = alen + 4;
	char a[46];

	if (!nd_ok(nd, p, 4) || len < 4)
		goto trunc;
	P(" rerr %s [items %u] [%u]:", p[1] & 0x80 ? "[D]" : "", p[3], len);
	left = len - 4;
	for (n = p[3], p += 4; n; n--, p += each, left -= each) {
		if (!nd_ok(nd, p, each) || left < each)
			goto trunc;
		P(" {%s}(%u)", aodv_addr(nd, p, alen, a), g4(nd, p + alen));
	}
	return;
trunc:
	nd_trunc(nd);
}

void aodv_print(struct nd *nd, const uint8_t *p, uint32_t len, int v6)
{
	unsigned type;

	nd->proto = "aodv";
	type = g1(nd, p);
	P(" aodv");
	switch (type) {
	case 1:
		aodv_route(nd, p, len, v6 ? &rreq6 : &rreq4, 1, v6 ? "v6 rreq" : "rreq");
		break;
	case 2:
		aodv_route(nd, p, len, v6 ? &rrep6 : &rrep4, 0, NULL);
		break;
	case 3:
		aodv_rerr(nd, p, len, v6 ? 16 : 4);
		break;
	case 16:
		aodv_route(nd, p, len, &rreq6d, 1, "rreq");
		break;
	case 17:
		aodv_route(nd, p, len, &rrep6d, 0, NULL);
		break;
	case 18:
		aodv_rerr(nd, p, len, 16);
		break;
	case 4:
	case 19:
		P(" rrep-ack %u", len);
		break;
	default:
		P(" type %u %u", type, len);
		break;
	}
}
