// Counts co-occurrence: each unordered pair of distinct actors once per window (sentence, paragraph
// or document), plus per-actor mention and document counts, date timelines and capped evidence.
// Accumulators merge exactly (threads, shards): every statistic is a sum, a min/max or the N
// earliest pieces of evidence by (document position, window), so the result never depends on the
// split.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "actorgraph/match/matcher.h"
#include "actorgraph/match/type_filter.h"
#include "actorgraph/network/graph.h"
#include "actorgraph/read/document.h"

namespace actorgraph {

enum class Window : uint8_t { kSentence, kParagraph, kDocument };
std::string_view ToString(Window w);
// "sentence" | "paragraph" | "document"; throws Error otherwise.
Window ParseWindow(std::string_view s);

struct CooccurOptions {
  Window window = Window::kSentence;
  size_t max_evidence = 5;     // evidence kept per edge
  size_t snippet_chars = 160;  // longest snippet in characters (code points), "…" marks a cut
  // Recorded with the counts, not applied by Cooccurrence: the actor types the counted mentions
  // were kept to (--types) and whether titles were resolved to office holders (--roles).
  // CountCorpus fills them in; partial graphs carry them, so `merge` refuses shards counted
  // otherwise.
  TypeMask types = kNetworkTypes;
  bool roles = false;
};

struct NodeStats {
  uint64_t mentions = 0;
  uint64_t documents = 0;
  uint64_t windows = 0;                     // windows (sentences, paragraphs...) naming the actor
  std::map<std::string, uint64_t> by_date;  // mentions per document date
  std::vector<uint32_t> sources;            // Cooccurrence::source_names() indices, ascending
};

struct EvidenceRecord {
  uint64_t seq = 0;  // document position in the input (orders evidence)
  Evidence evidence;
};

struct EdgeStats {
  uint64_t count = 0;
  uint64_t documents = 0;
  std::map<std::string, uint64_t> by_date;
  std::vector<EvidenceRecord> evidence;  // sorted by (seq, window), at most max_evidence
  std::vector<uint32_t> sources;         // Cooccurrence::source_names() indices, ascending
};

class Cooccurrence {
 public:
  Cooccurrence(size_t num_actors, CooccurOptions options);

  // Adds one document. `mentions` come from Matcher::Match on doc.text; `windows[k]` is the byte
  // span of window k in the original text, where k is the mention's sentence index (sentence
  // window), paragraph index (paragraph window) or 0 (document window).
  void AddDocument(const Document& doc, const std::vector<Mention>& mentions,
                   const std::vector<std::pair<uint32_t, uint32_t>>& windows);
  // Adds another accumulator's counts (same gazetteer and options).
  void Merge(const Cooccurrence& other);

  const CooccurOptions& options() const { return options_; }
  // Indexed by actor. The date counts of documents added since the last call are folded into
  // `by_date` here (see FlushDates), so, as before, do not call it from two threads at once.
  const std::vector<NodeStats>& nodes() const {
    FlushDates();
    return nodes_;
  }
  // Key: (a << 32) | b with actor indices a < b.
  const std::unordered_map<uint64_t, EdgeStats>& edges() const {
    FlushDates();
    return edges_;
  }
  uint64_t documents() const { return documents_; }
  uint64_t sentences() const { return sentences_; }
  uint64_t mentions() const { return mentions_; }
  // Windows of the chosen kind in all documents (with or without actors): the N of the
  // association measures (analyse/edge_measures.h).
  uint64_t windows() const { return windows_; }
  void AddSentences(uint64_t n) { sentences_ += n; }
  // The distinct document sources (JSONL `source`) seen, interned: NodeStats::sources and
  // EdgeStats::sources hold indices into this list (in order of first sight, so the indices differ
  // between accumulators; names are what merges and outputs compare). Per node and edge only a
  // small sorted set of 4-byte ids is kept, whatever the number of mentions.
  const std::vector<std::string>& source_names() const { return source_names_; }
  // The index of `name`, added when new.
  uint32_t InternSource(const std::string& name);
  // Adds index `id` to a sorted id set.
  static void AddSource(std::vector<uint32_t>* set, uint32_t id);

  static uint64_t Key(uint32_t a, uint32_t b) {
    if (b < a) std::swap(a, b);
    return (uint64_t(a) << 32) | b;
  }

  // Internal to merge and partial files: direct access to the accumulators.
  std::vector<NodeStats>& mutable_nodes() {
    FlushDates();
    return nodes_;
  }
  std::unordered_map<uint64_t, EdgeStats>& mutable_edges() {
    FlushDates();
    return edges_;
  }
  void AddTotals(uint64_t documents, uint64_t sentences, uint64_t mentions, uint64_t windows) {
    documents_ += documents, sentences_ += sentences, mentions_ += mentions, windows_ += windows;
  }
  // Folds the pending date counts into the `by_date` maps now, split over `threads` threads (each
  // folds the dates of its own share of the actors and pairs, so the maps are the same for any
  // count): what the first nodes() or edges() call would otherwise do on one thread.
  void FoldPendingDates(unsigned threads) {
    if (dates_pending_) FoldDates(threads);
  }

  // Keeps the `max_evidence` earliest records of `into` after appending `from`.
  void MergeEvidence(std::vector<EvidenceRecord>* into,
                     const std::vector<EvidenceRecord>& from) const;

 private:
  // Adds the pending date counts to the `by_date` maps and clears them. AddDocument counts dates
  // by interned date id in flat hash tables (one string hash per document instead of a
  // string-keyed tree search per actor and per pair: a fifth of a dated build's time); the maps
  // are filled only when they are read. Sums commute, so the result is the same.
  void FlushDates() const {
    if (dates_pending_) FoldDates(1);
  }
  void FoldDates(unsigned threads) const;

  CooccurOptions options_;
  mutable std::vector<NodeStats> nodes_;
  mutable std::unordered_map<uint64_t, EdgeStats> edges_;
  // Pending date counts: date strings interned per accumulator; node key (actor << 32) | date id,
  // edge key (pair key, date id).
  absl::flat_hash_map<std::string, uint32_t> date_ids_;
  std::vector<std::string> date_names_;
  mutable absl::flat_hash_map<uint64_t, uint64_t> node_dates_;
  mutable absl::flat_hash_map<std::pair<uint64_t, uint32_t>, uint64_t> edge_dates_;
  mutable bool dates_pending_ = false;
  uint64_t documents_ = 0, sentences_ = 0, mentions_ = 0, windows_ = 0;
  std::vector<std::string> source_names_;
  std::unordered_map<std::string, uint32_t> source_ids_;
  // Per-document scratch.
  std::vector<uint32_t> seen_doc_;      // per actor: last document (seq+1) counted
  std::vector<uint64_t> pairs_in_doc_;  // one entry per (pair, window)
  std::vector<std::pair<uint32_t, uint64_t>> doc_actors_;  // actors of the document, mentions
};

struct ByteSpan {
  uint32_t start = 0, end = 0;  // byte offsets
};

// An evidence snippet of the window `text`[start, end) (byte offsets into UTF-8 text) that shows
// both names, `first` and `second` (the first mention of each actor in the window): white space
// collapsed; about max_chars characters (code points, so Arabic and English snippets are equally
// long) of context shared around the names, cut at a space where one is near and marked "… " /
// " …" where the window goes on. When the names are more than max_chars apart, each name gets half
// the length with its own context, joined by " … ".
std::string MakeSnippet(std::string_view text, uint32_t start, uint32_t end, ByteSpan first,
                        ByteSpan second, size_t max_chars);

}  // namespace actorgraph
