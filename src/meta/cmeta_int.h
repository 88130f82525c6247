/* Internals shared by cmeta.c, containerd.c, docker.c.  Not for other modules. */
#ifndef PTCPDUMP_META_CMETA_INT_H
#define PTCPDUMP_META_CMETA_INT_H

#include <pthread.h>
#include <time.h>
#include <stddef.h>
#include <stdint.h>

#include "meta/cmeta.h"

#define CM_GRACE_MS 10000	/* keep deleted containers this long */
#define CM_MAX_WANT 16

struct cm_kv {
	char *k, *v;
};

/* label set, sorted by key, keys unique */
struct cm_labels {
	struct cm_kv *kv;
	size_t n;
};

int cm_labels_set(struct cm_labels *l, const char *k, const char *v);
const char *cm_labels_get(const struct cm_labels *l, const char *k);
void cm_labels_free(struct cm_labels *l);
/* compact JSON object of a merged with b (b wins), keys sorted; skip_prefixes
 * (NULL-terminated, may be NULL) drops keys with those prefixes. */
char *cm_labels_json(const struct cm_labels *a, const struct cm_labels *b,
		     const char *const *skip_prefixes);

/* one daemon source */
struct cm_source {
	pthread_t thr;
	int started;
	int evfd;		/* eventfd: wake the thread (stop, lookups) */
	char *addr;
	int initial_done;
	int connected;
	unsigned gen;
	char want[CM_MAX_WANT][65];	/* ids to look up directly */
	int n_want;
};

struct cm_entry;

struct cmeta {
	pthread_mutex_t mu;
	pthread_cond_t cond;	/* table changed / initial listing done */
	int stop;
	struct cm_entry *entries;
	struct cm_source ctrd, docker;
	char *cri_addr;
	struct timespec launched;	/* CLOCK_MONOTONIC, for cmeta_ready */
	void (*cb)(const struct container_info *ci, int event, void *arg);
	void *cb_arg;
};

/* --- table updates (cmeta.c); each takes the lock itself and fires the
 * callback after releasing it --- */
/* labels are moved into the table (l is emptied) */
void cm_ctrd_put(struct cmeta *c, const char *ns, const char *id, const char *image,
		 struct cm_labels *l, int replace_labels, unsigned gen);
void cm_ctrd_task(struct cmeta *c, const char *id, uint32_t pid, int running);
void cm_delete(struct cmeta *c, const char *id, int from_docker);
void cm_docker_put(struct cmeta *c, const char *id, const char *name, const char *image,
		   struct cm_labels *l, uint32_t pid, unsigned gen);
/* marks entries of a source not refreshed in generation gen as deleted */
void cm_sweep(struct cmeta *c, int docker, unsigned gen);
/* 1 when known (from the given source: 0 containerd, 1 docker, -1 any) */
int cm_has(struct cmeta *c, const char *id, int source);
void cm_set_pod_cri(struct cmeta *c, const char *uid, const char *labels_json,
		    const char *ann_json);
int cm_need_pod_cri(struct cmeta *c, const char *uid);
void cm_evict(struct cmeta *c);
void cm_warn_once(struct cm_source *s, const char *what, const char *reason);
/* from cmeta_launch to cmeta_ready, cm_warn_once keeps its warnings;
 * release prints them (cmeta_warn.c) */
void cm_hold_warnings(void);
void cm_release_warnings(void);
bool cm_warnings_held(void);
/* pops requested lookups (under the lock); returns count copied */
int cm_take_wants(struct cmeta *c, struct cm_source *s, char (*ids)[65], int max);
int cm_sleep(struct cmeta *c, struct cm_source *s, int ms);	/* 1 when stopping */
void cm_mark_initial(struct cmeta *c, struct cm_source *s, int connected);
long cm_now_ms(void);

/* --- sources --- */
void *cm_ctrd_thread(void *arg);	/* arg: struct cmeta * */
void *cm_docker_thread(void *arg);

/* docker.c: synchronous inspect on a new connection; used by the containerd
 * thread to complete moby records.  Returns 0 or -errno. */
int cm_docker_inspect_put(struct cmeta *c, const char *id);

/* containerd decoders, exposed for unit tests */
enum { CM_EV_NONE, CM_EV_CREATE, CM_EV_UPDATE, CM_EV_DELETE, CM_EV_TASK_START,
       CM_EV_TASK_EXIT };
struct cm_ctrd_event {
	int type;
	char ns[256];
	char id[65];
	char *image;		/* may be NULL */
	struct cm_labels labels;	/* CM_EV_UPDATE */
	uint32_t pid;
};
/* one Subscribe message (Envelope): 0 (type CM_EV_NONE when not of
 * interest), -EINVAL when undecodable */
int cm_ctrd_decode_event(const uint8_t *msg, size_t len, struct cm_ctrd_event *ev);
void cm_ctrd_event_free(struct cm_ctrd_event *ev);
/* a Containers Get/List response: calls fn for each container record */
int cm_ctrd_decode_containers(const uint8_t *msg, size_t len, int is_list,
			      void (*fn)(const char *id, const char *image,
					 struct cm_labels *l, void *arg), void *arg);
/* a Tasks List response: calls fn(container id, pid, running) per init task */
int cm_ctrd_decode_tasks(const uint8_t *msg, size_t len,
			 void (*fn)(const char *id, uint32_t pid, int running, void *arg),
			 void *arg);

/* docker decoders, exposed for unit tests */
struct cm_docker_rec {
	char id[65];
	char *name, *image;
	struct cm_labels labels;
	uint32_t pid;
};
void cm_docker_rec_free(struct cm_docker_rec *r);
int cm_docker_parse_inspect(const char *json, size_t len, struct cm_docker_rec *out);
/* /containers/json: calls fn for each container */
int cm_docker_parse_list(const char *json, size_t len,
			 void (*fn)(struct cm_docker_rec *r, void *arg), void *arg);
/* one /events line: action ("create", "start", "destroy", ...) and record
 * with id, name, image (from Actor.Attributes); returns 0 or -EINVAL */
int cm_docker_parse_event(const char *json, size_t len, char *action, size_t action_len,
			  struct cm_docker_rec *out);
/* incremental HTTP/1.1 chunked transfer decoding */
struct cm_dechunk {
	int state;
	size_t left;
	int ndig;
};
/* Decodes n input bytes; appends data to out (room for n bytes needed) and
 * sets *outlen.  Returns 1 after the last chunk, 0 for more, -EPROTO. */
int cm_dechunk_feed(struct cm_dechunk *d, const char *in, size_t n, char *out,
		    size_t *outlen);

#endif
