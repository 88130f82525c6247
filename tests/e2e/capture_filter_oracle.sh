#!/usr/bin/env bash
# The in-kernel filter selects what tcpdump's filter selects.  The golden
# captures' frames (TCP, UDP, ICMP, DNS, DHCP, BGP, fragments, IPv6,
# tunnels, multicast, ...) are sent into a veth from its netns end; for
# each expression, ptcpdump -Q in on the host end must capture exactly the
# frames that `tcpdump -r` keeps from the same frames with the same
# expression.  This covers every kind of load the translation emits: fixed
# offsets, offsets from the IP header length (X), computed ones, and the
# packet's length; the linear data is read directly and the rest through
# the helper.
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v tcpdump >/dev/null || skip "tcpdump missing"
command -v mergecap >/dev/null || skip "mergecap (wireshark-common) missing"
G=$(cd "$(dirname "$0")/../golden/captures" && pwd)

NS=ptdfo
netns_pair $NS ptdfo0 10.211.7.1 10.211.7.2
# no IPv6 of their own on the two ends (router and neighbour
# solicitations); the host's other interfaces are left alone
for d in all default; do
	ip netns exec $NS sysctl -qw net.ipv6.conf.$d.disable_ipv6=1
done
sysctl -qw net.ipv6.conf.ptdfo0.disable_ipv6=1

# the Ethernet captures, one frame set; none is larger than the veth's MTU
caps=()
for c in tcp4 tcp6 tcpopts udp icmp icmp6 dns frag arp apps encap mcast dhcp tcpapps; do
	caps+=("$G/$c.pcap")
done
mergecap -a -F pcap -w "$WORK/all.pcap" "${caps[@]}" || fail "mergecap"

cat >"$WORK/send.py" <<'PY'
import socket, struct, sys, time
f = open(sys.argv[1], 'rb')
f.read(24)
s = None
if sys.argv[2] != '-':
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((sys.argv[2], 0))
n = 0
while True:
    h = f.read(16)
    if len(h) < 16:
        break
    incl = struct.unpack('<IIII', h)[2]
    frame = f.read(incl)
    n += 1
    if s is None:
        continue
    s.send(frame)
    if n % 64 == 0:
        time.sleep(0.002)
print(n)
PY

total=$(python3 "$WORK/send.py" "$WORK/all.pcap" -)
[ "$total" -gt 500 ] || fail "only $total frames to send"

exprs=(
	"tcp"
	"udp port 53"
	"icmp or icmp6"
	"ip6 and tcp"
	"arp"
	"tcp[tcpflags] & (tcp-syn|tcp-fin) != 0"
	"ip[6:2] & 0x1fff != 0"
	"greater 300"
	"less 80"
	"host 10.77.0.2 and not port 22"
	"udp and (port 67 or port 68)"
	"net 10.77.0.0/24 and tcp dst portrange 20-180"
	"ether broadcast or ether multicast"
	"icmp[icmptype] == icmp-echo"
	"tcp[((tcp[12:1] & 0xf0) >> 2):4] = 0x47455420"
	"ip proto 47 or udp port 4789"
	"icmp6 and ip6[40] == 135"
	"udp[8:2] == 0x0800"
	"len >= 100 and len <= 120"
	"ether[12:2] = 0x0800 and ip[9] = 17 and udp[0:2] > 1024"
	"ether[1400:1] = 0 or ether[70000:1] = 1"
)
bad=0
for e in "${exprs[@]}"; do
	want=$(tcpdump -nn -t -r "$WORK/all.pcap" "$e" 2>/dev/null)
	ptd_start f -i ptdfo0 -Q in -w "$WORK/f.pcapng" "$e"
	sent=$(ip netns exec $NS python3 "$WORK/send.py" "$WORK/all.pcap" eth0)
	sleep 0.3
	ptd_stop "$PTD_PID" || fail "ptcpdump exit status $? for '$e'"
	got=$(tcpdump -nn -t -r "$WORK/f.pcapng" 2>/dev/null)
	[ "$sent" = "$total" ] || fail "sent $sent of $total frames"
	if [ "$got" != "$want" ]; then
		bad=$((bad + 1))
		echo "PROBLEM: '$e': ptcpdump kept $(printf '%s' "$got" | grep -c .), tcpdump $(printf '%s' "$want" | grep -c .)"
		diff <(echo "$want") <(echo "$got") | head -6
	fi
done
[ $bad -eq 0 ] || fail "$bad of ${#exprs[@]} expressions select differently from tcpdump"
ok "${#exprs[@]} expressions over $total frames select what tcpdump selects"
