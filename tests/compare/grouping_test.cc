#include "actorgraph/compare/grouping.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

Document Doc(std::string origin, std::string date = "", std::string source = "") {
  Document d;
  d.origin = std::move(origin);
  d.id = "id-" + d.origin;
  d.date = std::move(date);
  d.source = std::move(source);
  return d;
}

TEST(Grouping, ParsesEveryKeyAndRejectsOthers) {
  EXPECT_EQ(ParseGroupKey("input").by, GroupBy::kInput);
  EXPECT_EQ(ParseGroupKey("date:month").by, GroupBy::kMonth);
  EXPECT_TRUE(ParseGroupKey("date:year").periods());
  EXPECT_FALSE(ParseGroupKey("source").periods());
  GroupKey f = ParseGroupKey("field:camp");
  EXPECT_EQ(f.by, GroupBy::kField);
  EXPECT_EQ(f.field, "camp");
  EXPECT_EQ(ToString(f), "field:camp");
  EXPECT_THROW(ParseGroupKey("date"), Error);
  EXPECT_THROW(ParseGroupKey("field:"), Error);
}

TEST(Grouping, InputGroupsByArgumentBaseName) {
  Grouper g(ParseGroupKey("input"), {"corpus/pro/", "corpus/anti", "x/anti", "-"});
  EXPECT_EQ(g.GroupOf(Doc("corpus/pro/a.txt")), "pro");
  EXPECT_EQ(g.GroupOf(Doc("corpus/anti/sub/b.txt")), "anti");
  EXPECT_EQ(g.GroupOf(Doc("x/anti:3")), "anti#2");  // a JSONL file given directly
  EXPECT_EQ(g.GroupOf(Doc("<stdin>:2")), "stdin");
  EXPECT_EQ(g.GroupOf(Doc("corpus/antique/c.txt")), "(none)");  // a prefix is not a folder
}

TEST(Grouping, DatesSourcesFieldsAndMissingValues) {
  Document d = Doc("a.jsonl:1", "2024-03-09", "outlet");
  d.fields["camp"] = "pro";
  EXPECT_EQ(Grouper(ParseGroupKey("date:year"), {}).GroupOf(d), "2024");
  EXPECT_EQ(Grouper(ParseGroupKey("date:month"), {}).GroupOf(d), "2024-03");
  EXPECT_EQ(Grouper(ParseGroupKey("source"), {}).GroupOf(d), "outlet");
  EXPECT_EQ(Grouper(ParseGroupKey("field:camp"), {}).GroupOf(d), "pro");
  EXPECT_EQ(Grouper(ParseGroupKey("file"), {}).GroupOf(d), "id-a.jsonl:1");
  Document bare = Doc("b.txt");
  EXPECT_EQ(Grouper(ParseGroupKey("date:month"), {}).GroupOf(bare), "(none)");
  EXPECT_EQ(Grouper(ParseGroupKey("field:camp"), {}).GroupOf(bare), "(none)");
}

TEST(Grouping, NoGroupSortsLast) {
  std::vector<std::string> v = {"(none)", "2024-02", "2023-12", "2024-01"};
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return GroupLess(a, b); });
  EXPECT_EQ(v, (std::vector<std::string>{"2023-12", "2024-01", "2024-02", "(none)"}));
}

}  // namespace
}  // namespace actorgraph
