#!/usr/bin/env bash
# Flags that tcpdump users already type: the same error, word for word, as
# the installed tcpdump gives for the same arguments (its first stderr line,
# "tcpdump:" read as "ptcpdump:"), and exit 1; -L and -J print what
# tcpdump prints for an Ethernet device; -y EN10MB, -j with a warning,
# -W without -C/-G and rotation without a file are accepted as tcpdump
# accepts them.
# Every check runs; the test fails at the end if any of them failed.
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v tcpdump >/dev/null || skip "no tcpdump"

nfail=0
bad() { echo "FAIL $TEST_NAME: $*" >&2; nfail=$((nfail + 1)); }
NOD=(--docker-address /nonexistent/docker.sock --containerd-address /nonexistent/containerd.sock)

# same_err ARGS...: both tools exit 1 with the same first line on stderr
same_err() {
	local want got rc
	timeout 10 tcpdump "$@" >/dev/null 2>"$WORK/td.err" </dev/null
	rc=$?
	[ "$rc" -eq 1 ] || { bad "tcpdump $*: exit $rc, the oracle does not fail"; return; }
	want=$(grep -av '^reading from file' "$WORK/td.err" | head -1 | sed 's/^tcpdump: /ptcpdump: /')
	timeout 10 "$PTCPDUMP" "${NOD[@]}" "$@" >"$WORK/pt.out" 2>"$WORK/pt.err" </dev/null
	rc=$?
	got=$(grep -av '^ptcpdump: warning: ' "$WORK/pt.err")
	if [ "$rc" -ne 1 ]; then bad "ptcpdump $*: exit $rc ($got)"; return; fi
	if [ "$got" != "$want" ]; then bad "ptcpdump $*: '$got', tcpdump: '$want'"; return; fi
	if [ -s "$WORK/pt.out" ]; then bad "ptcpdump $*: printed on stdout"; return; fi
	ok "$*: $got"
}

mkdir -p "$WORK/dir"
same_err -i lo -s -1
same_err -i lo -s 262145
same_err -i lo -s abc
same_err -i lo -B 0
same_err -i lo -B abc
same_err -i lo -c 0
same_err -i lo -C 0 -w "$WORK/x.pcap"
same_err -i lo -W 0 -C 1 -w "$WORK/x.pcap"
same_err -i lo -G -1 -w "$WORK/x.pcap"
same_err -i lo -s 1e3
same_err -i lo --time-stamp-precision=pico
same_err -i lo -T nosuchtype
same_err -i lo -Q nosuchdir
same_err -i lo -y NOSUCHDLT
same_err -i lo -y LINUX_SLL
same_err -i lo -F "$WORK/nosuchfile"
same_err -i lo -F "$WORK/dir"
same_err -i ptdnosuch0 -L
same_err -i lo -j nosuchtype
same_err -i lo -I
same_err -r "$WORK/nosuchfile"

# -m (no libsmi here either): a warning, and the packets printed as
# without it; -H (802.11s) and -E (no ESP here) change nothing
G=$(cd "$(dirname "$0")/../golden/captures" && pwd)
want=$(timeout 10 tcpdump -m nosuchmib -r "$G/arp.pcap" 2>&1 >/dev/null | sed 's/^tcpdump: /ptcpdump: /')
"$PTCPDUMP" -m nosuchmib -E 'aes128-cbc:0x0102030405060708' -H -r "$G/arp.pcap" >"$WORK/me.out" 2>"$WORK/me.err"
rc=$?
"$PTCPDUMP" -r "$G/arp.pcap" >"$WORK/plain.out" 2>/dev/null
if [ "$rc" -ne 0 ]; then
	bad "-m -E -H: exit $rc: $(cat "$WORK/me.err")"
elif ! cmp -s "$WORK/me.out" "$WORK/plain.out"; then
	bad "-m -E -H changed the text"
elif [ -z "$want" ] || [ "$(cat "$WORK/me.err")" != "$want" ]; then
	bad "-m: '$(cat "$WORK/me.err")', tcpdump: '$want'"
else
	ok "-m, -E, -H: $(tr '\n' ' ' <"$WORK/me.err")"
fi

# -C, -G and -W without a file to rotate (no -w, or -w -): ignored, as
# tcpdump ignores them
want=$(tcpdump -nn -r "$G/arp.pcap" -G 5 -C 1 2>/dev/null)
got=$("$PTCPDUMP" -r "$G/arp.pcap" -G 5 -C 1 2>"$WORK/g.err")
[ -n "$want" ] && [ "$got" = "$want" ] || bad "-G 5 -C 1 without -w: '$(head -2 "$WORK/g.err")'"
got=$("$PTCPDUMP" -r "$G/arp.pcap" -C 1 -W 2 -w - 2>"$WORK/g.err" | tcpdump -nn -r - 2>/dev/null)
[ "$got" = "$want" ] && ok "-C/-G/-W without a file to rotate: ignored" ||
	bad "-C 1 -W 2 -w -: '$(head -2 "$WORK/g.err")'"

# tcpdump's long options that change what -r prints: the same text
for lo in --absolute-tcp-sequence-numbers --packet-buffered --number --nano \
	"--time-stamp-precision=nano" "--snapshot-length=100" --dont-verify-checksums; do
	want=$(tcpdump -nn -v -r "$G/tcp4.pcap" $lo 2>/dev/null | sed -E 's/(cksum 0x[0-9a-f]+) \((correct|incorrect[^)]*)\)/\1/')
	got=$("$PTCPDUMP" -v -r "$G/tcp4.pcap" $lo 2>"$WORK/lo.err")
	[ -n "$want" ] && [ "$got" = "$want" ] || bad "$lo: not tcpdump's text ($(head -1 "$WORK/lo.err"))"
done
ok "tcpdump's long options print as tcpdump"

# -L and -J: the lists tcpdump prints for an Ethernet device
for f in -L -J; do
	want=$(timeout 10 tcpdump -i lo $f 2>&1)
	got=$(timeout 10 "$PTCPDUMP" "${NOD[@]}" -i lo $f 2>&1 | grep -v '^ptcpdump: warning: ')
	[ "$got" = "$want" ] && ok "$f -i lo: $got" || bad "$f -i lo: '$got', tcpdump: '$want'"
done

# -j with a type the device lacks: tcpdump's warning, and the capture runs
timeout 2 tcpdump -i lo -j adapter 'udp port 1' >/dev/null 2>"$WORK/tdj.err"
jwarn=$(grep -a 'timestamp type' "$WORK/tdj.err" | head -1 | sed 's/^tcpdump: /ptcpdump: /')
[ -n "$jwarn" ] || bad "tcpdump -j adapter gave no warning: $(cat "$WORK/tdj.err")"

# -y EN10MB (any case, as libpcap takes it) and -W without -C/-G: accepted;
# the file keeps its name, as tcpdump's does
PORT=47311
ptd_start y "${NOD[@]}" -i lo -y en10mb -j adapter -W 3 -c 2 -w "$WORK/w.pcap" "udp port $PORT"
for i in 1 2 3; do echo "y$i" | socat - "UDP:127.0.0.1:$PORT" 2>/dev/null; done
if ptd_wait "$PTD_PID" 10; then
	n=$(tcpdump -nn -r "$WORK/w.pcap" 2>/dev/null | grep -c "127.0.0.1.$PORT: UDP")
	[ "$n" -eq 2 ] && ok "-y en10mb -W 3 without -C: 2 packets in w.pcap" || bad "-y en10mb -W 3: $n packets in w.pcap"
	ls "$WORK" | grep -q '^w\.pcap.' && bad "-W 3 without -C renamed the file: $(ls "$WORK")"
	if [ -n "$jwarn" ]; then
		grep -qxF -- "$jwarn" "$WORK/y.err" && ok "-j adapter: $jwarn" || bad "-j adapter: no '$jwarn' in: $(cat "$WORK/y.err")"
	fi
else
	bad "-y en10mb -W 3 -c 2 did not exit by itself: $(cat "$WORK/y.err")"
fi

[ "$nfail" -eq 0 ] || fail "$nfail check(s) failed"
