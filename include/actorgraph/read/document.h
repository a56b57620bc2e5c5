// One article and its metadata, as read from a .txt file or a JSONL line.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace actorgraph {

struct Document {
  std::string id;      // JSONL `id`, else the file stem (.txt) or stem:line (JSONL without id)
  std::string title;   // JSONL `title`, or the first non-empty line of a .txt file
  std::string source;  // JSONL `source` (outlet)
  std::string date;    // JSONL `date`, ISO 8601 (YYYY-MM-DD, optionally with a time); may be empty
  std::string url;     // JSONL `url`
  std::string origin;  // where it came from: "path" or "path:line"
  // Every top-level JSONL key other than `text` whose value is a string, number or boolean (numbers
  // and booleans as their JSON text), e.g. {"camp": "pro"} -> fields["camp"] == "pro"; read by
  // `compare --by field:NAME`. Empty for .txt documents.
  std::map<std::string, std::string> fields;
  std::string text;  // the full original text, valid UTF-8 (title line included for .txt)
  uint64_t seq =
      0;  // position in the input stream (0-based); fixes output order and evidence choice
};

}  // namespace actorgraph
