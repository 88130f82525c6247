#!/bin/bash
# Issue 3: 10,000 random mutations of the golden captures through the pcap
# and pcapng readers and every printer (-r's code path), under ASan and
# UBSan: libFuzzer's mutator with the golden files as the only seeds and a
# fixed seed, 10,000 executions per reader.  Needs the harnesses that
# tests/fuzz/run.sh built.  One line each: PASS/FAIL/SKIP fuzz/golden-mutations-NAME.
set -u
cd "$(dirname "$0")/../.." || exit 1
FB=${FUZZ_BUILD:-build-fuzz}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
fail=0
for n in pcap pcapng; do
	bin=$FB/fuzz/fuzz_$n
	if [ ! -x "$bin" ]; then
		echo "SKIP fuzz/golden-mutations-$n: $bin not built (no libFuzzer)"
		continue
	fi
	seeds=$(mktemp -d)
	case $n in
	pcap) cp tests/golden/captures/*.pcap "$seeds"/ ;;
	pcapng) cp tests/golden/captures/*.pcapng "$seeds"/ ;;
	esac
	log=$FB/logs/golden-mutations-$n.log
	mkdir -p "$FB/logs"
	if "$bin" -seed=1 -runs=10000 -max_len=65536 "$seeds" >"$log" 2>&1; then
		echo "PASS fuzz/golden-mutations-$n"
	else
		echo "FAIL fuzz/golden-mutations-$n: see $log"
		fail=1
	fi
	rm -rf "$seeds"
done
exit $fail
