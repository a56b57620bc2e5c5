#include "actorgraph/match/type_filter.h"

#include <algorithm>
#include <string>

#include "actorgraph/base/error.h"

namespace actorgraph {

TypeMask ParseTypes(std::string_view list) {
  TypeMask mask = 0;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string_view item = list.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == "all") {
      mask = kAllTypes;
    } else if (!item.empty()) {
      ActorType t;
      if (!ParseActorType(item, &t))
        throw Error("--types: '" + std::string(item) +
                    "' is not an actor type (person, state, group, media, all)");
      mask |= TypeBit(t);
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (mask == 0) throw Error("--types: no actor type given");
  return mask;
}

std::string TypesToString(TypeMask types) {
  std::string out;
  for (unsigned t = 0; t < kActorTypes; ++t) {
    if (!(types & (1u << t))) continue;
    if (!out.empty()) out += ',';
    out += ToString(static_cast<ActorType>(t));
  }
  return out;
}

void FilterTypes(const Gazetteer& g, TypeMask types, std::vector<Mention>* mentions) {
  if ((types & kAllTypes) == kAllTypes) return;
  const auto& actors = g.actors();
  mentions->erase(
      std::remove_if(mentions->begin(), mentions->end(),
                     [&](const Mention& m) { return !(types & TypeBit(actors[m.actor].type)); }),
      mentions->end());
}

}  // namespace actorgraph
