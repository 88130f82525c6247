/* Loads the kernel programs and attaches them to interfaces at tc. */
#ifndef PTCPDUMP_LOADER_H
#define PTCPDUMP_LOADER_H

#include <stdbool.h>
#include <stdint.h>

#include "filter/filter.h"

enum { CAP_DIR_IN = 1, CAP_DIR_OUT = 2 };

struct loader_opts {
	uint32_t snaplen;
	int directions;		/* CAP_DIR_IN | CAP_DIR_OUT */
	const struct cbpf_prog *filter_eth;	/* for devices with an Ethernet header */
	const struct cbpf_prog *filter_raw;	/* for devices without a link header */
	bool force_tc;		/* don't use tcx (testing the fallback) */
	uint32_t filter_mode;	/* PTD_FILTER_*: process/container filters */
	bool follow_forks;	/* -f: children of filtered pids join them */
	const char *pname;	/* --pname: comm to select at exec */
	uint64_t ring_bytes;	/* packet ring size, a power of two */
	uint64_t wake_bytes;	/* wake the reader per this much, 0: at once */
	const char *btf_path;	/* kernel BTF file, NULL: the kernel's own */
};

struct loader;

struct loader_stats {
	uint64_t seen, matched, lost, proc_lost, filtered;
};

int loader_open(const struct loader_opts *o, struct loader **out,
		char *err, size_t errlen);
/* The packet ring buffer fd the ring reader consumes. */
int loader_events_fd(struct loader *l);
/* ring_set_wake_flag()'s flag, in the programs' mmapped .bss */
volatile uint32_t *loader_wake_flag(struct loader *l);
/* The ring buffer of exec/fork/exit events. */
int loader_proc_events_fd(struct loader *l);
/* The fd of one of the capture object's maps by name (sk_own, flows,
 * filter_pids, ...), for other BPF objects to share; -1 when unknown. */
int loader_map_fd(struct loader *l, const char *name);
/* Starts the process and socket tracking programs. */
int loader_start_tracking(struct loader *l, char *err, size_t errlen);
/* Entries of the in-kernel process filters. */
int loader_filter_pid(struct loader *l, uint32_t pid);
int loader_filter_uid(struct loader *l, uint32_t uid);
int loader_filter_cgroup(struct loader *l, uint64_t cgroup_id);
/* Attach to ifindex of namespace netns (the caller runs in it); l3 =
 * device without a link header; loopback = capture only egress (every
 * packet comes back as ingress). */
int loader_attach(struct loader *l, uint64_t netns, uint32_t ifindex, bool l3,
		  bool loopback, char *err, size_t errlen);
/* Must run in the interface's namespace for the clsact fallback. */
void loader_detach(struct loader *l, uint64_t netns, uint32_t ifindex);
/* Closes every tcx link at once, in parallel (the fast way out). */
void loader_close_links(struct loader *l);
/* Detaches everything attached in one namespace (it went away). */
void loader_detach_netns(struct loader *l, uint64_t netns);
void loader_stats(struct loader *l, struct loader_stats *st);
/* Remove filters a killed earlier run left (clsact fallback only). */
void loader_cleanup_stale(uint32_t ifindex);
/* Removes the clsact filters of the run with that pid (it was killed). */
void loader_remove_run(uint32_t ifindex, uint32_t pid);
/* Packets of one interface that matched but could not be delivered. */
uint64_t loader_lost_on(struct loader *l, uint32_t ifindex);
/* clsact filters instead of tcx links, before anything is attached: a tcx
 * attachment waits for an RCU grace period under rtnl (10-20 ms each, one
 * after another), a clsact filter does not. */
void loader_use_clsact(struct loader *l);
void loader_close(struct loader *l);

#endif
