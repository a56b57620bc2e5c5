#include "actorgraph/export/csv_writer.h"

#include <vector>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/export/columns.h"
#include "actorgraph/export/xml_writer.h"

namespace actorgraph {
namespace {

void Row(std::ostream& out, const std::vector<std::string>& fields) {
  bool first = true;
  for (const std::string& f : fields) {
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
  auto columns = NodeColumnsFor(g, kCsvColumn);
  std::vector<std::string> row = {"Id"};
  for (const NodeColumn* c : columns) row.emplace_back(CsvHeader(c->name, c->reserved));
  Row(out, row);
  for (Vertex v : SortedVertices(g)) {
    row.assign(1, g[v].id);
    for (const NodeColumn* c : columns) row.push_back(ColumnText(c->value(g[v]), c->name));
    Row(out, row);
  }
}

void WriteEdgesCsv(const Graph& g, std::ostream& out) {
  auto columns = EdgeColumnsFor(g, kCsvColumn);
  std::vector<std::string> row = {"Source", "Target", "Type"};
  for (const EdgeColumn* c : columns) row.emplace_back(CsvHeader(c->name, c->reserved));
  Row(out, row);
  for (Edge e : SortedEdges(g)) {
    std::string s = g[boost::source(e, g)].id, t = g[boost::target(e, g)].id;
    if (t < s) std::swap(s, t);
    row = {s, t, "Undirected"};
    for (const EdgeColumn* c : columns) row.push_back(ColumnText(c->value(g[e]), c->name));
    Row(out, row);
  }
}

void WriteSlicesCsv(const std::vector<std::pair<std::string, const Graph*>>& slices,
                    std::ostream& out) {
  if (slices.empty()) return;
  auto columns = NodeColumnsFor(*slices.front().second, kCsvColumn);
  std::vector<std::string> row = {"period", "Id"};
  for (const NodeColumn* c : columns) row.emplace_back(CsvHeader(c->name, c->reserved));
  Row(out, row);
  for (const auto& [period, g] : slices) {
    for (Vertex v : SortedVertices(*g)) {
      row = {period, (*g)[v].id};
      for (const NodeColumn* c : columns) row.push_back(ColumnText(c->value((*g)[v]), c->name));
      Row(out, row);
    }
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
