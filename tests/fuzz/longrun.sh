#!/bin/bash
# Long fuzzing run, for RESULTS.md: runs the named harnesses one after the
# other, each for FUZZ_RUNS executions (default 10M, capped at FUZZ_MAX_SECS,
# default 3600 s).  Start one instance per core, e.g.
#   tests/fuzz/longrun.sh pcap docker containerd & tests/fuzz/longrun.sh dissect pcapng meta_codec &
# Uses copies of the binaries (a rebuild does not disturb it); corpora grow in
# $FUZZ_BUILD/corpus/NAME, logs in $FUZZ_BUILD/long/NAME.log, crashes in
# $FUZZ_BUILD/long/artifacts/NAME/.
# FUZZ_NO_ONELINE=1 leaves --oneline out of the text-sink configurations
# (it was needed until join_lines() in src/output/text.c was fixed).
set -u
cd "$(dirname "$0")/../.." || exit 1
FB=${FUZZ_BUILD:-build-fuzz}
RUNS=${FUZZ_RUNS:-10000000}
MAXS=${FUZZ_MAX_SECS:-3600}
export FUZZ_NO_ONELINE=${FUZZ_NO_ONELINE-0}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$FB/long/bin"
for n in "$@"; do
	cp "$FB/fuzz/fuzz_$n" "$FB/long/bin/fuzz_$n" || exit 1
	mkdir -p "$FB/corpus/$n" "$FB/long/artifacts/$n"
	opts=()
	[ -f "tests/fuzz/$n.options" ] && read -r -a opts <"tests/fuzz/$n.options"
	dict=()
	[ -f "tests/fuzz/$n.dict" ] && dict=(-dict="tests/fuzz/$n.dict")
	start=$(date +%s)
	echo "start $(date -u +%FT%TZ)" >"$FB/long/$n.log"
	"$FB/long/bin/fuzz_$n" -runs="$RUNS" -max_total_time="$MAXS" -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$FB/long/artifacts/$n/" \
		"${opts[@]}" "${dict[@]}" "$FB/corpus/$n" "tests/fuzz/corpus/$n" >>"$FB/long/$n.log" 2>&1
	rc=$?
	echo "end $(date -u +%FT%TZ) rc=$rc secs=$(($(date +%s) - start))" >>"$FB/long/$n.log"
done
