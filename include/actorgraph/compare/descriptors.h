// Descriptors (framing terms): the words around an actor's mentions, normalised as the matcher
// normalises (../shared/design/arabic-matching.md (a)), with the Arabic article and its proclitics
// removed by the inverse of the matcher's proclitic generation (StripArticle, spec (c)), stop words
// removed and every gazetteer name excluded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/match/matcher.h"
#include "actorgraph/text/normalize.h"
#include "actorgraph/text/segment.h"

namespace actorgraph {

// Transparent string hash for lookups by std::string_view without allocating.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// A stop list: one word per line, '#' starts a comment, blank lines ignored; every word is
// normalised (NormalizeString) when loaded, so any spelling variant of a listed word is a stop
// word. The shipped lists are data/stopwords/ar.txt and data/stopwords/en.txt (editable).
class StopWords {
 public:
  // Throws Error naming the file when it cannot be read.
  void AddFile(const std::filesystem::path& path);
  void AddText(std::string_view contents);
  bool Contains(std::string_view normalized) const { return words_.count(normalized) > 0; }
  size_t size() const { return words_.size(); }

 private:
  StringSet words_;
};

// Decides the descriptor key of one normalised token.
class TermFilter {
 public:
  // Names: every single-token alias of the gazetteer (labels, aliases, capitals, demonym forms) in
  // normalised form, with and without its article. Multi-token names are excluded where they are
  // matched (the tokens a mention covers never count).
  TermFilter(const Gazetteer& gazetteer, StopWords stop_words);

  // The key of `token` (a view into `token`), or "" when it is dropped: shorter than 2 code
  // points, containing a digit, a stop word (checked on the token, on it without a leading و/ف and
  // on the key), or a gazetteer name. Arabic keys have the article and its proclitics removed
  // (StripArticle): الشهيد, والشهيد, للشهيد -> شهيد. Bare proclitics (و, ب, ...) stay; they are
  // resolved with corpus counts afterwards (CompareCounts::Finish).
  std::string_view Key(std::string_view token) const;

  const StopWords& stop_words() const { return stop_; }
  size_t names() const { return names_.size(); }

 private:
  StopWords stop_;
  StringSet names_;
};

// Where each actor's contexts lie in one matched document.
struct DocContexts {
  std::vector<uint32_t> actors;  // distinct actors, in order of first mention
  // Per actor (parallel to `actors`): token ranges [begin, end), one per context: the distinct
  // sentences of its mentions (sentence contexts) or ±N tokens around each mention.
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> ranges;
  std::vector<uint8_t> covered;  // per token: 1 when inside a mention (a name, never a term)
};

// Finds the contexts of every mentioned actor. `context_tokens` = 0: the mention's sentence;
// N > 0: N tokens before and after the mention (within the document). `seg` and `norm` are the
// matcher's segmentation and normalised text of the document (MatchScratch), `mentions` its
// output (byte spans in the original text).
void FindContexts(const Segmentation& seg, const NormalizedText& norm,
                  const std::vector<Mention>& mentions, uint32_t context_tokens, DocContexts* out);

// Number of code points of valid UTF-8.
size_t CodePointCount(std::string_view s);

}  // namespace actorgraph
