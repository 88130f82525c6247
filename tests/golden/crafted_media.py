#!/usr/bin/env python3
"""UDP payloads that only -T names, on ports no printer claims: RTP
(version 2 with marker, CSRCs, header extensions, H.261; version 1 with
options; too short), RTCP compound packets (SR, RR with 0-2 report blocks,
SDES, BYE, APP, a wrong length, cut short), vat and vt headers, and an
SNMP, TFTP, RADIUS and PTP message each, Sun RPC calls and replies; and vat to its port 3456, which
tcpdump reads as vat without -T.  Sent on a veth inside the test
netns only.  Usage: crafted_media.py IFACE PEER_MAC"""
import struct, sys
from pktgen import *
import crafted_snmp as snmp
import crafted_ptp as ptp

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'


def ifmac(ifn):
    return open('/sys/class/net/%s/address' % ifn).read().strip()


def rtp2(pt, seq, ts, ssrc, payload, marker=0, csrcs=(), ext=None, version=2):
    b0 = version << 6 | (0x10 if ext is not None else 0) | len(csrcs)
    h = struct.pack('!BBHII', b0, marker << 7 | pt, seq, ts, ssrc)
    h += b''.join(struct.pack('!I', c) for c in csrcs)
    if ext is not None:
        profile, words = ext
        h += struct.pack('!HH', profile, words) + bytes(4 * min(words, 2))
    return h + payload


def rtp1(pt, seq, ts, opts, payload, marker=0):
    """Version 1 (the draft): options words, each with its length in words
    in bits 16-23; the last has the top bit set."""
    i0 = 1 << 30 | (0x800000 if opts else 0) | (0x400000 if marker else 0) | pt << 16 | seq
    return struct.pack('!II', i0, ts) + b''.join(struct.pack('!I', o) for o in opts) + payload


def rtcp(pt, count, body, ssrc=0x11223344, words=None):
    if words is None:
        words = (8 + len(body)) // 4 - 1
    return struct.pack('!BBHI', 0x80 | count, pt, words, ssrc) + body


def report(src, lost, hiseq, jitter, lsr, dlsr, frac=0x12):
    return struct.pack('!IIIIII', src, frac << 24 | lost, hiseq, jitter, lsr, dlsr)


def main(ifn, peermac):
    me = ifmac(ifn)
    E4 = lambda p: eth(peermac, me, 0x0800, p)
    E6 = lambda p: eth(peermac, me, 0x86dd, p)
    U = lambda sp, dp, data: E4(ip4(A, B, 17, udp(A, B, sp, dp, data)))
    fr = []
    audio = bytes(range(160))

    # --- RTP version 2
    fr.append(U(40010, 40020, rtp2(0, 1, 160, 0x11223344, audio)))
    fr.append(U(40010, 40020, rtp2(96, 65535, 4294967295, 0xdeadbeef, audio[:40], marker=1)))
    fr.append(U(40010, 40020, rtp2(8, 7, 960, 0x11223344, audio[:20], csrcs=(1, 2))))
    fr.append(U(40010, 40020, rtp2(111, 8, 1920, 0x11223344, audio[:30], ext=(0xbede, 1))))
    fr.append(U(40010, 40020, rtp2(111, 9, 2880, 0x11223344, b'', ext=(0xbede, 40))))
    fr.append(U(40010, 40020, rtp2(31, 10, 3000, 0x55667788, bytes([0x12, 0x34, 0x56, 0x78]) + audio[:16])))
    fr.append(U(40010, 40020, rtp2(31, 11, 3000, 0x55667788, bytes([0xab, 0xcd, 0, 0]), ext=(0x1000, 1))))
    fr.append(U(40010, 40020, rtp2(0, 12, 0, 0x1, b'', version=0)))
    fr.append(E6(ip6(A6, B6, 17, udp(A6, B6, 40011, 40021, rtp2(9, 13, 320, 0x99, audio[:64]), v6=True))))
    # --- RTP version 1 with options, one of length zero, and short ones
    fr.append(U(40010, 40020, rtp1(5, 20, 100, (0x00010000, 0x80010000), audio[:12])))
    fr.append(U(40010, 40020, rtp1(5, 21, 100, (0x80000000,), audio[:12], marker=1)))
    fr.append(U(40010, 40020, rtp1(5, 22, 100, (), audio[:12])))
    fr.append(U(40010, 40020, b'\x80\x00\x00\x01\x00'))
    fr.append(U(40010, 40020, b'\x80\x00\x00\x01\x00\x00\x00\xa0\x11\x22'))

    # --- RTCP: SR with a report block and SDES, RR with two and none, BYE,
    # APP, a wrong length, and packets cut short
    sr = struct.pack('!IIIII', 3900000000, 0x80000000, 160000, 1000, 160000)
    sdes = rtcp(202, 1, struct.pack('!BB', 1, 8) + b'user@box' + b'\0\0')
    fr.append(U(40012, 40022, rtcp(200, 1, sr + report(0x55667788, 3, 70000, 12, 0x10000, 0x8000)) + sdes))
    fr.append(U(40012, 40022, rtcp(201, 2, report(0xaa, 1, 100, 2, 0x20000, 0x4000) +
                                   report(0xbb, 2, 200, 3, 0x30000, 0x2000))))
    fr.append(U(40012, 40022, rtcp(201, 0, b'')))
    fr.append(U(40012, 40022, rtcp(203, 1, b'\x03bye\0\0\0\0')))
    fr.append(U(40012, 40022, rtcp(204, 0, b'NAME\x01\x02\x03\x04')))
    fr.append(U(40012, 40022, rtcp(200, 0, sr, words=20)))
    fr.append(U(40012, 40022, rtcp(201, 1, report(0xcc, 0, 5, 0, 0, 0)) + b'\x81\xc9'))
    fr.append(U(40012, 40022, rtcp(200, 0, sr[:8])))
    fr.append(U(40012, 40022, rtcp(201, 3, report(0xdd, 0, 5, 0, 0, 0))))

    # --- vat and vt
    fr.append(U(40014, 40024, struct.pack('!HH', 0x1234, 0) + audio[:20]))
    fr.append(U(40014, 40024, struct.pack('!II', 0x05810007, 12345) + audio[:20]))
    fr.append(U(40014, 40024, struct.pack('!II', 0x00000008, 12346) + audio[:8]))
    fr.append(U(40014, 40024, b'\x00'))
    fr.append(U(40014, 40024, b'\x00\x00\x00\x01'))
    # to port 3456, vat's: read as vat without -T (and from it, not)
    fr.append(U(40015, 3456, struct.pack('!II', 0x00020009, 777) + audio[:16]))
    fr.append(U(40015, 3456, struct.pack('!HH', 0x8421, 0) + audio[:4]))
    fr.append(U(3456, 40015, struct.pack('!II', 0x00020009, 778) + audio[:16]))

    # --- one message each for -T snmp, tftp, radius, ptp
    fr.append(U(40016, 40026, snmp.v2(snmp.req(0, 77, [snmp.VB('1.3.6.1.2.1.1.1.0')]))))
    fr.append(U(40016, 40026, struct.pack('!H', 1) + b'boot/pxelinux.0\0octet\0blksize\x001428\0'))
    auth = bytes(range(16))
    attrs = bytes([1, 7]) + b'alice' + bytes([4, 6]) + bytes([10, 77, 0, 1])
    fr.append(U(40016, 40026, struct.pack('!BBH', 1, 9, 20 + len(attrs)) + auth + attrs))
    fr.append(U(40016, 40026, ptp.msg(0, ptp.tstamp(1700000000, 500))))

    # --- Sun RPC for -T rpc: portmapper calls (GETPORT, NULL, another RPC
    # version, an unknown procedure), their replies (accepted, an auth
    # error), over IPv6 too, and one cut before its direction
    def call(xid, proc, prog=100000, vers=2, rpcvers=2, args=b''):
        return struct.pack('!IIIIII', xid, 0, rpcvers, prog, vers, proc) + bytes(16) + args
    def reply(xid, body):
        return struct.pack('!II', xid, 1) + body
    fr.append(U(40018, 40028, call(0x1234, 3, args=struct.pack('!IIII', 100005, 3, 17, 0))))
    fr.append(E4(ip4(B, A, 17, udp(B, A, 40028, 40018,
        reply(0x1234, struct.pack('!IIIII', 0, 0, 0, 0, 20048))))))
    fr.append(U(40018, 40028, call(0x1235, 0)))
    fr.append(U(40018, 40028, call(0x1236, 1, rpcvers=3, args=struct.pack('!IIII', 100003, 3, 6, 2049))))
    fr.append(U(40018, 40028, call(0x1237, 9)))
    fr.append(E4(ip4(B, A, 17, udp(B, A, 40028, 40018, reply(0x1237, struct.pack('!III', 1, 1, 2))))))
    fr.append(E6(ip6(A6, B6, 17, udp(A6, B6, 40019, 40029, call(0x1238, 3,
        args=struct.pack('!IIII', 100021, 4, 17, 0)), v6=True))))
    fr.append(U(40018, 40028, b'\x00\x00\x12\x39\x00\x00'))
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
