#!/usr/bin/env bash
# Issue 8, fault: SIGKILL during a -w capture.  The pcapng written so far is
# readable by tcpdump -r (and ptcpdump -r) up to the last whole block: each
# block is written with one write(), so the file ends on a block boundary and
# holds every packet up to the kill (contiguous ICMP sequence numbers from 1,
# the last one within half a second of the kill).  Then a new start works and
# writes a whole file again; nothing of the killed run is left attached.
# (capture_teardown.sh covers the attachments in detail.)
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v tcpdump >/dev/null || skip "missing tcpdump"

netns_pair ptd-sk ptdv-sk 10.250.39.1 10.250.39.2
F=$WORK/k.pcapng
ptd_start kill -i ptdv-sk -v -w "$F" icmp
ip netns exec ptd-sk ping -i 0.05 -W 1 10.250.39.1 >/dev/null 2>&1 &
ping_pid=$!
CORE_PIDS+=("$ping_pid")
sleep 2
kill_ns=$(date +%s%N)
kill -KILL "$PTD_PID"
wait "$PTD_PID" 2>/dev/null
sleep 0.3
kill -INT "$ping_pid"
wait "$ping_pid" 2>/dev/null

# block structure: whole blocks, block total length repeated at the end
python3 - "$F" >"$WORK/blocks" <<'PY'
import struct, sys
d = open(sys.argv[1], "rb").read()
off, n, epb = 0, 0, 0
while off + 12 <= len(d):
    t, l = struct.unpack_from("<II", d, off)
    if l < 12 or l % 4 or off + l > len(d):
        break
    if struct.unpack_from("<I", d, off + l - 4)[0] != l:
        print("BAD trailer at", off); sys.exit(1)
    n += 1; epb += t == 6; off += l
print(len(d), off, n, epb)
PY
[ $? -eq 0 ] || fail "block structure: $(cat "$WORK/blocks")"
read -r size whole nblocks nepb <"$WORK/blocks"
echo "file: $size bytes, $nblocks whole blocks ($nepb packets) = $whole bytes"
[ "$nepb" -gt 20 ] || fail "only $nepb packets written in 2 s of pings every 50 ms"
[ "$whole" -eq "$size" ] || echo "note: $((size - whole)) bytes of a partial block at the end"

tcpdump -nn -r "$F" >"$WORK/td.out" 2>"$WORK/td.err"
rc=$?
n=$(grep -c 'ICMP echo' "$WORK/td.out")
if [ "$whole" -eq "$size" ]; then
	[ "$rc" -eq 0 ] || fail "tcpdump -r: exit $rc: $(cat "$WORK/td.err")"
else
	grep -q 'truncated' "$WORK/td.err" || fail "tcpdump -r of a partial last block: $(cat "$WORK/td.err")"
fi
[ "$n" -eq "$nepb" ] || fail "tcpdump -r read $n packets, the file has $nepb whole packet blocks"
ok "tcpdump -r reads all $n packets (exit $rc)"

timeout 10 "$PTCPDUMP" -v -r "$F" >"$WORK/r.out" 2>"$WORK/r.err"
rc=$?
[ "$rc" -eq 0 ] || [ "$whole" -ne "$size" ] || fail "ptcpdump -r: exit $rc: $(cat "$WORK/r.err")"
nr=$(grep -c 'ICMP echo' "$WORK/r.out")
[ "$nr" -eq "$nepb" ] || fail "ptcpdump -r read $nr packets of $nepb"
grep -q 'Process (pid [0-9]*, cmd /usr/bin/ping' "$WORK/r.out" || fail "ptcpdump -r: no Process metadata"
ok "ptcpdump -r reads all $nr packets with their metadata"

# contiguous sequence numbers from 1, nothing lost before the kill
python3 - "$WORK/td.out" "$kill_ns" <<'PY' || fail "packets missing before the kill"
import re, sys, datetime
seqs, last = [], None
for line in open(sys.argv[1]):
    m = re.search(r"ICMP echo request, id \d+, seq (\d+)", line)
    if m:
        seqs.append(int(m.group(1)))
        last = line.split()[0]
if not seqs or seqs != list(range(1, len(seqs) + 1)):
    print("request seqs not contiguous from 1:", seqs[:3], "...", seqs[-3:]); sys.exit(1)
# the time of the last request against the kill (same clock, local time)
h, m, s = last.split(":")
kill = datetime.datetime.fromtimestamp(int(sys.argv[2]) / 1e9)
secs = kill.hour * 3600 + kill.minute * 60 + kill.second + kill.microsecond / 1e6
gap = secs - (int(h) * 3600 + int(m) * 60 + float(s))
print("requests 1..%d, the last one %.3f s before the kill" % (seqs[-1], gap))
if gap > 0.5:
    sys.exit(1)
PY

# a new start works and writes a whole file
F2=$WORK/k2.pcapng
ptd_start again -i ptdv-sk -w "$F2" icmp
ip netns exec ptd-sk ping -c 3 -i 0.2 -W 1 10.250.39.1 >/dev/null || fail "ping"
sleep 0.3
ptd_stop "$PTD_PID" INT || fail "the new run: exit status $?"
n2=$(tcpdump -nn -r "$F2" 2>/dev/null | grep -c 'ICMP echo')
[ "$n2" -eq 6 ] || fail "the new run wrote $n2 of 6 packets"
ok "after SIGKILL, a new start captures and writes normally ($n2 packets)"
