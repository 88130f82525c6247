# shellcheck shell=bash
# tests/lib/env_containers.sh -- the container half of tests/lib/env.sh:
# containerd, dockerd and CNI, the test image, containers.  Sourced by env.sh
# (never on its own); it uses env.sh's settings and helpers.

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
