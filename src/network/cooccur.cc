#include "actorgraph/network/cooccur.h"

#include <algorithm>
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

std::string MakeSnippet(std::string_view text, uint32_t start, uint32_t end, size_t max_bytes) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(text.size()));
  start = std::min(start, end);
  std::string out;
  bool space = false;
  for (uint32_t i = start; i < end; ++i) {
    char c = text[i];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() <= max_bytes) return out;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\xE2\x80\xA6";  // …
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

void Cooccurrence::AddDocument(const Document& doc, const std::vector<Mention>& mentions,
                               const std::vector<std::pair<uint32_t, uint32_t>>& windows) {
  ++documents_;
  mentions_ += mentions.size();
  windows_ += windows.size();
  const uint32_t stamp = static_cast<uint32_t>(documents_);  // unique per AddDocument call
  // Per-actor counts for this document first, so each date map is touched once per document.
  doc_actors_.clear();
  for (const Mention& m : mentions) {
    NodeStats& n = nodes_[m.actor];
    ++n.mentions;
    if (seen_doc_[m.actor] != stamp) {
      seen_doc_[m.actor] = stamp;
      ++n.documents;
      doc_actors_.push_back({m.actor, 0});
    }
  }
  if (!doc.date.empty()) {
    for (auto& [actor, count] : doc_actors_) count = 0;
    std::sort(doc_actors_.begin(), doc_actors_.end());
    for (const Mention& m : mentions) {
      auto it = std::lower_bound(doc_actors_.begin(), doc_actors_.end(),
                                 std::pair<uint32_t, uint64_t>{m.actor, 0});
      ++it->second;
    }
    for (const auto& [actor, count] : doc_actors_) nodes_[actor].by_date[doc.date] += count;
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
    size_t j = i;
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
        if (e.evidence.size() < options_.max_evidence) {
          EvidenceRecord r;
          r.seq = doc.seq;
          r.evidence.doc = doc.id;
          r.evidence.date = doc.date;
          r.evidence.window = w;
          if (w < windows.size()) {
            r.evidence.start = windows[w].first;
            r.evidence.end = windows[w].second;
          }
          r.evidence.snippet =
              MakeSnippet(doc.text, r.evidence.start, r.evidence.end, options_.snippet_bytes);
          // Documents arrive in order within one accumulator, so appending keeps the order.
          e.evidence.push_back(std::move(r));
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
    if (!doc.date.empty()) e.by_date[doc.date] += j - i;
    i = j;
  }
}

void Cooccurrence::Merge(const Cooccurrence& other) {
  if (other.nodes_.size() != nodes_.size())
    throw Error("cannot merge counts made with different gazetteers");
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const NodeStats& o = other.nodes_[i];
    NodeStats& n = nodes_[i];
    n.mentions += o.mentions;
    n.documents += o.documents;
    n.windows += o.windows;
    for (const auto& [d, c] : o.by_date) n.by_date[d] += c;
  }
  for (const auto& [key, o] : other.edges_) {
    EdgeStats& e = edges_[key];
    e.count += o.count;
    e.documents += o.documents;
    for (const auto& [d, c] : o.by_date) e.by_date[d] += c;
    MergeEvidence(&e.evidence, o.evidence);
  }
  documents_ += other.documents_;
  sentences_ += other.sentences_;
  mentions_ += other.mentions_;
  windows_ += other.windows_;
}

}  // namespace actorgraph
