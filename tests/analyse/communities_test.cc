#include "actorgraph/analyse/communities.h"

#include <gtest/gtest.h>

namespace actorgraph {
namespace {

// Two triangles a-b-c and d-e-f joined by the edge c-d, unit weights (m = 7).
Graph TwoTriangles() {
  Graph g;
  for (const char* id : {"a", "b", "c", "d", "e", "f"}) {
    ActorNode n;
    n.id = id;
    boost::add_vertex(n, g);
  }
  ActorEdge e;
  e.weight = 1, e.count = 1;
  for (auto [x, y] : {std::pair{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}})
    boost::add_edge(x, y, e, g);
  return g;
}

TEST(Communities, ModularityMatchesNewmansFormulaByHand) {
  // Each triangle: 3 inside edges, strength 2+2+3 = 7: Q = 2 * (3/7 - (7/14)^2) = 5/14.
  Graph g = TwoTriangles();
  EXPECT_NEAR(Modularity(g, {0, 0, 0, 1, 1, 1}), 5.0 / 14.0, 1e-15);
  // All in one community: Q = 7/7 - 1 = 0.
  EXPECT_NEAR(Modularity(g, {0, 0, 0, 0, 0, 0}), 0.0, 1e-15);
}

TEST(Communities, FindTheTwoTrianglesDeterministically) {
  Graph g = TwoTriangles();
  double q = DetectCommunities(g, 1);
  EXPECT_NEAR(q, 5.0 / 14.0, 1e-12);
  EXPECT_EQ(g[0].community, 0u);  // ties by size: the community of "a" comes first
  EXPECT_EQ(g[2].community, 0u);
  EXPECT_EQ(g[3].community, 1u);
  EXPECT_EQ(g[boost::graph_bundle].communities, 2u);
  for (uint64_t seed : {2u, 99u}) {
    Graph h = TwoTriangles();
    DetectCommunities(h, seed);
    for (size_t v = 0; v < 6; ++v) EXPECT_EQ(h[v].community, g[v].community);
  }
}

TEST(Communities, NoEdgesMeansSingletonsAndZeroModularity) {
  Graph g;
  for (const char* id : {"x", "y"}) {
    ActorNode n;
    n.id = id;
    boost::add_vertex(n, g);
  }
  EXPECT_EQ(DetectCommunities(g, 1), 0.0);
  EXPECT_EQ(g[0].community, 0u);
  EXPECT_EQ(g[1].community, 1u);
}

}  // namespace
}  // namespace actorgraph
