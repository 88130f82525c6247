#!/usr/bin/env bash
# Issue 2, acceptance 3: an interface created 2 s after the start is captured.
set -u
. "$(dirname "$0")/../lib/core.sh"

ptd_start cap -i any -n 'host 10.202.1.2 and icmp'
sleep 2
netns_pair ptd-new ptdv-new 10.202.1.1 10.202.1.2
ip netns exec ptd-new ping -c 2 -i 0.2 -W 1 10.202.1.1 >/dev/null || fail "ping failed"
sleep 0.3
ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
cat "$WORK/cap.out"
grep -Eq 'ptdv-new (ping\.[0-9]+ )?In IP 10.202.1.2 > 10.202.1.1: ICMP echo request' "$WORK/cap.out" || fail "new interface not captured"
ok "new veth captured"
