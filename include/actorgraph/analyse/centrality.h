// Node measures on the weighted, undirected actor network, each computed as networkx computes it
// on the same graph with the same weights (design: statistics.md; checked against networkx 3.6 in
// tests/analyse/centrality_test.cc). w_ij is ActorEdge::weight (> 0); distances are 1 / w_ij.
//
//   degree       number of neighbours
//   strength     s_i = sum_j w_ij (also written as weighted_degree)
//   betweenness  Brandes 2001 (J. Math. Sociol. 25(2)), shortest paths by distance, Boost.Graph's
//                brandes_betweenness_centrality; normalised as networkx does for undirected
//                graphs: pair dependencies counted once, times 2 / ((n-1)(n-2)) (n > 2, else 0)
//   closeness    (r-1) / sum of distances to the r-1 other reachable actors, times (r-1)/(n-1)
//                (Wasserman & Faust 1994 scaling for disconnected graphs; networkx
//                closeness_centrality with wf_improved); 0 for an isolated actor
//   eigenvector  principal eigenvector of the weighted adjacency matrix A, Euclidean norm 1,
//                non-negative: power iteration on A + I from the uniform vector, as networkx
//                eigenvector_centrality (Bonacich 1987), to a change below n * 1e-14 (at most
//                10000 iterations). On a disconnected graph the component with the largest
//                eigenvalue holds the mass and the others decay towards 0.
//   pagerank     Brin & Page 1998, damping 0.85, transitions proportional to w_ij, dangling
//                (isolated) actors jump uniformly, uniform teleport; iterated to a change below
//                n * 1e-15 (networkx pagerank's method and update; Boost.Graph's page_rank is
//                unweighted, so it is not used)
//   core         k-core number (Batagelj & Zaversnik 2003), unweighted: Boost.Graph core_numbers
//   component    connected component (Boost.Graph connected_components), numbered by size,
//                largest first, ties by the smallest actor id
#pragma once

#include <cstdint>
#include <vector>

#include "actorgraph/network/graph.h"

namespace actorgraph {

// Fills degree, strength, weighted_degree, betweenness, closeness, eigenvector, pagerank, core and
// component of every node, and GraphInfo::components and ::density (2E / (n(n-1)), 0 for n < 2).
// Requires every weight > 0 (throws Error naming the edge otherwise).
void ComputeCentralities(Graph& g);

// Components numbered as above; returns the number of components.
size_t NumberComponents(const Graph& g, std::vector<uint64_t>* component);

}  // namespace actorgraph
