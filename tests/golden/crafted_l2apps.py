#!/usr/bin/env python3
"""Small protocols straight over Ethernet: an 802.1X supplicant and
authenticator exchanging EAPOL (start, logoff, key, ASF alert) and EAP
(identity, notification, Nak, MD5/OTP/GTC, TLS/TTLS/FAST with and without
the L bit, SIM/AKA subtypes, success, failure), MACsec frames (integrity
only with and without SCI, short length, encrypted, changed text, inner
VLAN, 802.3/LLC and unknown types, invalid and truncated SecTAGs, MACsec
after a VLAN tag), the Ethernet configuration testing protocol (loopback
replies and forward data, bogus skip counts, unknown functions), MS NLB
heartbeats, NSH (MD type 1 and 2, IPv4/IPv6/Ethernet payloads, unknown
next protocols, bad lengths), ATM ARP (RFC 2225), AppleTalk ARP, Arista
timestamp headers, ETSI GeoNetworking and CALM FAST, DECnet Phase IV
(init, verification, test, level 1/2 routing, router and endnode hellos,
unknown and future-version messages, padding, short and long data
headers with every NSP message type, too short and cut messages).
Hand-built, sent on the veth with AF_PACKET.
Usage: crafted_l2apps.py IFACE PEER_MAC"""
import struct, sys
from pktgen import *

PAE = '01:80:c2:00:00:03'
A4, B4 = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'


def eapol(ptype, body=b'', ver=2, ln=None):
    return struct.pack('!BBH', ver, ptype, len(body) if ln is None else ln) + body


def eap(code, ident, data=b'', ln=None):
    return struct.pack('!BBH', code, ident, 4 + len(data) if ln is None else ln) + data


def eappkt(code, ident, data=b'', ln=None, eln=None):
    e = eap(code, ident, data, ln)
    return eapol(0, e, ln=eln)


def icmp_echo4(seq):
    return ip4(A4, B4, 1, icmp4(8, 0, struct.pack('!HH', 0x4c2, seq) + b'macsec-ping-' + bytes(20)))


def icmp_echo6(seq):
    return ip6(A6, B6, 58, icmp6(A6, B6, 128, 0, struct.pack('!HH', 0x4c3, seq) + b'nsh6'))


def arp_req():
    return struct.pack('!HHBBH6s4s6s4s', 1, 0x0800, 6, 4, 1, mac('02:00:00:00:00:0a'),
                       bytes([10, 77, 0, 1]), bytes(6), bytes([10, 77, 0, 2]))


def sectag(tci, an, pn, sl=0, sci=None):
    t = struct.pack('!BBI', tci | an, sl, pn)
    if sci is not None:
        t += struct.pack('!Q', sci)
    return t


ICV = bytes(range(0xa0, 0xb0))


def nsh(ver=0, o=0, ttl=63, length=2, md=2, np=1, spi=0x000102, si=255, ctx=b'', body=b''):
    w = ver << 30 | o << 29 | ttl << 22 | length << 16 | md << 8 | np
    return struct.pack('!II', w, spi << 8 | si) + ctx + body


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def E(dst, src, et, body):
        fr.append(eth(dst, src, et, body))

    # ----------------------------------------------------------- EAPOL/EAP
    sup, auth = me, peermac
    E(PAE, sup, 0x888e, eapol(1, ver=1))                       # start
    E(sup, auth, 0x888e, eappkt(1, 1, b'\x01'))                # identity request, no text
    E(PAE, sup, 0x888e, eappkt(2, 1, b'\x01alice@example.test'))
    E(sup, auth, 0x888e, eappkt(1, 2, b'\x02Please authenticate \x01\xe9ok'))
    E(sup, auth, 0x888e, eappkt(1, 3, b'\x02'))                # notification too short
    E(PAE, sup, 0x888e, eappkt(2, 3, b'\x03\x0d\x15\x19\x63\xfe'))  # nak
    E(PAE, sup, 0x888e, eappkt(2, 4, b'\x03'))                 # nak too short
    E(sup, auth, 0x888e, eappkt(1, 5, b'\x04\x10' + bytes(range(16)) + b'radius'))
    E(sup, auth, 0x888e, eappkt(1, 6, b'\x05otp-challenge 99 seed'))
    E(sup, auth, 0x888e, eappkt(1, 7, b'\x06Password: '))
    E(sup, auth, 0x888e, eappkt(1, 8, b'\x0d\x20'))            # TLS start
    E(PAE, sup, 0x888e, eappkt(2, 8, b'\x0d\xc0' + struct.pack('!I', 2910) + bytes(40)))
    E(PAE, sup, 0x888e, eappkt(2, 9, b'\x0d\x00' + bytes(24)))  # no flags
    E(PAE, sup, 0x888e, eappkt(2, 10, b'\x0d\x80\x00\x01'))   # L bit, too short
    E(PAE, sup, 0x888e, eappkt(2, 11, b'\x0d'))                # too short for TLS
    E(sup, auth, 0x888e, eappkt(1, 12, b'\x15\x21'))           # TTLS v1 start
    E(PAE, sup, 0x888e, eappkt(2, 12, b'\x15\x80' + struct.pack('!I', 1400) + bytes(8)))
    E(PAE, sup, 0x888e, eappkt(2, 13, b'\x15'))
    E(sup, auth, 0x888e, eappkt(1, 14, b'\x19\x21'))           # PEAP: not decoded
    E(sup, auth, 0x888e, eappkt(1, 15, b'\x2b\x21' + bytes(20)))  # FAST v1 start
    E(PAE, sup, 0x888e, eappkt(2, 15, b'\x2b\xe1' + struct.pack('!I', 600) + bytes(4)))
    E(PAE, sup, 0x888e, eappkt(2, 16, b'\x2b\x81\x00'))        # FAST L bit short
    E(PAE, sup, 0x888e, eappkt(2, 17, b'\x2b'))
    E(sup, auth, 0x888e, eappkt(1, 18, b'\x12\x0a\x00\x00' + bytes(8)))  # SIM start
    E(PAE, sup, 0x888e, eappkt(2, 18, b'\x12\x0b\x00\x00'))
    E(sup, auth, 0x888e, eappkt(1, 19, b'\x17\x01\x00\x00' + bytes(20)))  # AKA challenge
    E(PAE, sup, 0x888e, eappkt(2, 19, b'\x17\x0e\x00\x00'))
    E(PAE, sup, 0x888e, eappkt(2, 20, b'\x17\x63'))           # unknown subtype
    E(PAE, sup, 0x888e, eappkt(2, 21, b'\x12'))                # too short for SIM
    E(sup, auth, 0x888e, eappkt(1, 22, b'\xfe\x00\x00\x09\x00\x00\x00\x01'))
    E(sup, auth, 0x888e, eappkt(1, 23, b'\xff\x01\x02'))
    E(sup, auth, 0x888e, eappkt(1, 24, b'\x00'))               # no proposed
    E(sup, auth, 0x888e, eappkt(1, 25, b'\x63\x01'))           # unknown type
    E(sup, auth, 0x888e, eappkt(3, 25))                        # success
    E(sup, auth, 0x888e, eappkt(4, 26))                        # failure
    E(sup, auth, 0x888e, eappkt(7, 27, b'\x01\x02'))           # unknown code
    E(sup, auth, 0x888e, eappkt(1, 28, b'\x01xy', eln=20))     # EAPOL and EAP lengths differ
    E(sup, auth, 0x888e, eappkt(1, 29, b'', ln=2, eln=2))  # too short for EAP header
    E(sup, auth, 0x888e, eappkt(2, 30))                        # response without type
    E(sup, auth, 0x888e, eapol(0, b''))                        # EAPOL length 0
    E(sup, auth, 0x888e, eappkt(1, 31, b'\x01abc', ln=300, eln=300))  # beyond the frame
    E(PAE, sup, 0x888e, eappkt(2, 32, b'\x01bob\x00hidden'))   # NUL ends the identity
    E(PAE, sup, 0x888e, eapol(2, ver=2))                       # logoff
    E(sup, auth, 0x888e, eapol(3, b'\x02\x00\x8a\x00\x10' + bytes(90)))  # key
    E(sup, auth, 0x888e, eapol(4, bytes(8), ver=1))            # ASF alert
    E(sup, auth, 0x888e, eapol(9, b'\x01\x02', ver=3))         # unknown type
    E(sup, auth, 0x888e, b'\x02\x00')                          # short EAPOL header

    # ----------------------------------------------------------- MACsec
    a, b = me, peermac
    sci = int(me.replace(':', ''), 16) << 16 | 1
    E(b, a, 0x88e5, sectag(0x20, 0, 68, sci=sci) + struct.pack('!H', 0x0800) + icmp_echo4(1) + ICV)
    E(a, b, 0x88e5, sectag(0x40, 1, 69) + struct.pack('!H', 0x86dd) + icmp_echo6(2) + ICV)
    E(b, a, 0x88e5, sectag(0x20, 2, 70, sl=30, sci=sci) + struct.pack('!H', 0x0806) + arp_req() + ICV)
    E(b, a, 0x88e5, sectag(0x00, 0, 71, sl=40) + struct.pack('!H', 0x0806) + arp_req() + ICV)
    E(b, a, 0x88e5, sectag(0x2c, 0, 72, sci=sci) + bytes(range(64)) + ICV)   # encrypted
    E(b, a, 0x88e5, sectag(0x0c, 3, 73) + bytes(range(48)) + ICV)
    E(b, a, 0x88e5, sectag(0x04, 1, 74, sl=20) + bytes(range(20)) + ICV)     # changed text only
    E(b, a, 0x88e5, sectag(0x7c, 3, 0xfffffffe, sci=sci) + bytes(40))     # every flag
    E(b, a, 0x88e5, sectag(0x80, 0, 75) + bytes(40))                       # version bit
    E(b, a, 0x88e5, sectag(0x20, 0, 76, sl=0x41, sci=sci) + bytes(40))    # SL high bits
    E(b, a, 0x88e5, b'\x20\x00\x00\x00')                                   # short SecTAG
    E(b, a, 0x88e5, sectag(0x20, 0, 77) + b'\x00\x00')                     # SCI cut
    E(b, a, 0x88e5, sectag(0x00, 0, 78) + b'\x08\x00' + bytes(6))          # no room for ICV
    E(b, a, 0x88e5, sectag(0x20, 0, 79, sl=1, sci=sci) + b'\x08\x00' + ICV)  # SL 1
    E(b, a, 0x88e5, sectag(0x00, 0, 80, sl=3) + b'\x08\x00\x45\x00' + ICV)   # SL 3: inner IP cut
    E(b, a, 0x88e5, sectag(0x00, 0, 81, sl=0x3f) + b'\x08\x00' + bytes(10) + ICV)  # SL too big
    E(b, a, 0x88e5, sectag(0x20, 0, 82, sci=sci) + struct.pack('!HH', 0x8100, 0x2005) +
      struct.pack('!H', 0x0800) + icmp_echo4(3) + ICV)                    # inner VLAN
    E(b, a, 0x88e5, sectag(0x20, 0, 83, sci=sci) + struct.pack('!HH', 0x88a8, 0xb064) +
      struct.pack('!HH', 0x8100, 0x000a) + struct.pack('!H', 0x86dd) + icmp_echo6(4) + ICV)
    E(b, a, 0x88e5, sectag(0x00, 0, 84) + struct.pack('!H', 0x8100) + b'\x00' + ICV)  # VLAN cut
    E(b, a, 0x88e5, sectag(0x20, 0, 85, sci=sci) + struct.pack('!H', 20) +
      b'\x42\x42\x03' + bytes(17) + ICV)                                  # 802.3 + STP
    E(b, a, 0x88e5, sectag(0x20, 0, 86, sci=sci) + struct.pack('!H', 12) +
      b'\xe0\xe0\x03' + bytes(9) + bytes(8) + ICV)                        # 802.3 + IPX SAP
    E(b, a, 0x88e5, sectag(0x20, 0, 87, sci=sci) + struct.pack('!H', 0x88b5) + b'local-exp' + ICV)
    E(b, a, 0x88e5, sectag(0x00, 0, 95, sl=12) + struct.pack('!H', 0x88b5) + b'short-data' +
      bytes(6) + ICV)                                                     # SL, unknown type
    E(b, a, 0x88e5, sectag(0x00, 0, 96, sl=9) + struct.pack('!H', 30) + b'\xf0\xf0\x03' +
      b'netb' + bytes(20) + ICV)                                          # SL cuts an LLC frame
    E(b, a, 0x88e5, sectag(0x20, 0, 88, sci=sci) + struct.pack('!H', 0x88e5) +
      sectag(0, 0, 1) + bytes(20) + ICV)                                  # MACsec in MACsec
    E(b, a, 0x88e5, sectag(0x20, 0, 89, sci=sci) + struct.pack('!H', 0x888e) + eapol(1) + ICV)
    E(b, a, 0x8100, struct.pack('!HH', 0x0064, 0x88e5) + sectag(0x20, 0, 90, sci=sci) +
      struct.pack('!H', 0x0800) + icmp_echo4(5) + ICV)                    # after a VLAN tag
    E(b, a, 0x88e5, sectag(0x20, 0, 91, sci=sci) + struct.pack('!H', 0x0800) +
      icmp_echo4(6)[:30] + ICV)                                           # inner IPv4 cut

    # MACsec in tunnels: first type field of a VXLAN frame (decoded), after
    # the inner frame's VLAN tag and as Geneve's protocol (unknown types)
    inner = eth(b, a, 0x88e5, sectag(0x20, 0, 92, sci=sci) + struct.pack('!H', 0x0800) +
                icmp_echo4(12) + ICV)
    vx = struct.pack('!II', 0x08000000, 4242 << 8)
    E(b, a, 0x0800, ip4(A4, B4, 17, udp(A4, B4, 40001, 4789, vx + inner)))
    inner = eth(b, a, 0x8100, struct.pack('!HH', 7, 0x88e5) + sectag(0x20, 0, 93, sci=sci) +
                struct.pack('!H', 0x0800) + icmp_echo4(13) + ICV)
    E(b, a, 0x0800, ip4(A4, B4, 17, udp(A4, B4, 40002, 4789, vx + inner)))
    gn = struct.pack('!BBHI', 0, 0, 0x88e5, 77 << 8)
    E(b, a, 0x0800, ip4(A4, B4, 17, udp(A4, B4, 40003, 6081, gn + sectag(0x20, 0, 94, sci=sci) +
                                        struct.pack('!H', 0x0800) + icmp_echo4(14) + ICV)))

    # ----------------------------------------------------------- Loopback
    lb = bytes.fromhex('aa0004001d04')
    E(b, a, 0x9000, struct.pack('<HH6sHH', 0, 2, mac(b), 1, 1) + b'loopback test data' + bytes(22))
    E(a, b, 0x9000, struct.pack('<HH6sHH', 8, 2, mac(b), 1, 1) + b'loopback test data' + bytes(22))
    E(b, a, 0x9000, struct.pack('<HH6sH6sHH', 0, 2, mac(b), 2, mac(a), 1, 7) + bytes(30))
    E(b, a, 0x9000, struct.pack('<HHH', 3, 0, 0) + struct.pack('<HH', 1, 1) + bytes(4))  # bogus skip
    E(b, a, 0x9000, struct.pack('<H', 40) + bytes(10))                    # skip past the end
    E(b, a, 0x9000, b'\x00')                                              # too short
    E(b, a, 0x9000, struct.pack('<HH', 0, 5) + bytes(12))                 # unknown function
    E(b, a, 0x9000, struct.pack('<HHB', 0, 1, 9))                         # reply too short
    E(b, a, 0x9000, struct.pack('<HH', 0, 2) + lb[:4])                    # forward too short
    E(b, a, 0x9000, struct.pack('<H', 0))                                 # no message
    E(b, a, 0x9000, struct.pack('<HHH', 0, 1, 65535))                     # reply, no data

    # ----------------------------------------------------------- MS NLB
    for prio, src in ((1, '02:01:0a:4d:00:0a'), (2, '02:02:0a:4d:00:0b')):
        E('ff:ff:ff:ff:ff:ff', src, 0x886f,
          bytes.fromhex('c0de0101') + struct.pack('<II', 0x1000, prio) +
          bytes([10, 77, 0, 100]) + bytes([10, 77, 0, 9 + prio]) + bytes(40))
    E('ff:ff:ff:ff:ff:ff', a, 0x886f, bytes.fromhex('c0de0101') + bytes(10))  # cut

    # ----------------------------------------------------------- NSH
    ctx1 = struct.pack('!IIII', 0x01020304, 0xdeadbeef, 0, 0xffffffff)
    E(b, a, 0x894f, nsh(length=6, md=1, np=1, ctx=ctx1, body=icmp_echo4(7)))
    tlvs = struct.pack('!HBB', 0x0101, 2, 4) + b'\x0a\x4d\x00\x01' + \
        struct.pack('!HBB', 0xffff, 0x7f, 5) + b'hello\x00\x00\x00' + \
        struct.pack('!HBB', 0, 0, 0)
    E(b, a, 0x894f, nsh(length=2 + 6, md=2, np=2, o=1, spi=0xabcdef, si=3, ctx=tlvs,
                        body=icmp_echo6(8)))
    E(b, a, 0x894f, nsh(length=2, md=2, np=3, spi=5, si=254,
                        body=eth(b, a, 0x0806, arp_req())))
    E(b, a, 0x894f, nsh(length=2, md=1, np=1, body=icmp_echo4(9)))        # MD1 bad length
    E(b, a, 0x894f, nsh(length=4, md=2, np=1, ctx=struct.pack('!HBB', 1, 1, 12) + bytes(4),
                        body=icmp_echo4(10)))                              # TLV too long
    E(b, a, 0x894f, nsh(length=3, md=0, np=4, ctx=bytes(4), body=bytes(8)))  # next NSH
    E(b, a, 0x894f, nsh(length=2, md=0xf, np=5, body=bytes(8)))           # MPLS
    E(b, a, 0x894f, nsh(length=2, md=3, np=0xfe, body=bytes(8)))
    E(b, a, 0x894f, nsh(length=2, md=2, np=0x42, ttl=0, body=bytes(8)))
    E(b, a, 0x894f, nsh(ver=1, length=2, md=1, np=1, body=bytes(8)))     # version 1
    E(b, a, 0x894f, nsh(length=1, md=1, np=1, body=bytes(8)))             # less than two
    E(b, a, 0x894f, nsh(length=63, md=2, np=1, body=bytes(8)))            # too many headers
    E(b, a, 0x894f, b'\x00\x02\x02\x01\x00')                              # packet too short
    E(b, a, 0x894f, nsh(length=6, md=1, np=1, ctx=ctx1[:8]) + bytes(6))  # headers past the frame
    # --- ATM ARP (RFC 2225, hardware type 19), AppleTalk ARP, an unknown ARP op
    def atmarp(op, snum=b'\x47' * 20, ssub=b'', spa=A4, tnum=b'', tsub=b'', tpa=B4,
               pro=0x0800, e164=0):
        ip = lambda x: bytes(int(o) for o in x.split('.')) if x else b''
        return struct.pack('!HHBBHBBBB', 19, pro, len(snum) | e164, len(ssub), op, len(ip(spa)),
                           len(tnum), len(tsub), len(ip(tpa))) + \
            snum + ssub + ip(spa) + tnum + tsub + ip(tpa)
    E(b, a, 0x0806, atmarp(1))
    E(b, a, 0x0806, atmarp(1, tnum=b'\x39' * 20, tsub=b'\x01\x02'))
    E(b, a, 0x0806, atmarp(2, ssub=b'\xaa' * 20, e164=0x40))
    E(b, a, 0x0806, atmarp(2, snum=b''))
    E(b, a, 0x0806, atmarp(8, tnum=b'\x39' * 8))
    E(b, a, 0x0806, atmarp(9))
    E(b, a, 0x0806, atmarp(10))
    E(b, a, 0x0806, atmarp(1, spa='', tpa='10.77.0.9'))
    E(b, a, 0x0806, atmarp(2, pro=0x86dd))
    E(b, a, 0x0806, atmarp(77))
    E(b, a, 0x0806, atmarp(1)[:30])
    E(b, a, 0x0806, struct.pack('!HHBBH', 1, 0x0800, 6, 4, 0x7501) + bytes(20))
    def aarp(op, spa=(0, 0x12, 0x34, 5), tpa=(0, 0x12, 0x34, 9), htype=1, ptype=0x809b, hl=6, pl=4):
        return struct.pack('!HHBBH6s4B6s4B', htype, ptype, hl, pl, op, mac(a), *spa,
                           b'\0' * 6, *tpa)
    E('ff:ff:ff:ff:ff:ff', a, 0x80f3, aarp(1))
    E(b, a, 0x80f3, aarp(2))
    E('ff:ff:ff:ff:ff:ff', a, 0x80f3, aarp(3, spa=(0, 0xff, 0x00, 255)))
    E(b, a, 0x80f3, aarp(4))
    E(b, a, 0x80f3, aarp(1, htype=2, ptype=0x0800, pl=6))
    E(b, a, 0x80f3, aarp(1)[:20])
    # --- Arista timestamp headers (0xd28b) before the original type field
    def arista(scale=0, fmt=1, hw=0, sec=1700000000, ns=123456789, sub=1):
        h = struct.pack('!HBB', sub, scale, fmt << 4 | hw)
        if fmt == 2:
            return h + struct.pack('!HI', sec & 0xffff, ns)
        return h + struct.pack('!II', sec, ns)
    ip4p = icmp_echo4(20)
    E(b, a, 0xd28b, arista() + struct.pack('!H', 0x0800) + ip4p)
    E(b, a, 0xd28b, arista(scale=1, hw=1, ns=1999999999) + struct.pack('!H', 0x0800) + ip4p)
    E(b, a, 0xd28b, arista(fmt=2, sec=0x1234) + struct.pack('!H', 0x86dd) + icmp_echo6(21))
    E(b, a, 0xd28b, arista(scale=7, hw=9) + struct.pack('!HHH', 0x8100, 5, 0x0800) + ip4p)
    E(b, a, 0xd28b, arista() + struct.pack('!HI', 0x8847, 1024 << 12 | 0x100 | 64) + ip4p)
    E(b, a, 0xd28b, arista() + struct.pack('!H', 0x0806) + arp_req())
    E(b, a, 0xd28b, arista(fmt=3) + struct.pack('!H', 0x0800) + ip4p)
    E(b, a, 0xd28b, arista(sub=2) + b'vendor')
    E(b, a, 0xd28b, arista()[:7])
    E(b, a, 0xd28b, b'\x00')
    # --- GeoNetworking (ETSI ITS, 0x8947 and the old 0x0707) and CALM FAST
    def geo(nh=1, ht=5, hst=0, hop=1, plen=8, ext=b'', body=b'', ver=0):
        lpv = bytes.fromhex('0200000000000a0b') + struct.pack('!IIIHHI', 123456, 489000000,
                                                                 -7200000 & 0xffffffff, 0, 0, 0)
        return struct.pack('!BBHHBB', ver << 4 | nh, ht << 4 | hst, 0, plen, 0x50, hop) + \
            lpv + ext + body
    btp = struct.pack('!HH', 2001, 0) + bytes([2, 2]) + b'cam-body'
    E(b, a, 0x8947, geo(body=btp))
    E(b, a, 0x8947, geo(nh=2, ht=1, body=struct.pack('!HH', 2002, 3) + bytes([1, 1]) + b'denm'))
    E(b, a, 0x8947, geo(nh=1, ht=5, hst=1, ext=b'\0' * 32, body=btp))
    E(b, a, 0x8947, geo(nh=1, ht=0, body=struct.pack('!HH', 2003, 0) + bytes([1, 150])))
    E(b, a, 0x8947, geo(nh=1, ht=0, body=struct.pack('!HH', 2004, 0) + bytes([1, 77])))
    E(b, a, 0x8947, geo(nh=1, ht=0, body=struct.pack('!HH', 2004, 0) + b'\x01'))
    E(b, a, 0x8947, geo(nh=2, ht=1, body=b'\x07\xd1'))
    for ht, hst in ((2, 0), (3, 0), (3, 1), (3, 2), (3, 7), (4, 0), (4, 1), (4, 2),
                    (6, 0), (6, 1), (6, 5), (9, 0)):
        E(b, a, 0x8947, geo(nh=3, ht=ht, hst=hst, body=b'\0' * 24))
    E(b, a, 0x8947, geo(nh=7, ht=5, hst=1, ext=b'\0' * 10))
    E(b, a, 0x0707, geo(ver=1, nh=0, ht=1, body=b'old'))
    E(b, a, 0x8947, geo()[:30])
    E(b, a, 0x8947, geo()[:20])
    E(b, a, 0x1111, bytes([3, 9]) + b'calm fast payload')
    E(b, a, 0x1111, b'\x01')
    E(b, a, 0x894f, nsh(length=2 + 3, md=2, np=1, ctx=struct.pack('!HBB', 7, 9, 0x85) +
                        b'abcde\x00\x00\x00', body=icmp_echo4(11)))      # high bit in length

    # --- DECnet Phase IV (0x6003): routing layer and NSP, little-endian
    def dnad(area, node):
        return area << 10 | node
    N1, N2 = dnad(1, 5), dnad(63, 1023)
    DA, DB, DALL = 'aa:00:04:00:05:04', 'aa:00:04:00:ff:ff', 'ab:00:00:03:00:00'
    HI = b'\xaa\x00\x04\x00'

    def dn(body, ln=None, pad=0):
        b2 = (bytes([0x80 | pad]) + b'\x00' * (pad - 1) if pad else b'') + body
        return struct.pack('<H', len(b2) if ln is None else ln) + b2

    def short(nsp, fl=0, dst=N2, src=N1, visits=0):
        return struct.pack('<BHHB', 0x02 | fl, dst, src, visits) + nsp

    def long_(nsp, fl=0, dst=N2, src=N1, visits=3):
        return struct.pack('<BBB6sBB6sBBBB', 0x06 | fl, 0, 0, HI + struct.pack('<H', dst), 0, 0,
                           HI + struct.pack('<H', src), 0, visits, 0, 0) + nsp

    def nsp(fl, dst=0x2003, src=0x2004, *words, tail=b''):
        return struct.pack('<BHH', fl, dst, src) + struct.pack('<%dH' % len(words), *words) + tail
    # control messages
    E(DB, DA, 0x6003, dn(struct.pack('<BHBHBBBHB', 0x01, N1, 0x03, 1498, 2, 0, 0, 15, 0)))
    E(DB, DA, 0x6003, dn(struct.pack('<BHBHBBBHB', 0x01, N2, 0x0e, 576, 2, 1, 7, 300, 0)))
    E(DB, DA, 0x6003, dn(struct.pack('<BHBHBBBHB', 0x01, N1, 0x00, 576, 2, 0, 0, 15, 0)[:11]))
    E(DB, DA, 0x6003, dn(struct.pack('<BHB', 0x03, N1, 0o123) + b'\x01\x02'))
    E(DB, DA, 0x6003, dn(struct.pack('<BHB', 0x05, N2, 0o252) + b'\xaa' * 4))
    E(DB, DA, 0x6003, dn(struct.pack('<BHB', 0x07, N1, 0) + struct.pack('<6H', 3, 1, 4 << 10 | 7,
                                                                         0, 9, 30 << 10 | 511)
                         + b'\x12\x34'))
    E(DB, DA, 0x6003, dn(struct.pack('<BHB', 0x07, N1, 0) + struct.pack('<6H', 2000, 1, 5, 1, 2, 3)
                         + b'\x12\x34'))                            # bogus count stops
    E(DB, DA, 0x6003, dn(struct.pack('<BHB', 0x09, N2, 0) + struct.pack('<3H', 62, 1, 2 << 10 | 20)
                         + b'\xff\xff'))
    E(DB, DA, 0x6003, dn(struct.pack('<BHB', 0x09, N2, 0) + struct.pack('<3H', 1, 2, 3)
                         + b'\xff\xff', ln=12))                     # entries beyond pktlen
    E(DALL, DA, 0x6003, dn(struct.pack('<BBBB6sBHBBHB', 0x0b, 2, 0, 0, HI + struct.pack('<H', N1),
                                       0x02, 1498, 64, 0, 15, 0) + b'\x07' + bytes(7)))
    E(DALL, DA, 0x6003, dn(struct.pack('<BBBB6sBHBBHB', 0x0b, 2, 0, 0, HI + struct.pack('<H', N2),
                                       0x65, 576, 127, 0, 180, 0)))
    E(DALL, DA, 0x6003, dn(struct.pack('<BBBB6sBH', 0x0b, 2, 0, 0, HI + b'\x05\x04', 1, 500)))
    E(DALL, DA, 0x6003, dn(struct.pack('<BBBB6sBHB8s6sHBB', 0x0d, 2, 0, 0, HI + struct.pack('<H', N1),
                                       0x03, 16434, 0, bytes(8), bytes(6), 10, 0, 0o252)))
    E(DALL, DA, 0x6003, dn(struct.pack('<BBBB6sBHB8s6sHBB', 0x0d, 2, 1, 3, HI + struct.pack('<H', N1),
                                       0x27, 1498, 0, b'seedseed', HI + struct.pack('<H', N2), 60,
                                       0, 2)))
    E(DALL, DA, 0x6003, dn(struct.pack('<BBBB6sBH', 0x0d, 2, 0, 0, HI + b'\x05\x04', 3, 1498)))
    E(DB, DA, 0x6003, dn(b'\x0f\x01\x02\x03\x04\x05\x06\x07'))          # unknown control
    E(DB, DA, 0x6003, dn(b'\x42' + bytes(10)))                          # future version
    E(DB, DA, 0x6003, dn(b'\x04' + bytes(10)))                          # unknown data format
    E(DB, DA, 0x6003, dn(struct.pack('<BHBHBBBHB', 0x01, N1, 0x03, 1498, 2, 0, 0, 15, 0), pad=3))
    E(DB, DA, 0x6003, dn(short(nsp(0x60, 0x2003, 0x2004, 0x8001, 0xa002, 3, tail=b'data')), pad=1))
    E(DB, DA, 0x6003, dn(b'', pad=4, ln=6))                              # flags after the padding cut
    E(DB, DA, 0x6003, dn(b'\x02\x00', pad=4))                            # header cut after padding
    E(DB, DA, 0x6003, dn(b'', pad=10, ln=8))                             # pad beyond pktlen
    E(DB, DA, 0x6003, dn(b'', ln=3) + b'\x02' * 4)                       # pktlen < 6
    E(DB, DA, 0x6003, dn(short(nsp(0x04)), ln=200))                      # pktlen > length
    E(DB, DA, 0x6003, b'\x05\x00\x02')                                   # length < 6
    # data messages, short and long headers
    E(DB, DA, 0x6003, dn(short(nsp(0x60, 0x2003, 0x2004, 0x8000, 0xa000, 1, tail=b'hello'))))
    E(DB, DA, 0x6003, dn(short(nsp(0x20, 0x2003, 0x2004, 0x9005, 0xb006, 7), fl=0x38, visits=5)))
    E(DB, DA, 0x6003, dn(short(nsp(0x40, 0x2003, 0x2004, 0x8002, 9, tail=b'x'))))
    E(DB, DA, 0x6003, dn(short(nsp(0x00, 0x2003, 0x2004, 4095))))
    E(DB, DA, 0x6003, dn(long_(nsp(0x60, 0x0101, 0x0202, 0x8001, 0xa001, 2, tail=b'long'), fl=0x28)))
    E(DB, DA, 0x6003, dn(long_(nsp(0x20, 0x0101, 0x0202, 5)), ln=24))  # long header, short msg
    E(DB, DA, 0x6003, dn(long_(b'')[:20]))                               # long header too short
    E(DB, DA, 0x6003, dn(short(nsp(0x60, 0x2003, 0x2004, 0x8001))))     # ack, no segment
    E(DB, DA, 0x6003, dn(short(nsp(0x60, 0x2003, 0x2004, 0x8001, 0xa001))))
    E(DB, DA, 0x6003, dn(short(nsp(0x60)[:6])))                          # data too short
    E(DB, DA, 0x6003, dn(short(b'\x04\x03\x20')))                        # nsplen < 5
    # interrupt and link service
    E(DB, DA, 0x6003, dn(short(nsp(0x30, 0x2003, 0x2004, 0x8003, 0xa001, 4, tail=b'intr'))))
    E(DB, DA, 0x6003, dn(short(nsp(0x30, 0x2003, 0x2004, 0x9003, 0xb001, 4))))
    E(DB, DA, 0x6003, dn(short(nsp(0x30, 0x2003, 0x2004, 0x8003))))
    for ls, fc in ((0, 0), (1, 3), (2, 255), (3, 1), (4, 2), (8, 9), (0x0c, 0)):
        E(DB, DA, 0x6003, dn(short(nsp(0x10, 0x2003, 0x2004, 0x8000, 0xa002, 3,
                                       tail=bytes([ls, fc])))))
    E(DB, DA, 0x6003, dn(short(nsp(0x10, 0x2003, 0x2004, 2, 3, 4, tail=b'\x00'))))  # too short
    E(DB, DA, 0x6003, dn(short(nsp(0x50, 0x2003, 0x2004, 1))))          # reserved subtype
    # acknowledgements
    E(DB, DA, 0x6003, dn(short(nsp(0x04, 0x2003, 0x2004, 0x8001, 0xa001))))
    E(DB, DA, 0x6003, dn(short(nsp(0x04, 0x2003, 0x2004, 0x9001, 0xb002))))
    E(DB, DA, 0x6003, dn(short(nsp(0x04, 0x2003, 0x2004, 0x0001, 0xa001))))
    E(DB, DA, 0x6003, dn(short(nsp(0x14, 0x2003, 0x2004, 0x8002, 0x2001))))
    E(DB, DA, 0x6003, dn(short(nsp(0x14, 0x2003, 0x2004, 0x9002, 0xb001))))
    E(DB, DA, 0x6003, dn(short(nsp(0x14, 0x2003, 0x2004, 0x8002))))     # too short
    E(DB, DA, 0x6003, dn(short(b'\x24\x03\x20')))                        # conn-ack: nsplen 3
    E(DB, DA, 0x6003, dn(short(nsp(0x24))))
    E(DB, DA, 0x6003, dn(short(nsp(0x34, 0x2003, 0x2004, 1))))          # reserved ack type
    # connect, disconnect
    for fl, svc, info in ((0x18, 0x01, 0x03), (0x18, 0x05, 0x02), (0x68, 0x09, 0x01),
                          (0x18, 0x0d, 0x00)):
        E(DB, DA, 0x6003, dn(short(nsp(fl, 0, 0x2003, tail=struct.pack('<BBH', svc, info, 16403)
                                       + b'\x03\x00\x19\x01MAIL'))))
    E(DB, DA, 0x6003, dn(short(nsp(0x18, 0, 0x2003, tail=b'\x01\x03\x00'))))       # too short
    E(DB, DA, 0x6003, dn(short(nsp(0x28, 0x2003, 0x2004, tail=struct.pack('<BBHB', 5, 3, 16403, 0)))))
    E(DB, DA, 0x6003, dn(short(nsp(0x28, 0x2003, 0x2004, tail=struct.pack('<BBHB', 9, 2, 1459, 4)
                                   + b'abcd'))))
    E(DB, DA, 0x6003, dn(short(nsp(0x28, 0x2003, 0x2004, tail=struct.pack('<BBH', 5, 3, 16403)))))
    for reason, opt in ((0, 0), (3, 2), (38, 0), (42, 1), (54, 0), (99, 0), (0x1234, 0)):
        E(DB, DA, 0x6003, dn(short(nsp(0x38, 0x2003, 0x2004, reason, tail=bytes([opt]) + b'op'[:opt]))))
    E(DB, DA, 0x6003, dn(short(nsp(0x38, 0x2003, 0x2004, 5))))          # too short
    for reason in (1, 41, 42, 7):
        E(DB, DA, 0x6003, dn(short(nsp(0x48, 0x2003, 0x2004, reason))))
    E(DB, DA, 0x6003, dn(short(nsp(0x48)), ln=11) + b'\x01\x00')          # reason past pktlen
    E(DB, DA, 0x6003, dn(short(nsp(0x48))))                              # reason cut (frame end)
    E(DB, DA, 0x6003, dn(short(nsp(0x08, 0x2003, 0x2004))))             # NOP: reserved
    E(DB, DA, 0x6003, dn(short(nsp(0x58, 0x2003, 0x2004))))
    E(DB, DA, 0x6003, dn(short(nsp(0x0c, 0x2003, 0x2004))))             # reserved type

    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
