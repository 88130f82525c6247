#!/usr/bin/env bash
# Text into a pipe (`ptcpdump ... | tee LOG`, `| grep`) reaches the reader
# while the capture runs, as the Go ptcpdump's does, without -l: each read
# of the ring ends with a flush.  Before, it sat in stdio's buffer until
# 4 KiB had gathered or the capture ended, so a reader that was stopped
# first (the Go tool's own test_tun.sh kills its tee, then the capture)
# never got it.  Also with --print beside -w.
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v socat >/dev/null || skip "no socat"

PORT=47063
run() { # NAME FLAGS...
	local name=$1 pid cpid i n=0
	shift
	mkfifo "$WORK/$name.fifo"
	"$PTCPDUMP" -i lo "$@" "udp port $PORT" >"$WORK/$name.fifo" 2>"$WORK/$name.err" &
	pid=$!
	CORE_PIDS+=("$pid")
	cat <"$WORK/$name.fifo" >"$WORK/$name.out" &
	cpid=$!
	CORE_PIDS+=("$cpid")
	for _ in $(seq 100); do
		grep -q '^capturing on' "$WORK/$name.err" && break
		kill -0 "$pid" 2>/dev/null || fail "$name: ptcpdump exited early: $(cat "$WORK/$name.err")"
		sleep 0.05
	done
	for i in 1 2 3; do
		echo "datagram $i" | socat -u - "UDP:127.0.0.1:$PORT" 2>/dev/null
	done
	# the three lines (~100 bytes each) reach cat within 3 s
	for _ in $(seq 30); do
		n=$(grep -c " > 127.0.0.1.$PORT: UDP, length 11" "$WORK/$name.out")
		[ "$n" -eq 3 ] && break
		sleep 0.1
	done
	[ "$n" -eq 3 ] || fail "$name: $n of 3 lines in the pipe while capturing: $(cat "$WORK/$name.out")"
	kill -0 "$pid" 2>/dev/null || fail "$name: ptcpdump is no longer capturing"
	# the reader goes first, then the capture: what it had stays
	kill "$cpid"
	wait "$cpid" 2>/dev/null
	ptd_stop "$pid" TERM
	[ "$(grep -c " > 127.0.0.1.$PORT: UDP" "$WORK/$name.out")" -eq 3 ] || fail "$name: lines lost"
	ok "$name: the text is in the pipe while the capture runs"
}
run plain
run print --print -w "$WORK/p.pcapng"
[ "$(tcpdump -nn -r "$WORK/p.pcapng" 2>/dev/null | grep -c "127.0.0.1.$PORT: UDP")" -eq 3 ] ||
	fail "--print -w: the file lacks the datagrams"
ok "--print -w: the file has them too"
