#!/bin/bash
# tests/lib/check_leftovers.sh [--tests] [--quiet] [--save-baseline FILE | --baseline FILE]
#
# Prints everything the e2e tests could have left behind, one
# "LEFTOVER <what>: <detail>" line each, and exits 1 if anything is left
# (0 and "check_leftovers: clean" otherwise).
#
#   (default)  after suite_cleanup: nothing of the suite may remain, including
#              the external host (netns ptd-ext, uplink0, its HTTP server),
#              iptables rules tagged ptd-e2e, daemons the suite started, the
#              localhost/wget:e2e images, the cni0/docker0 bridges and the state dir.
#   --tests    between tests: only what a single test must clean up itself
#              (containers, veths, clsact qdiscs, BPF programs, ptcpdump/tcpdump/
#              ctr processes, leaked CNI NAT chains and addresses, other ptd* netns,
#              /tmp/ptd-* work dirs);
#              the suite infrastructure is allowed.
#   --save-baseline FILE  record what is there now (exit 0); --baseline FILE
#              then ignores those lines (for a machine shared with other runs).
set -u
export LC_ALL=C

mode=full
quiet=0
baseline=
save=
while [ $# -gt 0 ]; do
    case $1 in
        --tests) mode=tests ;;
        --quiet | -q) quiet=1 ;;
        --baseline) baseline=$2; shift ;;
        --save-baseline) save=$2; shift ;;
        -h | --help) sed -n '2,22p' "$0"; exit 0 ;;
        *) echo "usage: $0 [--tests] [--quiet] [--save-baseline FILE | --baseline FILE]" >&2; exit 2 ;;
    esac
    shift
done
[ -n "$save" ] && : >"$save"

STATE=${PTD_STATE_DIR:-/tmp/ptd-e2e}
DOCKER=${PTD_DOCKER:-}
[ -n "$DOCKER" ] || { [ -x /usr/bin/docker ] && DOCKER=/usr/bin/docker || DOCKER=docker; }
IMAGE=localhost/wget:e2e
CNI_NET=ptd-e2e
found=0

left() {
    local line="LEFTOVER $1: $2"
    if [ -n "$save" ]; then echo "$line" >>"$save"; return 0; fi
    if [ -n "$baseline" ] && grep -qxF -- "$line" "$baseline" 2>/dev/null; then return 0; fi
    found=$((found + 1))
    echo "$line"
}

# --- network namespaces named ptd-*
netns_list=$(ip netns list 2>/dev/null | awk '{print $1}')
for ns in $netns_list; do
    case $ns in
        ptd-ext) [ "$mode" = full ] && left netns "$ns" ;;
        ptd*) left netns "$ns" ;;
    esac
done

# --- links in the root namespace: ptd*, uplink0, veths, our bridges
while read -r _ name rest; do
    name=${name%:}
    name=${name%%@*}
    kind=$(ip -d -o link show dev "$name" 2>/dev/null | grep -o -E ' (veth|bridge|vxlan|dummy|ifb|macvlan|ipvlan) ' | head -n1 | tr -d ' ')
    case $name in
        uplink0) [ "$mode" = full ] && left link "$name ($kind)" ;;
        ptd*) left link "$name ($kind)" ;;
        cni0 | docker0) [ "$mode" = full ] && left link "$name (bridge, created by the suite's CNI/dockerd)" ;;
        *) [ "$kind" = veth ] && left link "$name (veth: a container or test netns still exists)" ;;
    esac
done < <(ip -o link show 2>/dev/null)

# --- clsact qdiscs (root ns and ptd-* netns)
while read -r line; do
    [ -n "$line" ] && left qdisc "$line"
done < <(tc qdisc show 2>/dev/null | grep -w clsact)
for ns in $netns_list; do
    case $ns in ptd*) ;; *) continue ;; esac
    while read -r line; do
        [ -n "$line" ] && left qdisc "netns $ns: $line"
    done < <(ip netns exec "$ns" tc qdisc show 2>/dev/null | grep -w clsact)
done

# --- BPF programs / links / pins
if command -v bpftool >/dev/null 2>&1; then
    while read -r line; do
        [ -n "$line" ] && left bpf-prog "$line"
    done < <(bpftool prog show 2>/dev/null | grep -E '^[0-9]+: ' | grep -E ' name (ptd_|ptcpdump)')
fi
if mountpoint -q /sys/fs/bpf 2>/dev/null; then
    while read -r p; do
        [ -n "$p" ] && left bpf-pin "$p"
    done < <(find /sys/fs/bpf -maxdepth 3 \( -name 'ptd*' -o -name 'ptcpdump*' \) 2>/dev/null)
fi

# --- containers (only checkable while the daemons run)
if [ -S /run/containerd/containerd.sock ] && ctr version >/dev/null 2>&1; then
    for ns in $(ctr namespaces ls -q 2>/dev/null); do
        for c in $(ctr -n "$ns" containers ls -q 2>/dev/null); do
            left container "containerd ns $ns: $c"
        done
        if [ "$mode" = full ]; then
            for i in $(ctr -n "$ns" images ls -q 2>/dev/null | grep -E "^($IMAGE)\$"); do
                left image "containerd ns $ns: $i"
            done
        fi
    done
fi
if "$DOCKER" info >/dev/null 2>&1; then
    while read -r line; do
        [ -n "$line" ] && left container "docker: $line"
    done < <("$DOCKER" ps -a --format '{{.ID}} {{.Names}} {{.Image}}' 2>/dev/null)
    if [ "$mode" = full ] && "$DOCKER" image inspect "$IMAGE" >/dev/null 2>&1; then
        left image "docker: $IMAGE"
    fi
fi

# --- iptables
if command -v iptables >/dev/null 2>&1; then
    for t in filter nat; do
        if [ "$mode" = full ]; then
            while read -r rule; do
                [ -n "$rule" ] && left iptables "-t $t $rule"
            done < <(iptables -w -t "$t" -S 2>/dev/null | grep -F -- "--comment ptd-e2e")
        fi
    done
    # masquerade chains of our CNI network (ctr run --cni leaks them; ctr_run removes them)
    while read -r rule; do
        [ -n "$rule" ] && left iptables "-t nat $rule"
    done < <(iptables -w -t nat -S POSTROUTING 2>/dev/null | grep -F "name: \\\"$CNI_NET\\\"")
fi

# --- CNI addresses still reserved in our network
if [ -d "/var/lib/cni/networks/$CNI_NET" ]; then
    for f in "/var/lib/cni/networks/$CNI_NET"/*; do
        [ -f "$f" ] || continue
        case ${f##*/} in last_reserved_ip* | lock) continue ;; esac
        left cni-ipam "${f##*/} reserved by $(head -n1 "$f")"
    done
    [ "$mode" = full ] && left cni-ipam "/var/lib/cni/networks/$CNI_NET"
fi
for f in /var/lib/cni/results/"$CNI_NET"-*; do
    [ -e "$f" ] && left cni-cache "$f"
done
if [ "$mode" = full ]; then
    [ -f /etc/cni/net.d/10-ptd.conflist ] && left cni-conf /etc/cni/net.d/10-ptd.conflist
    [ -L /opt/cni/bin ] && [ "$(readlink /opt/cni/bin)" = /usr/lib/cni ] && left cni-bin "/opt/cni/bin -> /usr/lib/cni"
fi

# --- processes
containerd_up=0
[ -S /run/containerd/containerd.sock ] && ctr version >/dev/null 2>&1 && containerd_up=1
ps_out=$(ps -eo pid=,ppid=,args= 2>/dev/null)
while read -r pid ppid args; do
    [ "$pid" = $$ ] || [ "$ppid" = $$ ] && continue
    exe=${args%% *}
    exe=${exe##*/}
    case $exe in
        ptcpdump | ptcpdump-*) left process "$pid $args" ;;
        tcpdump) left process "$pid $args" ;;
        ctr) [[ " $args " == *" run "* ]] && left process "$pid $args" ;;
        containerd-shim*)
            [ "$mode" = full ] && [ "$containerd_up" = 0 ] && left process "$pid $args (shim without containerd)" ;;
        *)
            if [ "$mode" = full ] && [[ $args == *"$STATE/"* ]]; then
                left process "$pid $args"
            fi
            ;;
    esac
done <<<"$ps_out"

# --- work directories of tests (core.sh: /tmp/ptd-<test>.XXXXXX; selftest)
for d in /tmp/ptd-*; do
    [ -e "$d" ] || continue
    [ "$d" = "$STATE" ] && continue
    left tmpdir "$d"
done

# --- suite state: daemons the suite started, state dir
if [ "$mode" = full ] && [ -d "$STATE" ]; then
    for f in "$STATE"/*.pid; do
        [ -f "$f" ] || continue
        read -r pid st <"$f" || continue
        if [ -n "${st:-}" ] && [ "$(awk '{sub(/.*\) /,""); print $20}' "/proc/$pid/stat" 2>/dev/null)" = "$st" ]; then
            left daemon "$(basename "$f" .pid) pid $pid still running"
        fi
    done
    rest=$(find "$STATE" -mindepth 1 -maxdepth 1 ! -name logs ! -name .lock 2>/dev/null)
    [ -n "$rest" ] && left state "$STATE: $(echo "$rest" | tr '\n' ' ')"
fi

[ -n "$save" ] && exit 0
if [ "$found" -gt 0 ]; then
    echo "check_leftovers ($mode): $found leftover(s)" >&2
    exit 1
fi
[ "$quiet" = 1 ] || echo "check_leftovers ($mode): clean"
exit 0
