#!/usr/bin/env python3
"""IS-IS (ISO 10589) PDUs as two routers on a LAN and a point-to-point
link exchange them, in 802.3 frames with an LLC header (DSAP/SSAP 0xfe,
UI) to the AllL1ISs, AllL2ISs and AllISs addresses: LAN and p2p hellos,
L1/L2 LSPs carrying every TLV tcpdump decodes (reachability old and
extended with TE, GMPLS and segment routing sub-TLVs, multi-topology,
IPv6, router capability, SPB, authentication, restart, purge originator,
instance id, vendor private...), CSNPs and PSNPs, correct, wrong and
zero checksums, and malformed headers, TLVs and sub-TLVs (zero, short
and overlong lengths).  Hand-built, sent on the veth with AF_PACKET.
Usage: crafted_isis.py IFACE PEER_MAC"""
import math, struct, sys
from pktgen import *

ALL_L1 = '01:80:c2:00:00:14'
ALL_L2 = '01:80:c2:00:00:15'
ALL_IS = '09:00:2b:00:00:05'

R1 = bytes.fromhex('192000770001')
R2 = bytes.fromhex('192000770002')
R3 = bytes.fromhex('0000.5e00.5311'.replace('.', ''))


def ip(a):
    return bytes(int(x) for x in a.split('.'))


def ip6a(a):
    import socket
    return socket.inet_pton(socket.AF_INET6, a)


def cmod(a, m):
    return int(math.fmod(a, m))


def osi_cksum(data, off):
    """tcpdump's create_osi_cksum: the value it calls correct"""
    c0 = c1 = 0
    for i, b in enumerate(data):
        if i != off and i != off + 1:
            c0 += b
        c1 += c0
    c0 %= 255
    c1 %= 255
    mul = ((len(data) - off) * c0) & 0xffffffff
    x = (mul - c0 - c1) & 0xffffffff
    x = x - (1 << 32) if x >= 1 << 31 else x
    y = (c1 - mul - 1) & 0xffffffff
    y = y - (1 << 32) if y >= 1 << 31 else y
    if y >= 0:
        y += 1
    if x < 0:
        x -= 1
    x = cmod(x, 255)
    y = cmod(y, 255)
    if x == 0:
        x = 255
    if y == 0:
        y = 255
    return ((x << 8) | (y & 0xff)) & 0xffff


def tlv(t, body=b'', ln=None):
    return struct.pack('!BB', t, len(body) if ln is None else ln) + body


def common(ptype, flen, ver=1, idlen=0, pver=1, maxarea=0):
    return struct.pack('!BBBBBBBB', 0x83, flen, ver, idlen, ptype, pver, 0, maxarea)


def fix_cksum_tlv(pdu, pos):
    """fill a checksum TLV whose value starts at pos (whole-PDU checksum)"""
    c = osi_cksum(pdu, pos)
    return pdu[:pos] + struct.pack('!H', c) + pdu[pos + 2:]


def lan_iih(level, src, lanid, prio, tlvs, hold=30, ctype=None, pdu_len=None, flen=27, **kw):
    ctype = level if ctype is None else ctype
    body = b''.join(tlvs)
    n = 27 + len(body) if pdu_len is None else pdu_len
    return common(15 if level == 1 else 16, flen, **kw) + \
        struct.pack('!B6sHHB7s', ctype, src, hold, n, prio, lanid) + body


def p2p_iih(src, circ, tlvs, ctype=3, hold=30, pdu_len=None, flen=20):
    body = b''.join(tlvs)
    n = 20 + len(body) if pdu_len is None else pdu_len
    return common(17, flen) + struct.pack('!B6sHHB', ctype, src, hold, n, circ) + body


def lsp(level, lspid, seq, life, tlvs, flags=0x03, ck='ok', pdu_len=None, flen=27):
    body = b''.join(tlvs)
    n = 27 + len(body) if pdu_len is None else pdu_len
    pdu = common(18 if level == 1 else 20, flen) + \
        struct.pack('!HH8sIHB', n, life, lspid, seq, 0, flags) + body
    if ck == 'ok':
        c = osi_cksum(pdu[12:], 12)
    elif ck == 'bad':
        c = osi_cksum(pdu[12:], 12) ^ 0x0101
    else:
        c = ck
    return pdu[:24] + struct.pack('!H', c) + pdu[26:]


def csnp(level, src, start, end, tlvs, pdu_len=None):
    body = b''.join(tlvs)
    n = 33 + len(body) if pdu_len is None else pdu_len
    return common(24 if level == 1 else 25, 33) + struct.pack('!H7s8s8s', n, src, start, end) + body


def psnp(level, src, tlvs, pdu_len=None, flen=17):
    body = b''.join(tlvs)
    n = 17 + len(body) if pdu_len is None else pdu_len
    return common(26 if level == 1 else 27, flen) + struct.pack('!H7s', n, src) + body


def lsp_entry(life, lspid, seq, ck):
    return struct.pack('!H8sIH', life, lspid, seq, ck)


def area(*areas):
    return tlv(1, b''.join(bytes([len(a)]) + a for a in areas))


def metric(d, delay=0x80, exp=0x80, err=0x80):
    return bytes([d, delay, exp, err])


def ext_is(node, m, subs=b'', sublen=None):
    return node + m.to_bytes(3, 'big') + bytes([len(subs) if sublen is None else sublen]) + subs


def sub(t, body, ln=None):
    return struct.pack('!BB', t, len(body) if ln is None else ln) + body


def bw(mbps):
    return struct.pack('!f', mbps * 1e6 / 8)


def ext_ip4(m, plen, prefix, subs=None, down=False, ctl=None):
    nb = (plen + 7) // 8
    c = (0x80 if down else 0) | (0x40 if subs is not None else 0) | plen
    c = c if ctl is None else ctl
    b = struct.pack('!IB', m, c) + ip(prefix)[:nb]
    if subs is not None:
        b += bytes([len(subs)]) + subs
    return b


def ext_ip6(m, plen, prefix, subs=None, down=False, ext=False):
    nb = (plen + 7) // 8
    c = (0x80 if down else 0) | (0x40 if ext else 0) | (0x20 if subs is not None else 0)
    b = struct.pack('!IBB', m, c, plen) + ip6a(prefix)[:nb]
    if subs is not None:
        b += bytes([len(subs)]) + subs
    return b


def mcid(fmt, name, rev, dig):
    return bytes([fmt]) + name.ljust(32, b'\0')[:32] + struct.pack('!H', rev) + dig


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def s(pdu, dst=ALL_L1, src=None):
        llc = b'\xfe\xfe\x03' + pdu
        fr.append(mac(dst) + mac(src or me) + struct.pack('!H', len(llc)) + llc)

    A49 = bytes.fromhex('490001')
    A39 = bytes.fromhex('39840f80113800000000000000000001')
    LAN1 = R2 + b'\x01'
    node1 = R1 + b'\x00'
    node2 = R2 + b'\x00'
    pad = tlv(8, bytes(40))

    # ---------------------------------------------------------------- hellos
    p = lan_iih(1, R1, LAN1, 64, [
        tlv(129, b'\xcc\x8e'), area(A49, A39), tlv(6, mac(peermac)),
        tlv(132, ip('10.77.0.1') + ip('192.0.2.1')), tlv(232, ip6a('2001:db8:77::1')),
        tlv(211, b'\x01' + struct.pack('!H', 90) + R2), tlv(229, b'\x00\x00\x00\x02\x40\x03'),
        tlv(12, b'\x00\x00'), pad])
    p = fix_cksum_tlv(p, p.index(b'\x0c\x02\x00\x00') + 2)
    s(p)
    p = lan_iih(2, R2, LAN1, 0xc0, [
        area(A49), tlv(129, b'\xcc'), tlv(10, b'\x36' + bytes(range(16))),
        tlv(12, b'\x00\x00'), tlv(7, struct.pack('!HHH', 7, 1, 2)),
        tlv(241, struct.pack('!I', 123456)), tlv(211, b'\x06'), tlv(211, b'\x02\x00'),
        tlv(211, b'\x00\x00\x0a'), tlv(6, mac(me) + mac(peermac))], ctype=2)
    s(p, ALL_L2)
    p = lan_iih(1, R2, LAN1, 64, [
        tlv(12, b'\x12\x34'), tlv(10, b'\x01' + b'isis-pw\x07\xe9'), area(A49),
        tlv(7, struct.pack('!H', 9) + b'\x00'), tlv(7, b'\x00\x01'),
        tlv(241, b'\x00\x00\x01'), tlv(6, b'\x02\x00\x00\x00\x00'), tlv(1, b'\x05\x49\x00')],
        ctype=0)
    s(p)
    p = p2p_iih(R1, 0x01, [
        tlv(240, b'\x00' + struct.pack('!I', 0x01000002) + R2 + struct.pack('!I', 0x0a)),
        tlv(129, b'\xcc\x8e\x81\x42'), area(A49), tlv(132, ip('10.77.0.1')),
        tlv(10, b'\x03' + struct.pack('!H', 0x1234) + bytes(range(20))),
        tlv(99, b'\x01\x02\x03'), tlv(229, b'\x00\x02\x0f\xff\x00'),
        tlv(240, b'\x01'), tlv(240, b'\x02' + struct.pack('!I', 7)), tlv(240, b'\x07' + R2),
        tlv(240, b'')], ctype=3)
    s(p, ALL_IS)
    p = p2p_iih(R2, 0x02, [
        tlv(143, struct.pack('!H', 0x1001) +
            sub(4, mcid(0, b'region-a', 5, bytes(range(16))) + mcid(1, b'aux', 6, bytes(16))) +
            sub(5, b'\xb6' + bytes(range(32))) +
            sub(6, struct.pack('!IH', 0x0080c201, 0x0641) + struct.pack('!IH', 0x0080c202, 0x0c8c))),
        tlv(143, struct.pack('!H', 1) + sub(4, bytes(20)) + sub(6, b'\x00\x80\xc2\x01\x00')),
        tlv(143, struct.pack('!H', 1) + sub(5, bytes(8), 40)),
        tlv(143, struct.pack('!H', 2) + sub(7, b'\x01\x02') + b'\x00\x00'),
        tlv(10, b'\x36' + bytes(10)), tlv(10, b'\x02\x01\x02'), tlv(10, b'\xff\xaa\xbb'),
        tlv(10, b'\x03\x00'), tlv(10, b'')], ctype=1)
    s(p, ALL_IS)

    # ---------------------------------------------------------------- LSPs
    te = (sub(3, struct.pack('!I', 0x00000005)) + sub(4, struct.pack('!II', 7, 9)) +
          sub(5, struct.pack('!I', 11)) + sub(6, ip('10.77.0.1')) + sub(8, ip('10.77.0.2')) +
          sub(9, bw(10000)) + sub(10, bw(8000)) +
          sub(11, b''.join(bw(1000 * i) for i in range(8))) + sub(18, b'\x00\x00\x0a') +
          sub(19, b'\x00\x05') + sub(20, b'\x0a\x07') + sub(29, b'\x00\x00\x14\x02\x00\x01'))
    p = lsp(1, R1 + b'\x00\x00', 0x2a, 1199, [
        area(A49), tlv(129, b'\xcc\x8e'), tlv(137, b'r1.example'), tlv(134, ip('10.77.0.1')),
        tlv(132, ip('10.77.0.1')),
        tlv(2, b'\x00' + metric(10) + node2 + metric(0x4a, 0x05, 0x45, 0x3f) + LAN1),
        tlv(3, metric(20, 0x80, 0x02) + R3),
        tlv(128, metric(10) + ip('10.77.0.0') + ip('255.255.255.0') +
            metric(0x85, 0x01, 0x80, 0x41) + ip('192.0.2.0') + ip('255.0.255.0')),
        tlv(130, metric(0x4f) + ip('198.51.100.0') + ip('255.255.255.128')),
        tlv(22, ext_is(LAN1, 10, te) + ext_is(node2, 0xfffffe)),
        tlv(135, ext_ip4(10, 24, '10.77.0.0') + ext_ip4(20, 32, '10.77.0.1', down=True) +
            ext_ip4(0, 0, '0.0.0.0') + ext_ip4(30, 28, '192.0.2.16', subs=sub(1, struct.pack('!II', 100, 0xdeadbeef)))),
        tlv(236, ext_ip6(10, 64, '2001:db8:77::') + ext_ip6(5, 128, '2001:db8:77::1', ext=True, down=True) +
            ext_ip6(0, 0, '::') + ext_ip6(7, 48, '2001:db8:77::', subs=sub(2, struct.pack('!Q', 0x0102030405060708)))),
    ])
    s(p)
    p = lsp(2, R1 + b'\x00\x01', 0x2b, 1200, [
        tlv(22, ext_is(LAN1, 20,
                       sub(21, bytes([1, 2, 0, 0]) + b''.join(bw(100 * i) for i in range(8)) + bw(1) + b'\x05\xdc') +
                       sub(21, bytes([100, 5, 0, 0]) + b''.join(bw(10) for i in range(8)) + bw(2) + b'\x01\x00\x00\x00') +
                       sub(21, bytes([150, 8, 0, 0]) + b''.join(bw(0) for i in range(8)) + b'\xaa\xbb') +
                       sub(21, bytes([51, 2, 0, 0]) + bytes(32)) +
                       sub(22, b'\x00' + bw(100) + bw(50) + b'\x01\x02') + sub(12, b'\x01' + bw(1)) +
                       sub(22, b'') + sub(19, b'\x00\x00\x80\x00'))),
        tlv(22, ext_is(LAN1, 30,
                       sub(32, b'\x30\x05' + R2 + b'\x00\x3e\x80') + sub(32, b'\x00\x01' + R2 + b'\x00\x00\x3e\x80') +
                       sub(32, b'\xe4\x02' + R2 + b'\x00\x10') + sub(99, b'\x01\x02\x03') +
                       sub(250, b'\xca\xfe') + sub(255, b'') + sub(3, b'\x01'))),
        tlv(135, ext_ip4(10, 32, '10.77.0.1', subs=sub(3, b'\x40\x00\x00\x00\x00\x01') +
                         sub(3, b'\x2c\x01\x00\x3e\x80') + sub(117, struct.pack('!I', 3)) +
                         sub(4, b'\x00\x01'))),
        tlv(222, struct.pack('!H', 0x8002) + ext_is(node2, 10) + ext_is(LAN1, 15, sub(18, b'\x00\x00\x02'))),
        tlv(235, struct.pack('!H', 0x4001) + ext_ip4(10, 24, '10.77.0.0') + ext_ip4(1, 25, '192.0.2.128')),
        tlv(237, struct.pack('!H', 0x0002) + ext_ip6(10, 64, '2001:db8:77::') +
            ext_ip6(1, 128, '2001:db8:77::2', subs=sub(1, struct.pack('!I', 42)))),
        tlv(237, struct.pack('!H', 0x0ffe) + ext_ip6(2, 0, '::')),
        tlv(24, R3 + b'\x00' + b'\x00' + R2 + b'\x01' + b'\x03' + sub(3, b'\x00')),
        tlv(242, ip('10.77.0.1') + b'\x03' + sub(2, b'\xc0\x00\x1f\x40' + sub(1, b'\x00\x3e\x80')) +
            sub(2, b'\x80\x00\x00\x10' + sub(1, b'\x00\x00\x03\xe8')) +
            sub(2, b'\x40\x00\x00\x10' + sub(1, b'\x00\x00') + b'\x00') +
            sub(2, b'\x00\x00\x00\x08' + sub(7, b'\x01\x02\x03')) + sub(19, b'\x05\x06')),
        tlv(242, ip('192.0.2.1') + b'\x00'),
    ], flags=0x7b)
    s(p, ALL_L2)
    p = lsp(1, R2 + b'\x01\x00', 0x7fffffff, 300, [
        tlv(138, node2 + b'\x01' + ip('10.77.0.2') + ip('10.77.0.1') + struct.pack('!II', 1, 2)),
        tlv(138, node2 + b'\x00' + ip('10.77.0.2')), tlv(138, node2 + b'\x00'), tlv(138, node2),
        tlv(138, b'\x01\x02'), tlv(138, node2 + b'\x01' + bytes(8) + b'\x01\x02'),
        tlv(4, R1 + R2), tlv(4, R1 + b'\x01'),
        tlv(5, metric(10, 0x80, 0x80, 0x05) + b'\x06\x49\x00\x01' + b'\x0c' + A49 + b'\x00\x01\x02' +
            b'\x01'),
        tlv(5, metric(1) + b'\x28' + bytes(20)), tlv(5, metric(1) + b'\x06\x49'), tlv(5, b'\x00'),
        tlv(14, struct.pack('!H', 1492)), tlv(14, b'\x05'),
        tlv(131, b'\x02' + struct.pack('!H', 64496)), tlv(131, b'\x01\x0a\x0b\x0c'),
        tlv(131, b'\x00'), tlv(131, b'\x07\x01'), tlv(131, b'\x02\x01'), tlv(131, b''),
        tlv(250, b'\x00\x00\x0c\x01\x02\x03'), tlv(250, b'\x00\x90\x69'), tlv(250, b'\x12\x34'),
        tlv(42, b'\x01\x02'), tlv(66, b'\x03'), tlv(133, b'\x01\x02\x03\x04'), tlv(176, b'\x05'),
        tlv(177, b''), tlv(137, b'host\x01\x80\xffname\x00tail'), tlv(137, b''),
        tlv(134, b'\x0a\x4d'), tlv(132, ip('10.77.0.2') + b'\x0a'), tlv(232, bytes(8)),
    ], flags=0x01, ck='bad')
    s(p)
    p = lsp(2, R2 + b'\x00\x00', 5, 1000, [
        tlv(144, struct.pack('!H', 0x8001) +
            sub(1, bytes.fromhex('8000020000005e00') + struct.pack('!IHIB', 10, 0x8000, 0x00112345, 2) +
                b'\xe0' + struct.pack('!I', 0x0080c201) + b'\x00\x10\x64' +
                b'\x40' + struct.pack('!I', 0x0080c202) + b'\x00\x20\xc8') +
            sub(3, bytes.fromhex('00005e005312') + struct.pack('!H', 0x1064) +
                struct.pack('!II', 0x80000100, 0x4a000200)) +
            sub(9, b'\x01')),
        tlv(144, struct.pack('!H', 2) + sub(1, bytes(10))),
        tlv(144, struct.pack('!H', 2) + sub(1, bytes(18) + b'\x02' + bytes(8))),
        tlv(144, struct.pack('!H', 2) + sub(3, bytes(6)) + b'\x00'),
        tlv(144, struct.pack('!H', 2) + sub(3, bytes(4), 9)),
        tlv(144, b'\x00'),
        tlv(13, b'\x02' + R1 + R2), tlv(13, b'\x01' + R1), tlv(13, b'\x00'),
        tlv(13, b'\x01\x02'), tlv(13, b'\x02' + R1), tlv(13, b''),
    ], flags=0x84, ck=0)
    s(p, ALL_L2)
    # a purge with the originator, an LSP with every ATT bit
    s(lsp(2, R2 + b'\x00\x00', 6, 0, [tlv(13, b'\x01' + R2), tlv(137, b'r2')], flags=0x7a))
    s(lsp(1, R1 + b'\x00\x00', 0x2c, 65535, [tlv(129, b'\xcc')], flags=0x02))
    s(lsp(1, R1 + b'\x00\x00', 0x2d, 1, [tlv(129, b'\xcc')], flags=0x00, ck='bad'))

    # ------------------------------------------------------- CSNPs and PSNPs
    ents = (lsp_entry(1199, R1 + b'\x00\x00', 0x2a, 0x1234) +
            lsp_entry(300, R2 + b'\x01\x00', 0x7fffffff, 0xbeef) +
            lsp_entry(0, R2 + b'\x00\x00', 6, 0))
    s(csnp(1, LAN1, bytes(8), b'\xff' * 8, [tlv(9, ents), tlv(12, b'\x00\x00'), tlv(9, ents[:20])]))
    s(csnp(2, LAN1, R1 + b'\x00\x00', R2 + b'\xff\xff', [tlv(9, ents[:16])]), ALL_L2)
    p = psnp(1, node1, [tlv(9, ents[16:]), tlv(12, b'\x00\x00'), tlv(10, b'\x01secret')])
    p = fix_cksum_tlv(p, p.index(b'\x0c\x02\x00\x00') + 2)
    s(p)
    s(psnp(2, node2, [tlv(9, ents[:16]), tlv(12, b'\x0f')]), ALL_L2)

    # ----------------------------------------------------- malformed headers
    s(common(15, 27, ver=2) + bytes(19))
    s(common(15, 27, idlen=4) + bytes(19))
    s(common(15, 27, pver=3) + bytes(19))
    s(common(15, 60) + bytes(19))
    s(common(15, 5) + bytes(19))
    s(common(15, 27, maxarea=255) + bytes(19))
    s(common(15, 27, idlen=6, maxarea=2) + struct.pack('!B6sHHB7s', 1, R1, 30, 46, 64, LAN1))
    s(common(30, 8) + b'\x01\x02\x03\x04')
    s(common(0x2f, 8) + b'')
    s(lan_iih(1, R1, LAN1, 64, [], flen=20) + bytes(8))
    s(p2p_iih(R1, 1, [], flen=27) + bytes(8), ALL_IS)
    s(lsp(1, R1 + b'\x00\x00', 1, 1, [], flen=33) + bytes(8))
    s(csnp(1, node1, bytes(8), bytes(8), [])[:1] + b'\x20' + csnp(1, node1, bytes(8), bytes(8), [])[2:])
    s(psnp(1, node1, [], flen=18) + b'\x00')
    s(b'\x83\x1b\x01')
    # PDU lengths shorter or longer than the frame
    s(lan_iih(1, R1, LAN1, 64, [area(A49), tlv(129, b'\xcc')], pdu_len=20))
    s(lan_iih(1, R1, LAN1, 64, [area(A49), tlv(129, b'\xcc')], pdu_len=33))
    s(lan_iih(1, R1, LAN1, 64, [area(A49), tlv(129, b'\xcc')], pdu_len=300))
    s(p2p_iih(R1, 1, [tlv(129, b'\xcc')], pdu_len=0), ALL_IS)
    s(lsp(1, R1 + b'\x00\x00', 9, 9, [tlv(129, b'\xcc')], pdu_len=10))
    s(csnp(1, node1, bytes(8), bytes(8), [tlv(9, ents[:16])], pdu_len=40))
    s(psnp(2, node2, [tlv(9, ents[:16])], pdu_len=1000), ALL_L2)
    # TLVs longer than the PDU, a lone type byte
    s(lan_iih(1, R1, LAN1, 64, [area(A49), tlv(129, b'\xcc', 40)]))
    s(lan_iih(1, R1, LAN1, 64, [area(A49), b'\x81']))
    # truncating TLV and sub-TLV decoders end the PDU
    s(lsp(1, R1 + b'\x00\x00', 10, 10, [tlv(22, ext_is(node2, 1) + node2), tlv(129, b'\xcc')]))
    s(lsp(1, R1 + b'\x00\x00', 11, 11, [tlv(135, ext_ip4(1, 24, '10.77.0.0', ctl=40) + b'\x00' * 3),
                                        tlv(129, b'\xcc')]))
    s(lsp(1, R1 + b'\x00\x00', 12, 12, [tlv(236, struct.pack('!IBB', 1, 0, 200) + bytes(8))]))
    s(lsp(1, R1 + b'\x00\x00', 13, 13, [tlv(135, ext_ip4(1, 24, '10.77.0.0', subs=sub(3, b'\x08\x00\x01\x02'))),
                                        tlv(129, b'\xcc')]))
    s(lsp(1, R1 + b'\x00\x00', 14, 14, [tlv(135, ext_ip4(1, 24, '10.77.0.0', subs=sub(1, b'\x01\x02\x03\x04', 9))),
                                        tlv(129, b'\xcc')]))
    s(lsp(1, R1 + b'\x00\x00', 15, 15, [tlv(222, b'\x00'), tlv(129, b'\xcc')]))
    s(lsp(1, R1 + b'\x00\x00', 16, 16, [tlv(235, b''), tlv(129, b'\xcc')]))
    s(lsp(1, R1 + b'\x00\x00', 17, 17, [tlv(128, metric(1) + ip('10.77.0.0')[:3] + bytes(3)),
                                        tlv(129, b'\xcc')]))
    s(lsp(1, R1 + b'\x00\x00', 18, 18, [tlv(135, ext_ip4(1, 24, '10.77.0.0') + b'\x00'), tlv(129, b'\xcc')]))
    s(lsp(1, R1 + b'\x00\x00', 19, 19, [
        tlv(22, ext_is(node2, 5, sub(9, bw(1)), sublen=10)),
        tlv(22, ext_is(node2, 6, sub(9, bw(1)) + b'\x03', sublen=7)),
        tlv(22, ext_is(node2, 7, sub(9, bw(1) + b'\x00', 9), sublen=9)),
        tlv(22, ext_is(node2, 8, sub(9, bw(1), 20), sublen=32)),
        tlv(22, ext_is(node2, 9, sub(10, b'\x01\x02\x03') + sub(11, bytes(8)) + sub(9, b'\x01') +
                       sub(18, b'\x01\x02') + sub(20, b'\x01') + sub(29, bytes(5)) + sub(32, bytes(7)) +
                       sub(21, bytes(35)) + sub(6, b'\x0a') + sub(4, bytes(6)))),
        tlv(22, ext_is(node2, 10, sub(11, bytes(32)) + sub(9, bw(2), 20), sublen=60)), tlv(8, bytes(24)),
        tlv(22, node2 + b'\x00\x00\x05'), tlv(129, b'\xcc')]))
    s(lsp(1, R1 + b'\x00\x00', 22, 22, [tlv(22, ext_is(node2, 6, sub(9, bw(1)) + b'\x03\x00', sublen=7))]))
    s(lsp(1, R1 + b'\x00\x00', 20, 20, [tlv(2, b'\x02' + metric(1) + node2), tlv(2, b'\x00' + metric(1)),
                                        tlv(2, b''), tlv(3, metric(1) + R3[:4]), tlv(9, ents[:10]),
                                        tlv(229, b'\x00\x02\x00'), tlv(1, b'\x00\x03\x49\x00'),
                                        tlv(242, b'\x0a\x4d\x00'), tlv(8, b''),
                                        tlv(24, node2 + b'\x02' + sub(3, b'\x00\x00\x00\x01'))]))
    # a sub-TLV longer than the sub-TLV block: tcpdump reads on to the end
    s(lsp(1, R1 + b'\x00\x00', 21, 21, [tlv(135, struct.pack('!IB', 1, 0x58) + b'\x0a\x4d\x00\x03' +
                                            sub(1, b'\x00\x00\x00\x01') + b'\x00\x00\x00\x05\x08\x0a')]))

    send_frames(ifn, fr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
