#include "actorgraph/analyse/analyse.h"

#include <cstdlib>

#include "actorgraph/analyse/centrality.h"
#include "actorgraph/analyse/communities.h"
#include "actorgraph/analyse/edge_measures.h"
#include "actorgraph/analyse/layout.h"
#include "actorgraph/base/error.h"

namespace actorgraph {

double ParseBackbone(const std::string& spec) {
  if (spec.empty() || spec == "none") return 0;
  const std::string prefix = "disparity:";
  if (spec.rfind(prefix, 0) == 0) {
    std::string number = spec.substr(prefix.size());
    char* end = nullptr;
    double alpha = std::strtod(number.c_str(), &end);
    if (!number.empty() && end && *end == '\0' && alpha > 0 && alpha < 1) return alpha;
  }
  throw Error("--backbone: '" + spec + "' is not disparity:ALPHA with 0 < ALPHA < 1");
}

std::vector<PruneStep> AnalyseGraph(Graph& g, const AnalyseOptions& options) {
  std::vector<PruneStep> steps;
  ComputeEdgeMeasures(g);
  SetWeight(g, options.weight);
  if (options.weight == "pmi" || options.weight == "npmi") steps.push_back(DropNonPositive(g));
  if (options.backbone_alpha > 0) steps.push_back(DisparityFilter(g, options.backbone_alpha));
  if (options.top_edges > 0) steps.push_back(TopEdges(g, options.top_edges));
  ComputeCentralities(g);
  DetectCommunities(g, options.seed);
  if (options.layout) ComputeLayout(g, options.seed);
  g[boost::graph_bundle].analysed = true;
  return steps;
}

}  // namespace actorgraph
