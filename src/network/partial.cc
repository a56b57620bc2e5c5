#include "actorgraph/network/partial.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/base/error.h"
#include "actorgraph/base/file_identity.h"
#include "actorgraph/base/json_error.h"
#include "actorgraph/base/json_keys.h"
#include "actorgraph/base/read_file.h"
#include "actorgraph/base/sha256.h"

namespace actorgraph {
namespace {

using nlohmann::ordered_json;

// 2: nodes and edges carry "sources", evidence "source" and "url".
constexpr uint64_t kPartialVersion = 3;  // 3: types and roles

// The bytes of a partial graph file; Error naming the file when it is a folder or unreadable.
std::string ReadWhole(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(path.string() +
                ": is a folder, not a partial graph (name its actors.partial.json)");
  return ReadWholeFile(path, "the partial graph");
}

ordered_json ParseJson(std::string_view contents, const std::string& name) {
  ordered_json j;
  try {
    j = ordered_json::parse(contents);
  } catch (const ordered_json::parse_error& e) {
    if (e.byte >= contents.size() || contents.find_first_not_of(" \t\r\n") == std::string::npos)
      throw Error(name + ": truncated: the JSON ends at byte " + std::to_string(contents.size()) +
                  " before the partial graph is complete");
    throw Error(name + ": malformed JSON " + JsonErrorAt(e.what(), e.byte));
  } catch (const ordered_json::exception& e) {  // out_of_range: a number too large for a double
    throw Error(name + ": malformed JSON: " + JsonExceptionReason(e.what()));
  }
  // A count given twice: refused, not the last one silently.
  if (auto twice = FindDuplicateKey(contents))
    throw Error(name + ": field '" + twice->key + "': " + twice->Message());
  if (!j.is_object() || !j.contains("actorgraph_partial"))
    throw Error(name + ": field 'actorgraph_partial': missing: not a partial graph");
  const auto& v = j["actorgraph_partial"];
  if (!v.is_number_unsigned() || v.get<uint64_t>() != kPartialVersion)
    throw Error(name + ": field 'actorgraph_partial': version " + v.dump() +
                " is not supported (this actorgraph reads version " +
                std::to_string(kPartialVersion) + ")");
  return j;
}

// The value of `field` in `obj` as T, or an Error naming the file and field.
template <typename T>
T Get(const ordered_json& obj, const char* field, const std::string& name,
      const std::string& where) {
  auto it = obj.find(field);
  std::string path = where.empty() ? field : where + "." + field;
  if (it == obj.end()) throw Error(name + ": field '" + path + "': missing");
  if constexpr (std::is_same_v<T, std::string>) {
    if (!it->is_string()) throw Error(name + ": field '" + path + "': expected a string");
    return it->template get<std::string>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!it->is_boolean()) throw Error(name + ": field '" + path + "': expected true or false");
    return it->template get<bool>();
  } else {
    if (!it->is_number_unsigned())
      throw Error(name + ": field '" + path + "': expected a non-negative integer");
    uint64_t v = it->template get<uint64_t>();
    if (v > std::numeric_limits<T>::max())
      throw Error(name + ": field '" + path + "': " + std::to_string(v) + " is out of range");
    // Counts add up over shards and are written as JSON numbers and doubles (GEXF, GraphML in
    // Gephi): above 2^53 - 1 they would lose digits, and near 2^64 wrap around when summed.
    constexpr uint64_t kMaxExact = (uint64_t{1} << 53) - 1;
    if (v > kMaxExact)
      throw Error(name + ": field '" + path + "': " + std::to_string(v) +
                  " is beyond 2^53 - 1, the largest count the outputs hold exactly");
    return static_cast<T>(v);
  }
}

const ordered_json& GetArray(const ordered_json& obj, const char* field, const std::string& name,
                             const std::string& where) {
  auto it = obj.find(field);
  std::string path = where.empty() ? field : where + "." + field;
  if (it == obj.end() || !it->is_array())
    throw Error(name + ": field '" + path + "': missing or not a list");
  return *it;
}

void ReadDateMap(const ordered_json& obj, const std::string& name, const std::string& where,
                 std::map<std::string, uint64_t>* out) {
  auto it = obj.find("by_date");
  if (it == obj.end() || !it->is_object())
    throw Error(name + ": field '" + where + ".by_date': missing or not an object");
  for (const auto& [d, c] : it->items()) {
    if (!c.is_number_unsigned())
      throw Error(name + ": field '" + where + ".by_date." + d + "': expected a count");
    (*out)[d] = c.get<uint64_t>();
  }
}

// `parse` applied to the string field `field`; its Error ("--types: 'x' is not ...") becomes
// "NAME: field 'FIELD': --types: 'x' is not ...".
template <typename Parse>
auto ParsedField(const ordered_json& j, const char* field, const std::string& name, Parse parse) {
  std::string value = Get<std::string>(j, field, name, "");
  try {
    return parse(value);
  } catch (const Error& e) {
    throw Error(name + ": field '" + field + "': " + e.what());
  }
}

CooccurOptions OptionsOf(const ordered_json& j, const std::string& name) {
  CooccurOptions o;
  o.window = ParsedField(j, "window", name, [](const std::string& v) { return ParseWindow(v); });
  o.max_evidence = Get<size_t>(j, "max_evidence", name, "");
  o.snippet_chars = Get<size_t>(j, "snippet_chars", name, "");
  o.types = ParsedField(j, "types", name, [](const std::string& v) { return ParseTypes(v); });
  o.roles = Get<bool>(j, "roles", name, "");
  return o;
}

// A sorted id set as its source names, sorted (so the file does not depend on interning order).
ordered_json SourceList(const Cooccurrence& counts, const std::vector<uint32_t>& ids) {
  std::vector<std::string> names;
  for (uint32_t id : ids) names.push_back(counts.source_names()[id]);
  std::sort(names.begin(), names.end());
  ordered_json j = ordered_json::array();
  for (auto& n : names) j.push_back(std::move(n));
  return j;
}

// "sources" of a node or edge into `out` (ids interned in `into`).
void ReadSources(const ordered_json& obj, const std::string& name, const std::string& where,
                 Cooccurrence* into, std::vector<uint32_t>* out) {
  auto it = obj.find("sources");
  if (it == obj.end() || !it->is_array())
    throw Error(name + ": field '" + where + ".sources': missing or not a list");
  for (size_t k = 0; k < it->size(); ++k) {
    const auto& s = (*it)[k];
    if (!s.is_string())
      throw Error(name + ": field '" + where + ".sources[" + std::to_string(k) +
                  "]': expected a string");
    Cooccurrence::AddSource(out, into->InternSource(s.get<std::string>()));
  }
}

ordered_json DateMap(const std::map<std::string, uint64_t>& m) {
  ordered_json j = ordered_json::object();
  for (const auto& [d, c] : m) j[d] = c;
  return j;
}

}  // namespace

void CheckDistinctShards(const std::vector<std::filesystem::path>& paths) {
  std::map<FileIdentity, std::filesystem::path> named;  // file -> its first name
  std::map<std::string, std::filesystem::path> seen;    // content hash -> first file
  for (const auto& p : paths) {
    // A file that cannot be examined is left to ReadWhole's error below.
    if (auto id = IdentityOf(p)) {
      auto [first, fresh] = named.emplace(*id, p);
      if (!fresh)
        throw Error("merge: " + p.string() + " is named twice" +
                    (first->second == p ? "" : " (as " + first->second.string() + ")") +
                    "; merging it twice would double every count");
    }
    auto [it, fresh] = seen.emplace(Sha256Hex(ReadWhole(p)), p);
    if (!fresh)
      throw Error("merge: " + it->second.string() + " and " + p.string() +
                  " are the same shard (identical contents); merging both would double every "
                  "count");
  }
}

void WritePartial(const Cooccurrence& counts, const Gazetteer& gazetteer,
                  const std::filesystem::path& path) {
  const auto& actors = gazetteer.actors();
  ordered_json j;
  j["actorgraph_partial"] = kPartialVersion;
  j["gazetteer_hash"] = gazetteer.hash();
  j["window"] = ToString(counts.options().window);
  j["max_evidence"] = counts.options().max_evidence;
  j["snippet_chars"] = counts.options().snippet_chars;
  j["types"] = TypesToString(counts.options().types);
  j["roles"] = counts.options().roles;
  j["documents"] = counts.documents();
  j["sentences"] = counts.sentences();
  j["mentions"] = counts.mentions();
  j["windows"] = counts.windows();
  ordered_json nodes = ordered_json::array();
  std::vector<size_t> order;
  for (size_t i = 0; i < counts.nodes().size(); ++i)
    if (counts.nodes()[i].mentions) order.push_back(i);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return actors[a].id < actors[b].id; });
  for (size_t i : order) {
    const NodeStats& n = counts.nodes()[i];
    nodes.push_back({{"id", actors[i].id},
                     {"mentions", n.mentions},
                     {"documents", n.documents},
                     {"windows", n.windows},
                     {"by_date", DateMap(n.by_date)},
                     {"sources", SourceList(counts, n.sources)}});
  }
  j["nodes"] = std::move(nodes);
  std::vector<std::pair<std::pair<std::string, std::string>, uint64_t>> keys;
  for (const auto& [key, e] : counts.edges())
    keys.push_back({std::minmax(actors[key >> 32].id, actors[key & 0xFFFFFFFFu].id), key});
  std::sort(keys.begin(), keys.end());
  ordered_json edges = ordered_json::array();
  for (const auto& [ids, key] : keys) {
    const EdgeStats& e = counts.edges().at(key);
    ordered_json ev = ordered_json::array();
    for (const auto& r : e.evidence)
      ev.push_back({{"seq", r.seq},
                    {"doc", r.evidence.doc},
                    {"date", r.evidence.date},
                    {"window", r.evidence.window},
                    {"start", r.evidence.start},
                    {"end", r.evidence.end},
                    {"snippet", r.evidence.snippet},
                    {"source", r.evidence.source},
                    {"url", r.evidence.url}});
    edges.push_back({{"a", ids.first},
                     {"b", ids.second},
                     {"count", e.count},
                     {"documents", e.documents},
                     {"by_date", DateMap(e.by_date)},
                     {"sources", SourceList(counts, e.sources)},
                     {"evidence", std::move(ev)}});
  }
  j["edges"] = std::move(edges);
  WriteFileAtomically(path, [&](std::ostream& out) {
    out << j.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << "\n";
  });
}

CooccurOptions PartialOptions(const std::filesystem::path& path) {
  return PartialOptionsFromText(ReadWhole(path), path.string());
}

CooccurOptions PartialOptionsFromText(std::string_view contents, const std::string& name) {
  return OptionsOf(ParseJson(contents, name), name);
}

void MergePartial(const std::filesystem::path& path, const Gazetteer& gazetteer,
                  Cooccurrence* into) {
  MergePartialText(ReadWhole(path), path.string(), gazetteer, into);
}

void MergePartialText(std::string_view contents, const std::string& name,
                      const Gazetteer& gazetteer, Cooccurrence* into) {
  ordered_json j = ParseJson(contents, name);
  if (Get<std::string>(j, "gazetteer_hash", name, "") != gazetteer.hash())
    throw Error(name +
                ": field 'gazetteer_hash': made with another gazetteer than the one loaded (give "
                "merge the -g options the shards were built with)");
  CooccurOptions o = OptionsOf(j, name);
  const CooccurOptions& mine = into->options();
  if (o.window != mine.window)
    throw Error(name + ": field 'window': made with --window " + std::string(ToString(o.window)) +
                ", the first partial with --window " + std::string(ToString(mine.window)));
  if (o.max_evidence != mine.max_evidence)
    throw Error(name + ": field 'max_evidence': made with --max-evidence " +
                std::to_string(o.max_evidence) + ", the first partial with --max-evidence " +
                std::to_string(mine.max_evidence));
  if (o.types != mine.types)
    throw Error(name + ": field 'types': made with --types " + TypesToString(o.types) +
                ", the first partial with --types " + TypesToString(mine.types));
  if (o.roles != mine.roles)
    throw Error(name + ": field 'roles': made " + (o.roles ? "with" : "without") +
                " --roles, the first partial " + (mine.roles ? "with" : "without") + " it");
  if (o.snippet_chars != mine.snippet_chars)
    throw Error(name + ": field 'snippet_chars': " + std::to_string(o.snippet_chars) +
                ", the first partial " + std::to_string(mine.snippet_chars));
  auto index = [&](const std::string& id, const std::string& field) {
    int i = gazetteer.IndexOf(id);
    if (i < 0) throw Error(name + ": field '" + field + "': unknown actor '" + id + "'");
    return static_cast<uint32_t>(i);
  };
  const uint64_t offset = into->documents();  // evidence positions follow the earlier shards
  Cooccurrence part(gazetteer.actors().size(), o);
  const auto& nodes = GetArray(j, "nodes", name, "");
  for (size_t k = 0; k < nodes.size(); ++k) {
    const auto& n = nodes[k];
    std::string where = "nodes[" + std::to_string(k) + "]";
    if (!n.is_object()) throw Error(name + ": field '" + where + "': expected an object");
    NodeStats& s =
        part.mutable_nodes()[index(Get<std::string>(n, "id", name, where), where + ".id")];
    s.mentions = Get<uint64_t>(n, "mentions", name, where);
    s.documents = Get<uint64_t>(n, "documents", name, where);
    s.windows = Get<uint64_t>(n, "windows", name, where);
    ReadDateMap(n, name, where, &s.by_date);
    ReadSources(n, name, where, &part, &s.sources);
  }
  const auto& edges = GetArray(j, "edges", name, "");
  for (size_t k = 0; k < edges.size(); ++k) {
    const auto& e = edges[k];
    std::string where = "edges[" + std::to_string(k) + "]";
    if (!e.is_object()) throw Error(name + ": field '" + where + "': expected an object");
    uint32_t a = index(Get<std::string>(e, "a", name, where), where + ".a");
    uint32_t b = index(Get<std::string>(e, "b", name, where), where + ".b");
    if (a == b) throw Error(name + ": field '" + where + ".b': an edge needs two actors");
    EdgeStats& s = part.mutable_edges()[Cooccurrence::Key(a, b)];
    s.count = Get<uint64_t>(e, "count", name, where);
    s.documents = Get<uint64_t>(e, "documents", name, where);
    ReadDateMap(e, name, where, &s.by_date);
    ReadSources(e, name, where, &part, &s.sources);
    const auto& evidence = GetArray(e, "evidence", name, where);
    for (size_t m = 0; m < evidence.size(); ++m) {
      const auto& r = evidence[m];
      std::string rw = where + ".evidence[" + std::to_string(m) + "]";
      if (!r.is_object()) throw Error(name + ": field '" + rw + "': expected an object");
      EvidenceRecord rec;
      rec.seq = Get<uint64_t>(r, "seq", name, rw) + offset;
      rec.evidence.doc = Get<std::string>(r, "doc", name, rw);
      rec.evidence.date = Get<std::string>(r, "date", name, rw);
      rec.evidence.window = Get<uint32_t>(r, "window", name, rw);
      rec.evidence.start = Get<uint32_t>(r, "start", name, rw);
      rec.evidence.end = Get<uint32_t>(r, "end", name, rw);
      if (rec.evidence.end < rec.evidence.start)
        throw Error(name + ": field '" + rw + ".end': before 'start'");
      rec.evidence.snippet = Get<std::string>(r, "snippet", name, rw);
      rec.evidence.source = Get<std::string>(r, "source", name, rw);
      rec.evidence.url = Get<std::string>(r, "url", name, rw);
      s.evidence.push_back(std::move(rec));
    }
  }
  part.AddTotals(Get<uint64_t>(j, "documents", name, ""), Get<uint64_t>(j, "sentences", name, ""),
                 Get<uint64_t>(j, "mentions", name, ""), Get<uint64_t>(j, "windows", name, ""));
  into->Merge(part);
}

}  // namespace actorgraph
