// Exporters: one abstract writer, one final class per format. Every file is written to a temporary
// file and renamed into place.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/network/graph.h"

namespace actorgraph {

struct WriteOptions {
  std::string labels = "ar";      // DOT labels: ar | en | both
  std::string color_by = "type";  // GEXF/DOT/HTML colours: type | country | community
  std::string stem = "actors";    // file name stem: actors.graphml, actors.dot, ...
  bool fixed_layout = false;      // DOT: pin the computed positions (analyse/layout.h) for neato
  bool keep_isolated = false;     // DOT: also draw actors with no edge left (after --min-weight,
                                  // --top-edges); the other formats always keep every actor
};

class GraphWriter {
 public:
  virtual ~GraphWriter() = default;
  virtual std::string_view format() const = 0;
  // Writes the graph into `dir` (which must exist); returns the files written.
  // Throws Error when a file cannot be written; a partly written file is never left behind.
  virtual std::vector<std::filesystem::path> Write(const Graph& g, const std::filesystem::path& dir,
                                                   const WriteOptions& options) const = 0;
};

// graphml | gexf | dot | json | csv | html. Throws Error for an unknown format.
std::unique_ptr<GraphWriter> MakeWriter(std::string_view format);
// The formats MakeWriter knows, in a stable order.
std::vector<std::string> WriterFormats();

}  // namespace actorgraph
