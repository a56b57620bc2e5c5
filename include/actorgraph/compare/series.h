// Time series: each actor's mention share per period (groups of --by date:month or date:year,
// which sort chronologically), ready for plotting.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actorgraph/compare/profile.h"

namespace actorgraph {

struct ActorSeries {
  uint32_t actor = 0;
  uint64_t total = 0;              // mentions over all periods
  std::vector<uint64_t> mentions;  // per period
  std::vector<double> share;       // per period: mentions / the period's mentions (0 if none)
};

struct Series {
  std::vector<std::string> periods;  // group names in group order
  std::vector<uint64_t> documents;   // per period
  std::vector<uint64_t> mentions;    // per period: all actors' mentions
  std::vector<ActorSeries> actors;   // every actor mentioned in a period; most mentioned first
};

// One period per group, in group order; the group without a value ("(none)") is left out when
// `skip_none` (it is not a period).
Series BuildSeries(const GroupProfiles& profiles, bool skip_none);

}  // namespace actorgraph
