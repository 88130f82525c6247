/*
 * Layouts shared by the kernel programs and user space.
 * Kernel side includes vmlinux.h first; user space includes <linux/types.h>.
 */
#ifndef PTCPDUMP_BPF_CAPTURE_H
#define PTCPDUMP_BPF_CAPTURE_H

#define PTD_DIR_IN 1
#define PTD_DIR_OUT 2

/* A perf record carries at most 64 KiB: the header plus packet bytes. */
#define PTD_MAX_CAPLEN 65000

/* Slots of the stats per-CPU array. */
enum ptd_stat {
	PTD_STAT_SEEN = 0,	/* packets that entered the filter program */
	PTD_STAT_MATCHED = 1,	/* packets that passed the filter */
	PTD_STAT_LOST = 2,	/* matched but could not be delivered */
	PTD_STAT_MAX = 4,
};

/* Slots of the tail-call program array. */
enum ptd_slot {
	PTD_SLOT_INGRESS = 0,
	PTD_SLOT_EGRESS = 1,
	PTD_SLOT_MAX = 2,
};

struct ptd_pkt_hdr {
	__u64 ts_boot_ns;	/* bpf_ktime_get_boot_ns() at capture */
	__u32 ifindex;
	__u32 len;		/* skb->len */
	__u32 caplen;		/* bytes of packet following this header */
	__u16 protocol;		/* skb->protocol, network byte order */
	__u8 dir;		/* PTD_DIR_* */
	__u8 pad0;
	__u32 pid;		/* owning process, 0 when unknown */
	__u32 tid;
	__u64 sk_cookie;	/* socket cookie, 0 when no socket */
};

#endif
