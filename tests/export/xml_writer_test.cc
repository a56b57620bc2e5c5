#include "actorgraph/export/xml_writer.h"

#include <gtest/gtest.h>

#include <charconv>
#include <limits>
#include <sstream>

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
