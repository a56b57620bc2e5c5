// Issue 10, kind 0: every tier-A name, alias and generated form of the shipped gazetteer is found
// as its own actor in a neutral sentence; the same check finds aliases that can never match.
#include "actorgraph/match/self_test.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace actorgraph {
namespace {

LintResult Check(const std::string& actors) {
  Gazetteer g;
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [)" + actors + "]}", "t.json");
  g.Finish();
  Matcher m(g);
  return SelfTest(g, m);
}

TEST(MatcherKind0SelfTest, EveryShippedFormIsFoundAsItsActor) {
  Gazetteer g = Gazetteer::Load({testing::SourcePath("gazetteer")});
  Matcher m(g);
  LintResult r = SelfTest(g, m);
  std::string report;
  for (const auto& e : r.errors) report += e.ToString() + "\n";
  EXPECT_TRUE(r.errors.empty()) << r.errors.size() << " forms not found:\n" << report;
}

TEST(MatcherKind0SelfTest, HyphenatedAndDottedNamesPass) {
  auto r = Check(
      R"j({"id": "assad", "type": "person", "label": {"ar": "حافظ الأسد", "en": "Hafez al-Assad"},
    "aliases": {"en": ["Hafez Al-Assad", "H. al-Assad"]}},
    {"id": "isk", "type": "group", "label": {"ar": "ولاية خراسان", "en": "ISIS-K"},
     "aliases": {"en": ["Mojahedin-e Khalq Test", "U.S.-led coalition"]}},
    {"id": "akp", "type": "group", "label": {"ar": "العدالة والتنمية", "en": "Justice and Development Party (Turkey)"}})j");
  EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : r.errors[0].ToString());
}

TEST(MatcherKind0SelfTest, AliasThatCanNeverMatchIsAnError) {
  // A lower-case alias of a longer tier-A name ending in it is swallowed; a name made only of
  // punctuation-separated pieces with a dash is never joined.
  auto r =
      Check(R"j({"id": "a", "type": "group", "label": {"ar": "جبهة الشمال", "en": "North Front"},
    "aliases": {"en": ["Hezbollah–Amal Axis"]}},
    {"id": "hezbollah", "type": "group", "label": {"ar": "حزب الله", "en": "Hezbollah"}})j");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].ToString().find("alias can never match"), std::string::npos);
  EXPECT_NE(r.errors[0].ToString().find("gives hezbollah"), std::string::npos)
      << r.errors[0].ToString();
  EXPECT_EQ(r.errors[0].field, "aliases.en");
}

TEST(MatcherKind0SelfTest, SharedNameIsAWarningNotAnError) {
  auto r = Check(
      R"j({"id": "akp_tr", "type": "group", "label": {"ar": "حزب أ", "en": "Justice Party (Turkey)"}},
    {"id": "akp_ma", "type": "group", "label": {"ar": "حزب ب", "en": "Justice Party (Morocco)"}})j");
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.warnings.size(), 2u);
}

TEST(MatcherKind0SelfTest, ArabicProcliticFormsAreTested) {
  // A capital's ب-form names the place and is not required; the others are.
  auto r = Check(R"j({"id": "iran", "type": "state", "label": {"ar": "إيران", "en": "Iran"},
    "capitals": {"ar": ["طهران"], "en": ["Tehran"]}, "demonyms": {"stems": ["إيراني"]}})j");
  EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : r.errors[0].ToString());
  EXPECT_EQ(NeutralSentence("طهران", "ar"), "وفي سياق آخر، قال طهران في بيان أمس.");
}

TEST(MatcherKind0SelfTest, LatinLabelArGetsNoArabicProcliticForms) {
  // gazetteer suggest repeats an English candidate's name as its label.ar; the matcher gives a
  // Latin first token no proclitic forms (بFollows), so the self-test does not require them, and
  // the plain form is still checked.
  auto r = Check(R"j({"id": "wake", "type": "group", "label": {"ar": "Wake", "en": "Wake"}})j");
  EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : r.errors[0].ToString());
  auto bad =
      Check(R"j({"id": "a", "type": "group", "label": {"ar": "Hezbollah–Amal Axis", "en": "A"}},
    {"id": "hezbollah", "type": "group", "label": {"ar": "حزب الله", "en": "Hezbollah"}})j");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].field, "label.ar");
}

}  // namespace
}  // namespace actorgraph
