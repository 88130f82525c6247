#!/usr/bin/env python3
"""bench/summarize.py -- turn the raw TSVs of the bench scripts into markdown tables."""
import csv, statistics, sys


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def fmt(v, spec):
    return "–" if v is None else format(v, spec)


def flood(path):
    rows = list(csv.DictReader(open(path), delimiter="\t"))
    order, by = [], {}
    for r in rows:
        if r["config"] not in by:
            order.append(r["config"])
            by[r["config"]] = []
        by[r["config"]].append(r)
    res = {}
    for c in order:
        rs = by[c]
        pps = med([num(r["pps"]) for r in rs])
        capt = med([num(r["in_file"]) / num(r["expected"]) if num(r["in_file"]) is not None else None for r in rs])
        drop = med([num(r["dropped_sum"]) for r in rs])
        cpu = med([num(r["cpu_s"]) / (num(r["wire_pkts"]) / 1e6) if num(r["cpu_s"]) is not None else None for r in rs])
        cpuc = med([num(r["cpu_capture_s"]) / (num(r["wire_pkts"]) / 1e6) if num(r["cpu_s"]) is not None else None for r in rs])
        rss = med([num(r["rss_kb"]) / 1024 if num(r["rss_kb"]) is not None else None for r in rs])
        sent = med([num(r["sent_pkts"]) for r in rs])
        res[c] = dict(pps=pps, capt=capt, drop=drop, cpu=cpu, cpuc=cpuc, rss=rss, sent=sent, n=len(rs),
                      runs_capt=[(r["in_file"], r["expected"]) for r in rs])
    out = []
    out.append("| configuration | runs | flood rate (pps) | rate vs no capture (median of per-repetition ratios) | captured ÷ sent | dropped (summary) | CPU s / Mpkt (whole run) | CPU s / Mpkt (capture phase) | capture-phase CPU vs tcpdump | peak RSS (MiB) |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for c in order:
        r = res[c]
        base = res.get("none+1%" if ("filt" in c or c == "none+1%") else "none")
        ratio = r["pps"] / base["pps"] if base and base["pps"] else None
        td = res.get("tcpdump-filt" if "filt" in c else
                     "tcpdump-null" if c.endswith("-null") else "tcpdump")
        cpur = r["cpuc"] / td["cpuc"] if (td and r["cpuc"] is not None and td["cpuc"]) else None
        paired = _paired(path, c, "none+1%" if ("filt" in c or c == "none+1%") else "none")
        out.append("| %s | %d | %s | %s (%s) | %s | %s | %s | %s | %s | %s |" % (
            c, r["n"], fmt(r["pps"], ",.0f"), fmt(ratio, ".3f"), fmt(paired, ".3f"), fmt(r["capt"], ".4f"),
            fmt(r["drop"], ",.0f"), fmt(r["cpu"], ".2f"), fmt(r["cpuc"], ".2f"), fmt(cpur, ".2f"), fmt(r["rss"], ".1f")))
    # other sessions' packet sockets, tc and tracing programs at run start
    fk = next((k for k in rows[0] if k.startswith("foreign")), None) if rows else None
    busy = [r for r in rows if fk and any(x not in ("", "0") for x in r[fk].split("/"))]
    if fk:
        out.append("")
        out.append("Runs that started with another session's packet sockets / tc programs on the veth / "
                   "tracing BPF programs loaded (`%s` in flood.tsv): %d of %d." % (fk, len(busy), len(rows)))
    print("\n".join(out))


def startup(path):
    rows = list(csv.DictReader(open(path), delimiter="\t"))
    order, by = [], {}
    for r in rows:
        by.setdefault(r["tool"], []).append(r)
        if r["tool"] not in order:
            order.append(r["tool"])
    print("| tool | runs | to \"ready\" line, median (ms) | min–max (ms) | to first probe captured, median (ms) | min–max (ms) |")
    print("|---|---:|---:|---:|---:|---:|")
    for t in order:
        rs = by[t]
        a = [num(r["ready_ms"]) for r in rs if num(r["ready_ms"]) is not None]
        b = [num(r["probe_ms"]) for r in rs if num(r["probe_ms"]) is not None]
        print("| %s | %d | %s | %s | %s | %s |" % (
            t, len(rs), fmt(med(a), ".0f"), "%.0f–%.0f" % (min(a), max(a)) if a else "–",
            fmt(med(b), ".0f"), "%.0f–%.0f" % (min(b), max(b)) if b else "–"))




def _ratios(path, cfg, base):
    """cfg's rate / base's rate, per repetition."""
    rows = list(csv.DictReader(open(path), delimiter="\t"))
    b = {r["rep"]: num(r["pps"]) for r in rows if r["config"] == base}
    return [num(r["pps"]) / b[r["rep"]] for r in rows
            if r["config"] == cfg and b.get(r["rep"]) and num(r["pps"]) is not None]


def _paired(path, cfg, base):
    """Median over the repetitions of cfg's rate / base's rate in the same
    repetition: cancels drifts of the machine slower than one repetition."""
    return med(_ratios(path, cfg, base))


def _paired_interval(path, cfg, base, n=4000):
    """A 95 % bootstrap interval of _paired (repetitions resampled; fixed
    seed, so a re-render prints the same): how far the machine's noise
    leaves the median uncertain."""
    import random
    xs = _ratios(path, cfg, base)
    if len(xs) < 3:
        return None
    rnd = random.Random(7)
    ms = sorted(med([rnd.choice(xs) for _ in xs]) for _ in range(n))
    return ms[int(0.025 * n)], ms[int(0.975 * n) - 1]


def _flood_meds(path):
    rows = list(csv.DictReader(open(path), delimiter="\t"))
    by = {}
    for r in rows:
        by.setdefault(r["config"], []).append(r)
    m = {}
    for c, rs in by.items():
        m[c] = dict(
            pps=med([num(r["pps"]) for r in rs]),
            capt=med([num(r["in_file"]) / num(r["expected"]) if num(r["in_file"]) is not None else None for r in rs]),
            drop=med([num(r["dropped_sum"]) for r in rs]),
            cpuc=med([num(r["cpu_capture_s"]) / (num(r["wire_pkts"]) / 1e6) if num(r["cpu_s"]) is not None else None for r in rs]),
        )
    return m


def targets(outdir):
    import glob, json, os
    res = []
    def row(name, target, value, ok):
        res.append("| %s | %s | %s | %s |" % (name, target, value, "**met**" if ok else "**missed**"))
    f = os.path.join(outdir, "flood.tsv")
    if os.path.exists(f):
        m = _flood_meds(f)
        n, t, p = m.get("none"), m.get("tcpdump"), m.get("ptcpdump")
        if n and p:
            r = p["pps"] / n["pps"]
            tr = t["pps"] / n["pps"] if t else None
            pr, ptr = _paired(f, "ptcpdump", "none"), _paired(f, "tcpdump", "none")
            iv = _paired_interval(f, "ptcpdump", "none")
            fl = [(c, what) for c, what in (("floor-clock", "the hook and a clock read alone"),
                                            ("floor-record", "with one ring record per packet"))
                  if m.get(c)]
            floor = ("; the least any eBPF capture at this hook costs here (section 1): " +
                     ", ".join("%s (`%s`) %.3f × (%s ×)" % (what, c, m[c]["pps"] / n["pps"],
                                                           fmt(_paired(f, c, "none"), ".3f"))
                               for c, what in fl)
                     if fl else "")
            row("flood rate with `ptcpdump -i ptdb0 -w F.pcapng`", "≥ 0.95 × no capture (tcpdump ~0.87)",
                "%.3f × (tcpdump %.3f × in the same run); median of the per-repetition ratios "
                "%s × (tcpdump %s ×)%s%s" % (r, tr or float("nan"), fmt(pr, ".3f"), fmt(ptr, ".3f"),
                                            "; 95 %% bootstrap interval of that median %.3f–%.3f" % iv
                                            if iv else "", floor),
                r >= 0.95 and (pr is None or pr >= 0.95))
            row("captured ÷ sent, ptcpdump", "100 %", "%.2f %%" % (100 * p["capt"]), p["capt"] >= 0.99995)
            row("dropped, ptcpdump", "0", "%.0f" % p["drop"], p["drop"] == 0)
        if t and p and t["cpuc"]:
            r = p["cpuc"] / t["cpuc"]
            row("capture-process CPU per packet", "≤ 0.8 × tcpdump's",
                "%.2f × (%.2f vs %.2f CPU s / Mpkt)" % (r, p["cpuc"], t["cpuc"]), r <= 0.8)
    for j in sorted(glob.glob(os.path.join(outdir, "read-*.json"))):
        d = {r["command"]: r for r in json.load(open(j))["results"]}
        r = d["tcpdump"]["median"] / d["ptcpdump"]["median"]
        row("`-r` printing, %s" % os.path.basename(j)[5:-5], "≥ 1.0 × tcpdump's packets/s",
            "%.2f ×" % r, r >= 1.0)
    f = os.path.join(outdir, "startup.tsv")
    if os.path.exists(f):
        rows = list(csv.DictReader(open(f), delimiter="\t"))
        for tool in ("ptcpdump -i ptdb0", "ptcpdump -i any"):
            rd = [num(r["ready_ms"]) for r in rows if r["tool"] == tool and num(r["ready_ms"]) is not None]
            pr = [num(r["probe_ms"]) for r in rows if r["tool"] == tool and num(r["probe_ms"]) is not None]
            if rd:
                row("ready, `%s`" % tool, "≤ 300 ms", "%.0f ms to \"capturing on\", %.0f ms to first probe captured" %
                    (med(rd), med(pr) if pr else float("nan")), max(med(rd), med(pr) if pr else 0) <= 300)
    f = os.path.join(outdir, "containers", "rss.tsv")
    if os.path.exists(f):
        rows = list(csv.DictReader(open(f), delimiter="\t"))
        labels = sorted({r["label"] for r in rows}, key=lambda l: int(l.split("-")[0]))
        big = labels[-1]
        v = med([num(r["time_maxrss_kb"]) / 1024 for r in rows if r["label"] == big])
        for iface in ("any", "ptdb0"):
            sf = os.path.join(outdir, "containers", "startup-%s.tsv" % big)
            if os.path.exists(sf):
                su = [r for r in csv.DictReader(open(sf), delimiter="\t") if ("-i %s " % iface) in r["tool"]]
                rd = med([num(r["ready_ms"]) for r in su])
                pr = med([num(r["probe_ms"]) for r in su])
                if rd is not None:
                    row("ready, `ptcpdump -i %s` with %s running" % (iface, big.replace("-", " ")), "≤ 300 ms",
                        "%.0f ms to \"capturing on\", %s ms to first probe captured" % (rd, fmt(pr, ".0f")),
                        max(rd, pr or 0) <= 300)
        row("peak RSS, `ptcpdump -i any` with %s running" % big.replace("-", " "), "≤ 64 MiB", "%.1f MiB" % v, v <= 64)
    print("| target | wanted | measured | |")
    print("|---|---|---|---|")
    print("\n".join(res))


if __name__ == "__main__":
    {"flood": flood, "startup": startup, "targets": targets}[sys.argv[1]](sys.argv[2])
