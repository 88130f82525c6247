#!/usr/bin/env bash
# Runs last (tests/run.sh globs tests/e2e/*.sh in order): the suite teardown.
# The e2e tests leave the shared environment up between them (daemons,
# images, external host: all idempotent); this removes it all, so that
# tests/lib/check_leftovers.sh, which tests/run.sh runs next, finds nothing.
set -u
. "$(dirname "$0")/../lib/env.sh"
need_root
ptd_adopt_script_daemons
suite_cleanup
ptd_script_daemons_dir_rm
echo "ok: suite environment torn down"
