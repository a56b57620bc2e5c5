#include "actorgraph/export/csv_writer.h"

#include <gtest/gtest.h>

#include "sample_graph.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::ReadFile;
using Table = std::vector<std::vector<std::string>>;

// A strict RFC 4180 reader: LF or CRLF record ends, quoted fields with doubled quotes.
Table ParseCsv(const std::string& text) {
  Table rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      EXPECT_TRUE(field.empty() && !was_quoted) << "stray quote at byte " << i;
      quoted = was_quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      rows.push_back(std::move(row));
      row.clear();
    } else {
      EXPECT_FALSE(was_quoted) << "text after a closing quote at byte " << i;
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  EXPECT_TRUE(field.empty() && row.empty()) << "last record has no line end";
  return rows;
}

std::vector<std::filesystem::path> WriteSample(const std::string& name,
                                               const WriteOptions& options = {}) {
  auto dir = testing::TempDir(name);
  return CsvWriter().Write(testing::MakeSampleGraph(), dir, options);
}

TEST(CsvWriter, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("l1\nl2"), "\"l1\nl2\"");
  EXPECT_EQ(CsvField("cr\r"), "\"cr\r\"");
  EXPECT_EQ(CsvField("ctl\x0B"), "ctl");
}

TEST(CsvWriter, WritesGephiNodeAndEdgeTables) {
  auto files = WriteSample("csv_tables");
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].filename(), "nodes.csv");
  EXPECT_EQ(files[1].filename(), "edges.csv");
  std::string nodes_text = ReadFile(files[0]);
  EXPECT_NE(nodes_text.rfind("Id,", 0), std::string::npos);  // no BOM
  EXPECT_EQ(nodes_text.find('\r'), std::string::npos);
  Table nodes = ParseCsv(nodes_text);
  ASSERT_EQ(nodes.size(), 5u);
  EXPECT_EQ(nodes[0], (std::vector<std::string>{"Id", "Label", "label_en", "type", "country",
                                                "mentions", "documents", "first_seen", "last_seen",
                                                "weighted_degree", "sources", "source_count"}));
  // Sources sorted and joined by |; the | inside "bbc|arabic" is written ¦.
  EXPECT_EQ(nodes[2],
            (std::vector<std::string>{"iraq", "العراق", "Iraq", "state", "", "6", "3", "2021-01-01",
                                      "2021-02-10", "1234571.891", "aljazeera|bbc¦arabic", "2"}));
  EXPECT_EQ(nodes[4][0], "node");
  EXPECT_EQ(nodes[4][1], testing::NastyLabelCleaned());
  EXPECT_EQ(nodes[4][2], "graph");

  Table edges = ParseCsv(ReadFile(files[1]));
  ASSERT_EQ(edges.size(), 4u);
  EXPECT_EQ(edges[0], (std::vector<std::string>{"Source", "Target", "Type", "Weight", "cooc_count",
                                                "documents", "first_seen", "last_seen", "sources",
                                                "source_count"}));
  EXPECT_EQ(edges[3], (std::vector<std::string>{"iraq", "node", "Undirected", "1234567.891",
                                                "1234567", "1", "", "", "", "0"}));
  for (const auto& row : edges) EXPECT_EQ(row.size(), 10u);
}

TEST(CsvWriter, PrefixesFilesWithACustomStem) {
  WriteOptions options;
  options.stem = "run2";
  auto files = WriteSample("csv_stem", options);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].filename(), "run2_nodes.csv");
  EXPECT_EQ(files[1].filename(), "run2_edges.csv");
}

TEST(CsvWriter, IsByteIdenticalAcrossWrites) {
  auto a = WriteSample("csv_a");
  auto b = WriteSample("csv_b");
  EXPECT_EQ(ReadFile(a[0]), ReadFile(b[0]));
  EXPECT_EQ(ReadFile(a[1]), ReadFile(b[1]));
}

}  // namespace
}  // namespace actorgraph
