#!/usr/bin/env bash
# 802.1Q tags that the kernel holds outside the frame (the receive path
# takes them out; VLAN offload never puts them in) are put back, as
# libpcap puts them back for tcpdump: tagged frames (three VLANs and
# priorities, QinQ) and an untagged one are sent into a veth from its
# netns end, and ptcpdump's text and its pcapng must equal tcpdump's,
# which captures the same device at the same time, with and without an
# expression.  (This kernel has no 8021q module, so the outgoing side,
# where a VLAN device over an offloading one leaves the tag outside, is
# only loaded, not exercised.)
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v tcpdump >/dev/null || skip "tcpdump missing"

NS=ptdvl
netns_pair $NS ptdvl0 10.211.8.1 10.211.8.2
sysctl -qw net.ipv6.conf.ptdvl0.disable_ipv6=1
ip netns exec $NS sysctl -qw net.ipv6.conf.eth0.disable_ipv6=1
GOLDEN=$(cd "$(dirname "$0")/../golden" && pwd)

cat >"$WORK/send.py" <<'PY'
import socket, struct, sys
sys.path.insert(0, sys.argv[1])
from pktgen import ip4, udp, mac
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(('eth0', 0))
me = open('/sys/class/net/eth0/address').read().strip()
dst = mac('02:00:00:00:01:01') + mac(me)
def dgram(sport, data):
    return ip4('10.211.8.2', '10.211.8.1', 17, udp('10.211.8.2', '10.211.8.1', sport, 5000, data))
for vid, prio in ((100, 0), (200, 3), (4094, 7)):
    s.send(dst + struct.pack('!HHH', 0x8100, prio << 13 | vid, 0x0800) + dgram(4000 + vid, b'vlan %d' % vid))
s.send(dst + struct.pack('!HHHHH', 0x88a8, 300, 0x8100, 10, 0x0800) + dgram(4999, b'qinq'))
s.send(dst + struct.pack('!H', 0x0800) + dgram(4001, b'plain'))
PY

# with an expression, the QinQ frame's inner tag is still in the data
# that the filter sees (tcpdump's and ours): 3 tagged frames pass
for run in "4|" "3|udp port 5000"; do
	tagged=${run%%|*}
	expr=${run#*|}
	# shellcheck disable=SC2086
	tcpdump -i ptdvl0 -Q in -nn -w "$WORK/t.pcap" $expr 2>"$WORK/td.err" &
	TD=$!
	CORE_PIDS+=("$TD")
	for _ in $(seq 100); do grep -q listening "$WORK/td.err" && break; sleep 0.05; done
	# shellcheck disable=SC2086
	ptd_start p -i ptdvl0 -Q in -e -l -w "$WORK/p.pcapng" --print $expr
	ip netns exec $NS python3 "$WORK/send.py" "$GOLDEN" || fail "sending the frames"
	sleep 1.3
	ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
	kill -INT "$TD"
	wait "$TD"
	want=$(tcpdump -nn -e -t -r "$WORK/t.pcap" 2>/dev/null)
	n=$(printf '%s\n' "$want" | grep -c 'vlan ')
	[ "$n" -eq "$tagged" ] || fail "tcpdump saw $n tagged frames (expression '$expr'): $want"
	got=$(tcpdump -nn -e -t -r "$WORK/p.pcapng" 2>/dev/null)
	[ "$got" = "$want" ] || fail "pcapng differs from tcpdump's capture (expression '$expr'): $(diff <(echo "$want") <(echo "$got") | head -6)"
	# the text: tcpdump's lines after ptcpdump's interface, process and
	# direction, and before its thread and process context
	txt=$(sed -E -e "s/^[^ ]* ptdvl0 [^ ]* In //" -e "s/, (Thread|ParentProc) \[.*$//" "$WORK/p.out")
	[ "$want" = "$txt" ] ||
		fail "text differs from tcpdump's (expression '$expr'): $(diff <(echo "$want") <(echo "$txt") | head -6)"
done
ok "4 tagged frames (QinQ included) and an untagged one as tcpdump has them, with and without an expression"
