/*
 * Processes by pid, in an open-addressing table of bounded size.  Exited
 * processes stay for a few seconds so that their last packets are still
 * named; when the table is full, the oldest exited entry makes room.
 */
#include "proc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct proc_cache {
	struct proc_entry *v;
	uint32_t cap;		/* power of two, 2 x max */
	uint32_t max;
	uint32_t n;
};

struct proc_cache *proc_cache_new(uint32_t max)
{
	struct proc_cache *pc = calloc(1, sizeof(*pc));
	uint32_t cap = 1024;

	if (!pc)
		return NULL;
	while (cap < max * 2)
		cap *= 2;
	pc->v = calloc(cap, sizeof(*pc->v));
	if (!pc->v) {
		free(pc);
		return NULL;
	}
	pc->cap = cap;
	pc->max = max;
	return pc;
}

static void entry_clear(struct proc_entry *e)
{
	free(e->cmd);
	free(e->args);
	memset(e, 0, sizeof(*e));
}

void proc_cache_free(struct proc_cache *pc)
{
	uint32_t i;

	if (!pc)
		return;
	for (i = 0; i < pc->cap; i++)
		if (pc->v[i].used)
			entry_clear(&pc->v[i]);
	free(pc->v);
	free(pc);
}

static uint32_t slot_of(const struct proc_cache *pc, uint32_t pid)
{
	return (pid * 2654435761u) & (pc->cap - 1);
}

static struct proc_entry *lookup(struct proc_cache *pc, uint32_t pid)
{
	uint32_t i = slot_of(pc, pid), k;

	for (k = 0; k < pc->cap; k++, i = (i + 1) & (pc->cap - 1)) {
		if (!pc->v[i].used)
			return NULL;
		if (pc->v[i].pid == pid)
			return &pc->v[i];
	}
	return NULL;
}

/* Backward-shift deletion keeps the probe chains intact. */
static void remove_at(struct proc_cache *pc, uint32_t i)
{
	uint32_t j = i, home;

	entry_clear(&pc->v[i]);
	pc->n--;
	for (;;) {
		j = (j + 1) & (pc->cap - 1);
		if (!pc->v[j].used)
			return;
		home = slot_of(pc, pc->v[j].pid);
		if (((j - home) & (pc->cap - 1)) >= ((j - i) & (pc->cap - 1))) {
			pc->v[i] = pc->v[j];
			memset(&pc->v[j], 0, sizeof(pc->v[j]));
			i = j;
		}
	}
}

static void evict_one(struct proc_cache *pc)
{
	uint32_t i, best = UINT32_MAX;
	uint64_t oldest = UINT64_MAX;

	for (i = 0; i < pc->cap; i++)
		if (pc->v[i].used && pc->v[i].exited_ns &&
		    pc->v[i].exited_ns < oldest) {
			oldest = pc->v[i].exited_ns;
			best = i;
		}
	if (best == UINT32_MAX)	/* all alive: drop an arbitrary one */
		for (i = 0; i < pc->cap && best == UINT32_MAX; i++)
			if (pc->v[i].used)
				best = i;
	if (best != UINT32_MAX)
		remove_at(pc, best);
}

static struct proc_entry *insert(struct proc_cache *pc, uint32_t pid)
{
	struct proc_entry *e = lookup(pc, pid);
	uint32_t i;

	if (e) {
		free(e->cmd);
		free(e->args);
		memset(e, 0, sizeof(*e));
		e->used = true;
		e->pid = pid;
		return e;
	}
	if (pc->n >= pc->max)
		evict_one(pc);
	for (i = slot_of(pc, pid); pc->v[i].used; i = (i + 1) & (pc->cap - 1))
		;
	e = &pc->v[i];
	e->used = true;
	e->pid = pid;
	pc->n++;
	return e;
}

char *proc_join_args(const char *buf, size_t len, bool truncated)
{
	char *s = malloc(len + 4);
	size_t i;

	if (!s)
		return NULL;
	while (len > 0 && buf[len - 1] == '\0')
		len--;
	for (i = 0; i < len; i++)
		s[i] = buf[i] ? buf[i] : ' ';
	if (truncated) {
		memcpy(s + len, "...", 3);
		len += 3;
	}
	s[len] = '\0';
	return s;
}

/* Reads up to size bytes of the file name under the directory dfd. */
static ssize_t read_at(int dfd, const char *name, char *buf, size_t size)
{
	int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC);
	ssize_t n, total = 0;

	if (fd < 0)
		return -1;
	while ((size_t)total < size &&
	       (n = read(fd, buf + total, size - (size_t)total)) > 0)
		total += n;
	close(fd);
	return total;
}

static uint32_t ns_inode(int dfd, const char *ns)
{
	struct stat st;

	return fstatat(dfd, ns, &st, 0) == 0 ? (uint32_t)st.st_ino : 0;
}

/* The leaf of the v2 cgroup path ("0::/docker/ID" -> "ID"). */
static void read_cgroup_leaf(int dfd, char *out, size_t size)
{
	char buf[4096], *line, *save = NULL;
	ssize_t n;

	out[0] = '\0';
	n = read_at(dfd, "cgroup", buf, sizeof(buf) - 1);
	if (n <= 0)
		return;
	buf[n] = '\0';
	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *leaf;

		if (strncmp(line, "0::", 3) != 0)
			continue;
		leaf = strrchr(line, '/');
		snprintf(out, size, "%s", leaf ? leaf + 1 : line + 3);
		return;
	}
}

/*
 * One process from /proc/PID into e (not in any cache); false when it is
 * gone.  Every file is opened relative to the process's directory, and
 * the name comes from stat ("PID (COMM) S PPID ...", COMM up to the last
 * ')'), which is the comm file's: at start-up this runs for every process
 * on the machine.
 */
static bool read_proc_entry(struct proc_entry *e, uint32_t pid)
{
	char path[32], buf[PTD_ARGS_LEN + 1], exe[PTD_FILENAME_LEN];
	char *open_p, *close_p;
	struct stat st;
	ssize_t n;
	size_t len;
	int dfd;

	memset(e, 0, sizeof(*e));
	snprintf(path, sizeof(path), "/proc/%u", pid);
	dfd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return false;
	n = read_at(dfd, "stat", buf, sizeof(buf) - 1);
	if (n <= 0 || fstat(dfd, &st) < 0) {
		close(dfd);
		return false;
	}
	buf[n] = '\0';
	e->used = true;
	e->pid = pid;
	e->uid = st.st_uid;
	open_p = strchr(buf, '(');
	close_p = strrchr(buf, ')');
	if (open_p && close_p && close_p > open_p) {
		len = (size_t)(close_p - open_p - 1);
		if (len > sizeof(e->comm) - 1)
			len = sizeof(e->comm) - 1;
		memcpy(e->comm, open_p + 1, len);
		sscanf(close_p + 1, " %*c %u", &e->ppid);
	}
	n = readlinkat(dfd, "exe", exe, sizeof(exe) - 1);
	exe[n > 0 ? n : 0] = '\0';
	e->cmd = strdup(exe);
	n = read_at(dfd, "cmdline", buf, PTD_ARGS_LEN);
	e->args = proc_join_args(buf, n > 0 ? (size_t)n : 0, n >= PTD_ARGS_LEN);
	e->pidns = ns_inode(dfd, "ns/pid");
	e->mntns = ns_inode(dfd, "ns/mnt");
	e->netns = ns_inode(dfd, "ns/net");
	read_cgroup_leaf(dfd, e->cgroup, sizeof(e->cgroup));
	close(dfd);
	return true;
}

/* The cached entry for e's pid, which takes e's strings. */
static struct proc_entry *adopt(struct proc_cache *pc,
				const struct proc_entry *e)
{
	struct proc_entry *c = insert(pc, e->pid);

	*c = *e;
	return c;
}

static struct proc_entry *read_proc(struct proc_cache *pc, uint32_t pid)
{
	struct proc_entry e;

	return read_proc_entry(&e, pid) ? adopt(pc, &e) : NULL;
}

/* The start-up scan, shared by its threads. */
struct scan {
	const uint32_t *pids;
	struct proc_entry *out;	/* out[i]: pids[i], unused when gone */
	size_t n;
	size_t next;		/* the next index to read (atomic) */
};

static void *scan_worker(void *arg)
{
	struct scan *sc = arg;
	size_t i;

	while ((i = __atomic_fetch_add(&sc->next, 1, __ATOMIC_RELAXED)) < sc->n)
		read_proc_entry(&sc->out[i], sc->pids[i]);
	return NULL;
}

/* The numeric entries of /proc into *pids: their count, or -1. */
static ssize_t list_pids(uint32_t **pids)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	size_t n = 0, cap = 0;
	uint32_t *v = NULL, *nv;
	ssize_t ret = -1;

	*pids = NULL;
	if (!d)
		return -1;
	while ((de = readdir(d))) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			nv = realloc(v, cap * sizeof(*v));
			if (!nv)
				goto cleanup;
			v = nv;
		}
		v[n++] = (uint32_t)strtoul(de->d_name, NULL, 10);
	}
	*pids = v;
	v = NULL;
	ret = (ssize_t)n;
cleanup:
	free(v);
	closedir(d);
	return ret;
}

/* At most this many threads read /proc at start-up, and no more than
 * there are CPUs, each for at least PROC_SCAN_PER_THREAD processes. */
#define PROC_SCAN_THREADS 8
#define PROC_SCAN_PER_THREAD 256

void proc_cache_scan(struct proc_cache *pc)
{
	pthread_t th[PROC_SCAN_THREADS - 1];
	struct scan sc = { 0 };
	uint32_t *pids;
	ssize_t n = list_pids(&pids);
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t i, nth = 0, want;

	if (n <= 0)
		goto cleanup;
	sc.pids = pids;
	sc.n = (size_t)n;
	sc.out = calloc(sc.n, sizeof(*sc.out));
	if (!sc.out) {		/* one at a time, straight into the cache */
		for (i = 0; i < sc.n; i++)
			read_proc(pc, pids[i]);
		goto cleanup;
	}
	want = sc.n / PROC_SCAN_PER_THREAD;
	if (cpus > 0 && want > (size_t)cpus)
		want = (size_t)cpus;
	if (want > PROC_SCAN_THREADS)
		want = PROC_SCAN_THREADS;
	/* this thread reads too */
	while (nth + 1 < want &&
	       pthread_create(&th[nth], NULL, scan_worker, &sc) == 0)
		nth++;
	scan_worker(&sc);
	for (i = 0; i < nth; i++)
		pthread_join(th[i], NULL);
	for (i = 0; i < sc.n; i++)
		if (sc.out[i].used)
			adopt(pc, &sc.out[i]);
cleanup:
	free(sc.out);
	free(pids);
}

static void fill_from_event(struct proc_entry *e, const struct ptd_proc_event *ev)
{
	e->ppid = ev->ppid;
	e->uid = ev->uid;
	e->pidns = ev->pidns;
	e->mntns = ev->mntns;
	e->netns = ev->netns;
	e->cgroup_id = ev->cgroup_id;
	memcpy(e->comm, ev->comm, sizeof(e->comm));
	e->comm[sizeof(e->comm) - 1] = '\0';
	memcpy(e->cgroup, ev->cgroup, sizeof(e->cgroup));
	e->cgroup[sizeof(e->cgroup) - 1] = '\0';
}

void proc_cache_event(struct proc_cache *pc, const struct ptd_proc_event *ev,
		      size_t size)
{
	struct proc_entry *e, *parent;
	char *cmd = NULL, *args = NULL;
	size_t flen, alen;

	if (size < offsetof(struct ptd_proc_event, filename))
		return;
	switch (ev->type) {
	case PTD_EV_EXEC:
		if (size < sizeof(*ev))
			return;
		flen = ev->filename_len < PTD_FILENAME_LEN ? ev->filename_len
							    : PTD_FILENAME_LEN - 1;
		alen = ev->args_len <= PTD_ARGS_LEN ? ev->args_len : PTD_ARGS_LEN;
		cmd = strndup(ev->filename, flen);
		args = proc_join_args(ev->args, alen, ev->args_truncated);
		e = insert(pc, ev->pid);
		fill_from_event(e, ev);
		e->cmd = cmd;
		e->args = args;
		break;
	case PTD_EV_FORK:
		/* the child runs its parent's program until it execs */
		parent = lookup(pc, ev->ppid);
		if (parent) {
			cmd = parent->cmd ? strdup(parent->cmd) : NULL;
			args = parent->args ? strdup(parent->args) : NULL;
		}
		e = insert(pc, ev->pid);
		fill_from_event(e, ev);
		e->cmd = cmd;
		e->args = args;
		break;
	case PTD_EV_EXIT:
		e = lookup(pc, ev->pid);
		if (e)
			e->exited_ns = ev->ts_boot_ns ? ev->ts_boot_ns : 1;
		break;
	}
}

const struct proc_entry *proc_cache_get(struct proc_cache *pc, uint32_t pid)
{
	struct proc_entry *e;

	if (pid == 0)
		return NULL;
	e = lookup(pc, pid);
	if (e)
		return e;
	return read_proc(pc, pid);
}

void proc_cache_expire(struct proc_cache *pc, uint64_t now, uint64_t keep_ns)
{
	uint32_t i;

	for (i = 0; i < pc->cap; i++) {
		struct proc_entry *e = &pc->v[i];

		/* removal shifts a later entry into i: look at i again */
		while (e->used && e->exited_ns && e->exited_ns + keep_ns < now)
			remove_at(pc, i);
	}
}
