/*
 * One captured (or read) packet as it flows from the ring reader or a file
 * reader to the sinks.  Everything pointed to stays valid only for the
 * duration of the sink call.
 */
#ifndef PTCPDUMP_PACKET_H
#define PTCPDUMP_PACKET_H

#include <stdbool.h>
#include <stdint.h>

enum pkt_dir {
	PKT_DIR_UNKNOWN = 0,
	PKT_DIR_IN = 1,
	PKT_DIR_OUT = 2,
	PKT_DIR_DROP = 3,
};

/* Bits of pkt_meta.have: which groups are known. */
enum {
	META_PROC = 1u << 0,	/* pid, cmd, args */
	META_THREAD = 1u << 1,	/* tid, tname */
	META_USER = 1u << 2,	/* uid */
	META_PARENT = 1u << 3,	/* ppid, pcmd, pargs */
	META_CONTAINER = 1u << 4,
	META_POD = 1u << 5,
	META_PKTID = 1u << 6,	/* packet_id seen on several hops */
	META_DROP = 1u << 7,	/* drop_reason, drop_location */
};

struct pkt_meta {
	unsigned have;
	/* Non-zero: metadata with the same gen has the same content, but for
	 * packet_id (lets the writer reuse what it encoded).  A copy that
	 * changes anything else must set it to 0. */
	uint64_t gen;
	uint32_t pid, tid, uid, ppid;
	const char *cmd, *args, *tname;
	const char *pcmd, *pargs;
	const char *cname, *cid, *cimage, *clabels;	/* labels: compact JSON */
	const char *podname, *podns, *poduid, *podlabels, *podannot;
	uint64_t packet_id;
	const char *drop_reason, *drop_location;
};

struct pkt {
	uint64_t ts_ns;		/* wall clock, ns since the epoch */
	int tsresol_ns;		/* precision of the source: 1000 = micro, 1 = nano */
	uint32_t ifindex;
	uint64_t netns_ino;	/* live: the interface's namespace (0 = ours) */
	const char *ifname;	/* NULL when the source has no interface names */
	int dir;		/* enum pkt_dir */
	int dlt;		/* DLT_* link type of data */
	uint32_t caplen, len;
	const uint8_t *data;
	const struct pkt_meta *meta;	/* NULL when nothing is known */
};

#endif
