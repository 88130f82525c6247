/* Container metadata: containerd (all namespaces), Docker, and pods from CRI
 * labels.  Thread-safe.  The rest of the program uses only this header. */
#ifndef PTCPDUMP_META_CMETA_H
#define PTCPDUMP_META_CMETA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct container_info {            /* all strings owned by the struct; cmeta_info_free() */
	char id[65];
	char *ns;          /* containerd namespace: default, moby, k8s.io ... ("" for docker-only) */
	char *name;        /* nerdctl/name label, io.kubernetes.container.name label, or Docker's name without leading '/' */
	char *image;       /* containerd image; for moby containers Docker's image as the user typed it */
	char *labels_json; /* compact JSON object of the labels, "{}" if none, keys sorted */
	uint32_t init_pid; /* 0 if no running task known */
	char *pod_name, *pod_ns, *pod_uid, *pod_labels_json, *pod_annotations_json; /* NULL when not a pod */
};

#define CMETA_ADD 1	/* new container, or its info became more complete
			 * (init pid known, Docker name arrived): an upsert,
			 * may be delivered more than once per id */
#define CMETA_DEL 2	/* container deleted (the table keeps it ~10 s more) */

struct cmeta;

/* Any address may be NULL or "" to disable that source.  Blocks until the
 * initial listings are done (at most ~2 s), then a background thread per
 * daemon follows its event stream and reconnects with backoff.  A daemon
 * that is absent gives one warning on stderr.  Returns NULL only on
 * allocation failure. */
struct cmeta *cmeta_start(const char *containerd_addr, const char *docker_addr,
			  const char *cri_addr);
/* cmeta_start in two steps, so that the listings run while the caller
 * does something else: launch starts the threads and returns at once;
 * ready waits for the initial listings (up to ~2 s after the launch) and
 * only then prints the warnings held since the launch.  c may be NULL. */
struct cmeta *cmeta_launch(const char *containerd_addr, const char *docker_addr,
			   const char *cri_addr);
void cmeta_ready(struct cmeta *c);
/* --log-level error: no warning about an absent daemon */
void cmeta_quiet_warnings(bool quiet);

/* full id, or a unique prefix of >= 12 chars: 0, -ENOENT, -EEXIST (ambiguous) */
int cmeta_get_by_id(struct cmeta *c, const char *id_or_prefix, struct container_info *out);
int cmeta_get_by_name(struct cmeta *c, const char *name, struct container_info *out);
int cmeta_get_by_pid(struct cmeta *c, uint32_t init_pid, struct container_info *out);
/* All containers of that pod (the sandbox included): 0 with *out a
 * malloc'd array of *n entries (free each with cmeta_info_free, then the
 * array with free), or -ENOENT. */
int cmeta_find_pod(struct cmeta *c, const char *pod_name, const char *pod_ns,
		   struct container_info **out, size_t *n);
/* cb is called without the table lock held, possibly from a background
 * thread; it may call cmeta_get_*. */
void cmeta_set_callback(struct cmeta *c,
			void (*cb)(const struct container_info *ci, int event, void *arg),
			void *arg);
/* Waits up to timeout_ms for a full id to become known (asks the daemons
 * directly too).  0 and *out filled, or -ENOENT / -ETIMEDOUT. */
int cmeta_wait_id(struct cmeta *c, const char *id, int timeout_ms, struct container_info *out);
void cmeta_info_free(struct container_info *ci);
void cmeta_stop(struct cmeta *c);

#endif
