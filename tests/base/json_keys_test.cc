#include "actorgraph/base/json_keys.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace actorgraph {
namespace {

TEST(DuplicateKeys, FindsTheFirstKeyGivenTwiceInOneObject) {
  DuplicateKeys keys;
  auto j = nlohmann::json::parse(R"({"a": {"x": 1, "y": 2}, "b": [{"x": 1}, {"x": 2, "x": 3}]})",
                                 keys.Callback<nlohmann::json>());
  ASSERT_TRUE(keys.found());
  EXPECT_EQ(keys.key(), "x");
  EXPECT_EQ(keys.Message(),
            "given twice in one object (JSON object 4 of the file); JSON leaves open which one "
            "counts");
  EXPECT_EQ(j["b"][1]["x"], 3);  // the parse itself is unchanged
  DuplicateKeys none;
  auto k = nlohmann::ordered_json::parse(R"({"x": {"x": 1}, "y": [{"x": 1}, {"x": 2}]})",
                                         none.Callback<nlohmann::ordered_json>());
  EXPECT_FALSE(none.found());
  EXPECT_EQ(k["y"][1]["x"], 2);
}

}  // namespace
}  // namespace actorgraph
