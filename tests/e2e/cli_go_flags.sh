#!/usr/bin/env bash
# The Go ptcpdump's own spellings are taken, so that scripts written for it
# run unchanged: its long names for tcpdump's letters (--verbose,
# --print-timestamp, --print-data-in-hex-ascii, --quiet, --no-convert-addr,
# --expression-file, --file-count, ...) do what the letters do; --log-level
# error silences the warnings; --kernel-btf FILE loads the programs with that
# BTF; the knobs of its event queues and flow table are checked and have no
# effect here; what is not supported (TLS key logs, the cgroup-skb and
# socket-filter backends) is refused with one line.
set -u
. "$(dirname "$0")/../lib/core.sh"

nfail=0
bad() { echo "FAIL $TEST_NAME: $*" >&2; nfail=$((nfail + 1)); }
P=$PTCPDUMP
NOD=(--docker-address /nonexistent/docker.sock --containerd-address /nonexistent/containerd.sock)

# expect_err WHAT REGEX ARGS...: exit 1, one stderr line matching REGEX
expect_err() {
	local what=$1 re=$2 rc
	shift 2
	timeout 10 "$P" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null
	rc=$?
	if [ "$rc" -ne 1 ]; then bad "$what: exit $rc ($(cat "$WORK/err"))"; return; fi
	if [ "$(grep -c . "$WORK/err")" -ne 1 ]; then bad "$what: not one line: $(cat "$WORK/err")"; return; fi
	grep -Eq -- "$re" "$WORK/err" || { bad "$what: '$(cat "$WORK/err")' does not match $re"; return; }
	ok "$what: $(cat "$WORK/err")"
}
expect_err "--log-level bogus" "^ptcpdump: invalid --log-level bogus \(debug, info, warn, error or fatal\)$" --log-level bogus -i lo
expect_err "--kernel-btf missing" "^ptcpdump: can't read kernel BTF /nonexistent/vmlinux: No such file or directory$" \
	--kernel-btf /nonexistent/vmlinux -i lo
echo "not BTF" >"$WORK/notbtf"
expect_err "--kernel-btf not BTF" "^ptcpdump: cannot load the BPF programs with the kernel BTF $WORK/notbtf: " \
	"${NOD[@]}" --log-level error --kernel-btf "$WORK/notbtf" -i lo
expect_err "--event-chan-size x" "^ptcpdump: invalid --event-chan-size x$" --event-chan-size x -i lo
expect_err "--exec-events-worker-number -1" "^ptcpdump: invalid --exec-events-worker-number -1$" --exec-events-worker-number=-1 -i lo
expect_err "--delay-before-handle-packet-events 5x" "^ptcpdump: invalid --delay-before-handle-packet-events 5x$" \
	--delay-before-handle-packet-events 5x -i lo
expect_err "--write-keylog-file" "^ptcpdump: --write-keylog-file: TLS key logging is not supported$" \
	--write-keylog-file "$WORK/k" -- true
expect_err "--embed-keylog-to-pcapng" "^ptcpdump: --embed-keylog-to-pcapng: TLS key logging is not supported$" \
	--embed-keylog-to-pcapng -i lo
expect_err "--pid 1,x" "^ptcpdump: invalid pid$" --pid 1,x -i lo
expect_err "-i lo,ptdnosuch0" "^ptcpdump: ptdnosuch0: No such device exists$" -i "lo, ptdnosuch0" "${NOD[@]}"
expect_err "--backend cgroup-skb" "^ptcpdump: backend cgroup-skb is not supported \(auto, tcx, tc or tp-btf\)$" \
	--backend cgroup-skb -i lo

# --- the long names print what the letters print
CAP=$ROOT/tests/golden/captures/apps.pcap
[ -r "$CAP" ] || fail "no $CAP"
same() { # WHAT "SHORT ARGS" "LONG ARGS"
	local s l
	# shellcheck disable=SC2086
	s=$("$P" -r "$CAP" $2 2>&1)
	# shellcheck disable=SC2086
	l=$("$P" -r "$CAP" $3 2>&1)
	if [ -z "$s" ] || [ "$s" != "$l" ]; then
		bad "$1: '$3' differs from '$2': $(diff <(echo "$s") <(echo "$l") | head -4)"
		return
	fi
	ok "$1"
}
same "--verbose --print-timestamp x2" "-v -tt -c 5" "--verbose --print-timestamp --print-timestamp -c 5"
same "--print-data-in-hex-ascii --quiet --no-convert-addr" "-X -q -n -c 5" \
	"--print-data-in-hex-ascii --quiet --no-convert-addr -c 5"
same "--print-data-in-hex, --print-data-in-ascii" "-x -A -c 5" "--print-data-in-hex --print-data-in-ascii -c 5"
echo "udp" >"$WORK/expr"
same "--expression-file" "-F $WORK/expr -c 5" "--expression-file $WORK/expr -c 5"
"$P" -r "$CAP" -w "$WORK/rot" -C 1kb --file-count 2 2>"$WORK/fc.err" || bad "--file-count: $(cat "$WORK/fc.err")"
n=$(ls "$WORK"/rot* | grep -c .)
[ "$n" -eq 2 ] && ok "--file-count 2 with -C 1kb keeps 2 files" || bad "--file-count 2 left $n files: $(ls "$WORK")"

# --- live: --log-level error, --kernel-btf, the Go tool's knobs and its tp-btf backend
live() { # NAME ARGS...: a ping on lo, captured
	local name=$1
	shift
	ptd_start "$name" -i lo -c 1 "${NOD[@]}" "$@" icmp
	ping -c 1 -W 1 127.0.0.1 >/dev/null 2>&1
	ptd_wait "$PTD_PID" 10
	grep -q ' lo .*Out IP 127.0.0.1 > 127.0.0.1: ICMP echo request' "$WORK/$name.out" ||
		{ bad "$name: no ping captured: $(cat "$WORK/$name.out" "$WORK/$name.err")"; return 1; }
}
# a list in one value, as the Go tool takes it: "lo,lo" is lo once
if live list -i lo,lo --pid "$$,1" --uid 0,65534 -f; then
	grep -q '^capturing on lo, ' "$WORK/list.err" || bad "-i lo,lo: $(cat "$WORK/list.err")"
	ok "-i lo,lo, --pid A,B, --uid A,B"
fi
if live warn; then
	grep -q '^ptcpdump: warning: ' "$WORK/warn.err" || bad "absent daemons gave no warning: $(cat "$WORK/warn.err")"
fi
if live quiet --log-level error; then
	grep '^ptcpdump: warning' "$WORK/quiet.err" && bad "--log-level error still warns"
	ok "--log-level error: no warnings, the capture as usual"
fi
live btf --kernel-btf /sys/kernel/btf/vmlinux && ok "--kernel-btf /sys/kernel/btf/vmlinux loads and captures"
live btfdrops --kernel-btf /sys/kernel/btf/vmlinux --drops && ok "--kernel-btf with --drops"
live knobs --event-chan-size 20 --exec-events-worker-number 50 --delay-before-handle-packet-events 1m30.5s \
	--disable-reverse-match --backend tp-btf --log-level=info &&
	ok "--event-chan-size, --exec-events-worker-number, --delay-before-handle-packet-events, --disable-reverse-match, --backend tp-btf"

[ "$nfail" -eq 0 ] || fail "$nfail checks failed"
