/*
 * Kernel side set-up: the capture skeleton, the generated filter entry
 * programs, and their attachment at tc on each interface.
 *
 * tcx links are preferred: the kernel detaches them when our process dies,
 * however it dies.  Where tcx is missing, or with many interfaces, a cls_bpf
 * filter on clsact is used with a fixed priority and the process's pid as
 * its handle, so that a later run can find and remove what a killed run
 * left, without touching anybody else's filters, another ptcpdump's
 * included.
 */
#include "loader.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "bpf/capture.h"
#include "capture.skel.h"

#ifndef BPF_TCX_INGRESS
#define BPF_TCX_INGRESS 46
#define BPF_TCX_EGRESS 47
#endif

/* clsact filters: our priority, and our pid as the handle, so that runs
 * side by side keep their own filters and a new run can tell a killed
 * run's filters (owner gone) from a running one's.  The priority also
 * says whose the qdisc is: PTD_TC_PRIO_MADE on one a run of ours made,
 * which the last of us to leave removes; PTD_TC_PRIO on one found there
 * (somebody else's, kept even when it is left empty). */
#define PTD_TC_PRIO 0xfff3
#define PTD_TC_PRIO_MADE 0xfff4

static uint16_t tc_prio(bool made)
{
	return made ? PTD_TC_PRIO_MADE : PTD_TC_PRIO;
}

/* One of our filters on a clsact hook. */
struct tc_ours {
	uint32_t handle;	/* the pid of the run that put it there */
	bool made;		/* at PTD_TC_PRIO_MADE */
};

enum { ENTRY_ETH_IN, ENTRY_ETH_OUT, ENTRY_RAW_IN, ENTRY_RAW_OUT, ENTRY_MAX };

struct attachment {
	uint64_t netns;
	uint32_t ifindex;
	int link_fd[2];		/* tcx: ingress, egress; -1 when none */
	bool tc[2];		/* clsact fallback in use */
	bool made_clsact;	/* we created the clsact qdisc */
	bool out_queue;		/* egress taken at the device queue (out_ifs) */
};

#define PTD_MAX_TRACK_LINKS 12
#define PTD_PARALLEL 16

struct loader {
	pthread_mutex_t lock;	/* att, natt, catt */
	struct capture_bpf *skel;
	struct bpf_link *track[PTD_MAX_TRACK_LINKS];
	int ntrack;
	int entry_fd[ENTRY_MAX];
	int directions;
	bool out_queue;		/* outgoing packets at net_dev_queue, not tc */
	bool use_tcx;
	bool tcx_seen;		/* a tcx attachment worked: the kernel has it */
	struct attachment *att;
	size_t natt, catt;
};

static int libbpf_quiet(enum libbpf_print_level lvl, const char *fmt,
			va_list ap)
{
	if (lvl == LIBBPF_WARN && getenv("PTCPDUMP_DEBUG"))
		return vfprintf(stderr, fmt, ap);
	return 0;
}

/* Opens and loads the capture object with its knobs; -errno on failure
 * (l->skel is NULL when it could not even be opened). */
static int open_skel(struct loader *l, const struct loader_opts *o)
{
	LIBBPF_OPTS(bpf_object_open_opts, oo, .btf_custom_path = o->btf_path);
	struct capture_bpf *sk = capture_bpf__open_opts(&oo);
	int r;

	l->skel = sk;
	if (!sk)
		return -errno;
	sk->rodata->snaplen = o->snaplen;
	sk->rodata->filter_mode = o->filter_mode;
	sk->rodata->follow_forks = o->follow_forks;
	sk->rodata->wake_bytes = o->wake_bytes;
	sk->rodata->page_size = (__u32)sysconf(_SC_PAGESIZE);
	if (o->ring_bytes &&
	    bpf_map__set_max_entries(sk->maps.events, o->ring_bytes))
		return -errno;
	if (o->pname) {
		strncpy((char *)sk->rodata->pname, o->pname, PTD_COMM_LEN - 1);
		sk->rodata->pname_set = 1;
	}
	/* one of the two net_dev_queue programs */
	bpf_program__set_autoload(l->out_queue ? sk->progs.ptd_dev_queue
					       : sk->progs.ptd_dev_queue_out,
				  false);
	r = capture_bpf__load(sk);
	return r ? -errno : 0;
}

int loader_open(const struct loader_opts *o, struct loader **out,
		char *err, size_t errlen)
{
	static const char *names[ENTRY_MAX] = {
		"ptd_filter_in", "ptd_filter_out", "ptd_filter3_in", "ptd_filter3_out"
	};
	struct loader *l;
	int i, r, main_fd, stats_fd, jmp_fd;
	uint32_t key;

	libbpf_set_print(libbpf_quiet);
	l = calloc(1, sizeof(*l));
	if (!l) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	for (i = 0; i < ENTRY_MAX; i++)
		l->entry_fd[i] = -1;
	pthread_mutex_init(&l->lock, NULL);
	l->directions = o->directions;
	/* without an expression, outgoing packets are taken by the program
	 * that names their sender (ptd_dev_queue_out); a kernel that cannot
	 * load it gets the tc egress hook */
	l->out_queue = !o->force_tc && (o->directions & CAP_DIR_OUT) &&
		       !o->filter_eth->insns && !o->filter_raw->insns;
	r = open_skel(l, o);
	if (r && l->skel && l->out_queue) {
		capture_bpf__destroy(l->skel);
		l->out_queue = false;
		r = open_skel(l, o);
	}
	if (r) {
		if (!l->skel)
			snprintf(err, errlen, "cannot open the BPF object: %s",
				 strerror(-r));
		else if (o->btf_path) {
			char why[128];

			libbpf_strerror(r, why, sizeof(why));
			snprintf(err, errlen, "cannot load the BPF programs "
				 "with the kernel BTF %s: %s", o->btf_path, why);
		} else if (access("/sys/kernel/btf/vmlinux", R_OK) != 0)
			snprintf(err, errlen, "cannot load the BPF programs: "
				 "kernel BTF (/sys/kernel/btf/vmlinux) is missing");
		else
			snprintf(err, errlen, "cannot load the BPF programs: %s",
				 strerror(-r));
		goto fail;
	}
	main_fd = bpf_program__fd(l->skel->progs.ptd_main);
	jmp_fd = bpf_map__fd(l->skel->maps.jmp);
	stats_fd = bpf_map__fd(l->skel->maps.stats);
	key = 0;
	if (bpf_map_update_elem(jmp_fd, &key, &main_fd, BPF_ANY))
		goto fail_errno;
	for (i = 0; i < ENTRY_MAX; i++) {
		const struct cbpf_prog *f = i < ENTRY_RAW_IN ? o->filter_eth
							     : o->filter_raw;
		/* ENTRY_* and PTD_SLOT_* are in the same order */
		int slot = i;

		l->entry_fd[i] = filter_load_entry(f, stats_fd, jmp_fd, slot,
						   names[i], err, errlen);
		if (l->entry_fd[i] < 0)
			goto fail;
	}
	/* tcx until the kernel says it has none (first attachment) */
	l->use_tcx = !o->force_tc;
	*out = l;
	return 0;
fail_errno:
	snprintf(err, errlen, "cannot set up the BPF maps: %s", strerror(errno));
fail:
	loader_close(l);
	return -1;
}

int loader_events_fd(struct loader *l)
{
	return bpf_map__fd(l->skel->maps.events);
}

volatile uint32_t *loader_wake_flag(struct loader *l)
{
	return l->skel->bss ? &l->skel->bss->ring_armed : NULL;
}

int loader_proc_events_fd(struct loader *l)
{
	return bpf_map__fd(l->skel->maps.proc_events);
}

int loader_map_fd(struct loader *l, const char *name)
{
	struct bpf_map *m;

	if (!l || !l->skel)
		return -1;
	m = bpf_object__find_map_by_name(l->skel->obj, name);
	return m ? bpf_map__fd(m) : -1;
}

/* The cgroup v2 mount: unified on hybrid hosts, /sys/fs/cgroup on v2 ones. */
static int cgroup2_root_fd(void)
{
	char line[1024], path[512];
	FILE *f = fopen("/proc/self/mountinfo", "r");
	int fd = -1;

	if (!f)
		return -1;
	while (fd < 0 && fgets(line, sizeof(line), f)) {
		char *sep = strstr(line, " - cgroup2 ");

		if (!sep || sscanf(line, "%*s %*s %*s %*s %511s", path) != 1)
			continue;
		fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	}
	fclose(f);
	return fd;
}

int loader_start_tracking(struct loader *l, char *err, size_t errlen)
{
	struct bpf_program *progs[] = {
		l->skel->progs.ptd_exec, l->skel->progs.ptd_fork,
		l->skel->progs.ptd_exit, l->skel->progs.ptd_sock_send,
		l->skel->progs.ptd_sock_recv,
		l->out_queue ? l->skel->progs.ptd_dev_queue_out
			     : l->skel->progs.ptd_dev_queue,
		l->skel->progs.ptd_tcp_sendmsg,
	};
	size_t i;
	int cg;

	for (i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
		struct bpf_link *link;

		/* net_dev_queue names the sender itself where it can tell a
		 * thread's own send from a softirq (in_user_task) */
		if (progs[i] == l->skel->progs.ptd_sock_send &&
		    l->skel->kconfig->CONFIG_SOFTIRQ_ON_OWN_STACK &&
		    l->skel->kconfig->CONFIG_VMAP_STACK)
			continue;
		link = bpf_program__attach(progs[i]);

		if (!link) {
			snprintf(err, errlen, "cannot attach %s: %s",
				 bpf_program__name(progs[i]), strerror(errno));
			return -1;
		}
		l->track[l->ntrack++] = link;
	}
	/* sockets created from now on get their creator as owner; without
	 * cgroup v2 the send/receive hooks still name them */
	cg = cgroup2_root_fd();
	if (cg >= 0) {
		struct bpf_link *link = bpf_program__attach_cgroup(
			l->skel->progs.ptd_sock_create, cg);

		if (link)
			l->track[l->ntrack++] = link;
		close(cg);
	}
	return 0;
}

static int map_set(struct bpf_map *m, const void *key, const void *val)
{
	return bpf_map_update_elem(bpf_map__fd(m), key, val, BPF_ANY);
}

int loader_filter_pid(struct loader *l, uint32_t pid)
{
	uint8_t one = 1;

	return map_set(l->skel->maps.filter_pids, &pid, &one);
}

int loader_filter_uid(struct loader *l, uint32_t uid)
{
	uint8_t one = 1;

	return map_set(l->skel->maps.filter_uids, &uid, &one);
}

int loader_filter_cgroup(struct loader *l, uint64_t cgroup_id)
{
	uint8_t one = 1;

	return map_set(l->skel->maps.filter_cgroups, &cgroup_id, &one);
}

static struct attachment *find_att(struct loader *l, uint64_t netns,
				   uint32_t ifindex)
{
	size_t i;

	for (i = 0; i < l->natt; i++)
		if (l->att[i].ifindex == ifindex && l->att[i].netns == netns)
			return &l->att[i];
	return NULL;
}

static uint32_t tc_handle(void)
{
	return (uint32_t)getpid();
}

static int tc_list_filters(uint32_t ifindex, bool egress,
			   struct tc_ours *ours, size_t *nours);

/* A clsact qdisc that holds filters, all of them other runs' of ours, one
 * of which made it: the last run to leave removes it (else runs that
 * overlap leave it behind, each thinking another made it). */
static bool clsact_of_ours(uint32_t ifindex)
{
	struct tc_ours o[2][16];
	size_t n[2] = { 16, 16 }, i;
	int in = tc_list_filters(ifindex, false, o[0], &n[0]);
	int out = tc_list_filters(ifindex, true, o[1], &n[1]);
	bool made = false;

	if (in < 0 || out < 0 || (size_t)(in + out) != n[0] + n[1])
		return false;
	for (int d = 0; d < 2; d++)
		for (i = 0; i < n[d]; i++)
			made |= o[d][i].made;
	return made;
}

/* first: this run's first filter on the device (the others' are judged
 * before ours is among them) */
static int tc_attach_one(int fd, uint32_t ifindex, bool egress, bool first,
			 bool *made)
{
	LIBBPF_OPTS(bpf_tc_hook, hook, .ifindex = (int)ifindex,
		    .attach_point = egress ? BPF_TC_EGRESS : BPF_TC_INGRESS);
	LIBBPF_OPTS(bpf_tc_opts, opts, .handle = tc_handle(), .prog_fd = fd,
		    .flags = BPF_TC_F_REPLACE);
	int r;

	r = bpf_tc_hook_create(&hook);
	if (r && r != -EEXIST)
		return r;
	if (r == 0 || (first && clsact_of_ours(ifindex)))
		*made = true;
	opts.priority = tc_prio(*made);
	return bpf_tc_attach(&hook, &opts);
}

/* Counts the filters on a clsact hook (-1 when unknown); with ours, also
 * collects those at our priorities (up to *nours). */
static int tc_list_filters(uint32_t ifindex, bool egress,
			   struct tc_ours *ours, size_t *nours)
{
	size_t max = nours ? *nours : 0;
	struct {
		struct nlmsghdr nh;
		struct tcmsg tc;
	} req;
	char buf[16384] __attribute__((aligned(4)));
	int fd, count = 0, done = 0;

	if (nours)
		*nours = 0;
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		return -1;
	memset(&req, 0, sizeof(req));
	req.nh.nlmsg_len = NLMSG_LENGTH(sizeof(req.tc));
	req.nh.nlmsg_type = RTM_GETTFILTER;
	req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.nh.nlmsg_seq = 1;
	req.tc.tcm_family = AF_UNSPEC;
	req.tc.tcm_ifindex = (int)ifindex;
	req.tc.tcm_parent = TC_H_MAKE(TC_H_CLSACT, egress ? TC_H_MIN_EGRESS
							   : TC_H_MIN_INGRESS);
	if (send(fd, &req, req.nh.nlmsg_len, 0) < 0)
		count = -1;
	while (count >= 0 && !done) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		struct nlmsghdr *nh;

		if (n <= 0) {
			count = -1;
			break;
		}
		for (nh = (struct nlmsghdr *)buf; NLMSG_OK(nh, (size_t)n);
		     nh = NLMSG_NEXT(nh, n)) {
			if (nh->nlmsg_type == NLMSG_DONE) {
				done = 1;
			} else if (nh->nlmsg_type == NLMSG_ERROR) {
				count = -1;
				done = 1;
			} else if (nh->nlmsg_type == RTM_NEWTFILTER) {
				const struct tcmsg *t = NLMSG_DATA(nh);
				uint32_t prio;

				/* a classifier comes with a message of its own
				 * (handle 0) before its filters' */
				if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(*t)) ||
				    !t->tcm_handle)
					continue;
				count++;
				prio = TC_H_MAJ(t->tcm_info) >> 16;
				if (prio != PTD_TC_PRIO &&
				    prio != PTD_TC_PRIO_MADE)
					continue;
				if (ours && *nours < max)
					ours[(*nours)++] = (struct tc_ours){
						t->tcm_handle,
						prio == PTD_TC_PRIO_MADE
					};
			}
		}
	}
	close(fd);
	return count;
}

/* Removes a clsact qdisc, but only while no filter at all is left on it:
 * somebody else's filters are never taken away. */
static void tc_destroy_clsact(uint32_t ifindex)
{
	LIBBPF_OPTS(bpf_tc_hook, hook, .ifindex = (int)ifindex,
		    .attach_point = BPF_TC_INGRESS | BPF_TC_EGRESS);

	if (tc_list_filters(ifindex, false, NULL, NULL) == 0 &&
	    tc_list_filters(ifindex, true, NULL, NULL) == 0)
		bpf_tc_hook_destroy(&hook);
}

static int tc_detach_handle(uint32_t ifindex, bool egress, uint32_t handle,
			    bool made)
{
	LIBBPF_OPTS(bpf_tc_hook, hook, .ifindex = (int)ifindex,
		    .attach_point = egress ? BPF_TC_EGRESS : BPF_TC_INGRESS);
	LIBBPF_OPTS(bpf_tc_opts, opts, .handle = handle,
		    .priority = tc_prio(made));

	return bpf_tc_detach(&hook, &opts);
}

static int tc_detach_one(uint32_t ifindex, bool egress, bool made)
{
	return tc_detach_handle(ifindex, egress, tc_handle(), made);
}

static void read_comm(const char *path, char *comm, size_t size)
{
	FILE *f = fopen(path, "re");

	comm[0] = '\0';
	if (!f)
		return;
	if (!fgets(comm, (int)size, f))
		comm[0] = '\0';
	fclose(f);
}

/* Is pid a running ptcpdump (the owner of the filters with that handle)?
 * Its comm says so, or is ours: a renamed copy, or both under valgrind,
 * whose comm is the tool's. */
static bool ptcpdump_alive(uint32_t pid)
{
	char path[64], comm[32], mine[32];

	if (pid == 0 || (kill((pid_t)pid, 0) < 0 && errno != EPERM))
		return false;
	snprintf(path, sizeof(path), "/proc/%u/comm", pid);
	read_comm(path, comm, sizeof(comm));
	if (!comm[0])
		return false;
	read_comm("/proc/self/comm", mine, sizeof(mine));
	return strncmp(comm, "ptcpdump", 8) == 0 || strcmp(comm, mine) == 0;
}

void loader_cleanup_stale(uint32_t ifindex)
{
	struct tc_ours o[16];
	bool ours = false;
	size_t n, i;
	int d;

	for (d = 0; d < 2; d++) {
		n = sizeof(o) / sizeof(o[0]);
		if (tc_list_filters(ifindex, d, o, &n) <= 0)
			continue;
		for (i = 0; i < n; i++)
			if (!ptcpdump_alive(o[i].handle) &&
			    tc_detach_handle(ifindex, d, o[i].handle,
					     o[i].made) == 0)
				ours |= o[i].made;
	}
	/* the qdisc a killed run of ours made goes too, if it is empty */
	if (ours)
		tc_destroy_clsact(ifindex);
}

void loader_remove_run(uint32_t ifindex, uint32_t pid)
{
	bool ours = false;
	int d;

	for (d = 0; d < 2; d++) {
		ours |= tc_detach_handle(ifindex, d, pid, true) == 0;
		tc_detach_handle(ifindex, d, pid, false);
	}
	if (ours)
		tc_destroy_clsact(ifindex);
}

/* Adds (or removes) a device to those whose outgoing packets
 * ptd_dev_queue_out takes; 0 or -errno. */
static int out_queue_set(struct loader *l, struct attachment *a, bool on)
{
	uint64_t key = a->netns << 32 | a->ifindex;
	uint8_t one = 1;
	int fd = bpf_map__fd(l->skel->maps.out_ifs);

	if (!on) {
		bpf_map_delete_elem(fd, &key);
		/* after the removal: no CPU goes on trusting its last lookup */
		__atomic_add_fetch(&l->skel->bss->out_gen, 1, __ATOMIC_SEQ_CST);
		a->out_queue = false;
		return 0;
	}
	if (bpf_map_update_elem(fd, &key, &one, BPF_ANY))
		return -errno;
	a->out_queue = true;
	return 0;
}

/*
 * Attaching takes the kernel a grace period per hook: attachments run in
 * parallel (live_attach_all's threads), so the slow part works on a local
 * struct and only the bookkeeping is under the lock.
 */
int loader_attach(struct loader *l, uint64_t netns, uint32_t ifindex, bool l3,
		  bool loopback, char *err, size_t errlen)
{
	struct attachment a;
	int d, r = 0;

	pthread_mutex_lock(&l->lock);
	r = find_att(l, netns, ifindex) ? 1 : 0;
	pthread_mutex_unlock(&l->lock);
	if (r)
		return 0;
	memset(&a, 0, sizeof(a));
	a.netns = netns;
	a.ifindex = ifindex;
	a.link_fd[0] = a.link_fd[1] = -1;
	for (d = 0; d < 2; d++) {
		int fd = l->entry_fd[(l3 ? ENTRY_RAW_IN : ENTRY_ETH_IN) + d];

		if (!(l->directions & (d ? CAP_DIR_OUT : CAP_DIR_IN)))
			continue;
		/* on loopback every packet comes back in: show it once, as
		 * tcpdump does (AF_PACKET skips PACKET_LOOPBACK) */
		if (loopback && d == 0)
			continue;
		if (d == 1 && l->out_queue) {
			r = out_queue_set(l, &a, true);
			if (r)
				goto fail;
			continue;
		}
		if (l->use_tcx) {
			r = bpf_link_create(fd, (int)ifindex,
					    d ? BPF_TCX_EGRESS : BPF_TCX_INGRESS,
					    NULL);
			if (r < 0 && (errno == EINVAL || errno == EOPNOTSUPP) &&
			    !l->tcx_seen) {
				/* no tcx in this kernel: clsact from now on */
				l->use_tcx = false;
				d--;
				continue;
			}
			if (r < 0) {
				r = -errno;
				goto fail;
			}
			l->tcx_seen = true;
			a.link_fd[d] = r;
		} else {
			r = tc_attach_one(fd, ifindex, d, !a.tc[0],
					  &a.made_clsact);
			if (r)
				goto fail;
			a.tc[d] = true;
		}
	}
	pthread_mutex_lock(&l->lock);
	if (l->natt == l->catt) {
		size_t n = l->catt ? l->catt * 2 : 64;
		struct attachment *na = NULL;

		if (n <= PTD_MAX_ATTACH)
			na = realloc(l->att, n * sizeof(*na));
		if (!na) {
			pthread_mutex_unlock(&l->lock);
			r = -ENOMEM;
			goto fail;
		}
		l->att = na;
		l->catt = n;
	}
	l->att[l->natt++] = a;
	pthread_mutex_unlock(&l->lock);
	return 0;
fail:
	snprintf(err, errlen, "cannot attach to interface index %u: %s",
		 ifindex, strerror(-r));
	for (d = 0; d < 2; d++) {
		if (a.link_fd[d] >= 0)
			close(a.link_fd[d]);
		if (a.tc[d])
			tc_detach_one(ifindex, d, a.made_clsact);
	}
	if (a.made_clsact)
		tc_destroy_clsact(ifindex);
	if (a.out_queue)
		out_queue_set(l, &a, false);
	return r;
}

static void detach_one(struct loader *l, struct attachment *a, bool tc_too)
{
	uint32_t ifindex = a->ifindex;
	int d;

	if (a->out_queue)
		out_queue_set(l, a, false);
	for (d = 0; d < 2; d++) {
		if (a->link_fd[d] >= 0)
			close(a->link_fd[d]);
		if (a->tc[d] && tc_too)
			tc_detach_one(ifindex, d, a->made_clsact);
	}
	if (a->made_clsact && tc_too)
		tc_destroy_clsact(ifindex);
	*a = l->att[--l->natt];
}

void loader_detach(struct loader *l, uint64_t netns, uint32_t ifindex)
{
	struct attachment *a;

	pthread_mutex_lock(&l->lock);
	a = find_att(l, netns, ifindex);
	if (a)
		detach_one(l, a, true);
	pthread_mutex_unlock(&l->lock);
}

struct closer {
	int *fds;
	size_t n;
	size_t next;
	pthread_mutex_t lock;
};

static void *close_worker(void *arg)
{
	struct closer *c = arg;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&c->lock);
		i = c->next++;
		pthread_mutex_unlock(&c->lock);
		if (i >= c->n)
			return NULL;
		close(c->fds[i]);
	}
}

void loader_close_links(struct loader *l)
{
	struct closer c = { .lock = PTHREAD_MUTEX_INITIALIZER };
	pthread_t th[PTD_PARALLEL];
	size_t i, nth = 0;
	int d;

	c.fds = calloc(l->natt * 2 + 1, sizeof(*c.fds));
	if (!c.fds)
		return;
	for (i = 0; i < l->natt; i++)
		for (d = 0; d < 2; d++)
			if (l->att[i].link_fd[d] >= 0) {
				c.fds[c.n++] = l->att[i].link_fd[d];
				l->att[i].link_fd[d] = -1;
			}
	/* each close waits for a grace period: overlap them */
	for (nth = 0; nth < PTD_PARALLEL && nth * 4 < c.n; nth++)
		if (pthread_create(&th[nth], NULL, close_worker, &c) != 0)
			break;
	close_worker(&c);
	for (i = 0; i < nth; i++)
		pthread_join(th[i], NULL);
	free(c.fds);
}

void loader_detach_netns(struct loader *l, uint64_t netns)
{
	size_t i = 0;

	/* the devices are gone or going with their namespace */
	while (i < l->natt)
		if (l->att[i].netns == netns)
			detach_one(l, &l->att[i], false);
		else
			i++;
}

void loader_stats(struct loader *l, struct loader_stats *st)
{
	int ncpu = libbpf_num_possible_cpus();
	int fd = bpf_map__fd(l->skel->maps.stats);
	uint64_t *vals;
	uint64_t sum[PTD_STAT_MAX] = { 0 };
	uint32_t k;
	int c;

	memset(st, 0, sizeof(*st));
	if (ncpu <= 0)
		return;
	vals = calloc((size_t)ncpu, sizeof(*vals));
	if (!vals)
		return;
	for (k = 0; k < PTD_STAT_MAX; k++) {
		if (bpf_map_lookup_elem(fd, &k, vals))
			continue;
		for (c = 0; c < ncpu; c++)
			sum[k] += vals[c];
	}
	free(vals);
	st->seen = sum[PTD_STAT_SEEN];
	st->matched = sum[PTD_STAT_MATCHED];
	st->lost = sum[PTD_STAT_LOST];
	st->proc_lost = sum[PTD_STAT_PROC_LOST];
	st->filtered = sum[PTD_STAT_FILTERED];
}

uint64_t loader_lost_on(struct loader *l, uint32_t ifindex)
{
	uint64_t v = 0;

	bpf_map_lookup_elem(bpf_map__fd(l->skel->maps.lost_by_iface),
			    &ifindex, &v);
	return v;
}

void loader_use_clsact(struct loader *l)
{
	pthread_mutex_lock(&l->lock);
	if (!l->natt)
		l->use_tcx = false;
	pthread_mutex_unlock(&l->lock);
}

void loader_close(struct loader *l)
{
	int i;

	if (!l)
		return;
	loader_close_links(l);
	while (l->natt)
		detach_one(l, &l->att[0], true);
	while (l->ntrack > 0)
		bpf_link__destroy(l->track[--l->ntrack]);
	free(l->att);
	for (i = 0; i < ENTRY_MAX; i++)
		if (l->entry_fd[i] >= 0)
			close(l->entry_fd[i]);
	capture_bpf__destroy(l->skel);
	pthread_mutex_destroy(&l->lock);
	free(l);
}
