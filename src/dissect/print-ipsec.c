/* IPsec as tcpdump prints it: the Authentication Header (RFC 4302), the
 * IPComp header (RFC 3173), ESP (RFC 4303), decrypted when -E gives its
 * key, and the UDP encapsulation of ESP and IKE on port 4500 (RFC 3948). */
#include <stddef.h>

#include "dissect-int.h"
#include "esp-sa.h"

/* AH: next header (1), payload length in 32-bit words minus 2 (1),
 * reserved (2), SPI (4), sequence number (4), then the ICV up to the end
 * of the header.  Returns the header length; the caller demultiplexes the
 * next header after it.  A header cut short longjmps (" [|ah]"). */
int ah_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned plen, hlen, rsv, i;

	(void)len;	/* tcpdump trusts the header's own length field */
	nd->proto = "ah";
	P("AH");
	plen = g1(nd, p + 1);
	hlen = (plen + 2) * 4;
	P("(");
	if (nd->o->vflag)
		P("length=%u(%u-bytes),", plen, hlen);
	rsv = g2(nd, p + 2);
	if (rsv != 0)
		P("reserved=0x%x[MustBeZero],", rsv);
	P("spi=0x%08x,", g4(nd, p + 4));
	P("seq=0x%x,", g4(nd, p + 8));
	P("icv=0x");
	/* a length field below 1 gives a header shorter than its fixed
	 * part: no ICV bytes, and the next header starts inside this one */
	for (i = 12; i < hlen; i++)
		P("%02x", g1(nd, p + i));
	P("): ");
	return (int)hlen;
}

/* IPComp: next header (1), flags (1), CPI (2).  The payload is compressed,
 * so nothing after the header can be shown. */
void ipcomp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)len;
	nd->proto = "ipcomp";
	P("IPComp(cpi=0x%04x)", g2(nd, p + 2));
}

/* UDP port 4500: a one-byte 0xff NAT keepalive, IKE behind a four-byte
 * zero non-ESP marker (print-isakmp.c), or ESP. */
void espinudp_print(struct nd *nd, const uint8_t *p, uint32_t len, int frag, const uint8_t *iph)
{
	(void)frag;
	nd->proto = "isakmp_rfc3948";
	if (len == 1 && g1(nd, p) == 0xff) {
		P("isakmp-nat-keep-alive");
		return;
	}
	if (len < 4) {
		nd_trunc(nd);
		return;
	}
	if (g4(nd, p) == 0) {
		P("NONESP-encap: ");
		isakmp_print(nd, p + 4, len - 4, iph);
		return;
	}
	P("UDP-encap: ");
	esp_print(nd, p, len, iph[0] >> 4, frag, iph);
}

struct esp_outer {
	int ver, frag;
	const uint8_t *iph;
};

/* The plaintext: the payload, padding, the pad length and the next
 * header, which says how the payload is printed. */
static void esp_plain_print(struct nd *nd, const uint8_t *pt, uint32_t len, void *arg)
{
	const struct esp_outer *o = arg;
	unsigned padlen, nh;

	/* too short for the trailer: tcpdump reads a pad length from before
	 * the buffer, which is always too long for it */
	if (len < 2) {
		nd_trunc(nd);
		return;
	}
	padlen = g1(nd, pt + len - 2);
	if (padlen + 2 > len) {
		nd_trunc(nd);
		return;
	}
	nh = g1(nd, pt + len - 1);
	P(": ");
	len -= padlen + 2;
	nd->snapend = pt + len;
	ip_demux(nd, pt, len, o->ver, o->frag, (uint8_t)nh, o->iph);
}

/* The header: SPI and sequence number.  With an SA for the SPI and the
 * destination (or a default one), the IV, the ciphertext up to the ICV
 * and, once decrypted, the packet inside.  A first fragment of IPv4 is
 * not decrypted: its trailer is in a later one. */
void esp_print(struct nd *nd, const uint8_t *bp, uint32_t len, int ver, int frag,
	       const uint8_t *iph)
{
	struct esp_outer o = { ver, frag, iph };
	const struct esp_sa *sa;
	const uint8_t *ct, *ep;
	uint32_t spi;
	unsigned authlen;

	nd->proto = "esp";
	/* as tcpdump: the 8-byte header and at least one byte after it */
	if (nd_avail(nd, bp) <= 8) {
		nd_trunc(nd);
		return;
	}
	spi = g4(nd, bp);
	P("ESP(spi=0x%08x,seq=0x%x), length %u", spi, g4(nd, bp + 4), len);
	if (!nd->o->esp)
		return;
	if (ver == 6 && g2(nd, iph + 4) != 0) {	/* not a jumbogram */
		gcheck(nd, iph + 24, 16);
		sa = esp_sa_find(nd->o->esp, spi, 6, iph + 24);
	} else if (ver == 4 && !frag) {
		gcheck(nd, iph + 16, 4);
		sa = esp_sa_find(nd->o->esp, spi, 4, iph + 16);
	} else {
		return;
	}
	if (!sa)
		return;
	ct = bp + 8 + esp_sa_ivlen(sa);
	ep = nd->snapend;
	authlen = esp_sa_authlen(sa);
	if (ep - ct < (ptrdiff_t)authlen) {
		nd_trunc(nd);
		return;
	}
	ep -= authlen;
	if (!nd_ok(nd, ep - 1, 1)) {
		nd_trunc(nd);
		return;
	}
	nd_decrypted(nd, sa, bp + 8, ct, (unsigned)(ep - ct), "esp_print", esp_plain_print, &o);
}
