// Output options and writing, shared by `build` and `merge` so both give the same files.
#pragma once

#include <cxxopts.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "actorgraph/export/writer.h"
#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/network/cooccur.h"
#include "actorgraph/network/graph_builder.h"

namespace actorgraph::cli {

// Adds -o/--output, --format, --min-weight, --top, --labels, --color-by and --render.
void AddOutputOptions(cxxopts::Options& options);

struct Output {
  std::filesystem::path dir;
  std::vector<std::string> formats;  // writer formats, plus "partial"
  std::string render;                // "", "png" or "svg"
  GraphOptions graph;
  WriteOptions write;
  bool quiet = false;  // -q: no summary
};

// Validates the options, creates the output folder and checks for Graphviz when rendering, so a
// long run never fails at the end for a reason known at the start.
Output ParseOutput(const cxxopts::ParseResult& args);

// Builds the graph from `counts` and writes every requested file; prints the summary unless quiet.
void WriteOutputs(const Output& out, const Cooccurrence& counts, const Gazetteer& gazetteer,
                  uint64_t skipped);

}  // namespace actorgraph::cli
