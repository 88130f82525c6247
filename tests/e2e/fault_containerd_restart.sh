#!/usr/bin/env bash
# Issue 8, fault: containerd stopped and restarted during a capture.
# A private containerd (own socket, root and state dirs, CRI disabled),
#   ptcpdump -i ptdv-cr -v --containerd-address PRIVATE --docker-address /nonexistent
# while a netns peer pings the host every 0.2 s.  Containers (ctr run --rm
# --rootfs, host network, label nerdctl/name) wget the peer (no listener: a SYN
# and a RST).
#  - before the stop: the container's packets carry its Container line;
#  - containerd stopped for 3 s, then started again: the capture goes on
#    (every ping of the background ping is printed, no gap), ptcpdump does
#    not exit;
#  - a container started after the restart gets its Container line (id, name)
#    once ptcpdump has reconnected: it connects 8 times over 8 s, the first
#    attributed SYN and its delay after the restart are printed.
set -u
. "$(dirname "$0")/../lib/core.sh"
. "$(dirname "$0")/../lib/env.sh" # _ptd_build_rootfs only (core.sh owns the trap)
command -v containerd >/dev/null && command -v ctr >/dev/null || skip "missing containerd/ctr"

. "$(dirname "$0")/../lib/privctrd.sh"
trap 'pc_down; core_cleanup' EXIT

pc_up
_ptd_build_rootfs "$PC/rootfs" >/dev/null 2>&1 || fail "cannot build a rootfs"

netns_pair ptd-cr ptdv-cr 10.250.40.1 10.250.40.2
# run_ctr NAME ID N : a container in the host network that connects to the
# peer N times, once a second
run_ctr() {
	timeout 60 ctr --address "$PC/ctrd.sock" -n "$PC_NS" run --rm --net-host --label "nerdctl/name=$1" \
		--rootfs "$PC/rootfs" "$2" /usr/bin/sh -c \
		"for i in $(seq -s " " "$3"); do sleep 1; /usr/bin/wget -T 2 -t 1 -q -O /dev/null http://10.250.40.2:8080/; done; exit 0" \
		>>"$WORK/ctr.log" 2>&1 || fail "ctr run $1: $(tail -3 "$WORK/ctr.log")"
}

ptd_start cap -i ptdv-cr -v --containerd-address "$PC/ctrd.sock" --docker-address /nonexistent/docker.sock \
	'icmp or tcp port 8080'
ip netns exec ptd-cr ping -i 0.2 -W 1 10.250.40.1 >/dev/null 2>&1 &
ping_pid=$!
CORE_PIDS+=("$ping_pid")

id1=$(ptd_hex_id)
id2=$(ptd_hex_id)
run_ctr ptd-cr-before "$id1" 1
ok "container 1 ran before the stop"

pc_stop
t_stop=$(date +%s.%N)
sleep 3
kill -0 "$PTD_PID" 2>/dev/null || { cat "$WORK/cap.err"; fail "ptcpdump ended when containerd stopped"; }
pc_start
t_start=$(date +%s.%N)
t_start_clock=$(date +%H:%M:%S.%N)
ok "containerd stopped for $(echo "$t_start - $t_stop" | bc) s and started again"
# ptcpdump reconnects with a backoff (100 ms doubling up to 5 s): the
# container connects 8 times over 8 s; some of its SYNs must be attributed.
run_ctr ptd-cr-after "$id2" 8
ok "container 2 ran after the restart"
sleep 0.5
kill -INT "$ping_pid"
wait "$ping_pid" 2>/dev/null
ptd_stop "$PTD_PID" INT || fail "exit status $? after SIGINT"
cat "$WORK/cap.err"

out=$WORK/cap.out
ptd_blocks "$out" >"$WORK/blocks"
# the capture went on through the outage: every echo request, seqs contiguous
python3 - "$WORK/blocks" <<'PY' || fail "the background ping has gaps in the capture"
import re, sys
seqs = [int(m.group(1)) for l in open(sys.argv[1])
        for m in [re.search(r"10\.250\.40\.2 > 10\.250\.40\.1: ICMP echo request, id \d+, seq (\d+)", l)] if m]
print("background ping: %d requests, seq %s..%s" % (len(seqs), seqs[:1], seqs[-1:]))
sys.exit(0 if seqs and seqs == list(range(seqs[0], seqs[0] + len(seqs))) and len(seqs) >= 30 else 1)
PY
ok "capture went on during the outage"

for n in 1 2; do
	eval "id=\$id$n"
	[ "$n" = 1 ] && name=ptd-cr-before || name=ptd-cr-after
	grep -q "10.250.40.1.[0-9]* > 10.250.40.2.8080: Flags \[S\]" "$WORK/blocks" || fail "no SYN to the peer captured"
	if ! grep "> 10.250.40.2.8080: Flags \[S\]" "$WORK/blocks" | grep -q "Container (name $name, id $id"; then
		grep "> 10.250.40.2.8080: Flags \[S\]" "$WORK/blocks" | head -3
		[ "$n" = 1 ] && fail "container 1 (before the stop): its SYN has no Container line (name $name, id $id)"
		fail "container 2 (after the restart): its SYN has no Container line (name $name, id $id): metadata did not resume"
	fi
	first=$(grep "> 10.250.40.2.8080: Flags \[S\]" "$WORK/blocks" | grep -m1 "Container (name $name, id $id" | cut -d' ' -f1)
	ok "container $n ($name) has its Container line (first at $first; containerd back at $t_start_clock)"
done
