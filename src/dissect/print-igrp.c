/* Cisco IGRP (IP protocol 9), as tcpdump 4.99 prints it: the header and
 * its interior, system and exterior routes on one line. */
#include "dissect-int.h"

static const struct tok igrp_ops[] = { { 1, "update" }, { 2, "request" }, { 0, NULL } };

/* One route's metrics (after its 3 network bytes). */
static void igrp_route_print(struct nd *nd, const uint8_t *r)
{
	uint32_t dly = g3(nd, r + 3), bw = g3(nd, r + 6), metric = bw + dly;
	unsigned mtu = g2(nd, r + 9);

	if (metric > 0xffffff)
		metric = 0xffffff;
	P(" d=%u b=%u r=%u l=%u M=%u mtu=%u in %u hops", 10 * dly, bw ? 10000000 / bw : 0,
	  g1(nd, r + 11), g1(nd, r + 12), metric, mtu, g1(nd, r + 13));
}

void igrp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned nint, nsys, next, vop, sum;
	const uint8_t *cp = p + 12;
	char b[16];

	nd->proto = "igrp";
	P("igrp:");
	nint = g2(nd, p + 4);
	nsys = g2(nd, p + 6);
	next = g2(nd, p + 8);
	vop = g1(nd, p);
	P(" %s V%u edit=%u AS=%u (%u/%u/%u)", tok2str(igrp_ops, "op-#%u", vop & 0xf, b, sizeof(b)),
	  vop >> 4, g1(nd, p + 1), g2(nd, p + 2), nint, nsys, next);
	sum = g2(nd, p + 10);
	if (nd->o->vflag)
		P(" checksum=0x%04x", sum);
	len -= 12;	/* wraps when shorter, as in tcpdump: the reads then end it */
	while (len >= 14) {
		unsigned n0 = g1(nd, cp), n1 = g1(nd, cp + 1), n2 = g1(nd, cp + 2);

		if (nint) {
			P(" *.%u.%u.%u", n0, n1, n2);
			nint--;
		} else if (nsys) {
			P(" %u.%u.%u.0", n0, n1, n2);
			nsys--;
		} else if (next) {
			P(" X%u.%u.%u.0", n0, n1, n2);
			next--;
		} else {
			P(" [extra bytes %u]", len);
			break;
		}
		igrp_route_print(nd, cp);
		cp += 14;
		len -= 14;
	}
	if (nint || nsys || next || len)
		P(" (invalid)");
}
