// Actor colours shared by the GEXF, DOT and HTML writers, so Gephi, Graphviz and the browser colour
// a network the same way, with the same legend key.
//
// The palette is the first 20 colours of colorcet's "glasbey_light" (glasbey_bw_minc_20_minl_30,
// Kovesi 2015, https://colorcet.holoviz.org, CC-BY 4.0), made with the method of Glasbey, van der
// Heijden, Toh and Gray 2007, "Colour displays for categorical images" (Color Research and
// Application 32(4)): each colour is as far as possible (CAM02-UCS) from all earlier ones, with
// chroma >= 20 and lightness >= 30. Any two of the 20 are at least 25.5 CIE76 ΔE (CIELAB, D65)
// apart, each of them at least 24.5 from the two greys below, the greys 22 from each other.
//
// Categories (color_by):
//   type       the actor type; fixed colours person 0, state 1, group 2, media 3 of the palette (so
//              a type keeps its colour from graph to graph), any other type grey;
//   country    the affiliated state's id (ActorNode::country; a state's own id when it has none);
//   community  the community number (analyse/communities.h).
// Country and community categories are ordered by descending number of actors in the graph, then
// by name (country id; community number): the k-th category gets palette colour k, so the largest
// categories get the most distinct colours. Categories after the 20th share kOtherColor ("other")
// rather than reusing a colour; actors without a category (no country) get kNoneColor.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/network/graph.h"

namespace actorgraph {

struct Rgb {
  uint8_t r = 0;
  uint8_t g = 0;
  uint8_t b = 0;
  bool operator==(const Rgb&) const = default;
};

inline constexpr size_t kPaletteSize = 20;
// glasbey_light, first 20 (source above), most distinct first.
const std::array<Rgb, kPaletteSize>& QualitativePalette();
inline constexpr Rgb kOtherColor{160, 160, 160};  // categories beyond the palette
inline constexpr Rgb kNoneColor{221, 221, 221};   // no category (actor without a country)

// Throws Error unless color_by is type, country or community.
void CheckColorBy(std::string_view color_by);

// The category an actor is coloured by: its type, its country id (a state's own id when it has no
// country; "" when none), or its community number as decimal text.
std::string ColorCategory(const ActorNode& actor, std::string_view color_by);

// One line of a legend key.
struct ColorKeyEntry {
  enum Kind : uint8_t { kCategory, kOther, kNone };
  Kind kind = kCategory;
  std::string category;  // type, country id or community number; "" for kOther and kNone
  std::string label;     // Arabic name (country: the state's label; community: its largest
                         // actor's label; type: Arabic type name); may be empty
  std::string label_en;  // English name; may be empty
  Rgb color;
  size_t actors = 0;      // actors of the graph with this colour
  size_t categories = 1;  // kOther: how many categories share the grey
};

// The colour assignment of one graph for one color_by (rules above). Deterministic: depends only
// on the graph's actors, never on vertex order.
class ColorScheme {
 public:
  // Throws Error for an unknown color_by.
  ColorScheme(const Graph& g, std::string_view color_by);
  Rgb Of(const ActorNode& actor) const;
  // The legend: the palette categories in colour order, then "other", then "none" (each only when
  // some actor has it).
  const std::vector<ColorKeyEntry>& key() const { return key_; }
  const std::string& color_by() const { return color_by_; }

 private:
  std::string color_by_;
  std::map<std::string, size_t> index_;  // category -> palette index (absent: other or none)
  std::vector<ColorKeyEntry> key_;
};

// Black or white, whichever contrasts more with `fill` (WCAG 2.1 contrast ratio), for labels drawn
// on filled shapes.
Rgb TextColorOn(Rgb fill);
// WCAG 2.1 relative luminance (sRGB, 0 = black, 1 = white).
double RelativeLuminance(Rgb c);
// "#rrggbb"
std::string HexColor(Rgb c);

}  // namespace actorgraph
