#include "actorgraph/analyse/layout.h"

#include <algorithm>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>
#include <cmath>

namespace actorgraph {

void ComputeLayout(Graph& g, uint64_t seed) {
  const size_t n = boost::num_vertices(g);
  GraphInfo& info = g[boost::graph_bundle];
  info.positions = true;
  if (n == 0) return;
  using Topology = boost::square_topology<boost::minstd_rand>;
  boost::minstd_rand rng(static_cast<uint32_t>(seed % 2147483646u) + 1);
  const double side = 200.0 * std::sqrt(static_cast<double>(n));
  Topology topology(rng, side);
  std::vector<Topology::point_type> pos(n);
  auto pos_map = boost::make_iterator_property_map(pos.begin(), boost::get(boost::vertex_index, g));
  boost::random_graph_layout(g, pos_map, topology);
  if (n > 1) {
    boost::fruchterman_reingold_force_directed_layout(
        g, pos_map, topology, boost::cooling(boost::linear_cooling<double>(60)));
  }
  double cx = 0, cy = 0;
  for (const auto& p : pos) cx += p[0], cy += p[1];
  cx /= static_cast<double>(n), cy /= static_cast<double>(n);
  double max_strength = 0;
  for (size_t v = 0; v < n; ++v) max_strength = std::max(max_strength, g[v].strength);
  for (size_t v = 0; v < n; ++v) {
    g[v].x = std::round((pos[v][0] - cx) * 100) / 100 + 0.0;  // + 0.0: no "-0"
    g[v].y = std::round((pos[v][1] - cy) * 100) / 100 + 0.0;
    g[v].size = 10 + 40 * (max_strength > 0 ? std::sqrt(g[v].strength / max_strength) : 0.0);
  }
}

}  // namespace actorgraph
