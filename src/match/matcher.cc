#include "actorgraph/match/matcher.h"

#include <absl/container/flat_hash_set.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <set>
#include <tuple>
#include <unordered_set>

#include "../text/utf8.h"

#if defined(__linux__)
#include <sys/mman.h>
#endif

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

constexpr uint32_t kNone = UINT32_MAX;

struct Payload {
  uint32_t actor;
  uint32_t alias;      // index into the trigger table, or kNone when the alias has no triggers
  uint32_t casing;     // index into the case patterns, or kNone when any case matches
  uint16_t first_len;  // bytes of the alias's normalised first token (proclitics are the rest)
  How how;
  Tier tier;
};

// Case requirement of one alias token (kind 3): free, an initial capital, or all capitals.
enum : uint8_t { kAnyCase = 0, kInitialCap = 1, kAllCaps = 2 };

// A token trie stored as one open-addressing hash table keyed by (parent node, token). A slot is
// 16 bytes (the high half of the key's hash, parent, child and the key's offset in the arena, where
// the key is stored as a LEB128 byte length followed by its bytes), so the 11M keys of a 1M-alias
// gazetteer fit in 512 MB of slots; large tables are mapped with transparent huge pages (fewer page
// faults and TLB misses while compiling, issue 16).
class TokenTrie {
 public:
  TokenTrie() { Rehash(1024); }
  ~TokenTrie() { slots_.Free(); }
  TokenTrie(const TokenTrie&) = delete;
  TokenTrie& operator=(const TokenTrie&) = delete;

  static uint64_t Hash(uint32_t parent, std::string_view token) {
    return HashBytes(token, parent * 0x9E3779B97F4A7C15ull);
  }

  uint32_t Child(uint32_t parent, std::string_view token) const {
    return Find(Hash(parent, token), parent, token);
  }
  // Child with the key's Hash computed by the caller.
  uint32_t Find(uint64_t h, uint32_t parent, std::string_view token) const {
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    size_t mask = slots_.n - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_.p[i];
      if (s.child == 0) return 0;
      if (s.tag == tag && s.parent == parent && KeyIs(s, token)) return s.child;
    }
  }
  // Hints the cache about the slot a key with hash `h` starts probing at (bulk inserts).
  void Prefetch(uint64_t h) const { __builtin_prefetch(&slots_.p[h & (slots_.n - 1)], 1); }

  // The child of `parent` under `token`, created when missing.
  uint32_t AddChild(uint32_t parent, std::string_view token) {
    return Link(Hash(parent, token), parent, token, 0);
  }

  // Makes `token` under `parent` (hash `h` = Hash(parent, token)) lead to the existing node `child`
  // (a generated proclitic form of a first token shares that token's node). A key that already
  // exists keeps its node: forms inserted first (the exact, unprefixed ones) win. Returns the node
  // the key leads to.
  uint32_t AddLink(uint64_t h, uint32_t parent, std::string_view token, uint32_t child) {
    return Link(h, parent, token, child);
  }

  uint32_t nodes() const { return nodes_ + 1; }

  // Sizes the table once for about `children` entries (and the arena for `key_bytes` bytes of
  // keys), so compiling never rehashes.
  void Reserve(size_t children, size_t key_bytes) {
    size_t n = slots_.n;
    while (n < 2 * (used_ + children)) n *= 2;
    if (n != slots_.n) Rehash(n);
    arena_.reserve(arena_.size() + key_bytes + 2 * children);
  }

 private:
  struct Slot {
    uint32_t tag;  // hash >> 32
    uint32_t parent;
    uint32_t child;  // 0 = empty (the root is never a child)
    uint32_t off;    // key in arena_: LEB128 length, then the bytes
  };
  // Zero-initialised slots; tables of 8 MB and more are mmap'ed and advised to use huge pages.
#ifdef MADV_POPULATE_WRITE
  static constexpr int kPopulateWrite = MADV_POPULATE_WRITE;
#else
  static constexpr int kPopulateWrite = 23;  // <linux/mman.h>, Linux 5.14
#endif
  struct Slots {
    Slot* p = nullptr;
    size_t n = 0;
    void* map = nullptr;
    size_t map_bytes = 0;
    void Allocate(size_t count) {
      const size_t bytes = count * sizeof(Slot);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
      constexpr size_t kHuge = size_t{2} << 20;
      if (bytes >= (size_t{8} << 20)) {
        void* m = mmap(nullptr, bytes + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                       -1, 0);
        if (m != MAP_FAILED) {
          auto base = reinterpret_cast<uintptr_t>(m);
          auto aligned = (base + kHuge - 1) & ~(kHuge - 1);
          madvise(reinterpret_cast<void*>(aligned), bytes, MADV_HUGEPAGE);
          // Fault the whole table in with one call (Linux 5.14+; older kernels refuse it and the
          // pages come on first touch). Every page gets written anyway, and page by page the huge
          // pages sometimes took 0.9 s instead of 0.25 s for 512 MB (kernel compaction; issue 16).
          madvise(reinterpret_cast<void*>(aligned), bytes, kPopulateWrite);
          map = m;
          map_bytes = bytes + kHuge;
          p = reinterpret_cast<Slot*>(aligned);
          n = count;
          return;
        }
      }
#endif
      p = static_cast<Slot*>(std::calloc(count, sizeof(Slot)));
      if (p == nullptr) throw std::bad_alloc();
      n = count;
    }
    void Free() {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
      if (map != nullptr) {
        munmap(map, map_bytes);
        map = nullptr;
        p = nullptr;
        return;
      }
#endif
      std::free(p);
      p = nullptr;
    }
  };

  // The key stored at arena offset `off`.
  std::string_view KeyAt(uint32_t off) const {
    const auto* k = reinterpret_cast<const unsigned char*>(arena_.data()) + off;
    size_t len = 0;
    for (int shift = 0;; shift += 7) {
      unsigned char b = *k++;
      len |= static_cast<size_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) break;
    }
    return {reinterpret_cast<const char*>(k), len};
  }
  bool KeyIs(const Slot& s, std::string_view token) const {
    std::string_view key = KeyAt(s.off);
    return key.size() == token.size() && std::memcmp(key.data(), token.data(), key.size()) == 0;
  }
  void Insert(const Slot& s, uint64_t low) {
    size_t mask = slots_.n - 1;
    size_t i = low & mask;
    while (slots_.p[i].child != 0) i = (i + 1) & mask;
    slots_.p[i] = s;
  }
  // One probe: returns the existing child, or stores `child` (a new node when 0).
  uint32_t Link(uint64_t h, uint32_t parent, std::string_view token, uint32_t child) {
    if ((used_ + 1) * 2 > slots_.n) Rehash(slots_.n * 2);
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    size_t mask = slots_.n - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
      const Slot& s = slots_.p[i];
      if (s.child == 0) break;
      if (s.tag == tag && s.parent == parent && KeyIs(s, token)) return s.child;
    }
    if (child == 0) child = ++nodes_;
    slots_.p[i] = {tag, parent, child, static_cast<uint32_t>(arena_.size())};
    for (size_t len = token.size();; len >>= 7) {
      arena_.push_back(static_cast<char>((len & 0x7F) | (len >= 0x80 ? 0x80 : 0)));
      if (len < 0x80) break;
    }
    arena_.append(token);
    ++used_;
    return child;
  }
  void Rehash(size_t n) {
    Slots old = slots_;
    slots_ = Slots{};
    slots_.Allocate(n);
    for (size_t k = 0; k < old.n; ++k) {
      const Slot& s = old.p[k];
      if (s.child == 0) continue;
      // The low bits of the hash are not stored: recompute them from the key.
      Insert(s, Hash(s.parent, KeyAt(s.off)));
    }
    old.Free();
  }
  Slots slots_;
  std::string arena_;
  uint32_t nodes_ = 0;
  size_t used_ = 0;
};

}  // namespace

std::string_view NameInText(std::string_view alias) {
  size_t end = alias.find_last_not_of(" \t");
  if (end == std::string_view::npos || alias[end] != ')') return alias;
  size_t open = alias.rfind(" (", end);
  if (open == std::string_view::npos) return alias;
  size_t keep = alias.find_last_not_of(" \t", open);
  return keep == std::string_view::npos ? alias : alias.substr(0, keep + 1);
}

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

namespace {
// ProcliticForms without an allocation per form: appends each form to `buf` and its end offset
// to `ends`, in the same order.
void AppendProcliticForms(std::string_view t, bool has_article, std::string* buf,
                          std::vector<uint32_t>* ends) {
  for (auto conj : kConj) {
    for (auto prep : kPrep) {
      if (conj.empty() && prep.empty()) continue;
      buf->append(conj);
      if (prep == kLam && has_article && t.starts_with(kAlefLam)) {
        // ل + ال is written لل; if the stem itself starts with ل only two lams are written.
        std::string_view rest = t.substr(kAlefLam.size());
        buf->append(kLam);
        if (!rest.starts_with(kLam)) buf->append(kLam);
        buf->append(rest);
      } else {
        buf->append(prep);
        buf->append(t);
      }
      ends->push_back(static_cast<uint32_t>(buf->size()));
    }
  }
}
}  // namespace

std::vector<std::string> ProcliticForms(std::string_view t, bool has_article) {
  std::string buf;
  std::vector<uint32_t> ends;
  AppendProcliticForms(t, has_article, &buf, &ends);
  std::vector<std::string> out;
  out.reserve(ends.size());
  uint32_t b = 0;
  for (uint32_t e : ends) {
    out.emplace_back(buf, b, e - b);
    b = e;
  }
  return out;
}

namespace {

// A hash set of words with lookup by string_view (the context rules look up one token each).
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return HashBytes(s, 0); }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

// Words given in raw spelling, normalised once; Arabic words also with their proclitic forms
// (and, when `with_prepositions` is false, with و/ف only).
WordSet MakeSet(std::initializer_list<std::string_view> words, bool all_proclitics = false) {
  WordSet out;
  for (auto w : words) {
    std::string n = NormalizeString(w);
    out.insert(n);
    if (!IsArabicToken(n)) continue;
    for (auto& f : ProcliticForms(n, HasArticle(w))) {
      bool conj_only = f.size() == n.size() + 2;  // و or ف alone
      if (all_proclitics || conj_only) out.insert(std::move(f));
    }
  }
  return out;
}

// Kind 6 (docs/matching.md): a capital after a locative preposition, or inside a place phrase,
// names the place. Arabic prepositions from the issue (في، إلى، من، داخل، قرب، نحو، بـ) plus
// عبر، حول، خارج; place nouns from the issue (مطار، شوارع، ضواحي، محافظة، جنوب) plus the other
// compass points and مدينة، وسط، أطراف، قلب، أحياء، شارع، أجواء، سماء، محيط.
const WordSet& LocativeBefore() {
  static const WordSet* s = [] {
    auto* w = new WordSet(MakeSet(
        {"في",     "إلى",    "من",         "داخل",   "قرب",     "نحو",  "عبر",     "حول",
         "خارج",   "in",     "into",       "to",     "from",    "near", "outside", "inside",
         "across", "around", "throughout", "toward", "towards", "via",  "through", "within"}));
    WordSet nouns =
        MakeSet({"مطار", "شوارع", "شارع", "ضواحي", "محافظة", "جنوب", "شمال", "شرق", "غرب", "وسط",
                 "أطراف", "مدينة", "قلب", "أحياء", "أجواء", "سماء", "محيط"},
                true);
    w->insert(nouns.begin(), nouns.end());
    return w;
  }();
  return *s;
}
// English place nouns before "of" (the streets of Baghdad) and after the name (Baghdad airport).
const WordSet& PlaceNounBeforeOf() {
  static const WordSet s = MakeSet({"streets", "suburbs", "outskirts", "centre", "center", "heart",
                                    "skies", "outside", "city", "heart", "districts"});
  return s;
}
const WordSet& PlaceNounAfter() {
  static const WordSet s =
      MakeSet({"airport", "province", "governorate", "streets", "suburbs", "outskirts"});
  return s;
}

// Kind 9. English function words (after the Snowball English stop list,
// snowballstem.org/algorithms/english/stop.txt): a capitalised one at the start of a sentence is
// not a name.
const WordSet& EnglishFunctionWords() {
  static const WordSet s = MakeSet(
      {"i", "me", "my", "we", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its",
       "they", "them", "their", "what", "which", "who", "whom", "this", "that", "these", "those",
       "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having",
       "do", "does", "did", "doing", "would", "should", "could", "ought", "will", "can", "may",
       "might", "must", "shall", "a", "an", "the", "and", "but", "if", "or", "because", "as",
       "until", "while", "of", "at", "by", "for", "with", "about", "against", "between", "into",
       "through", "during", "before", "after", "above", "below", "to", "from", "up", "down", "in",
       "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there",
       "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other",
       "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very",
       "also", "said", "says", "like", "unlike", "across", "toward", "towards", "via", "without",
       "within", "near", "inside", "outside", "around", "despite", "since", "though", "although",
       "while", "whereas", "meanwhile", "yet", "even", "just", "still", "now",
       // days and months (On Monday Iran said): not names either
       "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
       "february", "march", "april", "june", "july", "august", "september", "october", "november",
       "december"});
  return s;
}
// Words that modify a place name (Northern Iraq, Greater Syria), and heads of compound proper
// nouns after a country name (Iraq War, Jordan Valley, Iran Air, Israel Defense Forces, US
// President): a capitalised neighbour from these lists keeps the state (guess, docs/matching.md).
const WordSet& PlaceModifiers() {
  static const WordSet s = MakeSet(
      {"north",    "south",    "east",      "west",       "northern",   "southern",  "eastern",
       "western",  "central",  "northeast", "northwest",  "southeast",  "southwest", "greater",
       "mainland", "occupied", "communist", "democratic", "free",       "imperial",  "modern",
       "ancient",  "ottoman",  "soviet",    "socialist",  "islamic",    "arab",      "federal",
       "postwar",  "post",     "pre",       "prewar",     "new",        "old",       "upper",
       "lower",    "rural",    "urban",     "coastal",    "landlocked", "visit",     "visiting",
       "invade",   "invading", "attack",    "attacking",  "welcome",    "welcomes",  "warns",
       "warn",     "says",     "said",      "urges",      "tells",      "slams",     "blames",
       "accuses",  "backs",    "thanks",    "and",        "or",         "versus",    "vs"});
  return s;
}
const WordSet& CompoundHeads() {
  static const WordSet s = MakeSet(
      {"war",        "wars",         "river",         "valley",     "sea",          "gulf",
       "air",        "airways",      "airlines",      "times",      "post",         "news",
       "today",      "cup",          "open",          "army",       "navy",         "forces",
       "force",      "government",   "embassy",       "ministry",   "ministers",    "minister",
       "president",  "presidential", "prime",         "king",       "queen",        "emir",
       "crown",      "prince",       "sultan",        "foreign",    "defense",      "defence",
       "interior",   "national",     "central",       "state",      "street",       "university",
       "bank",       "police",       "international", "airport",    "border",       "crisis",
       "deal",       "policy",       "talks",         "summit",     "team",         "office",
       "parliament", "senate",       "congress",      "council",    "cabinet",      "envoy",
       "ambassador", "consulate",    "mission",       "delegation", "authorities",  "officials",
       "command",    "guard",        "guards",        "security",   "intelligence", "oil",
       "petroleum",  "gas",          "energy",        "trade",      "agreement",    "accord",
       "pact",       "treaty",       "file",          "inquiry",    "study",        "group",
       "institute",  "center",       "centre",        "committee",  "commission",   "league",
       "football",   "national",     "olympic",       "basin",      "desert",       "mountains",
       "plain",      "region",       "province",      "city",       "county",       "district",
       "square",     "tower",        "hotel",         "company",    "corporation",  "holdings",
       "telecom",    "railway",      "railways",      "radio",      "television",   "tv",
       "press",      "agency",       "herald",        "daily",      "tribune",      "observer",
       "watch",      "campaign",     "fund",          "relief",     "aid",          "program",
       "programme",  "project",      "file",          "question",   "issue",        "conflict",
       "front",      "nuclear",      "sanctions",     "protests",   "revolution",   "uprising",
       "election",   "elections",    "vote",          "referendum", "constitution", "budget",
       "economy",    "stock",        "exchange",      "to",         "and",          "or"});
  return s;
}

// Case of the original text of a token: 1 = starts with a capital, 2 = all letters capitals
// (at least one), 0 = otherwise (lower case, or no Latin letter).
struct CaseInfo {
  bool initial_upper = false;
  bool has_lower = false;
  int letters = 0;
};
CaseInfo CaseOf(std::string_view orig) {
  CaseInfo ci;
  const auto* s = reinterpret_cast<const unsigned char*>(orig.data());
  bool first = true;
  for (size_t i = 0; i < orig.size();) {
    int len;
    char32_t c = utf8::Decode(s, orig.size(), i, &len);
    i += len;
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    ++ci.letters;
    bool up = u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
    if (first) ci.initial_upper = up;
    first = false;
    if (u_islower(static_cast<UChar32>(c))) ci.has_lower = true;
  }
  return ci;
}

// The original text of a normalised span.
std::string_view Orig(std::string_view text, const NormalizedText& nt, uint32_t b, uint32_t e) {
  return text.substr(nt.to_orig[b], nt.to_orig[e] - nt.to_orig[b]);
}

}  // namespace

struct Matcher::Impl {
  TokenTrie trie;
  // Terminal payloads per node, in CSR form after compilation.
  std::vector<uint32_t> term_begin;  // size nodes+1
  std::vector<Payload> terms;
  std::vector<std::vector<std::string>> triggers;  // per alias with triggers, sorted
  std::vector<std::vector<uint8_t>> casings;       // per cased Latin alias: one entry per token
  // First tokens of the gazetteer's multi-token person names, and tier-C names (an Abseil flat set:
  // a 1M-alias gazetteer has 1M of them, and the node-based set took 6% of compiling it).
  absl::flat_hash_set<std::string, WordHash, std::equal_to<>> given_names;
  std::vector<std::string> nisba_ms;  // per actor: normalised masculine nisbas with ال, sorted
  size_t forms = 0;

  // Kind 3: what case each token of a Latin alias needs in the text.
  uint32_t Casing(const Alias& alias, std::string_view name) {
    if (alias.any_case || alias.lang == "ar") return kNone;
    NormalizedText nt = Normalize(name);
    std::vector<uint8_t> pattern;
    bool any = false;
    for (auto t : Tokenize(nt.text)) {
      uint32_t b = static_cast<uint32_t>(t.data() - nt.text.data());
      uint32_t e = b + static_cast<uint32_t>(t.size());
      CaseInfo ci = CaseOf(Orig(name, nt, b, e));
      uint8_t req = kAnyCase;
      size_t after = nt.to_orig[e];
      bool particle = after < name.size() && name[after] == '-' && ci.letters <= 3;
      if (ci.letters >= 2 && ci.letters <= 3 && !ci.has_lower)
        req = kAllCaps;  // US, UK, KH: an acronym of two or three letters
      else if (ci.initial_upper && !particle)
        req = kInitialCap;  // Al- before a hyphen is a transliteration particle: any case
      any |= req != kAnyCase;
      pattern.push_back(req);
    }
    if (!any) return kNone;
    casings.push_back(std::move(pattern));
    return static_cast<uint32_t>(casings.size() - 1);
  }

  void Compile(const Gazetteer& g) {
    struct Entry {
      uint32_t node;
      Payload p;
    };
    std::vector<Entry> pending;
    // Normalise and tokenise every alias once, into one buffer (no allocation per alias); size the
    // trie for all generated forms up front.
    struct Prepared {
      uint32_t actor;
      const Alias* alias;
      uint32_t off, len;  // the normalised alias in `norms`
    };
    std::vector<Prepared> prepared;
    std::string norms;
    std::vector<std::pair<size_t, size_t>> given;  // (offset, length) in `norms` of given names
    NormalizedText scratch;
    size_t insertions = 0, key_bytes = 0;
    const auto& actors = g.actors();
    nisba_ms.assign(actors.size(), {});
    for (uint32_t ai = 0; ai < actors.size(); ++ai) {
      for (const Alias& alias : actors[ai].aliases) {
        Normalize(NameInText(alias.text), &scratch);
        const std::string& norm = scratch.text;
        auto toks = Tokenize(norm);
        const size_t off = norms.size();
        norms += norm;
        if (actors[ai].type == ActorType::kPerson &&
            (toks.size() >= 2 || (alias.tier == Tier::kC && toks.size() == 1)) &&
            !toks[0].starts_with(kAlefLam))
          given.emplace_back(off + (toks[0].data() - norm.data()), toks[0].size());
        if (alias.tier == Tier::kC) continue;
        size_t n = toks.size();
        if (n == 0) continue;
        const bool ar = alias.lang == "ar";
        insertions += n + (ar ? 11 : 0);
        key_bytes += norm.size() + (ar ? 11 * (toks[0].size() + 4) : 0);
        prepared.push_back(
            {ai, &alias, static_cast<uint32_t>(off), static_cast<uint32_t>(norm.size())});
      }
      // The masculine singular nisba with the article (المصري): the form that is also a surname.
      for (const auto& stem : actors[ai].demonym_stems) {
        std::string n = NormalizeString(std::string(kAlefLam) + stem);
        if (!nisba_ms[ai].empty()) nisba_ms[ai] += '\n';
        nisba_ms[ai] += n;
      }
    }
    const std::string_view all = norms;  // no more appends: views into it stay valid
    given_names.reserve(given_names.size() + given.size());
    for (auto [off, len] : given)
      if (std::string_view n = all.substr(off, len); !given_names.contains(n))
        given_names.emplace(n);
    trie.Reserve(insertions, key_bytes);
    pending.reserve(prepared.size());
    struct Prefixable {
      uint64_t k0, k1;         // the token's first 16 bytes, big-endian (zero-padded): sort keys
      std::string_view token;  // normalised first token (in `norms`)
      bool article;
      uint32_t node;  // the token's node
    };
    auto big_endian = [](std::string_view s, size_t at) {
      uint64_t v = 0;
      for (size_t i = at; i < at + 8; ++i)
        v = v << 8 | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
      return v;
    };
    std::vector<Prefixable> prefixable;
    prefixable.reserve(prepared.size());
    size_t linked = 0;
    for (const Prepared& pr : prepared) {
      const Alias& alias = *pr.alias;
      std::vector<std::string_view> toks = Tokenize(all.substr(pr.off, pr.len));
      uint32_t trig = kNone;
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
      uint32_t casing = Casing(alias, NameInText(alias.text));
      uint32_t node = 0, first_node = 0;
      for (size_t k = 0; k < toks.size(); ++k) {
        node = trie.AddChild(node, toks[k]);
        if (k == 0) first_node = node;
      }
      pending.push_back(
          {node, Payload{pr.actor, trig, casing, static_cast<uint16_t>(toks[0].size()), alias.how,
                         alias.tier}});
      if (alias.lang == "ar" && IsArabicToken(toks[0]))
        prefixable.push_back({big_endian(toks[0], 0), big_endian(toks[0], 8), toks[0],
                              HasArticle(alias.text), first_node});
    }
    // Proclitic forms of first tokens lead to the unprefixed token's node; they are linked after
    // every exact form, so an exact unprefixed form always wins (بايدن is never ب + ايدن). Tokens
    // are linked in sorted order (the first token to generate a form keeps it).
    // (Byte order of the 16-byte prefixes agrees with the order of the tokens; ties compare whole.)
    auto by_token = [](const Prefixable& x, const Prefixable& y) {
      if (x.k0 != y.k0) return x.k0 < y.k0;
      if (x.k1 != y.k1) return x.k1 < y.k1;
      return std::tie(x.token, x.article) < std::tie(y.token, y.article);
    };
    std::sort(prefixable.begin(), prefixable.end(), by_token);
    prefixable.erase(std::unique(prefixable.begin(), prefixable.end(),
                                 [](const Prefixable& x, const Prefixable& y) {
                                   return x.token == y.token && x.article == y.article;
                                 }),
                     prefixable.end());
    {
      // In batches: the forms of a batch of tokens and their hashes first, then the inserts, each
      // prefetching the slot of the insert kAhead later (the table is far larger than the caches,
      // so inserting one by one waits on memory every time).
      constexpr size_t kBatch = 2048, kAhead = 16;
      std::string buf;
      std::vector<uint32_t> ends, owner;
      std::vector<uint64_t> hashes;
      for (size_t b = 0; b < prefixable.size(); b += kBatch) {
        const size_t e = std::min(prefixable.size(), b + kBatch);
        buf.clear();
        ends.clear();
        owner.clear();
        for (size_t k = b; k < e; ++k) {
          AppendProcliticForms(prefixable[k].token, prefixable[k].article, &buf, &ends);
          owner.resize(ends.size(), prefixable[k].node);
        }
        hashes.resize(ends.size());
        for (size_t j = 0, from = 0; j < ends.size(); from = ends[j++])
          hashes[j] = TokenTrie::Hash(0, std::string_view(buf).substr(from, ends[j] - from));
        for (size_t j = 0; j < kAhead && j < hashes.size(); ++j) trie.Prefetch(hashes[j]);
        for (size_t j = 0, from = 0; j < ends.size(); from = ends[j++]) {
          if (j + kAhead < hashes.size()) trie.Prefetch(hashes[j + kAhead]);
          std::string_view form = std::string_view(buf).substr(from, ends[j] - from);
          linked += trie.AddLink(hashes[j], 0, form, owner[j]) == owner[j];
        }
      }
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
    auto key = [](const Payload& p) {
      return std::make_tuple(p.actor, p.how, p.tier, p.alias, p.casing, p.first_len);
    };
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

constexpr std::string_view kDashes[] = {"-", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x92",
                                        "\xE2\x88\x92"};  // - – — ‒ −

// A dash that separates: followed by white space (بغداد- العراق, AMMAN, Jordan — ), never one
// between two letters (Iran–Iraq, Iran-backed).
bool HasSpacedDash(std::string_view gap) {
  for (auto d : kDashes)
    for (size_t at = gap.find(d); at != std::string_view::npos; at = gap.find(d, at + 1)) {
      size_t after = at + d.size();
      if (after >= gap.size() || gap[after] == ' ' || gap[after] == '\n' || gap[after] == '\t')
        return true;
    }
  return false;
}
bool HasComma(std::string_view gap) {
  return gap.find(',') != std::string_view::npos ||
         gap.find("\xD8\x8C") != std::string_view::npos;  // ، U+060C
}

// Kind 7 (docs/matching.md): datelines in the common wire shapes, at the start of a paragraph:
//   PLACE (AGENCY) -            BEIRUT (Reuters) -, بغداد (رويترز) -
//   PLACE, COUNTRY|DATE [(AGENCY)] -|:   AMMAN, Jordan —, BAGHDAD, Jan 5 (Reuters) -, بيروت، لبنان
//   — PLACE -|/ [OUTLET:]         بغداد- العراق اليوم:, بغداد - وكالات:, أنقرة/ الأناضول OUTLET من
//   PLACE:            السومرية نيوز من بغداد:
// PLACE and COUNTRY are one to three tokens. A dash counts only where it does not join two
// tokens (Iran-backed is a compound). A Latin PLACE before a bare dash must be in capitals
// (WASHINGTON —), and an Arabic bare "PLACE -" with no outlet is a dateline only when no actor's
// name starts right after the dash (العراق - إيران is a pair of states): `bare` lists those.
void MarkDatelines(std::string_view orig, const NormalizedText& nt, const Segmentation& seg,
                   std::vector<uint8_t>* mark, std::vector<DatelineCandidate>* bare) {
  std::string_view text = nt.text;
  mark->assign(seg.tokens.size(), 0);
  bare->clear();
  const auto& tk = seg.tokens;
  auto gap = [&](uint32_t m) {  // text after token m up to the next token
    uint32_t e = m + 1 < tk.size() ? tk[m + 1].begin : static_cast<uint32_t>(text.size());
    return text.substr(tk[m].end, e - tk[m].end);
  };
  auto tok = [&](uint32_t m) { return text.substr(tk[m].begin, tk[m].end - tk[m].begin); };
  uint32_t last_paragraph = UINT32_MAX;
  for (const Sentence& s : seg.sentences) {
    if (s.paragraph == last_paragraph) continue;
    last_paragraph = s.paragraph;
    const uint32_t f = s.first_token, end = s.end_token;
    auto mark_to = [&](uint32_t last) {
      for (uint32_t t = f; t <= last; ++t) (*mark)[t] = 1;
    };
    // PLACE (AGENCY) - ; returns whether a dateline was marked.
    auto paren = [&](uint32_t a) {
      for (uint32_t m = a + 1; m < end && m <= a + 5; ++m) {
        std::string_view g = gap(m);
        if (g.find(')') == std::string_view::npos) continue;
        if (HasSpacedDash(g) || g.find(':') != std::string_view::npos) {
          mark_to(m);
          return true;
        }
        return false;
      }
      return false;
    };
    bool done = false;
    const bool latin = !IsArabicToken(tok(f));
    for (uint32_t a = f; a < end && a < f + 3 && !done; ++a) {
      if (a + 1 >= end) break;
      if (tk[a + 1].joined) continue;  // the place goes on (or a compound: Iran-backed)
      std::string_view g = gap(a);
      done = true;  // the first separator decides
      if (latin) {  // Latin wire datelines write the place in capitals: BEIRUT, AMMAN
        CaseInfo ci = CaseOf(Orig(orig, nt, tk[f].begin, tk[a].end));
        if (ci.letters < 2 || ci.has_lower) break;
      }
      if (g.find('(') != std::string_view::npos) {
        paren(a);
      } else if (HasComma(g)) {
        for (uint32_t c = a + 1; c < end && c <= a + 3; ++c) {
          if (c + 1 < end && tk[c + 1].joined) continue;
          std::string_view gc = gap(c);
          if (gc.find('(') != std::string_view::npos)
            paren(c);
          else if (HasSpacedDash(gc) || gc.find(':') != std::string_view::npos)
            mark_to(c);
          break;
        }
      } else if (HasSpacedDash(g) || g.find('/') != std::string_view::npos) {
        if (latin) {
          mark_to(a);
        } else {
          // An outlet that ends in a colon within four tokens belongs to the dateline.
          uint32_t outlet = 0;
          for (uint32_t m = a + 1; m < end && m <= a + 4 && !outlet; ++m)
            if (gap(m).find(':') != std::string_view::npos) outlet = m;
          if (outlet)
            mark_to(outlet);
          else
            bare->push_back({f, a, a + 1});
        }
      }
    }
    if (done) continue;
    // OUTLET من PLACE:
    static const std::string min = NormalizeString("من");
    for (uint32_t p = f + 1; p < end && p <= f + 4; ++p) {
      if (tok(p) != min) continue;
      for (uint32_t m = p + 1; m < end && m <= p + 2; ++m)
        if (gap(m).find(':') != std::string_view::npos) {
          for (uint32_t t = f; t <= m; ++t) (*mark)[t] = 1;
          break;
        }
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
  const NormalizedText& nt = sc->norm;
  const Segmentation& seg = sc->seg;
  const auto& actors = gazetteer_.actors();
  if (sc->activated.size() != actors.size()) sc->activated.assign(actors.size(), 0);
  for (uint32_t a : sc->touched) sc->activated[a] = 0;
  sc->touched.clear();

  const Impl& im = *impl_;
  auto tok = [&](uint32_t i) {
    return norm.substr(seg.tokens[i].begin, seg.tokens[i].end - seg.tokens[i].begin);
  };
  // A trigger word right before a tier-B alias, in the same sentence, makes it count.
  auto triggered = [&](const Payload& p, uint32_t first, uint32_t sentence_first) {
    if (p.alias == kNone || first == sentence_first) return false;
    const auto& words = im.triggers[p.alias];
    return std::binary_search(words.begin(), words.end(), tok(first - 1), std::less<>());
  };
  auto orig_case = [&](uint32_t t) {
    return CaseOf(Orig(text, nt, seg.tokens[t].begin, seg.tokens[t].end));
  };
  // Kind 3: the text has the capitals the alias has.
  auto case_ok = [&](uint32_t casing, uint32_t first) {
    const auto& pattern = im.casings[casing];
    for (uint32_t k = 0; k < pattern.size(); ++k) {
      if (pattern[k] == kAnyCase) continue;
      CaseInfo ci = orig_case(first + k);
      if (!ci.initial_upper || (pattern[k] == kAllCaps && ci.has_lower)) return false;
    }
    return true;
  };
  auto& spans = sc->spans;
  bool saw_b = false;
  // One greedy leftmost-longest pass. In pass 1 only sure matches (tier A or triggered B) count;
  // in pass 2 tier-B aliases of actors named surely somewhere in the document count too.
  auto pass = [&](bool second) {
    out->clear();
    spans.clear();
    for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
      const Sentence& s = seg.sentences[si];
      for (uint32_t i = s.first_token; i < s.end_token;) {
        uint32_t node = 0, best_node = 0, best_end = 0;
        int best_actor = -1;
        How best_how = How::kName;
        uint16_t best_first_len = 0;
        for (uint32_t j = i; j < s.end_token; ++j) {
          if (j > i && !seg.tokens[j].joined) break;
          node = im.trie.Child(node, tok(j));
          if (node == 0) break;
          // Resolve this node: the distinct actors whose forms are allowed here.
          int actor = -1;
          How how = How::kName;
          uint16_t first_len = 0;
          bool ambiguous = false;
          for (uint32_t t = im.term_begin[node]; t < im.term_begin[node + 1]; ++t) {
            const Payload& p = im.terms[t];
            if (p.casing != kNone && !case_ok(p.casing, i)) continue;
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
              first_len = p.first_len;
            }
          }
          if (actor >= 0) {
            best_node = node;
            best_end = j + 1;
            best_actor = ambiguous ? -2 : actor;
            best_how = how;
            best_first_len = first_len;
          }
        }
        if (best_node == 0) {
          ++i;
          continue;
        }
        if (best_actor >= 0) {
          Mention m;
          m.actor = static_cast<uint32_t>(best_actor);
          m.how = best_how;
          m.sentence = si;
          m.paragraph = s.paragraph;
          m.start = nt.to_orig[seg.tokens[i].begin];
          m.end = nt.to_orig[seg.tokens[best_end - 1].end];
          out->push_back(m);
          spans.push_back({i, best_end, best_first_len});
        }
        i = best_end;  // an ambiguous span is consumed and emits nothing
      }
    }
    Filter(text, sc, out);
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

// The context rules of docs/matching.md (kinds 5, 6, 7 and 9) over one pass's mentions.
void Matcher::Filter(std::string_view text, MatchScratch* sc, std::vector<Mention>* out) const {
  if (out->empty()) return;
  const Impl& im = *impl_;
  const NormalizedText& nt = sc->norm;
  const std::string_view norm = nt.text;
  const Segmentation& seg = sc->seg;
  const auto& tk = seg.tokens;
  const auto& actors = gazetteer_.actors();
  auto& spans = sc->spans;
  auto tok = [&](uint32_t i) { return norm.substr(tk[i].begin, tk[i].end - tk[i].begin); };
  auto orig_case = [&](uint32_t t) { return CaseOf(Orig(text, nt, tk[t].begin, tk[t].end)); };
  // Only spaces (and a single line break) between token t-1 and t: "directly joined".
  auto spaced = [&](uint32_t t) {
    if (!tk[t].joined) return false;
    for (uint32_t b = tk[t - 1].end; b < tk[t].begin; ++b)
      if (norm[b] != ' ' && norm[b] != '\n' && norm[b] != '\r' && norm[b] != '\t') return false;
    return true;
  };
  // covered[t]: 1 + index of the mention covering token t, or 0.
  auto& covered = sc->covered;
  covered.assign(tk.size(), 0);
  for (uint32_t k = 0; k < spans.size(); ++k)
    for (uint32_t t = spans[k].first; t < spans[k].end; ++t) covered[t] = k + 1;

  MarkDatelines(text, nt, seg, &sc->in_dateline, &sc->bare);
  for (const DatelineCandidate& b : sc->bare)
    if (!covered[b.after] || spans[covered[b.after] - 1].first != b.after)
      for (uint32_t t = b.first; t <= b.last; ++t) sc->in_dateline[t] = 1;

  auto& drop = sc->drop;
  drop.assign(out->size(), 0);
  for (uint32_t k = 0; k < out->size(); ++k) {
    const Mention& m = (*out)[k];
    const Actor& a = actors[m.actor];
    const uint32_t b = spans[k].first, e = spans[k].end;
    const Sentence& s = seg.sentences[m.sentence];
    const bool arabic = IsArabicToken(tok(b));
    // Kind 7: a dateline names no state.
    if (a.type == ActorType::kState && sc->in_dateline[b]) {
      drop[k] = 1;
      continue;
    }
    if (a.type != ActorType::kState) continue;
    // Kind 5: a demonym right after a group's name (Arabic: حزب الله اللبناني) or right before
    // it (English: Lebanese Hezbollah) qualifies the group.
    if (m.how == How::kDemonym) {
      uint32_t nb = arabic ? b - 1 : e;  // the neighbouring token
      bool neighbour_ok =
          arabic ? (b > s.first_token && tk[b].joined) : (e < s.end_token && tk[e].joined);
      if (neighbour_ok && covered[nb]) {
        const Mention& o = (*out)[covered[nb] - 1];
        uint32_t of = spans[covered[nb] - 1].first, oe = spans[covered[nb] - 1].end;
        if (actors[o.actor].type == ActorType::kGroup && (arabic ? oe == b : of == e)) {
          drop[k] = 1;
          continue;
        }
      }
    }
    // Kind 6: a capital as a place (في طهران، بطهران، in Baghdad, Baghdad airport).
    if (m.how == How::kCapital) {
      bool place = false;
      std::string_view first = tok(b);
      if (arabic && first.size() > spans[k].first_len) {
        std::string_view prefix = first.substr(0, first.size() - spans[k].first_len);
        place = prefix.ends_with("\xD8\xA8");  // ب, after an optional و/ف
      }
      if (!place && b > s.first_token) {
        std::string_view prev = tok(b - 1);
        place = LocativeBefore().count(prev) > 0;
        if (!place && !arabic && prev == "of" && b - 1 > s.first_token)
          place = PlaceNounBeforeOf().count(tok(b - 2)) > 0;
      }
      if (!place && !arabic && e < s.end_token && tk[e].joined) {
        uint32_t n = e;
        if (tok(n) == "s" && n + 1 < s.end_token && tk[n + 1].joined) ++n;  // Baghdad's airport
        place = PlaceNounAfter().count(tok(n)) > 0;
      }
      if (place) {
        drop[k] = 1;
        continue;
      }
    }
    // Kind 9: a state's name inside a person's name.
    if (arabic) {
      // أحمد المصري: a given name, then the masculine singular nisba with the article.
      if (m.how == How::kDemonym && e == b + 1 && b > s.first_token && !covered[b - 1]) {
        bool surname_form = false;
        std::string_view forms = im.nisba_ms[m.actor], t = tok(b);
        for (size_t p = 0; p < forms.size() && !surname_form;) {
          size_t q = forms.find('\n', p);
          if (q == std::string_view::npos) q = forms.size();
          surname_form = forms.substr(p, q - p) == t;
          p = q + 1;
        }
        if (surname_form && spaced(b) && im.given_names.count(tok(b - 1))) drop[k] = 1;
      }
      continue;
    }
    if (m.how == How::kDemonym || e != b + 1) continue;
    // Michael Jordan, Chad Smith: a capitalised neighbour that is a given name or surname.
    bool person = false;
    if (b > s.first_token && spaced(b) && !covered[b - 1]) {
      std::string_view prev = tok(b - 1);
      CaseInfo ci = orig_case(b - 1);
      if (ci.initial_upper && ci.has_lower && !PlaceModifiers().count(prev) &&
          !CompoundHeads().count(prev) && !EnglishFunctionWords().count(prev) &&
          (im.given_names.count(prev) || b - 1 > s.first_token))
        person = true;
    }
    if (!person && e < s.end_token && spaced(e) && !covered[e]) {
      std::string_view next = tok(e);
      CaseInfo ci = orig_case(e);
      bool then_capital = e + 1 < s.end_token && tk[e + 1].joined && orig_case(e + 1).initial_upper;
      if (ci.initial_upper && ci.has_lower && !then_capital && !CompoundHeads().count(next) &&
          !EnglishFunctionWords().count(next) && !PlaceModifiers().count(next))
        person = true;
    }
    if (person) {
      // A headline in title case (every word of four letters or more capitalised) says nothing
      // about names.
      uint32_t words = 0, caps = 0;
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        if (tk[t].end - tk[t].begin < 4 || IsArabicToken(tok(t))) continue;
        ++words;
        caps += orig_case(t).initial_upper;
      }
      if (words >= 3 && caps == words) person = false;
    }
    if (person) drop[k] = 1;
  }
  size_t w = 0;
  for (size_t k = 0; k < out->size(); ++k)
    if (!drop[k]) {
      (*out)[w] = (*out)[k];
      spans[w] = spans[k];
      ++w;
    }
  out->resize(w);
  spans.resize(w);
}

}  // namespace actorgraph
