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
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for c in "$HERE"/captures/*; do
	name=$(basename "$c")
	base=${name%.*}
	[ -n "${ONLY:-}" ] && [ "$ONLY" != "$base" ] && continue
	bad=0
	for s in 38 42 46 54 62 70 82 98 130 200; do
		editcap -s $s "$c" "$tmp/cut" >/dev/null 2>&1 || { bad=1; echo "editcap -s $s $name failed" >&2; continue; }
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
