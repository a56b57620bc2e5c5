#include "actorgraph/network/cooccur.h"

#include <algorithm>
#include <exception>
#include <numeric>
#include <system_error>
#include <thread>
#include <tuple>

#include "actorgraph/base/error.h"

namespace actorgraph {

std::string_view ToString(Window w) {
  switch (w) {
    case Window::kSentence:
      return "sentence";
    case Window::kParagraph:
      return "paragraph";
    case Window::kDocument:
      return "document";
  }
  return "?";
}

Window ParseWindow(std::string_view s) {
  if (s == "sentence") return Window::kSentence;
  if (s == "paragraph") return Window::kParagraph;
  if (s == "document") return Window::kDocument;
  throw Error("--window: '" + std::string(s) + "' is not one of sentence, paragraph, document");
}

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t CountChars(std::string_view t, uint32_t from, uint32_t to) {
  size_t n = 0;
  for (uint32_t i = from; i < to; ++i) n += !IsContinuation(t[i]);
  return n;
}

// Moves `i` back (step < 0) or forward by up to `n` characters inside [lo, hi); returns how many
// characters it moved.
size_t StepChars(std::string_view t, uint32_t lo, uint32_t hi, uint32_t* i, int step, size_t n) {
  size_t moved = 0;
  for (; moved < n; ++moved) {
    if (step < 0) {
      if (*i <= lo) break;
      do --*i;
      while (*i > lo && IsContinuation(t[*i]));
    } else {
      if (*i >= hi) break;
      do ++*i;
      while (*i < hi && IsContinuation(t[*i]));
    }
  }
  return moved;
}

// The focus [from, to) widened by up to `budget` characters, both sides alike, within [start, end),
// then pulled in to a word boundary where one is within a few letters (never into the focus).
std::pair<uint32_t, uint32_t> Widen(std::string_view t, uint32_t start, uint32_t end,
                                    uint32_t focus_from, uint32_t focus_to, size_t budget) {
  uint32_t from = focus_from, to = focus_to;
  size_t left = budget / 2, right = budget - left;
  size_t got_left = StepChars(t, start, end, &from, -1, left);
  size_t got_right = StepChars(t, start, end, &to, +1, right + (left - got_left));
  if (got_right < right) StepChars(t, start, end, &from, -1, right - got_right);
  const uint32_t near = 24;  // bytes: a few letters
  if (from > start) {
    uint32_t f = from;
    while (f < from + near && f < focus_from && !IsSpace(t[f])) ++f;
    if (f < focus_from && IsSpace(t[f])) from = f;
  }
  if (to < end) {
    uint32_t e = to;
    while (e + near > to && e > focus_to && !IsSpace(t[e - 1])) --e;
    if (e > focus_to && IsSpace(t[e - 1])) to = e;
  }
  return {from, to};
}

// The text of [from, to) with white space collapsed and trimmed.
std::string Collapse(std::string_view t, uint32_t from, uint32_t to) {
  std::string out;
  bool space = false;
  for (uint32_t i = from; i < to; ++i) {
    if (IsSpace(t[i])) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += t[i];
  }
  return out;
}

const char kEllipsis[] = "\xE2\x80\xA6";  // …

}  // namespace

std::string MakeSnippet(std::string_view text, uint32_t start, uint32_t end, ByteSpan first,
                        ByteSpan second, size_t max_chars) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(text.size()));
  start = std::min(start, end);
  auto clamp = [&](ByteSpan s) {
    s.start = std::clamp(s.start, start, end);
    s.end = std::clamp(s.end, s.start, end);
    return s;
  };
  first = clamp(first);
  second = clamp(second);
  if (second.start < first.start) std::swap(first, second);
  uint32_t focus_start = first.start, focus_end = std::max(first.end, second.end);
  size_t focus = CountChars(text, focus_start, focus_end);
  std::string out;
  auto piece = [&](uint32_t from, uint32_t to, size_t budget) {
    auto [f, t] = Widen(text, start, end, from, to, budget);
    std::string s = f > start ? std::string(kEllipsis) + " " : std::string();
    s += Collapse(text, f, t);
    if (t < end) s += std::string(" ") + kEllipsis;
    return s;
  };
  if (focus <= max_chars) return piece(focus_start, focus_end, max_chars - focus);
  // The names are far apart: each name with its own context, joined by "…".
  size_t each = max_chars / 2;
  size_t a = CountChars(text, first.start, first.end),
         b = CountChars(text, second.start, second.end);
  std::string left = piece(first.start, first.end, each > a ? each - a : 0);
  std::string right = piece(second.start, second.end, each > b ? each - b : 0);
  std::string ellipsis = " ";
  ellipsis += kEllipsis;
  // Where the two pieces meet, one "…" is enough.
  if (left.size() >= ellipsis.size() &&
      left.compare(left.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0)
    left.resize(left.size() - ellipsis.size());
  left += ' ';
  left += right;
  return left;
}

Cooccurrence::Cooccurrence(size_t num_actors, CooccurOptions options)
    : options_(options), nodes_(num_actors), seen_doc_(num_actors, 0) {}

void Cooccurrence::MergeEvidence(std::vector<EvidenceRecord>* into,
                                 const std::vector<EvidenceRecord>& from) const {
  into->insert(into->end(), from.begin(), from.end());
  auto key = [](const EvidenceRecord& r) { return std::tie(r.seq, r.evidence.window); };
  std::sort(into->begin(), into->end(),
            [&](const EvidenceRecord& a, const EvidenceRecord& b) { return key(a) < key(b); });
  into->erase(std::unique(into->begin(), into->end(),
                          [&](const EvidenceRecord& a, const EvidenceRecord& b) {
                            return key(a) == key(b);
                          }),
              into->end());
  if (into->size() > options_.max_evidence) into->resize(options_.max_evidence);
}

uint32_t Cooccurrence::InternSource(const std::string& name) {
  auto [it, fresh] = source_ids_.emplace(name, static_cast<uint32_t>(source_names_.size()));
  if (fresh) source_names_.push_back(name);
  return it->second;
}

void Cooccurrence::AddSource(std::vector<uint32_t>* set, uint32_t id) {
  auto it = std::lower_bound(set->begin(), set->end(), id);
  if (it == set->end() || *it != id) set->insert(it, id);
}

void Cooccurrence::AddDocument(const Document& doc, const std::vector<Mention>& mentions,
                               const std::vector<std::pair<uint32_t, uint32_t>>& windows) {
  ++documents_;
  mentions_ += mentions.size();
  windows_ += windows.size();
  const uint32_t stamp = static_cast<uint32_t>(documents_);  // unique per AddDocument call
  const bool sourced = !doc.source.empty() && !mentions.empty();
  const uint32_t source = sourced ? InternSource(doc.source) : 0;
  // Per-actor counts for this document first, so each date map is touched once per document.
  doc_actors_.clear();
  for (const Mention& m : mentions) {
    NodeStats& n = nodes_[m.actor];
    ++n.mentions;
    if (seen_doc_[m.actor] != stamp) {
      seen_doc_[m.actor] = stamp;
      ++n.documents;
      if (sourced) AddSource(&n.sources, source);
      doc_actors_.push_back({m.actor, 0});
    }
  }
  uint32_t date_id = 0;
  if (!doc.date.empty()) {
    auto [it, added] = date_ids_.try_emplace(doc.date, static_cast<uint32_t>(date_names_.size()));
    if (added) date_names_.push_back(doc.date);
    date_id = it->second;
    dates_pending_ = true;
    for (auto& [actor, count] : doc_actors_) count = 0;
    std::sort(doc_actors_.begin(), doc_actors_.end());
    for (const Mention& m : mentions) {
      auto it = std::lower_bound(doc_actors_.begin(), doc_actors_.end(),
                                 std::pair<uint32_t, uint64_t>{m.actor, 0});
      ++it->second;
    }
    for (const auto& [actor, count] : doc_actors_)
      node_dates_[(uint64_t{actor} << 32) | date_id] += count;
  }
  // Group mentions by window; each unordered pair of distinct actors counts once per window.
  auto window_of = [&](const Mention& m) -> uint32_t {
    switch (options_.window) {
      case Window::kSentence:
        return m.sentence;
      case Window::kParagraph:
        return m.paragraph;
      case Window::kDocument:
        return 0;
    }
    return 0;
  };
  pairs_in_doc_.clear();
  std::vector<uint32_t> actors;
  for (size_t i = 0; i < mentions.size();) {
    uint32_t w = window_of(mentions[i]);
    actors.clear();
    size_t first = i, j = i;
    for (; j < mentions.size() && window_of(mentions[j]) == w; ++j)
      actors.push_back(mentions[j].actor);
    i = j;
    std::sort(actors.begin(), actors.end());
    actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
    for (uint32_t actor : actors) ++nodes_[actor].windows;
    for (size_t a = 0; a < actors.size(); ++a) {
      for (size_t b = a + 1; b < actors.size(); ++b) {
        uint64_t key = Key(actors[a], actors[b]);
        EdgeStats& e = edges_[key];
        ++e.count;
        pairs_in_doc_.push_back(key);
        // Keep the max_evidence earliest records by (document position, window) whatever the
        // order documents arrive in (a thread may count a later batch before an earlier one), so
        // merged accumulators give exactly the records of one run.
        const bool keep =
            options_.max_evidence > 0 &&
            (e.evidence.size() < options_.max_evidence ||
             std::pair(doc.seq, uint64_t{w}) <
                 std::pair(e.evidence.back().seq, uint64_t{e.evidence.back().evidence.window}));
        if (keep) {
          EvidenceRecord r;
          r.seq = doc.seq;
          r.evidence.doc = doc.id;
          r.evidence.date = doc.date;
          r.evidence.window = w;
          r.evidence.source = doc.source;
          r.evidence.url = doc.url;
          if (w < windows.size()) {
            r.evidence.start = windows[w].first;
            r.evidence.end = windows[w].second;
          }
          // The snippet is cut around the first mention of each actor in the window.
          uint32_t fa = UINT32_MAX, fb = UINT32_MAX, fa_end = 0, fb_end = 0;
          for (size_t k = first; k < j; ++k) {
            if (mentions[k].actor == actors[a] && fa == UINT32_MAX)
              fa = mentions[k].start, fa_end = mentions[k].end;
            if (mentions[k].actor == actors[b] && fb == UINT32_MAX)
              fb = mentions[k].start, fb_end = mentions[k].end;
          }
          r.evidence.snippet = MakeSnippet(doc.text, r.evidence.start, r.evidence.end, {fa, fa_end},
                                           {fb, fb_end}, options_.snippet_chars);
          auto at = std::upper_bound(e.evidence.begin(), e.evidence.end(), r,
                                     [](const EvidenceRecord& x, const EvidenceRecord& y) {
                                       return std::pair(x.seq, x.evidence.window) <
                                              std::pair(y.seq, y.evidence.window);
                                     });
          e.evidence.insert(at, std::move(r));
          if (e.evidence.size() > options_.max_evidence) e.evidence.pop_back();
        }
      }
    }
  }
  // One entry per window in which a pair met: count them per pair for the document's date.
  std::sort(pairs_in_doc_.begin(), pairs_in_doc_.end());
  for (size_t i = 0; i < pairs_in_doc_.size();) {
    size_t j = i;
    while (j < pairs_in_doc_.size() && pairs_in_doc_[j] == pairs_in_doc_[i]) ++j;
    EdgeStats& e = edges_[pairs_in_doc_[i]];
    ++e.documents;
    if (sourced) AddSource(&e.sources, source);
    if (!doc.date.empty()) edge_dates_[{pairs_in_doc_[i], date_id}] += j - i;
    i = j;
  }
}

void Cooccurrence::FoldDates(unsigned threads) const {
  // Date ids ranked in date order, so the counts can be appended to each (sorted) map in order:
  // one hinted insertion at the end per count instead of a tree search with string compares.
  std::vector<uint32_t> rank(date_names_.size());
  {
    std::vector<uint32_t> order(date_names_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return date_names_[a] < date_names_[b]; });
    for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  }
  auto add = [&](std::map<std::string, uint64_t>& m, uint32_t date, uint64_t count) {
    const std::string& d = date_names_[date];
    if (m.empty() || m.rbegin()->first < d)
      m.emplace_hint(m.end(), d, count);
    else
      m[d] += count;
  };
  // Share `part` of `parts`: the actors and pairs whose (mixed) key falls to it. Every share
  // writes only its own maps, and edges_ is only searched (never grown), so shares run in parallel.
  auto fold = [&](unsigned part, unsigned parts) {
    auto mine = [&](uint64_t key) { return (key * 0x9E3779B97F4A7C15ull >> 32) % parts == part; };
    std::vector<std::pair<uint64_t, uint64_t>> nodes;
    for (const auto& entry : node_dates_)
      if (mine(entry.first >> 32)) nodes.push_back(entry);
    std::sort(nodes.begin(), nodes.end(), [&](const auto& a, const auto& b) {
      return std::pair(a.first >> 32, rank[a.first & 0xFFFFFFFFu]) <
             std::pair(b.first >> 32, rank[b.first & 0xFFFFFFFFu]);
    });
    for (const auto& [key, count] : nodes)
      add(nodes_[key >> 32].by_date, static_cast<uint32_t>(key & 0xFFFFFFFFu), count);
    std::vector<std::pair<std::pair<uint64_t, uint32_t>, uint64_t>> edges;
    for (const auto& entry : edge_dates_)
      if (mine(entry.first.first)) edges.push_back(entry);
    std::sort(edges.begin(), edges.end(), [&](const auto& a, const auto& b) {
      return std::pair(a.first.first, rank[a.first.second]) <
             std::pair(b.first.first, rank[b.first.second]);
    });
    EdgeStats* e = nullptr;
    uint64_t current = 0;
    for (const auto& [key, count] : edges) {
      if (!e || key.first != current) {
        auto it = edges_.find(current = key.first);
        // Every dated pair was counted (AddDocument, Merge), so it has its EdgeStats.
        e = it != edges_.end() ? &it->second : nullptr;
        if (!e) continue;
      }
      add(e->by_date, key.second, count);
    }
  };
  if (threads <= 1) {
    fold(0, 1);
  } else {
    std::vector<std::exception_ptr> errors(threads);
    std::vector<std::thread> pool;
    std::vector<unsigned> here = {0};  // the shares this thread folds
    for (unsigned t = 1; t < threads; ++t) {
      try {
        pool.emplace_back([&, t] {
          try {
            fold(t, threads);
          } catch (...) {
            errors[t] = std::current_exception();
          }
        });
      } catch (const std::system_error&) {
        here.push_back(t);  // no thread to be had: fold that share here
      }
    }
    try {
      for (unsigned t : here) fold(t, threads);
    } catch (...) {
      errors[0] = std::current_exception();
    }
    for (auto& t : pool) t.join();
    for (auto& e : errors)
      if (e) std::rethrow_exception(e);
  }
  node_dates_.clear();
  edge_dates_.clear();
  dates_pending_ = false;
}

void Cooccurrence::Merge(const Cooccurrence& other) {
  if (other.nodes_.size() != nodes_.size())
    throw Error("cannot merge counts made with different gazetteers");
  // The other accumulator's pending date counts join ours by date id (no folding into the
  // string-keyed maps here: that happens once, when the merged counts are read).
  if (other.dates_pending_) {
    std::vector<uint32_t> dates;
    dates.reserve(other.date_names_.size());
    for (const std::string& d : other.date_names_) {
      auto [it, added] = date_ids_.try_emplace(d, static_cast<uint32_t>(date_names_.size()));
      if (added) date_names_.push_back(d);
      dates.push_back(it->second);
    }
    for (const auto& [key, count] : other.node_dates_)
      node_dates_[(key & ~uint64_t{0xFFFFFFFFu}) | dates[key & 0xFFFFFFFFu]] += count;
    for (const auto& [key, count] : other.edge_dates_)
      edge_dates_[{key.first, dates[key.second]}] += count;
    dates_pending_ = true;
  }
  // The other accumulator's source ids, as ours.
  std::vector<uint32_t> ids;
  ids.reserve(other.source_names_.size());
  for (const std::string& name : other.source_names_) ids.push_back(InternSource(name));
  auto merge_sources = [&](std::vector<uint32_t>* into, const std::vector<uint32_t>& from) {
    for (uint32_t id : from) AddSource(into, ids[id]);
  };
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const NodeStats& o = other.nodes_[i];
    NodeStats& n = nodes_[i];
    n.mentions += o.mentions;
    n.documents += o.documents;
    n.windows += o.windows;
    for (const auto& [d, c] : o.by_date) n.by_date[d] += c;
    merge_sources(&n.sources, o.sources);
  }
  for (const auto& [key, o] : other.edges_) {
    EdgeStats& e = edges_[key];
    e.count += o.count;
    e.documents += o.documents;
    for (const auto& [d, c] : o.by_date) e.by_date[d] += c;
    MergeEvidence(&e.evidence, o.evidence);
    merge_sources(&e.sources, o.sources);
  }
  documents_ += other.documents_;
  sentences_ += other.sentences_;
  mentions_ += other.mentions_;
  windows_ += other.windows_;
}

}  // namespace actorgraph
