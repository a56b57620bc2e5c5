// Per-group counts for comparison: for each group of documents (grouping.h), the co-occurrence
// counts of the network stage (mentions, documents, pairs per window), and for each actor the
// descriptor terms of its contexts and the frame hits per context. Accumulators merge exactly
// (threads): every statistic is a sum, and the one example snippet per term is the earliest by
// (document position, byte), so the result never depends on the split.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "actorgraph/compare/descriptors.h"
#include "actorgraph/compare/frames.h"
#include "actorgraph/network/cooccur.h"

namespace actorgraph {

struct ProfileOptions {
  CooccurOptions cooccur;       // window for partners (max_evidence is forced to 0)
  uint32_t context_tokens = 0;  // 0: an actor's context is its sentence; N: ±N tokens
  size_t snippet_chars = 100;   // longest example snippet, in characters (code points)
};

// Actor index used for the corpus-wide row (`*`): every actor's contexts together.
inline constexpr uint32_t kAllActors = UINT32_MAX;

// Counts by term id: an open-addressing hash table (linear probing, power-of-two capacity,
// Fibonacci hashing), much cheaper than std::unordered_map on the per-token path. Iteration order
// is unspecified; callers sort what they write.
class CountMap {
 public:
  void Add(uint32_t key, uint64_t n = 1);
  uint64_t Get(uint32_t key) const;  // 0 when absent
  size_t size() const { return size_; }

  class const_iterator {
   public:
    const_iterator(const CountMap* m, size_t i) : m_(m), i_(i) { Skip(); }
    std::pair<uint32_t, uint64_t> operator*() const { return {m_->keys_[i_], m_->values_[i_]}; }
    const_iterator& operator++() {
      ++i_;
      Skip();
      return *this;
    }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }

   private:
    void Skip() {
      while (i_ < m_->keys_.size() && m_->keys_[i_] == kEmpty) ++i_;
    }
    const CountMap* m_;
    size_t i_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, keys_.size()}; }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  size_t Slot(uint32_t key) const;
  void Grow();
  std::vector<uint32_t> keys_;
  std::vector<uint64_t> values_;
  size_t size_ = 0;
  int shift_ = 64;
};

struct TermCounts {
  CountMap counts;     // term id -> occurrences in the contexts
  uint64_t total = 0;  // sum of counts
};

struct FrameCounts {
  uint64_t contexts = 0;
  std::vector<uint64_t> hits;  // per frame: contexts with at least one of its terms
};

struct GroupProfile {
  std::string name;
  uint64_t documents = 0;
  Cooccurrence cooccur;
  std::unordered_map<uint32_t, TermCounts> terms;    // by actor, kAllActors for `*`
  std::unordered_map<uint32_t, FrameCounts> frames;  // by actor, kAllActors for `*`
  explicit GroupProfile(std::string n, size_t actors, const CooccurOptions& o)
      : name(std::move(n)), cooccur(actors, o) {}
};

struct TermInfo {
  std::string key;  // normalised form without article (TermFilter::Key)
  std::vector<std::pair<std::string, uint64_t>> surfaces;  // original spellings and counts
  uint64_t frames = 0;                                     // FrameDictionary::Match bits
  uint64_t snippet_seq = UINT64_MAX;                       // document of the earliest occurrence
  uint32_t snippet_byte = 0;
  std::string snippet;  // its sentence around the term
  // The most frequent surface spelling (ties: byte order).
  const std::string& Surface() const;
};

class GroupProfiles {
 public:
  // `filter` and `frames` (may be null: no frames) must outlive the accumulator.
  GroupProfiles(const Gazetteer& gazetteer, const TermFilter& filter, const FrameDictionary* frames,
                ProfileOptions options);

  // Adds one matched document to `group`. `scratch` and `mentions` are the matcher's output for
  // doc.text; `windows` the byte spans of the co-occurrence windows (as for Cooccurrence).
  void AddDocument(const Document& doc, const std::string& group, const MatchScratch& scratch,
                   const std::vector<Mention>& mentions,
                   const std::vector<std::pair<uint32_t, uint32_t>>& windows);
  // Adds another accumulator (same gazetteer, filter and options); `other` is left empty.
  void Merge(GroupProfiles&& other);
  // Call once after the last Merge: orders groups (GroupLess) and resolves bare proclitics: a term
  // p+S (p one of و ف ب ل ك and their pairs, BareProcliticStems) is counted as S when S occurs as
  // a term in the corpus at least as often as p+S (so ومقتل joins مقتل, while وزير, كتائب and بيان,
  // whose "stems" are rare or absent, stay whole); likewise a word of 4+ letters ending in the
  // accusative ا joins the word without it (قائدا -> قائد, but دنيا stays: دني is rare).
  void Finish();
  // Removes the groups with fewer than `min_docs` documents (their documents leave the corpus);
  // returns their names in group order.
  std::vector<std::string> DropSmallGroups(uint64_t min_docs);

  const std::vector<std::unique_ptr<GroupProfile>>& groups() const { return groups_; }
  const std::vector<TermInfo>& terms() const { return terms_; }
  const FrameDictionary* frames() const { return frames_; }
  const ProfileOptions& options() const { return options_; }
  size_t num_actors() const { return num_actors_; }

 private:
  GroupProfile& Group(const std::string& name);
  uint32_t TermId(std::string_view key);
  // The term id of a normalised token (TermFilter::Key, then TermId), or UINT32_MAX when the
  // filter drops it; cached per distinct token.
  uint32_t TokenTerm(std::string_view token);

  const TermFilter& filter_;
  const FrameDictionary* frames_;
  ProfileOptions options_;
  size_t num_actors_;
  std::vector<std::unique_ptr<GroupProfile>> groups_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> group_index_;
  std::vector<TermInfo> terms_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> term_index_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> token_cache_;
  // Per-document scratch.
  DocContexts contexts_;
  std::vector<uint32_t> token_term_;  // per token: term id, kNoTerm or kUnknown
  std::vector<uint32_t> stamp_;       // per token: last actor pass that counted it
  std::vector<uint32_t> all_stamp_;   // per token: counted for `*` in this document
  uint32_t pass_ = 0;
  uint64_t doc_serial_ = 0;
};

}  // namespace actorgraph
