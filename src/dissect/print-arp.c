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

/* An ATM number and its subaddress, or <No address> */
static void atm_addr(struct nd *nd, const uint8_t *a, unsigned len, const uint8_t *sa,
		     unsigned salen)
{
	if (len == 0) {
		P("<No address>");
		return;
	}
	lladdr(nd, a, len);
	if (salen) {
		P(",");
		lladdr(nd, sa, salen);
	}
}

static void atm_paddr(struct nd *nd, const uint8_t *a, uint16_t pro, unsigned plen,
		      const char *bad)
{
	if (plen != 4 && (pro == 0x0800 || pro == 0x1000))
		P("%s", bad);
	else
		paddr(nd, a, pro, plen);
}

/* "ARP, " (unless -e), the hardware and protocol types when the packet is
 * not IPv4 ARP or with -v, then the operation; 0 when only the types
 * print.  hwl: the hardware length text after the type ("" for ATM ARP),
 * pl: the protocol length(s). */
static int arp_head(struct nd *nd, unsigned hrd, unsigned pro, unsigned op, int ipv4,
		    const char *hwl, const char *pl)
{
	const char *en = ethertype_name((uint16_t)pro);
	char b[64];

	if (!nd->o->eflag)
		P("ARP, ");
	if (!ipv4 || nd->o->vflag) {
		P("%s%s, ", tok2str(arphrds, "Unknown Hardware (%u)", hrd, b, sizeof(b)), hwl);
		if (en)
			P("%s (len %s)", en, pl);
		else
			P("Unknown Protocol (0x%04x) (len %s)", pro, pl);
		if (!nd->o->vflag)
			return 0;
	}
	P("%s%s ", nd->o->vflag ? ", " : "", tok2str(arpops, "Unknown (%u)", op, b, sizeof(b)));
	return 1;
}

/* RFC 2225 ATM ARP: type/length bytes for the ATM numbers and
 * subaddresses instead of one hardware address length. */
static void atmarp_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	uint16_t hrd, pro, op;
	unsigned shl, ssl, spl, thl, tsl, tpl;
	const uint8_t *sha, *ssa, *spa, *tha, *tsa, *tpa;
	char b[24];

	gcheck(nd, p, 12);
	hrd = g2(nd, p);
	pro = g2(nd, p + 2);
	shl = p[4] & 0x3f;
	ssl = p[5] & 0x3f;
	op = g2(nd, p + 6);
	spl = p[8];
	thl = p[9] & 0x3f;
	tsl = p[10] & 0x3f;
	tpl = p[11];
	sha = p + 12;
	ssa = sha + shl;
	spa = ssa + ssl;
	tha = spa + spl;
	tsa = tha + thl;
	tpa = tsa + tsl;
	gcheck(nd, tpa, tpl);
	snprintf(b, sizeof(b), "%u/%u", spl, tpl);
	if (!arp_head(nd, hrd, pro, op, (pro == 0x0800 || pro == 0x1000) && spl == 4 && tpl == 4,
		      "", b))
		goto out;
	switch (op) {
	case 1:
		P("who-has ");
		atm_paddr(nd, tpa, pro, tpl, "<wrong tplen>");
		if (thl) {
			P(" (");
			atm_addr(nd, tha, thl, tsa, tsl);
			P(")");
		}
		P(" tell ");
		atm_paddr(nd, spa, pro, spl, "<wrong splen>");
		break;
	case 2:
		atm_paddr(nd, spa, pro, spl, "<wrong splen>");
		P(" is-at ");
		atm_addr(nd, sha, shl, ssa, ssl);
		break;
	case 8:
		P("who-is ");
		atm_addr(nd, tha, thl, tsa, tsl);
		P(" tell ");
		atm_addr(nd, sha, shl, ssa, ssl);
		break;
	case 9:
		atm_addr(nd, sha, shl, ssa, ssl);
		P("at ");
		atm_paddr(nd, spa, pro, spl, "<wrong splen>");
		break;
	case 10:
		P("for ");
		atm_paddr(nd, spa, pro, spl, "<wrong splen>");
		break;
	default:
		/* tcpdump dumps it even with -q, -x or -X */
		hexdump_ascii(nd, "\n\t", p, caplen, 0);
		return;
	}
out:
	P(", length %u", length);
}

void arp_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	uint16_t hrd, pro, op;
	unsigned hl, pl, i;
	const uint8_t *sha, *spa, *tha, *tpa;
	char b[24], b2[16];

	nd->proto = "arp";
	gcheck(nd, p, 8);
	hrd = g2(nd, p);
	pro = g2(nd, p + 2);
	hl = p[4];
	pl = p[5];
	op = g2(nd, p + 6);
	if (hrd == 19) {
		atmarp_print(nd, p, length, caplen);
		return;
	}
	sha = p + 8;
	spa = sha + hl;
	tha = spa + pl;
	tpa = tha + hl;
	gcheck(nd, tpa, pl);
	snprintf(b, sizeof(b), " (len %u)", hl);
	snprintf(b2, sizeof(b2), "%u", pl);
	if (!arp_head(nd, hrd, pro, op, (pro == 0x0800 || pro == 0x1000) && pl == 4 && hl != 0,
		      b, b2))
		goto out;
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
		/* tcpdump dumps it even with -q, -x or -X */
		hexdump_ascii(nd, "\n\t", p, caplen, 0);
		return;
	}
out:
	P(", length %u", length);
}

/* An AppleTalk address (the last three of its four bytes): net.node, or
 * the net alone for node 255 */
static void at_addr(struct nd *nd, const uint8_t *a)
{
	unsigned net = (unsigned)a[1] << 8 | a[2];
	if (a[3] == 255)
		P("%u", net);
	else
		P("%u.%u", net, a[3]);
}

/* AppleTalk ARP (ethertype 0x80f3): 28 bytes for Ethernet and AppleTalk. */
void aarp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	unsigned htype, ptype, op;
	char b[18];

	nd->proto = "aarp";
	P("aarp ");
	if (!nd_ok(nd, p, 28)) {
		nd_trunc(nd);
		return;
	}
	if (length < 28) {
		P(" [|aarp %u]", length);
		return;
	}
	htype = g2(nd, p);
	ptype = g2(nd, p + 2);
	op = g2(nd, p + 6);
	if (htype == 1 && ptype == 0x809b && p[4] == 6 && p[5] == 4) {
		switch (op) {
		case 1:
		case 3:
			P(op == 1 ? "who-has " : "probe ");
			at_addr(nd, p + 24);
			P(" tell ");
			at_addr(nd, p + 14);
			return;
		case 2:
			P("reply ");
			at_addr(nd, p + 14);
			P(" is-at %s", mac_str(nd, p + 8, b));
			return;
		}
	}
	P("len %u op %u htype %u ptype %#x halen %u palen %u", length, op, htype, ptype, p[4], p[5]);
}
