#include "sample_graph.h"

#include <nlohmann/json.hpp>

#include "actorgraph/export/xml_writer.h"
#include "test_util.h"

namespace actorgraph::testing {
namespace {

constexpr const char* kNastyLabel = "غراف \"quoted\" back\\slash <&> 'x'\x0B end \xFF!";

Vertex AddActor(Graph& g, ActorNode n) {
  n.documents = n.mentions_by_date.empty() ? 1 : n.mentions_by_date.size();
  for (const auto& [date, count] : n.mentions_by_date) n.mentions += count;
  if (n.mentions == 0) n.mentions = 1;
  if (!n.mentions_by_date.empty()) {
    n.first_seen = n.mentions_by_date.begin()->first;
    n.last_seen = n.mentions_by_date.rbegin()->first;
  }
  return boost::add_vertex(n, g);
}

void AddCooc(Graph& g, Vertex a, Vertex b, ActorEdge e) {
  for (const auto& [date, count] : e.count_by_date) e.count += count;
  if (e.count == 0) e.count = static_cast<uint64_t>(e.weight);
  if (e.weight == 0) e.weight = static_cast<double>(e.count);
  e.documents = e.count_by_date.empty() ? 1 : e.count_by_date.size();
  if (!e.count_by_date.empty()) {
    e.first_seen = e.count_by_date.begin()->first;
    e.last_seen = e.count_by_date.rbegin()->first;
  }
  boost::add_edge(a, b, e, g);
  g[a].weighted_degree += e.weight;
  g[b].weighted_degree += e.weight;
}

}  // namespace

Graph MakeSampleGraph() {
  Graph g;
  GraphInfo& info = g[boost::graph_bundle];
  info.version = "0.1.0";
  info.gazetteer_hash = "4f2a";
  info.options = "window=sentence min_weight=1";
  info.window = "sentence";
  info.documents = 3;
  info.sentences = 42;
  info.mentions = 17;

  ActorNode iraq;
  iraq.id = "iraq";
  iraq.label = "العراق";
  iraq.label_en = "Iraq";
  iraq.type = "state";
  iraq.mentions_by_date = {{"2021-01-01", 2}, {"2021-01-02", 3}, {"2021-02-10", 1}};
  iraq.sources = {"aljazeera", "bbc|arabic"};
  Vertex v_iraq = AddActor(g, iraq);

  ActorNode pm;
  pm.id = "mustafa_al_kadhimi";
  pm.label = "مصطفى الكاظمي";
  pm.label_en = "Mustafa al-Kadhimi";
  pm.type = "person";
  pm.country = "iraq";
  pm.mentions_by_date = {{"2021-01-01", 1}, {"2021-01-02", 2}};
  Vertex v_pm = AddActor(g, pm);

  ActorNode hezbollah;
  hezbollah.id = "hezbollah";
  hezbollah.label = "حزب الله";
  hezbollah.label_en = "Hezbollah";
  hezbollah.type = "group";
  hezbollah.country = "lebanon";
  hezbollah.mentions_by_date = {{"2021-02-10", 4}};
  Vertex v_hez = AddActor(g, hezbollah);

  ActorNode nasty;  // no dated documents
  nasty.id = "node";
  nasty.label = kNastyLabel;
  nasty.label_en = "graph";
  nasty.type = "group";
  nasty.mentions = 2;
  Vertex v_nasty = AddActor(g, nasty);

  ActorEdge e1;
  e1.count_by_date = {{"2021-01-01", 1}, {"2021-01-02", 2}};
  e1.evidence = {
      {"doc-001", "2021-01-01", 0, 0, 120, "استقبل رئيس الوزراء مصطفى الكاظمي في بغداد",
       "aljazeera", "https://example.org/a?x=1&y=2"},
      {"doc-002", "2021-01-02", 3, 400, 512, "قال الكاظمي إن \"العراق\" <&>", "bbc|arabic", ""}};
  e1.sources = {"aljazeera", "bbc|arabic"};
  AddCooc(g, v_pm, v_iraq, e1);  // added in reverse id order on purpose

  ActorEdge e2;
  e2.count_by_date = {{"2021-02-10", 1}};
  e2.evidence = {{"doc-003", "2021-02-10", 1, 10, 90, "حزب الله والعراق", "", ""}};
  AddCooc(g, v_hez, v_iraq, e2);

  ActorEdge e3;  // undated, a weight that needs full precision
  e3.weight = 1234567.891;
  e3.count = 1234567;
  e3.evidence = {
      {"doc-004", "", 0, 0, 10, std::string("bad \xFF byte, ctl \x01 and \"q\"\nline"), "", ""}};
  AddCooc(g, v_nasty, v_iraq, e3);
  return g;
}

std::string NastyLabelCleaned() { return CleanText(kNastyLabel); }

void WriteExpected(const Graph& g, const std::filesystem::path& path) {
  nlohmann::json j;
  j["nodes"] = boost::num_vertices(g);
  j["edges"] = boost::num_edges(g);
  for (Vertex v : SortedVertices(g)) {
    const ActorNode& n = g[v];
    j["node"][CleanText(n.id)] = {{"label", CleanText(n.label)},
                                  {"label_en", CleanText(n.label_en)},
                                  {"type", n.type},
                                  {"mentions", n.mentions},
                                  {"dated", !n.mentions_by_date.empty()}};
  }
  for (Edge e : SortedEdges(g)) {
    std::string s = g[boost::source(e, g)].id, t = g[boost::target(e, g)].id;
    if (t < s) std::swap(s, t);
    j["edge"].push_back({{"source", s},
                         {"target", t},
                         {"weight", g[e].weight},
                         {"cooc_count", g[e].count},
                         {"evidence", g[e].evidence.size()}});
  }
  WriteFile(path, j.dump(2));
}

InteropResult RunInteropCheck(const std::string& format, const std::filesystem::path& path,
                              const Graph& g) {
  auto expected = path.parent_path() / "expected.json";
  WriteExpected(g, expected);
  auto r = Run("python3 " + ShellQuote(SourcePath("tests/interop_check.py").string()) + " " +
               ShellQuote(format) + " " + ShellQuote(path.string()) + " " +
               ShellQuote(expected.string()));
  return {r.exit_code, r.out + r.err};
}

}  // namespace actorgraph::testing
