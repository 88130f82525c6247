/* UDP. */
#include <stdio.h>

#include "dissect-int.h"
#include "rx-int.h"

static void addrs(struct nd *nd, const uint8_t *iph, int sport, int dport)
{
	char s[46], d[46];
	int v6 = (iph[0] >> 4) == 6;
	uint8_t nh = g1(nd, v6 ? iph + 6 : iph + 9);
	if (nh == 17) {
		iph_addrs(nd, iph, s, d);
		sb_puts(nd->out, s);
		if (sport != -1) {
			sb_putc(nd->out, '.');
			sb_putu(nd->out, (unsigned)sport, 0);
		}
		sb_append(nd->out, " > ", 3);
		sb_puts(nd->out, d);
		if (sport != -1) {
			sb_putc(nd->out, '.');
			sb_putu(nd->out, (unsigned)dport, 0);
		}
		sb_append(nd->out, ": ", 2);
	} else if (sport != -1) {
		P("%d > %d: ", sport, dport);
	}
}

enum udp_app {
	UDP_GENERIC, UDP_DNS, UDP_MDNS, UDP_BOOTP, UDP_NTP, UDP_SYSLOG, UDP_OTV, UDP_VXLAN,
	UDP_GENEVE, UDP_ESPINUDP, UDP_DHCP6, UDP_BFD, UDP_MPLS, UDP_TFTP, UDP_RIP, UDP_RIPNG,
	UDP_HSRP, UDP_VXLAN_GPE, UDP_PTP, UDP_SIP, UDP_SNMP, UDP_KRB, UDP_RADIUS, UDP_L2TP, UDP_ISAKMP, UDP_SFLOW,
	UDP_VAT, UDP_BCM_LI, UDP_BABEL, UDP_LDP, UDP_LSPPING, UDP_AHCP, UDP_LISP, UDP_TIMED,
	UDP_AODV, UDP_SOMEIP, UDP_OLSR, UDP_HNCP, UDP_AUTORP, UDP_RX, UDP_VQP, UDP_LWAPP_CTL_AP,
	UDP_LWAPP_CTL, UDP_LWAPP_DATA, UDP_ZEPHYR, UDP_LWRES, UDP_WB, UDP_LMP,
};

/* tcpdump's UDP port dispatch, in its order: the first entry whose port
 * (or range) matches the side it names picks the printer.  Ports tcpdump
 * gives to a printer ptcpdump does not have map to UDP_GENERIC, so such
 * datagrams print generically, never as something tcpdump would not have
 * chosen. */
enum { EITHER, SRC, DST };
static const struct udp_port {
	uint16_t lo, hi;
	uint8_t side, app;
} udp_ports[] = {
	{ 53, 53, EITHER, UDP_DNS }, { 5353, 5353, EITHER, UDP_MDNS },
	{ 525, 525, EITHER, UDP_TIMED }, { 69, 69, EITHER, UDP_TFTP },
	{ 67, 68, EITHER, UDP_BOOTP }, { 520, 520, EITHER, UDP_RIP },
	{ 654, 654, EITHER, UDP_AODV }, { 500, 500, EITHER, UDP_ISAKMP },
	{ 4500, 4500, EITHER, UDP_ESPINUDP }, { 7500, 7500, EITHER, UDP_ISAKMP },
	{ 8500, 8500, EITHER, UDP_ISAKMP }, { 161, 162, EITHER, UDP_SNMP },
	{ 123, 123, EITHER, UDP_NTP }, { 88, 88, EITHER, UDP_KRB },
	{ 750, 750, EITHER, UDP_KRB }, { 1701, 1701, EITHER, UDP_L2TP },
	{ 137, 138, EITHER, UDP_GENERIC }, { 3456, 3456, DST, UDP_VAT },
	{ 2103, 2104, EITHER, UDP_ZEPHYR }, { 7000, 7009, EITHER, UDP_RX },
	{ 521, 521, EITHER, UDP_RIPNG }, { 546, 547, EITHER, UDP_DHCP6 },
	{ 5359, 5359, EITHER, UDP_AHCP }, { 6696, 6697, EITHER, UDP_BABEL },
	{ 8231, 8231, EITHER, UDP_HNCP }, { 4567, 4567, DST, UDP_WB },
	{ 496, 496, EITHER, UDP_AUTORP }, { 1645, 1646, EITHER, UDP_RADIUS },
	{ 1812, 1813, EITHER, UDP_RADIUS }, { 1700, 1700, EITHER, UDP_RADIUS },
	{ 3799, 3799, EITHER, UDP_RADIUS }, { 1985, 1985, DST, UDP_HSRP },
	{ 921, 921, EITHER, UDP_LWRES }, { 646, 646, EITHER, UDP_LDP },
	{ 698, 698, EITHER, UDP_OLSR }, { 3503, 3503, EITHER, UDP_LSPPING },
	{ 49152, 49152, SRC, UDP_BCM_LI }, { 3784, 3785, DST, UDP_BFD },
	{ 4784, 4784, DST, UDP_BFD }, { 6784, 6784, DST, UDP_BFD },
	{ 701, 701, EITHER, UDP_LMP }, { 1589, 1589, EITHER, UDP_VQP },
	{ 6343, 6343, EITHER, UDP_SFLOW }, { 12223, 12223, DST, UDP_LWAPP_CTL_AP },
	{ 12223, 12223, SRC, UDP_LWAPP_CTL }, { 12222, 12222, EITHER, UDP_LWAPP_DATA },
	{ 5060, 5060, EITHER, UDP_SIP },
	{ 514, 514, EITHER, UDP_SYSLOG }, { 8472, 8472, EITHER, UDP_OTV },
	{ 4789, 4789, EITHER, UDP_VXLAN }, { 6081, 6081, EITHER, UDP_GENEVE },
	{ 4342, 4342, EITHER, UDP_LISP }, { 4790, 4790, EITHER, UDP_VXLAN_GPE },
	{ 17754, 17754, EITHER, UDP_GENERIC }, { 6635, 6635, EITHER, UDP_MPLS },
	/* (AppleTalk over UDP comes here in tcpdump: not decoded) */
	{ 319, 320, EITHER, UDP_PTP },
	{ 30490, 30490, EITHER, UDP_SOMEIP },
};

/* Ports named in udp_ports[], one bit each: most datagrams (a flood, an
 * ephemeral-to-ephemeral stream) name none and skip the ordered scan. */
static uint8_t udp_port_bits[65536 / 8];
static int udp_port_bits_ready;

static int port_named(uint16_t port)
{
	size_t i;
	unsigned p;

	if (!__atomic_load_n(&udp_port_bits_ready, __ATOMIC_ACQUIRE)) {
		for (i = 0; i < sizeof(udp_ports) / sizeof(udp_ports[0]); i++)
			for (p = udp_ports[i].lo; p <= udp_ports[i].hi; p++)
				udp_port_bits[p / 8] |= (uint8_t)(1u << (p % 8));
		__atomic_store_n(&udp_port_bits_ready, 1, __ATOMIC_RELEASE);
	}
	return udp_port_bits[port / 8] >> (port % 8) & 1;
}

/* Which printer tcpdump would pick for a datagram, in its order. */
static enum udp_app udp_app(uint16_t sport, uint16_t dport)
{
	size_t i;

	if (!port_named(sport) && !port_named(dport))
		return UDP_GENERIC;
	for (i = 0; i < sizeof(udp_ports) / sizeof(udp_ports[0]); i++) {
		const struct udp_port *u = &udp_ports[i];
		int s = sport >= u->lo && sport <= u->hi;
		int d = dport >= u->lo && dport <= u->hi;
		if (u->side == SRC ? s : u->side == DST ? d : s || d)
			return u->app;
	}
	return UDP_GENERIC;
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
	enum udp_app app;

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
		static void (*const by_type[])(struct nd *, const uint8_t *, uint32_t) = {
			[DISSECT_PT_VXLAN] = vxlan_print, [DISSECT_PT_SNMP] = snmp_print,
			[DISSECT_PT_TFTP] = tftp_print, [DISSECT_PT_RADIUS] = radius_print,
			[DISSECT_PT_PTP] = ptp_print, [DISSECT_PT_RTP] = rtp_print,
			[DISSECT_PT_RTCP] = rtcp_print, [DISSECT_PT_VAT] = vat_print,
			[DISSECT_PT_WB] = wb_print, [DISSECT_PT_LMP] = lmp_print,
		};

		/* -T: every datagram is read as that type, whatever its ports,
		 * without checksum checks; resp, zmtp1 and carp have no UDP form, and tcpdump
		 * then prints nothing at all, not even the addresses */
		if (nd->o->ptype == DISSECT_PT_RESP || nd->o->ptype == DISSECT_PT_ZMTP1 ||
		    nd->o->ptype == DISSECT_PT_CARP)
			return;
		if (nd->o->ptype == DISSECT_PT_RPC) {
			rpc_print(nd, cp, length, iph);
			return;
		}
		addrs(nd, iph, sport, dport);
		if (nd->o->ptype == DISSECT_PT_DOMAIN)
			dns_print(nd, cp, length, 0, 0);
		else if (nd->o->ptype == DISSECT_PT_PGM || nd->o->ptype == DISSECT_PT_PGM_ZMTP1)
			pgm_print(nd, cp, length, iph);
		else if (nd->o->ptype == DISSECT_PT_AODV)
			aodv_print(nd, cp, length, v6);
		else if (nd->o->ptype == DISSECT_PT_SOMEIP)
			someip_print(nd, cp, length);
		else if (nd->o->ptype == DISSECT_PT_CNFP)
			cnfp_print(nd, cp);
		else
			by_type[nd->o->ptype](nd, cp, length);
		return;
	}
	addrs(nd, iph, sport, dport);
	/* as tcpdump: NFS over RPC before the checksum and the ports */
	if (!nd->o->qflag && nfs_udp_print(nd, cp, length, sport, dport, iph))
		return;
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
	app = nd->o->qflag ? UDP_GENERIC : udp_app(sport, dport);
	switch (app) {
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
	case UDP_ESPINUDP:
		espinudp_print(nd, cp, length, fragmented, iph);
		return;
	case UDP_DHCP6:
		dhcp6_print(nd, cp, length);
		return;
	case UDP_BFD:
		bfd_print(nd, cp, length, dport);
		return;
	case UDP_MPLS:
		mpls_print(nd, cp, length);
		return;
	case UDP_TFTP:
		tftp_print(nd, cp, length);
		return;
	case UDP_RIP:
		rip_print(nd, cp, length);
		return;
	case UDP_RIPNG:
		ripng_print(nd, cp, length);
		return;
	case UDP_HSRP:
		hsrp_print(nd, cp, length);
		return;
	case UDP_VXLAN_GPE:
		vxlan_gpe_print(nd, cp, length);
		return;
	case UDP_PTP:
		ptp_print(nd, cp, length);
		return;
	case UDP_SIP:
		sip_print(nd, cp, length);
		return;
	case UDP_SNMP:
		snmp_print(nd, cp, length);
		return;
	case UDP_KRB:
		krb_print(nd, cp, length);
		return;
	case UDP_RADIUS:
		radius_print(nd, cp, length);
		return;
	case UDP_L2TP:
		l2tp_print(nd, cp, length);
		return;
	case UDP_ISAKMP:
		isakmp_print(nd, cp, length, iph);
		return;
	case UDP_SFLOW:
		sflow_print(nd, cp, length);
		return;
	case UDP_VAT:
		vat_print(nd, cp, length);
		return;
	case UDP_BCM_LI:
		bcm_li_print(nd, cp, length);
		return;
	case UDP_AUTORP:
		cisco_autorp_print(nd, cp, length);
		return;
	case UDP_BABEL:
		babel_print(nd, cp, length);
		return;
	case UDP_VQP:
		vqp_print(nd, cp, length);
		return;
	case UDP_LWAPP_CTL_AP:
	case UDP_LWAPP_CTL:
		lwapp_control_print(nd, cp, length, app == UDP_LWAPP_CTL_AP);
		return;
	case UDP_LWAPP_DATA:
		lwapp_data_print(nd, cp, length);
		return;
	case UDP_AHCP:
		ahcp_print(nd, cp, length);
		return;
	case UDP_LISP:
		lisp_print(nd, cp, length);
		return;
	case UDP_TIMED:
		timed_print(nd, cp);
		return;
	case UDP_AODV:
		aodv_print(nd, cp, length, v6);
		return;
	case UDP_SOMEIP:
		someip_print(nd, cp, length);
		return;
	case UDP_OLSR:
		olsr_print(nd, cp, length, v6);
		return;
	case UDP_HNCP:
		hncp_print(nd, cp, length);
		return;
	case UDP_RX:
		rx_print(nd, cp, length, sport, dport, iph);
		return;
	case UDP_LDP:
		ldp_print(nd, cp, length);
		return;
	case UDP_LSPPING:
		lspping_print(nd, cp, length);
		return;
	case UDP_ZEPHYR:
		zephyr_print(nd, cp, length);
		return;
	case UDP_LWRES:
		lwres_print(nd, cp, length);
		return;
	case UDP_WB:
		wb_print(nd, cp, length);
		return;
	case UDP_LMP:
		lmp_print(nd, cp, length);
		return;
	default:
		break;
	}
	if (ulen > length && !fragmented)
		P("UDP, bad length %u > %u", ulen, length);
	else
		P("UDP, length %u", ulen);
}
