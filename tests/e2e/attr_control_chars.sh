#!/usr/bin/env bash
# A process whose argv[0] holds a newline and an ESC sequence, and whose
# thread name holds a tab: the live text and the text read back from the
# pcapng show them as tcpdump shows control characters (^J, ^[, ^I), one
# packet per line with --oneline, and no raw control byte reaches stdout.
# The pcapng keeps the real bytes: tshark finds them in the comment.
set -u
. "$(dirname "$0")/../lib/core.sh"

[ -x /usr/bin/python3 ] || skip "no /usr/bin/python3"
# the sender: argv[0] "ptd\nsend\e[31m", thread name "snd\tx", one UDP
# datagram to a port nobody listens on, on loopback
cat >"$WORK/send.py" <<'EOF'
import ctypes, socket, sys, time
ctypes.CDLL(None).prctl(15, b"snd\tx", 0, 0, 0)  # PR_SET_NAME
time.sleep(0.3)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(3):
    s.sendto(b"ptd-control-chars", ("127.0.0.1", 47911))
    time.sleep(0.1)
EOF
send() { bash -c 'exec -a "ptd$(printf "\nsend\033[31m")" /usr/bin/python3 "$1"' _ "$WORK/send.py"; }

ptd_start live -i lo -v -c 1 -w "$WORK/cap.pcapng" --print 'udp dst port 47911'
send
ptd_wait "$PTD_PID" 10 || fail "ptcpdump did not stop after 1 packet"
out=$WORK/live.out
grep -q 'UDP, length 17' "$out" || fail "no datagram captured: $(cat "$out")"
LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$out" && fail "a raw control character in the output: $(od -c "$out" | head)"
want_args='args ptd^Jsend^[[31m '
grep -qF "    Process (pid " "$out" || fail "no Process line: $(cat "$out")"
grep -F "    Process (pid " "$out" | grep -qF "$want_args" || fail "args not escaped: $(grep Process "$out")"
grep -F '    Thread (tid ' "$out" | grep -qF 'name snd^Ix)' || fail "thread name not escaped: $(grep Thread "$out")"
ok "live: $(grep -F '    Process (pid ' "$out")"
# a packet is its lines and nothing more: the time line and the context
[ "$(grep -c '^[0-9]' "$out")" -eq 1 ] || fail "the packet's text spans extra lines: $(cat "$out")"

# read back: the same text
"$PTCPDUMP" -v -r "$WORK/cap.pcapng" >"$WORK/read.out" 2>"$WORK/read.err" || fail "-r: $(cat "$WORK/read.err")"
grep -F "    Process (pid " "$WORK/read.out" | grep -qF "$want_args" || fail "-r: args not escaped: $(cat "$WORK/read.out")"
LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$WORK/read.out" && fail "-r: a raw control character in the output"
# --oneline: one line
"$PTCPDUMP" -v --oneline -r "$WORK/cap.pcapng" >"$WORK/one.out" 2>"$WORK/one.err" ||
	fail "--oneline -r failed: $(cat "$WORK/one.err")"
[ "$(grep -c . "$WORK/one.out")" -eq 1 ] || fail "--oneline gave $(grep -c . "$WORK/one.out") lines: $(cat "$WORK/one.out")"
grep -qF "$want_args" "$WORK/one.out" || fail "--oneline: args not escaped: $(cat "$WORK/one.out")"
ok "-r and --oneline: escaped, one packet per line"

# the file keeps what the process had: the comment holds the real ESC
if command -v tshark >/dev/null; then
	tshark -r "$WORK/cap.pcapng" -T fields -e frame.comment 2>/dev/null | LC_ALL=C grep -q $'\033\\[31m' ||
		fail "the pcapng comment lost the argument's bytes: $(tshark -r "$WORK/cap.pcapng" -T fields -e frame.comment 2>&1 | head -3)"
	ok "pcapng comment keeps the raw bytes"
fi
