#!/usr/bin/env python3
"""The IEEE slow protocols (ethertype 0x8809) as a Linux bond in 802.3ad
mode and the switch it is cabled to exchange them: LACPDUs through the
negotiation (every actor/partner state flag), marker and marker response
PDUs, Ethernet OAM (802.3ah) information, event notification, loopback
control and variable request/response PDUs, an ITU-T OSSP (ESMC) frame,
unknown subtypes, versions and TLVs, zero, short and overlong lengths.
Hand-built, sent on the veth with AF_PACKET.
Usage: crafted_slow.py IFACE PEER_MAC"""
import struct, sys
from pktgen import *

SLOW_MAC = '01:80:c2:00:00:02'
BOND = mac('02:00:00:00:00:0a')
SWITCH = mac('00:00:5e:00:53:11')


def tlv(t, body, ln=None):
    return struct.pack('!BB', t, 2 + len(body) if ln is None else ln) + body


def party(sysmac, key, port, state, sys_pri=65535, port_pri=255):
    return struct.pack('!H6sHHHB3x', sys_pri, sysmac, key, port_pri, port, state)


def lacpdu(actor, partner, delay=0, ver=1, tail=None):
    body = struct.pack('!BB', 1, ver) + tlv(1, actor) + tlv(2, partner) + \
        tlv(3, struct.pack('!H12x', delay))
    body += tlv(0, b'', 0) + bytes(50) if tail is None else tail
    return body


def marker(t, port, sysmac, tid, ver=1):
    body = struct.pack('!BB', 2, ver) + tlv(t, struct.pack('!H6sI2x', port, sysmac, tid))
    return body + tlv(0, b'', 0) + bytes(90)


def oam(flags, code, data, pad=True):
    b = struct.pack('!BHB', 3, flags, code) + data
    if pad and len(b) < 46:
        b += bytes(46 - len(b))
    return b


def oam_info(t, ver=1, rev=1, state=0, cfg=0x1d, pdu=1518, oui=0x00000c, vend=0, ln=16):
    body = struct.pack('!BHBBH', ver, rev, state, cfg, pdu) + oui.to_bytes(3, 'big') + \
        struct.pack('!I', vend)
    return struct.pack('!BB', t, ln) + body[:max(ln - 2, 0)] if ln < 16 else \
        struct.pack('!BB', t, ln) + body + bytes(ln - 16)


def event(t, ts, window, thresh, errs, total, evtotal, ln=40):
    body = struct.pack('!HQQQQI', ts, window, thresh, errs, total, evtotal)
    return struct.pack('!BB', t, ln) + body[:ln - 2] if ln < 40 else struct.pack('!BB', t, ln) + body


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def s(payload, dst=SLOW_MAC):
        fr.append(eth(dst, me, 0x8809, payload))

    # --- LACP: a bond port coming up against a switch, then in sync
    s(lacpdu(party(BOND, 9, 1, 0xc5), party(bytes(6), 0, 0, 0x02, 0, 0)))
    s(lacpdu(party(BOND, 9, 1, 0x05), party(SWITCH, 0x1f, 0x103, 0x05, 32768, 32768)))
    s(lacpdu(party(BOND, 9, 1, 0x0d), party(SWITCH, 0x1f, 0x103, 0x0d, 32768, 32768)))
    s(lacpdu(party(BOND, 9, 1, 0x3f), party(SWITCH, 0x1f, 0x103, 0x3f, 32768, 32768), delay=0))
    s(lacpdu(party(SWITCH, 0, 0xffff, 0xff, 0, 0), party(BOND, 0xffff, 2, 0x00), delay=65535))
    # broken actor/partner/collector lengths, unknown TLVs, no terminator
    s(struct.pack('!BB', 1, 1) + tlv(1, party(BOND, 9, 1, 0x3d)[:17]) +
      tlv(2, party(SWITCH, 1, 1, 0x3d)) + tlv(3, bytes(14)) + tlv(0, b'', 0) + bytes(50))
    s(struct.pack('!BB', 1, 1) + tlv(1, party(BOND, 9, 1, 0x3d)) +
      tlv(2, party(SWITCH, 1, 1, 0x3d) + b'\x00') + tlv(3, bytes(10)) + tlv(0, b'', 0))
    s(struct.pack('!BB', 1, 1) + tlv(1, party(BOND, 9, 1, 0x3d)) +
      tlv(4, struct.pack('!I', 0x0080c201)) + tlv(0x80, b'\xde\xad\xbe\xef' * 3) +
      tlv(3, struct.pack('!H12x', 5)))
    s(struct.pack('!BB', 1, 1) + tlv(1, party(BOND, 9, 1, 0x3d)) + tlv(7, b'', 1) + bytes(20))
    s(struct.pack('!BB', 1, 1) + tlv(2, b'', 0) + bytes(20))
    s(struct.pack('!BB', 1, 1) + tlv(1, party(BOND, 9, 1, 0x3d), 60))
    s(struct.pack('!BB', 1, 1) + tlv(1, party(BOND, 9, 1, 0x3d)) + b'\x03')
    s(struct.pack('!BB', 1, 1))
    s(struct.pack('!BB', 1, 2) + bytes(108))
    s(struct.pack('!BB', 1, 0))
    s(b'\x01')
    # --- marker protocol: marker, marker response, broken ones
    s(marker(1, 1, BOND, 0x00000001))
    s(marker(2, 1, BOND, 0x00000001))
    s(marker(1, 0xffff, SWITCH, 0xfedcba98))
    s(struct.pack('!BB', 2, 1) + tlv(1, struct.pack('!H6sI', 3, BOND, 7)) + tlv(0, b'', 0))
    s(struct.pack('!BB', 2, 1) + tlv(3, b'\x01\x02\x03') + tlv(0, b'', 0) + bytes(10))
    s(struct.pack('!BB', 2, 2) + bytes(108))
    s(b'\x02')
    # --- OAM information: discovery, every parser/mux state, odd TLVs
    s(oam(0x0008, 0, oam_info(1) + b'\x00\x00'))
    s(oam(0x0050, 0, oam_info(1, state=0x00, cfg=0x1f) +
          oam_info(2, state=0x05, cfg=0x01, pdu=1500, oui=0x001018, vend=0x01020304) +
          b'\x00\x00'))
    s(oam(0x0050, 0, oam_info(1, state=0x06, cfg=0x00, pdu=0xffff, oui=0x123456, vend=0xffffffff) +
          oam_info(2, state=0x03, cfg=0xe0, rev=0xffff, ver=2, oui=0x0019a7)))
    s(oam(0x0001, 0, oam_info(1, ln=10) + tlv(0xfe, b'\x00\x19\xa7\x01\x02') +
          tlv(0x07, b'\xab\xcd') + b'\x00\x00'))
    s(oam(0x0002, 0, oam_info(1) + tlv(5, b'', 1)))
    s(oam(0x0004, 0, oam_info(1) + tlv(1, b'', 30), pad=False))
    s(oam(0x007f, 0, oam_info(1) + b'\x01', pad=False))
    s(oam(0xffff, 0, b'', pad=False))
    # --- event notification: the four link events, org specific, reserved
    s(oam(0x0050, 1, struct.pack('!H', 1) +
          event(1, 10, 125000000, 1, 5, 17, 2) + event(2, 20, 10, 1, 3, 30, 4) +
          event(3, 30, 1000000, 1, 2, 2, 1) + event(4, 40, 600, 1, 61, 61, 3) + b'\x00\x00'))
    s(oam(0x0050, 1, struct.pack('!H', 65535) +
          event(1, 0xffff, 2**64 - 1, 2**63, 0, 2**32, 0xffffffff) +
          tlv(0xfe, b'\x00\x00\x0c\x99\x98') + tlv(0x09, b'\x01') +
          event(2, 1, 1, 1, 1, 1, 1, ln=30) + b'\x00\x05'))
    s(oam(0x0050, 1, struct.pack('!H', 2) + tlv(3, b'', 0)))
    s(oam(0x0050, 1, struct.pack('!H', 3) + event(4, 1, 2, 3, 4, 5, 6)[:20], pad=False))
    s(oam(0x0050, 1, b'\x00', pad=False))
    # --- loopback control, variable request/response, private, unknown codes
    s(oam(0x0050, 4, b'\x01'))
    s(oam(0x0050, 4, b'\x02'))
    s(oam(0x0050, 4, b'\x09'))
    s(oam(0x0050, 4, b'', pad=False))
    s(oam(0x0050, 2, b'\x07\x00\x02\x07\x00\x04'))
    s(oam(0x0050, 3, b'\x07\x00\x02\x04\x00\x00\x12\x34\x00'))
    s(oam(0x0050, 0xfe, b'\x00\x00\x0c' + b'private'))
    s(oam(0x0050, 0x10, b'\xaa\xbb'))
    s(oam(0x0050, 2, b'', pad=False))
    s(b'\x03\x00\x50')
    s(b'\x03\x00')
    s(b'\x03')
    # --- OSSP (ITU-T ESMC, SSM QL-PRC), unknown subtypes, empty frame
    s(bytes.fromhex('0a0019a70001') + b'\x10\x00\x00\x00' + tlv(1, b'\x02', 4)[:4] + bytes(38))
    s(b'\x00\x01\x02\x03')
    s(b'\xff' + bytes(45))
    s(b'\x04')
    s(b'')
    # --- a tagged LACPDU (VLAN 100) and one to the peer's unicast address
    tagged = lacpdu(party(BOND, 9, 1, 0x3d), party(SWITCH, 0x1f, 0x103, 0x3d))
    fr.append(eth(SLOW_MAC, me, 0x8100, struct.pack('!HH', 100, 0x8809) + tagged))
    s(lacpdu(party(BOND, 9, 2, 0x3d), party(SWITCH, 0x1f, 0x104, 0x3d)), dst=peermac)
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
