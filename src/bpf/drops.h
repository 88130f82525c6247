/*
 * Layout of the drop events (drops.bpf.c -> src/cli/live_drops.c).
 * Kernel side includes vmlinux.h first; user space includes <linux/types.h>.
 */
#ifndef PTCPDUMP_BPF_DROPS_H
#define PTCPDUMP_BPF_DROPS_H

#include "capture.h"

/* Bytes of a dropped packet copied at most (its linear part only). */
#define PTD_DROP_MAX_CAPLEN 65536

#define PTD_DROP_IFNAME_LEN 16

/* Slots of the drop_stats per-CPU array. */
enum ptd_drop_stat {
	PTD_DSTAT_SEEN = 0,	/* kfree_skb with a reason we report */
	PTD_DSTAT_SENT = 1,	/* copied to user space */
	PTD_DSTAT_LOST = 2,	/* ring buffer full */
	PTD_DSTAT_FILTERED = 3,	/* did not pass the process filters */
	PTD_DSTAT_MAX = 4,
};

struct ptd_drop_hdr {
	__u64 ts_boot_ns;	/* bpf_ktime_get_boot_ns() at the drop */
	__u64 location;		/* kernel text address that dropped it */
	__u32 reason;		/* enum skb_drop_reason */
	__u32 ifindex;		/* skb->dev, else skb->skb_iif; 0 unknown */
	__u32 netns_ino;	/* that device's network namespace, 0 unknown */
	__u32 len;		/* length of the packet from the copy's start */
	__u32 caplen;		/* bytes following this header */
	__u16 protocol;		/* ethertype, network byte order */
	__u8 l3;		/* data starts at the network header (DLT_RAW) */
	__u8 attributed;	/* owner below is valid */
	char ifname[PTD_DROP_IFNAME_LEN];	/* the device's own name */
	struct ptd_owner owner;
};

#endif
