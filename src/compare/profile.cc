#include "actorgraph/compare/profile.h"

#include <algorithm>
#include <bit>
#include <numeric>

#include "actorgraph/compare/grouping.h"

namespace actorgraph {
namespace {

constexpr uint32_t kNoTerm = UINT32_MAX;
constexpr uint32_t kUnknown = UINT32_MAX - 1;

void AddSurface(TermInfo* t, std::string_view s, uint64_t n) {
  for (auto& [text, count] : t->surfaces)
    if (text == s) {
      count += n;
      return;
    }
  t->surfaces.push_back({std::string(s), n});
}

void TakeSnippet(TermInfo* into, const TermInfo& from) {
  if (from.snippet_seq < into->snippet_seq ||
      (from.snippet_seq == into->snippet_seq && from.snippet_byte < into->snippet_byte)) {
    into->snippet_seq = from.snippet_seq;
    into->snippet_byte = from.snippet_byte;
    into->snippet = from.snippet;
  }
}

// A snippet of about `max_chars` characters around the word [b, e) (network/cooccur.h's
// MakeSnippet: cut at spaces, "…" where the text goes on).
std::string SnippetAround(std::string_view text, uint32_t b, uint32_t e, size_t max_chars) {
  return MakeSnippet(text, 0, static_cast<uint32_t>(text.size()), {b, e}, {b, e}, max_chars);
}

constexpr std::string_view kAlef = "\xD8\xA7";  // ا

// The forms a term may join (Finish): its stems under bare proclitics (BareProcliticStems), and,
// for an Arabic word of 4+ letters ending in ا, the word without it (the indefinite accusative:
// دوراً -> دور, قائداً -> قائد; tanween itself is removed by normalisation), also after a proclitic.
std::vector<std::string_view> JoinCandidates(std::string_view key) {
  std::vector<std::string_view> out = BareProcliticStems(key);
  auto drop_alef = [&](std::string_view w) {
    if (w.ends_with(kAlef) && CodePointCount(w) >= 4 && static_cast<unsigned char>(w[0]) >= 0xD8)
      out.push_back(w.substr(0, w.size() - kAlef.size()));
  };
  const size_t stems = out.size();
  drop_alef(key);
  for (size_t i = 0; i < stems; ++i) drop_alef(out[i]);
  return out;
}

}  // namespace

size_t CountMap::Slot(uint32_t key) const {
  return static_cast<size_t>((uint64_t(key) * 0x9E3779B97F4A7C15ull) >> shift_);
}

void CountMap::Grow() {
  std::vector<uint32_t> keys = std::move(keys_);
  std::vector<uint64_t> values = std::move(values_);
  const size_t cap = keys.empty() ? 16 : keys.size() * 2;
  shift_ = 64 - std::countr_zero(cap);
  keys_.assign(cap, kEmpty);
  values_.assign(cap, 0);
  const size_t mask = cap - 1;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == kEmpty) continue;
    size_t s = Slot(keys[i]);
    while (keys_[s] != kEmpty) s = (s + 1) & mask;
    keys_[s] = keys[i];
    values_[s] = values[i];
  }
}

void CountMap::Add(uint32_t key, uint64_t n) {
  if ((size_ + 1) * 4 > keys_.size() * 3) Grow();  // load factor <= 3/4
  const size_t mask = keys_.size() - 1;
  size_t s = Slot(key);
  while (keys_[s] != kEmpty && keys_[s] != key) s = (s + 1) & mask;
  if (keys_[s] == kEmpty) {
    keys_[s] = key;
    ++size_;
  }
  values_[s] += n;
}

uint64_t CountMap::Get(uint32_t key) const {
  if (keys_.empty()) return 0;
  const size_t mask = keys_.size() - 1;
  for (size_t s = Slot(key);; s = (s + 1) & mask) {
    if (keys_[s] == key) return values_[s];
    if (keys_[s] == kEmpty) return 0;
  }
}

const std::string& TermInfo::Surface() const {
  static const std::string kEmpty;
  const std::pair<std::string, uint64_t>* best = nullptr;
  for (const auto& s : surfaces)
    if (!best || s.second > best->second || (s.second == best->second && s.first < best->first))
      best = &s;
  return best ? best->first : (key.empty() ? kEmpty : key);
}

GroupProfiles::GroupProfiles(const Gazetteer& gazetteer, const TermFilter& filter,
                             const FrameDictionary* frames, ProfileOptions options)
    : filter_(filter),
      frames_(frames),
      options_(std::move(options)),
      num_actors_(gazetteer.actors().size()) {
  options_.cooccur.max_evidence = 0;
}

GroupProfile& GroupProfiles::Group(const std::string& name) {
  auto it = group_index_.find(name);
  if (it != group_index_.end()) return *groups_[it->second];
  group_index_.emplace(name, static_cast<uint32_t>(groups_.size()));
  groups_.push_back(std::make_unique<GroupProfile>(name, num_actors_, options_.cooccur));
  return *groups_.back();
}

uint32_t GroupProfiles::TermId(std::string_view key) {
  auto it = term_index_.find(key);
  if (it != term_index_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(terms_.size());
  TermInfo t;
  t.key = std::string(key);
  if (frames_) t.frames = frames_->Match(key, BareProcliticStems(key));
  terms_.push_back(std::move(t));
  term_index_.emplace(std::string(key), id);
  return id;
}

uint32_t GroupProfiles::TokenTerm(std::string_view token) {
  auto it = token_cache_.find(token);
  if (it != token_cache_.end()) return it->second;
  std::string_view key = filter_.Key(token);
  uint32_t id = key.empty() ? kNoTerm : TermId(key);
  token_cache_.emplace(std::string(token), id);
  return id;
}

void GroupProfiles::AddDocument(const Document& doc, const std::string& group,
                                const MatchScratch& sc, const std::vector<Mention>& mentions,
                                const std::vector<std::pair<uint32_t, uint32_t>>& windows) {
  GroupProfile& g = Group(group);
  ++g.documents;
  g.cooccur.AddDocument(doc, mentions, windows);
  g.cooccur.AddSentences(sc.seg.sentences.size());
  if (mentions.empty()) return;

  FindContexts(sc.seg, sc.norm, mentions, options_.context_tokens, &contexts_);
  const auto& toks = sc.seg.tokens;
  const auto& to_orig = sc.norm.to_orig;
  const std::string_view norm = sc.norm.text;
  const size_t T = toks.size();
  token_term_.assign(T, kUnknown);
  if (stamp_.size() < T) stamp_.resize(T, 0);
  if (all_stamp_.size() < T) all_stamp_.resize(T, 0);
  ++doc_serial_;
  const uint32_t doc_stamp = static_cast<uint32_t>(doc_serial_);

  auto term_of = [&](uint32_t t) -> uint32_t {
    if (token_term_[t] != kUnknown) return token_term_[t];
    uint32_t id = kNoTerm;
    if (!contexts_.covered[t]) {
      id = TokenTerm(norm.substr(toks[t].begin, toks[t].end - toks[t].begin));
      if (id != kNoTerm) {
        TermInfo& info = terms_[id];
        const uint32_t ob = to_orig[toks[t].begin], oe = to_orig[toks[t].end];
        AddSurface(&info, std::string_view(doc.text).substr(ob, oe - ob), 1);
        if (doc.seq < info.snippet_seq || (doc.seq == info.snippet_seq && ob < info.snippet_byte)) {
          info.snippet_seq = doc.seq;
          info.snippet_byte = ob;
          info.snippet = SnippetAround(doc.text, ob, oe, options_.snippet_chars);
        }
      }
    }
    token_term_[t] = id;
    return id;
  };

  const size_t num_frames = frames_ ? frames_->frames().size() : 0;
  TermCounts& all_terms = g.terms[kAllActors];
  FrameCounts& all_frames = g.frames[kAllActors];
  if (all_frames.hits.size() < num_frames) all_frames.hits.resize(num_frames, 0);
  for (size_t k = 0; k < contexts_.actors.size(); ++k) {
    const uint32_t actor = contexts_.actors[k];
    ++pass_;
    if (pass_ == 0) {  // wrapped: clear the stamps once
      std::fill(stamp_.begin(), stamp_.end(), 0);
      pass_ = 1;
    }
    TermCounts& tc = g.terms[actor];
    FrameCounts& fc = g.frames[actor];
    if (fc.hits.size() < num_frames) fc.hits.resize(num_frames, 0);
    for (const auto& [b, e] : contexts_.ranges[k]) {
      uint64_t mask = 0;
      for (uint32_t t = b; t < e && t < T; ++t) {
        uint32_t id = term_of(t);
        if (id == kNoTerm) continue;
        mask |= terms_[id].frames;
        if (stamp_[t] == pass_) continue;  // overlapping ±N contexts count a token once
        stamp_[t] = pass_;
        tc.counts.Add(id);
        ++tc.total;
        if (all_stamp_[t] != doc_stamp) {
          all_stamp_[t] = doc_stamp;
          all_terms.counts.Add(id);
          ++all_terms.total;
        }
      }
      ++fc.contexts;
      ++all_frames.contexts;
      for (size_t f = 0; f < num_frames; ++f)
        if (mask >> f & 1) {
          ++fc.hits[f];
          ++all_frames.hits[f];
        }
    }
  }
}

void GroupProfiles::Merge(GroupProfiles&& other) {
  std::vector<uint32_t> remap(other.terms_.size());
  for (size_t i = 0; i < other.terms_.size(); ++i) {
    TermInfo& from = other.terms_[i];
    uint32_t id = TermId(from.key);
    remap[i] = id;
    for (const auto& [s, n] : from.surfaces) AddSurface(&terms_[id], s, n);
    TakeSnippet(&terms_[id], from);
  }
  for (auto& og : other.groups_) {
    GroupProfile& g = Group(og->name);
    g.documents += og->documents;
    g.cooccur.Merge(og->cooccur);
    for (auto& [actor, tc] : og->terms) {
      TermCounts& dst = g.terms[actor];
      for (const auto& [id, n] : tc.counts) dst.counts.Add(remap[id], n);
      dst.total += tc.total;
    }
    for (auto& [actor, fc] : og->frames) {
      FrameCounts& dst = g.frames[actor];
      dst.contexts += fc.contexts;
      if (dst.hits.size() < fc.hits.size()) dst.hits.resize(fc.hits.size(), 0);
      for (size_t f = 0; f < fc.hits.size(); ++f) dst.hits[f] += fc.hits[f];
    }
  }
  other.groups_.clear();
  other.group_index_.clear();
  other.terms_.clear();
  other.term_index_.clear();
  other.token_cache_.clear();
}

std::vector<std::string> GroupProfiles::DropSmallGroups(uint64_t min_docs) {
  std::vector<std::string> dropped;
  std::vector<std::unique_ptr<GroupProfile>> kept;
  for (auto& g : groups_) {
    if (g->documents < min_docs)
      dropped.push_back(g->name);
    else
      kept.push_back(std::move(g));
  }
  groups_ = std::move(kept);
  group_index_.clear();
  for (size_t i = 0; i < groups_.size(); ++i) group_index_.emplace(groups_[i]->name, i);
  return dropped;
}

void GroupProfiles::Finish() {
  std::stable_sort(groups_.begin(), groups_.end(),
                   [](const auto& a, const auto& b) { return GroupLess(a->name, b->name); });
  group_index_.clear();
  for (size_t i = 0; i < groups_.size(); ++i) group_index_.emplace(groups_[i]->name, i);

  // Corpus-wide counts decide which bare-proclitic forms join their stems.
  const size_t n = terms_.size();
  std::vector<uint64_t> corpus(n, 0);
  for (const auto& g : groups_)
    if (auto it = g->terms.find(kAllActors); it != g->terms.end())
      for (const auto& [id, c] : it->second.counts) corpus[id] += c;
  std::vector<uint32_t> target(n);
  std::iota(target.begin(), target.end(), 0);
  for (size_t w = 0; w < n; ++w) {
    uint64_t best = 0;
    for (auto stem : JoinCandidates(terms_[w].key)) {
      auto it = term_index_.find(stem);
      if (it == term_index_.end()) continue;
      uint64_t v = corpus[it->second];
      if (v >= corpus[w] && v > best) {
        best = v;
        target[w] = it->second;
      }
    }
  }
  for (size_t w = 0; w < n; ++w)
    while (target[target[w]] != target[w]) target[w] = target[target[w]];

  // Canonical ids: the surviving terms in byte order of their keys, whatever the thread split.
  std::vector<uint32_t> kept;
  for (size_t w = 0; w < n; ++w)
    if (target[w] == w) kept.push_back(static_cast<uint32_t>(w));
  std::sort(kept.begin(), kept.end(),
            [&](uint32_t a, uint32_t b) { return terms_[a].key < terms_[b].key; });
  std::vector<uint32_t> new_id(n);
  for (size_t i = 0; i < kept.size(); ++i) new_id[kept[i]] = static_cast<uint32_t>(i);
  for (size_t w = 0; w < n; ++w) new_id[w] = new_id[target[w]];

  std::vector<TermInfo> terms(kept.size());
  for (size_t i = 0; i < kept.size(); ++i) terms[i] = std::move(terms_[kept[i]]);
  for (size_t w = 0; w < n; ++w) {
    if (target[w] == w) continue;
    TermInfo& into = terms[new_id[w]];
    for (const auto& [s, c] : terms_[w].surfaces) AddSurface(&into, s, c);
    TakeSnippet(&into, terms_[w]);
  }
  terms_ = std::move(terms);
  token_cache_.clear();  // held the old ids
  term_index_.clear();
  for (size_t i = 0; i < terms_.size(); ++i) term_index_.emplace(terms_[i].key, i);
  for (auto& g : groups_)
    for (auto& [actor, tc] : g->terms) {
      CountMap counts;
      for (const auto& [id, c] : tc.counts) counts.Add(new_id[id], c);
      tc.counts = std::move(counts);
    }
}

}  // namespace actorgraph
