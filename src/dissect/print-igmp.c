/* IGMP (v1-v3 queries, reports and leaves, mtrace), as tcpdump prints it.
 * DVMRP and PIMv1, carried in IGMP too, are decoded by print-dvmrp.c and
 * print-pim.c. */
#include "dissect-int.h"

static const struct tok v3_records[] = {
	{ 1, "is_in" }, { 2, "is_ex" }, { 3, "to_in" }, { 4, "to_ex" },
	{ 5, "allow" }, { 6, "block" }, { 0, NULL }
};

static void v3_report(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	uint32_t g = 8, i, j, ngroups, nsrcs;
	char a[16], b[32];

	if (len < 16 || (len & 3)) {
		P(" [invalid len %u]", len);
		return;
	}
	ngroups = g2(nd, bp + 6);
	P(", %u group record(s)", ngroups);
	if (!nd->o->vflag)
		return;
	for (i = 0; i < ngroups; i++) {
		if (len < g + 8) {
			P(" [invalid number of groups]");
			return;
		}
		P(" [gaddr %s", ip4_str(nd, bp + g + 4, a));
		P(" %s", tok2str(v3_records, " [v3-report-#%u]", g1(nd, bp + g), b, sizeof(b)));
		nsrcs = g2(nd, bp + g + 2);
		if (len < g + 8 + (nsrcs << 2)) {
			P(" [invalid number of sources %u]", nsrcs);
			return;
		}
		if (nd->o->vflag == 1) {
			P(", %u source(s)", nsrcs);
		} else {
			P(" {");
			for (j = 0; j < nsrcs; j++)
				P(" %s", ip4_str(nd, bp + g + 8 + (j << 2), a));
			P(" }");
		}
		g += 8 + (nsrcs << 2);
		P("]");
	}
}

static void v3_query(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	unsigned mrc, mrt;
	uint32_t nsrcs, i;
	char a[16];

	P(" v3");
	if (len < 12 || (len & 3)) {
		P(" [invalid len %u]", len);
		return;
	}
	mrc = g1(nd, bp + 1);
	mrt = mrc < 128 ? mrc : ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3);
	if (mrc != 100) {
		P(" [max resp time ");
		if (mrt < 600)
			P("%.1fs", mrt * 0.1);
		else
			relts_print(nd, mrt / 10);
		P("]");
	}
	if (g4(nd, bp + 4) == 0)
		return;
	P(" [gaddr %s", ip4_str(nd, bp + 4, a));
	nsrcs = g2(nd, bp + 10);
	if (nsrcs > 0) {
		if (len < 12 + (nsrcs << 2)) {
			P(" [invalid number of sources]");
		} else if (nd->o->vflag > 1) {
			P(" {");
			for (i = 0; i < nsrcs; i++)
				P(" %s", ip4_str(nd, bp + 12 + (i << 2), a));
			P(" }");
		} else {
			P(", %u source(s)", nsrcs);
		}
	}
	P("]");
}

/* mtrace and its response: query id, source, destination, reply-to. */
static void mtrace(struct nd *nd, const char *name, const uint8_t *bp, uint32_t len)
{
	const uint8_t *q = bp + 8;
	char s[16], d[16], r[16];

	if (len < 8 + 16) {
		P(" [invalid len %u]", len);
		return;
	}
	P("%s %u: %s to %s reply-to %s", name,
	  (unsigned)g1(nd, q + 13) << 16 | g2(nd, q + 14), ip4_str(nd, q, s),
	  ip4_str(nd, q + 4, d), ip4_str(nd, q + 8, r));
	if ((g4(nd, q + 8) >> 28) == 0xe)
		P(" with-ttl %u", g1(nd, q + 12));
}

void igmp_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	char a[16];

	nd->proto = "igmp";
	if (nd->o->qflag) {
		P("igmp");
		return;
	}
	switch (g1(nd, bp)) {
	case 0x11:
		P("igmp query");
		if (len >= 12) {
			v3_query(nd, bp, len);
			break;
		}
		if (g1(nd, bp + 1)) {
			P(" v2");
			if (g1(nd, bp + 1) != 100)
				P(" [max resp time %u]", g1(nd, bp + 1));
		} else {
			P(" v1");
		}
		if (g4(nd, bp + 4))
			P(" [gaddr %s]", ip4_str(nd, bp + 4, a));
		if (len != 8)
			P(" [len %u]", len);
		break;
	case 0x12:
		P("igmp v1 report %s", ip4_str(nd, bp + 4, a));
		if (len != 8)
			P(" [len %u]", len);
		break;
	case 0x16:
		P("igmp v2 report %s", ip4_str(nd, bp + 4, a));
		break;
	case 0x22:
		P("igmp v3 report");
		v3_report(nd, bp, len);
		break;
	case 0x17:
		P("igmp leave %s", ip4_str(nd, bp + 4, a));
		break;
	case 0x13:
		P("igmp dvmrp");
		if (len < 8)
			P(" [len %u]", len);
		else
			dvmrp_print(nd, bp, len);
		break;
	case 0x14:
		P("igmp pimv1");
		pimv1_print(nd, bp, len);
		break;
	case 0x1e:
		mtrace(nd, "mresp", bp, len);
		break;
	case 0x1f:
		mtrace(nd, "mtrace", bp, len);
		break;
	default:
		P("igmp-%u", g1(nd, bp));
		break;
	}
	if (nd->o->vflag && len >= 4 && nd_ok(nd, bp, len) && in_cksum(bp, len, 0))
		P(" bad igmp cksum %x!", g2(nd, bp + 2));
}
