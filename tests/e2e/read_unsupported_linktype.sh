#!/usr/bin/env bash
# A capture of a link type that neither tool decodes (USER0, D-Bus) prints
# as tcpdump 4.99 prints it: "UNSUPPORTED" and every byte in hex and ASCII,
# with any -x/-X dump after it; `-r -w` keeps the link type.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_cmd tcpdump python3
ptd_test_init
ptd_workdir
export TZ=UTC
for lt in 147 231; do
    f=$PTD_WORK/lt$lt.pcap
    python3 - "$f" "$lt" <<'EOF'
import struct, sys
path, lt = sys.argv[1], int(sys.argv[2])
with open(path, "wb") as o:
    o.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, lt))
    for i, n in enumerate((1, 15, 16, 17, 64, 100)):
        data = bytes((i * 37 + k * 11) & 0xff for k in range(n))
        o.write(struct.pack("<IIII", 1700000000 + i, 1000 * i, n, n + 3 * (i & 1)))
        o.write(data)
EOF
    for fl in "" "-nn" "-x" "-xx" "-X" "-XX" "-e" "-A" "-q" "-v"; do
        # shellcheck disable=SC2086
        tcpdump $fl -r "$f" >"$PTD_WORK/want" 2>/dev/null
        # shellcheck disable=SC2086
        "$PTD_BIN" $fl -r "$f" >"$PTD_WORK/got" 2>"$PTD_WORK/err" ||
            fail "link type $lt ${fl:-(no flags)}: ptcpdump failed: $(cat "$PTD_WORK/err")"
        if ! cmp -s "$PTD_WORK/want" "$PTD_WORK/got"; then
            diff "$PTD_WORK/want" "$PTD_WORK/got" | head -n 8 >&2
            fail "link type $lt ${fl:-(no flags)}: differs from tcpdump"
        fi
    done
    grep -q '^[0-9:.]* UNSUPPORTED$' "$PTD_WORK/got" || fail "no UNSUPPORTED line"
    "$PTD_BIN" -r "$f" -w "$PTD_WORK/rw.pcapng" 2>/dev/null
    tcpdump -r "$PTD_WORK/rw.pcapng" 2>&1 >/dev/null | grep -q "link-type $lt\b\|link-type DBUS" ||
        fail "link type $lt not kept by -r -w"
    echo "ok: link type $lt prints as tcpdump's with 10 flag sets, and -r -w keeps it"
done
