/*
 * Packet records, built in place in the writer's output buffer: pcapng
 * enhanced packet blocks with their direction, metadata comments, packet
 * id and pid/tid options, and classic pcap records.
 */
#include "output/writer_int.h"

#include <stdbool.h>
#include <string.h>

static uint8_t *put16(uint8_t *o, uint16_t v) { memcpy(o, &v, 2); return o + 2; }
static uint8_t *put32(uint8_t *o, uint32_t v) { memcpy(o, &v, 4); return o + 4; }

/* One option, padded to 32 bits. */
static uint8_t *put_opt(uint8_t *o, uint16_t code, const void *v, uint16_t len)
{
	o = put16(o, code);
	o = put16(o, len);
	memcpy(o, v, len);
	memset(o + len, 0, (4 - len % 4) % 4);
	return o + ((len + 3u) & ~3u);
}

/* The comment and pid/tid options of m, encoded once per pkt_meta
 * generation (the packets of one thread, or of a few taking turns). */
/* Appends one option, padded to 32 bits, to sb. */
static void sb_opt(struct strbuf *sb, uint16_t code, const void *v, size_t len)
{
	static const char zero[4];
	uint16_t h[2] = { code, (uint16_t)(len > MAX_OPT ? MAX_OPT : len) };

	sb_append(sb, (const char *)h, sizeof(h));
	sb_append(sb, v, h[1]);
	sb_append(sb, zero, (4 - h[1] % 4) % 4);
}

static const struct mopts *meta_opts(struct writer *w, const struct pkt_meta *m)
{
	struct mopts *c = &w->mc[m->gen % MOPTS_CACHE];
	unsigned have = m->have & w->meta_mask;
	int n, i;

	if (m->gen && m->gen == c->gen && w->meta_mask == c->mask)
		return c;
	n = meta_encode(m, w->meta_mask & ~(unsigned)META_PKTID, w->groups);
	sb_reset(&c->opts);
	for (i = 0; i < n; i++)
		sb_opt(&c->opts, 1, w->groups[i].buf, w->groups[i].len);	/* opt_comment */
	c->pidoff = c->opts.len;
	if ((have & META_PROC) && m->pid) {
		uint32_t v[2] = { m->pid, (have & META_THREAD) ? m->tid : 0 };

		sb_opt(&c->opts, 8, v, sizeof(v));	/* epb_processid_threadid */
	}
	c->gen = m->gen;
	c->mask = w->meta_mask;
	return c;
}

/*
 * An enhanced packet block, built in place in the output buffer: header,
 * data, epb_flags, the comments (opt_comment), epb_packetid, then
 * epb_processid_threadid.
 */
int write_epb(struct writer *w, int iface_id, const struct pkt *p, uint32_t caplen)
{
	const struct pkt_meta *m = p->meta;
	const struct mopts *c = m ? meta_opts(w, m) : NULL;
	unsigned have = m ? m->have & w->meta_mask : 0;
	bool flags = p->dir == PKT_DIR_IN || p->dir == PKT_DIR_OUT;
	size_t olen = 0, total;
	uint8_t *o, *start;

	olen = (flags ? 8 : 0) + (c ? c->opts.len : 0) +
	       ((have & META_PKTID) ? 12 : 0);
	if (olen)
		olen += 4;	/* opt_endofopt */
	total = 28 + ((caplen + 3u) & ~3u) + olen + 4;
	start = total > OBUF_SIZE ? bgrow(w, total) : block_room(w, total);
	if (!start)
		return -1;
	o = put32(start, BT_EPB);
	o = put32(o, (uint32_t)total);
	o = put32(o, (uint32_t)iface_id);
	o = put32(o, (uint32_t)(p->ts_ns >> 32));
	o = put32(o, (uint32_t)p->ts_ns);
	o = put32(o, caplen);
	o = put32(o, p->len < caplen ? caplen : p->len);
	memcpy(o, p->data, caplen);
	memset(o + caplen, 0, (4 - caplen % 4) % 4);
	o += (caplen + 3u) & ~3u;
	if (flags) {
		uint32_t v = p->dir == PKT_DIR_IN ? 1 : 2;

		o = put_opt(o, 2, &v, 4);			/* epb_flags */
	}
	if (c) {
		memcpy(o, c->opts.buf, c->pidoff);
		o += c->pidoff;
	}
	if (have & META_PKTID)
		o = put_opt(o, 5, &m->packet_id, 8);		/* epb_packetid */
	if (c) {
		memcpy(o, c->opts.buf + c->pidoff, c->opts.len - c->pidoff);
		o += c->opts.len - c->pidoff;
	}
	if (olen)
		o = put32(o, 0);
	put32(o, (uint32_t)total);
	if (start == w->b) {
		w->blen = total;
		return flush_block(w);
	}
	return block_commit(w, total);
}

int write_pcap_rec(struct writer *w, const struct pkt *p, uint32_t caplen)
{
	size_t total = 16 + (size_t)caplen;
	uint8_t *o, *start;

	start = total > OBUF_SIZE ? bgrow(w, total) : block_room(w, total);
	if (!start)
		return -1;
	o = put32(start, (uint32_t)(p->ts_ns / 1000000000ull));
	o = put32(o, (uint32_t)(p->ts_ns % 1000000000ull));
	o = put32(o, caplen);
	o = put32(o, p->len < caplen ? caplen : p->len);
	memcpy(o, p->data, caplen);
	if (start == w->b) {
		w->blen = total;
		return flush_block(w);
	}
	return block_commit(w, total);
}
