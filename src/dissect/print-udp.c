/* UDP. */
#include <stdio.h>

#include "dissect-int.h"

static void addrs(struct nd *nd, const uint8_t *iph, int sport, int dport)
{
	char s[46], d[46];
	int v6 = (iph[0] >> 4) == 6;
	uint8_t nh = g1(nd, v6 ? iph + 6 : iph + 9);
	if (nh == 17) {
		if (v6)
			P("%s", ip6_str(nd, iph + 8, s)), ip6_str(nd, iph + 24, d);
		else
			P("%s", ip4_str(nd, iph + 12, s)), ip4_str(nd, iph + 16, d);
		if (sport == -1)
			P(" > %s: ", d);
		else
			P(".%d > %s.%d: ", sport, d, dport);
	} else if (sport != -1) {
		P("%d > %d: ", sport, dport);
	}
}

static uint16_t l4_sum(struct nd *nd, const uint8_t *iph, const uint8_t *p, uint32_t len, uint8_t proto)
{
	return in_cksum(p, len, pseudo_sum(nd, iph, len, proto));
}

void udp_print(struct nd *nd, const uint8_t *up, uint32_t length, const uint8_t *iph, int fragmented)
{
	int v6 = (iph[0] >> 4) == 6;
	uint16_t sport, dport;
	uint32_t ulen;
	const uint8_t *cp;

	nd->proto = "udp";
	if (!nd_ok(nd, up + 2, 2)) {
		addrs(nd, iph, -1, -1);
		nd_trunc(nd);
		return;
	}
	sport = g2(nd, up);
	dport = g2(nd, up + 2);
	if (length < 8) {
		addrs(nd, iph, sport, dport);
		P("truncated-udp %u", length);
		return;
	}
	if (!nd_ok(nd, up + 4, 2)) {
		addrs(nd, iph, sport, dport);
		nd_trunc(nd);
		return;
	}
	ulen = g2(nd, up + 4);
	if (ulen == 0 && length > 65535)
		ulen = length;
	if (ulen < 8) {
		addrs(nd, iph, sport, dport);
		P("truncated-udplength %u", ulen);
		return;
	}
	ulen -= 8;
	length -= 8;
	if (ulen < length)
		length = ulen;
	cp = up + 8;
	if (cp > nd->snapend) {
		addrs(nd, iph, sport, dport);
		nd_trunc(nd);
		return;
	}
	addrs(nd, iph, sport, dport);
	if (nd->o->vflag && !fragmented) {
		if (!v6 && nd->o->vflag > 1) {
			uint16_t us = g2(nd, up + 6);
			if (us == 0) {
				P("[no cksum] ");
			} else if (nd_ok(nd, cp, length)) {
				uint16_t sum = l4_sum(nd, iph, up, length + 8, 17);
				if (sum != 0) {
					uint32_t sb = (uint32_t)us + sum;
					sb = (sb & 0xffff) + (sb >> 16);
					sb = (sb & 0xffff) + (sb >> 16);
					P("[bad udp cksum 0x%04x -> 0x%04x!] ", us, (uint16_t)sb);
				} else {
					P("[udp sum ok] ");
				}
			}
		} else if (v6) {
			if (nd_ok(nd, cp, length)) {
				uint16_t us = g2(nd, up + 6);
				uint16_t sum = l4_sum(nd, iph, up, length + 8, 17);
				if (sum != 0) {
					uint32_t sb = (uint32_t)us + sum;
					sb = (sb & 0xffff) + (sb >> 16);
					sb = (sb & 0xffff) + (sb >> 16);
					P("[bad udp cksum 0x%04x -> 0x%04x!] ", us, (uint16_t)sb);
				} else {
					P("[udp sum ok] ");
				}
			}
		}
	}
	if (!nd->o->qflag && (sport == 53 || dport == 53)) {
		dns_print(nd, cp, length, 0);
		return;
	}
	if (ulen > length && !fragmented)
		P("UDP, bad length %u > %u", ulen, length);
	else
		P("UDP, length %u", ulen);
}
