#!/usr/bin/env python3
"""Multicast routing as PIM-SM/PIM-DM/BIDIR-PIM routers (FRR pimd, Cisco,
Juniper) and DVMRP routers (mrouted, mrinfo) send it: PIMv2 over IPv4 and
IPv6 (Hello with every option, Register carrying IPv4, IPv6 and null
headers, Register-Stop, Join/Prune, Bootstrap, Assert, Graft, Graft-Ack,
Candidate-RP advertisements, State Refresh, DF election, the RFC 2117
encoding, right, wrong and zero checksums, unknown types, bad option
lengths and cut messages), PIMv1 inside IGMP and DVMRP inside IGMP
(probes, route reports, neighbour lists, prunes, grafts).  Hand-built,
sent on the veth with AF_PACKET.
Usage: crafted_pim.py IFACE PEER_MAC"""
import socket, struct, sys
from pktgen import *

A, B, C = '10.77.0.1', '10.77.0.2', '10.77.0.3'
A6, B6, LL = '2001:db8:77::1', '2001:db8:77::2', 'fe80::77:1'
ALLPIM, ALLPIM6 = '224.0.0.13', 'ff02::d'
G1, G2, G3 = '233.252.0.1', '233.252.0.77', '233.252.0.0'
G6 = 'ff3e::db8:1'
S1, S2 = '192.0.2.10', '198.51.100.20'


def a4(s):
    return socket.inet_aton(s)


def a6(s):
    return socket.inet_pton(socket.AF_INET6, s)


def eu(addr, af=None, enc=0):
    """Encoded-Unicast address."""
    v6 = ':' in addr
    if af is None:
        af = 2 if v6 else 1
    return struct.pack('!BB', af, enc) + (a6(addr) if v6 else a4(addr))


def eg(addr, mlen=None, flags=0, af=None):
    """Encoded-Group (flags: B/Z bits) or Encoded-Source (flags: S/W/R)."""
    v6 = ':' in addr
    if mlen is None:
        mlen = 128 if v6 else 32
    if af is None:
        af = 2 if v6 else 1
    return struct.pack('!BBBB', af, 0, flags, mlen) + (a6(addr) if v6 else a4(addr))


def pim(typ, body, ver=2, rsv=0, ck=None, src=None, dst=None, cklen=None):
    """A PIM message; the checksum covers cklen bytes (all by default),
    with the IPv6 pseudo-header when src is an IPv6 address."""
    m = struct.pack('!BBH', (ver << 4) | typ, rsv, 0) + body
    if ck is None:
        n = len(m) if cklen is None else cklen
        ps = pseudo6(src, dst, 103, n) if src and ':' in src else b''
        ck = csum(ps + m[:n])
    return m[:2] + struct.pack('!H', ck) + m[4:]


def opt(t, v):
    return struct.pack('!HH', t, len(v)) + v


def igmp(typ, code, rest, body=b''):
    m = struct.pack('!BBH', typ, code, 0) + rest + body
    return m[:2] + struct.pack('!H', csum(m)) + m[4:]


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def p4(msg, dst=ALLPIM, src=A, ttl=1):
        d = '01:00:5e:00:00:0d' if dst == ALLPIM else peermac
        fr.append(eth(d, me, 0x0800, ip4(src, dst, 103, msg, ttl=ttl, tos=0xc0, df=False)))

    def p6(msg, dst=ALLPIM6, src=LL):
        d = '33:33:00:00:00:0d' if dst == ALLPIM6 else peermac
        fr.append(eth(d, me, 0x86dd, ip6(src, dst, 103, msg, hlim=1)))

    def v4(typ, body, dst=ALLPIM, **kw):
        p4(pim(typ, body, **kw), dst=dst)

    def v6(typ, body, dst=ALLPIM6, src=LL, **kw):
        p6(pim(typ, body, src=src, dst=dst, **kw), dst=dst, src=src)

    def ig(msg, dst='224.0.0.4', src=A):
        fr.append(eth(peermac, me, 0x0800, ip4(src, dst, 2, msg, ttl=1, tos=0xc0, df=False)))

    # ------------------------------------------------------------ Hello
    hold = opt(1, struct.pack('!H', 105))
    genid = opt(20, struct.pack('!I', 0x3f0ef4cd))
    drp = opt(19, struct.pack('!I', 1))
    refresh = opt(21, struct.pack('!BBH', 1, 60, 0))
    v4(0, hold + genid + drp + refresh)                       # FRR / Cisco
    v4(0, hold + opt(2, struct.pack('!HH', 0x8000 | 500, 2500)) + drp + genid
       + opt(22, b'') + opt(24, eu(C) + eu(S1)))
    v4(0, opt(1, struct.pack('!H', 0xffff)) + opt(2, struct.pack('!HH', 250, 0))
       + opt(18, struct.pack('!I', 0xffffffff)) + opt(18, b'') + opt(19, b'')
       + opt(65001, eu(S2)) + opt(21, struct.pack('!BBH', 1, 0, 0x1234))
       + opt(65004, b'\x01\x02\x03\x04\x05\x06') + opt(31, b''))
    v4(0, opt(1, struct.pack('!H', 0)) + opt(20, struct.pack('!I', 0)))
    v4(0, hold + opt(40, b'\xab\xcd\xef'))                    # odd length
    v4(0, b'')                                                 # no options
    # bad option lengths: each stops the Hello
    v4(0, hold + opt(1, b'\x00\x69\x00'))
    v4(0, opt(2, b'\x00\x01'))
    v4(0, opt(19, b'\x00\x00\x00\x01\x00\x00'))
    v4(0, opt(18, b'\x00\x01'))
    v4(0, opt(20, b'\x01\x02\x03'))
    v4(0, opt(21, b'\x01\x3c'))
    # option longer than the message; a 2-byte tail; unknown address family
    v4(0, hold + struct.pack('!HH', 20, 8) + b'\x00\x00')
    v4(0, hold + b'\x00\x01')
    v4(0, hold + opt(24, eu(C) + struct.pack('!BB', 9, 0) + a4(S1)))
    v4(0, opt(24, eu(C, enc=1)))
    v4(0, opt(24, eu(C)[:5]))
    # zero and wrong checksums
    v4(0, hold + genid, ck=0)
    v4(0, hold + genid, ck=0xbeef)
    # IPv6 Hello with a global address list
    v6(0, hold + opt(2, struct.pack('!HH', 500, 2500)) + drp + genid
       + opt(24, eu(A6) + eu('2001:db8:77::10')))
    v6(0, hold + genid, ck=0x1234)
    # behind a hop-by-hop header (router alert): the checksum is still right
    m = pim(0, hold + drp, src=LL, dst=ALLPIM6)
    fr.append(eth('33:33:00:00:00:0d', me, 0x86dd,
                  ip6(LL, ALLPIM6, 0, struct.pack('!BBBBHBB', 103, 0, 5, 2, 0, 1, 0) + m, hlim=1)))

    # ------------------------------------------------------------ Register
    inner4 = ip4(S1, G1, 17, udp(S1, G1, 5004, 5004, b'rtp-multicast-data'), ttl=31, df=False)
    inner6 = ip6('2001:db8:77::20', G6, 17,
                 udp('2001:db8:77::20', G6, 5004, 5004, b'rtp6', v6=True), hlim=31)
    null4 = struct.pack('!BBHHHBBH4s4s', 0, 0, 20, 0, 0, 0, 0, 0, a4(S2), a4(G2))
    v4(1, struct.pack('!I', 0) + inner4, dst=B, cklen=8)
    v4(1, struct.pack('!I', 0) + inner4, dst=B)               # whole message summed
    v4(1, struct.pack('!I', 0x80000000) + inner4, dst=B, cklen=8)
    v4(1, struct.pack('!I', 0x40000000) + null4, dst=B, cklen=8)
    v4(1, struct.pack('!I', 0xc0000000) + inner6, dst=B, cklen=8)
    v4(1, struct.pack('!I', 0x00000001) + b'\x50' + bytes(19), dst=B, cklen=8)
    v4(1, struct.pack('!I', 0) + inner4, dst=B, ck=0x1111)
    v4(1, struct.pack('!I', 0), dst=B)                        # nothing inside
    v4(1, b'\x00\x00', dst=B)
    v6(1, struct.pack('!I', 0) + inner6, src=A6, dst=B6, cklen=8)
    v6(1, struct.pack('!I', 0x40000000) + inner4, src=A6, dst=B6)

    # ------------------------------------------------------------ Register-Stop
    v4(2, eg(G1) + eu(S1), dst=C)
    v4(2, eg(G3, 24, flags=0x80) + eu(S2), dst=C)
    v4(2, eg(G1), dst=C)                                      # source missing
    v6(2, eg(G6, 64) + eu('2001:db8:77::20'), src=A6, dst=B6)

    # ------------------------------------------------------------ Join/Prune
    jp = (eu(B) + struct.pack('!BBH', 0, 2, 210)
          + eg(G1) + struct.pack('!HH', 2, 1)
          + eg(S1, flags=0x04) + eg('10.77.0.50', flags=0x01) + eg(S2, 24, flags=0x07)
          + eg('233.252.0.128', 25) + struct.pack('!HH', 1, 0)
          + eg('10.77.0.9', flags=0x06))
    v4(3, jp)
    v4(3, eu(B) + struct.pack('!BBH', 0, 1, 0xffff) + eg(G2, flags=0x01)
       + struct.pack('!HH', 0, 1) + eg(S1, flags=0xfc))
    v4(3, eu(B) + struct.pack('!BBH', 0, 0, 0))
    v4(3, eu(B) + struct.pack('!BBH', 0, 3, 60) + eg(G1) + struct.pack('!HH', 1, 0))
    v4(3, eu(B, af=7))                                        # unknown family
    v4(3, eu(B) + struct.pack('!BB', 0, 1))
    v6(3, eu('fe80::77:2') + struct.pack('!BBH', 0, 1, 210) + eg(G6)
       + struct.pack('!HH', 1, 1) + eg('2001:db8:77::20', flags=0x04)
       + eg('2001:db8:77::21', 64, flags=0x07))
    # RFC 2117 encoding: bare 4-byte addresses, and an impossible length
    v4(3, a4(B) + struct.pack('!BBH', 0, 1, 210) + b'\x00\x18' + a4(G3)
       + struct.pack('!HH', 1, 0) + b'\x04\x20' + a4(S1), rsv=4)
    v4(3, a4(B) + bytes(6), rsv=6)

    # ------------------------------------------------------------ Graft, Graft-Ack
    gr = (eu(B) + struct.pack('!BBH', 0, 1, 0) + eg(G1)
          + struct.pack('!HH', 1, 0) + eg(S1))
    v4(6, gr, dst=B)
    v4(7, gr, dst=A)
    v4(7, struct.pack('!BBH', 0, 1, 0) + eg(G2) + struct.pack('!HH', 0, 0), dst=A)

    # ------------------------------------------------------------ Bootstrap
    bsr = (struct.pack('!HBB', 0x1a2b, 30, 192) + eu(C)
           + eg('233.252.0.0', 24) + struct.pack('!BBH', 2, 2, 0)
           + eu(A) + struct.pack('!HBB', 150, 192, 0)
           + eu(B) + struct.pack('!HBB', 0, 10, 0)
           + eg('224.0.0.0', 4, flags=0x01) + struct.pack('!BBH', 1, 1, 0)
           + eu(S1) + struct.pack('!HBB', 65535, 0, 0))
    v4(4, bsr)
    v4(4, struct.pack('!HBB', 7, 126, 1) + eu(A6) + eg(G6, 16)
       + struct.pack('!BBH', 1, 1, 0) + eu(B6) + struct.pack('!HBB', 150, 1, 0))
    v4(4, struct.pack('!HBB', 1, 30, 0) + eu(C) + eg(G3, 24) + struct.pack('!BBH', 3, 3, 0)
       + eu(A) + struct.pack('!HBB', 150, 7, 0))             # RPs missing
    v4(4, struct.pack('!HBB', 1, 30, 0) + eu(C) + eg(G3, 24) + b'\x01')
    v4(4, struct.pack('!HBB', 1, 30, 0) + eu(C) + eg(G3, 24) + struct.pack('!BBH', 1, 1, 0)
       + eu(A) + b'\x00')
    v4(4, b'\x00\x05\x1e')
    v6(4, struct.pack('!HBB', 0x77, 126, 64) + eu(A6) + eg('ff3e::', 32)
       + struct.pack('!BBH', 1, 1, 0) + eu(B6) + struct.pack('!HBB', 150, 0, 0))

    # ------------------------------------------------------------ Assert
    v4(5, eg(G1) + eu(S1) + struct.pack('!II', 110, 20))
    v4(5, eg(G2) + eu('0.0.0.0') + struct.pack('!II', 0x80000000 | 120, 0xffffffff))
    v4(5, eg(G1) + eu(S1) + struct.pack('!I', 110))
    v6(5, eg(G6) + eu('2001:db8:77::20') + struct.pack('!II', 0x80000001, 1))

    # ------------------------------------------------------------ C-RP-Adv
    v4(8, struct.pack('!BBH', 2, 192, 150) + eu(A) + eg('233.252.0.0', 24)
       + eg('239.0.0.0', 8, flags=0x80), dst=C)
    v4(8, struct.pack('!BBH', 0, 0, 0) + eu(A), dst=C)
    v4(8, struct.pack('!BBH', 3, 1, 75) + eu(A) + eg(G1), dst=C)   # fewer prefixes
    v4(8, b'\x01', dst=C)
    v6(8, struct.pack('!BBH', 1, 0, 150) + eu(A6) + eg('ff3e::', 32), src=A6, dst=B6)

    # ------------------------------------------------------------ State Refresh
    sr = (eg(G1) + eu(S1) + eu(B) + struct.pack('!II', 0x80000000 | 110, 20)
          + struct.pack('!BBBB', 0x3f, 2, 0x40, 60))
    v4(9, eu(S1) + eg(G1) + eu(B) + struct.pack('!HBB', 210, 0, 60))
    v4(9, sr)
    v4(9, eu(S1) + eg(G1) + eu(B) + b'\x00')

    # ------------------------------------------------------------ DF Election
    rpa = eu('10.77.0.100')
    v4(10, rpa + struct.pack('!II', 100, 10), rsv=0x10)
    v4(10, rpa + struct.pack('!II', 100, 10), rsv=0x20)
    v4(10, rpa + struct.pack('!II', 100, 10) + eu(B) + struct.pack('!IIH', 90, 5, 300), rsv=0x30)
    v4(10, rpa + struct.pack('!II', 100, 10) + eu(C) + struct.pack('!II', 80, 1), rsv=0x40)
    v4(10, rpa + struct.pack('!II', 100, 10), rsv=0x70)
    v4(10, rpa + struct.pack('!I', 100), rsv=0x20)
    v6(10, eu('2001:db8:77::100') + struct.pack('!II', 7, 8) + eu(B6)
       + struct.pack('!IIH', 1, 2, 3), rsv=0x30)

    # ------------------------------------------------------------ odd ones
    v4(11, eg(G1) + eu(S1) + eu(B) + bytes(12))               # ECMP Redirect
    v4(12, b'\x00\x00\x00\x00')
    v4(15, b'')
    p4(b'\x20')                                               # 1-byte PIMv2
    p4(b'\x20\x00\x00')
    p4(b'\x20\x04')
    p4(pim(0, hold, ver=1))                                   # PIMv1 in IP
    p4(pim(3, b'\x00' * 8, ver=3))
    p6(pim(0, hold, ver=0, src=LL, dst=ALLPIM6))

    # ------------------------------------------------------------ PIMv1 (IGMP 0x14)
    v1 = lambda code, body, ver=1: ig(igmp(0x14, code, struct.pack('!BBH', ver << 4, 0, 0), body))
    for mode in (0, 1, 2, 5):
        v1(0, struct.pack('!BBH', mode << 4, 0, 105))
    v1(0, b'')                                                # no mode byte
    v1(1, ip4(S1, G1, 17, udp(S1, G1, 5004, 5004, b'data'), df=False))
    v1(1, bytes(12))
    v1(2, a4(G1) + a4(S1))
    v1(3, a4(B) + struct.pack('!HH', 0, 180) + struct.pack('!I', 1) + a4(G1)
       + struct.pack('!IHH', 0xffffffff, 1, 0) + struct.pack('!BB', 1, 0x20) + a4(S1))
    v1(3, a4(B) + struct.pack('!HH', 0, 210) + struct.pack('!I', 1) + a4(G1)
       + a4('255.255.255.0') + struct.pack('!HH', 0, 1) + struct.pack('!BB', 0, 0xe0) + a4(S2))
    v1(3, a4(B) + struct.pack('!HH', 0, 210) + struct.pack('!I', 2) + a4(G1)
       + struct.pack('!IHH', 0xffffffff, 2, 1)
       + struct.pack('!BB', 1, 0x20) + a4(S1) + struct.pack('!BB', 0, 0x98) + a4('10.77.0.0')
       + struct.pack('!BB', 1, 0x60) + a4(S2)
       + a4(G2) + a4('255.255.255.128') + struct.pack('!HH', 0, 0))
    v1(3, a4(B) + struct.pack('!HH', 0, 210) + struct.pack('!I', 3) + a4(G1))  # groups cut
    v1(3, a4(B) + b'\x00\x00')
    v1(6, a4(B) + struct.pack('!HH', 0, 180) + struct.pack('!I', 1) + a4(G1)
       + struct.pack('!IHH', 0xffffffff, 1, 0) + struct.pack('!BB', 0, 0x20) + a4(S1))
    v1(7, a4(B) + struct.pack('!HH', 0, 0) + struct.pack('!I', 1) + a4(G1)
       + struct.pack('!IHH', 0xffffffff, 0, 1) + struct.pack('!BB', 1, 0x60) + a4(S1))
    v1(4, a4(G1) + a4('255.255.255.255') + a4(C) + struct.pack('!HH', 0, 270))
    v1(4, a4(G3) + a4('255.255.255.0') + a4(C) + struct.pack('!HH', 0, 0))
    v1(5, a4(G1) + a4('255.255.255.255') + a4(S1) + struct.pack('!II', 0x80000064, 20))
    v1(5, a4(G1) + a4('255.255.0.0') + a4(S1) + struct.pack('!II', 100, 0))
    v1(9, b'')
    v1(0, struct.pack('!BBH', 0x10, 0, 105), ver=2)
    ig(igmp(0x14, 3, b''))                                    # 4-byte PIMv1

    # ------------------------------------------------------------ DVMRP (IGMP 0x13)
    dv = lambda code, body, rest=b'\x00\x00\x0b\x03', **kw: ig(igmp(0x13, code, rest, body), **kw)
    dv(1, struct.pack('!I', 0x5eed0001) + a4(B) + a4(C))
    dv(1, struct.pack('!I', 0x5eed0002))
    dv(1, b'\x00\x01')
    dv(1, struct.pack('!I', 7) + a4(B) + b'\x0a\x4d')
    rep = (b'\xff\xff\x00' + a4(S1)[:3] + b'\x01' + b'\x0a\x4d\x00' + b'\x82'
           + b'\x00\x00\x00' + b'\x0a\x20'
           + b'\xff\xff\xff' + a4(C) + b'\x85'
           + b'\xff\x00\x00' + b'\xc6\x33\x90')
    dv(2, b'\xff\xff\x00' + b'\x0a\x4d\x00\x01' + b'\xc0\x00\x02\x83'
       + b'\xff\x00\x00' + b'\xc6\x33\x85'
       + b'\x00\x00\x00' + b'\x0a\x90', dst=B)                  # mrouted routes
    dv(2, rep, dst=B)
    dv(2, b'\xff\xff\x00' + b'\x0a\x4d', dst=B)              # origin cut short
    dv(2, b'\xff\xff\x00' + b'\x0a\x4d\x00\x81' + b'\xff', dst=B)
    dv(3, b'', dst=B)
    dv(5, b'', dst=B)
    dv(4, a4(A) + struct.pack('!BBB', 1, 1, 2) + a4(B) + a4(C)
       + a4('10.77.0.9') + struct.pack('!BBB', 3, 16, 1) + a4('192.0.2.9'), dst=B)
    dv(4, a4(A) + struct.pack('!BB', 1, 1), dst=B)
    dv(4, a4(A) + struct.pack('!BBB', 1, 1, 2) + a4(B), dst=B)
    dv(6, a4(A) + struct.pack('!BBBB', 1, 0, 0x40, 1) + a4(B)
       + a4('10.77.0.9') + struct.pack('!BBBB', 1, 0, 0x33, 2) + a4('10.77.0.10') + a4('10.77.0.11')
       + a4('10.77.0.12') + struct.pack('!BBBB', 2, 1, 0x00, 1) + a4('10.77.0.13'), dst=B)
    dv(6, a4(A) + struct.pack('!BBBB', 1, 0, 0, 3) + a4(B), dst=B)   # ncount too big
    dv(6, a4(A) + struct.pack('!BBBB', 1, 0, 0, 1) + a4(B) + b'\x0a\x4d', dst=B)
    dv(6, a4(A) + struct.pack('!BBBB', 1, 0, 0, 1), dst=B)
    dv(7, a4(S1) + a4(G1) + struct.pack('!I', 7200), dst=B)
    dv(7, a4(S1) + a4(G1) + struct.pack('!I', 0x80000000), dst=B)
    dv(7, a4(S1) + a4(G1) + struct.pack('!I', 0), dst=B)
    dv(7, a4(S1) + a4(G1), dst=B)
    dv(8, a4(S1) + a4(G1), dst=B)
    dv(9, a4(S1) + a4(G1), dst=A, src=B)
    dv(10, b'\x01\x02\x03\x04', dst=B)
    dv(0, b'', dst=B)
    ig(igmp(0x13, 1, b'\x00\x00'))                            # short IGMP

    send_frames(ifn, fr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
