// Statistics for comparing a target side with a reference side (one group against the rest of the
// corpus, or against one chosen group). Every formula is the one of
// ../shared/design/statistics.md and is cited below; all functions are pure and never return NaN
// or infinity (undefined cases get the stated value).
//
// Notation: a = count of the item (an actor's mentions, a partner pair, a term, frame hits) in the
// target, C = the target's total, b = the count in the reference, D = the reference's total.
#pragma once

#include <cstdint>
#include <vector>

namespace actorgraph {

struct Keyness {
  // Signed log-likelihood G² (+ when a/C > b/D, − when a/C < b/D, 0 when equal).
  double g2 = 0;
  // p-value of |G²| under χ² with 1 degree of freedom.
  double p = 1;
  // log2((a/C) / (b/D)), 0.5 added to a zero count.
  double log_ratio = 0;
};

// Dunning's log-likelihood over the full 2×2 table (a, C−a; b, D−b):
// G² = 2 Σ O·ln(O/E), E from the margins, cells with O = 0 contribute 0 (Dunning 1993,
// "Accurate methods for the statistics of surprise and coincidence", Computational Linguistics
// 19(1) 61–74; Rayson & Garside 2000 for corpus comparison). No continuity or Williams correction:
// equal to quanteda's textstat_keyness(measure = "lr", correction = "none") with the sign of its
// direction. p = P(χ²₁ ≥ |G²|) = erfc(√(|G²|/2)).
// Log ratio: log2((a/C)/(b/D)) with 0.5 added to a zero a or b (Hardie 2014, "Log Ratio — an
// informal introduction", Lancaster University CASS); when that 0.5 would reverse the direction
// of the comparison (a = 0 in a small side against b > 0 in a much larger one, where
// 0.5/C > b/D), the log ratio is 0 rather than a sign that contradicts the counts. When C or D is 0
// the sides cannot be compared: g2 = 0, p = 1, log_ratio = 0. Requires a ≤ C and b ≤ D (clamped
// otherwise).
Keyness CompareCounts2x2(uint64_t a, uint64_t C, uint64_t b, uint64_t D);

// Signed G² alone (see CompareCounts2x2).
double LogLikelihoodG2(uint64_t a, uint64_t C, uint64_t b, uint64_t D);

// Upper tail of χ² with 1 degree of freedom: P(X ≥ x) = erfc(√(x/2)); 1 for x ≤ 0.
double ChiSquare1PValue(double x);

struct LogOdds {
  double delta = 0;  // δ_w, the log-odds ratio (natural log), + when the term leans to the target
  double z = 0;      // δ_w / √σ²(δ_w)
};

// Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
// "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying the Content of
// Political Conflict", Political Analysis 16(4) 372–403, eqs. 16–22):
//   δ_w = ln[(y_i + α_w)/(n_i + α_0 − y_i − α_w)] − ln[(y_j + α_w)/(n_j + α_0 − y_j − α_w)]
//   σ²(δ_w) ≈ 1/(y_i + α_w) + 1/(y_j + α_w),  z = δ_w/√σ².
// y_i, n_i: the term's count and all terms' total in the target; y_j, n_j in the reference;
// alpha_w = α_0 · (term's share of a background corpus), alpha_0 = Σ_w α_w (the prior's scale).
// alpha_w must be > 0 (a term absent from the background gets z = 0).
LogOdds WeightedLogOdds(double y_i, double n_i, double y_j, double n_j, double alpha_w,
                        double alpha_0);

struct Interval {
  double low = 0;
  double high = 1;
};

// Wilson score interval for a proportion hits/n (Wilson 1927, "Probable inference, the law of
// succession, and statistical inference", JASA 22(158) 209–212):
// centre = (p + z²/2n)/(1 + z²/n), half-width = z·√(p(1−p)/n + z²/4n²)/(1 + z²/n).
// z = 1.96 gives the 95% interval. n = 0 gives [0, 1].
Interval WilsonInterval(uint64_t hits, uint64_t n, double z = 1.96);

// Benjamini–Hochberg adjusted p-values (q-values) for a family of tests, in the input order
// (Benjamini & Hochberg 1995, JRSS B 57(1) 289–300): q_(k) = min_{j ≥ k} min(1, m·p_(j)/j) over
// the p-values sorted ascending. Ties keep input order (stable), so the result is deterministic.
std::vector<double> BenjaminiHochberg(const std::vector<double>& p);

}  // namespace actorgraph
