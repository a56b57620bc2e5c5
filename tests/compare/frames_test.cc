#include "actorgraph/compare/frames.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
#include "test_util.h"

namespace actorgraph {
namespace {

const char* kDict = R"({"name": "t", "frames": [
  {"id": "martyrdom", "label": "Martyrdom", "terms": {"ar": ["الشهيد", "استشهاد*"], "en": ["martyr*"]}},
  {"id": "terrorism", "terms": {"ar": ["إرهاب*"], "en": ["terrorist"]}}]})";

TEST(Frames, ExactAndStarTermsMatchNormalisedKeys) {
  FrameDictionary d = FrameDictionary::Parse(kDict, "t.json");
  ASSERT_EQ(d.frames().size(), 2u);
  EXPECT_EQ(d.frames()[1].label, "terrorism");           // label defaults to id
  EXPECT_EQ(d.Match(NormalizeString("شهيد"), {}), 1u);   // the article is removed from the entry
  EXPECT_EQ(d.Match(NormalizeString("شهيدة"), {}), 0u);  // exact term: no other ending
  EXPECT_EQ(d.Match(NormalizeString("استشهادي"), {}), 1u);
  EXPECT_EQ(d.Match(NormalizeString("ارهابيين"), {}), 2u);  // hamza folded, any ending
  EXPECT_EQ(d.Match("martyrs", {}), 1u);
  EXPECT_EQ(d.Match("terrorists", {}), 0u);
  EXPECT_EQ(d.Match("terrorist", {}), 2u);
  // A bare-proclitic stem candidate counts too: وارهاب -> ارهاب.
  std::string waw = NormalizeString("وإرهاب"), stem = NormalizeString("إرهاب");
  EXPECT_EQ(d.Match(waw, {stem}), 2u);
  EXPECT_EQ(d.Match(waw, {}), 0u);
}

TEST(Frames, MalformedFilesNameFrameAndField) {
  try {
    FrameDictionary::Parse(R"({"frames": [{"id": "x", "terms": {"ar": ["حقوق الإنسان"]}}]})",
                           "f.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("f.json: frames[0]"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("terms.ar[0]"), std::string::npos) << e.what();
  }
  EXPECT_THROW(FrameDictionary::Parse("{", "f.json"), Error);
  EXPECT_THROW(FrameDictionary::Parse(R"({"frames": [{"terms": {}}]})", "f.json"), Error);
  EXPECT_THROW(FrameDictionary::Parse(
                   R"({"frames": [{"id": "a", "terms": {}}, {"id": "a", "terms": {}}]})", "f"),
               Error);
  // A key given twice: the first "en" list would be dropped silently.
  try {
    FrameDictionary::Parse(
        R"({"frames": [{"id": "a", "terms": {"en": ["war*"], "en": ["fight*"]}}]})", "f.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "f.json: field 'en': given twice in one object (JSON object 3 of the file); JSON "
                 "leaves open which one counts");
  }
}

// Found by fuzz_frames (fuzz/regressions/fuzz_frames/): 1e400 made nlohmann throw out_of_range,
// which FrameDictionary::Parse did not catch.
TEST(Frames, NumberBeyondADoubleIsMalformedJson) {
  std::string crash = testing::ReadFile(testing::SourcePath(
      "fuzz/regressions/fuzz_frames/crash-4f29466026e472bbffb447a490bc4c5f430dd91d"));
  try {
    FrameDictionary::Parse(crash, "f.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "f.json: malformed JSON: number overflow parsing '1e400'");
  }
}

TEST(Frames, ShippedStarterLoads) {
  FrameDictionary d = FrameDictionary::Load(testing::SourcePath("data/frames/conflict.json"));
  std::vector<std::string> ids;
  for (const auto& f : d.frames()) ids.push_back(f.id);
  for (const char* want : {"terrorism", "resistance", "martyrdom", "occupation_aggression",
                           "sovereignty", "sectarian", "diplomacy", "humanitarian"})
    EXPECT_NE(std::find(ids.begin(), ids.end(), want), ids.end()) << want;
  EXPECT_NE(d.Match(StripArticle(NormalizeString("الإرهابي")), {}), 0u);
}

}  // namespace
}  // namespace actorgraph
