// UTF-8 validity (RFC 3629 §3 and §4: no overlong forms, no surrogates D800-DFFF, nothing above
// U+10FFFF). Offsets and lengths are in bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace actorgraph {

// The length in bytes (1-4) of the valid UTF-8 sequence at p[0], or 0 when there is none (a
// continuation or invalid lead byte, a truncated, overlong or surrogate sequence). `n` bytes may
// be read; n > 0.
inline size_t Utf8SequenceLength(const unsigned char* p, size_t n) {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  size_t len;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (len > n) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[k] & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

// The byte offset of the first invalid UTF-8 sequence in `s`, or -1 when `s` is valid UTF-8.
int64_t FindInvalidUtf8(std::string_view s);

}  // namespace actorgraph
