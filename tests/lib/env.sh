# shellcheck shell=bash
# tests/lib/env.sh -- test-environment library for the ptcpdump e2e tests.
#
# Source it from an e2e script (works under `set -euo pipefail`):
#     . "$(dirname "$0")/../lib/env.sh"
#     need_root
#     ptd_test_init              # trap EXIT -> test_cleanup (bg PIDs, containers)
#     daemons_up; ext_host_up; build_images
#
# Everything the suite creates is recorded under $PTD_STATE_DIR (default
# /tmp/ptd-e2e) so that the *_down functions and suite_cleanup remove exactly
# that and nothing else.  Processes are only ever killed by recorded PID (and the
# PID's start time is checked, so a recycled PID is never hit).
#
# Fixed addresses (see shared/reference/environment.md):
#   external host netns  ptd-ext, 198.51.100.10/24 on ext0 inside
#   host end             uplink0, 198.51.100.1/24
#   docker bridge        docker0 172.17.0.0/16 (dockerd's default)
#   CNI bridge           cni0    10.88.0.0/16   (network name "ptd-e2e")
# 192.0.2.0/24 is the machine's real uplink and is never used.
#
# Gotchas (measured on the Debian 12 / Linux 6.18 machines):
# - `ctr run --rm --cni` (1.6) calls CNI DEL with an empty netns, and the bridge
#   plugin then skips its ipMasq teardown: every run leaks a nat CNI-xxxx chain
#   plus a POSTROUTING rule.  ctr_run/ctr_rm/cni_del remove them; `ctr run -d
#   --cni` never calls DEL at all (address stays reserved) -> ctr_rm.
# - ctr copies the image's stop signal into the container labels
#   ({"io.containerd.image.config.stop-signal":"SIGTERM","nerdctl/name":...}),
#   and in k8s.io the CRI plugin adds "io.cri-containerd.image":"managed" and a
#   second image ref "sha256:<id>".
# - python's HTTPServer does socket.getfqdn() on bind (a DNS query from the
#   netns); the server here skips it, and ptd-ext has no default route.
# - /usr/local/bin/docker (28.x static) is first in PATH; $PTD_DOCKER is the
#   Debian 20.10 client.
# - tcpdump -i any prints the host veth as "vethXXXX P", the bridge "In", uplink0 "Out".
# - Callers run under `set -o pipefail`: never `producer | grep -q` (grep exits
#   at the first match, the producer dies of SIGPIPE and the pipeline fails;
#   ctr_rm skipped killing a task that way).  `grep ... >/dev/null` reads all.
# - The machine can be shared by several sessions: daemons_down leaves a daemon
#   running while it hosts containers (PTD_FORCE_DOWN=1 to override).

[ -n "${_PTD_ENV_SH_LOADED:-}" ] && return 0
_PTD_ENV_SH_LOADED=1

# ---------------------------------------------------------------- settings
PTD_STATE_DIR=${PTD_STATE_DIR:-/tmp/ptd-e2e}
PTD_LOG_DIR=${PTD_LOG_DIR:-$PTD_STATE_DIR/logs}
PTD_EXT_NS=ptd-ext
PTD_EXT_IF=uplink0
PTD_EXT_PEER=ext0
PTD_EXT_ADDR=198.51.100.10
PTD_EXT_GW=198.51.100.1
PTD_EXT_PREFIX=24
PTD_EXT_PORTS="80 81"
PTD_HTTP_LOG=$PTD_LOG_DIR/http.log
PTD_DOCKER_SUBNET=172.17.0.0/16
PTD_DOCKER_BRIDGE=docker0
PTD_CNI_SUBNET=10.88.0.0/16
PTD_CNI_BRIDGE=cni0
PTD_CNI_NET=ptd-e2e
PTD_CNI_CONF=/etc/cni/net.d/10-ptd.conflist
PTD_CNI_BIN=/opt/cni/bin
PTD_IMAGE=localhost/wget:e2e
PTD_CTR_NAMESPACES=${PTD_CTR_NAMESPACES:-"default k8s.io"}
PTD_RULE_TAG=ptd-e2e            # iptables comment carried by every rule we add
PTD_CONTAINERD_SOCK=/run/containerd/containerd.sock
PTD_TEST_NAME=${PTD_TEST_NAME:-$(basename -- "$0" .sh)}
# The docker CLI that matches dockerd 20.10 (a newer static one may be first in PATH).
if [ -z "${PTD_DOCKER:-}" ]; then
    if [ -x /usr/bin/docker ]; then PTD_DOCKER=/usr/bin/docker; else PTD_DOCKER=docker; fi
fi
PTD_LAST_BG=${PTD_LAST_BG:-}

_PTD_LOCK_FD=219
_PTD_LOCK_DEPTH=0
_PTD_TEST_DIR=$PTD_STATE_DIR/tests/$$

# ---------------------------------------------------------------- basics
skip() {
    echo "SKIP ${PTD_TEST_NAME}: $*"
    exit 77
}

fail() {
    echo "FAIL ${PTD_TEST_NAME}: $*" >&2
    exit 1
}

_ptd_log() { echo "[ptd-env] $*" >&2; }

need_root() {
    [ "$(id -u)" = 0 ] || skip "needs root"
}

# need_cmd CMD... : skip unless every command exists
need_cmd() {
    local c
    for c in "$@"; do
        command -v "$c" >/dev/null 2>&1 || skip "missing command $c"
    done
}

# Re-entrant suite lock (flock), so that tests running concurrently do not
# race on bringing things up or down.  Background children never inherit it.
_ptd_lock() {
    if [ "$_PTD_LOCK_DEPTH" -eq 0 ]; then
        mkdir -p "$PTD_STATE_DIR" "$PTD_LOG_DIR"
        eval "exec $_PTD_LOCK_FD>\"\$PTD_STATE_DIR/.lock\""
        flock -w 600 "$_PTD_LOCK_FD" || fail "cannot take $PTD_STATE_DIR/.lock"
    fi
    _PTD_LOCK_DEPTH=$((_PTD_LOCK_DEPTH + 1))
}

_ptd_unlock() {
    _PTD_LOCK_DEPTH=$((_PTD_LOCK_DEPTH - 1))
    if [ "$_PTD_LOCK_DEPTH" -le 0 ]; then
        _PTD_LOCK_DEPTH=0
        eval "exec $_PTD_LOCK_FD>&-"
    fi
}

# Start time of a PID (field 22 of /proc/PID/stat), empty if gone or a zombie.
_ptd_starttime() {
    local s
    [ -n "${1:-}" ] || return 0
    s=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
    s=${s##*) }
    # shellcheck disable=SC2086
    set -- $s
    [ "$1" = Z ] || echo "${20}"
}

# _ptd_pid_alive PID STARTTIME : the very process we recorded is still there
_ptd_pid_alive() {
    [ -n "$1" ] && [ -n "$2" ] && [ "$(_ptd_starttime "$1")" = "$2" ]
}

# _ptd_kill_recorded PID STARTTIME [GRACE_SECONDS] : TERM, wait, KILL
_ptd_kill_recorded() {
    local pid=$1 st=$2 grace=${3:-10} i
    _ptd_pid_alive "$pid" "$st" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
        _ptd_pid_alive "$pid" "$st" || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    if _ptd_pid_alive "$pid" "$st"; then
        _ptd_log "pid $pid did not stop after ${grace}s, sending KILL"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.2
    fi
    wait "$pid" 2>/dev/null || true
}

# _ptd_pidfile_write FILE PID
_ptd_pidfile_write() { echo "$2 $(_ptd_starttime "$2")" >"$1"; }

# _ptd_pidfile_alive FILE : prints PID when the recorded process is alive
_ptd_pidfile_alive() {
    local pid st
    [ -f "$1" ] || return 1
    read -r pid st <"$1" || return 1
    _ptd_pid_alive "$pid" "$st" || return 1
    echo "$pid"
}

_ptd_pidfile_kill() {
    local pid st
    [ -f "$1" ] || return 0
    read -r pid st <"$1" || true
    _ptd_kill_recorded "${pid:-}" "${st:-}" "${2:-10}"
    rm -f "$1"
}

# wait_until TIMEOUT_SECONDS CMD... : poll CMD every 0.1 s
wait_until() {
    local timeout=$1; shift
    local end
    end=$(( $(date +%s%N) + $(awk -v t="$timeout" 'BEGIN{printf "%.0f", t*1000000000}') ))
    while :; do
        "$@" && return 0
        [ "$(date +%s%N)" -ge "$end" ] && return 1
        sleep 0.1
    done
}

# wait_for_file_match FILE REGEX TIMEOUT : 0 when an extended REGEX matches a
# line of FILE within TIMEOUT seconds (fractions allowed), 1 otherwise.
wait_for_file_match() {
    local file=$1 re=$2 timeout=${3:-10}
    wait_until "$timeout" grep -Eq -- "$re" "$file" 2>/dev/null
}

# ---------------------------------------------------------------- per-test state
# ptd_test_init : create the per-test record and trap EXIT -> test_cleanup.
ptd_test_init() {
    mkdir -p "$_PTD_TEST_DIR" "$PTD_LOG_DIR"
    trap 'test_cleanup' EXIT
}

_ptd_test_record() { # KIND VALUE...
    mkdir -p "$_PTD_TEST_DIR"
    echo "$*" >>"$_PTD_TEST_DIR/records"
}

_ptd_test_unrecord() { # exact line
    local f=$_PTD_TEST_DIR/records
    [ -f "$f" ] || return 0
    grep -vxF -- "$*" "$f" >"$f.new" || true
    mv -f "$f.new" "$f"
}

# start_bg CMD... : run CMD in the background, record its PID (PTD_LAST_BG).
# Redirections on the call apply to CMD:  start_bg tcpdump ... >out 2>err
# Do not call it inside $(...): use $PTD_LAST_BG afterwards.
start_bg() {
    mkdir -p "$_PTD_TEST_DIR"
    "$@" {_PTD_LOCK_FD}>&- &
    PTD_LAST_BG=$!
    echo "$PTD_LAST_BG $(_ptd_starttime "$PTD_LAST_BG") $1" >>"$_PTD_TEST_DIR/bg.pids"
}

# stop_bg PID [SIGNAL] [GRACE] : stop a process started with start_bg
# (only if it is one of ours), wait for it; returns its exit status if known.
stop_bg() {
    local pid=$1 sig=${2:-TERM} grace=${3:-10} p st rc=0 i
    local f=$_PTD_TEST_DIR/bg.pids
    [ -f "$f" ] || return 0
    while read -r p st _; do
        [ "$p" = "$pid" ] || continue
        if _ptd_pid_alive "$p" "$st"; then
            kill "-$sig" "$p" 2>/dev/null || true
            for ((i = 0; i < grace * 10; i++)); do
                _ptd_pid_alive "$p" "$st" || break
                sleep 0.1
            done
            _ptd_pid_alive "$p" "$st" && kill -KILL "$p" 2>/dev/null
        fi
        wait "$p" 2>/dev/null || rc=$?
    done <"$f"
    grep -v "^$pid " "$f" >"$f.new" || true
    mv -f "$f.new" "$f"
    return $rc
}

# oracle_tcpdump_start OUTFILE FILTER... : real tcpdump on -i any as the
# oracle; waits until it listens.  PID in PTD_LAST_BG, stderr in OUTFILE.err.
oracle_tcpdump_start() {
    local out=$1; shift
    : >"$out"
    start_bg tcpdump -i any -nn -l --immediate-mode -B 32768 "$@" >"$out" 2>"$out.err"
    wait_for_file_match "$out.err" 'listening on' 10 || fail "tcpdump did not start: $(cat "$out.err")"
}

# test_cleanup : kill this test's start_bg PIDs, remove its containers.
test_cleanup() {
    local rc=$? kind a b p st
    if [ -f "$_PTD_TEST_DIR/bg.pids" ]; then
        while read -r p st _; do
            _ptd_kill_recorded "$p" "$st" 5
        done <"$_PTD_TEST_DIR/bg.pids"
    fi
    if [ -f "$_PTD_TEST_DIR/records" ]; then
        while read -r kind a b; do
            case $kind in
                docker) _ptd_docker_rm_cidfile "$a" ;;
                ctr) ctr_rm --ns "$a" "$b" ;;
                dir) _ptd_rm_workdir "$a" ;;
            esac
        done <"$_PTD_TEST_DIR/records"
    fi
    rm -rf "$_PTD_TEST_DIR"
    return $rc
}

# ---------------------------------------------------------------- sysctl
_ptd_save_sysctl() {
    [ -f "$PTD_STATE_DIR/ip_forward.orig" ] ||
        cat /proc/sys/net/ipv4/ip_forward >"$PTD_STATE_DIR/ip_forward.orig"
}

# Put ip_forward back once neither the ext host nor our dockerd needs it.
_ptd_restore_sysctl() {
    [ -f "$PTD_STATE_DIR/ip_forward.orig" ] || return 0
    [ -f "$PTD_STATE_DIR/ext.up" ] && return 0
    _ptd_pidfile_alive "$PTD_STATE_DIR/dockerd.pid" >/dev/null && return 0
    [ "$(cat "$PTD_STATE_DIR/ip_forward.orig")" = 0 ] || { rm -f "$PTD_STATE_DIR/ip_forward.orig"; return 0; }
    # The machine may be shared: leave forwarding on while anything else
    # could be routing (a dockerd, other netns, veths, bridges).
    _ptd_docker_alive && return 0
    [ -z "$(ip netns list 2>/dev/null)" ] || return 0
    [ -z "$(ip -o link show type veth 2>/dev/null)" ] || return 0
    [ -z "$(ip -o link show type bridge 2>/dev/null)" ] || return 0
    echo 0 >/proc/sys/net/ipv4/ip_forward
    rm -f "$PTD_STATE_DIR/ip_forward.orig"
}

# ---------------------------------------------------------------- iptables
# _ptd_ipt_add TABLE CHAIN RULE... : insert at the top, tagged with our
# comment, recorded for ext_host_down.  No-op when the same rule exists.
_ptd_ipt_add() {
    local table=$1 chain=$2; shift 2
    local spec=(-m comment --comment "$PTD_RULE_TAG" "$@")
    iptables -w -t "$table" -C "$chain" "${spec[@]}" 2>/dev/null && return 0
    iptables -w -t "$table" -I "$chain" 1 "${spec[@]}" || return 1
    printf '%q ' "$table" "$chain" "${spec[@]}" >>"$PTD_STATE_DIR/ext.rules"
    echo >>"$PTD_STATE_DIR/ext.rules"
}

# Delete the recorded rules (-D with the same spec), then any other rule that
# still carries our tag (e.g. from a run whose state dir was lost).
_ptd_ipt_del_all() {
    local line t c rule
    local -a spec
    if [ -f "$PTD_STATE_DIR/ext.rules" ]; then
        tac "$PTD_STATE_DIR/ext.rules" | while read -r line; do
            [ -n "$line" ] || continue
            eval "spec=($line)"
            while iptables -w -t "${spec[0]}" -C "${spec[1]}" "${spec[@]:2}" 2>/dev/null; do
                iptables -w -t "${spec[0]}" -D "${spec[1]}" "${spec[@]:2}" || break
            done
        done
        rm -f "$PTD_STATE_DIR/ext.rules"
    fi
    for t in filter nat; do
        iptables -w -t "$t" -S 2>/dev/null | grep -F -- "--comment $PTD_RULE_TAG" |
            while read -r rule; do
                [[ $rule == -A\ * ]] || continue
                eval "iptables -w -t $t -D ${rule#-A }" || true
            done || true
    done
}

_ptd_ipt_chain_exists() { iptables -w -t "$1" -S "$2" >/dev/null 2>&1; }

# ---------------------------------------------------------------- external host
# route_is_ours ADDR [DEV] : 0 if `ip route get ADDR` leaves through DEV
# (default uplink0); otherwise print why and return 1.  Never allows 192.0.2.0/24.
route_is_ours() {
    local addr=$1 dev=${2:-$PTD_EXT_IF} out got
    case $addr in
        192.0.2.*) echo "route_is_ours: refusing $addr: 192.0.2.0/24 is the real uplink" >&2; return 1 ;;
    esac
    out=$(ip -o route get "$addr" 2>&1) || { echo "route_is_ours: $out" >&2; return 1; }
    got=$(sed -n 's/.* dev \([^ ]*\).*/\1/p' <<<"$out")
    if [ "$got" != "$dev" ]; then
        echo "route_is_ours: refusing $addr: routed via '${got}' not $dev ($out)" >&2
        return 1
    fi
}

_ptd_write_httpd() {
    mkdir -p "$PTD_STATE_DIR/www"
    echo "ptd-e2e external host" >"$PTD_STATE_DIR/www/index.html"
    cat >"$PTD_STATE_DIR/httpd.py" <<'EOF'
# tiny HTTP server for the ptcpdump e2e "external host"; one line per request on stderr
import functools, http.server, signal, socketserver, sys, threading
addr, root, ports = sys.argv[1], sys.argv[2], [int(p) for p in sys.argv[3:]]
class H(http.server.SimpleHTTPRequestHandler):
    def log_message(self, fmt, *args):
        sys.stderr.write("REQ port=%d client=%s:%d %s\n" % (self.server.server_address[1],
                         self.client_address[0], self.client_address[1], fmt % args))
        sys.stderr.flush()
handler = functools.partial(H, directory=root)
class S(http.server.ThreadingHTTPServer):
    def server_bind(self):  # no socket.getfqdn(): no DNS lookups from the netns
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = "ptd-ext", self.server_address[1]
servers = [S((addr, p), handler) for p in ports]
for s in servers:
    s.daemon_threads = True
    threading.Thread(target=s.serve_forever, daemon=True).start()
sys.stderr.write("READY %s %s\n" % (addr, ports)); sys.stderr.flush()
signal.sigwait({signal.SIGTERM, signal.SIGINT})
EOF
}

_ptd_http_listening() {
    local p ls
    ls=$(ip netns exec "$PTD_EXT_NS" ss -Hltn 2>/dev/null) || return 1
    for p in $PTD_EXT_PORTS; do
        grep -q "$PTD_EXT_ADDR:$p " <<<"$ls" || return 1
    done
}

# ext_host_up : netns ptd-ext + veth uplink0 + HTTP server on 80/81 + NAT/forward
# rules.  Idempotent.
ext_host_up() {
    _ptd_lock
    _ptd_save_sysctl
    local py=/usr/bin/python3
    [ -x "$py" ] || py=$(command -v python3)

    if ! ip netns list | grep -w "^$PTD_EXT_NS" >/dev/null; then
        ip netns add "$PTD_EXT_NS" || { _ptd_unlock; fail "ip netns add $PTD_EXT_NS"; }
    fi
    if ! ip link show "$PTD_EXT_IF" >/dev/null 2>&1; then
        ip link add "$PTD_EXT_IF" type veth peer name "$PTD_EXT_PEER" netns "$PTD_EXT_NS" ||
            { _ptd_unlock; fail "cannot create veth $PTD_EXT_IF"; }
    elif ! ip -d link show "$PTD_EXT_IF" | grep 'veth' >/dev/null; then
        _ptd_unlock; fail "$PTD_EXT_IF exists and is not our veth"
    fi
    # No IPv6 on the test link: keeps RS/MLD noise out of captures.
    sysctl -qw "net.ipv6.conf.$PTD_EXT_IF.disable_ipv6=1" 2>/dev/null || true
    ip netns exec "$PTD_EXT_NS" sysctl -qw "net.ipv6.conf.all.disable_ipv6=1" 2>/dev/null || true
    ip addr replace "$PTD_EXT_GW/$PTD_EXT_PREFIX" dev "$PTD_EXT_IF"
    ip link set "$PTD_EXT_IF" up
    ip -n "$PTD_EXT_NS" link set lo up
    ip -n "$PTD_EXT_NS" addr replace "$PTD_EXT_ADDR/$PTD_EXT_PREFIX" dev "$PTD_EXT_PEER"
    ip -n "$PTD_EXT_NS" link set "$PTD_EXT_PEER" up
    # deliberately no default route: the ext host can only answer 198.51.100.0/24
    # (container traffic arrives NATed to 198.51.100.1), never reach the real uplink
    touch "$PTD_STATE_DIR/ext.up"

    echo 1 >/proc/sys/net/ipv4/ip_forward
    local sub br
    for sub in "$PTD_DOCKER_SUBNET" "$PTD_CNI_SUBNET"; do
        _ptd_ipt_add nat POSTROUTING -s "$sub" -o "$PTD_EXT_IF" -j MASQUERADE
    done
    if ! _ptd_ipt_chain_exists filter DOCKER-USER; then
        iptables -w -N DOCKER-USER && touch "$PTD_STATE_DIR/docker-user.created"
    fi
    # Without dockerd nothing jumps to DOCKER-USER; add our own (tagged) jump.
    if ! iptables -w -S FORWARD | grep -- '-j DOCKER-USER' >/dev/null; then
        _ptd_ipt_add filter FORWARD -j DOCKER-USER
    fi
    for br in "$PTD_DOCKER_BRIDGE" "$PTD_CNI_BRIDGE"; do
        _ptd_ipt_add filter DOCKER-USER -i "$br" -o "$PTD_EXT_IF" -j ACCEPT
        _ptd_ipt_add filter DOCKER-USER -i "$PTD_EXT_IF" -o "$br" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
    done

    if ! _ptd_pidfile_alive "$PTD_STATE_DIR/http.pid" >/dev/null; then
        _ptd_write_httpd
        ip netns exec "$PTD_EXT_NS" "$py" "$PTD_STATE_DIR/httpd.py" "$PTD_EXT_ADDR" \
            "$PTD_STATE_DIR/www" $PTD_EXT_PORTS \
            </dev/null >>"$PTD_HTTP_LOG" 2>&1 {_PTD_LOCK_FD}>&- &
        _ptd_pidfile_write "$PTD_STATE_DIR/http.pid" $!
        disown $! 2>/dev/null || true
    fi
    if ! wait_until 15 _ptd_http_listening; then
        _ptd_unlock; fail "http server in $PTD_EXT_NS did not start: $(tail -5 "$PTD_HTTP_LOG")"
    fi
    route_is_ours "$PTD_EXT_ADDR" "$PTD_EXT_IF" || { _ptd_unlock; fail "route to $PTD_EXT_ADDR is not ours"; }
    _ptd_unlock
}

# ext_host_down : undo ext_host_up (kills only the recorded server PID).
ext_host_down() {
    _ptd_lock
    _ptd_pidfile_kill "$PTD_STATE_DIR/http.pid" 5
    if ip netns list 2>/dev/null | grep -w "^$PTD_EXT_NS" >/dev/null; then
        ip netns del "$PTD_EXT_NS" || true   # takes the veth pair with it
    fi
    if ip link show "$PTD_EXT_IF" >/dev/null 2>&1; then
        ip link del "$PTD_EXT_IF" || true
    fi
    _ptd_ipt_del_all
    if [ -f "$PTD_STATE_DIR/docker-user.created" ]; then
        # only if empty and unreferenced (a dockerd we did not start may use it)
        if [ -z "$(iptables -w -S DOCKER-USER 2>/dev/null | grep -v '^-N')" ]; then
            iptables -w -X DOCKER-USER 2>/dev/null || true
        fi
        rm -f "$PTD_STATE_DIR/docker-user.created"
    fi
    rm -f "$PTD_STATE_DIR/ext.up" "$PTD_STATE_DIR/httpd.py"
    rm -rf "$PTD_STATE_DIR/www"
    _ptd_restore_sysctl
    _ptd_unlock
}

# ext_http_requests [PORT] : number of requests the ext HTTP server has logged
ext_http_requests() {
    local n
    if [ -n "${1:-}" ]; then
        n=$(grep -c "^REQ port=$1 " "$PTD_HTTP_LOG" 2>/dev/null) || true
    else
        n=$(grep -c '^REQ ' "$PTD_HTTP_LOG" 2>/dev/null) || true
    fi
    echo "${n:-0}"
}

# ---------------------------------------------------------------- daemons, images, containers
# shellcheck source=tests/lib/env_containers.sh
. "$(dirname "${BASH_SOURCE[0]}")/env_containers.sh"

# ---------------------------------------------------------------- suite
# suite_cleanup : run once at the end of the suite: every test's leftovers,
# images, external host, daemons, state.  Logs stay in $PTD_LOG_DIR unless
# PTD_KEEP_LOGS=0.
suite_cleanup() {
    local d p st kind a b
    _ptd_lock
    for d in "$PTD_STATE_DIR"/tests/*; do
        [ -d "$d" ] || continue
        if [ -f "$d/bg.pids" ]; then
            while read -r p st _; do _ptd_kill_recorded "$p" "$st" 5; done <"$d/bg.pids"
        fi
        if [ -f "$d/records" ]; then
            while read -r kind a b; do
                case $kind in
                    docker) _ptd_docker_alive && _ptd_docker_rm_cidfile "$a" ;;
                    ctr) _ptd_containerd_alive && ctr_rm --ns "$a" "$b" ;;
                    dir) _ptd_rm_workdir "$a" ;;
                esac
            done <"$d/records"
        fi
        rm -rf "$d"
    done
    rmdir "$PTD_STATE_DIR/tests" 2>/dev/null || true
    images_down
    ext_host_down
    daemons_down
    _ptd_restore_sysctl
    rm -rf "$PTD_STATE_DIR/image"
    if [ "${PTD_KEEP_LOGS:-1}" = 0 ]; then
        rm -rf "$PTD_LOG_DIR"
    fi
    _ptd_unlock
}

# ptd_env_up : daemons_up + ext_host_up + build_images
ptd_env_up() {
    daemons_up
    ext_host_up
    build_images
}

# ---------------------------------------------------------------- ptcpdump runs
# Helpers for the container/pod acceptance tests (tests/e2e/test_*.sh).
PTD_BIN=${PTCPDUMP:-$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)/build/ptcpdump}
PTD_WORK=${PTD_WORK:-}

_ptd_rm_workdir() {
    case $1 in
        /tmp/ptd-*) rm -rf -- "$1" ;;
    esac
}

# ptd_workdir : creates $PTD_WORK (/tmp/ptd-<test>.XXXXXX); test_cleanup removes it
ptd_workdir() {
    PTD_WORK=$(mktemp -d "/tmp/ptd-$PTD_TEST_NAME.XXXXXX") || fail "mktemp"
    _ptd_test_record dir "$PTD_WORK"
}

# ptd_hex_id : a random 64-hex-digit id (like Docker's), for ctr containers
ptd_hex_id() { od -An -N32 -tx1 /dev/urandom | tr -d ' \n'; }

# ptd_cap_start NAME ARGS... : build/ptcpdump ARGS in the background
# (stdout $PTD_WORK/NAME.out, stderr NAME.err), waits for "capturing on".
# PID in $PTD_CAP_PID (and PTD_LAST_BG); stop it with ptd_cap_stop.
ptd_cap_start() {
    local name=$1 i
    shift
    [ -x "$PTD_BIN" ] || fail "no binary at $PTD_BIN (run make)"
    [ -n "$PTD_WORK" ] || ptd_workdir
    start_bg "$PTD_BIN" "$@" >"$PTD_WORK/$name.out" 2>"$PTD_WORK/$name.err"
    PTD_CAP_PID=$PTD_LAST_BG
    for ((i = 0; i < 300; i++)); do
        grep -q '^capturing on' "$PTD_WORK/$name.err" 2>/dev/null && return 0
        if [ -z "$(_ptd_starttime "$PTD_CAP_PID")" ]; then
            cat "$PTD_WORK/$name.err" >&2
            fail "ptcpdump $* exited early"
        fi
        sleep 0.1
    done
    cat "$PTD_WORK/$name.err" >&2
    fail "ptcpdump $* did not start within 30s"
}

# ptd_cap_stop PID : SIGINT, wait (KILL after 10 s); returns ptcpdump's status
ptd_cap_stop() {
    local rc=0
    stop_bg "$1" INT 10 || rc=$?
    return $rc
}

# ptd_blocks FILE : the -v output of ptcpdump, one packet per line: the
# header line (starting with a timestamp) and its indented detail lines,
# joined with " | ".
ptd_blocks() {
    python3 -c '
import re, sys
cur = None
for line in open(sys.argv[1], errors="replace"):
    line = line.rstrip("\n")
    if re.match(r"^(\d+-\d+-\d+ )?\d\d:\d\d:\d\d\.\d+ ", line):
        if cur is not None:
            print(" | ".join(cur))
        cur = [line]
    elif line[:1] in (" ", "\t") and cur is not None:
        cur.append(line.strip())
    elif cur is not None:
        print(" | ".join(cur))
        cur = None
if cur is not None:
    print(" | ".join(cur))
' "$1"
}

# Looping workloads for the filter tests: a wget to the ext host every 0.5 s,
# on port 80 ("target") or 81 ("other"), so that the two can be told apart on
# the wire whatever the attribution says.
PTD_LOOP_80="while :; do wget -T 10 $PTD_EXT_ADDR -q -O /dev/null; sleep 0.5; done"
PTD_LOOP_81="while :; do wget -T 10 $PTD_EXT_ADDR:81 -q -O /dev/null; sleep 0.5; done"

# ptd_filter_run NAME CONTAINER_RE FILTER_ARGS... : while a target container
# loops $PTD_LOOP_80 and another $PTD_LOOP_81, runs
#   ptcpdump -i any -v FILTER_ARGS 'host EXT'
# until it has printed a whole HTTP exchange of the target and the other
# container has made two requests meanwhile; then checks that every packet
# block is the target's (its Container line matches CONTAINER_RE, a wget
# Process line) and that nothing to port 81 was captured.
ptd_filter_run() {
    local name=$1 cre=$2 before out bad
    shift 2
    before=$(ext_http_requests 81)
    ptd_cap_start "$name" -i any -v "$@" "host $PTD_EXT_ADDR"
    out=$PTD_WORK/$name.out
    wait_for_file_match "$out" "^ *$PTD_EXT_ADDR\\.80 > [0-9.]+: Flags \\[F" 20 ||
        { cat "$out"; fail "$name: no complete exchange of the target container within 20s ($*)"; }
    _ptd_more_reqs() { [ "$(ext_http_requests 81)" -ge $((before + 2)) ]; }
    wait_until 20 _ptd_more_reqs || fail "$name: the other container made no requests (port 81)"
    sleep 0.5
    ptd_cap_stop "$PTD_CAP_PID" || fail "$name: ptcpdump exit status $?"
    ptd_blocks "$out" | grep -v '^[^|]* ARP' >"$out.blocks" || true
    echo "--- $name: ptcpdump $* ($(wc -l <"$out.blocks") packets)"
    head -n 3 "$out.blocks"
    [ -s "$out.blocks" ] || fail "$name: nothing captured"
    if grep -q "$PTD_EXT_ADDR\\.81[: ]" "$out.blocks"; then
        grep "$PTD_EXT_ADDR\\.81[: ]" "$out.blocks" | head -n 3
        fail "$name: the other container's traffic (port 81) was captured ($*)"
    fi
    bad=$(grep -Evc " \\| Container \\($cre\\)( \\||\$)" "$out.blocks" || true)
    if [ "$bad" -gt 0 ]; then
        grep -Ev " \\| Container \\($cre\\)( \\||\$)" "$out.blocks" | head -n 3
        fail "$name: $bad packet(s) without the target's Container line ($*)"
    fi
    grep -q " | Process (pid [0-9]*, cmd /usr/bin/wget, args wget -T 10 $PTD_EXT_ADDR -q -O /dev/null)" "$out.blocks" ||
        fail "$name: no packet carries the target's wget Process line"
    echo "ok: $name: only the target container's packets ($*)"
}

# ptd_adopt_script_daemons : tests/run.sh starts containerd/dockerd with
# scripts/start-daemons.sh (stdout to /tmp/ptd-daemons/NAME.log) when they are
# not running; daemons_up then finds them answering and does not record them.
# Record those two (recognised by their stdout) as the suite's own, so that
# suite_cleanup stops them and removes docker0 and Docker's chains, as for
# daemons daemons_up started.  Daemons started any other way are left alone.
PTD_SCRIPT_DAEMON_DIR=/tmp/ptd-daemons
ptd_adopt_script_daemons() {
    local d pid exe out name
    _ptd_lock
    for d in /proc/[0-9]*; do
        pid=${d#/proc/}
        exe=$(readlink "$d/exe" 2>/dev/null) || continue
        name=${exe##*/}
        case $name in containerd | dockerd) ;; *) continue ;; esac
        out=$(readlink "$d/fd/1" 2>/dev/null) || continue
        [ "$out" = "$PTD_SCRIPT_DAEMON_DIR/$name.log" ] || continue
        _ptd_pidfile_alive "$PTD_STATE_DIR/$name.pid" >/dev/null && continue
        _ptd_log "adopting $name pid $pid (started by scripts/start-daemons.sh)"
        _ptd_pidfile_write "$PTD_STATE_DIR/$name.pid" "$pid"
        if [ "$name" = dockerd ] && [ ! -f "$PTD_STATE_DIR/docker-net.checked" ]; then
            touch "$PTD_STATE_DIR/docker-net.ours" "$PTD_STATE_DIR/docker-net.checked"
        fi
    done
    _ptd_unlock
}

# ptd_script_daemons_dir_rm : remove /tmp/ptd-daemons once no process writes there
ptd_script_daemons_dir_rm() {
    local f
    [ -d "$PTD_SCRIPT_DAEMON_DIR" ] || return 0
    for f in /proc/[0-9]*/fd/*; do
        case $(readlink "$f" 2>/dev/null) in
            "$PTD_SCRIPT_DAEMON_DIR"/*) _ptd_log "$PTD_SCRIPT_DAEMON_DIR still in use (${f%/fd/*})"; return 0 ;;
        esac
    done
    rm -rf "$PTD_SCRIPT_DAEMON_DIR"
}
