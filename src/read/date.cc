#include "actorgraph/read/date.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace actorgraph {
namespace {

// Month names, folded as Fold() folds the text: lower-case Latin, hamza-less alef, ه for ة, ي for
// ى.
struct MonthName {
  const char* name;
  int month;
};
const MonthName kMonths[] = {
    // English, full and abbreviated.
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"may", 5},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    {"jan", 1},
    {"feb", 2},
    {"mar", 3},
    {"apr", 4},
    {"jun", 6},
    {"jul", 7},
    {"aug", 8},
    {"sep", 9},
    {"sept", 9},
    {"oct", 10},
    {"nov", 11},
    {"dec", 12},
    // Syriac series (Levant, Iraq).
    {"كانون الثاني", 1},
    {"شباط", 2},
    {"اذار", 3},
    {"نيسان", 4},
    {"ايار", 5},
    {"حزيران", 6},
    {"تموز", 7},
    {"اب", 8},
    {"ايلول", 9},
    {"تشرين الاول", 10},
    {"تشرين الثاني", 11},
    {"كانون الاول", 12},
    // Latin-derived series (Egypt, Sudan, the Gulf), with common spellings.
    {"يناير", 1},
    {"فبراير", 2},
    {"مارس", 3},
    {"ابريل", 4},
    {"مايو", 5},
    {"يونيو", 6},
    {"يونيه", 6},
    {"يوليو", 7},
    {"يوليه", 7},
    {"اغسطس", 8},
    {"سبتمبر", 9},
    {"اكتوبر", 10},
    {"نوفمبر", 11},
    {"ديسمبر", 12},
    // French-derived series (Algeria, Tunisia; Morocco uses ماي, يوليوز, غشت, شتنبر, نونبر, دجنبر).
    {"جانفي", 1},
    {"فيفري", 2},
    {"افريل", 4},
    {"ماي", 5},
    {"جوان", 6},
    {"جويليه", 7},
    {"اوت", 8},
    {"يوليوز", 7},
    {"غشت", 8},
    {"شتنبر", 9},
    {"نونبر", 11},
    {"دجنبر", 12}};

// Weekday names that may open a date ("الأربعاء 15 مايو 2024", "Wednesday, 15 May 2024").
const char* const kWeekdays[] = {
    "monday",  "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon",     "tue",      "wed",       "thu",      "fri",    "sat",      "sun",
    "الاثنين", "الثلاثاء", "الاربعاء",  "الخميس",   "الجمعه", "السبت",    "الاحد"};

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Folds digits to ASCII, Latin to lower case, alef forms to ا, ة to ه, ى to ي; drops tatweel and
// diacritics; turns commas (, ،) and other separators into spaces except / - . and ':' kept as is.
std::string Fold(std::string_view in) {
  std::string out;
  size_t i = 0;
  while (i < in.size()) {
    unsigned char c = in[i];
    uint32_t cp;
    size_t len;
    if (c < 0x80) {
      cp = c, len = 1;
    } else if ((c & 0xE0) == 0xC0 && i + 1 < in.size()) {
      cp = ((c & 0x1F) << 6) | (in[i + 1] & 0x3F), len = 2;
    } else if ((c & 0xF0) == 0xE0 && i + 2 < in.size()) {
      cp = ((c & 0x0F) << 12) | ((in[i + 1] & 0x3F) << 6) | (in[i + 2] & 0x3F), len = 3;
    } else {
      return "";  // 4-byte or broken sequences never occur in a date
    }
    i += len;
    if (cp >= 0x0660 && cp <= 0x0669)
      cp = '0' + (cp - 0x0660);  // Arabic-Indic digits
    else if (cp >= 0x06F0 && cp <= 0x06F9)
      cp = '0' + (cp - 0x06F0);  // Extended (Persian, Urdu)
    else if (cp >= 'A' && cp <= 'Z')
      cp += 'a' - 'A';
    else if (cp == 0x0622 || cp == 0x0623 || cp == 0x0625 || cp == 0x0671)
      cp = 0x0627;  // alef
    else if (cp == 0x0629)
      cp = 0x0647;  // ة → ه
    else if (cp == 0x0649)
      cp = 0x064A;  // ى → ي
    else if (cp == 0x0640 || (cp >= 0x064B && cp <= 0x0652))
      continue;  // tatweel, harakat
    else if (cp == ',' || cp == 0x060C || cp == '(' || cp == ')' || cp == 0x00A0 || cp == '\t')
      cp = ' ';
    AppendUtf8(cp, &out);
  }
  return out;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// "YYYY-MM-DD", or "" with the reason in `*why` when the numbers name no day.
std::string Format(int y, int m, int d, std::string* why) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  static const char* const kNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};
  if (m < 1 || m > 12) {
    *why = "there is no month " + std::to_string(m);
    return "";
  }
  if (y < 1000 || y > 9999) {
    *why = "year " + std::to_string(y) + " is outside 1000-9999";
    return "";
  }
  const int days = kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
  if (d < 1 || d > days) {
    *why = d < 1 ? "there is no day " + std::to_string(d)
                 : std::string(kNames[m - 1]) + " " + std::to_string(y) + " has " +
                       std::to_string(days) + " days";
    return "";
  }
  why->clear();
  std::string out = std::to_string(y) + "-00-00";  // y has four digits here
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + d / 10);
  out[9] = static_cast<char>('0' + d % 10);
  return out;
}

// Splits on spaces.
std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> w;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) w.push_back(s.substr(i, j - i));
    i = j;
  }
  return w;
}

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// A time such as 10:30, 10:30:00, 10:30pm: ignored when it follows the date.
bool IsTime(const std::string& s) {
  return s.find(':') != std::string::npos && !s.empty() && s[0] >= '0' && s[0] <= '9';
}

// Numeric forms: y-m-d, y/m/d, y.m.d, yyyymmdd, d/m/y (see the header for the order rule).
std::string ParseNumeric(const std::string& w, DateOrder order, bool* other_order,
                         std::string* why) {
  std::string token = w;
  if (size_t t = token.find('t'); t != std::string::npos && t >= 8) token.resize(t);  // ISO time
  if (token.size() == 8 && AllDigits(token))
    return Format(std::stoi(token.substr(0, 4)), std::stoi(token.substr(4, 2)),
                  std::stoi(token.substr(6, 2)), why);
  std::vector<std::string> parts;
  char sep = 0;
  std::string cur;
  for (char c : token) {
    if (c == '-' || c == '/' || c == '.') {
      if (sep != 0 && c != sep) return "";
      sep = c;
      parts.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  parts.push_back(cur);
  if (parts.size() != 3) return "";
  for (const auto& p : parts)
    if (!AllDigits(p) || p.size() > 4) return "";
  int a = std::stoi(parts[0]), b = std::stoi(parts[1]), c = std::stoi(parts[2]);
  if (parts[0].size() == 4) return Format(a, b, c, why);  // y m d
  if (parts[2].size() == 2)
    c += c <= 68 ? 2000 : 1900;  // POSIX strptime %y: 69-99 are 1969-1999, 00-68 are 2000-2068
  else if (parts[2].size() != 4)
    return "";
  const bool day_first = order == DateOrder::kDayFirst;
  // Only the other order gives a date: 05/15/2024 under day first, 15/05/2024 under month first.
  if (day_first ? (b > 12 && a <= 12) : (a > 12 && b <= 12)) {
    if (other_order) *other_order = true;
    return day_first ? Format(c, a, b, why) : Format(c, b, a, why);
  }
  return day_first ? Format(c, b, a, why) : Format(c, a, b, why);
}

int MonthOf(const std::vector<std::string>& words, size_t i, size_t* used) {
  std::string w = words[i];
  if (!w.empty() && w.back() == '.') w.pop_back();
  // Two-word names first (كانون الثاني، تشرين الاول).
  if (i + 1 < words.size()) {
    std::string two = w + " " + words[i + 1];
    for (const auto& m : kMonths)
      if (two == m.name) {
        *used = 2;
        return m.month;
      }
  }
  // "ايار/مايو": either half names the month.
  size_t slash = w.find('/');
  for (const auto& m : kMonths) {
    if (w == m.name || (slash != std::string::npos &&
                        (w.substr(0, slash) == m.name || w.substr(slash + 1) == m.name))) {
      *used = 1;
      return m.month;
    }
  }
  return 0;
}

}  // namespace

std::string ParseDate(std::string_view text, DateOrder order, bool* other_order,
                      std::string* problem) {
  if (other_order) *other_order = false;
  std::string why_here;
  std::string* why = problem ? problem : &why_here;
  why->clear();
  std::vector<std::string> words = Words(Fold(text));
  size_t i = 0;
  while (i < words.size()) {  // weekday names open some dates
    bool weekday = false;
    for (const char* d : kWeekdays) weekday = weekday || words[i] == d;
    if (!weekday) break;
    ++i;
  }
  if (i >= words.size()) return "";
  // A trailing time (and "am/pm", "GMT", "ص/م") is ignored; anything else after the date is not.
  auto rest_is_time = [&](size_t from) {
    for (size_t k = from; k < words.size(); ++k) {
      const std::string& w = words[k];
      if (!(IsTime(w) || w == "am" || w == "pm" || w == "gmt" || w == "utc" || w == "ص" ||
            w == "م" || w == "الساعه"))
        return false;
    }
    return true;
  };
  // One numeric token.
  bool other = false;
  if (std::string d = ParseNumeric(words[i], order, &other, why); !d.empty()) {
    if (!rest_is_time(i + 1)) return "";
    if (other_order) *other_order = other;
    return d;
  }
  size_t used = 0;
  // Day Month Year: "15 May 2024", "١٥ أيار ٢٠٢٤".
  if (AllDigits(words[i]) && i + 2 < words.size()) {
    if (int m = MonthOf(words, i + 1, &used); m > 0 && i + 1 + used < words.size()) {
      const std::string& y = words[i + 1 + used];
      if (AllDigits(y) && y.size() == 4 && rest_is_time(i + 2 + used))
        return Format(std::stoi(y), m, std::stoi(words[i]), why);
    }
  }
  // Month Day Year: "May 15, 2024".
  if (int m = MonthOf(words, i, &used); m > 0 && i + used + 1 < words.size()) {
    const std::string& d = words[i + used];
    const std::string& y = words[i + used + 1];
    if (AllDigits(d) && d.size() <= 2 && AllDigits(y) && y.size() == 4 &&
        rest_is_time(i + used + 2))
      return Format(std::stoi(y), m, std::stoi(d), why);
  }
  return "";
}

}  // namespace actorgraph
