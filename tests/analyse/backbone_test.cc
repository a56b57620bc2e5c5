#include "actorgraph/analyse/backbone.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

Graph Make(const std::vector<std::string>& ids,
           const std::vector<std::tuple<int, int, uint64_t>>& edges) {
  Graph g;
  for (const auto& id : ids) {
    ActorNode n;
    n.id = id;
    boost::add_vertex(n, g);
  }
  for (auto [a, b, c] : edges) {
    ActorEdge e;
    e.count = c;
    e.weight = static_cast<double>(c);
    boost::add_edge(a, b, e, g);
  }
  return g;
}

std::set<std::string> EdgeSet(const Graph& g) {
  std::set<std::string> out;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    auto ids = std::minmax(g[boost::source(e, g)].id, g[boost::target(e, g)].id);
    out.insert(ids.first + "-" + ids.second);
  }
  return out;
}

TEST(Backbone, DisparityAlphaIsEquationTwo) {
  // (1 - p)^(k - 1): p = 0.5, k = 3 -> 0.25; p = 0.1, k = 4 -> 0.729.
  EXPECT_DOUBLE_EQ(DisparityAlpha(0.5, 3), 0.25);
  EXPECT_NEAR(DisparityAlpha(0.1, 4), 0.729, 1e-15);
  EXPECT_DOUBLE_EQ(DisparityAlpha(1.0, 5), 0.0);
}

// Hand-computed example. Hub h with degree 4: h-a 16, h-b 2, h-c 1, h-d 1 (s_h = 20);
// a-b 1 (a: degree 2, s_a = 17; b: degree 2, s_b = 3); e-f 3 (an isolated pair); c, d degree 1.
//   h-a: from h, p = 0.8, alpha = 0.2^3 = 0.008 < 0.05 -> kept
//   h-b: from h, p = 0.1, alpha = 0.9^3 = 0.729; from b, p = 2/3, alpha = (1/3)^1 = 0.333 ->
//   dropped h-c, h-d: from h, p = 0.05, alpha = 0.857; c and d have degree 1 and do not vote ->
//   dropped a-b: from a, p = 1/17, alpha = 0.941; from b, p = 1/3, alpha = 0.667 -> dropped e-f:
//   both ends degree 1 -> kept
// With alpha 0.4 the b end keeps h-b (0.333 < 0.4).
TEST(Backbone, DisparityFilterMatchesTheHandComputedExample) {
  std::vector<std::string> ids = {"a", "b", "c", "d", "e", "f", "h"};
  std::vector<std::tuple<int, int, uint64_t>> edges = {{6, 0, 16}, {6, 1, 2}, {6, 2, 1},
                                                       {6, 3, 1},  {0, 1, 1}, {4, 5, 3}};
  Graph g = Make(ids, edges);
  PruneStep step = DisparityFilter(g, 0.05);
  EXPECT_EQ(EdgeSet(g), (std::set<std::string>{"a-h", "e-f"}));
  EXPECT_EQ(step.edges_removed, 4u);
  EXPECT_EQ(step.nodes_removed, 3u);  // b, c and d lost every edge
  EXPECT_EQ(step.name, "backbone disparity:0.05");

  Graph g2 = Make(ids, edges);
  DisparityFilter(g2, 0.4);
  EXPECT_EQ(EdgeSet(g2), (std::set<std::string>{"a-h", "b-h", "e-f"}));
}

TEST(Backbone, RejectsAlphaOutsideZeroOne) {
  Graph g = Make({"a"}, {});
  EXPECT_THROW(DisparityFilter(g, 0), Error);
  EXPECT_THROW(DisparityFilter(g, 1), Error);
}

TEST(Backbone, TopEdgesKeepsTheHeaviestWithStableTies) {
  Graph g = Make({"a", "b", "c", "d"}, {{0, 1, 5}, {0, 2, 3}, {1, 2, 3}, {2, 3, 1}});
  PruneStep step = TopEdges(g, 2);
  EXPECT_EQ(EdgeSet(g), (std::set<std::string>{"a-b", "a-c"}));  // a-c before b-c on ties
  EXPECT_EQ(step.edges_removed, 2u);
  EXPECT_EQ(step.nodes_removed, 1u);  // d
  Graph all = Make({"a", "b"}, {{0, 1, 1}});
  EXPECT_EQ(TopEdges(all, 0).edges_removed, 0u);
}

TEST(Backbone, DropNonPositiveRemovesBelowChancePairs) {
  Graph g = Make({"a", "b", "c"}, {{0, 1, 1}, {1, 2, 1}});
  Edge first = *boost::edges(g).first;
  g[first].weight = -0.5;
  g[boost::graph_bundle].weight_measure = "pmi";
  PruneStep step = DropNonPositive(g);
  EXPECT_EQ(step.edges_removed, 1u);
  EXPECT_EQ(step.nodes_removed, 1u);
  EXPECT_EQ(step.name, "positive pmi");
  EXPECT_EQ(boost::num_edges(g), 1u);
}

}  // namespace
}  // namespace actorgraph
