#include "actorgraph/export/html_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "actorgraph/base/error.h"
#include "actorgraph/export/palette.h"
#include "actorgraph/export/xml_writer.h"
#include "actorgraph/text/normalize.h"
#include "sample_graph.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::HaveProgram;
using testing::ShellQuote;
using testing::SourcePath;

std::string Html(const Graph& g, const WriteOptions& options = {}) {
  std::ostringstream out;
  WriteHtml(g, options, out);
  return out.str();
}

// The JSON of <script type="application/json" id="actorgraph-data">.
std::string DataBlock(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"actorgraph-data\">";
  size_t b = html.find(open);
  EXPECT_NE(b, std::string::npos);
  b += open.size();
  size_t e = html.find("</script>", b);
  EXPECT_NE(e, std::string::npos);
  return html.substr(b, e - b);
}

TEST(HtmlWriter, WritesOneSelfContainedPage) {
  auto dir = testing::TempDir("html_page");
  auto files = HtmlWriter().Write(testing::MakeSampleGraph(), dir, WriteOptions{});
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].filename(), "actors.html");
  std::string html = testing::ReadFile(files[0]);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  // d3 and the viewer are inlined; nothing is loaded from elsewhere.
  EXPECT_NE(html.find("forceSimulation"), std::string::npos);
  EXPECT_NE(html.find("function agNormalize"), std::string::npos);
  EXPECT_NE(html.find("Mike Bostock"), std::string::npos);  // d3's licence travels with it
  // (d3 itself names the SVG and XHTML namespace URIs; those are identifiers, not loads.)
  for (const char* external : {" src=", "<link", "@import", "url("})
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  // The data: the node-link JSON plus the view's colours and search keys.
  auto data = nlohmann::json::parse(DataBlock(html));
  EXPECT_EQ(data["nodes"].size(), 4u);
  EXPECT_EQ(data["edges"].size(), 3u);
  EXPECT_EQ(data["view"]["type_color"]["person"], HexColor(QualitativePalette()[0]));
  EXPECT_EQ(data["view"]["color_by"], "type");
  bool found = false;
  for (const auto& l : data["edges"]) {
    if (l["source"] == "iraq" && l["target"] == "mustafa_al_kadhimi") {
      found = true;
      ASSERT_EQ(l["evidence"].size(), 2u);
      EXPECT_EQ(l["evidence"][1]["doc"], "doc-002");
      EXPECT_EQ(l["evidence"][1]["date"], "2021-01-02");
    }
  }
  EXPECT_TRUE(found);
}

TEST(HtmlWriter, NoTextCanEndTheScriptElement) {
  Graph g = testing::MakeSampleGraph();
  Vertex v = boost::add_vertex(g);
  g[v].id = "x</script><script>alert(1)</script>";
  g[v].label = "<!-- <script>";
  g[v].type = "person";
  std::string html = Html(g);
  std::string block = DataBlock(html);
  EXPECT_EQ(block.find('<'), std::string::npos);
  auto data = nlohmann::json::parse(block);
  bool nasty = false, script = false;
  for (const auto& n : data["nodes"]) {
    if (n["id"] == "node") nasty = n["label"] == testing::NastyLabelCleaned();
    if (n["id"] == "x</script><script>alert(1)</script>") script = n["label"] == "<!-- <script>";
  }
  EXPECT_TRUE(nasty);
  EXPECT_TRUE(script);
}

TEST(HtmlWriter, SearchKeysAreTheMatcherNormalisation) {
  Graph g = testing::MakeSampleGraph();
  auto data = nlohmann::json::parse(DataBlock(Html(g)));
  for (Vertex v : SortedVertices(g)) {
    const ActorNode& n = g[v];
    std::string id = CleanText(n.id);
    EXPECT_EQ(data["view"]["search"][id],
              NormalizeString(CleanText(n.label) + "\n" + CleanText(n.label_en) + "\n" + id));
  }
  EXPECT_EQ(data["view"]["search"]["mustafa_al_kadhimi"],
            "مصطفي الكاظمي\nmustafa al-kadhimi\nmustafa_al_kadhimi");
}

TEST(HtmlWriter, SameGraphGivesTheSameBytesAndColourSchemeIsChecked) {
  Graph g = testing::MakeSampleGraph();
  EXPECT_EQ(Html(g), Html(g));
  WriteOptions country;
  country.color_by = "country";
  auto data = nlohmann::json::parse(DataBlock(Html(g, country)));
  EXPECT_EQ(data["view"]["color_by"], "country");
  // The colours and key of the DOT and GEXF writers (palette.h).
  ColorScheme scheme(g, "country");
  for (Vertex v : SortedVertices(g))
    EXPECT_EQ(data["view"]["colors"]["country"][g[v].id], HexColor(scheme.Of(g[v])));
  EXPECT_EQ(data["view"]["colors"]["country"]["node"], HexColor(kNoneColor));  // no country
  const auto& key = data["view"]["keys"]["country"];
  ASSERT_EQ(key.size(), scheme.key().size());
  EXPECT_EQ(key[0]["category"], "iraq");
  EXPECT_EQ(key[0]["label"], "العراق");
  EXPECT_EQ(key[0]["actors"], 2);
  EXPECT_EQ(key.back()["kind"], "none");
  EXPECT_FALSE(data["view"]["colors"].contains("community"));  // the sample is not analysed
  WriteOptions bad;
  bad.color_by = "mood";
  EXPECT_THROW(Html(g, bad), Error);
}

// The search box folds the query in JavaScript; it must agree with the matcher's C++ normalisation
// (the node keys), or an Arabic spelling variant would find nothing.
TEST(HtmlView, JavascriptFoldsQueriesLikeTheMatcher) {
  if (!HaveProgram("node")) {
    if (std::getenv("CI")) FAIL() << "node is not installed";
    GTEST_SKIP() << "node not installed";
  }
  const std::vector<std::string> samples = {
      "مُصْطَفَى الكَاظِمِيّ",                                // harakat, shadda
      "الكاظمى",                                      // alef maksura
      "أإآٱ ا",                                       // alef forms
      "حكومةُ",                                        // teh marbuta
      "العـــراق",                                    // tatweel
      "ﻟﺒﻨﺎﻥ",                                        // presentation forms
      "ؤ ئ ء",                                        // kept
      "٢٠٢١ ۱۴۰۰",                                    // Arabic-Indic and Persian digits
      "پیک چگونه",                                    // Persian letters
      "Kadhimi STRASSE Straße ΣΊΣΥΦΟΣ",               // case folding
      "ﷲ ﷺ ﷼",                                        // ligatures and rial
      "a\u200Bb\u200Fc\u2067d\uFEFFe\u00ADf\u061Cg",  // zero-width and bidi controls
      "ﹰﹱ x",                                         // U+FE70–FE7F
  };
  nlohmann::json in = samples;
  auto dir = testing::TempDir("html_fold");
  testing::WriteFile(dir / "in.json", in.dump());
  std::string script = "const {agNormalize} = require(" +
                       nlohmann::json(SourcePath("src/export/html_view.js").string()).dump() +
                       "); const fs = require('fs'); process.stdout.write(JSON.stringify("
                       "JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).map(agNormalize)));";
  testing::WriteFile(dir / "fold.cjs", script);
  auto r = testing::Run("node " + ShellQuote((dir / "fold.cjs").string()) + " " +
                        ShellQuote((dir / "in.json").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = nlohmann::json::parse(r.out);
  ASSERT_EQ(out.size(), samples.size());
  for (size_t i = 0; i < samples.size(); ++i)
    EXPECT_EQ(out[i].get<std::string>(), NormalizeString(samples[i])) << samples[i];
}

// Runs tests/browser_check.py (headless Chromium) on a page; skips without Chromium outside CI.
testing::CommandResult BrowserCheck(const std::filesystem::path& html, const std::string& args) {
  return testing::Run("python3 " + ShellQuote(SourcePath("tests/browser_check.py").string()) + " " +
                      ShellQuote(html.string()) + " " + args);
}
bool HaveChromium() { return HaveProgram("chromium") || HaveProgram("chromium-browser"); }

TEST(HtmlView, ChromiumDrawsTheNodesAndAClickShowsTheEdgeEvidence) {
  if (!HaveChromium()) {
    if (std::getenv("CI")) FAIL() << "chromium is not installed: scripts/setup.sh installs it";
    GTEST_SKIP() << "chromium not installed (scripts/setup.sh installs it)";
  }
  auto dir = testing::TempDir("html_chromium");
  auto files = HtmlWriter().Write(testing::MakeSampleGraph(), dir, WriteOptions{});
  auto r =
      BrowserCheck(files[0],
                   "--nodes 4 --edge mustafa_al_kadhimi iraq --evidence doc-001 --evidence "
                   "doc-002 --attr body:data-layout=d3-force --attr network:data-color-by=type "
                   "--node iraq --partners hezbollah,mustafa_al_kadhimi,node "
                   "--search " +
                       ShellQuote("الكاظمى") + " --finds mustafa_al_kadhimi");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  // A link that does not exist is an error on the page, which the check reports.
  auto bad = BrowserCheck(files[0], "--nodes 4 --edge hezbollah node");
  EXPECT_EQ(bad.exit_code, 1) << bad.out << bad.err;
  EXPECT_NE(bad.out.find("no such node or edge"), std::string::npos) << bad.out;
}

// Node columns are read generically: when the nodes carry a computed layout (x, y) and a community
// (the analysis columns of the JSON writer), the page keeps the positions and colours by community.
TEST(HtmlView, ChromiumUsesComputedPositionsAndCommunities) {
  if (!HaveChromium()) {
    if (std::getenv("CI")) FAIL() << "chromium is not installed: scripts/setup.sh installs it";
    GTEST_SKIP() << "chromium not installed (scripts/setup.sh installs it)";
  }
  std::string html = Html(testing::MakeSampleGraph());
  const std::string open = "<script type=\"application/json\" id=\"actorgraph-data\">";
  size_t b = html.find(open) + open.size(), e = html.find("</script>", b);
  auto data = nlohmann::json::parse(html.substr(b, e - b));
  int i = 0;
  data["view"]["color_by"] = "community";  // as `build --color-by community` writes it
  for (auto& n : data["nodes"]) {          // a square, two communities
    n["x"] = 100.0 * (i % 2);
    n["y"] = 100.0 * (i / 2);
    n["community"] = i % 2;
    // The writer's community colours (written for analysed graphs only).
    data["view"]["colors"]["community"][n["id"].get<std::string>()] =
        HexColor(QualitativePalette()[i % 2]);
    ++i;
  }
  std::string json = data.dump();
  std::string safe;
  for (char c : json) safe += c == '<' ? std::string("\\u003c") : std::string(1, c);
  auto dir = testing::TempDir("html_columns");
  testing::WriteFile(dir / "actors.html", html.substr(0, b) + safe + html.substr(e));
  auto r = BrowserCheck(dir / "actors.html",
                        "--nodes 4 --edge hezbollah iraq --evidence doc-003 --attr "
                        "body:data-layout=computed --attr network:data-color-by=community");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

// A generated network of 2,000 actors: the layout settles, every node is drawn, a click on a link
// still finds it. (Timings are printed, not asserted: speed belongs in bench/.)
TEST(HtmlView, ChromiumHandlesTwoThousandActors) {
  if (!HaveChromium()) {
    if (std::getenv("CI")) FAIL() << "chromium is not installed: scripts/setup.sh installs it";
    GTEST_SKIP() << "chromium not installed (scripts/setup.sh installs it)";
  }
  Graph g;
  std::mt19937 rng(17);
  const char* types[] = {"person", "state", "group"};
  const int n = 2000;
  for (int i = 0; i < n; ++i) {
    Vertex v = boost::add_vertex(g);
    g[v].id = "a" + std::to_string(10000 + i);
    g[v].label = "فاعل " + std::to_string(i);
    g[v].label_en = "Actor " + std::to_string(i);
    g[v].type = types[i % 3];
    g[v].mentions = 1 + rng() % 50;
  }
  // Preferential attachment (Barabási–Albert with 1 to 4 links per new node): a few hubs, many
  // actors named with only one or two others, as in news.
  std::vector<Vertex> ends = {0, 1};
  Edge first = boost::add_edge(0, 1, g).first;
  g[first].weight = 1;
  g[first].count = 1;
  for (int i = 2; i < n; ++i) {
    for (int k = 0, m = 1 + static_cast<int>(rng() % 4); k < m; ++k) {
      Vertex t = ends[rng() % ends.size()];
      if (t == static_cast<Vertex>(i) || boost::edge(i, t, g).second) continue;
      Edge e = boost::add_edge(i, t, g).first;
      g[e].count = 1 + rng() % 9;
      g[e].weight = static_cast<double>(g[e].count);
      g[e].evidence = {{"doc-" + std::to_string(i), "2024-01-01", 0, 0, 10, "نص الدليل", "", ""}};
      g[i].weighted_degree += g[e].weight;
      g[t].weighted_degree += g[e].weight;
      ends.push_back(i);
      ends.push_back(t);
    }
  }
  ASSERT_GT(boost::num_edges(g), 4000u);
  auto dir = testing::TempDir("html_2000");
  auto files = HtmlWriter().Write(g, dir, WriteOptions{});
  // The link of the last actor that has exactly one: a reader can reach it without other nodes on
  // it.
  Vertex leaf = 0;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
    if (boost::out_degree(v, g) == 1) leaf = v;
  ASSERT_NE(leaf, 0u);
  Edge probe = *boost::out_edges(leaf, g).first;
  std::string a = g[boost::source(probe, g)].id, b = g[boost::target(probe, g)].id;
  std::string doc = g[probe].evidence[0].doc;
  auto r = BrowserCheck(files[0], "--nodes 2000 --edge " + a + " " + b + " --evidence " + doc);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  RecordProperty("chromium", r.out);
  std::cout << "2,000 actors, " << boost::num_edges(g) << " links: " << r.out;
}

}  // namespace
}  // namespace actorgraph
