/* TIPC (Transparent Inter-Process Communication, ethertype 0x88ca): the
 * message header's summary line and, with -v, its second line, as
 * tcpdump 4.99 prints them (field reads end the packet: " [|tipc]"). */
#include "dissect-int.h"

static const struct tok tipc_users[] = {
	{ 0, "Low Importance Data payload" },
	{ 1, "Medium Importance Data payload" },
	{ 2, "High Importance Data payload" },
	{ 3, "Critical Importance Data payload" },
	{ 5, "Broadcast Link Protocol internal" },
	{ 6, "Message Bundler Protocol internal" },
	{ 7, "Link State Protocol internal" },
	{ 8, "Connection Manager internal" },
	{ 10, "Link Changeover Protocol internal" },
	{ 11, "Name Table Update Protocol internal" },
	{ 12, "Message Fragmentation Protocol internal" },
	{ 13, "Neighbor Detection Protocol internal" },
	{ 0, NULL }
};

/* tcpdump's table, with its names for types 1 and 3 swapped */
static const struct tok tipc_mtypes[] = {
	{ 0, "CONN_MSG" }, { 1, "MCAST_MSG" }, { 2, "NAMED_MSG" }, { 3, "DIRECT_MSG" },
	{ 0, NULL }
};

static const struct tok tipc_linkconf_mtypes[] = {
	{ 0, "Link request" }, { 1, "Link response" }, { 0, NULL }
};

/* Zone.cluster.node of a 32-bit TIPC address. */
#define ZCN(a) (a) >> 24, (a) >> 12 & 0xfff, (a) & 0xfff

/* The words common to every header: version, header and message size,
 * user name, and word 1. */
struct tipc_hdr {
	uint32_t w0, w1;
	unsigned ver, hsize, msize;
	const char *user;
};

static void data_msg(struct nd *nd, const uint8_t *p, const struct tipc_hdr *h)
{
	uint32_t prev = g4(nd, p + 12), oport = g4(nd, p + 16), dport = g4(nd, p + 20);
	const char *mt = tok_or(tipc_mtypes, h->w1 >> 29, "Unknown");

	if (h->hsize <= 6) {
		P("TIPC v%u.0 %u.%u.%u:%u > %u, headerlength %u bytes, MessageSize %u bytes, "
		  "%s, messageType %s", h->ver, ZCN(prev), oport, dport, h->hsize * 4, h->msize,
		  h->user, mt);
		return;
	}
	uint32_t onode = g4(nd, p + 24), dnode = g4(nd, p + 28);
	P("TIPC v%u.0 %u.%u.%u:%u > %u.%u.%u:%u, headerlength %u bytes, MessageSize %u bytes, "
	  "%s, messageType %s", h->ver, ZCN(onode), oport, ZCN(dnode), dport, h->hsize * 4,
	  h->msize, h->user, mt);
	if (nd->o->vflag) {
		uint32_t w2 = g4(nd, p + 8);
		P("\n\tPrevious Node %u.%u.%u, Broadcast Ack %u, Link Ack %u, Link Sequence %u",
		  ZCN(prev), h->w1 & 0xffff, w2 >> 16, w2 & 0xffff);
	}
}

static void internal_msg(struct nd *nd, const uint8_t *p, const struct tipc_hdr *h)
{
	uint32_t onode = g4(nd, p + 24), dnode = g4(nd, p + 28);

	P("TIPC v%u.0 %u.%u.%u > %u.%u.%u, headerlength %u bytes, MessageSize %u bytes, "
	  "%s, messageType %s (0x%08x)", h->ver, ZCN(onode), ZCN(dnode), h->hsize * 4, h->msize,
	  h->user, tok_or(tipc_mtypes, h->w1 >> 29, "Unknown"), h->w1);
	if (nd->o->vflag) {
		uint32_t w2 = g4(nd, p + 8), prev = g4(nd, p + 12), w4 = g4(nd, p + 16);
		uint32_t w5 = g4(nd, p + 20), tseq = g4(nd, p + 32), w9 = g4(nd, p + 36);
		P("\n\tPrevious Node %u.%u.%u, Session No. %u, Broadcast Ack %u, Sequence Gap %u,  "
		  "Broadcast Gap After %u, Broadcast Gap To %u, Last Sent Packet No. %u, "
		  "Next sent Packet No. %u, Transport Sequence %u, msg_count %u, Link Tolerance %u",
		  ZCN(prev), w5 >> 16, h->w1 & 0xffff, h->w1 >> 16 & 0x1fff, w2 >> 16, w2 & 0xffff,
		  w4 >> 16, w4 & 0xffff, tseq, w9 >> 16, w9 & 0xffff);
	}
}

static void link_conf_msg(struct nd *nd, const uint8_t *p, const struct tipc_hdr *h)
{
	uint32_t ddom = g4(nd, p + 8), prev = g4(nd, p + 12);

	P("TIPC v%u.0 %u.%u.%u > %u.%u.%u, headerlength %u bytes, MessageSize %u bytes, "
	  "%s, messageType %s", h->ver, ZCN(prev), ZCN(ddom), h->hsize * 4, h->msize, h->user,
	  tok_or(tipc_linkconf_mtypes, h->w1 >> 29, "Unknown"));
	if (nd->o->vflag) {
		uint32_t net = g4(nd, p + 16), w5 = g4(nd, p + 20);
		P("\n\tNodeSignature %u, network_id %u, media_id %u", h->w1 & 0xffff, net,
		  w5 & 0xff);
	}
}

void tipc_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	struct tipc_hdr h;
	unsigned user;

	(void)len;
	nd->proto = "tipc";
	h.w0 = g4(nd, p);
	user = h.w0 >> 25 & 0xf;
	if (user > 13 || user == 4 || user == 9)
		return;
	h.w1 = g4(nd, p + 4);
	h.ver = h.w0 >> 29;
	h.hsize = h.w0 >> 21 & 0xf;
	h.msize = h.w0 & 0x1ffff;
	h.user = tok_or(tipc_users, user, "unknown");
	switch (user) {
	case 13:
		link_conf_msg(nd, p, &h);
		break;
	case 5: case 6: case 7: case 10: case 12:
		internal_msg(nd, p, &h);
		break;
	default:
		data_msg(nd, p, &h);
		break;
	}
}
