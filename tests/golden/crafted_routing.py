#!/usr/bin/env python3
"""Routing and control protocols as routers speak them, hand-built and
sent on the veth with AF_PACKET:
- Babel (babeld, bird: every TLV of RFC 6126/8966, the HMAC, RTT,
  source-specific and diversity extensions, sub-TLVs, the packet trailer,
  bad magic and versions, lengths that do not add up, cut TLVs);
- EIGRP over IPv4 and IPv6 (Hello with parameters and versions, internal
  and external IPv4 and AppleTalk routes, unknown and broken TLVs, cut
  packets);
- LDP over UDP and TCP (Hello, Initialization, Keepalive, Address, Label
  Mapping with every FEC element, Martini VCs and their interface
  parameters, Notification, undecoded messages, several PDUs a segment,
  bad versions and lengths);
- LSP ping (requests and replies with every target FEC sub-TLV,
  downstream mappings, BFD and vendor TLVs, bad lengths, cut packets);
- RSVP-TE (Path, Resv, errors, bundles, hellos, acknowledgements, every
  object tcpdump decodes with each C-Type, IntServ specs, EROs and RROs,
  GMPLS labels, UNI sub-objects, integrity signed with "rsvpkey",
  broken lengths and cut messages);
- LISP (Map-Register and Map-Notify with IPv4 and IPv6 EIDs and locators,
  xTR-IDs, the other types, cut records), SOME/IP headers;
- from routing_manet.py: AHCP, timed (TSP), AODV, OLSR and HNCP.
Usage: crafted_routing.py IFACE PEER_MAC"""
import socket, struct, sys
from pktgen import *
from routing_manet import ahcp_packets, timed_packets, aodv_packets, olsr_packets, hncp_packets

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'


def a4(s):
    return socket.inet_aton(s)


def a6(s):
    return socket.inet_pton(socket.AF_INET6, s)


# ------------------------------------------------------------------ Babel
def btlv(t, body):
    return struct.pack('!BB', t, len(body)) + body


def bsub(t, body):
    return struct.pack('!BB', t, len(body)) + body


def babel(tlvs, trailer=b'', magic=42, ver=2, blen=None):
    body = b''.join(tlvs)
    return struct.pack('!BBH', magic, ver, len(body) if blen is None else blen) + body + trailer


RID = bytes.fromhex('0200c0fffe000201')


def hello(seq, iv, flags=0, sub=b''):
    return btlv(4, struct.pack('!HHH', flags, seq, iv) + sub)


def ihu(ae, addr, rxcost=96, iv=600, sub=b''):
    return btlv(5, struct.pack('!BBHH', ae, 0, rxcost, iv) + addr + sub)


def update(ae, flags, plen, omitted, iv, seq, metric, pfx, sub=b''):
    return btlv(8, struct.pack('!BBBBHHH', ae, flags, plen, omitted, iv, seq, metric) + pfx + sub)


def babel_packets():
    out = []
    ts = bsub(3, struct.pack('!I', 12345678))
    ts2 = bsub(3, struct.pack('!II', 1000001, 4294967295))
    out.append(babel([hello(8042, 400), hello(7, 0, flags=0x8000),
                      hello(9, 1, sub=ts), ihu(0, b'', sub=ts2)]))
    out.append(babel([b'\x00', btlv(1, b'\x00' * 3), btlv(1, b''), b'\x00',
                      btlv(2, struct.pack('!HHH', 0, 0xbeef, 150)),
                      btlv(3, struct.pack('!H', 0xbeef)),
                      btlv(6, b'\x00\x00' + RID)]))
    # IHU for every address encoding, a bad one (noted, then carries on)
    out.append(babel([ihu(1, a4(B)), ihu(2, a6(B6), rxcost=0xffff, iv=0),
                      ihu(3, bytes.fromhex('0200c0fffe000202')), ihu(7, b''),
                      ihu(2, a6(A6), sub=bsub(3, b'\x00\x00\x00\x01'))]))
    # next hops and updates, prefixes abbreviated against earlier ones
    out.append(babel([btlv(7, b'\x01\x00' + a4(A)), btlv(7, b'\x02\x00' + a6(A6)),
                      btlv(7, b'\x00\x00'), btlv(7, b'\x03\x00' + bytes.fromhex('0200c0fffe000201')),
                      btlv(6, b'\x00\x00' + RID),
                      update(1, 0x80, 24, 0, 400, 32272, 1, a4('192.0.2.0')[:3]),
                      update(1, 0x00, 32, 3, 400, 32272, 96, b'\x07'),
                      update(1, 0xc0, 25, 3, 0xffff, 5, 0xffff, bytes([128])),
                      update(2, 0x80, 64, 0, 400, 7, 256, a6('2001:db8:1:2::')[:8]),
                      update(2, 0x40, 128, 8, 400, 8, 256, bytes(range(1, 9))),
                      update(2, 0x3f, 0, 0, 400, 9, 0, b''),
                      update(3, 0, 128, 0, 400, 10, 1, bytes.fromhex('0200c0fffe000203')),
                      update(0, 0, 0, 0, 400, 11, 0xffff, b'')]))
    # sub-TLVs: diversity (empty, reserved, all), mandatory, unknown, pads,
    # timestamps where they do not belong, one running past the TLV
    out.append(babel([update(2, 0, 48, 0, 400, 12, 10, a6('2001:db8:5::')[:6],
                             sub=bsub(2, b'') + b'\x00' + bsub(1, b'\x00\x00') +
                             bsub(2, bytes([1, 0, 6, 255])) + bsub(0x85, b'\x01') +
                             bsub(3, b'\x00' * 4)),
                      update(1, 0, 32, 0, 400, 13, 10, a4('203.0.113.9'), sub=bsub(2, b'\x03\x04')),
                      hello(10, 400, sub=bsub(2, b'\x05') + bsub(3, b'\x00\x01')),
                      ihu(0, b'', sub=bsub(3, b'\x00' * 4)),
                      hello(11, 400, sub=b'\x02\x09\x01'),
                      hello(12, 400, sub=b'\x81')]))
    # requests
    out.append(babel([btlv(9, b'\x00\x00'), btlv(9, b'\x01\x18' + a4('198.51.100.0')[:3]),
                      btlv(9, b'\x02\x30' + a6('2001:db8:7::')[:6]),
                      btlv(10, struct.pack('!BBHBB', 1, 32, 777, 64, 0) + RID + a4('192.0.2.1')),
                      btlv(10, struct.pack('!BBHBB', 2, 0, 778, 2, 0) + RID),
                      btlv(10, struct.pack('!BBHBB', 0, 0, 779, 3, 0) + RID)]))
    # TS/PC, HMAC, MAC, PC, challenges, an unknown TLV
    out.append(babel([btlv(11, struct.pack('!HI', 42, 123456789)),
                      btlv(12, struct.pack('!H', 7) + bytes(range(16))),
                      btlv(12, struct.pack('!H', 8) + bytes(range(0xe0, 0xf4))),
                      btlv(16, bytes(range(32))), btlv(17, struct.pack('!I', 99) + b'\x01\x02\x03'),
                      btlv(18, b'\xaa' * 8), btlv(19, b'\xbb' * 8), btlv(18, b'\xcc' * 193),
                      btlv(200, b'\x01\x02')]))
    # source-specific (draft-boutier) TLVs
    out.append(babel([btlv(13, struct.pack('!BBBBHHH', 1, 24, 24, 0, 400, 5, 3) +
                           a4('192.0.2.0')[:3] + a4('198.51.100.0')[:3]),
                      btlv(13, struct.pack('!BBBBHHH', 2, 48, 64, 0, 0xffff, 6, 4) +
                           a6('2001:db8:1:1::')[:8] + a6('2001:db8:9::')[:6] + bsub(2, b'\x02')),
                      btlv(14, struct.pack('!BBB', 1, 24, 24) + a4('203.0.113.0')[:3] + a4('192.0.2.0')[:3]),
                      btlv(14, struct.pack('!BBB', 0, 0, 0)),
                      btlv(15, struct.pack('!BBHBB', 2, 32, 55, 4, 48) + RID +
                           a6('2001:db8::')[:4] + a6('2001:db8:3::')[:6])]))
    # a trailer with a MAC and padding
    out.append(babel([hello(13, 400)], trailer=btlv(16, b'\x11' * 16) + b'\x00' + btlv(1, b'\x00')))
    # what is not Babel version 2, lengths that do not add up
    out.append(babel([hello(14, 400)], magic=43))
    out.append(babel([hello(15, 400)], ver=3))
    out.append(babel([hello(16, 400)], blen=40))
    out.append(babel([btlv(4, b'\x00\x00\x00\x10')]))              # hello too short
    out.append(babel([btlv(8, b'\x01\x80\x18\x00\x01\x90')]))       # update too short
    out.append(babel([update(1, 0, 40, 0, 400, 1, 1, b'\x01\x02\x03\x04')]))  # plen > 32
    out.append(babel([update(1, 0, 24, 2, 400, 1, 1, b'\x02')]))      # omitted, nothing before
    out.append(babel([btlv(7, b'\x02\x00\x20\x01')]))                # address cut by the TLV
    out.append(babel([b'\x04\x06\x00\x00']))                         # TLV longer than the body
    out.append(babel([hello(17, 400)], blen=5))                      # TLV header across the end
    out.append(babel([hello(18, 400), b'\x01'], trailer=b'\x04'))
    out.append(babel([]))
    return out


# ------------------------------------------------------------------ EIGRP
def eigrp(op, tlvs, flags=0, seq=1, ack=0, asn=100, ver=2, vrid=0):
    body = b''.join(tlvs)
    h = struct.pack('!BBHIIIHH', ver, op, 0, flags, seq, ack, vrid, asn) + body
    return h[:2] + struct.pack('!H', csum(h)) + h[4:]


def etlv(t, v):
    return struct.pack('!HH', t, 4 + len(v)) + v


def emetric(delay=2560000, bw=256, mtu=1500, hops=0, rel=255, load=1):
    return struct.pack('!II', delay, bw) + struct.pack('!I', mtu)[1:] + struct.pack('!BBBxx', hops, rel, load)


def eint(nh, plen, dest, **kw):
    return etlv(0x0102, a4(nh) + emetric(**kw) + bytes([plen]) + dest)


def eext(nh, origin, asn, tag, metric, proto, flags, plen, dest, **kw):
    return etlv(0x0103, a4(nh) + a4(origin) + struct.pack('!IIIxxBB', asn, tag, metric, proto, flags) +
                emetric(**kw) + bytes([plen]) + dest)


def eigrp_packets():
    params = etlv(1, struct.pack('!BBBBBxH', 1, 0, 1, 0, 0, 15))
    swver = etlv(4, bytes([12, 4, 1, 2]))
    v4, v6 = [], []
    v4.append(eigrp(5, [params, swver], seq=0))
    v4.append(eigrp(1, [params], flags=0x01, seq=5))
    v4.append(eigrp(1, [eint('0.0.0.0', 24, a4('192.0.2.0')[:3]),
                        eint(A, 25, a4('198.51.100.128')[:4], hops=2, delay=128000, bw=25600, load=255),
                        eint('0.0.0.0', 32, a4('203.0.113.7')),
                        eint(B, 0, b'\x00'),
                        eint('0.0.0.0', 33, a4('192.0.2.1'))],
                    flags=0x08, seq=6, ack=3))
    v4.append(eigrp(1, [eext('0.0.0.0', '192.0.2.1', 65001, 0x1234, 20, 9, 0x02, 24, a4('198.51.100.0')[:3]),
                        eext(B, '192.0.2.2', 1, 0, 0, 0x0b, 0, 24, a4('203.0.113.0')[:3], hops=1),
                        eext(A, '192.0.2.3', 2, 3, 4, 0x20, 0x40, 40, b'')],
                    flags=0x06, seq=7, ack=4))
    v4.append(eigrp(3, [eint('0.0.0.0', 24, a4('192.0.2.0')[:3], delay=0xffffffff)], seq=8))
    v4.append(eigrp(4, [etlv(0x0204, struct.pack('!HHI', 100, 199, 0x0a4d0001)),
                        etlv(0x0202, b'\x00' * 4 + emetric() + struct.pack('!HH', 10, 20)),
                        etlv(0x0202, struct.pack('!HH', 100, 7) + emetric() + struct.pack('!HH', 30, 40)),
                        etlv(0x0203, struct.pack('!HHIIIBBH', 200, 9, 7, 8, 0xabcd, 4, 1, 33) +
                             emetric(hops=3) + struct.pack('!HH', 50, 60)),
                        etlv(0x0203, b'\x00' * 4 + struct.pack('!IIIBBH', 1, 2, 3, 99, 0, 1) +
                             emetric() + struct.pack('!HH', 1, 2))],
                    seq=9))
    # TLVs no decoder knows, IPX, sequence, authentication
    v4.append(eigrp(5, [etlv(2, struct.pack('!HHI', 2, 16, 1) + b'\x00' * 12 + bytes(range(16))),
                        etlv(3, b'\x04' + a4(B)), etlv(5, struct.pack('!I', 77)),
                        etlv(0x0302, b'\x01\x02\x03\x04'), etlv(0x0303, b''), etlv(0x0777, b'\xfe')],
                    seq=10))
    v4.append(eigrp(6, [], seq=11))
    v4.append(eigrp(7, [params], flags=0xf0))
    v4.append(eigrp(9, [params]))
    # value shorter than the type needs, TLV length under 4 or past the end
    v4.append(eigrp(1, [etlv(1, b'\x01\x00'), etlv(4, b'\x01'), etlv(0x0102, b'\x00' * 21),
                        etlv(0x0103, b'\x00' * 41), etlv(0x0204, b'\x00' * 7),
                        etlv(0x0202, b'\x00' * 23), etlv(0x0203, b'\x00' * 39)]))
    v4.append(eigrp(1, [params, struct.pack('!HH', 1, 2) + b'\x01\x02\x03\x04\x05']))
    v4.append(eigrp(1, [params, struct.pack('!HH', 1, 200) + b'\x01\x02\x03']))
    v4.append(eigrp(5, [params], ver=1))
    # cut: inside a route, inside a TLV header, inside the common header
    v4.append(eigrp(1, [eint('0.0.0.0', 24, a4('192.0.2.0')[:3])])[:40])
    v4.append(eigrp(5, [params])[:22])
    v4.append(eigrp(5, [params])[:12])
    v6.append(eigrp(5, [params, swver], asn=10))
    v6.append(eigrp(1, [etlv(0x0402, b'\x00' * 20)], asn=10))
    return v4, v6


# -------------------------------------------------------------------- LDP
def ldp_pdu(msgs, lsr='192.0.2.1', space=0, ver=1, plen=None):
    body = b''.join(msgs)
    return struct.pack('!HH4sH', ver, 6 + len(body) if plen is None else plen, a4(lsr), space) + body


def lmsg(t, mid, tlvs, u=0, mlen=None):
    body = b''.join(tlvs)
    return struct.pack('!HHI', t | (0x8000 if u else 0), 4 + len(body) if mlen is None else mlen, mid) + body


def ltlv(t, v, u=0, f=0, tlen=None):
    return struct.pack('!HH', t | (0x8000 if u else 0) | (0x4000 if f else 0),
                       len(v) if tlen is None else tlen) + v


def fec_pfx(af, plen, addr):
    return b'\x02' + struct.pack('!HB', af, plen) + addr


def vc(pwtype, cw, group, vcid=None, params=b'', vclen=None):
    n = 0 if vcid is None else 4 + len(params)
    body = struct.pack('!HBI', pwtype | (0x8000 if cw else 0), n if vclen is None else vclen, group)
    if vcid is not None:
        body += struct.pack('!I', vcid) + params
    return b'\x80' + body


def ldp_hellos():
    out = []
    out.append(ldp_pdu([lmsg(0x0100, 1, [ltlv(0x0400, struct.pack('!HH', 15, 0)),
                                         ltlv(0x0401, a4(A)), ltlv(0x0402, struct.pack('!I', 3))])]))
    out.append(ldp_pdu([lmsg(0x0100, 2, [ltlv(0x0400, struct.pack('!HH', 45, 0xc000)),
                                         ltlv(0x0403, a6(A6))])], space=1))
    out.append(ldp_pdu([lmsg(0x0100, 3, [ltlv(0x0400, b'\x00\x0f')])]))
    out.append(ldp_pdu([lmsg(0x0100, 4, [])], ver=2) + b'\x00\x00')
    out.append(ldp_pdu([], plen=5) + b'\x00' * 10)
    out.append(ldp_pdu([lmsg(0x0100, 5, [ltlv(0x0400, struct.pack('!HH', 15, 0))])])[:20])
    out.append(b'\x00\x01\x00\x10')
    return out


def ldp_session():
    out = []
    out.append(ldp_pdu([lmsg(0x0200, 10, [ltlv(0x0500, struct.pack('!HHBBH', 1, 180, 0, 0, 0) + a4('192.0.2.2') + b'\x00\x00'),
                                          ltlv(0x0503, struct.pack('!HHII', 0x800f, 0, 120000, 0), u=1),
                                          ltlv(0x0503, struct.pack('!HHII', 0, 0, 0, 5000), u=1)]),
                        lmsg(0x0201, 11, [])]))
    out.append(ldp_pdu([lmsg(0x0200, 12, [ltlv(0x0500, struct.pack('!HHBBH', 1, 30, 0, 0, 0xc000) + a4('192.0.2.3') + b'\x00\x01')])]) +
               ldp_pdu([lmsg(0x0201, 13, [])]))
    out.append(ldp_pdu([lmsg(0x0300, 14, [ltlv(0x0101, struct.pack('!H', 1) + a4(A) + a4('192.0.2.1') + b'\x01\x02')]),
                        lmsg(0x0300, 15, [ltlv(0x0101, struct.pack('!H', 2) + a6(A6))]),
                        lmsg(0x0301, 16, [ltlv(0x0101, struct.pack('!H', 3) + b'\x01\x02')])]))
    out.append(ldp_pdu([lmsg(0x0400, 20, [ltlv(0x0100, fec_pfx(1, 24, a4('198.51.100.0')[:3]) + fec_pfx(1, 0, b'')),
                                          ltlv(0x0200, struct.pack('!I', 0xfff12345))]),
                        lmsg(0x0400, 21, [ltlv(0x0100, fec_pfx(2, 48, a6('2001:db8:4::')[:6])),
                                          ltlv(0x0200, struct.pack('!I', 3)), ltlv(0x0601, struct.pack('!H', 1500))]),
                        lmsg(0x0400, 22, [ltlv(0x0100, b'\x01'), ltlv(0x0100, b'\x03' + a4(B)),
                                          ltlv(0x0100, b'\x7f\x00')]),
                        lmsg(0x0402, 23, [ltlv(0x0100, fec_pfx(1, 33, a4('192.0.2.0'))),
                                          ltlv(0x0100, fec_pfx(2, 129, a6(B6))),
                                          ltlv(0x0100, fec_pfx(7, 8, b'\x01')),
                                          ltlv(0x0100, b'\x02\x00')])]))
    # a prefix longer than its TLV: tcpdump stops there as if cut
    out.append(ldp_pdu([lmsg(0x0402, 24, [ltlv(0x0100, fec_pfx(1, 24, a4('192.0.2.0')[:2])),
                                          ltlv(0x0200, struct.pack('!I', 3))])]))
    out.append(ldp_pdu([lmsg(0x0402, 25, [ltlv(0x0100, fec_pfx(2, 64, a6(B6)[:4]))])]))
    # Martini VCs (RFC 4447): no VC info, bad VC info, interface parameters
    params = (b'\x01\x04\x05\xdc' + b'\x03\x08' + b'uplink' + b'\x0c\x04\x03\x02' +
              b'\x0c\x04\x00\x00' + b'\x05\x04\x11\x22' + b'\x09\x01')
    out.append(ldp_pdu([lmsg(0x0400, 30, [ltlv(0x0100, vc(5, 1, 0)), ltlv(0x0200, struct.pack('!I', 16))]),
                        lmsg(0x0400, 31, [ltlv(0x0100, vc(4, 0, 7, 100, params)),
                                          ltlv(0x0200, struct.pack('!I', 17))]),
                        lmsg(0x0400, 32, [ltlv(0x0100, vc(0x40, 1, 1, 101, vclen=2))]),
                        lmsg(0x0400, 33, [ltlv(0x0100, vc(0x7ff0, 0, 1, 102, b'\x01\x04\x05\xdc', vclen=30))]),
                        lmsg(0x0400, 34, [ltlv(0x0100, vc(5, 1, 0)[:6]), ltlv(0x0100, vc(5, 1, 0, 1)[:10])])]))
    # notifications, undecoded messages and TLVs, lengths that do not fit
    out.append(ldp_pdu([lmsg(0x0001, 40, [ltlv(0x0300, struct.pack('!III', 0x80000009, 20, 0x0400), u=0, f=0),
                                          ltlv(0x0300, struct.pack('!III', 0x40000001, 0, 0))], u=1),
                        lmsg(0x0001, 41, [ltlv(0x0300, b'\x00' * 4), ltlv(0x0301, b'\x00\x01'),
                                          ltlv(0x0103, b'\x02'), ltlv(0x0104, a4('192.0.2.1')),
                                          ltlv(0x3e01, b'\xaa\xbb', u=1, f=1)]),
                        lmsg(0x0401, 42, [ltlv(0x0100, fec_pfx(1, 24, a4('192.0.2.0')[:3]))]),
                        lmsg(0x0403, 43, [ltlv(0x0200, struct.pack('!I', 16))]),
                        lmsg(0x3f00, 44, [b'\x01\x02'])]))
    out.append(ldp_pdu([lmsg(0x0100, 50, [ltlv(0x0400, struct.pack('!HH', 15, 0), tlen=20)]),
                        lmsg(0x0200, 51, [ltlv(0x0500, b'\x00\x01'), ltlv(0x0401, b'\x01'),
                                          ltlv(0x0403, b'\x01' * 8), ltlv(0x0402, b'\x00'),
                                          ltlv(0x0503, b'\x00' * 8), ltlv(0x0601, b'\x05'),
                                          ltlv(0x0200, b'\x00'), ltlv(0x0101, b'\x00')])]))
    out.append(ldp_pdu([lmsg(0x0201, 52, [], mlen=2)]) + b'\x00\x00')
    out.append(ldp_pdu([lmsg(0x0201, 53, [])], plen=100) + b'\x00\x00')
    return out


# --------------------------------------------------------------- LSP ping
def lsp(tlvs, msg=1, mode=2, rc=0, sub=0, seq=1, rcvd=(0, 0), ver=1):
    return struct.pack('!HHBBBBIIIIII', ver, 0, msg, mode, rc, sub, 0x1234, seq,
                       3913056000, 0x80000000, *rcvd) + b''.join(tlvs)


def lpad(v):
    return v + b'\x00' * (-len(v) % 4)


def ltv(t, v, pad=True):
    return struct.pack('!HH', t, len(v)) + (lpad(v) if pad else v)


RD = struct.pack('!HHI', 0, 65001, 7)


def lspping_packets():
    out = []
    subs = [ltv(1, a4('192.0.2.1') + b'\x20'), ltv(2, a6('2001:db8::1') + b'\x80'),
            ltv(3, a4('192.0.2.9') + struct.pack('!HH', 0, 17) + a4('192.0.2.1') + a4('192.0.2.2') +
                struct.pack('!HH', 0, 3)),
            ltv(4, a6('2001:db8::9') + struct.pack('!HH', 0, 18) + a6('2001:db8::1') + a6('2001:db8::2') +
                struct.pack('!HH', 0, 4)),
            ltv(6, RD + a4('198.51.100.0') + b'\x18'), ltv(7, RD + a6('2001:db8:6::') + b'\x30'),
            ltv(8, RD + struct.pack('!HHH', 1, 2, 5)), ltv(9, a4('192.0.2.5') + struct.pack('!IH', 100, 4)),
            ltv(10, a4('192.0.2.5') + a4('192.0.2.6') + struct.pack('!IH', 101, 0x7777)),
            ltv(12, a4('203.0.113.0') + b'\x18'), ltv(13, a6('2001:db8:d::') + b'\x30'),
            ltv(16, b'\x00\x00\x00\x00'), ltv(1, a4('192.0.2.1'))]
    # one sub-TLV a stack: tcpdump steps wrongly over a second one
    out.append(lsp([ltv(1, x) for x in subs[:6]]))
    out.append(lsp([ltv(1, x) for x in subs[6:]], seq=2))
    out.append(lsp([ltv(1, subs[0] + subs[1])], seq=3))
    # replies with every return code, timestamps, downstream mappings
    for rc in (3, 4, 8, 13, 99):
        out.append(lsp([], msg=2, rc=rc, sub=1, rcvd=(3913056001, 0x40000000)))
    out.append(lsp([ltv(2, struct.pack('!HBB', 1500, 1, 0) + a4('192.0.2.1') + a4('192.0.2.2') +
                        struct.pack('!BBH', 0, 0, 0) + b'\x00\x01\x00\x01'),
                    ltv(2, struct.pack('!HBB', 1500, 2, 0) + a4('192.0.2.1') + struct.pack('!I', 7) +
                        struct.pack('!BBH', 0, 0, 0)),
                    ltv(2, struct.pack('!HBB', 9000, 3, 0) + a6('2001:db8::1') + a6('2001:db8::2') +
                        struct.pack('!BBH', 0, 0, 0)),
                    ltv(2, struct.pack('!HBB', 9000, 4, 0) + a6('2001:db8::1') + struct.pack('!I', 8) +
                        struct.pack('!BBH', 0, 0, 0)),
                    ltv(2, struct.pack('!HBB', 1500, 9, 0) + b'\x00' * 4),
                    ltv(2, struct.pack('!HBB', 1500, 1, 0) + a4('192.0.2.1')),
                    ltv(2, b'\x05\xdc')], msg=2, rc=8, mode=3))
    out.append(lsp([ltv(15, struct.pack('!I', 0xdeadbeef)), ltv(5, struct.pack('!I', 2636)),
                    ltv(5, struct.pack('!I', 99999)), ltv(15, b'\x01\x02'), ltv(3, b'\x01' * 6),
                    ltv(9, b'\x01\x00\x00\x00'), ltv(0xfc00, b'\xaa\xbb\xcc'), ltv(10, b'\xc0\x00\x00\x00'),
                    ltv(77, b''), ltv(1, b'')], mode=4))
    # sub-TLVs of the wrong length, too short, past the TLV, padding past it
    out.append(lsp([ltv(1, ltv(1, a4('192.0.2.1')) + ltv(3, b'\x00' * 8) + b'\x00\x01')]))
    out.append(lsp([ltv(1, struct.pack('!HH', 1, 40) + b'\x00' * 8)]))
    out.append(lsp([ltv(1, struct.pack('!HH', 1, 5) + a4('192.0.2.1') + b'\x18', pad=False)]))
    out.append(lsp([ltv(3, b'\x01\x02\x03', pad=False)]))
    out.append(lsp([struct.pack('!HH', 3, 40) + b'\x00' * 4]))
    out.append(lsp([b'\x00\x01']))
    out.append(lsp([], ver=2))
    out.append(lsp([], msg=7)[:20])
    out.append(lsp([ltv(1, ltv(1, a4('192.0.2.1') + b'\x20'))])[:40])
    return out


# ------------------------------------------------------------------- RSVP
def robj(cls, ct, v, length=None):
    return struct.pack('!HBB', 4 + len(v) if length is None else length, cls, ct) + v


def rsvp(typ, objs, flags=0, ttl=255, ver=1, length=None):
    body = b''.join(objs)
    h = struct.pack('!BBHBxH', ver << 4 | flags, typ, 0, ttl, 8 + len(body) if length is None else length) + body
    return h[:2] + struct.pack('!H', csum(h)) + h[4:]


def fl(x):
    return struct.pack('!f', x)


def tspec():
    return (struct.pack('!BxH', 0, 7) + struct.pack('!BBH', 1, 0, 6) +
            struct.pack('!BBH', 127, 0, 5) + fl(125000.0) + fl(3000.0) + fl(float('inf')) +
            struct.pack('!II', 64, 1500))


def rsvp_packets():
    out = []
    sess = robj(1, 7, a4('192.0.2.9') + struct.pack('!HH', 0, 17) + a4('192.0.2.1'))
    hop = robj(3, 1, a4(A) + struct.pack('!I', 5))
    tv = robj(5, 1, struct.pack('!I', 30000))
    ero = robj(20, 1, b'\x01\x08' + a4('192.0.2.2') + b'\x20\x00' + b'\x81\x08' + a4('192.0.2.3') + b'\x20\x00' +
               b'\x20\x04\xfd\xe9' + b'\x02\x14' + a6('2001:db8::1') + b'\x80\x00')
    lreq = robj(19, 1, struct.pack('!HH', 0, 0x0800))
    sattr = robj(207, 7, struct.pack('!BBBB', 7, 7, 0x07, 9) + b'lsp-to-c\x01' + b'\x00' * 3)
    tmpl = robj(11, 7, a4('192.0.2.1') + struct.pack('!HH', 0, 3))
    out.append(rsvp(1, [sess, hop, tv, ero, lreq, sattr, tmpl, robj(12, 2, tspec()),
                        robj(13, 2, struct.pack('!BxH', 0, 10) + struct.pack('!BBH', 1, 0, 8) +
                             struct.pack('!BBH', 4, 0, 1) + struct.pack('!I', 3) +
                             struct.pack('!BBH', 6, 0, 1) + fl(1.25e6) +
                             struct.pack('!BBH', 8, 0, 1) + struct.pack('!I', 0xffffffff) +
                             struct.pack('!BBH', 10, 0, 1) + struct.pack('!I', 1500) +
                             struct.pack('!BBH', 2, 0x80, 0) + struct.pack('!BBH', 5, 0, 0)),
                        robj(205, 1, struct.pack('!BBBB', 7, 0, 16, 2) + fl(1e6) + struct.pack('!III', 1, 2, 3)),
                        robj(205, 7, struct.pack('!BBBB', 1, 1, 3, 0) + fl(0.5) + struct.pack('!II', 4, 5)),
                        robj(63, 7, a4('192.0.2.1') + a4('192.0.2.2') + a4('192.0.2.3') + a4('192.0.2.4')),
                        robj(66, 1, struct.pack('!I', 3)), robj(125, 1, struct.pack('!I', 9))],
                   flags=1))
    out.append(rsvp(2, [sess, robj(3, 2, a6(A6) + struct.pack('!I', 6)), tv,
                        robj(8, 1, struct.pack('!I', 18)), robj(8, 1, struct.pack('!I', 0x0a)),
                        robj(8, 1, struct.pack('!I', 0xff000011)),
                        robj(9, 2, struct.pack('!BxH', 0, 10) + struct.pack('!BBH', 2, 0, 9) +
                             struct.pack('!BBH', 127, 0, 5) + fl(2.5e5) + fl(1000.0) + fl(2.5e5) +
                             struct.pack('!II', 0, 9000) +
                             struct.pack('!BBH', 130, 0, 2) + fl(1e5) + struct.pack('!I', 77)),
                        robj(10, 7, a4('192.0.2.1') + struct.pack('!HH', 0, 3)),
                        robj(16, 1, struct.pack('!II', 3, 1048575)),
                        robj(21, 1, b'\x01\x08' + a4('192.0.2.5') + b'\x20\x09' +
                             b'\x03\x08\x01\x01' + struct.pack('!I', 16) + b'\x03\x08\x00\x02' + struct.pack('!I', 17))]))
    # sessions, templates and filters of every C-Type
    out.append(rsvp(1, [robj(1, 1, a4(B) + struct.pack('!BBH', 17, 1, 5004)),
                        robj(1, 2, a6(B6) + struct.pack('!BBH', 6, 0, 80)),
                        robj(1, 8, a6('2001:db8::9') + struct.pack('!HH', 0, 0x22) + a6('2001:db8::1')),
                        robj(1, 14, struct.pack('!IHH', 0x10203, 0, 0x33) + a6('2001:db8::1') + b'\x00' * 4),
                        robj(1, 13, a4('192.0.2.77') + struct.pack('!HH', 0, 0x44) + a4('192.0.2.1')),
                        robj(1, 11, a4('192.0.2.8') + struct.pack('!HH', 0, 0x55) + a4('192.0.2.1')),
                        robj(1, 9, b'\x00' * 4),
                        robj(11, 1, a4(A) + struct.pack('!HH', 0, 5004)),
                        robj(11, 2, a6(A6) + struct.pack('!HH', 0, 5005)),
                        robj(11, 13, a6('2001:db8::1') + struct.pack('!HH', 0, 7) + a6('2001:db8::2') + struct.pack('!HH', 0, 8)),
                        robj(11, 12, a4('192.0.2.1') + struct.pack('!HH', 0, 7) + a4('192.0.2.2') + struct.pack('!HH', 0, 8)),
                        robj(11, 3, b'\x00' * 4),
                        robj(10, 1, a4(A) + struct.pack('!HH', 0, 1)), robj(10, 2, a6(A6) + struct.pack('!HH', 0, 2)),
                        robj(10, 3, a6(A6) + b'\x00\x0a\xbc\xde'), robj(10, 8, a6(A6) + struct.pack('!HH', 0, 9)),
                        robj(10, 13, a6('2001:db8::1') + struct.pack('!HH', 0, 7) + a6('2001:db8::2') + struct.pack('!HH', 0, 8)),
                        robj(10, 12, a4('192.0.2.1') + struct.pack('!HH', 0, 7) + a4('192.0.2.2') + struct.pack('!HH', 0, 8)),
                        robj(10, 9, b'')]))
    # errors, confirmations, notifications
    out.append(rsvp(3, [sess, robj(6, 1, a4('192.0.2.2') + struct.pack('!BBH', 0, 24, 5)),
                        robj(6, 3, a4('192.0.2.2') + struct.pack('!BBH', 1, 28, 3)),
                        robj(6, 1, a4('192.0.2.2') + struct.pack('!BBH', 0, 125, 99)),
                        robj(6, 1, a4('192.0.2.2') + struct.pack('!BBH', 0, 2, 1)),
                        robj(6, 2, a6('2001:db8::2') + struct.pack('!BBH', 0, 24, 2)),
                        robj(6, 4, a6('2001:db8::2') + struct.pack('!BBH', 4, 25, 2)),
                        robj(15, 1, a4(B)), robj(15, 2, a6(B6)), robj(195, 1, a4('192.0.2.1')),
                        robj(195, 2, a6('2001:db8::1')), robj(50, 1, a4('192.0.2.6')), robj(50, 2, a6('2001:db8::6')),
                        robj(196, 1, struct.pack('!I', 0x80000007)), robj(196, 1, b'\x00' * 4)]))
    # GMPLS labels and label requests, label sets, capabilities
    out.append(rsvp(1, [robj(19, 2, struct.pack('!HHHHHH', 0, 0x86dd, 0x8001, 32, 0x0fff, 0xffff)),
                        robj(19, 3, struct.pack('!HHII', 0, 0x1234, 0x00000010, 0x007fffff)),
                        robj(19, 3, struct.pack('!HHII', 0, 0x0800, 0x01000010, 1023)),
                        robj(19, 4, struct.pack('!BBH', 2, 51, 33)), robj(19, 4, struct.pack('!BBH', 99, 7, 999)),
                        robj(16, 2, struct.pack('!I', 0x20001)), robj(16, 3, struct.pack('!III', 1, 10, 20)),
                        robj(129, 1, struct.pack('!I', 5)), robj(35, 2, struct.pack('!I', 6)),
                        robj(34, 3, struct.pack('!III', 2, 3, 4)), robj(16, 9, b'\x01\x02\x03\x04'),
                        robj(36, 1, struct.pack('!BBH', 0, 0, 1) + struct.pack('!II', 100, 200)),
                        robj(36, 1, struct.pack('!BBH', 2, 0, 0x81) + struct.pack('!II', 16, 1000)),
                        robj(22, 1, struct.pack('!II', 0x11111111, 0)), robj(22, 2, struct.pack('!II', 1, 2)),
                        robj(131, 1, struct.pack('!II', 90000, 120000)),
                        robj(134, 1, struct.pack('!I', 7)), robj(134, 1, struct.pack('!I', 0x100)),
                        robj(23, 1, struct.pack('!I', 0x01000002)),
                        robj(24, 2, struct.pack('!III', 0x00000003, 10, 11)),
                        robj(25, 1, struct.pack('!IIII', 0x00000004, 1, 2, 3)),
                        robj(204, 1, struct.pack('!HH', 2, 0) + b'\x01\x04\x00\x05' + b'\x10\x08\x01\x02\x03\x04\x05\x06'),
                        robj(204, 1, struct.pack('!HH', 1, 4) + b'\x08\x04\xaa\xbb' + b'\x00' * 4),
                        robj(7, 1, a4('192.0.2.1')), robj(14, 1, b'\x00\x08\x01\x01\x00\x00\x00\x00'),
                        robj(130, 1, struct.pack('!I', 1)), robj(37, 1, struct.pack('!I', 2)),
                        robj(230, 1, b'\x00' * 4), robj(0xc4, 9, b''), robj(99, 1, b'\xde\xad\xbe\xef')]))
    # OIF UNI objects
    out.append(rsvp(1, [robj(1, 11, a4('192.0.2.8') + struct.pack('!HH', 0, 0x55) + a4('192.0.2.1')),
                        robj(229, 1, struct.pack('!HBB', 8, 1, 1) + a4('192.0.2.1') +
                             struct.pack('!HBB', 20, 2, 2) + a6('2001:db8::2') +
                             struct.pack('!HBB', 8, 2, 3) + b'\x47\x00\x05\x80' +
                             struct.pack('!HBB', 8, 3, 0) + b'\x00' * 4 +
                             struct.pack('!HBB', 16, 4, 0) + struct.pack('!III', 0x80000003, 12, 34) +
                             struct.pack('!HBB', 8, 5, 0) + struct.pack('!I', 0x05000000) +
                             struct.pack('!HBB', 4, 9, 0))]))
    out.append(rsvp(1, [robj(229, 1, struct.pack('!HBB', 4, 1, 1))]))
    out.append(rsvp(1, [robj(229, 1, struct.pack('!HBB', 12, 4, 0) + b'\x00' * 8)]))
    out.append(rsvp(1, [robj(229, 1, struct.pack('!HBB', 40, 1, 1) + a4('192.0.2.1'))]))
    # integrity, a bundle, acknowledgements, refreshes, hellos
    out.append(rsvp(20, [robj(4, 1, struct.pack('!BB', 0x80, 0) + bytes(range(1, 7)) + struct.pack('!II', 0, 1) +
                              bytes(range(16))), robj(22, 1, struct.pack('!II', 1, 0))]))
    # signed with HMAC-MD5 under the key "rsvpkey" (tcpdump -M), then tampered
    import hmac, hashlib
    integ = robj(4, 1, struct.pack('!BB', 0, 0) + bytes(range(1, 7)) + struct.pack('!II', 0, 2) + b'\x00' * 16)
    msg = bytearray(rsvp(20, [integ, robj(22, 1, struct.pack('!II', 2, 0))]))
    msg[2:4] = b'\x00\x00'
    mac = hmac.new(b'rsvpkey', bytes(msg), hashlib.md5).digest()
    msg[28:44] = mac
    msg[2:4] = struct.pack('!H', csum(bytes(msg)))
    out.append(bytes(msg))
    msg[-1] ^= 1
    out.append(bytes(msg))
    inner = rsvp(5, [sess, hop])
    out.append(rsvp(12, [inner, rsvp(6, [sess, robj(8, 1, struct.pack('!I', 10))])]))
    out.append(rsvp(12, [inner, rsvp(6, [], ver=2)]))
    out.append(rsvp(12, [inner + struct.pack('!BBHBxH', 0x10, 5, 0, 1, 4)]))
    out.append(rsvp(12, [struct.pack('!BBHBxH', 0x10, 5, 0, 1, 200) + b'\x00' * 8]))
    out.append(rsvp(13, [robj(24, 1, struct.pack('!II', 1, 99))]))
    out.append(rsvp(15, [robj(25, 1, struct.pack('!II', 1, 99))]))
    out.append(rsvp(14, [robj(22, 2, struct.pack('!II', 1, 2))]))
    out.append(rsvp(9, [robj(22, 2, struct.pack('!II', 1, 2))]))
    out.append(rsvp(7, [robj(15, 1, a4(B))], ver=2))
    # broken objects and lengths
    out.append(rsvp(1, [robj(1, 7, b'\x00' * 4)]))
    out.append(rsvp(1, [robj(5, 1, b'\x00\x00', length=6)]))
    out.append(rsvp(1, [robj(5, 1, b'', length=2)]))
    out.append(rsvp(1, [robj(5, 1, struct.pack('!I', 1), length=40)]))
    out.append(rsvp(1, [robj(20, 1, b'\x01\x06' + a4('192.0.2.2') + b'\x00\x00')]))
    out.append(rsvp(1, [robj(20, 1, b'\x01\x08' + a4('192.0.2.2') + b'\x18\x00')]))
    out.append(rsvp(1, [robj(20, 1, b'\x01\x00\x00\x00')]))
    out.append(rsvp(1, [robj(21, 1, b'\x03\x10\x00\x00')]))
    out.append(rsvp(1, [robj(204, 1, struct.pack('!HH', 1, 0) + b'\x01\x01\x00\x00')]))
    out.append(rsvp(1, [robj(207, 7, struct.pack('!BBBB', 7, 7, 0, 20) + b'abcd')]))
    out.append(rsvp(1, [robj(12, 2, struct.pack('!BxH', 0, 7) + struct.pack('!BBH', 1, 0, 6) +
                                     struct.pack('!BBH', 127, 0, 9) + b'\x00' * 16)]))
    out.append(rsvp(1, [sess], length=4))
    out.append(rsvp(1, [sess], length=100))
    out.append(rsvp(1, [sess, tspec()])[:40])
    out.append(rsvp(1, [])[:6])
    return out


# ------------------------------------------------------------------- LISP
def lisp_msg(typ, flags, records, key=1, auth=bytes(range(20)), count=None, tail=b''):
    h = struct.pack('!IQHH', typ << 28 | flags, 0x0102030405060708, key, len(auth))
    h = h[:3] + bytes([len(records) if count is None else count]) + h[4:]
    return h + auth + b''.join(records) + tail


def lrec(afi, mask, eid, locs, ttl=1440, act=0x10, ver=3):
    return struct.pack('!IBBBBHH', ttl, len(locs), mask, act, 0, ver, afi) + eid + b''.join(locs)


def lloc(afi, addr, pri=1, w=100, flags=5):
    return struct.pack('!BBBBHH', pri, w, 255, 0, flags, afi) + addr


def lisp_packets():
    out = []
    r4 = lrec(1, 24, a4('192.0.2.0'), [lloc(1, a4('198.51.100.1')), lloc(2, a6('2001:db8::1'), flags=2)])
    r6 = lrec(2, 48, a6('2001:db8:1::'), [lloc(1, a4('198.51.100.2'), flags=4)], act=0x60, ver=0xf123)
    xtr = bytes(range(0x10, 0x20)) + struct.pack('!Q', 12345678901234)
    out.append(lisp_msg(3, 0x0a000100, [r4, r6], tail=xtr))
    out.append(lisp_msg(3, 0x05000000, [r4], key=2, auth=bytes(range(32))))
    out.append(lisp_msg(4, 0x08000000, [r6, lrec(1, 32, a4('203.0.113.5'), [])], key=0, auth=b'', tail=xtr))
    out.append(lisp_msg(4, 0, [r4], key=7, tail=b'\xaa\xbb\xcc'))
    out.append(lisp_msg(4, 0, [lrec(1, 32, a4('203.0.113.6'), [lloc(16387, b'\x00' * 4), lloc(1, a4('198.51.100.3'))],
                                    act=0x80)]))
    out.append(lisp_msg(3, 0, [lrec(16387, 0, b'\x00' * 8, [])]))
    out.append(lisp_msg(3, 0x02000000, [r4], tail=b'\x00' * 10))
    out.append(lisp_msg(3, 0, [], count=0))
    out.append(lisp_msg(3, 0, [r4], count=3))
    for t in (1, 2, 8, 0, 5):
        out.append(struct.pack('!I', t << 28) + b'\x00' * 12)
    out.append(lisp_msg(4, 0, [r4])[:60])
    out.append(lisp_msg(4, 0, [r4])[:30])
    out.append(lisp_msg(4, 0, [r4])[:10])
    return out


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def u4(sport, dport, payload, src=A, dst=B):
        fr.append(eth(peermac, me, 0x0800, ip4(src, dst, 17, udp(src, dst, sport, dport, payload), ttl=1, df=False)))

    def u6(sport, dport, payload):
        fr.append(eth(peermac, me, 0x86dd, ip6(A6, B6, 17, udp(A6, B6, sport, dport, payload, v6=True), hlim=1)))

    for p in babel_packets():
        u6(6696, 6696, p)
    u4(6697, 33000, babel([hello(1, 400)]))
    u6(6696, 6696, b'\x2a\x02')

    v4, v6 = eigrp_packets()
    for p in v4:
        fr.append(eth(peermac, me, 0x0800, ip4(A, B, 88, p, ttl=2, df=False, tos=0xc0)))
    for p in v6:
        fr.append(eth(peermac, me, 0x86dd, ip6(A6, B6, 88, p, hlim=2)))

    for p in ldp_hellos():
        u4(646, 646, p)
    u6(646, 646, ldp_pdu([lmsg(0x0100, 60, [ltlv(0x0400, struct.pack('!HH', 15, 0)),
                                            ltlv(0x0403, a6(A6))])]))
    seq_a, seq_b = 1000, 5000
    for p in ldp_session():
        fr.append(eth(peermac, me, 0x0800,
                      ip4(A, B, 6, tcp(A, B, 40001, 646, seq_a, seq_b, 0x18, data=p), tos=0xc0)))
        seq_a += len(p)
    fr.append(eth(peermac, me, 0x86dd,
                  ip6(A6, B6, 6, tcp(A6, B6, 646, 40002, 1, 1, 0x18, v6=True,
                                     data=ldp_pdu([lmsg(0x0201, 70, [])], lsr='198.51.100.1') + b'\x00\x00'))))
    for p in ahcp_packets():
        u6(5359, 5359, p)
    for p in lisp_packets():
        u4(4342, 4342, p)
    u6(4342, 4342, lisp_msg(4, 0, [lrec(2, 64, a6('2001:db8:2::'), [lloc(2, a6('2001:db8::2'))])]))
    for p in timed_packets():
        u4(525, 525, p)
    a4s, a6s = aodv_packets()
    for p in a4s:
        u4(654, 654, p)
    for p in a6s:
        u6(654, 654, p)
    # SOME/IP (service discovery and RPC, as vsomeip sends them)
    for mt, rc in ((2, 0), (0, 0), (0x80, 1), (0x81, 0x0f), (0x20, 0x10), (0x55, 9)):
        u4(30490, 30501, struct.pack('!HHIHHBBBB', 0xffff, 0x8100, 40, 0, 7, 1, 1, mt, rc) + b'\x00' * 32)
    u4(30501, 30490, struct.pack('!HHIHHBBBB', 0x1234, 0x0021, 8, 3, 4, 1, 2, 0, 0))
    u4(30501, 30490, b'\x12\x34\x00')
    u6(30490, 30490, struct.pack('!HHIHHBBBB', 0x1234, 0x8001, 8, 3, 4, 1, 2, 1, 0)[:13])
    o4s, o6s = olsr_packets()
    for p in o4s:
        u4(698, 698, p)
    for p in o6s:
        u6(698, 698, p)
    for p in hncp_packets():
        u6(8231, 8231, p)
    for p in rsvp_packets():
        fr.append(eth(peermac, me, 0x0800, ip4(A, B, 46, p, ttl=255, df=False)))
    fr.append(eth(peermac, me, 0x86dd, ip6(A6, B6, 46, rsvp(20, [robj(22, 1, struct.pack('!II', 7, 8))]), hlim=255)))
    for p in lspping_packets():
        u4(49200, 3503, p)
    u6(3503, 49201, lsp([ltv(15, struct.pack('!I', 1))], msg=2, rc=3))
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
