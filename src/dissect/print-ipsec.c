/* IPsec framing that can be shown without keys: the Authentication Header
 * (RFC 4302), the IPComp header (RFC 3173) and the UDP encapsulation of
 * ESP and IKE on port 4500 (RFC 3948), as tcpdump prints them. */
#include "dissect-int.h"

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
	esp_print(nd, p, len);
}
