#include "actorgraph/base/error.h"

namespace actorgraph {

namespace {

std::string OneLine(const std::string& s) {
  if (s.find_first_of(std::string("\0\n\r", 3)) == std::string::npos) return s;
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    if (c == '\0')
      out += "\\0";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else
      out += c;
  }
  return out;
}

}  // namespace

Error::Error(const std::string& message) : std::runtime_error(OneLine(message)) {}

}  // namespace actorgraph
