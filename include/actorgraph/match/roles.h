// Titles that name no person (رئيس الوزراء العراقي، the Iraqi prime minister, وزير الخارجية
// الإيراني) resolved to the holder of the office on the document's date, from the gazetteer's
// dated roles (gazetteer/README.md `roles`). Off by default (`--roles`): a title alone does not
// name a person for the accuracy tests.
//
// An office is a title pattern and a state: the phrase is a title (Arabic: الرئيس، رئيس الوزراء،
// رئيس وزراء، وزير الخارجية …; English: president, prime minister, foreign minister …) joined to
// a mention of a state, right after the title in Arabic (رئيس الوزراء العراقي، رئيس وزراء العراق)
// and in English before it ("Iraqi prime minister", "Iraq's prime minister") or after "of" ("prime
// minister of Iraq"). The pattern and the state's English label give the role titles it stands for
// ("Prime Minister of {S}" → "Prime Minister of Iraq"; "{S} Secretary of State"), which are looked
// up among the actors' roles. The holder is the actor whose term covers the date: start <= date <
// end (half-open, a handover day belongs to the successor, as the linter's overlap rule), an open
// end lasting to today. Nothing is resolved when the document has no date, the date falls outside
// every term, two terms cover it, or a person is named right after the phrase (رئيس الوزراء
// العراقي مصطفى الكاظمي is a mention of the name, not of the title).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/match/matcher.h"

namespace actorgraph {

class RoleResolver {
 public:
  explicit RoleResolver(const Gazetteer& gazetteer);

  // Adds how=kRole mentions for `text`, whose normalisation and segmentation are in `scratch`
  // and whose mentions Matcher::Match put in `mentions` (kept in text order). `date` is the
  // document's date (YYYY-MM-DD, optionally followed by a time) or empty.
  void Resolve(std::string_view text, std::string_view date, const MatchScratch& scratch,
               std::vector<Mention>* mentions) const;

  // The holder of `title` on `date` (YYYY-MM-DD): an actor index, or -1 when no term or more
  // than one covers the date.
  int Holder(const std::string& title, std::string_view date) const;

  size_t offices() const { return terms_.size(); }  // distinct role titles with dated terms

 private:
  struct Term {
    std::string start, end;  // end "" while in office
    uint32_t actor;
  };
  const Gazetteer& gazetteer_;
  std::vector<std::pair<std::string, std::vector<Term>>> terms_;  // by title, sorted
};

}  // namespace actorgraph
