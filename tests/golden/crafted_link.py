#!/usr/bin/env python3
"""Link types a veth cannot capture, written as files: Marvell DSA and EDSA
and Broadcom switch tags (every mode, code, flag, VLAN ids up to 4095,
tags in front of the frame), SLIP with BPF's direction and compressed
TCP/IP header (plain IP, uncompressed and compressed TCP with every change
field, bad directions), IP over InfiniBand, Solaris IPNET, Linux vsock
monitoring (virtio transport, every op, payloads), ARCNET (RFC 1051 and
RFC 1201 types, fragments, exception headers, Linux's header, AppleTalk
DDP), ATM (SunATM's VPI/VCI: Q.2931 signalling, OAM cells with good and
bad CRC-10, ILMI, LANE control and data, LLC; RFC 1483 LLC with Cisco NLPID
and Fore 802.6 headers; Classical IP), Apple's PKTAP before Ethernet, raw
IP, loopback, PPP and unknown link types; each with IPv4, IPv6 and ARP
payloads and frames cut short.

  crafted_link.py --files DIR   writes DIR/link_dsa.pcap, link_edsa.pcap,
      link_brcm.pcap, link_brcmprepend.pcap, link_slip.pcap,
      link_slipbsdos.pcap, link_ipoib.pcap, link_ipnet.pcap,
      link_vsock.pcap, link_arcnet.pcap, link_arcnetlinux.pcap,
      link_sunatm.pcap, link_atm.pcap, link_atmclip.pcap, link_pktap.pcap
      and link_pktapuser2.pcap"""
import socket, struct, sys
from pktgen import *
from crafted_ppp import write_pcap, cut

A, B = '10.77.0.1', '10.77.0.2'
C1, C2 = '192.0.2.10', '198.51.100.20'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
M1, M2 = '02:00:00:00:00:01', '02:00:00:00:00:02'


def ping4(src=A, dst=B, seq=1):
    return ip4(src, dst, 1, icmp4(8, 0, struct.pack('!HH', 0x4c4c, seq) + b'link-echo'), ident=0x3300 + seq)


def udp4(src=C1, dst=C2):
    return ip4(src, dst, 17, udp(src, dst, 40001, 53, b'\x12\x34\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00'),
               ident=0x3400)


def tcp4(flags=0x18, data=b'hello-link', src=A, dst=B):
    return ip4(src, dst, 6, tcp(src, dst, 40100, 80, 1000, 2000, flags, data=data), ident=0x3500)


def ping6(seq=1):
    return ip6(A6, B6, 58, icmp6(A6, B6, 128, 0, struct.pack('!HH', 0x6c6c, seq) + b'link-v6'))


def arp(op=1, hrd=1, sha=None, tha=None, spa=A, tpa=B):
    sha = mac(M1) if sha is None else sha
    tha = bytes(len(sha)) if tha is None else tha
    return (struct.pack('!HHBBH', hrd, 0x0800, len(sha), 4, op) + sha + socket.inet_aton(spa) +
            tha + socket.inet_aton(tpa))


PAYLOADS = [(0x0800, ping4()), (0x0800, udp4()), (0x86dd, ping6()), (0x0806, arp()),
            (0x0806, arp(2, sha=mac(M2), tha=mac(M1), spa=B, tpa=A))]


# -------------------------------------------------------- switch tags
def ether_tagged(tag, et, payload):
    return mac(M2) + mac(M1) + tag + struct.pack('!H', et) + payload


def dsa_tag(mode, dev=3, port=5, tagged=0, bit2=0, cfi=0, pri=0, vid=1, code=0):
    """mode 0 To CPU, 1 From CPU, 2 To Sniffer, 3 Forward; code: 3 bits."""
    b0 = mode << 6 | tagged << 5 | dev
    b1 = port << 3 | bit2 << 2 | cfi
    if mode == 0:
        b1 |= (code >> 1) << 1
    b2 = pri << 5 | (vid >> 8 & 0xf)
    if mode == 0:
        b2 |= (code & 1) << 4
    return bytes([b0, b1, b2, vid & 0xff])


def dsa_tags():
    t = [dsa_tag(0, code=c, vid=10 + c) for c in range(8)]
    t += [dsa_tag(1, dev=31, port=31, tagged=1, pri=7, vid=4095),
          dsa_tag(2, bit2=0), dsa_tag(2, bit2=1, cfi=1, vid=2048),
          dsa_tag(3, bit2=0, tagged=1, vid=100), dsa_tag(3, bit2=1, dev=0, port=0, vid=0)]
    return t


def dsa_frames(edsa):
    fr = []
    hdr = (lambda t: struct.pack('!HBB', 0xdada, 0, 0) + t) if edsa else (lambda t: t)
    tags = dsa_tags()
    for i, t in enumerate(tags):
        et, pl = PAYLOADS[i % len(PAYLOADS)]
        fr.append(ether_tagged(hdr(t), et, pl))
    if edsa:
        fr.append(ether_tagged(struct.pack('!HBB', 0x0800, 1, 2) + tags[1], 0x0800, ping4(seq=9)))
        fr.append(ether_tagged(struct.pack('!HBB', 0x1234, 255, 7) + tags[2], 0x86dd, ping6(9)))
    t = hdr(tags[3])
    fr.append(ether_tagged(t, 0x8100, struct.pack('!HH', 0x2064, 0x0800) + ping4(seq=3)))
    fr.append(ether_tagged(t, 0x88b5, b'local experimental payload'))
    llc = b'\xaa\xaa\x03\x00\x00\x00\x08\x00' + ping4(seq=4)
    fr.append(ether_tagged(t, len(llc), llc))
    fr.append(cut(ether_tagged(t, 0x0800, tcp4()), 12 + len(t) + 30))
    fr.append(cut(ether_tagged(t, 0x0800, tcp4()), 12 + len(t) + 1))
    fr.append(cut(ether_tagged(t, 0x0800, tcp4()), 12 + len(t) - 1))
    fr.append(cut(ether_tagged(t, 0x0800, tcp4()), 10))
    return fr


def brcm_tags():
    # ingress: opcode 1; TC, TE, TS, destination map
    t = [bytes([0x20, tc << 2 | te | ts << 7, 0x01, 0x23])
         for tc, te, ts in ((0, 0, 0), (5, 1, 1), (7, 2, 0), (1, 3, 1))]
    t.append(bytes([0xff, 0xff, 0xff, 0xff]))
    # egress: opcode 0; class id, reason code, TC, port
    t += [bytes([0, 9, rc, tc << 5 | port]) for rc, tc, port in
          ((1, 0, 0), (2, 1, 1), (4, 2, 7), (8, 3, 8), (16, 4, 31), (32, 7, 5), (0, 0, 0),
           (3, 0, 0), (0xc0, 0, 0))]
    t.append(bytes([0x40, 1, 2, 3]))     # another opcode, no ingress bit
    return t


def brcm_frames(prepend):
    fr = []
    for i, t in enumerate(brcm_tags()):
        et, pl = PAYLOADS[i % len(PAYLOADS)]
        if prepend:
            fr.append(t + mac(M2) + mac(M1) + struct.pack('!H', et) + pl)
        else:
            fr.append(ether_tagged(t, et, pl))
    t = brcm_tags()[1]
    if prepend:
        fr.append(t + mac(M2) + mac(M1) + b'\x88\xb5' + b'experimental')
        fr.append(cut(t + mac(M2) + mac(M1) + b'\x08\x00' + tcp4(), 4 + 14 + 25))
        fr.append(cut(t + mac(M2) + mac(M1) + b'\x08\x00' + tcp4(), 4 + 8))
        fr.append(cut(t + mac(M2) + mac(M1) + b'\x08\x00' + tcp4(), 3))
    else:
        fr.append(ether_tagged(t, 0x88b5, b'experimental'))
        fr.append(ether_tagged(t, 0x8100, struct.pack('!HH', 0x0005, 0x86dd) + ping6(5)))
        fr.append(cut(ether_tagged(t, 0x0800, tcp4()), 18 + 25))
        fr.append(cut(ether_tagged(t, 0x0800, tcp4()), 17))
        fr.append(cut(ether_tagged(t, 0x0800, tcp4()), 14))
    return fr


# ---------------------------------------------------------------- SLIP
def sl(direction, chdr, pkt):
    return bytes([direction]) + (chdr + bytes(15))[:15] + pkt


def slip_frames():
    t = tcp4()
    fr = [sl(0, b'\x45', ping4()), sl(1, b'\x45', ping6()), sl(1, b'\x45', udp4())]
    # uncompressed TCP: the connection number in the protocol field
    fr.append(sl(0, b'\x70' + bytes(8) + b'\x07', t))
    fr.append(sl(1, b'\x75' + bytes(8) + b'\xfe', t))
    # compressed: connection, checksum, changes
    fr.append(sl(0, b'\xc0\x07\x12\x34', t))                      # no changes
    fr.append(sl(0, b'\x8b\x56\x78', t))                          # *SA (special I)
    fr.append(sl(0, b'\xcf\x07\x56\x78', t))                      # *S (special D)
    fr.append(sl(1, b'\xff\xfe\xab\xcd\x05\x10\x20\x30\x40', t))   # every field, one byte
    fr.append(sl(1, b'\xa7\xab\xcd\x00\x01\x00\x00\x80\x00\x00\x12\x34\x00\x00\x09', t))
    fr.append(sl(0, b'\x82\x00\x00\x00\xff\xf0', t))               # window down
    fr.append(sl(0, b'\x82\x00\x00\xf0', t))
    fr.append(sl(0, b'\xe1\x09\x00\x00\x00\x00\x01', t))
    fr.append(sl(0, b'\x30', ping4()))                            # slip-48!
    fr.append(sl(2, b'\x45', ping4()))                            # bad direction
    fr.append(sl(7, b'\x70' + bytes(8) + b'\x03', t))
    fr.append(sl(0xff, b'\xc0\x01', t))
    fr.append(sl(0, b'\x45', b'\x00\x01\x02\x03'))                # ip v0
    fr.append(sl(0, b'\x45', b'\x50\x01\x02\x03'))
    fr.append(cut(sl(0, b'\xc0\x07\x12\x34', t), 16 + 30))        # TCP header cut
    fr.append(cut(sl(0, b'\xff\x01\x00\x00\x00', t), 16 + 10))
    fr.append(cut(sl(0, b'\x70' + bytes(8) + b'\x07', t), 16 + 22))
    fr.append(cut(sl(0, b'\x45', ping4()), 16))
    fr.append(cut(sl(0, b'\x45', ping4()), 9))
    return fr


def slip_bsdos_frames():
    return [sl(0, b'\x45', ping4()), sl(1, b'\xc0\x01', tcp4()), sl(0, b'', ping6()),
            cut(sl(0, b'\x45', ping4()), 30), cut(sl(0, b'\x45', ping4()), 10)]


# ----------------------------------------------------- IPoIB and IPNET
def ipoib(et, payload):
    return bytes(range(0x10, 0x38)) + struct.pack('!HH', et, 0) + payload


def ipoib_frames():
    gid_s = bytes.fromhex('80000550fe800000000000000010e000664ab451')
    gid_t = bytes(20)
    fr = [ipoib(et, pl) for et, pl in PAYLOADS[:3]]
    fr.append(ipoib(0x0806, arp(1, hrd=32, sha=gid_s, tha=gid_t)))
    fr.append(ipoib(0x0806, arp(2, hrd=32, sha=gid_s, tha=gid_s, spa=B, tpa=A)))
    fr.append(ipoib(0x88b5, b'experimental'))
    fr.append(ipoib(0x8847, struct.pack('!I', 16 << 12 | 1 << 8 | 64) + ping4(seq=7)))
    fr.append(cut(ipoib(0x0800, tcp4()), 44 + 28))
    fr.append(cut(ipoib(0x0800, tcp4()), 42))
    fr.append(cut(ipoib(0x0800, tcp4()), 30))
    return fr


def ipnet(fam, payload, zs=0, zd=0xffffffff):
    return struct.pack('!BBHIIIII', 1, fam, 0, len(payload), 2, 0, zs, zd) + payload


def ipnet_frames():
    fr = [ipnet(2, ping4()), ipnet(2, udp4(), 0xffffffff, 0), ipnet(26, ping6(), 5, 6),
          ipnet(7, b'unknown family data'), ipnet(0, b'')]
    fr.append(cut(ipnet(2, tcp4()), 24 + 26))
    fr.append(cut(ipnet(26, ping6()), 24 + 8))
    fr.append(cut(ipnet(2, tcp4()), 20))
    return fr


# --------------------------------------------------------------- vsock
def vsock(op, transport, thdr=b'', payload=b'', scid=3, dcid=2, sport=1024, dport=1234):
    return struct.pack('<QQIIHHH2s', scid, dcid, sport, dport, op, transport, len(thdr), b'\0\0') + thdr + payload


def virtio(ln, typ, op, flags=0, buf=262144, fwd=0, scid=3, dcid=2):
    return struct.pack('<QQIIIHHIII', scid, dcid, 1024, 1234, ln, typ, op, flags, buf, fwd)


def vsock_frames():
    fr = [vsock(1, 2, virtio(0, 1, 1)), vsock(1, 2, virtio(0, 1, 2), scid=2, dcid=3, sport=1234, dport=1024),
          vsock(4, 2, virtio(6, 1, 5), b'hello\n'), vsock(3, 2, virtio(0, 1, 6, flags=0x3, fwd=6)),
          vsock(3, 2, virtio(0, 1, 7)), vsock(2, 2, virtio(0, 1, 4, flags=3)), vsock(2, 2, virtio(0, 1, 3)),
          vsock(4, 2, virtio(0, 2, 0)), vsock(4, 2, virtio(0, 1, 9)), vsock(4, 2, virtio(0, 1, 5)),
          vsock(0, 1, payload=b'x'), vsock(4, 1, payload=b'no transport header'), vsock(4, 0),
          vsock(7, 9, payload=b'zz'), vsock(4, 2, virtio(0, 1, 5), scid=0xffffffffffffffff, sport=0xffffffff)]
    fr.append(cut(vsock(4, 2, virtio(9, 1, 5), b'truncated'), 50))
    fr.append(cut(vsock(1, 1), 20))
    return fr


# -------------------------------------------------------------- ARCNET
def arc(src, dst, typ, payload, flag=None, seqid=0x1234, exc=False):
    h = bytes([src, dst, typ])
    if flag is not None:
        if exc:
            h += bytes([0xff]) + b'\xff\xff' + bytes([typ, flag]) + struct.pack('!H', seqid)
        else:
            h += bytes([flag]) + struct.pack('!H', seqid)
    return h + payload


def ddp(typ, payload, snet=0x1234, snode=5, dnet=0xff00, dnode=255, ssk=0xfd, dsk=2):
    return struct.pack('!HHHHBBBBB', 13 + len(payload), 0, dnet, snet, dnode, snode, dsk, ssk, typ) + payload


def arc_arp(op=1):
    return arp(op, hrd=7, sha=b'\xbe', tha=b'\x00' if op == 1 else b'\x50')


def ipx():
    return struct.pack('!HHBB4s6sH4s6sH', 0xffff, 30 + 4, 0, 4, b'\0\0\0\x01', bytes.fromhex('ffffffffffff'),
                       0x0452, b'\0\0\0\x02', bytes.fromhex('020000000001'), 0x4000) + b'ipx!'


def arcnet_frames():
    fr = [arc(0xbe, 0x50, 240, ping4()), arc(0xbe, 0x00, 241, arc_arp()), arc(0x50, 0xbe, 241, arc_arp(2)),
          arc(0xbe, 0x50, 0x80, b'diagnostics'),
          arc(0xbe, 0x50, 212, ping4(), 0), arc(0xbe, 0x50, 213, arc_arp(), 0),
          arc(0x50, 0xbe, 214, arc_arp(3), 0), arc(0xbe, 0x50, 0xc4, ping6(), 0),
          arc(0xbe, 0x50, 212, tcp4(), 3), arc(0xbe, 0x50, 212, b'middle fragment data', 2),
          arc(0xbe, 0x50, 212, b'last fragment', 4), arc(0xbe, 0x50, 212, udp4(), 0, 0xabcd, True),
          arc(0xbe, 0x50, 212, b'exception middle', 6, 0xabcd, True),
          arc(0xbe, 0x50, 221, ddp(4, b'echo'), 0), arc(0xbe, 0x50, 221, ddp(22, b'ip', dnode=7), 0),
          arc(0xbe, 0x50, 221, ddp(99, b''), 0), arc(0xbe, 0x50, 221, b'short', 0),
          arc(0xbe, 0x50, 250, ipx(), 0), arc(0xbe, 0x50, 247, b'banyan vines', 0),
          arc(0xbe, 0x50, 0x33, b'unknown type', 0)]
    fr.append(cut(arc(0xbe, 0x50, 221, ddp(4, b'echo'), 0), 6 + 10))
    fr.append(cut(arc(0xbe, 0x50, 212, ping4(), 0xff, exc=True), 8))
    fr.append(cut(arc(0xbe, 0x50, 212, ping4(), 0), 5))
    fr.append(cut(arc(0xbe, 0x50, 240, ping4()), 3 + 12))
    fr.append(cut(arc(0xbe, 0x50, 240, ping4()), 2))
    return fr


def arclx(src, dst, typ, payload, offset=0, flag=0, seqid=0x0102):
    h = bytes([src, dst]) + struct.pack('!H', offset) + bytes([typ])
    if typ not in (240, 241, 0x80):
        h += bytes([flag]) + struct.pack('!H', seqid)
    return h + payload


def arcnet_linux_frames():
    fr = [arclx(0xbe, 0x50, 240, ping4()), arclx(0xbe, 0x00, 241, arc_arp()),
          arclx(0x50, 0xbe, 212, ping4(), offset=0xab89), arclx(0xbe, 0x50, 213, arc_arp(2), offset=0xea23),
          arclx(0xbe, 0x50, 0xc4, ping6(), offset=0xd400), arclx(0xbe, 0x50, 214, arc_arp(4)),
          arclx(0xbe, 0x50, 221, ddp(1, b'rtmp'), offset=0xdd00), arclx(0xbe, 0x50, 250, ipx()),
          arclx(0xbe, 0x50, 0x80, b'diag'), arclx(0xbe, 0x50, 0x42, b'unknown', offset=0x4200)]
    fr.append(cut(arclx(0xbe, 0x50, 212, tcp4()), 8 + 22))
    fr.append(cut(arclx(0xbe, 0x50, 212, tcp4()), 7))
    fr.append(cut(arclx(0xbe, 0x50, 240, tcp4()), 4))
    return fr


# ----------------------------------------------------------------- ATM
def snap(et, payload):
    return b'\xaa\xaa\x03\x00\x00\x00' + struct.pack('!H', et) + payload


def crc10_rem(data):
    """What tcpdump's CRC-10 check computes over an OAM payload: 0 when the
    last 10 bits hold the right CRC (x^10 + x^9 + x^5 + x^4 + x + 1)."""
    acc = 0
    for byte in data:
        t = ((acc >> 2) & 0xff) << 2
        for _ in range(8):
            t <<= 1
            if t & 0x400:
                t ^= 0x633
        acc = ((acc << 8) & 0x3ff) ^ t ^ byte
    return acc


def oam(vci, ctype, ftype, body=b'', good=True, pti=0):
    cell = struct.pack('!I', 0 << 20 | vci << 4 | pti << 1)
    pl = bytes([ctype << 4 | ftype]) + (body + bytes(45))[:45]
    crc = next(c for c in range(1024) if crc10_rem(pl + struct.pack('!H', c)) == 0) if good else 0x155
    return b'\x00' + cell + pl + struct.pack('!H', crc)


def snmp_get():
    def tlv(t, v):
        return bytes([t, len(v)]) + v
    vb = tlv(0x30, tlv(0x06, bytes.fromhex('2b06010201010100')) + b'\x05\x00')
    pdu = tlv(0xa0, tlv(2, b'\x01') + tlv(2, b'\x00') + tlv(2, b'\x00') + tlv(0x30, vb))
    return tlv(0x30, tlv(2, b'\x00') + tlv(4, b'ILMI') + pdu)


def sunatm(dirtype, vpi, vci, payload):
    return struct.pack('!BBH', dirtype, vpi, vci) + payload


def sunatm_frames():
    lb = b'\x01' + struct.pack('!I', 0x18020109) + bytes(range(1, 13)) + bytes(range(0x40, 0x4c))
    fr = [sunatm(0x02, 1, 100, snap(0x0800, ping4())), sunatm(0x82, 1, 100, snap(0x86dd, ping6())),
          sunatm(0x02, 1, 101, snap(0x0806, arp())), sunatm(0x00, 2, 32, snap(0x0800, udp4())),
          sunatm(0x02, 1, 102, b'\xaa\xaa\x03\x00\x00\x00\x88\xb5unknown'),
          sunatm(0x02, 1, 102, b'\x42\x42\x03' + bytes(35)),
          sunatm(0x00, 0, 5, b'\x09\x03\x80\x00\x01\x05\x80\x00\x00'),
          sunatm(0x80, 0, 5, b'\x09\x03\x00\x12\x34\x4d\x80\x00\x00'),
          sunatm(0x00, 0, 5, b'\x09\x03\x00\x00\x02\x99\x80\x00\x00'),
          sunatm(0x00, 0, 5, b'\x42\x00\x00'), sunatm(0x00, 0, 2, b'bcast'), sunatm(0x00, 0, 1, b'meta'),
          sunatm(0x00, 0, 16, snmp_get()),
          sunatm(0x80, 0, 4, oam(4, 1, 8, lb)), sunatm(0x00, 0, 3, oam(3, 1, 8, b'\x00' + lb[1:], good=False)),
          sunatm(0x00, 0, 4, oam(77, 1, 0, b'\x05' + bytes(range(16)), pti=5)),
          sunatm(0x00, 0, 4, oam(77, 1, 1, b'\x07' + bytes(range(16, 32)), pti=4)),
          sunatm(0x00, 0, 4, oam(3, 1, 4)), sunatm(0x00, 0, 4, oam(4, 2, 1, pti=6)),
          sunatm(0x00, 0, 3, oam(4, 8, 0, pti=7)), sunatm(0x00, 0, 3, oam(4, 15, 3)),
          sunatm(0x00, 0, 3, oam(4, 3, 9)), sunatm(0x00, 0, 3, oam(4, 1, 9))]
    # LANE: control frames and Ethernet frames behind a LEC id
    fr += [sunatm(0x01, 1, 200, b'\xff\x00\x01\x01' + struct.pack('!H', op) + bytes(10))
           for op in (0x0001, 0x0102, 0x0006, 0x0106, 0x0009, 0x0777)]
    fr.append(sunatm(0x01, 1, 201, b'\x00\x05' + eth(M2, M1, 0x0800, ping4(seq=21))))
    fr.append(sunatm(0x81, 1, 201, b'\x00\x06' + eth(M1, M2, 0x0806, arp(2, sha=mac(M2), tha=mac(M1)))))
    fr.append(sunatm(0x01, 1, 201, b'\x00\x07' + eth(M1, M2, 0x88b5, b'lane payload')))
    fr.append(cut(sunatm(0x01, 1, 201, b'\x00\x05' + eth(M2, M1, 0x0800, ping4())), 4 + 2 + 10))
    fr.append(cut(sunatm(0x02, 1, 100, snap(0x0800, tcp4())), 4 + 8 + 30))
    fr.append(cut(sunatm(0x02, 1, 100, snap(0x0800, tcp4())), 4 + 5))
    fr.append(cut(sunatm(0x00, 0, 4, oam(4, 1, 8, lb)), 4 + 30))
    fr.append(cut(sunatm(0x00, 0, 4, oam(4, 1, 0)), 4 + 50))
    fr.append(cut(sunatm(0x00, 0, 5, b'\x09\x03\x80\x00\x01\x05'), 4 + 4))
    fr.append(cut(sunatm(0x00, 1, 100, b''), 3))
    return fr


def atm_frames():
    fr = [snap(0x0800, ping4()), snap(0x86dd, ping6()), snap(0x0806, arp()),
          b'\x06\x06\x03' + ping4(seq=2), b'\xfe\xfe\x03\x81' + bytes(20),
          b'\x03\xcc' + ping4(seq=3), b'\x03\x8e' + bytes(12),
          bytes(range(0x20, 0x34)) + snap(0x0800, udp4()),
          snap(0x88b5, b'unknown ethertype')]
    fr.append(cut(snap(0x0800, tcp4()), 8 + 24))
    fr.append(cut(bytes(range(0x20, 0x34)) + snap(0x0800, udp4()), 18))
    fr.append(cut(snap(0x0800, tcp4()), 2))
    return fr


def atmclip_frames():
    fr = [snap(0x0800, ping4()), snap(0x86dd, ping6()), ping4(seq=5), ping6(6),
          snap(0x88b5, b'unknown ethertype')]
    fr.append(cut(snap(0x0800, tcp4()), 8 + 24))
    fr.append(cut(ping4(), 5))
    return fr


def pktap(dlt, payload, rectype=1, hlen=108, ifname=b'en0', pid=4242, cmd=b'curl'):
    """Apple's PKTAP header (little-endian) before a packet of link type dlt."""
    h = struct.pack('<III24sIIIII20sIHHI20s', hlen, rectype, dlt, ifname, 0, 2, 14, 0,
                    pid, cmd, 0, 6, 0, pid, cmd)
    return h + b'\0' * (hlen - len(h)) + payload


def pktap_frames():
    e = eth(M2, M1, 0x0800, ping4())
    return [pktap(1, e), pktap(1, eth(M1, M2, 0x86dd, ping6(2)), hlen=112),
            pktap(12, udp4()), pktap(0, struct.pack('<I', 2) + ping4(seq=3)),
            pktap(9, b'\xff\x03\x00\x21' + ping4(seq=4)), pktap(147, b'user0-data'),
            pktap(1, b'', rectype=0), pktap(1, e, rectype=7), pktap(1, e, hlen=100),
            pktap(1, e, hlen=4000), b'\x6c' + b'\0' * 60, cut(pktap(1, e), 120),
            cut(pktap(1, e), 60), pktap(1, e)[:8]]


def write_files(d):
    write_pcap(d + '/link_dsa.pcap', 284, dsa_frames(False))
    write_pcap(d + '/link_edsa.pcap', 285, dsa_frames(True))
    write_pcap(d + '/link_brcm.pcap', 281, brcm_frames(False))
    write_pcap(d + '/link_brcmprepend.pcap', 282, brcm_frames(True))
    write_pcap(d + '/link_slip.pcap', 8, slip_frames())
    write_pcap(d + '/link_slipbsdos.pcap', 102, slip_bsdos_frames())
    write_pcap(d + '/link_ipoib.pcap', 242, ipoib_frames())
    write_pcap(d + '/link_ipnet.pcap', 226, ipnet_frames())
    write_pcap(d + '/link_vsock.pcap', 271, vsock_frames())
    write_pcap(d + '/link_arcnet.pcap', 7, arcnet_frames())
    write_pcap(d + '/link_arcnetlinux.pcap', 129, arcnet_linux_frames())
    write_pcap(d + '/link_sunatm.pcap', 123, sunatm_frames())
    write_pcap(d + '/link_atm.pcap', 100, atm_frames())        # LINKTYPE_ATM_RFC1483
    write_pcap(d + '/link_atmclip.pcap', 106, atmclip_frames())  # LINKTYPE_ATM_CLIP
    write_pcap(d + '/link_pktap.pcap', 258, pktap_frames())
    write_pcap(d + '/link_pktapuser2.pcap', 149, pktap_frames())  # as macOS writes it


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--files':
        write_files(sys.argv[2])
    else:
        sys.exit(__doc__)
