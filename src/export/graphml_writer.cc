#include "actorgraph/export/graphml_writer.h"

#include <functional>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/export/json_writer.h"
#include "actorgraph/export/xml_writer.h"

namespace actorgraph {
namespace {

struct Key {
  const char* id;
  const char* domain;  // node | edge | graph
  const char* name;
  const char* type;  // boolean | int | long | float | double | string
};

constexpr Key kKeys[] = {
    {"actorgraph_version", "graph", "actorgraph_version", "string"},
    {"gazetteer_hash", "graph", "gazetteer_hash", "string"},
    {"options", "graph", "options", "string"},
    {"window", "graph", "window", "string"},
    {"graph_documents", "graph", "documents", "long"},
    {"sentences", "graph", "sentences", "long"},
    {"graph_mentions", "graph", "mentions", "long"},
    {"label", "node", "label", "string"},
    {"label_en", "node", "label_en", "string"},
    {"type", "node", "type", "string"},
    {"country", "node", "country", "string"},
    {"mentions", "node", "mentions", "long"},
    {"documents", "node", "documents", "long"},
    {"first_seen", "node", "first_seen", "string"},
    {"last_seen", "node", "last_seen", "string"},
    {"weighted_degree", "node", "weighted_degree", "double"},
    {"weight", "edge", "weight", "double"},
    {"cooc_count", "edge", "cooc_count", "long"},
    {"edge_documents", "edge", "documents", "long"},
    {"edge_first_seen", "edge", "first_seen", "string"},
    {"edge_last_seen", "edge", "last_seen", "string"},
    {"evidence", "edge", "evidence", "string"},
};

void Data(XmlWriter& xml, std::string_view key, std::string_view value) {
  xml.StartElement("data").Attribute("key", key).Text(value).EndElement();
}

// "e<index>" (built by append: GCC 12 warns falsely, -Wrestrict, on "e" + std::string).
std::string EdgeId(size_t index) {
  std::string id = "e";
  id += FormatNumber(index);
  return id;
}

}  // namespace

void WriteGraphml(const Graph& g, std::ostream& out) {
  XmlWriter xml(out);
  xml.Declaration();
  xml.StartElement("graphml").Attribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
  for (const Key& k : kKeys) {
    xml.StartElement("key")
        .Attribute("id", k.id)
        .Attribute("for", k.domain)
        .Attribute("attr.name", k.name)
        .Attribute("attr.type", k.type)
        .EndElement();
  }
  xml.StartElement("graph").Attribute("id", "actors").Attribute("edgedefault", "undirected");
  const GraphInfo& info = g[boost::graph_bundle];
  Data(xml, "actorgraph_version", info.version);
  Data(xml, "gazetteer_hash", info.gazetteer_hash);
  Data(xml, "options", info.options);
  Data(xml, "window", info.window);
  Data(xml, "graph_documents", FormatNumber(info.documents));
  Data(xml, "sentences", FormatNumber(info.sentences));
  Data(xml, "graph_mentions", FormatNumber(info.mentions));
  for (Vertex v : SortedVertices(g)) {
    const ActorNode& n = g[v];
    xml.StartElement("node").Attribute("id", n.id);
    Data(xml, "label", n.label);
    Data(xml, "label_en", n.label_en);
    Data(xml, "type", n.type);
    Data(xml, "country", n.country);
    Data(xml, "mentions", FormatNumber(n.mentions));
    Data(xml, "documents", FormatNumber(n.documents));
    Data(xml, "first_seen", n.first_seen);
    Data(xml, "last_seen", n.last_seen);
    Data(xml, "weighted_degree", FormatNumber(n.weighted_degree));
    xml.EndElement();
  }
  size_t index = 0;
  for (Edge e : SortedEdges(g)) {
    const ActorEdge& a = g[e];
    std::string s = g[boost::source(e, g)].id, t = g[boost::target(e, g)].id;
    if (t < s) std::swap(s, t);
    xml.StartElement("edge")
        .Attribute("id", EdgeId(index++))
        .Attribute("source", s)
        .Attribute("target", t);
    Data(xml, "weight", FormatNumber(a.weight));
    Data(xml, "cooc_count", FormatNumber(a.count));
    Data(xml, "edge_documents", FormatNumber(a.documents));
    Data(xml, "edge_first_seen", a.first_seen);
    Data(xml, "edge_last_seen", a.last_seen);
    Data(xml, "evidence", EvidenceJson(a.evidence));
    xml.EndElement();
  }
  xml.Finish();
}

std::vector<std::filesystem::path> GraphmlWriter::Write(const Graph& g,
                                                        const std::filesystem::path& dir,
                                                        const WriteOptions& options) const {
  auto path = dir / (options.stem + ".graphml");
  WriteFileAtomically(path, [&](std::ostream& out) { WriteGraphml(g, out); });
  return {path};
}

}  // namespace actorgraph
