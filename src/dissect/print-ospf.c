/* OSPF (IP protocol 89) as tcpdump 4.99.3 prints it.  OSPFv2 (RFC 2328)
 * here: the common header, authentication (none, simple, MD5: whose
 * trailer tcpdump strips from the length and the captured data first),
 * Hello, Database Description, LS-Request, LS-Update (the LSAs are in
 * print-ospf-lsa.c), LS-Ack, and the link-local signalling block (RFC
 * 5613) after Hello and DD packets.  An LS-Ack's headers are read until
 * the data ends, which is why tcpdump ends those with " [|ospf2]".
 * OSPFv3 over IPv6 is in print-ospf6.c. */
#include "ospf-int.h"

static const struct tok packet_types[] = {
	{ 1, "Hello" }, { 2, "Database Description" }, { 3, "LS-Request" },
	{ 4, "LS-Update" }, { 5, "LS-Ack" }, { 0, NULL }
};

static const struct tok auth_types[] = {
	{ 0, "none" }, { 1, "simple" }, { 2, "MD5" }, { 0, NULL }
};

static const struct tok dd_flags[] = {
	{ 0x04, "Init" }, { 0x02, "More" }, { 0x01, "Master" }, { 0x08, "OOBResync" },
	{ 0, NULL }
};

static const struct tok lls_tlvs[] = {
	{ 1, "Extended Options" }, { 2, "MD5 Authentication" }, { 0, NULL }
};

static const struct tok lls_eo_bits[] = {
	{ 0x00000001, "LSDB resync" }, { 0x00000002, "Restart" }, { 0, NULL }
};

static void hello_print(struct nd *nd, const uint8_t *b, const uint8_t *dataend)
{
	const uint8_t *a;
	char b1[16];

	ospf_bits(nd, "\n\tOptions ", ospf_option_bits, "none", g1(nd, b + 6));
	P("\n\t  Hello Timer %us, Dead Timer %us, Mask %s, Priority %u", g2(nd, b + 4),
	  g4(nd, b + 8), ip4_str(nd, b, b1), g1(nd, b + 7));
	if (g4(nd, b + 12))
		P("\n\t  Designated Router %s", ip4_str(nd, b + 12, b1));
	if (g4(nd, b + 16))
		P(", Backup Designated Router %s", ip4_str(nd, b + 16, b1));
	a = b + 20;
	if (a < dataend)
		P("\n\t  Neighbor List:");
	for (; a < dataend; a += 4)
		P("\n\t    %s", ip4_str(nd, a, b1));
}

static void lsr_print(struct nd *nd, const uint8_t *l, const uint8_t *dataend)
{
	uint32_t type;
	unsigned ot;
	char b1[16];

	for (; l < dataend; l += 12) {
		gcheck(nd, l, 12);
		type = g4(nd, l);
		P("\n\t  Advertising Router: %s, %s LSA (%u)", ip4_str(nd, l + 8, b1),
		  tok_or(ospf_lsa_types, type, "unknown"), type);
		if (type >= 9 && type <= 11) {
			ot = g1(nd, l + 4);
			P(", Opaque-Type: %s LSA (%u), Opaque-ID: %u",
			  tok_or(ospf_opaque_types, ot, "unknown"), ot, g3(nd, l + 5));
		} else {
			P(", LSA-ID: %s", ip4_str(nd, l + 4, b1));
		}
	}
}

static void decode_v2(struct nd *nd, const uint8_t *p, const uint8_t *dataend)
{
	const uint8_t *b = p + 24, *l;
	uint32_t n, i;

	switch (g1(nd, p + 1)) {
	case 1:
		hello_print(nd, b, dataend);
		break;
	case 2:
		ospf_bits(nd, "\n\tOptions ", ospf_option_bits, "none", g1(nd, b + 2));
		ospf_bits(nd, ", DD Flags ", dd_flags, "none", g1(nd, b + 3));
		if (g2(nd, b))
			P(", MTU: %u", g2(nd, b));
		P(", Sequence: 0x%08x", g4(nd, b + 4));
		for (l = b + 8; l < dataend && ospf_lshdr_print(nd, l) != -1; l += 20)
			;
		break;
	case 3:
		lsr_print(nd, b, dataend);
		break;
	case 4:
		n = g4(nd, b);
		P(", %u LSA%s", n, n == 1 ? "" : "s");
		l = b + 4;
		for (i = 1; i <= n && i != 0; i++) {
			P("\n\t  LSA #%u", i);
			l = ospf_lsa_print(nd, l);
			if (!l)
				nd_trunc_jmp(nd);
		}
		break;
	case 5:
		for (l = b; ospf_lshdr_print(nd, l) != -1; l += 20)
			;
		break;
	default:
		break;
	}
}

/* The LLS block after a Hello or DD packet that has the L option set. */
static void lls_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	const uint8_t *d, *end = p + length;
	unsigned type = g1(nd, p + 1), t, l, a;
	uint32_t l2, f;

	if (type == 1) {
		if (!(g1(nd, p + 30) & 0x10))
			return;
	} else if (type == 2) {
		if (!(g1(nd, p + 26) & 0x10))
			return;
	} else {
		return;
	}
	l2 = g2(nd, p + 2);
	d = p + l2;
	if (g2(nd, p + 14) == 2) {
		a = g1(nd, p + 19);
		d += a;
		l2 += a;
	}
	if (l2 >= length) {
		P("\n\t[LLS truncated]");
		return;
	}
	P("\n\t  LLS: checksum: 0x%04x", g2(nd, d));
	P(", length: %u", g2(nd, d + 2));
	for (d += 4; d < end; d += l) {
		t = g2(nd, d);
		P("\n\t    %s (%u)", tok_or(lls_tlvs, t, "Unknown TLV"), t);
		l = g2(nd, d + 2);
		P(", length: %u", l);
		d += 4;
		if (t == 1) {
			if (l != 4) {
				P(" [should be 4]");
				l = 4;
			}
			f = g4(nd, d);
			P("\n\t      Options: 0x%08x", f);
			ospf_bits(nd, " ", lls_eo_bits, "?", f);
		} else if (t == 2) {
			if (l != 20) {
				P(" [should be 20]");
				l = 20;
			}
			P("\n\t      Sequence number: 0x%08x", g4(nd, d));
		}
	}
}

static void ospf2_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned type, ver, olen, at;
	const char *name;
	const uint8_t *dataend;
	char b1[16];

	nd->proto = "ospf2";
	/* tcpdump takes the MD5 digest off the end before anything else */
	if (g2(nd, p + 14) == 2) {
		len -= 16;
		nd->snapend -= 16;
	}
	type = g1(nd, p + 1);
	name = tok_or(packet_types, type, NULL);
	ver = g1(nd, p);
	if (!name) {
		P("OSPFv%u, unknown LS-type %u, length %u", ver, type, len);
		return;
	}
	P("OSPFv%u, %s, length %u", ver, name, len);
	if (!nd->o->vflag)
		return;
	olen = g2(nd, p + 2);
	if (len != olen)
		P(" [len %u]", olen);
	dataend = p + (len > olen ? olen : len);
	P("\n\tRouter-ID %s", ip4_str(nd, p + 4, b1));
	if (g4(nd, p + 8))
		P(", Area %s", ip4_str(nd, p + 8, b1));
	else
		P(", Backbone Area");
	gcheck(nd, p + 16, 8);
	at = g2(nd, p + 14);
	P(", Authentication Type: %s (%u)", tok_or(auth_types, at, "unknown"), at);
	switch (at) {
	case 0:
		break;
	case 1:
		P("\n\tSimple text password: ");
		chars_print_z(nd, p + 16, 8);
		break;
	case 2:
		P("\n\tKey-ID: %u, Auth-Length: %u, Crypto Sequence Number: 0x%08x",
		  g1(nd, p + 18), g1(nd, p + 19), g4(nd, p + 20));
		break;
	default:
		return;
	}
	if (ver != 2) {
		P(" ospf [version %u]", ver);
		return;
	}
	decode_v2(nd, p, dataend);
	if (len > olen)
		lls_print(nd, p, len);
}

void ospf_print(struct nd *nd, const uint8_t *p, uint32_t len, const uint8_t *iph, int ver)
{
	(void)iph;
	if (ver == 6)
		ospf6_print(nd, p, len);
	else
		ospf2_print(nd, p, len);
}
