#!/usr/bin/env python3
"""Fallback alias extraction for bench/run.sh, used until `actorgraph gazetteer list --format tsv`
is available: prints one alias per line from gazetteer v1 JSON files (files or folders).

Every label.ar/en, aliases.ar/en (string or {"text": ...}, any tier), capitals.ar/en and
demonyms.ar/en, as written (not normalised), de-duplicated in first-seen order.

  extract_aliases.py gazetteer/ [more.json ...] > aliases.txt
  extract_aliases.py --with-ids gazetteer/     # "id<TAB>alias" lines (for naive_baseline.py)
"""
import json
import pathlib
import sys


def files(paths):
    for p in map(pathlib.Path, paths):
        if p.is_dir():
            yield from sorted(p.rglob("*.json"))
        else:
            yield p


def texts(items):
    if isinstance(items, str):
        items = [items]
    for it in items or []:
        t = it.get("text") if isinstance(it, dict) else it
        if isinstance(t, str) and t.strip():
            yield t.strip()


def aliases(actor):
    for field in ("label", "aliases", "capitals", "demonyms"):
        block = actor.get(field) or {}
        if not isinstance(block, dict):
            continue
        for lang in ("ar", "en"):
            yield from texts(block.get(lang))


def main(argv):
    with_ids = "--with-ids" in argv
    paths = [a for a in argv if a != "--with-ids"] or ["gazetteer"]
    seen = set()
    out = sys.stdout
    for f in files(paths):
        doc = json.loads(f.read_text(encoding="utf-8"))
        for actor in doc.get("actors", []):
            aid = actor.get("id") or actor.get("extends") or ""
            for a in aliases(actor):
                key = (aid, a) if with_ids else a
                if key in seen or "\n" in a or "\t" in a:
                    continue
                seen.add(key)
                out.write(f"{aid}\t{a}\n" if with_ids else a + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
