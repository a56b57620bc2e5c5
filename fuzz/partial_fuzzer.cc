// Partial-graph loading for `merge` (against the shipped gazetteer), then the graph built from
// the merged counts and written as GraphML.
// Invariants: nothing but actorgraph::Error escapes; a refused partial leaves the accumulator's
// totals unchanged.
#include <cstdint>
#include <sstream>
#include <string>

#include "actorgraph/base/error.h"
#include "actorgraph/export/graphml_writer.h"
#include "actorgraph/network/graph_builder.h"
#include "actorgraph/network/partial.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace actorgraph;
  const Gazetteer& g = fuzz::ShippedGazetteer();
  std::string_view contents(reinterpret_cast<const char*>(data), size);
  CooccurOptions o;
  try {
    o = PartialOptionsFromText(contents, "fuzz.partial.json");
  } catch (const Error&) {
  }
  Cooccurrence into(g.actors().size(), o);
  try {
    MergePartialText(contents, "fuzz.partial.json", g, &into);
  } catch (const Error&) {
    FUZZ_CHECK(into.documents() == 0 && into.mentions() == 0);
    return 0;
  }
  try {
    Graph graph = BuildGraph(into, g, {});
    std::ostringstream out;
    WriteGraphml(graph, out);
  } catch (const Error&) {
  }
  return 0;
}
