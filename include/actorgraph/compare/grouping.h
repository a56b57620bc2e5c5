// Which group a document belongs to when comparing (`actorgraph compare --by KEY`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/read/document.h"

namespace actorgraph {

enum class GroupBy { kInput, kFile, kSource, kYear, kMonth, kField };

struct GroupKey {
  GroupBy by = GroupBy::kInput;
  std::string field;  // the JSONL key for kField
  // True for date:year and date:month: groups are ordered periods (series.csv, the report's lines).
  bool periods() const { return by == GroupBy::kYear || by == GroupBy::kMonth; }
};

// The name of the group of documents without a value for the key.
inline constexpr std::string_view kNoGroup = "(none)";

// Parses "input", "file", "source", "date:year", "date:month" or "field:NAME"; throws Error
// naming the accepted forms otherwise.
GroupKey ParseGroupKey(std::string_view s);
// The key as written on the command line.
std::string ToString(const GroupKey& key);

// Assigns documents to groups.
//  input      - the input argument (file or folder) the document was read from, named by its base
//               name ("-" is "stdin"); two inputs with the same base name get "name#2", ...
//  file       - the document id (a .txt file's stem, a JSONL line's id)
//  source     - Document::source (the outlet)
//  date:year  - YYYY of Document::date; date:month - YYYY-MM
//  field:NAME - Document::fields[NAME]
// A document without a value gets kNoGroup.
class Grouper {
 public:
  Grouper(GroupKey key, std::vector<std::string> inputs);
  std::string GroupOf(const Document& doc) const;
  const GroupKey& key() const { return key_; }

 private:
  GroupKey key_;
  std::vector<std::string> inputs_;  // without trailing '/'
  std::vector<std::string> names_;   // group name per input
};

// Orders group names: periods and other names by byte order, kNoGroup last.
bool GroupLess(std::string_view a, std::string_view b);

}  // namespace actorgraph
