#!/usr/bin/env python3
"""Synthetic gazetteer (format v1, gazetteer/README.md) with a given number of aliases, for
gazetteer-scaling benchmarks: load it next to the shipped one with
`actorgraph build -g gazetteer/ -g synthetic.json`.

  gen_gazetteer.py --aliases 1000000 --out bench/data/gaz_1M.json [--per-actor 10] [--seed 1]

Every actor is a person with id syn_NNNNNNN (unique, never clashing with the shipped ids), a
label.ar, a label.en and per-actor-2 Arabic aliases, so actors x per-actor = --aliases (the last
actor may have fewer). Arabic names are 1-3 random words of 5-8 letters drawn from letters that
normalisation leaves unchanged, so no two aliases collapse into one after normalisation (barring
rare random collisions) and practically never with a real word of the corpus (3-4 letter words
would: with 10^5+ aliases every 3-letter letter string, e.g. قال or بين, becomes an alias); English labels are "Syn <base-26 word> <n>".
"""
import argparse
import json
import random
import sys

# Arabic letters that normalisation keeps as they are (no hamza/alef variants, ى, ة).
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def word(rng):
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(5, 8)))


def name(rng):
    return " ".join(word(rng) for _ in range(rng.choices((1, 2, 3), weights=(3, 5, 2))[0]))


def b26(n):
    s = ""
    while True:
        s = chr(ord("a") + n % 26) + s
        n //= 26
        if n == 0:
            return s


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--aliases", type=int, required=True, help="total aliases (labels included)")
    ap.add_argument("--per-actor", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    if args.per_actor < 2:
        raise SystemExit("--per-actor must be at least 2 (label.ar and label.en)")
    rng = random.Random(args.seed)
    actors, left, n = [], args.aliases, 0
    while left > 0:
        k = min(args.per_actor, left)
        left -= k
        actor = {
            "id": f"syn_{n:07d}",
            "type": "person",
            "label": {"ar": name(rng), "en": f"Syn {b26(n).capitalize()} {n}"},
        }
        if k > 2:
            actor["aliases"] = {"ar": [name(rng) for _ in range(k - 2)]}
        elif k == 1:  # only possible for the last actor: keep both labels (required)
            left -= 1
        actors.append(actor)
        n += 1
    doc = {"actorgraph_gazetteer": 1,
           "description": f"Synthetic benchmark gazetteer: {args.aliases} aliases, seed {args.seed}",
           "actors": actors}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
    print(f"gen_gazetteer: {len(actors)} actors, {args.aliases - left} aliases -> {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
