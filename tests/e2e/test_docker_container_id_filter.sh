#!/usr/bin/env bash
# Issue 5: --container-id with Docker containers, by the full 64-hex id and by
# a 12-character prefix.  The target container is started first and loops
# wget to port 80; another container loops wget to port 81 at the same time
# and must not appear.  New wget processes in the target (started after the
# capture began) are selected.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd docker python3
ptd_test_init
ptd_env_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

n1=ptd-idf1-$$ n2=ptd-idf2-$$
cid1=$(docker_run -d "$n1" sh -c "$PTD_LOOP_80") || fail "docker run target"
cid2=$(docker_run -d "$n2" sh -c "$PTD_LOOP_81") || fail "docker run other"
[[ $cid1 =~ ^[0-9a-f]{64}$ ]] || fail "unexpected docker id '$cid1'"
cre="name $n1, id $cid1, image ${PTD_IMAGE//./\\.}, labels \\{.*\\}"

ptd_filter_run full "$cre" --container-id "$cid1"
ptd_filter_run prefix "$cre" --container-id "${cid1:0:12}"
