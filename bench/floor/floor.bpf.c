// SPDX-License-Identifier: GPL-2.0
/*
 * The floor of an eBPF capture at the device queue (bench/floor/floor.c):
 * what any tool that takes each outgoing packet there must pay, with
 * nothing of ptcpdump's own (no attribution, no filter, no statistics).
 *
 *   mode CLOCK:  the hook and one read of the clock, nothing kept;
 *   mode RECORD: that, plus one ring record per packet of the device:
 *                the time, the lengths and the first 128 bytes.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "floor.h"

const volatile __u32 mode = FLOOR_CLOCK;
const volatile __u32 ifindex = 0;
const volatile __u64 netns = 0;

/* what the clock mode reads goes here, so that the read is not dropped */
__u64 clock_sink;
__u64 lost;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 << 20);
} ring SEC(".maps");

SEC("tp_btf/net_dev_queue")
int BPF_PROG(floor_dev_queue, struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct floor_rec *r;
	__u64 ts, n;

	if (dev->ifindex != ifindex || dev->nd_net.net->ns.inum != netns)
		return 0;
	ts = bpf_ktime_get_boot_ns();
	if (mode == FLOOR_CLOCK) {
		clock_sink = ts;
		return 0;
	}
	r = bpf_ringbuf_reserve(&ring, sizeof(*r), 0);
	if (!r) {
		__sync_fetch_and_add(&lost, 1);
		return 0;
	}
	r->ts_boot_ns = ts;
	r->len = skb->len;
	n = skb->len - skb->data_len;
	if (n > FLOOR_SNAP)
		n = FLOOR_SNAP;
	barrier_var(n);
	if (n < 1)
		n = 1;
	r->caplen = n;
	if (bpf_probe_read_kernel(r->d, n, skb->data)) {
		bpf_ringbuf_discard(r, BPF_RB_NO_WAKEUP);
		return 0;
	}
	/* the reader polls: no wake-ups, the cheapest delivery there is */
	bpf_ringbuf_submit(r, BPF_RB_NO_WAKEUP);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
