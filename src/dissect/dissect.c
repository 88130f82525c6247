/* Entry points, per-packet state and small shared helpers. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dissect-int.h"
#include "esp-sa.h"

struct dissect_ctx *dissect_ctx_new(const struct dissect_opts *opts)
{
	struct dissect_ctx *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	if (opts)
		c->o = *opts;
	c->sl_lastconn = 255;
	return c;
}

void dissect_ctx_free(struct dissect_ctx *ctx)
{
	if (!ctx)
		return;
	tcp_tab_free(ctx);
	rx_tab_free(ctx);
	free(ctx);
}

_Noreturn void nd_trunc_jmp(struct nd *nd)
{
	longjmp(nd->jb, 1);
}

void nd_trunc(struct nd *nd)
{
	P(" [|%s]", nd->proto);
}

const char *tok2str(const struct tok *t, const char *fmt, unsigned v, char *buf, size_t bl)
{
	for (; t && t->s; t++)
		if (t->v == v)
			return t->s;
	snprintf(buf, bl, fmt, v);
	return buf;
}

const char *tok_or(const struct tok *t, unsigned v, const char *dflt)
{
	for (; t && t->s; t++)
		if (t->v == v)
			return t->s;
	return dflt;
}

void bits_print(struct nd *nd, const struct tok *t, const char *dflt, unsigned v, const char *sep)
{
	int n = 0;
	for (; t->s; t++) {
		if (t->v && (v & t->v) == t->v) {
			P("%s%s", n ? sep : "", t->s);
			n++;
		}
	}
	if (!n)
		P("%s", dflt);
}

void unknown_data_print(struct nd *nd, const uint8_t *p, const char *ident, int len)
{
	size_t avail;

	if (len < 0)
		return;
	if (p > nd->snapend) {
		P("%sDissector error: print_unknown_data called with pointer past end of packet",
		  ident);
		return;
	}
	avail = nd_avail(nd, p);
	hexdump_plain(nd, ident, p, avail < (size_t)len ? (uint32_t)avail : (uint32_t)len, 0);
}

void char_print(struct nd *nd, uint8_t c)
{
	if (c & 0x80) {
		P("M-");
		c &= 0x7f;
	}
	if (c < 0x20 || c == 0x7f)
		P("^%c", c ^ 0x40);
	else
		P("%c", c);
}

int chars_print(struct nd *nd, const uint8_t *p, uint32_t n)
{
	for (; n > 0 && nd_ok(nd, p, 1); n--, p++)
		char_print(nd, *p);
	return n != 0;
}

void chars_print_j(struct nd *nd, const uint8_t *p, uint32_t n)
{
	for (; n > 0; n--, p++)
		char_print(nd, g1(nd, p));
}

void chars_print_z(struct nd *nd, const uint8_t *p, uint32_t n)
{
	for (; n > 0 && g1(nd, p); n--, p++)
		char_print(nd, *p);
}

void relts_print(struct nd *nd, uint32_t secs)
{
	static const char *const unit[] = { "y", "w", "d", "h", "m", "s" };
	static const uint32_t len[] = { 31536000, 604800, 86400, 3600, 60, 1 };
	int i;

	if (secs == 0) {
		P("0s");
		return;
	}
	for (i = 0; i < 6; i++) {
		if (secs >= len[i]) {
			P("%u%s", secs / len[i], unit[i]);
			secs %= len[i];
		}
	}
}

const char *ip4_str(struct nd *nd, const uint8_t *p, char *buf)
{
	char *o = buf;
	int i;

	gcheck(nd, p, 4);
	for (i = 0; i < 4; i++) {
		unsigned v = p[i];

		if (v >= 100)
			*o++ = (char)('0' + v / 100);
		if (v >= 10)
			*o++ = (char)('0' + v / 10 % 10);
		*o++ = (char)('0' + v % 10);
		*o++ = '.';
	}
	o[-1] = '\0';
	return buf;
}

const char *ip6_str(struct nd *nd, const uint8_t *p, char *buf)
{
	gcheck(nd, p, 16);
	if (!inet_ntop(AF_INET6, p, buf, 46))
		strcpy(buf, "?");
	return buf;
}

void iph_addrs(struct nd *nd, const uint8_t *iph, char *src, char *dst)
{
	if ((iph[0] >> 4) == 6) {
		ip6_str(nd, iph + 8, src);
		ip6_str(nd, iph + 24, dst);
	} else {
		ip4_str(nd, iph + 12, src);
		ip4_str(nd, iph + 16, dst);
	}
}

const char *mac_str(struct nd *nd, const uint8_t *p, char *buf)
{
	gcheck(nd, p, 6);
	snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4], p[5]);
	return buf;
}

uint16_t in_cksum(const uint8_t *p, size_t len, uint32_t sum)
{
	while (len > 1) {
		sum += (uint32_t)(p[0] << 8 | p[1]);
		p += 2;
		len -= 2;
	}
	if (len)
		sum += (uint32_t)(p[0] << 8);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* IPv6 destination used in the pseudo-header: the last routing-header hop. */
static const uint8_t *v6_final_dst(struct nd *nd, const uint8_t *ip6)
{
	const uint8_t *cp = ip6, *dst = ip6 + 24;
	unsigned adv = 40, nh = ip6[6];

	while (cp < nd->snapend) {
		cp += adv;
		switch (nh) {
		case 0: case 60: case 62: case 135:
			if (!nd_ok(nd, cp, 2))
				return dst;
			adv = (cp[1] + 1u) << 3;
			nh = cp[0];
			break;
		case 44:
			if (!nd_ok(nd, cp, 1))
				return dst;
			adv = 8;
			nh = cp[0];
			break;
		case 43: {
			unsigned len, i;
			if (!nd_ok(nd, cp, 4))
				return dst;
			len = cp[1];
			if (cp[2] == 0 || cp[2] == 2) {
				if (len % 2 == 1)
					return dst;
				for (i = 0; i < len / 2; i++) {
					if (!nd_ok(nd, cp + 8 + 16 * i, 16))
						return dst;
					dst = cp + 8 + 16 * i;
				}
			} else if (cp[2] == 4) {
				if (len % 2 == 0 && nd_ok(nd, cp + 8, 16))
					dst = cp + 8;
			}
			return dst;
		}
		default:
			return dst;
		}
	}
	return dst;
}

/* Pseudo-header sum (not folded, not complemented) for v4 or v6 header. */
uint32_t pseudo_sum(struct nd *nd, const uint8_t *iph, uint32_t len, uint8_t proto)
{
	uint32_t s = 0;
	int i;
	if ((iph[0] >> 4) == 4) {
		for (i = 12; i < 20; i += 2)
			s += (uint32_t)(iph[i] << 8 | iph[i + 1]);
	} else {
		const uint8_t *d = v6_final_dst(nd, iph);
		for (i = 8; i < 24; i += 2)
			s += (uint32_t)(iph[i] << 8 | iph[i + 1]);
		for (i = 0; i < 16; i += 2)
			s += (uint32_t)(d[i] << 8 | d[i + 1]);
	}
	s += len >> 16;
	s += len & 0xffff;
	s += proto;
	return s;
}

/* The packet by its link type, adding the link header's length to
 * nd->ll_hdr_len; 0 when ptcpdump has no printer for the type. */
int link_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	switch (dlt) {
	case DLT_EN10MB_:
		nd->ll_hdr_len += ether_print(nd, p, len, caplen);
		break;
	case DLT_LINUX_SLL_:
		sll_print(nd, p, len, caplen);
		break;
	case DLT_LINUX_SLL2_:
		sll2_print(nd, p, len, caplen);
		break;
	case DLT_NULL_:
		null_print(nd, p, len, caplen, 0);
		break;
	case DLT_LOOP_:
		null_print(nd, p, len, caplen, 1);
		break;
	case DLT_RAW_:
	case DLT_RAW14_:
	case DLT_IPV4_:	/* tcpdump reads the version of these too */
	case DLT_IPV6_:
		raw_print(nd, p, len, caplen);
		break;
	case DLT_NFLOG_:
		nflog_print(nd, p, len, caplen);
		break;
	case DLT_PPP_: case DLT_PPP_SERIAL_: case DLT_PPP_ETHER_: case DLT_C_HDLC_:
		nd->ll_hdr_len += ppp_dlt_print(nd, dlt, p, len, caplen);
		break;
	case DLT_IEEE802_11_:
		nd->ll_hdr_len += ieee802_11_print(nd, p, len, caplen, 0, 0);
		break;
	case DLT_IEEE802_11_RADIO_:
		nd->ll_hdr_len += radiotap_print(nd, p, len, caplen);
		break;
	case DLT_SLIP_: case DLT_SLIP_BSDOS_:
		sl_print(nd, dlt, p, len);
		break;
	case DLT_IPOIB_:
		ipoib_print(nd, p, len, caplen);
		break;
	case DLT_IPNET_:
		ipnet_print(nd, p, len, caplen);
		break;
	case DLT_VSOCK_:
		vsock_print(nd, p, caplen);
		break;
	case DLT_ARCNET_: case DLT_ARCNET_LINUX_:
		arcnet_print(nd, dlt, p, len, caplen);
		break;
	case DLT_ATM_RFC1483_: case DLT_ATM_CLIP_: case DLT_SUNATM_:
		atm_dlt_print(nd, dlt, p, len, caplen);
		break;
	case DLT_DSA_TAG_BRCM_: case DLT_DSA_TAG_BRCM_PREPEND_:
	case DLT_DSA_TAG_DSA_: case DLT_DSA_TAG_EDSA_:
		nd->ll_hdr_len += dsa_dlt_print(nd, dlt, p, len, caplen);
		break;
	case DLT_FRELAY_:
		nd->ll_hdr_len += fr_if_print(nd, p, len, caplen);
		break;
	case DLT_MFR_:
		nd->ll_hdr_len += mfr_if_print(nd, p, len, caplen);
		break;
	case DLT_JUNIPER_MLPPP_: case DLT_JUNIPER_MLFR_: case DLT_JUNIPER_ES_:
	case DLT_JUNIPER_GGSN_: case DLT_JUNIPER_MFR_: case DLT_JUNIPER_ATM2_:
	case DLT_JUNIPER_SERVICES_: case DLT_JUNIPER_ATM1_: case DLT_JUNIPER_MONITOR_:
	case DLT_JUNIPER_PPPOE_: case DLT_JUNIPER_PPPOE_ATM_: case DLT_JUNIPER_ETHER_:
	case DLT_JUNIPER_PPP_: case DLT_JUNIPER_FRELAY_: case DLT_JUNIPER_CHDLC_:
		nd->ll_hdr_len += juniper_print(nd, dlt, p, len, caplen);
		break;
	case DLT_IEEE802_15_4_: case DLT_IEEE802_15_4_NOFCS_: case DLT_IEEE802_15_4_TAP_:
		nd->ll_hdr_len += wpan_if_print(nd, dlt, p, caplen);
		break;
	case DLT_PKTAP_: case DLT_USER2_:
		pktap_print(nd, p, len, caplen);
		break;
	default:
		return 0;
	}
	return 1;
}

void dissect_packet(struct dissect_ctx *ctx, struct strbuf *out, int dlt,
		    const uint8_t *p, uint32_t caplen, uint32_t len)
{
	struct nd ndv;
	struct nd *const nd = &ndv;

	memset(&ndv, 0, sizeof(ndv));
	nd->ctx = ctx;
	nd->o = &ctx->o;
	nd->out = out;
	nd->pkt = p;
	nd->snapend = p + caplen;
	nd->proto = "";
	ctx->last_dlt = dlt;
	ctx->last_caplen = caplen;
	ctx->ll_hdr_len = 0;

	if (caplen == 0 || len == 0 || len < caplen) {
		int first = 1;
		if (caplen == 0) {
			P("[Invalid header: caplen==0");
			first = 0;
		}
		if (len == 0) {
			P("%s len==0", first ? "[Invalid header:" : ",");
			first = 0;
		} else if (len < caplen) {
			P("%s len(%u) < caplen(%u)", first ? "[Invalid header:" : ",", len, caplen);
			first = 0;
		}
		P("]");
		ctx->last_caplen = 0;
		return;
	}

	if (setjmp(nd->jb) == 0) {
		if (!link_print(nd, dlt, p, len, caplen)) {
			/* tcpdump 4.99: the name, then every byte in hex and
			 * ASCII (any -x/-X dump follows it again) */
			nd->proto = "unsupported";
			P("UNSUPPORTED");
			hexdump_ascii(nd, "\n\t", p, caplen, 0);
		}
	} else {
		nd_trunc(nd);
		nd->ll_hdr_len = 0;
	}
	while (nd->ndec > 0)
		free(nd->dec[--nd->ndec]);
	ctx->ll_hdr_len = nd->ll_hdr_len;
}

int nd_decrypted(struct nd *nd, const struct esp_sa *sa, const uint8_t *iv, const uint8_t *ct,
		 unsigned ctlen, const char *who,
		 void (*print)(struct nd *, const uint8_t *, uint32_t, void *), void *arg)
{
	const uint8_t *pkt = nd->pkt, *snapend = nd->snapend;
	const uint8_t *opkt = nd->opkt, *osnapend = nd->osnapend;
	uint8_t *pt;

	if (nd->ndec == (int)(sizeof(nd->dec) / sizeof(nd->dec[0])))
		return 0;
	pt = esp_sa_decrypt(sa, iv, ct, ctlen, who);
	if (!pt)
		return 0;
	nd->dec[nd->ndec++] = pt;
	nd->opkt = pkt;
	nd->osnapend = snapend;
	nd->pkt = pt;
	nd->snapend = pt + ctlen;
	print(nd, pt, ctlen, arg);
	nd->pkt = pkt;
	nd->snapend = snapend;
	nd->opkt = opkt;
	nd->osnapend = osnapend;
	free(nd->dec[--nd->ndec]);
	return 1;
}

void dissect_hexdump(struct dissect_ctx *ctx, struct strbuf *out, int dlt,
		     const uint8_t *p, uint32_t caplen, uint32_t len)
{
	struct nd ndv;
	struct nd *nd = &ndv;
	uint32_t hdr = ctx->ll_hdr_len;

	(void)dlt;
	(void)len;
	if (ctx->last_caplen == 0 && (caplen == 0 || len == 0 || len < caplen))
		return;
	memset(&ndv, 0, sizeof(ndv));
	nd->ctx = ctx;
	nd->o = &ctx->o;
	nd->out = out;
	nd->pkt = p;
	nd->snapend = p + caplen;
	if (ctx->o.Xflag) {
		if (ctx->o.Xflag > 1)
			hexdump_ascii(nd, "\n\t", p, caplen, 0);
		else if (caplen > hdr)
			hexdump_ascii(nd, "\n\t", p + hdr, caplen - hdr, 0);
	} else if (ctx->o.xflag) {
		if (ctx->o.xflag > 1)
			hexdump_plain(nd, "\n\t", p, caplen, 0);
		else if (caplen > hdr)
			hexdump_plain(nd, "\n\t", p + hdr, caplen - hdr, 0);
	} else if (ctx->o.Aflag) {
		if (ctx->o.Aflag > 1)
			ascii_dump(nd, p, caplen);
		else if (caplen > hdr)
			ascii_dump(nd, p + hdr, caplen - hdr);
	}
}
