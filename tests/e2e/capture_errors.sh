#!/usr/bin/env bash
# Issue 2, acceptance 6: a bad expression exits 1 with tcpdump's message;
# without privilege a clear message and exit 1.  Plus other bad input.
set -u
. "$(dirname "$0")/../lib/core.sh"

expect_err() { # DESCRIPTION REGEX CMD...
	local what=$1 re=$2 rc
	shift 2
	timeout 10 "$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	[ "$rc" -eq 1 ] || fail "$what: exit $rc, expected 1 ($(cat "$WORK/err"))"
	grep -Eq "$re" "$WORK/err" || fail "$what: message '$(cat "$WORK/err")' does not match $re"
	[ "$(grep -c . "$WORK/err")" -le 3 ] || fail "$what: too many lines: $(cat "$WORK/err")"
	ok "$what: $(head -1 "$WORK/err")"
}

expect_err "bad expression" "^ptcpdump: syntax error in filter expression: can't parse filter expression: syntax error$" \
	"$PTCPDUMP" -i lo 'hots 1'
expect_err "bad port" "^ptcpdump: syntax error in filter expression: illegal port number 99999 > 65535$" \
	"$PTCPDUMP" -i lo 'port 99999'
expect_err "unknown interface" "^ptcpdump: ptdnosuch0: No such device exists$" \
	"$PTCPDUMP" -i ptdnosuch0
expect_err "unknown flag" "^ptcpdump: (unrecognized option|invalid option)" \
	"$PTCPDUMP" --no-such-flag
expect_err "snaplen out of range" "^ptcpdump: invalid snaplen" \
	"$PTCPDUMP" -s 999999999
expect_err "-C 0" "^ptcpdump: invalid file size 0" \
	"$PTCPDUMP" -C 0 -w "$WORK/x.pcapng"
expect_err "no privilege" "^ptcpdump: you don't have permission to capture" \
	setpriv --reuid=65534 --regid=65534 --clear-groups "$PTCPDUMP" -i lo
# errors found before the set-up are tcpdump's one line: the runtimes
# (absent here) are not asked yet, so their warnings do not follow it
expect_one_line() { # DESCRIPTION LINE ARGS...
	local what=$1 line=$2 rc
	shift 2
	timeout 10 "$PTCPDUMP" "$@" --containerd-address "$WORK/no-ctrd.sock" \
		--docker-address "$WORK/no-docker.sock" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	[ "$rc" -eq 1 ] || fail "$what: exit $rc, expected 1 ($(cat "$WORK/err"))"
	[ "$(cat "$WORK/err")" = "$line" ] ||
		fail "$what: stderr is not tcpdump's one line: $(cat "$WORK/err")"
	ok "$what: $line"
}
expect_one_line "unwritable -w" "ptcpdump: $WORK/nodir/x.pcapng: No such file or directory" \
	-i lo -c 1 -w "$WORK/nodir/x.pcapng"
expect_one_line "unknown -Z user" "ptcpdump: Couldn't find user 'ptdnosuchuser'" \
	-i lo -c 1 -Z ptdnosuchuser
