// Times the two stages of getting a gazetteer ready: Gazetteer::Load (JSON parsing, validation,
// nisba generation) and Matcher construction (normalisation, proclitic forms, the token trie).
//
//   build/bench/gaz_compile gazetteer/ bench/data/gaz_1M.json
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/match/matcher.h"

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> paths(argv + 1, argv + argc);
  if (paths.empty()) paths.push_back("gazetteer");
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  actorgraph::Gazetteer g = actorgraph::Gazetteer::Load(paths);
  auto t1 = Clock::now();
  actorgraph::Matcher m(g);
  auto t2 = Clock::now();
  size_t aliases = 0;
  for (const auto& a : g.actors()) aliases += a.aliases.size();
  std::printf("actors %zu aliases %zu forms %zu load_s %.3f compile_s %.3f total_s %.3f\n",
              g.actors().size(), aliases, m.forms(), std::chrono::duration<double>(t1 - t0).count(),
              std::chrono::duration<double>(t2 - t1).count(),
              std::chrono::duration<double>(t2 - t0).count());
  return 0;
}
