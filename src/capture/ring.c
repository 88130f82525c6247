/*
 * One BPF ring buffer for all CPUs delivers records in the order they were
 * reserved, which is time order but for CPUs racing within nanoseconds; a
 * batch is collected, sorted by timestamp only when it is out of order,
 * and handed on, so that one packet's hops (veth, bridge, uplink) print in
 * the order they happened.  Records of the last RING_HOLDBACK_NS wait for
 * the next round: another CPU may still be committing an earlier one, and
 * a packet's later hops are then seen together with its first.
 */
#include "ring.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <bpf/libbpf.h>

#define RING_HOLDBACK_NS 2000000ull
#define RING_COMPACT_AT (4u << 20)

struct rec {
	uint64_t ts;
	uint64_t seq;
	size_t off;		/* into arena */
	bool seen;		/* given to the batch hook already */
};

struct ring {
	struct ring_buffer *rb;
	int map_fd;
	ring_cb cb;
	void *arg;
	uint64_t lost;
	uint64_t seq;
	struct rec *recs;
	size_t nrec, crec;
	uint8_t *arena;
	size_t alen, acap;
	void (*pre)(void *arg);
	void *pre_arg;
	ring_cb batch;
	void *batch_arg;
	bool hold;		/* sort and hold back even without batch */
	/* without batch or hold, records go to cb straight from the ring:
	 * the state of one ring_consume() round */
	bool direct_pre_done;
	int delivered;
	bool cancelled;
};

void ring_set_batch_hook(struct ring *r, ring_cb fn, void *arg)
{
	r->batch = fn;
	r->batch_arg = arg;
}

void ring_set_holdback(struct ring *r)
{
	r->hold = true;
}

void ring_set_pre_deliver(struct ring *r, void (*fn)(void *arg), void *arg)
{
	r->pre = fn;
	r->pre_arg = arg;
}

/* Without a look-ahead (one interface: no packet is seen twice), a record
 * is handed on from the ring itself, in ring order, without a copy. */
static int deliver_direct(struct ring *r, const struct ptd_pkt_hdr *h)
{
	if (!r->direct_pre_done) {
		if (r->pre)
			r->pre(r->pre_arg);
		r->direct_pre_done = true;
	}
	r->delivered++;
	if (r->cb(r->arg, h, (const uint8_t *)(h + 1)) < 0) {
		r->cancelled = true;
		return -ECANCELED;	/* stops ring_buffer__consume() */
	}
	return 0;
}

static int on_sample(void *ctx, void *data, size_t size)
{
	struct ring *r = ctx;
	const struct ptd_pkt_hdr *h = data;
	size_t need;

	if (size < sizeof(*h) || h->caplen > size - sizeof(*h))
		return 0;
	if (!r->batch && !r->hold)
		return deliver_direct(r, h);
	need = sizeof(*h) + h->caplen;
	need = (need + 7) & ~(size_t)7;
	if (r->nrec == r->crec) {
		size_t n = r->crec ? r->crec * 2 : 1024;
		struct rec *nr = realloc(r->recs, n * sizeof(*nr));

		if (!nr) {
			r->lost++;
			return 0;
		}
		r->recs = nr;
		r->crec = n;
	}
	if (r->alen + need > r->acap) {
		size_t n = r->acap ? r->acap : 1 << 20;
		uint8_t *na;

		while (n < r->alen + need)
			n *= 2;
		na = realloc(r->arena, n);
		if (!na) {
			r->lost++;
			return 0;
		}
		r->arena = na;
		r->acap = n;
	}
	memcpy(r->arena + r->alen, data, sizeof(*h) + h->caplen);
	r->recs[r->nrec].ts = h->ts_boot_ns;
	r->recs[r->nrec].seq = r->seq++;
	r->recs[r->nrec].off = r->alen;
	r->recs[r->nrec].seen = false;
	r->nrec++;
	r->alen += need;
	return 0;
}

int ring_open(int map_fd, ring_cb cb, void *arg, struct ring **out)
{
	struct ring *r = calloc(1, sizeof(*r));
	int err;

	if (!r)
		return -ENOMEM;
	r->cb = cb;
	r->arg = arg;
	r->map_fd = map_fd;
	r->rb = ring_buffer__new(map_fd, on_sample, r, NULL);
	if (!r->rb) {
		err = -errno;
		free(r);
		return err ? err : -EINVAL;
	}
	*out = r;
	return 0;
}

int ring_fd(struct ring *r)
{
	return r->map_fd;
}

static int cmp_rec(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;

	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

static uint64_t boot_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_BOOTTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Keeps records [from, nrec) for the next round.  Their bytes stay where
 * they are; the arena is compacted only when it has grown large, so a
 * held record is copied rarely, not every round. */
static void keep_tail(struct ring *r, size_t from)
{
	size_t i, off = 0, n = r->nrec - from;
	uint8_t *tmp;

	memmove(r->recs, r->recs + from, n * sizeof(*r->recs));
	r->nrec = n;
	if (!n) {
		r->alen = 0;
		return;
	}
	if (r->alen < RING_COMPACT_AT)
		return;
	tmp = malloc(r->acap);
	if (!tmp)
		return;
	for (i = 0; i < n; i++) {
		struct rec *rc = &r->recs[i];
		const struct ptd_pkt_hdr *h = (const void *)(r->arena + rc->off);
		size_t len = (sizeof(*h) + h->caplen + 7) & ~(size_t)7;

		memcpy(tmp + off, h, len);
		rc->off = off;
		off += len;
	}
	free(r->arena);
	r->arena = tmp;
	r->alen = off;
}

static int consume(struct ring *r, bool flush)
{
	uint64_t limit = flush ? UINT64_MAX : boot_now() - RING_HOLDBACK_NS;
	size_t i, cut;
	int err, n = 0;

	r->direct_pre_done = false;
	r->delivered = 0;
	r->cancelled = false;
	err = ring_buffer__consume(r->rb);
	if (r->cancelled)
		return -ECANCELED;
	if (err < 0 && err != -EINTR)
		return err;
	if (!r->nrec)
		return r->delivered;
	for (i = 1; i < r->nrec && cmp_rec(&r->recs[i - 1], &r->recs[i]) <= 0; i++)
		;
	if (i < r->nrec)
		qsort(r->recs, r->nrec, sizeof(*r->recs), cmp_rec);
	if (r->pre)
		r->pre(r->pre_arg);
	/* the look-ahead sees every record once, held-back ones included */
	for (i = 0; r->batch && i < r->nrec; i++) {
		const struct ptd_pkt_hdr *h =
			(const void *)(r->arena + r->recs[i].off);

		if (r->recs[i].seen)
			continue;
		r->recs[i].seen = true;
		r->batch(r->batch_arg, h, (const uint8_t *)(h + 1));
	}
	for (cut = 0; cut < r->nrec && r->recs[cut].ts <= limit; cut++)
		;
	for (i = 0; i < cut; i++) {
		const struct ptd_pkt_hdr *h =
			(const void *)(r->arena + r->recs[i].off);

		n++;
		if (r->cb(r->arg, h, (const uint8_t *)(h + 1)) < 0) {
			n = -ECANCELED;
			cut = r->nrec;	/* stopping: drop the rest */
			break;
		}
	}
	keep_tail(r, cut);
	return n;
}

int ring_consume(struct ring *r)
{
	return consume(r, false);
}

int ring_flush(struct ring *r)
{
	return consume(r, true);
}

size_t ring_pending(const struct ring *r)
{
	return r->nrec;
}

uint64_t ring_lost(const struct ring *r)
{
	return r->lost;
}

void ring_close(struct ring *r)
{
	if (!r)
		return;
	ring_buffer__free(r->rb);
	free(r->recs);
	free(r->arena);
	free(r);
}
