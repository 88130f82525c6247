/* Frame Relay as tcpdump 4.99.3 prints it: the Q.922 address with its
 * NLPID, SNAP or Cisco ethertype payloads (DLT_FRELAY), FRF.15 fragments,
 * and multilink Frame Relay (FRF.16, DLT_MFR) with its control messages
 * and fragments.  Q.933 signalling is in print-q933.c. */
#include <limits.h>
#include <stdio.h>
#include <time.h>

#include "dissect-int.h"

/* The Q.922 address flags, where the 2-byte address puts them in a
 * 32-bit word: C/R in the first byte, FECN/BECN/DE in the second, the
 * DL-CORE bit of a longer address's last byte at the bottom. */
#define Q922_CR		0x02000000u
#define Q922_FECN	0x00080000u
#define Q922_BECN	0x00040000u
#define Q922_DE		0x00020000u
#define Q922_DLCORE	0x00000002u

static const struct tok q922_flags[] = {
	{ Q922_CR, "C!" }, { Q922_DE, "DE" }, { Q922_BECN, "BECN" },
	{ Q922_FECN, "FECN" }, { Q922_DLCORE, "sdlcore" }, { 0, NULL }
};

/* The first byte of an FRF.15/FRF.16 fragment or control frame */
#define FRAG_B	0x80
#define FRAG_E	0x40
#define FRAG_C	0x20
#define FRAG_BEC (FRAG_B | FRAG_E | FRAG_C)

static const struct tok frag_flags[] = {
	{ FRAG_B, "Begin" }, { FRAG_E, "End" }, { FRAG_C, "Control" }, { 0, NULL }
};

struct q922 {
	unsigned dlci;
	unsigned alen;		/* address length, 2 to 4 */
	uint32_t flags;
};

/* The address at p: 1 when valid, 0 when not (EA set in the first byte,
 * or more than 4 bytes), -1 when it runs past the data or len. */
static int q922_parse(struct nd *nd, const uint8_t *p, uint32_t len, struct q922 *a)
{
	uint8_t b;

	if (len < 1 || !nd_ok(nd, p, 1))
		return -1;
	if (p[0] & 1)
		return 0;
	if (len < 2 || !nd_ok(nd, p + 1, 1))
		return -1;
	a->alen = 2;
	a->dlci = (unsigned)(p[0] & 0xfc) << 2 | (unsigned)(p[1] & 0xf0) >> 4;
	a->flags = (uint32_t)(p[0] & 0x02) << 24 | (uint32_t)(p[1] & 0x0e) << 16;
	if (p[1] & 1)
		return 1;
	p += 2;
	len -= 2;
	if (len < 1 || !nd_ok(nd, p, 1))
		return -1;
	a->alen = 3;
	if (!(p[0] & 1)) {
		/* a 4-byte address: 7 more DLCI bits before the last byte */
		a->dlci = a->dlci << 7 | p[0] >> 1;
		a->alen = 4;
		p++;
		len--;
	}
	if (len < 1 || !nd_ok(nd, p, 1))
		return -1;
	b = p[0];
	if (!(b & 1))
		return 0;
	a->flags |= b & 0x02;
	a->dlci = a->dlci << 6 | b >> 2;
	return 1;
}

/* The -e (or -q, or unknown payload) header line.  proto below 0x100 is
 * an NLPID, else a Cisco ethertype. */
static void fr_hdr_print(struct nd *nd, uint32_t length, unsigned alen, const struct q922 *a,
			 unsigned proto)
{
	const char *n;

	if (nd->o->qflag) {
		P("Q.922, DLCI %u, length %u: ", a->dlci, length);
		return;
	}
	P("Q.922, hdr-len %u, DLCI %u, Flags [", alen, a->dlci);
	bits_print(nd, q922_flags, "none", a->flags, ", ");
	if (proto <= 0xff) {
		P("], NLPID %s (0x%02x), length %u: ", tok_or(osi_nlpids, proto, "unknown"), proto,
		  length);
	} else {
		n = ethertype_name((uint16_t)proto);
		P("], cisco-ethertype %s (0x%04x), length %u: ", n ? n : "unknown", proto, length);
	}
}

/* An FRF.15 fragment (NLPID 0xb1): only its header is decoded. */
static void frf15_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint8_t b;

	if (len < 2) {
		nd_trunc(nd);
		return;
	}
	b = g1(nd, p);
	P("FRF.15, seq 0x%03x, Flags [", (unsigned)(b & 0x1e) << 7 | g1(nd, p + 1));
	bits_print(nd, frag_flags, "none", b & FRAG_BEC, ", ");
	P("],%s Fragmentation, length %u", (b & 1) ? "Interface" : "End-to-End", len);
}

/* A Q.922 frame and its payload; returns the header length tcpdump counts
 * for the -x dump (0 when the address is invalid or cut short). */
uint32_t fr_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	struct q922 a;
	unsigned alen, hdr, nlpid;
	uint16_t et;
	uint8_t ctl;
	size_t avail;
	int r;

	nd->proto = "fr";
	r = q922_parse(nd, p, length, &a);
	if (r < 0)
		goto trunc;
	if (r == 0) {
		P("Q.922, invalid address");
		return 0;
	}
	alen = a.alen;
	if (length < alen + 1 || !nd_ok(nd, p + alen, 1))
		goto trunc;
	ctl = p[alen];
	if (ctl != 0x03 && a.dlci != 0) {
		/* Cisco's encapsulation: an ethertype right after the address */
		if (length < alen + 2 || !nd_ok(nd, p + alen, 2)) {
			P("UI %02x! ", ctl);
		} else {
			et = g2(nd, p + alen);
			if (nd->o->eflag)
				fr_hdr_print(nd, length, alen, &a, et);
			avail = nd_avail(nd, p);
			if (ethertype_print(nd, et, p + alen + 2, length - alen - 2,
					    (uint32_t)avail - alen - 2, NULL))
				return alen + 2;
			P("UI %02x! ", ctl);
		}
	}
	if (length < alen + 2 || !nd_ok(nd, p + alen + 1, 1))
		goto trunc;
	if (p[alen + 1] == 0) {
		/* a pad byte, expected only after a 3-byte address */
		if (alen != 3)
			P("Pad! ");
		hdr = alen + 3;
	} else {
		if (alen == 3)
			P("No pad! ");
		hdr = alen + 2;
	}
	if (length < hdr || !nd_ok(nd, p + hdr - 1, 1))
		goto trunc;
	nlpid = p[hdr - 1];
	if (nd->o->eflag)
		fr_hdr_print(nd, length, alen, &a, nlpid);
	p += hdr;
	length -= hdr;

	switch (nlpid) {
	case 0xcc:
		ip_print(nd, p, length);
		break;
	case 0x8e:
		ip6_print(nd, p, length);
		break;
	case 0x81: case 0x82: case 0x83:
		/* the OSI printers start at the NLPID */
		isoclns_print(nd, p - 1, length + 1);
		break;
	case 0x80:
		if (!snap_print(nd, p, length, (uint32_t)nd_avail(nd, p), NULL, NULL, 0)) {
			if (!nd->o->eflag)
				fr_hdr_print(nd, length + hdr, hdr, &a, nlpid);
			if (!nd->o->qflag && !nd->o->xflag && !nd->o->Xflag)
				default_dump(nd, p - hdr, length + hdr);
		}
		break;
	case 0x08:
		q933_print(nd, p, length);
		break;
	case 0xb1:
		frf15_print(nd, p, length);
		break;
	case 0xcf:
		ppp_print(nd, p, length);
		break;
	default:
		if (!nd->o->eflag)
			fr_hdr_print(nd, length + hdr, alen, &a, nlpid);
		if (!nd->o->xflag)
			default_dump(nd, p, length);
		break;
	}
	return hdr;
trunc:
	nd_trunc(nd);
	return 0;
}

uint32_t fr_if_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	nd->proto = "fr";
	if (caplen < 4) {
		nd_trunc(nd);
		return caplen;
	}
	return fr_print(nd, p, len);
}

/* ---------------------------------------------------------------- FRF.16 */

static const struct tok mfr_msgs[] = {
	{ 1, "Add Link" }, { 2, "Add Link ACK" }, { 3, "Add Link Reject" },
	{ 4, "Hello" }, { 5, "Hello ACK" }, { 6, "Remove Link" },
	{ 7, "Remove Link ACK" }, { 0, NULL }
};

#define MFR_IE_BUNDLE_ID	1
#define MFR_IE_LINK_ID		2
#define MFR_IE_MAGIC		3
#define MFR_IE_TIMESTAMP	5

static const struct tok mfr_ies[] = {
	{ MFR_IE_BUNDLE_ID, "Bundle ID" }, { MFR_IE_LINK_ID, "Link ID" },
	{ MFR_IE_MAGIC, "Magic Number" }, { MFR_IE_TIMESTAMP, "Timestamp" },
	{ 6, "Vendor Extension" }, { 7, "Cause" }, { 0, NULL }
};

static void mfr_hexdump(struct nd *nd, const uint8_t *p, const char *ident, uint32_t len)
{
	unknown_data_print(nd, p, ident, len > INT_MAX ? INT_MAX : (int)len);
}

/* tcpdump prints a 16-byte Timestamp IE as the host's struct timeval (a
 * little-endian 64-bit machine's here) in its default time format. */
static void mfr_timestamp_print(struct nd *nd, const uint8_t *p)
{
	uint64_t sec = 0, usec = 0;
	time_t t;
	struct tm tm;
	char buf[32];
	int i;

	gcheck(nd, p, 16);
	for (i = 7; i >= 0; i--) {
		sec = sec << 8 | p[i];
		usec = usec << 8 | p[8 + i];
	}
	t = (time_t)(int64_t)sec;
	if (((uint32_t)sec & 0x80000000u) || !localtime_r(&t, &tm)) {
		P("[Error converting time] ");
		return;
	}
	strftime(buf, sizeof(buf), "%H:%M:%S", &tm);
	P("%s.%06u ", buf, (unsigned)usec);
}

/* A control message's information elements (-v); 0 when the data ended
 * first (tcpdump then counts the whole frame as its header). */
static int mfr_ies_print(struct nd *nd, const uint8_t *tp, uint32_t tlen)
{
	unsigned type, ielen, i;
	uint8_t c;

	while (tlen > 2) {
		if (!nd_ok(nd, tp, 2))
			goto trunc;
		type = tp[0];
		ielen = tp[1];
		P("\n\tIE %s (%u), length %u: ", tok_or(mfr_ies, type, "Unknown"), type, ielen);
		if (type == 0 || ielen <= 2)
			return 1;
		if (!nd_ok(nd, tp, ielen))
			goto trunc;
		tp += 2;
		ielen -= 2;
		tlen -= 2;
		switch (type) {
		case MFR_IE_MAGIC:
			if (ielen != 4)
				P("[IE data length %d != 4] (invalid)", ielen);
			else
				P("0x%08x", g4(nd, tp));
			break;
		case MFR_IE_BUNDLE_ID:
		case MFR_IE_LINK_ID:
			/* text up to a NUL, at most 50 bytes */
			for (i = 0; i < ielen && i < 50; i++) {
				c = g1(nd, tp + i);
				if (c == 0)
					break;
				char_print(nd, c);
			}
			break;
		case MFR_IE_TIMESTAMP:
			if (ielen == 16) {
				mfr_timestamp_print(nd, tp);
				break;
			}
			/* fall through */
		default:
			if (nd->o->vflag <= 1)
				mfr_hexdump(nd, tp, "\n\t  ", ielen);
			break;
		}
		if (nd->o->vflag > 1)
			mfr_hexdump(nd, tp, "\n\t  ", ielen);
		tlen -= ielen;
		tp += ielen;
	}
	return 1;
trunc:
	nd_trunc(nd);
	return 0;
}

/* Returns the header length tcpdump counts for the -x dump. */
uint32_t mfr_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	uint8_t b;
	unsigned seq;
	char buf[32];

	nd->proto = "mfr";
	if (length < 4) {
		P("[length %u < 4] (invalid)", length);
		return length;
	}
	if (!nd_ok(nd, p, 4)) {
		nd_trunc(nd);
		return length;
	}
	b = p[0];
	if ((b & FRAG_BEC) == FRAG_BEC && p[1] == 0) {
		P("FRF.16 Control, Flags [");
		bits_print(nd, frag_flags, "none", b & FRAG_BEC, ", ");
		P("], %s, length %u", tok2str(mfr_msgs, "Unknown Message (0x%02x)", p[2], buf,
					      sizeof(buf)), length);
		if (nd->o->vflag && !mfr_ies_print(nd, p + 3, length - 3))
			return length;
		return 3;
	}
	seq = (unsigned)(b & 0x1e) << 7 | p[1];
	P("FRF.16 Frag, seq %u, Flags [", seq);
	bits_print(nd, frag_flags, "none", b & FRAG_BEC, ", ");
	if ((b & FRAG_BEC) == (FRAG_B | FRAG_E) || (b & FRAG_BEC) == FRAG_B) {
		/* a whole frame or its first fragment: a Q.922 frame follows */
		P("], ");
		fr_print(nd, p + 2, length - 2);
		return 2;
	}
	P("]");
	mfr_hexdump(nd, p, "\n\t", length);
	return 0;
}

uint32_t mfr_if_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	nd->proto = "mfr";
	if (caplen < 2) {
		nd_trunc(nd);
		return caplen;
	}
	return mfr_print(nd, p, len);
}
