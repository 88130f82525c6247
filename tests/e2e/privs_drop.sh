#!/usr/bin/env bash
# Issue 8, least privilege: -Z USER switches to that user once everything
# is attached and the output file is open; only the capabilities the
# capture still needs stay; the output file is 0644 and a symlink planted
# in a sticky world-writable directory is not followed.
set -u
. "$(dirname "$0")/../lib/core.sh"

id nobody >/dev/null 2>&1 || skip "no user nobody"
ptd_start cap -i lo -Z nobody -w "$WORK/z.pcapng" icmp
[ "$(ps -o user= -p "$PTD_PID" | tr -d ' ')" = nobody ] || fail "not running as nobody: $(ps -o user= -p "$PTD_PID")"
eff=$(awk '/^CapEff/ {print $2}' "/proc/$PTD_PID/status")
# CAP_SETUID (7), CAP_CHOWN (0), CAP_SYS_MODULE (16), CAP_KILL (5) must be gone
python3 - "$eff" <<'PY' || fail "capabilities left: CapEff=$eff"
import sys
eff = int(sys.argv[1], 16)
bad = [c for c in (0, 5, 7, 16) if eff & (1 << c)]
sys.exit(1 if bad else 0)
PY
ok "running as nobody with CapEff=$eff"
ping -c 2 -i 0.2 -W 1 127.0.0.1 >/dev/null
sleep 0.3
ptd_stop "$PTD_PID" || fail "exit status $?"
[ "$(tcpdump -nn -r "$WORK/z.pcapng" 2>/dev/null | grep -c 'ICMP echo')" -ge 2 ] || fail "nothing captured after dropping privileges"
[ "$(stat -c %a "$WORK/z.pcapng")" = 644 ] || fail "file mode $(stat -c %a "$WORK/z.pcapng")"
ok "capture works after -Z, file mode 644"

# a symlink planted in a sticky, world-writable directory is not followed
mkdir -p "$WORK/sticky" && chmod 1777 "$WORK/sticky"
echo keep >"$WORK/victim"
ln -s "$WORK/victim" "$WORK/sticky/out.pcapng"
timeout 10 "$PTCPDUMP" -i lo -c 1 -w "$WORK/sticky/out.pcapng" icmp >/dev/null 2>"$WORK/sym.err" &
spid=$!
sleep 1
ping -c 1 -W 1 127.0.0.1 >/dev/null
wait $spid
rc=$?
[ "$rc" -ne 0 ] || fail "wrote through a planted symlink"
[ "$(cat "$WORK/victim")" = keep ] || fail "the symlink target was overwritten"
ok "refused the planted symlink: $(head -1 "$WORK/sym.err")"
