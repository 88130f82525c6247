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

# ---------------------------------------------------------------- daemons / CNI
_ptd_containerd_alive() { [ -S "$PTD_CONTAINERD_SOCK" ] && ctr version >/dev/null 2>&1; }
_ptd_docker_alive() { "$PTD_DOCKER" info >/dev/null 2>&1; }

_ptd_cni_conf_json() {
    cat <<EOF
{
  "cniVersion": "0.4.0",
  "name": "$PTD_CNI_NET",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$PTD_CNI_BRIDGE",
      "isGateway": true,
      "ipMasq": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{ "subnet": "$PTD_CNI_SUBNET" }]],
        "routes": [{ "dst": "0.0.0.0/0" }]
      }
    },
    { "type": "portmap", "capabilities": { "portMappings": true } }
  ]
}
EOF
}

_ptd_cni_setup() {
    if [ ! -e "$PTD_CNI_BIN" ] && [ ! -L "$PTD_CNI_BIN" ]; then
        mkdir -p "$(dirname "$PTD_CNI_BIN")"
        ln -s /usr/lib/cni "$PTD_CNI_BIN"
        touch "$PTD_STATE_DIR/cni-bin.created"
    fi
    [ -x "$PTD_CNI_BIN/bridge" ] || _ptd_log "warning: $PTD_CNI_BIN/bridge missing"
    if [ ! -f "$PTD_CNI_CONF" ]; then
        [ -d /etc/cni/net.d ] || { mkdir -p /etc/cni/net.d; touch "$PTD_STATE_DIR/cni-dir.created"; }
        _ptd_cni_conf_json >"$PTD_CNI_CONF"
        touch "$PTD_STATE_DIR/cni-conf.created"
    fi
    if [ ! -f "$PTD_STATE_DIR/cni0.checked" ]; then
        ip link show "$PTD_CNI_BRIDGE" >/dev/null 2>&1 || touch "$PTD_STATE_DIR/cni0.ours"
        touch "$PTD_STATE_DIR/cni0.checked"
    fi
}

# cni_del FULLID : CNI DEL for a ctr container ("NS-ID"): releases the IPAM
# address and removes the bridge plugin's ipMasq chain.  ctr 1.6 calls DEL with
# an empty netns, for which the bridge plugin skips the masquerade teardown,
# so every `ctr run --cni` otherwise leaves a CNI-xxxx chain in the nat table.
cni_del() {
    local id=$1
    if [ -x "$PTD_CNI_BIN/host-local" ]; then
        printf '{"cniVersion":"0.4.0","name":"%s","type":"bridge","ipam":{"type":"host-local","ranges":[[{"subnet":"%s"}]]}}' \
            "$PTD_CNI_NET" "$PTD_CNI_SUBNET" |
            CNI_COMMAND=DEL CNI_CONTAINERID="$id" CNI_NETNS="" CNI_IFNAME=eth0 CNI_PATH="$PTD_CNI_BIN" \
                "$PTD_CNI_BIN/host-local" >/dev/null 2>&1 || true
    fi
    rm -f "/var/lib/cni/results/$PTD_CNI_NET-$id-eth0"   # libcni's cached result
    _ptd_cni_masq_sweep "$id" || true
}

# _ptd_cni_masq_sweep [FULLID] : delete the bridge plugin's masquerade rules
# (and their CNI-* chains) of our CNI network, for one container or all.
_ptd_cni_masq_sweep() {
    local id=${1:-} rule chain pat
    pat="name: \\\"$PTD_CNI_NET\\\" id: \\\"$id"
    [ -n "$id" ] && pat="$pat\\\""
    iptables -w -t nat -S POSTROUTING 2>/dev/null | grep -F -- "$pat" |
        while read -r rule; do
            chain=${rule##* -j }
            eval "iptables -w -t nat -D ${rule#-A }" || true
            case $chain in
                CNI-*) iptables -w -t nat -F "$chain" 2>/dev/null; iptables -w -t nat -X "$chain" 2>/dev/null || true ;;
            esac
        done || true
}

# daemons_up : start containerd and dockerd unless already running; CNI setup.
daemons_up() {
    _ptd_lock
    _ptd_save_sysctl
    _ptd_cni_setup
    local pid
    if ! _ptd_containerd_alive; then
        _ptd_log "starting containerd (log $PTD_LOG_DIR/containerd.log)"
        setsid containerd </dev/null >>"$PTD_LOG_DIR/containerd.log" 2>&1 {_PTD_LOCK_FD}>&- &
        pid=$!
        _ptd_pidfile_write "$PTD_STATE_DIR/containerd.pid" "$pid"
        disown "$pid" 2>/dev/null || true
        if ! wait_until 30 _ptd_containerd_alive; then
            _ptd_unlock; fail "containerd did not come up: $(tail -5 "$PTD_LOG_DIR/containerd.log")"
        fi
    fi
    if ! _ptd_docker_alive; then
        if [ ! -f "$PTD_STATE_DIR/docker-net.checked" ]; then
            if ! ip link show "$PTD_DOCKER_BRIDGE" >/dev/null 2>&1 && ! _ptd_ipt_chain_exists nat DOCKER; then
                touch "$PTD_STATE_DIR/docker-net.ours"
            fi
            iptables -w -S FORWARD | sed -n 's/^-P FORWARD //p' >"$PTD_STATE_DIR/forward-policy.orig"
            touch "$PTD_STATE_DIR/docker-net.checked"
        fi
        _ptd_log "starting dockerd (log $PTD_LOG_DIR/dockerd.log)"
        setsid dockerd --containerd="$PTD_CONTAINERD_SOCK" </dev/null >>"$PTD_LOG_DIR/dockerd.log" 2>&1 {_PTD_LOCK_FD}>&- &
        pid=$!
        _ptd_pidfile_write "$PTD_STATE_DIR/dockerd.pid" "$pid"
        disown "$pid" 2>/dev/null || true
        if ! wait_until 60 _ptd_docker_alive; then
            _ptd_unlock; fail "dockerd did not come up: $(tail -5 "$PTD_LOG_DIR/dockerd.log")"
        fi
    fi
    _ptd_unlock
}

# Remove what our dockerd left in the root netns (docker0, its iptables
# rules and chains, FORWARD policy) -- only when docker's network state did
# not exist before the suite started dockerd.
_ptd_docker_net_purge() {
    [ -f "$PTD_STATE_DIR/docker-net.ours" ] || return 0
    _ptd_docker_alive && return 0
    local t c rule
    for t in filter nat; do
        for c in FORWARD INPUT OUTPUT PREROUTING POSTROUTING; do
            iptables -w -t "$t" -S "$c" 2>/dev/null | grep -v -F -- "$PTD_RULE_TAG" |
                grep -E -- "(-j DOCKER|$PTD_DOCKER_BRIDGE|-s $PTD_DOCKER_SUBNET )" |
                while read -r rule; do
                    [[ $rule == -A\ * ]] && { eval "iptables -w -t $t -D ${rule#-A }" || true; }
                done || true
        done
        for c in $(iptables -w -t "$t" -S 2>/dev/null | sed -n 's/^-N \(DOCKER[^ ]*\)$/\1/p'); do
            if [ "$c" = DOCKER-USER ] && iptables -w -t "$t" -S "$c" | grep -F -- "$PTD_RULE_TAG" >/dev/null; then
                iptables -w -t "$t" -D "$c" -j RETURN 2>/dev/null || true
                continue
            fi
            iptables -w -t "$t" -F "$c" 2>/dev/null || true
        done
        for c in $(iptables -w -t "$t" -S 2>/dev/null | sed -n 's/^-N \(DOCKER[^ ]*\)$/\1/p'); do
            iptables -w -t "$t" -S "$c" | grep -F -- "$PTD_RULE_TAG" >/dev/null && continue
            iptables -w -t "$t" -X "$c" 2>/dev/null || true
        done
    done
    if [ -s "$PTD_STATE_DIR/forward-policy.orig" ]; then
        iptables -w -P FORWARD "$(cat "$PTD_STATE_DIR/forward-policy.orig")" || true
    fi
    ip link del "$PTD_DOCKER_BRIDGE" 2>/dev/null || true
    rm -f "$PTD_STATE_DIR/docker-net.ours" "$PTD_STATE_DIR/docker-net.checked" "$PTD_STATE_DIR/forward-policy.orig"
}

_ptd_cni_teardown() {
    local f id
    # release addresses still reserved in our network (leaked by killed ctr runs)
    for f in /var/lib/cni/networks/"$PTD_CNI_NET"/*; do
        [ -f "$f" ] || continue
        case ${f##*/} in last_reserved_ip* | lock) continue ;; esac
        id=$(head -n1 "$f")
        [ -n "$id" ] && cni_del "$id"
    done
    _ptd_cni_masq_sweep ""
    if [ -f "$PTD_STATE_DIR/cni0.ours" ] && ip link show "$PTD_CNI_BRIDGE" >/dev/null 2>&1; then
        if [ -z "$(ip -o link show master "$PTD_CNI_BRIDGE" 2>/dev/null)" ]; then
            ip link del "$PTD_CNI_BRIDGE" || true
        fi
    fi
    rm -f "$PTD_STATE_DIR/cni0.ours" "$PTD_STATE_DIR/cni0.checked"
    if [ -f "$PTD_STATE_DIR/cni-conf.created" ]; then
        rm -f "$PTD_CNI_CONF"
        rm -rf "/var/lib/cni/networks/$PTD_CNI_NET"
        rm -f /var/lib/cni/results/"$PTD_CNI_NET"-*
        rmdir /var/lib/cni/networks /var/lib/cni/results /var/lib/cni 2>/dev/null || true
        rm -f "$PTD_STATE_DIR/cni-conf.created"
    fi
    if [ -f "$PTD_STATE_DIR/cni-dir.created" ]; then
        rmdir /etc/cni/net.d /etc/cni 2>/dev/null || true
        rm -f "$PTD_STATE_DIR/cni-dir.created"
    fi
    if [ -f "$PTD_STATE_DIR/cni-bin.created" ]; then
        [ -L "$PTD_CNI_BIN" ] && rm -f "$PTD_CNI_BIN"
        rmdir "$(dirname "$PTD_CNI_BIN")" 2>/dev/null || true
        rm -f "$PTD_STATE_DIR/cni-bin.created"
    fi
}

# _ptd_ctr_all_containers : "ns/id" of every containerd container
_ptd_ctr_all_containers() {
    local ns
    for ns in $(ctr namespaces ls -q 2>/dev/null); do
        ctr -n "$ns" containers ls -q 2>/dev/null | sed "s|^|$ns/|"
    done
}

# daemons_down : stop only the daemons this suite started (dockerd first),
# then remove the CNI setup and docker network state the suite created.
# A daemon that still hosts containers (e.g. another test run sharing the
# machine) is left running and stays recorded, unless PTD_FORCE_DOWN=1.
daemons_down() {
    _ptd_lock
    local left keep_ctrd=0
    if _ptd_pidfile_alive "$PTD_STATE_DIR/dockerd.pid" >/dev/null; then
        left=$("$PTD_DOCKER" ps -aq 2>/dev/null | tr '\n' ' ')
        if [ -n "$left" ] && [ "${PTD_FORCE_DOWN:-0}" != 1 ]; then
            _ptd_log "dockerd still hosts containers ($left); leaving it running"
        else
            _ptd_pidfile_kill "$PTD_STATE_DIR/dockerd.pid" 30
        fi
    fi
    _ptd_docker_net_purge
    if _ptd_pidfile_alive "$PTD_STATE_DIR/containerd.pid" >/dev/null; then
        left=$(_ptd_ctr_all_containers | tr '\n' ' ')
        if { [ -n "$left" ] || _ptd_docker_alive; } && [ "${PTD_FORCE_DOWN:-0}" != 1 ]; then
            _ptd_log "containerd still in use (containers: ${left:-none}; dockerd up?); leaving it running"
            keep_ctrd=1
        else
            _ptd_pidfile_kill "$PTD_STATE_DIR/containerd.pid" 20
        fi
    fi
    [ "$keep_ctrd" = 1 ] || _ptd_cni_teardown
    _ptd_restore_sysctl
    _ptd_unlock
}

# ---------------------------------------------------------------- images
_ptd_image_in_docker() { "$PTD_DOCKER" image inspect "$PTD_IMAGE" >/dev/null 2>&1; }
_ptd_image_in_ctr() { ctr -n "$1" images ls -q 2>/dev/null | grep -xF "$PTD_IMAGE" >/dev/null; }

# _ptd_build_rootfs DIR : /bin/sh (dash), wget, sleep + their libs + /etc
_ptd_build_rootfs() {
    local root=$1 bin lib f
    rm -rf "$root"
    mkdir -p "$root"/usr/bin "$root"/usr/lib/x86_64-linux-gnu "$root"/usr/lib64 \
        "$root"/etc "$root"/root "$root"/tmp "$root"/proc "$root"/sys "$root"/dev "$root"/run "$root"/var/tmp
    chmod 1777 "$root/tmp" "$root/var/tmp"
    chmod 700 "$root/root"
    ln -s usr/bin "$root/bin"
    ln -s usr/bin "$root/sbin"
    ln -s usr/lib "$root/lib"
    ln -s usr/lib64 "$root/lib64"
    cp -L /bin/dash "$root/usr/bin/dash"
    ln -s dash "$root/usr/bin/sh"
    cp -L /usr/bin/wget "$root/usr/bin/wget"
    cp -L /bin/sleep "$root/usr/bin/sleep"
    for bin in /bin/dash /usr/bin/wget /bin/sleep; do
        ldd "$bin" | grep -o '/[^ ]*' | while read -r lib; do
            f=${lib#/usr}
            case $f in
                /lib64/*) cp -L "$lib" "$root/usr/lib64/${f#/lib64/}" ;;
                /lib/*) mkdir -p "$root/usr/lib/$(dirname "${f#/lib/}")"; cp -L "$lib" "$root/usr/lib/${f#/lib/}" ;;
                *) _ptd_log "unexpected library path $lib" ;;
            esac
        done || return 1
    done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' >"$root/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
    printf 'passwd: files\ngroup: files\nhosts: files dns\nnetworks: files\n' >"$root/etc/nsswitch.conf"
    printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
    : >"$root/etc/resolv.conf"
    touch "$root/etc/hostname"
    # sanity: the loader can run all three inside the rootfs
    chroot "$root" /bin/sh -c 'wget --version >/dev/null && sleep 0' ||
        { _ptd_log "rootfs sanity check failed"; return 1; }
}

_ptd_sha256() { sha256sum "$1" | cut -d' ' -f1; }

# _ptd_write_oci TARFILE LAYER.tar : OCI image layout archive of one layer
_ptd_write_oci() {
    local out=$1 layer=$2 d arch diffid ldig lsize cdig csize mdig msize
    d=$(mktemp -d "$PTD_STATE_DIR/oci.XXXXXX")
    mkdir -p "$d/blobs/sha256"
    arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
    diffid=$(_ptd_sha256 "$layer")
    gzip -n -c "$layer" >"$d/layer.tar.gz"
    ldig=$(_ptd_sha256 "$d/layer.tar.gz"); lsize=$(stat -c %s "$d/layer.tar.gz")
    mv "$d/layer.tar.gz" "$d/blobs/sha256/$ldig"
    printf '{"architecture":"%s","os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["/bin/sh"],"WorkingDir":"/"},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created_by":"ptcpdump tests/lib/env.sh build_images"}]}' \
        "$arch" "$diffid" >"$d/config.json"
    cdig=$(_ptd_sha256 "$d/config.json"); csize=$(stat -c %s "$d/config.json")
    mv "$d/config.json" "$d/blobs/sha256/$cdig"
    printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
        "$cdig" "$csize" "$ldig" "$lsize" >"$d/manifest.json"
    mdig=$(_ptd_sha256 "$d/manifest.json"); msize=$(stat -c %s "$d/manifest.json")
    mv "$d/manifest.json" "$d/blobs/sha256/$mdig"
    printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"platform":{"architecture":"%s","os":"linux"},"annotations":{"io.containerd.image.name":"%s","org.opencontainers.image.ref.name":"%s"}}]}' \
        "$mdig" "$msize" "$arch" "$PTD_IMAGE" "$PTD_IMAGE" >"$d/index.json"
    echo '{"imageLayoutVersion":"1.0.0"}' >"$d/oci-layout"
    tar -C "$d" -cf "$out" oci-layout index.json blobs
    rm -rf "$d"
}

# build_images : localhost/wget:e2e for Docker and for containerd
# (namespaces $PTD_CTR_NAMESPACES).  Skips what already exists.
build_images() {
    _ptd_lock
    local ns need=0 root=$PTD_STATE_DIR/image/rootfs layer=$PTD_STATE_DIR/image/layer.tar
    _ptd_image_in_docker || need=1
    for ns in $PTD_CTR_NAMESPACES; do _ptd_image_in_ctr "$ns" || need=1; done
    if [ "$need" = 0 ]; then _ptd_unlock; return 0; fi
    mkdir -p "$PTD_STATE_DIR/image"
    _ptd_build_rootfs "$root" || { _ptd_unlock; fail "cannot build rootfs"; }
    tar -C "$root" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$layer" . ||
        { _ptd_unlock; fail "cannot tar rootfs"; }
    if ! _ptd_image_in_docker; then
        "$PTD_DOCKER" import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            -c 'CMD ["/bin/sh"]' - "$PTD_IMAGE" <"$layer" >/dev/null ||
            { _ptd_unlock; fail "docker import failed"; }
    fi
    _ptd_write_oci "$PTD_STATE_DIR/image/oci.tar" "$layer"
    for ns in $PTD_CTR_NAMESPACES; do
        _ptd_image_in_ctr "$ns" && continue
        ctr -n "$ns" images import "$PTD_STATE_DIR/image/oci.tar" >/dev/null ||
            { _ptd_unlock; fail "ctr -n $ns images import failed"; }
        _ptd_image_in_ctr "$ns" || { _ptd_unlock; fail "image $PTD_IMAGE not in containerd ns $ns after import"; }
    done
    rm -rf "$root" "$layer"
    _ptd_unlock
}

# images_down : remove localhost/wget:e2e from Docker and containerd
images_down() {
    _ptd_lock
    local ns dig refs
    if _ptd_docker_alive && _ptd_image_in_docker; then
        "$PTD_DOCKER" image rm -f "$PTD_IMAGE" >/dev/null || true
    fi
    if _ptd_containerd_alive; then
        for ns in $PTD_CTR_NAMESPACES; do
            _ptd_image_in_ctr "$ns" || continue
            # the CRI plugin adds a "sha256:<image id>" ref to the same manifest in k8s.io
            dig=$(ctr -n "$ns" images ls 2>/dev/null | awk -v r="$PTD_IMAGE" '$1==r{print $3}')
            refs=$(ctr -n "$ns" images ls 2>/dev/null | awk -v d="$dig" 'NR>1 && $3==d{print $1}')
            # shellcheck disable=SC2086
            ctr -n "$ns" images rm --sync $refs >/dev/null || true
        done
    fi
    rm -rf "$PTD_STATE_DIR/image"
    _ptd_unlock
}

# ---------------------------------------------------------------- containers
# ctr_run [-d] [--ns NS] [--label K=V]... [--OPT=VAL]... NAME ID CMD...
#   ctr -n NS run --rm --cni --label nerdctl/name=NAME localhost/wget:e2e ID CMD...
#   NS defaults to "default"; NAME "" omits the nerdctl/name label.
#   Foreground: returns CMD's exit status; afterwards the CNI leftovers of ID
#   are removed.  -d: detached (no --rm); remove it with `ctr_rm --ns NS ID`
#   (test_cleanup does that for every container a test created).
ctr_run() {
    local ns=default detach=0 name id rc=0
    local -a opts=()
    while [ $# -gt 0 ]; do
        case $1 in
            -d | --detach) detach=1; shift ;;
            --ns) ns=$2; shift 2 ;;
            --ns=*) ns=${1#--ns=}; shift ;;
            --label) opts+=(--label "$2"); shift 2 ;;
            --) shift; break ;;
            -*) opts+=("$1"); shift ;;
            *) break ;;
        esac
    done
    [ $# -ge 2 ] || fail "usage: ctr_run [-d] [--ns NS] [--label K=V] NAME ID CMD..."
    name=$1 id=$2; shift 2
    [ -n "$name" ] && opts+=(--label "nerdctl/name=$name")
    _ptd_test_record ctr "$ns" "$id"
    if [ "$detach" = 1 ]; then
        ctr -n "$ns" run -d --cni ${opts[@]+"${opts[@]}"} "$PTD_IMAGE" "$id" "$@" </dev/null {_PTD_LOCK_FD}>&- || rc=$?
        return $rc
    fi
    ctr -n "$ns" run --rm --cni ${opts[@]+"${opts[@]}"} "$PTD_IMAGE" "$id" "$@" </dev/null {_PTD_LOCK_FD}>&- || rc=$?
    _ptd_cni_masq_sweep "$ns-$id"
    if ! ctr -n "$ns" containers info "$id" >/dev/null 2>&1; then
        _ptd_test_unrecord ctr "$ns" "$id"
    fi
    return $rc
}

# ctr_run_d NAME ID CMD... : ctr_run -d
ctr_run_d() { ctr_run -d "$@"; }

# ctr_rm [--ns NS] ID : kill the task, delete task + container, CNI DEL
ctr_rm() {
    local ns=default id i
    if [ "${1:-}" = --ns ]; then ns=$2; shift 2; fi
    id=$1
    if ctr -n "$ns" tasks ls -q 2>/dev/null | grep -xF "$id" >/dev/null; then
        ctr -n "$ns" tasks kill -s SIGKILL "$id" >/dev/null 2>&1 || true
        for ((i = 0; i < 50; i++)); do
            ctr -n "$ns" tasks ls 2>/dev/null | awk -v id="$id" '$1==id && $3=="RUNNING"{f=1} END{exit !f}' || break
            sleep 0.1
        done
        ctr -n "$ns" tasks delete -f "$id" >/dev/null 2>&1 || true
    fi
    ctr -n "$ns" containers delete "$id" >/dev/null 2>&1 || true
    cni_del "$ns-$id"
    _ptd_test_unrecord ctr "$ns" "$id"
}

# docker_run [-d] [--OPT=VAL | --label K=V | -e K=V]... NAME CMD...
#   docker run --rm [--name NAME] localhost/wget:e2e CMD...   (NAME "" = docker picks)
#   Foreground returns CMD's exit status.  -d prints the container ID
#   (still --rm: the container goes away when CMD exits).
docker_run() {
    local detach=0 name rc=0 cid
    local -a opts=()
    while [ $# -gt 0 ]; do
        case $1 in
            -d | --detach) detach=1; shift ;;
            --label | -e | --env | -l) opts+=("$1" "$2"); shift 2 ;;
            --) shift; break ;;
            -*) opts+=("$1"); shift ;;
            *) break ;;
        esac
    done
    [ $# -ge 1 ] || fail "usage: docker_run [-d] [OPTS] NAME CMD..."
    name=$1; shift
    [ -n "$name" ] && opts+=(--name "$name")
    mkdir -p "$_PTD_TEST_DIR"
    cid=$(mktemp -u "$_PTD_TEST_DIR/cid.XXXXXX")
    _ptd_test_record docker "$cid"
    [ "$detach" = 1 ] && opts+=(-d)
    "$PTD_DOCKER" run --rm --cidfile "$cid" ${opts[@]+"${opts[@]}"} "$PTD_IMAGE" "$@" </dev/null {_PTD_LOCK_FD}>&- || rc=$?
    if [ "$detach" = 0 ]; then
        _ptd_docker_rm_cidfile "$cid"
        _ptd_test_unrecord docker "$cid"
    fi
    return $rc
}

_ptd_docker_rm_cidfile() {
    local f=$1 id
    [ -s "$f" ] || { rm -f "$f"; return 0; }
    id=$(cat "$f")
    if "$PTD_DOCKER" container inspect "$id" >/dev/null 2>&1; then
        "$PTD_DOCKER" rm -f "$id" >/dev/null 2>&1 || true
    fi
    rm -f "$f"
}

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
