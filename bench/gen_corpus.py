#!/usr/bin/env python3
"""Synthetic Arabic news corpus for benchmarks: recombines the sentences of the sample articles
(examples/articles/*.txt) into JSONL articles with id, title, source, date and text.

  gen_corpus.py --size 100M --out bench/data/corpus_100M.jsonl [--seed 1] [--articles DIR]

Deterministic: the same seed gives the same article stream whatever --size is, so a smaller
corpus is an exact prefix (by articles) of a larger one. Articles have an optional dateline
paragraph (30%) and 3-8 paragraphs of 1-5 sentences; dates are spread uniformly over 2020-01-01 .. 2021-12-31 (about two years).
"""
import argparse
import datetime
import json
import pathlib
import random
import re
import sys

SOURCES = ["العراق اليوم", "السومرية نيوز", "شفق نيوز", "الشرق الأوسط", "الجزيرة نت",
           "العربي الجديد", "بغداد اليوم", "المدى", "الميادين", "سكاي نيوز عربية"]
# A sentence ends after . ! ? ؟ … (and an optional closing quote/bracket) followed by white space.
END = re.compile(r"[.!?؟…][\"'»”)\]]?\s+")
LETTER = re.compile(r"[^\W\d_]")


def split_sentences(para):
    start = 0
    for m in END.finditer(para):
        yield para[start:m.end()].strip()
        start = m.end()
    yield para[start:].strip()


def parse_size(s):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMG]?)B?", s.strip().upper())
    if not m:
        raise SystemExit(f"bad --size {s!r} (e.g. 100M, 1G)")
    return int(float(m.group(1)) * {"": 1, "K": 10**3, "M": 10**6, "G": 10**9}[m.group(2)])


def load(folder):
    titles, sentences, datelines = [], [], []
    for f in sorted(pathlib.Path(folder).glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        lines = [l.strip() for l in text.splitlines()]
        nonempty = [l for l in lines if l]
        if not nonempty:
            continue
        titles.append(nonempty[0])
        body = "\n".join(lines).split(nonempty[0], 1)[1]
        for para in re.split(r"\n\s*\n", body):
            para = " ".join(para.split())
            if not para or not LETTER.search(para):
                continue
            if para.endswith(":") and len(para) < 60:  # a dateline such as "بغداد- العراق اليوم:"
                datelines.append(para)
                continue
            sentences.extend(s for s in split_sentences(para) if LETTER.search(s))
    if not sentences:
        raise SystemExit(f"{folder}: no sentences found")
    return titles, sentences, datelines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", default="100M", help="target size in bytes (K/M/G suffixes, powers of 10)")
    ap.add_argument("--out", required=True, help="output .jsonl ('-' for standard output)")
    ap.add_argument("--seed", type=int, default=1)
    default_articles = pathlib.Path(__file__).resolve().parent.parent / "examples" / "articles"
    ap.add_argument("--articles", default=str(default_articles))
    args = ap.parse_args()
    target = parse_size(args.size)
    titles, sentences, datelines = load(args.articles)
    rng = random.Random(args.seed)
    day0 = datetime.date(2020, 1, 1)
    days = (datetime.date(2021, 12, 31) - day0).days + 1
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    written = n = 0
    while written < target:
        paras = [rng.choice(datelines)] if datelines and rng.random() < 0.3 else []
        for _ in range(rng.randint(3, 8)):
            paras.append(" ".join(rng.choices(sentences, k=rng.randint(1, 5))))
        # The title: an original title or a sentence, cut to at most ~120 characters.
        title = rng.choice(titles) if rng.random() < 0.2 else rng.choice(sentences)
        if len(title) > 120:
            title = title[:120].rsplit(" ", 1)[0]
        title = title.rstrip(" .!?؟…")
        rec = {
            "id": f"syn{n:08d}",
            "title": title,
            "source": rng.choice(SOURCES),
            "date": (day0 + datetime.timedelta(days=rng.randrange(days))).isoformat(),
            "text": title + "\n\n" + "\n\n".join(paras),
        }
        line = json.dumps(rec, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        n += 1
    if out is not sys.stdout:
        out.close()
    print(f"gen_corpus: {n} articles, {written} bytes, {len(sentences)} source sentences "
          f"and {len(datelines)} datelines from {len(titles)} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
