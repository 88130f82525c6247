#!/usr/bin/env bash
# Starts containerd and dockerd when they are not running (CI machines do
# not start them).  Logs go to /tmp/ptd-daemons/.
set -eu
mkdir -p /tmp/ptd-daemons
if [ ! -S /run/containerd/containerd.sock ] || ! ctr version >/dev/null 2>&1; then
	setsid containerd >/tmp/ptd-daemons/containerd.log 2>&1 < /dev/null &
	for _ in $(seq 100); do ctr version >/dev/null 2>&1 && break; sleep 0.1; done
fi
if ! docker info >/dev/null 2>&1; then
	setsid dockerd --containerd=/run/containerd/containerd.sock \
		>/tmp/ptd-daemons/dockerd.log 2>&1 < /dev/null &
	for _ in $(seq 200); do docker info >/dev/null 2>&1 && break; sleep 0.1; done
fi
ctr version >/dev/null 2>&1 || echo "warning: containerd did not start" >&2
docker info >/dev/null 2>&1 || echo "warning: dockerd did not start" >&2
exit 0
