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

}  // namespace
}  // namespace actorgraph
