#!/usr/bin/env python3
"""Frame Relay as a router's serial line sees it: Q.922 addresses of 2, 3
and 4 bytes with every flag, NLPID payloads (IPv4, IPv6, CLNP, ES-IS,
IS-IS, PPP, SNAP with an ethertype or a bridged Ethernet frame), Cisco's
ethertype encapsulation, pad bytes where they belong and where they don't,
Q.933 LMI signalling (ITU Annex A, ANSI Annex D, Cisco LMI) with report
types, link integrity and PVC status elements, shifts and unknown
elements, FRF.15 fragments, and frames cut short; multilink Frame Relay
(FRF.16): every control message with its information elements, and
fragments.

  crafted_fr.py --files DIR   writes DIR/fr_q922.pcap (DLT_FRELAY, 107) and
      DIR/fr_mfr.pcap (DLT_MFR, 182): a veth cannot capture those"""
import struct, sys
from pktgen import ip4, ip6, icmp4, icmp6, udp, eth
from crafted_ppp import write_pcap, cut
from crafted_osi import clnp, esis, N1, N2
from crafted_isis import p2p_iih, tlv

A, B = '10.77.0.1', '10.77.0.2'
C, D = '192.0.2.7', '198.51.100.9'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'


def q922(dlci, n=2, cr=0, fecn=0, becn=0, de=0, dc=0):
    """A Q.922 address of n bytes: the DLCI's top 10 bits in the first two
    bytes, then 7 more (4 bytes), then 6 with the DL-CORE bit (3 or 4)."""
    hi = dlci >> {2: 0, 3: 6, 4: 13}[n]
    b = bytes([(hi >> 4 & 0x3f) << 2 | cr << 1,
               (hi & 0xf) << 4 | fecn << 3 | becn << 2 | de << 1 | (n == 2)])
    if n == 4:
        b += bytes([(dlci >> 6 & 0x7f) << 1])
    if n > 2:
        b += bytes([(dlci & 0x3f) << 2 | dc << 1 | 1])
    return b


def ping4(seq, src=A, dst=B):
    return ip4(src, dst, 1, icmp4(8, 0, struct.pack('!HH', 0x4652, seq) + b'frame-relay'),
               ident=0x4600 + seq)


def ping6(seq):
    return ip6(A6, B6, 58, icmp6(A6, B6, 128, 0, struct.pack('!HH', 0x4653, seq) + b'fr-v6'))


def ui(addr, nlpid, payload, pad=False):
    return addr + b'\x03' + (b'\x00' if pad else b'') + bytes([nlpid]) + payload


def q933(body, dlci=0):
    return ui(q922(dlci), 0x08, body)


def ie(code, val):
    return bytes([code, len(val)]) + val


def pvc(dlci, n=3, new=0, active=1, bad=False):
    """A PVC status element's value: the DLCI in 2 to 4 bytes, the status."""
    if n == 3:
        d = bytes([dlci >> 4 & 0x3f, (dlci & 0xf) << 3 | 0x80])
    elif n == 4:
        d = bytes([dlci >> 10 & 0x3f, (dlci >> 6 & 0xf) << 3, (dlci & 0x3f) << 1 | 0x80])
    else:
        d = bytes([dlci >> 17 & 0x3f, (dlci >> 13 & 0xf) << 3, dlci >> 6 & 0x7f,
                   (dlci & 0x3f) << 1 | 0x80])
    if bad:
        d = bytes([d[0] | 0x80]) + d[1:]
    return d + bytes([0x80 | new << 3 | active << 1])


def q922_frames():
    fr = []
    # addresses: 2 bytes with each flag, 3 bytes (pad expected), 4 bytes
    fr.append(ui(q922(100), 0xcc, ping4(1)))
    fr.append(ui(q922(101, cr=1), 0xcc, ping4(2)))
    fr.append(ui(q922(102, fecn=1), 0x8e, ping6(3)))
    fr.append(ui(q922(103, becn=1), 0xcc, ping4(4, C, D)))
    fr.append(ui(q922(104, de=1), 0xcc, ping4(5)))
    fr.append(ui(q922(1000, cr=1, fecn=1, becn=1, de=1), 0x8e, ping6(6)))
    fr.append(ui(q922(0x2345, n=3), 0xcc, ping4(7), pad=True))
    fr.append(ui(q922(0x2346, n=3, dc=1, cr=1), 0xcc, ping4(8), pad=True))
    fr.append(ui(q922(0x2347, n=3), 0xcc, ping4(9)))                   # No pad!
    fr.append(ui(q922(0x123456, n=4), 0xcc, ping4(10)))
    fr.append(ui(q922(0x7fffff, n=4, dc=1, de=1), 0x8e, ping6(11), pad=True))  # Pad!
    fr.append(ui(q922(105), 0xcc, ping4(12), pad=True))                # Pad!
    # OSI (the PDUs start with their NLPID)
    fr.append(ui(q922(110), 0x81, clnp(0x1e, data=b'fr-clnp-echo')[1:]))
    fr.append(ui(q922(110), 0x82, esis(2, b'\x01' + bytes([len(N2)]) + N2)[1:]))
    fr.append(ui(q922(110), 0x83, p2p_iih(bytes.fromhex('192168000001'), 1,
                                         [tlv(129, b'\xcc\x8e'), tlv(1, b'\x03\x49\x00\x01')])[1:]))
    fr.append(ui(q922(110, n=3), 0x81, clnp(0x1c, dst=N2, src=N1, data=b'dt')[1:], pad=True))
    # SNAP: an ethertype, bridged Ethernet, Cisco CDP-less unknown, unknown OUI
    fr.append(ui(q922(120), 0x80, b'\x00\x00\x00\x08\x00' + ping4(13)))
    fr.append(ui(q922(120), 0x80, b'\x00\x00\x00\x86\xdd' + ping6(14)))
    fr.append(ui(q922(121), 0x80, b'\x00\x80\xc2\x00\x07' +
                 eth('02:00:00:00:00:0b', '02:00:00:00:00:0a', 0x0800, ping4(15))))
    fr.append(ui(q922(121), 0x80, b'\x00\x80\xc2\x00\x01' +
                 eth('02:00:00:00:00:0b', '02:00:00:00:00:0a', 0x0800, ping4(16)) + b'\0\0\0\0'))
    fr.append(ui(q922(122), 0x80, b'\x00\x00\x00\x12\x34' + b'unknown ethertype'))
    fr.append(ui(q922(122), 0x80, b'\x00\x00\x0c\x01\x99' + b'cisco pid'))
    fr.append(ui(q922(122), 0x80, b'\xab\xcd\xef\x00\x01' + b'unknown oui'))
    # Cisco encapsulation: an ethertype after the address
    fr.append(q922(200) + b'\x08\x00' + ping4(17))
    fr.append(q922(201, becn=1) + b'\x86\xdd' + ping6(18))
    fr.append(q922(0x2348, n=3) + b'\x08\x00' + ping4(19))
    fr.append(q922(202) + b'\x12\x34' + b'not an ethertype')       # UI 12!, NLPID 0x34
    fr.append(q922(0) + b'\x08\x00' + ping4(20))                   # DLCI 0: no ethertype
    # PPP, FRF.15, other NLPIDs
    fr.append(ui(q922(130), 0xcf, b'\xc0\x21\x09\x01\x00\x08\x1a\x2b\x3c\x4d'))
    fr.append(ui(q922(131), 0xb1, b'\x80\x05' + ping4(21)[:20]))       # Begin, e2e
    fr.append(ui(q922(131), 0xb1, b'\x5f\xff' + b'tail of it'))        # End, interface
    fr.append(ui(q922(131), 0xb1, b'\xe0\x00'))                        # B E C, seq 0
    fr.append(ui(q922(131), 0xb1, b'\x1e\x42rest'))                    # no flags
    fr.append(ui(q922(131), 0xb1, b'\x80'))                            # too short
    fr.append(ui(q922(140), 0x42, b'unknown nlpid payload bytes'))
    fr.append(ui(q922(140), 0x00, b'\x00null nlpid'))
    fr.append(ui(q922(140, n=3), 0x85, b'idrp'))                      # No pad!, IDRP
    # invalid addresses
    fr.append(b'\x01\x03\xcc' + ping4(22))                            # EA in byte 1
    fr.append(b'\x18\x40\x22\x44\x67\x03\xcc' + ping4(23))            # 5 bytes
    # Q.933: ITU Annex A (codeset 0)
    fr.append(q933(b'\x00\x75' + ie(0x51, b'\x01') + ie(0x53, b'\x05\x04')))
    fr.append(q933(b'\x00\x7d' + ie(0x51, b'\x00') + ie(0x53, b'\x06\x05') +
                   ie(0x57, pvc(100)) + ie(0x57, pvc(101, new=1)) +
                   ie(0x57, pvc(102, active=0)) + ie(0x57, pvc(0x1234, n=4, new=1)) +
                   ie(0x57, pvc(0x54321, n=5))))
    fr.append(q933(b'\x00\x7d' + ie(0x51, b'\x02') + ie(0x57, pvc(103, active=0, new=1))))
    # ANSI Annex D: a locking shift to codeset 5
    fr.append(q933(b'\x00\x75\x95' + ie(0x01, b'\x01') + ie(0x03, b'\x11\x10')))
    fr.append(q933(b'\x00\x7d\x95' + ie(0x01, b'\x00') + ie(0x03, b'\x12\x11') +
                   ie(0x07, pvc(200)) + ie(0x07, pvc(201, active=0)) +
                   ie(0x07, pvc(202, bad=True)) + ie(0x07, b'\x0c\x80') +
                   ie(0x07, b'\x0c\x80\x80\x80\x80\x82')))
    fr.append(q933(b'\x00\x75\x95' + ie(0x01, b'\x07') + ie(0x19, b'\x01\x02') + ie(0x03, b'\x09')))
    # shifts: non-locking at the start, locking and non-locking later,
    # single-octet elements, unknown elements in codesets 0, 5 and 6
    fr.append(q933(b'\x00\x75\x9d' + ie(0x01, b'\x01') + ie(0x01, b'\x01') + b'\xa1' +
                   b'\x96' + ie(0x03, b'\x01\x02') + b'\x95' + ie(0x42, b'\xde\xad') +
                   b'\x98' + ie(0x03, b'\x02\x03') + ie(0x53, b'\x03\x04')))
    fr.append(q933(b'\x00\x7d' + ie(0x70, b'unknown ie') + ie(0x53, b'\x07\x06')))
    # call references, message types
    fr.append(q933(b'\x01\x05\x05' + ie(0x04, b'\x88\x90')))            # Setup, ref 0x05
    fr.append(q933(b'\x02\x80\x01\x45' + ie(0x08, b'\x80\x90')))        # Disconnect
    fr.append(q933(b'\x01\x00\x4d\x00' + b'\x00'))                      # a zero byte after
    fr.append(q933(b'\x00\x6e' + ie(0x51, b'\x01')))                   # unknown message
    for m in (0x00, 0x01, 0x02, 0x03, 0x07, 0x0f, 0x46, 0x4e, 0x5a):
        fr.append(q933(bytes([0, m])))
    # broken: zero-length element, element past the end, cut in the header
    fr.append(q933(b'\x00\x75' + ie(0x51, b'') + ie(0x53, b'\x01\x01')))
    fr.append(q933(b'\x00\x75' + b'\x51\x05\x01'))
    fr.append(q933(b'\x00\x75' + b'\x51'))
    fr.append(q933(b'\x03\x01\x02'))
    fr.append(q933(b'\x00'))
    fr.append(q933(b''))
    fr.append(cut(q933(b'\x00\x75\x95' + ie(0x01, b'\x01') + ie(0x03, b'\x11\x10')), 9))
    fr.append(cut(q933(b'\x01\x00\x75' + ie(0x51, b'\x01')), 6))
    # Cisco LMI: DLCI 1023, NLPID 0x09
    fr.append(ui(q922(1023), 0x09, b'\x00\x75' + ie(0x01, b'\x01') + ie(0x03, b'\x01\x00')))
    fr.append(ui(q922(1023), 0x09, b'\x00\x7d' + ie(0x01, b'\x00') + ie(0x03, b'\x02\x01') +
                 ie(0x07, b'\x00\x64\x02\x00\x00\x00')))
    # cut short
    fr.append(cut(ui(q922(100), 0xcc, ping4(24)), 3))
    fr.append(cut(ui(q922(100), 0xcc, ping4(25)), 4))
    fr.append(cut(ui(q922(100), 0xcc, ping4(26)), 20))
    fr.append(cut(ui(q922(0x2345, n=3), 0xcc, ping4(27), pad=True), 5))
    fr.append(cut(ui(q922(0x123456, n=4), 0xcc, ping4(28)), 5))
    fr.append(cut(ui(q922(140), 0x42, b'unknown nlpid payload bytes'), 12))
    fr.append(cut(ui(q922(122), 0x80, b'\xab\xcd\xef\x00\x01' + b'unknown oui'), 10))
    fr.append(cut(ui(q922(120), 0x80, b'\x00\x00\x00\x08\x00' + ping4(29)), 7))
    fr.append(cut(ui(q922(121), 0x80, b'\x00\x80\xc2\x00\x07' +
                     eth('02:00:00:00:00:0b', '02:00:00:00:00:0a', 0x0800, ping4(30))), 16))
    fr.append(cut(q922(200) + b'\x08\x00' + ping4(31), 4))
    fr.append(cut(q922(202) + b'\x12\x34' + b'xx', 4))
    fr.append(cut(ui(q922(131), 0xb1, b'\x80\x05' + b'x' * 8), 5))
    fr.append(q922(100) + b'\x03')
    fr.append(q922(100) + b'\x44')
    fr.append(b'\x18')
    return fr


def mie(t, v, ln=None):
    return bytes([t, 2 + len(v) if ln is None else ln]) + v


def ctrl(msg, ies=b'', flags=0xe1):
    return bytes([flags, 0, msg]) + ies


def mfr_frames():
    ts = struct.pack('<qq', 1767225600 + 3723, 123456)
    fr = []
    fr.append(ctrl(1, mie(1, b'bundle-fr0\0') + mie(2, b'serial0/0') +
                   mie(3, b'\x1a\x2b\x3c\x4d') + mie(5, ts)))
    fr.append(ctrl(2, mie(1, b'bundle-fr0') + mie(2, b'serial0/1\0pad') +
                   mie(3, b'\x5e\x6f\x70\x81')))
    fr.append(ctrl(3, mie(1, b'bundle-fr0') + mie(2, b'serial0/1') + mie(7, b'\x05')))
    fr.append(ctrl(4, mie(5, ts) + mie(3, b'\x1a\x2b\x3c\x4d')))
    fr.append(ctrl(5, mie(5, b'\x00\x01\x02\x03\x04\x05\x06\x07') + mie(3, b'\x1a\x2b\x3c\x4d')))
    fr.append(ctrl(6, mie(2, b'serial0/2') + mie(7, b'\x02\x00')))
    fr.append(ctrl(7, mie(2, b'serial0/2') + mie(6, b'\x00\x00\x0c\x01\x02\x03')))
    fr.append(ctrl(0x0c, mie(9, b'unknown ie')))
    fr.append(ctrl(1, mie(1, b'ctl\x01\x1f\x7f\xc1\xe9name') + mie(2, b'L' * 60)))
    # broken elements: magic of the wrong length, too short, type 0
    fr.append(ctrl(4, mie(3, b'\x01\x02\x03') + mie(1, b'next')))
    fr.append(ctrl(4, mie(1, b'x') + mie(1, b'', ln=2) + mie(2, b'after')))
    fr.append(ctrl(4, mie(0, b'zero') + mie(2, b'after')))
    fr.append(ctrl(4, mie(2, b'link') + b'\x03'))
    fr.append(ctrl(2))
    fr.append(ctrl(1, mie(1, b'bundle-fr0'), flags=0xe0))
    fr.append(cut(ctrl(1, mie(1, b'bundle-fr0') + mie(2, b'serial0/0')), 16))
    fr.append(cut(ctrl(1, mie(1, b'bundle-fr0') + mie(3, b'\x1a\x2b\x3c\x4d')), 17))
    # fragments: whole frames, first, middle and last fragments
    fr.append(b'\xc1\x01' + ui(q922(100), 0xcc, ping4(40)))
    fr.append(b'\xc3\x02' + ui(q922(101, becn=1), 0x8e, ping6(41)))
    fr.append(b'\xc1\x03' + q922(200) + b'\x08\x00' + ping4(42))
    fr.append(b'\xc1\x04' + ui(q922(0), 0x08, b'\x00\x75\x95' + ie(0x01, b'\x01') +
                               ie(0x03, b'\x21\x20')))
    big = ui(q922(102), 0xcc, ping4(43) + b'z' * 40)
    fr.append(b'\x81\x05' + big[:30])
    fr.append(b'\x01\x06' + big[30:50])
    fr.append(b'\x41\x07' + big[50:])
    fr.append(b'\xa1\x08' + big[:20])
    fr.append(b'\xe1\x09' + big[:20])
    fr.append(b'\x1f\xff' + big[:10])
    fr.append(cut(b'\xc1\x0a' + ui(q922(100), 0xcc, ping4(44)), 12))
    fr.append(b'\xc1\x0b\x18')
    fr.append(b'\xe1\x00')
    fr.append(b'\xe1')
    return fr


def write_files(d):
    write_pcap(d + '/fr_q922.pcap', 107, q922_frames())
    write_pcap(d + '/fr_mfr.pcap', 182, mfr_frames())


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--files':
        write_files(sys.argv[2])
    else:
        sys.exit(__doc__)
