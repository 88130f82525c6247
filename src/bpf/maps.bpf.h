/* Maps shared by the capture and the tracking programs. */
#ifndef PTCPDUMP_MAPS_BPF_H
#define PTCPDUMP_MAPS_BPF_H

#define PTD_MAX_SOCKS 65536
#define PTD_MAX_FLOWS 65536
#define PTD_MAX_FILTER 16384

/* socket cookie -> owner */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, PTD_MAX_SOCKS);
	__type(key, __u64);
	__type(value, struct ptd_owner);
} sock_owner SEC(".maps");

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
