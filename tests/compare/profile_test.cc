#include "actorgraph/compare/profile.h"

#include <gtest/gtest.h>

#include "actorgraph/pipeline/compare_corpus.h"
#include "compare/planted.h"
#include "test_util.h"

namespace actorgraph {
namespace {

struct ProfileRun {
  Gazetteer g;
  std::unique_ptr<Matcher> m;
  std::unique_ptr<TermFilter> f;
  std::unique_ptr<GroupProfiles> p;
  ProfileRun(const std::string& jsonl, const std::string& by, uint32_t context = 0) {
    g.AddFile(testing::kPlantedGazetteer, "planted.json");
    g.Finish();
    m = std::make_unique<Matcher>(g);
    StopWords s;
    s.AddText("في\nمع\nبعد\n");
    f = std::make_unique<TermFilter>(g, std::move(s));
    auto dir = testing::TempDir("profile");
    testing::WriteFile(dir / "c.jsonl", jsonl);
    DocumentReader reader({(dir / "c.jsonl").string()}, {});
    ProfileCorpusOptions o;
    o.threads = 1;
    o.profile.context_tokens = context;
    p = std::make_unique<GroupProfiles>(
        ProfileCorpus(*m, reader, Grouper(ParseGroupKey(by), {}), *f, nullptr, o));
  }
  uint64_t Count(const std::string& group, uint32_t actor, const char* word) const {
    std::string key = NormalizeString(word);
    for (const auto& gp : p->groups()) {
      if (gp->name != group) continue;
      auto it = gp->terms.find(actor);
      if (it == gp->terms.end()) return 0;
      for (size_t i = 0; i < p->terms().size(); ++i)
        if (p->terms()[i].key == key) {
          return it->second.counts.Get(uint32_t(i));
        }
    }
    return 0;
  }
};

TEST(Profile, CountMapAddsGetsGrowsAndIterates) {
  CountMap m;
  EXPECT_EQ(m.Get(7), 0u);
  for (uint32_t k = 0; k < 1000; ++k) m.Add(k * 7919, k + 1);
  m.Add(0, 5);
  EXPECT_EQ(m.size(), 1000u);
  EXPECT_EQ(m.Get(0), 6u);
  EXPECT_EQ(m.Get(999 * 7919), 1000u);
  EXPECT_EQ(m.Get(3), 0u);
  uint64_t sum = 0, n = 0;
  for (const auto& [k, v] : m) sum += v, ++n;
  EXPECT_EQ(n, 1000u);
  EXPECT_EQ(sum, 1000u * 1001 / 2 + 5);
}

TEST(Profile, GroupsAreOrderedAndCountDocuments) {
  ProfileRun r(
      "{\"text\":\"سليماني في إيران.\",\"camp\":\"b\"}\n"
      "{\"text\":\"سليماني.\",\"camp\":\"a\"}\n"
      "{\"text\":\"لا أحد.\"}\n",
      "field:camp");
  ASSERT_EQ(r.p->groups().size(), 3u);
  EXPECT_EQ(r.p->groups()[0]->name, "a");
  EXPECT_EQ(r.p->groups()[1]->name, "b");
  EXPECT_EQ(r.p->groups()[2]->name, "(none)");
  EXPECT_EQ(r.p->groups()[2]->documents, 1u);
  EXPECT_EQ(r.p->groups()[1]->cooccur.nodes()[1].mentions, 1u);  // iran in b
  auto dropped = r.p->DropSmallGroups(2);
  EXPECT_EQ(dropped.size(), 3u);
  EXPECT_TRUE(r.p->groups().empty());
}

TEST(Profile, BareProcliticJoinsAFrequentStemOnly) {
  // مقتل (3) absorbs ومقتل (1); وزير (3) stays whole: زير never occurs.
  ProfileRun r(
      "{\"text\":\"مقتل سليماني. مقتل سليماني. مقتل سليماني. ومقتل سليماني. وزير سليماني. "
      "وزير سليماني. وزير سليماني.\",\"camp\":\"a\"}\n",
      "field:camp");
  const uint32_t x = 0;
  EXPECT_EQ(r.Count("a", x, "مقتل"), 4u);
  EXPECT_EQ(r.Count("a", x, "ومقتل"), 0u);
  EXPECT_EQ(r.Count("a", x, "وزير"), 3u);
  EXPECT_EQ(r.Count("a", kAllActors, "مقتل"), 4u);
  for (const auto& t : r.p->terms()) {
    if (t.key == NormalizeString("مقتل")) {
      EXPECT_EQ(t.Surface(), "مقتل");
    }
  }
}

TEST(Profile, AccusativeAlefJoinsAFrequentWordOnly) {
  ProfileRun r(
      "{\"text\":\"قائد سليماني. قائد سليماني. قائداً سليماني. دنيا سليماني.\",\"camp\":\"a\"}\n",
      "field:camp");
  EXPECT_EQ(r.Count("a", 0, "قائد"), 3u);
  EXPECT_EQ(r.Count("a", 0, "قائدا"), 0u);
  EXPECT_EQ(r.Count("a", 0, "دنيا"), 1u);
}

TEST(Profile, TokensCountOncePerActorAndContext) {
  // Two mentions of the same actor in one sentence: the sentence's words count once for it.
  ProfileRun r("{\"text\":\"هاجم سليماني ثم سليماني مع إيران.\",\"camp\":\"a\"}\n", "field:camp");
  EXPECT_EQ(r.Count("a", 0, "هاجم"), 1u);
  EXPECT_EQ(r.Count("a", 1, "هاجم"), 1u);           // iran shares the sentence
  EXPECT_EQ(r.Count("a", kAllActors, "هاجم"), 1u);  // `*`: once per token
  EXPECT_EQ(r.Count("a", 0, "مع"), 0u);             // stop word
  EXPECT_EQ(r.Count("a", 0, "سليماني"), 0u);        // the name itself
  // ±1 token: هاجم is next to the first mention only, ثم between the two.
  ProfileRun n("{\"text\":\"هاجم سليماني ثم سليماني كلام كثير جدا مع إيران.\",\"camp\":\"a\"}\n",
               "field:camp", 1);
  EXPECT_EQ(n.Count("a", 0, "هاجم"), 1u);
  EXPECT_EQ(n.Count("a", 0, "ثم"), 1u);
  EXPECT_EQ(n.Count("a", 0, "كلام"), 1u);
  EXPECT_EQ(n.Count("a", 0, "كثير"), 0u);
  EXPECT_EQ(n.Count("a", 1, "جدا"), 0u);  // two tokens before إيران
}

}  // namespace
}  // namespace actorgraph
