#include "actorgraph/export/dot_writer.h"

#include <algorithm>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/base/error.h"
#include "actorgraph/export/palette.h"
#include "actorgraph/export/xml_writer.h"

namespace actorgraph {
namespace {

constexpr const char* kFont = "Noto Naskh Arabic";
constexpr const char* kTypes[] = {"person", "state", "group", "media"};

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
  auto vertices = SortedVertices(g);
  auto edges = SortedEdges(g);
  // Validate the options before writing anything.
  ActorNode probe;
  ActorColor(probe, options.color_by);
  Label(probe, options.labels);

  // A legend id prefix no actor id starts with.
  std::string prefix = "legend:";
  while (std::any_of(vertices.begin(), vertices.end(),
                     [&](Vertex v) { return g[v].id.starts_with(prefix); }))
    prefix += "_";
  double max_weight = 0;
  for (Edge e : edges) max_weight = std::max(max_weight, g[e].weight);

  const bool pinned = options.fixed_layout && g[boost::graph_bundle].positions;
  out << "graph \"actors\" {\n";
  out << "  graph "
      << Attrs({{"charset", "UTF-8"},
                {"fontname", kFont},
                {"overlap", "false"},
                {"splines", "true"},
                {"outputorder", "edgesfirst"}})
      << ";\n";
  // Pinned positions: neato keeps pos="x,y!" (points, hence inputscale 72) where they are.
  if (pinned) out << "  graph " << Attrs({{"layout", "neato"}, {"inputscale", "72"}}) << ";\n";
  out << "  node " << Attrs({{"fontname", kFont}, {"style", "filled"}}) << ";\n";
  out << "  edge " << Attrs({{"fontname", kFont}, {"color", "#00000080"}}) << ";\n";

  // The legend lists media only when the graph has media nodes (--types with media).
  const bool has_media =
      std::any_of(vertices.begin(), vertices.end(), [&](Vertex v) { return g[v].type == "media"; });
  auto listed = [&](std::string_view type) { return type != "media" || has_media; };
  if (!pinned) {  // neato has no clusters: a pinned layout goes without the legend
    out << "  subgraph \"cluster_legend\" {\n";
    out << "    graph " << Attrs({{"label", "legend"}, {"style", "rounded"}}) << ";\n";
    if (options.color_by == "type") {
      for (const char* type : kTypes) {
        if (!listed(type)) continue;
        out << "    " << DotQuote(prefix + type) << ' '
            << Attrs({{"label", type},
                      {"shape", Shape(type)},
                      {"fillcolor", HexColor(Pastel(TypeColor(type)))}})
            << ";\n";
      }
    } else {
      for (const char* type : kTypes) {
        if (!listed(type)) continue;
        out << "    " << DotQuote(prefix + type) << ' '
            << Attrs({{"label", type}, {"shape", Shape(type)}, {"fillcolor", "#ffffff"}}) << ";\n";
      }
      out << "    " << DotQuote(prefix + "colour") << ' '
          << Attrs({{"label", "colour = " + options.color_by},
                    {"shape", "plaintext"},
                    {"style", "solid"}})
          << ";\n";
    }
    out << "  }\n";
  }

  for (Vertex v : vertices) {
    const ActorNode& n = g[v];
    std::string tooltip = n.id + " (" + n.type + "), " + FormatNumber(n.mentions) + " mentions";
    if (pinned) {
      out << "  " << DotQuote(n.id) << ' '
          << Attrs({{"label", Label(n, options.labels)},
                    {"shape", Shape(n.type)},
                    {"fillcolor", HexColor(Pastel(ActorColor(n, options.color_by)))},
                    {"tooltip", tooltip},
                    {"pos", FormatNumber(n.x) + "," + FormatNumber(n.y) + "!"}})
          << ";\n";
      continue;
    }
    out << "  " << DotQuote(n.id) << ' '
        << Attrs({{"label", Label(n, options.labels)},
                  {"shape", Shape(n.type)},
                  {"fillcolor", HexColor(Pastel(ActorColor(n, options.color_by)))},
                  {"tooltip", tooltip}})
        << ";\n";
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
