#include "actorgraph/export/compare_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "actorgraph/export/compare_report.h"
#include "actorgraph/pipeline/compare_corpus.h"
#include "compare/planted.h"
#include "test_util.h"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;

struct Written {
  fs::path dir;
  std::vector<fs::path> files;
};

// Runs the planted corpus through the whole comparison and writes every file.
Written WritePlanted(unsigned threads) {
  auto src = testing::TempDir("cw_src");
  testing::WritePlantedCorpus(src);
  Gazetteer g = Gazetteer::Load({src / "gazetteer.json"});
  Matcher m(g);
  StopWords stop;
  stop.AddFile(testing::SourcePath("data/stopwords/ar.txt"));
  TermFilter f(g, std::move(stop));
  FrameDictionary frames = FrameDictionary::Load(testing::SourcePath("data/frames/conflict.json"));
  std::vector<std::string> inputs = {(src / "pro").string(), (src / "anti").string()};
  DocumentReader reader(inputs, {});
  ProfileCorpusOptions o;
  o.threads = threads;
  GroupProfiles p =
      ProfileCorpus(m, reader, Grouper(ParseGroupKey("input"), inputs), f, &frames, o);
  Comparison c = CompareGroups(p, g, {});
  Series s = BuildSeries(p, false);
  CompareMeta meta;
  meta.version = "test";
  meta.gazetteer_hash = g.hash();
  meta.group_by = "input";
  meta.options = "by=input";
  CompareResult r{g, p, c, s, meta};
  Written w;
  w.dir = testing::TempDir("cw_out");
  w.files = WriteCompareTables(r, w.dir);
  auto nets = WriteDifferenceNetworks(r, w.dir, 10);
  w.files.insert(w.files.end(), nets.begin(), nets.end());
  WriteCompareReport(r, {}, "no drawing in this test", {}, w.dir / "report.html");
  w.files.push_back(w.dir / "report.html");
  ReportOptions one;
  one.max_groups = 1;
  WriteCompareReport(r, {{"pro", "<?xml version=\"1.0\"?>\n<svg id=\"drawn\"></svg>"}}, "none", one,
                     w.dir / "report-one.html");
  return w;
}

TEST(CompareWriter, TablesHaveTheIssueColumnsAndPlantedRows) {
  Written w = WritePlanted(1);
  std::string sal = ReadFile(w.dir / "salience.csv");
  EXPECT_EQ(sal.substr(0, sal.find('\n')),
            "group,actor,label_en,type,mentions,documents,mention_share,document_share,rank,"
            "log_ratio,g2,p");
  EXPECT_NE(sal.find("\npro,iran,Iran,state,4,3,0.5,1,"), std::string::npos) << sal;
  std::string par = ReadFile(w.dir / "partners.csv");
  EXPECT_EQ(par.substr(0, par.find('\n')), "group,actor,partner,count,share,log_ratio,g2,p");
  EXPECT_NE(par.find("\npro,soleimani,iran,4,1,"), std::string::npos) << par;
  std::string terms = ReadFile(w.dir / "terms.csv");
  EXPECT_EQ(terms.substr(0, terms.find('\n')), "group,actor,term,count,other_count,log_odds,z");
  EXPECT_NE(terms.find("\npro,soleimani," + NormalizeString("شهيد") + ",4,0,"), std::string::npos)
      << terms;
  EXPECT_NE(terms.find("\nanti,*,"), std::string::npos);
  std::string fr = ReadFile(w.dir / "frames.csv");
  EXPECT_EQ(fr.substr(0, fr.find('\n')),
            "group,actor,frame,hits,contexts,rate,g2,p,ci_low,ci_high");
  EXPECT_NE(fr.find("\npro,soleimani,martyrdom,4,4,1,"), std::string::npos) << fr;
  std::string series = ReadFile(w.dir / "series.csv");
  EXPECT_EQ(series.substr(0, series.find('\n')), "period,actor,label_en,mentions,share");

  auto j = nlohmann::json::parse(ReadFile(w.dir / "compare.json"));
  EXPECT_EQ(j["meta"]["gazetteer_hash"].get<std::string>().size(), 64u);
  EXPECT_EQ(j["meta"]["options"], "by=input");
  EXPECT_EQ(j["groups"].size(), 2u);
  EXPECT_EQ(j["comparisons"][0]["group"], "anti");
  EXPECT_EQ(j["comparisons"][0]["other"], "rest");
  const auto& martyr = j["terms"][NormalizeString("شهيد")];
  EXPECT_EQ(martyr["surface"], "الشهيد");
  EXPECT_NE(martyr["example"].get<std::string>().find("الشهيد"), std::string::npos);
}

TEST(CompareWriter, DifferenceNetworksAreWellFormedAndColoured) {
  Written w = WritePlanted(1);
  for (const char* ext : {".graphml", ".gexf", ".dot"})
    for (const char* g : {"anti", "pro"})
      EXPECT_TRUE(fs::exists(w.dir / (std::string("difference-") + g + ext))) << g << ext;
  std::string dot = ReadFile(w.dir / "difference-pro.dot");
  EXPECT_NE(dot.find("\"soleimani\" -- \"iran\" [color=\"#d95f02\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"soleimani\" -- \"usa\" [color=\"#1b9e77\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("cluster_legend"), std::string::npos);
  std::string graphml = ReadFile(w.dir / "difference-pro.graphml");
  EXPECT_NE(graphml.find("<data key=\"favours\">pro</data>"), std::string::npos);
  EXPECT_NE(graphml.find("<data key=\"favours\">rest</data>"), std::string::npos);
  if (testing::HaveProgram("xmllint")) {
    for (const char* f : {"difference-pro.graphml", "difference-pro.gexf"}) {
      std::string cmd = "xmllint --noout " + testing::ShellQuote((w.dir / f).string());
      auto r = testing::Run(cmd);
      EXPECT_EQ(r.exit_code, 0) << f << ": " << r.err;
    }
  }
  if (testing::HaveProgram("dot")) {
    auto r =
        testing::Run("dot -Tsvg " + testing::ShellQuote((w.dir / "difference-pro.dot").string()) +
                     " -o /dev/null");
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
}

TEST(CompareWriter, ByteIdenticalForAnyThreadCount) {
  Written a = WritePlanted(1), b = WritePlanted(3);
  ASSERT_EQ(a.files.size(), b.files.size());
  for (size_t i = 0; i < a.files.size(); ++i)
    EXPECT_EQ(ReadFile(a.files[i]), ReadFile(b.files[i])) << a.files[i].filename();
}

TEST(CompareWriter, ReportSectionsMessagesAndGroupCap) {
  Written w = WritePlanted(1);
  std::string all = ReadFile(w.dir / "report.html");
  EXPECT_NE(all.find("<section id=\"g1\">"), std::string::npos);
  EXPECT_NE(all.find("no drawing in this test"), std::string::npos);  // no SVG given
  EXPECT_NE(all.find("dir=\"rtl\" lang=\"ar\">قاسم سليماني</span>"), std::string::npos);
  EXPECT_EQ(all.find("http://"), all.find("http://www.w3.org/2000/svg"));  // nothing fetched
  std::string one = ReadFile(w.dir / "report-one.html");
  EXPECT_EQ(one.find("<section id=\"g1\">"), std::string::npos);
  EXPECT_NE(one.find("1 more compared group is not shown here"), std::string::npos);
  EXPECT_EQ(one.find("<svg id=\"drawn\">"), std::string::npos);  // "pro" is the second group
}

TEST(CompareWriter, GroupFileStems) {
  EXPECT_EQ(GroupFileStem("(none)"), "_none_");
  EXPECT_EQ(GroupFileStem("2024-03"), "2024-03");
  EXPECT_EQ(GroupFileStem("a/b c"), "a_b_c");
  EXPECT_EQ(GroupFileStem("الجزيرة"), "الجزيرة");
  // A long name (a source of 300 bytes) is cut at a character boundary, with a hash of the whole.
  std::string longer;
  for (int i = 0; i < 150; ++i) longer += "\xD8\xB9";  // ع, 2 bytes
  std::string stem = GroupFileStem(longer), other = GroupFileStem(longer + "x");
  EXPECT_EQ(stem.size(), 110u + 9u);  // 55 letters, "~", 8 hex digits
  EXPECT_EQ(stem.substr(0, 110), longer.substr(0, 110));
  EXPECT_EQ(stem[110], '~');
  EXPECT_NE(stem, other);
  EXPECT_EQ(GroupFileStem(".."), "_..");
}

}  // namespace
}  // namespace actorgraph
