/* DVMRP (RFC 1075, draft-ietf-idmr-dvmrp-v3) inside IGMP type 0x13, as
 * tcpdump 4.99.3 prints it: probes (-v), route reports (-vv), the mrinfo
 * neighbour lists, prunes, grafts and their acknowledgements; and Cisco's
 * auto-RP (UDP 496), the other multicast-routing helper. */
#include "dissect-int.h"

static const struct tok dvmrp_types[] = {
	{ 1, "Probe" }, { 2, "Report" }, { 3, "Ask-neighbors(old)" },
	{ 4, "Neighbors(old)" }, { 5, "Ask-neighbors2" }, { 6, "Neighbors2" },
	{ 7, "Prune" }, { 8, "Graft" }, { 9, "Graft-ACK" }, { 0, NULL }
};

/* Neighbors2 flag bits, in the order tcpdump names them. */
static const struct tok nbr_flags[] = {
	{ 0x01, "/tunnel" }, { 0x02, "/srcrt" }, { 0x40, "/querier" },
	{ 0x20, "/disabled" }, { 0x10, "/down" }, { 0, NULL }
};

static void dotted(struct nd *nd, uint32_t a)
{
	P("%u.%u.%u.%u", a >> 24, (a >> 16) & 0xff, (a >> 8) & 0xff, a & 0xff);
}

/* Route reports: a 3-byte mask (first byte implied 255), then origins as
 * wide as the mask needs, each with a metric; the high metric bit ends the
 * list for this mask. */
static int report_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	uint32_t mask, origin;
	unsigned width, i, metric;
	int done;

	while (len > 0) {
		if (len < 3) {
			P(" [length %u < 3]", len);
			return 0;
		}
		mask = 0xffu << 24 | (uint32_t)g1(nd, bp) << 16 | (uint32_t)g1(nd, bp + 1) << 8 |
		       g1(nd, bp + 2);
		width = bp[2] ? 4 : bp[1] ? 3 : bp[0] ? 2 : 1;
		P("\n\tMask ");
		dotted(nd, mask);
		bp += 3;
		len -= 3;
		do {
			if (len < width + 1) {
				P("\n\t  [Truncated Report]");
				return 0;
			}
			origin = 0;
			for (i = 0; i < 4; i++)
				origin = origin << 8 | (i < width ? g1(nd, bp + i) : 0);
			metric = g1(nd, bp + width);
			bp += width + 1;
			done = metric & 0x80;
			P("\n\t  ");
			dotted(nd, origin);
			P(" metric %u", metric & 0x7f);
			len -= width + 1;
		} while (!done);
	}
	return 1;
}

static int probe_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	char a[16];

	if (len < 4) {
		P(" [full length %u < 4]", len);
		return 0;
	}
	P("%s", nd->o->vflag > 1 ? "\n\t" : " ");
	P("genid %u", g4(nd, bp));
	if (nd->o->vflag < 2)
		return 1;
	for (bp += 4, len -= 4; len > 0; bp += 4, len -= 4) {
		if (len < 4) {
			P("[remaining length %u < 4]", len);
			return 0;
		}
		P("\n\tneighbor %s", ip4_str(nd, bp, a));
	}
	return 1;
}

/* Neighbors (old format, v2 0) and Neighbors2: per local address a metric,
 * a threshold (and flags in the new format), then its neighbours. */
static int neighbors_print(struct nd *nd, const uint8_t *bp, uint32_t len, int v2)
{
	const uint8_t *laddr;
	unsigned metric, thresh, flags = 0, hl = v2 ? 8 : 7;
	int ncount;
	char a[16], b[16];

	while (len > 0) {
		if (len < hl) {
			P(" [length %u < %u]", len, hl);
			return 0;
		}
		laddr = bp;
		metric = g1(nd, bp + 4);
		thresh = g1(nd, bp + 5);
		if (v2)
			flags = g1(nd, bp + 6);
		ncount = g1(nd, bp + hl - 1);
		bp += hl;
		len -= hl;
		while (--ncount >= 0 && (!v2 || len > 0)) {
			if (len < 4) {
				P(" [length %u < 4]", len);
				return 0;
			}
			if (!v2) {
				P(" [%s ->", ip4_str(nd, laddr, a));
				P(" %s, (%u/%u)]", ip4_str(nd, bp, b), metric, thresh);
			} else {
				P(" [%s -> ", ip4_str(nd, laddr, a));
				P("%s (%u/%u", ip4_str(nd, bp, b), metric, thresh);
				bits_print(nd, nbr_flags, "", flags, "");
				P(")]");
			}
			bp += 4;
			len -= 4;
		}
		if (v2 && ncount != -1) {
			P(" [invalid ncount]");
			return 0;
		}
	}
	return 1;
}

void dvmrp_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	unsigned type;
	int ok = 1;
	char a[16], b[16];

	nd->proto = "dvmrp";
	if (len < 8) {
		P(" [length %u < 8] (invalid)", len);
		return;
	}
	type = g1(nd, bp + 1);
	P(" %s", tok2str(dvmrp_types, "[type %u]", type, a, sizeof(a)));
	switch (type) {
	case 1:
		if (nd->o->vflag)
			ok = probe_print(nd, bp + 8, len - 8);
		break;
	case 2:
		if (nd->o->vflag > 1)
			ok = report_print(nd, bp + 8, len - 8);
		break;
	case 4:
		ok = neighbors_print(nd, bp + 8, len - 8, 0);
		break;
	case 6:	/* the version is in the IGMP group address field */
		P(" (v %u.%u):", g1(nd, bp + 7), g1(nd, bp + 6));
		ok = neighbors_print(nd, bp + 8, len - 8, 1);
		break;
	case 7:
		P(" src %s grp %s", ip4_str(nd, bp + 8, a), ip4_str(nd, bp + 12, b));
		P(" timer ");
		relts_print(nd, g4(nd, bp + 16));
		break;
	case 8: case 9:
		P(" src %s grp %s", ip4_str(nd, bp + 8, a), ip4_str(nd, bp + 12, b));
		break;
	}
	if (!ok)
		P(" (invalid)");
}

/* Cisco's auto-RP (UDP 496): a candidate RP's advertisement or the
 * mapping agent's RP-to-group mappings.  tcpdump ends it with
 * " [|cisco_autorp]" where the length runs out, and goes on. */
void cisco_autorp_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	static const char *const vers[] = { " PIMv?", " PIMv1", " PIMv2", " PIMv1+2" };
	unsigned type, numrps, hold, n;
	char a[16], sep;

	nd->proto = "cisco_autorp";
	if (len < 8)
		goto trunc;
	P(" auto-rp ");
	type = g1(nd, bp);
	if (type == 0x11 || type == 0x12)
		P(type == 0x11 ? "candidate-advert" : "mapping");
	else
		P("type-0x%02x", type);
	numrps = g1(nd, bp + 1);
	P(" Hold ");
	hold = g2(nd, bp + 2);
	if (hold)
		relts_print(nd, hold);
	else
		P("FOREVER");
	bp += 8;
	len -= 8;
	for (; numrps; numrps--) {
		if (len < 4)
			goto trunc;
		P(" RP %s", ip4_str(nd, bp, a));
		bp += 4;
		len -= 4;
		if (len < 1)
			goto trunc;
		P("%s", vers[g1(nd, bp) & 3]);
		if (bp[0] & 0xfc)
			P(" [rsvd=0x%02x]", bp[0] & 0xfc);
		bp++;
		len--;
		if (len < 1)
			goto trunc;
		n = g1(nd, bp);
		bp++;
		len--;
		for (sep = ' '; n; n--, sep = ',', bp += 6, len -= 6) {
			if (len < 6)
				goto trunc;
			P("%c%s%s/%u", sep, g1(nd, bp) & 1 ? "!" : "", ip4_str(nd, bp + 2, a),
			  g1(nd, bp + 1));
			if (bp[0] & 0x02)
				P(" bidir");
			if (bp[0] & 0xfc)
				P("[rsvd=0x%02x]", bp[0] & 0xfc);
		}
	}
	return;
trunc:
	nd_trunc(nd);
}
