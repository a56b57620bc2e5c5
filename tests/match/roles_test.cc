#include "actorgraph/match/roles.h"

#include <gtest/gtest.h>

#include "actorgraph/pipeline/pipeline.h"

namespace actorgraph {
namespace {

Gazetteer Pms() {
  Gazetteer g;
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "iraq", "type": "state", "label": {"ar": "العراق", "en": "Iraq"},
     "demonyms": {"stems": ["عراقي"], "en": ["Iraqi"]}},
    {"id": "kadhimi", "type": "person", "label": {"ar": "مصطفى الكاظمي", "en": "Mustafa al-Kadhimi"},
     "roles": [{"title": "Prime Minister of Iraq", "start": "2020-05-07", "end": "2022-10-27"}]},
    {"id": "sudani", "type": "person", "label": {"ar": "محمد شياع السوداني", "en": "Mohammed Shia al-Sudani"},
     "roles": [{"title": "Prime Minister of Iraq", "start": "2022-10-27"}]}]})",
            "g.json");
  g.Finish();
  return g;
}

// The ids of the how=role mentions in `text` dated `date`.
std::vector<std::string> Roles(const Gazetteer& g, const std::string& text,
                               const std::string& date) {
  Matcher m(g);
  RoleResolver r(g);
  Document d;
  d.text = text;
  d.date = date;
  MatchScratch sc;
  std::vector<Mention> mentions;
  MatchDocument(m, &r, kAllTypes, d, &sc, &mentions);
  std::vector<std::string> out;
  for (const Mention& mn : mentions)
    if (mn.how == How::kRole) out.push_back(g.actors()[mn.actor].id);
  return out;
}

using Ids = std::vector<std::string>;

TEST(Roles, ResolvesTheHolderOnEachSideOfAChangeOfOffice) {
  Gazetteer g = Pms();
  const std::string ar = "وقال رئيس الوزراء العراقي إن الحكومة ماضية في الإصلاح.";
  EXPECT_EQ(Roles(g, ar, "2021-06-01"), Ids{"kadhimi"});
  EXPECT_EQ(Roles(g, ar, "2022-10-26"), Ids{"kadhimi"});
  EXPECT_EQ(Roles(g, ar, "2022-10-27"), Ids{"sudani"});  // the handover day is the successor's
  EXPECT_EQ(Roles(g, ar, "2024-01-15T09:30:00Z"), Ids{"sudani"});
  EXPECT_EQ(Roles(g, "التقى رئيس وزراء العراق وفدا أمريكيا.", "2021-06-01"), Ids{"kadhimi"});
}

TEST(Roles, EnglishForms) {
  Gazetteer g = Pms();
  EXPECT_EQ(Roles(g, "The Iraqi prime minister said the talks went well.", "2021-06-01"),
            Ids{"kadhimi"});
  EXPECT_EQ(Roles(g, "Iraq's prime minister met the envoy.", "2023-01-01"), Ids{"sudani"});
  EXPECT_EQ(Roles(g, "He met the prime minister of Iraq on Monday.", "2023-01-01"), Ids{"sudani"});
}

TEST(Roles, NothingForUndatedDocumentsOrDatesOutsideEveryTerm) {
  Gazetteer g = Pms();
  const std::string ar = "وقال رئيس الوزراء العراقي إن الحكومة ماضية في الإصلاح.";
  EXPECT_TRUE(Roles(g, ar, "").empty());
  EXPECT_TRUE(Roles(g, ar, "2019-01-01").empty());
  EXPECT_TRUE(Roles(g, ar, "not a date").empty());
}

TEST(Roles, ANamedPersonIsNotAlsoATitleMention) {
  Gazetteer g = Pms();
  EXPECT_TRUE(
      Roles(g, "وقال رئيس الوزراء العراقي مصطفى الكاظمي إن الحكومة ماضية.", "2021-06-01").empty());
  EXPECT_TRUE(Roles(g, "Iraqi Prime Minister Mustafa al-Kadhimi said so.", "2021-06-01").empty());
}

TEST(Roles, OffUnlessAsked) {
  Gazetteer g = Pms();
  Matcher m(g);
  Document d;
  d.text = "وقال رئيس الوزراء العراقي إن الحكومة ماضية.";
  d.date = "2021-06-01";
  MatchScratch sc;
  std::vector<Mention> mentions;
  MatchDocument(m, nullptr, kAllTypes, d, &sc, &mentions);
  for (const Mention& mn : mentions) EXPECT_NE(mn.how, How::kRole);
  RoleResolver r(g);
  EXPECT_EQ(r.offices(), 1u);
  EXPECT_EQ(r.Holder("Prime Minister of Iraq", "2021-06-01"), g.IndexOf("kadhimi"));
  EXPECT_EQ(r.Holder("President of Iraq", "2021-06-01"), -1);
}

}  // namespace
}  // namespace actorgraph
