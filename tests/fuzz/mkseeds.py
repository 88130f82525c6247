#!/usr/bin/env python3
"""Regenerate the seed corpora in tests/fuzz/corpus/ from the golden
captures (tests/golden/captures/) and the examples of the unit tests.

Seeds are kept small (a few packets each) so the harnesses run fast.
Usage: tests/fuzz/mkseeds.py   (rewrites corpus/*/ seed-* files)
"""
import glob
import hashlib
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
CAPS = os.path.join(HERE, "..", "golden", "captures")
OUT = os.path.join(HERE, "corpus")
MAXPKT = 4          # packets per seed
MAXCAP = 1600       # bytes kept of a packet in seeds

# must match DLTS[] in fuzz_dissect.c
DISSECT_DLTS = [1, 12, 113, 276, 0, 228, 229, 14, 108, 101, 147, 105, 127,
                9, 50, 51, 104, 239, 8, 15, 7, 129, 226, 242, 271, 11, 19, 123,
                281, 282, 284, 285, 107, 182,
                130, 131, 132, 133, 134, 135, 136, 137, 164, 167, 168, 178, 179, 180, 181,
                258, 149, 195, 230, 283]
LINKTYPE_TO_DLT = {101: 12, 1: 1, 113: 113, 276: 276, 0: 0, 228: 228, 229: 229,
                   108: 108, 105: 105, 127: 127, 9: 9, 50: 50, 51: 51, 104: 104,
                   239: 239, 8: 8, 102: 15, 7: 7, 129: 129, 226: 226, 242: 242,
                   271: 271, 100: 11, 106: 19, 123: 123, 281: 281, 282: 282,
                   284: 284, 285: 285, 107: 107, 182: 182,
                   130: 130, 131: 131, 132: 132, 133: 133, 134: 134, 135: 135,
                   136: 136, 137: 137, 164: 164, 167: 167, 168: 168, 178: 178,
                   179: 179, 180: 180, 181: 181,
                   258: 258, 149: 149,
                   195: 195, 230: 230, 283: 283}


def put(name, tag, data):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    h = hashlib.sha1(data).hexdigest()[:10]
    with open(os.path.join(d, "seed-%s-%s" % (tag, h)), "wb") as f:
        f.write(data)


def read_pcap(path):
    b = open(path, "rb").read()
    magic = struct.unpack("<I", b[:4])[0]
    e = "<" if magic in (0xa1b2c3d4, 0xa1b23c4d) else ">"
    _, _, _, _, _, snap, lt = struct.unpack(e + "IHHiIII", b[:24])
    off, pkts = 24, []
    while off + 16 <= len(b):
        ts, tu, cl, ln = struct.unpack(e + "IIII", b[off:off + 16])
        pkts.append((ts, tu, b[off + 16:off + 16 + cl], ln))
        off += 16 + cl
    return lt, snap, pkts


def pcap_file(lt, pkts, magic=0xa1b2c3d4, e="<", kuz=False, snap=262144):
    out = struct.pack(e + "IHHiIII", magic, 2, 4, 0, 0, snap, lt)
    for ts, tu, data, ln in pkts:
        out += struct.pack(e + "IIII", ts, tu, len(data), ln)
        if kuz:
            out += struct.pack(e + "IHBB", 1, 2, 0, 0)
        out += data
    return out


def opt(e, code, val):
    pad = (-len(val)) % 4
    return struct.pack(e + "HH", code, len(val)) + val + b"\0" * pad


def block(e, btype, body):
    n = 12 + len(body)
    return struct.pack(e + "II", btype, n) + body + struct.pack(e + "I", n)


def ng_file(lt, pkts, e="<", sections=1, comments=True, spb=False, nano=False):
    out = b""
    for s in range(sections):
        out += block(e, 0x0A0D0D0A, struct.pack(e + "IHHq", 0x1A2B3C4D, 1, 0, -1) +
                     opt(e, 4, b"Linux 6.8") + opt(e, 0, b""))
        iopts = opt(e, 2, b"eth%d" % s) + (opt(e, 9, b"\x09") if nano else b"") + opt(e, 0, b"")
        out += block(e, 1, struct.pack(e + "HHI", lt, 0, 262144) + iopts)
        out += block(e, 1, struct.pack(e + "HHI", lt, 0, 0) + opt(e, 2, b"lo") + opt(e, 0, b""))
        for i, (ts, tu, data, ln) in enumerate(pkts):
            t = ts * (10**9 if nano else 10**6) + tu
            if spb and i == 1:
                out += block(e, 3, struct.pack(e + "I", ln) + data + b"\0" * ((-len(data)) % 4))
                continue
            o = opt(e, 2, struct.pack(e + "I", 1 + (i & 1)))            # epb_flags
            if comments:
                o += opt(e, 1, b"PID: 99722\nCmd: /usr/bin/curl\nArgs: curl http://198.51.100.10")
                o += opt(e, 1, b"ThreadId: 99722\nThreadName: curl")
                if i & 1:
                    o += opt(e, 1, b"ContainerName: web\nContainerId: 78f1713c7d0f\n"
                             b"ContainerImage: alpine:3.18\nContainerLabels: {\"a\":\"1\"}")
                    o += opt(e, 1, b"PodName: p\nPodNamespace: ns\nPodUID: u\n"
                             b"PodLabels: {}\nPodAnnotations: {}")
                else:
                    o += opt(e, 1, b"UserId: 1000")
                    o += opt(e, 1, b"ParentPID: 18840\nParentCmd: /usr/bin/bash\nParentArgs: -bash")
                    o += opt(e, 1, b"DropReason: SKB_DROP_REASON_NOT_SPECIFIED\nDropLocation: kfree_skb+0x10")
                o += opt(e, 8, struct.pack(e + "II", 4242, 4243))      # processid_threadid
                o += opt(e, 5, struct.pack(e + "Q", 42 + i))            # packetid
                o += opt(e, 4, struct.pack(e + "Q", 0))                 # dropcount
                o += opt(e, 3, b"\x02" + bytes(4))                     # hash
            o += opt(e, 0, b"")
            body = struct.pack(e + "IIIII", i & 1, t >> 32, t & 0xffffffff, len(data), ln)
            body += data + b"\0" * ((-len(data)) % 4) + o
            out += block(e, 6, body)
    return out


def dissect_input(dlt, flags, flags2, pkts, delta=0):
    out = bytes([DISSECT_DLTS.index(dlt), flags, flags2])
    for _, _, data, ln in pkts:
        data = data[:MAXCAP]
        out += bytes([delta]) + struct.pack("<H", len(data)) + data
    return out


def main():
    for f in glob.glob(os.path.join(OUT, "*", "seed-*")):
        os.remove(f)
    flagsets = [(0, 0), (1, 0), (2 | 4, 0), (8, 0), (16 | 1, 0), (32, 0), (64, 0),
                (128, 0), (0, 1), (0, 2), (4 | 2 | 64, 2), (1, 16), (2, 16 | 1),
                (1, 5 << 5), (0, 6 << 5), (1, 7 << 5)]
    for path in sorted(glob.glob(os.path.join(CAPS, "*.pcap"))):
        tag = os.path.basename(path)[:-5]
        lt, snap, pkts = read_pcap(path)
        small = [(a, b, d[:MAXCAP], ln) for a, b, d, ln in pkts]
        windows = [small[i:i + MAXPKT] for i in range(0, min(len(small), 3 * MAXPKT), MAXPKT)]
        # pcap: native, plus nano / big-endian / Kuznetzov variants of the first window
        for w in windows:
            put("pcap", tag, pcap_file(lt, w, snap=snap))
        w = windows[0]
        put("pcap", tag + "-nano", pcap_file(lt, [(a, b * 1000, d, ln) for a, b, d, ln in w],
                                             magic=0xa1b23c4d))
        put("pcap", tag + "-be", pcap_file(lt, w, e=">"))
        put("pcap", tag + "-kuz", pcap_file(lt, w, magic=0xa1b2cd34, kuz=True))
        # pcapng from the same packets
        put("pcapng", tag, ng_file(lt, w))
        put("pcapng", tag + "-be", ng_file(lt, w, e=">", spb=True))
        put("pcapng", tag + "-2sec", ng_file(lt, w[:2], sections=2, comments=False, nano=True))
        # dissect
        dlt = LINKTYPE_TO_DLT.get(lt)
        if dlt is None:
            continue
        for k, (f1, f2) in enumerate(flagsets):
            ws = windows[k % len(windows)]
            put("dissect", "%s-%d" % (tag, k), dissect_input(dlt, f1, f2, ws, delta=(k * 7) % 3))
        put("dissect", tag + "-trunc", dissect_input(dlt, 1, 0, [(0, 0, d[:40], ln) for _, _, d, ln in windows[0]], 0x40))
    for path in sorted(glob.glob(os.path.join(CAPS, "*.pcapng"))):
        b = open(path, "rb").read()
        put("pcapng", os.path.basename(path)[:-7], b[:3000])

    # meta codec: 17 header bytes, then NUL-separated comments
    comments = [
        b"PID: 99722\nCmd: /usr/bin/curl\nArgs: curl http://198.51.100.10",
        b"ThreadId: 99722\nThreadName: curl",
        b"UserId: 1000",
        b"ParentPID: 18840\nParentCmd: /usr/bin/bash\nParentArgs: -bash",
        b"ContainerName: n\nContainerId: id\nContainerImage: img\nContainerLabels: {}",
        b"PodName: p\nPodNamespace: ns\nPodUID: u\nPodLabels: {}\nPodAnnotations: {}",
        b"DropReason: r\nDropLocation: loc",
        b"PacketId: 42",
        b"TID: 5\nCommand: /bin/sh\nParentCommand: init\nArgs: a\nb\nc",
    ]
    hdr = struct.pack("<BIIQ", 3, 4242, 4243, 7)
    put("meta_codec", "all", hdr + b"\0".join(comments))
    for i, c in enumerate(comments):
        put("meta_codec", "c%d" % i, struct.pack("<BIIQ", i & 7, i, i, i) + c)
    put("meta_codec", "none", hdr + b"hello world\0Unknown: x")

    # containerd: selector byte (0 event, 1 get, 2 list, 3 tasks, 4 frames)
    def fld(n, v):
        return bytes([n << 3 | 2]) + varint(len(v)) + v

    def fvar(n, v):
        return bytes([n << 3]) + varint(v)

    def varint(v):
        o = b""
        while True:
            b = v & 0x7f
            v >>= 7
            if v:
                o += bytes([b | 0x80])
            else:
                return o + bytes([b])

    def env(ns, topic, tname, payload):
        return fld(2, ns) + fld(3, topic) + fld(4, fld(1, b"containerd.events." + tname) + fld(2, payload))

    lab = fld(1, b"nerdctl/name") + fld(2, b"web")
    events = [
        env(b"moby", b"/tasks/start", b"TaskStart", fld(1, b"abc") + fvar(2, 42)),
        env(b"default", b"/containers/create", b"ContainerCreate", fld(1, b"c1") + fld(2, b"docker.io/library/alpine:3.18")),
        env(b"default", b"/containers/update", b"ContainerUpdate", fld(1, b"c1") + fld(2, b"img") + fld(3, lab) + fld(3, fld(1, b"a") + fld(2, b"b"))),
        env(b"default", b"/containers/delete", b"ContainerDelete", fld(1, b"c1")),
        env(b"k8s.io", b"/tasks/create", b"TaskCreate", fld(1, b"c2") + fvar(6, 99)),
        env(b"default", b"/tasks/exit", b"TaskExit", fld(1, b"c1") + fld(2, b"c1") + fvar(3, 7)),
        env(b"default", b"/tasks/delete", b"TaskDelete", fld(1, b"c1") + fvar(2, 7) + fld(5, b"c1")),
    ]
    for i, ev in enumerate(events):
        put("containerd", "ev%d" % i, b"\0" + ev)
    ct = lambda cid: fld(1, cid) + fld(2, lab) + fld(2, fld(1, b"z") + fld(2, b"")) + fld(3, b"im")
    put("containerd", "get", b"\1" + fld(1, ct(b"c3")))
    put("containerd", "list", b"\2" + fld(1, ct(b"c1")) + fld(1, fld(1, b"c2")))
    put("containerd", "tasks", b"\3" + fld(1, fld(2, b"c1") + fvar(3, 77) + fvar(4, 2)) +
        fld(1, fld(1, b"c2") + fvar(3, 5) + fvar(4, 3)))
    put("containerd", "frames", b"\4" + b"".join(b"\0" + struct.pack(">I", len(e)) + e for e in events[:3]))

    # docker: selector byte (0 inspect, 1 list, 2 event, 3 chunked), piece size byte
    id64 = "78f1713c7d0f329f35b4c1ab5ef189d47a1c16e40fdff3317943b4fb3b0f2890"
    insp = {"Id": id64, "Name": "/web-1", "State": {"Running": True, "Pid": 4242},
            "Config": {"Image": "localhost/wget:e2e", "Labels": {"b": "2", "a": "1"}}}
    put("docker", "inspect", b"\0\0" + json.dumps(insp).encode())
    put("docker", "inspect-stopped", b"\0\0" + b'{"Id":"abc","Name":"/x","State":{"Running":false,"Pid":0},'
        b'"Config":{"Image":"i","Labels":null}}')
    put("docker", "list", b"\1\0" + json.dumps([
        {"Id": id64, "Names": ["/a"], "Image": "img", "Labels": {"k": "v"}, "State": "running"},
        {"Id": "b", "Names": ["/b"], "Image": "i2", "State": "exited"}, {"Names": []}]).encode())
    put("docker", "event", b"\2\0" + json.dumps({
        "status": "create", "id": id64, "from": "localhost/wget:e2e", "Type": "container",
        "Action": "create", "Actor": {"ID": id64, "Attributes": {"image": "localhost/wget:e2e",
                                                                  "name": "web-1", "x": "y"}},
        "scope": "local", "time": 1, "timeNano": 1}).encode())
    put("docker", "event-net", b"\2\0" + b'{"Type":"network","Action":"connect","Actor":{"ID":"n"}}')
    put("docker", "chunked", b"\3\0" + b"5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n")
    put("docker", "chunked-json", b"\3\x05" + b"1a\r\n" + b'{"Id":"abc","Name":"/x"}xx' + b"\r\n0\r\n\r\n")


if __name__ == "__main__":
    main()
