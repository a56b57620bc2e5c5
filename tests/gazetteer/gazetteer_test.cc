#include "actorgraph/gazetteer/gazetteer.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
#include "test_util.h"

namespace actorgraph {
namespace {

std::string Errors(const std::string& json) {
  Gazetteer g;
  std::vector<GazetteerProblem> problems;
  g.AddFile(json, "f.json", &problems);
  std::string out;
  for (const auto& p : problems) out += p.ToString() + "\n";
  return out;
}

TEST(Gazetteer, LoadsActorsAliasesAndGeneratesNisbaForms) {
  Gazetteer g;
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "iraq", "type": "state", "label": {"ar": "العراق", "en": "Iraq"},
     "capitals": {"ar": ["بغداد"]}, "demonyms": {"stems": ["عراقي"], "en": ["Iraqi"]}}]})",
            "s.json");
  g.Finish();
  const Actor* iraq = g.Find("iraq");
  ASSERT_NE(iraq, nullptr);
  int capitals = 0, generated = 0;
  for (const auto& a : iraq->aliases) {
    capitals += a.how == How::kCapital;
    generated += a.generated;
  }
  EXPECT_EQ(capitals, 1);
  EXPECT_EQ(generated, 18);  // 9 suffixes, with and without ال
  EXPECT_EQ(g.hash().size(), 64u);
}

TEST(Gazetteer, NisbaFormsFollowTheSpec) {
  auto forms = NisbaForms("عراقي");
  for (const char* f : {"عراقي", "عراقية", "عراقيون", "عراقيين", "عراقيات", "عراقيا", "العراقي",
                        "العراقية", "العراقيين", "عراقيتان"})
    EXPECT_NE(std::find(forms.begin(), forms.end(), f), forms.end()) << f;
}

TEST(Gazetteer, BlockedDemonymFormsAreNotGenerated) {
  Gazetteer g;
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "turkey", "type": "state", "label": {"ar": "تركيا", "en": "Turkey"},
     "demonyms": {"stems": ["تركي"], "block": ["تركي"]}}]})",
            "s.json");
  g.Finish();
  for (const auto& a : g.Find("turkey")->aliases) EXPECT_NE(a.text, "تركي");
}

TEST(Gazetteer, DuplicateIdNamesBothFiles) {
  auto dir = testing::TempDir("gaz");
  const char* entry = R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "x", "type": "group", "label": {"ar": "س", "en": "X"}}]})";
  testing::WriteFile(dir / "a.json", entry);
  testing::WriteFile(dir / "b.json", entry);
  try {
    Gazetteer::Load({dir});
    FAIL();
  } catch (const Error& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("b.json: actor 'x': field 'id': defined twice: also in"), std::string::npos)
        << m;
    EXPECT_NE(m.find("a.json"), std::string::npos) << m;
  }
}

// nlohmann keeps the last of two equal keys: a second "aliases" (or "actors") would drop the first
// silently. Refused, in both modes, naming the key and which object.
TEST(Gazetteer, AKeyGivenTwiceInOneObjectIsRefused) {
  const std::string twice_in_actor = R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "x", "type": "group", "label": {"ar": "س", "en": "X"},
     "aliases": {"ar": ["سين"]}, "aliases": {"en": ["Ex"]}}]})";
  Gazetteer g;
  try {
    g.AddFile(twice_in_actor, "t.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "t.json: field 'aliases': given twice in one object (JSON object 2 of the file); "
                 "JSON leaves open which one counts");
  }
  std::vector<GazetteerProblem> problems;
  Gazetteer collecting;
  collecting.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [], "actors": []})", "u.json",
                     &problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "actors");
  // The same keys in different objects are fine.
  Gazetteer ok;
  ok.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "x", "type": "group", "label": {"ar": "س", "en": "X"}},
    {"id": "y", "type": "group", "label": {"ar": "ص", "en": "Y"}}]})",
             "ok.json");
  ok.Finish();
  EXPECT_EQ(ok.actors().size(), 2u);
}

// An empty demonym stem generated ال, ان, الآن and 90 false mentions on the sample; a label of
// spaces matched nothing. Both are errors, on the fast path and the checked one.
TEST(Gazetteer, BlankLabelsAndStemsAreRefused) {
  auto error = [](const std::string& json, bool collect) {
    Gazetteer g;
    std::vector<GazetteerProblem> problems;
    try {
      g.AddFile(json, "t.json", collect ? &problems : nullptr);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return problems.empty() ? std::string("no error") : problems[0].ToString();
  };
  const std::string stem = R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "x", "type": "state", "label": {"ar": "س", "en": "X"}, "demonyms": {"stems": ["", "سي"]}}]})";
  const std::string label = R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "x", "type": "state", "label": {"ar": "ـ", "en": "X"}}]})";  // a tatweel only
  for (bool collect : {false, true}) {
    EXPECT_EQ(error(stem, collect), "t.json: actor 'x': field 'demonyms.stems[0]': empty stem");
    EXPECT_EQ(error(label, collect), "t.json: actor 'x': field 'label.ar': empty");
  }
}

TEST(Gazetteer, UserFileExtendsAShippedActor) {
  Gazetteer g;
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "x", "type": "person", "label": {"ar": "زيد", "en": "Zaid"}}]})",
            "shipped.json");
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"extends": "x", "aliases": {"en": ["Zayd"]}}]})",
            "mine.json");
  g.Finish();
  bool found = false;
  for (const auto& a : g.Find("x")->aliases) found |= a.text == "Zayd";
  EXPECT_TRUE(found);
  EXPECT_NE(Errors(R"({"actorgraph_gazetteer": 1, "actors": [{"extends": "nobody"}]})")
                .find("actor 'nobody': field 'extends'"),
            std::string::npos);
}

TEST(Gazetteer, MalformedEntriesNameFileEntryAndField) {
  EXPECT_NE(
      Errors("{not json").find("f.json: malformed JSON at line 1, column 3 (byte 3): syntax error"),
      std::string::npos);
  EXPECT_NE(Errors(R"({"actors": []})").find("field 'actorgraph_gazetteer'"), std::string::npos);
  auto e = Errors(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "a", "type": "robot", "label": {"ar": "س", "en": "A"}},
    {"id": "b", "type": "person", "label": {"ar": "س"}},
    {"id": "Bad Id", "type": "person", "label": {"ar": "س", "en": "B"}},
    {"id": "c", "type": "person", "label": {"ar": "س", "en": "C"}, "aliases": {"ar": [{"text": "ص", "tier": "D"}]}},
    {"id": "d", "type": "person", "label": {"ar": "س", "en": "D"}, "alias": []}]})");
  EXPECT_NE(e.find("actor 'a': field 'type': unknown type 'robot'"), std::string::npos) << e;
  EXPECT_NE(e.find("actor 'b': field 'label.en': missing"), std::string::npos) << e;
  EXPECT_NE(e.find("actor '#2': field 'id'"), std::string::npos) << e;
  EXPECT_NE(e.find("actor 'c': field 'aliases.ar[0].tier': unknown tier 'D'"), std::string::npos)
      << e;
  EXPECT_NE(e.find("actor 'd': field 'alias': unknown field"), std::string::npos) << e;
}

TEST(Gazetteer, CountryFollowsAffiliations) {
  Gazetteer g;
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "iraq", "type": "state", "label": {"ar": "العراق", "en": "Iraq"}},
    {"id": "krg", "type": "state", "label": {"ar": "إقليم كردستان", "en": "Kurdistan Region"}, "affiliations": ["iraq"]},
    {"id": "pmf", "type": "group", "label": {"ar": "الحشد الشعبي", "en": "PMF"}, "affiliations": ["iraq"]},
    {"id": "kh", "type": "group", "label": {"ar": "كتائب حزب الله", "en": "KH"}, "affiliations": ["pmf"]},
    {"id": "un", "type": "group", "label": {"ar": "الأمم المتحدة", "en": "UN"}}]})",
            "g.json");
  g.Finish();
  EXPECT_EQ(g.CountryOf(*g.Find("kh")), "iraq");
  EXPECT_EQ(g.CountryOf(*g.Find("krg")), "iraq");
  EXPECT_EQ(g.CountryOf(*g.Find("un")), "");
}

// The same nlohmann out_of_range as fuzz_gold found, in a gazetteer file.
TEST(Gazetteer, NumberBeyondADoubleIsMalformedJson) {
  EXPECT_EQ(Errors(R"({"actorgraph_gazetteer": 1e400, "actors": []})"),
            "f.json: malformed JSON: number overflow parsing '1e400'\n");
}

// Issue 16: without a problems list, AddFile parses with simdjson and falls back to the nlohmann
// path on anything that path would report. The two must load the same entries...
TEST(Gazetteer, FastPathLoadsWhatTheCheckingPathLoads) {
  const std::filesystem::path shipped = testing::SourcePath("gazetteer");
  std::vector<GazetteerProblem> problems;
  Gazetteer fast = Gazetteer::Load({shipped});
  Gazetteer checked = Gazetteer::Load({shipped}, &problems);
  ASSERT_TRUE(problems.empty());
  ASSERT_GT(fast.actors().size(), 100u);
  ASSERT_EQ(fast.actors().size(), checked.actors().size());
  EXPECT_EQ(fast.hash(), checked.hash());
  for (size_t i = 0; i < fast.actors().size(); ++i) {
    const Actor &a = fast.actors()[i], &b = checked.actors()[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.note, b.note) << a.id;
    EXPECT_EQ(a.file, b.file) << a.id;
    ASSERT_EQ(a.aliases.size(), b.aliases.size()) << a.id;
    for (size_t k = 0; k < a.aliases.size(); ++k) {
      EXPECT_EQ(a.aliases[k].text, b.aliases[k].text) << a.id;
      EXPECT_EQ(a.aliases[k].any_case, b.aliases[k].any_case) << a.id;
      EXPECT_EQ(a.aliases[k].triggers, b.aliases[k].triggers) << a.id;
    }
  }
}

// ... and report the same first problem, with nothing left behind by the abandoned fast parse.
TEST(Gazetteer, FastPathFallsBackToTheSameMessages) {
  const char* ok = R"({"id": "ok", "type": "person", "label": {"ar": "زيد", "en": "Zaid"}})";
  const std::vector<std::string> bad_entries = {
      R"({"id": "a", "type": "robot", "label": {"ar": "س", "en": "A"}})",
      R"({"id": "b", "type": "person", "label": {"ar": "س"}})",
      R"({"id": "c", "type": "person", "label": {"ar": "س", "en": "C"}, "aliases": {"ar": [{"text": "ص", "tier": "D"}]}})",
      R"({"id": "d", "type": "person", "label": {"ar": "س", "en": "D"}, "aliases": {"ar": null}})",
      R"({"id": "e", "type": "person", "label": {"ar": "س", "en": "E"}, "aliases": {"ar": ["ـ"]}})",
      R"({"id": "f", "type": "person", "label": {"ar": "س", "en": "F"}, "roles": [{"start": "2020-01-01"}]})",
      R"({"id": "ok", "type": "person", "label": {"ar": "س", "en": "G"}})",
      R"({"extends": "nobody", "aliases": {"en": ["N"]}})",
      R"({"id": "h", "type": "person", "label": {"ar": "س", "en": "H"}, "wikidata": "42"})",
      R"({"id": "i", "type": "person", "label": {"ar": "س", "en": "I"}, "affiliations": [1]})"};
  for (const auto& bad : bad_entries) {
    std::string doc =
        std::string(R"({"actorgraph_gazetteer": 1, "actors": [)") + ok + ",\n" + bad + "]}";
    std::string expected = Errors(doc);
    ASSERT_FALSE(expected.empty()) << bad;
    Gazetteer g;
    try {
      g.AddFile(doc, "f.json");
      ADD_FAILURE() << "no error for " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()) + "\n", expected.substr(0, expected.find('\n') + 1)) << bad;
    }
  }
  for (const char* doc : {"{not json", R"({"actorgraph_gazetteer": 1e400, "actors": []})",
                          R"({"actorgraph_gazetteer": 1.0, "actors": []})", R"([1, 2])",
                          R"({"actorgraph_gazetteer": 1, "actors": {}})"}) {
    Gazetteer g;
    try {
      g.AddFile(doc, "f.json");
      ADD_FAILURE() << "no error for " << doc;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()) + "\n", Errors(doc)) << doc;
    }
  }
}

// Documents where simdjson and nlohmann could disagree on what is valid JSON: both paths must
// load the same entries or report the same first problem.
TEST(Gazetteer, FastPathAgreesWithTheCheckingPathOnEdgeCases) {
  const std::string entry =
      R"({"id": "x", "type": "person", "label": {"ar": "زيد", "en": "Zaid"}})";
  const std::vector<std::string> docs = {
      "\xEF\xBB\xBF{\"actorgraph_gazetteer\": 1, \"actors\": [" + entry + "]}",  // byte order mark
      R"({"actorgraph_gazetteer": 1, "actors": [)" + entry + "]} trailing",
      R"({"actorgraph_gazetteer": 1, "description": "bad \xC3", "actors": [)" + entry + "]}",
      R"({"actorgraph_gazetteer": 1, "description": "\ud800", "actors": [)" + entry + "]}",
      R"({"actorgraph_gazetteer": 1, "description": [1, 2,], "actors": [)" + entry + "]}",
      R"({"actorgraph_gazetteer": 1, "x": 123456789012345678901234567890, "actors": [)" + entry +
          "]}",
      R"({"actorgraph_gazetteer": 1, "actors": [)" + entry + "]}\n",
      R"({"actorgraph_gazetteer": 1, "actors": [{"id": "x", "type": "person", "label": {"ar": "زيد", "en": "Zaid", "fr": "Zaïd"}, "note": null}]})"};
  for (const auto& doc : docs) {
    std::vector<GazetteerProblem> problems;
    Gazetteer checked;
    checked.AddFile(doc, "f.json", &problems);
    Gazetteer fast;
    try {
      fast.AddFile(doc, "f.json");
      EXPECT_TRUE(problems.empty()) << doc;
      EXPECT_EQ(fast.hash(), checked.hash()) << doc;
    } catch (const Error& e) {
      ASSERT_FALSE(problems.empty()) << doc << ": " << e.what();
      EXPECT_EQ(e.what(), problems[0].ToString()) << doc;
    }
  }
}

}  // namespace
}  // namespace actorgraph
