// Pruning steps after the graph is built (the builder already applies --min-weight and --top):
// the disparity-filter backbone, positive-association filtering and keeping the N heaviest edges.
// Each step removes edges and then the actors it left without any edge (actors that had no edge
// before the step stay); it reports both numbers for the summary.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "actorgraph/network/graph.h"

namespace actorgraph {

struct PruneStep {
  std::string name;  // e.g. "min-weight 2", "backbone disparity:0.05", "top-edges 100"
  size_t edges_removed = 0;
  size_t nodes_removed = 0;
};

// The disparity filter's significance of an edge seen from one end (Serrano, Boguna & Vespignani
// 2009, PNAS 106(16) 6483-6488, eq. 2): with p = w_ij / s_i the edge's share of the end's strength
// and k the end's degree, alpha_ij = (1 - p)^(k - 1). Requires k >= 2 and 0 < p <= 1.
double DisparityAlpha(double p, size_t k);

// Keeps the edges with alpha_ij < alpha for at least one end, on the co-occurrence counts
// (ActorEdge::count, the intensities the null model splits). An end of degree 1 cannot judge its
// only edge and does not vote: the edge stays when its other end keeps it; an edge whose two ends
// both have degree 1 (an isolated pair) is kept. Throws Error unless 0 < alpha < 1.
PruneStep DisparityFilter(Graph& g, double alpha);

// Removes the edges whose weight is not positive: with --weight pmi or npmi, pairs named together
// no more often than chance (the positive-PMI convention of Church & Hanks 1990 and of PPMI).
PruneStep DropNonPositive(Graph& g);

// Keeps the `n` edges with the highest weight (ties: higher count, then source id, then target
// id); n = 0 keeps all.
PruneStep TopEdges(Graph& g, size_t n);

}  // namespace actorgraph
