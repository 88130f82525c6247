#!/usr/bin/env python3
"""OpenFlow (TCP 6633 and 6653) between a switch and its controller.

OpenFlow 1.0 on 6633: every message type (HELLO, ERROR with every type and
code table, ECHO, VENDOR with Big Switch Networks subtypes and other vendor
IDs, FEATURES_REQUEST/REPLY with ports, switch config, PACKET_IN/OUT with an
Ethernet frame (decoded with -vvv), FLOW_REMOVED, PORT_STATUS, FLOW_MOD
with every match field and action type, PORT_MOD, every STATS request and
reply, BARRIER, QUEUE_GET_CONFIG with queue properties), bogus bits and
lengths, unknown types, several messages in one segment, messages running
past the segment, partial headers and lengths under 8.

OpenFlow 1.3 on 6653: HELLO elements, ERROR, EXPERIMENTER, FEATURES_REPLY,
switch config, PORT_STATUS, PORT_MOD, TABLE_MOD, ROLE, ASYNC, queue config
request and the messages tcpdump does not decode; OpenFlow 1.1, 1.2, 1.4,
1.5 and an unknown version (header only).

Hand-built TCP segments sent with AF_PACKET from addresses nobody owns.
Usage: crafted_openflow.py IFACE PEER_MAC"""
import struct, sys
from pktgen import *

SW, CTL = '10.77.0.90', '10.77.0.91'
SW6, CTL6 = '2001:db8:77::90', '2001:db8:77::91'


class Conn:
    def __init__(self, fr, me, peermac, cli, srv, cport, sport, isn_c, isn_s, v6=False):
        self.fr, self.me, self.peermac = fr, me, peermac
        self.cli, self.srv, self.cport, self.sport = cli, srv, cport, sport
        self.seq = {True: isn_c, False: isn_s}
        self.v6 = v6

    def seg(self, from_cli, flags, data=b'', opts=b''):
        s, d = (self.cli, self.srv) if from_cli else (self.srv, self.cli)
        sp, dp = (self.cport, self.sport) if from_cli else (self.sport, self.cport)
        seq = self.seq[from_cli]
        ack = self.seq[not from_cli] if flags & 0x10 else 0
        t = tcp(s, d, sp, dp, seq, ack, flags, opts=opts, data=data,
                win=502 if flags & 0x10 else 64240, v6=self.v6)
        if self.v6:
            self.fr.append(eth(self.peermac, self.me, 0x86dd, ip6(s, d, 6, t)))
        else:
            self.fr.append(eth(self.peermac, self.me, 0x0800, ip4(s, d, 6, t)))
        self.seq[from_cli] = seq + len(data) + (1 if flags & 0x03 else 0)

    def open(self):
        mss = bytes([2, 4, 5, 0xb4, 4, 2, 1, 3, 3, 7])
        self.seg(True, 0x002, opts=mss)
        self.seg(False, 0x012, opts=mss)
        self.seg(True, 0x010)

    def c(self, data):   # switch -> controller
        self.seg(True, 0x018, data)

    def s(self, data):   # controller -> switch
        self.seg(False, 0x018, data)

    def close(self):
        self.seg(True, 0x011)
        self.seg(False, 0x011)
        self.seg(True, 0x010)


XID = [0x100]


def msg(ver, typ, body=b'', length=None, xid=None):
    if xid is None:
        XID[0] += 1
        xid = XID[0]
    ln = 8 + len(body) if length is None else length
    return struct.pack('!BBHI', ver, typ, ln, xid) + body


def m10(typ, body=b'', length=None):
    return msg(1, typ, body, length)


def m13(typ, body=b'', length=None):
    return msg(4, typ, body, length)


def macb(s):
    return bytes(int(x, 16) for x in s.split(':'))


def ip(s):
    return bytes(int(x) for x in s.split('.'))


def name(s, n):
    return s.encode().ljust(n, b'\0')[:n]


def phy_port(no, hw, nm, config, state, curr, adv, sup, peer):
    return struct.pack('!H6s16sIIIIII', no, macb(hw), name(nm, 16), config, state,
                       curr, adv, sup, peer)


def match(wildcards, in_port=1, dl_src='02:00:00:00:00:01', dl_dst='02:00:00:00:00:02',
          vlan=10, pcp=3, dl_type=0x0800, tos=0x10, proto=6, nw_src='10.77.0.1',
          nw_dst='10.77.0.2', tp_src=1234, tp_dst=80):
    return struct.pack('!IH6s6sHBxHBBxx4s4sHH', wildcards, in_port, macb(dl_src), macb(dl_dst),
                       vlan, pcp, dl_type, tos, proto, ip(nw_src), ip(nw_dst), tp_src, tp_dst)


def act(typ, body):
    return struct.pack('!HH', typ, 4 + len(body)) + body


ALL_ACTIONS = (act(0, struct.pack('!HH', 2, 0)) +           # OUTPUT
               act(0, struct.pack('!HH', 0xfffd, 128)) +    # OUTPUT to CONTROLLER
               act(0, struct.pack('!HH', 0xfffb, 0)) +      # OUTPUT FLOOD
               act(1, struct.pack('!Hxx', 100)) +           # SET_VLAN_VID
               act(1, struct.pack('!Hxx', 0xffff)) +
               act(1, struct.pack('!Hxx', 0x1000)) +        # bogus vid
               act(2, struct.pack('!Bxxx', 5)) +            # SET_VLAN_PCP
               act(2, struct.pack('!Bxxx', 9)) +            # bogus pcp
               act(3, b'\0' * 4) +                          # STRIP_VLAN
               act(4, macb('02:00:00:00:00:0a') + b'\0' * 6) +
               act(5, macb('02:00:00:00:00:0b') + b'\0' * 6) +
               act(6, ip('10.77.0.5')) + act(7, ip('10.77.0.6')) +
               act(8, struct.pack('!Bxxx', 0xb8)) +
               act(9, struct.pack('!Hxx', 8080)) + act(10, struct.pack('!Hxx', 443)) +
               act(11, struct.pack('!H6xI', 3, 7)) +        # ENQUEUE
               act(11, struct.pack('!H6xI', 0xfffe, 0xffffffff)) +
               act(0xffff, struct.pack('!I', 0x002320) + b'\x00\x10\x00\x00\x00\x00\x00\x01' + b'\0' * 8) +
               act(0xffff, struct.pack('!IIIIBxxx', 0x5c16c7, 1, 5, 0x81002064, 1)) +   # BSN MIRROR
               act(0xffff, struct.pack('!IIIIBxxx', 0x5c16c7, 1, 6, 0, 0)) +
               act(0xffff, struct.pack('!IIIIBxxx', 0x5c16c7, 1, 7, 0x88a80005, 9)) +
               act(0xffff, struct.pack('!III', 0x5c16c7, 2, 0x0a4d0001)) +                            # BSN other
               act(0xffff, struct.pack('!III', 0x5c16c7, 1, 5)) +
               act(0xffff, struct.pack('!I', 0x002320)) +                            # BSN MIRROR short
               act(0x1234, b'\0' * 4) +                     # unknown type: skipped
               act(0, struct.pack('!HHII', 1, 0, 0, 0)))    # OUTPUT with bad length


def frame_icmp():
    body = icmp4(8, 0, struct.pack('!HH', 0x77, 1) + b'openflow-ping')
    return eth('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ip4('10.77.0.1', '10.77.0.2', 1, body))


def frame_arp():
    arp = struct.pack('!HHBBH6s4s6s4s', 1, 0x0800, 6, 4, 1, macb('02:00:00:00:00:01'), ip('10.77.0.1'),
                      b'\0' * 6, ip('10.77.0.2'))
    return eth('ff:ff:ff:ff:ff:ff', '02:00:00:00:00:01', 0x0806, arp)


def of10(c):
    c.c(m10(0))
    c.s(m10(0, b'\x01\x02\x03\x04'))
    c.s(m10(5))
    ports = (phy_port(1, '02:00:00:00:01:01', 'eth1', 0, 0x200, 0x2a0, 0x2bf, 0xfff, 0) +
             phy_port(2, '02:00:00:00:01:02', 'eth2 port', 0x7f, 0x301, 0x40, 0, 0x1000, 0xfff) +
             phy_port(0xfffe, '02:00:00:00:01:00', 'br0', 0x80, 0x1100, 0x10000, 0, 0, 0) +
             phy_port(0xfffe, '02:00:00:00:01:03', 'abcdefghijklmnop', 0, 0x100, 0, 0, 0, 0))
    c.c(m10(6, struct.pack('!QIBxxxII', 0x0000020000000190, 256, 4, 0xc7, 0xfff) + ports))
    c.c(m10(6, struct.pack('!QIBxxxII', 1, 0, 1, 0x1ff, 0x1000) + ports[:20]))
    c.c(m10(6, struct.pack('!QIBxxxII', 1, 0, 1, 0, 0)))
    c.s(m10(5, b'\0' * 4))                                   # FEATURES_REQUEST too long
    c.s(m10(7) + m10(9, struct.pack('!HH', 1, 128)) + m10(9, struct.pack('!HH', 7, 0xffff)))
    c.c(m10(8, struct.pack('!HH', 2, 1500)))
    c.c(m10(8, struct.pack('!HHH', 2, 1500, 0)))             # GET_CONFIG_REPLY bad length
    # echo
    c.s(m10(2, b'keepalive-0001'))
    c.c(m10(3, b'keepalive-0001'))
    c.c(m10(2))
    # PACKET_IN
    fi = frame_icmp()
    c.c(m10(10, struct.pack('!IHHBx', 0xffffffff, len(fi), 1, 0) + fi))
    fa = frame_arp()
    c.c(m10(10, struct.pack('!IHHBx', 0x123, len(fa), 2, 1) + fa))
    c.c(m10(10, struct.pack('!IHHBx', 0x124, 60, 0xfffe, 7)))
    c.c(m10(10, struct.pack('!IHHB', 0x125, 0, 3, 0)))       # too short
    # PACKET_OUT
    acts = act(0, struct.pack('!HH', 0xfffb, 0)) + act(1, struct.pack('!Hxx', 20))
    c.s(m10(13, struct.pack('!IHH', 0xffffffff, 1, len(acts)) + acts + fi))
    c.s(m10(13, struct.pack('!IHH', 0x123, 0xfff8, 8) + act(0, struct.pack('!HH', 2, 0))))
    c.s(m10(13, struct.pack('!IHH', 0x123, 2, 40) + act(0, struct.pack('!HH', 2, 0))))  # actions_len too big
    # FLOW_MOD
    c.s(m10(14, match(0) + struct.pack('!QHHHHIHH', 0x1122334455667788, 0, 60, 300, 0x8000,
                                       0xffffffff, 0xffff, 1) + ALL_ACTIONS))
    c.s(m10(14, match(0x3000f0 & ~0x30, dl_type=0x0800, proto=1, tp_src=8, tp_dst=0) +
            struct.pack('!QHHHHIHH', 1, 1, 0, 0, 100, 0x42, 0xffff, 7) + act(0, struct.pack('!HH', 1, 0))))
    c.s(m10(14, match(0x3fffef & ~0x20, dl_type=0x0806, proto=2) +
            struct.pack('!QHHHHIHH', 2, 2, 10, 0, 0, 0x43, 0xffff, 0)))
    c.s(m10(14, match(0xffc0000f | (8 << 8) | (40 << 14)) +
            struct.pack('!QHHHHIHH', 3, 3, 0, 0, 1, 0, 0xfffd, 8)))
    c.s(m10(14, match(0x3fffff) + struct.pack('!QHHHHIHH', 4, 4, 0, 0, 0, 0, 5, 2)))
    c.s(m10(14, match(0x3fffff) + struct.pack('!QHHHHIHH', 5, 9, 0, 0, 0, 0, 5, 0) +
            act(0, b'\0\0')))                               # action list too short
    c.s(m10(14, match(0x3fffff) + struct.pack('!QHHHHIHH', 6, 0, 0, 0, 0, 0, 5, 0) +
            struct.pack('!HH', 0, 16) + b'\0' * 4))          # action length past the list
    c.s(m10(14, match(0x3fffff) + struct.pack('!QHHHHIH', 6, 0, 0, 0, 0, 0, 5)))  # too short
    # FLOW_REMOVED
    c.c(m10(11, match(0x3ff0ff & ~0x4) + struct.pack('!QHBxIIHxxQQ', 0xabc, 0x8000, 0, 3600, 5000,
                                                    60, 1234, 567890)))
    c.c(m10(11, match(0x3fffff) + struct.pack('!QHBxIIHxxQQ', 0, 0, 9, 1, 2, 0, 0, 0)))
    # PORT_STATUS
    c.c(m10(12, struct.pack('!B7x', 2) + ports[48:96]))
    c.c(m10(12, struct.pack('!B7x', 5) + ports[:48]))
    # PORT_MOD
    c.s(m10(15, struct.pack('!H6sIIIxxxx', 3, macb('02:00:00:00:01:03'), 0x41, 0x7f, 0x2000)))
    # STATS_REQUEST
    c.s(m10(16, struct.pack('!HH', 0, 0)))
    c.s(m10(16, struct.pack('!HH', 1, 0) + match(0x3ffffe, in_port=4) + struct.pack('!BxH', 0xff, 0xffff)))
    c.s(m10(16, struct.pack('!HH', 2, 0) + match(0x3fffff) + struct.pack('!BxH', 0xfe, 3)))
    c.s(m10(16, struct.pack('!HH', 3, 1)))
    c.s(m10(16, struct.pack('!HH', 4, 0) + struct.pack('!H6x', 0xffff)))
    c.s(m10(16, struct.pack('!HH', 5, 0) + struct.pack('!HxxI', 0xfffc, 0xffffffff)))
    c.s(m10(16, struct.pack('!HH', 0xffff, 0) + struct.pack('!I', 0x002320) + b'nicira'))
    c.s(m10(16, struct.pack('!HH', 0xffff, 0) + b'\0\0'))
    c.s(m10(16, struct.pack('!HH', 1, 0) + b'\0' * 8))     # bad FLOW request length
    c.s(m10(16, struct.pack('!HH', 0, 0) + b'\0' * 4))     # DESC with a body
    c.s(m10(16, struct.pack('!HH', 4, 0) + b'\0' * 4))
    c.s(m10(16, struct.pack('!HH', 9, 0) + b'\0' * 4))     # unknown type
    # STATS_REPLY
    c.c(m10(17, struct.pack('!HH', 0, 0) + name('Example Networks', 256) + name('Virtual switch', 256) +
            name('ofsw 1.0.4', 256) + name('SN-0001', 32) + name('rack 7 \x01tor', 256)))
    c.c(m10(17, struct.pack('!HH', 0, 0) + b'x' * 20))
    fs1 = match(0x3820ff & ~0x1) + struct.pack('!IIHHH6xQQQ', 100, 5000, 0x8000, 60, 0, 0x55, 10, 1000)
    fa1 = act(0, struct.pack('!HH', 2, 0)) + act(8, struct.pack('!Bxxx', 4))
    fs2 = match(0x3fffff) + struct.pack('!IIHHH6xQQQ', 1, 2, 1, 0, 0, 0, 0, 0)
    c.c(m10(17, struct.pack('!HH', 1, 1) + struct.pack('!HBx', 88 + len(fa1), 0) + fs1 + fa1 +
            struct.pack('!HBx', 88, 0xfe) + fs2))
    c.c(m10(17, struct.pack('!HH', 1, 0) + struct.pack('!HBx', 200, 0) + fs2))
    c.c(m10(17, struct.pack('!HH', 1, 0) + struct.pack('!HBx', 88, 0) + fs2[:40]))
    c.c(m10(17, struct.pack('!HH', 2, 0) + struct.pack('!QQIxxxx', 12345, 9876543, 17)))
    c.c(m10(17, struct.pack('!HH', 2, 0) + struct.pack('!QQ', 1, 2)))
    tbl = (struct.pack('!Bxxx', 0) + name('classifier', 32) + struct.pack('!IIIQQ', 0x3fffff, 1000000, 12, 500, 480) +
           struct.pack('!Bxxx', 0xfe) + name('emergency', 32) + struct.pack('!IIIQQ', 0x400001, 100, 0, 0, 0))
    c.c(m10(17, struct.pack('!HH', 3, 0) + tbl + b'\0' * 10))
    pst = b''.join(struct.pack('!H6x12Q', pn, *range(k, k + 12)) for pn, k in ((1, 100), (0xfffe, 7)))
    c.c(m10(17, struct.pack('!HH', 4, 0) + pst))
    c.c(m10(17, struct.pack('!HH', 4, 2) + pst[:104] + b'\0' * 8))
    c.c(m10(17, struct.pack('!HH', 5, 0) + struct.pack('!HxxIQQQ', 1, 0, 1000, 10, 0) +
            struct.pack('!HxxIQQQ', 2, 1, 5, 1, 1) + b'\0' * 4))
    c.c(m10(17, struct.pack('!HH', 0xffff, 0) + struct.pack('!I', 0x5c16c7) + b'\0' * 12))
    c.c(m10(17, struct.pack('!HH', 0xffff, 0)))
    c.c(m10(17, struct.pack('!HH', 77, 0) + b'\0' * 8))
    # BARRIER
    c.s(m10(18))
    c.c(m10(19))
    c.c(m10(19, b'\0'))
    # QUEUE_GET_CONFIG
    c.s(m10(20, struct.pack('!Hxx', 1)))
    c.s(m10(20, struct.pack('!Hxx', 0xfff8) + b'\0' * 4))
    q1 = (struct.pack('!HH4x', 0, 8) + struct.pack('!HH4xH6x', 1, 16, 500) +
          struct.pack('!HH4xH6x', 1, 16, 1001) + struct.pack('!HH4x', 0, 16) + b'\0' * 8 +
          struct.pack('!HH4x', 1, 8) + struct.pack('!HH4x4x', 5, 12))
    q2 = struct.pack('!HH4x', 1, 40)
    c.c(m10(21, struct.pack('!H6x', 1) + struct.pack('!IHxx', 1, 8 + len(q1)) + q1 +
            struct.pack('!IHxx', 2, 8 + len(q2)) + q2 + b'\0' * 32))
    c.c(m10(21, struct.pack('!H6x', 2) + struct.pack('!IHxx', 3, 80)))
    c.c(m10(21, struct.pack('!H6x', 2) + struct.pack('!IH', 3, 4)))
    # ERROR: every type, a code past each table, an unknown type
    err = b''
    for t, n in ((0, 2), (1, 9), (2, 9), (3, 6), (4, 2), (5, 3)):
        for code in (0, n - 1, n):
            err += m10(1, struct.pack('!HH', t, code) + (m10(14)[:8] if code == 0 else b''))
    c.c(err)
    c.c(m10(1, struct.pack('!HH', 6, 0) + b'error data here, enough for two lines of hex dump'))
    c.c(m10(1, struct.pack('!HH', 0xffff, 3)))
    c.c(m10(1, struct.pack('!H', 1)))
    # VENDOR
    bsn = lambda sub, body=b'': m10(4, struct.pack('!II', 0x5c16c7, sub) + body)
    c.s(bsn(0, struct.pack('!B3x4s', 1, ip('255.255.255.0'))) + bsn(1, struct.pack('!B7x', 2)) +
        bsn(2, struct.pack('!B3x4s', 2, ip('255.255.0.0'))))
    c.s(bsn(3, struct.pack('!B3x', 1)) + bsn(4, struct.pack('!B3x', 0)) + bsn(5, struct.pack('!B3x', 4)))
    c.s(bsn(6, struct.pack('!I', 1) + b'show version') + bsn(7, b'ofsw 1.0\n\x01') + bsn(8, struct.pack('!I', 0x10)))
    c.s(bsn(9) + bsn(13) + bsn(19) + bsn(21) + bsn(27) + bsn(17, struct.pack('!I', 42)))
    c.s(bsn(9, b'\0' * 4) + bsn(1, b'\0') + bsn(6) + bsn(30, b'\0' * 8) + bsn(11, b'\0' * 4))
    c.s(m10(4, struct.pack('!I', 0x5c16c7)))
    c.s(m10(4, struct.pack('!I', 0x002320) + b'\x00\x00\x00\x0a' + b'nicira ext data'))
    c.s(m10(4, struct.pack('!I', 0x4f4e4600) + b'onf'))
    c.s(m10(4, struct.pack('!I', 0xff000005)))
    c.s(m10(4, struct.pack('!I', 0xfe000001) + b'\0' * 4))
    c.s(m10(4, struct.pack('!I', 0x00aabbcc) + b'\0' * 4))
    c.s(m10(4, b'\0\0'))
    # unknown type, lengths, several messages, partial headers
    c.s(m10(0x30, b'\0' * 4))
    c.s(m10(2, b'', length=4) + m10(0))
    c.s(m10(0) + m10(2, b'abc') + m10(5) + m10(18))
    c.s(m10(2, b'0123456789', length=60))                   # runs past the segment
    c.s(m10(0) + b'\x01')
    c.s(m10(0) + b'\x01\x00\x00')
    c.s(m10(0) + b'\x01\x02\x00\x08\x00\x00')


def of13(c):
    vb = struct.pack('!HHI', 1, 8, 0x12)
    c.c(m13(0, vb))
    c.s(m13(0, vb + struct.pack('!HHI', 1, 8, 0xffffffc0)))
    c.s(m13(0, struct.pack('!HHII', 1, 12, 0x10, 0) + struct.pack('!HH', 7, 4) + struct.pack('!HHI', 2, 8, 0)))
    c.s(m13(0, struct.pack('!HHI', 1, 20, 0x10)))
    c.s(m13(0, b'\0\x01'))
    c.s(m13(0))
    c.s(m13(5))
    c.c(m13(6, struct.pack('!QIBBxxII', 0x00000200000001a0, 256, 254, 1, 0x14f, 0)))
    c.c(m13(6, struct.pack('!QIBBxxII', 1, 0, 1, 0, 0x10080, 0)))
    c.c(m13(6, struct.pack('!QIBBxx', 1, 0, 1, 0)))
    c.s(m13(7))
    c.c(m13(8, struct.pack('!HH', 0, 0xffff)))
    c.s(m13(9, struct.pack('!HH', 2, 0xffe5)) + m13(9, struct.pack('!HH', 3, 128)))
    # errors
    err = b''
    for t, n in ((0, 2), (1, 14), (2, 16), (3, 9), (4, 12), (5, 8), (6, 15), (7, 5), (8, 3),
                 (9, 3), (10, 3), (11, 3), (12, 12), (13, 6)):
        for code in (0, n - 1, n):
            err += m13(1, struct.pack('!HH', t, code))
    c.c(err)
    c.c(m13(1, struct.pack('!HH', 0xffff, 1) + struct.pack('!I', 0x2320) + b'data'))
    c.c(m13(1, struct.pack('!HH', 14, 0) + b'x' * 20))
    c.c(m13(1, b'\0'))
    c.c(m13(2, b'ping') + m13(3, b'ping'))
    c.s(m13(4, struct.pack('!II', 0x4f4e4600, 2300) + b'onf data'))
    c.s(m13(4, struct.pack('!II', 0x002320, 7)))
    c.s(m13(4, struct.pack('!I', 0x002320)))
    port = struct.pack('!I4x6s2x16sIIIIIIII', 7, macb('02:00:00:00:02:07'), name('ge-1/0/7', 16),
                       0x65, 0x5, 0x2840, 0x6fff, 0xffff, 0x10000, 10000000, 40000000)
    c.c(m13(12, struct.pack('!B7x', 0) + port))
    c.c(m13(12, struct.pack('!B7x', 3) + port[:48] + b'\0' * 16 + port[64:]))
    c.c(m13(12, struct.pack('!B7x', 1) + port[:40]))
    c.s(m13(16, struct.pack('!I4x6s2xIIIxxxx', 0xfffffffe, macb('02:00:00:00:02:00'), 0x1, 0x80, 0x20000)))
    c.s(m13(17, struct.pack('!B3xI', 0xff, 3)) + m13(17, struct.pack('!B3xI', 4, 0)))
    c.s(m13(22, struct.pack('!I4x', 0xffffffff)) + m13(22, struct.pack('!I4x', 5)))
    c.s(m13(24, struct.pack('!I4xQ', 2, 0x0102030405060708)))
    c.c(m13(25, struct.pack('!I4xQ', 9, 1)))
    c.s(m13(26))
    c.c(m13(27, struct.pack('!6I', 3, 8, 7, 0, 0x11, 5)))
    c.s(m13(28, struct.pack('!6I', 1, 2, 4, 1, 2, 4)))
    c.s(m13(28, b'\0' * 8))
    # not decoded by tcpdump 4.99.3
    c.s(m13(14, b'\0' * 40) + m13(18, struct.pack('!HH4x', 0, 0)) + m13(10, b'\0' * 16))
    c.c(m13(19, b'\0' * 8) + m13(29, b'\0' * 8) + m13(15, b'\0' * 8) + m13(23, b'\0' * 8))
    c.s(m13(30, b'\0' * 4) + m13(0xff))
    # other versions: the header only
    c.s(msg(2, 0, b'') + msg(3, 6, b'\0' * 24) + msg(5, 0, b'\0' * 8) + msg(6, 14, b'\0' * 4) +
        msg(7, 0) + msg(0, 1))
    c.s(msg(5, 2, b'', length=3))


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []
    c = Conn(fr, me, peermac, SW, CTL, 42310, 6633, 0x0f0f0000, 0x7a7a0000)
    c.open()
    of10(c)
    c.close()
    c = Conn(fr, me, peermac, SW6, CTL6, 51022, 6653, 0x10000000, 0x20000000, v6=True)
    c.open()
    of13(c)
    c.close()
    # the controller on the switch's side of the port pair
    c = Conn(fr, me, peermac, CTL, SW, 6653, 40001, 0x30000000, 0x40000000)
    c.open()
    c.c(m13(0, struct.pack('!HHI', 1, 8, 0x10)))
    c.s(m10(0))
    c.close()
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:3])
