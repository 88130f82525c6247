#!/usr/bin/env python3
"""SNMP as managers, agents and trap receivers send it (UDP 161/162):
SNMPv1 Get/GetNext/Response/Set/Trap (every generic trap, enterprise
specific ones), SNMPv2c GetBulk/Inform/V2Trap/Report and the varbind
exceptions, SNMPv3 discovery, USM reports, authenticated and encrypted
messages, plus every BER and message complaint tcpdump prints: bad tags and
lengths, long-form and extended tags, wrong element types, extra bytes,
odd versions, flags and security models.  Hand-built BER, sent on the veth
with AF_PACKET.  Usage: crafted_snmp.py IFACE PEER_MAC"""
import socket, struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'


# ----------------------------------------------------------------- BER
def blen(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, 'big')
    return bytes([0x80 | len(b)]) + b


def tlv(tag, content, ln=None):
    if isinstance(tag, int):
        tag = bytes([tag])
    return tag + (blen(len(content)) if ln is None else ln) + content


def INT(v, tag=0x02):
    n = 1
    while not -(1 << (8 * n - 1)) <= v < (1 << (8 * n - 1)):
        n += 1
    return tlv(tag, v.to_bytes(n, 'big', signed=True))


def UNS(tag, v, n=None):
    if n is None:
        n = max(1, (v.bit_length() + 8) // 8)
    return tlv(tag, v.to_bytes(n, 'big'))


def STR(s):
    return tlv(0x04, s.encode() if isinstance(s, str) else s)


NULL = b'\x05\x00'


def subid(v):
    out = [v & 0x7f]
    v >>= 7
    while v:
        out.append(0x80 | (v & 0x7f))
        v >>= 7
    return bytes(reversed(out))


def oidb(s):
    a = [int(x) for x in s.strip('.').split('.')]
    return subid(a[0] * 40 + a[1]) + b''.join(subid(x) for x in a[2:])


def OID(s):
    return tlv(0x06, oidb(s))


def SEQ(*parts):
    return tlv(0x30, b''.join(parts))


def IP(a):
    return tlv(0x40, socket.inet_aton(a))


def COUNTER(v):
    return UNS(0x41, v)


def GAUGE(v):
    return UNS(0x42, v)


def TICKS(v):
    return UNS(0x43, v)


def C64(v):
    return UNS(0x46, v)


def VB(oid, val=NULL):
    return SEQ(OID(oid) if isinstance(oid, str) else oid, val)


def PDU(n, *parts):
    return tlv(0xa0 + n, b''.join(parts))


def req(n, rid, vbs, es=0, ei=0):
    return PDU(n, INT(rid), INT(es), INT(ei), SEQ(*vbs))


def v1(pdu, comm='public'):
    return SEQ(INT(0), STR(comm), pdu)


def v2(pdu, comm='public'):
    return SEQ(INT(1), STR(comm), pdu)


def trap(ent, agent, gen, spec, ticks, vbs):
    return PDU(4, OID(ent), IP(agent), INT(gen), INT(spec), TICKS(ticks), SEQ(*vbs))


def v3(mid, flags, usm, scoped, model=3, maxsz=65507):
    return SEQ(INT(3), SEQ(INT(mid), INT(maxsz), STR(bytes([flags])), INT(model)),
               STR(usm), scoped)


def usm(eid=b'', boots=0, time=0, user='', auth=b'', priv=b''):
    return SEQ(STR(eid), INT(boots), INT(time), STR(user), STR(auth), STR(priv))


def scoped(pdu, eid=b'', ctx=''):
    return SEQ(STR(eid), STR(ctx), pdu)


SYS = '1.3.6.1.2.1.1'
SYSDESCR, SYSUPTIME, SYSNAME = SYS + '.1.0', SYS + '.3.0', SYS + '.5.0'
IFX = '1.3.6.1.2.1.2.2.1'
ENGINE = bytes.fromhex('80001f88804b9a3e5c1c4a4b5d00000000')


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def u4(sport, dport, payload, src=A, dst=B):
        fr.append(eth(peermac, me, 0x0800,
                      ip4(src, dst, 17, udp(src, dst, sport, dport, payload), df=False)))

    def u6(sport, dport, payload, src=A6, dst=B6):
        fr.append(eth(peermac, me, 0x86dd,
                      ip6(src, dst, 17, udp(src, dst, sport, dport, payload, v6=True))))

    def q(payload):
        u4(40161, 161, payload)

    def r(payload):
        u4(161, 40161, payload, src=B, dst=A)

    # ------------------------------------------------------- SNMPv1
    q(v1(req(0, 1001, [VB(SYSDESCR), VB(SYSUPTIME), VB(SYSNAME)])))
    r(v1(req(2, 1001, [VB(SYSDESCR, STR('Linux r1 6.1.0-18-amd64 #1 SMP x86_64')),
                       VB(SYSUPTIME, TICKS(8640123)), VB(SYSNAME, STR('r1.example'))])))
    q(v1(req(1, 1002, [VB(IFX + '.2'), VB(IFX + '.6')]), comm='private'))
    r(v1(req(2, 1002, [VB(IFX + '.2.1', STR('lo')),
                       VB(IFX + '.6.2', STR(bytes.fromhex('020000000a0b'))),
                       VB(IFX + '.10.2', COUNTER(4294967295)),
                       VB(IFX + '.5.2', GAUGE(1000000000)),
                       VB(IFX + '.8.2', INT(1)),
                       VB('1.3.6.1.2.1.4.20.1.1.10.77.0.2', IP('10.77.0.2')),
                       VB(SYS + '.2.0', OID('1.3.6.1.4.1.8072.3.2.10')),
                       VB('1.3.6.1.2.1.31.1.1.1.6.2', C64(18446744073709551615)),
                       VB('1.3.6.1.4.1.2021.10.1.6.1', tlv(0x44, bytes.fromhex('9f780441a00000'))),
                       VB('1.3.6.1.2.1.25.1.1.0', NULL),
                       VB('1.3.6.1.2.1.4.1.0', INT(-2147483648)),
                       VB('1.3.6.1.2.1.1.9.1.4.1', STR(''))]), comm='private'))
    # responses with errors
    r(v1(req(2, 1003, [VB(SYSNAME)], es=2, ei=1)))
    r(v1(req(2, 1004, [VB(SYSNAME)], es=1, ei=0)))
    r(v1(req(2, 1005, [VB(SYSNAME)], es=0, ei=3)))
    r(v1(req(2, 1006, [VB(SYSNAME)], es=99, ei=1)))
    r(v1(req(2, 1007, [VB(SYSNAME)], es=-1, ei=-1)))
    r(v1(req(2, 1008, [VB(SYSNAME, NULL)], es=18, ei=1)))
    # sets, one with error fields a request must not carry
    q(v1(req(3, 1010, [VB(SYSNAME, STR('r1-new')), VB(SYS + '.6.0', STR('rack 4'))]),
         comm='s3cr3t-rw'))
    q(v1(req(3, 1011, [VB(SYSNAME, STR('x'))], es=5, ei=1), comm='s3cr3t-rw'))
    q(v1(req(0, 1012, [VB(SYSNAME)], es=300, ei=0)))
    # request whose value is not NULL
    q(v1(req(0, 1013, [VB(SYSNAME, INT(7))])))
    # traps: every generic kind, enterprise specific, wrong ones
    ent = '1.3.6.1.4.1.8072.3.2.10'
    for g in range(6):
        u4(40162, 162, v1(trap(ent, '10.77.0.1', g, 0, 1234 * g,
                               [VB(IFX + '.1.2', INT(2))] if g in (2, 3) else [])))
    u4(40162, 162, v1(trap('1.3.6.1.4.1.9.9.41.2', '10.77.0.1', 6, 17, 99999,
                           [VB('1.3.6.1.4.1.9.9.41.1.2.3.1.2.1', STR('SYS')),
                            VB('1.3.6.1.4.1.9.9.41.1.2.3.1.5.1', STR('Configured from console'))]),
                      comm='traps'))
    u4(40162, 162, v1(trap(ent, '10.77.0.1', 9, 0, 5, [])))
    u4(40162, 162, v1(trap(ent, '10.77.0.1', 0, 5, 5, [])))
    u4(40162, 162, v1(trap(ent, '10.77.0.1', -1, 0, 5, [])))
    u4(40162, 162, v1(PDU(4, OID(ent), tlv(0x40, b'\x0a\x4d\x00\x01\x00\x00'), INT(0), INT(0),
                          TICKS(1), SEQ())))
    u4(40162, 162, v1(PDU(4, OID(ent), tlv(0x40, b''), INT(0), INT(0), TICKS(1), SEQ())))
    u4(40162, 162, v1(PDU(4, OID(ent), IP('10.77.0.1'), INT(0), INT(0), INT(1), SEQ())))
    u4(40162, 162, v1(PDU(4, OID(ent), IP('10.77.0.1'), INT(0), INT(0), GAUGE(7), SEQ())))
    u4(40162, 162, v1(PDU(4, STR('ent'), IP('10.77.0.1'))))
    u4(40162, 162, v1(PDU(4, OID(ent), STR('10.77.0.1'))))
    u4(40162, 162, v1(PDU(4, OID(ent), IP('10.77.0.1'), NULL)))
    u4(40162, 162, v1(PDU(4, OID(ent), IP('10.77.0.1'), INT(6), NULL)))
    # v2 PDUs in a v1 message
    q(v1(PDU(5, INT(1), INT(0), INT(10), SEQ(VB(SYS)))))
    u4(40162, 162, v1(PDU(7, INT(1), INT(0), INT(0), SEQ())))

    # ------------------------------------------------------ SNMPv2c
    q(v2(PDU(5, INT(2001), INT(0), INT(10), SEQ(VB(IFX + '.2'), VB(IFX + '.10')))))
    q(v2(PDU(5, INT(2002), INT(1), INT(25), SEQ(VB(SYSUPTIME, INT(1)))), comm='monitor'))
    r(v2(req(2, 2003, [VB(SYS + '.99.0', b'\x80\x00'),
                       VB(SYS + '.1.1', b'\x81\x00'),
                       VB('1.3.6.1.6.3.1.1.6.1.0', b'\x82\x00'),
                       VB('1.3.6.1.2.1.31.1.1.1.10.1', C64(123456789012345))])))
    up = VB('1.3.6.1.2.1.1.3.0', TICKS(421337))
    toid = lambda o: VB('1.3.6.1.6.3.1.1.4.1.0', OID(o))
    u4(40162, 162, v2(req(7, 2004, [up, toid('1.3.6.1.6.3.1.1.5.3'),
                                    VB(IFX + '.1.2', INT(2)), VB(IFX + '.7.2', INT(1)),
                                    VB(IFX + '.8.2', INT(2))])))
    u4(40162, 162, v2(req(6, 2005, [up, toid('1.3.6.1.4.1.8072.4.0.2')]), comm='inform'))
    u4(162, 40162, v2(req(2, 2005, [up, toid('1.3.6.1.4.1.8072.4.0.2')]), comm='inform'),
       src=B, dst=A)
    r(v2(req(8, 2006, [VB('1.3.6.1.6.3.15.1.1.4.0', COUNTER(7))])))
    u4(40162, 162, v2(req(7, 2007, [up], es=5, ei=2)))
    u4(40162, 162, v2(trap(ent, '10.77.0.1', 0, 0, 1, [])))
    r(v2(req(2, 2008, [VB('1.3.6.1.2.1.1.2.0', OID('0.0')), VB('2.999.1', OID('2.100.3')),
                       VB('1.3.6.1.4.1.2636.3.1.13.1.8.9.1.0.0', OID('1.3.6.1.4.1.268435455.1'))])))

    # -------------------------------------------------------- SNMPv3
    sp = scoped(req(0, 3001, []))
    q(v3(700001, 0x04, usm(), sp))
    r(v3(700001, 0x00, usm(ENGINE, 12, 345678), scoped(
        req(8, 3001, [VB('1.3.6.1.6.3.15.1.1.4.0', COUNTER(3))]), eid=ENGINE)))
    q(v3(700002, 0x05, usm(ENGINE, 12, 345679, 'ptuser', bytes(12)),
         scoped(req(0, 3002, [VB(SYSNAME)]), eid=ENGINE)))
    r(v3(700002, 0x01, usm(ENGINE, 12, 345679, 'ptuser', bytes.fromhex('5ba1d0f3e2c47a9b10aa3c44')),
         scoped(req(2, 3002, [VB(SYSNAME, STR('r1.example'))]), eid=ENGINE, ctx='vrf-blue')))
    q(v3(700003, 0x07, usm(ENGINE, 12, 345700, 'privuser', bytes(12), bytes.fromhex('0000000c5f3a9e21')),
         STR(bytes.fromhex('7b1c9a4e02f3d8a5c6e1b07f3d9e22a1c0ffee12345678'))))
    r(v3(700003, 0x03, usm(ENGINE, 12, 345700, 'privuser', bytes(12), bytes(8)),
         STR(bytes(30))))
    # v3 trap, wrong flags, security models, broken parts
    u4(40162, 162, v3(700004, 0x01, usm(ENGINE, 1, 10, 'trapuser', bytes(12)),
                      scoped(req(7, 3004, [up, toid('1.3.6.1.6.3.1.1.5.1')]), eid=ENGINE)))
    q(v3(700005, 0x02, usm(), sp))
    q(v3(700006, 0x06, usm(), sp))
    q(SEQ(INT(3), SEQ(INT(1), INT(1500), STR(b'\x04\x00'), INT(3)), STR(usm()), sp))
    q(v3(700007, 0x04, usm(), sp, model=2))
    q(v3(700008, 0x04, usm(), sp, model=1))
    q(SEQ(INT(3), SEQ(INT(1), INT(1500), STR(b'\x04'), INT(3), INT(9)), STR(usm()), sp))
    q(v3(700009, 0x04, INT(5)[:3], sp))
    q(SEQ(INT(3), SEQ(INT(1), INT(1500), STR(b'\x04'), INT(3)), INT(9), sp))
    q(v3(700010, 0x04, SEQ(INT(1)), sp))
    q(v3(700011, 0x04, SEQ(STR(ENGINE), STR(b'x')), sp))
    q(v3(700012, 0x04, SEQ(STR(ENGINE), INT(1), STR(b't')), sp))
    q(v3(700013, 0x04, SEQ(STR(ENGINE), INT(1), INT(2), INT(3)), sp))
    q(v3(700014, 0x04, SEQ(STR(ENGINE), INT(1), INT(2), STR('u'), INT(4)), sp))
    q(v3(700015, 0x04, SEQ(STR(ENGINE), INT(1), INT(2), STR('u'), STR(''), INT(5)), sp))
    q(v3(700016, 0x04, usm() + b'\x04\x00', sp))
    q(v3(700021, 0x04, SEQ(STR(ENGINE), INT(1), INT(2), STR('u'), STR(''), STR(''),
                           STR('trailing usm data')), sp))
    q(SEQ(INT(3), SEQ(INT(1), INT(1500), STR(b'\x04'), INT(3), STR('trailing global data')),
          STR(usm()), sp))
    q(v3(700017, 0x04, usm(), SEQ(INT(1))))
    q(v3(700018, 0x04, usm(), SEQ(STR(ENGINE), INT(1))))
    q(v3(700019, 0x04, usm(), SEQ(STR(ENGINE), STR('ctx'), INT(4))))
    q(SEQ(INT(3), INT(5)))
    q(SEQ(INT(3), SEQ(STR('x'))))
    q(SEQ(INT(3), SEQ(INT(1), STR('x'))))
    q(SEQ(INT(3), SEQ(INT(1), INT(2), INT(3))))
    q(SEQ(INT(3), SEQ(INT(1), INT(2), STR(b'\x04'), STR('m'))))
    q(SEQ(INT(3), SEQ(INT(1), INT(1500), STR(b'\x04'), INT(3)), STR(usm())))
    u6(40161, 161, v3(700020, 0x04, usm(), sp))

    # ------------------------------------------------ message errors
    q(SEQ(INT(2), STR('public'), req(0, 1, [VB(SYSNAME)])))      # SNMPv2u
    q(SEQ(INT(-7), STR('public')))
    q(SEQ(STR('1'), STR('public')))
    q(INT(-1))
    q(v1(req(0, 1, [VB(SYSNAME)])) + b'\x00\x00\x00')
    q(SEQ(INT(0), INT(5)))
    q(SEQ(INT(0), STR('public'), SEQ(INT(1))))
    q(SEQ(INT(0), STR('public'), req(0, 1, [VB(SYSNAME)]) + NULL))
    q(v1(PDU(0, STR('1'))))
    q(v1(PDU(0, INT(1), STR('0'))))
    q(v1(PDU(0, INT(1), INT(0), NULL)))
    q(v1(PDU(0, INT(1), INT(0), INT(0), INT(0))))
    q(v1(PDU(0, INT(1), INT(0), INT(0), SEQ(VB(SYSNAME)) + NULL)))
    q(v1(PDU(0, INT(1), INT(0), INT(0), SEQ(INT(3)))))
    q(v1(PDU(0, INT(1), INT(0), INT(0), SEQ(SEQ(STR('sysName'), NULL)))))
    q(v1(PDU(0, INT(1), INT(0), INT(0), SEQ(SEQ(OID(SYSNAME))))))
    q(v1(PDU(0, INT(1), INT(0), INT(0), SEQ(SEQ(OID(SYSNAME), NULL, NULL), VB(SYSDESCR)))))
    q(v1(PDU(0, INT(1), INT(0), INT(0))))
    q(v1(PDU(0, INT(1), INT(0))))
    q(v1(PDU(0)))
    # communities: empty, binary, "public" look-alikes
    q(v1(req(0, 1, [VB(SYSNAME)]), comm=''))
    q(v1(req(0, 1, [VB(SYSNAME)]), comm=b'pub\x00ic'))
    q(v1(req(0, 1, [VB(SYSNAME)]), comm='Public'))
    q(v1(req(0, 1, [VB(SYSNAME)]), comm='publicx'))
    q(v1(req(0, 1, [VB(SYSNAME)]), comm=b'\xfe\xed\x01'))
    # BER oddities in values
    odd = [tlv(0x01, b'\xff'), tlv(0x03, b'\x00\xa0'), tlv(0x07, b'od'), tlv(0x11, b''),
           tlv(0x31, INT(1)), tlv(0x24, b'ab'), tlv(0x60, b'\x01\x02'), tlv(0x7f, b''),
           tlv(0xc0, b'\x99'), tlv(0xe0, b''), tlv(0x85, b'\x01'), tlv(0x88, b''),
           tlv(0x45, b'\x01\x02'), tlv(0x52, b''), tlv(0xa3, INT(1)), tlv(0x30, INT(4)),
           tlv(b'\x1f\x02', b'\x05'), tlv(b'\x1f\x81\x04', b'ab'), tlv(b'\x5f\x03', b'\x01'),
           tlv(b'\x1f\x82\x80\x02', b'\x09'),
           tlv(0x02, b'\x01\x02\x03\x04\x05'), tlv(0x02, b'\xff\x7f'), tlv(0x02, b'\x00\xff'),
           tlv(0x41, b'\x01\x00\x00\x00\x00\x01'), tlv(0x46, b'\x01' + bytes(9)), tlv(0x43, b''),
           tlv(0x04, b'x', ln=b'\x81\x01'), tlv(0x04, b'yz', ln=b'\x84\x00\x00\x00\x02'),
           tlv(0x04, b'', ln=b'\x80'),
           tlv(0x06, b'\x2b\x86'), tlv(0x06, b''), tlv(0x06, b'\x2b'), tlv(0x06, b'\x78\x05'),
           tlv(0x06, b'\x8f\xff\xff\xff\x7f\x01'), tlv(0x06, b'\x2b\x90\x80\x80\x80\x00\x03'),
           tlv(0x06, b'\xff\xff\xff\xff\xff\x7f\x02')]
    for i, val in enumerate(odd):
        r(v2(req(2, 4000 + i, [VB('1.3.6.1.4.1.99999.%d' % i, val)])))
    r(v2(req(2, 4100, [VB(SYSNAME, STR('abc'))] * 8)))
    # decoder complaints
    r(v2(req(2, 4200, [VB(SYSNAME, tlv(0x02, b''))])))                  # [asnlen=0]
    r(v2(req(2, 4201, [SEQ(OID(SYSNAME), b'\x04')])))                  # [no asnlen]
    r(v2(req(2, 4202, [SEQ(OID(SYSNAME), b'\x04\x84\x00\x01')])))      # [asnlen? 2<4]
    r(v2(req(2, 4203, [SEQ(OID(SYSNAME), b'\x04\x05abc')])))           # [len3<asnlen5]
    r(v2(req(2, 4204, [SEQ(OID(SYSNAME), b'\x1f\x81\x82')])))          # [Xtagfield?]
    r(v2(req(2, 4205, [SEQ(OID(SYSNAME), b'\x1f')])))                  # [Xtagfield?]
    r(v2(req(2, 4206, [SEQ(OID(SYSNAME), b'\x1f\x05')])))              # [no asnlen]
    r(v2(req(2, 4207, [SEQ(OID(SYSNAME), b'\x04\x82\x00')])))          # [asnlen? 1<2]
    r(v2(req(2, 4208, [SEQ(OID(SYSNAME), tlv(0x14, b'teletex'))])))   # [id?P/x/20]
    r(v2(req(2, 4209, [SEQ(OID(SYSNAME), tlv(0x47, b'\x01'))])))      # [id?P/x/7]
    r(v2(req(2, 4210, [SEQ(OID(SYSNAME), tlv(0xa9, b''))])))          # [id?C/x/9]
    r(v2(req(2, 4211, [SEQ(OID(SYSNAME), tlv(0xc1, b''))])))          # [id?P/x/1]
    r(v2(req(2, 4212, [SEQ(OID(SYSNAME), tlv(0x83, b''))])))          # [BE_ANY!?]
    r(v2(req(2, 4213, [SEQ(OID(SYSNAME), b'\x1f\x81'), VB(SYSDESCR)])))  # [Xtagfield?]
    r(v2(req(2, 4214, [SEQ(OID(SYSNAME), b'\x1f\x81')])) + b'\x85\x02')    # [Xtagfield?]
    q(tlv(0x30, INT(0) + STR('public'), ln=b'\x20'))                   # [len<asnlen]
    q(tlv(0x30, INT(0) + STR('public'), ln=b'\x85\x01\x00\x00\x00\x08'))
    q(b'\x30')
    q(b'')
    q(b'\xa0\x00')
    q(tlv(0x33, b''))
    # long-form lengths throughout
    big = [VB('1.3.6.1.2.1.2.2.1.2.%d' % i, STR('GigabitEthernet0/%d' % i)) for i in range(1, 9)]
    r(v2(req(2, 5000, big)))
    # over IPv6, and traps to 162 from 162
    u6(40161, 161, v2(req(0, 6001, [VB(SYSNAME)]), comm='v6ro'))
    u6(161, 40161, v2(req(2, 6001, [VB(SYSNAME, STR('r1.example'))]), comm='v6ro'),
       src=B6, dst=A6)
    u4(162, 162, v2(req(7, 6002, [up, toid('1.3.6.1.6.3.1.1.5.4')])))
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
