#!/usr/bin/env bash
# Issue 4: a packet names the thread that sent it, not the one that opened
# the socket.  One connected UDP socket, opened before the capture starts,
# is used in turn by two threads and then by a forked child.  On the
# receiver's side of the veth (another namespace, so found by flow), and
# on the sender's own device when outgoing packets are taken at the device
# queue (no expression), every datagram, the first of each sender
# included, carries its sender's pid, tid and thread name.
set -u
. "$(dirname "$0")/../lib/core.sh"
. "$(dirname "$0")/../lib/attr.sh"

PY=/usr/bin/python3 # not a pyenv shim: $! is python itself
NS=ptd-athr
netns_pair $NS ptdv-athr 10.210.7.1 10.210.7.2
ip route get 10.210.7.2 | grep -q 'dev ptdv-athr' || fail "10.210.7.2 not routed via ptdv-athr"
cat >"$WORK/senders.py" <<'PYEOF'
import ctypes, os, socket, sys, threading, time
host, port, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
libc = ctypes.CDLL(None)
def set_name(n):
    libc.prctl(15, n.encode(), 0, 0, 0)   # PR_SET_NAME: the thread's comm
def send(size):
    for _ in range(5):
        s.send(b"x" * size)
        time.sleep(0.02)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.connect((host, port))
open(work + "/opened", "w").write("%d\n" % os.getpid())
while not os.path.exists(work + "/go"):
    time.sleep(0.05)
ids = []
for name, size in (("ptd-send-a", 11), ("ptd-send-b", 22)):
    def run(name=name, size=size):
        set_name(name)
        ids.append("%d %d %d %s" % (size, os.getpid(), threading.get_native_id(), name))
        send(size)
    t = threading.Thread(target=run)
    t.start()
    t.join()
child = os.fork()
if child == 0:
    set_name("ptd-send-child")
    send(33)
    os._exit(0)
os.waitpid(child, 0)
ids.append("33 %d %d ptd-send-child" % (child, child))
open(work + "/ids", "w").write("\n".join(ids) + "\n")
PYEOF
# The neighbour is resolved first: a datagram that waits for ARP leaves
# from the softirq that handles the reply, where the sender cannot be told;
# a socket opened before the capture would have no owner for it yet.
ping -c 1 -W 1 10.210.7.2 >/dev/null || fail "10.210.7.2 does not answer"
ip netns exec $NS $PY "$ROOT/tests/lib/udp_sink.py" 9100 10.210.7.2 >"$WORK/sink.out" 2>&1 &
ATTR_PIDS+=($!)
for _ in $(seq 50); do grep -q ready "$WORK/sink.out" && break; sleep 0.1; done
$PY "$WORK/senders.py" 10.210.7.2 9100 "$WORK" &
spid=$!
ATTR_PIDS+=($spid)
for _ in $(seq 50); do [ -s "$WORK/opened" ] && break; sleep 0.1; done
[ -s "$WORK/opened" ] || fail "the sender did not open its socket"
ok "UDP socket opened and connected before the capture (pid $spid)"

ptd_start cap --netns $NS -i eth0 -v 'udp and dst host 10.210.7.2 and dst port 9100'
rpid=$PTD_PID
ptd_start own -i ptdv-athr -v
touch "$WORK/go"
wait $spid || fail "the senders failed"
sleep 0.5
ptd_stop "$PTD_PID" || fail "ptcpdump (sender's device) exit status $?"
ptd_stop "$rpid" || fail "ptcpdump (receiver's side) exit status $?"
cat "$WORK/cap.err" "$WORK/own.err"
cat "$WORK/ids"
[ -s "$WORK/ids" ] || problem "the senders wrote no ids"

# check CAPTURE WHERE: every sender's 5 datagrams with its own ids
check() {
	local size pid tid name n bad
	# one line per datagram: LENGTH PID TID THREADNAME (- when a line is missing)
	awk '
function out() { if (len != "") print len, pid, tid, tname }
/^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]+ / { out(); len = ""; pid = tid = tname = "-"; next }
/^    [0-9.]+ > 10\.210\.7\.2\.9100: UDP, length / { len = $NF; next }
/^    Process \(pid / { pid = $3; sub(/,/, "", pid); next }
/^    Thread \(tid / { tid = $3; sub(/,/, "", tid); tname = $5; sub(/\)$/, "", tname); next }
END { out() }' "$WORK/$1.out" >"$WORK/$1.got"
	cat "$WORK/$1.got"
	while read -r size pid tid name; do
		n=$(awk -v s="$size" '$1 == s' "$WORK/$1.got" | grep -c .)
		[ "$n" -eq 5 ] || { problem "$2: $name: $n of 5 datagrams of $size bytes captured"; continue; }
		bad=$(awk -v s="$size" -v want="$pid $tid $name" '$1 == s && $2 " " $3 " " $4 != want' "$WORK/$1.got")
		if [ -n "$bad" ]; then
			problem "$2: $name: datagrams not attributed to pid $pid tid $tid ($name):
$bad"
		else
			ok "$2: $name: all 5 datagrams carry pid $pid, tid $tid, thread name $name"
		fi
	done <"$WORK/ids"
}
check cap "receiver's side"
check own "sender's own device"
[ ${#PROBLEMS[@]} -eq 0 ] || fail "${#PROBLEMS[@]} problem(s), see above"
