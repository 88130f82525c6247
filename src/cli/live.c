/* Live capture: attach, read the ring, hand packets to the sinks. */
#include "run.h"

#include <errno.h>
#include <pthread.h>
#include <linux/capability.h>
#include <net/if_arp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>


#include "cli/live.h"
#include "filter/filter.h"

#define DLT_EN10MB 1	/* as in <pcap/dlt.h>, which clashes with libbpf */
#define DLT_RAW 12
#define PROC_KEEP_NS 10000000000ull	/* exited processes stay 10 s */
#define CHILD_LINGER_NS 500000000ull	/* capture after -- command exits */

static bool have_privileges(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	const int need[] = { CAP_NET_ADMIN, 38 /* PERFMON */, 39 /* BPF */ };
	size_t i;

	if (geteuid() == 0)
		return true;
	memset(d, 0, sizeof(d));
	if (syscall(SYS_capget, &h, d) < 0)
		return false;
	for (i = 0; i < sizeof(need) / sizeof(need[0]); i++)
		if (!(d[need[i] / 32].effective & (1u << (need[i] % 32))))
			return false;
	return true;
}

static int64_t boot_to_wall_offset(void)
{
	struct timespec a, b, c;
	int64_t best = 0, span = INT64_MAX;
	int i;

	/* the sample with the shortest window gives the tightest offset */
	for (i = 0; i < 5; i++) {
		int64_t s, off;

		clock_gettime(CLOCK_REALTIME, &a);
		clock_gettime(CLOCK_BOOTTIME, &b);
		clock_gettime(CLOCK_REALTIME, &c);
		s = (c.tv_sec - a.tv_sec) * 1000000000ll + (c.tv_nsec - a.tv_nsec);
		off = (a.tv_sec * 1000000000ll + a.tv_nsec + s / 2) -
		      (b.tv_sec * 1000000000ll + b.tv_nsec);
		if (s < span) {
			span = s;
			best = off;
		}
	}
	return best;
}

int live_deliver(struct live *lv, struct pkt *p, uint16_t ethertype)
{
	int id, r;

	if (lv->stop)
		return -1;
	if (p->dlt != DLT_EN10MB &&
	    !pkt_to_ethernet(p, ethertype, lv->ethbuf, 14 + PTD_MAX_CAPLEN))
		return 0;
	id = live_writer_id(lv, p);
	if (id < 0) {
		sinks_writer_failed(lv->sinks.w);
		lv->stop = true;
		return -1;
	}
	r = sinks_packet(&lv->sinks, id, p);
	/* drops have their own line in the summary */
	if ((r == 0 || r == 1) && p->dir != PKT_DIR_DROP)
		lv->captured++;
	if (r != 0) {
		lv->stop = true;
		return -1;
	}
	return 0;
}

/* A hop of one packet, for packet ids: the namespace folded into ifindex */
static uint32_t hop_of(const struct ptd_pkt_hdr *h)
{
	return h->ifindex ^ (uint32_t)(((uint64_t)h->netns * 0x9e3779b97f4a7c15ull) >> 32);
}

/*
 * A frame whose 802.1Q tag the kernel holds outside its data (pkt_vlan()
 * in capture.bpf.c) gets the tag back after its two addresses, as
 * libpcap gives it back to tcpdump; *h then points to tmp, with the
 * lengths 4 bytes longer (caplen within the snapshot length).
 */
static const uint8_t *vlan_restore(struct live *lv, const struct ptd_pkt_hdr **h,
				   const uint8_t *data, struct ptd_pkt_hdr *tmp)
{
	const struct ptd_pkt_hdr *o = *h;
	uint8_t *b;

	if (!o->vlan || o->caplen < 12)
		return data;
	if (!lv->vbuf && !(lv->vbuf = malloc(PTD_MAX_CAPLEN + 4)))
		return data;
	b = lv->vbuf;
	memcpy(b, data, 12);
	b[12] = (uint8_t)(o->vlan >> 24);
	b[13] = (uint8_t)(o->vlan >> 16);
	b[14] = (uint8_t)(o->vlan >> 8);
	b[15] = (uint8_t)o->vlan;
	memcpy(b + 16, data + 12, o->caplen - 12);
	*tmp = *o;
	tmp->len = o->len + 4;
	tmp->caplen = o->caplen + 4 > lv->o->snaplen ? lv->o->snaplen : o->caplen + 4;
	*h = tmp;
	return b;
}

static int observe_packet(void *arg, const struct ptd_pkt_hdr *h,
			  const uint8_t *data)
{
	struct live *lv = arg;
	struct ptd_pkt_hdr tmp;
	char idx[64];
	bool l3;

	data = vlan_restore(lv, &h, data, &tmp);

	live_ifname(lv, h->netns, h->ifindex, idx, sizeof(idx), &l3);
	pktid_observe(lv->pktid, h->ts_boot_ns, hop_of(h), h->dir, data,
		      h->caplen, l3 ? DLT_RAW : DLT_EN10MB);
	return 0;
}

/* The packet's id, when the same packet was seen on several hops. */
static const struct pkt_meta *with_packet_id(struct live *lv,
					     const struct ptd_pkt_hdr *h,
					     const uint8_t *data, bool l3,
					     const struct pkt_meta *m)
{
	unsigned hops = 0;
	uint64_t id;

	if (!lv->pktid)
		return m;
	id = pktid_get(lv->pktid, h->ts_boot_ns, hop_of(h), h->dir, data,
		       h->caplen, l3 ? DLT_RAW : DLT_EN10MB, &hops);
	if (!id || hops < 2)
		return m;
	if (m)
		lv->idmeta = *m;
	else
		memset(&lv->idmeta, 0, sizeof(lv->idmeta));
	lv->idmeta.have |= META_PKTID;
	lv->idmeta.packet_id = id;
	return &lv->idmeta;
}

static int on_packet(void *arg, const struct ptd_pkt_hdr *h,
		     const uint8_t *data)
{
	struct live *lv = arg;
	struct ptd_pkt_hdr tmp;
	char idx[64];
	struct pkt p;
	bool l3;

	data = vlan_restore(lv, &h, data, &tmp);
	if (live_drops_before(lv, h->ts_boot_ns) < 0)
		return -1;
	memset(&p, 0, sizeof(p));
	p.ts_ns = (uint64_t)((int64_t)h->ts_boot_ns + lv->boot_to_wall);
	p.tsresol_ns = 1;
	p.ifindex = h->ifindex;
	p.netns_ino = h->netns;
	p.ifname = live_ifname(lv, h->netns, h->ifindex, idx, sizeof(idx), &l3);
	p.dir = h->dir == PTD_DIR_IN ? PKT_DIR_IN : PKT_DIR_OUT;
	p.dlt = l3 ? DLT_RAW : DLT_EN10MB;
	p.caplen = h->caplen;
	p.len = h->len;
	p.data = data;
	if (h->attributed)
		p.meta = enrich(lv->en, &h->owner, h->ts_boot_ns);
	p.meta = with_packet_id(lv, h, data, l3, p.meta);
	return live_deliver(lv, &p, (uint16_t)((h->protocol >> 8) |
					       (h->protocol << 8)));
}

static int on_proc_event(void *arg, void *data, size_t size)
{
	struct live *lv = arg;
	const struct ptd_proc_event *e = data;

	proc_cache_event(lv->pc, data, size);
	/* a process in a namespace we don't know yet (--netns any/newly) */
	if (lv->o->nnetns && size >= sizeof(e->type) &&
	    (e->type == PTD_EV_EXEC || e->type == PTD_EV_FORK))
		live_netns_seen(lv, e->netns, e->pid);
	return 0;
}

static void consume_proc_ring(void *arg)
{
	struct live *lv = arg;

	ring_buffer__consume(lv->proc_rb);
}

static void consume_proc_events(void *arg)
{
	struct live *lv = arg;

	consume_proc_ring(lv);
	live_drops_read(lv);
}

uint64_t mono_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Once a second: forget processes that are long gone; with -- command,
 * stop a little after the command exited. */
static void housekeeping(struct live *lv)
{
	static uint64_t last;
	uint64_t now = mono_ns(CLOCK_MONOTONIC);

	if (lv->child > 0 && live_child_reap(lv) &&
	    now - lv->child_exit_at > CHILD_LINGER_NS)
		lv->quit = true;
	if (lv->netns_rescan_at && now >= lv->netns_rescan_at) {
		lv->netns_rescan_at = 0;
		live_netns_housekeeping(lv);
	}
	if (now - last < 1000000000ull)
		return;
	last = now;
	proc_cache_expire(lv->pc, mono_ns(CLOCK_BOOTTIME), PROC_KEEP_NS);
	if (lv->o->nnetns)
		live_netns_housekeeping(lv);
}

/*
 * tcpdump's summary: received by filter counts the packets that passed the
 * filter (expression, then process/container), dropped those of them that
 * could not be delivered.  The fourth line is the proof that a filter
 * works in the kernel: packets it looked at and refused without a copy.
 */
static void print_stats(struct live *lv)
{
	struct loader_stats st;

	loader_stats(lv->ld, &st);
	fflush(stdout);
	fprintf(stderr, "%llu packets captured\n",
		(unsigned long long)lv->captured);
	fprintf(stderr, "%llu packets received by filter\n",
		(unsigned long long)st.matched);
	fprintf(stderr, "%llu packets dropped by kernel\n",
		(unsigned long long)(st.lost + ring_lost(lv->ring)));
	fprintf(stderr, "%llu packets rejected by the filter in the kernel\n",
		(unsigned long long)(st.seen > st.matched ? st.seen - st.matched : 0));
	live_drops_summary(lv, stderr);
}

static int compile_filters(struct options *o, struct cbpf_prog *eth,
			   struct cbpf_prog *raw)
{
	char err[512];

	if (filter_compile_live(o->expr, o->snaplen, eth, raw, err,
				sizeof(err))) {
		die_msg("syntax error in filter expression: %s", err);
		return -1;
	}
	return 0;
}

static const char *capture_name(const struct options *o)
{
	return o->nifaces == 1 ? o->ifaces[0] : "any";
}

enum { EV_RING = 1, EV_SIGNAL, EV_PROC, EV_INOTIFY, EV_DROPS };

static void epoll_add_ev(int ep, int fd, uint64_t tag, uint32_t events)
{
	struct epoll_event ev = { .events = events, .data.u64 = tag };

	if (fd >= 0)
		epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

static void epoll_add(int ep, int fd, uint64_t tag)
{
	epoll_add_ev(ep, fd, tag, EPOLLIN);
}

static int event_loop(struct live *lv, int sfd, int ino_fd)
{
	struct epoll_event ev[16];
	char buf[4096];
	int n, i, ret = 0;

	/* edge-triggered: a level-triggered ring is ready again as soon as
	 * one record is waiting, and the loop would go round per few
	 * packets (7,400 times a second under a flood) */
	epoll_add_ev(lv->epfd, ring_fd(lv->ring), EV_RING, EPOLLIN | EPOLLET);
	epoll_add(lv->epfd, sfd, EV_SIGNAL);
	epoll_add(lv->epfd, ring_buffer__epoll_fd(lv->proc_rb), EV_PROC);
	epoll_add(lv->epfd, ino_fd, EV_INOTIFY);
	epoll_add(lv->epfd, live_drops_fd(lv), EV_DROPS);
	while (!lv->stop && !lv->quit && !lv->iface_gone) {
		/* held-back records are due in a couple of milliseconds */
		n = epoll_wait(lv->epfd, ev, 16, ring_pending(lv->ring) ? 2 : 100);
		if (n < 0 && errno != EINTR) {
			ret = -1;
			break;
		}
		for (i = 0; i < n; i++) {
			if (live_netns_event(lv, ev[i].data.u64))
				continue;
			if (ev[i].data.u64 == EV_INOTIFY) {
				/* a bind mount under /run/netns: look a little
				 * later, once it is mounted */
				while (read(ino_fd, buf, sizeof(buf)) > 0)
					;
				lv->netns_rescan_at = mono_ns(CLOCK_MONOTONIC) + 20000000ull;
			} else if (ev[i].data.u64 == EV_SIGNAL) {
				struct signalfd_siginfo si;

				if (read(sfd, &si, sizeof(si)) != sizeof(si))
					continue;
				if (si.ssi_signo == SIGUSR1)
					print_stats(lv);
				else if (si.ssi_signo != SIGCHLD)
					lv->quit = true;
			}
		}
		/* interfaces and processes first, so packets find them */
		ring_buffer__consume(lv->proc_rb);
		lv->batch++;
		if (ring_consume(lv->ring) < 0 && !lv->stop)
			ret = -1;
		/* the file gets each batch (under a flood, 4 MiB at a time) */
		if (lv->sinks.w && !lv->stop && writer_flush(lv->sinks.w) < 0) {
			sinks_writer_failed(lv->sinks.w);
			lv->sinks.failed = true;
			lv->stop = true;
			ret = -1;
		}
		/* and so does the text, even into a pipe (| tee, | grep): as
		 * the Go ptcpdump's, it is there while the capture runs, not
		 * only once stdio's buffer fills; one write per batch */
		if (!lv->stop && sinks_flush_text(&lv->sinks) < 0)
			lv->stop = true;	/* as a failed packet's write */
		live_drops_consume(lv);
		housekeeping(lv);
	}
	return ret;
}

/* Thread: what metadata needs at the start (see run_live). */
static void *prepare_meta(void *arg)
{
	struct live *lv = arg;

	proc_cache_scan(lv->pc);
	cmeta_ready(lv->cm);
	return NULL;
}

int run_live(struct options *o)
{
	struct cbpf_prog feth, fraw;
	struct loader_opts lo;
	struct live lv;
	sigset_t mask;
	char err[512];
	int sfd = -1, ino_fd = -1, ret = 1, rerr;
	bool prep_started = false;
	pthread_t prep;

	memset(&lv, 0, sizeof(lv));
	lv.epfd = -1;
	lv.reaper.pid = lv.reaper.fd = -1;
	memset(&feth, 0, sizeof(feth));
	memset(&fraw, 0, sizeof(fraw));
	lv.o = o;
	/* -d -y TYPE: the program for that link type, with no device */
	if (o->dflag && o->linktype)
		return run_dump_filter(o, o->linktype_dlt, o->snaplen);
	if (compile_filters(o, &feth, &fraw))
		return 1;
	if (o->dflag) {
		filter_dump(&feth, o->dflag, o->snaplen);
		ret = 0;
		goto cleanup;
	}
	if (!have_privileges()) {
		die_msg("you don't have permission to capture: run as root, or "
			"with CAP_BPF, CAP_NET_ADMIN and CAP_PERFMON");
		goto cleanup;
	}
	if (privs_check_user(o->user) < 0)
		goto cleanup;
	lv.any = o->nifaces == 0;
	for (int i = 0; i < o->nifaces; i++)
		if (strcmp(o->ifaces[i], "any") == 0)
			lv.any = true;
	lv.ethbuf = malloc(14 + PTD_MAX_CAPLEN);
	lv.epfd = epoll_create1(EPOLL_CLOEXEC);
	if (!lv.ethbuf || lv.epfd < 0)
		goto cleanup;
	if (live_netns_open(&lv) < 0 || live_check_ifaces(&lv) < 0 ||
	    live_check_device_opts(o) < 0)
		goto cleanup;
	ino_fd = live_netns_inotify(&lv);

	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGUSR1);
	sigaddset(&mask, SIGHUP);
	sigaddset(&mask, SIGCHLD);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	signal(SIGPIPE, SIG_IGN);
	sfd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);

	if (o->command && live_child_spawn(&lv) < 0) {
		die_msg("cannot start %s: %s", o->command[0], strerror(errno));
		goto cleanup;
	}
	/* before the first filter (a SIGKILL must not leave them running)
	 * and before the first thread (a fork copies only this one) */
	if (reaper_start(&lv.reaper) < 0 && !o->quiet_warnings)
		fprintf(stderr, "ptcpdump: warning: cannot start a process to "
			"clean up after a kill: %s\n", strerror(errno));
	/* the runtimes are listed while the kernel checks our programs: with
	 * 200 containers each takes about 100 ms */
	cmeta_quiet_warnings(o->quiet_warnings);
	lv.cm = cmeta_launch(o->containerd_addr, o->docker_addr, o->cri_addr);
	memset(&lo, 0, sizeof(lo));
	live_filter_mode(o, &lo.filter_mode);
	lo.follow_forks = o->follow_forks || o->command;
	lo.pname = o->pname;
	lo.snaplen = o->snaplen;
	lo.directions = o->directions;
	lo.filter_eth = &feth;
	lo.filter_raw = &fraw;
	lo.force_tc = o->force_tc;
	lo.btf_path = o->btf_path;
	/* -B KiB, rounded up to a power of two (a packet larger than the
	 * ring is counted as dropped, as with a small kernel buffer); the
	 * reader is woken per 1/16 of it, or at once with -l and -U */
	lo.ring_bytes = 1 << 14;	/* a smaller -B is rounded up */
	while (lo.ring_bytes < (uint64_t)o->buffer_kib * 1024 &&
	       lo.ring_bytes < (1ull << 30))
		lo.ring_bytes <<= 1;
	lo.wake_bytes = o->text.flush || o->unbuffered ? 0 : lo.ring_bytes / 16;
	if (loader_open(&lo, &lv.ld, err, sizeof(err)) < 0) {
		die_msg("%s", err);
		goto cleanup;
	}
	/* tracking first, then /proc: no process falls in between */
	if (loader_start_tracking(lv.ld, err, sizeof(err)) < 0) {
		die_msg("%s", err);
		goto cleanup;
	}
	lv.proc_rb = ring_buffer__new(loader_proc_events_fd(lv.ld),
				      on_proc_event, &lv, NULL);
	lv.pc = proc_cache_new(65536);
	if (!lv.proc_rb || !lv.pc) {
		die_msg("cannot set up the process tracking");
		goto cleanup;
	}
	/* the output before the runtimes' warnings (held until prepare_meta
	 * is done): a file that cannot be written is the one message */
	if (sinks_open(&lv.sinks, o, WRITER_LINKTYPE_ETHERNET, o->snaplen, err,
		       sizeof(err))) {
		die_msg("%s", err);
		goto cleanup;
	}
	/* /proc and the runtimes are read while the interfaces are attached:
	 * each attachment waits for the kernel, and packets wait in the
	 * buffers until both are done */
	if (pthread_create(&prep, NULL, prepare_meta, &lv) != 0) {
		die_msg("cannot start a thread: %s", strerror(errno));
		goto cleanup;
	}
	prep_started = true;
	rerr = ring_open(loader_events_fd(lv.ld), on_packet, &lv, &lv.ring);
	if (rerr < 0) {
		die_msg("cannot open the ring buffer: %s", strerror(-rerr));
		goto cleanup;
	}
	if (lo.wake_bytes)
		ring_set_wake_flag(lv.ring, loader_wake_flag(lv.ld));
	ring_set_pre_deliver(lv.ring, consume_proc_events, &lv);
	if (o->drops)
		ring_set_holdback(lv.ring);
	/* one packet on several hops needs several interfaces */
	if (lv.any || o->nifaces > 1 || o->nnetns) {
		lv.pktid = pktid_new();
		if (!lv.pktid)
			goto cleanup;
		ring_set_batch_hook(lv.ring, observe_packet, &lv);
	}
	lv.boot_to_wall = boot_to_wall_offset();
	/* every interface we want; later ones via netlink */
	live_attach_all(&lv);
	pthread_join(prep, NULL);
	prep_started = false;
	ring_buffer__consume(lv.proc_rb);
	lv.en = enricher_new(lv.pc, lv.cm);
	if (lv.en)
		enricher_set_refresh(lv.en, consume_proc_ring, &lv);
	if (lv.attach_failed || !lv.en || live_filters_apply(&lv) < 0)
		goto cleanup;
	if (o->drops && live_drops_start(&lv, err, sizeof(err)) < 0) {
		die_msg("%s", err);
		goto cleanup;
	}
	if (privs_drop(o->user) < 0)
		goto cleanup;
	fprintf(stderr, "capturing on %s, link-type EN10MB (Ethernet), "
		"snapshot length %u bytes\n", capture_name(o), o->snaplen);
	live_child_release(&lv);
	ret = event_loop(&lv, sfd, ino_fd) < 0 ? 1 : 0;
	/* detach first, then drain what is already in the buffers */
	live_detach_all(&lv);
	if (!lv.stop)
		ring_flush(lv.ring);
	live_drops_consume(&lv);
	live_writer_stats(&lv);
	if (sinks_close(&lv.sinks) < 0 || lv.iface_gone)
		ret = 1;
	print_stats(&lv);
cleanup:
	if (prep_started)
		pthread_join(prep, NULL);
	sinks_close(&lv.sinks);	/* after an error: what was opened */
	if (lv.child > 0 && !lv.child_exited) {
		live_child_release(&lv);
		if (ret != 0)
			kill(lv.child, SIGTERM);
		waitpid(lv.child, &lv.child_status, 0);
	}
	live_drops_stop(&lv);
	ring_close(lv.ring);
	pktid_free(lv.pktid);
	free(lv.vbuf);
	ring_buffer__free(lv.proc_rb);
	enricher_free(lv.en);
	cmeta_stop(lv.cm);
	proc_cache_free(lv.pc);
	loader_close(lv.ld);
	reaper_stop(&lv.reaper);
	netns_set_free(lv.nss);
	free(lv.wid);
	if (ino_fd >= 0)
		close(ino_fd);
	if (lv.epfd >= 0)
		close(lv.epfd);
	if (sfd >= 0)
		close(sfd);
	free(lv.ethbuf);
	filter_free(&feth);
	filter_free(&fraw);
	return ret;
}
