#!/usr/bin/env python3
"""Small protocols over TCP that BGP routers speak: the RPKI-to-router
protocol (RFC 6810, TCP 323) between a validating cache such as Routinator
and a router (every PDU type, error reports that carry a PDU and a text,
wrong lengths, later protocol versions, several PDUs per segment, PDUs cut
short), and MSDP (RFC 3618, TCP 639) between rendezvous points (source-active
messages with and without an encapsulated packet, requests, keepalives,
notifications, unknown types, lengths that are not a message's).  Hand-built
segments of an established connection, sent on the veth with AF_PACKET.
Usage: crafted_tcpapps.py IFACE PEER_MAC"""
import socket, struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'


def pdu(typ, sess=0, body=b'', ver=0, length=None):
    ln = 8 + len(body) if length is None else length
    return struct.pack('!BBHI', ver, typ, sess, ln) + body


def v4pfx(pfx, plen, maxlen, asn, flags=1):
    return pdu(4, body=struct.pack('!BBBB4sI', flags, plen, maxlen, 0,
                                   socket.inet_aton(pfx), asn))


def v6pfx(pfx, plen, maxlen, asn, flags=1):
    return pdu(6, body=struct.pack('!BBBB16sI', flags, plen, maxlen, 0,
                                   socket.inet_pton(socket.AF_INET6, pfx), asn))


def err(code, inner=b'', text=b'', enclen=None, textlen=None):
    body = struct.pack('!I', len(inner) if enclen is None else enclen) + inner
    body += struct.pack('!I', len(text) if textlen is None else textlen) + text
    return pdu(10, code, body)


def msdp(typ, body=b'', length=None):
    return struct.pack('!BH', typ, 3 + len(body) if length is None else length) + body


def sa(typ, entries, rp, data=b''):
    body = struct.pack('!B4s', len(entries), socket.inet_aton(rp))
    for grp, src in entries:
        body += struct.pack('!3xB4s4s', 32, socket.inet_aton(grp), socket.inet_aton(src))
    return msdp(typ, body + data)


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []
    seq = {323: 1000, 639: 5000}

    def seg(port, data, v6=False, fromcache=True):
        sp, dp = (port, 51000) if fromcache else (51000, port)
        s = seq[port]
        seq[port] += len(data)
        if v6:
            fr.append(eth(peermac, me, 0x86dd,
                          ip6(A6, B6, 6, tcp(A6, B6, sp, dp, s, 1, 0x18, data=data, v6=True))))
        else:
            fr.append(eth(peermac, me, 0x0800,
                          ip4(A, B, 6, tcp(A, B, sp, dp, s, 1, 0x18, data=data))))

    # --- RPKI-RTR: a router's reset query, the cache's full answer
    seg(323, pdu(2), fromcache=False)
    seg(323, pdu(3, 0x1a2b))
    seg(323, v4pfx('192.0.2.0', 24, 24, 64496) + v4pfx('198.51.100.0', 22, 24, 64497, 0) +
        v6pfx('2001:db8::', 32, 48, 4200000000))
    seg(323, pdu(7, 0x1a2b, struct.pack('!I', 17)))
    seg(323, pdu(0, 0x1a2b, struct.pack('!I', 18)))
    seg(323, pdu(1, 0x1a2b, struct.pack('!I', 17)), fromcache=False)
    seg(323, pdu(8))
    seg(323, pdu(2), v6=True, fromcache=False)
    # error reports: with a PDU and a text, only a text, nested, unknown code
    seg(323, err(4, pdu(2, ver=0), b'unsupported version'))
    seg(323, err(2, text=b'no data yet'))
    seg(323, err(6, v4pfx('203.0.113.0', 24, 24, 64500, 0)))
    seg(323, err(0, err(1, text=b'inner')))
    seg(323, err(99, text=b'tab\there'), fromcache=False)
    seg(323, err(3, enclen=100))
    seg(323, err(5, text=b'abc', textlen=40))
    # wrong lengths, unknown types, later versions, too short
    seg(323, pdu(7, 0x1a2b, struct.pack('!IB', 19, 0)))
    seg(323, pdu(2, length=12) + b'\0' * 4)
    seg(323, pdu(3, 1, length=4))
    seg(323, pdu(4, body=b'\0' * 8))
    seg(323, pdu(9, 7, b'\x01\x02\x03\x04'))
    seg(323, pdu(2, length=200))
    seg(323, pdu(1, 5, struct.pack('!I', 1), ver=1))
    seg(323, b'\0\x02\0')
    seg(323, pdu(3, 0x1a2b) + pdu(8) + pdu(2, ver=2))
    # --- MSDP: source-active messages between rendezvous points
    seg(639, sa(1, [('232.1.1.1', '192.0.2.10')], '198.51.100.1'))
    seg(639, sa(1, [('232.1.1.1', '192.0.2.10'), ('232.1.1.2', '192.0.2.11'),
                    ('239.1.1.1', '192.0.2.12')], '198.51.100.1'))
    inner = ip4('192.0.2.10', '232.1.1.1', 17,
                udp('192.0.2.10', '232.1.1.1', 5000, 5001, b'stream'), ttl=32)
    seg(639, sa(1, [('232.1.1.1', '192.0.2.10')], '198.51.100.1', inner))
    seg(639, sa(3, [('232.1.1.3', '192.0.2.13')], '198.51.100.2'), fromcache=False)
    seg(639, msdp(2, struct.pack('!B4s', 0, socket.inet_aton('232.1.1.1'))), fromcache=False)
    seg(639, msdp(4))
    seg(639, msdp(4, b'\0\0'))
    seg(639, msdp(5, b'\x81\x02'))
    seg(639, msdp(6, b'\0' * 5) + msdp(7, b'') + msdp(4))
    seg(639, msdp(4) + msdp(4, length=2))
    seg(639, msdp(4) + msdp(4, length=40))
    seg(639, msdp(1, b'\0' * 1450, length=1453))
    seg(639, msdp(8))
    seg(639, msdp(4, length=2000))
    seg(639, b'\x01\x00')
    send_frames(ifn, fr)


if __name__ == '__main__':
    main(*sys.argv[1:])
