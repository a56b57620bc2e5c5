// actorgraph compare end to end: on the sample corpus by file (every file written, byte-identical
// across runs and thread counts), on the planted corpus by input (the summary names the sides'
// terms), and report.html rendered by headless Chromium without script errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "compare/planted.h"
#include "test_util.h"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunCli;
using testing::ShellQuote;
using testing::SourcePath;
using testing::TempDir;

std::string Sample() { return ShellQuote(SourcePath("examples/articles").string()); }
std::string Gaz() { return "-g " + ShellQuote(SourcePath("gazetteer").string()); }

const char* kFiles[] = {"salience.csv", "partners.csv", "terms.csv",  "frames.csv",
                        "series.csv",   "compare.json", "report.html"};

TEST(CompareCli, ByFileOnSampleCorpusWritesEveryFile) {
  auto dir = TempDir("cmp_file");
  auto r = RunCli("compare --threads 1 --by file " + Gaz() + " -o " + ShellQuote(dir.string()) +
                  " " + Sample());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : kFiles) {
    ASSERT_TRUE(fs::exists(dir / f)) << f;
    EXPECT_GT(fs::file_size(dir / f), 40u) << f;
  }
  auto j = nlohmann::json::parse(ReadFile(dir / "compare.json"));
  ASSERT_EQ(j["groups"].size(), 5u);  // five articles
  ASSERT_EQ(j["comparisons"].size(), 5u);
  for (const auto& g : j["groups"]) {
    std::string stem = "difference-" + g["name"].get<std::string>();
    for (const char* ext : {".graphml", ".gexf", ".dot"})
      EXPECT_TRUE(fs::exists(dir / (stem + ext))) << stem << ext;
  }
  EXPECT_EQ(j["meta"]["by"], "file");
  EXPECT_EQ(j["meta"]["gazetteer_hash"].get<std::string>().size(), 64u);
  std::string html = ReadFile(dir / "report.html");
  EXPECT_NE(html.find(j["meta"]["gazetteer_hash"].get<std::string>()), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);  // the difference network or series
  EXPECT_NE(r.out.find("compare by file: 5 documents in 5 groups"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(G² "), std::string::npos) << r.out;  // ranked by G², shown with it
}

// A second run into the same folder with fewer groups: the first run's other difference networks
// are named as stale, not deleted.
TEST(CompareCli, DifferenceFilesOfAnEarlierRunAreNamed) {
  auto dir = TempDir("cmp_stale");
  std::string out = " -o " + ShellQuote(dir.string()) + " ";
  auto first = RunCli("compare --threads 1 --by file " + Gaz() + out + Sample());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.err.find("earlier run"), std::string::npos) << first.err;
  std::vector<std::string> two;
  for (const auto& e : fs::directory_iterator(SourcePath("examples/articles")))
    if (e.path().extension() == ".txt") two.push_back(e.path().string());
  std::sort(two.begin(), two.end());
  two.resize(2);
  auto second = RunCli("compare --threads 1 --by file " + Gaz() + out + ShellQuote(two[0]) + " " +
                       ShellQuote(two[1]));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  // Three groups of the first run, three files each, kept.
  EXPECT_NE(second.err.find(": 9 difference network files of an earlier run, for groups this "
                            "run does not have, left as they are (difference-"),
            std::string::npos)
      << second.err;
  size_t kept = 0;
  for (const auto& e : fs::directory_iterator(dir))
    kept += e.path().filename().string().starts_with("difference-");
  EXPECT_EQ(kept, 15u);
}

TEST(CompareCli, ByteIdenticalAcrossRunsAndThreads) {
  auto a = TempDir("cmp_t1"), b = TempDir("cmp_t2");
  auto ra = RunCli("compare -q --threads 1 --by file " + Gaz() + " -o " + ShellQuote(a.string()) +
                   " " + Sample());
  auto rb = RunCli("compare -q --threads 2 --by file " + Gaz() + " -o " + ShellQuote(b.string()) +
                   " " + Sample());
  ASSERT_EQ(ra.exit_code, 0) << ra.err;
  ASSERT_EQ(rb.exit_code, 0) << rb.err;
  EXPECT_EQ(ra.out, "");  // -q: nothing but errors
  EXPECT_EQ(ra.err, "");
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(a)) {
    ++n;
    EXPECT_EQ(ReadFile(e.path()), ReadFile(b / e.path().filename())) << e.path().filename();
  }
  EXPECT_GE(n, 7u + 15u);
}

TEST(CompareCli, PlantedSummaryAndErrors) {
  auto src = TempDir("cmp_planted");
  testing::WritePlantedCorpus(src);
  auto out = TempDir("cmp_planted_out");
  auto r =
      RunCli("compare --threads 2 --by input -g " + ShellQuote((src / "gazetteer.json").string()) +
             " -o " + ShellQuote(out.string()) + " " + ShellQuote((src / "pro").string()) + " " +
             ShellQuote((src / "anti").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("pro vs rest"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("الشهيد (z "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("الإرهابي (z "), std::string::npos) << r.out;
  auto bad = RunCli("compare -q --by colour " + Gaz() + " " + Sample());
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("--by"), std::string::npos) << bad.err;
  auto one = RunCli("compare -q --by date:year " + Gaz() + " -o " + ShellQuote(out.string()) + " " +
                    Sample());
  EXPECT_NE(one.exit_code, 0);  // .txt files have no dates: one group
  EXPECT_NE(one.err.find("at least two groups"), std::string::npos) << one.err;
  auto ref =
      RunCli("compare -q --by input --reference nope -g " +
             ShellQuote((src / "gazetteer.json").string()) + " -o " + ShellQuote(out.string()) +
             " " + ShellQuote((src / "pro").string()) + " " + ShellQuote((src / "anti").string()));
  EXPECT_NE(ref.exit_code, 0);
  EXPECT_NE(ref.err.find("no group named 'nope'"), std::string::npos) << ref.err;
  // A reference that --min-docs leaves out is named as such, not as a group that does not exist.
  auto small =
      RunCli("compare -q --by input --reference pro --min-docs 1000 -g " +
             ShellQuote((src / "gazetteer.json").string()) + " -o " + ShellQuote(out.string()) +
             " " + ShellQuote((src / "pro").string()) + " " + ShellQuote((src / "anti").string()));
  EXPECT_EQ(small.exit_code, 1);
  EXPECT_EQ(small.err,
            "actorgraph: error: --reference: the group 'pro' has fewer than 1000 documents, and "
            "--min-docs 1000 leaves it out\n");
}

// A group's name is a field's value or a path: a newline in it stays inside its summary line.
TEST(CompareCli, SummaryKeepsAGroupNameOnOneLine) {
  auto src = TempDir("cmp_newline");
  testing::WritePlantedCorpus(src);
  std::filesystem::rename(src / "pro", src / "pro\nside");
  auto out = TempDir("cmp_newline_out");
  auto r =
      RunCli("compare --threads 1 --by input -g " + ShellQuote((src / "gazetteer.json").string()) +
             " -o " + ShellQuote(out.string()) + " " + ShellQuote((src / "pro\nside").string()) +
             " " + ShellQuote((src / "anti").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("pro\\nside vs rest:\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\nside"), std::string::npos) << r.out;
}

// Headless Chromium renders report.html: its script ran without an error (it marks <body>), no
// console error was logged, and the groups' names and a known actor are in the rendered DOM.
TEST(CompareCli, ReportRendersInHeadlessChromium) {
  if (!testing::HaveProgram("chromium")) GTEST_SKIP() << "chromium is not installed (setup.sh)";
  auto src = TempDir("cmp_chrome");
  testing::WritePlantedCorpus(src);
  auto out = TempDir("cmp_chrome_out");
  auto r = RunCli("compare -q --by input -g " + ShellQuote((src / "gazetteer.json").string()) +
                  " -o " + ShellQuote(out.string()) + " " + ShellQuote((src / "pro").string()) +
                  " " + ShellQuote((src / "anti").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto home = TempDir("cmp_chrome_home");
  auto c = testing::Run("HOME=" + ShellQuote(home.string()) +
                        " timeout 120 chromium --headless --disable-gpu --no-sandbox "
                        "--no-first-run --disable-extensions --enable-logging=stderr --v=0 "
                        "--virtual-time-budget=3000 --dump-dom " +
                        ShellQuote("file://" + fs::absolute(out / "report.html").string()));
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_NE(c.out.find("data-report-ready=\"1\""), std::string::npos) << c.out.substr(0, 400);
  EXPECT_EQ(c.err.find("Uncaught"), std::string::npos) << c.err;
  EXPECT_EQ(c.err.find(":CONSOLE("), std::string::npos) << c.err;
  EXPECT_NE(c.out.find("class=\"group-name\">pro<"), std::string::npos);
  EXPECT_NE(c.out.find("class=\"group-name\">anti<"), std::string::npos);
  EXPECT_NE(c.out.find("Qasem Soleimani"), std::string::npos);
  EXPECT_NE(c.out.find("قاسم سليماني"), std::string::npos);
}

}  // namespace
}  // namespace actorgraph
