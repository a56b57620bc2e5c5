#include "actorgraph/compare/frames.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "actorgraph/base/error.h"
#include "actorgraph/base/json_error.h"
#include "actorgraph/base/json_keys.h"
#include "actorgraph/base/read_file.h"

namespace actorgraph {
namespace {

void AddKey(std::vector<std::pair<std::string, uint64_t>>* v, std::string key, uint64_t bit) {
  for (auto& [k, mask] : *v)
    if (k == key) {
      mask |= bit;
      return;
    }
  v->push_back({std::move(key), bit});
}

}  // namespace

FrameDictionary FrameDictionary::Load(const std::filesystem::path& path) {
  return Parse(ReadWholeFile(path, "the frames file"), path.string());
}

FrameDictionary FrameDictionary::Parse(std::string_view json, const std::string& name) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(name + ": malformed JSON " + JsonErrorAt(e.what(), e.byte));
  } catch (const nlohmann::json::exception& e) {  // out_of_range: a number too large for a double
    throw Error(name + ": malformed JSON: " + JsonExceptionReason(e.what()));
  }
  // A second "terms" would drop the first silently.
  if (auto twice = FindDuplicateKey(json))
    throw Error(name + ": field '" + twice->key + "': " + twice->Message());
  if (!doc.is_object()) throw Error(name + ": expected a JSON object with 'frames'");
  FrameDictionary d;
  if (auto it = doc.find("name"); it != doc.end() && it->is_string())
    d.name_ = it->get<std::string>();
  auto frames = doc.find("frames");
  if (frames == doc.end() || !frames->is_array())
    throw Error(name + ": field 'frames': missing or not an array");
  if (frames->size() > kMaxFrames)
    throw Error(name + ": field 'frames': " + std::to_string(frames->size()) + " frames, at most " +
                std::to_string(kMaxFrames));
  std::set<std::string> ids;
  for (size_t i = 0; i < frames->size(); ++i) {
    const auto& f = (*frames)[i];
    std::string where = name + ": frames[" + std::to_string(i) + "]";
    if (!f.is_object()) throw Error(where + ": expected an object");
    auto id = f.find("id");
    if (id == f.end() || !id->is_string() || id->get<std::string>().empty())
      throw Error(where + ": field 'id': missing or not a string");
    Frame fr;
    fr.id = id->get<std::string>();
    if (!ids.insert(fr.id).second) throw Error(where + ": field 'id': '" + fr.id + "' repeated");
    auto label = f.find("label");
    fr.label = label != f.end() && label->is_string() ? label->get<std::string>() : fr.id;
    auto terms = f.find("terms");
    if (terms == f.end() || !terms->is_object())
      throw Error(where + ": field 'terms': missing or not an object of languages");
    const uint64_t bit = uint64_t(1) << i;
    for (const auto& [lang, list] : terms->items()) {
      if (!list.is_array())
        throw Error(where + ": field 'terms." + lang + "': expected an array of words");
      for (size_t j = 0; j < list.size(); ++j) {
        std::string field = "terms." + lang + "[" + std::to_string(j) + "]";
        if (!list[j].is_string()) throw Error(where + ": field '" + field + "': not a string");
        std::string raw = list[j].get<std::string>();
        bool prefix = !raw.empty() && raw.back() == '*';
        std::string norm = NormalizeString(prefix ? raw.substr(0, raw.size() - 1) : raw);
        auto toks = Tokenize(norm);
        if (toks.size() != 1)
          throw Error(where + " ('" + fr.id + "'): field '" + field + "': '" + raw +
                      "' is not one word (phrases are not supported)");
        std::string key(StripArticle(toks[0]));
        fr.terms.push_back(raw);
        AddKey(prefix ? &d.prefix_ : &d.exact_, key, bit);
      }
    }
    d.frames_.push_back(std::move(fr));
  }
  std::sort(d.exact_.begin(), d.exact_.end());
  std::sort(d.prefix_.begin(), d.prefix_.end());
  return d;
}

uint64_t FrameDictionary::MatchOne(std::string_view key) const {
  uint64_t mask = 0;
  auto it = std::lower_bound(exact_.begin(), exact_.end(), key,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  if (it != exact_.end() && it->first == key) mask |= it->second;
  for (const auto& [stem, bits] : prefix_)
    if (key.starts_with(stem)) mask |= bits;
  return mask;
}

uint64_t FrameDictionary::Match(std::string_view key,
                                const std::vector<std::string_view>& stems) const {
  uint64_t mask = MatchOne(key);
  for (auto s : stems) mask |= MatchOne(s);
  return mask;
}

}  // namespace actorgraph
