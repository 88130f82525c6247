#!/usr/bin/env bash
# Issue 9, acceptance 1: a network policy (an iptables DROP in DOCKER-USER
# for one container's address, port 81 of the external host) drops that
# container's SYN.  `ptcpdump -i any -v --drops 'host 198.51.100.10'` shows
# the SYN on the host veth, then a Drop block with a netfilter reason and
# location, naming the wget process and the container.  A second container,
# which the rule does not match, reaches port 81 and shows no drop.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd python3 docker iptables
ptd_test_init
ptd_env_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

TAG="$PTD_RULE_TAG-drops-$$"
RULE=()
cleanup() {
    local rc=$?
    if [ ${#RULE[@]} -gt 0 ]; then
        while iptables -w -C DOCKER-USER "${RULE[@]}" 2>/dev/null; do
            iptables -w -D DOCKER-USER "${RULE[@]}" || break
        done
    fi
    test_cleanup
    exit $rc
}
trap cleanup EXIT

N1=ptd-drop-blocked-$$
N2=ptd-drop-allowed-$$
cid1=$(docker_run -d "$N1" sleep 60)
cid2=$(docker_run -d "$N2" sleep 60)
ip1=$("$PTD_DOCKER" inspect -f '{{.NetworkSettings.IPAddress}}' "$cid1")
ip2=$("$PTD_DOCKER" inspect -f '{{.NetworkSettings.IPAddress}}' "$cid2")
[ -n "$ip1" ] && [ -n "$ip2" ] || fail "no container addresses ($ip1, $ip2)"
echo "blocked $N1 $ip1, allowed $N2 $ip2"

# the "policy": only the first container's traffic to port 81
RULE=(-s "$ip1/32" -d "$PTD_EXT_ADDR/32" -p tcp --dport 81
      -m comment --comment "$TAG" -j DROP)
iptables -w -I DOCKER-USER 1 "${RULE[@]}" || fail "cannot add the DROP rule"

ptd_cap_start cap -i any -v --drops "host $PTD_EXT_ADDR"
cap=$PTD_CAP_PID
n81=$(ext_http_requests 81)
rc=0
"$PTD_DOCKER" exec "$cid1" wget -t 1 -T 3 -O /dev/null "$PTD_EXT_ADDR:81" \
    >"$PTD_WORK/wget1.log" 2>&1 || rc=$?
[ "$rc" -ne 0 ] || fail "the blocked container reached port 81"
"$PTD_DOCKER" exec "$cid2" wget -t 1 -T 3 -O /dev/null "$PTD_EXT_ADDR:81" \
    >"$PTD_WORK/wget2.log" 2>&1 || fail "the allowed container did not reach port 81: $(cat "$PTD_WORK/wget2.log")"
wait_until 5 test "$(ext_http_requests 81)" -gt "$n81" || fail "no request logged on port 81"
sleep 0.5
ptd_cap_stop "$cap" || fail "ptcpdump exit status $?"
cat "$PTD_WORK/cap.err"

ptd_blocks "$PTD_WORK/cap.out" >"$PTD_WORK/blocks"
python3 - "$PTD_WORK/blocks" "$ip1" "$ip2" "$PTD_EXT_ADDR" "$N1" "$cid1" <<'PY'
import re, sys
path, ip1, ip2, ext, name1, cid1 = sys.argv[1:]
blocks = [l.rstrip("\n") for l in open(path)]
E = re.escape(ext)
errs = []
def hdr(b):
    return b.split(" | ")[0]
syn = [i for i, b in enumerate(blocks)
       if re.match(r"\S+ (veth\S+) In IP .* \| %s\.\d+ > %s\.81: Flags \[S\]," % (re.escape(ip1), E), b)]
drops = [i for i, b in enumerate(blocks) if re.match(r"\S+ \S+ Drop ", hdr(b))]
d1 = [i for i in drops if re.search(r"\| %s\.\d+ > %s\.81: Flags \[S\]," % (re.escape(ip1), E), blocks[i])]
d2 = [i for i in drops if ip2 in blocks[i]]
if not syn:
    errs.append("no SYN of %s on its host veth (In)" % ip1)
if not d1:
    errs.append("no Drop of %s's SYN" % ip1)
if syn and d1 and d1[0] < syn[0]:
    errs.append("the Drop comes before the SYN on the host veth")
for i in d1:
    b = blocks[i]
    m = re.search(r"Drop \(reason (\S+), location (\S+)\)", b)
    if not m:
        errs.append("no Drop (reason, location) line: " + b)
        continue
    if m.group(1) != "NETFILTER_DROP":
        errs.append("reason %s, not NETFILTER_DROP: %s" % (m.group(1), b))
    # nf_hook_slow frees what a hook dropped; on kernels where nf_tables
    # frees it itself the location is nft_do_chain
    if not re.match(r"(nf_hook_slow|nft_\w+|ipt_do_table)$", m.group(2)):
        errs.append("location %s, not netfilter's: %s" % (m.group(2), b))
    if not re.search(r"Process \(pid \d+, cmd /usr/bin/wget, args wget -t 1 -T 3 -O /dev/null %s:81\)" % E, b):
        errs.append("the drop does not name the wget process: " + b)
    if not re.search(r"Container \(name %s, id %s," % (re.escape(name1), re.escape(cid1)), b):
        errs.append("the drop does not name container %s: %s" % (name1, b))
if d2:
    errs.append("drops of the allowed container %s: %s" % (ip2, blocks[d2[0]]))
ok2 = [b for b in blocks if re.search(r"%s\.\d+ > %s\.81: Flags \[S\]," % (re.escape(ip2), E), b)]
if not ok2:
    errs.append("no SYN of the allowed container %s" % ip2)
for e in errs:
    print("PROBLEM:", e)
if errs:
    sys.exit(1)
print("ok: %d drop(s) of %s's SYN: %s" % (len(d1), ip1, blocks[d1[0]]))
PY
rc=$?
[ $rc -eq 0 ] || { cat "$PTD_WORK/cap.out"; fail "see above"; }
grep -Eq "^[0-9]+ packets? dropped by the kernel on their way \(by reason: NETFILTER_DROP [0-9]+\)$" "$PTD_WORK/cap.err" ||
    fail "no drop summary: $(cat "$PTD_WORK/cap.err")"
echo "ok: summary: $(grep 'on their way' "$PTD_WORK/cap.err")"
