#include "actorgraph/pipeline/pipeline.h"

#include <gtest/gtest.h>

#include "actorgraph/network/graph_builder.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::SourcePath;
using testing::TempDir;
using testing::WriteFile;

// Every statistic of two accumulators, compared through the graph they build.
void ExpectSameGraph(const Graph& a, const Graph& b) {
  ASSERT_EQ(boost::num_vertices(a), boost::num_vertices(b));
  ASSERT_EQ(boost::num_edges(a), boost::num_edges(b));
  auto va = SortedVertices(a), vb = SortedVertices(b);
  for (size_t i = 0; i < va.size(); ++i) {
    EXPECT_EQ(a[va[i]].id, b[vb[i]].id);
    EXPECT_EQ(a[va[i]].mentions, b[vb[i]].mentions);
    EXPECT_EQ(a[va[i]].mentions_by_date, b[vb[i]].mentions_by_date);
  }
  auto ea = SortedEdges(a), eb = SortedEdges(b);
  for (size_t i = 0; i < ea.size(); ++i) {
    EXPECT_EQ(a[ea[i]].count, b[eb[i]].count);
    EXPECT_EQ(a[ea[i]].documents, b[eb[i]].documents);
    ASSERT_EQ(a[ea[i]].evidence.size(), b[eb[i]].evidence.size());
    for (size_t k = 0; k < a[ea[i]].evidence.size(); ++k) {
      EXPECT_EQ(a[ea[i]].evidence[k].doc, b[eb[i]].evidence[k].doc);
      EXPECT_EQ(a[ea[i]].evidence[k].window, b[eb[i]].evidence[k].window);
    }
  }
}

TEST(Pipeline, SameCountsForAnyThreadCount) {
  // A corpus of many small dated documents so batches interleave across threads.
  auto dir = TempDir("pipeline");
  std::string jsonl;
  // (A capital after في or من names the place, not the state: docs/matching.md kind 6.)
  const char* sentences[] = {"التقى الكاظمي بايدن وأكدت واشنطن دعمها.",
                             "وقال خامنئي إن إيران لن تتراجع.", "زار السوداني طهران.",
                             "أعلن الحشد الشعبي موقفه من سياسة واشنطن."};
  for (int i = 0; i < 600; ++i) {
    jsonl += "{\"id\":\"n" + std::to_string(i) + "\",\"date\":\"2021-0" +
             std::to_string(1 + i % 9) + "-15\",\"text\":\"" + sentences[i % 4] + " " +
             sentences[(i * 7) % 4] + "\"}\n";
  }
  WriteFile(dir / "c.jsonl", jsonl);
  Gazetteer g = Gazetteer::Load({SourcePath("gazetteer")});
  Matcher m(g);
  auto run = [&](unsigned threads) {
    DocumentReader reader({(dir / "c.jsonl").string()}, {});
    CountOptions o;
    o.threads = threads;
    return BuildGraph(CountCorpus(m, reader, o), g, {});
  };
  Graph one = run(1);
  EXPECT_GT(boost::num_edges(one), 3u);
  ExpectSameGraph(one, run(2));
  ExpectSameGraph(one, run(3));
}

TEST(Pipeline, WindowSpansPointIntoTheOriginalText) {
  Gazetteer g = Gazetteer::Load({SourcePath("gazetteer")});
  Matcher m(g);
  std::string text = "الكاظمـــي في بغداد. ثم بايدن!\n\nفقرة ثانية.";
  MatchScratch sc;
  std::vector<Mention> ms;
  m.Match(text, &sc, &ms);
  auto sentences = WindowSpans(sc, Window::kSentence, text.size());
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(text.substr(sentences[0].first, sentences[0].second - sentences[0].first),
            "الكاظمـــي في بغداد.");
  auto paragraphs = WindowSpans(sc, Window::kParagraph, text.size());
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_EQ(text.substr(paragraphs[1].first), "فقرة ثانية.");
  auto doc = WindowSpans(sc, Window::kDocument, text.size());
  EXPECT_EQ(doc, (std::vector<std::pair<uint32_t, uint32_t>>{{0, text.size()}}));
}

}  // namespace
}  // namespace actorgraph
