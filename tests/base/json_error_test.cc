#include "actorgraph/base/json_error.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace actorgraph {
namespace {

// What nlohmann::json itself reports for `text`.
std::pair<std::string, size_t> ParseErrorOf(const std::string& text) {
  try {
    nlohmann::json j = nlohmann::json::parse(text);
    (void)j;
  } catch (const nlohmann::json::parse_error& e) {
    return {e.what(), e.byte};
  }
  ADD_FAILURE() << "parsed: " << text;
  return {"", 0};
}

TEST(JsonError, NamesLineColumnByteAndReason) {
  auto [what, byte] = ParseErrorOf("{\n  \"a\": 1,\n  \"b\": [1, 2,, 3]\n}");
  EXPECT_EQ(JsonErrorAt(what, byte),
            "at line 3, column 14 (byte 26): syntax error while parsing value - unexpected ','; "
            "expected '[', '{', or a literal");
}

TEST(JsonError, OneJsonlLineNamesItsByteAndReason) {
  auto [what, byte] = ParseErrorOf(R"({"id": "b", "text": tru})");
  EXPECT_EQ(JsonErrorInLine(what, byte),
            "at byte 24 of the line: syntax error while parsing value - invalid literal; last "
            "read: '\"text\": tru}'");
}

TEST(JsonError, LongReasonIsCutOnACharacterBoundary) {
  // An unterminated string: nlohmann quotes all of it as the last token read.
  std::string arabic;
  for (int i = 0; i < 200; ++i) arabic += "\xd8\xa8";  // ب, two bytes
  auto [what, byte] = ParseErrorOf("{\"a\": \"" + arabic);
  std::string s = JsonErrorAt(what, byte);
  EXPECT_EQ(s.rfind("at line 1, column ", 0), 0u) << s;
  ASSERT_GE(s.size(), 3u);
  EXPECT_EQ(s.substr(s.size() - 3), "...");
  std::string before = s.substr(0, s.size() - 3);
  EXPECT_NE(static_cast<unsigned char>(before.back()), 0xD8) << "cut inside a character";
  EXPECT_LT(s.size(), 260u);
}

TEST(JsonError, BytesThatAreNotUtf8AreShownAsHex) {
  auto [what, byte] = ParseErrorOf("\x89PNG\r\n");
  std::string s = JsonErrorAt(what, byte);
  EXPECT_NE(s.find("<0x89>"), std::string::npos) << s;
  EXPECT_EQ(s.find('\x89'), std::string::npos) << s;
  EXPECT_EQ(JsonErrorAt("[x] bad 'a\xC3\xA9\xE9'", 4), "at byte 4: bad 'a\xC3\xA9<0xE9>'");
  // Control characters and a byte order mark are invisible or harmful on a terminal.
  EXPECT_EQ(JsonErrorAt("[x] bad '\x7F\x1B\xEF\xBB\xBFx'", 2),
            "at byte 2: bad '<0x7F><0x1B><U+FEFF>x'");
}

TEST(JsonError, OtherFormsKeepTheirText) {
  EXPECT_EQ(JsonErrorAt("[json.exception.parse_error.999] something else", 7),
            "at byte 7: something else");
  EXPECT_EQ(JsonErrorAt("plain", 1), "at byte 1: plain");
  EXPECT_EQ(JsonErrorAt("[x] parse error at line 2, column: odd", 3),
            "at byte 3: parse error at line 2, column: odd");
}

}  // namespace
}  // namespace actorgraph
