#include "actorgraph/base/json_keys.h"

#include <simdjson.h>

#include <algorithm>
#include <vector>

namespace actorgraph {

namespace {

namespace dom = simdjson::dom;

// Walks `e` in document order, numbering objects as they open; stops at the first repeat.
bool Walk(dom::element e, size_t* objects, std::optional<DuplicateKey>* found) {
  if (e.is_object()) {
    const size_t number = ++*objects;
    std::vector<std::string_view> keys;
    for (dom::key_value_pair field : dom::object(e)) {
      if (std::find(keys.begin(), keys.end(), field.key) != keys.end()) {
        *found = DuplicateKey{std::string(field.key), number};
        return true;
      }
      keys.push_back(field.key);
      if (Walk(field.value, objects, found)) return true;
    }
  } else if (e.is_array()) {
    for (dom::element item : dom::array(e))
      if (Walk(item, objects, found)) return true;
  }
  return false;
}

}  // namespace

std::string DuplicateKey::Message() const {
  return "given twice in one object (JSON object " + std::to_string(object) +
         " of the file); JSON leaves open which one counts";
}

std::optional<DuplicateKey> FindDuplicateKey(std::string_view json) {
  dom::parser parser;
  simdjson::padded_string padded(json);
  dom::element root;
  if (parser.parse(padded).get(root)) return std::nullopt;
  std::optional<DuplicateKey> found;
  size_t objects = 0;
  Walk(root, &objects, &found);
  return found;
}

}  // namespace actorgraph
