#include "actorgraph/analyse/backbone.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <tuple>
#include <unordered_set>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

std::string Number(double x) {
  std::ostringstream s;
  s.imbue(std::locale::classic());
  s << x;
  return s.str();
}

// Removes the edges `drop` says to, then the vertices this left isolated.
template <class Drop>
PruneStep RemoveEdges(Graph& g, std::string name, Drop drop) {
  PruneStep step;
  step.name = std::move(name);
  const size_t n = boost::num_vertices(g);
  std::vector<size_t> before(n);
  for (size_t v = 0; v < n; ++v) before[v] = boost::degree(v, g);
  std::vector<Edge> doomed;
  for (Edge e : boost::make_iterator_range(boost::edges(g)))
    if (drop(e)) doomed.push_back(e);
  for (Edge e : doomed) boost::remove_edge(e, g);
  step.edges_removed = doomed.size();
  for (size_t v = n; v-- > 0;) {
    if (before[v] > 0 && boost::degree(v, g) == 0) {
      boost::clear_vertex(v, g);
      boost::remove_vertex(v, g);
      ++step.nodes_removed;
    }
  }
  return step;
}

}  // namespace

double DisparityAlpha(double p, size_t k) {
  return std::pow(1.0 - p, static_cast<double>(k) - 1.0);
}

PruneStep DisparityFilter(Graph& g, double alpha) {
  if (!(alpha > 0 && alpha < 1))
    throw Error("--backbone disparity:ALPHA: alpha must be between 0 and 1, got " + Number(alpha));
  std::vector<double> strength(boost::num_vertices(g), 0);
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    strength[boost::source(e, g)] += static_cast<double>(g[e].count);
    strength[boost::target(e, g)] += static_cast<double>(g[e].count);
  }
  // Does end `v` (of degree >= 2) find edge e significant?
  auto significant = [&](Edge e, Vertex v) {
    double p = strength[v] > 0 ? static_cast<double>(g[e].count) / strength[v] : 0;
    return DisparityAlpha(p, boost::degree(v, g)) < alpha;
  };
  std::unordered_set<const ActorEdge*> drop;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    Vertex a = boost::source(e, g), b = boost::target(e, g);
    size_t ka = boost::degree(a, g), kb = boost::degree(b, g);
    bool k;
    if (ka < 2 && kb < 2)
      k = true;  // an isolated pair
    else
      k = (ka >= 2 && significant(e, a)) || (kb >= 2 && significant(e, b));
    if (!k) drop.insert(&g[e]);
  }
  std::string name = "backbone disparity:" + Number(alpha);
  return RemoveEdges(g, name, [&](Edge e) { return drop.count(&g[e]) > 0; });
}

PruneStep DropNonPositive(Graph& g) {
  return RemoveEdges(g, "positive " + g[boost::graph_bundle].weight_measure,
                     [&](Edge e) { return !(g[e].weight > 0); });
}

PruneStep TopEdges(Graph& g, size_t n) {
  std::string name = "top-edges " + std::to_string(n);
  if (n == 0 || boost::num_edges(g) <= n) return PruneStep{name, 0, 0};
  std::vector<Edge> order;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) order.push_back(e);
  auto key = [&](Edge e) {
    auto ids = std::minmax(g[boost::source(e, g)].id, g[boost::target(e, g)].id);
    return std::make_tuple(-g[e].weight, -static_cast<double>(g[e].count), ids.first, ids.second);
  };
  std::sort(order.begin(), order.end(), [&](Edge a, Edge b) { return key(a) < key(b); });
  std::unordered_set<const ActorEdge*> keep;
  for (size_t i = 0; i < n; ++i) keep.insert(&g[order[i]]);
  return RemoveEdges(g, name, [&](Edge e) { return keep.count(&g[e]) == 0; });
}

}  // namespace actorgraph
