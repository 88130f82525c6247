/*
 * Layouts shared by the kernel programs and user space.
 * Kernel side includes vmlinux.h first; user space includes <linux/types.h>.
 */
#ifndef PTCPDUMP_BPF_CAPTURE_H
#define PTCPDUMP_BPF_CAPTURE_H

#define PTD_DIR_IN 1
#define PTD_DIR_OUT 2

/* At most this many bytes of a packet go to user space (the largest
 * reservation class of the ring). */
#define PTD_MAX_CAPLEN 262144

/* At most this many interfaces are captured at once (the size of the
 * kernel's table of devices whose outgoing packets it takes). */
#define PTD_MAX_ATTACH 4096

/* Slots of the stats per-CPU array. */
enum ptd_stat {
	PTD_STAT_SEEN = 0,	/* packets that entered the filter program */
	PTD_STAT_MATCHED = 1,	/* packets that passed the filter */
	PTD_STAT_LOST = 2,	/* matched but could not be delivered */
	PTD_STAT_PROC_LOST = 3,	/* process events lost (ring full) */
	PTD_STAT_FILTERED = 4,	/* matched the expression, not the process filter */
	PTD_STAT_MAX = 8,
};

/* What the filter program tells the capture program in skb->cb[0]: the
 * direction, and whether the device has an Ethernet header (L2) or none. */
enum ptd_slot {
	PTD_SLOT_IN = 0,
	PTD_SLOT_OUT = 1,
	PTD_SLOT_IN_L3 = 2,
	PTD_SLOT_OUT_L3 = 3,
};
#define PTD_SLOT_IS_OUT(s) ((s) & 1)
#define PTD_SLOT_IS_L3(s) ((s) & 2)

#define PTD_COMM_LEN 16
#define PTD_FILENAME_LEN 512
#define PTD_ARGS_LEN 4096
#define PTD_CGROUP_LEN 128

/* Who owns a socket or a flow: recorded in process context. */
struct ptd_owner {
	__u32 pid;		/* tgid */
	__u32 tid;
	__u32 uid;
	__u32 pad;
	__u64 cgroup_id;	/* cgroup v2 id of the thread */
	char comm[PTD_COMM_LEN];	/* thread name */
};

/* What the flow table keeps: the owner of the flow's initiating socket. */
struct ptd_flow_val {
	struct ptd_owner owner;
	__u64 cookie;		/* the socket that recorded it */
	__u64 ts_boot_ns;	/* last refresh */
};

/* A flow, with the two ends in a fixed order so that both directions of a
 * connection share one key.  IPv4 addresses use the first 4 bytes. */
struct ptd_flow_key {
	__u8 a[16];
	__u8 b[16];
	__u16 port_a;		/* host order; ICMP echo: the id */
	__u16 port_b;
	__u8 proto;		/* IPPROTO_* */
	__u8 family;		/* 4 or 6 */
	__u16 pad;
};

struct ptd_pkt_hdr {
	__u64 ts_boot_ns;	/* bpf_ktime_get_boot_ns() at capture */
	__u32 ifindex;
	__u32 len;		/* skb->len */
	__u32 caplen;		/* bytes of packet following this header */
	__u16 protocol;		/* skb->protocol, network byte order */
	__u8 dir;		/* PTD_DIR_* */
	__u8 attributed;	/* owner below is valid */
	__u32 netns;		/* inode of the device's network namespace */
	__u32 vlan;		/* 802.1Q tag held outside the data (VLAN
				 * offload): TPID << 16 | TCI; 0 none */
	struct ptd_owner owner;
};

/* Filter modes (rodata) */
#define PTD_FILTER_PID (1u << 0)	/* owner pid in filter_pids */
#define PTD_FILTER_UID (1u << 1)	/* owner uid in filter_uids */
#define PTD_FILTER_CGROUP (1u << 2)	/* owner cgroup in filter_cgroups */

enum ptd_proc_event_type {
	PTD_EV_EXEC = 1,
	PTD_EV_FORK = 2,
	PTD_EV_EXIT = 3,
};

struct ptd_proc_event {
	__u32 type;
	__u32 pid;		/* tgid */
	__u32 ppid;
	__u32 uid;
	__u32 pidns, mntns, netns;
	__u32 filename_len;	/* bytes in filename, 0 for fork/exit */
	__u32 args_len;		/* bytes in args (NUL separated) */
	__u32 args_truncated;
	__u64 cgroup_id;
	__u64 ts_boot_ns;
	char comm[PTD_COMM_LEN];
	char cgroup[PTD_CGROUP_LEN];	/* leaf name of the v2 cgroup */
	char filename[PTD_FILENAME_LEN];
	char args[PTD_ARGS_LEN];
};

#endif
