// Arabic-aware normalisation with an offset map back to the original bytes.
// Spec: ../shared/design/arabic-matching.md (a). The same function is applied to gazetteer aliases
// and to article text, so an alias matches its spelling variants (hamza forms, ى/ي, ة/ه, tatweel,
// diacritics, presentation forms, Persian letters, Arabic-Indic digits, Latin case).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

struct NormalizedText {
  std::string text;  // normalised UTF-8
  // to_orig.size() == text.size() + 1. Byte i of `text` was produced by the original character that
  // starts at byte to_orig[i]; to_orig[text.size()] == original size. A span [b, e) of `text` maps
  // to the original span [to_orig[b], to_orig[e]).
  std::vector<uint32_t> to_orig;
};

// Normalises `in`, which must be valid UTF-8. Reuses `out`'s buffers.
void Normalize(std::string_view in, NormalizedText* out);
NormalizedText Normalize(std::string_view in);

// Convenience for gazetteer compilation and tests: the normalised text only.
std::string NormalizeString(std::string_view in);

}  // namespace actorgraph
