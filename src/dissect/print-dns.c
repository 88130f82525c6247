/* DNS (UDP and TCP port 53). */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "dissect-int.h"

/* the record types tcpdump 4.99.3 names; others print as TypeN */
static const struct tok types[] = {
	{ 1, "A" }, { 2, "NS" }, { 3, "MD" }, { 4, "MF" }, { 5, "CNAME" }, { 6, "SOA" },
	{ 7, "MB" }, { 8, "MG" }, { 9, "MR" }, { 10, "NULL" }, { 11, "WKS" }, { 12, "PTR" },
	{ 13, "HINFO" }, { 14, "MINFO" }, { 15, "MX" }, { 16, "TXT" }, { 17, "RP" },
	{ 18, "AFSDB" }, { 19, "X25" }, { 20, "ISDN" }, { 21, "RT" }, { 22, "NSAP" },
	{ 23, "NSAP_PTR" }, { 24, "SIG" }, { 25, "KEY" }, { 26, "PX" }, { 27, "GPOS" },
	{ 28, "AAAA" }, { 29, "LOC" }, { 30, "NXT" }, { 31, "EID" }, { 32, "NIMLOC" },
	{ 33, "SRV" }, { 34, "ATMA" }, { 35, "NAPTR" }, { 36, "KX" }, { 37, "CERT" },
	{ 38, "A6" }, { 39, "DNAME" }, { 40, "SINK" }, { 41, "OPT" }, { 42, "APL" },
	{ 43, "DS" }, { 44, "SSHFP" }, { 45, "IPSECKEY" }, { 46, "RRSIG" }, { 47, "NSEC" },
	{ 48, "DNSKEY" }, { 99, "SPF" }, { 100, "UINFO" }, { 101, "UID" }, { 102, "GID" },
	{ 103, "UNSPEC" }, { 104, "UNSPECA" }, { 249, "TKEY" }, { 250, "TSIG" },
	{ 251, "IXFR" }, { 252, "AXFR" }, { 253, "MAILB" }, { 254, "MAILA" }, { 255, "ANY" },
	{ 256, "URI" }, { 0, NULL }
};

static const struct tok classes[] = {
	{ 1, "IN" }, { 3, "CHAOS" }, { 4, "HS" }, { 255, "ANY" }, { 0, NULL }
};

static const struct tok eopts[] = {
	{ 1, "LLQ" }, { 2, "UL" }, { 3, "NSID" }, { 5, "DAU" }, { 6, "DHU" }, { 7, "N3U" },
	{ 8, "ECS" }, { 9, "EXPIRE" }, { 10, "COOKIE" }, { 11, "KEEPALIVE" }, { 12, "PADDING" },
	{ 13, "CHAIN" }, { 14, "KEY-TAG" }, { 16, "CLIENT-TAG" }, { 17, "SERVER-TAG" },
	{ 0, NULL }
};

/* DNSSEC algorithm numbers of the DAU, DHU and N3U options (RFC 6975) */
static const struct tok dau_algs[] = {
	{ 0, "DELETE" }, { 1, "RSAMD5" }, { 2, "DH" }, { 3, "DS" }, { 5, "RSASHA1" },
	{ 6, "DSA-NSEC3-SHA1" }, { 7, "RSASHA1-NSEC3-SHA1" }, { 8, "RSASHA256" },
	{ 10, "RSASHA512" }, { 12, "ECC-GOST" }, { 13, "ECDSAP256SHA256" },
	{ 14, "ECDSAP384SHA384" }, { 15, "ED25519" }, { 16, "ED448" }, { 252, "INDIRECT" },
	{ 253, "PRIVATEDNS" }, { 254, "PRIVATEOID" }, { 0, NULL }
};
static const struct tok dhu_algs[] = {
	{ 1, "SHA-1" }, { 2, "SHA-256" }, { 3, "GOST_R_34.11-94" }, { 4, "SHA-384" }, { 0, NULL }
};
static const struct tok n3u_algs[] = { { 1, "SHA-1" }, { 0, NULL } };

static const char *ops[] = {
	"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef",
};

static const char *resp[] = {
	"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused", " YXDomain", " YXRRSet",
	" NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12", " Resp13", " Resp14", " NoChange",
	" BadVers", "Resp17", " Resp18", " Resp19", " Resp20", "Resp21", " Resp22", " BadCookie",
};

static int labellen(struct nd *nd, const uint8_t *cp)
{
	unsigned i;
	if (!nd_ok(nd, cp, 1))
		return -1;
	i = *cp;
	switch (i & 0xc0) {
	case 0x40: {
		unsigned bl;
		if ((i & 0x3f) != 1) {
			P("<ELT %d>", i & 0x3f);
			return -1;
		}
		if (!nd_ok(nd, cp + 1, 1))
			return -1;
		bl = cp[1] ? cp[1] : 256;
		return (int)((bl + 7) / 8 + 1);
	}
	case 0xc0:
	case 0x00:
		return (int)i;
	default:
		P("<BAD LABEL TYPE>");
		return -1;
	}
}

static const uint8_t *nskip(struct nd *nd, const uint8_t *cp)
{
	unsigned i;
	if (!nd_ok(nd, cp, 1))
		return NULL;
	i = *cp++;
	while (i) {
		switch (i & 0xc0) {
		case 0xc0:
			return cp + 1;
		case 0x40: {
			unsigned bl;
			if ((i & 0x3f) != 1 || !nd_ok(nd, cp, 1))
				return NULL;
			bl = *cp ? *cp : 256;
			cp++;
			cp += (bl + 7) / 8;
			break;
		}
		case 0x80:
			return NULL;
		default:
			cp += i;
			break;
		}
		if (!nd_ok(nd, cp, 1))
			return NULL;
		i = *cp++;
	}
	return cp;
}

/* An RFC 2673 bit-string label, as "\\[x<hex>/<bits>]". */
static void bitlabel(struct nd *nd, const uint8_t *cp)
{
	unsigned bits = g1(nd, cp), b;
	const uint8_t *q, *lim;

	if (bits == 0)
		bits = 256;
	lim = cp + 1 + (bits + 3) / 4;
	P("\\[x");
	for (q = cp + 1, b = bits; q < lim && b > 7; b -= 8, q++)
		P("%02x", g1(nd, q));
	if (b > 4)
		P("%02x", g1(nd, q) & (0xff << (8 - b)) & 0xff);
	else if (b > 0)
		P("%1x", (g1(nd, q) >> 4) & (0x0f << (4 - b)) & 0x0f);
	P("/%u]", bits);
}

/* A domain name at cp, compression pointers relative to bp; returns
 * where the name ends in the data, NULL when it could not be printed to
 * its end. */
const uint8_t *dns_name_print(struct nd *nd, const uint8_t *cp, const uint8_t *bp)
{
	int l;
	unsigned i, off, maxoff, chars = 0;
	const uint8_t *rp = NULL;
	int compress = 0;

	if ((l = labellen(nd, cp)) < 0)
		return NULL;
	if (!nd_ok(nd, cp, 1))
		return NULL;
	maxoff = (unsigned)(cp - bp);
	i = *cp++;
	if ((i & 0xc0) != 0xc0)
		rp = cp + l;
	if (i == 0) {
		P(".");
		return rp;
	}
	while (i && cp < nd->snapend) {
		switch (i & 0xc0) {
		case 0xc0:
			if (!compress) {
				rp = cp + 1;
				compress = 1;
			}
			if (!nd_ok(nd, cp, 1))
				return NULL;
			off = ((i << 8) | *cp) & 0x3fff;
			if (off >= maxoff) {
				P("<BAD PTR>");
				return NULL;
			}
			maxoff = off;
			cp = bp + off;
			if (!nd_ok(nd, cp, 1))
				return NULL;
			i = *cp;
			if ((l = labellen(nd, cp)) < 0)
				return NULL;
			cp++;
			continue;
		case 0x40:
			bitlabel(nd, cp);
			break;
		case 0x80:
			P("<BAD LABEL TYPE>");
			return NULL;
		default:
			if (chars + (unsigned)l <= 255) {
				if (chars_print(nd, cp, (unsigned)l))
					return NULL;
			} else if (chars < 255) {
				if (chars_print(nd, cp, 255 - chars))
					return NULL;
			}
			chars += (unsigned)l;
			break;
		}
		cp += l;
		if (chars <= 255)
			P(".");
		chars++;
		if (!nd_ok(nd, cp, 1))
			return NULL;
		i = *cp;
		if ((l = labellen(nd, cp)) < 0)
			return NULL;
		cp++;
		if (!compress)
			rp += l + 1;
	}
	if (chars > 255)
		P("<DOMAIN NAME TOO LONG>");
	return rp;
}

static const uint8_t *qprint(struct nd *nd, const uint8_t *cp, const uint8_t *bp)
{
	const uint8_t *np = cp;
	unsigned t, c, raw;
	char b[32];
	cp = nskip(nd, cp);
	if (!cp || !nd_ok(nd, cp, 4))
		return NULL;
	t = g2(nd, cp);
	raw = g2(nd, cp + 2);
	/* mDNS: the class's top bit asks for a unicast answer */
	c = nd->mdns ? raw & ~0x8000u : raw;
	P(" %s", tok2str(types, "Type%u", t, b, sizeof(b)));
	if (c != 1)
		P(" %s", tok2str(classes, "(Class %u)", c, b, sizeof(b)));
	if (nd->mdns)
		P((raw & 0x8000) ? " (QU)" : " (QM)");
	P("? ");
	cp = dns_name_print(nd, np, bp);
	return cp ? cp + 4 : NULL;
}

/* EDNS client subnet: family, source and scope prefix lengths, and the
 * address cut to the source prefix */
static void ecs_print(struct nd *nd, const uint8_t *cp, unsigned dl)
{
	uint8_t a[16] = { 0 };
	unsigned fam, src, scope, bits;
	char b[46];

	if (dl < 4) {
		P(" (invalid)");
		return;
	}
	fam = g2(nd, cp);
	src = cp[2];
	scope = cp[3];
	bits = fam == 1 ? 32 : fam == 2 ? 128 : 0;
	if (!bits || dl - 4 > bits / 8 || src > bits || scope > bits || (src + 7) / 8 != dl - 4) {
		P(" (invalid)");
		return;
	}
	memcpy(a, cp + 4, dl - 4);
	/* the padded copy is not in the packet: no bounds-checked formatter */
	inet_ntop(fam == 1 ? AF_INET : AF_INET6, a, b, sizeof(b));
	P("%s/%u/%u", b, src, scope);
}

static void algs_print(struct nd *nd, const struct tok *t, const uint8_t *cp, unsigned dl)
{
	unsigned i;
	char b[16];

	for (i = 0; i < dl; i++)
		P("%s%s", i ? " " : "", tok2str(t, "Alg_%u", cp[i], b, sizeof(b)));
}

static const uint8_t *eopt(struct nd *nd, const uint8_t *cp)
{
	unsigned opt, dl, i;
	char b[32];
	if (!nd_ok(nd, cp, 2))
		return NULL;
	opt = g2(nd, cp);
	cp += 2;
	P("%s", tok2str(eopts, "Opt%u", opt, b, sizeof(b)));
	if (!nd_ok(nd, cp, 2))
		return NULL;
	dl = g2(nd, cp);
	cp += 2;
	if (!nd_ok(nd, cp, dl))
		return NULL;
	if (dl > 0) {
		P(" ");
		switch (opt) {
		case 10:
			if (dl < 8 || (dl > 8 && dl < 16) || dl > 40) {
				P(" (invalid)");
			} else {
				for (i = 0; i < dl; i++) {
					if (i == 8)
						P(" ");
					P("%02x", cp[i]);
				}
			}
			break;
		case 11:
			if (dl != 2)
				P(" (invalid)");
			else
				P("%0.1f sec", g2(nd, cp) / 10.0);
			break;
		case 9:
			if (dl != 4)
				P(" (invalid)");
			else
				P("%u sec", g4(nd, cp));
			break;
		case 12:
			P("(%u)", dl);
			break;
		case 8:
			ecs_print(nd, cp, dl);
			break;
		case 14:
			if (dl % 2) {
				P(" (invalid)");
				break;
			}
			for (i = 0; i < dl; i += 2)
				P("%s%u", i ? " " : "", g2(nd, cp + i));
			break;
		case 5: case 6: case 7:
			algs_print(nd, opt == 5 ? dau_algs : opt == 6 ? dhu_algs : n3u_algs, cp, dl);
			break;
		case 13:
			/* as tcpdump: a name with nothing before it to point into */
			if (!dns_name_print(nd, cp, cp + dl))
				return NULL;
			break;
		default:
			for (i = 0; i < dl; i++)
				P("%02x", cp[i]);
			break;
		}
	}
	return cp + dl;
}

static const uint8_t *rprint(struct nd *nd, const uint8_t *cp, const uint8_t *bp)
{
	unsigned typ, cls, raw, len, oflags = 0;
	const uint8_t *rp;
	char b[64];

	if (nd->o->vflag) {
		P(" ");
		if ((cp = dns_name_print(nd, cp, bp)) == NULL)
			return NULL;
	} else {
		cp = nskip(nd, cp);
	}
	if (!cp || !nd_ok(nd, cp, 10))
		return nd->snapend;
	typ = g2(nd, cp);
	raw = g2(nd, cp + 2);
	cp += 4;
	/* mDNS: the class's top bit says to flush the cache */
	cls = nd->mdns ? raw & ~0x8000u : raw;
	if (cls != 1 && typ != 41)
		P(" %s", tok2str(classes, "(Class %u)", cls, b, sizeof(b)));
	if (nd->mdns && (raw & 0x8000))
		P(" (Cache flush)");
	if (typ == 41) {
		cp += 2;
		oflags = g2(nd, cp);
		cp += 2;
	} else if (nd->o->vflag > 2) {
		P(" [");
		relts_print(nd, g4(nd, cp));
		P("]");
		cp += 4;
	} else {
		cp += 4;
	}
	len = g2(nd, cp);
	cp += 2;
	rp = cp + len;
	P(" %s", tok2str(types, "Type%u", typ, b, sizeof(b)));
	if (rp > nd->snapend)
		return NULL;
	switch (typ) {
	case 1:
		if (!nd_ok(nd, cp, 4))
			return NULL;
		P(" %s", ip4_str(nd, cp, b));
		break;
	case 2: case 5: case 12: case 39:
		P(" ");
		if (!dns_name_print(nd, cp, bp))
			return NULL;
		break;
	case 6:
		if (!nd->o->vflag)
			break;
		P(" ");
		if ((cp = dns_name_print(nd, cp, bp)) == NULL)
			return NULL;
		P(" ");
		if ((cp = dns_name_print(nd, cp, bp)) == NULL)
			return NULL;
		if (!nd_ok(nd, cp, 20))
			return NULL;
		P(" %u %u %u %u %u", g4(nd, cp), g4(nd, cp + 4), g4(nd, cp + 8), g4(nd, cp + 12),
		  g4(nd, cp + 16));
		break;
	case 15:
		P(" ");
		if (!nd_ok(nd, cp, 2))
			return NULL;
		if (!dns_name_print(nd, cp + 2, bp))
			return NULL;
		P(" %u", g2(nd, cp));
		break;
	case 16:
		while (cp < rp) {
			unsigned n;
			P(" \"");
			if (!nd_ok(nd, cp, 1))
				return NULL;
			n = *cp++;
			if (chars_print(nd, cp, n))
				return NULL;
			cp += n;
			P("\"");
		}
		break;
	case 33:
		P(" ");
		if (!nd_ok(nd, cp, 6))
			return NULL;
		if (!dns_name_print(nd, cp + 6, bp))
			return NULL;
		P(":%u %u %u", g2(nd, cp + 4), g2(nd, cp), g2(nd, cp + 2));
		break;
	case 28:
		if (!nd_ok(nd, cp, 16))
			return NULL;
		P(" %s", ip6_str(nd, cp, b));
		break;
	case 256:	/* URI: priority, weight, target */
		if (!nd_ok(nd, cp, len) || len < 4)
			return NULL;
		P(" %u %u ", g2(nd, cp), g2(nd, cp + 2));
		if (chars_print(nd, cp + 4, len - 4))
			return NULL;
		break;
	case 41:
		P(" UDPsize=%u", cls);
		if (oflags & 0x8000)
			P(" DO");
		if (cp < rp) {
			P(" [");
			while (cp < rp) {
				cp = eopt(nd, cp);
				if (!cp)
					return NULL;
				if (cp < rp)
					P(",");
			}
			P("]");
		}
		break;
	default:
		break;
	}
	return rp;
}

static int rr_list(struct nd *nd, const uint8_t **cpp, const uint8_t *bp, unsigned *cnt, const char *lead)
{
	const uint8_t *cp = *cpp;
	if (cp < nd->snapend && *cnt) {
		P("%s", lead);
		if ((cp = rprint(nd, cp, bp)) == NULL)
			return -1;
		(*cnt)--;
		while (cp < nd->snapend && *cnt) {
			P(",");
			if ((cp = rprint(nd, cp, bp)) == NULL)
				return -1;
			(*cnt)--;
		}
	}
	*cpp = cp;
	return *cnt ? -1 : 0;
}

void dns_print(struct nd *nd, const uint8_t *bp, uint32_t length, int over_tcp, int mdns)
{
	unsigned flags, rcode, qd, an, ns, ar, i, opcode;
	const uint8_t *cp;

	nd->proto = "domain";
	nd->mdns = mdns;
	if (over_tcp) {
		if (length < 2) {
			P(" [DNS over TCP: length %u < 2] (invalid)", length);
			return;
		}
		length -= 2;
		if (g2(nd, bp) != length) {
			P(" [prefix length(%u) != length(%u)] (invalid)", g2(nd, bp), length);
			return;
		}
		bp += 2;
		P(" ");
	}
	if (length < 12) {
		P("domain [length %u < 12] (invalid)", length);
		return;
	}
	if (!nd_ok(nd, bp, 12))
		goto trunc;
	flags = g2(nd, bp + 2);
	qd = g2(nd, bp + 4);
	an = g2(nd, bp + 6);
	ns = g2(nd, bp + 8);
	ar = g2(nd, bp + 10);
	opcode = (flags >> 11) & 0xf;
	rcode = flags & 0xf;
	cp = bp + 12;
	for (i = 0; i < qd; i++) {
		if ((cp = nskip(nd, cp)) == NULL)
			goto print;
		cp += 4;
		if (cp >= nd->snapend)
			goto print;
	}
	for (i = 0; i < an + ns; i++) {
		if ((cp = nskip(nd, cp)) == NULL)
			goto print;
		cp += 8;
		if (cp + 2 > nd->snapend)
			goto print;
		cp += 2 + g2(nd, cp);
		if (cp >= nd->snapend)
			goto print;
	}
	for (i = 0; i < ar; i++) {
		unsigned t;
		if ((cp = nskip(nd, cp)) == NULL)
			goto print;
		if (cp + 2 > nd->snapend)
			goto print;
		t = g2(nd, cp);
		cp += 4;
		if (cp + 1 > nd->snapend)
			goto print;
		if (t == 41) {
			rcode |= (unsigned)g1(nd, cp) << 4;
			goto print;
		}
		cp += 4;
		if (cp + 2 > nd->snapend)
			goto print;
		cp += 2 + g2(nd, cp);
		if (cp >= nd->snapend)
			goto print;
	}
print:
	if (flags & 0x8000) {
		P("%u%s", g2(nd, bp), ops[opcode]);
		if (rcode < sizeof(resp) / sizeof(resp[0]))
			P("%s", resp[rcode]);
		else
			P(" Resp%u", rcode & 0xfff);
		P("%s%s%s%s", (flags & 0x0400) ? "*" : "", (flags & 0x0080) ? "" : "-",
		  (flags & 0x0200) ? "|" : "", (flags & 0x0020) ? "$" : "");
		if (qd != 1)
			P(" [%uq]", qd);
		cp = bp + 12;
		for (i = 0; i < qd; i++) {
			if (i)
				P(",");
			if (nd->o->vflag > 1) {
				P(" q:");
				if ((cp = qprint(nd, cp, bp)) == NULL)
					goto trunc;
			} else {
				if ((cp = nskip(nd, cp)) == NULL)
					goto trunc;
				cp += 4;
			}
		}
		P(" %u/%u/%u", an, ns, ar);
		if (an) {
			if ((cp = rprint(nd, cp, bp)) == NULL)
				goto trunc;
			an--;
			while (cp < nd->snapend && an) {
				P(",");
				if ((cp = rprint(nd, cp, bp)) == NULL)
					goto trunc;
				an--;
			}
		}
		if (an)
			goto trunc;
		if (nd->o->vflag > 1) {
			if (rr_list(nd, &cp, bp, &ns, " ns:") < 0)
				goto trunc;
			if (rr_list(nd, &cp, bp, &ar, " ar:") < 0)
				goto trunc;
		}
	} else {
		unsigned b2;
		P("%u%s%s%s", g2(nd, bp), ops[opcode], (flags & 0x0100) ? "+" : "",
		  (flags & 0x0010) ? "%" : "");
		b2 = flags;
		if (b2 & 0x6cf)
			P(" [b2&3=0x%x]", b2);
		if (opcode == 1) {
			if (qd)
				P(" [%uq]", qd);
			if (an != 1)
				P(" [%ua]", an);
		} else {
			if (an)
				P(" [%ua]", an);
			if (qd != 1)
				P(" [%uq]", qd);
		}
		if (ns)
			P(" [%un]", ns);
		if (ar)
			P(" [%uau]", ar);
		cp = bp + 12;
		if (qd) {
			if ((cp = qprint(nd, cp, bp)) == NULL)
				goto trunc;
			qd--;
			while (cp < nd->snapend && qd) {
				if ((cp = qprint(nd, cp, bp)) == NULL)
					goto trunc;
				qd--;
			}
		}
		if (qd)
			goto trunc;
		if (nd->o->vflag > 1) {
			if (an) {
				if ((cp = rprint(nd, cp, bp)) == NULL)
					goto trunc;
				an--;
				while (cp < nd->snapend && an) {
					P(",");
					if ((cp = rprint(nd, cp, bp)) == NULL)
						goto trunc;
					an--;
				}
			}
			if (an)
				goto trunc;
			if (rr_list(nd, &cp, bp, &ns, " ns:") < 0)
				goto trunc;
			if (rr_list(nd, &cp, bp, &ar, " ar:") < 0)
				goto trunc;
		}
	}
	P(" (%u)", length);
	return;
trunc:
	nd_trunc(nd);
}

/* The record type and class names, for lwres (print-lwres.c). */
const struct tok *const dns_type_names = types;
const struct tok *const dns_class_names = classes;
