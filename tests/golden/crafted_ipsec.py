#!/usr/bin/env python3
"""IPsec frames without keys: AH (RFC 4302) over IPv4 and IPv6 carrying
ICMP, UDP, TCP and other headers, IPComp (RFC 3173), ESP, and the UDP 4500
encapsulation of RFC 3948 (NAT keepalive, ESP), with malformed and cut
headers.  Sent on a veth inside the test netns only.
Usage: crafted_ipsec.py IFACE PEER_MAC"""
import struct, sys
from pktgen import *


def ifmac(ifn):
    return open('/sys/class/net/%s/address' % ifn).read().strip()


def ah(nh, payload, spi, seq, icv, rsv=0, plen=None):
    """An AH header; plen overrides the length field (32-bit words - 2)."""
    if plen is None:
        plen = (12 + len(icv)) // 4 - 2
    return struct.pack('!BBHII', nh, plen, rsv, spi, seq) + icv + payload


def esp(spi, seq, body):
    return struct.pack('!II', spi, seq) + body


def ipcomp(nh, cpi, body, flags=0):
    return struct.pack('!BBH', nh, flags, cpi) + body


def ike1_hdr(icookie, rcookie, np, exch, flags, msgid, body):
    return struct.pack('!8s8sBBBBII', icookie, rcookie, np, 0x10, exch, flags,
                       msgid, 28 + len(body)) + body


def main(ifn, peermac):
    me = ifmac(ifn)
    A, B = '10.77.0.1', '10.77.0.2'
    A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
    E4 = lambda p: eth(peermac, me, 0x0800, p)
    E6 = lambda p: eth(peermac, me, 0x86dd, p)
    fr = []
    sha1 = bytes.fromhex('8f3a5c0de19b27a64c11d0e2')          # HMAC-SHA1-96
    sha256 = bytes.fromhex('5b1e9c7a03d4f2886ea1c0b3947d2e51')  # HMAC-SHA256-128
    ping = icmp4(8, 0, struct.pack('!HH', 0x77, 1) + b'ipsec-ah-ping...')
    ping6 = icmp6(A6, B6, 128, 0, struct.pack('!HH', 0x77, 1) + b'ipsec-ah-ping6..')

    # --- AH over IPv4: ICMP, UDP, TCP (SYN and data), several ICV sizes
    fr.append(E4(ip4(A, B, 51, ah(1, ping, 0x00001000, 1, sha1))))
    fr.append(E4(ip4(A, B, 51, ah(17, udp(A, B, 40500, 9000, b'udp under ah'), 0x00001000, 2, sha1))))
    fr.append(E4(ip4(A, B, 51, ah(6, tcp(A, B, 40501, 5010, 1000, 0, 0x002,
        opts=bytes([2, 4, 5, 0xb4])), 0xc0ffee01, 3, sha256))))
    fr.append(E4(ip4(A, B, 51, ah(6, tcp(A, B, 40501, 5010, 1001, 77, 0x018,
        data=b'GET / HTTP/1.0\r\n\r\n'), 0xc0ffee01, 0xfffffffe, sha256))))
    fr.append(E4(ip4(B, A, 51, ah(1, icmp4(0, 0, struct.pack('!HH', 0x77, 1) + b'ipsec-ah-ping...'),
        0x00002000, 1, sha1))))
    # DNS under AH (port 53 still picks the DNS printer)
    q = struct.pack('!HHHHHH', 0x4242, 0x0100, 1, 0, 0, 0) + b'\x04ipsec\x07example\x00' + struct.pack('!HH', 1, 1)
    fr.append(E4(ip4(A, B, 51, ah(17, udp(A, B, 40502, 53, q), 0x00001000, 4, sha1))))
    # reserved field set, maximal SPI and sequence number
    fr.append(E4(ip4(A, B, 51, ah(17, udp(A, B, 40503, 9000, b'rsv'), 0xffffffff, 0xffffffff, sha1, rsv=0xbeef))))
    fr.append(E4(ip4(A, B, 51, ah(17, udp(A, B, 40503, 9000, b'rsv1'), 0, 0, sha1, rsv=1))))
    # no ICV (length field 1) and a length field 0, shorter than the fixed part
    fr.append(E4(ip4(A, B, 51, ah(1, ping, 0x00001001, 5, b''))))
    fr.append(E4(ip4(A, B, 51, ah(1, ping, 0x00001002, 6, b'', plen=0))))
    # length field larger than the packet: the ICV runs off the end
    fr.append(E4(ip4(A, B, 51, ah(17, udp(A, B, 40504, 9000, b'x'), 0x00001003, 7, sha1, plen=200))))
    # length field exactly covering the rest: nothing follows the AH
    fr.append(E4(ip4(A, B, 51, ah(6, b'', 0x00001004, 8, sha1))))
    # header cut inside the fixed part, and no AH byte at all
    fr.append(E4(ip4(A, B, 51, ah(1, b'', 0x00001005, 9, b'')[:10])))
    fr.append(E4(ip4(A, B, 51, ah(1, b'', 0x00001005, 9, b'')[:3])))
    fr.append(E4(ip4(A, B, 51, b'\x01')))
    fr.append(E4(ip4(A, B, 51, b'')))
    # AH then ESP, IPComp, a nested AH, IP in IP, unknown, ICMPv6 in IPv4,
    # no next header
    fr.append(E4(ip4(A, B, 51, ah(50, esp(0x0badf00d, 17, bytes(range(24))), 0x00001006, 10, sha1))))
    fr.append(E4(ip4(A, B, 51, ah(108, ipcomp(17, 0x0002, bytes(range(30))), 0x00001007, 11, sha1))))
    fr.append(E4(ip4(A, B, 51, ah(51, ah(17, udp(A, B, 40505, 9000, b'nested'), 0x00003000, 1, sha256),
        0x00001008, 12, sha1))))
    inner = ip4('10.77.0.9', '10.77.0.10', 17, udp('10.77.0.9', '10.77.0.10', 9000, 9001, b'tunnel'))
    fr.append(E4(ip4(A, B, 51, ah(4, inner, 0x00001009, 13, sha1))))
    fr.append(E4(ip4(A, B, 51, ah(253, b'\x01\x02\x03\x04opaque', 0x0000100a, 14, sha1))))
    fr.append(E4(ip4(A, B, 51, ah(58, ping6, 0x0000100b, 15, sha1))))
    fr.append(E4(ip4(A, B, 51, ah(59, b'', 0x0000100c, 16, sha1))))
    # UDP under AH with a bad checksum (seen with -vv)
    u = bytearray(udp(A, B, 40506, 9000, b'badsum'))
    u[6:8] = b'\x12\x34'
    fr.append(E4(ip4(A, B, 51, ah(17, bytes(u), 0x0000100d, 17, sha1))))
    # a later fragment: the AH is not decoded
    fr.append(E4(ip4(A, B, 51, ah(17, udp(A, B, 40507, 9000, b'frag'), 0x0000100e, 18, sha1),
        df=False, frag=0x2000 | 3)))

    # --- AH over IPv6: ICMPv6, UDP, TCP, after a destination options header
    fr.append(E6(ip6(A6, B6, 51, ah(58, ping6, 0x00004000, 1, sha1))))
    fr.append(E6(ip6(A6, B6, 51, ah(17, udp(A6, B6, 40600, 9000, b'udp6 under ah', v6=True),
        0x00004000, 2, sha256))))
    fr.append(E6(ip6(A6, B6, 51, ah(6, tcp(A6, B6, 40601, 5010, 2000, 0, 0x002, v6=True),
        0x00004000, 3, sha1))))
    dst = bytes([51, 0, 1, 4, 0, 0, 0, 0])
    fr.append(E6(ip6(A6, B6, 60, dst + ah(58, ping6, 0x00004001, 4, sha1))))
    fr.append(E6(ip6(A6, B6, 51, ah(1, ping, 0x00004002, 5, sha1))))
    fr.append(E6(ip6(A6, B6, 51, ah(17, udp(A6, B6, 40602, 9000, b'x', v6=True), 0x00004003, 6,
        sha1, plen=100))))
    fr.append(E6(ip6(A6, B6, 51, ah(58, b'', 0x00004004, 7, b'')[:7])))
    fr.append(E6(ip6(A6, B6, 51, ah(41, ip6(A6, B6, 59, b''), 0x00004005, 8, sha1, rsv=0x8000))))

    # --- IPComp over IPv4 and IPv6 (deflate, LZS, unknown CPI), cut headers
    fr.append(E4(ip4(A, B, 108, ipcomp(17, 0x0002, bytes.fromhex('789c4b4c4a4e49cd4bcfc804001bd9041f') * 3))))
    fr.append(E4(ip4(A, B, 108, ipcomp(6, 0x0003, bytes(40), flags=0xff))))
    fr.append(E4(ip4(A, B, 108, ipcomp(4, 0xabcd, b'lzjh'))))
    fr.append(E4(ip4(A, B, 108, ipcomp(17, 0x0002, b'')[:3])))
    fr.append(E4(ip4(A, B, 108, ipcomp(17, 0x0002, b''))))
    fr.append(E6(ip6(A6, B6, 108, ipcomp(58, 0x0002, bytes(range(20))))))
    fr.append(E6(ip6(A6, B6, 108, ipcomp(58, 0x8001, b'')[:2])))

    # --- plain ESP, IPv4 and IPv6, and one that ends after its header
    fr.append(E4(ip4(A, B, 50, esp(0x00005000, 1, bytes(range(48))))))
    fr.append(E6(ip6(A6, B6, 50, esp(0x00005001, 2, bytes(range(64))))))
    fr.append(E4(ip4(A, B, 50, esp(0x00005002, 3, b''))))

    # --- UDP 4500 (RFC 3948)
    # NAT keepalives, both directions, and over IPv6
    fr.append(E4(ip4(A, B, 17, udp(A, B, 4500, 4500, b'\xff'))))
    fr.append(E4(ip4(B, A, 17, udp(B, A, 4500, 4500, b'\xff'))))
    fr.append(E6(ip6(A6, B6, 17, udp(A6, B6, 4500, 4500, b'\xff', v6=True))))
    # one byte that is not a keepalive, empty, two and three bytes
    fr.append(E4(ip4(A, B, 17, udp(A, B, 4500, 4500, b'\x00'))))
    fr.append(E4(ip4(A, B, 17, udp(A, B, 4500, 4500, b''))))
    fr.append(E4(ip4(A, B, 17, udp(A, B, 4500, 4500, b'\xff\xff'))))
    fr.append(E4(ip4(A, B, 17, udp(A, B, 4500, 4500, b'\x01\x02\x03'))))
    # ESP in UDP: NAT port on one side only, IPv6, a header only, a short one
    fr.append(E4(ip4(A, B, 17, udp(A, B, 4500, 4500, esp(0xcafe0001, 1, bytes(range(60)))))))
    fr.append(E4(ip4(B, A, 17, udp(B, A, 4500, 4500, esp(0x7e570002, 1, bytes(range(44)))))))
    fr.append(E4(ip4(A, B, 17, udp(A, B, 54321, 4500, esp(0xcafe0001, 2, bytes(32))))))
    fr.append(E4(ip4(B, A, 17, udp(B, A, 4500, 54321, esp(0x7e570002, 2, bytes(32))))))
    fr.append(E6(ip6(A6, B6, 17, udp(A6, B6, 4500, 4500, esp(0xcafe0003, 1, bytes(range(48))), v6=True))))
    fr.append(E4(ip4(A, B, 17, udp(A, B, 4500, 4500, esp(0xcafe0004, 3, b'')))))
    fr.append(E4(ip4(A, B, 17, udp(A, B, 4500, 4500, esp(0xcafe0005, 4, b'')[:6]))))
    # ESP in UDP whose UDP length says more than the IP packet holds
    u = bytearray(udp(A, B, 4500, 4500, esp(0xcafe0006, 5, bytes(16))))
    u[4:6] = struct.pack('!H', 200)
    fr.append(E4(ip4(A, B, 17, bytes(u))))
    # a non-ESP marker with nothing (or too little) of the IKE header after it
    fr.append(E4(ip4(A, B, 17, udp(A, B, 4500, 4500, b'\0\0\0\0'))))
    fr.append(E4(ip4(A, B, 17, udp(A, B, 4500, 4500, b'\0\0\0\0' + b'\x11' * 20))))

    send_frames(ifn, fr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
