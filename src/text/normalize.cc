// Normalisation as specified in ../shared/design/arabic-matching.md (a):
//   1. delete U+FE70–FE7F; map U+FDFC → ريال and U+FDFD → the basmala;
//   2. NFKC_Casefold (ICU);
//   3. delete harakat, tatweel, Quranic marks and bidi/zero-width controls;
//   4. fold alef/yeh/teh-marbuta/Persian letters and Arabic-Indic digits (ؤ ئ ء are kept).
//
// Fast path. NFKC works segment by segment: a segment starts at a character that has a
// normalisation boundary before it (Normalizer2::hasBoundaryBefore) and runs up to the next such
// character, so each segment can be normalised on its own. Almost every segment in news text is a
// single character whose NFKC_Casefold is itself; those go straight through the step-3/4 table.
// A starter followed only by marks that step 3 deletes anyway and that never compose (harakat
// except U+0653–0655, Quranic marks) becomes just the folded starter. Single BMP characters that
// NFKC changes (presentation forms, capitals, ligatures) are looked up in a table built once from
// ICU. Everything else (composing sequences, supplementary characters) goes through ICU.
//
// Offsets: every output byte of a segment maps to the byte where the segment starts in the input,
// so deleted characters are absorbed into the span of the character before them.
#include "actorgraph/text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <cstring>
#include <mutex>

#include "actorgraph/base/error.h"
#include "utf8.h"

namespace actorgraph {
namespace {

constexpr int32_t kDelete = -1;

// U+FDFC and U+FDFD are mapped before NFKC (step 1); NFKC would leave them alone.
constexpr std::string_view kRial = "ريال";
constexpr std::string_view kBasmala = "بسم الله الرحمن الرحيم";

bool IsPreDeleted(char32_t c) { return c >= 0xFE70 && c <= 0xFE7F; }

// Letters that Persian, Urdu, Kurdish (Sorani), Pashto and Sindhi keyboards put where Arabic
// text has an Arabic letter, and the Arabic letters' decorative variants (issue 10, kind 4;
// docs/matching.md has the table with sources). Sources per row:
//   UTS39 = Unicode confusables.txt (UTS #39; checked with ICU 72 uspoof_getSkeleton: the
//           letter's skeleton is the Arabic letter or its dotless form);
//   NL    = Unicode NamesList.txt annotations of the Arabic block (the languages that use it);
//   KB    = the letter is on that language's standard keyboard in the key of the Arabic letter
//           (CLDR keyboard layouts fa-t-k0-windows, ur-t-k0-windows, ckb-t-k0-windows,
//           ps-t-k0-windows, sd-t-k0-windows);
//   CT-a  = CAMeL Tools arclean_map.json (the spec's source for the first rows).
// Letters that stand for sounds Arabic lacks and are not typed for an Arabic letter (Pashto ټ ډ
// ړ ښ, Kurdish ڕ ڵ ۆ, Sindhi implosives) are NOT folded: they spell other names.
struct KeyboardFold {
  char32_t from;
  char32_t to;
};
constexpr KeyboardFold kKeyboardFolds[] = {
    {0x06CC, 0x064A},  // ی FARSI YEH → ي: fa ur ckb ps sd yeh (UTS39, KB, CT-a)
    {0x06D2, 0x064A},  // ے YEH BARREE → ي: Urdu final yeh (UTS39, NL, KB ur)
    {0x06D3, 0x0626},  // ۓ YEH BARREE WITH HAMZA ABOVE → ئ: Urdu (NL, KB ur)
    {0x06CD, 0x064A},  // ۍ YEH WITH TAIL → ي: Pashto (NL, KB ps)
    {0x06CE, 0x064A},  // ێ YEH WITH SMALL V → ي: Kurdish (NL, KB ckb)
    {0x06D0, 0x064A},  // ې E → ي: Pashto (NL, KB ps)
    {0x0620, 0x064A},  // ؠ KASHMIRI YEH → ي (NL)
    {0x06A9, 0x0643},  // ک KEHEH → ك: fa ur ckb ps kaf (UTS39, KB, CT-a)
    {0x06AA, 0x0643},  // ڪ SWASH KAF → ك: Sindhi kaf, decorative kaf (UTS39, NL, KB sd)
    {0x06AB, 0x0643},  // ګ KAF WITH RING → ك: Pashto gaf, as CT-a folds گ (NL, KB ps)
    {0x06AF, 0x0643},  // گ GAF → ك (CT-a)
    {0x067E, 0x0628},  // پ PEH → ب (CT-a)
    {0x0686, 0x062C},  // چ TCHEH → ج (CT-a)
    {0x06A4, 0x0641},  // ڤ VEH → ف (CT-a)
    {0x06C0, 0x0647},  // ۀ HEH WITH YEH ABOVE → ه: Persian ezafe heh (CT-a, KB fa)
    {0x06C1, 0x0647},  // ہ HEH GOAL → ه: Urdu heh (CT-a, NL, KB ur)
    {0x06C2, 0x0647},  // ۂ HEH GOAL WITH HAMZA ABOVE → ه (CT-a, NL)
    {0x06C3, 0x0647},  // ۃ TEH MARBUTA GOAL → ة → ه: Urdu (UTS39, NL, KB ur)
    {0x06BE, 0x0647},  // ھ HEH DOACHASHMEE → ه: Urdu, Kurdish, Sindhi heh (NL, KB ur ckb sd)
    {0x06D5, 0x0647},  // ە AE → ه: Kurdish heh/ة (NL, KB ckb)
    {0x06FF, 0x0647},  // ۿ HEH WITH INVERTED V → ه (NL)
};

// Steps 3 and 4 for one code point: the folded code point, or kDelete.
struct FoldTable {
  std::array<int32_t, 256> arabic;  // U+0600–06FF

  FoldTable() {
    for (int i = 0; i < 256; ++i) arabic[i] = 0x600 + i;
    auto del = [&](char32_t lo, char32_t hi) {
      for (char32_t c = lo; c <= hi; ++c) arabic[c - 0x600] = kDelete;
    };
    auto map = [&](char32_t from, char32_t to) { arabic[from - 0x600] = static_cast<int32_t>(to); };
    del(0x064B, 0x065F);  // harakat, shadda, sukun, hamza/madda above and below, …
    del(0x0670, 0x0670);  // superscript alef
    del(0x0640, 0x0640);  // tatweel
    del(0x0610, 0x061A);  // Quranic annotation signs
    del(0x06D6, 0x06ED);  // Quranic small high/low signs
    del(0x0674, 0x0674);  // high hamza
    for (char32_t c : {0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673}) map(c, 0x0627);
    map(0x0649, 0x064A);  // alef maksura → yeh
    map(0x0629, 0x0647);  // teh marbuta → heh
    for (const KeyboardFold& k : kKeyboardFolds) map(k.from, k.to);
    for (int d = 0; d < 10; ++d) {
      map(0x0660 + d, '0' + d);
      map(0x06F0 + d, '0' + d);
    }
  }

  int32_t Fold(char32_t c) const {
    if (c >= 0x0600 && c <= 0x06FF) return arabic[c - 0x600];
    if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
        (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF) {
      return kDelete;
    }
    return static_cast<int32_t>(c);
  }
};

int EncodeUtf8(char32_t c, char* p) {
  if (c < 0x80) {
    p[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    p[0] = static_cast<char>(0xC0 | (c >> 6));
    p[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    p[0] = static_cast<char>(0xE0 | (c >> 12));
    p[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    p[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  p[0] = static_cast<char>(0xF0 | (c >> 18));
  p[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  p[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  p[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

using utf8::Decode;

// Appends bytes and their offsets; grows both buffers geometrically.
class Writer {
 public:
  Writer(std::string* text, std::vector<uint32_t>* map, size_t expected) : text_(text), map_(map) {
    Grow(expected + 16);
  }

  void Put(char32_t c, uint32_t orig) {
    Reserve(4);
    int k = EncodeUtf8(c, text_->data() + size_);
    for (int j = 0; j < k; ++j) (*map_)[size_ + j] = orig;
    size_ += k;
  }

  void PutBytes(const char* p, size_t k, uint32_t orig) {
    Reserve(k);
    std::memcpy(text_->data() + size_, p, k);
    for (size_t j = 0; j < k; ++j) (*map_)[size_ + j] = orig;
    size_ += k;
  }

  void Finish(uint32_t end) {
    text_->resize(size_);
    map_->resize(size_ + 1);
    (*map_)[size_] = end;
  }

 private:
  void Reserve(size_t k) {
    if (size_ + k > text_->size()) Grow(2 * (size_ + k));
  }
  void Grow(size_t cap) {
    text_->resize(cap);
    map_->resize(cap + 1);
  }

  std::string* text_;
  std::vector<uint32_t>* map_;
  size_t size_ = 0;
};

class Tables {
 public:
  enum : uint8_t {
    kBoundary = 1,  // hasBoundaryBefore, and not U+FE70–FE7F (deleted before NFKC)
    kSelf = 2,      // NFKC_Casefold(c) == c and c is not special in step 1
    kSafeMark = 4,  // non-starter that step 3 deletes and that never composes
  };

  Tables() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) {
      throw Error(std::string("normalize: ICU NFKC_Casefold data unavailable: ") +
                  u_errorName(status));
    }
    cache_begin_.fill(0);
    cache_len_.fill(0);
    std::vector<uint32_t> scratch_map;
    for (char32_t c = 0; c < 0x10000; ++c) {
      uint8_t f = 0;
      if (c >= 0xD800 && c <= 0xDFFF) {  // never produced by Decode
        flags_[c] = kBoundary | kSelf;
        continue;
      }
      if (nfkc_cf_->hasBoundaryBefore(static_cast<UChar32>(c)) && !IsPreDeleted(c)) f |= kBoundary;
      icu::UnicodeString s(static_cast<UChar32>(c));
      UErrorCode st = U_ZERO_ERROR;
      bool special = IsPreDeleted(c) || c == 0xFDFC || c == 0xFDFD;
      if (!special && nfkc_cf_->isNormalized(s, st) && U_SUCCESS(st)) f |= kSelf;
      if ((f & kSelf) && !(f & kBoundary) && fold_.Fold(c) == kDelete &&
          !(c >= 0x0653 && c <= 0x0655)) {  // madda/hamza above/below compose with alef, waw, yeh
        f |= kSafeMark;
      }
      flags_[c] = f;
      if (!(f & kSelf)) {
        // Normalise the lone character once; used when it forms a segment by itself.
        std::string bytes;
        char buf[4];
        int k = EncodeUtf8(c, buf);
        NormalizeSegment(std::string_view(buf, k), 0, &bytes, &scratch_map);
        cache_begin_[c] = static_cast<uint32_t>(pool_.size());
        cache_len_[c] = static_cast<uint8_t>(bytes.size());
        pool_ += bytes;
      }
    }
  }

  uint8_t Flags(char32_t c) const { return c < 0x10000 ? flags_[c] : 0; }
  bool Boundary(char32_t c) const {
    if (c < 0x10000) return flags_[c] & kBoundary;
    return nfkc_cf_->hasBoundaryBefore(static_cast<UChar32>(c));
  }
  int32_t Fold(char32_t c) const { return fold_.Fold(c); }
  std::string_view Cached(char32_t c) const {
    return std::string_view(pool_.data() + cache_begin_[c], cache_len_[c]);
  }

  // Steps 1–4 through ICU for one segment; appends to text/map with every byte mapped to orig.
  void NormalizeSegment(std::string_view seg, uint32_t orig, std::string* text,
                        std::vector<uint32_t>* map) const {
    icu::UnicodeString src;
    const auto* s = reinterpret_cast<const unsigned char*>(seg.data());
    for (size_t i = 0; i < seg.size();) {
      int len;
      char32_t c = Decode(s, seg.size(), i, &len);
      i += len;
      if (IsPreDeleted(c)) continue;
      if (c == 0xFDFC) {
        src.append(icu::UnicodeString::fromUTF8(kRial));
      } else if (c == 0xFDFD) {
        src.append(icu::UnicodeString::fromUTF8(kBasmala));
      } else {
        src.append(static_cast<UChar32>(c));
      }
    }
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString dst = nfkc_cf_->normalize(src, st);
    if (U_FAILURE(st)) dst = src;  // only on out-of-memory; keep the text rather than lose it
    char buf[4];
    for (int32_t k = 0; k < dst.length();) {
      UChar32 c = dst.char32At(k);
      k += U16_LENGTH(c);
      int32_t f = Fold(static_cast<char32_t>(c));
      if (f == kDelete) continue;
      int n = EncodeUtf8(static_cast<char32_t>(f), buf);
      text->append(buf, n);
      map->insert(map->end(), n, orig);
    }
  }

 private:
  const icu::Normalizer2* nfkc_cf_ = nullptr;
  FoldTable fold_;
  std::array<uint8_t, 0x10000> flags_;
  std::array<uint32_t, 0x10000> cache_begin_;
  std::array<uint8_t, 0x10000> cache_len_;
  std::string pool_;
};

const Tables& GetTables() {
  static const Tables* tables = new Tables();  // built once, thread-safe; never destroyed
  return *tables;
}

}  // namespace

void Normalize(std::string_view in, NormalizedText* out) {
  if (in.size() >= UINT32_MAX) throw Error("normalize: input larger than 4 GiB");
  const Tables& t = GetTables();
  Writer w(&out->text, &out->to_orig, in.size());
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  std::string slow_text;
  std::vector<uint32_t> slow_map;

  // Emits a segment that consists of the single character c (at byte `at`).
  auto emit_single = [&](char32_t c, uint8_t flags, uint32_t at) {
    if (flags & Tables::kSelf) {
      int32_t f = t.Fold(c);
      if (f != kDelete) w.Put(static_cast<char32_t>(f), at);
    } else if (c < 0x10000) {
      std::string_view v = t.Cached(c);
      w.PutBytes(v.data(), v.size(), at);
    } else {
      slow_text.clear();
      slow_map.clear();
      char buf[4];
      t.NormalizeSegment(std::string_view(buf, EncodeUtf8(c, buf)), at, &slow_text, &slow_map);
      w.PutBytes(slow_text.data(), slow_text.size(), at);
    }
  };

  size_t i = 0;
  int len = 0;
  char32_t c = n ? Decode(s, n, 0, &len) : 0;
  while (i < n) {
    // ASCII run: every ASCII character is a starter; only the last one of the run can be followed
    // by a combining mark, so it is left to the general path below.
    if (c < 0x80) {
      while (i + 1 < n && s[i + 1] < 0x80) {
        unsigned char b = s[i];
        w.Put((b >= 'A' && b <= 'Z') ? b + 32 : b, static_cast<uint32_t>(i));
        ++i;
      }
      c = s[i];
      len = 1;
    }
    // Two-byte run (Arabic, Latin-1 and the other scripts below U+0800): a character that is its
    // own NFKC_Casefold and is followed by a starter is a segment by itself; fold it by table and
    // go on, without the general path's bookkeeping. Anything else (a non-starter next, a longer
    // sequence, a byte Decode would replace) leaves the run for the general path below, so the
    // output is the same as the general path's (Normalize.TwoByteRunMatchesGeneralPath).
    if (len == 2) {
      for (;;) {
        const uint8_t f0 = t.Flags(c);
        if (!(f0 & Tables::kSelf)) break;
        const size_t next = i + 2;
        char32_t c1 = 0;
        int len1 = 0;
        if (next < n) {
          const unsigned char b = s[next];
          if (b < 0x80) {
            c1 = b;
            len1 = 1;
          } else if (b >= 0xC2 && b <= 0xDF && next + 1 < n && (s[next + 1] & 0xC0) == 0x80) {
            c1 = ((b & 0x1Fu) << 6) | (s[next + 1] & 0x3Fu);
            len1 = 2;
          } else {
            break;
          }
          if (!(t.Flags(c1) & Tables::kBoundary)) break;
        }
        const int32_t folded = t.Fold(c);
        if (folded != kDelete) w.Put(static_cast<char32_t>(folded), static_cast<uint32_t>(i));
        i = next;
        c = c1;
        len = len1;
        if (len != 2) break;
      }
      if (i >= n) break;
      if (c < 0x80) continue;  // back to the ASCII run
    }
    const size_t next = i + len;
    const uint8_t flags = t.Flags(c);
    int len1 = 0;
    char32_t c1 = next < n ? Decode(s, n, next, &len1) : 0;
    if (next >= n || t.Boundary(c1)) {
      emit_single(c, flags, static_cast<uint32_t>(i));
      i = next;
      c = c1;
      len = len1;
      continue;
    }
    // The segment continues with non-starters (and characters deleted in step 1).
    bool only_safe_marks = true;
    size_t j = next;
    while (j < n) {
      c1 = Decode(s, n, j, &len1);
      if (t.Boundary(c1)) break;
      if (!IsPreDeleted(c1) && !(t.Flags(c1) & Tables::kSafeMark)) only_safe_marks = false;
      j += len1;
    }
    if (only_safe_marks && (flags & Tables::kSelf)) {
      emit_single(c, flags, static_cast<uint32_t>(i));
    } else {
      slow_text.clear();
      slow_map.clear();
      t.NormalizeSegment(in.substr(i, j - i), static_cast<uint32_t>(i), &slow_text, &slow_map);
      w.PutBytes(slow_text.data(), slow_text.size(), static_cast<uint32_t>(i));
    }
    i = j;
    c = c1;
    len = len1;
  }
  w.Finish(static_cast<uint32_t>(n));
}

NormalizedText Normalize(std::string_view in) {
  NormalizedText out;
  Normalize(in, &out);
  return out;
}

std::string NormalizeString(std::string_view in) {
  NormalizedText out;
  Normalize(in, &out);
  return std::move(out.text);
}

}  // namespace actorgraph
