#include "actorgraph/network/partial.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
#include "actorgraph/pipeline/pipeline.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::ReadFile;
using testing::SourcePath;
using testing::TempDir;

std::string Article(const char* stem) {
  return SourcePath(std::string("examples/articles/") + stem + ".txt").string();
}

Cooccurrence Count(const Matcher& m, const std::vector<std::string>& inputs) {
  DocumentReader reader(inputs, {});
  CountOptions o;
  o.threads = 1;
  o.cooccur.max_evidence = 2;  // small, so the choice of evidence across shards is tested
  return CountCorpus(m, reader, o);
}

TEST(Partial, ShardsMergedEqualOneRun) {
  Gazetteer g = Gazetteer::Load({SourcePath("gazetteer")});
  Matcher m(g);
  std::vector<std::string> all = {Article("000_cf551ab84df76352"), Article("001_9f79dd596af1e7b3"),
                                  Article("002_563b2110fc4b1849"), Article("003_bb13758cecb88c54"),
                                  Article("004_f6cd3fd2a862a221")};
  auto dir = TempDir("partial");
  WritePartial(Count(m, all), g, dir / "one.json");
  WritePartial(Count(m, {all[0], all[1]}), g, dir / "a.json");
  WritePartial(Count(m, {all[2], all[3], all[4]}), g, dir / "b.json");
  Cooccurrence merged(g.actors().size(), PartialOptions(dir / "a.json"));
  MergePartial(dir / "a.json", g, &merged);
  MergePartial(dir / "b.json", g, &merged);
  WritePartial(merged, g, dir / "merged.json");
  EXPECT_EQ(ReadFile(dir / "merged.json"), ReadFile(dir / "one.json"));
}

TEST(Partial, OtherGazetteerIsRefused) {
  Gazetteer g = Gazetteer::Load({SourcePath("gazetteer")});
  Matcher m(g);
  auto dir = TempDir("partial");
  WritePartial(Count(m, {Article("000_cf551ab84df76352")}), g, dir / "a.json");
  Gazetteer other;
  other.AddFile(R"({"actorgraph_gazetteer": 1, "actors": []})", "x.json");
  other.Finish();
  Cooccurrence into(0, PartialOptions(dir / "a.json"));
  try {
    MergePartial(dir / "a.json", other, &into);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("field 'gazetteer_hash'"), std::string::npos);
  }
  testing::WriteFile(dir / "bad.json", "{\"actorgraph_partial\": 1, \"window\": ");
  EXPECT_THROW(PartialOptions(dir / "bad.json"), Error);
}

TEST(Partial, TheSameShardTwiceIsRefused) {
  Gazetteer g = Gazetteer::Load({SourcePath("gazetteer")});
  Matcher m(g);
  auto dir = TempDir("partial");
  WritePartial(Count(m, {Article("000_cf551ab84df76352")}), g, dir / "a.json");
  WritePartial(Count(m, {Article("001_9f79dd596af1e7b3")}), g, dir / "b.json");
  std::filesystem::copy_file(dir / "a.json", dir / "copy.json");
  EXPECT_NO_THROW(CheckDistinctShards({dir / "a.json", dir / "b.json"}));
  for (const auto& twice : std::vector<std::vector<std::filesystem::path>>{
           {dir / "a.json", dir / "b.json", dir / "a.json"}, {dir / "a.json", dir / "copy.json"}}) {
    try {
      CheckDistinctShards(twice);
      FAIL() << "expected an error";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("are the same shard"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("a.json"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace actorgraph
