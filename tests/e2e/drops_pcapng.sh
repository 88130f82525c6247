#!/usr/bin/env bash
# Issue 9, acceptance 4: drops survive a round trip through pcapng.
# `-w F.pcapng --print -v --drops` prints the same text as `-r F.pcapng -v`
# afterwards (Drop direction, reason and location included), and tshark
# shows the drop reason in the packet comment.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd python3 tshark
ptd_test_init
ext_host_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

F=$PTD_WORK/drops.pcapng
cat >"$PTD_WORK/send.py" <<'PY'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(3):
    s.sendto(b"ptd-drop-test %d" % i, (sys.argv[1], 9998))
PY
ptd_cap_start live -i any -v --drops -w "$F" --print "host $PTD_EXT_ADDR and udp port 9998"
cap=$PTD_CAP_PID
python3 "$PTD_WORK/send.py" "$PTD_EXT_ADDR" || fail "send"
sleep 0.5
ptd_cap_stop "$cap" || fail "ptcpdump exit status $?"
cat "$PTD_WORK/live.err"
n=$(ptd_blocks "$PTD_WORK/live.out" | grep -c '^\S* \S* Drop IP .* | 198\.51\.100\.1\.[0-9]* > 198\.51\.100\.10\.9998: UDP' || true)
[ "$n" -eq 3 ] || { cat "$PTD_WORK/live.out"; fail "$n Drop lines live, want 3"; }
grep -q '^    Drop (reason NO_SOCKET, location ' "$PTD_WORK/live.out" || fail "no reason live"

"$PTD_BIN" -r "$F" -v >"$PTD_WORK/read.out" 2>"$PTD_WORK/read.err" || fail "-r: $(cat "$PTD_WORK/read.err")"
if ! diff -u "$PTD_WORK/live.out" "$PTD_WORK/read.out"; then
    fail "-r prints something else than the live capture"
fi
echo "ok: -r prints the same $(grep -c '^[0-9]' "$PTD_WORK/read.out") packets, $n of them drops"

tshark -r "$F" -T fields -e frame.comment >"$PTD_WORK/comments" 2>"$PTD_WORK/tshark.err" ||
    fail "tshark: $(cat "$PTD_WORK/tshark.err")"
c=$(grep -c 'DropReason: NO_SOCKET' "$PTD_WORK/comments" || true)
[ "$c" -eq 3 ] || { cat "$PTD_WORK/comments"; fail "$c comments with DropReason: NO_SOCKET, want 3"; }
grep -q 'DropLocation: ' "$PTD_WORK/comments" || fail "no DropLocation in the comments"
echo "ok: tshark shows DropReason: NO_SOCKET on the 3 drops"
