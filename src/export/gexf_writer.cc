#include "actorgraph/export/gexf_writer.h"

#include <algorithm>
#include <cmath>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/export/columns.h"
#include "actorgraph/export/palette.h"
#include "actorgraph/export/xml_writer.h"
#include "actorgraph/read/reader.h"
#include "actorgraph/version.h"

namespace actorgraph {
namespace {

// The columns written as <attvalue>: every column GEXF carries except the reserved ones, which
// are XML attributes (label, weight) or viz elements (x, y, size, color).
template <class Column>
std::vector<const Column*> AttColumns(std::vector<const Column*> all) {
  std::vector<const Column*> out;
  for (const Column* c : all)
    if (c->reserved == ReservedColumn::kNone) out.push_back(c);
  return out;
}

template <class Column>
const Column* Reserved(const std::vector<const Column*>& all, ReservedColumn role) {
  for (const Column* c : all)
    if (c->reserved == role) return c;
  return nullptr;
}

template <class Column>
void Attributes(XmlWriter& xml, const char* cls, const std::vector<const Column*>& columns) {
  xml.StartElement("attributes").Attribute("class", cls).Attribute("mode", "static");
  for (const Column* c : columns)
    xml.StartElement("attribute")
        .Attribute("id", c->name)
        .Attribute("title", c->name)
        .Attribute("type", XmlTypeName(c->type))
        .EndElement();
  xml.EndElement();
}

void AttValue(XmlWriter& xml, std::string_view id, std::string_view value) {
  xml.StartElement("attvalue").Attribute("for", id).Attribute("value", value).EndElement();
}

template <class Column, class Record>
void AttValues(XmlWriter& xml, const std::vector<const Column*>& columns, const Record& r) {
  xml.StartElement("attvalues");
  for (const Column* c : columns) AttValue(xml, c->name, ColumnText(c->value(r), c->name));
  xml.EndElement();
}

void Spells(XmlWriter& xml, const std::map<std::string, uint64_t>& by_date) {
  bool any = std::any_of(by_date.begin(), by_date.end(),
                         [](const auto& kv) { return IsIsoDate(kv.first); });
  if (!any) return;
  xml.StartElement("spells");
  for (const auto& [date, count] : by_date) {
    if (!IsIsoDate(date)) continue;
    xml.StartElement("spell").Attribute("start", date).Attribute("end", date).EndElement();
  }
  xml.EndElement();
}

void Color(XmlWriter& xml, Rgb c) {
  xml.StartElement("viz:color")
      .Attribute("r", FormatNumber(c.r))
      .Attribute("g", FormatNumber(c.g))
      .Attribute("b", FormatNumber(c.b))
      .EndElement();
}

// "e<index>" (built by append: GCC 12 warns falsely, -Wrestrict, on "e" + std::string).
std::string EdgeId(size_t index) {
  std::string id = "e";
  id += FormatNumber(index);
  return id;
}

}  // namespace

void WriteGexf(const Graph& g, const WriteOptions& options, std::ostream& out) {
  auto vertices = SortedVertices(g);
  auto edges = SortedEdges(g);
  const ColorScheme scheme(g, options.color_by);  // throws for an unknown scheme before writing

  bool dynamic = false;
  std::string latest;
  for (Vertex v : vertices) {
    for (const auto& [date, n] : g[v].mentions_by_date) {
      if (!IsIsoDate(date)) continue;
      dynamic = true;
      latest = std::max(latest, date);
    }
  }
  double max_weight = 0;
  for (Edge e : edges) max_weight = std::max(max_weight, g[e].weight);
  const GraphInfo& info = g[boost::graph_bundle];
  auto node_columns = NodeColumnsFor(g, kGexfColumn);
  auto edge_columns = EdgeColumnsFor(g, kGexfColumn);
  auto node_atts = AttColumns(node_columns);
  auto edge_atts = AttColumns(edge_columns);
  const NodeColumn* label = Reserved(node_columns, ReservedColumn::kLabel);
  const NodeColumn* x = Reserved(node_columns, ReservedColumn::kX);
  const NodeColumn* y = Reserved(node_columns, ReservedColumn::kY);
  const NodeColumn* size = Reserved(node_columns, ReservedColumn::kSize);
  const EdgeColumn* weight = Reserved(edge_columns, ReservedColumn::kWeight);
  std::string description =
      "actor network; actorgraph_version=" + info.version + "; window=" + info.window +
      "; documents=" + FormatNumber(info.documents) +
      "; sentences=" + FormatNumber(info.sentences) + "; mentions=" + FormatNumber(info.mentions) +
      "; gazetteer_hash=" + info.gazetteer_hash + "; options=" + info.options;
  for (const GraphColumn* c : GraphColumnsFor(g, kGexfColumn))
    description += "; " + c->name + "=" + ColumnText(c->value(info), c->name);

  XmlWriter xml(out);
  xml.Declaration();
  xml.StartElement("gexf")
      .Attribute("xmlns", "http://gexf.net/1.3")
      .Attribute("xmlns:viz", "http://gexf.net/1.3/viz")
      .Attribute("version", "1.3");
  xml.StartElement("meta");
  if (!latest.empty()) xml.Attribute("lastmodifieddate", latest);
  xml.StartElement("creator").Text(std::string("actorgraph ") + ACTORGRAPH_VERSION).EndElement();
  xml.StartElement("description").Text(description).EndElement();
  xml.EndElement();

  xml.StartElement("graph").Attribute("defaultedgetype", "undirected");
  if (dynamic) {
    xml.Attribute("mode", "dynamic")
        .Attribute("timeformat", "date")
        .Attribute("timerepresentation", "interval");
  }
  Attributes(xml, "node", node_atts);
  // One <attributes> block per class: graphology-gexf (Gephi Lite, sigma.js) reads only the last
  // block of a class, so a second, dynamic edge block would hide the static columns there. The
  // timeline is carried by the spells of nodes and edges.
  Attributes(xml, "edge", edge_atts);

  xml.StartElement("nodes").Attribute("count", FormatNumber(vertices.size()));
  for (Vertex v : vertices) {
    const ActorNode& n = g[v];
    xml.StartElement("node").Attribute("id", n.id);
    if (label) xml.Attribute("label", ColumnText(label->value(n), label->name));
    AttValues(xml, node_atts, n);
    if (dynamic) Spells(xml, n.mentions_by_date);
    Color(xml, scheme.Of(n));
    if (x && y) {
      xml.StartElement("viz:position")
          .Attribute("x", ColumnText(x->value(n), x->name))
          .Attribute("y", ColumnText(y->value(n), y->name))
          .Attribute("z", "0")
          .EndElement();
    }
    xml.StartElement("viz:size")
        .Attribute("value", size
                                ? ColumnText(size->value(n), size->name)
                                : FormatNumber(10 + 4 * std::sqrt(static_cast<double>(n.mentions))))
        .EndElement();
    xml.EndElement();
  }
  xml.EndElement();

  xml.StartElement("edges").Attribute("count", FormatNumber(edges.size()));
  size_t index = 0;
  for (Edge e : edges) {
    const ActorEdge& a = g[e];
    std::string s = g[boost::source(e, g)].id, t = g[boost::target(e, g)].id;
    if (t < s) std::swap(s, t);
    xml.StartElement("edge")
        .Attribute("id", EdgeId(index++))
        .Attribute("source", s)
        .Attribute("target", t);
    if (weight) xml.Attribute("weight", ColumnText(weight->value(a), weight->name));
    xml.StartElement("attvalues");
    for (const EdgeColumn* c : edge_atts) AttValue(xml, c->name, ColumnText(c->value(a), c->name));
    xml.EndElement();
    if (dynamic) Spells(xml, a.count_by_date);
    xml.StartElement("viz:thickness")
        .Attribute("value", FormatNumber(max_weight > 0 ? 1 + 4 * a.weight / max_weight : 1.0))
        .EndElement();
    xml.EndElement();
  }
  xml.EndElement();
  xml.Finish();
}

std::vector<std::filesystem::path> GexfWriter::Write(const Graph& g,
                                                     const std::filesystem::path& dir,
                                                     const WriteOptions& options) const {
  auto path = dir / (options.stem + ".gexf");
  WriteFileAtomically(path, [&](std::ostream& out) { WriteGexf(g, options, out); });
  return {path};
}

}  // namespace actorgraph
