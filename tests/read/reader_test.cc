#include "actorgraph/read/reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <sstream>
#include <thread>

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

// The documents of the JSONL `text`, read as the stream `name` with default options; each
// warning is appended to `warnings`.
std::vector<Document> ReadJsonl(const std::string& text, const std::string& name,
                                std::vector<std::string>* warnings) {
  std::istringstream in(text);
  ReaderOptions opt;
  opt.warn = [warnings](const std::string& w) { warnings->push_back(w); };
  DocumentReader r(in, name, true, opt);
  return ReadAll(r);
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

TEST(Reader, JsonlKeepsOtherScalarFieldsForGrouping) {
  auto dir = TempDir("reader");
  WriteFile(dir / "f.jsonl",
            "{\"text\":\"a\",\"camp\":\"pro\",\"rank\":3,\"wire\":true,\"tags\":[1],"
            "\"extra\":null,\"source\":\"s\"}\n");
  DocumentReader r({(dir / "f.jsonl").string()}, {});
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].fields.at("camp"), "pro");
  EXPECT_EQ(docs[0].fields.at("rank"), "3");
  EXPECT_EQ(docs[0].fields.at("wire"), "true");
  EXPECT_EQ(docs[0].fields.at("source"), "s");
  EXPECT_EQ(docs[0].fields.count("text"), 0u);   // the article itself is not metadata
  EXPECT_EQ(docs[0].fields.count("tags"), 0u);   // arrays and objects are not kept
  EXPECT_EQ(docs[0].fields.count("extra"), 0u);  // null is "no value"
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

// Reading ahead on a background thread changes nothing the caller sees: the same documents, the
// same warnings on the caller's thread at the same document, the same counters after each Next(),
// and a strict-mode error at the same document.
TEST(Reader, ReadAheadGivesTheSameDocumentsWarningsAndCounters) {
  auto dir = TempDir("reader");
  std::string lines;
  for (int i = 0; i < 40; ++i) {
    if (i % 7 == 3) lines += "{\"text\": \n";  // malformed: skipped with a warning
    if (i % 11 == 5) lines += "{\"text\":\"dated\",\"date\":\"someday\"}\n";
    lines +=
        "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"" + std::string(50 + i, 'x') + "\"}\n";
  }
  WriteFile(dir / "a.jsonl", lines);
  WriteFile(dir / "b.txt", "Title\n\nBody of b.");
  WriteFile(dir / "c.txt", "  \n");  // blank: counted in empty()
  struct Seen {
    std::vector<std::string> events;  // warnings and documents, in the order the caller saw them
    std::vector<std::vector<uint64_t>> counters;
  };
  auto read = [&](uint64_t ahead, bool strict) {
    Seen seen;
    const auto caller = std::this_thread::get_id();
    ReaderOptions opt;
    opt.strict = strict;
    opt.warn = [&](const std::string& w) {
      EXPECT_EQ(std::this_thread::get_id(), caller);
      seen.events.push_back("warn " + w);
    };
    DocumentReader r({dir.string()}, opt);
    if (ahead) {
      r.ReadAhead(ahead);
      // Give the thread time to read (without it the test would still pass, but test less).
      std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    Document d;
    try {
      while (r.Next(&d)) {
        seen.events.push_back("doc " + d.id + " " + std::to_string(d.seq) + " " + d.text);
        seen.counters.push_back(
            {r.documents(), r.skipped(), r.empty(), r.bytes_read(), r.undated_unreadable()});
      }
      seen.events.push_back("end");
    } catch (const Error& e) {
      seen.events.push_back(std::string("error ") + e.what());
    }
    seen.counters.push_back(
        {r.documents(), r.skipped(), r.empty(), r.bytes_read(), r.undated_unreadable()});
    return seen;
  };
  for (bool strict : {false, true}) {
    const Seen direct = read(0, strict);
    ASSERT_GT(direct.events.size(), 3u);
    // A bound that stops the thread part-way, and one that lets it read everything.
    for (uint64_t ahead : {uint64_t{200}, uint64_t{1} << 30}) {
      const Seen got = read(ahead, strict);
      EXPECT_EQ(got.events, direct.events) << "read-ahead " << ahead << ", strict " << strict;
      EXPECT_EQ(got.counters, direct.counters) << "read-ahead " << ahead << ", strict " << strict;
    }
  }
}

TEST(Reader, StrictFailsOnMalformedLine) {
  auto dir = TempDir("reader");
  WriteFile(dir / "m.jsonl", "{\"text\":\"ok\",\"title\":true}\n");
  ReaderOptions opt;
  opt.strict = true;
  DocumentReader r({(dir / "m.jsonl").string()}, opt);
  Document d;
  try {
    r.Next(&d);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("m.jsonl:1: field 'title'"), std::string::npos);
  }
}

TEST(Reader, CommonDateFormsAreReadAndAnUnreadableDateKeepsTheDocument) {
  auto dir = TempDir("reader");
  WriteFile(dir / "d.jsonl",
            "{\"text\":\"a\",\"date\":\"15/05/2024\"}\n"
            "{\"text\":\"b\",\"date\":\"١٥ أيار ٢٠٢٤\"}\n"
            "{\"text\":\"c\",\"date\":\"last week\"}\n"
            "{\"text\":\"d\",\"date\":\"31/02/2024\"}\n"
            "{\"text\":\"e\",\"date\":20240516}\n"
            "{\"text\":\"f\",\"date\":1715731200000}\n");
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.strict = true;  // an unreadable date is not an invalid document
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  DocumentReader r({(dir / "d.jsonl").string()}, opt);
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 6u);
  EXPECT_EQ(docs[0].date, "2024-05-15");
  EXPECT_EQ(docs[1].date, "2024-05-15");
  EXPECT_EQ(docs[2].date, "");
  EXPECT_EQ(docs[3].date, "");
  EXPECT_EQ(docs[4].date, "2024-05-16");  // an integer date: its digits
  EXPECT_EQ(docs[5].date, "");            // a Unix time in milliseconds (pandas' default)
  EXPECT_EQ(r.undated_unreadable(), 3u);
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_EQ(warnings[2].substr(warnings[2].find("d.jsonl:6:")),
            "d.jsonl:6: field 'date': '1715731200000' is not a date actorgraph can read (a number, "
            "perhaps seconds or milliseconds since 1970: write dates as text, e.g. pandas "
            "to_json(date_format='iso')); document kept, undated");
  // No form read: no reason; a form read whose numbers name no day: the reason.
  EXPECT_EQ(warnings[0].substr(warnings[0].find("d.jsonl:3:")),
            "d.jsonl:3: field 'date': 'last week' is not a date actorgraph can read; document "
            "kept, undated");
  EXPECT_EQ(warnings[1].substr(warnings[1].find("d.jsonl:4:")),
            "d.jsonl:4: field 'date': '31/02/2024' is not a date actorgraph can read (February "
            "2024 has 29 days); document kept, undated");
}

// RFC 8259 §4 leaves a repeated key's value open: the last counts (as nlohmann reads it), and the
// file gets one warning. A key repeated inside a nested object is not the document's.
TEST(Reader, AJsonlKeyGivenTwiceKeepsTheLastValueWithAWarning) {
  auto dir = TempDir("reader");
  WriteFile(dir / "k.jsonl",
            "{\"text\":\"first\",\"id\":\"a\",\"text\":\"second\"}\n"
            "{\"text\":\"x\",\"meta\":{\"k\":1,\"k\":2}}\n"
            "{\"t\\u0065xt\":\"one\",\"text\":\"two\",\"id\":\"c\"}\n");
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.strict = true;  // nothing is invalid
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  DocumentReader r({(dir / "k.jsonl").string()}, opt);
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].text, "second");
  EXPECT_EQ(docs[1].text, "x");
  EXPECT_EQ(docs[2].text, "two");  // an escaped key is the same key
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].substr(warnings[0].find("k.jsonl:1:")),
            "k.jsonl:1: key 'text' given twice in one line; the last value is used (JSON leaves "
            "open which one counts; warned once per file)");
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

TEST(Reader, BlankTxtIsAnEmptyDocumentNotReturned) {
  auto dir = TempDir("reader");
  WriteFile(dir / "empty.txt", "");
  WriteFile(dir / "blank.txt", " \n\t\r\n\n");
  WriteFile(dir / "z.txt", "text");
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  DocumentReader r({dir.string()}, opt);
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "z");
  EXPECT_EQ(docs[0].seq, 0u);
  EXPECT_EQ(r.empty(), 2u);
  EXPECT_EQ(r.skipped(), 0u);
  EXPECT_TRUE(warnings.empty());
}

TEST(Reader, LineLongerThanTheBoundIsRefusedWithFileAndLine) {
  auto dir = TempDir("reader");
  std::string longline = "{\"text\":\"" + std::string(100, 'x') + "\"}";
  WriteFile(dir / "l.jsonl", "{\"text\":\"a\"}\n" + longline + "\n{\"text\":\"b\"}\n");
  WriteFile(dir / "t.txt", "title\n" + std::string(100, 'y') + "\nend\n");
  WriteFile(dir / "u.txt", "short\nlines\n");
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.max_line_bytes = 50;
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  DocumentReader r({dir.string()}, opt);
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].text, "a");
  EXPECT_EQ(docs[1].text, "b");
  EXPECT_EQ(docs[1].id, "l:3");
  EXPECT_EQ(docs[2].text, "short\nlines\n");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0],
            (dir / "l.jsonl").string() + ":2: line longer than 50 bytes; document skipped");
  EXPECT_EQ(warnings[1],
            (dir / "t.txt").string() + ":2: line longer than 50 bytes; document skipped");
  opt.strict = true;
  DocumentReader strict({(dir / "l.jsonl").string()}, opt);
  Document d;
  EXPECT_TRUE(strict.Next(&d));
  EXPECT_THROW(strict.Next(&d), Error);
}

TEST(LineReader, BoundHoldsAcrossChunksAndTheLineIsNotStored) {
  // Lines much longer than the 64 KiB read chunk, with and without a final newline.
  std::string big(3 << 20, 'x');
  std::istringstream in("a\n" + big + "\nb\n" + big);
  LineReader lr(in, 2 << 20);
  std::string line;
  EXPECT_EQ(lr.Next(&line), LineReader::Status::kLine);
  EXPECT_EQ(line, "a");
  EXPECT_EQ(lr.Next(&line), LineReader::Status::kTooLong);
  EXPECT_TRUE(line.empty());
  EXPECT_EQ(lr.Next(&line), LineReader::Status::kLine);
  EXPECT_EQ(line, "b");
  EXPECT_EQ(lr.Next(&line), LineReader::Status::kTooLong);
  EXPECT_EQ(lr.Next(&line), LineReader::Status::kEnd);
  EXPECT_EQ(lr.consumed(), 2 + big.size() + 1 + 2 + big.size());
}

TEST(Reader, SymlinkLoopAndDanglingLinksAreReportedOnceAndNeverHang) {
  namespace fs = std::filesystem;
  auto dir = TempDir("reader");
  WriteFile(dir / "sub" / "a.txt", "A");
  fs::create_directory_symlink("..", dir / "sub" / "up");     // a loop through the parent
  fs::create_directory_symlink(dir / "sub", dir / "again");   // the same folder twice
  fs::create_symlink("loop.txt", dir / "loop.txt");           // a link to itself (ELOOP)
  fs::create_symlink(dir / "nowhere.txt", dir / "gone.txt");  // dangling
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  DocumentReader r({dir.string()}, opt);
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "A");
  std::sort(warnings.begin(), warnings.end());
  ASSERT_EQ(warnings.size(), 4u) << ::testing::PrintToString(warnings);
  EXPECT_EQ(warnings[0],
            (dir / "again").string() +
                ": folder already read (a symlink loop, or a second link to it); folder skipped");
  EXPECT_EQ(warnings[1], (dir / "gone.txt").string() +
                             ": cannot open for reading: No such file or directory; file skipped");
  EXPECT_EQ(warnings[2],
            (dir / "loop.txt").string() +
                ": cannot open for reading: Too many levels of symbolic links; file skipped");
  EXPECT_EQ(warnings[3],
            (dir / "sub" / "up").string() +
                ": folder already read (a symlink loop, or a second link to it); folder skipped");
  // Nothing is lost, so --strict reads on: a warning, as for a file named twice.
  auto loop = TempDir("reader_loop_strict");
  WriteFile(loop / "a.txt", "A");
  fs::create_directory_symlink(".", loop / "self");
  warnings.clear();
  opt.strict = true;
  DocumentReader strict({loop.string()}, opt);
  EXPECT_EQ(ReadAll(strict).size(), 1u);
  EXPECT_EQ(strict.skipped(), 0u);
  EXPECT_EQ(warnings, std::vector<std::string>{
                          (loop / "self").string() +
                          ": folder already read (a symlink loop, or a second link to it); folder "
                          "skipped"});
}

// JSON lines are .jsonl or .ndjson in any case; a .json file named is read as text, with a word.
TEST(Reader, JsonlExtensionsInAnyCaseAndNdjson) {
  auto dir = TempDir("reader_ext");
  const std::string line = "{\"id\":\"x\",\"text\":\"A\"}\n";
  WriteFile(dir / "in" / "upper.JSONL", line);
  WriteFile(dir / "in" / "nd.ndjson", line);
  WriteFile(dir / "in" / "skip.json", line);  // in a folder: passed over
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  DocumentReader r({(dir / "in").string()}, opt);
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "A");
  EXPECT_EQ(docs[1].text, "A");
  EXPECT_TRUE(warnings.empty());
  DocumentReader named({(dir / "in" / "skip.json").string()}, opt);
  ASSERT_EQ(ReadAll(named).size(), 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], (dir / "in" / "skip.json").string() +
                             ": a .json file is read as one plain-text article (JSON lines, one "
                             "article per line, go in .jsonl or .ndjson)");
}

TEST(Reader, AFileNamedTwiceIsReadOnce) {
  namespace fs = std::filesystem;
  auto dir = TempDir("reader_twice");
  WriteFile(dir / "in" / "a.txt", "A");
  WriteFile(dir / "in" / "b.txt", "B");
  fs::create_symlink(dir / "in" / "a.txt", dir / "link.txt");
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  // The folder, a file in it again, a link to a file in it.
  DocumentReader r(
      {(dir / "in").string(), (dir / "in" / "b.txt").string(), (dir / "link.txt").string()}, opt);
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "A");
  EXPECT_EQ(docs[1].text, "B");
  EXPECT_EQ(r.skipped(), 0u);  // nothing lost: a warning, not a skipped input
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0], (dir / "in" / "b.txt").string() + ": named twice; read once");
  EXPECT_EQ(warnings[1], (dir / "link.txt").string() + ": the same file as " +
                             (dir / "in" / "a.txt").string() +
                             " (named twice, or a link to it); read once");
  // A folder given twice: one warning for it, not one per file.
  warnings.clear();
  DocumentReader f({(dir / "in").string(), (dir / "in").string()}, opt);
  EXPECT_EQ(ReadAll(f).size(), 2u);
  ASSERT_EQ(warnings.size(), 1u) << ::testing::PrintToString(warnings);
  EXPECT_EQ(warnings[0], (dir / "in").string() + ": 2 files named before (" +
                             (dir / "in" / "a.txt").string() +
                             ": named twice, ...; the input named twice, or a link to it); each "
                             "read once");
  // Not an invalid document: --strict reads on.
  ReaderOptions strict = opt;
  strict.strict = true;
  warnings.clear();
  DocumentReader s({(dir / "in").string(), (dir / "link.txt").string()}, strict);
  EXPECT_EQ(ReadAll(s).size(), 2u);
  EXPECT_EQ(warnings.size(), 1u);
}

// `-` twice: standard input is read once (a second read would find it at its end, silently).
TEST(Reader, StandardInputNamedTwiceIsReadOnce) {
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  DocumentReader r({"-", "-"}, opt);  // nothing is read until Next
  EXPECT_EQ(r.skipped(), 0u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "-: standard input named twice; read once");
}

// `- FILE < FILE` (either order): the file is standard input too, so it is read once.
TEST(Reader, AFileThatIsAlsoStandardInputIsReadOnce) {
  auto dir = TempDir("reader_stdin_twice");
  const std::string file = (dir / "a.txt").string();
  WriteFile(file, "A");
  int saved = ::dup(STDIN_FILENO);
  ASSERT_GE(saved, 0);
  int fd = ::open(file.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_GE(::dup2(fd, STDIN_FILENO), 0);
  ::close(fd);
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  DocumentReader first_file({file, "-"}, opt);
  DocumentReader first_stdin({"-", file}, opt);
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  auto docs = ReadAll(first_file);  // the file by its name; standard input is not read
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "A");
  EXPECT_EQ(first_file.skipped(), 0u);
  ASSERT_EQ(warnings.size(), 2u) << ::testing::PrintToString(warnings);
  EXPECT_EQ(warnings[0],
            "-: the same file as " + file + " (named twice, or a link to it); read once");
  EXPECT_EQ(warnings[1], file + ": the same file as - (named twice, or a link to it); read once");
}

// A blank JSONL text is an empty document, as a blank .txt file is: not counted.
TEST(Reader, BlankJsonlTextIsAnEmptyDocument) {
  std::istringstream in("{\"text\":\" \\n \"}\n{\"text\":\"\",\"title\":\"T\"}\n{\"text\":\"\"}\n");
  DocumentReader r(in, "b.jsonl", true, ReaderOptions{});
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 1u);  // the title alone is a document
  EXPECT_EQ(docs[0].text, "T\n\n");
  EXPECT_EQ(r.documents(), 1u);
  EXPECT_EQ(r.empty(), 2u);
  EXPECT_EQ(r.skipped(), 0u);
}

// A US-order date in a day-first run: read, and the file's ambiguous dates are flagged once.
TEST(Reader, ADateOnlyTheOtherOrderReadsIsFlaggedOncePerFile) {
  const std::string jsonl =
      "{\"text\":\"a\",\"date\":\"03/04/2024\"}\n{\"text\":\"b\",\"date\":\"05/15/2024\"}\n"
      "{\"text\":\"c\",\"date\":\"05/16/2024\"}\n";
  for (DateOrder order : {DateOrder::kDayFirst, DateOrder::kMonthFirst}) {
    std::istringstream in(jsonl);
    std::vector<std::string> warnings;
    ReaderOptions opt;
    opt.date_order = order;
    opt.warn = [&](const std::string& w) { warnings.push_back(w); };
    DocumentReader r(in, "d.jsonl", true, opt);
    auto docs = ReadAll(r);
    ASSERT_EQ(docs.size(), 3u);
    EXPECT_EQ(docs[1].date, "2024-05-15");
    if (order == DateOrder::kMonthFirst) {
      EXPECT_EQ(docs[0].date, "2024-03-04");
      EXPECT_TRUE(warnings.empty()) << ::testing::PrintToString(warnings);
      continue;
    }
    EXPECT_EQ(docs[0].date, "2024-04-03");
    ASSERT_EQ(warnings.size(), 1u) << ::testing::PrintToString(warnings);
    EXPECT_EQ(warnings[0],
              "d.jsonl:2: field 'date': '05/15/2024' can only be read month first, but "
              "--date-order is dmy: this file's dates whose day and month are both 12 or less may "
              "be misread (--date-order mdy reads them month first)");
  }
}

TEST(Reader, UnreadableFileInAFolderIsReportedAndSkipped) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file; see Cli.UnreadableFile* for a link";
  auto dir = TempDir("reader");
  WriteFile(dir / "a.txt", "A");
  WriteFile(dir / "b.txt", "B");
  std::filesystem::permissions(dir / "a.txt", std::filesystem::perms::none);
  std::vector<std::string> warnings;
  ReaderOptions opt;
  opt.warn = [&](const std::string& w) { warnings.push_back(w); };
  DocumentReader r({dir.string()}, opt);
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], (dir / "a.txt").string() +
                             ": cannot open for reading: Permission denied; file skipped");
}

TEST(Reader, Utf16JsonlIsDecodedAsAWhole) {
  auto dir = TempDir("reader");
  std::string utf8 = "{\"id\":\"x\",\"text\":\"الكاظمي\"}\n\n{\"text\":\"بغداد\"}\n";
  WriteFile(dir / "u.jsonl", "\xFF\xFE" + ConvertFromUtf8(utf8, "UTF-16LE"));
  DocumentReader r({(dir / "u.jsonl").string()}, {});
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "الكاظمي");
  EXPECT_EQ(docs[1].text, "بغداد");
  EXPECT_EQ(docs[1].id, "u:3");
}

TEST(Reader, Windows1256JsonlLinesAreDecodedOneByOne) {
  auto dir = TempDir("reader");
  std::string utf8 = "{\"text\":\"التقى رئيس الوزراء العراقي مصطفى الكاظمي بالرئيس الأميركي\"}\n";
  WriteFile(dir / "w.jsonl", ConvertFromUtf8(utf8 + utf8, "windows-1256"));
  ReaderOptions opt;
  opt.encoding = "cp1256";
  DocumentReader r({(dir / "w.jsonl").string()}, opt);
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].text, "التقى رئيس الوزراء العراقي مصطفى الكاظمي بالرئيس الأميركي");
}

TEST(Reader, ReadsAStream) {
  std::istringstream in("{\"text\":\"a\"}\n{\"text\":\"b\"}\n");
  DocumentReader r(in, "s.jsonl", true, {});
  auto docs = ReadAll(r);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].origin, "s.jsonl:2");
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

// The JSONL reader parses with simdjson's On-Demand API and hands every line it does not accept to
// the nlohmann DOM path; either way a line gives the same document or the same message. These lines
// exercise both paths: escapes, numbers and booleans in metadata, nested values, duplicate keys,
// trailing content, type errors.
TEST(Reader, JsonlLinesGiveTheSameDocumentsOnEitherParserPath) {
  std::vector<std::string> warnings;
  auto docs = ReadJsonl(
      "{\"id\":42,\"text\":\"a\\nb \\u0627\\ud83d\\ude00\",\"year\":2024,\"score\":1.50,"
      "\"flag\":true,\"none\":null,\"tags\":[\"x\",{\"k\":[1,2.5e3]}]}\n"
      "{\"text\":\"first\",\"text\":\"last\"}\n"
      "{\"text\":\"a\"} {\"text\":\"b\"}\n"
      "{\"text\":\"a\",\"tags\":[1,tru]}\n"
      "{\"text\":\"a\",\"id\":1.5}\n"
      "{\"text\":\"a\",\"title\":7}\n"
      "{\"text\":\"x\\u0000y\"}\r\n"
      "[1,2]\n"
      "{\"text\":\"a\",\"big\":123456789012345678901234567890}\n"
      "{\"text\":\"a\\ud800\"}\n"
      "{\"title\":\"T\",\"text\":\"body\",\"source\":\"S\",\"url\":\"U\","
      "\"date\":\"2021-05-03T10:00:00Z\"}\n",
      "p.jsonl", &warnings);
  ASSERT_EQ(docs.size(), 5u);
  EXPECT_EQ(docs[0].id, "42");
  EXPECT_EQ(docs[0].text, "a\nb \xD8\xA7\xF0\x9F\x98\x80");
  std::map<std::string, std::string> fields{
      {"flag", "true"}, {"id", "42"}, {"score", "1.5"}, {"year", "2024"}};
  EXPECT_EQ(docs[0].fields, fields);
  EXPECT_EQ(docs[1].text, "last");  // the last of duplicate keys, as nlohmann keeps it
  EXPECT_EQ(docs[1].id, "p:2");
  EXPECT_EQ(docs[2].text, std::string("x\0y", 3));
  EXPECT_EQ(docs[3].fields.at("big"), "1.2345678901234568e+29");
  EXPECT_EQ(docs[4].text, "T\n\nbody");
  EXPECT_EQ(docs[4].date, "2021-05-03");
  EXPECT_EQ(docs[4].source, "S");
  EXPECT_EQ(docs[4].url, "U");
  EXPECT_EQ(docs[4].origin, "p.jsonl:11");
  ASSERT_EQ(warnings.size(), 7u);
  EXPECT_EQ(warnings[0].substr(0, 48), "p.jsonl:2: key 'text' given twice in one line; t");
  warnings.erase(warnings.begin());  // the other six: documents skipped, in line order
  EXPECT_EQ(warnings[0],
            "p.jsonl:3: malformed JSON at byte 14 of the line: syntax error while parsing value - "
            "unexpected '{'; expected end of input; document skipped");
  EXPECT_EQ(warnings[1],
            "p.jsonl:4: malformed JSON at byte 26 of the line: syntax error while parsing value - "
            "invalid literal; last read: '1,tru]'; document skipped");
  EXPECT_EQ(warnings[2], "p.jsonl:5: field 'id': expected a string; document skipped");
  EXPECT_EQ(warnings[3], "p.jsonl:6: field 'title': expected a string; document skipped");
  EXPECT_EQ(warnings[4], "p.jsonl:8: expected a JSON object; document skipped");
  EXPECT_NE(warnings[5].find("p.jsonl:10: malformed JSON at byte"), std::string::npos)
      << warnings[5];
}

// The README's rule for any date that cannot be read: the document is kept, undated, with a
// warning; a date of another JSON type (a float, true, a number beyond 64 bits) used to skip it.
TEST(Reader, AJsonlDateOfAnotherTypeKeepsTheDocumentUndated) {
  std::vector<std::string> warnings;
  auto docs = ReadJsonl(
      "{\"text\":\"a\",\"date\":2024.5}\n{\"text\":\"b\",\"date\":true}\n"
      "{\"text\":\"c\",\"date\":99999999999999999999999}\n{\"text\":\"d\",\"date\":20240515}\n",
      "d.jsonl", &warnings);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].date, "");
  EXPECT_EQ(docs[2].text, "c");
  EXPECT_EQ(docs[3].date, "2024-05-15");
  ASSERT_EQ(warnings.size(), 3u) << ::testing::PrintToString(warnings);
  EXPECT_EQ(warnings[0],
            "d.jsonl:1: field 'date': '2024.5' is not a date actorgraph can read; document kept, "
            "undated");
  EXPECT_EQ(warnings[1],
            "d.jsonl:2: field 'date': 'true' is not a date actorgraph can read; document kept, "
            "undated");
}

// Invalid UTF-8 is found by simdjson's validation and then reported, with its byte, by the same
// decoder as before; a windows-1256 line under `auto` is still decoded by ICU's detector.
TEST(Reader, JsonlInvalidUtf8IsReportedByTheDecoderAfterTheFastParser) {
  std::vector<std::string> warnings;
  auto docs = ReadJsonl(
      "{\"text\":\"\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA7\xD9\x82\xD8\"}\n{\"text\":\"ok\"}\n",
      "u.jsonl", &warnings);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "ok");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "u.jsonl:1: byte 21: invalid UTF-8; document skipped");
}

// The same nlohmann out_of_range as fuzz_gold found, in a JSONL line: skipped like any
// malformed line instead of ending the run.
TEST(Reader, NumberBeyondADoubleIsAMalformedLine) {
  std::vector<std::string> warnings;
  auto docs = ReadJsonl("{\"text\":\"a\",\"n\":1e400}\n{\"text\":\"b\"}\n", "n.jsonl", &warnings);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0],
            "n.jsonl:1: malformed JSON: number overflow parsing '1e400'; document skipped");
}

// Found by fuzz_jsonl_reader (fuzz/regressions/fuzz_jsonl_reader/): simdjson types a value by
// its first byte, so the invalid literal `nt` is a null whose is_null() fails, and the implicit
// conversion of that result threw simdjson_error out of the reader, ending the run with "The JSON
// element does not have the requested type." Now such a line is malformed and skipped.
TEST(Reader, InvalidLiteralStartingWithNIsAMalformedLine) {
  std::string crash = testing::ReadFile(testing::SourcePath(
      "fuzz/regressions/fuzz_jsonl_reader/crash-334167fa04d18e8c9fd06afcdf2d43a813680065"));
  ASSERT_FALSE(crash.empty());
  // The fuzzer's first byte chooses the options (fuzz/reader_fuzzer.cc); the rest is the file.
  std::vector<std::string> warnings;
  std::vector<Document> docs;
  EXPECT_NO_THROW(
      docs = ReadJsonl(crash.substr(1) + "\n" +
                           "{\"text\":\"a\",\"x\":nul}\n{\"text\":\"b\",\"y\":[1,{\"z\":nt}]}\n" +
                           "{\"text\":\"c\",\"w\":null}\n",
                       "n.jsonl", &warnings));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "c");
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_EQ(warnings[0].rfind("n.jsonl:1: malformed JSON at byte ", 0), 0u) << warnings[0];
  EXPECT_EQ(warnings[1].rfind("n.jsonl:2: malformed JSON at byte ", 0), 0u) << warnings[1];
  EXPECT_EQ(warnings[2].rfind("n.jsonl:3: malformed JSON at byte ", 0), 0u) << warnings[2];
}

}  // namespace
}  // namespace actorgraph
