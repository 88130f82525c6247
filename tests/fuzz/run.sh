#!/bin/bash
# Fuzz smoke test, run by tests/run.sh: builds the libFuzzer harnesses
# (make fuzz-build), then for every tests/fuzz/fuzz_NAME.c
#   1. replays tests/fuzz/regressions/NAME/* (every crash ever found),
#   2. fuzzes for FUZZ_SECONDS (default 5) from corpus/NAME/ plus a work
#      corpus in $FUZZ_BUILD/corpus/NAME/ (kept between runs, not committed).
# 6 harnesses x 5 s + replays and start-up: ~40 s on an idle 2-core machine.
# One line per harness: "PASS fuzz/NAME", "FAIL fuzz/NAME: why" or
# "SKIP fuzz/NAME: why" (no clang with libFuzzer).  A new crash is copied to
# regressions/NAME/ (commit it once fixed) and reported with its path.
# Usage: tests/fuzz/run.sh [PATTERN]   (PATTERN: substring of NAME)
# Env: FUZZ_SECONDS, FUZZ_BUILD (default build-fuzz), FUZZ_NO_BUILD=1 (the
# harnesses are already built), FUZZ_CC (default clang), FUZZ_ARGS (extra
# libFuzzer flags).  Logs: $FUZZ_BUILD/logs/NAME.log.  Exit 1 on any FAIL.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT" || exit 1
PATTERN=${1:-}
SECS=${FUZZ_SECONDS:-5}
FB=${FUZZ_BUILD:-build-fuzz}
CC_FUZZ=${FUZZ_CC:-clang}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

names=()
for f in tests/fuzz/fuzz_*.c; do
	n=$(basename "$f" .c)
	n=${n#fuzz_}
	[ -z "$PATTERN" ] || [[ $n == *$PATTERN* ]] || continue
	names+=("$n")
done
[ ${#names[@]} -gt 0 ] || exit 0

all() { # STATUS REASON
	for n in "${names[@]}"; do echo "$1 fuzz/$n: $2"; done
}

# --- is libFuzzer there? ------------------------------------------------------
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$probe/p.c"
if ! command -v "$CC_FUZZ" >/dev/null 2>&1; then
	all SKIP "$CC_FUZZ not found"
	exit 0
fi
if ! "$CC_FUZZ" -fsanitize=fuzzer,address,undefined "$probe/p.c" -o "$probe/p" >/dev/null 2>&1; then
	all SKIP "$CC_FUZZ has no libFuzzer/ASan/UBSan runtime (libclang-rt-dev)"
	exit 0
fi

# --- build ----------------------------------------------------------------------
mkdir -p "$FB/logs"
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
	if ! make -s --no-print-directory FUZZ_BUILD="$FB" FUZZ_CC="$CC_FUZZ" fuzz-build \
		>"$FB/logs/build.log" 2>&1; then
		tail -n 30 "$FB/logs/build.log" >&2
		all FAIL "build failed, see $FB/logs/build.log"
		exit 1
	fi
fi

# --- replay, then fuzz ------------------------------------------------------------
fail=0
for n in "${names[@]}"; do
	bin=$FB/fuzz/fuzz_$n
	log=$FB/logs/$n.log
	if [ ! -x "$bin" ]; then
		echo "FAIL fuzz/$n: $bin not built"
		fail=1
		continue
	fi
	reg=tests/fuzz/regressions/$n
	if [ -d "$reg" ] && [ -n "$(ls -A "$reg" 2>/dev/null)" ]; then
		if ! "$bin" -runs=1 "$reg"/* >"$log.replay" 2>&1; then
			echo "FAIL fuzz/$n: a regression input crashes again, see $log.replay"
			grep -m3 -E 'ERROR|SUMMARY|Running:' "$log.replay" | sed 's/^/    | /' >&2
			fail=1
			continue
		fi
	fi
	work=$FB/corpus/$n
	art=$FB/artifacts/$n
	mkdir -p "$work" "$art"
	rm -f "$art"/*
	dict=()
	[ -f "tests/fuzz/$n.dict" ] && dict=(-dict="tests/fuzz/$n.dict")
	opts=()
	[ -f "tests/fuzz/$n.options" ] && read -r -a opts <"tests/fuzz/$n.options"
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$art/" "${dict[@]}" "${opts[@]}" ${FUZZ_ARGS:-} \
		"$work" "tests/fuzz/corpus/$n" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	crashes=$(ls "$art" 2>/dev/null)
	if [ $rc -eq 0 ] && [ -z "$crashes" ]; then
		echo "PASS fuzz/$n"
		echo "fuzz/$n: ${execs:-?} executions in ${SECS}s" >&2
		continue
	fi
	fail=1
	saved=
	for c in $crashes; do
		mkdir -p "$reg"
		cp "$art/$c" "$reg/$c"
		saved="$saved $reg/$c"
	done
	echo "FAIL fuzz/$n: exit $rc, crash input:${saved:- none}, see $log"
	grep -m3 -E '^==[0-9]+==ERROR|SUMMARY|runtime error' "$log" | sed 's/^/    | /' >&2
done
exit $fail
