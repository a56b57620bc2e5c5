// actorgraph build: read articles, find actors, write the network.
#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "actorgraph/error.h"
#include "actorgraph/graph_builder.h"
#include "actorgraph/version.h"
#include "actorgraph/writer.h"
#include "cli/commands.h"
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

void PrintSummary(const Graph& g, const Cooccurrence& counts, uint64_t skipped,
                  const std::vector<std::filesystem::path>& files) {
  size_t by_type[3] = {0, 0, 0};
  for (auto v : boost::make_iterator_range(boost::vertices(g)))
    by_type[g[v].type == "person" ? 0 : g[v].type == "state" ? 1 : 2]++;
  std::cout << "documents: " << counts.documents();
  if (skipped) std::cout << " (" << skipped << " skipped)";
  std::cout << "\nsentences: " << counts.sentences() << "\nmentions:  " << counts.mentions()
            << "\nactors:    " << boost::num_vertices(g) << " (" << by_type[0] << " people, "
            << by_type[1] << " states, " << by_type[2] << " groups)"
            << "\nedges:     " << boost::num_edges(g)
            << " (window: " << g[boost::graph_bundle].window << ")\n";
  std::vector<Vertex> top;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) top.push_back(v);
  std::sort(top.begin(), top.end(), [&](Vertex a, Vertex b) {
    if (g[a].weighted_degree != g[b].weighted_degree)
      return g[a].weighted_degree > g[b].weighted_degree;
    return g[a].id < g[b].id;
  });
  if (top.size() > 10) top.resize(10);
  if (!top.empty()) std::cout << "\ntop actors by weighted degree:\n";
  for (size_t i = 0; i < top.size(); ++i) {
    const ActorNode& n = g[top[i]];
    std::ostringstream line;
    line << std::setw(4) << i + 1 << ". " << std::left << std::setw(30) << n.label_en
         << std::setw(8) << n.type << " degree " << std::setw(6) << n.weighted_degree
         << " mentions " << n.mentions;
    std::cout << line.str() << "  " << n.label << "\n";
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

// Renders `dot_file` to PNG or SVG next to it (through a temporary file renamed into place).
std::filesystem::path RenderDot(const std::filesystem::path& dot_file, const std::string& format) {
  std::filesystem::path out = dot_file;
  out.replace_extension(format);
  std::filesystem::path tmp = out;
  tmp += ".tmp";
  std::string quote_dot = "'" + dot_file.string() + "'", quote_tmp = "'" + tmp.string() + "'";
  if (dot_file.string().find('\'') != std::string::npos ||
      tmp.string().find('\'') != std::string::npos)
    throw Error("--render: output paths with a single quote are not supported");
  std::string cmd = "dot -T" + format + ":cairo " + quote_dot + " -o " + quote_tmp;
  if (std::system(cmd.c_str()) != 0) {
    std::filesystem::remove(tmp);
    throw Error("--render: Graphviz failed on " + dot_file.string());
  }
  std::error_code ec;
  std::filesystem::rename(tmp, out, ec);
  if (ec) throw Error("cannot write " + out.string() + ": " + ec.message());
  return out;
}

}  // namespace

int RunBuild(int argc, char** argv) {
  cxxopts::Options options("build",
                           "Read articles, find the actors named in them and write the "
                           "co-occurrence network.\n\nUsage: actorgraph build [options] "
                           "[inputs...]");
  AddCorpusOptions(options);
  options.add_options()("o,output", "output folder",
                        cxxopts::value<std::string>()->default_value("output"))(
      "format", "comma-separated output formats: graphml, gexf, dot, json, csv",
      cxxopts::value<std::string>()->default_value("graphml,dot"))(
      "window", "co-occurrence window: sentence, paragraph or document",
      cxxopts::value<std::string>()->default_value("sentence"))(
      "min-weight", "drop edges seen in fewer windows",
      cxxopts::value<double>()->default_value("1"))(
      "top", "keep only the N actors with the highest weighted degree (0 = all)",
      cxxopts::value<size_t>()->default_value("0"))("max-evidence",
                                                    "evidence snippets kept per edge",
                                                    cxxopts::value<size_t>()->default_value("5"))(
      "labels", "DOT node labels: ar, en or both",
      cxxopts::value<std::string>()->default_value("ar"))(
      "color-by", "GEXF/DOT colours: type or country",
      cxxopts::value<std::string>()->default_value("type"))(
      "render", "also render the DOT file with Graphviz's cairo back end: png or svg",
      cxxopts::value<std::string>());
  options.parse_positional({"inputs"});
  options.positional_help("[inputs...]");
  cxxopts::ParseResult args;
  if (!Parse(options, argc, argv, &args)) return 0;

  CooccurOptions co;
  co.window = ParseWindow(args["window"].as<std::string>());
  co.max_evidence = args["max-evidence"].as<size_t>();
  GraphOptions go;
  go.min_weight = args["min-weight"].as<double>();
  go.top = args["top"].as<size_t>();
  WriteOptions wo;
  wo.labels = args["labels"].as<std::string>();
  if (wo.labels != "ar" && wo.labels != "en" && wo.labels != "both")
    throw Error("--labels: '" + wo.labels + "' is not one of ar, en, both");
  wo.color_by = args["color-by"].as<std::string>();
  if (wo.color_by != "type" && wo.color_by != "country")
    throw Error("--color-by: '" + wo.color_by + "' is not one of type, country");
  std::vector<std::string> formats = SplitFormats(args["format"].as<std::string>());
  std::string render = args.count("render") ? args["render"].as<std::string>() : "";
  if (!render.empty()) {
    if (render != "png" && render != "svg")
      throw Error("--render: '" + render + "' is not one of png, svg");
    if (std::find(formats.begin(), formats.end(), "dot") == formats.end()) formats.push_back("dot");
    RequireGraphviz();  // fail before the run, not after it
  }
  std::vector<std::unique_ptr<GraphWriter>> writers;
  for (const auto& f : formats) writers.push_back(MakeWriter(f));

  // Check the output folder before the (possibly long) run.
  std::filesystem::path out_dir = args["output"].as<std::string>();
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec || !std::filesystem::is_directory(out_dir))
    throw Error(out_dir.string() + ": cannot create output folder" +
                (ec ? ": " + ec.message() : std::string()));

  Corpus corpus = OpenCorpus(args);
  Matcher matcher(corpus.gazetteer);
  CountOptions count_options;
  count_options.cooccur = co;
  count_options.threads = corpus.threads;
  count_options.progress = ProgressPrinter(corpus.quiet);
  Cooccurrence counts = CountCorpus(matcher, *corpus.reader, count_options);
  EndProgress(corpus.quiet);
  if (counts.documents() == 0)
    throw Error("no documents to process" +
                (corpus.reader->skipped()
                     ? " (" + std::to_string(corpus.reader->skipped()) + " skipped as invalid)"
                     : std::string(" (empty corpus)")));

  Graph g = BuildGraph(counts, corpus.gazetteer, go);
  GraphInfo& info = g[boost::graph_bundle];
  info.version = ACTORGRAPH_VERSION;
  info.gazetteer_hash = corpus.gazetteer.hash();
  std::ostringstream opts;
  opts << "window=" << ToString(co.window) << " min_weight=" << go.min_weight << " top=" << go.top
       << " max_evidence=" << co.max_evidence;
  info.options = opts.str();

  std::vector<std::filesystem::path> files;
  for (const auto& w : writers) {
    auto written = w->Write(g, out_dir, wo);
    files.insert(files.end(), written.begin(), written.end());
  }
  if (!render.empty()) files.push_back(RenderDot(out_dir / (wo.stem + ".dot"), render));
  PrintSummary(g, counts, corpus.reader->skipped(), files);
  return 0;
}

}  // namespace actorgraph::cli
