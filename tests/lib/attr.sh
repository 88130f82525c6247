# Shared by the attr_* tests: -v output parsed in blocks, ownership
# checks, and cleanup of helper processes.  Source after core.sh.
# blocks FILE: one line per packet: HEADER<TAB>PROTOCOL TEXT<TAB>PROCESS
# where PROCESS is "pid N|cmd C|args A" or "-" when there is no Process line.
blocks() {
	awk '
	function out() { if (h != "") print h "\t" p "\t" pr }
	/^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]+ / { out(); h = $0; p = ""; pr = "-"; next }
	/^    Process \(pid [0-9]+, cmd .*, args .*\)$/ {
		s = substr($0, 18)
		pid = s; sub(/,.*/, "", pid)
		cmd = s; sub(/^[0-9]+, cmd /, "", cmd); sub(/, args .*/, "", cmd)
		args = s; sub(/^[0-9]+, cmd .*, args /, "", args); sub(/\)$/, "", args)
		pr = "pid " pid "|cmd " cmd "|args " args
		next
	}
	/^    Process / { pr = "unparsed " substr($0, 5); next }
	/^    (Thread|User|ParentProc|Container|Pod) \(/ { next }
	/^    / { sub(/^ +/, ""); p = p (p == "" ? "" : " ") $0; next }
	END { out() }' "$1"
}
PROBLEMS=()
problem() { echo "PROBLEM: $*" >&2; PROBLEMS+=("$*"); }
# expect_owner BLOCKS WHAT PID CMDS ARGS: every packet line of BLOCKS carries
# Process (pid PID, cmd C, args ARGS) with C one of the space-separated CMDS.
expect_owner() {
	local f=$1 what=$2 pid=$3 cmds=$4 args=$5 n bad
	n=$(grep -c . "$f")
	bad=$(awk -F'\t' -v pid="$pid" -v cmds=" $cmds " -v args="$args" '{
		split($3, a, "|")
		if (a[1] != "pid " pid || index(cmds, " " substr(a[2], 5) " ") == 0 || a[3] != "args " args)
			print "  " $1 " | " $2 " | process: " $3
	}' "$f")
	if [ -n "$bad" ]; then
		problem "$what: $(grep -c . <<<"$bad") of $n packets not attributed to pid $pid ($cmds, args $args), e.g.:
$(head -n 4 <<<"$bad" | cut -c1-400)"
		return 1
	fi
	ok "$what: all $n packets carry pid $pid, cmd $cmds, args $args"
}
# Helper processes (servers, loops) get SIGTERM at exit: background jobs of a
# script ignore the SIGINT that core_cleanup sends first.
ATTR_PIDS=()
attr_cleanup() {
	local p
	for p in "${ATTR_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
	for p in "${ATTR_PIDS[@]}"; do
		for _ in $(seq 30); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	core_cleanup
}
trap attr_cleanup EXIT
