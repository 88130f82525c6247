#!/usr/bin/env bash
# Issue 2, acceptance 2: with -i any, traffic from a netns to the host is
# captured on the host end of the veth as In, the replies as Out.
set -u
. "$(dirname "$0")/../lib/core.sh"

netns_pair ptd-dir ptdv-dir 10.201.1.1 10.201.1.2
ptd_start cap -i any -n 'host 10.201.1.2 and icmp'
ip netns exec ptd-dir ping -c 3 -i 0.2 -W 1 10.201.1.1 >/dev/null || fail "ping failed"
sleep 0.3
ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
cat "$WORK/cap.out"
grep -Eq 'ptdv-dir (ping\.[0-9]+ )?In IP 10.201.1.2 > 10.201.1.1: ICMP echo request' "$WORK/cap.out" || fail "no In echo request on ptdv-dir"
grep -Eq 'ptdv-dir (ping\.[0-9]+ )?Out IP 10.201.1.1 > 10.201.1.2: ICMP echo reply' "$WORK/cap.out" || fail "no Out echo reply on ptdv-dir"
[ "$(grep -Ec 'ptdv-dir (ping\.[0-9]+ )?In IP 10.201.1.2 > 10.201.1.1: ICMP echo request' "$WORK/cap.out")" -eq 3 ] || fail "expected 3 requests"
ok "requests In, replies Out on the host end"
