#include "actorgraph/compare/descriptors.h"

#include <algorithm>

#include "actorgraph/base/error.h"
#include "actorgraph/base/read_file.h"

namespace actorgraph {
namespace {

constexpr std::string_view kWaw = "\xD9\x88";  // و
constexpr std::string_view kFa = "\xD9\x81";   // ف

bool IsArabic(std::string_view t) {
  return !t.empty() && static_cast<unsigned char>(t[0]) >= 0xD8 &&
         static_cast<unsigned char>(t[0]) <= 0xDB;
}

}  // namespace

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void StopWords::AddFile(const std::filesystem::path& path) {
  AddText(ReadWholeFile(path, "the stop list"));
}

void StopWords::AddText(std::string_view contents) {
  size_t pos = 0;
  while (pos <= contents.size()) {
    size_t eol = contents.find('\n', pos);
    if (eol == std::string_view::npos) eol = contents.size();
    std::string_view line = contents.substr(pos, eol - pos);
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    // A line holds one word (several words on a line are each listed).
    const std::string norm = NormalizeString(line);
    for (auto tok : Tokenize(norm)) words_.emplace(tok);
    pos = eol + 1;
  }
}

TermFilter::TermFilter(const Gazetteer& gazetteer, StopWords stop_words)
    : stop_(std::move(stop_words)) {
  for (const Actor& a : gazetteer.actors()) {
    for (const Alias& al : a.aliases) {
      std::string norm = NormalizeString(al.text);
      auto toks = Tokenize(norm);
      if (toks.size() != 1) continue;
      names_.emplace(toks[0]);
      names_.emplace(StripArticle(toks[0]));
    }
  }
}

std::string_view TermFilter::Key(std::string_view token) const {
  if (token.empty()) return {};
  for (unsigned char c : token)
    if (c >= '0' && c <= '9') return {};
  if (stop_.Contains(token) || names_.count(token)) return {};
  std::string_view key = token;
  if (IsArabic(token)) {
    if ((token.starts_with(kWaw) || token.starts_with(kFa)) &&
        stop_.Contains(token.substr(kWaw.size())))
      return {};
    key = StripArticle(token);
    if (key.size() != token.size() && (stop_.Contains(key) || names_.count(key))) return {};
  }
  if (CodePointCount(key) < 2) return {};
  return key;
}

void FindContexts(const Segmentation& seg, const NormalizedText& norm,
                  const std::vector<Mention>& mentions, uint32_t context_tokens, DocContexts* out) {
  out->actors.clear();
  for (auto& r : out->ranges) r.clear();
  const auto& toks = seg.tokens;
  const auto& to_orig = norm.to_orig;
  out->covered.assign(toks.size(), 0);
  const uint32_t num_tokens = static_cast<uint32_t>(toks.size());
  for (const Mention& m : mentions) {
    // Tokens of the mention's sentence that overlap its original byte span.
    uint32_t ts = 0, te = 0;
    if (m.sentence < seg.sentences.size()) {
      const Sentence& s = seg.sentences[m.sentence];
      ts = s.end_token;
      te = s.first_token;
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        if (to_orig[toks[t].begin] < m.end && to_orig[toks[t].end] > m.start) {
          ts = std::min(ts, t);
          te = std::max(te, t + 1);
        }
      }
      for (uint32_t t = ts; t < te; ++t) out->covered[t] = 1;
      if (ts >= te) ts = te = s.first_token;
    }
    size_t k = std::find(out->actors.begin(), out->actors.end(), m.actor) - out->actors.begin();
    if (k == out->actors.size()) {
      out->actors.push_back(m.actor);
      if (out->ranges.size() < out->actors.size()) out->ranges.resize(out->actors.size());
    }
    auto& ranges = out->ranges[k];
    if (context_tokens == 0) {
      if (m.sentence >= seg.sentences.size()) continue;
      const Sentence& s = seg.sentences[m.sentence];
      std::pair<uint32_t, uint32_t> r{s.first_token, s.end_token};
      if (std::find(ranges.begin(), ranges.end(), r) == ranges.end()) ranges.push_back(r);
    } else {
      uint32_t b = ts > context_tokens ? ts - context_tokens : 0;
      uint32_t e = std::min<uint64_t>(uint64_t(te) + context_tokens, num_tokens);
      ranges.push_back({b, e});
    }
  }
}

}  // namespace actorgraph
