// A small actor network for the exporter tests, and helpers to check an export from Python.
#pragma once

#include <filesystem>
#include <string>

#include "actorgraph/network/graph.h"

namespace actorgraph::testing {

// Four actors with Arabic labels, dated mentions, evidence and one nasty actor: id "node" (a DOT
// keyword), English label "graph", and an Arabic label with quotes, a backslash, <&>, \x0B and an
// invalid UTF-8 byte. Edges are added in both directions of id order.
Graph MakeSampleGraph();

// The nasty actor's Arabic label as the writers clean it (\x0B dropped, \xFF -> U+FFFD).
std::string NastyLabelCleaned();

// Writes what tests/interop_check.py compares against: node and edge counts, per node label,
// label_en, type and mentions, per edge (source, target) weight and cooc_count.
void WriteExpected(const Graph& g, const std::filesystem::path& path);

// Runs `python3 tests/interop_check.py FORMAT PATH EXPECTED`; returns exit code and messages.
struct InteropResult {
  int exit_code = -1;
  std::string message;
};
InteropResult RunInteropCheck(const std::string& format, const std::filesystem::path& path,
                              const Graph& g);

}  // namespace actorgraph::testing
