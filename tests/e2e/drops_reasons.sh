#!/usr/bin/env bash
# Issue 9, acceptance 2: drops elsewhere than in a firewall, with their reasons.
# - A UDP datagram from the host to a port of the external host where nothing
#   listens is dropped inside the ext netns (kfree_skb is global): Drop with
#   reason NO_SOCKET on ext0 (named ext0@INODE: another
#   namespace), after the datagram went Out on uplink0, and
#   named after the sending process.
# - Packets from a test netns to an address its router netns has an
#   unreachable route for are dropped at routing: IPv4 in ip_error (this
#   kernel gives no reason there: NOT_SPECIFIED, reported because ip_error
#   only ever drops), IPv6 with reason IP_INNOROUTES.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd python3
ptd_test_init
ext_host_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

NA=ptd-dropa-$$
NR=ptd-dropr-$$
cleanup() {
    local rc=$?
    ip netns del "$NA" 2>/dev/null || true
    ip netns del "$NR" 2>/dev/null || true
    test_cleanup
    exit $rc
}
trap cleanup EXIT

# a client netns and a router netns with unreachable routes
ip netns add "$NA" && ip netns add "$NR" || fail "ip netns add"
ip -n "$NA" link add ptdv-da type veth peer name ptdv-dr netns "$NR" || fail "veth"
for n in "$NA" "$NR"; do
    ip netns exec "$n" sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0
    ip -n "$n" link set lo up
done
ip -n "$NA" addr add 10.211.9.2/24 dev ptdv-da
ip -n "$NA" addr add fd00:211:9::2/64 dev ptdv-da nodad
ip -n "$NR" addr add 10.211.9.1/24 dev ptdv-dr
ip -n "$NR" addr add fd00:211:9::1/64 dev ptdv-dr nodad
ip -n "$NA" link set ptdv-da up
ip -n "$NR" link set ptdv-dr up
ip -n "$NA" route add default via 10.211.9.1
ip -n "$NA" -6 route add default via fd00:211:9::1
ip netns exec "$NR" sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
ip -n "$NR" route add unreachable 203.0.113.0/24
ip -n "$NR" -6 route add unreachable 2001:db8:ff::/48
for a in 203.0.113.5 2001:db8:ff::5; do
    ip -n "$NA" -o route get "$a" | grep -q ' dev ptdv-da ' || fail "$a is not routed via our test netns"
done
# the router must be reachable first (neighbour resolution)
ip netns exec "$NA" ping -c1 -W2 10.211.9.1 >/dev/null || fail "no router"
ip netns exec "$NA" ping -6 -c1 -W2 fd00:211:9::1 >/dev/null || fail "no IPv6 router"

ptd_cap_start cap -i any -v --drops "udp port 9999 or host 203.0.113.5 or host 2001:db8:ff::5"
cap=$PTD_CAP_PID
python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(b"ptd-drop-test", (sys.argv[1], 9999))' "$PTD_EXT_ADDR" &
upid=$!
wait $upid || fail "send to $PTD_EXT_ADDR:9999"
ip netns exec "$NA" python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(b"ptd-drop-test", ("203.0.113.5", 53))
s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s.sendto(b"ptd-drop-test", ("2001:db8:ff::5", 53))'
sleep 0.5
ptd_cap_stop "$cap" || fail "ptcpdump exit status $?"
cat "$PTD_WORK/cap.err"

ptd_blocks "$PTD_WORK/cap.out" >"$PTD_WORK/blocks"
python3 - "$PTD_WORK/blocks" "$PTD_EXT_ADDR" "$PTD_EXT_GW" "$upid" <<'PY'
import re, sys
path, ext, gw, upid = sys.argv[1:]
blocks = [l.rstrip("\n") for l in open(path)]
errs = []
def find(pat):
    return [i for i, b in enumerate(blocks) if re.search(pat, b)]
E, G = re.escape(ext), re.escape(gw)
out = find(r"^\S+ uplink0 Out IP .* \| %s\.\d+ > %s\.9999: UDP" % (G, E))
drop = find(r"^\S+ ext0(@\d+)? Drop IP .* \| %s\.\d+ > %s\.9999: UDP" % (G, E))
if not out:
    errs.append("the datagram to port 9999 was not captured Out on uplink0")
if not drop:
    errs.append("no Drop of the datagram to port 9999 on ext0")
else:
    b = blocks[drop[0]]
    if "Drop (reason NO_SOCKET, location " not in b:
        errs.append("port 9999: not reason NO_SOCKET: " + b)
    if not re.search(r"Process \(pid %s, cmd \S*python3[.0-9]*, args " % upid, b):
        errs.append("port 9999: the drop does not name the sender (pid %s): %s" % (upid, b))
    if out and drop[0] < out[0]:
        errs.append("port 9999: the Drop is printed before the packet went out")
for what, pat, want in (
        ("IPv4 unreachable", r"^\S+ ptdv-dr(@\d+)? Drop IP .* \| 10\.211\.9\.2\.\d+ > 203\.0\.113\.5\.53: ",
         r"Drop \(reason NOT_SPECIFIED, location ip_error\)"),
        ("IPv6 unreachable", r"^\S+ ptdv-dr(@\d+)? Drop IP6 .* fd00:211:9::2\.\d+ > 2001:db8:ff::5\.53: ",
         r"Drop \(reason IP_INNOROUTES, location ip6_pkt_\w+\)")):
    d = find(pat)
    if not d:
        errs.append("%s: no Drop" % what)
    elif not re.search(want, blocks[d[0]]):
        errs.append("%s: want %s: %s" % (what, want, blocks[d[0]]))
    else:
        print("ok: %s: %s" % (what, re.search(r"Drop \([^)]*\)", blocks[d[0]]).group(0)))
for e in errs:
    print("PROBLEM:", e)
if errs:
    sys.exit(1)
print("ok: port 9999: " + re.search(r"Drop \([^)]*\)", blocks[drop[0]]).group(0))
PY
[ $? -eq 0 ] || { cat "$PTD_WORK/cap.out"; fail "see above"; }
grep -Eq "^3 packets dropped by the kernel on their way \(by reason: .*NO_SOCKET 1" "$PTD_WORK/cap.err" ||
    fail "summary: $(grep 'on their way' "$PTD_WORK/cap.err")"
