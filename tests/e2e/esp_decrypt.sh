#!/usr/bin/env bash
# -E decrypts ESP and IKEv2's encrypted payload, as tcpdump -E does (the
# kernel here has no IPsec, so the packets are the golden suite's, encrypted
# with the openssl tool and sent between two netns of this test):
#  - live: ptcpdump -E prints every ESP and IKE packet as tcpdump -E prints
#    the same packets from the file ptcpdump wrote, at -v too;
#  - bad secrets are left out with a warning, and the capture goes on;
#  - a secrets file that cannot be read stops ptcpdump before it captures,
#    with one line and exit 1.
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v tcpdump >/dev/null || skip "no tcpdump"
command -v openssl >/dev/null || skip "no openssl"
PY=/usr/bin/python3
[ -x "$PY" ] || skip "no $PY"
NOD=(--docker-address /nonexistent/docker.sock --containerd-address /nonexistent/containerd.sock)
GOLD=$ROOT/tests/golden
SECRETS=$GOLD/espdec-secrets.txt
A=ptdespa
B=ptdespb

for n in $A $B; do
	ip netns add $n || fail "ip netns add $n"
	CORE_NETNS+=("$n")
done
ip link add ptdespx netns $A type veth peer name ptdespy netns $B || fail "veth"
ip -n $A addr add 10.77.0.1/24 dev ptdespx
ip -n $B addr add 10.77.0.2/24 dev ptdespy
ip -n $A addr add 2001:db8:77::1/64 dev ptdespx nodad
ip -n $B addr add 2001:db8:77::2/64 dev ptdespy nodad
ip -n $A link set ptdespx up
ip -n $B link set ptdespy up
MAC=$(ip netns exec $B cat /sys/class/net/ptdespy/address)

# tcpdump's checksum verdicts, which ptcpdump does not print (golden/norm.sh)
. "$GOLD/norm.sh"
# ESP and IKE packets, with their continuation lines at -v, without the
# time, and without what ptcpdump adds: the interface, the process, the
# direction and the parent process (lines of their own at -v)
esp_lines() {
	sed -E 's/^[0-9:.]+ [^ ]+@[0-9]+ ([^ ]+ )?(In|Out) /T /; s/^[0-9:.]+ /T /; s/, Thread \[[^]]*\]//; s/, ParentProc \[[^]]*\]//' |
		grep -Ev '^    (Process|Thread|User|ParentProc) \(' |
		awk 'function flush() { if (b ~ /ESP\(|isakmp/) printf "%s", b; b = "" }
		     /^T / { flush() } { b = b $0 "\n" } END { flush() }'
}

for v in "" -v; do
	ptd_start cap$v "${NOD[@]}" --netns $B -i ptdespy $v --print -w "$WORK/e$v.pcapng" \
		-E "file $SECRETS"
	ip netns exec $A env PYTHONPATH="$GOLD" "$PY" "$GOLD/crafted_espdec.py" ptdespx "$MAC" ||
		fail "crafted_espdec.py failed"
	sleep 0.5
	ptd_stop "$PTD_PID" || fail "ptcpdump exited $?: $(cat "$WORK/cap$v.err")"
	grep -q 'failed to find cipher algo nosuch' "$WORK/cap$v.err" ||
		fail "no warning for the file's bad line: $(cat "$WORK/cap$v.err")"
	got=$(esp_lines <"$WORK/cap$v.out")
	want=$(tcpdump -nn $v -r "$WORK/e$v.pcapng" -E "file $SECRETS" 2>/dev/null | norm | esp_lines)
	n=$(echo "$want" | grep -c 'ESP([^)]*), length [0-9]*: ')
	[ "$n" -ge 14 ] || fail "tcpdump decrypts only $n ESP packets of the capture: $(echo "$want" | head -5)"
	[ "$got" = "$want" ] || fail "live ${v:-(default)} differs from tcpdump -E: $(diff <(echo "$want") <(echo "$got") | head -6)"
	if [ "$v" = -v ]; then
		echo "$got" | grep -q '(v2IDi: len=16 .*fqdn:west.example)' ||
			fail "the IKEv2 SK payload was not decrypted: $(echo "$got" | grep -m3 -A2 isakmp)"
	fi
	ok "live ${v:-default}: $(echo "$got" | grep -c 'ESP(') ESP packets, $n decrypted, as tcpdump -E prints them"
done

# the secrets on the command line, one good and one bad entry: a warning
"$PTCPDUMP" -r "$WORK/e.pcapng" -E "0x1001@10.77.0.2 3des-cbc-hmac96:0x4043434545464649494a4a4c4c4f4f515152525454575758,0x2@10.77.0.2 aes128:0xzz" \
	>"$WORK/cmd.out" 2>"$WORK/cmd.err" || fail "-r with a bad -E entry exited $?"
grep -q 'invalid hex digit z in espsecret' "$WORK/cmd.err" || fail "no warning: $(cat "$WORK/cmd.err")"
grep -q 'ESP(spi=0x00001001,seq=0x1), length 92: ICMP echo request' "$WORK/cmd.out" ||
	fail "the good entry did not decrypt: $(grep -m2 'ESP(' "$WORK/cmd.out")"
ok "a bad entry on the command line: a warning, the good one used"

# a file that cannot be read: one line, exit 1, before any capture
for args in "-r $WORK/e.pcapng" "--netns $B -i ptdespy"; do
	# shellcheck disable=SC2086
	timeout 10 "$PTCPDUMP" "${NOD[@]}" $args -E "file $WORK/nosuch" >"$WORK/bad.out" 2>"$WORK/bad.err"
	rc=$?
	[ $rc -eq 1 ] || fail "$args -E file nosuch: exit $rc"
	[ "$(cat "$WORK/bad.err")" = "ptcpdump: can't open $WORK/nosuch: No such file or directory" ] ||
		fail "$args -E file nosuch: '$(cat "$WORK/bad.err")'"
	[ -s "$WORK/bad.out" ] && fail "$args -E file nosuch printed packets"
	ok "$args -E 'file nosuch': exit 1, $(cat "$WORK/bad.err")"
done
