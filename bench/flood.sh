#!/usr/bin/env bash
# bench/flood.sh -- capture overhead under a 64-byte UDP flood (issue 7).
#
# iperf3 -u -l 64 -b 0 from the host to netns ptd-bench over veth ptdb0, 5 s per
# run, REPS runs of every configuration, configurations alternated.  Per run:
#   rate      = packets the iperf3 client sent / s (the sender shares its CPU
#               with the softirq that runs tc BPF / AF_PACKET, so this is the
#               total capture overhead as the application sees it)
#   captured  = flood packets found in the file (tcpdump -r 'udp dst port P and greater 100')
#               / packets iperf3 sent
#   dropped   = "N packets dropped by kernel" from the tool's own summary
#   cpu       = utime+stime of the capture process (GNU time) per million packets
#               that crossed ptdb0 (tx+rx counters)
#   rss       = peak RSS (GNU time %M)
# The "-null" configurations write to /dev/null: the same capture without
# the file system's cost of the bytes written (no captured count then).
# Output: $OUT/flood.tsv (every run) and $OUT/flood.md (medians table).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
need_root
REPS=${REPS:-11}  # the machine is shared: single runs spread by ±10 % (bench/analysis.md)
DUR=${DUR:-5}
SIDE_BPS=${SIDE_BPS:-1M}       # 64-byte datagrams at 1 Mbit/s ~= 1950 pps ~= 1% of the flood
FILTER='udp port 5202'
FLOOR=${FLOOR:-$REPO_DIR/build/bench/floor}
D=$OUT/flood
rm -rf "$D"; mkdir -p "$D"
trap bench_cleanup EXIT
[ -x "$PTCPDUMP" ] || die "$PTCPDUMP not built"
command -v iperf3 >/dev/null || die "iperf3 missing"
[ -x /usr/bin/time ] || die "/usr/bin/time missing (apt-get install time)"

netns_up
# receiver pinned to CPU 1, senders to CPU 0 (less run-to-run variance from
# the scheduler's placement); the capture tools are not pinned
ip netns exec "$NS" taskset -c 1 iperf3 -s -p 5201 >"$D/srv1.log" 2>&1 & BENCH_PIDS+=($!)
ip netns exec "$NS" taskset -c 1 iperf3 -s -p 5202 >"$D/srv2.log" 2>&1 & BENCH_PIDS+=($!)
sleep 0.5

# name | capture command (FILE is replaced) | side stream?
# "floor-*": bench/floor, the least an eBPF capture at the device queue
# can cost (the hook and the clock; then one ring record per packet, read
# without wake-ups): what no capture of this kind can do better than here
# "none+load": no capture, but a process that keeps the receiver's CPU 1
# busy 20 % of the time (0.4 ms in every 2 ms) during the flood: how much
# the rate without capture depends on what else runs there (analysis.md,
# round 15)
CONFIGS=(
  "none||0"
  "none+load||0"
  "tcpdump|$TCPDUMP -i $VETH_H -w FILE.pcap|0"
  "ptcpdump|$PTCPDUMP -i $VETH_H -w FILE.pcapng|0"
  "ptcpdump-any|$PTCPDUMP -i any -w FILE.pcapng|0"
  "tcpdump-null|$TCPDUMP -i $VETH_H -Z root -w /dev/null|0"
  "ptcpdump-null|$PTCPDUMP -i $VETH_H -w /dev/null|0"
  "floor-clock|$FLOOR clock $VETH_H -w /dev/null|0"
  "floor-record|$FLOOR record $VETH_H -w FILE.pcap|0"
  "none+1%||1"
  "tcpdump-filt|$TCPDUMP -i $VETH_H -w FILE.pcap $FILTER|1"
  "ptcpdump-filt|$PTCPDUMP -i $VETH_H -w FILE.pcapng $FILTER|1"
  "ptcpdump-any-filt|$PTCPDUMP -i any -w FILE.pcapng $FILTER|1"
  "ptcpdump-filt-drops|$PTCPDUMP -i $VETH_H --drops -w FILE.pcapng $FILTER|1"
)
if [ ! -x "$FLOOR" ]; then
    log "$FLOOR not built (make bench builds it): no floor-* configurations"
    mapfile -t CONFIGS < <(printf '%s\n' "${CONFIGS[@]}" | grep -v '^floor-')
fi
[ -n "${ONLY:-}" ] && { mapfile -t CONFIGS < <(printf '%s\n' "${CONFIGS[@]}" | grep -E "^(${ONLY})\|"); }

# utime+stime of PID in seconds (from /proc/PID/stat)
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /,""); printf "%.2f", ($12+$13)/hz}' "/proc/$1/stat"; }
# interference from other sessions: packet sockets and tc/tcx programs that
# already see ptdb0 before our capture starts (e.g. someone's `-i any`), and
# tracing programs (fentry, kprobes, tracepoints: another tool's may run on
# every send, e.g. at udp_send_skb); none of ours is loaded at that point
foreign() {
    local ps bp tr
    ps=$(awk 'NR>1 && ($5==0 || $5=='"$(cat /sys/class/net/$VETH_H/ifindex)"')' /proc/net/packet | wc -l)
    bp=$(bpftool net show dev "$VETH_H" 2>/dev/null | grep -c 'id ' || true)
    tr=$(bpftool prog show 2>/dev/null | grep -cE '^[0-9]+: (tracing|kprobe|tracepoint|raw_tracepoint|perf_event)' || true)
    echo "$ps/$bp/$tr"
}
stat_pk() { echo $(( $(cat /sys/class/net/$VETH_H/statistics/tx_packets) + $(cat /sys/class/net/$VETH_H/statistics/rx_packets) )); }
jget() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['end']['sum_sent']['packets'], d['end']['sum_sent']['seconds'])" "$1"; }

printf 'config\trep\tsent_pkts\tsecs\tpps\twire_pkts\tin_file\texpected\tcaptured_sum\tdropped_sum\tcpu_s\tcpu_capture_s\trss_kb\tforeign_pkt_socks/tc/tracing\tloadavg\n' >"$OUT/flood.tsv"

run_one() {
    local name=$1 cmd=$2 side=$3 rep=$4 tag="$D/${1}_$4" cap=0 tpid='' cpid='' f=''
    local c0=0 c1=0 fg load i
    # the previous run's programs (detached) may outlive its exit for a
    # moment while the kernel frees them: not another session's
    for i in $(seq 20); do
        bpftool prog show 2>/dev/null | grep -qE ' name (ptd_|floor_)' || break
        sleep 0.1
    done
    fg=$(foreign); load=$(cut -d' ' -f1 /proc/loadavg)
    if [ -n "$cmd" ]; then
        f=${cmd#*-w }; f=${f%% *}; f=${f/FILE/$tag}
        cmd=${cmd//FILE/$tag}
        # shellcheck disable=SC2086
        /usr/bin/time -f '%e %U %S %M' -o "$tag.time" $cmd 2>"$tag.err" & tpid=$!
        cpid=$(child_of "$tpid") || die "$name: no child"
        wait_match "$tag.err" 'capturing on|listening on' 10 || { cat "$tag.err" >&2; die "$name: not ready"; }
        cap=1; c0=$(cpu_of "$cpid")
    fi
    local w0 w1 spid='' lpid=''
    if [ "$name" = none+load ]; then
        taskset -c 1 python3 -c 'import time
while True:
    t = time.perf_counter()
    while time.perf_counter() - t < 0.0004:
        pass
    time.sleep(0.0016)' & lpid=$!; BENCH_PIDS+=("$lpid")
    fi
    w0=$(stat_pk)
    if [ "$side" = 1 ]; then
        taskset -c 0 iperf3 -c "$ADDR_N" -p 5202 -u -l 64 -b "$SIDE_BPS" -t "$DUR" -J >"$tag.side.json" & spid=$!
    fi
    taskset -c 0 iperf3 -c "$ADDR_N" -p 5201 -u -l 64 -b 0 -t "$DUR" -J >"$tag.json"
    [ -n "$spid" ] && wait "$spid"
    w1=$(stat_pk)
    if [ -n "$lpid" ]; then
        kill "$lpid"; wait "$lpid" 2>/dev/null || true
        local keep=() p
        for p in "${BENCH_PIDS[@]}"; do [ "$p" = "$lpid" ] || keep+=("$p"); done
        BENCH_PIDS=("${keep[@]}")
    fi
    local sent secs pps expect port=5201 infile=- csum=- dsum=- cpu=- rss=-
    read -r sent secs < <(jget "$tag.json")
    pps=$(awk -v p="$sent" -v s="$secs" 'BEGIN{printf "%.0f", p/s}')
    expect=$sent
    if [ "$side" = 1 ]; then read -r expect _ < <(jget "$tag.side.json"); port=5202; fi
    if [ $cap = 1 ]; then
        # tcpdump hands a partly filled TPACKET_V3 block to user space only
        # after its 1 s block timeout: wait for it before stopping
        sleep 1.5
        c1=$(cpu_of "$cpid")
        kill -INT "$cpid"; wait "$tpid" || true
        read -r _ u s rss < "$tag.time" || true
        cpu=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')
        csum=$(awk '/packets captured/{print $1}' "$tag.err")
        dsum=$(awk '/packets dropped by kernel/{print $1}' "$tag.err")
        if [ "$f" != /dev/null ]; then
            infile=$("$TCPDUMP" -nn -r "$f" "udp and dst port $port and greater 100" 2>/dev/null | wc -l)
            rm -f "$f"
        fi
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rep" "$sent" "$secs" "$pps" \
        $((w1 - w0)) "$infile" "$expect" "${csum:--}" "${dsum:--}" "$cpu" "$(awk -v a="$c0" -v b="$c1" 'BEGIN{printf "%.2f", b-a}')" "$rss" "$fg" "$load" >>"$D/../flood.tsv"
    log "flood $name #$rep: ${pps} pps, file $infile/$expect, dropped ${dsum:--}, cpu ${cpu}s (capture phase $(awk -v a="$c0" -v b="$c1" 'BEGIN{printf "%.2f", b-a}')s), rss ${rss}kB, foreign socks/tc/tracing progs $fg, load $load"
}

for rep in $(seq "$REPS"); do
    for c in "${CONFIGS[@]}"; do
        IFS='|' read -r name cmd side <<<"$c"
        run_one "$name" "$cmd" "$side" "$rep"
    done
done

python3 "$BENCH_DIR/summarize.py" flood "$OUT/flood.tsv" >"$OUT/flood.md"
cat "$OUT/flood.md"
