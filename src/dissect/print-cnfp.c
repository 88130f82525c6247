/* Cisco NetFlow versions 1, 5 and 6 (only by -T cnfp), as tcpdump 4.99
 * prints them.  Its record count is read as 32 bits (the count and the
 * uptime's high half), as tcpdump does; a header or record not captured
 * whole prints " [|cnfp]" and ends the datagram (the -x dump then starts
 * after the link header), a field read beyond the data ends the packet. */
#include "dissect-int.h"

static void cnfp_ms(struct nd *nd, uint32_t ms)
{
	P("%u.%03u", ms / 1000, ms % 1000);
}

void cnfp_print(struct nd *nd, const uint8_t *p)
{
	unsigned ver, hlen;
	uint32_t nrecs;
	const uint8_t *r;
	char a[16];

	nd->proto = "cnfp";
	ver = g2(nd, p);
	if (ver != 1 && ver != 5 && ver != 6) {
		P("NetFlow v%x", ver);
		return;
	}
	hlen = ver == 1 ? 16 : 24;
	if (!nd_ok(nd, p, hlen)) {
		nd_trunc(nd);
		return;
	}
	nrecs = g4(nd, p + 2);
	P("NetFlow v%x, ", ver);
	cnfp_ms(nd, g4(nd, p + 4));
	P(" uptime, %u.%09u, ", g4(nd, p + 8), g4(nd, p + 12));
	if (ver != 1)
		P("#%u, ", g4(nd, p + 16));
	P("%2u recs", nrecs);
	/* records: 48 bytes in v1, 52 (with the peer next hop) in v5 and v6 */
	for (r = p + hlen; nrecs; nrecs--, r += ver == 1 ? 48 : 52) {
		unsigned proto, fl;

		if (!nd_ok(nd, r, ver == 1 ? 48 : 52)) {
			nd_trunc(nd);
			return;
		}
		P("\n  started ");
		cnfp_ms(nd, g4(nd, r + 24));
		P(", last ");
		cnfp_ms(nd, g4(nd, r + 28));
		P("\n    %s", ip4_str(nd, r, a));
		if (ver != 1)
			P("/%u:%u", g1(nd, r + 44), g2(nd, r + 40));
		P(":%u > %s", g2(nd, r + 32), ip4_str(nd, r + 4, a));
		if (ver != 1)
			P("/%u:%u", g1(nd, r + 45), g2(nd, r + 42));
		P(":%u >> %s\n    ", g2(nd, r + 34), ip4_str(nd, r + 8, a));
		proto = g1(nd, r + 38);
		P("%u ", proto);
		if (proto == 6) {
			fl = g1(nd, ver == 1 ? r + 40 : r + 37);
			P("%s%s%s%s%s%s%s", fl & 0x01 ? "F" : "", fl & 0x02 ? "S" : "",
			  fl & 0x04 ? "R" : "", fl & 0x08 ? "P" : "", fl & 0x10 ? "A" : "",
			  fl & 0x20 ? "U" : "", fl ? " " : "");
		}
		P("tos %u, %u (%u octets) ", g1(nd, r + 39), g4(nd, r + 16), g4(nd, r + 20));
		if (ver == 6)
			P("(%u<>%u encaps)", g1(nd, r + 46), g1(nd, r + 47));
	}
}
