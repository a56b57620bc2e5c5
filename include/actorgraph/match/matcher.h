// Finds gazetteer actors in a document. Spec: ../shared/design/arabic-matching.md (c)-(e).
//
// Compilation turns every tier-A/B alias into token sequences in one hash-keyed token trie; Arabic
// aliases also get their proclitic forms (و/ف + ب/ل/ك, ل+ال → لل) generated up front, so matching
// costs one hash lookup per token and never strips letters. Matching is leftmost-longest within a
// sentence, continues across quote marks only, drops state mentions inside datelines (بغداد- العراق
// اليوم:), and counts tier-B aliases only where the same actor is named by a tier-A form (or a
// trigger precedes).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/text/normalize.h"
#include "actorgraph/text/segment.h"

namespace actorgraph {

struct Mention {
  uint32_t actor = 0;  // index into Gazetteer::actors()
  How how = How::kName;
  uint32_t sentence = 0;   // sentence index in the document
  uint32_t paragraph = 0;  // paragraph index in the document
  uint32_t start = 0;      // byte span in the ORIGINAL document text
  uint32_t end = 0;
};

// Per-thread buffers reused across documents.
struct MatchScratch {
  NormalizedText norm;
  Segmentation seg;
  std::vector<uint8_t> in_dateline;  // per token
  std::vector<uint8_t> activated;    // per actor
  std::vector<uint32_t> touched;
};

class Matcher {
 public:
  explicit Matcher(const Gazetteer& gazetteer);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // Finds the mentions in `text` (valid UTF-8), in text order. The scratch keeps the normalised
  // text and segmentation of the last call (sentence spans are read from it).
  void Match(std::string_view text, MatchScratch* scratch, std::vector<Mention>* out) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }
  size_t forms() const;  // number of token sequences compiled (for reports and benchmarks)

 private:
  struct Impl;
  const Gazetteer& gazetteer_;
  std::unique_ptr<Impl> impl_;
};

// Whether an Arabic alias carries the article, decided on its curated raw spelling: bare alef
// U+0627 followed by lam (so ألمانيا, which normalises to المانيا, does not).
bool HasArticle(std::string_view raw_alias);

// The proclitic forms of a normalised first token (spec (c)), without the token itself.
std::vector<std::string> ProcliticForms(std::string_view token, bool has_article);

// The inverse of ProcliticForms for the article, on a normalised Arabic token: the stem after
// [و|ف]?[ب|ك]?ال or [و|ف]?لل (ل + ال), when at least `min_stem` code points remain; else the
// token unchanged. Removing the article is unambiguous enough to do on any word (spec (c)).
std::string_view StripArticle(std::string_view token, size_t min_stem = 2);

// The stems a normalised Arabic token may have under a bare proclitic (و/ف, then ب/ل/ك, the
// prefixes of ProcliticForms without the article), longest prefix first, each with at least
// `min_stem` code points. Bare proclitics are ambiguous (وزير is not و + زير), so callers decide
// with corpus evidence which split to keep.
std::vector<std::string_view> BareProcliticStems(std::string_view token, size_t min_stem = 3);

}  // namespace actorgraph
