/* Process cache: exec/fork/exit events from the kernel, plus /proc. */
#ifndef PTCPDUMP_PROC_H
#define PTCPDUMP_PROC_H

#include <stdbool.h>
#include <stdint.h>

#include <stddef.h>

#include "bpf/capture_types.h"

struct proc_entry {
	uint32_t pid, ppid, uid;
	uint32_t pidns, mntns, netns;
	uint64_t cgroup_id;
	uint64_t exited_ns;	/* boot-clock time of exit, 0 while alive */
	char comm[PTD_COMM_LEN];
	char cgroup[PTD_CGROUP_LEN];	/* leaf name of the v2 cgroup */
	char *cmd;		/* executable path */
	char *args;		/* argv joined by spaces, "..." when truncated */
	bool used;
};

struct proc_cache;

/* max: bound on the entries kept (live and recently exited). */
struct proc_cache *proc_cache_new(uint32_t max);
void proc_cache_free(struct proc_cache *pc);
/* Reads every process that exists now from /proc. */
void proc_cache_scan(struct proc_cache *pc);
void proc_cache_event(struct proc_cache *pc, const struct ptd_proc_event *e,
		      size_t size);
/* The process, read from /proc when it is not cached yet; NULL if gone. */
const struct proc_entry *proc_cache_get(struct proc_cache *pc, uint32_t pid);
/* Forgets processes that exited more than keep_ns ago. */
void proc_cache_expire(struct proc_cache *pc, uint64_t now_boot_ns,
		       uint64_t keep_ns);
/* Joins a NUL-separated argv of len bytes (used for /proc and events). */
char *proc_join_args(const char *buf, size_t len, bool truncated);

#endif
