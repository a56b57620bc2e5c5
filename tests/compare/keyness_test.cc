// Reference values computed by hand (closed forms below) and checked with Python's math module
// (scipy is not installed here; chi2.sf(x, 1) == erfc(sqrt(x / 2)) is the identity used).
#include "actorgraph/compare/keyness.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actorgraph {
namespace {

// Table a=10 of C=100 (target) against b=5 of D=200 (reference): N=300, the item row has 15, so
// the expected cells are 5, 95, 10, 190 and
// G² = 2[10 ln(10/5) + 90 ln(90/95) + 5 ln(5/10) + 195 ln(195/190)] = 7.329811674221491.
TEST(Keyness, G2MatchesHandComputedTable) {
  const double hand = 2 * (10 * std::log(2.0) + 90 * std::log(90.0 / 95) + 5 * std::log(0.5) +
                           195 * std::log(195.0 / 190));
  EXPECT_NEAR(hand, 7.329811674221491, 1e-12);
  Keyness k = CompareCounts2x2(10, 100, 5, 200);
  EXPECT_NEAR(k.g2, 7.329811674221491, 1e-9);
  EXPECT_NEAR(k.p, 0.006782015951830023, 1e-12);  // chi2.sf(7.3298, df=1)
  EXPECT_DOUBLE_EQ(k.log_ratio, 2.0);             // log2(0.1 / 0.025)
}

TEST(Keyness, SignFollowsDirection) {
  Keyness up = CompareCounts2x2(10, 100, 5, 200);
  Keyness down = CompareCounts2x2(5, 200, 10, 100);
  EXPECT_GT(up.g2, 0);
  EXPECT_LT(down.g2, 0);
  EXPECT_NEAR(up.g2, -down.g2, 1e-12);
  EXPECT_NEAR(up.log_ratio, -down.log_ratio, 1e-12);
  EXPECT_EQ(CompareCounts2x2(10, 100, 20, 200).g2, 0.0);  // same relative frequency
  EXPECT_EQ(CompareCounts2x2(10, 100, 20, 200).p, 1.0);
}

TEST(Keyness, ZeroCountAddsHalfToLogRatioAndSkipsEmptyCell) {
  Keyness k = CompareCounts2x2(0, 50, 6, 60);
  EXPECT_NEAR(k.log_ratio, std::log2((0.5 / 50) / (6.0 / 60)), 1e-12);  // -3.3219...
  EXPECT_NEAR(k.g2, -7.561303015215615, 1e-9);
  EXPECT_TRUE(std::isfinite(k.p));
}

// a = 0 of C = 10 against b = 1 of D = 1000: 0.5/10 > 1/1000 would give log ratio +5.6 for an
// item that is (if anything) rarer in the target; the direction comes from the counts: 0.
TEST(Keyness, ZeroAdjustmentNeverReversesTheDirection) {
  Keyness k = CompareCounts2x2(0, 10, 1, 1000);
  EXPECT_LT(k.g2, 0);
  EXPECT_EQ(k.log_ratio, 0.0);
  Keyness up = CompareCounts2x2(1, 1000, 0, 10);
  EXPECT_GT(up.g2, 0);
  EXPECT_EQ(up.log_ratio, 0.0);
}

TEST(Keyness, EmptySideIsNotComparable) {
  Keyness k = CompareCounts2x2(3, 10, 0, 0);
  EXPECT_EQ(k.g2, 0.0);
  EXPECT_EQ(k.p, 1.0);
  EXPECT_EQ(k.log_ratio, 0.0);
  EXPECT_EQ(ChiSquare1PValue(0), 1.0);
  EXPECT_NEAR(ChiSquare1PValue(3.841458820694124), 0.05, 1e-12);  // the 95% critical value
}

// y_i=8 of n_i=100 against y_j=2 of n_j=120, background share 10/220, α_0 = 50:
// α_w = 50·10/220 = 2.2727..., δ = ln(10.2727/139.7273) − ln(4.2727/165.7273) = 1.04789...,
// σ² = 1/10.2727 + 1/4.2727, z = 1.82032...
TEST(Keyness, WeightedLogOddsMatchesMonroeEquations) {
  const double aw = 50.0 * 10 / 220;
  LogOdds r = WeightedLogOdds(8, 100, 2, 120, aw, 50);
  EXPECT_NEAR(r.delta, 1.0478912481423488, 1e-12);
  EXPECT_NEAR(r.z, 1.8203212124128474, 1e-12);
  LogOdds back = WeightedLogOdds(2, 120, 8, 100, aw, 50);
  EXPECT_NEAR(back.z, -r.z, 1e-12);
  EXPECT_EQ(WeightedLogOdds(1, 10, 1, 10, 0, 50).z, 0.0);  // no prior mass: no score
}

// 7 of 20: p = 0.35, the textbook 95% Wilson interval is [0.1812, 0.5671].
TEST(Keyness, WilsonIntervalMatchesHandComputation) {
  Interval iv = WilsonInterval(7, 20);
  EXPECT_NEAR(iv.low, 0.18118954786794464, 1e-12);
  EXPECT_NEAR(iv.high, 0.5671494897805354, 1e-12);
  Interval none = WilsonInterval(0, 0);
  EXPECT_EQ(none.low, 0.0);
  EXPECT_EQ(none.high, 1.0);
  Interval zero = WilsonInterval(0, 10);
  EXPECT_EQ(zero.low, 0.0);
  EXPECT_GT(zero.high, 0.0);
  Interval all = WilsonInterval(10, 10);
  EXPECT_LT(all.low, 1.0);
  EXPECT_EQ(all.high, 1.0);
}

// p = (0.01, 0.04, 0.03, 0.20), m = 4: sorted 0.01, 0.03, 0.04, 0.20 → 4p/rank = 0.04, 0.06,
// 0.0533, 0.20 → running minimum from the top: 0.04, 0.0533, 0.0533, 0.20.
TEST(Keyness, BenjaminiHochbergQValues) {
  auto q = BenjaminiHochberg({0.01, 0.04, 0.03, 0.20});
  ASSERT_EQ(q.size(), 4u);
  EXPECT_NEAR(q[0], 0.04, 1e-12);
  EXPECT_NEAR(q[1], 0.16 / 3, 1e-12);
  EXPECT_NEAR(q[2], 0.16 / 3, 1e-12);
  EXPECT_NEAR(q[3], 0.20, 1e-12);
  EXPECT_TRUE(BenjaminiHochberg({}).empty());
}

}  // namespace
}  // namespace actorgraph
