# NFLOG (link type 239), sourced by generate.sh (block 37): nftables in netns
# a logs packets to netlink group 5 and tcpdump captures nflog:5.  Logged:
# ICMP echo, UDP and a TCP connection over IPv4 and IPv6 (both directions:
# output and input hooks, the latter with a packet mark and a prefix, so
# the MARK and PREFIX TLVs appear), ARP requests/replies from the arp
# family (a family tcpdump does not decode: header and hex dump), and IPv4
# and IPv6 packets logged with "snaplen 40", whose payload TLV holds a cut
# IP packet.
# Uses generate.sh's A, B, cap_start, cap_stop, $NSA, $NSB, $PY.
A nft add table inet ptdgnflog
A nft add chain inet ptdgnflog out '{ type filter hook output priority 0; }'
A nft add chain inet ptdgnflog in '{ type filter hook input priority 0; }'
A nft add rule inet ptdgnflog out udp dport 9077 log group 5 snaplen 40
A nft add rule inet ptdgnflog out ip daddr 10.77.0.2 log group 5
A nft add rule inet ptdgnflog out ip6 daddr 2001:db8:77::2 meta l4proto '{ icmpv6, tcp, udp }' log group 5
A nft add rule inet ptdgnflog in ip saddr 10.77.0.2 meta mark set 0x77 log prefix '"ptdg-in "' group 5
A nft add rule inet ptdgnflog in ip6 saddr 2001:db8:77::2 meta l4proto '{ icmpv6, tcp, udp }' log prefix '"ptdg-in6 "' group 5
A nft add table arp ptdgnflog
A nft add chain arp ptdgnflog out '{ type filter hook output priority 0; }'
A nft add chain arp ptdgnflog in '{ type filter hook input priority 0; }'
A nft add rule arp ptdgnflog out log group 5
A nft add rule arp ptdgnflog in log group 5
ip -n $NSA neigh flush dev va
ip -n $NSB neigh flush dev vb
cap_start nflog $NSA nflog:5
A ping -c 2 -i 0.2 10.77.0.2 >/dev/null
A ping -6 -c 2 -i 0.2 2001:db8:77::2 >/dev/null
bg $NSB $PY udpecho 10.77.0.2 9001 1
A $PY udpsend 10.77.0.2 9001 nflog-udp4
bg $NSB $PY udpecho 2001:db8:77::2 9001 1
A $PY udpsend 2001:db8:77::2 9001 nflog-udp6
A $PY udpsend 10.77.0.2 9077 "a datagram logged with a 40 byte snaplen, so its payload is cut"
A $PY udpsend 2001:db8:77::2 9077 "v6 datagram logged with a 40 byte snaplen"
bg $NSB $PY tcpserver 10.77.0.2 5077 200
A $PY tcpclient 10.77.0.2 5077 300 300
bg $NSB $PY tcpserver 2001:db8:77::2 5078 200
A $PY tcpclient 2001:db8:77::2 5078 300 300
cap_stop
A nft delete table inet ptdgnflog
A nft delete table arp ptdgnflog
