// The text path: normalise -> segment -> match (shipped gazetteer) on any valid UTF-8 text
// (invalid inputs are first decoded by the reader's auto rules, as the tool does).
// Invariants checked on every input (spec: ../shared/design/arabic-matching.md (a)-(e)):
//  - normalised text is valid UTF-8; the offset map has text.size()+1 entries, is monotonic,
//    ends at the original size and points at UTF-8 boundaries of the original;
//  - tokens and sentences lie inside the normalised text, on UTF-8 boundaries, in order and not
//    overlapping; sentence token ranges are in order and in range; paragraphs are in range and
//    never decrease;
//  - mentions lie inside the original text on UTF-8 boundaries, are in order and do not overlap,
//    and name an existing actor, sentence and paragraph.
#include <cstdint>
#include <string>
#include <vector>

#include "actorgraph/match/matcher.h"
#include "actorgraph/read/encoding.h"
#include "actorgraph/read/reader.h"
#include "fuzz_util.h"

namespace {
const actorgraph::Matcher& TheMatcher() {
  static const actorgraph::Matcher* m =
      new actorgraph::Matcher(actorgraph::fuzz::ShippedGazetteer());
  return *m;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace actorgraph;
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  std::string text, error;
  static const TextDecoder decoder("auto", 40);
  if (!decoder.Decode(raw, &text, &error)) return 0;
  FUZZ_CHECK(FindInvalidUtf8(text) < 0);

  NormalizedText norm = Normalize(text);
  FUZZ_CHECK(FindInvalidUtf8(norm.text) < 0);
  FUZZ_CHECK(norm.to_orig.size() == norm.text.size() + 1);
  FUZZ_CHECK(norm.to_orig.back() == text.size());
  for (size_t i = 0; i < norm.to_orig.size(); ++i) {
    FUZZ_CHECK(norm.to_orig[i] <= text.size());
    FUZZ_CHECK(fuzz::OnBoundary(text, norm.to_orig[i]));
    if (i) FUZZ_CHECK(norm.to_orig[i - 1] <= norm.to_orig[i]);
  }

  Segmentation seg;
  Segment(norm.text, &seg);
  uint32_t prev_end = 0;
  for (const Token& t : seg.tokens) {
    FUZZ_CHECK(t.begin < t.end && t.end <= norm.text.size());
    FUZZ_CHECK(t.begin >= prev_end);
    FUZZ_CHECK(fuzz::OnBoundary(norm.text, t.begin) && fuzz::OnBoundary(norm.text, t.end));
    prev_end = t.end;
  }
  prev_end = 0;
  uint32_t prev_token = 0, prev_paragraph = 0;
  for (const Sentence& s : seg.sentences) {
    FUZZ_CHECK(s.begin <= s.end && s.end <= norm.text.size());
    FUZZ_CHECK(s.begin >= prev_end);
    FUZZ_CHECK(fuzz::OnBoundary(norm.text, s.begin) && fuzz::OnBoundary(norm.text, s.end));
    FUZZ_CHECK(s.first_token <= s.end_token && s.end_token <= seg.tokens.size());
    FUZZ_CHECK(s.first_token >= prev_token);
    for (uint32_t k = s.first_token; k < s.end_token; ++k)
      FUZZ_CHECK(seg.tokens[k].begin >= s.begin && seg.tokens[k].end <= s.end);
    FUZZ_CHECK(s.paragraph >= prev_paragraph &&
               s.paragraph < std::max<uint32_t>(seg.paragraphs, 1));
    prev_end = s.end;
    prev_token = s.end_token;
    prev_paragraph = s.paragraph;
  }

  MatchScratch sc;
  std::vector<Mention> mentions;
  const Matcher& m = TheMatcher();
  m.Match(text, &sc, &mentions);
  uint32_t last_end = 0;
  for (const Mention& x : mentions) {
    FUZZ_CHECK(x.start < x.end && x.end <= text.size());
    FUZZ_CHECK(fuzz::OnBoundary(text, x.start) && fuzz::OnBoundary(text, x.end));
    FUZZ_CHECK(x.start >= last_end);
    FUZZ_CHECK(x.actor < m.gazetteer().actors().size());
    FUZZ_CHECK(x.sentence < sc.seg.sentences.size());
    FUZZ_CHECK(x.paragraph == sc.seg.sentences[x.sentence].paragraph);
    last_end = x.end;
  }
  return 0;
}
