#include "actorgraph/export/compare_writer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/base/sha256.h"
#include "actorgraph/compare/grouping.h"
#include "actorgraph/export/csv_writer.h"
#include "actorgraph/export/dot_writer.h"
#include "actorgraph/export/xml_writer.h"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string N(double v) { return FormatNumber(v); }
std::string N(uint64_t v) { return FormatNumber(v); }

void Row(std::ostream& out, std::initializer_list<std::string> fields) {
  bool first = true;
  for (const auto& f : fields) {
    if (!first) out << ',';
    first = false;
    out << CsvField(f);
  }
  out << '\n';
}

const std::string& ActorId(const Gazetteer& g, uint32_t a) {
  static const std::string kAll = "*";
  return a == kAllActors ? kAll : g.actors()[a].id;
}

// JSON numbers: finite doubles as they are (nlohmann writes the shortest round-trip form).
double J(double v) { return std::isfinite(v) ? v : 0.0; }

std::string Favours(const GroupComparison& c, int f) {
  return f > 0 ? c.name : (f < 0 ? c.other : std::string("neither"));
}

}  // namespace

std::string GroupFileStem(std::string_view group) {
  std::string out;
  for (unsigned char ch : group) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch >= 0x80)
      out += static_cast<char>(ch);
    else
      out += '_';
  }
  if (out.empty() || out[0] == '.') out.insert(out.begin(), '_');
  out = CleanText(out);
  // File names are at most 255 bytes (NAME_MAX) and "difference-STEM-N.graphml" adds up to 24: a
  // longer stem is cut at a character boundary and told apart by a hash of the whole name.
  constexpr size_t kMaxStem = 120, kKeep = kMaxStem - 9;
  if (out.size() > kMaxStem) {
    size_t cut = kKeep;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "~" + Sha256Hex(group).substr(0, 8);
  }
  return out;
}

std::vector<std::string> DifferenceStems(const Comparison& c) {
  std::vector<std::string> out;
  std::set<std::string> used;
  for (const auto& g : c.comparisons) {
    std::string base = "difference-" + GroupFileStem(g.name), stem = base;
    for (int n = 2; used.count(stem); ++n) stem = base + "-" + std::to_string(n);
    used.insert(stem);
    out.push_back(stem);
  }
  return out;
}

std::vector<fs::path> WriteCompareTables(const CompareResult& r, const fs::path& dir) {
  const Gazetteer& gz = r.gazetteer;
  const auto& terms = r.profiles.terms();
  const FrameDictionary* frames = r.profiles.frames();
  std::vector<fs::path> files;
  auto write = [&](const char* name, const std::function<void(std::ostream&)>& fill) {
    fs::path p = dir / name;
    WriteFileAtomically(p, fill);
    files.push_back(p);
  };

  write("salience.csv", [&](std::ostream& out) {
    Row(out, {"group", "actor", "label_en", "type", "mentions", "documents", "mention_share",
              "document_share", "rank", "log_ratio", "g2", "p"});
    for (const auto& c : r.comparison.comparisons)
      for (const auto& s : c.salience) {
        const Actor& a = gz.actors()[s.actor];
        Row(out, {c.name, a.id, a.label_en, std::string(ToString(a.type)), N(s.mentions),
                  N(s.documents), N(s.mention_share), N(s.document_share), N(uint64_t(s.rank)),
                  N(s.k.log_ratio), N(s.k.g2), N(s.k.p)});
      }
  });
  write("partners.csv", [&](std::ostream& out) {
    Row(out, {"group", "actor", "partner", "count", "share", "log_ratio", "g2", "p"});
    for (const auto& c : r.comparison.comparisons)
      for (const auto& p : c.partners)
        Row(out, {c.name, gz.actors()[p.actor].id, gz.actors()[p.partner].id, N(p.count),
                  N(p.share), N(p.k.log_ratio), N(p.k.g2), N(p.k.p)});
  });
  write("terms.csv", [&](std::ostream& out) {
    Row(out, {"group", "actor", "term", "count", "other_count", "log_odds", "z"});
    for (const auto& c : r.comparison.comparisons)
      for (const auto& t : c.terms)
        Row(out, {c.name, ActorId(gz, t.actor), terms[t.term].key, N(t.count), N(t.other_count),
                  N(t.lo.delta), N(t.lo.z)});
  });
  write("frames.csv", [&](std::ostream& out) {
    Row(out,
        {"group", "actor", "frame", "hits", "contexts", "rate", "g2", "p", "ci_low", "ci_high"});
    for (const auto& c : r.comparison.comparisons)
      for (const auto& f : c.frames)
        Row(out, {c.name, ActorId(gz, f.actor), frames->frames()[f.frame].id, N(f.hits),
                  N(f.contexts), N(f.rate), N(f.k.g2), N(f.k.p), N(f.ci.low), N(f.ci.high)});
  });
  write("series.csv", [&](std::ostream& out) {
    Row(out, {"period", "actor", "label_en", "mentions", "share"});
    for (size_t p = 0; p < r.series.periods.size(); ++p)
      for (const auto& a : r.series.actors)
        Row(out, {r.series.periods[p], gz.actors()[a.actor].id, gz.actors()[a.actor].label_en,
                  N(a.mentions[p]), N(a.share[p])});
  });

  write("compare.json", [&](std::ostream& out) {
    Json j;
    const CompareMeta& m = r.meta;
    j["meta"] = {{"tool", "actorgraph compare"},
                 {"version", m.version},
                 {"gazetteer_hash", m.gazetteer_hash},
                 {"by", m.group_by},
                 {"reference", m.reference},
                 {"options", m.options},
                 {"frames", m.frames},
                 {"periods", m.periods},
                 {"documents", m.documents},
                 {"skipped", m.skipped},
                 {"dropped_groups", m.dropped},
                 {"statistics",
                  {{"g2",
                    "Dunning 1993 log-likelihood, 2x2, no correction, signed (+ = more in "
                    "the group); p from chi-square(1)"},
                   {"log_ratio", "Hardie 2014, log2 of relative frequencies, 0.5 for a zero"},
                   {"log_odds", "Monroe, Colaresi & Quinn 2008, informative Dirichlet prior"},
                   {"ci", "Wilson 1927 score interval, 95%"},
                   {"q", "Benjamini & Hochberg 1995, per group and table"}}}};
    Json groups = Json::array();
    for (const auto& g : r.comparison.groups)
      groups.push_back({{"name", g.name}, {"documents", g.documents}, {"mentions", g.mentions}});
    j["groups"] = groups;
    Json comps = Json::array();
    std::set<uint32_t> used_terms;
    for (const auto& c : r.comparison.comparisons) {
      Json jc;
      jc["group"] = c.name;
      jc["other"] = c.other;
      jc["documents"] = c.documents;
      jc["mentions"] = c.mentions;
      jc["other_documents"] = c.other_documents;
      jc["other_mentions"] = c.other_mentions;
      Json sal = Json::array();
      for (const auto& s : c.salience) {
        const Actor& a = gz.actors()[s.actor];
        sal.push_back({{"actor", a.id},
                       {"label_ar", a.label_ar},
                       {"label_en", a.label_en},
                       {"type", ToString(a.type)},
                       {"mentions", s.mentions},
                       {"documents", s.documents},
                       {"mention_share", J(s.mention_share)},
                       {"document_share", J(s.document_share)},
                       {"rank", s.rank},
                       {"other_mentions", s.other_mentions},
                       {"other_documents", s.other_documents},
                       {"other_mention_share", J(s.other_mention_share)},
                       {"log_ratio", J(s.k.log_ratio)},
                       {"g2", J(s.k.g2)},
                       {"p", J(s.k.p)},
                       {"q", J(s.q)}});
      }
      jc["salience"] = sal;
      Json par = Json::array();
      for (const auto& p : c.partners)
        par.push_back({{"actor", gz.actors()[p.actor].id},
                       {"partner", gz.actors()[p.partner].id},
                       {"count", p.count},
                       {"share", J(p.share)},
                       {"other_count", p.other_count},
                       {"other_share", J(p.other_share)},
                       {"log_ratio", J(p.k.log_ratio)},
                       {"g2", J(p.k.g2)},
                       {"p", J(p.k.p)},
                       {"q", J(p.q)}});
      jc["partners"] = par;
      Json ter = Json::array();
      for (const auto& t : c.terms) {
        const TermInfo& ti = terms[t.term];
        used_terms.insert(t.term);
        ter.push_back({{"actor", ActorId(gz, t.actor)},
                       {"term", ti.key},
                       {"count", t.count},
                       {"other_count", t.other_count},
                       {"total", t.total},
                       {"other_total", t.other_total},
                       {"log_odds", J(t.lo.delta)},
                       {"z", J(t.lo.z)}});
      }
      jc["terms"] = ter;
      Json fr = Json::array();
      for (const auto& f : c.frames)
        fr.push_back({{"actor", ActorId(gz, f.actor)},
                      {"frame", frames->frames()[f.frame].id},
                      {"hits", f.hits},
                      {"contexts", f.contexts},
                      {"rate", J(f.rate)},
                      {"ci_low", J(f.ci.low)},
                      {"ci_high", J(f.ci.high)},
                      {"other_hits", f.other_hits},
                      {"other_contexts", f.other_contexts},
                      {"other_rate", J(f.other_rate)},
                      {"other_ci_low", J(f.other_ci.low)},
                      {"other_ci_high", J(f.other_ci.high)},
                      {"g2", J(f.k.g2)},
                      {"p", J(f.k.p)},
                      {"q", J(f.q)}});
      jc["frames"] = fr;
      Json nodes = Json::array(), edges = Json::array();
      for (const auto& n : c.diff_nodes)
        nodes.push_back({{"actor", gz.actors()[n.actor].id},
                         {"mentions", n.mentions},
                         {"other_mentions", n.other_mentions},
                         {"share", J(n.share)},
                         {"other_share", J(n.other_share)}});
      for (const auto& e : c.diff_edges)
        edges.push_back({{"source", gz.actors()[e.a].id},
                         {"target", gz.actors()[e.b].id},
                         {"count", e.count},
                         {"other_count", e.other_count},
                         {"share", J(e.share)},
                         {"other_share", J(e.other_share)},
                         {"share_diff", J(e.diff)},
                         {"g2", J(e.k.g2)},
                         {"p", J(e.k.p)},
                         {"favours", Favours(c, e.favours)}});
      jc["difference"] = {{"nodes", nodes}, {"edges", edges}};
      comps.push_back(std::move(jc));
    }
    j["comparisons"] = comps;
    // Once per term of the tables: its most common spelling and the earliest example.
    Json term_info = Json::object();
    for (uint32_t id : used_terms)
      term_info[terms[id].key] = {{"surface", terms[id].Surface()}, {"example", terms[id].snippet}};
    j["terms"] = term_info;
    Json series;
    series["periods"] = r.series.periods;
    series["documents"] = r.series.documents;
    series["mentions"] = r.series.mentions;
    Json actors = Json::array();
    for (const auto& a : r.series.actors) {
      Json shares = Json::array();
      for (double s : a.share) shares.push_back(J(s));
      actors.push_back(
          {{"actor", gz.actors()[a.actor].id}, {"mentions", a.mentions}, {"share", shares}});
    }
    series["actors"] = actors;
    j["series"] = series;
    out << j.dump(1, ' ', false, Json::error_handler_t::replace) << '\n';
  });
  return files;
}

namespace {

struct DiffKey {
  const char* id;
  const char* domain;
  const char* type;
};
constexpr DiffKey kDiffKeys[] = {
    {"group", "graph", "string"},
    {"other", "graph", "string"},
    {"gazetteer_hash", "graph", "string"},
    {"label", "node", "string"},
    {"label_en", "node", "string"},
    {"type", "node", "string"},
    {"mentions_group", "node", "long"},
    {"mentions_other", "node", "long"},
    {"share_group", "node", "double"},
    {"share_other", "node", "double"},
    {"weight", "edge", "double"},
    {"count_group", "edge", "long"},
    {"count_other", "edge", "long"},
    {"share_group_edge", "edge", "double"},
    {"share_other_edge", "edge", "double"},
    {"share_diff", "edge", "double"},
    {"g2", "edge", "double"},
    {"p", "edge", "double"},
    {"favours", "edge", "string"},
};

std::string KeyName(const DiffKey& k) {
  std::string n = k.id;
  if (n == "share_group_edge") return "share_group";
  if (n == "share_other_edge") return "share_other";
  return n;
}

void Data(XmlWriter& x, std::string_view key, std::string_view value) {
  x.StartElement("data").Attribute("key", key).Text(value).EndElement();
}

std::string Label(const Actor& a) { return a.label_ar.empty() ? a.label_en : a.label_ar; }

void WriteDiffGraphml(const CompareResult& r, const GroupComparison& c, std::ostream& out) {
  const Gazetteer& gz = r.gazetteer;
  XmlWriter x(out);
  x.Declaration();
  x.StartElement("graphml").Attribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
  for (const auto& k : kDiffKeys)
    x.StartElement("key")
        .Attribute("id", k.id)
        .Attribute("for", k.domain)
        .Attribute("attr.name", KeyName(k))
        .Attribute("attr.type", k.type)
        .EndElement();
  x.StartElement("graph").Attribute("id", "difference").Attribute("edgedefault", "undirected");
  Data(x, "group", c.name);
  Data(x, "other", c.other);
  Data(x, "gazetteer_hash", r.meta.gazetteer_hash);
  for (const auto& n : c.diff_nodes) {
    const Actor& a = gz.actors()[n.actor];
    x.StartElement("node").Attribute("id", a.id);
    Data(x, "label", Label(a));
    Data(x, "label_en", a.label_en);
    Data(x, "type", ToString(a.type));
    Data(x, "mentions_group", N(n.mentions));
    Data(x, "mentions_other", N(n.other_mentions));
    Data(x, "share_group", N(n.share));
    Data(x, "share_other", N(n.other_share));
    x.EndElement();
  }
  size_t i = 0;
  for (const auto& e : c.diff_edges) {
    std::string id = "e";
    id += FormatNumber(i++);
    x.StartElement("edge")
        .Attribute("id", id)
        .Attribute("source", gz.actors()[e.a].id)
        .Attribute("target", gz.actors()[e.b].id);
    Data(x, "weight", N(uint64_t(e.count + e.other_count)));
    Data(x, "count_group", N(e.count));
    Data(x, "count_other", N(e.other_count));
    Data(x, "share_group_edge", N(e.share));
    Data(x, "share_other_edge", N(e.other_share));
    Data(x, "share_diff", N(e.diff));
    Data(x, "g2", N(e.k.g2));
    Data(x, "p", N(e.k.p));
    Data(x, "favours", Favours(c, e.favours));
    x.EndElement();
  }
  x.Finish();
}

void Rgb(XmlWriter& x, const char* hex) {
  auto h = [&](int i) { return std::to_string(std::stoi(std::string(hex + i, 2), nullptr, 16)); };
  x.StartElement("viz:color").Attribute("r", h(1)).Attribute("g", h(3)).Attribute("b", h(5));
  x.EndElement();
}

void WriteDiffGexf(const CompareResult& r, const GroupComparison& c, std::ostream& out) {
  const Gazetteer& gz = r.gazetteer;
  XmlWriter x(out);
  x.Declaration();
  x.StartElement("gexf")
      .Attribute("xmlns", "http://gexf.net/1.3")
      .Attribute("xmlns:viz", "http://gexf.net/1.3/viz")
      .Attribute("version", "1.3");
  x.StartElement("meta").StartElement("creator").Text("actorgraph compare " + r.meta.version);
  x.EndElement();
  x.StartElement("description")
      .Text("difference network: " + c.name + " against " + c.other + "; gazetteer " +
            r.meta.gazetteer_hash);
  x.EndElement().EndElement();
  x.StartElement("graph").Attribute("defaultedgetype", "undirected").Attribute("mode", "static");
  const char* node_attrs[][2] = {{"label_en", "string"},     {"type", "string"},
                                 {"mentions_group", "long"}, {"mentions_other", "long"},
                                 {"share_group", "double"},  {"share_other", "double"}};
  const char* edge_attrs[][2] = {{"count_group", "long"},   {"count_other", "long"},
                                 {"share_group", "double"}, {"share_other", "double"},
                                 {"share_diff", "double"},  {"g2", "double"},
                                 {"p", "double"},           {"favours", "string"}};
  x.StartElement("attributes").Attribute("class", "node");
  for (size_t i = 0; i < std::size(node_attrs); ++i)
    x.StartElement("attribute")
        .Attribute("id", node_attrs[i][0])
        .Attribute("title", node_attrs[i][0])
        .Attribute("type", node_attrs[i][1])
        .EndElement();
  x.EndElement();
  x.StartElement("attributes").Attribute("class", "edge");
  for (size_t i = 0; i < std::size(edge_attrs); ++i)
    x.StartElement("attribute")
        .Attribute("id", edge_attrs[i][0])
        .Attribute("title", edge_attrs[i][0])
        .Attribute("type", edge_attrs[i][1])
        .EndElement();
  x.EndElement();
  auto att = [&](const char* id, const std::string& v) {
    x.StartElement("attvalue").Attribute("for", id).Attribute("value", v).EndElement();
  };
  x.StartElement("nodes");
  for (const auto& n : c.diff_nodes) {
    const Actor& a = gz.actors()[n.actor];
    x.StartElement("node").Attribute("id", a.id).Attribute("label", Label(a));
    x.StartElement("attvalues");
    att("label_en", a.label_en);
    att("type", std::string(ToString(a.type)));
    att("mentions_group", N(n.mentions));
    att("mentions_other", N(n.other_mentions));
    att("share_group", N(n.share));
    att("share_other", N(n.other_share));
    x.EndElement();
    Rgb(x, n.share > n.other_share ? kGroupColor
                                   : (n.share < n.other_share ? kOtherColor : "#999999"));
    x.EndElement();
  }
  x.EndElement();
  x.StartElement("edges");
  size_t i = 0;
  for (const auto& e : c.diff_edges) {
    std::string id = "e";
    id += FormatNumber(i++);
    x.StartElement("edge")
        .Attribute("id", id)
        .Attribute("source", gz.actors()[e.a].id)
        .Attribute("target", gz.actors()[e.b].id)
        .Attribute("weight", N(uint64_t(e.count + e.other_count)));
    x.StartElement("attvalues");
    att("count_group", N(e.count));
    att("count_other", N(e.other_count));
    att("share_group", N(e.share));
    att("share_other", N(e.other_share));
    att("share_diff", N(e.diff));
    att("g2", N(e.k.g2));
    att("p", N(e.k.p));
    att("favours", Favours(c, e.favours));
    x.EndElement();
    Rgb(x, e.favours > 0 ? kGroupColor : (e.favours < 0 ? kOtherColor : "#999999"));
    x.EndElement();
  }
  x.EndElement();
  x.Finish();
}

void WriteDiffDot(const CompareResult& r, const GroupComparison& c, size_t max_edges,
                  std::ostream& out) {
  const Gazetteer& gz = r.gazetteer;
  std::vector<const DiffEdge*> edges;
  for (const auto& e : c.diff_edges) {
    if (edges.size() >= max_edges) break;
    edges.push_back(&e);
  }
  std::set<uint32_t> nodes;
  double max_diff = 0;
  for (const DiffEdge* e : edges) {
    nodes.insert(e->a);
    nodes.insert(e->b);
    max_diff = std::max(max_diff, std::fabs(e->diff));
  }
  out << "// Difference network of actorgraph compare " << r.meta.version << ": "
      << CleanText(c.name) << " against " << CleanText(c.other) << ".\n// The " << edges.size()
      << " of " << c.diff_edges.size()
      << " edges with the largest |G2|; colour = the side the edge favours, width = |share "
         "difference|.\n// gazetteer "
      << r.meta.gazetteer_hash << "\n";
  out << "graph \"difference\" {\n";
  out << "  graph [fontname=\"Noto Naskh Arabic\", overlap=false, splines=true, labelloc=t, "
         "label="
      << DotQuote(c.name + " (orange) vs " + c.other + " (teal)") << "];\n";
  out << "  node [fontname=\"Noto Naskh Arabic\", shape=ellipse, style=filled, "
         "fillcolor=\"#f7f7f7\"];\n";
  out << "  edge [fontname=\"Noto Naskh Arabic\"];\n";
  for (uint32_t a : nodes) {
    const Actor& act = gz.actors()[a];
    std::string label = Label(act);
    if (!act.label_en.empty() && act.label_en != label) label += "\n" + act.label_en;
    out << "  " << DotQuote(act.id) << " [label=" << DotQuote(label) << "];\n";
  }
  for (const DiffEdge* e : edges) {
    double width = 1.0 + (max_diff > 0 ? 5.0 * std::fabs(e->diff) / max_diff : 0.0);
    const char* color = e->favours > 0 ? kGroupColor : (e->favours < 0 ? kOtherColor : "#999999");
    out << "  " << DotQuote(gz.actors()[e->a].id) << " -- " << DotQuote(gz.actors()[e->b].id)
        << " [color=" << DotQuote(color)
        << ", penwidth=" << DotQuote(N(std::round(width * 100) / 100)) << ", tooltip="
        << DotQuote(N(e->count) + " vs " + N(e->other_count) + " windows, G2 " +
                    N(std::round(e->k.g2 * 100) / 100))
        << "];\n";
  }
  out << "  subgraph \"cluster_legend\" {\n    label=\"legend\"; fontname=\"Noto Naskh Arabic\";\n"
      << "    \"legend_group\" [shape=plaintext, style=\"\", label="
      << DotQuote("more in " + c.name)
      << "];\n    \"legend_other\" [shape=plaintext, style=\"\", label="
      << DotQuote("more in " + c.other) << "];\n"
      << "    \"legend_group\" -- \"legend_other\" [color="
      << DotQuote(std::string(kGroupColor) + ":" + kOtherColor) << ", penwidth=\"3\"];\n  }\n}\n";
}

}  // namespace

std::vector<fs::path> WriteDifferenceNetworks(const CompareResult& r, const fs::path& dir,
                                              size_t dot_edges, std::vector<fs::path>* dot_files) {
  std::vector<fs::path> files;
  auto stems = DifferenceStems(r.comparison);
  for (size_t i = 0; i < r.comparison.comparisons.size(); ++i) {
    const GroupComparison& c = r.comparison.comparisons[i];
    fs::path base = dir / stems[i];
    fs::path graphml = base.string() + ".graphml", gexf = base.string() + ".gexf",
             dot = base.string() + ".dot";
    WriteFileAtomically(graphml, [&](std::ostream& out) { WriteDiffGraphml(r, c, out); });
    WriteFileAtomically(gexf, [&](std::ostream& out) { WriteDiffGexf(r, c, out); });
    WriteFileAtomically(dot, [&](std::ostream& out) { WriteDiffDot(r, c, dot_edges, out); });
    files.insert(files.end(), {graphml, gexf, dot});
    if (dot_files) dot_files->push_back(dot);
  }
  return files;
}

}  // namespace actorgraph
