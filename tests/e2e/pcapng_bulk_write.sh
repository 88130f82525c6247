#!/usr/bin/env bash
# Issue 7: -w under a flood.  A regular file is then written with O_DIRECT in
# 4 MiB pieces (src/output/wfile.c), the last partial page of each batch
# through the page cache.  Whatever the mix, the files must be exactly what
# the capture saw:
#   - while the flood runs, the file is open with O_DIRECT (/proc fdinfo);
#   - pcapng, pcap, and pcapng rotated with -C: every packet the summary
#     counts as captured is in the file(s), in order of time, each file
#     whole blocks only, read by tcpdump -r and tshark -r without a warning;
#   - a SIGKILL in the middle of the flood leaves a file that tcpdump reads
#     up to its last whole block.
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v python3 >/dev/null || skip "missing python3"
command -v tcpdump >/dev/null || skip "missing tcpdump"

NS=ptd-bulk
lo_sink "$NS" 40211

# the file's open flags include O_DIRECT (octal 040000) at some point
direct_seen() {
	local pid=$1 path=$2 fd fl
	for fd in /proc/"$pid"/fd/*; do
		[ "$(readlink "$fd")" = "$path" ] || continue
		fl=$(awk '/^flags:/ { print $2 }' "/proc/$pid/fdinfo/${fd##*/}" 2>/dev/null)
		[ -n "$fl" ] && (( (8#$fl >> 14) & 1 )) && return 0
	done
	return 1
}

# flood NAME SECS: the flood, sampling the open flags of $CUR meanwhile.
# About 50 MB/s of records (1200-byte datagrams, 2 ms pauses): more than
# 4 MiB within the 100 ms a batch may wait, so the writer goes direct,
# without filling the disk.
flood() {
	local i
	ip netns exec "$NS" python3 "$ROOT/tests/lib/udp_flood.py" 40211 "$2" 1200 0.002 >/dev/null &
	local fp=$!
	: >"$WORK/$1.direct"
	for i in $(seq $(($2 * 20))); do
		kill -0 "$fp" 2>/dev/null || break
		direct_seen "$PTD_PID" "$CUR" && echo yes >"$WORK/$1.direct"
		sleep 0.05
	done
	wait "$fp"
}

# check_files NAME FILES...: captured = packets in the files; whole blocks;
# times in order; tshark reads them without a warning
check_files() {
	local name=$1 f n total=0 cap
	shift
	cap=$(sed -n 's/^\([0-9]*\) packets captured$/\1/p' "$WORK/$name.err")
	[ -n "$cap" ] || fail "$name: no summary: $(cat "$WORK/$name.err")"
	for f in "$@"; do
		tcpdump -nn -tt -r "$f" >"$WORK/td.out" 2>"$WORK/td.err" ||
			fail "$name: tcpdump -r $f: $(cat "$WORK/td.err")"
		grep -v '^reading from file ' "$WORK/td.err" | grep -q . &&
			fail "$name: tcpdump -r $f warns: $(cat "$WORK/td.err")"
		awk '$1 < last { bad = 1 } { last = $1 } END { exit bad }' "$WORK/td.out" ||
			fail "$name: $f: packets out of time order"
		n=$(wc -l <"$WORK/td.out")
		total=$((total + n))
		if command -v tshark >/dev/null; then
			tshark -r "$f" >/dev/null 2>"$WORK/ts.err" ||
				fail "$name: tshark -r $f: $(cat "$WORK/ts.err")"
			grep -v '^Running as user "root"' "$WORK/ts.err" | grep -q . &&
				fail "$name: tshark -r $f warns: $(cat "$WORK/ts.err")"
		fi
	done
	[ "$total" -eq "$cap" ] || fail "$name: $cap packets captured, $total in the file(s)"
	ok "$name: all $cap captured packets in $# file(s) of $(du -cb "$@" | tail -1 | cut -f1) bytes"
}

for fmt in pcapng pcap; do
	F=$WORK/bulk.$fmt
	CUR=$F
	ptd_start "bulk-$fmt" --netns "$NS" -i lo -w "$F" udp port 40211
	flood "bulk-$fmt" 2
	ptd_stop "$PTD_PID" INT || fail "bulk-$fmt: exit status $?"
	[ -s "$WORK/bulk-$fmt.direct" ] || fail "bulk-$fmt: the file was never open with O_DIRECT during the flood"
	ok "bulk-$fmt: written with O_DIRECT"
	check_files "bulk-$fmt" "$F"
done

# rotation: -C 20 (20 MB files, at most 9)
F=$WORK/rot.pcapng
CUR=${F}0
ptd_start rot --netns "$NS" -i lo -C 20 -W 9 -w "$F" udp port 40211
flood rot 2
ptd_stop "$PTD_PID" INT || fail "rot: exit status $?"
mapfile -t files < <(ls -tr "$WORK"/rot.pcapng?)
[ "${#files[@]}" -ge 2 ] || fail "rot: only ${#files[@]} file(s): $(ls -l "$WORK")"
# the oldest file may have been reused (-W): count only when none was
if [ "${#files[@]}" -lt 9 ]; then
	check_files rot "${files[@]}"
else
	for f in "${files[@]}"; do
		tcpdump -nn -r "$f" >/dev/null 2>"$WORK/td.err" || fail "rot: tcpdump -r $f: $(cat "$WORK/td.err")"
	done
	ok "rot: ${#files[@]} files, each read by tcpdump"
fi

# SIGKILL in the middle of the flood
F=$WORK/kill.pcapng
CUR=$F
ptd_start kill --netns "$NS" -i lo -w "$F" udp port 40211
ip netns exec "$NS" python3 "$ROOT/tests/lib/udp_flood.py" 40211 2 1200 0.002 >/dev/null &
fp=$!
sleep 1
kill -KILL "$PTD_PID"
wait "$PTD_PID" 2>/dev/null
wait "$fp"
tcpdump -nn -r "$F" >"$WORK/k.out" 2>"$WORK/k.err"
n=$(wc -l <"$WORK/k.out")
[ "$n" -gt 1000 ] || fail "kill: only $n packets readable after a SIGKILL 1 s into the flood: $(cat "$WORK/k.err")"
grep -v -e '^reading from file ' -e 'truncated pcapng dump file' "$WORK/k.err" | grep -q . &&
	fail "kill: tcpdump -r: $(cat "$WORK/k.err")"
ok "kill: tcpdump reads $n packets of the killed capture"
