/* wb, LBL's shared whiteboard (UDP destination port 4567, or -T wb), as
 * tcpdump 4.99 prints it: the message type and its page, sequence and
 * site fields, with -v the drawing operations. */
#include "dissect-int.h"

static const struct tok wb_dops[] = {
	{ 2, "RECT" }, { 3, "LINE" }, { 4, "ML" }, { 5, "DEL" }, { 6, "XFORM" }, { 7, "ELL" },
	{ 8, "CHAR" }, { 9, "STR" }, { 10, "NOP" }, { 11, "PSCODE" }, { 12, "PSCOMP" },
	{ 13, "REF" }, { 14, "SKIP" }, { 15, "HOLE" }, { 0, NULL }
};

/* "id/address:number", what tcpdump shows for a page */
static void wb_page(struct nd *nd, const char *pre, const uint8_t *p)
{
	char a[16];

	gcheck(nd, p, 8);
	P("%s%s:%u", pre, ip4_str(nd, p, a), g4(nd, p + 4));
}

/* The drawing operations after a pkt_dop header (page, start and end
 * sequence numbers) at p. */
static void wb_dops_print(struct nd *nd, const uint8_t *p, uint32_t ss, uint32_t es)
{
	const uint8_t *dh = p + 16;
	char b[16];

	P(" <");
	for (; ss <= es; ++ss) {
		unsigned t = g1(nd, dh + 7);

		P(" %s", tok2str(wb_dops, "dop-%u!", t, b, sizeof(b)));
		if (t == 14 || t == 15) {
			uint32_t ts = g4(nd, dh);
			P("%u", ts - ss + 1);
			if (ss > ts || ts > es) {
				P("[|]");
				if (ts < ss)
					return;
			}
			ss = ts;
		}
		dh += (g2(nd, dh + 4) + 8u + 3u) & ~3u;
	}
	P(" >");
}

/* A pkt_dop (after the repair reply's site id when rrep): 0, or -1 when
 * too short */
static int wb_dop(struct nd *nd, const uint8_t *p, uint32_t len, int rrep)
{
	char a[16];
	const uint8_t *d = p + (rrep ? 4 : 0);
	uint32_t ss, es;

	P(rrep ? " wb-rrep:" : " wb-dop:");
	if (len < (rrep ? 20u : 16u))
		return -1;
	gcheck(nd, p, rrep ? 20 : 16);
	ss = g4(nd, d + 8);
	es = g4(nd, d + 12);
	if (rrep)
		P(" for %s", ip4_str(nd, p, a));
	wb_page(nd, " ", d);
	P("<%u:%u>", ss, es);
	if (nd->o->vflag)
		wb_dops_print(nd, d, ss, es);
	return 0;
}

static int wb_id(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned nid, i;
	char c = '<', a[16];

	P(" wb-id:");
	if (len < 28)
		return -1;
	len -= 28;
	gcheck(nd, p, 24);
	P(" %u/", g4(nd, p + 12));
	wb_page(nd, "", p + 16);
	P(" (max %u/", g4(nd, p));
	wb_page(nd, "", p + 4);
	P(") ");
	gcheck(nd, p, 28);
	nid = g2(nd, p + 24);
	if (len < 8u * nid)
		return -1;
	len -= 8 * nid;
	for (i = 0; i < nid; i++) {
		const uint8_t *io = p + 28 + 8 * i;
		gcheck(nd, io, 8);
		P("%c%s:%u", c, ip4_str(nd, io, a), g4(nd, io + 4));
		c = ',';
	}
	P("> \"");
	chars_print_z(nd, p + 28 + 8 * nid, len);
	P("\"");
	return 0;
}

static int wb_prep(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t n;
	const uint8_t *ps;
	char a[16];

	P(" wb-prep:");
	if (len < 4)
		return -1;
	n = g4(nd, p);
	for (ps = p + 4; n; n--) {
		unsigned nid, i;
		char c = '<';

		gcheck(nd, ps, 12);
		P(" %u/", g4(nd, ps));
		wb_page(nd, "", ps + 4);
		gcheck(nd, ps, 16);
		/* tcpdump reads the 16-bit id count's first byte only */
		nid = g1(nd, ps + 12);
		ps += 16;
		for (i = 0; i < nid; i++, ps += 8) {
			gcheck(nd, ps, 8);
			P("%c%s:%u", c, ip4_str(nd, ps, a), g4(nd, ps + 4));
			c = ',';
		}
		P(">");
	}
	return 0;
}

void wb_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned type;
	int r;
	char a[16];

	nd->proto = "wb";
	if (len < 12)
		goto invalid;
	gcheck(nd, p, 12);
	len -= 12;
	if (g1(nd, p + 11))
		P("*");
	type = g1(nd, p + 10);
	p += 12;
	switch (type) {
	case 4:
		P(" wb-kill");
		return;
	case 1:
		r = wb_id(nd, p, len);
		break;
	case 2:
		P(" wb-rreq:");
		r = -1;
		if (len >= 20) {
			gcheck(nd, p, 20);
			P(" please repair %s", ip4_str(nd, p, a));
			wb_page(nd, " ", p + 4);
			P("<%u:%u>", g4(nd, p + 12), g4(nd, p + 16));
			r = 0;
		}
		break;
	case 3:
		r = wb_dop(nd, p, len, 1);
		break;
	case 0:
		r = wb_dop(nd, p, len, 0);
		break;
	case 5:
		P(" wb-preq:");
		r = -1;
		if (len >= 16) {
			gcheck(nd, p, 12);
			P(" need %u/", g4(nd, p + 8));
			wb_page(nd, "", p);
			gcheck(nd, p, 16);
			r = 0;
		}
		break;
	case 7:
		r = wb_prep(nd, p, len);
		break;
	default:
		P(" wb-%u!", type);
		r = -1;
	}
	if (r == 0)
		return;
invalid:
	P(" (invalid)");
}
