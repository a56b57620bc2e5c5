// Communities of the weighted actor network and their modularity.
//
// Method: Louvain (Blondel, Guillaume, Lambiotte & Lefebvre 2008, J. Stat. Mech. P10008) through
// the igraph C library (igraph_community_multilevel), run `restarts` times with igraph's RNG seeded
// seed, seed+1, ...; the best partition is then refined with Leiden (Traag, Waltman & van Eck 2019,
// Sci. Rep. 9:5233; igraph_community_leiden, modularity objective: resolution 1/(2m), node weights
// = strength, 10 iterations) started from it; the partition with the highest modularity is kept.
// Everything is seeded, so the same graph and seed give the same partition.
//
// Modularity (Newman 2006, PNAS 103(23)): Q = (1/2m) sum_ij [A_ij - s_i s_j / 2m] delta(c_i, c_j)
// with A_ij = w_ij, s_i the strength and m the total weight; 0 for a graph without edges.
// Communities are numbered by size, largest first, ties by the smallest actor id; an isolated
// actor is a community of its own.
#pragma once

#include <cstdint>
#include <vector>

#include "actorgraph/network/graph.h"

namespace actorgraph {

// Q of `membership` (one community number per vertex) under ActorEdge::weight.
double Modularity(const Graph& g, const std::vector<uint64_t>& membership);

// Fills ActorNode::community and GraphInfo::modularity and ::communities; returns Q.
// Throws Error when igraph fails.
double DetectCommunities(Graph& g, uint64_t seed, int restarts = 5);

}  // namespace actorgraph
