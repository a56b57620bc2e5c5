#include "actorgraph/text/normalize.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_util.h"

namespace actorgraph {
namespace {

std::string N(std::string_view s) { return NormalizeString(s); }

// The specification applied literally to the whole string with ICU, no fast paths.
std::string Reference(std::string_view in) {
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(in), pre;
  for (int32_t i = 0; i < src.length();) {
    UChar32 c = src.char32At(i);
    i += U16_LENGTH(c);
    if (c >= 0xFE70 && c <= 0xFE7F) continue;
    if (c == 0xFDFC) {
      pre.append(icu::UnicodeString::fromUTF8("ريال"));
    } else if (c == 0xFDFD) {
      pre.append(icu::UnicodeString::fromUTF8("بسم الله الرحمن الرحيم"));
    } else {
      pre.append(c);
    }
  }
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString nf = icu::Normalizer2::getNFKCCasefoldInstance(st)->normalize(pre, st);
  icu::UnicodeString out;
  for (int32_t i = 0; i < nf.length();) {
    UChar32 c = nf.char32At(i);
    i += U16_LENGTH(c);
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 ||
        (c >= 0x0610 && c <= 0x061A) || (c >= 0x06D6 && c <= 0x06ED) || c == 0x0674 ||
        (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
        (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF) {
      continue;
    }
    if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671 || c == 0x0672 || c == 0x0673) {
      c = 0x0627;
    } else if (c == 0x0649 || c == 0x06CC || c == 0x06D2 || c == 0x06CD || c == 0x06CE ||
               c == 0x06D0 || c == 0x0620) {
      c = 0x064A;
    } else if (c == 0x06D3) {
      c = 0x0626;
    } else if (c == 0x0629 || (c >= 0x06C0 && c <= 0x06C3) || c == 0x06BE || c == 0x06D5 ||
               c == 0x06FF) {
      c = 0x0647;
    } else if (c == 0x06A9 || c == 0x06AF || c == 0x06AA || c == 0x06AB) {
      c = 0x0643;
    } else if (c == 0x067E) {
      c = 0x0628;
    } else if (c == 0x0686) {
      c = 0x062C;
    } else if (c == 0x06A4) {
      c = 0x0641;
    } else if (c >= 0x0660 && c <= 0x0669) {
      c = '0' + (c - 0x0660);
    } else if (c >= 0x06F0 && c <= 0x06F9) {
      c = '0' + (c - 0x06F0);
    }
    out.append(c);
  }
  std::string r;
  out.toUTF8String(r);
  return r;
}

// Finds `word` in the normalised text and returns the original bytes its span maps to.
std::string OriginalOf(std::string_view in, std::string_view word) {
  NormalizedText nt = Normalize(in);
  size_t b = nt.text.find(word);
  if (b == std::string::npos) return "<not found: " + nt.text + ">";
  size_t e = b + word.size();
  return std::string(in.substr(nt.to_orig[b], nt.to_orig[e] - nt.to_orig[b]));
}

void ExpectMapInvariants(std::string_view in) {
  NormalizedText nt = Normalize(in);
  ASSERT_EQ(nt.to_orig.size(), nt.text.size() + 1) << in;
  EXPECT_EQ(nt.to_orig.back(), in.size()) << in;
  for (size_t i = 1; i < nt.to_orig.size(); ++i) {
    EXPECT_LE(nt.to_orig[i - 1], nt.to_orig[i]) << in << " at " << i;
  }
  for (size_t i = 0; i + 1 < nt.to_orig.size(); ++i) {
    ASSERT_LT(nt.to_orig[i], in.size()) << in;
    // Every byte points at the start of a character, never at a continuation byte.
    EXPECT_NE(static_cast<unsigned char>(in[nt.to_orig[i]]) & 0xC0, 0x80) << in << " at " << i;
  }
}

TEST(Normalize, EmptyAndAscii) {
  EXPECT_EQ(N(""), "");
  NormalizedText nt = Normalize("");
  ASSERT_EQ(nt.to_orig.size(), 1u);
  EXPECT_EQ(nt.to_orig[0], 0u);
  EXPECT_EQ(N("Joe BIDEN, 2020!\n\tok"), "joe biden, 2020!\n\tok");
}

TEST(Normalize, LatinCasefold) {
  EXPECT_EQ(N("Biden"), "biden");
  EXPECT_EQ(N("STRASSE Straße"), "strasse strasse");
  EXPECT_EQ(N("ÉLYSÉE"), "élysée");
  EXPECT_EQ(N("E\xCC\x81lyse\xCC\x81"
              "e"),
            "élysée");                  // combining acute composes
  EXPECT_EQ(N("ＢＩＤＥＮ"), "biden");  // full-width Latin
}

TEST(Normalize, SpecCase3FinalYaAndPresentationForms) {
  EXPECT_EQ(N("الكاظمى"), "الكاظمي");
  EXPECT_EQ(N("ﺍﻟﻜﺎﻇﻤﻲ"), "الكاظمي");
  EXPECT_EQ(N("الكاظمى"), N("ﺍﻟﻜﺎﻇﻤﻲ"));
}

TEST(Normalize, LamAlefLigature) {
  EXPECT_EQ(N("\uFEFB"), "لا");
  EXPECT_EQ(N("\uFEF7"), "لا");  // lam with alef with hamza above, isolated
  EXPECT_EQ(N("ﻻ"), "لا");
}

TEST(Normalize, SpecCase4Tatweel) {
  EXPECT_EQ(N("الكاظمـــي"), "الكاظمي");
  EXPECT_EQ(N("بـ"), "ب");
}

TEST(Normalize, SpecCase5ClitcBeforeQuotes) {
  EXPECT_EQ(N("بـ«بايدن»"), "ب«بايدن»");
  EXPECT_EQ(OriginalOf("بـ«بايدن»", "بايدن"), "بايدن");
  EXPECT_EQ(OriginalOf("بـ«بايدن»", "ب«"), "بـ«");  // the deleted tatweel belongs to ب
}

TEST(Normalize, SpecCase8HamzaOnAlef) {
  EXPECT_EQ(N("أوباما"), N("اوباما"));
  EXPECT_EQ(N("أوباما"), "اوباما");
  EXPECT_EQ(N("إيران"), "ايران");
  EXPECT_EQ(N("آمال"), "امال");
  EXPECT_EQ(N("ٱلله"), "الله");                  // alef wasla
  EXPECT_EQ(N("\u0672\u0673"), "\u0627\u0627");  // wavy hamza above/below
  // Decomposed hamza/madda compose first (NFKC), then fold.
  EXPECT_EQ(N("ا\u0654وباما"), "اوباما");
  EXPECT_EQ(N("ا\u0653"), "ا");
}

TEST(Normalize, KeepsHamzaSeats) {
  EXPECT_EQ(N("مؤتمر"), "مؤتمر");
  EXPECT_EQ(N("رئيس"), "رئيس");
  EXPECT_EQ(N("سماء"), "سماء");
  EXPECT_EQ(N("خامنئي"), "خامنئي");
  // و and ي followed by a combining hamza compose into ؤ and ئ, which are kept.
  EXPECT_EQ(N("مو\u0654تمر"), "مؤتمر");
  EXPECT_EQ(N("ري\u0654يس"), "رئيس");
  // ... even with a haraka in between (canonical ordering).
  EXPECT_EQ(N("مو\u064E\u0654تمر"), "مؤتمر");
}

TEST(Normalize, YehTehMarbutaAndPersianLetters) {
  EXPECT_EQ(N("مصطفى"), "مصطفي");
  EXPECT_EQ(N("مدينة"), "مدينه");
  EXPECT_EQ(N("\u06CC"), "ي");  // Farsi yeh
  EXPECT_EQ(N("\u06A9\u06AF"), "كك");
  EXPECT_EQ(N("\u067E"), "ب");
  EXPECT_EQ(N("\u0686"), "ج");
  EXPECT_EQ(N("\u06A4"), "ف");
  EXPECT_EQ(N("\u06C0\u06C1\u06C2"), "ههه");
  EXPECT_EQ(N("\u06D5\u0654"), "ه");  // composes to U+06C0, then folds
}

TEST(Normalize, DeletesDiacritics) {
  EXPECT_EQ(N("مٌهمة"), "مهمه");
  EXPECT_EQ(N("مُحَمَّدٌ"), "محمد");
  for (char32_t c = 0x064B; c <= 0x065F; ++c) {
    std::string s = "ب";
    char buf[3] = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F)), 0};
    s += buf;
    s += "ت";
    EXPECT_EQ(N(s), "بت") << std::hex << static_cast<uint32_t>(c);
  }
  EXPECT_EQ(N("ب\u0670ت"), "بت");  // superscript alef
  EXPECT_EQ(N("ب\u0610\u061Aت"), "بت");
  EXPECT_EQ(N("ب\u06D6\u06DC\u06DF\u06EDت"), "بت");
  EXPECT_EQ(N("ب\u06DD\u06DEت"), "بت");  // end of ayah (Cf) and rub el hizb (So)
  EXPECT_EQ(N("ب\u0674ت"), "بت");
  EXPECT_EQ(N("\u064Eب"), "ب");  // a mark at the very start
}

TEST(Normalize, DeletesInvisibleControls) {
  for (const char* s :
       {"\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D",
        "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\uFEFF", "\u061C", "\u00AD"}) {
    EXPECT_EQ(N(std::string("بايدن") + s + "ترامب"), "بايدنترامب") << s;
  }
}

TEST(Normalize, PreNfkcDeletionsAndMappings) {
  // U+FE70 would become a space plus fathatan under NFKC; it is deleted without a space.
  EXPECT_EQ(N("ب\uFE70ت"), "بت");
  EXPECT_EQ(N("ب\uFE72\uFE7Fت"), "بت");
  EXPECT_EQ(N("\uFE76"), "");
  EXPECT_EQ(N("100 \uFDFC"), "100 ريال");
  EXPECT_EQ(N("\uFDFD"), "بسم الله الرحمن الرحيم");
  EXPECT_EQ(N("\uFDF2"), "الله");  // NFKC gives الله with shadda and superscript alef
}

TEST(Normalize, Digits) {
  EXPECT_EQ(N("٠١٢٣٤٥٦٧٨٩"), "0123456789");
  EXPECT_EQ(N("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
  EXPECT_EQ(N("عام ٢٠٢٠"), "عام 2020");
}

TEST(Normalize, KeepsPunctuationAndWhitespace) {
  std::string s = "قال: «نعم»، ثم؛ هل؟ نعم.\n\nسطر\r\n“x” ‘y’ - – —";
  EXPECT_EQ(N(s), s);
}

TEST(Normalize, OffsetMapSpans) {
  EXPECT_EQ(OriginalOf("قال الرئيس أوباما اليوم", "اوباما"), "أوباما");
  EXPECT_EQ(OriginalOf("الكاظمـــي قال", "الكاظمي"), "الكاظمـــي");
  EXPECT_EQ(OriginalOf("ﺍﻟﻜﺎﻇﻤﻲ قال", "الكاظمي"), "ﺍﻟﻜﺎﻇﻤﻲ");
  EXPECT_EQ(OriginalOf("President BIDEN said", "biden"), "BIDEN");
  EXPECT_EQ(OriginalOf("مُحَمَّدٌ علي", "محمد"), "مُحَمَّدٌ");
  EXPECT_EQ(OriginalOf("x \u200Fبايدن\u200F y", "بايدن"), "بايدن\u200F");
  EXPECT_EQ(OriginalOf("في عام ٢٠٢٠ م", "2020"), "٢٠٢٠");
}

TEST(Normalize, OffsetMapInvariants) {
  for (const char* s :
       {"", "a", "بـ«بايدن»", "ﺍﻟﻜﺎﻇﻤﻲ", "\uFDFD x", "e\xCC\x81", "مُحَمَّدٌ", "ب\uFE70ت",
        "\xF0\x9F\x98\x80 emoji", "Straße ＡＢＣ ﬁ", "\u064E\u064Eب", "ا\u0654"}) {
    ExpectMapInvariants(s);
  }
}

TEST(Normalize, InvalidBytesBecomeReplacementCharacters) {
  std::string bad =
      "a\xFF"
      "b\xC3"
      "\xE2\x82"
      "c\xED\xA0\x80";
  NormalizedText nt = Normalize(bad);
  EXPECT_EQ(nt.text, "a\uFFFDb\uFFFD\uFFFD\uFFFDc\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(nt.to_orig.back(), bad.size());
  for (size_t i = 1; i < nt.to_orig.size(); ++i) EXPECT_LE(nt.to_orig[i - 1], nt.to_orig[i]);
}

TEST(Normalize, MatchesWholeStringReference) {
  for (const char* s :
       {"ا\u0651\u0654", "و\u064B\u0654", "\uFE8D\u0654", "\u0627\uFE70\u0654", "\uFE70\u0654",
        "\uFDFC\u0654", "a\u0301\u0323", "\u1100\u1161\u11A8", "ﷺ ﷻ ﷲ ﷽ ﷼",
        "\U0001D400\U0001EE00 \U0001F600", "ǅ ǈ ς Σ İ ﬀ ㎏ ①", "\u0670\u0654"}) {
    EXPECT_EQ(N(s), Reference(s)) << s;
  }
  for (const auto& e :
       std::filesystem::directory_iterator(testing::SourcePath("examples/articles"))) {
    std::string text = testing::ReadFile(e.path());
    EXPECT_EQ(N(text), Reference(text)) << e.path();
  }
}

TEST(Normalize, RandomMixesMatchReference) {
  // Starters, composing marks, deleted marks, presentation forms and specials, in random order.
  const char32_t pool[] = {'a',    'E',    ' ',    '\n',   0x0301, 0x0323, 0x0627,  0x0648,
                           0x064A, 0x06D5, 0x06C1, 0x0653, 0x0654, 0x0655, 0x064B,  0x0651,
                           0x0670, 0x0640, 0x0615, 0x06E1, 0xFE70, 0xFE7D, 0xFE8D,  0xFEFB,
                           0xFDFC, 0xFDFD, 0xFDF2, 0x200C, 0x0661, 0x1100, 0x1161,  0x11A8,
                           0xAC00, 0x00C5, 0x212B, 0x1E9E, 0x0344, 0x0F73, 0x1D15E, 0x10400};
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8); };
  for (int round = 0; round < 3000; ++round) {
    icu::UnicodeString u;
    int len = 1 + next() % 8;
    for (int k = 0; k < len; ++k) u.append(static_cast<UChar32>(pool[next() % std::size(pool)]));
    std::string s;
    u.toUTF8String(s);
    ASSERT_EQ(N(s), Reference(s)) << s;
    ExpectMapInvariants(s);
  }
}

// Normalize's two-byte run (letters below U+0800 that are their own NFKC_Casefold, each followed
// by a starter) must give what the general path gives: per character its folded form, every
// output byte mapped to the character's first byte. Checked character by character against the
// reference on random strings of such letters, with spaces, ASCII and Arabic-Indic digits.
TEST(Normalize, TwoByteRunMatchesGeneralPath) {
  std::vector<char32_t> pool = {' ', 'a', 'Z', '7', 0x0640, 0x03B1, 0x0430, 0x06CC, 0x06A9, 0x06C1};
  for (char32_t c = 0x0621; c <= 0x063A; ++c) pool.push_back(c);
  for (char32_t c = 0x0641; c <= 0x064A; ++c) pool.push_back(c);
  for (char32_t c = 0x0660; c <= 0x0669; ++c) pool.push_back(c);
  uint32_t seed = 777;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8); };
  for (int round = 0; round < 2000; ++round) {
    std::string in, want_text;
    std::vector<uint32_t> want_map;
    int len = 1 + next() % 24;
    for (int k = 0; k < len; ++k) {
      icu::UnicodeString u(static_cast<UChar32>(pool[next() % pool.size()]));
      std::string ch;
      u.toUTF8String(ch);
      std::string folded = Reference(ch);
      want_text += folded;
      want_map.insert(want_map.end(), folded.size(), static_cast<uint32_t>(in.size()));
      in += ch;
    }
    want_map.push_back(static_cast<uint32_t>(in.size()));
    NormalizedText nt = Normalize(in);
    ASSERT_EQ(nt.text, want_text) << in;
    ASSERT_EQ(nt.to_orig, want_map) << in;
  }
  // A mark after a run's letter, a three-byte character and a stray byte leave the run.
  for (const char* s : {"\u0628\u0627\u0654\u0628", "\u0628\u0628\u200C\u0628\u20AC\u0628",
                        "\u0628\u0627\u0651\u0627"}) {
    EXPECT_EQ(N(s), Reference(s)) << s;
    ExpectMapInvariants(s);
  }
  std::string stray = "\xD8\xA8\xD8\xA8\xD8";
  NormalizedText nt = Normalize(stray);
  EXPECT_EQ(nt.text, "\xD8\xA8\xD8\xA8\xEF\xBF\xBD");
  EXPECT_EQ(nt.to_orig.back(), stray.size());
}

TEST(Normalize, Idempotent) {
  for (const char* s :
       {"قال الرئيس الأمريكي جو بايدن إنَّ «الكاظمى» شريكٌ، ١٢٣.", "ﺍﻟﻜﺎﻇﻤﻲ \uFDFD Biden’s U.S."}) {
    std::string once = N(s);
    EXPECT_EQ(N(once), once) << s;
  }
}

TEST(Normalize, ReusesOutputBuffers) {
  NormalizedText nt;
  Normalize("long text to make the buffers big enough", &nt);
  Normalize("أ", &nt);
  EXPECT_EQ(nt.text, "ا");
  ASSERT_EQ(nt.to_orig.size(), 3u);  // two bytes of ا, plus the end
  EXPECT_EQ(nt.to_orig[0], 0u);
  EXPECT_EQ(nt.to_orig[1], 0u);
  EXPECT_EQ(nt.to_orig[2], 2u);
}

}  // namespace
}  // namespace actorgraph

namespace actorgraph {
namespace {

// Issue 10, kind 4: letters typed on Persian, Urdu, Kurdish, Pashto and Sindhi keyboards fold
// to the Arabic letter (docs/matching.md, "Keyboard letters"). Kind 4 has no English side:
// Latin variants (full-width, case) are NFKC_Casefold's job.
TEST(NormalizeKind4KeyboardLetters, UrduSpellingsOfArabicNames) {
  // ے yeh barree, ہ heh goal, ھ heh doachashmee, ۃ teh marbuta goal, ک keheh
  EXPECT_EQ(N("\u0639\u0644\u06D2"), N("علي"));
  EXPECT_EQ(N("\u062D\u0632\u0628 \u0627\u0644\u0644\u06C1"), N("حزب الله"));
  EXPECT_EQ(N("\u0645\u06A9\u06C3"), N("مكة"));
  EXPECT_EQ(N("\u06BE\u0627\u062F\u064A"), N("هادي"));
}

TEST(NormalizeKind4KeyboardLetters, KurdishSpellings) {
  // ێ yeh with small v, ە ae for heh, ک keheh, ی Farsi yeh
  EXPECT_EQ(N("\u0639\u06CE\u0631\u0627\u0642"), N("عيراق"));
  EXPECT_EQ(N("\u06A9\u0648\u0631\u062F\u0633\u062A\u0627\u0646\u06D5"), N("كوردستانه"));
  EXPECT_EQ(N("\u0633\u0644\u06CC\u0645\u0627\u0646\u06CC"), N("سليماني"));
}

TEST(NormalizeKind4KeyboardLetters, PashtoSpellings) {
  // ې e, ۍ yeh with tail, ګ kaf with ring
  EXPECT_EQ(N("\u0645\u0648\u0633\u06D0"), N("موسي"));
  EXPECT_EQ(N("\u0639\u0644\u06CD"), N("علي"));
  EXPECT_EQ(N("\u06AB\u0644"), N("كل"));
}

TEST(NormalizeKind4KeyboardLetters, SindhiAndDecorativeKaf) {
  EXPECT_EQ(N("\u06AA\u0631\u0628\u0644\u0627\u0621"), N("كربلاء"));  // ڪ swash kaf
  EXPECT_EQ(N("\u0645\u0644\u06AA"), N("ملك"));
}

TEST(NormalizeKind4KeyboardLetters, PersianAndHamzaForms) {
  EXPECT_EQ(N("\u062E\u0627\u0645\u0646\u0647\u200C\u0627\u06CC"), N("خامنهاي"));
  EXPECT_EQ(N("\u0645\u062F\u0631\u0633\u06C0"), N("مدرسه"));  // ۀ heh with yeh above
  EXPECT_EQ(N("\u06D3"), N("ئ"));        // ۓ yeh barree with hamza keeps its hamza as ئ
  EXPECT_EQ(N("\u06D2\u0654"), N("ئ"));  // the decomposed spelling composes first
}

TEST(NormalizeKind4KeyboardLetters, DistinctLettersAreKept) {
  // Letters for sounds Arabic lacks spell other names: not folded.
  for (const char* c : {"\u067C", "\u0688", "\u0695", "\u06B5", "\u06C6", "\u069A"})
    EXPECT_EQ(N(c), c) << c;
}

}  // namespace
}  // namespace actorgraph
