#!/usr/bin/env bash
# Issue 5: the CI workflow's --container-id variant with `ctr run --cni`
# containers.  ctr ids are chosen by the user: a 64-hex id like Docker's, so
# that both the full id and a 12-character prefix can be tested.  The target
# is started first (detached) and loops wget to port 80; another container
# loops wget to port 81 at the same time and must not appear.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd ctr python3
ptd_test_init
ptd_env_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

n1=ptd-cidf1-$$ n2=ptd-cidf2-$$
cid1=$(ptd_hex_id) cid2=$(ptd_hex_id)
ctr_run -d "$n1" "$cid1" sh -c "$PTD_LOOP_80" >/dev/null || fail "ctr run target"
ctr_run -d "$n2" "$cid2" sh -c "$PTD_LOOP_81" >/dev/null || fail "ctr run other"
cre="name $n1, id $cid1, image ${PTD_IMAGE//./\\.}, labels \\{.*\\}"

ptd_filter_run full "$cre" --container-id "$cid1"
ptd_filter_run prefix "$cre" --container-id "${cid1:0:12}"
