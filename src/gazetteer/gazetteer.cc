#include "actorgraph/gazetteer/gazetteer.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "actorgraph/base/error.h"
#include "actorgraph/base/json_error.h"
#include "actorgraph/base/json_keys.h"
#include "actorgraph/base/read_file.h"
#include "actorgraph/base/sha256.h"
#include "actorgraph/gazetteer/gazetteer_table.h"
#include "actorgraph/text/normalize.h"

namespace actorgraph {
namespace {

// An `extends` entry adds its names, demonyms, affiliations and roles to an actor loaded before
// (the same on the fast and the checking load path).
void AppendExtension(const Actor& extra, Actor* a) {
  a->aliases.insert(a->aliases.end(), extra.aliases.begin(), extra.aliases.end());
  a->demonym_stems.insert(a->demonym_stems.end(), extra.demonym_stems.begin(),
                          extra.demonym_stems.end());
  a->demonym_block.insert(a->demonym_block.end(), extra.demonym_block.begin(),
                          extra.demonym_block.end());
  a->affiliations.insert(a->affiliations.end(), extra.affiliations.begin(),
                         extra.affiliations.end());
  a->roles.insert(a->roles.end(), extra.roles.begin(), extra.roles.end());
}

namespace fs = std::filesystem;
using nlohmann::json;

// Thrown inside one entry's parsing; caught per entry so linting can go on.
struct EntryError {
  std::string field;
  std::string message;
};

bool ValidId(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

const json* Member(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

// True when `s` holds no letter once normalised (empty, spaces, tatweel, diacritics only): such a
// label or stem would match nothing, or, as a demonym stem, generate ال, ان, الآن and flood the
// results.
bool Blank(std::string_view s) {
  return NormalizeString(s).find_first_not_of(" \t\n\r") == std::string::npos;
}

std::string GetString(const json& obj, const char* key, const std::string& field, bool required) {
  const json* v = Member(obj, key);
  if (v == nullptr) {
    if (required) throw EntryError{field, "missing"};
    return "";
  }
  if (!v->is_string()) throw EntryError{field, "expected a string"};
  std::string s = v->get<std::string>();
  if (required && s.empty()) throw EntryError{field, "empty"};
  return s;
}

Tier ParseTier(const json& v, const std::string& field) {
  if (!v.is_string()) throw EntryError{field, "expected \"A\", \"B\" or \"C\""};
  auto t = v.get<std::string>();
  if (t == "A") return Tier::kA;
  if (t == "B") return Tier::kB;
  if (t == "C") return Tier::kC;
  throw EntryError{field, "unknown tier '" + t + "' (expected A, B or C)"};
}

// Parses a list of alias items (strings or {text, tier, triggers}) in one language.
void ParseAliasList(const json& list, const std::string& lang, How how, const std::string& field,
                    std::vector<Alias>* out) {
  if (!list.is_array()) throw EntryError{field, "expected a list"};
  for (size_t i = 0; i < list.size(); ++i) {
    const json& item = list[i];
    std::string f = field + "[" + std::to_string(i) + "]";
    Alias a;
    a.lang = lang;
    a.how = how;
    if (item.is_string()) {
      a.text = item.get<std::string>();
    } else if (item.is_object()) {
      for (auto it = item.begin(); it != item.end(); ++it)
        if (it.key() != "text" && it.key() != "tier" && it.key() != "triggers" &&
            it.key() != "case")
          throw EntryError{f + "." + it.key(), "unknown field"};
      a.text = GetString(item, "text", f + ".text", true);
      if (const json* t = Member(item, "tier")) a.tier = ParseTier(*t, f + ".tier");
      if (const json* c = Member(item, "case")) {
        if (!c->is_string() || (c->get<std::string>() != "any" && c->get<std::string>() != "name"))
          throw EntryError{f + ".case", "expected \"name\" (the default) or \"any\""};
        a.any_case = c->get<std::string>() == "any";
      }
      if (const json* tr = Member(item, "triggers")) {
        if (!tr->is_array()) throw EntryError{f + ".triggers", "expected a list of strings"};
        for (const auto& w : *tr) {
          if (!w.is_string()) throw EntryError{f + ".triggers", "expected a list of strings"};
          a.triggers.push_back(w.get<std::string>());
        }
      }
    } else {
      throw EntryError{f, "expected a string or an object with \"text\""};
    }
    if (NormalizeString(a.text).find_first_not_of(" \t\n") == std::string::npos)
      throw EntryError{f, "empty alias"};
    out->push_back(std::move(a));
  }
}

// {"ar": [...], "en": [...]}
void ParseLangLists(const json& obj, How how, const std::string& field, std::vector<Alias>* out,
                    const std::set<std::string>& extra_keys = {}) {
  if (!obj.is_object()) throw EntryError{field, "expected an object with \"ar\" and/or \"en\""};
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (it.key() == "ar" || it.key() == "en")
      ParseAliasList(it.value(), it.key(), how, field + "." + it.key(), out);
    else if (!extra_keys.count(it.key()))
      throw EntryError{field + "." + it.key(), "unknown field (expected \"ar\" or \"en\")"};
  }
}

std::vector<std::string> StringList(const json& v, const std::string& field) {
  if (!v.is_array()) throw EntryError{field, "expected a list of strings"};
  std::vector<std::string> out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string())
      throw EntryError{field + "[" + std::to_string(i) + "]", "expected a string"};
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

const std::set<std::string> kActorFields = {"id",      "extends",  "type",     "label",
                                            "aliases", "capitals", "demonyms", "affiliations",
                                            "roles",   "wikidata", "note",     "source"};

// Fills `a` from an entry; for "extends" entries only the additive fields are read.
void ParseEntry(const json& e, bool extending, Actor* a) {
  for (auto it = e.begin(); it != e.end(); ++it)
    if (!kActorFields.count(it.key())) throw EntryError{it.key(), "unknown field"};
  if (!extending) {
    std::string type = GetString(e, "type", "type", true);
    if (!ParseActorType(type, &a->type))
      throw EntryError{"type",
                       "unknown type '" + type + "' (expected person, state, group or media)"};
    const json* label = Member(e, "label");
    if (label == nullptr || !label->is_object()) throw EntryError{"label", "missing"};
    a->label_ar = GetString(*label, "ar", "label.ar", true);
    a->label_en = GetString(*label, "en", "label.en", true);
    if (Blank(a->label_ar)) throw EntryError{"label.ar", "empty"};
    if (Blank(a->label_en)) throw EntryError{"label.en", "empty"};
    a->aliases.push_back({a->label_ar, "ar", Tier::kA, How::kName, {}, false});
    a->aliases.push_back({a->label_en, "en", Tier::kA, How::kName, {}, false});
    a->wikidata = GetString(e, "wikidata", "wikidata", false);
    a->source = GetString(e, "source", "source", false);
    a->note = GetString(e, "note", "note", false);
    if (!a->wikidata.empty() &&
        (a->wikidata[0] != 'Q' || a->wikidata.size() < 2 ||
         !std::all_of(a->wikidata.begin() + 1, a->wikidata.end(), ::isdigit)))
      throw EntryError{"wikidata", "'" + a->wikidata + "' is not a Q-id"};
  } else if (Member(e, "type") || Member(e, "label") || Member(e, "wikidata")) {
    throw EntryError{"extends",
                     "an extending entry may only add aliases, capitals, demonyms, "
                     "affiliations and roles"};
  }
  if (const json* v = Member(e, "aliases")) ParseLangLists(*v, How::kAlias, "aliases", &a->aliases);
  if (const json* v = Member(e, "capitals"))
    ParseLangLists(*v, How::kCapital, "capitals", &a->aliases);
  if (const json* v = Member(e, "demonyms")) {
    ParseLangLists(*v, How::kDemonym, "demonyms", &a->aliases, {"stems", "block"});
    if (const json* s = Member(*v, "stems")) {
      auto stems = StringList(*s, "demonyms.stems");
      for (size_t i = 0; i < stems.size(); ++i)
        if (Blank(stems[i]))
          throw EntryError{"demonyms.stems[" + std::to_string(i) + "]", "empty stem"};
      a->demonym_stems.insert(a->demonym_stems.end(), stems.begin(), stems.end());
    }
    if (const json* b = Member(*v, "block")) {
      auto block = StringList(*b, "demonyms.block");
      a->demonym_block.insert(a->demonym_block.end(), block.begin(), block.end());
    }
  }
  if (const json* v = Member(e, "affiliations")) {
    auto aff = StringList(*v, "affiliations");
    a->affiliations.insert(a->affiliations.end(), aff.begin(), aff.end());
  }
  if (const json* v = Member(e, "roles")) {
    if (!v->is_array()) throw EntryError{"roles", "expected a list"};
    for (size_t i = 0; i < v->size(); ++i) {
      const json& r = (*v)[i];
      std::string f = "roles[" + std::to_string(i) + "]";
      if (!r.is_object()) throw EntryError{f, "expected an object"};
      for (auto it = r.begin(); it != r.end(); ++it)
        if (it.key() != "title" && it.key() != "start" && it.key() != "end" &&
            it.key() != "title_ar")
          throw EntryError{f + "." + it.key(), "unknown field"};
      Role role;
      role.title = GetString(r, "title", f + ".title", true);
      role.start = GetString(r, "start", f + ".start", false);
      role.end = GetString(r, "end", f + ".end", false);
      a->roles.push_back(std::move(role));
    }
  }
}

// ---- fast path (issue 16) -----------------------------------------------------------------
// A big gazetteer file is parsed with simdjson's DOM parser (it validates the whole document, as
// nlohmann does) and read straight into Actors. The fast path accepts only what the nlohmann path
// accepts without a problem, and gives up (NotFast) on anything else -- malformed JSON, a field
// that path would report, a key given twice (nlohmann keeps the last, simdjson would find the
// first) -- so that path, run from the start, produces the exact message. It reads the members in
// the order ParseEntry does (nlohmann iterates keys sorted: "ar" before "en").
struct NotFast {};

namespace sj = simdjson::dom;
using Opt = std::optional<sj::element>;

// The members of `obj` named in `keys`; a null member counts as missing (Member) unless its index
// is in `null_fails`. NotFast on a key given twice, or on any other key unless `others_ok`.
template <size_t N>
std::array<Opt, N> Fields(sj::object obj, const std::array<std::string_view, N>& keys,
                          bool others_ok = false, uint32_t null_fails = 0) {
  std::array<Opt, N> out{};
  std::array<bool, N> seen{};
  for (auto field : obj) {
    size_t k = 0;
    while (k < N && keys[k] != field.key) ++k;
    if (k == N) {
      if (others_ok) continue;
      throw NotFast{};
    }
    if (seen[k]) throw NotFast{};
    seen[k] = true;
    if (!field.value.is_null())
      out[k] = field.value;
    else if (null_fails & (1u << k))
      throw NotFast{};
  }
  return out;
}

std::string FastString(const Opt& e, bool required) {
  if (!e) {
    if (required) throw NotFast{};
    return "";
  }
  std::string_view v;
  if (e->get_string().get(v)) throw NotFast{};
  if (required && v.empty()) throw NotFast{};
  return std::string(v);
}

std::vector<std::string> FastStringList(const sj::element& e) {
  sj::array arr;
  if (e.get_array().get(arr)) throw NotFast{};
  std::vector<std::string> out;
  for (auto item : arr) {
    std::string_view v;
    if (item.get_string().get(v)) throw NotFast{};
    out.emplace_back(v);
  }
  return out;
}

void FastAliasList(const sj::element& e, const char* lang, How how, std::vector<Alias>* out,
                   NormalizedText* scratch) {
  sj::array arr;
  if (e.get_array().get(arr)) throw NotFast{};
  static constexpr std::array<std::string_view, 4> kKeys = {"text", "tier", "triggers", "case"};
  for (auto item : arr) {
    Alias a;
    a.lang = lang;
    a.how = how;
    std::string_view text;
    sj::object obj;
    if (!item.get_string().get(text)) {
      a.text = std::string(text);
    } else if (!item.get_object().get(obj)) {
      auto f = Fields(obj, kKeys);
      a.text = FastString(f[0], true);
      if (f[1]) {
        std::string_view t;
        if (f[1]->get_string().get(t)) throw NotFast{};
        if (t == "A")
          a.tier = Tier::kA;
        else if (t == "B")
          a.tier = Tier::kB;
        else if (t == "C")
          a.tier = Tier::kC;
        else
          throw NotFast{};
      }
      if (f[3]) {
        std::string_view c;
        if (f[3]->get_string().get(c) || (c != "any" && c != "name")) throw NotFast{};
        a.any_case = c == "any";
      }
      if (f[2]) a.triggers = FastStringList(*f[2]);
    } else {
      throw NotFast{};
    }
    Normalize(a.text, scratch);
    if (scratch->text.find_first_not_of(" \t\n") == std::string::npos) throw NotFast{};
    out->push_back(std::move(a));
  }
}

// {"ar": [...], "en": [...]} (for demonyms also "stems" and "block", which are returned). A null
// list fails in ParseLangLists, so it is not fast.
std::array<Opt, 2> FastLangLists(const sj::element& e, How how, std::vector<Alias>* out,
                                 NormalizedText* scratch, bool demonyms = false) {
  sj::object obj;
  if (e.get_object().get(obj)) throw NotFast{};
  std::array<Opt, 4> f;
  if (demonyms) {
    f = Fields(obj, std::array<std::string_view, 4>{"ar", "en", "stems", "block"}, false, 0b11);
  } else {
    auto two = Fields(obj, std::array<std::string_view, 2>{"ar", "en"}, false, 0b11);
    f = {two[0], two[1], std::nullopt, std::nullopt};
  }
  if (f[0]) FastAliasList(*f[0], "ar", how, out, scratch);
  if (f[1]) FastAliasList(*f[1], "en", how, out, scratch);
  return {f[2], f[3]};
}

// The members of an entry, in kActorFields order.
constexpr std::array<std::string_view, 12> kEntryKeys = {
    "id",       "extends",      "type",  "label",    "aliases", "capitals",
    "demonyms", "affiliations", "roles", "wikidata", "note",    "source"};

// ParseEntry on the fast path.
void FastEntry(const std::array<Opt, 12>& f, bool extending, Actor* a, NormalizedText* scratch) {
  if (!extending) {
    std::string type = FastString(f[2], true);
    if (!ParseActorType(type, &a->type)) throw NotFast{};
    sj::object label;
    if (!f[3] || f[3]->get_object().get(label)) throw NotFast{};
    auto l = Fields(label, std::array<std::string_view, 2>{"ar", "en"}, true);
    a->label_ar = FastString(l[0], true);
    a->label_en = FastString(l[1], true);
    if (Blank(a->label_ar) || Blank(a->label_en)) throw NotFast{};
    a->aliases.push_back({a->label_ar, "ar", Tier::kA, How::kName, {}, false});
    a->aliases.push_back({a->label_en, "en", Tier::kA, How::kName, {}, false});
    a->wikidata = FastString(f[9], false);
    a->source = FastString(f[11], false);
    a->note = FastString(f[10], false);
    if (!a->wikidata.empty() &&
        (a->wikidata[0] != 'Q' || a->wikidata.size() < 2 ||
         !std::all_of(a->wikidata.begin() + 1, a->wikidata.end(), ::isdigit)))
      throw NotFast{};
  } else if (f[2] || f[3] || f[9]) {
    throw NotFast{};
  }
  if (f[4]) FastLangLists(*f[4], How::kAlias, &a->aliases, scratch);
  if (f[5]) FastLangLists(*f[5], How::kCapital, &a->aliases, scratch);
  if (f[6]) {
    auto [stems, block] = FastLangLists(*f[6], How::kDemonym, &a->aliases, scratch, true);
    if (stems) {
      auto v = FastStringList(*stems);
      if (std::any_of(v.begin(), v.end(), [](const std::string& s) { return Blank(s); }))
        throw NotFast{};
      a->demonym_stems.insert(a->demonym_stems.end(), v.begin(), v.end());
    }
    if (block) {
      auto v = FastStringList(*block);
      a->demonym_block.insert(a->demonym_block.end(), v.begin(), v.end());
    }
  }
  if (f[7]) {
    auto v = FastStringList(*f[7]);
    a->affiliations.insert(a->affiliations.end(), v.begin(), v.end());
  }
  if (f[8]) {
    sj::array roles;
    if (f[8]->get_array().get(roles)) throw NotFast{};
    for (auto r : roles) {
      sj::object obj;
      if (r.get_object().get(obj)) throw NotFast{};
      auto rf = Fields(obj, std::array<std::string_view, 4>{"title", "start", "end", "title_ar"});
      Role role;
      role.title = FastString(rf[0], true);
      role.start = FastString(rf[1], false);
      role.end = FastString(rf[2], false);
      a->roles.push_back(std::move(role));
    }
  }
}

}  // namespace

std::string_view ToString(ActorType t) {
  switch (t) {
    case ActorType::kPerson:
      return "person";
    case ActorType::kState:
      return "state";
    case ActorType::kGroup:
      return "group";
    case ActorType::kMedia:
      return "media";
  }
  return "?";
}

bool ParseActorType(std::string_view s, ActorType* t) {
  for (ActorType x : {ActorType::kPerson, ActorType::kState, ActorType::kGroup, ActorType::kMedia})
    if (ToString(x) == s) {
      *t = x;
      return true;
    }
  return false;
}

std::string_view ToString(How h) {
  switch (h) {
    case How::kName:
      return "name";
    case How::kAlias:
      return "alias";
    case How::kDemonym:
      return "demonym";
    case How::kCapital:
      return "capital";
    case How::kRole:
      return "role";
  }
  return "?";
}

std::string_view ToString(Tier t) {
  switch (t) {
    case Tier::kA:
      return "A";
    case Tier::kB:
      return "B";
    case Tier::kC:
      return "C";
  }
  return "?";
}

std::string GazetteerProblem::ToString() const {
  std::string s = file;
  if (!id.empty()) s += ": actor '" + id + "'";
  if (!field.empty()) s += ": field '" + field + "'";
  return OneLine(s.empty() ? message : s + ": " + message);
}

std::vector<std::string> NisbaForms(std::string_view stem) {
  // Spec (d): S, Sة, Sون, Sين, Sان, Sتان, Sتين, Sات, Sا, each also with ال.
  static const char* kSuffixes[] = {"", "ة", "ون", "ين", "ان", "تان", "تين", "ات", "ا"};
  std::vector<std::string> out;
  for (const char* suffix : kSuffixes) {
    std::string form = std::string(stem) + suffix;
    out.push_back(form);
    out.push_back("ال" + form);
  }
  return out;
}

std::vector<fs::path> Gazetteer::ExpandPaths(const std::vector<fs::path>& paths) {
  std::vector<fs::path> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(p, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file() && (it->path().extension() == ".json" || IsTablePath(it->path())))
          found.push_back(it->path());
      if (ec) throw Error(p.string() + ": cannot list folder: " + ec.message());
      std::sort(found.begin(), found.end());
      if (found.empty())
        throw Error(p.string() + ": no *.json, *.csv or *.tsv gazetteer files in this folder");
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      out.push_back(p);
    } else if (ec && ec != std::errc::no_such_file_or_directory) {  // e.g. a folder above it
      throw Error(p.string() + ": cannot read the gazetteer: " + ec.message());
    } else {
      throw Error(p.string() + ": no such gazetteer file or folder");
    }
  }
  return out;
}

Gazetteer Gazetteer::Load(const std::vector<fs::path>& paths,
                          std::vector<GazetteerProblem>* problems) {
  Gazetteer g;
  for (const auto& f : ExpandPaths(paths)) {
    std::string contents = ReadWholeFile(f, "the gazetteer file");
    if (IsTablePath(f))
      g.AddTableFile(contents, f.string(), TableDelimiter(f), problems);
    else
      g.AddFile(contents, f.string(), problems);
  }
  g.Finish();
  return g;
}

void Gazetteer::AddFile(std::string_view contents, const std::string& name,
                        std::vector<GazetteerProblem>* problems) {
  files_.push_back(name);
  // Without `problems` (build, compare, ...) a well-formed file takes the fast path; anything it
  // does not take is parsed again below, which reports the problem.
  if (problems == nullptr && AddJsonFast(contents, name)) return;
  json doc;
  try {
    doc = json::parse(contents);
    if (auto twice = FindDuplicateKey(contents)) {  // refused, not the last value silently
      GazetteerProblem p{name, "", twice->key, twice->Message()};
      if (problems == nullptr) throw Error(p.ToString());
      problems->push_back(std::move(p));
      return;
    }
  } catch (const json::parse_error& e) {
    GazetteerProblem p{name, "", "", "malformed JSON " + JsonErrorAt(e.what(), e.byte)};
    if (problems == nullptr) throw Error(p.ToString());
    problems->push_back(std::move(p));
    return;
  } catch (const json::exception& e) {  // out_of_range: a number too large for a double
    GazetteerProblem p{name, "", "", "malformed JSON: " + JsonExceptionReason(e.what())};
    if (problems == nullptr) throw Error(p.ToString());
    problems->push_back(std::move(p));
    return;
  }
  AddJson(&doc, name, problems, nullptr);
}

bool Gazetteer::AddJsonFast(std::string_view contents, const std::string& name) {
  sj::parser parser;
  simdjson::padded_string padded(contents);
  sj::element doc;
  if (parser.parse(padded).get(doc)) return false;
  const size_t old_size = actors_.size();
  // Extensions are applied once the whole file has passed, so giving up leaves nothing changed.
  std::vector<std::pair<int, Actor>> extensions;
  try {
    sj::object top;
    if (doc.get_object().get(top)) throw NotFast{};
    auto t = Fields(top, std::array<std::string_view, 2>{"actorgraph_gazetteer", "actors"}, true);
    int64_t version = 0;
    if (!t[0] || t[0]->get_int64().get(version) || version != 1) throw NotFast{};
    sj::array list;
    if (!t[1] || t[1]->get_array().get(list)) throw NotFast{};
    NormalizedText scratch;
    for (auto e : list) {
      sj::object obj;
      if (e.get_object().get(obj)) throw NotFast{};
      auto f = Fields(obj, kEntryKeys);
      if (f[0].has_value() == f[1].has_value()) throw NotFast{};
      std::string_view idv;
      if ((f[0] ? *f[0] : *f[1]).get_string().get(idv) || !ValidId(idv)) throw NotFast{};
      std::string actor_id(idv);
      if (f[1]) {
        int idx = IndexOf(actor_id);
        if (idx < 0) throw NotFast{};
        Actor extra;
        FastEntry(f, true, &extra, &scratch);
        extensions.emplace_back(idx, std::move(extra));
        continue;
      }
      if (Find(actor_id) != nullptr) throw NotFast{};
      Actor a;
      a.id = std::move(actor_id);
      a.file = name;
      FastEntry(f, false, &a, &scratch);
      index_.emplace(a.id, static_cast<int>(actors_.size()));
      actors_.push_back(std::move(a));
    }
  } catch (const NotFast&) {
    for (size_t i = old_size; i < actors_.size(); ++i) index_.erase(actors_[i].id);
    actors_.erase(actors_.begin() + static_cast<std::ptrdiff_t>(old_size), actors_.end());
    return false;
  }
  for (auto& [idx, extra] : extensions) AppendExtension(extra, &actors_[idx]);
  hash_stale_ = true;
  return true;
}

void Gazetteer::AddTableFile(std::string_view contents, const std::string& name, char delimiter,
                             std::vector<GazetteerProblem>* problems) {
  files_.push_back(name);
  std::vector<std::function<std::string(const std::string&)>> where;  // per entry
  std::string json_text;
  try {
    json_text = GazetteerTableToJson(contents, delimiter, name, &where);
  } catch (const Error& e) {
    if (problems == nullptr) throw;
    problems->push_back({"", "", "", e.what()});
    return;
  }
  json doc = json::parse(json_text);
  AddJson(&doc, name, problems, [&](size_t entry, const std::string& field) {
    return entry < where.size() ? where[entry](field) : name;
  });
}

void Gazetteer::AddJson(const void* doc_ptr, const std::string& name,
                        std::vector<GazetteerProblem>* problems,
                        const std::function<std::string(size_t, const std::string&)>& locate) {
  const json& doc = *static_cast<const json*>(doc_ptr);
  auto report = [&](GazetteerProblem p) {
    if (problems == nullptr) throw Error(p.ToString());
    problems->push_back(std::move(p));
  };
  if (!doc.is_object()) return report({name, "", "", "expected a JSON object at the top"});
  const json* version = Member(doc, "actorgraph_gazetteer");
  if (version == nullptr || !version->is_number_integer() || version->get<int>() != 1)
    return report({name, "", "actorgraph_gazetteer", "expected format version 1"});
  const json* actors = Member(doc, "actors");
  if (actors == nullptr || !actors->is_array())
    return report({name, "", "actors", "missing or not a list"});
  for (size_t i = 0; i < actors->size(); ++i) {
    const json& e = (*actors)[i];
    // Table rows name the cell: "file:line:column".
    std::string file = name;
    auto at = [&](const std::string& field) { return locate ? locate(i, field) : name; };
    std::string where = "#";
    where += std::to_string(i);
    if (!e.is_object()) {
      report({file, where, "", "expected an object"});
      continue;
    }
    const json* id = Member(e, "id");
    const json* ext = Member(e, "extends");
    if ((id == nullptr) == (ext == nullptr)) {
      report({at("id"), where, "id", "each entry needs exactly one of \"id\" or \"extends\""});
      continue;
    }
    const json& idv = id ? *id : *ext;
    if (!idv.is_string() || !ValidId(idv.get<std::string>())) {
      report({at(id ? "id" : "extends"), where, id ? "id" : "extends",
              "expected lowercase ASCII letters, digits and '_'"});
      continue;
    }
    std::string actor_id = idv.get<std::string>();
    try {
      if (ext != nullptr) {
        int idx = IndexOf(actor_id);
        if (idx < 0) {
          report({at("extends"), actor_id, "extends",
                  "no actor with this id was loaded before this file"});
          continue;
        }
        Actor extra;
        ParseEntry(e, true, &extra);
        AppendExtension(extra, &actors_[idx]);
        continue;
      }
      if (const Actor* prev = Find(actor_id)) {
        report({at("id"), actor_id, "id", "defined twice: also in " + prev->file});
        continue;
      }
      Actor a;
      a.id = actor_id;
      a.file = name;
      ParseEntry(e, false, &a);
      index_.emplace(a.id, static_cast<int>(actors_.size()));
      actors_.push_back(std::move(a));
    } catch (const EntryError& err) {
      report({at(err.field), actor_id, err.field, err.message});
    }
  }
  hash_stale_ = true;  // hashed once, after the last file (hashing per file was quadratic)
}

const std::string& Gazetteer::hash() const {
  if (hash_stale_) Rehash();
  return hash_;
}

void Gazetteer::Rehash() const {
  // Canonical form: every field of every actor, separated by control characters that never occur
  // in the (UTF-8 text) fields.
  std::string h;
  auto put = [&](const std::string& s) {
    h += s;
    h += '\x1f';
  };
  for (const Actor& a : actors_) {
    put(a.id);
    put(std::string(ToString(a.type)));
    put(a.label_ar);
    put(a.label_en);
    for (const Alias& al : a.aliases) {
      if (al.generated) continue;
      put(al.text);
      put(al.lang);
      put(std::string(ToString(al.tier)));
      put(std::string(ToString(al.how)));
      for (const auto& t : al.triggers) put(t);
      h += '\x1d';
    }
    for (const auto* list : {&a.demonym_stems, &a.demonym_block, &a.affiliations}) {
      for (const auto& x : *list) put(x);
      h += '\x1d';
    }
    for (const Role& r : a.roles) {
      put(r.title);
      put(r.start);
      put(r.end);
    }
    put(a.wikidata);
    put(a.source);
    h += '\x1e';
  }
  hash_ = Sha256Hex(h);
  hash_stale_ = false;
}

void Gazetteer::Finish() {
  if (finished_) return;
  finished_ = true;
  if (hash_stale_) Rehash();
  for (Actor& a : actors_) {
    if (a.demonym_stems.empty()) continue;
    std::set<std::string> blocked;
    for (const auto& b : a.demonym_block) blocked.insert(NormalizeString(b));
    std::set<std::string> seen;
    for (const auto& stem : a.demonym_stems) {
      for (auto& form : NisbaForms(stem)) {
        std::string norm = NormalizeString(form);
        if (blocked.count(norm) || !seen.insert(norm).second) continue;
        a.aliases.push_back({form, "ar", Tier::kA, How::kDemonym, {}, true});
      }
    }
  }
}

const Actor* Gazetteer::Find(std::string_view id) const {
  int i = IndexOf(id);
  return i < 0 ? nullptr : &actors_[i];
}

int Gazetteer::IndexOf(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? -1 : it->second;
}

std::string Gazetteer::CountryOf(const Actor& a) const {
  if (a.type == ActorType::kState) {
    // A sub-state entity (Kurdistan Region) rolls up to its state.
    for (const auto& aff : a.affiliations)
      if (const Actor* p = Find(aff); p && p->type == ActorType::kState) return p->id;
    return a.id;
  }
  // Breadth-first along affiliations; the first state reached wins.
  std::vector<const Actor*> frontier = {&a};
  std::set<std::string> seen = {a.id};
  for (int depth = 0; depth < 8 && !frontier.empty(); ++depth) {
    std::vector<const Actor*> next;
    for (const Actor* x : frontier) {
      for (const auto& aff : x->affiliations) {
        const Actor* p = Find(aff);
        if (p == nullptr || !seen.insert(p->id).second) continue;
        if (p->type == ActorType::kState) return CountryOf(*p);
        next.push_back(p);
      }
    }
    frontier = std::move(next);
  }
  return "";
}

}  // namespace actorgraph
