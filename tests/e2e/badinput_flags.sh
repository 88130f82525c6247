#!/usr/bin/env bash
# Issue 8, bad flags and arguments: each gives a one-line tcpdump-style error
# "ptcpdump: ..." on stderr and exit 1, and nothing hangs (timeout 10).
#   invalid expression, unknown flag, missing option argument, unknown -i
#   interface, -s out of range, -C 0, -c 0, -c abc, --pod-name without a dot,
#   --container-id matching nothing, --container-id matching two containers
#   (a private containerd where we choose the ids), missing kernel BTF.
# Every check runs; the test fails at the end if any of them failed.
set -u
. "$(dirname "$0")/../lib/core.sh"
. "$(dirname "$0")/../lib/env.sh" # _ptd_build_rootfs only (no ptd_test_init: core.sh owns the trap)

nfail=0
bad() { echo "FAIL $TEST_NAME: $*" >&2; nfail=$((nfail + 1)); }

# expect_err WHAT REGEX CMD... : exit 1, exactly one stderr line that is not a
# "ptcpdump: warning:" line, and it matches REGEX.
expect_err() {
	local what=$1 re=$2 rc
	shift 2
	timeout 10 "$@" >"$WORK/out" 2>"$WORK/err" </dev/null
	rc=$?
	grep -av "^ptcpdump: warning: " "$WORK/err" >"$WORK/err1"
	if [ "$rc" -ne 1 ]; then bad "$what: exit $rc, expected 1 ($(cat "$WORK/err"))"; return 1; fi
	if [ "$(grep -ac . "$WORK/err1")" -ne 1 ]; then bad "$what: expected one error line: $(cat "$WORK/err")"; return 1; fi
	if ! grep -aEq -- "$re" "$WORK/err1"; then bad "$what: message '$(cat "$WORK/err1")' does not match $re"; return 1; fi
	if [ -s "$WORK/out" ]; then bad "$what: printed on stdout: $(head -3 "$WORK/out")"; return 1; fi
	ok "$what: $(cat "$WORK/err1")"
}

P=$PTCPDUMP
NOD=(--docker-address /nonexistent/docker.sock)

expect_err "invalid expression" "^ptcpdump: syntax error in filter expression: can't parse filter expression: syntax error$" \
	"$P" -i lo 'tcp and and'
expect_err "invalid expression (unknown host)" "^ptcpdump: (syntax error in filter expression: )?can't parse filter expression: .*$|^ptcpdump: .*unknown host 'ptd-no-such-host.invalid'" \
	"$P" -i lo 'host ptd-no-such-host.invalid'
expect_err "unknown long flag" "^ptcpdump: unrecognized option '--no-such-flag'$" "$P" --no-such-flag
expect_err "unknown short flag" "^ptcpdump: invalid option -- 'Y'$" "$P" -Y
# tcpdump (getopt): "option requires an argument -- 'c'"
expect_err "missing argument (short)" "^ptcpdump: option requires an argument -- 'c'$" "$P" -i lo -c
expect_err "missing argument (long)" "^ptcpdump: option '--pid' requires an argument$" "$P" -i lo --pid
expect_err "unknown -i interface" "^ptcpdump: ptdnosuch0: No such device exists$" "$P" -i ptdnosuch0
expect_err "-s -1" "^ptcpdump: invalid snaplen -1 \(must be >= 0 and <= 262144\)$" "$P" -i lo -s -1
expect_err "-s 262145" "^ptcpdump: invalid snaplen 262145 \(must be >= 0 and <= 262144\)$" "$P" -i lo -s 262145
expect_err "-s abc" "^ptcpdump: invalid snaplen abc \(must be >= 0 and <= 262144\)$" "$P" -i lo -s abc
expect_err "-C 0" "^ptcpdump: invalid file size 0$" "$P" -i lo -C 0 -w "$WORK/x.pcapng"
expect_err "-c 0" "^ptcpdump: invalid packet count 0$" "$P" -i lo -c 0
expect_err "-c abc" "^ptcpdump: invalid packet count abc$" "$P" -i lo -c abc
# The reference (ptcpdump-behaviour.md): --pod-name splits at the last dot and
# the namespace defaults to "default"; with no such pod, the pod message.
expect_err "--pod-name without a dot" "^ptcpdump: can not find any running pod by name ptdnopod in namespace default$" \
	"$P" -i lo "${NOD[@]}" --pod-name ptdnopod
expect_err "--pod-name with no such pod" "^ptcpdump: can not find any running pod by name ptdnopod in namespace ptdns$" \
	"$P" -i lo "${NOD[@]}" --pod-name ptdnopod.ptdns
expect_err "--container-id matching nothing" "^ptcpdump: can not find any running container by id 0123456789abcdef0123$" \
	"$P" -i lo "${NOD[@]}" --container-id 0123456789abcdef0123

# --- missing kernel BTF: /sys/kernel/btf hidden in a private mount namespace
if [ -e /sys/kernel/btf/vmlinux ] && command -v unshare >/dev/null; then
	expect_err "missing BTF" "^ptcpdump: .*BTF" \
		unshare -m sh -c 'mount -t tmpfs none /sys/kernel/btf && exec "$0" -i lo' "$P"
	[ -e /sys/kernel/btf/vmlinux ] || fail "/sys/kernel/btf/vmlinux is gone from the host mount namespace"
else
	echo "skipped: missing BTF (no /sys/kernel/btf/vmlinux or unshare)"
fi

# --- --container-id matching two containers: a private containerd (own socket,
# root and state dirs) where we choose the ids: two 64-char ids sharing the
# 12-char prefix aaaaaaaaaaaa.
. "$(dirname "$0")/../lib/privctrd.sh"
trap 'pc_down; core_cleanup' EXIT

if command -v containerd >/dev/null && command -v ctr >/dev/null; then
	pc_up
	_ptd_build_rootfs "$PC/rootfs" >/dev/null 2>&1 || fail "cannot build a rootfs"
	id1=aaaaaaaaaaaa1$(printf '%051d' 1)
	id2=aaaaaaaaaaaa2$(printf '%051d' 2)
	for id in "$id1" "$id2"; do
		pc_ctr run -d --rootfs "$PC/rootfs" "$id" /usr/bin/sleep 120 >/dev/null 2>&1 || fail "ctr run $id: $(tail -3 "$PC/log")"
	done
	A=(--containerd-address "$PC/ctrd.sock" "${NOD[@]}")
	expect_err "--container-id matching two containers" "^ptcpdump: found more than one containers by id aaaaaaaaaaaa$" \
		"$P" -i lo "${A[@]}" --container-id aaaaaaaaaaaa
	# a unique prefix of 13 characters selects one: ptcpdump starts
	ptd_start one -i lo "${A[@]}" --container-id aaaaaaaaaaaa1
	ptd_stop "$PTD_PID" INT || bad "--container-id with a unique prefix: exit status $?"
	ok "--container-id with a unique 13-character prefix is accepted"
	# shorter than 12 characters: the reference wants at least 12
	expect_err "--container-id prefix shorter than 12" "^ptcpdump: (can not find any running container by id|found more than one containers by id) aaaaaaaaaaa$" \
		"$P" -i lo "${A[@]}" --container-id aaaaaaaaaaa
	pc_down
else
	echo "skipped: --container-id matching two containers (no containerd/ctr)"
fi

[ "$nfail" -eq 0 ] || fail "$nfail check(s) failed"
echo "ok: all bad flags rejected"
