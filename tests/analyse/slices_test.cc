#include "actorgraph/analyse/slices.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "actorgraph/base/error.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::ReadFile;
using testing::ShellQuote;

TEST(Slices, ParsesTheSpec) {
  EXPECT_EQ(ParseSlice("year").kind, SliceSpec::kYear);
  EXPECT_EQ(ParseSlice("month").kind, SliceSpec::kMonth);
  EXPECT_EQ(ParseSlice("30d").kind, SliceSpec::kDays);
  EXPECT_EQ(ParseSlice("30d").days, 30);
  for (const char* bad : {"", "d", "0d", "week", "-3d", "3x"}) {
    try {
      ParseSlice(bad);
      FAIL() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()),
                "--slice: '" + std::string(bad) + "' is not one of year, month, Nd (e.g. 30d)");
    }
  }
}

TEST(Slices, PeriodsOfDates) {
  EXPECT_EQ(PeriodOf("2021-03-05", ParseSlice("year")), "2021");
  EXPECT_EQ(PeriodOf("2021-03-05", ParseSlice("month")), "2021-03");
  // 7-day periods counted from 1970-01-01 (a Thursday).
  EXPECT_EQ(PeriodOf("1970-01-01", ParseSlice("7d")), "1970-01-01");
  EXPECT_EQ(PeriodOf("1970-01-07", ParseSlice("7d")), "1970-01-01");
  EXPECT_EQ(PeriodOf("1970-01-08", ParseSlice("7d")), "1970-01-08");
  EXPECT_EQ(PeriodOf("1969-12-31", ParseSlice("7d")), "1969-12-25");
  EXPECT_EQ(PeriodOf("2021-01-01", ParseSlice("1d")), "2021-01-01");
  EXPECT_EQ(PeriodOf("2020-02-29", ParseSlice("1d")), "2020-02-29");
  EXPECT_EQ(PeriodOf("", ParseSlice("year")), "");
  EXPECT_EQ(PeriodOf("2021-13-01", ParseSlice("month")), "");
}

TEST(Slices, BuildWritesOneNetworkPerPeriodAndSlicesCsv) {
  auto dir = testing::TempDir("slices_build");
  std::string jsonl =
      R"({"id":"a","date":"2020-05-01","text":"التقى الكاظمي بايدن في واشنطن. وقال العراق إن إيران جارة."})"
      "\n"
      R"({"id":"b","date":"2021-02-01","text":"اتصل الكاظمي بالرئيس الإيراني. وناقش العراق وإيران الأمن."})"
      "\n"
      R"({"id":"c","text":"الكاظمي في بغداد مع بايدن."})"
      "\n";
  testing::WriteFile(dir / "in.jsonl", jsonl);
  auto r = testing::RunCli("build -q -o " + ShellQuote((dir / "out").string()) +
                           " --format graphml,csv --slice year " +
                           ShellQuote((dir / "in.jsonl").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // -q: no summary, no 'wrote' lines (also for the slices), no warnings.
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  auto loud =
      testing::RunCli("build -o " + ShellQuote((dir / "loud").string()) +
                      " --format csv --slice year " + ShellQuote((dir / "in.jsonl").string()));
  EXPECT_NE(loud.err.find(
                "actorgraph: warning: 1 document without a valid date is left out of the slices"),
            std::string::npos)
      << loud.err;
  EXPECT_NE(loud.out.find("wrote " + (dir / "loud" / "slices.csv").string()), std::string::npos);
  EXPECT_EQ(loud.err.find("of an earlier run"), std::string::npos) << loud.err;
  // By month into the same folder: the yearly slices stay, and are said to be an earlier run's.
  auto monthly =
      testing::RunCli("build -o " + ShellQuote((dir / "loud").string()) +
                      " --format csv --slice month " + ShellQuote((dir / "in.jsonl").string()));
  EXPECT_NE(monthly.err.find("actorgraph: warning: " + (dir / "loud").string() +
                             ": 4 slice files of an earlier run, for periods this run does not "
                             "have, left as they are (actors_2020_edges.csv, ...); slices.csv "
                             "names this run's only\n"),
            std::string::npos)
      << monthly.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "loud" / "actors_2020_nodes.csv"));
  for (const char* f : {"actors.graphml", "actors_2020.graphml", "actors_2021.graphml",
                        "actors_2020_nodes.csv", "slices.csv"})
    EXPECT_TRUE(std::filesystem::exists(dir / "out" / f)) << f;
  std::istringstream csv(ReadFile(dir / "out" / "slices.csv"));
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line.substr(0, 15), "period,Id,Label");
  EXPECT_NE(line.find(",pagerank,"), std::string::npos) << line;
  std::map<std::string, int> rows;
  bool kadhimi_2021 = false;
  while (std::getline(csv, line)) {
    rows[line.substr(0, 4)]++;
    if (line.starts_with("2021,mustafa_al_kadhimi,")) kadhimi_2021 = true;
  }
  EXPECT_GT(rows["2020"], 1);
  EXPECT_GT(rows["2021"], 1);
  EXPECT_EQ(rows.size(), 2u);
  EXPECT_TRUE(kadhimi_2021);
  // The whole network of a sliced run is the one an unsliced run on two threads writes.
  auto plain = testing::RunCli("build -q --threads 2 -o " + ShellQuote((dir / "plain").string()) +
                               " --format graphml,csv " + ShellQuote((dir / "in.jsonl").string()));
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(ReadFile(dir / "out" / "actors.graphml"), ReadFile(dir / "plain" / "actors.graphml"));
  EXPECT_EQ(ReadFile(dir / "out" / "nodes.csv"), ReadFile(dir / "plain" / "nodes.csv"));
  // --render draws each period as well as the whole network.
  if (testing::HaveProgram("dot")) {
    auto drawn =
        testing::RunCli("build -q --render svg -o " + ShellQuote((dir / "drawn").string()) +
                        " --slice year " + ShellQuote((dir / "in.jsonl").string()));
    ASSERT_EQ(drawn.exit_code, 0) << drawn.err;
    for (const char* f : {"actors.svg", "actors_2020.svg", "actors_2021.svg"})
      EXPECT_NE(ReadFile(dir / "drawn" / f).find("<svg"), std::string::npos) << f;
  }
}

}  // namespace
}  // namespace actorgraph
