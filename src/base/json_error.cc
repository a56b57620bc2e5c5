#include "actorgraph/base/json_error.h"

#include <cstdint>

namespace actorgraph {
namespace {

constexpr size_t kMaxReasonBytes = 160;

struct Parsed {
  std::string line, column;  // digits, empty when what() names none
  std::string reason;
};

// The length of the valid UTF-8 sequence (RFC 3629) at the start of `s`, or 0 when it is not one.
size_t Utf8SequenceLength(std::string_view s) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(0);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || len > s.size()) return 0;
  uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  for (size_t k = 1; k < len; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
      (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

std::string Digits(std::string_view s, size_t at) {
  size_t end = at;
  while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
  return std::string(s.substr(at, end - at));
}

Parsed Parse(std::string_view what) {
  Parsed p;
  size_t body = what.find("] ");
  body = body == std::string_view::npos ? 0 : body + 2;
  static constexpr std::string_view kAt = "parse error at line ";
  std::string_view rest = what.substr(body);
  if (rest.substr(0, kAt.size()) == kAt) {
    p.line = Digits(rest, kAt.size());
    size_t col = rest.find(", column ");
    if (!p.line.empty() && col != std::string_view::npos) p.column = Digits(rest, col + 9);
    size_t colon = rest.find(": ");
    if (p.column.empty() || colon == std::string_view::npos) {
      p.line.clear();
      p.column.clear();
    } else {
      rest = rest.substr(colon + 2);
    }
  }
  // The "last read" token is the input's own bytes: bytes that are not UTF-8 (a binary file
  // given as JSON) are shown as <0xNN>, so the message stays one line of valid text.
  size_t i = 0;
  while (i < rest.size() && p.reason.size() < kMaxReasonBytes) {
    size_t len = Utf8SequenceLength(rest.substr(i));
    if (len == 0) {
      static const char kHex[] = "0123456789ABCDEF";
      unsigned char c = static_cast<unsigned char>(rest[i]);
      p.reason += "<0x";
      p.reason += kHex[c >> 4];
      p.reason += kHex[c & 15];
      p.reason += '>';
      ++i;
    } else {
      p.reason.append(rest.substr(i, len));
      i += len;
    }
  }
  if (i < rest.size()) p.reason += "...";
  return p;
}

}  // namespace

std::string JsonErrorAt(std::string_view what, size_t byte) {
  Parsed p = Parse(what);
  std::string b = std::to_string(byte);
  if (p.line.empty()) return "at byte " + b + ": " + p.reason;
  return "at line " + p.line + ", column " + p.column + " (byte " + b + "): " + p.reason;
}

std::string JsonErrorInLine(std::string_view what, size_t byte) {
  return "at byte " + std::to_string(byte) + " of the line: " + Parse(what).reason;
}

}  // namespace actorgraph
