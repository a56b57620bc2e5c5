// Candidate discovery for `actorgraph gazetteer suggest`: names of actors that the gazetteer does
// not know, found from evidence in the text and ranked.
//
// Arabic has no capital letters, so a candidate needs a cue (the contextual and spelling rules of
// Collins & Singer 1999, "Unsupervised models for named entity classification", EMNLP; the title
// and group-head patterns of the Arabic NER gazetteer-free rules in Shaalan & Raza 2009, "NERA:
// named entity recognition for Arabic", JASIST 60(8)):
//   * title    a title or role right before a name (الرئيس، رئيس الوزراء، وزير الخارجية، الشيخ،
//              اللواء، المتحدث باسم …; President, Minister, Sheikh, General …), optionally with a
//              demonym or nationality in between (الرئيس الأمريكي جو بايدن);
//   * head     a group or media head followed by a name (حركة، حزب، كتائب، جبهة …; وكالة، صحيفة،
//              قناة …); the head is part of the name (حركة أحرار الشام);
//   * place    a place head (مدينة، محافظة، بلدة …) followed by a name;
//   * name     name structure: أبو/أم X، عبد + a divine name, X بن/ابن Y, a known given name
//   followed
//              by a family name;
//   * quote    a name of one to four words inside quotation marks («…», "…");
//   * speech   a verb of speech next to a name (قال، أكد، أعلن … before it; said, told … after it);
//   * caps     English only: a sequence of capitalised words; one seen only at the start of a
//              sentence is dropped.
// Within a document, later mentions of a cued name (the full form, or its last word when that is a
// family name) count as mentions ("one sense per discourse", Gale, Church & Yarowsky 1992).
//
// Variants are merged into one candidate under a merge key: tokens normalised as the matcher does
// (arabic-matching.md (a)), proclitics و/ف/ب/ل/ك removed where the remainder was itself seen, the
// article ال and English al-/el- removed, عبد joined to the next word, English titles dropped.
// Then an extension seen at most half as often as the name it extends (جو بايدن وبحث) joins it,
// and a key that is the last word(s) of a longer one (الكاظمي، أبو مرزوق) joins it: the only one,
// or where several end in it, the one its mentions stood for most often in their documents. A
// form that is only part of a known alias or office title, or only title words, is never
// suggested, and text already matched by the gazetteer is never part of a candidate. Names never
// take words with tanween, a possessive suffix, a preposition on the article (للصراع) or a leading
// conjunction (وبحث).
//
// Cost: one pass, one thread, memory for the distinct cued forms only (20 MB of news: about 7 s and
// 20 MB of memory on the shared 2-core machine).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/match/matcher.h"
#include "actorgraph/read/document.h"

namespace actorgraph {

// The cue kinds, in the order of SuggestCandidate::cues.
enum class Cue : uint8_t { kTitle, kHead, kPlace, kName, kQuote, kSpeech, kCaps };
inline constexpr size_t kCueKinds = 7;
std::string_view ToString(Cue c);

struct SuggestOptions {
  // Given names that start a person's name (normalised on use). LoadGivenNames reads the shipped
  // list; the given names of the gazetteer's people are always added.
  std::vector<std::string> given_names;
  size_t contexts = 2;        // example contexts kept per candidate
  size_t context_chars = 40;  // code points of context on each side
  size_t min_mentions = 1;    // drop candidates with fewer mentions
};

struct SuggestForm {
  std::string text;  // as first written in the corpus (original spelling)
  uint64_t count = 0;
};

struct SuggestCandidate {
  std::string label;       // the most frequent full form, as written
  std::string lang;        // "ar" or "en"
  std::string type;        // guess: person, group, state, place or media
  double score = 0;        // see Suggester::Finish
  uint64_t mentions = 0;   // occurrences of any form
  uint64_t documents = 0;  // documents with at least one mention
  uint64_t cue_hits = 0;   // occurrences with a cue (any kind)
  uint64_t cues[kCueKinds] = {};
  std::vector<SuggestForm> forms;     // by count, then text
  std::vector<std::string> examples;  // "doc: …context [name] context…", earliest first
  std::string key;                    // the merge key
};

// Accumulates documents in input order (deterministic); Finish ranks the candidates.
class Suggester {
 public:
  // `matcher` must be compiled from `gazetteer`; both must outlive the Suggester.
  Suggester(const Gazetteer& gazetteer, const Matcher& matcher, SuggestOptions options);
  ~Suggester();
  Suggester(const Suggester&) = delete;
  Suggester& operator=(const Suggester&) = delete;

  void AddDocument(const Document& doc);

  // Merges variants, guesses types and ranks. score = Σ_k w_k·log2(1 + cue hits of kind k) +
  // log2(1 + mentions) + log2(documents), with w = title 3, head 3, place 2, name 2, quote 1.5,
  // speech 1, caps 1 (a ranking heuristic; tuned on the cue kinds' precision, not on any corpus);
  // ties broken by key. Returns the candidates by score, best first.
  std::vector<SuggestCandidate> Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads a given-name list: one name per line, '#' starts a comment. Throws Error naming the file.
std::vector<std::string> LoadGivenNames(const std::string& path);

// A gazetteer id for a candidate ("mustafa_al_kadhimi" from an English form, else "cand_" and 8
// hex digits of the SHA-256 of its key), unique within `taken` (which it extends).
std::string SuggestId(const SuggestCandidate& c, std::set<std::string>* taken);

}  // namespace actorgraph
