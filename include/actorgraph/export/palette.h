// Actor colours shared by the GEXF and DOT writers, so both colour a network the same way.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "actorgraph/network/graph.h"

namespace actorgraph {

struct Rgb {
  uint8_t r = 0;
  uint8_t g = 0;
  uint8_t b = 0;
  bool operator==(const Rgb&) const = default;
};

// color_by "type": person blue, state orange, group green, anything else grey.
// color_by "country": a stable colour from a hash of the actor's country id (a state's own id when
// it is a state without a country), grey when there is none.
// color_by "community": Tableau 10 colours for communities 0-9 (the largest,
// analyse/communities.h), grey for the rest. Other values throw Error.
Rgb ActorColor(const ActorNode& actor, std::string_view color_by);
// The colour for an actor type (the legend of color_by "type").
Rgb TypeColor(std::string_view type);
// The colour mixed 60% towards white, for filled shapes under black text.
Rgb Pastel(Rgb c);
// "#rrggbb"
std::string HexColor(Rgb c);

}  // namespace actorgraph
