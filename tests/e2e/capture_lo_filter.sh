#!/usr/bin/env bash
# Issue 2, acceptance 1: -c with a kernel-side filter on lo, read back by
# real tcpdump and tshark.
set -u
. "$(dirname "$0")/../lib/core.sh"

PA=47001 PB=47002
ptd_start cap -i lo -c 5 -w "$WORK/f.pcapng" "udp port $PA"
for i in 1 2 3 4 5 6; do
	echo "a$i" | socat - "UDP:127.0.0.1:$PA" 2>/dev/null
	echo "b$i" | socat - "UDP:127.0.0.1:$PB" 2>/dev/null
done
ptd_wait "$PTD_PID" 10 || fail "ptcpdump -c 5 did not exit by itself ($?)"
ok "exited by itself"

out=$(tcpdump -nn -r "$WORK/f.pcapng" 2>"$WORK/tcpdump.err") || fail "tcpdump -r failed: $(cat "$WORK/tcpdump.err")"
echo "$out"
[ "$(echo "$out" | wc -l)" -eq 5 ] || fail "expected 5 packets, got: $out"
[ "$(echo "$out" | grep -c "> 127.0.0.1.$PA: UDP")" -eq 5 ] || fail "not all to port $PA"
ok "tcpdump reads 5 packets, all to port $PA"

tshark -r "$WORK/f.pcapng" >"$WORK/tshark.out" 2>"$WORK/tshark.err" || fail "tshark failed"
grep -v 'Running as user "root"' "$WORK/tshark.err" | grep . && fail "tshark warned: $(cat "$WORK/tshark.err")"
[ "$(wc -l <"$WORK/tshark.out")" -eq 5 ] || fail "tshark: $(cat "$WORK/tshark.out")"
names=$(tshark -r "$WORK/f.pcapng" -T fields -e frame.interface_name 2>/dev/null | sort -u)
[ "$names" = "lo" ] || fail "tshark interface name: '$names'"
ok "tshark reads it without warning, interface lo"
grep -q '^5 packets captured' "$WORK/cap.err" || fail "summary: $(cat "$WORK/cap.err")"
