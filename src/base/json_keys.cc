#include "actorgraph/base/json_keys.h"

namespace actorgraph {

void DuplicateKeys::ObjectStart() { open_.emplace_back(++objects_, std::set<std::string>{}); }

void DuplicateKeys::ObjectEnd() {
  if (!open_.empty()) open_.pop_back();
}

void DuplicateKeys::Key(const std::string& key) {
  if (open_.empty() || found()) return;
  if (!open_.back().second.insert(key).second) {
    key_ = key;
    object_ = open_.back().first;
  }
}

std::string DuplicateKeys::Message() const {
  return "given twice in one object (JSON object " + std::to_string(object_) +
         " of the file); JSON leaves open which one counts";
}

}  // namespace actorgraph
