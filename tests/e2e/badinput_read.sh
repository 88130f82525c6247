#!/usr/bin/env bash
# Issue 8, bad input for -r: a directory, an empty file, a truncated pcapng
# (cut mid-block: the packets before the damage are printed, then the error),
# a truncated classic pcap, random bytes, a missing file.  Each gives one
# tcpdump-style line "ptcpdump: ..." on stderr and exit 1; nothing hangs.
# Every check runs; the test fails at the end if any of them failed.
set -u
. "$(dirname "$0")/../lib/core.sh"
need() { command -v "$1" >/dev/null || skip "missing command $1"; }
need tcpdump
need python3

nfail=0
bad() { echo "FAIL $TEST_NAME: $*" >&2; nfail=$((nfail + 1)); }

# expect_err WHAT REGEX FILE : ptcpdump -r FILE exits 1 with one line matching REGEX
expect_err() {
	local what=$1 re=$2 file=$3 rc
	timeout 10 "$PTCPDUMP" -r "$file" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	if [ "$rc" -ne 1 ]; then bad "$what: exit $rc, expected 1 ($(cat "$WORK/err"))"; return 1; fi
	if [ "$(grep -c . "$WORK/err")" -ne 1 ]; then bad "$what: expected one line on stderr: $(cat "$WORK/err")"; return 1; fi
	if ! grep -Eq "$re" "$WORK/err"; then bad "$what: message '$(cat "$WORK/err")' does not match $re"; return 1; fi
	ok "$what: $(cat "$WORK/err")"
}

# --- the simple ones (messages as libpcap's / tcpdump's)
mkdir "$WORK/adir"
expect_err "directory" '^ptcpdump: (error reading dump file: Is a directory|.*adir: Is a directory)$' "$WORK/adir"
: >"$WORK/empty"
expect_err "empty file" '^ptcpdump: truncated dump file; tried to read 4 file header bytes, only got 0$' "$WORK/empty"
head -c 4096 /dev/urandom >"$WORK/random"
# (a random file cannot start with one of the magic numbers but once in 10^9)
expect_err "random bytes" '^ptcpdump: unknown file format$' "$WORK/random"
expect_err "missing file" "^ptcpdump: $WORK/missing: No such file or directory\$" "$WORK/missing"

# --- a real capture to cut: ICMP between a netns and the host
netns_pair ptd-bri ptdv-bri 10.250.31.1 10.250.31.2
ptd_start cap -i ptdv-bri -w "$WORK/cap.pcapng" icmp
ip netns exec ptd-bri ping -c 6 -i 0.2 -W 1 10.250.31.1 >/dev/null || fail "ping"
sleep 0.3
ptd_stop "$PTD_PID" INT || fail "capture exit status $?"
ptd_start capp -i ptdv-bri -w "$WORK/cap.pcap" icmp
ip netns exec ptd-bri ping -c 6 -i 0.2 -W 1 10.250.31.1 >/dev/null || fail "ping"
sleep 0.3
ptd_stop "$PTD_PID" INT || fail "capture exit status $?"

# Block boundaries of the pcapng: "TYPE OFFSET LENGTH" per block
python3 - "$WORK/cap.pcapng" >"$WORK/blocks" <<'PY' || fail "cannot parse the capture"
import struct, sys
d = open(sys.argv[1], "rb").read()
off = 0
while off + 8 <= len(d):
    t, l = struct.unpack_from("<II", d, off)
    print(t, off, l)
    off += l
PY
nepb=$(awk '$1 == 6' "$WORK/blocks" | wc -l)
[ "$nepb" -ge 10 ] || fail "only $nepb packets in the capture"
# the last EPB: cut it in the middle of its body, and just after its header
read -r _ last_off last_len < <(awk '$1 == 6' "$WORK/blocks" | tail -n 1)
full=$(timeout 10 "$PTCPDUMP" -r "$WORK/cap.pcapng" 2>/dev/null | grep -c '^[0-9]')
[ "$full" -eq "$nepb" ] || fail "-r of the whole file printed $full packets of $nepb"

check_trunc() { # WHAT SIZE
	local what=$1 size=$2 n rc tn tmsg
	head -c "$size" "$WORK/cap.pcapng" >"$WORK/trunc"
	timeout 10 "$PTCPDUMP" -r "$WORK/trunc" >"$WORK/tout" 2>"$WORK/terr"
	rc=$?
	n=$(grep -c '^[0-9]' "$WORK/tout")
	tn=$(tcpdump -nn -r "$WORK/trunc" 2>/dev/null | grep -c '^[0-9]')
	[ "$rc" -eq 1 ] || { bad "$what: exit $rc, expected 1 ($(cat "$WORK/terr"))"; return; }
	[ "$(grep -c . "$WORK/terr")" -eq 2 ] ||
		{ bad "$what: expected the file's line and the error on stderr: $(cat "$WORK/terr")"; return; }
	# tcpdump's lines, word for word (pcap_loop: the damage is found
	# partway through the file)
	tmsg=$(tcpdump -nn -r "$WORK/trunc" 2>&1 >/dev/null | sed 's/^tcpdump:/ptcpdump:/')
	tail -n 1 "$WORK/terr" | grep -Eq '^ptcpdump: pcap_loop: truncated pcapng dump file; tried to read [0-9]+ bytes, only got [0-9]+$' &&
		[ "$(cat "$WORK/terr")" = "$tmsg" ] ||
		{ bad "$what: message '$(cat "$WORK/terr")', tcpdump: '$tmsg'"; return; }
	[ "$n" -eq $((nepb - 1)) ] || { bad "$what: printed $n packets, expected the $((nepb - 1)) before the damage"; return; }
	[ "$n" -eq "$tn" ] || { bad "$what: printed $n packets, tcpdump -r prints $tn"; return; }
	# the packets printed are the same as from the whole file
	timeout 10 "$PTCPDUMP" -r "$WORK/cap.pcapng" 2>/dev/null | head -n "$(wc -l <"$WORK/tout")" | cmp -s - "$WORK/tout" ||
		{ bad "$what: the packets before the damage print differently"; return; }
	ok "$what: $n packets, then $(cat "$WORK/terr")"
}
check_trunc "pcapng cut mid-block (body)" $((last_off + last_len / 2))
check_trunc "pcapng cut mid-block (header)" $((last_off + 4))

# classic pcap: 24-byte header, then 16-byte record headers
size=$(stat -c %s "$WORK/cap.pcap")
head -c $((size - 10)) "$WORK/cap.pcap" >"$WORK/trunc.pcap"
timeout 10 "$PTCPDUMP" -r "$WORK/trunc.pcap" >"$WORK/tout" 2>"$WORK/terr"
rc=$?
n=$(grep -c '^[0-9]' "$WORK/tout")
tn=$(tcpdump -nn -r "$WORK/trunc.pcap" 2>/dev/null | grep -c '^[0-9]')
total=$(tcpdump -nn -r "$WORK/cap.pcap" 2>/dev/null | grep -c '^[0-9]')
if [ "$rc" -ne 1 ]; then
	bad "pcap cut mid-packet: exit $rc, expected 1 ($(cat "$WORK/terr"))"
elif ! tail -n 1 "$WORK/terr" | grep -Eq '^ptcpdump: pcap_loop: truncated dump file; tried to read [0-9]+ captured bytes, only got [0-9]+$' ||
	[ "$(grep -c . "$WORK/terr")" -ne 2 ] ||
	[ "$(cat "$WORK/terr")" != "$(tcpdump -nn -r "$WORK/trunc.pcap" 2>&1 >/dev/null | sed 's/^tcpdump:/ptcpdump:/')" ]; then
	bad "pcap cut mid-packet: message '$(cat "$WORK/terr")', not tcpdump's"
elif [ "$n" -ne $((total - 1)) ] || [ "$n" -ne "$tn" ]; then
	bad "pcap cut mid-packet: printed $n packets; the file has $total, tcpdump prints $tn before the damage"
else
	ok "pcap cut mid-packet: $n packets, then $(cat "$WORK/terr")"
fi

[ "$nfail" -eq 0 ] || fail "$nfail check(s) failed"
echo "ok: all bad -r inputs rejected"
