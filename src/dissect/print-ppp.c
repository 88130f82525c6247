/* PPP (RFC 1661) as tcpdump 4.99.3 prints it: the DLT_PPP, DLT_PPP_SERIAL
 * (PPP in HDLC-like framing, RFC 1662, or Cisco HDLC) and DLT_PPP_ETHER
 * link types, PPP inside GRE, the control protocols (LCP, IPCP, IP6CP,
 * CCP, BACP, ...), CHAP, PAP, multilink fragments, and frames whose
 * 0x7d escapes were never undone. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ppp-int.h"

const struct tok ppp_protos[] = {
	{ 0x0021, "IP" }, { 0x0023, "OSI" }, { 0x0025, "NS" }, { 0x0027, "DECNET" },
	{ 0x0029, "APPLE" }, { 0x002b, "IPX" }, { 0x002d, "VJC IP" }, { 0x002f, "VJNC IP" },
	{ 0x0031, "BRPDU" }, { 0x0033, "STII" }, { 0x0035, "VINES" }, { 0x0281, "MPLS" },
	{ 0x0283, "MPLS" }, { 0x00fd, "Compressed" }, { 0x003d, "MLPPP" }, { 0x0057, "IP6" },
	{ 0x0201, "HELLO" }, { 0x0231, "LUXCOM" }, { 0x0233, "SNS" }, { 0x8021, "IPCP" },
	{ 0x8023, "OSICP" }, { 0x8025, "NSCP" }, { 0x8027, "DECNETCP" }, { 0x8029, "APPLECP" },
	{ 0x802b, "IPXCP" }, { 0x8033, "STIICP" }, { 0x8035, "VINESCP" }, { 0x8057, "IP6CP" },
	{ 0x8281, "MPLSCP" }, { 0xc021, "LCP" }, { 0xc023, "PAP" }, { 0xc025, "LQM" },
	{ 0xc223, "CHAP" }, { 0xc227, "EAP" }, { 0xc027, "SPAP" }, { 0xc123, "Old-SPAP" },
	{ 0xc02b, "BACP" }, { 0xc02d, "BAP" }, { 0xc03d, "MLPPP-CP" }, { 0x80fd, "CCP" },
	{ 0, NULL }
};

static const struct tok cp_codes[] = {
	{ 0, "Vendor-Extension" }, { 1, "Conf-Request" }, { 2, "Conf-Ack" },
	{ 3, "Conf-Nack" }, { 4, "Conf-Reject" }, { 5, "Term-Request" }, { 6, "Term-Ack" },
	{ 7, "Code-Reject" }, { 8, "Prot-Reject" }, { 9, "Echo-Request" },
	{ 10, "Echo-Reply" }, { 11, "Disc-Req" }, { 12, "Ident" }, { 13, "Time-Rem" },
	{ 14, "Reset-Req" }, { 15, "Reset-Ack" }, { 0, NULL }
};
static const struct tok chap_codes[] = {
	{ 1, "Challenge" }, { 2, "Response" }, { 3, "Success" }, { 4, "Fail" }, { 0, NULL }
};
static const struct tok pap_codes[] = {
	{ 1, "Auth-Req" }, { 2, "Auth-ACK" }, { 3, "Auth-NACK" }, { 0, NULL }
};
static const struct tok ml_flags[] = { { 0x80, "begin" }, { 0x40, "end" }, { 0, NULL } };

void ppp_hexdump(struct nd *nd, const uint8_t *p, const char *ident, uint32_t len)
{
	if (p < nd->pkt) {
		P("%sDissector error: print_unknown_data called with pointer past end of packet",
		  ident);
		return;
	}
	unknown_data_print(nd, p, ident, len > INT_MAX ? INT_MAX : (int)len);
}

static void handle_ppp(struct nd *nd, uint32_t proto, const uint8_t *p, uint32_t length);

/* Configure-Request/Ack/Nak/Reject options */
static void cp_options(struct nd *nd, uint32_t proto, const uint8_t *p, uint32_t len)
{
	uint32_t (*fn)(struct nd *, const uint8_t *, uint32_t);
	uint32_t left = len - 4, adv;

	switch (proto) {
	case PPP_LCP_: fn = lcp_opt_print; break;
	case 0x8021: fn = ipcp_opt_print; break;
	case 0x8057: fn = ip6cp_opt_print; break;
	case 0x80fd: fn = ccp_opt_print; break;
	case 0xc02b: fn = bacp_opt_print; break;
	default: return;
	}
	do {
		/* tcpdump gives each option the packet's length, not what is left */
		adv = fn(nd, p, len);
		if (adv == 0)
			return;
		if (left < adv) {
			P(" [remaining options length %u < %u] (invalid)", left, adv);
			return;
		}
		left -= adv;
		p += adv;
	} while (left != 0);
}

/* LCP, IPCP, CCP and the other control protocols sharing RFC 1661's
 * packet format */
static void handle_ctrl(struct nd *nd, uint32_t proto, const uint8_t *pptr, uint32_t length)
{
	const char *name;
	const uint8_t *tp = pptr + 4;
	uint32_t code, len, v;
	char b[40];

	name = tok2str(ppp_protos, "unknown ctrl-proto (0x%04x)", proto, b, sizeof(b));
	P("%s, ", name);
	if (length < 4 || !nd_ok(nd, pptr, 2))
		goto trunc;
	code = pptr[0];
	P("%s (0x%02x), id %u, length %u", tok_or(cp_codes, code, "Unknown Opcode"), code,
	  pptr[1], length + 2);
	if (!nd->o->vflag)
		return;
	len = g2(nd, pptr + 2);
	if (len < 4) {
		P("\n\tencoded length %u (< 4))", len);
		return;
	}
	if (len > length) {
		P("\n\tencoded length %u (> packet length %u))", len, length);
		return;
	}
	length = len;
	P("\n\tencoded length %u (=Option(s) length %u)", len, len - 4);
	if (length == 4)
		return;
	if (nd->o->vflag > 1)
		ppp_hexdump(nd, pptr - 2, "\n\t", 6);
	switch (code) {
	case 0:
		if (length < 11)
			break;
		P("\n\t  Magic-Num 0x%08x", g4(nd, tp));
		v = g3(nd, tp + 4);
		P(" Vendor: %s (%u)", tok_or(oui_names, v, "Unknown"), v);
		break;
	case 1: case 2: case 3: case 4:
		cp_options(nd, proto, tp, len);
		break;
	case 8:
		if (length < 6)
			break;
		v = g2(nd, tp);
		P("\n\t  Rejected %s Protocol (0x%04x)", tok_or(ppp_protos, v, "unknown"), v);
		if (len > 6) {
			P("\n\t  Rejected Packet");
			ppp_hexdump(nd, tp + 2, "\n\t    ", len - 2);
		}
		break;
	case 9: case 10: case 11:
		if (length < 8)
			break;
		P("\n\t  Magic-Num 0x%08x", g4(nd, tp));
		if (len > 8) {
			P("\n\t  -----trailing data-----");
			if (!nd_ok(nd, tp + 4, len - 8))
				goto trunc;
			ppp_hexdump(nd, tp + 4, "\n\t  ", len - 8);
		}
		break;
	case 12:
		if (length < 8)
			break;
		P("\n\t  Magic-Num 0x%08x", g4(nd, tp));
		if (len > 8) {
			P("\n\t  Message\n\t    ");
			/* tcpdump prints len - 4 bytes from there */
			if (chars_print(nd, tp + 4, len - 4))
				goto trunc;
		}
		break;
	case 13:
		if (length < 12)
			break;
		P("\n\t  Magic-Num 0x%08x", g4(nd, tp));
		P(", Seconds-Remaining %us", g4(nd, tp + 4));
		break;
	case 5: case 6: case 7:
		break;
	default:
		if (nd->o->vflag <= 1)
			ppp_hexdump(nd, pptr - 2, "\n\t  ", length + 2);
		break;
	}
	return;
trunc:
	P("[|%s]", name);
}

static void handle_mlppp(struct nd *nd, const uint8_t *p, uint32_t length)
{
	if (!nd->o->eflag)
		P("MLPPP, ");
	if (length < 2 || !nd_ok(nd, p, 2)) {
		P("[|mlppp]");
		return;
	}
	P("seq 0x%03x, Flags [", g2(nd, p) & 0x0fff);
	bits_print(nd, ml_flags, "none", p[0] & 0xc0, ", ");
	P("], length %u", length);
}

static void handle_chap(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t code, len, n, i;

	if (length < 1) {
		P("[|chap]");
		return;
	}
	if (length < 4) {
		P("[|chap 0x%02x]", g1(nd, p));
		return;
	}
	code = g1(nd, p);
	P("CHAP, %s (0x%02x)", tok_or(chap_codes, code, "unknown"), code);
	P(", id %u", g1(nd, p + 1));
	len = g2(nd, p + 2);
	switch (code) {
	case 1: case 2:
		if (length - 4 < 1)
			return;
		n = g1(nd, p + 4);
		if (length - 5 < n)
			return;
		P(", Value ");
		for (i = 0; i < n; i++)
			P("%02x", g1(nd, p + 5 + i));
		P(", Name ");
		chars_print_j(nd, p + 5 + n, len - (5 + n));
		break;
	case 3: case 4:
		P(", Msg ");
		chars_print_j(nd, p + 4, len - 4);
		break;
	}
}

static void handle_pap(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t code, len, n;

	if (length < 1) {
		P("[|pap]");
		return;
	}
	if (length < 4) {
		P("[|pap 0x%02x]", g1(nd, p));
		return;
	}
	code = g1(nd, p);
	P("PAP, %s (0x%02x)", tok_or(pap_codes, code, "unknown"), code);
	P(", id %u", g1(nd, p + 1));
	len = g2(nd, p + 2);
	if (len > length) {
		P(", length %u > packet size", len);
		return;
	}
	if (len < 4) {
		P(", length %u < PAP header length", len);
		return;
	}
	p += 4;
	len -= 4;	/* what is left */
	switch (code) {
	case 1:
		if (len + 4 < 6) {
			P("[|pap]");
			return;
		}
		n = g1(nd, p);
		if (len - 1 < n)
			return;
		P(", Peer ");
		chars_print_j(nd, p + 1, n);
		p += 1 + n;
		len -= 1 + n;
		if (len < 1)
			return;
		n = g1(nd, p);
		if (len - 1 < n)
			return;
		P(", Name ");
		chars_print_j(nd, p + 1, n);
		break;
	case 2: case 3:
		if (len + 4 < 5) {
			P("[|pap]");
			return;
		}
		n = g1(nd, p);
		if (len - 1 < n)
			return;
		P(", Msg ");
		chars_print_j(nd, p + 1, n);
		break;
	}
}

/* Print the un-escaped copy b[0..n) in place of the packet, as tcpdump's
 * ppp_hdlc() does; 0 when it is too short. */
static int unescaped_print(struct nd *nd, const uint8_t *b, uint32_t n)
{
	uint32_t proto;

	if (n < 1)
		return 0;
	switch (b[0]) {
	case 0x21:
		ip_print(nd, b + 1, n - 1);
		return 1;
	case 0x57:
		ip6_print(nd, b + 1, n - 1);
		return 1;
	}
	if (n < 2)
		return 0;
	proto = (uint32_t)b[0] << 8 | b[1];
	if (proto == 0xff03) {
		if (n < 4)
			return 0;
		proto = (uint32_t)b[2] << 8 | b[3];
		b += 2;
		n -= 2;
	}
	if ((proto & 0xff00) == 0x7e00)
		P("(protocol 0x%04x invalid)", proto);
	else
		handle_ppp(nd, proto, b + 2, n - 2);
	return 1;
}

/* RFC 1662 octet stuffing undone: a 0x7d byte escapes the next one */
static size_t unescape(uint8_t *b, const uint8_t *p, size_t cap)
{
	size_t i, n = 0;
	uint8_t c;

	for (i = cap; i != 0; i--) {
		c = *p++;
		if (c == 0x7d) {
			if (i <= 1)
				break;
			i--;
			c = *p++ ^ 0x20;
		}
		b[n++] = c;
	}
	return n;
}

/* unescaped_print() on b[0..n) standing in for the packet; b is freed. */
static __attribute__((noinline)) int guarded_print(struct nd *nd, uint8_t *b, size_t n)
{
	const uint8_t *const opkt = nd->pkt, *const oend = nd->snapend;
	jmp_buf outer;
	int ok;

	memcpy(outer, nd->jb, sizeof(jmp_buf));
	nd->pkt = b;
	nd->snapend = b + n;
	if (setjmp(nd->jb)) {
		/* the data ran out inside: put things back and go on out */
		memcpy(nd->jb, outer, sizeof(jmp_buf));
		nd->pkt = opkt;
		nd->snapend = oend;
		free(b);
		nd_trunc_jmp(nd);
	}
	ok = unescaped_print(nd, b, (uint32_t)n);
	memcpy(nd->jb, outer, sizeof(jmp_buf));
	nd->pkt = opkt;
	nd->snapend = oend;
	free(b);
	return ok;
}

/* Undo the escapes in a private copy of what was captured from p on, and
 * print that (tcpdump's ppp_hdlc()). */
static void ppp_unescape(struct nd *nd, const uint8_t *p, uint32_t length)
{
	size_t cap = nd_avail(nd, p);
	uint8_t *b;

	if (cap == 0 || length == 0)
		return;
	b = malloc(cap);
	if (b && !guarded_print(nd, b, unescape(b, p, cap)))
		nd_trunc(nd);
}

static void handle_ppp(struct nd *nd, uint32_t proto, const uint8_t *p, uint32_t length)
{
	char b[40];

	if ((proto & 0xff00) == 0x7e00) {
		ppp_unescape(nd, p - 1, length);
		return;
	}
	switch (proto) {
	case PPP_LCP_: case 0x8021: case 0x8023: case 0x8281: case 0x8057:
	case 0x80fd: case 0xc02b:
		handle_ctrl(nd, proto, p, length);
		break;
	case 0x003d:
		handle_mlppp(nd, p, length);
		break;
	case PPP_CHAP_:
		handle_chap(nd, p, length);
		break;
	case PPP_PAP_:
		handle_pap(nd, p, length);
		break;
	case 0xc02d:	/* BAP: nothing decoded */
		break;
	case 0x0800: case 0x002f: case 0x0021:
		ip_print(nd, p, length);
		break;
	case 0x86dd: case 0x0057:
		ip6_print(nd, p, length);
		break;
	case 0x8137: case 0x002b:
		ipx_print(nd, p);
		break;
	case 0x0023:
		isoclns_print(nd, p, length);
		break;
	case 0x0281: case 0x0283:
		mpls_print(nd, p, length);
		break;
	case 0x00fd:
		P("compressed PPP data");
		break;
	default:
		P("%s ", tok2str(ppp_protos, "unknown PPP protocol (0x%04x)", proto, b, sizeof(b)));
		ppp_hexdump(nd, p, "\n\t", length);
		break;
	}
}

uint32_t ppp_hdr_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint32_t proto, olen = length, hdr = 0;
	const char *name;

	nd->proto = "ppp";
	if (length < 2)
		goto trunc;
	switch (g2(nd, p)) {
	case 0x0003:
		if (nd->o->eflag)
			P("In  ");
		hdr = 2;
		break;
	case 0x0103:
		if (nd->o->eflag)
			P("Out ");
		hdr = 2;
		break;
	case 0xff03:
		hdr = 2;
		break;
	}
	p += hdr;
	length -= hdr;
	if (length < 2)
		goto trunc;
	if (g1(nd, p) & 1) {
		proto = p[0];	/* protocol field compression */
		p++;
		length--;
		hdr++;
	} else {
		proto = g2(nd, p);
		p += 2;
		length -= 2;
		hdr += 2;
	}
	if (nd->o->eflag) {
		name = tok_or(ppp_protos, proto, NULL);
		P("%s (0x%04x), length %u", name ? name : "unknown", proto, olen);
		if (!name)
			return hdr;
		P(": ");
	}
	handle_ppp(nd, proto, p, length);
	return hdr;
trunc:
	nd_trunc(nd);
	return 0;
}

void ppp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	ppp_hdr_print(nd, p, len);
}

/* DLT_PPP_SERIAL: PPP in HDLC-like framing, or Cisco HDLC */
static uint32_t ppp_hdlc_if_print(struct nd *nd, const uint8_t *p, uint32_t length,
				  uint32_t caplen)
{
	uint32_t proto;
	char b[40];

	nd->proto = "ppp_hdlc";
	if (caplen < 2)
		goto trunc;
	switch (p[0]) {
	case 0xff:
		if (caplen < 4)
			goto trunc;
		if (nd->o->eflag)
			P("%02x %02x %u ", p[0], p[1], length);
		proto = g2(nd, p + 2);
		P("%s: ", tok2str(ppp_protos, "unknown PPP protocol (0x%04x)", proto, b, sizeof(b)));
		handle_ppp(nd, proto, p + 4, length - 4);
		return 4;
	case 0x0f: case 0x8f:
		nd->proto = "chdlc";
		return chdlc_print(nd, p, length);
	default:
		if (caplen < 4)
			goto trunc;
		if (nd->o->eflag)
			P("%02x %02x %u ", p[0], p[1], length);
		P("unknown addr %02x; ctrl %02x", p[2], p[3]);
		return 2;
	}
trunc:
	nd_trunc(nd);
	return caplen;
}

uint32_t ppp_dlt_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	switch (dlt) {
	case DLT_PPP_:
		nd->proto = "ppp";
		if (caplen < 4) {
			nd_trunc(nd);
			return caplen;
		}
		/* tcpdump counts 4 header bytes whatever the frame holds */
		ppp_hdr_print(nd, p, len);
		return 4;
	case DLT_PPP_SERIAL_:
		return ppp_hdlc_if_print(nd, p, len, caplen);
	case DLT_PPP_ETHER_:
		nd->proto = "pppoe";
		return pppoe_hdr_print(nd, p, len);
	case DLT_C_HDLC_:
		nd->proto = "chdlc";
		return chdlc_print(nd, p, len);
	}
	P("unknown link type %d, length %u", dlt, len);
	return 0;
}
