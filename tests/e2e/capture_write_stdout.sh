#!/usr/bin/env bash
# Issue 2, acceptance 7: -w - piped into tcpdump -nn -r - works, packet by
# packet (each is flushed at once).
set -u
. "$(dirname "$0")/../lib/core.sh"

# the pipe is a fifo so that both ends have a PID of their own to wait for
# and to clean up
mkfifo "$WORK/pipe"
tcpdump -nn -r - <"$WORK/pipe" >"$WORK/td.out" 2>"$WORK/td.err" &
td_pid=$!
CORE_PIDS+=("$td_pid")
"$PTCPDUMP" -i lo -c 4 -w - 'udp port 47021' 2>"$WORK/cap.err" >"$WORK/pipe" &
ptd_pid=$!
CORE_PIDS+=("$ptd_pid")
for _ in $(seq ${PTD_START_TICKS:-100}); do
	grep -q '^capturing on' "$WORK/cap.err" && break
	kill -0 $ptd_pid 2>/dev/null || break
	sleep 0.05
done
grep -q '^capturing on' "$WORK/cap.err" || fail "ptcpdump did not start: $(cat "$WORK/cap.err")"
for i in 1 2 3 4; do echo "p$i" | socat - UDP:127.0.0.1:47021 2>/dev/null; done
for _ in $(seq 200); do kill -0 $td_pid 2>/dev/null || break; sleep 0.1; done
kill -0 $ptd_pid 2>/dev/null && fail "ptcpdump -c 4 did not exit after 4 packets"
kill -0 $td_pid 2>/dev/null && fail "tcpdump -r - did not finish"
wait $ptd_pid || fail "ptcpdump exit status $?"
cat "$WORK/td.out"
[ "$(grep -c '> 127.0.0.1.47021: UDP, length 3' "$WORK/td.out")" -eq 4 ] || fail "tcpdump -r - got: $(cat "$WORK/td.out" "$WORK/td.err")"
ok "tcpdump reads the stream"
