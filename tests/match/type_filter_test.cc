#include "actorgraph/match/type_filter.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
#include "test_util.h"

namespace actorgraph {
namespace {

TEST(TypeFilter, ParsesTypeLists) {
  EXPECT_EQ(ParseTypes("person,media"), TypeBit(ActorType::kPerson) | TypeBit(ActorType::kMedia));
  EXPECT_EQ(ParseTypes("all"), kAllTypes);
  EXPECT_EQ(ParseTypes(" state , group "), TypeBit(ActorType::kState) | TypeBit(ActorType::kGroup));
  EXPECT_THROW(ParseTypes("person,robot"), Error);
  EXPECT_THROW(ParseTypes(""), Error);
  EXPECT_FALSE(kNetworkTypes & TypeBit(ActorType::kMedia));
  EXPECT_EQ(TypesToString(kNetworkTypes), "person,state,group");
  EXPECT_EQ(TypesToString(ParseTypes("media,person")), "person,media");
  EXPECT_EQ(ParseTypes(TypesToString(kAllTypes)), kAllTypes);
}

TEST(TypeFilter, MediaKeepTheirDemonymAndAreDroppedOnlyAfterMatching) {
  Gazetteer g;
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "iraq", "type": "state", "label": {"ar": "العراق", "en": "Iraq"},
     "demonyms": {"stems": ["عراقي"]}}]})",
            "s.json");
  g.AddFile(testing::ReadFile(testing::SourcePath("tests/data/media_fixture.json")), "media.json");
  g.Finish();
  Matcher m(g);
  MatchScratch sc;
  std::vector<Mention> mentions;
  m.Match("وذكرت وكالة الأنباء العراقية أن الوفد وصل إلى العراق.", &sc, &mentions);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(g.actors()[mentions[0].actor].type, ActorType::kMedia);
  EXPECT_EQ(g.actors()[mentions[1].actor].id, "iraq");
  FilterTypes(g, kNetworkTypes, &mentions);
  ASSERT_EQ(mentions.size(), 1u);  // the agency is gone, and its demonym never became Iraq
  EXPECT_EQ(g.actors()[mentions[0].actor].id, "iraq");
}

}  // namespace
}  // namespace actorgraph
