#!/usr/bin/env bash
# Issue 10, acceptances 3 and 4: with --netns any, a docker run --rm wget
# shows its SYN on four hops (container eth0@NS Out, host veth In, docker0
# In, uplink0 Out after NAT), each with Process and Container lines; and
# afterwards nothing of ours stays attached in any namespace.
set -u
. "$(dirname "$0")/../lib/env.sh"
need_root
ptd_test_init
ptd_env_up >/dev/null
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"
. "$(dirname "$0")/../lib/core.sh"

ptd_start cap --netns any -i any -v "host $PTD_EXT_ADDR and tcp[tcpflags] & tcp-syn != 0 and tcp[tcpflags] & tcp-ack == 0"
docker_run "" sh -c "wget -T 10 $PTD_EXT_ADDR" >/dev/null 2>&1 || fail "docker run wget failed"
sleep 0.5
ptd_stop "$PTD_PID" || fail "exit status $?"
cat "$WORK/cap.out"
python3 - "$WORK/cap.out" <<'PY' || fail "hops"
import re, sys
blocks, cur = [], None
for line in open(sys.argv[1]):
    if re.match(r"^\d\d:\d\d:\d\d\.\d+ ", line):
        cur = [line]; blocks.append(cur)
    elif cur is not None:
        cur.append(line)
hops = []
for b in blocks:
    head = b[0].split()
    text = "".join(b)
    if "Flags [S]" not in text:
        continue
    # the four hops on the container's side; the external host's own
    # namespace (after NAT, without conntrack there) is not one of them
    if not (head[1].startswith("eth0@") or head[1].startswith("veth") or head[1] in ("docker0", "uplink0")):
        continue
    if "Process (pid" not in text or "cmd /usr/bin/wget" not in text or "Container (name " not in text or "image localhost/wget:e2e" not in text:
        print("unattributed hop:", b[0].strip()); sys.exit(1)
    hops.append((head[1], head[2]))
print("hops:", hops)
kinds = set()
for ifname, d in hops:
    if ifname.startswith("eth0@") and d == "Out": kinds.add("container")
    elif ifname.startswith("veth") and d == "In": kinds.add("veth")
    elif ifname == "docker0" and d == "In": kinds.add("bridge")
    elif ifname == "uplink0" and d == "Out": kinds.add("uplink")
missing = {"container", "veth", "bridge", "uplink"} - kinds
if missing:
    print("missing hops:", missing); sys.exit(1)
PY
ok "SYN on 4 hops, all attributed"
n=$(bpftool prog show 2>/dev/null | grep -c ' name ptd_' || true)
for _ in $(seq 30); do [ "$n" -eq 0 ] && break; sleep 0.1; n=$(bpftool prog show 2>/dev/null | grep -c ' name ptd_' || true); done
[ "$n" -eq 0 ] || fail "$n BPF programs of ours left"
for ns in $(ip netns list | awk '{print $1}'); do
	ip netns exec "$ns" tc filter show dev lo ingress 2>/dev/null | grep -q ptd_ && fail "filter left in $ns"
done
ok "nothing of ours left attached"
