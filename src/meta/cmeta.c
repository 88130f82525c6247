/* Container metadata table and public API. */
#include "meta/cmeta_int.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

struct cm_entry {
	char id[65];
	char *ns;		/* containerd namespace, NULL when only Docker knows it */
	char *c_image;
	struct cm_labels c_labels;
	int has_ctrd, has_docker;
	char *d_name, *d_image;
	struct cm_labels d_labels;
	uint32_t d_pid;
	uint32_t init_pid, exited_pid;
	long exit_ms;
	long deleted_ms;	/* 0 while alive */
	unsigned ctrd_gen, docker_gen;
	char *labels_json;	/* cache, NULL = rebuild */
	char *cri_labels, *cri_ann;	/* pod meta from CRI */
	int cri_tried;
	struct cm_entry *next;
};

long cm_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* ---- entries ---- */

static struct cm_entry *find(struct cmeta *c, const char *id)
{
	for (struct cm_entry *e = c->entries; e; e = e->next)
		if (!strcmp(e->id, id))
			return e;
	return NULL;
}

static struct cm_entry *get_or_new(struct cmeta *c, const char *id, int *is_new)
{
	struct cm_entry *e = find(c, id);
	*is_new = 0;
	if (e)
		return e;
	if (strlen(id) > 64 || !*id)
		return NULL;
	e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	strcpy(e->id, id);
	e->next = c->entries;
	c->entries = e;
	*is_new = 1;
	return e;
}

static void entry_free(struct cm_entry *e)
{
	free(e->ns);
	free(e->c_image);
	cm_labels_free(&e->c_labels);
	free(e->d_name);
	free(e->d_image);
	cm_labels_free(&e->d_labels);
	free(e->labels_json);
	free(e->cri_labels);
	free(e->cri_ann);
	free(e);
}

static int set_str(char **dst, const char *v)
{
	if (!v)
		return 0;
	if (*dst && !strcmp(*dst, v))
		return 0;
	char *n = strdup(v);
	if (!n)
		return 0;
	free(*dst);
	*dst = n;
	return 1;
}

static const char *entry_name(const struct cm_entry *e)
{
	const char *n = cm_labels_get(&e->c_labels, "nerdctl/name");
	if (!n || !*n)
		n = cm_labels_get(&e->c_labels, "io.kubernetes.container.name");
	if ((!n || !*n) && e->d_name)
		n = e->d_name;
	return n ? n : "";
}

static const char *entry_image(const struct cm_entry *e)
{
	if (e->c_image && *e->c_image)
		return e->c_image;
	return e->d_image ? e->d_image : "";
}

/* Labels of a sandbox container that are not the pod's own: the CRI's
 * bookkeeping, and what containerd clients add (ctr copies the image's
 * stop signal into io.containerd.image.config.stop-signal). */
static const char *const cri_prefixes[] = { "io.kubernetes.", "io.cri-containerd.",
					    "io.containerd.", NULL };

static int fill_info(struct cmeta *c, struct cm_entry *e, struct container_info *o)
{
	memset(o, 0, sizeof(*o));
	strcpy(o->id, e->id);
	if (!e->labels_json)
		e->labels_json = cm_labels_json(&e->c_labels, &e->d_labels, NULL);
	o->ns = strdup(e->ns ? e->ns : "");
	o->name = strdup(entry_name(e));
	o->image = strdup(entry_image(e));
	o->labels_json = strdup(e->labels_json ? e->labels_json : "{}");
	o->init_pid = e->init_pid;
	if (!o->ns || !o->name || !o->image || !o->labels_json)
		goto nomem;
	const char *pn = cm_labels_get(&e->c_labels, "io.kubernetes.pod.name");
	const char *pns = cm_labels_get(&e->c_labels, "io.kubernetes.pod.namespace");
	const char *uid = cm_labels_get(&e->c_labels, "io.kubernetes.pod.uid");
	if (!pn || !*pn)
		return 0;
	o->pod_name = strdup(pn);
	o->pod_ns = strdup(pns ? pns : "");
	o->pod_uid = strdup(uid ? uid : "");
	if (e->cri_labels) {
		o->pod_labels_json = strdup(e->cri_labels);
		o->pod_annotations_json = strdup(e->cri_ann ? e->cri_ann : "{}");
	} else {
		/* fallback: the sandbox container's labels */
		struct cm_entry *sb = NULL;
		for (struct cm_entry *s = c->entries; s && uid && *uid; s = s->next) {
			const char *k = cm_labels_get(&s->c_labels, "io.cri-containerd.kind");
			const char *su = cm_labels_get(&s->c_labels, "io.kubernetes.pod.uid");
			if (k && !strcmp(k, "sandbox") && su && !strcmp(su, uid) &&
			    (!sb || (sb->deleted_ms && !s->deleted_ms)))
				sb = s;
		}
		if (sb && sb->cri_labels) {
			o->pod_labels_json = strdup(sb->cri_labels);
			o->pod_annotations_json = strdup(sb->cri_ann ? sb->cri_ann : "{}");
		} else {
			o->pod_labels_json = sb ? cm_labels_json(&sb->c_labels, NULL, cri_prefixes)
						: strdup("{}");
			o->pod_annotations_json = strdup("{}");
		}
	}
	if (!o->pod_name || !o->pod_ns || !o->pod_uid || !o->pod_labels_json ||
	    !o->pod_annotations_json)
		goto nomem;
	return 0;
nomem:
	cmeta_info_free(o);
	return -ENOMEM;
}

void cmeta_info_free(struct container_info *ci)
{
	if (!ci)
		return;
	free(ci->ns);
	free(ci->name);
	free(ci->image);
	free(ci->labels_json);
	free(ci->pod_name);
	free(ci->pod_ns);
	free(ci->pod_uid);
	free(ci->pod_labels_json);
	free(ci->pod_annotations_json);
	memset(ci, 0, sizeof(*ci));
}

/* Called with the lock held and an entry that changed: copies the info for
 * the callback (fired by unlock_fire after the lock is dropped). */
struct pending_cb {
	struct container_info ci;
	int event;
	int valid;
};

static void prep_cb(struct cmeta *c, struct cm_entry *e, int event, struct pending_cb *p)
{
	free(e->labels_json);
	e->labels_json = NULL;
	pthread_cond_broadcast(&c->cond);
	if (!c->cb || p->valid)
		return;
	if (fill_info(c, e, &p->ci) == 0) {
		p->event = event;
		p->valid = 1;
	}
}

static void unlock_fire(struct cmeta *c, struct pending_cb *p)
{
	void (*cb)(const struct container_info *, int, void *) = c->cb;
	void *arg = c->cb_arg;
	pthread_mutex_unlock(&c->mu);
	if (p->valid) {
		if (cb)
			cb(&p->ci, p->event, arg);
		cmeta_info_free(&p->ci);
	}
}

static void move_labels(struct cm_labels *dst, struct cm_labels *src)
{
	cm_labels_free(dst);
	*dst = *src;
	src->kv = NULL;
	src->n = 0;
}

static int labels_equal(const struct cm_labels *a, const struct cm_labels *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->kv[i].k, b->kv[i].k) || strcmp(a->kv[i].v, b->kv[i].v))
			return 0;
	return 1;
}

void cm_ctrd_put(struct cmeta *c, const char *ns, const char *id, const char *image,
		 struct cm_labels *l, int replace_labels, unsigned gen)
{
	struct pending_cb p = { .valid = 0 };
	int is_new, changed;

	pthread_mutex_lock(&c->mu);
	struct cm_entry *e = get_or_new(c, id, &is_new);
	if (!e)
		goto out;
	changed = is_new || !e->has_ctrd || e->deleted_ms;
	e->has_ctrd = 1;
	e->deleted_ms = 0;
	e->ctrd_gen = gen;
	if (ns)
		changed |= set_str(&e->ns, ns);
	if (image && *image)
		changed |= set_str(&e->c_image, image);
	if (replace_labels && !labels_equal(&e->c_labels, l)) {
		move_labels(&e->c_labels, l);
		changed = 1;
	}
	if (changed)
		prep_cb(c, e, CMETA_ADD, &p);
out:
	unlock_fire(c, &p);
}

void cm_ctrd_task(struct cmeta *c, const char *id, uint32_t pid, int running)
{
	struct pending_cb p = { .valid = 0 };
	pthread_mutex_lock(&c->mu);
	struct cm_entry *e = find(c, id);
	if (!e)
		goto out;
	if (running && pid && e->init_pid != pid) {
		e->init_pid = pid;
		prep_cb(c, e, CMETA_ADD, &p);
	} else if (!running && e->init_pid && (!pid || pid == e->init_pid)) {
		e->exited_pid = e->init_pid;
		e->exit_ms = cm_now_ms();
		e->init_pid = 0;
		pthread_cond_broadcast(&c->cond);
	}
out:
	unlock_fire(c, &p);
}

void cm_docker_put(struct cmeta *c, const char *id, const char *name, const char *image,
		   struct cm_labels *l, uint32_t pid, unsigned gen)
{
	struct pending_cb p = { .valid = 0 };
	int is_new, changed;

	pthread_mutex_lock(&c->mu);
	struct cm_entry *e = get_or_new(c, id, &is_new);
	if (!e)
		goto out;
	changed = is_new || !e->has_docker || e->deleted_ms;
	e->has_docker = 1;
	e->deleted_ms = 0;
	e->docker_gen = gen;
	if (name && *name)
		changed |= set_str(&e->d_name, name[0] == '/' ? name + 1 : name);
	if (image && *image)
		changed |= set_str(&e->d_image, image);
	if (l && l->n && !labels_equal(&e->d_labels, l)) {
		move_labels(&e->d_labels, l);
		changed = 1;
	}
	if (pid) {
		e->d_pid = pid;
		if (!e->has_ctrd && e->init_pid != pid) {
			e->init_pid = pid;
			changed = 1;
		}
	}
	if (changed)
		prep_cb(c, e, CMETA_ADD, &p);
out:
	unlock_fire(c, &p);
}

static void mark_deleted(struct cmeta *c, struct cm_entry *e, struct pending_cb *p)
{
	if (e->deleted_ms)
		return;
	e->deleted_ms = cm_now_ms();
	if (e->init_pid) {
		e->exited_pid = e->init_pid;
		e->exit_ms = e->deleted_ms;
		e->init_pid = 0;
	}
	prep_cb(c, e, CMETA_DEL, p);
}

void cm_delete(struct cmeta *c, const char *id, int from_docker)
{
	struct pending_cb p = { .valid = 0 };
	pthread_mutex_lock(&c->mu);
	struct cm_entry *e = find(c, id);
	/* a moby record goes when either side deletes it; Docker's "destroy"
	 * comes after containerd's delete anyway */
	if (e)
		mark_deleted(c, e, &p);
	(void)from_docker;
	unlock_fire(c, &p);
}

void cm_sweep(struct cmeta *c, int docker, unsigned gen)
{
	for (;;) {
		struct pending_cb p = { .valid = 0 };
		pthread_mutex_lock(&c->mu);
		struct cm_entry *e;
		for (e = c->entries; e; e = e->next) {
			if (e->deleted_ms)
				continue;
			if (docker ? (e->has_docker && !e->has_ctrd && e->docker_gen != gen)
				   : (e->has_ctrd && e->ctrd_gen != gen))
				break;
		}
		if (!e) {
			pthread_mutex_unlock(&c->mu);
			return;
		}
		mark_deleted(c, e, &p);
		unlock_fire(c, &p);
	}
}

int cm_has(struct cmeta *c, const char *id, int source)
{
	pthread_mutex_lock(&c->mu);
	struct cm_entry *e = find(c, id);
	int r = e && (source < 0 || (source == 0 ? e->has_ctrd : e->has_docker));
	pthread_mutex_unlock(&c->mu);
	return r;
}

int cm_need_pod_cri(struct cmeta *c, const char *uid)
{
	int need = 0;
	pthread_mutex_lock(&c->mu);
	for (struct cm_entry *e = c->entries; e; e = e->next) {
		const char *u = cm_labels_get(&e->c_labels, "io.kubernetes.pod.uid");
		if (u && !strcmp(u, uid) && !e->cri_tried) {
			need = 1;
			break;
		}
	}
	pthread_mutex_unlock(&c->mu);
	return need;
}

void cm_set_pod_cri(struct cmeta *c, const char *uid, const char *labels_json,
		    const char *ann_json)
{
	pthread_mutex_lock(&c->mu);
	for (struct cm_entry *e = c->entries; e; e = e->next) {
		const char *u = cm_labels_get(&e->c_labels, "io.kubernetes.pod.uid");
		if (!u || strcmp(u, uid))
			continue;
		e->cri_tried = 1;
		if (labels_json) {
			set_str(&e->cri_labels, labels_json);
			set_str(&e->cri_ann, ann_json ? ann_json : "{}");
		}
	}
	pthread_mutex_unlock(&c->mu);
}

void cm_evict(struct cmeta *c)
{
	long now = cm_now_ms();
	pthread_mutex_lock(&c->mu);
	for (struct cm_entry **pp = &c->entries; *pp;) {
		struct cm_entry *e = *pp;
		if (e->deleted_ms && now - e->deleted_ms > CM_GRACE_MS) {
			*pp = e->next;
			entry_free(e);
		} else {
			if (e->exited_pid && now - e->exit_ms > CM_GRACE_MS)
				e->exited_pid = 0;
			pp = &e->next;
		}
	}
	pthread_mutex_unlock(&c->mu);
}

int cm_take_wants(struct cmeta *c, struct cm_source *s, char (*ids)[65], int max)
{
	pthread_mutex_lock(&c->mu);
	int n = s->n_want < max ? s->n_want : max;
	memcpy(ids, s->want, (size_t)n * 65);
	memmove(s->want, s->want + n, (size_t)(s->n_want - n) * 65);
	s->n_want -= n;
	pthread_mutex_unlock(&c->mu);
	return n;
}

int cm_sleep(struct cmeta *c, struct cm_source *s, int ms)
{
	struct pollfd p = { .fd = s->evfd, .events = POLLIN };
	long end = cm_now_ms() + ms;
	for (;;) {
		pthread_mutex_lock(&c->mu);
		int stop = c->stop;
		pthread_mutex_unlock(&c->mu);
		if (stop)
			return 1;
		long left = end - cm_now_ms();
		if (left <= 0)
			return 0;
		if (poll(&p, 1, (int)left) > 0) {
			uint64_t v;
			if (read(s->evfd, &v, sizeof(v)) < 0) {
				/* nothing to do: the counter was reset by someone */
			}
		}
	}
}

void cm_mark_initial(struct cmeta *c, struct cm_source *s, int connected)
{
	pthread_mutex_lock(&c->mu);
	s->initial_done = 1;
	s->connected = connected;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->mu);
}

/* ---- public API ---- */

static int source_init(struct cm_source *s, const char *addr)
{
	s->evfd = -1;
	if (!addr || !*addr) {
		s->initial_done = 1;
		return 0;
	}
	s->addr = strdup(addr);
	s->evfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	return s->addr && s->evfd >= 0 ? 0 : -1;
}

static void wake(struct cm_source *s)
{
	uint64_t one = 1;
	if (s->evfd >= 0 && write(s->evfd, &one, sizeof(one)) < 0) {
		/* counter full: the thread is awake anyway */
	}
}

struct cmeta *cmeta_launch(const char *containerd_addr, const char *docker_addr,
			   const char *cri_addr)
{
	struct cmeta *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	clock_gettime(CLOCK_MONOTONIC, &c->launched);
	cm_hold_warnings();
	pthread_mutex_init(&c->mu, NULL);
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&c->cond, &ca);
	pthread_condattr_destroy(&ca);
	c->ctrd.evfd = c->docker.evfd = -1;
	if (source_init(&c->ctrd, containerd_addr) || source_init(&c->docker, docker_addr))
		goto fail;
	if (cri_addr && *cri_addr && !(c->cri_addr = strdup(cri_addr)))
		goto fail;
	if (c->docker.addr && !pthread_create(&c->docker.thr, NULL, cm_docker_thread, c))
		c->docker.started = 1;
	else
		c->docker.initial_done = 1;
	if (c->ctrd.addr && !pthread_create(&c->ctrd.thr, NULL, cm_ctrd_thread, c))
		c->ctrd.started = 1;
	else
		c->ctrd.initial_done = 1;
	return c;
fail:
	cmeta_stop(c);
	return NULL;
}

void cmeta_ready(struct cmeta *c)
{
	struct timespec dl;

	if (c) {
		dl = c->launched;
		dl.tv_sec += 2;
		pthread_mutex_lock(&c->mu);
		while (!(c->ctrd.initial_done && c->docker.initial_done))
			if (pthread_cond_timedwait(&c->cond, &c->mu, &dl) == ETIMEDOUT)
				break;
		pthread_mutex_unlock(&c->mu);
	}
	cm_release_warnings();
}

struct cmeta *cmeta_start(const char *containerd_addr, const char *docker_addr,
			  const char *cri_addr)
{
	struct cmeta *c = cmeta_launch(containerd_addr, docker_addr, cri_addr);

	cmeta_ready(c);
	return c;
}

void cmeta_stop(struct cmeta *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&c->mu);
	c->stop = 1;
	pthread_mutex_unlock(&c->mu);
	struct cm_source *srcs[] = { &c->ctrd, &c->docker };
	for (int i = 0; i < 2; i++) {
		wake(srcs[i]);
		if (srcs[i]->started)
			pthread_join(srcs[i]->thr, NULL);
		if (srcs[i]->evfd >= 0)
			close(srcs[i]->evfd);
		free(srcs[i]->addr);
	}
	while (c->entries) {
		struct cm_entry *e = c->entries;
		c->entries = e->next;
		entry_free(e);
	}
	free(c->cri_addr);
	pthread_cond_destroy(&c->cond);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

void cmeta_set_callback(struct cmeta *c,
			void (*cb)(const struct container_info *ci, int event, void *arg),
			void *arg)
{
	pthread_mutex_lock(&c->mu);
	c->cb = cb;
	c->cb_arg = arg;
	pthread_mutex_unlock(&c->mu);
}

/* Picks among matches: a unique live one wins over deleted ones. */
typedef int (*match_fn)(const struct cm_entry *e, const void *key);

static int lookup(struct cmeta *c, match_fn m, const void *key, struct container_info *out)
{
	struct cm_entry *live = NULL, *dead = NULL;
	int nlive = 0, ndead = 0, rc;

	pthread_mutex_lock(&c->mu);
	for (struct cm_entry *e = c->entries; e; e = e->next) {
		if (!m(e, key))
			continue;
		if (e->deleted_ms) {
			ndead++;
			if (!dead || e->deleted_ms > dead->deleted_ms)
				dead = e;
		} else {
			nlive++;
			live = e;
		}
	}
	if (nlive > 1 || (!nlive && ndead > 1))
		rc = -EEXIST;
	else if (live || dead)
		rc = fill_info(c, live ? live : dead, out);
	else
		rc = -ENOENT;
	pthread_mutex_unlock(&c->mu);
	return rc;
}

static int match_id(const struct cm_entry *e, const void *key)
{
	const char *k = key;
	size_t n = strlen(k);
	if (!strcmp(e->id, k))
		return 1;
	return n >= 12 && !strncmp(e->id, k, n);
}

static int match_exact_id(const struct cm_entry *e, const void *key)
{
	return !strcmp(e->id, (const char *)key);
}

static int match_name(const struct cm_entry *e, const void *key)
{
	return !strcmp(entry_name(e), (const char *)key);
}

static int match_pid(const struct cm_entry *e, const void *key)
{
	uint32_t pid = *(const uint32_t *)key;
	return e->init_pid == pid || e->exited_pid == pid;
}

int cmeta_get_by_id(struct cmeta *c, const char *id, struct container_info *out)
{
	if (!id || !*id)
		return -ENOENT;
	/* an exact id wins even if it is also a prefix of another one */
	int rc = lookup(c, match_exact_id, id, out);
	if (rc != -ENOENT)
		return rc;
	return lookup(c, match_id, id, out);
}

int cmeta_get_by_name(struct cmeta *c, const char *name, struct container_info *out)
{
	if (!name || !*name)
		return -ENOENT;
	return lookup(c, match_name, name, out);
}

int cmeta_get_by_pid(struct cmeta *c, uint32_t pid, struct container_info *out)
{
	if (!pid)
		return -ENOENT;
	return lookup(c, match_pid, &pid, out);
}

int cmeta_find_pod(struct cmeta *c, const char *pod_name, const char *pod_ns,
		   struct container_info **out, size_t *n)
{
	size_t cnt = 0, cap = 0;
	struct container_info *arr = NULL;
	int rc = 0;

	*out = NULL;
	*n = 0;
	pthread_mutex_lock(&c->mu);
	for (int pass = 0; pass < 2 && !cnt; pass++) {	/* live first, then deleted */
		for (struct cm_entry *e = c->entries; e; e = e->next) {
			const char *pn = cm_labels_get(&e->c_labels, "io.kubernetes.pod.name");
			const char *pns = cm_labels_get(&e->c_labels, "io.kubernetes.pod.namespace");
			if (!pn || !pns || strcmp(pn, pod_name) || strcmp(pns, pod_ns) ||
			    (!pass && e->deleted_ms) || (pass && !e->deleted_ms))
				continue;
			if (cnt == cap) {
				size_t nc = cap ? cap * 2 : 4;
				struct container_info *na = realloc(arr, nc * sizeof(*na));
				if (!na) {
					rc = -ENOMEM;
					goto out;
				}
				arr = na;
				cap = nc;
			}
			rc = fill_info(c, e, &arr[cnt]);
			if (rc)
				goto out;
			cnt++;
		}
	}
	rc = cnt ? 0 : -ENOENT;
out:
	pthread_mutex_unlock(&c->mu);
	if (rc) {
		for (size_t i = 0; i < cnt; i++)
			cmeta_info_free(&arr[i]);
		free(arr);
		return rc;
	}
	*out = arr;
	*n = cnt;
	return 0;
}

static int want(struct cm_source *s, const char *id)
{
	if (!s->addr || !s->connected)
		return 0;
	for (int i = 0; i < s->n_want; i++)
		if (!strcmp(s->want[i], id))
			return 1;
	if (s->n_want < CM_MAX_WANT) {
		strcpy(s->want[s->n_want++], id);
		wake(s);
	}
	return 1;
}

int cmeta_wait_id(struct cmeta *c, const char *id, int timeout_ms, struct container_info *out)
{
	struct timespec dl;
	int asked = 0, rc;

	if (!id || !*id || strlen(id) > 64)
		return -ENOENT;
	clock_gettime(CLOCK_MONOTONIC, &dl);
	dl.tv_sec += timeout_ms / 1000;
	dl.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (dl.tv_nsec >= 1000000000L) {
		dl.tv_sec++;
		dl.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&c->mu);
	for (;;) {
		struct cm_entry *e = find(c, id);
		/* a moby record is complete once Docker's side is there too */
		if (e && (e->has_docker || !e->ns || strcmp(e->ns, "moby") ||
			  !c->docker.connected)) {
			rc = fill_info(c, e, out);
			break;
		}
		if (!asked) {
			asked = want(&c->ctrd, id) | want(&c->docker, id);
			asked = 1;
		}
		if (pthread_cond_timedwait(&c->cond, &c->mu, &dl) == ETIMEDOUT) {
			e = find(c, id);
			rc = e ? fill_info(c, e, out) : -ETIMEDOUT;
			break;
		}
	}
	pthread_mutex_unlock(&c->mu);
	return rc;
}
