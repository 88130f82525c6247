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
/* Wake the reader once this much is waiting; 0: whenever it has caught
 * up (-l, -U: every packet at once). */
const volatile __u64 wake_bytes = 0;
/* Set by the reader when it has read everything and may sleep; the first
 * record that finds wake_bytes waiting clears it and wakes the reader.
 * Without it, every record past wake_bytes would force a wake-up (a
 * self-IPI on the sending CPU) until the reader caught up. */
volatile __u32 ring_armed __attribute__((aligned(64)));

/* Packets for user space: one ring for all CPUs, sized by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4 << 20);
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

/* Counts one in a slot; returns this CPU's new count (0 if none). */
static __always_inline __u64 stat_inc(__u32 slot)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &slot);

	if (!v)
		return 0;
	*v += 1;
	return *v;
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
	/* a trusted pointer: plain loads, not bpf_probe_read_kernel() */
	kskb = bpf_cast_to_kern_ctx(skb);
	return kskb->dev->nd_net.net->ns.inum;
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
	struct sock *sk;

	if (!bpf_cast_to_kern_ctx)
		return true;
	kskb = bpf_cast_to_kern_ctx(skb);
	sk = kskb->sk;
	return sk && sk->__sk_common.skc_net.net->ns.inum == netns;
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
	struct ptd_owner *o = NULL, *f;
	struct ptd_sk *st;

	if (!sk)
		return flow_owner(skb, nh, false);
	st = bpf_sk_storage_get(&sk_own, sk, 0, 0);
	if (st && st->owner.pid)
		o = &st->owner;
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

/* The wake-up to ask for with the nth record of this CPU.  Looking at
 * the ring costs a read of the line the reader writes, so it is looked at
 * every 16th record only: a wake-up comes at most 15 records late. */
static __always_inline __u64 wake_flags(__u64 nth)
{
	__u64 avail;

	if (!wake_bytes)
		return 0;
	if (nth & 15)
		return BPF_RB_NO_WAKEUP;
	avail = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA);
	if (avail < wake_bytes)
		return BPF_RB_NO_WAKEUP;
	if (ring_armed) {
		ring_armed = 0;
		return BPF_RB_FORCE_WAKEUP;
	}
	/* half full (wake_bytes is 1/16): the reader is behind; whatever
	 * it is doing, it finds itself woken when it looks again */
	return avail >= 8 * wake_bytes ? BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
}

/*
 * The header and caplen bytes of the packet into the ring, in one copy: a
 * reservation has a constant size, so the smallest class that holds the
 * packet is reserved (user space reads caplen from the header).
 */
#define PTD_EMIT(N)							\
	if (caplen <= (N)) {						\
		struct { struct ptd_pkt_hdr h; __u8 d[N]; } *r;		\
		r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);	\
		if (!r)							\
			return -1;					\
		r->h = *h;						\
		/* two checks the compiler cannot merge into one on a	\
		 * copy: the verifier must see [1, N] on n itself */	\
		n = caplen;						\
		barrier_var(n);						\
		if (n > (N))						\
			n = (N);					\
		barrier_var(n);						\
		if (n < 1)						\
			n = 1;						\
		barrier_var(n);						\
		if (bpf_skb_load_bytes(skb, 0, r->d, n)) {		\
			bpf_ringbuf_discard(r, BPF_RB_NO_WAKEUP);	\
			return -1;					\
		}							\
		bpf_ringbuf_submit(r, wake_flags(nth));			\
		return 0;						\
	}

static __always_inline int emit(struct __sk_buff *skb,
				const struct ptd_pkt_hdr *h, __u64 caplen,
				__u64 nth)
{
	__u64 n;

	PTD_EMIT(64)
	PTD_EMIT(128)
	PTD_EMIT(256)
	PTD_EMIT(512)
	PTD_EMIT(1024)
	PTD_EMIT(1536)
	PTD_EMIT(2048)
	PTD_EMIT(4096)
	PTD_EMIT(9216)
	PTD_EMIT(16384)
	PTD_EMIT(32768)
	PTD_EMIT(65536)
	PTD_EMIT(131072)
	PTD_EMIT(PTD_MAX_CAPLEN)
	return -1;
}

static __always_inline int capture(struct __sk_buff *skb, __u8 dir, __u32 nh)
{
	struct ptd_pkt_hdr h = {};
	struct ptd_owner *o;
	__u32 caplen = skb->len;

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

	if (emit(skb, &h, caplen, stat_inc(PTD_STAT_MATCHED))) {
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
