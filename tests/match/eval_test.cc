#include "actorgraph/match/eval.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
#include "test_util.h"

namespace actorgraph {
namespace {

TEST(Eval, OptionalActorsCountNeitherWay) {
  Gazetteer g;
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "a", "type": "person", "label": {"ar": "ا", "en": "Alpha"}, "aliases": {"en": ["Al"]}},
    {"id": "b", "type": "state", "label": {"ar": "ب", "en": "Beta"}},
    {"id": "c", "type": "group", "label": {"ar": "ج", "en": "Gamma"}},
    {"id": "d", "type": "group", "label": {"ar": "د", "en": "Delta"}}]})",
            "t.json");
  g.Finish();
  std::vector<GoldDocument> gold = {{"x.txt",
                                     {{"al", "person", false, {}},
                                      {"Beta", "state", false, {"ب"}},
                                      {"Gamma", "group", true, {}},
                                      {"Nobody", "person", false, {}}}}};
  std::map<std::string, Found> found = {{"x", {{0, {"ا"}}, {2, {"ج"}}, {3, {"د"}}}}};
  EvalReport r = Evaluate(gold, g, found);
  EXPECT_EQ(r.overall.tp, 1);  // Alpha, matched by an English alias
  EXPECT_EQ(r.overall.fn, 2);  // Beta, and Nobody (not in the gazetteer)
  EXPECT_EQ(r.overall.fp, 1);  // Delta; Gamma is optional
  ASSERT_EQ(r.false_hits.size(), 1u);
  EXPECT_EQ(r.false_hits[0].actor, "d");
  EXPECT_EQ(r.by_type["state"].fn, 1);
  EXPECT_NEAR(r.overall.F1(), 2.0 * 0.5 * (1.0 / 3) / (0.5 + 1.0 / 3), 1e-9);
}

TEST(Eval, GoldNameIndexBuiltOnceGivesTheSameReport) {
  Gazetteer g;
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "a", "type": "person", "label": {"ar": "ا", "en": "Alpha Beta"},
     "aliases": {"en": ["A. Beta"]}},
    {"id": "b", "type": "state", "label": {"ar": "ب", "en": "Gamma"}}]})",
            "t.json");
  g.Finish();
  GoldNameIndex names(g);
  EXPECT_EQ(names.actor_count(), 2u);
  EXPECT_EQ(names.Find("alpha  BETA"), 0);  // case and spacing do not matter
  EXPECT_EQ(names.Find("A. Beta"), 0);
  EXPECT_EQ(names.Find("Gamma"), 1);
  EXPECT_EQ(names.Find("Delta"), -1);
  std::vector<GoldDocument> gold = {
      {"x.txt", {{"Alpha Beta", "person", false, {}}, {"Delta", "state", false, {}}}}};
  std::map<std::string, Found> found = {{"x", {{0, {"ا"}}, {1, {"ب"}}}}};
  EvalReport once = Evaluate(gold, g, names, found), fresh = Evaluate(gold, g, found);
  EXPECT_EQ(once.overall.tp, 1);
  EXPECT_EQ(once.overall.fn, 1);
  EXPECT_EQ(once.overall.fp, 1);
  EXPECT_EQ(once.overall.tp, fresh.overall.tp);
  EXPECT_EQ(once.overall.fn, fresh.overall.fn);
  EXPECT_EQ(once.overall.fp, fresh.overall.fp);

  Gazetteer other;
  other.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "c", "type": "group", "label": {"ar": "ج", "en": "Gamma"}}]})",
                "o.json");
  other.Finish();
  EXPECT_THROW(Evaluate(gold, other, names, {}), Error);
}

TEST(Eval, MalformedGoldNamesEntryAndField) {
  auto dir = testing::TempDir("gold");
  testing::WriteFile(dir / "g.json", R"([{"file": "a.txt", "actors": [{"type": "person"}]}])");
  try {
    LoadGold((dir / "g.json").string());
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("entry 0: actors[0]: field 'name'"), std::string::npos);
  }
}

// ParseGold's error for `json`, or "no error".
std::string GoldError(std::string_view json) {
  try {
    ParseGold(json, "g.json");
  } catch (const Error& e) {
    return std::string(e.what());
  }
  return "no error";
}

// A slip in the gold file that would be scored twice is refused, naming the entry; two names
// of one actor count once.
TEST(Eval, ADocumentOrNameListedTwiceIsRefusedAndAnActorCountsOnce) {
  EXPECT_EQ(GoldError(R"([{"file": "a.txt", "actors": []}, {"file": "b", "actors": []},
                      {"file": "a", "actors": []}])"),
            "g.json: entry 2: field 'file': 'a' is the document of entry 0 again");
  EXPECT_EQ(GoldError(R"([{"file": "a.txt", "actors": [{"name": "Iraq"}, {"name": "Iran"},
                                                   {"name": "Iraq"}]}])"),
            "g.json: entry 0: actors[2]: field 'name': 'Iraq' is listed twice (also actors[0])");
  Gazetteer g;
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "iraq", "type": "state", "label": {"ar": "العراق", "en": "Iraq"},
     "aliases": {"en": ["Republic of Iraq"]}}]})",
            "t.json");
  g.Finish();
  std::vector<GoldDocument> gold = {
      {"x.txt", {{"Iraq", "state", false, {}}, {"Republic of Iraq", "state", false, {}}}}};
  EvalReport hit = Evaluate(gold, g, {{"x", {{0, {"العراق"}}}}});
  EXPECT_EQ(hit.overall.tp, 1);
  EXPECT_EQ(hit.overall.fn, 0);
  EvalReport miss = Evaluate(gold, g, {{"x", {}}});
  EXPECT_EQ(miss.overall.fn, 1);
}

// Gold files are checked like gazetteers: unknown fields and types are refused, naming the entry.
TEST(Eval, UnknownFieldsAndTypesAreRefused) {
  EXPECT_EQ(GoldError(R"([{"file": "a", "actors": [], "note": "x"}])"),
            "g.json: entry 0: field 'note': unknown field (an entry has file, actors)");
  EXPECT_EQ(GoldError(R"([{"file": "a", "actors": [{"name": "Iraq", "optionl": true}]}])"),
            "g.json: entry 0: actors[0]: field 'optionl': unknown field (an actor has name, type, "
            "optional, forms)");
  EXPECT_EQ(GoldError(R"([{"file": "a", "actors": [{"name": "Iraq", "type": "alien"}]}])"),
            "g.json: entry 0: actors[0]: field 'type': not one of person, state, group, media");
  EXPECT_EQ(GoldError(R"([{"file": "a", "actors": [{"name": "Iraq", "forms": "العراق"}]}])"),
            "g.json: entry 0: actors[0]: field 'forms': not a list of strings");
  EXPECT_EQ(GoldError(R"([{"file": "a", "actors": [{"name": "Iraq", "type": "state"}]}])"),
            "no error");
  EXPECT_EQ(GoldError(R"([{"file": "a", "actors": [{"name": " "}]}])"),
            "g.json: entry 0: actors[0]: field 'name': empty");
  EXPECT_EQ(GoldError(R"([{"file": "a", "actors": [{"name": "Iraq", "name": "Iran"}]}])"),
            "g.json: field 'name': given twice in one object (JSON object 2 of the file); JSON "
            "leaves open which one counts");
}

// Found by fuzz_gold (fuzz/regressions/fuzz_gold/): nlohmann's out_of_range for a number beyond
// a double escaped as a non-actorgraph exception.
TEST(Eval, NumberBeyondADoubleIsMalformedJson) {
  try {
    ParseGold(R"([{"file": "a.txt", "actors": [], "x": 1e400}])", "g.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "g.json: malformed JSON: number overflow parsing '1e400'");
  }
  EXPECT_THROW(ParseGold(R"([{"file": "a.txt", "actors": [{"name": "x", "type": 7}]}])", "g.json"),
               Error);
  EXPECT_THROW(ParseGold(R"([{"file": "a.txt", "actors": [{"name": "x", "optional": 1}]}])", "g"),
               Error);
}

}  // namespace
}  // namespace actorgraph
