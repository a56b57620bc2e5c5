// Keeps the mentions of chosen actor types (`--types`). Filtering after matching keeps the
// longest-match effect of every type: a demonym inside an agency's name (وكالة الأنباء العراقية)
// stays part of the agency even when media are left out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/match/matcher.h"

namespace actorgraph {

// A set of actor types: bit (1 << ActorType).
using TypeMask = uint32_t;
inline constexpr TypeMask TypeBit(ActorType t) { return 1u << static_cast<unsigned>(t); }
inline constexpr TypeMask kAllTypes = (1u << kActorTypes) - 1;
// What networks hold by default: people, states and groups; media only when asked for.
inline constexpr TypeMask kNetworkTypes =
    TypeBit(ActorType::kPerson) | TypeBit(ActorType::kState) | TypeBit(ActorType::kGroup);

// "person,state,group,media" (any subset, comma-separated; "all" for every type). Throws Error
// naming the unknown type.
TypeMask ParseTypes(std::string_view list);

// The inverse of ParseTypes: the types of `types` in ActorType order, comma-separated
// ("person,state,group").
std::string TypesToString(TypeMask types);

// Removes the mentions of actors whose type is not in `types` (order kept).
void FilterTypes(const Gazetteer& gazetteer, TypeMask types, std::vector<Mention>* mentions);

}  // namespace actorgraph
