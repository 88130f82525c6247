/* Linux cooked captures (SLL, SLL2), BSD loopback (NULL/LOOP) and raw IP. */
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "dissect-int.h"

static const struct tok pkttypes[] = {
	{ 0, "In" }, { 1, "B" }, { 2, "M" }, { 3, "P" }, { 4, "Out" }, { 0, NULL }
};

static void cooked_hdr(struct nd *nd, uint16_t proto, uint32_t length)
{
	if (nd->o->qflag)
		return;
	if (proto <= 1500) {
		if (proto == 1)
			P("802.3");
		else if (proto == 4)
			P("802.2");
		else
			P("ethertype Unknown (0x%04x)", proto);
	} else {
		const char *n = ethertype_name(proto);
		P("ethertype %s (0x%04x)", n ? n : "Unknown", proto);
	}
	P(", length %u: ", length);
}

static void sll_hdr(struct nd *nd, const uint8_t *h, uint32_t length)
{
	char m[18];
	nd->proto = "sll";
	P("%3s ", tok_or(pkttypes, g2(nd, h), "?"));
	if (g2(nd, h + 4) == 6)
		P("%s ", mac_str(nd, h + 6, m));
	cooked_hdr(nd, g2(nd, h + 14), length);
}

static void sll2_hdr(struct nd *nd, const uint8_t *h, uint32_t length)
{
	char m[18];
	nd->proto = "sll2";
	P("ifindex %u ", g4(nd, h + 4));
	if (g1(nd, h + 11) == 6)
		P("%s ", mac_str(nd, h + 12, m));
	cooked_hdr(nd, g2(nd, h), length);
}

/* Common payload dispatch of SLL and SLL2 (after the header). */
static void cooked_payload(struct nd *nd, const uint8_t *h, int v2, uint16_t et,
			   const uint8_t *p, uint32_t length, uint32_t caplen, uint32_t hdrlen)
{
	for (;;) {
		if (et <= 1500) {
			/* Linux's pseudo-protocols for 802.3 frames: 1 raw
			 * (Novell) IPX, 4 an 802.2 LLC header, without MACs */
			int lh;

			if (et == 1)
				ipx_print(nd, p);
			else if (et == 4 &&
				 (lh = llc_print(nd, p, length, caplen, NULL, NULL)) >= 0)
				hdrlen += (uint32_t)lh;
			else
				default_print(nd, p, caplen);
			break;
		} else if (et == 0x8100) {
			uint16_t tci;
			const char *n;
			if (caplen < 4) {
				nd->proto = "vlan";
				nd_trunc(nd);
				nd->ll_hdr_len += hdrlen + caplen;
				return;
			}
			tci = g2(nd, p);
			if (nd->o->eflag)
				P("vlan %u, p %u%s, ", tci & 0xfff, tci >> 13, (tci & 0x1000) ? ", DEI" : "");
			et = g2(nd, p + 2);
			if (et <= 1500)
				et = 4;
			n = ethertype_name(et);
			if (!nd->o->qflag)
				P("ethertype %s, ", n ? n : "Unknown");
			p += 4;
			length -= 4;
			caplen -= 4;
			hdrlen += 4;
			continue;
		} else if (!ethertype_print(nd, et, p, length, caplen, NULL)) {
			if (!nd->o->eflag) {
				if (v2)
					sll2_hdr(nd, h, length + 20);
				else
					sll_hdr(nd, h, length + 16);
			}
			default_print(nd, p, caplen);
		}
		break;
	}
	nd->ll_hdr_len += hdrlen;
}

void sll_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	nd->proto = "sll";
	gcheck(nd, p, 16);
	if (nd->o->eflag)
		sll_hdr(nd, p, length);
	cooked_payload(nd, p, 0, g2(nd, p + 14), p + 16, length - 16, caplen - 16, 16);
}

void sll2_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	char ifn[IF_NAMESIZE + 1];
	uint32_t idx;

	nd->proto = "sll2";
	gcheck(nd, p, 20);
	idx = g4(nd, p + 4);
	if (!if_indextoname(idx, ifn))
		strcpy(ifn, "?");
	/* a file's cooked packets print as tcpdump's do: padded columns,
	 * not the live capture's "IFACE DIR" */
	P("%-5s %-3s ", ifn, tok_or(pkttypes, g1(nd, p + 10), "?"));
	if (nd->o->eflag)
		sll2_hdr(nd, p, length);
	cooked_payload(nd, p, 1, g2(nd, p), p + 20, length - 20, caplen - 20, 20);
}

/* BSD address family numbers (the loopback header; RIP's families too) */
const struct tok bsd_af_names[] = {
	{ 2, "IPv4" }, { 6, "NS" }, { 7, "ISO" }, { 16, "Appletalk" }, { 23, "IPX" },
	{ 24, "IPv6" }, { 28, "IPv6" }, { 30, "IPv6" }, { 0, NULL }
};

static void null_hdr(struct nd *nd, uint32_t af, uint32_t length)
{
	char b[32];
	if (!nd->o->qflag)
		P("AF %s (%u)", tok2str(bsd_af_names, "Unknown", af, b, sizeof(b)), af);
	else
		P("%s", tok2str(bsd_af_names, "Unknown AF %u", af, b, sizeof(b)));
	P(", length %u: ", length);
}

void null_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen, int loop)
{
	uint32_t af;

	nd->proto = loop ? "loop" : "null";
	if (caplen < 4) {
		nd_trunc(nd);
		nd->ll_hdr_len += caplen;
		return;
	}
	if (loop)
		af = g4(nd, p);
	else {
		af = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
		if ((af & 0xffff0000u) != 0)
			af = (af >> 24) | ((af >> 8) & 0xff00) | ((af << 8) & 0xff0000) | (af << 24);
	}
	if (nd->o->eflag)
		null_hdr(nd, af, length);
	length -= 4;
	caplen -= 4;
	p += 4;
	switch (af) {
	case 2:
		ip_print(nd, p, length);
		break;
	case 24:
	case 28:
	case 30:
		ip6_print(nd, p, length);
		break;
	default:
		if (!nd->o->eflag)
			null_hdr(nd, af, length + 4);
		default_print(nd, p, caplen);
		break;
	}
	nd->ll_hdr_len += 4;
}

void raw_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	(void)caplen;
	if (nd->o->eflag)
		P("ip: ");
	ipver_print(nd, p, length);
}
