#!/usr/bin/env python3
"""Small UDP protocols as routers, PXE boot and overlay fabrics send them:
TFTP (port 69: read/write requests with RFC 2347 options, data, acks,
every error code, option acks, broken messages), RIPv1/RIPv2 (port 520:
requests, responses, simple and MD5 authentication with its trailer,
unknown families, odd commands and versions, short entries), RIPng
(port 521), Cisco HSRP v0/v1 (to port 1985), VXLAN-GPE (port 4790)
carrying IPv4, IPv6, Ethernet and NSH, and Broadcom's lawful-intercept
shim (from port 49152) and Cisco's auto-RP (port 496).  Hand-built, sent on the veth with
AF_PACKET.  Usage: crafted_udpapps.py IFACE PEER_MAC"""
import socket, struct, sys
from pktgen import *

A, B, BC = '10.77.0.1', '10.77.0.2', '10.77.0.255'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'


def tftp(op, *parts):
    return struct.pack('!H', op) + b''.join(parts)


def z(s):
    return s + b'\0'


def rip(cmd, ver, *entries):
    return struct.pack('!BBH', cmd, ver, 0) + b''.join(entries)


def rip1e(addr, metric, af=2, mbz=(0, 0, 0)):
    return struct.pack('!HH4sIII', af, mbz[0], socket.inet_aton(addr), mbz[1], mbz[2], metric)


def rip2e(addr, mask, metric, hop='0.0.0.0', tag=0, af=2):
    return struct.pack('!HH4sI4sI', af, tag, socket.inet_aton(addr), mask,
                       socket.inet_aton(hop), metric)


def pfx(n):
    return (0xffffffff << (32 - n)) & 0xffffffff if n else 0


def ripng(cmd, *entries, ver=1):
    return struct.pack('!BBH', cmd, ver, 0) + b''.join(entries)


def ripnge(addr, plen, metric, tag=0):
    return socket.inet_pton(socket.AF_INET6, addr) + struct.pack('!HBB', tag, plen, metric)


def hsrp(op=0, state=16, hello=3, hold=10, prio=100, group=1, rsv=0,
         auth=b'cisco', vip='10.77.0.254', ver=0):
    return struct.pack('!8B8s4s', ver, op, state, hello, hold, prio, group, rsv,
                       auth, socket.inet_aton(vip))


def gpe(nxt, payload, flags=0x0c, vni=1000):
    return struct.pack('!BHBI', flags, 0, nxt, vni << 8) + payload


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def u4(sport, dport, payload, src=A, dst=B, ttl=64):
        fr.append(eth(peermac, me, 0x0800,
                      ip4(src, dst, 17, udp(src, dst, sport, dport, payload), ttl=ttl, df=False)))

    def u6(sport, dport, payload, src=A6, dst=B6, hlim=64):
        fr.append(eth(peermac, me, 0x86dd,
                      ip6(src, dst, 17, udp(src, dst, sport, dport, payload, v6=True), hlim=hlim)))

    # ------------------------------------------------------------ TFTP
    # a PXE client fetching its boot loader, with RFC 2347/2348/2349 options
    u4(49500, 69, tftp(1, z(b'pxelinux.0'), z(b'octet')))
    u4(49501, 69, tftp(1, z(b'pxelinux.cfg/01-02-00-00-00-00-0a'), z(b'octet'),
                       z(b'blksize'), z(b'1468'), z(b'tsize'), z(b'0'),
                       z(b'timeout'), z(b'5')))
    u4(69, 49501, tftp(6, z(b'blksize'), z(b'1468'), z(b'tsize'), z(b'26758')))
    u4(49501, 69, tftp(4, struct.pack('!H', 0)))
    u4(69, 49501, tftp(3, struct.pack('!H', 1), bytes(range(256)) * 2))
    u4(49501, 69, tftp(4, struct.pack('!H', 1)))
    u4(69, 49501, tftp(3, struct.pack('!H', 65535), b'last block\n'))
    u4(69, 49501, tftp(3, struct.pack('!H', 2)))
    u4(49501, 69, tftp(4, struct.pack('!H', 65535)))
    # a switch backing up its configuration
    u4(49502, 69, tftp(2, z(b'switch-confg'), z(b'netascii')))
    u4(49503, 69, tftp(2, z(b'backup/r1.cfg'), z(b'octet'), z(b'tsize'), z(b'4096'),
                       z(b''), z(b'windowsize'), z(b'16')))
    u4(49504, 69, tftp(1, z(b'mail'), z(b'mail')))
    # every error code, an unknown one, an empty message
    msgs = [b'Undefined error', b'File not found', b'Access violation', b'Disk full',
            b'Illegal TFTP operation', b'Unknown transfer ID', b'File already exists',
            b'No such user', b'Option negotiation failed']
    for code, m in enumerate(msgs):
        u4(69, 49510 + code, tftp(5, struct.pack('!H', code), z(m)))
    u4(69, 49520, tftp(5, struct.pack('!H', 0x1234), z(b'')))
    u4(69, 49521, tftp(5, struct.pack('!H', 1)))                     # no message
    u4(69, 49522, tftp(5, struct.pack('!H', 2), b'no terminator'))  # no NUL
    u4(69, 49523, tftp(5, b'\x00'))                                  # short code
    # empty option ack, unknown opcodes, short and broken requests
    u4(69, 49524, tftp(6))
    u4(69, 49525, tftp(6, z(b'blksize'), b'512'))
    u4(49526, 69, tftp(7, b'junk'))
    u4(49527, 69, tftp(0))
    u4(49528, 69, b'\x00')
    u4(49529, 69, b'')
    u4(49530, 69, tftp(1))
    u4(49531, 69, tftp(1, b'unterminated'))
    u4(49532, 69, tftp(1, z(b'nomode')))
    u4(49533, 69, tftp(2, z(b'file'), b'octet'))
    u4(49534, 69, tftp(1, z(b'ctl\x01\x1f\x7f\xe9\xff'), z(b'OCTET'), z(b'x')))
    u4(49535, 69, tftp(3, b'\x01'))
    u4(49536, 69, tftp(4))
    u4(49537, 69, tftp(1, z(b''), z(b'')))
    # over IPv6
    u6(49540, 69, tftp(1, z(b'grubx64.efi'), z(b'octet'), z(b'blksize'), z(b'1432')))
    u6(69, 49540, tftp(5, struct.pack('!H', 8), z(b'blksize too large')))

    # -------------------------------------------------------------- RIP
    # RIPv1: table request, responses, odd entries
    u4(520, 520, rip(1, 1, rip1e('0.0.0.0', 16, af=0)), dst=BC, ttl=1)
    u4(520, 520, rip(2, 1, rip1e('10.77.0.0', 1), rip1e('192.0.2.0', 2),
                     rip1e('198.51.100.0', 16), rip1e('203.0.113.0', 0xffffffff)), dst=BC)
    u4(520, 520, rip(2, 1, rip1e('192.0.2.0', 3, af=6), rip1e('192.0.2.1', 3, af=0)), dst=BC)
    u4(520, 520, rip(2, 1, rip1e('192.0.2.0', 3, mbz=(1, 0, 0)),
                     rip1e('192.0.2.0', 3, mbz=(0, 0xffffff00, 0))), dst=BC)
    u4(520, 520, rip(2, 1, rip1e('192.0.2.0', 1), rip1e('198.51.100.0', 2)[:10]), dst=BC)
    u4(520, 520, rip(2, 1, rip1e('192.0.2.0', 1, af=30)[:12]), dst=BC)
    u4(520, 520, rip(2, 1), dst=BC)
    # RIPv2 (FRR ripd, Quagga): request, responses with tags and next hops
    u4(520, 520, rip(1, 2, rip2e('0.0.0.0', 0, 16, af=0)), ttl=1)
    u4(520, 520, rip(2, 2, rip2e('10.77.0.0', pfx(24), 1),
                     rip2e('192.0.2.0', pfx(25), 2, hop='10.77.0.3', tag=0x1234),
                     rip2e('198.51.100.128', pfx(26), 16, tag=0xffff),
                     rip2e('203.0.113.7', pfx(32), 15, hop='10.77.0.4'),
                     rip2e('0.0.0.0', 0, 1),
                     rip2e('192.0.2.0', 0xff00ff00, 3),
                     rip2e('192.0.2.0', pfx(24), 4, af=0)), ttl=1)
    # simple password, keyed MD5 header plus trailer (RFC 4822)
    u4(520, 520, rip(2, 2, struct.pack('!HH16s', 0xffff, 2, b'ripsecret'),
                     rip2e('10.77.0.0', pfx(24), 1)))
    u4(520, 520, rip(2, 2, struct.pack('!HH16s', 0xffff, 2, b'0123456789abcdef'),
                     rip2e('10.77.0.0', pfx(24), 1)))
    u4(520, 520, rip(2, 2, struct.pack('!HH16s', 0xffff, 2, b'\x01tab\t\x80\xff')))
    md5hdr = struct.pack('!HHHBBIII', 0xffff, 3, 64, 1, 20, 0x5f3a9e01, 0, 0)
    trailer = struct.pack('!HH', 0xffff, 1) + bytes(range(0xa0, 0xb0))
    u4(520, 520, rip(2, 2, md5hdr, rip2e('10.77.0.0', pfx(24), 1),
                     rip2e('192.0.2.0', pfx(24), 2), trailer))
    u4(520, 520, rip(2, 2, struct.pack('!HHHBBIII', 0xffff, 3, 44, 255, 16, 0xffffffff, 7, 1),
                     rip2e('10.77.0.0', pfx(24), 1)))
    u4(520, 520, rip(2, 2, md5hdr[:14]))                               # header cut
    u4(520, 520, rip(2, 2, struct.pack('!HH', 0xffff, 9) + b'\x11' * 10))
    u4(520, 520, rip(2, 2, struct.pack('!HH', 0xffff, 1)))
    u4(520, 520, rip(2, 2, struct.pack('!HH', 0xffff, 2) + b'short'))
    # unknown families, entries cut short, a lone short tail
    u4(520, 520, rip(2, 2, rip2e('192.0.2.0', pfx(24), 1, af=28),
                     rip2e('192.0.2.0', pfx(24), 1, af=77)))
    u4(520, 520, rip(2, 2, rip2e('10.77.0.0', pfx(24), 1), rip2e('192.0.2.0', pfx(24), 1)[:12]))
    u4(520, 520, rip(2, 2, rip2e('10.77.0.0', pfx(24), 1), b'\x00\x02'))
    u4(520, 520, rip(2, 2, rip2e('10.77.0.0', pfx(24), 1), rip2e('1.2.3.4', 0, 1, af=7)[:10]))
    # other commands, versions
    u4(520, 520, rip(3, 1, b'/var/log/ripd.trace\0'))
    u4(520, 520, rip(4, 1))
    u4(520, 520, rip(5, 2, rip2e('0.0.0.0', 0, 16, af=0)))
    u4(520, 520, rip(6, 2, rip2e('10.77.0.0', pfx(24), 1)))
    u4(520, 520, rip(9, 2, b'\xde\xad\xbe\xef'))
    u4(520, 520, rip(0, 2))
    u4(520, 520, rip(1, 0, rip1e('0.0.0.0', 16, af=0)))
    u4(520, 520, rip(2, 3, rip2e('10.77.0.0', pfx(24), 1)))
    u4(520, 520, rip(1, 255))
    u4(520, 520, b'\x02\x02')
    u4(520, 520, b'')
    u4(49999, 520, rip(1, 2, rip2e('10.77.0.0', pfx(24), 16)))

    # ------------------------------------------------------------ RIPng
    u6(521, 521, ripng(1, ripnge('::', 0, 16)), hlim=255)
    u6(521, 521, ripng(1, ripnge('2001:db8:77::', 64, 0), ripnge('2001:db8:1::', 48, 0, tag=7)))
    u6(521, 521, ripng(2, ripnge('2001:db8:77::', 64, 1), ripnge('2001:db8:100::', 40, 3, tag=0x8001),
                       ripnge('2001:db8:77::1', 128, 16), ripnge('::', 0, 1),
                       ripnge('::ffff:10.77.0.1', 128, 0xff)), hlim=255)
    u6(521, 521, ripng(2, ripnge('2001:db8:77::', 64, 1)) + b'\x01\x02\x03')
    u6(521, 521, ripng(1, ripnge('2001:db8:77::', 64, 1)) + b'\xff' * 7)
    u6(521, 521, ripng(1, ripnge('::', 0, 15)))
    u6(521, 521, ripng(1, ripnge('2001:db8::', 0, 16)))
    u6(521, 521, ripng(1))
    u6(521, 521, ripng(2))
    u6(521, 521, ripng(2, ripnge('2001:db8:77::', 64, 1), ver=2))
    u6(521, 521, ripng(3, ripnge('2001:db8:77::', 64, 1)))
    u6(521, 521, ripng(0))
    u6(521, 521, b'\x01\x01\x00')
    u6(521, 521, b'\x02')
    u6(521, 521, b'')
    u4(521, 521, ripng(2, ripnge('2001:db8:77::', 64, 2)))

    # ------------------------------------------------------------- HSRP
    for state in (0, 1, 2, 4, 8, 16, 3, 32):
        u4(1985, 1985, hsrp(state=state), dst=BC, ttl=1)
    u4(1985, 1985, hsrp(op=1, state=4, prio=200, group=10), dst=BC, ttl=1)
    u4(1985, 1985, hsrp(op=2, state=16, prio=50, group=10), dst=BC, ttl=1)
    u4(1985, 1985, hsrp(op=3, state=8), dst=BC, ttl=1)
    u4(1985, 1985, hsrp(op=255, state=255, group=255, rsv=7, vip='192.0.2.1'), dst=BC, ttl=1)
    u4(1985, 1985, hsrp(hello=0, hold=255, prio=255, auth=b'abcdefgh'), dst=BC, ttl=1)
    u4(1985, 1985, hsrp(hello=1, hold=3, prio=0, auth=b''), dst=BC, ttl=1)
    u4(1985, 1985, hsrp(auth=b'\x01\x7f\xe9 x\tz'), dst=BC, ttl=1)
    u4(1985, 1985, hsrp(ver=1), dst=BC, ttl=1)
    u4(1985, 1985, hsrp(ver=2) + b'\x00' * 8, dst=BC, ttl=1)
    u4(1985, 1985, hsrp()[:10], dst=BC, ttl=1)
    u4(1985, 1985, hsrp()[:18], dst=BC, ttl=1)
    u4(1985, 1985, b'', dst=BC, ttl=1)
    u4(1985, 1985, hsrp() + b'extra', dst=BC, ttl=1)
    u4(40000, 1985, hsrp(state=8, group=2), dst=BC, ttl=1)
    u4(1985, 40001, hsrp(state=8, group=3))       # only the destination counts

    # -------------------------------------------------------- VXLAN-GPE
    inner4 = ip4('192.0.2.10', '192.0.2.20', 17, udp('192.0.2.10', '192.0.2.20', 5000, 6000, b'gpe!'),
                 ttl=63)
    inner6 = ip6('2001:db8:77::a', '2001:db8:77::b', 17,
                 udp('2001:db8:77::a', '2001:db8:77::b', 5001, 6001, b'gpe6', v6=True))
    innere = eth('02:00:00:00:00:22', '02:00:00:00:00:21', 0x0800, inner4)
    nsh = struct.pack('!HBBI', 0x0fc6, 0x01, 0x01, 0x000123ff) + struct.pack('!IIII', 1, 2, 3, 4)
    u4(40790, 4790, gpe(1, inner4))
    u4(40791, 4790, gpe(2, inner6, flags=0x0c, vni=0xffffff))
    u4(40792, 4790, gpe(3, innere, flags=0x08, vni=0))
    u4(40793, 4790, gpe(4, nsh + inner4, flags=0x0d, vni=42))
    u4(40794, 4790, gpe(5, b'\x00' * 8, flags=0x0f))
    u4(40795, 4790, gpe(0, b'', flags=0x00))
    u4(40796, 4790, gpe(1, inner4, flags=0xf0, vni=77))
    u4(40797, 4790, gpe(1, b''))
    u4(40798, 4790, gpe(3, innere[:10]))
    u4(40799, 4790, gpe(1, inner4)[:7])
    u4(40800, 4790, b'')
    u6(40801, 4790, gpe(1, inner4, vni=4790))
    # ------------------------------------------ Broadcom LI shim (49152)
    def li(direction, ptype, sub, liid, payload):
        return struct.pack('!I', direction << 29 | ptype << 25 | sub << 22 | liid) + payload
    u4(49152, 20000, li(3, 5, 3, 4242, inner4))
    u4(49152, 20001, li(2, 6, 1, 0x3fffff, inner6))
    u4(49152, 20002, li(1, 7, 2, 7, innere))
    u4(49152, 20003, li(0, 4, 0, 1, inner4))
    u4(49152, 20004, li(3, 4, 3, 2, inner6))
    u4(49152, 20005, li(3, 4, 3, 3, b'\x20' * 12))
    u4(49152, 20006, li(7, 9, 5, 9, b'payload'))
    u4(49152, 20007, li(3, 5, 3, 10, inner4[:12]))
    u4(49152, 20008, b'\x60\x00')
    u6(49152, 20009, li(2, 7, 3, 11, innere))
    # ------------------------------------------------- Cisco auto-RP (496)
    def autorp(typ, hold, rps, nrp=None):
        b = struct.pack('!BBHI', typ, len(rps) if nrp is None else nrp, hold, 0)
        for rp, ver, ents in rps:
            b += socket.inet_aton(rp) + bytes([ver, len(ents)])
            for flags, mlen, grp in ents:
                b += bytes([flags, mlen]) + socket.inet_aton(grp)
        return b
    u4(496, 496, autorp(0x11, 181, [('10.77.0.1', 3, [(0, 4, '224.0.0.0')])]), dst='224.0.1.39')
    u4(496, 496, autorp(0x12, 181, [('10.77.0.1', 2, [(0, 8, '239.0.0.0'), (1, 16, '239.1.0.0'),
                                                      (2, 24, '239.2.2.0')]),
                                    ('10.77.0.2', 1, [(0xfe, 32, '232.1.1.1')])]),
       dst='224.0.1.40')
    u4(496, 496, autorp(0x11, 0, [('10.77.0.1', 0xfc, [])]), dst='224.0.1.39')
    u4(496, 496, autorp(0x33, 10, [('10.77.0.1', 2, [(0, 4, '224.0.0.0')])], nrp=3))
    u4(496, 496, b'\x11\x01\x00')
    u4(496, 496, autorp(0x12, 60, [('10.77.0.1', 2, [(0, 8, '239.0.0.0')] * 3)])[:20])
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
