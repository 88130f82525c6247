// SPDX-License-Identifier: GPL-2.0
/*
 * --drops: packets the kernel frees with a drop reason (skb:kfree_skb).
 *
 * Each reported drop is copied to user space with its owner: the dropped
 * skb's socket's owner (its sk_own storage), else the owner of its flow (flows),
 * found from the packet's own tuple or from conntrack's original tuple when
 * NAT has rewritten the packet.  Those maps, and the process filters, are
 * the capture object's own (user space reuses their fds before loading).
 * The pcap expression is applied in user space.
 *
 * Attribution never uses the current task: drops happen in softirq.
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "drops.h"

#define PTD_SOCK_STREAM 1
#define PTD_SOCK_DGRAM 2
#define PTD_AF_INET 2
#define PTD_AF_INET6 10

const volatile __u32 snaplen = 262144;
const volatile __u32 filter_mode = 0;	/* PTD_FILTER_* */
/* reasons that are not reported (bit per enum value below 256): the
 * ordinary end of an skb; user space fills it from BTF names */
const volatile __u64 quiet_reasons[4] = {};
/* functions that drop without a reason (NOT_SPECIFIED) but only ever
 * drop (ip_error: no route), [start, end) of their text; reported even
 * though NOT_SPECIFIED is quiet */
#define PTD_DROP_SITES 8
const volatile __u32 unspec_reason = 2;
const volatile __u64 site_start[PTD_DROP_SITES] = {};
const volatile __u64 site_end[PTD_DROP_SITES] = {};

struct ptd_drop_buf {
	struct ptd_drop_hdr h;
	__u8 data[PTD_DROP_MAX_CAPLEN];
};

/* one scratch record per CPU (a per-CPU array can't hold 64 KiB) */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);	/* set to the number of CPUs at load */
	__type(key, __u32);
	__type(value, struct ptd_drop_buf);
} drop_buf SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4 << 20);
} drop_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, PTD_DSTAT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} drop_stats SEC(".maps");

#include "maps.bpf.h"
#include "flow.bpf.h"

static __always_inline void dstat_inc(__u32 slot)
{
	__u64 *v = bpf_map_lookup_elem(&drop_stats, &slot);

	if (v)
		*v += 1;
}

/* conntrack's original tuple of the skb's connection (TCP/UDP), ordered */
static __always_inline int ct_flow(struct sk_buff *skb, struct ptd_flow_key *k)
{
	unsigned long nfct = BPF_CORE_READ(skb, _nfct);
	struct nf_conn *ct = (struct nf_conn *)(nfct & ~7UL);
	struct nf_conntrack_tuple t;
	__u8 proto;

	if (!ct)
		return -1;
	if (bpf_probe_read_kernel(&t, sizeof(t), &ct->tuplehash[0].tuple))
		return -1;
	proto = t.dst.protonum;
	if (proto != PTD_IPPROTO_TCP && proto != PTD_IPPROTO_UDP)
		return -1;
	__builtin_memset(k, 0, sizeof(*k));
	if (t.src.l3num == PTD_AF_INET) {
		__builtin_memcpy(k->a, &t.src.u3, 4);
		__builtin_memcpy(k->b, &t.dst.u3, 4);
		k->family = 4;
	} else if (t.src.l3num == PTD_AF_INET6) {
		__builtin_memcpy(k->a, &t.src.u3, 16);
		__builtin_memcpy(k->b, &t.dst.u3, 16);
		k->family = 6;
	} else {
		return -1;
	}
	k->proto = proto;
	k->port_a = bpf_ntohs(t.src.u.all);
	k->port_b = bpf_ntohs(t.dst.u.all);
	flow_order(k);
	return 0;
}

/* The packet's own flow, from the headers at nh (IPv4/IPv6, linear part) */
static __always_inline int pkt_flow(const __u8 *nh, const __u8 *end, int ver,
				    struct ptd_flow_key *k)
{
	const __u8 *th;
	__u8 l4[8];

	__builtin_memset(k, 0, sizeof(*k));
	if (ver == 4) {
		struct iphdr ip;

		if (bpf_probe_read_kernel(&ip, sizeof(ip), nh))
			return -1;
		if (ip.frag_off & bpf_htons(0x1fff))
			return -1;
		__builtin_memcpy(k->a, &ip.saddr, 4);
		__builtin_memcpy(k->b, &ip.daddr, 4);
		k->proto = ip.protocol;
		k->family = 4;
		th = nh + ip.ihl * 4;
	} else {
		struct ipv6hdr ip6;

		if (bpf_probe_read_kernel(&ip6, sizeof(ip6), nh))
			return -1;
		__builtin_memcpy(k->a, &ip6.saddr, 16);
		__builtin_memcpy(k->b, &ip6.daddr, 16);
		k->proto = ip6.nexthdr;
		k->family = 6;
		th = nh + sizeof(ip6);
	}
	if (th + sizeof(l4) > end)
		return -1;
	if (bpf_probe_read_kernel(l4, sizeof(l4), th))
		return -1;
	return flow_ports(k, l4);
}

/* btf_sk: the skb's socket as a BTF pointer (tp_btf), for its storage;
 * NULL from the raw tracepoint, which finds owners by flow only. */
static __always_inline struct ptd_owner *
drop_owner(struct sk_buff *skb, struct sock *btf_sk, const __u8 *nh,
	   const __u8 *end, int ver)
{
	struct sock *sk = BPF_CORE_READ(skb, sk);
	struct ptd_flow_key k;
	struct ptd_owner *o;

	if (sk) {
		__u8 state = BPF_CORE_READ(sk, __sk_common.skc_state);

		if (btf_sk) {
			struct ptd_sk *st =
				bpf_sk_storage_get(&sk_own, btf_sk, 0, 0);

			if (st && st->owner.pid)
				return &st->owner;
		}
		/* the kernel's control sockets (RSTs, ICMP errors) are raw
		 * sockets: their packets have no process */
		if (state != PTD_TCP_TIME_WAIT && state != PTD_TCP_NEW_SYN_RECV) {
			__u16 type = BPF_CORE_READ(sk, sk_type);

			if (type != PTD_SOCK_STREAM && type != PTD_SOCK_DGRAM)
				return NULL;
		}
	}
	if (!ver)
		return NULL;
	if (pkt_flow(nh, end, ver, &k) == 0) {
		o = bpf_map_lookup_elem(&flows, &k);
		if (o)
			return o;
	}
	if (ct_flow(skb, &k))
		return NULL;
	return bpf_map_lookup_elem(&flows, &k);
}

static __always_inline int quiet(__u32 reason)
{
	__u32 w = reason >> 6;

	if (reason >= 256)
		return 0;
	/* constant indexes: rodata arrays with a variable one are not
	 * constant-folded */
	if (w == 0)
		return (quiet_reasons[0] >> (reason & 63)) & 1;
	if (w == 1)
		return (quiet_reasons[1] >> (reason & 63)) & 1;
	if (w == 2)
		return (quiet_reasons[2] >> (reason & 63)) & 1;
	return (quiet_reasons[3] >> (reason & 63)) & 1;
}

static __always_inline int drop_site(__u64 loc)
{
	int i;

#pragma unroll
	for (i = 0; i < PTD_DROP_SITES; i++)
		if (loc >= site_start[i] && loc < site_end[i])
			return 1;
	return 0;
}

static __always_inline int on_drop(struct sk_buff *skb, struct sock *btf_sk,
				   void *location, __u32 reason)
{
	struct ptd_drop_buf *b;
	struct net_device *dev;
	struct ptd_owner *o;
	const __u8 *head, *data, *nh, *start, *end;
	__u16 mac_off, nh_off, proto;
	__u32 len, headlen, cpu;
	__u64 caplen;
	__s64 plen;
	__u8 first = 0;
	int ver = 0, l3 = 1;

	if (quiet(reason) &&
	    !(reason == unspec_reason && drop_site((__u64)location)))
		return 0;
	dstat_inc(PTD_DSTAT_SEEN);
	head = BPF_CORE_READ(skb, head);
	data = BPF_CORE_READ(skb, data);
	mac_off = BPF_CORE_READ(skb, mac_header);
	nh_off = BPF_CORE_READ(skb, network_header);
	proto = BPF_CORE_READ(skb, protocol);
	len = BPF_CORE_READ(skb, len);
	headlen = len - BPF_CORE_READ(skb, data_len);
	if (headlen > len)
		return 0;
	end = data + headlen;
	nh = head + nh_off;
	if (nh < end)
		bpf_probe_read_kernel(&first, 1, nh);
	/* the network header must hold what the protocol says */
	if (proto == bpf_htons(0x0800) && (first >> 4) == 4 && (first & 15) >= 5)
		ver = 4;
	else if (proto == bpf_htons(0x86dd) && (first >> 4) == 6)
		ver = 6;
	else if (!proto && (first >> 4) == 4 && (first & 15) >= 5)
		ver = 4;	/* local skb before ip_output set the protocol */
	else if (!proto && (first >> 4) == 6)
		ver = 6;
	if (ver == 4)
		proto = bpf_htons(0x0800);
	else if (ver == 6)
		proto = bpf_htons(0x86dd);
	/* with a valid Ethernet header: from there; else raw IP */
	if (mac_off != (__u16)~0U && mac_off < nh_off && nh_off - mac_off == 14 &&
	    head + mac_off >= head && head + mac_off < end) {
		start = head + mac_off;
		l3 = 0;
	} else if (ver) {
		start = nh;
	} else {
		return 0;	/* neither IP nor a link header: nothing to show */
	}
	if (start >= end)
		return 0;

	o = drop_owner(skb, btf_sk, nh, end, ver);
	if (!owner_passes(o)) {
		dstat_inc(PTD_DSTAT_FILTERED);
		return 0;
	}
	cpu = bpf_get_smp_processor_id();
	b = bpf_map_lookup_elem(&drop_buf, &cpu);
	if (!b)
		return 0;
	__builtin_memset(&b->h, 0, sizeof(b->h));
	if (o) {
		b->h.owner = *o;
		b->h.attributed = 1;
	}
	caplen = end - start;
	plen = (__s64)len + (data - start);
	if (plen < (__s64)caplen)
		plen = caplen;
	if (caplen > snaplen)
		caplen = snaplen;
	if (caplen > PTD_DROP_MAX_CAPLEN)
		caplen = PTD_DROP_MAX_CAPLEN;
	b->h.ts_boot_ns = bpf_ktime_get_boot_ns();
	b->h.location = (__u64)location;
	b->h.reason = reason;
	dev = BPF_CORE_READ(skb, dev);
	if (dev) {
		b->h.ifindex = BPF_CORE_READ(dev, ifindex);
		b->h.netns_ino = BPF_CORE_READ(dev, nd_net.net, ns.inum);
		bpf_probe_read_kernel_str(b->h.ifname, sizeof(b->h.ifname),
					  dev->name);
	} else {
		b->h.ifindex = BPF_CORE_READ(skb, skb_iif);
	}
	b->h.len = plen > 0xffffffffLL ? 0xffffffffU : (__u32)plen;
	b->h.protocol = proto;
	b->h.l3 = l3;
	if (bpf_probe_read_kernel(b->data, caplen, start))
		return 0;
	b->h.caplen = caplen;
	if (bpf_ringbuf_output(&drop_events, b, sizeof(b->h) + caplen, 0)) {
		dstat_inc(PTD_DSTAT_LOST);
		return 0;
	}
	dstat_inc(PTD_DSTAT_SENT);
	return 0;
}

SEC("tp_btf/kfree_skb")
int BPF_PROG(ptd_kfree_skb, struct sk_buff *skb, void *location,
	     enum skb_drop_reason reason)
{
	return on_drop(skb, skb->sk, location, (__u32)reason);
}

/* the same for kernels where tp_btf cannot be attached */
SEC("raw_tp/kfree_skb")
int BPF_PROG(ptd_kfree_skb_raw, struct sk_buff *skb, void *location,
	     enum skb_drop_reason reason)
{
	return on_drop(skb, NULL, location, (__u32)reason);
}

char LICENSE[] SEC("license") = "GPL";
