#!/usr/bin/env bash
# Issue 8, fault: the captured interface is deleted mid-capture.
#  1. -i ptdv-X, X deleted: what was captured before is printed, then (like
#     tcpdump) "ptcpdump: ptdv-X: The interface disappeared", the summary,
#     exit 1, within a few seconds; no crash, no hang.
#  2. -i A -i B, A deleted: the capture goes on on B; deleting B too ends it as in 1.
#  3. -i any, one veth deleted: the capture goes on on the other interfaces;
#     SIGINT ends it with status 0.
# Also: -w gets the packets before the deletion.  (stdout is a file, so it is
# block-buffered: the text is checked once ptcpdump has ended.)
set -u
. "$(dirname "$0")/../lib/core.sh"

gone_within() { # PID SECONDS -> exit status, 124 if still running
	ptd_wait "$1" "$2"
}
check_summary() { # ERRFILE
	grep -Eq '^[0-9]+ packets captured$' "$1" && grep -Eq '^[0-9]+ packets received by filter$' "$1" &&
		grep -Eq '^[0-9]+ packets dropped by kernel$' "$1"
}

# --- 1. the only interface goes away
netns_pair ptd-id1 ptdv-id1 10.250.34.1 10.250.34.2
ptd_start one -i ptdv-id1 -w "$WORK/one.pcapng" --print icmp
ip netns exec ptd-id1 ping -c 5 -i 0.2 -W 1 10.250.34.1 >/dev/null || fail "ping"
sleep 0.3
t0=$(date +%s%N)
ip link del ptdv-id1
gone_within "$PTD_PID" 10
rc=$?
ms=$((($(date +%s%N) - t0) / 1000000))
cat "$WORK/one.err"
[ "$rc" -ne 124 ] || { kill -INT "$PTD_PID"; fail "-i ptdv-id1: still running 10 s after the interface was deleted"; }
[ "$rc" -lt 128 ] || fail "-i ptdv-id1: killed by signal $((rc - 128)) after the interface was deleted"
[ "$rc" -eq 1 ] || fail "-i ptdv-id1: exit status $rc after the interface was deleted, expected 1"
grep -qx 'ptcpdump: ptdv-id1: The interface disappeared' "$WORK/one.err" || fail "-i ptdv-id1: no 'The interface disappeared' message"
check_summary "$WORK/one.err" || fail "-i ptdv-id1: no summary"
n=$(grep -c 'ICMP echo' "$WORK/one.out")
[ "$n" -eq 10 ] || fail "-i ptdv-id1: printed $n of the 10 ICMP packets before the deletion"
grep -qx '10 packets captured' "$WORK/one.err" || fail "-i ptdv-id1: summary says $(grep captured "$WORK/one.err")"
nf=$(tcpdump -nn -r "$WORK/one.pcapng" 2>/dev/null | grep -c 'ICMP echo')
[ "$nf" -eq 10 ] || fail "-i ptdv-id1: the -w file has $nf of the 10 ICMP packets"
ok "-i ptdv-id1 deleted: 10 packets printed and written, 'The interface disappeared', exit 1 after ${ms} ms"

# --- 2. two named interfaces: one goes, the capture goes on on the other
netns_pair ptd-id2 ptdv-id2 10.250.35.1 10.250.35.2
netns_pair ptd-id3 ptdv-id3 10.250.36.1 10.250.36.2
ptd_start two -i ptdv-id2 -i ptdv-id3 icmp
ip netns exec ptd-id2 ping -c 2 -i 0.2 -W 1 10.250.35.1 >/dev/null || fail "ping 2"
sleep 0.3
ip link del ptdv-id2
sleep 1
kill -0 "$PTD_PID" 2>/dev/null || { cat "$WORK/two.err"; fail "-i A -i B: ended when only A was deleted"; }
ip netns exec ptd-id3 ping -c 3 -i 0.2 -W 1 10.250.36.1 >/dev/null || fail "ping 3"
sleep 0.3
ip link del ptdv-id3
gone_within "$PTD_PID" 10
rc=$?
cat "$WORK/two.err"
[ "$rc" -ne 124 ] || fail "-i A -i B: still running 10 s after both were deleted"
[ "$rc" -eq 1 ] || fail "-i A -i B: exit status $rc after both were deleted, expected 1"
grep -q 'The interface disappeared' "$WORK/two.err" || fail "-i A -i B: no 'The interface disappeared' message"
check_summary "$WORK/two.err" || fail "-i A -i B: no summary"
grep -qx '10 packets captured' "$WORK/two.err" || fail "-i A -i B: summary says $(grep captured "$WORK/two.err"), expected 10"
n3=$(grep -c '10.250.36.2 > 10.250.36.1: ICMP echo request' "$WORK/two.out")
[ "$n3" -eq 3 ] || fail "-i A -i B: after A was deleted, $n3 of 3 requests on B captured"
ok "-i A -i B: goes on after A is deleted (3 requests on B), exit 1 when B goes too"

# --- 3. -i any: one veth deleted, the others still captured
netns_pair ptd-id4 ptdv-id4 10.250.37.1 10.250.37.2
netns_pair ptd-id5 ptdv-id5 10.250.38.1 10.250.38.2
ptd_start any -i any 'icmp and net 10.250.0.0/16'
ip netns exec ptd-id4 ping -c 2 -i 0.2 -W 1 10.250.37.1 >/dev/null || fail "ping 4"
sleep 0.3
ip link del ptdv-id4
sleep 1
kill -0 "$PTD_PID" 2>/dev/null || { cat "$WORK/any.err"; fail "-i any: ended when one interface was deleted"; }
ip netns exec ptd-id5 ping -c 3 -i 0.2 -W 1 10.250.38.1 >/dev/null || fail "ping 5"
sleep 0.3
ptd_stop "$PTD_PID" INT || fail "-i any: exit status $? after SIGINT"
n4=$(grep -c '10.250.37.2 > 10.250.37.1: ICMP echo request' "$WORK/any.out")
n5=$(grep -c '10.250.38.2 > 10.250.38.1: ICMP echo request' "$WORK/any.out")
[ "$n4" -eq 2 ] && [ "$n5" -eq 3 ] || fail "-i any: $n4/2 requests before the deletion, $n5/3 on the other interface after"
grep -q 'disappeared' "$WORK/any.err" && fail "-i any: 'disappeared' message: $(cat "$WORK/any.err")"
ok "-i any: goes on after a veth is deleted ($n4 + $n5 requests), exit 0 on SIGINT"

