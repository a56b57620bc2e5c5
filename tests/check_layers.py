#!/usr/bin/env python3
"""Checks the pipeline layering of docs/architecture.md: a stage folder may include its own folder and
earlier stages, never a later one (a writer never includes the matcher; the matcher never a writer).
Usage: check_layers.py REPO_ROOT. Prints each violation as FILE:LINE: message and exits 1 if any."""
import pathlib
import re
import sys

# Pipeline order; a folder may include folders at or before its own position.
ORDER = ["base", "read", "text", "gazetteer", "match", "suggest", "network", "analyse", "compare", "pipeline",
         "export", "cli"]
INCLUDE = re.compile(r'#include\s+"(?:actorgraph/)?([a-z_]+)/[^"]+"')


def stage_of(path: pathlib.Path, root: pathlib.Path):
    rel = path.relative_to(root).parts
    if rel[0] == "include":
        return rel[2] if len(rel) > 3 else None
    if rel[0] == "src":
        return rel[1] if len(rel) > 2 else None
    return None


def main() -> int:
    root = pathlib.Path(sys.argv[1]).resolve()
    bad = 0
    files = list((root / "include").rglob("*.h")) + list((root / "src").rglob("*.h")) + list(
        (root / "src").rglob("*.cc"))
    for f in sorted(files):
        stage = stage_of(f, root)
        if stage is None:
            continue
        if stage not in ORDER:
            print(f"{f.relative_to(root)}: folder '{stage}' is not a known stage {ORDER}")
            bad += 1
            continue
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.search(line)
            if not m or m.group(1) not in ORDER:
                continue
            if ORDER.index(m.group(1)) > ORDER.index(stage):
                print(f"{f.relative_to(root)}:{n}: stage '{stage}' includes later stage "
                      f"'{m.group(1)}'")
                bad += 1
    print(f"layers: {len(files)} files checked, {bad} violations")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
