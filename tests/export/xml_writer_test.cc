#include "actorgraph/export/xml_writer.h"

#include <gtest/gtest.h>

#include <charconv>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

double ReadDouble(const std::string& s) {
  double d = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), d);
  EXPECT_EQ(r.ptr, s.data() + s.size()) << s;
  return d;
}

TEST(XmlWriter, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(EscapeXml("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
  EXPECT_EQ(EscapeXml("t\tn\nr\r"), "t&#9;n&#10;r&#13;");
}

// CleanText copies runs of kept characters whole: on random bytes (mostly text, with controls,
// stray continuation bytes, truncated sequences, surrogates and U+FFFE/U+FFFF mixed in) it must
// give what a character-by-character reading of its definition gives, which is decoded here with
// ICU-free code written for the test.
TEST(XmlWriter, CleanTextEqualsTheCharacterByCharacterDefinition) {
  auto reference = [](std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
      auto b = [&](size_t k) {
        return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
      };
      auto cont = [&](size_t k) { return i + k < s.size() && (b(k) & 0xC0) == 0x80; };
      unsigned char c = b(0);
      size_t n = 0;
      uint32_t cp = 0;
      if (c < 0x80) {
        n = 1, cp = c;
      } else if (c >= 0xC2 && c <= 0xDF && cont(1)) {
        n = 2, cp = (c & 0x1Fu) << 6 | (b(1) & 0x3Fu);
      } else if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
        cp = (c & 0x0Fu) << 12 | (b(1) & 0x3Fu) << 6 | (b(2) & 0x3Fu);
        n = cp >= 0x800 ? 3 : 0;
      } else if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
        cp = (c & 0x07u) << 18 | (b(1) & 0x3Fu) << 12 | (b(2) & 0x3Fu) << 6 | (b(3) & 0x3Fu);
        n = cp >= 0x10000 && cp <= 0x10FFFF ? 4 : 0;
      }
      if (n == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
        continue;
      }
      bool legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                   (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
      if (legal) out.append(s.substr(i, n));
      i += n;
    }
    return out;
  };
  const std::vector<std::string> pieces = {
      "abc ",         "العراق ",          "\t\n\r",           "\x01",         "\x7F",
      "\xEF\xBF\xBE", "\xEF\xBF\xBF",     "\xED\xA0\x80",     "\x80",         "\xC3",
      "\xE2\x82",     "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80", "\xE0\x80\x80", "\xC0\xAF",
      "&<>\"'"};
  uint64_t x = 88172645463325252ull;
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    for (int k = 0; k < 12; ++k) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      s += pieces[x % pieces.size()];
    }
    ASSERT_EQ(CleanText(s), reference(s)) << testing::PrintToString(s);
  }
}

TEST(XmlWriter, KeepsArabicAndOtherValidUtf8) {
  std::string s = "العراق — 😀 \xEF\xBF\xBD";
  EXPECT_EQ(CleanText(s), s);
}

TEST(XmlWriter, DropsCharactersIllegalInXml) {
  EXPECT_EQ(CleanText(std::string("a\x00"
                                  "b\x0B"
                                  "c\x1F"
                                  "d",
                                  7)),
            "abcd");
  EXPECT_EQ(CleanText("x\xEF\xBF\xBEy\xEF\xBF\xBFz"), "xyz");  // U+FFFE, U+FFFF
  EXPECT_EQ(CleanText("x\xED\xA0\x80y"), "xy");                // lone surrogate U+D800
  EXPECT_EQ(CleanText("\t\n\r"), "\t\n\r");
}

TEST(XmlWriter, ReplacesInvalidUtf8BytesWithReplacementCharacter) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(CleanText("a\xFF"
                      "b"),
            "a" + fffd + "b");
  EXPECT_EQ(CleanText("\xC0\xAF"), fffd + fffd);                        // overlong
  EXPECT_EQ(CleanText("\xD8"), fffd);                                   // truncated at the end
  EXPECT_EQ(CleanText("\xE0\x80\x80"), fffd + fffd + fffd);             // overlong 3-byte
  EXPECT_EQ(CleanText("\xF4\x90\x80\x80"), fffd + fffd + fffd + fffd);  // above U+10FFFF
  EXPECT_EQ(CleanText("\xF0\x9F\x98"), fffd + fffd + fffd);             // truncated 4-byte
}

TEST(XmlWriter, FormatsIntegersExactly) {
  EXPECT_EQ(FormatNumber(0), "0");
  EXPECT_EQ(FormatNumber(uint64_t{18446744073709551615u}), "18446744073709551615");
  EXPECT_EQ(FormatNumber(int64_t{-42}), "-42");
}

TEST(XmlWriter, FormatsDoublesShortestRoundTrip) {
  EXPECT_EQ(FormatNumber(1234567.891), "1234567.891");
  EXPECT_EQ(FormatNumber(3.0), "3");
  EXPECT_EQ(FormatNumber(0.1), "0.1");
  for (double d : {1.0 / 3, 2.0 / 3 * 1e300, 5e-324, std::numeric_limits<double>::max(), -0.5})
    EXPECT_EQ(ReadDouble(FormatNumber(d)), d);
}

TEST(XmlWriter, WritesIndentedWellFormedDocument) {
  std::ostringstream out;
  XmlWriter xml(out);
  xml.Declaration();
  xml.StartElement("root").Attribute("a", "x\"<y");
  xml.StartElement("empty").EndElement();
  xml.StartElement("text").Attribute("k", "v").Text("a & b").EndElement();
  xml.StartElement("outer").StartElement("inner").EndElement().EndElement();
  xml.Finish();
  EXPECT_EQ(out.str(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<root a=\"x&quot;&lt;y\">\n"
            "  <empty/>\n"
            "  <text k=\"v\">a &amp; b</text>\n"
            "  <outer>\n"
            "    <inner/>\n"
            "  </outer>\n"
            "</root>\n");
}

TEST(XmlWriter, RejectsMisuse) {
  std::ostringstream out;
  XmlWriter xml(out);
  EXPECT_THROW(xml.StartElement("bad name"), Error);
  EXPECT_THROW(xml.EndElement(), Error);
  xml.StartElement("a").Text("t");
  EXPECT_THROW(xml.Attribute("late", "x"), Error);
}

}  // namespace
}  // namespace actorgraph
