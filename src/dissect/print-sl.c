/* SLIP as BPF captures it (link types 8 and BSD/OS's 15): a 16-byte
 * header, the direction and the link's Van Jacobson compressed TCP/IP
 * header, before the uncompressed IP packet.  With -e the compressed
 * header is shown as tcpdump shows it. */
#include <stdio.h>

#include "dissect-int.h"

#define SL_HDRLEN 16

/* Bits of the first byte of a VJ compressed header (RFC 1144) */
#define VJ_C 0x40	/* connection number follows */
#define VJ_I 0x20	/* IP ID change */
#define VJ_P 0x10	/* TCP push */
#define VJ_S 0x08	/* sequence change */
#define VJ_A 0x04	/* ack change */
#define VJ_W 0x02	/* window change */
#define VJ_U 0x01	/* urgent pointer */
#define VJ_SPECIALS (VJ_S | VJ_A | VJ_W | VJ_U)
#define VJ_SPECIAL_I (VJ_S | VJ_W | VJ_U)	/* echoed interactive data */
#define VJ_SPECIAL_D (VJ_S | VJ_A | VJ_W | VJ_U)	/* unidirectional data */

/* Data length of the TCP segment in the IP packet ip of length len. */
static uint32_t sl_datalen(struct nd *nd, const uint8_t *ip, uint32_t len)
{
	unsigned words;

	gcheck(nd, ip, 20);
	words = ip[0] & 0x0fu;
	gcheck(nd, ip + 4 * words, 20);
	words += ip[4 * words + 12] >> 4;
	return len - (words << 2);
}

/* A change field: one byte, or a zero byte and two bytes.  As tcpdump
 * reads them, only the long form moves on: the next field is read from
 * the same byte after a short one. */
static const uint8_t *sl_change(struct nd *nd, const char *what, const uint8_t *cp)
{
	unsigned v = g1(nd, cp);

	if (v == 0) {
		v = g2(nd, cp + 1);
		cp += 3;
	}
	P(" %s%u", what, v);
	return cp;
}

static const uint8_t *sl_winchange(struct nd *nd, const uint8_t *cp)
{
	int v = g1(nd, cp);

	if (v == 0) {
		v = (int16_t)g2(nd, cp + 1);
		cp += 3;
	}
	P(v >= 0 ? " W+%d" : " W%d", v);
	return cp;
}

static void sl_compressed(struct nd *nd, const uint8_t *ch, const uint8_t *ip, uint32_t len,
			  int dir)
{
	struct dissect_ctx *c = nd->ctx;
	const uint8_t *cp = ch;
	unsigned fl = g1(nd, cp++);

	if (fl & VJ_C) {
		c->sl_lastconn = g1(nd, cp++);
		P("ctcp %u", c->sl_lastconn);
	} else {
		P("ctcp *");
	}
	cp += 2;	/* the TCP checksum */
	switch (fl & VJ_SPECIALS) {
	case VJ_SPECIAL_I:
		P(" *SA+%u", c->sl_lastlen[dir][c->sl_lastconn]);
		break;
	case VJ_SPECIAL_D:
		P(" *S+%u", c->sl_lastlen[dir][c->sl_lastconn]);
		break;
	default:
		if (fl & VJ_U)
			cp = sl_change(nd, "U=", cp);
		if (fl & VJ_W)
			cp = sl_winchange(nd, cp);
		if (fl & VJ_A)
			cp = sl_change(nd, "A+", cp);
		if (fl & VJ_S)
			cp = sl_change(nd, "S+", cp);
		break;
	}
	if (fl & VJ_I)
		cp = sl_change(nd, "I+", cp);
	c->sl_lastlen[dir][c->sl_lastconn] = sl_datalen(nd, ip, len);
	P(" %u (%ld)", c->sl_lastlen[dir][c->sl_lastconn], (long)(cp - ch));
}

static void sl_link(struct nd *nd, const uint8_t *p, const uint8_t *ip, uint32_t len)
{
	struct dissect_ctx *c = nd->ctx;
	int dir = g1(nd, p);
	unsigned ch = g1(nd, p + 1);

	if (dir == 0) {
		P("I ");
	} else if (dir == 1) {
		P("O ");
	} else {
		P("Invalid direction %d ", dir);
		dir = -1;
	}
	switch (ch & 0xf0) {
	case 0x40:	/* plain IP */
		P("ip %u: ", len + SL_HDRLEN);
		break;
	case 0x70:	/* uncompressed TCP: the connection in the protocol field */
		c->sl_lastconn = g1(nd, p + 1 + 9);
		P("utcp %u: ", c->sl_lastconn);
		if (dir < 0)
			return;
		c->sl_lastlen[dir][c->sl_lastconn] = sl_datalen(nd, ip, len);
		break;
	default:
		if (dir < 0)
			return;
		if (ch & 0x80) {
			sl_compressed(nd, p + 1, ip, len, dir);
			P(": ");
		} else {
			P("slip-%u!: ", ch);
		}
		break;
	}
}

void sl_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len)
{
	const uint8_t *ip = p + SL_HDRLEN;
	unsigned v;

	nd->proto = dlt == DLT_SLIP_ ? "slip" : "slip_bsdos";
	gcheck(nd, p, SL_HDRLEN);
	nd->ll_hdr_len += SL_HDRLEN;
	len -= SL_HDRLEN;
	if (dlt != DLT_SLIP_) {
		ip_print(nd, ip, len);
		return;
	}
	if (nd->o->eflag)
		sl_link(nd, p, ip, len);
	v = g1(nd, ip) >> 4;
	if (v == 4)
		ip_print(nd, ip, len);
	else if (v == 6)
		ip6_print(nd, ip, len);
	else
		P("ip v%u", v);
}
