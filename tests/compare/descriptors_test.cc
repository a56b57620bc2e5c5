#include "actorgraph/compare/descriptors.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
#include "compare/planted.h"
#include "test_util.h"

namespace actorgraph {
namespace {

Gazetteer Planted() {
  Gazetteer g;
  g.AddFile(testing::kPlantedGazetteer, "planted.json");
  g.Finish();
  return g;
}

StopWords Stops() {
  StopWords s;
  s.AddText("# comment\nفي   # trailing comment\nهذا\nthe\nقال\n");
  return s;
}

TEST(Descriptors, StopListIsNormalisedAndCommented) {
  StopWords s = Stops();
  EXPECT_EQ(s.size(), 4u);
  EXPECT_TRUE(s.Contains(NormalizeString("هذا")));
  EXPECT_FALSE(s.Contains("comment"));
  EXPECT_THROW(s.AddFile("/nonexistent/stop.txt"), Error);
}

TEST(Descriptors, KeysDropArticleStopWordsNamesAndNumbers) {
  Gazetteer g = Planted();
  TermFilter f(g, Stops());
  auto key = [&](const char* raw) {
    static std::string keep;
    keep = NormalizeString(raw);
    return std::string(f.Key(keep));
  };
  EXPECT_EQ(key("الشهيد"), NormalizeString("شهيد"));
  EXPECT_EQ(key("والشهيد"), NormalizeString("شهيد"));
  EXPECT_EQ(key("للشهيد"), NormalizeString("شهيد"));
  EXPECT_EQ(key("الإرهابيين"), NormalizeString("ارهابيين"));
  EXPECT_EQ(key("في"), "");         // stop word
  EXPECT_EQ(key("وهذا"), "");       // stop word after و
  EXPECT_EQ(key("The"), "");        // English stop word, case folded
  EXPECT_EQ(key("إيران"), "");      // gazetteer name
  EXPECT_EQ(key("الإيرانية"), "");  // generated demonym form
  EXPECT_EQ(key("2020"), "");       // number
  EXPECT_EQ(key("و"), "");          // too short
  EXPECT_EQ(key("militia"), "militia");
  EXPECT_EQ(key("وزير"), NormalizeString("وزير"));  // bare proclitics stay (resolved later)
}

TEST(Descriptors, SentenceAndTokenContexts) {
  Gazetteer g = Planted();
  Matcher m(g);
  MatchScratch sc;
  std::vector<Mention> mentions;
  const std::string text = "قال الشهيد سليماني إن إيران قوية. ثم جاء وفد.";
  m.Match(text, &sc, &mentions);
  ASSERT_EQ(mentions.size(), 2u);
  DocContexts dc;
  FindContexts(sc.seg, sc.norm, mentions, 0, &dc);
  ASSERT_EQ(dc.actors.size(), 2u);
  EXPECT_EQ(dc.actors[0], uint32_t(g.IndexOf("soleimani")));
  ASSERT_EQ(dc.ranges[0].size(), 1u);
  EXPECT_EQ(dc.ranges[0][0],
            std::make_pair(sc.seg.sentences[0].first_token, sc.seg.sentences[0].end_token));
  // The mention tokens are covered: سليماني (token 2) and إيران (token 4).
  EXPECT_EQ(dc.covered[2], 1);
  EXPECT_EQ(dc.covered[4], 1);
  EXPECT_EQ(dc.covered[1], 0);
  FindContexts(sc.seg, sc.norm, mentions, 1, &dc);
  EXPECT_EQ(dc.ranges[0][0], std::make_pair(1u, 4u));  // الشهيد [سليماني] إن
  EXPECT_EQ(dc.ranges[1][0], std::make_pair(3u, 6u));
}

}  // namespace
}  // namespace actorgraph
