#include "actorgraph/export/csv_writer.h"

#include <initializer_list>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/export/xml_writer.h"

namespace actorgraph {
namespace {

void Row(std::ostream& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view f : fields) {
    if (!first) out << ',';
    first = false;
    out << CsvField(f);
  }
  out << '\n';
}

}  // namespace

std::string CsvField(std::string_view s) {
  std::string clean = CleanText(s);
  if (clean.find_first_of(",\"\r\n") == std::string::npos) return clean;
  std::string out = "\"";
  for (char c : clean) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void WriteNodesCsv(const Graph& g, std::ostream& out) {
  Row(out, {"Id", "Label", "label_en", "type", "country", "mentions", "documents", "first_seen",
            "last_seen", "weighted_degree"});
  for (Vertex v : SortedVertices(g)) {
    const ActorNode& n = g[v];
    Row(out,
        {n.id, n.label, n.label_en, n.type, n.country, FormatNumber(n.mentions),
         FormatNumber(n.documents), n.first_seen, n.last_seen, FormatNumber(n.weighted_degree)});
  }
}

void WriteEdgesCsv(const Graph& g, std::ostream& out) {
  Row(out,
      {"Source", "Target", "Type", "Weight", "cooc_count", "documents", "first_seen", "last_seen"});
  for (Edge e : SortedEdges(g)) {
    const ActorEdge& a = g[e];
    std::string s = g[boost::source(e, g)].id, t = g[boost::target(e, g)].id;
    if (t < s) std::swap(s, t);
    Row(out, {s, t, "Undirected", FormatNumber(a.weight), FormatNumber(a.count),
              FormatNumber(a.documents), a.first_seen, a.last_seen});
  }
}

std::vector<std::filesystem::path> CsvWriter::Write(const Graph& g,
                                                    const std::filesystem::path& dir,
                                                    const WriteOptions& options) const {
  std::string prefix = options.stem == "actors" ? "" : options.stem + "_";
  auto nodes = dir / (prefix + "nodes.csv");
  auto edges = dir / (prefix + "edges.csv");
  WriteFileAtomically(nodes, [&](std::ostream& out) { WriteNodesCsv(g, out); });
  WriteFileAtomically(edges, [&](std::ostream& out) { WriteEdgesCsv(g, out); });
  return {nodes, edges};
}

}  // namespace actorgraph
