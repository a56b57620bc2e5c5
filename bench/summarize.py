#!/usr/bin/env python3
"""Summary table for bench/run.sh: reads bench/results/ and checks the targets of issues #6 and #16.

  summarize.py RESULTS_DIR DATA_DIR ALIAS_SOURCE
"""
import json
import os
import re
import sys

res, data, alias_source = sys.argv[1:4]
MB = 1e6


def hf(name):
    """hyperfine results -> {command name: (mean s, stddev s, min s)}."""
    path = os.path.join(res, name)
    if not os.path.exists(path):
        return {}
    out = {}
    for r in json.load(open(path))["results"]:
        out[r["command"]] = (r["mean"], r.get("stddev") or 0.0, r["min"])
    return out


def timev(name):
    """/usr/bin/time -v -> (elapsed s, peak RSS MiB) or None."""
    path = os.path.join(res, f"mem_{name}.txt")
    if not os.path.exists(path):
        return None
    text = open(path).read()
    m = re.search(r"Elapsed \(wall clock\) time.*?: (?:(\d+):)?(\d+):([\d.]+)", text)
    el = (int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))) if m else float("nan")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return el, rss


def size(f):
    p = os.path.join(data, f)
    return os.path.getsize(p) if os.path.exists(p) else 0


e2e = hf("e2e_100M.json")
st = {**hf("startup.json"), **hf("startup_1M.json")}
s100, s10, s1g = size("corpus_100M.jsonl"), size("corpus_10M.jsonl"), size("corpus_1G.jsonl")
rows = []


def row(what, secs, nbytes=None, mem=None, note=""):
    mbps = f"{nbytes / MB / secs[0]:.1f}" if nbytes and secs else ""
    t = f"{secs[0]:.3f} ± {secs[1]:.3f}" if secs else ""
    rows.append((what, t, mbps, f"{mem:.0f}" if mem else "", note))


def rss(name):
    t = timev(name)
    return t[1] if t else None


print(f"corpus: {s100 / MB:.1f} MB JSONL ({alias_source}); hyperfine means ± stddev\n")
row("rg -oF -f aliases.txt", e2e.get("rg"), s100, rss("rg"))
row("grep -oF -f aliases.txt (LC_ALL=C)", e2e.get("grep"), s100, rss("grep"))
row("actorgraph build --threads 1", e2e.get("ag_t1"), s100, rss("ag_t1_100M"))
row("actorgraph build --threads 2", e2e.get("ag_t2"), s100, rss("ag_t2_100M"))
row("actorgraph --threads 1, 100k aliases", e2e.get("ag_t1_gaz100k"), s100)
row("actorgraph --threads 1, 10 MB slice", e2e.get("ag_t1_10M"), s10)
py = timev("python_10M")
if py:
    row("naive_baseline.py, 10 MB slice (1 run)", (py[0], 0.0), s10, py[1])
for k, label in (("startup_shipped", "start-up, shipped gazetteer, 2 docs"),
                 ("startup_gaz100k", "start-up, 100k aliases, 2 docs"),
                 ("startup_gaz1M", "start-up, 1M aliases, 2 docs")):
    row(label, st.get(k), None, rss("ag_gaz1M_tiny") if k == "startup_gaz1M" else None)
for name, label in (("ag_t1_1G", "actorgraph --threads 1, 1 GB (1 run)"),
                    ("ag_t2_1G", "actorgraph --threads 2, 1 GB (1 run)")):
    t = timev(name)
    if t:
        row(label, (t[0], 0.0), s1g, t[1])

w = [max(len(r[i]) for r in rows + [("what", "seconds", "MB/s", "peak RSS MiB", "")]) for i in range(4)]
hdr = ("what", "seconds", "MB/s", "peak RSS MiB")
print("  ".join(h.ljust(w[i]) for i, h in enumerate(hdr)))
for r in rows:
    print("  ".join(r[i].ljust(w[i]) for i in range(4)))

print("\ntargets:")


def target(label, ok, detail):
    status = "n/a " if ok is None else ("MET " if ok else "MISS")
    print(f"  [{status}] {label}: {detail}")


t1, t2, rg = e2e.get("ag_t1"), e2e.get("ag_t2"), e2e.get("rg")
if t1 and rg:
    target("1 thread <= rg -oF (issue 16)", t1[0] <= rg[0], f"{t1[0] / rg[0]:.2f}x rg")
if t1 and e2e.get("grep"):
    print(f"         (vs grep -oF: {t1[0] / e2e['grep'][0]:.2f}x grep)")
if t1 and py and e2e.get("ag_t1_10M"):
    scaled = py[0] * s100 / s10
    target(">= 200x faster than naive Python", scaled / t1[0] >= 200,
           f"{scaled / t1[0]:.1f}x (Python {py[0]:.1f} s on 10 MB scaled x{s100 / s10:.2f} to "
           f"{scaled:.0f} s vs {t1[0]:.2f} s); same 10 MB slice: {py[0] / e2e['ag_t1_10M'][0]:.1f}x")
if t1 and t2:
    target("2 threads >= 1.85x 1 thread", t1[0] / t2[0] >= 1.85, f"{t1[0] / t2[0]:.2f}x")
if st.get("startup_gaz1M"):
    extra = ""
    p = os.path.join(res, "gaz_compile_1M.txt")
    if os.path.exists(p):
        f = dict(zip(*[iter(open(p).read().split())] * 2))
        # bench/gaz_compile is a separate program, linked with glibc's malloc (the tool links
        # tcmalloc), so its two stages need not add up to the end-to-end time.
        extra = (f"; bench/gaz_compile (glibc malloc): load {float(f['load_s']):.2f} s + matcher "
                 f"compile {float(f['compile_s']):.2f} s, {int(f['forms']):,} forms")
    target("1M-alias gazetteer ready < 3 s (issue 16)", st["startup_gaz1M"][0] < 3,
           f"{st['startup_gaz1M'][0]:.2f} s end to end on 2 documents{extra}")
g = e2e.get("ag_t1_gaz100k")
if t1 and g:
    loss = 1 - t1[0] / g[0]
    net = ""
    if st.get("startup_shipped") and st.get("startup_gaz100k"):
        a = t1[0] - st["startup_shipped"][0]
        b = g[0] - st["startup_gaz100k"][0]
        net = f"; excluding start-up ({st['startup_gaz100k'][0]:.2f} s vs {st['startup_shipped'][0]:.2f} s): {(1 - a / b) * 100:.1f}% loss"
    target("100k aliases cost <= 20% throughput", loss <= 0.20, f"{loss * 100:.1f}% loss end to end{net}")
m100, m1g = rss("ag_t1_100M"), rss("ag_t1_1G")
if m100 and m1g:
    target("peak memory 1 GB <= 1.15x 100 MB (1 thread)", m1g <= 1.15 * m100,
           f"{m1g:.1f} MiB vs {m100:.1f} MiB = {m1g / m100:.2f}x")
    m2a, m2b = rss("ag_t2_100M"), rss("ag_t2_1G")
    if m2a and m2b:
        target("peak memory 1 GB <= 1.15x 100 MB (2 threads)", m2b <= 1.15 * m2a,
               f"{m2b:.1f} MiB vs {m2a:.1f} MiB = {m2b / m2a:.2f}x")
else:
    target("peak memory 1 GB <= 1.15x 100 MB", None, "run bench/run.sh --full")
p = os.path.join(res, "identical.txt")
if os.path.exists(p):
    text = open(p).read().strip().splitlines()
    ok = bool(text) and text[-1].startswith("identical")
    target("outputs byte-identical to the baseline build", ok, text[-1] if text else "no result")

p = os.path.join(res, "micro_bench.json")
if os.path.exists(p):
    print("\nmicro-benchmarks (sample articles, MB/s of original text, 1 thread):")
    for b in json.load(open(p))["benchmarks"]:
        bps = b.get("bytes_per_second")
        val = f"{bps / MB:.1f} MB/s" if bps else f"{b['real_time']:.2f} {b['time_unit']}"
        print(f"  {b['name']:<32} {val}")
