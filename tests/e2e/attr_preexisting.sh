#!/usr/bin/env bash
# Issue 4, acceptance 5: a TCP connection opened before ptcpdump starts and
# used after it: its packets, both directions, carry the client's pid, cmd
# and args (the process and its socket are learnt from /proc and the flow).
set -u
. "$(dirname "$0")/../lib/core.sh"
. "$(dirname "$0")/../lib/attr.sh"

PY=/usr/bin/python3 # not a pyenv shim: $! is python itself
PYCMDS="/usr/bin/python3 $(readlink -f $PY)"
NS=ptd-apre
netns_pair $NS ptdv-apre 10.210.5.1 10.210.5.2
ip route get 10.210.5.2 | grep -q 'dev ptdv-apre' || fail "10.210.5.2 not routed via ptdv-apre"
mkdir -p "$WORK/www"
head -c 30000 /dev/zero >"$WORK/www/f.bin"
ip netns exec $NS $PY -m http.server --directory "$WORK/www" -b 10.210.5.2 8080 >/dev/null 2>&1 &
ATTR_PIDS+=($!)
for _ in $(seq 50); do
	curl -s -o /dev/null --max-time 1 http://10.210.5.2:8080/ && break
	sleep 0.1
done
cat >"$WORK/client.py" <<'PYEOF'
import os, socket, sys, time
host, port, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s = socket.create_connection((host, port), timeout=5)
open(work + "/connected", "w").write("%d\n" % s.getsockname()[1])
while not os.path.exists(work + "/go"):
    time.sleep(0.05)
s.sendall(b"GET /f.bin HTTP/1.0\r\nHost: x\r\n\r\n")
n = 0
while True:
    b = s.recv(65536)
    if not b:
        break
    n += len(b)
s.close()
open(work + "/done", "w").write("%d\n" % n)
PYEOF

$PY "$WORK/client.py" 10.210.5.2 8080 "$WORK" &
cpid=$!
for _ in $(seq 50); do [ -s "$WORK/connected" ] && break; sleep 0.1; done
port=$(cat "$WORK/connected" 2>/dev/null) || fail "the client did not connect"
ok "connection from port $port open before the capture (client pid $cpid)"
ptd_start cap -i any -v 'host 10.210.5.2 and tcp port 8080'
sleep 0.5 # the connection sits idle well into the capture
touch "$WORK/go"
wait $cpid || fail "client failed"
echo "client received $(cat "$WORK/done") bytes"
sleep 0.5
ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
cat "$WORK/cap.err"
blocks "$WORK/cap.out" >"$WORK/all"
cut -f 1,2 "$WORK/all" | cut -c1-140
grep -F "	10.210.5.1.$port > 10.210.5.2.8080: " "$WORK/all" >"$WORK/out"
grep -F "	10.210.5.2.8080 > 10.210.5.1.$port: " "$WORK/all" >"$WORK/in"
grep -q 'Flags \[S\]' "$WORK/all" && problem "a SYN was captured: the connection was not open before the capture"
grep -q 'Flags \[P\.\], .*length [1-9]' "$WORK/out" || problem "the request was not captured"
grep -q 'Flags \[P\.\], .*length [1-9]' "$WORK/in" || problem "the response was not captured"
args="$PY $WORK/client.py 10.210.5.2 8080 $WORK"
expect_owner "$WORK/out" "pre-existing connection, client -> server" $cpid "$PYCMDS" "$args"
expect_owner "$WORK/in" "pre-existing connection, server -> client" $cpid "$PYCMDS" "$args"
[ ${#PROBLEMS[@]} -eq 0 ] || fail "${#PROBLEMS[@]} problem(s), see above"
