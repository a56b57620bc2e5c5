#include "actorgraph/analyse/centrality.h"

#include <gtest/gtest.h>

#include <random>

#include "actorgraph/analyse/analyse.h"
#include "actorgraph/base/error.h"
#include "actorgraph/export/graphml_writer.h"
#include "actorgraph/export/writer.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::Run;
using testing::ShellQuote;
using testing::SourcePath;

Graph Path(int n, double w = 1) {
  Graph g;
  for (int i = 0; i < n; ++i) {
    ActorNode a;
    a.id = std::string(1, static_cast<char>('a' + i));
    boost::add_vertex(a, g);
  }
  for (int i = 0; i + 1 < n; ++i) {
    ActorEdge e;
    e.weight = w, e.count = 1;
    boost::add_edge(i, i + 1, e, g);
  }
  return g;
}

// A G(n, p) graph with integer weights 1..9 from a fixed seed: several components and isolated
// actors, so the disconnected conventions are exercised too.
Graph RandomGraph(int n, double p, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> coin(0, 1);
  std::uniform_int_distribution<int> weight(1, 9);
  Graph g;
  for (int i = 0; i < n; ++i) {
    ActorNode a;
    a.id = "n" + std::to_string(1000 + i);
    a.label = a.label_en = a.id;
    a.type = "person";
    a.mentions = a.documents = a.windows = 1;
    boost::add_vertex(a, g);
  }
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      if (coin(rng) >= p) continue;
      ActorEdge e;
      e.count = static_cast<uint64_t>(weight(rng));
      e.weight = static_cast<double>(e.count);
      e.documents = 1;
      boost::add_edge(i, j, e, g);
      g[i].cooccurrences += e.count;
      g[j].cooccurrences += e.count;
      g[boost::graph_bundle].cooccurrences += e.count;
    }
  }
  g[boost::graph_bundle].windows = 1000;
  for (int i = 0; i < n; ++i) g[i].windows = 10 + g[i].cooccurrences;
  return g;
}

// The first python3 on PATH (or Debian's) that can import networkx; "" when none can.
std::string PythonWithNetworkx() {
  for (const char* py : {"python3", "/usr/bin/python3"}) {
    if (Run(std::string(py) + " -c 'import networkx' 2>/dev/null").exit_code == 0) return py;
  }
  return "";
}

// Runs tests/analyse/measures_check.py on a GraphML file.
void ExpectNetworkxAgrees(const std::filesystem::path& graphml, uint64_t seed) {
  std::string py = PythonWithNetworkx();
  if (py.empty()) GTEST_SKIP() << "no python3 with the networkx module";
  auto r = Run(py + " " + ShellQuote(SourcePath("tests/analyse/measures_check.py").string()) + " " +
               ShellQuote(graphml.string()) + " " + std::to_string(seed));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(Centrality, PathGraphByHand) {
  // a - b - c - d - e, unit weights. Betweenness of c: pairs (a,d) (a,e) (b,d) (b,e) (a,... ) =
  // 4 pairs through c, normalised by 2/((n-1)(n-2)) = 1/6 -> 4/6; b: (a,c) (a,d) (a,e) -> 0.5.
  // Closeness of c: 4 / (2+1+1+2) = 2/3; of a: 4 / 10.
  Graph g = Path(5);
  ComputeCentralities(g);
  EXPECT_NEAR(g[2].betweenness, 4.0 / 6.0, 1e-12);
  EXPECT_NEAR(g[1].betweenness, 0.5, 1e-12);
  EXPECT_NEAR(g[0].betweenness, 0.0, 1e-12);
  EXPECT_NEAR(g[2].closeness, 4.0 / 6.0, 1e-12);
  EXPECT_NEAR(g[0].closeness, 0.4, 1e-12);
  EXPECT_EQ(g[2].degree, 2u);
  EXPECT_EQ(g[0].core, 1u);
  double sum = 0, norm = 0;
  for (size_t v = 0; v < 5; ++v) sum += g[v].pagerank, norm += g[v].eigenvector * g[v].eigenvector;
  EXPECT_NEAR(sum, 1.0, 1e-12);
  EXPECT_NEAR(norm, 1.0, 1e-12);
  EXPECT_NEAR(g[0].eigenvector, g[4].eigenvector, 1e-12);
  EXPECT_GT(g[2].eigenvector, g[0].eigenvector);
  EXPECT_NEAR(g[boost::graph_bundle].density, 4.0 / 10.0, 1e-15);
}

TEST(Centrality, WeightsAreDistancesInverted) {
  // Triangle a-b (1), b-c (1), a-c (weight 0.4 = distance 2.5 > 2): the shortest a-c path runs
  // through b, which then lies on one of the three pairs' paths: betweenness 1 / 1 = 1.
  Graph g = Path(3);
  ActorEdge e;
  e.weight = 0.4, e.count = 1;
  boost::add_edge(0, 2, e, g);
  ComputeCentralities(g);
  EXPECT_NEAR(g[1].betweenness, 1.0, 1e-12);
  EXPECT_NEAR(g[1].strength, 2.0, 1e-15);
  EXPECT_NEAR(g[0].strength, 1.4, 1e-15);
}

TEST(Centrality, ComponentsAreNumberedBySize) {
  Graph g = Path(3);
  ActorNode z;
  z.id = "0lonely";
  boost::add_vertex(z, g);
  ComputeCentralities(g);
  EXPECT_EQ(g[0].component, 0u);
  EXPECT_EQ(g[3].component, 1u);
  EXPECT_EQ(g[boost::graph_bundle].components, 2u);
  EXPECT_EQ(g[3].closeness, 0.0);
  EXPECT_EQ(g[3].betweenness, 0.0);
}

TEST(Centrality, RejectsNonPositiveWeights) {
  Graph g = Path(2, 0.0);
  try {
    ComputeCentralities(g);
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "edge a -- b: field 'weight': centralities need a positive weight");
  }
}

TEST(Centrality, AgreesWithNetworkxOnTheSampleNetwork) {
  auto dir = testing::TempDir("centrality_sample");
  auto r =
      testing::RunCli("build -q -o " + ShellQuote(dir.string()) + " --format graphml --seed 7");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectNetworkxAgrees(dir / "actors.graphml", 7);
}

TEST(Centrality, AgreesWithNetworkxOnARandomNetwork) {
  for (unsigned seed : {1u, 2u}) {
    Graph g = RandomGraph(80, 0.06, seed);
    AnalyseGraph(g, AnalyseOptions{});
    auto dir = testing::TempDir("centrality_random");
    GraphmlWriter().Write(g, dir, WriteOptions{});
    ExpectNetworkxAgrees(dir / "actors.graphml", seed);
  }
}

TEST(Centrality, AgreesWithNetworkxUnderAnotherWeight) {
  auto dir = testing::TempDir("centrality_npmi");
  auto r = testing::RunCli("build -q -o " + ShellQuote(dir.string()) +
                           " --format graphml --weight npmi --window paragraph");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectNetworkxAgrees(dir / "actors.graphml", 1);
}

}  // namespace
}  // namespace actorgraph
