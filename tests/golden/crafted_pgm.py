#!/usr/bin/env python3
"""PGM (RFC 3208) as OpenPGM and ZeroMQ's pgm:// and epgm:// transports send
it: over IP (protocol 113, IPv4 and IPv6) and over UDP (what -T pgm reads),
every packet type (SPM, POLL, POLR, ODATA, RDATA, NAK, NNAK, NCF, ACK, SPMR,
unknown), every option (length, fragment, NAK list, join, back-off, redirect,
parity, neighbour unreachable, path NLA, SYN/FIN/RST, congestion control),
bad option lengths and address families; ODATA carrying ZMTP/1.0 frames
(for -T pgm_zmtp1) and ZMTP/1.0 over TCP (for -T zmtp1).  Hand-built,
sent on the veth with AF_PACKET.  Usage: crafted_pgm.py IFACE PEER_MAC"""
import socket, struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
GRP = '232.7.7.7'
GSI = bytes.fromhex('0a4d00010203')


def hdr(typ, body, opts=b'', sport=7500, dport=7501, length=None, options=None):
    if options is None:
        options = 1 if opts else 0
    ln = len(body) - 0 if length is None else length
    return struct.pack('!HHBBH6sH', sport, dport, typ, options, 0, GSI, ln) + body + opts


def v4(a):
    return struct.pack('!HH', 1, 0) + socket.inet_aton(a)


def v6(a):
    return struct.pack('!HH', 2, 0) + socket.inet_pton(socket.AF_INET6, a)


def opt(typ, body, end=False):
    return struct.pack('!BB', typ | (0x80 if end else 0), 2 + len(body)) + body


def opts(*items, total=None):
    body = b''.join(items)
    return struct.pack('!BBH', 0, 4, 4 + len(body) if total is None else total) + body


def zframe(body, flags=0, big=False):
    if big:
        return b'\xff' + struct.pack('!Q', len(body) + 1) + bytes([flags]) + body
    return bytes([len(body) + 1, flags]) + body


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def p4(payload, dst=GRP):
        fr.append(eth(peermac, me, 0x0800, ip4(A, dst, 113, payload, ttl=16)))

    def p6(payload):
        fr.append(eth(peermac, me, 0x86dd, ip6(A6, B6, 113, payload)))

    def u4(payload):
        fr.append(eth(peermac, me, 0x0800, ip4(A, B, 17, udp(A, B, 3055, 3056, payload))))

    spm = struct.pack('!III', 100, 90, 110) + v4(A)
    data = struct.pack('!II', 111, 90)
    # --- every type
    p4(hdr(0, spm))
    p4(hdr(1, struct.pack('!IHH', 7, 2, 0) + v4(A)[:4] + socket.inet_aton(A) +
           struct.pack('!III', 5000, 0x12345678, 0xffff0000)))
    p4(hdr(2, struct.pack('!IHH', 7, 2, 0)))
    p4(hdr(4, data + b'payload', length=7))
    p4(hdr(5, data + b'repair', length=6))
    nak = struct.pack('!I', 105) + v4(A) + v4(GRP)
    p4(hdr(8, nak), dst=B)
    p4(hdr(9, nak))
    p4(hdr(10, nak))
    p4(hdr(11, struct.pack('!II', 200, 0xffffffff)), dst=B)
    p4(hdr(12, b''), dst=A)
    p4(hdr(0x33, b'\x00' * 8))
    # --- IPv6 source and group addresses
    p6(hdr(0, struct.pack('!III', 1, 2, 3) + v6(A6)))
    p6(hdr(8, struct.pack('!I', 9) + v6(A6) + struct.pack('!HH', 2, 0) +
           socket.inet_pton(socket.AF_INET6, '2001:db8:77::2')))
    # the group's AFI is read from the address itself (0x0a4d: unknown)
    p4(hdr(8, struct.pack('!I', 9) + v4(A) + struct.pack('!HH', 1, 0) + socket.inet_aton(A)))
    # unknown address families
    p4(hdr(0, struct.pack('!III', 1, 2, 3) + struct.pack('!HH', 9, 0) + b'\0' * 4))
    p4(hdr(8, struct.pack('!I', 9) + struct.pack('!HH', 3, 0) + b'\0' * 8))
    # --- options
    p4(hdr(4, data, opts(opt(1, struct.pack('!HIII', 0, 111, 0, 3000)),
                         opt(3, struct.pack('!HI', 0, 95)),
                         opt(0x0c, b'\0' * 6),
                         opt(0x0d, b'\0\0', end=True))))
    p4(hdr(8, nak, opts(opt(2, struct.pack('!HIII', 0, 106, 107, 108)),
                        opt(4, struct.pack('!HII', 0, 50, 3)),
                        opt(5, struct.pack('!HII', 0, 80, 20), end=True))), dst=B)
    p4(hdr(0, spm, opts(opt(8, struct.pack('!HI', 0, 16)), opt(9, struct.pack('!HI', 0, 4)),
                        opt(0x0a, struct.pack('!HI', 0, 12)), opt(0x0b, b'\0\0'),
                        opt(0x0e, b'\0\0'), opt(0x0f, b'\0\0'),
                        opt(0x11, b'\0\0', end=True))))
    p4(hdr(10, nak, opts(opt(7, struct.pack('!HHH', 0, 1, 0) + socket.inet_aton(B)),
                         opt(7, struct.pack('!HHH', 0, 2, 0) +
                             socket.inet_pton(socket.AF_INET6, A6), end=True))))
    p4(hdr(4, data, opts(opt(0x12, struct.pack('!HIHH', 0, 77, 1, 0) + socket.inet_aton(B)),
                         opt(0x13, struct.pack('!HIHH', 0, 78, 2, 0) +
                             socket.inet_pton(socket.AF_INET6, B6)),
                         opt(0x10, b'\0' * 6), opt(0x0c, b'\0' * 2), opt(0x42, b'\1\2'))))
    p4(hdr(12, b'', opts(opt(0, b'\0\x08'), opt(0x20, b'\0\0', end=True))))
    # bad options
    p4(hdr(4, data, b'\x01\x04\x00\x08'))
    p4(hdr(4, data, b'\x00\x05\x00\x08'))
    p4(hdr(4, data, opts(total=2)))
    p4(hdr(4, data, opts(opt(3, b'\0\0'), total=7)))
    p4(hdr(4, data, opts(opt(3, b'\0\0\0\0\0\0\0\0'))))
    p4(hdr(4, data, opts(struct.pack('!BB', 3, 2) + b'\0\0')))
    p4(hdr(4, data, opts(opt(3, struct.pack('!HI', 0, 1)), total=10)))
    p4(hdr(4, data, opts(opt(2, struct.pack('!HIH', 0, 1, 2)))))
    p4(hdr(4, data, opts(opt(7, b'\0\0'))))
    p4(hdr(4, data, opts(opt(7, struct.pack('!HHH', 0, 1, 0) + b'\0' * 8))))
    p4(hdr(4, data, opts(opt(7, struct.pack('!HHH', 0, 5, 0) + b'\0' * 4))))
    p4(hdr(4, data, opts(opt(0x12, struct.pack('!HIHH', 0, 77, 2, 0) + b'\0' * 4))))
    p4(hdr(4, data, opts(opt(0x13, b'\0' * 4))))
    p4(hdr(4, data, opts(opt(0, b'\0\x04\0\0'))))
    p4(hdr(4, data, opts(opt(1, b'\0' * 6))))
    # cut short
    p4(hdr(0, spm)[:20])
    p4(hdr(4, data)[:10])
    p4(hdr(0, spm)[:3])
    p4(hdr(4, data, opts(opt(1, struct.pack('!HIII', 0, 1, 2, 3))))[:34])
    # --- ZMTP/1.0 in ODATA and RDATA (read with -T pgm_zmtp1)
    frames = zframe(b'hello', 1) + zframe(b'world') + zframe(b'', 0) + \
        zframe(bytes(range(200)), 0, big=True)
    p4(hdr(4, data + struct.pack('!H', 0) + frames, length=2 + len(frames)))
    p4(hdr(5, data + struct.pack('!H', 4) + b'tail' + zframe(b'x' * 20, 0xfe),
           length=2 + 4 + 22))
    p4(hdr(4, data + struct.pack('!H', 0xffff) + b'all of it is the middle part',
           length=30))
    p4(hdr(4, data + struct.pack('!H', 50) + b'short', length=7))
    p4(hdr(4, data + struct.pack('!H', 0) + zframe(b'0123456789', 0) + b'\x40\x00',
           length=16))
    p4(hdr(4, data + struct.pack('!H', 0) + b'\xff\x00\x00', length=5))
    p4(hdr(4, data + b'\x00', length=1))
    # --- over UDP (the -T pgm forms); as plain UDP otherwise
    u4(hdr(0, spm))
    u4(hdr(4, data + struct.pack('!H', 0) + zframe(b'udp', 1), length=7))
    u4(hdr(8, nak, opts(opt(0x0d, b'\0\0', end=True))))
    u4(hdr(0, spm)[:2])
    # --- ZMTP/1.0 over TCP (-T zmtp1)
    seq = 1000
    for chunk in (zframe(b'\x01identity'), zframe(b'msg', 1) + zframe(b'part2'),
                  zframe(bytes(300), 0, big=True), zframe(b'cut here', 0)[:5],
                  b'\xff\x00\x00'):
        fr.append(eth(peermac, me, 0x0800,
                      ip4(A, B, 6, tcp(A, B, 40555, 5555, seq, 1, 0x18, data=chunk))))
        seq += len(chunk)
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
