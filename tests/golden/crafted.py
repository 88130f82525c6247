#!/usr/bin/env python3
"""Hand-built frames for edge cases, sent on a veth inside the test netns."""
import struct, socket, sys
from pktgen import *

def ifmac(ifn):
    return open('/sys/class/net/%s/address' % ifn).read().strip()

def main(ifn, peermac, kind='all'):
    me = ifmac(ifn)
    A, B = '10.77.0.1', '10.77.0.2'
    A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
    fr = []
    E4 = lambda p: eth(peermac, me, 0x0800, p)
    E6 = lambda p: eth(peermac, me, 0x86dd, p)
    # --- IPv4 options + TCP with many options
    rr = bytes([7, 11, 4]) + b'\0' * 8          # record route, 2 slots
    ra = bytes([148, 4, 0, 0])                  # router alert
    fr.append(E4(ip4(A, B, 6, tcp(A, B, 40001, 5010, 1000, 0, 0x002,
        opts=bytes([2, 4, 5, 0xb4, 1, 3, 3, 7, 4, 2, 8, 10]) + struct.pack('!II', 111, 0)),
        opts=ra)))
    fr.append(E4(ip4(A, B, 1, icmp4(8, 0, struct.pack('!HH', 77, 1) + b'abcdefgh'), opts=rr + b'\x01\x00\x00\x00'[:1] + b'\0')))
    # all TCP flags, urgent pointer, sack blocks, md5, tfo, unknown, eol
    fr.append(E4(ip4(A, B, 6, tcp(A, B, 40002, 5010, 5000, 9000, 0x0ff,
        opts=bytes([1, 1, 5, 18]) + struct.pack('!IIII', 5100, 5200, 5300, 5400) + bytes([0]),
        data=b'URGENT', urp=3))))
    fr.append(E4(ip4(A, B, 6, tcp(A, B, 40003, 5010, 9000, 0, 0x002,
        opts=bytes([19, 18]) + bytes(range(16)) + bytes([1, 1])))))
    fr.append(E4(ip4(A, B, 6, tcp(A, B, 40004, 5010, 9100, 0, 0x002,
        opts=bytes([34, 10]) + bytes([0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4]) + bytes([34, 2]),
        data=b'tfo-data'))))
    fr.append(E4(ip4(A, B, 6, tcp(A, B, 40005, 5010, 9200, 0, 0x002,
        opts=bytes([99, 6, 1, 2, 3, 4, 254, 6, 0xf9, 0x89, 0xaa, 0xbb, 0]) ))))
    fr.append(E4(ip4(A, B, 6, tcp(A, B, 40006, 5010, 9300, 0, 0x002,
        opts=bytes([3, 3, 14, 8, 10, 1, 2, 3, 4, 5, 6, 7, 8, 27, 8, 1, 2, 3, 4, 5, 6]) ))))
    # MPTCP options: capable (SYN), join (SYN), dss, add-addr, remove-addr, prio, fail, fastclose
    mp = [
        bytes([30, 12, 0x01, 0x81]) + bytes(range(1, 9)),
        bytes([30, 12, 0x10, 0x02]) + struct.pack('!II', 0xabcdef01, 0x11223344),
        bytes([30, 20, 0x20, 0x0f]) + struct.pack('!IIIHH', 0x1000, 0x2000, 0x3000, 100, 0xbeef),
        bytes([30, 16, 0x30, 0x04]) + socket.inet_aton('10.77.0.9') + bytes(8),
        bytes([30, 4, 0x40, 0x05]),
        bytes([30, 3, 0x50]),
        bytes([30, 12, 0x60, 0x00]) + struct.pack('!Q', 12345),
        bytes([30, 12, 0x70, 0x00]) + struct.pack('!Q', 0x0102030405060708),
        bytes([30, 3, 0xf0]),
    ]
    for i, o in enumerate(mp):
        fr.append(E4(ip4(A, B, 6, tcp(A, B, 40100 + i, 5010, 10000 + i, 20000, 0x010 if i > 1 else 0x002, opts=o))))
    # unknown IP protocol, proto 4 (IP in IP), GRE-less
    fr.append(E4(ip4(A, B, 253, b'\x01\x02\x03\x04payload')))
    fr.append(E4(ip4(A, B, 4, ip4('10.80.0.1', '10.80.0.2', 17, udp('10.80.0.1', '10.80.0.2', 9000, 9001, b'inner')))))
    # ICMP: timestamp request, param problem, unknown type, source quench
    fr.append(E4(ip4(A, B, 1, icmp4(13, 0, struct.pack('!HHIII', 5, 1, 1000, 0, 0)))))
    inner = ip4(B, A, 17, udp(B, A, 9000, 9001, b'quoted'))
    fr.append(E4(ip4(A, B, 1, icmp4(12, 0, struct.pack('!BBH', 8, 0, 0) + inner[:28]))))
    fr.append(E4(ip4(A, B, 1, icmp4(42, 7, b'\0\0\0\0abcd'))))
    fr.append(E4(ip4(A, B, 1, icmp4(3, 4, struct.pack('!HH', 0, 1400) + ip4(B, A, 6, tcp(B, A, 5010, 40001, 1, 2, 0x18))[:28]))))
    fr.append(E4(ip4(A, B, 1, icmp4(3, 13, b'\0\0\0\0' + inner[:28]))))
    fr.append(E4(ip4(A, B, 1, icmp4(11, 1, b'\0\0\0\0' + inner[:28]))))
    fr.append(E4(ip4(A, B, 1, icmp4(0, 0, struct.pack('!HH', 9, 9) + b'reply'))))
    # IPv4 fragments by hand (middle + last), TOS/ECN, TTL 1
    fr.append(E4(ip4(A, B, 17, b'\x11' * 32, ident=4242, df=False, frag=0x2000 | 4)))
    fr.append(E4(ip4(A, B, 17, b'\x22' * 16, ident=4242, df=False, frag=8, tos=0xb9, ttl=1)))
    # UDP with zero-length and odd ports
    fr.append(E4(ip4(A, B, 17, udp(A, B, 9000, 9002, b''))))
    # --- IPv6 extension headers
    u6 = udp(A6, B6, 9000, 9003, b'ext hdr payload', v6=True)
    hbh = bytes([60, 0, 5, 2, 0, 0, 1, 0])     # next=dstopts, router alert + padn
    dst = bytes([17, 0, 1, 4, 0, 0, 0, 0])     # next=udp, PadN(4)
    fr.append(E6(ip6(A6, B6, 0, hbh + dst + u6)))
    rh = bytes([17, 2, 0, 1, 0, 0, 0, 0]) + socket.inet_pton(socket.AF_INET6, '2001:db8:77::99')
    fr.append(E6(ip6(A6, B6, 43, rh + u6)))
    fh1 = struct.pack('!BBHI', 17, 0, 0x0001, 0xcafe)
    fh2 = struct.pack('!BBHI', 17, 0, 0x0002 | (16 << 3) >> 0, 0xcafe)
    fr.append(E6(ip6(A6, B6, 44, fh1 + u6[:16])))
    fr.append(E6(ip6(A6, B6, 44, struct.pack('!BBHI', 17, 0, 16, 0xcafe) + u6[16:])))
    fr.append(E6(ip6(A6, B6, 59, b'')))
    fr.append(E6(ip6(A6, B6, 253, b'unknown-next')))
    # --- ICMPv6: RS, RA with options, NS, NA, redirect, too big, time exceeded, param prob, unknown
    ll = 'fe80::1'
    allr, alln = 'ff02::2', 'ff02::1'
    slla = bytes([1, 1]) + mac(me)
    fr.append(eth('33:33:00:00:00:02', me, 0x86dd, ip6(ll, allr, 58, icmp6(ll, allr, 133, 0, b'\0' * 4 + slla), hlim=255)))
    pio = struct.pack('!BBBBIII16s', 3, 4, 64, 0xc0, 86400, 14400, 0, socket.inet_pton(socket.AF_INET6, '2001:db8:77::'))
    mtu = struct.pack('!BBHI', 5, 1, 0, 1500)
    rdnss = struct.pack('!BBHI16s', 25, 3, 0, 600, socket.inet_pton(socket.AF_INET6, '2001:db8:77::53'))
    ra_body = struct.pack('!BBHII', 64, 0x00, 1800, 0, 0) + slla + mtu + pio + rdnss
    fr.append(eth('33:33:00:00:00:01', me, 0x86dd, ip6(ll, alln, 58, icmp6(ll, alln, 134, 0, ra_body), hlim=255)))
    tgt = socket.inet_pton(socket.AF_INET6, '2001:db8:77::2')
    fr.append(E6(ip6(A6, B6, 58, icmp6(A6, B6, 135, 0, b'\0' * 4 + tgt + slla), hlim=255)))
    fr.append(E6(ip6(A6, B6, 58, icmp6(A6, B6, 136, 0, struct.pack('!I', 0xe0000000) + tgt + bytes([2, 1]) + mac(me)), hlim=255)))
    rd = b'\0' * 4 + socket.inet_pton(socket.AF_INET6, 'fe80::7') + socket.inet_pton(socket.AF_INET6, '2001:db8:99::1')
    fr.append(E6(ip6(A6, B6, 58, icmp6(A6, B6, 137, 0, rd + slla), hlim=255)))
    q6 = ip6(B6, A6, 17, udp(B6, A6, 9000, 9001, b'quoted6', v6=True))
    fr.append(E6(ip6(A6, B6, 58, icmp6(A6, B6, 2, 0, struct.pack('!I', 1280) + q6))))
    fr.append(E6(ip6(A6, B6, 58, icmp6(A6, B6, 3, 0, b'\0' * 4 + q6))))
    fr.append(E6(ip6(A6, B6, 58, icmp6(A6, B6, 4, 1, struct.pack('!I', 6) + q6))))
    fr.append(E6(ip6(A6, B6, 58, icmp6(A6, B6, 1, 3, b'\0' * 4 + q6))))
    fr.append(E6(ip6(A6, B6, 58, icmp6(A6, B6, 200, 0, b'\0' * 4))))
    fr.append(E6(ip6(A6, B6, 58, icmp6(A6, B6, 129, 0, struct.pack('!HH', 0x55, 3) + b'pong'))))
    # --- link layer: RARP, ARP reply, unknown ethertype, IPv6 TCP with options
    arp = lambda op, sha, spa, tha, tpa: struct.pack('!HHBBH6s4s6s4s', 1, 0x0800, 6, 4, op,
                                                   mac(sha), socket.inet_aton(spa), mac(tha), socket.inet_aton(tpa))
    fr.append(eth('ff:ff:ff:ff:ff:ff', me, 0x8035, arp(3, me, '0.0.0.0', me, '0.0.0.0')))
    fr.append(eth(peermac, me, 0x8035, arp(4, me, '10.77.0.1', peermac, '10.77.0.2')))
    fr.append(eth(peermac, me, 0x0806, arp(2, me, '10.77.0.1', peermac, '10.77.0.2')))
    fr.append(eth(peermac, me, 0x0806, arp(9, me, '10.77.0.1', peermac, '10.77.0.2')))
    fr.append(eth(peermac, me, 0x88b5, b'local experimental ethertype payload'))
    fr.append(E6(ip6(A6, B6, 6, tcp(A6, B6, 40200, 5010, 1, 0, 0x002, v6=True,
        opts=bytes([2, 4, 0x05, 0xa0, 4, 2, 8, 10]) + struct.pack('!II', 5, 0) + bytes([1, 3, 3, 9])))))
    send_frames(ifn, fr)


def vlan(ifn, peermac):
    me = ifmac(ifn)
    A, B = '10.78.0.1', '10.78.0.2'
    fr = []
    tag = lambda vid, et, p, pcp=0, tpid=0x8100: struct.pack('!HH', pcp << 13 | vid, et) + p
    arpq = struct.pack('!HHBBH6s4s6s4s', 1, 0x0800, 6, 4, 1, mac(me), socket.inet_aton(A), b'\0' * 6, socket.inet_aton(B))
    fr.append(eth('ff:ff:ff:ff:ff:ff', me, 0x8100, tag(100, 0x0806, arpq)))
    icmp = ip4(A, B, 1, icmp4(8, 0, struct.pack('!HH', 0x99, 1) + b'vlan ping'))
    fr.append(eth(peermac, me, 0x8100, tag(100, 0x0800, icmp, pcp=5)))
    t = ip4(A, B, 6, tcp(A, B, 40300, 5004, 555, 0, 0x002, opts=bytes([2, 4, 5, 0xb4, 1, 1, 4, 2])))
    fr.append(eth(peermac, me, 0x8100, tag(200, 0x0800, t)))
    u6 = ip6('2001:db8:78::1', '2001:db8:78::2', 17,
             udp('2001:db8:78::1', '2001:db8:78::2', 9000, 9001, b'vlan6', v6=True))
    fr.append(eth(peermac, me, 0x8100, tag(100, 0x86dd, u6)))
    # QinQ: 802.1ad outer, 802.1Q inner
    fr.append(eth(peermac, me, 0x88a8, tag(10, 0x8100, tag(100, 0x0800, icmp))))
    fr.append(eth(peermac, me, 0x8100, tag(300, 0x88b5, b'unknown inside vlan')))
    send_frames(ifn, fr)


def llc(ifn, peermac):
    """802.3 frames with 802.2 LLC: spanning tree, SNAP, unknown SAPs in the
    three control formats, XID/TEST, and Novell IPX (raw and 802.2)."""
    me = ifmac(ifn)
    A, B = '10.77.0.1', '10.77.0.2'
    fr = []
    # length field = LLC bytes; pad short frames to 60 bytes as NICs do
    def e3(p, pad=True, lt=None):
        f = eth(peermac, me, len(p) if lt is None else lt, p)
        return f + b'\0' * (60 - len(f)) if pad and len(f) < 60 else f
    ui = lambda sap, p: bytes([sap, sap, 0x03]) + p
    bid = lambda prio, m: struct.pack('!H', prio) + mac(m)
    def bpdu(ver, typ, flags, root, cost, bridge, port, age=0, maxage=20, hello=2, fwd=15):
        return struct.pack('!HBBB8sI8sHHHHH', 0, ver, typ, flags, root, cost, bridge, port,
                           age * 256, maxage * 256, hello * 256, fwd * 256)
    r1, b2 = bid(0x8000, '02:00:00:00:00:0a'), bid(0x8000, '02:00:00:00:00:0b')
    # --- spanning tree: config (as a Linux bridge sends it), with TC and
    #     TC-ack flags, a TCN, RSTP, MSTP with two MSTIs, SPB
    fr.append(e3(ui(0x42, bpdu(0, 0, 0, r1, 0, r1, 0x8001))))
    fr.append(e3(ui(0x42, bpdu(0, 0, 0x81, r1, 100, b2, 0x8002, age=1))))
    fr.append(e3(ui(0x42, struct.pack('!HBB', 0, 0, 0x80))))
    rstp = bpdu(2, 2, 0x7e, bid(0x1000, '02:00:00:00:00:01'), 2000, b2, 0x8003) + b'\0'
    fr.append(e3(ui(0x42, rstp)))
    fr.append(e3(ui(0x42, bpdu(2, 2, 0x04, r1, 4, b2, 0x8004, age=3) + b'\0')))
    def mstp(ver, mstis, name=b'region1', tail=b''):
        v3 = (bytes([0]) + name.ljust(32, b'\0') + struct.pack('!H', 7) + bytes(range(16)) +
              struct.pack('!I', 20000) + bid(0x8000, '02:00:00:00:00:0b') + bytes([20]))
        for i, (fl, inst) in enumerate(mstis):
            v3 += (bytes([fl]) + bid(0x8000 | inst, '02:00:00:00:00:0a') +
                   struct.pack('!IBBB', 200 * (i + 1), 0x80, 0x90, 19 - i))
        return (bpdu(ver, 2, 0x3d, r1, 0, r1, 0x8005) + b'\0' +
                struct.pack('!H', len(v3)) + v3 + tail)
    fr.append(e3(ui(0x42, mstp(3, [(0x3c, 1), (0x5e, 2)]))))
    fr.append(e3(ui(0x42, mstp(3, [], name=b'Region\x01\xe9-full-width-name-32chars'))))
    spb = (bytes([0]) + b'aux'.ljust(32, b'\0') + struct.pack('!H', 3) + bytes(range(16, 32)) +
           bytes([0xdc, 0, 0x21, 0x43]) + struct.pack('!H', 5) + bytes(8) + bytes(range(20)))
    fr.append(e3(ui(0x42, mstp(4, [], tail=struct.pack('!H', len(spb)) + spb))))
    # odd BPDUs: unknown version, unknown protocol id, unknown type, too short
    fr.append(e3(ui(0x42, bpdu(1, 0, 0, r1, 0, r1, 0x8001))))
    fr.append(e3(ui(0x42, struct.pack('!HBB', 1, 0, 0))))
    fr.append(e3(ui(0x42, struct.pack('!HBB', 0, 0, 0x33) + bytes(8))))
    fr.append(e3(ui(0x42, bpdu(0, 0, 0, r1, 0, r1, 0x8001)[:20])))
    fr.append(e3(ui(0x42, b'\0\0')))
    # a BPDU in an 802.1Q tag, and a PVST+ one (Cisco SNAP)
    fr.append(eth(peermac, me, 0x8100, struct.pack('!HH', 1, 38) + ui(0x42, bpdu(0, 0, 1, r1, 0, r1, 0x8001))))
    snap = lambda oui, pid, p: bytes([0xaa, 0xaa, 0x03]) + struct.pack('!I', oui)[1:] + struct.pack('!H', pid) + p
    fr.append(e3(snap(0x00000c, 0x010b, rstp + struct.pack('!HHH', 0, 2, 1))))
    # --- SNAP: encapsulated IPv4 and ARP, unknown ethertype, Cisco's
    #     unknown pid, bridged Ethernet (RFC 2684), a BPDU, unknown OUI
    u = ip4(A, B, 17, udp(A, B, 9000, 9004, b'snap datagram'))
    fr.append(e3(snap(0, 0x0800, u)))
    arpq = struct.pack('!HHBBH6s4s6s4s', 1, 0x0800, 6, 4, 1, mac(me), socket.inet_aton(A), b'\0' * 6, socket.inet_aton(B))
    fr.append(e3(snap(0, 0x0806, arpq)))
    fr.append(e3(snap(0, 0x88b5, b'experimental')))
    fr.append(e3(snap(0x0000f8, 0x0800, u)))
    fr.append(e3(snap(0x00000c, 0x0102, b'cisco something')))
    inner = eth(peermac, me, 0x0800, ip4(A, B, 1, icmp4(8, 0, struct.pack('!HH', 0x42, 1) + b'bridged')))
    fr.append(e3(snap(0x0080c2, 0x0007, b'\0\0' + inner)))
    fr.append(e3(snap(0x0080c2, 0x000e, bpdu(0, 0, 0, r1, 0, r1, 0x8001))))
    fr.append(e3(snap(0x123456, 0x0001, b'who knows')))
    fr.append(e3(b'\xaa\xaa\x03\x00\x00'))
    # --- IP over LLC (SAP 6), NetBEUI
    fr.append(e3(ui(0x06, u)))
    fr.append(e3(ui(0xf0, b'\xff\xefnetbios name')))
    # --- unknown SAPs: U (UA with poll, SABME, DM final), I, S, TEST, XID
    fr.append(e3(bytes([0x10, 0x10, 0x73]) + b'unnumbered'))
    fr.append(e3(bytes([0x20, 0x31, 0x7f])))
    fr.append(e3(bytes([0x21, 0x31, 0x1f, 0x99])))
    fr.append(e3(bytes([0x04, 0x04, 5 << 1, 3 << 1 | 1]) + b'information frame data'))
    fr.append(e3(bytes([0x04, 0x05, 0x7f << 1, 0x7f << 1]) + b'i'))
    fr.append(e3(bytes([0x04, 0x05, 0x01, 7 << 1 | 1])))
    fr.append(e3(bytes([0x04, 0x04, 0x05, 1 << 1])))
    fr.append(e3(bytes([0x04, 0x04, 0x09, 2 << 1 | 1])))
    fr.append(e3(bytes([0x04, 0x04, 0x0d, 0])))
    fr.append(e3(bytes([0x00, 0x00, 0xf3]) + b'test payload'))
    fr.append(e3(bytes([0x00, 0x01, 0xe3]) + b'test answer'))
    fr.append(e3(bytes([0x00, 0x00, 0xbf, 0x81, 0x01, 0x00])))
    fr.append(e3(bytes([0x00, 0x01, 0xaf])))
    fr.append(e3(bytes([0x08, 0x08, 0xaf, 0x82, 0x01, 0x02, 0x03])))
    fr.append(e3(bytes([0x08, 0x08, 0xaf, 0x81, 0x01]), pad=False))
    fr.append(e3(bytes([0x42, 0x42, 0x13]) + b'ui with poll'))
    # --- lengths: larger than the frame, zero, too short for the header
    fr.append(e3(bytes([0x10, 0x10, 0x03]) + b'longer', pad=False, lt=1000))
    fr.append(e3(b'', pad=False))
    fr.append(e3(b'\x10\x10', pad=False))
    fr.append(e3(bytes([0x10, 0x10, 0x00]), pad=False))
    fr.append(e3(bytes([0x10, 0x10, 0x00]) + b'trailing', lt=3))
    # --- Novell IPX: raw 802.3 (0xffff) and 802.2 (SAP 0xe0)
    def ipx(dskt, sskt, data, dnet=0, dnode='ff:ff:ff:ff:ff:ff', length=None):
        n = 30 + len(data) if length is None else length
        return (struct.pack('!HHBBI6sHI6sH', 0xffff, n, 0, 4, dnet, mac(dnode), dskt,
                            0x0000000a, mac(me), sskt) + data)
    fr.append(e3(ipx(0x0452, 0x4001, struct.pack('!HH', 1, 4))))
    fr.append(e3(ipx(0x0452, 0x4001, struct.pack('!HH', 3, 0x0278))))
    sapent = struct.pack('!H', 4) + b'FILESERVER1'.ljust(48, b'\0') + struct.pack('!I6sHH', 0x0a, mac(me), 0x0451, 1)
    fr.append(e3(ipx(0x0452, 0x0452, struct.pack('!H', 2) + sapent + sapent[:2] + b'PRINTSRV'.ljust(48, b'\0') + sapent[50:])))
    fr.append(e3(ipx(0x0452, 0x0452, struct.pack('!H', 9))))
    fr.append(e3(ipx(0x0453, 0x0453, struct.pack('!HIHH', 1, 0xffffffff, 0xffff, 0xffff))))
    fr.append(e3(ipx(0x0453, 0x0453, struct.pack('!HIHHIHH', 2, 0x0a, 1, 2, 0x0b, 3, 4))))
    fr.append(e3(ipx(0x0453, 0x0453, struct.pack('!HI', 2, 0x0a))))
    for skt in (0x0451, 0x0455, 0x0456, 0x0553, 0x4000):
        fr.append(e3(ipx(skt, 0x4002, b'payload', dnet=0x0b, dnode=peermac)))
    fr.append(e3(ipx(0x4000, 0x4002, b'', length=20)))
    fr.append(e3(ui(0xe0, ipx(0x0453, 0x0453, struct.pack('!HIHH', 1, 0x0a, 0xffff, 0xffff)))))
    fr.append(e3(ui(0xe0, ipx(0x0452, 0x4003, struct.pack('!HH', 1, 0xffff)))))
    send_frames(ifn, fr)


def lldp(ifn, peermac):
    """LLDP (ethertype 0x88cc) to the nearest-bridge group address: a switch's
    and a host's announcements, every basic TLV and chassis/port subtype,
    management addresses, the IEEE 802.1, 802.3, IANA, TIA LLDP-MED and DCBX
    organisation TLVs, and broken lengths."""
    me = ifmac(ifn)
    fr = []
    def t(typ, v, ln=None):
        return struct.pack('!H', typ << 9 | (len(v) if ln is None else ln)) + v
    org = lambda oui, st, v: t(127, struct.pack('!I', oui)[1:] + bytes([st]) + v)
    end = t(0, b'')
    def f(p, pad=True):
        e = eth('01:80:c2:00:00:0e', me, 0x88cc, p)
        return e + b'\0' * (60 - len(e)) if pad and len(e) < 60 else e
    ids = t(1, b'\x04' + mac(me)) + t(2, b'\x05va') + t(3, b'\x00\x78')
    D1, D3, IANA, TIA, DCBX = 0x0080c2, 0x00120f, 0x00005e, 0x0012bb, 0x001b21
    # --- a switch port and a Linux host (lldpd-like), with -v details
    fr.append(f(t(1, b'\x04' + mac('02:00:00:00:00:01')) + t(2, b'\x05Gi1/0/1') + t(3, b'\x00\x78') +
                t(4, b'GigabitEthernet1/0/1') + t(5, b'core-sw-01') +
                t(6, b'Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M)') +
                t(7, b'\x00\x14\x00\x04') + t(8, b'\x05\x01' + socket.inet_aton('10.77.0.254') + b'\x02\x00\x00\x00\x01\x00') +
                org(D1, 1, b'\x00\x01') + org(D1, 3, b'\x00\x01\x07default') +
                org(D3, 1, b'\x03\x6c\x03\x00\x1e') + org(D3, 4, b'\x05\xee') + end))
    fr.append(f(ids + t(5, b'host-a') + t(6, b'Debian GNU/Linux 12 (bookworm) Linux 6.1.0 x86_64') +
                t(7, b'\x00\x9c\x00\x80') +
                t(8, b'\x05\x01' + socket.inet_aton('10.77.0.1') + b'\x02\x00\x00\x10\x92\x00') +
                t(8, b'\x11\x02' + socket.inet_pton(socket.AF_INET6, '2001:db8:77::1') + b'\x03\x00\x00\x00\x02' +
                  b'\x08\x2b\x06\x01\x04\x01\x81\x7d\x01') +
                t(8, b'\x07\x06' + mac(me) + b'\x09\x00\x00\x00\x00') +
                org(D3, 1, b'\x03\x6c\x01\x00\x10') + t(4, b'veth \x01\x80\xff') + end))
    # --- chassis and port ID subtypes
    for st, v in [(1, b'chassis-1'), (2, b'alias'), (3, b'backplane'), (5, b'\x01' + socket.inet_aton('10.77.0.1')),
                  (5, b'\x02' + socket.inet_pton(socket.AF_INET6, '2001:db8:77::1')), (5, b'\x06' + mac(me)),
                  (5, b'\x03\x01\x02\x03'), (6, b'va'), (7, b'local\x00pad'), (8, b'reserved'), (0, b'zero')]:
        fr.append(f(t(1, bytes([st]) + v) + t(3, b'\x00\x10') + end))
    for st, v in [(1, b'alias'), (2, b'pc'), (3, mac(me)), (4, b'\x01' + socket.inet_aton('10.77.0.2')),
                  (4, b'\x02\x00'), (6, b'circuit'), (7, b'port 7'), (9, b'??')]:
        fr.append(f(t(1, b'\x07c') + t(2, bytes([st]) + v) + end))
    # --- IEEE 802.1
    for st, v in [(2, b'\x06\x00\x64'), (2, b'\x00\x00\x65'), (3, b'\x00\x0a\x09ab'), (4, b'\x04\x88\x8e\x00\x01'),
                  (7, b'\x03\x00\x00\x00\x05'), (8, b'\xa5\x0f'), (9, b'\xc5' + bytes([0x01, 0x23, 0x45, 0x67]) +
                  bytes([10, 20, 30, 40, 0, 0, 0, 0]) + bytes([2, 2, 2, 2, 0, 0, 0, 255])),
                  (10, b'\x00' + bytes([0x76, 0x54, 0x32, 0x10]) + bytes([25] * 4 + [0] * 4) + bytes([0, 1, 2, 3, 4, 5, 6, 7])),
                  (11, b'\xd3\x81'), (12, b'\x00\x61\x12\x34\x83\x00\x50'), (12, b'\x00\x61\x12'),
                  (13, b'\xff\xaa\x55\xe7\x3c'), (14, b'\xb8\x00\x0f\xff\x12\x34\x56\xab\xcd\xef'),
                  (14, b'\x80\x00\x00\x01\x12'), (1, b'\x00'), (5, b'unknown subtype')]:
        fr.append(f(t(1, b'\x07c') + org(D1, st, v) + end))
    # --- IEEE 802.3
    for st, v in [(1, b'\x00\x00\x00\x00\x63'), (1, b'\x02\x80\x00\x00\x00'), (2, b'\x0f\x01\x02'), (2, b'\x00\x09\x09'),
                  (3, b'\x01\x00\x00\x00\x07'), (4, b'\x05'), (7, b'xx')]:
        fr.append(f(t(1, b'\x07c') + org(D3, st, v) + end))
    # --- IANA MUD-URL, TIA LLDP-MED
    fr.append(f(t(1, b'\x07c') + org(IANA, 1, b'https://example.com/mud/host-a') + org(IANA, 1, b'abc') +
                org(IANA, 2, b'other') + end))
    for st, v in [(1, b'\x00\x33\x03'), (1, b'\x00\x00\x09'), (2, b'\x01\x40\x64\xb8'), (2, b'\x09\xe0\x00\x00'),
                  (3, b'\x01' + bytes([0x28, 0x12, 0x34, 0x56, 0x78, 0xfb, 0x87, 0x65, 0x43, 0x21, 0x11, 0x00, 0x00,
                                       0x12, 0x34, 0x01])),
                  (3, b'\x02\x12\x02DE\x01\x03Bay\x06\x04Main\x13\x01x'), (3, b'\x02\x08\x02US\x01\x00\x00'),
                  (3, b'\x03911555'), (3, b'\x07\x01\x02\x03'),
                  (4, b'\x51\x00\x7f'), (4, b'\x92\x04\x00'), (4, b'\x63\x03\xff'),
                  (5, b'hw1.0'), (6, b'fw 2.3'), (7, b'sw'), (8, b'SN123'), (9, b'ACME'), (10, b'Model'),
                  (11, b'Asset\x00x'), (12, b'zz')]:
        fr.append(f(t(1, b'\x07c') + org(TIA, st, v) + end))
    # --- DCBX: the old revision, and 1.01 with every feature TLV
    fr.append(f(t(1, b'\x07c') + org(DCBX, 1, b'\x01\x02abc') + end))
    fr.append(f(t(1, b'\x07c') + org(DCBX, 2,
        t(1, b'\x00\x00\x00\x00\x00\x05\x00\x00\x00\x04') +
        t(2, b'\x00\x00\xe0\x00\x01\x23\x45\x67' + bytes([10, 20, 30, 40, 0, 0, 0, 0]) + b'\x08') +
        t(3, b'\x00\x00\x40\x00\x09\x08') +
        t(4, b'\x00\x00\x80\x00' + b'\x89\x06\x40\x1b\x21\x08' + b'\x0c\xbc\x00\x00\x00\x10') +
        t(5, b'\x01\x02') + t(1, b'\x00')) + end))
    fr.append(f(t(1, b'\x07c') + org(DCBX, 2, t(3, b'\x00\x00\x00\x00\x09\x08') + t(3, b'\x00', 20)) + end))
    # --- unknown OUIs, unknown and broken TLVs
    fr.append(f(t(1, b'\x07c') + org(0x123456, 1, b'unknown oui') + org(0x00000c, 1, b'cisco') + end))
    fr.append(f(t(1, b'\x07c') + t(127, b'\x00\x80') + end))
    fr.append(f(t(9, b'abcdef') + t(50, b'') + t(5, b'never')))
    fr.append(f(ids + t(5, b'short', 100) + end))
    fr.append(f(t(3, b'\x01') + end))
    fr.append(f(t(7, b'\x00\x01\x00') + end))
    fr.append(f(t(8, b'\x07\x02' + bytes(6)) + end))
    fr.append(f(t(8, b'\x03\x09ab' + b'\x02\x00\x00\x01\x00' + b'\x05ab') + end))
    fr.append(f(ids + t(5, b'no-end-tlv', ), pad=False))
    fr.append(f(b'\x02', pad=False))
    send_frames(ifn, fr)


def cdp_frames(me):
    """CDP frames: 802.3 + LLC/SNAP (OUI 0x00000c, PID 0x2000) to the CDP
    multicast address."""
    fr = []
    def f(p, pad=True):
        p = bytes([0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x20, 0x00]) + p
        e = eth('01:00:0c:cc:cc:cc', me, len(p), p)
        return e + b'\0' * (60 - len(e)) if pad and len(e) < 60 else e
    def t(typ, v, ln=None):
        return struct.pack('!HH', typ, len(v) + 4 if ln is None else ln) + v
    def cdp(tlvs, ver=2, ttl=180):
        h = struct.pack('!BBH', ver, ttl, 0) + tlvs
        return struct.pack('!BBH', ver, ttl, csum(h)) + tlvs
    ip4a = lambda a: b'\x01\x01\xcc\x00\x04' + socket.inet_aton(a)
    ip6a = lambda a: (b'\x02\x08\xaa\xaa\x03\x00\x00\x00\x86\xdd\x00\x10' +
                      socket.inet_pton(socket.AF_INET6, a))
    addrs = lambda *a: struct.pack('!I', len(a)) + b''.join(a)
    ver = (b'Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.0(2)SE11\n'
           b'Technical Support: http://www.cisco.com/techsupport\nCopyright (c) 1986-2017 by Cisco Systems, Inc.')
    # --- a switch's CDPv2 announcement, as a Catalyst sends it
    fr.append(f(cdp(t(1, b'core-sw-01.example.com') + t(2, addrs(ip4a('10.77.0.254'))) +
                    t(3, b'GigabitEthernet1/0/1') + t(4, b'\x00\x00\x00\x28') + t(5, ver) +
                    t(6, b'cisco WS-C2960-24TT-L') +
                    t(8, b'\x00\x00\x0c\x01\x12\x00\x00\x00\x00\xff\xff\xff\xff\x01\x02\x21\xff') +
                    t(9, b'LAB') + t(10, b'\x00\x01') + t(11, b'\x01') + t(18, b'\x00') + t(19, b'\x00') +
                    t(22, addrs(ip4a('10.77.0.254'))))))
    # --- CDPv1 from a router: prefixes, IPv6, several addresses
    fr.append(f(cdp(t(1, b'rtr1') + t(2, addrs(ip4a('10.77.0.1'), ip6a('2001:db8:77::1'),
                                              ip6a('fe80::1'))) +
                    t(3, b'Ethernet0') + t(4, b'\x00\x00\x00\x01') + t(5, b'IOS\n\nline3\n') +
                    t(6, b'cisco 2611') + t(7, b'\x0a\x4d\x00\x00\x18\xc0\xa8\x01\x00\x18'),
                    ver=1, ttl=60)))
    # --- the remaining types: ATA-186, power, MTU, system name/OID,
    #     location, unnamed and unknown types
    fr.append(f(cdp(t(1, b'SEP001122334455') + t(14, b'\x01\x00\x64') + t(15, b'\x20\x00') +
                    t(15, b'\x01\x00\x65') + t(16, b'\x19') + t(16, b'\x1a\x90') + t(16, b'\x01\x86\xa0') +
                    t(17, b'\x00\x00\x05\xdc') + t(20, b'sysname\x00x') +
                    t(21, b'\x06\x08\x2b\x06\x01\x04\x01\x09\x01\x01') + t(23, b'\x01') +
                    t(23, b'\x02Building 1, \xe9tage 2\x01') + t(0, b'zero') + t(12, b'twelve') +
                    t(13, b'') + t(24, b'\x01\x02\x03') + t(0x1234, b'unknown type'))))
    # --- capabilities, duplex, VLAN
    fr.append(f(cdp(t(1, b'sw2') + t(4, b'\x00\x00\x00\x00') + t(4, b'\xff\xff\xff\xff') +
                    t(11, b'\x00') + t(10, b'\x0f\xff'))))
    # --- addresses: unknown protocols, short, stray data, count too large
    fr.append(f(cdp(t(1, b'a') + t(2, addrs(b'\x01\x01\x81\x00\x04\x0a\x00\x00\x01',
                                            b'\x05\x03\x01\x02\x03\x00\x02\xab\xcd',
                                            b'\x02\x08\xaa\xaa\x03\x00\x00\x00\x08\x00\x00\x04\x01\x02\x03\x04',
                                            b'\x01\x01\xcc\x00\x00')))))
    fr.append(f(cdp(t(1, b'b') + t(2, b'\x00\x00') + t(22, b'\x00\x00\x00') + t(2, b'') +
                    t(2, addrs() + b'xyz') + t(2, b'\x00\x00\x00\x02' + ip4a('10.0.0.1')) +
                    t(2, b'\x00\x00\x00\x01\x01') + t(2, b'\x00\x00\x00\x01\x01\x01\xcc\x00') +
                    t(2, b'\x00\x00\x00\x01\x01\x01\xcc\x00\x04\x0a\x00') +
                    t(2, b'\x00\x00\x00\x01\x01\x02\xcc\x00\x00\x03\x0a\x00'))))
    # --- prefixes of a bad length, malformed fixed-size TLVs
    fr.append(f(cdp(t(1, b'c') + t(7, b'\x0a\x00\x00\x00') + t(7, b'') + t(4, b'\x01') +
                    t(10, b'\x00\x01\x02') + t(11, b'') + t(14, b'\x01\x02') + t(15, b'\x01') +
                    t(16, b'') + t(16, b'\x01\x02\x03\x04') + t(17, b'\x01') + t(18, b'\x01\x02') +
                    t(19, b'') + t(23, b''))))
    # --- text with control and high bytes, an empty Device-ID, no Device-ID
    fr.append(f(cdp(t(1, b'') + t(3, b'port\x01\x7f\xff') + t(6, b'\x00plat'))))
    fr.append(f(cdp(t(3, b'Fa0/1') + t(6, b'x'), ver=3, ttl=0)))
    fr.append(f(cdp(b'')))
    # --- broken TLV lengths: too short, past the end, a TLV header cut
    fr.append(f(cdp(t(1, b'd') + t(3, b'', 3))))
    fr.append(f(cdp(t(1, b'e') + t(0x99, b'', 1))))
    fr.append(f(cdp(t(1, b'f') + t(6, b'longer', 40))))
    fr.append(f(cdp(t(1, b'g') + b'\x00\x03'), pad=False))
    fr.append(f(b'\x02\xb4\x00', pad=False))
    fr.append(f(b'', pad=False))
    # --- an 802.3 length shorter than the CDP data
    p = bytes([0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x20, 0x00]) + cdp(t(1, b'switch-h') + t(6, b'platform'))
    fr.append(eth('01:00:0c:cc:cc:cc', me, len(p) - 10, p))
    return fr


def cdp(ifn, peermac):
    """Cisco Discovery Protocol (SNAP OUI 0x00000c, PID 0x2000) to the peer:
    CDPv1 and v2 announcements, every TLV type tcpdump decodes, IPv4, IPv6
    and unknown addresses, unnamed and unknown types, broken lengths."""
    me = ifmac(ifn)
    fr = cdp_frames(me)
    # the peer's MAC, not the CDP multicast one, so the frames arrive
    fr = [mac(peermac) + x[6:] for x in fr]
    send_frames(ifn, fr)


def cisco_frames(me):
    """VTP, DTP and UDLD frames: 802.3 + LLC/SNAP, OUI 0x00000c, PIDs
    0x2003, 0x2004 and 0x0111, to the Cisco multicast address."""
    fr = []
    def f(pid, p, pad=True):
        p = bytes([0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c]) + struct.pack('!H', pid) + p
        e = eth('01:00:0c:cc:cc:cc', me, len(p), p)
        return e + b'\0' * (60 - len(e)) if pad and len(e) < 60 else e
    def t(typ, v, ln=None):
        return struct.pack('!HH', typ, len(v) + 4 if ln is None else ln) + v
    def hdr(ver, code, b2, dom, dlen=None):
        return bytes([ver, code, b2, len(dom) if dlen is None else dlen]) + dom.ljust(32, b'\0')
    def vlan(status, typ, vid, mtu, said, name, tlvs=b''):
        body = (struct.pack('!BBBHHI', status, typ, len(name), vid, mtu, said) +
                name + b'\0' * (-len(name) % 4) + tlvs)
        return bytes([len(body) + 1]) + body
    def vt(typ, val, words=1):
        return bytes([typ, words]) + (struct.pack('!H', val) if words == 1 else bytes(2 * words))
    vtp, dtp, udld = (lambda p, pad=True: f(0x2003, p, pad)), (lambda p, pad=True: f(0x2004, p, pad)), \
        (lambda p, pad=True: f(0x0111, p, pad))
    # --- VTP summary advertisements, a subset with VLAN info records and
    #     every VLAN TLV, an advertisement request, a join, an unknown type
    fr.append(vtp(hdr(1, 1, 1, b'corp') + struct.pack('!I', 5) + socket.inet_aton('10.77.0.254') +
                  b'930301000000' + bytes(range(16))))
    fr.append(vtp(hdr(2, 1, 0, b'x' * 32) + struct.pack('!I', 0xabcdef) + socket.inet_aton('192.168.1.2') +
                  b'\x01' * 12 + bytes(16)))
    tl = b''.join(vt(a, b) for a, b in [(1, 5), (2, 6), (3, 1), (3, 2), (3, 3), (3, 9), (4, 7), (5, 8),
                                        (6, 1), (6, 0), (7, 1), (7, 0), (8, 7), (9, 7), (10, 1),
                                        (10, 0), (0x33, 4)])
    fr.append(vtp(hdr(1, 2, 1, b'corp') + struct.pack('!I', 5) +
                  vlan(0, 1, 1, 1500, 100001, b'default') +
                  vlan(1, 2, 1002, 1500, 101002, b'fddi-default', tl) +
                  vlan(0, 5, 1005, 4472, 0x1234, b'trbrf-default', vt(3, 1)) +
                  vlan(7, 9, 1, 1, 1, b'n\x01\xffm')))
    fr.append(vtp(hdr(1, 2, 1, b'corp') + struct.pack('!I', 5) + vlan(0, 1, 1, 1500, 1, b'') + bytes(4)))
    fr.append(vtp(hdr(1, 3, 0, b'corp') + struct.pack('!I', 1)))
    fr.append(vtp(hdr(1, 4, 0, b'corp') + bytes(20)))
    fr.append(vtp(hdr(3, 9, 0, b'corp') + bytes(8)))
    # --- VTP broken: TLV lengths, a short record, name past the record,
    #     bad domain lengths, a short header, none at all, text bytes
    for x in (vt(3, 0, 2), bytes([3, 3, 0, 1]), bytes([3])):
        fr.append(vtp(hdr(1, 2, 1, b'corp') + struct.pack('!I', 5) + vlan(0, 1, 1, 1500, 1, b'ab', x)))
    fr.append(vtp(hdr(1, 2, 1, b'corp') + struct.pack('!I', 5) + bytes([8, 0, 1, 0, 0, 1, 0, 1])))
    fr.append(vtp(hdr(1, 2, 1, b'corp') + struct.pack('!I', 5) +
                  bytes([16, 0, 1, 9, 0, 1, 0, 1, 0, 0, 0, 1, 97, 0, 0, 0])))
    fr.append(vtp(hdr(1, 1, 0, b'corp', 0) + bytes(40)))
    fr.append(vtp(hdr(1, 1, 0, b'corp', 33) + bytes(40)))
    fr.append(vtp(hdr(1, 1, 0, b'co\x01\xffp')))
    fr.append(vtp(bytes(20)))
    fr.append(vtp(b'', pad=False))
    fr.append(vtp(hdr(1, 1, 1, b'corp') + struct.pack('!I', 5), pad=False))
    # --- DTP: every TLV and an unknown one; padding; broken lengths
    fr.append(dtp(b'\x01' + t(1, b'corp\0\0') + t(2, b'\x03') + t(3, b'\xa5') +
                  t(4, bytes.fromhex('02000000000a')) + t(9, b'zz')))
    fr.append(dtp(b'\x01' + t(1, b'') + struct.pack('!HH', 0, 0) + b'junk'))
    fr.append(dtp(b'', pad=False))
    fr.append(dtp(b'\x02', pad=False))
    for x in (t(2, b'\x03\x04'), t(4, b'\x03\x04'), struct.pack('!HH', 1, 2) + b'ab',
              struct.pack('!HH', 1, 50) + b'ab', t(3, b'\x01') + b'ab'):
        fr.append(dtp(b'\x01' + x, pad=False))
    # --- UDLD: every opcode and flag, every TLV and an unknown one
    tl = (t(1, b'FOC1234') + t(2, b'Gi0/1') + t(3, b'\x00\x00\x00\x01\x00\x07FOC\x01\xff') +
          t(4, b'\x07') + t(5, b'\x05') + t(6, b'sw1\0x') + t(7, b'\0\0\1\2') + t(0x99, b'q'))
    for op, fl in ((0, 0), (1, 1), (2, 2), (3, 3), (4, 0xfc), (5, 0x81)):
        fr.append(udld(bytes([0x20 | op, fl]) + b'\x12\x34' + tl))
    # --- UDLD broken: no data, a short header, TLV lengths
    for x in (b'', b'\x21\x00\x00', b'\x21\x00\x00\x00\x00',
              b'\x21\x00\x00\x00' + struct.pack('!HH', 1, 4),
              b'\x21\x00\x00\x00' + struct.pack('!HH', 1, 40) + b'abc',
              b'\x21\x00\x00\x00' + t(4, b'\x01\x02'), b'\x21\x00\x00\x00' + t(7, b'\x01\x02'),
              b'\xe1\x00\x00\x00' + t(7, b'\x01\x02\x03\x04') + b'\x00'):
        fr.append(udld(x, pad=False))
    # --- an 802.3 length shorter than the UDLD data
    p = bytes([0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x01, 0x11, 0x21, 0x01, 0, 0]) + t(1, b'FOC-short-len')
    fr.append(eth('01:00:0c:cc:cc:cc', me, len(p) - 6, p))
    return fr


def cisco(ifn, peermac):
    """Cisco VTP, DTP and UDLD (SNAP OUI 0x00000c) to the peer: every
    message, TLV and opcode tcpdump decodes, unknown types, broken lengths."""
    me = ifmac(ifn)
    fr = [mac(peermac) + x[6:] for x in cisco_frames(me)]
    send_frames(ifn, fr)


if __name__ == '__main__':
    if sys.argv[1] == 'vlan':
        vlan(*sys.argv[2:])
    elif sys.argv[1] == 'llc':
        llc(*sys.argv[2:])
    elif sys.argv[1] == 'lldp':
        lldp(*sys.argv[2:])
    elif sys.argv[1] == 'cdp':
        cdp(*sys.argv[2:])
    elif sys.argv[1] == 'cisco':
        cisco(*sys.argv[2:])
    else:
        main(*sys.argv[1:])
