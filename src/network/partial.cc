#include "actorgraph/network/partial.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/base/error.h"
#include "actorgraph/base/sha256.h"

namespace actorgraph {
namespace {

using nlohmann::ordered_json;

ordered_json ReadJson(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot open partial graph");
  try {
    ordered_json j = ordered_json::parse(in);
    if (!j.is_object() || j.value("actorgraph_partial", 0) != 1)
      throw Error(path.string() + ": field 'actorgraph_partial': not a partial graph (version 1)");
    return j;
  } catch (const ordered_json::parse_error& e) {
    throw Error(path.string() + ": malformed JSON at byte " + std::to_string(e.byte));
  }
}

ordered_json DateMap(const std::map<std::string, uint64_t>& m) {
  ordered_json j = ordered_json::object();
  for (const auto& [d, c] : m) j[d] = c;
  return j;
}

}  // namespace

void CheckDistinctShards(const std::vector<std::filesystem::path>& paths) {
  std::map<std::string, std::filesystem::path> seen;  // content hash -> first file
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw Error(p.string() + ": cannot open partial graph");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto [it, fresh] = seen.emplace(Sha256Hex(bytes), p);
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
  j["actorgraph_partial"] = 1;
  j["gazetteer_hash"] = gazetteer.hash();
  j["window"] = ToString(counts.options().window);
  j["max_evidence"] = counts.options().max_evidence;
  j["snippet_chars"] = counts.options().snippet_chars;
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
                     {"by_date", DateMap(n.by_date)}});
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
                    {"snippet", r.evidence.snippet}});
    edges.push_back({{"a", ids.first},
                     {"b", ids.second},
                     {"count", e.count},
                     {"documents", e.documents},
                     {"by_date", DateMap(e.by_date)},
                     {"evidence", std::move(ev)}});
  }
  j["edges"] = std::move(edges);
  WriteFileAtomically(path, [&](std::ostream& out) {
    out << j.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << "\n";
  });
}

CooccurOptions PartialOptions(const std::filesystem::path& path) {
  ordered_json j = ReadJson(path);
  CooccurOptions o;
  try {
    o.window = ParseWindow(j.at("window").get<std::string>());
    o.max_evidence = j.at("max_evidence").get<size_t>();
    o.snippet_chars = j.at("snippet_chars").get<size_t>();
  } catch (const ordered_json::exception& e) {
    throw Error(path.string() + ": " + e.what());
  }
  return o;
}

void MergePartial(const std::filesystem::path& path, const Gazetteer& gazetteer,
                  Cooccurrence* into) {
  ordered_json j = ReadJson(path);
  const std::string name = path.string();
  if (j.value("gazetteer_hash", "") != gazetteer.hash())
    throw Error(name + ": field 'gazetteer_hash': made with another gazetteer than the one loaded");
  CooccurOptions o = PartialOptions(path);
  const CooccurOptions& mine = into->options();
  if (o.window != mine.window || o.max_evidence != mine.max_evidence ||
      o.snippet_chars != mine.snippet_chars)
    throw Error(name + ": field 'window': made with other options than the first partial");
  auto index = [&](const std::string& id, const char* field) {
    int i = gazetteer.IndexOf(id);
    if (i < 0) throw Error(name + ": field '" + field + "': unknown actor '" + id + "'");
    return static_cast<uint32_t>(i);
  };
  try {
    const uint64_t offset = into->documents();  // evidence positions follow the earlier shards
    Cooccurrence part(gazetteer.actors().size(), o);
    for (const auto& n : j.at("nodes")) {
      NodeStats& s = part.mutable_nodes()[index(n.at("id").get<std::string>(), "nodes.id")];
      s.mentions = n.at("mentions").get<uint64_t>();
      s.documents = n.at("documents").get<uint64_t>();
      s.windows = n.at("windows").get<uint64_t>();
      for (const auto& [d, c] : n.at("by_date").items()) s.by_date[d] = c.get<uint64_t>();
    }
    for (const auto& e : j.at("edges")) {
      uint32_t a = index(e.at("a").get<std::string>(), "edges.a");
      uint32_t b = index(e.at("b").get<std::string>(), "edges.b");
      EdgeStats& s = part.mutable_edges()[Cooccurrence::Key(a, b)];
      s.count = e.at("count").get<uint64_t>();
      s.documents = e.at("documents").get<uint64_t>();
      for (const auto& [d, c] : e.at("by_date").items()) s.by_date[d] = c.get<uint64_t>();
      for (const auto& r : e.at("evidence")) {
        EvidenceRecord rec;
        rec.seq = r.at("seq").get<uint64_t>() + offset;
        rec.evidence.doc = r.at("doc").get<std::string>();
        rec.evidence.date = r.at("date").get<std::string>();
        rec.evidence.window = r.at("window").get<uint32_t>();
        rec.evidence.start = r.at("start").get<uint32_t>();
        rec.evidence.end = r.at("end").get<uint32_t>();
        rec.evidence.snippet = r.at("snippet").get<std::string>();
        s.evidence.push_back(std::move(rec));
      }
    }
    part.AddTotals(j.at("documents").get<uint64_t>(), j.at("sentences").get<uint64_t>(),
                   j.at("mentions").get<uint64_t>(), j.at("windows").get<uint64_t>());
    into->Merge(part);
  } catch (const ordered_json::exception& e) {
    throw Error(name + ": " + e.what());
  }
}

}  // namespace actorgraph
