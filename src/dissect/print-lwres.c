/* BIND 9's lightweight resolver protocol (lwres, UDP 921), as tcpdump
 * 4.99 prints it: the opcode, -vv's header fields, and the names and
 * addresses of the queries and responses it knows. */
#include "dissect-int.h"

static const struct tok lwres_ops[] = {
	{ 0, "noop" }, { 0x10001, "getaddrsbyname" }, { 0x10002, "getnamebyaddr" },
	{ 0x10003, "getrdatabyname" }, { 0, NULL }
};

/* A name of l bytes and its NUL: the bytes it takes. */
static uint32_t lw_name(struct nd *nd, const uint8_t *bp, uint32_t off, unsigned l)
{
	P(" ");
	chars_print(nd, bp + off, l);
	if (g1(nd, bp + off + l))
		P(" (not NUL-terminated!)");
	return l + 1;
}

/* A name after its 16-bit length. */
static uint32_t lw_namelen(struct nd *nd, const uint8_t *bp, uint32_t off)
{
	return 2 + lw_name(nd, bp, off + 2, g2(nd, bp + off));
}

/* Bytes in hex after their 16-bit length. */
static uint32_t lw_binlen(struct nd *nd, const uint8_t *bp, uint32_t off)
{
	unsigned l = g2(nd, bp + off), i;

	for (i = 0; i < l; i++)
		P("%02x", g1(nd, bp + off + 2 + i));
	return 2 + l;
}

/* An address (family, length, bytes): the bytes it takes, 0 when too
 * short for its family. */
static uint32_t lw_addr(struct nd *nd, const uint8_t *bp, uint32_t off)
{
	const uint8_t *p = bp + off;
	unsigned l = g2(nd, p + 4), i;
	uint32_t fam;
	char buf[46];

	gcheck(nd, p + 6, l);
	fam = g4(nd, p);
	if (fam == 1 || fam == 2) {
		unsigned n = fam == 1 ? 4 : 16;
		if (l < n)
			return 0;
		P(" %s", n == 4 ? ip4_str(nd, p + 6, buf) : ip6_str(nd, p + 6, buf));
		return 6 + n;
	}
	P(" %u/", fam);
	for (i = 0; i < l; i++)
		P("%02x", g1(nd, p + 6 + i));
	return 6 + l;
}

/* The type and, when not IN, the class of a getrdatabyname message */
static void lw_rdtype(struct nd *nd, const uint8_t *p)
{
	char b[16];
	unsigned cl;

	P(" %s", tok2str(dns_type_names, "Type%u", g2(nd, p + 6), b, sizeof(b)));
	cl = g2(nd, p + 4);
	if (cl != 1)
		P(" %s", tok2str(dns_class_names, "Class%u", cl, b, sizeof(b)));
}

/* The fixed part of a body (n bytes at p, which begin with the flags)
 * must be there; -vvv prints the flags. */
static void lw_flags(struct nd *nd, const uint8_t *p, unsigned n)
{
	gcheck(nd, p, n);
	if (nd->o->vflag > 2)
		P(" flags:0x%x", g4(nd, p));
}

/* A query's body at bp + 28: the offset after it, or 0 for "(invalid)";
 * *unsup when the opcode is unknown. */
static uint32_t lw_query(struct nd *nd, const uint8_t *bp, uint32_t op, int *unsup)
{
	const uint8_t *p = bp + 28;
	uint32_t v, a;

	switch (op) {
	case 0:
		return 28;
	case 0x10001:
		lw_flags(nd, p, 10);
		v = g4(nd, p + 4);
		if ((v & 3) == 1)
			P(" IPv4");
		else if ((v & 3) == 2)
			P(" IPv6");
		else if ((v & 3) == 3)
			P(" IPv4/6");
		if (v & ~3u)
			P("[0x%x]", v);
		return 38 + lw_name(nd, bp, 38, g2(nd, p + 8));
	case 0x10002:
		lw_flags(nd, p, 4);
		a = lw_addr(nd, bp, 32);
		return a ? 32 + a : 0;
	case 0x10003:
		lw_flags(nd, p, 10);
		lw_rdtype(nd, p);
		return 38 + lw_name(nd, bp, 38, g2(nd, p + 8));
	default:
		*unsup = 1;
		return 28;
	}
}

/* A response's body, as lw_query. */
static uint32_t lw_response(struct nd *nd, const uint8_t *bp, uint32_t op, int *unsup)
{
	const uint8_t *p = bp + 28;
	uint32_t s, i, n, a;

	switch (op) {
	case 0:
		return 28;
	case 0x10001:
		lw_flags(nd, p, 10);
		P(" %u/%u", g2(nd, p + 4), g2(nd, p + 6));
		s = 38 + lw_name(nd, bp, 38, g2(nd, p + 8));
		for (n = g2(nd, p + 4), i = 0; i < n; i++)
			s += lw_namelen(nd, bp, s);
		for (n = g2(nd, p + 6), i = 0; i < n; i++) {
			a = lw_addr(nd, bp, s);
			if (!a)
				return 0;
			s += a;
		}
		return s;
	case 0x10002:
		lw_flags(nd, p, 8);
		P(" %u", g2(nd, p + 4));
		s = 36 + lw_name(nd, bp, 36, g2(nd, p + 6));
		for (n = g2(nd, p + 4), i = 0; i < n; i++)
			s += lw_namelen(nd, bp, s);
		return s;
	case 0x10003:
		lw_flags(nd, p, 16);
		lw_rdtype(nd, p);
		P(" TTL ");
		relts_print(nd, g4(nd, p + 8));
		P(" %u/%u", g2(nd, p + 12), g2(nd, p + 14));
		s = 44 + lw_namelen(nd, bp, 44);
		for (n = g2(nd, p + 12), i = 0; i < n; i++)
			s += lw_binlen(nd, bp, s);
		for (n = g2(nd, p + 14), i = 0; i < n; i++)
			s += lw_binlen(nd, bp, s);
		return s;
	default:
		*unsup = 1;
		return 28;
	}
}

void lwres_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	unsigned ver, flags;
	uint32_t op, s, plen;
	int unsup = 0;
	char b[16];

	nd->proto = "lwres";
	gcheck(nd, bp, 28);
	P(" lwres");
	ver = g2(nd, bp + 4);
	if (nd->o->vflag || ver != 0)
		P(" v%u", ver);
	if (ver != 0) {
		s = g4(nd, bp);
	} else {
		flags = g2(nd, bp + 6);
		op = g4(nd, bp + 12);
		P(" %s%s", tok2str(lwres_ops, "#0x%x", op, b, sizeof(b)), flags & 1 ? "" : "?");
		if (flags & ~1u)
			P("[0x%x]", flags);
		if (nd->o->vflag > 1) {
			P(" (serial:0x%x result:0x%x recvlen:%u", g4(nd, bp + 8), g4(nd, bp + 16),
			  g4(nd, bp + 20));
			if (nd->o->vflag > 2)
				P(" authtype:0x%x authlen:%u", g2(nd, bp + 24), g2(nd, bp + 26));
			P(")");
		}
		s = flags & 1 ? lw_response(nd, bp, op, &unsup) : lw_query(nd, bp, op, &unsup);
		if (!s) {
			P(" (invalid)");
			return;
		}
	}
	plen = g4(nd, bp);
	if (plen != len)
		P(" [len: %u != %u]", plen, len);
	if (!unsup && s < plen)
		P("[extra]");
}
