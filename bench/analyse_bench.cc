// Times the analysis stage (AnalyseGraph: measures, centralities, communities, layout) on random
// actor networks of the size a large corpus gives with the shipped gazetteer (~1000 actors), to
// check that computing the measures stays a small share of `build`.
// Usage: analyse_bench [N [P [RUNS]]]   (defaults 1000 actors, edge probability 0.05, 3 runs)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "actorgraph/analyse/analyse.h"

using namespace actorgraph;

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 1000;
  double p = argc > 2 ? std::atof(argv[2]) : 0.05;
  int runs = argc > 3 ? std::atoi(argv[3]) : 3;
  std::mt19937 rng(1);
  std::uniform_real_distribution<double> coin(0, 1);
  std::geometric_distribution<int> count(0.3);
  Graph base;
  for (int i = 0; i < n; ++i) {
    ActorNode a;
    a.id = "a" + std::to_string(100000 + i);
    a.windows = 50;
    boost::add_vertex(a, base);
  }
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      if (coin(rng) >= p) continue;
      ActorEdge e;
      e.count = 1 + static_cast<uint64_t>(count(rng));
      e.weight = static_cast<double>(e.count);
      boost::add_edge(i, j, e, base);
      base[i].cooccurrences += e.count;
      base[j].cooccurrences += e.count;
      base[boost::graph_bundle].cooccurrences += e.count;
    }
  }
  base[boost::graph_bundle].windows = 1000000;
  for (int r = 0; r < runs; ++r) {
    Graph g = base;
    auto t0 = std::chrono::steady_clock::now();
    AnalyseGraph(g, AnalyseOptions{});
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("AnalyseGraph: %d actors, %zu edges: %.3f s (modularity %.3f)\n", n,
                boost::num_edges(g), s, g[boost::graph_bundle].modularity);
  }
}
