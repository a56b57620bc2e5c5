#include "actorgraph/read/date.h"

#include <gtest/gtest.h>

namespace actorgraph {
namespace {

TEST(ParseDate, Iso8601AndItsRelatives) {
  EXPECT_EQ(ParseDate("2024-05-15"), "2024-05-15");
  EXPECT_EQ(ParseDate("2024-05-15T10:30:00Z"), "2024-05-15");
  EXPECT_EQ(ParseDate("2024-05-15T10:30:00+03:00"), "2024-05-15");
  EXPECT_EQ(ParseDate("2024-05-15 10:30:00"), "2024-05-15");
  EXPECT_EQ(ParseDate("2024/05/15"), "2024-05-15");
  EXPECT_EQ(ParseDate("2024.05.15"), "2024-05-15");
  EXPECT_EQ(ParseDate("20240515"), "2024-05-15");
}

TEST(ParseDate, DayFirstUnlessTheSecondNumberCannotBeAMonth) {
  EXPECT_EQ(ParseDate("15/05/2024"), "2024-05-15");
  EXPECT_EQ(ParseDate("15-05-2024"), "2024-05-15");
  EXPECT_EQ(ParseDate("15.05.2024"), "2024-05-15");
  EXPECT_EQ(ParseDate("03/04/2024"), "2024-04-03");  // both ≤ 12: day first
  EXPECT_EQ(ParseDate("05/15/2024"), "2024-05-15");  // US order when the second is > 12
  EXPECT_EQ(ParseDate("15/05/24"), "2024-05-15");
  EXPECT_EQ(ParseDate("5/3/68"), "2068-03-05");  // POSIX strptime %y
  EXPECT_EQ(ParseDate("5/3/99"), "1999-03-05");
  EXPECT_EQ(ParseDate("5/3/69"), "1969-03-05");
}

TEST(ParseDate, MonthFirstOrderAndDatesOnlyTheOtherOrderReads) {
  bool other = true;
  EXPECT_EQ(ParseDate("03/04/2024", DateOrder::kMonthFirst, &other), "2024-03-04");
  EXPECT_FALSE(other);
  EXPECT_EQ(ParseDate("05/15/2024", DateOrder::kMonthFirst, &other), "2024-05-15");
  EXPECT_FALSE(other);
  EXPECT_EQ(ParseDate("15/05/2024", DateOrder::kMonthFirst, &other), "2024-05-15");
  EXPECT_TRUE(other);  // only day first reads it
  EXPECT_EQ(ParseDate("05/15/2024", DateOrder::kDayFirst, &other), "2024-05-15");
  EXPECT_TRUE(other);
  EXPECT_EQ(ParseDate("03/04/2024", DateOrder::kDayFirst, &other), "2024-04-03");
  EXPECT_FALSE(other);
  EXPECT_EQ(ParseDate("15 May 2024", DateOrder::kMonthFirst, &other), "2024-05-15");
  EXPECT_FALSE(other);  // a month name is never ambiguous
  EXPECT_EQ(ParseDate("13/13/2024", DateOrder::kDayFirst, &other), "");
}

TEST(ParseDate, EnglishMonthNamesAndWeekdays) {
  EXPECT_EQ(ParseDate("15 May 2024"), "2024-05-15");
  EXPECT_EQ(ParseDate("May 15, 2024"), "2024-05-15");
  EXPECT_EQ(ParseDate("Wednesday, 15 May 2024"), "2024-05-15");
  EXPECT_EQ(ParseDate("Sept. 3, 2021 10:00 am"), "2021-09-03");
  EXPECT_EQ(ParseDate("3 JAN 2020"), "2020-01-03");
}

TEST(ParseDate, ArabicMonthNamesInEverySeriesAndArabicIndicDigits) {
  EXPECT_EQ(ParseDate("١٥ أيار ٢٠٢٤"), "2024-05-15");
  EXPECT_EQ(ParseDate("الأربعاء 15 مايو 2024"), "2024-05-15");
  EXPECT_EQ(ParseDate("3 كانون الثاني 2020"), "2020-01-03");
  EXPECT_EQ(ParseDate("3 كانون الأول 2020"), "2020-12-03");
  EXPECT_EQ(ParseDate("12 تشرين الأول 2019"), "2019-10-12");
  EXPECT_EQ(ParseDate("15 جوان 2024"), "2024-06-15");
  EXPECT_EQ(ParseDate("1 آب 2014"), "2014-08-01");
  EXPECT_EQ(ParseDate("15 أيار/مايو 2024"), "2024-05-15");
  EXPECT_EQ(ParseDate("۱۵/۰۵/۲۰۲۴"), "2024-05-15");
  EXPECT_EQ(ParseDate("الخميس، 16 يناير 2025 - 10:30 ص"), "");  // a dash before the time: not read
  EXPECT_EQ(ParseDate("الخميس، 16 يناير 2025 10:30 ص"), "2025-01-16");
}

TEST(ParseDate, RejectsWhatIsNotACertainDate) {
  EXPECT_EQ(ParseDate(""), "");
  EXPECT_EQ(ParseDate("yesterday"), "");
  EXPECT_EQ(ParseDate("2024-02-30"), "");
  EXPECT_EQ(ParseDate("2023-02-29"), "");
  EXPECT_EQ(ParseDate("2024-02-29"), "2024-02-29");
  EXPECT_EQ(ParseDate("1900-02-29"), "");
  EXPECT_EQ(ParseDate("13/13/2024"), "");
  EXPECT_EQ(ParseDate("May 2024"), "");
  EXPECT_EQ(ParseDate("15 May 2024 in Baghdad"), "");
  EXPECT_EQ(ParseDate("2024-05"), "");
}

// The reason a form that was read names no day, for the reader's warning.
TEST(ParseDate, SaysWhyItsNumbersNameNoDay) {
  auto problem = [](std::string_view text, DateOrder order = DateOrder::kDayFirst) {
    std::string why = "stale";
    EXPECT_EQ(ParseDate(text, order, nullptr, &why), "") << text;
    return why;
  };
  EXPECT_EQ(problem("31/02/2024"), "February 2024 has 29 days");
  EXPECT_EQ(problem("02/31/2024", DateOrder::kMonthFirst), "February 2024 has 29 days");
  EXPECT_EQ(problem("1900-02-29"), "February 1900 has 28 days");
  EXPECT_EQ(problem("31 أبريل 2024"), "April 2024 has 30 days");
  EXPECT_EQ(problem("13/13/2024"), "there is no month 13");
  EXPECT_EQ(problem("2024-05-00"), "there is no day 0");
  EXPECT_EQ(problem("0999-05-01"), "year 999 is outside 1000-9999");
  EXPECT_EQ(problem("yesterday"), "");         // no form read: no reason to give
  EXPECT_EQ(problem("2024-05-15 today"), "");  // a date followed by words: a form not read
  std::string why = "stale";
  EXPECT_EQ(ParseDate("2024-02-29", DateOrder::kDayFirst, nullptr, &why), "2024-02-29");
  EXPECT_EQ(why, "");
}

}  // namespace
}  // namespace actorgraph
