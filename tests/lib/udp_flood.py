#!/usr/bin/env python3
"""udp_flood.py PORT SECS [PAYLOAD_BYTES [PAUSE_S]]: UDP datagrams to
127.0.0.1:PORT for SECS seconds, in bursts of 100 with PAUSE_S between
them (0: as fast as it can).  Prints the number of datagrams sent."""
import socket
import sys
import time

port, secs = int(sys.argv[1]), float(sys.argv[2])
payload = b"x" * (int(sys.argv[3]) if len(sys.argv) > 3 else 200)
pause = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
end = time.time() + secs
n = 0
while time.time() < end:
    for _ in range(100):
        try:
            s.sendto(payload, ("127.0.0.1", port))
            n += 1
        except OSError:
            pass
    if pause:
        time.sleep(pause)
print(n)
