/* IPv6 and its extension headers (hop-by-hop, destination, routing, fragment,
 * mobility). */
#include <inttypes.h>
#include <stdio.h>

#include "dissect-int.h"

/* Options of HBH / DSTOPT; -1 on error. */
static int opt_process(struct nd *nd, const uint8_t *bp, int len, int *jumbo, uint32_t *plen)
{
	int i, olen = 0, found = 0;
	int v = nd->o->vflag;
	char b[46];

	if (len == 0)
		return 0;
	for (i = 0; i < len; i += olen) {
		uint8_t t = g1(nd, bp + i);
		if (t == 0)
			olen = 1;
		else if (i + 1 < len)
			olen = g1(nd, bp + i + 1) + 2;
		else
			return -1;
		if (i + olen > len)
			return -1;
		switch (t) {
		case 0:
			if (v)
				P("(pad1)");
			break;
		case 1:
			if (len - i < 2) {
				P("(padn: trunc)");
				return -1;
			}
			if (v)
				P("(padn)");
			break;
		case 5:
			if (len - i < 4) {
				P("(rtalert: trunc)");
				return -1;
			}
			if (g1(nd, bp + i + 1) != 2) {
				P("(rtalert: invalid len %u)", g1(nd, bp + i + 1));
				return -1;
			}
			if (v)
				P("(rtalert: 0x%04x) ", g2(nd, bp + i + 2));
			break;
		case 0xc2: {
			uint32_t jl;
			if (len - i < 6) {
				P("(jumbo: trunc)");
				return -1;
			}
			if (g1(nd, bp + i + 1) != 4) {
				P("(jumbo: invalid len %u)", g1(nd, bp + i + 1));
				return -1;
			}
			jl = g4(nd, bp + i + 2);
			if (found) {
				if (v)
					P("(jumbo: %u - already seen) ", jl);
			} else {
				found = 1;
				if (!plen) {
					if (v)
						P("(jumbo: %u - not a hop-by-hop option) ", jl);
				} else if (*plen != 0) {
					if (v)
						P("(jumbo: %u - payload len != 0) ", jl);
				} else {
					if (v)
						P(jl < 65536 ? "(jumbo: %u - < 65536) " : "(jumbo: %u) ", jl);
					*plen = jl;
				}
			}
			break;
		}
		case 0xc9:
			if (len - i < 18) {
				P("(homeaddr: trunc)");
				return -1;
			}
			if (v)
				P("(homeaddr: %s)", ip6_str(nd, bp + i + 2, b));
			break;
		default:
			if (len - i < 2) {
				P("(type %u: trunc)", t);
				return -1;
			}
			if (v)
				P("(opt_type 0x%02x: len=%u)", t, g1(nd, bp + i + 1));
			break;
		}
	}
	if (jumbo)
		*jumbo = found;
	if (v)
		P(" ");
	return 0;
}

static int rt6(struct nd *nd, const uint8_t *bp)
{
	unsigned len, type, i;
	char b[46];
	nd->proto = "rt6";
	P("RT6");
	len = g1(nd, bp + 1);
	P(" (len=%u", len);
	type = g1(nd, bp + 2);
	P(", type=%u", type);
	if (type == 0)
		P(" [Deprecated]");
	P(", segleft=%u", g1(nd, bp + 3));
	if (type == 0 || type == 2) {
		uint32_t rsv = g4(nd, bp + 4);
		if (rsv || nd->o->vflag)
			P(", rsv=0x%0x", rsv);
	} else if (type == 4) {	/* segment routing (RFC 8754) */
		uint8_t fl;
		P(", last-entry=%u", g1(nd, bp + 4));
		fl = g1(nd, bp + 5);
		if (fl || nd->o->vflag)
			P(", flags=0x%0x", fl);
		P(", tag=%x", g2(nd, bp + 6));
	} else {
		P(" (unknown type) (invalid)");
		return -1;
	}
	/* the addresses or segments, 16 bytes each */
	if (len % 2 == 1) {
		P(" (invalid length %u) (invalid)", len);
		return -1;
	}
	len >>= 1;
	for (i = 0; i < len; i++)
		P(", [%u]%s", i, ip6_str(nd, bp + 8 + 16 * i, b));
	P(") ");
	return (int)((g1(nd, bp + 1) + 1u) << 3);
}

void ip6_print(struct nd *nd, const uint8_t *bp, uint32_t length)
{
	uint32_t plen, len, total = 0, flow;
	const uint8_t *cp, *save;
	int advance, frag = 0, found_ext = 0, jumbo = 0, found_hbh = 0;
	uint8_t nh, ph = 255;
	char s[46], d[46];

	nd->proto = "ip6";
	if (!nd_ok(nd, bp, 40)) {
		nd_trunc(nd);
		return;
	}
	if (length < 40) {
		P("truncated-ip6 %u", length);
		return;
	}
	if (!nd->o->eflag)
		P("IP6 ");
	if ((bp[0] >> 4) != 6) {
		P("version error: %u != 6", bp[0] >> 4);
		return;
	}
	plen = g2(nd, bp + 4);
	if (plen != 0) {
		len = plen + 40;
		if (length < len)
			P("truncated-ip6 - %u bytes missing!", len - length);
	} else {
		len = length + 40;
	}
	nh = g1(nd, bp + 6);
	if (nd->o->vflag) {
		flow = g4(nd, bp);
		P("(");
		if (flow & 0x0ff00000)
			P("class 0x%02x, ", (flow & 0x0ff00000) >> 20);
		if (flow & 0x000fffff)
			P("flowlabel 0x%05x, ", flow & 0x000fffff);
		P("hlim %u, next-header %s (%u) payload length: %u) ", g1(nd, bp + 7),
		  ipproto_name(nh), nh, plen);
	}
	save = nd_push(nd, bp, len);
	cp = bp;
	advance = 40;
	while (cp < nd->snapend && advance > 0) {
		if (len < (uint32_t)advance) {
			nd_trunc(nd);
			break;
		}
		cp += advance;
		len -= (uint32_t)advance;
		total += (uint32_t)advance;
		if (cp == bp + 40 && nh != 6 && nh != 17 && nh != 33 && nh != 132)
			P("%s > %s: ", ip6_str(nd, bp + 8, s), ip6_str(nd, bp + 24, d));
		switch (nh) {
		case 0: {
			unsigned hl;
			if (found_hbh) {
				P("[The Hop-by-Hop Options header was already found] (invalid)");
				goto out;
			}
			if (ph != 255) {
				P("[The Hop-by-Hop Options header don't follow the IPv6 header] (invalid)");
				goto out;
			}
			nd->proto = "hbhopt";
			hl = (g1(nd, cp + 1) + 1u) << 3;
			if (!nd_ok(nd, cp, hl)) {
				nd_trunc(nd);
				goto out;
			}
			P("HBH ");
			if (opt_process(nd, cp + 2, (int)hl - 2, &jumbo, &plen) == -1) {
				nd_trunc(nd);
				goto out;
			}
			if (plen == 0 && !jumbo) {
				P("[No valid Jumbo Payload Hop-by-Hop option found] (invalid)");
				goto out;
			}
			advance = (int)hl;
			found_ext = found_hbh = 1;
			nh = g1(nd, cp);
			break;
		}
		case 60: {
			unsigned hl;
			nd->proto = "dstopt";
			hl = (g1(nd, cp + 1) + 1u) << 3;
			if (!nd_ok(nd, cp, hl)) {
				nd_trunc(nd);
				goto out;
			}
			P("DSTOPT ");
			if (nd->o->vflag && opt_process(nd, cp + 2, (int)hl - 2, NULL, NULL) == -1) {
				nd_trunc(nd);
				goto out;
			}
			advance = (int)hl;
			found_ext = 1;
			nh = g1(nd, cp);
			break;
		}
		case 44: {
			uint16_t ol;
			/* as tcpdump: in unsigned 64 bits, so a header that
			 * claims less than it holds shows a huge length */
			uint64_t fraglen;
			nd->proto = "frag6";
			ol = g2(nd, cp + 2);
			fraglen = (uint64_t)40 + g2(nd, bp + 4) - (uint64_t)(cp - bp) - 8;
			if (nd->o->vflag)
				P("frag (0x%08x:%u|%" PRIu64 ")", g4(nd, cp + 4), ol & 0xfff8, fraglen);
			else
				P("frag (%u|%" PRIu64 ")", ol & 0xfff8, fraglen);
			if ((ol & 0xfff8) != 0)
				goto out;
			P(" ");
			advance = 8;
			if (nd->snapend <= cp + advance)
				goto out;
			found_ext = 1;
			nh = g1(nd, cp);
			frag = 1;
			break;
		}
		case 62:
		case 135:
			/* the mobility header ends the chain, as in tcpdump:
			 * a piggybacked payload is not decoded */
			mobility_print(nd, cp, bp);
			goto out;
		case 43:
			if (!nd_ok(nd, cp, 1)) {
				nd_trunc(nd);
				goto out;
			}
			advance = rt6(nd, cp);
			if (advance < 0)
				goto out;
			found_ext = 1;
			nh = g1(nd, cp);
			break;
		default:
			if (jumbo) {
				len = plen + 40;
				if (len < total) {
					nd_trunc(nd);
					goto out;
				}
				if (length < len)
					P("truncated-ip6 - %u bytes missing!", len - length);
				nd->snapend = save;
				nd_push(nd, bp, len);
				len -= total;
			} else if (plen == 0) {
				if (found_ext) {
					nd_trunc(nd);
					goto out;
				}
				len = 40;
				nd->snapend = save;
				nd_push(nd, bp, len);
				len -= total;
			}
			ip_demux(nd, cp, len, 6, frag, nh, bp);
			goto out;
		}
		ph = nh;
		nd->proto = "ip6";
	}
out:
	nd->snapend = save;
}
