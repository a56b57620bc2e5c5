// actorgraph gazetteer check|list: lint the gazetteer, or print every alias.
#include <iostream>
#include <set>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/base/error.h"
#include "actorgraph/base/read_file.h"
#include "actorgraph/gazetteer/gazetteer_check.h"
#include "actorgraph/gazetteer/gazetteer_table.h"
#include "actorgraph/match/self_test.h"
#include "actorgraph/pipeline/pipeline.h"
#include "cli/commands.h"
#include "cli/common.h"

namespace actorgraph::cli {
namespace {

std::vector<std::filesystem::path> Paths(const cxxopts::ParseResult& args) {
  std::vector<std::filesystem::path> paths;
  if (args.count("paths"))
    for (const auto& p : args["paths"].as<std::vector<std::string>>())
      paths.push_back(GazetteerArgument(p));
  else
    paths.push_back(DefaultGazetteerPath());
  return paths;
}

std::string TsvField(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

// Loads `files` in order (collecting load problems) and lints them: the rules of LintGazetteer and
// the self-test ("alias can never match").
LintResult LintFiles(const std::vector<std::filesystem::path>& files, const std::string& stop_path,
                     Gazetteer* loaded) {
  std::vector<GazetteerProblem> load_problems;
  Gazetteer g = Gazetteer::Load(files, &load_problems);
  std::set<std::string> stop;
  if (!stop_path.empty()) stop = LoadStopwords(stop_path);
  LintResult r = LintGazetteer(g, stop);
  r.errors.insert(r.errors.begin(), load_problems.begin(), load_problems.end());
  Matcher matcher(g);
  LintResult self = SelfTest(g, matcher);
  r.errors.insert(r.errors.end(), self.errors.begin(), self.errors.end());
  r.warnings.insert(r.warnings.end(), self.warnings.begin(), self.warnings.end());
  if (loaded) *loaded = std::move(g);
  return r;
}

// `gazetteer check [-g G]... [FILE...]`. Without FILEs: the gazetteer (-g, default the shipped
// one) is checked, every problem printed. With FILEs: they are checked together with the gazetteer
// they will be used with (-g, as build takes it, default the shipped one), loaded first, so their
// affiliations to its actors resolve; errors are all printed, warnings only when the FILEs cause
// them (the gazetteer's own warnings, found by checking it alone, are counted, not listed).
int Check(const cxxopts::ParseResult& args) {
  namespace fs = std::filesystem;
  std::vector<fs::path> base = GazetteerPaths(args);
  std::vector<fs::path> checked, context;
  if (args.count("paths")) {
    // The user's files are checked; the shipped gazetteer's files named among the paths join the
    // context (its warnings are listed only when it is checked alone).
    std::vector<fs::path> shipped_named;
    for (const auto& f : Gazetteer::ExpandPaths(Paths(args)))
      (IsShippedGazetteer(f) ? shipped_named : checked).push_back(f);
    if (checked.empty()) {
      checked = shipped_named;
    } else {
      std::set<fs::path> taken;
      for (const auto& f : checked) taken.insert(fs::weakly_canonical(f));
      for (const auto& list : {Gazetteer::ExpandPaths(base), shipped_named})
        for (const auto& f : list)
          if (taken.insert(fs::weakly_canonical(f)).second) context.push_back(f);
    }
  } else {
    checked = Gazetteer::ExpandPaths(base);
  }
  std::vector<fs::path> all = context;
  all.insert(all.end(), checked.begin(), checked.end());

  std::string stop_path = args.count("stopwords") ? args["stopwords"].as<std::string>() : "";
  if (stop_path.empty()) {
    // The stop list that ships next to the gazetteer.
    for (const auto& p : all)
      if (fs::exists(p.parent_path() / "stopwords_ar.txt")) {
        stop_path = (p.parent_path() / "stopwords_ar.txt").string();
        break;
      }
    if (stop_path.empty() && fs::exists(DefaultGazetteerPath() / "stopwords_ar.txt"))
      stop_path = (DefaultGazetteerPath() / "stopwords_ar.txt").string();
  }
  Gazetteer g;
  LintResult r = LintFiles(all, stop_path, &g);
  std::vector<GazetteerProblem> shown = r.warnings;
  size_t context_warnings = 0;
  const bool quiet = args.count("quiet") > 0;
  if (!context.empty() && !quiet) {
    // The warnings the gazetteer gives alone are its own; the rest come from the checked files.
    std::multiset<std::string> own;
    for (const auto& w : LintFiles(context, stop_path, nullptr).warnings) own.insert(w.ToString());
    shown.clear();
    for (const auto& w : r.warnings) {
      auto it = own.find(w.ToString());
      if (it == own.end()) {
        shown.push_back(w);
      } else {
        own.erase(it);
        ++context_warnings;
      }
    }
  }
  for (const auto& e : r.errors) std::cout << "error: " << e.ToString() << "\n";
  if (std::string hint = ShippedGazetteerHint(g, UnresolvedReferences(g)); !hint.empty())
    std::cout << "hint: " << hint << "\n";
  if (!quiet)
    for (const auto& w : shown) std::cout << "warning: " << w.ToString() << "\n";
  if (quiet) return r.errors.empty() ? 0 : 1;

  std::set<std::string> checked_names;
  for (const auto& f : checked) checked_names.insert(f.string());
  size_t aliases = 0, actors = 0, counts[kActorTypes] = {};
  for (const auto& a : g.actors()) {
    if (!checked_names.count(a.file)) continue;
    ++actors;
    aliases += a.aliases.size();
    counts[static_cast<int>(a.type)]++;
  }
  std::string what = Counted(checked.size(), "file");
  if (!context.empty())
    what = checked.front().string() +
           (checked.size() > 1 ? " and " + Counted(checked.size() - 1, "more file") : "");
  std::cout << what << ", " << Counted(actors, "actor") << " (" << Counted(counts[1], "state")
            << ", " << Counted(counts[0], "person", "people") << ", " << Counted(counts[2], "group")
            << ", " << counts[3] << " media), " << aliases
            << " names and forms: " << Counted(r.errors.size(), "error") << ", "
            << Counted(shown.size(), "warning") << "\n";
  if (!context.empty()) {
    std::string again = "actorgraph gazetteer check";
    if (args.count("gazetteer"))
      for (const auto& p : args["gazetteer"].as<std::vector<std::string>>()) again += " -g " + p;
    std::cout << "checked together with " << Counted(context.size(), "gazetteer file") << " ("
              << g.actors().size() - actors << " actors; "
              << (args.count("gazetteer") ? "given with -g" : "the shipped gazetteer") << "), "
              << Counted(context_warnings, "warning") << " of its own not listed ('" << again
              << "' lists them)\n";
  }
  return r.errors.empty() ? 0 : 1;
}

int List(const cxxopts::ParseResult& args) {
  std::string format = args["format"].as<std::string>();
  if (format != "tsv") throw Error("--format: '" + format + "' is not supported (tsv)");
  // The paths, else the gazetteer of -g, loaded as every command loads it (an affiliation no loaded
  // file defines stops it), else the shipped one.
  Gazetteer g = args.count("paths") ? Gazetteer::Load(Paths(args)) : LoadGazetteer(args);
  std::cout << "id\ttype\tlabel_en\tlabel_ar\talias\tlang\ttier\thow\n";
  for (const auto& a : g.actors())
    for (const auto& al : a.aliases)
      std::cout << a.id << '\t' << ToString(a.type) << '\t' << TsvField(a.label_en) << '\t'
                << TsvField(a.label_ar) << '\t' << TsvField(al.text) << '\t' << al.lang << '\t'
                << ToString(al.tier) << '\t' << ToString(al.how) << '\n';
  return 0;
}

}  // namespace

int RunGazetteerConvert(int argc, char** argv) {
  cxxopts::Options options("gazetteer convert",
                           "Convert a gazetteer file between JSON and CSV/TSV tables (formats by "
                           "extension: .json, .csv, .tsv).\n\n"
                           "Usage: actorgraph gazetteer convert IN OUT");
  AddCommonOptions(options);
  options.add_options()("files", "IN OUT", cxxopts::value<std::vector<std::string>>());
  options.parse_positional({"files"});
  options.positional_help("IN OUT");
  cxxopts::ParseResult args;
  if (!Parse(options, argc, argv, &args)) return 0;
  std::vector<std::string> files;
  if (args.count("files")) files = args["files"].as<std::vector<std::string>>();
  if (files.size() != 2) throw Error("gazetteer convert: expected IN OUT");
  std::filesystem::path in = files[0], out = files[1];
  auto is_json = [](const std::filesystem::path& p) { return p.extension() == ".json"; };
  for (const auto& p : {in, out})
    if (!is_json(p) && !IsTablePath(p))
      throw Error(p.string() + ": expected a .json, .csv or .tsv file name");
  if (is_json(in) && is_json(out)) throw Error("gazetteer convert: both files are JSON");
  const std::string text = ReadWholeFile(in, "the gazetteer file");
  std::string json_text =
      is_json(in) ? text : GazetteerTableToJson(text, TableDelimiter(in), in.string());
  std::string result = is_json(out)
                           ? json_text + "\n"
                           : GazetteerJsonToTable(json_text, TableDelimiter(out), in.string());
  WriteFileAtomically(out, [&](std::ostream& o) { o << result; });
  return 0;
}

int RunGazetteer(int argc, char** argv) {
  // suggest and convert take their own options (corpus inputs, IN OUT).
  if (argc > 1 && std::string_view(argv[1]) == "suggest")
    return RunGazetteerSuggest(argc - 1, argv + 1);
  if (argc > 1 && std::string_view(argv[1]) == "convert")
    return RunGazetteerConvert(argc - 1, argv + 1);
  cxxopts::Options options(
      "gazetteer",
      "Check or list the gazetteer.\n\n"
      "Usage: actorgraph gazetteer check [-g G]... [paths...]   lint files (exit 1 on errors):\n"
      "         the gazetteer (-g, default the shipped one) alone, or the paths together with it\n"
      "       actorgraph gazetteer list [--format tsv] [paths...]   one line per alias\n"
      "       actorgraph gazetteer suggest [options] [inputs...]   candidates the gazetteer lacks\n"
      "       actorgraph gazetteer convert IN OUT   JSON <-> CSV/TSV tables\n"
      "paths: gazetteer files or folders (default: the shipped gazetteer/)");
  options.add_options()("g,gazetteer",
                        "check: the gazetteer the paths are used with, loaded before them; "
                        "list without paths: the gazetteer to list (repeatable; default: the "
                        "shipped gazetteer/)",
                        cxxopts::value<std::vector<std::string>>())(
      "format", "list: output format", cxxopts::value<std::string>()->default_value("tsv"))(
      "stopwords", "check: stop list of common words (default: stopwords_ar.txt next to the files)",
      cxxopts::value<std::string>())("action", "check or list", cxxopts::value<std::string>())(
      "paths", "gazetteer files or folders", cxxopts::value<std::vector<std::string>>());
  AddCommonOptions(options);
  options.parse_positional({"action", "paths"});
  options.positional_help("check|list [paths...]");
  cxxopts::ParseResult args;
  if (!Parse(options, argc, argv, &args)) return 0;
  std::string action = args.count("action") ? args["action"].as<std::string>() : "";
  if (action == "check") return Check(args);
  if (action == "list") return List(args);
  throw Error(
      "gazetteer: expected 'check', 'list', 'suggest' or 'convert' (see 'actorgraph gazetteer "
      "--help')");
}

}  // namespace actorgraph::cli
