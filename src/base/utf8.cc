#include "actorgraph/base/utf8.h"

namespace actorgraph {

int64_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {  // ASCII: most of the bytes of any text
      ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(p + i, n - i);
    if (len == 0) return static_cast<int64_t>(i);
    i += len;
  }
  return -1;
}

}  // namespace actorgraph
