#!/usr/bin/env bash
# Issue 8: the live e2e tests once more, with every ptcpdump they start under
# valgrind memcheck (through a wrapper given as PTCPDUMP): 0 errors and 0
# bytes definitely lost in every process.  Left out: the load and timing
# tests (short-lived processes, bursts, churn, restarts, attr_command's
# exit within 5 s of its command), whose point is speed, and the bad-input
# tests that never capture.  The suppressions
# (tests/e2e/valgrind.supp) cover only false positives inside libbpf.
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v valgrind >/dev/null || skip "missing valgrind"
E2E=$(cd "$(dirname "$0")" && pwd)
BIN=$(cd "$(dirname "$PTCPDUMP")" && pwd)/$(basename "$PTCPDUMP")
LOGS=$WORK/vg
mkdir -p "$LOGS" && chmod 1777 "$LOGS" && chmod 755 "$WORK"
cat >"$WORK/ptcpdump" <<WRAP
#!/bin/sh
exec valgrind -q --leak-check=full --errors-for-leak-kinds=definite \\
	--suppressions=$E2E/valgrind.supp --num-callers=30 \\
	--log-file=$LOGS/vg.%p.log $BIN "\$@"
WRAP
chmod 755 "$WORK/ptcpdump"

TESTS=(capture_lo_filter capture_veth_direction capture_new_iface capture_filter_nomatch
	capture_write_stdout capture_errors capture_teardown attr_tcp attr_udp_icmp attr_filters
	attr_preexisting attr_kernel_packets netns_path netns_newly
	pcapng_print_roundtrip pcapng_interop pcapng_rotate pcapng_packetid drops_policy
	drops_reasons drops_pcapng esp_decrypt test_docker test_containerd test_seed_scenario test_pod
	privs_drop)
failed=()
for t in "${TESTS[@]}"; do
	[ -f "$E2E/$t.sh" ] || continue
	PTD_START_TICKS=1200 PTCPDUMP=$WORK/ptcpdump timeout -k 10 300 bash "$E2E/$t.sh" >"$WORK/$t.log" 2>&1
	rc=$?
	case $rc in
	0) echo "ok: $t under valgrind" ;;
	77) echo "skipped: $t ($(grep -m1 '^SKIP' "$WORK/$t.log"))" ;;
	*)
		echo "FAILED: $t (exit $rc)"
		grep -E -A2 '^(PROBLEM|FAIL)' "$WORK/$t.log" | cut -c1-400 | head -n 12
		tail -n 3 "$WORK/$t.log"
		failed+=("$t")
		;;
	esac
done
n=$(ls "$LOGS" | wc -l)
# with -q, valgrind writes a report only for errors (and its warnings about
# bpf commands it does not know, which are not errors)
bad=$(grep -lE '^==[0-9]+== (Invalid|Conditional|Use of uninit|Syscall param|Mismatched|Source and destination|[0-9,]+ bytes in [0-9,]+ blocks are definitely lost)' "$LOGS"/vg.*.log 2>/dev/null)
if [ -n "$bad" ]; then
	for f in $bad; do sed -n '1,40p' "$f"; done
	fail "valgrind reports in $(echo "$bad" | wc -w) of $n processes"
fi
[ "$n" -gt 20 ] || fail "only $n ptcpdump processes ran under valgrind"
[ ${#failed[@]} -eq 0 ] || fail "tests failing under valgrind: ${failed[*]}"
ok "$n ptcpdump processes under valgrind: 0 errors, 0 bytes definitely lost"
