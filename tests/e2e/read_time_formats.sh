#!/usr/bin/env bash
# Every -t variant prints as tcpdump's, byte for byte, for timestamps that
# jump by more than a day, go backwards, repeat, and carry micro- or
# nanosecond fractions (a pcap of each precision, read with and without
# --nano/--micro; TZ set and unset for the local-time formats).
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_cmd tcpdump python3
ptd_test_init
ptd_workdir
python3 - "$PTD_WORK" <<'EOF'
import struct, sys
d = sys.argv[1]
# seconds, fraction (us or ns): +1 s, +25 h, -2 days, same, +0.5 s, +3 years
times = [(1700000000, 0.000001), (1700000001, 0.25), (1700090001, 0.999999),
         (1699917201, 0.5), (1699917201, 0.5), (1699917201, 0.000999),
         (1794611601, 0.123456)]
frame = (b"\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01\x08\x00"
         b"\x45\x00\x00\x1d\x00\x01\x00\x00\x40\x11\x00\x00"
         b"\xc0\x00\x02\x01\xc0\x00\x02\x02\x30\x39\x00\x35\x00\x09\x00\x00\x00")
for name, magic, scale in (("us", 0xa1b2c3d4, 10**6), ("ns", 0xa1b23c4d, 10**9)):
    with open(f"{d}/{name}.pcap", "wb") as o:
        o.write(struct.pack("<IHHiIII", magic, 2, 4, 0, 0, 65535, 1))
        for i, (s, f) in enumerate(times):
            frac = int(round(f * scale)) + (7 if name == "ns" else 0)
            o.write(struct.pack("<IIII", s, frac, len(frame), len(frame)))
            o.write(frame)
EOF
n=0
for f in us ns; do
    for tz in UTC "" America/Los_Angeles; do
        for fl in "" -t -tt -ttt -tttt -ttttt "-tt --nano" "-ttt --nano" "-tttt --micro" "-ttttt --nano"; do
            # shellcheck disable=SC2086
            TZ=$tz tcpdump -nn $fl -r "$PTD_WORK/$f.pcap" >"$PTD_WORK/want" 2>/dev/null
            # shellcheck disable=SC2086
            TZ=$tz "$PTD_BIN" -nn $fl -r "$PTD_WORK/$f.pcap" >"$PTD_WORK/got" 2>"$PTD_WORK/err" ||
                fail "$f.pcap ${fl:-(default)}: $(cat "$PTD_WORK/err")"
            if ! cmp -s "$PTD_WORK/want" "$PTD_WORK/got"; then
                diff "$PTD_WORK/want" "$PTD_WORK/got" | head -n 8 >&2
                fail "$f.pcap TZ=$tz ${fl:-(default)}: differs from tcpdump"
            fi
            [ "$(wc -l <"$PTD_WORK/got")" -eq 7 ] || fail "$f.pcap ${fl:-(default)}: not 7 lines"
            n=$((n + 1))
        done
    done
done
echo "ok: $n time formats (-t..-ttttt, --nano, --micro, three TZ) print as tcpdump's"
