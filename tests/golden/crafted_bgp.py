#!/usr/bin/env python3
"""BGP (TCP 179): sessions as Calico, MetalLB or kube-router speak them and
the rest of what tcpdump 4.99.3 decodes.

OPEN with every capability tcpdump names (multiprotocol, route refresh,
ORF, multiple labels, graceful restart, 4-byte AS, add-path, enhanced
route refresh, long-lived GR, Cisco route refresh) and unknown ones,
malformed capabilities and options; KEEPALIVE; UPDATEs with every path
attribute tcpdump decodes (AS paths of 2- and 4-byte numbers, sets and
confederations, communities, extended communities of every named type,
large communities, AIGP, PMSI tunnels, attribute sets, unknown ones,
extended lengths, invalid lengths), withdrawn and add-path routes,
End-of-RIB markers, MP_REACH/MP_UNREACH for IPv4/IPv6 unicast, labeled
unicast, L3VPN (every RD format), RT constraint, multicast VPN, MDT,
VPLS/L2VPN, NSAP and families tcpdump leaves in hex (EVPN, flowspec);
NOTIFICATIONs with every error code, max-prefix and shutdown
communication data; ROUTE-REFRESH; unknown message types, short lengths,
messages cut by the segment end, several messages in one segment, over
IPv4 and IPv6.

Hand-built TCP segments, sent on the veth with AF_PACKET from addresses
nobody owns, so nothing answers.
Usage: crafted_bgp.py IFACE PEER_MAC"""
import struct, sys, socket
from pktgen import *

A4, B4 = '10.77.0.91', '10.77.0.92'
A6, B6 = '2001:db8:77::91', '2001:db8:77::92'


class Conn:
    def __init__(self, fr, me, peermac, cli, srv, cport, isn_c, isn_s, v6=False):
        self.fr, self.me, self.peermac = fr, me, peermac
        self.cli, self.srv, self.cport = cli, srv, cport
        self.seq = {True: isn_c, False: isn_s}
        self.v6 = v6

    def seg(self, from_cli, flags, data=b''):
        s, d = (self.cli, self.srv) if from_cli else (self.srv, self.cli)
        sp, dp = (self.cport, 179) if from_cli else (179, self.cport)
        seq = self.seq[from_cli]
        ack = self.seq[not from_cli] if flags & 0x10 else 0
        t = tcp(s, d, sp, dp, seq, ack, flags, data=data, win=502, v6=self.v6)
        if self.v6:
            self.fr.append(eth(self.peermac, self.me, 0x86dd, ip6(s, d, 6, t)))
        else:
            self.fr.append(eth(self.peermac, self.me, 0x0800, ip4(s, d, 6, t, tos=0xc0)))
        self.seq[from_cli] = seq + len(data) + (1 if flags & 0x03 else 0)

    def c(self, data):
        self.seg(True, 0x018, data)

    def s(self, data):
        self.seg(False, 0x018, data)


def msg(t, body=b'', ln=None):
    return b'\xff' * 16 + struct.pack('!HB', 19 + len(body) if ln is None else ln, t) + body


def cap(code, val=b''):
    return struct.pack('!BB', code, len(val)) + val


def opt(t, val):
    return struct.pack('!BB', t, len(val)) + val


def open_msg(asn, hold, rid, opts):
    o = b''.join(opts)
    return msg(1, struct.pack('!BHH4sB', 4, asn, hold, socket.inet_aton(rid), len(o)) + o)


def afs(afi, safi, extra=b''):
    return struct.pack('!HBB', afi, 0, safi) if extra is None else struct.pack('!HB', afi, safi) + extra


def attr(t, val, fl=0x40):
    if len(val) > 255:
        fl |= 0x10
    if fl & 0x10:
        return struct.pack('!BBH', fl, t, len(val)) + val
    return struct.pack('!BBB', fl, t, len(val)) + val


def update(withdrawn=b'', attrs=b'', nlri=b''):
    return msg(2, struct.pack('!H', len(withdrawn)) + withdrawn + struct.pack('!H', len(attrs)) + attrs + nlri)


def pfx(s):
    a, l = s.split('/')
    l = int(l)
    raw = socket.inet_pton(socket.AF_INET6 if ':' in a else socket.AF_INET, a)
    return bytes([l]) + raw[:(l + 7) // 8]


def ip(a):
    return socket.inet_pton(socket.AF_INET6 if ':' in a else socket.AF_INET, a)


def aspath(*segs, four=False):
    out = b''
    for t, ases in segs:
        out += struct.pack('!BB', t, len(ases)) + b''.join(struct.pack('!I' if four else '!H', a) for a in ases)
    return out


def rd0(a, n):
    return struct.pack('!HHI', 0, a, n)


def rd1(addr, n):
    return struct.pack('!H', 1) + ip(addr) + struct.pack('!H', n)


def rd2(a, n):
    return struct.pack('!HIH', 2, a, n)


def label(l, bos=1):
    return struct.pack('!I', (l << 4 | bos) << 8)[:3]


def mp_reach(afi, safi, nh, nlri, snpa=b'\x00'):
    return attr(14, struct.pack('!HBB', afi, safi, len(nh)) + nh + snpa + nlri, 0x80)


def mp_unreach(afi, safi, nlri=b''):
    return attr(15, struct.pack('!HB', afi, safi) + nlri, 0x80)


def ec(t, v):
    return struct.pack('!H', t) + v


def base(asp=aspath((2, [64512, 64513]))):
    return attr(1, b'\x00') + attr(2, asp) + attr(3, ip('10.77.0.91'))


def notif(major, minor, data=b''):
    return msg(3, bytes([major, minor]) + data)


def session(fr, me, peermac):
    c = Conn(fr, me, peermac, A4, B4, 40179, 0x11000000, 0x22000000)
    c.seg(True, 0x002)
    c.seg(False, 0x012)
    c.seg(True, 0x010)
    # Calico / BIRD style OPEN
    c.c(open_msg(64512, 240, '10.77.0.91', [
        opt(2, cap(1, afs(1, 1, None))), opt(2, cap(1, afs(2, 1, None))),
        opt(2, cap(2)), opt(2, cap(128)),
        opt(2, cap(64, struct.pack('!H', 0x8078) + afs(1, 1, b'\x80') + afs(2, 1, b'\x00'))),
        opt(2, cap(65, struct.pack('!I', 4200000001))),
        opt(2, cap(69, afs(1, 1, b'\x03') + afs(2, 1, b'\x01') + afs(1, 4, b'\x02') + afs(1, 1, b'\x07'))),
        opt(2, cap(70)), opt(2, cap(71, afs(1, 1, b'\x80') + b'\x00\x0e\x10')),
        opt(2, cap(73, b'\x04node\x00')), opt(2, cap(9, b'\x03') + cap(6)),
    ]))
    # MetalLB / GoBGP style: all capabilities in one option
    c.s(open_msg(23456, 90, '10.77.0.92', [
        opt(2, cap(1, afs(1, 1, None)) + cap(1, afs(1, 128, None)) + cap(1, afs(25, 70, None)) +
            cap(1, afs(1, 133, None)) + cap(1, afs(196, 128, None)) +
            cap(3, afs(1, 1, None) + b'\x01\x40\x03') + cap(4, afs(1, 4, None)) +
            cap(5, afs(1, 1, None) + b'\x00\x02') + cap(8, afs(1, 4, b'\x03') + afs(2, 4, b'\x02') + b'\x00') +
            cap(64, b'\x00\x78') + cap(65, struct.pack('!I', 65000)) +
            cap(67, b'\x01\x02') + cap(68, b'') + cap(69, b'') + cap(69, afs(1, 1, b'\x01')[:3]) +
            cap(200, b'\xde\xad')),
        opt(1, b'\x01\x02\x03'), opt(9, b'\xaa'),
    ]))
    c.c(msg(4) + msg(4))
    c.s(msg(4))
    # routes: IPv4 unicast, communities and large communities (MetalLB)
    c.c(update(attrs=base() + attr(4, struct.pack('!I', 0), 0x80) + attr(5, struct.pack('!I', 100)) +
               attr(8, struct.pack('!IIIII', 64512 << 16 | 100, 0xffffff01, 0xffffff02, 0xffffff03, 65535 << 16 | 666), 0xc0) +
               attr(32, struct.pack('!III', 64512, 1, 2) + struct.pack('!III', 4294967295, 0, 4294967295), 0xc0),
               nlri=pfx('10.77.10.0/24') + pfx('10.77.11.128/25') + pfx('10.77.12.7/32') +
               pfx('198.51.100.0/22')))
    # withdrawals only, End-of-RIB
    c.c(update(withdrawn=pfx('10.77.10.0/24') + pfx('192.0.2.0/24')))
    c.c(update())
    # add-path NLRI and withdrawals
    c.c(update(withdrawn=struct.pack('!I', 1) + pfx('10.77.20.0/24') + struct.pack('!I', 2) + pfx('10.77.21.0/24'),
               attrs=base(), nlri=struct.pack('!I', 7) + pfx('10.77.22.0/24') + struct.pack('!I', 8) + pfx('0.0.0.0/0')))
    # 4-byte AS paths, sets, confederations, AS4 path, aggregators
    c.c(update(attrs=attr(1, b'\x02') + attr(2, aspath((3, [65001, 65002]), (2, [4200000001, 64512]), (1, [1, 2, 3]), four=True)) +
               attr(3, ip('10.77.0.91')) + attr(6, b'') + attr(7, struct.pack('!I', 4200000001) + ip('10.77.0.91'), 0xc0) +
               attr(17, aspath((2, [4200000001]), (4, [7, 8]), four=True), 0xc0) +
               attr(18, struct.pack('!I', 4200000002) + ip('10.77.0.92'), 0xc0) +
               attr(9, ip('10.77.0.93'), 0x80) + attr(10, ip('10.77.0.94') + ip('10.77.0.95'), 0x80),
               nlri=pfx('10.77.30.0/24')))
    c.c(update(attrs=attr(1, b'\x01') + attr(2, aspath((4, [1, 2]), (1, [65535]))) + attr(3, ip('10.77.0.91')) +
               attr(7, struct.pack('!H', 64512) + ip('10.77.0.91'), 0xc0) + attr(2, b''),
               nlri=pfx('10.77.31.0/24')))
    # invalid lengths and unknown values
    c.c(update(attrs=attr(1, b'\x07') + attr(1, b'\x00\x00') + attr(2, b'\x02\x01\x00') + attr(3, b'\x0a\x4d') +
               attr(4, b'\x00', 0x80) + attr(5, b'\x00\x00') + attr(6, b'\x01') + attr(7, b'\x00' * 5, 0xc0) +
               attr(18, b'\x00' * 6, 0xc0) + attr(8, b'\x00' * 5, 0xc0) + attr(9, b'\x01', 0x80) +
               attr(10, b'\x01\x02', 0x80) + attr(16, b'\x00' * 7, 0xc0) + attr(32, b'', 0xc0) +
               attr(32, b'\x00' * 13, 0xc0) + attr(99, b'\x01\x02\x03', 0xe0) + attr(255, b'', 0x0f) +
               attr(21, b'\x00' * 300, 0xd0) + attr(5, struct.pack('!I', 200), 0x5a)))
    # extended communities: every named type (Calico / kube-router use targets)
    ecs = (ec(0x0002, struct.pack('!HI', 64512, 100)) + ec(0x0102, ip('192.0.2.1') + b'\x00\x64') +
           ec(0x0202, struct.pack('!IH', 4200000001, 7)) + ec(0x0003, struct.pack('!HI', 65000, 1)) +
           ec(0x0103, ip('192.0.2.2') + b'\x00\x01') + ec(0x0203, struct.pack('!IH', 70000, 2)) +
           ec(0x4004, struct.pack('!Hf', 64512, 125000000.0)) + ec(0x0005, ip('10.77.0.1') + b'\x00\x00') +
           ec(0x0105, ip('10.77.0.2') + b'\x00\x00') + ec(0x0205, ip('10.77.0.3') + b'\x00\x00') +
           ec(0x8005, ip('10.77.0.4') + b'\x00\x00') + ec(0x0306, ip('0.0.0.1') + b'\x05\x01') +
           ec(0x8000, ip('0.0.0.2') + b'\x07\x00') + ec(0x0306, ip('0.0.0.0') + b'\x01\x00') +
           ec(0x0306, ip('0.0.0.3') + b'\x63\x01') + ec(0x0306, ip('0.0.0.4') + b'\x81\x00') +
           ec(0x030c, b'\x00\x00\x00\x00\x00\x08') + ec(0x030c, b'\x00\x00\x00\x00\x00\x63') +
           ec(0x0107, ip('10.77.0.5') + b'\x00\x00') + ec(0x8001, ip('10.77.0.6') + b'\x00\x00') +
           ec(0x800a, b'\x13\x01\x05\xdc\x00\x00') + ec(0x800a, b'\x63\x00\x05\xdc\x00\x00') +
           ec(0x8800, b'\x00' * 6) + ec(0x8801, b'\x01' * 6) + ec(0x8802, b'\x02' * 6) + ec(0x8803, b'\x03' * 6) +
           ec(0x8804, b'\x04' * 6) + ec(0x8805, b'\x05' * 6) + ec(0x0009, b'\xfc\x00\x00\x00\x00\x00') +
           ec(0x010b, ip('10.77.0.7') + b'\x00\x09') + ec(0x000a, struct.pack('!HI', 65000, 9)) +
           ec(0xf10a, ip('10.77.0.8') + b'\x00\x0a') + ec(0x0600, b'\x00\x00\x00\x00\x00\x05') +
           ec(0x4300, b'\x00\x00\x00\x00\x00\x01') + ec(0xc012, b'\x01\x02\x03\x04\x05\x06'))
    c.c(update(attrs=base() + attr(16, ecs, 0xc0), nlri=pfx('10.77.40.0/24')))
    # AIGP, PMSI tunnels, attribute sets
    c.c(update(attrs=base() + attr(26, b'\x01\x00\x0b' + struct.pack('!Q', 2000) + b'\x07\x00\x05\xaa\xbb', 0x80),
               nlri=pfx('10.77.41.0/24')))
    c.c(update(attrs=base() + attr(26, b'\x01\x00\x02', 0x80)))
    c.c(update(attrs=base() + attr(26, b'\x01\x00\x08\x00\x00\x00\x00\x00', 0x80)))
    pm = [b'\x01\x01' + label(16) + ip('10.77.0.9') + b'\x00\x00\x00\x01',
          b'\x00\x02' + label(17) + ip('10.77.0.9') + b'\x00\x00\x00\x02',
          b'\x00\x03' + label(0) + ip('10.77.0.9') + ip('232.1.1.1'),
          b'\x00\x04' + label(0) + ip('10.77.0.9') + ip('239.1.1.1'),
          b'\x00\x05' + label(0) + ip('10.77.0.9') + ip('239.1.1.2'),
          b'\x00\x06' + label(100) + ip('10.77.0.9'),
          b'\x00\x07' + label(18) + ip('10.77.0.9') + b'\x00\x00\x00\x03',
          b'\x02\x00' + label(19), b'\x00\x63' + label(20) + b'\x01\x02\x03']
    c.c(update(attrs=base() + b''.join(attr(22, v, 0xc0) for v in pm)))
    inner = attr(1, b'\x00') + attr(2, aspath((2, [65010]))) + attr(5, struct.pack('!I', 50)) + attr(8, struct.pack('!I', 1 << 16 | 2), 0xc0)
    aset = struct.pack('!I', 64512) + inner + attr(128, struct.pack('!I', 65010) + attr(1, b'\x01'), 0xc0)
    c.c(update(attrs=base() + attr(128, aset, 0xc0), nlri=pfx('10.77.42.0/24')))
    c.c(update(attrs=base() + attr(128, struct.pack('!I', 1) + b'\x40\x01\x05\x00', 0xc0)))
    c.c(update(attrs=base() + attr(128, struct.pack('!I', 1) + b'\x40', 0xc0)))
    # attributes 4.99.3 has no decoder for: OTC (RFC 9234), BGPsec path
    c.c(update(attrs=base() + attr(35, struct.pack('!I', 64512), 0xc0) + attr(33, b'\x00\x06\x00\x01\x00\x00', 0x90),
               nlri=pfx('10.77.43.0/24')))
    c.s(msg(4))
    c.c(notif(6, 2, b'\x0fmaintenance now' + b'\x01\x02\x03'))


def mp(fr, me, peermac):
    c = Conn(fr, me, peermac, A4, B4, 40180, 0x33000000, 0x44000000)
    c.seg(True, 0x002)
    c.seg(False, 0x012)
    c.seg(True, 0x010)
    b = base()
    # IPv6 unicast with a link-local next hop, add-path, End-of-RIB
    c.c(update(attrs=attr(1, b'\x00') + attr(2, aspath((2, [64512]))) +
               mp_reach(2, 1, ip('2001:db8:77::91') + ip('fe80::91'), pfx('2001:db8:77:10::/64') + pfx('2001:db8:77:11::/60') + pfx('::/0'))))
    c.c(update(attrs=mp_reach(2, 1, ip('2001:db8:77::91'), struct.pack('!I', 1) + pfx('2001:db8:77:12::/64') +
                              struct.pack('!I', 2) + pfx('2001:db8:77:13::/64'))))
    c.c(update(attrs=mp_unreach(2, 1, pfx('2001:db8:77:10::/64'))))
    c.c(update(attrs=mp_unreach(2, 1)) + update(attrs=mp_unreach(1, 4)) + update(attrs=mp_unreach(1, 128)))
    c.c(update(attrs=mp_reach(1, 2, ip('10.77.0.91') + ip('10.77.0.92') + b'\x0a', pfx('232.0.0.0/8'), snpa=b'\x02\x02\xaa\xbb\x00')))
    c.c(update(attrs=mp_reach(2, 1, ip('2001:db8:77::91')[:8], b'')))
    # labeled unicast
    c.c(update(attrs=b + mp_reach(1, 4, ip('10.77.0.91'),
                                  bytes([24 + 32]) + label(300096) + ip('10.77.50.1') +
                                  bytes([24 + 24]) + label(16, 0) + ip('10.77.51.0')[:3] +
                                  bytes([24 + 8]) + label(3) + b'\x0a')))
    c.c(update(attrs=b + mp_reach(1, 4, ip('10.77.0.91'), bytes([20]) + label(1) + b'\x0a')))
    c.c(update(attrs=b + mp_reach(2, 4, ip('2001:db8:77::91'), bytes([24 + 64]) + label(299) + ip('2001:db8:77:20::')[:8])))
    c.c(update(attrs=mp_unreach(1, 4, bytes([24 + 24]) + label(0x80000) + ip('10.77.52.0')[:3])))
    # L3VPN: every RD format, v4 and v6
    c.c(update(attrs=b + attr(16, ec(0x0002, struct.pack('!HI', 64512, 100)), 0xc0) +
               mp_reach(1, 128, rd0(0, 0) + ip('10.77.0.91'),
                        bytes([88 + 24]) + label(1026) + rd0(64512, 1) + ip('10.77.60.0')[:3] +
                        bytes([88 + 28]) + label(1027) + rd1('10.77.0.91', 7) + ip('10.77.61.16') +
                        bytes([88 + 32]) + label(1028) + rd2(4200000001, 9) + ip('10.77.62.1') +
                        bytes([88 + 16]) + label(5, 0) + struct.pack('!HHI', 3, 1, 1) + ip('10.77.63.0')[:2] +
                        bytes([88 + 40]) + label(1) + rd0(1, 1) + b'\x00' * 5)))
    c.c(update(attrs=b + mp_reach(2, 128, rd0(0, 0) + ip('2001:db8:77::91'),
                                  bytes([88 + 48]) + label(2000) + rd0(64512, 2) + ip('2001:db8:77:70::')[:6])))
    c.c(update(attrs=b + mp_reach(1, 128, ip('10.77.0.91'), b'')))
    c.c(update(attrs=mp_unreach(2, 128, bytes([88 + 48]) + label(0x80000) + rd1('10.77.0.92', 1) + ip('2001:db8:77:70::')[:6])))
    # RT constraint
    c.c(update(attrs=b + mp_reach(1, 132, ip('10.77.0.91'),
                                  b'\x00' + bytes([96]) + struct.pack('!I', 64512) + ec(0x0002, struct.pack('!HI', 64512, 100)) +
                                  bytes([96]) + struct.pack('!I', 64512) + ec(0x0102, ip('10.77.0.1') + b'\x00\x05') +
                                  bytes([96]) + struct.pack('!I', 64512) + ec(0x0202, struct.pack('!IH', 4200000001, 3)) +
                                  bytes([80]) + struct.pack('!I', 65000) + ec(0x0002, struct.pack('!HI', 1, 0))[:6] +
                                  bytes([44]) + struct.pack('!I', 65000) + b'\x00\x0f' +
                                  bytes([32]) + struct.pack('!I', 65000) +
                                  bytes([96]) + struct.pack('!I', 65000) + ec(0x0603, b'\x01\x02\x03\x04\x05\x06') +
                                  bytes([20]) + b'\x00\x00\x00')))
    c.c(update(attrs=b + mp_reach(1, 132, ip('10.77.0.91'), bytes([100]) + b'\x00' * 13)))
    # multicast VPN, every route type
    mv = (b'\x01\x0c' + rd0(64512, 1) + ip('10.77.0.91') +
          b'\x02\x0c' + rd0(64512, 1) + struct.pack('!I', 64513) +
          b'\x03\x16' + rd1('10.77.0.91', 1) + b'\x20' + ip('10.77.0.1') + b'\x20' + ip('232.1.1.1') + ip('10.77.0.91') +
          b'\x04\x05' + b'\x01\x02\x03\x04\x05' +
          b'\x05\x12' + rd0(1, 2) + b'\x20' + ip('10.77.0.1') + b'\x20' + ip('239.1.1.1') +
          b'\x06\x16' + rd0(1, 2) + struct.pack('!I', 65000) + b'\x20' + ip('10.77.0.1') + b'\x20' + ip('239.1.1.1') +
          b'\x07\x16' + rd0(1, 2) + struct.pack('!I', 65000) + b'\x00\x20' + ip('239.1.1.2') + b'\x00\x00\x00\x00' +
          b'\x09\x02\xaa\xbb' +
          b'\x01\x08' + rd2(70000, 1))
    c.c(update(attrs=b + mp_reach(1, 5, ip('10.77.0.91'), mv)))
    c.c(update(attrs=b + mp_reach(1, 5, ip('10.77.0.91'), b'\x05\x0c' + rd0(1, 2) + b'\x18\x0a\x4d\x00\x00')))
    # MDT
    c.c(update(attrs=b + mp_reach(1, 66, ip('10.77.0.91'), b'\x80' + rd0(64512, 5) + ip('10.77.0.91') + ip('232.0.0.5') + b'\x40')))
    # VPLS / L2VPN
    l2 = (struct.pack('!H', 12) + rd0(64512, 10) + ip('10.77.0.91') +
          struct.pack('!H', 19) + rd0(64512, 11) + struct.pack('!HHI', 1, 0, 8)[:7] + b'\x00\x01\x00' +
          struct.pack('!H', 24) + rd1('10.77.0.91', 12) + b'\x00\x02\x00\x00\x04\x00\x10' + b'\x01\x00\x10\xab\xcd' + b'\x09\x00\x01' +
          struct.pack('!H', 19) + rd0(1, 1) + b'\x00\x03\x00\x00\x04\x00\x10' + b'\x01\x00\x28')
    c.c(update(attrs=b + attr(16, ec(0x800a, b'\x13\x00\x05\xdc\x00\x00'), 0xc0) + mp_reach(25, 65, ip('10.77.0.91'), l2)))
    c.c(update(attrs=b + mp_reach(196, 128, ip('10.77.0.91'), struct.pack('!H', 15) + rd0(1, 1) + b'\x00' * 7)))
    c.c(update(attrs=mp_unreach(25, 65, struct.pack('!H', 12) + rd0(64512, 10) + ip('10.77.0.91'))))
    # NSAP
    nsap = bytes.fromhex('47000580ffff000000000101000a4d005b00')
    c.c(update(attrs=b + mp_reach(3, 1, nsap, bytes([64]) + b'\x00\x00\x00' + bytes.fromhex('4900010000000000') + b'\xc8')))
    c.c(update(attrs=b + mp_reach(3, 128, rd0(1, 1) + bytes.fromhex('470006010a4d005b'), bytes([88 + 40]) + label(9) + rd0(1, 1) + bytes.fromhex('4900010203'))))
    c.c(update(attrs=b + mp_reach(3, 128, rd0(1, 1) + bytes.fromhex('350000') + ip('2001:db8:77::91'), b'')))
    c.c(update(attrs=b + mp_reach(3, 129, b'\x00' * 4, b'')))
    # families tcpdump shows in hex: EVPN, flowspec, unknown AFI, vendor SAFI
    c.c(update(attrs=b + mp_reach(25, 70, ip('10.77.0.91'), b'\x02\x21' + rd0(1, 1) + b'\x00' * 25)))
    c.c(update(attrs=b + mp_reach(1, 133, b'', b'\x06\x01\x18\x0a\x4d\x07')))
    c.c(update(attrs=mp_unreach(16388, 1, b'\x01\x02')))
    c.c(update(attrs=mp_reach(2, 1, b'', b'')[:4] + b'\x00'))
    # withdrawn and NLRI oddities
    c.c(update(withdrawn=b'\x21\x0a\x4d\x00\x00\x01'))
    c.c(update(withdrawn=b'\x18\x0a'))
    c.c(update(attrs=b, nlri=b'\x28\x0a\x4d'))
    c.c(update(attrs=b, nlri=b'\x20\x0a\x4d\x00'))
    c.c(update(withdrawn=b'\x18'))
    # route refresh, notifications
    c.c(msg(5, struct.pack('!HBB', 1, 0, 1)) + msg(5, struct.pack('!HBB', 2, 1, 128)) + msg(5, struct.pack('!HBB', 99, 2, 77)) +
        msg(5, b'\x00\x01'))
    for major, minors in ((1, range(0, 5)), (2, range(0, 9)), (3, range(0, 13)), (4, [0]), (5, range(0, 5)),
                          (6, [0, 3, 5, 6, 7, 8, 9, 10]), (7, range(0, 6)), (8, [1]), (0, [0])):
        c.s(b''.join(notif(major, m) for m in minors))
    c.s(notif(6, 1, struct.pack('!HBI', 1, 1, 1000)) + notif(6, 1, b'\x00\x02\x01') + notif(6, 4, b'') +
        notif(6, 4, b'\x00') + notif(6, 2, b'\x00\xaa\xbb') + notif(6, 2, b'\x20short') + notif(6, 4, b'\x05caf\xc3\xa9') +
        notif(6, 2, b'\x02\n\x01\xff'))
    c.s(notif(6, 2, b'\xff' + b'x' * 255 + b'\x01\x02'))
    c.s(msg(3, b'\x06'))
    c.s(notif(6, 2, b'\x0ctruncated message data'))
    # unknown message types, bad lengths, garbage between messages
    c.c(msg(6, b'\x01\x02\x03') + msg(200))
    c.c(b'\x00\x01' + msg(4) + b'\xff\xff' + msg(4))
    c.c(msg(4, ln=18) + msg(4))
    c.c(msg(2, struct.pack('!HH', 0, 0) + b'\x18\x0a\x4d', ln=60))
    c.c(msg(1, struct.pack('!BHH', 4, 1, 2)))
    c.c(open_msg(64512, 3, '10.77.0.91', [opt(2, cap(1, b'\x00\x01'))]))
    c.c(open_msg(64512, 3, '10.77.0.91', [b'\x02\x10' + cap(2)]))
    c.c(open_msg(64512, 3, '10.77.0.91', [opt(2, cap(64, b'\x80')), opt(2, cap(65, b'\x00\x01'))]))
    c.c(open_msg(64512, 3, '10.77.0.91', [opt(2, cap(2) + b'\x41\x08\x00\x00')]))
    c.seg(True, 0x011)
    c.seg(False, 0x011)
    c.seg(True, 0x010)


def v6session(fr, me, peermac):
    c = Conn(fr, me, peermac, A6, B6, 40181, 0x55000000, 0x66000000, v6=True)
    c.seg(True, 0x002)
    c.seg(False, 0x012)
    c.seg(True, 0x010)
    c.c(open_msg(64512, 180, '10.77.0.91', [opt(2, cap(1, afs(2, 1, None)) + cap(2) + cap(65, struct.pack('!I', 64512)) +
                                                    cap(69, afs(2, 1, b'\x03')))]))
    c.s(open_msg(64513, 180, '10.77.0.92', [opt(2, cap(1, afs(2, 1, None)) + cap(64, b'\x40\x78'))]))
    c.c(msg(4))
    c.c(update(attrs=attr(1, b'\x00') + attr(2, aspath((2, [64512]), four=True)) +
               mp_reach(2, 1, ip('2001:db8:77::91'), pfx('2001:db8:77:100::/56')) +
               attr(8, struct.pack('!I', 64512 << 16 | 1), 0xc0) +
               attr(32, struct.pack('!III', 64512, 100, 200), 0xc0)))
    c.s(notif(4, 0))


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []
    session(fr, me, peermac)
    mp(fr, me, peermac)
    v6session(fr, me, peermac)
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:3])
