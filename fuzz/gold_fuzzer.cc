// The gold file of `eval`, then an evaluation of it against an empty extraction.
// Invariants: nothing but actorgraph::Error escapes; every non-optional gold actor of a present
// document that is in the gazetteer is counted as a miss.
#include <cstdint>
#include <map>
#include <string>

#include "actorgraph/base/error.h"
#include "actorgraph/match/eval.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace actorgraph;
  std::vector<GoldDocument> gold;
  try {
    gold = ParseGold(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
  } catch (const Error&) {
    return 0;
  }
  std::map<std::string, Found> found;
  for (const auto& d : gold) found[d.file];  // every document present, nothing found
  // The index of English names depends on the gazetteer only: built once, not per input.
  static const GoldNameIndex names(fuzz::ShippedGazetteer());
  EvalReport r = Evaluate(gold, fuzz::ShippedGazetteer(), names, found);
  FUZZ_CHECK(r.overall.tp == 0 && r.overall.fp == 0);
  FUZZ_CHECK(r.overall.Precision() >= 0 && r.overall.Recall() <= 1);
  return 0;
}
