// The actor network as a Boost graph with bundled properties: one vertex per actor, one undirected
// edge per co-occurring pair (parallel edges never occur).
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace actorgraph {

// One piece of evidence for an edge: where the two actors were named together.
struct Evidence {
  std::string doc;      // document id
  std::string date;     // document date ("" when unknown)
  uint32_t window = 0;  // sentence index (or paragraph index / 0, by window kind)
  uint32_t start = 0;   // byte span of the window in the original document text
  uint32_t end = 0;
  std::string
      snippet;  // a short excerpt of the window (UTF-8, at most ~200 bytes, cut at characters)
};

struct ActorNode {
  std::string id;
  std::string label;  // Arabic label
  std::string label_en;
  std::string type;     // person | state | group
  std::string country;  // id of the affiliated state, or ""
  uint64_t mentions = 0;
  uint64_t documents = 0;
  std::string first_seen;  // earliest document date, "" when no document had a date
  std::string last_seen;
  std::map<std::string, uint64_t> mentions_by_date;  // date -> mentions (dated documents only)
  double weighted_degree = 0;
};

struct ActorEdge {
  double weight = 0;   // co-occurrence count (windows in which both were named)
  uint64_t count = 0;  // the same, as an integer column
  uint64_t documents = 0;
  std::string first_seen;
  std::string last_seen;
  std::map<std::string, uint64_t> count_by_date;  // date -> co-occurrences (dated documents only)
  std::vector<Evidence> evidence;                 // at most the configured number, earliest first
};

// Graph-level record of how the network was made.
struct GraphInfo {
  std::string version;         // actorgraph version
  std::string gazetteer_hash;  // SHA-256 of the gazetteer files
  std::string options;         // the run options, as a stable one-line string
  std::string window;          // sentence | paragraph | document
  uint64_t documents = 0;
  uint64_t sentences = 0;
  uint64_t mentions = 0;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, ActorNode,
                                    ActorEdge, GraphInfo>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// Vertices in a stable order (by id) and edges in a stable order (by source id, then target id), so
// every writer produces byte-identical files for the same graph.
std::vector<Vertex> SortedVertices(const Graph& g);
std::vector<Edge> SortedEdges(const Graph& g);

}  // namespace actorgraph
