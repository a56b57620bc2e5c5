// Graphviz DOT: <stem>.dot, an undirected `graph "actors"`. Every id and value is double-quoted
// (so keywords such as node or graph in the data are harmless) with " and \ escaped, newlines as \n
// and control characters dropped. Fonts: "Noto Naskh Arabic" (render with -Tpng, i.e. cairo/pango,
// for joined Arabic). Labels per WriteOptions::labels (ar | en | both); shape by type (person
// ellipse, state box, group hexagon, media note); fill by WriteOptions::color_by with the
// ColorScheme of palette.h (the colours of the GEXF and HTML files), label colour black or white by
// contrast (TextColorOn), label size 10 + 8 sqrt(weighted degree / max) points; penwidth
// 1 + 4 * weight / max weight.
// Actors without an edge are left out unless WriteOptions::keep_isolated.
// Legend: the graph label (labelloc t, labeljust l: top left, outside the network, drawn by every
// layout engine and with pinned positions; no node, so no id can collide with an actor's), an
// HTML-like table: a swatch, the name (in the language of `labels`) and the number of drawn actors
// per colour of ColorScheme::key() that some drawn actor has, then the shapes of the types drawn;
// font size 12 points up to 30 drawn actors, 12 sqrt(n / 30) beyond, at most 32.
// Layout: neato below 300 drawn actors, sfdp from 300 (force-directed: an actor network has no
// hierarchy), overlap=prism (Gansner & Hu 2010, "Efficient, proximity-preserving node overlap
// removal"), sep=+8, splines true (line for sfdp), outputorder edgesfirst, pack 24 with packmode
// graph (components side by side).
// With WriteOptions::fixed_layout and an analysed graph with positions: graph layout=neato,
// inputscale=72 and node pos="x,y!" (points), so Graphviz keeps the computed layout.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "actorgraph/export/writer.h"

namespace actorgraph {

// `s` as a DOT double-quoted string, quotes included.
std::string DotQuote(std::string_view s);

void WriteDot(const Graph& g, const WriteOptions& options, std::ostream& out);

class DotWriter final : public GraphWriter {
 public:
  std::string_view format() const override { return "dot"; }
  std::vector<std::filesystem::path> Write(const Graph& g, const std::filesystem::path& dir,
                                           const WriteOptions& options) const override;
};

}  // namespace actorgraph
