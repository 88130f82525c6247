/* PIM (IP protocol 103) and PIMv1 (carried in IGMP), as tcpdump 4.99.3
 * prints them.  Only PIMv2 is decoded inside IP protocol 103, and only
 * with -v; PIMv1 is decoded when it comes in IGMP.
 *
 * ptcpdump prints a PIMv2 checksum that verifies as the bare value (as it
 * does for TCP); "(incorrect)" and "(unverified)" are printed as tcpdump
 * prints them.
 *
 * Where tcpdump checks that a length is captured before reading (rather
 * than failing on the read), the printer prints " [|proto]" and returns
 * normally (nd_ok + nd_trunc), so -x still dumps from the IP header; a
 * read past the capture (g1..g4) ends the packet as everywhere else. */
#include "dissect-int.h"

/* ------------------------------------------------------------- PIMv1 */

static const struct tok v1_types[] = {
	{ 0, "Query" }, { 1, "Register" }, { 2, "Register-Stop" },
	{ 3, "Join/Prune" }, { 4, "RP-reachable" }, { 5, "Assert" },
	{ 6, "Graft" }, { 7, "Graft-ACK" }, { 0, NULL }
};

/* "/mask" after a group address unless the mask is all ones. */
static void v1_mask(struct nd *nd, const uint8_t *p)
{
	char a[16];

	if (g4(nd, p) != 0xffffffff)
		P("/%s", ip4_str(nd, p, a));
}

/* The body after the 8-byte PIMv1 header: upstream neighbour, holdtime,
 * then (at -vv) the groups with their joined and pruned sources.  A
 * single-group single-source message is one line. */
static void v1_join_prune(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	unsigned ngroups, njoin, nprune, i, hold;
	uint8_t fl, ml;
	char a[16], b[16];

	if (nd_ok(nd, bp, 30) && bp[11] == 1 &&
	    (unsigned)(bp[20] << 8 | bp[21]) + (unsigned)(bp[22] << 8 | bp[23]) == 1) {
		njoin = bp[20] << 8 | bp[21];
		P(" RPF %s ", ip4_str(nd, bp, a));
		hold = g2(nd, bp + 6);
		if (hold != 180) {
			P("Hold ");
			relts_print(nd, hold);
		}
		P("%s (%s/%u, %s", njoin ? "Join" : "Prune", ip4_str(nd, bp + 26, a),
		  bp[25] & 0x3f, ip4_str(nd, bp + 12, b));
		v1_mask(nd, bp + 16);
		P(") %s%s %s", (bp[24] & 0x01) ? "Sparse" : "Dense",
		  (bp[25] & 0x80) ? " WC" : "", (bp[25] & 0x40) ? "RP" : "SPT");
		return;
	}
	if (len < 4)
		goto trunc;
	if (nd->o->vflag > 1)
		P("\n");
	P(" Upstream Nbr: %s", ip4_str(nd, bp, a));
	bp += 4;
	len -= 4;
	if (len < 4)
		goto trunc;
	if (nd->o->vflag > 1)
		P("\n");
	P(" Hold time: ");
	relts_print(nd, g2(nd, bp + 2));
	if (nd->o->vflag < 2)
		return;
	bp += 4;
	len -= 4;
	if (len < 4)
		goto trunc;
	ngroups = g1(nd, bp + 3);
	bp += 4;
	len -= 4;
	for (; ngroups; ngroups--) {
		if (len < 4)
			goto trunc;
		P("\n\tGroup: %s", ip4_str(nd, bp, a));
		bp += 4;
		len -= 4;
		if (len < 4)
			goto trunc;
		v1_mask(nd, bp);
		bp += 4;
		len -= 4;
		if (len < 4)
			goto trunc;
		njoin = g2(nd, bp);
		nprune = g2(nd, bp + 2);
		P(" joined: %u pruned: %u", njoin, nprune);
		bp += 4;
		len -= 4;
		for (i = 0; i < njoin + nprune; i++) {
			if (len < 6)
				goto trunc;
			fl = g1(nd, bp);
			ml = g1(nd, bp + 1);
			P("\n\t%s %s%s%s%s/%u", i < njoin ? "Join " : "Prune",
			  (fl & 0x01) ? "Sparse " : "Dense ", (ml & 0x80) ? "WC " : "",
			  (ml & 0x40) ? "RP " : "SPT ", ip4_str(nd, bp + 2, a), ml & 0x3f);
			bp += 6;
			len -= 6;
		}
	}
	return;
trunc:
	nd_trunc(nd);
}

void pimv1_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	static const char *const modes[] = { "Dense-mode", "Sparse-mode", "Sparse-Dense-mode" };
	unsigned type, m;
	char a[16], b[16];

	nd->proto = "pimv1";
	type = g1(nd, bp + 1);
	P(" %s", tok2str(v1_types, "[type %u]", type, a, sizeof(a)));
	switch (type) {
	case 0:	/* Query */
		if (nd_ok(nd, bp + 8, 1)) {
			m = bp[8] >> 4;
			if (m < 3)
				P(" %s", modes[m]);
			else
				P(" mode-%u", m);
		}
		if (nd->o->vflag) {
			P(" (Hold-time ");
			relts_print(nd, g2(nd, bp + 10));
			P(")");
		}
		break;
	case 1:	/* Register: the encapsulated IP header's addresses */
		if (!nd_ok(nd, bp + 8, 20)) {
			nd_trunc(nd);
			return;
		}
		P(" for %s > %s", ip4_str(nd, bp + 20, a), ip4_str(nd, bp + 24, b));
		break;
	case 2:
		P(" for %s > %s", ip4_str(nd, bp + 8, a), ip4_str(nd, bp + 12, b));
		break;
	case 4:
		if (nd->o->vflag) {
			P(" group %s", ip4_str(nd, bp + 8, a));
			v1_mask(nd, bp + 12);
			P(" RP %s hold ", ip4_str(nd, bp + 16, a));
			relts_print(nd, g2(nd, bp + 22));
		}
		break;
	case 5:	/* Assert */
		P(" for %s > %s", ip4_str(nd, bp + 16, a), ip4_str(nd, bp + 8, b));
		v1_mask(nd, bp + 12);
		P(" %s pref %u metric %u", (g1(nd, bp + 20) & 0x80) ? "RP-tree" : "SPT",
		  g4(nd, bp + 20) & 0x7fffffff, g4(nd, bp + 24));
		break;
	case 3: case 6: case 7:
		if (nd->o->vflag) {
			if (len < 8) {
				nd_trunc(nd);
				return;
			}
			v1_join_prune(nd, bp + 8, len - 8);
		}
		break;
	}
	if ((g1(nd, bp + 4) >> 4) != 1)
		P(" [v%u]", g1(nd, bp + 4) >> 4);
}

/* ------------------------------------------------------------- PIMv2 */

static const struct tok v2_types[] = {
	{ 0, "Hello" }, { 1, "Register" }, { 2, "Register Stop" },
	{ 3, "Join / Prune" }, { 4, "Bootstrap" }, { 5, "Assert" },
	{ 6, "Graft" }, { 7, "Graft Acknowledgement" },
	{ 8, "Candidate RP Advertisement" }, { 9, "Prune Refresh" },
	{ 10, "DF Election" }, { 11, "ECMP Redirect" }, { 0, NULL }
};

static const struct tok hello_opts[] = {
	{ 1, "Hold Time" }, { 2, "LAN Prune Delay" }, { 18, "DR Priority (Old)" },
	{ 19, "DR Priority" }, { 20, "Generation ID" },
	{ 21, "State Refresh Capability" }, { 22, "Bi-Directional Capability" },
	{ 24, "Address List" }, { 65001, "Address List (Old)" }, { 0, NULL }
};

static const struct tok df_subtypes[] = {
	{ 1, "Offer" }, { 2, "Winner" }, { 3, "Backoff" }, { 4, "Pass" }, { 0, NULL }
};

enum { A_UNICAST, A_GROUP, A_SOURCE };

/* An encoded unicast, group or source address (RFC 7761 4.9.1).  alen is
 * the RFC 2117 address length from the header (0: the family and encoding
 * bytes are present).  Returns the bytes used, or -1 when the address is
 * unknown or does not fit in len (the caller prints the truncation). */
static int addr_print(struct nd *nd, const uint8_t *bp, uint32_t len, int at, unsigned alen)
{
	unsigned hdr = 0, fl, ml;
	char a[46];
	int v6;

	if (alen == 0) {
		if (len < 2)
			return -1;
		switch (g1(nd, bp)) {
		case 1:
			alen = 4;
			break;
		case 2:
			alen = 16;
			break;
		default:
			return -1;
		}
		if (g1(nd, bp + 1) != 0)
			return -1;
		hdr = 2;
	} else if (alen != 4 && alen != 16) {
		return -1;
	}
	v6 = alen == 16;
	bp += hdr;
	len -= hdr;
	if (at == A_UNICAST) {
		if (len < alen)
			return -1;
		if (!nd_ok(nd, bp, alen))
			return -1;
		P("%s", v6 ? ip6_str(nd, bp, a) : ip4_str(nd, bp, a));
		return (int)(hdr + alen);
	}
	if (len < alen + 2)
		return -1;
	if (!nd_ok(nd, bp, alen + 2))
		return -1;
	fl = bp[0];
	ml = bp[1];
	P("%s", v6 ? ip6_str(nd, bp + 2, a) : ip4_str(nd, bp + 2, a));
	if (ml != (v6 ? 128u : 32u))
		P("/%u", ml);
	if (fl) {
		if (at == A_GROUP) {
			P("(0x%02x)", fl);
		} else {
			P("(%s%s%s", (fl & 4) ? "S" : "", (fl & 2) ? "W" : "", (fl & 1) ? "R" : "");
			if (fl & 0xf8)
				P("+0x%02x", fl & 0xf8);
			P(")");
		}
	}
	return (int)(hdr + 2 + alen);
}

enum { CK_CORRECT, CK_INCORRECT, CK_UNVERIFIED };

/* The checksum over the first n bytes; IPv6 adds its pseudo-header. */
static int cksum_check(struct nd *nd, const uint8_t *bp, const uint8_t *iph, uint32_t n)
{
	uint32_t init;

	if (!nd_ok(nd, bp, n))
		return CK_UNVERIFIED;
	switch (iph[0] >> 4) {
	case 4:
		init = 0;
		break;
	case 6:
		init = pseudo_sum(nd, iph, n, 103);
		break;
	default:
		return CK_UNVERIFIED;
	}
	return in_cksum(bp, n, init) ? CK_INCORRECT : CK_CORRECT;
}

/* A Hello's options; 0 when one has a bad length (already printed). */
static int hello_print(struct nd *nd, const uint8_t *bp, uint32_t len, unsigned alen)
{
	unsigned otype, olen, v;
	const uint8_t *q;
	uint32_t ql;
	int adv;

	while (len > 0) {
		if (len < 4)
			goto trunc;
		otype = g2(nd, bp);
		olen = g2(nd, bp + 2);
		P("\n\t  %s Option (%u), length %u, Value: ", tok_or(hello_opts, otype, "Unknown"),
		  otype, olen);
		bp += 4;
		len -= 4;
		if (len < olen)
			goto trunc;
		if (!nd_ok(nd, bp, olen))
			goto trunc;
		switch (otype) {
		case 1:
			if (olen != 2)
				goto badlen;
			relts_print(nd, g2(nd, bp));
			break;
		case 2:
			if (olen != 4)
				goto badlen4;
			v = g2(nd, bp);
			P("\n\t    T-bit=%u, LAN delay %ums, Override interval %ums",
			  v >> 15, v & 0x7fff, g2(nd, bp + 2));
			break;
		case 18: case 19:
			if (olen == 0)
				P("Bi-Directional Capability (Old)");
			else if (olen == 4)
				P("%u", g4(nd, bp));
			else
				goto badlen4;
			break;
		case 20:
			if (olen != 4)
				goto badlen4;
			P("0x%08x", g4(nd, bp));
			break;
		case 21:
			if (olen != 4)
				goto badlen4;
			P("v%u", g1(nd, bp));
			if (g1(nd, bp + 1)) {
				P(", interval ");
				relts_print(nd, g1(nd, bp + 1));
			}
			if (g2(nd, bp + 2))
				P(" ?0x%04x?", g2(nd, bp + 2));
			break;
		case 22:
			break;
		case 24: case 65001:
			if (nd->o->vflag < 2)
				break;
			for (q = bp, ql = len; q < bp + olen; q += adv, ql -= (uint32_t)adv) {
				P("\n\t    ");
				adv = addr_print(nd, q, ql, A_UNICAST, alen);
				if (adv < 0)
					goto trunc;
			}
			break;
		default:
			if (nd->o->vflag < 2)
				unknown_data_print(nd, bp, "\n\t    ", (int)olen);
			break;
		}
		if (nd->o->vflag > 1)
			unknown_data_print(nd, bp, "\n\t    ", (int)olen);
		bp += olen;
		len -= olen;
	}
	return 1;
badlen:
	P("[option length %u != 2] (invalid)", olen);
	return 0;
badlen4:
	P("[option length %u != 4] (invalid)", olen);
	return 0;
trunc:
	nd_trunc(nd);
	return 0;
}

/* Join/Prune, Graft and Graft-Ack (no neighbour, no holdtime). */
static int join_prune_print(struct nd *nd, const uint8_t *bp, uint32_t len,
			    unsigned type, unsigned alen)
{
	unsigned ngroup, hold, njoin, nprune, i, j;
	int adv;

	if (type != 7) {
		P(", upstream-neighbor: ");
		if ((adv = addr_print(nd, bp, len, A_UNICAST, alen)) < 0)
			return 0;
		bp += adv;
		len -= (uint32_t)adv;
	}
	if (len < 4)
		return 0;
	if (!nd_ok(nd, bp, 4))
		return 0;
	ngroup = bp[1];
	hold = bp[2] << 8 | bp[3];
	P("\n\t  %u group(s)", ngroup);
	if (type != 7) {
		P(", holdtime: ");
		if (hold == 0xffff)
			P("infinite");
		else
			relts_print(nd, hold);
	}
	bp += 4;
	len -= 4;
	for (i = 0; i < ngroup; i++) {
		P("\n\t    group #%u: ", i + 1);
		if ((adv = addr_print(nd, bp, len, A_GROUP, alen)) < 0)
			return 0;
		bp += adv;
		len -= (uint32_t)adv;
		if (len < 4)
			return 0;
		njoin = g2(nd, bp);
		nprune = g2(nd, bp + 2);
		P(", joined sources: %u, pruned sources: %u", njoin, nprune);
		bp += 4;
		len -= 4;
		for (j = 0; j < njoin + nprune; j++) {
			P("\n\t      %s source #%u: ", j < njoin ? "joined" : "pruned",
			  j < njoin ? j + 1 : j - njoin + 1);
			if ((adv = addr_print(nd, bp, len, A_SOURCE, alen)) < 0)
				return 0;
			bp += adv;
			len -= (uint32_t)adv;
		}
	}
	return 1;
}

static int bootstrap_print(struct nd *nd, const uint8_t *bp, uint32_t len, unsigned alen)
{
	unsigned i, j, frpcnt;
	int adv;

	if (len < 2)
		return 0;
	P(" tag=%x", g2(nd, bp));
	bp += 2;
	len -= 2;
	if (len < 1)
		return 0;
	P(" hashmlen=%u", g1(nd, bp));
	if (len < 2)
		return 0;
	if (!nd_ok(nd, bp + 2, 1))
		return 0;
	P(" BSRprio=%u", g1(nd, bp + 1));
	bp += 2;
	len -= 2;
	P(" BSR=");
	if ((adv = addr_print(nd, bp, len, A_UNICAST, alen)) < 0)
		return 0;
	bp += adv;
	len -= (uint32_t)adv;
	for (i = 0; len > 0; i++) {
		P(" (group%u: ", i);
		if ((adv = addr_print(nd, bp, len, A_GROUP, alen)) < 0)
			return 0;
		bp += adv;
		len -= (uint32_t)adv;
		if (len < 1)
			return 0;
		P(" RPcnt=%u", g1(nd, bp));
		if (len < 2)
			return 0;
		frpcnt = g1(nd, bp + 1);
		P(" FRPcnt=%u", frpcnt);
		if (len < 4)
			return 0;
		bp += 4;
		len -= 4;
		for (j = 0; j < frpcnt && len > 0; j++) {
			P(" RP%u=", j);
			if ((adv = addr_print(nd, bp, len, A_UNICAST, alen)) < 0)
				return 0;
			bp += adv;
			len -= (uint32_t)adv;
			if (len < 2)
				return 0;
			P(",holdtime=");
			relts_print(nd, g2(nd, bp));
			if (len < 3)
				return 0;
			P(",prio=%u", g1(nd, bp + 2));
			if (len < 4)
				return 0;
			bp += 4;
			len -= 4;
		}
		P(")");
	}
	return 1;
}

static int df_election_print(struct nd *nd, const uint8_t *bp, uint32_t len,
			     unsigned sub, unsigned alen)
{
	const char *who = sub == 3 ? "offer" : "new winner";
	int adv;

	P("\n\t  %s,", tok_or(df_subtypes, sub, "Unknown"));
	P(" rpa=");
	if ((adv = addr_print(nd, bp, len, A_UNICAST, alen)) < 0)
		return 0;
	bp += adv;
	len -= (uint32_t)adv;
	P(" sender pref=%u", g4(nd, bp));
	P(" sender metric=%u", g4(nd, bp + 4));
	bp += 8;
	len -= 8;	/* may wrap, as tcpdump's does */
	if (sub != 3 && sub != 4)
		return 1;
	P("\n\t  %s addr=", who);
	if ((adv = addr_print(nd, bp, len, A_UNICAST, alen)) < 0)
		return 0;
	bp += adv;
	P(" %s pref=%u", who, g4(nd, bp));
	P(" %s metric=%u", who, g4(nd, bp + 4));
	if (sub == 3)
		P(" interval %dms", g2(nd, bp + 8));
	return 1;
}

/* Two or three addresses named by the labels, as Register-Stop, Assert
 * and State Refresh (Prune Refresh) start. */
static int addrs_print(struct nd *nd, const uint8_t **bpp, uint32_t *lenp, unsigned alen,
		       const char *l1, int t1, const char *l2, int t2, const char *l3, int t3)
{
	const char *lab[3] = { l1, l2, l3 };
	int typ[3] = { t1, t2, t3 }, i, adv;

	for (i = 0; i < 3 && lab[i]; i++) {
		P("%s", lab[i]);
		if ((adv = addr_print(nd, *bpp, *lenp, typ[i], alen)) < 0)
			return 0;
		*bpp += adv;
		*lenp -= (uint32_t)adv;
	}
	return 1;
}

static void pimv2_print(struct nd *nd, const uint8_t *bp, uint32_t len, const uint8_t *iph)
{
	const uint8_t *hdr = bp;
	unsigned type, alen, ck, flags;
	int st, ok = 1;
	char a[16], b[16];

	nd->proto = "pimv2";
	if (len < 2) {
		P("[length %u < 2] (invalid)", len);
		return;
	}
	type = g1(nd, bp) & 0x0f;
	alen = g1(nd, bp + 1) & 0x0f;
	if (alen)
		P(", RFC2117-encoding");
	if (len < 4) {
		P("[length %u < 4] (invalid)", len);
		return;
	}
	ck = g2(nd, bp + 2);
	P(", cksum 0x%04x", ck);
	if (ck == 0) {
		st = CK_UNVERIFIED;
	} else if (type == 1) {
		/* a Register's covers the header; RFC 4601 lets it cover all */
		st = cksum_check(nd, bp, iph, 8);
		if (st == CK_INCORRECT)
			st = cksum_check(nd, bp, iph, len);
	} else {
		st = cksum_check(nd, bp, iph, len);
	}
	if (st == CK_INCORRECT)
		P(" (incorrect)");
	else if (st == CK_UNVERIFIED)
		P(" (unverified)");
	bp += 4;
	len -= 4;

	switch (type) {
	case 0:
		hello_print(nd, bp, len, alen);
		return;
	case 1:
		if (len < 4 || !nd_ok(nd, bp, 4))
			goto trunc;
		flags = g4(nd, bp);
		P(", Flags [ %s ]\n\t", flags == 0x80000000 ? "Border" :
		  flags == 0x40000000 ? "Null" : "none");
		bp += 4;
		len -= 4;
		if (len == 0)
			goto trunc;
		switch (g1(nd, bp) >> 4) {
		case 0:
			P("IP-Null-header %s > %s", ip4_str(nd, bp + 12, a), ip4_str(nd, bp + 16, b));
			break;
		case 4:
			ip_print(nd, bp, len);
			break;
		case 6:
			ip6_print(nd, bp, len);
			break;
		default:
			P("IP ver %u", bp[0] >> 4);
			break;
		}
		return;
	case 2:
		ok = addrs_print(nd, &bp, &len, alen, " group=", A_GROUP, " source=", A_UNICAST,
				 NULL, 0);
		break;
	case 3: case 6: case 7:
		ok = join_prune_print(nd, bp, len, type, alen);
		break;
	case 4:
		ok = bootstrap_print(nd, bp, len, alen);
		break;
	case 5:
		ok = addrs_print(nd, &bp, &len, alen, " group=", A_GROUP, " src=", A_UNICAST,
				 NULL, 0);
		if (!ok)
			break;
		if (len < 8)
			goto trunc;
		if (!nd_ok(nd, bp, 8))
			goto trunc;
		if (bp[0] & 0x80)
			P(" RPT");
		P(" pref=%u", g4(nd, bp) & 0x7fffffff);
		P(" metric=%u", g4(nd, bp + 4));
		break;
	case 8: {
		unsigned i, pfxcnt;
		int adv;

		if (len < 1)
			goto trunc;
		pfxcnt = g1(nd, bp);
		P(" prefix-cnt=%u", pfxcnt);
		if (len < 2)
			goto trunc;
		P(" prio=%u", g1(nd, bp + 1));
		if (len < 4)
			goto trunc;
		P(" holdtime=");
		relts_print(nd, g2(nd, bp + 2));
		bp += 4;
		len -= 4;
		P(" RP=");
		if ((adv = addr_print(nd, bp, len, A_UNICAST, alen)) < 0)
			goto trunc;
		bp += adv;
		len -= (uint32_t)adv;
		for (i = 0; i < pfxcnt && len > 0; i++) {
			P(" Group%u=", i);
			if ((adv = addr_print(nd, bp, len, A_GROUP, alen)) < 0)
				goto trunc;
			bp += adv;
			len -= (uint32_t)adv;
		}
		break;
	}
	case 9:
		ok = addrs_print(nd, &bp, &len, alen, " src=", A_UNICAST, " grp=", A_GROUP,
				 " forwarder=", A_UNICAST);
		if (!ok)
			break;
		if (len < 2)
			goto trunc;
		P(" TUNR ");
		relts_print(nd, g2(nd, bp));
		break;
	case 10:
		ok = df_election_print(nd, bp, len, g1(nd, hdr + 1) >> 4, alen);
		break;
	default:
		P(" [type %u]", type);
		break;
	}
	if (ok)
		return;
trunc:
	nd_trunc(nd);
}

void pim_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph)
{
	unsigned tv, ver;
	const char *name;

	nd->proto = "pim";
	tv = g1(nd, p);
	ver = tv >> 4;
	if (ver != 2) {
		P("PIMv%u, length %u", ver, len);
		return;
	}
	name = tok_or(v2_types, tv & 0x0f, "Unknown Type");
	if (!nd->o->vflag) {
		P("PIMv%u, %s, length %u", ver, name, len);
		return;
	}
	P("PIMv%u, length %u\n\t%s", ver, len, name);
	pimv2_print(nd, p, len, iph);
}
