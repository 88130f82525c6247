/* IPv4 and the IP protocol demultiplexer. */
#include <stdio.h>

#include "dissect-int.h"

static const struct tok ipprotos[] = {
	{ 0, "Options" }, { 1, "ICMP" }, { 2, "IGMP" }, { 4, "IPIP" }, { 6, "TCP" },
	{ 8, "EGP" }, { 9, "IGRP" }, { 17, "UDP" }, { 33, "DCCP" }, { 41, "IPv6" },
	{ 43, "Routing" }, { 44, "Fragment" }, { 46, "RSVP" }, { 47, "GRE" },
	{ 50, "ESP" }, { 51, "AH" }, { 55, "Mobile IP" }, { 58, "ICMPv6" },
	{ 62, "Mobile IP (old)" }, { 88, "EIGRP" }, { 89, "OSPF" }, { 103, "PIM" },
	{ 108, "Compressed IP" }, { 112, "VRRP" }, { 113, "PGM" }, { 132, "SCTP" },
	{ 135, "Mobility" }, { 143, "Ethernet" }, { 0, NULL }
};

const char *ipproto_name(unsigned proto)
{
	if (proto == 0)
		return "Options";
	return tok_or(ipprotos, proto, "unknown");
}

static const struct tok ipopts[] = {
	{ 0, "EOL" }, { 1, "NOP" }, { 68, "timestamp" }, { 130, "security" }, { 7, "RR" },
	{ 137, "SSRR" }, { 131, "LSRR" }, { 148, "RA" }, { 82, "traceroute" }, { 0, NULL }
};

/* The option printers return -1 when the data ends inside the option:
 * tcpdump then says "[truncated-option]" and goes on with the header. */
static int route_opt(struct nd *nd, const uint8_t *cp, unsigned len)
{
	unsigned ptr, l;
	char b[16];
	if (len < 3) {
		P(" [bad length %u]", len);
		return 0;
	}
	if ((len + 1) & 3)
		P(" [bad length %u]", len);
	ptr = g1(nd, cp + 2) - 1u;
	if (ptr < 3 || ((ptr + 1) & 3) || ptr > len + 1)
		P(" [bad ptr %u]", g1(nd, cp + 2));
	for (l = 3; l < len; l += 4) {
		if (!nd_ok(nd, cp + l, 4))
			return -1;
		P(" %s", ip4_str(nd, cp + l, b));
		if (ptr > l)
			P(",");
	}
	return 0;
}

static int ts_opt(struct nd *nd, const uint8_t *cp, unsigned len)
{
	unsigned ptr, l = 0, hop;
	const char *type;
	char b[16];
	if (len < 4) {
		P("[bad length %u]", len);
		return 0;
	}
	P(" TS{");
	hop = ((g1(nd, cp + 3) & 0xf) != 0) ? 8 : 4;
	if ((len - 4) & (hop - 1))
		P("[bad length %u]", len);
	ptr = g1(nd, cp + 2) - 1u;
	if (ptr < 4 || ((ptr - 4) & (hop - 1)) || ptr > len + 1)
		P("[bad ptr %u]", g1(nd, cp + 2));
	switch (cp[3] & 0xf) {
	case 0: P("TSONLY"); break;
	case 1: P("TS+ADDR"); break;
	case 3: P("PRESPEC"); break;
	default:
		P("[bad ts type %u]", cp[3] & 0xf);
		goto done;
	}
	type = " ";
	for (l = 4; l < len; l += hop) {
		if (ptr == l)
			type = " ^ ";
		if (!nd_ok(nd, cp + l, hop))
			return -1;
		P("%s%u@%s", type, g4(nd, cp + l + hop - 4), hop != 8 ? "" : ip4_str(nd, cp + l, b));
		type = " ";
	}
done:
	P("%s", ptr == l ? " ^ " : "");
	if (cp[3] >> 4)
		P(" [%u hops not recorded]} ", cp[3] >> 4);
	else
		P("}");
	return 0;
}

/* -1 on truncation. */
static int ip_opts(struct nd *nd, const uint8_t *cp, unsigned length)
{
	const char *sep = "";
	unsigned olen;
	char b[32];
	for (; length > 0; cp += olen, length -= olen) {
		unsigned code;
		P("%s", sep);
		sep = ",";
		code = g1(nd, cp);
		P("%s", tok2str(ipopts, "unknown %u", code, b, sizeof(b)));
		if (code == 0 || code == 1)
			olen = 1;
		else {
			olen = g1(nd, cp + 1);
			if (olen < 2) {
				P(" [bad length %u]", olen);
				return 0;
			}
		}
		if (olen > length) {
			P(" [bad length %u]", olen);
			return 0;
		}
		if (!nd_ok(nd, cp, olen))
			return -1;
		switch (code) {
		case 0:
			return 0;
		case 68:
			if (ts_opt(nd, cp, olen) < 0)
				return -1;
			break;
		case 7: case 137: case 131:
			if (route_opt(nd, cp, olen) < 0)
				return -1;
			break;
		case 148:
			if (olen < 4) {
				P(" [bad length %u]", olen);
				break;
			}
			if (g2(nd, cp + 2) != 0)
				P(" value %u", g2(nd, cp + 2));
			break;
		default:
			break;
		}
	}
	return 0;
}

static void demux(struct nd *nd, const uint8_t *bp, uint32_t len, int ver, int frag,
		  uint8_t nh, const uint8_t *iph)
{
	switch (nh) {
	case 6:
		tcp_print(nd, bp, len, iph, frag);
		break;
	case 17:
		udp_print(nd, bp, len, iph, frag);
		break;
	case 1:
		if (ver == 4)
			icmp_print(nd, bp, len, iph, frag);
		else
			P("[ICMP requires IPv4] (invalid)");
		break;
	case 58:
		if (ver == 6)
			icmp6_print(nd, bp, len, iph, frag);
		else
			P("[ICMPv6 requires IPv6] (invalid)");
		break;
	case 4:
		ip_print(nd, bp, len);
		break;
	case 41:
		ip6_print(nd, bp, len);
		break;
	case 2:
		if (ver == 4)
			igmp_print(nd, bp, len);
		else
			P("[IGMP requires IPv4] (invalid)");
		break;
	case 112:
		if (nd->o->ptype == DISSECT_PT_CARP)
			carp_print(nd, bp, len, iph, ver);
		else
			vrrp_print(nd, bp, len, iph, ver);
		break;
	case 88:
		eigrp_print(nd, bp, len);
		break;
	case 46:
		rsvp_print(nd, bp, len);
		break;
	case 47:
		gre_print(nd, bp, len);
		break;
	case 50:
		esp_print(nd, bp, len, ver, frag, iph);
		break;
	case 51: {
		int adv;
		if (!nd_ok(nd, bp, 1)) {
			nd->proto = "ah";
			nd_trunc(nd);
			break;
		}
		nh = g1(nd, bp);
		adv = ah_print(nd, bp, len);
		if (adv <= 0 || (uint32_t)adv > len)
			break;
		demux(nd, bp + adv, len - (uint32_t)adv, ver, frag, nh, iph);
		break;
	}
	case 108:
		ipcomp_print(nd, bp, len);
		break;
	case 132:
		sctp_print(nd, bp, len, iph, frag);
		break;
	case 89:
		ospf_print(nd, bp, len, iph, ver);
		break;
	case 33:
		dccp_print(nd, bp, len, iph);
		break;
	case 103:
		pim_print(nd, bp, len, iph);
		break;
	case 143:	/* Ethernet (an SRv6 L2 payload) */
		if (ver == 6)
			ether_print(nd, bp, len, (uint32_t)nd_avail(nd, bp));
		else
			P("[Ethernet requires IPv6] (invalid)");
		break;
	case 59:
		P("no next header");
		break;
	case 113:
		pgm_print(nd, bp, len, iph);
		break;
	case 9:
		igrp_print(nd, bp, len);
		break;
	case 77:	/* Sun ND */
		P(" nd %u", len);
		break;
	default:
		P(" ip-proto-%u %u", nh, len);
		break;
	}
}

void ip_demux(struct nd *nd, const uint8_t *bp, uint32_t len, int ver, int frag,
	      uint8_t nh, const uint8_t *iph)
{
	demux(nd, bp, len, ver, frag, nh, iph);
}

void ip_print(struct nd *nd, const uint8_t *bp, uint32_t length)
{
	unsigned hlen, len, off, v;
	uint8_t proto;
	const uint8_t *save;
	char s[16], d[16];
	int truncated = 0;

	nd->proto = "ip";
	v = g1(nd, bp) >> 4;
	if (v != 4) {
		if (v == 6)
			P("IP6, wrong link-layer encapsulation");
		else
			P("IP%u", v);
		P(" (invalid)");
		return;
	}
	if (!nd->o->eflag)
		P("IP ");
	if (!nd_ok(nd, bp, 20)) {
		nd_trunc(nd);
		return;
	}
	if (length < 20) {
		P("truncated-ip %u", length);
		return;
	}
	hlen = (bp[0] & 0xf) * 4u;
	if (hlen < 20) {
		P("bad-hlen %u", hlen);
		return;
	}
	len = g2(nd, bp + 2);
	if (length < len)
		P("truncated-ip - %u bytes missing! ", len - length);
	if (len < hlen) {
		P("bad-len %u", len);
		return;
	}
	save = nd_push(nd, bp, len);
	len -= hlen;
	off = g2(nd, bp + 6);
	proto = g1(nd, bp + 9);
	if (nd->o->vflag) {
		uint8_t tos = g1(nd, bp + 1), ttl = g1(nd, bp + 8);
		static const char *ecn[] = { "", ",ECT(1)", ",ECT(0)", ",CE" };
		P("(tos 0x%x%s", tos, ecn[tos & 3]);
		if (ttl >= 1)
			P(", ttl %u", ttl);
		P(", id %u, offset %u, flags [", g2(nd, bp + 4), (off & 0x1fff) * 8);
		{
			static const struct tok fr[] = {
				{ 0x2000, "+" }, { 0x4000, "DF" }, { 0x8000, "rsvd" }, { 0, NULL }
			};
			bits_print(nd, fr, "none", off & 0xe000, ", ");
		}
		P("], proto %s (%u)", ipproto_name(proto), proto);
		P(", length %u", g2(nd, bp + 2));
		if (hlen > 20) {
			P(", options (");
			if (ip_opts(nd, bp + 20, hlen - 20) == -1) {
				P(" [truncated-option]");
				truncated = 1;
			}
			P(")");
		}
		if (!nd->o->Kflag && nd_ok(nd, bp, hlen)) {
			uint16_t sum = in_cksum(bp, hlen, 0);
			if (sum != 0) {
				uint16_t isum = g2(nd, bp + 10);
				uint32_t sb = (uint32_t)isum + sum;
				sb = (sb & 0xffff) + (sb >> 16);
				sb = (sb & 0xffff) + (sb >> 16);
				P(", bad cksum %x (->%x)!", isum, (uint16_t)sb);
			}
		}
		P(")\n    ");
		if (truncated) {
			P("%s > %s: ", ip4_str(nd, bp + 12, s), ip4_str(nd, bp + 16, d));
			nd_trunc(nd);
			nd->snapend = save;
			return;
		}
	}
	if ((off & 0x1fff) == 0) {
		/* TCP and UDP print the addresses with their ports */
		if (proto != 6 && proto != 17 && proto != 33 && proto != 132)
			P("%s > %s: ", ip4_str(nd, bp + 12, s), ip4_str(nd, bp + 16, d));
		if (!nd_ok(nd, bp, hlen)) {
			P(" [remaining caplen(%u) < header length(%u)]", (unsigned)nd_avail(nd, bp), hlen);
			nd_trunc_jmp(nd);
		}
		demux(nd, bp + hlen, len, 4, off & 0x2000, proto, bp);
	} else {
		if (nd->o->qflag > 1) {
			nd->snapend = save;
			return;
		}
		P("%s > %s:", ip4_str(nd, bp + 12, s), ip4_str(nd, bp + 16, d));
		P(" ip-proto-%u", proto);
	}
	nd->snapend = save;
}

void ipver_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->proto = "ipn";
	if (len < 1) {
		P("truncated-ip %u", len);
		return;
	}
	switch (g1(nd, p) & 0xf0) {
	case 0x40:
		ip_print(nd, p, len);
		break;
	case 0x60:
		ip6_print(nd, p, len);
		break;
	default:
		P("unknown ip %u", p[0] >> 4);
		break;
	}
}
