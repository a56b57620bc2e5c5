// report.html of `actorgraph compare`: one self-contained file that opens offline in any browser
// (no script, style sheet, font or image is fetched; charts are HTML/CSS bars and inline SVG drawn
// here). Sections: the run (options, gazetteer hash), the groups and their sizes; per compared
// group the most over- and under-represented actors (log-ratio bars, G²), each leading actor's
// favoured partners, its descriptors side by side (Arabic right-to-left with the English label
// beside, surface spelling, an example snippet), frame rates with 95% Wilson intervals, the
// difference network (Graphviz SVG, embedded); and the time series of the top actors for periods.
// When the page's script has run without an error, <body> carries data-report-ready="1".
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "actorgraph/export/compare_writer.h"

namespace actorgraph {

struct ReportOptions {
  size_t top_actors = 12;   // bars per side
  size_t focus_actors = 6;  // actors with partner, descriptor and frame panels per group
  size_t top_terms = 10;    // descriptors per side and actor
  size_t series_actors = 8;
  // Compared groups that get a section (the first in group order); the others are listed with a
  // pointer to compare.json, so `--by file` on a large corpus still gives a readable page.
  size_t max_groups = 40;
};

// Writes the report. `svgs` maps a compared group's name to its difference network rendered by
// Graphviz (`dot -Tsvg` output); a group without one gets `svg_message` in its place.
void WriteCompareReport(const CompareResult& r, const std::map<std::string, std::string>& svgs,
                        const std::string& svg_message, const ReportOptions& options,
                        const std::filesystem::path& file);

}  // namespace actorgraph
