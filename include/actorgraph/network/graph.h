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
  std::string source;  // the document's JSONL `source` (outlet), "" when it has none
  std::string url;     // the document's JSONL `url`, "" when it has none
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
  std::vector<std::string> sources;  // distinct JSONL `source`s of the documents naming the actor,
                                     // sorted by byte value; documents without one add nothing
  double weighted_degree = 0;
  uint64_t windows = 0;        // windows (sentences, paragraphs or documents) that name the actor
  uint64_t cooccurrences = 0;  // sum of the actor's co-occurrence counts over all partners, before
                               // any pruning (s_i of the association strength)

  // Network measures, filled by analyse/ (AnalyseGraph); meaningful when GraphInfo::analysed.
  uint64_t degree = 0;     // number of neighbours
  double strength = 0;     // sum of the weights of the actor's edges
  double betweenness = 0;  // Brandes, distance = 1 / weight, normalised as networkx
  double closeness = 0;    // (r-1)/sum of distances, Wasserman-Faust scaled, as networkx
  double eigenvector = 0;  // principal eigenvector of the weighted adjacency, unit norm
  double pagerank = 0;     // damping 0.85, weighted
  uint64_t core = 0;       // k-core number (unweighted)
  uint64_t component = 0;  // connected component, 0 = the largest
  uint64_t community = 0;  // community, 0 = the largest
  double x = 0, y = 0;     // layout position (points)
  double size = 0;         // node size for viewers, from strength
};

struct ActorEdge {
  double weight = 0;   // co-occurrence count (windows in which both were named)
  uint64_t count = 0;  // the same, as an integer column
  uint64_t documents = 0;
  std::string first_seen;
  std::string last_seen;
  std::map<std::string, uint64_t> count_by_date;  // date -> co-occurrences (dated documents only)
  std::vector<std::string> sources;  // distinct JSONL `source`s of the documents in which the two
                                     // co-occur, sorted by byte value
  std::vector<Evidence> evidence;    // at most the configured number, earliest first

  // Association measures, filled by analyse/ (edge_measures.h); see there for formulas.
  double pmi = 0;
  double npmi = 0;
  double jaccard = 0;
  double dice = 0;
  double association = 0;
};

// An actor's names, as in the gazetteer.
struct ActorNames {
  std::string label;  // Arabic
  std::string label_en;
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
  uint64_t windows = 0;  // co-occurrence windows in the corpus (N of the association measures)
  uint64_t cooccurrences = 0;  // sum of all pair counts before pruning (m of association strength)
  double density = 0;          // 2E / (n (n - 1)) of the written graph, filled by analyse/
  // The names of every state some actor of the graph is affiliated with (ActorNode::country), also
  // of states not in the graph, for legend keys (export/palette.h). Filled by BuildGraph.
  std::map<std::string, ActorNames> country_names;

  // Filled by analyse/ (AnalyseGraph).
  bool analysed = false;       // the measures above and in the nodes and edges are computed
  std::string weight_measure;  // which edge measure fills ActorEdge::weight
  double modularity = 0;       // of the community partition (Newman 2006)
  uint64_t components = 0;     // connected components
  uint64_t communities = 0;    // communities
  bool positions = false;      // x, y hold a layout
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
