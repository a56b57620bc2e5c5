// Output options and writing, shared by `build` and `merge` so both give the same files.
#pragma once

#include <cxxopts.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "actorgraph/analyse/analyse.h"
#include "actorgraph/export/writer.h"
#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/network/cooccur.h"
#include "actorgraph/network/graph_builder.h"

namespace actorgraph::cli {

// Adds -o/--output, --format, --min-weight, --top, --labels, --color-by and --render, and the
// analysis options (AddAnalyseOptions).
void AddOutputOptions(cxxopts::Options& options);
// Adds --weight, --backbone, --top-edges, --seed and --layout (also used by stats).
void AddAnalyseOptions(cxxopts::Options& options);
// Reads and checks them.
AnalyseOptions ParseAnalyse(const cxxopts::ParseResult& args);

// The graph of a corpus with every pruning step and measure (BuildGraph, then AnalyseGraph);
// `steps` receives what each pruning step removed, including --min-weight and --top.
Graph BuildAnalysedGraph(const Cooccurrence& counts, const Gazetteer& gazetteer,
                         const GraphOptions& graph_options, const AnalyseOptions& analyse,
                         std::vector<PruneStep>* steps);

struct Output {
  std::filesystem::path dir;
  std::vector<std::string> formats;  // writer formats, plus "partial"
  std::string render;                // "", "png" or "svg"
  GraphOptions graph;
  AnalyseOptions analyse;
  WriteOptions write;
  bool quiet = false;  // -q: no summary
};

// Validates the options, creates the output folder and checks for Graphviz when rendering, so a
// long run never fails at the end for a reason known at the start.
Output ParseOutput(const cxxopts::ParseResult& args);

// Builds the graph from `counts` and writes every requested file; prints the summary unless quiet.
void WriteOutputs(const Output& out, const Cooccurrence& counts, const Gazetteer& gazetteer,
                  uint64_t skipped);

// --slice: writes one network per period (stem actors_<period>, every requested writer format)
// and slices.csv (each actor's columns per period); prints one line per file.
void WriteSlices(const Output& out, const std::map<std::string, Cooccurrence>& periods,
                 const Gazetteer& gazetteer);

}  // namespace actorgraph::cli
