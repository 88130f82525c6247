/* Turns a packet's owner (from the kernel) into its context lines. */
#ifndef PTCPDUMP_ENRICH_H
#define PTCPDUMP_ENRICH_H

#include "bpf/capture_types.h"
#include "common/packet.h"
#include "meta/cmeta.h"
#include "meta/proc.h"

struct enricher;

/* cm may be NULL (no container runtime). */
struct enricher *enricher_new(struct proc_cache *pc, struct cmeta *cm);
void enricher_free(struct enricher *en);
/* fn brings the process cache up to date (reads the pending exec/fork/exit
 * events); called before each packet's process is looked up. */
void enricher_set_refresh(struct enricher *en, void (*fn)(void *arg), void *arg);
/* The metadata of a packet owned by o, captured at ts_ns (any clock that
 * only moves forward, e.g. the packet's boot-time stamp: a run of packets
 * of one owner within 100 ms reuses the last result); valid until the next
 * call. */
const struct pkt_meta *enrich(struct enricher *en, const struct ptd_owner *o,
			      uint64_t ts_ns);
/* The container a process runs in (by cgroup, then init pid); NULL when
 * none.  The result is cached: valid until the next call. */
const struct container_info *enrich_container_of(struct enricher *en,
						 const struct proc_entry *p);
/* Extracts a container id candidate from a cgroup leaf name. */
int cgroup_leaf_container_id(const char *leaf, char *id, size_t size);

#endif
