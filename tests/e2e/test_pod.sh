#!/usr/bin/env bash
# Issue 5: pods.  Kubernetes is not available; a pod is containers in
# containerd namespace k8s.io with the CRI labels: a sandbox container
# (io.cri-containerd.kind=sandbox + the pod labels + the pod's own labels) and
# an app container (io.kubernetes.pod.name/namespace/uid,
# io.kubernetes.container.name).  The Pod line appears, and
# --pod-name NAME.NAMESPACE selects the pod's traffic and not that of another
# pod's container running at the same time.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd ctr python3
ptd_test_init
ptd_env_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

ns=k8s.io
pod=ptd-web-$$ pns=ptd-ns other=ptd-other-$$
uid=$(cat /proc/sys/kernel/random/uuid) ouid=$(cat /proc/sys/kernel/random/uuid)
sb=$(ptd_hex_id) app=$(ptd_hex_id) osb=$(ptd_hex_id) oapp=$(ptd_hex_id)

# pod_run KIND POD UID ID CMD... : a k8s.io container of pod POD/ptd-ns
pod_run() {
    local kind=$1 p=$2 u=$3 id=$4
    shift 4
    local -a l=(--label io.cri-containerd.kind="$kind" --label io.kubernetes.pod.name="$p"
        --label io.kubernetes.pod.namespace="$pns" --label io.kubernetes.pod.uid="$u")
    if [ "$kind" = sandbox ]; then
        l+=(--label run="$p" --label tier=e2e)
    else
        l+=(--label io.kubernetes.container.name=app)
    fi
    ctr_run -d --ns "$ns" "${l[@]}" "" "$id" "$@" >/dev/null || fail "ctr run ($kind of $p)"
}
pod_run sandbox "$pod" "$uid" "$sb" sleep 600
pod_run container "$pod" "$uid" "$app" sh -c "$PTD_LOOP_80"
pod_run sandbox "$other" "$ouid" "$osb" sleep 600
pod_run container "$other" "$ouid" "$oapp" sh -c "$PTD_LOOP_81"

podre="name $pod, namespace $pns, UID $uid, labels \\{\"run\":\"$pod\",\"tier\":\"e2e\"\\}, annotations \\{\\}"
cre="name app, id $app, image ${PTD_IMAGE//./\\.}, labels \\{.*\\}\\) \\| Pod \\($podre"

# 1. unfiltered: the Pod line of each pod's packets
ptd_cap_start all -i any -v "host $PTD_EXT_ADDR"
out=$PTD_WORK/all.out
wait_for_file_match "$out" "^ *$PTD_EXT_ADDR\\.80 > [0-9.]+: Flags \\[F" 20 || fail "no exchange of pod $pod"
wait_for_file_match "$out" "^ *$PTD_EXT_ADDR\\.81 > [0-9.]+: Flags \\[F" 20 || fail "no exchange of pod $other"
sleep 0.3
ptd_cap_stop "$PTD_CAP_PID" || fail "ptcpdump exit status $?"
ptd_blocks "$out" >"$out.blocks"
grep -m1 "$PTD_EXT_ADDR\\.80: Flags \\[S\\]" "$out.blocks" || true
grep -Eq "> $PTD_EXT_ADDR\\.80: Flags .* \\| Container \\($cre\\)( \\| Packet \\(id [0-9]+\\))?$" "$out.blocks" ||
    fail "no packet of pod $pod with 'Container (name app, ...)' and 'Pod ($podre)'"
grep -Eq "> $PTD_EXT_ADDR\\.81: Flags .* \\| Pod \\(name $other, namespace $pns, UID $ouid, " "$out.blocks" ||
    fail "no packet of pod $other with its Pod line"
grep -q "\"io.kubernetes.pod" <(grep -o ' | Pod (.*' "$out.blocks") &&
    fail "the Pod labels include the CRI's own io.kubernetes.* labels"
echo "ok: the Pod line (name, namespace, UID, labels, annotations) is printed"

# 2. --pod-name NAME.NAMESPACE
ptd_filter_run podname "$cre" --pod-name "$pod.$pns"
