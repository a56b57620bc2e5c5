#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, -fsanitize=fuzzer,address,undefined; a separate build
# folder with -DACTORGRAPH_FUZZ=ON) and runs every target for SECONDS each, from seed corpora made
# of the repository's test data plus fuzz/seeds/, with the JSON and Arabic-clitic dictionaries.
#   bench/fuzz.sh SECONDS [TARGET...]     e.g. bench/fuzz.sh 20 (CI), bench/fuzz.sh 3600
#   bench/fuzz.sh --campaign              the cumulative totals of every run so far, no fuzzing
# Environment: FUZZ_BUILD_DIR (default build-fuzz), FUZZ_JOBS (targets run at once, default 1),
# FUZZ_RSS_MB (libFuzzer -rss_limit_mb, default 2048), FUZZ_TIMEOUT (seconds one input may take,
# default 25; raise it when the fuzzers get paused, e.g. kill -STOP during a benchmark, or the
# pause is reported as a timeout), FUZZ_SECONDS_TARGET (other times for some targets, e.g.
# FUZZ_SECONDS_TARGET=fuzz_writers=1800,fuzz_partial=900), FUZZ_WORKERS (processes per target,
# default 1: N libFuzzer processes fuzz the same target at once and share its corpus folder, each
# picking up what the others add (libFuzzer's -reload); for a machine with more cores than
# targets left. Each reads the corpus once at its start, unlike libFuzzer's -fork, whose every
# job re-reads it: measured 211 exec/s with -fork=2 for fuzz_jsonl_reader's 16,000-file corpus on
# 2 cores against ~1,000/s for one process. Worker I > 1 logs to logs/TARGET.wI.log).
# Prints a Markdown table (target, executions, exec/s, corpus, crashes, leaks) and exits 1 when
# any target crashed, leaked or failed an invariant; the crashing inputs are kept in
# $FUZZ_BUILD_DIR/artifacts/TARGET/ (turn each into a regression test in tests/).
# A campaign spans runs: the corpus stays in $FUZZ_BUILD_DIR/corpus/TARGET and grows, every run
# appends one line per target to $FUZZ_BUILD_DIR/campaign.tsv (date, commit, target, seconds,
# executions, exec/s, crashes, leaks, corpus files, exit status; seconds are process-seconds, the
# run's SECONDS times FUZZ_WORKERS, and exec/s is per process; the commit gets "+dirty" when
# src/, include/ or fuzz/ differ from it) and the cumulative totals per target follow the table.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
campaign="$build/campaign.tsv"

# Cumulative runs, seconds, executions, crashes and leaks per target over campaign.tsv.
print_campaign() {
  [ -s "$campaign" ] || { echo "fuzz.sh: no campaign recorded in $campaign" >&2; return 0; }
  echo "Campaign ($campaign):"
  echo "| target | runs | seconds | executions | crashes | leaks | corpus | commits |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  awk -F'\t' 'NR > 1 {
      t = $3; if (!(t in runs)) order[++n] = t
      runs[t]++; secs[t] += $4; execs[t] += $5; crash[t] += $7; leak[t] += $8; corpus[t] = $9
      if (index(" " commits[t] " ", " " $2 " ") == 0) commits[t] = commits[t] (commits[t] ? " " : "") $2
    } END {
      for (i = 1; i <= n; i++) {
        t = order[i]
        printf "| %s | %d | %d | %d | %d | %d | %d | %s |\n", t, runs[t], secs[t], execs[t],
               crash[t], leak[t], corpus[t], commits[t]
      }
    }' "$campaign"
}
if [ "${1:-}" = --campaign ]; then
  print_campaign
  exit 0
fi

seconds="${1:?usage: bench/fuzz.sh SECONDS [TARGET...] | bench/fuzz.sh --campaign}"
shift
jobs="${FUZZ_JOBS:-1}"
rss="${FUZZ_RSS_MB:-2048}"
timeout="${FUZZ_TIMEOUT:-25}"
workers="${FUZZ_WORKERS:-1}"
[[ "$workers" =~ ^[1-9][0-9]*$ ]] ||
  { echo "fuzz.sh: FUZZ_WORKERS must be a number of processes (1 or more)" >&2; exit 2; }
[ -z "${FUZZ_FORK:-}" ] ||
  { echo "fuzz.sh: FUZZ_FORK is gone; use FUZZ_WORKERS=N (N processes share the corpus)" >&2; exit 2; }
all=(fuzz_txt_reader fuzz_jsonl_reader fuzz_gazetteer fuzz_gazetteer_table fuzz_frames
  fuzz_partial fuzz_gold fuzz_text_path fuzz_writers)
targets=("$@")
((${#targets[@]})) || targets=("${all[@]}")

command -v clang++ >/dev/null || { echo "fuzz.sh: needs clang (apt-get install clang)" >&2; exit 1; }
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DACTORGRAPH_FUZZ=ON -DACTORGRAPH_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" actorgraph_cli >/dev/null

# Seed corpora: the test data of the repository (never the fuzzing output of an earlier run,
# which stays in $build/corpus/TARGET and grows run after run).
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz_txt_reader,fuzz_jsonl_reader,fuzz_gazetteer,fuzz_gazetteer_table,fuzz_frames,fuzz_partial,fuzz_gold,fuzz_text_path,fuzz_writers}
for f in "$root"/examples/articles/*.txt; do
  b=$(basename "$f" .txt)
  # The readers' first byte selects the options (fuzz/reader_fuzzer.cc): 0 = auto, no bound.
  { printf '\0'; head -c 4000 "$f"; } >"$seeds/fuzz_txt_reader/$b"
  head -c 4000 "$f" >"$seeds/fuzz_text_path/$b"
  python3 - "$f" "$seeds/fuzz_jsonl_reader/$b" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()[:3000]
with open(sys.argv[2], "wb") as out:
    out.write(b"\0")
    out.write((json.dumps({"id": "x", "title": text.split("\n")[0], "date": "2021-07-26",
                           "source": "s", "text": text}, ensure_ascii=False) + "\n").encode())
PY
  { printf '\1'; head -c 2000 "$f" | iconv -f utf-8 -t utf-16 2>/dev/null || true; } \
    >"$seeds/fuzz_txt_reader/$b.utf16"
  { printf '\0'; head -c 2000 "$f" | iconv -c -f utf-8 -t cp1256 2>/dev/null || true; } \
    >"$seeds/fuzz_txt_reader/$b.cp1256"
  { printf 'label\0Label\0person\0iraq\0doc\0002021-07-26\0'; head -c 300 "$f"; } \
    >"$seeds/fuzz_writers/$b"
done
for f in "$root"/gazetteer/*.json; do
  # Small slices keep each execution fast; the whole files are too big to mutate usefully.
  python3 - "$f" "$seeds/fuzz_gazetteer/$(basename "$f")" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
if isinstance(d, dict) and isinstance(d.get("actors"), list):
    d["actors"] = d["actors"][:6]
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
done
# Gazetteer tables: the test tables, and six-actor slices of the shipped gazetteer written by
# `gazetteer convert` as CSV and TSV; byte 0 picks the delimiter (fuzz/gazetteer_table_fuzzer.cc).
for f in "$root"/tests/data/gazetteer/*.tsv; do
  { printf '\1'; head -c 3500 "$f"; } >"$seeds/fuzz_gazetteer_table/$(basename "$f")"
done
for f in "$seeds"/fuzz_gazetteer/*.json; do
  b=$(basename "$f" .json)
  for ext in csv tsv; do
    "$build/actorgraph" gazetteer convert "$f" "$seeds/$b.$ext" >/dev/null 2>&1 || continue
    { [ "$ext" = tsv ] && printf '\1' || printf '\0'; head -c 3500 "$seeds/$b.$ext"; } \
      >"$seeds/fuzz_gazetteer_table/$b.$ext"
    rm -f "$seeds/$b.$ext"
  done
done
# Frame dictionaries: the shipped ones.
cp "$root"/data/frames/*.json "$seeds/fuzz_frames/"
# Compact JSON, and a two-document slice, so that the gold seeds fit in max_len (below).
python3 - "$root/examples/gold.json" "$seeds/fuzz_gold" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for name, part in (("gold.json", d), ("gold2.json", d[:2] if isinstance(d, list) else d)):
    with open(sys.argv[2] + "/" + name, "w", encoding="utf-8") as out:
        json.dump(part, out, ensure_ascii=False, separators=(",", ":"))
PY
# Partials written by the tool, one per window, cut to six actors, the edges between them and
# 24-character snippets (about 2 KB; `merge` accepts them). The whole partial of two articles is
# 30 KB, longer than max_len: libFuzzer would only ever run it truncated, as invalid JSON.
for w in sentence paragraph document; do
  part="$build/partial-seed/$w"
  rm -rf "$part"
  "$build/actorgraph" build -q --threads 1 --format partial --window "$w" --max-evidence 2 \
    -o "$part" "$root"/examples/articles/00{0,1}_*.txt >/dev/null 2>&1 || continue
  python3 - "$part/actors.partial.json" "$seeds/fuzz_partial/$w.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
keep = {n["id"] for n in d["nodes"][:6]}
d["nodes"] = d["nodes"][:6]
d["edges"] = [e for e in d["edges"] if e["a"] in keep and e["b"] in keep][:6]
for e in d["edges"]:
    for ev in e.get("evidence", []):
        ev["snippet"] = ev["snippet"][:24]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(d, out, ensure_ascii=False, separators=(",", ":"))
PY
done
for t in "${all[@]}"; do
  [ -d "$root/fuzz/seeds/$t" ] && cp "$root/fuzz/seeds/$t"/* "$seeds/$t/" 2>/dev/null || true
  [ -d "$root/fuzz/regressions/$t" ] && cp "$root/fuzz/regressions/$t"/* "$seeds/$t/" 2>/dev/null || true
done

dict_for() {
  case "$1" in
    fuzz_txt_reader | fuzz_text_path | fuzz_writers) echo "$root/fuzz/arabic.dict" ;;
    fuzz_gazetteer_table) echo "$root/fuzz/table.dict" ;;
    *) echo "$root/fuzz/json.dict" ;;
  esac
}

# Longest input per target (bytes). An execution's cost grows with its input and libFuzzer's
# length control lets inputs grow towards max_len during a long run, so the bound is what each
# target needs: the seeds fit (articles cut to 4,000 bytes, JSONL lines of 3,000 characters,
# gazetteer slices of six actors, the compact gold file, 2 KB partials) and the writers' fields
# are labels, ids, a date and a snippet.
maxlen_for() {
  case "$1" in
    fuzz_writers) echo 1024 ;;
    fuzz_jsonl_reader | fuzz_gold) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

# Seconds for one target: its entry in FUZZ_SECONDS_TARGET (target=seconds,...) or SECONDS.
seconds_for() {
  local kv
  for kv in ${FUZZ_SECONDS_TARGET//,/ }; do
    [ "${kv%%=*}" = "$1" ] && { echo "${kv#*=}"; return; }
  done
  echo "$seconds"
}

# One target's logs: worker 1 writes logs/TARGET.log, worker I > 1 logs/TARGET.wI.log.
logs_of() {
  local i
  echo "$build/logs/$1.log"
  for ((i = 2; i <= workers; i++)); do echo "$build/logs/$1.w$i.log"; done
}

# One target's results from its logs: executions (summed over the workers), exec/s (per worker,
# the mean of libFuzzer's final stats), crashes, leaks (libFuzzer stops at the first finding and
# sums it up in one "SUMMARY:" line; each worker can have one).
results_of() {
  local log execs=0 speed=0 leaks=0 crashes=0 n=0 e v
  while read -r log; do
    [ -f "$log" ] || continue
    e=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
    v=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
    execs=$((execs + ${e:-0}))
    speed=$((speed + ${v:-0}))
    n=$((n + 1))
    leaks=$((leaks + $(grep -c '^SUMMARY: .*leaked' "$log" || true)))
    crashes=$((crashes + $(grep '^SUMMARY: ' "$log" | grep -vc 'leaked' || true)))
  done < <(logs_of "$1")
  echo "$execs $((n > 0 ? speed / n : 0)) $crashes $leaks"
}

run_one() {
  local t="$1" rc=0 r i log execs speed crashes leaks pids=()
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t" "$build/logs"
  rm -f "$build/logs/$t.log" "$build/logs/$t".w*.log  # an earlier run's, maybe with more workers
  # Every worker writes what it finds to the corpus folder (the first one named) and reloads it;
  # each gets its own random seed (libFuzzer's default -seed=0: time and process id).
  while read -r log; do
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$build/fuzz/$t" -max_total_time="$(seconds_for "$t")" -print_final_stats=1 \
      -rss_limit_mb="$rss" -timeout="$timeout" -max_len="$(maxlen_for "$t")" -dict="$(dict_for "$t")" \
      -artifact_prefix="$build/artifacts/$t/" \
      "$build/corpus/$t" "$seeds/$t" >"$log" 2>&1 &
    pids+=($!)
  done < <(logs_of "$t")
  for i in "${pids[@]}"; do
    wait "$i" && r=0 || r=$?
    [ "$rc" != 0 ] || rc=$r
  done
  echo $rc >"$build/logs/$t.rc"
  # Recorded as soon as the target ends, so a campaign stopped half-way keeps what it ran.
  read -r execs speed crashes leaks < <(results_of "$t")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    "$commit" "$t" "$(($(seconds_for "$t") * workers))" "$execs" "$speed" "$crashes" "$leaks" \
    "$(find "$build/corpus/$t" -type f | wc -l)" "$rc" >>"$campaign"
}
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$root" diff --quiet HEAD -- src include fuzz CMakeLists.txt 2>/dev/null ||
  commit="$commit+dirty"
[ -s "$campaign" ] ||
  printf 'date\tcommit\ttarget\tseconds\texecutions\texec_per_s\tcrashes\tleaks\tcorpus\texit\n' \
    >"$campaign"
export -f run_one results_of logs_of dict_for maxlen_for seconds_for
export build seconds rss timeout workers root seeds campaign commit FUZZ_SECONDS_TARGET="${FUZZ_SECONDS_TARGET:-}"
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {}'

status=0
echo "| target | executions | exec/s | corpus | crashes | leaks |"
echo "|---|---:|---:|---:|---:|---:|"
for t in "${targets[@]}"; do
  read -r execs speed crashes leaks < <(results_of "$t")
  corpus=$(find "$build/corpus/$t" -type f | wc -l)
  rc=$(cat "$build/logs/$t.rc")
  if [ "$rc" != 0 ] || [ "$leaks" != 0 ] || [ "$crashes" != 0 ]; then
    status=1
    echo "fuzz.sh: $t failed (exit $rc); see $build/logs/$t.log (and $t.w*.log) and $build/artifacts/$t/" >&2
  fi
  echo "| $t | $execs | $speed | $corpus | $crashes | $leaks |"
done
echo
print_campaign
exit $status
