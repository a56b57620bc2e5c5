#include "actorgraph/network/graph.h"

#include <gtest/gtest.h>

namespace actorgraph {
namespace {

TEST(Graph, SortedVerticesAndEdgesAreOrderedById) {
  Graph g;
  auto node = [](const char* id) {
    ActorNode n;
    n.id = id;
    return n;
  };
  auto c = boost::add_vertex(node("c"), g);
  auto a = boost::add_vertex(node("a"), g);
  auto b = boost::add_vertex(node("b"), g);
  ActorEdge e1, e2;
  e1.weight = 1;
  e2.weight = 2;
  boost::add_edge(c, b, e1, g);
  boost::add_edge(b, a, e2, g);
  auto vs = SortedVertices(g);
  ASSERT_EQ(vs.size(), 3u);
  EXPECT_EQ(g[vs[0]].id, "a");
  EXPECT_EQ(g[vs[2]].id, "c");
  auto es = SortedEdges(g);
  ASSERT_EQ(es.size(), 2u);
  EXPECT_EQ(g[es[0]].weight, 2);  // a-b before b-c
  EXPECT_EQ(g[es[1]].weight, 1);
}

}  // namespace
}  // namespace actorgraph
