#!/usr/bin/env bash
# Issue 6, acceptance 2: a pcapng written by ptcpdump (container traffic with
# metadata) is read without any warning by tcpdump -nn -r and tshark -r, and
# tshark lists the metadata comment groups (PID:, Cmd:, ContainerId: ...).
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd docker tcpdump tshark
ptd_test_init
ptd_env_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

F=$PTD_WORK/F.pcapng
ptd_cap_start live -i any -w "$F" "host $PTD_EXT_ADDR"
docker_run "" sh -c "wget -T 10 $PTD_EXT_ADDR -O /dev/null" || fail "docker run (wget) failed"
sleep 1
ptd_cap_stop "$PTD_CAP_PID" || fail "ptcpdump exit status $?"
[ -s "$F" ] || fail "no file written"

# --- tcpdump --------------------------------------------------------------
tcpdump -nn -r "$F" >"$PTD_WORK/td.out" 2>"$PTD_WORK/td.err" || fail "tcpdump -r failed: $(cat "$PTD_WORK/td.err")"
if grep -v '^reading from file .*, link-type EN10MB (Ethernet), snapshot length [0-9]*$' "$PTD_WORK/td.err" >"$PTD_WORK/td.warn"; then
    cat "$PTD_WORK/td.warn"
    fail "tcpdump -r printed warnings"
fi
grep -q "> $PTD_EXT_ADDR.80: Flags \[S\]" "$PTD_WORK/td.out" || { head "$PTD_WORK/td.out"; fail "tcpdump: no SYN to $PTD_EXT_ADDR.80"; }
n_td=$(wc -l <"$PTD_WORK/td.out")
echo "ok: tcpdump -nn -r reads $n_td packets, no warnings"

# --- tshark -----------------------------------------------------------------
tsh_clean() { # FILE: stderr of tshark with only its root notice allowed
    grep -v -e '^Running as user "root" and group "root"\. This could be dangerous\.$' "$1" || true
}
tshark -r "$F" >"$PTD_WORK/ts.out" 2>"$PTD_WORK/ts.err" || fail "tshark -r failed: $(cat "$PTD_WORK/ts.err")"
[ -z "$(tsh_clean "$PTD_WORK/ts.err")" ] || { cat "$PTD_WORK/ts.err"; fail "tshark -r printed warnings"; }
n_ts=$(wc -l <"$PTD_WORK/ts.out")
[ "$n_ts" -eq "$n_td" ] || fail "tshark sees $n_ts packets, tcpdump $n_td"
grep -qi 'malformed\|expert' "$PTD_WORK/ts.out" && { grep -i malformed "$PTD_WORK/ts.out" | head -3; fail "tshark reports malformed packets"; }
tshark -r "$F" -V >"$PTD_WORK/tv.out" 2>"$PTD_WORK/tv.err" || fail "tshark -V failed: $(cat "$PTD_WORK/tv.err")"
if grep -E 'Malformed|Expert Info \(Error|Expert Info \(Warning/(Malformed|Protocol|Undecoded)' "$PTD_WORK/tv.out" | head -5 | grep .; then
    fail "tshark -V reports malformed packets or errors"
fi
grep -q 'Direction: Inbound' "$PTD_WORK/tv.out" && grep -q 'Direction: Outbound' "$PTD_WORK/tv.out" ||
    fail "tshark -V shows no epb_flags directions"
grep -Eq '^ +Interface name: docker0$' "$PTD_WORK/tv.out" || fail "tshark -V shows no interface docker0"
echo "ok: tshark -r reads $n_ts packets, no warnings; -V: no malformed packets, directions and interface names"

tshark -r "$F" -T fields -e frame.interface_name -e frame.comment >"$PTD_WORK/cm.out" 2>"$PTD_WORK/cm.err" ||
    fail "tshark -T fields failed: $(cat "$PTD_WORK/cm.err")"
[ -z "$(tsh_clean "$PTD_WORK/cm.err")" ] || { cat "$PTD_WORK/cm.err"; fail "tshark -T fields printed warnings"; }
head -n 3 "$PTD_WORK/cm.out"
for key in 'PID: [0-9]+' 'Cmd: /usr/bin/wget' 'Args: wget -T 10 '"$PTD_EXT_ADDR" \
    'ThreadId: [0-9]+' 'ThreadName: wget' 'UserId: 0' 'ParentPID: [0-9]+' \
    'ContainerId: [0-9a-f]{64}' "ContainerImage: $PTD_IMAGE" 'ContainerLabels: \{'; do
    grep -Eq "$key" "$PTD_WORK/cm.out" || fail "tshark shows no comment with '$key'"
done
# several groups: one comment per group, tshark joins them with ","
grep -Eq 'PID: [0-9]+\\nCmd: /usr/bin/wget.*,ThreadId: ' "$PTD_WORK/cm.out" ||
    grep -Eq 'PID: [0-9]+.*Cmd: /usr/bin/wget.*,ThreadId: ' "$PTD_WORK/cm.out" ||
    fail "the comment groups are not separate comments"
echo "ok: tshark lists the comment groups (PID, Cmd, Args, ThreadId, UserId, ParentPID, Container*)"
