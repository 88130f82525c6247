#!/usr/bin/env bash
# Issue 2, acceptance 7: -w - piped into tcpdump -nn -r - works, packet by
# packet (each is flushed at once).
set -u
. "$(dirname "$0")/../lib/core.sh"

"$PTCPDUMP" -i lo -c 4 -w - 'udp port 47021' 2>"$WORK/cap.err" | tcpdump -nn -r - >"$WORK/td.out" 2>"$WORK/td.err" &
pipe_pid=$!
for _ in $(seq 50); do grep -q '^capturing on' "$WORK/cap.err" && break; sleep 0.1; done
for i in 1 2 3 4; do echo "p$i" | socat - UDP:127.0.0.1:47021 2>/dev/null; done
for _ in $(seq 100); do kill -0 $pipe_pid 2>/dev/null || break; sleep 0.1; done
kill -0 $pipe_pid 2>/dev/null && fail "pipeline did not finish"
cat "$WORK/td.out"
[ "$(grep -c '> 127.0.0.1.47021: UDP, length 3' "$WORK/td.out")" -eq 4 ] || fail "tcpdump -r - got: $(cat "$WORK/td.out" "$WORK/td.err")"
ok "tcpdump reads the stream"
