// actorgraph mentions: every mention, as a KWIC table or JSON lines.
#include <iostream>
#include <nlohmann/json.hpp>

#include "actorgraph/base/error.h"
#include "cli/commands.h"
#include "cli/common.h"

namespace actorgraph::cli {
namespace {

// Up to `n` characters of `text` before `pos` (or after, when `forward`), white space collapsed.
std::string Context(std::string_view text, size_t pos, size_t n, bool forward) {
  std::string out;
  size_t chars = 0;
  if (forward) {
    size_t i = pos;
    while (i < text.size() && chars < n) {
      size_t len = 1;
      while (i + len < text.size() && (static_cast<unsigned char>(text[i + len]) & 0xC0) == 0x80)
        ++len;
      auto c = static_cast<unsigned char>(text[i]);
      out += (c < 0x20 || c == 0x7F) ? std::string(" ")  // a control character: one line
                                     : std::string(text.substr(i, len));
      i += len;
      ++chars;
    }
    return out;
  }
  size_t i = pos;
  std::vector<std::string_view> pieces;
  while (i > 0 && chars < n) {
    size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    pieces.push_back(text.substr(start, i - start));
    i = start;
    ++chars;
  }
  for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) {
    auto c = static_cast<unsigned char>((*it)[0]);
    out += (it->size() == 1 && (c < 0x20 || c == 0x7F)) ? std::string(" ") : std::string(*it);
  }
  return out;
}

std::string Pad(const std::string& s, size_t width, bool left) {
  size_t chars = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++chars;
  std::string pad(chars < width ? width - chars : 0, ' ');
  return left ? pad + s : s + pad;
}

}  // namespace

int RunMentions(int argc, char** argv) {
  cxxopts::Options options("mentions",
                           "List every actor mention with its context.\n\n"
                           "Usage: actorgraph mentions [options] [inputs...]");
  AddCorpusOptions(options);
  options.add_options()("format", "table (KWIC) or jsonl",
                        cxxopts::value<std::string>()->default_value("table"))(
      "context", "characters of context on each side (table)",
      Decimal<size_t>()->default_value("30"));
  options.parse_positional({"inputs"});
  options.positional_help("[inputs...]");
  cxxopts::ParseResult args;
  if (!Parse(options, argc, argv, &args)) return 0;
  std::string format = args["format"].as<std::string>();
  if (format != "table" && format != "jsonl")
    throw Error("--format: '" + format + "' is not one of table, jsonl");
  size_t ctx = args["context"].as<size_t>();

  Corpus& corpus = KeepUntilExit([&] { return OpenCorpus(args); });
  if (!args.count("types")) corpus.types = kAllTypes;  // media are listed, not networked
  const Matcher& matcher = KeepUntilExit([&] { return Matcher(corpus.gazetteer); });
  const auto& actors = corpus.gazetteer.actors();
  ForEachMatched(
      corpus, matcher,
      [&](const Document& doc, const MatchScratch&, const std::vector<Mention>& mentions) {
        for (const Mention& m : mentions) {
          const Actor& a = actors[m.actor];
          std::string surface = doc.text.substr(m.start, m.end - m.start);
          if (format == "jsonl") {
            nlohmann::ordered_json j;
            j["doc"] = doc.id;
            j["actor"] = a.id;
            j["label_en"] = a.label_en;
            j["type"] = ToString(a.type);
            j["how"] = ToString(m.how);
            j["sentence"] = m.sentence;
            j["start"] = m.start;
            j["end"] = m.end;
            j["surface"] = surface;
            std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
          } else {
            std::cout << Pad(OneLine(doc.id), 24, false) << " "
                      << Pad(std::to_string(m.sentence), 4, true) << "  " << Pad(a.id, 28, false)
                      << " " << Pad(std::string(ToString(m.how)), 8, false) << " "
                      << Pad(Context(doc.text, m.start, ctx, false), ctx, true) << " ["
                      << OneLine(surface) << "] " << Context(doc.text, m.end, ctx, true) << "\n";
          }
        }
      });
  return 0;
}

}  // namespace actorgraph::cli
