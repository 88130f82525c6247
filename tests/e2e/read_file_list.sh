#!/usr/bin/env bash
# -V FILE: read the capture files named in FILE, one after another, as
# tcpdump does: the same text (files of different link types included), -c
# and --count across the files, tcpdump's errors for a list that cannot be
# opened, an empty list and -V with -r, and a missing file partway through
# the list stops the read with exit 1 but keeps what was written before it.
set -u
. "$(dirname "$0")/../lib/core.sh"
command -v tcpdump >/dev/null || skip "no tcpdump"

C=$ROOT/tests/golden/captures
for f in arp.pcap sll.pcap icmpng.pcapng; do
	[ -r "$C/$f" ] || fail "missing $C/$f"
done
printf '%s\n' "$C/arp.pcap" "$C/sll.pcap" "$C/icmpng.pcapng" "$C/arp.pcap" >"$WORK/list"

# the text is each file's, one after another, as tcpdump's -V gives it; the
# files' own text is checked against tcpdump by the golden suite (ptcpdump
# also names a pcapng packet's interface, so the two differ there)
tcpdump -nn -V "$WORK/list" >"$WORK/td.txt" 2>/dev/null || fail "tcpdump -V failed"
"$PTCPDUMP" -nn -V "$WORK/list" >"$WORK/pt.txt" 2>"$WORK/pt.err" || fail "ptcpdump -V failed: $(cat "$WORK/pt.err")"
: >"$WORK/td-each.txt"
: >"$WORK/pt-each.txt"
while IFS= read -r f; do
	tcpdump -nn -r "$f" >>"$WORK/td-each.txt" 2>/dev/null
	"$PTCPDUMP" -nn -r "$f" >>"$WORK/pt-each.txt" 2>/dev/null
done <"$WORK/list"
n=$(wc -l <"$WORK/td.txt")
[ "$n" -gt 10 ] || fail "tcpdump printed only $n lines"
cmp -s "$WORK/td.txt" "$WORK/td-each.txt" || fail "the oracle: tcpdump -V is not its -r of each file"
cmp -s "$WORK/pt.txt" "$WORK/pt-each.txt" ||
	fail "-V text is not the files' text in order: $(diff "$WORK/pt-each.txt" "$WORK/pt.txt" | head -5)"
[ "$(wc -l <"$WORK/pt.txt")" -eq "$n" ] || fail "-V printed $(wc -l <"$WORK/pt.txt") lines, tcpdump $n"
ok "-V of 4 files (pcap, Linux cooked, pcapng): the $n lines of each file in order, as tcpdump"

# -c counts in each file on its own (tcpdump 4.99 gives each file its own
# pcap_loop): 7 + 7 + 7 + 7 here
tcpdump -nn -V "$WORK/list" -c 7 >"$WORK/td7.txt" 2>/dev/null
"$PTCPDUMP" -nn -V "$WORK/list" -c 7 >"$WORK/pt7.txt" 2>/dev/null
want=$(wc -l <"$WORK/td7.txt")
got=$(wc -l <"$WORK/pt7.txt")
[ "$got" -eq "$want" ] && [ "$want" -eq 28 ] || fail "-c 7: $got lines, tcpdump $want"
while IFS= read -r f; do "$PTCPDUMP" -nn -r "$f" -c 7 2>/dev/null; done <"$WORK/list" >"$WORK/pt7-each.txt"
cmp -s "$WORK/pt7.txt" "$WORK/pt7-each.txt" || fail "-c 7: not the first 7 packets of each file: $(diff "$WORK/pt7-each.txt" "$WORK/pt7.txt" | head -4)"
ok "-c 7 counts each file's packets, as tcpdump's -V: $got lines"
for c in "" "-c 7"; do
	want=$(tcpdump -V "$WORK/list" --count $c 2>/dev/null)
	got=$("$PTCPDUMP" -V "$WORK/list" --count $c 2>/dev/null)
	[ "$got" = "$want" ] || fail "--count $c: '$got', tcpdump '$want'"
	ok "--count $c: $got"
done

# -w: every file's packets in one pcapng, each with its own link type (which
# tcpdump refuses to write and libpcap cannot read back: tshark can)
"$PTCPDUMP" -V "$WORK/list" -w "$WORK/all.pcapng" 2>"$WORK/w.err" || fail "-V -w: $(cat "$WORK/w.err")"
if command -v tshark >/dev/null; then
	got=$(tshark -r "$WORK/all.pcapng" 2>/dev/null | wc -l)
	[ "$got" -eq "$n" ] || fail "-V -w: tshark reads $got packets, $n expected"
	types=$(tshark -r "$WORK/all.pcapng" -T fields -e frame.encap_type 2>/dev/null | sort -u | wc -l)
	[ "$types" -eq 2 ] || fail "-V -w: $types link types, 2 expected"
	ok "-V -w: tshark reads the $got packets, with their 2 link types"
else
	echo "skipped: -V -w read back (no tshark)"
fi

# errors, word for word as tcpdump's
same_err() {
	local want got rc
	timeout 10 tcpdump "$@" >/dev/null 2>"$WORK/e.td" </dev/null
	want=$(grep -av '^reading from' "$WORK/e.td" | head -1 | sed 's/^tcpdump: /ptcpdump: /')
	timeout 10 "$PTCPDUMP" "$@" >/dev/null 2>"$WORK/e.pt" </dev/null
	rc=$?
	got=$(cat "$WORK/e.pt")
	[ "$rc" -eq 1 ] || fail "ptcpdump $*: exit $rc ($got)"
	[ "$got" = "$want" ] || fail "ptcpdump $*: '$got', tcpdump: '$want'"
	ok "$*: $got"
}
: >"$WORK/empty"
same_err -V "$WORK/nosuchlist"
same_err -V "$WORK/empty"
same_err -V "$WORK/list" -r "$C/arp.pcap"

# a missing file partway: exit 1 with its name, the first file kept
printf '%s\n' "$C/arp.pcap" "$WORK/nosuch.pcap" "$C/arp.pcap" >"$WORK/bad"
"$PTCPDUMP" -V "$WORK/bad" -w "$WORK/part.pcap" 2>"$WORK/bad.err"
rc=$?
[ "$rc" -eq 1 ] || fail "missing file in the list: exit $rc"
grep -qx "ptcpdump: $WORK/nosuch.pcap: No such file or directory" "$WORK/bad.err" ||
	fail "missing file in the list: $(cat "$WORK/bad.err")"
want=$(tcpdump -nn -r "$C/arp.pcap" 2>/dev/null | wc -l)
got=$(tcpdump -nn -r "$WORK/part.pcap" 2>/dev/null | wc -l)
[ "$got" -eq "$want" ] || fail "missing file in the list: $got packets kept, $want expected"
ok "a missing file in the list: exit 1, its message, the $got packets before it kept"

# stderr: tcpdump's "reading from file" line for each file, and its
# warning about interface names for a first file of Linux cooked v2 only
[ -r "$C/sll2.pcap" ] || fail "missing $C/sll2.pcap"
printf '%s\n' "$C/sll2.pcap" "$C/arp.pcap" "$C/sll2.pcap" "$C/icmpng.pcapng" >"$WORK/list2"
want=$(tcpdump -nn -V "$WORK/list2" 2>&1 >/dev/null)
got=$("$PTCPDUMP" -nn -V "$WORK/list2" 2>&1 >/dev/null)
[ "$(grep -c '^reading from file' <<<"$want")" -eq 4 ] || fail "the oracle: tcpdump said: $want"
[ "$got" = "$want" ] || fail "stderr of -V: $(diff <(echo "$want") <(echo "$got") | head -6)"
ok "stderr of -V: tcpdump's $(grep -c . <<<"$got") lines"
