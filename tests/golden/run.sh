#!/bin/bash
# Golden tests: run build/ptcpdump -r CAPTURE FLAGS for every case in
# cases.txt and compare byte-for-byte with tcpdump 4.99.3's output recorded
# by generate.sh.  One line per case: "PASS golden/<name>" or
# "FAIL golden/<name>" (a short diff goes to stderr).  Exit 1 if any fails.
#
# The expected text is tcpdump's own, unmodified, on disk.  Before comparing,
# exactly one normalisation is applied to the expected text only: checksum
# verdicts, " (correct)" and " (incorrect -> 0xNNNN)" directly after the word
# "cksum 0xNNNN", are removed (ptcpdump prints only the value).
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
	# flags are shell words: an -E argument holds spaces (generate.sh)
	eval "set -- $flags"
	"$BIN" -r "$HERE/captures/$cap" "$@" >"$tmp" 2>/dev/null
	if cmp -s "$tmp" "$exp"; then
		echo "PASS golden/$name"
	else
		echo "FAIL golden/$name"
		diff "$exp" "$tmp" | head -8 >&2
		fail=1
	fi
done <"$HERE/cases.txt"
exit $fail
