#!/usr/bin/env python3
"""L2TPv2 (RFC 2661) on UDP 1701 as an xl2tpd LAC and LNS exchange it for
an L2TP/IPsec VPN: tunnel set-up (SCCRQ/SCCRP/SCCCN with challenge and
tie breaker), ZLB acknowledgements and HELLOs, incoming and outgoing call
set-up with every IETF AVP (proxy authentication, LCP CONFREQs, call
errors, ACCM, the RFC 3145 PPP disconnect cause), tear-down with result
codes, hidden and vendor AVPs, unknown message and AVP types; data messages
carrying PPP (LCP, IPCP, IPv4) with and without sequence numbers and
offsets; broken headers and AVPs (short values, lengths below 6 or past the
message, bad lengths, L2F and unknown versions).  Hand-built, sent on the
veth with AF_PACKET.
Usage: crafted_l2tp.py IFACE PEER_MAC
       crafted_l2tp.py --pcap FILE   (writes the frames to a pcap instead)"""
import struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'

T, L, S, O, PR = 0x8000, 0x4000, 0x0800, 0x0200, 0x0100


def avp(attr, value=b'', m=True, hidden=False, vendor=0, length=None):
    ln = 6 + len(value) if length is None else length
    fl = (0x8000 if m else 0) | (0x4000 if hidden else 0) | (ln & 0x3ff)
    return struct.pack('!HHH', fl, vendor, attr) + value


def u16(v):
    return struct.pack('!H', v)


def u32(v):
    return struct.pack('!I', v)


def ctl(tid, sid, ns, nr, *avps, flags=T | L | S, length=None, ver=2, extra=b''):
    body = b''.join(avps)
    ln = 12 + len(body) if length is None else length
    return struct.pack('!HHHHHH', flags | ver, ln, tid, sid, ns, nr) + body + extra


def msg(t):
    return avp(0, u16(t))


def data(tid, sid, ppp, flags=0, ns=None, nr=None, offset=None, length=None, ver=2):
    h = b''
    if flags & L:
        h += u16(0)	# patched below
    h += u16(tid) + u16(sid)
    if flags & S:
        h += u16(ns or 0) + u16(nr or 0)
    if flags & O:
        h += u16(len(offset)) + offset
    pkt = u16(flags | ver) + h + ppp
    if flags & L:
        ln = len(pkt) if length is None else length
        pkt = pkt[:2] + u16(ln) + pkt[4:]
    return pkt


LCP_CONFREQ = bytes.fromhex('c021' '01010014' '010405dc' '0506a1b2c3d4' '0304c023')
LCP_ECHO = bytes.fromhex('c021' '09050008' '11223344')
IPCP_CONFREQ = bytes.fromhex('8021' '0102000a' '03060a4d0001')


def ipv4_in_ppp():
    inner = ip4('10.77.1.2', '10.77.1.1', 17, udp('10.77.1.2', '10.77.1.1', 5000, 53, b'\0' * 12))
    return b'\x00\x21' + inner


def frames():
    fr = []

    def u4(payload, sport=1701, dport=1701, src=A, dst=B):
        fr.append(('4', src, dst, sport, dport, payload))

    def u6(payload, sport=1701, dport=1701):
        fr.append(('6', A6, B6, sport, dport, payload))

    # --- tunnel set-up
    u4(ctl(0, 0, 0, 0, msg(1), avp(2, u16(0x0100)), avp(7, b'lac.example.org'),
           avp(3, u32(3)), avp(4, u32(3)), avp(6, u16(0x0690), m=False),
           avp(8, b'xelerance.com', m=False), avp(9, u16(41251)), avp(10, u16(4)),
           avp(5, bytes.fromhex('0123456789abcdef'), m=False), avp(11, bytes(range(16)))))
    u4(ctl(41251, 0, 0, 1, msg(2), avp(2, u16(0x0100)), avp(3, u32(1)), avp(4, u32(2)),
           avp(6, u16(0x0680), m=False), avp(7, b'lns.example.net'),
           avp(8, b'Linux \x01\xe9', m=False), avp(9, u16(7)), avp(10, u16(8)),
           avp(13, bytes(range(0x10, 0x20))), avp(11, b'\xaa\xbb')), src=B, dst=A)
    u4(ctl(7, 0, 1, 1, msg(3), avp(13, bytes(range(0xf0, 0x100)))))
    u4(ctl(41251, 0, 1, 2, flags=T | L | S), src=B, dst=A)			# ZLB
    u4(ctl(7, 0, 2, 2, msg(6)))
    # --- an incoming call
    u4(ctl(7, 0, 3, 2, msg(10), avp(14, u16(9001)), avp(15, u32(1)), avp(18, u32(2)),
           avp(25, u32(0x10002)), avp(22, b'+15551230000'), avp(21, b'5551239999'),
           avp(23, b'sub-1')))
    u4(ctl(41251, 9001, 2, 4, msg(11), avp(14, u16(65535))), src=B, dst=A)
    u4(ctl(7, 65535, 4, 3, msg(12), avp(24, u32(100000000)), avp(19, u32(1)),
           avp(26, LCP_CONFREQ[2:]), avp(27, LCP_CONFREQ[2:14]), avp(28, LCP_CONFREQ[2:10]),
           avp(29, u16(2)), avp(30, b'jdoe'), avp(31, bytes(range(8))), avp(32, u16(0x1234)),
           avp(33, bytes(range(0x20, 0x30))), avp(38, u32(54000)), avp(39),
           avp(37, b'group-7'), avp(16, u32(9600)), avp(17, u32(4294967295)), avp(20, u32(5))))
    for at in (0, 1, 3, 4, 5, 6, 0x99):
        u4(ctl(7, 65535, 5, 3, msg(12), avp(29, u16(at))))
    # --- outgoing calls, call errors, link info
    u4(ctl(41251, 0, 3, 5, msg(7), avp(14, u16(300)), avp(15, u32(77)), avp(16, u32(64000)),
           avp(17, u32(128000)), avp(18, u32(3)), avp(19, u32(2)), avp(21, b'5550100')),
       src=B, dst=A)
    u4(ctl(7, 300, 6, 4, msg(8), avp(14, u16(301)), avp(25, u32(12))))
    u4(ctl(7, 300, 7, 4, msg(9), avp(24, u32(64000)), avp(19, u32(0))))
    u4(ctl(41251, 9001, 4, 8, msg(15), avp(34, u16(0) + u32(1) + u32(2) + u32(3) + u32(4) +
                                         u32(5) + u32(0xffffffff))), src=B, dst=A)
    u4(ctl(41251, 9001, 5, 8, msg(16), avp(35, u16(0) + u32(0xffffffff) + u32(0x000a0000))),
       src=B, dst=A)
    # --- tear-down: result codes with and without error code and message
    u4(ctl(41251, 9001, 6, 8, msg(14), avp(1, u16(3)), avp(12, u16(16) + b'\x80'),
           avp(46, u16(2) + u16(0xc021) + b'\x01'), avp(14, u16(9001))), src=B, dst=A)
    u4(ctl(7, 65535, 8, 7, msg(14), avp(1, u16(2) + u16(6)),
           avp(12, u16(17) + b'\x02' + b'User busy'),
           avp(46, u16(0x1b) + u16(0x8021) + b'\x00' + b'peer refused'),
           avp(46, u16(1) + u16(0xc223) + b'\x07')))
    u4(ctl(7, 0, 9, 7, msg(4), avp(1, u16(1) + u16(0) + b'Goodbye, \x07world'), avp(9, u16(7))))
    u4(ctl(41251, 0, 7, 10, msg(4), avp(1, u16(6) + b'\x00')), src=B, dst=A)
    # --- hidden, vendor, unknown
    u4(ctl(7, 0, 10, 8, msg(1), avp(36, bytes(range(0x40, 0x54))),
           avp(7, b'\x9c\x11\x02\x77\xde\xad', hidden=True),
           avp(9, b'\x01\x02\x03\x04', hidden=True, m=False)))
    u4(ctl(7, 0, 11, 8, msg(6), avp(42, b'\x01\x02', vendor=9), avp(1, b'', vendor=311, m=False),
           avp(40, u32(1)), avp(47, b'xyz', m=False), avp(0x3ff, b''), avp(0x7fff, b'\xff')))
    for t in (0, 5, 13, 17, 255, 0xffff):
        u4(ctl(7, 0, 12, 8, msg(t)))
    # --- AVPs too short for their type
    for at in (0, 1, 2, 3, 4, 5, 6, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 24, 25,
               29, 32, 34, 35, 38, 46):
        u4(ctl(7, 0, 13, 8, avp(at, b'\x01')))
    u4(ctl(7, 0, 13, 8, avp(1, b'\x00\x02\x00')))
    u4(ctl(7, 0, 13, 8, avp(12, b'\x00\x10\x01')))
    u4(ctl(7, 0, 13, 8, avp(34, u16(0) + u32(1) + u32(2) + u32(3))))
    u4(ctl(7, 0, 13, 8, avp(35, u16(0) + u32(1))))
    u4(ctl(7, 0, 13, 8, avp(46, u16(1) + u16(0xc021) + b'\x05')))
    u4(ctl(7, 0, 13, 8, avp(5, bytes(7))))
    u4(ctl(7, 0, 13, 8, avp(13, bytes(15))))
    u4(ctl(7, 0, 13, 8, avp(20)))
    # --- broken AVP and message lengths
    u4(ctl(7, 0, 14, 8, msg(6), avp(7, b'abc', length=5)))
    u4(ctl(7, 0, 14, 8, msg(6), avp(7, b'abc', length=40)))
    u4(ctl(7, 0, 14, 8, msg(6), avp(7, b'abc', length=0)))
    u4(ctl(7, 0, 14, 8, msg(6), b'\x80'))
    u4(ctl(7, 0, 14, 8, msg(6), avp(7, b'abcdef'), length=22))
    u4(ctl(7, 0, 14, 8, msg(6), length=200))
    u4(ctl(7, 0, 14, 8, msg(6), length=10))
    u4(ctl(7, 0, 14, 8, msg(6), length=12))
    u4(ctl(7, 0, 14, 8, msg(6), flags=T | S))
    u4(ctl(7, 0, 14, 8, msg(6), flags=T | L))
    u4(ctl(7, 0, 14, 8, msg(6), flags=T | L | S | PR))
    u4(ctl(7, 0, 14, 8, msg(6), flags=0xffff & ~0xf))
    # --- versions
    u4(ctl(7, 0, 0, 0, msg(1), ver=1))
    u4(ctl(7, 0, 0, 0, msg(1), ver=3))
    u4(ctl(7, 0, 0, 0, msg(1), ver=0))
    u4(b'\x00\x0f')
    # --- data messages
    u4(data(7, 65535, b'\xff\x03' + LCP_CONFREQ))
    u4(data(41251, 9001, b'\xff\x03' + IPCP_CONFREQ, flags=L), src=B, dst=A)
    u4(data(7, 65535, b'\xff\x03' + ipv4_in_ppp(), flags=S, ns=10, nr=20))
    u4(data(7, 65535, b'\xff\x03' + LCP_ECHO, flags=O | L | S | PR, ns=1, nr=2, offset=b'\0\0\0'))
    u4(data(7, 65535, LCP_ECHO, flags=O, offset=b''))
    u4(data(7, 65535, b'\xff\x03' + LCP_ECHO, flags=L, length=100))
    u4(data(7, 65535, b'\xff\x03' + LCP_ECHO, flags=L, length=4))
    u4(data(7, 65535, b'\xff\x03' + LCP_ECHO, flags=O, offset=b'\0' * 200)[:12])
    u4(data(7, 65535, b'\xff'))
    u4(data(7, 65535, b''))
    u4(data(7, 65535, b'', flags=S, ns=1, nr=1)[:8])
    u4(b'\x00\x02\x00\x07')
    u4(b'\x40\x02\x00')
    u4(b'\x00')
    u4(b'')
    # --- IPv6, and 1701 on one side only
    u6(ctl(7, 0, 20, 9, msg(6)))
    u6(data(7, 65535, b'\xff\x03' + LCP_ECHO), sport=40000)
    u4(ctl(7, 0, 21, 9, msg(6)), sport=1701, dport=40001)
    return fr


def build(me, peermac):
    out = []
    for v, src, dst, sport, dport, payload in frames():
        if v == '4':
            out.append(eth(peermac, me, 0x0800,
                           ip4(src, dst, 17, udp(src, dst, sport, dport, payload), df=False)))
        else:
            out.append(eth(peermac, me, 0x86dd,
                           ip6(src, dst, 17, udp(src, dst, sport, dport, payload, v6=True))))
    return out


def main(args):
    if args[0] == '--pcap':
        fr = build('02:00:00:00:00:0a', '02:00:00:00:00:0b')
        with open(args[1], 'wb') as f:
            f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
            for i, b in enumerate(fr):
                f.write(struct.pack('<IIII', 1700000000 + i, 0, len(b), len(b)) + b)
        return
    ifn, peermac = args
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    send_frames(ifn, build(me, peermac))


if __name__ == '__main__':
    main(sys.argv[1:])
