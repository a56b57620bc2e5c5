// Gazetteer loading (one JSON file), in both modes (first problem throws / problems collected),
// then compiling the matcher over what loaded and matching a fixed sentence.
// Invariants: nothing but actorgraph::Error escapes; every collected problem names the file.
#include <cstdint>
#include <string>
#include <vector>

#include "actorgraph/base/error.h"
#include "actorgraph/match/matcher.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace actorgraph;
  std::string_view contents(reinterpret_cast<const char*>(data), size);
  try {
    Gazetteer strict;
    strict.AddFile(contents, "fuzz.json");
    strict.Finish();
  } catch (const Error&) {
  }
  Gazetteer g;
  std::vector<GazetteerProblem> problems;
  try {
    g.AddFile(contents, "fuzz.json", &problems);
    g.Finish();
  } catch (const Error&) {
    return 0;  // not JSON at all, or not a gazetteer file
  }
  for (const auto& p : problems) FUZZ_CHECK(p.file == "fuzz.json");
  Matcher m(g);
  MatchScratch sc;
  std::vector<Mention> out;
  m.Match("التقى الكاظمي والرئيس بايدن في واشنطن. Kadhimi met Biden.", &sc, &out);
  for (const auto& x : out) FUZZ_CHECK(x.actor < g.actors().size());
  return 0;
}
