#include "actorgraph/export/columns.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "actorgraph/base/error.h"
#include "actorgraph/export/json_writer.h"
#include "actorgraph/export/xml_writer.h"

namespace actorgraph {
namespace {

using Json = nlohmann::ordered_json;

int64_t Long(uint64_t v) { return static_cast<int64_t>(v); }

// {date: count} as compact JSON, keys cleaned (the same text the JSON writer always wrote).
std::string DateCountsJson(const std::map<std::string, uint64_t>& counts) {
  Json object = Json::object();
  for (const auto& [date, n] : counts) object[CleanText(date)] = n;
  return object.dump(-1, ' ', false, Json::error_handler_t::replace);
}

constexpr unsigned kJsonOnly = kJsonColumn;
constexpr unsigned kNotCsv = kGraphmlColumn | kGexfColumn | kJsonColumn;

std::vector<NodeColumn> MakeNodeColumns() {
  using T = ColumnType;
  std::vector<NodeColumn> c;
  c.push_back({"label",
               T::kString,
               kEveryTable,
               ReservedColumn::kLabel,
               "Arabic label (gazetteer label.ar)",
               [](const ActorNode& n) -> ColumnValue { return n.label; },
               {}});
  c.push_back({"label_en",
               T::kString,
               kEveryTable,
               ReservedColumn::kNone,
               "English label (gazetteer label.en)",
               [](const ActorNode& n) -> ColumnValue { return n.label_en; },
               {}});
  c.push_back({"type",
               T::kString,
               kEveryTable,
               ReservedColumn::kNone,
               "person, state or group",
               [](const ActorNode& n) -> ColumnValue { return n.type; },
               {}});
  c.push_back({"country",
               T::kString,
               kEveryTable,
               ReservedColumn::kNone,
               "id of the affiliated state (affiliations rolled up), or empty",
               [](const ActorNode& n) -> ColumnValue { return n.country; },
               {}});
  c.push_back({"mentions",
               T::kLong,
               kEveryTable,
               ReservedColumn::kNone,
               "mentions in the corpus",
               [](const ActorNode& n) -> ColumnValue { return Long(n.mentions); },
               {}});
  c.push_back({"documents",
               T::kLong,
               kEveryTable,
               ReservedColumn::kNone,
               "documents that mention the actor",
               [](const ActorNode& n) -> ColumnValue { return Long(n.documents); },
               {}});
  c.push_back({"first_seen",
               T::kString,
               kEveryTable,
               ReservedColumn::kNone,
               "earliest document date (YYYY-MM-DD), empty when undated",
               [](const ActorNode& n) -> ColumnValue { return n.first_seen; },
               {}});
  c.push_back({"last_seen",
               T::kString,
               kEveryTable,
               ReservedColumn::kNone,
               "latest document date (YYYY-MM-DD), empty when undated",
               [](const ActorNode& n) -> ColumnValue { return n.last_seen; },
               {}});
  c.push_back({"weighted_degree",
               T::kDouble,
               kEveryTable,
               ReservedColumn::kNone,
               "sum of the weights of the actor's edges",
               [](const ActorNode& n) -> ColumnValue { return n.weighted_degree; },
               {}});
  c.push_back({"mentions_by_date",
               T::kJson,
               kJsonOnly,
               ReservedColumn::kNone,
               "mentions per document date, {date: count}",
               [](const ActorNode& n) -> ColumnValue { return DateCountsJson(n.mentions_by_date); },
               {}});
  return c;
}

std::vector<EdgeColumn> MakeEdgeColumns() {
  using T = ColumnType;
  std::vector<EdgeColumn> c;
  c.push_back({"weight",
               T::kDouble,
               kEveryTable,
               ReservedColumn::kWeight,
               "edge weight used by Gephi, Graphviz and the summary",
               [](const ActorEdge& e) -> ColumnValue { return e.weight; },
               {}});
  c.push_back({"cooc_count",
               T::kLong,
               kEveryTable,
               ReservedColumn::kNone,
               "windows in which both actors are named",
               [](const ActorEdge& e) -> ColumnValue { return Long(e.count); },
               {}});
  c.push_back({"documents",
               T::kLong,
               kEveryTable,
               ReservedColumn::kNone,
               "documents in which both actors are named in one window",
               [](const ActorEdge& e) -> ColumnValue { return Long(e.documents); },
               {}});
  c.push_back({"first_seen",
               T::kString,
               kEveryTable,
               ReservedColumn::kNone,
               "earliest document date of a co-occurrence, empty when undated",
               [](const ActorEdge& e) -> ColumnValue { return e.first_seen; },
               {}});
  c.push_back({"last_seen",
               T::kString,
               kEveryTable,
               ReservedColumn::kNone,
               "latest document date of a co-occurrence, empty when undated",
               [](const ActorEdge& e) -> ColumnValue { return e.last_seen; },
               {}});
  c.push_back({"count_by_date",
               T::kJson,
               kJsonOnly,
               ReservedColumn::kNone,
               "co-occurrences per document date, {date: count}",
               [](const ActorEdge& e) -> ColumnValue { return DateCountsJson(e.count_by_date); },
               {}});
  c.push_back({"evidence",
               T::kJson,
               kNotCsv,
               ReservedColumn::kNone,
               "the earliest windows naming both: [{doc, date, window, start, end, snippet}], "
               "byte offsets into the original text",
               [](const ActorEdge& e) -> ColumnValue { return EvidenceJson(e.evidence); },
               {}});
  return c;
}

std::vector<GraphColumn> MakeGraphColumns() {
  using T = ColumnType;
  // GEXF carries the run record in its own description text (gexf_writer.h), so these base
  // columns are GraphML and JSON only.
  constexpr unsigned kGraphmlJson = kGraphmlColumn | kJsonColumn;
  std::vector<GraphColumn> c;
  c.push_back({"actorgraph_version",
               T::kString,
               kGraphmlJson,
               ReservedColumn::kNone,
               "actorgraph version that wrote the file",
               [](const GraphInfo& i) -> ColumnValue { return i.version; },
               {}});
  c.push_back({"gazetteer_hash",
               T::kString,
               kGraphmlJson,
               ReservedColumn::kNone,
               "SHA-256 of the gazetteer files",
               [](const GraphInfo& i) -> ColumnValue { return i.gazetteer_hash; },
               {}});
  c.push_back({"options",
               T::kString,
               kGraphmlJson,
               ReservedColumn::kNone,
               "the run options, one line",
               [](const GraphInfo& i) -> ColumnValue { return i.options; },
               {}});
  c.push_back({"window",
               T::kString,
               kGraphmlJson,
               ReservedColumn::kNone,
               "co-occurrence window: sentence, paragraph or document",
               [](const GraphInfo& i) -> ColumnValue { return i.window; },
               {}});
  c.push_back({"documents",
               T::kLong,
               kGraphmlJson,
               ReservedColumn::kNone,
               "documents read",
               [](const GraphInfo& i) -> ColumnValue { return Long(i.documents); },
               {}});
  c.push_back({"sentences",
               T::kLong,
               kGraphmlJson,
               ReservedColumn::kNone,
               "sentences read",
               [](const GraphInfo& i) -> ColumnValue { return Long(i.sentences); },
               {}});
  c.push_back({"mentions",
               T::kLong,
               kGraphmlJson,
               ReservedColumn::kNone,
               "actor mentions found",
               [](const GraphInfo& i) -> ColumnValue { return Long(i.mentions); },
               {}});
  return c;
}

template <class Column>
std::vector<const Column*> Select(const std::vector<Column>& table, const Graph& g,
                                  ColumnFormat format) {
  const GraphInfo& info = g[boost::graph_bundle];
  std::vector<const Column*> out;
  for (const Column& c : table)
    if ((c.formats & format) && (!c.present || c.present(info))) out.push_back(&c);
  return out;
}

template <class Column>
bool HasName(const std::vector<Column>& table, std::string_view name) {
  for (const Column& c : table)
    if (c.name == name) return true;
  return false;
}

}  // namespace

const std::vector<NodeColumn>& NodeColumns() {
  static const std::vector<NodeColumn> table = MakeNodeColumns();
  return table;
}
const std::vector<EdgeColumn>& EdgeColumns() {
  static const std::vector<EdgeColumn> table = MakeEdgeColumns();
  return table;
}
const std::vector<GraphColumn>& GraphColumns() {
  static const std::vector<GraphColumn> table = MakeGraphColumns();
  return table;
}

std::vector<const NodeColumn*> NodeColumnsFor(const Graph& g, ColumnFormat format) {
  return Select(NodeColumns(), g, format);
}
std::vector<const EdgeColumn*> EdgeColumnsFor(const Graph& g, ColumnFormat format) {
  return Select(EdgeColumns(), g, format);
}
std::vector<const GraphColumn*> GraphColumnsFor(const Graph& g, ColumnFormat format) {
  return Select(GraphColumns(), g, format);
}

std::string_view XmlTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kLong:
      return "long";
    case ColumnType::kDouble:
      return "double";
    case ColumnType::kString:
    case ColumnType::kJson:
      break;
  }
  return "string";
}

std::string GraphmlKeyId(const NodeColumn& c) { return c.name; }

std::string GraphmlKeyId(const EdgeColumn& c) {
  return HasName(NodeColumns(), c.name) ? "edge_" + c.name : c.name;
}

std::string GraphmlKeyId(const GraphColumn& c) {
  return HasName(NodeColumns(), c.name) || HasName(EdgeColumns(), c.name) ? "graph_" + c.name
                                                                          : c.name;
}

std::string_view CsvHeader(std::string_view name, ReservedColumn reserved) {
  if (reserved == ReservedColumn::kLabel) return "Label";
  if (reserved == ReservedColumn::kWeight) return "Weight";
  return name;
}

std::string ColumnText(const ColumnValue& value, std::string_view column) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* i = std::get_if<int64_t>(&value)) return FormatNumber(*i);
  double d = std::get<double>(value);
  if (!std::isfinite(d))
    throw Error("column '" + std::string(column) + "': value is not a finite number");
  return FormatNumber(d);
}

}  // namespace actorgraph
