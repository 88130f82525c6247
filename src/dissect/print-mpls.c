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
