#include "actorgraph/analyse/communities.h"

#include <igraph.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <string>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

void Check(igraph_error_t rc, const char* what) {
  if (rc != IGRAPH_SUCCESS)
    throw Error(std::string("communities: igraph ") + what + " failed: " + igraph_strerror(rc));
}

// RAII holders for the igraph objects.
struct IVector {
  igraph_vector_t v;
  explicit IVector(igraph_integer_t n) { Check(igraph_vector_init(&v, n), "vector"); }
  ~IVector() { igraph_vector_destroy(&v); }
};
struct IIntVector {
  igraph_vector_int_t v;
  explicit IIntVector(igraph_integer_t n) { Check(igraph_vector_int_init(&v, n), "vector"); }
  ~IIntVector() { igraph_vector_int_destroy(&v); }
};
struct IGraph {
  igraph_t g;
  IGraph(const igraph_vector_int_t* edges, igraph_integer_t n) {
    Check(igraph_create(&g, edges, n, IGRAPH_UNDIRECTED), "create");
  }
  ~IGraph() { igraph_destroy(&g); }
};

// Community numbers by size (largest first), ties by the smallest vertex index (= smallest id).
std::vector<uint64_t> Renumber(const std::vector<uint64_t>& raw) {
  std::map<uint64_t, std::pair<size_t, size_t>> info;  // raw -> (size, first vertex)
  for (size_t v = 0; v < raw.size(); ++v) {
    auto [it, fresh] = info.try_emplace(raw[v], 0, v);
    ++it->second.first;
  }
  std::vector<std::pair<uint64_t, std::pair<size_t, size_t>>> order(info.begin(), info.end());
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    if (a.second.first != b.second.first) return a.second.first > b.second.first;
    return a.second.second < b.second.second;
  });
  std::map<uint64_t, uint64_t> rank;
  for (size_t r = 0; r < order.size(); ++r) rank[order[r].first] = r;
  std::vector<uint64_t> out(raw.size());
  for (size_t v = 0; v < raw.size(); ++v) out[v] = rank[raw[v]];
  return out;
}

std::mutex& IgraphMutex() {  // igraph's default RNG is global state
  static std::mutex m;
  return m;
}

// igraph's default handlers print and abort; the library never prints or exits, so errors come
// back as codes (Check throws Error) and warnings are dropped. Restores the handlers on exit.
struct QuietIgraph {
  igraph_error_handler_t* error = igraph_set_error_handler(igraph_error_handler_ignore);
  igraph_warning_handler_t* warning = igraph_set_warning_handler(igraph_warning_handler_ignore);
  ~QuietIgraph() {
    igraph_set_error_handler(error);
    igraph_set_warning_handler(warning);
  }
};

}  // namespace

double Modularity(const Graph& g, const std::vector<uint64_t>& membership) {
  double m = 0;
  std::map<uint64_t, double> inside, total;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    Vertex a = boost::source(e, g), b = boost::target(e, g);
    double w = g[e].weight;
    m += w;
    total[membership[a]] += w;
    total[membership[b]] += w;
    if (membership[a] == membership[b]) inside[membership[a]] += w;
  }
  if (m <= 0) return 0;
  double q = 0;
  for (const auto& [c, s] : total) {
    auto it = inside.find(c);
    double in = it == inside.end() ? 0 : it->second;
    q += in / m - (s / (2 * m)) * (s / (2 * m));
  }
  return q;
}

double DetectCommunities(Graph& g, uint64_t seed, int restarts) {
  const size_t n = boost::num_vertices(g), ne = boost::num_edges(g);
  std::vector<uint64_t> best(n);
  for (size_t v = 0; v < n; ++v) best[v] = v;
  double best_q = Modularity(g, best);
  if (ne > 0) {
    std::lock_guard<std::mutex> lock(IgraphMutex());
    QuietIgraph quiet;
    IIntVector edges(static_cast<igraph_integer_t>(2 * ne));
    IVector weights(static_cast<igraph_integer_t>(ne));
    IVector strength(static_cast<igraph_integer_t>(n));
    size_t i = 0;
    double total = 0;
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
      Vertex a = boost::source(e, g), b = boost::target(e, g);
      VECTOR(edges.v)[2 * i] = static_cast<igraph_integer_t>(a);
      VECTOR(edges.v)[2 * i + 1] = static_cast<igraph_integer_t>(b);
      VECTOR(weights.v)[i] = g[e].weight;
      VECTOR(strength.v)[a] += g[e].weight;
      VECTOR(strength.v)[b] += g[e].weight;
      total += g[e].weight;
      ++i;
    }
    IGraph ig(&edges.v, static_cast<igraph_integer_t>(n));
    IIntVector membership(0);
    auto take = [&] {
      std::vector<uint64_t> m(n);
      for (size_t v = 0; v < n; ++v) m[v] = static_cast<uint64_t>(VECTOR(membership.v)[v]);
      double q = Modularity(g, m);
      if (q > best_q + 1e-12) best_q = q, best = std::move(m);
    };
    for (int r = 0; r < std::max(restarts, 1); ++r) {
      Check(igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed + r)), "seed");
      Check(igraph_community_multilevel(&ig.g, &weights.v, 1.0, &membership.v, nullptr, nullptr),
            "multilevel");
      take();
    }
    // Leiden refinement from the best Louvain partition.
    Check(igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed)), "seed");
    Check(igraph_vector_int_resize(&membership.v, static_cast<igraph_integer_t>(n)), "resize");
    for (size_t v = 0; v < n; ++v) VECTOR(membership.v)[v] = static_cast<igraph_integer_t>(best[v]);
    igraph_integer_t clusters = 0;
    igraph_real_t quality = 0;
    Check(igraph_community_leiden(&ig.g, &weights.v, &strength.v, 1.0 / (2 * total), 0.01, true, 10,
                                  &membership.v, &clusters, &quality),
          "leiden");
    take();
  }
  best = Renumber(best);
  for (size_t v = 0; v < n; ++v) g[v].community = best[v];
  GraphInfo& info = g[boost::graph_bundle];
  info.modularity = best_q;
  info.communities = n ? *std::max_element(best.begin(), best.end()) + 1 : 0;
  return best_q;
}

}  // namespace actorgraph
