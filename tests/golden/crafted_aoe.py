#!/usr/bin/env python3
"""ATA over Ethernet (ethertype 0x88a2) and IEEE 802.1ag CFM (0x8902 and the
old 0xabcd), as an AoE initiator and a vblade target and a pair of bridges
running connectivity fault management exchange them.
AoE: query config requests and responses (every CCmd, config strings),
ATA commands (identify, read/write ext, every AFlag, error responses),
MAC mask lists (directives), reserve/release (MAC lists), unknown commands
and versions, short and inconsistent lengths.
CFM: continuity checks (every interval, RDI, every MD and MA name format,
names too long or NUL-padded), loopback messages and replies, linktrace
messages and replies, Y.1731 and unknown opcodes, unsupported versions,
first-TLV offsets too small and too large, every TLV (Sender ID in all its
chassis ID and management address forms, port and interface status,
organisation specific, data, reply ingress/egress, unknown), TLVs too short
or overlong and PDUs ending inside a TLV.
Hand-built, sent on the veth with AF_PACKET.
Usage: crafted_aoe.py IFACE PEER_MAC"""
import struct, sys, socket
from pktgen import *

BCAST = 'ff:ff:ff:ff:ff:ff'
TARGET = mac('00:00:5e:00:53:20')	# the vblade server's MAC
HOST2 = mac('00:00:5e:00:53:21')
HOST3 = mac('02:00:00:00:00:0c')
BRIDGE1 = mac('00:00:5e:00:53:31')
BRIDGE2 = mac('00:00:5e:00:53:32')


# ------------------------------------------------------------------ AoE
def aoe(flags, cmd, arg, major=0x0014, minor=0, tag=0x0001cd4a, err=0, ver=1, pad=True):
    b = struct.pack('!BBHBBI', ver << 4 | flags, err, major, minor, cmd, tag) + arg
    if pad and len(b) < 46:
        b += bytes(46 - len(b))
    return b


def ata(aflags, feat, count, cmd, lba, data=b''):
    lb = lba.to_bytes(6, 'little')
    return struct.pack('!BBBB', aflags, feat, count, cmd) + lb + b'\x00\x00' + data


def query(bufcnt, fw, sc, aoever, ccmd, cs=b'', cslen=None):
    return struct.pack('!HHBBH', bufcnt, fw, sc, aoever << 4 | ccmd,
                       len(cs) if cslen is None else cslen) + cs


def masklist(mcmd, merr, dirs, count=None):
    b = struct.pack('!BBBB', 0, mcmd, merr, len(dirs) if count is None else count)
    for dcmd, m in dirs:
        b += struct.pack('!BB', 0, dcmd) + m
    return b


def reserve(rcmd, macs, n=None):
    return struct.pack('!BB', rcmd, len(macs) if n is None else n) + b''.join(macs)


# ------------------------------------------------------------------ CFM
def cfm(op, flags, fto, body, level=0, ver=0):
    return struct.pack('!BBBB', level << 5 | ver, op, flags, fto) + body


def ctlv(t, val, ln=None):
    return struct.pack('!BH', t, len(val) if ln is None else ln) + val


END = b'\x00'


def names(mdfmt, md, mafmt, ma, mdlen=None, malen=None):
    if mdfmt == 1:
        b = b'\x01'
    else:
        b = struct.pack('!BB', mdfmt, len(md) if mdlen is None else mdlen) + md
    b += struct.pack('!BB', mafmt, len(ma) if malen is None else malen) + ma
    return b[:48] + bytes(48 - len(b[:48]))


def ccm(seq, mep, nm, interval=4, rdi=False, level=5, tlvs=None, fto=70):
    body = struct.pack('!IH', seq, mep) + nm + bytes(16)
    if tlvs is None:
        tlvs = ctlv(2, b'\x02') + ctlv(3, b'\x01') + END
    return cfm(1, (0x80 if rdi else 0) | interval, fto, body + tlvs, level)


def sender(chassis=None, domain=None, addr=None, raw=None):
    """Sender ID value: (subtype, id) chassis, management domain/address."""
    if raw is not None:
        return raw
    b = b''
    if chassis is None:
        b += b'\x00'
    else:
        st, cid = chassis
        b += struct.pack('!BB', len(cid), st) + cid
    if domain is not None:
        b += struct.pack('!B', len(domain)) + domain
        if addr is not None:
            b += struct.pack('!B', len(addr)) + addr
    return b


def ip4b(a):
    return socket.inet_aton(a)


def ip6b(a):
    return socket.inet_pton(socket.AF_INET6, a)


# snmpUDPDomain 1.3.6.1.6.1.1 (BER) and a UDP transport address
UDP_DOMAIN = bytes.fromhex('06072b060106010101')[2:]
UDP_ADDR = ip4b('10.77.0.1') + struct.pack('!H', 161)


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def a(payload, dst=BCAST):
        fr.append(eth(dst, me, 0x88a2, payload))

    def c(payload, level=None, dst=None, etype=0x8902):
        if dst is None:
            lvl = (payload[0] >> 5) if payload else 0
            dst = '01:80:c2:00:00:3%x' % lvl
        fr.append(eth(dst, me, etype, payload))

    # ===== AoE: discovery
    a(aoe(0, 1, query(0, 0, 0, 0, 0), major=0xffff, minor=0xff, tag=0))
    a(aoe(0x8, 1, query(16, 0x4019, 2, 1, 0, b'vblade shelf 20 slot 0'), tag=0), dst=peermac)
    a(aoe(0, 1, query(0, 0, 0, 1, 1, b'host-a'), major=0x0014, tag=0x10))
    a(aoe(0, 1, query(0, 0, 0, 1, 2, b'host'), major=0x0014, tag=0x11))
    a(aoe(0, 1, query(0, 0, 0, 1, 3, b'owner=host-a\x00\x01\x7f\xe9'), tag=0x12))
    a(aoe(0, 1, query(0, 0, 0, 1, 4, b'x' * 40), tag=0x13))
    a(aoe(0, 1, query(0, 0, 0, 1, 9), tag=0x14))
    a(aoe(0xc, 1, query(8, 1, 1, 1, 1), err=4, tag=0x12))
    # config string length past the frame and past 1024
    a(aoe(0, 1, query(0, 0, 0, 1, 0, b'abc', cslen=200), tag=0x15, pad=False))
    a(aoe(0, 1, query(0, 0, 0, 1, 0, b'abc', cslen=2000), tag=0x16, pad=False))
    a(aoe(0, 1, query(0, 0, 0, 1, 0)[:6], tag=0x17, pad=False))
    # ===== AoE: ATA commands
    a(aoe(0, 0, ata(0, 0, 1, 0xec, 0xa0000000)), dst=peermac)
    a(aoe(0x8, 0, ata(0, 0, 0, 0x40, 0xa0000000, bytes(range(256)) * 2)))
    a(aoe(0, 0, ata(0x40, 0, 2, 0x24, 0), tag=0x0002cd63), dst=peermac)
    a(aoe(0, 0, ata(0x40, 0, 2, 0x24, 0x0102030405), tag=0x0003cd63), dst=peermac)
    a(aoe(0x8, 0, ata(0x40, 0, 0, 0x40, 2, b'\xaa' * 1024), tag=0x0003cd63))
    a(aoe(0, 0, ata(0x43, 0, 2, 0x34, 0xffffffffffff, b'\x55' * 1024), tag=0x5), dst=peermac)
    a(aoe(0, 0, ata(0x10, 0x3, 0, 0xef, 0), tag=0x6), dst=peermac)
    a(aoe(0, 0, ata(0xac, 0xff, 255, 0xe7, 0x00ffffffff), tag=0x7), dst=peermac)
    a(aoe(0xf, 0, ata(0x40, 0x04, 2, 0x51, 16), tag=0x8))
    a(aoe(0x4, 0, ata(0, 0, 0, 0, 0), tag=0x9, err=1))
    for e in (2, 3, 5, 6, 7, 0):
        a(aoe(0xc, 0, ata(0, 0, 0, 0, 0), tag=0x10 + e, err=e))
    a(aoe(0, 0, ata(0, 0, 1, 0xec, 0)[:12], pad=False))
    a(aoe(0, 0, ata(0, 0, 1, 0xec, 0)[:8], pad=False))
    # ===== AoE: MAC mask lists
    a(aoe(0, 2, masklist(0, 0, []), tag=0x20), dst=peermac)
    a(aoe(0x8, 2, masklist(0, 0, [(0, mac(me)), (0, HOST2)]), tag=0x20))
    a(aoe(0, 2, masklist(1, 0, [(1, HOST2), (2, HOST3), (7, TARGET)]), tag=0x21), dst=peermac)
    a(aoe(0xc, 2, masklist(1, 3, [(1, HOST3)]), tag=0x21, err=2))
    a(aoe(0x8, 2, masklist(1, 1, []), tag=0x22))
    a(aoe(0x8, 2, masklist(1, 2, []), tag=0x23))
    a(aoe(0x8, 2, masklist(5, 9, []), tag=0x24))
    a(aoe(0, 2, masklist(1, 0, [(1, HOST2)], count=6), tag=0x25))
    a(aoe(0, 2, masklist(1, 0, [(1, HOST2)], count=2), tag=0x26, pad=False))
    a(aoe(0, 2, b'\x00\x01\x00', tag=0x27, pad=False))
    # ===== AoE: reserve/release
    a(aoe(0, 3, reserve(0, []), tag=0x30, pad=False), dst=peermac)
    a(aoe(0x8, 3, reserve(0, [HOST2]), tag=0x30, pad=False))
    a(aoe(0, 3, reserve(1, [mac(me), HOST2]), tag=0x31, pad=False), dst=peermac)
    a(aoe(0, 3, reserve(2, [HOST3, HOST2, TARGET]), tag=0x32, pad=False), dst=peermac)
    a(aoe(0xc, 3, reserve(1, []), tag=0x31, err=6, pad=False))
    a(aoe(0, 3, reserve(7, [HOST2]), tag=0x33, pad=False))
    a(aoe(0, 3, reserve(1, [HOST2], n=2), tag=0x34, pad=False))
    a(aoe(0, 3, reserve(1, [HOST2]), tag=0x35))		# padding: not a multiple of 6
    a(aoe(0, 3, b'\x01', tag=0x36, pad=False))
    # ===== AoE: unknown commands and versions, short headers
    a(aoe(0, 4, b'\x01\x02\x03\x04', tag=0x40))
    a(aoe(0x3, 0xf0, b'', tag=0x41))
    a(aoe(0, 1, query(0, 0, 0, 0, 0), ver=0, tag=0))
    a(aoe(0x8, 1, query(0, 0, 0, 0, 0), ver=2, tag=0))
    a(aoe(0, 1, b'', tag=0, pad=False)[:9])
    a(b'\x10')
    a(b'')
    # tagged (VLAN 20)
    fr.append(eth(BCAST, me, 0x8100, struct.pack('!HH', 20, 0x88a2) +
                  aoe(0, 1, query(0, 0, 0, 0, 0), major=0xffff, minor=0xff, tag=0)))

    # ===== CFM: continuity checks
    md_char = names(4, b'example-md', 2, b'vlan100-ma')
    c(ccm(1, 101, md_char, interval=4, level=5))
    c(ccm(2, 101, md_char, interval=4, level=5, rdi=True))
    for i in (1, 2, 3, 5, 6, 7, 0):
        c(ccm(0x100 + i, 0x2002, names(2, b'cfm.example.com', 2, b'ma-%d' % i),
              interval=i, level=i))
    c(ccm(0xfffffffe, 8191, names(1, b'', 3, b'\x00\x64')))
    c(ccm(10, 7, names(1, b'', 1, b'\x00\x64')))
    c(ccm(11, 7, names(3, BRIDGE1 + b'\x00\x05', 4, b'\x00\x00\x5e\x00\x00\x00\x07')))
    c(ccm(12, 7, names(3, BRIDGE1, 0, b'\x01\x02\x03')))
    c(ccm(13, 7, names(0, b'\x0a\x0b\x0c', 9, b'\xde\xad')))
    c(ccm(14, 7, names(7, b'\x01\x02\x03\x04\x05', 2, b'ma\x00pad')))
    c(ccm(15, 7, names(4, b'md\x00\x00\x00', 2, b'ma-\x01\xff')))
    c(ccm(16, 7, names(4, b'x' * 43, 2, b'')))
    c(ccm(17, 7, names(4, b'x' * 44, 2, b'')))
    c(ccm(18, 7, names(1, b'', 2, b'y' * 46, malen=46)))
    c(ccm(19, 7, names(1, b'', 2, b'y' * 46, malen=47)))
    c(ccm(20, 7, names(4, b'md', 2, b'm' * 42, malen=43)))
    c(ccm(21, 7, names(4, b'md', 2, b'm' * 42, malen=44)))
    c(ccm(22, 7, names(4, b'md', 2, b'ma'), fto=69))
    c(ccm(23, 7, names(4, b'md', 2, b'ma'), fto=74, tlvs=bytes(4) + ctlv(2, b'\x01') + END))
    c(ccm(24, 7, names(4, b'md', 2, b'ma'), fto=200))
    c(ccm(25, 7, names(4, b'md', 2, b'ma'),
          tlvs=ctlv(2, b'\x00') + ctlv(2, b'\x07') + ctlv(3, b'\x02') + ctlv(3, b'\x03') +
          ctlv(3, b'\x04') + ctlv(3, b'\x05') + ctlv(3, b'\x06') + ctlv(3, b'\x07') +
          ctlv(3, b'\x00\x99') + END))
    c(ccm(26, 7, names(4, b'md', 2, b'ma'), tlvs=ctlv(2, b'')))
    c(ccm(27, 7, names(4, b'md', 2, b'ma'), tlvs=ctlv(3, b'')))
    c(ccm(28, 7, names(4, b'md', 2, b'ma'), tlvs=b''))
    c(ccm(29, 7, names(4, b'md', 2, b'ma'))[:60])
    c(cfm(1, 4, 70, b'\x00\x00'))
    # the pre-standard ethertype, and a VLAN tagged CCM
    c(ccm(30, 9, md_char), etype=0xabcd)
    fr.append(eth('01:80:c2:00:00:35', me, 0x8100, struct.pack('!HH', 0xa064, 0x8902) +
                  ccm(31, 9, md_char)))

    # ===== CFM: loopback
    data = ctlv(4, bytes(range(40)))
    snd = ctlv(1, sender((4, BRIDGE1), UDP_DOMAIN, UDP_ADDR))
    c(cfm(3, 0, 4, struct.pack('!I', 0x1001) + snd + data + END, level=4), dst=peermac)
    c(cfm(2, 0, 4, struct.pack('!I', 0x1001) + snd + data + END, level=4))
    c(cfm(3, 0, 4, struct.pack('!I', 0x1002) + END, level=4))
    c(cfm(3, 0, 0, struct.pack('!I', 0x1003) + END, level=4))
    c(cfm(3, 0, 8, struct.pack('!I', 0x1004) + END, level=4))
    c(cfm(2, 0, 4, struct.pack('!I', 0x1005), level=4))

    # ===== CFM: linktrace
    ltm = struct.pack('!IB6s6s', 0x2001, 64, BRIDGE1, BRIDGE2)
    egress = ctlv(7, b'\x00\x01' + BRIDGE1)
    c(cfm(5, 0x80, 17, ltm + egress + END, level=3))
    c(cfm(5, 0x00, 17, ltm + egress + snd + END, level=3))
    c(cfm(5, 0x7f, 17, ltm + END, level=3))
    c(cfm(5, 0x80, 16, ltm + END, level=3))
    c(cfm(5, 0x80, 19, ltm + b'\xaa\xbb' + END, level=3))
    for act, fl in ((1, 0xe0), (2, 0x40), (3, 0x20), (9, 0x00), (0, 0x80)):
        ltr = struct.pack('!IBB', 0x2001, 63, act)
        c(cfm(4, fl, 6, ltr + ctlv(8, b'\x00\x01' + BRIDGE1 + b'\x00\x02' + BRIDGE2) +
              ctlv(5, b'\x01' + BRIDGE2 + b'\x03\x07eth0/1') +
              ctlv(6, b'\x02' + BRIDGE2) +
              ctlv(31, b'\x00\x00\x0c\x01\x02\x03') + ctlv(31, b'\x00\x80\xc2\x07') +
              ctlv(31, b'\x12\x34\x56\x00\xff') + END, level=3), dst=peermac)
    c(cfm(4, 0, 5, struct.pack('!IBB', 0x2002, 1, 1) + END, level=3))
    c(cfm(4, 0, 6, struct.pack('!IBB', 0x2003, 1, 1) + ctlv(31, b'\x00\x00\x0c'), level=3))

    # ===== CFM: Sender ID TLVs
    def sid(*tl, op=3):
        c(cfm(op, 0, 4, struct.pack('!I', 0x3000 + len(fr)) + b''.join(tl) + END, level=2))
    sid(ctlv(1, sender()))
    sid(ctlv(1, sender(None, b'')))
    sid(ctlv(1, sender((4, BRIDGE2))))
    sid(ctlv(1, sender((4, BRIDGE2[:5]), b'')))
    sid(ctlv(1, sender((5, b'\x01' + ip4b('10.77.0.2')), UDP_DOMAIN, UDP_ADDR)))
    sid(ctlv(1, sender((5, b'\x02' + ip6b('2001:db8:77::2')), b'')))
    sid(ctlv(1, sender((5, b'\x01' + ip4b('10.77.0.2') + b'\x00'), b'')))
    sid(ctlv(1, sender((5, b'\x02' + ip6b('2001:db8:77::2')[:8]), b'')))
    sid(ctlv(1, sender((5, b'\x06' + BRIDGE2), b'')))
    sid(ctlv(1, sender((5, b'\x63\x01'), b'')))
    sid(ctlv(1, sender((5, b'\x01'))))
    sid(ctlv(1, sender((7, b'bridge-2'), b'')))
    sid(ctlv(1, sender((6, b'eth0'), b'\x01\x02', b'')))
    sid(ctlv(1, sender((1, b'chassis-1\x00x'), b'')))
    sid(ctlv(1, sender((2, b'uplink'), b'')))
    sid(ctlv(1, sender((3, b'port\x01\x80'), b'')))
    sid(ctlv(1, sender((0, b'\x01\x02\x03'), b'')))
    sid(ctlv(1, sender((9, b'\x01\x02\x03'), UDP_DOMAIN, UDP_ADDR)))
    sid(ctlv(1, sender(None, UDP_DOMAIN, UDP_ADDR)))
    sid(ctlv(1, sender(None, UDP_DOMAIN + bytes(30), ip6b('2001:db8:77::1') + b'\x00\xa1')))
    sid(ctlv(1, sender(None, UDP_DOMAIN)))				# address length missing
    sid(ctlv(1, sender(raw=b'\x00\x09\x01\x02')) + ctlv(2, b'\x02'))	# domain too long
    sid(ctlv(1, sender(raw=b'\x00\x02\x01\x02\x07\x01')) + ctlv(2, b'\x02'))	# address too long
    sid(ctlv(1, b'') + ctlv(2, b'\x01'))
    sid(ctlv(1, b'\x06') + ctlv(2, b'\x01'))			# no room for the subtype
    sid(ctlv(1, b'\x06\x04\x01\x02') + ctlv(2, b'\x01'))	# chassis ID too long
    sid(ctlv(1, b'\x06\x04' + BRIDGE1 + b'\x00') + ctlv(3, b'\x01'))
    sid(ctlv(1, sender((4, BRIDGE2), b'')) + ctlv(1, sender((7, b'x'), b'\x00')), op=2)

    # ===== CFM: other TLVs, lengths, opcodes and versions
    sid(ctlv(4, b''), ctlv(4, b'\x00' * 3), ctlv(5, b'\x01'), ctlv(6, b''), ctlv(0x40, b'?'))
    sid(ctlv(31, b'\x00\x00'))
    sid(ctlv(2, b'\x02', ln=300))
    c(cfm(3, 0, 4, struct.pack('!I', 0x4001) + b'\x02\x00', level=2))
    c(cfm(3, 0, 4, struct.pack('!I', 0x4002) + b'\x02', level=2))
    c(cfm(3, 0, 4, struct.pack('!I', 0x4003) + ctlv(4, b'abc'), level=2))
    for op in (33, 35, 37, 40, 41, 42, 43, 45, 46, 47, 0, 255):
        c(cfm(op, 0x04, 0, b'\x00' * 12 + END, level=6))
    c(cfm(47, 0, 32, bytes(32) + END, level=6))
    c(cfm(1, 4, 70, bytes(80), ver=1, level=5))
    c(cfm(3, 0, 4, bytes(8), ver=31, level=7))
    c(b'\xa0\x01\x04')
    c(b'\xa0')
    c(b'', dst='01:80:c2:00:00:30')
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
