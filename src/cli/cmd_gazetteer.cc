// actorgraph gazetteer check|list: lint the gazetteer, or print every alias.
#include <fstream>
#include <iostream>
#include <sstream>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/base/error.h"
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
    for (const auto& p : args["paths"].as<std::vector<std::string>>()) paths.push_back(p);
  else
    paths.push_back(DefaultGazetteerPath());
  return paths;
}

std::string TsvField(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

int Check(const cxxopts::ParseResult& args) {
  auto paths = Paths(args);
  std::vector<GazetteerProblem> load_problems;
  Gazetteer g = Gazetteer::Load(paths, &load_problems);
  std::string stop_path = args.count("stopwords") ? args["stopwords"].as<std::string>() : "";
  if (stop_path.empty()) {
    // The stop list that ships next to the gazetteer.
    for (const auto& p : paths) {
      auto dir = std::filesystem::is_directory(p) ? p : p.parent_path();
      if (std::filesystem::exists(dir / "stopwords_ar.txt")) {
        stop_path = (dir / "stopwords_ar.txt").string();
        break;
      }
    }
    if (stop_path.empty() && std::filesystem::exists(DefaultGazetteerPath() / "stopwords_ar.txt"))
      stop_path = (DefaultGazetteerPath() / "stopwords_ar.txt").string();
  }
  std::set<std::string> stop;
  if (!stop_path.empty()) stop = LoadStopwords(stop_path);
  LintResult r = LintGazetteer(g, stop);
  r.errors.insert(r.errors.begin(), load_problems.begin(), load_problems.end());
  // "alias can never match": each name in a neutral sentence must be found as its actor.
  Matcher matcher(g);
  LintResult self = SelfTest(g, matcher);
  r.errors.insert(r.errors.end(), self.errors.begin(), self.errors.end());
  r.warnings.insert(r.warnings.end(), self.warnings.begin(), self.warnings.end());
  for (const auto& e : r.errors) std::cout << "error: " << e.ToString() << "\n";
  if (!args.count("quiet"))
    for (const auto& w : r.warnings) std::cout << "warning: " << w.ToString() << "\n";
  size_t aliases = 0, counts[kActorTypes] = {};
  for (const auto& a : g.actors()) {
    aliases += a.aliases.size();
    counts[static_cast<int>(a.type)]++;
  }
  if (!args.count("quiet"))
    std::cout << g.files().size() << " files, " << g.actors().size() << " actors (" << counts[1]
              << " states, " << counts[0] << " people, " << counts[2] << " groups, " << counts[3]
              << " media), " << aliases << " names and forms: " << r.errors.size() << " errors, "
              << r.warnings.size() << " warnings\n";
  return r.errors.empty() ? 0 : 1;
}

int List(const cxxopts::ParseResult& args) {
  std::string format = args["format"].as<std::string>();
  if (format != "tsv") throw Error("--format: '" + format + "' is not supported (tsv)");
  Gazetteer g = Gazetteer::Load(Paths(args));
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
  std::ifstream f(in, std::ios::binary);
  if (!f) throw Error(in.string() + ": cannot open gazetteer file");
  std::ostringstream ss;
  ss << f.rdbuf();
  std::string json_text =
      is_json(in) ? ss.str() : GazetteerTableToJson(ss.str(), TableDelimiter(in), in.string());
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
      "Usage: actorgraph gazetteer check [paths...]   lint files (exit 1 on errors)\n"
      "       actorgraph gazetteer list [--format tsv] [paths...]   one line per alias\n"
      "       actorgraph gazetteer suggest [options] [inputs...]   candidates the gazetteer lacks\n"
      "       actorgraph gazetteer convert IN OUT   JSON <-> CSV/TSV tables\n"
      "paths: gazetteer files or folders (default: the shipped gazetteer/)");
  options.add_options()("format", "list: output format",
                        cxxopts::value<std::string>()->default_value("tsv"))(
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
