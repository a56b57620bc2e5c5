#include "actorgraph/analyse/slices.h"

#include <chrono>
#include <cstdio>

#include "actorgraph/base/error.h"
#include "actorgraph/read/reader.h"

namespace actorgraph {

SliceSpec ParseSlice(std::string_view spec) {
  SliceSpec s;
  if (spec == "year") return s;
  if (spec == "month") {
    s.kind = SliceSpec::kMonth;
    return s;
  }
  if (spec.size() >= 2 && spec.back() == 'd') {
    int n = 0;
    bool digits = true;
    for (char c : spec.substr(0, spec.size() - 1)) {
      if (c < '0' || c > '9' || n > 100000) digits = false;
      if (digits) n = n * 10 + (c - '0');
    }
    if (digits && n >= 1) {
      s.kind = SliceSpec::kDays;
      s.days = n;
      return s;
    }
  }
  throw Error("--slice: '" + std::string(spec) + "' is not one of year, month, Nd (e.g. 30d)");
}

std::string PeriodOf(std::string_view date, const SliceSpec& spec) {
  if (!IsIsoDate(date)) return "";
  if (spec.kind == SliceSpec::kYear) return std::string(date.substr(0, 4));
  if (spec.kind == SliceSpec::kMonth) return std::string(date.substr(0, 7));
  using namespace std::chrono;
  int y = std::stoi(std::string(date.substr(0, 4)));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(date.substr(5, 2))));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(date.substr(8, 2))));
  sys_days day{year{y} / month{m} / ::std::chrono::day{d}};
  long n = day.time_since_epoch().count();
  long start = (n >= 0 ? n / spec.days : -((-n + spec.days - 1) / spec.days)) * spec.days;
  year_month_day first{sys_days{days{start}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(first.year()),
                static_cast<unsigned>(first.month()), static_cast<unsigned>(first.day()));
  return buf;
}

}  // namespace actorgraph
