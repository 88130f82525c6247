#!/bin/bash
# Golden captures cut short: every capture in captures/ cut to a range of
# snapshot lengths (editcap -s), read by build/ptcpdump and by the real
# tcpdump on this machine, for four flag sets.  Where the data ends decides
# which printer stops and how (the text's " [|proto]", the -x dump's
# start), so this compares the printers' truncation paths, which the whole
# captures never reach.  One line per capture: "PASS golden-truncated/NAME"
# or "FAIL ..." (the first differences go to stderr).  ONLY=NAME: that
# capture alone.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BIN=${PTCPDUMP:-$ROOT/build/ptcpdump}
export TZ=UTC
. "$HERE/norm.sh"
for t in tcpdump editcap; do
	if ! command -v $t >/dev/null; then
		echo "SKIP golden-truncated: no $t"
		exit 0
	fi
done
# cut_pcap SNAPLEN IN OUT: a classic pcap file with every record cut to
# SNAPLEN bytes and the header's snapshot length set to it
cut_pcap() {
	python3 - "$@" <<'PY'
import struct, sys
s, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
b = open(src, 'rb').read()
magic = b[:4]
if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'):
    e = '<'
elif magic in (b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
    e = '>'
else:
    sys.exit(1)
out = bytearray(b[:16] + struct.pack(e + 'I', s) + b[20:24])
off = 24
while off + 16 <= len(b):
    sec, frac, cap, ln = struct.unpack(e + 'IIII', b[off:off + 16])
    data = b[off + 16:off + 16 + cap]
    out += struct.pack(e + 'IIII', sec, frac, min(cap, s), ln) + data[:s]
    off += 16 + cap
open(dst, 'wb').write(out)
PY
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for c in "$HERE"/captures/*; do
	name=$(basename "$c")
	base=${name%.*}
	[ -n "${ONLY:-}" ] && [ "$ONLY" != "$base" ] && continue
	bad=0
	for s in 38 42 46 54 62 70 82 98 130 200; do
		# editcap cannot write every link type (Juniper, DSA ...): a
		# classic pcap is then cut here, as editcap -s would
		editcap -s $s "$c" "$tmp/cut" >/dev/null 2>&1 || cut_pcap $s "$c" "$tmp/cut" ||
			{ bad=1; echo "cutting $name to $s bytes failed" >&2; continue; }
		for flags in "" -v -x -e; do
			# shellcheck disable=SC2086
			tcpdump -nn $flags -r "$tmp/cut" 2>/dev/null | norm "$base" >"$tmp/exp"
			# shellcheck disable=SC2086
			"$BIN" -r "$tmp/cut" $flags >"$tmp/out" 2>/dev/null
			if ! cmp -s "$tmp/exp" "$tmp/out"; then
				[ $bad -eq 0 ] && { echo "$name -s $s $flags:"; diff "$tmp/exp" "$tmp/out" | head -6; } >&2
				bad=$((bad + 1))
			fi
		done
	done
	if [ $bad -eq 0 ]; then
		echo "PASS golden-truncated/$base"
	else
		echo "FAIL golden-truncated/$base: $bad of 40 cuts differ from tcpdump"
		fail=1
	fi
done
exit $fail
