#include "actorgraph/export/gexf_writer.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/export/json_writer.h"
#include "actorgraph/export/palette.h"
#include "actorgraph/export/xml_writer.h"
#include "actorgraph/read/reader.h"
#include "actorgraph/version.h"

namespace actorgraph {
namespace {

struct Attr {
  const char* id;
  const char* type;
};

constexpr Attr kNodeAttrs[] = {
    {"label_en", "string"},  {"type", "string"},
    {"country", "string"},   {"mentions", "long"},
    {"documents", "long"},   {"first_seen", "string"},
    {"last_seen", "string"}, {"weighted_degree", "double"},
};
constexpr Attr kEdgeAttrs[] = {
    {"cooc_count", "long"},  {"documents", "long"},  {"first_seen", "string"},
    {"last_seen", "string"}, {"evidence", "string"},
};

constexpr Attr kDynamicEdgeAttrs[] = {{"weight", "double"}};

void Attributes(XmlWriter& xml, const char* cls, const char* mode, std::span<const Attr> attrs) {
  xml.StartElement("attributes").Attribute("class", cls).Attribute("mode", mode);
  for (const Attr& a : attrs)
    xml.StartElement("attribute")
        .Attribute("id", a.id)
        .Attribute("title", a.id)
        .Attribute("type", a.type)
        .EndElement();
  xml.EndElement();
}

void AttValue(XmlWriter& xml, std::string_view id, std::string_view value) {
  xml.StartElement("attvalue").Attribute("for", id).Attribute("value", value).EndElement();
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
  ActorColor(ActorNode{}, options.color_by);  // reject an unknown scheme before writing

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

  XmlWriter xml(out);
  xml.Declaration();
  xml.StartElement("gexf")
      .Attribute("xmlns", "http://gexf.net/1.3")
      .Attribute("xmlns:viz", "http://gexf.net/1.3/viz")
      .Attribute("version", "1.3");
  xml.StartElement("meta");
  if (!latest.empty()) xml.Attribute("lastmodifieddate", latest);
  xml.StartElement("creator").Text(std::string("actorgraph ") + ACTORGRAPH_VERSION).EndElement();
  xml.StartElement("description")
      .Text("actor network; actorgraph_version=" + info.version + "; window=" + info.window +
            "; documents=" + FormatNumber(info.documents) + "; sentences=" +
            FormatNumber(info.sentences) + "; mentions=" + FormatNumber(info.mentions) +
            "; gazetteer_hash=" + info.gazetteer_hash + "; options=" + info.options)
      .EndElement();
  xml.EndElement();

  xml.StartElement("graph").Attribute("defaultedgetype", "undirected");
  if (dynamic) {
    xml.Attribute("mode", "dynamic")
        .Attribute("timeformat", "date")
        .Attribute("timerepresentation", "interval");
  }
  Attributes(xml, "node", "static", kNodeAttrs);
  Attributes(xml, "edge", "static", kEdgeAttrs);
  if (dynamic) Attributes(xml, "edge", "dynamic", kDynamicEdgeAttrs);

  xml.StartElement("nodes").Attribute("count", FormatNumber(vertices.size()));
  for (Vertex v : vertices) {
    const ActorNode& n = g[v];
    xml.StartElement("node").Attribute("id", n.id).Attribute("label", n.label);
    xml.StartElement("attvalues");
    AttValue(xml, "label_en", n.label_en);
    AttValue(xml, "type", n.type);
    AttValue(xml, "country", n.country);
    AttValue(xml, "mentions", FormatNumber(n.mentions));
    AttValue(xml, "documents", FormatNumber(n.documents));
    AttValue(xml, "first_seen", n.first_seen);
    AttValue(xml, "last_seen", n.last_seen);
    AttValue(xml, "weighted_degree", FormatNumber(n.weighted_degree));
    xml.EndElement();
    if (dynamic) Spells(xml, n.mentions_by_date);
    Color(xml, ActorColor(n, options.color_by));
    xml.StartElement("viz:size")
        .Attribute("value", FormatNumber(10 + 4 * std::sqrt(static_cast<double>(n.mentions))))
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
        .Attribute("target", t)
        .Attribute("weight", FormatNumber(a.weight));
    xml.StartElement("attvalues");
    AttValue(xml, "cooc_count", FormatNumber(a.count));
    AttValue(xml, "documents", FormatNumber(a.documents));
    AttValue(xml, "first_seen", a.first_seen);
    AttValue(xml, "last_seen", a.last_seen);
    AttValue(xml, "evidence", EvidenceJson(a.evidence));
    if (dynamic) {
      for (const auto& [date, count] : a.count_by_date) {
        if (!IsIsoDate(date)) continue;
        xml.StartElement("attvalue")
            .Attribute("for", "weight")
            .Attribute("value", FormatNumber(count))
            .Attribute("start", date)
            .Attribute("end", date)
            .EndElement();
      }
    }
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
