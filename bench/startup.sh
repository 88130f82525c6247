#!/usr/bin/env bash
# bench/startup.sh -- launch-to-capture latency of ptcpdump vs tcpdump (issue 7).
# RUNS runs per tool, alternated; see startup.py for what is measured.
# Output: $OUT/startup.tsv, $OUT/startup.md
set -euo pipefail
. "$(dirname "$0")/lib.sh"
need_root
RUNS=${RUNS:-10}
trap bench_cleanup EXIT
netns_up
ping -c 1 -W 1 "$ADDR_N" >/dev/null      # resolve the neighbour before timing
F='udp dst port 5999'
python3 "$BENCH_DIR/startup.py" "$RUNS" "$OUT/startup.tsv" \
    "tcpdump -i $VETH_H=$TCPDUMP -i $VETH_H -nn -l --immediate-mode -c 1 $F" \
    "ptcpdump -i $VETH_H=$PTCPDUMP -i $VETH_H -l -c 1 $F" \
    "ptcpdump -i any=$PTCPDUMP -i any -l -c 1 $F"
python3 "$BENCH_DIR/summarize.py" startup "$OUT/startup.tsv" >"$OUT/startup.md"
cat "$OUT/startup.md"
