#include "actorgraph/base/error.h"

#include <gtest/gtest.h>

namespace actorgraph {
namespace {

TEST(Error, MessageIsOnePrintableLine) {
  EXPECT_STREQ(Error("f.json: field 'x': bad").what(), "f.json: field 'x': bad");
  std::string quoted = std::string("f.json: field 'terms.ar[0]': 'a") + '\0' + "b'";
  EXPECT_STREQ(Error(quoted).what(), "f.json: field 'terms.ar[0]': 'a\\0b'");  // not cut at NUL
  EXPECT_STREQ(Error("group 'a\nb\r'").what(), "group 'a\\nb\\r'");
  EXPECT_STREQ(Error("type '\x1b[31mred\x7f'").what(), "type '\\x1b[31mred\\x7f'");
  EXPECT_EQ(OneLine("a\tb"), "a\tb");          // a tab stays
  EXPECT_EQ(OneLine("\xD8\xB9"), "\xD8\xB9");  // UTF-8 is not touched
}

}  // namespace
}  // namespace actorgraph
