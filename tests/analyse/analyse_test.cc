#include "actorgraph/analyse/analyse.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "actorgraph/base/error.h"
#include "actorgraph/export/xml_writer.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::ReadFile;
using testing::RunCli;
using testing::ShellQuote;

std::filesystem::path Build(const std::string& name, const std::string& args) {
  auto dir = testing::TempDir(name);
  auto r = RunCli("build -q -o " + ShellQuote(dir.string()) +
                  " --format graphml,gexf,dot,json,csv " + args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return dir;
}

TEST(Analyse, ParsesTheBackboneSpec) {
  EXPECT_EQ(ParseBackbone(""), 0.0);
  EXPECT_EQ(ParseBackbone("none"), 0.0);
  EXPECT_DOUBLE_EQ(ParseBackbone("disparity:0.05"), 0.05);
  for (const char* bad : {"disparity:", "disparity:1", "disparity:0", "disparity:x", "serrano"}) {
    EXPECT_THROW(ParseBackbone(bad), Error) << bad;
  }
}

// Same input and options: byte-identical files on every run and for any thread count.
TEST(Analyse, OutputsAreByteIdenticalAcrossRunsAndThreads) {
  const std::string opts = "--backbone disparity:0.3 --weight association --layout fixed";
  auto one = Build("analyse_t1", "--threads 1 " + opts);
  auto two = Build("analyse_t2", "--threads 2 " + opts);
  auto again = Build("analyse_t2b", "--threads 2 " + opts);
  for (const char* f :
       {"actors.graphml", "actors.gexf", "actors.dot", "actors.json", "nodes.csv", "edges.csv"}) {
    std::string a = ReadFile(one / f);
    EXPECT_EQ(a, ReadFile(two / f)) << f;
    EXPECT_EQ(a, ReadFile(again / f)) << f;
  }
}

// The computed positions are in every format and read back as the same numbers.
TEST(Analyse, PositionsArePresentInEveryFormatAndReadBackEqual) {
  auto dir = Build("analyse_positions", "--layout fixed --seed 3");
  auto json = nlohmann::json::parse(ReadFile(dir / "actors.json"));
  std::map<std::string, std::pair<double, double>> pos;
  for (const auto& n : json["nodes"]) {
    ASSERT_TRUE(n.contains("x") && n.contains("y")) << n["id"];
    pos[n["id"]] = {n["x"].get<double>(), n["y"].get<double>()};
  }
  ASSERT_GT(pos.size(), 10u);
  std::set<std::pair<double, double>> distinct;
  for (const auto& [id, p] : pos) distinct.insert(p);
  EXPECT_EQ(distinct.size(), pos.size()) << "actors share a position";

  auto expect = [&](const std::string& what, const std::string& id, double x, double y) {
    ASSERT_TRUE(pos.count(id)) << what << " " << id;
    EXPECT_EQ(x, pos[id].first) << what << " x of " << id;
    EXPECT_EQ(y, pos[id].second) << what << " y of " << id;
  };
  size_t seen = 0;
  std::string gexf = ReadFile(dir / "actors.gexf");
  std::regex gexf_node(R"re(<node id="([^"]+)"[\s\S]*?<viz:position x="([^"]+)" y="([^"]+)")re");
  for (std::sregex_iterator it(gexf.begin(), gexf.end(), gexf_node), end; it != end; ++it, ++seen)
    expect("gexf", (*it)[1], std::stod((*it)[2]), std::stod((*it)[3]));
  EXPECT_EQ(seen, pos.size());

  std::string graphml = ReadFile(dir / "actors.graphml");
  std::regex graphml_node(
      R"re(<node id="([^"]+)">[\s\S]*?<data key="x">([^<]+)</data>\s*<data key="y">([^<]+)</data>)re");
  seen = 0;
  for (std::sregex_iterator it(graphml.begin(), graphml.end(), graphml_node), end; it != end;
       ++it, ++seen)
    expect("graphml", (*it)[1], std::stod((*it)[2]), std::stod((*it)[3]));
  EXPECT_EQ(seen, pos.size());

  std::string dot = ReadFile(dir / "actors.dot");
  EXPECT_NE(dot.find("layout=\"neato\""), std::string::npos);
  std::regex dot_node(R"re(\n  "([^"]+)" \[[^\n]*pos="([^,"]+),([^!"]+)!")re");
  seen = 0;
  for (std::sregex_iterator it(dot.begin(), dot.end(), dot_node), end; it != end; ++it, ++seen)
    expect("dot", (*it)[1], std::stod((*it)[2]), std::stod((*it)[3]));
  EXPECT_EQ(seen, pos.size());

  // CSV: x and y columns.
  std::string csv = ReadFile(dir / "nodes.csv");
  std::string header = csv.substr(0, csv.find('\n'));
  EXPECT_NE(header.find(",x,y,size"), std::string::npos) << header;

  // Without --layout fixed DOT keeps Graphviz's own layout.
  auto free = Build("analyse_free", "");
  EXPECT_EQ(ReadFile(free / "actors.dot").find("pos="), std::string::npos);
}

// The measure columns and viz:position keep the files valid against the GraphML XSD and the GEXF
// 1.3 RelaxNG schema.
TEST(Analyse, AnalysedFilesValidateAgainstTheSchemas) {
  if (!testing::HaveProgram("xmllint")) GTEST_SKIP() << "xmllint not installed";
  auto dir = Build("analyse_schemas", "--weight npmi");
  auto xsd = testing::Run(
      "xmllint --noout --nonet --schema " +
      ShellQuote(testing::SourcePath("tests/data/schemas/graphml/graphml.xsd").string()) + " " +
      ShellQuote((dir / "actors.graphml").string()));
  EXPECT_EQ(xsd.exit_code, 0) << xsd.err;
  auto rng =
      testing::Run("xmllint --noout --nonet --relaxng " +
                   ShellQuote(testing::SourcePath("tests/data/schemas/gexf13/gexf.rng").string()) +
                   " " + ShellQuote((dir / "actors.gexf").string()));
  EXPECT_EQ(rng.exit_code, 0) << rng.err;
}

// GEXF's per-date dynamic weight is the count: it is written only while the weight is the count.
// A dated GEXF keeps its timeline in spells under every weight measure, with one attributes block
// per class (graphology-gexf, Gephi Lite's reader, reads only the last block of a class).
TEST(Analyse, GexfTimelineIsSpellsUnderEveryWeight) {
  auto dir = testing::TempDir("analyse_dynamic");
  testing::WriteFile(
      dir / "in.jsonl",
      R"({"id":"a","date":"2020-05-01","text":"التقى الكاظمي بايدن في واشنطن."})"
      "\n"
      R"({"id":"b","date":"2021-02-01","text":"اتصل الكاظمي ببايدن. وناقش العراق وإيران الأمن."})"
      "\n");
  for (const char* weight : {"count", "npmi"}) {
    auto out = dir / weight;
    auto r = RunCli("build -q -o " + ShellQuote(out.string()) + " --format gexf --weight " +
                    weight + " " + ShellQuote((dir / "in.jsonl").string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string gexf = ReadFile(out / "actors.gexf");
    EXPECT_NE(gexf.find("<spells>"), std::string::npos) << weight;
    size_t first = gexf.find("<attributes class=\"edge\"");
    ASSERT_NE(first, std::string::npos) << weight;
    EXPECT_EQ(gexf.find("<attributes class=\"edge\"", first + 1), std::string::npos) << weight;
  }
}

TEST(Analyse, GraphvizRendersThePinnedLayout) {
  if (!testing::HaveProgram("dot")) GTEST_SKIP() << "graphviz not installed";
  auto dir = Build("analyse_render", "--layout fixed --color-by community");
  auto r = testing::Run("dot -Tsvg " + ShellQuote((dir / "actors.dot").string()) + " -o " +
                        ShellQuote((dir / "actors.svg").string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(Analyse, SummaryReportsEachPruningStep) {
  auto dir = testing::TempDir("analyse_summary");
  auto r = RunCli("build -o " + ShellQuote(dir.string()) +
                  " --min-weight 2 --backbone disparity:0.2 --top-edges 4");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("pruned:    min-weight 2 removed "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("pruned:    backbone disparity:0.2 removed "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("pruned:    top-edges 4 removed "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("edges:     4 "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("communities: "), std::string::npos) << r.out;
}

TEST(Analyse, RejectsBadOptionsBeforeReading) {
  auto dir = testing::TempDir("analyse_bad");
  auto r = RunCli("build -o " + ShellQuote(dir.string()) + " --weight tfidf");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("--weight: 'tfidf' is not one of"), std::string::npos) << r.err;
  r = RunCli("build -o " + ShellQuote(dir.string()) + " --layout spring");
  EXPECT_NE(r.err.find("--layout: 'spring' is not one of auto, fixed"), std::string::npos) << r.err;
}

TEST(Analyse, StatsPrintsTheSummaryInThreeFormats) {
  auto r = RunCli("stats -q --format json --show 3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["nodes"], 28);
  EXPECT_EQ(j["edges"], 96);
  EXPECT_EQ(j["components"], 1);
  EXPECT_GT(j["modularity"].get<double>(), 0.0);
  ASSERT_EQ(j["top"]["betweenness"].size(), 3u);
  EXPECT_EQ(j["top"]["betweenness"][0]["id"], "iraq");
  // The same numbers as the GraphML that build writes.
  auto dir = Build("analyse_stats", "");
  std::string graphml = ReadFile(dir / "actors.graphml");
  EXPECT_NE(graphml.find("<data key=\"modularity\">" + FormatNumber(j["modularity"].get<double>()) +
                         "</data>"),
            std::string::npos);
  auto tsv = RunCli("stats -q --format tsv --show 2");
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  EXPECT_EQ(tsv.out.substr(0, tsv.out.find('\n')), "measure\trank\tid\tlabel_en\tvalue");
  EXPECT_EQ(std::count(tsv.out.begin(), tsv.out.end(), '\n'), 1 + 7 * 2);
  auto text = RunCli("stats -q");
  EXPECT_NE(text.out.find("top by pagerank:"), std::string::npos) << text.out;
  EXPECT_NE(RunCli("stats -q --format xml").exit_code, 0);
}

}  // namespace
}  // namespace actorgraph
