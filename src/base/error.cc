#include "actorgraph/base/error.h"

#include <algorithm>

namespace actorgraph {

namespace {

bool NeedsEscape(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u < 0x20 && c != '\t') || u == 0x7F;
}

}  // namespace

std::string OneLine(std::string_view text) {
  if (std::none_of(text.begin(), text.end(), NeedsEscape)) return std::string(text);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    if (!NeedsEscape(c)) {
      out += c;
    } else if (c == '\0') {
      out += "\\0";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      auto u = static_cast<unsigned char>(c);
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

Error::Error(const std::string& message) : std::runtime_error(OneLine(message)) {}

}  // namespace actorgraph
