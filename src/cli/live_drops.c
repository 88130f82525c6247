/*
 * --drops: packets the kernel dropped on their way (skb:kfree_skb with a
 * drop reason), shown among the captured packets with direction "Drop",
 * their owner, the reason (named from the kernel's BTF) and the function
 * that dropped them (from /proc/kallsyms).
 *
 * The kernel side (src/bpf/drops.bpf.c) shares the capture object's socket,
 * flow and filter maps, so that attribution and the process/container
 * filters are the same as for captured packets.  The pcap expression is
 * applied here, before anything is formatted.
 */
#include "run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "cli/live.h"
#include "filter/filter.h"
#include "bpf/capture_types.h"
#include "bpf/drops.h"
#include "drops.skel.h"

#define DLT_EN10MB 1	/* as in <pcap/dlt.h>, which clashes with libbpf */
#define DLT_RAW 12
#define MAX_REASONS 1024
#define QUIET_BITS 256
/* the ring reader holds back its last 2 ms; drops wait a little longer */
#define DROPS_HOLDBACK_NS 12000000ull

struct ksym {
	uint64_t addr;
	uint32_t name;	/* offset into names */
};

struct reason_count {
	uint32_t reason;
	uint64_t n;
};

struct drop_rec {
	uint64_t ts;
	uint64_t seq;
	struct ptd_drop_hdr *h;	/* malloc'ed, data follows */
};

struct live_drops {
	struct drops_bpf *skel;
	struct bpf_link *link;
	struct ring_buffer *rb;
	struct cbpf_prog feth, fraw;
	/* reason names by value, from BTF; NULL when unknown */
	char *reason[MAX_REASONS];
	/* kernel text symbols, sorted by address */
	struct ksym *syms;
	size_t nsyms;
	char *names;
	size_t names_len, names_cap;
	/* the drops of one read, sorted before delivery */
	struct drop_rec *recs;
	size_t nrec, crec;
	bool unsorted;		/* recs was appended to since the last sort */
	uint64_t seq;
	/* summary */
	uint64_t shown;
	struct reason_count *counts;
	size_t ncounts;
	uint64_t nomem;
};

/* ---- reason names -------------------------------------------------- */

static void load_reasons(struct live_drops *d)
{
	struct btf *btf = btf__load_vmlinux_btf();
	const struct btf_type *t;
	const struct btf_enum *e;
	int id, i, n;

	if (!btf)
		return;
	id = btf__find_by_name_kind(btf, "skb_drop_reason", BTF_KIND_ENUM);
	if (id > 0) {
		t = btf__type_by_id(btf, id);
		e = btf_enum(t);
		n = btf_vlen(t);
		for (i = 0; i < n; i++, e++) {
			const char *name = btf__name_by_offset(btf, e->name_off);
			uint32_t v = (uint32_t)e->val;

			if (!name || v >= MAX_REASONS || d->reason[v])
				continue;
			if (strncmp(name, "SKB_DROP_REASON_", 16) == 0)
				name += 16;
			else if (strncmp(name, "SKB_", 4) == 0)
				name += 4;
			d->reason[v] = strdup(name);
		}
	}
	btf__free(btf);
}

static const char *reason_name(struct live_drops *d, uint32_t r, char *buf,
			       size_t size)
{
	if (r < MAX_REASONS && d->reason[r])
		return d->reason[r];
	/* subsystem reasons (mac80211, openvswitch) or a newer kernel */
	snprintf(buf, size, "REASON_%#x", r);
	return buf;
}

/* The ordinary end of an skb, not reported without --drops=all: not
 * dropped at all, consumed, freed with no reason (bookkeeping), or purged
 * from a socket's queues when it is destroyed (every plain TCP close does
 * that: sk_stream_kill_queues). */
static const char *const quiet_names[] = {
	"NOT_DROPPED_YET", "CONSUMED", "NOT_SPECIFIED", "QUEUE_PURGE",
};

static void set_quiet(struct live_drops *d, uint64_t *mask)
{
	size_t i, q;

	for (i = 0; i < QUIET_BITS; i++) {
		for (q = 0; q < sizeof(quiet_names) / sizeof(quiet_names[0]); q++)
			if (d->reason[i] && strcmp(d->reason[i], quiet_names[q]) == 0)
				mask[i / 64] |= 1ull << (i % 64);
	}
	/* without BTF: the values every kernel with drop reasons uses */
	if (!d->reason[0] && !d->reason[1] && !d->reason[2])
		mask[0] |= 7;
}

/* ---- kernel symbols ------------------------------------------------ */

static int ksym_cmp(const void *a, const void *b)
{
	const struct ksym *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static void load_kallsyms(struct live_drops *d)
{
	FILE *f = fopen("/proc/kallsyms", "r");
	char line[512], name[256], type;
	unsigned long long addr;
	size_t cap = 0;

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		size_t len;

		if (sscanf(line, "%llx %c %255s", &addr, &type, name) != 3)
			continue;
		if (!addr || (type != 't' && type != 'T' && type != 'w' &&
			      type != 'W'))
			continue;
		len = strlen(name) + 1;
		if (d->nsyms == cap) {
			size_t n = cap ? cap * 2 : 65536;
			struct ksym *ns = realloc(d->syms, n * sizeof(*ns));

			if (!ns)
				break;
			d->syms = ns;
			cap = n;
		}
		if (d->names_len + len > d->names_cap) {
			size_t n = d->names_cap ? d->names_cap * 2 : 1 << 20;
			char *nn = realloc(d->names, n);

			if (!nn)
				break;
			d->names = nn;
			d->names_cap = n;
		}
		memcpy(d->names + d->names_len, name, len);
		d->syms[d->nsyms].addr = addr;
		d->syms[d->nsyms].name = (uint32_t)d->names_len;
		d->nsyms++;
		d->names_len += len;
	}
	fclose(f);
	if (d->nsyms)
		qsort(d->syms, d->nsyms, sizeof(*d->syms), ksym_cmp);
}

/* "nf_hook_slow": the function holding the address (no offset: the same
 * drop site reads the same on every packet). */
static const char *location_name(struct live_drops *d, uint64_t loc, char *buf,
				 size_t size)
{
	size_t lo = 0, hi = d->nsyms;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->syms[mid].addr <= loc)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || !loc) {
		snprintf(buf, size, "%#llx", (unsigned long long)loc);
		return buf;
	}
	return d->names + d->syms[lo - 1].name;
}

/* Functions that only ever drop, but without a reason (NOT_SPECIFIED):
 * IPv4's answer to a packet without a route (unreachable, prohibit), and
 * blackhole routes.  Their drops are reported without --drops=all too. */
static const char *const drop_sites[] = {
	"ip_error", "dst_discard", "dst_discard_out",
};

static void set_drop_sites(struct live_drops *d, __u64 *start,
			   __u64 *end, size_t max)
{
	size_t i, s, n = 0;

	for (i = 0; i < d->nsyms && n < max; i++)
		for (s = 0; s < sizeof(drop_sites) / sizeof(drop_sites[0]); s++) {
			if (strcmp(d->names + d->syms[i].name, drop_sites[s]))
				continue;
			start[n] = d->syms[i].addr;
			/* up to the next symbol at another address */
			end[n] = d->syms[i].addr + 1;
			for (size_t j = i + 1; j < d->nsyms; j++)
				if (d->syms[j].addr > d->syms[i].addr) {
					end[n] = d->syms[j].addr;
					break;
				}
			n++;
			break;
		}
}

/* ---- summary counts ------------------------------------------------ */

static void count_reason(struct live_drops *d, uint32_t reason)
{
	size_t i;
	struct reason_count *n;

	d->shown++;
	for (i = 0; i < d->ncounts; i++)
		if (d->counts[i].reason == reason) {
			d->counts[i].n++;
			return;
		}
	n = realloc(d->counts, (d->ncounts + 1) * sizeof(*n));
	if (!n)
		return;
	d->counts = n;
	d->counts[d->ncounts].reason = reason;
	d->counts[d->ncounts].n = 1;
	d->ncounts++;
}

static int count_cmp(const void *a, const void *b)
{
	const struct reason_count *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return x->reason < y->reason ? -1 : x->reason > y->reason;
}

/* ---- events -------------------------------------------------------- */

static int on_drop_event(void *arg, void *data, size_t size)
{
	struct live_drops *d = arg;
	const struct ptd_drop_hdr *h = data;
	struct ptd_drop_hdr *copy;

	if (size < sizeof(*h) || h->caplen > size - sizeof(*h))
		return 0;
	if (d->nrec == d->crec) {
		size_t n = d->crec ? d->crec * 2 : 256;
		struct drop_rec *nr = realloc(d->recs, n * sizeof(*nr));

		if (!nr) {
			d->nomem++;
			return 0;
		}
		d->recs = nr;
		d->crec = n;
	}
	copy = malloc(sizeof(*h) + h->caplen);
	if (!copy) {
		d->nomem++;
		return 0;
	}
	memcpy(copy, h, sizeof(*h) + h->caplen);
	d->recs[d->nrec].ts = h->ts_boot_ns;
	d->recs[d->nrec].seq = d->seq++;
	d->recs[d->nrec].h = copy;
	if (d->nrec && d->recs[d->nrec - 1].ts > copy->ts_boot_ns)
		d->unsorted = true;
	d->nrec++;
	return 0;
}

static int rec_cmp(const void *a, const void *b)
{
	const struct drop_rec *x = a, *y = b;

	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* -i: only drops on the interfaces asked for (any: all of them, in
 * every namespace) */
static bool wanted_iface(const struct live *lv, const char *name)
{
	int i;

	if (lv->any)
		return true;
	for (i = 0; i < lv->o->nifaces; i++)
		if (strcmp(lv->o->ifaces[i], name) == 0)
			return true;
	return false;
}

/* Filters, enriches and delivers one drop; -1 when the capture stops. */
static int deliver_drop(struct live *lv, const struct ptd_drop_hdr *h)
{
	struct live_drops *d = lv->drops;
	const uint8_t *data = (const uint8_t *)(h + 1);
	char idx[64], rbuf[32], lbuf[32];
	struct pkt_meta meta;
	struct pkt p;
	bool l3;
	int r;

	if (!filter_match(h->l3 ? &d->fraw : &d->feth, data, h->caplen, h->len))
		return 0;
	memset(&p, 0, sizeof(p));
	p.ts_ns = (uint64_t)((int64_t)h->ts_boot_ns + lv->boot_to_wall);
	p.tsresol_ns = 1;
	p.ifindex = h->ifindex;
	p.netns_ino = h->netns_ino;
	p.ifname = live_ifname(lv, h->netns_ino, h->ifindex, idx, sizeof(idx),
			       &l3);
	/* an interface we don't know (a namespace we don't follow): the
	 * device's own name, with its namespace as live_ifname() writes it */
	if (p.ifname[0] >= '0' && p.ifname[0] <= '9' && h->ifname[0]) {
		char name[PTD_DROP_IFNAME_LEN + 1];

		memcpy(name, h->ifname, PTD_DROP_IFNAME_LEN);
		name[PTD_DROP_IFNAME_LEN] = '\0';
		if (h->netns_ino && h->netns_ino != lv->netns_ino)
			snprintf(idx, sizeof(idx), "%s@%u", name, h->netns_ino);
		else
			snprintf(idx, sizeof(idx), "%s", name);
		p.ifname = idx;
	}
	if (!wanted_iface(lv, p.ifname))
		return 0;
	p.dir = PKT_DIR_DROP;
	p.dlt = h->l3 ? DLT_RAW : DLT_EN10MB;
	p.caplen = h->caplen;
	p.len = h->len;
	p.data = data;
	memset(&meta, 0, sizeof(meta));
	if (h->attributed) {
		const struct pkt_meta *m = enrich(lv->en, &h->owner, h->ts_boot_ns);

		if (m)
			meta = *m;
	}
	meta.have |= META_DROP;
	meta.gen = 0;	/* not what enrich() made any more */
	meta.drop_reason = reason_name(d, h->reason, rbuf, sizeof(rbuf));
	meta.drop_location = location_name(d, h->location, lbuf, sizeof(lbuf));
	p.meta = &meta;
	r = live_deliver(lv, &p, (uint16_t)((h->protocol >> 8) |
					    (h->protocol << 8)));
	if (r == 0)
		count_reason(d, h->reason);
	return r;
}

/* ---- API ----------------------------------------------------------- */

static void drops_free(struct live_drops *d)
{
	size_t i;

	if (!d)
		return;
	bpf_link__destroy(d->link);
	ring_buffer__free(d->rb);
	drops_bpf__destroy(d->skel);
	filter_free(&d->feth);
	filter_free(&d->fraw);
	for (i = 0; i < MAX_REASONS; i++)
		free(d->reason[i]);
	for (i = 0; i < d->nrec; i++)
		free(d->recs[i].h);
	free(d->recs);
	free(d->syms);
	free(d->names);
	free(d->counts);
	free(d);
}

/* Opens and loads the object with one of its two programs. */
static int drops_load(struct live *lv, struct live_drops *d, bool raw,
		      char *err, size_t errlen)
{
	static const char *shared[] = {
		"sk_own", "flows", "filter_pids", "filter_uids",
		"filter_cgroups", "proc_events",
	};
	uint64_t quiet[4] = { 0 };
	uint32_t mode = 0;
	int ncpu = libbpf_num_possible_cpus();
	size_t i;
	LIBBPF_OPTS(bpf_object_open_opts, oo, .btf_custom_path = lv->o->btf_path);

	d->skel = drops_bpf__open_opts(&oo);
	if (!d->skel) {
		snprintf(err, errlen, "--drops: cannot open the BPF object: %s",
			 strerror(errno));
		return -1;
	}
	live_filter_mode(lv->o, &mode);
	d->skel->rodata->snaplen = lv->o->snaplen;
	d->skel->rodata->filter_mode = mode;
	if (lv->o->drops < 2) {
		set_quiet(d, quiet);
		set_drop_sites(d, d->skel->rodata->site_start,
			       d->skel->rodata->site_end,
			       sizeof(d->skel->rodata->site_start) /
			       sizeof(d->skel->rodata->site_start[0]));
		for (i = 0; i < MAX_REASONS; i++)
			if (d->reason[i] && !strcmp(d->reason[i], "NOT_SPECIFIED"))
				d->skel->rodata->unspec_reason = (uint32_t)i;
	}
	memcpy((void *)d->skel->rodata->quiet_reasons, quiet, sizeof(quiet));
	bpf_map__set_max_entries(d->skel->maps.drop_buf,
				 ncpu > 0 ? (uint32_t)ncpu : 1);
	for (i = 0; i < sizeof(shared) / sizeof(shared[0]); i++) {
		struct bpf_map *m = bpf_object__find_map_by_name(d->skel->obj,
								  shared[i]);
		int fd = loader_map_fd(lv->ld, shared[i]);

		if (m && fd >= 0 && bpf_map__reuse_fd(m, fd)) {
			snprintf(err, errlen, "--drops: cannot share map %s: %s",
				 shared[i], strerror(errno));
			return -1;
		}
	}
	bpf_program__set_autoload(raw ? d->skel->progs.ptd_kfree_skb
				      : d->skel->progs.ptd_kfree_skb_raw, false);
	if (drops_bpf__load(d->skel)) {
		snprintf(err, errlen, "--drops: cannot load the BPF program: %s",
			 strerror(errno));
		return -1;
	}
	d->link = bpf_program__attach(raw ? d->skel->progs.ptd_kfree_skb_raw
					  : d->skel->progs.ptd_kfree_skb);
	if (!d->link) {
		snprintf(err, errlen, "--drops: cannot attach to skb:kfree_skb: %s",
			 strerror(errno));
		return -1;
	}
	return 0;
}

int live_drops_start(struct live *lv, char *err, size_t errlen)
{
	struct live_drops *d;
	const char *expr = lv->o->expr;
	char ferr[512];

	d = calloc(1, sizeof(*d));
	if (!d) {
		snprintf(err, errlen, "--drops: out of memory");
		return -1;
	}
	if (filter_compile_live(expr, lv->o->snaplen, &d->feth, &d->fraw, ferr,
				sizeof(ferr))) {
		snprintf(err, errlen, "syntax error in filter expression: %s", ferr);
		drops_free(d);
		return -1;
	}
	load_reasons(d);
	load_kallsyms(d);
	if (drops_load(lv, d, false, err, errlen) < 0) {
		/* kernels where tp_btf can't attach: the raw tracepoint */
		bpf_link__destroy(d->link);
		d->link = NULL;
		drops_bpf__destroy(d->skel);
		d->skel = NULL;
		if (drops_load(lv, d, true, err, errlen) < 0) {
			drops_free(d);
			return -1;
		}
	}
	d->rb = ring_buffer__new(bpf_map__fd(d->skel->maps.drop_events),
				 on_drop_event, d, NULL);
	if (!d->rb) {
		snprintf(err, errlen, "--drops: cannot open the ring buffer: %s",
			 strerror(errno));
		drops_free(d);
		return -1;
	}
	lv->drops = d;
	return 0;
}

int live_drops_fd(struct live *lv)
{
	return lv->drops ? ring_buffer__epoll_fd(lv->drops->rb) : -1;
}

/* Delivers the pending drops (sorted) up to and including index cut - 1. */
static int deliver_upto(struct live *lv, size_t cut)
{
	struct live_drops *d = lv->drops;
	size_t i;
	int r = 0;

	if (!cut)
		return 0;
	/* the exec events of the processes named on them */
	if (lv->proc_rb)
		ring_buffer__consume(lv->proc_rb);
	for (i = 0; i < cut; i++) {
		if (!lv->stop && deliver_drop(lv, d->recs[i].h) < 0)
			r = -1;
		free(d->recs[i].h);
	}
	memmove(d->recs, d->recs + cut, (d->nrec - cut) * sizeof(*d->recs));
	d->nrec -= cut;
	return r;
}

static void sort_pending(struct live_drops *d)
{
	if (d->unsorted)
		qsort(d->recs, d->nrec, sizeof(*d->recs), rec_cmp);
	d->unsorted = false;
}

void live_drops_read(struct live *lv)
{
	struct live_drops *d = lv->drops;

	if (!d)
		return;
	ring_buffer__consume(d->rb);
}

int live_drops_before(struct live *lv, uint64_t ts_boot_ns)
{
	struct live_drops *d = lv->drops;
	size_t cut;

	if (!d || !d->nrec)
		return 0;
	sort_pending(d);
	for (cut = 0; cut < d->nrec && d->recs[cut].ts < ts_boot_ns; cut++)
		;
	return deliver_upto(lv, cut);
}

/*
 * Reads the drops that are waiting and delivers those that are due, in time
 * order.  Call it after ring_consume(), which delivers the captured packets
 * of all but the last couple of milliseconds (the rest wait for its next
 * round): the drops of the last DROPS_HOLDBACK_NS wait too, so that a
 * packet captured on its way is printed before its drop.  Once the capture
 * is over (the loop ended and the ring was flushed) everything goes.
 * With live_drops_read() in the ring's pre-deliver hook and
 * live_drops_before() in its packet callback, drops are also interleaved
 * exactly with the captured packets of a round.
 */
void live_drops_consume(struct live *lv)
{
	struct live_drops *d = lv->drops;
	uint64_t limit;
	size_t cut;

	if (!d)
		return;
	ring_buffer__consume(d->rb);
	if (!d->nrec)
		return;
	if ((lv->quit || lv->iface_gone) &&
	    (!lv->ring || ring_pending(lv->ring) == 0))
		limit = UINT64_MAX;
	else
		limit = mono_ns(CLOCK_BOOTTIME) - DROPS_HOLDBACK_NS;
	/* never past what the packet ring has read: a packet's earlier hop
	 * committed just before its drop may have come after the ring's last
	 * read (a slow round, under valgrind say), and must go out first */
	if (lv->ring && ring_delivered_upto(lv->ring) < limit)
		limit = ring_delivered_upto(lv->ring);
	sort_pending(d);
	for (cut = 0; cut < d->nrec && d->recs[cut].ts <= limit; cut++)
		;
	deliver_upto(lv, cut);
}

void live_drops_summary(struct live *lv, FILE *f)
{
	struct live_drops *d = lv->drops;
	char buf[32];
	size_t i;

	if (!d)
		return;
	qsort(d->counts, d->ncounts, sizeof(*d->counts), count_cmp);
	fprintf(f, "%llu packets dropped by the kernel on their way",
		(unsigned long long)d->shown);
	if (d->ncounts) {
		fprintf(f, " (by reason: ");
		for (i = 0; i < d->ncounts; i++)
			fprintf(f, "%s%s %llu", i ? ", " : "",
				reason_name(d, d->counts[i].reason, buf,
					    sizeof(buf)),
				(unsigned long long)d->counts[i].n);
		fputc(')', f);
	}
	fputc('\n', f);
	{
		int ncpu = libbpf_num_possible_cpus();
		uint32_t k = PTD_DSTAT_LOST;
		uint64_t lost = d->nomem;
		uint64_t *vals;

		if (ncpu > 0 && (vals = calloc((size_t)ncpu, sizeof(*vals)))) {
			if (!bpf_map_lookup_elem(bpf_map__fd(d->skel->maps.drop_stats),
						 &k, vals))
				for (int c = 0; c < ncpu; c++)
					lost += vals[c];
			free(vals);
		}
		if (lost)
			fprintf(f, "%llu kernel drop%s not reported (buffer full)\n",
				(unsigned long long)lost, lost == 1 ? "" : "s");
	}
}

void live_drops_stop(struct live *lv)
{
	drops_free(lv->drops);
	lv->drops = NULL;
}
