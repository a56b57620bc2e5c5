// Micro-benchmarks of the pipeline stages on the sample articles (examples/articles/*.txt) with the
// shipped gazetteer. Each benchmark processes all sample articles once per iteration and reports
// bytes/s of ORIGINAL article text, so the stages can be compared with each other and with the
// end-to-end throughput measured by bench/run.sh.
//
//   build/bench/micro_bench [--benchmark_filter=Match]
//
// ACTORGRAPH_GAZETTEER / ACTORGRAPH_ARTICLES override the data locations.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/match/matcher.h"
#include "actorgraph/network/cooccur.h"
#include "actorgraph/pipeline/pipeline.h"
#include "actorgraph/read/document.h"
#include "actorgraph/read/reader.h"
#include "actorgraph/text/normalize.h"
#include "actorgraph/text/segment.h"

namespace fs = std::filesystem;
using namespace actorgraph;

namespace {

std::string Env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

struct Data {
  std::vector<Document> docs;
  size_t bytes = 0;
  Gazetteer gazetteer;
  std::unique_ptr<Matcher> matcher;

  Data() {
    std::vector<fs::path> files;
    for (const auto& e :
         fs::directory_iterator(Env("ACTORGRAPH_ARTICLES", ACTORGRAPH_BENCH_ARTICLES)))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      Document d;
      d.id = f.stem().string();
      d.date = "2021-01-01";
      d.text = ss.str();
      d.seq = docs.size();
      bytes += d.text.size();
      docs.push_back(std::move(d));
    }
    gazetteer =
        Gazetteer::Load({fs::path(Env("ACTORGRAPH_GAZETTEER", ACTORGRAPH_BENCH_GAZETTEER))});
    matcher = std::make_unique<Matcher>(gazetteer);
  }
};

const Data& D() {
  static Data data;
  return data;
}

// A date in 2020-2021 (730 days) per document position, as the benchmark corpus has
// (bench/gen_corpus.py), so date timelines cost what they cost on a real corpus.
std::string DateOf(uint64_t seq) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int day = static_cast<int>((seq * 7919) % 730), year = 2020 + day / 365, month = 0;
  day %= 365;
  while (day >= kDays[month]) day -= kDays[month++];
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month + 1, day + 1);
  return buf;
}

// JSON string literal of `s` (the escapes JSON needs; UTF-8 is kept as it is).
std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// The reader on JSONL: the sample articles as scraper-style lines (id, title, source, date, url,
// text), repeated to about 2 MB, read from memory. MB/s of JSONL input.
void BM_ReadJsonl(benchmark::State& state) {
  const Data& d = D();
  std::string jsonl;
  for (uint64_t k = 0; jsonl.size() < (2u << 20); ++k) {
    const Document& doc = d.docs[k % d.docs.size()];
    std::string title = doc.text.substr(0, doc.text.find('\n'));
    jsonl += "{\"id\": \"doc" + std::to_string(k) + "\", \"title\": " + JsonString(title) +
             ", \"source\": \"bench\", \"date\": \"" + DateOf(k) +
             "\", \"url\": \"https://example.org/" + std::to_string(k) +
             "\", \"text\": " + JsonString(doc.text) + "}\n";
  }
  uint64_t docs = 0;
  for (auto _ : state) {
    std::istringstream in(jsonl);
    DocumentReader reader(in, "bench.jsonl", true, {});
    Document doc;
    while (reader.Next(&doc)) ++docs;
  }
  benchmark::DoNotOptimize(docs);
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(jsonl.size()));
}
BENCHMARK(BM_ReadJsonl);

void BM_Normalize(benchmark::State& state) {
  const Data& d = D();
  NormalizedText out;
  for (auto _ : state)
    for (const auto& doc : d.docs) {
      Normalize(doc.text, &out);
      benchmark::DoNotOptimize(out.text.data());
    }
  state.SetBytesProcessed(int64_t(state.iterations()) * d.bytes);
}
BENCHMARK(BM_Normalize);

void BM_Segment(benchmark::State& state) {
  const Data& d = D();
  std::vector<NormalizedText> norm;
  for (const auto& doc : d.docs) norm.push_back(Normalize(doc.text));
  Segmentation seg;
  for (auto _ : state)
    for (const auto& n : norm) {
      Segment(n.text, &seg);
      benchmark::DoNotOptimize(seg.tokens.data());
    }
  state.SetBytesProcessed(int64_t(state.iterations()) * d.bytes);
}
BENCHMARK(BM_Segment);

// Match includes Normalize and Segment (Matcher::Match runs them); the difference to the two
// benchmarks above is the trie lookup, dateline and tier-B logic.
void BM_MatcherMatch(benchmark::State& state) {
  const Data& d = D();
  MatchScratch sc;
  std::vector<Mention> mentions;
  size_t found = 0;
  for (auto _ : state)
    for (const auto& doc : d.docs) {
      d.matcher->Match(doc.text, &sc, &mentions);
      found += mentions.size();
    }
  benchmark::DoNotOptimize(found);
  state.SetBytesProcessed(int64_t(state.iterations()) * d.bytes);
  state.counters["mentions/iter"] = double(found) / double(state.iterations());
}
BENCHMARK(BM_MatcherMatch);

// AddDocument alone on precomputed mentions and windows (steady state: the accumulator already
// holds every edge, as it does after the first few thousand documents of a corpus).
void BM_CooccurrenceAddDocument(benchmark::State& state) {
  const Data& d = D();
  MatchScratch sc;
  std::vector<std::vector<Mention>> mentions(d.docs.size());
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> windows(d.docs.size());
  for (size_t i = 0; i < d.docs.size(); ++i) {
    d.matcher->Match(d.docs[i].text, &sc, &mentions[i]);
    windows[i] = WindowSpans(sc, Window::kSentence, d.docs[i].text.size());
  }
  Cooccurrence counts(d.gazetteer.actors().size(), CooccurOptions{});
  uint64_t seq = 0;
  std::vector<Document> docs = d.docs;
  for (auto _ : state)
    for (size_t i = 0; i < docs.size(); ++i) {
      docs[i].seq = seq;  // new document positions and dates, as in a real corpus
      docs[i].date = DateOf(seq++);
      counts.AddDocument(docs[i], mentions[i], windows[i]);
    }
  benchmark::DoNotOptimize(counts.mentions());
  state.SetBytesProcessed(int64_t(state.iterations()) * d.bytes);
}
BENCHMARK(BM_CooccurrenceAddDocument);

// The whole per-document work of CountCorpus (Match + WindowSpans + AddDocument), no I/O.
void BM_PerDocument(benchmark::State& state) {
  const Data& d = D();
  MatchScratch sc;
  std::vector<Mention> mentions;
  Cooccurrence counts(d.gazetteer.actors().size(), CooccurOptions{});
  uint64_t seq = 0;
  std::vector<Document> docs = d.docs;
  for (auto _ : state)
    for (auto& doc : docs) {
      doc.seq = seq;
      doc.date = DateOf(seq++);
      d.matcher->Match(doc.text, &sc, &mentions);
      counts.AddDocument(doc, mentions, WindowSpans(sc, Window::kSentence, doc.text.size()));
    }
  benchmark::DoNotOptimize(counts.mentions());
  state.SetBytesProcessed(int64_t(state.iterations()) * d.bytes);
}
BENCHMARK(BM_PerDocument);

void BM_CompileShippedGazetteer(benchmark::State& state) {
  const Data& d = D();
  for (auto _ : state) {
    Matcher m(d.gazetteer);
    benchmark::DoNotOptimize(m.forms());
  }
  state.counters["forms"] = double(Matcher(d.gazetteer).forms());
}
BENCHMARK(BM_CompileShippedGazetteer)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
