#!/usr/bin/env python3
"""OSI network layer frames (tests/golden/generate.sh): CLNP (every PDU type,
segmentation part, every option tcpdump decodes, error reports carrying the
original PDU), ES-IS (ESH, ISH, redirect, options), the other NLPIDs (NULL,
IPv4, IPv6, PPP, unknown), carried by 802.2 LLC (SAP 0xfe), GRE (0x00fe),
MPLS and PPPoE; checksums right, wrong and absent; malformed headers."""
import sys, struct
from pktgen import *

def osi_cksum(b, off):
    """tcpdump's create_osi_cksum: the checksum it accepts."""
    c0 = c1 = 0
    for i, v in enumerate(b):
        if i not in (off, off + 1):
            c0 += v
        c1 += c0
    c0 %= 255
    c1 %= 255
    mul = (len(b) - off) * c0
    x = mul - c0 - c1
    y = c1 - mul - 1
    if y >= 0: y += 1
    if x < 0: x -= 1
    x = (abs(x) % 255) * (1 if x >= 0 else -1)     # C's remainder
    y = (abs(y) % 255) * (1 if y >= 0 else -1)
    if x == 0: x = 255
    if y == 0: y = 255
    return ((x << 8) | (y & 0xff)) & 0xffff

def setck(hdr, off, mode):
    if mode == 'ok':
        c = osi_cksum(hdr, off)
    elif mode == 'bad':
        c = osi_cksum(hdr, off) ^ 0x0101
    else:
        c = 0
    return hdr[:off] + struct.pack('!H', c) + hdr[off + 2:]

N1 = bytes.fromhex('49000119216800100100')              # area 49.0001 NET
N2 = bytes.fromhex('4900021921680020020000')
N3 = bytes.fromhex('39840f80113800000000000102030405060708ab')  # 20 bytes
N4 = bytes.fromhex('470005800000a1000000000a4d000001')

def opt(t, v, ln=None):
    return bytes([t, len(v) if ln is None else ln]) + v

def clnp(typ, dst=N1, src=N2, opts=b'', seg=None, data=b'', ck='ok', ver=1,
         life=40, li=None, seglen=None):
    h = bytes([len(dst)]) + dst + bytes([len(src)]) + src
    if seg is not None:
        h += struct.pack('!HHH', *seg)
    h += opts
    hl = 9 + len(h)
    tot = hl + len(data)
    fix = struct.pack('!BBBBBHH', 0x81, hl if li is None else li, ver, life, typ,
                      tot if seglen is None else seglen, 0)
    hdr = fix + h
    if li is None:
        hdr = setck(hdr, 7, ck)
    return hdr + data

def esis(typ, body, opts=b'', ck='ok', hold=300, ver=1, li=None, nlpid=0x82):
    b = body + opts
    hdr = struct.pack('!BBBBBHH', nlpid, 9 + len(b) if li is None else li, ver, 0,
                      typ, hold, 0) + b
    if li is None:
        hdr = setck(hdr, 7, ck)
    return hdr

def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    A, B = '10.77.0.1', '10.77.0.2'
    fr = []
    def llc(p, lt=None, sap=0xfe, ssap=None, ctl=0x03):
        l = bytes([sap, sap if ssap is None else ssap, ctl]) + p
        f = eth(peermac, me, len(l) if lt is None else lt, l)
        return f + b'\0' * (60 - len(f)) if len(f) < 60 else f
    data = bytes(range(0x40, 0x54))

    # --- CLNP: the PDU types, flags, segmentation part
    fr.append(llc(clnp(0x1c | 0x80 | 0x20, seg=(0x1234, 0, 29 + 3 + 20), data=data)))
    fr.append(llc(clnp(0x1c | 0xc0, seg=(0x4321, 64, 512), data=data[:8], ck='bad')))
    fr.append(llc(clnp(0x1d, data=data[:4], ck='zero', life=3)))
    fr.append(llc(clnp(0x1e, dst=N3, src=N4, data=b'echo-request-data')))
    fr.append(llc(clnp(0x05, data=b'\x01\x02')))
    # --- options: QoS (each scope), security, priority, padding, unknown
    fr.append(llc(clnp(0x1e, opts=opt(195, b'\xd5') + opt(197, b'\xc0\x03') +
                       opt(205, b'\x0b') + opt(204, b'\0\0\0') + opt(250, b'\xde\xad\xbe'),
                       data=b'ping')))
    fr.append(llc(clnp(0x1c, opts=opt(195, b'\x40') + opt(195, b'\x80') +
                       opt(195, b'\x00') + opt(195, b'\xc0') + opt(197, b'\x40\x01') +
                       opt(197, b'\x80\x02', ) + opt(197, b'\x00\x00') + opt(204, b''),
                       data=b'x')))
    # source routing and route recording
    fr.append(llc(clnp(0x1c, opts=opt(200, b'\x01\x03' + bytes([len(N1)]) + N1 +
                                      bytes([len(N3)]) + N3), data=b'sr')))
    fr.append(llc(clnp(0x1c, opts=opt(203, b'\x00\x03\x00' + bytes([len(N2)]) + N2 +
                                      b'\x09\x49\x00'), data=b'rr')))
    fr.append(llc(clnp(0x1c, opts=opt(203, b'\x02\x00') + opt(200, b'\x01\x09\x00'))))
    # discard reasons of every class
    rfd = b''.join(opt(193, bytes([v])) for v in
                   (0x00, 0x02, 0x07, 0x08, 0x80, 0x81, 0x82, 0x93, 0xa0, 0xa1, 0xb4,
                    0xb9, 0xc0, 0xc5, 0x31, 0xf0))
    fr.append(llc(clnp(0x1d, opts=rfd, data=b'md')))
    # error reports: the original PDU, or plain data; an echo response
    orig = clnp(0x1c | 0x80 | 0x20, dst=N2, src=N1, seg=(7, 0, 40), data=data[:8])
    fr.append(llc(clnp(0x01, dst=N2, src=N1, opts=opt(193, b'\x82'), data=orig)))
    fr.append(llc(clnp(0x01, dst=N2, src=N1, opts=opt(193, b'\xa0'), data=b'\x45\x00junk')))
    fr.append(llc(clnp(0x1f, dst=N4, src=N3, data=clnp(0x1e, dst=N3, src=N4, data=b'echo'))))
    fr.append(llc(clnp(0x1f, dst=N4, src=N3, data=b'not clnp')))
    # --- malformed CLNP
    fr.append(llc(clnp(0x1c, ver=2, data=b'v2')))
    fr.append(llc(clnp(0x1c, li=200, data=b'')))
    fr.append(llc(clnp(0x1c, li=5)))
    fr.append(llc(bytes([0x81, 9, 1, 20, 0x1c, 0, 9, 0, 0])))           # no addresses
    fr.append(llc(bytes([0x81, 12, 1, 20, 0x1c, 0, 12, 0, 0, 9, 0x49, 0])))  # dst too long
    fr.append(llc(bytes([0x81, 12, 1, 20, 0x1c, 0, 12, 0, 0, 1, 0x49, 5]) + b'\0' * 6))
    fr.append(llc(clnp(0x1c | 0x80, data=b'')[:1] + bytes([30]) + clnp(0x1c | 0x80)[2:30]))
    fr.append(llc(clnp(0x1c, opts=b'\xcd', data=b'odd')))
    fr.append(llc(clnp(0x1c, opts=b'\xcd\x09\x01', data=b'long')))
    fr.append(llc(clnp(0x1c, opts=opt(205, b''), data=b'p0')))
    fr.append(llc(clnp(0x1c, opts=opt(195, b''))))
    fr.append(llc(clnp(0x1c, opts=opt(197, b'\xc0'))))
    fr.append(llc(clnp(0x1c, opts=opt(193, b''))))
    fr.append(llc(clnp(0x1c, opts=opt(200, b'\x01'))))
    fr.append(llc(clnp(0x1c, dst=b'', src=N3 + b'\x01', data=b'nsap')))
    fr.append(llc(clnp(0x1c, li=250, seglen=3)[:9]))
    fr.append(llc(clnp(0x1c | 0x80, li=34, data=b'abcdef')))

    # --- ES-IS
    def na(n):
        return bytes([len(n)]) + n
    fr.append(llc(esis(2, b'\x02' + na(N1) + na(N4),
                       opt(198, b'\x00\x3c') + opt(129, b'\xcc\x8e\x81'))))
    fr.append(llc(esis(2, b'\x01' + na(N2), opt(129, b'\x81\x77') + opt(198, b'\x00\x0a'),
                       ck='bad')))
    fr.append(llc(esis(4, na(N1), opt(195, b'\xc0') + opt(197, b'\x01\x02') +
                       opt(205, b'\x05') + opt(225, b'\xff\xff\x00') +
                       opt(226, b'\xff\xf0') + opt(198, b'\x01') + opt(99, b'\x01\x02\x03'))))
    fr.append(llc(esis(4, na(N3), ck='zero', hold=65535)))
    fr.append(llc(esis(6, na(N3) + b'\x06' + bytes.fromhex('020000000077') + na(N2))))
    fr.append(llc(esis(6, na(N4) + b'\x04\x0a\x4d\x00\x05' + na(N1), opt(198, b'\x00\x1e'))))
    fr.append(llc(esis(6, na(N1) + b'\x00' + b'\x00')))
    fr.append(llc(esis(9, b'\x01\x02\x03\x04\x05')))
    # malformed ES-IS
    fr.append(llc(b'\x82\x0b', lt=5))
    fr.append(llc(esis(2, b'\x01' + na(N1), ver=3)))
    fr.append(llc(esis(2, b'\x01' + na(N1), li=99)))
    fr.append(llc(esis(2, b'\x01' + na(N1), li=10)))
    fr.append(llc(esis(2, b'', li=11) + b'\0\0'))
    fr.append(llc(esis(2, b'\x03' + na(N1))))
    fr.append(llc(esis(2, b'\x01\x14' + N1)))
    fr.append(llc(esis(4, b'\x14' + N1)))
    fr.append(llc(esis(4, na(N1), b'\xc6')))
    fr.append(llc(esis(4, na(N1), b'\xc6\x07\x00')))
    fr.append(llc(esis(6, b'\x14' + N1)))
    fr.append(llc(esis(6, na(N1) + b'\x09\x01')))
    fr.append(llc(esis(6, na(N1))))
    # length indicators that end inside the addresses
    fr.append(llc(esis(2, b'\x03' + na(N1) + na(N2), li=9 + 1 + 11)))
    fr.append(llc(esis(2, b'\x02' + na(N1) + na(N2), li=9 + 1 + 11 + 4)))
    fr.append(llc(esis(2, b'\x02', li=9)))
    fr.append(llc(esis(4, na(N1), li=9 + 5)))
    fr.append(llc(esis(4, na(N1), li=9)))
    fr.append(llc(esis(6, na(N1) + b'\x06' + bytes(6) + na(N2), li=9)))
    fr.append(llc(esis(6, na(N1) + b'\x06' + bytes(6) + na(N2), li=9 + 5)))
    fr.append(llc(esis(6, na(N1) + b'\x06' + bytes(6) + na(N2), li=9 + 11)))
    fr.append(llc(esis(6, na(N1) + b'\x06' + bytes(6) + na(N2), li=9 + 11 + 4)))
    fr.append(llc(esis(6, na(N1) + b'\x06' + bytes(6) + na(N2), li=9 + 11 + 7)))
    fr.append(llc(esis(6, na(N1) + b'\x06' + bytes(6) + na(N2), li=9 + 11 + 7 + 5)))
    fr.append(llc(esis(2, b'\x01' + na(N1), nlpid=0x82, li=21) + b'\x00\x00'))

    # --- the other NLPIDs
    fr.append(llc(b'\x00\x01\x02\x03'))
    fr.append(llc(b'\x85\x01\x02\x03\x04\x05\x06'))
    fr.append(llc(b'\x44', lt=4))
    u = udp(A, B, 4000, 4001, b'osi-ip4')
    fr.append(llc(b'\xcc' + ip4(A, B, 17, u)))
    e6 = icmp6('2001:db8:77::1', '2001:db8:77::2', 128, 0, b'\x00\x01\x00\x07osi')
    fr.append(llc(b'\x8e' + ip6('2001:db8:77::1', '2001:db8:77::2', 58, e6)))
    fr.append(llc(b'\xcf\xff\x03\x00\x21' + ip4(A, B, 17, u)))
    # LLC variants: response bit, a non-UI control
    fr.append(llc(clnp(0x1c, data=b'resp'), ssap=0xff))
    fr.append(llc(clnp(0x1c, data=b'iframe'), ctl=0x00))

    # --- GRE-OSI, MPLS, PPPoE
    g = struct.pack('!HH', 0, 0x00fe) + clnp(0x1c | 0x80, seg=(1, 0, 60), data=data)
    fr.append(eth(peermac, me, 0x0800, ip4(A, B, 47, g)))
    g = struct.pack('!HH', 0, 0x00fe) + esis(4, na(N1))
    fr.append(eth(peermac, me, 0x0800, ip4(A, B, 47, g)))
    m = struct.pack('!I', (1000 << 12) | 0x100 | 64)
    fr.append(eth(peermac, me, 0x8847, m + clnp(0x1e, data=b'mpls')))
    fr.append(eth(peermac, me, 0x8847, m + esis(2, b'\x01' + na(N2))))
    pp = b'\x00\x23' + clnp(0x1c, data=b'pppoe')
    fr.append(eth(peermac, me, 0x8864, struct.pack('!BBHH', 0x11, 0, 0x0042, len(pp)) + pp))
    send_frames(ifn, fr)

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
