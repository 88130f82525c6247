#!/usr/bin/env bash
# Issue 8, fault: no container runtime answers.
#   ptcpdump --docker-address /nonexistent/docker.sock --containerd-address /nonexistent/c.sock
# prints one warning line for each on stderr (not one per retry), and the
# capture works normally: packets, process attribution, clean exit.
set -u
. "$(dirname "$0")/../lib/core.sh"

netns_pair ptd-da ptdv-da 10.250.32.1 10.250.32.2
ptd_start cap -i ptdv-da -v --docker-address /nonexistent/docker.sock \
	--containerd-address /nonexistent/c.sock icmp
# run long enough for any reconnect loop to have retried a few times
ip netns exec ptd-da ping -c 20 -i 0.25 -W 1 10.250.32.1 >/dev/null || fail "ping"
sleep 0.5
ptd_stop "$PTD_PID" INT || fail "exit status $? after SIGINT"
err=$WORK/cap.err out=$WORK/cap.out
cat "$err"

ndock=$(grep -c 'docker' "$err")
nctrd=$(grep -c 'containerd' "$err")
[ "$ndock" -eq 1 ] || fail "expected one line about docker on stderr, got $ndock"
[ "$nctrd" -eq 1 ] || fail "expected one line about containerd on stderr, got $nctrd"
grep -Eq '^ptcpdump: warning: .*docker.*/nonexistent/docker\.sock' "$err" || fail "the docker warning does not name the address"
grep -Eq '^ptcpdump: warning: .*containerd.*/nonexistent/c\.sock' "$err" || fail "the containerd warning does not name the address"
# nothing else than the warnings, "capturing on" and the three summary lines
other=$(grep -Ev '^ptcpdump: warning: |^capturing on |^[0-9]+ packets (captured|received by filter|dropped by kernel|rejected by the filter in the kernel)$' "$err" || true)
[ -z "$other" ] || fail "unexpected stderr lines: $other"
ok "one warning each: $(grep -c '^ptcpdump: warning' "$err") warning lines"

nreq=$(grep -c 'ICMP echo request' "$out")
nrep=$(grep -c 'ICMP echo reply' "$out")
[ "$nreq" -eq 20 ] && [ "$nrep" -eq 20 ] || fail "captured $nreq requests and $nrep replies, expected 20 each"
grep -q 'Process (pid [0-9]*, cmd /usr/bin/ping, args ping -c 20' "$out" ||
	fail "no Process line for ping: process attribution does not work without runtimes"
grep -q 'Container (' "$out" && fail "a Container line without any runtime"
grep -Eq '^20 packets captured$|^40 packets captured$' "$err" || fail "summary: $(grep captured "$err")"
ok "capture works normally: $nreq requests, $nrep replies, with Process lines"
