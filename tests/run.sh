#!/usr/bin/env bash
# Runs every suite: unit (cmocka), golden (text against real tcpdump output)
# and e2e (the real binary against real traffic, daemons and containers).
# Usage: tests/run.sh [PATTERN]   (PATTERN selects tests by name)
# Ends with "N passed, N failed[, N skipped]"; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
PATTERN=${1:-}
OUT=$ROOT/tests/out
mkdir -p "$OUT"
passed=0 failed=0 skipped=0
failures=()

record() { # STATUS NAME [REASON]
	case $1 in
	PASS) passed=$((passed + 1)); echo "PASS $2" ;;
	FAIL) failed=$((failed + 1)); failures+=("$2"); echo "FAIL $2${3:+: $3}" ;;
	SKIP) skipped=$((skipped + 1)); echo "SKIP $2${3:+: $3}" ;;
	esac
}

selected() { [ -z "$PATTERN" ] || [[ $1 == *$PATTERN* ]]; }

# --- unit tests (cmocka, TAP output) ---------------------------------------
for t in build/tests/test_*; do
	[ -x "$t" ] || continue
	name=unit/$(basename "$t")
	selected "$name" || continue
	log=$OUT/$(basename "$t").log
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$log" 2>&1
	rc=$?
	n=0
	while read -r line; do
		case $line in
		"ok "*) record PASS "$name/${line#ok * - }"; n=$((n + 1)) ;;
		"not ok "*) record FAIL "$name/${line#not ok * - }"; n=$((n + 1)) ;;
		esac
	done <"$log"
	if [ "$n" -eq 0 ] || { [ "$rc" -ne 0 ] && ! grep -q '^not ok' "$log"; }; then
		record FAIL "$name" "exit $rc, see $log"
	fi
done

# --- golden tests ------------------------------------------------------------
if [ -x tests/golden/run.sh ] && selected golden; then
	while read -r status name rest; do
		case $status in
		PASS | FAIL | SKIP) record "$status" "$name" "$rest" ;;
		esac
	done < <(tests/golden/run.sh "$PATTERN" 2>"$OUT/golden.stderr"
		tests/golden/truncated.sh 2>>"$OUT/golden.stderr")
fi

# --- fuzz smoke (libFuzzer harnesses, ~40 s) and golden mutations ------------
if [ -x tests/fuzz/run.sh ] && selected fuzz; then
	while read -r status name rest; do
		case $status in
		PASS | FAIL | SKIP) record "$status" "${name%:}" "$rest" ;;
		esac
	done < <(tests/fuzz/run.sh 2>"$OUT/fuzz.stderr"; tests/fuzz/mutations.sh 2>>"$OUT/fuzz.stderr")
fi

# --- unit and golden suites under ASan/UBSan ----------------------------------
if selected asan; then
	if make -s --no-print-directory asan >"$OUT/asan.log" 2>&1; then
		record PASS asan/unit-and-golden
	else
		record FAIL asan/unit-and-golden "see $OUT/asan.log"
		tail -n 20 "$OUT/asan.log" | sed 's/^/    | /'
	fi
fi

# --- end-to-end tests ---------------------------------------------------------
if selected e2e && [ "$(id -u)" -eq 0 ]; then
	scripts/start-daemons.sh >"$OUT/daemons.log" 2>&1
fi
for t in tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	name=e2e/$(basename "$t" .sh)
	selected "$name" || continue
	log=$OUT/$(basename "$t" .sh).log
	start=$(date +%s)
	timeout -k 10 600 bash "$t" >"$log" 2>&1
	rc=$?
	secs=$(($(date +%s) - start))
	case $rc in
	0) record PASS "$name" ;;
	77) record SKIP "$name" "$(grep -m1 '^SKIP' "$log" | sed 's/^SKIP[^:]*: //')" ;;
	*)
		record FAIL "$name" "exit $rc after ${secs}s"
		sed 's/^/    | /' "$log" | tail -n 40
		;;
	esac
done
[ -x tests/lib/check_leftovers.sh ] && selected e2e && {
	if tests/lib/check_leftovers.sh >"$OUT/leftovers.log" 2>&1; then
		record PASS e2e/no-leftovers
	else
		record FAIL e2e/no-leftovers "$(tr '\n' ' ' <"$OUT/leftovers.log")"
	fi
}

if [ "$failed" -gt 0 ]; then
	echo "failed: ${failures[*]}"
fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
