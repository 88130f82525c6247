#!/usr/bin/env bash
# Issue 4, acceptance 2: a UDP exchange (python3 client -> UDP echo server in
# a netns) and ping (ICMP echo request and reply): every packet, in both
# directions, carries the client's pid, cmd path and full args.
set -u
. "$(dirname "$0")/../lib/core.sh"
. "$(dirname "$0")/../lib/attr.sh"

PY=/usr/bin/python3 # not a pyenv shim: $! is python itself
PYCMDS="/usr/bin/python3 $(readlink -f $PY)"
NS=ptd-audp
netns_pair $NS ptdv-audp 10.210.2.1 10.210.2.2
ip route get 10.210.2.2 | grep -q 'dev ptdv-audp' || fail "10.210.2.2 not routed via ptdv-audp"
cat >"$WORK/echo.py" <<'PYEOF'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[1], int(sys.argv[2])))
while True:
    data, peer = s.recvfrom(2048)
    s.sendto(data, peer)
PYEOF
cat >"$WORK/udpc.py" <<'PYEOF'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(2)
for i in range(int(sys.argv[3])):
    s.sendto(b"ptd-attr-udp-%d" % i, (sys.argv[1], int(sys.argv[2])))
    s.recvfrom(2048)
PYEOF
ip netns exec $NS $PY "$WORK/echo.py" 10.210.2.2 9000 &
ATTR_PIDS+=($!)
sleep 0.5

ptd_start cap -i ptdv-audp -v 'host 10.210.2.2 and (udp port 9000 or icmp)'
$PY "$WORK/udpc.py" 10.210.2.2 9000 3 &
upid=$!
wait $upid || fail "UDP client failed"
ping -c 3 -i 0.2 -W 1 10.210.2.2 >/dev/null &
ppid_=$!
wait $ppid_ || fail "ping failed"
sleep 0.5
ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
cat "$WORK/cap.err"
blocks "$WORK/cap.out" >"$WORK/all"

grep -F '	10.210.2.1.' "$WORK/all" | grep -F '> 10.210.2.2.9000: UDP' >"$WORK/udp.out"
grep -F '	10.210.2.2.9000 > 10.210.2.1.' "$WORK/all" >"$WORK/udp.in"
echo "UDP: $(grep -c . "$WORK/udp.out") requests, $(grep -c . "$WORK/udp.in") replies"
[ "$(grep -c ' Out IP ' "$WORK/udp.out")" -eq 3 ] || problem "UDP: expected 3 datagrams Out"
[ "$(grep -c ' In IP ' "$WORK/udp.in")" -eq 3 ] || problem "UDP: expected 3 replies In"
uargs="$PY $WORK/udpc.py 10.210.2.2 9000 3"
expect_owner "$WORK/udp.out" "UDP client -> server" "$upid" "$PYCMDS" "$uargs"
expect_owner "$WORK/udp.in" "UDP server -> client" "$upid" "$PYCMDS" "$uargs"

grep -F '	10.210.2.1 > 10.210.2.2: ICMP echo request' "$WORK/all" >"$WORK/ping.out"
grep -F '	10.210.2.2 > 10.210.2.1: ICMP echo reply' "$WORK/all" >"$WORK/ping.in"
echo "ICMP: $(grep -c . "$WORK/ping.out") requests, $(grep -c . "$WORK/ping.in") replies"
[ "$(grep -c ' Out IP ' "$WORK/ping.out")" -eq 3 ] || problem "ping: expected 3 echo requests Out"
[ "$(grep -c ' In IP ' "$WORK/ping.in")" -eq 3 ] || problem "ping: expected 3 echo replies In"
pargs="ping -c 3 -i 0.2 -W 1 10.210.2.2"
expect_owner "$WORK/ping.out" "ICMP echo request" "$ppid_" "/usr/bin/ping" "$pargs"
expect_owner "$WORK/ping.in" "ICMP echo reply" "$ppid_" "/usr/bin/ping" "$pargs"
[ ${#PROBLEMS[@]} -eq 0 ] || fail "${#PROBLEMS[@]} problem(s), see above"
