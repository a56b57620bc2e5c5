// actorgraph build: read articles, find actors, write the network.
#include "actorgraph/base/error.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/output.h"

namespace actorgraph::cli {

int RunBuild(int argc, char** argv) {
  cxxopts::Options options("build",
                           "Read articles, find the actors named in them and write the "
                           "co-occurrence network.\n\nUsage: actorgraph build [options] "
                           "[inputs...]");
  AddCorpusOptions(options);
  AddOutputOptions(options);
  options.add_options()("window", "co-occurrence window: sentence, paragraph or document",
                        cxxopts::value<std::string>()->default_value("sentence"))(
      "max-evidence", "evidence snippets kept per edge",
      cxxopts::value<size_t>()->default_value("5"));
  options.parse_positional({"inputs"});
  options.positional_help("[inputs...]");
  cxxopts::ParseResult args;
  if (!Parse(options, argc, argv, &args)) return 0;

  CountOptions count_options;
  count_options.cooccur.window = ParseWindow(args["window"].as<std::string>());
  count_options.cooccur.max_evidence = args["max-evidence"].as<size_t>();
  Output out = ParseOutput(args);  // checks the output folder before the (possibly long) run

  Corpus corpus = OpenCorpus(args);
  Matcher matcher(corpus.gazetteer);
  count_options.threads = corpus.threads;
  count_options.progress = ProgressPrinter(corpus.quiet);
  Cooccurrence counts = CountCorpus(matcher, *corpus.reader, count_options);
  EndProgress(corpus.quiet);
  if (counts.documents() == 0) throw NoDocuments(*corpus.reader);
  WriteOutputs(out, counts, corpus.gazetteer, corpus.reader->skipped());
  return 0;
}

}  // namespace actorgraph::cli
