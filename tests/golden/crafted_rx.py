#!/usr/bin/env python3
"""Rx and AFS (UDP ports 7000-7009) as OpenAFS clients and servers send
them: the Rx header with every packet type and flag, ack packets with
acked and nacked runs and the optional trailer, and calls and replies of
the file server, callback, protection, volume location, kauth, volume,
bos and ubik services with their arguments (fids, strings, store status,
ACLs, dates, UUIDs, volume entries), aborts with error codes, replies
with no call seen, and packets cut short at every argument.  Hand-built,
sent on the veth with AF_PACKET.  Usage: crafted_rx.py IFACE PEER_MAC"""
import socket, struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
T0 = 1262304000          # 2010-01-01 00:00:00 UTC


def rxh(typ, flags, call=1, seq=1, serial=1, svc=1, sec=2, cid=0x11223344):
    return struct.pack('!IIIIIBBBBHH', 0x5a5a0001, cid, call, seq, serial,
                       typ, flags, 0, sec, 0, svc)


def w(*vals):
    return b''.join(struct.pack('!I', v & 0xffffffff) for v in vals)


def s(text, pad=True):
    b = text.encode() if isinstance(text, str) else text
    return w(len(b)) + b + (b'\0' * (-len(b) % 4) if pad else b'')


def vec(text, n):
    b = (text.encode() + b'\0' * n)[:n]
    return b''.join(struct.pack('!I', c) for c in b)


def fid(v, n, u):
    return w(v, n, u)


def store(mask, date=T0, owner=1, group=2, mode=0o100644, seg=0):
    return w(mask, date, owner, group, mode, seg)


def uuid(n):
    return w(0x01020304 + n, 0x0506, 0x0708) + w(*range(0x10 + n, 0x18 + n))


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []
    callno = [100]

    def u4(sport, dport, payload, src=A, dst=B):
        fr.append(eth(peermac, me, 0x0800, ip4(src, dst, 17, udp(src, dst, sport, dport, payload))))

    def u6(sport, dport, payload):
        fr.append(eth(peermac, me, 0x86dd, ip6(A6, B6, 17, udp(A6, B6, sport, dport, payload, v6=True))))

    def call(port, op, args=b'', svc=1, flags=0x01, cport=7001):
        callno[0] += 1
        u4(cport, port, rxh(1, flags, call=callno[0], svc=svc) + w(op) + args)
        return callno[0]

    def reply(port, c, body=b'', typ=1, flags=0x04, svc=1, cport=7001):
        u4(port, cport, rxh(typ, flags, call=c, svc=svc) + body, src=B, dst=A)

    def both(port, op, args, rbody=b'', svc=1, abort=None):
        c = call(port, op, args, svc=svc)
        reply(port, c, rbody, svc=svc)
        if abort is not None:
            c = call(port, op, args, svc=svc)
            reply(port, c, w(abort), typ=4, svc=svc)

    # --- the header: every type, every flag, the jumbogram/slow-start bit
    for t in (1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 42):
        u4(7001, 7000, rxh(t, 0x3f, call=7, seq=3) + b'\0' * 24)
    for f in (0, 1, 2, 4, 8, 16, 32, 0x22, 0xff):
        u4(7001, 7000, rxh(1, f, call=8, seq=2) + w(1))
    u4(7001, 7000, rxh(1, 1)[:27])          # header cut short
    u4(7001, 7000, rxh(1, 1))               # a call with no opcode
    u4(7001, 7000, rxh(1, 1) + b'\0\0')     # opcode cut short
    u4(7001, 7009, rxh(1, 1) + w(5))        # a port with no service
    u4(7001, 7006, rxh(1, 1) + w(5))
    # --- acks
    def ack(acks, reason=1, first=10, trailer=4, flags=0x20):
        body = struct.pack('!HHIIIBB', 32, 5, first, 9, 77, reason, len(acks)) + bytes(acks)
        body += b'\0' * 3 + w(1444, 1444, 32, 4)[:trailer * 4]
        u4(7000, 7001, rxh(2, flags, seq=0) + body, src=B, dst=A)
    ack([])
    ack([1, 1, 1, 0, 0, 1, 0, 1, 1], reason=2)
    ack([0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1], reason=6, trailer=2)
    ack([1] * 20, reason=9, trailer=0)
    ack([0] * 5 + [2, 1], reason=42, trailer=3)
    for r in range(1, 10):
        ack([1, 0], reason=r, trailer=1)
    u4(7000, 7001, rxh(2, 0) + b'\0' * 10, src=B, dst=A)          # ack cut short
    u4(7000, 7001, rxh(2, 0) + struct.pack('!HHIIIBB', 1, 2, 3, 4, 5, 6, 20) + b'\1\1',
       src=B, dst=A)                                                # ack list cut short
    # --- file server calls and replies
    F = fid(536870915, 2, 1234)
    both(7000, 130, F + w(0, 65536))
    c = call(7000, 131, F)
    reply(7000, c, s(b'2 1\nsystem:administrators 127\nuser\x01name 9\nbad 1\n\0'))
    c = call(7000, 131, F)
    reply(7000, c, s(b'garbage'))
    both(7000, 132, F, abort=103)
    both(7000, 133, F + store(0x41f) + w(0, 100, 100))
    both(7000, 134, F + s(b'1 0\nanyuser 8\n'))
    both(7000, 135, F + store(0))
    both(7000, 136, F + s('old.txt'), abort=0xffffff9c)
    both(7000, 137, F + s('new file') + store(0x6), fid(1, 3, 5))
    both(7000, 138, F + s('a') + fid(9, 8, 7) + s('b'))
    both(7000, 139, F + s('ln') + s('target/path'))
    both(7000, 140, F + s('hard') + fid(4, 4, 4))
    both(7000, 141, F + s('dir') + store(1), fid(6, 6, 6), abort=108)
    both(7000, 142, F + s('dir'), abort=999)
    both(7000, 143, F)
    both(7000, 148, s('root.cell'))
    both(7000, 149, w(536870912))
    both(7000, 151, b'', s('root.afs'))
    both(7000, 153, b'', w(T0 + 3661, 0))
    both(7000, 154, s('user.me'))
    both(7000, 155, w(2) + F + fid(1, 1, 1))
    both(7000, 65536, w(0))
    both(7000, 65537, F + w(0, 5, 0, 4096))
    both(7000, 65538, F + store(2) + w(0, 1, 0, 2, 0, 3))
    both(7000, 65541, w(0x0a4d0001))
    both(7000, 99999, w(1))
    c = call(7000, 130, F)
    reply(7000, c, typ=7)                                # a strange reply type
    reply(7000, 999999, w(1))                            # no call seen
    u6(7001, 7000, rxh(1, 1, call=5) + w(132) + F)       # over IPv6
    u6(7000, 7001, rxh(1, 4, call=5) + w(1))
    # cut arguments: checked (" [|fs]") and fetched (" [|rx]")
    call(7000, 130, F[:8])
    call(7000, 130, F + w(0))
    call(7000, 133, F + store(1)[:12])
    call(7000, 136, F + w(300) + b'x' * 8)               # name too long
    call(7000, 136, F + w(20) + b'short')                # name cut short
    call(7000, 134, F + w(50) + b'1 0\n')                # ACL cut short
    call(7000, 155, w(5) + F)
    # --- callback service
    c = call(7001, 204, w(2) + F + fid(2, 2, 2) + w(2, 1, T0, 1, 2, T0 + 60, 2), cport=7000)
    reply(7001, c, b'', cport=7000)
    c = call(7001, 204, w(0, 0), cport=7000)
    reply(7001, c, w(5), typ=4, cport=7000)
    c = call(7001, 213, b'', cport=7000)
    reply(7001, c, uuid(1), cport=7000)
    c = call(7001, 214, uuid(2), cport=7000)
    reply(7001, c, b'', cport=7000)
    call(7001, 214, uuid(3)[:20], cport=7000)
    c = call(7001, 206, b'', cport=7000)
    reply(7001, c, w(0xfffffffe), typ=4, cport=7000)
    # --- protection server
    for op, args, rb in (
            (500, s('newuser') + w(1001, 0), b''), (501, w(5), b''), (502, w(3), b''),
            (503, w(5, 6), b''), (504, w(2) + vec('alice', 64) + vec('bob', 64), w(2, 7, 8)),
            (505, w(3, 1, 2, 3), w(1) + vec('carol', 64)), (505, w(0), w(0)),
            (508, w(9), w(3, 1, 2, 3)), (509, s('grp') + w(4, 5), b''),
            (510, b'', w(100, 0xffffff00)), (511, w(1, 2), b''),
            (513, w(7) + s('ren') + w(8, 9), b''), (514, w(9), w(0)),
            (520, w(7) + s('upd'), b''), (530, w(1), b''), (599, b'', b'')):
        both(7002, op, args, rb, abort=267)
    call(7002, 504, w(1) + vec('x', 10))
    # --- ubik through the database services
    for port in (7002, 7003, 7004):
        for op, args, rb in (
                (10000, w(1, T0, 3, 4, 5, 6), b''), (10003, w(0x0a4d0002), b''),
                (20000, w(1, 2), b''), (20002, w(1, 2, 0, 100, 20, 2), b''),
                (20003, w(1, 2, 0, 8), b''), (20004, b'', w(7, 9)),
                (20005, w(0), b''), (20006, w(0, 512, 3, 4), b''),
                (20009, w(1, 2, 0, 99), b''), (20012, w(1, 2, 3, 4, 5, 6), b''),
                (10005, b'', b'')):
            both(port, op, args, rb, abort=T0)
        call(port, 10000, w(0, T0, 3))
        call(port, 20002, w(1, 2, 3, 4, 5))
    # --- volume location server
    VN = vec('root.cell', 65)
    srv8 = w(0) + w(2) + w(0x0a4d0001, 0xc0000201, 0, 0, 0, 0, 0, 0) + \
        w(0, 30, 0, 0, 0, 0, 0, 0) + w(0) * 8 + w(536870912, 536870913, 536870914)
    srv13 = w(3) + w(0x0a4d0001, 0xc0000201, 0xc6336401) + w(0) * 10 + \
        w(1, 2, 27) + w(0) * 10 + w(0) * 13 + w(11, 12, 13)
    srvu = w(1) + uuid(4) + b'\0' * 44 * 12 + w(0) * 13 + w(25) + w(0) * 12 + \
        w(0) * 13 + w(21, 22, 23)
    for op, args, rb in (
            (501, VN, b''), (502, w(536870912, 0), b''), (503, w(536870912, 1), VN + srv8),
            (504, s('root.cell'), VN + srv8), (505, w(1), w(536870999)),
            (506, w(5, 2) + VN, b''), (507, w(5, 7), b''), (510, w(0), w(4, 1) + VN + srv8),
            (517, VN, b''), (518, w(5, 0), VN + srv13), (519, s('vol'), VN + srv13),
            (521, w(2), w(2, 3) + VN + srv13), (526, w(1), VN + srvu),
            (527, s('u'), VN + srvu), (529, w(0), w(1, 2) + VN + srv13), (513, b'', b'')):
        both(7003, op, args, rb, abort=363524)
    c = call(7003, 503, w(1, 0))
    reply(7003, c, VN + srv8[:40])
    c = call(7003, 518, w(1, 0))
    reply(7003, c, VN[:100])
    # --- kauth
    P = s('admin') + s('')
    for op, args in ((1, P), (21, P), (22, P), (2, P), (5, P), (6, P), (7, P), (8, P),
                     (14, P), (15, P), (3, w(1) + s('CELL') + s(b'\1\2\3\4\5') + P),
                     (23, w(2) + s('X') + w(0) + P), (4, P + w(3)), (12, s('afs')),
                     (13, b'')):
        both(7004, op, args, w(0), abort=180490)
    call(7004, 23, w(1) + s('C') + w(100) + b'\0' * 8)
    # --- volume server
    for op, args, rb in (
            (100, w(1) + s('v') + w(0, 2), w(536870999, 7)), (101, w(7), b''),
            (102, w(7, 1), b''), (103, w(7, T0) + w(1, 2, 3) + w(8), b''),
            (104, w(7), w(0)), (105, w(7, 0, 1) + s('v.backup'), w(536871000)),
            (106, w(7, 4), b''), (107, w(7), w(3)), (108, w(5, 0, 1), w(9)),
            (109, w(7, T0), b''), (110, w(2), w(536870912, 1)), (111, w(1, 2), b''),
            (112, w(7), s('vol.name')),
            (113, w(7), w(536870912, 9, 0, 1, 2, 3, 4, 5, 6, 7) + w(T0, T0 + 1, T0 + 2, 0, T0 + 4, T0 + 5)),
            (114, s('v') + w(1, 2, 3), b''), (115, b'', b''),
            (116, w(1, 0), w(2) + vec('vol.one', 32) + w(5) + w(0) * 21 + vec('two', 32) + w(6) + w(0) * 21),
            (117, w(1) + s('n') + w(1, 2, 3, 4), b''), (119, s('/vicepa'), b''),
            (120, w(3), b''), (121, w(0, 536870912), w(0)), (122, w(0, 1), b''),
            (123, w(7, T0), b''), (124, w(0, 0), b''), (126, w(7), b''),
            (128, w(7, T0, 2, 1, 2, 3, 4, 5, 6), b''), (128, w(7, T0, 0), b''),
            (65536, w(1, 2), b''), (65538, w(7, T0, 1), b''), (655537, w(7, T0), b'')):
        both(7005, op, args, rb, abort=1492325120)
    call(7005, 103, w(7, T0, 1))
    # --- bos
    for op, args in ((80, s('simple') + s('fs')), (81, s('fs')), (82, s('fs') + w(1)),
                     (83, s('fs')), (84, w(0)), (85, s('vl')), (86, s('vl') + w(2)),
                     (87, s('admin')), (89, w(1)), (95, w(0)), (98, s('x') + w(0)),
                     (105, s('/usr/afs/bin/fs') + w(100, 0, T0)), (108, s('ls')),
                     (114, s('ptserver')), (116, w(1))):
        both(7007, op, args, w(0), abort=39547)
    call(7007, 80, s('simple') + w(1000))
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
