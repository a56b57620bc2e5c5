#include "actorgraph/export/graphml_writer.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
#include "sample_graph.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::ReadFile;
using testing::ShellQuote;
using testing::SourcePath;

std::filesystem::path WriteSample(const std::string& name) {
  auto dir = testing::TempDir(name);
  auto files = GraphmlWriter().Write(testing::MakeSampleGraph(), dir, WriteOptions{});
  EXPECT_EQ(files, std::vector<std::filesystem::path>{dir / "actors.graphml"});
  return dir / "actors.graphml";
}

TEST(GraphmlWriter, StartsWithDeclarationAndNamespace) {
  std::string xml = ReadFile(WriteSample("graphml_head"));
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u);
  EXPECT_NE(xml.find("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"),
            std::string::npos);
  EXPECT_NE(xml.find("<graph id=\"actors\" edgedefault=\"undirected\">"), std::string::npos);
  EXPECT_NE(xml.find("<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("<data key=\"weight\">1234567.891</data>"), std::string::npos);
  EXPECT_EQ(xml.find("<desc"), std::string::npos);
  EXPECT_EQ(xml.find("\x0B"), std::string::npos);
}

TEST(GraphmlWriter, EdgesAreNumberedInSortedOrder) {
  std::string xml = ReadFile(WriteSample("graphml_edges"));
  auto e0 = xml.find("<edge id=\"e0\" source=\"hezbollah\" target=\"iraq\">");
  auto e1 = xml.find("<edge id=\"e1\" source=\"iraq\" target=\"mustafa_al_kadhimi\">");
  auto e2 = xml.find("<edge id=\"e2\" source=\"iraq\" target=\"node\">");
  ASSERT_NE(e0, std::string::npos);
  ASSERT_NE(e1, std::string::npos);
  ASSERT_NE(e2, std::string::npos);
  EXPECT_LT(e0, e1);
  EXPECT_LT(e1, e2);
  EXPECT_NE(xml.find("{&quot;doc&quot;:&quot;doc-001&quot;,&quot;date&quot;:&quot;2021-01-01&quot;,"
                     "&quot;window&quot;:0,&quot;start&quot;:0,&quot;end&quot;:120,"),
            std::string::npos);
}

TEST(GraphmlWriter, IsByteIdenticalAcrossWrites) {
  EXPECT_EQ(ReadFile(WriteSample("graphml_a")), ReadFile(WriteSample("graphml_b")));
}

TEST(GraphmlWriter, ValidatesAgainstTheGraphmlSchema) {
  if (!testing::HaveProgram("xmllint")) GTEST_SKIP() << "xmllint not installed";
  auto path = WriteSample("graphml_xsd");
  auto r = testing::Run("xmllint --noout --nonet --schema " +
                        ShellQuote(SourcePath("tests/data/schemas/graphml/graphml.xsd").string()) +
                        " " + ShellQuote(path.string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(GraphmlWriter, ReadsBackWithNetworkxAndIgraph) {
  if (!testing::HaveProgram("python3")) GTEST_SKIP() << "python3 not installed";
  auto path = WriteSample("graphml_interop");
  auto r = testing::RunInteropCheck("graphml", path, testing::MakeSampleGraph());
  EXPECT_EQ(r.exit_code, 0) << r.message;
  EXPECT_EQ(r.message, "graphml: ok\n");
}

TEST(GraphmlWriter, ThrowsWhenTheFolderIsMissing) {
  auto dir = testing::TempDir("graphml_missing") / "no" / "such";
  EXPECT_THROW(GraphmlWriter().Write(testing::MakeSampleGraph(), dir, WriteOptions{}), Error);
}

}  // namespace
}  // namespace actorgraph
