// actorgraph compare: how groups of articles (inputs, outlets, periods, any JSONL field) frame the
// same actors: salience, partners, descriptors, frames, time series, difference networks, report.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>
#include <set>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/base/error.h"
#include "actorgraph/compare/comparison.h"
#include "actorgraph/compare/series.h"
#include "actorgraph/export/compare_report.h"
#include "actorgraph/export/compare_writer.h"
#include "actorgraph/pipeline/compare_corpus.h"
#include "actorgraph/version.h"
#include "cli/commands.h"
#include "cli/common.h"

namespace actorgraph::cli {
namespace {

namespace fs = std::filesystem;

// The SVG drawing of a DOT file this run wrote, or "" when Graphviz fails.
std::string RenderSvg(const fs::path& dot) {
  std::string svg;
  return RunGraphviz(dot, "svg", &svg) ? svg : "";
}

void PrintSummary(const CompareResult& r, const std::vector<fs::path>& files, const fs::path& dir) {
  const auto& c = r.comparison;
  std::cout << "compare by " << r.meta.group_by << ": " << Counted(r.meta.documents, "document")
            << " in " << Counted(c.groups.size(), "group");
  if (!r.meta.reference.empty()) std::cout << ", against '" << OneLine(r.meta.reference) << "'";
  std::cout << "\n  groups:";
  for (size_t i = 0; i < c.groups.size() && i < 12; ++i)
    std::cout << (i ? ", " : " ") << OneLine(c.groups[i].name) << " (" << c.groups[i].documents
              << ")";
  if (c.groups.size() > 12) std::cout << ", ... " << c.groups.size() - 12 << " more";
  std::cout << "\n";
  const auto& terms = r.profiles.terms();
  const size_t shown = std::min<size_t>(c.comparisons.size(), 6);
  for (size_t i = 0; i < shown; ++i) {
    const GroupComparison& g = c.comparisons[i];
    std::vector<const SalienceRow*> up, down;
    for (const auto& s : g.salience) (s.k.g2 > 0 ? up : down).push_back(&s);
    auto by = [](const SalienceRow* a, const SalienceRow* b) {
      return std::fabs(a->k.g2) > std::fabs(b->k.g2);
    };
    std::stable_sort(up.begin(), up.end(), by);
    std::stable_sort(down.begin(), down.end(), by);
    // Ranked by G² (the evidence of a difference), shown with it and the log ratio (its size);
    // a difference that rounds to a log ratio of 0.00 is not listed.
    auto list = [&](const std::vector<const SalienceRow*>& rows) {
      size_t k = 0;
      for (const SalienceRow* row : rows) {
        if (k == 3 || std::fabs(row->k.log_ratio) < 0.005 || row->k.g2 == 0) continue;
        std::cout << (k++ ? ", " : "") << r.gazetteer.actors()[row->actor].id << " (G² "
                  << Fixed(std::fabs(row->k.g2), 1) << ", log ratio "
                  << (row->k.log_ratio > 0 ? "+" : "") << Fixed(row->k.log_ratio, 2) << ")";
      }
      if (k == 0) std::cout << "-";
    };
    // A group's name is a field's value: one line, whatever it holds (a newline, a tab).
    std::cout << "  " << OneLine(g.name) << " vs " << OneLine(g.other) << ":\n    more: ";
    list(up);
    std::cout << "\n    less: ";
    list(down);
    std::cout << "\n    terms: ";
    size_t n = 0;
    const TermRow* example = nullptr;
    for (const auto& t : g.terms) {
      if (t.actor != kAllActors || t.lo.z <= 0 || n >= 5) continue;
      if (!example) example = &t;
      std::cout << (n++ ? ", " : "") << terms[t.term].Surface() << " (z " << Fixed(t.lo.z, 1)
                << ")";
    }
    if (n == 0) std::cout << "-";
    if (example) std::cout << "\n    e.g. \"" << terms[example->term].snippet << "\"";
    std::cout << "\n";
  }
  if (c.comparisons.size() > shown)
    std::cout << "  ... " << c.comparisons.size() - shown << " more groups in report.html\n";
  std::cout << "  wrote " << files.size() << " files to " << dir.string() << "/ (open "
            << (dir / "report.html").string() << ")\n";
}

}  // namespace

int RunCompare(int argc, char** argv) {
  cxxopts::Options options(
      "compare",
      "Compare how groups of articles (inputs, documents, outlets, periods or any JSONL field) "
      "frame the same actors: salience, partners, descriptors, frames, time series, difference "
      "networks and a report.\n\nUsage: actorgraph compare [options] [--by KEY] [inputs...]");
  AddCorpusOptions(options);
  options.add_options()("by",
                        "group documents by input, file, source, date:year, date:month or "
                        "field:NAME (a JSONL key)",
                        cxxopts::value<std::string>()->default_value("input"))(
      "reference", "compare every group with this group (default: each group with the rest)",
      cxxopts::value<std::string>())("min-docs",
                                     "leave out groups with fewer documents (with a warning)",
                                     Decimal<uint64_t>()->default_value("1"))(
      "o,output", "output folder", cxxopts::value<std::string>()->default_value("output/compare"))(
      "window", "co-occurrence window for partners: sentence, paragraph or document",
      cxxopts::value<std::string>()->default_value("sentence"))(
      "context", "descriptor context: 0 = the mention's sentence, N = N tokens either side",
      Decimal<uint32_t>()->default_value("0"))(
      "stopwords",
      "stop list file (repeatable; default: data/stopwords/ar.txt and en.txt of the shipped data)",
      cxxopts::value<std::vector<std::string>>())(
      "frames", "frames file (JSON) or 'none' (default: the shipped data/frames/conflict.json)",
      cxxopts::value<std::string>())("prior",
                                     "scale alpha_0 of the log-odds' informative Dirichlet prior",
                                     cxxopts::value<std::string>()->default_value("500"))(
      "top-terms", "terms.csv: the N most over- and N most under-used terms per group and actor",
      Decimal<size_t>()->default_value("30"))(
      "min-count", "terms.csv: terms seen at least N times on the two sides together",
      Decimal<uint64_t>()->default_value("2"))(
      "dot-edges", "edges drawn in difference-GROUP.dot and the report (largest |G2| first)",
      Decimal<size_t>()->default_value("60"));
  options.parse_positional({"inputs"});
  options.positional_help("[inputs...]");
  cxxopts::ParseResult args;
  if (!Parse(options, argc, argv, &args)) return 0;

  const std::string by = args["by"].as<std::string>();
  const GroupKey key = ParseGroupKey(by);
  ComparisonOptions copt;
  if (args.count("reference")) copt.reference = args["reference"].as<std::string>();
  // Below ~0.001 the prior's smallest pseudo-counts underflow and z becomes inf or nan.
  copt.prior = NumberOption(args, "prior", 0.001);
  if (!(copt.prior > 0)) throw Error("--prior: must be > 0");
  copt.top_terms = args["top-terms"].as<size_t>();
  copt.min_term_count = args["min-count"].as<uint64_t>();
  const uint64_t min_docs = args["min-docs"].as<uint64_t>();
  ProfileCorpusOptions popt;
  popt.profile.cooccur.window = ParseWindow(args["window"].as<std::string>());
  popt.profile.context_tokens = args["context"].as<uint32_t>();
  const size_t dot_edges = args["dot-edges"].as<size_t>();
  fs::path dir = args["output"].as<std::string>();
  CreateOutputFolder(dir);

  // Data: stop lists and frames.
  StopWords stop;
  std::string stop_desc;
  if (args.count("stopwords")) {
    for (const auto& f : args["stopwords"].as<std::vector<std::string>>()) {
      stop.AddFile(f);
      stop_desc += (stop_desc.empty() ? "" : ",") + fs::path(f).filename().string();
    }
  } else {
    fs::path data = DefaultDataPath();
    for (const char* f : {"stopwords/ar.txt", "stopwords/en.txt"}) {
      stop.AddFile(data / f);
      stop_desc += (stop_desc.empty() ? "" : ",") + std::string(f);
    }
  }
  std::string frames_arg = args.count("frames") ? args["frames"].as<std::string>() : "";
  std::optional<FrameDictionary> frames;
  if (frames_arg.empty()) frames_arg = (DefaultDataPath() / "frames/conflict.json").string();
  if (frames_arg != "none") frames = FrameDictionary::Load(frames_arg);

  Corpus& corpus = KeepUntilExit([&] { return OpenCorpus(args); });
  const Matcher& matcher = KeepUntilExit([&] { return Matcher(corpus.gazetteer); });
  TermFilter filter(corpus.gazetteer, std::move(stop));
  Grouper grouper(key, corpus.inputs);
  popt.threads = corpus.threads;
  popt.progress = ProgressPrinter(corpus.quiet);
  GroupProfiles profiles =
      ProfileCorpus(matcher, *corpus.reader, grouper, filter, frames ? &*frames : nullptr, popt);
  EndProgress(corpus.quiet);
  if (corpus.reader->documents() == 0) throw NoDocuments(*corpus.reader);
  auto warn = [&](const std::string& w) {
    if (!corpus.quiet) std::cerr << "actorgraph: warning: " << OneLine(w) << "\n";
  };
  for (const auto& g : profiles.groups())
    if (g->name == kNoGroup)
      warn(Counted(g->documents, "document") + (g->documents == 1 ? " has" : " have") +
           " no value for --by " + by + "; " + (g->documents == 1 ? "it forms" : "they form") +
           " the group '(none)'");
  std::vector<std::string> dropped;
  if (min_docs > 1) {
    dropped = profiles.DropSmallGroups(min_docs);
    if (!copt.reference.empty() &&
        std::find(dropped.begin(), dropped.end(), copt.reference) != dropped.end())
      throw Error("--reference: the group '" + copt.reference + "' has fewer than " +
                  std::to_string(min_docs) + " documents, and --min-docs " +
                  std::to_string(min_docs) + " leaves it out");
    if (!dropped.empty())
      warn("--min-docs " + std::to_string(min_docs) + ": left out " +
           Counted(dropped.size(), "group") + " (" + dropped.front() +
           (dropped.size() > 1 ? ", ..." : "") + ")");
  }
  Comparison comparison = CompareGroups(profiles, corpus.gazetteer, copt);
  Series series = BuildSeries(profiles, key.periods());

  CompareMeta meta;
  meta.version = ACTORGRAPH_VERSION;
  meta.gazetteer_hash = corpus.gazetteer.hash();
  meta.group_by = ToString(key);
  meta.reference = copt.reference;
  meta.periods = key.periods();
  meta.documents = corpus.reader->documents();
  meta.skipped = corpus.reader->skipped();
  meta.dropped = dropped;
  meta.frames =
      frames ? (frames->name().empty() ? fs::path(frames_arg).filename().string() : frames->name())
             : "";
  meta.options = "by=" + meta.group_by + " reference=" + copt.reference +
                 " window=" + std::string(ToString(popt.profile.cooccur.window)) +
                 " context=" + std::to_string(popt.profile.context_tokens) +
                 " min-docs=" + std::to_string(min_docs) + " prior=" + Fixed(copt.prior, 3) +
                 " top-terms=" + std::to_string(copt.top_terms) +
                 " min-count=" + std::to_string(copt.min_term_count) + " stopwords=" + stop_desc +
                 " frames=" + meta.frames;
  CompareResult result{corpus.gazetteer, profiles, comparison, series, meta};

  OutputSet outputs;  // tables, networks and report replace the earlier ones together
  std::vector<fs::path> files = WriteCompareTables(result, dir);
  std::vector<fs::path> dots;
  auto nets = WriteDifferenceNetworks(result, dir, dot_edges, &dots);
  files.insert(files.end(), nets.begin(), nets.end());
  std::map<std::string, std::string> svgs;
  std::string message;
  if (std::system("command -v dot >/dev/null 2>&1") != 0) {
    message =
        "Graphviz (dot) is not installed, so the difference network is not drawn here: "
        "install it (apt-get install graphviz) or open the .dot/.gexf files.";
    warn("Graphviz (dot) not found: report.html has no network drawings");
  } else {
    message = "Graphviz could not draw this network; open its .dot/.gexf files instead.";
    for (size_t i = 0; i < dots.size() && i < ReportOptions{}.max_groups; ++i)
      svgs[comparison.comparisons[i].name] = RenderSvg(dots[i]);
  }
  WriteCompareReport(result, svgs, message, ReportOptions{}, dir / "report.html");
  files.push_back(dir / "report.html");
  outputs.Commit();
  // Difference networks of an earlier run into this folder, of groups this run does not have,
  // are not this run's: said, and left as they are (they may be a file the user keeps).
  std::set<fs::path> written(files.begin(), files.end());
  std::vector<std::string> stale;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const std::string ext = entry.path().extension().string();
    if (name.starts_with("difference-") && (ext == ".graphml" || ext == ".gexf" || ext == ".dot") &&
        entry.is_regular_file(ec) && !written.count(dir / name))
      stale.push_back(name);
  }
  std::sort(stale.begin(), stale.end());
  if (!stale.empty())
    warn(dir.string() + ": " + Counted(stale.size(), "difference network file") +
         " of an earlier run, for groups this run does not have, left as " +
         (stale.size() == 1 ? "it is" : "they are") + " (" + stale.front() +
         (stale.size() > 1 ? ", ..." : "") +
         "); report.html and compare.json name this run's only");
  if (!corpus.quiet) PrintSummary(result, files, dir);  // -q: nothing but errors, as in build
  return 0;
}

}  // namespace actorgraph::cli
