// The gazetteer tools of issue 14 from the command line: CSV/TSV gazetteers and convert, media
// and --types, --roles, and gazetteer suggest's output loading back with -g.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace actorgraph {
namespace {

using testing::ReadFile;
using testing::RunCli;
using testing::ShellQuote;
using testing::SourcePath;
using testing::TempDir;
using testing::WriteFile;
namespace fs = std::filesystem;

std::string Q(const fs::path& p) { return ShellQuote(p.string()); }

// Converts every shipped JSON file into `dir` with extension `ext`.
void ConvertShipped(const fs::path& dir, const std::string& ext) {
  for (const auto& e : fs::directory_iterator(SourcePath("gazetteer"))) {
    if (e.path().extension() != ".json") continue;
    fs::path out = dir / e.path().stem();
    out += ext;
    auto r = RunCli("gazetteer convert " + Q(e.path()) + " " + Q(out));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
}

TEST(GazetteerTools, CsvGazetteerGivesByteIdenticalGraphs) {
  fs::path csv = TempDir("gaz_csv");
  ConvertShipped(csv, ".csv");
  fs::path a = TempDir("graph_json"), b = TempDir("graph_csv");
  std::string common = "build -q --threads 2 --format graphml,gexf,dot,json,csv " +
                       Q(SourcePath("examples/articles"));
  auto r1 = RunCli(common + " -g " + Q(SourcePath("gazetteer")) + " -o " + Q(a));
  auto r2 = RunCli(common + " -g " + Q(csv) + " -o " + Q(b));
  ASSERT_EQ(r1.exit_code, 0) << r1.err;
  ASSERT_EQ(r2.exit_code, 0) << r2.err;
  int files = 0;
  for (const auto& e : fs::directory_iterator(a)) {
    ++files;
    EXPECT_EQ(ReadFile(e.path()), ReadFile(b / e.path().filename())) << e.path().filename();
  }
  EXPECT_GE(files, 5);
}

TEST(GazetteerTools, ConvertRoundTrips) {
  fs::path csv = TempDir("rt_csv"), tsv = TempDir("rt_tsv"), json = TempDir("rt_json");
  ConvertShipped(csv, ".csv");
  for (const auto& e : fs::directory_iterator(csv)) {
    fs::path j = json / e.path().stem(), t = tsv / e.path().stem(), c2 = csv / e.path().stem();
    j += ".json";
    t += ".tsv";
    c2 += ".again.csv";
    ASSERT_EQ(RunCli("gazetteer convert " + Q(e.path()) + " " + Q(j)).exit_code, 0);
    ASSERT_EQ(RunCli("gazetteer convert " + Q(j) + " " + Q(t)).exit_code, 0);
    ASSERT_EQ(RunCli("gazetteer convert " + Q(t) + " " + Q(c2)).exit_code, 0);
    EXPECT_EQ(ReadFile(e.path()), ReadFile(c2)) << e.path().filename();
  }
  auto bad = RunCli("gazetteer convert " + Q(SourcePath("README.md")) + " x.csv");
  EXPECT_EQ(bad.exit_code, 1);
}

TEST(GazetteerTools, BadCsvNamesFileLineAndColumn) {
  fs::path dir = TempDir("bad_csv");
  WriteFile(dir / "a.csv", "id,type,label_ar,label_en\nok,person,زيد,Zaid\nx,person,\"عمرو,Amr\n");
  auto r = RunCli("mentions -q -g " + Q(dir / "a.csv") + " " + Q(SourcePath("examples/articles")));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("a.csv:3:3: malformed CSV"), std::string::npos) << r.err;
}

TEST(GazetteerTools, MediaAreListedByMentionsAndLeftOutOfNetworks) {
  fs::path dir = TempDir("media");
  WriteFile(dir / "doc.txt",
            "خبر\n\nوذكرت وكالة الأنباء العراقية أن رئيس الوزراء مصطفى الكاظمي استقبل السفير "
            "الأمريكي في بغداد.\n");
  // The shipped gazetteer's media list (gazetteer/media.json).
  std::string g = "-g " + Q(SourcePath("gazetteer"));
  auto m = RunCli("mentions -q --format jsonl " + g + " " + Q(dir / "doc.txt"));
  ASSERT_EQ(m.exit_code, 0) << m.err;
  EXPECT_NE(m.out.find("\"actor\":\"ina_iraq\""), std::string::npos) << m.out;
  EXPECT_NE(m.out.find("\"type\":\"media\""), std::string::npos);
  // The agency's demonym is part of its name, not a mention of Iraq.
  EXPECT_EQ(m.out.find("\"surface\":\"العراقية\""), std::string::npos) << m.out;
  auto only = RunCli("mentions -q --format jsonl --types person " + g + " " + Q(dir / "doc.txt"));
  EXPECT_EQ(only.out.find("\"type\":\"media\""), std::string::npos);
  EXPECT_EQ(only.out.find("\"type\":\"state\""), std::string::npos);

  for (bool with_media : {false, true}) {
    fs::path out = TempDir("media_out");
    auto b = RunCli("build -q --format json " + g + (with_media ? " --types all" : "") + " -o " +
                    Q(out) + " " + Q(dir / "doc.txt"));
    ASSERT_EQ(b.exit_code, 0) << b.err;
    auto j = nlohmann::json::parse(ReadFile(out / "actors.json"));
    bool media = false;
    for (const auto& n : j["nodes"]) media |= n["type"] == "media";
    EXPECT_EQ(media, with_media);
  }
}

TEST(GazetteerTools, RolesResolveByTheDocumentsDate) {
  fs::path dir = TempDir("roles");
  WriteFile(dir / "docs.jsonl",
            "{\"id\": \"a\", \"date\": \"2021-03-01\", \"text\": \"وقال رئيس الوزراء العراقي إن "
            "الحكومة ماضية.\"}\n"
            "{\"id\": \"b\", \"date\": \"2023-03-01\", \"text\": \"وقال رئيس الوزراء العراقي إن "
            "الحكومة ماضية.\"}\n"
            "{\"id\": \"c\", \"text\": \"وقال رئيس الوزراء العراقي إن الحكومة ماضية.\"}\n");
  std::string base = "mentions -q --format jsonl -g " + Q(SourcePath("gazetteer")) + " ";
  auto on = RunCli(base + "--roles " + Q(dir / "docs.jsonl"));
  ASSERT_EQ(on.exit_code, 0) << on.err;
  EXPECT_NE(on.out.find("{\"doc\":\"a\",\"actor\":\"mustafa_al_kadhimi\""), std::string::npos)
      << on.out;
  EXPECT_NE(on.out.find("{\"doc\":\"b\",\"actor\":\"mohammed_shia_al_sudani\""), std::string::npos)
      << on.out;
  EXPECT_EQ(on.out.find("{\"doc\":\"c\",\"actor\":\"m"), std::string::npos) << on.out;
  EXPECT_NE(on.out.find("\"how\":\"role\""), std::string::npos);
  auto off = RunCli(base + Q(dir / "docs.jsonl"));
  EXPECT_EQ(off.out.find("\"how\":\"role\""), std::string::npos) << off.out;
}

TEST(GazetteerTools, SuggestWritesEntriesThatLoadWithG) {
  fs::path dir = TempDir("suggest_cli");
  // A gazetteer of states only: the leave-out articles' people and groups are all unknown.
  std::string g = "-g " + Q(SourcePath("gazetteer/states.json"));
  auto tsv =
      RunCli("gazetteer suggest -q --top 20 " + g + " " + Q(SourcePath("tests/data/suggest")));
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  EXPECT_EQ(tsv.out.rfind("rank\tscore\ttype\tlabel\tlang\tmentions\tdocuments\tcue_hits\tcues\t"
                          "forms\texample_1\texample_2\n",
                          0),
            0u);
  EXPECT_EQ(std::count(tsv.out.begin(), tsv.out.end(), '\n'), 21);
  // -o makes the folder it names, as build's -o does.
  auto js = RunCli("gazetteer suggest -q --format json --top 50 " + g + " -o " +
                   Q(dir / "sub" / "new.json") + " " + Q(SourcePath("tests/data/suggest")));
  ASSERT_EQ(js.exit_code, 0) << js.err;
  auto j = nlohmann::json::parse(ReadFile(dir / "sub" / "new.json"));
  EXPECT_GE(j["actors"].size(), 20u);
  auto m = RunCli("mentions -q --format jsonl " + g + " -g " + Q(dir / "sub" / "new.json") + " " +
                  Q(SourcePath("tests/data/suggest")));
  ASSERT_EQ(m.exit_code, 0) << m.err;
  EXPECT_NE(m.out.find("\"type\":\"person\""), std::string::npos);
  EXPECT_NE(m.out.find("\"type\":\"group\""), std::string::npos);
}

}  // namespace
}  // namespace actorgraph
