#include "actorgraph/export/columns.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

#include "actorgraph/analyse/analyse.h"
#include "actorgraph/base/error.h"
#include "actorgraph/export/writer.h"
#include "sample_graph.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::ReadFile;

template <class Column>
std::vector<std::string> Names(const std::vector<Column>& table) {
  std::vector<std::string> names;
  for (const Column& c : table) names.push_back(c.name);
  return names;
}

template <class Column>
void ExpectUniqueNamesAndGetters(const std::vector<Column>& table) {
  std::set<std::string> seen;
  for (const Column& c : table) {
    EXPECT_TRUE(seen.insert(c.name).second) << "duplicate column " << c.name;
    EXPECT_TRUE(static_cast<bool>(c.value)) << c.name << " has no getter";
    EXPECT_NE(c.formats & kEveryTable, 0u) << c.name << " is in no format";
    EXPECT_FALSE(c.description.empty()) << c.name << " has no description";
  }
}

// Built by appending (GCC 12 warns falsely, -Wrestrict, on chains of std::string +).
std::string Concat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) s.append(p);
  return s;
}

std::string GraphmlKey(std::string_view id, std::string_view domain, std::string_view name,
                       std::string_view type) {
  return Concat({"<key id=\"", id, "\" for=\"", domain, "\" attr.name=\"", name, "\" attr.type=\"",
                 type, "\"/>"});
}

std::string GexfAttribute(std::string_view name, std::string_view type) {
  return Concat({"<attribute id=\"", name, "\" title=\"", name, "\" type=\"", type, "\"/>"});
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

// Writes the sample graph in every format into one folder.
std::filesystem::path WriteAll(const Graph& g, const std::string& name) {
  auto dir = testing::TempDir(name);
  for (const std::string& f : WriterFormats()) MakeWriter(f)->Write(g, dir, WriteOptions{});
  return dir;
}

TEST(Columns, NamesAreUniqueAndEveryColumnHasAGetter) {
  ExpectUniqueNamesAndGetters(NodeColumns());
  ExpectUniqueNamesAndGetters(EdgeColumns());
  ExpectUniqueNamesAndGetters(GraphColumns());
}

TEST(Columns, GraphmlKeyIdsAreUniqueAcrossDomains) {
  std::set<std::string> ids;
  for (const auto& c : NodeColumns()) EXPECT_TRUE(ids.insert(GraphmlKeyId(c)).second) << c.name;
  for (const auto& c : EdgeColumns()) EXPECT_TRUE(ids.insert(GraphmlKeyId(c)).second) << c.name;
  for (const auto& c : GraphColumns()) EXPECT_TRUE(ids.insert(GraphmlKeyId(c)).second) << c.name;
  // Names shared across domains get a domain prefix; the others keep the plain name.
  EXPECT_TRUE(ids.count("edge_documents"));
  EXPECT_TRUE(ids.count("graph_documents"));
  EXPECT_TRUE(ids.count("cooc_count"));
  EXPECT_TRUE(ids.count("weight"));
}

TEST(Columns, GephiReservedNamesKeepTheirSpelling) {
  EXPECT_EQ(NodeColumns().front().name, "label");
  EXPECT_EQ(NodeColumns().front().reserved, ReservedColumn::kLabel);
  EXPECT_EQ(EdgeColumns().front().name, "weight");
  EXPECT_EQ(EdgeColumns().front().reserved, ReservedColumn::kWeight);
  EXPECT_EQ(CsvHeader("label", ReservedColumn::kLabel), "Label");
  EXPECT_EQ(CsvHeader("weight", ReservedColumn::kWeight), "Weight");
  EXPECT_EQ(CsvHeader("x", ReservedColumn::kX), "x");
  EXPECT_EQ(CsvHeader("mentions", ReservedColumn::kNone), "mentions");
}

// Every column of the table appears in every format it names, with the same name and type, in
// table order; and in no format it does not name.
TEST(Columns, EveryFormatCarriesTheTableUnderOneNameAndType) {
  Graph g = testing::MakeSampleGraph();
  AnalyseGraph(g, AnalyseOptions{});  // so the measure columns are present too
  auto dir = WriteAll(g, "columns_all");
  std::string graphml = ReadFile(dir / "actors.graphml");
  std::string gexf = ReadFile(dir / "actors.gexf");
  auto json = nlohmann::ordered_json::parse(ReadFile(dir / "actors.json"));
  std::string nodes_csv = FirstLine(ReadFile(dir / "nodes.csv"));
  std::string edges_csv = FirstLine(ReadFile(dir / "edges.csv"));

  size_t graphml_at = 0;
  auto in_graphml_order = [&](const std::string& key) {
    size_t at = graphml.find(key);
    EXPECT_NE(at, std::string::npos) << key;
    if (at == std::string::npos) return;
    EXPECT_GT(at, graphml_at) << key << " out of table order";
    graphml_at = at;
  };
  for (const auto& c : GraphColumns()) {
    std::string key = GraphmlKey(GraphmlKeyId(c), "graph", c.name, XmlTypeName(c.type));
    if (c.formats & kGraphmlColumn) in_graphml_order(key);
    EXPECT_EQ(json["graph"].contains(c.name), bool(c.formats & kJsonColumn)) << c.name;
  }
  std::vector<std::string> want_nodes_csv = {"Id"}, want_edges_csv = {"Source", "Target", "Type"};
  const auto& node = json["nodes"][0];
  for (const auto& c : NodeColumns()) {
    std::string key = GraphmlKey(GraphmlKeyId(c), "node", c.name, XmlTypeName(c.type));
    if (c.formats & kGraphmlColumn) in_graphml_order(key);
    EXPECT_EQ(graphml.find(key) != std::string::npos, bool(c.formats & kGraphmlColumn)) << c.name;
    if (c.reserved == ReservedColumn::kNone) {
      EXPECT_EQ(gexf.find(GexfAttribute(c.name, XmlTypeName(c.type))) != std::string::npos,
                bool(c.formats & kGexfColumn))
          << c.name;
    }
    EXPECT_EQ(node.contains(c.name), bool(c.formats & kJsonColumn)) << c.name;
    if (c.formats & kJsonColumn) {
      if (c.type == ColumnType::kLong) {
        EXPECT_TRUE(node[c.name].is_number_integer()) << c.name;
      }
      if (c.type == ColumnType::kDouble) {
        EXPECT_TRUE(node[c.name].is_number()) << c.name;
      }
      if (c.type == ColumnType::kString) {
        EXPECT_TRUE(node[c.name].is_string()) << c.name;
      }
      if (c.type == ColumnType::kJson) {
        EXPECT_TRUE(node[c.name].is_structured()) << c.name;
      }
    }
    if (c.formats & kCsvColumn) want_nodes_csv.emplace_back(CsvHeader(c.name, c.reserved));
  }
  const auto& link = json["edges"][0];
  for (const auto& c : EdgeColumns()) {
    std::string key = GraphmlKey(GraphmlKeyId(c), "edge", c.name, XmlTypeName(c.type));
    if (c.formats & kGraphmlColumn) in_graphml_order(key);
    EXPECT_EQ(graphml.find(key) != std::string::npos, bool(c.formats & kGraphmlColumn)) << c.name;
    if (c.reserved == ReservedColumn::kNone) {
      EXPECT_EQ(gexf.find(GexfAttribute(c.name, XmlTypeName(c.type))) != std::string::npos,
                bool(c.formats & kGexfColumn))
          << c.name;
    }
    EXPECT_EQ(link.contains(c.name), bool(c.formats & kJsonColumn)) << c.name;
    if (c.formats & kCsvColumn) want_edges_csv.emplace_back(CsvHeader(c.name, c.reserved));
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
    return s;
  };
  EXPECT_EQ(nodes_csv, join(want_nodes_csv));
  EXPECT_EQ(edges_csv, join(want_edges_csv));
  // The reserved columns sit where Gephi looks for them.
  EXPECT_NE(gexf.find("<node id=\"iraq\" label=\""), std::string::npos);
  EXPECT_NE(gexf.find("weight=\""), std::string::npos);
}

// The getters' values reach every format unchanged (text formats as ColumnText).
TEST(Columns, ValuesAreTheSameInEveryFormat) {
  Graph g = testing::MakeSampleGraph();
  AnalyseGraph(g, AnalyseOptions{});
  auto dir = WriteAll(g, "columns_values");
  std::string graphml = ReadFile(dir / "actors.graphml");
  std::string gexf = ReadFile(dir / "actors.gexf");
  auto json = nlohmann::ordered_json::parse(ReadFile(dir / "actors.json"));
  for (Vertex v : SortedVertices(g)) {
    const ActorNode& n = g[v];
    const nlohmann::ordered_json* jn = nullptr;
    for (const auto& x : json["nodes"])
      if (x["id"] == n.id) jn = &x;
    ASSERT_NE(jn, nullptr) << n.id;
    for (const auto& c : NodeColumns()) {
      ColumnValue value = c.value(n);
      if (c.type == ColumnType::kLong) {
        EXPECT_EQ((*jn)[c.name].get<int64_t>(), std::get<int64_t>(value)) << c.name;
      }
      if (c.type == ColumnType::kDouble) {
        EXPECT_EQ((*jn)[c.name].get<double>(), std::get<double>(value)) << c.name;
      }
      if (c.type == ColumnType::kLong || c.type == ColumnType::kDouble) {
        std::string text = ColumnText(value, c.name);
        EXPECT_NE(graphml.find(Concat({"<data key=\"", GraphmlKeyId(c), "\">", text, "</data>"})),
                  std::string::npos)
            << c.name;
        // GEXF: ordinary columns as <attvalue>, positions and size as viz elements.
        std::string gexf_form =
            c.reserved == ReservedColumn::kNone
                ? Concat({"<attvalue for=\"", c.name, "\" value=\"", text, "\"/>"})
            : c.reserved == ReservedColumn::kSize ? Concat({"<viz:size value=\"", text, "\"/>"})
            : c.reserved == ReservedColumn::kX    ? Concat({"<viz:position x=\"", text, "\""})
                                                  : Concat({" y=\"", text, "\" z=\"0\"/>"});
        EXPECT_NE(gexf.find(gexf_form), std::string::npos) << c.name;
      }
    }
  }
}

TEST(Columns, MeasureColumnsAppearOnlyOnceAnalysed) {
  Graph g = testing::MakeSampleGraph();
  auto names = [](const auto& columns) {
    std::vector<std::string> out;
    for (const auto* c : columns) out.push_back(c->name);
    return out;
  };
  auto before = names(NodeColumnsFor(g, kCsvColumn));
  EXPECT_EQ(std::count(before.begin(), before.end(), "pagerank"), 0);
  EXPECT_EQ(std::count(before.begin(), before.end(), "x"), 0);
  AnalyseGraph(g, AnalyseOptions{});
  auto after = names(NodeColumnsFor(g, kCsvColumn));
  EXPECT_EQ(std::count(after.begin(), after.end(), "pagerank"), 1);
  EXPECT_EQ(std::count(after.begin(), after.end(), "x"), 1);
  auto edges = names(EdgeColumnsFor(g, kGraphmlColumn));
  EXPECT_EQ(std::count(edges.begin(), edges.end(), "npmi"), 1);
  auto graph = names(GraphColumnsFor(g, kGexfColumn));
  EXPECT_EQ(std::count(graph.begin(), graph.end(), "modularity"), 1);
}

TEST(Columns, TextOfValues) {
  EXPECT_EQ(ColumnText(ColumnValue(std::string("قاسم")), "c"), "قاسم");
  EXPECT_EQ(ColumnText(ColumnValue(int64_t{-42}), "c"), "-42");
  EXPECT_EQ(ColumnText(ColumnValue(0.1), "c"), "0.1");
  EXPECT_EQ(ColumnText(ColumnValue(3.0), "c"), "3");
  EXPECT_EQ(XmlTypeName(ColumnType::kJson), "string");
  EXPECT_EQ(XmlTypeName(ColumnType::kLong), "long");
  EXPECT_EQ(XmlTypeName(ColumnType::kDouble), "double");
}

TEST(Columns, NonFiniteNumbersNeverReachAFile) {
  for (double bad :
       {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    try {
      ColumnText(ColumnValue(bad), "pmi");
      FAIL() << "no exception for " << bad;
    } catch (const Error& e) {
      EXPECT_STREQ(e.what(), "column 'pmi': value is not a finite number");
    }
  }
}

TEST(Columns, TheTableListsTodaysColumnsInFileOrder) {
  auto nodes = Names(NodeColumns());
  ASSERT_GE(nodes.size(), 12u);
  EXPECT_EQ(std::vector<std::string>(nodes.begin(), nodes.begin() + 12),
            (std::vector<std::string>{"label", "label_en", "type", "country", "mentions",
                                      "documents", "first_seen", "last_seen", "weighted_degree",
                                      "sources", "source_count", "mentions_by_date"}));
  auto edges = Names(EdgeColumns());
  ASSERT_GE(edges.size(), 2u);
  EXPECT_EQ(std::vector<std::string>(edges.begin(), edges.begin() + 2),
            (std::vector<std::string>{"weight", "cooc_count"}));
}

}  // namespace
}  // namespace actorgraph
