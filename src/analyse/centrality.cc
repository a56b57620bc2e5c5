#include "actorgraph/analyse/centrality.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/core_numbers.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <cmath>
#include <limits>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

// Power iteration on A + I, networkx eigenvector_centrality's update and stopping rule.
std::vector<double> Eigenvector(const Graph& g) {
  const size_t n = boost::num_vertices(g);
  std::vector<double> x(n, n ? 1.0 / static_cast<double>(n) : 0.0), last(n);
  for (int iter = 0; iter < 10000 && n > 0; ++iter) {
    last = x;
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
      Vertex a = boost::source(e, g), b = boost::target(e, g);
      x[a] += last[b] * g[e].weight;
      x[b] += last[a] * g[e].weight;
    }
    double norm = 0;
    for (double v : x) norm += v * v;
    norm = std::sqrt(norm);
    if (norm == 0) norm = 1;
    double change = 0;
    for (size_t i = 0; i < n; ++i) {
      x[i] /= norm;
      change += std::fabs(x[i] - last[i]);
    }
    if (change < static_cast<double>(n) * 1e-14) break;
  }
  return x;
}

// networkx pagerank: x <- alpha (x P + dangling mass / n) + (1 - alpha) / n.
std::vector<double> PageRank(const Graph& g, const std::vector<double>& strength) {
  const size_t n = boost::num_vertices(g);
  if (n == 0) return {};
  const double alpha = 0.85, u = 1.0 / static_cast<double>(n);
  std::vector<double> x(n, u), last(n);
  for (int iter = 0; iter < 10000; ++iter) {
    last = x;
    double dangling = 0;
    for (size_t i = 0; i < n; ++i)
      if (strength[i] == 0) dangling += last[i];
    std::fill(x.begin(), x.end(), 0.0);
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
      Vertex a = boost::source(e, g), b = boost::target(e, g);
      x[b] += last[a] * g[e].weight / strength[a];
      x[a] += last[b] * g[e].weight / strength[b];
    }
    double change = 0;
    for (size_t i = 0; i < n; ++i) {
      x[i] = alpha * (x[i] + dangling * u) + (1 - alpha) * u;
      change += std::fabs(x[i] - last[i]);
    }
    if (change < static_cast<double>(n) * 1e-15) break;
  }
  return x;
}

}  // namespace

size_t NumberComponents(const Graph& g, std::vector<uint64_t>* component) {
  const size_t n = boost::num_vertices(g);
  std::vector<int> raw(n);
  size_t count = n ? boost::connected_components(g, raw.data()) : 0;
  std::vector<size_t> size(count, 0), first(count, n);
  for (size_t v = 0; v < n; ++v) {
    ++size[raw[v]];
    first[raw[v]] = std::min(first[raw[v]], v);
  }
  // Vertices are in id order (BuildGraph), so the smallest index has the smallest id.
  std::vector<size_t> order(count);
  for (size_t c = 0; c < count; ++c) order[c] = c;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
  });
  std::vector<uint64_t> rank(count);
  for (size_t r = 0; r < count; ++r) rank[order[r]] = r;
  component->assign(n, 0);
  for (size_t v = 0; v < n; ++v) (*component)[v] = rank[raw[v]];
  return count;
}

void ComputeCentralities(Graph& g) {
  const size_t n = boost::num_vertices(g);
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    if (!(g[e].weight > 0) || !std::isfinite(g[e].weight))
      throw Error("edge " + g[boost::source(e, g)].id + " -- " + g[boost::target(e, g)].id +
                  ": field 'weight': centralities need a positive weight");
  }
  std::vector<double> strength(n, 0);
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    strength[boost::source(e, g)] += g[e].weight;
    strength[boost::target(e, g)] += g[e].weight;
  }
  auto distance =
      boost::make_function_property_map<Edge, double>([&g](Edge e) { return 1.0 / g[e].weight; });

  // Betweenness: Boost counts each unordered pair once on an undirected graph, as networkx.
  std::vector<double> between(n, 0);
  if (n > 0) {
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(
                                     between.begin(), boost::get(boost::vertex_index, g)))
               .weight_map(distance));
  }
  const double scale =
      n > 2 ? 2.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2)) : 0.0;

  // Closeness from one Dijkstra run per actor.
  std::vector<double> closeness(n, 0), dist(n);
  for (size_t s = 0; s < n; ++s) {
    boost::dijkstra_shortest_paths(
        g, static_cast<Vertex>(s),
        boost::weight_map(distance).distance_map(
            boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, g))));
    double total = 0;
    size_t reached = 0;
    for (size_t t = 0; t < n; ++t) {
      if (t == s || dist[t] == std::numeric_limits<double>::max() || std::isinf(dist[t])) continue;
      total += dist[t];
      ++reached;
    }
    if (total > 0 && n > 1) {
      double r = static_cast<double>(reached);
      closeness[s] = (r / total) * (r / static_cast<double>(n - 1));
    }
  }

  std::vector<double> eigen = Eigenvector(g);
  std::vector<double> rank = PageRank(g, strength);
  std::vector<uint64_t> core(n, 0);
  if (n > 0) {
    std::vector<size_t> raw(n, 0);
    boost::core_numbers(
        g, boost::make_iterator_property_map(raw.begin(), boost::get(boost::vertex_index, g)));
    for (size_t v = 0; v < n; ++v) core[v] = raw[v];
  }
  std::vector<uint64_t> component;
  size_t components = NumberComponents(g, &component);

  for (size_t v = 0; v < n; ++v) {
    ActorNode& a = g[v];
    a.degree = boost::degree(v, g);
    a.strength = strength[v];
    a.weighted_degree = strength[v];
    a.betweenness = between[v] * scale;
    a.closeness = closeness[v];
    a.eigenvector = eigen[v];
    a.pagerank = rank[v];
    a.core = core[v];
    a.component = component[v];
  }
  GraphInfo& info = g[boost::graph_bundle];
  info.components = components;
  info.density = n > 1 ? 2.0 * static_cast<double>(boost::num_edges(g)) /
                             (static_cast<double>(n) * static_cast<double>(n - 1))
                       : 0.0;
}

}  // namespace actorgraph
