#include "actorgraph/export/json_writer.h"

#include <nlohmann/json.hpp>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/export/columns.h"
#include "actorgraph/export/xml_writer.h"

namespace actorgraph {
namespace {

using Json = nlohmann::ordered_json;

Json EvidenceArray(const std::vector<Evidence>& evidence) {
  Json array = Json::array();
  for (const Evidence& e : evidence) {
    Json item;
    item["doc"] = CleanText(e.doc);
    item["date"] = CleanText(e.date);
    item["window"] = e.window;
    item["start"] = e.start;
    item["end"] = e.end;
    item["snippet"] = CleanText(e.snippet);
    item["source"] = CleanText(e.source);
    item["url"] = CleanText(e.url);
    array.push_back(std::move(item));
  }
  return array;
}

// A column value as JSON: strings cleaned, kJson text embedded as structure.
Json ToJson(const ColumnValue& value, ColumnType type, const std::string& column) {
  if (const auto* s = std::get_if<std::string>(&value)) {
    if (type == ColumnType::kJson) return Json::parse(*s);
    return CleanText(*s);
  }
  if (const auto* i = std::get_if<int64_t>(&value)) return *i;
  ColumnText(value, column);  // throws for NaN and inf, which JSON cannot hold
  return std::get<double>(value);
}

template <class Column, class Record>
void Put(Json& object, const std::vector<const Column*>& columns, const Record& r) {
  for (const Column* c : columns) object[c->name] = ToJson(c->value(r), c->type, c->name);
}

std::string Dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string EvidenceJson(const std::vector<Evidence>& evidence) {
  return Dump(EvidenceArray(evidence), -1);
}

void WriteJson(const Graph& g, std::ostream& out) {
  auto graph_columns = GraphColumnsFor(g, kJsonColumn);
  auto node_columns = NodeColumnsFor(g, kJsonColumn);
  auto edge_columns = EdgeColumnsFor(g, kJsonColumn);
  Json doc;
  doc["directed"] = false;
  doc["multigraph"] = false;
  Put(doc["graph"], graph_columns, g[boost::graph_bundle]);
  Json& nodes = doc["nodes"] = Json::array();
  for (Vertex v : SortedVertices(g)) {
    Json node;
    node["id"] = CleanText(g[v].id);
    Put(node, node_columns, g[v]);
    nodes.push_back(std::move(node));
  }
  Json& links = doc["edges"] = Json::array();  // networkx >= 3.6 reads "edges" by default
  for (Edge e : SortedEdges(g)) {
    std::string s = g[boost::source(e, g)].id, t = g[boost::target(e, g)].id;
    if (t < s) std::swap(s, t);
    Json link;
    link["source"] = CleanText(s);
    link["target"] = CleanText(t);
    Put(link, edge_columns, g[e]);
    links.push_back(std::move(link));
  }
  out << Dump(doc, 2) << '\n';
}

std::vector<std::filesystem::path> JsonWriter::Write(const Graph& g,
                                                     const std::filesystem::path& dir,
                                                     const WriteOptions& options) const {
  auto path = dir / (options.stem + ".json");
  WriteFileAtomically(path, [&](std::ostream& out) { WriteJson(g, out); });
  return {path};
}

}  // namespace actorgraph
