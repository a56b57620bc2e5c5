// The one exception type the library throws for expected failures (bad input, unwritable output).
// The message is a single line naming the file, line or byte and field. Only the CLI's main turns
// it into an exit code; the library never ends the process.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace actorgraph {

// `text` as one printable line, for a message that quotes input (a frame term, a group name, a
// date): NUL, line feed and carriage return become the two characters \0, \n, \r, the other C0
// control characters and DEL become \xHH (an ESC would otherwise recolour a terminal); a tab
// stays.
std::string OneLine(std::string_view text);

class Error : public std::runtime_error {
 public:
  // `message` through OneLine: what() is never cut at a NUL and never spans lines.
  explicit Error(const std::string& message);
  explicit Error(const char* message) : Error(std::string(message)) {}
};

}  // namespace actorgraph
