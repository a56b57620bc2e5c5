#include "actorgraph/export/palette.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

ActorNode Actor(const std::string& id, const std::string& type, const std::string& country) {
  ActorNode n;
  n.id = id;
  n.type = type;
  n.country = country;
  return n;
}

// CIELAB (D65) of an sRGB colour, computed here independently of the library (IEC 61966-2-1 sRGB
// to XYZ, then CIE 1976 L*a*b*).
std::array<double, 3> Lab(Rgb c) {
  auto lin = [](uint8_t u) {
    double s = u / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  double r = lin(c.r), g = lin(c.g), b = lin(c.b);
  double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  auto f = [](double t) {
    return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116;
  };
  return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

// CIE76 colour difference.
double DeltaE(Rgb a, Rgb b) {
  auto p = Lab(a), q = Lab(b);
  return std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

TEST(Palette, ColoursArePairwiseDistinctAndApartFromTheGreys) {
  // Glasbey colours are chosen far apart (palette.h states these bounds): about ten times a
  // just-noticeable difference (ΔE ~2.3).
  const auto& palette = QualitativePalette();
  double pairs = 1e9, greys = 1e9;
  for (size_t i = 0; i < palette.size(); ++i) {
    for (size_t j = 0; j < i; ++j) pairs = std::min(pairs, DeltaE(palette[i], palette[j]));
    greys = std::min({greys, DeltaE(palette[i], kOtherColor), DeltaE(palette[i], kNoneColor)});
  }
  EXPECT_GE(pairs, 25.5);
  EXPECT_GE(greys, 24.5);
  EXPECT_GE(DeltaE(kOtherColor, kNoneColor), 22.0);
}

// A graph with `count[k]` actors affiliated with country `names[k]`.
Graph Countries(const std::vector<std::pair<std::string, size_t>>& counts) {
  Graph g;
  for (const auto& [country, n] : counts)
    for (size_t i = 0; i < n; ++i)
      boost::add_vertex(Actor(country + "_" + std::to_string(i), "person", country), g);
  return g;
}

TEST(Palette, CountriesByDescendingSizeGetTheMostDistinctColours) {
  // Near neighbours in name and region: they used to get almost the same hue from a hash.
  Graph g = Countries({{"iran", 5},
                       {"saudi_arabia", 4},
                       {"israel", 3},
                       {"palestine", 2},
                       {"iraq", 1},
                       {"lebanon", 1}});
  ColorScheme scheme(g, "country");
  auto color = [&](const std::string& c) { return scheme.Of(Actor("x", "person", c)); };
  EXPECT_EQ(color("iran"), QualitativePalette()[0]);  // the largest
  EXPECT_EQ(color("saudi_arabia"), QualitativePalette()[1]);
  EXPECT_EQ(color("israel"), QualitativePalette()[2]);
  EXPECT_EQ(color("palestine"), QualitativePalette()[3]);
  EXPECT_EQ(color("iraq"), QualitativePalette()[4]);  // ties: by name
  EXPECT_EQ(color("lebanon"), QualitativePalette()[5]);
  EXPECT_GE(DeltaE(color("iran"), color("saudi_arabia")), 20.0);
  EXPECT_GE(DeltaE(color("israel"), color("palestine")), 20.0);
  // A state is its own country; no country is the pale grey; an unknown country "other".
  EXPECT_EQ(scheme.Of(Actor("iran", "state", "")), color("iran"));
  EXPECT_EQ(scheme.Of(Actor("x", "person", "")), kNoneColor);
  EXPECT_EQ(color("chad"), kOtherColor);
  ASSERT_EQ(scheme.key().size(), 6u);
  EXPECT_EQ(scheme.key()[0].category, "iran");
  EXPECT_EQ(scheme.key()[0].actors, 5u);
  EXPECT_EQ(scheme.key()[3].category, "palestine");
}

TEST(Palette, MoreCategoriesThanColoursShareGreyInsteadOfReusingColours) {
  std::vector<std::pair<std::string, size_t>> counts;
  for (int k = 0; k < 25; ++k)
    counts.push_back({std::to_string(100 + k), 1});  // (not "c" + ...: GCC 12 -Wrestrict)
  counts.push_back({"big", 3});
  Graph g = Countries(counts);
  g[boost::graph_bundle].country_names["big"] = {"كبير", "Big"};
  ColorScheme scheme(g, "country");
  std::set<std::tuple<int, int, int>> seen;
  size_t grey = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    Rgb c = scheme.Of(g[v]);
    if (c == kOtherColor) {
      ++grey;
      continue;
    }
    if (g[v].country != "big") {
      EXPECT_TRUE(seen.insert({c.r, c.g, c.b}).second) << g[v].id;
    }
  }
  EXPECT_EQ(seen.size(), kPaletteSize - 1);  // "big" plus 19 singletons
  EXPECT_EQ(grey, 6u);                       // 25 singletons - 19
  ASSERT_EQ(scheme.key().size(), kPaletteSize + 1);
  EXPECT_EQ(scheme.key()[0].label_en, "Big");  // the gazetteer's name of the state
  EXPECT_EQ(scheme.key()[0].actors, 3u);
  const ColorKeyEntry& other = scheme.key().back();
  EXPECT_EQ(other.kind, ColorKeyEntry::kOther);
  EXPECT_EQ(other.actors, 6u);
  EXPECT_EQ(other.categories, 6u);
}

TEST(Palette, TypesKeepFixedColoursAndCommunitiesFollowSize) {
  Graph g;
  boost::add_vertex(Actor("a", "group", ""), g);
  boost::add_vertex(Actor("b", "group", ""), g);
  boost::add_vertex(Actor("c", "person", ""), g);
  ColorScheme types(g, "type");
  EXPECT_EQ(types.Of(Actor("x", "person", "")), QualitativePalette()[0]);
  EXPECT_EQ(types.Of(Actor("x", "state", "")), QualitativePalette()[1]);
  EXPECT_EQ(types.Of(Actor("x", "group", "")), QualitativePalette()[2]);
  EXPECT_EQ(types.Of(Actor("x", "place", "")), kOtherColor);
  ASSERT_EQ(types.key().size(), 2u);  // only the types present
  EXPECT_EQ(types.key()[0].label, "شخص");
  EXPECT_EQ(types.key()[1].label_en, "group");

  g[0].community = 7, g[1].community = 7, g[2].community = 2;
  ColorScheme communities(g, "community");
  EXPECT_EQ(communities.Of(g[0]), QualitativePalette()[0]);  // two actors
  EXPECT_EQ(communities.Of(g[2]), QualitativePalette()[1]);
  EXPECT_EQ(communities.key()[0].category, "7");
  EXPECT_THROW(ColorScheme(g, "size"), Error);
  EXPECT_THROW(CheckColorBy("mood"), Error);
}

TEST(Palette, TextColourContrastsWithTheFill) {
  EXPECT_EQ(TextColorOn({255, 255, 255}), (Rgb{0, 0, 0}));
  EXPECT_EQ(TextColorOn({0, 0, 0}), (Rgb{255, 255, 255}));
  EXPECT_EQ(TextColorOn(QualitativePalette()[2]), (Rgb{255, 255, 255}));  // violet
  EXPECT_EQ(TextColorOn(QualitativePalette()[4]), (Rgb{0, 0, 0}));        // lime
  EXPECT_NEAR(RelativeLuminance({255, 255, 255}), 1.0, 1e-12);
}

TEST(Palette, FormatsHex) { EXPECT_EQ(HexColor({0, 15, 255}), "#000fff"); }

}  // namespace
}  // namespace actorgraph
