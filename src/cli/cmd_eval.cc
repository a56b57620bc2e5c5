// actorgraph eval: article-level actor presence against a gold file.
#include <iostream>

#include "actorgraph/base/error.h"
#include "actorgraph/match/eval.h"
#include "cli/commands.h"
#include "cli/common.h"

namespace actorgraph::cli {

int RunEval(int argc, char** argv) {
  cxxopts::Options options("eval",
                           "Compare the actors found in each article with a gold file "
                           "(optional gold actors count neither way).\n\n"
                           "Usage: actorgraph eval --gold FILE [options] [inputs...]");
  AddCorpusOptions(options);
  options.add_options()("gold", "gold file (JSON, the format of examples/gold.json)",
                        cxxopts::value<std::string>());
  options.parse_positional({"inputs"});
  options.positional_help("[inputs...]");
  cxxopts::ParseResult args;
  if (!Parse(options, argc, argv, &args)) return 0;
  if (!args.count("gold")) throw Error("eval: --gold FILE is required");
  const std::string gold_path = args["gold"].as<std::string>();
  auto gold = LoadGold(gold_path);
  if (gold.empty()) throw Error("eval: " + gold_path + " lists no documents");

  Corpus& corpus = KeepUntilExit([&] { return OpenCorpus(args); });
  const Matcher& matcher = KeepUntilExit([&] { return Matcher(corpus.gazetteer); });
  std::map<std::string, Found> found;
  std::map<std::string, std::string> origin_of;  // document id -> where it was first read
  ForEachMatched(
      corpus, matcher,
      [&](const Document& doc, const MatchScratch&, const std::vector<Mention>& mentions) {
        // Gold entries find their document by id: two documents with one id would be scored as
        // one (d1/a.txt and d2/a.txt are both 'a').
        auto [first, fresh] = origin_of.emplace(doc.id, doc.origin);
        if (!fresh)
          throw Error("eval: two documents have the id '" + doc.id + "' (" + first->second + ", " +
                      doc.origin +
                      "); a gold entry names one document, so give each input a distinct name");
        Found& f = found[doc.id];
        for (const Mention& m : mentions)
          f[static_cast<int>(m.actor)].insert(doc.text.substr(m.start, m.end - m.start));
      });
  EvalReport r = Evaluate(gold, corpus.gazetteer, found);
  // Nothing scored is no score: P, R and F1 of 1.000 on zero documents would read as perfect.
  if (r.documents == 0)
    throw Error("eval: no document of " + gold_path + " (" + Counted(gold.size(), "document") +
                ") is among the inputs (a gold 'file' is matched by its name without extension "
                "against the inputs' document ids)");

  auto line = [](const std::string& name, const Counts& c) {
    std::cout << name;
    for (size_t i = name.size(); i < 10; ++i) std::cout << ' ';
    std::cout << "P " << Fixed(c.Precision(), 3) << "  R " << Fixed(c.Recall(), 3) << "  F1 "
              << Fixed(c.F1(), 3) << "  (tp " << c.tp << ", fp " << c.fp << ", fn " << c.fn
              << ")\n";
  };
  std::cout << "documents: " << r.documents << "\n";
  line("overall", r.overall);
  for (const auto& [type, c] : r.by_type) line(type, c);
  if (!r.misses.empty()) std::cout << "\nmisses:\n";
  for (const auto& e : r.misses)
    std::cout << "  " << e.doc << "  " << e.name << " (" << e.type << ")"
              << (e.actor.empty() ? " [not in the gazetteer]" : "") << "  forms: " << e.surface
              << "\n";
  if (!r.false_hits.empty()) std::cout << "\nfalse hits:\n";
  for (const auto& e : r.false_hits)
    std::cout << "  " << e.doc << "  " << e.name << " (" << e.type << ", " << e.actor
              << ")  surface: " << e.surface << "\n";
  for (const auto& d : r.missing_documents)
    std::cerr << "actorgraph: warning: gold document " << OneLine(d)
              << " is not among the inputs\n";
  return 0;
}

}  // namespace actorgraph::cli
