/*
 * Metadata for a packet: the owning process and thread from the kernel,
 * the process's command line and parent from the process cache, and its
 * container and pod from the container runtimes.
 */
#include "enrich.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/strbuf.h"

#define CCACHE_SIZE 64
#define CCACHE_TTL_NS 1000000000ull	/* refresh: Docker's name may come late */
#define CCACHE_MISS_TTL_NS 2000000000ull
#define WAIT_NEW_CONTAINER_MS 300

struct ccache_entry {
	char key[PTD_CGROUP_LEN + 16];
	uint64_t at;
	int found;
	struct container_info ci;
};

struct enricher {
	struct proc_cache *pc;
	struct cmeta *cm;
	struct pkt_meta m;
	struct strbuf cmd, args, tname, pcmd, pargs;
	struct ccache_entry cc[CCACHE_SIZE];
	unsigned next;
	/* the last owner, whose metadata m still holds */
	struct ptd_owner last;
	uint64_t last_at;
	uint64_t gen;
	void (*refresh)(void *arg);
	void *refresh_arg;
};

#define LAST_TTL_NS 100000000ull	/* 100 ms: then look again */

void enricher_set_refresh(struct enricher *en, void (*fn)(void *arg), void *arg)
{
	en->refresh = fn;
	en->refresh_arg = arg;
}

struct enricher *enricher_new(struct proc_cache *pc, struct cmeta *cm)
{
	struct enricher *en = calloc(1, sizeof(*en));

	if (!en)
		return NULL;
	en->pc = pc;
	en->cm = cm;
	return en;
}

void enricher_free(struct enricher *en)
{
	int i;

	if (!en)
		return;
	for (i = 0; i < CCACHE_SIZE; i++)
		if (en->cc[i].found)
			cmeta_info_free(&en->cc[i].ci);
	sb_free(&en->cmd);
	sb_free(&en->args);
	sb_free(&en->tname);
	sb_free(&en->pcmd);
	sb_free(&en->pargs);
	free(en);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

int cgroup_leaf_container_id(const char *leaf, char *id, size_t size)
{
	size_t i, run = 0;

	/* a 64-hex id anywhere in it: "docker-ID.scope", "cri-containerd-ID.scope", "ID" */
	for (i = 0; leaf[i]; i++) {
		run = isxdigit((unsigned char)leaf[i]) ? run + 1 : 0;
		if (run == 64 && !isxdigit((unsigned char)leaf[i + 1])) {
			snprintf(id, size, "%.64s", leaf + i - 63);
			return 0;
		}
	}
	/* ctr run: /NAMESPACE/ID, with the id the user chose */
	if (leaf[0] && strchr(leaf, '.') == NULL) {
		snprintf(id, size, "%s", leaf);
		return 0;
	}
	return -1;
}

static struct ccache_entry *ccache_find(struct enricher *en, const char *key)
{
	uint64_t now = now_ns();
	int i;

	for (i = 0; i < CCACHE_SIZE; i++) {
		struct ccache_entry *c = &en->cc[i];

		if (!c->at || strcmp(c->key, key) != 0)
			continue;
		if (now - c->at < (c->found ? CCACHE_TTL_NS : CCACHE_MISS_TTL_NS))
			return c;
		if (c->found)
			cmeta_info_free(&c->ci);
		memset(c, 0, sizeof(*c));
		return NULL;
	}
	return NULL;
}

static struct ccache_entry *ccache_put(struct enricher *en, const char *key)
{
	struct ccache_entry *c = &en->cc[en->next++ % CCACHE_SIZE];

	if (c->found)
		cmeta_info_free(&c->ci);
	memset(c, 0, sizeof(*c));
	snprintf(c->key, sizeof(c->key), "%s", key);
	c->at = now_ns();
	return c;
}

/* Looks a process's container up, without the cache. */
static int lookup_container(struct enricher *en, const struct proc_entry *p,
			    struct container_info *out)
{
	char id[PTD_CGROUP_LEN];
	uint32_t pid;
	int depth;

	if (p->cgroup[0] &&
	    cgroup_leaf_container_id(p->cgroup, id, sizeof(id)) == 0) {
		if (cmeta_get_by_id(en->cm, id, out) == 0 &&
		    strcmp(out->id, id) == 0)
			return 0;
		/* a 64-hex id that the event stream has not brought yet */
		if (strlen(id) == 64 &&
		    cmeta_wait_id(en->cm, id, WAIT_NEW_CONTAINER_MS, out) == 0)
			return 0;
	}
	/* the container's init process, or one of its descendants */
	for (pid = p->pid, depth = 0; pid > 1 && depth < 16; depth++) {
		const struct proc_entry *q;

		if (cmeta_get_by_pid(en->cm, pid, out) == 0)
			return 0;
		q = proc_cache_get(en->pc, pid);
		if (!q)
			break;
		pid = q->ppid;
	}
	return -1;
}

const struct container_info *enrich_container_of(struct enricher *en,
						 const struct proc_entry *p)
{
	struct ccache_entry *c;
	char key[PTD_CGROUP_LEN + 16];

	if (!en->cm)
		return NULL;
	/* processes of one container share their cgroup; outside any
	 * container-looking cgroup, cache per pid */
	if (p->cgroup[0])
		snprintf(key, sizeof(key), "%s", p->cgroup);
	else
		snprintf(key, sizeof(key), "pid:%u", p->pid);
	c = ccache_find(en, key);
	if (!c) {
		struct container_info ci;

		memset(&ci, 0, sizeof(ci));
		c = ccache_put(en, key);
		if (lookup_container(en, p, &ci) == 0) {
			c->ci = ci;
			c->found = 1;
		}
	}
	return c->found ? &c->ci : NULL;
}

static const char *copy(struct strbuf *sb, const char *s)
{
	sb_reset(sb);
	sb_puts(sb, s ? s : "");
	return sb_str(sb);
}

const struct pkt_meta *enrich(struct enricher *en, const struct ptd_owner *o,
			      uint64_t ts_ns)
{
	struct pkt_meta *m = &en->m;
	const struct proc_entry *p, *pp;
	const struct container_info *ci;
	char tname[PTD_COMM_LEN + 1];
	uint32_t ppid;

	if (!o || !o->pid)
		return NULL;
	/* packets of a flow come in runs: the same owner as the last one */
	if (en->last_at && en->last.pid == o->pid && en->last.tid == o->tid &&
	    en->last.uid == o->uid && ts_ns - en->last_at < LAST_TTL_NS &&
	    !memcmp(en->last.comm, o->comm, PTD_COMM_LEN))
		return m;
	en->last = *o;
	en->last_at = ts_ns ? ts_ns : 1;
	memset(m, 0, sizeof(*m));
	m->gen = ++en->gen;
	m->pid = o->pid;
	m->tid = o->tid;
	m->uid = o->uid;
	memcpy(tname, o->comm, PTD_COMM_LEN);
	tname[PTD_COMM_LEN] = '\0';
	m->tname = copy(&en->tname, tname);
	m->have = META_THREAD | META_USER;
	/* the process may have forked or exec'd just before this packet,
	 * with the event still in its ring: read what is pending first (a
	 * look at two positions when nothing is) */
	if (en->refresh)
		en->refresh(en->refresh_arg);
	p = proc_cache_get(en->pc, o->pid);
	if (!p)
		return m;
	m->cmd = copy(&en->cmd, p->cmd);
	m->args = copy(&en->args, p->args);
	m->have |= META_PROC;
	ppid = p->ppid;
	ci = enrich_container_of(en, p);
	if (ci) {
		m->cid = ci->id;
		m->cname = ci->name;
		m->cimage = ci->image;
		m->clabels = ci->labels_json;
		m->have |= META_CONTAINER;
		if (ci->pod_name) {
			m->podname = ci->pod_name;
			m->podns = ci->pod_ns;
			m->poduid = ci->pod_uid;
			m->podlabels = ci->pod_labels_json;
			m->podannot = ci->pod_annotations_json;
			m->have |= META_POD;
		}
	}
	/* p may move when the parent is read in: use only ppid from here */
	pp = ppid ? proc_cache_get(en->pc, ppid) : NULL;
	if (pp) {
		m->ppid = ppid;
		m->pcmd = copy(&en->pcmd, pp->cmd);
		m->pargs = copy(&en->pargs, pp->args);
		m->have |= META_PARENT;
	}
	return m;
}
