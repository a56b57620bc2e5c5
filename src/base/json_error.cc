#include "actorgraph/base/json_error.h"

#include <cstdint>

#include "actorgraph/base/utf8.h"

namespace actorgraph {
namespace {

constexpr size_t kMaxReasonBytes = 160;

struct Parsed {
  std::string line, column;  // digits, empty when what() names none
  std::string reason;
};

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
    size_t len = Utf8SequenceLength(reinterpret_cast<const unsigned char*>(rest.data()) + i,
                                    rest.size() - i);
    const unsigned char c0 = static_cast<unsigned char>(rest[i]);
    const bool control = len == 1 && (c0 < 0x20 || c0 == 0x7F);
    const bool bom = len == 3 && rest.substr(i, 3) == "\xEF\xBB\xBF";  // invisible when printed
    if (bom) {
      p.reason += "<U+FEFF>";
      i += 3;
    } else if (len == 0 || control) {
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

std::string JsonExceptionReason(std::string_view what) {
  size_t body = what.find("] ");
  return std::string(body == std::string_view::npos ? what : what.substr(body + 2));
}

std::string JsonErrorInLine(std::string_view what, size_t byte) {
  return "at byte " + std::to_string(byte) + " of the line: " + Parse(what).reason;
}

}  // namespace actorgraph
