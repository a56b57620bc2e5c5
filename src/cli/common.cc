#include "cli/common.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "actorgraph/base/error.h"

namespace actorgraph::cli {

void AddCorpusOptions(cxxopts::Options& options) {
  options.add_options()("g,gazetteer",
                        "gazetteer file or folder (repeatable; default: the shipped gazetteer/)",
                        cxxopts::value<std::vector<std::string>>())(
      "threads", "worker threads (0 = all cores)", cxxopts::value<unsigned>()->default_value("0"))(
      "strict", "fail on the first invalid document instead of skipping it")(
      "q,quiet", "no progress line and no warnings")(
      "encoding",
      "input encoding: auto (a byte order mark, else valid UTF-8, else ICU's charset detector), "
      "or any ICU converter name: utf-8, utf-16, utf-16le, utf-16be, cp1256, iso-8859-6, ...",
      cxxopts::value<std::string>()->default_value("auto"))(
      "max-line-bytes", "refuse (skip) a line longer than this many bytes",
      cxxopts::value<uint64_t>()->default_value("67108864"))("h,help", "show this help")(
      "inputs",
      "files (.txt, .jsonl), folders (recursive) or - for standard input "
      "(default: the sample corpus examples/articles)",
      cxxopts::value<std::vector<std::string>>());
}

bool Parse(cxxopts::Options& options, int argc, char** argv, cxxopts::ParseResult* result) {
  options.set_width(110);
  try {
    *result = options.parse(argc, argv);
  } catch (const cxxopts::exceptions::exception& e) {
    throw Error(std::string(e.what()) + " (see 'actorgraph " + options.program() + " --help')");
  }
  if (result->count("help")) {
    std::cout << options.help() << std::endl;
    return false;
  }
  return true;
}

Gazetteer LoadGazetteer(const cxxopts::ParseResult& args) {
  std::vector<std::filesystem::path> paths;
  if (args.count("gazetteer"))
    for (const auto& g : args["gazetteer"].as<std::vector<std::string>>()) paths.push_back(g);
  else
    paths.push_back(DefaultGazetteerPath());
  return Gazetteer::Load(paths);
}

Corpus OpenCorpus(const cxxopts::ParseResult& args) {
  return OpenCorpus(args, args.count("inputs") ? args["inputs"].as<std::vector<std::string>>()
                                               : std::vector<std::string>{});
}

Corpus OpenCorpus(const cxxopts::ParseResult& args, std::vector<std::string> inputs) {
  Corpus c;
  c.quiet = args.count("quiet") > 0;
  c.threads = args["threads"].as<unsigned>();
  c.gazetteer = LoadGazetteer(args);
  c.inputs = std::move(inputs);
  if (c.inputs.empty()) c.inputs.push_back(DefaultCorpusPath().string());
  ReaderOptions ro;
  ro.strict = args.count("strict") > 0;
  ro.encoding = args["encoding"].as<std::string>();
  ro.max_line_bytes = args["max-line-bytes"].as<uint64_t>();
  if (ro.max_line_bytes == 0) throw Error("--max-line-bytes: must be at least 1");
  bool quiet = c.quiet;
  ro.warn = [quiet](const std::string& w) {
    if (!quiet) std::cerr << "actorgraph: warning: " << w << "\n";
  };
  c.reader = std::make_unique<DocumentReader>(c.inputs, ro);
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
  while (corpus.reader->Next(&doc)) {
    matcher.Match(doc.text, &sc, &mentions);
    fn(doc, sc, mentions);
  }
  if (corpus.reader->documents() == 0) throw NoDocuments(*corpus.reader);
}

Error NoDocuments(const DocumentReader& reader) {
  return Error("no documents to process" +
               (reader.skipped() ? " (" + std::to_string(reader.skipped()) + " skipped)"
                                 : std::string(" (empty corpus)")));
}

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace actorgraph::cli
