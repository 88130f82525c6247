#!/usr/bin/env python3
"""ISAKMP / IKE frames: IKEv1 main, aggressive, quick, informational and
other exchanges with every payload type (SA/proposal/transform with Oakley
and IPsec DOI attributes, KE, every ID type, CERT, CR, HASH, SIG, NONCE,
notifications, delete, vendor ID), IKEv2 exchanges with every payload type
(SA, KE, IDi/IDr, CERT, CERTREQ, AUTH, Nonce, N, D, V, TSi/TSr, SK, CP,
EAP), the initiator cookie cache (I, R, ?), UDP 500/4500/7500/8500, IPv6,
and malformed lengths.  Sent on a veth inside the test netns only.
Usage: crafted_isakmp.py IFACE PEER_MAC"""
import socket, struct, sys
from pktgen import *


def ifmac(ifn):
    return open('/sys/class/net/%s/address' % ifn).read().strip()


def gen(np, body, crit=0, ln=None):
    """A payload with the generic header; ln overrides its length."""
    return struct.pack('!BBH', np, crit, 4 + len(body) if ln is None else ln) + body


def chain(pays):
    """[(type, body[, crit[, len]]), ...] -> (first type, bytes)."""
    out = b''
    for i, p in enumerate(pays):
        nxt = pays[i + 1][0] if i + 1 < len(pays) else 0
        out += gen(nxt, p[1], *p[2:])
    return (pays[0][0] if pays else 0), out


def hdr(ick, rck, np, ver, exch, flags, msgid, body, ln=None):
    return struct.pack('!8s8sBBBBII', ick, rck, np, ver, exch, flags, msgid,
                       28 + len(body) if ln is None else ln) + body


def msg(ick, rck, exch, flags, msgid, pays, ver=0x10, ln=None):
    np, body = chain(pays)
    return hdr(ick, rck, np, ver, exch, flags, msgid, body, ln)


def tv(t, v):
    return struct.pack('!HH', 0x8000 | t, v)


def tlv(t, v):
    return struct.pack('!HH', t, len(v)) + v


# ---- IKEv1 building blocks
def v1_trans(no, tid, attrs):
    return struct.pack('!BBH', no, tid, 0) + attrs


def v1_prop(no, proto, spi, transforms):
    """transforms: list of transform bodies (np 3 chained, last 0)."""
    ts = b''
    for i, t in enumerate(transforms):
        ts += gen(3 if i + 1 < len(transforms) else 0, t)
    return struct.pack('!BBBB', no, proto, len(spi), len(transforms)) + spi + ts


def v1_sa(props, doi=1, sit=1, ident=b''):
    ps = b''
    for i, p in enumerate(props):
        ps += gen(2 if i + 1 < len(props) else 0, p)
    return struct.pack('!II', doi, sit) + ident + ps


def v1_id(t, data, proto=0, port=0):
    return struct.pack('!BBH', t, proto, port) + data


def v1_n(typ, spi=b'', data=b'', doi=1, proto=3):
    return struct.pack('!IBBH', doi, proto, len(spi), typ) + spi + data


def v1_d(spis, size, doi=1, proto=3):
    return struct.pack('!IBBH', doi, proto, size, len(spis)) + b''.join(spis)


# ---- IKEv2 building blocks
def v2_trans(ttype, tid, attrs=b''):
    return struct.pack('!BBH', ttype, 0, tid) + attrs


def v2_prop(no, proto, spi, transforms, num=None):
    ts = b''
    for i, t in enumerate(transforms):
        ts += gen(3 if i + 1 < len(transforms) else 0, t)
    return struct.pack('!BBBB', no, proto, len(spi), len(transforms) if num is None else num) + spi + ts


def v2_sa(props):
    ps = b''
    for i, p in enumerate(props):
        ps += gen(2 if i + 1 < len(props) else 0, p)
    return ps


def v2_n(typ, spi=b'', data=b'', proto=0):
    return struct.pack('!BBH', proto, len(spi), typ) + spi + data


def v2_id(t, data):
    return struct.pack('!BBH', t, 0, 0) + data


def ts4(lo, hi, proto=0, sp=0, ep=65535):
    return struct.pack('!BBHHH', 7, proto, 16, sp, ep) + socket.inet_aton(lo) + socket.inet_aton(hi)


def v2_ts(*sels):
    return struct.pack('!BBH', len(sels), 0, 0) + b''.join(sels)


def main(ifn, peermac):
    me = ifmac(ifn)
    A, B, C = '10.77.0.1', '10.77.0.2', '10.77.0.3'
    A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
    fr = []

    def U4(src, dst, data, sp=500, dp=500):
        fr.append(eth(peermac, me, 0x0800, ip4(src, dst, 17, udp(src, dst, sp, dp, data))))

    def U6(src, dst, data, sp=500, dp=500):
        fr.append(eth(peermac, me, 0x86dd, ip6(src, dst, 17, udp(src, dst, sp, dp, data, v6=True))))

    ick = bytes.fromhex('5a1c0de0c0ffee01')
    rck = bytes.fromhex('9e3779b97f4a7c15')
    z8 = bytes(8)
    vid_dpd = bytes.fromhex('afcad71368a1f1c96b8696fc77570100')
    vid_natt = bytes.fromhex('4a131c81070358455c5728f20e95452f')
    vid_frag = bytes.fromhex('4048b7d56ebce88525e7de7f00d6c2d3')
    nonce20 = bytes(range(0x30, 0x44))
    ke128 = bytes((i * 37 + 11) & 0xff for i in range(128))
    natd = bytes.fromhex('0f1e2d3c4b5a69788796a5b4c3d2e1f001234567')

    # --- IKEv1 main mode, phase 1: SA offer with Oakley attributes
    oak1 = (tv(1, 7) + tv(14, 256) + tv(2, 4) + tv(4, 14) + tv(3, 1) + tv(11, 1)
            + tlv(12, struct.pack('!I', 28800)))
    oak2 = (tv(1, 5) + tv(2, 2) + tv(4, 2) + tv(3, 3) + tv(11, 2) + tv(12, 4608))
    oak3 = (tv(1, 1) + tv(2, 1) + tv(4, 18) + tv(3, 65001) + tv(5, 3) + tv(13, 7)
            + tv(15, 233) + tv(16, 1) + tv(6, 5) + tlv(7, b'\x02') + tv(40, 9) + tv(2, 9))
    oak4 = (tv(1, 9) + tv(3, 6) + tv(4, 19) + tv(5, 4) + tv(11, 3) + tlv(12, b'')
            + tlv(9, bytes(range(24))) + tv(0, 0))
    sa1 = v1_sa([v1_prop(1, 1, b'', [v1_trans(1, 1, oak1), v1_trans(2, 1, oak2),
                                       v1_trans(3, 1, oak3), v1_trans(4, 2, oak4)])])
    m1 = msg(ick, z8, 2, 0, 0, [(1, sa1), (13, vid_dpd), (13, vid_natt), (13, vid_frag)])
    U4(A, B, m1)
    sa1r = v1_sa([v1_prop(1, 1, b'', [v1_trans(1, 1, oak1)])])
    U4(B, A, msg(ick, rck, 2, 0, 0, [(1, sa1r), (13, vid_natt)]))
    # KE, nonce, NAT-D (payload 20)
    U4(A, B, msg(ick, rck, 2, 0, 0, [(4, ke128), (10, nonce20), (20, natd), (20, natd[::-1])]))
    U4(B, A, msg(ick, rck, 2, 0, 0, [(4, ke128[::-1]), (10, nonce20[::-1]),
                                     (7, b'\x04' + b'\x30\x0b\x31\x09\x30\x07\x06\x03\x55\x04\x03'),
                                     (20, natd)]))
    # encrypted identity exchange, both ways, then a third party
    U4(A, B, msg(ick, rck, 2, 1, 0, [(5, bytes(40)), (8, bytes(20))]))
    U4(B, A, msg(ick, rck, 2, 1, 0, [(5, bytes(40)), (8, bytes(20))]))
    U4(C, B, msg(ick, rck, 2, 1, 0, [(5, bytes(24))]))
    # quick mode, encrypted (phase 2), with commit bit, and E+C
    U4(A, B, msg(ick, rck, 32, 1, 0x0f2b7862, [(8, bytes(20)), (1, bytes(60))]))
    U4(B, A, msg(ick, rck, 32, 3, 0x0f2b7862, [(8, bytes(20))]))
    U4(A, B, msg(ick, rck, 32, 2, 0x0f2b7862, [(8, bytes(20))]))

    # --- quick mode in the clear: hash, SA with ESP/AH/IPComp/unknown
    #     proposals, nonce, KE, client IDs
    esp_attrs = tv(1, 1) + tlv(2, struct.pack('!I', 3600)) + tv(3, 14) + tv(4, 1) + tv(5, 2) + tv(6, 256)
    esp2 = tv(1, 2) + tv(2, 4608) + tv(4, 2) + tv(5, 1) + tv(7, 12) + tv(8, 4096) + tlv(9, b'\x01\x02') + tv(5, 7)
    sa_q = v1_sa([
        v1_prop(1, 3, bytes.fromhex('c0a84d01'), [v1_trans(1, 12, esp_attrs), v1_trans(2, 3, esp2),
                                                   v1_trans(3, 11, tv(5, 3)), v1_trans(4, 50, tv(4, 3))]),
        v1_prop(1, 2, bytes.fromhex('c0a84d02'), [v1_trans(1, 3, tv(4, 1) + tv(5, 2)), v1_trans(2, 5, tv(5, 4)),
                                                   v1_trans(3, 1, b''), v1_trans(4, 9, b'')]),
        v1_prop(2, 4, bytes.fromhex('4d03'), [v1_trans(1, 2, b''), v1_trans(2, 3, tv(4, 2)),
                                             v1_trans(3, 1, b''), v1_trans(4, 7, b'')]),
        v1_prop(3, 9, b'', [v1_trans(1, 5, tv(1, 2) + tlv(300, b'abc'))]),
    ], sit=1)
    idci = v1_id(4, socket.inet_aton('10.77.0.0') + socket.inet_aton('255.255.255.0'), 17, 500)
    idcr = v1_id(1, socket.inet_aton('10.77.0.2'), 6, 443)
    U4(A, B, msg(ick, rck, 32, 0, 0x0f2b7863, [(8, bytes(range(20))), (1, sa_q), (10, nonce20),
                                               (4, ke128[:64]), (5, idci), (5, idcr)]))
    U4(B, A, msg(ick, rck, 32, 0, 0x0f2b7863, [(8, bytes(range(20, 40))), (1, sa_q), (10, nonce20[:16])]))

    # --- aggressive mode with a new cookie: SA, KE, nonce, ID (FQDN), VID
    ick2 = bytes.fromhex('a1b2c3d4e5f60718')
    U4(A, B, msg(ick2, z8, 4, 0, 0, [(1, sa1r), (4, ke128[:96]), (10, nonce20),
                                     (5, v1_id(2, b'vpn.example.com', 17, 500)), (13, vid_dpd)]))
    U4(B, A, msg(ick2, rck, 4, 0, 0, [(1, sa1r), (4, ke128[:96]), (10, nonce20),
                                      (5, v1_id(3, b'admin@example.com', 17, 500)),
                                      (6, b'\x04' + bytes(range(48))), (9, bytes(range(64))),
                                      (8, bytes(range(20)))]))
    # the same initiator cookie from the responder side first: "?"
    U4(B, A, msg(bytes.fromhex('0102030405060708'), rck, 4, 0, 0, [(13, vid_dpd)]))
    # all-zero cookies hit an empty cache slot
    U4(A, B, msg(z8, z8, 2, 0, 0, [(13, vid_dpd)]))

    # --- every ID type, with good and short lengths
    ids = [
        v1_id(1, socket.inet_aton('10.77.0.1'), 17, 500),
        v1_id(2, b'gw.example.org'),
        v1_id(3, b'us\x01er@ex\xe1mple.org\x7f'),
        v1_id(4, socket.inet_aton('10.77.0.0') + socket.inet_aton('255.255.0.0')),
        v1_id(5, socket.inet_pton(socket.AF_INET6, A6)),
        v1_id(6, socket.inet_pton(socket.AF_INET6, '2001:db8:77::') + b'\xff' * 8 + bytes(8)),
        v1_id(7, socket.inet_aton('10.77.0.10') + socket.inet_aton('10.77.0.20')),
        v1_id(8, socket.inet_pton(socket.AF_INET6, '2001:db8:77::10') + socket.inet_pton(socket.AF_INET6, '2001:db8:77::20')),
        v1_id(9, bytes.fromhex('3011310f300d06035504030c0667772e6f7267')),
        v1_id(10, bytes.fromhex('820b67772e6578616d706c65')),
        v1_id(11, b'key-id-0001'),
        v1_id(200, b'\x01\x02\x03'),
        v1_id(0, b'zero'),
        v1_id(1, b'\x0a\x4d'),
        v1_id(4, b'\x0a\x4d\x00\x00'),
        v1_id(5, bytes(8)),
        v1_id(6, bytes(16)),
        v1_id(7, bytes(4)),
        v1_id(8, bytes(20)),
        v1_id(1, b''),
    ]
    for i in range(0, len(ids), 5):
        U4(A, B, msg(ick, rck, 5, 0, 0x1000 + i, [(5, x) for x in ids[i:i + 5]]))
    # ID in phase 1
    U4(A, B, msg(ick, rck, 2, 0, 0, [(5, ids[0]), (5, ids[4])]))

    # --- certificates, requests, signatures of every encoding
    certs = [(6, bytes([e]) + bytes(range(40))) for e in (1, 4, 10, 99)]
    crs = [(7, bytes([e])) for e in (0, 4, 7)] + [(7, b'\x04' + bytes(range(30)))]
    U4(B, A, msg(ick, rck, 2, 0, 0, certs + crs + [(9, bytes(range(128)))]))

    # --- informational: notifications and deletes
    ns = [
        v1_n(14), v1_n(1, proto=1), v1_n(24, spi=ick + rck, proto=1), v1_n(30), v1_n(31),
        v1_n(0), v1_n(8192), v1_n(8193), v1_n(16384), v1_n(16385),
    ]
    U4(A, B, msg(ick, rck, 5, 0, 0x2000, [(11, x) for x in ns]))
    ns = [
        v1_n(24576, spi=bytes.fromhex('c0a84d01'), data=tv(11, 1) + tlv(12, struct.pack('!I', 3600)) + tv(1, 7)),
        v1_n(24577, spi=bytes.fromhex('c0a84d01'), data=struct.pack('!I', 1)),
        v1_n(24577, spi=bytes.fromhex('c0a84d02'), data=struct.pack('!I', 0)),
        v1_n(24578, spi=ick + rck, proto=1),
        v1_n(24579), v1_n(40000, data=b'x' * 40),
    ]
    U4(B, A, msg(ick, rck, 5, 0, 0x2001, [(11, x) for x in ns]))
    # DOI other than IPsec: the walk resumes after the SPI
    U4(A, B, msg(ick, rck, 5, 0, 0x2002, [(11, v1_n(14, spi=b'\xaa\xbb', doi=0, proto=7)), (11, v1_n(16384, doi=2)),
                                          (11, v1_n(9000, doi=2)), (11, v1_n(30000, doi=2))]))
    # notify data shown partly (-v) or whole (-vvvv), in an error type
    U4(B, A, msg(ick, rck, 5, 0, 0x2003, [(11, v1_n(18, data=bytes(range(50)))), (13, vid_dpd)]))
    U4(B, A, msg(ick, rck, 5, 0, 0x2004, [(11, v1_n(18, data=b'short'))]))
    # responder lifetime whose attribute runs past the payload
    U4(B, A, msg(ick, rck, 5, 0, 0x2005, [(11, v1_n(24576, data=tlv(12, b"\x00\x00")[:4] + b"\x00"))]))
    ds = [
        v1_d([bytes.fromhex('c0a84d01'), bytes.fromhex('c0a84d02')], 4),
        v1_d([ick + rck], 16, proto=1),
        v1_d([b'\x4d\x03'], 2, proto=4),
        v1_d([b'\x01\x02\x03\x04'], 4, doi=7, proto=9),
        v1_d([], 4),
    ]
    U4(A, B, msg(ick, rck, 5, 0, 0x2006, [(12, x) for x in ds]))
    # a delete claiming more SPIs than it holds
    U4(A, B, msg(ick, rck, 5, 0, 0x2007, [(12, struct.pack('!IBBH', 1, 3, 4, 9) + bytes(8))]))

    # --- SA variants: other situations, DOI 2, proposal SPI, overrunning attribute
    U4(A, B, msg(ick, rck, 1, 0, 0, [(1, v1_sa([v1_prop(1, 1, b'', [v1_trans(1, 1, tv(1, 5))])], sit=6,
                                                ident=struct.pack('!I', 77)))]))
    U4(A, B, msg(ick, rck, 3, 0, 0, [(1, v1_sa([v1_prop(1, 1, b'', [v1_trans(1, 1, tv(1, 5))])], sit=0,
                                                ident=struct.pack('!I', 0))), (10, nonce20)]))
    U4(A, B, msg(ick, rck, 33, 0, 0, [(1, v1_sa([], doi=2, sit=5) + bytes(8)), (13, vid_dpd)]))
    bad_attr = struct.pack('!HH', 12, 40) + b'\x00\x01'
    U4(A, B, msg(ick, rck, 2, 0, 0, [(1, v1_sa([v1_prop(1, 1, b'\x01\x02\x03\x04',
                                                        [v1_trans(1, 1, tv(1, 7) + bad_attr)])])),
                                     (13, vid_dpd)]))

    # --- unknown and other-version payload types in an IKEv1 chain,
    #     unknown exchange types, flag 4, header only, length mismatch
    U4(A, B, msg(ick, rck, 5, 0, 0x3000, [(14, b'fourteen'), (99, b'x'), (40, b'v2 nonce in v1'),
                                          (46, bytes(16)), (33, v2_sa([v2_prop(1, 1, b'', [v2_trans(1, 3)])])),
                                          (41, v2_n(16384))]))
    U4(A, B, msg(ick, rck, 99, 4, 0x3001, [(13, b'vid')]))
    U4(A, B, msg(ick, rck, 6, 0x80, 0x3002, [(13, b'vid')]))
    U4(A, B, msg(ick, rck, 5, 0, 0x3003, []))
    U4(A, B, msg(ick, rck, 5, 0, 0x3004, [(13, b'vid')], ln=500))
    U4(A, B, msg(ick, rck, 5, 0, 0x3005, [(13, b'vid')], ver=0x11))
    # malformed payload lengths: zero, four, two, beyond the message
    U4(A, B, msg(ick, rck, 5, 0, 0x3010, [(13, b'abcd'), (13, b'efgh', 0, 0), (13, b'ijkl')]))
    U4(A, B, msg(ick, rck, 5, 0, 0x3011, [(13, b'abcd', 0, 4)]))
    U4(A, B, msg(ick, rck, 5, 0, 0x3012, [(8, bytes(20), 0, 2)]))
    U4(A, B, msg(ick, rck, 5, 0, 0x3013, [(8, bytes(20), 0, 300)]))
    U4(A, B, msg(ick, rck, 5, 0, 0x3014, [(11, v1_n(14), 0, 9)]))
    U4(A, B, msg(ick, rck, 5, 0, 0x3015, [(6, b'\x04', 0, 5)]))
    # transform payload whose length runs past its proposal and SA
    U4(A, B, msg(ick, rck, 2, 0, 0, [(1, v1_sa([v1_prop(1, 1, b'', [v1_trans(1, 1, tv(1, 7))])])[:-4]
                                       + struct.pack('!HH', 0x8001, 7))]))
    # a message shorter than its header, other major versions
    U4(A, B, msg(ick, rck, 2, 0, 0, [(13, b'vid')])[:20])
    U4(A, B, msg(ick, rck, 2, 0, 0, [(13, b'vid')], ver=0x30))
    U4(A, B, msg(ick, rck, 2, 0, 0, [(13, b'vid')], ver=0x00))
    # phase 1 over IPv6, the cookie cache keeps v6 addresses
    ick6 = bytes.fromhex('6666000000000006')
    U6(A6, B6, msg(ick6, z8, 2, 0, 0, [(1, sa1r), (13, vid_natt)]))
    U6(B6, A6, msg(ick6, rck, 2, 0, 0, [(1, sa1r)]))
    U6('2001:db8:77::3', B6, msg(ick6, rck, 2, 0, 0, [(13, vid_natt)]))
    U4(A, B, msg(ick6, rck, 2, 0, 0, [(13, vid_natt)]))
    # the other ISAKMP ports
    U4(A, B, msg(ick, rck, 5, 0, 0x4000, [(13, vid_dpd)]), 7500, 7500)
    U4(A, B, msg(ick, rck, 5, 0, 0x4001, [(13, vid_dpd)]), 40000, 8500)
    U4(A, B, msg(ick, rck, 5, 0, 0x4002, [(13, vid_dpd)]), 500, 40001)

    # --- IKEv2: IKE_SA_INIT
    s1 = bytes.fromhex('e35a79c3b4e10c4d')
    r1 = bytes.fromhex('8b2d61a0f5c3e7d9')
    props = v2_sa([
        v2_prop(1, 1, b'', [v2_trans(1, 12, tv(14, 128)), v2_trans(1, 12, tv(14, 256)), v2_trans(1, 3),
                            v2_trans(1, 20, tv(14, 256)), v2_trans(2, 2), v2_trans(2, 4), v2_trans(2, 5),
                            v2_trans(3, 2), v2_trans(3, 5), v2_trans(3, 12), v2_trans(4, 14), v2_trans(4, 2),
                            v2_trans(4, 19), v2_trans(4, 0)]),
        v2_prop(2, 1, b'', [v2_trans(1, 7, tv(14, 128) + tv(3, 1)), v2_trans(2, 1), v2_trans(3, 1),
                            v2_trans(4, 18), v2_trans(9, 3, tlv(5, b'xy')), v2_trans(0, 1)]),
    ])
    natsrc = v2_n(16388, data=natd)
    natdst = v2_n(16389, data=natd[::-1])
    init = [(33, props), (34, struct.pack('!HH', 14, 0) + ke128), (40, bytes(range(32))),
            (41, natsrc), (41, natdst), (41, v2_n(16430)), (43, b'strongSwan-like\x01vendor')]
    U4(A, B, msg(s1, z8, 34, 0x08, 0, init, ver=0x20))
    U4(B, A, msg(s1, z8, 34, 0x20, 0, [(41, v2_n(16390, data=bytes(range(20))))], ver=0x20))
    U4(A, B, msg(s1, z8, 34, 0x08, 0, [(41, v2_n(16390, data=bytes(range(40))))] + init, ver=0x20))
    U4(B, A, msg(s1, r1, 34, 0x20, 0, [(33, v2_sa([v2_prop(1, 1, b'', [v2_trans(1, 12, tv(14, 256)),
                                                                        v2_trans(2, 5), v2_trans(3, 12),
                                                                        v2_trans(4, 14)])])),
                                      (34, struct.pack('!HH', 14, 0) + ke128[::-1]),
                                      (40, bytes(range(32, 64))), (41, natsrc), (41, natdst),
                                      (38, b'\x04' + bytes(range(20)))], ver=0x20))
    U4(B, A, msg(s1, z8, 34, 0x20, 0, [(41, v2_n(17, data=struct.pack('!H', 14)))], ver=0x20))
    U4(B, A, msg(s1, z8, 34, 0x20, 0, [(41, v2_n(14))], ver=0x20))
    # IKE_AUTH: SK only (the usual case), and in the clear
    U4(A, B, msg(s1, r1, 35, 0x08, 1, [(46, bytes(range(80)))], ver=0x20))
    U4(B, A, msg(s1, r1, 35, 0x20, 1, [(46, bytes(range(3)), 0x80)], ver=0x20))
    child = v2_sa([
        v2_prop(1, 3, bytes.fromhex('c7d4a9e1'), [v2_trans(1, 20, tv(14, 256)), v2_trans(1, 12, tv(14, 128)),
                                                   v2_trans(3, 12), v2_trans(5, 0), v2_trans(5, 1), v2_trans(5, 2)]),
        v2_prop(2, 2, bytes.fromhex('c7d4a9e2'), [v2_trans(3, 2), v2_trans(5, 0)]),
    ])
    auth = [(35, v2_id(2, b'initiator.example.com')), (37, b'\x04' + bytes(range(60))),
            (38, b'\x04' + bytes(20)), (36, v2_id(1, socket.inet_aton('10.77.0.2'))),
            (39, struct.pack('!B3x', 2) + bytes(range(20))), (41, v2_n(16384)), (41, v2_n(16391)),
            (47, struct.pack('!B3x', 1) + tlv(1, b'') + tlv(3, b'')),
            (33, child), (44, v2_ts(ts4('10.77.0.1', '10.77.0.1'))), (45, v2_ts(ts4('10.77.0.0', '10.77.0.255', 6, 80, 80)))]
    U4(A, B, msg(s1, r1, 35, 0x08, 1, auth, ver=0x20))
    U4(B, A, msg(s1, r1, 35, 0x20, 1, [(36, v2_id(3, b'gw\x00@example.com')), (39, struct.pack('!B3x', 1) + bytes(range(100))),
                                       (39, struct.pack('!B3x', 3) + bytes(8)), (39, struct.pack('!B3x', 14) + b'xyz'),
                                       (48, bytes.fromhex('0101000a0d20')),
                                       (47, struct.pack('!B3x', 2) + tlv(1, socket.inet_aton('10.77.0.77')))], ver=0x20))
    # every IKEv2 ID type, critical bits
    idl = [(35, v2_id(5, socket.inet_pton(socket.AF_INET6, A6))), (35, v2_id(9, bytes.fromhex('3011310f300d0603550403'))),
           (35, v2_id(10, bytes.fromhex('820b67772e'))), (36, v2_id(11, b'\x00key\xff')), (36, v2_id(4, b'unknown')),
           (36, v2_id(2, b'crit.example.net'), 0x80), (40, bytes(16), 0x80), (41, v2_n(16395), 0x81),
           (42, struct.pack('!BBH', 3, 4, 1) + b'\xc7\xd4\xa9\xe1', 0x80), (43, b'V', 0x80), (99, b'?', 0x80)]
    U4(A, B, msg(s1, r1, 35, 0x08, 2, idl, ver=0x20))
    # CREATE_CHILD_SA and INFORMATIONAL
    U4(A, B, msg(s1, r1, 36, 0x08, 3, [(41, v2_n(16393, spi=bytes.fromhex('c7d4a9e1'), proto=3)), (33, child),
                                       (40, bytes(range(24))), (34, struct.pack('!HH', 2, 0) + ke128[:16]),
                                       (44, v2_ts(ts4('10.77.0.1', '10.77.0.1'))), (45, v2_ts(ts4('10.77.0.2', '10.77.0.2')))],
                 ver=0x20))
    nts = [1, 4, 5, 7, 9, 11, 14, 17, 24, 34, 35, 36, 37, 39, 50, 9000, 16384, 16385, 16386, 16387,
           16388, 16389, 16391, 16392, 16393, 16394, 16395, 20000, 50000]
    nl = [(41, v2_n(t, spi=b'\x01\x02\x03\x04', proto=3)) for t in nts]
    U4(A, B, msg(s1, r1, 37, 0x08, 4, nl[:15], ver=0x20))
    U4(B, A, msg(s1, r1, 37, 0x20, 4, nl[15:], ver=0x20))
    U4(A, B, msg(s1, r1, 37, 0x08, 5, [(42, struct.pack('!BBH', 1, 0, 0)), (41, v2_n(16390, data=bytes(8)))], ver=0x20))
    # flags, unknown exchange, encrypted bit, v1 payload types in an IKEv2 chain
    U4(A, B, msg(s1, r1, 77, 0x38, 6, [(43, b'vendor')], ver=0x20))
    U4(A, B, msg(s1, r1, 37, 0x01, 6, [(46, bytes(20))], ver=0x20))
    U4(A, B, msg(s1, r1, 37, 0x00, 6, [(10, bytes(8)), (13, b'v1vid'), (5, v1_id(1, socket.inet_aton(A))),
                                       (11, v1_n(14)), (1, v1_sa([], doi=3)), (14, b'x')], ver=0x20))
    # malformed IKEv2: short ID, short KE, short AUTH, proposals and
    # transforms with bad lengths, an SPI longer than its proposal
    U4(A, B, msg(s1, r1, 35, 0x08, 7, [(35, b'\x01', 0, 5), (13, b'pad!')], ver=0x20))
    U4(A, B, msg(s1, r1, 35, 0x08, 8, [(34, b'\x00\x0e', 0, 6), (13, b'pad!')], ver=0x20))
    U4(A, B, msg(s1, r1, 35, 0x08, 9, [(39, b'\x02', 0, 5), (13, b'pad!')], ver=0x20))
    p_ok = v2_prop(1, 1, b'', [v2_trans(1, 3)])
    U4(A, B, msg(s1, r1, 34, 0x08, 0, [(33, gen(0, p_ok, 0, 200)), (40, bytes(8))], ver=0x20))
    U4(A, B, msg(s1, r1, 34, 0x08, 0, [(33, gen(0, p_ok, 0, 3) + bytes(8)), (40, bytes(8))], ver=0x20))
    U4(A, B, msg(s1, r1, 34, 0x08, 0, [(33, gen(0, struct.pack('!BBBB', 1, 3, 40, 1) + bytes(8))), (40, bytes(8))], ver=0x20))
    U4(A, B, msg(s1, r1, 34, 0x08, 0, [(33, gen(0, struct.pack('!BBBB', 1, 1, 0, 1) + gen(0, v2_trans(1, 3), 0, 60))),
                                       (40, bytes(8))], ver=0x20))
    U4(A, B, msg(s1, r1, 34, 0x08, 0, [(33, gen(0, struct.pack('!BBBB', 1, 1, 0, 2) + gen(3, v2_trans(1, 3), 0, 4)
                                                + gen(0, v2_trans(2, 2)))), (40, bytes(8))], ver=0x20))
    U4(A, B, msg(s1, r1, 34, 0x08, 0, [(33, gen(5, p_ok) + gen(0, b'IDlike')), (40, bytes(8))], ver=0x20))
    U4(A, B, msg(s1, r1, 34, 0x08, 0, [(33, gen(0, struct.pack('!BBBB', 1, 1, 0, 2) + gen(9, v2_trans(1, 3))
                                                + gen(0, b'odd'))), (40, bytes(8))], ver=0x20))
    U4(A, B, msg(s1, r1, 34, 0x08, 0, [(33, v2_sa([v2_prop(1, 1, b'', [v2_trans(1, 12, struct.pack('!HH', 14, 30) + b'ab')])]))],
                 ver=0x20))
    U4(A, B, msg(s1, r1, 34, 0x08, 0, [(40, bytes(8)), (41, b'', 0, 0)], ver=0x20))
    # IKEv2 over IPv6 and over UDP 4500 (non-ESP marker), and a cut one
    U6(A6, B6, msg(s1, r1, 35, 0x08, 1, [(46, bytes(range(48)))], ver=0x20))
    U4(A, B, b'\0\0\0\0' + msg(s1, r1, 35, 0x08, 1, [(46, bytes(range(64)))], ver=0x20), 4500, 4500)
    U4(B, A, b'\0\0\0\0' + msg(s1, r1, 37, 0x20, 10, [(41, v2_n(16384))], ver=0x20), 4500, 4500)
    U4(A, B, b'\0\0\0\0' + msg(ick, rck, 5, 0, 0x5000, [(8, bytes(20)), (11, v1_n(24578))]), 4500, 4500)
    U6(A6, B6, b'\0\0\0\0' + msg(s1, r1, 35, 0x08, 2, [(46, bytes(range(32)))], ver=0x20, ln=10), 4500, 4500)
    U4(A, B, b'\0\0\0\0' + msg(s1, r1, 35, 0x08, 2, [(46, bytes(32))], ver=0x20)[:27], 4500, 4500)

    # --- fill the 20-slot cookie cache so the first entries are replaced
    for i in range(22):
        ck = struct.pack('!II', 0xcc000000, i)
        U4(A, B, msg(ck, z8, 2, 0, 0, [(13, vid_dpd)]))
    U4(B, A, msg(struct.pack('!II', 0xcc000000, 0), rck, 2, 0, 0, [(13, vid_dpd)]))
    U4(B, A, msg(struct.pack('!II', 0xcc000000, 21), rck, 2, 0, 0, [(13, vid_dpd)]))
    U4(B, A, msg(ick, rck, 2, 0, 0, [(13, vid_dpd)]))

    send_frames(ifn, fr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
