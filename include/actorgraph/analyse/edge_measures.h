// Association measures of a co-occurring pair, computed from the counts the network keeps
// (design: /work/shared/design/statistics.md). Notation, per co-occurrence window kind (sentence,
// paragraph or document): N = windows in the corpus; c_i = windows naming actor i; c_ij = windows
// naming both i and j; s_i = sum over all partners j of c_ij; m = sum over all pairs i<j of c_ij.
// Counts are taken before any pruning, so pruning never changes a measure.
//
//   pmi         log2(c_ij N / (c_i c_j))                         Church & Hanks 1990
//   npmi        pmi / -log2(c_ij / N), in [-1, 1]                Bouma 2009, "Normalized
//   (pointwise)
//                                                               mutual information in collocation
//                                                               extraction", GSCL
//   jaccard     c_ij / (c_i + c_j - c_ij), in (0, 1]
//   dice        2 c_ij / (c_i + c_j), in (0, 1]
//   association 2m c_ij / (s_i s_j): van Eck & Waltman 2009, JASIST 60(8) 1635-1651, "How to
//               normalize co-occurrence data?" (association strength c_ij / (s_i s_j), scaled by
//               2m so that 1 means "as often as chance predicts")
//
// Undefined cases get a stated value, never NaN or inf: every measure is 0 when c_ij = 0 (never an
// edge) or a denominator is 0 (inconsistent counts); npmi is 1 when c_ij = N (the pair is in every
// window; also the case N = 1), where -log2(c_ij/N) = 0. pmi is finite whenever c_ij > 0.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/network/graph.h"

namespace actorgraph {

struct Association {
  double pmi = 0;
  double npmi = 0;
  double jaccard = 0;
  double dice = 0;
  double association = 0;
};

// The measures for one pair; see the table above.
Association AssociationMeasures(uint64_t c_ij, uint64_t c_i, uint64_t c_j, uint64_t n, uint64_t s_i,
                                uint64_t s_j, uint64_t m);

// Fills ActorEdge::{pmi, npmi, jaccard, dice, association} of every edge from ActorEdge::count,
// ActorNode::windows and ::cooccurrences and GraphInfo::windows and ::cooccurrences.
void ComputeEdgeMeasures(Graph& g);

// The names --weight accepts: count, documents, pmi, npmi, jaccard, dice, association.
const std::vector<std::string>& WeightMeasures();

// The value of measure `name` on an edge (count and documents as doubles). Throws Error naming
// the measure and the accepted names for an unknown one.
double EdgeMeasure(const ActorEdge& e, std::string_view name);

// Sets ActorEdge::weight of every edge to measure `name` and GraphInfo::weight_measure to it.
void SetWeight(Graph& g, std::string_view name);

}  // namespace actorgraph
