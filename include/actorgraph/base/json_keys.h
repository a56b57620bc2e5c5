// Finding a key given twice in one JSON object while nlohmann::json parses a file. RFC 8259 §4:
// "The names within an object SHOULD be unique", and when they are not, which value counts is
// left to the parser; nlohmann keeps the last, so a second "aliases" in a gazetteer actor, "terms"
// in a frame or "name" in a gold actor dropped the first without a word. Every JSON file the tool
// reads with nlohmann (gazetteers, frames, gold, partial graphs) is parsed with this watch and
// refused when a key repeats.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace actorgraph {

class DuplicateKeys {
 public:
  void ObjectStart();
  void ObjectEnd();
  void Key(const std::string& key);
  // True once a key was given twice in one object (the first such key is kept).
  bool found() const { return !key_.empty(); }
  // The repeated key, and "given twice in one object (JSON object N of the file)" (N counts the
  // objects in the order they open, 1 = the top one).
  const std::string& key() const { return key_; }
  std::string Message() const;

  // A parser callback for Json::parse (nlohmann::json or ordered_json) that feeds this watch and
  // keeps every value.
  template <class Json>
  typename Json::parser_callback_t Callback() {
    return [this](int, typename Json::parse_event_t event, Json& parsed) {
      if (event == Json::parse_event_t::object_start)
        ObjectStart();
      else if (event == Json::parse_event_t::object_end)
        ObjectEnd();
      else if (event == Json::parse_event_t::key)
        Key(parsed.template get<std::string>());
      return true;
    };
  }

 private:
  std::vector<std::pair<size_t, std::set<std::string>>> open_;  // innermost last
  size_t objects_ = 0;
  std::string key_;
  size_t object_ = 0;
};

}  // namespace actorgraph
