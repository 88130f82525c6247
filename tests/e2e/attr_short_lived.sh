#!/usr/bin/env bash
# Issue 4, acceptance 7: processes that exit right after their last packet.
# 1000 runs of a tiny C client (compiled here) that sends 2 UDP datagrams
# from its own source port (20000+i) and exits at once: >= 99.9% of the 2000
# packets must carry that run's pid (and its cmd and args).
set -u
. "$(dirname "$0")/../lib/core.sh"
. "$(dirname "$0")/../lib/attr.sh"

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
