#!/usr/bin/env bash
# Issue 4, acceptance 1: every packet of a TCP connection from the host to an
# HTTP server in a netns, in both directions, carries the client's pid, cmd
# path and full args (-v Process line), for curl and for GNU wget.
set -u
. "$(dirname "$0")/../lib/core.sh"
. "$(dirname "$0")/../lib/attr.sh"

PY=/usr/bin/python3 # not a pyenv shim: the server's own pid is $!
NS=ptd-atcp
netns_pair $NS ptdv-atcp 10.210.1.1 10.210.1.2
ip route get 10.210.1.2 | grep -q 'dev ptdv-atcp' || fail "10.210.1.2 not routed via ptdv-atcp"
mkdir -p "$WORK/www"
head -c 200000 /dev/zero >"$WORK/www/big.bin"
ip netns exec $NS $PY -m http.server --directory "$WORK/www" -b 10.210.1.2 8080 >/dev/null 2>&1 &
ATTR_PIDS+=($!)
for _ in $(seq 50); do
	curl -s -o /dev/null --max-time 1 http://10.210.1.2:8080/ && break
	sleep 0.1
done

ptd_start cap -i any -v 'host 10.210.1.2 and tcp port 8080'
URL=http://10.210.1.2:8080/big.bin
curl -s -o /dev/null --max-time 10 "$URL" &
cpid=$!
wait $cpid || fail "curl failed"
sleep 0.3 # between the two connections
wget -T 10 -q -O /dev/null "$URL" &
wpid=$!
wait $wpid || fail "wget failed"
sleep 0.5
ptd_stop "$PTD_PID" || fail "ptcpdump exit status $?"
cat "$WORK/cap.err"

blocks "$WORK/cap.out" >"$WORK/all"
# each client's connection, by its own source port in its SYN
for c in curl wget; do
	eval "pid=\$${c:0:1}pid"
	port=$(awk -F'\t' '$2 ~ /^10\.210\.1\.1\.[0-9]+ > 10\.210\.1\.2\.8080: Flags \[S\],/ {print $2}' "$WORK/all" |
		sed 's/^10\.210\.1\.1\.\([0-9]*\) .*/\1/' | sed -n "$([ $c = curl ] && echo 1 || echo 2)p")
	[ -n "$port" ] || { cat "$WORK/cap.out"; fail "$c: no SYN captured"; }
	grep -F -e "10.210.1.1.$port > " -e "> 10.210.1.1.$port:" "$WORK/all" >"$WORK/$c"
	n_out=$(grep -c " Out IP .*	10\.210\.1\.1\.$port > " "$WORK/$c")
	n_in=$(grep -c " In IP .*	10\.210\.1\.2\.8080 > 10\.210\.1\.1\.$port:" "$WORK/$c")
	echo "$c pid $pid, port $port: $n_out packets out, $n_in in"
	[ "$n_out" -ge 4 ] && [ "$n_in" -ge 4 ] || problem "$c: too few packets ($n_out out, $n_in in)"
	grep -q 'Flags \[S\.\]' "$WORK/$c" || problem "$c: no SYN-ACK"
	grep -q 'Flags \[F\.\]' "$WORK/$c" || problem "$c: no FIN"
	if [ $c = curl ]; then
		args="curl -s -o /dev/null --max-time 10 $URL"
	else
		args="wget -T 10 -q -O /dev/null $URL"
	fi
	grep "	10\.210\.1\.1\.$port > " "$WORK/$c" >"$WORK/$c.out"
	grep "	10\.210\.1\.2\.8080 > " "$WORK/$c" >"$WORK/$c.in"
	expect_owner "$WORK/$c.out" "$c, client -> server" "$pid" "/usr/bin/$c" "$args"
	expect_owner "$WORK/$c.in" "$c, server -> client" "$pid" "/usr/bin/$c" "$args"
done
[ ${#PROBLEMS[@]} -eq 0 ] || fail "${#PROBLEMS[@]} problem(s), see above"
