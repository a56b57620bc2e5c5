#!/usr/bin/env python3
"""The kind of script a researcher writes to get an actor co-occurrence network: the baseline
actorgraph is compared with in bench/run.sh.

  naive_baseline.py ALIASES.tsv CORPUS.jsonl OUT.graphml

ALIASES.tsv: "actor_id<TAB>alias" lines (bench/extract_aliases.py --with-ids). One regex
alternation of every alias, longest first, between word boundaries, over lightly normalised text
(hamza/alef forms -> ا, ى -> ي, ة -> ه, diacritics and tatweel removed, lower case); sentences
split on [.!?؟]; each pair of distinct actors in a sentence adds 1 to the edge weight of a
networkx graph written with write_graphml.
"""
import itertools
import json
import re
import sys

import networkx as nx

DIACRITICS = re.compile("[\u064B-\u0652\u0670\u0640]")  # harakat, superscript alef, tatweel
TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
SENTENCE = re.compile(r"[.!?؟]")


def normalize(s):
    return DIACRITICS.sub("", s).translate(TABLE).lower()


def main(alias_file, corpus, out):
    alias_to_actor = {}
    with open(alias_file, encoding="utf-8") as f:
        for line in f:
            actor, _, alias = line.rstrip("\n").partition("\t")
            if alias:
                alias_to_actor.setdefault(normalize(alias), actor)
    pattern = re.compile(r"\b(" + "|".join(
        re.escape(a) for a in sorted(alias_to_actor, key=len, reverse=True)) + r")\b")

    g = nx.Graph()
    docs = 0
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            text = normalize(json.loads(line)["text"])
            docs += 1
            for sentence in SENTENCE.split(text):
                actors = {alias_to_actor[m] for m in pattern.findall(sentence)}
                for a in actors:
                    g.add_node(a)
                for a, b in itertools.combinations(sorted(actors), 2):
                    if g.has_edge(a, b):
                        g[a][b]["weight"] += 1
                    else:
                        g.add_edge(a, b, weight=1)
    nx.write_graphml(g, out)
    print(f"naive_baseline: {docs} documents, {g.number_of_nodes()} actors, "
          f"{g.number_of_edges()} edges", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
