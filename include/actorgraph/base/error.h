// The one exception type the library throws for expected failures (bad input, unwritable output).
// The message is a single line naming the file, line or byte and field. Only the CLI's main turns
// it into an exit code; the library never ends the process.
#pragma once

#include <stdexcept>
#include <string>

namespace actorgraph {

class Error : public std::runtime_error {
 public:
  // `message` as one printable line: a NUL byte, a line feed and a carriage return (from the
  // input quoted in it: a frame term, a group name) become the two characters \0, \n, \r, so
  // what() is never cut at a NUL and never spans lines.
  explicit Error(const std::string& message);
  explicit Error(const char* message) : Error(std::string(message)) {}
};

}  // namespace actorgraph
