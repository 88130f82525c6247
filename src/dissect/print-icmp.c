/* ICMP (IPv4). */
#include <stdio.h>
#include <string.h>

#include "dissect-int.h"

static const struct tok icmp2str[] = {
	{ 0, "echo reply" }, { 4, "source quench" }, { 8, "echo request" },
	{ 10, "router solicitation" }, { 13, "time stamp request" }, { 14, "time stamp reply" },
	{ 15, "information request" }, { 16, "information reply" }, { 17, "address mask request" },
	{ 0, NULL }
};

static const char *tstamp(uint32_t t, char *b, size_t bl)
{
	unsigned ms = t % 1000, sec = t / 1000, min = sec / 60, hrs;
	sec -= min * 60;
	hrs = min / 60;
	min -= hrs * 60;
	snprintf(b, bl, "%02u:%02u:%02u.%03u", hrs, min, sec, ms);
	return b;
}

/*
 * RFC 4884 multi-part extensions (MPLS label stacks from routers), which
 * tcpdump looks for after 128 bytes of quoted packet: at 136 bytes into
 * the ICMP message, a version, a checksum and objects.  Without a length
 * in the header, a bad checksum there means no extension.
 */
static void icmp_ext_print(struct nd *nd, const uint8_t *dp, uint32_t plen)
{
	const uint8_t *ext = dp + 136, *o;
	uint32_t hlen = plen - 136, tlen;
	unsigned cls, ctype;

	if (!nd_ok(nd, dp, 141)) {
		nd_trunc(nd);
		return;
	}
	if (dp[5] == 0 && nd_ok(nd, ext, hlen) && in_cksum(ext, hlen, 0))
		return;
	P("\n\tICMP Multi-Part extension v%u", ext[0] >> 4);
	if ((ext[0] >> 4) != 2) {
		P(" packet not supported");
		return;
	}
	if (nd_ok(nd, ext, hlen))
		P(", checksum 0x%04x (%scorrect), length %u", g2(nd, ext + 2),
		  in_cksum(ext, hlen, 0) ? "in" : "", hlen);
	hlen -= 4;
	for (o = ext + 4; hlen > 4; o += tlen, hlen -= tlen) {
		if (!nd_ok(nd, o, 4)) {
			nd_trunc(nd);
			return;
		}
		tlen = g2(nd, o);
		cls = o[2];
		ctype = o[3];
		o += 4;
		P("\n\t  %s Object (%u), Class-Type: %u, length %u",
		  cls == 1 ? "MPLS Stack Entry" : cls == 2 ? "Interface Identification" : "unknown",
		  cls, ctype, tlen);
		hlen -= 4;
		if (cls == 0 || tlen < 4)
			return;
		tlen -= 4;
		if (cls == 1 && ctype == 1) {
			uint32_t l = g4(nd, o);

			P("\n\t    label %u, tc %u", l >> 12, (l >> 9) & 7);
			if (l & 0x100)
				P(", [S]");
			P(", ttl %u", l & 0xff);
		} else {
			unknown_data_print(nd, o, "\n\t    ", (int)tlen);
		}
		if (hlen < tlen)
			break;
	}
}

void icmp_print(struct nd *nd, const uint8_t *dp, uint32_t plen, const uint8_t *iph, int fragmented)
{
	char buf[512], a[16], g[16], t1[32], t2[32], t3[32];
	const char *str = buf;
	uint8_t type, code;
	const uint8_t *oip = dp + 8;

	(void)iph;
	nd->proto = "icmp";
	type = g1(nd, dp);
	code = g1(nd, dp + 1);
	buf[0] = 0;
	switch (type) {
	case 0:
	case 8:
		snprintf(buf, sizeof(buf), "echo %s, id %u, seq %u", type == 8 ? "request" : "reply",
			 g2(nd, dp + 4), g2(nd, dp + 6));
		break;
	case 3: {
		static const char *fmt[] = {
			"net %s unreachable", "host %s unreachable", NULL, NULL, NULL,
			"%s unreachable - source route failed", "net %s unreachable - unknown",
			"host %s unreachable - unknown", "%s unreachable - source host isolated",
			"net %s unreachable - admin prohibited", "host %s unreachable - admin prohibited",
			"net %s unreachable - tos prohibited", "host %s unreachable - tos prohibited",
			"host %s unreachable - admin prohibited filter",
			"host %s unreachable - host precedence violation",
			"host %s unreachable - precedence cutoff",
		};
		if (code == 2) {
			snprintf(buf, sizeof(buf), "%s protocol %u unreachable", ip4_str(nd, oip + 16, a),
				 g1(nd, oip + 9));
		} else if (code == 3) {
			unsigned hl, dport, p;
			/* tcpdump's own check: the text stops, -x still
			 * starts at the network header */
			if (!nd_ok(nd, oip + 9, 1)) {
				nd_trunc(nd);
				return;
			}
			hl = (g1(nd, oip) & 0xf) * 4u;
			dport = g2(nd, oip + hl + 2);
			p = g1(nd, oip + 9);
			if (p == 6)
				snprintf(buf, sizeof(buf), "%s tcp port %u unreachable", ip4_str(nd, oip + 16, a), dport);
			else if (p == 17)
				snprintf(buf, sizeof(buf), "%s udp port %u unreachable", ip4_str(nd, oip + 16, a), dport);
			else
				snprintf(buf, sizeof(buf), "%s protocol %u port %u unreachable",
					 ip4_str(nd, oip + 16, a), p, dport);
		} else if (code == 4) {
			unsigned mtu = g2(nd, dp + 6);
			if (mtu)
				snprintf(buf, sizeof(buf), "%s unreachable - need to frag (mtu %u)",
					 ip4_str(nd, oip + 16, a), mtu);
			else
				snprintf(buf, sizeof(buf), "%s unreachable - need to frag", ip4_str(nd, oip + 16, a));
		} else if (code < 16) {
			snprintf(buf, sizeof(buf), fmt[code], ip4_str(nd, oip + 16, a));
		} else {
			snprintf(buf, sizeof(buf), "%s unreachable - #%u", ip4_str(nd, oip + 16, a), code);
		}
		break;
	}
	case 5: {
		static const char *fmt[] = { "redirect %s to net %s", "redirect %s to host %s",
					     "redirect-tos %s to net %s", "redirect-tos %s to host %s" };
		ip4_str(nd, oip + 16, a);
		ip4_str(nd, dp + 4, g);
		if (code < 4)
			snprintf(buf, sizeof(buf), fmt[code], a, g);
		else
			snprintf(buf, sizeof(buf), "redirect-#%u %s to %s", code, a, g);
		break;
	}
	case 11:
		if (!nd_ok(nd, oip + 16, 4)) {
			nd_trunc(nd);
			return;
		}
		if (code == 0)
			str = "time exceeded in-transit";
		else if (code == 1)
			str = "ip reassembly time exceeded";
		else
			snprintf(buf, sizeof(buf), "time exceeded-#%u", code);
		break;
	case 12:
		if (code)
			snprintf(buf, sizeof(buf), "parameter problem - code %u", code);
		else
			snprintf(buf, sizeof(buf), "parameter problem - octet %u", g1(nd, dp + 4));
		break;
	case 18:
		snprintf(buf, sizeof(buf), "address mask is 0x%08x", g4(nd, dp + 8));
		break;
	case 13:
		snprintf(buf, sizeof(buf), "time stamp query id %u seq %u", g2(nd, dp + 4), g2(nd, dp + 6));
		break;
	case 14:
		if (!nd_ok(nd, dp + 16, 4)) {
			nd_trunc(nd);
			return;
		}
		snprintf(buf, sizeof(buf), "time stamp reply id %u seq %u: org %s, recv %s, xmit %s",
			 g2(nd, dp + 4), g2(nd, dp + 6), tstamp(g4(nd, dp + 8), t1, sizeof(t1)),
			 tstamp(g4(nd, dp + 12), t2, sizeof(t2)), tstamp(g4(nd, dp + 16), t3, sizeof(t3)));
		break;
	default:
		str = tok2str(icmp2str, "type-#%u", type, buf, sizeof(buf));
		break;
	}
	P("ICMP %s, length %u", str, plen);
	if (nd->o->vflag && !fragmented && nd_ok(nd, dp, plen)) {
		uint16_t sum = in_cksum(dp, plen, 0);
		if (sum != 0) {
			uint16_t is = g2(nd, dp + 2);
			uint32_t sb = (uint32_t)is + sum;
			sb = (sb & 0xffff) + (sb >> 16);
			sb = (sb & 0xffff) + (sb >> 16);
			P(" (wrong icmp cksum %x (->%x)!)", is, (uint16_t)sb);
		}
	}
	if (nd->o->vflag >= 1 && (type == 3 || type == 4 || type == 5 || type == 11 || type == 12)) {
		const uint8_t *save = nd->snapend;
		uint16_t il;
		P("\n\t");
		il = g2(nd, oip + 2);
		if (oip + il < nd->snapend)
			nd->snapend = oip + il;
		ip_print(nd, oip, il);
		nd->snapend = save;
	}
	nd->proto = "icmp";
	if (nd->o->vflag && plen > 136 && (type == 3 || type == 11 || type == 12))
		icmp_ext_print(nd, dp, plen);
}
