// SPDX-License-Identifier: GPL-2.0
/*
 * tc programs that copy matching packets to user space, with the process
 * that owns them.
 *
 * The pcap expression runs in a separate program generated at run time
 * (src/filter/): it is the one attached at tc ingress/egress, and it
 * tail-calls one of the ptd_main_* programs through the `jmp` array only
 * for packets that match.  Everything returns TC_ACT_UNSPEC so that other
 * qdiscs, filters and tcx programs see the packet as if we were not there.
 *
 * Attribution never uses the current task (in softirq it is whoever was
 * interrupted): a packet's owner is its socket's owner, or the owner
 * recorded for its flow, found directly or through conntrack's original
 * tuple when NAT has rewritten it.
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "capture.h"

#define TC_ACT_UNSPEC (-1)
#define PTD_SOCK_STREAM 1
#define PTD_SOCK_DGRAM 2

const volatile __u32 snaplen = 262144;
const volatile __u32 filter_mode = 0;	/* PTD_FILTER_* */

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
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} jmp SEC(".maps");

/* ifindex -> packets that matched but could not be delivered */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} lost_by_iface SEC(".maps");

static __always_inline void stat_inc(__u32 slot)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &slot);

	if (v)
		*v += 1;
}

#include "maps.bpf.h"
#include "flow.bpf.h"
#include "track.bpf.h"

extern struct nf_conn *bpf_skb_ct_lookup(struct __sk_buff *skb,
					 struct bpf_sock_tuple *tuple,
					 __u32 tuple__sz,
					 struct bpf_ct_opts *opts,
					 __u32 opts__sz) __ksym __weak;
extern void bpf_ct_release(struct nf_conn *ct) __ksym __weak;
extern void *bpf_cast_to_kern_ctx(void *obj) __ksym __weak;

/* The network namespace of the device the packet is on. */
static __always_inline __u32 skb_netns(struct __sk_buff *skb)
{
	struct sk_buff *kskb;

	if (!bpf_cast_to_kern_ctx)
		return 0;
	kskb = bpf_cast_to_kern_ctx(skb);
	return BPF_CORE_READ(kskb, dev, nd_net.net, ns.inum);
}

/* The packet's own (src, dst) tuple: 0 unordered for TCP/UDP (NAT may
 * apply), 1 ordered for ICMP echo, -1 without a flow. */
static __always_inline int skb_tuple(struct __sk_buff *skb, __u32 nh,
				     struct ptd_flow_key *k)
{
	__u8 l4[16] = {};

	if (flow_parse(skb, true, nh, skb->protocol, k, l4))
		return -1;
	switch (k->proto) {
	case PTD_IPPROTO_TCP:
	case PTD_IPPROTO_UDP:
		k->port_a = ((__u16)l4[0] << 8) | l4[1];
		k->port_b = ((__u16)l4[2] << 8) | l4[3];
		return 0;
	}
	/* ICMP: no NAT lookup, order at once */
	return flow_ports(k, l4) ? -1 : 1;
}

/*
 * conntrack's original tuple of a NATed IPv4 packet: the packet tuple is
 * either the reply tuple itself (replies before de-NAT) or its inverse
 * (requests after SNAT).
 */
static __always_inline int ct_original(struct __sk_buff *skb,
				       const struct ptd_flow_key *pk,
				       struct ptd_flow_key *out)
{
	struct bpf_ct_opts opts = {};
	struct bpf_sock_tuple t = {};
	struct nf_conn *ct;
	int i;

	if (!bpf_skb_ct_lookup || pk->family != 4)
		return -1;
#pragma unroll
	for (i = 0; i < 2; i++) {
		__builtin_memcpy(&t.ipv4.saddr, i ? pk->b : pk->a, 4);
		__builtin_memcpy(&t.ipv4.daddr, i ? pk->a : pk->b, 4);
		t.ipv4.sport = bpf_htons(i ? pk->port_b : pk->port_a);
		t.ipv4.dport = bpf_htons(i ? pk->port_a : pk->port_b);
		opts.netns_id = -1;
		opts.l4proto = pk->proto;
		opts.error = 0;
		ct = bpf_skb_ct_lookup(skb, &t, sizeof(t.ipv4), &opts,
				       sizeof(opts));
		if (!ct)
			continue;
		__builtin_memset(out, 0, sizeof(*out));
		__builtin_memcpy(out->a,
				 &ct->tuplehash[0].tuple.src.u3.ip, 4);
		__builtin_memcpy(out->b,
				 &ct->tuplehash[0].tuple.dst.u3.ip, 4);
		out->port_a = bpf_ntohs(ct->tuplehash[0].tuple.src.u.all);
		out->port_b = bpf_ntohs(ct->tuplehash[0].tuple.dst.u.all);
		out->proto = pk->proto;
		out->family = 4;
		bpf_ct_release(ct);
		flow_order(out);
		return 0;
	}
	return -1;
}

/* echo_only: only ICMP echo flows (for the kernel's own replies) */
static __always_inline struct ptd_owner *flow_owner(struct __sk_buff *skb,
						    __u32 nh, bool echo_only)
{
	struct ptd_flow_key k, orig;
	struct ptd_flow_val *v;
	int r = skb_tuple(skb, nh, &k);

	if (r < 0 || (echo_only && r != 1))
		return NULL;
	if (r == 0) {
		/*
		 * conntrack first: after NAT the packet's own tuple may be one
		 * that the peer (say a server in another namespace on this
		 * host) recorded as its own; the original tuple is the
		 * connection's.
		 */
		v = NULL;
		if (ct_original(skb, &k, &orig) == 0)
			v = bpf_map_lookup_elem(&flows, &orig);
		if (!v) {
			orig = k;
			flow_order(&orig);
			v = bpf_map_lookup_elem(&flows, &orig);
		}
	} else {
		v = bpf_map_lookup_elem(&flows, &k);
	}
	return v ? &v->owner : NULL;
}

/* Is the skb's socket one of this device's namespace (a local sender or
 * receiver), or one left on the skb by another namespace across a veth? */
static __always_inline bool sk_is_local(struct __sk_buff *skb, __u32 netns)
{
	struct sk_buff *kskb;

	if (!bpf_cast_to_kern_ctx)
		return true;
	kskb = bpf_cast_to_kern_ctx(skb);
	return BPF_CORE_READ(kskb, sk, __sk_common.skc_net.net, ns.inum) == netns;
}

/*
 * The owner of a packet: the local socket's owner when the packet is on
 * that socket's own namespace; otherwise the flow's (the process that
 * started the connection), so that a reply from a peer we also track (a
 * server in another namespace) is still shown with the client.
 */
static __always_inline struct ptd_owner *packet_owner(struct __sk_buff *skb,
						      __u32 nh, __u32 netns)
{
	struct bpf_sock *sk = skb->sk;
	struct ptd_owner *o, *f;
	__u64 cookie;

	if (!sk)
		return flow_owner(skb, nh, false);
	cookie = bpf_get_socket_cookie(skb);
	o = bpf_map_lookup_elem(&sock_owner, &cookie);
	if (o && sk_is_local(skb, netns))
		return o;
	/*
	 * Unknown sockets: opened before we started, a listener's request
	 * socket (SYN-ACK), or the kernel's own control sockets, which are
	 * raw: an echo reply belongs to the ping it answers, but RSTs from
	 * closed ports and ICMP errors have no process.
	 */
	if (!o) {
		sk = bpf_sk_fullsock(sk);
		if (sk && sk->type != PTD_SOCK_STREAM &&
		    sk->type != PTD_SOCK_DGRAM)
			return flow_owner(skb, nh, true);
	}
	f = flow_owner(skb, nh, false);
	return f ? f : o;
}

static __always_inline int capture(struct __sk_buff *skb, __u8 dir, __u32 nh)
{
	struct ptd_pkt_hdr h = {};
	struct ptd_owner *o;
	__u64 caplen = skb->len;
	long err;

	h.netns = skb_netns(skb);
	o = packet_owner(skb, nh, h.netns);
	if (!owner_passes(o)) {
		stat_inc(PTD_STAT_FILTERED);
		return TC_ACT_UNSPEC;
	}
	if (o) {
		h.owner = *o;
		h.attributed = 1;
	}
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
	if (err) {
		__u64 *n, one = 1;
		__u32 ifindex = skb->ifindex;

		stat_inc(PTD_STAT_LOST);
		/* per interface too, for pcapng's interface statistics */
		n = bpf_map_lookup_elem(&lost_by_iface, &ifindex);
		if (n)
			__sync_fetch_and_add(n, 1);
		else
			bpf_map_update_elem(&lost_by_iface, &ifindex, &one,
					    BPF_NOEXIST);
	}
	return TC_ACT_UNSPEC;
}

/* Reached by tail call from the filter program, which says in cb[0]
 * which hook the packet is on. */
SEC("tc")
int ptd_main(struct __sk_buff *skb)
{
	__u32 slot = skb->cb[0];

	return capture(skb, PTD_SLOT_IS_OUT(slot) ? PTD_DIR_OUT : PTD_DIR_IN,
		       PTD_SLOT_IS_L3(slot) ? 0 : 14);
}

char LICENSE[] SEC("license") = "GPL";
