/* MPLS LSP ping and traceroute (RFC 8029; UDP 3503), as tcpdump 4.99.3
 * prints it: the message type in one line, with -v the header, the
 * target FEC stack sub-TLVs, downstream mappings and the other TLVs,
 * with -vv a hex dump of each. */
#include "bgp-int.h"
#include "radius-int.h"

#define LSPPING_HDR 32

static const struct tok msg_types[] = {
	{ 1, "MPLS Echo Request" }, { 2, "MPLS Echo Reply" }, { 0, NULL }
};

static const struct tok reply_modes[] = {
	{ 1, "Do not reply" }, { 2, "Reply via an IPv4/IPv6 UDP packet" },
	{ 3, "Reply via an IPv4/IPv6 UDP packet with Router Alert" },
	{ 4, "Reply via application level control channel" }, { 0, NULL }
};

static const struct tok return_codes[] = {
	{ 0, "No return code or return code contained in the Error Code TLV" },
	{ 1, "Malformed echo request received" },
	{ 2, "One or more of the TLVs was not understood" },
	{ 3, "Replying router is an egress for the FEC at stack depth" },
	{ 4, "Replying router has no mapping for the FEC at stack depth" },
	{ 5, "Reserved" }, { 6, "Reserved" }, { 7, "Reserved" },
	{ 8, "Label switched at stack-depth" },
	{ 9, "Label switched but no MPLS forwarding at stack-depth" },
	{ 10, "Mapping for this FEC is not the given label at stack depth" },
	{ 11, "No label entry at stack-depth" },
	{ 12, "Protocol not associated with interface at FEC stack depth" },
	{ 13, "Premature termination of ping due to label stack shrinking to a single label" },
	{ 0, NULL }
};

enum { T_FEC = 1, T_DSMAP = 2, T_VENDOR = 5, T_BFD = 15 };

static const struct tok tlv_names[] = {
	{ T_FEC, "Target FEC Stack" }, { T_DSMAP, "Downstream Mapping" }, { 3, "Pad" },
	{ 9, "Error Code" }, { T_VENDOR, "Vendor Enterprise Code" },
	{ 7, "Interface Label Stack" }, { 10, "Reply TOS Byte" }, { T_BFD, "BFD Discriminator" },
	{ 0xfc00, "Vendor Private Code" }, { 0, NULL }
};

static const struct tok fec_names[] = {
	{ 1, "LDP IPv4 prefix" }, { 2, "LDP IPv6 prefix" }, { 3, "RSVP IPv4 Session Query" },
	{ 4, "RSVP IPv6 Session Query" }, { 5, "Reserved" }, { 6, "VPN IPv4 prefix" },
	{ 7, "VPN IPv6 prefix" }, { 8, "L2 VPN endpoint" }, { 9, "FEC 128 pseudowire (old)" },
	{ 10, "FEC 128 pseudowire" }, { 12, "BGP labeled IPv4 prefix" },
	{ 13, "BGP labeled IPv6 prefix" }, { 0, NULL }
};

static const struct tok ds_addr_types[] = {
	{ 1, "IPv4" }, { 2, "Unnumbered IPv4" }, { 3, "IPv6" }, { 4, "IPv6" }, { 0, NULL }
};

/* The value length each known target FEC sub-TLV must have. */
static unsigned fec_len(unsigned type)
{
	static const uint8_t lens[] = { 0, 5, 17, 20, 56, 0, 13, 25, 14, 10, 14, 0, 5, 17 };

	return type < sizeof(lens) ? lens[type] : 0;
}

/* One target FEC sub-TLV's value (n bytes at p, all captured); 1 when
 * it should be dumped. */
static int lspping_fec(struct nd *nd, unsigned type, const uint8_t *p, unsigned n)
{
	char a[46], b[46], rd[64];
	unsigned want = fec_len(type), t;

	if (!want)
		return 1;
	if (n != want) {
		P("\n\t      invalid subTLV length, should be %u", want);
		return 1;
	}
	switch (type) {
	case 1: case 12:
		P("\n\t      %s/%u", ip4_str(nd, p, a), g1(nd, p + 4));
		break;
	case 2: case 13:
		P("\n\t      %s/%u", ip6_str(nd, p, a), g1(nd, p + 16));
		break;
	case 3:
		P("\n\t      tunnel end-point %s, tunnel sender %s, lsp-id 0x%04x", ip4_str(nd, p, a),
		  ip4_str(nd, p + 12, b), g2(nd, p + 18));
		P("\n\t      tunnel-id 0x%04x, extended tunnel-id %s", g2(nd, p + 6), ip4_str(nd, p + 8, a));
		break;
	case 4:
		P("\n\t      tunnel end-point %s, tunnel sender %s, lsp-id 0x%04x", ip6_str(nd, p, a),
		  ip6_str(nd, p + 36, b), g2(nd, p + 54));
		P("\n\t      tunnel-id 0x%04x, extended tunnel-id %s", g2(nd, p + 18), ip6_str(nd, p + 20, a));
		break;
	case 6:
		P("\n\t      RD: %s, %s/%u", bgp_rd_str(nd, p, rd), ip4_str(nd, p + 8, a), g1(nd, p + 12));
		break;
	case 7:
		P("\n\t      RD: %s, %s/%u", bgp_rd_str(nd, p, rd), ip6_str(nd, p + 8, a), g1(nd, p + 24));
		break;
	case 8:
		t = g2(nd, p + 12);
		P("\n\t      RD: %s, Sender VE ID: %u, Receiver VE ID: %u", bgp_rd_str(nd, p, rd),
		  g2(nd, p + 8), g2(nd, p + 10));
		P("\n\t      Encapsulation Type: %s (%u)", tok_or(mpls_pw_types, t, "unknown"), t);
		break;
	case 9:
		t = g2(nd, p + 8);
		P("\n\t      Remote PE: %s\n\t      PW ID: 0x%08x, PW Type: %s (%u)", ip4_str(nd, p, a),
		  g4(nd, p + 4), tok_or(mpls_pw_types, t, "unknown"), t);
		break;
	case 10:
		t = g2(nd, p + 12);
		P("\n\t      Sender PE: %s, Remote PE: %s\n\t      PW ID: 0x%08x, PW Type: %s (%u)",
		  ip4_str(nd, p, a), ip4_str(nd, p + 4, b), g4(nd, p + 8),
		  tok_or(mpls_pw_types, t, "unknown"), t);
		break;
	}
	return 0;
}

/* A target FEC stack's sub-TLVs, n bytes at p: 0 when done, 1 when the
 * TLV should be dumped, -1 to end the packet. */
static int lspping_fec_stack(struct nd *nd, const uint8_t *p, unsigned n)
{
	unsigned type, len, pad;
	int dump;

	while (n != 0) {
		if (n < 4)
			goto short_tlv;
		type = g2(nd, p);
		len = g2(nd, p + 2);
		if (n < len + 4)
			goto short_tlv;
		gcheck(nd, p + 4, len);
		P("\n\t    %s subTLV (%u), length: %u", tok_or(fec_names, type, "Unknown"), type, len);
		dump = lspping_fec(nd, type, p + 4, len);
		if (nd->o->vflag > 1 || dump)
			unknown_data_print(nd, p + 4, "\n\t      ", (int)len);
		pad = len % 4 ? 4 - len % 4 : 0;
		if (pad && n < len + pad + 4) {
			P("\n\t\t TLV is too short");
			return -1;
		}
		/* tcpdump steps over the padded value only, not the header */
		p += len + pad;
		n -= len + pad + 4;
	}
	return 0;
short_tlv:
	P("\n\t      TLV is too short");
	return 1;
}

/* A downstream mapping TLV, n bytes at p (always dumped after). */
static void lspping_dsmap(struct nd *nd, const uint8_t *p, unsigned n)
{
	static const uint8_t need[] = { 0, 12, 12, 36, 24 };
	unsigned type;
	char a[46], b[46];

	if (n < 4)
		goto short_tlv;
	gcheck(nd, p, 4);
	type = p[2];
	P("\n\t    MTU: %u, Address-Type: %s (%u)", g2(nd, p), tok_or(ds_addr_types, type, "unknown"),
	  type);
	if (type >= 1 && type <= 4) {
		if (n < need[type])
			goto short_tlv;
		gcheck(nd, p, need[type]);
		if (type == 1)
			P("\n\t    Downstream IP: %s\n\t    Downstream Interface IP: %s",
			  ip4_str(nd, p + 4, a), ip4_str(nd, p + 8, b));
		else if (type == 2)
			P("\n\t    Downstream IP: %s\n\t    Downstream Interface Index: 0x%08x",
			  ip4_str(nd, p + 4, a), g4(nd, p + 8));
		else if (type == 3)
			P("\n\t    Downstream IP: %s\n\t    Downstream Interface IP: %s",
			  ip6_str(nd, p + 4, a), ip6_str(nd, p + 20, b));
		else
			P("\n\t    Downstream IP: %s\n\t    Downstream Interface Index: 0x%08x",
			  ip6_str(nd, p + 4, a), g4(nd, p + 20));
		p += need[type];
		n -= need[type];
	}
	/* the multipath header; the labels after it are only dumped */
	if (n < 4)
		goto short_tlv;
	gcheck(nd, p, 4);
	return;
short_tlv:
	P("\n\t      TLV is too short");
}

void lspping_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	unsigned tlen, type, tl, rc, sub, v;
	char b[32];
	int dump;

	nd->proto = "lspping";
	if (len < LSPPING_HDR)
		goto too_short;
	gcheck(nd, p, LSPPING_HDR);
	if (g2(nd, p) != 1) {
		P("LSP-PING version %u packet not supported", g2(nd, p));
		return;
	}
	if (!nd->o->vflag) {
		P("LSP-PINGv%u, %s, seq %u, length: %u", g2(nd, p),
		  tok2str(msg_types, "unknown (%u)", p[4], b, sizeof(b)), g4(nd, p + 12), len);
		return;
	}
	P("\n\tLSP-PINGv%u, msg-type: %s (%u), length: %u\n\t  reply-mode: %s (%u)", g2(nd, p),
	  tok_or(msg_types, p[4], "unknown"), p[4], len, tok_or(reply_modes, p[5], "unknown"), p[5]);
	rc = p[6];
	sub = p[7];
	P("\n\t  Return Code: %s", tok_or(return_codes, rc, "unknown"));
	if (rc == 3 || rc == 4 || rc == 8 || rc == 10 || rc == 11 || rc == 12)
		P(" %u", sub);
	P(" (%u)\n\t  Return Subcode: (%u)", rc, sub);
	P("\n\t  Sender Handle: 0x%08x, Sequence: %u", g4(nd, p + 8), g4(nd, p + 12));
	P("\n\t  Sender Timestamp: ");
	ntp_time_print(nd, p + 16);
	P(" Receiver Timestamp: ");
	if (g4(nd, p + 24) || g4(nd, p + 28))
		ntp_time_print(nd, p + 24);
	else
		P("no timestamp");
	p += LSPPING_HDR;
	tlen = len - LSPPING_HDR;
	while (tlen != 0) {
		if (tlen < 4)
			goto too_short;
		type = g2(nd, p);
		tl = g2(nd, p + 2);
		P("\n\t  %s TLV (%u), length: %u", tok_or(tlv_names, type, "Unknown"), type, tl);
		if (tl == 0) {
			p += 4;
			tlen -= 4;
			continue;
		}
		if (tlen < tl + 4)
			goto too_short;
		gcheck(nd, p + 4, tl);
		dump = 0;
		switch (type) {
		case T_FEC:
			dump = lspping_fec_stack(nd, p + 4, tl);
			if (dump < 0)
				return;
			break;
		case T_DSMAP:
			lspping_dsmap(nd, p + 4, tl);
			dump = 1;
			break;
		case T_BFD:
		case T_VENDOR:
			if (tl < 4) {
				P("\n\t      TLV is too short");
				dump = 1;
			} else if (type == T_BFD) {
				P("\n\t    BFD Discriminator 0x%08x", g4(nd, p + 4));
			} else {
				v = g4(nd, p + 4);
				P("\n\t    Vendor: %s (0x%04x)", tok_or(rad_vendors, v, "Unknown"), v);
			}
			break;
		default:
			if (nd->o->vflag <= 1)
				unknown_data_print(nd, p + 4, "\n\t    ", (int)tl);
			break;
		}
		if (nd->o->vflag > 1 || dump)
			unknown_data_print(nd, p + 4, "\n\t    ", (int)tl);
		if (tl % 4) {
			tl += 4 - tl % 4;
			if (tlen < tl + 4)
				goto too_short;
		}
		p += tl + 4;
		tlen -= tl + 4;
	}
	return;
too_short:
	P("\n\t\t packet is too short");
}
