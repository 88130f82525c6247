#!/usr/bin/env python3
"""SCTP (RFC 9260) as a telecom core or a ForCES control plane speaks it:
an S1AP-like association over IPv4 (INIT, INIT ACK, COOKIE ECHO/ACK, DATA
with every fragment flag, SACK with gap blocks and duplicate TSNs,
heartbeats, shutdown), the same over IPv6, every other chunk type tcpdump
names and several it does not (AUTH, ASCONF ACK, RE-CONFIG, PAD, I-DATA,
NR-SACK), bundled and padded chunks, M3UA messages (PPID 3, decoded with
-vv), ForCES messages on ports 6704-6706 and by PPID, and malformed
packets: short headers, zero and odd chunk lengths, chunks longer than the
packet, truncated DATA/INIT/SACK bodies.  This kernel has no SCTP, so every
frame is hand-built and sent on the veth with AF_PACKET.
Usage: crafted_sctp.py IFACE PEER_MAC"""
import struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'


def _crc32c_table():
    t = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0x82f63b78 if c & 1 else c >> 1
        t.append(c)
    return t


_T = _crc32c_table()


def crc32c(b):
    c = 0xffffffff
    for x in b:
        c = _T[(c ^ x) & 0xff] ^ (c >> 8)
    return c ^ 0xffffffff


def chunk(typ, flags, body, length=None, pad=True):
    ln = 4 + len(body) if length is None else length
    c = struct.pack('!BBH', typ, flags, ln & 0xffff) + body
    if pad:
        c += b'\0' * ((-len(c)) % 4)
    return c


def sctp(sport, dport, vtag, chunks):
    h = struct.pack('!HHII', sport, dport, vtag, 0) + b''.join(chunks)
    return h[:8] + struct.pack('<I', crc32c(h)) + h[12:]


def data(tsn, sid, ssn, ppid, payload, flags=3, length=None, pad=True):
    return chunk(0, flags, struct.pack('!IHHI', tsn, sid, ssn, ppid) + payload, length, pad)


def param(typ, val):
    p = struct.pack('!HH', typ, 4 + len(val)) + val
    return p + b'\0' * ((-len(p)) % 4)


def init(typ, tag, rwnd, os_, mis, tsn, params=b''):
    return chunk(typ, 0, struct.pack('!IIHHI', tag, rwnd, os_, mis, tsn) + params)


def sack(cum, rwnd, gaps=(), dups=(), ngaps=None, ndups=None, extra=b''):
    body = struct.pack('!IIHH', cum, rwnd, len(gaps) if ngaps is None else ngaps,
                       len(dups) if ndups is None else ndups)
    for s, e in gaps:
        body += struct.pack('!HH', s, e)
    for d in dups:
        body += struct.pack('!I', d)
    return chunk(3, 0, body + extra)


def m3ua(cls, typ, params, version=1, length=None):
    body = b''.join(params)
    ln = 8 + len(body) if length is None else length
    return struct.pack('!BBBBI', version, 0, cls, typ, ln) + body


def forces(tom, body=b'', sid=0x40000001, did=0x00000002, cor=0x0102030405060708,
           flags=0x00400000, length=None, version=1):
    ln = (24 + len(body)) // 4 if length is None else length
    return struct.pack('!BBHIIQI', version << 4, tom, ln, sid, did, cor, flags) + body


def ftlv(typ, val, length=None):
    t = struct.pack('!HH', typ, 4 + len(val) if length is None else length) + val
    return t + b'\0' * ((-len(t)) % 4)


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def s4(sport, dport, vtag, chunks, src=A, dst=B, raw=None):
        pl = raw if raw is not None else sctp(sport, dport, vtag, chunks)
        fr.append(eth(peermac, me, 0x0800, ip4(src, dst, 132, pl, df=True)))

    def s6(sport, dport, vtag, chunks, src=A6, dst=B6):
        fr.append(eth(peermac, me, 0x86dd, ip6(src, dst, 132, sctp(sport, dport, vtag, chunks))))

    # --- an S1AP association (eNodeB 10.77.0.1 -> MME 10.77.0.2:36412)
    ipar = (param(5, bytes([10, 77, 0, 1])) + param(5, bytes([10, 77, 0, 3])) +
            param(0xc000, b'') + param(0xc006, b'') + param(12, struct.pack('!HH', 5, 6)) +
            param(0x8008, bytes([0xc0, 0xc1, 0x0f])))
    s4(38412, 36412, 0, [init(1, 0x5a17c0de, 106496, 10, 65535, 3000000001, ipar)])
    cookie = bytes(range(32))
    s4(36412, 38412, 0x5a17c0de, [init(2, 0x0badcafe, 65536, 2, 10, 77000,
                                       param(5, bytes([10, 77, 0, 2])) + param(7, cookie) +
                                       param(0xc000, b''))])
    s4(38412, 36412, 0x0badcafe, [chunk(0x0a, 0, cookie)])
    s4(36412, 38412, 0x5a17c0de, [chunk(0x0b, 0, b'')])
    # S1 Setup Request bundled behind a COOKIE ECHO, then the answer and SACKs
    s1setup = bytes.fromhex('0011002d000004003b00080002f83900001a00003c400a0380656e623031') + b'\x00' * 3
    s4(38412, 36412, 0x0badcafe, [chunk(0x0a, 0, cookie), data(3000000001, 0, 0, 18, s1setup)])
    s4(36412, 38412, 0x5a17c0de, [sack(3000000001, 65536),
                                  data(77000, 0, 0, 18, bytes.fromhex('201100170000020069000b000002f8390000800001'))])
    s4(38412, 36412, 0x0badcafe, [sack(77000, 106496)])
    # fragmented user message: first, middle, last; unordered; no flags
    s4(38412, 36412, 0x0badcafe, [data(3000000002, 1, 1, 18, b'first fragment of a long message', flags=2)])
    s4(38412, 36412, 0x0badcafe, [data(3000000003, 1, 1, 18, b'middle', flags=0)])
    s4(38412, 36412, 0x0badcafe, [data(3000000004, 1, 1, 18, b'last', flags=1)])
    s4(38412, 36412, 0x0badcafe, [data(3000000005, 2, 0, 46, b'unordered', flags=7),
                                  data(3000000006, 2, 0, 60, b'U+B', flags=6),
                                  data(3000000007, 2, 0, 0xffffffff, b'U+E+pad', flags=5),
                                  data(3000000008, 2, 0, 4, b'x', flags=4)])
    # every payload protocol identifier tcpdump names
    for ppid in list(range(1, 28)) + [0, 28, 0x1000000]:
        if ppid == 3:
            continue
        s4(38412, 36412, 0x0badcafe, [data(3000000100 + ppid, 3, ppid & 0xffff, ppid,
                                           ('ppid %d' % ppid).encode())])
    # SACKs with gap blocks and duplicates, a TSN that wraps
    s4(36412, 38412, 0x5a17c0de, [sack(3000000001, 60000, gaps=[(2, 3), (5, 5), (7, 20)],
                                       dups=[3000000001, 2999999999])])
    s4(36412, 38412, 0x5a17c0de, [sack(0xfffffff0, 1000, gaps=[(0x20, 0xffff)], dups=[1])])
    s4(36412, 38412, 0x5a17c0de, [sack(10, 1000, gaps=[(1, 2)], ngaps=4)])  # fewer than claimed
    s4(36412, 38412, 0x5a17c0de, [sack(10, 1000, dups=[5, 6], ndups=1)])   # more than claimed
    s4(36412, 38412, 0x5a17c0de, [sack(10, 1000, ngaps=1, extra=b'\0\1')])  # a cut gap block
    s4(36412, 38412, 0x5a17c0de, [sack(10, 1000, gaps=[(1, 1)], ndups=1, extra=b'\0\0')])
    # heartbeat, errors, ECN, forward TSN, shutdown
    hbinfo = param(1, struct.pack('!IIQ', 0x0a4d0001, 36412, 0x1122334455667788))
    s4(38412, 36412, 0x0badcafe, [chunk(4, 0, hbinfo)])
    s4(36412, 38412, 0x5a17c0de, [chunk(5, 0, hbinfo)])
    s4(36412, 38412, 0x5a17c0de, [chunk(9, 0, struct.pack('!HHHH', 1, 8, 7, 0))])
    s4(38412, 36412, 0x0badcafe, [chunk(0x0c, 0, struct.pack('!I', 3000000004)),
                                  chunk(0x0d, 0, struct.pack('!I', 3000000004))])
    s4(38412, 36412, 0x0badcafe, [chunk(0xc0, 0, struct.pack('!IHH', 3000000010, 2, 1))])
    s4(38412, 36412, 0x0badcafe, [chunk(0xc1, 0, struct.pack('!I', 1) + param(0xc001, struct.pack('!I', 7) + param(5, bytes([10, 77, 0, 9]))))])
    s4(36412, 38412, 0x5a17c0de, [chunk(0xc2, 0, b'')])
    s4(38412, 36412, 0x0badcafe, [chunk(7, 0, struct.pack('!I', 77001))])
    s4(36412, 38412, 0x5a17c0de, [chunk(8, 0, b'')])
    s4(38412, 36412, 0x0badcafe, [chunk(0x0e, 0, b'')])
    s4(38412, 36412, 0x0badcafe, [chunk(0x0e, 1, b'')])
    s4(38412, 36412, 0x0badcafe, [chunk(6, 1, struct.pack('!HH', 12, 8) + b'bye!')])
    s4(38412, 36412, 0x0badcafe, [chunk(6, 0, b'')])
    # chunk types tcpdump 4.99.3 has no name for
    for typ, body in ((0x0f, struct.pack('!HH', 1, 1) + b'\x11' * 20), (0x80, struct.pack('!I', 7)),
                      (0x82, param(13, struct.pack('!III', 1, 2, 3))), (0x84, b'\0' * 12),
                      (0x40, struct.pack('!HHIII', 1, 0, 1, 0, 18) + b'idata'),
                      (0x10, struct.pack('!IIHHH', 5, 1000, 1, 0, 0) + b'\0\0' + struct.pack('!HH', 2, 3)),
                      (0x3f, b''), (0xff, b'abc')):
        s4(38412, 36412, 0x0badcafe, [chunk(typ, 0, body)])
    # -------------------------------------------------------------- IPv6
    s6(5060, 5060, 0, [init(1, 0x00c0ffee, 131072, 5, 5, 1, param(6, bytes(16)) + param(9, b'example.test'))])
    s6(5060, 5060, 0x00c0ffee, [init(2, 0x11111111, 131072, 5, 5, 100, param(7, b'c' * 20))])
    s6(5060, 5060, 0x11111111, [data(1, 0, 0, 0, b'INVITE sip:b@example.test SIP/2.0\r\n'),
                                data(2, 1, 0, 0, b'', flags=3)])
    s6(5060, 5060, 0x00c0ffee, [sack(1, 131072, gaps=[(2, 2)])])
    # -------------------------------------------------------------- M3UA (port 2905)
    rc = param(6, struct.pack('!I', 1))
    s4(2905, 2905, 0x22, [data(10, 0, 0, 3, m3ua(3, 1, [param(0x11, struct.pack('!I', 42)), param(4, b'asp-1')]))])
    s4(2905, 2905, 0x22, [data(11, 0, 1, 3, m3ua(3, 4, [param(4, b'ok')]))])
    s4(2905, 2905, 0x22, [data(12, 0, 2, 3, m3ua(4, 1, [param(0x0b, struct.pack('!I', 2)), rc]))])
    s4(2905, 2905, 0x22, [data(13, 0, 3, 3, m3ua(4, 3, [rc]))])
    s4(2905, 2905, 0x22, [data(14, 0, 4, 3, m3ua(0, 1, [param(0x0d, struct.pack('!HH', 1, 2)), rc]))])
    s4(2905, 2905, 0x22, [data(15, 0, 5, 3, m3ua(0, 0, [param(0x0c, struct.pack('!I', 0x19)), param(7, b'diag')]))])
    proto = struct.pack('!IIBBBB', 0x123, 0x456, 5, 2, 0, 7) + bytes.fromhex('0102030405060708090a0b')
    s4(2905, 2905, 0x22, [data(16, 1, 6, 3, m3ua(1, 1, [param(0x200, struct.pack('!I', 8)), rc,
                                                          param(0x210, proto), param(0x13, struct.pack('!I', 9))]))])
    s4(2905, 2905, 0x22, [data(17, 0, 7, 3, m3ua(2, 1, [param(0x12, struct.pack('!I', 0x00001234))])),
                          data(18, 0, 8, 3, m3ua(2, 9, [param(0x204, struct.pack('!HH', 5, 2))]))])
    s4(2905, 2905, 0x22, [data(19, 0, 9, 3, m3ua(9, 1, [param(0x207, param(0x20a, struct.pack('!I', 1)))]))])
    s4(2905, 2905, 0x22, [data(20, 0, 10, 3, m3ua(5, 1, [rc]))])           # unknown class
    s4(2905, 2905, 0x22, [data(21, 0, 11, 3, m3ua(3, 1, [rc], version=2))])  # unknown version
    s4(2905, 2905, 0x22, [data(22, 0, 12, 3, m3ua(3, 3, [rc], length=100))])  # corrupted length
    s4(2905, 2905, 0x22, [data(23, 0, 13, 3, b'\x01\x00\x03\x01')])           # shorter than a header
    s4(2905, 2905, 0x22, [data(24, 0, 14, 3, m3ua(3, 3, [struct.pack('!HH', 6, 2) + b'\0' * 4]))])
    s4(2905, 2905, 0x22, [data(25, 0, 15, 3, m3ua(3, 3, [rc, b'\x00\x06']))])  # cut parameter header
    s4(2905, 2905, 0x22, [data(26, 0, 16, 3, m3ua(3, 3, [struct.pack('!HH', 6, 6) + b'\0\1\0\0']))])
    s4(2905, 2905, 0x22, [data(27, 0, 17, 3, m3ua(3, 3, [struct.pack('!HH', 0x200, 6) + b'\0\1']))])
    s4(2905, 2905, 0x22, [data(28, 0, 18, 3, m3ua(3, 3, [struct.pack('!HH', 4, 200) + b'runs past the end']))])
    # -------------------------------------------------------------- ForCES
    tdn = ftlv(0x11, struct.pack('!I', 1))
    s4(40000, 6704, 0x33, [data(1, 0, 0, 0, forces(0x0f))])
    s4(6705, 40001, 0x33, [data(2, 0, 0, 0, forces(0x0f, sid=0x00000003, did=0xfffffffe, flags=0xe8ffffff))])
    s4(6706, 6706, 0x33, [data(3, 0, 0, 0, forces(0x0f, sid=0xc0000001, did=0xfffffffd, flags=0x5f280000))])
    s4(40000, 6704, 0x33, [data(4, 0, 0, 0, forces(0x0f, sid=0x80000000, did=0xffffffff, flags=0x80000000)),
                           data(5, 0, 1, 0, forces(0x0f, sid=0xfffffff5, did=0xfffffff0))])
    s4(40000, 6704, 0x33, [data(6, 0, 2, 0, forces(0x01))])                    # no TLVs: fine
    s4(40000, 6704, 0x33, [data(7, 0, 3, 0, forces(0x02, tdn))])
    for why in (0, 2, 3, 4, 9):
        s4(40000, 6704, 0x33, [data(8 + why, 0, 4, 0, forces(0x02, ftlv(0x11, struct.pack('!I', why))))])
    for res in (0, 1, 2, 3):
        s4(6704, 40000, 0x33, [data(20 + res, 0, 5, 0, forces(0x11, ftlv(0x10, struct.pack('!I', res))))])
    s4(40000, 6704, 0x33, [data(30, 0, 6, 0, forces(0x02, ftlv(0x11, struct.pack('!I', 300))))])
    s4(6704, 40000, 0x33, [data(31, 0, 6, 0, forces(0x11, ftlv(0x10, struct.pack('!I', 4))))])
    s4(40000, 6704, 0x33, [data(32, 0, 6, 0, forces(0x02, ftlv(0x11, struct.pack('!II', 1, 2))))])
    s4(6704, 40000, 0x33, [data(33, 0, 6, 0, forces(0x11, ftlv(0x10, b'\0\0')))])
    s4(40000, 6704, 0x33, [data(34, 0, 7, 0, forces(0x02, tdn + tdn))])        # one TLV too many
    s4(40000, 6704, 0x33, [data(35, 0, 7, 0, forces(0x02, ftlv(0x200, struct.pack('!I', 1))))])
    s4(40000, 6704, 0x33, [data(36, 0, 7, 0, forces(0x02, ftlv(0x11, struct.pack('!I', 1), length=40)))])
    s4(40000, 6704, 0x33, [data(37, 0, 7, 0, forces(0x02, ftlv(0x11, b'', length=2) + b'\0' * 4))])
    s4(40000, 6704, 0x33, [data(38, 0, 8, 0, forces(0x03))])                   # TLV missing
    s4(40000, 6704, 0x33, [data(39, 0, 8, 0, forces(0x0f, tdn))])              # HeartBeat with TLV
    s4(40000, 6704, 0x33, [data(40, 0, 8, 0, forces(0x0f, b'\0' * 4))])
    s4(40000, 6704, 0x33, [data(41, 0, 9, 0, forces(0x07))])                   # invalid type
    s4(40000, 6704, 0x33, [data(42, 0, 9, 0, forces(0x00))])
    s4(40000, 6704, 0x33, [data(43, 0, 9, 0, forces(0x12))])                   # valid, unnamed
    s4(40000, 6704, 0x33, [data(44, 0, 9, 0, forces(0x15))])
    s4(40000, 6704, 0x33, [data(45, 0, 9, 0, forces(0x0f, length=7))])         # length mismatch
    s4(40000, 6704, 0x33, [data(46, 0, 9, 0, forces(0x0f, b'\0' * 4, length=5))])
    s4(40000, 6704, 0x33, [data(47, 0, 9, 0, forces(0x0f, length=2)[:20])])   # shorter than a header
    s4(40000, 6704, 0x33, [data(48, 0, 9, 0, forces(0x0f)[:8])])              # cut off at the end
    s4(40000, 6704, 0x33, [sack(5, 1000), chunk(4, 0, hbinfo)])
    # LFB selectors: operations, path data, IDs, keys, ranges, data TLVs
    def lfb(cls, inst, *ops):
        return ftlv(0x1000, struct.pack('!II', cls, inst) + b''.join(ops))

    def op(typ, *body, length=None):
        return ftlv(typ, b''.join(body), length)

    def path(flags, ids, *rest, length=None):
        return ftlv(0x110, struct.pack('!HH', flags, len(ids)) +
                    b''.join(struct.pack('!I', i) for i in ids) + b''.join(rest), length)

    full = ftlv(0x112, b'\x00\x00\x00\x2a\x01')
    res = lambda c: ftlv(0x114, bytes([c, 0, 0, 0]))
    ilv = lambda t, v: struct.pack('!II', t, 8 + len(v)) + v + b'\0' * ((-len(v)) % 4)
    sparse = ftlv(0x113, ilv(1, b'\0\0\0\5') + ilv(2, b'eth0'))
    key = struct.pack('!I', 1) + ftlv(0x1, b'\0\0\0\7')
    ffr = [
        forces(0x03, lfb(1, 1, op(1, path(0, [1, 2], full)))),
        forces(0x03, lfb(3, 1, op(2, path(0, [60, 1], full)), op(5, path(0, [7])))),
        forces(0x04, lfb(1, 1, op(7, path(0, [1])), op(8, path(0, [2, 3])))),
        forces(0x14, lfb(1, 1, op(9, path(0, [2], full)), op(10, path(0, [3], res(0))))),
        forces(0x14, lfb(2, 7, op(9, path(0, [4], sparse)))),
        forces(0x13, lfb(1, 1, op(3, path(0, [1], res(0))), op(4, path(0, [2], res(0x13))),
                         op(6, path(0, [3], res(0xff))))),
        forces(0x13, lfb(1, 1, op(3, path(0, [1], res(0x20))))),
        forces(0x13, lfb(1, 1, op(3, path(0, [1], ftlv(0x114, b'\0' * 8))))),
        forces(0x13, lfb(1, 1, op(13, path(0, [1], res(0))))),
        forces(0x13, lfb(1, 1, op(13, ftlv(0x200, b'\0' * 8)))),
        forces(0x13, lfb(1, 1, op(13, ftlv(0x110, b'\0' * 8, length=40)))),
        forces(0x03, lfb(1, 1, op(1, path(1, [1], key, ftlv(0x111, struct.pack('!I', 9) + full))))),
        forces(0x03, lfb(1, 1, op(1, path(1, [1], key, full)))),
        forces(0x03, lfb(1, 1, op(1, path(1, [1], key, ftlv(0x111, struct.pack('!I', 9) + ftlv(0x112, b'', length=60)))))),
        forces(0x03, lfb(1, 1, op(1, path(1, [1], struct.pack('!I', 1) + ftlv(0x1, b'', length=2))))),
        forces(0x03, lfb(1, 1, op(1, path(1, [1], struct.pack('!I', 1) + ftlv(0x1, b'', length=200))))),
        forces(0x03, lfb(1, 1, op(1, path(1, [1], b'\0' * 4)))),
        forces(0x04, lfb(1, 1, op(7, path(2, [1], ftlv(0x1, struct.pack('!II', 0, 10))))) +
                    lfb(1, 2, op(7, path(2, [1], b'\0' * 4)))),
        forces(0x03, lfb(1, 1, op(1, path(4, [1, 2], full)))),
        forces(0x03, lfb(1, 1, op(1, path(3, [1], full)))),
        forces(0x03, lfb(1, 1, op(1, path(0, [1, 2, 3, 4, 5])[:16] + b'\0' * 4))),
        forces(0x03, lfb(1, 1, op(1, path(0, [1], res(0))))),
        forces(0x03, lfb(1, 1, op(1, path(0, [1], ftlv(0x115, b'\0' * 4))))),
        forces(0x03, lfb(1, 1, op(1, path(0, [1], ftlv(0x112, b'', length=90))))),
        forces(0x03, lfb(1, 1, op(1, path(0, [1], path(0, [2], full))))),
        forces(0x03, lfb(1, 1, op(1, path(0, [1]), path(0, [2], full)))),
        forces(0x03, lfb(1, 1, op(1, path(0, [1], b'\0' * 4)))),
        forces(0x03, lfb(1, 1, op(1, path(0, [1], length=60)))),
        forces(0x14, lfb(2, 7, op(9, path(0, [4], ftlv(0x113, b'\0' * 4))))),
        forces(0x14, lfb(2, 7, op(9, path(0, [4], ftlv(0x113, ilv(1, b'') + struct.pack('!II', 2, 99))))))
        ,
        forces(0x03, lfb(1, 1, op(7, path(0, [1])))),
        forces(0x03, lfb(1, 1, op(1, b'\0' * 4))),
        forces(0x03, lfb(1, 1, op(0x8001, path(0, [1])), op(12, b'\0' * 8), op(14, b'\0' * 8))),
        forces(0x03, lfb(1, 1, op(1, path(0, [1])) + b'\0\7\0\x50')),
        forces(0x03, lfb(1, 1)),
        forces(0x05, lfb(1, 1, op(11, path(0, [1], full)))),
        forces(0x01, lfb(1, 1, op(11, path(0, [1], full))) + lfb(2, 1, op(11, path(0, [2], full)))),
        forces(0x03, lfb(1, 1, op(1, path(0, [1], full))), length=12),
        # packet redirect: metadata ILVs and redirected data
        forces(0x06, ftlv(0x1, ftlv(0x115, ilv(7, b'\0\0\0\1') + ilv(8, b'in')) +
                               ftlv(0x116, bytes.fromhex('45000014000000004001f93d0a4d00010a4d0002')))),
        forces(0x06, ftlv(0x1, ftlv(0x117, b'\0' * 8) + ftlv(0x115, ilv(7, b'') + b'\0\0\0\1\0\0\0\xff'))),
        forces(0x06, ftlv(0x1, ftlv(0x116, b'\0' * 8, length=99))),
        forces(0x06, ftlv(0x1, b'\0' * 4)),
    ]
    for i, m in enumerate(ffr):
        s4(40000 + (i % 3), 6704, 0x33, [data(100 + i, 0, i, 0, m)])
    # ForCES by payload protocol identifier on other ports; it then sticks
    s4(45000, 45001, 0x44, [data(50, 0, 0, 21, forces(0x0f)), data(51, 0, 1, 0, forces(0x0f, version=2))])
    s4(45000, 45001, 0x44, [data(52, 0, 0, 0, b'not forces'), data(53, 0, 1, 23, forces(0x0f))])
    s4(45000, 45001, 0x44, [data(54, 0, 0, 22, forces(0x0f, flags=0))])
    # -------------------------------------------------------------- malformed
    s4(38412, 36412, 0x0badcafe, None, raw=struct.pack('!HHI', 38412, 36412, 1))         # 8-byte header
    s4(38412, 36412, 0x0badcafe, None, raw=b'')
    s4(38412, 36412, 0x0badcafe, [])                                                     # no chunks
    s4(38412, 36412, 0x0badcafe, [chunk(0x0b, 0, b''), b'\x0e\x00'])                     # cut descriptor
    s4(38412, 36412, 0x0badcafe, [chunk(0x0b, 0, b'', length=0)])
    s4(38412, 36412, 0x0badcafe, [chunk(0x0b, 0, b''), chunk(0x0b, 0, b'', length=3)])
    s4(38412, 36412, 0x0badcafe, [chunk(4, 0, hbinfo, length=200)])                     # past the end
    s4(38412, 36412, 0x0badcafe, [chunk(0x0b, 0, b'\0', length=5, pad=False)])          # padding missing
    s4(38412, 36412, 0x0badcafe, [chunk(0x0b, 0, b'\0\0\0', length=7)])                 # odd, padded
    s4(38412, 36412, 0x0badcafe, [data(60, 0, 0, 0, b'', length=10)])                   # DATA too short
    s4(38412, 36412, 0x0badcafe, [data(61, 0, 0, 0, b'', flags=0)])                     # no user data
    s4(38412, 36412, 0x0badcafe, [data(62, 0, 0, 0, b'', flags=4), chunk(0x0b, 0, b'')])
    s4(38412, 36412, 0x0badcafe, [chunk(1, 0, struct.pack('!IIHH', 1, 2, 3, 4))])        # INIT too short
    s4(38412, 36412, 0x0badcafe, [chunk(2, 0, b'')])
    s4(38412, 36412, 0x0badcafe, [chunk(3, 0, struct.pack('!II', 1, 2))])                # SACK too short
    s4(38412, 36412, 0x0badcafe, [chunk(0x0b, 0, b''), data(63, 0, 0, 0, b'xyz', length=200)])
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
