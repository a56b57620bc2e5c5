#include "actorgraph/gazetteer/gazetteer_check.h"

#include <gtest/gtest.h>

#include "actorgraph/text/normalize.h"

namespace actorgraph {
namespace {

// Lints one file's actors; returns "field: message" lines of errors (or warnings).
std::string Lint(const std::string& actors, bool warnings = false) {
  Gazetteer g;
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [)" + actors + "]}", "t.json");
  g.Finish();
  auto r = LintGazetteer(g, {NormalizeString("المهندس"), NormalizeString("مالي")});
  std::string out;
  for (const auto& p : warnings ? r.warnings : r.errors) out += p.ToString() + "\n";
  return out;
}

constexpr const char* kA =
    R"({"id": "a", "type": "person", "label": {"ar": "زيد الأول", "en": "A"})";

TEST(GazetteerCheck, CleanFilePasses) { EXPECT_EQ(Lint(std::string(kA) + "}"), ""); }

TEST(GazetteerCheck, SharedAliasAtTheSameTier) {
  auto e = Lint(R"({"id": "a", "type": "person", "label": {"ar": "زيد", "en": "A"}},
                   {"id": "b", "type": "person", "label": {"ar": "عمرو", "en": "B"}, "aliases": {"ar": ["زيد"]}})");
  EXPECT_NE(e.find("tier-A alias 'زيد' is also an alias of b"), std::string::npos) << e;
  auto w = Lint(
      R"({"id": "a", "type": "person", "label": {"ar": "زيد الأول", "en": "A"}, "aliases": {"ar": [{"text": "زيد", "tier": "B"}]}},
                   {"id": "b", "type": "person", "label": {"ar": "زيد الثاني", "en": "B"}, "aliases": {"ar": [{"text": "زيد", "tier": "B"}]}})",
      true);
  EXPECT_NE(w.find("tier-B alias 'زيد' is shared with b"), std::string::npos) << w;
}

TEST(GazetteerCheck, AlwaysOnCommonWord) {
  auto e = Lint(
      R"({"id": "m", "type": "person", "label": {"ar": "أبو مهدي المهندس", "en": "M"}, "aliases": {"ar": ["المهندس"]}})");
  EXPECT_NE(e.find("always-on alias 'المهندس' is a common word"), std::string::npos) << e;
  EXPECT_EQ(
      Lint(
          R"({"id": "m", "type": "person", "label": {"ar": "أبو مهدي المهندس", "en": "M"}, "aliases": {"ar": [{"text": "المهندس", "tier": "B"}]}})"),
      "");
  // Generated demonym forms are checked too.
  auto d = Lint(
      R"({"id": "mali", "type": "state", "label": {"ar": "جمهورية مالي", "en": "Mali"}, "demonyms": {"stems": ["مالي"]}})");
  EXPECT_NE(d.find("field 'demonyms.stems'"), std::string::npos) << d;
}

TEST(GazetteerCheck, BadAndOverlappingRoleDates) {
  auto e = Lint(R"({"id": "a", "type": "person", "label": {"ar": "زيد", "en": "A"},
                    "roles": [{"title": "PM", "start": "2020-13-01"}, {"title": "PM", "start": "2020-05-07", "end": "2019-01-01"}]})");
  EXPECT_NE(e.find("roles[0].start': '2020-13-01' is not YYYY-MM-DD"), std::string::npos) << e;
  EXPECT_NE(e.find("roles[1].end': ends before it starts"), std::string::npos) << e;
  auto o = Lint(
      R"({"id": "a", "type": "person", "label": {"ar": "زيد", "en": "A"}, "roles": [{"title": "PM", "start": "2020-05-07", "end": "2022-10-27"}]},
                   {"id": "b", "type": "person", "label": {"ar": "عمرو", "en": "B"}, "roles": [{"title": "PM", "start": "2022-01-01"}]},
                   {"id": "c", "type": "person", "label": {"ar": "خالد", "en": "C"}, "roles": [{"title": "FM", "start": "2022-10-27"}]},
                   {"id": "d", "type": "person", "label": {"ar": "سعد", "en": "D"}, "roles": [{"title": "FM", "start": "2020-01-01", "end": "2022-10-27"}]})");
  EXPECT_NE(o.find("'PM' from 2022-01-01 overlaps the term of a"), std::string::npos) << o;
  EXPECT_EQ(o.find("'FM'"), std::string::npos) << o;  // a same-day handover is fine
}

TEST(GazetteerCheck, UnknownAffiliation) {
  auto e = Lint(
      R"({"id": "a", "type": "person", "label": {"ar": "زيد", "en": "A"}, "affiliations": ["nowhere", "a"]})");
  EXPECT_NE(e.find("field 'affiliations': unknown actor id 'nowhere'"), std::string::npos) << e;
  EXPECT_NE(e.find("cannot belong to itself"), std::string::npos) << e;
}

TEST(GazetteerCheck, MissingLabelsAndUnknownTypesAreLoadErrors) {
  // These are caught while loading (see GazetteerTest.MalformedEntries...); the check command
  // reports load problems and lint problems together.
  Gazetteer g;
  std::vector<GazetteerProblem> problems;
  g.AddFile(
      R"({"actorgraph_gazetteer": 1, "actors": [{"id": "a", "type": "x", "label": {"ar": "س", "en": "A"}}]})",
      "t.json", &problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "type");
}

TEST(GazetteerCheck, AliasContainingAnotherActorsName) {
  auto w =
      Lint(R"({"id": "hezbollah", "type": "group", "label": {"ar": "حزب الله", "en": "Hezbollah"}},
                   {"id": "kh", "type": "group", "label": {"ar": "كتائب حزب الله", "en": "Kataib Hezbollah"}},
                   {"id": "iraq", "type": "state", "label": {"ar": "العراق", "en": "Iraq"}, "demonyms": {"stems": ["عراقي"]}},
                   {"id": "irgc", "type": "group", "label": {"ar": "الحرس العراقي", "en": "Guard"}})",
           true);
  EXPECT_NE(w.find("actor 'kh': field 'aliases': alias 'كتائب حزب الله' contains 'حزب الله', a "
                   "name of hezbollah"),
            std::string::npos)
      << w;
  EXPECT_EQ(w.find("actor 'irgc'"), std::string::npos) << w;  // a demonym inside a name is fine
}

TEST(GazetteerCheck, AliasesDifferingOnlyByAClitic) {
  auto w = Lint(R"({"id": "badr", "type": "group", "label": {"ar": "بدر", "en": "Badr"}},
                   {"id": "lbadr", "type": "person", "label": {"ar": "لبدر", "en": "Lbadr"}},
                   {"id": "sadr", "type": "person", "label": {"ar": "الصدر", "en": "Sadr"}},
                   {"id": "sdr", "type": "person", "label": {"ar": "صدر", "en": "Sdr"}})",
                true);
  EXPECT_NE(w.find("actor 'lbadr': field 'aliases': alias 'لبدر' differs from 'بدر'"),
            std::string::npos)
      << w;
  EXPECT_NE(w.find("actor 'sadr': field 'aliases': alias 'الصدر' differs from 'صدر'"),
            std::string::npos)
      << w;
}

}  // namespace
}  // namespace actorgraph
