/* ICMPv6, including neighbour discovery options. */
#include <arpa/inet.h>
#include <stdio.h>

#include "icmp6-int.h"

static const struct tok types[] = {
	{ 1, "destination unreachable" }, { 2, "packet too big" },
	{ 3, "time exceeded in-transit" }, { 4, "parameter problem" },
	{ 128, "echo request" }, { 129, "echo reply" },
	{ 130, "multicast listener query" }, { 131, "multicast listener report" },
	{ 132, "multicast listener done" }, { 133, "router solicitation" },
	{ 134, "router advertisement" }, { 135, "neighbor solicitation" },
	{ 136, "neighbor advertisement" }, { 137, "redirect" }, { 138, "router renumbering" },
	{ 141, "inverse neighbor solicitation" }, { 142, "inverse neighbor advertisement" },
	{ 143, "multicast listener report v2" }, { 144, "ha discovery request" },
	{ 145, "ha discovery reply" }, { 146, "mobile router solicitation" },
	{ 147, "mobile router advertisement" }, { 139, "who-are-you request" },
	{ 140, "who-are-you reply" }, { 200, "mtrace response" },
	{ 201, "mtrace message" }, { 155, "RPL" }, { 0, NULL }
};

static const struct tok unreach[] = {
	{ 0, "unreachable route" }, { 1, " unreachable prohibited" }, { 2, "beyond scope" },
	{ 3, "unreachable address" }, { 4, "unreachable port" }, { 0, NULL }
};

static const struct tok opts[] = {
	{ 1, "source link-address" }, { 2, "destination link-address" }, { 3, "prefix info" },
	{ 4, "redirected header" }, { 5, "mtu" }, { 25, "rdnss" }, { 31, "dnssl" },
	{ 7, "advertisement interval" }, { 8, "homeagent information" }, { 24, "route info" },
	{ 0, NULL }
};


static void lifetime(struct nd *nd, uint32_t v)
{
	if (v == 0xffffffffu)
		P("infinity");
	else
		P("%us", v);
}

static const char *rtpref(unsigned f)
{
	static const char *const names[] = { "medium", "high", "rsv", "low" };
	return names[(f & 0x18) >> 3];
}

static int opt_print(struct nd *nd, const uint8_t *bp, int resid)
{
	const uint8_t *cp = bp;
	char b[46];
	while (cp < nd->snapend) {
		unsigned t, l, i;
		if (!nd_ok(nd, cp + 1, 1))
			return -1;
		if (resid <= 0)
			return 0;
		t = cp[0];
		l = cp[1];
		if (l == 0 || cp + (l << 3) > nd->snapend)
			return -1;
		P("\n\t  %s option (%u), length %u (%u): ", tok_or(opts, t, "unknown"), t, l << 3, l);
		switch (t) {
		case 1:
		case 2:
			for (i = 0; i < (l << 3) - 2; i++)
				P(i ? ":%02x" : "%02x", g1(nd, cp + 2 + i));
			break;
		case 3: {
			static const struct tok pf[] = {
				{ 0x80, "onlink" }, { 0x40, "auto" }, { 0x20, "router" }, { 0, NULL }
			};
			P("%s/%u%s, Flags [", ip6_str(nd, cp + 16, b), g1(nd, cp + 2), l != 4 ? "badlen" : "");
			bits_print(nd, pf, "none", g1(nd, cp + 3), ", ");
			P("], valid time ");
			lifetime(nd, g4(nd, cp + 4));
			P(", pref. time ");
			lifetime(nd, g4(nd, cp + 8));
			break;
		}
		case 4:
			unknown_data_print(nd, bp, "\n\t    ", (int)(l << 3));
			break;
		case 5:
			P(" %u%s", g4(nd, cp + 4), l != 1 ? "bad option length" : "");
			break;
		case 25:
			P(" lifetime %us,", g4(nd, cp + 4));
			for (i = 0; i < (l - 1) / 2; i++)
				P(" addr: %s", ip6_str(nd, cp + 8 + 16 * i, b));
			break;
		case 31: {
			const uint8_t *d = cp + 8;
			P(" lifetime %us, domain(s):", g4(nd, cp + 4));
			while (d < cp + (l << 3) && g1(nd, d) != 0) {
				P(" ");
				if ((d = dns_name_print(nd, d, bp)) == NULL)
					return -1;
			}
			break;
		}
		case 24: {
			uint8_t pfx[16] = { 0 };
			if (!nd_ok(nd, cp + 4, 4) || l > 3)
				return -1;
			for (i = 0; i < (l - 1) * 8; i++)
				pfx[i] = g1(nd, cp + 8 + i);
			/* the prefix is a local copy: no capture bounds apply */
			inet_ntop(AF_INET6, pfx, b, sizeof(b));
			P(" %s/%u, pref=%s, lifetime=", b, g1(nd, cp + 2),
			  rtpref(g1(nd, cp + 3)));
			lifetime(nd, g4(nd, cp + 4));
			break;
		}
		case 7:
			P(" %ums", g4(nd, cp + 4));
			break;
		case 8:
			P(" preference %u, lifetime %u", g2(nd, cp + 4), g2(nd, cp + 6));
			break;
		default:
			if (nd->o->vflag <= 1) {
				unknown_data_print(nd, cp + 2, "\n\t  ", (int)(l << 3) - 2);
				return 0;
			}
			break;
		}
		if (nd->o->vflag > 1)
			unknown_data_print(nd, cp + 2, "\n\t    ", (int)(l << 3) - 2);
		cp += l << 3;
		resid -= (int)(l << 3);
	}
	return 0;
}

/* Transport header inside a quoted IPv6 packet; NULL when not found. */
static const uint8_t *upper(struct nd *nd, const uint8_t *ip6, unsigned *prot)
{
	const uint8_t *cp = ip6 + 40;
	unsigned nh;
	if (!nd_ok(nd, ip6, 40))
		return NULL;
	nh = ip6[6];
	for (;;) {
		switch (nh) {
		case 17:
		case 6:
			*prot = nh;
			return nd_ok(nd, cp, 4) ? cp : NULL;
		case 0:
		case 60:
		case 43:
			if (!nd_ok(nd, cp, 2))
				return NULL;
			nh = cp[0];
			cp += (cp[1] + 1u) << 3;
			break;
		case 51:
			if (!nd_ok(nd, cp, 2))
				return NULL;
			nh = cp[0];
			cp += (cp[1] + 2u) << 2;
			break;
		case 44:
			if (!nd_ok(nd, cp, 4))
				return NULL;
			if ((cp[2] << 8 | cp[3]) & 0xfff8)
				return NULL;
			nh = cp[0];
			cp += 8;
			break;
		default:
			*prot = nh;
			return NULL;
		}
	}
}

static void mldv2_report(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	static const struct tok rt[] = {
		{ 1, "is_in" }, { 2, "is_ex" }, { 3, "to_in" }, { 4, "to_ex" }, { 5, "allow" },
		{ 6, "block" }, { 0, NULL }
	};
	unsigned ng, i, j, group = 8, ns;
	char b[46], t[32];
	if (len < 8) {
		P(" [invalid len %u]", len);
		return;
	}
	ng = g2(nd, bp + 6);
	P(", %u group record(s)", ng);
	if (!nd->o->vflag)
		return;
	for (i = 0; i < ng; i++) {
		if (len < group + 20) {
			P(" [invalid number of groups]");
			return;
		}
		P(" [gaddr %s", ip6_str(nd, bp + group + 4, b));
		P(" %s", tok2str(rt, " [v2-report-#%u]", g1(nd, bp + group), t, sizeof(t)));
		ns = g2(nd, bp + group + 2);
		if (len < group + 20 + ns * 16) {
			P(" [invalid number of sources %u]", ns);
			return;
		}
		if (nd->o->vflag == 1) {
			P(", %u source(s)", ns);
		} else {
			P(" {");
			for (j = 0; j < ns; j++)
				P(" %s", ip6_str(nd, bp + group + 20 + j * 16, b));
			P(" }");
		}
		group += 20 + ns * 16;
		P("]");
	}
}

static void mld_print(struct nd *nd, const uint8_t *dp)
{
	char b[46];
	if (nd_ok(nd, dp, 24))
		P("max resp delay: %u addr: %s", g2(nd, dp + 4), ip6_str(nd, dp + 8, b));
}

/* Encoded MLDv2 delays: exponent and mantissa above the threshold. */
static unsigned mld_code(unsigned v, unsigned lim, unsigned mant, unsigned shift)
{
	if (v < lim)
		return v;
	return ((v & mant) | (mant + 1)) << (((v >> shift) & 7) + 3);
}

static void mldv2_query(struct nd *nd, const uint8_t *dp, uint32_t len)
{
	unsigned mrt = mld_code(g2(nd, dp + 4), 32768, 0x0fff, 12), ns, i;
	char b[46];

	P(" v2");
	if (nd->o->vflag)
		P(" [max resp delay=%u]", mrt);
	P(" [gaddr %s", ip6_str(nd, dp + 8, b));
	if (nd->o->vflag) {
		unsigned f = g1(nd, dp + 24);
		if (f & 0x08)
			P(" sflag");
		if (f & 0x07)
			P(" robustness=%u", f & 0x07);
		P(" qqi=%u", mld_code(g1(nd, dp + 25), 128, 0x0f, 4));
	}
	ns = g2(nd, dp + 26);
	if (ns > 0) {
		if (len < 28 + ns * 16) {
			P(" [invalid number of sources]");
		} else if (nd->o->vflag > 1) {
			P(" {");
			for (i = 0; i < ns; i++)
				P(" %s", ip6_str(nd, dp + 28 + i * 16, b));
			P(" }");
		} else {
			P(", %u source(s)", ns);
		}
	}
	P("]");
}

void icmp6_print(struct nd *nd, const uint8_t *dp, uint32_t length, const uint8_t *iph, int fragmented)
{
	const uint8_t *oip = dp + 8;
	uint8_t type, code;
	char b[46], c[46];

	nd->proto = "icmp6";
	if (length == 0) {
		P("ICMP6, length 0 (invalid)");
		return;
	}
	if (nd->o->vflag && !fragmented && nd_ok(nd, dp, length)) {
		uint16_t us = g2(nd, dp + 2);
		uint16_t sum = in_cksum(dp, length, pseudo_sum(nd, iph, length, 58));
		if (sum != 0) {
			uint32_t sb = (uint32_t)us + sum;
			sb = (sb & 0xffff) + (sb >> 16);
			sb = (sb & 0xffff) + (sb >> 16);
			P("[bad icmp6 cksum 0x%04x -> 0x%04x!] ", us, (uint16_t)sb);
		} else {
			P("[icmp6 sum ok] ");
		}
	}
	type = g1(nd, dp);
	P("ICMP6, %s", tok2str(types, "unknown icmp6 type (%u)", type, b, sizeof(b)));
	if (nd->o->vflag && (type == 133 || type == 134 || type == 136 || type == 135 ||
			     type == 137 || type == 145 || type == 147))
		P(", length %u", length);
	code = g1(nd, dp + 1);
	switch (type) {
	case 1:
		P(", %s", tok2str(unreach, "unknown unreach code (%u)", code, b, sizeof(b)));
		switch (code) {
		case 0: case 1: case 3:
			P(" %s", ip6_str(nd, oip + 24, b));
			break;
		case 2:
			P(" %s, source address %s", ip6_str(nd, oip + 24, b), ip6_str(nd, oip + 8, c));
			break;
		case 4: {
			unsigned prot = 0;
			const uint8_t *u = upper(nd, oip, &prot);
			uint16_t dport;
			if (!u) {
				nd_trunc(nd);
				return;
			}
			dport = g2(nd, u + 2);
			if (prot == 6)
				P(", %s tcp port %u", ip6_str(nd, oip + 24, b), dport);
			else if (prot == 17)
				P(", %s udp port %u", ip6_str(nd, oip + 24, b), dport);
			else
				P(", %s protocol %u port %u unreachable", ip6_str(nd, oip + 24, b), prot, dport);
			break;
		}
		default:
			if (nd->o->vflag <= 1) {
				unknown_data_print(nd, dp, "\n\t", (int)length);
				return;
			}
			break;
		}
		break;
	case 2:
		P(", mtu %u", g4(nd, dp + 4));
		break;
	case 3:
		if (code == 0)
			P(" for %s", ip6_str(nd, oip + 24, b));
		else if (code == 1)
			P(" (reassembly)");
		else
			P(", unknown code (%u)", code);
		break;
	case 4:
		if (!nd_ok(nd, oip + 24, 16))
			goto trunc;
		switch (code) {
		case 0: P(", erroneous - octet %u", g4(nd, dp + 4)); break;
		case 1: P(", next header - octet %u", g4(nd, dp + 4)); break;
		case 2: P(", option - octet %u", g4(nd, dp + 4)); break;
		case 3: P(", incomplete header chain - octet %u", g4(nd, dp + 4)); break;
		default: P(", code-#%u", code); break;
		}
		break;
	case 128:
	case 129:
		P(", id %u, seq %u", g2(nd, dp + 4), g2(nd, dp + 6));
		break;
	case 131:
	case 132:
		mld_print(nd, dp);
		break;
	case 130:
		if (length == 24)
			mld_print(nd, dp);
		else if (length < 28)
			P(" unknown-version (len %u) ", length);
		else
			mldv2_query(nd, dp, length);
		break;
	case 138:
		icmp6_rr_print(nd, dp);
		break;
	case 139:
	case 140:
		icmp6_ni_print(nd, dp, length);
		break;
	case 144:
	case 146:
		P(", id 0x%04x", g2(nd, dp + 4));
		break;
	case 145:
		if (nd->o->vflag) {
			const uint8_t *p;
			P(", id 0x%04x", g2(nd, dp + 4));
			for (p = dp + 8; p < dp + length; p += 16)
				P(", %s", ip6_str(nd, p, b));
		}
		break;
	case 147:
		if (nd->o->vflag) {
			uint16_t f;
			P(", id 0x%04x", g2(nd, dp + 4));
			f = g2(nd, dp + 6);
			P("%s%s%s", f & 0xc000 ? " " : "", f & 0x8000 ? "M" : "", f & 0x4000 ? "O" : "");
			if (opt_print(nd, dp + 8, (int)length - 8) == -1)
				goto trunc;
		}
		break;
	case 155:
		icmp6_rpl_print(nd, code, dp + 4, length - 4);
		break;
	case 141:
	case 142:
		break;
	case 143:
		mldv2_report(nd, dp, length);
		break;
	case 133:
		if (nd->o->vflag && opt_print(nd, dp + 8, (int)length - 8) == -1)
			goto trunc;
		break;
	case 134:
		if (nd->o->vflag) {
			static const struct tok rf[] = {
				{ 0x80, "managed" }, { 0x40, "other stateful" }, { 0x20, "home agent" },
				{ 0x02, "ipv6 only" }, { 0, NULL }
			};
			uint8_t f = g1(nd, dp + 5);
			/* every field is fetched before any is printed, as
			 * tcpdump does: a cut header prints none of them */
			gcheck(nd, dp + 4, 12);
			P("\n\thop limit %u, Flags [", g1(nd, dp + 4));
			bits_print(nd, rf, "none", f, ", ");
			P("], pref %s, router lifetime %us, reachable time %ums, retrans timer %ums",
			  rtpref(f), g2(nd, dp + 6), g4(nd, dp + 8), g4(nd, dp + 12));
			if (opt_print(nd, dp + 16, (int)length - 16) == -1)
				goto trunc;
		}
		break;
	case 135:
		P(", who has %s", ip6_str(nd, dp + 8, b));
		if (nd->o->vflag && opt_print(nd, dp + 24, (int)length - 24) == -1)
			goto trunc;
		break;
	case 136:
		P(", tgt is %s", ip6_str(nd, dp + 8, b));
		if (nd->o->vflag) {
			static const struct tok nf[] = {
				{ 0x80000000u, "router" }, { 0x40000000u, "solicited" },
				{ 0x20000000u, "override" }, { 0, NULL }
			};
			P(", Flags [");
			bits_print(nd, nf, "none", g4(nd, dp + 4), ", ");
			P("]");
			if (opt_print(nd, dp + 24, (int)length - 24) == -1)
				goto trunc;
		}
		break;
	case 137:
		P(", %s", ip6_str(nd, dp + 24, b));
		P(" to %s", ip6_str(nd, dp + 8, b));
		if (nd->o->vflag && opt_print(nd, dp + 40, (int)length - 40) == -1)
			goto trunc;
		break;
	default:
		P(", length %u", length);
		if (nd->o->vflag <= 1)
			unknown_data_print(nd, dp, "\n\t", (int)length);
		return;
	}
	if (!nd->o->vflag)
		P(", length %u", length);
	return;
trunc:
	nd_trunc(nd);
}
