#include "actorgraph/match/self_test.h"

#include <map>
#include <set>

#include "actorgraph/text/normalize.h"
#include "actorgraph/text/segment.h"

namespace actorgraph {
namespace {

// Whether a normalised token starts with an Arabic letter (lead bytes 0xD8..0xDB), as the matcher
// decides which first tokens get proclitic forms: an "ar" alias written in Latin letters (gazetteer
// suggest repeats an English candidate's name as its label.ar) gets none.
bool IsArabicToken(std::string_view t) {
  return !t.empty() && static_cast<unsigned char>(t[0]) >= 0xD8 &&
         static_cast<unsigned char>(t[0]) <= 0xDB;
}

std::string Field(const Alias& a) {
  if (a.generated) return "demonyms.stems";
  switch (a.how) {
    case How::kName:
      return "label." + a.lang;
    case How::kCapital:
      return "capitals." + a.lang;
    case How::kDemonym:
      return "demonyms." + a.lang;
    case How::kAlias:
    case How::kRole:  // roles are not aliases; listed for completeness
      break;
  }
  return "aliases." + a.lang;
}

}  // namespace

std::string NeutralSentence(std::string_view form, std::string_view lang) {
  std::string_view tpl = lang == "ar" ? kNeutralAr : kNeutralEn;
  size_t x = tpl.find('X');
  std::string s(tpl.substr(0, x));
  s += form;
  s += tpl.substr(x + 1);
  return s;
}

LintResult SelfTest(const Gazetteer& g, const Matcher& matcher) {
  LintResult r;
  const auto& actors = g.actors();
  // Which actors use each matching key at tier A: a key used by two is ambiguous by design.
  std::map<std::string, std::set<size_t>> users;
  for (size_t i = 0; i < actors.size(); ++i)
    for (const Alias& a : actors[i].aliases)
      if (a.tier == Tier::kA) users[MatchKey(NameInText(a.text))].insert(i);
  // Proclitic forms that are spelled like another alias's first token (كابو: ك + أبو, or Cabo)
  // or that two first tokens produce (للجنة: ل + لجنة, ل + اللجنة) resolve to that other token by
  // design (an exact form wins); they are not checked.
  std::map<std::string, std::set<std::string>> made_from;
  std::set<std::string> exact;
  for (const Actor& actor : actors)
    for (const Alias& a : actor.aliases) {
      std::string norm = NormalizeString(NameInText(a.text));
      auto toks = Tokenize(norm);
      if (toks.empty()) continue;
      exact.emplace(toks[0]);
      if (a.lang == "ar" && IsArabicToken(toks[0]))
        for (auto& f : ProcliticForms(toks[0], HasArticle(a.text))) made_from[f].emplace(toks[0]);
    }
  MatchScratch sc;
  std::vector<Mention> ms;
  for (size_t i = 0; i < actors.size(); ++i) {
    const Actor& actor = actors[i];
    std::set<std::string> seen;
    for (const Alias& a : actor.aliases) {
      if (a.tier != Tier::kA) continue;
      std::string name(NameInText(a.text));
      std::string key = MatchKey(name);
      if (key.empty() || !seen.insert(a.lang + key).second) continue;
      const auto& u = users[key];
      if (u.size() > 1) {
        std::string others;
        for (size_t o : u)
          if (o != i) others += (others.empty() ? "" : ", ") + actors[o].id;
        r.warnings.push_back({actor.file, actor.id, Field(a),
                              "'" + name + "' also names " + others + ": neither is found"});
        continue;
      }
      std::vector<std::string> forms = {name};
      if (a.lang == "ar") {
        std::string norm = NormalizeString(name);
        auto toks = Tokenize(norm);
        if (!toks.empty() && IsArabicToken(toks[0])) {
          std::string rest = norm.substr(toks[0].data() + toks[0].size() - norm.data());
          for (auto& f : ProcliticForms(toks[0], HasArticle(name))) {
            if (a.how == How::kCapital && f.size() > toks[0].size() &&
                f.substr(0, f.size() - toks[0].size()).ends_with("\xD8\xA8"))
              continue;  // بطهران is the place (kind 6)
            if (exact.count(f) || made_from[f].size() > 1) continue;
            forms.push_back(f + rest);
          }
        }
      }
      for (const auto& form : forms) {
        std::string sentence = NeutralSentence(form, a.lang);
        matcher.Match(sentence, &sc, &ms);
        bool found = false;
        std::string instead;
        for (const Mention& m : ms) {
          if (m.actor == i)
            found = true;
          else
            instead += (instead.empty() ? "" : ", ") + actors[m.actor].id;
        }
        if (found) continue;
        r.errors.push_back({actor.file, actor.id, Field(a),
                            "alias can never match: '" + form + "' in \"" + sentence + "\" gives " +
                                (instead.empty() ? "nothing" : instead)});
        break;  // one problem per alias
      }
    }
  }
  return r;
}

}  // namespace actorgraph
