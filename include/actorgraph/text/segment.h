// Paragraphs, sentences and tokens over normalised text.
// Spec: ../shared/design/arabic-matching.md (b). Tokens are maximal runs of characters that are
// neither white space nor Unicode punctuation (P*) nor symbols (S*). Sentences end after
// STerm/ATerm characters
// (. ! ? ؟ ۔ …) plus closing quotes/brackets, not at ، or ؛, not inside numbers such as 1.5 and not
// after listed abbreviations (د. أ. U.S.). A blank line ends a paragraph; a single line break is a
// space.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

struct Token {
  uint32_t begin = 0;  // byte offsets into the normalised text
  uint32_t end = 0;
  // True when only spaces (no line break that ends a paragraph), quote characters
  // (" ' « » “ ” ‘ ’ „ ‹ ›) and name connectors separate this token from the previous token of the
  // same sentence. Name connectors: a hyphen (U+002D, U+2010, U+2011) with a token directly on
  // both sides (al-Assad, ISIS-K, Iran-backed), and a full stop directly after a token (U.S.,
  // George W. Bush, U.S.-led). Dashes (– —), slashes and other punctuation are not joined.
  // A multi-token name may continue across a joined gap only (docs/matching.md, tokenisation).
  bool joined = false;
};

struct Sentence {
  uint32_t begin = 0;  // byte offsets into the normalised text
  uint32_t end = 0;
  uint32_t first_token = 0;  // tokens [first_token, end_token) lie inside this sentence
  uint32_t end_token = 0;
  uint32_t paragraph = 0;  // 0-based paragraph index
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  uint32_t paragraphs = 0;
};

// Segments normalised UTF-8 text. Reuses `out`'s buffers.
void Segment(std::string_view normalized, Segmentation* out);

// Splits text into tokens only (used for gazetteer aliases); ignores sentence boundaries.
std::vector<std::string_view> Tokenize(std::string_view normalized);

// The matching key of a name: its normalised tokens joined by one space (raw UTF-8 in). Two
// names with the same key match the same text.
std::string MatchKey(std::string_view text);

}  // namespace actorgraph
