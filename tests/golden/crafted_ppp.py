#!/usr/bin/env python3
"""PPP as a DSL access concentrator, a PPTP server and a serial router see
it: LCP (every option, every code, broken lengths), IPCP (addresses, DNS,
VJ and IP header compression with suboptions), IP6CP, CCP (BSD-Comp, MVRCA,
Deflate, MPPC), BACP, OSICP/MPLSCP, CHAP, PAP, multilink fragments, BAP,
IPv4/IPv6/MPLS/IPX/OSI payloads, protocol field compression, frames whose
0x7d escapes were never undone, and frames cut short; PPPoE discovery
(every tag, text and binary values, broken lengths) and sessions; Cisco
HDLC with SLARP requests, replies and keepalives.

  crafted_ppp.py --files DIR   writes DIR/ppp_dlt9.pcap (DLT_PPP),
      ppp_serial.pcap (PPP_SERIAL), ppp_ether.pcap (PPP_ETHER) and
      ppp_chdlc.pcap (C_HDLC): a veth cannot capture those link types
  crafted_ppp.py IFACE PEER_MAC   sends PPPoE (0x8863/0x8864) and PPTP
      (GRE version 1 with PPP) frames on IFACE with AF_PACKET"""
import socket, struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
# documentation ranges for the addresses handed out over PPP
C1, C2 = '192.0.2.10', '198.51.100.20'

ip = socket.inet_aton


def cp(code, ident, data=b'', ln=None):
    """A control protocol packet (RFC 1661 section 5)."""
    return struct.pack('!BBH', code, ident, 4 + len(data) if ln is None else ln) + data


def opt(t, v=b'', ln=None):
    return bytes([t, 2 + len(v) if ln is None else ln]) + v


def ping4(src=C1, dst=C2, seq=1):
    return ip4(src, dst, 1, icmp4(8, 0, struct.pack('!HH', 0x5050, seq) + b'ppp-echo-data'), ident=0x2200 + seq)


def udp4(src=C1, dst=C2, data=b'\x7d\x7e payload'):
    return ip4(src, dst, 17, udp(src, dst, 40000, 5001, data), ident=0x2300)


def ping6(seq=1):
    return ip6(A6, B6, 58, icmp6(A6, B6, 128, 0, struct.pack('!HH', 0x6060, seq) + b'ppp-v6'))


def ipx():
    # checksum, length, transport control, type, dst net/node/socket, src
    return struct.pack('!HHBB4s6sH4s6sH', 0xffff, 30 + 4, 0, 4, b'\0\0\0\x01', bytes.fromhex('ffffffffffff'),
                       0x0452, b'\0\0\0\x02', bytes.fromhex('020000000001'), 0x4000) + b'ipx!'


def lse(label, s=1, ttl=64):
    return struct.pack('!I', label << 12 | s << 8 | ttl)


# ------------------------------------------------------------------ LCP
LCP, IPCP, IP6CP, CCP, BACP = 0xc021, 0x8021, 0x8057, 0x80fd, 0xc02b
CHAP, PAP = 0xc223, 0xc023
MAGIC = b'\x1a\x2b\x3c\x4d'

LCP_OPTS = [
    opt(1, struct.pack('!H', 1492)),
    opt(2, b'\0\0\0\0'),
    opt(3, struct.pack('!HB', CHAP, 5)),
    opt(5, MAGIC),
    opt(7), opt(8),
]
LCP_OPTS2 = [
    opt(0, b'\x00\x00\x0c\x01\xaa'),          # vendor extension, Cisco
    opt(0, b'\x00\x90\x69\x02'),              # Juniper
    opt(0, b'\xab\xcd\xef\x00'),              # unknown OUI
    opt(3, struct.pack('!H', PAP)),
    opt(3, struct.pack('!HB', CHAP, 0x81)),
    opt(3, struct.pack('!HB', CHAP, 0x80)),
    opt(3, struct.pack('!HB', CHAP, 9)),
    opt(3, struct.pack('!H', 0xc227)),
    opt(3, struct.pack('!H', 0xc027)),
    opt(3, struct.pack('!H', 0xc123)),
    opt(3, struct.pack('!HB', 0x1234, 1)),    # unknown authentication protocol
    opt(4, struct.pack('!HI', 0xc025, 3000)),
    opt(4, struct.pack('!H', 0x1111)),
    opt(6, b'\x01\x02'), opt(9, b'\x02'), opt(10, b'\x05\x06'), opt(11, b'\x01\x00'),
    opt(12, b''), opt(13, b'\x06'), opt(13, b'\x01' + b'5551234'), opt(13, b'\x09'),
    opt(14, b'\0\0\0\x3c'), opt(15), opt(16, b'\x01'),
    opt(17, struct.pack('!H', 1600)), opt(18),
    opt(19, b'\x00'), opt(19, b'\x01' + b'lnk1'), opt(19, b'\x02' + ip(A)),
    opt(19, b'\x03' + mac('02:00:00:00:00:0a')), opt(19, b'\x04' + MAGIC * 2),
    opt(19, b'\x05' + b'5551234'), opt(19, b'\x08\x01'),
    opt(20, b'\xde\xad'), opt(21, b'\x00'), opt(22, b'\x01\x02\x03'),
    opt(23, struct.pack('!H', 0x0001)), opt(24, b'\x01'), opt(25, b'\x00'),
    opt(26, b'\x01\x21'), opt(27, b'\x02\x04'), opt(28, b'\0\0\0\x6a\x65\x6e'),
    opt(29), opt(30),
]


def lcp_frames():
    """LCP packets: (protocol, payload) pairs."""
    L = lambda d: (LCP, d)
    out = [
        L(cp(1, 1, b''.join(LCP_OPTS))),
        L(cp(2, 1, b''.join(LCP_OPTS))),
        L(cp(3, 2, opt(1, struct.pack('!H', 1400)) + opt(3, struct.pack('!H', PAP)))),
        L(cp(4, 3, opt(13, b'\x06') + opt(17, struct.pack('!H', 1600)))),
        L(cp(1, 4, b''.join(LCP_OPTS2))),
        L(cp(1, 5)),                                         # empty request
        L(cp(1, 6, opt(0x42, b'\x01\x02') + opt(1, struct.pack('!H', 1500)))),  # beyond the table
        L(cp(1, 7, opt(0x42, b'', 1))),
        # options with lengths that do not fit what they carry
        L(cp(1, 8, opt(1, b'\x05', 3) + opt(5, MAGIC))),
        L(cp(1, 9, opt(2, b'\0\0', 4) + opt(7))),
        L(cp(1, 10, opt(0, b'\0\0', 4) + opt(3, b'\xc0', 3) + opt(7))),
        L(cp(1, 11, opt(4, b'', 2) + opt(7))),
        L(cp(1, 12, opt(5, b'\0\0', 4) + opt(7))),
        L(cp(1, 13, opt(23, b'\0', 3) + opt(7))),
        L(cp(1, 14, opt(13, b'', 2) + opt(7))),
        L(cp(1, 15, opt(17, b'\0', 3) + opt(7))),
        L(cp(1, 16, opt(19, b'', 2) + opt(7))),
        L(cp(1, 17, opt(19, b'\x02\x0a\x4d', 5) + opt(7))),
        L(cp(1, 18, opt(19, b'\x03\x02\x00\x00', 6) + opt(7))),
        L(cp(1, 19, opt(1, b'', 0) + opt(7))),
        L(cp(1, 20, opt(5, MAGIC) + opt(1, b'\x05\xdc\x00\x00\x00\x00\x00\x00', 10))),  # longer than what is left
        L(cp(1, 21, opt(7) + opt(5, MAGIC, 30))),                      # longer than the packet
        L(cp(5, 22, b'User request')),
        L(cp(6, 22)),
        L(cp(7, 23, cp(0x2a, 1, b'\x00\x01'))),
        L(cp(8, 24, struct.pack('!H', 0x8057) + cp(1, 1, opt(1, b'\0' * 8)))),
        L(cp(8, 25, struct.pack('!H', 0x4567))),
        L(cp(9, 26, MAGIC)),
        L(cp(10, 26, MAGIC + b'keepalive-data')),
        L(cp(11, 27, MAGIC + b'\x00\x01')),
        L(cp(12, 28, MAGIC + b'ptcpdump-lac 1.0')),
        L(cp(12, 29, MAGIC)),
        L(cp(13, 30, MAGIC + struct.pack('!I', 3600) + b'bye')),
        L(cp(13, 31, MAGIC + b'\0\0')),
        L(cp(0, 32, MAGIC + b'\x00\x00\x0c\x01\x02\x03')),
        L(cp(0, 33, MAGIC + b'\x00\x00')),
        L(cp(14, 34, b'\x01\x02\x03')),
        L(cp(99, 35, b'\x99\x98')),
        L(cp(1, 36, b'', 3)),                                 # encoded length < 4
        L(cp(1, 37, opt(7), 40)),                              # > packet
        L(cp(9, 38, b'\x01\x02', 6)),                          # echo too short for magic
        L(b'\x01\x02\x00'),                                   # under 4 bytes
    ]
    return out


def ncp_frames():
    I = lambda d: (IPCP, d)
    hc = opt(2, struct.pack('!HHHHHH', 0x61, 15, 15, 256, 5, 168) +
             opt(1) + opt(2, b'\x00\x10'))
    out = [
        I(cp(1, 1, opt(3, ip(A)) + opt(129, ip('0.0.0.0')) + opt(131, ip('0.0.0.0')) +
             opt(130, ip('0.0.0.0')) + opt(132, ip('0.0.0.0')))),
        I(cp(3, 1, opt(3, ip(C1)) + opt(129, ip(B)) + opt(131, ip('10.77.0.53')))),
        I(cp(2, 2, opt(3, ip(C1)) + opt(129, ip(B)))),
        I(cp(4, 3, opt(1, ip(A) + ip(B)) + opt(2, struct.pack('!HBB', 0x002d, 15, 1)) +
             opt(4, ip('192.0.2.99')) + opt(0x55, b'\x01\x02\x03'))),
        I(cp(1, 4, hc + opt(3, ip(A)))),
        I(cp(1, 5, opt(2, struct.pack('!HHHHHH', 0x61, 15, 15, 256, 5, 168)) + opt(3, ip(A)))),
        I(cp(1, 6, opt(2, struct.pack('!HHHHHH', 0x61, 1, 1, 1, 1, 1) + opt(1) + opt(2, b'', 9)))),
        I(cp(1, 7, opt(2, struct.pack('!HHHHHH', 0x61, 1, 1, 1, 1, 1) + b'\x00\x02\x01\x02'))),
        I(cp(1, 8, opt(2, struct.pack('!HH', 0x1234, 0)) + opt(3, ip(A)))),
        I(cp(1, 9, opt(2, struct.pack('!HHH', 0x61, 1, 1)) + opt(3, ip(A)))),
        I(cp(1, 10, opt(2, b'\x00', 3) + opt(3, ip(A)))),
        I(cp(1, 11, opt(3, b'\x0a\x4d\x00', 5) + opt(3, ip(A)))),
        I(cp(1, 12, opt(1, ip(A), 6) + opt(3, ip(A)))),
        I(cp(1, 13, opt(3, b'', 1))),
        I(cp(5, 14)),
        I(cp(7, 15, cp(9, 1))),
        (IP6CP, cp(1, 1, opt(1, bytes.fromhex('00000000000000aa')) + opt(2, b'\x00\x4f'))),
        (IP6CP, cp(2, 1, opt(1, bytes.fromhex('0211223344556677')))),
        (IP6CP, cp(1, 2, opt(1, b'\x00' * 6, 8) + opt(1, bytes(8)))),
        (IP6CP, cp(1, 3, opt(1, b'', 0))),
        (CCP, cp(1, 1, opt(21, b'\x2f') + opt(26, b'\x78\x00') + opt(24, b'\xa5\x03') +
                 opt(18, b'\x01\x00\x00\x41') + opt(1) + opt(17, b'\x00\x01\x03'))),
        (CCP, cp(4, 1, opt(26, b'\x42\xfd') + opt(0, b'\x00\x00\x0c\x01') + opt(255) + opt(99, b'\x01'))),
        (CCP, cp(1, 2, opt(21, b'', 2) + opt(26, b'\x78', 3) + opt(24, b'\x01', 3) + opt(26, b'\x78\x00'))),
        (CCP, cp(1, 3, opt(21, b'', 1))),
        (CCP, cp(14, 4, b'\x01')),
        (CCP, cp(15, 4)),
        (BACP, cp(1, 1, opt(1, MAGIC) + opt(2, b'\x01\x02'))),
        (BACP, cp(1, 2, opt(1, b'\x00\x01', 4) + opt(1, MAGIC))),
        (BACP, cp(1, 3, opt(1, b'', 1))),
        (0x8023, cp(1, 1, opt(1, b'\x02'))),               # OSICP: options not decoded
        (0x8281, cp(1, 1)),                                # MPLSCP
        (0x8281, cp(2, 1, opt(1, b'\x01\x02'))),
    ]
    return out


def auth_frames():
    chal = bytes(range(0x10, 0x20))
    out = [
        (CHAP, struct.pack('!BBHB', 1, 7, 5 + 16 + 15, 16) + chal + b'ptcpdump-server'),
        (CHAP, struct.pack('!BBHB', 2, 7, 5 + 16 + 5, 16) + chal[::-1] + b'alice'),
        (CHAP, struct.pack('!BBHB', 2, 8, 5 + 49 + 8, 49) + bytes(49) + b'dom\\bob\x01'),
        (CHAP, struct.pack('!BBH', 3, 7, 4 + 8) + b'Welcome!'),
        (CHAP, struct.pack('!BBH', 4, 8, 4 + 20) + b'E=691 R=1 C=00 V=3\r\n'),
        (CHAP, struct.pack('!BBH', 9, 9, 4)),
        (CHAP, struct.pack('!BBH', 3, 10, 4)),
        (CHAP, struct.pack('!BBH', 1, 11, 4)),                      # no value size
        (CHAP, struct.pack('!BBHB', 1, 12, 30, 40) + bytes(10)),    # value longer than packet
        (CHAP, struct.pack('!BBHB', 2, 13, 8, 4) + b'\x01\x02\x03\x04xyzxyz'),  # name size wraps
        (CHAP, b'\x01\x02'),
        (CHAP, b''),
        (PAP, struct.pack('!BBHB', 1, 1, 4 + 1 + 5 + 1 + 6, 5) + b'alice' + b'\x06s3cret'),
        (PAP, struct.pack('!BBHB', 2, 1, 4 + 1 + 8, 8) + b'Login ok'),
        (PAP, struct.pack('!BBHB', 3, 2, 4 + 1 + 12, 12) + b'Bad password'),
        (PAP, struct.pack('!BBHB', 1, 3, 4 + 1 + 5 + 1, 5) + b'alice' + b'\x09pw'),
        (PAP, struct.pack('!BBHB', 1, 4, 4 + 1 + 3, 9) + b'bob'),
        (PAP, struct.pack('!BBHB', 1, 5, 5, 0)),
        (PAP, struct.pack('!BBHB', 1, 6, 4 + 1 + 3, 3) + b'bob'),
        (PAP, struct.pack('!BBH', 2, 7, 4)),
        (PAP, struct.pack('!BBHB', 2, 8, 5, 9) + b'x'),
        (PAP, struct.pack('!BBHB', 3, 9, 40, 3) + b'bad'),
        (PAP, struct.pack('!BBH', 1, 10, 3)),
        (PAP, struct.pack('!BBH', 7, 11, 4)),
        (PAP, b'\x01'),
        (PAP, b''),
    ]
    return out


def data_frames():
    return [
        (0x0021, ping4()),
        (0x0057, ping6()),
        (0x0281, lse(16004) + ping4(seq=2)),
        (0x0283, lse(16005, 0) + lse(3) + udp4()),
        (0x002f, ping4(seq=3)),
        (0x0800, ping4(seq=4)),
        (0x86dd, ping6(2)),
        (0x002b, ipx()),
        (0x8137, ipx()),
        (0x002d, b'\x45\x01\x02\x03\x04\x05'),
        (0x00fd, b'\x00\x01\xaa\xbb\xcc'),
        (0x003d, b'\xc0\x00\x01' + ping4(seq=5)[:20]),
        (0x003d, b'\x80\x0f\xff'),
        (0x003d, b'\x40\x01\x23'),
        (0x003d, b'\x00\x02\x00'),
        (0x003d, b'\x80'),
        (0xc02d, b'\x01\x02\x00\x08\x00\x00\x00\x00'),
        (0x0023, b'\xcc' + ping4(seq=6)),
        (0x0023, b'\x8e' + ping6(3)),
        (0x0023, b'\x00\x01\x02'),
        (0x0023, b'\x42\x01\x02\x03'),
        (0x0023, b'\x42'),
        # Q.933 (NLPID 0x08): an ANSI LMI status enquiry, and one cut short
        (0x0023, b'\x08\x00\x75\x95\x01\x01\x01\x03\x02\x01\x00'),
        (0x0023, b'\x08\x00\x7d\x95\x01\x01\x00\x03\x02'),
        (0xc025, b'\x00\x00\x00\x01' * 3),
        (0xc227, b'\x01\x01\x00\x05\x01'),
        (0x4321, b'\x01\x02\x03\x04\x05'),
        (0x0201, b''),
    ]


def esc(b, accm=range(0x20)):
    """RFC 1662 octet stuffing: 0x7d, 0x7e and the control characters."""
    out = b''
    for c in b:
        if c in (0x7d, 0x7e) or c in accm:
            out += bytes([0x7d, c ^ 0x20])
        else:
            out += bytes([c])
    return out


def write_pcap(fn, dlt, pkts):
    """pkts: bytes, or (bytes, original length) for frames cut short."""
    with open(fn, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, dlt))
        for i, p in enumerate(pkts):
            data, ln = (p, len(p)) if isinstance(p, bytes) else p
            f.write(struct.pack('<IIII', 1767225600 + i, (i * 7919) % 1000000, len(data), ln))
            f.write(data)


def cut(b, n):
    return (b[:n], len(b))


def all_ppp():
    return lcp_frames() + ncp_frames() + auth_frames() + data_frames()


def dlt9():
    fr = []
    for proto, body in all_ppp():
        fr.append(b'\xff\x03' + struct.pack('!H', proto) + body)
    # the pppd direction bytes, no address and control, protocol compression
    fr += [b'\x00\x03\x00\x21' + ping4(seq=7), b'\x01\x03\xc0\x21' + cp(9, 40, MAGIC),
           b'\x00\x21' + ping4(seq=8), b'\x21' + ping4(seq=9)[:40] + b'\x00',
           b'\x57\x00' + ping6(4), b'\xc0\x21' + cp(10, 41, MAGIC),
           b'\x3d\x00' + b'\x80\x01\x02', b'\xff\x03\x21' + ping4(seq=10)]
    # frames as the HDLC line carried them, escapes and all
    fr += [b'\x7e' + esc(b'\xff\x03\xc0\x21' + cp(1, 50, b''.join(LCP_OPTS))),
           b'\x7e' + esc(b'\x21' + udp4()),
           b'\x7e' + esc(b'\x57' + ping6(5)),
           b'\x7e' + esc(b'\x80\x21' + cp(1, 51, opt(3, ip(A)))),
           b'\x7e' + esc(b'\xff\x03\x7e\x21'),
           b'\x7e' + esc(b'\x7e\x57'),
           b'\x7e\xff\x7d', b'\x7e\x7d', b'\x7e\xc0', b'\x7e\xff\x03\x00',
           b'\xff\x03\x7e' + esc(b'\x21' + ping4(seq=11))]
    # cut short by the capture
    fr += [cut(b'\xff\x03\xc0\x21' + cp(1, 60, b''.join(LCP_OPTS2)), 60),
           cut(b'\xff\x03\xc0\x21' + cp(12, 61, MAGIC + b'a long identification message'), 20),
           cut(b'\xff\x03\xc0\x21' + cp(10, 62, MAGIC + b'0123456789'), 15),
           cut(b'\xff\x03\x80\x21' + cp(1, 63, opt(2, struct.pack('!HHHHHH', 0x61, 1, 1, 1, 1, 1) + opt(1) + opt(2))), 16),
           cut(b'\xff\x03\x80\x21' + cp(1, 64, opt(2, struct.pack('!HHHHHH', 0x61, 1, 1, 1, 1, 1) + opt(1) + opt(2))), 26),
           cut(b'\xff\x03\x80\x57' + cp(1, 65, opt(1, bytes(8))), 14),
           cut(b'\xff\x03\xc2\x23' + struct.pack('!BBHB', 1, 66, 36, 16) + bytes(16) + b'server-name', 30),
           cut(b'\xff\x03\xc0\x23' + struct.pack('!BBHB', 1, 67, 18, 5) + b'alice\x06s3cret', 12),
           cut(b'\xff\x03\xc0\x21' + cp(1, 68, b''.join(LCP_OPTS)), 9),
           cut(b'\xff\x03\xc0\x21' + cp(1, 69, b''.join(LCP_OPTS)), 7),
           cut(b'\xff\x03\xc0\x21' + cp(1, 70, b''.join(LCP_OPTS)), 5),
           cut(b'\xff\x03\x00\x3d\x80\x00\x01', 5),
           cut(b'\xff\x03\x7e' + esc(b'\xff\x03\xc0\x21' + cp(1, 71, b''.join(LCP_OPTS))), 20),
           cut(b'\xff\x03\x00\x21' + ping4(seq=12), 3),
           b'\xff\x03\x00', b'\xff\x03\x00\x21', b'\xff\x03\x21\x45',
           cut(b'\xff\x03\xc0\x21' + cp(1, 72, b''.join(LCP_OPTS)), 4)]
    return fr


def serial():
    fr = []
    for proto, body in lcp_frames()[:6] + ncp_frames()[:5] + auth_frames()[:5] + data_frames()[:12]:
        fr.append(b'\xff\x03' + struct.pack('!H', proto) + body)
    fr += [b'\xff\x03\x7e' + esc(b'\x21' + ping4(seq=20)),
           b'\xff\x03\x7e' + esc(b'\xc0\x21' + cp(9, 80, MAGIC)),
           b'\xff\x03\x7e' + esc(b'\x80\x21' + cp(1, 81, opt(3, ip(A))) + b'\x7e'),
           b'\xff\x03\x7e\x7d',
           b'\xff\x03\x7e\x08\x00' + ping4(seq=21)]
    # Cisco HDLC on the same link type
    fr += chdlc_frames()[:8]
    fr += [b'\x11\x22\x33\x44\x55', b'\x0f\x00', cut(b'\xff\x03\xc0\x21' + cp(9, 82, MAGIC), 3),
           cut(b'\x42\x03\x00\x21', 3), b'\xff', cut(b'\x0f\x00\x08\x00' + ping4(seq=22), 3),
           cut(b'\xff\x03\xc0\x21' + cp(1, 83, b''.join(LCP_OPTS)), 11)]
    return fr


def slarp(code, a, b, rel=b'', extra=b''):
    return struct.pack('!I', code) + a + b + rel + extra


def chdlc_frames():
    H = lambda t, body, addr=0x0f: struct.pack('!BBH', addr, 0, t) + body
    return [
        H(0x0800, ping4(A, B, 30)),
        H(0x86dd, ping6(6)),
        H(0x8035, slarp(2, struct.pack('!I', 5), struct.pack('!I', 2), b'\xff\xff', struct.pack('!I', 7925000)), 0x8f),
        H(0x8035, slarp(0, bytes(4), bytes(4), b'\x00\x00')),
        H(0x8035, slarp(1, ip('10.77.0.1'), ip('255.255.255.252'), b'\x00\x00')),
        H(0x8035, slarp(2, struct.pack('!I', 1), struct.pack('!I', 0), b'\xff\xff')),
        H(0x8847, lse(17000) + ping4(A, B, 31)),
        H(0x2000, b'\x02\xb4\x00\x00'),
        H(0x8035, slarp(2, struct.pack('!I', 3), struct.pack('!I', 4), b'\x04\xff', struct.pack('!I', 90061000) + b'\x00\x00\xab\xcd')),
        H(0x8035, slarp(7, bytes(4), bytes(4), b'\x01\x02', b'\x03')),
        H(0x8035, slarp(0, bytes(4), bytes(4), b'\x00\x00', b'\xaa\xbb\xcc\xdd\xee\xff')),
        H(0x8035, b'\x00\x00\x00\x02\x00\x00'),
        H(0x8848, lse(17001) + ping4(A, B, 32)),
        H(0xfefe, b'\x00\xcc' + ping4(A, B, 33)[:28]),
        H(0xfefe, b'\x8e' + ping6(7)),
        H(0xfefe, b'\x00'),
        H(0x1234, b'\x01\x02\x03'),
        H(0x0806, b'\x00\x01'),
        H(0x0800, ping4(A, B, 34), 0x42),
        b'\x0f\x00\x08',
        cut(H(0x8035, slarp(2, struct.pack('!I', 1), struct.pack('!I', 0), b'\xff\xff', b'\0\0\0\x01')), 16),
        cut(H(0x8035, slarp(2, struct.pack('!I', 1), struct.pack('!I', 0), b'\xff\xff', b'\0\0\0\x01')), 20),
        cut(H(0x0800, ping4(A, B, 35)), 2),
    ]


def pppoe(code, sid, payload, ln=None, vt=0x11):
    return struct.pack('!BBHH', vt, code, sid, len(payload) if ln is None else ln) + payload


def tag(t, v, ln=None):
    return struct.pack('!HH', t, len(v) if ln is None else ln) + v


def pppoe_frames():
    """PPPoE headers and what follows them (no Ethernet header)."""
    uniq = tag(0x0103, b'\x16\x37\x2c\x16')
    S = lambda proto, body, sid=0x1234: pppoe(0, sid, struct.pack('!H', proto) + body)
    return [
        pppoe(0x09, 0, tag(0x0101, b'') + tag(0x0120, b'\x05\xdc') + uniq),
        pppoe(0x07, 0, tag(0x0101, b'') + tag(0x0102, b'ptcpdump-bras') + uniq +
              tag(0x0104, bytes.fromhex('8e1b0a5d07b05c7c5f9f2e46a1c54c19')) + tag(0x0101, b'internet')),
        pppoe(0x19, 0, tag(0x0101, b'internet') + uniq + tag(0x0104, b'cookie\x00\x01') +
              tag(0x0110, b'\x00\x00\x00\x2a')),
        pppoe(0x65, 0x1234, tag(0x0101, b'internet') + uniq),
        pppoe(0xa7, 0x1234, tag(0x0203, b'session closed by administrator')),
        pppoe(0x07, 0, tag(0x0105, b'\x00\x00\x0d\xe9\x01\x03abc') + tag(0x0201, b'no such service') +
              tag(0x0202, b'out of sessions') + tag(0x0999, b'\x01\x02') + tag(0x0999, b'')),
        pppoe(0x09, 0, tag(0x0101, b'x' * 100)),
        pppoe(0x09, 0, tag(0x0101, b'ab\x01\x02\x03cd')),
        pppoe(0x09, 0, tag(0x0101, b'\x01\x02ab')),
        pppoe(0x09, 0, tag(0x0101, b'') + tag(0, b'') + tag(0x0102, b'after eol')),
        pppoe(0x09, 0, tag(0x0101, b''), 1500),
        pppoe(0x09, 0, tag(0x0101, b'isp') + b'\x00\x00', 3),
        pppoe(0x33, 0, tag(0x0101, b'')),
        pppoe(0x09, 0, tag(0x0101, b''), vt=0x21),
        pppoe(0x09, 0, tag(0x0101, b''), vt=0x12),
        pppoe(0x09, 0, tag(0x0101, b'abc', 9)),
        pppoe(0x09, 0, b''),
        S(LCP, cp(1, 1, b''.join(LCP_OPTS))),
        S(LCP, cp(9, 106, MAGIC)),
        S(LCP, cp(10, 106, MAGIC)),
        S(IPCP, cp(3, 1, opt(3, ip(C1)) + opt(129, ip(B)))),
        S(IP6CP, cp(1, 1, opt(1, bytes.fromhex('0211223344556677')))),
        S(CHAP, struct.pack('!BBHB', 2, 7, 5 + 16 + 5, 16) + bytes(range(16)) + b'alice'),
        S(PAP, struct.pack('!BBHB', 1, 1, 4 + 1 + 5 + 1 + 6, 5) + b'alice' + b'\x06s3cret'),
        S(0x0021, ping4(seq=40)),
        S(0x0057, ping6(8)),
        S(0x4321, b'\x01\x02'),
        pppoe(0, 0x1234, b'\xff\x03\xc0\x21' + cp(9, 107, MAGIC)),
        pppoe(0, 0x1234, b'\x21' + ping4(seq=41)),
        pppoe(0, 0x1234, b'\xc0\x21' + cp(9, 108, MAGIC), 40),
        pppoe(0, 0x1234, b'\xc0'),
        pppoe(0, 0x1234, b''),
        pppoe(0, 0, struct.pack('!H', LCP) + cp(5, 109)),
    ]


def ppp_ether():
    fr = pppoe_frames()
    fr += [b'\x11\x00\x12\x34', cut(pppoe(0, 0x1234, b'\xc0\x21' + cp(9, 110, MAGIC)), 5),
           cut(pppoe(0x07, 0, tag(0x0102, b'ptcpdump-bras')), 12),
           cut(pppoe(0, 0x1234, b'\xc0\x21' + cp(1, 111, b''.join(LCP_OPTS))), 20)]
    return fr


def write_files(d):
    write_pcap(d + '/ppp_dlt9.pcap', 9, dlt9())
    write_pcap(d + '/ppp_serial.pcap', 50, serial())
    write_pcap(d + '/ppp_ether.pcap', 51, ppp_ether())
    write_pcap(d + '/ppp_chdlc.pcap', 104, chdlc_frames())


def gre1(payload, call=0x4001, seq=None, ack=None):
    fl = 0x2001 | (0x1000 if seq is not None else 0) | (0x0080 if ack is not None else 0)
    h = struct.pack('!HHHH', fl, 0x880b, len(payload), call)
    if seq is not None:
        h += struct.pack('!I', seq)
    if ack is not None:
        h += struct.pack('!I', ack)
    return h + payload


def send(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []
    for i, p in enumerate(pppoe_frames()):
        et = 0x8864 if p[1] == 0 else 0x8863
        fr.append(eth(peermac, me, et, p))
    fr.append(eth(peermac, me, 0x3c12, pppoe(0x09, 0, tag(0x0101, b''))))
    fr.append(eth(peermac, me, 0x3c13, pppoe(0, 0x55, b'\xc0\x21' + cp(9, 1, MAGIC))))
    fr.append(eth(peermac, me, 0x8864, b'\x11\x00\x12'))
    # PPTP: PPP inside GRE version 1
    G = lambda g: fr.append(eth(peermac, me, 0x0800, ip4(A, B, 47, g)))
    G(gre1(b'\xff\x03\xc0\x21' + cp(1, 1, b''.join(LCP_OPTS)), seq=0))
    G(gre1(b'\xff\x03\xc0\x21' + cp(2, 1, b''.join(LCP_OPTS)), seq=1, ack=0))
    G(gre1(b'\xff\x03\xc2\x23' + struct.pack('!BBHB', 1, 7, 5 + 16 + 15, 16) + bytes(range(16)) + b'ptcpdump-server', seq=2))
    G(gre1(b'\xff\x03\x80\x21' + cp(1, 2, opt(3, ip(C1)) + opt(129, ip('0.0.0.0'))), seq=3))
    G(gre1(b'\xff\x03\x80\xfd' + cp(1, 3, opt(18, b'\x01\x00\x00\x41')), seq=4))
    G(gre1(b'\x21' + ping4(seq=50), seq=5, ack=4))
    G(gre1(b'\x00\x21' + ping4(seq=51), seq=6))
    G(gre1(b'\xfd\x90\x01\x02\x03', seq=7))
    G(gre1(b'\x57' + ping6(9), seq=8))
    G(gre1(b'', ack=8))
    G(gre1(b'\xff', seq=9))
    send_frames(ifn, fr)


if __name__ == '__main__':
    if sys.argv[1] == '--files':
        write_files(sys.argv[2])
    else:
        send(sys.argv[1], sys.argv[2])
