#!/usr/bin/env python3
"""Traffic helpers for tests/golden/generate.sh (run inside test netns only)."""
import socket, struct, sys, time, os, select

def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

def mac(s):
    return bytes(int(x, 16) for x in s.split(':'))

def eth(dst, src, etype, payload):
    return mac(dst) + mac(src) + struct.pack('!H', etype) + payload

def ip4(src, dst, proto, payload, ttl=64, ident=0x1234, df=True, opts=b'', tos=0, frag=0):
    ihl = 5 + len(opts) // 4
    fl = (0x4000 if df else 0) | frag
    h = struct.pack('!BBHHHBBH4s4s', 0x40 | ihl, tos, 20 + len(opts) + len(payload), ident, fl,
                    ttl, proto, 0, socket.inet_aton(src), socket.inet_aton(dst)) + opts
    h = h[:10] + struct.pack('!H', csum(h)) + h[12:]
    return h + payload

def ip6(src, dst, nh, payload, hlim=64):
    return struct.pack('!IHBB16s16s', 0x60000000, len(payload), nh, hlim,
                       socket.inet_pton(socket.AF_INET6, src), socket.inet_pton(socket.AF_INET6, dst)) + payload

def pseudo4(src, dst, proto, ln):
    return socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack('!BBH', 0, proto, ln)

def pseudo6(src, dst, proto, ln):
    return socket.inet_pton(socket.AF_INET6, src) + socket.inet_pton(socket.AF_INET6, dst) + struct.pack('!IxxxB', ln, proto)

def tcp(src, dst, sport, dport, seq, ack, flags, opts=b'', data=b'', win=64240, v6=False, urp=0):
    while len(opts) % 4:
        opts += b'\0'
    off = (5 + len(opts) // 4) << 12
    h = struct.pack('!HHIIHHHH', sport, dport, seq, ack, off | flags, win, 0, urp) + opts + data
    ps = (pseudo6 if v6 else pseudo4)(src, dst, 6, len(h))
    c = csum(ps + h)
    return h[:16] + struct.pack('!H', c) + h[18:]

def udp(src, dst, sport, dport, data, v6=False):
    h = struct.pack('!HHHH', sport, dport, 8 + len(data), 0) + data
    ps = (pseudo6 if v6 else pseudo4)(src, dst, 17, len(h))
    c = csum(ps + h) or 0xffff
    return h[:6] + struct.pack('!H', c) + h[8:]

def icmp6(src, dst, typ, code, body):
    h = struct.pack('!BBH', typ, code, 0) + body
    c = csum(pseudo6(src, dst, 58, len(h)) + h)
    return h[:2] + struct.pack('!H', c) + h[4:]

def icmp4(typ, code, body):
    h = struct.pack('!BBH', typ, code, 0) + body
    return h[:2] + struct.pack('!H', csum(h)) + h[4:]

def send_frames(ifname, frames):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((ifname, 0))
    for f in frames:
        s.send(f)
        time.sleep(0.01)

# ---------------------------------------------------------------- commands
def tcpserver(host, port, reply=2000, count=1):
    fam = socket.AF_INET6 if ':' in host else socket.AF_INET
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8192)
    s.bind((host, int(port)))
    s.listen(5)
    print('ready', flush=True)
    for _ in range(int(count)):
        c, _ = s.accept()
        n = 0
        while True:
            d = c.recv(65536)
            if not d:
                break
            n += len(d)
            if b'QUIT' in d:
                break
        c.sendall(b'OK ' + b'x' * int(reply))
        c.close()

def tcpclient(host, port, nbytes=20000, chunk=1000):
    fam = socket.AF_INET6 if ':' in host else socket.AF_INET
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.connect((host, int(port)))
    sent = 0
    i = 0
    while sent < int(nbytes):
        d = (('line %d of test data, hello world!\n' % i) * 100).encode()[:int(chunk)]
        s.sendall(d)
        sent += len(d)
        i += 1
    s.sendall(b'QUIT')
    s.shutdown(socket.SHUT_WR)
    while s.recv(65536):
        pass
    s.close()

def tcpreset(host, port):
    fam = socket.AF_INET6 if ':' in host else socket.AF_INET
    s = socket.socket(fam, socket.SOCK_STREAM)
    try:
        s.connect((host, int(port)))
    except OSError:
        pass
    s.close()

def tcpabort(host, port):
    """Connect, send a little, then close with SO_LINGER 0 -> RST."""
    fam = socket.AF_INET6 if ':' in host else socket.AF_INET
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.connect((host, int(port)))
    s.sendall(b'hello\r\n')
    time.sleep(0.1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    s.close()

def udpsend(host, port, *msgs):
    fam = socket.AF_INET6 if ':' in host else socket.AF_INET
    s = socket.socket(fam, socket.SOCK_DGRAM)
    for m in msgs:
        s.sendto(m.encode(), (host, int(port)))
        time.sleep(0.02)

def udpecho(host, port, count):
    fam = socket.AF_INET6 if ':' in host else socket.AF_INET
    s = socket.socket(fam, socket.SOCK_DGRAM)
    s.bind((host, int(port)))
    print('ready', flush=True)
    for _ in range(int(count)):
        d, a = s.recvfrom(65536)
        s.sendto(d.upper(), a)

def tfoclient(host, port):
    fam = socket.AF_INET6 if ':' in host else socket.AF_INET
    for i in range(2):
        s = socket.socket(fam, socket.SOCK_STREAM)
        s.sendto(b'fastopen data %d\n' % i, 0x20000000, (host, int(port)))  # MSG_FASTOPEN
        s.sendall(b'QUIT')
        s.shutdown(socket.SHUT_WR)
        while s.recv(65536):
            pass
        s.close()
        time.sleep(0.1)

def tfoserver(host, port, count):
    fam = socket.AF_INET6 if ':' in host else socket.AF_INET
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.IPPROTO_TCP, 23, 5)  # TCP_FASTOPEN
    s.bind((host, int(port)))
    s.listen(5)
    print('ready', flush=True)
    for _ in range(int(count)):
        c, _ = s.accept()
        while True:
            d = c.recv(65536)
            if not d or b'QUIT' in d:
                break
        c.sendall(b'bye\n')
        c.close()

def md5sock(fam, peer, key):
    # struct tcp_md5sig { sockaddr_storage addr; u8 flags, prefixlen; u16 keylen; u32 ifindex; u8 key[80]; }
    if fam == socket.AF_INET:
        sa = struct.pack('=H', fam) + struct.pack('!H', 0) + socket.inet_aton(peer)
    else:
        sa = struct.pack('=H', fam) + struct.pack('!HI', 0, 0) + socket.inet_pton(fam, peer)
    sa = sa.ljust(128, b'\0')
    return sa + struct.pack('=BBHI', 0, 0, len(key), 0) + key.ljust(80, b'\0')

def md5server(host, port, peer):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.IPPROTO_TCP, 14, md5sock(socket.AF_INET, peer, b'secret'))
    s.bind((host, int(port)))
    s.listen(1)
    print('ready', flush=True)
    c, _ = s.accept()
    while True:
        d = c.recv(65536)
        if not d or b'QUIT' in d:
            break
    c.sendall(b'md5 ok\n')
    c.close()

def md5client(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.IPPROTO_TCP, 14, md5sock(socket.AF_INET, host, b'secret'))
    s.connect((host, int(port)))
    s.sendall(b'signed QUIT')
    s.shutdown(socket.SHUT_WR)
    while s.recv(65536):
        pass
    s.close()

def mptcpserver(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 262)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, int(port)))
    s.listen(1)
    print('ready', flush=True)
    c, _ = s.accept()
    while True:
        d = c.recv(65536)
        if not d or b'QUIT' in d:
            break
    c.sendall(b'mptcp ok\n')
    c.close()

def mptcpclient(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 262)
    s.connect((host, int(port)))
    s.sendall(b'mptcp data\n')
    time.sleep(0.05)
    s.sendall(b'QUIT')
    s.shutdown(socket.SHUT_WR)
    while s.recv(65536):
        pass
    s.close()


def tunhelper(ifname, gofile):
    """Own a tun device (DLT_RAW capture), inject packets once gofile exists."""
    import fcntl, subprocess
    fd = os.open('/dev/net/tun', os.O_RDWR)
    fcntl.ioctl(fd, 0x400454ca, struct.pack('16sH', ifname.encode(), 0x0001 | 0x1000))
    for c in (['ip', 'addr', 'add', '10.79.0.1/24', 'dev', ifname],
              ['ip', 'addr', 'add', '2001:db8:79::1/64', 'dev', ifname, 'nodad'],
              ['ip', 'link', 'set', ifname, 'up']):
        subprocess.check_call(c)
    ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(('10.79.0.1', 5007))
    ls.listen(1)
    print('ready', flush=True)
    while not os.path.exists(gofile):
        time.sleep(0.05)
    L, R = '10.79.0.1', '10.79.0.2'
    L6, R6 = '2001:db8:79::1', '2001:db8:79::2'
    pk = [
        ip4(R, L, 1, icmp4(8, 0, struct.pack('!HH', 0x4d2, 1) + b'tun echo 1')),
        ip4(R, L, 1, icmp4(8, 0, struct.pack('!HH', 0x4d2, 2) + b'tun echo 2')),
        ip4(R, L, 17, udp(R, L, 9000, 9999, b'closed port')),
        ip4(R, L, 6, tcp(R, L, 40000, 5999, 100, 0, 0x002, opts=bytes([2, 4, 5, 0xb4]))),
        ip4(R, L, 6, tcp(R, L, 40001, 5007, 1000, 0, 0x002, opts=bytes([2, 4, 5, 0xb4, 4, 2, 1, 1]))),
        ip6(R6, L6, 58, icmp6(R6, L6, 128, 0, struct.pack('!HH', 0x4d2, 1) + b'tun6 echo')),
        ip6(R6, L6, 17, udp(R6, L6, 9000, 9999, b'closed6', v6=True)),
        ip6(R6, L6, 6, tcp(R6, L6, 40002, 5999, 7, 0, 0x002, v6=True)),
    ]
    for p in pk:
        os.write(fd, p)
        time.sleep(0.05)
    while not os.path.exists(gofile + '.end'):
        time.sleep(0.05)
    os.close(fd)

# ---------------------------------------------------------------- overlays
def _inner_frames():
    A, B, M1, M2 = '10.244.1.2', '10.244.2.3', '02:42:0a:f4:01:02', '02:42:0a:f4:02:03'
    A6, B6 = 'fd00:244::2', 'fd00:244::3'
    echo = ip4(A, B, 1, icmp4(8, 0, struct.pack('!HH', 7, 1) + b'overlay ping'))
    syn = ip4(A, B, 6, tcp(A, B, 43210, 8443, 1000, 0, 0x002,
                           opts=bytes([2, 4, 5, 0x64, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7])))
    arp = struct.pack('!HHBBH6s4s6s4s', 1, 0x0800, 6, 4, 1, mac(M1), socket.inet_aton(A),
                      bytes(6), socket.inet_aton(B))
    dns = ip4(A, B, 17, udp(A, B, 5300, 53, bytes.fromhex('1234010000010000000000000473766331036b38730000010001')))
    echo6 = ip6(A6, B6, 58, icmp6(A6, B6, 128, 0, struct.pack('!HH', 9, 2) + b'v6 in overlay'))
    return [eth(M2, M1, 0x0800, echo), eth(M2, M1, 0x0800, syn), eth('ff:ff:ff:ff:ff:ff', M1, 0x0806, arp),
            eth(M2, M1, 0x0800, dns), eth(M2, M1, 0x86dd, echo6)], echo, dns

def overlays(host):
    """VXLAN, OTV and Geneve datagrams (crafted payloads, sent by a UDP socket)."""
    frames, echo, dns = _inner_frames()
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(('', 51515))
    msgs = [(4789, struct.pack('!B3xI', 0x08, 42 << 8) + f) for f in frames]
    msgs += [(4789, struct.pack('!B3xI', 0x00, 7 << 8) + frames[3]),
             (4789, b'\x08\x00\x00'),
             (8472, struct.pack('!BBHI', 0x08, 0, 5, 9 << 8) + frames[0]),
             (6081, struct.pack('!BBHI', 0, 0, 0x6558, 0x0a0b0c << 8) + frames[0]),
             (6081, struct.pack('!BBHI', 2, 0, 0x0800, 0x123 << 8 | 0x5) +
              struct.pack('!HBBI', 0x0102, 0x80, 1, 0xdeadbeef) + echo),
             (6081, struct.pack('!BBHI', 1, 0xc0, 0x1234, 77 << 8) + struct.pack('!HBBI', 0xfff1, 3, 1, 1) + b'xyz'),
             (6081, struct.pack('!BBHI', 0x40, 0, 0x0800, 1 << 8) + echo),
             (6081, struct.pack('!BBHI', 4, 0, 0x0800, 2 << 8) + b'\x01\x00'),
             (6081, struct.pack('!BBHI', 0, 0x80, 0x86dd, 3 << 8) + frames[4][14:])]
    for port, m in msgs:
        s.sendto(m, (host, port))
        time.sleep(0.02)

def mdns(host):
    """Multicast DNS messages to port 5353: QU and QM questions, a cache-flush answer."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(('', 5353))
    name = b'\x05_http\x04_tcp\x05local\x00'
    host_n = b'\x04node\x05local\x00'
    s.sendto(struct.pack('!6H', 0, 0, 1, 0, 0, 0) + name + struct.pack('!HH', 12, 0x8001), (host, 5353))
    time.sleep(0.02)
    s.sendto(struct.pack('!6H', 0, 0, 1, 0, 0, 0) + host_n + struct.pack('!HH', 28, 1), (host, 5353))
    time.sleep(0.02)
    s.sendto(struct.pack('!6H', 0, 0x8400, 0, 1, 0, 0) + host_n +
             struct.pack('!HHIH4s', 1, 0x8001, 120, 4, socket.inet_aton('10.77.0.2')), (host, 5353))
    time.sleep(0.02)

def encap(ifn, peermac):
    """GRE and ESP frames (hand-built: this kernel has no GRE or IPsec
    devices to make them), and ICMP errors with MPLS extension objects,
    sent on ifn to the peer.  Left out: MPLS and
    PPP inside GRE, which tcpdump decodes and ptcpdump does not."""
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    A, B, A6, B6 = '10.77.0.1', '10.77.0.2', '2001:db8:77::1', '2001:db8:77::2'
    E4 = lambda p: eth(peermac, me, 0x0800, p)
    E6 = lambda p: eth(peermac, me, 0x86dd, p)
    frames, echo, dns = _inner_frames()
    echo6 = frames[4][14:]
    gre = lambda hdr, inner: E4(ip4(A, B, 47, hdr + inner))
    fr = [gre(struct.pack('!HH', 0, 0x0800), echo),
          gre(struct.pack('!HHII', 0x3000, 0x0800, 0x10001, 7), dns),
          gre(struct.pack('!HHHH', 0x8000, 0x86dd, 0xabcd, 0), echo6),
          gre(struct.pack('!HHHHHBB4s4sHBB', 0x4000, 0x0800, 0, 4, 0x0800, 4, 8,
                          socket.inet_aton('10.9.9.1'), socket.inet_aton('10.9.9.2'), 0, 0, 0), echo),
          gre(struct.pack('!HHI', 0x2000, 0x6558, 42), frames[2]),
          gre(struct.pack('!HHHH', 0x2001, 0x880b, 0, 0x77), b''),
          gre(struct.pack('!HH', 0x0002, 0x0800), echo),
          gre(b'\x00', b''),
          gre(struct.pack('!HHI', 0x1000, 0x0800, 1), b''),
          E6(ip6(A6, B6, 47, struct.pack('!HH', 0, 0x86dd) + echo6)),
          E4(ip4(A, B, 50, struct.pack('!II', 0xc0ffee01, 1) + bytes(range(40)))),
          E4(ip4(A, B, 50, struct.pack('!II', 0xc0ffee01, 2))),
          E6(ip6(A6, B6, 50, struct.pack('!II', 0x0102, 0x10000) + bytes(24)))]
    # ICMP errors with RFC 4884 extensions, as routers on an MPLS path send
    quote = ip4(B, '192.0.2.9', 17, udp(B, '192.0.2.9', 33434, 33435, bytes(100)))[:128]
    mpls = struct.pack('!HBBI', 8, 1, 1, 16100 << 12 | 0x100 | 1)
    ifid = struct.pack('!HBB', 12, 2, 3) + bytes(range(1, 9))
    for typ, code, ver, objs, good in ((11, 0, 0x20, mpls + ifid, True), (3, 3, 0x20, mpls, True),
                                       (11, 0, 0x10, mpls, True), (11, 0, 0x20, mpls, False)):
        ext = struct.pack('!BBH', ver, 0, 0) + objs
        if good:
            ext = ext[:2] + struct.pack('!H', csum(ext)) + ext[4:]
        else:
            ext = ext[:2] + b'\x12\x34' + ext[4:]
        fr.append(E4(ip4(A, B, 1, icmp4(typ, code, struct.pack('!BBH', 0, 32, 0) + quote + ext))))
    send_frames(ifn, fr)

def accept1(host, port):
    """Listens on host:port, says ready, and returns the first connection."""
    l = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    l.bind((host, int(port)))
    l.listen(1)
    print('ready', flush=True)
    return l.accept()[0]

# ---------------------------------------------------------------- SSH
def sshserver(host, port):
    """An SSH peer's first words: the version line, then binary."""
    c = accept1(host, port)
    c.sendall(b'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n')
    c.recv(100)
    c.recv(100)
    c.sendall(bytes(range(1, 40)))
    c.close()

def sshclient(host, port):
    s = socket.create_connection((host, int(port)), timeout=5)
    s.recv(100)
    s.sendall(b'SSH-2.0-Go\r\n')
    time.sleep(0.05)
    s.sendall(b'SSH-2.0-bad\x01\r\n')
    s.recv(100)
    s.close()

# ---------------------------------------------------------------- IGMP, VRRP
def igmpjoin(ifaddr, *groups):
    """Joins and leaves multicast groups: the kernel sends the reports."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for g in groups:
        s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, socket.inet_aton(g) + socket.inet_aton(ifaddr))
        time.sleep(0.1)
    for g in groups:
        s.setsockopt(socket.IPPROTO_IP, socket.IP_DROP_MEMBERSHIP, socket.inet_aton(g) + socket.inet_aton(ifaddr))
        time.sleep(0.1)

def igmpframes(ifn):
    """Queries of each version, mtrace, an unknown type and a bad checksum,
    hand-built (a querier is a router's job)."""
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    A, ga = '10.77.0.1', socket.inet_aton
    def ig(b, dst='224.0.0.1', good=True):
        if good:
            b = b[:2] + struct.pack('!H', csum(b)) + b[4:]
        return eth('01:00:5e:00:00:01', me, 0x0800,
                   ip4(A, dst, 2, b, ttl=1, opts=bytes([148, 4, 0, 0])))
    fr = [ig(struct.pack('!BBH4s', 0x11, 100, 0, bytes(4))),
          ig(struct.pack('!BBH4s', 0x11, 0, 0, bytes(4))),
          ig(struct.pack('!BBH4s', 0x11, 50, 0, ga('239.1.1.1'))),
          ig(struct.pack('!BBH4sBBH', 0x11, 100, 0, bytes(4), 2, 125, 0)),
          ig(struct.pack('!BBH4sBBH', 0x11, 200, 0, ga('239.1.1.1'), 2, 125, 2) + ga('10.1.1.1') + ga('10.1.1.2')),
          ig(struct.pack('!BBH4s', 0x12, 0, 0, ga('239.2.2.3')), '239.2.2.3'),
          ig(struct.pack('!BBHHH', 0x22, 0, 0, 0, 3) + struct.pack('!BBH4s', 9, 0, 0, ga('224.0.0.251')), '224.0.0.22'),
          ig(struct.pack('!BBH4s', 0x1f, 0, 0, ga('239.1.1.1')) + ga('10.1.1.1') + ga('10.2.2.2') + ga('224.0.1.32') + bytes([5, 0, 0, 9])),
          ig(struct.pack('!BBH4s', 0x1e, 0, 0, ga('239.1.1.1')) + ga('10.1.1.1') + ga('10.2.2.2') + ga('10.3.3.3') + bytes([5, 0, 1, 9])),
          ig(struct.pack('!BBH4s', 0x99, 0, 0, bytes(4))),
          ig(struct.pack('!BBH4s', 0x11, 100, 0x1234, bytes(4)), good=False)]
    send_frames(ifn, fr)

def vrrpframes(ifn):
    """VRRP v2 (no, simple and AH authentication, a bad checksum, a low
    TTL) and v3 over IPv6, hand-built as keepalived would send them."""
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    A, A6 = '10.77.0.1', 'fe80::ff:fe00:a'
    def v2(vrid, prio, addrs, auth=0, pw=b'', ttl=255, good=True):
        b = struct.pack('!BBBBBBH', 0x21, vrid, prio, len(addrs), auth, 1, 0) + \
            b''.join(socket.inet_aton(a) for a in addrs) + (pw.ljust(8, b'\0') if auth == 1 else bytes(8))
        if good:
            b = b[:6] + struct.pack('!H', csum(b)) + b[8:]
        return eth('01:00:5e:00:00:12', me, 0x0800, ip4(A, '224.0.0.18', 112, b, ttl=ttl))
    b3 = struct.pack('!BBBBHH', 0x31, 7, 200, 2, 100, 0) + socket.inet_pton(socket.AF_INET6, 'fe80::100') + \
         socket.inet_pton(socket.AF_INET6, '2001:db8:77::100')
    b3 = b3[:6] + struct.pack('!H', csum(pseudo6(A6, 'ff02::12', 112, len(b3)) + b3)) + b3[8:]
    fr = [v2(51, 100, ['10.77.0.100']), v2(52, 150, ['10.77.0.101', '10.77.0.102'], auth=1, pw=b'pass\x01\xff'),
          v2(53, 100, ['10.77.0.103'], ttl=64, good=False), v2(54, 100, ['10.77.0.104'], auth=2),
          eth('33:33:00:00:00:12', me, 0x86dd, ip6(A6, 'ff02::12', 112, b3, hlim=255)),
          eth('01:00:5e:00:00:12', me, 0x0800, ip4(A, '224.0.0.18', 112, struct.pack('!BBBBBBH', 0x22, 1, 1, 0, 0, 1, 0) + bytes(8))),
          eth('01:00:5e:00:00:12', me, 0x0800, ip4(A, '224.0.0.18', 112, struct.pack('!BBBBBBH', 0x11, 1, 1, 0, 0, 1, 0)))]
    send_frames(ifn, fr)

# ---------------------------------------------------------------- Redis
RESP_EXCHANGE = [
    (b'*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n', b'+OK\r\n'),
    (b'*2\r\n$3\r\nGET\r\n$7\r\nmissing\r\n', b'$-1\r\n'),
    (b'PING\r\nPING\r\n', b'+PONG\r\n+PONG\r\n'),
    (b'*1\r\n$4\r\nKEYS\r\n', b'*3\r\n$1\r\na\r\n*0\r\n*-1\r\n'),
    (b'*2\r\n$4\r\nINCR\r\n$1\r\nn\r\n', b':42\r\n'),
    (b'*1\r\n$4\r\nNOPE\r\n', b'-ERR unknown command \'NOPE\'\r\n'),
    (b'*2\r\n$4\r\nECHO\r\n$4\r\nb\x01\xffn\r\n', b'$4\r\nb\x01\xffn\r\n'),
    (b'*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n', b'$99999999999\r\n'),
]

def respserver(host, port):
    """A Redis stand-in: answers each command of RESP_EXCHANGE in turn."""
    c = accept1(host, port)
    for cmd, reply in RESP_EXCHANGE:
        got = b''
        while len(got) < len(cmd):
            got += c.recv(4096)
        c.sendall(reply)
    c.close()

def respclient(host, port):
    s = socket.create_connection((host, int(port)), timeout=5)
    for cmd, reply in RESP_EXCHANGE:
        s.sendall(cmd)
        got = b''
        while len(got) < len(reply):
            got += s.recv(4096)
    s.close()

# ---------------------------------------------------------------- NTP
def _ntp_now():
    t = time.time() + 2208988800
    return struct.pack('!II', int(t), int((t % 1) * 4294967296) & 0xffffffff)

def ntpserver(host, port, count):
    """Answers NTP client requests as a stratum-2 server would."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((host, int(port)))
    print('ready', flush=True)
    for _ in range(int(count)):
        d, a = s.recvfrom(1024)
        rx = _ntp_now()
        s.sendto(struct.pack('!BBbbII4s', 0x24, 2, d[2], -24, 0x1a0, 0x3c0, socket.inet_aton('10.77.0.123'))
                 + rx + d[40:48] + rx + _ntp_now(), a)

def ntpclient(host, port):
    """A client request, one with a key id and digest, and a control query."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(2)
    req = struct.pack('!BBbbII4s', 0xe3, 0, 6, -20, 0x10000, 0x10000, bytes(4)) + bytes(24) + _ntp_now()
    for extra in (b'', struct.pack('!I', 7) + bytes(range(16))):
        s.sendto(req + extra, (host, int(port)))
        s.recv(1024)
    s.sendto(struct.pack('!BBHHHHH', 0x16, 0x02, 1, 0, 0, 0, 0), (host, int(port)))

# ---------------------------------------------------------------- HTTP
def httpserver(host, port, count):
    """Answers count HTTP requests: a page of several segments, a POST, a 404."""
    from http.server import HTTPServer, BaseHTTPRequestHandler
    class H(BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.1'
        def log_message(self, *a):
            pass
        def reply(self, code, body):
            self.send_response(code)
            self.send_header('Content-Type', 'text/plain')
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        def do_GET(self):
            if self.path == '/healthz':
                self.reply(200, b'ok\n')
            elif self.path == '/big':
                self.reply(200, bytes(range(256)) * 16)
            else:
                self.reply(404, b'not found\n')
        def do_POST(self):
            self.rfile.read(int(self.headers.get('Content-Length', 0)))
            self.reply(201, b'created\n')
    srv = HTTPServer((host, int(port)), H)
    print('ready', flush=True)
    for _ in range(int(count)):
        srv.handle_request()

def httpclient(host, port):
    import http.client
    c = http.client.HTTPConnection(host, int(port), timeout=5)
    for method, path, body in (('GET', '/healthz', None), ('GET', '/big', None),
                               ('POST', '/api/v1/items', b'{"name": "x"}'), ('GET', '/nothere', None)):
        c.request(method, path, body=body, headers={'User-Agent': 'kube-probe/1.29'})
        c.getresponse().read()
    c.close()

# ---------------------------------------------------------------- DHCP
DHCP_MAGIC = bytes([99, 130, 83, 99])

def _bootp(op, xid, chaddr, ci='0.0.0.0', yi='0.0.0.0', si='0.0.0.0', gi='0.0.0.0',
           flags=0, hops=0, secs=0, htype=1, hlen=6, sname=b'', bfile=b'', vend=b''):
    b = struct.pack('!BBBBIHH4s4s4s4s16s64s128s', op, htype, hlen, hops, xid, secs, flags,
                    socket.inet_aton(ci), socket.inet_aton(yi), socket.inet_aton(si),
                    socket.inet_aton(gi), chaddr.ljust(16, b'\0'), sname, bfile) + vend
    return b.ljust(300, b'\0')

def _opts(*pairs):
    out = b''
    for t, v in pairs:
        out += bytes([t]) if t in (0, 255) else bytes([t, len(v)]) + v
    return out

def dhcpclient(ifn, server):
    """A DHCP client's messages, hand-built as dhclient and relays send
    them (from 0.0.0.0 where a client has no address yet), and old BOOTP
    vendor areas; the server (dnsmasq) answers what it answers."""
    me = open('/sys/class/net/%s/address' % ifn).read().strip()
    hw, A = mac(me), '10.77.0.1'
    cid = (61, b'\x01' + hw)
    prl = (55, bytes([1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42, 33, 46, 19, 252, 200]))
    def bc(payload, src='0.0.0.0', dst='255.255.255.255', sport=68, dport=67):
        return eth('ff:ff:ff:ff:ff:ff' if dst == '255.255.255.255' else '02:00:00:00:00:0b', me, 0x0800,
                   ip4(src, dst, 17, udp(src, dst, sport, dport, payload), df=False, ttl=64))
    def dhcp(*opts, **kw):
        return _bootp(1, kw.pop('xid', 0x3903f326), hw, vend=DHCP_MAGIC + _opts(*opts), **kw)
    fr = [
        # discover with the usual options, some PAD and a 3-byte unknown
        bc(dhcp((53, b'\x01'), cid, (12, b'client-a'), prl, (57, struct.pack('!H', 1500)),
                (60, b'ptcpdump-test'), (0, b''), (0, b''), (0, b''), (224, b'abc'), (255, b''),
                flags=0x8000)),
        # request for the offered address, with the client's FQDN
        bc(dhcp((53, b'\x03'), cid, (50, socket.inet_aton('10.77.0.120')),
                (54, socket.inet_aton(server)), (12, b'client-a'),
                (81, b'\x01\x00\x00client-a.example.test'), prl, (255, b''), flags=0x8000, secs=3)),
        # inform from a configured address, unicast to the server
        bc(dhcp((53, b'\x08'), (61, b'\x00client-text-id'), (77, b'\x05first\x03two'), prl, (255, b''),
                ci=A, xid=0x0badcafe), src=A, dst=server),
        # a relay's discover: giaddr, hops, relay agent information
        bc(dhcp((53, b'\x01'), (61, b'\x06' + hw), prl,
                (82, b'\x01\x0aeth0:vlan7' + b'\x02\x07relay-1' + b'\x09\x03\x01\x02\x03'), (255, b''),
                gi=A, hops=1, xid=0x00c0ffee), src=A, dst=server, sport=67),
        # decline and release, odd lengths and leftovers
        bc(dhcp((53, b'\x04'), (50, socket.inet_aton('10.77.0.120')), (54, socket.inet_aton(server)),
                (56, b'address in use \x01'), (1, b'\xff\xff\xff\x00\x07'), (225, b'\x12\x34'),
                (226, b'\x00\x01\x02\x03\x04\x05\x06\x07'), (53, b'\x07\x07'), (255, b''))),
        bc(dhcp((53, b'\x07'), (54, socket.inet_aton(server)), (255, b''), ci='10.77.0.120',
                xid=0x12345678), src='10.77.0.120', dst=server),
        # BOOTP without DHCP: a CMU vendor area, an unknown one, another
        # hardware type, sname and file
        bc(_bootp(1, 0x1111, hw, vend=b'CMU\0' + struct.pack('!I', 0x01000000) +
                  socket.inet_aton('255.255.255.0') + socket.inet_aton('10.77.0.2') +
                  socket.inet_aton('10.77.0.53') + bytes(4) + bytes(8) + socket.inet_aton('10.77.0.123'))),
        bc(_bootp(1, 0x2222, hw, vend=b'\x01\x02\x03\x04')),
        bc(_bootp(1, 0x3333, b'\x00' * 8, htype=6, hlen=8, sname=b'boot-server',
                  bfile=b'/tftpboot/linux\x01', vend=DHCP_MAGIC + _opts((53, b'\x09'), (255, b'')))),
        bc(_bootp(3, 0x4444, hw)),
    ]
    for f in fr:
        send_frames(ifn, [f])
        time.sleep(0.3)

# ---------------------------------------------------------------- text protocols
TEXT_SCRIPTS = {
    'smtp': (b'220 mail.example.test ESMTP\r\n', [
        (b'EHLO client.example.test\r\n', b'250-mail.example.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n'),
        (b'MAIL FROM:<a@example.test>\r\n', b'250 2.1.0 Ok\r\n'),
        (b'DATA\r\n', b'354 End data with <CR><LF>.<CR><LF>\r\n'),
        (b'Subject: hi\r\n\r\nbody \x01line\r\n.\r\n', b'250 2.0.0 Ok: queued\r\n'),
        (b'QUIT\r\n', b'221 2.0.0 Bye\r\n')]),
    'ftp': (b'220 (vsFTPd 3.0.3)\r\n', [
        (b'USER anonymous\r\n', b'331 Please specify the password.\r\n'),
        (b'PASS guest\r\n', b'230 Login successful.\r\n'),
        (b'SYST\r\n', b'215 UNIX Type: L8\r\n'),
        (b'QUIT\r\n', b'221 Goodbye.\r\n')]),
    'rtsp': (b'', [
        (b'OPTIONS rtsp://10.77.0.2/stream RTSP/1.0\r\nCSeq: 1\r\n\r\n',
         b'RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: DESCRIBE, SETUP, PLAY\r\n\r\n'),
        (b'DESCRIBE rtsp://10.77.0.2/stream RTSP/1.0\r\nCSeq: 2\r\n\r\n',
         b'v=0\r\no=- 0 0 IN IP4 10.77.0.2\r\n'),
        (b'teardown rtsp://10.77.0.2/stream RTSP/1.0\r\nCSeq: 3\r\n\r\n',
         b'RTSP/1.0 454 Session Not Found\r\nCSeq: 3\r\n\r\n')]),
    'whois': (b'', [
        (b'example.test\r\n', b'Domain Name: EXAMPLE.TEST\r\nRegistrar: none\r\n\r\n')]),
}

def _recvn(c, n):
    got = b''
    while len(got) < n:
        try:
            d = c.recv(4096)
        except ConnectionResetError:
            break
        if not d:
            break
        got += d
    return got

def textserver(host, port, proto):
    """Answers TEXT_SCRIPTS[proto]'s requests in turn, after its greeting."""
    greet, steps = TEXT_SCRIPTS[proto]
    c = accept1(host, port)
    if greet:
        c.sendall(greet)
    for req, reply in steps:
        _recvn(c, len(req))
        c.sendall(reply)
    time.sleep(0.2)
    c.close()

def textclient(host, port, proto):
    greet, steps = TEXT_SCRIPTS[proto]
    c = socket.create_connection((host, int(port)))
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    _recvn(c, len(greet))
    for req, reply in steps:
        c.sendall(req)
        _recvn(c, len(reply))
    c.close()

# ---------------------------------------------------------------- BGP
def _bgp(typ, body):
    return b'\xff' * 16 + struct.pack('!HB', 19 + len(body), typ) + body

def _bgp_open(asn, hold, rid, params):
    return _bgp(1, struct.pack('!BHH4sB', 4, asn, hold, socket.inet_aton(rid), len(params)) + params)

def _attr(flags, typ, val):
    if flags & 0x10:
        return struct.pack('!BBH', flags, typ, len(val)) + val
    return struct.pack('!BBB', flags, typ, len(val)) + val

def _pfx(p):
    a, l = p.split('/')
    l = int(l)
    return bytes([l]) + socket.inet_aton(a)[:(l + 7) // 8]

def _update(withdrawn=(), attrs=b'', nlri=()):
    w = b''.join(_pfx(p) for p in withdrawn)
    return _bgp(2, struct.pack('!H', len(w)) + w + struct.pack('!H', len(attrs)) + attrs +
                b''.join(_pfx(p) for p in nlri))

def _caps(*caps):
    b = b''.join(struct.pack('!BB', t, len(v)) + v for t, v in caps)
    return struct.pack('!BB', 2, len(b)) + b

BGP_KEEPALIVE = _bgp(4, b'')

def bgppeer(host, port):
    """One side of a BGP session (a route reflector at AS 64512): OPEN,
    KEEPALIVE, an UPDATE from an old 2-byte speaker, End-of-RIB, then a
    NOTIFICATION that shuts the session down."""
    c = accept1(host, port)
    _recvn(c, 19)
    c.sendall(_bgp_open(64512, 90, '10.77.0.2',
                        _caps((1, b'\x00\x01\x00\x01'), (2, b''), (65, struct.pack('!I', 64512)),
                              (64, b'\x00\x78'), (8, b'\x00\x01\x01\x02\x00\x02\x01\x01'))))
    time.sleep(0.1)
    c.sendall(BGP_KEEPALIVE)
    time.sleep(0.1)
    c.sendall(_update(withdrawn=['10.244.9.0/24', '10.244.10.128/25'],
                      attrs=_attr(0x40, 1, b'\x02') + _attr(0x40, 2, b'\x02\x02\xfc\x00\xfd\xe8') +
                      _attr(0x40, 3, socket.inet_aton('10.77.0.2')),
                      nlri=['10.96.0.0/12']))
    time.sleep(0.1)
    c.sendall(_update())
    # the speaker's last message is a Hold Timer Expired notification
    got = b''
    while b'\x00\x15\x03\x04\x00' not in got:
        d = c.recv(65536)
        if not d:
            break
        got += d
    time.sleep(0.1)
    msg = b'maintenance \x01window'
    c.sendall(_bgp(3, b'\x06\x02' + bytes([len(msg)]) + msg + b'\x01\x02'))
    time.sleep(0.2)
    c.close()

def bgpspeaker(host, port):
    """The other side (a node's BGP agent at a 4-byte AS): OPEN with many
    capabilities, UPDATEs with the base path attributes, a ROUTE-REFRESH,
    a KEEPALIVE and an UPDATE in one segment, an unknown message type and
    NOTIFICATIONs."""
    c = socket.create_connection((host, int(port)))
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    params = _caps((1, b'\x00\x01\x00\x01'), (1, b'\x00\x02\x00\x01'), (2, b''), (128, b''),
                   (65, struct.pack('!I', 4200000001)), (64, b'\x80\x78\x00\x01\x01\x80'),
                   (69, b'\x00\x01\x01\x03'), (71, b''), (70, b''), (73, b'abc')) + \
        struct.pack('!BB', 1, 3) + b'\x01\x02\x03'
    c.sendall(_bgp_open(23456, 240, '10.77.0.1', params))
    _recvn(c, 19 + 10)
    time.sleep(0.1)
    c.sendall(BGP_KEEPALIVE)
    time.sleep(0.1)
    aspath = b'\x02\x02' + struct.pack('!II', 4200000001, 64512) + b'\x01\x02' + struct.pack('!II', 65001, 65002)
    attrs = (_attr(0x40, 1, b'\x00') + _attr(0x50, 2, aspath) + _attr(0x40, 3, socket.inet_aton('10.77.0.1')) +
             _attr(0x80, 4, struct.pack('!I', 100)) + _attr(0x40, 5, struct.pack('!I', 200)) +
             _attr(0x40, 6, b'') + _attr(0xc0, 7, struct.pack('!I', 4200000001) + socket.inet_aton('10.77.0.1')) +
             _attr(0xc0, 8, struct.pack('!III', (64512 << 16) | 100, 0xffffff01, (65535 << 16) | 7)) +
             _attr(0x80, 9, socket.inet_aton('10.77.0.9')) +
             _attr(0x80, 10, socket.inet_aton('10.77.0.2') + socket.inet_aton('10.77.0.3')) +
             _attr(0xc1, 99, b'\x01\x02\x03'))
    c.sendall(_update(attrs=attrs, nlri=['10.244.1.0/24', '10.244.2.64/26', '0.0.0.0/0', '192.0.2.1/32']))
    time.sleep(0.1)
    # multiprotocol: IPv6 routes with a global and a link-local next hop,
    # IPv4 routes with an SNPA, withdrawals and an IPv6 End-of-RIB
    mp6 = (b'\x00\x02\x01' + bytes([32]) + socket.inet_pton(socket.AF_INET6, '2001:db8:77::1') +
           socket.inet_pton(socket.AF_INET6, 'fe80::ff:fe00:a') + b'\x00' +
           bytes([64]) + socket.inet_pton(socket.AF_INET6, '2001:db8:244::')[:8] +
           bytes([48]) + socket.inet_pton(socket.AF_INET6, 'fd00:244:1::')[:6] + b'\x00' +
           bytes([127]) + socket.inet_pton(socket.AF_INET6, '2001:db8::fe')[:16])
    c.sendall(_update(attrs=_attr(0x40, 1, b'\x00') + _attr(0x40, 2, aspath) + _attr(0x90, 14, mp6)))
    time.sleep(0.1)
    mp4 = b'\x00\x01\x02\x04' + socket.inet_aton('10.77.0.1') + b'\x01\x02\xaa\xbb' + _pfx('10.244.5.0/24') + _pfx('224.1.0.0/16')
    c.sendall(_update(attrs=_attr(0x40, 1, b'\x01') + _attr(0x40, 2, b'') + _attr(0x80, 14, mp4) +
                      _attr(0x80, 15, b'\x00\x02\x01' + bytes([64]) + socket.inet_pton(socket.AF_INET6, '2001:db8:245::')[:8])))
    time.sleep(0.1)
    c.sendall(_update(attrs=_attr(0x80, 15, b'\x00\x02\x01')))
    time.sleep(0.1)
    c.sendall(_bgp(5, b'\x00\x01\x00\x01'))
    time.sleep(0.1)
    c.sendall(BGP_KEEPALIVE + _update(withdrawn=['10.244.1.0/24']))
    time.sleep(0.1)
    c.sendall(_bgp(9, b'\x00\x01\x02\x03'))
    time.sleep(0.1)
    c.sendall(_bgp(3, b'\x02\x02') + _bgp(3, b'\x05\x01') + _bgp(3, b'\x04\x00'))
    time.sleep(0.1)
    _recvn(c, 1 << 16)
    c.close()

# ---------------------------------------------------------------- syslog
SYSLOG_MSGS = [
    b"<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
    b'<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3"] An application event',
    b'<0>kernel: panic', b'<191>local7 debug', b'<13>', b'<999>big pri', b'<1234>four digits',
    b'no priority here', b'<30>ctl \x01\x7f\xff and NUL \x00 inside', b'<7',
]

def syslogsend(host, port):
    """Syslog datagrams as a container's logger sends them to a collector,
    with odd and broken priorities."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for m in SYSLOG_MSGS:
        s.sendto(m, (host, int(port)))
        time.sleep(0.02)
    r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    r.bind(('', 514))
    r.sendto(b'<86>sent from 514 to a high port', (host, 40514))

if __name__ == '__main__':
    cmd = sys.argv[1]
    args = sys.argv[2:]
    if cmd == 'crafted':
        import crafted
        crafted.main(*args)
    else:
        globals()[cmd](*args)
