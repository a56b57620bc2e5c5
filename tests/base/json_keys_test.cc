#include "actorgraph/base/json_keys.h"

#include <gtest/gtest.h>

namespace actorgraph {
namespace {

TEST(DuplicateKeys, FindsTheFirstKeyGivenTwiceInOneObject) {
  auto d = FindDuplicateKey(R"({"a": {"x": 1, "y": 2}, "b": [{"x": 1}, {"x": 2, "x": 3}]})");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->key, "x");
  EXPECT_EQ(d->object, 4u);
  EXPECT_EQ(d->Message(),
            "given twice in one object (JSON object 4 of the file); JSON leaves open which one "
            "counts");
  EXPECT_EQ(FindDuplicateKey(R"({"x": {"x": 1}, "y": [{"x": 1}, {"x": 2}]})"), std::nullopt);
  EXPECT_EQ(FindDuplicateKey(R"({"x": 1, "x": )"), std::nullopt);  // malformed: the caller says so
  EXPECT_EQ(FindDuplicateKey("[]"), std::nullopt);
}

}  // namespace
}  // namespace actorgraph
