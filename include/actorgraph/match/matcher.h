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

// The tokens a mention covers, [first, end), and the byte length of its alias's first token.
struct MatchSpan {
  uint32_t first = 0;
  uint32_t end = 0;
  uint16_t first_len = 0;
};

// Tokens [first, last] of a paragraph that open "PLACE -" with no outlet: a dateline unless an
// actor's name starts at token `after` (العراق - إيران names two states).
struct DatelineCandidate {
  uint32_t first = 0;
  uint32_t last = 0;
  uint32_t after = 0;
};

// Per-thread buffers reused across documents.
struct MatchScratch {
  NormalizedText norm;
  Segmentation seg;
  std::vector<uint8_t> in_dateline;  // per token
  std::vector<uint8_t> activated;    // per actor
  std::vector<uint32_t> touched;
  std::vector<MatchSpan> spans;   // per mention of the last call, in the same order
  std::vector<uint32_t> covered;  // per token: 1 + the mention covering it, or 0
  std::vector<DatelineCandidate> bare;
  std::vector<uint8_t> drop;  // per mention
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
  // The context rules (docs/matching.md, kinds 5, 6, 7 and 9) over one pass's mentions; keeps
  // scratch->spans in step with *out.
  void Filter(std::string_view text, MatchScratch* scratch, std::vector<Mention>* out) const;

  struct Impl;
  const Gazetteer& gazetteer_;
  std::unique_ptr<Impl> impl_;
};

// The part of an alias that is looked for in text: a trailing parenthetical disambiguation
// ("Justice and Development Party (Turkey)", the Wikipedia article-title convention) is part of a
// label, not of the name as written in news, and is dropped. Other aliases are returned whole.
std::string_view NameInText(std::string_view alias);

// Whether an Arabic alias carries the article, decided on its curated raw spelling: bare alef
// U+0627 followed by lam (so ألمانيا, which normalises to المانيا, does not).
bool HasArticle(std::string_view raw_alias);

// The proclitic forms of a normalised first token (spec (c)), without the token itself.
std::vector<std::string> ProcliticForms(std::string_view token, bool has_article);

}  // namespace actorgraph
