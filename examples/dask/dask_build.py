#!/usr/bin/env python3
"""actorgraph's sharded build on a Dask cluster.

The driver reads JSONL corpora, cuts them into contiguous partitions, and a Dask cluster runs
`actorgraph build --format partial` on each partition in its worker processes; the driver collects
the partials and runs `actorgraph merge` over them in partition order, which gives the files one
`actorgraph build` over the whole corpus gives, byte for byte (see README, "merge").

    python3 examples/dask/dask_build.py news/*.jsonl -o output --format graphml,gexf,html
    python3 examples/dask/dask_build.py corpus.jsonl --workers 4 --partitions 32 --window paragraph
    python3 examples/dask/dask_build.py corpus.jsonl --scheduler tcp://scheduler:8786   # a cluster

Without --scheduler it starts a LocalCluster with --workers worker processes (one thread each).
On a real cluster every worker needs `actorgraph` on PATH (or --actorgraph) and the gazetteer.

Document ids: the reader names a JSONL line without an "id" FILE-STEM:LINE; the driver writes that
id into the line before partitioning, so every shard names documents as one run would.
Needs Debian's python3-distributed (Dask 2022.12 or later)."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile


def build_partial(index, lines, actorgraph, build_args):
    """Runs on a worker: one partition (JSONL lines) -> the text of its actors.partial.json."""
    with tempfile.TemporaryDirectory(prefix=f"actorgraph-shard-{index:06d}-") as d:
        corpus = os.path.join(d, "part.jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            f.writelines(line + "\n" for line in lines)
        out = os.path.join(d, "out")
        cmd = [actorgraph, "build", "-q", "--threads", "1", "--format", "partial", "-o", out]
        r = subprocess.run(cmd + build_args + [corpus], capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"partition {index}: actorgraph build failed: {r.stderr.strip()}")
        with open(os.path.join(out, "actors.partial.json"), encoding="utf-8") as f:
            return f.read()


def read_lines(paths):
    """Every non-blank JSONL line, in input order, with the reader's default id filled in."""
    lines = []
    for path in paths:
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    lines.append(line)  # the shard's reader reports (or, under --strict, stops at) it
                    continue
                if isinstance(obj, dict) and not obj.get("id"):
                    obj["id"] = f"{stem}:{number}"
                    line = json.dumps(obj, ensure_ascii=False)
                lines.append(line)
    return lines


def partitions(lines, count):
    """`count` contiguous, nearly equal partitions (none empty)."""
    count = max(1, min(count, len(lines)))
    size, extra = divmod(len(lines), count)
    parts, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        parts.append(lines[start:end])
        start = end
    return parts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="JSONL corpus files")
    ap.add_argument("-o", "--output", default="output")
    ap.add_argument("--format", default="graphml,dot", help="merge's --format")
    ap.add_argument("--workers", type=int, default=3, help="LocalCluster worker processes")
    ap.add_argument("--partitions", type=int, default=0, help="default: 4 per worker")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler")
    ap.add_argument("--actorgraph", default=shutil.which("actorgraph") or "actorgraph")
    ap.add_argument("-g", "--gazetteer", action="append", default=[])
    ap.add_argument("--window", help="sentence | paragraph | document")
    ap.add_argument("--max-evidence", type=int)
    ap.add_argument("--merge-arg", action="append", default=[],
                    help="extra merge option, e.g. --merge-arg=--top=50")
    args = ap.parse_args()

    from dask.distributed import Client, LocalCluster  # imported late: --help works without Dask

    actorgraph = os.path.abspath(args.actorgraph) if os.sep in args.actorgraph else args.actorgraph
    shared = [a for g in args.gazetteer for a in ("-g", os.path.abspath(g))]
    build_args = list(shared)
    if args.window:
        build_args += ["--window", args.window]
    if args.max_evidence is not None:
        build_args += ["--max-evidence", str(args.max_evidence)]
    lines = read_lines(args.inputs)
    if not lines:
        sys.exit("dask_build: the corpus has no documents")
    parts = partitions(lines, args.partitions or 4 * args.workers)

    if args.scheduler:
        cluster, client = None, Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(build_partial, range(len(parts)), parts, actorgraph=actorgraph,
                             build_args=build_args, pure=False)
        partials = client.gather(futures)  # in partition order, whichever worker ran them
        workers = len(client.scheduler_info()["workers"])
    finally:
        client.close()
        if cluster:
            cluster.close()

    with tempfile.TemporaryDirectory(prefix="actorgraph-partials-") as d:
        paths = []
        for i, text in enumerate(partials):
            paths.append(os.path.join(d, f"{i:06d}.json"))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(text)
        cmd = [actorgraph, "merge", "-q", "--format", args.format, "-o", args.output]
        r = subprocess.run(cmd + shared + args.merge_arg + paths)
        if r.returncode != 0:
            sys.exit(r.returncode)
    print(f"dask_build: {len(lines)} documents in {len(parts)} partitions on {workers} workers; "
          f"merged into {args.output}")


if __name__ == "__main__":
    main()
