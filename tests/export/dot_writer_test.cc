#include "actorgraph/export/dot_writer.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
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
  EXPECT_NE(dot.find("subgraph \"cluster_legend\""), std::string::npos);
  EXPECT_NE(dot.find("\"legend:person\""), std::string::npos);
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

TEST(DotWriter, ColoursByCountry) {
  WriteOptions country;
  country.color_by = "country";
  std::string dot = ReadFile(WriteSample("dot_country", country));
  EXPECT_NE(dot.find("\"legend:colour\""), std::string::npos);
  EXPECT_NE(dot.find("fillcolor=\"#d9d9d9\""), std::string::npos);  // "node" has no country
}

TEST(DotWriter, LegendIdsAvoidActorIds) {
  Graph g = testing::MakeSampleGraph();
  ActorNode n;
  n.id = "legend:person";
  n.type = "person";
  boost::add_vertex(n, g);
  std::ostringstream out;
  WriteDot(g, WriteOptions{}, out);
  EXPECT_NE(out.str().find("\"legend:_person\" [label=\"person\""), std::string::npos);
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
