// The analysis stage in one call: association measures, the chosen weight, pruning (positive
// association, backbone, top edges), node measures, communities and layout, in that order, on the
// graph the builder made (which already applied --min-weight and --top). Single-threaded and
// seeded: the same graph and options give the same numbers on every run and for any --threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "actorgraph/analyse/backbone.h"
#include "actorgraph/network/graph.h"

namespace actorgraph {

struct AnalyseOptions {
  std::string weight = "count";  // edge measure that fills `weight` (edge_measures.h)
  double backbone_alpha = 0;     // disparity filter significance; 0 = no backbone
  size_t top_edges = 0;          // keep the N heaviest edges; 0 = all
  uint64_t seed = 1;             // communities and layout
  bool layout = true;            // compute positions
};

// Parses --backbone's "disparity:ALPHA" (0 < ALPHA < 1) or "" / "none" (0). Throws Error.
double ParseBackbone(const std::string& spec);

// Runs the stage; returns the pruning steps it took (for the summary). Sets GraphInfo::analysed.
std::vector<PruneStep> AnalyseGraph(Graph& g, const AnalyseOptions& options);

}  // namespace actorgraph
