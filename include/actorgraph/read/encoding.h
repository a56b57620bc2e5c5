// Decoding article bytes to UTF-8 through ICU's converters (ucnv) and charset detector (ucsdet).
//
// Articles come from scrapers, spreadsheets and old Windows archives: UTF-8 (with or without a
// byte order mark), UTF-16 (LE or BE, with a BOM; e.g. Excel's "Unicode text") and windows-1256
// (older Arabic sites, Arabic Windows exports). Everything after the reader works on UTF-8 only:
// byte offsets in mentions and evidence are offsets into the decoded UTF-8 text that was matched,
// never into the input file's bytes.
//
// `auto` (the default) decides per input, in this order (ICU User Guide, "Character Set
// Detection"; Unicode Standard 15.0 §23.8 for the byte order mark):
//   1. a byte order mark: EF BB BF is UTF-8, FF FE is UTF-16LE, FE FF is UTF-16BE (the BOM is
//      dropped from the text);
//   2. else UTF-16BE (or UTF-16LE) without a BOM, e.g. `iconv -t utf-16be` output, when in the
//      first 64 KiB at least 1% of the bytes are NUL, 90% of them at even (or odd) offsets, and
//      at least 4 in 5 bytes at those offsets (the high bytes of the code units) are 0x00 or one
//      other value (0x06 for Arabic). UTF-8 text has no NUL bytes, and ASCII characters (spaces,
//      digits, line ends) in UTF-16 have a zero byte. Arabic letters in UTF-16 (U+06xx) happen to
//      be valid UTF-8 control bytes, so without this step such a file would read as garbage
//      without a warning; the last condition keeps UTF-8 text with a stray NUL byte UTF-8;
//   3. else bytes that are valid UTF-8 (RFC 3629) are UTF-8;
//   4. else ICU's detector's best guess, if its confidence (0-100) is at least `min_confidence`
//      and the bytes decode without an illegal or unmapped sequence;
//   5. else the input cannot be decoded: Decode() returns false with a one-line reason.
// Any other name (utf-8, utf-16, utf-16le, utf-16be, cp1256, windows-1256, iso-8859-6, …: every
// name or alias ICU's converters know) forces that encoding; a leading U+FEFF is dropped. The
// generic utf-16 follows a BOM; without one its byte order is Utf16ByteOrder's (Unicode 15.0
// §3.10 D98 reads BOM-less UTF-16 as big-endian "in the absence of a higher-level protocol", but
// Windows "Unicode text" is little-endian, and either read the wrong way is garbage).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace actorgraph {

class TextDecoder {
 public:
  // `encoding`: "auto" or a converter name ICU knows (case-insensitive). Throws Error
  // ("--encoding: unknown encoding 'x'") otherwise. `min_confidence`: ICU detector confidence
  // (0-100) needed in step 3 of auto.
  explicit TextDecoder(std::string encoding = "auto", int min_confidence = 50);

  // Decodes `bytes` into UTF-8 (`*utf8`, replaced). On failure returns false and sets `*error` to a
  // reason without the file name, e.g. "byte 15: invalid UTF-8" or "byte 3: invalid windows-1256"
  // (byte offsets into `bytes`) or "encoding not recognised (…); name it with --encoding". `*used`
  // (optional) receives the encoding applied ("UTF-8", "UTF-16LE", "windows-1256", …).
  // `prefer` (auto only; optional, "" for none): an encoding found earlier in the same file, tried
  // before the detector (step 4) for bytes that are not UTF-8. An encoding is a property of a
  // file: a JSONL line too short for a confident guess is decoded as its file's earlier lines.
  bool Decode(std::string_view bytes, std::string* utf8, std::string* error,
              std::string* used = nullptr, const std::string& prefer = "") const;

  // For a named (not auto) encoding: why `bytes` are probably in another one, or "" when nothing
  // says so. A byte order mark of another encoding ("a UTF-8 byte order mark"), UTF-16 without
  // one by GuessUtf16WithoutBom's rule ("looks like UTF-16 without a byte order mark"; with the
  // byte order for a UTF-16 name), or bytes that are valid UTF-8 with at least one multi-byte
  // character while the name is not UTF-8 (valid UTF-8 beyond ASCII is very unlikely in any other
  // encoding: RFC 3629 §1; the reason auto prefers it). The text is still decoded as named; the
  // reader warns once per file.
  std::string Doubt(std::string_view bytes) const;

  // True when every character of this encoding is at least one byte and '\n' is byte 0x0A alone
  // (UTF-8, windows-1256, ISO-8859-x, …), so input can be split into lines before decoding. False
  // for UTF-16/UTF-32, which the reader decodes as a whole.
  bool LineSplittable() const { return line_splittable_; }
  bool IsAuto() const { return auto_; }
  const std::string& name() const { return name_; }

 private:
  std::string name_;  // canonical ICU name, or "auto"
  bool auto_ = true;
  bool utf8_ = false;
  bool line_splittable_ = true;
  int min_confidence_ = 50;
};

// The encoding named by a byte order mark at the start of `bytes` ("UTF-8", "UTF-16LE",
// "UTF-16BE") and its length in bytes, or {"", 0} when there is none. UTF-32 is never guessed
// (FF FE 00 00 reads as UTF-16LE); name it with --encoding utf-32.
struct Bom {
  std::string encoding;
  size_t length = 0;
};
Bom DetectBom(std::string_view bytes);

// "UTF-16BE" or "UTF-16LE" when `bytes` (the first 64 KiB are read) look like UTF-16 without a
// byte order mark by the NUL-byte rule of step 2 above, else "".
std::string GuessUtf16WithoutBom(std::string_view bytes);

// The byte order of UTF-16 `bytes` without a BOM: "UTF-16LE" when, in the first 64 KiB, the
// most frequent byte at odd offsets is more frequent than the most frequent at even offsets (the
// high bytes of text in one script plus ASCII take few values: 0x00, 0x06 for Arabic), else
// "UTF-16BE" (the Unicode default, also for a tie). For a named --encoding utf-16 only.
std::string Utf16ByteOrder(std::string_view bytes);

// Decodes `bytes` with ICU converter `encoding`, stopping at the first illegal or unmapped
// sequence: false with `*bad_byte` set to its byte offset in `bytes`. Throws Error for an unknown
// converter name.
bool ConvertToUtf8(std::string_view bytes, const std::string& encoding, std::string* utf8,
                   size_t* bad_byte);

// Encodes UTF-8 into `encoding` with ICU (for tests and tools). Throws Error when a character
// cannot be represented or the name is unknown.
std::string ConvertFromUtf8(std::string_view utf8, const std::string& encoding);

}  // namespace actorgraph
