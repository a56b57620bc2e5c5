#!/usr/bin/env python3
"""Runs every `actorgraph` command line printed in README.md, so the README cannot drift from the tool.

Every line of a ```sh block whose first command is `actorgraph` (or that pipes into one:
`cat article.txt | actorgraph build -`) is run through bash (`set -o pipefail`), in README order,
in one fresh temporary folder, with the built tool first on PATH and ACTORGRAPH_GAZETTEER /
ACTORGRAPH_DATA set to the repository's data laid out as an install is. Lines ending in `\\` are
joined with the next; heredoc bodies (scripts written by `cat > x <<'SH'`) are not commands.

The README's placeholders (corpus/, news.jsonl, my_actors.json, ...) are made from the sample corpus
(examples/articles/*.txt) by FIXTURES below, the one table of them: a README command that names a
file without a fixture fails, and the message names the missing input.

Markers in README.md, an HTML comment on the line right before a ```sh block:
  <!-- readme-test: skip REASON -->  none of the block's commands is run (each is listed in the
                                     output with the reason)
  <!-- readme-test: exit N -->       the block's commands must exit with N (a README example of an
                                     error), not 0

Exit 0 when every command exits as expected; 1 naming the README line, the command and its stderr.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARKER = re.compile(r"<!--\s*readme-test:\s*(skip|exit)\s*(.*?)\s*-->")
HEREDOC = re.compile(r"<<-?\s*'?\"?([A-Za-z_][A-Za-z0-9_]*)'?\"?")
ACTORGRAPH_COMMAND = re.compile(r"^actorgraph\s|\|\s*actorgraph\s")


def readme_commands(readme):
    """[(line number, command, expected exit or None to skip, skip reason)] in README order."""
    lines = readme.read_text(encoding="utf-8").split("\n")
    commands = []
    marker = None
    i = 0
    while i < len(lines):
        line = lines[i]
        m = MARKER.search(line)
        if m:
            marker = (m.group(1), m.group(2))
            i += 1
            continue
        if line.strip() != "```sh":
            if line.strip():
                marker = None  # a marker applies to the block right after it
            i += 1
            continue
        block_marker, marker = marker, None
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            start = i
            command = lines[i]
            while command.endswith("\\") and i + 1 < len(lines):
                i += 1
                command = command[:-1] + " " + lines[i].strip()
            heredoc = HEREDOC.search(command)
            if heredoc:  # skip the script body up to its terminator
                while i + 1 < len(lines) and lines[i + 1].strip() != heredoc.group(1):
                    i += 1
                i += 1
            i += 1
            stripped = command.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if block_marker and block_marker[0] == "skip":  # every command of it, listed
                commands.append((start + 1, stripped, None, block_marker[1]))
                continue
            if not ACTORGRAPH_COMMAND.search(stripped):
                continue
            if block_marker and block_marker[0] == "exit":
                commands.append((start + 1, stripped, int(block_marker[1]), ""))
            else:
                commands.append((start + 1, stripped, 0, ""))
        i += 1
    return commands


# --- fixtures: README placeholder -> how it is made from the sample corpus -----------------------

# Made-up metadata for the sample articles as a JSONL corpus. news.jsonl repeats each article
# COPIES times (ids ID-1..ID-COPIES) over three outlets of equal size, so the README's
# `compare --by source --min-docs 50` has groups to keep, and over 24 months of 2020-2021.
COPIES = 30
SOURCES = ["Iraq Today", "Al-Hurra", "Middle East Monitor"]
CAMPS = ["pro_gov", "opposition", "independent"]
DATES = ["2020-11-10", "2021-07-25", "2021-07-27", "2021-07-28", "2020-08-14"]


def articles(source):
    return sorted((source / "examples" / "articles").glob("*.txt"))


def split_title(path):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    first = next(k for k, l in enumerate(lines) if l.strip())
    return lines[first].strip(), "\n".join(lines[first + 1 :]).strip("\n")


def copy_articles(dest, files):
    dest.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy(f, dest / f.name)


def make_jsonl(source, dest, copies):
    with open(dest, "w", encoding="utf-8") as out:
        n = 0
        for copy in range(1, copies + 1):
            for k, f in enumerate(articles(source)):
                title, text = split_title(f)
                month = copy % 24 if copies > 1 else None
                date = f"{2020 + month // 12}-{month % 12 + 1:02d}-15" if month is not None else DATES[k % len(DATES)]
                doc_id = f"{f.stem}-{copy}" if copies > 1 else f.stem
                line = {"id": doc_id, "title": title, "text": text, "date": date,
                        "source": SOURCES[n % len(SOURCES)], "url": f"https://example.org/news/{doc_id}",
                        "camp": CAMPS[n % len(CAMPS)]}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
                n += 1


def make_cp1256(source, dest):
    dest.mkdir(parents=True, exist_ok=True)
    for f in articles(source):
        text = f.read_text(encoding="utf-8")
        (dest / f.name).write_bytes(text.encode("cp1256", errors="replace"))


def make_shards(source, work, tool, env):
    # What the README's GNU parallel line does (one build per corpus/part-* folder), run one by one.
    for part in sorted((work / "corpus").glob("part-*")):
        subprocess.run([tool, "build", "-q", "--format", "partial", "-o",
                        str(work / "shards" / part.name), str(part)], check=True, env=env, cwd=work)


AXIS = {"actorgraph_gazetteer": 1, "actors": [
    {"id": "axis", "type": "group", "label": {"ar": "محور الممانعة", "en": "Resistance Axis"},
     "aliases": {"en": ["Hezbollah – Amal axis"]}}]}

# name in the README -> (what it is, how it is made: fn(source, work, tool, env))
FIXTURES = {
    "examples/": ("the repository's examples/ (the README names examples/articles and examples/gold.json "
                  "from the source tree)",
                  lambda s, w, t, e: (w / "examples").symlink_to(s / "examples")),
    "corpus/": ("the sample articles in two shards, corpus/part-1 (3) and corpus/part-2 (2)",
                lambda s, w, t, e: (copy_articles(w / "corpus" / "part-1", articles(s)[:3]),
                                    copy_articles(w / "corpus" / "part-2", articles(s)[3:]))),
    "shards/part-*/actors.partial.json": ("build --format partial of each corpus/part-*",
                                          make_shards),
    "article.txt": ("the first sample article",
                    lambda s, w, t, e: shutil.copy(articles(s)[0], w / "article.txt")),
    "news.jsonl": (f"the sample articles {COPIES} times as JSONL (id, title, text, date, source, url, "
                   f"camp): {len(SOURCES)} sources of {COPIES * 5 // len(SOURCES)} lines, 24 months",
                   lambda s, w, t, e: make_jsonl(s, w / "news.jsonl", COPIES)),
    "dated_news.jsonl": ("the sample articles once as JSONL, each dated around the events it reports",
                         lambda s, w, t, e: make_jsonl(s, w / "dated_news.jsonl", 1)),
    "my_actors.json": ("examples/my_actors.json, the example user gazetteer",
                       lambda s, w, t, e: shutil.copy(s / "examples" / "my_actors.json",
                                                      w / "my_actors.json")),
    "axis.json": ("the one-entry gazetteer of the README's 'alias can never match' example",
                  lambda s, w, t, e: (w / "axis.json").write_text(
                      json.dumps(AXIS, ensure_ascii=False), encoding="utf-8")),
    "syria_2013/": ("the sample articles (a corpus to run suggest on)",
                    lambda s, w, t, e: copy_articles(w / "syria_2013", articles(s))),
    "pro_gov/": ("sample articles 1-3", lambda s, w, t, e: copy_articles(w / "pro_gov", articles(s)[:3])),
    "opposition/": ("sample articles 4-5",
                    lambda s, w, t, e: copy_articles(w / "opposition", articles(s)[3:])),
    "old_archive/": ("the sample articles in windows-1256", lambda s, w, t, e: make_cp1256(s, w / "old_archive")),
    "excel_export.txt": ("the first sample article in UTF-16BE without a byte order mark",
                         lambda s, w, t, e: (w / "excel_export.txt").write_bytes(
                             articles(s)[0].read_text(encoding="utf-8").encode("utf-16-be"))),
}


def missing_inputs(command, work):
    """Words of a failed command that look like input files or folders and are not in `work`."""
    try:
        words = shlex.split(command, comments=True)
    except ValueError:
        return []
    out = []
    for k, w in enumerate(words):
        if w.startswith("-") or k == 0 or words[k - 1] in ("-o", "--output", ">", "|"):
            continue
        if ("/" in w or re.search(r"\.(json|jsonl|txt|csv|tsv)$", w)) and not any(c in w for c in "*|'\""):
            if not (work / w).exists():
                out.append(w)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--actorgraph", required=True, help="the built tool")
    ap.add_argument("--source", required=True, help="the repository (README.md, gazetteer/, ...)")
    ap.add_argument("--work", help="parent of the temporary folder (default: the system's)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    source = Path(args.source).resolve()
    tool = Path(args.actorgraph).resolve()
    if args.work:
        Path(args.work).mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="readme_commands_", dir=args.work))
    try:
        return run(source, tool, tmp)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def run(source, tool, tmp):
    # The tool as installed: bin/actorgraph and share/actorgraph/{gazetteer,data,examples}.
    bin_dir, share, work = tmp / "bin", tmp / "share", tmp / "work"
    for d in (bin_dir, share, work):
        d.mkdir()
    (bin_dir / "actorgraph").symlink_to(tool)
    (share / "gazetteer").symlink_to(source / "gazetteer")
    (share / "data").symlink_to(source / "data")
    (share / "examples").symlink_to(source / "examples" / "articles")
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["ACTORGRAPH_GAZETTEER"] = str(share / "gazetteer")
    env["ACTORGRAPH_DATA"] = str(share)
    env["LC_ALL"] = "C.UTF-8"
    for name, (_, make) in FIXTURES.items():
        make(source, work, str(tool), env)

    commands = readme_commands(source / "README.md")
    if not commands:
        print("README.md: no actorgraph command found in a ```sh block")
        return 1
    failures, skipped = [], []
    started = time.monotonic()
    for line, command, expected, reason in commands:
        if expected is None:
            skipped.append((line, command, reason))
            continue
        t0 = time.monotonic()
        try:
            p = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=work, env=env,
                               capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
            code, err = p.returncode, p.stderr.decode("utf-8", "replace")
            if not err.strip():  # gazetteer check prints its errors on standard output
                err = p.stdout.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            code, err = "timeout (120 s)", ""
        ok = code == expected
        print(f"{'ok  ' if ok else 'FAIL'} README.md:{line} ({time.monotonic() - t0:.1f} s, exit {code}): {command}")
        if not ok:
            msg = (f"README.md:{line}: `{command}` exited {code}, expected {expected}\n"
                   + "".join(f"    stderr: {l}\n" for l in err.strip().split("\n")[-8:] if l))
            missing = missing_inputs(command, work)
            if missing:
                msg += (f"    inputs not in the test folder: {', '.join(missing)}; a new README "
                        "placeholder needs an entry in FIXTURES (tests/cli/readme_commands_test.py)\n")
            failures.append(msg)
    ran = len(commands) - len(skipped)
    print(f"\n{ran} README commands run in {time.monotonic() - started:.1f} s, "
          f"{len(failures)} failed, {len(skipped)} skipped by a README marker")
    for line, command, reason in skipped:
        print(f"skipped README.md:{line} ({reason}): {command}")
    print("fixtures: " + "; ".join(f"{k} = {v[0]}" for k, v in FIXTURES.items()))
    if failures:
        print("\n" + "\n".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
