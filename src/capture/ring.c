/*
 * Per-CPU perf buffers deliver records in order per CPU only; a batch is
 * collected from all CPUs, sorted by timestamp and then handed on, so that
 * one packet's hops (veth, bridge, uplink) print in the order they happened.
 * Records of the last RING_HOLDBACK_NS wait for the next round: another
 * CPU may still be writing an earlier one, and a packet's later hops are
 * then seen together with its first.
 */
#include "ring.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/perf_event.h>
#include <bpf/libbpf.h>

#define RING_HOLDBACK_NS 2000000ull
#define RING_WAKEUP_EVENTS 64
#define RING_COMPACT_AT (4u << 20)

struct rec {
	uint64_t ts;
	uint64_t seq;
	size_t off;		/* into arena */
};

struct ring {
	struct perf_buffer *pb;
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
};

void ring_set_batch_hook(struct ring *r, ring_cb fn, void *arg)
{
	r->batch = fn;
	r->batch_arg = arg;
}

void ring_set_pre_deliver(struct ring *r, void (*fn)(void *arg), void *arg)
{
	r->pre = fn;
	r->pre_arg = arg;
}

static void on_sample(void *ctx, int cpu, void *data, __u32 size)
{
	struct ring *r = ctx;
	const struct ptd_pkt_hdr *h = data;
	size_t need;

	(void)cpu;
	if (size < sizeof(*h) || h->caplen > size - sizeof(*h))
		return;
	need = sizeof(*h) + h->caplen;
	need = (need + 7) & ~(size_t)7;
	if (r->nrec == r->crec) {
		size_t n = r->crec ? r->crec * 2 : 1024;
		struct rec *nr = realloc(r->recs, n * sizeof(*nr));

		if (!nr) {
			r->lost++;
			return;
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
			return;
		}
		r->arena = na;
		r->acap = n;
	}
	memcpy(r->arena + r->alen, data, sizeof(*h) + h->caplen);
	r->recs[r->nrec].ts = h->ts_boot_ns;
	r->recs[r->nrec].seq = r->seq++;
	r->recs[r->nrec].off = r->alen;
	r->nrec++;
	r->alen += need;
}

/* The kernel's notice of records it could not write: the BPF side has
 * counted each of them already (PTD_STAT_LOST), so they are not added. */
static void on_lost(void *ctx, int cpu, __u64 cnt)
{
	(void)ctx;
	(void)cpu;
	(void)cnt;
}

/* Raw perf records: samples carry our header and the packet. */
static enum bpf_perf_event_ret on_event(void *ctx, int cpu,
					struct perf_event_header *ev)
{
	struct sample {
		struct perf_event_header h;
		__u32 size;
		char data[];
	} *smp = (void *)ev;
	struct lost {
		struct perf_event_header h;
		__u64 id, lost;
	} *l = (void *)ev;

	if (ev->type == PERF_RECORD_SAMPLE && ev->size >= sizeof(*smp) &&
	    smp->size <= ev->size - sizeof(*smp))
		on_sample(ctx, cpu, smp->data, smp->size);
	else if (ev->type == PERF_RECORD_LOST && ev->size >= sizeof(*l))
		on_lost(ctx, cpu, l->lost);
	return LIBBPF_PERF_EVENT_CONT;
}

int ring_open(int map_fd, size_t pages_per_cpu, ring_cb cb, void *arg,
	      struct ring **out)
{
	struct perf_event_attr attr;
	struct ring *r = calloc(1, sizeof(*r));
	int err;

	if (!r)
		return -ENOMEM;
	r->cb = cb;
	r->arg = arg;
	memset(&attr, 0, sizeof(attr));
	attr.type = PERF_TYPE_SOFTWARE;
	attr.config = PERF_COUNT_SW_BPF_OUTPUT;
	attr.sample_type = PERF_SAMPLE_RAW;
	attr.sample_period = 1;
	/* wake us per RING_WAKEUP_EVENTS records, not per packet: the event
	 * loop also reads on its own at least every 100 ms */
	attr.wakeup_events = RING_WAKEUP_EVENTS;
	r->pb = perf_buffer__new_raw(map_fd, pages_per_cpu, &attr, on_event, r,
				     NULL);
	if (!r->pb) {
		err = -errno;
		free(r);
		return err ? err : -EINVAL;
	}
	*out = r;
	return 0;
}

int ring_fd(struct ring *r)
{
	return perf_buffer__epoll_fd(r->pb);
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

	err = perf_buffer__consume(r->pb);
	if (err < 0 && err != -EINTR)
		return err;
	if (!r->nrec)
		return 0;
	qsort(r->recs, r->nrec, sizeof(*r->recs), cmp_rec);
	if (r->pre)
		r->pre(r->pre_arg);
	/* the look-ahead sees the held-back records too */
	for (i = 0; r->batch && i < r->nrec; i++) {
		const struct ptd_pkt_hdr *h =
			(const void *)(r->arena + r->recs[i].off);

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
	perf_buffer__free(r->pb);
	free(r->recs);
	free(r->arena);
	free(r);
}
