// Times the two stages of getting a gazetteer ready: Gazetteer::Load (JSON parsing, validation,
// nisba generation) and Matcher construction (normalisation, proclitic forms, the token trie).
//
//   build/bench/gaz_compile gazetteer/ bench/data/gaz_1M.json
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <vector>

#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/match/matcher.h"

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> paths(argv + 1, argv + argc);
  if (paths.empty()) paths.push_back("gazetteer");
  using Clock = std::chrono::steady_clock;
  // Wall time, and the process's CPU time (less sensitive to other jobs on a shared machine).
  auto t0 = Clock::now();
  std::clock_t c0 = std::clock();
  actorgraph::Gazetteer g = actorgraph::Gazetteer::Load(paths);
  auto t1 = Clock::now();
  std::clock_t c1 = std::clock();
  actorgraph::Matcher m(g);
  auto t2 = Clock::now();
  std::clock_t c2 = std::clock();
  size_t aliases = 0;
  for (const auto& a : g.actors()) aliases += a.aliases.size();
  auto cpu = [](std::clock_t a, std::clock_t b) { return double(b - a) / CLOCKS_PER_SEC; };
  std::printf(
      "actors %zu aliases %zu forms %zu load_s %.3f compile_s %.3f total_s %.3f load_cpu_s %.3f "
      "compile_cpu_s %.3f\n",
      g.actors().size(), aliases, m.forms(), std::chrono::duration<double>(t1 - t0).count(),
      std::chrono::duration<double>(t2 - t1).count(),
      std::chrono::duration<double>(t2 - t0).count(), cpu(c0, c1), cpu(c1, c2));
  return 0;
}
