#!/usr/bin/env python3
"""ESP that -E can decrypt (RFC 4303): payloads encrypted with the openssl
command-line tool under the keys of espdec-secrets.txt, in transport and
tunnel mode, over IPv4, IPv6 and UDP 4500, behind AH, plus the cases that
must not or cannot be decrypted (no SA, a wrong key, a first fragment, a
ciphertext that is not whole blocks, too short for the ICV).  Sent on a veth
inside the test netns only.  Usage: crafted_espdec.py IFACE PEER_MAC"""
import struct, subprocess, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'

# the keys of espdec-secrets.txt
K3DES = bytes.fromhex('4043434545464649494a4a4c4c4f4f515152525454575758')
KAES128 = bytes.fromhex('00112233445566778899aabbccddeeff')
KAES256 = bytes.fromhex('aaaabbbbccccdddd4043434545464649494a4a4c4c4f4f515152525454575758')
KAES192 = bytes.fromhex('0f0e0d0c0b0a09080706050403020100f0e0d0c0b0a09080')
KASCII = b'sixteen-byte-key'
CIPHERS = {'3des': ('des-ede3-cbc', 8), 'aes128': ('aes-128-cbc', 16),
           'aes192': ('aes-192-cbc', 16), 'aes256': ('aes-256-cbc', 16)}
ICV = bytes.fromhex('9a8b7c6d5e4f30211203f4e5')    # 12 bytes, never checked


def ifmac(ifn):
    return open('/sys/class/net/%s/address' % ifn).read().strip()


def encrypt(alg, key, iv, pt):
    name, _ = CIPHERS[alg]
    r = subprocess.run(['openssl', 'enc', '-' + name, '-nopad', '-K', key.hex(),
                        '-iv', iv.hex()], input=pt, capture_output=True, check=True)
    return r.stdout


def esp(spi, seq, alg, key, nh, inner, padlen=None, icv=ICV, raw=None):
    """An ESP packet: header, IV, ciphertext of inner + padding + pad length
    + next header, ICV.  raw replaces the ciphertext."""
    _, bs = CIPHERS[alg]
    iv = bytes((seq * 17 + i) & 0xff for i in range(bs))
    if padlen is None:
        padlen = (-(len(inner) + 2)) % bs
    pt = inner + bytes(range(1, padlen + 1)) + bytes([padlen, nh])
    ct = raw if raw is not None else encrypt(alg, key, iv, pt)
    return struct.pack('!II', spi, seq) + iv + ct + icv


def ike2_pay(np, body):
    return struct.pack('!BBH', np, 0, 4 + len(body)) + body


def ike2_msg(ci, cr, flags, msgid, first, inner, key, seed):
    """An IKEv2 message whose only payload is SK (RFC 7296 3.14): IV,
    AES-128-CBC of inner + padding + pad length, a 12-byte ICV."""
    iv = bytes((seed * 29 + i) & 0xff for i in range(16))
    padlen = (-(len(inner) + 1)) % 16
    ct = encrypt('aes128', key, iv, inner + bytes(padlen) + bytes([padlen]))
    sk = struct.pack('!BBH', first, 0, 4 + 16 + len(ct) + 12) + iv + ct + ICV
    return struct.pack('!8s8sBBBBII', ci, cr, 46, 0x20, 35 if msgid == 1 else 37,
                       flags, msgid, 28 + len(sk)) + sk


def main(ifn, peermac):
    me = ifmac(ifn)
    E4 = lambda p: eth(peermac, me, 0x0800, p)
    E6 = lambda p: eth(peermac, me, 0x86dd, p)
    fr = []
    body = struct.pack('!HH', 0x99, 1) + b'decrypted-ping..' * 3
    q = struct.pack('!HHHHHH', 0x5151, 0x0100, 1, 0, 0, 0) + b'\x03esp\x07example\x00' + \
        struct.pack('!HH', 1, 1)

    # --- transport mode, IPv4, 3DES (SPI 0x1001 to B): ICMP, DNS, TCP
    fr.append(E4(ip4(A, B, 50, esp(0x1001, 1, '3des', K3DES, 1, icmp4(8, 0, body)))))
    fr.append(E4(ip4(A, B, 50, esp(0x1001, 2, '3des', K3DES, 17, udp(A, B, 40700, 53, q)))))
    fr.append(E4(ip4(A, B, 50, esp(0x1001, 3, '3des', K3DES, 6,
        tcp(A, B, 40701, 5010, 1000, 0, 0x002, opts=bytes([2, 4, 5, 0xb4, 1, 3, 3, 7]))))))
    fr.append(E4(ip4(A, B, 50, esp(0x1001, 4, '3des', K3DES, 6,
        tcp(A, B, 40701, 5010, 1001, 5001, 0x018, data=b'GET / HTTP/1.0\r\n\r\n')))))
    # the reply, AES-128 (SPI 0x2001 to A), with more padding than needed
    fr.append(E4(ip4(B, A, 50, esp(0x2001, 1, 'aes128', KAES128, 1,
        icmp4(0, 0, body), padlen=22))))
    fr.append(E4(ip4(B, A, 50, esp(0x2001, 2, 'aes128', KAES128, 6,
        tcp(B, A, 5010, 40701, 5000, 1001, 0x012, opts=bytes([2, 4, 5, 0xb4]))))))

    # --- tunnel mode, IPv4 in IPv4 (AES-192, SPI 0x3001 to B)
    inner = ip4('192.0.2.10', '198.51.100.10', 17,
                udp('192.0.2.10', '198.51.100.10', 40702, 9000, b'tunnelled datagram'))
    fr.append(E4(ip4(A, B, 50, esp(0x3001, 1, 'aes192', KAES192, 4, inner))))
    inner = ip4('192.0.2.10', '198.51.100.10', 1, icmp4(8, 0, body))
    fr.append(E4(ip4(A, B, 50, esp(0x3001, 2, 'aes192', KAES192, 4, inner))))
    # IPv6 inside IPv4
    inner = ip6('2001:db8:aa::1', '2001:db8:bb::1', 17,
                udp('2001:db8:aa::1', '2001:db8:bb::1', 40703, 9000, b'v6 in v4', v6=True))
    fr.append(E4(ip4(A, B, 50, esp(0x3001, 3, 'aes192', KAES192, 41, inner))))
    # "no next header" (a dummy packet, RFC 4303 2.6)
    fr.append(E4(ip4(A, B, 50, esp(0x3001, 4, 'aes192', KAES192, 59, b''))))

    # --- IPv6 (AES-256, SPI 0x4001 to B6): ICMPv6 echo, UDP, IPv6 in IPv6
    p6 = icmp6(A6, B6, 128, 0, body)
    fr.append(E6(ip6(A6, B6, 50, esp(0x4001, 1, 'aes256', KAES256, 58, p6))))
    fr.append(E6(ip6(A6, B6, 50, esp(0x4001, 2, 'aes256', KAES256, 17,
        udp(A6, B6, 40704, 9000, b'udp6 under esp', v6=True)))))
    inner = ip6('2001:db8:aa::1', '2001:db8:bb::1', 58,
                icmp6('2001:db8:aa::1', '2001:db8:bb::1', 128, 0, body))
    fr.append(E6(ip6(A6, B6, 50, esp(0x4001, 3, 'aes256', KAES256, 41, inner))))
    # after a destination options header
    dst = bytes([50, 0, 1, 4, 0, 0, 0, 0])
    fr.append(E6(ip6(A6, B6, 60, dst + esp(0x4001, 4, 'aes256', KAES256, 58, p6))))

    # --- ESP in UDP 4500 (RFC 3948), AES-128 with an ASCII key (SPI 0x5001)
    inner = ip4('192.0.2.10', '198.51.100.10', 1, icmp4(8, 0, body))
    fr.append(E4(ip4(A, B, 17, udp(A, B, 4500, 4500,
        esp(0x5001, 1, "aes128", KASCII, 4, inner)))))
    fr.append(E4(ip4(A, B, 17, udp(A, B, 4500, 4500,
        esp(0x5001, 2, 'aes128', KASCII, 17, udp(A, B, 40705, 9000, b'transport in udp'))))))

    # --- AH then ESP: the ESP is still decrypted
    ahdr = struct.pack('!BBHII', 50, 4, 0, 0x00006000, 1) + ICV
    fr.append(E4(ip4(A, B, 51, ahdr + esp(0x1001, 5, '3des', K3DES, 1, icmp4(8, 0, body)))))

    # --- what is not decrypted
    # no SA for this SPI, and an SA for another destination
    fr.append(E4(ip4(A, B, 50, esp(0x7001, 1, '3des', K3DES, 1, icmp4(8, 0, body)))))
    fr.append(E4(ip4(B, A, 50, esp(0x1001, 6, '3des', K3DES, 1, icmp4(8, 0, body)))))
    # a first fragment (more fragments set): the trailer is in a later one
    fr.append(E4(ip4(A, B, 50, esp(0x1001, 7, '3des', K3DES, 1, icmp4(8, 0, body)),
        df=False, frag=0x2000)))
    # the SA's key is wrong (SPI 0x8001): the trailer decrypts to garbage
    for seq in range(1, 4):
        fr.append(E4(ip4(A, B, 50, esp(0x8001, seq, '3des', K3DES, 17,
            udp(A, B, 40706, 9000, b'wrong key %d' % seq)))))
    # a ciphertext that is not whole blocks
    fr.append(E4(ip4(A, B, 50, esp(0x1001, 8, '3des', K3DES, 1, b'', raw=bytes(13)))))
    # shorter than the ICV, and an ICV only
    fr.append(E4(ip4(A, B, 50, struct.pack('!II', 0x1001, 9) + bytes(10))))
    fr.append(E4(ip4(A, B, 50, struct.pack('!II', 0x1001, 10) + bytes(8) + ICV)))
    # a pad length longer than the plaintext
    fr.append(E4(ip4(A, B, 50, esp(0x1001, 11, '3des', K3DES, 1, b'', padlen=0,
        raw=encrypt('3des', K3DES, bytes((11 * 17 + i) & 0xff for i in range(8)),
                    bytes(6) + b'\xf0\x01')))))
    # --- IKEv2 (UDP 500): the SK payload of IKE_AUTH, decrypted with the
    # keys of the "ikev2" lines for these cookies, initiator and responder
    ci, cr = bytes.fromhex('1111111111111111'), bytes.fromhex('2222222222222222')
    idi = ike2_pay(39, struct.pack('!B3x', 2) + b'west.example')
    auth = ike2_pay(0, struct.pack('!B3x', 2) + bytes(range(20)))
    fr.append(E4(ip4(A, B, 17, udp(A, B, 500, 500,
        ike2_msg(ci, cr, 0x08, 1, 35, idi + auth, KAES128, 1)))))
    idr = ike2_pay(39, struct.pack('!B3x', 1) + bytes([10, 77, 0, 2]))
    fr.append(E4(ip4(B, A, 17, udp(B, A, 500, 500,
        ike2_msg(ci, cr, 0x20, 1, 36, idr + auth, K3DES[:16], 2)))))
    # an INFORMATIONAL with a notify inside, and cookies without keys
    n = ike2_pay(0, struct.pack('!BBH', 0, 0, 16390))
    fr.append(E4(ip4(A, B, 17, udp(A, B, 500, 500,
        ike2_msg(ci, cr, 0x08, 2, 41, n, KAES128, 3)))))
    fr.append(E4(ip4(A, B, 17, udp(A, B, 500, 500,
        ike2_msg(cr, ci, 0x08, 2, 41, n, KAES128, 4)))))
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
