// End to end on the sample corpus: the CLI's outputs open in xmllint, networkx, igraph and
// Graphviz, name the actors a careful reader finds, and are byte-identical across runs and thread
// counts.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "actorgraph/network/graph_builder.h"
#include "actorgraph/pipeline/pipeline.h"
#include "sample_graph.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::HaveProgram;
using testing::ReadFile;
using testing::Run;
using testing::RunCli;
using testing::ShellQuote;
using testing::SourcePath;
using testing::TempDir;

std::string Corpus() { return ShellQuote(SourcePath("examples/articles").string()); }
std::string Gaz() { return "-g " + ShellQuote(SourcePath("gazetteer").string()); }

// The sample graph built in-process, as the CLI builds it.
Graph SampleGraph() {
  Gazetteer g = Gazetteer::Load({SourcePath("gazetteer")});
  Matcher m(g);
  DocumentReader reader({SourcePath("examples/articles").string()}, {});
  CountOptions co;
  co.threads = 1;
  Cooccurrence counts = CountCorpus(m, reader, co);
  return BuildGraph(counts, g, {});
}

class EndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(TempDir("e2e"));
    auto r = RunCli("build --threads 1 " + Gaz() + " -o " + ShellQuote(dir_->string()) +
                    " --format graphml,gexf,dot,json,csv " + Corpus());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    summary_ = new std::string(r.out);
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete summary_;
  }
  static std::filesystem::path* dir_;
  static std::string* summary_;
};
std::filesystem::path* EndToEnd::dir_ = nullptr;
std::string* EndToEnd::summary_ = nullptr;

TEST_F(EndToEnd, SummaryNamesCountsAndFiles) {
  EXPECT_NE(summary_->find("documents: 5"), std::string::npos) << *summary_;
  EXPECT_NE(summary_->find("top actors by weighted degree"), std::string::npos);
  EXPECT_NE(summary_->find("Mustafa al-Kadhimi"), std::string::npos);
  EXPECT_NE(summary_->find("actors.graphml"), std::string::npos);
  EXPECT_NE(summary_->find("actors.dot"), std::string::npos);
}

TEST(Cli, QuietPrintsNothingButWritesTheFiles) {
  auto dir = TempDir("quiet");
  for (const std::string cmd : {"build -q", "merge -q --threads 2"}) {
    std::string args = cmd == "build -q" ? " --format graphml,partial " + Corpus()
                                         : " " + ShellQuote((dir / "actors.partial.json").string());
    auto r = RunCli(cmd + " " + Gaz() + " -o " + ShellQuote(dir.string()) + args);
    EXPECT_EQ(r.exit_code, 0) << cmd << ": " << r.err;
    EXPECT_EQ(r.out, "") << cmd;
    EXPECT_EQ(r.err, "") << cmd;
  }
  EXPECT_TRUE(std::filesystem::exists(dir / "actors.graphml"));
}

TEST(Cli, EveryCommandTakesTheCommonOptions) {
  for (const std::string cmd : {"build", "mentions", "eval", "explain", "merge", "gazetteer"}) {
    auto r = RunCli(cmd + " --help --threads 1 -q --strict");
    EXPECT_EQ(r.exit_code, 0) << cmd << ": " << r.err;
    // One usage line per help text.
    size_t first = r.out.find("Usage:");
    EXPECT_NE(first, std::string::npos) << cmd;
    EXPECT_EQ(r.out.find("Usage:", first + 1), std::string::npos) << cmd << ":\n" << r.out;
  }
}

// When the system will not start as many threads as asked (here: an address-space limit that 256
// thread stacks of 8 MB exceed), the run ends with one line naming the problem and exit 1, not with
// std::terminate (exit 134), in build and in compare.
TEST(Cli, ThreadsThatCannotStartGiveAnError) {
  for (const char* cmd : {"build", "compare --by source"}) {
    auto r = testing::Run("ulimit -s 8192 && ulimit -v 1500000 && " +
                          testing::ShellQuote(ACTORGRAPH_CLI) + " " + cmd + " --threads 256 -q " +
                          Gaz() + " -o " + testing::TempDir("threads").string() + " " + Corpus());
    EXPECT_EQ(r.exit_code, 1) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("worker threads"), std::string::npos) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("use fewer threads"), std::string::npos) << cmd << ": " << r.err;
  }
}

TEST(Cli, ParseErrorsNameTheOption) {
  auto r = RunCli("build --top -3 " + Gaz() + " " + Corpus());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("--top: '-3' is not a valid value"), std::string::npos) << r.err;
  r = RunCli("build --top=x " + Gaz() + " " + Corpus());
  EXPECT_NE(r.err.find("--top: 'x' is not a valid value"), std::string::npos) << r.err;
  r = RunCli("build --no-such-thing");
  EXPECT_NE(r.err.find("unknown option '--no-such-thing'"), std::string::npos) << r.err;
  // A thread count beyond reason is refused before any memory is set aside for its threads (a
  // new user's --threads 1000000 exhausted memory; 1000 under a memory limit aborted).
  for (const char* cmd : {"build", "mentions", "compare --by source"}) {
    r = RunCli(std::string(cmd) + " --threads 1000000 " + Gaz() + " " + Corpus());
    EXPECT_EQ(r.exit_code, 1) << cmd;
    EXPECT_NE(r.err.find("--threads: '1000000' is more than 256"), std::string::npos)
        << cmd << ": " << r.err;
  }
}

TEST(Cli, ExplainReadsTheInputsOption) {
  auto r = RunCli("explain " + Gaz() + " mustafa_al_kadhimi Biden --inputs /no/such/folder");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("/no/such/folder"), std::string::npos) << r.err;
  r = RunCli("explain " + Gaz() + " --window document mustafa_al_kadhimi Biden --inputs " +
             Corpus());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("documents in"), std::string::npos) << r.out;
}

TEST_F(EndToEnd, GraphmlValidatesAgainstTheXsd) {
  if (!HaveProgram("xmllint")) GTEST_SKIP() << "xmllint not installed";
  auto r = testing::Run("xmllint --noout --schema " +
                        ShellQuote(SourcePath("tests/data/schemas/graphml/graphml.xsd").string()) +
                        " " + ShellQuote((*dir_ / "actors.graphml").string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(EndToEnd, GexfValidatesAgainstTheRelaxNg) {
  if (!HaveProgram("xmllint")) GTEST_SKIP() << "xmllint not installed";
  auto r = testing::Run("xmllint --noout --relaxng " +
                        ShellQuote(SourcePath("tests/data/schemas/gexf13/gexf.rng").string()) +
                        " " + ShellQuote((*dir_ / "actors.gexf").string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(EndToEnd, NetworkxAndIgraphReadTheSameGraph) {
  if (!HaveProgram("python3")) GTEST_SKIP() << "python3 not installed";
  Graph g = SampleGraph();
  for (const char* fmt : {"graphml", "gexf", "json"}) {
    auto copy = TempDir(std::string("interop_") + fmt) / (std::string("actors.") + fmt);
    std::filesystem::copy_file(*dir_ / (std::string("actors.") + fmt), copy);
    auto r = testing::RunInteropCheck(fmt, copy, g);
    EXPECT_EQ(r.exit_code, 0) << fmt << ": " << r.message;
  }
}

// Gephi Lite and sigma.js tools read files through graphology's parsers (tests/js, installed by
// scripts/setup.sh test): counts, labels, weights, evidence, colours and positions must survive.
TEST_F(EndToEnd, GraphologyReadsGexfAndGraphml) {
  if (!std::filesystem::exists(SourcePath("tests/js/node_modules/graphology")) ||
      !HaveProgram("node")) {
    if (std::getenv("CI"))
      FAIL() << "graphology is not installed: scripts/setup.sh test installs it";
    GTEST_SKIP() << "graphology not installed (scripts/setup.sh test installs it)";
  }
  Graph g = SampleGraph();
  for (const char* fmt : {"gexf", "graphml"}) {
    auto copy = TempDir(std::string("graphology_") + fmt) / (std::string("actors.") + fmt);
    std::filesystem::copy_file(*dir_ / (std::string("actors.") + fmt), copy);
    auto r = testing::RunInteropCheck(std::string("graphology-") + fmt, copy, g);
    EXPECT_EQ(r.exit_code, 0) << fmt << ": " << r.message;
    EXPECT_EQ(r.message, std::string("graphology-") + fmt + ": ok\n");
  }
}

// The HTML view of the sample corpus in headless Chromium: every actor drawn, no script error, a
// click on the strongest link lists its evidence; the screenshot is what docs/html-view.png shows.
TEST(Cli, HtmlViewOfTheSampleCorpusShowsLinkEvidenceInChromium) {
  if (!HaveProgram("chromium")) {
    if (std::getenv("CI")) FAIL() << "chromium is not installed: scripts/setup.sh installs it";
    GTEST_SKIP() << "chromium not installed (scripts/setup.sh installs it)";
  }
  auto dir = TempDir("e2e_html");
  auto r = RunCli("build -q " + Gaz() + " --format html,json -o " + ShellQuote(dir.string()) + " " +
                  Corpus());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto data = nlohmann::json::parse(ReadFile(dir / "actors.json"));
  const nlohmann::json* top = nullptr;
  for (const auto& l : data["edges"])
    if (!top || l["weight"].get<double>() > (*top)["weight"].get<double>()) top = &l;
  ASSERT_NE(top, nullptr);
  auto check = testing::Run(
      "python3 " + ShellQuote(SourcePath("tests/browser_check.py").string()) + " " +
      ShellQuote((dir / "actors.html").string()) + " --nodes " +
      std::to_string(data["nodes"].size()) + " --edge " + (*top)["source"].get<std::string>() +
      " " + (*top)["target"].get<std::string>() + " --evidence " +
      (*top)["evidence"][0]["doc"].get<std::string>() + " --search " + ShellQuote("كاظمى") +
      " --finds mustafa_al_kadhimi" + " --screenshot " + ShellQuote((dir / "actors.png").string()));
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

TEST_F(EndToEnd, DotRendersWithGraphviz) {
  if (!HaveProgram("dot")) GTEST_SKIP() << "graphviz not installed";
  auto r = testing::Run("dot -Tsvg " + ShellQuote((*dir_ / "actors.dot").string()) + " -o " +
                        ShellQuote((*dir_ / "actors.svg").string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadFile(*dir_ / "actors.svg").find("الكاظمي"), std::string::npos);
}

TEST_F(EndToEnd, KadhimiAndBidenAreLinkedBySample001) {
  auto j = nlohmann::json::parse(ReadFile(*dir_ / "actors.json"));
  bool found = false;
  for (const auto& l : j["edges"]) {
    std::set<std::string> ends = {l["source"], l["target"]};
    if (ends != std::set<std::string>{"joe_biden", "mustafa_al_kadhimi"}) continue;
    found = true;
    EXPECT_GE(l["weight"].get<double>(), 3);
    bool from_001 = false;
    for (const auto& ev : l["evidence"])
      if (ev["doc"].get<std::string>().starts_with("001_")) from_001 = true;
    EXPECT_TRUE(from_001);
  }
  EXPECT_TRUE(found);
  // Concrete actors and edges a reader expects in the sample network.
  std::set<std::string> ids;
  for (const auto& n : j["nodes"]) ids.insert(n["id"]);
  for (const char* id : {"iraq", "iran", "united_states", "ali_khamenei", "qasem_soleimani",
                         "kataib_hezbollah", "popular_mobilization_forces", "islamic_state"})
    EXPECT_TRUE(ids.count(id)) << id;
  EXPECT_FALSE(ids.count("hezbollah"));  // "حزب الله" العراقي is Kataib Hezbollah
}

TEST_F(EndToEnd, OutputIsByteIdenticalAcrossRunsAndThreadCounts) {
  auto other = TempDir("e2e_threads");
  auto r = RunCli("build -q --threads 2 " + Gaz() + " -o " + ShellQuote(other.string()) +
                  " --format graphml,gexf,dot,json,csv " + Corpus());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f :
       {"actors.graphml", "actors.gexf", "actors.dot", "actors.json", "nodes.csv", "edges.csv"})
    EXPECT_EQ(ReadFile(*dir_ / f), ReadFile(other / f)) << f;
}

// --min-weight leaves actors without an edge: the DOT picture drops them unless --keep-isolated,
// GraphML keeps every actor either way.
TEST(Cli, DotDropsIsolatedActorsUnlessKeepIsolated) {
  auto out = TempDir("isolated"), kept = TempDir("isolated_kept");
  std::string common = "build -q " + Gaz() + " --top 16 --min-weight 2 --format graphml,json,dot ";
  auto r = RunCli(common + "-o " + ShellQuote(out.string()) + " " + Corpus());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunCli(common + "--keep-isolated -o " + ShellQuote(kept.string()) + " " + Corpus());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(ReadFile(out / "actors.json"));
  std::set<std::string> linked, isolated;
  for (const auto& e : j["edges"]) linked.insert(e["source"]), linked.insert(e["target"]);
  for (const auto& n : j["nodes"])
    if (!linked.count(n["id"])) isolated.insert(n["id"]);
  ASSERT_FALSE(isolated.empty()) << "the sample has no actor left without an edge";
  std::string dot = ReadFile(out / "actors.dot"), dot_kept = ReadFile(kept / "actors.dot");
  for (const std::string& id : isolated) {
    EXPECT_EQ(dot.find("\n  \"" + id + "\" [label="), std::string::npos) << id;
    EXPECT_NE(dot_kept.find("\n  \"" + id + "\" [label="), std::string::npos) << id;
    EXPECT_NE(ReadFile(out / "actors.graphml").find("<node id=\"" + id + "\""), std::string::npos);
  }
  for (const std::string& id : linked)
    EXPECT_NE(dot.find("\n  \"" + id + "\" [label="), std::string::npos) << id;
}

TEST(Cli, RenderRunsGraphvizCairoOrSaysHowToInstallIt) {
  auto out = TempDir("render");
  auto r = RunCli("build -q " + Gaz() + " --format graphml --render svg -o " +
                  ShellQuote(out.string()) + " " + Corpus());
  if (HaveProgram("dot")) {
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(std::filesystem::exists(out / "actors.dot"));  // --render implies dot
    EXPECT_NE(ReadFile(out / "actors.svg").find("<svg"), std::string::npos);
  }
  auto missing =
      testing::Run("PATH=/nonexistent " + ShellQuote(ACTORGRAPH_CLI) + " build -q " + Gaz() +
                   " --render png -o " + ShellQuote(out.string()) + " " + Corpus());
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("apt-get install graphviz"), std::string::npos) << missing.err;
  // An empty value is not "no --render".
  auto empty =
      RunCli("build -q " + Gaz() + " --render '' -o " + ShellQuote(out.string()) + " " + Corpus());
  EXPECT_EQ(empty.err, "actorgraph: error: --render: '' is not one of png, svg\n");
}

// A partial graph is counted before pruning and weighting: those options given with --format
// partial alone do nothing, and a warning says where they belong.
TEST(Cli, NetworkOptionsWithAPartialAloneAreSaidToBelongToMerge) {
  auto out = TempDir("partial_opts");
  auto r = RunCli("build " + Gaz() + " --format partial --top 5 --min-weight 2 -o " +
                  ShellQuote(out.string()) + " " + Corpus());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("actorgraph: warning: --min-weight, --top shape networks, and a partial "
                       "graph holds the counts before them: give them to the merge that builds the "
                       "network\n"),
            std::string::npos)
      << r.err;
  auto plain = RunCli("build " + Gaz() + " --format partial -o " + ShellQuote(out.string()) + " " +
                      Corpus());
  EXPECT_EQ(plain.err.find("warning"), std::string::npos) << plain.err;
}

TEST_F(EndToEnd, ShardsMergedEqualOneRunByteForByte) {
  auto dir = TempDir("shards");
  auto article = [](const char* stem) {
    return ShellQuote(SourcePath(std::string("examples/articles/") + stem + ".txt").string());
  };
  auto a = RunCli("build -q --format partial " + Gaz() + " -o " + ShellQuote((dir / "a").string()) +
                  " " + article("000_cf551ab84df76352") + " " + article("001_9f79dd596af1e7b3"));
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto b = RunCli("build -q --format partial " + Gaz() + " -o " + ShellQuote((dir / "b").string()) +
                  " " + article("002_563b2110fc4b1849") + " " + article("003_bb13758cecb88c54") +
                  " " + article("004_f6cd3fd2a862a221"));
  ASSERT_EQ(b.exit_code, 0) << b.err;
  auto m = RunCli("merge " + Gaz() + " --format graphml,gexf,dot,json,csv -o " +
                  ShellQuote((dir / "merged").string()) + " " +
                  ShellQuote((dir / "a" / "actors.partial.json").string()) + " " +
                  ShellQuote((dir / "b" / "actors.partial.json").string()));
  ASSERT_EQ(m.exit_code, 0) << m.err;
  for (const char* f :
       {"actors.graphml", "actors.gexf", "actors.dot", "actors.json", "nodes.csv", "edges.csv"})
    EXPECT_EQ(ReadFile(*dir_ / f), ReadFile(dir / "merged" / f)) << f;
}

TEST(Cli, EvalOnTheSampleGoldHasHighF1AndNoFalseHits) {
  auto r = RunCli("eval -q " + Gaz() + " --gold " +
                  ShellQuote(SourcePath("examples/gold.json").string()) + " " + Corpus());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      r.out, m,
      std::regex("overall +P ([0-9.]+) +R ([0-9.]+) +F1 ([0-9.]+) +\\(tp (\\d+), fp (\\d+)")))
      << r.out;
  EXPECT_GE(std::stod(m[3]), 0.98) << r.out;
  EXPECT_EQ(m[5], "0") << r.out;
  EXPECT_EQ(r.out.find("false hits:"), std::string::npos) << r.out;
}

TEST(Cli, GazetteerCheckReportsAnAliasThatCanNeverMatch) {
  // Issue 10, kind 0/1: a user's alias the matcher cannot produce from its own text is an error.
  auto dir = TempDir("never_match");
  testing::WriteFile(dir / "mine.json", R"j({"actorgraph_gazetteer": 1, "actors": [
    {"id": "hezbollah", "type": "group", "label": {"ar": "حزب الله", "en": "Hezbollah"}},
    {"id": "axis", "type": "group", "label": {"ar": "محور المقاومة", "en": "Axis of Resistance"},
     "aliases": {"en": ["Hezbollah – Amal axis"]}}]})j");
  auto r = RunCli("gazetteer check " + ShellQuote((dir / "mine.json").string()));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("actor 'axis': field 'aliases.en': alias can never match"),
            std::string::npos)
      << r.out;
}

TEST(Cli, ShippedGazetteerPassesTheLinterAndIsLargeEnough) {
  auto r = RunCli("gazetteer check -q " + ShellQuote(SourcePath("gazetteer").string()));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  auto list = RunCli("gazetteer list --format tsv " + ShellQuote(SourcePath("gazetteer").string()));
  ASSERT_EQ(list.exit_code, 0) << list.err;
  std::map<std::string, std::set<std::string>> ids;
  std::istringstream in(list.out);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "id\ttype\tlabel_en\tlabel_ar\talias\tlang\ttier\thow");
  while (std::getline(in, line)) {
    auto tab = line.find('\t');
    auto tab2 = line.find('\t', tab + 1);
    ids[line.substr(tab + 1, tab2 - tab - 1)].insert(line.substr(0, tab));
  }
  EXPECT_GE(ids["state"].size(), 190u);
  EXPECT_GE(ids["person"].size(), 400u);
  EXPECT_GE(ids["group"].size(), 200u);
}

TEST(Cli, MentionsJsonlHasEveryField) {
  auto r = RunCli("mentions -q --format jsonl " + Gaz() + " " +
                  ShellQuote(SourcePath("examples/articles/001_9f79dd596af1e7b3.txt").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream in(r.out);
  std::string line;
  int n = 0;
  std::string text = ReadFile(SourcePath("examples/articles/001_9f79dd596af1e7b3.txt"));
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    for (const char* k :
         {"doc", "actor", "label_en", "type", "how", "sentence", "start", "end", "surface"})
      ASSERT_TRUE(j.contains(k)) << k;
    EXPECT_EQ(
        text.substr(j["start"].get<size_t>(), j["end"].get<size_t>() - j["start"].get<size_t>()),
        j["surface"].get<std::string>());
    ++n;
  }
  EXPECT_GT(n, 20);
}

TEST(Cli, ExplainPrintsTheEvidence) {
  auto r = RunCli("explain -q " + Gaz() + " mustafa_al_kadhimi Biden " + Corpus());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Joe Biden (joe_biden)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("001_9f79dd596af1e7b3"), std::string::npos) << r.out;
}

// Media are left out of networks by default, but an actor named to explain is looked for whatever
// its type: "never named together" would be wrong. With --types leaving it out, an error says so.
TEST(Cli, ExplainLooksForTheActorsNamedWhateverTheirType) {
  auto dir = TempDir("explain_media");
  testing::WriteFile(dir / "aj.txt", "قالت قناة الجزيرة إن العراق يستعد للانتخابات.\n");
  auto r =
      RunCli("explain -q " + Gaz() + " al_jazeera iraq " + ShellQuote((dir / "aj.txt").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "Al Jazeera (al_jazeera) - Iraq (iraq): 1 sentence in 1 document");
  auto typed = RunCli("explain -q " + Gaz() + " --types person,state al_jazeera iraq " +
                      ShellQuote((dir / "aj.txt").string()));
  EXPECT_EQ(typed.exit_code, 1);
  EXPECT_EQ(typed.err,
            "actorgraph: error: explain: al_jazeera is a media actor, which --types person,state "
            "leaves out\n");
}

TEST(Cli, HelpListsEveryOptionWithItsDefault) {
  auto top = RunCli("--help");
  EXPECT_EQ(top.exit_code, 0);
  for (const char* c : {"build", "mentions", "eval", "explain", "gazetteer"})
    EXPECT_NE(top.out.find(c), std::string::npos) << c;
  auto r = RunCli("build --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* o :
       {"--gazetteer", "--output", "(default: output)", "--window", "(default: sentence)",
        "--min-weight", "--format", "(default: graphml,dot)", "--threads", "--strict", "--top"})
    EXPECT_NE(r.out.find(o), std::string::npos) << o;
  auto unknown = RunCli("bogus");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err, "actorgraph: error: unknown command 'bogus' (see 'actorgraph --help')\n");
  auto empty = RunCli("gazetteer suggest -q -o '' " + Corpus());
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_EQ(empty.err, "actorgraph: error: -o/--output: empty path (name a file)\n");
}

TEST(Cli, MissingInputFailsWithOneLine) {
  auto r = RunCli("build -q " + Gaz() + " -o " + ShellQuote(TempDir("out").string()) +
                  " /no/such/article.txt");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(r.err, "actorgraph: error: /no/such/article.txt: no such file or folder\n");
}

TEST(Cli, InvalidUtf8IsSkippedAndCountedOrFailsUnderStrict) {
  auto in = TempDir("bad_utf8");
  testing::WriteFile(in / "bad.txt", "الكاظمي \xff بايدن");
  testing::WriteFile(in / "good.txt", "التقى الكاظمي بايدن في واشنطن.");
  auto out = TempDir("out");
  auto r =
      RunCli("build " + Gaz() + " -o " + ShellQuote(out.string()) + " " + ShellQuote(in.string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("bad.txt: byte 15: invalid UTF-8"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("documents: 1 (1 skipped)"), std::string::npos) << r.out;
  auto strict = RunCli("build --strict " + Gaz() + " -o " + ShellQuote(TempDir("o2").string()) +
                       " " + ShellQuote(in.string()));
  EXPECT_NE(strict.exit_code, 0);
  EXPECT_NE(strict.err.find("bad.txt: byte 15"), std::string::npos) << strict.err;
}

TEST(Cli, MalformedJsonlNamesFileAndLine) {
  auto in = TempDir("jsonl");
  testing::WriteFile(in / "c.jsonl", "{\"text\": \"الكاظمي\"}\n{not json\n");
  auto r = RunCli("build --strict " + Gaz() + " -o " + ShellQuote(TempDir("o").string()) + " " +
                  ShellQuote((in / "c.jsonl").string()));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("c.jsonl:2: malformed JSON"), std::string::npos) << r.err;
}

TEST(Cli, EmptyCorpusFails) {
  auto in = TempDir("empty");
  auto r = RunCli("build -q " + Gaz() + " -o " + ShellQuote(TempDir("o").string()) + " " +
                  ShellQuote(in.string()));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("no documents"), std::string::npos) << r.err;
}

TEST(Cli, MalformedGazetteerNamesFileEntryAndField) {
  auto dir = TempDir("gaz");
  testing::WriteFile(dir / "bad.json", R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "x", "type": "person", "label": {"ar": "س", "en": "X"}, "aliases": {"ar": [7]}}]})");
  auto r = RunCli("build -q -g " + ShellQuote((dir / "bad.json").string()) + " " + Corpus());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("bad.json: actor 'x': field 'aliases.ar[0]'"), std::string::npos) << r.err;
}

TEST(Cli, UnwritableOutputFolderFailsAndLeavesOldFilesIntact) {
  auto out = TempDir("ro");
  testing::WriteFile(out / "actors.graphml", "old");
  // A folder below a regular file can never be created, whoever runs the test (root included).
  auto r = RunCli("build -q " + Gaz() + " -o " +
                  ShellQuote((out / "actors.graphml" / "x").string()) + " " + Corpus());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("x: cannot create the output folder: "), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(out / "actors.graphml"), "old");
}

// mkdir -p's "File exists" would not say why: the link to nothing is named.
TEST(Cli, OutputFolderThroughADanglingLinkNamesTheLink) {
  namespace fs = std::filesystem;
  auto dir = TempDir("dangling_out");
  fs::create_symlink("missing", dir / "out");
  for (const fs::path& o : {dir / "out", dir / "out" / "x"}) {
    auto r = RunCli("build -q " + Gaz() + " -o " + ShellQuote(o.string()) + " " + Corpus());
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(
        r.err.find(o.string() + ": cannot create the output folder: " + (dir / "out").string() +
                   " is a symbolic link to 'missing', which does not exist"),
        std::string::npos)
        << r.err;
  }
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(dir / "out")));
  EXPECT_FALSE(fs::exists(dir / "missing"));
}

TEST(Cli, FailedRunLeavesNoEmptyOutputFolder) {
  auto dir = TempDir("nofolder");
  auto existing = dir / "existing";
  std::filesystem::create_directories(existing);
  for (const auto& cmd : {"build -q " + Gaz() + " -o " + ShellQuote((dir / "new/deeper/").string()),
                          "build -q " + Gaz() + " -o " + ShellQuote(existing.string()),
                          "compare -q " + Gaz() + " -o " + ShellQuote((dir / "cmp").string())}) {
    auto r = RunCli(cmd + " " + ShellQuote((dir / "missing.txt").string()));
    EXPECT_NE(r.exit_code, 0) << cmd;
    EXPECT_NE(r.err.find("missing.txt"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "new")) << "made by the failed run: removed";
  EXPECT_FALSE(std::filesystem::exists(dir / "cmp"));
  EXPECT_TRUE(std::filesystem::is_directory(existing)) << "there before the run: kept";
  auto empty = RunCli("build -q " + Gaz() + " -o '' " + Corpus());
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_EQ(empty.err, "actorgraph: error: -o/--output: empty path (name a folder)\n");
  // A successful run keeps the folder it made.
  auto r =
      RunCli("build -q " + Gaz() + " -o " + ShellQuote((dir / "made").string()) + " " + Corpus());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "made" / "actors.graphml"));
}

TEST(Cli, StandardInputIsOneArticle) {
  auto r = testing::Run("printf 'التقى الكاظمي بايدن.' | " + ShellQuote(ACTORGRAPH_CLI) +
                        " mentions -q " + Gaz() + " --format jsonl -");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"actor\":\"joe_biden\""), std::string::npos) << r.out;
}

}  // namespace
}  // namespace actorgraph
