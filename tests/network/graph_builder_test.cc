#include "actorgraph/network/graph_builder.h"

#include <gtest/gtest.h>

namespace actorgraph {
namespace {

Mention M(uint32_t actor, uint32_t sentence) {
  Mention m;
  m.actor = actor;
  m.sentence = sentence;
  return m;
}

Document Doc() {
  Document d;
  d.id = "d0";
  d.text = "one two three four five six seven eight";
  return d;
}

const std::vector<std::pair<uint32_t, uint32_t>> kSpans = {{0, 7}, {8, 18}, {19, 40}};

TEST(GraphBuilder, MinWeightAndTopN) {
  Gazetteer g;
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "a", "type": "person", "label": {"ar": "ا", "en": "A"}},
    {"id": "b", "type": "person", "label": {"ar": "ب", "en": "B"}},
    {"id": "c", "type": "state", "label": {"ar": "ج", "en": "C"}}]})",
            "t.json");
  g.Finish();
  Cooccurrence c(3, {});
  c.AddDocument(Doc(), {M(0, 0), M(1, 0), M(0, 1), M(1, 1), M(0, 2), M(2, 2)}, kSpans);
  Graph all = BuildGraph(c, g, {});
  EXPECT_EQ(boost::num_vertices(all), 3u);
  EXPECT_EQ(boost::num_edges(all), 2u);
  GraphOptions strong;
  strong.min_weight = 2;
  EXPECT_EQ(boost::num_edges(BuildGraph(c, g, strong)), 1u);
  GraphOptions top;
  top.top = 2;
  Graph t = BuildGraph(c, g, top);
  ASSERT_EQ(boost::num_vertices(t), 2u);
  auto vs = SortedVertices(t);
  EXPECT_EQ(t[vs[0]].id, "a");
  EXPECT_EQ(t[vs[1]].id, "b");
  EXPECT_EQ(t[vs[0]].weighted_degree, 2);
}

}  // namespace
}  // namespace actorgraph
