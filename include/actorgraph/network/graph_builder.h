// Turns co-occurrence counts into the Boost graph: one vertex per actor that was named, one edge
// per pair at or above the minimum weight, optionally only the top N actors by weighted degree.
#pragma once

#include <cstddef>
#include <cstdint>

#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/network/cooccur.h"
#include "actorgraph/network/graph.h"

namespace actorgraph {

struct GraphOptions {
  double min_weight = 1;  // edges with a lower co-occurrence count are dropped
  size_t top = 0;         // keep only the N actors with the highest weighted degree (0 = all)
};

Graph BuildGraph(const Cooccurrence& counts, const Gazetteer& gazetteer,
                 const GraphOptions& options);

}  // namespace actorgraph
