#!/usr/bin/env bash
# Issue 10, acceptance 2: --netns newly captures traffic in a namespace
# created 1 s after the start, and nothing from namespaces that existed.
set -u
. "$(dirname "$0")/../lib/core.sh"

ip netns add ptd-old && CORE_NETNS+=(ptd-old)
ip -n ptd-old link set lo up
ptd_start cap --netns newly -i any icmp
sleep 1
ip netns add ptd-new && CORE_NETNS+=(ptd-new)
ip -n ptd-new link set lo up
sleep 0.5
ip netns exec ptd-new ping -c 3 -i 0.2 -W 1 127.0.0.1 >/dev/null || fail "ping in ptd-new"
ip netns exec ptd-old ping -c 3 -i 0.2 -W 1 127.0.0.1 >/dev/null || fail "ping in ptd-old"
ping -c 2 -i 0.2 -W 1 127.0.0.1 >/dev/null
sleep 0.3
ptd_stop "$PTD_PID" || fail "exit status $?"
cat "$WORK/cap.out"
new=$(stat -L -c %i /run/netns/ptd-new)
old=$(stat -L -c %i /run/netns/ptd-old)
grep -q "lo@$new .*ICMP echo request" "$WORK/cap.out" || fail "nothing from the new namespace"
grep -q "@$old " "$WORK/cap.out" && fail "captured the old namespace"
grep -Eq '^[0-9:.]+ lo ' "$WORK/cap.out" && fail "captured our own namespace"
ok "new namespace captured, older ones not"
