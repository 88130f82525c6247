#!/usr/bin/env bash
# Issue 5: the user's CI workflow test_containerd.sh.
#   ptcpdump -i any --print -w F.pcapng --oneline -v 'host 198.51.100.10 and port 80'
# while two `ctr run --cni` containers (named by the nerdctl/name label) run
# `sh -c 'sleep 2; wget -T 10 198.51.100.10 ...'`; each container's packets
# are found with the CI's grep, live and again from the pcapng file (-r).
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd ctr
ptd_test_init
ptd_env_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

F=$PTD_WORK/F.pcapng
cid1=$(ptd_hex_id)
cid2=$(ptd_hex_id)
ptd_cap_start live -i any --print -w "$F" --oneline -v "host $PTD_EXT_ADDR and port 80"
ctr_run ptd-ctr1-$$ "$cid1" sh -c "sleep 2; wget -T 10 $PTD_EXT_ADDR -O /dev/null" || fail "container 1: wget failed"
ctr_run ptd-ctr2-$$ "$cid2" sh -c "sleep 2; wget -T 10 $PTD_EXT_ADDR -q -O /dev/null" || fail "container 2: wget failed"
sleep 1
ptd_cap_stop "$PTD_CAP_PID" || fail "ptcpdump exit status $?"
cat "$PTD_WORK/live.out"
"$PTD_BIN" --oneline -v -r "$F" >"$PTD_WORK/read.out" 2>"$PTD_WORK/read.err" ||
    fail "ptcpdump -r $F failed: $(cat "$PTD_WORK/read.err")"

for out in live read; do
    for cid in "$cid1" "$cid2"; do
        grep -q "> $PTD_EXT_ADDR.80: Flags .*, args wget -T 10 $PTD_EXT_ADDR.* $cid" "$PTD_WORK/$out.out" ||
            fail "$out: no packet of container $cid to $PTD_EXT_ADDR.80 with its wget args"
    done
    # the two containers' packets are not mixed up
    grep -q "args wget -T 10 $PTD_EXT_ADDR -O /dev/null).* $cid2" "$PTD_WORK/$out.out" &&
        fail "$out: container 1's wget attributed to container 2"
    grep -q "args wget -T 10 $PTD_EXT_ADDR -q -O /dev/null).* $cid1" "$PTD_WORK/$out.out" &&
        fail "$out: container 2's wget attributed to container 1"
    grep -q "Container (name ptd-ctr1-$$, id $cid1, image $PTD_IMAGE, labels {" "$PTD_WORK/$out.out" ||
        fail "$out: no Container line with the nerdctl name and image of container 1"
    echo "ok: $out: both containers' packets carry their wget args and container id"
done
# the file holds the same packets as were printed
[ "$(wc -l <"$PTD_WORK/live.out")" -eq "$(wc -l <"$PTD_WORK/read.out")" ] ||
    fail "live printed $(wc -l <"$PTD_WORK/live.out") packets, the file has $(wc -l <"$PTD_WORK/read.out")"
cmp -s "$PTD_WORK/live.out" "$PTD_WORK/read.out" || {
    diff "$PTD_WORK/live.out" "$PTD_WORK/read.out" | head -20
    fail "-r of the pcapng prints other text than the live capture"
}
echo "ok: -r of the pcapng prints the same text"
