#!/usr/bin/env bash
# Issue 6, acceptance 5: -w onto a full disk (a 1 MiB tmpfs) while lo is
# flooded: ptcpdump stops by itself with one clear error line and a non-zero
# exit status, and the file it leaves is readable by tcpdump -r.
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v python3 >/dev/null || skip "no python3"
command -v tcpdump >/dev/null || skip "no tcpdump"

MNT=$WORK/full
mkdir "$MNT"
mount -t tmpfs -o size=1m ptd-tmpfs "$MNT" || skip "cannot mount a tmpfs"
umount_mnt() { mountpoint -q "$MNT" && umount "$MNT"; }
trap 'umount_mnt; core_cleanup' EXIT

PORT=47051
F=$MNT/F.pcapng
ptd_start cap -i lo -w "$F" "udp port $PORT"
# about 4 MB of UDP to ourselves, in bursts, until ptcpdump gives up (<= 20 s)
python3 - "$PORT" "$PTD_PID" <<'PY' &
import os, socket, sys, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
buf = b"f" * 1000
end = time.time() + 20
while time.time() < end:
    for _ in range(200):
        s.sendto(buf, ("127.0.0.1", port))
    time.sleep(0.005)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        break
PY
flood=$!
CORE_PIDS+=("$flood")
rc=0
ptd_wait "$PTD_PID" 25 || rc=$?
wait "$flood" 2>/dev/null
[ "$rc" -ne 124 ] || fail "ptcpdump still running after 25 s of a full disk"
echo "exit status $rc; stderr:"
cat "$WORK/cap.err"
[ "$rc" -ne 0 ] || fail "exit status 0 on a full disk"
# the runtimes' absence is a warning (no daemon on a bare host), not the error
errs=$(grep -v -e '^capturing on ' -e '^ptcpdump: warning: ' -e '^[0-9]* packets \(captured\|received by filter\|dropped by kernel\|rejected by the filter in the kernel\)$' "$WORK/cap.err")
[ "$(printf '%s\n' "$errs" | grep -c .)" -eq 1 ] || fail "expected exactly one error line, got: $errs"
printf '%s\n' "$errs" | grep -q 'No space left on device' || fail "the error does not say the disk is full: $errs"
printf '%s\n' "$errs" | grep -qF "$F" || fail "the error does not name the file: $errs"
ok "one clear error line, exit status $rc"

tcpdump -nn -r "$F" >"$WORK/td.out" 2>"$WORK/td.err" || fail "tcpdump -r of the truncated file failed: $(cat "$WORK/td.err")"
grep -v '^reading from file ' "$WORK/td.err" | grep -q . && fail "tcpdump -r warns: $(cat "$WORK/td.err")"
n=$(wc -l <"$WORK/td.out")
[ "$n" -gt 100 ] || fail "only $n packets in the file"
ok "tcpdump -r reads all $n packets of the file ($(stat -c %s "$F") bytes)"
if command -v tshark >/dev/null; then
    tshark -r "$F" >/dev/null 2>"$WORK/ts.err" || fail "tshark -r of the truncated file failed: $(cat "$WORK/ts.err")"
    grep -v '^Running as user "root"' "$WORK/ts.err" | grep -q . && fail "tshark -r warns: $(cat "$WORK/ts.err")"
    ok "tshark -r reads it without a warning"
fi
umount_mnt || fail "cannot unmount $MNT"
