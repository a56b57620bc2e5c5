#!/usr/bin/env python3
"""Integration test of examples/dask/dask_build.py: the sample corpus as JSONL (dated, some lines
without an id), built once with `actorgraph build` and once sharded over a Dask LocalCluster with 3
worker processes and `actorgraph merge`; every output file must be byte-identical.

Usage: dask_check.py --actorgraph BIN --source SOURCE_DIR --work DIR
Exit 0 on success, 1 with the differing files, 77 (ctest: skipped) when Dask is not installed and
CI is unset (with CI set, a missing Dask fails)."""
import argparse
import filecmp
import glob
import json
import os
import shutil
import subprocess
import sys

FORMATS = "graphml,gexf,dot,json,csv,html"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--actorgraph", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    try:
        import distributed  # noqa: F401  (Debian: python3-distributed)
    except ImportError:
        print("dask_check: python3-distributed is not installed (scripts/setup.sh installs it)")
        sys.exit(1 if os.environ.get("CI") else 77)

    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    corpus = os.path.join(args.work, "corpus.jsonl")
    articles = sorted(glob.glob(os.path.join(args.source, "examples", "articles", "*.txt")))
    with open(corpus, "w", encoding="utf-8") as out:
        for i, path in enumerate(articles):
            with open(path, encoding="utf-8") as f:
                doc = {"text": f.read(), "date": f"2021-{i % 12 + 1:02d}-15"}
            if i % 2 == 0:  # every other line has no id: the reader names it corpus:LINE
                doc["id"] = os.path.splitext(os.path.basename(path))[0]
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            if i == 1:
                out.write("\n")  # a blank line shifts the line numbers of the rest
    gazetteer = os.path.join(args.source, "gazetteer")
    single, sharded = os.path.join(args.work, "single"), os.path.join(args.work, "dask")
    subprocess.run([args.actorgraph, "build", "-q", "--threads", "2", "-g", gazetteer, "--format",
                    FORMATS, "-o", single, corpus], check=True)
    subprocess.run([sys.executable, os.path.join(args.source, "examples", "dask", "dask_build.py"),
                    "--actorgraph", args.actorgraph, "-g", gazetteer, "--workers", "3",
                    "--partitions", "4", "--format", FORMATS, "-o", sharded, corpus], check=True)
    names = sorted(os.listdir(single))
    problems = []
    if names != sorted(os.listdir(sharded)):
        problems.append(f"files differ: {names} vs {sorted(os.listdir(sharded))}")
    for name in names:
        b = os.path.join(sharded, name)
        if os.path.exists(b) and not filecmp.cmp(os.path.join(single, name), b, shallow=False):
            problems.append(f"{name}: the Dask build differs from one run")
    with open(os.path.join(single, "actors.json"), encoding="utf-8") as f:
        graph = json.load(f)
    if graph["graph"]["documents"] != len(articles) or not graph["edges"]:
        problems.append(f"unexpected single run: {graph['graph']['documents']} documents")
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"dask_check: {len(names)} files identical ({', '.join(names)})")


if __name__ == "__main__":
    main()
