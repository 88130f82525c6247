#!/usr/bin/env python3
"""BFD (RFC 5880/5881, multihop RFC 5883, micro-BFD on LAG members RFC 7130,
the draft's version 0) as FRR's bfdd or MetalLB speak it between Kubernetes
nodes: control packets in every state with every flag and diagnostic, the
authentication sections (simple password, keyed and meticulous MD5/SHA1,
broken lengths, unknown types, cut-off sections), echo packets, unknown
versions and short packets.  Hand-built, sent on the veth with AF_PACKET.
Usage: crafted_bfd.py IFACE PEER_MAC"""
import struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'


def ctl(state=3, diag=0, flags=0, mult=3, my=1, your=2, tx=300000, rx=300000,
        echo=0, ver=1, length=None, auth=b'', extra=b''):
    """A control packet; the length field counts the auth section unless given."""
    if auth:
        flags |= 0x04
    b1 = (ver << 5) | (diag & 0x1f)
    b2 = flags if ver != 1 else ((state & 3) << 6) | (flags & 0x3f)
    body = struct.pack('!IIIII', my, your, tx, rx, echo) + auth + extra
    ln = 4 + len(body) - len(extra) if length is None else length
    return struct.pack('!BBBB', b1, b2, mult, ln & 0xff) + body


def auth_pw(pw, key=1, alen=None):
    return struct.pack('!BBB', 1, 3 + len(pw) if alen is None else alen, key) + pw


def auth_hash(typ, hlen, seq, key=2, alen=None, cut=None):
    digest = bytes((0x11 * (i + 1) + typ) & 0xff for i in range(hlen))
    a = struct.pack('!BBBBI', typ, 8 + hlen if alen is None else alen, key, 0, seq) + digest
    return a if cut is None else a[:cut]


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def u4(dport, payload, sport=49153, src=A, dst=B, ttl=255):
        fr.append(eth(peermac, me, 0x0800,
                      ip4(src, dst, 17, udp(src, dst, sport, dport, payload), ttl=ttl, df=False)))

    def u6(dport, payload, sport=49160):
        fr.append(eth(peermac, me, 0x86dd,
                      ip6(A6, B6, 17, udp(A6, B6, sport, dport, payload, v6=True), hlim=255)))

    # --- a session coming up (FRR defaults: 300 ms, multiplier 3)
    u4(3784, ctl(state=1, my=0x10, your=0, tx=1000000, rx=1000000))
    u4(3784, ctl(state=2, my=0x10, your=0x20, tx=1000000, rx=1000000, echo=50000))
    u4(3784, ctl(state=3, flags=0x20, my=0x10, your=0x20))
    u4(3784, ctl(state=3, flags=0x10, my=0x20, your=0x10, echo=50000))
    u4(3784, ctl(state=0, diag=7, my=0x10, your=0x20, tx=1000000, rx=0, mult=5))
    # every flag, every diagnostic and a few unknown ones
    u4(3784, ctl(state=3, flags=0x3b, my=0xdeadbeef, your=0x01020304))
    u4(3784, ctl(state=2, flags=0x01, mult=0))
    for d in (1, 2, 3, 4, 5, 6, 8, 9, 31):
        u4(3784, ctl(state=1, diag=d, my=0x100 + d, your=0))
    # detect time that overflows 32 bits, zero timers, odd BFD length fields
    u4(3784, ctl(mult=255, tx=0xffffffff, rx=0xfffffffe, echo=0xffffffff))
    u4(3784, ctl(mult=1, tx=0, rx=0, echo=999))
    u4(3784, ctl(length=0))
    u4(3784, ctl(length=255, extra=b'\x00' * 16))
    # --- authentication
    u4(3784, ctl(auth=auth_pw(b'secret12', key=7)))
    u4(3784, ctl(auth=auth_pw(b'x', key=0)))
    u4(3784, ctl(auth=auth_pw(b'0123456789abcdef', key=255)))
    u4(3784, ctl(auth=auth_pw(b'tab\there\x01\x7f\xe9')))
    u4(3784, ctl(auth=auth_pw(b'', alen=3)))
    u4(3784, ctl(auth=auth_pw(b'0123456789abcdefg')))
    u4(3784, ctl(auth=auth_pw(b'short', alen=19)))  # password runs off the end
    u4(3784, ctl(auth=auth_hash(2, 16, 0x00000001)))
    u4(3784, ctl(auth=auth_hash(3, 16, 0x7fffffff, key=9)))
    u4(3784, ctl(auth=auth_hash(2, 16, 5, alen=28)))
    u4(3784, ctl(auth=auth_hash(4, 20, 0x12345678)))
    u4(3784, ctl(auth=auth_hash(5, 20, 0xfffffffe, key=3)))
    u4(3784, ctl(auth=auth_hash(4, 20, 1, alen=24)))
    u4(3784, ctl(auth=auth_hash(2, 16, 6, cut=14)))     # digest cut short
    u4(3784, ctl(auth=auth_hash(4, 20, 7, cut=6)))      # sequence cut short
    u4(3784, ctl(auth=struct.pack('!BBBB', 6, 8, 1, 0) + b'\xaa' * 4))
    u4(3784, ctl(auth=struct.pack('!BBBB', 0, 4, 1, 0)))
    u4(3784, ctl(auth=b'\x01\x08'))                      # header cut short
    u4(3784, ctl(flags=0x04))                            # flag without a section
    # --- version 0 (draft-ietf-bfd-base-01), versions 2..7
    u4(3784, ctl(ver=0, flags=0x80, diag=0))
    u4(3784, ctl(ver=0, flags=0xff, diag=3, mult=4, tx=100000))
    u4(3784, ctl(ver=0, flags=0x00, diag=20))
    u4(3784, ctl(ver=0, flags=0x84, auth=auth_pw(b'v0pass')))
    u4(3784, ctl(ver=2))
    u4(3784, ctl(ver=7, diag=31, extra=b'\x01\x02\x03'))
    # --- short control packets
    u4(3784, ctl()[:20])
    u4(3784, ctl()[:1])
    u4(3784, b'')
    # --- multihop (IPv4 and IPv6, lower TTL), micro-BFD on a LAG member
    u4(4784, ctl(state=3, my=0x4784, your=0x9999), ttl=254)
    u4(4784, ctl(state=1, diag=1, auth=auth_hash(4, 20, 42)), ttl=250)
    u6(4784, ctl(state=3, flags=0x08, my=0x600, your=0x601))
    u6(3784, ctl(state=2, my=0x602, your=0x603, tx=50000, rx=50000, mult=10))
    u4(6784, ctl(state=3, my=0x6784, your=0x6785, tx=100000, rx=100000))
    u4(6784, ctl(state=1, ver=0))
    u4(6784, ctl(ver=3))
    # --- echo packets (reflected by the peer's forwarding plane)
    u4(3785, struct.pack('!BBHIQ', 1, 24, 0, 0x10, 0x0102030405060708), sport=3785)
    u4(3785, b'FRR-echo' + bytes(range(40)), sport=3785)
    u4(3785, b'', sport=3785)
    u6(3785, struct.pack('!II', 0x600, 1), sport=3785)
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
