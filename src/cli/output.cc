#include "cli/output.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>

#include "actorgraph/analyse/edge_measures.h"
#include "actorgraph/base/atomic_file.h"
#include "actorgraph/base/error.h"
#include "actorgraph/export/csv_writer.h"
#include "actorgraph/network/partial.h"
#include "actorgraph/version.h"
#include "cli/common.h"

namespace actorgraph::cli {
namespace {

std::vector<std::string> SplitFormats(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream ss(list);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  if (out.empty()) throw Error("--format: no format given");
  return out;
}

// Display columns of UTF-8 text: one per code point, none for combining marks (U+0300–U+036F,
// the Arabic harakat U+064B–U+065F and U+0670) — enough to align Latin, accented and Arabic names.
size_t DisplayWidth(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = c;
    if (len == 2 && i + 1 < s.size()) cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    bool combining = (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x64B && cp <= 0x65F) || cp == 0x670;
    width += combining ? 0 : 1;
    i += len;
  }
  return width;
}

// `s` padded with spaces to `width` display columns; a longer text is cut at a character boundary
// with "…" so that columns never run together (one space always follows).
std::string PadToWidth(const std::string& s, size_t width) {
  std::string out = s;
  if (DisplayWidth(out) >= width) {
    size_t cut = 0, cols = 0;
    while (cut < out.size() && cols + 1 < width) {
      unsigned char c = out[cut];
      cut += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      ++cols;
    }
    out = out.substr(0, cut) + "\xE2\x80\xA6";
    return out + " ";
  }
  return out + std::string(width - DisplayWidth(out), ' ');
}

void PrintSummary(const Graph& g, const Cooccurrence& counts, uint64_t skipped,
                  const std::vector<PruneStep>& steps,
                  const std::vector<std::filesystem::path>& files) {
  size_t by_type[4] = {0, 0, 0, 0};
  for (auto v : boost::make_iterator_range(boost::vertices(g)))
    by_type[g[v].type == "person" ? 0 : g[v].type == "state" ? 1 : g[v].type == "group" ? 2 : 3]++;
  std::cout << "documents: " << counts.documents();
  if (skipped) std::cout << " (" << skipped << " skipped)";
  std::cout << "\nsentences: " << counts.sentences() << "\nmentions:  " << counts.mentions()
            << "\nactors:    " << boost::num_vertices(g) << " ("
            << Counted(by_type[0], "person", "people") << ", " << Counted(by_type[1], "state")
            << ", " << Counted(by_type[2], "group")
            << (by_type[3] ? ", " + std::to_string(by_type[3]) + " media" : std::string()) << ")"
            << "\nedges:     " << boost::num_edges(g)
            << " (window: " << g[boost::graph_bundle].window << ")\n";
  for (const PruneStep& s : steps) {
    if (s.edges_removed == 0 && s.nodes_removed == 0) continue;
    std::cout << "pruned:    " << s.name << " removed " << Counted(s.edges_removed, "edge")
              << " and " << Counted(s.nodes_removed, "actor") << "\n";
  }
  const GraphInfo& info = g[boost::graph_bundle];
  if (info.analysed) {
    std::cout << "weight:    " << info.weight_measure << "\ncommunities: " << info.communities
              << " (modularity " << Fixed(info.modularity, 3)
              << "), components: " << info.components << "\n";
  }
  std::vector<Vertex> top;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) top.push_back(v);
  std::sort(top.begin(), top.end(), [&](Vertex a, Vertex b) {
    if (g[a].weighted_degree != g[b].weighted_degree)
      return g[a].weighted_degree > g[b].weighted_degree;
    return g[a].id < g[b].id;
  });
  if (top.size() > 10) top.resize(10);
  if (!top.empty())
    std::cout << "\ntop actors by weighted degree"
              << (info.weight_measure.empty() || info.weight_measure == "count"
                      ? std::string()
                      : " (weight: " + info.weight_measure + ")")
              << ":\n";
  for (size_t i = 0; i < top.size(); ++i) {
    const ActorNode& n = g[top[i]];
    std::ostringstream degree;
    degree << n.weighted_degree;
    std::cout << std::setw(4) << i + 1 << ". " << PadToWidth(n.label_en, 30)
              << PadToWidth(n.type, 8) << " degree " << PadToWidth(degree.str(), 7) << "mentions "
              << PadToWidth(std::to_string(n.mentions), 7) << n.label << "\n";
  }
  std::cout << "\n";
  for (const auto& f : files) std::cout << "wrote " << f.string() << "\n";
}

// Graphviz with the cairo renderer (joined, right-to-left Arabic) and an Arabic font.
void RequireGraphviz() {
  if (std::system("command -v dot >/dev/null 2>&1") != 0)
    throw Error(
        "--render needs Graphviz: install it with 'apt-get install graphviz fonts-noto-core'");
  if (std::system("echo 'graph{}' | dot -Tpng:cairo -o /dev/null >/dev/null 2>&1") != 0)
    throw Error(
        "--render: this Graphviz has no cairo renderer (Arabic would render disconnected); "
        "install Debian's graphviz, whose build includes cairo");
}

// Renders `dot_file` (what this run wrote for it) to PNG or SVG next to it, through
// WriteFileAtomically, so the image is replaced together with the other outputs.
std::filesystem::path RenderDot(const std::filesystem::path& dot_file, const std::string& format) {
  std::filesystem::path out = dot_file;
  out.replace_extension(format);
  std::string image;
  if (!RunGraphviz(dot_file, format + ":cairo", &image))
    throw Error("--render: Graphviz failed on " + dot_file.string());
  WriteFileAtomically(out, [&](std::ostream& os) { os << image; });
  return out;
}

}  // namespace

void AddOutputOptions(cxxopts::Options& options) {
  options.add_options()("o,output", "output folder",
                        cxxopts::value<std::string>()->default_value("output"))(
      "format",
      "output formats, comma-separated: graphml,gexf,dot,json,csv,html,partial (partial: see "
      "merge)",
      cxxopts::value<std::string>()->default_value("graphml,dot"))(
      "min-weight", "drop edges seen in fewer windows (a number >= 0)",
      cxxopts::value<std::string>()->default_value("1"))(
      "top", "keep only the N actors with the highest weighted degree (0 = all)",
      Decimal<size_t>()->default_value("0"))("labels", "DOT and HTML node labels: ar, en or both",
                                             cxxopts::value<std::string>()->default_value("ar"))(
      "color-by", "GEXF/DOT/HTML colours: type, country or community",
      cxxopts::value<std::string>()->default_value("type"))(
      "keep-isolated",
      "DOT: also draw actors left without an edge by --min-weight or --top (GraphML, GEXF, "
      "JSON, CSV and HTML keep them; --backbone and --top-edges remove them everywhere)")(
      "render", "also render the DOT file with Graphviz's cairo back end: png or svg",
      cxxopts::value<std::string>());
  options.add_options()("layout",
                        "DOT layout: auto (Graphviz's own) or fixed (pin the computed positions)",
                        cxxopts::value<std::string>()->default_value("auto"));
  AddAnalyseOptions(options);
}

void AddAnalyseOptions(cxxopts::Options& options) {
  options.add_options()(
      "weight",
      "edge measure in the weight column: count, documents, pmi, npmi, jaccard, dice, association",
      cxxopts::value<std::string>()->default_value("count"))(
      "backbone", "keep the disparity-filter backbone: disparity:ALPHA (e.g. disparity:0.05)",
      cxxopts::value<std::string>()->default_value(""))(
      "top-edges", "keep only the N heaviest edges and the actors they join (0 = all)",
      Decimal<size_t>()->default_value("0"))("seed", "seed of the communities and the layout",
                                             Decimal<uint64_t>()->default_value("1"));
}

AnalyseOptions ParseAnalyse(const cxxopts::ParseResult& args) {
  AnalyseOptions a;
  a.weight = args["weight"].as<std::string>();
  EdgeMeasure(ActorEdge{}, a.weight);  // throws for an unknown measure
  a.backbone_alpha = ParseBackbone(args["backbone"].as<std::string>());
  a.top_edges = args["top-edges"].as<size_t>();
  a.seed = args["seed"].as<uint64_t>();
  return a;
}

Graph BuildAnalysedGraph(const Cooccurrence& counts, const Gazetteer& gazetteer,
                         const GraphOptions& graph_options, const AnalyseOptions& analyse,
                         std::vector<PruneStep>* steps) {
  size_t actors = 0, pairs = 0, heavy = 0;
  for (const NodeStats& n : counts.nodes()) actors += n.mentions > 0;
  for (const auto& [key, e] : counts.edges()) {
    ++pairs;
    heavy += static_cast<double>(e.count) >= graph_options.min_weight;
  }
  Graph g = BuildGraph(counts, gazetteer, graph_options);
  std::ostringstream min_weight;
  min_weight << graph_options.min_weight;
  steps->push_back({"min-weight " + min_weight.str(), pairs - heavy, 0});
  steps->push_back({"top " + std::to_string(graph_options.top), heavy - boost::num_edges(g),
                    actors - boost::num_vertices(g)});
  auto more = AnalyseGraph(g, analyse);
  steps->insert(steps->end(), more.begin(), more.end());
  return g;
}

Output ParseOutput(const cxxopts::ParseResult& args) {
  Output out;
  out.graph.min_weight = NumberOption(args, "min-weight", 0);
  out.graph.top = args["top"].as<size_t>();
  out.write.labels = args["labels"].as<std::string>();
  if (out.write.labels != "ar" && out.write.labels != "en" && out.write.labels != "both")
    throw Error("--labels: '" + out.write.labels + "' is not one of ar, en, both");
  out.write.color_by = args["color-by"].as<std::string>();
  if (out.write.color_by != "type" && out.write.color_by != "country" &&
      out.write.color_by != "community")
    throw Error("--color-by: '" + out.write.color_by + "' is not one of type, country, community");
  out.analyse = ParseAnalyse(args);
  std::string layout = args["layout"].as<std::string>();
  if (layout != "auto" && layout != "fixed")
    throw Error("--layout: '" + layout + "' is not one of auto, fixed");
  out.write.fixed_layout = layout == "fixed";
  out.write.keep_isolated = args.count("keep-isolated") > 0;
  out.formats = SplitFormats(args["format"].as<std::string>());
  out.render = args.count("render") ? args["render"].as<std::string>() : "";
  if (args.count("render")) {
    if (out.render != "png" && out.render != "svg")
      throw Error("--render: '" + out.render + "' is not one of png, svg");
    if (std::find(out.formats.begin(), out.formats.end(), "dot") == out.formats.end())
      out.formats.push_back("dot");
    RequireGraphviz();
  }
  for (const auto& f : out.formats) {
    if (f == "partial") continue;
    try {
      MakeWriter(f);  // throws for an unknown format
    } catch (const Error&) {
      std::string expected;
      for (const auto& known : WriterFormats()) expected += known + ", ";
      expected.resize(expected.size() - 2);
      throw Error("--format: unknown output format '" + f + "' (expected " + expected +
                  " or partial)");
    }
  }
  out.quiet = args.count("quiet") > 0;
  // A partial graph holds the counts before any pruning or weighting: those options act when the
  // shards are merged, so given with --format partial alone they do nothing here.
  if (out.formats == std::vector<std::string>{"partial"} && !out.quiet) {
    std::string unused;
    for (const char* o :
         {"min-weight", "top", "backbone", "top-edges", "weight", "layout", "labels", "color-by"})
      if (args.count(o)) unused += std::string(unused.empty() ? "" : ", ") + "--" + o;
    const bool one = unused.find(", ") == std::string::npos;
    if (!unused.empty())
      std::cerr << "actorgraph: warning: " << unused << (one ? " shapes" : " shape")
                << " networks, and a partial graph holds the counts before "
                << (one ? "it" : "them") << ": give " << (one ? "it" : "them")
                << " to the merge that builds the network\n";
  }
  out.dir = args["output"].as<std::string>();
  CreateOutputFolder(out.dir);
  return out;
}

namespace {

// The analysed graph of `counts` with the run record filled in.
Graph MakeGraph(const Output& out, const Cooccurrence& counts, const Gazetteer& gazetteer,
                std::vector<PruneStep>* steps) {
  Graph g = BuildAnalysedGraph(counts, gazetteer, out.graph, out.analyse, steps);
  GraphInfo& info = g[boost::graph_bundle];
  info.version = ACTORGRAPH_VERSION;
  info.gazetteer_hash = gazetteer.hash();
  std::ostringstream opts;
  opts << "window=" << ToString(counts.options().window) << " min_weight=" << out.graph.min_weight
       << " top=" << out.graph.top << " max_evidence=" << counts.options().max_evidence
       << " weight=" << out.analyse.weight << " backbone=" << out.analyse.backbone_alpha
       << " top_edges=" << out.analyse.top_edges << " seed=" << out.analyse.seed;
  info.options = opts.str();
  return g;
}

// STEM_PERIOD[_nodes|_edges].EXT with PERIOD a --slice period (2021, 2021-03, 2021-03-15) and EXT
// one a writer or --render makes.
bool IsSliceFileName(const std::string& name, const std::string& stem) {
  if (!name.starts_with(stem + "_")) return false;
  std::string_view rest = std::string_view(name).substr(stem.size() + 1);
  size_t digits = 0, i = 0;
  for (; i < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[i])) || rest[i] == '-');
       ++i)
    digits += rest[i] != '-';
  std::string_view period = rest.substr(0, i);
  if (!(period.size() == 4 || period.size() == 7 || period.size() == 10) || digits < 4)
    return false;
  rest.remove_prefix(i);
  for (std::string_view part : {"_nodes", "_edges"})
    if (rest.starts_with(part)) rest.remove_prefix(part.size());
  for (std::string_view ext :
       {".graphml", ".gexf", ".dot", ".json", ".csv", ".html", ".png", ".svg"})
    if (rest == ext) return true;
  return false;
}

}  // namespace

void WriteSlices(const Output& out, const std::map<std::string, Cooccurrence>& periods,
                 const Gazetteer& gazetteer) {
  OutputSet outputs;  // every slice and slices.csv replace the earlier ones together
  std::vector<std::pair<std::string, Graph>> graphs;
  std::vector<std::filesystem::path> files;
  for (const auto& [period, counts] : periods) {
    std::vector<PruneStep> steps;
    graphs.emplace_back(period, MakeGraph(out, counts, gazetteer, &steps));
    WriteOptions write = out.write;
    write.stem = out.write.stem + "_" + period;
    for (const auto& f : out.formats) {
      if (f == "partial") continue;
      auto written = MakeWriter(f)->Write(graphs.back().second, out.dir, write);
      files.insert(files.end(), written.begin(), written.end());
    }
    // --render draws every period too, so that periods can be compared side by side.
    if (!out.render.empty())
      files.push_back(RenderDot(out.dir / (write.stem + ".dot"), out.render));
  }
  std::vector<std::pair<std::string, const Graph*>> slices;
  for (const auto& [period, g] : graphs) slices.emplace_back(period, &g);
  auto path = out.dir / "slices.csv";
  WriteFileAtomically(path, [&](std::ostream& os) { WriteSlicesCsv(slices, os); });
  files.push_back(path);
  outputs.Commit();
  if (out.quiet) return;  // -q: nothing but errors
  for (const auto& f : files) std::cout << "wrote " << f.string() << "\n";
  // Slices of an earlier run into this folder (another --slice, periods this run does not have)
  // are not this run's: said, and left as they are, as compare does for difference networks.
  std::set<std::string> written;
  for (const auto& f : files) written.insert(f.filename().string());
  std::vector<std::string> stale;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(out.dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!written.count(name) && IsSliceFileName(name, out.write.stem) && entry.is_regular_file(ec))
      stale.push_back(name);
  }
  std::sort(stale.begin(), stale.end());
  if (!stale.empty())
    std::cerr << "actorgraph: warning: " << out.dir.string() << ": "
              << Counted(stale.size(), "slice file") << " of an earlier run, for periods this run "
              << "does not have, left as " << (stale.size() == 1 ? "it is" : "they are") << " ("
              << stale.front() << (stale.size() > 1 ? ", ..." : "")
              << "); slices.csv names this run's only\n";
}

void WriteOutputs(const Output& out, const Cooccurrence& counts, const Gazetteer& gazetteer,
                  uint64_t skipped) {
  std::vector<PruneStep> steps;
  Graph& g = KeepUntilExit([&] { return MakeGraph(out, counts, gazetteer, &steps); });
  OutputSet outputs;  // the formats replace the earlier ones together, or not at all
  std::vector<std::filesystem::path> files;
  for (const auto& f : out.formats) {
    if (f == "partial") {
      auto path = out.dir / (out.write.stem + ".partial.json");
      WritePartial(counts, gazetteer, path);
      files.push_back(path);
      continue;
    }
    auto written = MakeWriter(f)->Write(g, out.dir, out.write);
    files.insert(files.end(), written.begin(), written.end());
  }
  if (!out.render.empty())
    files.push_back(RenderDot(out.dir / (out.write.stem + ".dot"), out.render));
  outputs.Commit();
  if (!out.quiet) PrintSummary(g, counts, skipped, steps, files);
}

}  // namespace actorgraph::cli
