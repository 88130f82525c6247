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
