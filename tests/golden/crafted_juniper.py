#!/usr/bin/env python3
"""Juniper routers' captures: the "MGC" header with every flag, extension
TLVs (each type, little- and big-endian values, odd lengths, a TLV longer
than the extensions, type or length 0), frames without a link header (IP
guessed), a wrong magic; the PICs' cookies (usual, link services 0x54,
adaptive services 0x47, too long); per link type its payloads: Ethernet,
PPPoE, PPP, Frame Relay, Cisco HDLC, ATM1/ATM2 (OAM cells, LLC/SNAP,
NLPID, Cisco NLPID, PPP and IP over VC multiplexing, control words,
Ethernet over RFC 1483), multilink PPP and Frame Relay (bundles, child
links, LSQ protocols IPv4, IPv6, MPLS, ISO), IPsec ES (every type),
GGSN, monitoring and services PICs; and frames cut short.

  crafted_juniper.py --files DIR   writes DIR/juniper_<type>.pcap, one per
      link type (ether, atm1, atm2, es, monitor, pppoe, pppoe_atm, ppp,
      frelay, chdlc, mlppp, mlfr, mfr, ggsn, services): a veth cannot
      capture those"""
import struct, sys
from pktgen import ip4, ip6, icmp4, icmp6, udp, tcp, eth
from crafted_ppp import write_pcap, cut, cp, opt, lse
from crafted_osi import clnp, esis, N1, N2
from crafted_isis import p2p_iih, tlv as itlv

A, B = '10.77.0.1', '10.77.0.2'
C, D = '192.0.2.7', '198.51.100.9'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
M1, M2 = '02:00:00:00:01:01', '02:00:00:00:01:02'
SRC = bytes.fromhex('192168001001')


def ping4(seq, src=A, dst=B):
    return ip4(src, dst, 1, icmp4(8, 0, struct.pack('!HH', 0x4a4e, seq) + b'juniper-echo'),
               ident=0x4a00 + seq)


def ping6(seq):
    return ip6(A6, B6, 58, icmp6(A6, B6, 128, 0, struct.pack('!HH', 0x4a36, seq) + b'jnx-v6'))


def udp4(seq):
    return ip4(C, D, 17, udp(C, D, 40000 + seq, 53, b'\x12\x34\x01\x00\x00\x00' * 2),
               ident=0x4b00 + seq)


def mpls4(seq):
    return lse(1000, 0) + lse(2000, 1) + ping4(seq)


def iih():
    return p2p_iih(SRC, 1, [itlv(129, b'\xcc\x8e'), itlv(1, b'\x03\x49\x00\x01')])


def ether4(seq):
    return eth(M2, M1, 0x0800, ping4(seq))


def ether6(seq):
    return eth(M2, M1, 0x86dd, ping6(seq))


def tlv(t, v, ln=None):
    return bytes([t, len(v) if ln is None else ln]) + v


def hdr(flags=0x01, tlvs=None, extlen=None, magic=b'MGC'):
    """The capture header: magic, flags, then (flag 0x80) the extensions'
    length and TLVs."""
    if tlvs is None:
        return magic + bytes([flags])
    body = b''.join(tlvs)
    return magic + bytes([flags | 0x80]) + \
        struct.pack('!H', len(body) if extlen is None else extlen) + body


STD = [tlv(3, b'\x01'), tlv(6, b'\x0e'), tlv(1, b'\x8a\x00'), tlv(4, b'\x4b\x01\x00\x00')]


def header_frames(payload):
    """The header's variants, each before the same payload."""
    fr = []
    for f in (0x00, 0x01, 0x04, 0x05, 0x40, 0x45):
        fr.append(hdr(f) + payload)
    fr.append(hdr(0x05, STD) + payload)
    fr.append(hdr(0x01, [tlv(2, b'ge-0/0/0'), tlv(5, b'\x07'), tlv(7, b'\x08'),
                         tlv(8, b'\x29'), tlv(3, b'\x63'), tlv(6, b'\x40'),
                         tlv(9, b'\x01\x02\x03'), tlv(130, b'\x01\x02'),
                         tlv(131, b'\x01\x02\x03'), tlv(200, b'\x01\x02\x03\x04'),
                         tlv(4, b'\x01\x02\x03'), tlv(1, b'\x01\x02\x03\x04\x05'),
                         tlv(1, b'\xff\xff\xff\xff'), tlv(4, b'\xfe\xff\xff\xff'),
                         tlv(3, b'\x39\x00'), tlv(6, b'\x40\x00\x00\x00')]) + payload)
    # type 0 and length 0 end the TLVs; a TLV too long is invalid
    fr.append(hdr(0x01, [tlv(1, b'\x05'), tlv(0, b'\x01'), tlv(3, b'\x01')]) + payload)
    fr.append(hdr(0x01, [tlv(1, b'\x05'), tlv(3, b'', 0), tlv(3, b'\x01')]) + payload)
    fr.append(hdr(0x01, [tlv(1, b'\x05'), tlv(4, b'\x01\x02', 9)]) + payload)
    fr.append(hdr(0x01, [tlv(1, b'\x05'), b'\x04\x01']) + payload)
    fr.append(hdr(0x01, [], 0) + payload)
    fr.append(hdr(0x01, [tlv(1, b'\x05')], 1) + b'\x00' + payload)
    # no link header: IPv4, IPv6, neither
    fr.append(hdr(0x03) + b'\x00\x00\x00\x00' + ping4(90))
    fr.append(hdr(0x82, STD) + b'\x01\x02\x03\x04' + ping6(91))
    fr.append(hdr(0x03) + b'\x00\x00\x00\x00' + b'\x11\x22\x33\x44')
    fr.append(cut(hdr(0x03) + b'\x00\x00\x00\x00' + ping4(92), 8))
    fr.append(hdr(0x01, magic=b'MGD') + payload)
    # cut short in the header
    fr.append(cut(hdr(0x01) + payload, 3))
    fr.append(cut(hdr(0x01, STD) + payload, 5))
    fr.append(cut(hdr(0x01, STD) + payload, 12))
    return fr


def ether_frames():
    fr = header_frames(ether4(1))
    fr += [hdr(0x00) + ether6(2), hdr(0x01) + eth(M2, M1, 0x8847, mpls4(3)),
           hdr(0x01) + eth('01:80:c2:00:00:14', M1, 3 + len(iih()), b'\xfe\xfe\x03' + iih()),
           hdr(0x01, STD) + eth(M2, M1, 0x0800, udp4(4)),
           hdr(0x01) + eth(M2, M1, 0x8100, b'\x00\x64\x08\x00' + ping4(5)),
           cut(hdr(0x01) + ether4(6), 14), cut(hdr(0x01) + ether4(7), 30)]
    return fr


def oam(pti=5, ct=1, ft=8):
    cell = struct.pack('!I', 0 << 20 | 101 << 4 | pti << 1)
    body = bytes([ct << 4 | ft, 0x01]) + b'\x11\x22\x33\x44' + b'\x6a' * 16 + b'\x6b' * 16 + \
        b'\x00' * 8 + b'\x00\x00'
    return cell + body


def snap4(seq):
    return b'\xaa\xaa\x03\x00\x00\x00\x08\x00' + ping4(seq)


def atm1_frames():
    ck = b'\x00\x12\x00\x34'
    fr = header_frames(ck + snap4(1))
    fr += [hdr(0x01) + b'\x80\x12\x00\x34' + oam(),
           hdr(0x00) + b'\x80\x12\x00\x34' + oam(4, 1, 0),
           hdr(0x01) + ck + b'\xfe\xfe\x03\xcc' + ping4(2),
           hdr(0x01) + ck + b'\xfe\xfe\x03' + iih(),
           hdr(0x01) + ck + b'\xaa\xaa\x03\x00\x00\x00\x86\xdd' + ping6(3),
           hdr(0x01) + ck + b'\xaa\xaa\x03\x00\x80\xc2\x00\x07\x00\x00' + ether4(4),
           hdr(0x01) + ck + b'\xaa\xaa\x03\x00\x00\x0c\x12\x34' + b'\x00' * 8,
           hdr(0x01) + ck + b'\x03\xcc' + ping4(5),
           hdr(0x01) + ck + b'\x03' + iih(),
           hdr(0x01) + ck + ping4(6), hdr(0x01) + ck + ping6(7),
           hdr(0x01) + ck + b'\x99\x88\x77\x66',
           hdr(0x01) + b'\x54\x05\x00\x12\x00\x34' + snap4(8),
           hdr(0x01) + b'\x47\x00\x01\x02\x03\x04\x05\x06' + ping4(9),
           cut(hdr(0x01) + ck + snap4(10), 10), cut(hdr(0x01) + ck + snap4(11), 13),
           cut(hdr(0x01) + b'\x80\x12\x00\x34' + oam(), 20)]
    return fr


def atm2_frames():
    ck = b'\x00\x00\x00\x40\x00\x00\x00\x00'     # gap count 0
    cw = b'\x00\x00\x00\x40\x00\x00\x00\x10'     # cell relay (OAM)
    fr = header_frames(ck + snap4(1))
    fr += [hdr(0x01) + cw + b'\x00\x00\x00\x00' + oam(),
           hdr(0x01) + cw + b'\x08\x00\x00\x00' + oam(4, 2, 1),
           hdr(0x00) + cw + b'\x08\x38\x00\x00' + oam(5, 8, 0),
           hdr(0x01) + cw + oam(5, 15, 2),
           hdr(0x01) + ck + b'\xfe\xfe\x03\xcc' + ping4(2),
           hdr(0x01) + ck + b'\xaa\xaa\x03\x00\x00\x00\x86\xdd' + ping6(3),
           hdr(0x00) + b'\x00\x00\x00\x05\x00\x00\x00\x00' + ether4(4),
           hdr(0x01) + b'\x00\x00\x00\x05\x00\x00\x00\x00' + ether4(5),
           hdr(0x01) + ck + b'\x03\xcc' + ping4(6),
           hdr(0x01) + ck + b'\x00\x21' + ping4(7),
           hdr(0x01) + ck + b'\xc0\x21' + cp(1, 3, opt(5, b'\x1a\x2b\x3c\x4d')),
           hdr(0x01) + ck + b'\x00\x57' + ping6(8),
           hdr(0x01) + ck + b'\x02\x81' + mpls4(9),
           hdr(0x01) + ck + ping4(10), hdr(0x01) + ck + ping6(11),
           hdr(0x01) + ck + b'\x99\x88\x77\x66',
           hdr(0x01) + b'\x47\x00\x00\x00\x00\x00\x00\x00' + snap4(12),
           hdr(0x01) + b'\x54\x00\x00\x00\x00\x00\x00\x00\x00\x00' + snap4(13),
           cut(hdr(0x01) + ck + snap4(14), 14), cut(hdr(0x01) + cw + oam(), 14)]
    return fr


def esh(typ, sa=0x0102, ttl=64, spi=0x1001, src=C, dst=D):
    return struct.pack('!HBBI4s4s', sa, ttl, typ, spi, bytes(map(int, src.split('.'))),
                       bytes(map(int, dst.split('.'))))


def es_frames():
    fr = header_frames(esh(3) + ping4(1))
    # the bundles have no ES header of their own: tcpdump reads it from
    # the IP header, whose total length's low byte is then the type
    for t in (1, 2):
        fr.append(hdr(0x01) + ip4(A, B, 1, icmp4(8, 0, struct.pack('!HH', 0x4a45, t) +
                                               b'e' * (256 + t - 28)), ident=0x4c00 + t))
    for t in (3, 4, 5):
        fr.append(hdr(0x00) + esh(t, sa=0x0300 + t) + ping4(5 + t))
    fr += [hdr(0x01) + esh(7) + ping4(11), hdr(0x01) + esh(0) + ping4(12),
           hdr(0x01) + esh(3, sa=0x5401) + ping4(13),
           hdr(0x01) + esh(3, sa=0x4701) + ping4(14),
           cut(hdr(0x01) + esh(3) + ping4(15), 15), cut(hdr(0x01) + esh(3) + ping4(16), 30)]
    return fr


def mon(pkt, svc=0x01020304, iif=77):
    """A monitoring PIC's frame: an 8-byte cookie, then the packet (whose
    first 8 bytes tcpdump also reads as the monitor header)."""
    return struct.pack('!II', 0x00010203, svc) + pkt


def monitor_frames():
    fr = header_frames(mon(ping4(1)))
    fr += [hdr(0x01) + mon(ping6(2)), hdr(0x00) + mon(udp4(3)),
           hdr(0x01) + mon(b'\x11\x22\x33\x44\x55\x66\x77\x88\x99'),
           hdr(0x01) + b'\x54\x01\x02\x03\x04\x05\x06\x07\x08\x09' + ping4(4),
           hdr(0x01) + b'\x47\x01\x02\x03\x04\x05\x06\x07' + ping4(5),
           cut(hdr(0x01) + mon(ping4(6)), 14), cut(hdr(0x01) + mon(ping4(7)), 16)]
    return fr


def services_frames():
    fr = monitor_frames()
    fr += [hdr(0x01) + b'\x01\x02\x03\x04\x05\x06\x07\x08' + ping4(20)]
    return fr


def pppoe_sess(payload, sid=0x1234):
    return struct.pack('!BBHH', 0x11, 0, sid, len(payload)) + payload


def pppoe_frames():
    sess = eth(M2, M1, 0x8864, pppoe_sess(b'\x00\x21' + ping4(1)))
    fr = header_frames(sess)
    padi = struct.pack('!BBHH', 0x11, 0x09, 0, 12) + b'\x01\x01\x00\x00\x01\x03\x00\x04\x0a\x0b\x0c\x0d'
    fr += [hdr(0x01) + eth('ff:ff:ff:ff:ff:ff', M1, 0x8863, padi),
           hdr(0x00) + eth(M2, M1, 0x8864, pppoe_sess(b'\xc0\x21' + cp(9, 4, b'\x1a\x2b\x3c\x4d'))),
           hdr(0x01) + b'\x54\x00' + sess[2:], hdr(0x01) + b'\x47' + sess[1:],
           cut(hdr(0x01) + sess, 12)]
    return fr


def pppoe_atm_frames():
    sess = b'\x88\x64' + pppoe_sess(b'\x00\x21' + ping4(1))
    fr = header_frames(sess)
    padi = struct.pack('!BBHH', 0x11, 0x09, 0, 4) + b'\x01\x01\x00\x00'
    fr += [hdr(0x01) + b'\x88\x63' + padi, hdr(0x01) + b'\x08\x00' + ping4(2),
           hdr(0x01) + b'\x12\x34' + b'\x00' * 10, hdr(0x01) + b'\x54\x00\x88\x64' + sess[2:],
           cut(hdr(0x01) + sess, 5), cut(hdr(0x01) + sess, 9)]
    return fr


def ppp_frames():
    fr = header_frames(b'\xff\x03\x00\x21' + ping4(1))
    fr += [hdr(0x01) + b'\x00\x57' + ping6(2), hdr(0x00) + b'\xff\x03\xc0\x21' + cp(9, 5, b'\x1a\x2b\x3c\x4d'),
           hdr(0x01) + b'\xff\x03\x02\x81' + mpls4(3), hdr(0x01) + b'\xff\x03\x00\x23' + iih(),
           cut(hdr(0x01) + b'\xff\x03\x00\x21' + ping4(4), 6)]
    return fr


def frelay_frames():
    fr = header_frames(b'\x18\x41\x03\xcc' + ping4(1))
    fr += [hdr(0x01) + b'\x18\x41\x03\x8e' + ping6(2), hdr(0x00) + b'\x18\x41\x03\x83' + iih(),
           hdr(0x01) + b'\x00\x01\x03\x08\x00\x75\x95\x01\x01\x01\x03\x02\x21\x20',
           hdr(0x01) + b'\x18\x41\x08\x00' + ping4(3), cut(hdr(0x01) + b'\x18\x41\x03\xcc' + ping4(4), 5)]
    return fr


def chdlc_frames():
    fr = header_frames(b'\x0f\x00\x08\x00' + ping4(1))
    fr += [hdr(0x01) + b'\x8f\x00\x86\xdd' + ping6(2), hdr(0x00) + b'\x0f\x00\x88\x47' + mpls4(3),
           hdr(0x01) + b'\x0f\x00\xfe\xfe\x00\x83' + iih()[1:],
           hdr(0x01) + b'\x8f\x00\x80\x35' + struct.pack('!III', 0, 0x0a4d0001, 0xffffff00) + b'\x00\x00',
           cut(hdr(0x01) + b'\x0f\x00\x08\x00' + ping4(4), 6)]
    return fr


def as_cookie(proto, bundle=5, b4=0):
    return bytes([0x47, 0, 0, 0, b4, proto]) + struct.pack('!H', bundle << 3)


def mlppp_frames():
    fr = header_frames(b'\x00\x07\xff\x03\x00\x21' + ping4(1))
    fr += [hdr(0x01) + b'\xff\x03\x00\x21' + ping4(2),
           hdr(0x01) + b'\x00\x23' + iih(),
           hdr(0x00) + b'\x00\x09\x00\x57' + ping6(3),
           hdr(0x01) + b'\x00\x09\x00\x3d' + b'\xc0\x00\x00\x01' + b'\x00\x21' + ping4(4)[:20],
           hdr(0x01) + b'\x54\x0b\x00\x00\xff\x03\x00\x21' + ping4(5),
           hdr(0x01) + as_cookie(0x00) + ping4(6),
           hdr(0x01) + as_cookie(0x00, 6, 0x0c) + b'\xff\x03\x00\x23' + iih(),
           hdr(0x01) + as_cookie(0x10) + ping6(7),
           hdr(0x01) + as_cookie(0x20) + mpls4(8),
           hdr(0x01) + as_cookie(0x30) + iih(),
           hdr(0x01) + as_cookie(0x40) + b'\xff\x03\x00\x21' + ping4(9),
           hdr(0x01) + b'\x00\x07\x00\x00' + b'\x00' * 20,
           hdr(0x01) + b'\x00\x07\x00\x10' + b'\x00' * 20,
           cut(hdr(0x01) + b'\x00\x07\xff\x03\x00\x21' + ping4(10), 7)]
    return fr


def mlfr_frames():
    fr = header_frames(b'\x00\x07\x03\xcc' + ping4(1))
    fr += [hdr(0x01) + b'\x00\x07\x03\x8e' + ping6(2),
           hdr(0x00) + b'\x00\x07\x03\x00' + iih(),
           hdr(0x01) + b'\x00\x07\x00\x03' + esis(4, bytes([len(N1)]) + N1),
           hdr(0x01) + b'\x00\x07\x03\x08' + b'\x00\x75\x95\x01\x01\x01',
           hdr(0x01) + b'\x54\x0c\x00\x00\x03\xcc' + ping4(3),
           hdr(0x01) + b'\x00\x00\x00\x01\x03\xcc' + ping4(4),
           hdr(0x01) + as_cookie(0x00) + ping4(5),
           hdr(0x01) + b'\x00\x07\x12\x34' + b'\x00' * 8,
           cut(hdr(0x01) + b'\x00\x07\x03\xcc' + ping4(6), 7)]
    return fr


def mfr_frames():
    fr = header_frames(b'\x00\x00\x00\x01\x03\xcc' + ping4(1))
    fr += [hdr(0x01) + b'\x00\x00\x00\x08\x03\xcc' + ping4(2),
           hdr(0x01) + b'\x00\x00\x00\x01\x03\x8e' + ping6(3),
           hdr(0x00) + b'\x00\x00\x00\x01\xfe\xfe\x83' + iih(),
           hdr(0x01) + b'\x00\x00\x00\x01\xfe\xfe',
           hdr(0x01) + b'\x54\x0d\x00\x00\x00\x00\x03\xcc' + ping4(4),
           hdr(0x01) + as_cookie(0x00) + ping4(5), hdr(0x01) + as_cookie(0x10) + ping6(6),
           hdr(0x01) + as_cookie(0x20) + mpls4(7), hdr(0x01) + as_cookie(0x30) + iih(),
           hdr(0x01) + as_cookie(0x50) + ping4(8),
           hdr(0x01) + b'\xc1\x01\x18\x41\x03\xcc' + ping4(9),
           hdr(0x01) + b'\xe1\x00\x04\x05\x06\x1a\x2b\x3c\x4d',
           hdr(0x01) + b'\x00\x00\x00\x01\x12\x34' + b'\x00' * 8,
           cut(hdr(0x01) + b'\x00\x00\x00\x01\x03\xcc' + ping4(10), 9)]
    return fr


def ggsn(proto, vlan=100):
    return bytes([1, 0, proto, 0]) + struct.pack('!HH', vlan, 0)


def ggsn_frames():
    fr = header_frames(ggsn(2) + ping4(1))
    fr += [hdr(0x01) + ggsn(6, 200) + ping6(2), hdr(0x00) + ggsn(1) + b'\x00' * 8,
           hdr(0x01) + ggsn(9) + ping4(3),
           hdr(0x01) + b'\x47\x00\x02\x00\x00\x07\x00\x00' + ping4(4),
           hdr(0x01) + b'\x54' + ggsn(2)[1:] + b'\x00\x00' + ping4(5),
           cut(hdr(0x01) + ggsn(2) + ping4(6), 10)]
    return fr


TYPES = {
    'ether': (178, ether_frames), 'atm1': (137, atm1_frames), 'atm2': (135, atm2_frames),
    'es': (132, es_frames), 'monitor': (164, monitor_frames),
    'services': (136, services_frames), 'pppoe': (167, pppoe_frames),
    'pppoe_atm': (168, pppoe_atm_frames), 'ppp': (179, ppp_frames),
    'frelay': (180, frelay_frames), 'chdlc': (181, chdlc_frames),
    'mlppp': (130, mlppp_frames), 'mlfr': (131, mlfr_frames), 'mfr': (134, mfr_frames),
    'ggsn': (133, ggsn_frames),
}


def write_files(d):
    for name, (dlt, frames) in TYPES.items():
        write_pcap('%s/juniper_%s.pcap' % (d, name), dlt, frames())


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--files':
        write_files(sys.argv[2])
    else:
        sys.exit(__doc__)
