#!/usr/bin/env bash
# Issue 5: --container-name with Docker containers (Docker's own name, from
# the Engine API).  The target loops wget to port 80, another container loops
# wget to port 81 at the same time and must not appear.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd docker python3
ptd_test_init
ptd_env_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

n1=ptd-nf1-$$ n2=ptd-nf2-$$
cid1=$(docker_run -d "$n1" sh -c "$PTD_LOOP_80") || fail "docker run target"
docker_run -d "$n2" sh -c "$PTD_LOOP_81" >/dev/null || fail "docker run other"
cre="name $n1, id $cid1, image ${PTD_IMAGE//./\\.}, labels \\{.*\\}"

ptd_filter_run name "$cre" --container-name "$n1"
