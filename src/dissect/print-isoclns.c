/* The OSI network layer by its NLPID (ISO 8473 CLNP, ISO 9542 ES-IS; IS-IS
 * is in print-isis*.c), as tcpdump 4.99.3 prints it. */
#include <stdio.h>

#include "ppp-int.h"

/* NLPIDs (tcpdump's nlpid_values): the dispatch here and IS-IS */
const struct tok osi_nlpids[] = {
	{ 0x00, "NULL" }, { 0x08, "Q.933" }, { 0x09, "LMI" }, { 0x80, "SNAP" },
	{ 0x81, "CLNP" }, { 0x82, "ES-IS" }, { 0x83, "IS-IS" }, { 0x84, "CONS" },
	{ 0x85, "IDRP" }, { 0xc1, "ISIS_SPB" }, { 0xb1, "FRF.15" }, { 0xcc, "IPv4" },
	{ 0xcf, "PPP" }, { 0x8a, "X25 ES-IS" }, { 0x8e, "IPv6" }, { 0, NULL }
};

static const struct tok clnp_types[] = {
	{ 1, "Error Report" }, { 29, "MD" }, { 28, "Data" },
	{ 30, "Echo Request" }, { 31, "Echo Response" }, { 0, NULL }
};
static const struct tok clnp_flags[] = {
	{ 0x80, "Segmentation permitted" }, { 0x40, "more Segments" },
	{ 0x20, "request Error Report" }, { 0, NULL }
};
static const struct tok clnp_opts[] = {
	{ 193, "Discard Reason" }, { 205, "Priority" }, { 195, "QoS Maintenance" },
	{ 197, "Security" }, { 200, "Source Routing" }, { 203, "Route Recording" },
	{ 204, "Padding" }, { 0, NULL }
};
static const struct tok rfd_classes[] = {
	{ 0x0, "General" }, { 0x8, "Address" }, { 0x9, "Source Routeing" },
	{ 0xa, "Lifetime" }, { 0xb, "PDU Discarded" }, { 0xc, "Reassembly" }, { 0, NULL }
};
static const struct tok rfd_general[] = {
	{ 0x0, "Reason not specified" }, { 0x1, "Protocol procedure error" },
	{ 0x2, "Incorrect checksum" }, { 0x3, "PDU discarded due to congestion" },
	{ 0x4, "Header syntax error (cannot be parsed)" },
	{ 0x5, "Segmentation needed but not permitted" },
	{ 0x6, "Incomplete PDU received" }, { 0x7, "Duplicate option" }, { 0, NULL }
};
static const struct tok rfd_address[] = {
	{ 0x0, "Destination address unreachable" },
	{ 0x1, "Destination address unknown" }, { 0, NULL }
};
static const struct tok rfd_srcroute[] = {
	{ 0x0, "Unspecified source routeing error" },
	{ 0x1, "Syntax error in source routeing field" },
	{ 0x2, "Unknown address in source routeing field" },
	{ 0x3, "Path not acceptable" }, { 0, NULL }
};
static const struct tok rfd_lifetime[] = {
	{ 0x0, "Lifetime expired while data unit in transit" },
	{ 0x1, "Lifetime expired during reassembly" }, { 0, NULL }
};
static const struct tok rfd_discard[] = {
	{ 0x0, "Unsupported option not specified" },
	{ 0x1, "Unsupported protocol version" },
	{ 0x2, "Unsupported security option" },
	{ 0x3, "Unsupported source routeing option" },
	{ 0x4, "Unsupported recording of route option" }, { 0, NULL }
};
static const struct tok rfd_reassembly[] = {
	{ 0x0, "Reassembly interference" }, { 0, NULL }
};
static const struct tok *const rfd_reasons[16] = {
	[0x0] = rfd_general, [0x8] = rfd_address, [0x9] = rfd_srcroute,
	[0xa] = rfd_lifetime, [0xb] = rfd_discard, [0xc] = rfd_reassembly,
};
static const struct tok scopes[] = {
	{ 0x40, "Source Address Specific" }, { 0x80, "Destination Address Specific" },
	{ 0xc0, "Globally unique" }, { 0, NULL }
};
static const struct tok sr_rr_kinds[] = { { 0, "partial" }, { 1, "complete" }, { 0, NULL } };
static const struct tok sr_rr_names[] = {
	{ 200, "source routing" }, { 203, "recording of route in progress" }, { 0, NULL }
};
static const struct tok qos_global[] = {
	{ 0x20, "reserved" }, { 0x10, "sequencing vs. delay" }, { 0x08, "congested" },
	{ 0x04, "delay vs. cost" }, { 0x02, "error vs. delay" }, { 0x01, "error vs. cost" },
	{ 0, NULL }
};

static const struct tok esis_types[] = {
	{ 6, "redirect" }, { 2, "ESH" }, { 4, "ISH" }, { 0, NULL }
};
static const struct tok esis_opts[] = {
	{ 129, "Protocols supported" }, { 195, "QoS Maintenance" }, { 197, "Security" },
	{ 198, "ES Configuration Time" }, { 205, "Priority" }, { 225, "Addressk Mask" },
	{ 226, "SNPA Mask" }, { 0, NULL }
};

/* An NSAP in dotted hex (buf >= 52 bytes); the whole address must be
 * captured. */
const char *osi_nsap_str(struct nd *nd, const uint8_t *p, unsigned n, char *buf)
{
	gcheck(nd, p, n);
	return bgp_nsap_str(p, n, buf);
}

/* ISO 8473 Fletcher checksum over len bytes, the field at off counted as 0 */
static uint16_t osi_cksum(const uint8_t *p, int off, int len)
{
	uint32_t c0 = 0, c1 = 0;
	int i, x, y;

	for (i = 0; i < len; i++) {
		if (i != off && i != off + 1)
			c0 += p[i];
		c1 += c0;
	}
	c0 %= 255;
	c1 %= 255;
	x = (int)((uint32_t)(len - off) * c0 - c0 - c1);
	y = (int)(c1 - (uint32_t)(len - off) * c0 - 1);
	if (y >= 0)
		y++;
	if (x < 0)
		x--;
	x %= 255;
	y %= 255;
	if (x == 0)
		x = 255;
	if (y == 0)
		y = 255;
	return (uint16_t)(((unsigned)x << 8) | ((unsigned)y & 0xff));
}

/* tcpdump's osi_print_cksum: the verdict on checksum ck at off of the len
 * bytes at p (CLNP, ES-IS, IS-IS) */
void osi_cksum_print(struct nd *nd, const uint8_t *p, unsigned ck, int off, uint32_t len)
{
	uint16_t c;

	if (!ck || off < 0 || !nd_ok(nd, p + off, 2) || (uint32_t)off > len ||
	    !nd_ok(nd, p, len)) {
		P(" (unverified)");
		return;
	}
	c = osi_cksum(p, off, (int)len);
	if (c == ck)
		P(" (correct)");
	else
		P(" (incorrect should be 0x%04x)", c);
}

/* tcpdump's ND_TCHECK: a truncation that returns normally (GET_ macros,
 * g1() here, end the whole packet instead) */
#define TCHECK(q, n) do { if (!nd_ok(nd, (q), (n))) goto trunc; } while (0)

/* One CLNP option's value; 0 when tcpdump gives up on the PDU. */
static int clnp_opt_print(struct nd *nd, unsigned op, const uint8_t *t, unsigned tlen)
{
	char b[64], a[64];
	unsigned off, al, v;

	switch (op) {
	case 200: case 203:	/* source routing, route recording */
		if (tlen < 2) {
			P(", bad opt len");
			return 0;
		}
		P("%s %s", tok_or(sr_rr_kinds, g1(nd, t), "Unknown"),
		  tok2str(sr_rr_names, "Unknown Option %u", op, b, sizeof(b)));
		off = g1(nd, t + 1);
		if (off == 0) {
			P(" Bad NSAP offset (0)");
			break;
		}
		off--;
		if (off > tlen) {
			P(" Bad NSAP offset (past end of option)");
			break;
		}
		t += off;
		tlen -= off;
		while (tlen > 0) {
			al = g1(nd, t);
			if (tlen < al + 1) {
				P("\n\t    NSAP address goes past end of option");
				break;
			}
			if (al > 0)
				P("\n\t    NSAP address (length %u): %s", al,
				  osi_nsap_str(nd, t + 1, al, a));
			tlen -= al + 1;
		}
		break;
	case 205:	/* priority */
		if (tlen < 1) {
			P(", bad opt len");
			return 0;
		}
		P("0x%1x", g1(nd, t) & 0x0f);
		break;
	case 195:	/* QoS maintenance */
		if (tlen < 1) {
			P(", bad opt len");
			return 0;
		}
		v = g1(nd, t);
		P("\n\t    Format Code: %s", tok_or(scopes, v & 0xc0, "Reserved"));
		if ((v & 0xc0) == 0xc0) {
			P("\n\t    QoS Flags [");
			bits_print(nd, qos_global, "none", v & 0x3f, ", ");
			P("]");
		}
		break;
	case 197:	/* security */
		if (tlen < 2) {
			P(", bad opt len");
			return 0;
		}
		P("\n\t    Format Code: %s, Security-Level %u",
		  tok_or(scopes, g1(nd, t) & 0xc0, "Reserved"), g1(nd, t + 1));
		break;
	case 193:	/* reason for discard */
		if (tlen < 1) {
			P(", bad opt len");
			return 0;
		}
		v = g1(nd, t);
		P("\n\t    Class: %s Error (0x%01x), %s (0x%01x)",
		  tok_or(rfd_classes, v >> 4, "Unknown"), v >> 4,
		  tok_or(rfd_reasons[v >> 4], v & 0x0f, "Unknown"), v & 0x0f);
		break;
	case 204:
		P("padding data");
		break;
	default:
		ppp_hexdump(nd, t, "\n\t  ", tlen);
		break;
	}
	return 1;
}

/* A CLNP PDU; 0 when tcpdump then dumps it as unknown data. */
static int clnp_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	const uint8_t *o = p, *src, *dst;
	unsigned li, rem, dl, sl, type, flags, op, opl;
	char b1[64], b2[64], t[32];
	const char *tn;

	nd->proto = "clnp";
	TCHECK(p, 9);
	li = g1(nd, p + 1);
	rem = li;
	if (!nd->o->eflag)
		P("CLNP");
	if (g1(nd, p + 2) != 1) {
		P("version %u packet not supported", g1(nd, p + 2));
		return 0;
	}
	if (li > length) {
		P(" length indicator(%u) > PDU size (%u)!", li, length);
		return 0;
	}
	if (li < 9) {
		P(" length indicator %u < min PDU size:", li);
		for (; p < nd->snapend; p++)
			P("%02X", *p);
		return 0;
	}
	type = g1(nd, p + 4) & 0x1f;
	flags = g1(nd, p + 4) & 0xe0;
	p += 9;
	rem -= 9;
	if (rem < 1)
		goto short_addr;
	dl = g1(nd, p);
	p++;
	rem--;
	if (rem < dl)
		goto short_addr;
	TCHECK(p, dl);
	dst = p;
	p += dl;
	rem -= dl;
	if (rem < 1)
		goto short_addr;
	sl = g1(nd, p);
	p++;
	rem--;
	if (rem < sl)
		goto short_addr;
	TCHECK(p, sl);
	src = p;
	p += sl;
	rem -= sl;

	tn = tok2str(clnp_types, "unknown (%u)", type, t, sizeof(t));
	if (!nd->o->vflag) {
		P("%s%s", nd->o->eflag ? "" : ", ", osi_nsap_str(nd, src, sl, b1));
		P(" > %s, %s, length %u", osi_nsap_str(nd, dst, dl, b2), tn, length);
		return 1;
	}
	P("%slength %u", nd->o->eflag ? "" : ", ", length);
	P("\n\t%s PDU, hlen: %u, v: %u, lifetime: %u.%us, Segment PDU length: %u, checksum: 0x%04x",
	  tn, li, g1(nd, o + 2), g1(nd, o + 3) / 2, (g1(nd, o + 3) % 2) * 5,
	  g2(nd, o + 5), g2(nd, o + 7));
	osi_cksum_print(nd, o, g2(nd, o + 7), 7, li);
	P("\n\tFlags [");
	bits_print(nd, clnp_flags, "none", flags, ", ");
	P("]");
	P("\n\tsource address (length %u): %s", sl, osi_nsap_str(nd, src, sl, b1));
	P("\n\tdest   address (length %u): %s", dl, osi_nsap_str(nd, dst, dl, b2));
	if (flags & 0x80) {
		if (rem < 6) {
			P("li < size of fixed part of CLNP header, addresses, and segment part");
			return 0;
		}
		TCHECK(p, 6);
		P("\n\tData Unit ID: 0x%04x, Segment Offset: %u, Total PDU Length: %u",
		  g2(nd, p), g2(nd, p + 2), g2(nd, p + 4));
		p += 6;
		rem -= 6;
	}
	while (rem != 0) {
		if (rem < 2) {
			P(", bad opts/li");
			return 0;
		}
		op = g1(nd, p);
		opl = g1(nd, p + 1);
		p += 2;
		rem -= 2;
		if (opl > rem) {
			P(", opt (%u) too long", op);
			return 0;
		}
		TCHECK(p, opl);
		rem -= opl;
		P("\n\t  %s Option #%u, length %u, value: ", tok_or(clnp_opts, op, "Unknown"),
		  op, opl);
		if (!clnp_opt_print(nd, op, p, opl))
			return 0;
		if (nd->o->vflag > 1)
			ppp_hexdump(nd, p, "\n\t  ", opl);
		p += opl;
	}
	/* an error report (and, in tcpdump, an echo response) may carry the
	 * CLNP header of the PDU it is about */
	if ((type == 1 || type == 31) && g1(nd, p) == 0x81) {
		P("\n\t-----original packet-----\n\t");
		clnp_print(nd, p, length - li);
		return 1;
	}
	if (length > (uint32_t)(p - o)) {
		P("\n\t  undecoded non-header data, length %u", length - li);
		ppp_hexdump(nd, p, "\n\t  ", length - (uint32_t)(p - o));
	}
	return 1;

short_addr:
	P("li < size of fixed part of CLNP header and addresses");
	return 0;
trunc:
	nd_trunc(nd);
	return 1;
}

#define BAD_LI(what) do { P(", bad " what "/li"); return; } while (0)

static void esis_opts_print(struct nd *nd, const uint8_t *p, unsigned li)
{
	const uint8_t *t;
	unsigned op, opl;

	while (li != 0) {
		if (li < 2)
			BAD_LI("opts");
		op = g1(nd, p);
		opl = g1(nd, p + 1);
		p += 2;
		li -= 2;
		if (opl > li) {
			P(", opt (%u) too long", op);
			return;
		}
		li -= opl;
		t = p;
		P("\n\t  %s Option #%u, length %u, value: ", tok_or(esis_opts, op, "Unknown"),
		  op, opl);
		if (op == 198) {	/* ES configuration time */
			if (opl == 2) {
				if (!nd_ok(nd, t, 2)) {
					nd_trunc(nd);
					return;
				}
				P("%us", g2(nd, t));
			}
			else
				P("(bad length)");
		} else if (op == 129) {	/* protocols supported */
			for (; opl > 0; opl--, t++)
				P("%s (0x%02x)%s", tok_or(osi_nlpids, g1(nd, t), "unknown"), g1(nd, t),
				  opl > 1 ? ", " : "");
			/* opl is now 0: tcpdump's pointer stays on this option */
		} else {
			ppp_hexdump(nd, t, "\n\t  ", opl);
		}
		if (nd->o->vflag > 1)
			ppp_hexdump(nd, p, "\n\t  ", opl);
		p += opl;
	}
}

static void esis_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	const uint8_t *o = p;
	unsigned li, ver, type, n, l, dl, sl, nl;
	const uint8_t *dst, *snpa, *net;
	char b[64], t[32];

	nd->proto = "esis";
	if (!nd->o->eflag)
		P("ES-IS");
	if (length <= 2) {
		P(nd->o->qflag ? "bad pkt!" : "no header at all!");
		return;
	}
	TCHECK(p, 9);
	li = g1(nd, p + 1);
	if (g1(nd, p) != 0x82) {
		P(" nlpid 0x%02x packet not supported", g1(nd, p));
		return;
	}
	ver = g1(nd, p + 2);
	if (ver != 1) {
		P(" version %u packet not supported", ver);
		return;
	}
	if (li > length) {
		P(" length indicator(%u) > PDU size (%u)!", li, length);
		return;
	}
	if (li < 11) {
		P(" length indicator %u < min PDU size:", li);
		for (; p < nd->snapend; p++)
			P("%02X", *p);
		return;
	}
	type = g1(nd, p + 4) & 0x1f;
	if (!nd->o->vflag) {
		P("%s%s, length %u", nd->o->eflag ? "" : ", ",
		  tok2str(esis_types, "unknown type (%u)", type, t, sizeof(t)), length);
		return;
	}
	P("%slength %u\n\t%s (%u)", nd->o->eflag ? "" : ", ", length,
	  tok2str(esis_types, "unknown type: %u", type, t, sizeof(t)), type);
	P(", v: %u, checksum: 0x%04x", ver, g2(nd, p + 7));
	osi_cksum_print(nd, p, g2(nd, p + 7), 7, li);
	P(", holding time: %us, length indicator: %u", g2(nd, p + 5), li);
	if (nd->o->vflag > 1)
		ppp_hexdump(nd, o, "\n\t", 9);
	p += 9;
	li -= 9;

	switch (type) {
	case 6:		/* redirect */
		TCHECK(p, 1);
		if (li < 1)
			BAD_LI("redirect");
		dl = g1(nd, p);
		p++;
		li--;
		TCHECK(p, dl);
		if (li < dl)
			BAD_LI("redirect");
		dst = p;
		p += dl;
		li -= dl;
		P("\n\t  %s", osi_nsap_str(nd, dst, dl, b));
		TCHECK(p, 1);
		if (li < 1)
			BAD_LI("redirect");
		sl = g1(nd, p);
		p++;
		li--;
		TCHECK(p, sl);
		if (li < sl)
			BAD_LI("redirect");
		snpa = p;
		p += sl;
		li -= sl;
		TCHECK(p, 1);
		if (li < 1)
			BAD_LI("redirect");
		nl = g1(nd, p);
		p++;	/* tcpdump does not count this byte off li */
		TCHECK(p, nl);
		if (li < nl)
			BAD_LI("redirect");
		net = p;
		p += nl;
		li -= nl;
		P("\n\t  SNPA (length: %u): ", sl);
		if (sl == 6)
			P("%s", mac_str(nd, snpa, b));
		else if (sl == 0)
			P("<empty>");
		else
			for (n = 0; n < sl; n++)
				P("%s%02x", n ? ":" : "", snpa[n]);
		if (nl != 0)
			P("\n\t  NET (length: %u) %s", nl, osi_nsap_str(nd, net, nl, b));
		break;
	case 2:		/* ESH */
		TCHECK(p, 1);
		if (li < 1)
			BAD_LI("esh");
		n = g1(nd, p);
		p++;
		li--;
		P("\n\t  Number of Source Addresses: %u", n);
		for (; n > 0; n--) {
			TCHECK(p, 1);
			if (li < 1)
				BAD_LI("esh");
			l = g1(nd, p);
			p++;
			li--;
			TCHECK(p, l);
			if (li < l)
				BAD_LI("esh");
			P("\n\t  NET (length: %u): %s", l, osi_nsap_str(nd, p, l, b));
			p += l;
			li -= l;
		}
		break;
	case 4:		/* ISH */
		TCHECK(p, 1);
		if (li < 1)
			BAD_LI("ish");
		l = g1(nd, p);
		p++;
		li--;
		TCHECK(p, l);
		if (li < l)
			BAD_LI("ish");
		P("\n\t  NET (length: %u): %s", l, osi_nsap_str(nd, p, l, b));
		p += l;
		li -= l;
		break;
	default:
		if (nd->o->vflag <= 1 && nd_ok(nd, p, 1))
			ppp_hexdump(nd, p, "\n\t  ", (uint32_t)nd_avail(nd, p));
		return;
	}
	esis_opts_print(nd, p, li);
	return;
trunc:
	nd_trunc(nd);
}

void isoclns_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	unsigned id;

	nd->proto = "isoclns";
	id = g1(nd, p);
	if (nd->o->eflag)
		P("OSI NLPID %s (0x%02x): ", tok_or(osi_nlpids, id, "Unknown"), id);
	switch (id) {
	case 0x81:
		if (!clnp_print(nd, p, length))
			ppp_hexdump(nd, p, "\n\t", length);
		break;
	case 0x82:
		esis_print(nd, p, length);
		break;
	case 0x83:
		if (!isis_print(nd, p, length))
			ppp_hexdump(nd, p, "\n\t", length);
		break;
	case 0x00:
		P("%slength: %u", nd->o->eflag ? "" : ", ", length);
		break;
	case 0x08:
		q933_print(nd, p + 1, length - 1);
		break;
	case 0xcc:
		ip_print(nd, p + 1, length - 1);
		break;
	case 0x8e:
		ip6_print(nd, p + 1, length - 1);
		break;
	case 0xcf:
		ppp_print(nd, p + 1, length - 1);
		break;
	default:
		if (!nd->o->eflag)
			P("OSI NLPID 0x%02x unknown", id);
		P("%slength: %u", nd->o->eflag ? "" : ", ", length);
		if (length > 1)
			ppp_hexdump(nd, p, "\n\t", length);
		break;
	}
}
