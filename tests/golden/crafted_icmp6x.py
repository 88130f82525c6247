#!/usr/bin/env python3
"""ICMPv6 beyond echo and plain neighbour discovery: node information
queries and replies (RFC 4620, KAME who-are-you, the old name-lookup draft),
router renumbering (RFC 2894), MLDv2 queries and reports, the ND options
tcpdump decodes (DNSSL, route information, ...) and one it does not (PREF64),
home agent discovery and mobile prefix messages (RFC 6275) and RPL control
messages (RFC 6550), with malformed lengths, unknown codes and cut-off
bodies.  Hand-built, sent on the veth with AF_PACKET.
Usage: crafted_icmp6x.py IFACE PEER_MAC"""
import socket, struct, sys
from pktgen import *

A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
LL, ALLN, ALLR = 'fe80::a', 'ff02::1', 'ff02::2'


def a6(s):
    return socket.inet_pton(socket.AF_INET6, s)


def dname(*labels, end=b'\0'):
    return b''.join(bytes([len(l)]) + l for l in labels) + end


NONCE = bytes.fromhex('0123456789abcdef')


def ni(qtype, flags, data=b'', nonce=NONCE):
    return struct.pack('!HH', qtype, flags) + nonce + data


def pad8(opt):
    while len(opt) % 8:
        opt += b'\0'
    return opt


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def m(typ, code, body, src=A6, dst=B6, hlim=64, cut=None):
        pkt = ip6(src, dst, 58, icmp6(src, dst, typ, code, body), hlim=hlim)
        if cut is not None:
            # the IPv6 payload length still counts the whole message
            pkt = pkt[:40 + cut]
        fr.append(eth(peermac, me, 0x86dd, pkt))

    # --- node information queries (139)
    m(139, 0, b'\0' * 8)                                # KAME who-are-you
    m(139, 0, ni(0, 0))                                 # noop
    m(139, 0, ni(0, 0, b'xx'))                          # noop, extra bytes
    m(139, 0, ni(1, 1))                                 # supported qtypes [C]
    m(139, 0, ni(1, 2))                                 # supported qtypes []
    m(139, 0, ni(1, 0, b'\0' * 4))
    m(139, 0, ni(2, 0))                                 # 16 bytes: 03 draft
    m(139, 0, ni(2, 0, a6(B6)))                         # DNS name of B6
    m(139, 0, ni(2, 0, a6(B6)[:8]))                     # bad subject length
    m(139, 0, ni(3, 0x7e, a6('2001:db8:77::53')))       # node addresses, all flags
    m(139, 0, ni(3, 0x01, a6(B6)))
    m(139, 0, ni(3, 0x0a, a6(B6) + b'\0\0'))            # subject too long
    m(139, 1, ni(3, 0x02, dname(b'node1', b'example', b'com')))
    m(139, 1, ni(2, 0, dname(b'node1', b'example', b'com', end=b'\0\0')))
    m(139, 1, ni(2, 0, dname(b'node1', b'example', end=b'')))   # no root label
    m(139, 1, ni(2, 0, dname(b'node1', end=b'\0\0\0')))         # junk after the name
    m(139, 1, ni(2, 0, b'\x20short'))                            # label overruns
    m(139, 1, ni(2, 0, b'\x09pascal\x07\x81z'))                  # counted string (03 draft)
    m(139, 1, ni(2, 0, dname(b'ctl\x01\x7f\xe9', b'x')))         # odd characters
    m(139, 2, ni(4, 0, socket.inet_aton('10.77.0.2')))           # IPv4 subject
    m(139, 2, ni(4, 0, socket.inet_aton('10.77.0.2') + b'\0'))   # bad length
    m(139, 2, ni(3, 0x20, a6(B6)[:6]))
    m(139, 7, ni(2, 0, a6(B6)))                                  # unknown subject
    m(139, 0, ni(9, 0, a6(B6)))                                  # unknown qtype
    m(139, 0, ni(3, 0, b''), cut=14)                             # cut before the nonce ends
    m(139, 0, ni(3, 0, a6(B6)), cut=24)                          # subject cut

    # --- node information replies (140)
    m(140, 0, ni(0, 0))                                 # success noop
    m(140, 0, ni(0, 0, b'\0\0\0\0'))                    # noop, invalid length
    m(140, 1, ni(2, 0))                                 # refused
    m(140, 1, ni(2, 0, b'abcd'))                        # refused, invalid length
    m(140, 2, ni(7, 0))                                 # unknown qtype
    m(140, 2, ni(7, 0, b'\0' * 8))
    m(140, 3, ni(2, 0))                                 # undefined code
    m(140, 0, ni(1, 1, b'\x00\x00\x00\x1f'))            # supported qtypes [C]
    m(140, 0, ni(1, 0, b'\x00\x00\x00\x1f'))
    m(140, 0, ni(2, 1, struct.pack('!I', 3600) + dname(b'node2', b'example', b'org')))
    m(140, 0, ni(2, 0, struct.pack('!I', 60) + dname(b'node2', b'example', b'org', end=b'\0\0')))
    m(140, 0, ni(2, 1, struct.pack('!I', 7) + b'\x0anode2.test'))   # counted string
    m(140, 0, ni(2, 0, struct.pack('!I', 7) + b'\x3fbad'))          # label overruns
    m(140, 0, ni(2, 0, struct.pack('!I', 7) + b'\x03abc\x00\x05'))  # junk after the name
    m(140, 0, ni(3, 0x7f, struct.pack('!I', 600) + a6('2001:db8:77::2')
                 + struct.pack('!I', 0xffffffff) + a6('fe80::b')))
    m(140, 0, ni(3, 0, struct.pack('!I', 30) + a6(B6) + b'\0' * 10))  # trailing partial entry
    m(140, 0, ni(3, 0x08))
    m(140, 0, ni(4, 0, struct.pack('!I', 30) + socket.inet_aton('10.77.0.2')))
    m(140, 0, ni(2, 0, struct.pack('!I', 1)), cut=17)   # reply longer than captured
    m(140, 0, b'\0' * 6)                                # too short for a reply

    # --- router renumbering (138)
    def rr(seq, seg, flags, maxdelay, rsvd=0):
        return struct.pack('!IBBHI', seq, seg, flags, maxdelay, rsvd)

    def match(code, uses, ordinal=1, mlen=48, mn=48, mx=64, pfx='2001:db8:77::', ln=None):
        ln = 3 + 4 * uses if ln is None else ln
        return struct.pack('!BBBBBBH16s', code, ln, ordinal, mlen, mn, mx, 0, a6(pfx))

    def use(ul, kl, mask, raf, vl, pl, flags, pfx):
        return struct.pack('!BBBBIII16s', ul, kl, mask, raf, vl, pl, flags, a6(pfx))

    m(138, 0, rr(1, 0, 0xf8, 1000, 7) + match(1, 2)
      + use(64, 48, 0xc0, 0x80, 0xffffffff, 3600, 0x80000000, '2001:db8:77:1::')
      + use(56, 0, 0x40, 0x40, 86400, 0xffffffff, 0x40000000, '2001:db8:77:100::'), dst='ff02::2')
    m(138, 0, rr(2, 3, 0x40, 0) + match(2, 1, ordinal=9, mlen=64)
      + use(64, 64, 0, 0, 0, 0, 0xc0000000, '2001:db8:77::'))
    m(138, 0, rr(3, 1, 0, 10) + match(3, 0))
    m(138, 0, rr(4, 0, 0x08, 10) + match(7, 0, ln=5))   # length not 3 + 4n
    m(138, 0, rr(5, 0, 0, 10) + match(1, 2) + use(64, 48, 0, 0, 1, 2, 0, '2001:db8:77::'))  # use missing
    m(138, 0, rr(6, 0, 0, 10))                          # no match part
    m(138, 1, rr(7, 0, 0x10, 0) + struct.pack('!HBBI16s', 2, 1, 48, 5, a6('2001:db8:77::')))
    m(138, 255, rr(0, 0, 0, 0))
    m(138, 9, rr(8, 2, 0x20, 5))
    m(138, 0, rr(9, 0, 0, 0)[:6])

    # --- MLD: v1 query, v2 queries, v2 reports, bad lengths
    mld1 = struct.pack('!HH16s', 1000, 0, a6('::'))
    m(130, 0, mld1, src=LL, dst=ALLN, hlim=1)
    m(130, 0, mld1 + b'\0\0', src=LL, dst=ALLN, hlim=1)              # 26: unknown version
    m(130, 0, struct.pack('!HH16sBBH', 10000, 0, a6('::'), 2, 125, 0), src=LL, dst=ALLN, hlim=1)
    m(130, 0, struct.pack('!HH16sBBH', 0x8a34, 0, a6('ff02::1:3'), 0x0f, 0xa5, 2)
      + a6('2001:db8:77::1') + a6('2001:db8:77::2'), src=LL, dst='ff02::1:3', hlim=1)
    m(130, 0, struct.pack('!HH16sBBH', 0xffff, 0, a6('ff05::fb'), 0x08, 0xff, 3)
      + a6('2001:db8:77::9'), src=LL, dst='ff05::fb', hlim=1)          # too many sources
    m(130, 0, struct.pack('!HH16sBBH', 100, 0, a6('ff02::db8'), 0, 0, 1) + a6('2001:db8:77::5'),
      src=LL, dst=ALLN, hlim=1, cut=40)                                  # source cut
    rec1 = struct.pack('!BBH16s', 4, 0, 0, a6('ff02::fb'))
    rec2 = struct.pack('!BBH16s', 1, 0, 2, a6('ff05::1:3')) + a6('2001:db8:77::7') + a6('2001:db8:77::8')
    rec3 = struct.pack('!BBH16s', 9, 0, 1, a6('ff0e::77')) + a6('2001:db8:77::9')
    m(143, 0, struct.pack('!HH', 0, 3) + rec1 + rec2 + rec3, src=LL, dst='ff02::16', hlim=1)
    m(143, 0, struct.pack('!HH', 0, 2) + rec1, src=LL, dst='ff02::16', hlim=1)

    # --- ND options in router advertisements
    slla = bytes([1, 1]) + mac(me)
    dnssl = pad8(struct.pack('!BBHI', 31, 0, 0, 1200) + dname(b'corp', b'example', b'com')
                 + dname(b'lab', b'example', b'net'))
    dnssl = bytes([31, len(dnssl) // 8]) + dnssl[2:]
    ri1 = struct.pack('!BBBBI', 24, 1, 0, 0x08, 0xffffffff)
    ri2 = struct.pack('!BBBBI8s', 24, 2, 48, 0x18, 1800, a6('2001:db8:77:8000::')[:8])
    ri3 = struct.pack('!BBBBI16s', 24, 3, 64, 0x10, 600, a6('2001:db8:77:ffff::'))
    pref64 = struct.pack('!BBH12s', 38, 2, 0x0708, a6('64:ff9b::')[:12])
    mtu = struct.pack('!BBHI', 5, 1, 0, 1480)
    advi = struct.pack('!BBHI', 7, 1, 0, 60000)
    hai = struct.pack('!BBHHH', 8, 1, 0, 10, 1800)
    ra = struct.pack('!BBHII', 64, 0xc8, 1800, 30000, 1000)
    m(134, 0, ra + slla + mtu + dnssl + ri1 + ri2 + ri3 + pref64 + advi + hai,
      src=LL, dst=ALLN, hlim=255)
    # a DNSSL name compressed against the first one (offset from the options)
    comp = struct.pack('!BBHI', 31, 3, 0, 300) + dname(b'a', b'example', b'com') + b'\x02bb\xc0\x0a'
    comp = pad8(comp)
    comp = comp[:1] + bytes([len(comp) // 8]) + comp[2:]
    m(134, 0, ra + comp, src=LL, dst=ALLN, hlim=255)
    bad = pad8(struct.pack('!BBHI', 31, 2, 0, 300) + b'\x01x\xc0\x3f')   # pointer forward
    m(134, 0, ra + bad, src=LL, dst=ALLN, hlim=255)
    m(134, 0, ra + pad8(struct.pack('!BBHI', 31, 2, 0, 0) + b'\x81x'), src=LL, dst=ALLN, hlim=255)
    m(134, 0, ra + struct.pack('!BBHI', 31, 1, 0, 0xffffffff) + slla, src=LL, dst=ALLN, hlim=255)
    m(134, 0, ra + struct.pack('!BBBBI', 24, 4, 0, 0, 0) + a6('2001:db8::') + b'\0' * 8,
      src=LL, dst=ALLN, hlim=255)                                       # route info too long
    m(134, 0, ra + mtu + dnssl, src=LL, dst=ALLN, hlim=255, cut=40)     # DNSSL cut off

    # DNSSL with an RFC 2673 bit-string label and an unknown extended label type
    m(134, 0, ra + pad8(struct.pack('!BBHI', 31, 2, 0, 60) + b'\x41\x0c\xab\xcd\x03net\x00'),
      src=LL, dst=ALLN, hlim=255)
    m(134, 0, ra + pad8(struct.pack('!BBHI', 31, 2, 0, 60) + b'\x42\x01\x00'), src=LL, dst=ALLN, hlim=255)

    # --- port unreachable quoting packets with extension headers (AH, hop-by-hop)
    u = udp(B6, A6, 5353, 33434, b'probe', v6=True)
    ah = struct.pack('!BBHII', 17, 4, 0, 0x1000, 7) + b'\xaa' * 12
    m(1, 4, b'\0' * 4 + ip6(B6, A6, 51, ah + u))
    t = tcp(B6, A6, 40000, 8080, 1, 0, 0x002, v6=True)
    m(1, 4, b'\0' * 4 + ip6(B6, A6, 0, struct.pack('!BB', 6, 0) + b'\x01\x04\0\0\0\0' + t))
    m(1, 4, b'\0' * 4 + ip6(B6, A6, 51, struct.pack('!BBHII', 6, 4, 0, 0x1000, 7)))   # AH, nothing after

    # --- home agent address discovery and mobile prefixes (RFC 6275)
    m(144, 0, struct.pack('!HH', 0x1234, 0))
    m(145, 0, struct.pack('!HH', 0x1234, 0) + a6('2001:db8:77::a') + a6('2001:db8:77::b'))
    m(145, 0, struct.pack('!HH', 0x1235, 0) + a6('2001:db8:77::a') + b'\0' * 4)
    m(146, 0, struct.pack('!HH', 0x4321, 0))
    pio = struct.pack('!BBBBIII16s', 3, 4, 64, 0xe0, 86400, 14400, 0, a6('2001:db8:77::'))
    m(147, 0, struct.pack('!HH', 0x4321, 0xc000) + pio)
    m(147, 0, struct.pack('!HH', 0x4322, 0x4000) + pio)
    m(147, 0, struct.pack('!HH', 0x4323, 0x0000))
    m(147, 0, struct.pack('!HH', 0x4324, 0x8000) + struct.pack('!BBH', 3, 0, 0) + b'\0' * 4)

    # --- RPL control messages (RFC 6550), link-local multicast
    R = 'ff02::1a'
    dagid = a6('2001:db8:77::100')
    cfg = struct.pack('!BBBBBBHHHBBH', 4, 14, 0, 8, 12, 2, 256, 0x0100, 0, 0, 0x1e, 60)
    dpfx = struct.pack('!BBBBI', 8, 22, 64, 0x18, 3600) + a6('2001:db8:77::')[:8] + b'\0' * 8
    m(155, 0, struct.pack('!BB', 0, 0), src=LL, dst=R, hlim=255)                # DIS
    m(155, 1, struct.pack('!BBHBBBB16s', 1, 240, 256, 0x88 | 3, 7, 0, 0, dagid)
      + b'\x00' + struct.pack('!BB', 1, 2) + b'\0\0' + cfg + dpfx, src=LL, dst=R, hlim=255)
    m(155, 1, struct.pack('!BBHBBBB16s', 30, 1, 512, 0x18 | 1, 2, 0, 0, dagid), src=LL, dst=R, hlim=255)
    m(155, 1, struct.pack('!BBHBBBB', 1, 1, 1, 0, 0, 0, 0), src=LL, dst=R, hlim=255)  # too short
    tgt = struct.pack('!BBBB', 5, 18, 0, 128) + a6('2001:db8:77::42')
    tinfo = struct.pack('!BBBBBB', 6, 4, 0, 0, 1, 0xff)
    m(155, 2, struct.pack('!BBBB16s', 1, 0xc0, 0, 42, dagid) + tgt + tinfo, src=LL, dst=R, hlim=255)
    m(155, 2, struct.pack('!BBBB', 1, 0x00, 0, 43) + tgt + b'\0' * 12, src=LL, dst=R, hlim=255)
    m(155, 2, struct.pack('!BBBB', 1, 0x40, 0, 44) + b'\0' * 16, src=LL, dst=R, hlim=255)
    m(155, 2, struct.pack('!BBBB', 1, 0x00, 0, 45) + tgt[:8] + b'\0' * 8, src=LL, dst=R, hlim=255,
      cut=20)                                                                 # cut inside
    m(155, 2, struct.pack('!BBBB', 1, 0x80, 0, 46) + b'\x09\x40abc' + b'\0' * 11, src=LL, dst=R, hlim=255)
    m(155, 3, struct.pack('!BBBB16s', 1, 0x80, 42, 0, dagid), src=LL, dst=R, hlim=255)
    m(155, 3, struct.pack('!BBBB', 1, 0x00, 43, 1) + b'\x01\x01\x00', src=LL, dst=R, hlim=255)
    m(155, 3, struct.pack('!BBBB', 1, 0x80, 44, 2) + b'\0' * 8, src=LL, dst=R, hlim=255)
    m(155, 0x80, b'\0' * 12, src=LL, dst=R, hlim=255)                       # secured
    m(155, 0x83, b'\0' * 8, src=LL, dst=R, hlim=255)
    m(155, 5, b'\0' * 4, src=LL, dst=R, hlim=255)                           # unknown code
    m(155, 1, b'', src=LL, dst=R, hlim=255)                                 # empty DIO

    send_frames(ifn, fr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
