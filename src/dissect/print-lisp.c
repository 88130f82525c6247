/* LISP control messages (RFC 6830/6833; UDP 4342), as tcpdump 4.99.3
 * prints them: the type of any, and the EID records and their locators
 * of Map-Register and Map-Notify, with -v the TTLs, flags and weights. */
#include <inttypes.h>

#include "dissect-int.h"

#define LISP_HDR 16
#define LISP_EID 12
#define LISP_LOC 8

static const struct tok types[] = {
	{ 0, "LISP-Reserved" }, { 1, "LISP-Map-Request" }, { 2, "LISP-Map-Reply" },
	{ 3, "LISP-Map-Register" }, { 4, "LISP-Map-Notify" },
	{ 8, "LISP-Encapsulated-Contol-Message" }, { 0, NULL }
};

static const struct tok register_flags[] = {
	{ 0x08000000, "P-Proxy-Map-Reply" }, { 0x04000000, "S-LISP-SEC-Capable" },
	{ 0x02000000, "I-xTR-ID-Present" }, { 0x01000000, "R-Build-For-RTR" },
	{ 0x00000100, "M-Want-Map-Notify" }, { 0, NULL }
};

static const struct tok notify_flags[] = {
	{ 0x08000000, "I-xTR-ID-Present" }, { 0x04000000, "R-Build-For-RTR" }, { 0, NULL }
};

static const struct tok auth_types[] = {
	{ 0, "None" }, { 1, "SHA1" }, { 2, "SHA256" }, { 0, NULL }
};

static const struct tok actions[] = {
	{ 0, "No-Action" }, { 1, "Natively-Forward" }, { 2, "Send-Map-Request" }, { 3, "Drop" },
	{ 0, NULL }
};

static const struct tok loc_flags[] = {
	{ 0x0004, "Local-Locator" }, { 0x0002, "RLoc-Probed" }, { 0x0001, "Reachable" }, { 0, NULL }
};

/* One locator at p (its header captured), its address after it; the
 * bytes it took, 0 when its address was cut (truncation printed). */
static unsigned lisp_loc(struct nd *nd, const uint8_t *p)
{
	unsigned afi = g2(nd, p + 6), n = LISP_LOC;
	char b[46];

	if (nd->o->vflag)
		P("\n       ");
	if (afi == 1 || afi == 2) {
		n += afi == 1 ? 4 : 16;
		if (!nd_ok(nd, p, n)) {
			nd_trunc(nd);
			return 0;
		}
		P(" LOC %s", afi == 1 ? ip4_str(nd, p + 8, b) : ip6_str(nd, p + 8, b));
	}
	if (nd->o->vflag) {
		P("\n          Priority/Weight %u/%u, Multicast Priority/Weight %u/%u, flags [", p[0], p[1],
		  p[2], p[3]);
		bits_print(nd, loc_flags, "none", g2(nd, p + 4), ", ");
		P("],");
	}
	return n;
}

void lisp_print(struct nd *nd, const uint8_t *bp, uint32_t length)
{
	unsigned type, xtr, count, mask, locs, afi, v, n;
	uint16_t off;	/* wraps as tcpdump's */
	const uint8_t *e;
	char b[46];

	nd->proto = "lisp";
	if (!nd_ok(nd, bp, LISP_HDR))
		goto trunc;
	type = bp[0] >> 4;
	P("%s,", tok2str(types, "unknown-type-%u", type, b, sizeof(b)));
	if (type != 3 && type != 4)
		return;
	if (nd->o->vflag) {
		P(" flags [");
		bits_print(nd, type == 3 ? register_flags : notify_flags, "none", g4(nd, bp), ", ");
		P("],");
	}
	xtr = bp[0] & (type == 3 ? 0x02 : 0x08);
	count = bp[3];
	if (nd->o->vflag) {
		P("\n    %u record(s), Authentication %s,", count,
		  tok_or(auth_types, g2(nd, bp + 12), "unknown-type"));
		hex_print_j(nd, "\n    Authentication-Data: ", bp + LISP_HDR, g2(nd, bp + 14));
	} else {
		P(" %u record(s),", count);
	}
	off = (uint16_t)(LISP_HDR + g2(nd, bp + 14));
	if (count == 0)
		goto invalid;
	while (length > off && count != 0) {
		count--;
		e = bp + off;
		if (!nd_ok(nd, e, LISP_EID))
			goto trunc;
		P("\n");
		off = (uint16_t)(off + LISP_EID);
		mask = e[5];
		afi = g2(nd, e + 10);
		locs = e[4];
		if (nd->o->vflag) {
			v = e[6];
			P("      Record TTL %u,%s, %s, Map Version: %u,", g4(nd, e),
			  v >> 4 & 1 ? " Authoritative" : " Non-Authoritative", tok_or(actions, v >> 5, "unknown"),
			  g2(nd, e + 8) & 0x0fff);
		}
		if (afi == 1) {
			P(" EID %s/%u,", ip4_str(nd, bp + off, b), mask);
			off = (uint16_t)(off + 4);
		} else if (afi == 2) {
			P(" EID %s/%u,", ip6_str(nd, bp + off, b), mask);
			off = (uint16_t)(off + 16);
		} else {
			return;	/* no LCAF */
		}
		P(" %u locator(s)", locs);
		for (; locs; locs--) {
			if (!nd_ok(nd, bp + off, LISP_LOC))
				goto trunc;
			if ((n = lisp_loc(nd, bp + off)) == 0)
				return;
			off = (uint16_t)(off + n);
		}
	}
	if (xtr) {
		if (!nd_ok(nd, bp + off, 24))
			goto invalid;
		hex_print_j(nd, "\n    xTR-ID: ", bp + off, 16);
		P("\n    SITE-ID: %" PRIu64, g8(nd, bp + off + 16));
	} else if (bp + off < nd->snapend) {
		hex_print_j(nd, "\n    Data: ", bp + off, (uint32_t)nd_avail(nd, bp + off));
	}
	return;
trunc:
	/* tcpdump's checks here end the packet without a longjmp */
	nd_trunc(nd);
	return;
invalid:
	P(" (invalid)");
}
