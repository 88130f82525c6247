/* Switch chip tags in Ethernet frames: Marvell DSA and EDSA (link types
 * 284, 285) and Broadcom's tag, inside the frame or before it (281, 282). */
#include <stdio.h>

#include "dissect-int.h"

static const struct tok dsa_modes[] = {
	{ 0, "To CPU" }, { 1, "From CPU" }, { 2, "To Sniffer" }, { 3, "Forward" }, { 0, NULL }
};

static const struct tok dsa_codes[] = {
	{ 0, "BPDU (MGMT) Trap" }, { 1, "Frame2Reg" }, { 2, "IGMP/MLD Trap" },
	{ 3, "Policy Trap" }, { 4, "ARP Mirror" }, { 5, "Policy Mirror" }, { 0, NULL }
};

/* The 4 bytes that DSA and EDSA share. */
static void dsa_common(struct nd *nd, const uint8_t *t)
{
	uint8_t b0 = g1(nd, t), b1 = g1(nd, t + 1), b2 = g1(nd, t + 2), b3 = g1(nd, t + 3);
	unsigned mode = b0 >> 6, tagged = (b0 >> 5) & 1, dev = b0 & 0x1f;
	unsigned port = b1 >> 3, bit2 = (b1 >> 2) & 1, cfi = b1 & 1;
	unsigned pri = b2 >> 5, vid = (b2 & 0x0fu) << 8 | b3;
	unsigned code = ((b1 >> 1) & 3u) << 1 | ((b2 >> 4) & 1u);

	if (nd->o->eflag) {
		P("mode %s, ", tok_or(dsa_modes, mode, "unknown"));
		switch (mode) {
		case 3:
			P("dev %u, %s %u, ", dev, bit2 ? "trunk" : "port", port);
			break;
		case 1:
			P("target dev %u, port %u, ", dev, port);
			break;
		case 0:
			P("source dev %u, port %u, ", dev, port);
			P("code %s, ", tok_or(dsa_codes, code, "reserved"));
			break;
		default:
			P("source dev %u, port %u, ", dev, port);
			P("%s sniff, ", bit2 ? "ingress" : "egress");
			break;
		}
		P("%s, %sVID %u, FPri %u, ", tagged ? "tagged" : "untagged", cfi ? "CFI, " : "",
		  vid, pri);
		return;
	}
	switch (mode) {
	case 3:
		P("Forward %s %u.%u, ", bit2 ? "trunk" : "port", dev, port);
		break;
	case 1:
		P("CPU > port %u.%u, ", dev, port);
		break;
	case 0:
		P("port %u.%u > CPU, ", dev, port);
		break;
	default:
		P("port %u.%u > %s Sniffer, ", dev, port, bit2 ? "Rx" : "Tx");
		break;
	}
	P("VLAN %u%c, ", vid, tagged ? 't' : 'u');
}

static void dsa_tag(struct nd *nd, const uint8_t *t)
{
	P(nd->o->eflag ? "Marvell DSA " : "DSA ");
	dsa_common(nd, t);
}

static void edsa_tag(struct nd *nd, const uint8_t *t)
{
	uint16_t et = g2(nd, t);

	if (nd->o->eflag) {
		const char *n = ethertype_name(et);
		P("Marvell EDSA ethertype 0x%04x (%s), ", et, n ? n : "Unknown");
		P("rsvd %u %u, ", g1(nd, t + 2), g1(nd, t + 3));
	} else {
		P("EDSA 0x%04x, ", et);
	}
	dsa_common(nd, t + 4);
}

static const struct tok brcm_te[] = {
	{ 0, "None" }, { 1, "Untag" }, { 2, "Header" }, { 3, "Reserved" }, { 0, NULL }
};

static const struct tok brcm_rc[] = {
	{ 1, "mirror" }, { 2, "MAC learning" }, { 4, "switching" }, { 8, "prot term" },
	{ 16, "prot snoop" }, { 32, "exception" }, { 0, NULL }
};

static void brcm_tag(struct nd *nd, const uint8_t *t)
{
	uint8_t b0, b1, b2, b3;

	gcheck(nd, t, 4);
	b0 = t[0];
	b1 = t[1];
	b2 = t[2];
	b3 = t[3];
	P("BRCM tag OP: %s", b0 ? "IG" : "EG");
	if (b0 & 0x20)		/* ingress */
		P(", TC: %u, TE: %s, TS: %u, DST map: 0x%04x", (b1 >> 2) & 7u,
		  tok_or(brcm_te, b1 & 3u, "unknown"), b1 >> 7u, (b2 << 8 | b3) & 0x1ffu);
	else			/* egress */
		P(", CID: %u, RC: %s, TC: %u, port: %u", b1, tok_or(brcm_rc, b2, "reserved"),
		  b3 >> 5, b3 & 0x1fu);
	P(", ");
}

uint32_t dsa_dlt_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	switch (dlt) {
	case DLT_DSA_TAG_DSA_:
		nd->proto = "dsa";
		return ether_tag_print(nd, p, len, caplen, dsa_tag, 4, NULL, NULL);
	case DLT_DSA_TAG_EDSA_:
		nd->proto = "edsa";
		return ether_tag_print(nd, p, len, caplen, edsa_tag, 8, NULL, NULL);
	case DLT_DSA_TAG_BRCM_:
		nd->proto = "brcm-tag";
		return ether_tag_print(nd, p, len, caplen, brcm_tag, 4, NULL, NULL);
	default:	/* the tag before the frame */
		nd->proto = "brcm-tag-prepend";
		gcheck(nd, p, 4);
		nd->ll_hdr_len += 4;
		if (nd->o->eflag)
			brcm_tag(nd, p);
		return ether_print(nd, p + 4, len - 4, caplen - 4);
	}
}
