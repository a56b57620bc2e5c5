#include "actorgraph/match/eval.h"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "actorgraph/base/error.h"
#include "actorgraph/base/json_error.h"
#include "actorgraph/base/json_keys.h"
#include "actorgraph/base/read_file.h"
#include "actorgraph/text/normalize.h"
#include "actorgraph/text/segment.h"

namespace actorgraph {
std::vector<GoldDocument> LoadGold(const std::string& path) {
  return ParseGold(ReadWholeFile(path, "the gold file"), path);
}

std::vector<GoldDocument> ParseGold(std::string_view contents, const std::string& path) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(contents);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(path + ": malformed JSON " + JsonErrorAt(e.what(), e.byte));
  } catch (const nlohmann::json::exception& e) {  // out_of_range: a number too large for a double
    throw Error(path + ": malformed JSON: " + JsonExceptionReason(e.what()));
  }
  // A second "name" would score one actor instead of the other.
  if (auto twice = FindDuplicateKey(contents))
    throw Error(path + ": field '" + twice->key + "': " + twice->Message());
  if (!j.is_array()) throw Error(path + ": expected a list of documents");
  std::vector<GoldDocument> out;
  std::map<std::string, size_t> entry_of;  // document id (file name without extension) -> entry
  for (size_t i = 0; i < j.size(); ++i) {
    std::string where = path + ": entry " + std::to_string(i);
    const auto& d = j[i];
    if (!d.is_object() || !d.contains("file") || !d["file"].is_string())
      throw Error(where + ": field 'file': missing or not a string");
    if (!d.contains("actors") || !d["actors"].is_array())
      throw Error(where + ": field 'actors': missing or not a list");
    // Unknown fields are refused, as in gazetteers: a misspelt "optional" would count silently.
    for (const auto& [key, value] : d.items())
      if (key != "file" && key != "actors")
        throw Error(where + ": field '" + key + "': unknown field (an entry has file, actors)");
    GoldDocument gd;
    gd.file = d["file"].get<std::string>();
    // Scored twice, a document would count its hits twice: a slip in the gold file.
    auto [first, fresh] = entry_of.emplace(std::filesystem::path(gd.file).stem().string(), i);
    if (!fresh)
      throw Error(where + ": field 'file': '" + gd.file + "' is the document of entry " +
                  std::to_string(first->second) + " again");
    std::map<std::string, size_t> actor_at;  // name -> index in actors
    for (size_t k = 0; k < d["actors"].size(); ++k) {
      const auto& a = d["actors"][k];
      std::string aw = where + ": actors[" + std::to_string(k) + "]";
      if (!a.is_object() || !a.contains("name") || !a["name"].is_string())
        throw Error(aw + ": field 'name': missing or not a string");
      GoldActor ga;
      ga.name = a["name"].get<std::string>();
      if (ga.name.find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error(aw + ": field 'name': empty");
      if (auto [twice, new_name] = actor_at.emplace(ga.name, k); !new_name)
        throw Error(aw + ": field 'name': '" + ga.name + "' is listed twice (also actors[" +
                    std::to_string(twice->second) + "])");
      for (const auto& [key, value] : a.items())
        if (key != "name" && key != "type" && key != "optional" && key != "forms")
          throw Error(aw + ": field '" + key +
                      "': unknown field (an actor has name, type, optional, forms)");
      if (a.contains("type")) {
        ActorType t;
        if (!a["type"].is_string() || !ParseActorType(a["type"].get<std::string>(), &t))
          throw Error(aw + ": field 'type': not one of person, state, group, media");
        ga.type = a["type"].get<std::string>();
      }
      if (a.contains("optional")) {
        if (!a["optional"].is_boolean()) throw Error(aw + ": field 'optional': not true or false");
        ga.optional = a["optional"].get<bool>();
      }
      if (a.contains("forms")) {
        if (!a["forms"].is_array()) throw Error(aw + ": field 'forms': not a list of strings");
        for (const auto& f : a["forms"]) {
          if (!f.is_string()) throw Error(aw + ": field 'forms': not a list of strings");
          ga.forms.push_back(f.get<std::string>());
        }
      }
      gd.actors.push_back(std::move(ga));
    }
    out.push_back(std::move(gd));
  }
  return out;
}

GoldNameIndex::GoldNameIndex(const Gazetteer& gazetteer) : actor_count_(gazetteer.actors().size()) {
  const auto& actors = gazetteer.actors();
  for (size_t i = 0; i < actors.size(); ++i)
    for (const auto& al : actors[i].aliases)
      if (al.lang == "en") by_key_.emplace(MatchKey(al.text), static_cast<int>(i));
}

int GoldNameIndex::Find(std::string_view english_name) const {
  auto it = by_key_.find(MatchKey(english_name));
  return it == by_key_.end() ? -1 : it->second;
}

EvalReport Evaluate(const std::vector<GoldDocument>& gold, const Gazetteer& gazetteer,
                    const std::map<std::string, Found>& found) {
  return Evaluate(gold, gazetteer, GoldNameIndex(gazetteer), found);
}

EvalReport Evaluate(const std::vector<GoldDocument>& gold, const Gazetteer& gazetteer,
                    const GoldNameIndex& names, const std::map<std::string, Found>& found) {
  const auto& actors = gazetteer.actors();
  if (names.actor_count() != actors.size())
    throw Error("eval: the gold name index has " + std::to_string(names.actor_count()) +
                " actors, the gazetteer " + std::to_string(actors.size()) +
                " (built from another gazetteer)");
  EvalReport r;
  auto count = [&](const std::string& type, int Counts::*field) {
    ++(r.overall.*field);
    ++(r.by_type[type].*field);
  };
  for (const auto& gd : gold) {
    std::string id = std::filesystem::path(gd.file).stem().string();
    auto it = found.find(id);
    if (it == found.end()) it = found.find(gd.file);
    if (it == found.end()) {
      r.missing_documents.push_back(gd.file);
      continue;
    }
    ++r.documents;
    const Found& hits = it->second;
    std::set<int> expected, optional;
    for (const auto& ga : gd.actors) {
      int actor = names.Find(ga.name);
      // Two names of one actor ("Iraq", "Republic of Iraq") are one expected actor.
      if (actor >= 0 && (expected.count(actor) || optional.count(actor))) continue;
      if (ga.optional) {
        if (actor >= 0) optional.insert(actor);
        continue;
      }
      if (actor >= 0) expected.insert(actor);
      // Without a gold type: the gazetteer's type of the actor, "untyped" for a name no actor has.
      const std::string type = !ga.type.empty() ? ga.type
                               : actor >= 0     ? std::string(ToString(actors[actor].type))
                                                : "untyped";
      if (actor >= 0 && hits.count(actor)) {
        count(type, &Counts::tp);
      } else {
        count(type, &Counts::fn);
        std::string forms;
        for (const auto& f : ga.forms) forms += (forms.empty() ? "" : " | ") + f;
        r.misses.push_back({id, ga.name, type, actor >= 0 ? actors[actor].id : "", forms});
      }
    }
    for (const auto& [actor, surfaces] : hits) {
      if (expected.count(actor) || optional.count(actor)) continue;
      const Actor& a = actors[actor];
      std::string type(ToString(a.type));
      count(type, &Counts::fp);
      std::string s;
      for (const auto& f : surfaces) s += (s.empty() ? "" : " | ") + f;
      r.false_hits.push_back({id, a.label_en, type, a.id, s});
    }
  }
  return r;
}

}  // namespace actorgraph
