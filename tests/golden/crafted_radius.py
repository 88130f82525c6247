#!/usr/bin/env python3
"""RADIUS (RFC 2865/2866, tunnels RFC 2867/2868, extensions RFC 2869, IPv6
RFC 3162, VLANs RFC 4675, Delegated-IPv6-Prefix RFC 4818, digest RFC 5090,
dynamic authorization RFC 5176, Mobile IPv6 RFC 5447, location RFC 5580) as
FreeRADIUS, hostapd and a BRAS exchange it: every packet code, every
attribute tcpdump knows with named, tagged, timed and out-of-range values,
vendor-specific attributes, EAP inside EAP-Message, and broken ones (wrong
value lengths, zero/short/overlong attribute lengths, short headers, a
header length past or short of the datagram).  Hand-built, sent on the
veth with AF_PACKET.
Usage: crafted_radius.py IFACE PEER_MAC"""
import struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'


def auth(seed):
    return bytes((seed * 37 + i * 11) & 0xff for i in range(16))


def rad(code, ident, attrs=b'', length=None, seed=1):
    ln = 20 + len(attrs) if length is None else length
    return struct.pack('!BBH', code, ident, ln) + auth(seed) + attrs


def at(t, v, ln=None):
    return struct.pack('!BB', t, 2 + len(v) if ln is None else ln) + v


def n4(t, v):
    return at(t, struct.pack('!I', v))


def s(t, txt):
    return at(t, txt.encode() if isinstance(txt, str) else txt)


def ip(a):
    return socket.inet_aton(a)


def vsa(vendor, subs):
    return at(26, struct.pack('!I', vendor) + subs)


def sub(t, v, ln=None):
    return struct.pack('!BB', t, 2 + len(v) if ln is None else ln) + v


def eap(code, ident, body=b'', ln=None):
    return struct.pack('!BBH', code, ident, 4 + len(body) if ln is None else ln) + body


def ntp(secs, frac=0x89abcdef):
    return struct.pack('!II', secs, frac)


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def u4(dport, payload, sport=41812, src=A, dst=B):
        fr.append(eth(peermac, me, 0x0800,
                      ip4(src, dst, 17, udp(src, dst, sport, dport, payload), df=False)))

    def u6(dport, payload, sport=41813):
        fr.append(eth(peermac, me, 0x86dd,
                      ip6(A6, B6, 17, udp(A6, B6, sport, dport, payload, v6=True))))

    # --- an 802.1X login through a switch: EAP-Identity, MD5 challenge, accept
    req = (n4(4, 0) + at(4, ip('10.77.0.10')) + n4(5, 50012) + n4(61, 15) +
           s(1, 'alice@example.org') + s(30, '02-00-00-00-00-0B:corp') +
           s(31, '02-00-00-00-00-0A') + n4(6, 2) + n4(12, 1500) +
           s(79, eap(2, 0, b'\x01alice@example.org')) +
           s(80, auth(99)))
    u4(1812, rad(1, 5, req), sport=1645)
    acc = (at(8, b'\xff\xff\xff\xfe') + n4(12, 576) + n4(6, 2) + s(18, 'Hello, %u') +
           s(79, eap(1, 1, b'\x04\x10' + auth(7))) + s(80, auth(3)) + s(24, auth(5)))
    u4(1645, rad(11, 5, acc, seed=2), sport=1812)
    u4(1645, rad(2, 6, s(79, eap(3, 1)) + s(1, 'alice') + n4(27, 3600) + n4(28, 59) +
                 n4(64, 13) + n4(65, 6) + s(81, '42') + at(8, ip('10.77.0.77')),
                 seed=3), sport=1812)
    u4(1645, rad(3, 7, s(79, eap(4, 2)) + s(18, 'Denied\x00trailing'), seed=4), sport=1812)

    # --- every service type, framed protocol and friends, in and out of range
    num = b''
    for v in (0, 1, 2, 5, 10, 19, 20, 0xffffffff):
        num += n4(6, v)
    for v in (0, 1, 7, 8):
        num += n4(7, v)
    for v in (0, 3, 4):
        num += n4(10, v)
    for v in (0, 3, 4):
        num += n4(13, v)
    for v in (0, 7, 8, 9):
        num += n4(15, v)
    for v in (0, 1, 2):
        num += n4(29, v)
    u4(1812, rad(1, 8, num, seed=5))
    num = b''
    for v in (0, 1, 15, 16):
        num += n4(40, v)
    for v in (0, 1, 4, 5):
        num += n4(45, v)
    for v in (0, 1, 23, 24):
        num += n4(49, v)
    for v in (0, 1, 2, 3):
        num += n4(57, v)
    for v in (0, 19, 43, 44):
        num += n4(61, v)
    for v in (0, 1, 4, 5):
        num += n4(72, v)
    for v in (0, 1, 2):
        num += n4(76, v)
    u4(1813, rad(4, 9, num, seed=6))

    # --- accounting with every counter and time
    acct = (n4(40, 1) + s(44, '0000ABCD-17') + n4(41, 0) + n4(41, 61) + n4(41, 7322) +
            n4(42, 123456789) + n4(43, 987654) + n4(45, 1) + n4(46, 86399) +
            n4(46, 5) + n4(47, 1000) + n4(48, 2000) + n4(49, 1) + s(50, 'multi-1') +
            n4(51, 2) + n4(52, 1) + n4(53, 0) + n4(55, 1764547200) + n4(55, 0) +
            n4(85, 600) + n4(86, 3) + n4(23, 0xfffffffe) + n4(23, 0x0a4d0000) +
            n4(37, 0) + n4(37, 12) + n4(38, 0) + n4(38, 300) + s(39, 'Zone A') +
            n4(62, 4) + n4(75, 3) + n4(16, 23) + n4(5, 7) + n4(27, 90) +
            n4(6, 7))
    u4(1813, rad(4, 10, acct, seed=7), sport=1646)
    u4(1646, rad(5, 10, b'', seed=8), sport=1813)

    # --- addresses, strings, login
    strs = (at(4, ip('10.77.0.1')) + at(8, b'\xff\xff\xff\xff') + at(9, ip('255.255.255.0')) +
            at(14, b'\xff\xff\xff\xfe') + at(14, b'\xff\xff\xff\xff') + at(14, ip('192.0.2.7')) +
            at(4, b'\x0a\x4d') + at(8, ip('10.77.0.5') + b'\x00') +
            s(11, 'std.acl') + s(18, 'Line1\r\nLine2\t\x7f\xe9') + s(19, '+1 555 0100') +
            s(20, 'cb-id') + s(22, '192.0.2.0/24 10.77.0.1 1') + s(25, b'\x00class') +
            s(32, 'bras-1.example.net') + s(33, b'\x01\x02proxy') + s(34, 'lat-svc') +
            s(35, 'lat-node') + s(36, b'\x80\x00') + s(60, auth(11)) + s(63, 'port7') +
            s(73, 'sec') + s(74, 'secdata') + s(77, 'CONNECT 100Mbps') +
            s(78, 'token') + s(87, 'eth0/1/2:100') + s(88, 'pool-a') + s(89, 'cui@x') +
            s(92, 'permit in 17 from any to any 53') + s(99, '2001:db8:77::/64 :: 1') +
            s(100, 'v6pool') + n4(17, 5) + s(21, 'x') + s(54, 'y') + s(93, 'z') +
            s(94, b'\x00\x3d') + s(96, b'\x02\x00\x00\xff\xfe\x00\x00\x0a') +
            s(102, 'keyname') + s(59, b'\x00\x01\x02\x03\x04\x05\x06\x07') +
            s(2, auth(12)) + s(3, b'\x07' + auth(13)))
    u4(1812, rad(1, 11, strs, seed=9))

    # --- digest authentication (RFC 5090) and SIP
    dig = b''
    for t, v in ((103, 'abc'), (104, 'example.org'), (105, 'n0nce'), (106, 'rspauth'),
                 (107, 'next'), (108, 'INVITE'), (109, 'sip:bob@example.org'),
                 (110, 'auth'), (111, 'MD5'), (112, 'hash'), (113, 'cnonce'),
                 (114, '00000001'), (115, 'bob'), (116, 'opaque'), (117, 'p=1'),
                 (118, 'auts'), (119, 'example.org'), (120, 'false'), (121, 'ha1'),
                 (122, 'sip:bob@example.org')):
        dig += s(t, v)
    u4(1812, rad(1, 12, dig, seed=10), sport=5060)

    # --- VLANs (RFC 4675) and tunnels (RFC 2868) with tags
    tun = (at(56, b'\x31\x00\x00\x7b') + at(56, b'\x32\x00\x0f\xff') + at(56, b'\x33\x00\x00\x01') +
           at(58, b'\x31vlan-corp') + at(58, b'\x32guest') + at(58, b'Xother') +
           at(64, b'\x00\x00\x00\x0d') + at(64, b'\x01\x00\x00\x03') + at(64, b'\x1f\x00\x00\x0e') +
           at(65, b'\x00\x00\x00\x06') + at(65, b'\x02\x00\x00\x01') + at(65, b'\x05\x00\x00\x10') +
           at(66, b'\x01192.0.2.1') + at(66, b'198.51.100.2') + at(67, b'\x00192.0.2.2') +
           at(67, b'\x20space') + at(68, b'conn-1') +
           at(69, b'\x01\x80\x01' + auth(14)) + at(69, b'\x00\x80\x02secret') +
           at(69, b'\x25\x12\x34pw') + at(69, b'\x01\x02') +
           at(81, b'\x01100') + at(81, b'100') + at(82, b'\x02assign') +
           at(83, b'\x00\x00\x00\x01') + at(83, b'\x03\x00\x01\x00') + at(83, b'\x01\x00') +
           at(90, b'\x01client') + at(91, b'\x1fserver') + at(91, b'\x00'))
    u4(1645, rad(2, 13, tun, seed=11), sport=1812)

    # --- ARAP (RFC 2869) and Error-Cause (RFC 5176)
    arap = (at(70, auth(15)) + at(70, b'\x01\x02\x03') + at(71, b'\x01\x06' + bytes(range(12))) +
            at(71, b'\x00\x08' + bytes(range(0xf0, 0xfc))) + at(71, b'\x00') +
            at(84, bytes(range(0xa0, 0xa8))) + at(84, bytes(range(0xa0, 0xac))) +
            at(84, b'\x01\x02\x03'))
    for v in (201, 202, 401, 402, 403, 404, 405, 406, 407, 501, 502, 503, 504, 505, 506,
              507, 508, 509, 0, 999):
        arap += n4(101, v)
    arap += at(101, b'\x01\x95')
    u4(3799, rad(41, 14, arap, seed=12))

    # --- numbers with the wrong length
    bad = (at(5, b'\x01\x02\x03') + at(5, b'\x01\x02\x03\x04\x05') + at(6, b'\x01') +
           at(64, b'\x01\x00\x00') + at(27, b'') + at(4, b'') + at(95, bytes(8)) +
           at(98, bytes(17)) + at(55, b'\x01\x02') + at(124, bytes(4)) +
           at(125, bytes(16)) + at(126, b'\x30') + at(127, bytes(20)) + at(128, b'\x00\x01') +
           at(129, bytes(9)) + at(97, b'\x00') + at(123, bytes(19)))
    u4(1812, rad(1, 15, bad, seed=13))

    # --- IPv6 (RFC 3162, 4818) over IPv6
    v6 = (at(95, socket.inet_pton(socket.AF_INET6, '2001:db8:77::1')) +
          at(98, socket.inet_pton(socket.AF_INET6, '2001:db8:77::53')) +
          at(97, b'\x00\x40' + socket.inet_pton(socket.AF_INET6, '2001:db8:77::')[:8]) +
          at(97, b'\x00\x40' + socket.inet_pton(socket.AF_INET6, '2001:db8:77::')) +
          at(97, b'\x00\x00') + at(97, b'\x00\x30\x20\x01\x0d\xb8') +
          at(97, b'\x00\x81' + bytes(16)) + at(123, b'\x00\x38\x20\x01\x0d\xb8\x00\x77\x01') +
          at(123, b'\x00\x80' + socket.inet_pton(socket.AF_INET6, '2001:db8:77::1')) +
          at(96, b'\x02\x00\x00\xff\xfe\x00\x00\x01'))
    u6(1812, rad(1, 16, v6, seed=14))
    u6(41813, rad(3, 16, s(18, 'no'), seed=15), sport=1812)

    # --- Mobile IPv6 (RFC 5447) and location (RFC 5580)
    loc = (at(124, struct.pack('!Q', 0x0000060000000001)) +
           at(124, struct.pack('!Q', 0xffffffffffffffff)) + at(124, bytes(8)) +
           at(125, b'\x40' + socket.inet_pton(socket.AF_INET6, '2001:db8:77::')) +
           at(125, b'\x81' + bytes(16)) +
           at(126, b'0tadig') + at(126, b'1example.org') + at(126, b'2310150') +
           at(126, b'3icc') + at(126, b'9other\x01') +
           at(127, struct.pack('!HBB', 1, 0, 0) + ntp(3803408743) + ntp(3803451943) + b'GPS') +
           at(127, struct.pack('!HBB', 2, 1, 1) + ntp(0, 0) + ntp(1, 0x80000000) + b'') +
           at(127, struct.pack('!HBB', 3, 7, 9) + ntp(3803408743) + ntp(3803451943) + b'\x01x') +
           at(128, b'\x00\x01my location in the building') + at(128, b'\x00\x02\xff') +
           at(129, b'\x00\x00' + ntp(3803581543) + b'note') +
           at(129, b'\x80\x00' + ntp(3803581543)) + at(129, b'\x7f\xff' + ntp(3803581543) + b'x'))
    u4(1812, rad(1, 17, loc, seed=16))

    # --- EAP-Message: every method tcpdump knows, short ones, fragments
    e = b''
    for body in (eap(2, 1, b'\x01'), eap(1, 2, b'\x02Please login'), eap(1, 2, b'\x02'),
                 eap(2, 3, b'\x03\x0d\x15\x19\x63'), eap(2, 3, b'\x03'),
                 eap(1, 4, b'\x0d\x20'), eap(1, 5, b'\x0d\xc0\x00\x00\x10\x00' + bytes(4)),
                 eap(1, 5, b'\x0d\x80\x00'), eap(2, 6, b'\x0d'),
                 eap(1, 7, b'\x15\x21'), eap(2, 8, b'\x15\xa0\x00\x00\x00\x40'),
                 eap(1, 9, b'\x2b\x21'), eap(1, 9, b'\x2b\x81\x00'), eap(1, 9, b'\x2b'),
                 eap(1, 10, b'\x12\x0a\x00\x00'), eap(1, 11, b'\x17\x01\x00\x00'),
                 eap(2, 11, b'\x17\x63'), eap(1, 12, b'\x12'),
                 eap(1, 13, b'\x05otp'), eap(1, 14, b'\x06gtc'), eap(1, 15, b'\xfe\x00\x00\x00'),
                 eap(1, 16, b'\x63'), eap(9, 17, b''), eap(1, 18), eap(3, 19, b'', ln=3),
                 eap(1, 20, b'\x01frag', ln=200), b'\x02', b'\x02\x01'):
        e += s(79, body)
    u4(1812, rad(1, 18, e, seed=17))

    # --- vendor-specific attributes
    v = (vsa(9, sub(1, b'shell:priv-lvl=15')) + vsa(311, sub(26, b'\x00\x01') + sub(7, b'\x01\x02\x03\x04')) +
         vsa(2636, sub(1, b'ops')) + vsa(35632, sub(1, b'x')) + vsa(46098, b'') +
         vsa(14122, sub(1, b'\x00')) + vsa(0, sub(1, b'ietf')) + vsa(99999, sub(200, b'odd\xff')) +
         vsa(9, sub(1, b'ok') + sub(2, b'', ln=1)) + vsa(9, sub(1, b'ok') + sub(2, b'abc', ln=9)) +
         vsa(9, sub(1, b'ok') + b'\x05') + at(26, b'\x00\x00\x00') + at(26, b'\x00\x00\x01') +
         vsa(10415, sub(1, b'3gpp') + sub(2, b'')))
    u4(1813, rad(4, 19, v, seed=18), sport=1813)

    # --- every packet code, on every port, either side
    for i, code in enumerate((1, 2, 3, 4, 5, 11, 12, 13, 40, 41, 42, 43, 44, 45, 255, 0, 6, 99)):
        port = (1645, 1646, 1812, 1813, 1700, 3799)[i % 6]
        body = s(80, auth(20 + i)) if i % 2 else s(1, 'bob')
        if i % 3 == 0:
            u4(port, rad(code, 0x20 + i, body, seed=20 + i))
        else:
            u4(50000 + i, rad(code, 0x20 + i, body, seed=20 + i), sport=port)

    # --- unknown attribute types and broken attribute lengths
    u4(1812, rad(1, 40, at(0, b'zero') + at(130, b'new') + at(200, b'\x01\x02') + at(255, b'') +
                 at(1, b'x')))
    u4(1812, rad(1, 41, s(1, 'bob') + at(18, b'ab', ln=0)))
    u4(1812, rad(1, 42, s(1, 'bob') + at(18, b'ab', ln=1)))
    u4(1812, rad(1, 43, s(1, 'bob') + at(18, b'abcd', ln=40)))
    u4(1812, rad(1, 44, s(1, 'bob') + b'\x12'))
    u4(1812, rad(1, 45, s(1, 'bob') + s(18, 'cut by the header'), length=27))
    u4(1812, rad(1, 46, s(1, 'bob') + s(18, 'beyond'), length=200))
    u4(1812, rad(1, 47, s(1, 'bob'), length=19))
    u4(1812, rad(1, 48, b'', length=0))
    u4(1812, rad(1, 49)[:12])
    u4(1812, b'')
    u4(1812, rad(1, 50, length=20))
    u4(3799, rad(40, 51, s(1, 'bob') + s(44, 'sess-1') + n4(101, 201), length=20 + 5 + 8 + 1))
    u4(1700, rad(43, 52, s(1, 'bob') + at(56, b'\x31\x00\x00\x64') + s(80, auth(52))))

    send_frames(ifn, fr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
