#include "actorgraph/compare/series.h"

#include <gtest/gtest.h>

#include "actorgraph/pipeline/compare_corpus.h"
#include "compare/planted.h"
#include "test_util.h"

namespace actorgraph {
namespace {

TEST(Series, SharePerPeriodInDateOrderWithoutNone) {
  Gazetteer g;
  g.AddFile(testing::kPlantedGazetteer, "planted.json");
  g.Finish();
  Matcher m(g);
  TermFilter f(g, StopWords());
  auto dir = testing::TempDir("series");
  testing::WriteFile(dir / "c.jsonl",
                     "{\"text\":\"سليماني وإيران.\",\"date\":\"2020-02-03\"}\n"
                     "{\"text\":\"سليماني.\",\"date\":\"2020-01-05\"}\n"
                     "{\"text\":\"إيران.\"}\n"
                     "{\"text\":\"واشنطن وسليماني.\",\"date\":\"2020-02-20\"}\n");
  DocumentReader reader({(dir / "c.jsonl").string()}, {});
  ProfileCorpusOptions o;
  o.threads = 2;
  GroupProfiles p =
      ProfileCorpus(m, reader, Grouper(ParseGroupKey("date:month"), {}), f, nullptr, o);
  Series s = BuildSeries(p, true);
  ASSERT_EQ(s.periods, (std::vector<std::string>{"2020-01", "2020-02"}));
  EXPECT_EQ(s.mentions, (std::vector<uint64_t>{1, 4}));
  ASSERT_FALSE(s.actors.empty());
  EXPECT_EQ(g.actors()[s.actors[0].actor].id, "soleimani");  // most mentioned first
  EXPECT_EQ(s.actors[0].mentions, (std::vector<uint64_t>{1, 2}));
  EXPECT_DOUBLE_EQ(s.actors[0].share[0], 1.0);
  EXPECT_DOUBLE_EQ(s.actors[0].share[1], 0.5);
  Series all = BuildSeries(p, false);
  EXPECT_EQ(all.periods.back(), "(none)");
}

}  // namespace
}  // namespace actorgraph
