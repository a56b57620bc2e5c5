#include "actorgraph/read/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "actorgraph/base/error.h"
#include "actorgraph/read/reader.h"

namespace actorgraph {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter OpenConverter(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter c(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status) || !c) throw Error("--encoding: unknown encoding '" + name + "'");
  return c;
}

// ICU's charset detector looks at this many leading bytes at most (its statistics settle long
// before; this keeps detection linear in a bounded prefix).
constexpr size_t kDetectBytes = 1 << 16;

std::string ConfidenceText(const char* name, int32_t confidence) {
  return std::string(name ? name : "none") + " at " + std::to_string(confidence) + "%";
}

// True when `bytes` hold more well-formed multi-byte UTF-8 sequences than bytes that are not
// UTF-8: text that is UTF-8 with some damage. Legacy 8-bit text (windows-1256 Arabic: letters
// 0xC1-0xFE followed by letters, rarely by a 0x80-0xBF byte) forms few valid sequences by chance.
bool MostlyUtf8(std::string_view bytes) {
  size_t valid = 0, invalid = 0;
  while (!bytes.empty()) {
    int64_t bad = FindInvalidUtf8(bytes);
    std::string_view good = bad < 0 ? bytes : bytes.substr(0, static_cast<size_t>(bad));
    for (unsigned char c : good) valid += c >= 0xC2;  // lead bytes of multi-byte sequences
    if (bad < 0) break;
    ++invalid;
    bytes.remove_prefix(static_cast<size_t>(bad) + 1);
  }
  return valid > invalid;
}

}  // namespace

std::string GuessUtf16WithoutBom(std::string_view bytes) {
  size_t n = std::min<size_t>(bytes.size(), size_t{1} << 16) & ~size_t{1};
  if (n < 8) return "";
  size_t nul[2] = {0, 0};  // at even, odd offsets
  for (size_t i = 0; i < n; ++i)
    if (bytes[i] == '\0') ++nul[i % 2];
  const size_t total = nul[0] + nul[1];
  if (total * 100 < n) return "";  // under 1% NUL bytes: not UTF-16 (UTF-8 text has none)
  // The high bytes: even offsets in UTF-16BE, odd in UTF-16LE. 90% of the NULs must be there.
  size_t high;
  if (nul[0] * 10 >= total * 9)
    high = 0;
  else if (nul[1] * 10 >= total * 9)
    high = 1;
  else
    return "";
  // Text in one script plus ASCII has few distinct high bytes: 0x00 (ASCII, Latin-1) and its
  // block's (0x06 for Arabic U+06xx, 0x04 for Cyrillic, ...). In UTF-8 text with a stray NUL the
  // bytes at that parity are letters of every kind, so at least 4 in 5 high bytes must be 0x00 or
  // the most frequent other value.
  size_t count[256] = {};
  for (size_t i = high; i < n; i += 2) ++count[static_cast<unsigned char>(bytes[i])];
  const size_t top = *std::max_element(count + 1, count + 256);
  if ((count[0] + top) * 5 < (n / 2) * 4) return "";
  return high == 0 ? "UTF-16BE" : "UTF-16LE";
}

std::string Utf16ByteOrder(std::string_view bytes) {
  size_t n = std::min<size_t>(bytes.size(), size_t{1} << 16) & ~size_t{1};
  size_t count[2][256] = {};
  for (size_t i = 0; i < n; ++i) ++count[i % 2][static_cast<unsigned char>(bytes[i])];
  const size_t even = *std::max_element(count[0], count[0] + 256);
  const size_t odd = *std::max_element(count[1], count[1] + 256);
  return odd > even ? "UTF-16LE" : "UTF-16BE";
}

Bom DetectBom(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") return {"UTF-8", 3};
  if (b.size() >= 2 && b.substr(0, 2) == "\xFF\xFE") return {"UTF-16LE", 2};
  if (b.size() >= 2 && b.substr(0, 2) == "\xFE\xFF") return {"UTF-16BE", 2};
  return {};
}

bool ConvertToUtf8(std::string_view bytes, const std::string& encoding, std::string* utf8,
                   size_t* bad_byte) {
  Converter conv = OpenConverter(encoding);
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> u16;
  u16.reserve(bytes.size() + 1);
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  UChar chunk[1 << 14];
  for (;;) {  // convert into a fixed chunk, append, repeat while ICU reports a full buffer
    UChar* dst = chunk;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &dst, chunk + (1 << 14), &src, src_end, nullptr, true, &status);
    u16.insert(u16.end(), chunk, dst);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
  }
  if (U_FAILURE(status)) {
    char invalid[32];
    int8_t len = sizeof invalid;
    UErrorCode s2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &len, &s2);
    size_t consumed = src - bytes.data();
    *bad_byte = consumed >= static_cast<size_t>(len) ? consumed - len : 0;
    return false;
  }
  size_t n16 = u16.size();
  const UChar* begin = u16.data();
  if (n16 > 0 && begin[0] == 0xFEFF) {  // a BOM the converter kept (UTF-16LE/BE, UTF-8)
    ++begin;
    --n16;
  }
  int32_t need = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &need, begin, static_cast<int32_t>(n16), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
    *bad_byte = 0;
    return false;
  }
  utf8->resize(need);
  status = U_ZERO_ERROR;
  u_strToUTF8(utf8->data(), need, nullptr, begin, static_cast<int32_t>(n16), &status);
  if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) {
    *bad_byte = 0;  // an unpaired surrogate: u_strToUTF8 refuses it
    return false;
  }
  return true;
}

std::string ConvertFromUtf8(std::string_view utf8, const std::string& encoding) {
  Converter conv = OpenConverter(encoding);
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  int32_t n16 = 0;
  status = U_ZERO_ERROR;
  u_strFromUTF8(nullptr, 0, &n16, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  std::vector<UChar> u16(n16 + 1);
  status = U_ZERO_ERROR;
  u_strFromUTF8(u16.data(), n16 + 1, nullptr, utf8.data(), static_cast<int32_t>(utf8.size()),
                &status);
  if (U_FAILURE(status)) throw Error("ConvertFromUtf8: invalid UTF-8");
  std::string out(static_cast<size_t>(n16) * 4 + 16, '\0');
  status = U_ZERO_ERROR;
  int32_t len = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()),
                                u16.data(), n16, &status);
  if (U_FAILURE(status))
    throw Error("ConvertFromUtf8: text not representable in " + encoding + ": " +
                u_errorName(status));
  out.resize(len);
  return out;
}

TextDecoder::TextDecoder(std::string encoding, int min_confidence)
    : min_confidence_(min_confidence) {
  std::string lower = encoding;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.empty() || lower == "auto") {
    name_ = "auto";
    return;
  }
  auto_ = false;
  Converter c = OpenConverter(encoding);
  UErrorCode status = U_ZERO_ERROR;
  const char* canonical = ucnv_getName(c.get(), &status);
  // Messages use the IANA name when ICU has one (cp1256 -> windows-1256), else the name given.
  name_ = encoding;
  if (U_SUCCESS(status) && canonical) {
    UErrorCode s2 = U_ZERO_ERROR;
    const char* iana = ucnv_getStandardName(canonical, "IANA", &s2);
    name_ = U_SUCCESS(s2) && iana ? iana : canonical;
  }
  utf8_ = name_ == "UTF-8";
  // ASCII-compatible converters: one byte minimum and '\n' maps from byte 0x0A.
  line_splittable_ = ucnv_getMinCharSize(c.get()) == 1;
  if (name_.starts_with("UTF-16") || name_.starts_with("UTF-32") || name_.starts_with("UTF-7") ||
      name_.find("2022") != std::string::npos)
    line_splittable_ = false;
}

std::string TextDecoder::Doubt(std::string_view bytes) const {
  if (auto_) return "";
  Bom bom = DetectBom(bytes);
  if (bom.length) {
    bool same = bom.encoding == name_ || (name_ == "UTF-16" && bom.encoding.starts_with("UTF-16"));
    if (!same) return "starts with a " + bom.encoding + " byte order mark";
    return "";
  }
  // UTF-16 without a BOM read as a one-byte encoding (or in the other byte order) decodes
  // without an error, into NULs and garbage: the NUL-byte rule of auto's step 2 names it.
  // (A one-byte encoding is read line by line, and a line may start at either byte of a code
  // unit: only a UTF-16 name, which reads the whole input, is told the byte order.)
  if (std::string utf16 = GuessUtf16WithoutBom(bytes); !utf16.empty()) {
    if (!name_.starts_with("UTF-16")) return "looks like UTF-16 without a byte order mark";
    if (name_ != "UTF-16" && name_ != utf16)
      return "looks like " + utf16 + " without a byte order mark";
  }
  if (utf8_) return "";
  bool beyond_ascii = false;
  for (unsigned char c : bytes) beyond_ascii |= c >= 0x80;
  if (beyond_ascii && FindInvalidUtf8(bytes) < 0) return "is valid UTF-8 beyond ASCII";
  return "";
}

bool TextDecoder::Decode(std::string_view bytes, std::string* utf8, std::string* error,
                         std::string* used, const std::string& prefer) const {
  auto use = [&](const std::string& name) {
    if (used) *used = name;
  };
  auto utf8_or_error = [&](std::string_view b, size_t base) {
    if (int64_t bad = FindInvalidUtf8(b); bad >= 0) {
      *error = "byte " + std::to_string(bad + base) + ": invalid UTF-8";
      return false;
    }
    utf8->assign(b.data(), b.size());
    use("UTF-8");
    return true;
  };
  auto convert = [&](const std::string& name, std::string_view b, size_t base) {
    size_t bad = 0;
    if (!ConvertToUtf8(b, name, utf8, &bad)) {
      *error = "byte " + std::to_string(bad + base) + ": invalid " + name;
      return false;
    }
    use(name);
    return true;
  };
  if (!auto_) {
    if (utf8_) {
      size_t skip = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
      return utf8_or_error(bytes.substr(skip), skip);
    }
    // ICU's generic UTF-16 converter reads BOM-less input as big-endian; Windows writes
    // little-endian. Without a BOM the byte order comes from the text (Utf16ByteOrder).
    if (name_ == "UTF-16" && DetectBom(bytes).length == 0)
      return convert(Utf16ByteOrder(bytes), bytes, 0);
    return convert(name_, bytes, 0);
  }
  Bom bom = DetectBom(bytes);
  if (bom.length) {
    if (bom.encoding == "UTF-8") return utf8_or_error(bytes.substr(3), 3);
    return convert(bom.encoding, bytes.substr(bom.length), bom.length);
  }
  if (std::string utf16 = GuessUtf16WithoutBom(bytes); !utf16.empty())
    return convert(utf16, bytes, 0);
  int64_t bad = FindInvalidUtf8(bytes);
  if (bad < 0) {
    utf8->assign(bytes.data(), bytes.size());
    use("UTF-8");
    return true;
  }
  if (MostlyUtf8(bytes)) {  // damaged UTF-8 (a cut or stray byte), not another encoding
    *error = "byte " + std::to_string(bad) + ": invalid UTF-8";
    return false;
  }
  if (!prefer.empty() && prefer != "UTF-8") {
    size_t unused = 0;
    if (ConvertToUtf8(bytes, prefer, utf8, &unused)) {
      use(prefer);
      return true;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) {
    *error = "byte " + std::to_string(bad) + ": invalid UTF-8";
    return false;
  }
  std::string_view sample = bytes.substr(0, kDetectBytes);
  ucsdet_setText(det, sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = U_SUCCESS(status) ? ucsdet_detect(det, &status) : nullptr;
  const char* name = nullptr;
  int32_t confidence = 0;
  if (match && U_SUCCESS(status)) {
    name = ucsdet_getName(match, &status);
    confidence = ucsdet_getConfidence(match, &status);
  }
  std::string guess = U_SUCCESS(status) && name ? name : "";
  ucsdet_close(det);
  // A guess of UTF-8 for bytes that are not valid UTF-8 is damaged UTF-8: say where.
  if (guess.empty() || guess == "UTF-8") {
    *error = "byte " + std::to_string(bad) + ": invalid UTF-8";
    return false;
  }
  if (confidence < min_confidence_) {
    *error = "byte " + std::to_string(bad) +
             ": invalid UTF-8, and no confident guess of the encoding (ICU's detector: " +
             ConfidenceText(guess.c_str(), confidence) + ", needs " +
             std::to_string(min_confidence_) + "%); name it with --encoding";
    return false;
  }
  // ICU's detector names some guesses that its converters do not know by that name
  // ("IBM420_rtl", "IBM424_ltr": EBCDIC Arabic and Hebrew with a text direction).
  std::string converter = guess;
  UErrorCode probe = U_ZERO_ERROR;
  UConverter* c = ucnv_open(converter.c_str(), &probe);
  if (U_FAILURE(probe) && converter.find('_') != std::string::npos) {
    if (c) ucnv_close(c);
    converter.resize(converter.find('_'));
    probe = U_ZERO_ERROR;
    c = ucnv_open(converter.c_str(), &probe);
  }
  if (c) ucnv_close(c);
  if (U_FAILURE(probe)) {
    *error = "byte " + std::to_string(bad) + ": invalid UTF-8, and ICU's detector's guess (" +
             ConfidenceText(guess.c_str(), confidence) +
             ") has no converter; name it with --encoding";
    return false;
  }
  return convert(converter, bytes, 0);
}

}  // namespace actorgraph
