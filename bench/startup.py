#!/usr/bin/env python3
"""bench/startup.py RUNS OUT.tsv NAME=CMD...  -- time from launch to ready / first captured probe.

For every run and every tool (alternating), start CMD, and from the moment of
launch send a UDP probe to PROBE_ADDR:5999 every millisecond.  Record
  ready_ms : when the "capturing on" / "listening on" line appears on stderr
  probe_ms : when the first packet line appears on stdout (CMD uses -c 1 and
             a filter that matches only the probes)
  exit_ms  : when the process has exited (after -c 1, or SIGINT at 10 s)
"""
import os, select, signal, socket, subprocess, sys, time

runs, out = int(sys.argv[1]), sys.argv[2]
tools = [a.split("=", 1) for a in sys.argv[3:]]
addr = os.environ.get("PROBE_ADDR", "10.220.0.2")
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
with open(out, "w") as f:
    f.write("tool\trun\tready_ms\tprobe_ms\texit_ms\n")
    for run in range(1, runs + 1):
        for name, cmd in tools:
            t0 = time.monotonic()
            p = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            ready = probe = None
            err = b""
            fds = {p.stdout.fileno(): "out", p.stderr.fileno(): "err"}
            last = 0.0
            while fds and time.monotonic() - t0 < 10:
                now = time.monotonic()
                if now - last >= 0.001:
                    try:
                        sock.sendto(b"ptcpdump-startup-probe", (addr, 5999))
                    except OSError:
                        pass
                    last = now
                r, _, _ = select.select(list(fds), [], [], 0.001)
                for fd in r:
                    d = os.read(fd, 65536)
                    if not d:
                        del fds[fd]
                        continue
                    if fds[fd] == "err":
                        err += d
                        if ready is None and (b"capturing on" in err or b"listening on" in err):
                            ready = time.monotonic() - t0
                    elif probe is None:
                        probe = time.monotonic() - t0
                if ready is not None and probe is not None:
                    break
            if p.poll() is None and probe is None:
                p.send_signal(signal.SIGINT)
            p.wait()
            ex = time.monotonic() - t0
            ms = lambda v: "-" if v is None else "%.1f" % (v * 1000)
            f.write("%s\t%d\t%s\t%s\t%s\n" % (name, run, ms(ready), ms(probe), ms(ex)))
            f.flush()
            print("startup %s #%d: ready %s ms, probe %s ms, exit %s ms" % (name, run, ms(ready), ms(probe), ms(ex)),
                  file=sys.stderr)
            if probe is None:
                print(err.decode(errors="replace"), file=sys.stderr)
            time.sleep(0.2)
