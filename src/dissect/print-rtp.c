/* Media over UDP that only -T selects (no port names it), as tcpdump
 * prints it: RTP (RFC 3550, and the version 1 draft), RTCP (RFC 3550 6)
 * and the vat/vt audio headers.  tcpdump's terse one-line forms: "udp/rtp
 * LEN cPT +* SEQ TS", with the SSRC at -v. */
#include "dissect-int.h"

/* vat: a 16-bit word whose bits 0xf060 say vt; else an 8-byte header. */
void vat_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned w;
	uint32_t i0, i1;

	nd->proto = "vat";
	if (len < 2) {
		P("udp/va/vat, length %u < 2", len);
		return;
	}
	w = g2(nd, p);
	if (w & 0xf060) {
		P("udp/vt %u %u / %u", len, w & 0x3ff, w >> 10);
		return;
	}
	if (len < 8) {
		P("udp/vat, length %u < 8", len);
		return;
	}
	i0 = g4(nd, p);
	i1 = g4(nd, p + 4);
	P("udp/vat %u c%u %u%s", len - 8, i0 & 0xffff, i1, i0 & 0x800000 ? "*" : "");
	if (i0 & 0x1f0000)
		P(" f%u", (i0 >> 16) & 0x1f);
	if (i0 & 0x3f000000)
		P(" s%u", (i0 >> 24) & 0x3f);
}

/* RTP: payload length, payload type, "+" for options (v1) or an
 * extension (v2), "*" for the marker, sequence number and timestamp; at
 * -v the SSRC and, for H.261 (type 31), the first half word after the
 * options or extension.  Words count what is left of len in 32-bit units,
 * as the options' and extension's lengths do. */
void rtp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t i0, i1, dlen, words, w;
	unsigned pt, opt = 0, ext = 0, marker;
	const uint8_t *q = p + 8;
	const char *name;

	nd->proto = "rtp";
	if (len < 8) {
		P("udp/rtp, length %u < 8", len);
		return;
	}
	i0 = g4(nd, p);
	i1 = g4(nd, p + 4);
	dlen = len - 8;
	words = (len >> 2) - 2;
	if (i0 >> 30 == 1) {
		opt = (i0 & 0x800000) != 0;
		pt = (i0 >> 16) & 0x3f;
		marker = (i0 & 0x400000) != 0;
		name = "rtpv1";
	} else {
		if (dlen < 4) {
			P("udp/rtp, length %u < 12", dlen + 8);
			return;
		}
		ext = (i0 & 0x10000000) != 0;
		pt = (i0 >> 16) & 0x7f;
		marker = (i0 & 0x800000) != 0;
		dlen -= 4;
		name = "rtp";
		q += 4;
		words--;
	}
	P("udp/%s %u c%u %s%s %u %u", name, dlen, pt, opt || ext ? "+" : "",
	  marker ? "*" : "", i0 & 0xffff, i1);
	if (!nd->o->vflag)
		return;
	P(" %u", g4(nd, p + 8));
	while (opt) {		/* v1 options: the last has its top bit set */
		unsigned olen;

		w = g4(nd, q);
		olen = (w >> 16) & 0xff;
		if (olen == 0 || olen > words) {
			P(" !opt");
			return;
		}
		q += 4 * olen;
		words -= olen;
		opt = !(w & 0x80000000);
	}
	if (ext) {
		unsigned elen = (g4(nd, q) & 0xffff) + 1;

		if (elen > words) {
			P(" !ext");
			return;
		}
		q += 4 * elen;
	}
	if (pt == 0x1f)
		P(" 0x%04x", g4(nd, q) >> 16);
}

/* One RTCP packet of a compound datagram ending at ep: its type and
 * length, the sender report's NTP time (seconds), RTP time, packets and
 * bytes, and the report blocks' loss, highest sequence number, jitter and
 * last-SR times.  Returns where the next one starts. */
static const uint8_t *rtcp1_print(struct nd *nd, const uint8_t *p, const uint8_t *ep)
{
	const uint8_t *rr = NULL;
	unsigned flags, cnt;
	uint32_t len;

	if (ep - p < 8) {
		nd_trunc(nd);
		return ep;
	}
	len = (g2(nd, p + 2) + 1u) * 4;
	flags = g2(nd, p);
	cnt = (flags >> 8) & 0x1f;
	switch (flags & 0xff) {
	case 200:	/* SR: 20 bytes of sender information, then blocks */
		P(" sr");
		if (len != cnt * 24 + 28)
			P(" [%u]", len);
		if (nd->o->vflag)
			P(" %u", g4(nd, p + 4));
		if (ep - p < 28) {
			nd_trunc(nd);
			return ep;
		}
		P(" @%.2f %u %up %ub",
		  (double)g4(nd, p + 8) + (double)g4(nd, p + 12) / 4294967296.0,
		  g4(nd, p + 16), g4(nd, p + 20), g4(nd, p + 24));
		rr = p + 28;
		break;
	case 201:	/* RR */
		P(" rr");
		if (len != cnt * 24 + 8)
			P(" [%u]", len);
		rr = p + 8;
		if (nd->o->vflag)
			P(" %u", g4(nd, p + 4));
		break;
	case 202:	/* SDES */
	case 203:	/* BYE */
		P(" %s %u", (flags & 0xff) == 202 ? "sdes" : "bye", len);
		if (nd->o->vflag)
			P(" %u", g4(nd, p + 4));
		cnt = 0;
		break;
	default:
		P(" type-0x%x %u", flags & 0xff, len);
		cnt = 0;
		break;
	}
	if (cnt > 1)
		P(" c%u", cnt);
	/* tcpdump prints the first report block as many times as the count
	 * says, and so does this */
	for (; cnt; cnt--) {
		if (ep - rr < 24) {
			nd_trunc(nd);
			return ep;
		}
		if (nd->o->vflag)
			P(" %u", g4(nd, rr));
		P(" %ul %us %uj @%.2f+%.2f", g4(nd, rr + 4) & 0xffffff, g4(nd, rr + 8),
		  g4(nd, rr + 12), g4(nd, rr + 16) / 65536.0, g4(nd, rr + 20) / 65536.0);
	}
	return p + len;
}

void rtcp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	const uint8_t *ep = nd->snapend;

	(void)len;	/* as tcpdump: the packets run to the captured end */
	nd->proto = "rtcp";
	while (p < ep)
		p = rtcp1_print(nd, p, ep);
}
