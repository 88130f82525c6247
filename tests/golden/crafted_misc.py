#!/usr/bin/env python3
"""Small protocols with one printer each: TIPC (ethertype 0x88ca: data,
internal and neighbour-detection headers), Cisco VQP (UDP 1589) and IGRP
(IP protocol 9), LWAPP data and control (UDP 12222/12223), AHCP (UDP 5359)
with every option, zephyr (UDP 2103/2104) notices of every class tcpdump
names, lwres (UDP 921) queries and responses, NetFlow v1/v5/v6 (what -T
cnfp reads), wb whiteboard messages (UDP destination 4567, -T wb) and LMP
(UDP 701, -T lmp) with every object; bad lengths and datagrams cut short
for each.  Hand-built, sent on the veth with AF_PACKET.
Usage: crafted_misc.py IFACE PEER_MAC"""
import socket, struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'


def a4(s):
    return socket.inet_aton(s)


def a6(s):
    return socket.inet_pton(socket.AF_INET6, s)


def tipc(user, hsize, msize, w1=0, words=()):
    w0 = (2 << 29) | (user << 25) | (hsize << 21) | msize
    return struct.pack('!II', w0, w1) + b''.join(struct.pack('!I', w) for w in words)


def zephyr(*fields):
    return b''.join(f.encode() + b'\0' for f in fields)


def zhdr(kind, cls, inst, op, sender='alice@EXAMPLE.ORG', recip='', ver='ZEPH0.2'):
    return zephyr(ver, '11', '%x' % kind, 'uid0001', '8a2', '0', '0', '', cls, inst, op,
                  sender, recip, 'text/plain', '3f', '0', 'muid')


def lwres(op, flags=0, body=b'', ver=0, length=None, serial=0x1234, result=0):
    ln = 28 + len(body) if length is None else length
    return struct.pack('!IHHIIIIHH', ln, ver, flags, serial, op, result, 4096, 0, 0) + body


def lwname(s):
    return struct.pack('!H', len(s)) + s.encode() + b'\0'


def lwaddr(fam, data):
    return struct.pack('!IH', fam, len(data)) + data


def nf_rec(ver, src, dst, proto, flags, sport=1024, dport=80, extra=0):
    addrs = a4(src) + a4(dst) + a4('192.0.2.254')
    common = struct.pack('!HHIIII', 1, 2, 10, 4000, 123456, 125000)
    if ver == 1:
        return addrs + common + struct.pack('!HHHBBB3sI', sport, dport, 0, proto, 0x10, flags,
                                            b'', 0)
    return addrs + common + struct.pack('!HHBBBBHHBBH4s', sport, dport, 0, flags, proto, 0x20,
                                        64500, 64501, 24, 16, extra, a4('192.0.2.1'))


def netflow(ver, recs, count=None, seq=77):
    n = len(recs) if count is None else count
    if ver == 1:
        h = struct.pack('!HHIII', ver, n, 0, 1700000000, 5000)
    else:
        h = struct.pack('!HHIIIIBBH', ver, n, 0, 1700000000, 5000, seq, 0, 1, 0)
    return h + b''.join(recs)


def wbhdr(typ, flags=0):
    return struct.pack('!IIHBB', 0x0a4d0001, 1000, 1, typ, flags)


def dop(ts, typ, body=b''):
    d = struct.pack('!IHBB', ts, len(body), 0, typ) + body
    return d + b'\0' * (-len(d) % 4)


def lmp(typ, objs, flags=0, ver=1, length=None):
    body = b''.join(objs)
    ln = 8 + len(body) if length is None else length
    return struct.pack('!HBBHH', ver << 12, flags, typ, ln, 0) + body


def lobj(cls, ct, val, neg=False, length=None):
    ln = 4 + len(val) if length is None else length
    return struct.pack('!BBH', ct | (0x80 if neg else 0), cls, ln) + val


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def u4(sport, dport, payload, src=A, dst=B):
        fr.append(eth(peermac, me, 0x0800, ip4(src, dst, 17, udp(src, dst, sport, dport, payload))))

    def u6(sport, dport, payload):
        fr.append(eth(peermac, me, 0x86dd, ip6(A6, B6, 17, udp(A6, B6, sport, dport, payload, v6=True))))

    # --- TIPC: data (short and long headers), internal, link config, unnamed users
    node, peer = (1 << 24) | (1 << 12) | 2, (1 << 24) | (1 << 12) | 3
    t = lambda b: fr.append(eth(peermac, me, 0x88ca, b))
    t(tipc(0, 10, 40, 2 << 29 | 7, (5 << 16 | 6, node, 0xd150c562, 0x19480020, node, peer, 0, 0)))
    t(tipc(3, 6, 24, 0, (0, node, 36452003, 3511725154)))
    t(tipc(8, 10, 40, 3 << 29 | 1, (0, node, 1, 2, node, peer, 0, 0)))
    t(tipc(11, 10, 60, 1 << 29, (0, node, 1, 2, node, peer)))
    t(tipc(7, 10, 40, 0x2fff1234, (0x00050006, node, 0x00070008, 0x00090000, node, peer, 42,
                                   0x0003000a)))
    t(tipc(12, 10, 1000, 5 << 29, (0, node, 0, 0, node, peer, 1, 2)))
    t(tipc(13, 6, 60, 1 << 29 | 0xbeef, ((1 << 24) | (1 << 12), node, 4711, 1)) + b'\0' * 16)
    t(tipc(13, 6, 60, 7 << 29, ((1 << 24), node, 4711, 1)))
    t(tipc(4, 6, 24))
    t(tipc(0, 10, 40, 0, (0, node, 1, 2, node)))
    t(b'\x40\x00')
    # --- VQP: a join request with every object, answers, errors, broken objects
    ip = a4('192.0.2.10')
    mac = bytes.fromhex('020000aabbcc')

    def vqp(typ, err, objs, ver=1, seq=0x1001, n=None):
        body = b''.join(struct.pack('!IH', o, len(v)) + v for o, v in objs)
        return struct.pack('!BBBBI', ver, typ, err, len(objs) if n is None else n, seq) + body

    join = [(0x0c01, ip), (0x0c02, b'Fa0/1'), (0x0c03, b''), (0x0c04, b'lab-domain'),
            (0x0c05, b'\x01\x02frame\x00x'), (0x0c06, mac), (0x0c08, mac), (0x0c09, b'\x11\x22\x33')]
    u4(1589, 1589, vqp(1, 0, join[:2] + join[3:]))
    u4(1589, 1589, vqp(2, 0, [(0x0c03, b'users'), (0x0c08, mac)]))
    u4(1589, 1589, vqp(3, 0, [(0x0c01, ip), (0x0c08, mac)]))
    u4(1589, 1589, vqp(4, 3, []))
    u4(1589, 1589, vqp(4, 4, []))
    u4(1589, 1589, vqp(2, 5, [(0x0c03, b'x')]))
    u4(1589, 1589, vqp(9, 7, [(0x0c03, b'x')]))
    u4(1589, 1589, vqp(1, 0, [(0x0c01, b'\x01\x02\x03')]))
    u4(1589, 1589, vqp(1, 0, [(0x0c08, b'\x01\x02\x03')]))
    u4(1589, 1589, vqp(1, 0, [(0x0c03, b'')]))
    u4(1589, 1589, vqp(1, 0, [(0, b'ab')]))
    u4(1589, 1589, vqp(1, 0, [(0x0c02, b'Gi1/0/1')], n=3))
    u4(1589, 1589, vqp(1, 0, [], ver=2))
    u4(1589, 1589, vqp(1, 0, [(0x0c02, b'Gi1/0/1')])[:20])
    u4(1589, 1589, vqp(1, 0, [(0x0c04, b'domain')])[:12])
    u4(1589, 1589, b'\x01\x01\x00')
    u4(1589, 1589, b'\x01\x01\x00\x00\x00\x00\x00')
    # --- IGRP: updates with interior, system and exterior routes, requests
    def igrp(op, routes, ni, ns, nx, ed=3, asn=100):
        return struct.pack('!BBHHHHH', 0x10 | op, ed, asn, ni, ns, nx, 0xbeef) + b''.join(routes)

    def rte(net, dly, bw, mtu=1500, rel=255, ld=1, hops=0):
        return a4(net)[:3] + struct.pack('!I', dly)[1:] + struct.pack('!I', bw)[1:] + \
            struct.pack('!HBBB', mtu, rel, ld, hops)

    ig = lambda b: fr.append(eth(peermac, me, 0x0800, ip4(A, B, 9, b, ttl=2)))
    ig(igrp(1, [rte('198.51.100.0', 2000, 1000), rte('192.0.2.0', 100, 0, hops=1),
                rte('203.0.113.0', 0xffffff, 0xffffff, hops=3)], 1, 1, 1))
    ig(igrp(1, [rte('198.51.100.0', 5, 10000)] * 2, 1, 0, 0))
    ig(igrp(2, [], 0, 0, 0))
    ig(igrp(1, [rte('192.0.2.0', 1, 1)], 2, 0, 0))
    ig(igrp(1, [rte('192.0.2.0', 1, 1)], 1, 0, 0) + b'\x00\x01')
    ig(igrp(5, [], 0, 0, 0, ed=0))
    ig(igrp(1, [rte('192.0.2.0', 1, 1)], 1, 0, 0)[:20])
    ig(b'\x11\x00\x00')
    # --- LWAPP: data frames, control messages with and without the AP's identity
    def lwt(flags, rid, frag, body, length=None):
        return struct.pack('!BBHH', flags | rid << 3, frag, len(body) if length is None else length,
                           0) + body

    def lwmsg(typ, seq, body, sess=0x01020304):
        return struct.pack('!BBHI', typ, seq, len(body), sess) + body

    u4(20105, 12222, lwt(0, 1, 29, bytes(range(18))))
    u4(20105, 12222, lwt(3, 2, 30, b'\x88\x02' + bytes(30)))
    u4(20105, 12222, lwt(0, 1, 1, b'', length=4))
    u4(20105, 12222, lwt(0x40, 1, 1, b'ab'))
    u4(20105, 12222, lwt(0, 1, 1, b'abc', length=40))
    u4(20105, 12222, b'\x00\x01\x00')
    ctl = lwmsg(1, 1, b'') + lwmsg(22, 2, b'ping') + lwmsg(99, 3, b'\x01\x02')
    u4(20105, 12223, mac + lwt(4, 0, 191, ctl))
    u4(12223, 20105, lwt(4, 1, 192, lwmsg(2, 1, b'abcd') + lwmsg(40, 9, b'')))
    u4(12223, 20105, lwt(4, 1, 193, lwmsg(4, 1, b'abcd'), length=10))
    u4(12223, 20105, lwt(4, 1, 194, lwmsg(4, 1, b'abcd') + b'\x01\x02', length=14))
    u4(12223, 20105, lwt(4, 1, 195, lwmsg(26, 1, b'abcdefgh'))[:20])
    u4(12223, 20105, lwt(4, 1, 196, lwmsg(27, 1, b'abcd'))[:10])
    u4(20105, 12223, mac[:4])
    u4(20105, 12223, mac + lwt(0x84, 0, 1, b''))
    # --- AHCP: every message and option, bad lengths
    def ahcp(typ, opts, ver=1, magic=43, mbz=0, blen=None, hops=(1, 1)):
        body = b''.join(opts)
        return struct.pack('!BBBBI8s8s', magic, ver, hops[0], hops[1], 0x7ce31135,
                           bytes.fromhex('6aa3c4fffef4841e'), b'\xff' * 8) + \
            struct.pack('!BBH', typ, mbz, len(body) if blen is None else blen) + body

    o = lambda n, v: bytes([n, len(v)]) + v
    opts = [b'\x00', b'\x01', o(2, struct.pack('!I', 1384070382)), o(3, struct.pack('!I', 418)),
            o(4, a6('2001:db8::1')), o(5, a4('192.0.2.1')),
            o(6, a6('2001:db8:1::') + b'\x40' + a6('2001:db8:2::') + b'\x30'),
            o(7, a4('192.0.2.0') + b'\x18'), o(8, a6('2001:db8::5') + a6('2001:db8::6')),
            o(9, a4('192.0.2.7') + a4('198.51.100.7')), o(10, a6('2001:db8:8::') + b'\x38'),
            o(11, a4('203.0.113.0') + b'\x1c'), o(12, a6('2001:db8::53')),
            o(13, a6('2001:db8::123')), o(14, b'xyz')]
    u6(5359, 5359, ahcp(0, opts))
    for typ in (1, 2, 3, 4, 5, 9):
        u6(5359, 5359, ahcp(typ, [o(3, struct.pack('!I', 3600))]))
    u6(5359, 5359, ahcp(1, [o(2, b'\x01\x02')], mbz=7))
    u6(5359, 5359, ahcp(1, [o(3, b'\x01')]))
    u6(5359, 5359, ahcp(1, [o(4, b'\x20\x01')]))
    u6(5359, 5359, ahcp(1, [o(5, b'\xc0\x00\x02')]))
    u6(5359, 5359, ahcp(1, [o(6, a6('2001:db8::'))]))
    u6(5359, 5359, ahcp(1, [o(11, a4('192.0.2.0'))]))
    u6(5359, 5359, ahcp(1, [b'\x05']))
    u6(5359, 5359, ahcp(1, [b'\x05\x09\x01']))
    u6(5359, 5359, ahcp(1, [o(5, a4('192.0.2.1'))], blen=100))
    u6(5359, 5359, ahcp(1, [])[:22])
    u6(5359, 5359, ahcp(1, [])[:26])
    u6(5359, 5359, ahcp(1, [], ver=2))
    u6(5359, 5359, ahcp(1, [], magic=42))
    u6(5359, 5359, b'\x2b')
    u4(5359, 5359, ahcp(3, [o(5, a4('192.0.2.1')), o(13, a6('2001:db8::123'))]))
    u4(5359, 5359, ahcp(3, [o(13, a6('2001:db8::123'))])[:-4])
    # --- zephyr: every class and opcode tcpdump names
    z = lambda *a, **k: u4(2104, 2103, zhdr(*a, **k))
    z(2, 'USER_LOCATE', 'bob@EXAMPLE.ORG', 'USER_HIDE')
    z(2, 'USER_LOCATE', 'bob@EXAMPLE.ORG', 'USER_UNHIDE')
    z(2, 'USER_LOCATE', 'bob@EXAMPLE.ORG', 'LOCATE')
    z(1, 'ZEPHYR_ADMIN', '', 'Hello_Admin')
    u4(2104, 2103, zhdr(1, 'ZEPHYR_CTL', 'CLIENT', 'SUBSCRIBE') + zephyr('MESSAGE', 'PERSONAL', ''))
    u4(2104, 2103, zhdr(1, 'ZEPHYR_CTL', 'CLIENT', 'SUBSCRIBE_NODEFS') + zephyr('c', 'i', 'r@X'))
    u4(2104, 2103, zhdr(1, 'ZEPHYR_CTL', 'CLIENT', 'UNSUBSCRIBE') + zephyr('c', 'i'))
    z(5, 'ZEPHYR_CTL', 'CLIENT', 'SUBSCRIBE')
    for op in ('GIMME', 'GIMMEDEFS', 'CLEARSUB', 'FLUSH'):
        z(1, 'ZEPHYR_CTL', 'CLIENT', op)
    z(4, 'ZEPHYR_CTL', 'HM', 'BOOT')
    for op in ('ADD_SUBSCRIBE', 'REQ_SUBSCRIBE', 'RLM_SUBSCRIBE', 'RLM_UNSUBSCRIBE', 'OTHER'):
        z(1, 'ZEPHYR_CTL', 'REALM', op)
    z(1, 'ZEPHYR_CTL', 'OTHER', 'op')
    z(4, 'HM_CTL', 'SERVER_SHUTDOWN', 'Ping')
    z(8, 'HM_STAT', 'HMST_CLIENT', 'GIMMESTATS')
    z(8, 'HM_STAT', 'HMST_CLIENT', 'OTHER')
    z(1, 'WG_CTL', 'WG_SYN', 'Startup')
    z(2, 'LOGIN', 'bob@EXAMPLE.ORG', 'USER_FLUSH')
    for op in ('NONE', 'OPSTAFF', 'REALM-VISIBLE', 'REALM-ANNOUNCED', 'NET-VISIBLE',
               'NET-ANNOUNCED', 'USER_LOGIN'):
        z(2, 'LOGIN', 'bob@EXAMPLE.ORG', op)
    z(2, 'MESSAGE', 'PERSONAL', 'PING', recip='bob@EXAMPLE.ORG')
    z(0, 'MESSAGE', 'personal', '', sender='')
    z(7, 'message', 'urgent\x01', 'op\xe9'.encode('latin-1').decode('latin-1'))
    u4(2104, 2103, zhdr(5, 'MESSAGE', 'PERSONAL', 'PING') + zephyr('LOST'))
    u4(2104, 2103, zhdr(5, 'MESSAGE', 'PERSONAL', 'PING') + zephyr('SENT'))
    u4(2104, 2103, zhdr(5, 'MESSAGE', 'PERSONAL', 'PING'))
    z(0x1f, 'MESSAGE', 'X' * 150, 'Y' * 150)
    z(1, 'MESSAGE', 'PERSONAL', 'PING', ver='ZEPH0.3')
    u4(2104, 2103, zephyr('NOTZEPHYR', '1'))
    u4(2104, 2103, zhdr(1, 'MESSAGE', 'PERSONAL', 'PING')[:40])
    u4(2104, 2103, b'ZEPH0.2')
    u6(2103, 2104, zhdr(2, 'MESSAGE', 'PERSONAL', 'PING', recip='bob@EXAMPLE.ORG'))
    # --- lwres: queries and responses of every opcode, bad lengths
    gabn_q = struct.pack('!II', 0, 3) + lwname('www.example.com')
    u4(32768, 921, lwres(0x10001, 0, gabn_q))
    u4(32768, 921, lwres(0x10001, 0, struct.pack('!II', 7, 1) + lwname('a.example')))
    u4(32768, 921, lwres(0x10001, 0x10, struct.pack('!II', 0, 0x12) + lwname('b.example')))
    u4(32768, 921, lwres(0x10001, 0, struct.pack('!II', 0, 2) + struct.pack('!H', 3) + b'abcd'))
    u4(921, 32768, lwres(0x10001, 1, struct.pack('!IHH', 0, 2, 3) + lwname('www.example.com')[2:]
                         .join([struct.pack('!H', 15), b'']) +
                         lwname('alias1.example') + lwname('alias2.example') +
                         lwaddr(1, a4('192.0.2.80')) + lwaddr(2, a6('2001:db8::80')) +
                         lwaddr(9, b'\xab\xcd'), result=0))
    u4(921, 32768, lwres(0x10001, 1, struct.pack('!IHH', 0, 0, 1) + lwname('x.example')[2:]
                         .join([struct.pack('!H', 9), b'']) + lwaddr(1, b'\x01\x02')))
    u4(32768, 921, lwres(0x10002, 0, struct.pack('!I', 0) + lwaddr(1, a4('192.0.2.80'))))
    u4(32768, 921, lwres(0x10002, 0, struct.pack('!I', 0) + lwaddr(2, a6('2001:db8::80'))))
    u4(32768, 921, lwres(0x10002, 0, struct.pack('!I', 0) + lwaddr(2, a4('192.0.2.80'))))
    u4(921, 32768, lwres(0x10002, 1, struct.pack('!IHH', 0, 1, 16) + b'www.example.com\0' +
                         lwname('w.example')))
    u4(32768, 921, lwres(0x10003, 0, struct.pack('!IHHH', 0, 1, 16, 11) + b'example.org\0'))
    u4(32768, 921, lwres(0x10003, 0, struct.pack('!IHHH', 0, 3, 99, 11) + b'example.org!'))
    u4(921, 32768, lwres(0x10003, 1, struct.pack('!IHHIHH', 0, 4, 1, 93784, 2, 1) +
                         lwname('example.org') + struct.pack('!H', 4) + a4('192.0.2.1') +
                         struct.pack('!H', 2) + b'\xaa\xbb' + struct.pack('!H', 3) + b'sig'))
    u4(32768, 921, lwres(0, 0, b''))
    u4(921, 32768, lwres(0, 1, b'extra'))
    u4(32768, 921, lwres(0x10009, 0, b'zz'))
    u4(921, 32768, lwres(0x10009, 3, b''))
    u4(32768, 921, lwres(0x10001, 0, gabn_q, length=10))
    u4(32768, 921, lwres(0x10001, 0, gabn_q, length=200))
    u4(32768, 921, lwres(0, 0, b'', ver=1, length=40))
    u4(32768, 921, lwres(0x10001, 0, gabn_q)[:45])
    u4(32768, 921, lwres(0, 0, b'')[:20])
    # --- NetFlow v1, v5, v6 and others (shown by -T cnfp)
    recs5 = [nf_rec(5, '192.0.2.1', '198.51.100.2', 6, 0x1b),
             nf_rec(5, '192.0.2.3', '198.51.100.4', 17, 0, 53, 53),
             nf_rec(5, '192.0.2.5', '198.51.100.6', 6, 0, 22, 50000)]
    u4(50001, 2055, netflow(5, recs5))
    u4(50001, 2055, netflow(1, [nf_rec(1, '203.0.113.1', '203.0.113.2', 6, 0x3f),
                                nf_rec(1, '203.0.113.3', '203.0.113.4', 1, 0, 0, 0x0800)]))
    u4(50001, 2055, netflow(6, [nf_rec(6, '192.0.2.9', '198.51.100.9', 6, 0x02, extra=0x0102)]))
    u4(50001, 2055, netflow(5, recs5[:1], count=2))
    u4(50001, 2055, netflow(5, [])[:20])
    u4(50001, 2055, netflow(5, recs5[:1])[:40])
    u4(50001, 2055, netflow(9, []))
    u4(50001, 2055, b'\x00')
    # --- wb: every message type (destination port 4567)
    pg = a4('192.0.2.50') + struct.pack('!I', 3)
    w = lambda b: u4(32000, 4567, b)
    w(wbhdr(1) + struct.pack('!I', 9) + pg + struct.pack('!I', 2) + pg + struct.pack('!HH', 2, 0) +
      a4('192.0.2.51') + struct.pack('!I', 7) + a4('192.0.2.52') + struct.pack('!I', 8) + b'lab-site\0')
    w(wbhdr(1, 1) + struct.pack('!I', 9) + pg + struct.pack('!I', 2) + pg + struct.pack('!HH', 5, 0))
    w(wbhdr(1) + b'\0' * 10)
    w(wbhdr(2) + a4('192.0.2.60') + pg + struct.pack('!II', 10, 20))
    w(wbhdr(2) + a4('192.0.2.60'))
    w(wbhdr(3) + a4('192.0.2.61') + pg + struct.pack('!II', 1, 5) + dop(1, 2, b'rect') +
      dop(2, 3) + dop(4, 14) + dop(5, 9, b'hello'))
    w(wbhdr(0) + pg + struct.pack('!II', 1, 4) + dop(1, 8, b'c') + dop(3, 15) + dop(4, 99))
    w(wbhdr(0) + pg + struct.pack('!II', 3, 4) + dop(1, 14))
    w(wbhdr(0) + pg + struct.pack('!II', 1, 2) + dop(9, 15))
    w(wbhdr(0) + pg + struct.pack('!II', 1, 9) + dop(1, 2))
    w(wbhdr(0) + pg)
    w(wbhdr(5) + pg + struct.pack('!II', 4, 8))
    w(wbhdr(5) + pg)
    w(wbhdr(7) + struct.pack('!I', 2) + struct.pack('!I', 1) + pg + struct.pack('!HH', 0x0100, 0) +
      a4('192.0.2.70') + struct.pack('!I', 11) + struct.pack('!I', 2) + pg + struct.pack('!HH', 0, 0))
    w(wbhdr(7) + struct.pack('!I', 3) + struct.pack('!I', 1) + pg + struct.pack('!HH', 0, 0))
    w(wbhdr(7))
    w(wbhdr(4))
    w(wbhdr(6) + b'\0' * 4)
    w(wbhdr(4)[:8])
    # --- LMP: every object (UDP 701)
    ip1, ip2 = a4('192.0.2.1'), a4('192.0.2.2')
    v6a, v6b = a6('2001:db8::1'), a6('2001:db8::2')
    bw = struct.pack('!f', 1.25e8)
    objs = [lobj(1, 1, struct.pack('!I', 5)), lobj(2, 2, ip1, neg=True),
            lobj(3, 1, ip1), lobj(3, 3, v6a), lobj(4, 5, struct.pack('!I', 9)), lobj(4, 2, ip2),
            lobj(5, 1, struct.pack('!I', 77)), lobj(5, 2, struct.pack('!I', 78)),
            lobj(6, 1, struct.pack('!HH', 150, 600)), lobj(7, 1, struct.pack('!II', 3, 4)),
            lobj(8, 1, struct.pack('!HHIBBH', 3, 10, 2, 5, 0, 0x2000) + bw + struct.pack('!I', 1550)),
            lobj(9, 1, struct.pack('!HH', 30, 1)), lobj(10, 1, struct.pack('!I', 99)),
            lobj(11, 1, b'\x03\0\0\0' + ip1 + ip2), lobj(11, 2, b'\x01\0\0\0' + v6a + v6b),
            lobj(11, 3, b'\x00\0\0\0' + struct.pack('!II', 1, 2)),
            lobj(12, 1, b'\x07\0\0\0' + ip1 + ip2 + struct.pack('!BBBB', 1, 12, 51, 2) + bw + bw +
                 struct.pack('!BBHI', 2, 8, 0, 1550)),
            lobj(12, 2, b'\x01\0\0\0' + v6a + v6b), lobj(12, 3, b'\0' * 4 + struct.pack('!II', 3, 4)),
            lobj(13, 1, ip1 + struct.pack('!I', 0xc0000001) + ip2 + struct.pack('!I', 5)),
            lobj(13, 2, v6a + struct.pack('!I', 0x40000002)),
            lobj(13, 3, struct.pack('!II', 6, 3)), lobj(14, 1, ip1 + ip2), lobj(14, 2, v6a),
            lobj(14, 3, struct.pack('!I', 6)), lobj(20, 1, struct.pack('!I', 0x15)),
            lobj(20, 2, struct.pack('!I', 0x3f)), lobj(51, 1, b'\x03\x01\0\0'),
            lobj(51, 2, struct.pack('!BBBBHHHH', 5, 8, 7, 1, 1, 4, 1, 64) + ip1),
            lobj(51, 2, struct.pack('!BBBBHHHH', 6, 99, 0, 0, 0, 0, 0, 0) + ip2),
            lobj(51, 2, struct.pack('!BBBBHHHH', 9, 5, 0, 0, 0, 0, 0, 0) + ip2),
            lobj(51, 3, struct.pack('!IBBBB', 3, 0, 0, 0, 1)), lobj(51, 4, b'\0\0\0\x07'),
            lobj(51, 9, b'\0' * 4), lobj(60, 1, b'unknown!')]
    u4(701, 701, lmp(1, objs[:12], flags=3))
    u4(701, 701, lmp(14, objs[12:20]))
    u4(701, 701, lmp(17, objs[20:27]))
    u4(701, 701, lmp(50, objs[27:]))
    bad = [lobj(1, 1, b'\0' * 8), lobj(2, 9, b'\0' * 4), lobj(7, 1, b'\0' * 4),
           lobj(8, 1, b'\0' * 4), lobj(9, 1, b''), lobj(10, 1, b''), lobj(11, 1, b'\0' * 8),
           lobj(12, 1, b'\0' * 8), lobj(20, 1, b''), lobj(51, 1, b''), lobj(51, 2, b''),
           lobj(51, 3, b''), lobj(51, 4, b''), lobj(6, 1, b''), lobj(5, 1, b''), lobj(3, 1, b''),
           lobj(3, 9, b''), lobj(13, 7, b''), lobj(14, 7, b''),
           lobj(12, 1, b'\0' * 12 + struct.pack('!BBH', 1, 2, 0)),
           lobj(12, 1, b'\0' * 12 + struct.pack('!BBH', 1, 6, 0)),
           lobj(12, 1, b'\0' * 12 + struct.pack('!BBH', 2, 12, 0) + b'\0' * 4),
           lobj(12, 1, b'\0' * 12 + struct.pack('!BBHI', 7, 8, 0, 0))]
    u4(701, 701, lmp(3, bad))
    for typ in (2, 4, 5, 7, 10, 16, 19, 52, 99):
        u4(701, 701, lmp(typ, [lobj(5, 1, struct.pack('!I', typ))]))
    u4(701, 701, lmp(4, [lobj(7, 1, b'\0' * 8)], ver=2))
    u4(701, 701, lmp(4, [], length=4))
    u4(701, 701, lmp(4, [lobj(7, 1, b'\0' * 8)], length=40))
    u4(701, 701, lmp(4, [lobj(7, 1, b'\0' * 8), lobj(5, 1, b'\0' * 4)], length=20))
    u4(701, 701, lmp(4, [lobj(7, 1, b'\0' * 8, length=2)]))
    u4(701, 701, lmp(4, [lobj(7, 1, b'\0' * 8, length=10)]))
    u4(701, 701, lmp(4, [lobj(7, 1, b'\0' * 8, length=40)]))
    u4(701, 701, lmp(4, [lobj(7, 1, b'\0' * 8)])[:6])
    u6(701, 701, lmp(1, objs[:3]))
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
