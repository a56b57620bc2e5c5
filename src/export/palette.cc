#include "actorgraph/export/palette.h"

#include <cmath>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

constexpr Rgb kGrey{160, 160, 160};

uint32_t Fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

Rgb FromHsv(double hue, double s, double v) {
  double c = v * s;
  double hp = hue / 60.0;
  double x = c * (1 - std::fabs(std::fmod(hp, 2.0) - 1));
  double r = 0, g = 0, b = 0;
  if (hp < 1) {
    r = c, g = x;
  } else if (hp < 2) {
    r = x, g = c;
  } else if (hp < 3) {
    g = c, b = x;
  } else if (hp < 4) {
    g = x, b = c;
  } else if (hp < 5) {
    r = x, b = c;
  } else {
    r = c, b = x;
  }
  double m = v - c;
  auto to8 = [&](double u) { return static_cast<uint8_t>(std::lround((u + m) * 255)); };
  return {to8(r), to8(g), to8(b)};
}

}  // namespace

Rgb TypeColor(std::string_view type) {
  if (type == "person") return {78, 121, 167};
  if (type == "state") return {242, 142, 43};
  if (type == "group") return {89, 161, 79};
  if (type == "media") return {176, 122, 161};
  return kGrey;
}

Rgb ActorColor(const ActorNode& actor, std::string_view color_by) {
  if (color_by == "type") return TypeColor(actor.type);
  if (color_by == "community") {
    // Tableau 10: ten distinguishable colours for the ten largest communities, grey after.
    static constexpr Rgb kTen[] = {{78, 121, 167}, {242, 142, 43}, {225, 87, 89},   {118, 183, 178},
                                   {89, 161, 79},  {237, 201, 72}, {176, 122, 161}, {255, 157, 167},
                                   {156, 117, 95}, {186, 176, 172}};
    return actor.community < 10 ? kTen[actor.community] : kGrey;
  }
  if (color_by == "country") {
    std::string_view country = actor.country;
    if (country.empty() && actor.type == "state") country = actor.id;
    if (country.empty()) return kGrey;
    return FromHsv(Fnv1a(country) % 360, 0.6, 0.85);
  }
  throw Error("unknown colour scheme '" + std::string(color_by) +
              "' (expected type, country or community)");
}

Rgb Pastel(Rgb c) {
  auto mix = [](uint8_t u) { return static_cast<uint8_t>(u + (255 - u) * 6 / 10); };
  return {mix(c.r), mix(c.g), mix(c.b)};
}

std::string HexColor(Rgb c) {
  static const char* kHex = "0123456789abcdef";
  std::string s = "#";
  for (uint8_t u : {c.r, c.g, c.b}) {
    s += kHex[u >> 4];
    s += kHex[u & 15];
  }
  return s;
}

}  // namespace actorgraph
