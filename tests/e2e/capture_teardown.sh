#!/usr/bin/env bash
# Issue 2, acceptance 5: after SIGINT, and after SIGKILL followed by a new
# start, nothing of ours stays attached; same with the clsact fallback,
# whose filters a SIGKILLed run's child (ptcpdump-reap) removes at once.
# Two runs side by side on clsact leave no qdisc either, and a clsact
# qdisc that was there before (somebody else's) stays, however runs end.
set -u
. "$(dirname "$0")/../lib/core.sh"

netns_pair ptd-td ptdv-td 10.203.1.1 10.203.1.2
hooks() { # our filters on ptdv-td, tcx links or cls_bpf
	{
		tc filter show dev ptdv-td ingress
		tc filter show dev ptdv-td egress
	} 2>/dev/null | grep -c 'ptd_' || true
}
clsacts() { tc qdisc show 2>/dev/null | grep -c clsact || true; }
base_clsact=$(clsacts)
# tcx links (type 11) whose program is one of ours (ptd_*)
links() {
	python3 - <<'PY'
import json, subprocess
progs = {p["id"]: p for p in json.loads(subprocess.run(["bpftool", "-j", "prog", "show"], capture_output=True, text=True).stdout or "[]")}
links = json.loads(subprocess.run(["bpftool", "-j", "link", "show"], capture_output=True, text=True).stdout or "[]")
print(sum(1 for l in links if l.get("type") in (11, "tcx") and progs.get(l.get("prog_id"), {}).get("name", "").startswith("ptd_")))
PY
}
base_links=$(links)

for backend in tcx tc; do
	ptd_start cap -i any --backend "$backend" icmp
	[ "$(ptd_progs)" -gt 0 ] || fail "$backend: no programs loaded while running"
	if [ "$backend" = tc ]; then
		[ "$(hooks)" -gt 0 ] || fail "tc: no cls_bpf filter while running"
	else
		[ "$(links)" -gt "$base_links" ] || fail "tcx: no links while running"
	fi
	ptd_stop "$PTD_PID" INT || fail "$backend: exit status $? after SIGINT"
	wait_no_progs || fail "$backend: programs left after SIGINT: $(bpftool prog show | grep ptd_)"
	[ "$(hooks)" -eq 0 ] || fail "$backend: filters left after SIGINT"
	[ "$(links)" -eq "$base_links" ] || fail "$backend: tcx links left after SIGINT"
	[ "$(clsacts)" -eq "$base_clsact" ] || fail "$backend: clsact qdiscs left after SIGINT"
	ok "$backend: clean after SIGINT"

	if [ "$backend" = tc ]; then
		# the capture's child (ptcpdump-reap) removes the filters of a
		# killed run at once, without a new start
		ptd_start capk -i any --backend tc icmp
		reaper=$(pgrep -P "$PTD_PID" -x ptcpdump-reap) || fail "tc: no ptcpdump-reap child"
		kill -KILL "$PTD_PID"
		wait "$PTD_PID" 2>/dev/null
		for _ in $(seq 30); do
			[ "$(hooks)" -eq 0 ] && [ "$(clsacts)" -eq "$base_clsact" ] &&
				! kill -0 "$reaper" 2>/dev/null && break
			sleep 0.1
		done
		! kill -0 "$reaper" 2>/dev/null || fail "tc: ptcpdump-reap still running 3 s after the capture died"
		[ "$(hooks)" -eq 0 ] || fail "tc: filters left 3 s after SIGKILL: $(tc filter show dev ptdv-td ingress)"
		[ "$(clsacts)" -eq "$base_clsact" ] || fail "tc: clsact qdiscs left 3 s after SIGKILL"
		wait_no_progs || fail "tc: programs left after SIGKILL: $(bpftool prog show | grep ptd_)"
		ok "tc: a SIGKILLed run's filters removed by its reaper"
	fi
	# both killed (the reaper first): the next start cleans up
	ptd_start cap2 -i any --backend "$backend" icmp
	reaper=$(pgrep -P "$PTD_PID" -x ptcpdump-reap) || fail "$backend: no ptcpdump-reap child"
	kill -KILL "$reaper" "$PTD_PID"
	wait "$PTD_PID" 2>/dev/null
	if [ "$backend" = tc ]; then
		[ "$(hooks)" -gt 0 ] || fail "tc: no filter left by a run killed with its reaper (what does the next start clean?)"
	fi
	ptd_start cap3 -i any --backend "$backend" icmp
	ip netns exec ptd-td ping -c 1 -W 1 10.203.1.1 >/dev/null || fail "ping"
	sleep 0.3
	ptd_stop "$PTD_PID" INT || fail "$backend: new run failed after SIGKILL"
	grep -q 'ICMP echo request' "$WORK/cap3.out" || fail "$backend: new run captured nothing"
	wait_no_progs || fail "$backend: programs left after SIGKILL + restart"
	[ "$(hooks)" -eq 0 ] || fail "$backend: filters left after SIGKILL + restart: $(tc filter show dev ptdv-td ingress)"
	[ "$(links)" -eq "$base_links" ] || fail "$backend: tcx links left after SIGKILL + restart"
	ok "$backend: clean after SIGKILL and a new start"
done

# two runs side by side on clsact: the first one made the qdisc, and the
# last one to leave removes it, whichever order they stop in (each used
# to leave it to the other)
for first in A B; do
	ptd_start runA -i ptdv-td --backend tc icmp
	pidA=$PTD_PID
	ptd_start runB -i ptdv-td --backend tc icmp
	pidB=$PTD_PID
	[ "$(hooks)" -ge 2 ] || fail "two runs: fewer than two filters: $(tc filter show dev ptdv-td ingress)"
	if [ "$first" = A ]; then order=("$pidA" "$pidB"); else order=("$pidB" "$pidA"); fi
	ptd_stop "${order[0]}" INT || fail "two runs: exit status $? of the first to stop"
	tc qdisc show dev ptdv-td | grep -q clsact || fail "two runs: the qdisc went while the other run still uses it"
	ptd_stop "${order[1]}" INT || fail "two runs: exit status $? of the second to stop"
	[ "$(hooks)" -eq 0 ] || fail "two runs: filters left"
	! tc qdisc show dev ptdv-td | grep -q clsact || fail "two runs, run $first stopped first: the clsact qdisc is left behind"
	ok "two runs on clsact, run $first stopped first: no qdisc left"
done

# somebody else's clsact qdisc, empty: our filters come and go and the
# qdisc stays, however our runs end (a killed run's reaper and the next
# start's clean-up used to remove it once it was empty)
has_clsact() { tc qdisc show dev ptdv-td | grep -q clsact; }
reaped() { # reaped PID REAPER: its filters gone and the reaper ended
	for _ in $(seq 30); do
		[ "$(hooks)" -eq 0 ] && ! kill -0 "$2" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}
tc qdisc add dev ptdv-td clsact || fail "cannot add a clsact qdisc of the test's own"
ptd_start u1 -i ptdv-td --backend tc icmp
[ "$(hooks)" -ge 1 ] || fail "foreign qdisc: no filter of ours while running"
ptd_stop "$PTD_PID" INT || fail "foreign qdisc: exit status $? after SIGINT"
has_clsact || fail "foreign qdisc: removed by a run at SIGINT"
ptd_start u2 -i ptdv-td --backend tc icmp
reaper=$(pgrep -P "$PTD_PID" -x ptcpdump-reap) || fail "foreign qdisc: no ptcpdump-reap child"
kill -KILL "$PTD_PID"
wait "$PTD_PID" 2>/dev/null
reaped "$PTD_PID" "$reaper" || fail "foreign qdisc: a killed run's filters not reaped: $(tc filter show dev ptdv-td ingress)"
has_clsact || fail "foreign qdisc: removed by a killed run's reaper"
ptd_start u3 -i ptdv-td --backend tc icmp
reaper=$(pgrep -P "$PTD_PID" -x ptcpdump-reap) || fail "foreign qdisc: no ptcpdump-reap child"
kill -KILL "$reaper" "$PTD_PID"
wait "$PTD_PID" 2>/dev/null
[ "$(hooks)" -gt 0 ] || fail "foreign qdisc: no filter left by a run killed with its reaper"
ptd_start u4 -i ptdv-td --backend tc icmp
ptd_stop "$PTD_PID" INT || fail "foreign qdisc: exit status $? of the run after a kill"
[ "$(hooks)" -eq 0 ] || fail "foreign qdisc: filters left after a kill and a new start"
has_clsact || fail "foreign qdisc: removed by the clean-up of a new start"
ptd_start u5 -i ptdv-td --backend tc icmp
pidA=$PTD_PID
ptd_start u6 -i ptdv-td --backend tc icmp
ptd_stop "$pidA" INT || fail "foreign qdisc: exit status $? of the first of two runs"
ptd_stop "$PTD_PID" INT || fail "foreign qdisc: exit status $? of the second of two runs"
[ "$(hooks)" -eq 0 ] || fail "foreign qdisc: filters left by two runs"
has_clsact || fail "foreign qdisc: removed by two runs side by side"
tc qdisc del dev ptdv-td clsact
ok "a clsact qdisc that was there before stays, with none of our filters"
