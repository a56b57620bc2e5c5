// Files of `actorgraph compare`: the tables (salience.csv, partners.csv, terms.csv, frames.csv,
// series.csv, compare.json) and one difference network per compared group
// (difference-GROUP.graphml, .gexf, .dot). CSV as csv_writer.h (RFC 4180, UTF-8, LF); numbers by
// FormatNumber; every file written atomically; rows in a fixed order, so the same input and
// options give byte-identical files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "actorgraph/compare/comparison.h"
#include "actorgraph/compare/series.h"
#include "actorgraph/gazetteer/gazetteer.h"

namespace actorgraph {

// What a comparison run records about itself (compare.json's "meta", the report's footer).
struct CompareMeta {
  std::string version;         // actorgraph version
  std::string gazetteer_hash;  // Gazetteer::hash()
  std::string group_by;        // e.g. "date:month"
  std::string reference;       // "" for one against the rest
  std::string options;         // the options that change results, canonical order
  std::string frames;          // frames file name (its "name"), "" when none
  bool periods = false;        // groups are ordered periods
  uint64_t documents = 0, skipped = 0;
  std::vector<std::string> dropped;  // groups left out by --min-docs
};

// Everything the compare writers read.
struct CompareResult {
  const Gazetteer& gazetteer;
  const GroupProfiles& profiles;
  const Comparison& comparison;
  const Series& series;
  CompareMeta meta;
};

// The file-name form of a group name: letters (any script), digits, '-', '_' and '.' kept, every
// other character '_'; "(none)" -> "_none_". At most 120 bytes: a longer name is cut at a UTF-8
// character boundary and ends with "~" and 8 hex digits of its SHA-256, so file names stay under
// NAME_MAX (255 bytes). Callers make stems unique (DifferenceStems).
std::string GroupFileStem(std::string_view group);
// "difference-<stem>" per compared group, unique (a clash gets "-2", "-3", ...).
std::vector<std::string> DifferenceStems(const Comparison& c);

// salience.csv: group,actor,label_en,type,mentions,documents,mention_share,document_share,rank,
//   log_ratio,g2,p (rank 0: not mentioned in the group; g2 signed, + = over-represented)
// partners.csv: group,actor,partner,count,share,log_ratio,g2,p
// terms.csv: group,actor,term,count,other_count,log_odds,z (actor "*": all actors' contexts;
//   term: the normalised key; log_odds: δ of Monroe et al., natural log)
// frames.csv: group,actor,frame,hits,contexts,rate,g2,p,ci_low,ci_high (95% Wilson interval)
// series.csv: period,actor,label_en,mentions,share
// compare.json: {"meta", "groups", "comparisons": [{"group", "other", sizes, "salience",
//   "partners", "terms", "frames", "difference": {"nodes", "edges"}}], "terms": {key: {"surface",
//   "example"}}, "series"} with every column above plus the comparison side's counts, shares and
//   BH q-values.
// Returns the files written, in that order.
std::vector<std::filesystem::path> WriteCompareTables(const CompareResult& r,
                                                      const std::filesystem::path& dir);

// difference-GROUP.graphml / .gexf (every edge with a window on either side) and .dot (the
// `dot_edges` edges with the largest |G²|, their nodes, a legend). Edges carry count_group,
// count_other, share_group, share_other, share_diff, g2, p and favours (the favoured side's name);
// nodes their mentions and mention shares on both sides. GEXF and DOT colour edges by the favoured
// side (group orange, other side teal, equal grey); DOT line width grows with |share_diff|.
// Returns the files written; the .dot files are also listed in `dot_files` when not null.
std::vector<std::filesystem::path> WriteDifferenceNetworks(
    const CompareResult& r, const std::filesystem::path& dir, size_t dot_edges,
    std::vector<std::filesystem::path>* dot_files = nullptr);

// The colours of the two sides ("#rrggbb").
inline constexpr const char* kGroupColor = "#d95f02";
inline constexpr const char* kOtherColor = "#1b9e77";

}  // namespace actorgraph
