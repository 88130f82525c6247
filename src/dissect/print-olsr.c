/* OLSR (RFC 3626, with olsr.org's link quality, smart gateway and name
 * service extensions; UDP 698), as tcpdump 4.99.3 prints it: the packet
 * header in one line, with -v each message: hellos and their links,
 * topology control, interface addresses, host and network associations,
 * names. */
#include "dissect-int.h"

enum { M_HELLO = 1, M_TC = 2, M_MID = 3, M_HNA = 4, M_NAMES = 130, M_HELLO_LQ = 201, M_TC_LQ = 202 };

static const struct tok msg_names[] = {
	{ M_HELLO, "Hello" }, { M_TC, "TC" }, { M_MID, "MID" }, { M_HNA, "HNA" },
	{ 128, "Powerinfo" }, { M_NAMES, "Nameservice" }, { M_HELLO_LQ, "Hello-LQ" },
	{ M_TC_LQ, "TC-LQ" }, { 0, NULL }
};

static const struct tok link_types[] = {
	{ 0, "Unspecified" }, { 1, "Asymmetric" }, { 2, "Symmetric" }, { 3, "Lost" }, { 0, NULL }
};

static const struct tok neighbor_types[] = {
	{ 0, "Not-Neighbor" }, { 1, "Symmetric" }, { 2, "Symmetric-MPR" }, { 0, NULL }
};

/* RFC 3626 section 18.3: a mantissa/exponent byte as seconds. */
static double olsr_time(unsigned me)
{
	return (double)(0.0625 * (1 + (double)(me >> 4) / 16) * (double)(1 << (me & 0x0f)));
}

/* A netmask's prefix length; -1 when it is none. */
static int olsr_plen4(uint32_t mask)
{
	int n;

	for (n = 32; n > 0; n--)
		if (mask == (uint32_t)(0xffffffffu << (32 - n)))
			return n;
	return mask == 0 ? 0 : -1;
}

/* An IPv6 mask's prefix length as tcpdump counts it: whole bytes of
 * ones, then the ones of the first other byte when it is a mask byte. */
static unsigned olsr_plen6(const uint8_t *m)
{
	unsigned n = 0, i, b;

	for (i = 0; i < 16; i++) {
		for (b = 0; b <= 8; b++) {
			if (m[i] == (uint8_t)(0xff00 >> b)) {
				n += b;
				break;
			}
		}
		if (m[i] != 0xff)
			break;
	}
	return n;
}

/* olsr.org's smart gateway speeds: a mantissa/exponent byte, in kbit/s. */
static unsigned gw_speed(unsigned v)
{
	unsigned s, e;

	if (v == 0)
		return 0;
	if (v == 0xff)
		return 320000000;
	for (s = (v >> 3) + 1, e = v & 7; e; e--)
		s *= 10;
	return s;
}

static const char *olsr_addr(struct nd *nd, const uint8_t *p, int v6, char *b)
{
	return v6 ? ip6_str(nd, p, b) : ip4_str(nd, p, b);
}

/* Neighbour addresses (plain, n bytes) or neighbours with link
 * qualities; 0 when cut. */
static int olsr_neighbors(struct nd *nd, const uint8_t *p, unsigned n, int lq, int v6)
{
	/* plain neighbours are IPv4 addresses in tcpdump, over IPv6 too */
	unsigned alen = v6 ? 16 : 4, each = lq ? alen + 4 : 4;
	char b[46];

	if (!lq)
		P("\n\t      neighbor\n\t\t");
	for (; n >= each; n -= each, p += each) {
		if (!lq) {
			P("%s ", ip4_str(nd, p, b));
			continue;
		}
		if (!nd_ok(nd, p, each))
			return 0;
		P("\n\t      neighbor %s, link-quality %.2f%%, neighbor-link-quality %.2f%%",
		  olsr_addr(nd, p, v6, b), (double)p[alen] / 2.55, (double)p[alen + 1] / 2.55);
	}
	return 1;
}

/* A Hello's links after its header: n bytes at p; 0 when cut. */
static int olsr_links(struct nd *nd, const uint8_t *p, unsigned n, int lq, int v6)
{
	unsigned hl, code;
	int ok;

	while (n >= 4) {
		if (!nd_ok(nd, p, 4))
			return 0;
		hl = g2(nd, p + 2);
		code = p[0];
		ok = hl <= n && hl >= 4;
		P("\n\t    link-type %s, neighbor-type %s, len %u%s", tok_or(link_types, code & 3, "Unknown"),
		  tok_or(neighbor_types, code >> 2, "Unknown"), hl, ok ? "" : " (invalid)");
		if (!ok)
			break;
		p += 4;
		n -= 4;
		hl -= 4;
		if (!nd_ok(nd, p, hl) || !olsr_neighbors(nd, p, hl, lq, v6))
			return 0;
		p += hl;
		n -= hl;
	}
	return 1;
}

/* HNA: networks and masks, or olsr.org smart gateways; 0 when cut. */
static int olsr_hna(struct nd *nd, const uint8_t *p, unsigned n, int v6)
{
	unsigned each = v6 ? 32 : 8, col = 0, i = 0, f;
	char b[46];

	P("\n\t  Advertised networks (total %u)", n / each);
	for (; n >= each; n -= each, p += each, col = (col + 1) % 4) {
		if (!nd_ok(nd, p, each))
			return 0;
		if (v6) {
			/* tcpdump numbers them all #0 */
			P("\n\t    #%u: %s/%u", i, ip6_str(nd, p, b), olsr_plen6(p + 16));
			continue;
		}
		f = p[5];
		if (!p[0] && !p[1] && !p[2] && !p[3] && !p[4] && f)
			P("%sSmart-Gateway:%s%s%s%s%s %u/%u", col ? ", " : "\n\t    ",
			  f & 1 ? " LINKSPEED" : "", f & 2 ? " IPV4" : "", f & 4 ? " IPV4-NAT" : "",
			  f & 8 ? " IPV6" : "", f & 16 ? " IPv6-PREFIX" : "", f & 1 ? gw_speed(p[6]) : 0,
			  f & 1 ? gw_speed(p[7]) : 0);
		else
			P("%s%s/%u", col ? ", " : "\n\t    ", ip4_str(nd, p, b),
			  (unsigned)olsr_plen4(g4(nd, p + 4)));
	}
	return 1;
}

/* The name service's entries; 0 when cut. */
static int olsr_names(struct nd *nd, const uint8_t *p, unsigned n, int v6)
{
	unsigned count, alen = v6 ? 16 : 4, i, type, len, pad;
	int ok;
	char b[46];

	if (n < 4)
		return 0;
	count = g2(nd, p + 2);
	ok = count > 0 && count * (4 + alen) <= n;
	P("\n\t  Version %u, Entries %u%s", g2(nd, p), count, ok ? "" : " (invalid)");
	if (!ok)
		return 1;
	p += 4;
	n -= 4;
	for (i = 0; i < count && n >= 4; i++) {
		type = g2(nd, p);
		len = g2(nd, p + 2);
		p += 4;
		n -= 4;
		ok = len > 0 && alen + len <= n;
		P("\n\t    #%u: type %#06x, length %u%s", i, type, len, ok ? "" : " (invalid)");
		if (!ok)
			break;
		pad = len % 4 ? 4 - len % 4 : 0;
		if (n < alen + len + pad || !nd_ok(nd, p, alen + len + pad))
			return 0;
		P(", address %s, name \"", olsr_addr(nd, p, v6, b));
		chars_print(nd, p + alen, len);
		P("\"");
		p += alen + len + pad;
		n -= alen + len + pad;
	}
	return 1;
}

void olsr_print(struct nd *nd, const uint8_t *p, uint32_t length, int v6)
{
	const uint8_t *t, *d;
	unsigned hlen = v6 ? 24 : 12, type, mlen, n;
	int ok, done;
	char b[46];

	nd->proto = "olsr";
	P("OLSRv%u", v6 ? 6 : 4);
	if (length < 4 || !nd_ok(nd, p, 4))
		goto trunc;
	if (g2(nd, p) < length)
		length = g2(nd, p);
	P(", seq 0x%04x, length %u", g2(nd, p + 2), length);
	if (!nd->o->vflag)
		return;
	for (t = p + 4; t < p + length; t += mlen) {
		if (!nd_ok(nd, t, hlen))
			goto trunc;
		type = t[0];
		mlen = g2(nd, t + 2);
		ok = mlen >= hlen && mlen <= length;
		if (type == 0 || mlen == 0)
			return;
		P("\n\t%s Message (%#04x), originator %s, ttl %u, hop %u\n\t  vtime %.3fs, msg-seq 0x%04x, "
		  "length %u%s", tok_or(msg_names, type, "Unknown"), type, olsr_addr(nd, t + 4, v6, b),
		  t[hlen - 4], t[hlen - 3], olsr_time(t[1]), g2(nd, t + hlen - 2), mlen,
		  ok ? "" : " (invalid)");
		if (!ok)
			return;
		d = t + hlen;
		n = mlen - hlen;
		done = 1;
		switch (type) {
		case M_HELLO:
		case M_HELLO_LQ:
			if (n < 4 || !nd_ok(nd, d, 4))
				goto trunc;
			P("\n\t  hello-time %.3fs, MPR willingness %u", olsr_time(d[2]), d[3]);
			done = olsr_links(nd, d + 4, n - 4, type == M_HELLO_LQ, v6);
			break;
		case M_TC:
		case M_TC_LQ:
			if (n < 4 || !nd_ok(nd, d, 4))
				goto trunc;
			P("\n\t    advertised neighbor seq 0x%04x", g2(nd, d));
			done = olsr_neighbors(nd, d + 4, n - 4, type == M_TC_LQ, v6);
			break;
		case M_MID:
			for (; n >= (v6 ? 16u : 4u); n -= v6 ? 16 : 4, d += v6 ? 16 : 4) {
				if (!nd_ok(nd, d, v6 ? 16 : 4))
					goto trunc;
				P("\n\t  interface address %s", olsr_addr(nd, d, v6, b));
			}
			break;
		case M_HNA:
			done = olsr_hna(nd, d, n, v6);
			break;
		case M_NAMES:
			done = olsr_names(nd, d, n, v6);
			break;
		default:
			unknown_data_print(nd, d, "\n\t    ", (int)n);
			break;
		}
		if (!done)
			goto trunc;
	}
	return;
trunc:
	/* tcpdump's checks here end the packet without a longjmp */
	nd_trunc(nd);
}
