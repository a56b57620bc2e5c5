#include "actorgraph/base/utf8.h"

#include <gtest/gtest.h>

#include <string_view>

namespace actorgraph {
namespace {

TEST(Utf8, FindInvalidUtf8) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), -1);
  EXPECT_EQ(FindInvalidUtf8("العراق"), -1);
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\x80"), 2);            // overlong
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0);          // surrogate
  EXPECT_EQ(FindInvalidUtf8("x\xE2\x82"), 1);             // truncated
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x98\x80 ok"), -1);  // emoji
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0);      // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("a\xFF"), 1);
}

TEST(Utf8, SequenceLength) {
  auto len = [](std::string_view s) {
    return Utf8SequenceLength(reinterpret_cast<const unsigned char*>(s.data()), s.size());
  };
  EXPECT_EQ(len("a"), 1u);
  EXPECT_EQ(len("\xD8\xB9x"), 2u);         // ع
  EXPECT_EQ(len("\xE2\x82\xAC"), 3u);      // €
  EXPECT_EQ(len("\xF0\x9F\x98\x80"), 4u);  // emoji
  EXPECT_EQ(len("\xD8"), 0u);              // truncated
  EXPECT_EQ(len("\x80"), 0u);              // a continuation byte
  EXPECT_EQ(len("\xC1\xBF"), 0u);          // overlong
}

}  // namespace
}  // namespace actorgraph
