#include "actorgraph/gazetteer/gazetteer_check.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "actorgraph/base/error.h"
#include "actorgraph/base/read_file.h"
#include "actorgraph/read/reader.h"
#include "actorgraph/text/normalize.h"
#include "actorgraph/text/segment.h"

namespace actorgraph {
namespace {

// The forms of a normalised key without one proclitic chain on its first word (و/ف, then ب/ل/ك,
// لل → ال) or without the article ال: the spellings the matcher's generated proclitic forms or
// the article would make equal to another name.
std::vector<std::string> WithoutClitics(const std::string& key) {
  static const std::string conj[] = {NormalizeString("و"), NormalizeString("ف")};
  static const std::string prep[] = {NormalizeString("ب"), NormalizeString("ل"),
                                     NormalizeString("ك")};
  static const std::string al = NormalizeString("ال"), lil = NormalizeString("لل");
  std::vector<std::string> out;
  auto min_rest = [](const std::string& s, size_t cut) {
    size_t sp = s.find(' ');
    return (sp == std::string::npos ? s.size() : sp) >= cut + 4;  // keep two letters at least
  };
  auto preps = [&](const std::string& s) {
    if (s.starts_with(lil) && min_rest(s, lil.size())) out.push_back(al + s.substr(lil.size()));
    for (const auto& p : prep)
      if (s.starts_with(p) && min_rest(s, p.size())) out.push_back(s.substr(p.size()));
    if (s.starts_with(al) && min_rest(s, al.size())) out.push_back(s.substr(al.size()));
  };
  for (const auto& c : conj)
    if (key.starts_with(c) && min_rest(key, c.size())) {
      out.push_back(key.substr(c.size()));
      preps(key.substr(c.size()));
    }
  preps(key);
  return out;
}

}  // namespace

std::set<std::string> LoadStopwords(const std::string& path) {
  std::istringstream in(ReadWholeFile(path, "the stop list"));
  std::set<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::string k = MatchKey(line);
    if (!k.empty()) out.insert(k);
  }
  return out;
}

std::vector<GazetteerProblem> UnresolvedReferences(const Gazetteer& g) {
  std::vector<GazetteerProblem> out;
  for (const Actor& a : g.actors())
    for (const auto& aff : a.affiliations)
      if (aff != a.id && !g.Find(aff))
        out.push_back({a.file, a.id, "affiliations",
                       "unknown actor id '" + aff + "' (no loaded gazetteer file defines it)"});
  return out;
}

LintResult LintGazetteer(const Gazetteer& g, const std::set<std::string>& stopwords) {
  LintResult r = {UnresolvedReferences(g), {}};
  const auto& actors = g.actors();
  // key -> tier -> actors using it (one entry per actor)
  std::map<std::string, std::map<Tier, std::vector<size_t>>> uses;
  for (size_t i = 0; i < actors.size(); ++i) {
    const Actor& a = actors[i];
    for (size_t k = 0; k < a.aliases.size(); ++k) {
      const Alias& al = a.aliases[k];
      std::string key = MatchKey(al.text);
      if (key.empty()) continue;
      auto& list = uses[key][al.tier];
      if (list.empty() || list.back() != i) list.push_back(i);
      if (al.tier == Tier::kA && al.lang == "ar" && stopwords.count(key))
        r.errors.push_back({a.file, a.id, al.generated ? "demonyms.stems" : "aliases." + al.lang,
                            "always-on alias '" + al.text +
                                "' is a common word; make it tier B or C (or block the form)"});
    }
    for (const auto& aff : a.affiliations)
      if (aff == a.id)
        r.errors.push_back({a.file, a.id, "affiliations", "an actor cannot belong to itself"});
    for (size_t k = 0; k < a.roles.size(); ++k) {
      const Role& role = a.roles[k];
      std::string f = "roles[" + std::to_string(k) + "]";
      if (!role.start.empty() && !IsIsoDate(role.start))
        r.errors.push_back({a.file, a.id, f + ".start", "'" + role.start + "' is not YYYY-MM-DD"});
      if (!role.end.empty() && !IsIsoDate(role.end))
        r.errors.push_back({a.file, a.id, f + ".end", "'" + role.end + "' is not YYYY-MM-DD"});
      if (IsIsoDate(role.start) && IsIsoDate(role.end) && role.end < role.start)
        r.errors.push_back({a.file, a.id, f + ".end", "ends before it starts"});
    }
  }
  for (const auto& [key, tiers] : uses) {
    for (const auto& [tier, list] : tiers) {
      if (list.size() < 2) continue;
      const Actor& a = actors[list[0]];
      std::string others;
      for (size_t k = 1; k < list.size(); ++k)
        others += (k > 1 ? ", " : "") + actors[list[k]].id + " (" + actors[list[k]].file + ")";
      if (tier == Tier::kA)
        r.errors.push_back(
            {a.file, a.id, "aliases", "tier-A alias '" + key + "' is also an alias of " + others});
      else if (tier == Tier::kC)
        continue;  // tier C never matches, sharing it is harmless
      else
        r.warnings.push_back({a.file, a.id, "aliases",
                              "tier-B alias '" + key + "' is shared with " + others +
                                  " (neither counts where both are named)"});
    }
    auto a_it = tiers.find(Tier::kA), b_it = tiers.find(Tier::kB);
    if (a_it != tiers.end() && b_it != tiers.end()) {
      for (size_t b : b_it->second) {
        if (std::find(a_it->second.begin(), a_it->second.end(), b) != a_it->second.end()) continue;
        r.warnings.push_back({actors[b].file, actors[b].id, "aliases",
                              "tier-B alias '" + key + "' is a tier-A alias of " +
                                  actors[a_it->second[0]].id + "; it will not count here"});
      }
    }
  }
  // A name that contains another actor's name (whole words): the longest match gives the span to
  // the longer name, so the actor inside it is never found there (كتائب حزب الله hides حزب الله).
  // Demonyms inside names are left out: that is what they are for (الحرس الثوري الإيراني).
  // And names of different actors that differ only by a proclitic or the article (بدر / لبدر,
  // صدر / الصدر): the generated forms of one are the other's name.
  {
    std::map<std::string, std::vector<size_t>> names;  // key -> actors (tier A/B, not demonyms)
    for (size_t i = 0; i < actors.size(); ++i)
      for (const Alias& al : actors[i].aliases) {
        if (al.tier == Tier::kC || al.how == How::kDemonym) continue;
        auto& v = names[MatchKey(al.text)];
        if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
      }
    std::set<std::tuple<size_t, size_t, std::string>> said;
    // The actors an actor belongs to, through affiliations: their names inside its names are by
    // design (كتائب حزب الله في العراق names Iraq on purpose) and are not reported.
    auto ancestors = [&](const Actor& a) {
      std::set<std::string> seen;
      std::vector<const Actor*> todo = {&a};
      while (!todo.empty()) {
        const Actor* x = todo.back();
        todo.pop_back();
        for (const auto& aff : x->affiliations)
          if (const Actor* p = g.Find(aff); p && seen.insert(p->id).second) todo.push_back(p);
      }
      return seen;
    };
    for (size_t i = 0; i < actors.size(); ++i) {
      const Actor& a = actors[i];
      const std::set<std::string> belongs = ancestors(a);
      for (const Alias& al : a.aliases) {
        if (al.tier == Tier::kC || al.generated) continue;
        std::string key = MatchKey(al.text);
        std::vector<std::string_view> words = Tokenize(key);
        for (size_t b = 0; b < words.size(); ++b) {
          std::string part;
          for (size_t e = b; e < words.size(); ++e) {
            if (e > b) part += ' ';
            part.append(words[e]);
            if (b == 0 && e + 1 == words.size()) break;  // the whole name
            auto it = names.find(part);
            if (it == names.end()) continue;
            for (size_t j : it->second) {
              // One warning per pair of actors.
              if (j == i || belongs.count(actors[j].id) || !said.insert({i, j, ""}).second)
                continue;
              r.warnings.push_back({a.file, a.id, "aliases",
                                    "alias '" + al.text + "' contains '" + part + "', a name of " +
                                        actors[j].id + "; it is never found inside this name"});
            }
          }
        }
        if (al.lang != "ar") continue;
        for (const auto& bare : WithoutClitics(key)) {
          auto it = names.find(bare);
          if (it == names.end()) continue;
          for (size_t j : it->second) {
            if (j == i || !said.insert({i, j, "clitic:" + key}).second) continue;
            r.warnings.push_back({a.file, a.id, "aliases",
                                  "alias '" + al.text + "' differs from '" + bare +
                                      "', a name of " + actors[j].id +
                                      ", only by a proclitic or the article; the matcher's "
                                      "generated forms of one are the other"});
          }
        }
      }
    }
  }
  // Overlapping terms of one office (half-open intervals: a handover on the same day is fine).
  struct Term {
    std::string start, end;
    const Actor* actor;
    size_t index;
  };
  std::map<std::string, std::vector<Term>> offices;
  for (const Actor& a : actors)
    for (size_t k = 0; k < a.roles.size(); ++k)
      if (IsIsoDate(a.roles[k].start) && (a.roles[k].end.empty() || IsIsoDate(a.roles[k].end)))
        offices[a.roles[k].title].push_back(
            {a.roles[k].start, a.roles[k].end.empty() ? "9999-12-31" : a.roles[k].end, &a, k});
  for (auto& [title, terms] : offices) {
    std::sort(terms.begin(), terms.end(),
              [](const Term& x, const Term& y) { return x.start < y.start; });
    for (size_t k = 1; k < terms.size(); ++k) {
      const Term& prev = terms[k - 1];
      const Term& cur = terms[k];
      if (cur.start < prev.end)
        r.errors.push_back({cur.actor->file, cur.actor->id,
                            "roles[" + std::to_string(cur.index) + "]",
                            "'" + title + "' from " + cur.start + " overlaps the term of " +
                                prev.actor->id + " (" + prev.start + " to " + prev.end + ")"});
    }
  }
  return r;
}

}  // namespace actorgraph
