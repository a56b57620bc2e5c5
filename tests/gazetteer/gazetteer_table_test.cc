#include "actorgraph/gazetteer/gazetteer_table.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
#include "actorgraph/gazetteer/gazetteer.h"
#include "test_util.h"

namespace actorgraph {
namespace {

std::string ErrorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(GazetteerTable, ParsesRfc4180QuotingWithPositions) {
  auto rows =
      ParseTable("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,,3\n", ',', "t.csv");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][0].text, "x, y");
  EXPECT_EQ(rows[1][1].text, "say \"hi\"");
  EXPECT_EQ(rows[1][2].text, "two\nlines");
  EXPECT_EQ(rows[2][0].line, 4u);  // the quoted line break moved the next row down
  EXPECT_EQ(rows[2][1].text, "");
  EXPECT_EQ(rows[2][2].column, 3u);
}

TEST(GazetteerTable, ExcelByteOrderMarkIsSkipped) {
  Gazetteer g;
  g.AddTableFile("\xEF\xBB\xBFid,type,label_ar,label_en\r\nzaid,person,زيد,Zaid\r\n", "x.csv", ',');
  EXPECT_NE(g.Find("zaid"), nullptr);
}

TEST(GazetteerTable, MalformedQuotingNamesFileLineAndColumn) {
  std::string e = ErrorOf([] { ParseTable("a,b\nx,y\"z\"\n", ',', "t.csv"); });
  EXPECT_NE(e.find("t.csv:2:2:"), std::string::npos) << e;
  e = ErrorOf([] { ParseTable("a,b\nx,\"open\n", ',', "t.csv"); });
  EXPECT_NE(e.find("t.csv:2:2:"), std::string::npos) << e;
  EXPECT_NE(e.find("not closed"), std::string::npos) << e;
}

TEST(GazetteerTable, TsvLoadsWithTiersTriggersAndRoles) {
  Gazetteer g;
  g.AddTableFile(
      "id\ttype\tlabel_ar\tlabel_en\taliases_ar\taliases_en\taffiliations\troles\twikidata\n"
      "saddam\tperson\tصدام حسين\tSaddam Hussein\tصدام{B:نظام,عهد}|صدام حسين المجيد\tSaddam\t"
      "iraq\tPresident of Iraq@1979-07-16..2003-04-09\tQ1316\n",
      "people.tsv", '\t');
  g.Finish();
  const Actor* a = g.Find("saddam");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->aliases.size(), 5u);  // two labels and three aliases
  EXPECT_EQ(a->aliases[2].text, "صدام");
  EXPECT_EQ(a->aliases[2].tier, Tier::kB);
  EXPECT_EQ(a->aliases[2].triggers, (std::vector<std::string>{"نظام", "عهد"}));
  ASSERT_EQ(a->roles.size(), 1u);
  EXPECT_EQ(a->roles[0].end, "2003-04-09");
  EXPECT_EQ(a->wikidata, "Q1316");
}

TEST(GazetteerTable, ProblemsNameTheCell) {
  Gazetteer g;
  std::string e =
      ErrorOf([&] { g.AddTableFile("id,type,label_ar,label_en\nx,robot,س,X\n", "a.csv", ','); });
  EXPECT_NE(e.find("a.csv:2:2"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown type"), std::string::npos) << e;
  e = ErrorOf([&] { g.AddTableFile("id,type,label_ar,label_en,colour\n", "b.csv", ','); });
  EXPECT_NE(e.find("b.csv:1:5: unknown column 'colour'"), std::string::npos) << e;
  e = ErrorOf([&] {
    g.AddTableFile("id,type,label_ar,label_en,aliases_ar\ny,person,س,Y,ص{D}\n", "c.csv", ',');
  });
  EXPECT_NE(e.find("c.csv:2:5"), std::string::npos) << e;
}

TEST(GazetteerTable, JsonToTableToJsonKeepsTheEntries) {
  // The shipped gazetteer, each file through CSV and TSV and back, loads to the same entries.
  for (char delim : {',', '\t'}) {
    Gazetteer json_g, table_g;
    for (const auto& f : Gazetteer::ExpandPaths({testing::SourcePath("gazetteer")})) {
      if (IsTablePath(f)) continue;
      std::string text = testing::ReadFile(f);
      json_g.AddFile(text, f.string());
      std::string table = GazetteerJsonToTable(text, delim, f.string());
      table_g.AddTableFile(table, f.string(), delim);
      // And the table round-trips byte for byte.
      std::string again = GazetteerJsonToTable(GazetteerTableToJson(table, delim, "t"), delim, "t");
      EXPECT_EQ(again, table);
    }
    EXPECT_EQ(json_g.hash(), table_g.hash());
    EXPECT_EQ(json_g.actors().size(), table_g.actors().size());
  }
}

TEST(GazetteerTable, RefusesValuesACellCannotHold) {
  std::string e = ErrorOf([] {
    GazetteerJsonToTable(R"({"actorgraph_gazetteer": 1, "actors": [{"id": "x", "type": "group",
      "label": {"ar": "س", "en": "X"}, "aliases": {"en": ["A|B"]}}]})",
                         ',', "x.json");
  });
  EXPECT_NE(e.find("x.json: actor 'x': field 'aliases.en[0]'"), std::string::npos) << e;
}

// Found by fuzz_gazetteer_table: a list cell holding only '|' gave an empty list ("roles": []),
// which the JSON -> table -> JSON round trip dropped. A cell with no items is no field.
TEST(GazetteerTable, AListCellWithNoItemsIsNoField) {
  std::string json = GazetteerTableToJson(
      "id,type,label_ar,label_en,aliases_ar,roles,affiliations,demonym_stems\n"
      "x,person,س,X, | ,|,||, \n",
      ',', "t.csv");
  for (const char* field : {"aliases", "roles", "affiliations", "demonyms"})
    EXPECT_EQ(json.find(std::string("\"") + field + "\""), std::string::npos) << field << json;
  EXPECT_EQ(GazetteerTableToJson(GazetteerJsonToTable(json, ',', "t.json"), ',', "t.csv"), json);
}

// Found by fuzz_gazetteer_table (fuzz/regressions/fuzz_gazetteer_table/): a cell that is not UTF-8
// (Excel's "CSV" in windows-1256) made nlohmann's dump() throw type_error 316 out of the
// converter. Now the cell is named.
TEST(GazetteerTable, ACellThatIsNotUtf8IsNamed) {
  std::string crash = testing::ReadFile(testing::SourcePath(
      "fuzz/regressions/fuzz_gazetteer_table/crash-d18fdcb174ee6351e2d3cb71a6cf5255df271339"));
  ASSERT_FALSE(crash.empty());
  std::string e = ErrorOf([&] { GazetteerTableToJson(crash.substr(1), ',', "t.csv"); });
  EXPECT_NE(e.find(": invalid UTF-8; save the table as UTF-8"), std::string::npos) << e;
  // windows-1256 Arabic in a label cell: line 2, column 3.
  e = ErrorOf([] {
    GazetteerTableToJson("id,type,label_ar,label_en\nx,state,\xC7\xE1\xDA\xD1\xC7\xDE,Iraq\n", ',',
                         "t.csv");
  });
  EXPECT_EQ(e,
            "t.csv:2:3: byte 0 of the cell: invalid UTF-8; save the table as UTF-8 (Excel: \"CSV "
            "UTF-8\") or convert it, e.g. iconv -f cp1256 -t utf-8");
  e = ErrorOf([] { GazetteerTableToJson(std::string("\xFF\xFEi\0d\0", 6), '\t', "t.tsv"); });
  EXPECT_EQ(e.rfind("t.tsv:1:1: the table is UTF-16 (Excel's \"Unicode text\")", 0), 0u) << e;
}

}  // namespace
}  // namespace actorgraph
