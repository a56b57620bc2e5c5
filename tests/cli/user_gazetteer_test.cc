// Users' own gazetteers from the command line (issue 18, point 4): `gazetteer check FILE` checks
// the file together with the gazetteer it will be used with, lists only the problems the file
// brings, and reports an affiliation that resolves nowhere with the same line `build -g` stops on.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "test_util.h"

namespace actorgraph {
namespace {

using testing::RunCli;
using testing::ShellQuote;
using testing::SourcePath;
using testing::TempDir;
using testing::WriteFile;
namespace fs = std::filesystem;

std::string Q(const fs::path& p) { return ShellQuote(p.string()); }

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// One person affiliated with `affiliation`, in a file of its own.
fs::path UserFile(const fs::path& dir, const std::string& affiliation) {
  fs::path f = dir / "mine.json";
  WriteFile(f, R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "tarek_bitar", "type": "person", "label": {"ar": "طارق البيطار", "en": "Tarek Bitar"},
     "affiliations": [")" +
                   affiliation + R"("]}]})");
  return f;
}

TEST(UserGazetteer, CheckResolvesAffiliationsToTheShippedGazetteer) {
  fs::path dir = TempDir("user_gaz_ok");
  auto r = RunCli("gazetteer check " + Q(UserFile(dir, "lebanon")));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("unknown actor id"), std::string::npos) << r.out;
  // The file's own summary, and the shipped gazetteer's warnings counted, not listed.
  EXPECT_NE(r.out.find("mine.json, 1 actor (0 states, 1 person, 0 groups, 0 media)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("checked together with"), std::string::npos) << r.out;
  EXPECT_EQ(Count(r.out, "warning: "), 0u) << r.out;
  auto whole = RunCli("gazetteer check");
  EXPECT_EQ(whole.exit_code, 0) << whole.out;
  size_t shipped_warnings = Count(whole.out, "warning: ");
  ASSERT_GT(shipped_warnings, 0u) << "the shipped gazetteer has no warnings left to hide";
  EXPECT_NE(r.out.find(std::to_string(shipped_warnings) + " warnings of its own not listed"),
            std::string::npos)
      << r.out;
}

TEST(UserGazetteer, CheckListsTheWarningsTheUserFileBrings) {
  fs::path dir = TempDir("user_gaz_warn");
  // A tier-B alias that is a tier-A name of a shipped actor: a warning caused by this file (it
  // may be attributed to either actor), listed in full.
  fs::path f = dir / "mine.json";
  WriteFile(f, R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "someone", "type": "person", "label": {"ar": "زيد الفلاني", "en": "Zaid Someone"},
     "aliases": {"ar": [{"text": "الكاظمي", "tier": "B"}]}, "affiliations": ["iraq"]}]})");
  auto r = RunCli("gazetteer check " + Q(f));
  EXPECT_NE(r.out.find("warning: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("someone"), std::string::npos) << r.out;
  EXPECT_LT(Count(r.out, "warning: "), 10u) << r.out;
}

TEST(UserGazetteer, CheckAndBuildReportAnUnresolvedAffiliationAlike) {
  fs::path dir = TempDir("user_gaz_bad");
  fs::path f = UserFile(dir, "lebanonn");  // a typo: no gazetteer defines it
  auto check = RunCli("gazetteer check " + Q(f));
  EXPECT_EQ(check.exit_code, 1) << check.out;
  std::string line =
      f.string() + ": actor 'tarek_bitar': field 'affiliations': unknown actor id 'lebanonn'";
  EXPECT_NE(check.out.find("error: " + line), std::string::npos) << check.out;
  auto build = RunCli("build -q -o " + Q(dir / "out") + " -g gazetteer -g " + Q(f) + " " +
                      Q(SourcePath("examples/articles")));
  EXPECT_EQ(build.exit_code, 1) << build.err;
  EXPECT_NE(build.err.find("actorgraph: error: " + line), std::string::npos) << build.err;
  EXPECT_EQ(Count(build.err, "\n"), 1u) << build.err;  // one line
  EXPECT_FALSE(fs::exists(dir / "out" / "actors.graphml"));
}

TEST(UserGazetteer, BuildWithOnlyTheUserFileNamesTheShippedActorItLeftOut) {
  // `-g mine.json` replaces the shipped gazetteer: 'lebanon' resolves nowhere. It used to build
  // with an empty country; now it stops and says what to add.
  fs::path dir = TempDir("user_gaz_alone");
  fs::path f = UserFile(dir, "lebanon");
  auto build = RunCli("build -q -o " + Q(dir / "out") + " -g " + Q(f) + " " +
                      Q(SourcePath("examples/articles")));
  EXPECT_EQ(build.exit_code, 1) << build.err;
  EXPECT_NE(build.err.find("unknown actor id 'lebanon'"), std::string::npos) << build.err;
  EXPECT_NE(build.err.find("'lebanon' is in the shipped gazetteer, which -g replaces"),
            std::string::npos)
      << build.err;
  // The same file checked with only itself as the gazetteer gives the same line.
  auto check = RunCli("gazetteer check -g " + Q(f));
  EXPECT_EQ(check.exit_code, 1) << check.out;
  EXPECT_NE(check.out.find("unknown actor id 'lebanon'"), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("\nhint: 'lebanon' is in the shipped gazetteer, which -g replaces: give "
                           "-g gazetteer first to load it too\n"),
            std::string::npos)
      << check.out;
  // gazetteer list loads the gazetteer as every command does: it stops too.
  auto list = RunCli("gazetteer list -g " + Q(f));
  EXPECT_EQ(list.exit_code, 1) << list.out;
  EXPECT_NE(list.err.find("'lebanon' is in the shipped gazetteer"), std::string::npos) << list.err;
  // With the shipped gazetteer first, the country is filled in.
  auto ok = RunCli("build -q --format json -o " + Q(dir / "ok") + " -g gazetteer -g " + Q(f) + " " +
                   Q(SourcePath("examples/articles")));
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST(UserGazetteer, GazetteerNamesTheShippedOneOutsideTheSourceTree) {
  // `-g gazetteer` in a folder without ./gazetteer is the shipped gazetteer (README commands).
  fs::path dir = TempDir("user_gaz_cwd");
  fs::path f = UserFile(dir, "lebanon");
  auto r = testing::Run("cd " + Q(dir) + " && " + ShellQuote(ACTORGRAPH_CLI) +
                        " gazetteer list gazetteer mine.json | grep -c tarek_bitar");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // A file named to list is listed alone (with -g it is loaded as build loads it, and its
  // unresolved affiliation stops it: UserGazetteer.BuildWithOnlyTheUserFile...).
  auto alone = RunCli("gazetteer list " + Q(f));
  EXPECT_EQ(alone.exit_code, 0) << alone.err;
  EXPECT_NE(alone.out.find("tarek_bitar"), std::string::npos) << alone.out;
  EXPECT_EQ(alone.out.find("mustafa_al_kadhimi"), std::string::npos);
  auto check = testing::Run("cd " + Q(dir) + " && " + ShellQuote(ACTORGRAPH_CLI) +
                            " gazetteer check gazetteer mine.json");
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  // The shipped gazetteer named among the paths is context: its warnings are counted only.
  EXPECT_NE(check.out.find("mine.json, 1 actor ("), std::string::npos) << check.out;
  EXPECT_EQ(Count(check.out, "warning: "), 0u) << check.out;
}

}  // namespace
}  // namespace actorgraph
