// SPDX-License-Identifier: GPL-2.0
/*
 * tc programs that copy matching packets to user space.
 *
 * The pcap expression runs in a separate program generated at run time
 * (src/filter/): it is the one attached at tc ingress/egress, and it
 * tail-calls ptd_main_in / ptd_main_out through the `jmp` program array only
 * for packets that match.  Everything returns TC_ACT_UNSPEC so that other
 * qdiscs, filters and tcx programs see the packet as if we were not there.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "capture.h"

#define TC_ACT_UNSPEC (-1)

const volatile __u32 snaplen = 262144;

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, PTD_STAT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, PTD_SLOT_MAX);
	__type(key, __u32);
	__type(value, __u32);
} jmp SEC(".maps");

static __always_inline void stat_inc(__u32 slot)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &slot);

	if (v)
		*v += 1;
}

static __always_inline int capture(struct __sk_buff *skb, __u8 dir)
{
	struct ptd_pkt_hdr h = {};
	__u64 caplen = skb->len;
	long err;

	if (caplen > snaplen)
		caplen = snaplen;
	if (caplen > PTD_MAX_CAPLEN)
		caplen = PTD_MAX_CAPLEN;

	h.ts_boot_ns = bpf_ktime_get_boot_ns();
	h.ifindex = skb->ifindex;
	h.len = skb->len;
	h.caplen = caplen;
	h.protocol = skb->protocol;
	h.dir = dir;

	stat_inc(PTD_STAT_MATCHED);
	err = bpf_perf_event_output(skb, &events,
				    BPF_F_CURRENT_CPU | (caplen << 32),
				    &h, sizeof(h));
	if (err)
		stat_inc(PTD_STAT_LOST);
	return TC_ACT_UNSPEC;
}

SEC("tc")
int ptd_main_in(struct __sk_buff *skb)
{
	return capture(skb, PTD_DIR_IN);
}

SEC("tc")
int ptd_main_out(struct __sk_buff *skb)
{
	return capture(skb, PTD_DIR_OUT);
}

char LICENSE[] SEC("license") = "GPL";
