#!/usr/bin/env bash
# bench/containers.sh -- ptcpdump RSS and start-up with 0 and with NCONT running
# containers (issue 7).  Uses tests/lib/env.sh: daemons_up, build_images,
# docker_run -d.  Containers run `sleep 600` and are removed at the end (also on
# error, through test_cleanup).  Output: $OUT/containers.tsv, $OUT/containers.md
set -euo pipefail
. "$(dirname "$0")/lib.sh"
export PTD_TEST_NAME=bench-containers
# own state dir: the e2e suite's suite_cleanup (other sessions on a shared
# machine) removes every test's leftovers under /tmp/ptd-e2e, which would take
# our containers with it; daemons_down still only stops daemons we started.
export PTD_STATE_DIR=${PTD_BENCH_STATE_DIR:-/tmp/ptd-bench-state}
export PTD_CTR_NAMESPACES=${PTD_CTR_NAMESPACES-}
. "$REPO_DIR/tests/lib/env.sh"
need_root
NCONT=${NCONT:-200}
RUNS=${RUNS:-5}
PAR=${PAR:-8}
D=$OUT/containers
rm -rf "$D"; mkdir -p "$D"

cont_cleanup() {
    local rc=$? ids=() f
    for f in "$_PTD_TEST_DIR"/cid.*; do [ -s "$f" ] && ids+=("$(cat "$f")"); done
    if [ ${#ids[@]} -gt 0 ]; then
        local t0=$SECONDS
        printf '%s\n' "${ids[@]}" | xargs -r -n 50 "$PTD_DOCKER" rm -f >/dev/null 2>&1 || true
        log "containers: removed ${#ids[@]} containers in $((SECONDS - t0)) s"
    fi
    bench_cleanup
    test_cleanup || true
    # daemons/image only if this script started the daemons (their pid files are ours)
    if [ -f "$PTD_STATE_DIR/dockerd.pid" ] || [ -f "$PTD_STATE_DIR/containerd.pid" ]; then
        images_down || true
        daemons_down || true
    fi
    # the state directory is the bench's own: nothing of it stays behind
    [ -z "${PTD_BENCH_STATE_DIR:-}" ] && rm -rf "$PTD_STATE_DIR"
    return $rc
}
ptd_test_init
trap cont_cleanup EXIT
netns_up
ping -c 1 -W 1 "$ADDR_N" >/dev/null

t0=$SECONDS
daemons_up
build_images
log "containers: daemons + image ready in $((SECONDS - t0)) s"

# measure LABEL: RUNS x (peak RSS of a 3 s `-i any -w /dev/null` capture) and RUNS x startup.py
measure() {
    local label=$1 i tp cp hwm rss
    for i in $(seq "$RUNS"); do
        /usr/bin/time -f '%M' -o "$D/$label.$i.time" "$PTCPDUMP" -i any -w /dev/null 2>"$D/$label.$i.err" & tp=$!
        cp=$(child_of "$tp")
        wait_match "$D/$label.$i.err" 'capturing on' 20 || die "not ready: $(cat "$D/$label.$i.err")"
        sleep 3
        hwm=$(awk '/VmHWM/{print $2}' "/proc/$cp/status")
        rss=$(awk '/VmRSS/{print $2}' "/proc/$cp/status")
        kill -INT "$cp"; wait "$tp" || true
        printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$i" "$rss" "$hwm" "$(cat "$D/$label.$i.time")" >>"$D/rss.tsv"
        log "containers $label #$i: VmRSS ${rss} kB, VmHWM ${hwm} kB, time %M $(cat "$D/$label.$i.time") kB"
    done
    python3 "$BENCH_DIR/startup.py" "$RUNS" "$D/startup-$label.tsv" \
        "ptcpdump -i any ($label)=$PTCPDUMP -i any -l -c 1 udp dst port 5999" \
        "ptcpdump -i $VETH_H ($label)=$PTCPDUMP -i $VETH_H -l -c 1 udp dst port 5999"
}

printf 'label\trun\tvmrss_kb\tvmhwm_kb\ttime_maxrss_kb\n' >"$D/rss.tsv"
n0=$("$PTD_DOCKER" ps -q | wc -l)
measure "${n0}-containers"

log "containers: starting $NCONT containers ($PAR in parallel)"
t0=$(date +%s.%N)
for i in $(seq "$NCONT"); do
    docker_run -d "ptd-bench-$i" sleep 600 >/dev/null &
    if (( i % PAR == 0 )); then wait; fi
done
wait
t1=$(date +%s.%N)
n1=$("$PTD_DOCKER" ps -q | wc -l)
start_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", b-a}')
log "containers: $n1 running after ${start_s} s"
measure "${n1}-containers"

{
    echo "Containers started with \`docker_run -d ptd-bench-N sleep 600\` ($PAR in parallel): $NCONT in ${start_s} s; running during the second measurement: $n1 (Docker, containerd namespace moby)."
    echo
    echo "| running containers | runs | VmRSS after 3 s, median (MiB) | peak RSS (GNU time %M), median (MiB) | ready, median (ms) | first probe captured, median (ms) |"
    echo "|---:|---:|---:|---:|---:|---:|"
    python3 - "$D" "${n0}-containers" "${n1}-containers" <<'PY'
import csv, statistics as st, sys
d = sys.argv[1]
rows = list(csv.DictReader(open(d + "/rss.tsv"), delimiter="\t"))
for label in sys.argv[2:]:
    rs = [r for r in rows if r["label"] == label]
    su = list(csv.DictReader(open("%s/startup-%s.tsv" % (d, label)), delimiter="\t"))
    for iface in ("any", "ptdb0"):
        s = [r for r in su if ("-i %s " % iface) in r["tool"]]
        rd = [float(r["ready_ms"]) for r in s if r["ready_ms"] != "-"]
        pr = [float(r["probe_ms"]) for r in s if r["probe_ms"] != "-"]
        print("| %s (`-i %s`) | %d | %s | %s | %.0f | %.0f |" % (
            label.split("-")[0], iface, len(rs),
            "%.1f" % (st.median(int(r["vmrss_kb"]) for r in rs) / 1024) if iface == "any" else "–",
            "%.1f" % (st.median(int(r["time_maxrss_kb"]) for r in rs) / 1024) if iface == "any" else "–",
            st.median(rd) if rd else float("nan"), st.median(pr) if pr else float("nan")))
PY
} >"$OUT/containers.md"
cat "$OUT/containers.md"
