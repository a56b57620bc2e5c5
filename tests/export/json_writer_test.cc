#include "actorgraph/export/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sample_graph.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::ReadFile;

std::filesystem::path WriteSample(const std::string& name) {
  auto dir = testing::TempDir(name);
  auto files = JsonWriter().Write(testing::MakeSampleGraph(), dir, WriteOptions{});
  EXPECT_EQ(files, std::vector<std::filesystem::path>{dir / "actors.json"});
  return dir / "actors.json";
}

TEST(JsonWriter, EvidenceKeysKeepTheirOrder) {
  Evidence e{"d1", "2021-01-01", 2, 5, 9, "snip \xFF", "bbc", "https://example.org/1"};
  EXPECT_EQ(
      EvidenceJson({e}),
      "[{\"doc\":\"d1\",\"date\":\"2021-01-01\",\"window\":2,\"start\":5,\"end\":9,"
      "\"snippet\":\"snip \xEF\xBF\xBD\",\"source\":\"bbc\",\"url\":\"https://example.org/1\"}]");
  EXPECT_EQ(EvidenceJson({}), "[]");
}

TEST(JsonWriter, WritesNodeLinkDocument) {
  auto j = nlohmann::json::parse(ReadFile(WriteSample("json_parse")));
  EXPECT_EQ(j["directed"], false);
  EXPECT_EQ(j["multigraph"], false);
  EXPECT_EQ(j["graph"]["window"], "sentence");
  EXPECT_EQ(j["graph"]["sentences"], 42);
  ASSERT_EQ(j["nodes"].size(), 4u);
  ASSERT_EQ(j["edges"].size(), 3u);
  const auto& nasty = j["nodes"][3];
  EXPECT_EQ(nasty["id"], "node");
  EXPECT_EQ(nasty["label"], testing::NastyLabelCleaned());
  EXPECT_EQ(nasty["label_en"], "graph");
  EXPECT_EQ(j["nodes"][1]["mentions_by_date"]["2021-01-02"], 3);
  const auto& link = j["edges"][2];
  EXPECT_EQ(link["source"], "iraq");
  EXPECT_EQ(link["target"], "node");
  EXPECT_EQ(link["weight"].get<double>(), 1234567.891);
  EXPECT_EQ(link["cooc_count"], 1234567);
  EXPECT_EQ(link["evidence"][0]["snippet"], "bad \xEF\xBF\xBD byte, ctl  and \"q\"\nline");
}

TEST(JsonWriter, IsByteIdenticalAcrossWrites) {
  EXPECT_EQ(ReadFile(WriteSample("json_a")), ReadFile(WriteSample("json_b")));
}

TEST(JsonWriter, ReadsBackWithNetworkx) {
  if (!testing::HaveProgram("python3")) GTEST_SKIP() << "python3 not installed";
  auto r =
      testing::RunInteropCheck("json", WriteSample("json_interop"), testing::MakeSampleGraph());
  EXPECT_EQ(r.exit_code, 0) << r.message;
  EXPECT_EQ(r.message, "json: ok\n");
}

}  // namespace
}  // namespace actorgraph
