#!/usr/bin/env bash
# Installs everything ptcpdump needs to build, run and test, on Debian 12.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends \
	make gcc clang llvm bpftool libbpf-dev libelf-dev zlib1g-dev libpcap-dev \
	libnghttp2-dev libprotobuf-c-dev protobuf-c-compiler libjson-c-dev libssl-dev \
	libcmocka-dev pkg-config ca-certificates openssl \
	iproute2 iptables nftables procps util-linux kmod \
	tcpdump tshark socat netcat-openbsd wget curl python3 dnsmasq-base bind9-dnsutils \
	iputils-ping iputils-arping ethtool time \
	containerd runc containernetworking-plugins docker.io \
	iperf3 hyperfine valgrind libclang-rt-14-dev
