// SPDX-License-Identifier: GPL-2.0
/*
 * Programs that copy matching packets to user space, with the process
 * that owns them.
 *
 * Incoming packets, and outgoing ones when there is a pcap expression, are
 * taken at tc: the expression runs in a separate program generated at run
 * time (src/filter/), the one attached at tc ingress/egress, and it
 * tail-calls ptd_main through the `jmp` array only for packets that match.
 * Everything returns TC_ACT_UNSPEC so that other qdiscs, filters and tcx
 * programs see the packet as if we were not there.
 *
 * Without an expression, outgoing packets are taken at the net_dev_queue
 * tracepoint instead (ptd_dev_queue_out), whose program runs for every
 * packet anyway to name its sender: that saves the tc hook's own cost and
 * shows the first packet of a new sender with its own owner.
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

/* Devices whose outgoing packets ptd_dev_queue_out takes:
 * netns inode << 32 | ifindex (the value is unused). */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, PTD_MAX_ATTACH);
	__type(key, __u64);
	__type(value, __u8);
} out_ifs SEC(".maps");

/* Bumped by user space after each removal from out_ifs: it makes every
 * CPU's out_last stale. */
volatile __u64 out_gen __attribute__((aligned(64)));

/* This CPU's last device found in out_ifs (key, out_gen then): a
 * flood on one device needs no hash lookup per packet. */
struct out_seen {
	__u64 key;
	__u64 gen;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct out_seen);
} out_last SEC(".maps");

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
extern int bpf_dynptr_from_skb(struct __sk_buff *skb, __u64 flags,
			       struct bpf_dynptr *ptr__uninit) __ksym __weak;

/* The inode of a device's network namespace. */
static __always_inline __u32 dev_netns(struct net_device *dev)
{
	return dev->nd_net.net->ns.inum;
}

/* The network namespace of the device the packet is on (at tc). */
static __always_inline __u32 skb_netns(struct __sk_buff *skb)
{
	struct sk_buff *kskb;

	if (!bpf_cast_to_kern_ctx)
		return 0;
	/* a trusted pointer: plain loads, not bpf_probe_read_kernel() */
	kskb = bpf_cast_to_kern_ctx(skb);
	return dev_netns(kskb->dev);
}

/*
 * Where a packet is seen: at tc (skb is tc's context, the network header
 * at nh) or at the device queue (kskb, the kernel's skb).  tc is a
 * constant at every call, so only one side is compiled in.
 */
struct pkt_at {
	bool tc;
	struct __sk_buff *skb;
	struct sk_buff *kskb;
	__u32 nh;
	__u32 ifindex;		/* the device's */
};

/* At the device queue, each load of a pointer held in a kernel struct
 * (skb->sk, skb->dev) makes the verifier search the kernel's BTF by name
 * for every path it checks through that load.  So they are loaded once,
 * before the paths divide: 48 -> 34 ms of checking at every start. */

/* The packet's own (src, dst) tuple: 0 unordered for TCP/UDP (NAT may
 * apply), 1 ordered for ICMP echo, -1 without a flow. */
static __always_inline int skb_tuple(const struct pkt_at *p,
				     struct ptd_flow_key *k)
{
	struct __sk_buff *skb = p->skb;
	struct sk_buff *kskb = p->kskb;
	__u32 nh = p->nh;
	__u8 l4[16] = {};
	int r;

	if (p->tc)
		r = flow_parse(skb, true, nh, skb->protocol, k, l4);
	else
		r = flow_parse(kskb->head, false, kskb->network_header,
			       kskb->protocol, k, l4);
	if (r)
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

/* An IPv4 conntrack tuple as an ordered flow key. */
static __always_inline void ct_tuple_key(const struct nf_conntrack_tuple *t,
					 __u8 proto, struct ptd_flow_key *out)
{
	__builtin_memset(out, 0, sizeof(*out));
	__builtin_memcpy(out->a, &t->src.u3.ip, 4);
	__builtin_memcpy(out->b, &t->dst.u3.ip, 4);
	out->port_a = bpf_ntohs(t->src.u.all);
	out->port_b = bpf_ntohs(t->dst.u.all);
	out->proto = proto;
	out->family = 4;
	flow_order(out);
}

/*
 * conntrack's original tuple of a NATed IPv4 packet: the packet tuple is
 * either the reply tuple itself (replies before de-NAT) or its inverse
 * (requests after SNAT).
 */
static __always_inline int ct_lookup_original(struct __sk_buff *skb,
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
		ct_tuple_key(&ct->tuplehash[0].tuple, pk->proto, out);
		bpf_ct_release(ct);
		return 0;
	}
	return -1;
}

/* After conntrack (at the device queue), the packet carries its entry. */
static __always_inline int ct_attached_original(struct sk_buff *kskb,
						const struct ptd_flow_key *pk,
						struct ptd_flow_key *out)
{
	struct nf_conntrack_tuple t;
	unsigned long nfct = kskb->_nfct & ~7UL;
	struct nf_conn *ct = (struct nf_conn *)nfct;

	if (!nfct || pk->family != 4 ||
	    bpf_probe_read_kernel(&t, sizeof(t), &ct->tuplehash[0].tuple))
		return -1;
	ct_tuple_key(&t, pk->proto, out);
	return 0;
}

/* echo_only: only ICMP echo flows (for the kernel's own replies) */
static __always_inline struct ptd_owner *flow_owner(const struct pkt_at *p,
						    bool echo_only)
{
	struct ptd_flow_key k, orig;
	struct ptd_flow_val *v;
	int r = skb_tuple(p, &k);

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
		if ((p->tc ? ct_lookup_original(p->skb, &k, &orig)
			   : ct_attached_original(p->kskb, &k, &orig)) == 0)
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

/* What deciding a packet's owner needs from its socket. */
struct sk_facts {
	struct ptd_owner *o;	/* the socket's owner, if known */
	bool local;		/* the socket is of the device's namespace */
	bool other_type;	/* a full socket neither stream nor datagram */
};

/* A socket's namespace is the device's: a local sender or receiver, not
 * one left on the skb by another namespace across a veth. */
static __always_inline bool sk_in_netns(struct sock *sk, __u32 netns)
{
	return sk && sk->__sk_common.skc_net.net->ns.inum == netns;
}

/* At tc: false when the packet has no socket. */
static __always_inline bool tc_sk_facts(struct __sk_buff *skb, __u32 netns,
					struct sk_facts *f)
{
	struct bpf_sock *sk = skb->sk;
	struct ptd_sk *st;

	if (!sk)
		return false;
	st = bpf_sk_storage_get(&sk_own, sk, 0, 0);
	f->o = st && st->owner.pid ? &st->owner : NULL;
	/* packet_owner() looks at local only with an owner */
	f->local = f->o && (!bpf_cast_to_kern_ctx ||
			    sk_in_netns(((struct sk_buff *)
					 bpf_cast_to_kern_ctx(skb))->sk, netns));
	f->other_type = false;
	if (!f->o) {
		sk = bpf_sk_fullsock(sk);
		f->other_type = sk && sk->type != PTD_SOCK_STREAM &&
				sk->type != PTD_SOCK_DGRAM;
	}
	return true;
}

#define PTD_TCP_TIME_WAIT 6
#define PTD_TCP_NEW_SYN_RECV 12

/* At the device queue, with the socket's storage already looked up. */
static __always_inline bool queue_sk_facts(struct sock *sk, struct ptd_sk *st,
					   __u32 netns, struct sk_facts *f)
{
	__u8 state;

	if (!sk)
		return false;
	f->o = st && st->owner.pid ? &st->owner : NULL;
	f->local = sk_in_netns(sk, netns);
	f->other_type = false;
	state = sk->__sk_common.skc_state;
	if (!f->o && state != PTD_TCP_TIME_WAIT && state != PTD_TCP_NEW_SYN_RECV)
		f->other_type = sk->sk_type != PTD_SOCK_STREAM &&
				sk->sk_type != PTD_SOCK_DGRAM;
	return true;
}

/*
 * The owner of a packet: the local socket's owner when the packet is on
 * that socket's own namespace; otherwise the flow's (the process that
 * started the connection), so that a reply from a peer we also track (a
 * server in another namespace) is still shown with the client.
 * f is NULL when the packet has no socket.
 */
static __always_inline struct ptd_owner *packet_owner(const struct pkt_at *p,
						      const struct sk_facts *f)
{
	struct ptd_owner *fo;

	if (!f)
		return flow_owner(p, false);
	if (f->o && f->local)
		return f->o;
	/*
	 * Unknown sockets: opened before we started, a listener's request
	 * socket (SYN-ACK), or the kernel's own control sockets, which are
	 * raw: an echo reply belongs to the ping it answers, but RSTs from
	 * closed ports and ICMP errors have no process.
	 */
	if (!f->o && f->other_type)
		return flow_owner(p, true);
	fo = flow_owner(p, false);
	return fo ? fo : f->o;
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
 * packet is reserved (user space reads caplen from the header).  At the
 * device queue a linear skb is read directly; one with paged data (GSO)
 * through an skb dynptr (dp, NULL for a linear skb), which reads it as
 * bpf_skb_load_bytes() does at tc.
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
		if (p->tc ? bpf_skb_load_bytes(p->skb, 0, r->d, n)	\
			  : !dp ? bpf_probe_read_kernel(r->d, n,	\
						p->kskb->data)		\
			  : bpf_dynptr_read(r->d, n, dp, 0, 0)) {	\
			bpf_ringbuf_discard(r, BPF_RB_NO_WAKEUP);	\
			return -1;					\
		}							\
		bpf_ringbuf_submit(r, wake_flags(nth));			\
		return 0;						\
	}

static __always_inline int emit(const struct pkt_at *p, struct bpf_dynptr *dp,
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

/* Counts a packet that could not be delivered, per interface too (for
 * pcapng's interface statistics). */
static __always_inline void count_lost(__u32 ifindex)
{
	__u64 *n, one = 1;

	stat_inc(PTD_STAT_LOST);
	n = bpf_map_lookup_elem(&lost_by_iface, &ifindex);
	if (n)
		__sync_fetch_and_add(n, 1);
	else
		bpf_map_update_elem(&lost_by_iface, &ifindex, &one, BPF_NOEXIST);
}

/* The 802.1Q tag the kernel took out of an Ethernet frame, or never put
 * in (VLAN offload), as TPID << 16 | TCI; 0 when there is none.  User
 * space puts it back after the addresses, as libpcap does. */
static __always_inline __u32 pkt_vlan(const struct pkt_at *p)
{
	struct sk_buff *k = p->kskb;

	if (p->tc)
		return p->nh && p->skb->vlan_present ?
			       (__u32)bpf_ntohs((__u16)p->skb->vlan_proto) << 16 |
				       (p->skb->vlan_tci & 0xffff) : 0;
	if (!bpf_core_field_exists(k->vlan_all) || !k->vlan_all)
		return 0;
	return (__u32)bpf_ntohs(k->vlan_proto) << 16 | k->vlan_tci;
}

static __always_inline void capture(const struct pkt_at *p,
				    const struct ptd_owner *o, __u8 dir,
				    __u32 netns)
{
	struct ptd_pkt_hdr h = {};
	struct bpf_dynptr dp, *paged = NULL;
	__u32 len = p->tc ? p->skb->len : p->kskb->len;
	__u32 caplen = len;

	if (!owner_passes(o)) {
		stat_inc(PTD_STAT_FILTERED);
		return;
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
	h.ifindex = p->ifindex;
	h.len = len;
	h.caplen = caplen;
	h.protocol = p->tc ? p->skb->protocol : p->kskb->protocol;
	h.dir = dir;
	h.netns = netns;
	h.vlan = pkt_vlan(p);
	if (!p->tc && p->kskb->data_len) {
		if (bpf_dynptr_from_skb((struct __sk_buff *)p->kskb, 0, &dp)) {
			count_lost(h.ifindex);
			return;
		}
		paged = &dp;
	}
	if (emit(p, paged, &h, caplen, stat_inc(PTD_STAT_MATCHED)))
		count_lost(h.ifindex);
}

/* Reached by tail call from the filter program, which says in cb[0]
 * which hook the packet is on. */
SEC("tc")
int ptd_main(struct __sk_buff *skb)
{
	__u32 slot = skb->cb[0];
	struct pkt_at p = {
		.tc = true,
		.skb = skb,
		.ifindex = skb->ifindex,
		.nh = PTD_SLOT_IS_L3(slot) ? 0 : 14,
	};
	struct sk_facts f;
	__u32 netns = skb_netns(skb);

	capture(&p, packet_owner(&p, tc_sk_facts(skb, netns, &f) ? &f : NULL),
		PTD_SLOT_IS_OUT(slot) ? PTD_DIR_OUT : PTD_DIR_IN, netns);
	return TC_ACT_UNSPEC;
}

/* Is the device (netns << 32 | ifindex) one whose outgoing packets we
 * take?  The hash lookup cost about 30 ns per packet; the CPU's last
 * answer is reused while no device has been removed since. */
static __always_inline bool out_captured(__u64 key)
{
	__u32 zero = 0;
	struct out_seen *c = bpf_map_lookup_elem(&out_last, &zero);
	__u64 gen = out_gen;

	if (c && c->key == key && c->gen == gen)
		return true;
	if (!bpf_map_lookup_elem(&out_ifs, &key))
		return false;
	if (c) {
		c->key = key;
		c->gen = gen;
	}
	return true;
}

/*
 * Without a pcap expression: the sender is named (ptd_dev_queue's work),
 * then the packet is taken if its device is one we capture on.
 */
SEC("tp_btf/net_dev_queue")
int BPF_PROG(ptd_dev_queue_out, struct sk_buff *skb)
{
	struct sock *sk = skb->sk;
	struct ptd_sk *st = dev_queue_track(ctx, skb, sk);
	struct net_device *dev = skb->dev;
	struct pkt_at p = { .tc = false, .kskb = skb, .ifindex = dev->ifindex };
	struct sk_facts f;
	__u32 netns;
	__u64 key;

	netns = dev_netns(dev);
	key = (__u64)netns << 32 | p.ifindex;
	if (!out_captured(key))
		return 0;
	stat_inc(PTD_STAT_SEEN);
	capture(&p, packet_owner(&p, queue_sk_facts(sk, st, netns, &f) ?
					&f : NULL),
		PTD_DIR_OUT, netns);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
