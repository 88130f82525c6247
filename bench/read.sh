#!/usr/bin/env bash
# bench/read.sh -- `-r` text printing speed, ptcpdump vs tcpdump -nn (issue 7).
# Makes two 1,000,000-packet captures of the 64-byte UDP flood (kept in
# $OUT/read, never in git): a classic pcap written by tcpdump and a pcapng
# written by ptcpdump (with its per-packet metadata), then times printing each
# to /dev/null with hyperfine, and counts each tool's instructions per packet
# under valgrind's callgrind.  Output: $OUT/read.md, $OUT/read-*.json
set -euo pipefail
. "$(dirname "$0")/lib.sh"
need_root
N=${N:-1000000}
RUNS=${RUNS:-5}
D=$OUT/read
mkdir -p "$D"
trap bench_cleanup EXIT

npk() { capinfos -M -c "$1" 2>/dev/null | awk '/Number of packets/{print $NF}'; }
have() { [ -z "${REGEN:-}" ] && [ -s "$1" ] && [ "$(npk "$1")" = "$N" ]; }

make_capture() {   # make_capture FILE CMD...   (CMD writes FILE and stops after N packets)
    local f=$1; shift
    if have "$f"; then log "read: reusing $f ($N packets)"; return 0; fi
    rm -f "$f"
    "$@" 2>"$f.err" & local cp=$!
    BENCH_PIDS+=("$cp")
    wait_match "$f.err" 'capturing on|listening on' 10 || die "capture not ready: $(cat "$f.err")"
    iperf3 -c "$ADDR_N" -p 5201 -u -l 64 -b 0 -t 60 >/dev/null 2>&1 & local ip=$!
    wait "$cp" || true
    kill "$ip" 2>/dev/null || true; wait "$ip" 2>/dev/null || true
    log "read: $(basename "$f"): $(npk "$f") packets"
}

if ! have "$D/flood.pcap" || ! have "$D/flood-ptcpdump.pcapng"; then
    netns_up
    ip netns exec "$NS" iperf3 -s -p 5201 >/dev/null 2>&1 & BENCH_PIDS+=($!)
    sleep 0.5
fi
make_capture "$D/flood.pcap" "$TCPDUMP" -i "$VETH_H" -B 65536 -c "$N" -w "$D/flood.pcap" udp
make_capture "$D/flood-ptcpdump.pcapng" "$PTCPDUMP" -i "$VETH_H" -c "$N" -w "$D/flood-ptcpdump.pcapng" udp
bench_cleanup

{
echo "| file | command | mean (s) | ± σ (s) | packets/s | vs tcpdump |"
echo "|---|---|---:|---:|---:|---:|"
} >"$OUT/read.md"
for f in flood.pcap flood-ptcpdump.pcapng; do
    j=$OUT/read-${f%%.*}.json
    hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$j" \
        -n tcpdump "$TCPDUMP -nn -r $D/$f" \
        -n tcpdump-TZ "env TZ=:/etc/localtime $TCPDUMP -nn -r $D/$f" \
        -n ptcpdump "$PTCPDUMP -r $D/$f" >&2
    python3 - "$j" "$f" "$N" >>"$OUT/read.md" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["results"]
n = int(sys.argv[3])
t = {r["command"]: r for r in d}
base = n / t["tcpdump"]["median"]
for name in ("tcpdump", "tcpdump-TZ", "ptcpdump"):
    r = t[name]
    pps = n / r["median"]
    cmd = {"tcpdump": "tcpdump -nn -r", "tcpdump-TZ": "TZ=:/etc/localtime tcpdump -nn -r", "ptcpdump": "ptcpdump -r"}[name]
    print("| %s | `%s %s > /dev/null` | %.3f (median %.3f) | %.3f | %s | %.2f |" % (
        sys.argv[2], cmd, sys.argv[2], r["mean"], r["median"], r["stddev"] or 0, format(pps, ",.0f"), pps / base))
PY
done

# Instructions per packet (callgrind): deterministic, unlike the timings.  The
# marginal cost of K packets after the first C0 leaves start-up out:
# (Ir(C0 + K) - Ir(C0)) / K.  Bytes printed per packet are shown beside it,
# since ptcpdump prints the interface, process and context lines too.
CG_K=${CG_K:-100000}
CG_C0=1000
ir() {   # ir CMD...  -> instructions callgrind counted
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$OUT/read-cg.err" ||
        die "callgrind failed: $(tail -3 "$OUT/read-cg.err")"
    awk '/Collected :/ {print $NF}' "$OUT/read-cg.err"
}
if command -v valgrind >/dev/null; then
    {
    echo
    echo "Instructions per packet, counted by \`valgrind --tool=callgrind\` over packets $((CG_C0 + 1))–$((CG_C0 + CG_K)) (the count with \`-c $((CG_C0 + CG_K))\` minus the count with \`-c $CG_C0\`):"
    echo
    echo "| file | command | instructions / packet | bytes printed / packet | vs tcpdump (instructions) |"
    echo "|---|---|---:|---:|---:|"
    } >>"$OUT/read.md"
    for f in flood.pcap flood-ptcpdump.pcapng; do
        base=
        for name in tcpdump ptcpdump; do
            if [ $name = tcpdump ]; then cmd=("$TCPDUMP" -nn -r "$D/$f"); else cmd=("$PTCPDUMP" -r "$D/$f"); fi
            a=$(ir "${cmd[@]}" -c $CG_C0); b=$(ir "${cmd[@]}" -c $((CG_C0 + CG_K)))
            ba=$("${cmd[@]}" -c $CG_C0 2>/dev/null | wc -c); bb=$("${cmd[@]}" -c $((CG_C0 + CG_K)) 2>/dev/null | wc -c)
            per=$(( (b - a) / CG_K ))
            [ -n "$base" ] || base=$per
            printf '| %s | `%s -c N` | %s | %s | %s |\n' "$f" \
                "$([ $name = tcpdump ] && echo "tcpdump -nn -r $f" || echo "ptcpdump -r $f")" \
                "$per" "$(( (bb - ba) / CG_K ))" "$(awk -v p="$per" -v b="$base" 'BEGIN{printf "%.2f", p / b}')"
        done
    done >>"$OUT/read.md"
    rm -f "$OUT/read-cg.err"
else
    log "read: valgrind missing, no instruction counts"
fi
cat "$OUT/read.md"
