#include "actorgraph/match/roles.h"

#include <algorithm>
#include <map>

#include "actorgraph/read/reader.h"
#include "actorgraph/text/normalize.h"
#include "actorgraph/text/segment.h"

namespace actorgraph {
namespace {

// One office pattern: how the title is written, and the role titles it stands for ({S}: the
// state's English label).
struct Office {
  std::vector<const char*> ar;         // title phrases before the state (definite or construct)
  std::vector<const char*> en;         // English title phrases (lower case)
  std::vector<const char*> templates;  // role titles, Wikidata/English usage
};

const std::vector<Office>& Offices() {
  static const std::vector<Office> kOffices = {
      {{"الرئيس", "رئيس الجمهورية", "رئيس جمهورية"},
       {"president"},
       {"President of {S}", "President of the {S}"}},
      {{"رئيس الوزراء", "رئيس الحكومة", "رئيس مجلس الوزراء", "رئيس وزراء", "رئيس حكومة"},
       {"prime minister", "premier"},
       {"Prime Minister of {S}", "Prime Minister of the {S}"}},
      {{"وزير الخارجية", "وزير خارجية", "وزيرة الخارجية", "وزيرة خارجية"},
       {"foreign minister", "foreign secretary", "secretary of state"},
       {"Minister of Foreign Affairs of {S}", "{S} Secretary of State",
        "Secretary of State of the {S}"}},
      {{"وزير الدفاع", "وزير دفاع", "وزيرة الدفاع"},
       {"defense minister", "defence minister", "defense secretary", "defence secretary"},
       {"Minister of Defense of {S}", "Minister of Defence of {S}", "{S} Secretary of Defense"}},
      {{"وزير الداخلية", "وزير داخلية"},
       {"interior minister"},
       {"Minister of Interior of {S}", "Minister of the Interior of {S}"}},
      {{"وزير المالية", "وزير مالية", "وزير الخزانة"},
       {"finance minister", "treasury secretary"},
       {"Minister of Finance of {S}", "{S} Secretary of the Treasury"}},
      {{"نائب الرئيس", "نائب رئيس الجمهورية"},
       {"vice president"},
       {"Vice President of {S}", "Vice President of the {S}"}},
      {{"الملك", "العاهل", "ملك"}, {"king"}, {"King of {S}"}},
      {{"الأمير", "أمير"}, {"emir"}, {"Emir of {S}"}},
      {{"السلطان", "سلطان"}, {"sultan"}, {"Sultan of {S}"}},
      {{"ولي العهد", "ولي عهد"}, {"crown prince"}, {"Crown Prince of {S}"}},
      {{"المرشد الأعلى", "المرشد", "مرشد"}, {"supreme leader"}, {"Supreme Leader of {S}"}},
      {{"رئيس البرلمان", "رئيس مجلس النواب", "رئيس برلمان"},
       {"parliament speaker", "speaker of parliament"},
       {"Speaker of the Council of Representatives of {S}",
        "Speaker of the {S} House of Representatives", "Speaker of the Parliament of {S}"}},
  };
  return kOffices;
}

std::vector<std::string> Words(const char* phrase) {
  std::string norm = NormalizeString(phrase);
  std::vector<std::string> out;
  for (auto t : Tokenize(norm)) out.emplace_back(t);
  return out;
}

std::string Fill(std::string_view tmpl, const std::string& state) {
  std::string s(tmpl);
  size_t at = s.find("{S}");
  return s.replace(at, 3, state);
}

}  // namespace

RoleResolver::RoleResolver(const Gazetteer& g) : gazetteer_(g) {
  std::map<std::string, std::vector<Term>> by_title;
  const auto& actors = g.actors();
  for (uint32_t i = 0; i < actors.size(); ++i)
    for (const Role& r : actors[i].roles)
      if (IsIsoDate(r.start) && (r.end.empty() || IsIsoDate(r.end)))
        by_title[r.title].push_back({r.start, r.end, i});
  for (auto& [title, terms] : by_title) {
    std::sort(terms.begin(), terms.end(),
              [](const Term& a, const Term& b) { return a.start < b.start; });
    terms_.emplace_back(title, std::move(terms));
  }
}

int RoleResolver::Holder(const std::string& title, std::string_view date) const {
  auto it =
      std::lower_bound(terms_.begin(), terms_.end(), title,
                       [](const auto& entry, const std::string& t) { return entry.first < t; });
  if (it == terms_.end() || it->first != title) return -1;
  int found = -1;
  for (const Term& t : it->second) {
    if (date < t.start || (!t.end.empty() && date >= t.end)) continue;
    if (found >= 0) return -1;  // overlapping terms: ambiguous
    found = static_cast<int>(t.actor);
  }
  return found;
}

void RoleResolver::Resolve(std::string_view text, std::string_view date, const MatchScratch& sc,
                           std::vector<Mention>* mentions) const {
  if (terms_.empty() || date.size() < 10 || !IsIsoDate(date.substr(0, 10))) return;
  const std::string day(date.substr(0, 10));
  const std::string_view norm = sc.norm.text;
  const Segmentation& seg = sc.seg;
  const auto& tokens = seg.tokens;
  const auto& actors = gazetteer_.actors();
  auto tok = [&](uint32_t i) {
    return norm.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  };
  // The mention (index) each token belongs to, or -1.
  std::vector<int> at(tokens.size(), -1);
  {
    size_t m = 0;
    for (uint32_t i = 0; i < tokens.size(); ++i) {
      uint32_t b = sc.norm.to_orig[tokens[i].begin];
      while (m < mentions->size() && (*mentions)[m].end <= b) ++m;
      if (m < mentions->size() && (*mentions)[m].start <= b && b < (*mentions)[m].end)
        at[i] = static_cast<int>(m);
    }
  }
  auto is_type = [&](int m, ActorType t) {
    return m >= 0 && actors[(*mentions)[m].actor].type == t;
  };
  // Phrase tables, normalised.
  struct Phrase {
    std::vector<std::string> words;
    size_t office;
  };
  static const std::vector<Phrase> kAr = [] {
    std::vector<Phrase> v;
    for (size_t o = 0; o < Offices().size(); ++o)
      for (const char* p : Offices()[o].ar) v.push_back({Words(p), o});
    return v;
  }();
  static const std::vector<Phrase> kEn = [] {
    std::vector<Phrase> v;
    for (size_t o = 0; o < Offices().size(); ++o)
      for (const char* p : Offices()[o].en) v.push_back({Words(p), o});
    return v;
  }();
  // Longest phrase of `table` starting at token i within [.., end) with joined words.
  auto phrase_at = [&](const std::vector<Phrase>& table, uint32_t i, uint32_t end,
                       size_t* office) -> uint32_t {
    uint32_t best = 0;
    for (const Phrase& p : table) {
      if (p.words.size() <= best || i + p.words.size() > end) continue;
      bool ok = true;
      for (size_t k = 0; k < p.words.size() && ok; ++k)
        ok = at[i + k] < 0 && tok(i + static_cast<uint32_t>(k)) == p.words[k] &&
             (k == 0 || tokens[i + k].joined);
      if (ok) best = static_cast<uint32_t>(p.words.size()), *office = p.office;
    }
    return best;
  };
  std::vector<Mention> added;
  auto add = [&](size_t office, int state_mention, uint32_t first, uint32_t last, uint32_t si,
                 const Sentence& s) {
    const Actor& state = actors[(*mentions)[state_mention].actor];
    int holder = -1;
    for (const char* tmpl : Offices()[office].templates) {
      int h = Holder(Fill(tmpl, state.label_en), day);
      if (h >= 0) {
        holder = h;
        break;
      }
    }
    if (holder < 0) return;
    // A person named right after the phrase is the mention; the title only describes them.
    if (last + 1 < s.end_token && tokens[last + 1].joined &&
        is_type(at[last + 1], ActorType::kPerson))
      return;
    if (last + 1 < s.end_token && tokens[last + 1].joined && at[last + 1] < 0 &&
        !tok(last + 1).empty()) {
      // English: a capitalised word right after ("Iraqi Prime Minister Mustafa …") is a name.
      char c = text[sc.norm.to_orig[tokens[last + 1].begin]];
      if (c >= 'A' && c <= 'Z') return;
    }
    Mention m;
    m.actor = static_cast<uint32_t>(holder);
    m.how = How::kRole;
    m.sentence = si;
    m.paragraph = s.paragraph;
    m.start = sc.norm.to_orig[tokens[first].begin];
    m.end = sc.norm.to_orig[tokens[last].end];
    added.push_back(m);
  };
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& s = seg.sentences[si];
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      size_t office = 0;
      // Arabic: title, then a state mention.
      if (uint32_t n = phrase_at(kAr, i, s.end_token, &office)) {
        uint32_t j = i + n;
        if (j < s.end_token && tokens[j].joined && is_type(at[j], ActorType::kState)) {
          uint32_t last = j;
          while (last + 1 < s.end_token && at[last + 1] == at[j]) ++last;
          add(office, at[j], i, last, si, s);
          i = last;
          continue;
        }
      }
      // English: "Iraqi prime minister", "Iraq's prime minister".
      if (is_type(at[i], ActorType::kState)) {
        uint32_t j = i;
        while (j + 1 < s.end_token && at[j + 1] == at[i]) ++j;
        uint32_t k = j + 1;
        if (k < s.end_token && tok(k) == "s" && tokens[k].joined) ++k;
        if (k < s.end_token && tokens[k].joined) {
          if (uint32_t n = phrase_at(kEn, k, s.end_token, &office)) {
            add(office, at[i], i, k + n - 1, si, s);
            i = k + n - 1;
            continue;
          }
        }
        i = j;
        continue;
      }
      // English: "prime minister of (the) Iraq".
      if (uint32_t n = phrase_at(kEn, i, s.end_token, &office)) {
        uint32_t k = i + n;
        if (k < s.end_token && tok(k) == "of" && tokens[k].joined) {
          ++k;
          if (k < s.end_token && tok(k) == "the" && tokens[k].joined) ++k;
          if (k < s.end_token && tokens[k].joined && is_type(at[k], ActorType::kState)) {
            uint32_t last = k;
            while (last + 1 < s.end_token && at[last + 1] == at[k]) ++last;
            add(office, at[k], i, last, si, s);
            i = last;
            continue;
          }
        }
      }
    }
  }
  if (added.empty()) return;
  mentions->insert(mentions->end(), added.begin(), added.end());
  std::stable_sort(mentions->begin(), mentions->end(), [](const Mention& a, const Mention& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
}

}  // namespace actorgraph
