#!/usr/bin/env bash
# Issue 2, acceptance 4: a filter that matches nothing copies nothing, and
# the kernel-side counter shows the packets were seen and rejected there.
set -u
. "$(dirname "$0")/../lib/core.sh"

ptd_start cap -i lo 'udp port 1 and host 203.0.113.77'
for i in $(seq 20); do echo "x$i" | socat - UDP:127.0.0.1:47011 2>/dev/null; done
sleep 0.3
ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
cat "$WORK/cap.err"
[ -s "$WORK/cap.out" ] && fail "printed packets: $(head "$WORK/cap.out")"
grep -q '^0 packets captured$' "$WORK/cap.err" || fail "captured is not 0"
grep -q '^0 packets received by filter$' "$WORK/cap.err" || fail "received by filter is not 0"
seen=$(sed -n 's/^\([0-9]*\) packets rejected by the filter in the kernel$/\1/p' "$WORK/cap.err")
[ -n "$seen" ] && [ "$seen" -ge 20 ] || fail "kernel filter rejected $seen packets, expected >= 20"
grep -q '^0 packets dropped by kernel$' "$WORK/cap.err" || fail "drops reported"
ok "0 captured, $seen seen and rejected in the kernel"
