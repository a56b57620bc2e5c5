#include "actorgraph/compare/series.h"

#include <algorithm>

#include "actorgraph/compare/grouping.h"

namespace actorgraph {

Series BuildSeries(const GroupProfiles& profiles, bool skip_none) {
  Series s;
  std::vector<const GroupProfile*> periods;
  for (const auto& g : profiles.groups()) {
    if (skip_none && g->name == kNoGroup) continue;
    periods.push_back(g.get());
    s.periods.push_back(g->name);
    s.documents.push_back(g->documents);
    uint64_t m = 0;
    for (const auto& n : g->cooccur.nodes()) m += n.mentions;
    s.mentions.push_back(m);
  }
  const size_t A = profiles.num_actors(), P = periods.size();
  for (uint32_t a = 0; a < A; ++a) {
    ActorSeries as;
    as.actor = a;
    as.mentions.resize(P, 0);
    as.share.resize(P, 0);
    for (size_t p = 0; p < P; ++p) {
      as.mentions[p] = periods[p]->cooccur.nodes()[a].mentions;
      as.total += as.mentions[p];
      as.share[p] = s.mentions[p] ? double(as.mentions[p]) / double(s.mentions[p]) : 0.0;
    }
    if (as.total) s.actors.push_back(std::move(as));
  }
  std::stable_sort(s.actors.begin(), s.actors.end(),
                   [](const ActorSeries& x, const ActorSeries& y) { return x.total > y.total; });
  return s;
}

}  // namespace actorgraph
