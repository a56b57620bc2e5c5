#include "actorgraph/export/dot_writer.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/base/error.h"
#include "actorgraph/export/palette.h"
#include "actorgraph/export/xml_writer.h"

namespace actorgraph {
namespace {

constexpr const char* kFont = "Noto Naskh Arabic";
constexpr const char* kTypes[] = {"person", "state", "group", "media"};
// From this many actors drawn, sfdp (multilevel) rather than neato lays the graph out.
constexpr size_t kSfdpFrom = 300;

std::string Shape(std::string_view type) {
  if (type == "person") return "ellipse";
  if (type == "state") return "box";
  if (type == "group") return "hexagon";
  if (type == "media") return "note";
  return "octagon";
}

std::string Label(const ActorNode& n, std::string_view labels) {
  const std::string& ar = n.label.empty() ? n.label_en : n.label;
  const std::string& en = n.label_en.empty() ? n.label : n.label_en;
  std::string label;
  if (labels == "ar") {
    label = ar;
  } else if (labels == "en") {
    label = en;
  } else if (labels == "both") {
    label = n.label.empty() || n.label_en.empty() || n.label == n.label_en
                ? ar
                : n.label + "\n" + n.label_en;
  } else {
    throw Error("unknown label language '" + std::string(labels) + "' (expected ar, en or both)");
  }
  return label.empty() ? n.id : label;
}

// Attribute list: [a="x", b="y"] with every value quoted.
std::string Attrs(std::initializer_list<std::pair<const char*, std::string>> attrs) {
  std::string s = "[";
  for (const auto& [name, value] : attrs) {
    if (s.size() > 1) s += ", ";
    s += name;
    s += '=';
    s += DotQuote(value);
  }
  return s + "]";
}

// The name of a legend line, in the language of --labels.
std::string KeyName(const ColorKeyEntry& e, std::string_view color_by, std::string_view labels) {
  const std::string& ar = e.label.empty() ? e.label_en : e.label;
  const std::string& en = e.label_en.empty() ? e.label : e.label_en;
  std::string name = labels == "en" ? en : ar;
  if (labels == "both" && !ar.empty() && !en.empty() && ar != en) name = ar + " · " + en;
  // "other (7)": seven categories share the grey.
  if (e.kind == ColorKeyEntry::kOther) return name + " (" + std::to_string(e.categories) + ")";
  if (e.kind == ColorKeyEntry::kNone) return name;
  if (color_by == "community") return "community " + e.category + (name.empty() ? "" : ": " + name);
  return name.empty() ? e.category : name;
}

}  // namespace

std::string DotQuote(std::string_view s) {
  std::string clean = CleanText(s);
  std::string out = "\"";
  for (size_t i = 0; i < clean.size(); ++i) {
    char c = clean[i];
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        if (i + 1 < clean.size() && clean[i + 1] == '\n') break;  // CR LF -> one \n
        out += "\\n";
        break;
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

void WriteDot(const Graph& g, const WriteOptions& options, std::ostream& out) {
  // Validate the options before writing anything.
  const ColorScheme scheme(g, options.color_by);
  Label(ActorNode{}, options.labels);

  // The actors drawn: without --keep-isolated, only those with an edge left after the filters.
  std::vector<Vertex> vertices;
  for (Vertex v : SortedVertices(g))
    if (options.keep_isolated || boost::out_degree(v, g) > 0) vertices.push_back(v);
  auto edges = SortedEdges(g);

  double max_weight = 0, max_degree = 0;
  for (Edge e : edges) max_weight = std::max(max_weight, g[e].weight);
  for (Vertex v : vertices) max_degree = std::max(max_degree, g[v].weighted_degree);

  const bool pinned = options.fixed_layout && g[boost::graph_bundle].positions;
  out << "graph \"actors\" {\n";
  out << "  graph "
      << Attrs({{"charset", "UTF-8"}, {"fontname", kFont}, {"outputorder", "edgesfirst"}}) << ";\n";
  if (pinned) {
    // Pinned positions: neato keeps pos="x,y!" (points, hence inputscale 72) where they are.
    out << "  graph " << Attrs({{"layout", "neato"}, {"inputscale", "72"}}) << ";\n";
  } else {
    // A force-directed layout (an actor network has no hierarchy): neato's stress majorisation up
    // to kSfdpFrom actors, sfdp's multilevel layout above; node overlaps removed by prism (Gansner
    // & Hu 2010) with some air around each node (sep), curved edges around the nodes, and the
    // components packed side by side rather than strewn apart.
    const bool large = vertices.size() >= kSfdpFrom;
    out << "  graph "
        << Attrs({{"layout", large ? "sfdp" : "neato"},
                  {"overlap", "prism"},
                  {"overlap_scaling", large ? "2" : "1"},
                  {"sep", "+8"},
                  {"splines", large ? "line" : "true"},
                  {"pack", "24"},
                  {"packmode", "graph"},
                  {"ratio", "auto"}})
        << ";\n";
  }
  out << "  node " << Attrs({{"fontname", kFont}, {"style", "filled"}}) << ";\n";
  out << "  edge " << Attrs({{"fontname", kFont}, {"color", "#00000060"}}) << ";\n";

  // The legend: the graph's label (drawn at the top left by every layout engine, outside the
  // network), an HTML-like table with the colour key (swatch, name and actors drawn per colour)
  // and the shapes of the types drawn. The key is a nested table, so its columns stay tight.
  std::map<std::string, size_t> drawn;  // colour -> actors drawn
  std::vector<std::string> types;
  for (Vertex v : vertices) {
    ++drawn[HexColor(scheme.Of(g[v]))];
    if (std::find(types.begin(), types.end(), g[v].type) == types.end()) types.push_back(g[v].type);
  }
  // Larger graphs are drawn larger: the legend grows with them (12 points up to 30 actors, by the
  // square root of the number of actors beyond, at most 32), so it stays readable next to them.
  const double legend_size =
      std::round(std::clamp(12 * std::sqrt(vertices.size() / 30.0), 12.0, 32.0));
  const std::string swatch_w = FormatNumber(std::round(legend_size * 1.5)),
                    swatch_h = FormatNumber(legend_size);
  std::string key;
  for (const ColorKeyEntry& entry : scheme.key()) {
    auto it = drawn.find(HexColor(entry.color));
    if (it == drawn.end()) continue;  // no actor of this colour is drawn
    key += "<tr><td bgcolor=\"" + HexColor(entry.color) + "\" width=\"" + swatch_w +
           "\" height=\"" + swatch_h + "\" fixedsize=\"true\"></td><td align=\"left\">" +
           EscapeXml(KeyName(entry, options.color_by, options.labels)) + "</td><td width=\"" +
           swatch_h + "\"></td><td align=\"right\">" + std::to_string(it->second) + "</td></tr>";
  }
  std::string table = "<<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"1\">";
  table += "<tr><td align=\"left\"><b>colour: " + EscapeXml(options.color_by) + "</b></td></tr>";
  if (!key.empty())
    table +=
        "<tr><td align=\"left\"><table border=\"0\" cellborder=\"0\" cellspacing=\"3\" "
        "cellpadding=\"1\">" +
        key + "</table></td></tr>";
  std::string shapes;
  for (const char* type : kTypes) {
    if (std::find(types.begin(), types.end(), type) == types.end()) continue;
    shapes += (shapes.empty() ? "" : ", ") + Shape(type) + " " + type;
  }
  if (!shapes.empty()) table += "<tr><td align=\"left\">shape: " + EscapeXml(shapes) + "</td></tr>";
  table += "</table>>";
  out << "  graph [labelloc=\"t\", labeljust=\"l\", fontsize=\"" << FormatNumber(legend_size)
      << "\", label=" << table << "];\n";

  for (Vertex v : vertices) {
    const ActorNode& n = g[v];
    std::string tooltip = n.id + " (" + n.type + "), " + FormatNumber(n.mentions) +
                          (n.mentions == 1 ? " mention" : " mentions");
    Rgb fill = scheme.Of(n);
    // Bigger labels for the more connected actors: 10 to 18 points by sqrt(weighted degree).
    double size = 10 + (max_degree > 0 ? 8 * std::sqrt(n.weighted_degree / max_degree) : 0);
    out << "  " << DotQuote(n.id) << ' '
        << Attrs({{"label", Label(n, options.labels)},
                  {"shape", Shape(n.type)},
                  {"fillcolor", HexColor(fill)},
                  {"fontcolor", HexColor(TextColorOn(fill))},
                  {"fontsize", FormatNumber(std::round(size * 10) / 10)},
                  {"tooltip", tooltip}});
    if (pinned)
      out << " [pos=" << DotQuote(FormatNumber(n.x) + "," + FormatNumber(n.y) + "!") << "]";
    out << ";\n";
  }
  for (Edge e : edges) {
    const ActorEdge& a = g[e];
    std::string s = g[boost::source(e, g)].id, t = g[boost::target(e, g)].id;
    if (t < s) std::swap(s, t);
    double penwidth = max_weight > 0 ? 1 + 4 * a.weight / max_weight : 1;
    out << "  " << DotQuote(s) << " -- " << DotQuote(t) << ' '
        << Attrs({{"penwidth", FormatNumber(penwidth)},
                  {"tooltip", s + " -- " + t + ": " + FormatNumber(a.count)}})
        << ";\n";
  }
  out << "}\n";
}

std::vector<std::filesystem::path> DotWriter::Write(const Graph& g,
                                                    const std::filesystem::path& dir,
                                                    const WriteOptions& options) const {
  auto path = dir / (options.stem + ".dot");
  WriteFileAtomically(path, [&](std::ostream& out) { WriteDot(g, options, out); });
  return {path};
}

}  // namespace actorgraph
