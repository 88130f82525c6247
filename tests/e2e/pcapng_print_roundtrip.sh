#!/usr/bin/env bash
# Issue 6, acceptance 1: a capture with container traffic, written with
#   ptcpdump -i any -v -l --print -w F.pcapng 'host 198.51.100.10'
# (-l: the test waits for lines of the text, which a file would otherwise
# get 4 KiB at a time, as tcpdump's)
# prints exactly the text that `ptcpdump -v -r F.pcapng` prints afterwards
# (line for line, context lines included).
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd docker
ptd_test_init
ptd_env_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

F=$PTD_WORK/F.pcapng
ptd_cap_start live -i any -v -l --print -w "$F" "host $PTD_EXT_ADDR"
docker_run "" sh -c "wget -T 10 $PTD_EXT_ADDR -O /dev/null" || fail "docker run (wget) failed"
wait_for_file_match "$PTD_WORK/live.out" "^ *$PTD_EXT_ADDR\\.80 > [0-9.]+: Flags \\[F" 10 ||
    { cat "$PTD_WORK/live.out"; fail "no complete HTTP exchange captured"; }
sleep 0.5
ptd_cap_stop "$PTD_CAP_PID" || fail "ptcpdump exit status $?"
out=$PTD_WORK/live.out
grep -q "Process (pid [0-9]*, cmd /usr/bin/wget, args wget -T 10 $PTD_EXT_ADDR" "$out" ||
    { cat "$out"; fail "live: no wget Process line"; }
grep -q "^    Container (name [^,]*, id [0-9a-f]\{64\}, image $PTD_IMAGE" "$out" ||
    { cat "$out"; fail "live: no Container line"; }
echo "ok: live -v text has $(grep -c '^[0-9]' "$out") packets with context lines"

"$PTD_BIN" -v -r "$F" >"$PTD_WORK/read.out" 2>"$PTD_WORK/read.err" ||
    fail "ptcpdump -v -r failed: $(cat "$PTD_WORK/read.err")"
if ! diff "$out" "$PTD_WORK/read.out" >"$PTD_WORK/diff"; then
    head -n 40 "$PTD_WORK/diff"
    fail "ptcpdump -v -r prints other text than the live --print ($(grep -c '^[<>]' "$PTD_WORK/diff") lines differ)"
fi
[ "$(wc -l <"$out")" -gt 10 ] || fail "too little output to compare"
echo "ok: -v -r of the pcapng is identical to the live text ($(wc -l <"$out") lines)"
