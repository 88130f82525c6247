/* containerd source: initial listing of every namespace, then the event
 * stream (/containerd.services.events.v1.Events/Subscribe). */
#include "meta/cmeta_int.h"
#include "meta/h2grpc.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptcd_ctrd.pb-c.h"
#include "ptcd_cri.pb-c.h"

#define P_NS_LIST   "/containerd.services.namespaces.v1.Namespaces/List"
#define P_CT_LIST   "/containerd.services.containers.v1.Containers/List"
#define P_CT_GET    "/containerd.services.containers.v1.Containers/Get"
#define P_TASK_LIST "/containerd.services.tasks.v1.Tasks/List"
#define P_SUBSCRIBE "/containerd.services.events.v1.Events/Subscribe"
#define P_CRI_LIST  "/runtime.v1.RuntimeService/ListPodSandbox"

#define RPC_TIMEOUT_MS 1500
#define MAX_NS 64

struct ctrd_state {
	struct cmeta *c;
	struct h2g_conn *ev, *rpc, *cri;
	int cri_broken;
	unsigned gen;
	char *ns[MAX_NS];
	int n_ns;
	int in_listing;
};

/* ---- decoders ---- */

void cm_ctrd_event_free(struct cm_ctrd_event *ev)
{
	free(ev->image);
	cm_labels_free(&ev->labels);
	memset(ev, 0, sizeof(*ev));
}

static int copy_id(char *dst, const char *id)
{
	if (!id || !*id || strlen(id) > 64)
		return -1;
	strcpy(dst, id);
	return 0;
}

int cm_ctrd_decode_event(const uint8_t *msg, size_t len, struct cm_ctrd_event *ev)
{
	PtcdCtrd__Envelope *env = NULL;
	ProtobufCMessage *pl = NULL;
	const ProtobufCMessageDescriptor *d = NULL;
	int type = CM_EV_NONE, rc = 0;

	memset(ev, 0, sizeof(*ev));
	env = ptcd_ctrd__envelope__unpack(NULL, len, msg);
	if (!env)
		return -EINVAL;
	const char *t = env->topic ? env->topic : "";
	if (!strcmp(t, "/containers/create")) {
		d = &ptcd_ctrd__container_create__descriptor;
		type = CM_EV_CREATE;
	} else if (!strcmp(t, "/containers/update")) {
		d = &ptcd_ctrd__container_update__descriptor;
		type = CM_EV_UPDATE;
	} else if (!strcmp(t, "/containers/delete")) {
		d = &ptcd_ctrd__container_delete__descriptor;
		type = CM_EV_DELETE;
	} else if (!strcmp(t, "/tasks/create")) {
		d = &ptcd_ctrd__task_create__descriptor;
		type = CM_EV_TASK_START;
	} else if (!strcmp(t, "/tasks/start")) {
		d = &ptcd_ctrd__task_start__descriptor;
		type = CM_EV_TASK_START;
	} else if (!strcmp(t, "/tasks/exit")) {
		d = &ptcd_ctrd__task_exit__descriptor;
		type = CM_EV_TASK_EXIT;
	} else if (!strcmp(t, "/tasks/delete")) {
		d = &ptcd_ctrd__task_delete__descriptor;
		type = CM_EV_TASK_EXIT;
	} else {
		goto out;	/* not of interest */
	}
	if (!env->event) {
		rc = -EINVAL;
		goto out;
	}
	pl = protobuf_c_message_unpack(d, NULL, env->event->value.len, env->event->value.data);
	if (!pl) {
		rc = -EINVAL;
		goto out;
	}
	snprintf(ev->ns, sizeof(ev->ns), "%s", env->namespace_ ? env->namespace_ : "");
	const char *id = NULL, *image = NULL, *exec_id = NULL;
	switch (type) {
	case CM_EV_CREATE: {
		PtcdCtrd__ContainerCreate *m = (void *)pl;
		id = m->id;
		image = m->image;
		break;
	}
	case CM_EV_UPDATE: {
		PtcdCtrd__ContainerUpdate *m = (void *)pl;
		id = m->id;
		image = m->image;
		for (size_t i = 0; i < m->n_labels; i++)
			if (m->labels[i]->key &&
			    cm_labels_set(&ev->labels, m->labels[i]->key, m->labels[i]->value)) {
				rc = -ENOMEM;
				goto out;
			}
		break;
	}
	case CM_EV_DELETE:
		id = ((PtcdCtrd__ContainerDelete *)pl)->id;
		break;
	case CM_EV_TASK_START:
		if (d == &ptcd_ctrd__task_create__descriptor) {
			id = ((PtcdCtrd__TaskCreate *)pl)->container_id;
			ev->pid = ((PtcdCtrd__TaskCreate *)pl)->pid;
		} else {
			id = ((PtcdCtrd__TaskStart *)pl)->container_id;
			ev->pid = ((PtcdCtrd__TaskStart *)pl)->pid;
		}
		break;
	case CM_EV_TASK_EXIT:
		if (d == &ptcd_ctrd__task_exit__descriptor) {
			id = ((PtcdCtrd__TaskExit *)pl)->container_id;
			exec_id = ((PtcdCtrd__TaskExit *)pl)->id;
			ev->pid = ((PtcdCtrd__TaskExit *)pl)->pid;
		} else {
			id = ((PtcdCtrd__TaskDelete *)pl)->container_id;
			exec_id = ((PtcdCtrd__TaskDelete *)pl)->id;
			ev->pid = ((PtcdCtrd__TaskDelete *)pl)->pid;
		}
		/* an exec'd process ending is not the container's task */
		if (exec_id && *exec_id && id && strcmp(exec_id, id))
			goto out;
		break;
	}
	if (copy_id(ev->id, id))
		goto out;
	if (image && *image && !(ev->image = strdup(image))) {
		rc = -ENOMEM;
		goto out;
	}
	ev->type = type;
out:
	if (rc || ev->type == CM_EV_NONE) {
		char ns[sizeof(ev->ns)];
		memcpy(ns, ev->ns, sizeof(ns));
		cm_ctrd_event_free(ev);
		if (!rc)	/* keep the namespace for callers that want it */
			memcpy(ev->ns, ns, sizeof(ns));
	}
	if (pl)
		protobuf_c_message_free_unpacked(pl, NULL);
	ptcd_ctrd__envelope__free_unpacked(env, NULL);
	return rc;
}

static int put_container(PtcdCtrd__Container *ct,
			 void (*fn)(const char *, const char *, struct cm_labels *, void *),
			 void *arg)
{
	struct cm_labels l = { 0 };
	if (!ct || !ct->id || !*ct->id || strlen(ct->id) > 64)
		return 0;
	for (size_t i = 0; i < ct->n_labels; i++)
		if (ct->labels[i]->key &&
		    cm_labels_set(&l, ct->labels[i]->key, ct->labels[i]->value)) {
			cm_labels_free(&l);
			return -ENOMEM;
		}
	fn(ct->id, ct->image ? ct->image : "", &l, arg);
	cm_labels_free(&l);
	return 0;
}

int cm_ctrd_decode_containers(const uint8_t *msg, size_t len, int is_list,
			      void (*fn)(const char *, const char *, struct cm_labels *, void *),
			      void *arg)
{
	int rc = 0;
	if (is_list) {
		PtcdCtrd__ListContainersResp *r =
			ptcd_ctrd__list_containers_resp__unpack(NULL, len, msg);
		if (!r)
			return -EINVAL;
		for (size_t i = 0; i < r->n_containers && !rc; i++)
			rc = put_container(r->containers[i], fn, arg);
		ptcd_ctrd__list_containers_resp__free_unpacked(r, NULL);
	} else {
		PtcdCtrd__GetContainerResp *r = ptcd_ctrd__get_container_resp__unpack(NULL, len, msg);
		if (!r)
			return -EINVAL;
		rc = r->container ? put_container(r->container, fn, arg) : -ENOENT;
		ptcd_ctrd__get_container_resp__free_unpacked(r, NULL);
	}
	return rc;
}

int cm_ctrd_decode_tasks(const uint8_t *msg, size_t len,
			 void (*fn)(const char *id, uint32_t pid, int running, void *arg),
			 void *arg)
{
	PtcdCtrd__ListTasksResp *r = ptcd_ctrd__list_tasks_resp__unpack(NULL, len, msg);
	if (!r)
		return -EINVAL;
	for (size_t i = 0; i < r->n_tasks; i++) {
		PtcdCtrd__Process *p = r->tasks[i];
		/* containerd 1.6 fills only id (= the container id) in List */
		const char *id = p->container_id && *p->container_id ? p->container_id : p->id;
		if (!id || !*id || strlen(id) > 64)
			continue;
		/* status 3 = STOPPED; 0 unknown, 1 created, 2 running, 4/5 paused */
		fn(id, p->pid, p->status != 3 && p->pid, arg);
	}
	ptcd_ctrd__list_tasks_resp__free_unpacked(r, NULL);
	return 0;
}

/* ---- calls ---- */

static const char *rc_str(int rc, char *buf, size_t n)
{
	if (rc <= -1000)
		snprintf(buf, n, "gRPC status %d", -rc - 1000);
	else
		snprintf(buf, n, "%s", strerror(-rc));
	return buf;
}

struct put_ctx {
	struct ctrd_state *st;
	const char *ns;
};

static void cri_lookup(struct ctrd_state *st, const char *uid);

static void on_container(const char *id, const char *image, struct cm_labels *l, void *arg)
{
	struct put_ctx *p = arg;
	struct cmeta *c = p->st->c;
	const char *uid = cm_labels_get(l, "io.kubernetes.pod.uid");
	char *uid_copy = uid ? strdup(uid) : NULL;

	/* Complete a moby record from Docker before announcing it, unless the
	 * Docker thread is listing everything anyway. */
	if (!p->st->in_listing && !strcmp(p->ns, "moby") && c->docker.addr &&
	    !cm_has(c, id, 1))
		cm_docker_inspect_put(c, id);
	cm_ctrd_put(c, p->ns, id, image, l, 1, p->st->gen);
	if (uid_copy && c->cri_addr && !p->st->cri_broken && cm_need_pod_cri(c, uid_copy))
		cri_lookup(p->st, uid_copy);
	free(uid_copy);
}

static void on_task(const char *id, uint32_t pid, int running, void *arg)
{
	struct ctrd_state *st = arg;
	cm_ctrd_task(st->c, id, pid, running);
}

static int fetch_container(struct ctrd_state *st, const char *ns, const char *id)
{
	PtcdCtrd__GetContainerReq req = PTCD_CTRD__GET_CONTAINER_REQ__INIT;
	uint8_t *resp = NULL;
	size_t rl;
	struct put_ctx p = { st, ns };

	req.id = (char *)id;
	int rc = h2g_unary(st->rpc, P_CT_GET, ns, &req.base, &resp, &rl, RPC_TIMEOUT_MS);
	if (!rc)
		rc = cm_ctrd_decode_containers(resp, rl, 0, on_container, &p);
	free(resp);
	return rc;
}

static int list_ns(struct ctrd_state *st, const char *ns)
{
	PtcdCtrd__ListContainersReq creq = PTCD_CTRD__LIST_CONTAINERS_REQ__INIT;
	PtcdCtrd__ListTasksReq treq = PTCD_CTRD__LIST_TASKS_REQ__INIT;
	struct put_ctx p = { st, ns };
	uint8_t *resp = NULL;
	size_t rl;
	int rc;

	rc = h2g_unary(st->rpc, P_CT_LIST, ns, &creq.base, &resp, &rl, RPC_TIMEOUT_MS);
	if (rc)
		goto out;
	rc = cm_ctrd_decode_containers(resp, rl, 1, on_container, &p);
	free(resp);
	resp = NULL;
	if (rc)
		goto out;
	rc = h2g_unary(st->rpc, P_TASK_LIST, ns, &treq.base, &resp, &rl, RPC_TIMEOUT_MS);
	if (rc)
		goto out;
	rc = cm_ctrd_decode_tasks(resp, rl, on_task, st);
out:
	free(resp);
	return rc;
}

static void free_ns(struct ctrd_state *st)
{
	for (int i = 0; i < st->n_ns; i++)
		free(st->ns[i]);
	st->n_ns = 0;
}

static int list_all(struct ctrd_state *st)
{
	PtcdCtrd__ListNamespacesReq req = PTCD_CTRD__LIST_NAMESPACES_REQ__INIT;
	PtcdCtrd__ListNamespacesResp *r = NULL;
	uint8_t *resp = NULL;
	size_t rl;
	int rc;

	rc = h2g_unary(st->rpc, P_NS_LIST, NULL, &req.base, &resp, &rl, RPC_TIMEOUT_MS);
	if (rc)
		goto out;
	r = ptcd_ctrd__list_namespaces_resp__unpack(NULL, rl, resp);
	if (!r) {
		rc = -EPROTO;
		goto out;
	}
	free_ns(st);
	for (size_t i = 0; i < r->n_namespaces && st->n_ns < MAX_NS; i++)
		if (r->namespaces[i]->name && *r->namespaces[i]->name &&
		    (st->ns[st->n_ns] = strdup(r->namespaces[i]->name)))
			st->n_ns++;
	st->in_listing = 1;
	for (int i = 0; i < st->n_ns && !rc; i++)
		rc = list_ns(st, st->ns[i]);
	st->in_listing = 0;
out:
	if (r)
		ptcd_ctrd__list_namespaces_resp__free_unpacked(r, NULL);
	free(resp);
	return rc;
}

static void remember_ns(struct ctrd_state *st, const char *ns)
{
	for (int i = 0; i < st->n_ns; i++)
		if (!strcmp(st->ns[i], ns))
			return;
	if (st->n_ns < MAX_NS && (st->ns[st->n_ns] = strdup(ns)))
		st->n_ns++;
}

/* ---- CRI (optional): pod labels and annotations ---- */

static void cri_lookup(struct ctrd_state *st, const char *uid)
{
	PtcdCri__ListPodSandboxReq req = PTCD_CRI__LIST_POD_SANDBOX_REQ__INIT;
	PtcdCri__ListPodSandboxResp *r = NULL;
	uint8_t *resp = NULL;
	size_t rl;
	char err[128];
	int rc;

	if (!st->cri && h2g_connect(st->c->cri_addr, &st->cri, err, sizeof(err))) {
		st->cri_broken = 1;
		goto out;
	}
	rc = h2g_unary(st->cri, P_CRI_LIST, NULL, &req.base, &resp, &rl, RPC_TIMEOUT_MS);
	if (rc) {
		/* UNIMPLEMENTED, no CRI plugin... : use the sandbox labels */
		st->cri_broken = 1;
		h2g_close(st->cri);
		st->cri = NULL;
		goto out;
	}
	r = ptcd_cri__list_pod_sandbox_resp__unpack(NULL, rl, resp);
	for (size_t i = 0; r && i < r->n_items; i++) {
		PtcdCri__PodSandbox *sb = r->items[i];
		struct cm_labels l = { 0 }, a = { 0 };
		if (!sb->metadata || !sb->metadata->uid)
			continue;
		for (size_t j = 0; j < sb->n_labels; j++)
			cm_labels_set(&l, sb->labels[j]->key, sb->labels[j]->value);
		for (size_t j = 0; j < sb->n_annotations; j++)
			cm_labels_set(&a, sb->annotations[j]->key, sb->annotations[j]->value);
		static const char *const skip[] = { "io.kubernetes.", "io.cri-containerd.", NULL };
		char *lj = cm_labels_json(&l, NULL, skip);
		char *aj = cm_labels_json(&a, NULL, NULL);
		if (lj && aj)
			cm_set_pod_cri(st->c, sb->metadata->uid, lj, aj);
		free(lj);
		free(aj);
		cm_labels_free(&l);
		cm_labels_free(&a);
	}
out:
	cm_set_pod_cri(st->c, uid, NULL, NULL);	/* tried: do not ask again */
	if (r)
		ptcd_cri__list_pod_sandbox_resp__free_unpacked(r, NULL);
	free(resp);
}

/* ---- events ---- */

static int handle_event(struct ctrd_state *st, const uint8_t *msg, size_t len)
{
	struct cm_ctrd_event ev;
	struct cmeta *c = st->c;
	int rc = cm_ctrd_decode_event(msg, len, &ev);

	if (rc)
		return 0;	/* undecodable: skip */
	if (ev.ns[0])
		remember_ns(st, ev.ns);
	switch (ev.type) {
	case CM_EV_CREATE:
		rc = fetch_container(st, ev.ns, ev.id);
		if (rc == H2G_GRPC_ERR(5) || rc == -ENOENT) {	/* gone already */
			struct cm_labels none = { 0 };
			cm_ctrd_put(c, ev.ns, ev.id, ev.image, &none, 0, st->gen);
			rc = 0;
		}
		break;
	case CM_EV_UPDATE:
		cm_ctrd_put(c, ev.ns, ev.id, ev.image, &ev.labels, 1, st->gen);
		break;
	case CM_EV_DELETE:
		cm_delete(c, ev.id, 0);
		break;
	case CM_EV_TASK_START:
		if (!cm_has(c, ev.id, 0)) {
			rc = fetch_container(st, ev.ns, ev.id);
			if (rc == H2G_GRPC_ERR(5))
				rc = 0;
		}
		cm_ctrd_task(c, ev.id, ev.pid, 1);
		break;
	case CM_EV_TASK_EXIT:
		cm_ctrd_task(c, ev.id, ev.pid, 0);
		break;
	}
	cm_ctrd_event_free(&ev);
	/* only a broken connection ends the session */
	return rc == -EPIPE || rc == -ECONNRESET ? rc : 0;
}

static int handle_wants(struct ctrd_state *st)
{
	char ids[CM_MAX_WANT][65];
	int n = cm_take_wants(st->c, &st->c->ctrd, ids, CM_MAX_WANT);
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < st->n_ns && !cm_has(st->c, ids[i], 0); j++) {
			int rc = fetch_container(st, st->ns[j], ids[i]);
			if (rc == -EPIPE || rc == -ECONNRESET)
				return rc;
		}
		/* the task may be running already */
		for (int j = 0; j < st->n_ns; j++) {
			PtcdCtrd__ListTasksReq treq = PTCD_CTRD__LIST_TASKS_REQ__INIT;
			uint8_t *resp = NULL;
			size_t rl;
			if (!cm_has(st->c, ids[i], 0) ||
			    h2g_unary(st->rpc, P_TASK_LIST, st->ns[j], &treq.base, &resp, &rl,
				      RPC_TIMEOUT_MS))
				continue;
			cm_ctrd_decode_tasks(resp, rl, on_task, st);
			free(resp);
		}
	}
	return 0;
}

static int stopping(struct cmeta *c)
{
	pthread_mutex_lock(&c->mu);
	int s = c->stop;
	pthread_mutex_unlock(&c->mu);
	return s;
}

/* One connected session.  Returns < 0 with err set when it ends. */
static int session(struct ctrd_state *st, char *err, size_t errlen)
{
	struct cmeta *c = st->c;
	struct cm_source *s = &c->ctrd;
	PtcdCtrd__SubscribeReq sreq = PTCD_CTRD__SUBSCRIBE_REQ__INIT;
	char *filters[] = { "topic~=\"^/containers/\"", "topic~=\"^/tasks/\"" };
	int rc, sid;
	char rb[96];

	rc = h2g_connect(s->addr, &st->ev, err, errlen);
	if (rc)
		return rc;
	rc = h2g_connect(s->addr, &st->rpc, err, errlen);
	if (rc)
		return rc;
	/* subscribe first so nothing falls between the listing and the stream */
	sreq.n_filters = 2;
	sreq.filters = filters;
	sid = h2g_stream_open(st->ev, P_SUBSCRIBE, NULL, &sreq.base);
	if (sid < 0) {
		snprintf(err, errlen, "subscribe: %s", rc_str(sid, rb, sizeof(rb)));
		return sid;
	}
	st->gen = ++s->gen;
	rc = list_all(st);
	if (rc) {
		snprintf(err, errlen, "%s", rc_str(rc, rb, sizeof(rb)));
		return rc;
	}
	cm_sweep(c, 0, st->gen);
	cm_mark_initial(c, s, 1);

	struct pollfd p[2] = { { .fd = h2g_fd(st->ev), .events = POLLIN },
			       { .fd = s->evfd, .events = POLLIN } };
	while (!stopping(c)) {
		rc = h2g_pump(st->ev, 0);
		for (;;) {
			uint8_t *m;
			size_t ml;
			int r = h2g_stream_next(st->ev, sid, &m, &ml);
			if (r < 0) {
				snprintf(err, errlen, "event stream ended: %s",
					 r == -ENODATA ? "closed" : rc_str(r, rb, sizeof(rb)));
				return r;
			}
			if (r == 0)
				break;
			r = handle_event(st, m, ml);
			free(m);
			if (r) {
				snprintf(err, errlen, "%s", rc_str(r, rb, sizeof(rb)));
				return r;
			}
		}
		if (rc) {
			snprintf(err, errlen, "connection lost");
			return rc;
		}
		rc = handle_wants(st);
		if (rc) {
			snprintf(err, errlen, "connection lost");
			return rc;
		}
		cm_evict(c);
		if (poll(p, 2, 1000) > 0 && (p[1].revents & POLLIN)) {
			uint64_t v;
			if (read(s->evfd, &v, sizeof(v)) < 0) {
				/* spurious wake-up */
			}
		}
	}
	return 0;
}

void *cm_ctrd_thread(void *arg)
{
	struct ctrd_state st = { .c = arg };
	struct cmeta *c = st.c;
	struct cm_source *s = &c->ctrd;
	int backoff = 100, ever = 0;

	while (!stopping(c)) {
		char err[256] = "unknown error";
		int rc = session(&st, err, sizeof(err));
		int was_up = s->connected;
		h2g_close(st.ev);
		h2g_close(st.rpc);
		h2g_close(st.cri);
		st.ev = st.rpc = st.cri = NULL;
		st.cri_broken = 0;
		if (stopping(c))
			break;
		if (!ever && !was_up)
			cm_warn_once(s, "containerd", err);
		if (was_up) {
			ever = 1;
			backoff = 100;
		}
		cm_mark_initial(c, s, 0);
		(void)rc;
		cm_evict(c);
		if (cm_sleep(c, s, backoff))
			break;
		backoff = backoff * 2 > 5000 ? 5000 : backoff * 2;
	}
	free_ns(&st);
	cm_mark_initial(c, s, 0);
	return NULL;
}
