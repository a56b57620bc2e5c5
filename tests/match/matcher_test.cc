// The matching spec's test cases (../shared/design/arabic-matching.md, "Test cases"), each a named
// test, on a small inline gazetteer so a change to the shipped data cannot hide a matcher bug.
#include "actorgraph/match/matcher.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "test_util.h"

namespace actorgraph {
namespace {

constexpr const char* kGazetteer = R"({
  "actorgraph_gazetteer": 1,
  "actors": [
    {"id": "kadhimi", "type": "person", "label": {"ar": "مصطفى الكاظمي", "en": "Mustafa al-Kadhimi"},
     "aliases": {"ar": ["الكاظمي"], "en": ["Kadhimi", "al-Kadhimi"]}, "affiliations": ["iraq"]},
    {"id": "biden", "type": "person", "label": {"ar": "جو بايدن", "en": "Joe Biden"},
     "aliases": {"ar": ["بايدن"], "en": ["Biden"]}},
    {"id": "eden", "type": "person", "label": {"ar": "أنتوني إيدن", "en": "Anthony Eden"},
     "aliases": {"ar": ["ايدن"]}},
    {"id": "obama", "type": "person", "label": {"ar": "باراك أوباما", "en": "Barack Obama"},
     "aliases": {"ar": ["أوباما"], "en": ["Obama"]}},
    {"id": "khamenei", "type": "person", "label": {"ar": "علي خامنئي", "en": "Ali Khamenei"},
     "aliases": {"ar": ["خامنئي", "خامنه اي"]}},
    {"id": "saddam", "type": "person", "label": {"ar": "صدام حسين", "en": "Saddam Hussein"},
     "aliases": {"ar": [{"text": "صدام", "tier": "B", "triggers": ["نظام", "الإطاحة"]},
                        {"text": "حسين", "tier": "C"}]}},
    {"id": "muhandis", "type": "person", "label": {"ar": "أبو مهدي المهندس", "en": "Abu Mahdi al-Muhandis"},
     "aliases": {"ar": [{"text": "المهندس", "tier": "B"}]}},
    {"id": "iraq", "type": "state", "label": {"ar": "العراق", "en": "Iraq"},
     "capitals": {"ar": ["بغداد"]}, "demonyms": {"stems": ["عراقي"]}},
    {"id": "iran", "type": "state", "label": {"ar": "إيران", "en": "Iran"},
     "capitals": {"ar": ["طهران"]}, "demonyms": {"stems": ["إيراني"]}},
    {"id": "usa", "type": "state", "label": {"ar": "الولايات المتحدة", "en": "United States"},
     "capitals": {"ar": ["واشنطن"]}, "demonyms": {"stems": ["أمريكي", "أميركي"]}},
    {"id": "germany", "type": "state", "label": {"ar": "ألمانيا", "en": "Germany"},
     "demonyms": {"stems": ["ألماني"]}},
    {"id": "lebanon", "type": "state", "label": {"ar": "لبنان", "en": "Lebanon"},
     "demonyms": {"stems": ["لبناني"]}},
    {"id": "afghanistan", "type": "state", "label": {"ar": "أفغانستان", "en": "Afghanistan"}},
    {"id": "mali", "type": "state", "label": {"ar": "جمهورية مالي", "en": "Mali"},
     "aliases": {"ar": [{"text": "مالي", "tier": "B"}]}},
    {"id": "hezbollah", "type": "group", "label": {"ar": "حزب الله", "en": "Hezbollah"}},
    {"id": "kataib_hezbollah", "type": "group", "label": {"ar": "كتائب حزب الله", "en": "Kataib Hezbollah"},
     "aliases": {"ar": ["حزب الله العراقي"]}},
    {"id": "irgc", "type": "group", "label": {"ar": "الحرس الثوري", "en": "IRGC"},
     "aliases": {"ar": ["الحرس الثوري الإيراني"]}}
  ]
})";

class MatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    gazetteer_ = new Gazetteer();
    gazetteer_->AddFile(kGazetteer, "test.json");
    gazetteer_->Finish();
    matcher_ = new Matcher(*gazetteer_);
  }
  static void TearDownTestSuite() {
    delete matcher_;
    delete gazetteer_;
  }
  // (actor id, surface) per mention, in text order.
  static std::vector<std::pair<std::string, std::string>> Find(const std::string& text) {
    MatchScratch sc;
    std::vector<Mention> ms;
    matcher_->Match(text, &sc, &ms);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& m : ms)
      out.push_back({gazetteer_->actors()[m.actor].id, text.substr(m.start, m.end - m.start)});
    return out;
  }
  static std::vector<Mention> Mentions(const std::string& text) {
    MatchScratch sc;
    std::vector<Mention> ms;
    matcher_->Match(text, &sc, &ms);
    return ms;
  }
  static std::set<std::string> Ids(const std::string& text) {
    std::set<std::string> out;
    for (auto& [id, s] : Find(text)) out.insert(id);
    return out;
  }
  static Gazetteer* gazetteer_;
  static Matcher* matcher_;
};

Gazetteer* MatcherTest::gazetteer_ = nullptr;
Matcher* MatcherTest::matcher_ = nullptr;

using Hits = std::vector<std::pair<std::string, std::string>>;

TEST_F(MatcherTest, SpecCase01FullNameIsOneSpan) {
  EXPECT_EQ(Find("قال مصطفى الكاظمي اليوم"), (Hits{{"kadhimi", "مصطفى الكاظمي"}}));
}

TEST_F(MatcherTest, SpecCase02ProcliticForms) {
  for (const char* w : {"والكاظمي", "بالكاظمي", "للكاظمي", "وللكاظمي", "فالكاظمي", "كالكاظمي"})
    EXPECT_EQ(Find(std::string("التقى ") + w), (Hits{{"kadhimi", w}})) << w;
}

TEST_F(MatcherTest, SpecCase03FinalYaAndPresentationForms) {
  EXPECT_EQ(Ids("الكاظمى"), std::set<std::string>{"kadhimi"});
  EXPECT_EQ(Ids("ﺍﻟﻜﺎﻇﻤﻲ"), std::set<std::string>{"kadhimi"});
}

TEST_F(MatcherTest, SpecCase04Tatweel) {
  EXPECT_EQ(Find("الكاظمـــي"), (Hits{{"kadhimi", "الكاظمـــي"}}));
}

TEST_F(MatcherTest, SpecCase05DetachedProcliticAndQuotes) {
  EXPECT_EQ(Find("قبيل لقائه بـ«بايدن».."), (Hits{{"biden", "بايدن"}}));
}

TEST_F(MatcherTest, SpecCase06ExactFormIsNeverSplit) {
  // ايدن is an alias of another actor; بايدن must not become ب + ايدن.
  EXPECT_EQ(Find("بايدن"), (Hits{{"biden", "بايدن"}}));
  EXPECT_EQ(Find("وايدن"), (Hits{{"eden", "وايدن"}}));
}

TEST_F(MatcherTest, SpecCase07PrefixedCapital) {
  EXPECT_EQ(Find("الموالية لطهران"), (Hits{{"iran", "لطهران"}}));
  EXPECT_EQ(Mentions("لطهران")[0].how, How::kCapital);
}

TEST_F(MatcherTest, SpecCase08HamzaVariants) {
  EXPECT_EQ(Ids("اوباما"), std::set<std::string>{"obama"});
  EXPECT_EQ(Ids("أوباما"), std::set<std::string>{"obama"});
}

TEST_F(MatcherTest, SpecCase09ListedVariantOnly) {
  EXPECT_EQ(Find("المرشد خامنه اي"), (Hits{{"khamenei", "خامنه اي"}}));
  EXPECT_TRUE(Find("خامنه").empty());
}

TEST_F(MatcherTest, SpecCase10QuotedNameAcrossQuotes) {
  EXPECT_EQ(Find("ميليشيا \"حزب الله\" العراقي"),
            (Hits{{"kataib_hezbollah", "حزب الله\" العراقي"}}));
  // Other punctuation is not skipped.
  EXPECT_EQ(Ids("حزب الله، العراقي"), (std::set<std::string>{"hezbollah", "iraq"}));
}

TEST_F(MatcherTest, SpecCase11GroupPlusDemonym) {
  // Issue 10 kind 5 replaces the spec's "plus Lebanon as demonym": a demonym after a group's name
  // qualifies the group (docs/matching.md).
  auto ms = Mentions("حزب الله اللبناني");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(gazetteer_->actors()[ms[0].actor].id, "hezbollah");
}

TEST_F(MatcherTest, SpecCase12IranDemonyms) {
  for (const char* w : {"الإيرانية", "والإيرانيون", "للإيرانيين"}) {
    auto ms = Mentions(w);
    ASSERT_EQ(ms.size(), 1u) << w;
    EXPECT_EQ(gazetteer_->actors()[ms[0].actor].id, "iran");
    EXPECT_EQ(ms[0].how, How::kDemonym);
  }
}

TEST_F(MatcherTest, SpecCase13AmericanSpellings) {
  EXPECT_EQ(Ids("الأمريكية"), std::set<std::string>{"usa"});
  EXPECT_EQ(Ids("الأميركية"), std::set<std::string>{"usa"});
  EXPECT_EQ(Ids("أمريكياً"), std::set<std::string>{"usa"});
}

TEST_F(MatcherTest, SpecCase14GermanyAndNoManiaForm) {
  for (const char* w : {"ألمانيا", "لألمانيا", "الألمانية"})
    EXPECT_EQ(Ids(w), std::set<std::string>{"germany"}) << w;
  EXPECT_TRUE(Find("مانيا").empty());
  EXPECT_TRUE(Find("ماني").empty());
  for (const auto& a : gazetteer_->Find("germany")->aliases)
    EXPECT_FALSE(NormalizeString(a.text).starts_with("مانيا")) << a.text;
}

TEST_F(MatcherTest, SpecCase15LebanonWithPrefixes) {
  EXPECT_EQ(Find("للبنان"), (Hits{{"lebanon", "للبنان"}}));
  auto ms = Mentions("واللبنانيون");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].how, How::kDemonym);
}

TEST_F(MatcherTest, SpecCase16ClashIsNotSaddam) {
  EXPECT_TRUE(Find("وقع صدام مسلح بين الطرفين. وتكررت الصدامات").empty());
}

TEST_F(MatcherTest, SpecCase17SaddamActivatedByFullName) {
  auto hits = Find("أعدم صدام حسين عام 2006. وكان صدام قد حكم طويلا");
  EXPECT_EQ(hits, (Hits{{"saddam", "صدام حسين"}, {"saddam", "صدام"}}));
  // Activation works backwards too: the short form before the full name.
  EXPECT_EQ(Find("وكان صدام قد حكم. أعدم صدام حسين").size(), 2u);
}

TEST_F(MatcherTest, SpecCase17bTriggerActivatesTierB) {
  EXPECT_EQ(Find("اي نظام صدام"), (Hits{{"saddam", "صدام"}}));
  EXPECT_EQ(Find("والإطاحة بصدام"), (Hits{{"saddam", "بصدام"}}));  // trigger with a proclitic
}

TEST_F(MatcherTest, SpecCase18EngineerIsNotMuhandis) {
  EXPECT_TRUE(Find("قال المهندس المسؤول عن المشروع").empty());
  auto hits = Find("اغتيال أبو مهدي المهندس. وقال المهندس المسؤول");
  EXPECT_EQ(hits, (Hits{{"muhandis", "أبو مهدي المهندس"}, {"muhandis", "المهندس"}}));
}

TEST_F(MatcherTest, SpecCase19GivenNameAlone) {
  EXPECT_TRUE(Find("قال حسين").empty());
  EXPECT_TRUE(Find("الحسين").empty());
}

TEST_F(MatcherTest, SpecCase20MaliOnlyWhenNamed) {
  EXPECT_TRUE(Find("وزارة المالية قدمت دعم مالي").empty());
  EXPECT_EQ(Find("جمهورية مالي تعاني. وفي مالي انقلاب"),
            (Hits{{"mali", "جمهورية مالي"}, {"mali", "مالي"}}));
}

TEST_F(MatcherTest, SpecCase21MatchesNeverCrossSentences) {
  EXPECT_EQ(Ids("رحب مصطفى. الكاظمي"), std::set<std::string>{"kadhimi"});
  EXPECT_EQ(Find("رحب مصطفى. الكاظمي")[0].second, "الكاظمي");
  auto ms = Mentions("هل يستمر الكاظمي؟ نعم. قال بايدن");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].sentence, 0u);
  EXPECT_EQ(ms[1].sentence, 2u);
}

TEST_F(MatcherTest, SpecCase22HardLineWrap) {
  EXPECT_EQ(Find("مصطفى\nالكاظمي"), (Hits{{"kadhimi", "مصطفى\nالكاظمي"}}));
}

TEST_F(MatcherTest, LongestMatchOwnsTheDemonym) {
  EXPECT_EQ(Ids("قائد في الحرس الثوري الإيراني"), std::set<std::string>{"irgc"});
}

TEST_F(MatcherTest, EnglishCaseInsensitiveAndPossessive) {
  EXPECT_EQ(Ids("Biden Follows in Obama’s Wake"), (std::set<std::string>{"biden", "obama"}));
  EXPECT_EQ(Ids("AL-KADHIMI said"), std::set<std::string>{"kadhimi"});
}

TEST_F(MatcherTest, DatelineIsNotAStateMention) {
  EXPECT_TRUE(Find("بغداد- العراق اليوم:\n\nقال مسؤول").empty());
  EXPECT_EQ(Ids("بغداد- العراق اليوم:\n\nقال مسؤول عراقي"), std::set<std::string>{"iraq"});
  // Not at the start of a paragraph: a real mention.
  EXPECT_EQ(Ids("وصل الوفد. وقالت بغداد - أمس إنها"), std::set<std::string>{"iraq"});
}

TEST_F(MatcherTest, SharedActivatedAliasEmitsNeither) {
  Gazetteer g;
  g.AddFile(R"({"actorgraph_gazetteer": 1, "actors": [
    {"id": "a", "type": "person", "label": {"ar": "زيد الأول", "en": "Zaid One"},
     "aliases": {"ar": [{"text": "زيد", "tier": "B"}]}},
    {"id": "b", "type": "person", "label": {"ar": "زيد الثاني", "en": "Zaid Two"},
     "aliases": {"ar": [{"text": "زيد", "tier": "B"}]}}]})",
            "t.json");
  g.Finish();
  Matcher m(g);
  MatchScratch sc;
  std::vector<Mention> ms;
  m.Match("زيد الأول وزيد الثاني. قال زيد", &sc, &ms);
  EXPECT_EQ(ms.size(), 2u);  // the two full names only
  m.Match("زيد الأول. قال زيد", &sc, &ms);
  EXPECT_EQ(ms.size(), 2u);  // only one activated: it counts
}

TEST_F(MatcherTest, OffsetsPointAtOriginalBytes) {
  std::string text = "قال الرئيس الأمريكي جو بايدن";
  auto ms = Mentions(text);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(text.substr(ms[1].start, ms[1].end - ms[1].start), "جو بايدن");
}

TEST(ProcliticForms, LamPlusArticle) {
  auto forms = ProcliticForms(NormalizeString("العراق"), true);
  std::set<std::string> s(forms.begin(), forms.end());
  EXPECT_TRUE(s.count(NormalizeString("للعراق")));
  EXPECT_TRUE(s.count(NormalizeString("وللعراق")));
  EXPECT_FALSE(s.count(NormalizeString("لالعراق")));
  auto lam = ProcliticForms(NormalizeString("اللجنة"), true);
  EXPECT_NE(std::find(lam.begin(), lam.end(), NormalizeString("للجنة")), lam.end());
  EXPECT_EQ(forms.size(), 11u);  // (و|ف)? (ب|ل|ك)? minus the empty chain
}

TEST(ProcliticForms, StripArticleInvertsEveryArticleForm) {
  const std::string stem = NormalizeString("شهيد");
  for (const auto& form : ProcliticForms(NormalizeString("الشهيد"), true))
    EXPECT_EQ(StripArticle(form), stem) << form;
  EXPECT_EQ(StripArticle(NormalizeString("الشهيد")), stem);
  EXPECT_EQ(StripArticle(NormalizeString("والإرهابي")), NormalizeString("ارهابي"));
  EXPECT_EQ(StripArticle(NormalizeString("وزير")), NormalizeString("وزير"));  // no article
  EXPECT_EQ(StripArticle(NormalizeString("اله")), NormalizeString("اله"));    // stem too short
  EXPECT_EQ(StripArticle("the"), "the");                                      // not Arabic
}

TEST(ProcliticForms, BareProcliticStemsAreCandidatesOnly) {
  const std::string token = NormalizeString("وبمقتل");  // the stems are views into it
  auto stems = BareProcliticStems(token);
  ASSERT_EQ(stems.size(), 2u);
  EXPECT_EQ(stems[0], NormalizeString("مقتل"));  // longest prefix (و + ب) first
  EXPECT_EQ(stems[1], NormalizeString("بمقتل"));
  const std::string short_stem = NormalizeString("وزن"), no_prefix = NormalizeString("مقتل");
  EXPECT_TRUE(BareProcliticStems(short_stem).empty());  // زن is too short
  EXPECT_TRUE(BareProcliticStems(no_prefix).empty());
}

TEST(ProcliticForms, ArticleDecidedOnRawSpelling) {
  EXPECT_TRUE(HasArticle("العراق"));
  EXPECT_FALSE(HasArticle("ألمانيا"));
  EXPECT_FALSE(HasArticle("إيران"));
}

// Issue 10: matching faults found on real news, one test group per kind (docs/matching.md).
constexpr const char* kKindsGazetteer = R"j({
  "actorgraph_gazetteer": 1,
  "actors": [
    {"id": "usa", "type": "state", "label": {"ar": "الولايات المتحدة", "en": "United States"},
     "aliases": {"en": ["US", "U.S.", "USA", "U.S.A.", "United States of America"]},
     "capitals": {"ar": ["واشنطن"], "en": ["Washington"]}, "demonyms": {"stems": ["أمريكي"], "en": ["American"]}},
    {"id": "china", "type": "state", "label": {"ar": "الصين", "en": "China"}},
    {"id": "turkey", "type": "state", "label": {"ar": "تركيا", "en": "Turkey"}, "aliases": {"en": ["Türkiye"]}},
    {"id": "jordan", "type": "state", "label": {"ar": "الأردن", "en": "Jordan"},
     "capitals": {"ar": ["عمان"], "en": ["Amman"]}, "demonyms": {"stems": ["أردني"], "en": ["Jordanian"]}},
    {"id": "chad", "type": "state", "label": {"ar": "تشاد", "en": "Chad"}},
    {"id": "israel", "type": "state", "label": {"ar": "إسرائيل", "en": "Israel"}, "demonyms": {"stems": ["إسرائيلي"]}},
    {"id": "iran", "type": "state", "label": {"ar": "إيران", "en": "Iran"},
     "capitals": {"ar": ["طهران"], "en": ["Tehran"]}, "demonyms": {"stems": ["إيراني"], "en": ["Iranian"]}},
    {"id": "iraq", "type": "state", "label": {"ar": "العراق", "en": "Iraq"},
     "capitals": {"ar": ["بغداد"], "en": ["Baghdad"]}, "demonyms": {"stems": ["عراقي"], "en": ["Iraqi"]}},
    {"id": "syria", "type": "state", "label": {"ar": "سوريا", "en": "Syria"},
     "capitals": {"ar": ["دمشق"], "en": ["Damascus"]}, "demonyms": {"stems": ["سوري"], "en": ["Syrian"]}},
    {"id": "lebanon", "type": "state", "label": {"ar": "لبنان", "en": "Lebanon"},
     "capitals": {"ar": ["بيروت"], "en": ["Beirut"]}, "demonyms": {"stems": ["لبناني"], "en": ["Lebanese"]}},
    {"id": "palestine", "type": "state", "label": {"ar": "فلسطين", "en": "Palestine"},
     "demonyms": {"stems": ["فلسطيني"], "en": ["Palestinian"]}},
    {"id": "egypt", "type": "state", "label": {"ar": "مصر", "en": "Egypt"},
     "capitals": {"ar": ["القاهرة"], "en": ["Cairo"]}, "demonyms": {"stems": ["مصري"], "en": ["Egyptian"]}},
    {"id": "yemen", "type": "state", "label": {"ar": "اليمن", "en": "Yemen"}, "demonyms": {"stems": ["يمني"], "en": ["Yemeni"]}},
    {"id": "hamas", "type": "group", "label": {"ar": "حماس", "en": "Hamas"}, "aliases": {"ar": ["حركة حماس"]}},
    {"id": "hezbollah", "type": "group", "label": {"ar": "حزب الله", "en": "Hezbollah"}},
    {"id": "houthis", "type": "group", "label": {"ar": "الحوثيون", "en": "Houthis"}, "aliases": {"ar": ["جماعة الحوثي", "أنصار الله"]}},
    {"id": "pmf", "type": "group", "label": {"ar": "الحشد الشعبي", "en": "Popular Mobilization Forces"}, "aliases": {"en": ["PMF"]}},
    {"id": "quds_force", "type": "group", "label": {"ar": "فيلق القدس", "en": "Quds Force"}},
    {"id": "irgc", "type": "group", "label": {"ar": "الحرس الثوري", "en": "Islamic Revolutionary Guard Corps"}, "aliases": {"en": ["IRGC"]}},
    {"id": "un", "type": "group", "label": {"ar": "الأمم المتحدة", "en": "United Nations"}, "aliases": {"en": ["UN"]}},
    {"id": "unsc", "type": "group", "label": {"ar": "مجلس الأمن الدولي", "en": "UN Security Council"}},
    {"id": "assad", "type": "person", "label": {"ar": "بشار الأسد", "en": "Bashar al-Assad"}, "aliases": {"en": ["Assad"]}},
    {"id": "hafez", "type": "person", "label": {"ar": "حافظ الأسد", "en": "Hafez al-Assad"}},
    {"id": "bush", "type": "person", "label": {"ar": "جورج دبليو بوش", "en": "George W. Bush"}},
    {"id": "mcmaster", "type": "person", "label": {"ar": "هربرت ماكماستر", "en": "H.R. McMaster"}},
    {"id": "sharaa", "type": "person", "label": {"ar": "أحمد الشرع", "en": "Ahmed al-Sharaa"}},
    {"id": "hakim", "type": "person", "label": {"ar": "محمد باقر الحكيم", "en": "Mohammed Baqir al-Hakim"}},
    {"id": "kurilla", "type": "person", "label": {"ar": "مايكل كوريلا", "en": "Michael Kurilla"}},
    {"id": "isis_k", "type": "group", "label": {"ar": "ولاية خراسان", "en": "ISIS-K"}, "aliases": {"en": ["Islamic State-Khorasan"]}},
    {"id": "hurras", "type": "group", "label": {"ar": "حراس الدين", "en": "Hurras al-Din"}},
    {"id": "mek", "type": "group", "label": {"ar": "مجاهدي خلق", "en": "Mojahedin-e Khalq"}},
    {"id": "usled", "type": "group", "label": {"ar": "التحالف الدولي", "en": "U.S.-led coalition"}},
    {"id": "akp", "type": "group", "label": {"ar": "حزب العدالة والتنمية", "en": "Justice and Development Party (Turkey)"}},
    {"id": "peshmerga", "type": "group", "label": {"ar": "البيشمركة", "en": "Peshmerga"},
     "aliases": {"en": [{"text": "peshmerga fighters", "case": "any"}]}}
  ]
})j";

class MatcherKinds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    g_ = new Gazetteer();
    g_->AddFile(kKindsGazetteer, "kinds.json");
    g_->Finish();
    m_ = new Matcher(*g_);
  }
  static void TearDownTestSuite() {
    delete m_;
    delete g_;
  }
  static Hits Find(const std::string& text) {
    MatchScratch sc;
    std::vector<Mention> ms;
    m_->Match(text, &sc, &ms);
    Hits out;
    for (const auto& m : ms)
      out.push_back({g_->actors()[m.actor].id, text.substr(m.start, m.end - m.start)});
    return out;
  }
  static std::set<std::string> Ids(const std::string& text) {
    std::set<std::string> out;
    for (auto& [id, s] : Find(text)) out.insert(id);
    return out;
  }
  static Gazetteer* g_;
  static Matcher* m_;
};
Gazetteer* MatcherKinds::g_ = nullptr;
Matcher* MatcherKinds::m_ = nullptr;
using Ids_ = std::set<std::string>;

class MatcherKind0Hyphens : public MatcherKinds {};
TEST_F(MatcherKind0Hyphens, HyphenatedEnglishNamesMatchWhole) {
  EXPECT_EQ(Find("In other news, Hafez al-Assad said."), (Hits{{"hafez", "Hafez al-Assad"}}));
  EXPECT_EQ(Find("Fighters of Hurras al-Din fled."), (Hits{{"hurras", "Hurras al-Din"}}));
  EXPECT_EQ(Find("The Mojahedin-e Khalq met."), (Hits{{"mek", "Mojahedin-e Khalq"}}));
  EXPECT_EQ(Find("ISIS-K claimed it."), (Hits{{"isis_k", "ISIS-K"}}));
  EXPECT_EQ(Find("Islamic State-Khorasan claimed it."),
            (Hits{{"isis_k", "Islamic State-Khorasan"}}));
  EXPECT_EQ(Find("President Bashar al-Assad spoke."), (Hits{{"assad", "Bashar al-Assad"}}));
}
TEST_F(MatcherKind0Hyphens, ParentheticalDisambiguationIsNotPartOfTheName) {
  EXPECT_EQ(Find("The Justice and Development Party won."),
            (Hits{{"akp", "Justice and Development Party"}}));
  EXPECT_EQ(NameInText("Justice and Development Party (Turkey)"), "Justice and Development Party");
  EXPECT_EQ(NameInText("Sahwa (Awakening Councils)"), "Sahwa");
  EXPECT_EQ(NameInText("(Turkey)"), "(Turkey)");
  EXPECT_EQ(NameInText("Hamas"), "Hamas");
}
TEST_F(MatcherKind0Hyphens, ArabicNamesWithHyphensOrSpaces) {
  EXPECT_EQ(Ids("قال حافظ الأسد"), Ids_{"hafez"});
  EXPECT_EQ(Ids("اجتماع حزب الله-حماس"), (Ids_{"hezbollah", "hamas"}));
  EXPECT_EQ(Ids("المحور الإيراني-السوري"), (Ids_{"iran", "syria"}));
  EXPECT_EQ(Ids("فيلق القدس - الحرس الثوري"), (Ids_{"quds_force", "irgc"}));
  EXPECT_EQ(Ids("ولاية خراسان"), Ids_{"isis_k"});
}

class MatcherKind1Periods : public MatcherKinds {};
TEST_F(MatcherKind1Periods, DottedAbbreviationsAndInitials) {
  EXPECT_EQ(Find("U.S. officials said so."), (Hits{{"usa", "U.S"}}));
  EXPECT_EQ(Ids("Troops arrived in the U.S."), Ids_{"usa"});
  EXPECT_EQ(Ids("The U.S.A. and Iran"), (Ids_{"usa", "iran"}));
  EXPECT_EQ(Find("George W. Bush ordered it."), (Hits{{"bush", "George W. Bush"}}));
  EXPECT_EQ(Find("Then H.R. McMaster left."), (Hits{{"mcmaster", "H.R. McMaster"}}));
  EXPECT_EQ(Find("The U.S.-led coalition struck."), (Hits{{"usled", "U.S.-led coalition"}}));
}
TEST_F(MatcherKind1Periods, SentenceEndsStillSeparateNames) {
  auto hits = Find("He flew to Iraq. Iran objected.");
  EXPECT_EQ(hits, (Hits{{"iraq", "Iraq"}, {"iran", "Iran"}}));
  EXPECT_EQ(Ids("قال مسؤول أمريكي. العراق يرد."), (Ids_{"usa", "iraq"}));
}

class MatcherKind2Compounds : public MatcherKinds {};
TEST_F(MatcherKind2Compounds, StateJoinedByHyphenSlashOrDashAtLineStart) {
  EXPECT_EQ(Ids("Iran-backed militias shelled the border."), Ids_{"iran"});
  EXPECT_EQ(Ids("US-led forces withdrew."), Ids_{"usa"});
  EXPECT_EQ(Ids("Iran–Iraq talks resumed."), (Ids_{"iran", "iraq"}));
  EXPECT_EQ(Ids("Iraq/Syria border crossings"), (Ids_{"iraq", "syria"}));
  EXPECT_EQ(Ids("Iran - Iraq talks resumed."), (Ids_{"iran", "iraq"}));
}
TEST_F(MatcherKind2Compounds, ArabicCompoundsWithOrWithoutSpaces) {
  EXPECT_EQ(Ids("العراق-إيران: محادثات"), (Ids_{"iraq", "iran"}));
  EXPECT_EQ(Ids("العراق - إيران علاقات متوترة"), (Ids_{"iraq", "iran"}));
  EXPECT_EQ(Ids("إيران/العراق الحدود"), (Ids_{"iran", "iraq"}));
  EXPECT_EQ(Ids("\n\nسوريا – لبنان اتفاق"), (Ids_{"syria", "lebanon"}));
  EXPECT_EQ(Ids("المحادثات الإيرانية-العراقية"), (Ids_{"iran", "iraq"}));
}

class MatcherKind3Case : public MatcherKinds {};
TEST_F(MatcherKind3Case, PronounsAndCommonNounsAreNotStates) {
  EXPECT_TRUE(Find("Let us go to the market.").empty());
  EXPECT_TRUE(Find("She bought fine china and a turkey.").empty());
  EXPECT_TRUE(Find("Us and them").empty());
  EXPECT_TRUE(Find("the un-named source").empty());
  EXPECT_TRUE(Find("a pmf reading").empty());
}
TEST_F(MatcherKind3Case, CapitalisedNamesAndHeadlinesMatch) {
  EXPECT_EQ(Ids("The US envoy arrived."), Ids_{"usa"});
  EXPECT_EQ(Ids("China and TURKEY sign deal"), (Ids_{"china", "turkey"}));
  EXPECT_EQ(Ids("US, UN CONDEMN ATTACK"), (Ids_{"usa", "un"}));
  EXPECT_EQ(Ids("AL-ASSAD SPEAKS"), Ids_{"assad"});
  EXPECT_EQ(Ids("Türkiye and Iraq"), (Ids_{"turkey", "iraq"}));
}
TEST_F(MatcherKind3Case, LowerCaseFlagAndParticles) {
  EXPECT_EQ(Ids("peshmerga fighters advanced"), Ids_{"peshmerga"});  // "case": "any"
  EXPECT_TRUE(Find("peshmerga advanced").empty());                   // the label keeps its capital
  EXPECT_EQ(Ids("Hafez Al-Assad"), Ids_{"hafez"});                   // the article particle is free
  EXPECT_EQ(Ids("قال الصين"), Ids_{"china"});                        // Arabic has no case
  EXPECT_EQ(Ids("the Us envoy"), Ids_{});  // an acronym needs its capitals
}

class MatcherKind5Qualifier : public MatcherKinds {};
TEST_F(MatcherKind5Qualifier, DemonymAfterAnArabicGroupName) {
  EXPECT_EQ(Ids("قالت حركة حماس الفلسطينية"), Ids_{"hamas"});
  EXPECT_EQ(Ids("قال حزب الله اللبناني"), Ids_{"hezbollah"});
  EXPECT_EQ(Ids("هاجمت جماعة الحوثي اليمنية"), Ids_{"houthis"});
  EXPECT_EQ(Ids("وقال \"حزب الله\" اللبناني"), Ids_{"hezbollah"});
  EXPECT_EQ(Ids("قائد فيلق القدس الإيراني"), Ids_{"quds_force"});
  EXPECT_EQ(Ids("هيئة الحشد الشعبي العراقية"), Ids_{"pmf"});
}
TEST_F(MatcherKind5Qualifier, DemonymBeforeAnEnglishGroupName) {
  EXPECT_EQ(Ids("The Lebanese Hezbollah said"), Ids_{"hezbollah"});
  EXPECT_EQ(Ids("the Palestinian Hamas movement"), Ids_{"hamas"});
  EXPECT_EQ(Ids("Iraqi PMF units"), Ids_{"pmf"});
  EXPECT_EQ(Ids("Yemeni Houthis fired"), Ids_{"houthis"});
  EXPECT_EQ(Ids("Iranian IRGC officers"), Ids_{"irgc"});
}
TEST_F(MatcherKind5Qualifier, ElsewhereTheDemonymStillCounts) {
  EXPECT_EQ(Ids("قال مسؤول لبناني إن حزب الله"), (Ids_{"lebanon", "hezbollah"}));
  EXPECT_EQ(Ids("حزب الله، اللبناني"), (Ids_{"lebanon", "hezbollah"}));
  EXPECT_EQ(Ids("Hezbollah and Lebanese officials"), (Ids_{"lebanon", "hezbollah"}));
  EXPECT_EQ(Ids("الحليف الإيراني حزب الله"), (Ids_{"iran", "hezbollah"}));
  EXPECT_EQ(Ids("Hamas Palestinian"), (Ids_{"hamas", "palestine"}));
}

class MatcherKind6Capitals : public MatcherKinds {};
TEST_F(MatcherKind6Capitals, CapitalAfterALocativeIsAPlace) {
  EXPECT_TRUE(Find("وصل الوفد إلى طهران").empty());
  EXPECT_TRUE(Find("انفجار في بغداد").empty());
  EXPECT_TRUE(Find("وعاد الوفد من دمشق").empty());
  EXPECT_TRUE(Find("اجتماع بطهران").empty());  // the proclitic ب is a locative
  EXPECT_TRUE(Find("talks in Baghdad ended").empty());
  EXPECT_TRUE(Find("He flew to Tehran and from Damascus to Beirut").empty());
}
TEST_F(MatcherKind6Capitals, CapitalInsideAPlacePhraseIsAPlace) {
  EXPECT_TRUE(Find("هبطت الطائرة في مطار بغداد").empty());
  EXPECT_TRUE(Find("احتجاجات شوارع بيروت").empty());
  EXPECT_TRUE(Find("قصف ضواحي دمشق").empty());
  EXPECT_TRUE(Find("Baghdad airport was hit").empty());
  EXPECT_TRUE(Find("protests filled the streets of Beirut").empty());
  EXPECT_TRUE(Find("Baghdad's airport was hit").empty());
}
TEST_F(MatcherKind6Capitals, CapitalAsGovernmentAndCountryNamesStay) {
  EXPECT_EQ(Ids("قالت طهران إنها ترفض"), Ids_{"iran"});
  EXPECT_EQ(Ids("Washington warned Tehran"), (Ids_{"usa", "iran"}));
  EXPECT_EQ(Ids("الموالية لطهران"), Ids_{"iran"});  // ل: loyal to the government
  EXPECT_EQ(Ids("في العراق"), Ids_{"iraq"});        // a country name is unaffected
  EXPECT_EQ(Ids("talks in Iraq"), Ids_{"iraq"});
}

class MatcherKind7Datelines : public MatcherKinds {};
TEST_F(MatcherKind7Datelines, ArabicWireShapes) {
  EXPECT_TRUE(Find("السومرية نيوز من بغداد: قال مسؤول").empty());
  EXPECT_TRUE(Find("بغداد (رويترز) - قال مسؤول").empty());
  EXPECT_TRUE(Find("بيروت - وكالات: قال مسؤول").empty());
  EXPECT_TRUE(Find("عمان، الأردن — قال مسؤول").empty());
  EXPECT_TRUE(Find("بغداد- العراق اليوم:\n\nقال مسؤول").empty());
  EXPECT_TRUE(Find("أنقرة/ قال مسؤول").empty());
}
TEST_F(MatcherKind7Datelines, EnglishWireShapes) {
  EXPECT_TRUE(Find("BEIRUT (Reuters) - An official said").empty());
  EXPECT_TRUE(Find("AMMAN, Jordan — An official said").empty());
  EXPECT_TRUE(Find("BAGHDAD, Jan 5 (Reuters) - An official said").empty());
  EXPECT_TRUE(Find("WASHINGTON — An official said").empty());
  EXPECT_TRUE(Find("TEHRAN, Iran (AP) — An official said").empty());
}
TEST_F(MatcherKind7Datelines, ActorsAfterTheDatelineAndNonDatelinesCount) {
  EXPECT_EQ(Ids("BEIRUT (Reuters) - Lebanon's president said"), Ids_{"lebanon"});
  EXPECT_EQ(Ids("بغداد (رويترز) - قال العراق"), Ids_{"iraq"});
  EXPECT_EQ(Ids("Washington — not a dateline in lower case"), Ids_{"usa"});
  EXPECT_EQ(Ids("Jordan, Iraq and Syria - a summit"), (Ids_{"jordan", "iraq", "syria"}));
  EXPECT_EQ(Ids("قال مسؤول. بغداد (رويترز) - ترفض"), Ids_{"iraq"});  // not a paragraph start
}

class MatcherKind8Descriptive : public MatcherKinds {};
TEST_F(MatcherKind8Descriptive, BothActorsOfADescriptivePhrase) {
  EXPECT_EQ(Ids("فيلق القدس التابع للحرس الثوري"), (Ids_{"quds_force", "irgc"}));
  EXPECT_EQ(Ids("مجلس الأمن الدولي التابع للأمم المتحدة"), (Ids_{"unsc", "un"}));
  EXPECT_EQ(Ids("the Quds Force of the Islamic Revolutionary Guard Corps"),
            (Ids_{"quds_force", "irgc"}));
  EXPECT_EQ(Ids("the Quds Force of the IRGC"), (Ids_{"quds_force", "irgc"}));
  EXPECT_EQ(Ids("UN Security Council of the United Nations"), (Ids_{"unsc", "un"}));
}
TEST(MatcherKind8ShippedData, NoDescriptiveAliases) {
  // An alias that describes its actor by another actor (X التابع لـ Y, X of the Y) is removed:
  // no shipped tier-A alias contains another actor's whole tier-A name after التابع/التابعة.
  Gazetteer g = Gazetteer::Load({testing::SourcePath("gazetteer")});
  for (const Actor& a : g.actors())
    for (const Alias& al : a.aliases) {
      std::string k = MatchKey(al.text);
      EXPECT_EQ(k.find(MatchKey("التابع")), std::string::npos) << a.id << ": " << al.text;
      EXPECT_EQ(k.find(MatchKey("Committed by")), std::string::npos) << a.id << ": " << al.text;
    }
}

class MatcherKind9PersonNames : public MatcherKinds {};
TEST_F(MatcherKind9PersonNames, StateNameInsideAPersonsName) {
  EXPECT_TRUE(Find("a poster of Michael Jordan hung there").empty());
  EXPECT_TRUE(Find("the drummer Chad Smith said").empty());
  EXPECT_TRUE(Find("Defence Minister Israel Katz said").empty());
  EXPECT_TRUE(Find("Republican Jim Jordan said").empty());
  EXPECT_TRUE(Find("a portrait of George Washington").empty());
}
TEST_F(MatcherKind9PersonNames, ArabicNisbaSurnames) {
  EXPECT_TRUE(Find("أحمد المصري قال").empty());
  EXPECT_EQ(Ids("قال محمد اليمني"), Ids_{});
  EXPECT_EQ(Ids("وصل أحمد الأردني"), Ids_{});
  EXPECT_EQ(Ids("الجيش المصري"), Ids_{"egypt"});  // an adjective of a definite noun
  EXPECT_EQ(Ids("الرئيس المصري"), Ids_{"egypt"});
  EXPECT_EQ(Ids("نظيره الأردني"), Ids_{"jordan"});  // a noun, not a given name
  EXPECT_EQ(Ids("أحمد المصريين"), Ids_{"egypt"});   // a plural is never a surname
}
TEST_F(MatcherKind9PersonNames, StatesNextToOtherCapitalisedWordsStay) {
  EXPECT_EQ(Ids("US President Joe spoke"), Ids_{"usa"});
  EXPECT_EQ(Ids("the Jordan Valley and Israel Defense Forces"), (Ids_{"jordan", "israel"}));
  EXPECT_EQ(Ids("Northern Iraq and Greater Syria"), (Ids_{"iraq", "syria"}));
  EXPECT_EQ(Ids("On Monday Jordan said"), Ids_{"jordan"});
  EXPECT_EQ(Ids("Biden Warns Iran Over Nuclear Program"), Ids_{"iran"});  // title case
  EXPECT_EQ(Ids("Jordan said on Monday"), Ids_{"jordan"});
  EXPECT_EQ(Ids("Chad and Iraq signed"), (Ids_{"chad", "iraq"}));
}

}  // namespace
}  // namespace actorgraph
