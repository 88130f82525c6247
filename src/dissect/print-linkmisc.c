/* Small link types: IP over InfiniBand (242), Solaris IPNET (226), Linux
 * vsock monitoring (271), ARCNET (7, and Linux's 129) with the AppleTalk
 * DDP header ARCNET can carry, and Apple's PKTAP (258, 149). */
#include <inttypes.h>
#include <stdio.h>

#include <pcap/pcap.h>

#include "dissect-int.h"

/* ---- IPoIB: 40 bytes of addresses (not shown), a type, 2 reserved ---- */

static void ipoib_hdr(struct nd *nd, const uint8_t *p, uint32_t len)
{
	uint16_t et = g2(nd, p + 40);
	const char *n = ethertype_name(et);

	if (!nd->o->qflag)
		P(", ethertype %s (0x%04x)", n ? n : "Unknown", et);
	else
		P(", ethertype %s", n ? n : "Unknown");
	P(", length %u: ", len);
}

void ipoib_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	nd->proto = "ipoib";
	if (caplen < 44 || len < 44) {
		nd_trunc(nd);
		nd->ll_hdr_len += caplen < 44 ? caplen : len;
		return;
	}
	if (nd->o->eflag) {
		P("IPOIB");
		ipoib_hdr(nd, p, len);
	}
	nd->ll_hdr_len += 44;
	if (!ethertype_print(nd, g2(nd, p + 40), p + 44, len - 44, caplen - 44, NULL)) {
		if (!nd->o->eflag)
			ipoib_hdr(nd, p, len);
		default_print(nd, p + 44, caplen - 44);
	}
}

/* ---- IPNET: version, family, htype, pktlen, ifindex, grifindex, zones ---- */

static const struct tok ipnet_families[] = { { 2, "IPv4" }, { 26, "IPv6" }, { 0, NULL } };

static void ipnet_hdr(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char b[40];
	unsigned fam = g1(nd, p + 1);

	P("%u > %u", g4(nd, p + 16), g4(nd, p + 20));
	if (!nd->o->qflag)
		P(", family %s (%u)", tok_or(ipnet_families, fam, "Unknown"), fam);
	else
		P(", %s", tok2str(ipnet_families, "Unknown Ethertype (0x%04x)", fam, b, sizeof(b)));
	P(", length %u: ", len);
}

void ipnet_print(struct nd *nd, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	nd->proto = "ipnet";
	gcheck(nd, p, 24);
	nd->ll_hdr_len += 24;
	if (nd->o->eflag)
		ipnet_hdr(nd, p, len);
	switch (p[1]) {
	case 2:
		ip_print(nd, p + 24, len - 24);
		break;
	case 26:
		ip6_print(nd, p + 24, len - 24);
		break;
	default:
		if (!nd->o->eflag)
			ipnet_hdr(nd, p, len);
		default_print(nd, p + 24, caplen - 24);
		break;
	}
}

/* ---- vsock monitoring: a 32-byte little-endian header, then the
 * transport's (virtio: 44 bytes) ---- */

static const struct tok vsock_transports[] = {
	{ 0, "UNKNOWN" }, { 1, "NO_INFO" }, { 2, "VIRTIO" }, { 0, NULL }
};
static const struct tok vsock_ops[] = {
	{ 0, "UNKNOWN" }, { 1, "CONNECT" }, { 2, "DISCONNECT" }, { 3, "CONTROL" },
	{ 4, "PAYLOAD" }, { 0, NULL }
};
static const struct tok virtio_types[] = { { 1, "STREAM" }, { 0, NULL } };
static const struct tok virtio_ops[] = {
	{ 0, "INVALID" }, { 1, "REQUEST" }, { 2, "RESPONSE" }, { 3, "RST" }, { 4, "SHUTDOWN" },
	{ 5, "RW" }, { 6, "CREDIT UPDATE" }, { 7, "CREDIT REQUEST" }, { 0, NULL }
};

static void virtio_hdr(struct nd *nd, const uint8_t *h)
{
	char b[40];

	P("len %u", gl4(nd, h + 24));
	P(", type %s", tok2str(virtio_types, "Invalid type (%hu)", gl2(nd, h + 28), b, sizeof(b)));
	P(", op %s", tok2str(virtio_ops, "Invalid op (%hu)", gl2(nd, h + 30), b, sizeof(b)));
	P(", flags %x", gl4(nd, h + 32));
	P(", buf_alloc %u", gl4(nd, h + 36));
	P(", fwd_cnt %u", gl4(nd, h + 40));
}

void vsock_print(struct nd *nd, const uint8_t *p, uint32_t caplen)
{
	char b[40];
	unsigned tr, op;
	uint32_t hlen;
	int cut = 0;

	nd->proto = "vsock";
	if (caplen < 32) {
		nd_trunc(nd);
		nd->ll_hdr_len += caplen;
		return;
	}
	nd->ll_hdr_len += 32;
	tr = gl2(nd, p + 26);
	hlen = 32 + (tr == 2 ? 44 : 0);
	P("%s", tok2str(vsock_transports, "Invalid transport (%u)", tr, b, sizeof(b)));
	if (nd->o->vflag) {
		if (caplen < hlen) {
			cut = 1;
		} else {
			if (tr == 2) {
				P(" (");
				virtio_hdr(nd, p + 32);
				P(")");
			}
			P("\n\t");
		}
	} else {
		P(" ");
	}
	op = gl2(nd, p + 24);
	P("%" PRIu64 ".%u > %" PRIu64 ".%u ", gl8(nd, p), gl4(nd, p + 16), gl8(nd, p + 8),
	  gl4(nd, p + 20));
	P("%s, length %u", tok2str(vsock_ops, " invalid op (%u)", op, b, sizeof(b)), caplen);
	if (cut) {
		nd_trunc(nd);
		return;
	}
	if (nd->o->vflag > 1 && op == 4) {
		if (caplen <= hlen) {
			nd_trunc(nd);
			return;
		}
		P("\n");
		unknown_data_print(nd, p + hlen, "\t", (int)(caplen - hlen));
	}
}

/* ---- AppleTalk: the DDP header (the protocols in it are not decoded) ---- */

static const struct tok ddp_types[] = {
	{ 1, "rtmp" }, { 5, "rtmpReq" }, { 4, "echo" }, { 22, "IP" }, { 23, "ARP" },
	{ 0x4b, "KLAP" }, { 0, NULL }
};

static void at_addr(struct nd *nd, unsigned net, unsigned node, unsigned skt)
{
	if (node != 255)
		P("%u.%u.%u", net, node, skt);
	else
		P("%u.%u", net, skt);
}

void atalk_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	char b[16];

	nd->proto = "atalk";
	if (!nd->o->eflag)
		P("AT ");
	if (len < 13) {
		P(" [|ddp %u]", len);
		return;
	}
	if (!nd_ok(nd, p, 13)) {
		P(" [|ddp]");
		return;
	}
	at_addr(nd, g2(nd, p + 6), p[9], p[11]);
	P(" > ");
	at_addr(nd, g2(nd, p + 4), p[8], p[10]);
	P(":  at-%s %u", tok2str(ddp_types, "#%d", p[12], b, sizeof(b)), len - 13);
}

/* ---- ARCNET ---- */

static const struct tok arc_types[] = {
	{ 240, "oldip" }, { 241, "oldarp" }, { 212, "ip" }, { 213, "arp" }, { 214, "rarp" },
	{ 221, "atalk" }, { 247, "banyan" }, { 250, "ipx" }, { 0xc4, "ipv6" },
	{ 0x80, "diag" }, { 0, NULL }
};

/* RFC 1051's types and the diagnostics have the short header. */
static int arc_short(unsigned t)
{
	return t == 240 || t == 241 || t == 0x80;
}

/* -e: source, destination, type (the byte at 2, also in Linux's header,
 * as tcpdump reads it), fragmentation when phds */
static void arc_hdr(struct nd *nd, const uint8_t *p, uint32_t len, int phds, unsigned flag,
		    unsigned seqid)
{
	char b[8];
	const char *tn;

	nd->proto = "arcnet";
	if (nd->o->qflag) {
		P("%02x %02x %u: ", g1(nd, p), g1(nd, p + 1), len);
		return;
	}
	tn = tok2str(arc_types, "%02x", g1(nd, p + 2), b, sizeof(b));
	P("%02x %02x %s ", p[0], p[1], tn);
	if (phds) {
		P("seqid %04x ", seqid);
		if (flag & 1)
			P("(first of %u fragments) ", (flag + 3) / 2);
		else if (flag)
			P("(fragment %u) ", flag / 2 + 1);
	}
	P("%u: ", len);
}

static int arc_payload(struct nd *nd, unsigned t, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	switch (t) {
	case 240: case 212:
		ip_print(nd, p, len);
		return 1;
	case 0xc4:
		ip6_print(nd, p, len);
		return 1;
	case 241: case 213: case 214:
		arp_print(nd, p, len, caplen);
		return 1;
	case 221:
		if (nd->o->vflag)
			P("et1 ");
		atalk_print(nd, p, len);
		return 1;
	case 250:
		ipx_print(nd, p);
		return 1;
	default:
		return 0;
	}
}

void arcnet_print(struct nd *nd, int dlt, const uint8_t *p, uint32_t len, uint32_t caplen)
{
	unsigned t, flag = 0, seqid = 0, hl;
	int phds = 0;

	if (dlt == DLT_ARCNET_LINUX_) {
		nd->proto = "arcnet_linux";
		gcheck(nd, p, 5);
		t = p[4];
		hl = arc_short(t) ? 5 : 8;
		gcheck(nd, p, hl);
		if (nd->o->eflag)
			arc_hdr(nd, p, len, 0, 0, 0);
	} else {
		nd->proto = "arcnet";
		gcheck(nd, p, 3);
		t = p[2];
		hl = 3;
		if (!arc_short(t)) {
			phds = 1;
			if (caplen < 6) {
				arc_hdr(nd, p, len, 0, 0, 0);
				P(" phds");
				nd_trunc_jmp(nd);
			}
			flag = p[3];
			if (flag == 0xff) {
				if (caplen < 10) {
					arc_hdr(nd, p, len, 0, 0, 0);
					P(" phds extended");
					nd_trunc_jmp(nd);
				}
				flag = p[7];
				seqid = (unsigned)(p[8] << 8 | p[9]);
				hl = 10;
			} else {
				seqid = (unsigned)(p[4] << 8 | p[5]);
				hl = 6;
			}
		}
		if (nd->o->eflag)
			arc_hdr(nd, p, len, phds, flag, seqid);
	}
	nd->ll_hdr_len += hl;
	if (phds && flag && !(flag & 1))
		return;		/* a middle fragment */
	/* dumped even with -q, -x or -X, as by tcpdump */
	if (!arc_payload(nd, t, p + hl, len - hl, caplen - hl))
		hexdump_ascii(nd, "\n\t", p + hl, caplen - hl, 0);
}

static void pktap_head(struct nd *nd, const char *name, uint32_t dlt, uint32_t hdrlen,
		       uint32_t length)
{
	if (!nd->o->qflag)
		P("DLT %s (%u) len %u", name ? name : "UNKNOWN", dlt, hdrlen);
	else
		P("%s", name ? name : "UNKNOWN");
	P(", length %u: ", length);
}

/* Apple's PKTAP (link type 258, and 149 as macOS writes it): a header
 * naming the interface, the process and the packet's own link type, then
 * the packet, printed by that link type's printer. */
void pktap_print(struct nd *nd, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	uint32_t dlt, hdrlen, rectype;
	const char *name;

	nd->proto = "pktap";
	if (length < 108) {
		P(" (packet too short, %u < 108) (invalid)", length);
		return;
	}
	dlt = gl4(nd, p + 8);
	hdrlen = gl4(nd, p);
	if (hdrlen < 108) {
		P(" (pkt_len too small, %u < 108) (invalid)", hdrlen);
		return;
	}
	if (hdrlen > length) {
		P(" (pkt_len too big, %u > %u) (invalid)", hdrlen, length);
		return;
	}
	gcheck(nd, p, hdrlen);
	name = pcap_datalink_val_to_name((int)dlt);
	if (nd->o->eflag)
		pktap_head(nd, name, dlt, hdrlen, length);
	rectype = gl4(nd, p + 4);
	if (rectype == 0) {
		P("no data");
	} else if (rectype == 1) {
		if (link_print(nd, (int)dlt, p + hdrlen, length - hdrlen, caplen - hdrlen)) {
			/* tcpdump counts the inner link header twice */
			hdrlen += nd->ll_hdr_len;
		} else {
			if (!nd->o->eflag)
				pktap_head(nd, name, dlt, hdrlen, length);
			default_print(nd, p + hdrlen, caplen - hdrlen);
		}
	}
	nd->ll_hdr_len += hdrlen;
}
