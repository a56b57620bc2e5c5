#include "actorgraph/suggest/suggest.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "actorgraph/base/error.h"
#include "actorgraph/base/read_file.h"
#include "actorgraph/base/sha256.h"
#include "actorgraph/text/normalize.h"
#include "actorgraph/text/segment.h"

namespace actorgraph {
namespace {

// ---------------------------------------------------------------------------------------------
// Cue lexicons. Written in ordinary spelling and normalised on construction (arabic-matching.md
// (a)), so ة/ه, ى/ي and hamza forms need no variants here.

// Titles that stand right before a name. Single words and fixed phrases.
constexpr const char* kTitlesAr[] = {"الرئيس",
                                     "الرئيسة",
                                     "الشيخ",
                                     "الشيخة",
                                     "السيد",
                                     "السيدة",
                                     "اللواء",
                                     "العميد",
                                     "الفريق",
                                     "الفريق أول",
                                     "العقيد",
                                     "المقدم",
                                     "الرائد",
                                     "النقيب",
                                     "الجنرال",
                                     "المشير",
                                     "الدكتور",
                                     "الدكتورة",
                                     "د",
                                     "الأستاذ",
                                     "النائب",
                                     "النائبة",
                                     "القاضي",
                                     "المرجع",
                                     "المرجع الديني",
                                     "الإمام",
                                     "آية الله",
                                     "آية الله العظمى",
                                     "حجة الإسلام",
                                     "الملك",
                                     "الملكة",
                                     "الأمير",
                                     "الأميرة",
                                     "ولي العهد",
                                     "السلطان",
                                     "الزعيم",
                                     "القائد",
                                     "القيادي",
                                     "الناشط",
                                     "الناشطة",
                                     "الكاتب",
                                     "الصحفي",
                                     "الصحافي",
                                     "المحلل",
                                     "المحلل السياسي",
                                     "الخبير",
                                     "الباحث",
                                     "المستشار",
                                     "السفير",
                                     "السفيرة",
                                     "المبعوث",
                                     "الوزير",
                                     "الوزيرة",
                                     "المتحدث",
                                     "الناطق",
                                     "المتحدثة",
                                     "الناطقة",
                                     "رئيس الوزراء",
                                     "رئيس الحكومة",
                                     "رئيس الجمهورية",
                                     "رئيس البرلمان",
                                     "رئيس مجلس الوزراء",
                                     "رئيس مجلس النواب",
                                     "رئيس مجلس الشعب",
                                     "رئيس الأركان",
                                     "نائب الرئيس",
                                     "الأمين العام",
                                     "البابا",
                                     "المطران",
                                     "الحاخام",
                                     "رجل الدين",
                                     "رجل الأعمال",
                                     "المرشد",
                                     "المرشد الأعلى",
                                     "قائد الثورة",
                                     "نظيره",
                                     "نظيرها",
                                     "نظيرهم",
                                     "زعيمها",
                                     "زعيمه",
                                     "قائدها",
                                     "قائده",
                                     "رئيسها",
                                     "رئيسه",
                                     "أمينها العام",
                                     "كبير المفاوضين",
                                     "المفاوض"};
// Heads of a title that take a complement (وزير الخارجية، محافظ البصرة، المتحدث باسم الحكومة).
constexpr const char* kTitleHeadsAr[] = {
    "رئيس",         "رئيسة",       "وزير",          "وزيرة",        "نائب",
    "نائبة",        "مستشار",      "مستشارة",       "محافظ",        "سفير",
    "مبعوث",        "قائد",        "زعيم",          "مدير",         "مديرة",
    "أمين",         "عضو",         "مسؤول",         "المسؤول",      "قائم",
    "المتحدث باسم", "الناطق باسم", "المتحدثة باسم", "الناطقة باسم", "المتحدث الرسمي باسم",
    "الأمين العام", "وكيل",        "رئيس أركان",    "قائد قوات",    "قاضي",
    "مفتي",         "المفتي"};
// Words between a title and the name that belong to neither.
constexpr const char* kModifiersAr[] = {
    "السابق",   "السابقة", "الحالي",   "الحالية", "الجديد",   "الجديدة", "الأسبق",  "المستقيل",
    "المنتخب",  "المكلف",  "المنتهية", "ولايته",  "بالوكالة", "الراحل",  "الراحلة", "الأعلى",
    "العام",    "الأول",   "الرسمي",   "المقال",  "الثاني",   "الثالث",  "الرابع",  "الخامس",
    "السادس",   "الشيعي",  "السني",    "الديني",  "الروحي",   "العسكري", "السياسي", "الأمني",
    "الإسلامي", "البارز",  "الشهير",   "المعروف", "الأبرز",   "الكبير"};
// Heads of group names (the head is part of the name).
constexpr const char* kGroupHeadsAr[] = {
    "حركة",    "جماعة",  "حزب",      "تنظيم",   "كتائب",   "ألوية",  "سرايا",    "عصائب",
    "ميليشيا", "مليشيا", "ميليشيات", "مليشيات", "فصيل",    "جبهة",   "تحالف",    "ائتلاف",
    "مجلس",    "قوات",   "لواء",     "فيلق",    "منظمة",   "هيئة",   "تيار",     "اتحاد",
    "جيش",     "حلف",    "كتلة",     "جمعية",   "رابطة",   "مؤسسة",  "شركة",     "الحركة",
    "الجبهة",  "التيار", "الحزب",    "المجلس",  "الاتحاد", "الجيش",  "الائتلاف", "التحالف",
    "الحرس",   "حرس",    "وحدات",    "فرقة",    "بعثة",    "الهيئة", "المنظمة"};
constexpr const char* kMediaHeadsAr[] = {"وكالة", "صحيفة", "قناة",  "إذاعة",  "تلفزيون", "موقع",
                                         "شبكة",  "مجلة",  "جريدة", "فضائية", "الفضائية"};
constexpr const char* kPlaceHeadsAr[] = {"مدينة", "محافظة", "بلدة",  "قرية",  "منطقة",
                                         "قضاء",  "مخيم",   "ولاية", "إقليم", "جزيرة",
                                         "ميناء", "مطار",   "معبر",  "سجن"};
constexpr const char* kStateHeadsAr[] = {"دولة", "جمهورية", "مملكة", "إمارة", "سلطنة"};
// Verbs of speech, perfect tense, both genders.
constexpr const char* kSpeechAr[] = {
    "قال",   "قالت",  "أكد",   "أكدت", "أعلن", "أعلنت", "أوضح",  "أوضحت", "أضاف",
    "أضافت", "صرح",   "صرحت",  "ذكر",  "ذكرت", "أفاد",  "أفادت", "أشار",  "أشارت",
    "شدد",   "شددت",  "دعا",   "دعت",  "طالب", "طالبت", "كشف",   "كشفت",  "نفى",
    "نفت",   "اتهم",  "اتهمت", "حذر",  "حذرت", "رأى",   "رأت",   "اعتبر", "اعتبرت",
    "أعرب",  "أعربت", "هدد",   "هددت", "وصف",  "وصفت",  "تابع",  "تابعت"};
// Name structure: words that join the next word into one name part.
constexpr const char* kNameJoinersAr[] = {"أبو", "أبي", "أبا", "عبد", "ابن", "بن", "بنت", "آل"};
// Function words with the article's letters.
constexpr const char* kDefiniteFunctionAr[] = {"الذي", "التي",  "الذين",  "اللذين", "اللتين",
                                               "الآن", "اليوم", "اللذان", "اللتان", "اللواتي"};
// Given names that are also common words (كامل 'whole', أمل 'hope'): no name cue on their own.
constexpr const char* kCommonGivenAr[] = {"كامل", "نجاح",  "أمل",   "سعيد", "جميل", "كريم", "رشيد",
                                          "جمال", "كمال",  "منير",  "نبيل", "صادق", "فاضل", "حميد",
                                          "عادل", "سالم",  "أمين",  "هادي", "نصر",  "فتح",  "نور",
                                          "هدى",  "منى",   "إيمان", "وليد", "باقر", "صالح", "مالك",
                                          "حسن",  "سلمان", "خليل",  "طارق", "فهد",  "ماجد", "مجيد"};
// Function words and frequent news nouns that never start or continue a name.
constexpr const char* kStopAr[] = {
    "في",        "من",      "إلى",      "على",     "عن",       "مع",       "أن",      "إن",
    "أو",        "ثم",      "لا",       "لم",      "لن",       "قد",       "ما",      "ماذا",
    "هل",        "هذا",     "هذه",      "ذلك",     "تلك",      "الذي",     "التي",    "الذين",
    "اللذين",    "اللتين",  "كان",      "كانت",    "يكون",     "تكون",     "بين",     "بعد",
    "قبل",       "خلال",    "عند",      "حتى",     "منذ",      "حول",      "ضد",      "دون",
    "غير",       "كل",      "بعض",      "أي",      "أيضا",     "وقد",      "فقد",     "لقد",
    "كما",       "حيث",     "إذا",      "إذ",      "لكن",      "بل",       "إلا",     "أنه",
    "أنها",      "أنهم",    "إنه",      "إنها",    "هو",       "هي",       "هم",      "نحن",
    "أنا",       "له",      "لها",      "لهم",     "به",       "بها",      "فيه",     "فيها",
    "منه",       "منها",    "عليه",     "عليها",   "اليوم",    "أمس",      "غدا",     "الآن",
    "يوم",       "عام",     "العام",    "شهر",     "الشهر",    "سنة",      "السنة",   "الأسبوع",
    "مساء",      "صباح",    "أمام",     "وراء",    "نحو",      "لدى",      "وفق",     "وفقا",
    "بشأن",      "إثر",     "عقب",      "جراء",    "بسبب",     "بشكل",     "عبر",     "داخل",
    "خارج",      "فوق",     "تحت",      "جميع",    "عدد",      "عدة",      "أكثر",    "أقل",
    "أول",       "الأول",   "الأولى",   "الثاني",  "آخر",      "الآخر",    "أخرى",    "الأخرى",
    "هناك",      "هنا",     "ليس",      "ليست",    "سوف",      "نفسه",     "ذاته",    "ضمن",
    "جدا",       "مثل",     "تم",       "يتم",     "وهو",      "وهي",      "والذي",   "والتي",
    "لدى",       "عليهم",   "إليه",     "إليها",   "بأن",      "لأن",      "كأن",     "وأن",
    "فإن",       "وإن",     "عندما",    "بينما",   "حين",      "لما",      "مما",     "ممن",
    "عما",       "فيما",    "كيف",      "لماذا",   "متى",      "أين",      "المصدر",  "مصدر",
    "مصادر",     "المصادر", "البيان",   "بيان",    "الحكومة",  "حكومة",    "الوزارة", "الوكالة",
    "المسؤولين", "مسؤولون", "الرئاسة",  "القوات",  "الشرطة",   "السلطات",  "المكتب",  "مكتب",
    "اللجنة",    "الطرفان", "الجانبان", "الجانب",  "الطرف",    "الوفد",    "التقرير", "الصحيفة",
    "البلاد",    "الدولة",  "الأحد",    "الاثنين", "الثلاثاء", "الأربعاء", "الخميس",  "الجمعة",
    "السبت",     "يناير",   "فبراير",   "مارس",    "أبريل",    "إبريل",    "مايو",    "يونيو",
    "يوليو",     "أغسطس",   "سبتمبر",   "أكتوبر",  "نوفمبر",   "ديسمبر",   "كانون",   "تشرين",
    "شباط",      "آذار",    "نيسان",    "أيار",    "حزيران",   "تموز",     "آب",      "أيلول",
    "الثاني",    "الماضي",  "المقبل",   "الجاري",  "المقبلة",  "الماضية",  "خلاله",   "بعدما",
    "قبيل",      "لدي",     "وأكد",     "وقال",    "إنه",      "يذكر",     "كذلك",    "أما",
    "سواء",      "الأخير",  "الأخيرة",  "العديد",  "الكثير",   "بشدة",     "أجل",     "لأجل",
    "حسب",       "بحسب",    "طبقا",     "فضلا",    "عدا",      "رغم",      "برغم",    "إزاء",
    "تجاه",      "لصالح",   "وسط",      "جانب",    "بجانب",    "الى",      "اذا",     "اي",
    "باسم"};
constexpr const char* kTitlesEn[] = {"president",    "prime",
                                     "minister",     "mr",
                                     "mrs",          "ms",
                                     "dr",           "sheikh",
                                     "shaikh",       "general",
                                     "gen",          "lt",
                                     "col",          "colonel",
                                     "major",        "brigadier",
                                     "ambassador",   "secretary",
                                     "spokesman",    "spokeswoman",
                                     "spokesperson", "king",
                                     "queen",        "prince",
                                     "princess",     "crown",
                                     "emir",         "amir",
                                     "ayatollah",    "grand",
                                     "senator",      "sen",
                                     "rep",          "representative",
                                     "governor",     "gov",
                                     "commander",    "chief",
                                     "leader",       "speaker",
                                     "foreign",      "defense",
                                     "defence",      "interior",
                                     "finance",      "deputy",
                                     "vice",         "envoy",
                                     "cleric",       "imam",
                                     "sayyed",       "sayyid",
                                     "mullah",       "judge",
                                     "justice",      "mayor",
                                     "of",           "chairman",
                                     "director",     "sultan",
                                     "pope",         "lieutenant",
                                     "adm",          "admiral",
                                     "marshal",      "field",
                                     "former",       "late",
                                     "acting",       "then",
                                     "top",          "senior",
                                     "officer",      "official"};
constexpr const char* kGroupHeadsEn[] = {
    "party",       "movement",   "front",        "brigades",     "brigade",      "forces",
    "force",       "council",    "organization", "organisation", "army",         "militia",
    "militias",    "group",      "alliance",     "coalition",    "committee",    "union",
    "corps",       "battalion",  "battalions",   "league",       "bloc",         "current",
    "association", "company",    "corporation",  "authority",    "agency",       "ministry",
    "hezbollah",   "department", "office",       "commission",   "bureau",       "institute",
    "foundation",  "court",      "parliament",   "assembly",     "senate",       "congress",
    "cabinet",     "guard",      "guards",       "brotherhood",  "mobilization", "mobilisation",
    "units"};
constexpr const char* kMediaHeadsEn[] = {
    "news",    "times",   "post",    "tv",      "television",   "radio",  "network", "press",
    "journal", "gazette", "tribune", "channel", "broadcasting", "herald", "daily"};
constexpr const char* kPlaceHeadsEn[] = {"city",     "province", "governorate", "village",
                                         "district", "camp",     "airport",     "port",
                                         "region",   "county",   "valley"};
constexpr const char* kSpeechEn[] = {
    "said",    "says",  "told",     "added",   "stated", "announced", "warned", "noted", "stressed",
    "tweeted", "wrote", "insisted", "claimed", "denied", "explained", "argued", "urged"};
constexpr const char* kConnectorsEn[] = {"al", "el",  "bin", "ibn", "bint", "abu", "abd", "of",
                                         "de", "van", "von", "da",  "la",   "ul",  "ud",  "and"};
constexpr const char* kStopEn[] = {
    "the",       "a",       "an",        "this",      "that",      "these",     "those",
    "he",        "she",     "it",        "they",      "we",        "i",         "you",
    "but",       "and",     "or",        "in",        "on",        "at",        "for",
    "to",        "from",    "with",      "by",        "of",        "as",        "if",
    "when",      "while",   "after",     "before",    "since",     "during",    "his",
    "her",       "their",   "its",       "our",       "there",     "here",      "what",
    "who",       "which",   "why",       "how",       "not",       "no",        "yes",
    "all",       "some",    "monday",    "tuesday",   "wednesday", "thursday",  "friday",
    "saturday",  "sunday",  "january",   "february",  "march",     "april",     "may",
    "june",      "july",    "august",    "september", "october",   "november",  "december",
    "according", "however", "meanwhile", "also",      "although",  "both",      "many",
    "more",      "most",    "one",       "two",       "three",     "last",      "next",
    "new",       "so",      "then",      "now",       "today",     "yesterday", "tomorrow",
    "is",        "was",     "are",       "were",      "be",        "has",       "had",
    "have",      "will",    "would",     "can",       "could",     "should",    "do",
    "does",      "did",     "mr",        "mrs",       "ms"};
constexpr const char* kPrepositionsEn[] = {"in", "from", "near", "outside", "across", "into"};

constexpr double kWeights[kCueKinds] = {3, 3, 2, 2, 1.5, 1, 1};

// Head word kinds.
enum class HeadKind : uint8_t { kGroup, kMedia, kPlace, kState };

bool IsArabicToken(std::string_view t) {
  return !t.empty() && static_cast<unsigned char>(t[0]) >= 0xD8 &&
         static_cast<unsigned char>(t[0]) <= 0xDB;
}
bool IsLatinToken(std::string_view t) {
  return !t.empty() && ((t[0] >= 'a' && t[0] <= 'z') || (t[0] >= 'A' && t[0] <= 'Z'));
}
bool HasDigit(std::string_view t) {
  return std::any_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}
// Code points of a UTF-8 string.
size_t Letters(std::string_view t) {
  size_t n = 0;
  for (unsigned char c : t)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

const std::string kAl = NormalizeString("ال");
const std::string kLil = NormalizeString("لل");
const std::string kAbd = NormalizeString("عبد");
const std::string kBin = NormalizeString("بن");
const std::string kIbn = NormalizeString("ابن");
const std::string kAli = NormalizeString("علي");

bool StartsWithArticle(std::string_view t) {
  return t.size() > kAl.size() + 2 && t.starts_with(kAl);
}

// لل، بال، كال، فال، وال: a preposition or conjunction on a definite word (للصراع، بالحلبوسي).
bool CliticOnArticle(std::string_view t) {
  static const std::string forms[] = {NormalizeString("لل"), NormalizeString("بال"),
                                      NormalizeString("كال"), NormalizeString("فال"),
                                      NormalizeString("وال")};
  for (const auto& f : forms)
    if (t.size() > f.size() + 2 && t.starts_with(f)) return true;
  return false;
}

// A word with a possessive pronoun suffix (تأييدها، أنصاره، قرارهم): no part of a name.
bool Possessive(std::string_view t) {
  static const std::string ha = NormalizeString("ها"), hum = NormalizeString("هم"),
                           huma = NormalizeString("هما");
  return Letters(t) >= 5 && (t.ends_with(ha) || t.ends_with(hum) || t.ends_with(huma));
}

// A word that starts with the conjunction و (وبحث، وبقية): it starts a new phrase.
bool Conjoined(std::string_view t) {
  static const std::string w = NormalizeString("و");
  return t.starts_with(w) && Letters(t) >= 4;
}

// An indefinite masculine nisba adjective (دولي، ستراتيجي، عسكري): no name after a head.
bool Nisba(std::string_view t) {
  static const std::string y = NormalizeString("ي");
  return !StartsWithArticle(t) && Letters(t) >= 4 && t.ends_with(y);
}

// An indefinite feminine word (ends in ة, normalised ه): an adjective after a head (قوات أجنبية).
bool Indefinite(std::string_view t) {
  static const std::string h = NormalizeString("ة");
  return !StartsWithArticle(t) && t.size() > h.size() && t.ends_with(h);
}

// The forms a token may take without its proclitics (و/ف then ب/ل/ك; لل → ال), longest first.
std::vector<std::string> StripProclitics(std::string_view t) {
  static const std::string conj[] = {NormalizeString("و"), NormalizeString("ف")};
  static const std::string prep[] = {NormalizeString("ب"), NormalizeString("ل"),
                                     NormalizeString("ك")};
  std::vector<std::string> out;
  if (!IsArabicToken(t)) return out;
  auto add_preps = [&](std::string_view s) {
    if (s.starts_with(kLil) && s.size() > kLil.size() + 4)
      out.push_back(kAl + std::string(s.substr(kLil.size())));
    for (const auto& p : prep)
      if (s.starts_with(p) && s.size() > p.size() + 4) out.emplace_back(s.substr(p.size()));
  };
  for (const auto& c : conj) {
    if (t.starts_with(c) && t.size() > c.size() + 4) {
      std::string_view rest = t.substr(c.size());
      out.emplace_back(rest);
      add_preps(rest);
    }
  }
  add_preps(t);
  return out;
}

template <size_t N>
std::unordered_set<std::string> NormSet(const char* const (&words)[N]) {
  std::unordered_set<std::string> s;
  for (const char* w : words) s.insert(MatchKey(w));
  return s;
}

// Phrases (normalised token sequences) in a lookup by first token.
class PhraseSet {
 public:
  template <size_t N>
  explicit PhraseSet(const char* const (&phrases)[N]) {
    for (const char* p : phrases) {
      std::string norm = NormalizeString(p);
      std::vector<std::string> toks;
      for (auto t : Tokenize(norm)) toks.emplace_back(t);
      if (!toks.empty()) by_first_[toks[0]].push_back(std::move(toks));
    }
    for (auto& [k, v] : by_first_)
      std::sort(v.begin(), v.end(),
                [](const auto& a, const auto& b) { return a.size() > b.size(); });
  }
  // Length in tokens of the longest phrase starting at token i (the first token may carry
  // proclitics), 0 when none. `tok(k)` gives token k; `limit` is the sentence end.
  template <class Tok, class Joined>
  uint32_t Match(uint32_t i, uint32_t limit, const Tok& tok, const Joined& joined) const {
    std::string_view first = tok(i);
    std::vector<std::string> firsts = {std::string(first)};
    for (auto& s : StripProclitics(first)) firsts.push_back(std::move(s));
    uint32_t best = 0;
    for (const auto& f : firsts) {
      auto it = by_first_.find(f);
      if (it == by_first_.end()) continue;
      for (const auto& p : it->second) {
        if (i + p.size() > limit) continue;
        bool ok = true;
        for (size_t k = 1; k < p.size() && ok; ++k) ok = joined(i + k) && tok(i + k) == p[k];
        if (ok) best = std::max<uint32_t>(best, static_cast<uint32_t>(p.size()));
      }
    }
    return best;
  }
  bool Contains(const std::string& word) const {
    auto it = by_first_.find(word);
    if (it == by_first_.end()) return false;
    for (const auto& p : it->second)
      if (p.size() == 1) return true;
    return false;
  }

 private:
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> by_first_;
};

// One occurrence of a candidate form in a document.
struct Occurrence {
  uint32_t first = 0, end = 0;  // token range [first, end)
  uint8_t cues = 0;             // bit per Cue
  int8_t head = -1;             // HeadKind of a head cue, or -1
  int32_t owner = -1;           // a family name alone: index of the full form it stands for
};

struct FormStats {
  std::string lang;
  std::string text;  // first original spelling seen
  uint64_t count = 0;
  std::vector<uint64_t> docs;  // document numbers, increasing
  uint64_t cue_hits = 0;
  uint64_t cues[kCueKinds] = {};
  uint64_t heads[4] = {};
  uint64_t initial_only = 0;  // English: occurrences at the start of a sentence with no cue
  uint64_t noninitial = 0;
  std::vector<std::string> examples;
  // Full forms (of cued occurrences in the same documents) whose family name this one-word form
  // was counted for, with counts: where two longer candidates end in it, it joins the one it
  // stood for most often (one sense per discourse).
  std::map<std::string, uint64_t> owners;
};

}  // namespace

std::string_view ToString(Cue c) {
  static constexpr std::string_view kNames[] = {"title", "head",   "place", "name",
                                                "quote", "speech", "caps"};
  return kNames[static_cast<size_t>(c)];
}

struct Suggester::Impl {
  const Gazetteer& g;
  const Matcher& matcher;
  SuggestOptions opt;
  PhraseSet titles_ar{kTitlesAr}, title_heads_ar{kTitleHeadsAr};
  std::unordered_set<std::string> modifiers_ar = NormSet(kModifiersAr);
  std::unordered_map<std::string, HeadKind> heads;  // Arabic and English head words
  std::unordered_set<std::string> speech_ar = NormSet(kSpeechAr);
  std::unordered_set<std::string> joiners_ar = NormSet(kNameJoinersAr);
  std::unordered_set<std::string> common_given = NormSet(kCommonGivenAr);
  std::unordered_set<std::string> definite_function = NormSet(kDefiniteFunctionAr);
  std::unordered_set<std::string> stop = NormSet(kStopAr);
  std::unordered_set<std::string> titles_en = NormSet(kTitlesEn);
  std::unordered_set<std::string> speech_en = NormSet(kSpeechEn);
  std::unordered_set<std::string> connectors_en = NormSet(kConnectorsEn);
  std::unordered_set<std::string> prepositions_en = NormSet(kPrepositionsEn);
  std::unordered_set<std::string> given;
  std::unordered_set<std::string> known_parts;  // every contiguous part of every known alias
  std::map<std::string, FormStats> forms;       // by normalised form ("ar:tok tok")
  uint64_t docs = 0;
  MatchScratch sc;
  std::vector<Mention> mentions;

  Impl(const Gazetteer& gz, const Matcher& m, SuggestOptions o)
      : g(gz), matcher(m), opt(std::move(o)) {
    for (const char* w : kGroupHeadsAr) heads[MatchKey(w)] = HeadKind::kGroup;
    for (const char* w : kMediaHeadsAr) heads[MatchKey(w)] = HeadKind::kMedia;
    for (const char* w : kPlaceHeadsAr) heads[MatchKey(w)] = HeadKind::kPlace;
    for (const char* w : kStateHeadsAr) heads[MatchKey(w)] = HeadKind::kState;
    for (const char* w : kGroupHeadsEn) heads[w] = HeadKind::kGroup;
    for (const char* w : kMediaHeadsEn) heads[w] = HeadKind::kMedia;
    for (const char* w : kPlaceHeadsEn) heads[w] = HeadKind::kPlace;
    for (const char* w : kStopEn) stop.insert(w);
    for (const auto& n : opt.given_names) {
      std::string k = MatchKey(n);
      if (!k.empty() && k.find(' ') == std::string::npos && !stop.count(k)) given.insert(k);
    }
    for (const Actor& a : g.actors()) {
      if (a.type == ActorType::kPerson) {
        for (const std::string* label : {&a.label_ar, &a.label_en}) {
          std::string k = MatchKey(*label);
          auto toks = Tokenize(k);
          if (toks.size() >= 2 && !stop.count(std::string(toks[0])) &&
              !joiners_ar.count(std::string(toks[0])) && Letters(toks[0]) >= 3)
            given.insert(std::string(toks[0]));
        }
      }
      // Every part of every known name and office title ("Prime Minister of Iraq") is known.
      std::vector<std::string> names;
      for (const Alias& al : a.aliases) names.push_back(al.text);
      for (const Role& r : a.roles) names.push_back(r.title);
      for (const std::string& name : names) {
        std::string k = MatchKey(name);
        std::vector<std::string_view> toks = Tokenize(k);
        for (size_t i = 0; i < toks.size(); ++i) {
          std::string part;
          for (size_t j = i; j < toks.size(); ++j) {
            if (j > i) part += ' ';
            part.append(toks[j]);
            known_parts.insert(part);
          }
        }
      }
    }
  }

  bool IsStop(std::string_view t) const {
    return stop.count(std::string(t)) || HasDigit(t) || Letters(t) < 2;
  }
  bool IsSpeechAr(std::string_view t) const {
    if (speech_ar.count(std::string(t))) return true;
    for (const auto& s : StripProclitics(t))
      if (speech_ar.count(s)) return true;
    return false;
  }
  int HeadOf(std::string_view t) const {
    auto it = heads.find(std::string(t));
    if (it != heads.end()) return static_cast<int>(it->second);
    for (const auto& s : StripProclitics(t))
      if (auto j = heads.find(s); j != heads.end()) return static_cast<int>(j->second);
    return -1;
  }

  void Add(const Document& doc);
  std::vector<SuggestCandidate> Finish();
};

void Suggester::Impl::Add(const Document& doc) {
  ++docs;
  matcher.Match(doc.text, &sc, &mentions);
  const std::string_view norm = sc.norm.text;
  const Segmentation& seg = sc.seg;
  const auto& tokens = seg.tokens;
  const size_t n = tokens.size();
  auto tok = [&](uint32_t i) {
    return norm.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  };
  auto orig = [&](uint32_t i) { return sc.norm.to_orig[tokens[i].begin]; };
  auto orig_end = [&](uint32_t i) { return sc.norm.to_orig[tokens[i].end]; };
  // Known mentions: covered[i] = 1 + actor type, 0 when the token is free.
  std::vector<uint8_t> covered(n, 0);
  std::vector<int> mention_of(n, -1);
  {
    size_t m = 0;
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t b = orig(i);
      while (m < mentions.size() && mentions[m].end <= b) ++m;
      if (m < mentions.size() && mentions[m].start <= b && b < mentions[m].end) {
        covered[i] = 1 + static_cast<uint8_t>(g.actors()[mentions[m].actor].type);
        mention_of[i] = static_cast<int>(m);
      }
    }
  }
  const uint8_t kStateCover = 1 + static_cast<uint8_t>(ActorType::kState);
  const uint8_t kPersonCover = 1 + static_cast<uint8_t>(ActorType::kPerson);
  // The end of the known mention that covers token i.
  auto mention_end = [&](uint32_t i) {
    uint32_t e = i;
    while (e < n && mention_of[e] == mention_of[i]) ++e;
    return e;
  };
  // Whether only spaces, quotes and (for English) hyphens separate token i from token i-1.
  auto joined = [&](uint32_t i) { return tokens[i].joined; };
  auto joined_en = [&](uint32_t i) {
    if (tokens[i].joined) return true;
    std::string_view gap = norm.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end);
    return gap.find_first_not_of(" -'") == std::string_view::npos;
  };
  // Tanween (ً ٌ ٍ) in the original spelling marks an indefinite word, never a name (عرضةً).
  auto tanween = [&](uint32_t i) {
    std::string_view w(doc.text.data() + orig(i), orig_end(i) - orig(i));
    return w.find("\xD9\x8B") != std::string_view::npos ||
           w.find("\xD9\x8C") != std::string_view::npos ||
           w.find("\xD9\x8D") != std::string_view::npos;
  };
  auto capitalised = [&](uint32_t i) {
    char c = doc.text[orig(i)];
    return c >= 'A' && c <= 'Z';
  };

  std::vector<Occurrence> found;
  auto emit = [&](uint32_t first, uint32_t end, Cue cue, int head = -1) {
    if (end <= first) return;
    Occurrence o{first, end, static_cast<uint8_t>(1u << static_cast<int>(cue)),
                 static_cast<int8_t>(head)};
    found.push_back(o);
  };

  // Arabic name after a cue: up to three parts; أبو/عبد/بن join the next word; a family name
  // with the article ends the name unless بن follows.
  auto name_span = [&](uint32_t p, uint32_t limit, bool* structured) -> uint32_t {
    uint32_t q = p;
    int parts = 0;
    while (q < limit && parts < 3) {
      if (q > p && !joined(q)) break;
      std::string_view t = tok(q);
      // علي (Ali) and على (on) are one word after normalisation; at the start of a name after a
      // cue and before another name word, it is the given name.
      bool ali = q == p && t == kAli && q + 1 < limit && joined(q + 1) && !covered[q + 1] &&
                 !IsStop(tok(q + 1)) && !CliticOnArticle(tok(q + 1));
      if (!IsArabicToken(t) || covered[q] || (IsStop(t) && !ali) || IsSpeechAr(t) ||
          HeadOf(t) >= 0 || titles_ar.Match(q, limit, tok, joined) ||
          title_heads_ar.Match(q, limit, tok, joined) || modifiers_ar.count(std::string(t)) ||
          CliticOnArticle(t) || tanween(q) || Possessive(t) ||
          (q > p && Conjoined(t) && !given.count(std::string(t))))
        break;
      bool joiner = joiners_ar.count(std::string(t)) > 0;
      if (joiner) {
        if (q + 1 >= limit || !joined(q + 1) || covered[q + 1] || IsStop(tok(q + 1)) ||
            tanween(q + 1))
          break;
        if (structured) *structured = true;
        bool connector = (t == kBin || t == kIbn) && parts > 0;
        q += 2;
        if (!connector) ++parts;
        continue;  // عبد الفتاح السيسي، أبو مهدي المهندس: the name goes on
      }
      ++q;
      ++parts;
      if (StartsWithArticle(t) &&
          !(q < limit && (tok(q) == kBin || tok(q) == kIbn) && q + 1 < limit && joined(q)))
        break;
    }
    return q;
  };
  // The complement of a title head: a construct chain (first word, then words until one has the
  // article, then words with it) of up to three words, a known group or state counting as one.
  // Returns the end of each possible complement, shortest first.
  auto complements = [&](uint32_t p, uint32_t lim) {
    std::vector<uint32_t> ends;
    bool definite = false;
    while (p < lim && ends.size() < 4 && joined(p)) {
      if (covered[p] == kPersonCover) break;
      if (covered[p]) {  // a known group or state ends the complement (قائد قوات الدعم السريع)
        p = std::min(mention_end(p), lim);
        ends.push_back(p);
        break;
      }
      std::string_view c = tok(p);
      bool head = HeadOf(c) >= 0;  // a new construct chain: المكتب السياسي لحركة حماس
      // News nouns of the stop list (المكتب، الحكومة) are fine here; function words are not.
      bool function_word =
          IsStop(c) && (!StartsWithArticle(c) || definite_function.count(std::string(c)));
      if (!IsArabicToken(c) || function_word || titles_ar.Contains(std::string(c)) || tanween(p) ||
          IsSpeechAr(c) || (definite && !head && !StartsWithArticle(c)) ||
          (!ends.empty() && Conjoined(c)))
        break;
      definite = head ? false : (definite || StartsWithArticle(c) || CliticOnArticle(c));
      ends.push_back(++p);
    }
    return ends;
  };

  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    const Sentence& s = seg.sentences[si];
    const uint32_t lim = s.end_token;
    for (uint32_t i = s.first_token; i < lim; ++i) {
      std::string_view t = tok(i);
      if (covered[i]) continue;
      if (IsArabicToken(t)) {
        // Title (or title head with its complement), then modifiers, then the name.
        uint32_t len = titles_ar.Match(i, lim, tok, joined);
        uint32_t head_len = title_heads_ar.Match(i, lim, tok, joined);
        if (len || head_len) {
          uint32_t after_title = i + std::max(len, head_len);
          // Where the modifiers end and the name starts, after a complement ending at `p`;
          // lim when a known person follows (the title is theirs) or nothing can.
          auto name_start = [&](uint32_t p) -> uint32_t {
            for (int guard = 0; p < lim && joined(p) && guard < 6; ++guard) {
              if (covered[p] == kStateCover) {
                ++p;
                continue;
              }
              if (covered[p]) return lim;
              std::string_view c = tok(p);
              if (modifiers_ar.count(std::string(c))) {
                ++p;
                continue;
              }
              // A definite nisba adjective before a name (المبعوث الأممي رمطان لعمامرة).
              if (StartsWithArticle(c) && Nisba(c.substr(kAl.size())) && p + 1 < lim &&
                  joined(p + 1) && !covered[p + 1] && !StartsWithArticle(tok(p + 1)) &&
                  !IsStop(tok(p + 1)) && !IsSpeechAr(tok(p + 1))) {
                ++p;
                continue;
              }
              if (uint32_t l = titles_ar.Match(p, lim, tok, joined)) {
                p += l;
                continue;
              }
              if ((c == NormalizeString("في") || c == NormalizeString("عن")) && p + 1 < lim &&
                  covered[p + 1] && covered[p + 1] != kPersonCover) {
                p = std::min(mention_end(p + 1), lim);
                continue;
              }
              break;
            }
            return p < lim && joined(p) ? p : lim;
          };
          // Try the longest complement that leaves a name of two or more words, else the
          // shortest that leaves any name (رئيس الوزراء الكاظمي).
          std::vector<uint32_t> ends = {after_title};
          if (head_len > len) {
            ends = complements(after_title, lim);
            if (ends.empty()) ends.push_back(after_title);
          }
          uint32_t best_p = lim, best_e = lim;
          bool best_structured = false;
          for (size_t k = ends.size(); k-- > 0;) {
            uint32_t p = name_start(ends[k]);
            if (p >= lim) continue;
            bool structured = false;
            uint32_t e = name_span(p, lim, &structured);
            if (e <= p) continue;
            // A one-word name followed by a demonym or another definite word is an adjective of
            // the complement (مدير جهاز المخابرات الوطني العراقي).
            // A word right after a group head is that group's name (قائد فيلق القدس، …).
            if (e - p == 1 && p > 0 && HeadOf(tok(p - 1)) >= 0) continue;
            if (e - p == 1 && e < lim && joined(e) &&
                (covered[e] == kStateCover || (!covered[e] && StartsWithArticle(tok(e)))))
              continue;
            if (e - p >= 2 || best_p == lim) best_p = p, best_e = e, best_structured = structured;
            if (e - p >= 2) break;
          }
          if (best_p < lim) {
            emit(best_p, best_e, Cue::kTitle);
            if (best_structured) emit(best_p, best_e, Cue::kName);
          }
          continue;
        }
        // Group, media, place and state heads: the head and up to three more words; a known
        // name may be inside (كتائب حزب الله) but not be all of it when it is a state.
        // (لتنظيم is also the verbal noun 'to organise': not a head with that proclitic.)
        static const std::string kLitanzim = NormalizeString("لتنظيم");
        if (int hk = HeadOf(t); hk >= 0 && t != kLitanzim) {
          uint32_t e = i + 1, words = 0;
          bool free_word = false, known_group = false, definite = false;
          const bool head_definite = StartsWithArticle(t);
          while (e < lim && words < 3 && joined(e)) {
            std::string_view c = tok(e);
            // A construct chain, then adjectives: once a word has the article, only words with
            // it follow (مجلس القيادة الرئاسي | رشاد); a head with the article takes adjectives
            // only (التيار الصدري); an indefinite adjective is no name (قوات أجنبية).
            if (!covered[e] && ((definite || head_definite) && !StartsWithArticle(c))) break;
            if (!covered[e] && words == 0 && (Indefinite(c) || Nisba(c))) break;
            if (!covered[e] && (CliticOnArticle(c) || tanween(e) || Possessive(c) ||
                                modifiers_ar.count(std::string(c)) || (words > 0 && Conjoined(c))))
              break;
            if (!covered[e] && words > 0 && given.count(std::string(c)) &&
                !common_given.count(std::string(c)))
              break;  // حركة حماس | إسماعيل هنية
            if (StartsWithArticle(c)) definite = true;
            if (covered[e]) {
              // A known group inside (كتائب حزب الله) or a demonym (الحزب الديمقراطي
              // الكردستاني); a demonym ends the name.
              if (covered[e] == kPersonCover) break;
              bool state = covered[e] == kStateCover;
              uint32_t f = std::min(mention_end(e), lim);
              if (!state) known_group = true;
              words += f - e;
              e = f;
              if (state && words > 1) break;
              continue;
            }
            if (!IsArabicToken(c) || IsStop(c) || IsSpeechAr(c) || HeadOf(c) >= 0 ||
                titles_ar.Contains(std::string(c)) || title_heads_ar.Contains(std::string(c)))
              break;
            free_word = true;
            ++e, ++words;
          }
          if (e > i + 1 && (free_word || known_group))
            emit(i, e, hk == static_cast<int>(HeadKind::kPlace) ? Cue::kPlace : Cue::kHead, hk);
          continue;
        }
        // Verbs of speech before a name (وقال الكاظمي).
        if (IsSpeechAr(t) && i + 1 < lim && joined(i + 1) && !covered[i + 1] &&
            !titles_ar.Match(i + 1, lim, tok, joined) &&
            !title_heads_ar.Match(i + 1, lim, tok, joined) && HeadOf(tok(i + 1)) < 0) {
          uint32_t e = name_span(i + 1, lim, nullptr);
          emit(i + 1, e, Cue::kSpeech);
          continue;
        }
        // Name structure: أبو/أم/عبد X, or a known given name followed by a family name.
        std::string ts(t);
        std::vector<std::string> bare = {ts};
        for (const char* c : {"و", "ف"})
          if (ts.starts_with(NormalizeString(c)) && ts.size() > 5)
            bare.push_back(ts.substr(NormalizeString(c).size()));
        bool joiner = false, given_name = false;
        for (const auto& b : bare) {
          joiner |= joiners_ar.count(b) > 0 && b != kBin && b != kIbn;
          given_name |= given.count(b) > 0 && !common_given.count(b);
        }
        // After a given name, a family name: with the article, another given name, عبد…, بن.
        if (given_name && i + 1 < lim) {
          std::string_view nx = tok(i + 1);
          given_name = StartsWithArticle(nx) || given.count(std::string(nx)) ||
                       nx.starts_with(kAbd) || joiners_ar.count(std::string(nx));
        }
        if ((joiner || given_name) && i + 1 < lim && joined(i + 1) && !covered[i + 1] &&
            !IsStop(tok(i + 1)) && !CliticOnArticle(tok(i + 1))) {
          bool structured = joiner;
          uint32_t e = name_span(i, lim, &structured);
          if (e >= i + 2 && (structured || given_name)) emit(i, e, Cue::kName);
        }
        continue;
      }
      if (IsLatinToken(t) && capitalised(i)) {
        // English: titles, then a run of capitalised words (with al-, bin, of … inside).
        uint32_t p = i;
        bool titled = i > s.first_token && titles_en.count(std::string(tok(i - 1))) &&
                      !capitalised(i - 1) && tok(i - 1) != "of" && tok(i - 1) != "state";
        // "Secretary of State": State is a title word only after "of" in a title.
        auto title_word = [&](uint32_t k) {
          return titles_en.count(std::string(tok(k))) ||
                 (tok(k) == "state" && k > i && tok(k - 1) == "of");
        };
        while (p < lim && !covered[p] && title_word(p) &&
               (capitalised(p) || (tok(p) == "of" && p + 1 < lim && capitalised(p + 1))) &&
               (p == i || joined_en(p)))
          ++p, titled = true;
        if (p >= lim || (p > i && (!capitalised(p) || !joined_en(p))) || covered[p]) {
          i = p > i ? p - 1 : i;
          continue;
        }
        uint32_t e = p;
        while (e < lim && !covered[e] && (e == p || joined_en(e))) {
          std::string_view c = tok(e);
          if (capitalised(e) && IsLatinToken(c) && !HasDigit(c)) {
            ++e;
            continue;
          }
          if (connectors_en.count(std::string(c)) && e + 1 < lim && joined_en(e + 1) &&
              capitalised(e + 1) && !covered[e + 1]) {
            e += 2;
            continue;
          }
          break;
        }
        // Drop a leading "The" and trailing stop words.
        uint32_t b = p;
        while (b < e && stop.count(std::string(tok(b)))) ++b;
        while (e > b && stop.count(std::string(tok(e - 1)))) --e;
        if (b < e) {
          bool initial = b == s.first_token;
          emit(b, e, Cue::kCaps);
          if (titled) emit(b, e, Cue::kTitle);
          if (b > s.first_token && !covered[b - 1] &&
              prepositions_en.count(std::string(tok(b - 1))))
            emit(b, e, Cue::kPlace);
          if (given.count(std::string(tok(b))) && e - b >= 2) emit(b, e, Cue::kName);
          if (e < lim && speech_en.count(std::string(tok(e)))) emit(b, e, Cue::kSpeech);
          for (uint32_t k = b; k < e; ++k) {
            auto it = heads.find(std::string(tok(k)));
            if (it != heads.end() && (k == b || k + 1 == e))
              emit(b, e, it->second == HeadKind::kPlace ? Cue::kPlace : Cue::kHead,
                   static_cast<int>(it->second));
          }
          if (initial) found.back().cues |= 0x80;  // marks a sentence-initial occurrence
        }
        i = std::max(i, e) - (e > i ? 1 : 0);
      }
    }
    // Names in quotation marks: an opening quote right before a word and a closing one after
    // one to four words of the same sentence.
    for (uint32_t i = s.first_token; i < lim; ++i) {
      uint32_t gap_begin = i == s.first_token ? s.begin : tokens[i - 1].end;
      std::string_view before = norm.substr(gap_begin, tokens[i].begin - gap_begin);
      bool open =
          before.ends_with("\xC2\xAB") || before.ends_with("\xE2\x80\x9C") ||
          (before.ends_with("\"") && (before.size() == 1 || before[before.size() - 2] == ' '));
      if (!open) continue;
      for (uint32_t j = i; j < lim && j < i + 3; ++j) {
        uint32_t gap_end = j + 1 < lim ? tokens[j + 1].begin : s.end;
        std::string_view after = norm.substr(tokens[j].end, gap_end - tokens[j].end);
        bool close = after.starts_with("\xC2\xBB") || after.starts_with("\xE2\x80\x9D") ||
                     after.starts_with("\"");
        if (j > i && !joined(j)) break;
        if (!close) continue;
        bool clean = true;
        for (uint32_t k = i; k <= j; ++k) clean &= !covered[k] && !IsStop(tok(k)) && !tanween(k);
        if (clean) emit(i, j + 1, Cue::kQuote, HeadOf(tok(i)));
        break;
      }
    }
  }

  // Form keys of this document's cued occurrences; later mentions of a cued form (and of its
  // family name) in the same document count too.
  auto form_of = [&](uint32_t first, uint32_t end) {
    std::string lang = IsArabicToken(tok(first)) ? "ar" : "en";
    std::string f = lang + ":";
    for (uint32_t k = first; k < end; ++k) {
      if (k > first) f += ' ';
      f.append(tok(k));
    }
    return f;
  };
  std::sort(found.begin(), found.end(), [](const Occurrence& a, const Occurrence& b) {
    return std::tie(a.first, a.end) < std::tie(b.first, b.end);
  });
  std::vector<Occurrence> occ;
  for (const Occurrence& o : found) {
    if (!occ.empty() && occ.back().first == o.first && occ.back().end == o.end) {
      occ.back().cues |= o.cues;
      if (o.head >= 0) occ.back().head = o.head;
    } else {
      occ.push_back(o);
    }
  }
  // Cued forms of this document, by first token, for the later-mention scan.
  struct Entry {
    std::vector<std::string> toks;
    int32_t owner;  // index into `owners` for a family name alone, else -1
  };
  std::map<std::string, std::vector<Entry>> by_first;
  std::vector<std::string> owners;
  std::map<std::string, int32_t> family;  // family name -> first full form (owner) naming it
  std::set<uint64_t> cued_spans;
  for (const Occurrence& o : occ) {
    if (!(o.cues & 0x7F)) continue;
    std::vector<std::string> toks;
    for (uint32_t k = o.first; k < o.end; ++k) toks.emplace_back(tok(k));
    std::string form = form_of(o.first, o.end);
    by_first[toks[0]].push_back({toks, -1});
    cued_spans.insert((uint64_t(o.first) << 32) | o.end);
    // The family name alone (الكاظمي for مصطفى الكاظمي; Biden for Joe Biden).
    const std::string& last = toks.back();
    const uint8_t person_cues = (1u << static_cast<int>(Cue::kTitle)) |
                                (1u << static_cast<int>(Cue::kName)) |
                                (1u << static_cast<int>(Cue::kSpeech));
    if (toks.size() >= 2 && o.head < 0 && (o.cues & person_cues) && !IsStop(last) &&
        Letters(last) >= 4 && !given.count(last) &&
        (IsLatinToken(last) || StartsWithArticle(last) || toks.size() == 2)) {
      owners.push_back(form);
      by_first[last].push_back({{last}, static_cast<int32_t>(owners.size() - 1)});
      family.emplace(last, static_cast<int32_t>(owners.size() - 1));
    }
  }
  std::vector<Occurrence> later;
  for (uint32_t i = 0; i < n; ++i) {
    if (covered[i]) continue;
    std::vector<std::string> firsts = {std::string(tok(i))};
    for (auto& x : StripProclitics(tok(i))) firsts.push_back(std::move(x));
    uint32_t best_end = 0;
    int32_t best_owner = -1;
    for (const auto& f : firsts) {
      auto it = by_first.find(f);
      if (it == by_first.end()) continue;
      for (const auto& [toks, owner] : it->second) {
        uint32_t e = i + static_cast<uint32_t>(toks.size());
        if (e > n || e < best_end || (e == best_end && (owner < 0 || best_owner >= 0))) continue;
        bool ok = true;
        for (size_t k = 1; k < toks.size() && ok; ++k)
          ok = !covered[i + k] && joined(i + static_cast<uint32_t>(k)) && tok(i + k) == toks[k];
        if (ok) best_end = e, best_owner = owner;
      }
    }
    if (best_end && !cued_spans.count((uint64_t(i) << 32) | best_end)) {
      bool inside = false;  // part of a cued occurrence
      for (const Occurrence& o : occ)
        if (o.first <= i && best_end <= o.end) inside = true;
      if (!inside) later.push_back({i, best_end, 0, -1, best_owner});
    }
    if (best_end) i = best_end - 1;
  }
  occ.insert(occ.end(), later.begin(), later.end());

  for (Occurrence& o : occ) {
    // A cued family name alone (وأكد الحكيم) also stands for the full name cued in this document.
    if (o.owner < 0 && o.end == o.first + 1) {
      std::vector<std::string> bare = {std::string(tok(o.first))};
      for (auto& x : StripProclitics(tok(o.first))) bare.push_back(std::move(x));
      for (const auto& b : bare)
        if (auto it = family.find(b); it != family.end() && o.owner < 0) o.owner = it->second;
    }
    uint8_t cues = o.cues & 0x7F;
    bool initial = o.cues & 0x80;
    std::string form = form_of(o.first, o.end);
    FormStats& f = forms[form];
    if (f.text.empty()) {
      f.lang = form.substr(0, 2);
      // As written (al-Burhan keeps its hyphen), without quote marks inside ("حزب الله" العراقي)
      // and with white space collapsed.
      std::string_view span(doc.text.data() + orig(o.first), orig_end(o.end - 1) - orig(o.first));
      static constexpr std::string_view kQuotes[] = {"\"", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9C",
                                                     "\xE2\x80\x9D"};
      for (size_t b = 0; b < span.size();) {
        bool quote = false;
        for (auto q : kQuotes)
          if (span.substr(b).starts_with(q)) {
            b += q.size();
            quote = true;
            break;
          }
        if (quote) continue;
        char c = span[b++];
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space && (f.text.empty() || f.text.back() == ' ')) continue;
        f.text += space ? ' ' : c;
      }
      while (!f.text.empty() && f.text.back() == ' ') f.text.pop_back();
    }
    ++f.count;
    if (o.owner >= 0) ++f.owners[owners[o.owner]];
    if (f.docs.empty() || f.docs.back() != docs) f.docs.push_back(docs);
    if (cues) ++f.cue_hits;
    for (size_t k = 0; k < kCueKinds; ++k)
      if (cues & (1u << k)) ++f.cues[k];
    if (o.head >= 0) ++f.heads[o.head];
    if (f.lang == "en")
      (initial && cues == (1u << static_cast<int>(Cue::kCaps)) ? f.initial_only : f.noninitial)++;
    if (f.examples.size() < opt.contexts) {
      uint32_t b = orig(o.first), e = orig_end(o.end - 1);
      auto ctx = [&](uint32_t from, bool forward) {
        std::string out;
        size_t chars = 0;
        if (forward) {
          size_t i = from;
          while (i < doc.text.size() && chars < opt.context_chars) {
            size_t len = 1;
            while (i + len < doc.text.size() &&
                   (static_cast<unsigned char>(doc.text[i + len]) & 0xC0) == 0x80)
              ++len;
            char c = doc.text[i];
            out +=
                (c == '\n' || c == '\r' || c == '\t') ? std::string(" ") : doc.text.substr(i, len);
            i += len, ++chars;
          }
          return out;
        }
        size_t i = from;
        while (i > 0 && chars < opt.context_chars) {
          size_t st = i - 1;
          while (st > 0 && (static_cast<unsigned char>(doc.text[st]) & 0xC0) == 0x80) --st;
          ++chars;
          i = st;
        }
        out = doc.text.substr(i, from - i);
        for (char& c : out)
          if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        return out;
      };
      f.examples.push_back(doc.id + ": " + ctx(b, false) + "[" + doc.text.substr(b, e - b) + "]" +
                           ctx(e, true));
    }
  }
}

std::vector<SuggestCandidate> Suggester::Impl::Finish() {
  // Forms that never had a cue anywhere are dropped; so are English forms seen only at the start
  // of a sentence, parts of known aliases, title words alone and bare given names.
  std::set<std::string> first_tokens;  // first tokens of cued forms (for proclitic removal)
  for (const auto& [form, f] : forms) {
    if (!f.cue_hits) continue;
    std::string_view body = std::string_view(form).substr(3);
    first_tokens.insert(std::string(body.substr(0, body.find(' '))));
  }
  auto split = [](std::string_view body) {
    std::vector<std::string> toks;
    for (auto t : Tokenize(body)) toks.emplace_back(t);
    return toks;
  };
  auto merge_key = [&](const std::string& form) {
    std::string lang = form.substr(0, 2);
    std::vector<std::string> toks = split(std::string_view(form).substr(3));
    if (lang == "ar" && !toks.empty()) {
      for (const auto& s : StripProclitics(toks[0]))
        if (first_tokens.count(s) || s.starts_with(kAl)) {
          toks[0] = s;
          break;
        }
    }
    std::vector<std::string> out;
    for (size_t k = 0; k < toks.size(); ++k) {
      std::string t = toks[k];
      if (lang == "en") {
        if (t == "al" || t == "el" || t == "the") continue;
        if (out.empty() && titles_en.count(t)) continue;
      } else {
        if (t == kAbd && k + 1 < toks.size()) {
          t += toks[++k];
        }
        if (StartsWithArticle(t)) t = t.substr(kAl.size());
      }
      out.push_back(std::move(t));
    }
    std::string key = lang + ":";
    for (size_t k = 0; k < out.size(); ++k) key += (k ? " " : "") + out[k];
    return key;
  };
  auto acceptable = [&](const std::string& form, const FormStats& f) {
    std::string body = form.substr(3);
    std::vector<std::string> toks = split(body);
    if (toks.empty()) return false;
    std::string stripped = body;
    if (f.lang == "ar")
      for (const auto& s : StripProclitics(toks[0]))
        if (first_tokens.count(s) || s.starts_with(kAl)) {
          stripped = s + body.substr(toks[0].size());
          break;
        }
    if (known_parts.count(body) || known_parts.count(stripped)) return false;
    if (f.lang == "en" && f.noninitial == 0) return false;
    bool content = false;
    for (const auto& t : toks)
      if (!IsStop(t) && !titles_en.count(t) && !titles_ar.Contains(t) && HeadOf(t) < 0 &&
          !title_heads_ar.Contains(t) && !modifiers_ar.count(t) && !joiners_ar.count(t))
        content = true;
    if (!content) return false;
    if (toks.size() == 1) {
      if (given.count(toks[0])) return false;
      for (const auto& s : StripProclitics(toks[0]))
        if (given.count(s)) return false;
      if (Letters(toks[0]) < 3) return false;
    }
    return true;
  };

  struct Group {
    std::vector<const std::pair<const std::string, FormStats>*> forms;
  };
  std::map<std::string, Group> groups;
  for (const auto& entry : forms) {
    const auto& [form, f] = entry;
    if (f.count == 0 || !acceptable(form, f)) continue;
    std::string key = merge_key(form);
    groups[key].forms.push_back(&entry);
  }
  // An extension of a candidate seen at most half as often (جو بايدن بشكل next to جو بايدن) is a
  // variant of it.
  auto count_of = [](const Group& g) {
    uint64_t c = 0;
    for (auto* f : g.forms) c += f->second.count;
    return c;
  };
  std::vector<std::string> keys;
  for (const auto& [k, v] : groups) keys.push_back(k);
  std::sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::set<const void*> extensions;  // forms merged in as extensions (never the label)
  for (const auto& k : keys) {
    auto it = groups.find(k);
    if (it == groups.end()) continue;
    // The longest proper word prefix that is itself a candidate.
    for (size_t sp = k.rfind(' '); sp != std::string::npos && sp > 3; sp = k.rfind(' ', sp - 1)) {
      auto p = groups.find(k.substr(0, sp));
      if (p == groups.end()) continue;
      if (count_of(it->second) * 2 <= count_of(p->second)) {
        for (auto* f : it->second.forms) extensions.insert(f);
        p->second.forms.insert(p->second.forms.end(), it->second.forms.begin(),
                               it->second.forms.end());
        groups.erase(it);
      }
      break;
    }
  }

  // A key that is the last word(s) of exactly one longer key joins it (الكاظمي → مصطفى
  // الكاظمي; أبو مرزوق → موسى أبو مرزوق).
  std::map<std::string, std::vector<std::string>> by_suffix;  // "lang:suffix" -> longer keys
  for (const auto& [key, grp] : groups)
    for (size_t sp = key.find(' ', 3); sp != std::string::npos; sp = key.find(' ', sp + 1))
      by_suffix[key.substr(0, 3) + key.substr(sp + 1)].push_back(key);
  std::vector<std::string> short_first;
  for (const auto& [key, grp] : groups) short_first.push_back(key);
  std::sort(short_first.begin(), short_first.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  for (const auto& key : short_first) {
    auto bl = by_suffix.find(key);
    if (bl == by_suffix.end()) continue;
    std::string target = bl->second.size() == 1 ? bl->second[0] : "";
    if (target.empty() && groups.count(key)) {
      // Several longer names end in it: the one its mentions stood for most often.
      std::map<std::string, uint64_t> votes;
      for (auto* f : groups[key].forms)
        for (const auto& [owner, count] : f->second.owners) votes[merge_key(owner)] += count;
      uint64_t best = 0, second = 0;
      for (const auto& k : bl->second) {
        uint64_t v = votes.count(k) ? votes[k] : 0;
        if (v > best)
          second = best, best = v, target = k;
        else if (v > second)
          second = v;
      }
      if (best == second) target.clear();
    }
    if (target.empty()) continue;
    auto from = groups.find(key), into = groups.find(target);
    if (from == groups.end() || into == groups.end()) continue;
    into->second.forms.insert(into->second.forms.end(), from->second.forms.begin(),
                              from->second.forms.end());
    groups.erase(from);
  }
  std::vector<SuggestCandidate> out;
  for (auto& [key, grp] : groups) {
    SuggestCandidate c;
    c.key = key;
    c.lang = key.substr(0, 2);
    uint64_t heads[4] = {};
    std::map<std::string, uint64_t> by_text;
    std::set<std::string> extension_texts;
    std::set<uint64_t> doc_set;
    for (auto* e : grp.forms) {
      const FormStats& f = e->second;
      c.mentions += f.count;
      doc_set.insert(f.docs.begin(), f.docs.end());
      c.cue_hits += f.cue_hits;
      for (size_t k = 0; k < kCueKinds; ++k) c.cues[k] += f.cues[k];
      for (int h = 0; h < 4; ++h) heads[h] += f.heads[h];
      by_text[f.text] += f.count;
      if (extensions.count(e)) extension_texts.insert(f.text);
      for (const auto& ex : f.examples)
        if (c.examples.size() < opt.contexts) c.examples.push_back(ex);
    }
    c.documents = doc_set.size();
    if (c.cue_hits == 0 || c.mentions < opt.min_mentions) continue;
    for (const auto& [text, count] : by_text) c.forms.push_back({text, count});
    std::sort(c.forms.begin(), c.forms.end(), [](const SuggestForm& a, const SuggestForm& b) {
      return a.count != b.count ? a.count > b.count : a.text < b.text;
    });
    // The label: of the forms written at least a third as often as the most frequent one (and
    // not merged in as an extension), the one with the most words (the full name).
    c.label = c.forms[0].text;
    size_t label_words = Tokenize(NormalizeString(c.label)).size();
    for (const auto& f : c.forms) {
      if (f.count * 3 < c.forms[0].count || extension_texts.count(f.text)) continue;
      size_t words = Tokenize(NormalizeString(f.text)).size();
      if (words > label_words) c.label = f.text, label_words = words;
    }
    // Type: heads decide; titles, name structure and speech make a person.
    double person = 3.0 * c.cues[0] + 2.0 * c.cues[3] + 0.5 * c.cues[5];
    double vote[4] = {3.5 * heads[0] + 0.5 * c.cues[4], 4.0 * heads[1], 3.5 * heads[2] + c.cues[2],
                      3.5 * heads[3]};
    static const char* kHeadTypes[] = {"group", "media", "place", "state"};
    c.type = "person";
    double top = person;
    for (int h = 0; h < 4; ++h)
      if (vote[h] > top) top = vote[h], c.type = kHeadTypes[h];
    // No title or name evidence: a lone word (Hamas, الأناضول) is more often a group.
    if (c.cues[0] == 0 && c.cues[3] == 0 && top <= 0.5 * c.cues[5] &&
        key.find(' ') == std::string::npos)
      c.type = "group";
    c.score = std::log2(1.0 + c.mentions) + std::log2(std::max<uint64_t>(1, c.documents));
    for (size_t k = 0; k < kCueKinds; ++k) c.score += kWeights[k] * std::log2(1.0 + c.cues[k]);
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const SuggestCandidate& a, const SuggestCandidate& b) {
    return a.score != b.score ? a.score > b.score : a.key < b.key;
  });
  return out;
}

Suggester::Suggester(const Gazetteer& gazetteer, const Matcher& matcher, SuggestOptions options)
    : impl_(new Impl(gazetteer, matcher, std::move(options))) {}
Suggester::~Suggester() = default;
void Suggester::AddDocument(const Document& doc) { impl_->Add(doc); }
std::vector<SuggestCandidate> Suggester::Finish() { return impl_->Finish(); }

std::vector<std::string> LoadGivenNames(const std::string& path) {
  std::istringstream in(ReadWholeFile(path, "the given-name list"));
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.pop_back();
    size_t b = line.find_first_not_of(" \t");
    if (b != std::string::npos) out.push_back(line.substr(b));
  }
  return out;
}

std::string SuggestId(const SuggestCandidate& c, std::set<std::string>* taken) {
  std::string id;
  if (c.lang == "en") {
    for (unsigned char ch : NormalizeString(c.label)) {
      if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
        id += static_cast<char>(ch);
      else if (!id.empty() && id.back() != '_')
        id += '_';
    }
    while (!id.empty() && id.back() == '_') id.pop_back();
  }
  if (id.empty()) id = "cand_" + Sha256Hex(c.key).substr(0, 8);
  std::string base = id;
  for (int k = 2; taken->count(id); ++k) id = base + "_" + std::to_string(k);
  taken->insert(id);
  return id;
}

}  // namespace actorgraph
