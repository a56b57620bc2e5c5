#include "actorgraph/export/writer.h"

#include "actorgraph/base/error.h"
#include "actorgraph/export/csv_writer.h"
#include "actorgraph/export/dot_writer.h"
#include "actorgraph/export/gexf_writer.h"
#include "actorgraph/export/graphml_writer.h"
#include "actorgraph/export/html_writer.h"
#include "actorgraph/export/json_writer.h"

namespace actorgraph {

std::unique_ptr<GraphWriter> MakeWriter(std::string_view format) {
  if (format == "graphml") return std::make_unique<GraphmlWriter>();
  if (format == "gexf") return std::make_unique<GexfWriter>();
  if (format == "dot") return std::make_unique<DotWriter>();
  if (format == "json") return std::make_unique<JsonWriter>();
  if (format == "csv") return std::make_unique<CsvWriter>();
  if (format == "html") return std::make_unique<HtmlWriter>();
  throw Error("--format: unknown output format '" + std::string(format) +
              "' (expected graphml, gexf, dot, json, csv or html)");
}

std::vector<std::string> WriterFormats() {
  return {"graphml", "gexf", "dot", "json", "csv", "html"};
}

}  // namespace actorgraph
