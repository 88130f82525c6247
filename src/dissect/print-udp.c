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

enum udp_app { UDP_GENERIC, UDP_DNS, UDP_MDNS, UDP_BOOTP, UDP_NTP, UDP_SYSLOG, UDP_OTV, UDP_VXLAN, UDP_GENEVE };

/* Ports that tcpdump gives, on either side, to a printer of its own
 * that ptcpdump does not have: those it tries before NTP ... */
static int claimed_before_ntp(uint16_t p)
{
	switch (p) {
	case 69: case 161: case 162: case 500: case 520:
	case 525: case 654: case 4500: case 7500: case 8500:
		return 1;
	}
	return 0;
}

/* ... and after it, up to the overlays.  Such datagrams are printed
 * generically, never as something tcpdump would not have chosen. */
static int claimed_either(uint16_t p)
{
	if (claimed_before_ntp(p))
		return 1;
	switch (p) {
	case 88: case 137: case 138: case 496: case 521: case 546:
	case 547: case 646: case 698: case 701: case 750: case 921: case 1589:
	case 1645: case 1646: case 1700: case 1701: case 1812: case 1813:
	case 2103: case 2104: case 3503: case 3799: case 5060: case 5359:
	case 6343: case 6696: case 6697: case 8231: case 12222:
		return 1;
	}
	return p >= 7000 && p <= 7009;
}

/* ... and those it claims on one side only. */
static int claimed(uint16_t sport, uint16_t dport)
{
	if (claimed_either(sport) || claimed_either(dport))
		return 1;
	switch (dport) {
	case 1985: case 3456: case 3784: case 3785: case 4567: case 4784:
	case 6784: case 12223:
		return 1;
	}
	return sport == 49152 || sport == 12223;
}

/* Which printer tcpdump would pick for a datagram, in its order. */
static enum udp_app udp_app(uint16_t sport, uint16_t dport)
{
#define EITHER(p) (sport == (p) || dport == (p))
	if (EITHER(53))
		return UDP_DNS;
	if (EITHER(5353))
		return UDP_MDNS;
	if (EITHER(525) || EITHER(69))
		return UDP_GENERIC;
	if (EITHER(67) || EITHER(68))
		return UDP_BOOTP;
	if (claimed_before_ntp(sport) || claimed_before_ntp(dport))
		return UDP_GENERIC;
	if (EITHER(123))
		return UDP_NTP;
	if (claimed(sport, dport))
		return UDP_GENERIC;
	if (EITHER(514))
		return UDP_SYSLOG;
	if (EITHER(8472))
		return UDP_OTV;
	if (EITHER(4789))
		return UDP_VXLAN;
	if (EITHER(6081))
		return UDP_GENEVE;
	return UDP_GENERIC;
#undef EITHER
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
	if (nd->o->ptype) {
		/* -T: every datagram is read as that type, whatever its ports,
		 * without checksum checks; resp has no UDP form, and tcpdump
		 * then prints nothing at all, not even the addresses */
		if (nd->o->ptype == DISSECT_PT_RESP)
			return;
		addrs(nd, iph, sport, dport);
		if (nd->o->ptype == DISSECT_PT_VXLAN)
			vxlan_print(nd, cp, length);
		else
			dns_print(nd, cp, length, 0, 0);
		return;
	}
	addrs(nd, iph, sport, dport);
	if (nd->o->vflag && !nd->o->Kflag && !fragmented) {
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
	switch (nd->o->qflag ? UDP_GENERIC : udp_app(sport, dport)) {
	case UDP_DNS:
		dns_print(nd, cp, length, 0, 0);
		return;
	case UDP_MDNS:
		dns_print(nd, cp, length, 0, 1);
		return;
	case UDP_BOOTP:
		bootp_print(nd, cp, length);
		return;
	case UDP_NTP:
		ntp_print(nd, cp, length);
		return;
	case UDP_SYSLOG:
		syslog_print(nd, cp, length);
		return;
	case UDP_OTV:
		otv_print(nd, cp, length);
		return;
	case UDP_VXLAN:
		vxlan_print(nd, cp, length);
		return;
	case UDP_GENEVE:
		geneve_print(nd, cp, length);
		return;
	default:
		break;
	}
	if (ulen > length && !fragmented)
		P("UDP, bad length %u > %u", ulen, length);
	else
		P("UDP, length %u", ulen);
}
