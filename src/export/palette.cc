#include "actorgraph/export/palette.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

// Arabic names of the actor types, for legends with Arabic labels.
std::string_view ArabicTypeName(std::string_view type) {
  if (type == "person") return "شخص";
  if (type == "state") return "دولة";
  if (type == "group") return "جماعة";
  if (type == "media") return "إعلام";
  return "";
}

constexpr std::string_view kTypeOrder[] = {"person", "state", "group", "media"};

}  // namespace

const std::array<Rgb, kPaletteSize>& QualitativePalette() {
  // colorcet glasbey_bw_minc_20_minl_30_n256.csv, rows 1-20, scaled to 0-255 and rounded.
  static constexpr std::array<Rgb, kPaletteSize> kColors = {{
      {215, 0, 0},     {2, 136, 0},     {182, 0, 255}, {6, 172, 198},   {152, 255, 0},
      {255, 165, 48},  {255, 143, 200}, {121, 82, 95}, {0, 254, 207},   {176, 165, 255},
      {148, 173, 132}, {154, 105, 0},   {55, 106, 98}, {211, 0, 140},   {254, 245, 144},
      {200, 111, 102}, {158, 227, 255}, {0, 201, 70},  {169, 119, 173}, {184, 187, 2},
  }};
  return kColors;
}

void CheckColorBy(std::string_view color_by) {
  if (color_by != "type" && color_by != "country" && color_by != "community")
    throw Error("unknown colour scheme '" + std::string(color_by) +
                "' (expected type, country or community)");
}

std::string ColorCategory(const ActorNode& actor, std::string_view color_by) {
  if (color_by == "type") return actor.type;
  if (color_by == "community") return std::to_string(actor.community);
  if (color_by == "country") {
    if (!actor.country.empty()) return actor.country;
    return actor.type == "state" ? actor.id : "";
  }
  CheckColorBy(color_by);
  return "";
}

ColorScheme::ColorScheme(const Graph& g, std::string_view color_by) : color_by_(color_by) {
  CheckColorBy(color_by);
  const auto& palette = QualitativePalette();
  struct Category {
    size_t actors = 0;
    const ActorNode* largest = nullptr;  // by mentions, then id
  };
  std::map<std::string, Category> categories;
  size_t none = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const ActorNode& n = g[v];
    std::string c = ColorCategory(n, color_by);
    if (c.empty()) {
      ++none;
      continue;
    }
    Category& cat = categories[c];
    ++cat.actors;
    if (!cat.largest ||
        std::tie(n.mentions, cat.largest->id) > std::tie(cat.largest->mentions, n.id))
      cat.largest = &n;
  }
  std::vector<std::string> order;
  if (color_by == "type") {
    for (std::string_view t : kTypeOrder) order.emplace_back(t);
  } else {
    for (const auto& [name, c] : categories) order.push_back(name);
    auto rank = [&](const std::string& name) {
      // Community numbers compare as numbers, countries as text.
      uint64_t number = color_by == "community" ? std::stoull(name) : 0;
      return std::make_tuple(-static_cast<int64_t>(categories[name].actors), number, name);
    };
    std::sort(order.begin(), order.end(),
              [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
  }
  ColorKeyEntry other{ColorKeyEntry::kOther, "", "أخرى", "other", kOtherColor, 0, 0};
  for (size_t k = 0; k < order.size(); ++k) {
    auto it = categories.find(order[k]);
    const size_t actors = it == categories.end() ? 0 : it->second.actors;
    if (k >= palette.size()) {
      other.actors += actors;
      other.categories += actors > 0;
      continue;
    }
    index_[order[k]] = k;
    if (actors == 0) continue;  // a fixed type colour no actor has: not in the key
    ColorKeyEntry e;
    e.category = order[k];
    e.color = palette[k];
    e.actors = actors;
    if (color_by == "type") {
      e.label = std::string(ArabicTypeName(order[k]));
      e.label_en = order[k];
    } else if (color_by == "country") {
      // The state's own labels: its node when it is in the graph, else the gazetteer's names.
      auto names = g[boost::graph_bundle].country_names.find(order[k]);
      if (names != g[boost::graph_bundle].country_names.end()) {
        e.label = names->second.label;
        e.label_en = names->second.label_en;
      }
      for (auto v : boost::make_iterator_range(boost::vertices(g))) {
        if (g[v].id != order[k]) continue;
        e.label = g[v].label;
        e.label_en = g[v].label_en;
      }
    } else {
      e.label = it->second.largest->label;
      e.label_en = it->second.largest->label_en;
    }
    key_.push_back(std::move(e));
  }
  // Types outside the fixed four are grey, as "other".
  if (color_by == "type") {
    for (const auto& [name, c] : categories) {
      if (index_.contains(name)) continue;
      other.actors += c.actors;
      ++other.categories;
    }
  }
  if (other.actors > 0) key_.push_back(other);
  if (none > 0)
    key_.push_back({ColorKeyEntry::kNone, "", "بلا دولة", "no country", kNoneColor, none, 0});
}

Rgb ColorScheme::Of(const ActorNode& actor) const {
  std::string c = ColorCategory(actor, color_by_);
  if (c.empty()) return kNoneColor;
  auto it = index_.find(c);
  return it == index_.end() ? kOtherColor : QualitativePalette()[it->second];
}

double RelativeLuminance(Rgb c) {
  auto lin = [](uint8_t u) {
    double s = u / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

Rgb TextColorOn(Rgb fill) {
  double l = RelativeLuminance(fill);
  // Contrast ratios (WCAG 2.1): (l + 0.05) / 0.05 against black, 1.05 / (l + 0.05) against white.
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? Rgb{0, 0, 0} : Rgb{255, 255, 255};
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
