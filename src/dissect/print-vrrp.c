/* VRRP v2 and v3 (keepalived and routers sharing an address), as tcpdump
 * prints it: the virtual addresses and the checksum with -v. */
#include "dissect-int.h"

void vrrp_print(struct nd *nd, const uint8_t *bp, uint32_t len, const uint8_t *iph, int ver)
{
	static const struct tok auth[] = { { 0, "none" }, { 1, "simple" }, { 2, "ah" }, { 0, NULL } };
	unsigned version, type, auth_type = 0, ttl, naddrs, i;
	char b[46];
	int bad;

	nd->proto = "vrrp";
	P("VRRP");
	version = g1(nd, bp) >> 4;
	type = g1(nd, bp) & 0x0f;
	if (type == 1)
		P("v%u, Advertisement", version);
	else
		P("v%u, unknown type (%u)", version, type);
	ttl = ver == 4 ? iph[8] : iph[7];
	if (ttl != 255)
		P(", (ttl %u)", ttl);
	if (version < 2 || version > 3 || type != 1)
		return;
	P(", vrid %u, prio %u", g1(nd, bp + 1), g1(nd, bp + 2));
	if (version == 2) {
		auth_type = g1(nd, bp + 4);
		P(", authtype %s", tok2str(auth, "#%u", auth_type, b, sizeof(b)));
		P(", intvl %us, length %u", g1(nd, bp + 5), len);
	} else {
		P(", intvl %ucs, length %u", (g1(nd, bp + 4) & 0x0f) << 8 | g1(nd, bp + 5), len);
	}
	if (!nd->o->vflag)
		return;
	naddrs = g1(nd, bp + 3);
	if (nd_ok(nd, bp, len)) {
		/* v3 sums a pseudo-header too, as TCP and UDP do */
		bad = version == 2 ? in_cksum(bp, len, 0) != 0
				   : in_cksum(bp, len, pseudo_sum(nd, iph, len, 112)) != 0;
		if (bad)
			P(", (bad vrrp cksum %x)", g2(nd, bp + 6));
	}
	P(", addrs");
	if (naddrs > 1)
		P("(%u)", naddrs);
	P(":");
	bp += 8;
	for (i = 0; i < naddrs; i++) {
		if (ver == 4) {
			P("%c%s", i ? ',' : ' ', ip4_str(nd, bp, b));
			bp += 4;
		} else {
			P("%c%s", i ? ',' : ' ', ip6_str(nd, bp, b));
			bp += 16;
		}
	}
	if (version == 2 && auth_type == 1) {
		P(" auth \"");
		for (i = 0; i < 8 && g1(nd, bp + i); i++)
			char_print(nd, bp[i]);
		P("\"");
	}
}

/* CARP, OpenBSD's address-sharing protocol on VRRP's IP protocol 112,
 * read as such with -T carp. */
void carp_print(struct nd *nd, const uint8_t *bp, uint32_t len, const uint8_t *iph, int ver)
{
	unsigned version, type, ttl = ver == 4 ? iph[8] : iph[7];

	nd->proto = "carp";
	version = g1(nd, bp) >> 4;
	type = bp[0] & 0x0f;
	P("CARPv%u-%s %u: ", version, type == 1 ? "advertise" : "unknown", len);
	if (ttl != 255)
		P("[ttl=%u!] ", ttl);
	if (version != 2 || type != 1)
		return;
	P("vhid=%u advbase=%u advskew=%u authlen=%u ", g1(nd, bp + 1), g1(nd, bp + 5),
	  g1(nd, bp + 2), g1(nd, bp + 3));
	if (nd->o->vflag && nd_ok(nd, bp, len) && in_cksum(bp, len, 0) != 0)
		P(" (bad carp cksum %x!)", g2(nd, bp + 6));
	P("counter=%llu", (unsigned long long)g8(nd, bp + 8));
}
