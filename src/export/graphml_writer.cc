#include "actorgraph/export/graphml_writer.h"

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/export/columns.h"
#include "actorgraph/export/xml_writer.h"

namespace actorgraph {
namespace {

void Data(XmlWriter& xml, std::string_view key, std::string_view value) {
  xml.StartElement("data").Attribute("key", key).Text(value).EndElement();
}

// "e<index>" (built by append: GCC 12 warns falsely, -Wrestrict, on "e" + std::string).
std::string EdgeId(size_t index) {
  std::string id = "e";
  id += FormatNumber(index);
  return id;
}

// The columns of one domain with their key ids (computed once per file).
template <class Column>
struct Keys {
  std::vector<const Column*> columns;
  std::vector<std::string> ids;
  explicit Keys(std::vector<const Column*> cs) : columns(std::move(cs)) {
    for (const Column* c : columns) ids.push_back(GraphmlKeyId(*c));
  }
  void Declare(XmlWriter& xml, const char* domain) const {
    for (size_t i = 0; i < columns.size(); ++i) {
      xml.StartElement("key")
          .Attribute("id", ids[i])
          .Attribute("for", domain)
          .Attribute("attr.name", columns[i]->name)
          .Attribute("attr.type", XmlTypeName(columns[i]->type))
          .EndElement();
    }
  }
  template <class Record>
  void Values(XmlWriter& xml, const Record& r) const {
    for (size_t i = 0; i < columns.size(); ++i)
      Data(xml, ids[i], ColumnText(columns[i]->value(r), columns[i]->name));
  }
};

}  // namespace

void WriteGraphml(const Graph& g, std::ostream& out) {
  const Keys<GraphColumn> graph_keys(GraphColumnsFor(g, kGraphmlColumn));
  const Keys<NodeColumn> node_keys(NodeColumnsFor(g, kGraphmlColumn));
  const Keys<EdgeColumn> edge_keys(EdgeColumnsFor(g, kGraphmlColumn));
  XmlWriter xml(out);
  xml.Declaration();
  xml.StartElement("graphml").Attribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
  graph_keys.Declare(xml, "graph");
  node_keys.Declare(xml, "node");
  edge_keys.Declare(xml, "edge");
  xml.StartElement("graph").Attribute("id", "actors").Attribute("edgedefault", "undirected");
  graph_keys.Values(xml, g[boost::graph_bundle]);
  for (Vertex v : SortedVertices(g)) {
    xml.StartElement("node").Attribute("id", g[v].id);
    node_keys.Values(xml, g[v]);
    xml.EndElement();
  }
  size_t index = 0;
  for (Edge e : SortedEdges(g)) {
    std::string s = g[boost::source(e, g)].id, t = g[boost::target(e, g)].id;
    if (t < s) std::swap(s, t);
    xml.StartElement("edge")
        .Attribute("id", EdgeId(index++))
        .Attribute("source", s)
        .Attribute("target", t);
    edge_keys.Values(xml, g[e]);
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
