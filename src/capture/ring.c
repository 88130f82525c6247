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
#include <unistd.h>
#include <linux/bpf.h>
#include <sys/mman.h>
#include <bpf/bpf.h>

#define RING_HOLDBACK_NS 2000000ull
#define RING_COMPACT_AT (4u << 20)
/* the reader gives the space back this often within one read, not per
 * record: the producers read consumer_pos at every reservation, and a
 * line the reader keeps writing moves between CPUs each time */
#define RING_RELEASE_EVERY (512u << 10)

struct rec {
	uint64_t ts;
	uint64_t seq;
	size_t off;		/* into arena */
	bool seen;		/* given to the batch hook already */
};

struct ring {
	int map_fd;
	/* the kernel's ring: consumer page (ours to write), producer page
	 * and the data area mapped twice, so a record is contiguous */
	unsigned long *cons_pos;
	const unsigned long *prod_pos;
	const uint8_t *data;
	uint64_t mask;
	size_t page;
	uint64_t release_every;	/* RING_RELEASE_EVERY, or less in a small ring */
	volatile uint32_t *armed;
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
	uint64_t upto;		/* see ring_delivered_upto() */
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
		return -ECANCELED;	/* stops read_ring() */
	}
	return 0;
}

static int on_sample(struct ring *r, const uint8_t *data, size_t size)
{
	const struct ptd_pkt_hdr *h = (const void *)data;
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
	memcpy(r->arena + r->alen, h, sizeof(*h) + h->caplen);
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
	struct bpf_map_info info = {};
	uint32_t ilen = sizeof(info);
	struct ring *r;
	void *p;
	int err;

	if (bpf_obj_get_info_by_fd(map_fd, &info, &ilen) < 0)
		return -errno;
	if (info.type != BPF_MAP_TYPE_RINGBUF || !info.max_entries ||
	    (info.max_entries & (info.max_entries - 1)))
		return -EINVAL;
	r = calloc(1, sizeof(*r));
	if (!r)
		return -ENOMEM;
	r->cb = cb;
	r->arg = arg;
	r->map_fd = map_fd;
	r->page = (size_t)sysconf(_SC_PAGESIZE);
	r->mask = info.max_entries - 1;
	r->release_every = info.max_entries / 64 < RING_RELEASE_EVERY ?
				   info.max_entries / 64 : RING_RELEASE_EVERY;
	p = mmap(NULL, r->page, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (p == MAP_FAILED)
		goto fail;
	r->cons_pos = p;
	p = mmap(NULL, r->page + 2 * (size_t)info.max_entries, PROT_READ,
		 MAP_SHARED, map_fd, (off_t)r->page);
	if (p == MAP_FAILED)
		goto fail;
	r->prod_pos = p;
	r->data = (const uint8_t *)p + r->page;
	*out = r;
	return 0;
fail:
	err = -errno;
	ring_close(r);
	return err ? err : -EINVAL;
}

void ring_set_wake_flag(struct ring *r, volatile uint32_t *armed)
{
	r->armed = armed;
}

/* Gives the space up to cons back.  The fence orders the store before
 * the reads that follow: without -l/-U's wake_bytes the kernel wakes the
 * reader when a commit finds consumer_pos at that very record, so either
 * the reader sees the record or the committing CPU sees the position. */
static void release(struct ring *r, unsigned long cons)
{
	__atomic_store_n(r->cons_pos, cons, __ATOMIC_RELEASE);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/* How far behind the records being read the ring's lines are asked for,
 * and how far from the producers' end that must stay. */
#define RING_PREFETCH_AHEAD 1024u
#define RING_PREFETCH_GAP 1024u

/*
 * The lines of records a little further on are asked for while this one
 * is handled: they were written on the producer's CPU, and each first
 * read of one otherwise waits for its transfer.  Only records well
 * before the producers' end, which are no longer being written.
 */
static inline void prefetch_ahead(const struct ring *r, unsigned long cons,
				  unsigned long prod, uint32_t len)
{
	unsigned long at = cons + RING_PREFETCH_AHEAD, end;

	if (len > 1024)
		len = 1024;
	end = at + len;
	if (end + RING_PREFETCH_GAP > prod)
		return;
	for (; at < end; at += 64)
		__builtin_prefetch(r->data + (at & r->mask), 0, 3);
}

/* Reads every committed record up to the first one still being written;
 * returns how many were read, or -ECANCELED when a callback said stop. */
static long read_ring(struct ring *r)
{
	unsigned long cons = __atomic_load_n(r->cons_pos, __ATOMIC_RELAXED);
	unsigned long prod, start = cons;
	bool rechecked = false;
	long n = 0;
	int ret = 0;

	for (;;) {
		prod = __atomic_load_n(r->prod_pos, __ATOMIC_ACQUIRE);
		if (cons >= prod)
			break;
		while (cons < prod) {
			const uint32_t *hdr =
				(const void *)(r->data + (cons & r->mask));
			uint32_t len = __atomic_load_n(hdr, __ATOMIC_ACQUIRE);
			uint32_t body = len & ~(BPF_RINGBUF_BUSY_BIT |
						BPF_RINGBUF_DISCARD_BIT);

			if (len & BPF_RINGBUF_BUSY_BIT) {
				/* still being written: once more after
				 * giving the space back, else its commit
				 * wakes us */
				if (rechecked)
					goto out;
				release(r, cons);
				start = cons;
				rechecked = true;
				continue;
			}
			rechecked = false;
			cons += ((uint64_t)body + BPF_RINGBUF_HDR_SZ + 7) & ~7ull;
			prefetch_ahead(r, cons, prod, body);
			if (!(len & BPF_RINGBUF_DISCARD_BIT)) {
				n++;
				ret = on_sample(r, (const uint8_t *)hdr +
						   BPF_RINGBUF_HDR_SZ, body);
				if (ret < 0)
					goto out;
			}
			if (cons - start >= r->release_every) {
				__atomic_store_n(r->cons_pos, cons,
						 __ATOMIC_RELEASE);
				start = cons;
			}
		}
		/* caught up with what was there: give it back before looking
		 * again, so that a record committed meanwhile sees it */
		release(r, cons);
		start = cons;
	}
out:
	__atomic_store_n(r->cons_pos, cons, __ATOMIC_RELEASE);
	return ret < 0 ? ret : n;
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

	r->upto = limit;
	r->direct_pre_done = false;
	r->delivered = 0;
	r->cancelled = false;
	err = read_ring(r);
	if (err >= 0 && r->armed) {
		/* asleep from here on as far as the producers know: the
		 * record that brings wake_bytes wakes us (capture.bpf.c);
		 * what came in before this store is read now */
		*r->armed = 1;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		err = read_ring(r);
	}
	if (r->cancelled)
		return -ECANCELED;
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

uint64_t ring_delivered_upto(const struct ring *r)
{
	return r->upto;
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
	if (r->cons_pos)
		munmap(r->cons_pos, r->page);
	if (r->prod_pos)
		munmap((void *)r->prod_pos, r->page + 2 * (r->mask + 1));
	free(r->recs);
	free(r->arena);
	free(r);
}
