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

// Sorted source names joined by '|'; a '|' inside a name is written as U+00A6 '¦', so splitting
// on '|' always gives the names back.
std::string JoinSources(const std::vector<std::string>& sources) {
  std::string s;
  for (const std::string& name : sources) {
    if (!s.empty()) s += '|';
    for (char c : name) {
      if (c == '|')
        s += "\xC2\xA6";  // ¦
      else
        s += c;
    }
  }
  return s;
}

// {date: count} as compact JSON, keys cleaned (the same text the JSON writer always wrote).
std::string DateCountsJson(const std::map<std::string, uint64_t>& counts) {
  Json object = Json::object();
  for (const auto& [date, n] : counts) object[CleanText(date)] = n;
  return object.dump(-1, ' ', false, Json::error_handler_t::replace);
}

constexpr unsigned kJsonOnly = kJsonColumn;

bool Analysed(const GraphInfo& i) { return i.analysed; }
bool Positioned(const GraphInfo& i) { return i.analysed && i.positions; }
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
  c.push_back(
      {"sources",
       T::kString,
       kEveryTable,
       ReservedColumn::kNone,
       "the JSONL `source`s (outlets) of the documents naming the actor, sorted, joined by | "
       "(a | in a name is written ¦)",
       [](const ActorNode& n) -> ColumnValue { return JoinSources(n.sources); },
       {}});
  c.push_back({"source_count",
               T::kLong,
               kEveryTable,
               ReservedColumn::kNone,
               "number of distinct sources in `sources`",
               [](const ActorNode& n) -> ColumnValue { return Long(n.sources.size()); },
               {}});
  c.push_back({"mentions_by_date",
               T::kJson,
               kJsonOnly,
               ReservedColumn::kNone,
               "mentions per document date, {date: count}",
               [](const ActorNode& n) -> ColumnValue { return DateCountsJson(n.mentions_by_date); },
               {}});
  // Network measures (analyse/): written once the graph is analysed.
  auto measure = [&](const char* name, ColumnType type, const char* description, auto get,
                     ReservedColumn reserved = ReservedColumn::kNone,
                     bool (*present)(const GraphInfo&) = Analysed) {
    c.push_back({name, type, kEveryTable, reserved, description,
                 [get](const ActorNode& n) -> ColumnValue { return get(n); }, present});
  };
  measure("windows", T::kLong, "windows (sentence, paragraph or document) naming the actor: c_i",
          [](const ActorNode& n) { return Long(n.windows); });
  measure("degree", T::kLong, "number of neighbours",
          [](const ActorNode& n) { return Long(n.degree); });
  measure("strength", T::kDouble, "sum of the weights of the actor's edges",
          [](const ActorNode& n) { return n.strength; });
  measure("betweenness", T::kDouble,
          "Brandes 2001, distance 1/weight, normalised 2/((n-1)(n-2)) as networkx",
          [](const ActorNode& n) { return n.betweenness; });
  measure("closeness", T::kDouble,
          "(r-1)/sum of distances (1/weight), Wasserman-Faust scaled, as networkx",
          [](const ActorNode& n) { return n.closeness; });
  measure("eigenvector", T::kDouble,
          "principal eigenvector of the weighted adjacency matrix, unit norm (Bonacich 1987)",
          [](const ActorNode& n) { return n.eigenvector; });
  measure("pagerank", T::kDouble, "PageRank, damping 0.85, weighted (Brin & Page 1998)",
          [](const ActorNode& n) { return n.pagerank; });
  measure("core", T::kLong, "k-core number (Batagelj & Zaversnik 2003)",
          [](const ActorNode& n) { return Long(n.core); });
  measure("component", T::kLong, "connected component, 0 = largest",
          [](const ActorNode& n) { return Long(n.component); });
  measure("community", T::kLong, "community (Louvain refined by Leiden, seeded), 0 = largest",
          [](const ActorNode& n) { return Long(n.community); });
  measure(
      "x", T::kDouble, "layout position, points (Fruchterman-Reingold, seeded)",
      [](const ActorNode& n) { return n.x; }, ReservedColumn::kX, Positioned);
  measure(
      "y", T::kDouble, "layout position, points (Fruchterman-Reingold, seeded)",
      [](const ActorNode& n) { return n.y; }, ReservedColumn::kY, Positioned);
  measure(
      "size", T::kDouble, "node size for viewers: 10 + 40 sqrt(strength / max strength)",
      [](const ActorNode& n) { return n.size; }, ReservedColumn::kSize, Positioned);
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
  c.push_back({"sources",
               T::kString,
               kEveryTable,
               ReservedColumn::kNone,
               "the JSONL `source`s of the documents in which both are named in one window, "
               "sorted, joined by | (a | in a name is written ¦)",
               [](const ActorEdge& e) -> ColumnValue { return JoinSources(e.sources); },
               {}});
  c.push_back({"source_count",
               T::kLong,
               kEveryTable,
               ReservedColumn::kNone,
               "number of distinct sources in `sources`",
               [](const ActorEdge& e) -> ColumnValue { return Long(e.sources.size()); },
               {}});
  c.push_back({"count_by_date",
               T::kJson,
               kJsonOnly,
               ReservedColumn::kNone,
               "co-occurrences per document date, {date: count}",
               [](const ActorEdge& e) -> ColumnValue { return DateCountsJson(e.count_by_date); },
               {}});
  c.push_back(
      {"evidence",
       T::kJson,
       kNotCsv,
       ReservedColumn::kNone,
       "the earliest windows naming both: [{doc, date, window, start, end, snippet, source, "
       "url}], byte offsets into the original text; source and url are the document's "
       "JSONL keys (\"\" when absent)",
       [](const ActorEdge& e) -> ColumnValue { return EvidenceJson(e.evidence); },
       {}});
  // Association measures (analyse/edge_measures.h): written once the graph is analysed.
  auto measure = [&](const char* name, const char* description, double ActorEdge::*field) {
    c.push_back({name, T::kDouble, kEveryTable, ReservedColumn::kNone, description,
                 [field](const ActorEdge& e) -> ColumnValue { return e.*field; }, Analysed});
  };
  measure("pmi", "log2(c_ij N / (c_i c_j)) (Church & Hanks 1990)", &ActorEdge::pmi);
  measure("npmi", "pmi / -log2(c_ij / N), 1 when c_ij = N (Bouma 2009)", &ActorEdge::npmi);
  measure("jaccard", "c_ij / (c_i + c_j - c_ij)", &ActorEdge::jaccard);
  measure("dice", "2 c_ij / (c_i + c_j)", &ActorEdge::dice);
  measure("association", "2m c_ij / (s_i s_j) (van Eck & Waltman 2009)", &ActorEdge::association);
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
  // Network-level results of analyse/; GEXF appends them to its description.
  constexpr unsigned kGraphFormats = kGraphmlColumn | kGexfColumn | kJsonColumn;
  auto measure = [&](const char* name, ColumnType type, const char* description, auto get) {
    c.push_back({name, type, kGraphFormats, ReservedColumn::kNone, description,
                 [get](const GraphInfo& i) -> ColumnValue { return get(i); }, Analysed});
  };
  measure("windows", T::kLong, "co-occurrence windows in the corpus: N",
          [](const GraphInfo& i) { return Long(i.windows); });
  measure("weight_measure", T::kString, "the edge measure in the weight column",
          [](const GraphInfo& i) { return i.weight_measure; });
  measure("density", T::kDouble, "2E / (n(n-1))", [](const GraphInfo& i) { return i.density; });
  measure("components", T::kLong, "connected components",
          [](const GraphInfo& i) { return Long(i.components); });
  measure("communities", T::kLong, "communities",
          [](const GraphInfo& i) { return Long(i.communities); });
  measure("modularity", T::kDouble, "modularity of the communities (Newman 2006)",
          [](const GraphInfo& i) { return i.modularity; });
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
