#include "actorgraph/match/matcher.h"

#include <algorithm>
#include <cstring>
#include <tuple>

namespace actorgraph {
namespace {

constexpr std::string_view kAlefLam = "\xD8\xA7\xD9\x84";  // ال
constexpr std::string_view kLam = "\xD9\x84";              // ل

bool IsArabicToken(std::string_view t) {
  // Arabic letters are encoded as 0xD8..0xDB lead bytes.
  return !t.empty() && static_cast<unsigned char>(t[0]) >= 0xD8 &&
         static_cast<unsigned char>(t[0]) <= 0xDB;
}

uint64_t HashBytes(std::string_view s, uint64_t seed) {
  // FNV-1a, then a final mix; tokens are short.
  uint64_t h = 1469598103934665603ull ^ seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return h;
}

struct Payload {
  uint32_t actor;
  uint32_t alias;  // index into the trigger table, or UINT32_MAX when the alias has no triggers
  How how;
  Tier tier;
};

// A token trie stored as one open-addressing hash table keyed by (parent node, token).
class TokenTrie {
 public:
  TokenTrie() { Rehash(1024); }

  uint32_t Child(uint32_t parent, std::string_view token) const {
    uint64_t h = Hash(parent, token);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.child == 0) return 0;
      if (s.hash == h && s.parent == parent && s.len == token.size() &&
          std::memcmp(arena_.data() + s.off, token.data(), token.size()) == 0)
        return s.child;
    }
  }

  // The child of `parent` under `token`, created when missing.
  uint32_t AddChild(uint32_t parent, std::string_view token) { return Link(parent, token, 0); }

  // Makes `token` under `parent` lead to the existing node `child` (a generated proclitic form of a
  // first token shares that token's node). A key that already exists keeps its node: forms inserted
  // first (the exact, unprefixed ones) win. Returns the node the key leads to.
  uint32_t AddLink(uint32_t parent, std::string_view token, uint32_t child) {
    return Link(parent, token, child);
  }

  uint32_t nodes() const { return nodes_ + 1; }

  // Sizes the table once for about `children` entries, so compiling never rehashes.
  void Reserve(size_t children) {
    size_t n = slots_.size();
    while (n < 2 * (used_ + children)) n *= 2;
    if (n != slots_.size()) Rehash(n);
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t parent = 0;
    uint32_t child = 0;  // 0 = empty (the root is never a child)
    uint32_t off = 0;
    uint32_t len = 0;
  };
  static uint64_t Hash(uint32_t parent, std::string_view token) {
    return HashBytes(token, parent * 0x9E3779B97F4A7C15ull);
  }
  void Insert(const Slot& s) {
    size_t mask = slots_.size() - 1;
    size_t i = s.hash & mask;
    while (slots_[i].child != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
  // One probe: returns the existing child, or stores `child` (a new node when 0).
  uint32_t Link(uint32_t parent, std::string_view token, uint32_t child) {
    if ((used_ + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    uint64_t h = Hash(parent, token);
    size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.child == 0) break;
      if (s.hash == h && s.parent == parent && s.len == token.size() &&
          std::memcmp(arena_.data() + s.off, token.data(), token.size()) == 0)
        return s.child;
    }
    if (child == 0) child = ++nodes_;
    slots_[i] = {h, parent, child, static_cast<uint32_t>(arena_.size()),
                 static_cast<uint32_t>(token.size())};
    arena_.append(token);
    ++used_;
    return child;
  }
  void Rehash(size_t n) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    for (const Slot& s : old)
      if (s.child != 0) Insert(s);
  }
  std::vector<Slot> slots_;
  std::string arena_;
  uint32_t nodes_ = 0;
  size_t used_ = 0;
};

}  // namespace

bool HasArticle(std::string_view raw) {
  size_t i = raw.find_first_not_of(" \t\n\"'«“");
  return i != std::string_view::npos && raw.substr(i).starts_with(kAlefLam) &&
         raw.size() > i + kAlefLam.size();
}

namespace {
constexpr std::string_view kConj[] = {"", "\xD9\x88", "\xD9\x81"};              // و ف
constexpr std::string_view kPrep[] = {"", "\xD8\xA8", "\xD9\x84", "\xD9\x83"};  // ب ل ك

// Code points in valid UTF-8.
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
}  // namespace

std::string_view StripArticle(std::string_view t, size_t min_stem) {
  if (!IsArabicToken(t)) return t;
  std::string_view best = t;
  for (auto conj : kConj) {
    if (!t.starts_with(conj)) continue;
    std::string_view after_conj = t.substr(conj.size());
    for (auto prep : kPrep) {
      // ل + ال is written لل (ProcliticForms); the other prepositions keep the alef.
      std::string article = prep == kLam ? std::string(kLam) + std::string(kLam)
                                         : std::string(prep) + std::string(kAlefLam);
      if (!after_conj.starts_with(article)) continue;
      std::string_view stem = after_conj.substr(article.size());
      if (CodePoints(stem) >= min_stem && stem.size() < best.size()) best = stem;
    }
  }
  return best;
}

std::vector<std::string_view> BareProcliticStems(std::string_view t, size_t min_stem) {
  std::vector<std::string_view> out;
  if (!IsArabicToken(t)) return out;
  for (auto conj : kConj) {
    if (!t.starts_with(conj)) continue;
    for (auto prep : kPrep) {
      if (conj.empty() && prep.empty()) continue;
      std::string_view rest = t.substr(conj.size());
      if (!rest.starts_with(prep)) continue;
      std::string_view stem = rest.substr(prep.size());
      if (CodePoints(stem) >= min_stem) out.push_back(stem);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](std::string_view a, std::string_view b) { return a.size() < b.size(); });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> ProcliticForms(std::string_view t, bool has_article) {
  std::vector<std::string> out;
  for (auto conj : kConj) {
    for (auto prep : kPrep) {
      if (conj.empty() && prep.empty()) continue;
      std::string form(conj);
      if (prep == kLam && has_article && t.starts_with(kAlefLam)) {
        // ل + ال is written لل; if the stem itself starts with ل only two lams are written.
        std::string_view rest = t.substr(kAlefLam.size());
        form += rest.starts_with(kLam) ? std::string(kLam) : std::string(kLam) + std::string(kLam);
        form += rest;
      } else {
        form += prep;
        form += t;
      }
      out.push_back(std::move(form));
    }
  }
  return out;
}

struct Matcher::Impl {
  TokenTrie trie;
  // Terminal payloads per node, in CSR form after compilation.
  std::vector<uint32_t> term_begin;  // size nodes+1
  std::vector<Payload> terms;
  std::vector<std::vector<std::string>> triggers;  // per alias with triggers, sorted
  size_t forms = 0;

  void Compile(const Gazetteer& g) {
    struct Entry {
      uint32_t node;
      Payload p;
    };
    std::vector<Entry> pending;
    auto add = [&](const std::vector<std::string_view>& toks, Payload p) {
      uint32_t node = 0;
      for (auto t : toks) node = trie.AddChild(node, t);
      pending.push_back({node, p});
    };
    // Normalise and tokenise every alias once; size the trie for all generated forms up front.
    struct Prepared {
      uint32_t actor;
      const Alias* alias;
      std::string norm;
    };
    std::vector<Prepared> prepared;
    size_t insertions = 0;
    const auto& actors = g.actors();
    for (uint32_t ai = 0; ai < actors.size(); ++ai) {
      for (const Alias& alias : actors[ai].aliases) {
        if (alias.tier == Tier::kC) continue;
        Prepared pr{ai, &alias, NormalizeString(alias.text)};
        size_t n = Tokenize(pr.norm).size();
        if (n == 0) continue;
        insertions += n + (alias.lang == "ar" ? 11 : 0);
        prepared.push_back(std::move(pr));
      }
    }
    trie.Reserve(insertions);
    pending.reserve(prepared.size());
    std::vector<std::pair<std::string, bool>> prefixable;  // (first token, has article)
    size_t linked = 0;
    for (const Prepared& pr : prepared) {
      const Alias& alias = *pr.alias;
      std::vector<std::string_view> toks = Tokenize(pr.norm);
      uint32_t trig = UINT32_MAX;
      if (!alias.triggers.empty()) {
        trig = static_cast<uint32_t>(triggers.size());
        auto& set = triggers.emplace_back();
        for (const auto& w : alias.triggers) {
          std::string nw = NormalizeString(w);
          auto wt = Tokenize(nw);
          if (wt.size() != 1) continue;
          set.emplace_back(wt[0]);
          if (IsArabicToken(wt[0]))  // والإطاحة بصدام: triggers carry proclitics too
            for (auto& form : ProcliticForms(wt[0], HasArticle(w))) set.push_back(std::move(form));
        }
        std::sort(set.begin(), set.end());
      }
      add(toks, Payload{pr.actor, trig, alias.how, alias.tier});
      if (alias.lang == "ar" && IsArabicToken(toks[0]))
        prefixable.push_back({std::string(toks[0]), HasArticle(alias.text)});
    }
    // Proclitic forms of first tokens lead to the unprefixed token's node; they are linked after
    // every exact form, so an exact unprefixed form always wins (بايدن is never ب + ايدن).
    std::sort(prefixable.begin(), prefixable.end());
    prefixable.erase(std::unique(prefixable.begin(), prefixable.end()), prefixable.end());
    for (const auto& [token, article] : prefixable) {
      uint32_t node = trie.Child(0, token);
      for (const auto& form : ProcliticForms(token, article))
        linked += trie.AddLink(0, form, node) == node;
    }
    // Group by node with a counting sort (node ids are dense), then drop duplicates per node.
    std::vector<uint32_t> start(trie.nodes() + 1, 0);
    for (const Entry& e : pending) ++start[e.node + 1];
    for (size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    std::vector<Payload> grouped(pending.size());
    {
      std::vector<uint32_t> fill(start.begin(), start.end() - 1);
      for (const Entry& e : pending) grouped[fill[e.node]++] = e.p;
    }
    std::vector<Entry>().swap(pending);
    auto key = [](const Payload& p) { return std::make_tuple(p.actor, p.how, p.tier, p.alias); };
    term_begin.assign(trie.nodes() + 1, 0);
    terms.clear();
    terms.reserve(grouped.size());
    for (uint32_t node = 0; node + 1 < start.size(); ++node) {
      auto first = grouped.begin() + start[node], last = grouped.begin() + start[node + 1];
      if (last - first > 1) {
        std::sort(first, last, [&](const Payload& x, const Payload& y) { return key(x) < key(y); });
        last = std::unique(first, last,
                           [&](const Payload& x, const Payload& y) { return key(x) == key(y); });
      }
      terms.insert(terms.end(), first, last);
      term_begin[node + 1] = static_cast<uint32_t>(last - first);
    }
    forms = terms.size() + linked;
    for (size_t i = 1; i < term_begin.size(); ++i) term_begin[i] += term_begin[i - 1];
  }
};

Matcher::Matcher(const Gazetteer& gazetteer) : gazetteer_(gazetteer), impl_(new Impl) {
  impl_->Compile(gazetteer);
}

Matcher::~Matcher() = default;

size_t Matcher::forms() const { return impl_->forms; }

namespace {

bool GapHas(std::string_view text, uint32_t from, uint32_t to, std::string_view chars) {
  std::string_view gap = text.substr(from, to - from);
  // Multi-byte dashes (– —) are matched as substrings; ASCII ones as bytes.
  for (size_t i = 0; i < chars.size();) {
    size_t len = static_cast<unsigned char>(chars[i]) < 0x80 ? 1 : 3;
    if (gap.find(chars.substr(i, len)) != std::string_view::npos) return true;
    i += len;
  }
  return false;
}

// Marks the tokens of datelines: at the start of a paragraph, one to three words followed by a
// dash, a slash or an opening bracket (بغداد- ، واشنطن (رويترز) -), extended through an outlet name
// that ends in a colon within six words (بغداد- العراق اليوم:).
void MarkDatelines(std::string_view text, const Segmentation& seg, std::vector<uint8_t>* mark) {
  mark->assign(seg.tokens.size(), 0);
  static constexpr std::string_view kOpeners = "-/(\xE2\x80\x93\xE2\x80\x94";  // - / ( – —
  uint32_t last_paragraph = UINT32_MAX;
  for (const Sentence& s : seg.sentences) {
    if (s.paragraph == last_paragraph) continue;
    last_paragraph = s.paragraph;
    uint32_t n = s.end_token - s.first_token;
    const auto& tk = seg.tokens;
    for (uint32_t k = 1; k <= 3 && k < n; ++k) {
      uint32_t a = s.first_token + k - 1;
      if (!GapHas(text, tk[a].end, tk[a + 1].begin, kOpeners)) continue;
      uint32_t last = a;
      for (uint32_t m = a + 1; m < s.end_token && m <= a + 6; ++m) {
        uint32_t gap_end = m + 1 < tk.size() ? tk[m + 1].begin : static_cast<uint32_t>(text.size());
        if (GapHas(text, tk[m].end, gap_end, ":")) {
          last = m;
          break;
        }
      }
      for (uint32_t t = s.first_token; t <= last; ++t) (*mark)[t] = 1;
      break;
    }
  }
}

}  // namespace

void Matcher::Match(std::string_view text, MatchScratch* sc, std::vector<Mention>* out) const {
  out->clear();
  Normalize(text, &sc->norm);
  Segment(sc->norm.text, &sc->seg);
  const std::string_view norm = sc->norm.text;
  const Segmentation& seg = sc->seg;
  const auto& actors = gazetteer_.actors();
  MarkDatelines(norm, seg, &sc->in_dateline);
  if (sc->activated.size() != actors.size()) sc->activated.assign(actors.size(), 0);
  for (uint32_t a : sc->touched) sc->activated[a] = 0;
  sc->touched.clear();

  const Impl& im = *impl_;
  auto tok = [&](uint32_t i) {
    return norm.substr(seg.tokens[i].begin, seg.tokens[i].end - seg.tokens[i].begin);
  };
  // A trigger word right before a tier-B alias, in the same sentence, makes it count.
  auto triggered = [&](const Payload& p, uint32_t first, uint32_t sentence_first) {
    if (p.alias == UINT32_MAX || first == sentence_first) return false;
    const auto& words = im.triggers[p.alias];
    return std::binary_search(words.begin(), words.end(), tok(first - 1), std::less<>());
  };
  bool saw_b = false;
  // One greedy leftmost-longest pass. In pass 1 only sure matches (tier A or triggered B) count;
  // in pass 2 tier-B aliases of actors named surely somewhere in the document count too.
  auto pass = [&](bool second) {
    out->clear();
    for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
      const Sentence& s = seg.sentences[si];
      for (uint32_t i = s.first_token; i < s.end_token;) {
        uint32_t node = 0, best_node = 0, best_end = 0;
        int best_actor = -1;
        How best_how = How::kName;
        for (uint32_t j = i; j < s.end_token; ++j) {
          if (j > i && !seg.tokens[j].joined) break;
          node = im.trie.Child(node, tok(j));
          if (node == 0) break;
          // Resolve this node: the distinct actors whose forms are allowed here.
          int actor = -1;
          How how = How::kName;
          bool ambiguous = false;
          for (uint32_t t = im.term_begin[node]; t < im.term_begin[node + 1]; ++t) {
            const Payload& p = im.terms[t];
            bool ok = p.tier == Tier::kA || triggered(p, i, s.first_token);
            if (!ok && p.tier == Tier::kB) {
              saw_b = true;
              ok = second && sc->activated[p.actor];
            }
            if (!ok) continue;
            if (actor >= 0 && static_cast<uint32_t>(actor) != p.actor) ambiguous = true;
            if (actor < 0) {
              actor = static_cast<int>(p.actor);
              how = p.how;
            }
          }
          if (actor >= 0) {
            best_node = node;
            best_end = j + 1;
            best_actor = ambiguous ? -2 : actor;
            best_how = how;
          }
        }
        if (best_node == 0) {
          ++i;
          continue;
        }
        if (best_actor >= 0) {
          const Actor& a = actors[best_actor];
          bool dateline = sc->in_dateline[i] && a.type == ActorType::kState;
          if (!dateline) {
            Mention m;
            m.actor = static_cast<uint32_t>(best_actor);
            m.how = best_how;
            m.sentence = si;
            m.paragraph = s.paragraph;
            m.start = sc->norm.to_orig[seg.tokens[i].begin];
            m.end = sc->norm.to_orig[seg.tokens[best_end - 1].end];
            out->push_back(m);
          }
        }
        i = best_end;  // an ambiguous span is consumed and emits nothing
      }
    }
  };
  pass(false);
  if (!saw_b) return;
  for (const Mention& m : *out) {
    if (!sc->activated[m.actor]) {
      sc->activated[m.actor] = 1;
      sc->touched.push_back(m.actor);
    }
  }
  if (sc->touched.empty()) return;
  pass(true);
}

}  // namespace actorgraph
