#!/usr/bin/env bash
# Checks that a speed change changes no output: runs two actorgraph binaries with the same options
# on the benchmark inputs and compares every output file byte for byte.
#
#   bench/identical.sh BEFORE_BIN AFTER_BIN
#
# Runs, each with --format graphml,gexf,dot,json,csv,html and both binaries:
#   sample      examples/articles/ (the 5 sample articles), shipped gazetteer
#   5M          a 5 MB generated corpus (bench/data/corpus_5M.jsonl), shipped gazetteer
#   5M_gaz100k  the same corpus, shipped gazetteer + 100k synthetic aliases (bench/data/gaz_100k.json)
#   5M_t2       the same corpus on 2 threads (AFTER only; compared with BEFORE on 1 thread)
# Missing data is generated with bench/gen_corpus.py and bench/gen_gazetteer.py (deterministic).
# Outputs go to bench/results/identical/{before,after}/RUN/. Prints one line per differing file and
# exits 1 on any difference (or when a run fails), 0 when everything is identical; 2 on bad usage.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: bench/identical.sh BEFORE_BIN AFTER_BIN" >&2
  exit 2
fi
BEFORE=$(realpath "$1") AFTER=$(realpath "$2")
for b in "$BEFORE" "$AFTER"; do
  [[ -x $b ]] || { echo "identical.sh: $b is not an executable" >&2; exit 2; }
done
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DATA=bench/data OUT=bench/results/identical
mkdir -p "$DATA"
[[ -s $DATA/corpus_5M.jsonl ]] || python3 bench/gen_corpus.py --size 5M --out "$DATA/corpus_5M.jsonl"
[[ -s $DATA/gaz_100k.json ]] || python3 bench/gen_gazetteer.py --aliases 100000 --out "$DATA/gaz_100k.json"
rm -rf "$OUT"
mkdir -p "$OUT/before" "$OUT/after"

FORMATS=graphml,gexf,dot,json,csv,html
fail=0
run() {  # run SIDE BIN NAME ARGS... : one build into $OUT/SIDE/NAME
  local side=$1 bin=$2 name=$3
  shift 3
  if ! "$bin" build -q --format "$FORMATS" -o "$OUT/$side/$name" "$@" 2> "$OUT/$side/$name.stderr"; then
    echo "identical.sh: $side run '$name' failed: $(head -n 1 "$OUT/$side/$name.stderr")" >&2
    fail=1
  fi
}
for side in before after; do
  bin=$BEFORE
  [[ $side == after ]] && bin=$AFTER
  run "$side" "$bin" sample --threads 1 examples/articles
  run "$side" "$bin" 5M --threads 1 "$DATA/corpus_5M.jsonl"
  run "$side" "$bin" 5M_gaz100k --threads 1 -g gazetteer -g "$DATA/gaz_100k.json" "$DATA/corpus_5M.jsonl"
done
# Determinism across thread counts: AFTER on 2 threads against BEFORE on 1.
run after "$AFTER" 5M_t2 --threads 2 "$DATA/corpus_5M.jsonl"
mkdir -p "$OUT/before/5M_t2"
cp -r "$OUT/before/5M/." "$OUT/before/5M_t2/"

files=0
for run_dir in "$OUT"/before/*/; do
  name=$(basename "$run_dir")
  # Every file on either side, so a file written by only one binary counts as a difference.
  while IFS= read -r rel; do
    files=$((files + 1))
    b="$OUT/before/$name/$rel" a="$OUT/after/$name/$rel"
    if [[ ! -f $b || ! -f $a ]]; then
      echo "DIFFERS $name/$rel (only in $([[ -f $b ]] && echo before || echo after))"
      fail=1
    elif ! cmp -s "$b" "$a"; then
      echo "DIFFERS $name/$rel ($(cmp "$b" "$a" 2>&1 | head -n 1))"
      fail=1
    fi
  done < <( (cd "$OUT/before/$name" && find . -type f; cd "$ROOT/$OUT/after/$name" && find . -type f) |
    sed 's|^\./||' | sort -u)
done
if [[ $fail == 0 ]]; then
  echo "identical: $files files in $(ls "$OUT/before" | grep -vc stderr) runs are byte-identical"
fi
exit "$fail"
