#!/usr/bin/env python3
"""Telnet (TCP 23) and PPTP control connections (TCP 1723).

Telnet: a login session as a BSD telnet client and a Linux telnetd
negotiate it (TTYPE, TSPEED, XDISPLOC, NEW-ENVIRON, NAWS, LFLOW, LINEMODE,
STATUS sub-negotiations), every single-byte command, every option name and
unnamed ones, AUTHENTICATION and ENCRYPT sub-negotiations with every
qualifier and type name, data before and after the commands, and broken
sequences (unknown commands, an IAC or IAC WILL at the end, a
sub-negotiation without its IAC SE, one whose last byte is an IAC, one cut
right after the option), over IPv4 and IPv6.

PPTP: a PNS and a PAC set up a control connection and calls (SCCRQ/SCCRP,
OCRQ/OCRP, ICRQ/ICRP/ICCN, SLI, WEN, ECHO, CCRQ/CDN, StopCCRQ/StopCCRP)
with every result, error, reason, bearer and framing value, non-zero
reserved fields, odd text fields (no NUL, control and 8-bit characters,
number lengths past 64), a bad magic cookie, management and unknown
message types, unknown control message types and messages cut short.

Hand-built TCP segments, sent on the veth with AF_PACKET from addresses
nobody owns, so nothing answers.
Usage: crafted_telnet.py IFACE PEER_MAC"""
import struct, sys
from pktgen import *

# telnet client/server, PPTP PNS/PAC
TC, TS = '10.77.0.50', '10.77.0.60'
TC6, TS6 = '2001:db8:77::50', '2001:db8:77::60'
PNS, PAC = '10.77.0.70', '10.77.0.80'
PNS6, PAC6 = '2001:db8:77::70', '2001:db8:77::80'

IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240
O_ECHO, O_SGA, O_STATUS, O_TTYPE, O_NAWS, O_TSPEED = 1, 3, 5, 24, 31, 32
O_LFLOW, O_LINEMODE, O_XDISPLOC, O_AUTH, O_ENC, O_NENV = 33, 34, 35, 37, 38, 39


def cmd(c, opt=None):
    return bytes([IAC, c]) if opt is None else bytes([IAC, c, opt])


def sb(opt, body=b''):
    return bytes([IAC, SB, opt]) + body + bytes([IAC, SE])


class Conn:
    """One TCP connection: handshake, data segments both ways, close."""

    def __init__(self, fr, me, peermac, cli, srv, cport, sport, isn_c, isn_s, v6=False):
        self.fr, self.me, self.peermac = fr, me, peermac
        self.cli, self.srv, self.cport, self.sport = cli, srv, cport, sport
        self.seq = {True: isn_c, False: isn_s}
        self.v6 = v6

    def seg(self, from_cli, flags, data=b'', opts=b'', nxt=None):
        s, d = (self.cli, self.srv) if from_cli else (self.srv, self.cli)
        sp, dp = (self.cport, self.sport) if from_cli else (self.sport, self.cport)
        seq = self.seq[from_cli]
        ack = self.seq[not from_cli] if flags & 0x10 else 0
        t = tcp(s, d, sp, dp, seq, ack, flags, opts=opts, data=data, win=502 if flags & 0x10 else 64240,
                v6=self.v6)
        if self.v6:
            self.fr.append(eth(self.peermac, self.me, 0x86dd, ip6(s, d, 6, t)))
        else:
            self.fr.append(eth(self.peermac, self.me, 0x0800, ip4(s, d, 6, t)))
        self.seq[from_cli] = seq + len(data) + (1 if flags & 0x03 else 0)

    def open(self):
        mss = bytes([2, 4, 5, 0xb4, 4, 2, 1, 3, 3, 7])
        self.seg(True, 0x002, opts=mss)
        self.seg(False, 0x012, opts=mss)
        self.seg(True, 0x010)

    def c(self, data):
        self.seg(True, 0x018, data)

    def s(self, data):
        self.seg(False, 0x018, data)

    def close(self):
        self.seg(True, 0x011)
        self.seg(False, 0x011)
        self.seg(True, 0x010)


def telnet(fr, me, peermac):
    t = Conn(fr, me, peermac, TC, TS, 50123, 23, 0x1f2e3d4c, 0x6b5a4938)
    t.open()
    # the server's opening requests, the client's answers
    t.s(cmd(DO, O_TTYPE) + cmd(DO, O_TSPEED) + cmd(DO, O_XDISPLOC) + cmd(DO, O_NENV))
    t.c(cmd(WILL, O_TTYPE) + cmd(WILL, O_TSPEED) + cmd(WONT, O_XDISPLOC) + cmd(WILL, O_NENV))
    t.s(sb(O_TSPEED, b'\x01') + sb(O_NENV, b'\x01') + sb(O_TTYPE, b'\x01'))
    t.c(sb(O_TSPEED, b'\x0038400,38400'))
    t.c(sb(O_NENV, b'\x00\x00USER\x01root\x03TZ\x01UTC\x02\x01'))
    t.c(sb(O_TTYPE, b'\x00XTERM-256COLOR'))
    t.s(cmd(WILL, O_SGA) + cmd(DO, O_ECHO) + cmd(DO, O_NAWS) + cmd(WILL, O_STATUS) + cmd(DO, O_LFLOW))
    t.c(cmd(DO, O_SGA) + cmd(WONT, O_ECHO) + cmd(WILL, O_NAWS) + sb(O_NAWS, b'\x00\x50\x00\x18') +
        cmd(DO, O_STATUS) + cmd(WILL, O_LFLOW))
    t.s(cmd(DO, O_LINEMODE) + sb(O_LFLOW, b'\x00') + sb(O_LFLOW, b'\x03') + cmd(WILL, O_ECHO))
    t.c(cmd(WILL, O_LINEMODE) + sb(O_LINEMODE, b'\x01\x03') +
        sb(O_LINEMODE, b'\xfd\x02') +
        sb(O_LINEMODE, b'\x03\x01\x03\x7f\x03\x62\x1c\x04\x62\x0f'))
    # commands, then the login prompt in the same segment (not shown)
    t.s(cmd(WILL, 1) + b'\r\nDebian GNU/Linux 12\r\nlogin: ')
    t.c(b'root\r\n')
    t.s(b'Password: ')
    t.c(b'hunter2\r\n')
    t.s(b'root@host:~# ')
    # a window size change and a status request in the middle of the session
    t.c(sb(O_NAWS, b'\x00\xff\xff\x00\x30'))
    t.c(sb(O_STATUS, b'\x01'))
    t.s(sb(O_STATUS, b'\x00\xfb\x01\xfb\x03\xfd\x1f\xfa\x1f\x00\x50\x00\x18\xf0'))
    # data, then a command: nothing shown
    t.c(b'ls' + cmd(241))
    # every command on its own
    t.c(b''.join(cmd(c) for c in range(236, 250)) + cmd(IAC))
    t.c(cmd(244) + cmd(242))	# interrupt + data mark
    t.c(cmd(246))
    t.s(b'\r\n[Yes]\r\n')
    t.c(cmd(243) + b'after break')
    # the IAC IAC escape
    t.c(cmd(IAC) + b'\xff' + cmd(IAC))
    t.c(cmd(IAC) + cmd(241) + cmd(IAC, IAC))
    t.c(b'exit\r\n')
    t.s(b'logout\r\n')
    t.close()

    # every option name, and numbers past the names
    t = Conn(fr, me, peermac, TC, TS, 50124, 23, 0x20000000, 0x30000000)
    t.open()
    t.c(b''.join(cmd(DO, o) for o in range(0, 20)))
    t.s(b''.join(cmd(WILL, o) for o in range(20, 40)))
    t.c(b''.join(cmd(c, o) for c, o in ((WONT, 40), (DONT, 41), (DO, 0x45), (WILL, 0x8a),
                                         (DO, 0xfe), (WILL, 0xff), (DONT, 0xff))))
    t.s(sb(40, b'\x00abc') + sb(0x99, b'\x05\x06') + sb(0xff, b''))
    # sub-negotiation qualifiers (IS, SEND, INFO, then numbers)
    t.c(sb(O_NENV, b'\x02\x00HOME\x01/root') + sb(O_NENV, b'\x03') + sb(O_NENV, b'\x7f') + sb(O_TTYPE, b'\xff'))
    # AUTHENTICATION: every qualifier and type
    t.s(sb(O_AUTH, b'\x01' + b''.join(bytes([a, 2]) for a in range(0, 17))))
    t.c(sb(O_AUTH, b'\x00\x02\x02\x00abcdef'))
    for q in range(0, 6):
        for a in (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 99):
            if (q + a) % 3 == 0 or q == 1:
                t.c(sb(O_AUTH, bytes([q, a])))
    t.s(sb(O_AUTH, b'\x01'))
    t.s(sb(O_AUTH, b''))
    t.c(sb(O_AUTH, b'\x02\x05\x00\x03\x04'))
    # ENCRYPT: every command and type
    t.s(sb(O_ENC, b'\x01\x01\x02\x03\x04\x06\x07\x08\x09\x0a\x0b'))
    for q in range(0, 11):
        t.c(sb(O_ENC, bytes([q, q % 12])))
    for e in range(0, 12):
        t.s(sb(O_ENC, bytes([0, e, 0x11, 0x22])))
    t.c(sb(O_ENC, b'\x03'))
    t.c(sb(O_ENC, b''))
    t.c(sb(O_ENC, b'\x07\x00\x01\xaa'))
    # an IAC inside a sub-negotiation, an escaped 0xff
    t.s(sb(O_NAWS, b'\x00\x50\xff\x18') + cmd(241))
    t.s(sb(O_TTYPE, b'\x00a\xff\xffb') + cmd(241))
    # a long sub-negotiation (-vvv -X lays it out differently)
    t.c(sb(O_NENV, b'\x00\x00DISPLAY\x01:0.0\x00PRINTER\x01lp\x03LANG\x01C.UTF-8'))
    t.close()

    # broken sequences, on their own connection
    t = Conn(fr, me, peermac, TC, TS, 50125, 23, 0x40000000, 0x50000000)
    t.open()
    t.c(cmd(241) + bytes([IAC, 0x80]) + cmd(241))	# unknown command: stops
    t.c(cmd(241) + bytes([IAC, 0]) + cmd(241))
    t.c(cmd(241) + bytes([IAC, 235]))
    t.c(cmd(DO, O_ECHO) + bytes([IAC]))		# an IAC at the end
    t.c(bytes([IAC]))
    t.c(cmd(DO, O_ECHO) + bytes([IAC, WILL]))	# no option
    t.c(bytes([IAC, DO]))
    t.c(cmd(241) + bytes([IAC, SB, O_TTYPE, 0, 0x41, 0x42]))	# no IAC SE
    t.c(bytes([IAC, SB, O_TTYPE, 0x00, 0x41, IAC, 0x42]))	# IAC, no SE
    t.c(bytes([IAC, SB, O_NAWS, 0x00, 0x50, 0x00, 0x18, IAC]))	# the SE is missing
    t.c(cmd(241) + bytes([IAC, SB, O_TTYPE, IAC]))
    t.c(cmd(241) + bytes([IAC, SB, O_TTYPE]))	# cut after the option
    t.c(bytes([IAC, SB, O_AUTH]))
    t.c(bytes([IAC, SB, O_AUTH, IAC]))
    t.c(bytes([IAC, SB, O_ENC, 1, IAC]))
    t.c(bytes([IAC, SB, SE, IAC, SE]))
    t.c(bytes([IAC, SB, O_TTYPE, IAC, SE]) + cmd(IAC))
    t.c(bytes([IAC, SE, IAC, SE]))
    # RST with data: tcp's own [RST ...] text (-v), not telnet's
    t.seg(True, 0x014, cmd(DO, O_ECHO) + b'reset')
    t.seg(False, 0x004)

    # IPv6, the server on port 23 and a client that is also on 23
    t = Conn(fr, me, peermac, TC6, TS6, 50126, 23, 0x11111111, 0x22222222, v6=True)
    t.open()
    t.s(cmd(DO, O_TTYPE) + cmd(DO, O_NAWS) + sb(O_TTYPE, b'\x01'))
    t.c(cmd(WILL, O_TTYPE) + sb(O_TTYPE, b'\x00VT100') + cmd(WILL, O_NAWS) + sb(O_NAWS, b'\x00\x84\x00\x2b'))
    t.close()
    t = Conn(fr, me, peermac, TC6, TS6, 23, 2323, 0x33333333, 0x44444444, v6=True)
    t.open()
    t.c(cmd(WILL, O_SGA) + cmd(243))
    t.close()


def pptp_hdr(ctype, body, length=None, mtype=1, magic=0x1a2b3c4d, rsv=0):
    ln = 12 + len(body) if length is None else length
    return struct.pack('!HHIHH', ln, mtype, magic, ctype, rsv) + body


def text(s, n):
    s = s.encode('latin-1') if isinstance(s, str) else s
    return s[:n].ljust(n, b'\0')


def sccrq(ver=0x100, rsv=0, fcap=3, bcap=3, maxch=0, firm=0x1234, host='pns.example', vendor='Linux'):
    return pptp_hdr(1, struct.pack('!HHIIHH', ver, rsv, fcap, bcap, maxch, firm) + text(host, 64) + text(vendor, 64))


def sccrp(res=1, err=0, ver=0x100, fcap=1, bcap=1, maxch=1, firm=0x0a00, host='pac-1', vendor='Cisco Systems, Inc.'):
    return pptp_hdr(2, struct.pack('!HBBIIHH', ver, res, err, fcap, bcap, maxch, firm) + text(host, 64) + text(vendor, 64))


def ocrq(cid, ser, phone, plen=None, sub='', minb=300, maxb=100000000, btype=3, ftype=3, rsv=0):
    plen = len(phone) if plen is None else plen
    return pptp_hdr(7, struct.pack('!HHIIIIHHHH', cid, ser, minb, maxb, btype, ftype, 64, 0, plen, rsv) +
                    text(phone, 64) + text(sub, 64))


def ocrp(cid, peer, res=1, err=0, cause=0, speed=100000000, win=64, delay=0, chan=0):
    return pptp_hdr(8, struct.pack('!HHBBHIHHI', cid, peer, res, err, cause, speed, win, delay, chan))


def icrq(cid, ser, dialed, dialing, dlen=None, glen=None, sub='', btype=1, chan=7):
    dlen = len(dialed) if dlen is None else dlen
    glen = len(dialing) if glen is None else glen
    return pptp_hdr(9, struct.pack('!HHIIHH', cid, ser, btype, chan, dlen, glen) +
                    text(dialed, 64) + text(dialing, 64) + text(sub, 64))


def icrp(cid, peer, res=1, err=0, win=32, delay=10, rsv=0):
    return pptp_hdr(10, struct.pack('!HHBBHHH', cid, peer, res, err, win, delay, rsv))


def iccn(peer, speed=64000, win=32, delay=10, ftype=1, rsv=0):
    return pptp_hdr(11, struct.pack('!HHIHHI', peer, rsv, speed, win, delay, ftype))


def cdn(cid, res=4, err=0, cause=0, stats='', rsv=0):
    return pptp_hdr(13, struct.pack('!HBBHH', cid, res, err, cause, rsv) + text(stats, 128))


def pptp(fr, me, peermac):
    p = Conn(fr, me, peermac, PNS, PAC, 41723, 1723, 0x0badcafe, 0x1ee7f00d)
    p.open()
    p.c(sccrq())
    p.s(sccrp())
    p.c(ocrq(0x4001, 1, '5551234567', sub='ext 12'))
    p.s(ocrp(0x8001, 0x4001, speed=64000, win=16, delay=5, chan=0x12345678))
    p.c(pptp_hdr(15, struct.pack('!HHII', 0x8001, 0, 0xffffffff, 0x000a0000)))
    p.s(pptp_hdr(15, struct.pack('!HHII', 0x4001, 0, 0, 0)))
    p.s(pptp_hdr(5, struct.pack('!I', 0x01020304)))
    p.c(pptp_hdr(6, struct.pack('!IBBH', 0x01020304, 1, 0, 0)))
    p.c(pptp_hdr(5, struct.pack('!I', 7)))
    p.s(pptp_hdr(6, struct.pack('!IBBH', 7, 2, 6, 0)))
    p.s(pptp_hdr(14, struct.pack('!HHIIIIII', 0x4001, 0, 1, 2, 3, 4, 5, 6)))
    # incoming calls
    p.s(icrq(0x8002, 2, '18005551212', '4155550100', sub='sub', btype=1, chan=3))
    p.c(icrp(0x4002, 0x8002))
    p.s(iccn(0x4002, speed=33600, ftype=1))
    p.c(pptp_hdr(12, struct.pack('!HH', 0x4002, 0)))
    p.s(cdn(0x8002, res=4, cause=0x10, stats='rx 1024 tx 2048 errors 0'))
    p.c(pptp_hdr(12, struct.pack('!HH', 0x4001, 0)))
    p.s(cdn(0x8001, res=3, stats=''))
    p.c(pptp_hdr(3, struct.pack('!BBH', 1, 0, 0)))
    p.s(pptp_hdr(4, struct.pack('!BBH', 1, 0, 0)))
    p.close()

    # every result, error, reason and type value, reserved fields
    p = Conn(fr, me, peermac, PNS, PAC, 41724, 1723, 0x10000000, 0x20000000)
    p.open()
    for res, err in ((1, 0), (2, 1), (3, 2), (4, 3), (5, 4), (6, 5), (0, 6), (255, 7)):
        p.s(sccrp(res=res, err=err, fcap=res & 3, bcap=err & 3))
    for fc, bc in ((0, 0), (1, 2), (2, 1), (0xfffffffc, 0xfffffffc), (0xffffffff, 0xffffffff)):
        p.c(sccrq(fcap=fc, bcap=bc, ver=0x0203, maxch=65535, firm=0))
    p.c(sccrq(rsv=0xbeef, host='', vendor=''))
    p.c(sccrq(host='h' * 64, vendor='\x01ctl\x7f\x80\xff8bit\x1b[0m'))
    for res in range(0, 9):
        p.s(ocrp(0x8000 + res, 0x4000, res=res, err=res % 8, cause=res * 100))
    for bt, ft in ((0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (0x10000, 0x10001)):
        p.c(ocrq(0x4100 + (bt & 0xff), bt & 0xffff, '911', btype=bt, ftype=ft))
    p.c(ocrq(0x4200, 9, '1' * 64, plen=100, sub='s' * 70))
    p.c(ocrq(0x4201, 10, '12345', plen=3))
    p.c(ocrq(0x4202, 11, '', plen=0, rsv=5))
    p.c(ocrq(0x4203, 12, '12\x0034', plen=5))
    for res in range(0, 5):
        p.c(icrp(0x4300 + res, 0x8300, res=res, err=4 - res, rsv=res))
    p.s(icrq(0x8301, 1, '7' * 64, '8' * 64, dlen=64, glen=65535, btype=2))
    p.s(icrq(0x8302, 2, '', '', btype=3, chan=0xffffffff))
    p.s(icrq(0x8303, 3, 'abc', 'de', dlen=0, glen=1, btype=9))
    for ft in (0, 2, 3, 4):
        p.s(iccn(0x4300, ftype=ft, rsv=ft))
    for res in range(0, 6):
        p.s(cdn(0x8400 + res, res=res, err=res, cause=res, rsv=res & 1, stats='x' * (40 * res)))
    p.s(pptp_hdr(14, struct.pack('!HHIIIIII', 0x4001, 9, 0xffffffff, 0, 0, 0, 0, 0xffffffff)))
    p.c(pptp_hdr(15, struct.pack('!HHII', 0x8001, 1, 0xdeadbeef, 1)))
    p.c(pptp_hdr(12, struct.pack('!HH', 0x4001, 0xffff)))
    for r in (0, 1, 2, 3, 4):
        p.c(pptp_hdr(3, struct.pack('!BBH', r, r & 1, r * 2)))
    for res, err in ((0, 0), (1, 0), (2, 1), (3, 6), (1, 7)):
        p.s(pptp_hdr(4, struct.pack('!BBH', res, err, err)))
    p.s(pptp_hdr(6, struct.pack('!IBBH', 1, 0, 0, 1)))
    p.s(pptp_hdr(6, struct.pack('!IBBH', 2, 3, 9, 0)))
    # header oddities: bad magic, management and unknown message types,
    # lengths that do not match, reserved0, unknown control types
    p.c(sccrq()[:4] + struct.pack('!I', 0x12345678) + sccrq()[8:])
    p.c(pptp_hdr(5, struct.pack('!I', 1), magic=0))
    p.c(pptp_hdr(5, struct.pack('!I', 2), mtype=2))
    p.c(pptp_hdr(5, struct.pack('!I', 3), mtype=0))
    p.c(pptp_hdr(5, struct.pack('!I', 4), mtype=0xffff, length=0))
    p.c(pptp_hdr(5, struct.pack('!I', 5), length=0xffff, rsv=1))
    p.c(pptp_hdr(0, b'\x00' * 8))
    p.c(pptp_hdr(16, b'\x00' * 8))
    p.c(pptp_hdr(0xffff, b'abcd', magic=0xffffffff, rsv=0xffff))
    # two messages in one segment (only the first is shown)
    p.c(pptp_hdr(5, struct.pack('!I', 6)) + pptp_hdr(5, struct.pack('!I', 7)))
    # messages cut short
    p.c(sccrq()[:40])
    p.c(sccrq()[:156 - 10])
    p.s(sccrp()[:24])
    p.c(ocrq(0x4001, 1, '5551234567')[:60])
    p.c(ocrq(0x4001, 1, '5551234567')[:32])
    p.s(ocrp(1, 2)[:20])
    p.s(icrq(1, 2, '123', '456')[:30])
    p.s(icrq(1, 2, '123', '456')[:120])
    p.c(icrp(1, 2)[:18])
    p.s(iccn(1)[:22])
    p.s(cdn(1, stats='cut')[:22])
    p.s(cdn(1, stats='cut here please')[:30])
    p.s(pptp_hdr(14, struct.pack('!HHIIIIII', 1, 0, 1, 2, 3, 4, 5, 6))[:30])
    p.c(pptp_hdr(15, struct.pack('!HHII', 1, 0, 1, 2))[:22])
    p.c(pptp_hdr(12, struct.pack('!HH', 1, 0))[:14])
    p.c(pptp_hdr(3, struct.pack('!BBH', 1, 0, 0))[:13])
    p.s(pptp_hdr(4, struct.pack('!BBH', 1, 0, 0))[:14])
    p.s(pptp_hdr(5, struct.pack('!I', 1))[:14])
    p.s(pptp_hdr(6, struct.pack('!IBBH', 1, 1, 0, 0))[:17])
    p.c(pptp_hdr(5, b'')[:11])
    p.c(pptp_hdr(5, b'')[:9])
    p.c(pptp_hdr(5, b'')[:5])
    p.c(pptp_hdr(5, b'')[:3])
    p.c(b'\x00')
    p.close()

    # IPv6
    p = Conn(fr, me, peermac, PNS6, PAC6, 41725, 1723, 0x30000000, 0x40000000, v6=True)
    p.open()
    p.c(sccrq(host='pns6.example'))
    p.s(sccrp(host='pac6.example', vendor='strongSwan'))
    p.c(pptp_hdr(5, struct.pack('!I', 99)))
    p.s(pptp_hdr(6, struct.pack('!IBBH', 99, 1, 0, 0)))
    p.close()


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []
    telnet(fr, me, peermac)
    pptp(fr, me, peermac)
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:3])
