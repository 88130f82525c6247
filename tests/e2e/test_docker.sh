#!/usr/bin/env bash
# Issue 5: test_containerd.sh's workflow with `docker run` containers.
#   ptcpdump -i any --print -w F.pcapng --oneline -v 'host 198.51.100.10 and port 80'
# while two `docker run --rm` containers run `sh -c 'sleep 2; wget -T 10 ...'`.
# Docker's name and image appear in the Container line; the CI's grep finds
# each container's packets, live and from the pcapng file.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd docker
ptd_test_init
ptd_env_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

F=$PTD_WORK/F.pcapng
n1=ptd-dk1-$$ n2=ptd-dk2-$$
ptd_cap_start live -i any --print -w "$F" --oneline -v "host $PTD_EXT_ADDR and port 80"
cid1=$(docker_run -d "$n1" sh -c "sleep 2; wget -T 10 $PTD_EXT_ADDR -O /dev/null") || fail "docker run 1"
cid2=$(docker_run -d "$n2" sh -c "sleep 2; wget -T 10 $PTD_EXT_ADDR -q -O /dev/null") || fail "docker run 2"
[[ $cid1 =~ ^[0-9a-f]{64}$ && $cid2 =~ ^[0-9a-f]{64}$ ]] || fail "unexpected docker ids '$cid1' '$cid2'"
gone() { ! "$PTD_DOCKER" container inspect "$1" >/dev/null 2>&1; }
wait_until 30 gone "$cid1" || fail "container 1 still running after 30s"
wait_until 30 gone "$cid2" || fail "container 2 still running after 30s"
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
    grep -q "args wget -T 10 $PTD_EXT_ADDR -O /dev/null).* $cid2" "$PTD_WORK/$out.out" &&
        fail "$out: container 1's wget attributed to container 2"
    grep -q "args wget -T 10 $PTD_EXT_ADDR -q -O /dev/null).* $cid1" "$PTD_WORK/$out.out" &&
        fail "$out: container 2's wget attributed to container 1"
    grep -q "Container (name $n1, id $cid1, image $PTD_IMAGE, labels {" "$PTD_WORK/$out.out" ||
        fail "$out: no Container line with Docker's name and image for container 1"
    grep -q "Container (name $n2, id $cid2, image $PTD_IMAGE, labels {" "$PTD_WORK/$out.out" ||
        fail "$out: no Container line with Docker's name and image for container 2"
    echo "ok: $out: both containers' packets carry their wget args, Docker name, id and image"
done
cmp -s "$PTD_WORK/live.out" "$PTD_WORK/read.out" || {
    diff "$PTD_WORK/live.out" "$PTD_WORK/read.out" | head -20
    fail "-r of the pcapng prints other text than the live capture"
}
echo "ok: -r of the pcapng prints the same text"
