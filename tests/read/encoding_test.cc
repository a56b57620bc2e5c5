#include "actorgraph/read/encoding.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "actorgraph/base/error.h"
#include "actorgraph/match/matcher.h"
#include "actorgraph/read/reader.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::ReadFile;
using testing::SourcePath;
using testing::TempDir;
using testing::WriteFile;

std::string Decoded(const TextDecoder& d, std::string_view bytes, std::string* used = nullptr) {
  std::string out, error;
  EXPECT_TRUE(d.Decode(bytes, &out, &error, used)) << error;
  return out;
}

std::string DecodeError(const TextDecoder& d, std::string_view bytes) {
  std::string out, error;
  EXPECT_FALSE(d.Decode(bytes, &out, &error));
  return error;
}

TEST(Encoding, ByteOrderMarksDecide) {
  EXPECT_EQ(DetectBom("\xEF\xBB\xBFx").encoding, "UTF-8");
  EXPECT_EQ(DetectBom("\xFF\xFEx\0").encoding, "UTF-16LE");
  EXPECT_EQ(DetectBom("\xFE\xFF\0x").encoding, "UTF-16BE");
  EXPECT_EQ(DetectBom("abc").length, 0u);
  TextDecoder d;
  std::string used;
  EXPECT_EQ(Decoded(d, "\xEF\xBB\xBF\xD8\xB9", &used), "\xD8\xB9");  // BOM dropped
  EXPECT_EQ(used, "UTF-8");
  EXPECT_EQ(Decoded(d, std::string("\xFF\xFE\x39\x06", 4), &used), "\xD8\xB9");  // ع
  EXPECT_EQ(used, "UTF-16LE");
  EXPECT_EQ(Decoded(d, std::string("\xFE\xFF\x06\x39", 4), &used), "\xD8\xB9");
  EXPECT_EQ(used, "UTF-16BE");
}

TEST(Encoding, NamedEncodingsGoThroughIcu) {
  EXPECT_EQ(Decoded(TextDecoder("cp1256"), "\xC7\xE1\xDA\xD1\xC7\xDE"), "العراق");
  EXPECT_EQ(Decoded(TextDecoder("windows-1256"), "\xC8\xDB\xCF\xC7\xCF"), "بغداد");
  EXPECT_EQ(Decoded(TextDecoder("UTF-16"), std::string("\x06\x39", 2)), "\xD8\xB9");  // BE, no BOM
  EXPECT_EQ(Decoded(TextDecoder("utf-16le"), std::string("\xFF\xFE\x39\x06", 4)), "\xD8\xB9");
  EXPECT_FALSE(TextDecoder("utf-16le").LineSplittable());
  EXPECT_TRUE(TextDecoder("cp1256").LineSplittable());
  EXPECT_EQ(TextDecoder("CP1256").name(), "windows-1256");
  EXPECT_EQ(TextDecoder("utf-16le").name(), "UTF-16LE");
  EXPECT_EQ(TextDecoder("UTF8").name(), "UTF-8");
}

TEST(Encoding, ANamedEncodingTheBytesContradictIsDoubted) {
  const std::string arabic = "العراق", cp1256 = ConvertFromUtf8(arabic, "cp1256");
  EXPECT_EQ(TextDecoder("cp1256").Doubt(arabic), "is valid UTF-8 beyond ASCII");
  EXPECT_EQ(TextDecoder("cp1256").Doubt(cp1256), "");
  EXPECT_EQ(TextDecoder("cp1256").Doubt("plain ASCII"), "");  // the same in either
  EXPECT_EQ(TextDecoder("utf-8").Doubt(arabic), "");
  EXPECT_EQ(TextDecoder("utf-16be").Doubt(std::string("\xFF\xFE\x39\x06", 4)),
            "starts with a UTF-16LE byte order mark");
  EXPECT_EQ(TextDecoder("utf-16le").Doubt(std::string("\xFF\xFE\x39\x06", 4)), "");
  EXPECT_EQ(TextDecoder("utf-16").Doubt(std::string("\xFE\xFF\x06\x39", 4)), "");
  // UTF-16 without a BOM named as something else.
  const std::string le = ConvertFromUtf8("قال الكاظمي في بغداد", "UTF-16LE");
  EXPECT_EQ(TextDecoder("utf-8").Doubt(le), "looks like UTF-16 without a byte order mark");
  EXPECT_EQ(TextDecoder("cp1256").Doubt(le), "looks like UTF-16 without a byte order mark");
  EXPECT_EQ(TextDecoder("utf-16be").Doubt(le), "looks like UTF-16LE without a byte order mark");
  EXPECT_EQ(TextDecoder("utf-16le").Doubt(le), "");
  EXPECT_EQ(TextDecoder("utf-16").Doubt(le), "");
  EXPECT_EQ(TextDecoder("cp1256").Doubt("\xEF\xBB\xBF" + cp1256),
            "starts with a UTF-8 byte order mark");
  EXPECT_EQ(TextDecoder().Doubt(arabic), "");  // auto decides by itself
}

// The reader says so once per file and still reads the file as named.
TEST(Encoding, ReaderWarnsOncePerFileWhenTheNamedEncodingIsDoubted) {
  auto dir = TempDir("doubt");
  WriteFile(dir / "a.jsonl", "{\"text\":\"العراق\"}\n{\"text\":\"بغداد\"}\n");
  WriteFile(dir / "b.txt", ConvertFromUtf8("بغداد", "cp1256"));
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.encoding = "cp1256";
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  DocumentReader r({dir.string()}, opt);
  Document doc;
  int n = 0;
  while (r.Next(&doc)) ++n;
  EXPECT_EQ(n, 3);
  ASSERT_EQ(warnings.size(), 1u) << ::testing::PrintToString(warnings);
  EXPECT_EQ(warnings[0], (dir / "a.jsonl").string() +
                             ":1: is valid UTF-8 beyond ASCII, but is read as windows-1256 as "
                             "--encoding says (--encoding auto would decide by itself)");
}

// An encoding is a property of a file: a windows-1256 JSONL line too short for a confident guess
// is decoded as the file's earlier lines were.
TEST(Encoding, ShortJsonlLineTakesTheEncodingFoundEarlierInItsFile) {
  auto dir = TempDir("sticky");
  std::string article = ReadFile(SourcePath("examples/articles/001_9f79dd596af1e7b3.txt"));
  auto line = [](const std::string& text) {
    nlohmann::json j = {{"text", text}};
    return j.dump() + "\n";
  };
  std::string shortline = line("في بغداد");  // alone: windows-1256 at 37%, below 40
  WriteFile(dir / "both.jsonl",
            ConvertFromUtf8(line(article.substr(0, 3000)) + shortline, "cp1256"));
  WriteFile(dir / "alone.jsonl", ConvertFromUtf8(shortline, "cp1256"));
  auto read = [&](const std::string& file, std::vector<std::string>* warnings) {
    ReaderOptions opt;
    opt.warn = [&](const std::string& w) { warnings->push_back(w); };
    DocumentReader r({(dir / file).string()}, opt);
    std::vector<std::string> texts;
    Document doc;
    while (r.Next(&doc)) texts.push_back(doc.text);
    return texts;
  };
  std::vector<std::string> alone_warnings, both_warnings;
  // Alone, the short line is no confident guess: skipped.
  EXPECT_TRUE(read("alone.jsonl", &alone_warnings).empty());
  ASSERT_EQ(alone_warnings.size(), 1u);
  EXPECT_NE(alone_warnings[0].find("no confident guess"), std::string::npos) << alone_warnings[0];
  // After a long line of the same file: read as windows-1256.
  auto texts = read("both.jsonl", &both_warnings);
  EXPECT_TRUE(both_warnings.empty()) << ::testing::PrintToString(both_warnings);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[1], "في بغداد");
  // Before the long line, as the first line of its file: the detector looks at the lines after
  // it (DocumentReader::EncodingAhead) and the line is read, not skipped.
  WriteFile(dir / "first.jsonl",
            ConvertFromUtf8(shortline + line(article.substr(0, 3000)), "cp1256"));
  std::vector<std::string> first_warnings;
  texts = read("first.jsonl", &first_warnings);
  EXPECT_TRUE(first_warnings.empty()) << ::testing::PrintToString(first_warnings);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0], "في بغداد");
  EXPECT_EQ(texts[1], article.substr(0, 3000));
  // Short lines only, the first too short alone and also with the others together: the first
  // later line the detector is sure of gives the encoding.
  WriteFile(dir / "short.jsonl", ConvertFromUtf8(shortline + line("الكاظمي في طهران") +
                                                     line("قال بايدن") + line("إيران والعراق"),
                                                 "cp1256"));
  std::vector<std::string> short_warnings;
  texts = read("short.jsonl", &short_warnings);
  EXPECT_TRUE(short_warnings.empty()) << ::testing::PrintToString(short_warnings);
  ASSERT_EQ(texts.size(), 4u);
  EXPECT_EQ(texts[0], "في بغداد");
  EXPECT_EQ(texts[3], "إيران والعراق");
  // Followed by English (ASCII) lines only: they say nothing of the encoding. Taken into the
  // sample, they made the detector choose a Latin encoding and the line was read as mojibake.
  const std::string arabic =
      R"({"id":"a2","text":"دعا حلف الناتو كتائب حزب الله إلى ضبط النفس في العراق.",)"
      R"("date":"15/05/2024","source":"y"})"
      "\n";  // alone: windows-1256 at 37%
  std::string english;
  for (int i = 0; i < 3; ++i)
    english += line(
        "Mustafa al-Kadhimi said Kataib Hezbollah and the United States must respect "
        "Iraq.");
  WriteFile(dir / "english.jsonl", ConvertFromUtf8(arabic + english, "cp1256"));
  std::vector<std::string> english_warnings;
  texts = read("english.jsonl", &english_warnings);
  for (const auto& t : texts) EXPECT_EQ(t.find("\xC3"), std::string::npos) << t;  // no Ã, Ç…
  ASSERT_EQ(texts.size(), 3u) << ::testing::PrintToString(texts);  // the Arabic line: skipped
  ASSERT_EQ(english_warnings.size(), 1u);
  EXPECT_NE(english_warnings[0].find("english.jsonl:1: byte "), std::string::npos)
      << english_warnings[0];
  EXPECT_NE(english_warnings[0].find("no confident guess"), std::string::npos)
      << english_warnings[0];
}

TEST(Encoding, UnknownEncodingIsAnError) {
  try {
    TextDecoder d("klingon-8");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "--encoding: unknown encoding 'klingon-8'");
  }
}

TEST(Encoding, DamagedUtf8NamesTheByte) {
  TextDecoder d;
  EXPECT_EQ(DecodeError(d, "الكاظمي \xff بايدن"), "byte 15: invalid UTF-8");
  EXPECT_EQ(DecodeError(TextDecoder("utf-8"), "ab\xC0\x80"), "byte 2: invalid UTF-8");
  // An unpaired surrogate in UTF-16 and a truncated code unit are invalid, not guessed around.
  EXPECT_EQ(DecodeError(TextDecoder("utf-16le"), std::string("\x00\xD8\x41\x00", 4)),
            "byte 0: invalid UTF-16LE");
  EXPECT_EQ(DecodeError(d, std::string("\xFF\xFE\x41\x00\x42", 5)), "byte 4: invalid UTF-16LE");
}

TEST(Encoding, UnsureGuessIsRefusedWithTheConfidence) {
  TextDecoder d("auto", 40);
  std::string error = DecodeError(d, "abc \xff def");
  EXPECT_EQ(error.rfind("byte 4: invalid UTF-8, and no confident guess of the encoding (ICU's "
                        "detector: ",
                        0),
            0u)
      << error;
  EXPECT_NE(error.find("needs 40%); name it with --encoding"), std::string::npos) << error;
}

TEST(Encoding, Utf16WithoutBomIsFoundByItsNulBytes) {
  TextDecoder d("auto");
  std::string used;
  std::string arabic = "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA7\xD9\x82 and Iran\n";
  EXPECT_EQ(Decoded(d, ConvertFromUtf8(arabic, "UTF-16BE"), &used), arabic);
  EXPECT_EQ(used, "UTF-16BE");
  EXPECT_EQ(Decoded(d, ConvertFromUtf8(arabic, "UTF-16LE"), &used), arabic);
  EXPECT_EQ(used, "UTF-16LE");
  EXPECT_EQ(GuessUtf16WithoutBom("plain UTF-8 text, no NUL bytes at all"), "");
  // NUL bytes at both parities are not UTF-16 text.
  EXPECT_EQ(GuessUtf16WithoutBom(std::string("a\0\0b\0\0c\0\0d\0\0", 12)), "");
  // UTF-8 text with a stray NUL byte (a scraper's, at either parity) stays UTF-8: the bytes at the
  // NUL's parity are letters of every kind, not the few high bytes of UTF-16 code units.
  const std::string english = "Iraq and Iran met in Baghdad with the United States.";
  for (const std::string& text :
       {english + '\0' + "\n", english + "s" + '\0' + "\n", arabic + arabic + '\0' + "\n"}) {
    EXPECT_EQ(GuessUtf16WithoutBom(text), "") << text;
    EXPECT_EQ(Decoded(d, text, &used), text);
    EXPECT_EQ(used, "UTF-8");
  }
}

// A JSONL file in UTF-16 without a BOM is decoded as a whole, then split into lines.
TEST(Encoding, Utf16JsonlWithoutBomIsReadLineByLine) {
  auto dir = TempDir("encoding");
  WriteFile(dir / "n.jsonl",
            ConvertFromUtf8("{\"text\": \"\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA7\xD9\x82\"}\n"
                            "{\"text\": \"Iran\"}\n",
                            "UTF-16LE"));
  DocumentReader r({(dir / "n.jsonl").string()}, {});
  Document doc;
  ASSERT_TRUE(r.Next(&doc));
  EXPECT_EQ(doc.text, "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA7\xD9\x82");
  ASSERT_TRUE(r.Next(&doc));
  EXPECT_EQ(doc.text, "Iran");
  EXPECT_FALSE(r.Next(&doc));
}

// The acceptance test of issue 15: UTF-16 (LE and BE, with a BOM) and windows-1256 versions of a
// sample Arabic article are read (encoding auto) into the same UTF-8 text, so the matcher finds the
// same mentions at the same byte offsets (offsets are into the decoded UTF-8 text).
TEST(Encoding, Utf16AndWindows1256ArticlesGiveTheSameMentionsAsUtf8) {
  Gazetteer g = Gazetteer::Load({SourcePath("gazetteer")});
  Matcher m(g);
  auto dir = TempDir("encoding");
  std::string utf8 = ReadFile(SourcePath("examples/articles/001_9f79dd596af1e7b3.txt"));
  WriteFile(dir / "utf8" / "a.txt", utf8);
  WriteFile(dir / "le" / "a.txt", "\xFF\xFE" + ConvertFromUtf8(utf8, "UTF-16LE"));
  WriteFile(dir / "be" / "a.txt", "\xFE\xFF" + ConvertFromUtf8(utf8, "UTF-16BE"));
  WriteFile(dir / "cp" / "a.txt", ConvertFromUtf8(utf8, "windows-1256"));
  // UTF-16 without a byte order mark (iconv -t utf-16be / utf-16le): found by its NUL bytes.
  WriteFile(dir / "be_nobom" / "a.txt", ConvertFromUtf8(utf8, "UTF-16BE"));
  WriteFile(dir / "le_nobom" / "a.txt", ConvertFromUtf8(utf8, "UTF-16LE"));
  ASSERT_NE(ReadFile(dir / "cp" / "a.txt"), utf8);
  auto mentions = [&](const std::string& sub) {
    DocumentReader r({(dir / sub / "a.txt").string()}, {});
    Document d;
    EXPECT_TRUE(r.Next(&d)) << sub;
    EXPECT_EQ(d.text, utf8) << sub;
    MatchScratch sc;
    std::vector<Mention> out;
    m.Match(d.text, &sc, &out);
    std::vector<std::tuple<uint32_t, uint32_t, uint32_t, uint32_t>> key;
    for (const auto& x : out) key.emplace_back(x.actor, x.start, x.end, x.sentence);
    return key;
  };
  auto want = mentions("utf8");
  EXPECT_GT(want.size(), 10u);
  EXPECT_EQ(mentions("le"), want);
  EXPECT_EQ(mentions("be"), want);
  EXPECT_EQ(mentions("cp"), want);
  EXPECT_EQ(mentions("be_nobom"), want);
  EXPECT_EQ(mentions("le_nobom"), want);
}

// Found by fuzz_text_path (fuzz/regressions/fuzz_text_path/): ICU's detector guessed a name its
// converters do not know ("IBM420_rtl"), and the Error for an unknown --encoding escaped Decode,
// ending the whole run on one document.
TEST(Encoding, DetectorGuessWithoutAConverterIsDecodedOrRefusedNeverThrown) {
  std::string input = ReadFile(
      SourcePath("fuzz/regressions/fuzz_text_path/crash-19190937f3e325d81f570b1614809eafa65bb86f"));
  TextDecoder d;
  std::string out, error, used;
  bool ok = true;
  EXPECT_NO_THROW(ok = d.Decode(input, &out, &error, &used));
  // Mostly well-formed UTF-8 with stray bytes is damaged UTF-8, never a guess.
  EXPECT_FALSE(ok);
  EXPECT_EQ(error, "byte 187: invalid UTF-8");
  // A guess named without a converter ("IBM420_ltr") is opened under its base name.
  std::string ebcdic = ConvertFromUtf8("بغداد العراق", "IBM420");
  EXPECT_FALSE(d.Decode(ebcdic, &out, &error, &used) && used.find('_') != std::string::npos);
}

TEST(Encoding, NamedUtf16WithoutBomTakesTheByteOrderOfItsText) {
  const std::string arabic = "قال رئيس الوزراء العراقي مصطفى الكاظمي في بغداد";
  const std::string le = ConvertFromUtf8(arabic, "UTF-16LE"),
                    be = ConvertFromUtf8(arabic, "UTF-16BE");
  ASSERT_NE(le.substr(0, 2), "\xFF\xFE");  // no BOM in either
  std::string used;
  EXPECT_EQ(Decoded(TextDecoder("utf-16"), le, &used), arabic);
  EXPECT_EQ(used, "UTF-16LE");
  EXPECT_EQ(Decoded(TextDecoder("utf-16"), be, &used), arabic);
  EXPECT_EQ(used, "UTF-16BE");
  const std::string english = ConvertFromUtf8("Kadhimi met Khamenei", "UTF-16LE");
  EXPECT_EQ(Decoded(TextDecoder("UTF-16"), english), "Kadhimi met Khamenei");
  // A BOM still decides, and a tie is big-endian.
  EXPECT_EQ(Decoded(TextDecoder("utf-16"), "\xFE\xFF" + be, &used), arabic);
  EXPECT_EQ(used, "UTF-16");
  EXPECT_EQ(Utf16ByteOrder(std::string("\x06\x39", 2)), "UTF-16BE");
  EXPECT_EQ(Utf16ByteOrder(le), "UTF-16LE");
  // A named byte order is obeyed, even against the text.
  EXPECT_NE(Decoded(TextDecoder("utf-16be"), le), arabic);
}

}  // namespace
}  // namespace actorgraph
