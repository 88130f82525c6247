/* TCP: flags, relative sequence numbers per connection, options. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "dissect-int.h"

#define TH_FIN 0x01
#define TH_SYN 0x02
#define TH_RST 0x04
#define TH_ACK 0x10
#define TH_URG 0x20
#define TCP_TAB_SIZE 4099

struct tcp_seq_ent {
	struct tcp_seq_ent *next;
	int v6;
	uint8_t src[16], dst[16];
	uint32_t port;
	uint32_t seq, ack;
};

void tcp_tab_free(struct dissect_ctx *ctx)
{
	size_t i;
	if (!ctx->tcp_tab)
		return;
	for (i = 0; i < TCP_TAB_SIZE; i++) {
		struct tcp_seq_ent *e = ctx->tcp_tab[i], *n;
		for (; e; e = n) {
			n = e->next;
			free(e);
		}
	}
	free(ctx->tcp_tab);
	ctx->tcp_tab = NULL;
}

static struct tcp_seq_ent *tcp_lookup(struct dissect_ctx *ctx, int v6, const uint8_t *src,
				      const uint8_t *dst, uint32_t port, int *created)
{
	size_t alen = v6 ? 16 : 4;
	struct tcp_seq_ent *e, **head;

	*created = 0;
	if (!ctx->tcp_tab) {
		ctx->tcp_tab = calloc(TCP_TAB_SIZE, sizeof(*ctx->tcp_tab));
		if (!ctx->tcp_tab)
			return NULL;
	}
	head = &ctx->tcp_tab[port % TCP_TAB_SIZE];
	for (e = *head; e; e = e->next)
		if (e->v6 == v6 && e->port == port && !memcmp(e->src, src, alen) &&
		    !memcmp(e->dst, dst, alen))
			return e;
	e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	e->v6 = v6;
	memcpy(e->src, src, alen);
	memcpy(e->dst, dst, alen);
	e->port = port;
	e->next = *head;
	*head = e;
	*created = 1;
	return e;
}

static const struct tok tcpopts[] = {
	{ 0, "eol" }, { 1, "nop" }, { 2, "mss" }, { 3, "wscale" }, { 4, "sackOK" },
	{ 5, "sack" }, { 6, "echo" }, { 7, "echoreply" }, { 8, "TS" }, { 11, "cc" },
	{ 12, "ccnew" }, { 13, "" }, { 19, "md5" }, { 20, "scps" }, { 28, "uto" },
	{ 29, "tcp-ao" }, { 30, "mptcp" }, { 34, "tfo" }, { 254, "exp" }, { 0, NULL }
};

static void tfo_opt(struct nd *nd, const uint8_t *cp, unsigned dl, int exp)
{
	unsigned i;
	if (exp)
		P("tfo");
	if (dl == 0) {
		P(" cookiereq");
	} else if (dl % 2 != 0 || dl < 4 || dl > 16) {
		P(" (invalid)");
	} else {
		P(" cookie ");
		for (i = 0; i < dl; i++)
			P("%02x", g1(nd, cp + i));
	}
}

/* The payload's printer, picked by port in tcpdump's order.  Ports that
 * tcpdump gives to printers ptcpdump does not have (telnet, PPTP, SMB,
 * OpenFlow, ...) get nothing more, never a printer tcpdump would not pick. */
static void tcp_app_print(struct nd *nd, const uint8_t *bp, uint32_t length,
			  unsigned sport, unsigned dport, const uint8_t *iph)
{
	static const uint16_t before_http[] = { 139, 445, 10288, 0 };
	int i;

#define EITHER(p) (sport == (p) || dport == (p))
	if (EITHER(23)) {
		telnet_print(nd, bp, length);
		return;
	}
	if (EITHER(25)) {
		linetext_print(nd, bp, length, "smtp", "SMTP");
		return;
	}
	if (EITHER(43)) {
		linetext_print(nd, bp, length, "whois", "WHOIS");
		return;
	}
	if (EITHER(179)) {
		bgp_print(nd, bp, length);
		return;
	}
	if (EITHER(1723)) {
		pptp_print(nd, bp, length);
		return;
	}
	if (EITHER(6379)) {
		resp_print(nd, bp, length);
		return;
	}
	if (EITHER(22)) {
		ssh_print(nd, bp, length);
		return;
	}
	for (i = 0; before_http[i]; i++)
		if (EITHER(before_http[i]))
			return;
	if (EITHER(6633) || EITHER(6653)) {
		openflow_print(nd, bp, length);
		return;
	}
	if (EITHER(21))
		linetext_print(nd, bp, length, "ftp", "FTP");
	else if (EITHER(80) || EITHER(8080))
		http_print(nd, bp, length);
	else if (EITHER(554) || EITHER(8554))
		rtsp_print(nd, bp, length);
	else if (EITHER(53))
		dns_print(nd, bp, length, 1, 0);
	else if (EITHER(639))
		msdp_print(nd, bp, length);
	else if (EITHER(323))
		rpki_rtr_print(nd, bp, length);
	else if (EITHER(646))
		ldp_print(nd, bp, length);
	else if (EITHER(2049))
		nfs_tcp_print(nd, bp, length, sport, dport, iph);
#undef EITHER
}

/*
 * RFC 2385: is the MD5 signature sig that of this segment with the -M
 * secret?  The digest covers the pseudo-header (taken as tcpdump takes it:
 * IPv4's total length less its header, IPv6's payload length), the fixed
 * header with a zero checksum, the data (len bytes after the options) and
 * the secret.  The caller has checked that the segment is all there.
 * 1 valid, 0 not, -1 when libcrypto could not compute it.
 */
static int tcp_md5_valid(const struct nd *nd, const uint8_t *tcp, unsigned hlen,
			 uint32_t len, const uint8_t *iph, const uint8_t *sig)
{
	uint8_t hdr[20], pseudo[40], d[EVP_MAX_MD_SIZE];
	unsigned plen, dlen = 0;
	EVP_MD_CTX *m = EVP_MD_CTX_new();
	int ok;

	if ((iph[0] >> 4) == 4) {
		plen = (unsigned)(iph[2] << 8 | iph[3]) - (iph[0] & 0xf) * 4u;
		memcpy(pseudo, iph + 12, 8);
		pseudo[8] = 0;
		pseudo[9] = iph[9];
		pseudo[10] = (uint8_t)(plen >> 8);
		pseudo[11] = (uint8_t)plen;
		plen = 12;
	} else {
		memcpy(pseudo, iph + 8, 32);
		memset(pseudo + 32, 0, 8);
		pseudo[34] = iph[4];
		pseudo[35] = iph[5];
		pseudo[39] = 6;
		plen = 40;
	}
	memcpy(hdr, tcp, 20);
	hdr[16] = hdr[17] = 0;
	ok = m && EVP_DigestInit_ex(m, EVP_md5(), NULL) &&
	     EVP_DigestUpdate(m, pseudo, plen) && EVP_DigestUpdate(m, hdr, 20) &&
	     EVP_DigestUpdate(m, tcp + hlen, len) &&
	     EVP_DigestUpdate(m, nd->o->sigsecret, strlen(nd->o->sigsecret)) &&
	     EVP_DigestFinal_ex(m, d, &dlen) && dlen == 16;
	EVP_MD_CTX_free(m);
	if (!ok)
		return -1;
	return memcmp(d, sig, 16) == 0;
}

void tcp_print(struct nd *nd, const uint8_t *bp, uint32_t length, const uint8_t *iph, int fragmented)
{
	int v6 = (iph[0] >> 4) == 6;
	uint16_t sport, dport, win, urp;
	uint32_t seq, ack, thseq = 0, thack = 0;
	unsigned hlen;
	uint8_t flags;
	int rev = 0, md5ok;
	char ch = 0, s[46], d[46];
	static const struct tok tflags[] = {
		{ 0x01, "F" }, { 0x02, "S" }, { 0x04, "R" }, { 0x08, "P" }, { 0x10, "." },
		{ 0x20, "U" }, { 0x40, "E" }, { 0x80, "W" }, { 0, NULL }
	};

	nd->proto = "tcp";
	if (!nd_ok(nd, bp + 2, 2)) {
		iph_addrs(nd, iph, s, d);
		P("%s > %s:", s, d);
		nd_trunc(nd);
		return;
	}
	sport = g2(nd, bp);
	dport = g2(nd, bp + 2);
	if (g1(nd, v6 ? iph + 6 : iph + 9) == 6) {
		iph_addrs(nd, iph, s, d);
		P("%s.%u > %s.%u: ", s, sport, d, dport);
	} else {
		P("%u > %u: ", sport, dport);
	}
	if (!nd_ok(nd, bp, 20))
		goto trunc;
	hlen = (bp[12] >> 4) * 4u;
	if (hlen < 20) {
		P(" tcp %u [bad hdr length %u - too short, < 20]", length - hlen, hlen);
		return;
	}
	seq = g4(nd, bp + 4);
	ack = g4(nd, bp + 8);
	win = g2(nd, bp + 14);
	urp = g2(nd, bp + 18);
	if (nd->o->qflag) {
		P("tcp %u", length - hlen);
		if (hlen > length)
			P(" [bad hdr length %u - too long, > %u]", hlen, length);
		return;
	}
	flags = g1(nd, bp + 13);
	P("Flags [");
	bits_print(nd, tflags, "none", flags, "");
	P("]");

	if (!nd->o->Sflag && (flags & TH_ACK)) {
		const uint8_t *src = v6 ? iph + 8 : iph + 12, *dst = v6 ? iph + 24 : iph + 16;
		size_t al = v6 ? 16 : 4;
		struct tcp_seq_ent *e;
		uint32_t port;
		int created;
		if (sport > dport)
			rev = 1;
		else if (sport == dport && memcmp(src, dst, al) > 0)
			rev = 1;
		if (rev) {
			port = (uint32_t)dport << 16 | sport;
			e = tcp_lookup(nd->ctx, v6, dst, src, port, &created);
		} else {
			port = (uint32_t)sport << 16 | dport;
			e = tcp_lookup(nd->ctx, v6, src, dst, port, &created);
		}
		if (e) {
			if (created || (flags & TH_SYN)) {
				if (rev) {
					e->ack = seq;
					e->seq = ack - 1;
				} else {
					e->seq = seq;
					e->ack = ack - 1;
				}
			} else {
				if (rev) {
					seq -= e->ack;
					ack -= e->seq;
				} else {
					seq -= e->seq;
					ack -= e->ack;
				}
			}
			thseq = e->seq;
			thack = e->ack;
		}
	} else {
		rev = 0;
	}
	if (hlen > length) {
		P(" [bad hdr length %u - too long, > %u]", hlen, length);
		return;
	}
	if (nd->o->vflag && !nd->o->Kflag && !fragmented &&
	    nd_ok(nd, bp, length)) {
		/* ptcpdump prints the value without tcpdump's verdict. */
		P(", cksum 0x%04x", g2(nd, bp + 16));
	}
	length -= hlen;
	if (nd->o->vflag > 1 || length > 0 || (flags & (TH_SYN | TH_FIN | TH_RST))) {
		P(", seq %u", seq);
		if (length > 0)
			P(":%u", seq + length);
	}
	if (flags & TH_ACK)
		P(", ack %u", ack);
	P(", win %u", win);
	if (flags & TH_URG)
		P(", urg %u", urp);
	if (hlen > 20) {
		const uint8_t *cp = bp + 20;
		unsigned h = hlen - 20, i, opt, len, dl;
		char b[32];
		P(", options [");
		while (h > 0) {
			if (ch)
				P("%c", ch);
			opt = g1(nd, cp);
			cp++;
			if (opt == 0 || opt == 1) {
				len = 1;
			} else {
				len = g1(nd, cp);
				cp++;
				if (len < 2 || len > h)
					goto bad;
				--h;
			}
			--h;
			dl = 0;
#define LENCHECK(l) do { if ((l) > h) goto bad; if (!nd_ok(nd, cp, (l))) goto trunc; } while (0)
			P("%s", tok2str(tcpopts, "unknown-%u", opt, b, sizeof(b)));
			switch (opt) {
			case 2:
				dl = 2;
				LENCHECK(dl);
				P(" %u", g2(nd, cp));
				break;
			case 3:
				dl = 1;
				LENCHECK(dl);
				P(" %u", g1(nd, cp));
				break;
			case 5:
				dl = len - 2;
				if (dl % 8 != 0) {
					P(" invalid sack");
				} else {
					P(" %u ", dl / 8);
					for (i = 0; i < dl; i += 8) {
						uint32_t a, z;
						LENCHECK(i + 4);
						a = g4(nd, cp + i);
						LENCHECK(i + 8);
						z = g4(nd, cp + i + 4);
						if (rev) {
							a -= thseq;
							z -= thseq;
						} else {
							a -= thack;
							z -= thack;
						}
						P("{%u:%u}", a, z);
					}
				}
				break;
			case 11: case 12: case 13: case 6: case 7:
				dl = 4;
				LENCHECK(dl);
				P(" %u", g4(nd, cp));
				break;
			case 8:
				dl = 8;
				LENCHECK(dl);
				P(" val %u ecr %u", g4(nd, cp), g4(nd, cp + 4));
				break;
			case 19:
				dl = 16;
				LENCHECK(dl);
				P(" ");
				if (bp + hlen + length > nd->snapend) {
					P("snaplen too short, ");
				} else if (!nd->o->sigsecret) {
					P("shared secret not supplied with -M, ");
				} else if ((md5ok = tcp_md5_valid(nd, bp, hlen, length, iph, cp)) == 1) {
					P("valid");
					break;
				} else if (md5ok == 0) {
					P(" (invalid)");
					break;
				}
				P("can't check - ");
				for (i = 0; i < 16; i++)
					P("%02x", g1(nd, cp + i));
				break;
			case 20:
				dl = 2;
				LENCHECK(dl);
				P(" cap %02x id %u", g1(nd, cp), g1(nd, cp + 1));
				break;
			case 29:
				dl = len - 2;
				if (dl < 2) {
					P(" (invalid)");
				} else {
					LENCHECK(1);
					P(" keyid %u", g1(nd, cp));
					LENCHECK(2);
					P(" rnextkeyid %u", g1(nd, cp + 1));
					if (dl > 2) {
						P(" mac 0x");
						for (i = 2; i < dl; i++) {
							LENCHECK(i + 1);
							P("%02x", g1(nd, cp + i));
						}
					}
				}
				break;
			case 0: case 1: case 4:
				break;
			case 28: {
				unsigned u;
				dl = 2;
				LENCHECK(dl);
				u = g2(nd, cp);
				P(" 0x%x", u);
				u = (u & 1) ? (u >> 1) * 60 : u >> 1;
				P(" %u", u);
				break;
			}
			case 30: {
				const uint8_t *save;
				int ret;
				dl = len - 2;
				LENCHECK(dl);
				save = nd->snapend;
				if (cp - 2 + len < nd->snapend)
					nd->snapend = cp - 2 + len;
				ret = mptcp_print(nd, cp - 2, len, flags);
				nd->snapend = save;
				nd->proto = "tcp";
				if (!ret)
					goto bad;
				break;
			}
			case 34:
				dl = len - 2;
				LENCHECK(dl);
				P(" ");
				tfo_opt(nd, cp, dl, 0);
				break;
			case 254: {
				unsigned magic;
				dl = len - 2;
				LENCHECK(dl);
				if (dl < 2)
					goto bad;
				magic = g2(nd, cp);
				P("-");
				if (magic == 0xf989)
					tfo_opt(nd, cp + 2, dl - 2, 1);
				else
					P("%04x", magic);
				break;
			}
			default:
				dl = len - 2;
				if (dl)
					P(" 0x");
				for (i = 0; i < dl; i++) {
					LENCHECK(i + 1);
					P("%02x", g1(nd, cp + i));
				}
				break;
			}
#undef LENCHECK
			cp += dl;
			h -= dl;
			dl++;
			if (opt != 0 && opt != 1)
				dl++;
			if (dl != len)
				P("[len %u]", len);
			ch = ',';
			if (opt == 0)
				break;
		}
		P("]");
	}
	P(", length %u", length);
	if (length == 0)
		return;
	if (!nd_ok(nd, bp, hlen)) {
		P(" [remaining caplen(%u) < header length(%u)]", (unsigned)nd_avail(nd, bp), hlen);
		nd_trunc_jmp(nd);
	}
	bp += hlen;
	if ((flags & TH_RST) && nd->o->vflag) {
		uint32_t n = length;
		P(nd_ok(nd, bp, length) ? " [RST" : " [!RST");
		if (n > 30) {
			n = 30;
			P("+");
		}
		P(" ");
		while (n && bp < nd->snapend) {
			char_print(nd, *bp++);
			n--;
		}
		P("]");
		return;
	}
	if (nd->o->ptype) {
		/* -T: only domain, resp and zmtp1 have a TCP form; other
		 * types leave the payload undecoded, as in tcpdump */
		if (nd->o->ptype == DISSECT_PT_DOMAIN)
			dns_print(nd, bp, length, 1, 0);
		else if (nd->o->ptype == DISSECT_PT_RESP)
			resp_print(nd, bp, length);
		else if (nd->o->ptype == DISSECT_PT_ZMTP1)
			zmtp1_print(nd, bp, length);
		return;
	}
	tcp_app_print(nd, bp, length, sport, dport, iph);
	return;
bad:
	P("[bad opt]");
	if (ch)
		P("]");
	return;
trunc:
	nd_trunc(nd);
	if (ch)
		P(">");
}
