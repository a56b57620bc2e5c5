// actorgraph stats: the network's summary for a corpus (size, density, components, communities,
// top actors by each centrality) without writing graph files.
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "actorgraph/base/error.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/output.h"

namespace actorgraph::cli {
namespace {

struct Measure {
  const char* name;
  double (*get)(const ActorNode&);
};

const Measure kMeasures[] = {
    {"degree", [](const ActorNode& n) { return static_cast<double>(n.degree); }},
    {"strength", [](const ActorNode& n) { return n.strength; }},
    {"betweenness", [](const ActorNode& n) { return n.betweenness; }},
    {"closeness", [](const ActorNode& n) { return n.closeness; }},
    {"eigenvector", [](const ActorNode& n) { return n.eigenvector; }},
    {"pagerank", [](const ActorNode& n) { return n.pagerank; }},
    {"core", [](const ActorNode& n) { return static_cast<double>(n.core); }},
};

// The `k` actors with the highest value (ties by id).
std::vector<Vertex> Top(const Graph& g, const Measure& m, size_t k) {
  std::vector<Vertex> v;
  for (Vertex x : SortedVertices(g)) v.push_back(x);
  std::stable_sort(v.begin(), v.end(),
                   [&](Vertex a, Vertex b) { return m.get(g[a]) > m.get(g[b]); });
  if (v.size() > k) v.resize(k);
  return v;
}

std::string Number(double x) {
  std::ostringstream s;
  s << std::setprecision(6) << x;
  return s.str();
}

}  // namespace

int RunStats(int argc, char** argv) {
  cxxopts::Options options("stats",
                           "Print the network's summary for a corpus (nodes, edges, density, "
                           "components, communities and modularity, top actors by each "
                           "centrality) without writing graph files.\n\nUsage: actorgraph stats "
                           "[options] [inputs...]");
  AddCorpusOptions(options);
  AddAnalyseOptions(options);
  options.add_options()("window", "co-occurrence window: sentence, paragraph or document",
                        cxxopts::value<std::string>()->default_value("sentence"))(
      "min-weight", "drop edges seen in fewer windows (a number >= 0)",
      cxxopts::value<std::string>()->default_value("1"))(
      "top", "keep only the N actors with the highest weighted degree (0 = all)",
      Decimal<size_t>()->default_value("0"))("show", "actors listed per centrality",
                                             Decimal<size_t>()->default_value("5"))(
      "format", "text, tsv or json", cxxopts::value<std::string>()->default_value("text"));
  options.parse_positional({"inputs"});
  options.positional_help("[inputs...]");
  cxxopts::ParseResult args;
  if (!Parse(options, argc, argv, &args)) return 0;
  const std::string format = args["format"].as<std::string>();
  if (format != "text" && format != "tsv" && format != "json")
    throw Error("--format: '" + format + "' is not one of text, tsv, json");
  CountOptions count_options;
  count_options.cooccur.window = ParseWindow(args["window"].as<std::string>());
  count_options.cooccur.max_evidence = 0;
  GraphOptions graph_options;
  graph_options.min_weight = NumberOption(args, "min-weight", 0);
  graph_options.top = args["top"].as<size_t>();
  AnalyseOptions analyse = ParseAnalyse(args);
  analyse.layout = false;
  const size_t show = args["show"].as<size_t>();

  Corpus& corpus = KeepUntilExit([&] { return OpenCorpus(args); });
  const Matcher& matcher = KeepUntilExit([&] { return Matcher(corpus.gazetteer); });
  count_options.threads = corpus.threads;
  count_options.progress = ProgressPrinter(corpus.quiet);
  count_options.types = corpus.types;  // --types and --roles mean what they mean for build
  std::unique_ptr<RoleResolver> roles;
  if (corpus.roles) roles = std::make_unique<RoleResolver>(corpus.gazetteer);
  count_options.roles = roles.get();
  Cooccurrence& counts =
      KeepUntilExit([&] { return CountCorpus(matcher, *corpus.reader, count_options); });
  EndProgress(corpus.quiet);
  if (counts.documents() == 0) throw NoDocuments(*corpus.reader);
  std::vector<PruneStep> steps;
  Graph& g = KeepUntilExit(
      [&] { return BuildAnalysedGraph(counts, corpus.gazetteer, graph_options, analyse, &steps); });
  const GraphInfo& info = g[boost::graph_bundle];

  if (format == "json") {
    nlohmann::ordered_json j;
    j["documents"] = counts.documents();
    j["nodes"] = boost::num_vertices(g);
    j["edges"] = boost::num_edges(g);
    j["weight"] = info.weight_measure;
    j["density"] = info.density;
    j["components"] = info.components;
    j["communities"] = info.communities;
    j["modularity"] = info.modularity;
    for (const PruneStep& s : steps)
      j["pruned"].push_back(
          {{"step", s.name}, {"edges", s.edges_removed}, {"nodes", s.nodes_removed}});
    for (const Measure& m : kMeasures) {
      auto& list = j["top"][m.name] = nlohmann::ordered_json::array();
      for (Vertex v : Top(g, m, show))
        list.push_back({{"id", g[v].id}, {"label_en", g[v].label_en}, {"value", m.get(g[v])}});
    }
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  if (format == "tsv") {
    std::cout << "measure\trank\tid\tlabel_en\tvalue\n";
    for (const Measure& m : kMeasures) {
      size_t rank = 0;
      for (Vertex v : Top(g, m, show))
        std::cout << m.name << "\t" << ++rank << "\t" << g[v].id << "\t" << g[v].label_en << "\t"
                  << Number(m.get(g[v])) << "\n";
    }
    return 0;
  }
  std::cout << "documents:   " << counts.documents() << "\nnodes:       " << boost::num_vertices(g)
            << "\nedges:       " << boost::num_edges(g) << " (weight: " << info.weight_measure
            << ")\ndensity:     " << Number(info.density) << "\ncomponents:  " << info.components
            << "\ncommunities: " << info.communities << " (modularity " << Number(info.modularity)
            << ")\n";
  for (const PruneStep& s : steps)
    if (s.edges_removed || s.nodes_removed)
      std::cout << "pruned:      " << s.name << " removed " << Counted(s.edges_removed, "edge")
                << " and " << Counted(s.nodes_removed, "actor") << "\n";
  for (const Measure& m : kMeasures) {
    std::cout << "\ntop by " << m.name << ":\n";
    size_t rank = 0;
    for (Vertex v : Top(g, m, show)) {
      std::ostringstream line;
      line << std::setw(4) << ++rank << ". " << std::left << std::setw(30) << g[v].label_en
           << Number(m.get(g[v]));
      std::cout << line.str() << "\n";
    }
  }
  return 0;
}

}  // namespace actorgraph::cli
