#!/usr/bin/env bash
# Issue 9, acceptance 3: `--drops` with a filter that matches nothing adds no
# line under an unrelated flood of drops (UDP on lo to a port where nothing
# listens: every datagram is dropped with NO_SOCKET).  A second ptcpdump
# whose filter matches the flood proves the drops were there, and that they
# are interleaved in time order with the captured packets.
set -u
. "$(dirname "$0")/../lib/core.sh"

PORT=39998
N=5000
ss -Hlun "sport = :$PORT" | grep -q . && skip "something listens on udp port $PORT"
ptd_start none -i any --drops 'udp port 39997'
none=$PTD_PID
ptd_start flood -i lo --drops "udp port $PORT"
flood=$PTD_PID
python3 - "$PORT" "$N" <<'PY' || fail "flood failed"
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
port, n = int(sys.argv[1]), int(sys.argv[2])
for _ in range(n):
    try:
        s.sendto(b"x" * 32, ("127.0.0.1", port))
    except ConnectionRefusedError:
        pass	# the ICMP error of an earlier datagram
PY
sleep 0.5
ptd_stop "$flood" || fail "ptcpdump (matching) exit status $?"
ptd_stop "$none" || fail "ptcpdump exit status $?"
cat "$WORK/none.err"
nd=$(grep -c ' Drop IP .*, Drop \[NO_SOCKET\]$' "$WORK/flood.out")
no=$(grep -c ' Out IP ' "$WORK/flood.out")
[ "$nd" -ge $((N * 9 / 10)) ] || { tail -3 "$WORK/flood.err"; fail "only $nd drops of $N datagrams seen by a matching filter"; }
ok "a matching filter sees the flood: $no packets Out, $nd Drop [NO_SOCKET]"
# time order: HH:MM:SS.frac never goes back (within the minute wrap)
bad=$(awk '{ if (prev != "" && $1 < prev && substr(prev, 1, 2) == substr($1, 1, 2)) n++; prev = $1 } END { print n + 0 }' "$WORK/flood.out")
[ "$bad" -eq 0 ] || fail "$bad lines out of time order"
ok "drops and captured packets in time order"
[ ! -s "$WORK/none.out" ] || { head "$WORK/none.out"; fail "lines printed for a filter that matches nothing"; }
grep -q '^0 packets dropped by the kernel on their way$' "$WORK/none.err" || fail "summary: $(cat "$WORK/none.err")"
ok "no line for a filter that matches nothing"
