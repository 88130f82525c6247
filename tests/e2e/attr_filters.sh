#!/usr/bin/env bash
# Issue 4, acceptance 3: process filters.
#  A. --pid $$ -f captures the test shell's descendants only: a curl the test
#     starts is captured (both directions); a wget forked at the same time by
#     a process that is not a descendant of $$ (setsid -f, reparented to
#     init before the capture starts) is not.
#  B. --pname curl captures only curl: a wget run in parallel is excluded.
# The HTTP servers (netns) are not descendants of $$ either (setsid -f).
set -u
. "$(dirname "$0")/../lib/core.sh"
. "$(dirname "$0")/../lib/attr.sh"

PY=/usr/bin/python3
NS=ptd-afil
netns_pair $NS ptdv-afil 10.210.3.1 10.210.3.2
ip route get 10.210.3.2 | grep -q 'dev ptdv-afil' || fail "10.210.3.2 not routed via ptdv-afil"
mkdir -p "$WORK/www"
head -c 20000 /dev/zero >"$WORK/www/f.bin"

# is PID a descendant of ANCESTOR? (walks /proc/PID/stat ppids)
descends() {
	local p=$1 anc=$2
	while [ "$p" -gt 1 ]; do
		[ "$p" = "$anc" ] && return 0
		p=$(awk '{sub(/.*\) /, ""); print $2}' "/proc/$p/stat" 2>/dev/null) || return 1
		[ -n "$p" ] || return 1
	done
	return 1
}
# detached PIDFILE CMD...: runs CMD outside our process tree; its pid in PIDFILE
detached() {
	local f=$1
	shift
	setsid -f bash -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$f" "$@" </dev/null >/dev/null 2>&1
	for _ in $(seq 50); do [ -s "$f" ] && break; sleep 0.05; done
	[ -s "$f" ] || fail "detached $*: no pid"
	ATTR_PIDS+=("$(cat "$f")")
}
for port in 8080 8081; do
	detached "$WORK/srv$port.pid" ip netns exec $NS $PY -m http.server --directory "$WORK/www" -b 10.210.3.2 $port
done
for port in 8080 8081; do
	for _ in $(seq 50); do
		curl -s -o /dev/null --max-time 1 http://10.210.3.2:$port/ && break
		sleep 0.1
	done
done
for port in 8080 8081; do
	descends "$(cat "$WORK/srv$port.pid")" $$ && fail "server $port is a descendant of \$\$"
done

# --- A: --pid $$ -f -------------------------------------------------------
mkfifo "$WORK/go"
detached "$WORK/other.pid" bash -c 'read -r _ <"$0"; wget -T 5 -q -O /dev/null "$1"; echo $? >"$0.done"' \
	"$WORK/go" http://10.210.3.2:8081/f.bin
other=$(cat "$WORK/other.pid")
descends "$other" $$ && fail "the other client's parent $other is a descendant of \$\$"
ok "other tree: pid $other, ppid $(awk '{sub(/.*\) /, ""); print $2}' /proc/$other/stat), not a descendant of $$"

ptd_start pid -i any -v --pid $$ -f 'host 10.210.3.2 and tcp'
echo go >"$WORK/go"
curl -s -o /dev/null --max-time 5 http://10.210.3.2:8080/f.bin &
cpid=$!
wait $cpid || fail "curl failed"
for _ in $(seq 50); do [ -s "$WORK/go.done" ] && break; sleep 0.1; done
[ "$(cat "$WORK/go.done" 2>/dev/null)" = 0 ] || fail "the other wget failed"
sleep 0.5
ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
cat "$WORK/pid.err"
blocks "$WORK/pid.out" >"$WORK/pid.all"
cut -f 2 "$WORK/pid.all" | cut -c1-90
grep -F '	10.210.3.1.' "$WORK/pid.all" | grep -F '> 10.210.3.2.8080: ' >"$WORK/a.out"
grep -F '	10.210.3.2.8080 > ' "$WORK/pid.all" >"$WORK/a.in"
n_other=$(grep -c -e '10\.210\.3\.2\.8081' "$WORK/pid.all")
echo "A: curl $(grep -c . "$WORK/a.out") out, $(grep -c . "$WORK/a.in") in; other wget: $n_other"
[ "$n_other" -eq 0 ] || problem "--pid \$\$ -f: $n_other packets of the non-descendant wget (port 8081) captured"
grep -q 'Flags \[S\],' "$WORK/a.out" || problem "--pid \$\$ -f: curl's SYN not captured"
[ "$(grep -c . "$WORK/a.in")" -ge 3 ] || problem "--pid \$\$ -f: only $(grep -c . "$WORK/a.in") server -> curl packets captured (SYN-ACK, data, FIN expected)"
grep -q 'Flags \[P\.\], .*length [1-9]' "$WORK/a.in" || problem "--pid \$\$ -f: the server's response to curl was not captured"
cargs="curl -s -o /dev/null --max-time 5 http://10.210.3.2:8080/f.bin"
expect_owner "$WORK/a.out" "--pid \$\$ -f, curl -> server" $cpid /usr/bin/curl "$cargs"
[ -s "$WORK/a.in" ] && expect_owner "$WORK/a.in" "--pid \$\$ -f, server -> curl" $cpid /usr/bin/curl "$cargs"

# --- B: --pname curl --------------------------------------------------------
ptd_start pname -i any -v --pname curl 'host 10.210.3.2 and tcp'
wget -T 5 -q -O /dev/null http://10.210.3.2:8081/f.bin &
wpid=$!
curl -s -o /dev/null --max-time 5 http://10.210.3.2:8080/f.bin &
cpid=$!
wait $cpid || fail "curl failed"
wait $wpid || fail "wget failed"
sleep 0.5
ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
cat "$WORK/pname.err"
blocks "$WORK/pname.out" >"$WORK/pname.all"
cut -f 2 "$WORK/pname.all" | cut -c1-90
grep -F '	10.210.3.1.' "$WORK/pname.all" | grep -F '> 10.210.3.2.8080: ' >"$WORK/b.out"
grep -F '	10.210.3.2.8080 > ' "$WORK/pname.all" >"$WORK/b.in"
n_other=$(grep -c -e '10\.210\.3\.2\.8081' "$WORK/pname.all")
echo "B: curl $(grep -c . "$WORK/b.out") out, $(grep -c . "$WORK/b.in") in; wget: $n_other"
[ "$n_other" -eq 0 ] || problem "--pname curl: $n_other packets of wget (port 8081) captured"
grep -q 'Flags \[S\],' "$WORK/b.out" || problem "--pname curl: curl's SYN not captured"
[ "$(grep -c . "$WORK/b.in")" -ge 3 ] || problem "--pname curl: only $(grep -c . "$WORK/b.in") server -> curl packets captured (SYN-ACK, data, FIN expected)"
grep -q 'Flags \[P\.\], .*length [1-9]' "$WORK/b.in" || problem "--pname curl: the server's response to curl was not captured"
expect_owner "$WORK/b.out" "--pname curl, curl -> server" $cpid /usr/bin/curl "$cargs"
[ -s "$WORK/b.in" ] && expect_owner "$WORK/b.in" "--pname curl, server -> curl" $cpid /usr/bin/curl "$cargs"
[ ${#PROBLEMS[@]} -eq 0 ] || fail "${#PROBLEMS[@]} problem(s), see above"
