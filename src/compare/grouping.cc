#include "actorgraph/compare/grouping.h"

#include <filesystem>
#include <map>

#include "actorgraph/base/error.h"

namespace actorgraph {

GroupKey ParseGroupKey(std::string_view s) {
  GroupKey k;
  if (s == "input") {
    k.by = GroupBy::kInput;
  } else if (s == "file") {
    k.by = GroupBy::kFile;
  } else if (s == "source") {
    k.by = GroupBy::kSource;
  } else if (s == "date:year") {
    k.by = GroupBy::kYear;
  } else if (s == "date:month") {
    k.by = GroupBy::kMonth;
  } else if (s.starts_with("field:") && s.size() > 6) {
    k.by = GroupBy::kField;
    k.field = std::string(s.substr(6));
  } else {
    throw Error("--by: unknown key '" + std::string(s) +
                "' (expected input, file, source, date:year, date:month or field:NAME)");
  }
  return k;
}

std::string ToString(const GroupKey& key) {
  switch (key.by) {
    case GroupBy::kInput:
      return "input";
    case GroupBy::kFile:
      return "file";
    case GroupBy::kSource:
      return "source";
    case GroupBy::kYear:
      return "date:year";
    case GroupBy::kMonth:
      return "date:month";
    case GroupBy::kField:
      return "field:" + key.field;
  }
  return "";
}

Grouper::Grouper(GroupKey key, std::vector<std::string> inputs) : key_(std::move(key)) {
  std::map<std::string, int> seen;
  for (std::string in : inputs) {
    while (in.size() > 1 && in.back() == '/') in.pop_back();
    std::string name = in == "-" ? "stdin" : std::filesystem::path(in).filename().string();
    if (name.empty() || name == "." || name == "..")
      name = std::filesystem::absolute(in).lexically_normal().filename().string();
    if (name.empty()) name = in;
    int n = ++seen[name];
    if (n > 1) {  // appended piecewise: GCC 12 warns falsely (-Wrestrict) on "#" + std::string
      name += '#';
      name += std::to_string(n);
    }
    inputs_.push_back(in);
    names_.push_back(name);
  }
}

std::string Grouper::GroupOf(const Document& doc) const {
  std::string g;
  switch (key_.by) {
    case GroupBy::kInput: {
      const std::string& o = doc.origin;
      for (size_t i = 0; i < inputs_.size() && g.empty(); ++i) {
        const std::string& in = inputs_[i];
        if (in == "-") {
          if (o.starts_with("<stdin>")) g = names_[i];
          continue;
        }
        if (!o.starts_with(in)) continue;
        if (o.size() == in.size() || o[in.size()] == '/' || o[in.size()] == ':' || in == "/")
          g = names_[i];
      }
      break;
    }
    case GroupBy::kFile:
      g = doc.id;
      break;
    case GroupBy::kSource:
      g = doc.source;
      break;
    case GroupBy::kYear:
      if (doc.date.size() >= 4) g = doc.date.substr(0, 4);
      break;
    case GroupBy::kMonth:
      if (doc.date.size() >= 7) g = doc.date.substr(0, 7);
      break;
    case GroupBy::kField:
      if (auto it = doc.fields.find(key_.field); it != doc.fields.end()) g = it->second;
      break;
  }
  if (g.empty()) g = kNoGroup;
  return g;
}

bool GroupLess(std::string_view a, std::string_view b) {
  const bool na = a == kNoGroup, nb = b == kNoGroup;
  if (na != nb) return nb;
  return a < b;
}

}  // namespace actorgraph
