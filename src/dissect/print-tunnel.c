/* Overlays carried in UDP, as tcpdump prints them: VXLAN (4789), OTV
 * (8472) and Geneve (6081).  The inner frame is printed by the Ethernet
 * or ethertype printers, on a line of its own for VXLAN and OTV. */
#include "dissect-int.h"

static const struct tok vxlan_flags[] = { { 0x08, "I" }, { 0, NULL } };

void vxlan_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	uint8_t flags;

	nd->proto = "vxlan";
	P("VXLAN");
	if (len < 8) {
		P(" (invalid)");
		return;
	}
	flags = g1(nd, bp);
	P(", flags [");
	bits_print(nd, vxlan_flags, "invalid", flags, "");
	P("] (0x%02x), ", flags);
	P("vni %u\n", g3(nd, bp + 4));
	gcheck(nd, bp + 7, 1);
	ether_print(nd, bp + 8, len - 8, (uint32_t)nd_avail(nd, bp + 8));
}

void otv_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	uint8_t flags;

	nd->proto = "otv";
	P("OTV, ");
	if (len < 8) {
		P("[length %u < 8] (invalid)", len);
		if (!nd_ok(nd, bp, len))
			nd_trunc(nd);
		return;
	}
	flags = g1(nd, bp);
	P("flags [%s] (0x%02x), ", (flags & 0x08) ? "I" : ".", flags);
	P("overlay %u, ", g3(nd, bp + 1));
	P("instance %u\n", g3(nd, bp + 4));
	gcheck(nd, bp + 7, 1);
	ether_print(nd, bp + 8, len - 8, (uint32_t)nd_avail(nd, bp + 8));
}

static const struct tok geneve_flags[] = {
	{ 0x80, "O" }, { 0x40, "C" }, { 0x20, "R1" }, { 0x10, "R2" },
	{ 0x08, "R3" }, { 0x04, "R4" }, { 0x02, "R5" }, { 0x01, "R6" },
	{ 0, NULL }
};

static const char *opt_class_name(uint16_t c)
{
	switch (c) {
	case 0x0100: return "Linux";
	case 0x0101: return "Open vSwitch";
	case 0x0102: return "Open Virtual Networking (OVN)";
	case 0x0103: return "In-band Network Telemetry (INT)";
	case 0x0104: return "VMware";
	}
	if (c <= 0x00ff)
		return "Standard";
	return c >= 0xfff0 ? "Experimental" : "Unknown";
}

static void geneve_opts(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	const char *sep = "";

	while (len > 0) {
		uint16_t cls = g2(nd, bp);
		uint8_t type = g1(nd, bp + 2);
		uint32_t olen = 4 + (g1(nd, bp + 3) & 0x1f) * 4, i;

		P("%sclass %s (0x%x) type 0x%x%s len %u", sep, opt_class_name(cls),
		  cls, type, (type & 0x80) ? "(C)" : "", olen);
		sep = ", ";
		if (olen > len) {
			P(" [bad length]");
			return;
		}
		if (nd->o->vflag > 1 && olen > 4) {
			P(" data");
			for (i = 4; i < olen; i += 4)
				P(" %08x", g4(nd, bp + i));
		}
		bp += olen;
		len -= olen;
	}
}

void geneve_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	uint8_t ver_opt, flags, rsvd;
	uint16_t prot;
	uint32_t vni, opts_len;

	nd->proto = "geneve";
	P("Geneve");
	if (len < 8) {
		P(" [length %u < 8] (invalid)", len);
		return;
	}
	/* a return, not a jump, when truncated (tcpdump's own checks) */
	if (!nd_ok(nd, bp, 8)) {
		nd_trunc(nd);
		return;
	}
	ver_opt = bp[0];
	if (ver_opt >> 6) {
		P(" ERROR: unknown-version %u", ver_opt >> 6);
		return;
	}
	flags = bp[1];
	prot = g2(nd, bp + 2);
	vni = g3(nd, bp + 4);
	rsvd = bp[7];
	bp += 8;
	len -= 8;
	P(", Flags [");
	bits_print(nd, geneve_flags, "none", flags, "");
	P("], vni 0x%x", vni);
	if (rsvd)
		P(", rsvd 0x%x", rsvd);
	encap_proto_print(nd, prot);
	opts_len = (ver_opt & 0x3f) * 4u;
	if (len < opts_len) {
		P(" truncated-geneve - %u bytes missing", opts_len - len);
		return;
	}
	if (!nd_ok(nd, bp, opts_len)) {
		nd_trunc(nd);
		return;
	}
	if (opts_len > 0) {
		P(", options [");
		if (nd->o->vflag)
			geneve_opts(nd, bp, opts_len);
		else
			P("%u bytes", opts_len);
		P("]");
	}
	bp += opts_len;
	len -= opts_len;
	P(nd->o->vflag ? "\n\t" : ": ");
	if (!ethertype_print(nd, prot, bp, len, (uint32_t)nd_avail(nd, bp), NULL)) {
		if (prot == 0x6558)
			ether_print(nd, bp, len, (uint32_t)nd_avail(nd, bp));
		else
			P("geneve-proto-0x%x", prot);
	}
}
