/* DECnet Phase IV (ethertype 0x6003) as tcpdump 4.99 prints it: the
 * routing layer's data header (short or long form, after optional
 * padding), its control messages (initialization, verification, test,
 * level 1 and 2 routing, router and endnode hellos) and the NSP messages
 * a data header carries.  Every field is little-endian; every truncation
 * ends the packet (tcpdump's DECnet printer longjmps on all of them). */
#include <stdio.h>

#include "dissect-int.h"

/* A node address as area.node (6 and 10 bits); tcpdump prints it the
 * same with or without -n when it has no DECnet name library. */
static const char *dn_str(uint16_t a, char *buf)
{
	snprintf(buf, 16, "%u.%u", (unsigned)(a >> 10), (unsigned)(a & 0x3ff));
	return buf;
}

static const char *const ntypes[4] = { "reserved-ntype? ", "l2rout ", "l1rout ", "endnode " };

/* The node type and flags: of an initialization message (t: blocking at
 * bit 3) or of a hello (blocking at bit 6, no multicast at bit 5). */
static void node_info(struct nd *nd, unsigned info, int hello)
{
	P("%s", ntypes[info & 3]);
	if (info & 4)
		P("verif ");
	if (hello && (info & 0x20))
		P("nomcast ");
	if (info & (hello ? 0x40 : 0x08))
		P("blo ");
}

/* The entries of a routing message: count, first id (node or area) and
 * cost/hops, 6 bytes each, before a 2-byte checksum. */
static void routes(struct nd *nd, const uint8_t *p, uint32_t len, const char *what)
{
	unsigned count, id, info;

	while (len > 6) {
		gcheck(nd, p, 6);
		count = gl2(nd, p);
		if (count > 1024)
			return;
		id = gl2(nd, p + 2);
		info = gl2(nd, p + 4);
		p += 6;
		len -= 6;
		P("{%s %u-%u cost %u hops %u} ", what, id, id + count, info & 0x1ff,
		  (info >> 10) & 0x1f);
	}
}

/* A routing control message at p (its flags byte) of len bytes; 0 when
 * too short for its type. */
static int ctl_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	unsigned type = g1(nd, p) & 0x0f;
	unsigned info, blksize, vers, eco, ueco, hello;
	char a[16], b[16];

	switch (type) {
	case 1:
		P("init ");
		if (len < 12)
			return 0;
		gcheck(nd, p, 12);
		info = g1(nd, p + 3);
		node_info(nd, info, 0);
		P("src %sblksize %u vers %u eco %u ueco %u hello %u", dn_str(gl2(nd, p + 1), a),
		  gl2(nd, p + 4), g1(nd, p + 6), g1(nd, p + 7), g1(nd, p + 8), gl2(nd, p + 9));
		break;
	case 3:
	case 5:
		P("%s", type == 3 ? "verification " : "test ");
		if (len < 4)
			return 0;
		gcheck(nd, p, 4);
		P("src %s %s %o", dn_str(gl2(nd, p + 1), a), type == 3 ? "fcnval" : "data",
		  g1(nd, p + 3));
		break;
	case 7:
	case 9:
		P("lev-%u-routing ", type == 7 ? 1 : 2);
		if (len < 4)
			return 0;
		gcheck(nd, p, 4);
		P("src %s ", dn_str(gl2(nd, p + 1), a));
		routes(nd, p + 4, len - 4, type == 7 ? "ids" : "areas");
		break;
	case 11:
	case 13:
		P("%s", type == 11 ? "router-hello " : "endnode-hello ");
		if (len < (type == 11 ? 18u : 32u))
			return 0;
		/* everything is read before anything is printed */
		gcheck(nd, p, type == 11 ? 18 : 32);
		vers = g1(nd, p + 1);
		eco = g1(nd, p + 2);
		ueco = g1(nd, p + 3);
		info = g1(nd, p + 10);
		blksize = gl2(nd, p + 11);
		node_info(nd, info, 1);
		P("vers %u eco %u ueco %u src %s blksize %u ", vers, eco, ueco,
		  dn_str(gl2(nd, p + 8), a), blksize);
		if (type == 11) {
			hello = gl2(nd, p + 15);
			P("pri %u hello %u", g1(nd, p + 13), hello);
		} else {
			hello = gl2(nd, p + 28);
			P("rtr %s hello %u data %o", dn_str(gl2(nd, p + 26), b), hello,
			  g1(nd, p + 31));
		}
		break;
	default:
		P("unknown control message");
		default_dump(nd, p, len < caplen ? len : caplen);
		break;
	}
	return 1;
}

/* The acknowledgement fields of an NSP message of n bytes at p, from
 * offset 5: an ack (or nak) of this channel, then, when it is there, one
 * of the other channel ("o" names for data, "...dat" for the others);
 * with seg, the segment number that follows.  0: n is too short. */
static int acks(struct nd *nd, const uint8_t *p, uint32_t n, int dat, int seg)
{
	unsigned off = 5, v = gl2(nd, p + off);

	if (v & 0x8000) {
		P("%s %u ", (v & 0x9000) == 0x9000 ? "nak" : "ack", v & 0xfff);
		off += 2;
		if (n < off + 2)
			return 0;
		v = gl2(nd, p + off);
		if (v & 0xa000) {
			if (dat)
				P("%s %u ", (v & 0xb000) == 0xb000 ? "nakdat" : "ackdat", v & 0xfff);
			else
				P("%s %u ", (v & 0xb000) == 0xb000 ? "onak" : "oack", v & 0xfff);
			if (!seg)
				return 1;
			off += 2;
			if (n < off + 2)
				return 0;
			v = gl2(nd, p + off);
		}
	}
	if (seg)
		P("seg %u ", v & 0xfff);
	return 1;
}

static const struct tok reasons[] = {
	{ 0, "object rejected connect" }, { 1, "insufficient resources" },
	{ 2, "unrecognized node name" }, { 3, "node is shutting down" },
	{ 4, "unrecognized object" }, { 5, "invalid object name format" },
	{ 6, "object too busy" }, { 7, "protocol error discovered" },
	{ 8, "third party abort" }, { 9, "user abort" },
	{ 10, "invalid node name format" }, { 11, "local node shutting down" },
	{ 32, "insufficient local resources" }, { 33, "insufficient remote user resources" },
	{ 34, "invalid access control information" }, { 36, "bad ACCOUNT information" },
	{ 38, "no response from object" }, { 39, "node unreachable" },
	{ 41, "no link terminate" }, { 42, "disconnect complete" },
	{ 43, "bad image data in connect" }, { 54, "cryptographic service mismatch" },
	{ 0, NULL }
};

static const char *const versions[4] = { "ver 3.2 ", "ver 3.1 ", "ver 4.0 ", "ver 4.1 " };

/* A connect initiate or confirm's services, version and segment size. */
static void conn_print(struct nd *nd, const uint8_t *p)
{
	unsigned services = g1(nd, p + 5), info = g1(nd, p + 6), segsize = gl2(nd, p + 7);

	if ((services & 0x0c) == 0x04)
		P("seg ");
	else if ((services & 0x0c) == 0x08)
		P("msg ");
	P("%ssegsize %u ", versions[info & 3], segsize);
}

/* An NSP message of n bytes; 0 when it is too short for its type. */
static int nsp_print(struct nd *nd, const uint8_t *p, uint32_t n)
{
	unsigned flags, dst, src, sub, v;
	char buf[24];

	if (n < 5) {
		P(" (nsplen %u < 5)", n);
		return 0;
	}
	flags = g1(nd, p);
	dst = gl2(nd, p + 1);
	src = gl2(nd, p + 3);
	sub = flags & 0x70;
	switch (flags & 0x0c) {
	case 0x00:	/* data */
		if (sub == 0x00 || sub == 0x20 || sub == 0x40 || sub == 0x60) {
			P("data %u>%u ", src, dst);
			return n >= 7 && acks(nd, p, n, 0, 1);
		}
		if (sub == 0x30) {
			P("intr ");
			return n >= 7 && acks(nd, p, n, 1, 1);
		}
		if (sub == 0x10) {
			unsigned ls, fc;
			P("link-service %u>%u ", src, dst);
			if (n < 13)
				return 0;
			acks(nd, p, n, 1, 1);
			ls = g1(nd, p + 11);
			fc = g1(nd, p + 12);
			if ((ls & 0x0c) == 0x00) {
				P("dat seg count %u ", fc);
				if ((ls & 3) == 1)
					P("donotsend-data ");
				else if ((ls & 3) == 2)
					P("send-data ");
				else if ((ls & 3) == 3)
					P("reserved-fcmod? %x", ls);
			} else if ((ls & 0x0c) == 0x04) {
				P("intr req count %u ", fc);
			} else {
				P("reserved-fcval-int? %x", ls);
			}
			return 1;
		}
		P("reserved-subtype? %x %u > %u", flags, src, dst);
		return 1;
	case 0x04:	/* acknowledgement */
		if (sub == 0x00 || sub == 0x10) {
			P("%s %u>%u ", sub ? "ils-ack" : "data-ack", src, dst);
			if (n < 9)
				return 0;
			gcheck(nd, p, 9);
			return acks(nd, p, n, sub != 0, 0);
		}
		if (sub == 0x20)
			P("conn-ack %u", dst);
		else
			P("reserved-acktype? %x %u > %u", flags, src, dst);
		return 1;
	case 0x08:	/* control */
		switch (sub) {
		case 0x10:
		case 0x60:
			P("%sconn-initiate %u>%u ", sub == 0x60 ? "retrans-" : "", src, dst);
			if (n < 9)
				return 0;
			conn_print(nd, p);
			return 1;
		case 0x20:
			P("conn-confirm %u>%u ", src, dst);
			if (n < 10)
				return 0;
			gcheck(nd, p, 10);	/* the option length is read first */
			conn_print(nd, p);
			v = g1(nd, p + 9);
			if (v)
				P("optlen %u ", v);
			return 1;
		case 0x30:
			P("disconn-initiate %u>%u ", src, dst);
			if (n < 8)
				return 0;
			gcheck(nd, p, 8);	/* the option length is read first */
			v = gl2(nd, p + 5);
			P("%s ", tok2str(reasons, "reason-%u", v, buf, sizeof(buf)));
			v = g1(nd, p + 7);
			if (v)
				P("optlen %u ", v);
			return 1;
		case 0x40:
			P("disconn-confirm %u>%u ", src, dst);
			v = gl2(nd, p + 5);
			P("%s ", tok2str(reasons, "reason-%u", v, buf, sizeof(buf)));
			return 1;
		default:
			P("reserved-ctltype? %x %u > %u", flags, src, dst);
			return 1;
		}
	default:
		P("reserved-type? %x %u > %u", flags, src, dst);
		return 1;
	}
}

void decnet_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	unsigned pktlen, fl, hops, src, dst;
	const uint8_t *rh, *nsp;
	uint32_t nsplen;
	char a[16], b[16];

	nd->proto = "decnet";
	if (len < 6) {
		P(" (length %u < 6)", len);
		goto invalid;
	}
	pktlen = gl2(nd, p);
	if (pktlen < 6) {
		P(" (pktlen %u < 6)", pktlen);
		goto invalid;
	}
	if (pktlen > len) {
		P(" (pktlen %u > %u)", pktlen, len);
		goto invalid;
	}
	len = pktlen;
	rh = p + 2;
	fl = g1(nd, rh);
	if (fl & 0x80) {
		/* padding: the low 7 bits count the bytes skipped */
		unsigned pad = fl & 0x7f;
		if (nd->o->vflag)
			P("[pad:%u] ", pad);
		if (len < pad + 2) {
			P(" (length %u < %u)", len, pad + 2);
			goto invalid;
		}
		gcheck(nd, rh, pad);
		p += pad;
		len -= pad;
		caplen -= pad;
		rh = p + 2;
		fl = g1(nd, rh);
	}
	if (fl & 0x40) {
		P("future-version-decnet");
		default_dump(nd, p, len < caplen ? len : caplen);
		return;
	}
	if (fl & 0x01) {
		if (!ctl_print(nd, rh, len, caplen))
			goto invalid;
		return;
	}
	switch (fl & 7) {
	case 6:		/* long header: Ethernet-style node ids */
		if (len < 21) {
			P(" (length %u < 21)", len);
			goto invalid;
		}
		gcheck(nd, rh, 21);
		dst = gl2(nd, rh + 7);
		src = gl2(nd, rh + 15);
		hops = g1(nd, rh + 18);
		nsp = rh + 21;
		nsplen = len - 21;
		break;
	case 2:		/* short header */
		dst = gl2(nd, rh + 1);
		src = gl2(nd, rh + 3);
		hops = (g1(nd, rh + 5) & 0x3f) + 1;
		nsp = rh + 6;
		nsplen = len - 6;
		break;
	default:
		P("unknown message flags under mask");
		default_dump(nd, p, len < caplen ? len : caplen);
		return;
	}
	P("%s > %s %u ", dn_str(src, a), dn_str(dst, b), pktlen);
	if (nd->o->vflag) {
		if (fl & 0x08)
			P("RQR ");
		if (fl & 0x10)
			P("RTS ");
		if (fl & 0x20)
			P("IE ");
		P("%u hops ", hops);
	}
	if (nsp_print(nd, nsp, nsplen))
		return;
invalid:
	P(" (invalid)");
}
