# Helpers for e2e tests of the capture itself.  Source after `set -u`.
# Every test names its own netns/links with the prefix "ptd" and removes
# them in its EXIT trap; background processes are ended by PID only.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PTCPDUMP=${PTCPDUMP:-$ROOT/build/ptcpdump}
TEST_NAME=$(basename "$0" .sh)
WORK=$(mktemp -d "/tmp/ptd-$TEST_NAME.XXXXXX")
CORE_PIDS=()
CORE_NETNS=()
CORE_LINKS=()

skip() { echo "SKIP $TEST_NAME: $*"; exit 77; }
fail() { echo "FAIL $TEST_NAME: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

[ "$(id -u)" -eq 0 ] || skip "needs root"
[ -x "$PTCPDUMP" ] || fail "no binary at $PTCPDUMP (run make)"

core_cleanup() {
	local p n l
	for p in "${CORE_PIDS[@]}"; do
		kill -INT "$p" 2>/dev/null
	done
	for p in "${CORE_PIDS[@]}"; do
		for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$p" 2>/dev/null
	done
	for l in "${CORE_LINKS[@]}"; do ip link del "$l" 2>/dev/null; done
	for n in "${CORE_NETNS[@]}"; do ip netns del "$n" 2>/dev/null; done
	rm -rf "$WORK"
	# sourced after env.sh: its per-test cleanup runs too
	if declare -F test_cleanup >/dev/null; then test_cleanup; fi
}
trap core_cleanup EXIT

# ptd_start NAME ARGS...: runs ptcpdump in the background, stdout in
# $WORK/NAME.out, stderr in $WORK/NAME.err; waits until it is capturing.
# Sets PTD_PID.
ptd_start() {
	local name=$1
	shift
	"$PTCPDUMP" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
	PTD_PID=$!
	CORE_PIDS+=("$PTD_PID")
	for _ in $(seq ${PTD_START_TICKS:-100}); do
		grep -q '^capturing on' "$WORK/$name.err" 2>/dev/null && return 0
		kill -0 "$PTD_PID" 2>/dev/null || { cat "$WORK/$name.err" >&2; fail "ptcpdump $* exited early"; }
		sleep 0.05
	done
	cat "$WORK/$name.err" >&2
	fail "ptcpdump $* did not start"
}

# ptd_stop PID [SIGNAL]: stops one ptcpdump and waits for it; returns its status.
ptd_stop() {
	local pid=$1 sig=${2:-INT} rc
	kill -"$sig" "$pid" 2>/dev/null
	wait "$pid"
	rc=$?
	return $rc
}

# ptd_wait PID SECONDS: waits for a ptcpdump to exit by itself.
ptd_wait() {
	local pid=$1 secs=$2 i
	for i in $(seq $((secs * 10))); do
		kill -0 "$pid" 2>/dev/null || { wait "$pid"; return $?; }
		sleep 0.1
	done
	return 124
}

# netns_pair NS HOSTLINK HOSTADDR NSADDR: a netns joined by a veth pair;
# the addresses are /24s, the netns end is eth0.
netns_pair() {
	local ns=$1 link=$2 haddr=$3 naddr=$4
	ip netns add "$ns" || fail "ip netns add $ns"
	CORE_NETNS+=("$ns")
	ip link add "$link" type veth peer name eth0 netns "$ns" || fail "veth $link"
	CORE_LINKS+=("$link")
	ip addr add "$haddr/24" dev "$link"
	ip link set "$link" up
	ip -n "$ns" addr add "$naddr/24" dev eth0
	ip -n "$ns" link set eth0 up
	ip -n "$ns" link set lo up
}

# lo_sink NS PORT: a netns with only its loopback up, and a UDP sink on
# 127.0.0.1:PORT in it (tests/lib/udp_sink.py), ready for a flood.
lo_sink() {
	local ns=$1 port=$2
	ip netns add "$ns" || fail "ip netns add $ns"
	CORE_NETNS+=("$ns")
	ip -n "$ns" link set lo up
	ip netns exec "$ns" python3 "$ROOT/tests/lib/udp_sink.py" "$port" >"$WORK/sink.out" 2>&1 &
	CORE_PIDS+=($!)
	for _ in $(seq 50); do grep -q ready "$WORK/sink.out" && return 0; sleep 0.1; done
	fail "the UDP sink did not start: $(cat "$WORK/sink.out")"
}

# Our BPF programs currently loaded (names start with ptd_).
ptd_progs() { bpftool prog show 2>/dev/null | grep -c ' name ptd_' || true; }

# Waits until no BPF program of ours is loaded (they go when the fds close).
wait_no_progs() {
	local i
	for i in $(seq 50); do
		[ "$(ptd_progs)" -eq 0 ] && return 0
		sleep 0.1
	done
	return 1
}
