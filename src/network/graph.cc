#include "actorgraph/network/graph.h"

#include <algorithm>

namespace actorgraph {

std::vector<Vertex> SortedVertices(const Graph& g) {
  std::vector<Vertex> out;
  out.reserve(boost::num_vertices(g));
  for (auto v : boost::make_iterator_range(boost::vertices(g))) out.push_back(v);
  std::sort(out.begin(), out.end(), [&](Vertex a, Vertex b) { return g[a].id < g[b].id; });
  return out;
}

std::vector<Edge> SortedEdges(const Graph& g) {
  std::vector<std::pair<std::pair<std::string_view, std::string_view>, Edge>> keyed;
  keyed.reserve(boost::num_edges(g));
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    std::string_view a = g[boost::source(e, g)].id;
    std::string_view b = g[boost::target(e, g)].id;
    if (b < a) std::swap(a, b);
    keyed.push_back({{a, b}, e});
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<Edge> out;
  out.reserve(keyed.size());
  for (auto& k : keyed) out.push_back(k.second);
  return out;
}

}  // namespace actorgraph
