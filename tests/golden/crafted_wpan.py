#!/usr/bin/env python3
"""IEEE 802.15.4 frames as a sniffer on a low-rate radio sees them: beacons
(with GTS descriptors and pending addresses, and enhanced beacons with IEs),
data and ACK frames of frame versions 0, 1 and 2 with every pair of
address modes, PAN ID compression on and off, the reserved address mode,
sequence number suppression, MAC commands with right and wrong lengths,
the auxiliary security header at each security level and key identifier
mode (and cut short at each field), header IEs and payload IEs (MLME
sub-IEs, vendor, 802.15.9 multiplexed and IETF IEs), multipurpose frames
with the short and the long frame control, the reserved, fragment and
extended frame types, 16- and 32-bit FCSs, a wrong FCS, and frames cut
short.

  crafted_wpan.py --files DIR   writes DIR/wpan_154.pcap (link type 195,
      with FCS), DIR/wpan_nofcs.pcap (230) and DIR/wpan_tap.pcap (283, the
      TAP header): a veth cannot capture 802.15.4"""
import struct, sys
from crafted_ppp import write_pcap, cut


def crc16(d):
    crc = 0
    for b in d:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc


def crc32(d):
    crc = 0
    for b in d:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xEDB88320 if crc & 1 else crc >> 1
    return crc


def fcs(d, kind=16):
    if kind == 16:
        return d + struct.pack('<H', crc16(d))
    if kind == 32:
        return d + struct.pack('<I', crc32(d))
    if kind == 'bad':
        return d + struct.pack('<H', crc16(d) ^ 0x5a5a)
    return d


SHORT = {0: b'', 2: b'\x34\x12', 3: bytes(range(0x11, 0x19))}
SHORT2 = {0: b'', 2: b'\xcd\xab', 3: bytes(range(0xa1, 0xa9))}
ALEN = {0: 0, 1: 0, 2: 2, 3: 8}


def pans(ver, dm, sm, comp):
    """Which PAN IDs the frame carries (destination, source)."""
    dl, sl = ALEN[dm], ALEN[sm]
    if ver < 2:
        return dl > 0, sl > 0 and not comp
    if comp:
        if dl == 0 and sl == 0:
            return True, False
        if dl == 0 or sl == 0 or (dl == 8 and sl == 8):
            return False, False
        return True, False
    if sl == 8 and dl in (2, 8):
        return dl > 0, False
    return dl > 0, sl > 0


def std(ftype, ver=0, dm=2, sm=2, comp=0, sec=0, pend=0, ar=0, seqsup=0, ie=0, seq=0x42,
        rest=b'', kind=16, dpan=b'\xef\xbe', span=b'\xad\xde'):
    fc = ftype | sec << 3 | pend << 4 | ar << 5 | comp << 6 | seqsup << 8 | ie << 9 | \
        dm << 10 | ver << 12 | sm << 14
    b = struct.pack('<H', fc) + (b'' if seqsup else bytes([seq]))
    hasd, hass = pans(ver, dm, sm, comp)
    b += (dpan if hasd else b'') + SHORT[dm] if dm != 1 else b''
    b += (span if hass else b'') + SHORT2[sm] if sm != 1 else b''
    return fcs(b + rest, kind)


def aux(level, mode, fc_sup=0, counter=0x01020304, src=b'', idx=0x07):
    b = bytes([level | mode << 3 | fc_sup << 5])
    if not fc_sup:
        b += struct.pack('<I', counter)
    if mode == 2:
        b += src or b'\x11\x22\x33\x44'
    elif mode == 3:
        b += src or bytes(range(0x51, 0x59))
    if mode:
        b += bytes([idx])
    return b


def hie(eid, data=b'', t=0):
    return struct.pack('<H', len(data) | eid << 7 | t << 15) + data


def pie(gid, data=b'', t=1):
    return struct.pack('<H', len(data) | gid << 11 | t << 15) + data


def mlme_s(sid, data):
    return struct.pack('<H', len(data) | sid << 8) + data


def mlme_l(sid, data):
    return struct.pack('<H', len(data) | sid << 11 | 0x8000) + data


def beacons():
    fr = []
    ss = struct.pack('<H', 0xcf5f)
    fr.append(std(0, 0, 0, 2, rest=ss + b'\x00\x00' + b'beacon-payload'))
    # GTS descriptors and pending addresses
    gts = b'\x82\x03' + b'\x01\x00\x21' + b'\x02\x00\x53'
    pend = b'\x12' + b'\x01\x00\x02\x00' + bytes(range(0x61, 0x69))
    fr.append(std(0, 1, 0, 3, rest=struct.pack('<H', 0x1234) + gts + pend + b'\xaa'))
    fr.append(std(0, 0, 0, 2, rest=ss + b'\x83\x01' + b'\x01\x00'))      # GTS cut
    fr.append(std(0, 0, 0, 2, rest=ss + b'\x00' + b'\x23\x01\x00'))      # pending cut
    fr.append(std(0, 0, 0, 2, rest=b'\x01'))                            # before info
    fr.append(std(0, 0, 0, 2, rest=ss))                                 # before GTS
    fr.append(std(0, 0, 0, 2, rest=ss + b'\x00'))                       # before pending
    fr.append(std(0, 0, 0, 2, rest=ss + b'\x00\x00', kind=32))
    # enhanced beacon (version 2) with IEs
    ies = hie(0x1a, b'\x10\x00\x20\x00') + hie(0x7e)
    mlme = mlme_s(0x1a, b'\x01\x02\x03\x04\x05\x06') + \
        mlme_s(0x1b, b'\x01\x00\x65\x00\x02' + b'\x00\x00\x01\x00\x0f' + b'\x01\x00\x02\x00\x02') + \
        mlme_s(0x1c, b'\x05') + mlme_l(0x9, b'\x00')
    fr.append(std(0, 2, 0, 3, ie=1, rest=ies + pie(1, mlme) + pie(0xf) + b'eb'))
    fr.append(cut(std(0, 0, 0, 2, rest=ss + b'\x00\x00' + b'x' * 20), 12))
    return fr


def data_frames():
    fr = []
    n = 0
    for ver in (0, 1, 2):
        for dm in (0, 2, 3):
            for sm in (0, 2, 3):
                for comp in (0, 1):
                    n += 1
                    fr.append(std(1, ver, dm, sm, comp, seq=n, rest=b'data%02d' % n))
    fr.append(std(1, 0, 1, 2))          # reserved destination mode
    fr.append(std(1, 0, 2, 1))          # reserved source mode
    fr.append(std(1, 2, 2, 2, seqsup=1, rest=b'nosq'))
    fr.append(std(1, 0, 2, 2, seqsup=1, rest=b'v0sup'))
    fr.append(std(1, 1, 2, 2, pend=1, ar=1, comp=1, rest=b'flags'))
    fr.append(std(1, 3, 2, 2, rest=b'ver3'))
    fr.append(std(1, 0, 2, 2, rest=b'fcs32', kind=32))
    fr.append(std(1, 0, 2, 2, rest=b'badfcs', kind='bad'))
    fr.append(std(1, 0, 2, 2, rest=b'nofcs', kind=None))
    fr.append(std(2, 0, 0, 0, seq=0x99))
    fr.append(std(2, 2, 0, 0, seqsup=1, kind=None))
    fr.append(std(2, 2, 0, 0, seqsup=1))
    # cut at each part of the header
    full = std(1, 0, 3, 3, rest=b'cut-me-short')
    for n in (1, 2, 3, 4, 6, 12, 14, 22, 24):
        fr.append(cut(full, n))
    fr.append(b'\x41')
    fr.append(b'\x41\xcc')
    fr.append(b'\x41\xcc\x05')
    fr.append(b'\x41\xdc\x05\xef')
    fr.append(b'\x41\x88\x05\xef\xbe\x34')
    fr.append(b'\x00\x00\x00\x00')      # a zero CRC-32 over nothing
    return fr


def commands():
    fr = []
    cmds = [b'\x01\xce', b'\x01\x00', b'\x01', b'\x01\xce\x00',
            b'\x02\x34\x12\x00', b'\x02\x34\x12\x01', b'\x02\x34\x12\x02', b'\x02\x34\x12\x03',
            b'\x02\x34\x12\x80', b'\x02\x34\x12\x7f', b'\x02\x34',
            b'\x03\x00', b'\x03\x01', b'\x03\x02', b'\x03\x05', b'\x03\x01\x02',
            b'\x04', b'\x05', b'\x06', b'\x07', b'\x04\x99',
            b'\x08\xef\xbe\x00\x00\x0b\x34\x12', b'\x08\xef\xbe\x00\x00\x0b\x34\x12\x02',
            b'\x08\xef\xbe\x00\x00\x0b\x34\x12\x81', b'\x08\xef\xbe\x00\x00',
            b'\x09\x33', b'\x09\x05', b'\x09\x05\x05',
            b'\x0a\x01\x02', b'\x13\x01', b'\x24\xaa\xbb\xcc', b'\x0c', b'\x2f\x01', b'\x30',
            b'\xff\x01\x02']
    for c in cmds:
        fr.append(std(3, 0, 2, 3, ar=1, rest=c))
    fr.append(std(3, 0, 2, 3, rest=b''))
    fr.append(std(3, 0, 2, 3, rest=b'\x03\x09', kind=None))
    fr.append(std(3, 0, 2, 3, rest=b'\x01\xce', kind=32))
    return fr


def secured():
    fr = []
    for level in range(8):
        for mode in range(4):
            fr.append(std(1, 2 if level & 1 else 1, 2, 2, sec=1,
                          rest=aux(level, mode) + b'secured-payload' + bytes(range(16))))
    fr.append(std(1, 2, 2, 2, sec=1, rest=aux(5, 1, fc_sup=1) + b'abcd' + b'\x01\x02\x03\x04'))
    fr.append(std(1, 2, 2, 2, sec=1, rest=aux(3, 0) + b'\x01\x02'))       # MIC cut
    for n in (0, 1, 3, 5, 7, 9, 11, 12):                                  # aux cut
        fr.append(std(1, 2, 2, 2, sec=1, rest=aux(1, 3)[:n], kind=None))
    fr.append(std(1, 2, 2, 2, sec=1, rest=aux(1, 2)[:8], kind=None))
    fr.append(std(1, 2, 2, 2, sec=1, rest=aux(0, 1)[:5], kind=None))
    # payload IEs behind encryption, and in the clear at level 1
    ies = hie(0x7e) + pie(5, b'\x01\x02\x03')
    fr.append(std(1, 2, 2, 2, sec=1, ie=1, rest=aux(5, 1) + ies + b'MICm'))
    fr.append(std(1, 2, 2, 2, sec=1, ie=1, rest=aux(1, 1) + ies + b'MICm'))
    fr.append(std(3, 2, 2, 2, sec=1, rest=aux(4, 0) + b'\x04'))
    return fr


def header_ies():
    ies = [hie(0x00, b'\x00\x12\x4b\x01\x02'), hie(0x00, b'\x00\x12'),
           hie(0x1a, b'\x10\x00\x20\x00\x30\x00'), hie(0x1a, b'\x10\x00\x20\x00\x30'),
           hie(0x1a, b'\x10\x00'),
           hie(0x1b, b'\x05\x06\x07\x08'), hie(0x1b, b'\x05'),
           hie(0x1d, b'\x01\x02\x03\x04'), hie(0x1d, b'\x01\x02'),
           hie(0x1e, b'\x10\x80'), hie(0x1e, b'\x10\x08'), hie(0x1e, b'\xf0\x0f'), hie(0x1e, b'\x01'),
           hie(0x22, b'\x01\x02'), hie(0x2a), hie(0x05, b'\x01'), hie(0x40, b'\x99'),
           hie(0x1c, b'\x5f\xcf'), hie(0x1c, b'\x5f\xcf\x00'),
           hie(0x1c, b'\x5f\xcf\x11\x01\x00' + bytes(range(8, 16)) + b'\xd5'
               + b'\x01\x02\x03\x04\x05\x06\x07\x00' + b'\x03\x00\x02\x00\xaa\xbb'
               + b'\x09\x0a\x0b\x00\x01\x00\xcc'),
           hie(0x1c, b'\x5f\xcf\x00\xd5\x01\x02'),
           hie(0x21, b'\x5f\xcf\x00\x05\x1d' + b'\x01\x02\x03\x04\x05\x06\x07\x00'
               + b'\x03\x00\x01\x00\xaa' + b'\x09\x0a\x0b\x00\x01\x00' + b'\x02\x0b\x00\x0c\x00'),
           hie(0x21, b'\x5f\xcf\x00\x05\x1d' + b'\x01\x02\x03\x04\x05\x06\x07\x00'
               + b'\x03\x00\x01\x00\xaa' + b'\x09\x0a\x0b\x00\x01\x00\xcc' + b'\x02\x0b'),
           hie(0x21, b'\x5f\xcf\x00\x05'),
           hie(0x1c, b'\x5f\xcf\x00\x05\x01\x02\x03'),
           hie(0x1c, b'\x5f\xcf\x00\x05\x01\x02\x03\x04\x05\x06\x07\x08\x00\x00'),
           hie(0x1c, b'\x5f\xcf\x00\x05\x01\x02\x03\x04\x05\x06\x07\x08\x00\x00\x05\x00\x01'),
           hie(0x1c, b'\x5f\xcf\x00\x05\x01\x02\x03\x04\x05\x06\x07\x08\x00\x00\x00\x00\x01'),
           hie(0x1c, b'\x5f\xcf\x00\x05\x01\x02\x03\x04\x05\x06\x07\x08\x00\x00\x00\x00'
               + b'\x01\x02\x03\x00\x05\x00\x01')]
    fr = []
    for i, e in enumerate(ies):
        fr.append(std(1, 2, 2, 2, ie=1, seq=i, rest=e + hie(0x7f) + b'after'))
    fr.append(std(1, 2, 2, 2, ie=1, rest=b''.join(ies[:6]) + b'no-terminator'[:0]))
    fr.append(std(1, 2, 2, 2, ie=1, rest=hie(0x10, b'\x01', t=1) + hie(0x7f)))
    fr.append(std(1, 2, 2, 2, ie=1, rest=hie(0x00, b'\x01\x02\x03\x04\x05')[:5], kind=None))
    fr.append(std(1, 2, 2, 2, ie=1, rest=b'\x01', kind=None))
    fr.append(std(1, 2, 2, 2, ie=1, rest=b'', kind=None))
    return fr


def payload_ies():
    mlme = [mlme_s(0x1a, b'\x01\x02\x03\x04\x05\x06'), mlme_s(0x1a, b'\x01\x02\x03\x04\x05\x06\x07'),
            mlme_s(0x1b, b'\x02' + b'\x00\x65\x00\x01' + b'\x00\x00\x01\x00\x1f'
                   + b'\x01\x10\x00\x01' + b'\x00\x00'),
            mlme_s(0x1b, b'\x02\x00\x65'),
            mlme_s(0x1c, b'\x05'), mlme_s(0x1c, bytes(range(25))), mlme_s(0x1c, bytes(range(27))),
            mlme_s(0x1c, b'\x01\x02'),
            mlme_s(0x1d, b'\x01\x02'), mlme_s(0x05, b'\x01'), mlme_s(0x08, b'\x00\x12\x4b\x01'),
            mlme_s(0x40, b'\x01'),
            mlme_l(0x8, b'\x00\x12\x4b\x77\x88'), mlme_l(0x8, b'\x00'),
            mlme_l(0x9, b'\x05'),
            mlme_l(0x9, b'\x05\x00\x10\x00\x01\x02\x03\x04' + b'\x02\x00\x0b\x00\x0c\x00' + b'\x01\x00'),
            mlme_l(0x9, b'\x05\x09\x10\x00\x01\x02\x03\x04' + b'\xff\x01' + b'\x01\x00\x0b\x00'),
            mlme_l(0x9, b'\x05\x0a\x10\x00\x01\x02\x03\x04' + b'\xff'),
            mlme_l(0x9, b'\x05\x00\x10\x00\x01\x02\x03\x04' + b'\x02\x00\x0b\x00'),
            mlme_l(0x9, b'\x05\x00\x10\x00\x01\x02\x03\x04' + b'\x01'),
            mlme_l(0x9, b'\x05\x00\x10\x00\x01\x02\x03\x04' + b'\x01\x00\x0b\x00'),
            mlme_l(0x9, b'\x05\x00\x10'), mlme_l(0x3, b'\x01')]
    pl = [pie(1, b''.join(mlme[:4])), pie(1, b''.join(mlme[4:12])), pie(1, b''.join(mlme[12:])),
          pie(1, mlme_s(0x1a, b'\x01\x02\x03\x04\x05\x06')[:4]), pie(1, b'\x01'),
          pie(2, b'\x00\x12\x4b\xde\xad'), pie(2, b'\x00\x12'),
          pie(3, b'\x28\x34\x12abc'), pie(3, b'\x28\x34'), pie(3, b'\x29xyz'),
          pie(3, b'\x2a\x00\x10\x00\x34\x12ab'), pie(3, b'\x2a\x00\x10'), pie(3, b'\x2a\x03ab'),
          pie(3, b'\x2c\x04ab'), pie(3, b'\x2a'), pie(3, b'\x2e'), pie(3, b'\x2e\x00\x01'),
          pie(3, b'\x2e\x00\x01\x02'), pie(3, b'\x2b\x01\x02'), pie(3, b'\x2f'),
          pie(5, b'\x01\xaa\xbb'), pie(5, b'\x01'), pie(0, b'esdu'), pie(4), pie(7, b'\x01'),
          pie(2, b'\x01\x02\x03', t=0)]
    fr = []
    for i, p in enumerate(pl):
        fr.append(std(1, 2, 2, 2, ie=1, seq=i, rest=hie(0x7e) + p + pie(0xf) + b'tail'))
    fr.append(std(1, 2, 2, 2, ie=1, rest=hie(0x7e) + b''.join(pl[5:10])))
    fr.append(std(1, 2, 2, 2, ie=1, rest=hie(0x7e) + pie(2, b'\x00\x12\x4b\xde\xad')[:5], kind=None))
    fr.append(std(1, 2, 2, 2, ie=1, rest=hie(0x7e) + b'\x01', kind=None))
    fr.append(std(1, 2, 2, 2, ie=1, rest=hie(0x7e), kind=None))
    return fr


def mp(short, dm=2, sm=3, pan=1, sec=0, pend=0, ar=0, seqsup=0, ie=0, ver=0, seq=0x21,
       rest=b'', kind=16):
    if short:
        b = bytes([5 | dm << 4 | sm << 6, seq])
    else:
        fc = 5 | 8 | dm << 4 | sm << 6 | pan << 8 | sec << 9 | seqsup << 10 | pend << 11 | \
            ver << 12 | ar << 14 | ie << 15
        b = struct.pack('<H', fc) + (b'' if seqsup else bytes([seq]))
        b += b'\xef\xbe' if pan else b''
    b += SHORT[dm] if dm != 1 else b''
    b += SHORT2[sm] if sm != 1 else b''
    return fcs(b + rest, kind)


def multipurpose():
    fr = []
    for short in (1, 0):
        for dm in (0, 2, 3):
            for sm in (0, 2, 3):
                fr.append(mp(short, dm, sm, rest=b'mp'))
    fr.append(mp(1, 1, 2))
    fr.append(mp(1, 2, 1))
    fr.append(mp(0, pan=0, pend=1, ar=1, ver=1, rest=b'flags'))
    fr.append(mp(0, seqsup=1, rest=b'nosq'))
    fr.append(mp(0, sec=1, rest=aux(6, 2) + b'enc' + bytes(8)))
    fr.append(mp(0, ie=1, rest=hie(0x7e) + pie(5, b'\x02\x01') + b'mpie'))
    fr.append(mp(0, ie=1, sec=1, rest=aux(5, 0) + hie(0x7e) + pie(5, b'\x02\x01') + b'MICm'))
    fr.append(mp(0, rest=b'mp32', kind=32))
    fr.append(mp(0, rest=b'mpbad', kind='bad'))
    fr.append(mp(1, 0, 0, kind=None))
    fr.append(mp(1, 0, 0, rest=b'\x01'))
    fr.append(b'\x05\x21\x00')
    fr.append(b'\x0d\x04')
    fr.append(b'\x0d\x00\x01')
    fr.append(b'\x0d\x04\x01\x00')
    fr.append(cut(mp(0, rest=b'cut-multipurpose'), 6))
    fr.append(b'\x0d\x01\x01\xef')
    return fr


def other_types():
    return [std(4, 2, 2, 2, rest=b'reserved'), std(6, 2, 2, 2, rest=b'frag'),
            std(7, 2, 2, 2, rest=b'extended'), b'\x04', b'\x06\x00']


def tap(frame, tlvs=b'', ver=0, length=None):
    ln = 4 + len(tlvs) if length is None else length
    return bytes([ver, 0]) + struct.pack('<H', ln) + tlvs + frame


def tap_frames():
    d = std(1, 0, 2, 2, rest=b'tapped')
    return [tap(d), tap(d, struct.pack('<HHI', 0, 4, 1)), tap(d, ver=1), tap(d, length=2),
            b'\x00\x00', tap(b'', length=12), tap(b'\x41'), tap(std(3, 0, 2, 3, rest=b'\x07')),
            cut(tap(d), 9)]


def write_files(d):
    write_pcap(d + '/wpan_154.pcap', 195, beacons() + data_frames() + commands() + secured()
               + header_ies() + payload_ies() + multipurpose() + other_types())
    nofcs = [std(1, 0, 2, 2, rest=b'no-fcs-here', kind=None), std(0, 0, 0, 2, rest=b'\x5f\xcf\x00\x00', kind=None),
             std(3, 0, 2, 3, rest=b'\x01\xce', kind=None), std(1, 0, 2, 2, rest=b'with-fcs')]
    write_pcap(d + '/wpan_nofcs.pcap', 230, nofcs)
    write_pcap(d + '/wpan_tap.pcap', 283, tap_frames())


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--files':
        write_files(sys.argv[2])
    else:
        sys.exit(__doc__)
