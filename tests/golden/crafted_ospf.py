#!/usr/bin/env python3
"""OSPFv2 (RFC 2328) over IPv4 and OSPFv3 (RFC 5340) over IPv6, as two
routers (FRR's ospfd/ospf6d, BIRD) exchange them while an adjacency comes up
and the database floods: Hello with LLS blocks, every authentication type
(none, simple, MD5 with its digest, unknown), Database Description,
LS-Request, LS-Update with every LSA type (router, network, summary, ASBR
summary, AS-external, NSSA, multicast group, opaque TE with every sub-TLV,
grace, router information, unknown opaque types), LS-Ack; the OSPFv3 LSAs
(router, network, inter-area prefix and router, AS-external with forwarding
address, tag and referenced LS-ID, link, intra-area prefix, grace, TE,
unknown scopes) with prefixes of every length, the LLS block and the
authentication trailer.  Broken lengths, unknown types and versions, cut
bodies.  Hand-built, sent on the veth with AF_PACKET.
Usage: crafted_ospf.py IFACE PEER_MAC"""
import socket, struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'


def ip(s):
    return socket.inet_aton(s)


def ip6a(s):
    return socket.inet_pton(socket.AF_INET6, s)


# ------------------------------------------------------------------ OSPFv2
def ospf2(typ, body, rid='10.77.0.1', area='0.0.0.0', auth=0, adata=b'\0' * 8,
          ver=2, length=None, after=b''):
    """Header + body; after: bytes past the OSPF length (MD5 digest, LLS)."""
    ln = 24 + len(body) if length is None else length
    h = struct.pack('!BBH4s4sHH', ver, typ, ln, ip(rid), ip(area), 0, auth) + adata
    pkt = h + body
    if auth != 2:
        c = csum(pkt[:16] + pkt[24:])
        pkt = pkt[:12] + struct.pack('!H', c) + pkt[14:]
    return pkt + after


def hello2(mask='255.255.255.0', hint=10, opts=0x02, prio=1, dead=40, dr='0.0.0.0',
           bdr='0.0.0.0', nbrs=()):
    return struct.pack('!4sHBBI4s4s', ip(mask), hint, opts, prio, dead, ip(dr), ip(bdr)) + \
        b''.join(ip(n) for n in nbrs)


def lshdr(typ, lsid, adv='10.77.0.1', age=1, opts=0x02, seq=0x80000001, length=20,
          cks=0x1234):
    if isinstance(lsid, int):
        lsid_b = struct.pack('!I', lsid)
    else:
        lsid_b = ip(lsid)
    return struct.pack('!HBB4s4sIHH', age, opts, typ, lsid_b, ip(adv), seq, cks, length)


def lsa(typ, lsid, body, **kw):
    return lshdr(typ, lsid, length=20 + len(body), **kw) + body


def opaque_id(otype, oid):
    return (otype << 24) | oid


def tlv(t, v, pad=True):
    b = struct.pack('!HH', t, len(v)) + v
    if pad and len(b) % 4:
        b += b'\0' * (4 - len(b) % 4)
    return b


def fl(x):
    return struct.pack('!f', x)


def lls(tlvs, cks=0x0000, ln=None):
    body = b''.join(tlvs)
    return struct.pack('!HH', cks, (4 + len(body)) // 4 if ln is None else ln) + body


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def o4(pkt, src=A, dst=B, cut=None):
        if cut is not None:
            pkt = pkt[:cut]
        fr.append(eth(peermac, me, 0x0800, ip4(src, dst, 89, pkt, ttl=1, df=False, tos=0xc0)))

    def o6(pkt, src=A6, dst=B6, cut=None):
        if cut is not None:
            pkt = pkt[:cut]
        fr.append(eth(peermac, me, 0x86dd, ip6(src, dst, 89, pkt, hlim=1)))

    # ---------------------------------------------------------------- v2 Hello
    o4(ospf2(1, hello2()))
    o4(ospf2(1, hello2(dr='10.77.0.2', bdr='10.77.0.1', prio=128,
                       nbrs=('192.0.2.2', '198.51.100.7')), rid='192.0.2.1', area='0.0.0.1'))
    o4(ospf2(1, hello2(opts=0x42, dr='10.77.0.2', hint=1, dead=4, mask='255.255.255.252')))
    o4(ospf2(1, hello2(opts=0xff, prio=0, nbrs=('10.77.0.2',)), area='203.0.113.9'))
    # LLS: extended options, MD5 sequence, an unknown TLV, wrong lengths
    o4(ospf2(1, hello2(opts=0x12, nbrs=('10.77.0.2',)),
             after=lls([tlv(1, struct.pack('!I', 3)), tlv(2, struct.pack('!I', 77) + b'\x5a' * 16),
                        tlv(9, b'\x01\x02\x03\x04')], cks=0xbeef)))
    o4(ospf2(1, hello2(opts=0x10),
             after=lls([tlv(1, struct.pack('!II', 0x80000001, 0)), tlv(2, struct.pack('!I', 5))])))
    o4(ospf2(1, hello2(opts=0x10), after=lls([tlv(1, struct.pack('!I', 0))])[:6]))
    o4(ospf2(1, hello2(opts=0x10), after=b'\x00'))
    o4(ospf2(1, hello2(opts=0x02), after=lls([tlv(1, struct.pack('!I', 1))])))  # no L bit
    # authentication: simple, MD5 (digest after the packet), unknown
    o4(ospf2(1, hello2(), auth=1, adata=b'secret\0\0'))
    o4(ospf2(1, hello2(), auth=1, adata=b'8charpwd'))
    o4(ospf2(1, hello2(), auth=1, adata=b'p\x01\xffw\x7f\0zz'))
    o4(ospf2(1, hello2(dr='10.77.0.1'), auth=2, adata=struct.pack('!HBBI', 0, 7, 16, 0x5f000001),
             after=bytes(range(0xa0, 0xb0))))
    o4(ospf2(1, hello2(opts=0x12), auth=2, adata=struct.pack('!HBBI', 0, 1, 16, 1234),
             after=bytes(range(16)) + lls([tlv(1, struct.pack('!I', 1)), tlv(2, b'\0' * 20)])))
    o4(ospf2(1, hello2(), auth=2, adata=struct.pack('!HBBI', 0, 1, 16, 1)))  # digest missing
    o4(ospf2(1, hello2(), auth=2, adata=struct.pack('!HBBI', 0, 1, 16, 1))[:20])
    o4(ospf2(1, hello2(), auth=7, adata=b'\x11' * 8))
    # lengths, versions, types
    o4(ospf2(1, hello2(nbrs=('10.77.0.2', '10.77.0.3')), length=48))
    o4(ospf2(1, hello2(nbrs=('10.77.0.2',)), length=80))
    o4(ospf2(1, hello2(), ver=3))
    o4(ospf2(1, hello2(), ver=1))
    o4(ospf2(9, hello2()))
    o4(ospf2(0, b''))
    o4(ospf2(1, hello2()), cut=30)
    o4(ospf2(1, hello2()), cut=12)
    o4(b'')

    # ---------------------------------------------------------------- v2 DD
    o4(ospf2(2, struct.pack('!HBBI', 1500, 0x42, 0x07, 0x4d2)))
    hdrs = (lshdr(1, '10.77.0.1', length=48) + lshdr(2, '10.77.0.2', adv='10.77.0.2', length=32) +
            lshdr(10, opaque_id(1, 3), opts=0x42, length=124) +
            lshdr(9, opaque_id(3, 0), length=44, age=3600) +
            lshdr(11, opaque_id(7, 0x123456), length=28, seq=0x7fffffff) +
            lshdr(15, '192.0.2.5', length=20) + lshdr(5, '198.51.100.0', length=36, opts=0x20))
    o4(ospf2(2, struct.pack('!HBBI', 0, 0x52, 0x0a, 0x4d3) + hdrs))
    o4(ospf2(2, struct.pack('!HBBI', 1500, 0x02, 0x00, 0x4d4) + lshdr(1, '10.77.0.1', length=12) +
             lshdr(1, '10.77.0.2', length=36)))
    o4(ospf2(2, struct.pack('!HBBI', 9000, 0x12, 0x01, 5) + lshdr(3, '10.0.0.0'),
             after=lls([tlv(1, struct.pack('!I', 2))])))
    o4(ospf2(2, struct.pack('!HBBI', 1500, 0x02, 0x01, 6) + hdrs[:30]))

    # ---------------------------------------------------------------- v2 LSR
    def lsr(t, lsid, adv):
        return struct.pack('!I', t) + (struct.pack('!I', lsid) if isinstance(lsid, int) else ip(lsid)) + ip(adv)
    o4(ospf2(3, lsr(1, '10.77.0.2', '10.77.0.2') + lsr(2, '10.77.0.1', '10.77.0.1') +
             lsr(10, opaque_id(4, 0), '10.77.0.2') + lsr(9, opaque_id(3, 0), '10.77.0.2') +
             lsr(11, opaque_id(99, 77), '192.0.2.1') + lsr(4, '192.0.2.9', '10.77.0.2') +
             lsr(0x10000001, '192.0.2.8', '10.77.0.2')))
    o4(ospf2(3, lsr(1, '10.77.0.2', '10.77.0.2') + b'\0\0\0\x05\x0a\x4d'))

    # ---------------------------------------------------------------- v2 LSU
    def rlink(lid, ldata, typ, metric, tos=()):
        return ip(lid) + ip(ldata) + struct.pack('!BBH', typ, len(tos), metric) + \
            b''.join(struct.pack('!BBH', t, 0, m) for t, m in tos)

    router = struct.pack('!BBH', 0x03, 0, 4) + \
        rlink('10.77.0.2', '10.77.0.1', 1, 10) + \
        rlink('10.77.0.2', '10.77.0.1', 2, 1, tos=((1, 20), (2, 30), (7, 40))) + \
        rlink('10.77.0.0', '255.255.255.0', 3, 10) + \
        rlink('192.0.2.4', '10.77.0.1', 4, 65535)
    network = ip('255.255.255.0') + ip('10.77.0.1') + ip('10.77.0.2') + ip('192.0.2.3')
    summary = ip('255.255.0.0') + struct.pack('!II', 20, (1 << 24) | 0xffffff)
    asbr = ip('0.0.0.0') + struct.pack('!I', 100)
    ext = ip('255.255.255.0') + struct.pack('!I4s4s', 0x80000014, ip('10.77.0.9'), ip('0.0.0.100')) + \
        struct.pack('!I4s4s', 0x02ffffff, ip('0.0.0.0'), ip('0.0.0.0')) + \
        struct.pack('!I4s4s', 0x01000001, ip('0.0.0.0'), ip('192.0.2.77'))
    group = struct.pack('!I4s', 1, ip('10.77.0.1')) + struct.pack('!I4s', 2, ip('10.77.0.2')) + \
        struct.pack('!I4s', 3, ip('10.77.0.3'))
    lsas = [lsa(1, '10.77.0.1', router, opts=0x22),
            lsa(2, '10.77.0.2', network, adv='10.77.0.2'),
            lsa(3, '198.51.100.0', summary, age=0x8000 | 5),
            lsa(4, '192.0.2.9', asbr),
            lsa(5, '203.0.113.0', ext, seq=0x80000010),
            lsa(7, '203.0.113.128', ext[:16], opts=0x08),
            lsa(6, '233.252.0.1', group)]
    o4(ospf2(4, struct.pack('!I', len(lsas)) + b''.join(lsas)))
    # a router LSA with an unknown link type (the rest of it skipped), unknown LSA types
    rbad = struct.pack('!BBH', 0x80, 0, 2) + rlink('10.77.0.2', '10.77.0.1', 9, 1) + \
        rlink('10.77.0.3', '10.77.0.1', 1, 1)
    lsas = [lsa(1, '10.77.0.1', rbad, opts=0x00), lsa(8, '10.77.0.8', b'\xde\xad\xbe\xef' * 3),
            lsa(200, '10.77.0.9', b''), lsa(1, '10.77.0.3', struct.pack('!BBH', 0x10, 0, 0))]
    o4(ospf2(4, struct.pack('!I', len(lsas)) + b''.join(lsas)))

    # traffic engineering: every link sub-TLV
    sub = (tlv(1, b'\x01') + tlv(2, ip('10.77.0.2')) + tlv(3, ip('10.77.0.1')) +
           tlv(4, ip('10.77.0.2')) + tlv(5, struct.pack('!I', 10)) +
           tlv(6, fl(1.25e9)) + tlv(7, fl(1e9)) +
           tlv(8, b''.join(fl(1.25e8 * i) for i in range(8))) +
           tlv(9, struct.pack('!I', 0x80000001)) + tlv(11, ip('0.0.0.5') + ip('0.0.0.6')) +
           tlv(14, b'\x12\0\0\0') + tlv(14, b'\0\0\0\0') +
           tlv(15, b'\x01\x02\0\0' + b''.join(fl(1e6 * i) for i in range(8))) +
           tlv(15, b'\x33\x63\0\0' + fl(12345.678) * 8 + b'\0' * 4) +
           tlv(17, b'\x00\0\0\0' + fl(5e8) + fl(2.5e8)) + tlv(17, b'\x07\0\0\0') +
           tlv(2, ip('10.77.0.2') + ip('10.77.0.3')) + tlv(99, b'\x01\x02\x03') +
           tlv(16, struct.pack('!III', 1, 2, 0xffffffff)))
    te = tlv(1, ip('10.77.0.1')) + tlv(7, b'\xab\xcd') + tlv(2, sub)
    o4(ospf2(4, struct.pack('!I', 2) + lsa(10, opaque_id(1, 0), te[:8], opts=0x42) +
             lsa(10, opaque_id(1, 1), te[8:], opts=0x42)))
    for bad in (tlv(9, b'\0\0\0'), tlv(2, b'\0\0\0\0\0'), tlv(3, b'\0' * 8), tlv(6, b'\0\0'),
                tlv(8, b'\0' * 16), tlv(17, b'\0\0'), tlv(17, b'\x01\0\0\0\0\0'),
                tlv(17, b'\x01\0\0\0' + b'\0' * 36), tlv(5, b'\0'), tlv(14, b'\0'),
                tlv(15, b'\x01\x01' + b'\0' * 30), tlv(1, b'\x02\x00'), tlv(16, b'\0' * 5),
                struct.pack('!HH', 0, 4) + b'\0' * 4, struct.pack('!HH', 3, 0),
                struct.pack('!HH', 3, 40) + b'\0' * 4, b'\0\x01'):
        body = tlv(2, tlv(1, b'\x02') + bad)
        o4(ospf2(4, struct.pack('!I', 1) + lsa(10, opaque_id(1, 2), body, opts=0x42)))
    # TE TLV errors, and a TE LSA followed by another LSA
    for body in (tlv(1, b'\0\0'), struct.pack('!HH', 1, 40) + ip('10.77.0.1'),
                 struct.pack('!HH', 0, 4) + ip('10.77.0.1'), tlv(1, ip('10.77.0.1'))[:6],
                 struct.pack('!HH', 1, 6) + b'\x0a\x4d\0\x01\0\0'):
        o4(ospf2(4, struct.pack('!I', 1) + lsa(10, opaque_id(1, 4), body)))
    o4(ospf2(4, struct.pack('!I', 3) + lsa(10, opaque_id(1, 5), tlv(1, ip('10.77.0.1'))) +
             lsa(10, opaque_id(1, 6), tlv(2, tlv(1, b'\x01') + tlv(5, b'\0\0\0\x01'))) +
             lsa(2, '10.77.0.2', network)))
    # graceful restart
    grace = tlv(1, struct.pack('!I', 120)) + tlv(2, b'\x01') + tlv(3, ip('10.77.0.1')) + \
        tlv(9, b'\x01\x02\x03')
    o4(ospf2(4, struct.pack('!I', 2) + lsa(9, opaque_id(3, 0), grace, opts=0x42, age=1) +
             lsa(9, opaque_id(3, 0), tlv(2, b'\x02') + tlv(2, b'\x03') + tlv(2, b'\x09'), opts=0x42)))
    for body in (tlv(1, b'\0\0'), tlv(2, b'\x01\x02'), tlv(3, b'\x01'), tlv(0, b'\x01'),
                 struct.pack('!HH', 1, 0), struct.pack('!HH', 1, 8) + b'\0\0\0\x05',
                 b'\0\x01', tlv(1, struct.pack('!I', 60))[:6]):
        o4(ospf2(4, struct.pack('!I', 1) + lsa(9, opaque_id(3, 0), body, opts=0x42)))
    # router information (capabilities, an SR-style unknown TLV), unknown opaque types
    ri = tlv(1, struct.pack('!I', 0x3ff)) + tlv(8, b'\x00\x01', pad=False) + \
        tlv(1, struct.pack('!I', 0x1000))
    o4(ospf2(4, struct.pack('!I', 4) + lsa(10, opaque_id(4, 0), ri, opts=0x42) +
             lsa(11, opaque_id(4, 0), tlv(1, struct.pack('!I', 0x30)), opts=0x42) +
             lsa(10, opaque_id(7, 1), tlv(1, b'\x01\x00\x00\x00' + ip('10.77.0.0')), opts=0x42) +
             lsa(10, opaque_id(8, 1), b'\x00\x01\x00\x04\x01\x02\x03\x04', opts=0x42)))
    for body in (tlv(1, b'\0\0'), struct.pack('!HH', 1, 8) + b'\0\0\0\x10', b'\0\x01',
                 struct.pack('!HH', 1, 4) + b'\0\0'):
        o4(ospf2(4, struct.pack('!I', 1) + lsa(10, opaque_id(4, 0), body, opts=0x42)))
    # bogus LSA length, more LSAs announced than sent, LSAs cut short
    o4(ospf2(4, struct.pack('!I', 2) + lshdr(1, '10.77.0.1', length=19) + lsa(2, '10.77.0.2', network)))
    o4(ospf2(4, struct.pack('!I', 3) + lsa(2, '10.77.0.2', network)))
    o4(ospf2(4, struct.pack('!I', 0)))
    o4(ospf2(4, struct.pack('!I', 1) + lsa(1, '10.77.0.1', router)[:40]))
    o4(ospf2(4, struct.pack('!I', 1) + lshdr(1, '10.77.0.1', length=24) + b'\x01\x00'))
    o4(ospf2(4, struct.pack('!I', 1) + lshdr(5, '10.77.0.1', length=22) + b'\xff\xff'))
    o4(ospf2(4, struct.pack('!I', 1) + lshdr(3, '10.77.0.1', length=24) + b'\xff\xff\xff\x00'))
    o4(ospf2(4, struct.pack('!I', 1) + lshdr(4, '10.77.0.1', length=24) + b'\0\0\0\0'))
    o4(ospf2(4, struct.pack('!I', 1) + lsa(2, '10.77.0.2', network), length=40))

    # ---------------------------------------------------------------- v2 LSAck
    o4(ospf2(5, lshdr(1, '10.77.0.1', length=48) + lshdr(2, '10.77.0.2', length=32, adv='10.77.0.2') +
             lshdr(10, opaque_id(1, 3), length=124, opts=0x42)))
    o4(ospf2(5, lshdr(1, '10.77.0.1', length=48) + lshdr(3, '10.77.0.0', length=3)))
    o4(ospf2(5, b''))

    # ---------------------------------------------------------------- OSPFv3
    def ospf3(typ, body, rid='10.77.0.1', area='0.0.0.0', inst=0, ver=3, length=None,
              after=b''):
        ln = 16 + len(body) if length is None else length
        return struct.pack('!BBH4s4sHBB', ver, typ, ln, ip(rid), ip(area), 0, inst, 0) + body + after

    def hello3(ifid=5, prio=1, opts=0x13, hint=10, dead=40, dr='0.0.0.0', bdr='0.0.0.0', nbrs=()):
        return struct.pack('!II', ifid, (prio << 24) | opts) + struct.pack('!HH4s4s', hint, dead,
                                                                              ip(dr), ip(bdr)) + \
            b''.join(ip(n) for n in nbrs)

    def at(t=1, said=1, csn=(0, 1), data=b'\x11' * 32, ln=None):
        return struct.pack('!HHHHII', t, 16 + len(data) if ln is None else ln, 0, said, *csn) + data

    def h6(typ, lsid, adv='10.77.0.1', age=1, seq=0x80000001, length=20):
        lsid_b = struct.pack('!I', lsid) if isinstance(lsid, int) else ip(lsid)
        return struct.pack('!HH4s4sIHH', age, typ, lsid_b, ip(adv), seq, 0x4321, length)

    def lsa6(typ, lsid, body, **kw):
        return h6(typ, lsid, length=20 + len(body), **kw) + body

    def pfx(p, plen, opt=0, metric=10):
        raw = ip6a(p)[:(plen + 31) // 32 * 4]
        return struct.pack('!BBH', plen, opt, metric) + raw

    o6(ospf3(1, hello3()))
    o6(ospf3(1, hello3(dr='10.77.0.2', bdr='10.77.0.1', nbrs=('10.77.0.2', '192.0.2.2'), prio=64),
             area='0.0.0.1', inst=1))
    o6(ospf3(1, hello3(opts=0x713, nbrs=('10.77.0.2',)),
             after=struct.pack('!HH', 0xabcd, 12) + tlv(1, struct.pack('!I', 1)) + at()))
    o6(ospf3(1, hello3(opts=0x613), after=struct.pack('!HH', 0, 2) + at()))
    o6(ospf3(1, hello3(opts=0x613), after=b'\0\0'))
    o6(ospf3(1, hello3(opts=0x413), after=at(t=3, said=0xffff, csn=(0xdeadbeef, 7))))
    o6(ospf3(1, hello3(opts=0x413), after=at(ln=8)))
    o6(ospf3(1, hello3(opts=0x413), after=at(ln=200)))
    o6(ospf3(1, hello3(opts=0x413), after=at()[:10]))
    o6(ospf3(1, hello3(opts=0x3f)), cut=30)
    o6(ospf3(1, hello3(), length=80))
    o6(ospf3(1, hello3(), ver=2))
    o6(ospf3(7, hello3()))
    o6(ospf3(5, b'', length=12))

    hdrs6 = (h6(0x2001, 0, length=56) + h6(0x2002, 5, adv='10.77.0.2', length=32) +
             h6(0x0008, 5, length=56) + h6(0x2009, 0, length=52) + h6(0x4005, 1, length=36) +
             h6(0x2003, 2, length=40) + h6(0x2004, 3, length=32) + h6(0x000b, 0, length=36) +
             h6(0xa00f, 9, length=20) + h6(0x6001, 1, length=20) + h6(0x400c, 0, length=10))
    o6(ospf3(2, struct.pack('!IHBBI', 0x13, 1500, 0, 0x07, 0x1000) + hdrs6[:40]))
    o6(ospf3(2, struct.pack('!IHBBI', 0x213, 1500, 0, 0x13, 0x1001) + hdrs6,
             after=struct.pack('!HH', 0, 4)))
    o6(ospf3(2, struct.pack('!IHBBI', 0x13, 1500, 0, 0x00, 0x1002) + hdrs6[:30]))

    def lsr6(t, lsid, adv):
        return struct.pack('!HHI4s', 0, t, lsid, ip(adv))
    o6(ospf3(3, lsr6(0x2001, 0, '10.77.0.2') + lsr6(0x0008, 5, '10.77.0.2') +
             lsr6(0x2009, 0, '10.77.0.2') + lsr6(0xe00e, 1, '192.0.2.1')))
    o6(ospf3(3, lsr6(0x2001, 0, '10.77.0.2') + b'\0\0\x20\x02\0\0'))

    def rl6(typ, metric, ifid, nifid, nrid):
        return struct.pack('!BBHII4s', typ, 0, metric, ifid, nifid, ip(nrid))
    r6 = struct.pack('!I', 0x1f000033) + rl6(1, 10, 5, 6, '10.77.0.2') + \
        rl6(2, 1, 5, 5, '10.77.0.2') + rl6(4, 100, 7, 8, '192.0.2.4')
    n6 = struct.pack('!I', 0x33) + ip('10.77.0.1') + ip('10.77.0.2')
    iap = struct.pack('!I', 0x000040) + pfx('2001:db8:77::', 64) + pfx('::', 0, metric=1) + \
        pfx('2001:db8:77::1', 128, opt=0x02) + pfx('2001:db8:78::', 48, opt=0x3f)
    ext6 = struct.pack('!I', 0x83000014) + pfx('2001:db8:99::', 48, metric=0x0100) + \
        ip6a('2001:db8:77::9') + struct.pack('!I', 77) + ip('10.77.0.99')
    ext6b = struct.pack('!I', 0x00ffffff) + pfx('::', 0)
    link6 = struct.pack('!I', 0x01000013) + ip6a('2001:db8:77::1') + struct.pack('!I', 2) + \
        pfx('2001:db8:77::', 64) + pfx('2001:db8:77:1::', 60, opt=0x10)
    intra6 = struct.pack('!HHI4s', 2, 0x2001, 0, ip('10.77.0.1')) + pfx('2001:db8:77::', 64) + \
        pfx('2001:db8:77::1', 128, opt=0x02, metric=0)
    lsas6 = [lsa6(0x2001, 0, r6), lsa6(0x2002, 5, n6, adv='10.77.0.2'), lsa6(0x2003, 2, iap),
             lsa6(0x2004, 3, struct.pack('!II4s', 0x13, 20, ip('192.0.2.9'))),
             lsa6(0x4005, 1, ext6), lsa6(0x4005, 2, ext6b), lsa6(0x0008, 5, link6),
             lsa6(0x2009, 0, intra6), lsa6(0x2007, 4, ext6b), lsa6(0xa00f, 9, b'\x01\x02\x03')]
    o6(ospf3(4, struct.pack('!I', len(lsas6)) + b''.join(lsas6)))
    o6(ospf3(4, struct.pack('!I', 3) + lsa6(0x000b, 0, grace) +
             lsa6(0x000a, 1, tlv(1, ip('10.77.0.1')) + tlv(2, tlv(1, b'\x02') + tlv(5, b'\0\0\0\x07'))) +
             lsa6(0x2001, 0, struct.pack('!I', 0x01) + rl6(9, 1, 1, 1, '10.77.0.9') + rl6(1, 1, 1, 1, '10.77.0.2'))))
    # v3 LSA errors: each stops the packet
    for l in (lsa6(0x2001, 0, b'\0\0'), lsa6(0x2001, 0, struct.pack('!I', 1) + b'\0' * 8),
              lsa6(0x2002, 0, b'\0\0'), lsa6(0x2002, 0, struct.pack('!I', 0) + b'\0\0'),
              lsa6(0x2003, 0, b'\0\0'), lsa6(0x2003, 0, struct.pack('!I', 1) + b'\x81\0\0\x01' + b'\0' * 16),
              lsa6(0x2003, 0, struct.pack('!I', 1) + b'\x40\0\0\x01\x20\x01'),
              lsa6(0x2003, 0, struct.pack('!I', 1) + b'\x40\0'),
              lsa6(0x4005, 1, b'\0'), lsa6(0x4005, 1, struct.pack('!I', 0x02000000) + pfx('::', 0)),
              lsa6(0x4005, 1, struct.pack('!I', 0x01000000) + pfx('::', 0)),
              lsa6(0x4005, 1, struct.pack('!I', 0) + pfx('::', 0, metric=0x100)),
              lsa6(0x4005, 1, struct.pack('!I', 0)),
              lsa6(0x0008, 1, b'\0'), lsa6(0x0008, 1, b'\0' * 8),
              lsa6(0x0008, 1, struct.pack('!I', 0) + b'\0' * 16 + struct.pack('!I', 3) + pfx('::', 0)),
              lsa6(0x2009, 0, b'\0\0'), lsa6(0x2009, 0, struct.pack('!HHI', 1, 0x2001, 0)),
              lsa6(0x2009, 0, struct.pack('!HHI4s', 1, 0x2001, 0, ip('10.77.0.1'))),
              lsa6(0x000b, 0, tlv(1, b'\0')), lsa6(0x000a, 0, tlv(2, tlv(9, b'\0'))),
              h6(0x2001, 0, length=12) + b'\0' * 8, h6(0x2002, 0, length=200) + b'\0' * 8,
              h6(0x2002, 0, length=24)):
        o6(ospf3(4, struct.pack('!I', 2) + l + lsa6(0x2002, 5, n6)))
    o6(ospf3(4, struct.pack('!I', 1) + lsa6(0x2002, 5, n6)), cut=40)
    o6(ospf3(4, struct.pack('!I', 5) + lsa6(0x2002, 5, n6)))
    o6(ospf3(5, hdrs6[:60]))
    o6(ospf3(5, hdrs6[:50]))
    o6(ospf3(5, hdrs6[:40], after=at()))
    o6(ospf3(4, struct.pack('!I', 1) + lsa6(0x2002, 5, n6), length=28))
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
