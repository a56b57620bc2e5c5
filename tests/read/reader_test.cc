#include "actorgraph/read/reader.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::TempDir;
using testing::WriteFile;

std::vector<Document> ReadAll(DocumentReader& r) {
  std::vector<Document> out;
  Document d;
  while (r.Next(&d)) out.push_back(d);
  return out;
}

TEST(Reader, TxtTitleIsFirstNonEmptyLine) {
  auto dir = TempDir("reader");
  WriteFile(dir / "a1.txt", "\n  \nالعنوان هنا  \n\nنص المقال.\n");
  DocumentReader r({(dir / "a1.txt").string()}, {});
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "a1");
  EXPECT_EQ(docs[0].title, "العنوان هنا");
  EXPECT_NE(docs[0].text.find("نص المقال."), std::string::npos);
}

TEST(Reader, FoldersAreRecursiveSortedAndFiltered) {
  auto dir = TempDir("reader");
  WriteFile(dir / "b.txt", "B");
  WriteFile(dir / "sub" / "a.txt", "A");
  WriteFile(dir / "notes.md", "ignored");
  WriteFile(dir / ".hidden" / "c.txt", "hidden");
  DocumentReader r({dir.string()}, {});
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "b");  // "b.txt" sorts before "sub/a.txt"
  EXPECT_EQ(docs[1].id, "a");
  EXPECT_EQ(docs[1].seq, 1u);
}

TEST(Reader, JsonlKeepsMetadataAndNormalisesDates) {
  auto dir = TempDir("reader");
  WriteFile(dir / "c.jsonl",
            "{\"id\":\"x1\",\"text\":\"نص\",\"title\":\"t\",\"source\":\"s\",\"date\":"
            "\"2021-07-26T10:00:00Z\",\"url\":\"http://e\"}\n"
            "\n"
            "{\"text\":\"second\"}\n");
  DocumentReader r({(dir / "c.jsonl").string()}, {});
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "x1");
  EXPECT_EQ(docs[0].date, "2021-07-26");
  EXPECT_EQ(docs[0].source, "s");
  EXPECT_EQ(docs[0].url, "http://e");
  EXPECT_EQ(docs[1].id, "c:3");  // no id: file stem and line
}

TEST(Reader, MalformedJsonlLineIsSkippedWithFileAndLine) {
  auto dir = TempDir("reader");
  WriteFile(dir / "m.jsonl", "{\"text\":\"ok\"}\n{\"text\": \n{\"title\":\"no text\"}\n");
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  DocumentReader r({(dir / "m.jsonl").string()}, opt);
  auto docs = ReadAll(r);
  EXPECT_EQ(docs.size(), 1u);
  EXPECT_EQ(r.skipped(), 2u);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("m.jsonl:2: malformed JSON"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find("m.jsonl:3: field 'text'"), std::string::npos) << warnings[1];
}

TEST(Reader, StrictFailsOnMalformedLine) {
  auto dir = TempDir("reader");
  WriteFile(dir / "m.jsonl", "{\"text\":\"ok\",\"date\":7}\n");
  ReaderOptions opt;
  opt.strict = true;
  DocumentReader r({(dir / "m.jsonl").string()}, opt);
  Document d;
  try {
    r.Next(&d);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("m.jsonl:1: field 'date'"), std::string::npos);
  }
}

TEST(Reader, CommonDateFormsAreReadAndAnUnreadableDateKeepsTheDocument) {
  auto dir = TempDir("reader");
  WriteFile(dir / "d.jsonl",
            "{\"text\":\"a\",\"date\":\"15/05/2024\"}\n"
            "{\"text\":\"b\",\"date\":\"١٥ أيار ٢٠٢٤\"}\n"
            "{\"text\":\"c\",\"date\":\"last week\"}\n");
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.strict = true;  // an unreadable date is not an invalid document
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  DocumentReader r({(dir / "d.jsonl").string()}, opt);
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].date, "2024-05-15");
  EXPECT_EQ(docs[1].date, "2024-05-15");
  EXPECT_EQ(docs[2].date, "");
  EXPECT_EQ(r.undated_unreadable(), 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("d.jsonl:3: field 'date': 'last week'"), std::string::npos)
      << warnings[0];
}

TEST(Reader, JsonlTitleIsTheFirstParagraphLikeATxtTitle) {
  auto dir = TempDir("reader");
  WriteFile(dir / "t.jsonl", "{\"title\":\"العنوان\",\"text\":\"النص.\"}\n");
  WriteFile(dir / "t.txt", "العنوان\n\nالنص.");
  DocumentReader rj({(dir / "t.jsonl").string()}, {});
  DocumentReader rt({(dir / "t.txt").string()}, {});
  auto j = ReadAll(rj), t = ReadAll(rt);
  ASSERT_EQ(j.size(), 1u);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(j[0].title, t[0].title);
  EXPECT_EQ(j[0].text, t[0].text);
}

TEST(Reader, InvalidUtf8NamesFileAndByte) {
  auto dir = TempDir("reader");
  WriteFile(dir / "bad.txt", "abc\xff\xfe");
  WriteFile(dir / "good.txt", "fine");
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  DocumentReader r({dir.string()}, opt);
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "good");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("bad.txt: byte 3: invalid UTF-8"), std::string::npos) << warnings[0];
}

TEST(Reader, MissingInputIsAnError) {
  EXPECT_THROW(DocumentReader({"/no/such/file.txt"}, {}), Error);
}

TEST(Reader, RecognisesIsoDates) {
  EXPECT_TRUE(IsIsoDate("2021-01-31"));
  EXPECT_FALSE(IsIsoDate("2021-13-01"));
  EXPECT_FALSE(IsIsoDate("2021-1-1"));
  EXPECT_FALSE(IsIsoDate(""));
  EXPECT_FALSE(IsIsoDate("2021-01-01T00:00"));
}

TEST(Reader, FindInvalidUtf8) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), -1);
  EXPECT_EQ(FindInvalidUtf8("العراق"), -1);
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\x80"), 2);            // overlong
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0);          // surrogate
  EXPECT_EQ(FindInvalidUtf8("x\xE2\x82"), 1);             // truncated
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x98\x80 ok"), -1);  // emoji
}

}  // namespace
}  // namespace actorgraph
