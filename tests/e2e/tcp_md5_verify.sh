#!/usr/bin/env bash
# -M SECRET checks TCP MD5 signatures (RFC 2385, as BGP sessions with a
# password use them), as tcpdump -M does: real signed connections over
# IPv4 and IPv6 loopback (in a netns), captured live with -M; every segment's verdict
# (valid, or "(invalid)" with another secret) is the one tcpdump -M gives
# for the same packets.
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v tcpdump >/dev/null || skip "no tcpdump"
PY=/usr/bin/python3
[ -x "$PY" ] || skip "no $PY"
NOD=(--docker-address /nonexistent/docker.sock --containerd-address /nonexistent/containerd.sock)

cat >"$WORK/md5.py" <<'EOF'
import socket, struct, sys, threading

TCP_MD5SIG = 14

def md5sig(fam, peer, key):
    # struct tcp_md5sig: sockaddr_storage, flags, prefixlen, keylen, ifindex, key[80]
    if fam == socket.AF_INET:
        sa = struct.pack('=H', fam) + struct.pack('!H', 0) + socket.inet_aton(peer)
    else:
        sa = struct.pack('=H', fam) + struct.pack('!HI', 0, 0) + socket.inet_pton(fam, peer)
    return sa.ljust(128, b'\0') + struct.pack('=BBHI', 0, 0, len(key), 0) + key.ljust(80, b'\0')

def run(fam, addr, port):
    srv = socket.socket(fam, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.setsockopt(socket.IPPROTO_TCP, TCP_MD5SIG, md5sig(fam, addr, b'secret'))
    srv.bind((addr, port))
    srv.listen(1)
    def serve():
        c, _ = srv.accept()
        while True:
            d = c.recv(65536)
            if not d:
                break
            c.sendall(d.upper())
        c.close()
    t = threading.Thread(target=serve)
    t.start()
    cl = socket.socket(fam, socket.SOCK_STREAM)
    cl.setsockopt(socket.IPPROTO_TCP, TCP_MD5SIG, md5sig(fam, addr, b'secret'))
    cl.connect((addr, port))
    for m in (b'hello', b'x' * 3000, b'bye'):
        cl.sendall(m)
        n = 0
        while n < len(m):
            n += len(cl.recv(65536))
    cl.shutdown(socket.SHUT_WR)
    while cl.recv(65536):
        pass
    cl.close()
    t.join()
    srv.close()

run(socket.AF_INET, '127.0.0.1', int(sys.argv[1]))
run(socket.AF_INET6, '::1', int(sys.argv[1]))
EOF

# in a netns of its own, whose loopback has IPv6 whatever the host's has
NS=ptdmd5
ip netns add $NS || fail "ip netns add $NS"
CORE_NETNS+=("$NS")
ip netns exec $NS sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0
ip -n $NS link set lo up

PORT=47411
ptd_start cap "${NOD[@]}" --netns $NS -i lo -M secret --print -w "$WORK/m.pcap" "tcp port $PORT"
ip netns exec $NS "$PY" "$WORK/md5.py" $PORT || fail "the signed connections failed"
sleep 0.5
ptd_stop "$PTD_PID" || fail "ptcpdump exited $?: $(cat "$WORK/cap.err")"

verdicts() { grep -o 'md5 [^],]*' | sed -E 's/ - [0-9a-f]{32}$//'; }
live=$(verdicts <"$WORK/cap.out")
n=$(echo "$live" | grep -c .)
[ "$n" -ge 16 ] || fail "only $n signed segments printed: $(head -3 "$WORK/cap.out")"
grep -q 'IP6 ::1\.' "$WORK/cap.out" || fail "no IPv6 segment captured"
want=$(tcpdump -nn -M secret -r "$WORK/m.pcap" 2>/dev/null | verdicts)
[ "$live" = "$want" ] || fail "live -M verdicts differ from tcpdump's: $(diff <(echo "$want") <(echo "$live") | head -5)"
echo "$live" | grep -qvx 'md5 valid' && fail "a segment not valid with the right secret: $(echo "$live" | sort | uniq -c)"
ok "live -M secret: $n signed segments (IPv4 and IPv6), all valid, as tcpdump -M says"

for k in wrong "" ; do
	if [ -n "$k" ]; then
		want=$(tcpdump -nn -M "$k" -r "$WORK/m.pcap" 2>/dev/null | verdicts)
		got=$("$PTCPDUMP" -M "$k" -r "$WORK/m.pcap" 2>/dev/null | verdicts)
	else
		want=$(tcpdump -nn -r "$WORK/m.pcap" 2>/dev/null | grep -o 'md5 [^],]*')
		got=$("$PTCPDUMP" -r "$WORK/m.pcap" 2>/dev/null | grep -o 'md5 [^],]*')
	fi
	[ "$got" = "$want" ] || fail "-r ${k:+-M $k}${k:-without -M}: differs from tcpdump: $(diff <(echo "$want") <(echo "$got") | head -5)"
	ok "-r ${k:+-M $k}${k:-without -M}: $(echo "$got" | sed -E 's/ - [0-9a-f]{32}$//' | sort | uniq -c | tr -s ' \n' ' ')"
done
