#!/usr/bin/env bash
# Issue 6, acceptance 3: a pcapng in the Go ptcpdump's comment format (made
# here by a small python3 script: SHB, IDBs with if_name, EPBs with
# opt_comment options using the Go keys, including the aliases TID, Command
# and ParentCommand) reads back with `ptcpdump -v -r` showing every
# annotation line: Process, Thread, User, ParentProc, Container, Pod.
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v python3 >/dev/null || skip "no python3"

F=$WORK/go.pcapng
CID=d9028334a1f7c5e2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081920
python3 - "$F" "$CID" <<'PY' || fail "python3 could not write the file"
import struct, sys
path, cid = sys.argv[1], sys.argv[2]

def pad(b):
    return b + b"\0" * (-len(b) % 4)

def opt(code, val):
    return struct.pack("<HH", code, len(val)) + pad(val)

def block(btype, body):
    n = 12 + len(body)
    return struct.pack("<II", btype, n) + body + struct.pack("<I", n)

def csum(b):
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

def frame(src, dst, sport, dport, seq, flags, ipid, ack=0):
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 64240, 0, 0)
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), ipid, 0x4000, 64, 6, 0,
                     bytes(src), bytes(dst))
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    ph = bytes(src) + bytes(dst) + struct.pack("!BBH", 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack("!H", csum(ph + tcp)) + tcp[18:]
    eth = bytes.fromhex("020000000002" "020000000001") + b"\x08\x00"
    return eth + ip + tcp

def epb(ifid, ts, data, flags, comments):
    body = struct.pack("<IIIII", ifid, ts >> 32, ts & 0xffffffff, len(data), len(data)) + pad(data)
    opts = opt(2, struct.pack("<I", flags))
    for c in comments:
        opts += opt(1, c.encode())
    return block(6, body + opts + opt(0, b""))

shb = block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)
            + opt(2, b"x86_64") + opt(3, b"Linux 6.18") + opt(4, b"ptcpdump 0.37 (Go)") + opt(0, b""))
idb0 = block(1, struct.pack("<HHI", 1, 0, 262144) + opt(2, b"eth0") + opt(9, b"\x09")
             + opt(1, b"ifIndex: 2, netNsInode: 4026531840, netNsPath: /proc/1/ns/net") + opt(0, b""))
idb1 = block(1, struct.pack("<HHI", 1, 0, 262144) + opt(2, b"veth1234") + opt(0, b""))  # microseconds

c, s = [10, 0, 0, 2], [198, 51, 100, 10]
go_groups = [
    "PID: 99722\nCommand: /usr/bin/curl\nArgs: curl http://198.51.100.10",
    "TID: 99723\nThreadName: curl",
    "UserId: 1000\nGroupId: 1000",
    "ParentPID: 18840\nParentCommand: /usr/bin/bash\nParentArgs: -bash",
    "ContainerName: test\nContainerId: %s\nContainerImage: docker.io/library/alpine:3.18\nContainerLabels: {\"k\":\"v\"}" % cid,
    "PodName: mypod\nPodNamespace: myns\nPodUID: 9e4bc54b-0000-4000-8000-000000000001\nPodLabels: {\"run\":\"test\"}\nPodAnnotations: {}",
]
# packet 2: all in one comment, canonical keys
one = "\n".join([
    "PID: 4242", "Cmd: /usr/bin/wget", "Args: wget -T 10 198.51.100.10",
    "ThreadId: 4243", "ThreadName: wget", "UserId: 0",
    "ParentPID: 4200", "ParentCmd: /bin/sh", "ParentArgs: sh",
    "ContainerName: other", "ContainerId: " + "ab" * 32, "ContainerImage: img:1", "ContainerLabels: {}",
    "PodName: p2", "PodNamespace: default", "PodUID: u2", "PodLabels: {}", "PodAnnotations: {\"a\":\"b\"}",
])
t0 = 1700000000 * 10**9 + 123456789
out = shb + idb0 + idb1
out += epb(0, t0, frame(c, s, 42606, 80, 1000, 0x02, 1), 2, go_groups)
out += epb(1, (t0 + 1000000) // 1000, frame(s, c, 80, 42606, 5000, 0x12, 2), 1, [one])
out += epb(0, t0 + 2000000, frame(c, s, 42606, 80, 1001, 0x10, 3, 5001), 2, [])
open(path, "wb").write(out)
PY

"$PTCPDUMP" -v -r "$F" >"$WORK/r.out" 2>"$WORK/r.err" || fail "ptcpdump -v -r failed: $(cat "$WORK/r.err")"
cat "$WORK/r.out"
expect() { # LINE: must appear as a whole line
    grep -qxF -- "$1" "$WORK/r.out" || fail "missing line: $1"
}
grep -q '^[0-9:.]* eth0 Out IP (tos 0x0, ttl 64, id 1, offset 0, flags \[DF\], proto TCP (6), length 40)$' "$WORK/r.out" ||
    fail "no eth0 Out header line for packet 1"
expect "    Process (pid 99722, cmd /usr/bin/curl, args curl http://198.51.100.10)"
expect "    Thread (tid 99723, name curl)"
expect "    User (uid 1000)"
expect "    ParentProc (pid 18840, cmd /usr/bin/bash, args -bash)"
expect "    Container (name test, id $CID, image docker.io/library/alpine:3.18, labels {\"k\":\"v\"})"
expect "    Pod (name mypod, namespace myns, UID 9e4bc54b-0000-4000-8000-000000000001, labels {\"run\":\"test\"}, annotations {})"
ok "Go aliases (TID, Command, ParentCommand) and one group per comment"
grep -q '^[0-9:.]* veth1234 In IP ' "$WORK/r.out" || fail "no veth1234 In header line for packet 2"
expect "    Process (pid 4242, cmd /usr/bin/wget, args wget -T 10 198.51.100.10)"
expect "    Thread (tid 4243, name wget)"
expect "    User (uid 0)"
expect "    ParentProc (pid 4200, cmd /bin/sh, args sh)"
expect "    Container (name other, id $(printf 'ab%.0s' $(seq 32)), image img:1, labels {})"
expect "    Pod (name p2, namespace default, UID u2, labels {}, annotations {\"a\":\"b\"})"
ok "all groups in one comment"
[ "$(grep -c '^[0-9]' "$WORK/r.out")" -eq 3 ] || fail "expected 3 packets"
[ "$(grep -c '^    Process' "$WORK/r.out")" -eq 2 ] || fail "packet 3 (no comments) must have no Process line"
# timestamps: nanosecond IDB and microsecond IDB
"$PTCPDUMP" -tt -r "$F" >"$WORK/tt.out" 2>/dev/null || fail "ptcpdump -tt -r failed"
head -n 2 "$WORK/tt.out" | cut -d' ' -f1 | tr '\n' ' ' | grep -q '^1700000000.123456 1700000000.124456 $' ||
    fail "timestamps wrong: $(cut -d' ' -f1 "$WORK/tt.out" | tr '\n' ' ')"
ok "if_tsresol 9 and the default microseconds both read"
# the short form names the same contexts, as the Go tool does: the thread
# first, then the parent, container and pod; packet 3 has none
sed -n 1p "$WORK/tt.out" | grep -qE ' eth0 curl\.99722 Out IP .*, length 0, Thread \[curl\.99723\], ParentProc \[bash\.18840\], Container \[test\], Pod \[mypod\.myns\]$' ||
    fail "short form of packet 1: $(sed -n 1p "$WORK/tt.out")"
sed -n 2p "$WORK/tt.out" | grep -qE ' veth1234 wget\.4242 In IP .*, Thread \[wget\.4243\], ParentProc \[sh\.4200\], Container \[other\], Pod \[p2\.default\]$' ||
    fail "short form of packet 2: $(sed -n 2p "$WORK/tt.out")"
sed -n 3p "$WORK/tt.out" | grep -qE ' eth0 Out IP .*, length 0$' || fail "short form of packet 3: $(sed -n 3p "$WORK/tt.out")"
"$PTCPDUMP" -r "$F" --context=process,parentproc >"$WORK/ctx.out" 2>/dev/null || fail "ptcpdump --context -r failed"
sed -n 1p "$WORK/ctx.out" | grep -qE ', length 0, ParentProc \[bash\.18840\]$' ||
    fail "--context=process,parentproc: $(sed -n 1p "$WORK/ctx.out")"
# repeated, --context adds up, as the Go tool's string slice does
"$PTCPDUMP" -r "$F" --context process --context parentproc >"$WORK/ctx2.out" 2>/dev/null || fail "ptcpdump --context x2 -r failed"
cmp -s "$WORK/ctx.out" "$WORK/ctx2.out" || fail "--context process --context parentproc: $(sed -n 1p "$WORK/ctx2.out")"
ok "short form: Thread, ParentProc, Container and Pod, as --context selects"
if command -v tcpdump >/dev/null; then
    tcpdump -nn -r "$F" >"$WORK/td.out" 2>"$WORK/td.err" || fail "tcpdump cannot read the test file itself: $(cat "$WORK/td.err")"
fi
