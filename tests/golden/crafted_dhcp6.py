#!/usr/bin/env python3
"""DHCPv6 messages (UDP 546/547) for the golden tests: every message type,
every option tcpdump 4.99.3 decodes, DUID types, relay nesting, unknown
types and broken lengths.  Usage: crafted_dhcp6.py IFNAME PEERMAC"""
import struct, socket, sys
from pktgen import *

A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
R6 = '2001:db8:77::3'           # a relay agent's link address


def a6(s):
    return socket.inet_pton(socket.AF_INET6, s)


def o(code, *data):
    d = b''.join(data)
    return struct.pack('!HH', code, len(d)) + d


def msg(mtype, xid, *opts):
    return struct.pack('!I', mtype << 24 | xid) + b''.join(opts)


def relay(mtype, hops, link, peer, *opts):
    return struct.pack('!BB', mtype, hops) + a6(link) + a6(peer) + b''.join(opts)


def dn(*names):
    out = b''
    for n in names:
        for lab in n.split('.'):
            if lab:
                out += bytes([len(lab)]) + lab.encode()
        out += b'\0'
    return out


# DUIDs (RFC 8415 11, RFC 6355)
DUID_LLT = struct.pack('!HHI', 1, 1, 700000000) + mac('02:00:00:00:00:0a')
DUID_EN = struct.pack('!HI', 2, 32473) + bytes.fromhex('0a0b0c0d0e0f1011')
DUID_LL = struct.pack('!HH', 3, 1) + mac('02:00:00:00:00:0b')
DUID_UUID = struct.pack('!H', 4) + bytes(range(16))

CID = o(1, DUID_LLT)
SID = o(2, DUID_LL)


def iaaddr(addr, pl, vl, *sub):
    return o(5, a6(addr) + struct.pack('!II', pl, vl) + b''.join(sub))


def iaprefix(pfx, plen, pl, vl, *sub):
    return o(26, struct.pack('!IIB', pl, vl, plen) + a6(pfx) + b''.join(sub))


def status(code, text=b''):
    return o(13, struct.pack('!H', code) + text)


def messages():
    m = []
    # --- client messages
    m.append(msg(1, 0x123456, CID, o(8, struct.pack('!H', 0)),
                 o(3, struct.pack('!III', 1, 0, 0)),
                 o(6, struct.pack('!7H', 23, 24, 31, 39, 56, 64, 999)),
                 o(14), o(20), o(15, b'\x00\x05class'),
                 o(16, struct.pack('!I', 311) + b'\x00\x08MSFT 5.0'),
                 o(39, b'\x01' + dn('host.example.com'))))
    m.append(msg(2, 0x123456, CID, SID, o(7, b'\xff'),
                 o(3, struct.pack('!III', 1, 3600, 5400),
                   iaaddr('2001:db8:77::100', 7200, 10800, status(0, b'ok'))),
                 status(0, b'all good'),
                 o(12, a6(B6))))
    m.append(msg(3, 0xabcdef, CID, SID, o(8, struct.pack('!H', 150)),
                 o(25, struct.pack('!III', 7, 1800, 2880),
                   iaprefix('2001:db8:77::', 64, 3600, 7200),
                   iaprefix('2001:db8:77:0:8000::', 65, 0xffffffff, 0xffffffff,
                            status(6))),
                 o(4, struct.pack('!I', 9), iaaddr('2001:db8:77::200', 100, 200))))
    m.append(msg(4, 0x000001, CID,
                 o(3, struct.pack('!III', 1, 0, 0), iaaddr('2001:db8:77::100', 0, 0))))
    m.append(msg(5, 0x000002, CID, SID,
                 o(3, struct.pack('!III', 1, 3600, 5400), iaaddr('2001:db8:77::100', 7200, 10800))))
    m.append(msg(6, 0x000003, CID, o(6, struct.pack('!H', 23))))
    # reply: every server-list and name option
    m.append(msg(7, 0xfedcba, CID, SID,
                 o(23, a6('2001:db8:77::53') + a6('2001:db8:77::54')),
                 o(24, dn('example.com', 'lab.example.org', '.')),
                 o(21, dn('sip.example.com')),
                 o(22, a6('2001:db8:77::5060')),
                 o(31, a6('2001:db8:77::123')),
                 o(27, a6('2001:db8:77::27')), o(28, a6('2001:db8:77::28')),
                 o(29, dn('nis.example.com')), o(30, dn('nisplus.example.com')),
                 o(33, dn('bcmcs.example.com')), o(34, a6('2001:db8:77::34')),
                 o(40, a6('2001:db8:77::40')),
                 o(32, struct.pack('!I', 86400))))
    m.append(msg(7, 0xfedcbb, CID, SID,
                 o(56, o(1, a6('2001:db8:77::123')) + o(2, a6('ff05::101')) +
                   o(3, dn('ntp.example.com')) + o(9, b'xy') + o(1, b'short')),
                 o(64, dn('aftr.example.com')),
                 o(41, b'EST5EDT4,M3.2.0/02:00,M11.1.0/02:00'),
                 o(42, b'Europe/Zurich'),
                 o(112, b'https://mud.example.com/.well-known/mud/v1/dev'),
                 o(36, b'\x00US\x01\x02CA'),
                 o(17, struct.pack('!I', 4491) + o(1, b'abc')),
                 o(43, struct.pack('!HH', 18, 37)),
                 o(999, b'unknown'), o(65535)))
    m.append(msg(8, 0x000004, CID, SID,
                 o(3, struct.pack('!III', 1, 0, 0), iaaddr('2001:db8:77::100', 0, 0))))
    m.append(msg(9, 0x000005, CID, SID,
                 o(3, struct.pack('!III', 1, 0, 0), iaaddr('2001:db8:77::100', 0, 0))))
    # reconfigure with the three reconfigure-message values and auth
    rkey = struct.pack('!BBBQ', 3, 1, 0, 0x11) + b'\x01' + bytes(range(16))
    rmac = struct.pack('!BBBQ', 3, 1, 0, 2) + b'\x02' + bytes(range(16, 32))
    rbad = struct.pack('!BBBQ', 3, 1, 0, 3) + b'\x07' + bytes(range(16))
    m.append(msg(10, 0x000006, CID, SID, o(19, b'\x05'), o(11, rmac)))
    m.append(msg(10, 0x070707, CID, SID, o(19, b'\x0b'), o(11, rkey)))
    m.append(msg(10, 0x000008, CID, SID, o(19, b'\x07'), o(11, rbad),
                 o(11, struct.pack('!BBBQ', 3, 1, 0, 4) + b'\x01' + bytes(8))))
    m.append(msg(11, 0x000009, CID, o(6, struct.pack('!HHH', 23, 24, 32)),
                 o(8, struct.pack('!H', 65535))))
    # delayed authentication: no info, realm + key + HMAC, no realm, too short
    m.append(msg(7, 0x00000a, CID, SID,
                 o(11, struct.pack('!BBBQ', 2, 1, 0, 5)),
                 o(11, struct.pack('!BBBQ', 2, 1, 0, 6) + b'realm' +
                   struct.pack('!I', 0x1234) + bytes(range(16))),
                 o(11, struct.pack('!BBBQ', 2, 1, 1, 7) + struct.pack('!I', 0x99) + bytes(16)),
                 o(11, struct.pack('!BBBQ', 2, 1, 0, 8) + bytes(19)),
                 o(11, struct.pack('!BBBQ', 9, 4, 2, 9) + b'opaque'),
                 o(11, b'short')))
    # --- relays
    inner = msg(1, 0x424242, CID, o(8, struct.pack('!H', 10)), o(6, struct.pack('!H', 23)))
    m.append(relay(12, 1, R6, 'fe80::200:ff:fe00:c',
                   o(18, b'eth0/1/2/3/4/5'), o(37, struct.pack('!I', 3561) + b'remote-id-0123456'),
                   o(38, b'sub'), o(9, inner)))
    adv = msg(2, 0x424242, CID, SID, o(7, b'\x0a'))
    r1 = relay(13, 0, R6, 'fe80::200:ff:fe00:a', o(18, b'ge0'), o(9, adv))
    m.append(relay(13, 2, '2001:db8:77::fd', R6, o(9, r1), o(18, b'xe-0/0/1.100')))
    # nested message cut short by its relay-message option, empty, 2 bytes
    m.append(relay(12, 0, R6, B6, o(9, msg(1, 1, CID)[:12]), o(18, b'after')))
    m.append(relay(12, 0, R6, B6, o(9), o(18, b'empty')))
    m.append(relay(12, 0, R6, B6, o(9, b'\x01\x00'), o(14)))
    # a nested relay header cut short by its option: the whole packet ends
    m.append(relay(12, 1, R6, B6, o(9, relay(12, 0, R6, A6)[:20]), o(14)))
    # relay with no options, relay header cut short
    m.append(relay(12, 0, R6, B6))
    m.append(relay(13, 0, R6, B6)[:20])
    # --- leasequery (RFC 5007)
    m.append(msg(14, 0x00000b, CID,
                 o(44, b'\x01' + a6('2001:db8:77::') + iaaddr('2001:db8:77::100', 0, 0)),
                 o(44, b'\x02' + a6('::') + CID), o(44, b'\x07' + a6(R6)),
                 o(44, b'\x01' + bytes(8))))
    m.append(msg(15, 0x00000b, SID,
                 o(45, CID, iaaddr('2001:db8:77::100', 300, 600), o(46, struct.pack('!I', 42))),
                 o(45),
                 o(47, a6(R6) + bytes(range(30))), o(47, a6(R6)),
                 o(48, a6('2001:db8:77::1') + a6('2001:db8:77::2')),
                 o(46, b'\0\0\0')))
    # unknown message types
    m.append(msg(0, 0x111111, CID))
    m.append(msg(200, 0x222222, CID))
    # --- every DUID type and broken DUIDs
    m.append(msg(1, 0x00000c, o(1, DUID_LLT), o(1, DUID_EN), o(1, DUID_LL),
                 o(1, DUID_UUID), o(2, DUID_EN + b'extra'), o(2, struct.pack('!HH', 3, 32)),
                 o(1, struct.pack('!HHI', 1, 1, 5)), o(2, struct.pack('!H', 0xffff))))
    m.append(msg(1, 0x00000d, o(1, b'\x00'), o(1), o(1, struct.pack('!HHH', 1, 1, 0)),
                 o(1, struct.pack('!HI', 2, 1) + b'ab'), o(2, struct.pack('!HB', 3, 0))))
    # --- options with lengths tcpdump rejects (" ?")
    m.append(msg(7, 0x00000e,
                 o(3, bytes(11)), o(25, bytes(4)), o(4, b'\0\0\0'), o(5, bytes(23)),
                 o(26, bytes(24)), o(6, b'\0\x17\0'), o(43, b'\0'), o(7), o(7, b'\1\2'),
                 o(8, b'\1'), o(8, b'\1\2\3'), o(19), o(19, b'\5\5'),
                 o(23, bytes(15)), o(22, bytes(17)), o(31, bytes(8)),
                 o(13, b'\0'), o(13, b'\x01\x00'), o(13, b'\0\x32'), o(13, b'\0\x0a'),
                 o(32, b'\0\0\0'), o(46, bytes(5)), o(37, b'\0\0\1'), o(37, b'\0\0\0\1'),
                 o(18), o(38, bytes(range(12))), o(44, bytes(16)), o(47, bytes(15)),
                 o(56, b'\0\0\0'), o(64, b'\1a'), o(41, b'UTC0'), o(42, b''),
                 o(112, b'http')))
    # AFTR names: a label past the end, NUL inside a label, root only
    m.append(msg(7, 0x00000f, o(64, b'\x04aftr\x07example'), o(64, b'\x03a\x00b\x03com\x00'),
                 o(64, b'\x00\x00\x00'), o(64, b'\x03abc')))
    # NTP sub-options: overrun, trailing header only, FQDN cut by its length
    m.append(msg(7, 0x000010, o(56, o(1, a6(B6)) + struct.pack('!HH', 1, 40))))
    m.append(msg(7, 0x000011, o(56, o(1, a6(B6)) + o(3))))
    m.append(msg(7, 0x000012, o(56, o(3, b'\x03ntp\x07example'))))
    # domain names: pointers, bad label types, bit labels, names past the option
    m.append(msg(7, 0x000013, o(24, b'\x03foo\xc0\x00'), o(23, a6(B6))))
    m.append(msg(7, 0x000014, o(24, b'\x03foo\xc0\x02'), o(24, dn('lab.example.net'))))
    m.append(msg(7, 0x000015, o(24, b'\x03bar\x80')))
    m.append(msg(7, 0x000016, o(24, b'\x03bar\x42\x00')))
    m.append(msg(7, 0x000017, o(24, b'\x41\x0c\xab\xc0\x00'), o(21, b'\x41\x00' + bytes(range(32)) + b'\x00')))
    m.append(msg(7, 0x000018, o(21, b'\x03sip\x07exa'), o(14)))
    m.append(msg(7, 0x000019, o(24, (b'\x3f' + b'a' * 63) * 5 + b'\x00')))
    m.append(msg(7, 0x00001a, o(24, b'\x01\x7f\x02\x80\xff\x00')))
    # option longer than the message, trailing bytes, sub-option overruns
    m.append(msg(7, 0x00001b, CID, struct.pack('!HH', 23, 32) + a6(B6)))
    m.append(msg(7, 0x00001c, CID, b'\x00\x01\x00'))
    m.append(msg(7, 0x00001d, CID, b'\x00'))
    m.append(msg(7, 0x00001e, o(3, struct.pack('!III', 1, 2, 3) + struct.pack('!HH', 5, 30) + a6(B6))))
    m.append(msg(7, 0x00001f, o(25, struct.pack('!III', 1, 2, 3) + b'\x00\x1a\x00'), o(14)))
    m.append(msg(7, 0x000020, o(5, a6(B6) + struct.pack('!II', 1, 2) + b'\x00\x0d\x00\x05\x00\x00'), o(14)))
    # message shorter than its header
    m.append(b'\x01\x00\x00')
    m.append(b'')
    return m


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []
    for i, p in enumerate(messages()):
        mt = p[0] if p else 1
        # client to server for client messages, server to client otherwise
        if mt in (2, 7, 10, 13, 15):
            s, d, sp, dp = B6, A6, 547, 546
        else:
            s, d, sp, dp = A6, B6, 546, 547
        if mt in (12, 13):
            sp = dp = 547
        fr.append(eth(peermac, me, 0x86dd, ip6(s, d, 17, udp(s, d, sp, dp, p, v6=True))))
    # over IPv4 too (tcpdump only looks at the ports)
    p = msg(11, 0x777777, CID, o(8, b'\0\1'))
    fr.append(eth(peermac, me, 0x0800, ip4('10.77.0.1', '10.77.0.2', 17,
                                           udp('10.77.0.1', '10.77.0.2', 546, 547, p))))
    # a UDP length shorter than the captured data
    p = msg(1, 0x888888, CID, o(8, b'\0\1'))
    u = udp(A6, B6, 546, 547, p, v6=True)
    u = u[:4] + struct.pack('!H', 8 + 8) + u[6:]
    fr.append(eth(peermac, me, 0x86dd, ip6(A6, B6, 17, u)))
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:3])
