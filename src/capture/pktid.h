/*
 * Packet ids across hops: the same packet seen on several interfaces
 * (container veth -> bridge -> uplink, also across SNAT/MASQUERADE and the
 * de-NAT of replies) gets the same id.
 *
 * A packet's signature is a 64-bit hash of the header fields that
 * forwarding and NAT leave alone:
 *  - IPv4: IP id, protocol, total length, fragment flags/offset
 *    (not addresses, TTL, TOS or checksum);
 *  - IPv6: payload length, flow label, the upper-layer protocol and the
 *    fragment header's id/offset (not addresses or hop limit);
 *  - TCP: seq, ack, flags, window, urgent pointer, data offset and the
 *    options except the MSS value (MSS clamping rewrites it);
 *    not ports or checksum;
 *  - UDP: length and a hash of up to 64 payload bytes; not ports/checksum;
 *  - ICMP/ICMPv6 echo: type, code, sequence and payload hash; not the
 *    identifier, which NAT may remap.  ICMP errors: type, code and the
 *    4-byte rest-of-header only (the quoted packet is NATed too);
 *  - other protocols: up to 32 bytes of the upper-layer header.
 * Non-IP frames (ARP, LLDP, ...) and malformed or truncated IP headers get
 * no signature and id 0.
 *
 * A packet joins an earlier one with the same signature when it was seen
 * within PKTID_WINDOW_NS of that packet's last hop and on a hop (ifindex +
 * direction) that one has not been seen on; the oldest such packet wins.
 * Otherwise (a retransmission later, or the same hop again) it is a new
 * packet.  Memory is a fixed-size set-associative table; the least
 * recently seen entry of a set is replaced.
 *
 * Ids are assigned at delivery (pktid_get), in delivery order, to every
 * packet that has a signature: 1, 2, 3, ... A caller that only shows ids
 * of packets with hops > 1 will therefore see gaps.
 *
 * The caller passes the same ts_ns, ifindex, dir, frame and dlt to
 * pktid_observe() and pktid_get() for one packet (the pair is found again
 * by them).  ifindex only names a hop: with several network namespaces,
 * fold the namespace in (e.g. ifindex ^ (uint32_t)((netns *
 * 0x9e3779b97f4a7c15) >> 32)), or two devices with the same index in
 * different namespaces count as one hop.
 *
 * A hop delivered before the next hop was observed (the next hop came in a
 * later batch) got *hops == 1 at the time; the later hops still get the
 * same id.
 *
 * Matching on a small snapshot length: the UDP/ICMP payload hash covers the
 * bytes captured, so two hops with different link-header sizes (Ethernet
 * vs. raw IP) only match when at least 64 payload bytes (or the whole
 * payload) were captured on both; TCP only needs its header.
 */
#ifndef PTCPDUMP_PKTID_H
#define PTCPDUMP_PKTID_H

#include <stdint.h>

#define PKTID_WINDOW_NS 50000000ull	/* 50 ms between hops of one packet */

struct pktid;

struct pktid *pktid_new(void);
void pktid_free(struct pktid *t);

/* Pre-pass over a batch, in time order, before any packet of it is
 * delivered.  dlt: 1 = Ethernet frame, 12 = raw IP.  Observing the same
 * packet (signature, ifindex, dir, ts_ns) twice has no effect. */
void pktid_observe(struct pktid *t, uint64_t ts_ns, uint32_t ifindex, int dir,
		   const uint8_t *frame, uint32_t caplen, int dlt);

/* At delivery (same packets, same order): the packet's id (0 = no id, e.g.
 * ARP) and in *hops (may be NULL) how many hops have seen it (including
 * look-ahead from the pre-pass; 0 when the id is 0).  A packet that was not
 * observed before is observed now. */
uint64_t pktid_get(struct pktid *t, uint64_t ts_ns, uint32_t ifindex, int dir,
		   const uint8_t *frame, uint32_t caplen, int dlt,
		   unsigned *hops);

/* The signature alone (0 = none); exposed for tests. */
uint64_t pktid_signature(const uint8_t *frame, uint32_t caplen, int dlt);

#endif
