#!/usr/bin/env bash
# Times `actorgraph compare` against `actorgraph build` on the 100 MB benchmark corpus (issue 12:
# compare must cost at most 2x build) and prints one line per command and the ratios.
#
#   bench/compare.sh [--runs N] [--build DIR] [--threads T]
#
# The corpus is bench/data/corpus_100M.jsonl (made by bench/gen_corpus.py if missing: dates over
# 2020-2021, so --by date:month gives 24 periods; --by source the generator's outlets).
# Times are the median of N runs (default 3) of wall-clock seconds, corpus in the page cache.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RUNS=3 BUILD=build THREADS=2
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) RUNS=$2; shift ;;
    --build) BUILD=$2; shift ;;
    --threads) THREADS=$2; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
AG=$ROOT/$BUILD/actorgraph
[[ -x $AG ]] || { echo "compare.sh: $AG not built" >&2; exit 1; }
DATA=bench/data RES=bench/results
mkdir -p "$DATA" "$RES"
C100=$DATA/corpus_100M.jsonl
[[ -s $C100 ]] || python3 bench/gen_corpus.py --size 100M --out "$C100"
cat "$C100" > /dev/null  # page cache

median() {  # median NAME CMD... : prints the median wall time of RUNS runs
  local name=$1; shift
  local times=()
  for ((i = 0; i < RUNS; i++)); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" > /dev/null
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk -v n="$RUNS" '{a[NR]=$1} END{printf "%.3f\n", a[int((n+1)/2)]}'
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $(du -m "$C100" | cut -f1) MB, $(wc -l < "$C100") articles; threads $THREADS; median of $RUNS runs"
b=$(median build "$AG" build -q --threads "$THREADS" -o "$RES/cmp_build" "$C100")
m=$(median month "$AG" compare -q --threads "$THREADS" --by date:month -o "$RES/cmp_month" "$C100")
s=$(median source "$AG" compare -q --threads "$THREADS" --by source -o "$RES/cmp_source" "$C100")
printf '%-42s %8s s\n' "actorgraph build" "$b"
printf '%-42s %8s s  %.2fx build\n' "actorgraph compare --by date:month" "$m" "$(echo "$m / $b" | bc -l)"
printf '%-42s %8s s  %.2fx build\n' "actorgraph compare --by source" "$s" "$(echo "$s / $b" | bc -l)"
worst=$(echo "if ($m > $s) $m / $b else $s / $b" | bc -l)
if (( $(echo "$worst <= 2" | bc -l) )); then verdict=MET; else verdict=MISS; fi
printf '[%s] compare <= 2x build: %.2fx\n' "$verdict" "$worst"
/usr/bin/time -v -o "$RES/mem_compare_month.txt" "$AG" compare -q --threads "$THREADS" \
  --by date:month -o "$RES/cmp_month" "$C100" > /dev/null 2>&1 &&
  echo "peak RSS compare --by date:month: $(awk '/Maximum resident/{printf "%d MB", $6/1024}' "$RES/mem_compare_month.txt")" || true
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
