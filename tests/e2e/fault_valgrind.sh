#!/usr/bin/env bash
# Issue 8: memory errors and leaks.  A short live capture of lo traffic
# (ping 127.0.0.1, -v -w FILE --print, container metadata sources at their
# defaults) and a -v -r of the result, each under
#   valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99
# must show 0 errors and 0 definitely lost bytes.  tests/e2e/valgrind.supp
# suppresses only valgrind's false positives in the bpf(2) syscall wrapper
# (bytes of union bpf_attr past the size libbpf passes; see the file).
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v valgrind >/dev/null || skip "missing valgrind"
SUPP=$(dirname "$0")/valgrind.supp
VG=(valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99
	--suppressions="$SUPP" --num-callers=30)

check_vg() { # WHAT RC LOG
	local what=$1 rc=$2 log=$3 def
	grep -E 'ERROR SUMMARY|definitely lost|in use at exit' "$log" | sed 's/^==[0-9]*== /    /'
	[ "$rc" -ne 99 ] || { sed -n '/^==[0-9]*== [A-Z].*\(uninitialised\|Invalid\|definitely\|Mismatched\|overlap\)/,/^==[0-9]*== $/p' "$log" | head -60 >&2; fail "$what: valgrind found errors (exit 99), log above"; }
	grep -Eq 'ERROR SUMMARY: 0 errors' "$log" || fail "$what: $(grep 'ERROR SUMMARY' "$log")"
	def=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log")
	[ -z "$def" ] || [ "$def" = 0 ] || fail "$what: $def bytes definitely lost"
}

# --- live capture
F=$WORK/vg.pcapng
"${VG[@]}" "$PTCPDUMP" -i lo -v --print -w "$F" 'icmp and host 127.0.0.1' >"$WORK/live.out" 2>"$WORK/live.err" &
pid=$!
CORE_PIDS+=("$pid")
for _ in $(seq 600); do
	grep -q '^capturing on' "$WORK/live.err" && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
grep -q '^capturing on' "$WORK/live.err" || { tail -30 "$WORK/live.err" >&2; fail "ptcpdump under valgrind did not start in 60 s"; }
ping -c 5 -i 0.2 -W 1 127.0.0.1 >/dev/null || fail "ping"
sleep 1
kill -INT "$pid"
for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "ptcpdump under valgrind did not exit 30 s after SIGINT"
wait "$pid"
rc=$?
check_vg "live capture" "$rc" "$WORK/live.err"
[ "$rc" -eq 0 ] || fail "live capture: exit $rc: $(grep -v '^[=-]' "$WORK/live.err")"
n=$(grep -c 'ICMP echo request' "$WORK/live.out")
[ "$n" -ge 5 ] || fail "live capture printed $n of 5 echo requests"
ok "live capture (-v -w --print, $n requests): 0 errors, 0 definitely lost"

# --- read the file back
"${VG[@]}" "$PTCPDUMP" -v -r "$F" >"$WORK/read.out" 2>"$WORK/read.err"
rc=$?
check_vg "-v -r" "$rc" "$WORK/read.err"
[ "$rc" -eq 0 ] || fail "-r: exit $rc"
cmp -s "$WORK/live.out" "$WORK/read.out" || fail "-v -r prints other text than the live capture"
ok "-v -r of the file: 0 errors, 0 definitely lost, same text"

# --- a truncated file: the error path
size=$(stat -c %s "$F")
head -c $((size - 7)) "$F" >"$WORK/trunc.pcapng"
"${VG[@]}" "$PTCPDUMP" -r "$WORK/trunc.pcapng" >/dev/null 2>"$WORK/trunc.err"
rc=$?
check_vg "-r of a truncated file" "$rc" "$WORK/trunc.err"
[ "$rc" -eq 1 ] || fail "-r of a truncated file: exit $rc"
ok "-r of a truncated file: 0 errors, 0 definitely lost, exit 1"
