#!/usr/bin/env bash
# Issue 8, fault: churn.  During one capture
#   ptcpdump -l -i any -v --containerd-address PRIVATE --docker-address /nonexistent
#        'net 10.250.41.0/24'
# 5,000 short-lived processes (bash, each sending one UDP datagram to a netns
# peer) and up to 200 short-lived containers (ctr run --rm --rootfs on a
# private containerd, 4 in parallel, host network, each a wget to the peer;
# as many as fit in 180 s, the number is printed) come and go, while the peer
# pings the host every 0.2 s.
#  - RSS stays bounded: VmRSS sampled every 0.5 s, start/end/peak printed,
#    fail above 200 MiB;
#  - no stall: the arrival times of the printed ping requests (-l, stamped by
#    a reader) never have a gap > 2 s;
#  - our maps (found through ptcpdump's fds) respect max_entries, printed
#    with their entry counts at the end of the churn.
set -u
. "$(dirname "$0")/../lib/core.sh"
. "$(dirname "$0")/../lib/env.sh" # _ptd_build_rootfs only (core.sh owns the trap)
command -v containerd >/dev/null && command -v ctr >/dev/null || skip "missing containerd/ctr"
command -v bpftool >/dev/null || skip "missing bpftool"
NPROC=${PTD_CHURN_PROCS:-5000}
NCTR=${PTD_CHURN_CONTAINERS:-200}
CTR_SECS=180
RSS_MAX_KB=$((200 * 1024))

. "$(dirname "$0")/../lib/privctrd.sh"
BG=()
bg_down() { local p; for p in "${BG[@]}"; do kill -TERM "$p" 2>/dev/null; done; for p in "${BG[@]}"; do wait "$p" 2>/dev/null; done; BG=(); }
trap 'bg_down; pc_down; core_cleanup' EXIT

pc_up
_ptd_build_rootfs "$PC/rootfs" >/dev/null 2>&1 || fail "cannot build a rootfs"

netns_pair ptd-ch ptdv-ch 10.250.41.1 10.250.41.2

# ptcpdump -l | stamper: each line prefixed with its arrival time (monotonic)
cat >"$WORK/stamp.py" <<'PY'
import sys, time
out = open(sys.argv[1], "w", buffering=1)
for line in sys.stdin:
    out.write("%.3f %s" % (time.monotonic(), line))
PY
mkfifo "$WORK/pipe"
python3 "$WORK/stamp.py" "$WORK/cap.out" <"$WORK/pipe" &
BG+=($!)
"$PTCPDUMP" -l -i any -v --containerd-address "$PC/ctrd.sock" --docker-address /nonexistent/docker.sock \
	'net 10.250.41.0/24' >"$WORK/pipe" 2>"$WORK/cap.err" &
PTD_PID=$!
CORE_PIDS+=("$PTD_PID")
for _ in $(seq 100); do grep -q '^capturing on' "$WORK/cap.err" && break; sleep 0.1; done
grep -q '^capturing on' "$WORK/cap.err" || { cat "$WORK/cap.err"; fail "ptcpdump did not start"; }

rss() { awk '/^VmRSS:/ {print $2}' "/proc/$PTD_PID/status" 2>/dev/null; }
rss_start=$(rss)
(while kill -0 "$PTD_PID" 2>/dev/null; do echo "$(date +%s.%N) $(rss)"; sleep 0.5; done) >"$WORK/rss" &
BG+=($!)
ip netns exec ptd-ch ping -i 0.2 -W 1 10.250.41.1 >/dev/null 2>&1 &
BG+=($!)
sleep 1
t0=$(date +%s)

# --- 5,000 short-lived processes, each one UDP datagram (bash's /dev/udp)
for ((i = 0; i < NPROC; i++)); do
	bash -c 'echo x >/dev/udp/10.250.41.2/9' 2>/dev/null
done
t1=$(date +%s)
ok "$NPROC short-lived processes in $((t1 - t0)) s (RSS now $(rss) kB)"

# --- short-lived containers, 4 at a time, at most CTR_SECS seconds
ctr_one() { # N
	ctr --address "$PC/ctrd.sock" -n "$PC_NS" run --rm --net-host --label "nerdctl/name=ptd-churn-$1" \
		--rootfs "$PC/rootfs" "ptdchurn$$-$1" /usr/bin/wget -T 1 -t 1 -q -O /dev/null http://10.250.41.2:8080/ \
		>/dev/null 2>&1
	return 0
}
started=0
end=$((t1 + CTR_SECS))
while [ "$started" -lt "$NCTR" ] && [ "$(date +%s)" -lt "$end" ]; do
	pids=()
	for ((j = 0; j < 4 && started < NCTR; j++)); do
		ctr_one "$started" &
		pids+=($!)
		started=$((started + 1))
	done
	wait "${pids[@]}"
done
t2=$(date +%s)
left=$(pc_ctr containers ls -q 2>/dev/null | wc -l)
echo "containers: $started of $NCTR started and removed in $((t2 - t1)) s ($left left)"
[ "$started" -lt "$NCTR" ] && echo "note: only $started containers fit in ${CTR_SECS} s"
sleep 2

# --- our maps, through ptcpdump's fds
python3 - "$PTD_PID" >"$WORK/maps" <<'PY'
import json, os, subprocess, sys
pid = sys.argv[1]
ids = set()
for fd in os.listdir("/proc/%s/fd" % pid):
    try:
        if os.readlink("/proc/%s/fd/%s" % (pid, fd)) != "anon_inode:bpf-map":
            continue
        for l in open("/proc/%s/fdinfo/%s" % (pid, fd)):
            if l.startswith("map_id:"):
                ids.add(int(l.split()[1]))
    except OSError:
        pass
bad = 0
for i in sorted(ids):
    m = json.loads(subprocess.run(["bpftool", "-j", "map", "show", "id", str(i)], capture_output=True, text=True).stdout)
    n = "-"
    if "hash" in m.get("type", ""):
        d = subprocess.run(["bpftool", "-j", "map", "dump", "id", str(i)], capture_output=True, text=True).stdout
        n = len(json.loads(d or "[]"))
        if n > m["max_entries"]:
            bad += 1
    print("%-16s %-14s max_entries %-8d entries %s" % (m.get("name", "?"), m.get("type"), m["max_entries"], n))
sys.exit(1 if bad or not ids else 0)
PY
maps_rc=$?
cat "$WORK/maps"
[ "$maps_rc" -eq 0 ] || fail "a map holds more than max_entries (or none found)"
for m in sk_own flows filter_pids; do
	grep -q "^$m " "$WORK/maps" || fail "map $m not found among ptcpdump's maps"
done
ok "maps within max_entries"

kill -0 "$PTD_PID" 2>/dev/null || { cat "$WORK/cap.err"; fail "ptcpdump ended during the churn"; }
rss_end=$(rss)
ptd_stop "$PTD_PID" INT || fail "exit status $? after SIGINT"
bg_down
grep -v '^capturing on' "$WORK/cap.err"

peak=$(awk '$2 > p {p = $2} END {print p + 0}' "$WORK/rss")
echo "RSS: start $rss_start kB, end $rss_end kB, peak $peak kB ($(wc -l <"$WORK/rss") samples)"
[ "$peak" -le "$RSS_MAX_KB" ] || fail "RSS peak $peak kB > $RSS_MAX_KB kB"
ok "RSS bounded"

# --- no stall: arrival gaps of the ping requests
python3 - "$WORK/cap.out" <<'PY' || fail "stall: ptcpdump stopped printing for more than 2 s"
import re, sys
ts = [float(l.split()[0]) for l in open(sys.argv[1])
      if re.search(r"10\.250\.41\.2 > 10\.250\.41\.1: ICMP echo request", l)]
gaps = [b - a for a, b in zip(ts, ts[1:])]
print("ping requests printed: %d over %.0f s, largest arrival gap %.2f s" % (len(ts), ts[-1] - ts[0] if ts else 0, max(gaps or [0])))
sys.exit(0 if len(ts) > 20 and max(gaps) <= 2.0 else 1)
PY
ok "no stall"
nudp=$(grep -c '> 10.250.41.2.9: UDP' "$WORK/cap.out")
nctr=$(grep -c 'Container (name ptd-churn-' "$WORK/cap.out")
echo "captured: $nudp UDP datagrams of $NPROC, $nctr packets with a churn Container line"
[ "$nudp" -ge $((NPROC * 99 / 100)) ] || fail "only $nudp of $NPROC UDP datagrams printed"
