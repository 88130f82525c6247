#!/bin/bash
# Golden tests: run build/ptcpdump -r CAPTURE FLAGS for every case in
# cases.txt and compare byte-for-byte with tcpdump 4.99.3's output recorded
# by generate.sh.  One line per case: "PASS golden/<name>" or
# "FAIL golden/<name>" (a short diff goes to stderr).  Exit 1 if any fails.
#
# The expected text is tcpdump's own, unmodified, on disk.  Before comparing,
# exactly these normalisations are applied to the expected text only:
#  1. Checksum verdicts: " (correct)" and " (incorrect -> 0xNNNN)" directly
#     after the word "cksum 0xNNNN" are removed (ptcpdump prints only the value).
#  2. Cooked captures (sll*, -i any): tcpdump pads the interface name
#     ("%-5s ") and the direction ("%-3s ", or "%3s " for SLL v1 with -e);
#     ptcpdump separates them with single spaces.  On each line the first
#     direction word (In, Out, B, M, P, ?) that follows the interface name
#     or starts the packet text has the spaces before it collapsed to one
#     (removed when it starts the line), and the padding that widens it
#     to three characters removed after it (one space is kept at least).
# Env: PTCPDUMP (binary, default build/ptcpdump), FILTER (substring of case
# names to run).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BIN=${PTCPDUMP:-$ROOT/build/ptcpdump}
export TZ=UTC
fail=0
tmp=$(mktemp)
exp=$(mktemp)
trap 'rm -f "$tmp" "$exp"' EXIT

. "$HERE/norm.sh"

while IFS='|' read -r name cap flags; do
	[ -n "$name" ] || continue
	if [ -n "${FILTER:-}" ] && [[ $name != *$FILTER* ]]; then continue; fi
	base=${cap%.*}
	fs=${name#"$base"-}
	norm "$base" <"$HERE/expected/$base/$fs.txt" >"$exp"
	# shellcheck disable=SC2086
	"$BIN" -r "$HERE/captures/$cap" $flags >"$tmp" 2>/dev/null
	if cmp -s "$tmp" "$exp"; then
		echo "PASS golden/$name"
	else
		echo "FAIL golden/$name"
		diff "$exp" "$tmp" | head -8 >&2
		fail=1
	fi
done <"$HERE/cases.txt"
exit $fail
