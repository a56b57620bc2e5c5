// actorgraph build: read articles, find actors, write the network.
#include <iostream>
#include <map>
#include <optional>

#include "actorgraph/analyse/slices.h"
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
      "max-evidence", "evidence snippets kept per edge", Decimal<size_t>()->default_value("5"))(
      "slice",
      "also write one network per period (year, month or Nd) and slices.csv; counts on one thread",
      cxxopts::value<std::string>());
  options.parse_positional({"inputs"});
  options.positional_help("[inputs...]");
  cxxopts::ParseResult args;
  if (!Parse(options, argc, argv, &args)) return 0;

  CountOptions count_options;
  count_options.cooccur.window = ParseWindow(args["window"].as<std::string>());
  count_options.cooccur.max_evidence = args["max-evidence"].as<size_t>();
  Output out = ParseOutput(args);  // checks the output folder before the (possibly long) run

  std::optional<SliceSpec> slice;
  if (args.count("slice")) slice = ParseSlice(args["slice"].as<std::string>());

  Corpus& corpus = KeepUntilExit([&] { return OpenCorpus(args); });
  count_options.cooccur.types = corpus.types;  // recorded with the counts (partial graphs)
  count_options.cooccur.roles = corpus.roles;
  const Matcher& matcher = KeepUntilExit([&] { return Matcher(corpus.gazetteer); });
  if (slice) {
    // One pass: the whole corpus and each period counted side by side, in input order.
    const size_t n = corpus.gazetteer.actors().size();
    Cooccurrence counts(n, count_options.cooccur);
    std::map<std::string, Cooccurrence> periods;
    MatchScratch sc;
    std::vector<Mention> mentions;
    Document doc;
    uint64_t undated = 0;
    while (corpus.reader->Next(&doc)) {
      matcher.Match(doc.text, &sc, &mentions);
      auto windows = WindowSpans(sc, count_options.cooccur.window, doc.text.size());
      counts.AddDocument(doc, mentions, windows);
      counts.AddSentences(sc.seg.sentences.size());
      std::string period = PeriodOf(doc.date, *slice);
      if (period.empty()) {
        ++undated;
        continue;
      }
      auto it = periods.try_emplace(period, n, count_options.cooccur).first;
      it->second.AddDocument(doc, mentions, windows);
      it->second.AddSentences(sc.seg.sentences.size());
    }
    if (counts.documents() == 0) throw NoDocuments(*corpus.reader);
    WriteOutputs(out, counts, corpus.gazetteer, corpus.reader->skipped());
    if (undated && !corpus.quiet)  // -q: no warnings (as compare)
      std::cerr << "actorgraph: warning: " << Counted(undated, "document")
                << " without a valid date " << (undated == 1 ? "is" : "are")
                << " left out of the slices\n";
    WriteSlices(out, periods, corpus.gazetteer);
    return 0;
  }
  count_options.threads = corpus.threads;
  count_options.types = corpus.types;
  std::unique_ptr<RoleResolver> roles;
  if (corpus.roles) roles = std::make_unique<RoleResolver>(corpus.gazetteer);
  count_options.roles = roles.get();
  count_options.progress = ProgressPrinter(corpus.quiet);
  Cooccurrence& counts =
      KeepUntilExit([&] { return CountCorpus(matcher, *corpus.reader, count_options); });
  EndProgress(corpus.quiet);
  if (counts.documents() == 0) throw NoDocuments(*corpus.reader);
  WriteOutputs(out, counts, corpus.gazetteer, corpus.reader->skipped());
  return 0;
}

}  // namespace actorgraph::cli
