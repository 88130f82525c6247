# shellcheck shell=bash
# bench/lib.sh -- shared helpers for the ptcpdump benchmarks (sourced).
#
# Traffic stays inside a veth pair we create:
#   host  ptdb0  10.220.0.1/24   <->   netns ptd-bench  ptdb1  10.220.0.2/24
# Every process we start is recorded in $BENCH_PIDS and killed by PID only.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
OUT=${BENCH_OUT:-$BENCH_DIR/out}
PTCPDUMP=${PTCPDUMP:-$REPO_DIR/build/ptcpdump}
TCPDUMP=${TCPDUMP:-$(command -v tcpdump)}
NS=ptd-bench
VETH_H=ptdb0
VETH_N=ptdb1
ADDR_H=10.220.0.1
ADDR_N=10.220.0.2
BENCH_PIDS=()
mkdir -p "$OUT"
# The machine may be shared (fuzzers, builds of other sessions): run the
# benchmark and everything it starts at a higher priority (inherited by the
# children) so that background jobs at nice 0 disturb it less.  BENCH_NICE=0 to disable.
BENCH_NICE=${BENCH_NICE:--10}
if [ "$BENCH_NICE" != 0 ] && [ "$(ps -o ni= -p $$ | tr -d ' ')" != "$BENCH_NICE" ]; then
    renice -n "$BENCH_NICE" -p $$ >/dev/null 2>&1 || true
fi

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

need_root() { [ "$(id -u)" = 0 ] || die "must run as root"; }

netns_up() {
    if ip netns list | grep -qw "$NS"; then netns_down; fi
    ip netns add "$NS"
    ip link add "$VETH_H" type veth peer name "$VETH_N"
    ip link set "$VETH_N" netns "$NS"
    ip addr add "$ADDR_H/24" dev "$VETH_H"
    ip link set "$VETH_H" up
    ip -n "$NS" addr add "$ADDR_N/24" dev "$VETH_N"
    ip -n "$NS" link set "$VETH_N" up
    ip -n "$NS" link set lo up
    # refuse to send anywhere but our own veth
    ip route get "$ADDR_N" | grep -q "dev $VETH_H" || die "route to $ADDR_N does not use $VETH_H"
}

netns_down() {
    ip link del "$VETH_H" 2>/dev/null || true
    ip netns del "$NS" 2>/dev/null || true
}

# kill only what we started
bench_kill_all() {
    local p
    for p in "${BENCH_PIDS[@]}"; do
        kill "$p" 2>/dev/null || true
    done
    for p in "${BENCH_PIDS[@]}"; do
        wait "$p" 2>/dev/null || true
    done
    BENCH_PIDS=()
}

bench_cleanup() {
    bench_kill_all
    netns_down
}

# wait_match FILE REGEX TIMEOUT_S  (poll every 10 ms)
wait_match() {
    local f=$1 re=$2 t=$3 i=0 n
    n=$(awk -v t="$t" 'BEGIN{print int(t*100)}')
    while [ $i -lt "$n" ]; do
        grep -Eq "$re" "$f" 2>/dev/null && return 0
        sleep 0.01; i=$((i+1))
    done
    return 1
}

# the child PID of /usr/bin/time (time ignores SIGINT, so signal the child)
child_of() {
    local p=$1 c i
    for i in $(seq 200); do
        c=$(cat "/proc/$p/task/$p/children" 2>/dev/null | awk '{print $1}')
        [ -n "$c" ] && { echo "$c"; return 0; }
        sleep 0.01
    done
    return 1
}

bench_rev() {
    printf '%s%s' "$(git -C "$REPO_DIR" rev-parse --short HEAD)" \
        "$(git -C "$REPO_DIR" diff --quiet -- src 2>/dev/null || echo ' (+ uncommitted src changes)')"
}

machine_info() {
    local model cores
    model=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
    cores=$(nproc)
    printf -- '- Machine: %s cores, CPU "%s", kernel %s, %s MiB RAM\n' "$cores" "$model" "$(uname -r)" \
        "$(awk '/MemTotal/{print int($2/1024)}' /proc/meminfo)"
    printf -- '- OS: %s\n' "$(. /etc/os-release; echo "$PRETTY_NAME")"
    printf -- '- Tools: %s; %s; %s; hyperfine %s\n' "$("$TCPDUMP" --version 2>&1 | head -1)" \
        "$("$TCPDUMP" --version 2>&1 | sed -n 2p)" "$(iperf3 --version | head -1)" \
        "$(hyperfine --version | awk '{print $2}')"
    # BENCH_REV: the commit the data was measured at (a re-render keeps it)
    printf -- '- ptcpdump: git %s\n' "${BENCH_REV:-$(bench_rev)}"
}
