// actorgraph explain A B: the evidence that links two actors.
#include <iostream>

#include "actorgraph/base/error.h"
#include "actorgraph/text/normalize.h"
#include "actorgraph/text/segment.h"
#include "cli/commands.h"
#include "cli/common.h"

namespace actorgraph::cli {
namespace {

// An actor by id, or by a name or alias that only one actor has.
int Resolve(const Gazetteer& g, const std::string& what) {
  if (int i = g.IndexOf(what); i >= 0) return i;
  std::string key = MatchKey(what);
  int found = -1;
  for (size_t i = 0; i < g.actors().size(); ++i) {
    for (const auto& al : g.actors()[i].aliases) {
      if (al.tier == Tier::kC || MatchKey(al.text) != key) continue;
      if (found >= 0 && found != static_cast<int>(i))
        throw Error("explain: '" + what + "' names several actors (" + g.actors()[found].id + ", " +
                    g.actors()[i].id + "); use an id");
      found = static_cast<int>(i);
    }
  }
  if (found < 0) throw Error("explain: no actor with id, name or alias '" + what + "'");
  return found;
}

}  // namespace

int RunExplain(int argc, char** argv) {
  cxxopts::Options options("explain",
                           "Show why two actors are linked: every window in which "
                           "both are named.\n\nUsage: actorgraph explain A B [options] "
                           "[inputs...]   (A, B: an id, a name or an alias)");
  AddCorpusOptions(options);
  options.add_options()("window", "co-occurrence window: sentence, paragraph or document",
                        cxxopts::value<std::string>()->default_value("sentence"))(
      "max-evidence", "evidence to show", Decimal<size_t>()->default_value("20"))(
      "args", "", cxxopts::value<std::vector<std::string>>());
  options.parse_positional({"args"});
  options.positional_help("A B [inputs...]");
  cxxopts::ParseResult args;
  if (!Parse(options, argc, argv, &args)) return 0;
  std::vector<std::string> rest;
  if (args.count("args")) rest = args["args"].as<std::vector<std::string>>();
  if (rest.size() < 2) throw Error("explain: need two actors (see 'actorgraph explain --help')");
  // Inputs may follow the two actors or be given with --inputs; both count.
  std::vector<std::string> inputs(rest.begin() + 2, rest.end());
  if (args.count("inputs"))
    for (const auto& i : args["inputs"].as<std::vector<std::string>>()) inputs.push_back(i);
  Corpus& corpus = KeepUntilExit([&] { return OpenCorpus(args, inputs); });
  int a = Resolve(corpus.gazetteer, rest[0]);
  int b = Resolve(corpus.gazetteer, rest[1]);
  if (a == b) throw Error("explain: '" + rest[0] + "' and '" + rest[1] + "' are the same actor");
  // The two actors named are looked for whatever their type: without --types, a media actor (left
  // out of networks by default) is counted too; with --types, leaving one out is an error rather
  // than "never named together".
  for (int actor : {a, b}) {
    const Actor& named = corpus.gazetteer.actors()[actor];
    if (corpus.types & TypeBit(named.type)) continue;
    if (!args.count("types")) {
      corpus.types |= TypeBit(named.type);
      continue;
    }
    throw Error("explain: " + named.id + " is a " + std::string(ToString(named.type)) +
                " actor, which --types " + TypesToString(corpus.types) + " leaves out");
  }
  const Matcher& matcher = KeepUntilExit([&] { return Matcher(corpus.gazetteer); });
  CountOptions co;
  co.cooccur.window = ParseWindow(args["window"].as<std::string>());
  co.cooccur.max_evidence = args["max-evidence"].as<size_t>();
  co.threads = corpus.threads;
  co.types = corpus.types;
  std::unique_ptr<RoleResolver> roles;
  if (corpus.roles) roles = std::make_unique<RoleResolver>(corpus.gazetteer);
  co.roles = roles.get();
  Cooccurrence& counts = KeepUntilExit([&] { return CountCorpus(matcher, *corpus.reader, co); });
  if (counts.documents() == 0) throw NoDocuments(*corpus.reader);
  const Actor& x = corpus.gazetteer.actors()[a];
  const Actor& y = corpus.gazetteer.actors()[b];
  auto it = counts.edges().find(Cooccurrence::Key(a, b));
  std::cout << x.label_en << " (" << x.id << ") - " << y.label_en << " (" << y.id << "): ";
  if (it == counts.edges().end()) {
    std::cout << "never named together in one " << ToString(co.cooccur.window) << " ("
              << Counted(counts.documents(), "document") << " read)\n";
    return 0;
  }
  const EdgeStats& e = it->second;
  // "3 sentences in 2 documents"; with --window document just "2 documents".
  std::cout << e.count << " " << ToString(co.cooccur.window) << (e.count == 1 ? "" : "s");
  if (co.cooccur.window != Window::kDocument)
    std::cout << " in " << e.documents << " document" << (e.documents == 1 ? "" : "s");
  std::cout << "\n";
  for (size_t i = 0; i < e.evidence.size(); ++i) {
    const Evidence& ev = e.evidence[i].evidence;
    std::cout << "\n"
              << i + 1 << ". " << ev.doc << (ev.date.empty() ? "" : " " + ev.date) << ", "
              << ToString(co.cooccur.window) << " " << ev.window << ", bytes " << ev.start << "-"
              << ev.end << "\n   " << ev.snippet << "\n";
    // Where the document came from, when the JSONL line said so.
    if (!ev.source.empty() || !ev.url.empty())
      std::cout << "   " << ev.source << (ev.source.empty() || ev.url.empty() ? "" : " ") << ev.url
                << "\n";
  }
  if (e.count > e.evidence.size())
    std::cout << "\n(" << e.count - e.evidence.size()
              << " more; raise --max-evidence to see them)\n";
  return 0;
}

}  // namespace actorgraph::cli
