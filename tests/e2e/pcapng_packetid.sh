#!/usr/bin/env bash
# Issue 6, acceptance 6: one packet seen on several interfaces carries one
# packet id.  A container's SYN to the external host crosses its veth, the
# bridge docker0 and uplink0 (where MASQUERADE rewrites its source): the
# three copies carry the same epb_packetid in the pcapng (tshark
# frame.packet_id) and the same `Packet (id N)` line in the -v text; the
# SYN-ACK back (before and after de-NAT) carries another one.
set -euo pipefail
. "$(dirname "$0")/../lib/env.sh"
need_root
need_cmd docker tshark
ptd_test_init
ptd_env_up
ptd_workdir
route_is_ours "$PTD_EXT_ADDR" || fail "route to $PTD_EXT_ADDR is not ours"

F=$PTD_WORK/F.pcapng
# -l: the FIN line is awaited below (without it, 4 KiB at a time)
ptd_cap_start live -i any -v -l --print -w "$F" "host $PTD_EXT_ADDR and tcp port 80"
# other tests may be running: find our container's packets by its address
cid=$(docker_run -d "" sh -c "sleep 1; wget -T 10 $PTD_EXT_ADDR -O /dev/null") || fail "docker run (wget) failed"
cip=$("$PTD_DOCKER" inspect -f '{{.NetworkSettings.IPAddress}}' "$cid" 2>/dev/null) || true
[[ $cip =~ ^172\.17\.[0-9]+\.[0-9]+$ ]] || fail "no address for container $cid: '$cip'"
gone() { ! "$PTD_DOCKER" container inspect "$1" >/dev/null 2>&1; }
wait_until 30 gone "$cid" || fail "container still running after 30s"
wait_for_file_match "$PTD_WORK/live.out" "^ *$PTD_EXT_ADDR\\.80 > $cip\\.[0-9]+: Flags \\[F" 10 ||
    { cat "$PTD_WORK/live.out"; fail "no complete HTTP exchange of $cip captured"; }
sleep 0.5
ptd_cap_stop "$PTD_CAP_PID" || fail "ptcpdump exit status $?"

# --- pcapng: tshark's view ------------------------------------------------------
tshark -r "$F" -Y 'tcp.flags.syn == 1' -T fields -e frame.interface_name \
    -e frame.packet_id -e tcp.flags.ack -e ip.src -e ip.dst >"$PTD_WORK/ids" 2>"$PTD_WORK/ids.err" ||
    fail "tshark failed: $(cat "$PTD_WORK/ids.err")"
# the SYN and SYN-ACK of our container on docker0 (before NAT: its own address)
id_of() { # ACKFLAG SRC DST
    awk -F'\t' -v a="$1" -v s="$2" -v d="$3" '$1 == "docker0" && ($3 == a) && $4 == s && $5 == d { print $2 }' "$PTD_WORK/ids"
}
syn_id=$(id_of 0 "$cip" "$PTD_EXT_ADDR")
synack_id=$(id_of 1 "$PTD_EXT_ADDR" "$cip")
check_hops() { # ID WHAT
    local id=$1 what=$2 ifs
    [ "$(printf '%s\n' "$id" | wc -l)" -eq 1 ] || fail "$what: several SYNs of $cip on docker0: $id"
    [[ $id =~ ^[0-9]+$ ]] && [ "$id" -gt 0 ] || { cat "$PTD_WORK/ids"; fail "$what: no epb_packetid on docker0 (frame.packet_id '$id')"; }
    awk -F'\t' -v i="$id" '$2 == i' "$PTD_WORK/ids"
    ifs=$(awk -F'\t' -v i="$id" '$2 == i { print $1 }' "$PTD_WORK/ids" | sed 's/^veth.*/veth/' | sort | tr '\n' ' ')
    [ "$ifs" = "docker0 uplink0 veth " ] || fail "$what: packet id $id is on '$ifs', want the veth, docker0 and uplink0"
}
check_hops "$syn_id" SYN
check_hops "$synack_id" SYN-ACK
[ "$syn_id" != "$synack_id" ] || fail "SYN and SYN-ACK share packet id $syn_id"
echo "ok: pcapng: the SYN carries packet id $syn_id on all three hops, the SYN-ACK $synack_id"

# --- -v text (live, and read back) -----------------------------------------------
"$PTD_BIN" -v -r "$F" >"$PTD_WORK/read.out" 2>"$PTD_WORK/read.err" || fail "ptcpdump -v -r failed: $(cat "$PTD_WORK/read.err")"
for out in live read; do
    ptd_blocks "$PTD_WORK/$out.out" >"$PTD_WORK/$out.blocks"
    for pair in "S:$syn_id" "S.:$synack_id"; do
        flags=${pair%%:*} id=${pair#*:}
        n=$(grep -F "Flags [$flags]," "$PTD_WORK/$out.blocks" | grep -c " | Packet (id $id)\( |\|$\)" || true)
        [ "$n" -eq 3 ] || {
            grep -F "Flags [$flags]," "$PTD_WORK/$out.blocks"
            fail "$out: $n packets with Flags [$flags] show 'Packet (id $id)', want 3"
        }
    done
done
echo "ok: -v text: 'Packet (id $syn_id)' on the three SYNs, 'Packet (id $synack_id)' on the SYN-ACKs, live and from the file"
