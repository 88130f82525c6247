#!/usr/bin/env python3
"""NFS over Sun RPC as a Kubernetes node's kernel client and an NFS server
exchange it: NFSv3 calls and replies for every procedure (the everyday
lookup/getattr/access/read/write/readdirplus first), NFSv2 ones, NFSv4
NULL and COMPOUND, over UDP and TCP (record marking), IPv4 and IPv6; file
handles in every layout tcpdump guesses (Linux ones are "Unknown"),
errors, denied and failed RPC replies, replies to unknown or forgotten
calls, and broken messages (huge credentials, names and handles longer
than the data, short records).  Hand-built, sent on the veth with
AF_PACKET from addresses nobody owns, so nothing answers.
Usage: crafted_nfs.py IFACE PEER_MAC"""
import struct, sys
from pktgen import *

C, S = '10.77.0.50', '10.77.0.60'
C2 = '10.77.0.51'
C6, S6 = '2001:db8:77::50', '2001:db8:77::60'


def u32(*v):
    return struct.pack('!%dI' % len(v), *[x & 0xffffffff for x in v])


def u64(v):
    return struct.pack('!Q', v)


def opaque(b, ln=None):
    pad = b'\0' * (-len(b) % 4)
    return u32(len(b) if ln is None else ln) + b + pad


def auth_unix(machine=b'k8s-node-1', uid=0, gid=0, gids=(0,)):
    body = u32(0x65a1b2c3) + opaque(machine) + u32(uid, gid, len(gids), *gids)
    return u32(1) + opaque(body)


AUTH_NONE = u32(0, 0)


def call(xid, vers, proc, args=b'', cred=None, verf=AUTH_NONE, prog=100003):
    cred = auth_unix() if cred is None else cred
    return u32(xid, 0, 2, prog, vers, proc) + cred + verf + args


def reply(xid, body=b'', astat=0, verf=AUTH_NONE):
    return u32(xid, 1, 0) + verf + u32(astat) + body


def denied(xid, *rest):
    return u32(xid, 1, 1, *rest)


# ------------------------------------------------------------ NFS types
def linux_fh(ino, gen=0x5e1f00d, fsid=b'\x9a\x12\x7c\x01\x4b\x3e\x42\x11\x8d\x55\x20\x6f\x19\x0c\x33\xa7'):
    """A Linux knfsd handle: version 1, auth 0, fsid type 6 (UUID), fileid 1"""
    return bytes([1, 0, 6, 1]) + fsid + struct.pack('<II', ino, gen)


ROOT = linux_fh(2)
DIR = linux_fh(131073)
FILE = linux_fh(131090)


def fh3(b):
    return opaque(b)


def fattr3(typ=1, mode=0o644, nlink=1, uid=1000, gid=1000, size=4096, used=8192,
           rdev=(0, 0), fsid=0x9a127c014b3e4211, fileid=131090,
           atime=(1700000000, 123456789), mtime=(1700000100, 5), ctime=(1700000200, 999999999)):
    return (u32(typ, mode, nlink, uid, gid) + u64(size) + u64(used) + u32(*rdev) +
            u64(fsid) + u64(fileid) + u32(*atime) + u32(*mtime) + u32(*ctime))


def fattr2(typ=1, mode=0o100644, nlink=1, uid=1000, gid=1000, size=512, blocksize=4096,
           rdev=0, blocks=8, fsid=0x801, fileid=4242, atime=(1700000000, 10),
           mtime=(1700000001, 20), ctime=(1700000002, 30)):
    return u32(typ, mode, nlink, uid, gid, size, blocksize, rdev, blocks, fsid, fileid,
               *atime, *mtime, *ctime)


def post(a=None):
    return u32(0) if a is None else u32(1) + a


def pre(sz=4096, mtime=(1700000100, 5), ctime=(1700000200, 999999999), absent=False):
    return u32(0) if absent else u32(1) + u64(sz) + u32(*mtime) + u32(*ctime)


def wcc(p=None, a=None):
    return (p if p is not None else pre()) + post(a)


def sattr3(mode=None, uid=None, gid=None, size=None, atime=0, mtime=0):
    b = b''
    for v in (mode, uid, gid):
        b += u32(0) if v is None else u32(1, v)
    b += u32(0) if size is None else u32(1) + u64(size)
    for t in (atime, mtime):
        b += u32(2, *t) if isinstance(t, tuple) else u32(t)
    return b


def name(s):
    return opaque(s if isinstance(s, bytes) else s.encode())


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []
    seqs = {}

    def u4(payload, to_server=True, cport=911, src=None, dst=None, sport=None, dport=None, opts=b''):
        s, d = (C, S) if to_server else (S, C)
        s, d = src or s, dst or d
        sp, dp = (cport, 2049) if to_server else (2049, cport)
        sp, dp = sport or sp, dport or dp
        fr.append(eth(peermac, me, 0x0800,
                      ip4(s, d, 17, udp(s, d, sp, dp, payload), df=False, opts=opts)))

    def u6(payload, to_server=True, cport=912):
        s, d = (C6, S6) if to_server else (S6, C6)
        sp, dp = (cport, 2049) if to_server else (2049, cport)
        fr.append(eth(peermac, me, 0x86dd, ip6(s, d, 17, udp(s, d, sp, dp, payload, v6=True))))

    def t4(payload, to_server=True, cport=875, mark=None, v6=False):
        s, d = ((C6, S6) if v6 else (C, S)) if to_server else ((S6, C6) if v6 else (S, C))
        sp, dp = (cport, 2049) if to_server else (2049, cport)
        if mark is not False:
            m = (0x80000000 | len(payload)) if mark is None else mark
            payload = u32(m) + payload
        k = (sp, dp, v6)
        seq = seqs.get(k, 0x1000 * (cport + dp))
        seqs[k] = seq + len(payload)
        ack = seqs.get((dp, sp, v6), 0x1000 * (sp + cport))
        seg = tcp(s, d, sp, dp, seq, ack, 0x18, data=payload, win=502, v6=v6)
        if v6:
            fr.append(eth(peermac, me, 0x86dd, ip6(s, d, 6, seg)))
        else:
            fr.append(eth(peermac, me, 0x0800, ip4(s, d, 6, seg)))

    # ================================================= NFSv3 over UDP (IPv4)
    x = 0x6c3f5a00
    def pair(proc, args, res, vers=3, send=u4, **kw):
        nonlocal x
        x += 1
        send(call(x, vers, proc, args), **kw)
        if res is not None:
            send(reply(x, res), to_server=False, **kw)
        return x

    pair(0, b'', b'')                                                  # NULL
    pair(1, fh3(ROOT), u32(0) + fattr3(typ=2, mode=0o755, nlink=12, uid=0, gid=0, fileid=2))
    pair(1, fh3(FILE), u32(70))                                        # ESTALE
    pair(1, fh3(FILE), u32(0) + fattr3(typ=9, mode=0o7777, uid=0xfffffffe, gid=0xfffffffe))
    pair(2, fh3(FILE) + sattr3(mode=0o600, uid=1001, gid=1002, size=0,
                               atime=1, mtime=(1700000300, 42)) + u32(0),
         u32(0) + wcc(pre(), fattr3(mode=0o600)))
    pair(2, fh3(FILE) + sattr3() + u32(1, 1700000000, 0), u32(10002) + wcc(pre(absent=True)))
    pair(3, fh3(DIR) + name('config.yaml'),
         u32(0) + fh3(FILE) + post(fattr3()) + post(fattr3(typ=2, mode=0o755, fileid=131073)))
    pair(3, fh3(DIR) + name('missing.txt'), u32(2) + post(fattr3(typ=2, mode=0o755)))
    pair(3, fh3(DIR) + name('..'), u32(0) + fh3(ROOT) + post() + post())
    pair(3, fh3(DIR) + name(b'we\x01ird\xffname\x7f'), u32(13) + post())
    for acc, res in ((0x1f, 0x1f), (0x3f, 0x03), (0x01, 0x01), (0x20, 0), (0x40, 0), (0, 0),
                     (0x2d, 0x2d)):
        pair(4, fh3(FILE) + u32(acc), u32(0) + post(fattr3()) + u32(res))
    pair(4, fh3(FILE) + u32(0x1f), u32(13) + post())
    pair(5, fh3(FILE), u32(0) + post(fattr3(typ=5, mode=0o777)) + name('../data/current'))
    pair(5, fh3(FILE), u32(22) + post())
    pair(6, fh3(FILE) + u64(8192) + u32(4096),
         u32(0) + post(fattr3(size=12000)) + u32(16, 0) + opaque(b'hello, world....'))
    pair(6, fh3(FILE) + u64(0x1_0000_0000) + u32(65536),
         u32(0) + post() + u32(0, 1) + opaque(b''))
    pair(6, fh3(FILE) + u64(0) + u32(10), u32(5) + post(fattr3()))
    pair(7, fh3(FILE) + u64(4096) + u32(24, 2) + opaque(b'kubelet wrote this line\n'),
         u32(0) + wcc(pre(sz=4096), fattr3(size=4120)) + u32(24, 2) + u64(0x5e2a77c1d00d1234))
    pair(7, fh3(FILE) + u64(0) + u32(8, 0) + opaque(b'unstable'),
         u32(0) + wcc(pre(absent=True), None) + u32(8, 0) + u64(1))
    pair(7, fh3(FILE) + u64(16) + u32(4, 1) + opaque(b'sync'),
         u32(28) + wcc(pre(), fattr3()))
    pair(7, fh3(FILE) + u64(16) + u32(4, 7) + opaque(b'odd!'),
         u32(0) + wcc(pre(), None) + u32(4, 9) + u64(2))
    pair(8, fh3(DIR) + name('new.log') + u32(0) + sattr3(mode=0o644),
         u32(0) + u32(1) + fh3(linux_fh(131100)) + post(fattr3(size=0)) + wcc(pre(), fattr3(typ=2)))
    pair(8, fh3(DIR) + name('excl.lock') + u32(2) + u64(0x1122334455667788),
         u32(0) + u32(0) + post() + wcc(pre(absent=True), None))
    pair(8, fh3(DIR) + name('new.log') + u32(1) + sattr3(mode=0o644),
         u32(17) + wcc(pre(), fattr3(typ=2)))
    pair(9, fh3(DIR) + name('pvc-0a1b2c') + sattr3(mode=0o2775, gid=2000),
         u32(0) + u32(1) + fh3(linux_fh(131200)) + post(fattr3(typ=2, mode=0o2775)) + wcc())
    pair(10, fh3(DIR) + name('latest') + sattr3(mode=0o777, uid=0, gid=0,
                                               atime=(1700000000, 1), mtime=(1700000001, 2)) +
         name('releases/v1.2.3'),
         u32(0) + u32(1) + fh3(linux_fh(131300)) + post(fattr3(typ=5)) + wcc())
    pair(11, fh3(DIR) + name('ttyS9') + u32(4) + sattr3(mode=0o600) + u32(4, 73),
         u32(0) + u32(1) + fh3(linux_fh(131400)) + post(fattr3(typ=4, rdev=(4, 73))) + wcc())
    pair(11, fh3(DIR) + name('sda9') + u32(3) + sattr3(mode=0o660, gid=6) + u32(8, 9),
         u32(1) + wcc())
    pair(11, fh3(DIR) + name('fifo') + u32(7) + sattr3(mode=0o600), u32(0) + u32(0) + post() + wcc())
    pair(11, fh3(DIR) + name('what') + u32(9) + sattr3(), u32(10007) + wcc(pre(absent=True)))
    pair(12, fh3(DIR) + name('old.log'), u32(0) + wcc(pre(), fattr3(typ=2)))
    pair(12, fh3(DIR) + name('gone'), u32(2) + wcc(pre(absent=True)))
    pair(13, fh3(DIR) + name('data'), u32(66) + wcc())
    pair(14, fh3(DIR) + name('a.tmp') + fh3(ROOT) + name('a.conf'),
         u32(0) + wcc(pre(), fattr3(typ=2)) + wcc(pre(sz=8192), fattr3(typ=2, fileid=2)))
    pair(14, fh3(DIR) + name('x') + fh3(DIR) + name('y'), u32(18) + wcc(pre(absent=True)) + wcc())
    pair(15, fh3(FILE) + fh3(DIR) + name('hardlink'),
         u32(0) + post(fattr3(nlink=2)) + wcc(pre(), fattr3(typ=2)))
    pair(15, fh3(FILE) + fh3(DIR) + name('hl2'), u32(31) + post() + wcc())
    pair(16, fh3(DIR) + u64(0) + u64(0) + u32(4096),
         u32(0) + post(fattr3(typ=2)) + u64(0x0000000100000002) +
         u32(1) + u64(131090) + name('config.yaml') + u64(12) + u32(0, 1))
    pair(16, fh3(DIR) + u64(0x7fffffffffffffff) + u64(0xdeadbeefcafef00d) + u32(512),
         u32(10003) + post())
    pair(17, fh3(DIR) + u64(0) + u64(0) + u32(4096, 32768),
         u32(0) + post(fattr3(typ=2)) + u64(0x1234) +
         u32(1) + u64(131090) + name('config.yaml') + u64(5) + post(fattr3()) + u32(1) +
         fh3(FILE) + u32(0, 1))
    pair(17, fh3(DIR) + u64(0xffffffffffffffff) + u64(0x5a5a5a5a01020304) + u32(8192, 65536),
         u32(10003) + post(fattr3(typ=2)))
    pair(18, fh3(ROOT),
         u32(0) + post(fattr3(typ=2)) + u64(107374182400) + u64(53687091200) + u64(48318382080) +
         u64(6553600) + u64(6000000) + u64(6000000) + u32(0))
    pair(18, fh3(ROOT), u32(70) + post() + u64(1) + u64(2) + u64(3) + u64(4) + u64(5) + u64(6) + u32(7))
    pair(19, fh3(ROOT),
         u32(0) + post(fattr3(typ=2)) + u32(1048576, 1048576, 4096, 1048576, 1048576, 4096, 4096) +
         u64(0x7fffffffffffffff) + u32(0, 1) + u32(0x1b))
    pair(19, fh3(ROOT), u32(10006) + post())
    pair(20, fh3(ROOT), u32(0) + post() + u32(32000, 255, 1, 1, 0, 1))
    pair(20, fh3(ROOT), u32(0) + post(fattr3(typ=2)) + u32(1, 14, 0, 0, 1, 0))
    pair(20, fh3(ROOT), u32(10004) + post())
    pair(21, fh3(FILE) + u64(0) + u32(0),
         u32(0) + wcc(pre(), fattr3()) + u64(0x5e2a77c1d00d1234))
    pair(21, fh3(FILE) + u64(4096) + u32(8192), u32(5) + wcc(pre(absent=True)))
    pair(22, fh3(FILE), u32(0))                                       # no such procedure
    pair(40, b'', b'')

    # ------------------------------------------------ RPC-level failures
    x = 0x7a000000
    for st, extra in ((1, b''), (2, u32(3, 4)), (3, b''), (4, b''), (5, b''), (9, b'')):
        pair(1, fh3(FILE), None)
        u4(reply(x, extra, astat=st), to_server=False)
    pair(1, fh3(FILE), None)
    u4(denied(x, 0, 2, 2), to_server=False)                           # RPC version mismatch
    for why in (1, 2, 3, 4, 5, 6, 7, 13):
        pair(1, fh3(FILE), None)
        u4(denied(x, 1, why), to_server=False)
    u4(denied(x, 4), to_server=False)
    u4(denied(x), to_server=False)
    u4(denied(x, 0, 2), to_server=False)
    u4(u32(x, 1, 7, 0, 0), to_server=False)
    pair(1, fh3(FILE), None)
    u4(reply(x, u32(0), verf=u32(6, 0x1000)), to_server=False)        # verifier longer than message
    pair(1, fh3(FILE), None)
    u4(reply(x, u32(0) + fattr3(), verf=u32(6, 8) + b'GSSVERF!'), to_server=False)
    # a reply nobody asked for, and one from another server
    u4(reply(0x0badf00d, u32(0) + fattr3()), to_server=False)
    pair(1, fh3(FILE), None)
    u4(reply(x, u32(0) + fattr3()), to_server=False, src='10.77.0.61')
    # credentials: none, RPCSEC_GSS, big AUTH_UNIX; unknown program
    x += 1
    u4(call(x, 3, 1, fh3(FILE), cred=AUTH_NONE))
    x += 1
    u4(call(x, 3, 1, fh3(FILE), cred=u32(6) + opaque(u32(1, 0, 1) + opaque(b'ctx-handle')),
            verf=u32(6) + opaque(b'0123456789abcdef0123456789abcdef')))
    x += 1
    u4(call(x, 3, 1, fh3(FILE), cred=auth_unix(b'a-rather-long-node-name.cluster.local',
                                               1000, 1000, tuple(range(1000, 1016)))))
    x += 1
    u4(call(x, 3, 4, fh3(FILE) + u32(1), prog=100005))
    # the same xid twice (a retransmission after a procedure change)
    x += 1
    u4(call(x, 3, 1, fh3(FILE)))
    u4(call(x, 3, 18, fh3(FILE)))
    u4(reply(x, u32(0) + fattr3()), to_server=False)
    u4(reply(x, u32(0) + fattr3()), to_server=False)

    # ================================================= NFSv2 (UDP)
    x = 0x20000000
    fh2 = bytes(range(0x40, 0x60))      # "Unknown" as well
    dop = fh2 + name('motd')
    sattr2 = u32(0o644, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
                 0xffffffff)
    pair(0, b'', b'', vers=2)
    pair(1, fh2, u32(0) + fattr2(), vers=2)
    pair(1, fh2, u32(70), vers=2)
    pair(2, fh2 + sattr2, u32(0) + fattr2(mode=0o100600), vers=2)
    pair(3, b'', b'', vers=2)                                         # ROOT: nop
    pair(4, dop, u32(0) + fh2 + fattr2(), vers=2)
    pair(4, dop, u32(2), vers=2)
    pair(5, fh2, u32(0) + name('/etc/motd.d'), vers=2)
    pair(6, fh2 + u32(1024, 512, 0), u32(0) + fattr2() + opaque(b'x' * 12), vers=2)
    pair(7, b'', b'', vers=2)                                         # WRITECACHE: nop
    pair(8, fh2 + u32(0, 2048, 0, 5) + opaque(b'hello'), u32(0) + fattr2(size=2053), vers=2)
    pair(9, dop + sattr2, u32(0) + fh2 + fattr2(), vers=2)
    pair(10, dop, u32(0), vers=2)
    pair(11, dop + fh2 + name('motd.old'), u32(30), vers=2)
    pair(12, fh2 + dop, u32(0), vers=2)
    pair(13, dop + name('/run/motd') + sattr2, u32(0), vers=2)
    pair(14, dop + sattr2, u32(0) + fh2 + fattr2(typ=2, mode=0o40755), vers=2)
    pair(15, dop, u32(66), vers=2)
    pair(16, fh2 + u32(0, 4096), u32(0) + u32(1, 77) + name('a') + u32(1) + u32(0, 1), vers=2)
    pair(16, fh2 + u32(0xffffffff, 4096), u32(0) + u32(0, 1), vers=2)
    pair(16, fh2 + u32(0, 4096), u32(20), vers=2)
    pair(17, fh2, u32(0) + u32(8192, 4096, 1000000, 500000, 400000), vers=2)
    pair(17, fh2, u32(70), vers=2)
    pair(18, fh2, u32(0), vers=2)                                     # past v2's table

    # ----------------------------- file handles of other servers (v2: 32 bytes)
    def fh(b):
        return (b + bytes(32))[:32]
    handles = [
        fh(bytes([0, 0, 0, 0, 0, 0, 7, 3, 0, 0, 0, 0, 0, 0, 0x30, 0x39])),          # Auspex
        fh(bytes([0, 0, 1, 2, 9, 0, 0, 0, 12, 0, 0, 0, 0x39, 0x30, 0, 0])),         # OSF, minor 0
        fh(bytes([0, 0, 3, 4, 0, 8, 0, 0, 0, 0, 0x10, 0x01])),                      # IRIX4
        fh(bytes([0, 0, 7, 9, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0x01, 0x00])),          # SunOS4
        fh(bytes([5, 7, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 0xd2, 0x04, 0, 0])),          # BSD 4.4
        fh(bytes([5, 7, 0, 0, 0x2a, 0, 0, 0, 1, 2] + [0] * 14)),                  # Ultrix
        fh(bytes([0x40, 0x12, 0, 0, 9, 9, 9, 9, 1, 10, 0, 0, 0, 0, 0x10, 0]) +
           bytes([1] * 16)),                                                       # SunOS5 (2,3 = 0)
        fh(bytes([0x80, 0x00, 0x12, 0x34, 9, 8, 7, 2, 0, 10, 0, 0, 0, 0, 0, 99])), # SunOS5
        fh(bytes([0x80, 0x00, 0x12, 0x34, 9, 8, 7, 6, 0, 10, 0, 0, 0, 0, 0, 98])), # SunOS5/AIX
        fh(bytes([0x07, 0x00, 0x12, 0x34, 0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 97])), # HP-UX 9
        fh(bytes([0x01, 0x10, 0x10, 0x02, 9, 8, 7, 6, 12, 0, 0, 0, 0x44, 0x33, 0x22, 0x11])),  # OSF
        fh(b'\x04DKA100 SYS\0\0\0' + bytes(8) + b'\x34\x12\0\0\x05\x06'),           # VMS UCX
        fh(b'\x04DISK$USER1\0\0' + bytes(8) + b'\x34\x12\0\0\x05\x06'),             # VMS UCX
        fh(b'\x04DISK\0USER1\0\0'),                                                  # text after NUL
        fh(bytes([0x80, 0x00, 0x12, 0x34, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0xff])),   # unknown
    ]
    for h in handles:
        pair(1, h, None, vers=2)
    # v3 handles of other sizes
    for h in (b'', bytes([1, 0, 0, 1, 0, 0, 0, 2]), bytes([1, 0, 6, 1]) + bytes(12),
              bytes([1, 2, 3, 4]) * 5, linux_fh(7)[:30], bytes(range(1, 65)),
              b'\x04HOST1$DKA0\0\0\0' + bytes(13) + b'\x12\x34' + bytes(4)):
        pair(1, fh3(h), None)

    # ================================================= broken calls and replies
    x = 0x30000000
    def raw(b, **kw):
        u4(b, **kw)
    x += 1
    raw(u32(x, 0, 2, 100003, 3, 17) + u32(1, 0xfffffffe) + b'\0' * 16)   # credentials past the end
    x += 1
    raw(u32(x, 0, 2, 100003, 3, 3) + u32(1, 0x40) + b'\0' * 8)           # credentials cut short
    x += 1
    raw(u32(x, 0, 2, 100003, 3, 3) + auth_unix() + u32(0, 0x7fff0000))  # verifier too long
    x += 1
    raw(u32(x, 0, 2, 100003, 3, 3) + auth_unix() + u32(0, 0))           # no arguments at all
    x += 1
    raw(call(x, 3, 3, fh3(DIR) + u32(0xfffffffd) + b'abcd'))           # name cannot be padded
    x += 1
    raw(call(x, 3, 3, fh3(DIR) + u32(200) + b'short-name'))             # name past the end
    x += 1
    raw(call(x, 3, 1, u32(128) + FILE))                                # handle past the end
    x += 1
    raw(call(x, 3, 6, fh3(FILE) + u64(0)))                             # count missing
    x += 1
    raw(call(x, 3, 7, fh3(FILE) + u64(0) + u32(5)))                    # stable, data missing
    x += 1
    raw(call(x, 3, 4, fh3(FILE)))                                      # access bits missing
    x += 1
    raw(call(x, 3, 10, fh3(DIR) + name('l') + u32(1)))                 # symlink sattr cut
    x += 1
    raw(call(x, 3, 11, fh3(DIR) + name('n') + u32(3) + sattr3()))      # mknod spec missing
    x += 1
    raw(call(x, 3, 17, fh3(DIR) + u64(0) + u64(0) + u32(4096)))        # readdirplus: no maxcount
    x += 1
    raw(call(x, 3, 14, fh3(DIR) + name('from')))                       # rename: no target
    x += 1
    raw(u32(x, 0, 2, 100003, 3))                                       # no procedure
    raw(u32(x, 0))                                                     # xid and direction only
    raw(u32(x)[:3] + b'\0\0\0')                                        # 6 bytes: plain UDP
    raw(u32(x, 1, 0, 0), to_server=True)                               # reply sent to the server
    raw(u32(x, 0, 2), to_server=False)                                 # call from the server
    raw(call(x, 3, 0), sport=2049, dport=2049)
    # replies cut inside their results
    def cut(proc, args, res, n, vers=3):
        nonlocal x
        x += 1
        u4(call(x, vers, proc, args))
        u4(reply(x, res)[:n], to_server=False)
    cut(1, fh3(FILE), u32(0) + fattr3(), 40)              # attributes before gid
    cut(1, fh3(FILE), u32(0) + fattr3(), 48)              # size cut
    cut(1, fh3(FILE), u32(0) + fattr3(), 80)              # times cut
    cut(1, fh3(FILE), u32(0) + fattr3(), 106)             # ctime cut
    cut(1, fh2, u32(0) + fattr2(), 70, vers=2)
    cut(3, fh3(DIR) + name('f'), u32(0) + u32(28) + FILE, 40)
    cut(3, fh3(DIR) + name('f'), u32(0) + fh3(FILE) + post(fattr3()), 90)
    cut(4, fh3(FILE) + u32(1), u32(0) + post(fattr3()) + u32(1), 112)
    cut(5, fh3(FILE), u32(0) + post() + u32(40) + b'trunc', 36)
    cut(6, fh3(FILE) + u64(0) + u32(9), u32(0) + post() + u32(9), 32)
    cut(7, fh3(FILE) + u64(0) + u32(1, 2) + opaque(b'a'), u32(0) + wcc() + u32(1, 2) + u64(3), 40)
    cut(7, fh3(FILE) + u64(0) + u32(1, 2) + opaque(b'a'), u32(0) + wcc(pre(), None) + u32(1, 2) + u64(3), 60)
    cut(8, fh3(DIR) + name('c') + u32(0) + sattr3(), u32(0) + u32(1) + fh3(FILE) + post() + wcc(), 60)
    cut(17, fh3(DIR) + u64(0) + u64(0) + u32(1, 2), u32(0) + post() + u64(1), 32)
    cut(18, fh3(ROOT), u32(0) + post() + u64(1) * 6 + u32(0), 60)
    cut(19, fh3(ROOT), u32(0) + post() + u32(1) * 7 + u64(1) + u32(0, 1, 0), 50)
    cut(20, fh3(ROOT), u32(0) + post() + u32(1) * 6, 40)
    cut(21, fh3(FILE) + u64(0) + u32(0), u32(0) + wcc(pre(absent=True), None) + u64(5), 36)
    cut(16, fh2 + u32(0, 4096), u32(0, 0), 28, vers=2)
    cut(17, fh2, u32(0) + u32(1, 2, 3), 36, vers=2)
    cut(1, fh3(FILE), b'', 18)                                      # verifier cut
    cut(1, fh3(FILE), b'', 22)                                      # accept status cut

    # ================================================= NFSv4 (what tcpdump makes of it)
    x = 0x40000000
    seq_op = u32(53) + b'S' * 16 + u32(7, 0, 63, 0)
    putfh = u32(22) + fh3(ROOT)
    getattr_op = u32(9) + u32(2, 0x0010011a, 0x00b0a23a)
    pair(0, b'', b'', vers=4, send=t4)
    pair(1, name('') + u32(2, 3) + seq_op + putfh + getattr_op,
         u32(0) + name('') + u32(3) + u32(53, 0) + b'S' * 16 + u32(7, 0, 63, 63, 0) +
         u32(22, 0) + u32(9, 0) + u32(2, 0x0010011a, 0x00b0a23a) + opaque(bytes(40)),
         vers=4, send=t4)
    pair(1, name('mount') + u32(0, 1) + u32(24), u32(10020) + name('mount') + u32(1, 24, 10020),
         vers=4, send=t4)

    # ================================================= NFSv3 over TCP
    x = 0x50000000
    pair(3, fh3(DIR) + name('pod.yaml'), u32(0) + fh3(FILE) + post(fattr3()) + post(), send=t4)
    pair(1, fh3(FILE), u32(0) + fattr3(), send=t4)
    pair(4, fh3(FILE) + u32(0x0d), u32(0) + post(fattr3()) + u32(0x0d), send=t4)
    pair(6, fh3(FILE) + u64(0) + u32(64), u32(0) + post(fattr3(size=64)) + u32(64, 1) +
         opaque(bytes(range(64))), send=t4)
    pair(7, fh3(FILE) + u64(64) + u32(32, 0) + opaque(b'k' * 32),
         u32(0) + wcc(pre(sz=64), fattr3(size=96)) + u32(32, 0) + u64(0xabcdef), send=t4)
    pair(17, fh3(DIR) + u64(0) + u64(0) + u32(1024, 4096),
         u32(0) + post(fattr3(typ=2)) + u64(9) + u32(0, 1), send=t4)
    pair(21, fh3(FILE) + u64(0) + u32(0), u32(0) + wcc() + u64(0xabcdef), send=t4)
    # record marking: fragment not last, length longer than the segment,
    # shorter than it (two records in a segment), short segments
    x += 1
    t4(call(x, 3, 1, fh3(FILE)), mark=0x00000050)
    x += 1
    t4(call(x, 3, 1, fh3(FILE)), mark=0x80000fff)
    x += 1
    t4(call(x, 3, 1, fh3(FILE)), mark=0x80000010)
    x += 1
    c1, c2 = call(x, 3, 1, fh3(FILE)), call(x + 1, 3, 1, fh3(DIR))
    t4(u32(0x80000000 | len(c1)) + c1 + u32(0x80000000 | len(c2)) + c2, mark=False)
    x += 1
    t4(b'\x80\x00', mark=False)
    t4(u32(0x80000008, x), mark=False)
    t4(u32(0x80000008, x) + b'\0\0', mark=False)
    t4(reply(x, u32(0)), to_server=True)                           # reply sent to the server
    t4(call(x, 3, 1, fh3(FILE)), to_server=False)                  # call from the server
    t4(reply(0x12345678, u32(0) + fattr3()), to_server=False)

    # ================================================= IPv6 (UDP and TCP)
    x = 0x60000000
    pair(3, fh3(DIR) + name('v6.txt'), u32(0) + fh3(FILE) + post(fattr3()) + post(), send=u6)
    pair(1, fh3(FILE), u32(0) + fattr3(), send=u6)
    pair(18, fh3(ROOT), u32(0) + post() + u64(1 << 40) + u64(1 << 39) + u64(1 << 38) +
         u64(100) + u64(50) + u64(50) + u32(30), send=u6)
    pair(6, fh3(FILE) + u64(0) + u32(4), u32(0) + post() + u32(4, 1) + opaque(b'abcd'),
         send=lambda p, to_server=True: t4(p, to_server=to_server, v6=True, cport=880))
    # an IPv4 header with options in front of the datagram
    pair(1, fh3(FILE), u32(0) + fattr3(), opts=b'\x01\x01\x01\x00')
    # IPv6 extension headers (hop-by-hop, destination options) before UDP
    def u6x(payload, to_server=True, cport=913):
        s, d = (C6, S6) if to_server else (S6, C6)
        sp, dp = (cport, 2049) if to_server else (2049, cport)
        ext = bytes([60, 0, 1, 4, 0, 0, 0, 0]) + bytes([17, 0, 1, 4, 0, 0, 0, 0])
        fr.append(eth(peermac, me, 0x86dd,
                      ip6(s, d, 0, ext + udp(s, d, sp, dp, payload, v6=True))))
    pair(4, fh3(FILE) + u32(0x03), u32(0) + post() + u32(0x03), send=u6x)
    # a write over UDP in two IPv4 fragments
    x += 1
    dg = udp(C, S, 914, 2049, call(x, 3, 7, fh3(FILE) + u64(0) + u32(600, 2) +
                                       opaque(b'w' * 600)))
    fr.append(eth(peermac, me, 0x0800, ip4(C, S, 17, dg[:400], df=False, frag=0x2000, ident=77)))
    fr.append(eth(peermac, me, 0x0800, ip4(C, S, 17, dg[400:], df=False, frag=50, ident=77)))
    u4(reply(x, u32(0) + wcc(pre(), fattr3(size=600)) + u32(600, 2) + u64(7)),
       to_server=False, cport=914)

    # ================================================= the ring of 64 calls
    x = 0x70000000
    first = x + 1
    for _ in range(65):
        x += 1
        u4(call(x, 3, 0), cport=1023)
    u4(reply(first, b''), to_server=False, cport=1023)
    u4(reply(first + 1, b''), to_server=False, cport=1023)
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
