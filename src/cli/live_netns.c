/*
 * The interfaces a live capture covers: in our network namespace, or in the
 * ones --netns selects, followed as they come and go.
 */
#include "live.h"

#include <errno.h>
#include <pthread.h>
#include <net/if_arp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define EV_IFACES_TAG (1ull << 62)
#define WID_SLOTS 4096

static bool wanted(const struct live *lv, const struct iface *ifc)
{
	int i;

	if (lv->any)
		return true;
	for (i = 0; i < lv->o->nifaces; i++)
		if (strcmp(lv->o->ifaces[i], ifc->name) == 0)
			return true;
	return false;
}

struct attach_ctx {
	struct live *lv;
	const struct netns *ns;
	const struct iface *ifc;
	char err[256];
};

static int do_attach(void *arg)
{
	struct attach_ctx *c = arg;

	return loader_attach(c->lv->ld, c->ns->ino, c->ifc->ifindex,
			     iface_is_l3(c->ifc), c->ifc->type == ARPHRD_LOOPBACK,
			     c->err, sizeof(c->err));
}

static int do_detach(void *arg)
{
	struct attach_ctx *c = arg;

	loader_detach(c->lv->ld, c->ns->ino, c->ifc->ifindex);
	return 0;
}

static int do_cleanup_stale(void *arg)
{
	struct attach_ctx *c = arg;

	loader_cleanup_stale(c->ifc->ifindex);
	return 0;
}

/* ifaces callback: arg is the struct netns, whose owner is the live. */
static void on_iface(void *arg, const struct iface *ifc, bool added)
{
	struct netns *ns = arg;
	struct attach_ctx c = { .lv = ns->owner, .ns = ns, .ifc = ifc };
	struct live *lv = c.lv;

	lv->ifgen++;	/* names may have changed */
	if (!lv->ld || !wanted(lv, ifc))
		return;
	if (!added) {
		netns_run_in(lv->nss, ns, do_detach, &c);
		/* like tcpdump, a capture on named interfaces ends with them */
		if (!lv->any && lv->o->nnetns == 0 && live_check_present(lv) == 0) {
			die_msg("%s: The interface disappeared", ifc->name);
			lv->iface_gone = true;
		}
		return;
	}
	if (netns_run_in(lv->nss, ns, do_attach, &c) < 0) {
		/* an interface or namespace that vanished meanwhile is fine */
		if (lv->any || !ns->self)
			return;
		die_msg("%s: %s", ifc->name, c.err);
		lv->attach_failed = true;
	}
}

int live_netns_open(struct live *lv)
{
	const struct options *o = lv->o;
	enum netns_mode mode = NETNS_LIST;
	int i, r;

	for (i = 0; i < o->nnetns; i++) {
		if (strcmp(o->netns[i], "any") == 0)
			mode = NETNS_ANY;
		else if (strcmp(o->netns[i], "newly") == 0 && mode != NETNS_ANY)
			mode = NETNS_NEWLY;
	}
	r = netns_set_new(&lv->nss, mode, on_iface, lv);
	if (r < 0) {
		die_msg("cannot open our network namespace: %s", strerror(-r));
		return -1;
	}
	lv->netns_ino = netns_self_ino(lv->nss);
	if (o->nnetns == 0 || mode == NETNS_ANY) {
		if (!netns_add(lv->nss, "/proc/self/ns/net")) {
			die_msg("cannot list the interfaces: %s", strerror(errno));
			return -1;
		}
	}
	for (i = 0; i < o->nnetns; i++) {
		const char *spec = o->netns[i];

		if (strcmp(spec, "any") == 0 || strcmp(spec, "newly") == 0)
			continue;
		if (!netns_add(lv->nss, spec)) {
			die_msg("%s: cannot use this network namespace: %s", spec,
				strerror(errno ? errno : ENOENT));
			return -1;
		}
	}
	if (mode != NETNS_LIST)
		netns_rescan(lv->nss);
	return 0;
}

/* How many of the interfaces named with -i are present now. */
int live_check_present(struct live *lv)
{
	struct netns *ns;
	size_t k;
	int i, n = 0;

	for (i = 0; i < lv->o->nifaces; i++)
		for (k = 0; (ns = netns_at(lv->nss, k)); k++)
			if (ns->ift && ifaces_by_name(ns->ift, lv->o->ifaces[i])) {
				n++;
				break;
			}
	return n;
}

int live_check_ifaces(struct live *lv)
{
	size_t k;
	int i;

	for (i = 0; i < lv->o->nifaces; i++) {
		bool found = false;

		if (strcmp(lv->o->ifaces[i], "any") == 0)
			continue;
		for (k = 0; !found && netns_at(lv->nss, k); k++) {
			struct netns *ns = netns_at(lv->nss, k);

			found = ns->ift && ifaces_by_name(ns->ift, lv->o->ifaces[i]);
		}
		/* with any/newly the interface may come later */
		if (!found && lv->o->nnetns == 0) {
			die_msg("%s: No such device exists", lv->o->ifaces[i]);
			return -1;
		}
	}
	return 0;
}

/* One interface: clean what a killed run left (clsact), then attach. */
static void attach_one(struct live *lv, struct netns *ns, const struct iface *ifc)
{
	struct attach_ctx c = { .lv = lv, .ns = ns, .ifc = ifc };

	if (!ifc->present)
		return;
	netns_run_in(lv->nss, ns, do_cleanup_stale, &c);
	on_iface(ns, ifc, true);
}

static void attach_ns(struct live *lv, struct netns *ns)
{
	const struct iface *ifc;
	size_t i;

	for (i = 0; ns->ift && (ifc = ifaces_at(ns->ift, i)); i++)
		attach_one(lv, ns, ifc);
}

#define ATTACH_THREADS 16
/* More interfaces than this at the start: clsact filters, not tcx links
 * (each tcx link costs two grace periods: 13 interfaces took ~400 ms) */
#define ATTACH_TCX_MAX 4

struct attach_job {
	struct live *lv;
	struct { struct netns *ns; const struct iface *ifc; } *items;
	size_t n, next;
	pthread_mutex_t lock;
};

static void *attach_worker(void *arg)
{
	struct attach_job *j = arg;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&j->lock);
		i = j->next++;
		pthread_mutex_unlock(&j->lock);
		if (i >= j->n)
			return NULL;
		attach_one(j->lv, j->items[i].ns, j->items[i].ifc);
	}
}

/*
 * Every interface at the start, from several threads.  A tcx attachment
 * (and its detachment at exit) waits for an RCU grace period while holding
 * rtnl, so they do not overlap: 200 container veths took 4 s to attach and
 * 4 s to detach.  With more than ATTACH_TCX_MAX interfaces the default
 * backend is clsact (~0.5 ms each; the reaper removes them if we are
 * killed); `--backend tcx` keeps tcx.
 */
void live_attach_all(struct live *lv)
{
	struct attach_job j = { .lv = lv, .lock = PTHREAD_MUTEX_INITIALIZER };
	pthread_t th[ATTACH_THREADS];
	const struct iface *ifc;
	struct netns *ns;
	size_t k, i, cap = 0, nth, wanted_n = 0;

	for (k = 0; (ns = netns_at(lv->nss, k)); k++)
		for (i = 0; ns->ift && (ifc = ifaces_at(ns->ift, i)); i++) {
			if (j.n == cap) {
				void *nv;

				cap = cap ? cap * 2 : 64;
				nv = realloc(j.items, cap * sizeof(*j.items));
				if (!nv)
					break;
				j.items = nv;
			}
			j.items[j.n].ns = ns;
			j.items[j.n++].ifc = ifc;
			wanted_n += ifc->present && wanted(lv, ifc);
		}
	if (wanted_n > ATTACH_TCX_MAX && !lv->o->force_tcx)
		loader_use_clsact(lv->ld);
	for (nth = 0; nth < ATTACH_THREADS && nth * 2 < j.n; nth++)
		if (pthread_create(&th[nth], NULL, attach_worker, &j) != 0)
			break;
	attach_worker(&j);
	for (i = 0; i < nth; i++)
		pthread_join(th[i], NULL);
	free(j.items);
	for (k = 0; (ns = netns_at(lv->nss, k)); k++)
		if (ns->user_fd == -2)
			ns->user_fd = -1;	/* attached, not yet polled */
	live_netns_sync(lv);
}

void live_detach_all(struct live *lv)
{
	const struct iface *ifc;
	struct netns *ns;
	size_t k, i;

	/* tcx links all at once; what is left is the clsact fallback */
	loader_close_links(lv->ld);
	for (k = 0; (ns = netns_at(lv->nss, k)); k++) {
		if (!ns->ift) {
			loader_detach_netns(lv->ld, ns->ino);
			continue;
		}
		for (i = 0; (ifc = ifaces_at(ns->ift, i)); i++) {
			struct attach_ctx c = { .lv = lv, .ns = ns, .ifc = ifc };

			netns_run_in(lv->nss, ns, do_detach, &c);
		}
		loader_detach_netns(lv->ld, ns->ino);
	}
}

/* Registers new namespaces' netlink sockets with the event loop, attaches
 * to their interfaces, and forgets the ones that are gone. */
void live_netns_sync(struct live *lv)
{
	struct epoll_event ev;
	struct netns *ns;
	size_t k;

	for (k = 0; (ns = netns_at(lv->nss, k)); k++) {
		if (ns->gone) {
			if (ns->user_fd >= 0)
				loader_detach_netns(lv->ld, ns->ino);
			ns->user_fd = -1;
			continue;
		}
		if (!ns->ift || ns->user_fd == ifaces_fd(ns->ift))
			continue;
		if (lv->ld && ns->user_fd == -2)
			attach_ns(lv, ns);	/* new since the start */
		ns->user_fd = ifaces_fd(ns->ift);
		ev.events = EPOLLIN;
		ev.data.u64 = EV_IFACES_TAG | k;
		epoll_ctl(lv->epfd, EPOLL_CTL_ADD, ns->user_fd, &ev);
	}
}

bool live_netns_event(struct live *lv, uint64_t data)
{
	struct netns *ns;

	if (!(data & EV_IFACES_TAG))
		return false;
	ns = netns_at(lv->nss, (size_t)(data & ~EV_IFACES_TAG));
	if (ns && ns->ift)
		ifaces_process(ns->ift);
	return true;
}

void live_netns_seen(struct live *lv, uint32_t netns, uint32_t pid)
{
	if (!lv->nss || netns == 0 || netns_find(lv->nss, netns))
		return;
	netns_seen(lv->nss, netns, pid);
	live_netns_sync(lv);
}

void live_netns_housekeeping(struct live *lv)
{
	if (netns_rescan(lv->nss) > 0)
		live_netns_sync(lv);
}

int live_netns_inotify(struct live *lv)
{
	int fd;

	if (lv->o->nnetns == 0)
		return -1;
	fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd < 0)
		return -1;
	if (inotify_add_watch(fd, "/run/netns", IN_CREATE | IN_MOVED_TO |
			      IN_DELETE | IN_ATTRIB) < 0 &&
	    inotify_add_watch(fd, "/run", IN_CREATE) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static const char *ifname_lookup(struct live *lv, uint64_t netns,
				 uint32_t ifindex, char *buf, size_t size,
				 bool *l3)
{
	struct netns *ns = netns ? netns_find(lv->nss, netns)
				 : netns_find(lv->nss, lv->netns_ino);
	const struct iface *ifc = ns && ns->ift ? ifaces_get(ns->ift, ifindex)
						: NULL;

	*l3 = ifc && iface_is_l3(ifc);
	if (ifc && ifc->name[0] && (!netns || netns == lv->netns_ino))
		snprintf(buf, size, "%s", ifc->name);
	else if (ifc && ifc->name[0])
		snprintf(buf, size, "%s@%llu", ifc->name, (unsigned long long)netns);
	else if (netns && netns != lv->netns_ino)
		snprintf(buf, size, "%u@%llu", ifindex, (unsigned long long)netns);
	else
		snprintf(buf, size, "%u", ifindex);
	return buf;
}

/* The last answer is kept until an interface comes or goes, and for
 * 100 ms at most (a rename does not tell us); the clock is looked at once
 * per read of the ring, not per packet. */
const char *live_ifname(struct live *lv, uint64_t netns, uint32_t ifindex,
			char *buf, size_t size, bool *l3)
{
	struct live_ifcache *c = &lv->ifcache;

	if (c->valid && c->batch != lv->batch) {
		c->batch = lv->batch;
		if (mono_ns(CLOCK_MONOTONIC_COARSE) - c->at > 100000000ull)
			c->valid = false;
	}
	if (!c->valid || c->gen != lv->ifgen || c->netns != netns ||
	    c->ifindex != ifindex) {
		c->at = mono_ns(CLOCK_MONOTONIC_COARSE);
		c->batch = lv->batch;
		ifname_lookup(lv, netns, ifindex, c->name, sizeof(c->name), &c->l3);
		c->valid = true;
		c->gen = lv->ifgen;
		c->netns = netns;
		c->ifindex = ifindex;
	}
	(void)buf;
	(void)size;
	*l3 = c->l3;
	return c->name;	/* valid until the next call */
}

/* pcapng interface ids, by (namespace, ifindex) */
int live_writer_id(struct live *lv, const struct pkt *p)
{
	uint64_t netns = p->netns_ino ? p->netns_ino : lv->netns_ino;
	struct writer_iface wi;
	struct netns *ns;
	uint32_t h, k;
	int id;

	if (!lv->sinks.w)
		return 0;
	if (!lv->wid) {
		lv->wid = calloc(WID_SLOTS, sizeof(*lv->wid));
		if (!lv->wid)
			return -1;
	}
	h = (uint32_t)((netns * 31 + p->ifindex) * 2654435761u) % WID_SLOTS;
	for (k = 0; k < WID_SLOTS; k++, h = (h + 1) % WID_SLOTS) {
		if (!lv->wid[h].used)
			break;
		if (lv->wid[h].netns == netns && lv->wid[h].ifindex == p->ifindex) {
			lv->wid[h].packets++;
			return lv->wid[h].id;
		}
	}
	ns = netns_find(lv->nss, netns);
	memset(&wi, 0, sizeof(wi));
	wi.ifindex = p->ifindex;
	wi.name = p->ifname;
	wi.netns_ino = netns;
	wi.netns_path = ns ? ns->path : "";
	wi.filter = lv->o->expr;
	id = writer_add_iface(lv->sinks.w, &wi);
	if (id >= 0 && k < WID_SLOTS) {
		lv->wid[h].used = true;
		lv->wid[h].netns = netns;
		lv->wid[h].ifindex = p->ifindex;
		lv->wid[h].id = id;
		lv->wid[h].packets = 1;
	}
	return id;
}

void live_writer_stats(struct live *lv)
{
	size_t h;

	if (!lv->sinks.w || !lv->wid)
		return;
	for (h = 0; h < WID_SLOTS; h++)
		if (lv->wid[h].used)
			writer_stats(lv->sinks.w, lv->wid[h].id,
				     lv->wid[h].packets,
				     loader_lost_on(lv->ld, lv->wid[h].ifindex));
}
