// GraphML for Gephi, networkx, igraph and yEd: <stem>.graphml with typed, readable keys.
// Node keys: label (Arabic; Gephi's reserved label), label_en, type, country, mentions, documents,
// first_seen, last_seen, weighted_degree. Edge keys: weight (Gephi's reserved weight, which makes
// no column), cooc_count (the same count as a column), edge_documents, edge_first_seen,
// edge_last_seen, evidence (a JSON array). Graph keys: actorgraph_version, gazetteer_hash, options,
// window, graph_documents, sentences, graph_mentions. Key ids are unique across domains (the XSD
// requires it); attr.name is the plain name. Every value is always written. Actor ids should be XML
// NMTOKENs (gazetteer ids are) for the output to validate against the GraphML XSD.
// The node, edge and graph columns come from the one column table (export/columns.h).
#pragma once

#include <ostream>

#include "actorgraph/export/writer.h"

namespace actorgraph {

void WriteGraphml(const Graph& g, std::ostream& out);

class GraphmlWriter final : public GraphWriter {
 public:
  std::string_view format() const override { return "graphml"; }
  std::vector<std::filesystem::path> Write(const Graph& g, const std::filesystem::path& dir,
                                           const WriteOptions& options) const override;
};

}  // namespace actorgraph
