/* Flow keys: the same key for both directions of a connection. */
#ifndef PTCPDUMP_FLOW_BPF_H
#define PTCPDUMP_FLOW_BPF_H

#define PTD_IPPROTO_ICMP 1
#define PTD_IPPROTO_TCP 6
#define PTD_IPPROTO_UDP 17
#define PTD_IPPROTO_ICMPV6 58

static __always_inline int addr_cmp(const __u8 *x, const __u8 *y)
{
	int i;

#pragma unroll
	for (i = 0; i < 16; i++) {
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	}
	return 0;
}

/* Puts the smaller (address, port) end first. */
static __always_inline void flow_order(struct ptd_flow_key *k)
{
	int c = addr_cmp(k->a, k->b);
	__u8 t;
	__u16 p;
	int i;

	if (c < 0 || (c == 0 && k->port_a <= k->port_b))
		return;
#pragma unroll
	for (i = 0; i < 16; i++) {
		t = k->a[i];
		k->a[i] = k->b[i];
		k->b[i] = t;
	}
	p = k->port_a;
	k->port_a = k->port_b;
	k->port_b = p;
}

/* ICMP echo request/reply share their id; other ICMP has no flow. */
static __always_inline int icmp_echo_id(__u8 proto, __u8 type, __u16 id_be,
					 __u16 *id)
{
	if ((proto == PTD_IPPROTO_ICMP && (type == 8 || type == 0)) ||
	    (proto == PTD_IPPROTO_ICMPV6 && (type == 128 || type == 129))) {
		*id = bpf_ntohs(id_be);
		return 0;
	}
	return -1;
}

/*
 * Reads len bytes at off of a packet: through the tc context (is_skb) or,
 * in tracing programs, from kernel memory at base + off.  is_skb is a
 * constant at every call, so only one branch is compiled in.
 */
static __always_inline long pkt_read(void *ctx, bool is_skb, __u32 off,
				     void *dst, __u32 len)
{
	if (is_skb)
		return bpf_skb_load_bytes(ctx, off, dst, len);
	return bpf_probe_read_kernel(dst, len, (const char *)ctx + off);
}

/*
 * Addresses and protocol from the IPv4/IPv6 header at nh, then the first
 * 16 bytes of the L4 header into l4.  proto_be is skb->protocol.  The key
 * is left unordered (source first); -1 for other packets and later
 * fragments.
 */
static __always_inline int flow_parse(void *ctx, bool is_skb, __u32 nh,
				      __u16 proto_be, struct ptd_flow_key *k,
				      __u8 *l4)
{
	__u32 thoff;

	__builtin_memset(k, 0, sizeof(*k));
	if (proto_be == bpf_htons(0x0800)) {
		struct iphdr ip;

		if (pkt_read(ctx, is_skb, nh, &ip, sizeof(ip)))
			return -1;
		if (ip.frag_off & bpf_htons(0x1fff))
			return -1;
		__builtin_memcpy(k->a, &ip.saddr, 4);
		__builtin_memcpy(k->b, &ip.daddr, 4);
		k->proto = ip.protocol;
		k->family = 4;
		thoff = nh + ip.ihl * 4;
	} else if (proto_be == bpf_htons(0x86dd)) {
		struct ipv6hdr ip6;

		if (pkt_read(ctx, is_skb, nh, &ip6, sizeof(ip6)))
			return -1;
		__builtin_memcpy(k->a, &ip6.saddr, 16);
		__builtin_memcpy(k->b, &ip6.daddr, 16);
		k->proto = ip6.nexthdr;
		k->family = 6;
		thoff = nh + sizeof(ip6);
	} else {
		return -1;
	}
	/* 8 bytes are enough for ports and ICMP; 16 give the TCP flags */
	if (pkt_read(ctx, is_skb, thoff, l4, 16) &&
	    pkt_read(ctx, is_skb, thoff, l4, 8))
		return -1;
	return 0;
}

/* Ports (or the ICMP echo id) from the first 8 bytes of the L4 header,
 * then the canonical order.  Returns -1 for packets without a flow. */
static __always_inline int flow_ports(struct ptd_flow_key *k, const __u8 *l4)
{
	__u16 id;

	switch (k->proto) {
	case PTD_IPPROTO_TCP:
	case PTD_IPPROTO_UDP:
		k->port_a = ((__u16)l4[0] << 8) | l4[1];
		k->port_b = ((__u16)l4[2] << 8) | l4[3];
		break;
	case PTD_IPPROTO_ICMP:
	case PTD_IPPROTO_ICMPV6:
		if (icmp_echo_id(k->proto, l4[0], *(__u16 *)&l4[4], &id))
			return -1;
		k->port_a = k->port_b = id;
		break;
	default:
		return -1;
	}
	flow_order(k);
	return 0;
}

#endif
