// actorgraph gazetteer suggest: ranked candidate actors that the gazetteer does not know.
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/base/error.h"
#include "actorgraph/suggest/suggest.h"
#include "cli/commands.h"
#include "cli/common.h"

namespace actorgraph::cli {
namespace {

std::string Tsv(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string CuesText(const SuggestCandidate& c) {
  std::string out;
  for (size_t k = 0; k < kCueKinds; ++k) {
    if (!c.cues[k]) continue;
    if (!out.empty()) out += ',';
    out += std::string(ToString(static_cast<Cue>(k))) + "=" + std::to_string(c.cues[k]);
  }
  return out;
}

void WriteTsv(const std::vector<SuggestCandidate>& cands, std::ostream& out) {
  out << "rank\tscore\ttype\tlabel\tlang\tmentions\tdocuments\tcue_hits\tcues\tforms\texample_1\t"
         "example_2\n";
  for (size_t i = 0; i < cands.size(); ++i) {
    const SuggestCandidate& c = cands[i];
    std::string forms;
    for (const auto& f : c.forms) forms += (forms.empty() ? "" : "|") + f.text;
    out << i + 1 << '\t' << Fixed(c.score, 2) << '\t' << c.type << '\t' << Tsv(c.label) << '\t'
        << c.lang << '\t' << c.mentions << '\t' << c.documents << '\t' << c.cue_hits << '\t'
        << CuesText(c) << '\t' << Tsv(forms) << '\t'
        << Tsv(c.examples.size() > 0 ? c.examples[0] : "") << '\t'
        << Tsv(c.examples.size() > 1 ? c.examples[1] : "") << '\n';
  }
}

// Entries in the gazetteer's own format (gazetteer/README.md). Places are not actors and are left
// out; an Arabic candidate's English label repeats the Arabic one until someone edits it.
void WriteJson(const std::vector<SuggestCandidate>& cands, const Gazetteer& g, std::ostream& out) {
  std::set<std::string> taken;
  for (const auto& a : g.actors()) taken.insert(a.id);
  nlohmann::ordered_json doc;
  doc["actorgraph_gazetteer"] = 1;
  doc["description"] =
      "Candidates from actorgraph gazetteer suggest: check each entry, fix type, labels and "
      "aliases, delete the rest";
  doc["actors"] = nlohmann::ordered_json::array();
  for (const SuggestCandidate& c : cands) {
    if (c.type == "place") continue;
    nlohmann::ordered_json e;
    e["id"] = SuggestId(c, &taken);
    e["type"] = c.type;
    e["label"] = {{"ar", c.label}, {"en", c.label}};
    std::vector<std::string> aliases;
    std::set<std::string> keys = {MatchKey(c.label)};
    for (const auto& f : c.forms)
      if (keys.insert(MatchKey(f.text)).second) aliases.push_back(f.text);
    e["aliases"] = {{c.lang, aliases}};
    std::ostringstream note;
    note << "suggested: score " << Fixed(c.score, 2) << ", " << c.mentions << " mentions in "
         << c.documents << " documents, cues " << CuesText(c);
    for (const auto& ex : c.examples) note << "; " << ex;
    e["note"] = note.str();
    doc["actors"].push_back(std::move(e));
  }
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace

int RunGazetteerSuggest(int argc, char** argv) {
  cxxopts::Options options(
      "gazetteer suggest",
      "Rank names in the corpus that the gazetteer does not know (titles, group heads, name "
      "structure, quotes, verbs of speech; capitalised words in English). Documents are read in "
      "input order in one thread (--threads does not apply).\n\n"
      "Usage: actorgraph gazetteer suggest [options] [inputs...]");
  AddCorpusOptions(options);
  options.add_options()("format",
                        "tsv (a table) or json (gazetteer entries to edit and load with -g)",
                        cxxopts::value<std::string>()->default_value("tsv"))(
      "top", "candidates to print (0 = all)", Decimal<size_t>()->default_value("100"))(
      "min-mentions", "drop candidates with fewer mentions", Decimal<size_t>()->default_value("1"))(
      "given-names", "given-name list (default: given_names.txt next to the shipped gazetteer)",
      cxxopts::value<std::string>())("o,output", "write to FILE instead of standard output",
                                     cxxopts::value<std::string>());
  options.parse_positional({"inputs"});
  options.positional_help("[inputs...]");
  cxxopts::ParseResult args;
  if (!Parse(options, argc, argv, &args)) return 0;
  if (args.count("output") && args["output"].as<std::string>().empty())
    throw Error("-o/--output: empty path (name a file)");  // before the corpus is read
  std::string format = args["format"].as<std::string>();
  if (format != "tsv" && format != "json")
    throw Error("--format: '" + format + "' is not one of tsv, json");

  SuggestOptions so;
  so.min_mentions = args["min-mentions"].as<size_t>();
  std::string names = args.count("given-names") ? args["given-names"].as<std::string>() : "";
  if (names.empty()) {
    auto p = DefaultGazetteerPath() / "given_names.txt";
    if (std::filesystem::exists(p)) names = p.string();
  }
  if (!names.empty()) so.given_names = LoadGivenNames(names);

  Corpus& corpus = KeepUntilExit([&] { return OpenCorpus(args); });
  const Matcher& matcher = KeepUntilExit([&] { return Matcher(corpus.gazetteer); });
  Suggester suggester(corpus.gazetteer, matcher, so);
  Document doc;
  while (corpus.reader->Next(&doc)) suggester.AddDocument(doc);
  if (corpus.reader->documents() == 0) throw NoDocuments(*corpus.reader);
  std::vector<SuggestCandidate> cands = suggester.Finish();
  if (args.count("types")) {  // by the guessed type (places are kept only under "all")
    std::vector<SuggestCandidate> kept;
    for (auto& c : cands) {
      ActorType t;
      if ((ParseActorType(c.type, &t) && (corpus.types & TypeBit(t))) || corpus.types == kAllTypes)
        kept.push_back(std::move(c));
    }
    cands = std::move(kept);
  }
  size_t top = args["top"].as<size_t>();
  if (top && cands.size() > top) cands.resize(top);

  std::ostringstream text;
  if (format == "json")
    WriteJson(cands, corpus.gazetteer, text);
  else
    WriteTsv(cands, text);
  if (args.count("output")) {
    std::string body = text.str();
    std::filesystem::path file = args["output"].as<std::string>();
    if (file.has_parent_path()) CreateOutputFolder(file.parent_path());  // as build's -o does
    WriteFileAtomically(file, [&](std::ostream& out) { out << body; });
  } else {
    std::cout << text.str();
  }
  return 0;
}

}  // namespace actorgraph::cli
