#!/usr/bin/env bash
# Issue 4, acceptance 6: packets the kernel sends on its own get no Process
# line: TCP RSTs from closed ports (sent by the netns's kernel to a host
# client, and by the host's kernel to a netns client), ARP, IPv6 neighbour
# discovery, ICMP port unreachable (both ways) -- even while an unrelated
# process is busy sending UDP on lo on the same CPU (everything is pinned
# to CPU 0), so that "whoever was running" would be that process.
set -u
. "$(dirname "$0")/../lib/core.sh"
. "$(dirname "$0")/../lib/attr.sh"

PY=/usr/bin/python3
NS=ptd-akrn
netns_pair $NS ptdv-akrn 10.210.6.1 10.210.6.2
ip route get 10.210.6.2 | grep -q 'dev ptdv-akrn' || fail "10.210.6.2 not routed via ptdv-akrn"
TP=9 UP=9999 # closed on both sides
ss -Hltn "sport = :$TP" | grep -q . && skip "tcp port $TP is open on the host"
ss -Hlun "sport = :$UP" | grep -q . && skip "udp port $UP is open on the host"

# the unrelated busy sender, on CPU 0
cat >"$WORK/busy.py" <<'PYEOF'
import socket
r = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
r.bind(("127.0.0.1", 0))
r.setblocking(False)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
dst = r.getsockname()
while True:
    for _ in range(64):
        s.sendto(b"busy", dst)
    try:
        while True:
            r.recv(64)
    except BlockingIOError:
        pass
PYEOF
taskset -c 0 $PY "$WORK/busy.py" &
busy=$!
ATTR_PIDS+=("$busy")

ip neigh flush dev ptdv-akrn
ip -n $NS neigh flush dev eth0
ptd_start cap -i ptdv-akrn -v
C0="taskset -c 0"
# host -> netns closed TCP port: RST from the netns kernel
$C0 bash -c "exec 3<>/dev/tcp/10.210.6.2/$TP" 2>/dev/null &
h_tcp=$!
wait $h_tcp && fail "connect to the closed port 10.210.6.2:$TP succeeded"
# netns -> host closed TCP port: RST from the host kernel
ip netns exec $NS $C0 bash -c "exec 3<>/dev/tcp/10.210.6.1/$TP" 2>/dev/null &
wait $! && fail "connect to the closed port 10.210.6.1:$TP succeeded"
# UDP to closed ports: ICMP port unreachable from each kernel
$C0 bash -c "echo ptd >/dev/udp/10.210.6.2/$UP" &
h_udp=$!
wait $h_udp
ip netns exec $NS $C0 bash -c "echo ptd >/dev/udp/10.210.6.1/$UP"
sleep 1
ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
kill -0 $busy 2>/dev/null || fail "the busy sender died"
cat "$WORK/cap.err"
blocks "$WORK/cap.out" >"$WORK/all"
awk -F'\t' '{ printf "%-12s %s | %s\n", ($1 ~ / In /) ? "In" : "Out", substr($2, 1, 80), substr($3, 1, 40) }' "$WORK/all"

# what must be there
sel() { grep -E "$1" "$WORK/all" >"$WORK/$2"; [ -s "$WORK/$2" ] || problem "no $2 packet captured"; }
sel " In IP .*	10\.210\.6\.2\.$TP > 10\.210\.6\.1\.[0-9]+: Flags \[R\.\]" rst-from-netns
sel " Out IP .*	10\.210\.6\.1\.$TP > 10\.210\.6\.2\.[0-9]+: Flags \[R\.\]" rst-from-host
sel " In IP .*	10\.210\.6\.2 > 10\.210\.6\.1: ICMP 10\.210\.6\.2 udp port $UP unreachable" icmp-from-netns
sel " Out IP .*	10\.210\.6\.1 > 10\.210\.6\.2: ICMP 10\.210\.6\.1 udp port $UP unreachable" icmp-from-host
sel " ARP, " arp
sel " Out IP .*	10\.210\.6\.1\.[0-9]+ > 10\.210\.6\.2\.$TP: Flags \[S\]" host-syn
sel " Out IP .*	10\.210\.6\.1\.[0-9]+ > 10\.210\.6\.2\.$UP: UDP" host-udp
# the host's own clients are attributed (attribution is on)
[ -s "$WORK/host-syn" ] && expect_owner "$WORK/host-syn" "host client's SYN" $h_tcp "/usr/bin/bash /bin/bash" "bash -c exec 3<>/dev/tcp/10.210.6.2/$TP"
[ -s "$WORK/host-udp" ] && expect_owner "$WORK/host-udp" "host client's UDP" $h_udp "/usr/bin/bash /bin/bash" "bash -c echo ptd >/dev/udp/10.210.6.2/$UP"
# the kernel's own packets are not
for f in rst-from-netns rst-from-host icmp-from-netns icmp-from-host arp; do
	[ -s "$WORK/$f" ] || continue
	bad=$(awk -F'\t' '$3 != "-"' "$WORK/$f")
	if [ -n "$bad" ]; then
		problem "$f: $(grep -c . <<<"$bad") of $(grep -c . "$WORK/$f") packets have a Process line:
$(cut -c1-400 <<<"$bad")"
	else
		ok "$f: $(grep -c . "$WORK/$f") packet(s), no Process line"
	fi
done
# IPv6 neighbour discovery / MLD, if any
awk -F'\t' '$1 ~ / IP6 / && $3 != "-"' "$WORK/all" | grep . && problem "IPv6 packets of the kernel with a Process line"
awk -F'\t' -v b="pid $busy|" 'index($3, b) == 1' "$WORK/all" | grep . && problem "packets attributed to the busy sender (pid $busy)"
[ ${#PROBLEMS[@]} -eq 0 ] || fail "${#PROBLEMS[@]} problem(s), see above"
