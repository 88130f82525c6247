#!/bin/bash
# tests/lib/selftest.sh -- end-to-end check of tests/lib/env.sh.
#
# Brings up containerd/dockerd, the external host and the images; runs
#   docker run --rm localhost/wget:e2e sh -c 'wget -T 10 198.51.100.10'
#   ctr run --rm --cni --label nerdctl/name=... localhost/wget:e2e ID sh -c 'wget -T 10 198.51.100.10'
# while real tcpdump watches `host 198.51.100.10` on -i any, and checks that each
# SYN is seen on the container's host veth (P), on docker0/cni0 (In) and, NATed
# to 198.51.100.1, on uplink0 (Out), that wget exits 0 and the server logged the
# GET.  Then tears everything down and checks that nothing is left.
# Exit 0 when all checks pass, 1 otherwise, 77 when not root.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PTD_TEST_NAME="lib-selftest"
# shellcheck source=env.sh
. "$HERE/env.sh"
need_root
need_cmd ip iptables tcpdump ctr containerd dockerd runc python3 "$PTD_DOCKER"

npass=0
nfail=0
ok() { echo "ok - $*"; npass=$((npass + 1)); }
notok() { echo "not ok - $*"; nfail=$((nfail + 1)); }
check() { # DESC CMD...
    local d=$1; shift
    if "$@" >>"$T/check.log" 2>&1; then ok "$d"; else notok "$d"; fi
}
not() { ! "$@"; }

T=$(mktemp -d /tmp/selftest-ptd-env.XXXXXX)  # not /tmp/ptd-*: check_leftovers flags those
base=$T/leftovers.baseline
"$HERE/check_leftovers.sh" --save-baseline "$base"
ptd_test_init
trap 'test_cleanup; suite_cleanup; rm -rf "$T"' EXIT

ptd_env_up
check "daemons up: ctr and docker answer" bash -c "ctr version >/dev/null && $PTD_DOCKER info >/dev/null"
check "image in docker" _ptd_image_in_docker
for ns in $PTD_CTR_NAMESPACES; do
    check "image in containerd ns $ns" _ptd_image_in_ctr "$ns"
done
check "idempotent: second ptd_env_up" ptd_env_up
check "route_is_ours $PTD_EXT_ADDR $PTD_EXT_IF" route_is_ours "$PTD_EXT_ADDR" "$PTD_EXT_IF"
check "route_is_ours refuses 192.0.2.1" not route_is_ours 192.0.2.1 eth0
check "route_is_ours refuses 203.0.113.7 (not via uplink0)" not route_is_ours 203.0.113.7
check "ext host has no default route" not ip -n "$PTD_EXT_NS" route get 192.0.2.1

# hop_checks FILE BRIDGE SUBNET_RE : SYN on veth (P), bridge (In), uplink0 (Out, NATed)
hop_checks() {
    local f=$1 br=$2 sre=$3 who=$4 vline port veth
    local dst='198\.51\.100\.10\.80: Flags \[S\]'
    check "$who: tcpdump sees SYN on host veth (P)" \
        wait_for_file_match "$f" " veth[0-9a-f]+ +P +IP $sre\.[0-9]+ > $dst" 5
    vline=$(grep -E -m1 " veth[0-9a-f]+ +P +IP $sre\.[0-9]+ > $dst" "$f" || true)
    veth=$(awk '{print $2}' <<<"$vline")
    port=$(sed -E 's/.* IP [0-9.]+\.([0-9]+) > .*/\1/' <<<"$vline")
    echo "# $who: veth=$veth port=$port"
    check "$who: SYN on $br (In), same source port" \
        wait_for_file_match "$f" " $br +In +IP $sre\.$port > $dst" 5
    check "$who: SYN on uplink0 (Out) NATed to 198.51.100.1, same port" \
        wait_for_file_match "$f" " uplink0 +Out +IP 198\.51\.100\.1\.$port > $dst" 5
    check "$who: SYN-ACK back on $veth" \
        wait_for_file_match "$f" " $veth +Out +IP 198\.51\.100\.10\.80 > $sre\.$port: Flags \[S\.\]" 5
    echo "$veth" >>"$T/veths"
}

# --- docker run --rm
n0=$(ext_http_requests 80)
oracle_tcpdump_start "$T/docker.txt" host "$PTD_EXT_ADDR"
td=$PTD_LAST_BG
rc=0
docker_run ptd-selftest-web sh -c "wget -T 10 $PTD_EXT_ADDR" >"$T/docker.out" 2>&1 || rc=$?
check "docker: wget exit status 0 (got $rc)" test "$rc" = 0
check "docker: wget got 200 OK" grep -q '200 OK' "$T/docker.out"
check "docker: http server logged the GET" test "$(ext_http_requests 80)" -eq $((n0 + 1))
hop_checks "$T/docker.txt" docker0 '172\.17\.[0-9]+\.[0-9]+' docker
stop_bg "$td" INT
check "docker: container removed" not "$PTD_DOCKER" container inspect ptd-selftest-web

# --- ctr run --rm --cni with a nerdctl/name label
n0=$(ext_http_requests 80)
oracle_tcpdump_start "$T/ctr.txt" host "$PTD_EXT_ADDR"
td=$PTD_LAST_BG
rc=0
cid=ptd-selftest-ctr-$$
ctr_run ptd-selftest-ctr "$cid" sh -c "wget -T 10 $PTD_EXT_ADDR" >"$T/ctr.out" 2>&1 || rc=$?
check "ctr: wget exit status 0 (got $rc)" test "$rc" = 0
check "ctr: wget got 200 OK" grep -q '200 OK' "$T/ctr.out"
check "ctr: http server logged the GET" test "$(ext_http_requests 80)" -eq $((n0 + 1))
hop_checks "$T/ctr.txt" cni0 '10\.88\.[0-9]+\.[0-9]+' ctr
stop_bg "$td" INT
check "ctr: container removed" not ctr -n default containers info "$cid"
check "ctr: no CNI masquerade chain left for $cid" \
    not bash -c "iptables -w -t nat -S | grep -qF 'default-$cid'"

# --- detached variants and port 81, removed by ctr_rm / test_cleanup
rc=0
ctr_run -d ptd-selftest-bg "$cid-d" sleep 60 >/dev/null || rc=$?
check "ctr_run -d starts a task" test "$rc" = 0
check "ctr_run -d task is running" bash -c "ctr -n default tasks ls | grep -q '^$cid-d .*RUNNING'"
check "ctr_run -d container has nerdctl/name label" \
    bash -c "ctr -n default containers info $cid-d | grep -q '\"nerdctl/name\": \"ptd-selftest-bg\"'"
check "ctr_run -d container can fetch port 81" \
    ctr -n default tasks exec --exec-id e1 "$cid-d" wget -q -O /dev/null -T 10 "http://$PTD_EXT_ADDR:81/"
ctr_rm "$cid-d"
check "ctr_rm removed container, address and NAT chain" \
    not bash -c "ctr -n default c info $cid-d >/dev/null 2>&1 || iptables -w -t nat -S | grep -qF 'default-$cid-d' || grep -rqs '$cid-d' /var/lib/cni/networks/$PTD_CNI_NET/"
dk=$(docker_run -d ptd-selftest-bgd sleep 60) || true
check "docker_run -d prints an id" test -n "$dk"
start_bg sleep 300
bgpid=$PTD_LAST_BG
test_cleanup
ptd_test_init
check "test_cleanup killed the start_bg process" not kill -0 "$bgpid"
check "test_cleanup removed the detached docker container" not "$PTD_DOCKER" container inspect ptd-selftest-bgd

check "check_leftovers --tests clean while suite is up" "$HERE/check_leftovers.sh" --tests --baseline "$base"

# --- teardown
trap 'rm -rf "$T"' EXIT
test_cleanup
suite_cleanup
check "no netns $PTD_EXT_NS" not bash -c "ip netns list | grep -qw $PTD_EXT_NS"
check "no uplink0" not ip link show uplink0
check "no iptables rule tagged ptd-e2e" not bash -c "iptables-save | grep -q -- '--comment ptd-e2e'"
check "no CNI masquerade rule of network ptd-e2e" not bash -c "iptables-save -t nat | grep -qF 'name: \\\"ptd-e2e\\\"'"
for v in $(sort -u "$T/veths"); do
    check "veth $v gone" not ip link show "$v"
done
check "http server gone" not pgrep -f "$PTD_STATE_DIR/httpd.py"
if _ptd_docker_alive; then
    check "no selftest docker containers" not bash -c "$PTD_DOCKER ps -a --format '{{.Names}}' | grep -q ptd-selftest"
    check "docker image removed" not _ptd_image_in_docker
fi
if _ptd_containerd_alive; then
    check "no selftest ctr containers" not bash -c "ctr -n default c ls -q | grep -q ptd-selftest"
    for ns in $PTD_CTR_NAMESPACES; do check "image removed from ns $ns" not _ptd_image_in_ctr "$ns"; done
fi
"$HERE/check_leftovers.sh" --baseline "$base" >"$T/leftovers" 2>&1 || true
if ls "$PTD_STATE_DIR"/*.pid >/dev/null 2>&1; then
    # daemons_down keeps a daemon that hosts someone else's containers; then the
    # daemons, CNI setup and bridges legitimately remain.
    echo "# daemons left running because other containers use them: $(cat "$PTD_STATE_DIR"/*.pid | tr '\n' ' ')"
    grep -vE '^LEFTOVER (daemon|state|cni-conf|cni-bin|cni-ipam: /var|link: (cni0|docker0) )' "$T/leftovers" |
        grep '^LEFTOVER' >"$T/leftovers.real" || true
else
    grep '^LEFTOVER' "$T/leftovers" >"$T/leftovers.real" || true
fi
sed 's/^/# /' "$T/leftovers.real"
check "check_leftovers.sh: nothing new left (vs. baseline taken before the test)" test ! -s "$T/leftovers.real"

echo "selftest: $npass passed, $nfail failed"
[ "$nfail" = 0 ]
