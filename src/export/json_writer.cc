#include "actorgraph/export/json_writer.h"

#include <nlohmann/json.hpp>

#include "actorgraph/base/atomic_file.h"
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
    array.push_back(std::move(item));
  }
  return array;
}

Json DateCounts(const std::map<std::string, uint64_t>& counts) {
  Json object = Json::object();
  for (const auto& [date, n] : counts) object[CleanText(date)] = n;
  return object;
}

std::string Dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string EvidenceJson(const std::vector<Evidence>& evidence) {
  return Dump(EvidenceArray(evidence), -1);
}

void WriteJson(const Graph& g, std::ostream& out) {
  const GraphInfo& info = g[boost::graph_bundle];
  Json doc;
  doc["directed"] = false;
  doc["multigraph"] = false;
  Json& graph = doc["graph"];
  graph["actorgraph_version"] = CleanText(info.version);
  graph["gazetteer_hash"] = CleanText(info.gazetteer_hash);
  graph["options"] = CleanText(info.options);
  graph["window"] = CleanText(info.window);
  graph["documents"] = info.documents;
  graph["sentences"] = info.sentences;
  graph["mentions"] = info.mentions;
  Json& nodes = doc["nodes"] = Json::array();
  for (Vertex v : SortedVertices(g)) {
    const ActorNode& n = g[v];
    Json node;
    node["id"] = CleanText(n.id);
    node["label"] = CleanText(n.label);
    node["label_en"] = CleanText(n.label_en);
    node["type"] = CleanText(n.type);
    node["country"] = CleanText(n.country);
    node["mentions"] = n.mentions;
    node["documents"] = n.documents;
    node["first_seen"] = CleanText(n.first_seen);
    node["last_seen"] = CleanText(n.last_seen);
    node["weighted_degree"] = n.weighted_degree;
    node["mentions_by_date"] = DateCounts(n.mentions_by_date);
    nodes.push_back(std::move(node));
  }
  Json& links = doc["links"] = Json::array();
  for (Edge e : SortedEdges(g)) {
    const ActorEdge& a = g[e];
    std::string s = g[boost::source(e, g)].id, t = g[boost::target(e, g)].id;
    if (t < s) std::swap(s, t);
    Json link;
    link["source"] = CleanText(s);
    link["target"] = CleanText(t);
    link["weight"] = a.weight;
    link["cooc_count"] = a.count;
    link["documents"] = a.documents;
    link["first_seen"] = CleanText(a.first_seen);
    link["last_seen"] = CleanText(a.last_seen);
    link["count_by_date"] = DateCounts(a.count_by_date);
    link["evidence"] = EvidenceArray(a.evidence);
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
