#include "actorgraph/network/cooccur.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace actorgraph {
namespace {

Mention M(uint32_t actor, uint32_t sentence, uint32_t paragraph = 0) {
  Mention m;
  m.actor = actor;
  m.sentence = sentence;
  m.paragraph = paragraph;
  return m;
}

Document Doc(uint64_t seq, std::string date = "") {
  Document d;
  d.id = "d0";
  d.id[1] = static_cast<char>('0' + seq);  // seq < 10 in these tests
  d.seq = seq;
  d.date = std::move(date);
  d.text = "one two three four five six seven eight";
  return d;
}

const std::vector<std::pair<uint32_t, uint32_t>> kSpans = {{0, 7}, {8, 18}, {19, 40}};

TEST(Cooccur, EachPairOncePerWindow) {
  Cooccurrence c(4, {});
  // Sentence 0: 0,1,0,2 -> pairs (0,1) (0,2) (1,2) once each. Sentence 1: 0,1.
  c.AddDocument(Doc(0), {M(0, 0), M(1, 0), M(0, 0), M(2, 0), M(0, 1), M(1, 1)}, kSpans);
  EXPECT_EQ(c.edges().at(Cooccurrence::Key(0, 1)).count, 2u);
  EXPECT_EQ(c.edges().at(Cooccurrence::Key(0, 2)).count, 1u);
  EXPECT_EQ(c.edges().at(Cooccurrence::Key(1, 0)).documents, 1u);
  EXPECT_EQ(c.nodes()[0].mentions, 3u);
  EXPECT_EQ(c.nodes()[0].documents, 1u);
  EXPECT_EQ(c.edges().count(Cooccurrence::Key(0, 3)), 0u);
}

TEST(Cooccur, DocumentWindowCountsOncePerDocument) {
  CooccurOptions o;
  o.window = Window::kDocument;
  Cooccurrence c(3, o);
  c.AddDocument(Doc(0), {M(0, 0), M(1, 0), M(0, 1), M(1, 2)}, {{0, 40}});
  EXPECT_EQ(c.edges().at(Cooccurrence::Key(0, 1)).count, 1u);
}

TEST(Cooccur, MergeEqualsOneAccumulatorAndKeepsEarliestEvidence) {
  CooccurOptions o;
  o.max_evidence = 2;
  Cooccurrence all(3, o), a(3, o), b(3, o);
  std::vector<std::vector<Mention>> docs = {
      {M(0, 0), M(1, 0)}, {M(0, 1), M(1, 1)}, {M(0, 0), M(1, 0), M(2, 0)}};
  for (uint64_t i = 0; i < docs.size(); ++i) {
    all.AddDocument(Doc(i, "2021-07-2" + std::to_string(i)), docs[i], kSpans);
    (i % 2 ? a : b).AddDocument(Doc(i, "2021-07-2" + std::to_string(i)), docs[i], kSpans);
  }
  Cooccurrence merged(3, o);
  merged.Merge(a);  // order of merging must not matter
  merged.Merge(b);
  const auto& e1 = all.edges().at(Cooccurrence::Key(0, 1));
  const auto& e2 = merged.edges().at(Cooccurrence::Key(0, 1));
  EXPECT_EQ(e1.count, e2.count);
  EXPECT_EQ(e1.by_date, e2.by_date);
  ASSERT_EQ(e2.evidence.size(), 2u);
  EXPECT_EQ(e2.evidence[0].evidence.doc, "d0");
  EXPECT_EQ(e2.evidence[1].evidence.doc, "d1");
  EXPECT_EQ(e2.evidence[1].evidence.snippet, "three four");
}

// A thread may count a later batch of documents before an earlier one (pipeline.cc: the reading
// thread counts a batch itself when the queue is full): the evidence kept must still be the
// earliest by (document position, window), and dates merged by id must fold to the same maps.
TEST(Cooccur, DocumentsOutOfOrderKeepTheEarliestEvidence) {
  CooccurOptions o;
  o.max_evidence = 2;
  Cooccurrence in_order(2, o), reversed(2, o), merged(2, o);
  for (uint64_t i = 0; i < 5; ++i)
    in_order.AddDocument(Doc(i, "2021-07-0" + std::to_string(i % 3)), {M(0, 0), M(1, 0)}, kSpans);
  for (uint64_t i = 5; i-- > 0;)
    reversed.AddDocument(Doc(i, "2021-07-0" + std::to_string(i % 3)), {M(0, 0), M(1, 0)}, kSpans);
  merged.Merge(reversed);
  const auto& want = in_order.edges().at(Cooccurrence::Key(0, 1));
  for (const Cooccurrence* c : {&reversed, &merged}) {
    const auto& got = c->edges().at(Cooccurrence::Key(0, 1));
    ASSERT_EQ(got.evidence.size(), 2u);
    EXPECT_EQ(got.evidence[0].evidence.doc, "d0");
    EXPECT_EQ(got.evidence[1].evidence.doc, "d1");
    EXPECT_EQ(got.by_date, want.by_date);
    EXPECT_EQ(c->nodes()[0].by_date, in_order.nodes()[0].by_date);
  }
}

// FoldPendingDates splits the folding over threads by actor and pair: the maps must be those of a
// fold on one thread, for any thread count.
TEST(Cooccur, DatesFoldTheSameOnAnyNumberOfThreads) {
  auto count = [](unsigned threads) {
    Cooccurrence c(6, {});
    for (uint64_t i = 0; i < 9; ++i) {
      std::vector<Mention> m;
      for (uint32_t a = 0; a < 6; ++a)
        if ((a + i) % 3 != 0) m.push_back(M(a, static_cast<uint32_t>(a % 2)));
      std::sort(m.begin(), m.end(),
                [](const Mention& x, const Mention& y) { return x.sentence < y.sentence; });
      c.AddDocument(Doc(i, "2021-0" + std::to_string(1 + i % 4) + "-1" + std::to_string(i % 3)), m,
                    kSpans);
    }
    c.FoldPendingDates(threads);
    return c;
  };
  const Cooccurrence one = count(1);
  size_t dated_edges = 0;
  for (unsigned threads : {2u, 3u, 8u}) {
    const Cooccurrence many = count(threads);
    for (uint32_t a = 0; a < 6; ++a)
      EXPECT_EQ(many.nodes()[a].by_date, one.nodes()[a].by_date) << threads << " threads";
    ASSERT_EQ(many.edges().size(), one.edges().size());
    for (const auto& [key, e] : one.edges()) {
      EXPECT_EQ(many.edges().at(key).by_date, e.by_date) << threads << " threads";
      dated_edges += !e.by_date.empty();
    }
  }
  EXPECT_GT(dated_edges, 0u);
  EXPECT_FALSE(one.nodes()[1].by_date.empty());
}

TEST(Cooccur, SnippetCollapsesSpaceAndCutsAtCharacters) {
  EXPECT_EQ(MakeSnippet("a \n\n b", 0, 6, {0, 1}, {5, 6}, 100), "a b");
  // Arabic is cut by characters like English: 12 characters around the focus either way.
  std::string ar = "واحد اثنان ثلاثة العراق وإيران خمسة ستة سبعة";
  std::string en = "one two three Iraq and Iran five six seven";
  auto span = [](const std::string& t, const std::string& name) {
    uint32_t at = t.find(name);
    return ByteSpan{at, static_cast<uint32_t>(at + name.size())};
  };
  std::string sa = MakeSnippet(ar, 0, ar.size(), span(ar, "العراق"), span(ar, "وإيران"), 20);
  std::string se = MakeSnippet(en, 0, en.size(), span(en, "Iraq"), span(en, "Iran"), 20);
  EXPECT_NE(sa.find("العراق وإيران"), std::string::npos) << sa;
  EXPECT_NE(se.find("Iraq and Iran"), std::string::npos) << se;
  auto chars = [](const std::string& s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  };
  EXPECT_LE(chars(sa), 24u) << sa;
  EXPECT_LE(chars(se), 24u) << se;
  EXPECT_EQ(sa.rfind("\xE2\x80\xA6 ", 0), 0u) << sa;  // cut on the left: starts with "… "
}

TEST(Cooccur, SnippetShowsBothNamesWhenTheyAreFarApart) {
  std::string filler(400, 'x');
  std::string t = "Kadhimi met " + filler + " then Biden spoke.";
  uint32_t a = t.find("Kadhimi"), b = t.find("Biden");
  std::string s = MakeSnippet(t, 0, t.size(), {a, a + 7}, {b, b + 5}, 40);
  EXPECT_NE(s.find("Kadhimi"), std::string::npos) << s;
  EXPECT_NE(s.find("Biden"), std::string::npos) << s;
  EXPECT_NE(s.find(" \xE2\x80\xA6 "), std::string::npos) << s;
  EXPECT_LT(s.size(), 120u) << s;
}

}  // namespace
}  // namespace actorgraph
