// Node-link JSON for networkx and igraph:
// {"directed": false, "multigraph": false, "graph": {GraphInfo}, "nodes": [...], "edges": [...]}.
// The edge list is under "edges", what networkx >= 3.6 reads by default
// (networkx.node_link_graph(data)); networkx 3.4-3.5 need edges="edges", 2.x-3.3 link="edges".
// Every node carries its ActorNode fields (mentions_by_date as {date: count}); every link source,
// target, weight, cooc_count, documents, first_seen, last_seen, count_by_date and evidence.
// The node, edge and graph columns come from the one column table (export/columns.h).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "actorgraph/export/writer.h"

namespace actorgraph {

// The evidence of an edge as a compact JSON array of {doc, date, window, start, end, snippet}
// objects with keys in that order (deterministic); strings cleaned with CleanText. Used by GraphML
// and GEXF.
std::string EvidenceJson(const std::vector<Evidence>& evidence);

void WriteJson(const Graph& g, std::ostream& out);

class JsonWriter final : public GraphWriter {
 public:
  std::string_view format() const override { return "json"; }
  std::vector<std::filesystem::path> Write(const Graph& g, const std::filesystem::path& dir,
                                           const WriteOptions& options) const override;
};

}  // namespace actorgraph
