#include "actorgraph/network/graph_builder.h"

#include <algorithm>
#include <map>

namespace actorgraph {

namespace {

// Source ids as sorted names.
std::vector<std::string> SourceNames(const Cooccurrence& counts, const std::vector<uint32_t>& ids) {
  std::vector<std::string> names;
  names.reserve(ids.size());
  for (uint32_t id : ids) names.push_back(counts.source_names()[id]);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

Graph BuildGraph(const Cooccurrence& counts, const Gazetteer& gazetteer,
                 const GraphOptions& options) {
  const auto& actors = gazetteer.actors();
  const auto& nodes = counts.nodes();
  // Weighted degree over the edges that pass the weight threshold.
  std::vector<double> wdeg(nodes.size(), 0);
  std::vector<uint64_t> cooc(nodes.size(), 0);  // over every pair, before pruning
  uint64_t total = 0;
  for (const auto& [key, e] : counts.edges()) {
    cooc[key >> 32] += e.count;
    cooc[key & 0xFFFFFFFFu] += e.count;
    total += e.count;
    if (static_cast<double>(e.count) < options.min_weight) continue;
    wdeg[key >> 32] += static_cast<double>(e.count);
    wdeg[key & 0xFFFFFFFFu] += static_cast<double>(e.count);
  }
  std::vector<uint32_t> keep;
  for (uint32_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].mentions > 0) keep.push_back(i);
  if (options.top > 0 && keep.size() > options.top) {
    std::sort(keep.begin(), keep.end(), [&](uint32_t a, uint32_t b) {
      if (wdeg[a] != wdeg[b]) return wdeg[a] > wdeg[b];
      if (nodes[a].mentions != nodes[b].mentions) return nodes[a].mentions > nodes[b].mentions;
      return actors[a].id < actors[b].id;
    });
    keep.resize(options.top);
  }
  std::sort(keep.begin(), keep.end(),
            [&](uint32_t a, uint32_t b) { return actors[a].id < actors[b].id; });

  Graph g;
  std::vector<int64_t> vertex_of(nodes.size(), -1);
  for (uint32_t i : keep) {
    const Actor& a = actors[i];
    const NodeStats& s = nodes[i];
    ActorNode n;
    n.id = a.id;
    n.label = a.label_ar;
    n.label_en = a.label_en;
    n.type = std::string(ToString(a.type));
    n.country = gazetteer.CountryOf(a);
    n.mentions = s.mentions;
    n.documents = s.documents;
    n.windows = s.windows;
    n.cooccurrences = cooc[i];
    n.mentions_by_date = s.by_date;
    n.sources = SourceNames(counts, s.sources);
    if (!s.by_date.empty()) {
      n.first_seen = s.by_date.begin()->first;
      n.last_seen = s.by_date.rbegin()->first;
    }
    if (!n.country.empty() && !g[boost::graph_bundle].country_names.contains(n.country)) {
      int c = gazetteer.IndexOf(n.country);
      if (c >= 0)
        g[boost::graph_bundle].country_names[n.country] = {actors[c].label_ar, actors[c].label_en};
    }
    vertex_of[i] = static_cast<int64_t>(boost::add_vertex(std::move(n), g));
  }
  // Edges in a stable order (the counts live in a hash map).
  std::vector<uint64_t> keys;
  for (const auto& [key, e] : counts.edges()) {
    uint32_t a = key >> 32, b = key & 0xFFFFFFFFu;
    if (static_cast<double>(e.count) >= options.min_weight && vertex_of[a] >= 0 &&
        vertex_of[b] >= 0)
      keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end(), [&](uint64_t x, uint64_t y) {
    auto ix = std::minmax(actors[x >> 32].id, actors[x & 0xFFFFFFFFu].id);
    auto iy = std::minmax(actors[y >> 32].id, actors[y & 0xFFFFFFFFu].id);
    return ix < iy;
  });
  for (uint64_t key : keys) {
    const EdgeStats& s = counts.edges().at(key);
    uint32_t a = key >> 32, b = key & 0xFFFFFFFFu;
    ActorEdge e;
    e.weight = static_cast<double>(s.count);
    e.count = s.count;
    e.documents = s.documents;
    e.count_by_date = s.by_date;
    e.sources = SourceNames(counts, s.sources);
    if (!s.by_date.empty()) {
      e.first_seen = s.by_date.begin()->first;
      e.last_seen = s.by_date.rbegin()->first;
    }
    for (const auto& r : s.evidence) e.evidence.push_back(r.evidence);
    Vertex va = static_cast<Vertex>(vertex_of[a]), vb = static_cast<Vertex>(vertex_of[b]);
    if (g[vb].id < g[va].id) std::swap(va, vb);
    // Boost 1.74's add_edge copies its property argument: add an empty edge, then move into it.
    g[boost::add_edge(va, vb, g).first] = std::move(e);
  }
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    double d = 0;
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) d += g[e].weight;
    g[v].weighted_degree = d;
  }
  g[boost::graph_bundle].documents = counts.documents();
  g[boost::graph_bundle].sentences = counts.sentences();
  g[boost::graph_bundle].mentions = counts.mentions();
  g[boost::graph_bundle].windows = counts.windows();
  g[boost::graph_bundle].cooccurrences = total;
  g[boost::graph_bundle].window = std::string(ToString(counts.options().window));
  return g;
}

}  // namespace actorgraph
