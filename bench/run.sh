#!/usr/bin/env bash
# Runs the whole actorgraph benchmark (issue #6) and prints a summary table.
#
#   bench/run.sh [--full] [--runs N] [--build DIR] [--baseline BIN]
#
#   --full      also generate a 1 GB corpus and measure peak memory / throughput on it
#   --runs N    hyperfine runs per command (default 5)
#   --build DIR build folder holding ./actorgraph and bench/micro_bench (default: build)
#   --baseline BIN  an actorgraph binary of the commit before a speed change: bench/identical.sh
#               checks that both give byte-identical outputs on the benchmark corpus (issue 16)
#
# Corpora and gazetteers go to bench/data/, every raw result to bench/results/ (both git-ignored).
# Needs: python3 (+ networkx), rg, grep, hyperfine, /usr/bin/time (package `time`).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
FULL=0 RUNS=5 BUILD=build BASELINE=
while [[ $# -gt 0 ]]; do
  case $1 in
    --full) FULL=1 ;;
    --runs) RUNS=$2; shift ;;
    --build) BUILD=$2; shift ;;
    --baseline) BASELINE=$2; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
for tool in python3 rg grep hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found" >&2; exit 1; }
done

DATA=bench/data RES=bench/results
mkdir -p "$DATA" "$RES"
if [[ ! -x $BUILD/actorgraph || ! -x $BUILD/bench/micro_bench || ! -x $BUILD/bench/gaz_compile ]]; then
  cmake -S . -B "$BUILD" -DACTORGRAPH_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD" -j"$(nproc)" >/dev/null
fi
AG=$ROOT/$BUILD/actorgraph
log() { printf '\n== %s\n' "$*" >&2; }

# ---- machine -------------------------------------------------------------------------------
{
  echo "date: $(date -u +%FT%TZ)"
  echo "commit: $(git rev-parse --short HEAD)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores)"
  echo "memory: $(free -g | awk '/^Mem:/{print $2}') GB"
  echo "kernel: $(uname -r)"
  echo "os: $(. /etc/os-release; echo "$PRETTY_NAME")"
  echo "compiler: $(c++ --version | head -1)"
  echo "rg: $(rg --version | head -1); grep: $(grep --version | head -1); python: $(python3 --version 2>&1), networkx $(python3 -c 'import networkx; print(networkx.__version__)')"
  echo "hyperfine: $(hyperfine --version)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other processes share the cores: check it)"
} > "$RES/machine.txt"
cat "$RES/machine.txt" >&2

# ---- data ----------------------------------------------------------------------------------
gen() {  # gen SIZE FILE
  [[ -s $2 ]] || python3 bench/gen_corpus.py --size "$1" --out "$2"
}
log "generating corpora"
gen 100M "$DATA/corpus_100M.jsonl"
gen 10M "$DATA/corpus_10M.jsonl"   # the first 10 MB of articles of the 100 MB corpus
[[ $FULL == 1 ]] && gen 1G "$DATA/corpus_1G.jsonl"
head -n 2 "$DATA/corpus_100M.jsonl" > "$DATA/tiny.jsonl"

log "alias list"
# Preferred: `actorgraph gazetteer list --format tsv` (header line, column 5 = alias); until it
# exists, bench/extract_aliases.py reads gazetteer/*.json directly.
if "$AG" gazetteer list --format tsv > "$RES/gazetteer_list.tsv" 2>/dev/null &&
   [[ $(wc -l < "$RES/gazetteer_list.tsv") -gt 1 ]]; then
  ALIAS_SOURCE="actorgraph gazetteer list --format tsv"
  tail -n +2 "$RES/gazetteer_list.tsv" | cut -f5 | awk 'NF && !seen[$0]++' > "$DATA/aliases.txt"
  # id + alias for the Python baseline: the column named id (or actor), else column 1.
  awk -F'\t' 'NR==1{c=1; for(i=1;i<=NF;i++) if($i=="id"||$i=="actor"||$i=="actor_id") c=i; next}
              $5!=""{print $c "\t" $5}' "$RES/gazetteer_list.tsv" > "$DATA/aliases_ids.tsv"
else
  ALIAS_SOURCE="bench/extract_aliases.py gazetteer/"
  python3 bench/extract_aliases.py gazetteer > "$DATA/aliases.txt"
  python3 bench/extract_aliases.py --with-ids gazetteer > "$DATA/aliases_ids.tsv"
fi
NALIAS=$(wc -l < "$DATA/aliases.txt")
echo "$NALIAS aliases from $ALIAS_SOURCE" >&2

GAZ100K_N=$((100000 - NALIAS))
[[ -s $DATA/gaz_100k.json ]] || python3 bench/gen_gazetteer.py --aliases "$GAZ100K_N" --out "$DATA/gaz_100k.json"
[[ -s $DATA/gaz_1M.json ]] || python3 bench/gen_gazetteer.py --aliases 1000000 --out "$DATA/gaz_1M.json"

# ---- throughput (hyperfine) ----------------------------------------------------------------
C100=$DATA/corpus_100M.jsonl
# Outputs go to files: rg and GNU grep stop at the first match when stdout is /dev/null.
# grep runs with LC_ALL=C (byte matching, its fastest mode for -F); rg is byte-oriented anyway.
log "end-to-end timings on 100 MB ($RUNS runs each)"
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$RES/e2e_100M.json" \
  -n rg      "bash -c 'rg -oF -f $DATA/aliases.txt $C100 > $RES/rg.out'" \
  -n grep    "bash -c 'LC_ALL=C grep -oF -f $DATA/aliases.txt $C100 > $RES/grep.out'" \
  -n ag_t1   "$AG build --threads 1 -q -o $RES/out_t1 $C100" \
  -n ag_t2   "$AG build --threads 2 -q -o $RES/out_t2 $C100" \
  -n ag_t1_gaz100k "$AG build --threads 1 -q -g gazetteer -g $DATA/gaz_100k.json -o $RES/out_100k $C100" \
  -n ag_t1_10M "$AG build --threads 1 -q -o $RES/out_10M $DATA/corpus_10M.jsonl" \
  >&2

log "start-up / gazetteer compilation (tiny input)"
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$RES/startup.json" \
  -n startup_shipped "$AG build --threads 1 -q -o $RES/out_tiny $DATA/tiny.jsonl" \
  -n startup_gaz100k "$AG build --threads 1 -q -g gazetteer -g $DATA/gaz_100k.json -o $RES/out_tiny $DATA/tiny.jsonl" \
  >&2
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$RES/startup_1M.json" \
  -n startup_gaz1M "$AG build --threads 1 -q -g gazetteer -g $DATA/gaz_1M.json -o $RES/out_tiny $DATA/tiny.jsonl" >&2
"$BUILD/bench/gaz_compile" gazetteer "$DATA/gaz_1M.json" | tee "$RES/gaz_compile_1M.txt" >&2
"$BUILD/bench/gaz_compile" gazetteer "$DATA/gaz_100k.json" | tee "$RES/gaz_compile_100k.txt" >&2

# ---- Python baseline (10 MB slice, scaled) ---------------------------------------------------
log "naive Python baseline on the 10 MB slice (one run)"
/usr/bin/time -v -o "$RES/mem_python_10M.txt" \
  python3 bench/naive_baseline.py "$DATA/aliases_ids.tsv" "$DATA/corpus_10M.jsonl" "$RES/naive_10M.graphml"

# ---- peak memory (/usr/bin/time -v) ---------------------------------------------------------
log "peak memory"
mem() {  # mem NAME CMD...
  local name=$1; shift
  /usr/bin/time -v -o "$RES/mem_$name.txt" "$@" > "$RES/stdout_$name.txt"
}
mem rg bash -c "rg -oF -f $DATA/aliases.txt $C100 > $RES/rg.out"
mem grep bash -c "LC_ALL=C grep -oF -f $DATA/aliases.txt $C100 > $RES/grep.out"
mem ag_t1_100M "$AG" build --threads 1 -q -o "$RES/out_t1" "$C100"
mem ag_t2_100M "$AG" build --threads 2 -q -o "$RES/out_t2" "$C100"
mem ag_gaz1M_tiny "$AG" build --threads 1 -q -g gazetteer -g "$DATA/gaz_1M.json" -o "$RES/out_tiny" "$DATA/tiny.jsonl"
if [[ $FULL == 1 ]]; then
  log "1 GB corpus (one run each)"
  mem ag_t1_1G "$AG" build --threads 1 -q -o "$RES/out_1G_t1" "$DATA/corpus_1G.jsonl"
  mem ag_t2_1G "$AG" build --threads 2 -q -o "$RES/out_1G_t2" "$DATA/corpus_1G.jsonl"
fi

# ---- micro-benchmarks -----------------------------------------------------------------------
log "micro-benchmarks"
"$BUILD/bench/micro_bench" --benchmark_min_time=0.5 --benchmark_out="$RES/micro_bench.json" \
  --benchmark_out_format=json >&2

# ---- compare vs build (issue 12: compare <= 2x build) ---------------------------------------
log "actorgraph compare against build on 100 MB"
bench/compare.sh --runs "$RUNS" --build "$BUILD" | tee "$RES/compare.txt" >&2

# ---- speed work changes no output (issue 16) --------------------------------------------------
if [[ -n $BASELINE ]]; then
  log "outputs against the baseline build $BASELINE"
  bench/identical.sh "$BASELINE" "$AG" 2>&1 | tee "$RES/identical.txt" >&2 || true
else
  rm -f "$RES/identical.txt"
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RES/machine.txt"

# ---- summary --------------------------------------------------------------------------------
python3 bench/summarize.py "$RES" "$DATA" "$ALIAS_SOURCE" | tee "$RES/summary.txt"
