#!/usr/bin/env bash
# Issue 5: the CI workflow's --container-name variant with `ctr run --cni`
# containers named by the nerdctl/name label.  The target loops wget to port
# 80; another container loops wget to port 81 at the same time and must not
# appear.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd ctr python3
ptd_test_init
ptd_env_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

n1=ptd-cnf1-$$ n2=ptd-cnf2-$$
cid1=ptd-cnf1-$$ cid2=ptd-cnf2-$$
ctr_run -d "$n1" "$cid1" sh -c "$PTD_LOOP_80" >/dev/null || fail "ctr run target"
ctr_run -d "$n2" "$cid2" sh -c "$PTD_LOOP_81" >/dev/null || fail "ctr run other"
cre="name $n1, id $cid1, image ${PTD_IMAGE//./\\.}, labels \\{.*\"nerdctl/name\":\"$n1\".*\\}"

ptd_filter_run name "$cre" --container-name "$n1"
