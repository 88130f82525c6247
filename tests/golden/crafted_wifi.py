#!/usr/bin/env python3
"""IEEE 802.11 as a monitor-mode interface sees it: radiotap headers with
every field tcpdump reads (TSFT, flags with FCS, data padding and bad FCS,
legacy and MCS rates, 2.4/5 GHz channels and their modulations, FHSS,
signal, noise, attenuation, power, antenna, RX flags, XChannel, HT MCS,
A-MPDU, VHT, extended bitmaps, namespace switches, vendor namespaces,
unknown bits); management frames (beacons with SSID, rates, DS, TIM, CF,
IBSS, country and vendor elements, probes, (re)association, disassociation,
authentication by every algorithm, deauthentication, actions, ATIM);
control frames (RTS, CTS, ACK, PS-Poll, CF-End, BAR, BA, control wrapper);
data frames (every To/From DS combination, 4-address WDS, QoS, null,
CF-Ack/Poll, protected with a WEP IV, LLC/SNAP carrying IPv4 UDP and ICMP,
ARP, non-SNAP LLC); and frames cut short at every layer.

  crafted_wifi.py --files DIR   writes DIR/wifi_radio.pcap (link type 127,
      IEEE802_11_RADIO) and DIR/wifi_80211.pcap (105, IEEE802_11): a veth
      cannot capture 802.11"""
import struct, sys
from pktgen import ip4, udp, icmp4, mac

A, B = '10.77.0.1', '10.77.0.2'
C1, C2 = '192.0.2.10', '198.51.100.20'
AP = '02:00:00:00:00:a0'
STA = '02:00:00:00:00:01'
STA2 = '02:00:00:00:00:02'
BC = 'ff:ff:ff:ff:ff:ff'
WDS1, WDS2 = '02:00:00:00:00:b1', '02:00:00:00:00:b2'


# ------------------------------------------------------------------ radiotap
def rt(words, fields):
    """A radiotap header: the presence words, then fields as (size of the
    item it is aligned to, bytes), each aligned from the header's start."""
    body = b''
    off = 4 + 4 * len(words)
    for al, data in fields:
        pad = (-off) % al
        body += b'\0' * pad + data
        off += pad + len(data)
    return struct.pack('<BBH', 0, 0, off) + b''.join(struct.pack('<I', w) for w in words) + body


def bits(*b):
    v = 0
    for x in b:
        v |= 1 << x
    return v


def f_tsft(v): return (8, struct.pack('<Q', v))
def f_u8(v): return (1, struct.pack('<B', v))
def f_s8(v): return (1, struct.pack('<b', v))
def f_u16(v): return (2, struct.pack('<H', v))
def f_s16(v): return (2, struct.pack('<h', v))
def f_chan(freq, fl): return (2, struct.pack('<HH', freq, fl))
def f_xchan(fl, freq, ch, pw): return (4, struct.pack('<IHBB', fl, freq, ch, pw))
def f_mcs(known, fl, idx): return (1, struct.pack('<BBB', known, fl, idx))
def f_ampdu(ref, fl, crc): return (4, struct.pack('<IHBB', ref, fl, crc, 0))


def f_vht(known, fl, bw, mcs_nss, coding, gid=0, paid=0):
    return (2, struct.pack('<HBB4BBBH', known, fl, bw, *mcs_nss, coding, gid, paid))


# common radio: TSFT, flags, rate, channel, dBm signal, dBm noise, antenna
def radio(flags=0, rate=2, freq=2412, chfl=0xa0, sig=-40, tsft=123456789):
    return rt([bits(0, 1, 2, 3, 5, 6, 11)],
              [f_tsft(tsft), f_u8(flags), f_u8(rate), f_chan(freq, chfl), f_s8(sig), f_s8(-92), f_u8(1)])


# ------------------------------------------------------------------ 802.11
def fc(typ, sub, fl=0):
    return struct.pack('<H', typ << 2 | sub << 4 | fl << 8)


def mgmt(sub, da, sa, bssid, body=b'', fl=0, seq=0x120, dur=314):
    return fc(0, sub, fl) + struct.pack('<H', dur) + mac(da) + mac(sa) + mac(bssid) + \
        struct.pack('<H', seq) + body


def el(i, v):
    return bytes([i, len(v)]) + v


SSID = el(0, b'ptcpdump-lab')
RATES = el(1, bytes([0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24]))
XRATES = el(50, bytes([0x30, 0x48, 0x60, 0x6c]))
DS = el(3, b'\x06')
TIM = el(5, b'\x00\x03\x00\x00')
TIM2 = el(5, b'\x01\x03\x01\x02\x04\x08')
CF = el(4, struct.pack('<BBHH', 1, 2, 300, 100))
IBSS = el(6, struct.pack('<H', 5))
COUNTRY = el(7, b'XXI\x01\x0b\x14')
VENDOR = el(221, b'\x00\x50\xf2\x02\x01\x01\x00')
FH = el(2, struct.pack('<HBBB', 100, 1, 2, 3))


def beacon_body(cap=0x0401, elems=b''):
    return struct.pack('<QHH', 0x1122334455, 100, cap) + elems


def data(sub, fl, a1, a2, a3, a4=None, payload=b'', qos=None, dur=44, seq=0x340):
    h = fc(2, sub, fl) + struct.pack('<H', dur) + mac(a1) + mac(a2) + mac(a3) + struct.pack('<H', seq)
    if a4 is not None:
        h += mac(a4)
    if qos is not None:
        h += struct.pack('<H', qos)
    return h + payload


def snap(etype, payload):
    return b'\xaa\xaa\x03\x00\x00\x00' + struct.pack('!H', etype) + payload


def udp4(src=A, dst=B, data_=b'wifi-udp-payload'):
    return ip4(src, dst, 17, udp(src, dst, 40000, 5001, data_), ident=0x4100)


def ping4(src=A, dst=B, seq=1):
    return ip4(src, dst, 1, icmp4(8, 0, struct.pack('!HH', 0x7070, seq) + b'wifi-echo'), ident=0x4200 + seq)


def arp_req(sha=STA, spa=A, tpa=B):
    return struct.pack('!HHBBH', 1, 0x0800, 6, 4, 1) + mac(sha) + bytes(map(int, spa.split('.'))) + \
        b'\0' * 6 + bytes(map(int, tpa.split('.')))


def ctrl(sub, rest, fl=0, dur=60):
    return fc(1, sub, fl) + struct.pack('<H', dur) + rest


def cut(b, n):
    return (b[:n], len(b))


def mgmt_frames():
    """Management frames (bodies after the 24-byte header)."""
    m = []
    M = lambda sub, body, **k: m.append(mgmt(sub, k.pop('da', BC), k.pop('sa', AP), k.pop('bssid', AP), body, **k))
    M(8, beacon_body(0x0401, SSID + RATES + DS + TIM + CF + COUNTRY + XRATES + VENDOR))
    M(8, beacon_body(0x0012, el(0, b'adhoc\x01\x7f\xe9') + el(1, b'') + RATES + FH + IBSS + el(3, b'\x0b')))
    M(8, beacon_body(0x0011, el(0, b'') + el(0, b'second') + DS + el(3, b'\x24') + TIM2))
    M(8, beacon_body(0x0001, el(0, b'nul\x00hidden') + el(3, b'\x01\x02')))
    M(8, beacon_body(0x0001, SSID + el(1, bytes(range(2, 19)))))          # 17 rates: too many
    M(8, beacon_body(0x0001, el(0, b'a' * 33)))                            # SSID too long
    M(8, beacon_body(0x0001, SSID + el(5, b'\0' * 255)))                   # TIM bitmap too long
    M(8, beacon_body(0x0001, SSID + b'\x01\x08\x82'))                      # element overruns the frame
    M(8, beacon_body(0x0001, SSID + b'\x30'))                              # one byte left
    M(8, b'\x00' * 10)                                                     # fixed fields cut
    M(4, SSID + RATES + XRATES, da=BC, sa=STA, bssid=BC)
    M(4, el(0, b'') + RATES, da=BC, sa=STA, bssid=BC)
    M(4, b'', da=BC, sa=STA, bssid=BC)
    M(5, beacon_body(0x0411, SSID + RATES + DS), da=STA)
    M(5, beacon_body(0x0001, SSID), da=STA)
    M(0, struct.pack('<HH', 0x0431, 10) + SSID + RATES, da=AP, sa=STA)
    M(0, b'\x31', da=AP, sa=STA)
    M(1, struct.pack('<HHH', 0x0411, 0, 0xc001) + RATES, da=STA)
    M(1, struct.pack('<HHH', 0x0401, 17, 1), da=STA)
    M(1, struct.pack('<HHH', 0x0401, 200, 2), da=STA)
    M(2, struct.pack('<HH', 0x0431, 10) + mac(WDS1) + SSID + RATES, da=AP, sa=STA)
    M(2, struct.pack('<HH', 0x0431, 10) + b'\x02\x00', da=AP, sa=STA)
    M(3, struct.pack('<HHH', 0x0401, 0, 3), da=STA)
    M(3, struct.pack('<HHH', 0x0411, 37, 4) + RATES, da=STA)
    M(10, struct.pack('<H', 8), da=STA)
    M(10, struct.pack('<H', 99), da=STA)
    M(10, b'\x08', da=STA)
    for seq, st in ((1, 0), (2, 0)):
        M(11, struct.pack('<HHH', 0, seq, st), da=AP, sa=STA)
    for seq, st in ((1, 0), (2, 0), (3, 0), (4, 15)):
        M(11, struct.pack('<HHH', 1, seq, st) + (el(16, b'challenge-' * 12) if seq in (2, 3) else b''),
          da=AP, sa=STA)
    M(11, struct.pack('<HHH', 2, 1, 13), da=AP, sa=STA)
    M(11, struct.pack('<HHH', 5, 3, 150), da=AP, sa=STA)
    M(11, struct.pack('<HHH', 1, 2, 0) + el(16, b'x' * 254), da=AP, sa=STA)  # challenge too long
    M(11, struct.pack('<HH', 0, 1), da=AP, sa=STA)
    M(12, struct.pack('<H', 3), da=STA)
    M(12, struct.pack('<H', 7), da=BC)
    M(12, struct.pack('<H', 66), da=STA)
    M(12, b'', da=STA)
    for cat, act in ((0, 4), (1, 0), (2, 1), (3, 0), (3, 1), (3, 2), (3, 5), (7, 0), (7, 1), (7, 4),
                     (13, 1), (13, 10), (13, 12), (14, 0), (14, 1), (14, 2), (15, 0), (15, 1), (15, 5),
                     (15, 6), (127, 9), (9, 2)):
        M(13, bytes([cat, act]) + b'\x01\x02\x03', da=STA)
    M(13, b'\x03', da=STA)
    M(9, b'', da=STA, sa=STA2, bssid=STA2)
    M(6, b'\x01\x02', da=STA)
    M(14, b'', da=STA)
    M(11, b'\x12\x34\x56\x7f' + b'\x00' * 12, da=AP, sa=STA, fl=0x40)   # protected: IV
    M(11, b'\x12\x34', da=AP, sa=STA, fl=0x40)
    M(8, beacon_body(0x0401, SSID + DS), fl=0x08 | 0x10 | 0x20 | 0x80, dur=0)   # retry, pwr mgmt, more data, order
    return m


def ctrl_frames():
    c = []
    c.append(ctrl(11, mac(AP) + mac(STA)))                              # RTS
    c.append(ctrl(12, mac(STA)))                                        # CTS
    c.append(ctrl(13, mac(STA), dur=0))                                 # ACK
    c.append(fc(1, 10, 0x10) + struct.pack('<H', 0xc005) + mac(AP) + mac(STA))  # PS-Poll
    c.append(ctrl(14, mac(BC) + mac(AP), dur=0))                        # CF-End
    c.append(ctrl(15, mac(BC) + mac(AP), dur=0))                        # CF-End+CF-Ack
    c.append(ctrl(8, mac(AP) + mac(STA) + struct.pack('<HH', 0x0004, 0x1230)))  # BAR
    c.append(ctrl(9, mac(STA) + mac(AP) + struct.pack('<HH', 0x0005, 0x1230) + b'\xff' * 8))  # BA
    c.append(ctrl(7, mac(STA) + struct.pack('<H', 0x00b4) + b'\0\0\0\0' + mac(AP)))  # control wrapper
    c.append(ctrl(3, mac(STA)))                                         # reserved subtype
    c.append(ctrl(11, mac(AP) + mac(STA), fl=0x0c))                     # retry, more fragments
    c.append(cut(ctrl(11, mac(AP) + mac(STA)), 12))
    c.append(cut(ctrl(8, mac(AP) + mac(STA) + struct.pack('<HH', 4, 5)), 18))
    return c


def data_frames():
    d = []
    d.append(data(0, 0x00, STA2, STA, AP, payload=snap(0x0800, udp4())))
    d.append(data(0, 0x01, AP, STA, BC, payload=snap(0x0806, arp_req())))
    d.append(data(0, 0x01, AP, STA, STA2, payload=snap(0x0800, ping4(seq=1))))
    d.append(data(0, 0x02, STA, AP, STA2, payload=snap(0x0800, ping4(B, A, seq=1))))
    d.append(data(0, 0x03, WDS2, WDS1, STA2, STA, payload=snap(0x0800, udp4(C1, C2))))
    d.append(data(8, 0x02, STA, AP, STA2, payload=snap(0x0800, udp4(B, A)), qos=0x0005))
    d.append(data(8, 0x03, WDS2, WDS1, STA2, STA, payload=snap(0x0800, ping4(C1, C2, 2)), qos=0x0106))
    d.append(data(4, 0x11, AP, STA, AP, dur=0))                         # null, power management
    d.append(data(12, 0x01, AP, STA, AP, qos=0x0010))                   # QoS null
    d.append(data(1, 0x02, STA, AP, STA2, payload=snap(0x0800, udp4(B, A))))  # CF-Ack
    d.append(data(2, 0x02, STA, AP, STA2, payload=snap(0x0800, udp4(B, A))))  # CF-Poll
    d.append(data(3, 0x02, STA, AP, STA2, payload=snap(0x0800, udp4(B, A))))  # CF-Ack+CF-Poll
    d.append(data(9, 0x02, STA, AP, STA2, payload=snap(0x0800, udp4(B, A)), qos=0))  # QoS CF-Ack
    d.append(data(5, 0x00, STA, AP, AP))                                # CF-Ack, no data
    d.append(data(14, 0x00, STA, AP, AP, qos=0))                        # QoS CF-Poll, no data
    d.append(data(0, 0x41, AP, STA, STA2, payload=b'\x01\x02\x03\x40' + b'\x99' * 24))  # WEP
    d.append(data(0, 0x41, AP, STA, STA2, payload=b'\x01\x02'))         # WEP IV cut
    d.append(data(0, 0x01, AP, STA, STA2, payload=b'\x42\x42\x03' + b'\x00' * 35))  # STP LLC
    d.append(data(0, 0x01, AP, STA, STA2, payload=b'\xf0\xf0\x03pdu'))  # NetBIOS LLC
    d.append(data(0, 0x01, AP, STA, STA2, payload=b'\xaa\xaa\x03\x00\x40\x96\x00\x00' + b'\x11' * 8))  # other OUI
    d.append(data(0, 0x01, AP, STA, STA2, payload=snap(0x88b5, b'local-experimental')))
    d.append(data(0, 0x01, AP, STA, STA2, payload=b'\xaa'))             # LLC cut
    # mesh data: QoS with the mesh control present bit, a mesh header
    d.append(data(8, 0x03, WDS2, WDS1, STA2, STA, qos=0x0100,
                  payload=struct.pack('<BBI', 1, 31, 77) + mac(STA2) + snap(0x0800, udp4(C1, C2))))
    d.append(cut(data(0, 0x00, STA2, STA, AP, payload=snap(0x0800, udp4())), 40))
    d.append(cut(data(0, 0x00, STA2, STA, AP, payload=snap(0x0800, udp4())), 20))
    d.append(cut(data(0, 0x03, WDS2, WDS1, STA2, STA, payload=b''), 26))
    d.append(fc(3, 0) + b'\0' * 22)                                     # reserved type
    d.append(cut(fc(0, 8), 1))
    return d


def plain_frames():
    return mgmt_frames() + ctrl_frames() + data_frames()


def fcs_of(b):
    import zlib
    return struct.pack('<I', zlib.crc32(b) & 0xffffffff)


def radio_frames():
    out = []
    bcn = mgmt(8, BC, AP, AP, beacon_body(0x0401, SSID + RATES + DS + TIM))
    qdata = data(8, 0x02, STA, AP, STA2, payload=snap(0x0800, udp4(B, A)), qos=5)
    udpd = data(0, 0x01, AP, STA, STA2, payload=snap(0x0800, ping4()))
    R = lambda h, f: out.append(h + f if isinstance(f, bytes) else (h + f[0], len(h) + f[1]))
    # the common fields, short preamble, 2.4 GHz CCK (11b)
    R(radio(0x02), bcn)
    # FCS at the end (and bad FCS), CFP, WEP, fragment flags
    R(radio(0x10, rate=0x6c, freq=5180, chfl=0x140), bcn + fcs_of(bcn))
    R(radio(0x50 | 0x01 | 0x04 | 0x08, rate=0x16), udpd + b'\xde\xad\xbe\xef')
    # Atheros padding between the header and the body
    R(radio(0x20, rate=0x0c, freq=2437, chfl=0xc0), qdata[:26] + b'\0\0' + qdata[26:])
    R(radio(0x20, rate=0x0c, freq=2437, chfl=0xc0), ctrl(12, mac(STA)) + b'\0\0')
    R(radio(0x20 | 0x10, rate=0x0c, freq=2437, chfl=0xc0), ctrl(13, mac(STA)))  # padded past the frame
    # rate as an MCS index (FreeBSD), 5 GHz half and quarter rate, 11g
    # dynamic, turbo, FHSS (GFSK)
    R(radio(0, rate=0x85, freq=5200, chfl=0x4140), bcn)
    R(radio(0, rate=0x0c, freq=5200, chfl=0x8140), bcn)
    R(radio(0, rate=0x0c, freq=2462, chfl=0x4c0), bcn)
    R(radio(0, rate=0x0c, freq=2462, chfl=0x84c0), bcn)
    R(radio(0, rate=0x0c, freq=5745, chfl=0x150), bcn)
    R(radio(0, rate=0x02, freq=2412, chfl=0x880), bcn)
    R(radio(0, rate=0x02, freq=2412, chfl=0x0), bcn)
    # FHSS, lock quality, TX attenuation, dB TX attenuation, dBm TX power,
    # dB signal and noise, RX flags
    R(rt([bits(1, 4, 7, 8, 9, 10, 12, 13, 14)],
         [f_u8(0), (1, b'\x03\x21'), f_u16(77), f_s16(12), f_s8(3), f_s8(20), f_u8(60), f_u8(12), f_u16(3)]),
      bcn)
    R(rt([bits(10)], [f_s8(-5)]), udpd)
    # XChannel (with Channel too: Channel is not shown), HT 20 / 40+ / 40-
    R(rt([bits(3, 18)], [f_chan(2412, 0xa0), f_xchan(0x100a0 | 0x40, 2412, 1, 20)]), bcn)
    R(rt([bits(18)], [f_xchan(0x20140, 5180, 36, 23)]), bcn)
    R(rt([bits(18)], [f_xchan(0x40140, 5200, 40, 23)]), bcn)
    # MCS: all known (40 MHz, short GI, greenfield, LDPC, 2 STBC streams),
    # index out of range, bandwidth only, 20 MHz upper, 20 MHz MCS 32
    R(rt([bits(3, 19)], [f_chan(5180, 0x140), f_mcs(0x3f, 0x01 | 0x04 | 0x08 | 0x10 | 0x40, 7)]), qdata)
    R(rt([bits(19)], [f_mcs(0x3f, 0x00, 15)]), qdata)
    R(rt([bits(19)], [f_mcs(0x07, 0x02, 80)]), qdata)
    R(rt([bits(19)], [f_mcs(0x03, 0x03, 76)]), qdata)
    R(rt([bits(19)], [f_mcs(0x02, 0x00, 3)]), qdata)
    R(rt([bits(19)], [f_mcs(0x06, 0x00, 32)]), qdata)
    R(rt([bits(19)], [f_mcs(0x39, 0x20, 0)]), qdata)
    # A-MPDU status, VHT (two users, 80 MHz, short GI; 160 MHz; unknown)
    R(rt([bits(1, 20, 21)], [f_u8(0), f_ampdu(42, 0x0f, 0x5a),
                             f_vht(0x44, 0x04, 4, (0x92, 0x31, 0, 0), 0x01)]), qdata)
    R(rt([bits(21)], [f_vht(0x44, 0x00, 21, (0x11, 0x12, 0x13, 0x14), 0x0a)]), qdata)
    R(rt([bits(21)], [f_vht(0x40, 0x00, 30, (0, 0, 0, 0), 0)]), qdata)
    # extended presence bitmaps: a second word in the radiotap namespace
    # (bit 32 and up are unknown), a switch back to it, a vendor namespace
    R(rt([bits(0, 31), bits(0)], [f_tsft(5)]), bcn)
    R(rt([bits(2, 29, 31), bits(5, 31), bits(11)], [f_u8(4), f_s8(-50), f_u8(2)]), bcn)
    R(rt([bits(2, 30, 31), bits(0, 1, 29, 31), bits(11)],
         [f_u8(4), (2, b'\x00\x00\x00\x07'), f_u16(6), (1, b'vendor'), f_u8(3)]), bcn)
    R(rt([bits(30, 31), bits(0)], [(2, b'\xaa\xbb\xcc\x01'), f_u16(200)]), bcn)   # skip past the end
    R(rt([bits(2, 30)], [f_u8(4), (2, b'\x00\x00')]), bcn)               # vendor item cut short
    # an unknown bit ends the radio fields
    R(rt([bits(2, 15, 11)], [f_u8(4), f_u8(9), f_u8(1)]), bcn)
    R(rt([bits(2, 24)], [f_u8(4)]), bcn)
    # fields promised but missing, bitmap past the header, header cut
    R(struct.pack('<BBHI', 0, 0, 8, bits(0, 2)), bcn)
    R(struct.pack('<BBHI', 0, 0, 9, bits(2, 3)) + b'\x04', bcn)
    R(struct.pack('<BBHI', 0, 0, 8, bits(31)), bcn)
    R(struct.pack('<BBHI', 0, 0, 6, 0), bcn)
    out.append(cut(radio(2) + bcn, 6))
    out.append(cut(radio(2) + bcn, 20))
    out.append(cut(radio(2) + bcn, len(radio(2)) + 30))
    out.append(cut(radio(2) + udpd, len(radio(2)) + 40))
    out.append(cut(radio(0x10) + bcn + fcs_of(bcn), len(radio(0x10)) + len(bcn) + 2))
    out.append(radio(0x10) + b'\x80\x00')                                # shorter than the FCS
    out.append(radio(0x10) + b'\x80\x00\x00\x00\x00')                    # header cut by the FCS
    # the plain frames again behind a minimal radiotap header
    for f in plain_frames():
        h = rt([bits(2)], [f_u8(0x16)])
        out.append(h + f if isinstance(f, bytes) else (h + f[0], len(h) + f[1]))
    return out


def write_pcap(fn, dlt, pkts):
    """pkts: bytes, or (bytes, original length) for frames cut short."""
    with open(fn, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, dlt))
        for i, p in enumerate(pkts):
            data_, ln = (p, len(p)) if isinstance(p, bytes) else p
            f.write(struct.pack('<IIII', 1767225600 + i, (i * 7919) % 1000000, len(data_), ln))
            f.write(data_)


def write_files(d):
    write_pcap(d + '/wifi_radio.pcap', 127, radio_frames())
    write_pcap(d + '/wifi_80211.pcap', 105, plain_frames())


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--files':
        write_files(sys.argv[2])
    else:
        sys.exit(__doc__)
