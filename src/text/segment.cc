// Paragraphs, sentences and tokens in one pass over normalised text; spec
// ../shared/design/arabic-matching.md (b).
//
// Sentence rules (a subset of UAX #29 with the spec's exceptions), implemented directly because
// ICU's sentence iterator breaks after "د." (Arabic letters are OLetter) and at every line feed:
//   - Break after a run of STerm/ATerm characters (Sentence_Break property), any Close characters
//     (quotes, brackets, « ») and spaces.
//   - ، ؛ … ٬ never break (they are not terminators). NFKC has turned … into "...", so a run of
//     two or more ATerms without an STerm does not break either.
//   - No break at an ATerm run that is directly followed by a letter or digit: 1.5, u.s, ا.د,
//     example.com (UAX #29 SB6, extended to letters because real sentence ends have a space).
//   - No break at an ATerm after a listed abbreviation (kAbbreviations).
//   - No break when Close* Sp* is followed by an SContinue character (UAX #29 SB8a): "u.s., the".
//   - A blank line (a line feed, optional spaces, a line feed) or U+2029 ends the sentence and the
//     paragraph; a single line break is a space.
// UAX #29 SB8 (no break before a lower-case letter) is left out: the text is case-folded, so it
// would join every English sentence.
#include "actorgraph/text/segment.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "actorgraph/base/error.h"
#include "actorgraph/text/normalize.h"
#include "utf8.h"

namespace actorgraph {
namespace {

// Normalised spellings (casefolded, أ → ا). The Arabic single letters are the usual
// abbreviations (د. دكتور, ا. أستاذ, م. مهندس/ميلادي, ه. هجري, ص. صفحة, ش. شارع, ج. جزء,
// ق.م); any single Latin letter also counts, as an initial (George W. Bush), so a name is never
// split across two sentences.
constexpr std::string_view kAbbreviations[] = {
    "د",    "ا",   "م",    "ه",   "ص",   "ش",    "ج",   "ق",   "mr",   "mrs",  "ms",  "dr",  "prof",
    "st",   "gen", "lt",   "col", "maj", "capt", "sgt", "adm", "cmdr", "brig", "gov", "sen", "rep",
    "pres", "rev", "hon",  "jr",  "sr",  "vs",   "no",  "jan", "feb",  "mar",  "apr", "jun", "jul",
    "aug",  "sep", "sept", "oct", "nov", "dec",  "u.s", "u.n", "u.k",  "e.g",  "i.e"};

enum : uint8_t {
  kToken = 0,
  kSpace = 1,    // white space other than line breaks
  kNewline = 2,  // \n, \r, U+0085, U+2028
  kParaSep = 3,  // U+2029
  kQuote = 4,    // " ' « » “ ” ‘ ’ „ ‹ ›
  kPunct = 5,    // other punctuation, symbols and control characters
  kClassMask = 7,
  kSTerm = 0x10,
  kATerm = 0x20,
  kClose = 0x40,
  kSContinue = 0x80,
};

uint8_t ComputeClass(char32_t c) {
  auto uc = static_cast<UChar32>(c);
  uint8_t f = 0;
  switch (u_getIntPropertyValue(uc, UCHAR_SENTENCE_BREAK)) {
    case U_SB_STERM:
      f |= kSTerm;
      break;
    case U_SB_ATERM:
      f |= kATerm;
      break;
    case U_SB_CLOSE:
      f |= kClose;
      break;
    case U_SB_SCONTINUE:
      f |= kSContinue;
      break;
    default:
      break;
  }
  if (c == 0x060C || c == 0x061B || c == 0x2026 || c == 0x066C) f = 0;  // never terminators
  if (c == 0x060C || c == 0x060D) f |= kSContinue;
  if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028) return f | kNewline;
  if (c == 0x2029) return f | kParaSep;
  if (u_isUWhiteSpace(uc)) return f | kSpace;
  switch (c) {
    case '"':
    case '\'':
    case 0x00AB:
    case 0x00BB:
    case 0x201C:
    case 0x201D:
    case 0x2018:
    case 0x2019:
    case 0x201E:
    case 0x2039:
    case 0x203A:
      return f | kQuote;
    default:
      break;
  }
  switch (u_charType(uc)) {
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
    case U_CONTROL_CHAR:
      return f | kPunct;
    default:
      return f | kToken;
  }
}

class Classes {
 public:
  Classes() {
    for (char32_t c = 0; c < 0x10000; ++c) table_[c] = ComputeClass(c);
  }
  uint8_t Get(char32_t c) const { return c < 0x10000 ? table_[c] : ComputeClass(c); }

 private:
  std::array<uint8_t, 0x10000> table_;
};

const Classes& GetClasses() {
  static const Classes* classes = new Classes();  // built once, thread-safe; never destroyed
  return *classes;
}

using utf8::Decode;

// Class of the character at s[i]; sets *len.
inline uint8_t ClassAt(const Classes& k, const unsigned char* s, size_t n, size_t i, int* len) {
  return k.Get(Decode(s, n, i, len));
}

// Hyphens that join the parts of a name (UAX #29 leaves U+002D out of MidLetter; names need it):
// HYPHEN-MINUS, HYPHEN, NON-BREAKING HYPHEN. En and em dashes separate, they never join.
inline bool IsNameHyphen(char32_t c) { return c == 0x2D || c == 0x2010 || c == 0x2011; }

bool IsAbbreviation(std::string_view w) {
  if (w.size() == 1 && w[0] >= 'a' && w[0] <= 'z') return true;  // an initial
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), w) !=
         std::end(kAbbreviations);
}

// True when the ATerm at `at` directly follows a listed abbreviation, either the last token
// ("د", "dr") or a dotted chain of tokens ("u.s").
bool AfterAbbreviation(std::string_view text, const std::vector<Token>& tokens, size_t first,
                       size_t at) {
  if (tokens.size() <= first || tokens.back().end != at) return false;
  size_t k = tokens.size() - 1;
  if (at - tokens[k].begin > 8) return false;
  if (IsAbbreviation(text.substr(tokens[k].begin, at - tokens[k].begin))) return true;
  while (k > first && tokens[k - 1].end + 1 == tokens[k].begin &&
         text[tokens[k].begin - 1] == '.') {
    --k;
  }
  size_t b = tokens[k].begin;
  return at - b <= 8 && IsAbbreviation(text.substr(b, at - b));
}

}  // namespace

void Segment(std::string_view text, Segmentation* out) {
  if (text.size() >= UINT32_MAX) throw Error("segment: text larger than 4 GiB");
  const Classes& k = GetClasses();
  std::vector<Token>& tokens = out->tokens;
  std::vector<Sentence>& sentences = out->sentences;
  tokens.clear();
  sentences.clear();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();

  uint32_t paragraph = 0;
  bool paragraph_used = false;  // the current paragraph has a sentence
  bool in_sentence = false;
  uint32_t sentence_begin = 0;
  uint32_t first_token = 0;
  uint32_t content_end = 0;    // end of the last non-space character
  bool gap_joined = false;     // only spaces, single line breaks and quotes since the last token
  int newlines = 0;            // line breaks since the last non-space character
  size_t attached = SIZE_MAX;  // end of the last token or name connector (no space after it)

  auto end_sentence = [&](uint32_t end) {
    if (in_sentence && tokens.size() > first_token) {
      sentences.push_back(Sentence{sentence_begin, end, first_token,
                                   static_cast<uint32_t>(tokens.size()), paragraph});
      paragraph_used = true;
    }
    in_sentence = false;
  };
  auto end_paragraph = [&] {
    end_sentence(content_end);
    if (paragraph_used) {
      ++paragraph;
      paragraph_used = false;
    }
  };
  auto start_content = [&](size_t at) {
    if (!in_sentence) {
      in_sentence = true;
      sentence_begin = static_cast<uint32_t>(at);
      first_token = static_cast<uint32_t>(tokens.size());
      gap_joined = false;
    }
    newlines = 0;
  };

  size_t i = 0;
  int len = 0;
  while (i < n) {
    uint8_t f = ClassAt(k, s, n, i, &len);
    switch (f & kClassMask) {
      case kToken: {
        start_content(i);
        size_t j = i + len;
        while (j < n && (ClassAt(k, s, n, j, &len) & kClassMask) == kToken) j += len;
        tokens.push_back(Token{static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                               gap_joined && tokens.size() > first_token});
        gap_joined = true;
        content_end = static_cast<uint32_t>(j);
        attached = j;
        i = j;
        continue;
      }
      case kSpace:
        i += len;
        continue;
      case kNewline:
        if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') len = 2;
        if (++newlines >= 2) end_paragraph();
        i += len;
        continue;
      case kParaSep:
        end_paragraph();
        i += len;
        continue;
      default:
        break;
    }
    // Punctuation, symbol or quote.
    start_content(i);
    // Name connectors (docs/matching.md, tokenisation): a hyphen between two letters or digits
    // (al-Assad, ISIS-K, U.S.-led) and a full stop right after a token (U.S., W. Bush) keep the
    // gap joined; quotes do too; anything else ends a multi-token name.
    const bool after_token = attached == i;
    bool connector = false;
    if (after_token && IsNameHyphen(Decode(s, n, i, &len)) && i + len < n) {
      int l2;
      connector = (ClassAt(k, s, n, i + len, &l2) & kClassMask) == kToken;
    } else if (after_token && s[i] == '.') {
      connector = true;
    }
    if ((f & kClassMask) != kQuote && !connector) gap_joined = false;
    if (connector) attached = i + len;
    if (!(f & (kSTerm | kATerm))) {
      i += len;
      content_end = static_cast<uint32_t>(i);
      continue;
    }
    // A run of terminators, then Close*, then Sp*.
    size_t j = i;
    bool sterm = false;
    int terms = 0;
    uint8_t g = f;
    while (g & (kSTerm | kATerm)) {
      if (g & kSTerm) sterm = true;
      ++terms;
      j += len;
      if (j >= n) break;
      g = ClassAt(k, s, n, j, &len);
    }
    bool brk = true;
    if (!sterm) {
      if (terms > 1) {
        brk = false;  // "..." (NFKC turns … into three full stops); … is not a boundary
      } else if (j < n && (g & kClassMask) == kToken) {
        brk = false;  // 1.5, u.s, ا.د
      } else if (terms == 1 && AfterAbbreviation(text, tokens, first_token, i)) {
        brk = false;  // د. dr. u.s.
      }
    }
    while (j < n && (g & kClose)) {
      j += len;
      if (j < n) g = ClassAt(k, s, n, j, &len);
    }
    content_end = static_cast<uint32_t>(j);
    if (brk) {
      size_t m = j;
      while (m < n && (g & kClassMask) == kSpace) {
        m += len;
        if (m < n) g = ClassAt(k, s, n, m, &len);
      }
      if (m < n && (g & kSContinue)) brk = false;  // "u.s., officials"
    }
    if (brk) end_sentence(static_cast<uint32_t>(j));
    i = j;
  }
  end_sentence(content_end);
  out->paragraphs = paragraph + (paragraph_used ? 1 : 0);
}

std::vector<std::string_view> Tokenize(std::string_view normalized) {
  const Classes& k = GetClasses();
  const auto* s = reinterpret_cast<const unsigned char*>(normalized.data());
  const size_t n = normalized.size();
  std::vector<std::string_view> out;
  size_t i = 0;
  int len = 0;
  while (i < n) {
    if ((ClassAt(k, s, n, i, &len) & kClassMask) != kToken) {
      i += len;
      continue;
    }
    size_t j = i + len;
    while (j < n && (ClassAt(k, s, n, j, &len) & kClassMask) == kToken) j += len;
    out.push_back(normalized.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string MatchKey(std::string_view text) {
  std::string norm = NormalizeString(text), key;
  for (auto t : Tokenize(norm)) {
    if (!key.empty()) key += ' ';
    key.append(t);
  }
  return key;
}

}  // namespace actorgraph
