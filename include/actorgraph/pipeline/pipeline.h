// Runs the stages: read → normalise → segment → match → co-occur, streaming documents in bounded
// batches over N threads, each with its own accumulator; the accumulators are merged at the end, so
// the result is the same for any thread count and memory does not grow with the corpus.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "actorgraph/match/matcher.h"
#include "actorgraph/match/roles.h"
#include "actorgraph/match/type_filter.h"
#include "actorgraph/network/cooccur.h"
#include "actorgraph/read/reader.h"

namespace actorgraph {

struct Progress {
  uint64_t documents = 0;
  uint64_t bytes = 0;
  uint64_t total_bytes = 0;  // 0 when unknown (standard input)
  double seconds = 0;
};

struct CountOptions {
  CooccurOptions cooccur;
  unsigned threads = 0;                           // 0 = all cores
  const RoleResolver* roles = nullptr;            // resolve titles by date (--roles) when set
  TypeMask types = kNetworkTypes;                 // actor types counted (--types)
  std::function<void(const Progress&)> progress;  // called now and then from the calling thread
};

// The threads a run uses for CountOptions::threads = `requested`: itself, or every core when 0
// (at least one).
inline unsigned WorkerThreads(unsigned requested) {
  unsigned threads = requested ? requested : std::thread::hardware_concurrency();
  return threads == 0 ? 1 : threads;
}

// Matches one document: the matcher, then titles resolved by date (when `roles` is set), then
// only the mentions of `types`.
void MatchDocument(const Matcher& matcher, const RoleResolver* roles, TypeMask types,
                   const Document& doc, MatchScratch* scratch, std::vector<Mention>* mentions);

// Counts co-occurrence over every document the reader yields.
Cooccurrence CountCorpus(const Matcher& matcher, DocumentReader& reader,
                         const CountOptions& options);

// The byte span in the original text of every window of the last matched document (sentence,
// paragraph or one document window), indexed as Mention::sentence / Mention::paragraph / 0.
std::vector<std::pair<uint32_t, uint32_t>> WindowSpans(const MatchScratch& scratch, Window window,
                                                       size_t text_size);

// Where the shipped gazetteer and sample corpus are. Gazetteer: $ACTORGRAPH_GAZETTEER, ./gazetteer,
// $ACTORGRAPH_DATA/gazetteer, PREFIX/share/actorgraph/gazetteer next to the running executable
// (PREFIX/bin/actorgraph: an installed tool uses its own data, wherever the prefix is), the source
// tree the tool was built from, then the configured install prefix's. Corpus: ./examples/articles,
// then examples/ in the same places. Throws Error naming the variables when nothing is found.
std::filesystem::path DefaultGazetteerPath();
std::filesystem::path DefaultCorpusPath();

}  // namespace actorgraph
