#include "actorgraph/analyse/edge_measures.h"

#include <cmath>

#include "actorgraph/base/error.h"

namespace actorgraph {

Association AssociationMeasures(uint64_t c_ij, uint64_t c_i, uint64_t c_j, uint64_t n, uint64_t s_i,
                                uint64_t s_j, uint64_t m) {
  Association a;
  if (c_ij == 0) return a;
  const double cij = static_cast<double>(c_ij), ci = static_cast<double>(c_i),
               cj = static_cast<double>(c_j), nn = static_cast<double>(n);
  if (c_i > 0 && c_j > 0 && n > 0) {
    a.pmi = std::log2(cij * nn / (ci * cj));
    a.npmi = c_ij >= n ? 1.0 : a.pmi / -std::log2(cij / nn);
  }
  if (ci + cj - cij > 0) a.jaccard = cij / (ci + cj - cij);
  if (ci + cj > 0) a.dice = 2 * cij / (ci + cj);
  if (s_i > 0 && s_j > 0)
    a.association =
        2 * static_cast<double>(m) * cij / (static_cast<double>(s_i) * static_cast<double>(s_j));
  return a;
}

void ComputeEdgeMeasures(Graph& g) {
  const GraphInfo& info = g[boost::graph_bundle];
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const ActorNode& a = g[boost::source(e, g)];
    const ActorNode& b = g[boost::target(e, g)];
    ActorEdge& x = g[e];
    Association m = AssociationMeasures(x.count, a.windows, b.windows, info.windows,
                                        a.cooccurrences, b.cooccurrences, info.cooccurrences);
    x.pmi = m.pmi;
    x.npmi = m.npmi;
    x.jaccard = m.jaccard;
    x.dice = m.dice;
    x.association = m.association;
  }
}

const std::vector<std::string>& WeightMeasures() {
  static const std::vector<std::string> names = {"count",   "documents", "pmi",        "npmi",
                                                 "jaccard", "dice",      "association"};
  return names;
}

double EdgeMeasure(const ActorEdge& e, std::string_view name) {
  if (name == "count") return static_cast<double>(e.count);
  if (name == "documents") return static_cast<double>(e.documents);
  if (name == "pmi") return e.pmi;
  if (name == "npmi") return e.npmi;
  if (name == "jaccard") return e.jaccard;
  if (name == "dice") return e.dice;
  if (name == "association") return e.association;
  throw Error("--weight: '" + std::string(name) +
              "' is not one of count, documents, pmi, npmi, jaccard, dice, association");
}

void SetWeight(Graph& g, std::string_view name) {
  EdgeMeasure(ActorEdge{}, name);  // reject an unknown name before changing anything
  for (Edge e : boost::make_iterator_range(boost::edges(g))) g[e].weight = EdgeMeasure(g[e], name);
  g[boost::graph_bundle].weight_measure = std::string(name);
}

}  // namespace actorgraph
