#include "fuzz_util.h"

namespace actorgraph::fuzz {

const Gazetteer& ShippedGazetteer() {
  static const Gazetteer* g = new Gazetteer(Gazetteer::Load({ACTORGRAPH_SOURCE_GAZETTEER}));
  return *g;
}

}  // namespace actorgraph::fuzz
