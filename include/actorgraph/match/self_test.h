// The matcher's self-test of a gazetteer (issue 10, kind 0): every tier-A name, alias and
// generated form is put into a neutral sentence and must be found as its own actor. It backs the
// `gazetteer check` rule "alias can never match" and a suite test over the shipped gazetteer.
#pragma once

#include <string>

#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/gazetteer/gazetteer_check.h"
#include "actorgraph/match/matcher.h"

namespace actorgraph {

// The neutral sentences a form is put into: X replaced by the form.
inline constexpr std::string_view kNeutralEn = "In other news, X said in a statement on Monday.";
inline constexpr std::string_view kNeutralAr = "وفي سياق آخر، قال X في بيان أمس.";

// The sentence for one form (its alias language decides which).
std::string NeutralSentence(std::string_view form, std::string_view lang);

// Matches every tier-A alias of `g` (labels, aliases, capitals, demonyms and generated nisba
// forms; Arabic ones also with each proclitic chain of their first token, except ب-forms of
// capitals, which name the place: docs/matching.md kind 6) in its neutral sentence with
// `matcher` (built over `g`). Errors: a form that is not found as its actor ("can never match",
// with what was found instead). Warnings: a form that two actors share at tier A, so neither is
// found. Problems name the actor's file, its id and the field (aliases.en, capitals.ar, ...).
LintResult SelfTest(const Gazetteer& g, const Matcher& matcher);

}  // namespace actorgraph
