#!/usr/bin/env bash
# Reads a directory of other tools' captures (e.g. the tests/ folder of a
# tcpdump checkout) with build/ptcpdump and with the installed tcpdump, and
# reports, for each flag set, how many files print the same text, plus every
# crash, sanitizer report, exit status or error message that differs, and `-r IN -w OUT`
# round trip that tcpdump reads back differently.  Not part of the suite (the
# captures are not ours to ship); see tests/corpus/RESULTS.md.
#
# Usage: tests/corpus/compare.sh DIR [FLAGS...]
#   FLAGS: flag sets to compare, each one word with commas for spaces
#          (default: -nn -nnv -nnvv -nne -nnx -nnX -nnA -nnq)
# Env: PTCPDUMP (binary; build-asan/ptcpdump reports memory errors too),
#      OUT (work directory; default a new one in /tmp, removed at the end
#      unless something was found).
set -u
DIR=${1:?usage: compare.sh DIR [FLAGS...]}
shift
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${PTCPDUMP:-$ROOT/build/ptcpdump}
if [ -n "${OUT:-}" ]; then
	mkdir -p "$OUT" || exit 2
else
	OUT=$(mktemp -d /tmp/corpus-compare.XXXXXX) || exit 2
	trap '[ "${problems:-1}" -ne 0 ] || rm -rf "$OUT"' EXIT
fi
FLAGSETS=("$@")
[ ${#FLAGSETS[@]} -gt 0 ] || FLAGSETS=(-nn -nnv -nnvv -nne -nnx -nnX -nnA -nnq)
export TZ=UTC
export ASAN_OPTIONS=detect_leaks=1:log_path=$OUT/asan
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$OUT/ubsan
. "$ROOT/tests/golden/norm.sh"
command -v tcpdump >/dev/null || { echo "tcpdump missing" >&2; exit 2; }
mapfile -t FILES < <(find "$DIR" -maxdepth 1 -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | sort)
[ ${#FILES[@]} -gt 0 ] || { echo "no captures in $DIR" >&2; exit 2; }
problems=0

for fs in "${FLAGSETS[@]}"; do
	read -r -a fl <<<"${fs//,/ }"
	same=0 lines=0 difflines=0
	for f in "${FILES[@]}"; do
		timeout 60 tcpdump "${fl[@]}" -r "$f" 2>"$OUT/t.err" | norm >"$OUT/t.out"
		tr=${PIPESTATUS[0]}
		timeout 60 "$BIN" "${fl[@]}" -r "$f" >"$OUT/p.out" 2>"$OUT/p.err"
		pr=$?
		if [ "$pr" -ge 124 ]; then
			echo "CRASH/TIMEOUT ($pr): ${fl[*]} -r $f"
			problems=$((problems + 1))
		elif [ "$tr" -ne "$pr" ]; then
			echo "EXIT $tr vs $pr: ${fl[*]} -r $f: $(head -c 160 "$OUT/p.err")"
			problems=$((problems + 1))
		elif [ "$(sed 's/^tcpdump:/ptcpdump:/' "$OUT/t.err")" != "$(cat "$OUT/p.err")" ]; then
			echo "MESSAGE: ${fl[*]} -r $f: $(head -c 200 "$OUT/p.err") / $(head -c 200 "$OUT/t.err")"
			problems=$((problems + 1))
		fi
		n=$(wc -l <"$OUT/t.out")
		d=$(diff "$OUT/t.out" "$OUT/p.out" | grep -c '^<')
		lines=$((lines + n))
		difflines=$((difflines + d))
		if cmp -s "$OUT/t.out" "$OUT/p.out"; then same=$((same + 1)); fi
	done
	echo "${fl[*]}: $same/${#FILES[@]} files print the same; $((lines - difflines))/$lines of tcpdump's lines"
done

# -r IN -w OUT, pcapng and pcap, read back by tcpdump
for ext in pcapng pcap; do
	same=0 n=0
	for f in "${FILES[@]}"; do
		tcpdump -nn -r "$f" >"$OUT/t.out" 2>/dev/null
		rm -f "$OUT/rw.$ext"
		timeout 60 "$BIN" -r "$f" -w "$OUT/rw.$ext" >/dev/null 2>"$OUT/p.err"
		pr=$?
		[ "$pr" -lt 124 ] || { echo "CRASH/TIMEOUT ($pr): -r $f -w .$ext"; problems=$((problems + 1)); }
		[ -s "$OUT/t.out" ] || continue
		n=$((n + 1))
		tcpdump -nn -r "$OUT/rw.$ext" 2>/dev/null | cmp -s - "$OUT/t.out" && same=$((same + 1))
	done
	echo "-r -w .$ext: $same/$n rewritten files print the same in tcpdump as the originals"
done

if ls "$OUT"/asan* "$OUT"/ubsan* >/dev/null 2>&1; then
	echo "sanitizer reports: $(ls "$OUT"/asan* "$OUT"/ubsan* 2>/dev/null | wc -l) in $OUT"
	problems=$((problems + 1))
fi
echo "problems: $problems$([ "$problems" -eq 0 ] || echo " (work files in $OUT)")"
[ "$problems" -eq 0 ]
