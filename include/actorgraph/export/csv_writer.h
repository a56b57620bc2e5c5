// CSV in the shape of Gephi's spreadsheet import: nodes.csv and edges.csv (named <stem>_nodes.csv
// and <stem>_edges.csv when WriteOptions::stem is not the default "actors"). RFC 4180: fields
// holding , " CR or LF are quoted with quotes doubled; UTF-8 without BOM; LF line ends; text
// cleaned with CleanText. nodes.csv:
// Id,Label,label_en,type,country,mentions,documents,first_seen,last_seen,weighted_degree edges.csv:
// Source,Target,Type,Weight,cooc_count,documents,first_seen,last_seen (Type Undirected)
// The node, edge and graph columns come from the one column table (export/columns.h).
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "actorgraph/export/writer.h"

namespace actorgraph {

// One CSV field, quoted when needed.
std::string CsvField(std::string_view s);

void WriteNodesCsv(const Graph& g, std::ostream& out);
void WriteEdgesCsv(const Graph& g, std::ostream& out);

// slices.csv for --slice: one row per actor and period, "period,Id," then the node columns of the
// column table that CSV carries (measures included), periods in the given order, actors by id.
// The header comes from the first graph; every graph must carry the same columns.
void WriteSlicesCsv(const std::vector<std::pair<std::string, const Graph*>>& slices,
                    std::ostream& out);

class CsvWriter final : public GraphWriter {
 public:
  std::string_view format() const override { return "csv"; }
  std::vector<std::filesystem::path> Write(const Graph& g, const std::filesystem::path& dir,
                                           const WriteOptions& options) const override;
};

}  // namespace actorgraph
