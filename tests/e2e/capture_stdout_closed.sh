#!/usr/bin/env bash
# The reader of ptcpdump's text goes away (`ptcpdump ... | head -2`): the
# capture ends at its next write, as tcpdump's does, with -l (each packet
# flushed) and without (each read of the ring flushed).  It used to keep capturing with
# -l, every flush failing unnoticed.  "-w - | head -c" too, and without
# an error line about the broken pipe (tcpdump dies of SIGPIPE silently).
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v socat >/dev/null || skip "no socat"

PORT=47061
run() { # NAME HEAD-ARG FLAGS...: ptcpdump FLAGS | head HEAD-ARG, traffic until it exits
	local name=$1 harg=$2 pid hpid
	shift 2
	mkfifo "$WORK/$name.fifo"
	"$PTCPDUMP" -i lo "$@" "udp port $PORT" >"$WORK/$name.fifo" 2>"$WORK/$name.err" &
	pid=$!
	CORE_PIDS+=("$pid")
	head "$harg" <"$WORK/$name.fifo" >"$WORK/$name.head" &
	hpid=$!
	for _ in $(seq 100); do
		grep -q '^capturing on' "$WORK/$name.err" && break
		kill -0 "$pid" 2>/dev/null || fail "$name: ptcpdump exited early: $(cat "$WORK/$name.err")"
		sleep 0.05
	done
	# enough lines to fill a stdio buffer after head has gone
	for i in $(seq 400); do
		echo "datagram $i" | socat -u - "UDP:127.0.0.1:$PORT" 2>/dev/null
		kill -0 "$pid" 2>/dev/null || break
	done
	wait "$hpid"
	ptd_wait "$pid" 10
	[ $? -ne 124 ] || fail "$name: ptcpdump still capturing 10 s after its reader left"
	case $harg in
	-2) [ "$(wc -l <"$WORK/$name.head")" -eq 2 ] || fail "$name: head got: $(cat "$WORK/$name.head")" ;;
	*) [ "$(stat -c %s "$WORK/$name.head")" -eq "${harg#-c}" ] || fail "$name: head got $(stat -c %s "$WORK/$name.head") bytes" ;;
	esac
	grep -q 'packets captured' "$WORK/$name.err" || fail "$name: no summary: $(cat "$WORK/$name.err")"
	grep -i -E 'error|fail|broken pipe' "$WORK/$name.err" && fail "$name: a broken pipe is not an error to report"
	ok "$name: exits once the reader has gone, summary printed"
}
run flushed -2 -l
run buffered -2
run pcapng-stdout -c300 -w -
