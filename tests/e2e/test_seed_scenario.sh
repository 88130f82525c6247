#!/usr/bin/env bash
# Issue 5, the user's seed scenario (containerd-capture.md):
#   ptcpdump -i any -v 'host 198.51.100.10'
# during   docker run --rm localhost/wget:e2e sh -c 'wget -T 10 198.51.100.10'
# The SYN appears on the host veth (In), on docker0 (In) and on uplink0 (Out,
# source NATed to 198.51.100.1); the replies on every hop too.  Every packet
# block (ARP aside) carries Process (the wget), User, ParentProc and Container
# (Docker's name, the full id, the image).  Then the same over cni0 for a
# `ctr run --cni` container.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd python3 docker ctr
ptd_test_init
ptd_env_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

# check_hops FILE BRIDGE SUBNET_RE NAME ID_RE : the assertions above
check_hops() {
    ptd_blocks "$1" >"$1.blocks"
    python3 - "$1.blocks" "$2" "$3" "$4" "$5" "$PTD_EXT_ADDR" "$PTD_EXT_GW" "$PTD_IMAGE" <<'PY'
import re, sys
path, bridge, subnet, name, id_re, ext, gw, image = sys.argv[1:]
blocks = [l.rstrip("\n") for l in open(path)]
pkts = [b for b in blocks if " ARP" not in b.split(" | ")[0]]
errs = []
if not pkts:
    sys.exit("no packet blocks at all")
E, G = re.escape(ext), re.escape(gw)
# the SYN of our container on its host veth: the one attributed to our
# container if there is one (other traffic may exist), else the first
syn = None
for want_ours in (True, False):
    for b in pkts:
        m = re.match(r"\S+ (veth\S+) In IP .* \| (%s\.\d+\.\d+)\.(\d+) > %s\.80: Flags \[S\]," % (subnet, E), b)
        if m and (not want_ours or "Container (name %s, " % name in b):
            syn = m
            break
    if syn:
        break
if not syn:
    sys.exit("no SYN from the container on a host veth (In)")
veth, cip, cport = syn.group(1), re.escape(syn.group(2)), syn.group(3)
print("container %s:%s behind %s" % (syn.group(2), cport, veth))
want = {
    "SYN on %s In" % veth: r"\S+ %s In IP .* \| %s\.%s > %s\.80: Flags \[S\]," % (re.escape(veth), cip, cport, E),
    "SYN on %s In" % bridge: r"\S+ %s In IP .* \| %s\.%s > %s\.80: Flags \[S\]," % (bridge, cip, cport, E),
    "SYN on uplink0 Out (NATed)": r"\S+ uplink0 Out IP .* \| %s\.%s > %s\.80: Flags \[S\]," % (G, cport, E),
    "SYN-ACK on uplink0 In": r"\S+ uplink0 In IP .* \| %s\.80 > %s\.%s: Flags \[S\.\]," % (E, G, cport),
    "SYN-ACK on %s Out" % bridge: r"\S+ %s Out IP .* \| %s\.80 > %s\.%s: Flags \[S\.\]," % (bridge, E, cip, cport),
    "SYN-ACK on %s Out" % veth: r"\S+ %s Out IP .* \| %s\.80 > %s\.%s: Flags \[S\.\]," % (re.escape(veth), E, cip, cport),
    "HTTP response on uplink0 In": r"\S+ uplink0 In IP .* \| %s\.80 > %s\.%s: Flags \[P\.\]," % (E, G, cport),
    "HTTP response on %s Out" % bridge: r"\S+ %s Out IP .* \| %s\.80 > %s\.%s: Flags \[P\.\]," % (bridge, E, cip, cport),
    "HTTP response on %s Out" % veth: r"\S+ %s Out IP .* \| %s\.80 > %s\.%s: Flags \[P\.\]," % (re.escape(veth), E, cip, cport),
    "HTTP request on uplink0 Out": r"\S+ uplink0 Out IP .* \| %s\.%s > %s\.80: Flags \[P\.\]," % (G, cport, E),
}
# the blocks of this connection, on every hop (before and after NAT)
conn_rx = re.compile(r" \| (%s\.%s|%s\.80) > (%s\.%s|%s\.80): " % (cip, cport, E, cip, cport, E) + "|" +
                     r" \| (%s\.%s|%s\.80) > (%s\.%s|%s\.80): " % (G, cport, E, G, cport, E))
others = [b for b in pkts if not conn_rx.search(b)]
pkts = [b for b in pkts if conn_rx.search(b)]
if others:
    print("note: %d packet blocks of other connections are not checked, e.g. %s" % (len(others), others[0][:200]))
for what, rx in want.items():
    if not any(re.match(rx, b) for b in pkts):
        errs.append("missing: " + what)
proc_rx = re.compile(r" \| Process \(pid (\d+), cmd /usr/bin/wget, args wget -T 10 %s\)( \||$)" % E)
cont_rx = re.compile(r" \| Container \(name %s, id (%s), image %s, labels \{.*\}\)( \||$)" % (re.escape(name), id_re, re.escape(image)))
pids, ids, bad = set(), set(), 0
for b in pkts:
    why = []
    m = proc_rx.search(b)
    if m: pids.add(m.group(1))
    else: why.append("Process")
    if not re.search(r" \| User \(uid 0\)( \||$)", b): why.append("User")
    if not re.search(r" \| ParentProc \(pid \d+, cmd [^,]*, args ", b): why.append("ParentProc")
    m = cont_rx.search(b)
    if m: ids.add(m.group(1))
    else: why.append("Container")
    if why:
        bad += 1
        if bad <= 8:
            errs.append("block lacks %s: %s" % ("/".join(why), b[:400]))
if bad > 8:
    errs.append("... %d blocks in all lack the wget's context" % bad)
if len(pids) > 1: errs.append("several wget pids: %s" % sorted(pids))
if len(ids) > 1: errs.append("several container ids: %s" % sorted(ids))
print("%d packet blocks, wget pid %s, container id %s" % (len(pkts), ",".join(pids), ",".join(ids)))
if errs:
    print("\n".join(errs))
    sys.exit(1)
PY
}

# ---- Docker: veth -> docker0 -> uplink0 ----
dname=ptd-seed-$$
ptd_cap_start docker -i any -v "host $PTD_EXT_ADDR"
docker_run "$dname" sh -c "wget -T 10 $PTD_EXT_ADDR" || fail "docker run: wget failed"
sleep 1
ptd_cap_stop "$PTD_CAP_PID" || fail "ptcpdump (docker) exit status $?"
cat "$PTD_WORK/docker.out"
failed=()
if check_hops "$PTD_WORK/docker.out" docker0 '172\.17' "$dname" '[0-9a-f]{64}'; then
    echo "ok: docker: every hop (veth, docker0, uplink0, both directions) attributed"
else
    failed+=(docker)
fi

# ---- containerd: veth -> cni0 -> uplink0 ----
cname=ptd-seed-ctr-$$
cid=$(ptd_hex_id)
ptd_cap_start ctr -i any -v "host $PTD_EXT_ADDR"
ctr_run "$cname" "$cid" sh -c "wget -T 10 $PTD_EXT_ADDR" || fail "ctr run: wget failed"
sleep 1
ptd_cap_stop "$PTD_CAP_PID" || fail "ptcpdump (ctr) exit status $?"
cat "$PTD_WORK/ctr.out"
if check_hops "$PTD_WORK/ctr.out" cni0 '10\.88' "$cname" "$cid"; then
    echo "ok: containerd: every hop (veth, cni0, uplink0, both directions) attributed"
else
    failed+=(containerd)
fi
[ ${#failed[@]} -eq 0 ] ||
    fail "${failed[*]}: not every hop carries the wget's Process/User/ParentProc/Container"
