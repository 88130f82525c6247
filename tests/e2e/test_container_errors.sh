#!/usr/bin/env bash
# Issue 5: container/pod filters that match nothing exit 1 with one line on
# stderr (ptcpdump-behaviour.md):
#   can not find any running container by id ID
#   can not find any running container by name NAME
#   can not find any running pod by name NAME in namespace NS
# A prefix shorter than 12 characters of a running container's id does not
# select it, and --pod-name without a dot is refused.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd docker
ptd_test_init
ptd_env_up
ptd_workdir

# expect_error WANT ARGS... : ptcpdump ARGS exits 1, prints nothing on stdout
# and exactly one line on stderr, equal to WANT (an ERE when it starts with ^)
expect_error() {
    local want=$1 rc=0 line
    shift
    timeout 20 "$PTD_BIN" "$@" >"$PTD_WORK/err.out" 2>"$PTD_WORK/err.err" </dev/null || rc=$?
    [ "$rc" -eq 1 ] || fail "ptcpdump $*: exit status $rc, expected 1 (stderr: $(cat "$PTD_WORK/err.err"))"
    [ ! -s "$PTD_WORK/err.out" ] || fail "ptcpdump $*: printed on stdout: $(head -3 "$PTD_WORK/err.out")"
    [ "$(wc -l <"$PTD_WORK/err.err")" -eq 1 ] || fail "ptcpdump $*: expected one line on stderr, got: $(cat "$PTD_WORK/err.err")"
    line=$(cat "$PTD_WORK/err.err")
    if [[ $want == ^* ]]; then
        [[ $line =~ $want ]] || fail "ptcpdump $*: '$line' does not match '$want'"
    else
        [ "$line" = "$want" ] || fail "ptcpdump $*: got '$line', expected '$want'"
    fi
    echo "ok: ptcpdump $* -> $line"
}

missing=$(ptd_hex_id)
expect_error "ptcpdump: can not find any running container by id $missing" \
    -i any --container-id "$missing" "host $PTD_EXT_ADDR"
expect_error "ptcpdump: can not find any running container by id ${missing:0:12}" \
    -i any --container-id "${missing:0:12}" "host $PTD_EXT_ADDR"
expect_error "ptcpdump: can not find any running container by name ptd-nosuch-$$" \
    -i any --container-name "ptd-nosuch-$$" "host $PTD_EXT_ADDR"
expect_error "ptcpdump: can not find any running pod by name ptd-nosuch-$$ in namespace ptd-ns" \
    -i any --pod-name "ptd-nosuch-$$.ptd-ns" "host $PTD_EXT_ADDR"
# the last dot splits: pod "a.b", namespace "c"
expect_error "ptcpdump: can not find any running pod by name ptd-a.b in namespace c" \
    -i any --pod-name "ptd-a.b.c" "host $PTD_EXT_ADDR"
# without a dot: an error (invalid name, or no such pod in the default namespace)
expect_error "^ptcpdump: (invalid pod name ptd-nodot-$$|can not find any running pod by name ptd-nodot-$$ in namespace default)" \
    -i any --pod-name "ptd-nodot-$$" "host $PTD_EXT_ADDR"

# a running container is not selected by a prefix shorter than 12 characters
cid=$(docker_run -d "ptd-err-$$" sleep 600) || fail "docker run"
[[ $cid =~ ^[0-9a-f]{64}$ ]] || fail "unexpected docker id '$cid'"
expect_error "ptcpdump: can not find any running container by id ${cid:0:8}" \
    -i any --container-id "${cid:0:8}" "host $PTD_EXT_ADDR"
# ... while its name and 12-character prefix are accepted (it starts capturing)
ptd_cap_start ok -i any --container-id "${cid:0:12}" "host $PTD_EXT_ADDR"
ptd_cap_stop "$PTD_CAP_PID" || fail "ptcpdump --container-id ${cid:0:12}: exit status $?"
ptd_cap_start ok2 -i any --container-name "ptd-err-$$" "host $PTD_EXT_ADDR"
ptd_cap_stop "$PTD_CAP_PID" || fail "ptcpdump --container-name ptd-err-$$: exit status $?"
echo "ok: the running container is found by its 12-character prefix and its name"
