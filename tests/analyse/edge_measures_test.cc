#include "actorgraph/analyse/edge_measures.h"

#include <gtest/gtest.h>

#include <cmath>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

// Hand-computed table. N = 10 windows; c_i = 4, c_j = 5, c_ij = 2; s_i = 6, s_j = 8, m = 12.
//   pmi = log2(2*10/(4*5)) = log2(1) = 0
//   npmi = 0 / -log2(0.2) = 0
//   jaccard = 2/(4+5-2) = 2/7; dice = 4/9; association = 2*12*2/(6*8) = 1
TEST(EdgeMeasures, MatchTheHandComputedTable) {
  Association a = AssociationMeasures(2, 4, 5, 10, 6, 8, 12);
  EXPECT_DOUBLE_EQ(a.pmi, 0.0);
  EXPECT_DOUBLE_EQ(a.npmi, 0.0);
  EXPECT_DOUBLE_EQ(a.jaccard, 2.0 / 7.0);
  EXPECT_DOUBLE_EQ(a.dice, 4.0 / 9.0);
  EXPECT_DOUBLE_EQ(a.association, 1.0);

  // c_ij = c_i = c_j = 2, N = 8: pmi = log2(2*8/4) = 2; npmi = 2 / -log2(2/8) = 1;
  // jaccard = dice = 1; association with s_i = s_j = 2, m = 4: 2*4*2/4 = 4.
  Association b = AssociationMeasures(2, 2, 2, 8, 2, 2, 4);
  EXPECT_DOUBLE_EQ(b.pmi, 2.0);
  EXPECT_DOUBLE_EQ(b.npmi, 1.0);
  EXPECT_DOUBLE_EQ(b.jaccard, 1.0);
  EXPECT_DOUBLE_EQ(b.dice, 1.0);
  EXPECT_DOUBLE_EQ(b.association, 4.0);

  // Less often than chance: c_ij = 1, c_i = 8, c_j = 8, N = 16: pmi = log2(16/64) = -2,
  // npmi = -2 / -log2(1/16) = -0.5; jaccard = 1/15; dice = 2/16.
  Association c = AssociationMeasures(1, 8, 8, 16, 8, 8, 8);
  EXPECT_DOUBLE_EQ(c.pmi, -2.0);
  EXPECT_DOUBLE_EQ(c.npmi, -0.5);
  EXPECT_DOUBLE_EQ(c.jaccard, 1.0 / 15.0);
  EXPECT_DOUBLE_EQ(c.dice, 0.125);
  EXPECT_DOUBLE_EQ(c.association, 2.0 * 8 * 1 / 64);
}

TEST(EdgeMeasures, UndefinedCasesHaveStatedValues) {
  // c_ij = N: the pair is in every window; -log2(c_ij/N) = 0, npmi is 1 by definition.
  Association every = AssociationMeasures(5, 5, 5, 5, 5, 5, 5);
  EXPECT_DOUBLE_EQ(every.pmi, 0.0);
  EXPECT_DOUBLE_EQ(every.npmi, 1.0);
  // N = 1 (one window).
  Association one = AssociationMeasures(1, 1, 1, 1, 1, 1, 1);
  EXPECT_DOUBLE_EQ(one.pmi, 0.0);
  EXPECT_DOUBLE_EQ(one.npmi, 1.0);
  EXPECT_DOUBLE_EQ(one.jaccard, 1.0);
  EXPECT_DOUBLE_EQ(one.association, 2.0);
  // c_ij = 0 (never an edge) and inconsistent zero counts: all 0, nothing NaN or infinite.
  for (Association z :
       {AssociationMeasures(0, 3, 4, 10, 3, 4, 5), AssociationMeasures(2, 0, 0, 0, 0, 0, 0)}) {
    for (double v : {z.pmi, z.npmi, z.jaccard, z.dice, z.association}) {
      EXPECT_TRUE(std::isfinite(v));
    }
    EXPECT_DOUBLE_EQ(z.pmi, 0.0);
    EXPECT_DOUBLE_EQ(z.association, 0.0);
  }
}

TEST(EdgeMeasures, FillTheGraphAndChooseTheWeight) {
  Graph g;
  ActorNode a, b;
  a.id = std::string(1, 'a');  // not `= "a"`: GCC 12 warns falsely (-Wrestrict) there
  b.id = std::string(1, 'b');
  a.windows = 4, b.windows = 5;
  a.cooccurrences = 6, b.cooccurrences = 8;
  Vertex va = boost::add_vertex(a, g), vb = boost::add_vertex(b, g);
  ActorEdge e;
  e.count = 2, e.weight = 2, e.documents = 1;
  boost::add_edge(va, vb, e, g);
  g[boost::graph_bundle].windows = 10;
  g[boost::graph_bundle].cooccurrences = 12;
  ComputeEdgeMeasures(g);
  SetWeight(g, "dice");
  Edge x = *boost::edges(g).first;
  EXPECT_DOUBLE_EQ(g[x].jaccard, 2.0 / 7.0);
  EXPECT_DOUBLE_EQ(g[x].weight, 4.0 / 9.0);
  EXPECT_EQ(g[boost::graph_bundle].weight_measure, "dice");
  SetWeight(g, "documents");
  EXPECT_DOUBLE_EQ(g[x].weight, 1.0);
  try {
    SetWeight(g, "tfidf");
    FAIL() << "no exception";
  } catch (const Error& err) {
    EXPECT_STREQ(err.what(),
                 "--weight: 'tfidf' is not one of count, documents, pmi, npmi, jaccard, dice, "
                 "association");
  }
  EXPECT_EQ(WeightMeasures().size(), 7u);
}

}  // namespace
}  // namespace actorgraph
