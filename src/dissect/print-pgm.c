/* PGM (RFC 3208, IP protocol 113; over UDP with -T pgm) and ZMTP/1.0,
 * the ZeroMQ framing carried in PGM data (-T pgm_zmtp1) and over TCP
 * (-T zmtp1), as tcpdump 4.99 prints them, quirks included. */
#include "dissect-int.h"

/* tcpdump's PGM printer has two kinds of truncation: its explicit checks
 * print " [|pgm]" and return (the -x dump then starts after the link
 * header), its field reads end the packet (g1..g4 here).  ok() is the
 * first kind. */
#define ok(p, n) nd_ok(nd, p, n)

/* A network-layer address after its AFI: its text in buf, and the bytes
 * it takes; 0 for an AFI tcpdump does not read or an address cut short. */
static unsigned nla(struct nd *nd, unsigned afi, const uint8_t *p, char *buf)
{
	if (afi == 1 && ok(p, 4)) {
		ip4_str(nd, p, buf);
		return 4;
	}
	if (afi == 2 && ok(p, 16)) {
		ip6_str(nd, p, buf);
		return 16;
	}
	return 0;
}

/* Options of a fixed length: tcpdump's name, the length, and the text of
 * the 32-bit values after the reserved 16 bits. */
static const struct pgm_fixed {
	uint8_t type, len;
	const char *name, *fmt;
} fixed_opts[] = {
	{ 0x01, 16, "FRAGMENT", " FRAG seq %u off %u len %u" },
	{ 0x03, 8, "JOIN", " JOIN %u" },
	{ 0x04, 12, "NAK_BO_IVL", " BACKOFF ivl %u ivlseq %u" },
	{ 0x05, 12, "NAK_BO_RNG", " BACKOFF max %u min %u" },
	{ 0x08, 8, "PARITY_PRM", " PARITY MAXTGS %u" },
	{ 0x09, 8, "PARITY_GRP", " PARITY GROUP %u" },
	{ 0x0a, 8, "CURR_TGSIZE", " PARITY ATGS %u" },
	{ 0x0b, 4, "NBR_UNREACH", " NBR_UNREACH" },
	{ 0x0d, 4, "SYN", " SYN" },
	{ 0x0e, 4, "FIN", " FIN" },
	{ 0x0f, 4, "RST", " RST" },
	{ 0x11, 4, "CRQST", " CRQST" },
};

/* An option with an address (redirect, PGMCC data and feedback): 1 when
 * the options go on, 0 to stop (printed), -1 for an unknown AFI. */
static int addr_opt(struct nd *nd, unsigned type, unsigned olen, const uint8_t **bpp,
		    uint32_t *opts_len)
{
	unsigned fixed = type == 0x07 ? 8 : 12, alen, afi;
	const char *name = type == 0x07 ? "REDIRECT" : type == 0x12 ? "PGMCC_DATA" : "PGMCC_FEEDBACK";
	const uint8_t *bp = *bpp;
	uint32_t val = 0;
	char buf[46];

	if (olen < fixed) {
		P("[Bad %s%s option, length %u < %u]", type == 0x13 ? "PGM_OPT_" : "OPT_", name,
		  olen, fixed);
		return 0;
	}
	bp += 2;
	if (type != 0x07) {
		val = g4(nd, bp);
		bp += 4;
	}
	afi = g2(nd, bp);
	bp += 4;
	if (afi != 1 && afi != 2)
		return -1;
	alen = afi == 1 ? 4 : 16;
	if (olen != fixed + alen) {
		P("[Bad OPT_%s option, length %u != %u + address size]", name, olen, fixed);
		return 0;
	}
	if (!nla(nd, afi, bp, buf))
		return -1;
	*bpp = bp + alen;
	*opts_len -= fixed + alen;
	if (type == 0x07)
		P(" REDIRECT %s", buf);
	else
		P(" PGMCC %s %u %s", type == 0x12 ? "DATA" : "FEEDBACK", val, buf);
	return 1;
}

/* The options after the type-specific part: 1 when the packet's length
 * follows, 0 when a message already ended it, -1 for " [|pgm]". */
static int pgm_opts(struct nd *nd, const uint8_t **bpp)
{
	const uint8_t *bp = *bpp;
	unsigned type, olen;
	uint32_t opts_len;
	size_t i;
	int r;

	if (!ok(bp, 4))
		return -1;
	if ((bp[0] & 0x7f) != 0) {
		P("[First option bad, should be PGM_OPT_LENGTH, is %u]", bp[0] & 0x7f);
		return 0;
	}
	if (bp[1] != 4) {
		P("[Bad OPT_LENGTH option, length %u != 4]", bp[1]);
		return 0;
	}
	opts_len = g2(nd, bp + 2);
	bp += 4;
	if (opts_len < 4) {
		P("[Bad total option length %u < 4]", opts_len);
		return 0;
	}
	P(" OPTS LEN %u", opts_len);
	opts_len -= 4;
	while (opts_len) {
		if (opts_len < 4) {
			P("[Total option length leaves no room for final option]");
			return 0;
		}
		type = g1(nd, bp);
		olen = g1(nd, bp + 1);
		bp += 2;
		if (olen < 4) {
			P("[Bad option, length %u < 4]", olen);
			break;
		}
		if (opts_len < olen) {
			P("[Total option length leaves no room for final option]");
			return 0;
		}
		if (!ok(bp, olen - 2))
			return -1;
		switch (type & 0x7f) {
		case 0x00:
			if (olen != 4) {
				P("[Bad OPT_LENGTH option, length %u != 4]", olen);
				return 0;
			}
			P(" OPTS LEN (extra?) %u", g2(nd, bp));
			bp += 2;
			opts_len -= 4;
			break;
		case 0x02:
			bp += 2;
			olen -= 4;
			P(" NAK LIST");
			/* the option's own 4 bytes stay counted, as in tcpdump */
			for (; olen; olen -= 4, opts_len -= 4, bp += 4) {
				if (olen < 4) {
					P("[Option length not a multiple of 4]");
					return 0;
				}
				P(" %u", g4(nd, bp));
			}
			break;
		case 0x07: case 0x12: case 0x13:
			r = addr_opt(nd, type & 0x7f, olen, &bp, &opts_len);
			if (r <= 0)
				return r;
			break;
		case 0x0c:
		case 0x10:
			if ((type & 0x7f) == 0x0c)
				P(" PATH_NLA [%u]", olen);
			else
				P(" CR");
			bp += olen;	/* from after the option's header, as tcpdump */
			opts_len -= olen;
			break;
		default:
			for (i = 0; i < sizeof(fixed_opts) / sizeof(fixed_opts[0]); i++)
				if (fixed_opts[i].type == (type & 0x7f))
					break;
			if (i == sizeof(fixed_opts) / sizeof(fixed_opts[0])) {
				P(" OPT_%02X [%u] ", type, olen);
				bp += olen;
				opts_len -= olen;
				break;
			} else {
				const struct pgm_fixed *f = &fixed_opts[i];
				uint32_t v[3] = { 0, 0, 0 };
				unsigned k;
				if (olen != f->len) {
					P("[Bad OPT_%s option, length %u != %u]", f->name, olen, f->len);
					return 0;
				}
				for (k = 0; k < 3 && 4 + 4 * k < f->len; k++)
					v[k] = g4(nd, bp + 2 + 4 * k);
				P(f->fmt, v[0], v[1], v[2]);
				bp += f->len - 2;
				opts_len -= f->len;
			}
			break;
		}
		if (type & 0x80)
			break;
	}
	*bpp = bp;
	return 1;
}

/* One ZMTP/1.0 frame: its length (8 or 64 bits), flags and body. */
static const uint8_t *zmtp1_frame(struct nd *nd, const uint8_t *cp, const uint8_t *ep)
{
	uint64_t declared, captured, shown;
	unsigned hl;
	uint8_t flags;

	P("\n\t");
	if (g1(nd, cp) != 0xff) {
		hl = 1;
		declared = cp[0];
		P(" frame flags+body  (8-bit) length %llu", (unsigned long long)declared);
	} else {
		hl = 9;
		P(" frame flags+body (64-bit) length");
		gcheck(nd, cp, hl);
		declared = g8(nd, cp + 1);
		P(" %llu", (unsigned long long)declared);
	}
	if (declared == 0)
		return cp + hl;
	gcheck(nd, cp, hl + 1);
	flags = cp[hl];
	captured = (uint64_t)(ep - cp) - hl;
	if (declared > captured)
		P(" (%llu captured)", (unsigned long long)captured);
	P(", flags 0x%02x", flags);
	if (nd->o->vflag) {
		static const char *const bit[8] = { "MORE", "MBZ", "MBZ", "MBZ",
						    "MBZ", "MBZ", "MBZ", "MBZ" };
		int b;
		P(" (");
		for (b = 7; b >= 0; b--)
			P("%s%s", flags >> b & 1 ? bit[b] : "-", b ? "|" : ")");
		shown = captured < declared ? captured : declared;
		if (nd->o->vflag == 1 && shown > 129)
			shown = 129;
		if (shown > 1) {
			P(", first %llu byte(s) of body:", (unsigned long long)(shown - 1));
			hexdump_ascii(nd, "\n\t ", cp + hl + 1, (uint32_t)(shown - 1), 0);
		}
	}
	cp += hl;
	gcheck(nd, cp, declared);
	return cp + declared;
}

static const uint8_t *zmtp1_end(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	return nd_avail(nd, cp) < len ? nd->snapend : cp + len;
}

void zmtp1_print(struct nd *nd, const uint8_t *cp, uint32_t len)
{
	const uint8_t *ep = zmtp1_end(nd, cp, len);

	nd->proto = "zmtp1";
	P(": ZMTP/1.0");
	while (cp < ep)
		cp = zmtp1_frame(nd, cp, ep);
}

/* ZMTP/1.0 in a PGM data packet: the offset of the first frame that
 * starts in it, the part of a frame before that, then the frames. */
static void zmtp1_datagram(struct nd *nd, const uint8_t *cp, unsigned len)
{
	const uint8_t *ep = zmtp1_end(nd, cp, len);
	unsigned off, avail, shown;

	nd->proto = "zmtp1";
	off = g2(nd, cp);
	P("\n\t frame offset 0x%04x", off);
	cp += 2;
	avail = (unsigned)nd_avail(nd, cp);
	if (off == 0xffff) {
		off = len - 2;
	} else if (2 + off > len) {
		P(" (exceeds datagram declared length)");
		nd_trunc_jmp(nd);
	}
	if (off) {
		P("\n\t frame intermediate part, %u bytes", off);
		if (off > avail)
			P(" (%u captured)", avail);
		if (nd->o->vflag) {
			shown = off < avail ? off : avail;
			if (nd->o->vflag == 1 && shown > 128)
				shown = 128;
			if (shown > 1) {
				P(", first %u byte(s):", shown);
				hexdump_ascii(nd, "\n\t ", cp, shown, 0);
			}
		}
	}
	cp += off;
	while (cp < ep)
		cp = zmtp1_frame(nd, cp, ep);
}

void pgm_print(struct nd *nd, const uint8_t *bp, uint32_t length, const uint8_t *iph)
{
	static const char *const nak_names[] = { "NAK", "NNAK", "NCF" };
	const uint8_t *pgm = bp;
	unsigned type, nh, n, afi;
	char s[46], d[46], a1[46], a2[46];
	int r = 1;

	nd->proto = "pgm";
	iph_addrs(nd, iph, s, d);
	if (!nd_ok(nd, bp + 2, 2)) {
		P("%s > %s:", s, d);
		nd_trunc(nd);
		return;
	}
	nh = (iph[0] >> 4) == 6 ? iph[6] : iph[9];
	if (nh == 113)
		P("%s.%u > %s.%u: ", s, g2(nd, bp), d, g2(nd, bp + 2));
	else
		P("%u > %u: ", g2(nd, bp), g2(nd, bp + 2));
	if (!ok(bp, 16))
		goto trunc;
	P("PGM, length %u", g2(nd, bp + 14));
	if (!nd->o->vflag)
		return;
	type = bp[4];
	P(" 0x%02x%02x%02x%02x%02x%02x ", bp[8], bp[9], bp[10], bp[11], bp[12], bp[13]);
	bp += 16;
	switch (type) {
	case 0:		/* SPM */
	case 1:		/* POLL */
		if (!ok(bp, type == 0 ? 16 : 12))
			goto trunc;
		afi = g2(nd, bp + (type == 0 ? 12 : 8));
		n = nla(nd, afi, bp + (type == 0 ? 16 : 12), a1);
		if (!n)
			goto trunc;
		if (type == 0) {
			P("SPM seq %u trail %u lead %u nla %s", g4(nd, bp), g4(nd, bp + 4),
			  g4(nd, bp + 8), a1);
			bp += 16 + n;
		} else {
			const uint8_t *q = bp + 12 + n;
			P("POLL seq %u round %u nla %s ivl %u rnd 0x%08x mask 0x%08x", g4(nd, bp),
			  g2(nd, bp + 4), a1, g4(nd, q), g4(nd, q + 4), g4(nd, q + 8));
			bp = q + 12;
		}
		break;
	case 2:
		if (!ok(bp, 8))
			goto trunc;
		P("POLR seq %u round %u", g4(nd, bp), g2(nd, bp + 4));
		bp += 8;
		break;
	case 4:
	case 5:
		if (!ok(bp, 8))
			goto trunc;
		P("%s trail %u seq %u", type == 4 ? "ODATA" : "RDATA", g4(nd, bp + 4), g4(nd, bp));
		bp += 8;
		break;
	case 8: case 9: case 10: {
		const uint8_t *q = bp + 8;
		if (!ok(bp, 8))
			goto trunc;
		n = nla(nd, g2(nd, bp + 4), q, a1);
		if (!n)
			goto trunc;
		q += n + 4;
		/* tcpdump takes the group's AFI from the address itself */
		n = nla(nd, g2(nd, q), q, a2);
		if (!n)
			goto trunc;
		P("%s (%s -> %s), seq %u", nak_names[type - 8], a1, a2, g4(nd, bp));
		bp = q + n;
		break;
	}
	case 11:
		if (!ok(bp, 8))
			goto trunc;
		P("ACK seq %u", g4(nd, bp));
		bp += 8;
		break;
	case 12:
		P("SPMR");
		bp = pgm;	/* tcpdump reads any options from the header */
		break;
	default:
		P("UNKNOWN type 0x%02x", type);
		bp = pgm;
		break;
	}
	if (pgm[5] & 1)
		r = pgm_opts(nd, &bp);
	if (r < 0)
		goto trunc;
	if (r == 0)
		return;
	P(" [%u]", length);
	if (nd->o->ptype == DISSECT_PT_PGM_ZMTP1 && (type == 4 || type == 5))
		zmtp1_datagram(nd, bp, g2(nd, pgm + 14));
	return;
trunc:
	P(" [|pgm]");
}
