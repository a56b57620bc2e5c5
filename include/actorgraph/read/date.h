// Reading the dates that news metadata carries, into the ISO 8601 calendar date (YYYY-MM-DD) that
// Document::date, the GEXF timeline and `compare --by date:month` use.
#pragma once

#include <string>
#include <string_view>

namespace actorgraph {

// Parses a publication date written in one of the common forms and returns it as "YYYY-MM-DD",
// or "" when the value is not a date it can read with certainty. Accepted (digits may be ASCII,
// Arabic-Indic ٠-٩ or Extended Arabic-Indic ۰-۹; a leading weekday name and a trailing time are
// ignored):
//   ISO 8601 and its relatives: 2024-05-15, 2024-05-15T10:30:00Z, 2024/05/15, 2024.05.15, 20240515
//   numeric day and month: 15/05/2024, 15-05-2024, 15.05.2024 (two-digit years as POSIX strptime's
//     %y: 00-68 are 2000-2068, 69-99 are 1969-1999), in
//     `order`: day first (the default: Arabic, European and British usage) or month first (the US
//     order). When both numbers are at most 12 (03/04/2024) the order decides; when one is above
//     12 only one reading is a date, and it is taken even against the order, with
//     `*other_order` (optional) set to true (ISO 8601 has no such form)
//   month names: 15 May 2024, May 15, 2024 (English, full or abbreviated); in Arabic the three
//   month
//     name series — Syriac (كانون الثاني … كانون الأول, Levant and Iraq), Latin-derived (يناير …
//     ديسمبر, Egypt, Sudan and the Gulf) and French-derived (جانفي … ديسمبر, Algeria and Tunisia) —
//     e.g. "١٥ أيار ٢٠٢٤", "الأربعاء 15 مايو 2024", "15 جوان 2024"; a series pair "أيار/مايو" also
//     works.
// The day is checked against the month's length (leap years by the Gregorian rule), the year
// against 1000–9999. `*problem` (optional) receives, when a form matched but its numbers name no
// day, the reason: "February 2023 has 28 days", "there is no month 13", "there is no day 0",
// "year 202 is outside 1000-9999"; else "" (also when no form matched at all).
enum class DateOrder { kDayFirst, kMonthFirst };
std::string ParseDate(std::string_view text, DateOrder order = DateOrder::kDayFirst,
                      bool* other_order = nullptr, std::string* problem = nullptr);

}  // namespace actorgraph
