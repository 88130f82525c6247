/* MPLS label stacks (RFC 3032), after ethertype 0x8847/0x8848 and in UDP
 * port 6635 (RFC 7510), as tcpdump prints them: every label stack entry,
 * then a guess at what follows the bottom of the stack. */
#include "dissect-int.h"

/* Labels 0..15 are reserved (RFC 3032, RFC 7274); -v names them. */
static const char *reserved_label_name(uint32_t label)
{
	switch (label) {
	case 0:
		return "IPv4 explicit NULL";
	case 1:
		return "router alert";
	case 2:
		return "IPv6 explicit NULL";
	case 3:
		return "implicit NULL";
	default:
		return label < 16 ? "rsvd" : NULL;
	}
}

enum payload_kind { PL_UNKNOWN, PL_IPV4, PL_IPV6, PL_OSI };

void mpls_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t ent, label, depth = 0;
	enum payload_kind kind;
	const char *name;
	uint8_t first;

	nd->proto = "mpls";
	P("MPLS");
	for (;;) {
		if (len < 4) {
			/* a stack entry cut short by the length itself */
			P(" (invalid)");
			gcheck(nd, p, len);
			return;
		}
		ent = g4(nd, p);
		label = ent >> 12;
		P("%s(label %u", depth && nd->o->vflag ? "\n\t" : " ", label);
		depth++;
		if (nd->o->vflag && (name = reserved_label_name(label)) != NULL)
			P(" (%s)", name);
		P(", tc %u", (ent >> 9) & 7);
		if (ent & 0x100)
			P(", [S]");
		P(", ttl %u)", ent & 0xff);
		p += 4;
		len -= 4;
		if (ent & 0x100)
			break;
	}

	/* Only the explicit/implicit NULL labels say what is carried; else
	 * the first payload byte is a hint (IP version nibble, OSI NLPID). */
	switch (label) {
	case 0:
	case 3:
		kind = PL_IPV4;
		break;
	case 2:
		kind = PL_IPV6;
		break;
	default:
		if (len < 1)
			return;
		first = g1(nd, p);
		if (first >= 0x45 && first <= 0x4f)
			kind = PL_IPV4;
		else if (first >= 0x60 && first <= 0x6f)
			kind = PL_IPV6;
		else if (first >= 0x81 && first <= 0x83)
			kind = PL_OSI;
		else
			kind = PL_UNKNOWN;
		break;
	}

	switch (kind) {
	case PL_IPV4:
		P("%s", nd->o->vflag ? "\n\t" : " ");
		ip_print(nd, p, len);
		break;
	case PL_IPV6:
		P("%s", nd->o->vflag ? "\n\t" : " ");
		ip6_print(nd, p, len);
		break;
	case PL_OSI:
		P("%s", nd->o->vflag ? "\n\t" : " ");
		isoclns_print(nd, p, len);
		break;
	case PL_UNKNOWN:
		default_print(nd, p, len);
		if (!nd->o->qflag && !nd->o->xflag && !nd->o->Xflag &&
		    len > nd_avail(nd, p))
			nd_trunc(nd);
		break;
	}
}

/* RFC 4446 pseudowire types (tcpdump's mpls_pw_types_values), for LDP
 * and LSP ping. */
const struct tok mpls_pw_types[] = {
	{ 0x0000, "Reserved" }, { 0x0001, "Frame Relay DLCI (Martini Mode)" },
	{ 0x0002, "ATM AAL5 SDU VCC transport" }, { 0x0003, "ATM transparent cell transport" },
	{ 0x0004, "Ethernet VLAN" }, { 0x0005, "Ethernet" }, { 0x0006, "Cisco-HDLC" },
	{ 0x0007, "PPP" }, { 0x0008, "SONET/SDH Circuit Emulation Service over MPLS" },
	{ 0x0009, "ATM n-to-one VCC cell transport" }, { 0x000a, "ATM n-to-one VPC cell transport" },
	{ 0x000b, "IP Layer2 Transport" }, { 0x000c, "ATM one-to-one VCC Cell Mode" },
	{ 0x000d, "ATM one-to-one VPC Cell Mode" }, { 0x000e, "ATM AAL5 PDU VCC transport" },
	{ 0x000f, "Frame-Relay Port mode" }, { 0x0010, "SONET/SDH Circuit Emulation over Packet" },
	{ 0x0011, "Structure-agnostic E1 over Packet" },
	{ 0x0012, "Structure-agnostic T1 (DS1) over Packet" },
	{ 0x0013, "Structure-agnostic E3 over Packet" },
	{ 0x0014, "Structure-agnostic T3 (DS3) over Packet" }, { 0x0015, "CESoPSN basic mode" },
	{ 0x0016, "TDMoIP basic mode" }, { 0x0017, "CESoPSN TDM with CAS" },
	{ 0x0018, "TDMoIP TDM with CAS" }, { 0x0019, "Frame Relay DLCI" },
	{ 0x0040, "IP-interworking" }, { 0, NULL }
};
