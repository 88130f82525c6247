/* Small UDP protocols, as tcpdump prints them: TFTP (69), RIPv1/v2 (520),
 * RIPng (521), Cisco HSRP (to 1985) and VXLAN-GPE (4790) with the
 * protocol it carries. */
#include "dissect-int.h"

/* ------------------------------------------------------------------ TFTP */

/* A NUL-terminated string of at most n bytes, as far as it was captured:
 * the bytes used including the NUL, 0 when it ends (or the capture does)
 * before a NUL (tcpdump's nd_printztn). */
static uint32_t zstr_print(struct nd *nd, const uint8_t *s, uint32_t n)
{
	uint32_t used = 0;

	while (n > 0 && nd_ok(nd, s, 1)) {
		uint8_t c = *s++;

		used++;
		n--;
		if (c == 0)
			return used;
		char_print(nd, c);
	}
	return 0;
}

static const struct tok tftp_ops[] = {
	{ 1, "RRQ" }, { 2, "WRQ" }, { 3, "DATA" }, { 4, "ACK" },
	{ 5, "ERROR" }, { 6, "OACK" }, { 0, NULL }
};

static const struct tok tftp_errs[] = {
	{ 0, "EUNDEF" }, { 1, "ENOTFOUND" }, { 2, "EACCESS" }, { 3, "ENOSPACE" },
	{ 4, "EBADOP" }, { 5, "EBADID" }, { 6, "EEXISTS" }, { 7, "ENOUSER" },
	{ 0, NULL }
};

/* Strings up to the end of the message, a space before each non-empty one
 * (the request options and the OACK); 0 when one is cut short. */
static int tftp_opts(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint32_t n;

	while (len != 0) {
		if (g1(nd, p) != 0)
			P(" ");
		n = zstr_print(nd, p, len);
		if (n == 0)
			return 0;
		p += n;
		len -= n;
	}
	return 1;
}

void tftp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char b[32];
	unsigned op;
	uint32_t n;

	nd->proto = "tftp";
	P("TFTP, length %u", len);
	if (len < 2)
		goto trunc;
	op = g2(nd, p);
	if (!tok_or(tftp_ops, op, NULL)) {
		P(", tftp-#%u", op);
		return;
	}
	P(", %s", tok_or(tftp_ops, op, ""));
	p += 2;
	len -= 2;
	switch (op) {
	case 1:
	case 2:
		if (len == 0)
			goto trunc;
		P(" \"");
		n = zstr_print(nd, p, len);
		P("\"");
		if (n == 0)
			goto trunc;
		p += n;
		len -= n;
		if (len == 0)
			goto trunc;	/* no transfer mode */
		P(" ");
		n = zstr_print(nd, p, len);
		if (n == 0)
			goto trunc;
		if (!tftp_opts(nd, p + n, len - n))
			goto trunc;
		return;
	case 6:
		if (!tftp_opts(nd, p, len))
			goto trunc;
		return;
	case 3:
	case 4:
		if (len < 2)
			goto trunc;
		P(" block %u", g2(nd, p));
		return;
	default:	/* 5, ERROR */
		if (len < 2)
			goto trunc;
		/* (the quote in the unknown-code form is tcpdump's) */
		P(" %s", tok2str(tftp_errs, "tftp-err-#%u \"", g2(nd, p), b, sizeof(b)));
		p += 2;
		len -= 2;
		if (len == 0)
			goto trunc;
		P(" \"");
		n = zstr_print(nd, p, len);
		P("\"");
		if (n == 0)
			goto trunc;
		return;
	}
trunc:
	nd_trunc(nd);
}

/* ------------------------------------------------------------------- RIP */

#define RIP_ROUTELEN 20

static const struct tok rip_cmds[] = {
	{ 1, "Request" }, { 2, "Response" }, { 3, "Trace on" }, { 4, "Trace off" },
	{ 5, "Poll" }, { 6, "Poll Entry" }, { 0, NULL }
};


/* The prefix length of a contiguous netmask, -1 for any other. */
static int mask_plen(uint32_t m)
{
	int n;

	for (n = 0; n < 32 && (m & 0x80000000u); n++)
		m <<= 1;
	return m ? -1 : n;
}

/* One RFC 1058 entry: its size, 0 when it is cut short. */
static unsigned rip1_entry(struct nd *nd, const uint8_t *p, unsigned left)
{
	char b[32];
	uint16_t af;

	if (left < RIP_ROUTELEN)
		return 0;
	af = g2(nd, p);
	if (af != 2 && af != 0) {
		P("\n\t AFI %s, ", tok2str(bsd_af_names, "Unknown (%u)", af, b, sizeof(b)));
		unknown_data_print(nd, p + 4, "\n\t  ", RIP_ROUTELEN - 4);
		return RIP_ROUTELEN;
	}
	if (g2(nd, p + 2) || g4(nd, p + 8) || g4(nd, p + 12)) {
		/* must-be-zero fields that are not */
		unknown_data_print(nd, p, "\n\t  ", RIP_ROUTELEN);
		return RIP_ROUTELEN;
	}
	P("\n\t  %s%s, metric: %u", af == 0 ? "AFI 0, " : "", ip4_str(nd, p + 4, b),
	  g4(nd, p + 16));
	return RIP_ROUTELEN;
}

/* One RFC 2453 entry, or an authentication one (RFC 4822): its size, 0
 * when it is cut short. */
static unsigned rip2_entry(struct nd *nd, const uint8_t *p, unsigned left)
{
	char b[32], d[16];
	uint16_t af, tag;
	uint32_t hop;

	if (left < 4)
		return 0;
	af = g2(nd, p);
	tag = g2(nd, p + 2);
	if (af == 0xffff) {
		p += 4;
		left -= 4;
		switch (tag) {
		case 2:
			P("\n\t  Simple Text Authentication data: ");
			chars_print_z(nd, p, 16);
			break;
		case 3:
			if (!nd_ok(nd, p, 16) || left < 16)
				return 0;
			P("\n\t  Auth header: Packet Len %u,", g2(nd, p));
			P(" Key-ID %u,", p[2]);
			P(" Auth Data Len %u,", p[3]);
			P(" SeqNo %u,", g4(nd, p + 4));
			P(" MBZ %u,", g4(nd, p + 8));
			P(" MBZ %u", g4(nd, p + 12));
			break;
		default:
			/* a trailer or an unknown kind: all the rest */
			if (tag == 1)
				P("\n\t  Auth trailer:");
			else
				P("\n\t  Unknown (%u) Authentication data:", tag);
			unknown_data_print(nd, p, "\n\t  ", (int)left);
			return 4 + left;
		}
	} else if (af != 2 && af != 0) {
		P("\n\t  AFI %s", tok2str(bsd_af_names, "Unknown (%u)", af, b, sizeof(b)));
		unknown_data_print(nd, p + 4, "\n\t  ", RIP_ROUTELEN - 4);
	} else {
		if (!nd_ok(nd, p, RIP_ROUTELEN) || left < RIP_ROUTELEN)
			return 0;
		P("\n\t  AFI %s, %15s/%-2d, tag 0x%04x, metric: %u, next-hop: ",
		  tok2str(bsd_af_names, "%u", af, b, sizeof(b)), ip4_str(nd, p + 4, d),
		  mask_plen(g4(nd, p + 8)), tag, g4(nd, p + 16));
		hop = g4(nd, p + 12);
		if (hop)
			P("%s", ip4_str(nd, p + 12, d));
		else
			P("self");
	}
	return RIP_ROUTELEN;
}

void rip_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	char b[32];
	unsigned vers, cmd, n;
	uint32_t len;
	const uint8_t *e;

	nd->proto = "rip";
	len = (uint32_t)nd_avail(nd, p);
	if (len > length)
		len = length;
	if (len < 4) {
		nd_trunc(nd);
		return;
	}
	len -= 4;
	vers = p[1];
	P("%sRIPv%u", nd->o->vflag ? "\n\t" : "", vers);
	if (vers == 0) {
		unknown_data_print(nd, p, "\n\t", (int)length);
		return;
	}
	cmd = p[0];
	P(", %s, length: %u", tok2str(rip_cmds, "unknown command (%u)", cmd, b, sizeof(b)),
	  length);
	if (!nd->o->vflag)
		return;
	switch (cmd) {
	case 1:
	case 2:
		if (vers > 2) {
			P(", unknown version");
			break;
		}
		P(", routes: %u%s", length / RIP_ROUTELEN, vers == 2 ? " or less" : "");
		for (e = p + 4; len != 0; e += n, len -= n) {
			n = vers == 1 ? rip1_entry(nd, e, len) : rip2_entry(nd, e, len);
			if (n == 0) {
				nd_trunc(nd);
				break;
			}
			if (len < n) {
				P(" [remaining entries length %u < %u] (invalid)", len, n);
				break;
			}
		}
		break;
	case 4:
	case 5:
	case 6:
		break;
	default:	/* trace on and unknown commands: the whole message */
		if (nd->o->vflag == 1)
			unknown_data_print(nd, p, "\n\t", (int)length);
		break;
	}
	if (nd->o->vflag > 1)
		unknown_data_print(nd, p, "\n\t", (int)length);
}

/* ----------------------------------------------------------------- RIPng */

static void ripng_entry(struct nd *nd, const uint8_t *p, int metric)
{
	char b[46];
	unsigned v;

	P("%s", nd->o->vflag > 1 ? "\n\t" : " ");
	P("%s/%u", ip6_str(nd, p, b), g1(nd, p + 18));
	v = g2(nd, p + 16);
	if (v)
		P(" [%u]", v);
	v = g1(nd, p + 19);
	if (v && metric)
		P(" (%u)", v);
}

void ripng_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned vers, cmd, n, i;
	uint32_t left;
	const char *what;

	nd->proto = "ripng";
	vers = g1(nd, p + 1);
	if (vers != 1) {
		P(" [vers %u]", vers);
		goto invalid;
	}
	cmd = g1(nd, p);
	if (cmd != 1 && cmd != 2) {
		P(" ripng-%u ?? %u", cmd, len);
		goto invalid;
	}
	if (len < 4)
		goto invalid;
	left = len - 4;
	n = left / 20;
	what = cmd == 1 ? "req" : "resp";
	if (cmd == 1 && n == 1 && g1(nd, p + 23) == 16) {
		/* a request for the whole table: one entry, ::/0 metric 16 */
		for (i = 0; i < 16 && p[4 + i] == 0; i++)
			;
		if (i == 16) {
			P(" ripng-req dump");
			return;
		}
	}
	if (n * 20 != left)
		P(" ripng-%s %u[%u]:", what, n, len);
	else
		P(" ripng-%s %u:", what, n);
	for (p += 4; left >= 20; left -= 20, p += 20)
		ripng_entry(nd, p, cmd == 2);
	if (left == 0)
		return;
invalid:
	P(" (invalid)");
}

/* ------------------------------------------------------------------ HSRP */

static const struct tok hsrp_ops[] = {
	{ 0, "hello" }, { 1, "coup" }, { 2, "resign" }, { 0, NULL }
};

static const struct tok hsrp_states[] = {
	{ 0, "initial" }, { 1, "learn" }, { 2, "listen" }, { 4, "speak" },
	{ 8, "standby" }, { 16, "active" }, { 0, NULL }
};

void hsrp_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char b[32];
	unsigned v;

	nd->proto = "hsrp";
	v = g1(nd, p);
	P("HSRPv%u", v);
	if (v != 0)
		return;
	P("-");
	P("%s ", tok2str(hsrp_ops, "unknown (%u)", g1(nd, p + 1), b, sizeof(b)));
	P("%u: ", len);
	P("state=%s ", tok2str(hsrp_states, "Unknown (%u)", g1(nd, p + 2), b, sizeof(b)));
	P("group=%u ", g1(nd, p + 6));
	v = g1(nd, p + 7);
	if (v)
		P("[reserved=%u!] ", v);
	P("addr=%s", ip4_str(nd, p + 16, b));
	if (!nd->o->vflag)
		return;
	P(" hellotime=");
	relts_print(nd, g1(nd, p + 3));
	P(" holdtime=");
	relts_print(nd, g1(nd, p + 4));
	P(" priority=%u", g1(nd, p + 5));
	P(" auth=\"");
	chars_print_z(nd, p + 8, 8);
	P("\"");
}

/* ------------------------------------------------------------- VXLAN-GPE */

static const struct tok gpe_flags[] = {
	{ 0x08, "I" }, { 0x04, "P" }, { 0x02, "B" }, { 0x01, "O" }, { 0, NULL }
};

void vxlan_gpe_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned flags, next;
	uint32_t vni;

	nd->proto = "vxlan_gpe";
	P("VXLAN-GPE, ");
	if (len < 8) {
		P(" (len %u < 8) (invalid)", len);
		return;
	}
	flags = g1(nd, p);
	P("flags [");
	bits_print(nd, gpe_flags, "none", flags, "");
	P("], ");
	next = g1(nd, p + 3);
	vni = g3(nd, p + 4);
	gcheck(nd, p + 7, 1);
	P("vni %u", vni);
	P("%s", nd->o->vflag ? "\n    " : ": ");
	p += 8;
	len -= 8;
	if (!gpe_next_print(nd, next, p, len))
		P("ERROR: unknown-next-protocol (invalid)");
}

/* Broadcom's lawful-intercept shim (UDP from port 49152): a 4-byte
 * header, then with -v the copied packet. */
void bcm_li_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	static const struct tok dirs[] = {
		{ 1, "unused" }, { 2, "egress" }, { 3, "ingress" }, { 0, NULL }
	};
	static const struct tok types[] = {
		{ 4, "undecided" }, { 5, "ipv4" }, { 6, "ipv6" }, { 7, "ethernet" }, { 0, NULL }
	};
	static const struct tok subtypes[] = {
		{ 1, "single VLAN tag" }, { 2, "double VLAN tag" }, { 3, "untagged" }, { 0, NULL }
	};
	const char *nl = nd->o->vflag ? "\n    " : "";
	uint32_t shim;
	unsigned type;

	nd->proto = "bcm_li";
	if (len < 4) {
		P(" (length %u < 4) (invalid)", len);
		return;
	}
	shim = g4(nd, bp);
	type = shim >> 25 & 0xf;
	P("%sBCM-LI-SHIM: direction %s, pkt-type %s, pkt-subtype %s, li-id %u%s", nl,
	  tok_or(dirs, shim >> 29 & 7, "unknown"), tok_or(types, type, "unknown"),
	  tok_or(subtypes, shim >> 22 & 7, "unknown"), shim & 0x3fffff, nl);
	bp += 4;
	len -= 4;
	if (!nd->o->vflag) {
		gcheck(nd, bp, len);
		return;
	}
	if (type == 4)
		type = g1(nd, bp) >> 4 == 4 ? 5 : g1(nd, bp) >> 4 == 6 ? 6 : 4;
	switch (type) {
	case 7:
		ether_print(nd, bp, len, (uint32_t)nd_avail(nd, bp));
		break;
	case 5:
		ip_print(nd, bp, len);
		break;
	case 6:
		ip6_print(nd, bp, len);
		break;
	case 4:	/* undecided, and not IP */
		P("unknown payload");
		break;
	default:
		P(" (invalid)");
	}
}
