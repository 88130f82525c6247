#!/usr/bin/env bash
# Issue 6, acceptance 4: rotation.
#  -C 1kb -W 3 under ~100 KB of UDP on lo leaves exactly 3 files (F0..F2),
#  each readable by tcpdump -r;
#  -G 1 over ~3.5 s of traffic makes at least 3 files, named by the strftime
#  pattern, each readable.
#  -C 1kb -z gzip: every file that rotation closed is gzipped (as tcpdump
#  runs the command: "gzip FILE"), the one open at the end is not, and
#  together they hold every packet captured.
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v socat >/dev/null || skip "no socat"
command -v tcpdump >/dev/null || skip "no tcpdump"

PORT=47041
payload=$(head -c 1000 /dev/zero | tr '\0' x)

readable() { # FILE: tcpdump -r reads it without warnings; prints its packet count
    local f=$1
    tcpdump -nn -r "$f" >"$WORK/td.out" 2>"$WORK/td.err" || fail "tcpdump -r $f: $(cat "$WORK/td.err")"
    grep -v '^reading from file ' "$WORK/td.err" | grep -q . && fail "tcpdump -r $f warns: $(cat "$WORK/td.err")"
    wc -l <"$WORK/td.out"
}

# --- -C 1kb -W 3 --------------------------------------------------------------
mkdir "$WORK/c"
ptd_start c -i lo -C 1kb -W 3 -w "$WORK/c/F.pcapng" "udp port $PORT"
for i in $(seq 100); do
    echo "$payload" | socat -u - UDP:127.0.0.1:$PORT 2>/dev/null
done
sleep 0.5
ptd_stop "$PTD_PID" || fail "ptcpdump -C exit status $?"
ls -l "$WORK/c"
n=$(find "$WORK/c" -type f | wc -l)
[ "$n" -eq 3 ] || fail "-C 1kb -W 3 left $n files: $(ls "$WORK/c" | tr '\n' ' ')"
for f in F.pcapng0 F.pcapng1 F.pcapng2; do
    [ -f "$WORK/c/$f" ] || fail "no file $f (have: $(ls "$WORK/c" | tr '\n' ' '))"
    size=$(stat -c %s "$WORK/c/$f")
    # a file is closed once it is over 1 KiB: at most the blocks up to that point plus one packet
    [ "$size" -lt 4096 ] || fail "$f is $size bytes, far over -C 1kb"
    np=$(readable "$WORK/c/$f")
    [ "$np" -ge 1 ] || fail "$f has no packets"
done
grep -q '^100 packets captured' "$WORK/c.err" || fail "expected 100 packets: $(cat "$WORK/c.err")"
ok "-C 1kb -W 3: exactly 3 files, each readable"

# --- -G 1 ----------------------------------------------------------------------
mkdir "$WORK/g"
ptd_start g -i lo -G 1 -w "$WORK/g/g-%H%M%S.pcapng" "udp port $PORT"
end=$((SECONDS + 4))
while [ $SECONDS -lt $end ]; do
    echo "tick" | socat -u - UDP:127.0.0.1:$PORT 2>/dev/null
    sleep 0.1
done
sleep 0.3
ptd_stop "$PTD_PID" || fail "ptcpdump -G exit status $?"
ls -l "$WORK/g"
n=$(find "$WORK/g" -type f | wc -l)
[ "$n" -ge 3 ] || fail "-G 1 over ~4 s made only $n files"
total=0
for f in "$WORK"/g/*; do
    [[ $(basename "$f") =~ ^g-[0-9]{6}\.pcapng$ ]] || fail "file name $(basename "$f") does not follow g-%H%M%S.pcapng"
    np=$(readable "$f")
    total=$((total + np))
done
captured=$(sed -n 's/^\([0-9]*\) packets captured$/\1/p' "$WORK/g.err")
[ "$total" -eq "$captured" ] || fail "files hold $total packets, ptcpdump captured $captured"
ok "-G 1: $n files named by the pattern, each readable, $total packets in all"

# --- -C 1kb -z gzip ----------------------------------------------------------------
command -v gzip >/dev/null || skip "no gzip"
mkdir "$WORK/z"
ptd_start z -i lo -C 1kb -z gzip -w "$WORK/z/Z.pcapng" "udp port $PORT"
for i in $(seq 20); do
    echo "$payload" | socat -u - UDP:127.0.0.1:$PORT 2>/dev/null
done
sleep 0.5
ptd_stop "$PTD_PID" || fail "ptcpdump -z exit status $?"
# the commands are not waited for: give gzip time to finish
unzipped() { find "$WORK/z" -name 'Z.pcapng*' ! -name '*.gz' | wc -l; }
for _ in $(seq 100); do [ "$(unzipped)" -eq 1 ] && break; sleep 0.1; done
[ "$(unzipped)" -eq 1 ] ||
    fail "-z gzip: not every closed file was compressed: $(ls "$WORK/z" | tr '\n' ' ')"
ls -l "$WORK/z"
ngz=$(find "$WORK/z" -name '*.gz' | wc -l)
[ "$ngz" -ge 3 ] || fail "-z gzip: only $ngz compressed files"
last=$(find "$WORK/z" -name 'Z.pcapng*' ! -name '*.gz')
total=$(readable "$last")
for g in "$WORK"/z/*.gz; do
    gzip -dc "$g" >"$WORK/unz.pcapng" || fail "$g is not a whole gzip file"
    np=$(readable "$WORK/unz.pcapng")
    total=$((total + np))
done
captured=$(sed -n 's/^\([0-9]*\) packets captured$/\1/p' "$WORK/z.err")
[ "$total" -eq "$captured" ] || fail "-z gzip: files hold $total packets, ptcpdump captured $captured"
grep -q -- '-z' "$WORK/z.err" && fail "-z gzip: ptcpdump reported an error: $(cat "$WORK/z.err")"
ok "-C 1kb -z gzip: $ngz closed files gzipped, the last one left as is, $total packets in all"
