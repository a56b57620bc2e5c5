#include "actorgraph/base/json_error.h"

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
  if (rest.size() > kMaxReasonBytes) {
    size_t cut = kMaxReasonBytes;
    while (cut > 0 && (static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80) --cut;
    p.reason = std::string(rest.substr(0, cut)) + "...";
  } else {
    p.reason = std::string(rest);
  }
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
