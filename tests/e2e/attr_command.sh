#!/usr/bin/env bash
# Issue 4, acceptance 4: ptcpdump -i any -v -- wget ...: captures wget's SYN
# with its args, exits by itself shortly after wget exits, and wget's own
# output does not end up in ptcpdump's stdout.
set -u
. "$(dirname "$0")/../lib/core.sh"
. "$(dirname "$0")/../lib/attr.sh"

PY=/usr/bin/python3
NS=ptd-acmd
netns_pair $NS ptdv-acmd 10.210.4.1 10.210.4.2
ip route get 10.210.4.2 | grep -q 'dev ptdv-acmd' || fail "10.210.4.2 not routed via ptdv-acmd"
mkdir -p "$WORK/www"
MARK=ptd-attr-command-body-$$
echo "$MARK" >"$WORK/www/index.html"
ip netns exec $NS $PY -m http.server --directory "$WORK/www" -b 10.210.4.2 80 >/dev/null 2>&1 &
ATTR_PIDS+=($!)
for _ in $(seq 50); do
	curl -s -o /dev/null --max-time 1 http://10.210.4.2/ && break
	sleep 0.1
done

# run NAME WGET-ARGS...: ptcpdump -i any -v -- wget ARGS; sets ELAPSED (ms)
# from wget's exit (its exit event: ptcpdump's child) to ptcpdump's exit.
run() {
	local name=$1 t0 rc
	shift
	t0=$(date +%s%N)
	"$PTCPDUMP" -i any -v -- wget "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
	PTD_PID=$!
	CORE_PIDS+=("$PTD_PID")
	ptd_wait "$PTD_PID" 20
	rc=$?
	ELAPSED=$((($(date +%s%N) - t0) / 1000000))
	[ $rc -ne 124 ] || fail "$name: ptcpdump still running 20 s after starting wget"
	echo "$name: ptcpdump exited with $rc after ${ELAPSED} ms in all"
	cat "$WORK/$name.err"
	return $rc
}

URL=http://10.210.4.2/
run q -T 5 -q -O /dev/null "$URL" || problem "ptcpdump -- wget -q: exit status $?"
blocks "$WORK/q.out" >"$WORK/q.all"
grep -F '	10.210.4.1.' "$WORK/q.all" | grep -F '> 10.210.4.2.80: Flags [S],' >"$WORK/q.syn"
[ "$(grep -c . "$WORK/q.syn")" -eq 1 ] || problem "expected one SYN of wget, got: $(cat "$WORK/q.out")"
wpid=$(awk -F'\t' '{split($3, a, "|"); print substr(a[1], 5)}' "$WORK/q.syn")
[ -n "$wpid" ] || wpid=unknown
expect_owner "$WORK/q.syn" "-- wget: SYN" "$wpid" /usr/bin/wget "wget -T 5 -q -O /dev/null $URL"
grep -q "^    ParentProc (pid $$, " "$WORK/q.out" && problem "wget's parent should be ptcpdump, not the test shell"
# it ends by itself: wget takes a few ms here, so all of it (start, wget,
# linger, exit) must fit well within 5 s
[ "$ELAPSED" -lt 5000 ] || problem "ptcpdump -- wget took ${ELAPSED} ms to exit by itself"
# every packet of the capture is wget's
n=$(grep -c . "$WORK/q.all")
[ "$n" -ge 6 ] || problem "only $n packets captured for -- wget"
grep -F "	10.210.4.2.80 > 10.210.4.1." "$WORK/q.all" | grep -q "Flags \[P\.\], .*length [1-9]" || problem "-- wget: the HTTP response (server -> wget, In) was not captured; captured: $(cut -f 2 "$WORK/q.all" | cut -c1-60)"
expect_owner "$WORK/q.all" "-- wget: every packet" "$wpid" /usr/bin/wget "wget -T 5 -q -O /dev/null $URL"

# wget writing the body to its stdout: not into the packet output
run o -T 5 -O - "$URL" || problem "ptcpdump -- wget -O -: exit status $?"
# (lines that start with a tab are the HTTP text that -v prints, as
# tcpdump does: the body may be there as part of the response)
grep -v $'^\t' "$WORK/o.out" | grep -q "$MARK" && problem "wget's stdout appears in ptcpdump's stdout"
grep -q "$MARK" "$WORK/o.err" || problem "wget's stdout is neither in ptcpdump's stdout nor its stderr"
blocks "$WORK/o.out" >"$WORK/o.all"
grep -v '^[0-9][0-9]:' "$WORK/o.out" | grep -v '^    ' | grep -v $'^\t' | grep . &&
	problem "non-packet lines in ptcpdump's stdout"
grep -q 'Flags \[S\],' "$WORK/o.all" || problem "-- wget -O -: no SYN"
[ ${#PROBLEMS[@]} -eq 0 ] || fail "${#PROBLEMS[@]} problem(s), see above"
