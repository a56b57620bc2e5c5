// A self-contained interactive view of the network: one HTML file (`STEM.html`) that works offline
// from a file:// URL. It inlines d3 (Debian's node-d3, embedded into the library at build time, so
// nothing is read at run time), the viewer script and the data, and draws the network on a canvas:
//   - layout: d3-force (velocity Verlet with Barnes–Hut many-body repulsion, Bostock's d3-force),
//   or
//     the computed layout when every node has numeric `x` and `y` columns;
//   - colour by type, by affiliated state, or by community (analysed graphs), with the colours and
//     legend key of the GEXF and DOT files (palette.h);
//     size by strength (the `strength` column, else weighted_degree: the sum of link weights), as
//     radius 3 + 15·sqrt(strength / max strength) pixels at zoom 1;
//   - Arabic labels drawn right to left (options.labels "en" or "both" for English or both), the
//     English label on hover;
//   - a search box over the Arabic label, English label and id, normalised on both sides like the
//     matcher (text/normalize.h; the node keys come from NormalizeString, the query is folded in
//     JavaScript with the same table), a slider for the minimum edge weight, type filters;
//   - a click on a node lists its partners (by weight) and the evidence of its links; a click on a
//     link lists its evidence (document id, date, window, byte span, snippet).
// The data block is the node-link JSON of json_writer.h (so every column it carries reaches the
// page) plus a "view" object: {"color_by", "labels", "type_color": {type: "#rrggbb"},
// "colors": {scheme: {id: "#rrggbb"}}, "keys": {scheme: [{kind: category|other|none, category,
// label, label_en, color, actors, categories}]} (ColorScheme::key), "search": {id: normalised
// "label\nlabel_en\nid"}}, for the schemes type, country and (analysed graphs) community. Every '<'
// in it is written as \u003c, so no text in the data can end the script element. The URL hash
// selects for links and tests: #select=node:ID, #select=edge:ID|ID, #search=TEXT, #minweight=N. The
// same graph and options give a byte-identical file.
#pragma once

#include <ostream>

#include "actorgraph/export/writer.h"

namespace actorgraph {

// Writes the page. Throws Error for an unknown options.color_by.
void WriteHtml(const Graph& g, const WriteOptions& options, std::ostream& out);

class HtmlWriter final : public GraphWriter {
 public:
  std::string_view format() const override { return "html"; }
  // Writes dir/STEM.html atomically.
  std::vector<std::filesystem::path> Write(const Graph& g, const std::filesystem::path& dir,
                                           const WriteOptions& options) const override;
};

}  // namespace actorgraph
