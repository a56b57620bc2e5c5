// Helpers shared by the libFuzzer targets: the shipped gazetteer loaded once, and an invariant
// check that aborts (so libFuzzer records the input) with a message naming the invariant.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "actorgraph/gazetteer/gazetteer.h"

namespace actorgraph::fuzz {

[[noreturn]] inline void Fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: invariant failed: %s\n", file, line, what);
  std::abort();
}

#define FUZZ_CHECK(cond) ((cond) ? (void)0 : ::actorgraph::fuzz::Fail(#cond, __FILE__, __LINE__))

// The shipped gazetteer (source tree), loaded on first use.
const Gazetteer& ShippedGazetteer();

// True when `pos` is a UTF-8 character boundary of `s` (0 and s.size() included).
inline bool OnBoundary(std::string_view s, size_t pos) {
  return pos == 0 || pos == s.size() ||
         (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80);
}

}  // namespace actorgraph::fuzz
