// Graphviz DOT: <stem>.dot, an undirected `graph "actors"`. Every id and value is double-quoted
// (so keywords such as node or graph in the data are harmless) with " and \ escaped, newlines as \n
// and control characters dropped. Fonts: "Noto Naskh Arabic" (render with -Tpng, i.e. cairo/pango,
// for joined Arabic). Labels per WriteOptions::labels (ar | en | both); shape by type (person
// ellipse, state box, group hexagon) and pastel fill by type or country; penwidth 1 + 4 * weight /
// max weight; a legend in subgraph "cluster_legend" whose node ids cannot collide with actor ids.
// With WriteOptions::fixed_layout and an analysed graph with positions: graph layout=neato,
// inputscale=72 and node pos="x,y!" (points), so Graphviz keeps the computed layout; no legend
// (neato does not draw clusters).
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
