#!/usr/bin/env python3
"""Kerberos on UDP 88 and 750 (kerberos-iv): version 4 messages as an old
Athena-style KDC and its clients exchange them, in both byte orders
(KDC requests and replies, application requests, error replies with every
code, the types tcpdump only names, unknown types), the version bytes
tcpdump names without decoding (1..3, v5 AS-REQ/AS-REP) and those it
prints nothing for (v5 TGS-REQ, KRB-ERROR, others), and broken messages:
strings without their NUL, messages cut after any field, empty datagrams.
Hand-built, sent on the veth with AF_PACKET.
Usage: crafted_krb.py IFACE PEER_MAC"""
import struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'

KDC_REQUEST, KDC_REPLY, APPL_REQUEST, APPL_REQUEST_MUTUAL = 2, 4, 6, 8
ERR_REPLY, PRIVATE, SAFE, APPL_ERR, DIE = 10, 12, 14, 16, 126


def z(s):
    return s + b'\0'


def hdr(typ, le=False, pvno=4):
    return bytes((pvno, typ | (1 if le else 0)))


def u16(v, le):
    return struct.pack('<H' if le else '>H', v)


def u32(v, le):
    return struct.pack('<I' if le else '>I', v)


def principal(name, inst, realm):
    return z(name) + z(inst) + z(realm)


def kdc_req(name, inst, realm, life, sname, sinst, le=False, t=0x5f5e1000):
    return (hdr(KDC_REQUEST, le) + principal(name, inst, realm) + u32(t, le) +
            bytes((life,)) + z(sname) + z(sinst))


def kdc_rep(name, inst, realm, clen, le=False, t=0x5f5e1000, n=1, exp=0x5f5f6180, kvno=3):
    return (hdr(KDC_REPLY, le) + principal(name, inst, realm) + u32(t, le) + bytes((n,)) +
            u32(exp, le) + bytes((kvno,)) + u16(clen, le) + bytes((i * 7) & 0xff for i in range(clen)))


def appl_req(kvno, realm, tlen, alen, le=False, typ=APPL_REQUEST):
    return (hdr(typ, le) + bytes((kvno,)) + z(realm) + bytes((tlen, alen)) +
            bytes(0x40 + (i % 50) for i in range(tlen + alen)))


def err_rep(name, inst, realm, code, text, le=False, t=0x5f5e1000):
    return hdr(ERR_REPLY, le) + principal(name, inst, realm) + u32(t, le) + u32(code, le) + z(text)


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def u4(sport, dport, payload, src=A, dst=B):
        fr.append(eth(peermac, me, 0x0800,
                      ip4(src, dst, 17, udp(src, dst, sport, dport, payload), df=False)))

    def u6(sport, dport, payload):
        fr.append(eth(peermac, me, 0x86dd,
                      ip6(A6, B6, 17, udp(A6, B6, sport, dport, payload, v6=True))))

    R = b'ATHENA.EXAMPLE.ORG'
    # --- a kinit: ticket-granting ticket request and reply, both byte orders
    u4(1023, 750, kdc_req(b'jdoe', b'', R, 96, b'krbtgt', R))
    u4(750, 1023, kdc_rep(b'jdoe', b'', R, 208), src=B, dst=A)
    u4(1022, 750, kdc_req(b'alice', b'admin', R, 255, b'krbtgt', R, le=True))
    u4(750, 1022, kdc_rep(b'alice', b'admin', R, 0x1234, le=True)[:120], src=B, dst=A)
    u4(1021, 88, kdc_req(b'rcmd', b'host1', R, 0, b'rcmd', b'host1'))
    u4(88, 1021, kdc_rep(b'rcmd', b'host1', R, 0), src=B, dst=A)
    # service ticket use: application requests (plain and mutual)
    u4(1020, 750, appl_req(3, R, 64, 40))
    u4(1019, 88, appl_req(255, R, 0, 0, le=True))
    u4(1018, 750, appl_req(7, b'', 12, 255, typ=APPL_REQUEST_MUTUAL))
    u4(1018, 750, appl_req(7, b'CS.EXAMPLE.EDU', 8, 8, le=True, typ=APPL_REQUEST_MUTUAL))
    # --- error replies: every code, both byte orders (the code is read as
    #     16 bits from the 32-bit field), unknown codes, empty text
    for code in range(11):
        u4(750, 1023, err_rep(b'jdoe', b'', R, code, b'Kerberos error %d' % code), src=B, dst=A)
    for code in (1, 8, 10):
        u4(750, 1023, err_rep(b'bob', b'root', R, code, b'le error', le=True), src=B, dst=A)
    u4(750, 1023, err_rep(b'x', b'', R, 11, b''), src=B, dst=A)
    u4(750, 1023, err_rep(b'x', b'', R, 0x00070000, b'high half'), src=B, dst=A)
    u4(750, 1023, err_rep(b'x', b'', R, 0xffff, b'all ones', le=True), src=B, dst=A)
    # --- types tcpdump only names, and unknown ones
    for t in (PRIVATE, SAFE, APPL_ERR, DIE, 0, 18, 20, 64, 124, 254):
        u4(1023, 750, hdr(t) + b'\x01\x02\x03\x04payload')
        u4(1023, 750, hdr(t, le=True) + b'\x05\x06')
    # --- odd text in principals: controls, high-bit bytes, empty parts
    u4(1023, 88, kdc_req(b'j\x01d\x7fo\x80e\xff', b'in\tst', b'R\xe9ALM', 12, b'\x1bsvc', b''))
    u4(1023, 88, kdc_req(b'', b'', b'', 1, b'', b''))
    # --- other versions: 1..3 named, v5 AS-REQ/AS-REP named, the rest silent
    for v in (1, 2, 3):
        u4(1023, 88, bytes((v, 2)) + b'old version')
    u4(1023, 88, bytes((0x6a, 0x81, 0x9c, 0x30, 0x81, 0x99, 0xa1, 0x03, 0x02, 0x01, 0x05)))
    u4(88, 1023, bytes((0x6b, 0x82, 0x02, 0x40, 0x30, 0x82, 0x02, 0x3c)), src=B, dst=A)
    for v in (0x6c, 0x6d, 0x6e, 0x6f, 0x7e, 0x00, 0x05, 0xff):
        u4(1023, 88, bytes((v, 0x81, 0x10)) + bytes(16))
    u4(1023, 88, b'\x6a')
    u4(1023, 88, b'\x03')
    # --- IPv6, port 750 as the source only, port 88 as the destination only
    u6(1023, 88, kdc_req(b'host', b'ws6.example.org', R, 120, b'krbtgt', R))
    u6(750, 40000, err_rep(b'host', b'', R, 8, b'Principal unknown'))
    u6(40001, 88, bytes((0x6a, 0x30)))
    # --- broken messages: strings without NULs, messages cut after a field
    u4(1023, 750, b'')
    u4(1023, 750, b'\x04')
    u4(1023, 750, hdr(KDC_REQUEST))
    u4(1023, 750, hdr(KDC_REQUEST) + b'jdoe')
    u4(1023, 750, hdr(KDC_REQUEST) + b'jdoe\0')
    u4(1023, 750, hdr(KDC_REQUEST) + b'jdoe\0\0ATHENA')
    u4(1023, 750, hdr(KDC_REQUEST) + principal(b'jdoe', b'', R))
    u4(1023, 750, hdr(KDC_REQUEST) + principal(b'jdoe', b'', R) + b'\x5f\x5e\x10\x00')
    u4(1023, 750, hdr(KDC_REQUEST) + principal(b'jdoe', b'', R) + b'\x5f\x5e\x10\x00\x60')
    u4(1023, 750, hdr(KDC_REQUEST) + principal(b'jdoe', b'', R) + b'\x5f\x5e\x10\x00\x60krbtgt')
    u4(1023, 750, kdc_req(b'jdoe', b'', R, 96, b'krbtgt', R)[:-1])
    u4(1023, 750, hdr(KDC_REPLY) + principal(b'jdoe', b'', R) + bytes(10))
    u4(1023, 750, hdr(KDC_REPLY) + principal(b'jdoe', b'', R) + bytes(11))
    u4(1023, 750, hdr(KDC_REPLY, True) + principal(b'jdoe', b'', R)[:-3])
    u4(1023, 750, hdr(APPL_REQUEST))
    u4(1023, 750, hdr(APPL_REQUEST) + b'\x03')
    u4(1023, 750, hdr(APPL_REQUEST) + b'\x03ATHENA')
    u4(1023, 750, hdr(APPL_REQUEST) + b'\x03ATHENA\0')
    u4(1023, 750, hdr(APPL_REQUEST) + b'\x03ATHENA\0\x10')
    u4(750, 1023, hdr(ERR_REPLY) + principal(b'jdoe', b'', R) + bytes(4), src=B, dst=A)
    u4(750, 1023, hdr(ERR_REPLY) + principal(b'jdoe', b'', R) + bytes(6), src=B, dst=A)
    u4(750, 1023, hdr(ERR_REPLY) + principal(b'jdoe', b'', R) + bytes(8), src=B, dst=A)
    u4(750, 1023, hdr(ERR_REPLY) + principal(b'jdoe', b'', R) + bytes(7) + b'\x08no nul',
       src=B, dst=A)
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
