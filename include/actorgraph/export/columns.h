// The one column table: every node, edge and graph attribute the tabular writers carry (GraphML,
// GEXF, node-link JSON, CSV), with its name, type, value getter and the formats that carry it.
// A new column is added here, once, and appears in every format it names with the same name and
// type; the writers only walk the table. Order in the table is the order in every file.
//
// Names and reserved columns. A column is written under `name` everywhere (GraphML attr.name,
// GEXF attribute id and title, JSON key, CSV header), except the visual columns Gephi reserves
// (interop.md item 6; Gephi's GraphML importer and its spreadsheet import): a column whose
// `reserved` role is set is placed where each format expects that role and keeps the reserved
// spelling:
//   label  (node)  GraphML key "label", GEXF <node label=...>, JSON "label", CSV "Label"
//   weight (edge)  GraphML key "weight", GEXF <edge weight=...>, JSON "weight", CSV "Weight"
//   x, y   (node)  GraphML keys "x"/"y", GEXF <viz:position x y>, JSON "x"/"y", CSV "x"/"y"
//   size   (node)  GraphML key "size", GEXF <viz:size value>, JSON "size", CSV "size"
//   color  (node)  GEXF <viz:color r g b> (value "#rrggbb"), other formats under "color"
// Ids and endpoints (node id, edge source/target) are structure, not columns.
//
// GraphML key ids must be unique across domains (GraphML XSD): node keys use the name, edge keys
// the name unless a node column has it ("edge_" + name), graph keys the name unless a node or edge
// column has it ("graph_" + name). GEXF 1.3 has no graph attributes: graph columns marked for
// GEXF are appended to <meta><description> as "; name=value".
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "actorgraph/network/graph.h"

namespace actorgraph {

// The formats that read the table, as bits of ColumnSpec::formats.
enum ColumnFormat : unsigned {
  kGraphmlColumn = 1u << 0,
  kGexfColumn = 1u << 1,
  kJsonColumn = 1u << 2,
  kCsvColumn = 1u << 3,
  kEveryTable = kGraphmlColumn | kGexfColumn | kJsonColumn | kCsvColumn,
};

// kString: UTF-8 text (writers clean it with CleanText). kLong: signed 64-bit integer (GraphML
// and GEXF "long"). kDouble: a finite double (GraphML and GEXF "double"; written with
// FormatNumber in text formats, as a JSON number in JSON). kJson: a compact JSON text; JSON
// embeds it as structure, GraphML and GEXF carry it as a "string", CSV as text.
enum class ColumnType : uint8_t { kString, kLong, kDouble, kJson };

// Gephi's reserved visual names (see above); kNone for an ordinary data column.
enum class ReservedColumn : uint8_t { kNone, kLabel, kWeight, kX, kY, kSize, kColor };

// A value: std::string for kString and kJson, int64_t for kLong, double for kDouble.
using ColumnValue = std::variant<std::string, int64_t, double>;

template <class Record>
struct ColumnSpec {
  std::string name;  // one name in every format (see the reserved roles above)
  ColumnType type = ColumnType::kString;
  unsigned formats = kEveryTable;  // ColumnFormat bits
  ReservedColumn reserved = ReservedColumn::kNone;
  std::string description;  // meaning, unit and source, for documentation and viewers
  std::function<ColumnValue(const Record&)> value;
  // When set, the column is written only for graphs where it returns true (e.g. measures that were
  // computed); unset means always.
  std::function<bool(const GraphInfo&)> present;
};

using NodeColumn = ColumnSpec<ActorNode>;
using EdgeColumn = ColumnSpec<ActorEdge>;
using GraphColumn = ColumnSpec<GraphInfo>;

// The whole table, in file order.
const std::vector<NodeColumn>& NodeColumns();
const std::vector<EdgeColumn>& EdgeColumns();
const std::vector<GraphColumn>& GraphColumns();

// The columns that `format` (one ColumnFormat bit) carries for graph `g`, in table order.
std::vector<const NodeColumn*> NodeColumnsFor(const Graph& g, ColumnFormat format);
std::vector<const EdgeColumn*> EdgeColumnsFor(const Graph& g, ColumnFormat format);
std::vector<const GraphColumn*> GraphColumnsFor(const Graph& g, ColumnFormat format);

// GraphML and GEXF attribute type names: "string", "long", "double" (kJson is "string").
std::string_view XmlTypeName(ColumnType type);

// The GraphML key id of a column (unique across domains, rule above).
std::string GraphmlKeyId(const NodeColumn& c);
std::string GraphmlKeyId(const EdgeColumn& c);
std::string GraphmlKeyId(const GraphColumn& c);

// The CSV header of a column: "Label" and "Weight" for those reserved roles, else the name.
std::string_view CsvHeader(std::string_view name, ReservedColumn reserved);

// A value as text: strings and JSON text unchanged, integers exactly, doubles by FormatNumber
// (shortest round trip; never NaN or inf: a non-finite double throws Error naming the column).
std::string ColumnText(const ColumnValue& value, std::string_view column);

}  // namespace actorgraph
