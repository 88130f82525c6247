#!/usr/bin/env bash
# Issue 4, acceptance 7: processes that exit right after their last packet.
# 1000 runs of a tiny C client (compiled here) that sends 2 UDP datagrams
# from its own source port (20000+i) and exits at once: >= 99.9% of the 2000
# packets must carry that run's pid (and its cmd and args).
set -u
. "$(dirname "$0")/../lib/core.sh"
# --- -v output, parsed in blocks (shared by the attr_* tests) ---------------
# blocks FILE: one line per packet: HEADER<TAB>PROTOCOL TEXT<TAB>PROCESS
# where PROCESS is "pid N|cmd C|args A" or "-" when there is no Process line.
blocks() {
	awk '
	function out() { if (h != "") print h "\t" p "\t" pr }
	/^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]+ / { out(); h = $0; p = ""; pr = "-"; next }
	/^    Process \(pid [0-9]+, cmd .*, args .*\)$/ {
		s = substr($0, 18)
		pid = s; sub(/,.*/, "", pid)
		cmd = s; sub(/^[0-9]+, cmd /, "", cmd); sub(/, args .*/, "", cmd)
		args = s; sub(/^[0-9]+, cmd .*, args /, "", args); sub(/\)$/, "", args)
		pr = "pid " pid "|cmd " cmd "|args " args
		next
	}
	/^    Process / { pr = "unparsed " substr($0, 5); next }
	/^    (Thread|User|ParentProc|Container|Pod) \(/ { next }
	/^    / { sub(/^ +/, ""); p = p (p == "" ? "" : " ") $0; next }
	END { out() }' "$1"
}
PROBLEMS=()
problem() { echo "PROBLEM: $*" >&2; PROBLEMS+=("$*"); }
# expect_owner BLOCKS WHAT PID CMDS ARGS: every packet line of BLOCKS carries
# Process (pid PID, cmd C, args ARGS) with C one of the space-separated CMDS.
expect_owner() {
	local f=$1 what=$2 pid=$3 cmds=$4 args=$5 n bad
	n=$(grep -c . "$f")
	bad=$(awk -F'\t' -v pid="$pid" -v cmds=" $cmds " -v args="$args" '{
		split($3, a, "|")
		if (a[1] != "pid " pid || index(cmds, " " substr(a[2], 5) " ") == 0 || a[3] != "args " args)
			print "  " $1 " | " $2 " | process: " $3
	}' "$f")
	if [ -n "$bad" ]; then
		problem "$what: $(grep -c . <<<"$bad") of $n packets not attributed to pid $pid ($cmds, args $args), e.g.:
$(head -n 4 <<<"$bad" | cut -c1-400)"
		return 1
	fi
	ok "$what: all $n packets carry pid $pid, cmd $cmds, args $args"
}
# Helper processes (servers, loops) get SIGTERM at exit: background jobs of a
# script ignore the SIGINT that core_cleanup sends first.
ATTR_PIDS=()
attr_cleanup() {
	local p
	for p in "${ATTR_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
	for p in "${ATTR_PIDS[@]}"; do
		for _ in $(seq 30); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	core_cleanup
}
trap attr_cleanup EXIT
# ---------------------------------------------------------------------------

command -v cc >/dev/null || skip "no C compiler"
RUNS=${ATTR_RUNS:-1000}
NS=ptd-ashl
netns_pair $NS ptdv-ashl 10.210.7.1 10.210.7.2
ip route get 10.210.7.2 | grep -q 'dev ptdv-ashl' || fail "10.210.7.2 not routed via ptdv-ashl"
cat >"$WORK/udpc.c" <<'CEOF'
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>
int main(int argc, char **argv)
{
	struct sockaddr_in src = { .sin_family = AF_INET }, dst = { .sin_family = AF_INET };
	int s, one = 1;

	if (argc != 4)
		return 2;
	src.sin_port = htons(atoi(argv[3]));
	dst.sin_port = htons(atoi(argv[2]));
	if (inet_pton(AF_INET, argv[1], &dst.sin_addr) != 1)
		return 2;
	s = socket(AF_INET, SOCK_DGRAM, 0);
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (s < 0 || bind(s, (void *)&src, sizeof(src)) < 0)
		return 1;
	if (sendto(s, "ptd-1", 5, 0, (void *)&dst, sizeof(dst)) != 5 ||
	    sendto(s, "ptd-2", 5, 0, (void *)&dst, sizeof(dst)) != 5)
		return 1;
	_exit(0); /* right after the last packet */
}
CEOF
cc -O2 -o "$WORK/udpc" "$WORK/udpc.c" || fail "cc failed"
ip netns exec $NS socat -u UDP-RECV:9999,bind=10.210.7.2 /dev/null &
ATTR_PIDS+=($!)

ptd_start cap -i ptdv-ashl -v 'udp and dst port 9999'
t0=$(date +%s)
for ((i = 0; i < RUNS; i++)); do
	"$WORK/udpc" 10.210.7.2 9999 $((20000 + i)) &
	echo "$((20000 + i)) $!" >>"$WORK/pids"
	wait $! || echo "run $i failed" >&2
done
echo "$RUNS runs in $(($(date +%s) - t0)) s"
sleep 1
ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
cat "$WORK/cap.err"
blocks "$WORK/cap.out" >"$WORK/all"
# port -> pid of that run; a packet is attributed if its Process line has
# that pid, cmd $WORK/udpc and args "udpc-path 10.210.7.2 9999 PORT"
awk -F'\t' -v runs="$RUNS" -v exe="$WORK/udpc" '
	FILENAME == ARGV[1] { split($0, f, " "); pid[f[1]] = f[2]; next }
	{
		if (!match($2, /^10\.210\.7\.1\.[0-9]+ > /)) next
		port = substr($2, 12, RLENGTH - 14)
		total++
		split($3, a, "|")
		if ($3 == "-") { nop++; if (nop <= 5) print "no Process line: " $1 " | " $2 > "/dev/stderr" }
		else if (a[1] != "pid " pid[port]) { wrong++; if (wrong <= 5) print "port " port " pid " pid[port] ", got " $3 > "/dev/stderr" }
		else if (a[2] != "cmd " exe || a[3] != "args " exe " 10.210.7.2 9999 " port) { nocmd++; if (nocmd <= 5) print "port " port " pid right, got " $3 > "/dev/stderr" }
		else good++
	}
	END {
		want = 2 * runs
		printf "captured %d/%d; no Process line %d, wrong pid %d, right pid but wrong cmd/args %d\n", total, want, nop, wrong, nocmd
		printf "attributed %d/%d = %.2f%%\n", good, want, 100.0 * good / want
		exit !(good * 1000 >= want * 999)
	}' "$WORK/pids" "$WORK/all" || fail "fewer than 99.9% of the packets attributed to the right process"
