// The one exception type the library throws for expected failures (bad input, unwritable output).
// The message is a single line naming the file, line or byte and field. Only the CLI's main turns
// it into an exit code; the library never ends the process.
#pragma once

#include <stdexcept>
#include <string>

namespace actorgraph {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace actorgraph
