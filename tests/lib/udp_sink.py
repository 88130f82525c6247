#!/usr/bin/env python3
"""A UDP sink on 127.0.0.1:PORT for the flood tests: a bound socket, so
that the flood gets no ICMP unreachables.  Prints "ready" once bound."""
import signal
import socket
import sys

signal.signal(signal.SIGINT, signal.SIG_DFL)  # background jobs ignore SIGINT
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
print("ready", flush=True)
while True:
    s.recv(65536)
