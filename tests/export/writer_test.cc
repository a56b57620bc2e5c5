#include "actorgraph/export/writer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "actorgraph/base/error.h"
#include "sample_graph.h"
#include "test_util.h"

namespace actorgraph {
namespace {

TEST(Writer, MakesOneWriterPerFormat) {
  EXPECT_EQ(WriterFormats(),
            (std::vector<std::string>{"graphml", "gexf", "dot", "json", "csv", "html"}));
  for (const std::string& format : WriterFormats()) {
    auto writer = MakeWriter(format);
    ASSERT_NE(writer, nullptr);
    EXPECT_EQ(writer->format(), format);
  }
}

TEST(Writer, RejectsUnknownFormat) {
  try {
    MakeWriter("xlsx");
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "--format: unknown output format 'xlsx' (expected graphml, gexf, dot, json, csv or html)");
  }
}

TEST(Writer, EveryFormatWritesItsFilesAndNoTemporaries) {
  Graph g = testing::MakeSampleGraph();
  auto dir = testing::TempDir("writer_all");
  size_t written = 0;
  for (const std::string& format : WriterFormats()) {
    for (const auto& path : MakeWriter(format)->Write(g, dir, WriteOptions{})) {
      EXPECT_TRUE(std::filesystem::is_regular_file(path)) << path;
      EXPECT_GT(std::filesystem::file_size(path), 0u) << path;
      ++written;
    }
  }
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(written, 7u);
  EXPECT_EQ(names,
            (std::vector<std::string>{"actors.dot", "actors.gexf", "actors.graphml", "actors.html",
                                      "actors.json", "edges.csv", "nodes.csv"}));
}

}  // namespace
}  // namespace actorgraph
