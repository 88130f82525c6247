#!/usr/bin/env bash
# `ptcpdump -r IN -w OUT` rewrites every packet with its own link type, as
# `tcpdump -r IN -w OUT` does: for each golden capture (Ethernet, Linux
# cooked v1/v2, raw IP, BSD loopback, PPP, Cisco HDLC, NFLOG, pcapng...),
# real tcpdump prints the same text for OUT, pcap and pcapng, as for IN, and
# reports the same link type and snapshot length.
# Before, every packet that could not be given an Ethernet header was left
# out silently (a cooked or PPP capture became an empty file), and raw IP
# came back with a made-up Ethernet header.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_cmd tcpdump
ptd_test_init
ptd_workdir
export TZ=UTC
CAPS=$(cd "$(dirname "$0")/../golden/captures" && pwd)
n=0
for in in "$CAPS"/*.pcap "$CAPS"/*.pcapng; do
    b=$(basename "$in")
    tcpdump -nn -r "$in" >"$PTD_WORK/want" 2>"$PTD_WORK/whead" || continue
    for ext in pcapng pcap; do
        out=$PTD_WORK/out.$ext
        "$PTD_BIN" -r "$in" -w "$out" 2>"$PTD_WORK/err" ||
            fail "$b -> .$ext: ptcpdump failed: $(cat "$PTD_WORK/err")"
        # tcpdump's "reading from file" line, and nothing else
        [ "$(cat "$PTD_WORK/err")" = "$(cat "$PTD_WORK/whead")" ] ||
            fail "$b -> .$ext: stderr '$(cat "$PTD_WORK/err")', tcpdump's '$(cat "$PTD_WORK/whead")'"
        tcpdump -nn -r "$out" >"$PTD_WORK/got" 2>"$PTD_WORK/terr" ||
            fail "$b -> .$ext: tcpdump cannot read it: $(cat "$PTD_WORK/terr")"
        # the same link type and snapshot length
        [ "$(sed 's/^reading from file [^,]*, //' "$PTD_WORK/terr")" = \
          "$(sed 's/^reading from file [^,]*, //' "$PTD_WORK/whead")" ] ||
            fail "$b -> .$ext: '$(cat "$PTD_WORK/terr")', was '$(cat "$PTD_WORK/whead")'"
        if ! cmp -s "$PTD_WORK/want" "$PTD_WORK/got"; then
            diff "$PTD_WORK/want" "$PTD_WORK/got" | head -n 6 >&2
            fail "$b -> .$ext: tcpdump -r prints other text than for the original"
        fi
        [ -s "$PTD_WORK/got" ] || fail "$b -> .$ext: no packets"
    done
    n=$((n + 1))
done
[ "$n" -ge 50 ] || fail "only $n captures compared"
echo "ok: $n captures rewritten to pcapng and pcap read back by tcpdump as the originals"

# with an expression, the rewrite keeps exactly what it selects
in=$CAPS/sll2.pcap
tcpdump -nn -r "$in" icmp >"$PTD_WORK/want" 2>/dev/null
[ -s "$PTD_WORK/want" ] || fail "sll2.pcap has no ICMP to select"
"$PTD_BIN" -r "$in" -w "$PTD_WORK/f.pcapng" icmp 2>/dev/null
tcpdump -nn -r "$PTD_WORK/f.pcapng" >"$PTD_WORK/got" 2>/dev/null
cmp -s "$PTD_WORK/want" "$PTD_WORK/got" || fail "filtered rewrite of sll2.pcap differs"
echo "ok: a filtered rewrite of a cooked capture keeps its $(wc -l <"$PTD_WORK/got") ICMP packets"
