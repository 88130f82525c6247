#!/usr/bin/env python3
"""Packets for crafted_routing.py: the ad-hoc and home network protocols
(AHCP, timed, AODV, OLSR, HNCP).  Each *_packets() returns the UDP
payloads to send (AODV, OLSR: a pair, over IPv4 and over IPv6)."""
import socket, struct


def a4(s):
    return socket.inet_aton(s)


def a6(s):
    return socket.inet_pton(socket.AF_INET6, s)


A, A6, B6 = '10.77.0.1', '2001:db8:77::1', '2001:db8:77::2'


# ------------------------------------------------------------------- AHCP
def ahcp(typ, opts, ver=1, magic=43, hop=1, ohop=1, blen=None, mbz=0):
    body = b''.join(opts)
    return (struct.pack('!BBBBI', magic, ver, hop, ohop, 0xde3e5127) + bytes.fromhex('0200c0fffe000201') +
            b'\xff' * 8 + struct.pack('!BBH', typ, mbz, len(body) if blen is None else blen) + body)


def aopt(no, v):
    return struct.pack('!BB', no, len(v)) + v


def ahcp_packets():
    out = [ahcp(0, [])]
    out.append(ahcp(1, [aopt(2, struct.pack('!I', 1700000000)), aopt(3, struct.pack('!I', 3600)),
                        aopt(4, a6('2001:db8::10')), aopt(5, a4('192.0.2.10')),
                        aopt(6, a6('2001:db8:1::') + b'\x40' + a6('2001:db8:2::') + b'\x30'),
                        aopt(7, a4('192.0.2.0') + b'\x18'),
                        aopt(8, a6('2001:db8::11') + a6('2001:db8::12')), aopt(9, a4('192.0.2.11')),
                        aopt(10, a6('2001:db8:a::') + b'\x38'), aopt(11, a4('198.51.100.0') + b'\x1c'),
                        aopt(12, a6('2001:db8::53')), aopt(13, a6('2001:db8::123')),
                        b'\x00', b'\x01', aopt(99, b'\x01\x02')], hop=2, ohop=3))
    for t in (2, 3, 4, 5, 9):
        out.append(ahcp(t, [aopt(9, a4('192.0.2.11'))], mbz=t == 9 and 7 or 0))
    out.append(ahcp(3, [aopt(2, b'\x00\x01')]))
    out.append(ahcp(3, [aopt(3, b'\x00' * 5)]))
    out.append(ahcp(3, [aopt(9, b'\x00' * 6)]))
    out.append(ahcp(3, [aopt(6, b'\x00' * 16)]))
    out.append(ahcp(3, [b'\x09\x20' + a4('192.0.2.11')]))
    out.append(ahcp(3, [b'\x09']))
    out.append(ahcp(3, [], blen=20))
    out.append(ahcp(3, [], ver=2))
    out.append(ahcp(3, [], magic=42))
    out.append(ahcp(3, [])[:20])
    out.append(ahcp(3, [])[:26])
    out.append(b'\x2b')
    return out


# ------------------------------------------------------------------ timed
def tsp(typ, u=b'\x00' * 8, name=b'host-a\x00', seq=7, ver=1):
    return struct.pack('!BBH', typ, ver, seq) + u + name


def timed_packets():
    out = [tsp(t) for t in range(0, 26)]
    out.append(tsp(24, b'\x05' + b'\x00' * 7))
    out.append(tsp(5, struct.pack('!ii', 1700000000, 250000)))
    out.append(tsp(1, struct.pack('!ii', -1, 500000)))
    out.append(tsp(1, struct.pack('!ii', -3, 1)))
    out.append(tsp(22, struct.pack('!ii', -2, 0)))
    out.append(tsp(23, struct.pack('!ii', 5, -1)))
    out.append(tsp(8, name=b'tab\there\x01\xe9'))
    out.append(tsp(8, name=b'x' * 300))
    out.append(tsp(5)[:10])
    return out


# ------------------------------------------------------------------- AODV
def aodv_packets():
    hello = struct.pack('!BBI', 1, 4, 1000)
    out4 = [struct.pack('!BBBBI', 1, 0, 0, 3, 77) + a4('192.0.2.9') + struct.pack('!I', 5) + a4(A) + struct.pack('!I', 6),
            struct.pack('!BBBBI', 0xf9, 0, 0, 3, 77) + b'\x00' * 16,
            struct.pack('!BBBBI', 1, 0, 0, 1, 78) + a4('192.0.2.9') + struct.pack('!I', 5) + a4(A) + struct.pack('!I', 6) + hello,
            struct.pack('!BBBB', 2, 0, 0x1f, 2) + a4('192.0.2.9') + struct.pack('!I', 9) + a4(A) + struct.pack('!I', 3000) +
            struct.pack('!BBI', 1, 2, 1000),
            struct.pack('!BBBB', 2, 0, 5, 2) + a4('192.0.2.9') + struct.pack('!I', 9) + a4(A) + struct.pack('!I', 3000) +
            struct.pack('!BBH', 9, 2, 0),
            struct.pack('!BBBB', 3, 0x80, 0, 2) + a4('192.0.2.9') + struct.pack('!I', 1) + a4('192.0.2.10') + struct.pack('!I', 2),
            struct.pack('!BBBB', 3, 0, 0, 3) + a4('192.0.2.9') + struct.pack('!I', 1),
            struct.pack('!BB', 4, 0), struct.pack('!BB', 19, 0), struct.pack('!BB', 99, 0),
            struct.pack('!BBBBI', 1, 0, 0, 3, 77) + b'\x00' * 8,
            struct.pack('!BBBB', 2, 0, 0, 2) + b'\x00' * 16 + struct.pack('!BBI', 1, 4, 7)[:4],
            struct.pack('!BB', 3, 0)]
    out6 = [struct.pack('!BBBBI', 1, 0x20, 0, 1, 5) + a6('2001:db8::9') + struct.pack('!I', 1) + a6(A6) + struct.pack('!I', 2) + hello,
            struct.pack('!BBBB', 2, 0x40, 64, 1) + a6('2001:db8::9') + struct.pack('!I', 1) + a6(A6) + struct.pack('!I', 2),
            struct.pack('!BBBB', 3, 0, 0, 1) + a6('2001:db8::9') + struct.pack('!I', 1),
            struct.pack('!BBBBIII', 16, 0, 0, 1, 5, 6, 7) + a6('2001:db8::9') + a6(A6),
            struct.pack('!BBBBI', 17, 0, 0, 1, 8) + a6('2001:db8::9') + a6(A6) + struct.pack('!I', 9) + struct.pack('!BBI', 1, 4, 500),
            struct.pack('!BBBB', 18, 0x80, 0, 2) + a6('2001:db8::9') + struct.pack('!I', 1) + a6('2001:db8::a') + struct.pack('!I', 2),
            struct.pack('!BBBBIII', 16, 0, 0, 1, 5, 6, 7) + a6('2001:db8::9')]
    return out4, out6


# ------------------------------------------------------------------- OLSR
def olsr_pkt(msgs, seq=0x1234, plen=None):
    body = b''.join(msgs)
    return struct.pack('!HH', 4 + len(body) if plen is None else plen, seq) + body


def omsg(typ, body, orig, vtime=0x86, ttl=255, hop=0, seq=1, mlen=None):
    hdr_len = 4 + len(orig) + 4
    return struct.pack('!BBH', typ, vtime, hdr_len + len(body) if mlen is None else mlen) + orig + \
        struct.pack('!BBH', ttl, hop, seq) + body


def olink(code, body):
    return struct.pack('!BBH', code, 0, 4 + len(body)) + body


def olsr_packets():
    o4, o6 = a4(A), a6(A6)
    out4 = [olsr_pkt([omsg(1, struct.pack('!HBB', 0, 0x05, 3) +
                           olink(0x06, a4('192.0.2.1') + a4('192.0.2.2')) + olink(0x09, a4('192.0.2.3')) +
                           olink(0x03, b'') + olink(0x0f, a4('192.0.2.4')), o4),
                      omsg(2, struct.pack('!HH', 0x77, 0) + a4('192.0.2.1') + a4('192.0.2.2') + b'\x01\x02', o4, vtime=0x2c),
                      omsg(3, a4('192.0.2.5') + a4('192.0.2.6') + b'\x00', o4),
                      omsg(4, a4('192.0.2.0') + a4('255.255.255.0') + a4('198.51.100.0') + a4('255.255.255.128') +
                           a4('0.0.0.0') + b'\x00\x1f\x58\xff' + a4('0.0.0.0') + b'\x00\x0e\x00\x00' +
                           a4('203.0.113.0') + a4('255.0.255.0') + a4('0.0.0.0') + a4('0.0.0.0'), o4)]),
            olsr_pkt([omsg(201, struct.pack('!HBB', 0, 0x33, 7) + olink(0x0a, a4('192.0.2.1') + b'\xff\x80\x00\x00'), o4),
                      omsg(202, struct.pack('!HH', 9, 0) + a4('192.0.2.2') + b'\x10\x20\x00\x00', o4),
                      omsg(130, struct.pack('!HH', 1, 2) + struct.pack('!HH', 0, 5) + a4('192.0.2.7') + b'alpha\x00\x00\x00' +
                           struct.pack('!HH', 1, 8) + a4('192.0.2.8') + b'beta.lan', o4),
                      omsg(130, struct.pack('!HH', 1, 3) + struct.pack('!HH', 2, 40) + a4('192.0.2.7') + b'\x00' * 8, o4),
                      omsg(130, struct.pack('!HH', 1, 0), o4),
                      omsg(128, b'\x01\x02\x03\x04', o4), omsg(99, b'', o4)]),
            olsr_pkt([omsg(1, struct.pack('!HBB', 0, 0, 3) + struct.pack('!BBH', 6, 0, 40) + a4('192.0.2.1'), o4),
                      omsg(3, a4('192.0.2.5'), o4)]),
            olsr_pkt([omsg(2, b'\x00\x01\x00\x00', o4, mlen=200)]),
            olsr_pkt([omsg(2, b'\x00\x01\x00\x00', o4), omsg(0, b'', o4)]),
            olsr_pkt([omsg(1, b'\x00', o4)]),
            olsr_pkt([omsg(130, b'\x00', o4)]),
            olsr_pkt([omsg(3, a4('192.0.2.5'), o4)], plen=10),
            olsr_pkt([omsg(3, a4('192.0.2.5'), o4)])[:14],
            b'\x00\x08\x00']
    out6 = [olsr_pkt([omsg(1, struct.pack('!HBB', 0, 0x05, 3) + olink(0x06, a4('192.0.2.1')), o6),
                      omsg(201, struct.pack('!HBB', 0, 0x05, 3) + olink(0x06, a6('2001:db8::1') + b'\x80\x80\x00\x00'), o6),
                      omsg(202, struct.pack('!HH', 9, 0) + a6('2001:db8::2') + b'\x10\x20\x00\x00', o6),
                      omsg(3, a6('2001:db8::5'), o6),
                      omsg(4, a6('2001:db8:1::') + a6('ffff:ffff:ffff::') + a6('2001:db8:2::') + a6('ffff:fe00::'), o6),
                      omsg(130, struct.pack('!HH', 1, 1) + struct.pack('!HH', 0, 4) + a6('2001:db8::7') + b'gw-1', o6)])]
    return out4, out6


# ------------------------------------------------------------------- HNCP
def htlv(t, v, pad=True):
    return struct.pack('!HH', t, len(v)) + v + (b'\x00' * (-len(v) % 4) if pad else b'')


def hname(*labels):
    return b''.join(bytes([len(x)]) + x for x in labels) + b'\x00'


def hncp_packets():
    nid = bytes.fromhex('0a0b0c0d')
    m4 = bytes(10) + b'\xff\xff'
    out = []
    # a node announcing its state: the nested TLVs of each kind
    inner = (htlv(32, struct.pack('!HH', 0, 0x1234) + b'hnetd/1.0') +
             htlv(33, htlv(34, struct.pack('!II', 3600000, 1800000) + b'\x30' + a6('2001:db8:100::')[:6] +
                                 htlv(43, b'\x00')) +
                      htlv(34, struct.pack('!II', 7200000, 0) + bytes([96 + 24]) + m4 + a4('192.0.2.0')[:3]) +
                      htlv(37, b'\x06\x08' + a4('192.0.2.53') + a4('198.51.100.53') +
                           b'\x77' + bytes([len(hname(b'home', b'arpa'))]) + hname(b'home', b'arpa')) +
                      htlv(38, struct.pack('!HH', 23, 16) + a6('2001:db8::53') +
                           struct.pack('!HH', 24, len(hname(b'lan'))) + hname(b'lan') +
                           struct.pack('!HH', 31, 16) + a6('2001:db8::123') + struct.pack('!HH', 99, 1) + b'\x00')) +
             htlv(35, struct.pack('!IB', 7, 0x0f) + b'\x40' + a6('2001:db8:100:1::')[:8] + htlv(43, b'\x83')) +
             htlv(36, struct.pack('!I', 7) + a6('2001:db8:100:1::1')) +
             htlv(36, struct.pack('!I', 8) + m4 + a4('192.0.2.1')) +
             htlv(39, a6('2001:db8::53') + b'\x07' + hname(b'home', b'arpa')) +
             htlv(40, hname(b'home', b'arpa')) +
             htlv(41, a6('2001:db8:100:1::1') + b'\x06router') +
             htlv(41, m4 + a4('192.0.2.1') + bytes([70]) + b'x' * 70) +
             htlv(42, bytes(range(32))) +
             htlv(8, nid + struct.pack('!II', 1, 2)) + htlv(9, struct.pack('!II', 0, 20000)) +
             htlv(10, b'\x01\x00\x00\x00' + bytes(range(32)) + b'cn=node') +
             htlv(43, b'\x81' + hname(b'example', b'com')) + htlv(43, b'\x82opaque') +
             htlv(43, b'\x18' + a6('2001:db8::')[:3]) + htlv(43, b'\xc8') +
             htlv(43, bytes([96 + 16]) + m4 + a4('192.0.2.0')[:2]) +
             htlv(0, b'') + htlv(6, b'\x01') + htlv(100, b'') + htlv(800, b'\x01\x02') + htlv(2000, b''))
    out.append(htlv(4, bytes(range(8))) + htlv(3, nid + struct.pack('!I', 1)) +
               htlv(5, nid + struct.pack('!II', 12, 20000) + bytes(range(8)) + inner))
    out.append(htlv(1, b'') + htlv(2, nid) + htlv(3, nid + struct.pack('!I', 2)) + htlv(3, nid + struct.pack('!I', 3)) +
               htlv(8, nid + struct.pack('!II', 1, 2)) + htlv(4, bytes(8)))
    # values of the wrong size
    bad = (htlv(1, b'\x00') + htlv(2, b'\x00') + htlv(3, b'\x00') + htlv(4, b'\x00') + htlv(5, b'\x00') +
           htlv(8, b'\x00') + htlv(9, b'\x00') + htlv(10, b'\x00' * 36) + htlv(32, b'\x00') + htlv(34, b'\x00') +
           htlv(34, struct.pack('!II', 1, 2) + b'\x81' + b'\x00' * 17) +
           htlv(34, struct.pack('!II', 1, 2) + bytes([96 + 40]) + m4 + b'\x00' * 5) +
           htlv(43, b'') + htlv(43, b'\x00\x01') + htlv(43, b'\x83\x01') + htlv(43, b'\x81\x05ab') +
           htlv(37, b'') + htlv(38, b'') + htlv(38, struct.pack('!HH', 23, 4) + b'\x00' * 4) +
           htlv(35, b'\x00') + htlv(36, b'\x00') + htlv(39, b'\x00') + htlv(39, a6(B6) + b'\x01\x05ab') +
           htlv(40, b'') + htlv(41, b'\x00') + htlv(41, a6(B6) + b'\x30') + htlv(42, b'\x00'))
    out.append(htlv(5, nid + struct.pack('!II', 1, 2) + bytes(8) + bad))
    out.append(htlv(5, nid + struct.pack('!II', 1, 2) + bytes(8) + htlv(37, b'\x06\x02\x00\x00')) + htlv(1, b''))
    out.append(htlv(1, b'') + struct.pack('!HH', 4, 40) + bytes(8))
    out.append(htlv(1, b'') + b'\x00\x04')
    out.append(htlv(4, bytes(8))[:8])
    return out
