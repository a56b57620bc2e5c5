#include "actorgraph/export/gexf_writer.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
#include "sample_graph.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::ReadFile;
using testing::ShellQuote;
using testing::SourcePath;

std::filesystem::path WriteGraph(const Graph& g, const std::string& name,
                                 const WriteOptions& options = {}) {
  auto dir = testing::TempDir(name);
  auto files = GexfWriter().Write(g, dir, options);
  EXPECT_EQ(files, std::vector<std::filesystem::path>{dir / "actors.gexf"});
  return dir / "actors.gexf";
}

std::filesystem::path WriteSample(const std::string& name, const WriteOptions& options = {}) {
  return WriteGraph(testing::MakeSampleGraph(), name, options);
}

testing::CommandResult RelaxNg(const std::filesystem::path& path) {
  return testing::Run("xmllint --noout --nonet --relaxng " +
                      ShellQuote(SourcePath("tests/data/schemas/gexf13/gexf.rng").string()) + " " +
                      ShellQuote(path.string()));
}

TEST(GexfWriter, WritesDynamicGraphWithFixedMetaDate) {
  std::string xml = ReadFile(WriteSample("gexf_head"));
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u);
  EXPECT_NE(xml.find("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
                     "version=\"1.3\">"),
            std::string::npos);
  EXPECT_NE(xml.find("<meta lastmodifieddate=\"2021-02-10\">"), std::string::npos);
  EXPECT_NE(xml.find("<graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"date\" "
                     "timerepresentation=\"interval\">"),
            std::string::npos);
  EXPECT_NE(xml.find("<spell start=\"2021-01-02\" end=\"2021-01-02\"/>"), std::string::npos);
  // One attributes block per class (graphology-gexf reads only the last one of a class).
  size_t first = xml.find("<attributes class=\"edge\"");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(xml.find("<attributes class=\"edge\"", first + 1), std::string::npos);
  EXPECT_NE(xml.find("weight=\"1234567.891\""), std::string::npos);
  EXPECT_NE(xml.find("<viz:color r=\"2\" g=\"136\" b=\"0\"/>"), std::string::npos);  // state
  EXPECT_EQ(xml.find("schemaLocation"), std::string::npos);
}

TEST(GexfWriter, IsStaticWithoutDates) {
  Graph g = testing::MakeSampleGraph();
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) g[v].mentions_by_date.clear();
  auto path = WriteGraph(g, "gexf_static");
  std::string xml = ReadFile(path);
  EXPECT_NE(xml.find("<meta>"), std::string::npos);
  EXPECT_EQ(xml.find("mode=\"dynamic\""), std::string::npos);
  if (testing::HaveProgram("xmllint")) {
    auto r = RelaxNg(path);
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
}

TEST(GexfWriter, ColoursByCountry) {
  WriteOptions country;
  country.color_by = "country";
  std::string xml = ReadFile(WriteSample("gexf_country", country));
  // The colours of the DOT and HTML files: Iraq (two actors) first, no country pale grey.
  EXPECT_NE(xml.find("<node id=\"iraq\" label=\"العراق\">"), std::string::npos);
  EXPECT_NE(xml.find("<viz:color r=\"215\" g=\"0\" b=\"0\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<viz:color r=\"221\" g=\"221\" b=\"221\"/>"), std::string::npos);
  WriteOptions bad;
  bad.color_by = "mood";
  EXPECT_THROW(WriteSample("gexf_bad", bad), Error);
}

TEST(GexfWriter, IsByteIdenticalAcrossWrites) {
  EXPECT_EQ(ReadFile(WriteSample("gexf_a")), ReadFile(WriteSample("gexf_b")));
}

TEST(GexfWriter, ValidatesAgainstTheGexfRelaxNgSchema) {
  if (!testing::HaveProgram("xmllint")) GTEST_SKIP() << "xmllint not installed";
  auto r = RelaxNg(WriteSample("gexf_rng"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(GexfWriter, ReadsBackWithNetworkx) {
  if (!testing::HaveProgram("python3")) GTEST_SKIP() << "python3 not installed";
  auto r =
      testing::RunInteropCheck("gexf", WriteSample("gexf_interop"), testing::MakeSampleGraph());
  EXPECT_EQ(r.exit_code, 0) << r.message;
  EXPECT_EQ(r.message, "gexf: ok\n");
}

}  // namespace
}  // namespace actorgraph
