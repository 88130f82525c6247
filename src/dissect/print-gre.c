/* GRE (RFC 2784/2890, and version 1 of PPTP) and ESP headers, as tcpdump
 * prints them without keys: the encapsulated packet follows GRE; ESP's
 * payload is encrypted. */
#include "dissect-int.h"

#define GRE_CP 0x8000	/* checksum present */
#define GRE_RP 0x4000	/* routing present */
#define GRE_KP 0x2000	/* key present */
#define GRE_SP 0x1000	/* sequence number present */
#define GRE_AP 0x0080	/* acknowledgment number present (v1) */

static const struct tok gre_flags[] = {
	{ GRE_CP, "checksum present" }, { GRE_RP, "routing present" },
	{ GRE_KP, "key present" }, { GRE_SP, "sequence# present" },
	{ 0x0800, "source routing present" }, { GRE_AP, "ack present" },
	{ 0, NULL }
};

/* Takes n more header bytes, or stops the printer as truncated (a
 * return, not a jump: tcpdump dumps -x from the network header then). */
#define TAKE(n)							\
	do {							\
		if (!nd_ok(nd, bp, (n)) || len < (n)) {		\
			nd_trunc(nd);				\
			return;					\
		}						\
	} while (0)

/* A 32-bit header field, printed with fmt after masking; -1 when the
 * header is cut there (then the printer stops). */
static int field32(struct nd *nd, const uint8_t **bpp, uint32_t *lenp,
		   const char *fmt, uint32_t mask)
{
	const uint8_t *bp = *bpp;
	uint32_t len = *lenp;

	if (!nd_ok(nd, bp, 4) || len < 4) {
		nd_trunc(nd);
		return -1;
	}
	P(fmt, g4(nd, bp) & mask);
	*bpp = bp + 4;
	*lenp = len - 4;
	return 0;
}

/* One source route entry's addresses (IPv4) or AS numbers; 0 when it
 * runs past the packet. */
static int sre_print(struct nd *nd, uint16_t af, uint8_t off, uint8_t sl,
		     const uint8_t *bp, uint32_t len)
{
	const uint8_t *start = bp;
	unsigned unit = af == 0x0800 ? 4 : 2;
	int ok = 1;
	char a[16];

	if (af != 0x0800 && af != 0xfffe) {
		P(", (rtaf=0x%x)", af);
		return 1;
	}
	P(", (rtaf=%s", unit == 4 ? "ip" : "asn");
	if (off & (unit - 1)) {
		P(", badoffset=%u", off);
	} else if (sl & (unit - 1)) {
		P(", badlength=%u", sl);
	} else if (off >= sl) {
		P(", badoff/len=%u/%u", off, sl);
	} else {
		for (; sl; sl -= unit, bp += unit, len -= unit) {
			if (!nd_ok(nd, bp, unit) || len < unit) {
				ok = 0;
				break;
			}
			if (unit == 4)
				P(" %s%s", bp - start == off ? "*" : "", ip4_str(nd, bp, a));
			else
				P(" %s%x", bp - start == off ? "*" : "", g2(nd, bp));
		}
	}
	P(")");
	return ok;
}

static void gre_payload(struct nd *nd, uint16_t prot, const uint8_t *bp,
			uint32_t len, uint32_t length)
{
	encap_proto_print(nd, prot);
	P(", length %u", length);
	P(nd->o->vflag ? "\n\t" : ": ");
	switch (prot) {
	case 0x0800:
		ip_print(nd, bp, len);
		break;
	case 0x86dd:
		ip6_print(nd, bp, len);
		break;
	case 0x6558:
		ether_print(nd, bp, len, (uint32_t)nd_avail(nd, bp));
		break;
	case 0x8847:	/* unicast only, as tcpdump */
		mpls_print(nd, bp, len);
		break;
	case 0x00fe:	/* GRE-OSI */
		isoclns_print(nd, bp, len);
		break;
	default:
		P("gre-proto-0x%x", prot);
	}
}

/* bp and len start after the protocol type; length is GRE's whole. */
static void gre0_print(struct nd *nd, const uint8_t *bp, uint32_t len,
		       uint32_t length, uint16_t flags, uint16_t prot)
{
	if (flags & (GRE_CP | GRE_RP)) {
		TAKE(2);
		if (nd->o->vflag)
			P(", sum 0x%x", g2(nd, bp));
		bp += 2;
		len -= 2;
		TAKE(2);
		P(", off 0x%x", g2(nd, bp));
		bp += 2;
		len -= 2;
	}
	if ((flags & GRE_KP) && field32(nd, &bp, &len, ", key=0x%x", ~0u))
		return;
	if ((flags & GRE_SP) && field32(nd, &bp, &len, ", seq %u", ~0u))
		return;
	if (flags & GRE_RP) {
		for (;;) {
			uint16_t af;
			uint8_t off, sl;

			TAKE(4);
			af = g2(nd, bp);
			off = g1(nd, bp + 2);
			sl = g1(nd, bp + 3);
			bp += 4;
			len -= 4;
			if (af == 0 && sl == 0)
				break;
			if (!sre_print(nd, af, off, sl, bp, len) || len < sl) {
				nd_trunc(nd);
				return;
			}
			bp += sl;
			len -= sl;
		}
	}
	gre_payload(nd, prot, bp, len, length);
}

/* Version 1 (PPTP): the PPP it carries. */
static void gre1_print(struct nd *nd, const uint8_t *bp, uint32_t len,
		       uint32_t length, uint16_t flags, uint16_t prot)
{
	if ((flags & GRE_KP) && field32(nd, &bp, &len, ", call %u", 0xffff))
		return;
	if ((flags & GRE_SP) && field32(nd, &bp, &len, ", seq %u", ~0u))
		return;
	if ((flags & GRE_AP) && field32(nd, &bp, &len, ", ack %u", ~0u))
		return;
	if (!(flags & GRE_SP))
		P(", no-payload");
	encap_proto_print(nd, prot);
	P(", length %u", length);
	if (!(flags & GRE_SP))
		return;
	P(nd->o->vflag ? "\n\t" : ": ");
	if (prot == 0x880b)
		ppp_print(nd, bp, len);
	else
		P("gre-proto-0x%x", prot);
}

void gre_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	uint16_t flags, prot;
	uint32_t length;

	nd->proto = "gre";
	TAKE(2);
	flags = g2(nd, bp);
	P("GREv%u", flags & 7);
	if ((flags & 7) > 1) {
		P(" ERROR: unknown-version");
		return;
	}
	if (nd->o->vflag) {
		P(", Flags [");
		bits_print(nd, gre_flags, "none", flags, ", ");
		P("]");
	}
	length = len;
	bp += 2;
	len -= 2;
	TAKE(2);
	prot = g2(nd, bp);
	if (flags & 7)
		gre1_print(nd, bp + 2, len - 2, length, flags, prot);
	else
		gre0_print(nd, bp + 2, len - 2, length, flags, prot);
}
