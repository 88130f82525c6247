#!/usr/bin/env bash
# -d, -dd and -ddd print what tcpdump prints, byte for byte: live (Ethernet,
# as the capture is), with -y TYPE (the program for that link type, no
# device needed), and with -r (the file's link type and snapshot length,
# whatever -s says), with and without an expression.
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v tcpdump >/dev/null || skip "no tcpdump"
G=$(cd "$(dirname "$0")/../golden/captures" && pwd)
NOD=(--docker-address /nonexistent/docker.sock --containerd-address /nonexistent/containerd.sock)

# a pcap whose snapshot length is 50: the golden ARP capture, header patched
cp "$G/arp.pcap" "$WORK/s50.pcap"
printf '\x32\x00\x00\x00' | dd of="$WORK/s50.pcap" bs=1 seek=16 conv=notrunc status=none
tcpdump -r "$WORK/s50.pcap" -c 1 2>&1 >/dev/null | grep -q 'snapshot length 50' || fail "the patched file is not snaplen 50"

n=0
same() {
	local want got
	want=$(timeout 10 tcpdump "$@" 2>&1)
	got=$(timeout 10 "$PTCPDUMP" "${NOD[@]}" "$@" 2>&1 | grep -v '^ptcpdump: warning: ')
	[ -n "$want" ] || fail "tcpdump $* printed nothing"
	[ "$got" = "$want" ] || fail "$*: differs from tcpdump: $(diff <(echo "$want") <(echo "$got") | head -6)"
	n=$((n + 1))
}
for d in -d -dd -ddd; do
	for e in "" "tcp port 80" "udp and (port 53 or port 5353)" "icmp6 or arp" "vlan and ip" "greater 100"; do
		# live, tcpdump's libpcap reads an offloaded VLAN tag from the
		# socket's metadata ([vlanp]); ptcpdump puts the tag back in
		# the frame first, so its program is the one for a file
		if [ "$e" != "vlan and ip" ]; then
			# shellcheck disable=SC2086
			same -i lo $d $e
			# shellcheck disable=SC2086
			same -i lo -s 96 $d $e
			# (-s is read as strtol reads it: 0x40 is 64)
			# shellcheck disable=SC2086
			same -i lo -s 0x40 $d $e
		fi
		# (Linux cooked v1 has no VLAN: both refuse the expression)
		if [ "$e" != "vlan and ip" ]; then
			# shellcheck disable=SC2086
			same -r "$G/sll.pcap" $d $e
		fi
		# shellcheck disable=SC2086
		same -r "$WORK/s50.pcap" -s 1000 $d $e
		# shellcheck disable=SC2086
		same -r "$G/icmpng.pcapng" $d $e
	done
	for y in LINUX_SLL LINUX_SLL2 RAW; do
		same -y $y $d ip and udp
	done
done
ok "$n programs (-d, -dd, -ddd; live, -s, -y, -r pcap/pcapng/Linux cooked) as tcpdump prints them"
