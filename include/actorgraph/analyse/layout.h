// Node positions computed in C++, so files open already laid out in Gephi, Gephi Lite and
// sigma.js, and DOT can pin them (--layout fixed).
//
// Method: Fruchterman & Reingold 1991 (Softw. Pract. Exper. 21(11)), Boost.Graph's
// fruchterman_reingold_force_directed_layout (60 iterations of linear cooling) in a square of side
// 200 * sqrt(n) points, from a random_graph_layout drawn with boost::minstd_rand seeded with `seed`
// (deterministic for a given graph and seed). Positions are then centred on (0, 0) and rounded to
// 0.01 point, y up (Gephi's and Graphviz's convention). Node size for viewers: 10 + 40 *
// sqrt(strength / max strength).
#pragma once

#include <cstdint>

#include "actorgraph/network/graph.h"

namespace actorgraph {

// Fills ActorNode::x, ::y and ::size and sets GraphInfo::positions.
void ComputeLayout(Graph& g, uint64_t seed);

}  // namespace actorgraph
