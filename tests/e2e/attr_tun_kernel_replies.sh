#!/usr/bin/env bash
# On a tun device (a VPN, slirp4netns, a VM's tap), the kernel receives what
# a process writes into the device in that process's own system call, and
# answers there: ICMP errors and TCP resets go out through the kernel's own
# control sockets while the writer's thread is current.  Those replies have
# no process (the writer did not send them), and the writer's own datagrams
# still show it.  Checked live: one process writes a UDP datagram to
# a closed port and a TCP SYN to a closed port into a tun device, and sends
# two UDP datagrams through it.  (Run as the first capture of a fresh
# ptcpdump: the control sockets' owners live only as long as the capture.)
set -u
. "$(dirname "$0")/../lib/core.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || skip "no $PY"
[ -c /dev/net/tun ] || skip "no /dev/net/tun"
NOD=(--docker-address /nonexistent/docker.sock --containerd-address /nonexistent/containerd.sock)
DEV=ptdtun9

cat >"$WORK/tun.py" <<'EOF'
import fcntl, os, socket, struct, subprocess, sys, time
dev, go = sys.argv[1], sys.argv[2]
fd = os.open('/dev/net/tun', os.O_RDWR)
fcntl.ioctl(fd, 0x400454ca, struct.pack('16sH', dev.encode(), 0x0001 | 0x1000))  # TUNSETIFF, IFF_TUN|IFF_NO_PI
subprocess.run(['ip', 'addr', 'add', '10.234.0.1/24', 'dev', dev], check=True)
subprocess.run(['ip', 'link', 'set', dev, 'up'], check=True)
print('ready', flush=True)
for _ in range(100):
    if os.path.exists(go):
        break
    time.sleep(0.05)

def csum(b):
    if len(b) % 2:
        b += b'\0'
    t = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    t = (t >> 16) + (t & 0xffff)
    return ~(t + (t >> 16)) & 0xffff

def ip4(proto, l4):
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(l4), 1, 0, 64, proto, 0,
                    socket.inet_aton('10.234.0.2'), socket.inet_aton('10.234.0.1'))
    return h[:10] + struct.pack('!H', csum(h)) + h[12:] + l4

def l4sum(proto, l4):
    ph = socket.inet_aton('10.234.0.2') + socket.inet_aton('10.234.0.1') + struct.pack('!BBH', 0, proto, len(l4))
    return csum(ph + l4)

# our own datagrams out through the device (nobody reads them but us)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(2):
    s.sendto(b'own-%d' % i, ('10.234.0.2', 47601))
    os.read(fd, 2048)
# a datagram to a closed port: the kernel answers port unreachable
u = struct.pack('!HHHH', 47602, 47603, 12, 0) + b'ping'
u = u[:6] + struct.pack('!H', l4sum(17, u)) + u[8:]
os.write(fd, ip4(17, u))
# a SYN to a closed port: the kernel answers RST
t = struct.pack('!HHIIBBHHH', 47604, 47605, 1000, 0, 5 << 4, 0x02, 64240, 0, 0)
t = t[:16] + struct.pack('!H', l4sum(6, t)) + t[18:]
os.write(fd, ip4(6, t))
time.sleep(0.5)
EOF

"$PY" "$WORK/tun.py" $DEV "$WORK/go" >"$WORK/py.out" 2>"$WORK/py.err" &
PYPID=$!
CORE_PIDS+=("$PYPID")
for _ in $(seq 100); do grep -q ready "$WORK/py.out" 2>/dev/null && break; sleep 0.05; done
grep -q ready "$WORK/py.out" || fail "the tun device was not made: $(cat "$WORK/py.err")"
ptd_start cap "${NOD[@]}" -i $DEV --context process
touch "$WORK/go"
wait "$PYPID" || fail "the tun writer failed: $(cat "$WORK/py.err")"
# the device goes with its writer; ptcpdump then stops by itself
ptd_wait "$PTD_PID" 10
out="$WORK/cap.out"

cat "$out"
# default text: "TIME IFACE [COMM.PID] In|Out ...", the process only when known
own=$(grep -c "^[0-9:.]* $DEV python3[.0-9]*\.$PYPID Out IP 10.234.0.1.[0-9]* > 10.234.0.2.47601: UDP" "$out")
[ "$own" -eq 2 ] || fail "the writer's own 2 datagrams are not all its own: $own"
ok "the writer's 2 datagrams: its own (pid $PYPID)"
grep -q 'ICMP 10.234.0.1 udp port 47603 unreachable' "$out" || fail "no port unreachable captured"
grep -q "^[0-9:.]* $DEV Out IP 10.234.0.1 > 10.234.0.2: ICMP 10.234.0.1 udp port 47603 unreachable" "$out" ||
	fail "the kernel's port unreachable was given a process: $(grep 'unreachable' "$out")"
ok "the kernel's port unreachable: no process"
grep -q '10.234.0.1.47605 > 10.234.0.2.47604: Flags \[R' "$out" || fail "no RST captured"
grep -q "^[0-9:.]* $DEV Out IP 10.234.0.1.47605 > 10.234.0.2.47604: Flags \[R" "$out" ||
	fail "the kernel's RST was given a process: $(grep 'Flags \[R' "$out")"
ok "the kernel's RST: no process"
