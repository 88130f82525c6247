#!/usr/bin/env python3
"""sFlow version 5 (UDP 6343) as hsflowd on a Kubernetes node or a switch
sends it to a collector: datagrams with IPv4 and IPv6 agents, flow samples
and expanded flow samples carrying sampled packet headers, Ethernet frame
data, IPv4/IPv6 data and the extended switch/router/gateway/user/URL/MPLS/
NAT/VLAN records, counter samples and expanded counter samples with the
generic interface, Ethernet, token ring, 100BaseVG, VLAN and processor
counters, hsflowd's host counters (which tcpdump does not know),
enterprise-specific records, unknown sample types, other versions, and
broken lengths: short datagrams, samples and records longer than the
datagram, records shorter than their structure, zero types and lengths,
sample counts that do not match.  Hand-built, sent on the veth with
AF_PACKET.
Usage: crafted_sflow.py IFACE PEER_MAC"""
import socket, struct, sys
from pktgen import *

A, B = '10.77.0.1', '10.77.0.2'
A6, B6 = '2001:db8:77::1', '2001:db8:77::2'
PORT = 6343


def u32(*v):
    return struct.pack('!%dI' % len(v), *v)


def u64(v):
    return struct.pack('!Q', v)


def pad4(b):
    return b + b'\0' * (-len(b) % 4)


def xdr_str(s):
    return u32(len(s)) + pad4(s)


def dgram(samples, nsamples=None, agent=A, agent_id=100000, seq=1, uptime=123456789,
          ver=5, ipver=None):
    if ipver is None:
        ipver = 2 if ':' in agent else 1
    addr = socket.inet_pton(socket.AF_INET6 if ':' in agent else socket.AF_INET, agent)
    n = len(samples) if nsamples is None else nsamples
    return u32(ver, ipver) + addr + u32(agent_id, seq, uptime, n) + b''.join(samples)


def sample(fmt, body, length=None):
    return u32(fmt, len(body) if length is None else length) + body


def rec(fmt, body, length=None):
    return u32(fmt, len(body) if length is None else length) + body


def flow_sample(records, seq=1, stype=0, idx=3, rate=1000, pool=4096000, drops=0,
                inp=3, out=0x3fffffff, nrec=None):
    n = len(records) if nrec is None else nrec
    return u32(seq, (stype << 24) | idx, rate, pool, drops, inp, out, n) + b''.join(records)


def xflow_sample(records, seq=1, stype=0, idx=11001, rate=512, pool=8192000, drops=2,
                 inp=(0, 11001), out=(0, 11002), nrec=None):
    n = len(records) if nrec is None else nrec
    return (u32(seq, stype, idx, rate, pool, drops, inp[0], inp[1], out[0], out[1], n) +
            b''.join(records))


def ctr_sample(records, seq=1, stype=0, idx=3, nrec=None):
    n = len(records) if nrec is None else nrec
    return u32(seq, (stype << 24) | idx, n) + b''.join(records)


def xctr_sample(records, seq=1, stype=0, idx=11001, nrec=None):
    n = len(records) if nrec is None else nrec
    return u32(seq, stype, idx, n) + b''.join(records)


# ---- flow records
def inner_frame():
    """A sampled pod-to-pod TCP segment, Ethernet + IPv4 + TCP + a bit of data."""
    data = b'GET /healthz HTTP/1.1\r\nHost: 10.77.0.20\r\n\r\n'
    t = tcp('10.77.0.10', '10.77.0.20', 40522, 8080, 1000, 2000, 0x18, data=data)
    return eth('02:00:00:00:00:20', '02:00:00:00:00:10', 0x0800,
               ip4('10.77.0.10', '10.77.0.20', 6, t))


def raw_hdr(proto=1, hdr=None, stripped=4, flen=None, hsize=None):
    hdr = inner_frame()[:64] if hdr is None else hdr
    flen = len(hdr) + stripped + 20 if flen is None else flen
    hsize = len(hdr) if hsize is None else hsize
    return rec(1, u32(proto, flen, stripped, hsize) + pad4(hdr))


def eth_frame(flen=1518, src='02:00:00:00:00:10', dst='02:00:00:00:00:20', typ=0x0800):
    return rec(2, u32(flen) + mac(src) + b'\0\0' + mac(dst) + b'\0\0' + u32(typ))


def ipv4_data():
    return rec(3, u32(1500, 6) + socket.inet_aton('10.77.0.10') +
               socket.inet_aton('10.77.0.20') + u32(40522, 443, 0x18, 0))


def ipv6_data():
    return rec(4, u32(1280, 17) + socket.inet_pton(socket.AF_INET6, '2001:db8:77::10') +
               socket.inet_pton(socket.AF_INET6, '2001:db8:77::20') + u32(5353, 53, 0, 0))


def sw(sv=100, sp=0, dv=200, dp=5):
    return rec(1001, u32(sv, sp, dv, dp))


def router():
    return rec(1002, u32(1) + socket.inet_aton('10.77.0.254') + u32(24, 24))


def gateway():
    return rec(1003, u32(1) + socket.inet_aton('10.77.0.254') + u32(64512, 64513, 64500, 1, 2, 2) +
               u32(64500, 64501) + u32(1, 0xfde80001) + u32(100))


def user():
    return rec(1004, u32(106) + xdr_str(b'system:serviceaccount:default') + xdr_str(b'root'))


def url():
    return rec(1005, u32(1) + xdr_str(b'/api/v1/pods') + xdr_str(b'10.77.0.20'))


def mpls():
    return rec(1006, u32(1) + socket.inet_aton('10.77.0.254') + u32(1, 16001, 1, 16002))


def nat():
    return rec(1007, u32(1) + socket.inet_aton('10.77.0.30') + u32(1) +
               socket.inet_aton('10.77.0.31'))


def tunnel():
    return rec(1008, xdr_str(b'tun0') + u32(7, 0))


def vc():
    return rec(1009, xdr_str(b'vc1') + u32(9, 0))


def fec():
    return rec(1010, xdr_str(b'fec') + u32(11))


def lvp():
    return rec(1011, u32(24))


def vlan_tunnel():
    return rec(1012, u32(2, 0x8100000a, 0x81000014))


# ---- counter records
def generic(idx=3, itype=6, speed=10000000000, dirn=1, status=3, inoct=123456789012,
            a=(1000, 20, 5, 1, 0, 2), outoct=98765432109, b=(900, 10, 4, 0, 0), prom=0):
    return rec(1, u32(idx, itype) + u64(speed) + u32(dirn, status) + u64(inoct) + u32(*a) +
               u64(outoct) + u32(*b) + u32(prom))


def ethctr():
    return rec(2, u32(*range(1, 14)))


def tokenring():
    return rec(3, u32(*range(18)))


def basevg():
    return rec(4, u32(11) + u64(12000) + u32(13) + u64(14000) + u32(15, 16, 17, 18, 19) +
               u64(20000) + u32(21) + u64(1 << 40) + u64(1 << 41) + u64(1 << 42))


def vlanctr(vid=100):
    return rec(5, u32(vid) + u64(5000000000) + u32(400, 30, 2, 1))


def proc():
    return rec(1001, u32(5, 12, 20) + u64(16 * 1024 ** 3) + u64(9 * 1024 ** 3))


def host_descr():
    return rec(2000, xdr_str(b'k8s-node-1') + bytes(range(16)) + u32(2, 3) +
               xdr_str(b'5.15.0-91-generic'))


def host_cpu():
    return rec(2003, struct.pack('!fff', 0.5, 0.4, 0.3) + u32(300, 400, 4, 2400, 3600000) +
               u32(*range(20, 29)))


def host_mem():
    return rec(2004, u64(16 << 30) + u64(9 << 30) + u64(1 << 30) + u64(2 << 30) + u64(4 << 30) +
               u64(8 << 30) + u64(0) + u32(1, 2, 3, 4))


def main(ifn, peermac):
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    fr = []

    def u4(payload, sport=50123, dport=PORT):
        fr.append(eth(peermac, me, 0x0800,
                      ip4(A, B, 17, udp(A, B, sport, dport, payload), df=False)))

    def u6(payload, sport=50124, dport=PORT):
        fr.append(eth(peermac, me, 0x86dd,
                      ip6(A6, B6, 17, udp(A6, B6, sport, dport, payload, v6=True))))

    # --- hsflowd on a node: a flow sample with a sampled header and the
    # switch data, then its counters
    u4(dgram([sample(1, flow_sample([raw_hdr(), sw()], seq=17))], seq=1))
    u4(dgram([sample(2, ctr_sample([generic(), ethctr(), host_descr(), host_cpu(), host_mem()],
                                   seq=9))], seq=2, uptime=123466789))
    # --- every flow record type, known and not
    u4(dgram([sample(1, flow_sample([raw_hdr(), eth_frame(), ipv4_data(), ipv6_data(), sw(),
                                     router(), gateway(), user(), url()], seq=18, inp=5,
                                    out=7, drops=3)),
              sample(1, flow_sample([mpls(), nat(), tunnel(), vc(), fec(), lvp(), vlan_tunnel()],
                                    seq=19, stype=1, idx=0xabcdef))], seq=3))
    # raw headers: IPv4, IPv6, unknown protocol
    ip_hdr = inner_frame()[14:14 + 60]
    u4(dgram([sample(1, flow_sample([raw_hdr(11, ip_hdr, stripped=0),
                                     raw_hdr(12, bytes(40), stripped=0),
                                     raw_hdr(7, bytes(10), flen=0)], seq=20))], seq=4))
    # unknown record types (hex at -v only), enterprise records
    u4(dgram([sample(1, flow_sample([rec(77, u32(0xdeadbeef, 0x01020304) + b'xyz\0'),
                                     rec(2100, bytes(range(21)) + b'\0\0\0'),
                                     rec((4413 << 12) | 1, u32(1, 2, 3)),
                                     rec((1 << 12) | 1001, u32(4, 5, 6, 7)),
                                     rec(0, b''),
                                     sw(1, 2, 3, 4)], seq=21))], seq=5))
    # --- expanded samples
    u4(dgram([sample(3, xflow_sample([raw_hdr(), sw(4094, 7, 1, 0), gateway(), router()],
                                     seq=2170480284)),
              sample(4, xctr_sample([generic(idx=11001, itype=53, speed=25000000000, dirn=2,
                                             status=1), vlanctr(), proc()], seq=42))],
             agent='192.0.2.9', agent_id=0, seq=115694180, uptime=3465002224))
    # every counter record type, directions and statuses
    u4(dgram([sample(2, ctr_sample([generic(dirn=0, status=0), generic(dirn=3, status=2),
                                    generic(dirn=4, status=1, prom=1),
                                    generic(dirn=9, speed=0)], seq=10)),
              sample(2, ctr_sample([ethctr(), tokenring(), basevg(), vlanctr(4094), proc()],
                                   seq=11, stype=2, idx=0xffffff)),
              sample(4, xctr_sample([rec(2006, u64(1 << 33) + u32(1, 2, 3) + u64(1 << 34) +
                                         u32(4, 5, 6)),
                                     rec(0x00100001, bytes(8)),
                                     rec(0x0000f001, generic()[8:]),
                                     rec(7, b'')], seq=12, stype=3, idx=7))], seq=6))
    # --- IPv6 agent, over IPv6, and the collector's port as the source
    u6(dgram([sample(1, flow_sample([raw_hdr(), sw()], seq=30)),
              sample(2, ctr_sample([generic(idx=4)], seq=31))], agent=A6, agent_id=7, seq=8))
    u6(dgram([sample(4, xctr_sample([ethctr()], seq=32))], agent='2001:db8:77::99',
             agent_id=1, seq=9), sport=PORT, dport=40000)
    u4(dgram([sample(2, ctr_sample([vlanctr()], seq=33))], seq=10), sport=PORT, dport=PORT)
    # --- unknown sample types (hex at -v only), enterprise bits in the
    # sample format, a discard sample
    u4(dgram([sample(5, u32(1, 3, 1, 2, 259) + bytes(12)),
              sample(9, b'abcdefghij\0\0'),
              sample((4413 << 12) | 1, flow_sample([sw()], seq=40)),
              sample(0x1003, xflow_sample([eth_frame(64, typ=0x86dd)], seq=41))], seq=11))
    # --- other versions and short datagrams
    u4(u32(4, 1) + socket.inet_aton(A) + u32(0, 1, 2, 0))
    u4(u32(2, 1) + socket.inet_aton(A) + u32(0, 1, 2, 0) + bytes(8))
    u4(u32(5, 1) + socket.inet_aton(A) + u32(0))               # 16 < 28
    u4(u32(5, 2) + socket.inet_pton(socket.AF_INET6, A6) + u32(0, 1))   # 32 < 40
    u4(u32(5, 1, 5))                                            # 12
    u4(u32(5))                                                  # no ip version
    u4(u32(5, 3) + socket.inet_aton(A) + u32(0, 1, 2, 0))      # odd ip version, 28 bytes
    u4(u32(5, 3) + socket.inet_pton(socket.AF_INET6, A6) + u32(1, 2, 3, 0))
    u4(u32(5, 0) + socket.inet_pton(socket.AF_INET6, A6) + u32(1, 2, 3, 1) +
       sample(2, ctr_sample([vlanctr()])))
    # --- broken lengths
    good = sample(2, ctr_sample([vlanctr()], seq=50))
    u4(dgram([sample(0, b'\0' * 8), good], seq=20))             # type 0: stop
    u4(dgram([sample(2, b'', length=0), good], seq=21))         # length 0: stop
    u4(dgram([sample(2, ctr_sample([vlanctr()]), length=500)], seq=22))   # longer than datagram
    u4(dgram([good], nsamples=5, seq=23))                      # fewer samples than counted
    u4(dgram([good, good], nsamples=1, seq=24))                # more than counted
    u4(dgram([good, u32(2)], nsamples=2, seq=25))              # 4 bytes left
    u4(dgram([good, u32(2, 4) + u32(1)], nsamples=2, seq=26))
    u4(dgram([sample(1, u32(1, 2, 3, 4))], seq=27))             # flow sample too short
    u4(dgram([sample(1, u32(1, 2, 3, 4)), good], seq=28))       # ... reading on into the next
    u4(dgram([sample(2, u32(1, 2))], seq=29))                   # counter sample too short
    u4(dgram([sample(3, u32(1, 2, 3, 4, 5, 6, 7, 8))], seq=30))
    u4(dgram([sample(4, u32(1, 2, 3))], seq=31))
    # records: more than present, longer than the datagram, shorter than
    # their structure
    u4(dgram([sample(2, ctr_sample([vlanctr()], nrec=3))], seq=32))
    u4(dgram([sample(1, flow_sample([sw()], nrec=2))], seq=33))
    u4(dgram([sample(2, ctr_sample([rec(1, generic()[8:], length=400)]))], seq=34))
    u4(dgram([sample(1, flow_sample([rec(1001, u32(1, 2, 3, 4), length=40)]))], seq=35))
    u4(dgram([sample(2, ctr_sample([rec(1, u32(1, 2, 3, 4))]))], seq=36))      # generic cut
    u4(dgram([sample(2, ctr_sample([rec(2, u32(1, 2, 3))]))], seq=37))
    u4(dgram([sample(2, ctr_sample([rec(4, u32(1, 2, 3))]))], seq=38))
    u4(dgram([sample(2, ctr_sample([rec(5, u32(1, 2))]))], seq=39))
    u4(dgram([sample(2, ctr_sample([rec(1001, u32(1))]))], seq=40))
    u4(dgram([sample(1, flow_sample([rec(1, u32(1, 2))]))], seq=41))
    u4(dgram([sample(1, flow_sample([rec(2, u32(1, 2, 3))]))], seq=42))
    u4(dgram([sample(1, flow_sample([rec(1001, u32(1))]))], seq=43))
    # short record lengths: the decoders read on past the record
    u4(dgram([sample(2, ctr_sample([rec(5, b'', length=0), vlanctr(200)]))], seq=44))
    u4(dgram([sample(1, flow_sample([rec(1001, b'', length=0), sw(9, 9, 9, 9)]))], seq=45))
    u4(dgram([sample(2, ctr_sample([rec(1, u32(1) * 22, length=8)]))], seq=46))
    # a record header cut by the datagram end
    u4(dgram([sample(2, ctr_sample([vlanctr()], nrec=2)) + u32(5)], seq=47))
    u4(dgram([sample(1, flow_sample([sw()], nrec=2)) + u32(1001)], seq=48))
    # a sample whose records run past its own length into the next one
    u4(dgram([sample(2, ctr_sample([vlanctr()]), length=12), vlanctr(300)], seq=49))
    # a big one, as a switch agent sends every 30 s
    big = [sample(2, ctr_sample([generic(idx=i, inoct=i * 1000003), ethctr()], seq=100 + i,
                                idx=i)) for i in range(1, 9)]
    u4(dgram(big, agent='192.0.2.1', agent_id=0, seq=1000))

    send_frames(ifn, fr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
