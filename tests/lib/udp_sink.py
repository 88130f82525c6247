#!/usr/bin/env python3
"""A UDP sink on ADDR:PORT (ADDR 127.0.0.1 unless given) for the flood and
attribution tests: a bound socket, so that the senders get no ICMP
unreachables.  Prints "ready" once bound.  Usage: udp_sink.py PORT [ADDR]"""
import signal
import socket
import sys

signal.signal(signal.SIGINT, signal.SIG_DFL)  # background jobs ignore SIGINT
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1", int(sys.argv[1])))
print("ready", flush=True)
while True:
    s.recv(65536)
