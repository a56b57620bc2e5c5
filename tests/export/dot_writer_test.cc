#include "actorgraph/export/dot_writer.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
#include "actorgraph/export/palette.h"
#include "sample_graph.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::ReadFile;
using testing::ShellQuote;

std::filesystem::path WriteSample(const std::string& name, const WriteOptions& options = {}) {
  auto dir = testing::TempDir(name);
  auto files = DotWriter().Write(testing::MakeSampleGraph(), dir, options);
  EXPECT_EQ(files, std::vector<std::filesystem::path>{dir / "actors.dot"});
  return dir / "actors.dot";
}

TEST(DotWriter, QuotesAndEscapesEverything) {
  EXPECT_EQ(DotQuote("node"), "\"node\"");
  EXPECT_EQ(DotQuote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(DotQuote("l1\nl2\r\nl3\x0B"), "\"l1\\nl2\\nl3\"");
  EXPECT_EQ(DotQuote("ends with \\"), "\"ends with \\\\\"");
}

TEST(DotWriter, WritesHeaderFontsAndLegend) {
  std::string dot = ReadFile(WriteSample("dot_head"));
  EXPECT_EQ(dot.rfind("graph \"actors\" {\n", 0), 0u);
  EXPECT_NE(dot.find("charset=\"UTF-8\""), std::string::npos);
  EXPECT_NE(dot.find("fontname=\"Noto Naskh Arabic\""), std::string::npos);
  // The legend: the graph label, an HTML table with a swatch per colour and the shapes.
  EXPECT_NE(dot.find("  graph [labelloc=\"t\", labeljust=\"l\", fontsize=\"12\", label=<<table"),
            std::string::npos);
  std::string person = HexColor(QualitativePalette()[0]);
  EXPECT_NE(dot.find("<td bgcolor=\"" + person + "\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("shape: ellipse person, box state, hexagon group"), std::string::npos);
  EXPECT_NE(dot.find("\"node\" [label="), std::string::npos);
  EXPECT_NE(dot.find("\"iraq\" -- \"node\""), std::string::npos);
  EXPECT_NE(dot.find("\"iraq\" [label=\"العراق\", shape=\"box\""), std::string::npos);
  EXPECT_NE(dot.find("penwidth=\"5\""), std::string::npos);  // the heaviest edge
  EXPECT_EQ(dot.find("\x0B"), std::string::npos);
}

TEST(DotWriter, LabelsFollowTheLanguageOption) {
  WriteOptions en;
  en.labels = "en";
  std::string dot = ReadFile(WriteSample("dot_en", en));
  EXPECT_NE(dot.find("\"node\" [label=\"graph\""), std::string::npos);
  WriteOptions both;
  both.labels = "both";
  dot = ReadFile(WriteSample("dot_both", both));
  EXPECT_NE(dot.find("[label=\"العراق\\nIraq\""), std::string::npos);
  WriteOptions bad;
  bad.labels = "fr";
  EXPECT_THROW(DotWriter().Write(testing::MakeSampleGraph(), testing::TempDir("dot_bad"), bad),
               Error);
}

TEST(DotWriter, ColoursByCountryWithAKey) {
  WriteOptions country;
  country.color_by = "country";
  Graph g = testing::MakeSampleGraph();
  g[boost::graph_bundle].country_names["lebanon"] = {"لبنان", "Lebanon"};
  std::ostringstream out;
  WriteDot(g, country, out);
  std::string dot = out.str();
  // Iraq (itself and its prime minister) is the largest country: the first colour; Lebanon (not in
  // the graph, named from the gazetteer) the second; "node" has no country: the pale grey.
  std::string iraq = HexColor(QualitativePalette()[0]), lebanon = HexColor(QualitativePalette()[1]);
  EXPECT_NE(dot.find("\"iraq\" [label=\"العراق\", shape=\"box\", fillcolor=\"" + iraq + "\""),
            std::string::npos)
      << dot;
  EXPECT_NE(
      dot.find("\"hezbollah\" [label=\"حزب الله\", shape=\"hexagon\", fillcolor=\"" + lebanon),
      std::string::npos);
  EXPECT_NE(dot.find("fillcolor=\"" + HexColor(kNoneColor) + "\""), std::string::npos);
  // The key names each colour (in the --labels language) with its number of actors.
  auto row = [](const std::string& color, const std::string& name, int n) {
    return "<td bgcolor=\"" + color +
           "\" width=\"18\" height=\"12\" fixedsize=\"true\"></td><td align=\"left\">" + name +
           "</td><td width=\"12\"></td><td align=\"right\">" + std::to_string(n) + "</td>";
  };
  EXPECT_NE(dot.find(row(iraq, "العراق", 2)), std::string::npos) << dot;
  EXPECT_NE(dot.find(row(lebanon, "لبنان", 1)), std::string::npos);
  EXPECT_NE(dot.find(row(HexColor(kNoneColor), "بلا دولة", 1)), std::string::npos);
  country.labels = "en";
  std::ostringstream en;
  WriteDot(g, country, en);
  EXPECT_NE(en.str().find(row(lebanon, "Lebanon", 1)), std::string::npos);
  EXPECT_NE(en.str().find(row(HexColor(kNoneColor), "no country", 1)), std::string::npos);
}

TEST(DotWriter, LabelsContrastWithTheFill) {
  WriteOptions type;
  std::string dot = ReadFile(WriteSample("dot_contrast", type));
  // person: red, white text; group: violet, white text; state: green.
  Rgb person = QualitativePalette()[0];
  EXPECT_NE(dot.find("fillcolor=\"" + HexColor(person) + "\", fontcolor=\"" +
                     HexColor(TextColorOn(person)) + "\""),
            std::string::npos);
}

Graph WithIsolated() {
  Graph g = testing::MakeSampleGraph();
  ActorNode lonely;
  lonely.id = "lonely";
  lonely.label = "وحيد";
  lonely.type = "person";
  lonely.country = "chad";
  boost::add_vertex(lonely, g);
  return g;
}

TEST(DotWriter, DropsIsolatedActorsUnlessKept) {
  Graph g = WithIsolated();
  WriteOptions country;
  country.color_by = "country";
  std::ostringstream dropped;
  WriteDot(g, country, dropped);
  EXPECT_EQ(dropped.str().find("\"lonely\""), std::string::npos);
  EXPECT_NE(dropped.str().find("\"iraq\" [label="), std::string::npos);
  // Chad's only actor is not drawn, so the key does not list Chad's colour.
  EXPECT_EQ(dropped.str().find(">chad<"), std::string::npos) << dropped.str();
  country.keep_isolated = true;
  std::ostringstream kept;
  WriteDot(g, country, kept);
  EXPECT_NE(kept.str().find("\"lonely\" [label=\"وحيد\""), std::string::npos);
  EXPECT_NE(kept.str().find(">chad<"), std::string::npos);
}

TEST(DotWriter, LegendIsNoNodeSoAnyActorIdIsSafe) {
  Graph g = testing::MakeSampleGraph();
  ActorNode n;
  n.id = "legend:person";
  n.type = "person";
  boost::add_vertex(n, g);
  WriteOptions keep;
  keep.keep_isolated = true;
  std::ostringstream out;
  WriteDot(g, keep, out);
  EXPECT_NE(out.str().find("\"legend:person\" [label=\"legend:person\""), std::string::npos);
  EXPECT_NE(out.str().find("label=<<table"), std::string::npos);
}

TEST(DotWriter, ForceLayoutWithoutOverlapsAndSfdpForLargeGraphs) {
  std::string dot = ReadFile(WriteSample("dot_layout"));
  EXPECT_NE(dot.find("layout=\"neato\", overlap=\"prism\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("splines=\"true\""), std::string::npos);
  EXPECT_NE(dot.find("pack=\"24\""), std::string::npos);
  // 400 actors in a ring: sfdp, straight edges (spline routing is slow at that size).
  Graph ring;
  for (int i = 0; i < 400; ++i) {
    ActorNode n;
    n.id = std::to_string(1000 + i);  // (not "a" + ...: GCC 12 warns falsely, -Wrestrict)
    n.type = "person";
    boost::add_vertex(n, ring);
  }
  for (int i = 0; i < 400; ++i) {
    ActorEdge e;
    e.weight = 1 + i % 7;
    boost::add_edge(i, (i + 1) % 400, e, ring);
  }
  std::ostringstream out;
  WriteDot(ring, WriteOptions{}, out);
  EXPECT_NE(out.str().find("layout=\"sfdp\""), std::string::npos);
  EXPECT_NE(out.str().find("splines=\"line\""), std::string::npos);
}

TEST(DotWriter, IsByteIdenticalAcrossWrites) {
  EXPECT_EQ(ReadFile(WriteSample("dot_a")), ReadFile(WriteSample("dot_b")));
}

TEST(DotWriter, GraphvizRendersSvgWithTheNastyLabel) {
  if (!testing::HaveProgram("dot")) GTEST_SKIP() << "graphviz not installed";
  auto path = WriteSample("dot_svg");
  auto r = testing::Run("dot -Tsvg " + ShellQuote(path.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  // SVG escapes " < & > as entities; the Arabic part and the backslash come through.
  EXPECT_NE(r.out.find("غراف &quot;quoted&quot; back\\slash &lt;&amp;&gt;"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("<title>node</title>"), std::string::npos);
  EXPECT_NE(r.out.find("<title>iraq&#45;&#45;node</title>"), std::string::npos);
}

TEST(DotWriter, GraphvizRendersPng) {
  if (!testing::HaveProgram("dot")) GTEST_SKIP() << "graphviz not installed";
  auto path = WriteSample("dot_png");
  auto png = path.parent_path() / "actors.png";
  auto r =
      testing::Run("dot -Tpng -o " + ShellQuote(png.string()) + " " + ShellQuote(path.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(png).substr(1, 3), "PNG");
}

}  // namespace
}  // namespace actorgraph
