/* Maps shared by the capture and the tracking programs. */
#ifndef PTCPDUMP_MAPS_BPF_H
#define PTCPDUMP_MAPS_BPF_H

#define PTD_MAX_FLOWS 65536
#define PTD_MAX_FILTER 16384

/*
 * A socket's owner, kept on the socket itself: no hashing on the hot path
 * (every send, receive and queued skb), and freed with the socket.
 */
struct ptd_sk {
	struct ptd_owner owner;	/* pid 0: not known yet */
	__u64 cookie;		/* our own number for the socket: the kernel's
				 * cookie needs a socket pointer that
				 * net_dev_queue does not have */
	__u64 flow_jiffies;	/* when its flow was last recorded */
	__u32 peer;		/* the peer it was recorded for (address, */
	__u16 peer_port;	/* folded to 32 bits, and port) */
	__u16 pad;
};

#define PTD_TCP_ESTABLISHED 1
#define PTD_TCP_TIME_WAIT 6
#define PTD_TCP_NEW_SYN_RECV 12

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct ptd_sk);
} sk_own SEC(".maps");

/* flow (both directions) -> owner */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, PTD_MAX_FLOWS);
	__type(key, struct ptd_flow_key);
	__type(value, struct ptd_flow_val);
} flows SEC(".maps");

/* process filters: pids (--pid, --pname, -f, -- command), uids, cgroups */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, PTD_MAX_FILTER);
	__type(key, __u32);
	__type(value, __u8);
} filter_pids SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u8);
} filter_uids SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, PTD_MAX_FILTER);
	__type(key, __u64);
	__type(value, __u8);
} filter_cgroups SEC(".maps");

/* exec / fork / exit events */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 << 20);
} proc_events SEC(".maps");

/*
 * The process/user/container filters (--pid, --pname, -f, --uid,
 * --container-*, --pod-name): does the owner pass?  filter_mode is each
 * object's own rodata.
 */
static __always_inline int owner_passes(const struct ptd_owner *o)
{
	__u64 cg;

	if (!filter_mode)
		return 1;
	if (!o)
		return 0;
	if ((filter_mode & PTD_FILTER_PID) &&
	    !bpf_map_lookup_elem(&filter_pids, &o->pid))
		return 0;
	if ((filter_mode & PTD_FILTER_UID) &&
	    !bpf_map_lookup_elem(&filter_uids, &o->uid))
		return 0;
	cg = o->cgroup_id;
	if ((filter_mode & PTD_FILTER_CGROUP) &&
	    !bpf_map_lookup_elem(&filter_cgroups, &cg))
		return 0;
	return 1;
}

#endif
