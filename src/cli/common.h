// Options and helpers shared by the subcommands that read a corpus.
#pragma once

#include <cxxopts.hpp>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "actorgraph/base/error.h"
#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/pipeline/pipeline.h"
#include "actorgraph/read/reader.h"

namespace actorgraph::cli {

// Adds the options every command takes: --threads, --strict, -q/--quiet and -h/--help.
void AddCommonOptions(cxxopts::Options& options);

// Adds the common options, -g/--gazetteer, --types, --roles and the positional inputs.
void AddCorpusOptions(cxxopts::Options& options);

// Parses argv; prints help and returns false for --help. Throws Error on bad options, naming the
// option and the value ("--top: '-3' is not a valid value").
bool Parse(cxxopts::Options& options, int argc, char** argv, cxxopts::ParseResult* result);

// The value type of an integer option: a whole number in decimal digits only. cxxopts' own
// integer parser reads "0x10" as 16 (so '--top 0x2' kept two actors); every other form ("0x2",
// "-1", "+3", "1e3", "") is refused as "--top: '0x2' is not a valid value". Declared as
// `Decimal<size_t>()->default_value("5")` where cxxopts has `cxxopts::value<size_t>()`.
template <class T>
class DecimalValue : public cxxopts::values::standard_value<T> {
 public:
  std::shared_ptr<cxxopts::Value> clone() const override {
    return std::make_shared<DecimalValue<T>>(*this);
  }
  void parse(const std::string& text) const override {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
      throw cxxopts::exceptions::incorrect_argument_type(text);
    cxxopts::values::standard_value<T>::parse(text);
  }
};
template <class T>
std::shared_ptr<DecimalValue<T>> Decimal() {
  return std::make_shared<DecimalValue<T>>();
}

// The value of the number option `name` (declared as a string option, since cxxopts reads a
// double with operator>> and takes "3x" as 3 and "0x10" as 0): a finite decimal number that is
// all of the text (std::from_chars), at least `min`, or more than `min` when `exclusive`. Throws
// Error "--NAME: 'TEXT' is not a valid value (a number >= MIN; see 'actorgraph CMD --help')".
double NumberOption(const cxxopts::ParseResult& args, const std::string& name, double min,
                    bool exclusive = false);

struct Corpus {
  Gazetteer gazetteer;
  std::vector<std::string> inputs;
  std::unique_ptr<DocumentReader> reader;
  unsigned threads = 0;
  bool quiet = false;
  TypeMask types = kNetworkTypes;  // --types (commands that list mentions default to all types)
  bool roles = false;              // --roles: resolve titles to office holders by date
};

// A gazetteer path as given on the command line; "gazetteer" names the shipped gazetteer when the
// current folder has no file or folder of that name (DefaultGazetteerPath prefers ./gazetteer too),
// so the README's `-g gazetteer -g mine.json` works wherever the tool runs.
std::filesystem::path GazetteerArgument(const std::string& arg);
// The paths given with -g (repeatable, through GazetteerArgument), or the shipped gazetteer.
std::vector<std::filesystem::path> GazetteerPaths(const cxxopts::ParseResult& args);

// Whether `path` is the shipped gazetteer folder (DefaultGazetteerPath) or one of its files.
bool IsShippedGazetteer(const std::filesystem::path& path);

// When one of `unresolved` (affiliations no loaded file defines) names an actor of the shipped
// gazetteer and -g left the shipped gazetteer out: "'lebanon' is in the shipped gazetteer, which
// -g replaces: give -g gazetteer first to load it too" for the first such; else "". Loads the
// shipped gazetteer once.
std::string ShippedGazetteerHint(const Gazetteer& g,
                                 const std::vector<GazetteerProblem>& unresolved);
// Loads the gazetteer named by -g, or the shipped one. Throws Error on a malformed file and on an
// affiliation that no loaded file defines (UnresolvedReferences: the line `gazetteer check`
// prints, and a hint when the id is a shipped actor that -g left out).
Gazetteer LoadGazetteer(const cxxopts::ParseResult& args);

// Loads the gazetteer and opens `inputs` (empty: the sample corpus). Warnings about skipped
// documents go to standard error.
Corpus OpenCorpus(const cxxopts::ParseResult& args, std::vector<std::string> inputs);
// The same, with the positional "inputs" option.
Corpus OpenCorpus(const cxxopts::ParseResult& args);

// A progress line on standard error when it is a terminal and --quiet is off.
std::function<void(const Progress&)> ProgressPrinter(bool quiet);
void EndProgress(bool quiet);

}  // namespace actorgraph::cli

namespace actorgraph::cli {

// Matches every document of the corpus in input order and calls `fn` with its mentions.
void ForEachMatched(Corpus& corpus, const Matcher& matcher,
                    const std::function<void(const Document&, const MatchScratch&,
                                             const std::vector<Mention>&)>& fn);

// "no documents to process (empty corpus)" or "… (N skipped)": the error for a run without
// documents.
Error NoDocuments(const DocumentReader& reader);

// Makes the object `make()` returns on the heap and never destroys it, for the large objects of a
// command (the gazetteer and its matcher, the counts, the graph). The process exits right after the
// command, and the kernel takes back their memory at once, where running their destructors frees
// millions of small allocations one by one: about 10 ms on the 100 MB benchmark corpus and 0.15 s
// for a 1M-alias gazetteer, all of it serial (clang's -disable-free skips freeing for the same
// reason). The object is built in place from the returned value (no copy or move), and stays
// reachable from a list, so leak checkers count it as in use. CLI only: the library cleans up.
std::vector<const void*>& ObjectsKeptUntilExit();
template <class F>
std::invoke_result_t<F>& KeepUntilExit(F&& make) {
  auto* object = new std::invoke_result_t<F>(make());
  ObjectsKeptUntilExit().push_back(object);
  return *object;
}

// Creates the output folder `dir` and any missing parent before a (possibly long) run, so that a
// folder that cannot be made fails at once. Throws Error "DIR: cannot create the output folder:
// REASON". The folders it makes are remembered, and RemoveEmptyCreatedFolders() takes them away
// again while they are still empty: a run that fails before writing leaves no empty folder.
void CreateOutputFolder(const std::filesystem::path& dir);
// rmdir(2) of every folder CreateOutputFolder made, deepest first; a folder that has come to hold
// anything stays. For main's error path and the signal handler: async-signal-safe (rmdir(2) and
// reads of static memory only; POSIX.1-2017 §2.4.3).
void RemoveEmptyCreatedFolders();

// Runs Graphviz's dot on what this run wrote for `dot_file` (CurrentContents: its pending
// temporary file while an OutputSet is open) with `-T` `format` ("svg", "png:cairo"), and puts
// its standard output in `out`. dot is found on PATH and started with posix_spawnp, without a
// shell (any path works; dot's standard error goes to /dev/null). False when dot cannot be run or
// fails.
bool RunGraphviz(const std::filesystem::path& dot_file, const std::string& format,
                 std::string* out);
// Sends SIGTERM to the dot that RunGraphviz is running, if any, so that a run interrupted while
// rendering leaves no Graphviz behind. For the signal handler: async-signal-safe (kill(2) and a
// read of a volatile sig_atomic_t).
void StopGraphviz();

// Formats a double without trailing zeros (for reports).
std::string Fixed(double v, int digits);

// "1 group", "2 groups"; "1 person", "3 people" with `many` given.
std::string Counted(uint64_t n, const std::string& one, const std::string& many = "");

}  // namespace actorgraph::cli
