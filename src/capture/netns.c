/*
 * Network namespaces: found by path, under /run/netns and through /proc, and
 * followed while the capture runs.  Each covered namespace gets its own
 * rtnetlink socket (made inside it); a namespace that no process and no
 * bind mount holds any more is dropped, so our socket does not keep it
 * alive.
 */
#include "netns.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NETNS_MAX 4096
#define KNOWN_MAX 65536

struct netns_set {
	enum netns_mode mode;
	iface_cb cb;
	void *owner;
	int self_fd;
	uint64_t self_ino;
	struct netns **v;
	size_t n, cap;
	uint64_t *before;	/* newly: inodes that existed at the start */
	size_t nbefore;
	uint64_t *alive;	/* during a rescan: inodes still held */
	size_t nalive;
};

static int ino_of(const char *path, uint64_t *ino)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return -1;
	*ino = (uint64_t)st.st_ino;
	return 0;
}

uint64_t netns_self_ino(const struct netns_set *s)
{
	return s->self_ino;
}

struct netns *netns_find(struct netns_set *s, uint64_t ino)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i]->ino == ino)
			return s->v[i];
	return NULL;
}

struct netns *netns_at(struct netns_set *s, size_t i)
{
	return i < s->n ? s->v[i] : NULL;
}

int netns_run_in(struct netns_set *s, const struct netns *ns,
		 int (*fn)(void *arg), void *arg)
{
	int fd, r;

	if (ns->self)
		return fn(arg);
	fd = open(ns->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (setns(fd, CLONE_NEWNET) != 0) {
		close(fd);
		return -1;
	}
	close(fd);
	r = fn(arg);
	if (setns(s->self_fd, CLONE_NEWNET) != 0) {
		/* cannot get back: nothing after this would be right */
		perror("ptcpdump: setns back to our namespace");
		abort();
	}
	return r;
}

struct open_ctx {
	struct netns_set *s;
	struct netns *ns;
};

static int open_ifaces(void *arg)
{
	struct open_ctx *c = arg;

	return ifaces_open(&c->ns->ift, c->s->cb, c->ns);
}

static bool existed_before(const struct netns_set *s, uint64_t ino)
{
	size_t i;

	for (i = 0; i < s->nbefore; i++)
		if (s->before[i] == ino)
			return true;
	return false;
}

/* Adds a namespace known by path and inode; opens its interface table. */
static struct netns *add_ns(struct netns_set *s, const char *path,
			    uint64_t ino)
{
	struct open_ctx c;
	struct netns *ns = netns_find(s, ino);

	if (ns && !ns->gone)
		return ns;
	if (!ns) {
		if (s->n == s->cap) {
			size_t nc = s->cap ? s->cap * 2 : 16;
			struct netns **nv;

			if (nc > NETNS_MAX)
				return NULL;
			nv = realloc(s->v, nc * sizeof(*nv));
			if (!nv)
				return NULL;
			s->v = nv;
			s->cap = nc;
		}
		ns = calloc(1, sizeof(*ns));
		if (!ns)
			return NULL;
		ns->user_fd = -2;
		s->v[s->n++] = ns;
	}
	if (ns->gone)
		ns->user_fd = -2;	/* back again: a new socket */
	ns->ino = ino;
	ns->self = ino == s->self_ino;
	ns->gone = false;
	ns->owner = s->owner;
	snprintf(ns->path, sizeof(ns->path), "%s", path);
	c.s = s;
	c.ns = ns;
	if (netns_run_in(s, ns, open_ifaces, &c) < 0 || !ns->ift) {
		ns->gone = true;
		return NULL;
	}
	if (ifaces_dump(ns->ift) < 0) {
		ifaces_close(ns->ift);
		ns->ift = NULL;
		ns->gone = true;
		return NULL;
	}
	return ns;
}

struct netns *netns_add(struct netns_set *s, const char *spec)
{
	char path[256];
	uint64_t ino;

	if (strchr(spec, '/'))
		snprintf(path, sizeof(path), "%s", spec);
	else
		snprintf(path, sizeof(path), "/run/netns/%s", spec);
	if (ino_of(path, &ino) != 0)
		return NULL;
	return add_ns(s, path, ino);
}

/* Calls fn for every namespace on the host: bind mounts and processes. */
static void for_each_host_ns(struct netns_set *s,
			     void (*fn)(struct netns_set *s, const char *path,
					uint64_t ino))
{
	char path[300];
	struct dirent *de;
	uint64_t ino;
	DIR *d;

	d = opendir("/run/netns");
	while (d && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/run/netns/%s", de->d_name);
		if (ino_of(path, &ino) == 0)
			fn(s, path, ino);
	}
	if (d)
		closedir(d);
	d = opendir("/proc");
	while (d && (de = readdir(d))) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/ns/net", de->d_name);
		if (ino_of(path, &ino) == 0)
			fn(s, path, ino);
	}
	if (d)
		closedir(d);
}

static void remember_before(struct netns_set *s, const char *path, uint64_t ino)
{
	(void)path;
	if (existed_before(s, ino) || s->nbefore >= KNOWN_MAX)
		return;
	s->before[s->nbefore++] = ino;
}

static void add_found(struct netns_set *s, const char *path, uint64_t ino)
{
	struct netns *ns = netns_find(s, ino);

	if (ns && !ns->gone)
		return;
	if (s->mode == NETNS_NEWLY && existed_before(s, ino))
		return;
	add_ns(s, path, ino);
}

static void mark_alive(struct netns_set *s, const char *path, uint64_t ino)
{
	(void)path;
	if (s->nalive < KNOWN_MAX)
		s->alive[s->nalive++] = ino;
}

int netns_rescan(struct netns_set *s)
{
	size_t before = s->n, i, k;
	int changes = 0;

	if (s->mode != NETNS_LIST)
		for_each_host_ns(s, add_found);
	changes += (int)(s->n - before);
	/* drop the namespaces nobody holds any more */
	s->alive = calloc(KNOWN_MAX, sizeof(*s->alive));
	if (!s->alive)
		return changes;
	s->nalive = 0;
	for_each_host_ns(s, mark_alive);
	for (i = 0; i < s->n; i++) {
		struct netns *ns = s->v[i];

		if (ns->self || ns->gone)
			continue;
		for (k = 0; k < s->nalive && s->alive[k] != ns->ino; k++)
			;
		if (k < s->nalive)
			continue;
		ns->gone = true;
		ifaces_close(ns->ift);
		ns->ift = NULL;
		changes++;
	}
	free(s->alive);
	s->alive = NULL;
	return changes;
}

void netns_seen(struct netns_set *s, uint64_t ino, uint32_t pid)
{
	char path[64];
	struct netns *ns = netns_find(s, ino);

	if (s->mode == NETNS_LIST || (ns && !ns->gone))
		return;
	if (s->mode == NETNS_NEWLY && existed_before(s, ino))
		return;
	snprintf(path, sizeof(path), "/proc/%u/ns/net", pid);
	add_ns(s, path, ino);
}

int netns_set_new(struct netns_set **out, enum netns_mode mode, iface_cb cb,
		  void *owner)
{
	struct netns_set *s = calloc(1, sizeof(*s));

	if (!s)
		return -ENOMEM;
	s->mode = mode;
	s->cb = cb;
	s->owner = owner;
	s->self_fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (s->self_fd < 0 || ino_of("/proc/self/ns/net", &s->self_ino) != 0) {
		netns_set_free(s);
		return -errno;
	}
	if (mode == NETNS_NEWLY) {
		s->before = calloc(KNOWN_MAX, sizeof(*s->before));
		if (!s->before) {
			netns_set_free(s);
			return -ENOMEM;
		}
		for_each_host_ns(s, remember_before);
	}
	*out = s;
	return 0;
}

void netns_set_free(struct netns_set *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++) {
		ifaces_close(s->v[i]->ift);
		free(s->v[i]);
	}
	free(s->v);
	free(s->before);
	if (s->self_fd >= 0)
		close(s->self_fd);
	free(s);
}
