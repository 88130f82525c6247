#!/usr/bin/env python3
"""MPLS label stacks (RFC 3032) as a provider edge or an MPLS-in-UDP tunnel
(RFC 7510, port 6635) carries them: one to many labels, the reserved labels
(explicit/implicit NULL, router alert, entropy/GAL/OAM alert and the other
reserved values), IPv4 and IPv6 payloads found by label or by the first
payload nibble, payloads that are neither (pseudowire control word, junk),
multicast MPLS, a VLAN tag before the stack, MPLS in Geneve, and broken
stacks: bottom of stack never set, stacks that stop mid entry, empty stacks.
Hand-built, sent on the veth with AF_PACKET.
Usage: crafted_mpls.py IFACE PEER_MAC"""
import struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
# documentation ranges for the customer traffic inside the tunnels
C1, C2 = '192.0.2.10', '198.51.100.20'
C61, C62 = '2001:db8:77::a', '2001:db8:77::b'


def lse(label, tc=0, s=0, ttl=64):
    """One label stack entry."""
    return struct.pack('!I', (label & 0xfffff) << 12 | (tc & 7) << 9 | (s & 1) << 8 | (ttl & 0xff))


def stack(*labels, ttl=64, tc=0, bos=True):
    """A stack of labels, S set on the last one unless bos is False."""
    out = b''
    for i, l in enumerate(labels):
        out += lse(l, tc, 1 if bos and i == len(labels) - 1 else 0, ttl - i)
    return out


def ping4(src=C1, dst=C2, seq=1, ttl=63):
    return ip4(src, dst, 1, icmp4(8, 0, struct.pack('!HH', 0x4d50, seq) + bytes(range(32))), ttl=ttl, ident=0x4000 + seq)


def udp4(src=C1, dst=C2, sport=40000, dport=5001, data=b'mpls-udp-payload', ttl=63):
    return ip4(src, dst, 17, udp(src, dst, sport, dport, data), ttl=ttl, ident=0x5150)


def tcp4(src=C1, dst=C2):
    return ip4(src, dst, 6, tcp(src, dst, 40100, 179, 1000, 0, 0x002,
                                opts=bytes([2, 4, 5, 0xb4])), ttl=63, ident=0x6001)


def ping6(src=C61, dst=C62, seq=1):
    return ip6(src, dst, 58, icmp6(src, dst, 128, 0, struct.pack('!HH', 0x6d70, seq) + b'mpls-v6-echo'), hlim=63)


def udp6(src=C61, dst=C62, sport=40001, dport=5001, data=b'v6-over-mpls'):
    return ip6(src, dst, 17, udp(src, dst, sport, dport, data, v6=True), hlim=63)


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []
    M = lambda p, et=0x8847: fr.append(eth(peermac, me, et, p))

    # --- one label with IPv4 found by the first nibble; ICMP, UDP, TCP
    M(stack(16) + ping4())
    M(stack(299792, tc=5) + udp4())
    M(stack(1048575, ttl=255) + tcp4())
    # --- two, three and a deep stack (service label, transport, entropy)
    M(stack(24001, 16005) + ping4(seq=2))
    M(stack(100, 7, 4242, tc=3) + udp4(dport=123, data=b'\x23' + bytes(47)))
    M(stack(*range(1000, 1010)) + ping4(seq=3))
    # --- IPv6 by the first nibble
    M(stack(17) + ping6())
    M(stack(30001, 30002) + udp6())
    # --- explicit NULL labels say what follows
    M(stack(0) + ping4(seq=4))
    M(stack(2) + ping6(seq=2))
    M(stack(3) + udp4())
    # NULL labels that disagree with what follows
    M(stack(0) + ping6(seq=3))
    M(stack(2) + ping4(seq=5))
    M(stack(3) + b'\x00\x01\x02\x03 not ip')
    # --- router alert above explicit NULL, and every reserved value
    M(stack(1, 0) + ping4(seq=6))
    M(stack(1, 2) + ping6(seq=4))
    M(stack(7, 16) + ping4(seq=7))          # entropy label indicator
    M(stack(16, 7, 99) + ping4(seq=8))      # ELI, entropy label 99
    M(stack(13) + b'\x10\x00\x00\x21' + b'G-ACh payload')      # GAL + ACH
    M(stack(14, 15) + b'\x00\x00\x00\x00OAM alert')
    M(stack(4, 5, 6, 8, 9, 10, 11, 12) + ping4(seq=9))
    M(stack(15) + udp6())
    # --- payloads that are neither IP (pseudowire control word, an
    #     Ethernet frame behind it, junk, IHL too small, version 4 IHL 15)
    inner = eth('02:00:00:00:00:21', '02:00:00:00:00:22', 0x0800, ping4(seq=10))
    M(stack(16, 524288) + b'\x00\x00\x00\x01' + inner)
    M(stack(800) + inner)
    M(stack(801) + b'\x44' + bytes(30))
    M(stack(802) + b'\x4f' + bytes(3))
    M(stack(803) + b'\x70\x00\x00\x00')
    M(stack(804) + b'\xff' * 70)
    # --- the bottom of the stack right at the end, nothing after it
    M(stack(16))
    M(stack(0))
    M(stack(2))
    # --- IPv4 cut short after explicit NULL / by nibble
    M(stack(0) + ping4(seq=11)[:12])
    M(stack(18) + b'\x45\x00')
    M(stack(19) + ping6(seq=5)[:20])
    # --- the bottom of stack never set: runs out of entries
    M(stack(16, 17, bos=False))
    M(stack(16, 17, 18, bos=False) + b'\x01\x02')
    M(stack(20, bos=False) + b'\x00')
    # --- empty and part of an entry
    M(b'')
    M(b'\x00\x01')
    M(lse(21, s=1)[:3])
    # --- multicast MPLS
    M(stack(40, 41) + ping4(seq=12), 0x8848)
    M(stack(2) + udp6(), 0x8848)
    # --- 802.1Q tag before the stack
    fr.append(eth(peermac, me, 0x8100, struct.pack('!HH', 0x2064, 0x8847) + stack(50) + ping4(seq=13)))
    # --- MPLS in UDP (RFC 7510) both directions and both families
    fr.append(eth(peermac, me, 0x0800, ip4(A, B, 17, udp(A, B, 50152, 6635, stack(21) + ping4(seq=14)))))
    fr.append(eth(peermac, me, 0x0800, ip4(A, B, 17, udp(A, B, 6635, 50153, stack(46, 1001) + udp4()))))
    fr.append(eth(peermac, me, 0x86dd, ip6(A6, B6, 17, udp(A6, B6, 50154, 6635, stack(2) + ping6(seq=6), v6=True))))
    fr.append(eth(peermac, me, 0x0800, ip4(A, B, 17, udp(A, B, 50155, 6635, stack(22, bos=False)))))
    fr.append(eth(peermac, me, 0x0800, ip4(A, B, 17, udp(A, B, 50156, 6635, b'\x00\x01'))))
    fr.append(eth(peermac, me, 0x0800, ip4(A, B, 17, udp(A, B, 50157, 6635, stack(23) + b'\x00junk'))))
    # --- MPLS in Geneve (protocol type 0x8847)
    gen = struct.pack('!BBHI', 0, 0, 0x8847, 0x00abcd00) + stack(60) + ping4(seq=15)
    fr.append(eth(peermac, me, 0x0800, ip4(A, B, 17, udp(A, B, 50158, 6081, gen))))
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
