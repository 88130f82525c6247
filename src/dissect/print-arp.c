/* ARP / RARP / InARP. */
#include <stdio.h>

#include "dissect-int.h"

static const struct tok arpops[] = {
	{ 1, "Request" }, { 2, "Reply" }, { 3, "Reverse Request" }, { 4, "Reverse Reply" },
	{ 8, "Inverse Request" }, { 9, "Inverse Reply" }, { 10, "NACK Reply" }, { 0, NULL }
};

static const struct tok arphrds[] = {
	{ 1, "Ethernet" }, { 6, "TokenRing" }, { 7, "ArcNet" }, { 15, "FrameRelay" },
	{ 19, "ATM" }, { 23, "Strip" }, { 24, "IEEE 1394" }, { 32, "InfiniBand" }, { 0, NULL }
};

static void lladdr(struct nd *nd, const uint8_t *a, unsigned len)
{
	unsigned i;
	gcheck(nd, a, len);
	if (len == 0) {
		P("<empty>");
		return;
	}
	for (i = 0; i < len; i++)
		P(i ? ":%02x" : "%02x", a[i]);
}

static void paddr(struct nd *nd, const uint8_t *a, uint16_t pro, unsigned plen)
{
	char b[16];
	if (pro != 0x0800 && pro != 0x1000)
		P("<wrong proto type>");
	else if (plen != 4)
		P("<wrong len>");
	else
		P("%s", ip4_str(nd, a, b));
}

void arp_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	uint16_t hrd, pro, op;
	unsigned hl, pl, i;
	const uint8_t *sha, *spa, *tha, *tpa;
	char b[64];

	nd->proto = "arp";
	gcheck(nd, p, 8);
	hrd = g2(nd, p);
	pro = g2(nd, p + 2);
	hl = p[4];
	pl = p[5];
	op = g2(nd, p + 6);
	sha = p + 8;
	spa = sha + hl;
	tha = spa + pl;
	tpa = tha + hl;
	gcheck(nd, tpa, pl);
	if (!nd->o->eflag)
		P("ARP, ");
	if ((pro != 0x0800 && pro != 0x1000) || pl != 4 || hl == 0 || nd->o->vflag) {
		const char *en = ethertype_name(pro);
		P("%s (len %u), ", tok2str(arphrds, "Unknown Hardware (%u)", hrd, b, sizeof(b)), hl);
		if (en)
			P("%s (len %u)", en, pl);
		else
			P("Unknown Protocol (0x%04x) (len %u)", pro, pl);
		if (!nd->o->vflag)
			goto out;
	}
	P("%s%s ", nd->o->vflag ? ", " : "", tok2str(arpops, "Unknown (%u)", op, b, sizeof(b)));
	switch (op) {
	case 1:
		P("who-has ");
		paddr(nd, tpa, pro, pl);
		for (i = 0; i < hl; i++)
			if (g1(nd, tha + i))
				break;
		if (i < hl) {
			P(" (");
			lladdr(nd, tha, hl);
			P(")");
		}
		P(" tell ");
		paddr(nd, spa, pro, pl);
		break;
	case 2:
		paddr(nd, spa, pro, pl);
		P(" is-at ");
		lladdr(nd, sha, hl);
		break;
	case 3:
	case 8:
		P("who-is ");
		lladdr(nd, tha, hl);
		P(" tell ");
		lladdr(nd, sha, hl);
		break;
	case 4:
		lladdr(nd, tha, hl);
		P(" at ");
		paddr(nd, tpa, pro, pl);
		break;
	case 9:
		lladdr(nd, sha, hl);
		P(" at ");
		paddr(nd, spa, pro, pl);
		break;
	default:
		default_print(nd, p, caplen);
		return;
	}
out:
	P(", length %u", length);
}
