// The gazetteer linter behind `actorgraph gazetteer check`.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "actorgraph/gazetteer/gazetteer.h"

namespace actorgraph {

struct LintResult {
  std::vector<GazetteerProblem> errors;
  std::vector<GazetteerProblem> warnings;
};

// Rules (errors): an alias shared by two actors at the same tier; an always-on (tier A) Arabic
// alias that normalises to a common word of `stopwords`; bad role dates (not YYYY-MM-DD, end before
// start) and overlapping terms of one office; an affiliation to an unknown id
// (UnresolvedReferences); an affiliation to itself. Warnings: a tier-B alias that is also some
// actor's tier-A alias; an alias that contains another actor's name as whole words (the longest
// match hides the actor inside it; demonyms inside names are not reported); aliases of different
// actors that differ only by a proclitic (و ف ب ل ك, لل) or the article ال (arabic-matching.md (c):
// the generated forms of one are the other's name).
LintResult LintGazetteer(const Gazetteer& g, const std::set<std::string>& stopwords);

// References that resolve to no loaded actor: each affiliation id (the only field that names
// another actor; gazetteer/README.md "Fields") must be the id of an actor of `g`, which holds every
// file loaded together (a user file is checked with the gazetteer it is used with). One problem
// per reference, in load order: {file, actor id, "affiliations", "unknown actor id 'X' (no loaded
// gazetteer file defines it)"}. `gazetteer check` reports them as errors; the CLI's corpus
// commands (build, mentions, …) stop with the first of them, the same line, so a reference never
// silently resolves to nothing (an empty `country`). An affiliation to the actor itself is a
// separate lint error, not reported here.
std::vector<GazetteerProblem> UnresolvedReferences(const Gazetteer& g);

// Reads a stop list: one word per line, '#' starts a comment; words are normalised.
std::set<std::string> LoadStopwords(const std::string& path);

}  // namespace actorgraph
