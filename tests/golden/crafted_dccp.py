#!/usr/bin/env python3
"""DCCP (RFC 4340) and the IPv6 mobility header (RFC 6275).

DCCP: a CCID 2 connection over IPv4 as the Linux stack runs it (Request,
Response, Ack, DataAck, Data, CloseReq, Close, Reset, Sync, SyncAck) with
feature negotiation, ack vectors, NDP counts, timestamps and elapsed-time
options, partial checksum coverage, short (24-bit) sequence numbers, every
reset code, unknown packet types and option types, CCID-specific options,
the same over IPv6 (also behind a destination options header), and
malformed packets: headers shorter than their type needs, data offsets
past the packet, options with zero, short or overlong lengths, a bad
checksum.

Mobility header: the return routability messages (HoTI, CoTI, HoT, CoT),
Binding Refresh Request, Binding Update with every flag (behind a home
address option, as a mobile node sends it), Binding Acknowledgement and
Binding Error, every mobility option and unknown ones, the old next header
62, unknown message types, headers too short for their type, options cut
short or running past the header, and a header followed by more payload.

This kernel has no DCCP in use here, so every frame is hand-built and sent
on the veth with AF_PACKET.
Usage: crafted_dccp.py IFACE PEER_MAC"""
import socket, struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
HOA6 = '2001:db8:77::100'

REQUEST, RESPONSE, DATA, ACK, DATAACK, CLOSEREQ, CLOSE, RESET, SYNC, SYNCACK = range(10)


def opt(t, val=b'', length=None):
    if t < 32:
        return bytes([t])
    return bytes([t, 2 + len(val) if length is None else length]) + val


def dccp(sport, dport, typ, seq, x=1, ccval=0, cscov=0, sub=b'', opts=b'', data=b'',
         doff=None, cut=None, bad=False, v6=False, src=None, dst=None):
    """A DCCP packet; sub is the type-specific part (service, ack ...)."""
    if x:
        gen = struct.pack('!HHBBHBB', sport, dport, 0, (ccval << 4) | cscov, 0,
                          (typ << 1) | 1, 0) + struct.pack('!Q', seq)[2:]
    else:
        gen = struct.pack('!HHBBHB', sport, dport, 0, (ccval << 4) | cscov, 0,
                          typ << 1) + struct.pack('!I', seq)[1:]
    opts += b'\0' * ((-len(opts)) % 4)
    hdr = gen + sub + opts
    off = len(hdr) // 4 if doff is None else doff
    p = bytearray(hdr[:4] + bytes([off & 0xff]) + hdr[5:] + data)
    if cut is not None:
        p = p[:cut]
    if len(p) >= 8:
        cov = len(p) if cscov == 0 else min(len(p), (off + cscov - 1) * 4)
        s, d = src or (A6 if v6 else A), dst or (B6 if v6 else B)
        ps = (pseudo6 if v6 else pseudo4)(s, d, 33, len(p))
        c = csum(ps + bytes(p[:cov]))
        if bad:
            c ^= 0x1111
        p[6:8] = struct.pack('!H', c)
    return bytes(p)


def ack48(a):
    return b'\0\0' + struct.pack('!Q', a)[2:]


def ack24(a):
    return b'\0' + struct.pack('!I', a)[1:]


def reset(a, code, d=(0, 0, 0)):
    return ack48(a) + bytes([code]) + bytes(d)


def mh(typ, body, nh=59, hlen=None, bad=False, src=A6, dst=B6):
    """A mobility header: body follows the checksum; padded to 8 bytes."""
    h = bytearray(struct.pack('!BBBBH', nh, 0, typ, 0, 0) + body)
    h += b'\0' * ((-len(h)) % 8)
    h[1] = (len(h) // 8 - 1) if hlen is None else hlen
    c = csum(pseudo6(src, dst, 135, len(h)) + bytes(h))
    h[4:6] = struct.pack('!H', c ^ (0x1111 if bad else 0))
    return bytes(h)


def mopt(t, val=b'', length=None):
    if t == 0:
        return b'\0'
    return bytes([t, len(val) if length is None else length]) + val


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def d4(pkt, src=A, dst=B, frag=0, df=True):
        fr.append(eth(peermac, me, 0x0800, ip4(src, dst, 33, pkt, df=df, frag=frag)))

    def d6(pkt, src=A6, dst=B6, nh=33, ext=b''):
        fr.append(eth(peermac, me, 0x86dd, ip6(src, dst, nh, ext + pkt)))

    def m6(pkt, nh=135, src=A6, dst=B6, ext=b''):
        fr.append(eth(peermac, me, 0x86dd, ip6(src, dst, nh, ext + pkt)))

    cs, ss = 41230, 5001       # client and server ports
    ci, si = 1559687427, 1585962456
    svc = 0x50455246           # "PERF"
    # ---------------------------------------------------- an IPv4 connection
    d4(dccp(cs, ss, REQUEST, ci, sub=struct.pack('!I', svc),
            opts=opt(32, b'\x05\x02') + opt(34, b'\x01\x02') + opt(32, b'\x01\x02\x03')))
    d4(dccp(ss, cs, RESPONSE, si, sub=ack48(ci) + struct.pack('!I', svc),
            opts=opt(0) + opt(0) + opt(32, b'\x05\x02') + opt(35, b'\x01\x02\x02') +
            opt(33, b'\x01\x02\x02') + opt(35, b'\x05\x02') +
            opt(36, bytes.fromhex('c0ffee0011223344'))), src=B, dst=A)
    d4(dccp(cs, ss, ACK, ci + 1, sub=ack48(si),
            opts=opt(0) + opt(35, b'\x05\x02') + opt(38, b'\x00') + opt(43, b'\x00\x01')))
    payload = b'DCCP test payload: ' + bytes(range(64))
    d4(dccp(cs, ss, DATAACK, ci + 2, ccval=3, cscov=2, sub=ack48(si),
            opts=opt(0) + opt(38, b'\x00\x3f') + opt(43, b'\x00\x00\x1c\x72') + opt(37, b'\x01'),
            data=payload))
    d4(dccp(ss, cs, ACK, si + 1, ccval=1, sub=ack48(ci + 2),
            opts=opt(39, b'\x01\x80\xc0') + opt(41, struct.pack('!I', 123456789)) +
            opt(42, struct.pack('!I', 123456789)) + opt(42, struct.pack('!IH', 7, 9)) +
            opt(42, struct.pack('!II', 8, 70000))), src=B, dst=A)
    d4(dccp(cs, ss, DATA, ci + 3, ccval=5, data=payload, cscov=1,
            opts=opt(40, b'\x00\x01\x02') + opt(44, b'\xde\xad\xbe\xef')))
    d4(dccp(cs, ss, DATA, ci + 4, data=b'no options'))
    d4(dccp(ss, cs, CLOSEREQ, si + 2, sub=ack48(ci + 4)), src=B, dst=A)
    d4(dccp(cs, ss, CLOSE, ci + 5, sub=ack48(si + 2), opts=opt(0) + opt(38, b'\x00')))
    d4(dccp(ss, cs, RESET, si + 3, sub=reset(ci + 5, 1), opts=opt(0) + opt(37, b'\x02\x03')),
       src=B, dst=A)
    d4(dccp(cs, ss, SYNC, ci + 6, sub=ack48(si + 3)))
    d4(dccp(ss, cs, SYNCACK, si + 4, sub=ack48(ci + 6)), src=B, dst=A)
    # every reset code, an invalid one, and data bytes
    for code in list(range(13)) + [127, 255]:
        d4(dccp(ss, cs, RESET, si + 5 + code, sub=reset(ci + 7, code, (code, 2, 3))), src=B, dst=A)
    # unknown packet types (the ack number is read where it would be)
    d4(dccp(cs, ss, 10, ci + 8, sub=ack48(si)))
    d4(dccp(cs, ss, 15, ci + 9, sub=ack48(si), opts=opt(0) * 4))
    # 24-bit sequence numbers (X = 0)
    d4(dccp(cs, ss, DATA, 0xabcdef, x=0, data=b'short seq'))
    d4(dccp(cs, ss, ACK, 0x123456, x=0, sub=ack24(0x654321) + b'\0\0\0\0'))
    d4(dccp(cs, ss, REQUEST, 77, x=0, sub=struct.pack('!I', 0)))
    d4(dccp(ss, cs, RESPONSE, 78, x=0, sub=ack24(77) + b'\0' * 4 + struct.pack('!I', 42)),
       src=B, dst=A)
    d4(dccp(ss, cs, RESET, 79, x=0, sub=ack24(77) + b'\0' * 4 + b'\x07\0\0\0'), src=B, dst=A)
    # ------------------------------------------------------------- options
    d4(dccp(cs, ss, ACK, ci + 20, sub=ack48(si),
            opts=opt(1) + opt(2) + opt(5) + opt(31) + opt(45, b'\x01\x02') + opt(127) +
            opt(128) + opt(129, b'\x12\x34') + opt(192, b'\x00\x01\x00\x02') +
            opt(200, b'\x01') + opt(255, b'\x01\x02\x03\x04\x05')))
    # feature numbers: named, 9, unnamed (10, 200)
    d4(dccp(cs, ss, ACK, ci + 21, sub=ack48(si),
            opts=opt(32, b'\x03\x00\x00\x00\x64') + opt(33, b'\x04') + opt(34, b'\x06\x01') +
            opt(35, b'\x07\x00') + opt(32, b'\x08\x05') + opt(33, b'\x09\x01') +
            opt(34, b'\x00') + opt(35, b'\x0a\x01') + opt(32, b'\xc8')))
    # wrong lengths for fixed-size options
    d4(dccp(cs, ss, ACK, ci + 22, sub=ack48(si),
            opts=opt(32) + opt(41, b'\x01\x02') + opt(42, b'\x01') + opt(43, b'\x01') +
            opt(43, b'\x00\x00\x00\x01\x02') + opt(36) + opt(37) + opt(38) + opt(44)))
    # option length below 2 (type < 128 and CCID-specific) stops the list
    d4(dccp(cs, ss, ACK, ci + 23, sub=ack48(si), opts=opt(0) + opt(41, length=1) + opt(0)))
    d4(dccp(cs, ss, ACK, ci + 24, sub=ack48(si), opts=opt(130, length=0)))
    d4(dccp(cs, ss, ACK, ci + 25, sub=ack48(si), opts=opt(77, length=1)))
    # option running past the header length (type < 128 and CCID-specific)
    d4(dccp(cs, ss, ACK, ci + 26, sub=ack48(si), opts=opt(0) + opt(38, b'\x00', length=40)))
    d4(dccp(cs, ss, ACK, ci + 27, sub=ack48(si), opts=opt(0) + opt(0) + opt(131, b'', length=9)))
    d4(dccp(cs, ss, ACK, ci + 28, sub=ack48(si), opts=opt(50, b'', length=3)))
    # ----------------------------------------------------------- malformed
    d4(dccp(cs, ss, REQUEST, ci, sub=struct.pack('!I', svc), bad=True))        # bad checksum
    d4(dccp(cs, ss, DATA, ci, x=1)[:8])                                        # 8 of 12 bytes
    d4(dccp(cs, ss, DATA, ci, x=1)[:13])                                       # X=1, 13 of 16
    d4(dccp(cs, ss, DATA, 5, x=0)[:12] + b'')                                  # X=0 exactly 12
    d4(dccp(cs, ss, REQUEST, ci)[:16])                                         # no service
    d4(dccp(ss, cs, RESPONSE, si, sub=ack48(ci))[:22], src=B, dst=A)           # short response
    d4(dccp(ss, cs, RESET, si, sub=ack48(ci))[:24], src=B, dst=A)              # no reset code
    for t in (ACK, DATAACK, CLOSEREQ, CLOSE, SYNC, SYNCACK):
        d4(dccp(cs, ss, t, ci + t, sub=ack48(si))[:20])                        # ack cut
    d4(dccp(cs, ss, ACK, 0x654, x=0, sub=ack24(5))[:13])                       # X=0, 13 bytes
    d4(dccp(cs, ss, ACK, ci + 30, sub=ack48(si), opts=opt(0) * 4, doff=40))    # doff past packet
    d4(dccp(cs, ss, DATA, ci + 31, data=b'abc', doff=20))
    d4(dccp(cs, ss, ACK, ci + 32, sub=ack48(si), opts=opt(0) * 4, doff=2))     # doff too small
    d4(dccp(cs, ss, REQUEST, ci + 33, sub=struct.pack('!I', 1), doff=0))
    d4(dccp(cs, ss, ACK, ci + 34, sub=ack48(si), opts=opt(38, b'\x00' * 10), cscov=15,
            data=b'covered'))
    # first fragment and a later fragment of a DCCP datagram
    big = dccp(cs, ss, DATA, ci + 35, data=bytes(range(200)))
    d4(big[:104], frag=0x2000, df=False)
    d4(big[104:], frag=13, df=False)
    # ------------------------------------------------------------------ IPv6
    d6(dccp(cs, ss, REQUEST, ci, sub=struct.pack('!I', 0), v6=True,
            opts=opt(32, b'\x05\x02') + opt(34, b'\x01\x02') + opt(32, b'\x01\x02')))
    d6(dccp(ss, cs, RESPONSE, si, sub=ack48(ci) + struct.pack('!I', 0), v6=True, src=B6, dst=A6,
            opts=opt(0) + opt(35, b'\x01\x02\x02') + opt(33, b'\x05\x02')), src=B6, dst=A6)
    d6(dccp(cs, ss, DATAACK, ci + 1, cscov=3, sub=ack48(si), v6=True, data=payload,
            opts=opt(38, b'\x00') + opt(43, b'\x1c\x72')))
    d6(dccp(ss, cs, RESET, si + 1, sub=reset(ci + 1, 2), v6=True, src=B6, dst=A6), src=B6, dst=A6)
    d6(dccp(cs, ss, DATA, 0x10203, x=0, v6=True, data=b'v6 short seq'))
    d6(dccp(cs, ss, ACK, ci + 2, sub=ack48(si), v6=True)[:19])
    # behind a destination options header (PadN)
    dst = struct.pack('!BB', 33, 0) + b'\x01\x04\0\0\0\0'
    d6(dccp(cs, ss, SYNC, ci + 3, sub=ack48(si), v6=True), nh=60, ext=dst)

    # ---------------------------------------------------- mobility header
    cookie = bytes.fromhex('0102030405060708')
    token = bytes.fromhex('1112131415161718')
    m6(mh(0, b'\0\0'))                                                 # BRR
    m6(mh(1, b'\0\0' + cookie))                                        # HoTI
    m6(mh(2, b'\0\0' + bytes.fromhex('090a0b0c0d0e0f10')))             # CoTI
    m6(mh(3, struct.pack('!H', 0x90a) + cookie + token), src=B6, dst=A6)
    m6(mh(4, struct.pack('!H', 0x1234) + cookie + token), src=B6, dst=A6)
    # binding updates: every flag combination of interest, behind a HAO
    hao = struct.pack('!BB', 135, 2) + b'\x01\x02\0\0' + b'\xc9\x10' + \
        socket.inet_pton(socket.AF_INET6, HOA6)
    for flags, life in ((0x8, 3600), (0xc, 1), (0x2, 0), (0x1, 65535), (0xf, 100), (0, 0)):
        m6(mh(5, struct.pack('!HBBH', 1000, flags << 4, 0, life)), nh=60, ext=hao)
    m6(mh(5, struct.pack('!HBBH', 1001, 0x80, 0, 900) +
          mopt(1, b'\0\0') + mopt(3, socket.inet_pton(socket.AF_INET6, '2001:db8:77::200')) +
          mopt(4, struct.pack('!HH', 0x4d2, 0x162e)) + mopt(0) + mopt(0) +
          mopt(5, b'\xaa' * 12)))
    m6(mh(5, struct.pack('!HBBH', 1002, 0x40, 0, 900) + mopt(0) + mopt(0) + mopt(0)))
    m6(mh(5, struct.pack('!HBBH', 1003, 0x10, 0, 900) + mopt(7, b'\x01\x02') +
          mopt(0x42, b'') + mopt(1, b'')))
    # binding acknowledgements and errors
    m6(mh(6, struct.pack('!BBHH', 0, 0x80, 1000, 3600)), src=B6, dst=A6)
    m6(mh(6, struct.pack('!BBHH', 129, 0x00, 1001, 0) + mopt(2, struct.pack('!H', 1800)) +
          mopt(5, b'\x55' * 12)), src=B6, dst=A6)
    m6(mh(6, struct.pack('!BBHH', 136, 0x7f, 65535, 65535)), src=B6, dst=A6)
    m6(mh(7, struct.pack('!BB', 1, 0) + socket.inet_pton(socket.AF_INET6, HOA6)), src=B6, dst=A6)
    m6(mh(7, struct.pack('!BB', 2, 0) + socket.inet_pton(socket.AF_INET6, HOA6) +
          mopt(1, b'\0' * 4)), src=B6, dst=A6)
    # unknown types, the old next header
    m6(mh(8, b'\0' * 6))
    m6(mh(200, b'\0' * 14))
    m6(mh(1, b'\0\0' + cookie), nh=62)
    m6(mh(5, struct.pack('!HBBH', 7, 0x80, 0, 10)), nh=62)
    # a header followed by more payload: the options end inside the capture
    m6(mh(5, struct.pack('!HBBH', 1004, 0x80, 0, 900) + mopt(2, b'\x01\x00')) + b'\0' * 8)
    m6(mh(6, struct.pack('!BBHH', 0, 0, 1004, 900) + mopt(0) + mopt(1, b'\0')) + b'\xff' * 16)
    # ------------------------------------------------ malformed mobility
    for typ in range(8):
        m6(mh(typ, b'\0' * 6, hlen=0) if typ else mh(0, b'\0' * 14, hlen=0))  # len 8
    m6(mh(3, b'\0' * 14, hlen=1))                                      # 16 < 24 for HoT
    m6(mh(5, struct.pack('!HBBH', 1, 0x80, 0, 1), hlen=5))             # runs past the data
    m6(mh(7, b'\0' * 14, hlen=1))                                      # BE, 16 < 24
    # options cut short by the header length; more payload follows the
    # header, so that tcpdump reads on to the messages
    def bu_cut(seq, opts):
        m6(mh(5, struct.pack('!HBBH', seq, 0x80, 0, 1) + opts, nh=59) + b'\0' * 8)
    bu_cut(2, b'\0\0' + mopt(2, b'', length=0))          # refresh
    bu_cut(3, mopt(3, b'\0\0'))                         # alternate care-of address
    bu_cut(4, b'\0\0' + mopt(4, b'', length=0))          # nonce indices
    bu_cut(5, mopt(5, b'\x01\x02'))                      # authorization data
    bu_cut(6, b'\0\0\0' + b'\x09')                      # type byte without length
    bu_cut(7, mopt(9, b'', length=30))                     # past the header
    bu_cut(9, mopt(1, b'\0\0'))                          # PadN filling the header
    # the same without the payload after it
    m6(mh(5, struct.pack('!HBBH', 10, 0x80, 0, 1) + mopt(4, b'', length=0)))
    m6(mh(5, struct.pack('!HBBH', 11, 0x80, 0, 1) + mopt(9, b'', length=30)))
    # a Binding Update whose checksum is wrong (tcpdump does not check it)
    m6(mh(5, struct.pack('!HBBH', 8, 0x80, 0, 1), bad=True))
    # a short mobility header (4 bytes) and an empty one
    m6(mh(5, b'')[:4])
    m6(b'')
    m6(mh(0, b'\0\0')[:2])
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
