#!/usr/bin/env bash
# Issue 7 (start-up with many containers): with more than 16 interfaces,
# `-i any` attaches clsact filters rather than tcx links (a tcx attachment
# waits for an RCU grace period under rtnl: 200 veths took 4 s each way);
# `--backend tcx` keeps tcx.  Either way every veth is captured and nothing
# is left behind.  Also: a ptcpdump started in the background by a
# non-interactive shell (SIGINT ignored there) still stops on SIGINT, as
# tcpdump does (a blocked signal is never discarded as ignored).
set -u
. "$(dirname "$0")/../lib/core.sh"

N=40
ip netns add ptd-many || fail "ip netns add"
CORE_NETNS+=(ptd-many)
for i in $(seq 1 $N); do
	ip link add "ptdm$i" type veth peer name "p$i" netns ptd-many || fail "veth ptdm$i"
	CORE_LINKS+=("ptdm$i")
	ip link set "ptdm$i" up
	ip -n ptd-many link set "p$i" up
done
ip addr add 10.204.1.1/24 dev "ptdm$N"
ip -n ptd-many addr add 10.204.1.2/24 dev "p$N"

ours() { # interfaces with one of our cls_bpf filters
	local i n=0
	for i in $(seq 1 $N); do
		tc filter show dev "ptdm$i" egress 2>/dev/null | grep -q 'ptd_' && n=$((n + 1))
	done
	echo $n
}
tcx_links() {
	bpftool -j link show 2>/dev/null | python3 -c '
import json, sys
print(sum(1 for l in json.load(sys.stdin) if l.get("type") in (11, "tcx")))'
}
base_links=$(tcx_links)

for backend in auto tcx; do
	ptd_start cap -i any --backend "$backend" -n 'host 10.204.1.2 and icmp'
	if [ "$backend" = auto ]; then
		[ "$(ours)" -eq "$N" ] || fail "auto: clsact filters on $(ours) of $N veths"
	else
		[ "$(ours)" -eq 0 ] || fail "tcx: clsact filters found"
		[ "$(tcx_links)" -ge $((base_links + 2 * N)) ] || fail "tcx: $(tcx_links) tcx links"
	fi
	ip netns exec ptd-many ping -c 2 -i 0.2 -W 1 10.204.1.1 >/dev/null || fail "ping"
	if [ "$backend" = auto ]; then
		# a second run beside the first: each keeps its own filters
		first=$PTD_PID
		ptd_start cap2 -i any -n 'host 10.204.1.2 and icmp'
		ip netns exec ptd-many ping -c 1 -W 1 10.204.1.1 >/dev/null || fail "ping"
		sleep 0.3
		ptd_stop "$PTD_PID" || fail "second run: exit status $?"
		grep -q 'ICMP echo request' "$WORK/cap2.out" || fail "second run captured nothing"
		ip netns exec ptd-many ping -c 1 -W 1 10.204.1.1 >/dev/null || fail "ping"
		PTD_PID=$first
		[ "$(ours)" -eq "$N" ] || fail "the second run's exit took the first one's filters"
	fi
	sleep 0.3
	ptd_stop "$PTD_PID" || fail "$backend: exit status $?"
	if [ "$backend" = auto ]; then
		n=$(grep -c 'ICMP echo request' "$WORK/cap.out")
		[ "$n" -eq 4 ] || { cat "$WORK/cap.out"; fail "first run: $n echo requests, wanted 4 (before, during and after the second run)"; }
		ok "two runs side by side, each with its own filters"
	fi
	grep -Eq "ptdm$N (ping\.[0-9]+ )?In IP 10.204.1.2 > 10.204.1.1: ICMP echo request" "$WORK/cap.out" ||
		{ cat "$WORK/cap.out" "$WORK/cap.err"; fail "$backend: ping over ptdm$N not captured"; }
	wait_no_progs || fail "$backend: programs left"
	[ "$(ours)" -eq 0 ] || fail "$backend: filters left on $(ours) veths"
	[ "$(tcx_links)" -eq "$base_links" ] || fail "$backend: tcx links left"
	ok "$backend: $N veths captured and released"
done

# SIGINT ignored by the shell that started it in the background (as the
# sleep started the same way shows)
bash -c 'sleep 20 & echo $! >"$3"; "$1" -i lo -w /dev/null 2>/dev/null & echo $! >"$2"; wait' \
	_ "$PTCPDUMP" "$WORK/bg.pid" "$WORK/sleep.pid" &
shell=$!
for _ in $(seq 50); do [ -s "$WORK/bg.pid" ] && break; sleep 0.1; done
bg=$(cat "$WORK/bg.pid")
sl=$(cat "$WORK/sleep.pid")
CORE_PIDS+=("$bg" "$sl")
ign=$(awk '/^SigIgn:/{print $2}' "/proc/$sl/status")
[ $((0x$ign & 2)) -ne 0 ] || skip "this shell does not ignore SIGINT in background jobs"
sleep 1
kill -INT "$bg"
for _ in $(seq 50); do kill -0 "$bg" 2>/dev/null || break; sleep 0.1; done
kill -0 "$bg" 2>/dev/null && fail "a background ptcpdump ignored SIGINT"
kill "$sl"
wait "$shell"
ok "SIGINT stops a ptcpdump started in the background"
