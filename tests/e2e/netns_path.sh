#!/usr/bin/env bash
# Issue 10, acceptance 1: --netns /run/netns/T1 -i any captures a ping
# between two test namespaces and names the interface NAME@INODE.
set -u
. "$(dirname "$0")/../lib/core.sh"

ip netns add ptd-t1 && CORE_NETNS+=(ptd-t1)
ip netns add ptd-t2 && CORE_NETNS+=(ptd-t2)
ip link add ptdn1 netns ptd-t1 type veth peer name ptdn2 netns ptd-t2 || fail "veth"
ip -n ptd-t1 addr add 10.241.0.1/24 dev ptdn1
ip -n ptd-t2 addr add 10.241.0.2/24 dev ptdn2
ip -n ptd-t1 link set ptdn1 up
ip -n ptd-t2 link set ptdn2 up
ino=$(stat -L -c %i /run/netns/ptd-t1)

ptd_start cap --netns /run/netns/ptd-t1 -i any icmp
ip netns exec ptd-t2 ping -c 2 -i 0.2 -W 1 10.241.0.1 >/dev/null || fail "ping"
sleep 0.3
ptd_stop "$PTD_PID" || fail "exit status $?"
cat "$WORK/cap.out"
grep -Eq "^[0-9:.]+ ptdn1@$ino (ping\.[0-9]+ )?In IP 10.241.0.2 > 10.241.0.1: ICMP echo request" "$WORK/cap.out" ||
	fail "no request on ptdn1@$ino"
grep -Eq "^[0-9:.]+ ptdn1@$ino (ping\.[0-9]+ )?Out IP 10.241.0.1 > 10.241.0.2: ICMP echo reply" "$WORK/cap.out" ||
	fail "no reply on ptdn1@$ino"
grep -v "@$ino " "$WORK/cap.out" | grep -q . && fail "packets from other namespaces"
ok "captured in ptd-t1 only, as ptdn1@$ino"

# by NAME, into pcapng: its own interface block with the namespace comment
ptd_start cap2 --netns ptd-t1 -w "$WORK/f.pcapng" icmp
ip netns exec ptd-t2 ping -c 1 -W 1 10.241.0.1 >/dev/null || fail "ping"
sleep 0.3
ptd_stop "$PTD_PID" || fail "exit status $?"
tshark -r "$WORK/f.pcapng" -T fields -e frame.interface_name 2>/dev/null | grep -qx "ptdn1@$ino" || fail "interface name in pcapng"
capinfos "$WORK/f.pcapng" 2>/dev/null | grep -q "netNsInode: $ino" || fail "IDB comment: $(capinfos "$WORK/f.pcapng" 2>&1 | grep -i comment)"
ok "pcapng interface block carries netNsInode $ino"
