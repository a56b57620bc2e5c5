// Frame dictionaries (`compare --frames`, compare/frames.h): one JSON file, then its terms
// matched against descriptor keys made from the input's own words.
// Invariants: nothing but actorgraph::Error escapes; at most kMaxFrames frames, each with an id;
// a match sets only bits of frames that exist.
#include <cstdint>
#include <string>
#include <vector>

#include "actorgraph/base/error.h"
#include "actorgraph/compare/frames.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace actorgraph;
  std::string_view json(reinterpret_cast<const char*>(data), size);
  FrameDictionary d;
  try {
    d = FrameDictionary::Parse(json, "fuzz.json");
  } catch (const Error&) {
    return 0;
  }
  const size_t n = d.frames().size();
  FUZZ_CHECK(n <= FrameDictionary::kMaxFrames);
  const uint64_t all = n == 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
  for (const Frame& f : d.frames()) FUZZ_CHECK(!f.id.empty());
  // Keys: pieces of the input between spaces and quotes (the terms as written, and noise).
  std::vector<std::string_view> none;
  size_t start = 0;
  for (size_t i = 0; i <= json.size(); ++i) {
    if (i < json.size() && json[i] != ' ' && json[i] != '"') continue;
    if (i > start) FUZZ_CHECK((d.Match(json.substr(start, i - start), none) & ~all) == 0);
    start = i + 1;
  }
  return 0;
}
