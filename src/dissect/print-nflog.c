/* Linux NFLOG link type (239): packets logged by netfilter (nftables "log
 * group N", iptables NFLOG) as tcpdump -i nflog:N captures them.  A 4-byte
 * header (address family, version, resource id = the log group) is followed
 * by TLVs whose length and type are in the byte order of the host that
 * reads the file; the NFULA_PAYLOAD TLV (type 9) holds the network-layer
 * packet. */
#include "dissect-int.h"

#define NFLOG_HDR_LEN 4
#define NFLOG_TLV_LEN 4
#define NFULA_PAYLOAD 9

#define AF_INET_ 2
#define AF_INET6_ 10

static const struct tok nflog_families[] = {
	{ AF_INET_, "IPv4" }, { AF_INET6_, "IPv6" }, { 0, NULL }
};

/* A 16-bit value in this host's byte order. */
static uint16_t host_u16(struct nd *nd, const uint8_t *p)
{
	uint16_t be = g2(nd, p);
	const uint16_t one = 1;

	if (*(const uint8_t *)&one)
		return (uint16_t)(be >> 8 | be << 8);
	return be;
}

static void nflog_hdr_print(struct nd *nd, const uint8_t *h, uint32_t len)
{
	char b[32];
	uint8_t fam = g1(nd, h);

	P("version %u, resource ID %u", g1(nd, h + 1), g2(nd, h + 2));
	if (!nd->o->qflag)
		P(", family %s (%u)", tok_or(nflog_families, fam, "Unknown"), fam);
	else
		P(", %s", tok2str(nflog_families, "Unknown NFLOG (0x%02x)", fam, b, sizeof(b)));
	P(", length %u: ", len);
}

void nflog_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	const uint8_t *h = p;
	uint16_t size, hsize = NFLOG_HDR_LEN;	/* 16 bits, as in tcpdump */
	uint8_t version;

	nd->proto = "nflog";
	if (caplen < NFLOG_HDR_LEN) {
		nd_trunc(nd);
		nd->ll_hdr_len += caplen;
		return;
	}
	nd->ll_hdr_len += NFLOG_HDR_LEN;
	version = g1(nd, h + 1);
	if (version != 0) {
		P("version %u (unknown)", version);
		return;
	}
	if (nd->o->eflag)
		nflog_hdr_print(nd, h, len);
	p += NFLOG_HDR_LEN;
	len -= NFLOG_HDR_LEN;
	caplen -= NFLOG_HDR_LEN;

	/* Skip TLVs up to the payload; each is padded to 4 bytes. */
	while (len > 0) {
		if (caplen < NFLOG_TLV_LEN)
			goto trunc;
		size = host_u16(nd, p);
		if (size % 4 != 0)
			size = (uint16_t)(size + 4 - size % 4);
		if (size < NFLOG_TLV_LEN || caplen < size)
			goto trunc;
		if (host_u16(nd, p + 2) == NFULA_PAYLOAD) {
			p += NFLOG_TLV_LEN;
			hsize = (uint16_t)(hsize + NFLOG_TLV_LEN);
			len -= NFLOG_TLV_LEN;
			caplen -= NFLOG_TLV_LEN;
			break;
		}
		p += size;
		hsize = (uint16_t)(hsize + size);
		len -= size;
		caplen -= size;
	}

	switch (g1(nd, h)) {
	case AF_INET_:
		ip_print(nd, p, len);
		break;
	case AF_INET6_:
		ip6_print(nd, p, len);
		break;
	default:
		if (!nd->o->eflag)
			nflog_hdr_print(nd, h, len + NFLOG_HDR_LEN);
		default_print(nd, p, caplen);
		break;
	}
	/* tcpdump adds its 16-bit header size less 4 to the 4 already
	 * counted: modulo 2^32 that leaves the 16-bit size itself. */
	nd->ll_hdr_len = (nd->ll_hdr_len - NFLOG_HDR_LEN) + hsize;
	return;
trunc:
	nd_trunc(nd);
	nd->ll_hdr_len = (nd->ll_hdr_len - NFLOG_HDR_LEN) + hsize;
}
