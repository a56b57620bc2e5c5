#include "actorgraph/network/partial.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "actorgraph/base/error.h"
#include "actorgraph/network/graph_builder.h"
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

// The five example articles as one JSONL file with `source` and `url`; returns its path.
std::filesystem::path SourcedCorpus(const std::filesystem::path& dir, size_t from, size_t to) {
  const char* stems[] = {"000_cf551ab84df76352", "001_9f79dd596af1e7b3", "002_563b2110fc4b1849",
                         "003_bb13758cecb88c54", "004_f6cd3fd2a862a221"};
  // Outlets in an order that makes each shard intern them differently.
  const char* sources[] = {"bbc", "aljazeera", "rt", "bbc", "aljazeera"};
  std::string lines;
  for (size_t i = from; i < to; ++i) {
    nlohmann::json j;
    j["id"] = stems[i];
    j["source"] = sources[i];
    j["url"] = std::string("https://example.org/") + stems[i];
    j["text"] = ReadFile(Article(stems[i]));
    lines += j.dump() + "\n";
  }
  auto path = dir / ("c" + std::to_string(from) + "_" + std::to_string(to) + ".jsonl");
  testing::WriteFile(path, lines);
  return path;
}

TEST(Partial, SourcesAndUrlsSurviveShardsAndThreads) {
  Gazetteer g = Gazetteer::Load({SourcePath("gazetteer")});
  Matcher m(g);
  auto dir = TempDir("partial_sources");
  Cooccurrence one = Count(m, {SourcedCorpus(dir, 0, 5).string()});
  WritePartial(one, g, dir / "one.json");
  WritePartial(Count(m, {SourcedCorpus(dir, 0, 2).string()}), g, dir / "a.json");
  WritePartial(Count(m, {SourcedCorpus(dir, 2, 5).string()}), g, dir / "b.json");
  Cooccurrence merged(g.actors().size(), PartialOptions(dir / "a.json"));
  MergePartial(dir / "a.json", g, &merged);
  MergePartial(dir / "b.json", g, &merged);
  WritePartial(merged, g, dir / "merged.json");
  std::string text = ReadFile(dir / "one.json");
  EXPECT_EQ(ReadFile(dir / "merged.json"), text);
  // Threads merge their accumulators the same way.
  DocumentReader reader({SourcedCorpus(dir, 0, 5).string()}, {});
  CountOptions o;
  o.threads = 3;
  o.cooccur.max_evidence = 2;
  WritePartial(CountCorpus(m, reader, o), g, dir / "threads.json");
  EXPECT_EQ(ReadFile(dir / "threads.json"), text);

  // The sources reach the graph, sorted, and the evidence carries source and url.
  auto j = nlohmann::json::parse(text);
  size_t sourced_nodes = 0, all_three = 0;
  for (const auto& n : j["nodes"]) {
    sourced_nodes += !n["sources"].empty();
    all_three += n["sources"] == nlohmann::json({"aljazeera", "bbc", "rt"});
  }
  EXPECT_EQ(sourced_nodes, j["nodes"].size());  // every document has a source
  EXPECT_GT(all_three, 0u);
  ASSERT_FALSE(j["edges"].empty());
  const auto& ev = j["edges"][0]["evidence"][0];
  EXPECT_EQ(ev["url"], "https://example.org/" + ev["doc"].get<std::string>());
  EXPECT_FALSE(ev["source"].get<std::string>().empty());
  Graph graph = BuildGraph(one, g, GraphOptions{});
  bool found = false;
  for (Vertex v : SortedVertices(graph)) {
    EXPECT_TRUE(std::is_sorted(graph[v].sources.begin(), graph[v].sources.end()));
    found |= graph[v].sources == std::vector<std::string>{"aljazeera", "bbc", "rt"};
  }
  EXPECT_TRUE(found);
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
  // A count near 2^64 would wrap around when shards are summed.
  std::string text = testing::ReadFile(dir / "a.json");
  size_t at = text.find("\"documents\":");
  ASSERT_NE(at, std::string::npos);
  size_t end = text.find_first_of(",}", at + 12);
  testing::WriteFile(dir / "huge.json",
                     text.substr(0, at) + "\"documents\":18446744073709551615" + text.substr(end));
  Cooccurrence huge(g.actors().size(), PartialOptions(dir / "a.json"));
  try {
    MergePartial(dir / "huge.json", g, &huge);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), (dir / "huge.json").string() +
                                         ": field 'documents': 18446744073709551615 is beyond 2^53 "
                                         "- 1, the largest count the outputs hold exactly");
  }
  testing::WriteFile(
      dir / "twice.json",
      "{\"actorgraph_partial\": 3, \"window\": \"sentence\", \"window\": \"document\"}");
  try {
    PartialOptions(dir / "twice.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              (dir / "twice.json").string() +
                  ": field 'window': given twice in one object (JSON "
                  "object 1 of the file); JSON leaves open which one counts");
  }
}

TEST(Partial, TheSameShardTwiceIsRefused) {
  Gazetteer g = Gazetteer::Load({SourcePath("gazetteer")});
  Matcher m(g);
  auto dir = TempDir("partial");
  WritePartial(Count(m, {Article("000_cf551ab84df76352")}), g, dir / "a.json");
  WritePartial(Count(m, {Article("001_9f79dd596af1e7b3")}), g, dir / "b.json");
  std::filesystem::copy_file(dir / "a.json", dir / "copy.json");
  EXPECT_NO_THROW(CheckDistinctShards({dir / "a.json", dir / "b.json"}));
  // The same file, by the same name or another path to it, is "named twice"; a copy is another
  // file with identical contents, "the same shard".
  const std::string a = (dir / "a.json").string();
  const std::vector<std::pair<std::vector<std::filesystem::path>, std::string>> cases = {
      {{dir / "a.json", dir / "b.json", dir / "a.json"},
       "merge: " + a + " is named twice; merging it twice would double every count"},
      {{dir / "a.json", dir / "." / "a.json"},
       "merge: " + (dir / "." / "a.json").string() + " is named twice (as " + a +
           "); merging it twice would double every count"},
      {{dir / "a.json", dir / "copy.json"},
       "merge: " + a + " and " + (dir / "copy.json").string() +
           " are the same shard (identical contents); merging both would double every count"}};
  for (const auto& [paths, message] : cases) {
    try {
      CheckDistinctShards(paths);
      FAIL() << "expected an error: " << message;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()), message);
    }
  }
}

// Every refusal of a partial names the file and the field, in one line.
class PartialRefusal : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    g_ = new Gazetteer(Gazetteer::Load({SourcePath("gazetteer")}));
    Matcher m(*g_);
    auto dir = TempDir("partial");
    WritePartial(Count(m, {Article("000_cf551ab84df76352")}), *g_, dir / "a.json");
    good_ = new std::string(ReadFile(dir / "a.json"));
  }
  static void TearDownTestSuite() {
    delete g_;
    delete good_;
  }
  static std::string Refusal(const std::string& contents, CooccurOptions o = {}) {
    o.max_evidence = 2;
    Cooccurrence into(g_->actors().size(), o);
    try {
      MergePartialText(contents, "p.json", *g_, &into);
    } catch (const Error& e) {
      EXPECT_EQ(into.documents(), 0u);
      return e.what();
    }
    return "accepted";
  }
  static std::string Replace(std::string s, const std::string& from, const std::string& to) {
    size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return s.replace(at, from.size(), to);
  }
  static Gazetteer* g_;
  static std::string* good_;
};
Gazetteer* PartialRefusal::g_ = nullptr;
std::string* PartialRefusal::good_ = nullptr;

TEST_F(PartialRefusal, GoodFileIsAccepted) { EXPECT_EQ(Refusal(*good_), "accepted"); }

TEST_F(PartialRefusal, TruncatedFile) {
  std::string cut = good_->substr(0, good_->size() / 2);
  EXPECT_EQ(Refusal(cut), "p.json: truncated: the JSON ends at byte " + std::to_string(cut.size()) +
                              " before the partial graph is complete");
  EXPECT_EQ(Refusal(""),
            "p.json: truncated: the JSON ends at byte 0 before the partial graph is "
            "complete");
}

TEST_F(PartialRefusal, NotAPartialOrAnotherVersion) {
  EXPECT_EQ(Refusal("{\"actors\": []}"),
            "p.json: field 'actorgraph_partial': missing: not a partial graph");
  // Version 1 files have no sources, version 2 no types and roles: refused, not merged with
  // them silently assumed.
  EXPECT_EQ(Refusal(Replace(*good_, "\"actorgraph_partial\":3", "\"actorgraph_partial\":2")),
            "p.json: field 'actorgraph_partial': version 2 is not supported (this actorgraph "
            "reads version 3)");
}

TEST_F(PartialRefusal, AnotherGazetteer) {
  std::string other = Replace(*good_, g_->hash(), std::string(64, '0'));
  EXPECT_EQ(Refusal(other),
            "p.json: field 'gazetteer_hash': made with another gazetteer than the one loaded (give "
            "merge the -g options the shards were built with)");
}

TEST_F(PartialRefusal, OtherOptions) {
  CooccurOptions paragraph;
  paragraph.window = Window::kParagraph;
  EXPECT_EQ(Refusal(*good_, paragraph),
            "p.json: field 'window': made with --window sentence, the first partial with "
            "--window paragraph");
  EXPECT_EQ(Refusal(Replace(*good_, "\"max_evidence\":2", "\"max_evidence\":7")),
            "p.json: field 'max_evidence': made with --max-evidence 7, the first partial with "
            "--max-evidence 2");
  // What the mentions were filtered by: a shard with media, or with titles resolved, counts
  // other mentions.
  EXPECT_EQ(Refusal(Replace(*good_, "\"types\":\"person,state,group\"",
                            "\"types\":\"person,state,group,media\"")),
            "p.json: field 'types': made with --types person,state,group,media, the first partial "
            "with --types person,state,group");
  EXPECT_EQ(Refusal(Replace(*good_, "\"roles\":false", "\"roles\":true")),
            "p.json: field 'roles': made with --roles, the first partial without it");
  EXPECT_EQ(Refusal(Replace(*good_, "\"types\":\"", "\"types\":\"army,")),
            "p.json: field 'types': --types: 'army' is not an actor type (person, state, group, "
            "media, all)");
  EXPECT_EQ(Refusal(Replace(*good_, "\"roles\":false", "\"roles\":0")),
            "p.json: field 'roles': expected true or false");
}

TEST_F(PartialRefusal, MistypedOrUnknownFields) {
  EXPECT_EQ(Refusal(Replace(*good_, "\"documents\":1,", "\"documents\":-1,")),
            "p.json: field 'documents': expected a non-negative integer");
  EXPECT_EQ(Refusal(Replace(*good_, "\"mentions\":", "\"mentions\":1.5e300,\"x\":")),
            "p.json: field 'mentions': expected a non-negative integer");
  EXPECT_EQ(Refusal(Replace(*good_, "\"evidence\":[", "\"evidence\":7,\"y\":[")),
            "p.json: field 'edges[0].evidence': missing or not a list");
  EXPECT_EQ(Refusal(Replace(*good_, "\"sources\":[", "\"sources\":[7],\"x\":[")),
            "p.json: field 'nodes[0].sources[0]': expected a string");
  EXPECT_EQ(Refusal(Replace(*good_, "\"url\":", "\"url\":null,\"x\":")),
            "p.json: field 'edges[0].evidence[0].url': expected a string");
  EXPECT_EQ(Refusal(Replace(*good_, "\"start\":", "\"start\":4294967296,\"x\":")),
            "p.json: field 'edges[0].evidence[0].start': 4294967296 is out of range");
  EXPECT_EQ(Refusal(Replace(*good_, "{\"id\":\"", "{\"id\":\"no_such_"))
                .rfind("p.json: field 'nodes[0].id': unknown actor 'no_such_", 0),
            0u);
}

TEST_F(PartialRefusal, NumberBeyondADouble) {
  EXPECT_EQ(Refusal(Replace(*good_, "\"documents\":1,", "\"documents\":1e400,")),
            "p.json: malformed JSON: number overflow parsing '1e400'");
}

}  // namespace
}  // namespace actorgraph
