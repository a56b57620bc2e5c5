// The document reader on one input stream: .txt (FUZZ_JSONL=0) or JSONL (FUZZ_JSONL=1). The first
// byte picks the encoding option (auto, utf-8, utf-16, cp1256) and whether lines are bounded at
// 64 bytes, so decoding, detection and the line bound are all reached.
// Invariants: every document's text is valid UTF-8; a .txt document is never blank; a JSONL
// date is empty or YYYY-MM-DD; nothing but actorgraph::Error escapes.
#include <cstdint>
#include <sstream>
#include <string>

#include "actorgraph/base/error.h"
#include "actorgraph/read/reader.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace actorgraph;
  if (size == 0) return 0;
  static const char* const kEncodings[] = {"auto", "utf-8", "utf-16", "cp1256"};
  ReaderOptions o;
  o.encoding = kEncodings[data[0] & 3];
  o.max_line_bytes = (data[0] & 4) ? 64 : uint64_t{64} << 20;
  o.strict = (data[0] & 8) != 0;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  try {
    DocumentReader r(in, FUZZ_JSONL ? "fuzz.jsonl" : "fuzz.txt", FUZZ_JSONL, o);
    Document d;
    uint64_t n = 0;
    while (r.Next(&d)) {
      FUZZ_CHECK(FindInvalidUtf8(d.text) < 0);
      FUZZ_CHECK(FindInvalidUtf8(d.title) < 0);
      FUZZ_CHECK(d.seq == n++);
      if (!FUZZ_JSONL) FUZZ_CHECK(d.text.find_first_not_of(" \t\r\n\f\v") != std::string::npos);
      if (FUZZ_JSONL) FUZZ_CHECK(d.date.empty() || IsIsoDate(d.date));
    }
    FUZZ_CHECK(r.documents() == n);
  } catch (const Error&) {
  }
  return 0;
}
