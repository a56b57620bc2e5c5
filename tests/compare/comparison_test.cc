// The planted corpus of issue 12: "pro" calls Soleimani الشهيد and links him with Iran; "anti"
// calls him الإرهابي and links him with the United States. Each side's top term, partner and
// salience difference, with their signs.
#include "actorgraph/compare/comparison.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
#include "actorgraph/pipeline/compare_corpus.h"
#include "compare/planted.h"
#include "test_util.h"

namespace actorgraph {
namespace {

struct Planted {
  Gazetteer gazetteer;
  std::unique_ptr<Matcher> matcher;
  std::unique_ptr<TermFilter> filter;
  FrameDictionary frames;
  std::unique_ptr<GroupProfiles> profiles;

  explicit Planted(unsigned threads = 1, std::string by = "input") {
    auto dir = testing::TempDir("planted");
    testing::WritePlantedCorpus(dir);
    gazetteer = Gazetteer::Load({dir / "gazetteer.json"});
    matcher = std::make_unique<Matcher>(gazetteer);
    StopWords stop;
    stop.AddFile(testing::SourcePath("data/stopwords/ar.txt"));
    filter = std::make_unique<TermFilter>(gazetteer, std::move(stop));
    frames = FrameDictionary::Load(testing::SourcePath("data/frames/conflict.json"));
    std::vector<std::string> inputs = {(dir / "pro").string(), (dir / "anti").string()};
    DocumentReader reader(inputs, {});
    Grouper grouper(ParseGroupKey(by), inputs);
    ProfileCorpusOptions o;
    o.threads = threads;
    profiles = std::make_unique<GroupProfiles>(
        ProfileCorpus(*matcher, reader, grouper, *filter, &frames, o));
  }
  uint32_t Id(const char* id) const { return static_cast<uint32_t>(gazetteer.IndexOf(id)); }
  std::string Key(const char* word) const {
    return std::string(StripArticle(NormalizeString(word)));
  }
};

const GroupComparison& Find(const Comparison& c, const std::string& name) {
  for (const auto& g : c.comparisons)
    if (g.name == name) return g;
  throw std::runtime_error("no comparison " + name);
}

// The highest-z term of `actor` in the group.
const TermRow* TopTerm(const GroupComparison& g, uint32_t actor) {
  for (const auto& t : g.terms)
    if (t.actor == actor) return &t;  // rows are z-descending per actor
  return nullptr;
}

const PartnerRow* Partner(const GroupComparison& g, uint32_t a, uint32_t b) {
  for (const auto& p : g.partners)
    if (p.actor == a && p.partner == b) return &p;
  return nullptr;
}

const SalienceRow* Salience(const GroupComparison& g, uint32_t a) {
  for (const auto& s : g.salience)
    if (s.actor == a) return &s;
  return nullptr;
}

TEST(Comparison, PlantedCorpusTopTermsPerSide) {
  Planted p;
  ASSERT_EQ(p.profiles->groups().size(), 2u);
  Comparison c = CompareGroups(*p.profiles, p.gazetteer, {});
  ASSERT_EQ(c.comparisons.size(), 2u);
  const auto& terms = p.profiles->terms();
  const uint32_t x = p.Id("soleimani");
  const TermRow* pro = TopTerm(Find(c, "pro"), x);
  const TermRow* anti = TopTerm(Find(c, "anti"), x);
  ASSERT_NE(pro, nullptr);
  ASSERT_NE(anti, nullptr);
  EXPECT_EQ(terms[pro->term].key, p.Key("الشهيد"));
  EXPECT_EQ(terms[pro->term].Surface(), "الشهيد");  // most common spelling
  EXPECT_EQ(pro->count, 4u);
  EXPECT_EQ(pro->other_count, 0u);
  EXPECT_GT(pro->lo.z, 0);
  EXPECT_EQ(terms[anti->term].key, p.Key("الإرهابي"));
  EXPECT_GT(anti->lo.z, 0);
  // The other side's term is the most negative for each group.
  const auto& pro_rows = Find(c, "pro").terms;
  const TermRow* last = nullptr;
  for (const auto& t : pro_rows)
    if (t.actor == x) last = &t;
  EXPECT_EQ(terms[last->term].key, p.Key("الإرهابي"));
  EXPECT_LT(last->lo.z, 0);
  EXPECT_NE(terms[pro->term].snippet.find("الشهيد"), std::string::npos);
}

TEST(Comparison, PlantedCorpusPartnersAndSalienceSigns) {
  Planted p;
  Comparison c = CompareGroups(*p.profiles, p.gazetteer, {});
  const uint32_t x = p.Id("soleimani"), y = p.Id("iran"), z = p.Id("usa");
  const auto& pro = Find(c, "pro");
  const auto& anti = Find(c, "anti");
  const PartnerRow* xy = Partner(pro, x, y);
  const PartnerRow* xz = Partner(pro, x, z);
  ASSERT_NE(xy, nullptr);
  ASSERT_NE(xz, nullptr);
  EXPECT_EQ(xy->count, 4u);  // four pro sentences name both
  EXPECT_EQ(xy->other_count, 0u);
  EXPECT_GT(xy->k.g2, 0);
  EXPECT_GT(xy->k.log_ratio, 0);
  EXPECT_LT(xz->k.g2, 0);
  EXPECT_EQ(pro.partners.front().partner, y);  // favoured partner first (x's rows lead)
  const PartnerRow* axz = Partner(anti, x, z);
  ASSERT_NE(axz, nullptr);
  EXPECT_GT(axz->k.g2, 0);
  EXPECT_LT(Partner(anti, x, y)->k.log_ratio, 0);
  // Salience: Iran over-represented in pro, the United States in anti; signs mirror.
  EXPECT_GT(Salience(pro, y)->k.g2, 0);
  EXPECT_LT(Salience(pro, z)->k.g2, 0);
  EXPECT_GT(Salience(anti, z)->k.log_ratio, 0);
  EXPECT_NEAR(Salience(anti, z)->k.g2, -Salience(pro, z)->k.g2, 1e-9);
  EXPECT_EQ(Salience(pro, x)->rank, 1u);
  // Difference network: the x–y edge favours pro.
  bool found = false;
  for (const auto& e : pro.diff_edges)
    if (Cooccurrence::Key(e.a, e.b) == Cooccurrence::Key(x, y)) {
      found = true;
      EXPECT_EQ(e.favours, 1);
      EXPECT_GT(e.diff, 0);
    }
  EXPECT_TRUE(found);
}

TEST(Comparison, PlantedCorpusFrames) {
  Planted p;
  Comparison c = CompareGroups(*p.profiles, p.gazetteer, {});
  const auto& dict = p.frames.frames();
  auto rate = [&](const GroupComparison& g, const char* frame) -> const FrameRow* {
    for (const auto& f : g.frames)
      if (f.actor == uint32_t(p.Id("soleimani")) && dict[f.frame].id == frame) return &f;
    return nullptr;
  };
  const FrameRow* m = rate(Find(c, "pro"), "martyrdom");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->contexts, 4u);
  EXPECT_EQ(m->hits, 4u);
  EXPECT_EQ(m->other_hits, 0u);
  EXPECT_GT(m->k.g2, 0);
  EXPECT_LE(m->ci.low, m->rate);
  EXPECT_EQ(m->ci.high, 1.0);
  const FrameRow* t = rate(Find(c, "anti"), "terrorism");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->hits, 3u);
  EXPECT_EQ(t->contexts, 3u);
  EXPECT_GT(t->k.g2, 0);
}

TEST(Comparison, ReferenceGroupAndErrors) {
  Planted p;
  ComparisonOptions o;
  o.reference = "anti";
  Comparison c = CompareGroups(*p.profiles, p.gazetteer, o);
  ASSERT_EQ(c.comparisons.size(), 1u);
  EXPECT_EQ(c.comparisons[0].name, "pro");
  EXPECT_EQ(c.comparisons[0].other, "anti");
  EXPECT_EQ(c.groups.size(), 2u);
  o.reference = "nope";
  EXPECT_THROW(CompareGroups(*p.profiles, p.gazetteer, o), Error);
  Planted one(1, "date:year");  // .txt files have no date: one group "(none)"
  EXPECT_THROW(CompareGroups(*one.profiles, one.gazetteer, {}), Error);
}

TEST(Comparison, SameResultForAnyThreadCount) {
  Planted a(1), b(3);
  Comparison ca = CompareGroups(*a.profiles, a.gazetteer, {});
  Comparison cb = CompareGroups(*b.profiles, b.gazetteer, {});
  ASSERT_EQ(ca.comparisons.size(), cb.comparisons.size());
  for (size_t i = 0; i < ca.comparisons.size(); ++i) {
    const auto &x = ca.comparisons[i], &y = cb.comparisons[i];
    ASSERT_EQ(x.terms.size(), y.terms.size());
    for (size_t k = 0; k < x.terms.size(); ++k) {
      EXPECT_EQ(a.profiles->terms()[x.terms[k].term].key, b.profiles->terms()[y.terms[k].term].key);
      EXPECT_EQ(x.terms[k].lo.z, y.terms[k].lo.z);
    }
    ASSERT_EQ(x.partners.size(), y.partners.size());
    ASSERT_EQ(x.diff_edges.size(), y.diff_edges.size());
  }
}

}  // namespace
}  // namespace actorgraph
