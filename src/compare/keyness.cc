#include "actorgraph/compare/keyness.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace actorgraph {
namespace {

// O·ln(O/E), 0 when O = 0.
double Term(double o, double e) { return o > 0 && e > 0 ? o * std::log(o / e) : 0.0; }

}  // namespace

double ChiSquare1PValue(double x) {
  if (!(x > 0)) return 1.0;
  return std::erfc(std::sqrt(x / 2.0));
}

double LogLikelihoodG2(uint64_t a, uint64_t C, uint64_t b, uint64_t D) {
  if (C == 0 || D == 0) return 0.0;
  a = std::min(a, C);
  b = std::min(b, D);
  const double N = double(C) + double(D);
  const double k = double(a) + double(b);  // row: item
  const double rest = N - k;               // row: everything else
  const double cells[4] = {double(a), double(C - a), double(b), double(D - b)};
  const double expected[4] = {double(C) * k / N, double(C) * rest / N, double(D) * k / N,
                              double(D) * rest / N};
  double g2 = 0;
  for (int i = 0; i < 4; ++i) g2 += Term(cells[i], expected[i]);
  g2 *= 2.0;
  if (g2 < 0) g2 = 0;  // rounding
  // Sign: + when the item is relatively more frequent in the target (a/C > b/D, i.e. a·D > b·C).
  const double lhs = double(a) * double(D), rhs = double(b) * double(C);
  if (lhs < rhs) return -g2;
  if (lhs == rhs) return 0.0;
  return g2;
}

Keyness CompareCounts2x2(uint64_t a, uint64_t C, uint64_t b, uint64_t D) {
  Keyness k;
  if (C == 0 || D == 0) return k;
  a = std::min(a, C);
  b = std::min(b, D);
  k.g2 = LogLikelihoodG2(a, C, b, D);
  k.p = ChiSquare1PValue(std::fabs(k.g2));
  const double fa = a == 0 ? 0.5 : double(a), fb = b == 0 ? 0.5 : double(b);
  k.log_ratio = std::log2((fa / double(C)) / (fb / double(D)));
  // The 0.5 for a zero count can reverse the direction when the sides differ much in size (a = 0
  // in a small group, b > 0 in a large rest): the log ratio then says nothing, 0.
  // Equal relative frequencies (or two zeros) give 0 too.
  if (k.g2 == 0 || (k.g2 < 0 && k.log_ratio > 0) || (k.g2 > 0 && k.log_ratio < 0))
    k.log_ratio = 0.0;
  return k;
}

LogOdds WeightedLogOdds(double y_i, double n_i, double y_j, double n_j, double alpha_w,
                        double alpha_0) {
  LogOdds r;
  if (!(alpha_w > 0) || !(alpha_0 > alpha_w)) return r;
  const double num_i = y_i + alpha_w, den_i = n_i + alpha_0 - y_i - alpha_w;
  const double num_j = y_j + alpha_w, den_j = n_j + alpha_0 - y_j - alpha_w;
  if (!(den_i > 0) || !(den_j > 0)) return r;
  r.delta = std::log(num_i / den_i) - std::log(num_j / den_j);
  const double var = 1.0 / num_i + 1.0 / num_j;
  r.z = r.delta / std::sqrt(var);
  return r;
}

Interval WilsonInterval(uint64_t hits, uint64_t n, double z) {
  Interval iv;
  if (n == 0) return iv;
  hits = std::min(hits, n);
  const double nn = double(n), p = double(hits) / nn, z2 = z * z;
  const double denom = 1.0 + z2 / nn;
  const double centre = (p + z2 / (2 * nn)) / denom;
  const double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / denom;
  iv.low = std::max(0.0, centre - half);
  iv.high = std::min(1.0, centre + half);
  return iv;
}

std::vector<double> BenjaminiHochberg(const std::vector<double>& p) {
  const size_t m = p.size();
  std::vector<double> q(m);
  if (m == 0) return q;
  std::vector<size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return p[x] < p[y]; });
  double running = 1.0;
  for (size_t r = m; r-- > 0;) {
    const size_t i = order[r];
    running = std::min(running, std::min(1.0, p[i] * double(m) / double(r + 1)));
    q[i] = running;
  }
  return q;
}

}  // namespace actorgraph
