#!/usr/bin/env python3
"""PTP (IEEE 1588-2008/2019) as linuxptp's ptp4l and pmc speak it for the
Kubernetes PTP operator: over Ethernet (ethertype 0x88f7, the forwardable
and the peer-delay multicast addresses, one VLAN-tagged), over UDP/IPv4 and
UDP/IPv6 (event port 319, general port 320).  Every message type (sync one-
and two-step, delay_req/resp, pdelay_req/resp/resp_follow_up, follow_up,
announce, signaling, management), reserved types, every flag bit, large and
negative corrections, 48-bit timestamps, controlField values, gPTP
(transportSpecific 1), versions 1, 0, 3, 18 (1588-2019 minor version 1) and
255, UDP payloads shorter than the common header, bodies cut short, and
trailing TLVs.  Hand-built, sent on the veth with AF_PACKET.
Usage: crafted_ptp.py IFACE PEER_MAC"""
import struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
MC_FWD = '01:1b:19:00:00:00'      # all PTP messages except peer delay
MC_PDLY = '01:80:c2:00:00:0e'     # peer delay (and gPTP)

CLK_A = 0x020000fffe000001        # EUI-64 from 02:00:00:00:00:01
CLK_GM = 0x7cfe90fffef950b4


def hdr(mtype, length, seq=1, flags=0, corr=0, domain=0, clk=CLK_A, port=1,
        control=None, logint=0, ver=2, ts=0, rsvd1=0, rsvd2=0, sdo=0):
    """The 34-byte common header (corr is the 64-bit correctionField)."""
    if control is None:
        control = {0: 0, 1: 1, 8: 2, 9: 3, 0xd: 4}.get(mtype, 5)
    b0 = ((ts & 0xf) << 4) | (mtype & 0xf)
    b1 = ((sdo & 0xf) << 4) | (ver & 0xff) if ver < 16 else ver & 0xff
    return struct.pack('!BBHBBHQIQHHBB', b0, b1, length, domain, rsvd1, flags,
                       corr & 0xffffffffffffffff, rsvd2, clk, port, seq,
                       control, logint & 0xff)


def tstamp(sec, ns):
    return struct.pack('!HII', (sec >> 32) & 0xffff, sec & 0xffffffff, ns)


def portid(clk, port):
    return struct.pack('!QH', clk, port)


def msg(mtype, body, length=None, **kw):
    ln = 34 + len(body) if length is None else length
    return hdr(mtype, ln, **kw) + body


def announce(utc=37, prio1=128, cls=248, acc=0xfe, var=0xffff, prio2=128,
             gm=CLK_GM, steps=0, src=0xa0, rsvd=0, sec=0, ns=0):
    return (tstamp(sec, ns) + struct.pack('!hBBBBHBQHB', utc, rsvd, prio1, cls,
                                           acc, var, prio2, gm, steps, src))


def tlv(t, v):
    return struct.pack('!HH', t, len(v)) + v


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def l2(payload, dst=MC_FWD, vlan=None):
        if vlan is None:
            fr.append(eth(dst, me, 0x88f7, payload))
        else:
            fr.append(eth(dst, me, 0x8100, struct.pack('!HH', vlan, 0x88f7) + payload))

    def u4(payload, event=True, sport=None, ulen=None):
        port = 319 if event else 320
        d = udp(A, B, port if sport is None else sport, port, payload)
        if ulen is not None:   # a UDP length field shorter than the datagram
            d = d[:4] + struct.pack('!H', ulen) + b'\0\0' + d[8:]
        fr.append(eth(peermac, me, 0x0800, ip4(A, B, 17, d, ttl=1, df=False)))

    def u6(payload, event=True):
        port = 319 if event else 320
        fr.append(eth(peermac, me, 0x86dd,
                      ip6(A6, B6, 17, udp(A6, B6, port, port, payload, v6=True), hlim=1)))

    # --- a ptp4l master/slave exchange over L2 (E2E, two-step)
    l2(msg(0xb, announce(), seq=100, logint=1, flags=0x0008 | 0x0004))
    l2(msg(0x0, tstamp(0, 0), seq=200, flags=0x0200))
    l2(msg(0x8, tstamp(1700000000, 123456789), seq=200))
    l2(msg(0x1, tstamp(0, 0), seq=7, clk=0x020000fffe00000b, logint=0x7f))
    l2(msg(0x9, tstamp(1700000000, 130000000) + portid(0x020000fffe00000b, 1),
           seq=7, logint=0xfd, corr=36035 << 16))
    # --- peer delay (P2P) on the link-local address
    l2(msg(0x2, tstamp(0, 0) + b'\0' * 10, seq=300, logint=0x7f), dst=MC_PDLY)
    l2(msg(0x3, tstamp(1700000001, 5) + portid(CLK_A, 1), seq=300,
           flags=0x0200, logint=0x7f), dst=MC_PDLY)
    l2(msg(0xa, tstamp(1700000001, 999999999) + portid(CLK_A, 1), seq=300,
           logint=0x7f, corr=0x1234), dst=MC_PDLY)
    # gPTP (802.1AS, transportSpecific 1): the v1 compat bit is that nibble
    l2(msg(0x0, tstamp(0, 0), ts=1, seq=5, flags=0x0208, logint=0xfd), dst=MC_PDLY)
    l2(msg(0x8, tstamp(1700000002, 1) + tlv(3, b'\x00\x80\xc2\x00\x00\x01' + b'\0' * 22),
           ts=1, seq=5, flags=0x0008, logint=0xfd), dst=MC_PDLY)
    l2(msg(0xb, announce(prio1=246, cls=6, acc=0x21, var=0x4e5d, prio2=248, src=0x20,
                         steps=1, utc=37) + tlv(8, portid(CLK_GM, 0)[:8]),
           ts=1, seq=9, flags=0x0008 | 0x0010 | 0x0020, logint=0), dst=MC_PDLY)
    # --- VLAN-tagged, domain 24 (G.8275.1 telecom profile)
    l2(msg(0x0, tstamp(1700000003, 500000000), seq=1, domain=24, logint=0xfc), vlan=100)
    l2(msg(0xb, announce(prio1=128, cls=6, acc=0x21, var=0x4e5d, prio2=255, src=0x20,
                         sec=1, ns=2, rsvd=0x55),
           domain=24, logint=0xfd), vlan=0x2064)
    # --- management (pmc): GET CURRENT_DATA_SET to all, and the response
    l2(msg(0xd, portid(0xffffffffffffffff, 0xffff) + struct.pack('!BBBB', 3, 3, 0, 0) +
           tlv(1, struct.pack('!H', 0x2001)), seq=0, logint=0x7f))
    l2(msg(0xd, portid(0x0000000000fffe00, 1) + struct.pack('!BBBB', 1, 1, 2, 0) +
           tlv(1, struct.pack('!H', 0x2001) + struct.pack('!HQ', 0, 0) + b'\0' * 8),
           seq=0, logint=0x7f))
    l2(msg(0xd, portid(0x123456789abcdef0, 7) + struct.pack('!BBBB', 0x80, 0x40, 0xff, 0xaa),
           seq=65535, logint=0x7f))
    # --- signaling: unicast negotiation request (REQUEST_UNICAST_TRANSMISSION)
    l2(msg(0xc, portid(0xffffffffffffffff, 0xffff) +
           tlv(4, struct.pack('!BbIBB', 0xb0, 1, 300, 0, 0)), flags=0x0400, logint=0x7f))
    l2(msg(0xc, portid(0, 0), logint=0x7f))
    # --- every flag bit alone, all of them, the 'unknown' group
    for bit in range(16):
        l2(msg(0x0, tstamp(0, bit), seq=bit, flags=1 << bit))
    l2(msg(0x0, tstamp(0, 0), seq=16, flags=0xffff))
    l2(msg(0x0, tstamp(0, 0), seq=17, flags=0x18c0))
    l2(msg(0x0, tstamp(0, 0), seq=18, flags=0x0880))
    # --- corrections: large, negative, sub-nanosecond; reserved fields set
    l2(msg(0x8, tstamp(0xffffffffffff, 0xffffffff), corr=0x7fffffffffffffff,
           rsvd1=0xff, rsvd2=0xdeadbeef))
    l2(msg(0x8, tstamp(0x100000000, 0), corr=-1, domain=255, port=0xffff, seq=0xffff))
    l2(msg(0x9, tstamp(1, 1) + portid(1, 2), corr=(1 << 16) | 0x8000, rsvd1=1))
    # --- controlField values that do not match the type, and unknown ones
    for c in (0, 1, 2, 3, 4, 5, 6, 0x7f, 0xff):
        l2(msg(0x0, tstamp(0, 0), control=c, seq=0x100 + c))
    # --- reserved message types
    for t in (4, 5, 6, 7, 0xe, 0xf):
        l2(msg(t, b'\x11' * 20, seq=0x200 + t))
    # --- versions other than 2
    l2(struct.pack('!HH', 1, 1) + b'_DFLT\0\0\0\0\0\0\0\0\0\0\0' + b'\0' * 40)   # PTPv1
    l2(msg(0x0, tstamp(0, 0), ver=0x12))      # 1588-2019, minorVersionPTP 1
    l2(msg(0x0, tstamp(0, 0), ver=0, sdo=0))
    l2(msg(0x0, tstamp(0, 0), ver=3))
    l2(msg(0x0, tstamp(0, 0), ver=0xff))
    l2(msg(0xb, announce(), ver=2, sdo=0xf, ts=0xf))
    # --- bodies shorter than the type needs (the frame padding is read)
    l2(msg(0xb, b'', length=34))
    l2(msg(0x9, tstamp(5, 6), length=44))
    l2(msg(0xd, b''))
    l2(msg(0x3, b''))
    # message length fields that disagree with the frame
    l2(msg(0x0, tstamp(9, 9), length=0))
    l2(msg(0x0, tstamp(9, 9), length=0xffff))

    # --- UDP/IPv4 (the K8s operator's UDPv4 transport), unicast
    u4(msg(0x1, tstamp(0, 0), seq=132, logint=0x7f, flags=0x0400, domain=44))
    u4(msg(0x9, tstamp(1665510783, 679015501) + portid(0xa0369ffffe856e8a, 1),
           seq=132, flags=0x0400, domain=44, corr=36035 << 16), event=False)
    u4(msg(0x0, tstamp(1665510783, 681548698), seq=1213, flags=0x0400, domain=44,
           corr=105045 << 16))
    u4(msg(0xb, announce(utc=36, src=0xa0), seq=534, logint=1), event=False)
    u4(msg(0x8, tstamp(1665510784, 1), seq=1213), event=False)
    u4(msg(0x2, tstamp(0, 0) + b'\0' * 10, seq=1))
    u4(msg(0x3, tstamp(1, 2) + portid(CLK_A, 3), seq=1))
    u4(msg(0xa, tstamp(3, 4) + portid(CLK_A, 3), seq=1), event=False)
    u4(msg(0xc, portid(CLK_GM, 1) + tlv(5, struct.pack('!BbI', 0xb0, 1, 300)),
           flags=0x0400), event=False)
    u4(msg(0xd, portid(0xffffffffffffffff, 0xffff) + struct.pack('!BBBB', 1, 1, 0, 0) +
           tlv(1, struct.pack('!H', 0x0000))), event=False)
    u4(msg(0x0, tstamp(0, 0)), sport=33000)                  # only the dest port
    u4(msg(0x0, tstamp(0, 0), ver=1))
    u4(msg(0x0, tstamp(0, 0), ver=7), event=False)
    # UDP payloads shorter than the common header, or without a body
    u4(b'')
    u4(b'\x00')
    u4(b'\x00\x02')
    u4(msg(0x0, b'')[:33])
    u4(msg(0x0, b''))
    u4(msg(0xb, tstamp(1, 2)), event=False)
    u4(msg(0xd, portid(1, 1)), event=False)
    u4(msg(0x9, tstamp(1, 2) + b'\x01\x02\x03'), event=False)
    # the UDP length says less than the datagram carries
    u4(msg(0x0, tstamp(1, 1)), ulen=8 + 20)
    u4(msg(0x0, tstamp(1, 1)), ulen=8 + 34)
    # trailing data after the body
    u4(msg(0x1, tstamp(0, 0) + b'\xee' * 30))

    # --- UDP/IPv6
    u6(msg(0x0, tstamp(1700000010, 10), seq=10, flags=0x0200))
    u6(msg(0x8, tstamp(1700000010, 20), seq=10), event=False)
    u6(msg(0xb, announce(prio1=127, cls=135, acc=0x22, var=0x436a, src=0x40), seq=11),
       event=False)
    u6(msg(0x1, tstamp(0, 0), seq=12))
    u6(msg(0x9, tstamp(1700000010, 30) + portid(CLK_A, 1), seq=12), event=False)
    u6(msg(0xd, portid(CLK_A, 1) + struct.pack('!BBBB', 0, 0, 1, 0)), event=False)
    u6(msg(0x9, b'')[:20], event=False)
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
