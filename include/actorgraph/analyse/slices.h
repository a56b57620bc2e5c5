// Time slices: which period a document date falls in, for --slice year|month|Nd (one network per
// period, so an actor's measures can be followed over time).
#pragma once

#include <string>
#include <string_view>

namespace actorgraph {

struct SliceSpec {
  enum Kind { kYear, kMonth, kDays } kind = kYear;
  int days = 0;  // kDays: period length
};

// "year", "month" or "Nd" with N >= 1 (e.g. "7d", "30d"). Throws Error otherwise.
SliceSpec ParseSlice(std::string_view spec);

// The period of an ISO date (YYYY-MM-DD): year "2021", month "2021-03", or for Nd the first day
// of the N-day period counted from 1970-01-01 (proleptic Gregorian calendar), "2021-03-05".
// "" for an empty or invalid date (the document is left out of the slices).
std::string PeriodOf(std::string_view date, const SliceSpec& spec);

}  // namespace actorgraph
