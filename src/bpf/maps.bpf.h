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

#endif
