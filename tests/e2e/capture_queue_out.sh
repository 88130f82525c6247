#!/usr/bin/env bash
# Issue 7: without a pcap expression, outgoing packets are taken at the
# device queue (by the program that already names their sender), not by a
# tc egress hook.  While such a capture runs, only the ingress hook of ours
# is on the device; with an expression the egress hook is back.  Every
# outgoing packet of a bulk TCP transfer (GSO packets whose payload is in
# page fragments) is in the file byte for byte as tcpdump, capturing the
# same device at the same time, has it.
set -u
. "$(dirname "$0")/../lib/core.sh"

command -v tcpdump >/dev/null || skip "tcpdump missing"
NS=ptd-qo
netns_pair $NS ptdv-qo 10.210.9.1 10.210.9.2
# tcx links (type 11) whose program is one of ours (ptd_*)
links() {
	python3 - <<'PY'
import json, subprocess
progs = {p["id"]: p for p in json.loads(subprocess.run(["bpftool", "-j", "prog", "show"], capture_output=True, text=True).stdout or "[]")}
links = json.loads(subprocess.run(["bpftool", "-j", "link", "show"], capture_output=True, text=True).stdout or "[]")
print(sum(1 for l in links if l.get("type") in (11, "tcx") and progs.get(l.get("prog_id"), {}).get("name", "").startswith("ptd_")))
PY
}
# our hooks on the device: tcx links (this test's device is the only one
# captured) or clsact filters
hooks() {
	local n
	n=$(links)
	n=$((n + $(tc filter show dev ptdv-qo egress 2>/dev/null | grep -c 'ptd_')))
	n=$((n + $(tc filter show dev ptdv-qo ingress 2>/dev/null | grep -c 'ptd_')))
	echo "$n"
}
base=$(links)

cat >"$WORK/sink.py" <<'PYEOF'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((sys.argv[1], int(sys.argv[2])))
s.listen(1)
print("ready", flush=True)
c, _ = s.accept()
while c.recv(1 << 16):
    pass
PYEOF
ip netns exec $NS python3 "$WORK/sink.py" 10.210.9.2 9200 >"$WORK/sink.out" 2>&1 &
CORE_PIDS+=($!)
for _ in $(seq 50); do grep -q ready "$WORK/sink.out" && break; sleep 0.1; done
grep -q ready "$WORK/sink.out" || fail "the TCP sink did not start"

tcpdump -i ptdv-qo -s 0 -B 65536 -U -w "$WORK/td.pcap" 'tcp and src host 10.210.9.1' 2>"$WORK/td.err" &
tpid=$!
CORE_PIDS+=($tpid)
for _ in $(seq 100); do grep -q 'listening on' "$WORK/td.err" && break; sleep 0.05; done
ptd_start cap -i ptdv-qo -w "$WORK/ours.pcapng"
n=$(($(hooks) - base))
[ "$n" -eq 1 ] || fail "without an expression: $n hooks of ours on the device, want 1 (ingress)"
ok "without an expression, one hook on the device (ingress); egress is taken at the device queue"

python3 - <<'PYEOF' || fail "the TCP transfer failed"
import socket
s = socket.create_connection(("10.210.9.2", 9200))
block = bytes(range(256)) * 256          # 64 KiB, every byte value
for i in range(32):                     # 2 MiB
    s.sendall(block[i:] + block[:i])
s.close()
PYEOF
sleep 1
ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
kill -INT $tpid; wait $tpid
cat "$WORK/cap.err" "$WORK/td.err"
# the oracle must have everything: 64 KiB packets fill tcpdump's default
# 2 MiB buffer in 32 packets when its reader falls behind
grep -q '^0 packets dropped by kernel' "$WORK/td.err" ||
	fail "tcpdump itself dropped packets: $(grep dropped "$WORK/td.err")"

# the same outgoing TCP packets, the same bytes (timestamps aside)
tcpdump -nn -x -r "$WORK/td.pcap" 2>/dev/null | sed -E 's/^[0-9:.]+ //' >"$WORK/td.txt"
tcpdump -nn -x -r "$WORK/ours.pcapng" 'tcp and src host 10.210.9.1' 2>/dev/null |
	sed -E 's/^[0-9:.]+ //' >"$WORK/ours.txt"
total=$(grep -c '^IP ' "$WORK/td.txt")
big=$(grep -E '^IP .*length ([2-9][0-9]{3}|[1-9][0-9]{4,})$' "$WORK/td.txt" | grep -c .)
[ "$total" -gt 10 ] || fail "tcpdump saw only $total packets"
[ "$big" -gt 0 ] || fail "no GSO packet (longer than 2000 bytes) in the transfer"
diff -q "$WORK/td.txt" "$WORK/ours.txt" >/dev/null ||
	fail "our outgoing packets differ from tcpdump's:
$(diff "$WORK/td.txt" "$WORK/ours.txt" | head -20)"
ok "$total outgoing packets ($big GSO packets) byte for byte as tcpdump captured them"

# an expression runs at tc: both hooks
ptd_start cap2 -i ptdv-qo tcp
n=$(($(hooks) - base))
ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
[ "$n" -eq 2 ] || fail "with an expression: $n hooks of ours on the device, want 2"
ok "with an expression, ingress and egress hooks"
