// Internal (not installed): the UTF-8 decoder shared by the normaliser and the segmenter.
#pragma once

#include <cstddef>

namespace actorgraph::utf8 {

// Decodes the character at s[i]; an invalid or truncated sequence is one byte of U+FFFD.
inline char32_t Decode(const unsigned char* s, size_t n, size_t i, int* len) {
  unsigned char b = s[i];
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  auto cont = [&](size_t k) { return i + k < n && (s[i + k] & 0xC0) == 0x80; };
  if (b >= 0xC2 && b <= 0xDF && cont(1)) {
    *len = 2;
    return ((b & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
  }
  if (b >= 0xE0 && b <= 0xEF && cont(1) && cont(2)) {
    char32_t c = ((b & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
      *len = 3;
      return c;
    }
  } else if (b >= 0xF0 && b <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    char32_t c = ((b & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
                 (s[i + 3] & 0x3Fu);
    if (c >= 0x10000 && c <= 0x10FFFF) {
      *len = 4;
      return c;
    }
  }
  *len = 1;
  return 0xFFFD;  // U+FFFD REPLACEMENT CHARACTER
}

}  // namespace actorgraph::utf8
