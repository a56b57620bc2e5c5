#include "cli/common.h"

#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/base/error.h"
#include "actorgraph/gazetteer/gazetteer_check.h"

namespace actorgraph::cli {

void AddCommonOptions(cxxopts::Options& options) {
  options.add_options()("threads", "worker threads, at most 256 (0 = all cores)",
                        Decimal<unsigned>()->default_value("0"))(
      "strict", "fail on the first invalid document instead of skipping it")(
      "q,quiet", "print nothing but errors: no progress line, warnings or summary")(
      "h,help", "show this help");
}

void AddCorpusOptions(cxxopts::Options& options) {
  AddCommonOptions(options);
  options.add_options()("g,gazetteer",
                        "gazetteer file or folder (repeatable; default: the shipped gazetteer/)",
                        cxxopts::value<std::vector<std::string>>())(
      "encoding",
      "input encoding: auto (a byte order mark, else UTF-16 by its NUL bytes, else valid UTF-8, "
      "else ICU's charset detector), "
      "or any ICU converter name: utf-8, utf-16, utf-16le, utf-16be, cp1256, iso-8859-6, ...",
      cxxopts::value<std::string>()->default_value("auto"))(
      "date-order",
      "day and month order of numeric JSONL dates such as 03/04/2024: dmy (day first: Arabic, "
      "European, British usage) or mdy (month first: US usage)",
      cxxopts::value<std::string>()->default_value("dmy"))(
      "max-line-bytes", "refuse (skip) a line longer than this many bytes",
      Decimal<uint64_t>()->default_value("67108864"))(
      "types",
      "actor types to keep, comma-separated: person,state,group,media or all (default: "
      "person,state,group; mentions and gazetteer suggest: all)",
      cxxopts::value<std::string>())(
      "roles",
      "resolve titles that name no person (the Iraqi prime minister) to the office holder on "
      "the document's date (how=role)")(
      "inputs",
      "files (.txt, .jsonl), folders (recursive) or - for standard input "
      "(default: the sample corpus examples/articles)",
      cxxopts::value<std::vector<std::string>>());
}

namespace {

// The text between cxxopts' quotes (‘…’) in one of its messages.
std::string Quoted(const std::string& message) {
  static const std::string open = "\xe2\x80\x98", close = "\xe2\x80\x99";
  size_t a = message.find(open);
  if (a == std::string::npos) return "";
  a += open.size();
  size_t b = message.find(close, a);
  return b == std::string::npos ? "" : message.substr(a, b - a);
}

// Rewrites a cxxopts parse error as "--option: 'value' ..." by finding the value in argv.
std::string OptionError(const cxxopts::exceptions::exception& e, int argc, char** argv) {
  std::string what = e.what();
  std::string quoted = Quoted(what);
  if (dynamic_cast<const cxxopts::exceptions::incorrect_argument_type*>(&e)) {
    for (int i = 1; i < argc; ++i) {
      std::string arg = argv[i];
      size_t eq = arg.find('=');
      if (arg.rfind("-", 0) == 0 && eq != std::string::npos && arg.substr(eq + 1) == quoted)
        return arg.substr(0, eq) + ": '" + quoted + "' is not a valid value";
      if (arg == quoted && i > 1 && argv[i - 1][0] == '-')
        return std::string(argv[i - 1]) + ": '" + quoted + "' is not a valid value";
    }
    return "'" + quoted + "' is not a valid value";
  }
  if (dynamic_cast<const cxxopts::exceptions::no_such_option*>(&e))
    return "unknown option '" + std::string(quoted.size() == 1 ? "-" : "--") + quoted + "'";
  if (dynamic_cast<const cxxopts::exceptions::missing_argument*>(&e))
    return "option '" + std::string(quoted.size() == 1 ? "-" : "--") + quoted + "' needs a value";
  return what;
}

}  // namespace

namespace {
std::string command_name;  // of the last Parse, for NumberOption's hint
}  // namespace

bool Parse(cxxopts::Options& options, int argc, char** argv, cxxopts::ParseResult* result) {
  options.set_width(110);
  command_name = options.program();
  try {
    *result = options.parse(argc, argv);
  } catch (const cxxopts::exceptions::exception& e) {
    throw Error(OptionError(e, argc, argv) + " (see 'actorgraph " + options.program() +
                " --help')");
  }
  if (result->count("help")) {
    // Each command's description carries its own "Usage: actorgraph ..." line; drop the generic
    // one cxxopts adds ("Usage:\n  build [OPTION...] ...") so the help says it once.
    std::string help = options.help();
    size_t at = help.find("Usage:\n  ");
    if (at != std::string::npos) {
      size_t end = help.find('\n', at + 9);
      help.erase(at, end == std::string::npos ? std::string::npos : end - at + 1);
    }
    std::cout << help << std::endl;
    return false;
  }
  // An option that takes one value, given twice with two values: cxxopts keeps the last, so
  // '--format dot --format graphml' wrote graphml only. Lists are comma-separated, and the
  // repeatable options (-g, --stopwords) are containers.
  std::set<std::string> single;
  for (const auto& group : options.groups())
    for (const auto& o : options.group_help(group).options)
      if (!o.is_container && !o.is_boolean && !o.l.empty()) single.insert(o.l.front());
  std::map<std::string, std::string> first;
  for (const auto& kv : result->arguments()) {
    if (!single.count(kv.key())) continue;
    auto [it, fresh] = first.emplace(kv.key(), kv.value());
    if (!fresh && it->second != kv.value())
      throw Error("--" + kv.key() + " given twice ('" + it->second + "', then '" + kv.value() +
                  "'); give it once (see 'actorgraph " + options.program() + " --help')");
  }
  // Each thread holds its own counts (sized to the gazetteer) before any work starts, so an
  // absurd count exhausted memory or failed to start its threads instead of naming the option.
  constexpr unsigned kMaxThreads = 256;
  if (result->count("threads") && (*result)["threads"].as<unsigned>() > kMaxThreads)
    throw Error("--threads: '" + std::to_string((*result)["threads"].as<unsigned>()) +
                "' is more than " + std::to_string(kMaxThreads) + " (0 = all cores)");
  return true;
}

std::filesystem::path GazetteerArgument(const std::string& arg) {
  std::error_code ec;
  if ((arg == "gazetteer" || arg == "gazetteer/") && !std::filesystem::exists(arg, ec))
    return DefaultGazetteerPath();
  return arg;
}

std::vector<std::filesystem::path> GazetteerPaths(const cxxopts::ParseResult& args) {
  std::vector<std::filesystem::path> paths;
  if (args.count("gazetteer"))
    for (const auto& g : args["gazetteer"].as<std::vector<std::string>>())
      paths.push_back(GazetteerArgument(g));
  else
    paths.push_back(DefaultGazetteerPath());
  return paths;
}

bool IsShippedGazetteer(const std::filesystem::path& file) {
  std::error_code ec;
  auto shipped = std::filesystem::weakly_canonical(DefaultGazetteerPath(), ec);
  if (ec) return false;
  auto f = std::filesystem::weakly_canonical(file, ec);
  if (ec) return false;
  return f == shipped || f.parent_path() == shipped;
}

std::string ShippedGazetteerHint(const Gazetteer& g,
                                 const std::vector<GazetteerProblem>& unresolved) {
  if (unresolved.empty()) return "";
  for (const auto& f : g.files())
    if (IsShippedGazetteer(f)) return "";
  try {
    Gazetteer shipped = Gazetteer::Load({DefaultGazetteerPath()});  // once, for every problem
    for (const auto& u : unresolved) {
      const Actor* a = g.Find(u.id);
      for (const auto& aff : a ? a->affiliations : std::vector<std::string>{})
        if (!g.Find(aff) && shipped.Find(aff))
          return "'" + aff + "' is in the shipped gazetteer, which -g replaces: give -g " +
                 "gazetteer first to load it too";
    }
  } catch (const Error&) {
    // No shipped gazetteer to suggest.
  }
  return "";
}

Gazetteer LoadGazetteer(const cxxopts::ParseResult& args) {
  auto paths = GazetteerPaths(args);
  Gazetteer g = Gazetteer::Load(paths);
  auto unresolved = UnresolvedReferences(g);
  if (unresolved.empty()) return g;
  // The same line `gazetteer check` prints, plus what to do when the id is a shipped actor that
  // -g left out (the usual cause: `-g mine.json` instead of `-g gazetteer -g mine.json`).
  std::string message = unresolved[0].ToString();
  if (std::string hint = ShippedGazetteerHint(g, {unresolved[0]}); !hint.empty())
    message += "; " + hint;
  if (unresolved.size() > 1) {
    std::string check = "actorgraph gazetteer check";
    if (args.count("gazetteer"))
      for (const auto& p : args["gazetteer"].as<std::vector<std::string>>()) check += " -g " + p;
    message += " (" + std::to_string(unresolved.size() - 1) + " more: '" + check + "' lists them)";
  }
  throw Error(message);
}

std::vector<const void*>& ObjectsKeptUntilExit() {
  static auto* kept = new std::vector<const void*>;
  return *kept;
}

Corpus OpenCorpus(const cxxopts::ParseResult& args) {
  return OpenCorpus(args, args.count("inputs") ? args["inputs"].as<std::vector<std::string>>()
                                               : std::vector<std::string>{});
}

namespace {
// Document text read ahead while the gazetteer loads: a fixed amount (so peak memory grows by the
// same on any corpus), more than the reader gets through while the shipped gazetteer loads and
// compiles (~45 ms), so the second core stays busy for all of it: with 64 MB it ran out first and
// 2 threads took 806 ms on the 100 MB benchmark corpus, with 128 MB 800 ms (12 interleaved runs).
constexpr uint64_t kReadAheadBytes = uint64_t{128} << 20;
}  // namespace

Corpus OpenCorpus(const cxxopts::ParseResult& args, std::vector<std::string> inputs) {
  Corpus c;
  c.quiet = args.count("quiet") > 0;
  c.threads = args["threads"].as<unsigned>();
  if (args.count("types")) c.types = ParseTypes(args["types"].as<std::string>());
  c.roles = args.count("roles") > 0;
  c.inputs = std::move(inputs);
  if (c.inputs.empty()) c.inputs.push_back(DefaultCorpusPath().string());
  ReaderOptions ro;
  ro.strict = args.count("strict") > 0;
  ro.encoding = args["encoding"].as<std::string>();
  if (ro.encoding.empty())
    throw Error("--encoding: empty (auto, or an encoding name such as cp1256)");
  ro.max_line_bytes = args["max-line-bytes"].as<uint64_t>();
  const std::string order = args["date-order"].as<std::string>();
  if (order != "dmy" && order != "mdy")
    throw Error("--date-order: '" + order + "' is not one of dmy, mdy");
  ro.date_order = order == "mdy" ? DateOrder::kMonthFirst : DateOrder::kDayFirst;
  if (ro.max_line_bytes == 0) throw Error("--max-line-bytes: must be at least 1");
  bool quiet = c.quiet;
  ro.warn = [quiet](const std::string& w) {
    if (!quiet) std::cerr << "actorgraph: warning: " << OneLine(w) << "\n";
  };
  // The reader first: on two or more cores it reads ahead while this thread loads and compiles
  // the gazetteer (a serial 40 ms or more at the start of every run). A gazetteer error still
  // comes first when both are wrong, as when the gazetteer was loaded first.
  try {
    c.reader = std::make_unique<DocumentReader>(c.inputs, ro);
  } catch (const Error&) {
    c.gazetteer = LoadGazetteer(args);
    throw;
  }
  // Not from standard input: a slow producer there would hold the first document back until the
  // reading thread got the second.
  const bool from_stdin = std::find(c.inputs.begin(), c.inputs.end(), "-") != c.inputs.end();
  if (WorkerThreads(c.threads) > 1 && !from_stdin) c.reader->ReadAhead(kReadAheadBytes);
  c.gazetteer = LoadGazetteer(args);
  return c;
}

std::function<void(const Progress&)> ProgressPrinter(bool quiet) {
  if (quiet || !::isatty(STDERR_FILENO)) return nullptr;
  return [](const Progress& p) {
    double mb = p.bytes / 1e6;
    double rate = p.seconds > 0 ? mb / p.seconds : 0;
    char line[160];
    if (p.total_bytes > 0 && rate > 0) {
      double left = (p.total_bytes / 1e6 - mb) / rate;
      std::snprintf(line, sizeof line,
                    "\r%llu documents, %.1f of %.1f MB, %.1f MB/s, ETA %.0f s   ",
                    static_cast<unsigned long long>(p.documents), mb, p.total_bytes / 1e6, rate,
                    left > 0 ? left : 0);
    } else {
      std::snprintf(line, sizeof line, "\r%llu documents, %.1f MB, %.1f MB/s   ",
                    static_cast<unsigned long long>(p.documents), mb, rate);
    }
    std::cerr << line << std::flush;
  };
}

void EndProgress(bool quiet) {
  if (!quiet && ::isatty(STDERR_FILENO)) std::cerr << "\r\033[K" << std::flush;
}

}  // namespace actorgraph::cli

namespace actorgraph::cli {

void ForEachMatched(Corpus& corpus, const Matcher& matcher,
                    const std::function<void(const Document&, const MatchScratch&,
                                             const std::vector<Mention>&)>& fn) {
  MatchScratch sc;
  std::vector<Mention> mentions;
  Document doc;
  std::unique_ptr<RoleResolver> roles;
  if (corpus.roles) roles = std::make_unique<RoleResolver>(corpus.gazetteer);
  while (corpus.reader->Next(&doc)) {
    MatchDocument(matcher, roles.get(), corpus.types, doc, &sc, &mentions);
    fn(doc, sc, mentions);
  }
  if (corpus.reader->documents() == 0) throw NoDocuments(*corpus.reader);
}

Error NoDocuments(const DocumentReader& reader) {
  return Error("no documents to process" +
               (reader.skipped() ? " (" + std::to_string(reader.skipped()) + " skipped)"
                                 : std::string(" (empty corpus)")));
}

namespace {

// The folders CreateOutputFolder made, deepest first, as NUL-terminated paths in static memory
// that the signal handler may read. A path longer than kCreatedPathBytes, or past the
// kMaxCreated-th folder, is not remembered (it stays behind, empty).
constexpr int kMaxCreated = 16;
constexpr size_t kCreatedPathBytes = 4096;
char created_folders[kMaxCreated][kCreatedPathBytes];
volatile sig_atomic_t created_count = 0;

}  // namespace

void CreateOutputFolder(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  if (dir.empty()) throw Error("-o/--output: empty path (name a folder)");
  std::error_code ec;
  // The missing folders, deepest first, before create_directories makes them.
  std::vector<fs::path> missing;
  fs::path start = fs::absolute(dir, ec).lexically_normal();
  for (fs::path p = start; !ec && p.has_relative_path(); p = p.parent_path()) {
    if (p.filename().empty()) continue;  // "a/b/" normalises to "a/b/": its last part is empty
    std::error_code missing_ec;          // set for a path that does not exist
    if (fs::symlink_status(p, missing_ec).type() != fs::file_type::not_found) break;
    missing.push_back(p);
  }
  ec.clear();
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    // mkdir -p's "File exists" for a symbolic link to nothing, on the way or at the end, says
    // too little: name the link and its target.
    for (fs::path p = dir; !p.empty() && p.has_relative_path(); p = p.parent_path()) {
      std::error_code lec;
      if (!fs::is_symlink(fs::symlink_status(p, lec)) || fs::exists(fs::status(p, lec))) continue;
      throw Error(dir.string() + ": cannot create the output folder: " + p.string() +
                  " is a symbolic link to '" + fs::read_symlink(p, lec).string() +
                  "', which does not exist");
    }
    throw Error(dir.string() + ": cannot create the output folder" +
                (ec ? ": " + ec.message() : std::string(": not a folder")));
  }
  for (const auto& p : missing) {
    const std::string& s = p.native();
    if (created_count >= kMaxCreated || s.size() >= kCreatedPathBytes) continue;
    std::memcpy(created_folders[created_count], s.c_str(), s.size() + 1);
    created_count = created_count + 1;
  }
}

void RemoveEmptyCreatedFolders() {
  for (int i = 0; i < created_count; ++i) ::rmdir(created_folders[i]);
}

namespace {
volatile sig_atomic_t graphviz_pid = 0;  // the running dot's, for StopGraphviz
}  // namespace

bool RunGraphviz(const std::filesystem::path& dot_file, const std::string& format,
                 std::string* out) {
  out->clear();
  std::string source = CurrentContents(dot_file).string();
  std::string type = "-T" + format;
  char* argv[] = {const_cast<char*>("dot"), type.data(), source.data(), nullptr};
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  // SIGINT, SIGTERM and SIGHUP wait until graphviz_pid is set, so the handler cannot miss a dot
  // just started; dot itself starts with the mask as it was.
  sigset_t block, old;
  sigemptyset(&block);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&block, sig);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setsigmask(&attr, &old);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  pid_t pid;
  int spawned = ::posix_spawnp(&pid, "dot", &actions, &attr, argv, environ);
  if (spawned == 0) graphviz_pid = pid;
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (spawned != 0) {
    ::close(fds[0]);
    return false;
  }
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n > 0) {
      out->append(buf, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  graphviz_pid = 0;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void StopGraphviz() {
  pid_t pid = graphviz_pid;
  if (pid > 0) ::kill(pid, SIGTERM);
}

double NumberOption(const cxxopts::ParseResult& args, const std::string& name, double min,
                    bool exclusive) {
  const std::string text = args[name].as<std::string>();
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
      (exclusive ? value <= min : value < min)) {
    std::ostringstream bound;  // 0, 0.001: no trailing zeros
    bound << min;
    throw Error("--" + name + ": '" + text + "' is not a valid value (a number " +
                (exclusive ? "> " : ">= ") + bound.str() + "; see 'actorgraph " + command_name +
                " --help')");
  }
  return value;
}

std::string Counted(uint64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many.empty() ? one + "s" : many);
}

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace actorgraph::cli
