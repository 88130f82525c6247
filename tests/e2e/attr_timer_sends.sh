#!/usr/bin/env bash
# Packets that the kernel sends from a timer keep their socket's owner:
# TCP retransmissions of a client whose peer's ACKs are lost.  The timer
# interrupts a process that spins in user mode on the same CPU; there the
# softirq runs on that process's own stack, so only the CPU's preempt
# count tells it from a send of that process.  The spinner must never
# become the owner of the client's socket.
set -u
. "$(dirname "$0")/../lib/core.sh"
. "$(dirname "$0")/../lib/attr.sh"

PY=/usr/bin/python3
PYCMDS="/usr/bin/python3 $(readlink -f $PY)"
NS=ptd-atmr
PORT=7413
netns_pair $NS ptdv-atmr 10.210.8.1 10.210.8.2
ip route get 10.210.8.2 | grep -q 'dev ptdv-atmr' || fail "10.210.8.2 not routed via ptdv-atmr"

# the peer accepts and reads, in the netns
ip netns exec $NS $PY -c '
import socket, sys
l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
l.bind(("10.210.8.2", int(sys.argv[1]))); l.listen(1)
print("listening", flush=True)
c, _ = l.accept()
while c.recv(65536):
    pass
' $PORT >"$WORK/server.out" 2>&1 &
ATTR_PIDS+=($!)
for _ in $(seq 50); do grep -q listening "$WORK/server.out" && break; sleep 0.1; done
grep -q listening "$WORK/server.out" || fail "the peer did not start: $(cat "$WORK/server.out")"

# the spinner: user mode only, on CPU 0
taskset -c 0 $PY -c 'while True: pass' &
spin=$!
ATTR_PIDS+=("$spin")

# the client, on CPU 0 too: connects, waits for "go", sends once, then
# sleeps while the kernel retransmits
mkfifo "$WORK/go"
cat >"$WORK/client.py" <<'PYEOF'
import socket, struct, sys, time
s = socket.create_connection(("10.210.8.2", int(sys.argv[1])))
print("connected", s.getsockname()[1], flush=True)
open(sys.argv[2]).read()
s.sendall(b"x" * 100)
time.sleep(4)
# closed with a reset: no orphan left retransmitting after the test
s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
s.close()
PYEOF
taskset -c 0 $PY "$WORK/client.py" $PORT "$WORK/go" >"$WORK/client.out" 2>&1 &
client=$!
ATTR_PIDS+=("$client")
for _ in $(seq 50); do grep -q connected "$WORK/client.out" && break; sleep 0.1; done
grep -q connected "$WORK/client.out" || fail "the client did not connect: $(cat "$WORK/client.out")"
CPORT=$(awk '/^connected/ { print $2 }' "$WORK/client.out")

ptd_start cap -i ptdv-atmr -v
# from now on the peer's ACKs go nowhere: the client's data is resent by
# its retransmission timer (0.2 s, then doubling)
ip -n $NS route add blackhole 10.210.8.1/32 || fail "blackhole route in $NS"
echo go >"$WORK/go"
wait "$client" || fail "the client failed: $(cat "$WORK/client.out")"
ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
kill -0 "$spin" 2>/dev/null || fail "the spinner died"
cat "$WORK/cap.err"
blocks "$WORK/cap.out" >"$WORK/all"
awk -F'\t' '{ printf "%s | %s\n", substr($1, 1, 60), $3 }' "$WORK/all" | cut -c1-160

grep -E " Out IP .*	10\.210\.8\.1\.$CPORT > 10\.210\.8\.2\.$PORT: Flags \[P\.\], .*length 100" "$WORK/all" >"$WORK/data"
n=$(grep -c . "$WORK/data")
[ "$n" -ge 3 ] || fail "expected the data and at least 2 retransmissions, got $n packet(s)"
ok "the client's data went out $n times"
expect_owner "$WORK/data" "client's data and its retransmissions" $client "$PYCMDS" \
	"$PY $WORK/client.py $PORT $WORK/go"
awk -F'\t' -v b="pid $spin|" 'index($3, b) == 1' "$WORK/all" | grep . && problem "packets attributed to the spinner (pid $spin)"
[ ${#PROBLEMS[@]} -eq 0 ] || fail "${#PROBLEMS[@]} problem(s), see above"
