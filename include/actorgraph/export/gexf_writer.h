// GEXF 1.3 for Gephi and networkx (nx.read_gexf(path, version="1.3")): <stem>.gexf.
// Static attributes: the GEXF columns of columns.h, e.g. node label_en, type, country, mentions,
// documents, first_seen, last_seen, sources, source_count, weighted_degree; edge cooc_count,
// documents, first_seen, last_seen, sources, source_count, evidence (a JSON array).
// When any actor has dated mentions the graph is dynamic (timeformat date, intervals): nodes and
// edges get one <spell> per distinct document date and the edge class has a dynamic `weight`
// attribute with the count per date, while <edge weight> holds the total (the dynamic weight is
// left out when an analysed graph's weight is another measure than the count). The GraphInfo record
// goes into <meta><description>; lastmodifieddate is the latest document date (omitted when there
// is none), so the output is the same on every run. viz: colour by type, country or community,
// the ColorScheme of palette.h (the same colours as the DOT and HTML files); size 10 + 4 *
// sqrt(mentions), or the size column of an analysed graph (from strength); position from the x, y
// columns when the graph has a layout; thickness 1 + 4 * weight / max weight. Dates that are not
// YYYY-MM-DD are left out of the timeline. The node, edge and graph columns come from the one
// column table (export/columns.h).
#pragma once

#include <ostream>
#include <string_view>

#include "actorgraph/export/writer.h"

namespace actorgraph {

void WriteGexf(const Graph& g, const WriteOptions& options, std::ostream& out);

class GexfWriter final : public GraphWriter {
 public:
  std::string_view format() const override { return "gexf"; }
  std::vector<std::filesystem::path> Write(const Graph& g, const std::filesystem::path& dir,
                                           const WriteOptions& options) const override;
};

}  // namespace actorgraph
