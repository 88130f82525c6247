# A private containerd for tests that must stop, restart or fill one: its
# own socket, root and state under $WORK/ctrd, CRI disabled, namespace
# $PC_NS.  Source after core.sh; pc_up starts it, pc_down (in the test's
# EXIT trap) removes its tasks, containers, mounts and cgroups and stops it.
PC=$WORK/ctrd
PC_NS=ptdpc$$
PC_PID=
pc_ctr() { ctr --address "$PC/ctrd.sock" -n "$PC_NS" "$@"; }

# pc_start: (re)starts the daemon on the existing config.
pc_start() {
	containerd --config "$PC/config.toml" >>"$PC/log" 2>&1 </dev/null &
	PC_PID=$!
	for _ in $(seq 100); do ctr --address "$PC/ctrd.sock" version >/dev/null 2>&1 && return 0; sleep 0.1; done
	fail "private containerd did not start: $(tail -5 "$PC/log")"
}

# pc_up: writes the config and starts the daemon.
pc_up() {
	mkdir -p "$PC"
	printf '%s\n' 'version = 2' "root = \"$PC/root\"" "state = \"$PC/state\"" \
		'disabled_plugins = ["io.containerd.grpc.v1.cri"]' \
		'[grpc]' "  address = \"$PC/ctrd.sock\"" \
		'[ttrpc]' "  address = \"$PC/ctrd.sock.ttrpc\"" \
		'[debug]' '  address = ""' '[metrics]' '  address = ""' >"$PC/config.toml"
	pc_start
}

# pc_stop: stops the daemon (our PID only), leaving its state.
pc_stop() {
	[ -n "$PC_PID" ] || return 0
	kill -TERM "$PC_PID" 2>/dev/null
	for _ in $(seq 100); do kill -0 "$PC_PID" 2>/dev/null || break; sleep 0.1; done
	kill -KILL "$PC_PID" 2>/dev/null
	wait "$PC_PID" 2>/dev/null
	PC_PID=
}

pc_down() {
	local id m
	if [ -n "$PC_PID" ]; then
		for id in $(pc_ctr tasks ls -q 2>/dev/null); do
			pc_ctr tasks kill -s KILL "$id" >/dev/null 2>&1
			for _ in $(seq 50); do pc_ctr tasks ls 2>/dev/null | grep -q "^$id .*RUNNING" || break; sleep 0.1; done
			pc_ctr tasks delete -f "$id" >/dev/null 2>&1
		done
		for id in $(pc_ctr containers ls -q 2>/dev/null); do pc_ctr containers delete "$id" >/dev/null 2>&1; done
		ctr --address "$PC/ctrd.sock" namespaces remove "$PC_NS" >/dev/null 2>&1
		pc_stop
	fi
	for m in $(awk -v d="$PC/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r); do umount -l "$m"; done
	rmdir /sys/fs/cgroup/*/"$PC_NS" /sys/fs/cgroup/"$PC_NS" 2>/dev/null
	rm -rf "$PC"
}
