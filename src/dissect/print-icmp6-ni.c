/* ICMPv6 node information, router renumbering and RPL messages, and the
 * DNS names the ND DNSSL option carries (dns_name_print in print-dns.c). */
#include <stdio.h>

#include "icmp6-int.h"

/* A node information DNS name, uncompressed, up to ep. */
static void ni_name_print(struct nd *nd, const uint8_t *cp, const uint8_t *ep)
{
	P(", \"");
	while (cp < ep) {
		int n = g1(nd, cp++);
		if (n == 0) {
			if (cp == ep)
				P(".");
			else if (!(cp + 1 == ep && g1(nd, cp) == 0))
				P("???");
			break;
		}
		if (n > ep - cp) {
			P("???");
			break;
		}
		for (; n > 0 && cp < ep; n--, cp++)
			char_print(nd, g1(nd, cp));
		if (cp + 1 < ep && g1(nd, cp))
			P(".");
	}
	P("\"");
}

/* The name in a subject or a DNS name reply: an old-draft counted string
 * when its first byte counts exactly the rest, else DNS labels. */
static void ni_subject_name(struct nd *nd, const uint8_t *cp, const uint8_t *ep)
{
	if (g1(nd, cp) == ep - cp - 1) {
		if (nd->o->vflag)
			P(", 03 draft");
		P(", \"");
		for (cp++; cp < ep; cp++)
			char_print(nd, g1(nd, cp));
		P("\"");
	} else {
		ni_name_print(nd, cp, ep);
	}
}

static void ni_addr_flags(struct nd *nd, unsigned f, int reply)
{
	P(" [%s%s%s%s%s%s%s]", f & 0x40 ? "a" : "", f & 0x20 ? "G" : "", f & 0x10 ? "S" : "",
	  f & 0x08 ? "L" : "", f & 0x04 ? "C" : "", f & 0x02 ? "A" : "",
	  reply && (f & 0x01) ? "T" : "");
}

static void ni_query(struct nd *nd, const uint8_t *dp, size_t siz, const uint8_t *ep)
{
	const uint8_t *cp = dp + 16;
	unsigned qtype, flags;
	char b[46];

	if (siz == 12) {
		/* KAME who-are-you */
		P(" who-are-you request");
		return;
	}
	P(" node information query");
	if (!nd_ok(nd, dp, 16)) {
		nd_trunc(nd);
		return;
	}
	P(" (");
	qtype = g2(nd, dp + 4);
	flags = g2(nd, dp + 6);
	switch (qtype) {
	case 0:
		P("noop");
		break;
	case 1:
		P("supported qtypes");
		if (flags)
			P(" [%s]", flags & 1 ? "C" : "");
		break;
	case 2:
		P("DNS name");
		break;
	case 3:
		P("node addresses");
		if (flags)
			ni_addr_flags(nd, flags, 0);
		break;
	default:
		P("unknown");
		break;
	}
	if (qtype == 0 || qtype == 1) {
		if (siz != 16 && nd->o->vflag)
			P(", invalid len");
		P(")");
		return;
	}
	if (siz == 16) {
		/* icmp-name-lookup-03 */
		P(", 03 draft)");
		return;
	}
	switch (g1(nd, dp + 1)) {
	case 0:
		if (!nd_ok(nd, dp, 32))
			break;
		if (siz != 32) {
			if (nd->o->vflag)
				P(", invalid subject len");
			break;
		}
		P(", subject=%s", ip6_str(nd, cp, b));
		break;
	case 1:
		P(", subject=DNS name");
		ni_subject_name(nd, cp, ep);
		break;
	case 2:
		if (!nd_ok(nd, dp, 20))
			break;
		if (siz != 20) {
			if (nd->o->vflag)
				P(", invalid subject len");
			break;
		}
		P(", subject=%s", ip4_str(nd, cp, b));
		break;
	default:
		P(", unknown subject");
		break;
	}
	P(")");
}

static void ni_reply(struct nd *nd, const uint8_t *dp, uint32_t length, size_t siz,
		     const uint8_t *ep)
{
	unsigned code, qtype, flags;
	const char *sep = "";
	size_t i;
	char b[46];

	if (length > siz || !nd_ok(nd, dp, 16)) {
		nd_trunc(nd);
		return;
	}
	P(" node information reply (");
	code = g1(nd, dp + 1);
	switch (code) {
	case 0:
		if (nd->o->vflag) {
			P("success");
			sep = ", ";
		}
		break;
	case 1:
	case 2:
		P("%s", code == 1 ? "refused" : "unknown");
		if (siz != 16 && nd->o->vflag)
			P(", invalid length");
		break;
	}
	if (code != 0) {
		P(")");
		return;
	}
	qtype = g2(nd, dp + 4);
	flags = g2(nd, dp + 6);
	P("%s", sep);
	switch (qtype) {
	case 0:
		P("noop");
		if (siz != 16 && nd->o->vflag)
			P(", invalid length");
		break;
	case 1:
		P("supported qtypes");
		if (flags)
			P(" [%s]", flags & 1 ? "C" : "");
		break;
	case 2:
		P("DNS name");
		ni_subject_name(nd, dp + 20, ep);
		if (flags & 1)
			P(" [TTL=%u]", g4(nd, dp + 16));
		break;
	case 3:
		P("node addresses");
		for (i = 16; i + 20 <= siz; i += 20)
			P(" %s(%u)", ip6_str(nd, dp + i + 4, b), g4(nd, dp + i));
		if (flags)
			ni_addr_flags(nd, flags, 1);
		break;
	default:
		P("unknown");
		break;
	}
	P(")");
}

void icmp6_ni_print(struct nd *nd, const uint8_t *dp, uint32_t length)
{
	const uint8_t *ep = nd->snapend;
	size_t siz;

	if (ep < dp)
		return;
	siz = (size_t)(ep - dp);
	if (g1(nd, dp) == 139)
		ni_query(nd, dp, siz, ep);
	else
		ni_reply(nd, dp, length, siz, ep);
}

void icmp6_rr_print(struct nd *nd, const uint8_t *dp)
{
	static const struct tok codes[] = {
		{ 0, "command" }, { 1, "result" }, { 255, "sequence number reset" }, { 0, NULL }
	};
	static const struct tok pco[] = {
		{ 1, "add" }, { 2, "change" }, { 3, "setglobal" }, { 0, NULL }
	};
	const uint8_t *m = dp + 16, *u;
	unsigned code, f;
	int n;
	char b[46];

	if (!nd_ok(nd, dp, 16))
		goto trunc;
	code = dp[1];
	P(", %s", tok2str(codes, "code-#%u", code, b, sizeof(b)));
	P(", seq=%u", g4(nd, dp + 4));
	if (nd->o->vflag) {
		f = dp[9];
		P("[");
		if (f)
			P("%s%s%s%s%s,", f & 0x80 ? "T" : "", f & 0x40 ? "R" : "",
			  f & 0x20 ? "A" : "", f & 0x10 ? "S" : "", f & 0x08 ? "P" : "");
		P("seg=%u,maxdelay=%u", dp[8], g2(nd, dp + 10));
		if (g4(nd, dp + 12))
			P("rsvd=0x%x", g4(nd, dp + 12));
		P("]");
	}
	if (code != 0)
		return;
	if (!nd_ok(nd, m, 24))
		goto trunc;
	P("%smatch(%s", nd->o->vflag > 1 ? "\n\t" : " ", tok2str(pco, "#%u", m[0], b, sizeof(b)));
	if (nd->o->vflag)
		P(",ord=%u,min=%u,max=%u", m[2], m[4], m[5]);
	P(",%s/%u)", ip6_str(nd, m + 8, b), m[3]);
	n = (int)m[1] - 3;
	if (n % 4)
		goto trunc;
	for (n /= 4, u = m + 24; n > 0; n--, u += 32) {
		if (!nd_ok(nd, u, 32))
			goto trunc;
		P("%suse(", nd->o->vflag > 1 ? "\n\t" : " ");
		if (u[12])
			P("%s%s,", u[12] & 0x80 ? "V" : "", u[12] & 0x40 ? "P" : "");
		if (nd->o->vflag) {
			uint32_t vl = g4(nd, u + 4), pl = g4(nd, u + 8);
			P("mask=0x%x,raflags=0x%x,", u[2], u[3]);
			if (vl == 0xffffffffu)
				P("vltime=infty,");
			else
				P("vltime=%u,", vl);
			if (pl == 0xffffffffu)
				P("pltime=infty,");
			else
				P("pltime=%u,", pl);
		}
		P("%s/%u/%u)", ip6_str(nd, u + 16, b), u[0], u[1]);
	}
	return;
trunc:
	nd_trunc(nd);
}

static void rpl_opts(struct nd *nd, const uint8_t *p, uint32_t len)
{
	static const struct tok names[] = {
		{ 0, "pad1" }, { 1, "padN" }, { 2, "metrics" }, { 3, "routinginfo" },
		{ 4, "config" }, { 5, "rpltarget" }, { 6, "transitinfo" }, { 8, "destprefix" },
		{ 9, "rpltargetdesc" }, { 0, NULL }
	};
	char b[32];

	while (len != 0) {
		unsigned t = g1(nd, p), ol;
		if (t == 0) {
			P(" opt:pad1");
			ol = 1;
		} else {
			if (len < 2)
				goto trunc;
			ol = g1(nd, p + 1) + 2u;
			P(" opt:%s len:%u ", tok2str(names, "subopt:%u", t, b, sizeof(b)), ol);
			if (!nd_ok(nd, p, ol) || len < ol)
				goto trunc;
			if (nd->o->vflag > 2)
				hexdump_plain(nd, " ", p + 2, ol - 2, 0);
		}
		p += ol;
		len -= ol;
	}
	return;
trunc:
	nd_trunc(nd);
}

void icmp6_rpl_print(struct nd *nd, uint8_t code, const uint8_t *bp, uint32_t length)
{
	static const struct tok mops[] = {
		{ 0, "nonstoring" }, { 1, "storing" }, { 2, "nonstoring-multicast" },
		{ 3, "storing-multicast" }, { 0, NULL }
	};
	const char *dag = "<elided>";
	char b[46], m[16];
	unsigned f;

	if (code & 0x80) {
		P(", (SEC) [worktodo]");
		return;
	}
	P(", (CLR)");
	switch (code) {
	case 0:
		P("DODAG Information Solicitation");
		return;
	case 1:
		P("DODAG Information Object");
		if (!nd->o->vflag)
			return;
		if (length < 24) {
			P(" [length %u < 24] (invalid)", length);
			return;
		}
		gcheck(nd, bp, 24);
		f = bp[4];
		P(" [dagid:%s,seq:%u,instance:%u,rank:%u,%smop:%s,prf:%u]", ip6_str(nd, bp + 8, b),
		  bp[5], bp[0], g2(nd, bp + 2), f & 0x80 ? "grounded," : "",
		  tok2str(mops, "mop%u", (f >> 3) & 7, m, sizeof(m)), f & 7);
		if (nd->o->vflag > 1)
			rpl_opts(nd, bp + 24, length - 24);
		return;
	case 2:
		P("Destination Advertisement Object");
		if (!nd->o->vflag)
			return;
		if (!nd_ok(nd, bp, 20)) {
			nd_trunc(nd);
			return;
		}
		if (length < 4) {
			P(" [|length too short]");
			return;
		}
		f = bp[1];
		if (f & 0x40) {
			if (length < 20) {
				P(" [|length too short]");
				return;
			}
			dag = ip6_str(nd, bp + 4, b);
			length -= 16;
		}
		P(" [dagid:%s,seq:%u,instance:%u%s%s,%02x]", dag, bp[3], bp[0],
		  f & 0x80 ? ",acK" : "", f & 0x40 ? ",Dagid" : "", f);
		if (nd->o->vflag > 1)
			rpl_opts(nd, bp + 4 + (f & 0x40 ? 16 : 0), length - 4);
		return;
	case 3:
		P("Destination Advertisement Object Ack");
		if (!nd->o->vflag)
			return;
		if (!nd_ok(nd, bp, 4)) {
			nd_trunc(nd);
			return;
		}
		if (length < 4) {
			P(" [|dao-length too short]");
			return;
		}
		f = bp[1];
		if (f & 0x80) {
			if (!nd_ok(nd, bp + 4, 16)) {
				nd_trunc(nd);
				return;
			}
			if (length < 20) {
				P(" [|dao-length too short]");
				return;
			}
			dag = ip6_str(nd, bp + 4, b);
			length -= 16;
		}
		P(" [dagid:%s,seq:%u,instance:%u,status:%u]", dag, bp[2], bp[0], bp[3]);
		if (nd->o->vflag > 1)
			rpl_opts(nd, bp + 4 + (f & 0x80 ? 16 : 0), length - 4);
		return;
	default:
		P("RPL message, unknown code %u", code);
		return;
	}
}
