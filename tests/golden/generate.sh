#!/bin/bash
# Regenerate the golden corpus: real traffic inside private network
# namespaces, captured with real tcpdump, and tcpdump's own -r text for every
# flag set.  Needs root, tcpdump 4.99.3, python3, dnsmasq, dig, ping, arping,
# ethtool, nft, editcap.  Writes captures/, expected/ and cases.txt.
#
# Only addresses inside the netns created here are used:
#   10.77.0.0/24, 10.78.0.0/24 (crafted vlan frames), 10.79.0.0/24 (tun),
#   10.99.0.0/16 (unreachable / forwarded), 2001:db8:77::/64, 2001:db8:78::/64,
#   2001:db8:79::/64 (tun).  10.244.0.0/16 and fd00:244::/64 appear only
#   inside crafted overlay payloads (never as real addresses).
# ONLY=NAME regenerates just that capture (e.g. ONLY=apps) and its expected
# text, and leaves the others as they are.
# This kernel has no vlan/ipip/sit devices, so 802.1Q frames are hand-built and
# sent with AF_PACKET, and DLT_RAW comes from a tun device owned by pktgen.py.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CAP=$HERE/captures
EXP=$HERE/expected
# GEN_NS: another pair of netns names (ptdg-a/ptdg-b by default), so that two
# ONLY= runs can capture at the same time
NSA=${GEN_NS:-ptdg}-a
NSB=${GEN_NS:-ptdg}-b
TMP=$(mktemp -d /tmp/ptdg.XXXXXX)
export TZ=UTC PYTHONDONTWRITEBYTECODE=1
PIDS=()

cleanup() {
	set +e
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
	# "ip netns exec" may fork: stop dnsmasq through its own pid file too.
	[ -s "$TMP/dnsmasq.pid" ] && kill "$(cat "$TMP/dnsmasq.pid")" 2>/dev/null
	[ -s "$TMP/dhcpd.pid" ] && kill "$(cat "$TMP/dhcpd.pid")" 2>/dev/null
	sleep 0.2
	ip netns del $NSA 2>/dev/null
	ip netns del $NSB 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT

A() { ip netns exec $NSA "$@"; }
B() { ip netns exec $NSB "$@"; }
PY="python3 $HERE/pktgen.py"

# ---------------------------------------------------------------- topology
setup() {
	ip netns del $NSA 2>/dev/null || true
	ip netns del $NSB 2>/dev/null || true
	ip netns add $NSA
	ip netns add $NSB
	# Fixed interface indexes (4242/4243) and MACs keep the -i any captures
	# reproducible; no host interface is expected to have index 4242.
	ip link add va index 4242 address 02:00:00:00:00:0a netns $NSA type veth \
		peer name vb index 4243 address 02:00:00:00:00:0b netns $NSB
	for ns in $NSA $NSB; do
		ip -n $ns link set lo up
		ip netns exec $ns sysctl -qw net.ipv4.icmp_ratelimit=0 net.ipv6.icmp.ratelimit=0 \
			net.ipv4.tcp_fastopen=3 net.ipv4.icmp_msgs_per_sec=100000 \
			net.ipv6.conf.all.accept_ra=0 net.ipv6.conf.default.accept_ra=0
	done
	A ethtool -K va tx off rx off tso off gso off gro off >/dev/null 2>&1
	B ethtool -K vb tx off rx off tso off gso off gro off >/dev/null 2>&1
	ip -n $NSA addr add 10.77.0.1/24 dev va
	ip -n $NSB addr add 10.77.0.2/24 dev vb
	ip -n $NSA addr add 2001:db8:77::1/64 dev va nodad
	ip -n $NSB addr add 2001:db8:77::2/64 dev vb nodad
	ip -n $NSA link set va up
	ip -n $NSB link set vb up
	# b routes: forwarding, unreachable, prohibit, a next hop on the same link
	B sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.send_redirects=1 net.ipv4.conf.vb.send_redirects=1
	ip -n $NSB route add unreachable 10.99.1.0/24
	ip -n $NSB route add prohibit 10.99.2.0/24
	ip -n $NSB route add 10.99.5.0/24 via 10.77.0.3
	ip -n $NSB neigh add 10.77.0.3 lladdr 02:00:00:00:00:0c dev vb
	ip -n $NSA route add 10.99.0.0/16 via 10.77.0.2
	sleep 1
}

# ---------------------------------------------------------------- capturing
CAPPID=
cap_start() {	# NAME NS IFACE [tcpdump args...]
	local name=$1 ns=$2 ifc=$3; shift 3
	rm -f "$CAP/$name.pcap"
	ip netns exec "$ns" tcpdump -Z root -l --immediate-mode -B 32768 -U -i "$ifc" "$@" \
		-w "$CAP/$name.pcap" 2>"$TMP/$name.err" &
	CAPPID=$!
	for _ in $(seq 100); do
		grep -q listening "$TMP/$name.err" 2>/dev/null && break
		sleep 0.05
	done
	sleep 0.2
}
cap_stop() {
	sleep 0.5
	if ! kill -INT "$CAPPID" 2>/dev/null; then
		echo "tcpdump died early:" >&2; cat "$TMP"/*.err >&2; exit 1
	fi
	wait "$CAPPID" || true
}

bg() {	# start a background helper in netns, wait for "ready"
	local ns=$1; shift
	ip netns exec "$ns" "$@" >"$TMP/bg.out" 2>&1 &
	PIDS+=($!)
	for _ in $(seq 100); do grep -q ready "$TMP/bg.out" 2>/dev/null && break; sleep 0.05; done
}

setup
mkdir -p "$CAP" "$EXP"
# ONLY=NAME makes that one capture and its expected text, and keeps the rest
ONLY=${ONLY:-}
[ -n "$ONLY" ] || { rm -f "$CAP"/* ; rm -rf "${EXP:?}"/*; }
want() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }

if [ -z "$ONLY" ]; then

# 1. TCP over IPv4: bulk data with a deterministic drop (SACK), window
#    scaling, RST for a closed port, abortive close.
B nft add table inet ptdg
B nft add chain inet ptdg in '{ type filter hook input priority 0; }'
B nft add rule inet ptdg in tcp dport 5001 tcp flags '& (syn) == 0' numgen inc mod 9 == 4 drop
cap_start tcp4 $NSA va
bg $NSB $PY tcpserver 10.77.0.2 5001 3000
A $PY tcpclient 10.77.0.2 5001 12000 1400
A $PY tcpreset 10.77.0.2 5999
bg $NSB $PY tcpserver 10.77.0.2 5002 10
A $PY tcpabort 10.77.0.2 5002
cap_stop
B nft delete table inet ptdg

# 2. TCP over IPv6
cap_start tcp6 $NSA va
bg $NSB $PY tcpserver 2001:db8:77::2 5003 1500
A $PY tcpclient 2001:db8:77::2 5003 5000 1000
A $PY tcpreset 2001:db8:77::2 5999
cap_stop

# 3. UDP v4/v6, port unreachable both families
cap_start udp $NSA va
bg $NSB $PY udpecho 10.77.0.2 9001 2
A $PY udpsend 10.77.0.2 9001 hello "second datagram"
bg $NSB $PY udpecho 2001:db8:77::2 9001 1
A $PY udpsend 2001:db8:77::2 9001 hello6
A $PY udpsend 10.77.0.2 9999 nobody-home
A $PY udpsend 2001:db8:77::2 9999 nobody-home6
cap_stop

# 4. DNS from dnsmasq
cat >"$TMP/dnsmasq.conf" <<CONF
no-resolv
no-hosts
bind-interfaces
listen-address=10.77.0.2
listen-address=2001:db8:77::2
user=root
local=/example.test/
local=/77.10.in-addr.arpa/
host-record=host.example.test,10.77.0.51,2001:db8:77::51
host-record=www.example.test,10.77.0.50
cname=alias.example.test,host.example.test
mx-host=example.test,mail.example.test,10
host-record=mail.example.test,10.77.0.25
txt-record=example.test,"v=spf1 -all","hello world"
srv-host=_sip._tcp.example.test,sip.example.test,5060,10,20
ptr-record=9.0.77.10.in-addr.arpa,nine.example.test
auth-server=ns1.example.test,vb
auth-zone=example.test,10.77.0.0/24,2001:db8:77::/64
auth-soa=2024010101,hostmaster.example.test,1200,120,604800
CONF
B dnsmasq -k --conf-file="$TMP/dnsmasq.conf" --pid-file="$TMP/dnsmasq.pid" >"$TMP/dnsmasq.log" 2>&1 &
PIDS+=($!)
sleep 1
cap_start dns $NSA va
D="dig +tries=1 +time=2 @10.77.0.2"
A $D host.example.test A >/dev/null || true
A $D host.example.test AAAA >/dev/null || true
A $D alias.example.test A >/dev/null || true
A $D example.test MX >/dev/null || true
A $D example.test TXT >/dev/null || true
A $D example.test SOA >/dev/null || true
A $D example.test NS >/dev/null || true
A $D _sip._tcp.example.test SRV >/dev/null || true
A $D -x 10.77.0.51 >/dev/null || true
A $D -x 10.77.0.9 >/dev/null || true
A $D nothere.example.test A >/dev/null || true
A $D +noedns www.example.test A >/dev/null || true
A $D other.invalid A >/dev/null || true
A $D +tcp host.example.test A >/dev/null || true
A dig +tries=1 +time=2 @2001:db8:77::2 host.example.test AAAA >/dev/null || true
cap_stop

# 5. ICMP: echo, host/admin unreachable, time exceeded, redirect
cap_start icmp $NSA va
A ping -c 2 -i 0.2 10.77.0.2 >/dev/null
A ping -c 1 -W 1 10.99.1.1 >/dev/null || true
A ping -c 1 -W 1 10.99.2.1 >/dev/null || true
A ping -c 1 -W 1 -t 1 10.99.5.5 >/dev/null || true
A ping -c 1 -W 1 10.99.5.6 >/dev/null || true
cap_stop

# 6. ICMPv6: echo, neighbour discovery, unreachable
A ip -6 neigh flush dev va
cap_start icmp6 $NSA va
A ping -6 -c 2 -i 0.2 2001:db8:77::2 >/dev/null
A ping -6 -c 1 -W 1 2001:db8:77::77 >/dev/null || true
A $PY udpsend 2001:db8:77::2 9999 closed
cap_stop

# 7. ARP
A ip neigh flush dev va
cap_start arp $NSA va
A ping -c 1 10.77.0.2 >/dev/null
A arping -c 2 -I va 10.77.0.2 >/dev/null || true
A arping -U -c 1 -I va 10.77.0.1 >/dev/null || true
cap_stop

# 8. IPv4 / IPv6 fragments
cap_start frag $NSA va
A ping -c 1 -s 3000 10.77.0.2 >/dev/null
A ping -6 -c 1 -s 3000 2001:db8:77::2 >/dev/null
A $PY udpsend 10.77.0.2 9998 "$(printf 'y%.0s' $(seq 2000))"
cap_stop

# 9. 802.1Q / 802.1ad frames (hand-built, sent on va)
cap_start vlan $NSA va
A env PYTHONPATH="$HERE" python3 "$HERE/crafted.py" vlan va 02:00:00:00:00:0b
cap_stop

# 10/11. -i any: Linux cooked v1 and v2
anytraffic() {
	A ping -c 1 127.0.0.1 >/dev/null
	A ping -c 1 10.77.0.2 >/dev/null
	bg $NSA $PY udpecho 127.0.0.1 9001 1
	A $PY udpsend 127.0.0.1 9001 loopback
	bg $NSA $PY tcpserver 127.0.0.1 "$1" 100
	A $PY tcpclient 127.0.0.1 "$1" 200 200
	A ping -6 -c 1 2001:db8:77::2 >/dev/null
}
cap_start sll $NSA any -y LINUX_SLL
anytraffic 5005
cap_stop
cap_start sll2 $NSA any -y LINUX_SLL2
anytraffic 5006
cap_stop

# 12. DLT_RAW: a tun device; pktgen injects IPv4/IPv6 packets, the kernel answers
bg $NSA $PY tunhelper tun0 "$TMP/tungo"
cap_start raw $NSA tun0
touch "$TMP/tungo"
sleep 1.5
cap_stop
touch "$TMP/tungo.end"

# 14. TCP options from the kernel: TFO cookie, MD5 signature, MPTCP
cap_start tcpopts $NSA va
bg $NSB $PY tfoserver 10.77.0.2 5008 2
A $PY tfoclient 10.77.0.2 5008
bg $NSB $PY md5server 10.77.0.2 5009 10.77.0.1
A $PY md5client 10.77.0.2 5009
bg $NSB $PY mptcpserver 10.77.0.2 5011
A $PY mptcpclient 10.77.0.2 5011
cap_stop

# 15. Hand-built frames (options, ext headers, odd ICMP types, RARP, ...)
cap_start crafted $NSA va
A env PYTHONPATH="$HERE" python3 "$HERE/crafted.py" va 02:00:00:00:00:0b
cap_stop

# 16. Truncated: snaplen 70 over TCP, DNS, ICMP
cap_start trunc $NSA va -s 70
bg $NSB $PY tcpserver 10.77.0.2 5012 500
A $PY tcpclient 10.77.0.2 5012 2000 1000
A $D host.example.test A >/dev/null || true
A $D example.test TXT >/dev/null || true
A ping -c 1 -s 100 10.77.0.2 >/dev/null
A ping -6 -c 1 -s 100 2001:db8:77::2 >/dev/null
A ping -c 1 -W 1 10.99.1.1 >/dev/null || true
cap_stop

# 17. DLT_NULL, synthesised from tcp4/tcp6 (BSD loopback header)
python3 - "$CAP/tcp4.pcap" "$CAP/tcp6.pcap" "$CAP/null.pcap" <<'PYEOF'
import struct, sys
def read(fn):
    d = open(fn, 'rb').read()
    out, off = [], 24
    while off < len(d):
        ts, tu, cl, ol = struct.unpack('<IIII', d[off:off + 16])
        out.append((ts, tu, d[off + 16:off + 16 + cl], ol))
        off += 16 + cl
    return out
pk = [p for p in read(sys.argv[1]) if p[2][12:14] == b'\x08\x00'][:12]
pk += [p for p in read(sys.argv[2]) if p[2][12:14] == b'\x86\xdd'][:8]
with open(sys.argv[3], 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 0))
    for ts, tu, data, ol in pk:
        af = 2 if data[12:14] == b'\x08\x00' else 24
        body = struct.pack('<I', af) + data[14:]
        f.write(struct.pack('<IIII', ts, tu, len(body), ol - 14 + 4))
        f.write(body)
PYEOF

# 18. pcapng copy of one capture (the reader must handle both formats)
editcap -F pcapng "$CAP/icmp.pcap" "$CAP/icmpng.pcapng"
fi

# 19. Application printers chosen by port: HTTP (80, 8080) from a real
#     server and client, SSH version lines, Redis commands and replies,
#     NTP requests and answers;
#     VXLAN, OTV and Geneve (crafted payloads, inner frames of a container
#     network) and mDNS, sent from UDP sockets.
if want apps; then
cap_start apps $NSA va
bg $NSB $PY httpserver 10.77.0.2 80 1
A $PY httpclient 10.77.0.2 80
bg $NSB $PY httpserver 10.77.0.2 8080 1
A $PY httpclient 10.77.0.2 8080
A $PY overlays 10.77.0.2
A $PY mdns 10.77.0.2
bg $NSB $PY sshserver 10.77.0.2 22
A $PY sshclient 10.77.0.2 22
bg $NSB $PY respserver 10.77.0.2 6379
A $PY respclient 10.77.0.2 6379
bg $NSB $PY ntpserver 10.77.0.2 123 2
A $PY ntpclient 10.77.0.2 123
cap_stop
fi

# 20. GRE (versions 0 and 1, key, sequence, checksum, routing, TEB), ESP,
#     and ICMP errors with MPLS extensions, hand-built and sent on va
if want encap; then
cap_start encap $NSA va
A $PY encap va 02:00:00:00:00:0b
cap_stop
fi

# 21. Multicast control: IGMP (the kernel's own v3 and forced v2 reports
#     and leaves; hand-built queries, mtrace and odd types) and VRRP
if want mcast; then
cap_start mcast $NSA va
A $PY igmpjoin 10.77.0.1 239.1.2.3 239.4.5.6
A sysctl -qw net.ipv4.conf.va.force_igmp_version=2
A $PY igmpjoin 10.77.0.1 239.7.8.9
A sysctl -qw net.ipv4.conf.va.force_igmp_version=0
A $PY igmpframes va
A $PY vrrpframes va
cap_stop
fi

# 22. BOOTP/DHCP: a client's and a relay's messages (hand-built, as a
#     client has no address yet) and the answers of a real dnsmasq with
#     the options container hosts hand out
if want dhcp; then
cat >"$TMP/dhcpd.conf" <<CONF
port=0
interface=vb
bind-interfaces
user=root
dhcp-authoritative
dhcp-leasefile=$TMP/dhcpd.leases
dhcp-range=10.77.0.100,10.77.0.150,255.255.255.0,1h
dhcp-option=option:router,10.77.0.2
dhcp-option=option:dns-server,10.77.0.2,10.77.0.53
dhcp-option=option:domain-name,example.test
dhcp-option=option:domain-search,example.test,lab.test
dhcp-option=option:ntp-server,10.77.0.123
dhcp-option=option:classless-static-route,10.244.0.0/16,10.77.0.2,0.0.0.0/0,10.77.0.2
dhcp-option=option:static-route,10.99.0.1,10.77.0.2
dhcp-option=option:mtu,1450
dhcp-option=2,-3600
dhcp-option=46,8
dhcp-option=19,0
dhcp-option=44,10.77.0.2
dhcp-option=252,"http://wpad.example.test/wpad.dat"
dhcp-boot=pxelinux.0,bootsrv,10.77.0.2
CONF
B dnsmasq -k --conf-file="$TMP/dhcpd.conf" --pid-file="$TMP/dhcpd.pid" >"$TMP/dhcpd.log" 2>&1 &
PIDS+=($!)
sleep 1
cap_start dhcp $NSA va
A $PY dhcpclient va 10.77.0.2
cap_stop
kill "$(cat "$TMP/dhcpd.pid")" 2>/dev/null || true
fi

# 23. Text protocols by port (SMTP, FTP, RTSP, whois) and BGP sessions (a
#     route reflector and a node's agent, as in a Calico cluster), from
#     real sockets with scripted messages
if want tcpapps; then
cap_start tcpapps $NSA va
for pp in smtp:25 ftp:21 rtsp:554 whois:43; do
	bg $NSB $PY textserver 10.77.0.2 "${pp#*:}" "${pp%%:*}"
	A $PY textclient 10.77.0.2 "${pp#*:}" "${pp%%:*}"
done
bg $NSB $PY bgppeer 10.77.0.2 179
A $PY bgpspeaker 10.77.0.2 179
cap_stop
fi

# 24. Syslog datagrams (port 514) to a collector that is not there
if want syslog; then
cap_start syslog $NSA va
A $PY syslogsend 10.77.0.2 514
cap_stop
fi

# 25. 802.3 frames with 802.2 LLC (hand-built, sent on va): spanning tree
#     (config, TCN, RSTP, MSTP with MSTIs, SPB, PVST+), SNAP (encapsulated
#     IPv4 and ARP, bridged Ethernet, unknown OUIs and pids), I, S and U
#     frames of unknown SAPs, XID and TEST, and Novell IPX (raw and 802.2)
if want llc; then
cap_start llc $NSA va
A env PYTHONPATH="$HERE" python3 "$HERE/crafted.py" llc va 02:00:00:00:00:0b
cap_stop
fi

# 26. LLDP (hand-built, sent on va): a switch's and a host's announcements,
#     every chassis/port ID subtype, management addresses, the IEEE 802.1,
#     802.3, IANA, TIA LLDP-MED and DCBX organisation TLVs, broken lengths
if want lldp; then
cap_start lldp $NSA va
A env PYTHONPATH="$HERE" python3 "$HERE/crafted.py" lldp va 02:00:00:00:00:0b
cap_stop
fi

# 27. The same LLC and LLDP frames as the receiving side's "any" sees them:
#     Linux cooked v2, protocol 4 (802.2 LLC, no MAC header), 1 (raw IPX),
#     0x88cc (LLDP)
if want sll2llc; then
cap_start sll2llc $NSB any -y LINUX_SLL2
A env PYTHONPATH="$HERE" python3 "$HERE/crafted.py" llc va 02:00:00:00:00:0b
A env PYTHONPATH="$HERE" python3 "$HERE/crafted.py" lldp va 02:00:00:00:00:0b
cap_stop
fi

# 28. Cisco Discovery Protocol (hand-built 802.3 + LLC/SNAP, OUI 0x00000c,
#     PID 0x2000, sent on va): CDPv1 and v2 announcements, every TLV type
#     tcpdump decodes, IPv4, IPv6 and unknown addresses, unknown types,
#     malformed and broken lengths
if want cdp; then
cap_start cdp $NSA va
A env PYTHONPATH="$HERE" python3 "$HERE/crafted.py" cdp va 02:00:00:00:00:0b
cap_stop
fi

# 29. Cisco VTP, DTP and UDLD (hand-built 802.3 + LLC/SNAP, OUI 0x00000c,
#     PIDs 0x2003, 0x2004, 0x0111, sent on va): VTP summary, subset,
#     request and join messages with VLAN records and TLVs, every DTP and
#     UDLD TLV and opcode, unknown types, zero and broken lengths
if want cisco; then
cap_start cisco $NSA va
A env PYTHONPATH="$HERE" python3 "$HERE/crafted.py" cisco va 02:00:00:00:00:0b
cap_stop
fi

# 30. Protocols each built by its own script, crafted_NAME.py (sent on va
#     with AF_PACKET unless the script says otherwise): SCTP chunks,
#     DHCPv6 messages and options, IPsec AH/IPComp/ESP-in-UDP, MPLS label
#     stacks, ESP encrypted under known keys (espdec), RTP/RTCP/vat and
#     other payloads only -T names (media), BFD control and echo, the slow protocols (LACP, marker, OAM),
#     ICMPv6 node information, router renumbering, MLDv2 and ND options,
#     NFS over Sun RPC (UDP and TCP), PTP, TFTP/RIP/RIPng/HSRP/VXLAN-GPE,
#     EAPOL/MACsec/loopback/MS NLB/NSH, SNMP, Kerberos, RADIUS, OSPFv2/v3,
#     PIM (v1, v2) and DVMRP, L2TP, ISAKMP/IKE, sFlow, DCCP and the IPv6
#     mobility header, telnet and PPTP control, BGP messages and attributes,
#     CLNP/ES-IS, IS-IS, OpenFlow, AoE and CFM, RPKI-RTR and MSDP (rpki), PGM and ZMTP/1.0,
#     routing and control protocols (Babel, AHCP, EIGRP, LDP, LSP ping, RSVP,
#     LISP, timed, AODV, SOME/IP, OLSR, HNCP), Rx and the AFS services (rx),
#     small protocols (misc: TIPC, VQP, IGRP, LWAPP, zephyr, lwres, NetFlow,
#     wb, LMP)
for name in sctp dhcp6 ipsec espdec media mpls bfd rpki pgm slow icmp6x nfs ptp udpapps l2apps snmp krb radius ospf pim l2tp isakmp sflow dccp telnet bgp osi isis openflow aoe routing rx misc; do
	if want $name && [ -f "$HERE/crafted_$name.py" ]; then
		cap_start $name $NSA va
		A env PYTHONPATH="$HERE" python3 "$HERE/crafted_$name.py" va 02:00:00:00:00:0b
		cap_stop
	fi
done

# 31. NFLOG: packets logged by nftables to group 5 in netns a, captured by
#     tcpdump -i nflog:5 (link type 239); crafted_nflog.sh makes the traffic
if want nflog && [ -f "$HERE/crafted_nflog.sh" ]; then
	. "$HERE/crafted_nflog.sh"
fi

# 32. EDNS options as dig sends them (client subnet v4/v6, NSID, cookie,
#     keepalive, padding, DAU/DHU/N3U, CHAIN, KEY-TAG, expire, malformed
#     and unknown ones) and a URI record, answered by a real dnsmasq
if want edns; then
cat >"$TMP/edns.conf" <<CONF
no-resolv
no-hosts
bind-interfaces
listen-address=10.77.0.2
user=root
local=/example.test/
host-record=host.example.test,10.77.0.51
dns-rr=uri.example.test,256,000a0005687474703a2f2f7777772e6578616d706c652e746573743a383030302f
CONF
B dnsmasq -k --conf-file="$TMP/edns.conf" --pid-file="$TMP/edns.pid" >"$TMP/edns.log" 2>&1 &
PIDS+=($!)
sleep 1
cap_start edns $NSA va
D="dig +tries=1 +time=2 @10.77.0.2"
A $D uri.example.test TYPE256 >/dev/null || true
A $D +subnet=192.0.2.0/24 host.example.test A >/dev/null || true
A $D +subnet=192.1.2.3/32 host.example.test A >/dev/null || true
A $D +subnet=2001:db8:85a3::8a2e:0:0/100 host.example.test A >/dev/null || true
A $D +subnet=0/0 host.example.test A >/dev/null || true
A $D +nsid +cookie=aaaaaaaaaaaaaaaa +keepalive +padding=128 host.example.test A >/dev/null || true
A $D +dnssec +ednsopt=5:0607fd +ednsopt=6:020399 +ednsopt=7:0102 host.example.test A >/dev/null || true
A $D +dnssec +ednsopt=13:03636f6d00 +ednsopt=14:9c40 +ednsopt=14:7530ea60 host.example.test A >/dev/null || true
A $D +ednsopt=14:9c4001 +ednsopt=8:0001 +ednsopt=8:000320000a000001 +ednsopt=8:00011800c0000201 host.example.test A >/dev/null || true
A $D +ednsopt=9:00000e10 +ednsopt=9:0e10 +ednsopt=11:00 +ednsopt=10:0102 +ednsopt=65001:abcd +ednsopt=3 host.example.test A >/dev/null || true
cap_stop
[ -s "$TMP/edns.pid" ] && kill "$(cat "$TMP/edns.pid")" 2>/dev/null
fi

# 33. SIP over UDP 5060 (real datagrams between the namespaces; the peer
#     answers port unreachable): requests, responses, a body-only datagram,
#     an unknown method, binary data, a line cut off by the datagram's end
if want sip; then
cap_start sip $NSA va
INV=$'INVITE sip:bob@10.77.0.2 SIP/2.0\r\nVia: SIP/2.0/UDP 10.77.0.1:5060;branch=z9hG4bK776asdhds\r\nMax-Forwards: 70\r\nTo: Bob <sip:bob@10.77.0.2>\r\nFrom: Alice <sip:alice@10.77.0.1>;tag=1928301774\r\nCall-ID: a84b4c76e66710@10.77.0.1\r\nCSeq: 314159 INVITE\r\nContent-Length: 0\r\n\r\n'
OK=$'SIP/2.0 200 OK\r\nCSeq: 314159 INVITE\r\nContent-Length: 0\r\n\r\n'
A $PY udpsend 10.77.0.2 5060 "$INV" "$OK" $'register sip:10.77.0.2 SIP/2.0\r\n\r\n' \
	$'v=0\r\no=- 0 0 IN IP4 10.77.0.1\r\n' $'FOO sip:x SIP/2.0\r\n' $'OPTIONS sip:x SIP/2.0' \
	$'SIP/2.0 180 Ringing\nCSeq: 1 INVITE\n\n' $'\x01\x02\x03binary'
A $PY udpsend 2001:db8:77::2 5060 "$OK"
cap_stop
fi

# 34. PPP: PPPoE and PPP in GRE are sent on va and captured by tcpdump; the
#     PPP, PPP-in-HDLC, PPPoE-session and Cisco HDLC link types cannot be
#     captured on a veth, so crafted_ppp.py writes those files itself, as
#     ppp_NAME.pcap (the expected text is still tcpdump's -r output)
if want ppp && [ -f "$HERE/crafted_ppp.py" ]; then
	python3 "$HERE/crafted_ppp.py" --files "$CAP"
	cap_start ppp $NSA va
	A env PYTHONPATH="$HERE" python3 "$HERE/crafted_ppp.py" va 02:00:00:00:00:0b
	cap_stop
fi

# 35. IEEE 802.11: a veth cannot capture 802.11, so crafted_wifi.py writes
#     wifi_radio.pcap (radiotap, link type 127) and wifi_80211.pcap (105)
#     itself (the expected text is still tcpdump's -r output)
if want wifi && [ -f "$HERE/crafted_wifi.py" ]; then
	python3 "$HERE/crafted_wifi.py" --files "$CAP"
fi

# 36. Link types a veth cannot capture (switch tags, SLIP, IPoIB, IPNET,
#     vsock, ARCNET, ATM): crafted_link.py writes them as link_TYPE.pcap
if want link && [ -f "$HERE/crafted_link.py" ]; then
	python3 "$HERE/crafted_link.py" --files "$CAP"
fi

# 37. Frame Relay: the FRELAY (Q.922, Q.933 LMI, FRF.15) and MFR (FRF.16)
#     link types cannot be captured on a veth either; crafted_fr.py writes
#     fr_q922.pcap and fr_mfr.pcap
if want fr && [ -f "$HERE/crafted_fr.py" ]; then
	python3 "$HERE/crafted_fr.py" --files "$CAP"
fi

# 38. Juniper: the JUNIPER_* link types (the router's "MGC" header, the
#     PICs' cookies) cannot be captured on a veth either; crafted_juniper.py
#     writes juniper_<type>.pcap, one per link type
if want juniper && [ -f "$HERE/crafted_juniper.py" ]; then
	python3 "$HERE/crafted_juniper.py" --files "$CAP"
fi

# 39. IEEE 802.15.4: a veth cannot capture it either; crafted_wpan.py writes
#     wpan_154.pcap (link type 195, with FCS), wpan_nofcs.pcap (230) and
#     wpan_tap.pcap (283, the TAP header)
if want wpan && [ -f "$HERE/crafted_wpan.py" ]; then
	python3 "$HERE/crafted_wpan.py" --files "$CAP"
fi

# ---------------------------------------------------------------- expected
FLAGSETS=(
	"default|"
	"v|-v"
	"vv|-vv"
	"q|-q"
	"e|-e"
	"x|-x"
	"xx|-xx"
	"X|-X"
	"XX|-XX"
	"A|-A"
	"AA|-AA"
	"S|-S"
	"t|-t"
	"tt|-tt"
	"ttt|-ttt"
	"tttt|-tttt"
	"ttttt|-ttttt"
	"nano|--nano"
	"num|-#"
	"ev|-e -v"
	"vvv|-vvv"
	"qe|-q -e"
	"Kvv|-K -vv"
	"Tdomain|-T domain -v"
	"Tresp|-T resp"
)
: >"$HERE/cases.txt"
for c in "$CAP"/*; do
	base=$(basename "$c")
	cname=${base%.*}
	# ONLY=NAME also covers the files NAME_*.pcap (written, not captured)
	mine=0; { want "$cname" || want "${cname%%_*}"; } && mine=1
	[ $mine = 1 ] && mkdir -p "$EXP/$cname"
	for fs in "${FLAGSETS[@]}"; do
		fname=${fs%%|*}
		flags=${fs#*|}
		# shellcheck disable=SC2086
		[ $mine = 1 ] && tcpdump -nn $flags -r "$c" >"$EXP/$cname/$fname.txt" 2>/dev/null
		echo "$cname-$fname|$base|$flags" >>"$HERE/cases.txt"
	done
done
# flag sets that change one protocol's text only, on the captures that carry
# it: -b (AS numbers in asdot) on the two with BGP, -M (TCP MD5 signatures;
# section 14 signs with "secret"; RSVP integrity in crafted_routing.py
# with "rsvpkey") on the ones with signed packets, -qq
# (nothing after "IP" for a fragment past the first) on those with such
# and -E (ESP decryption) on the capture encrypted under known keys.  Flags
# are read as shell words (eval), so that an -E argument can hold spaces;
# $HERE in them is this directory.
ESPK='0x1001@10.77.0.2 3des-cbc-hmac96:0x4043434545464649494a4a4c4c4f4f515152525454575758'
ESPK2='0x4001@2001:db8:77::2 aes256-cbc:0xaaaabbbbccccdddd4043434545464649494a4a4c4c4f4f515152525454575758'
EXTRA=("bgp|b|-b -vvv" "tcpapps|b|-b -vvv" "tcpopts|M|-M secret -v" "tcpopts|Mbad|-M wrong"
	"routing|M|-M rsvpkey -v" "routing|Mbad|-M wrong -vv"
	"frag|qq|-qq" "ipsec|qq|-qq" "dccp|qq|-qq"
	"espdec|E|-E \"file \$HERE/espdec-secrets.txt\""
	"espdec|Ev|-v -E \"file \$HERE/espdec-secrets.txt\""
	"espdec|Evv|-vv -E \"file \$HERE/espdec-secrets.txt\""
	"espdec|Evvv|-vvv -E \"file \$HERE/espdec-secrets.txt\""
	"espdec|Eq|-q -E \"file \$HERE/espdec-secrets.txt\""
	"espdec|Ex|-x -E \"file \$HERE/espdec-secrets.txt\""
	"espdec|Ecmd|-E '$ESPK,$ESPK2'"
	"espdec|Edefault|-E '3des-cbc-hmac96:0x4043434545464649494a4a4c4c4f4f515152525454575758'"
	"espdec|Ewrongdefault|-E 'aes128-cbc-hmac96:0x00112233445566778899aabbccddeeff'"
	"media|Trtp|-T rtp" "media|Trtpv|-T rtp -v" "media|Trtcp|-T rtcp" "media|Trtcpv|-T rtcp -v"
	"media|Tvat|-T vat" "media|Tsnmp|-T snmp" "media|Ttftp|-T tftp" "media|Tradius|-T radius -v"
	"media|Tptp|-T ptp" "media|Tvxlan|-T vxlan" "media|Trpc|-T rpc" "media|Trpcv|-T rpc -vv"
	"pgm|Tpgm|-T pgm -v" "pgm|Tpgmz|-T pgm_zmtp1 -v" "pgm|Tpgmzvv|-T pgm_zmtp1 -vv"
	"pgm|Tzmtp1|-T zmtp1" "pgm|Tzmtp1v|-T zmtp1 -v" "pgm|Tzmtp1vv|-T zmtp1 -vv"
	"mcast|Tcarp|-T carp" "mcast|Tcarpv|-T carp -v"
	"routing|Taodv|-T aodv -v" "routing|Tsomeip|-T someip -v"
	"wpan_154|vvvv|-vvvv" "wpan_154|vvvvx|-vvvv -x" "wpan_tap|vvvv|-vvvv"
	"misc|Tcnfp|-T cnfp" "misc|Tcnfpv|-T cnfp -v" "misc|Twb|-T wb -v"
	"misc|Tlmp|-T lmp" "misc|Tlmpv|-T lmp -v" "misc|Tlmpvv|-T lmp -vv")
for e in "${EXTRA[@]}"; do
	cname=${e%%|*}
	rest=${e#*|}
	fname=${rest%%|*}
	flags=${rest#*|}
	[ -f "$CAP/$cname.pcap" ] || continue
	eval "set -- $flags"
	{ want "$cname" || want "${cname%%_*}"; } &&
		tcpdump -nn "$@" -r "$CAP/$cname.pcap" >"$EXP/$cname/$fname.txt" 2>/dev/null
	echo "$cname-$fname|$cname.pcap|$flags" >>"$HERE/cases.txt"
done
du -sh "$CAP" "$EXP"
wc -l "$HERE/cases.txt"
