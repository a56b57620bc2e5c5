#include "actorgraph/text/segment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actorgraph/text/normalize.h"
#include "test_util.h"

namespace actorgraph {
namespace {

struct Result {
  std::string text;  // normalised
  Segmentation seg;

  std::string Tok(size_t i) const {
    return text.substr(seg.tokens[i].begin, seg.tokens[i].end - seg.tokens[i].begin);
  }
  std::vector<std::string> Tokens() const {
    std::vector<std::string> v;
    for (size_t i = 0; i < seg.tokens.size(); ++i) v.push_back(Tok(i));
    return v;
  }
  std::vector<std::string> Sentences() const {
    std::vector<std::string> v;
    for (const Sentence& s : seg.sentences) v.push_back(text.substr(s.begin, s.end - s.begin));
    return v;
  }
};

Result Seg(std::string_view raw) {
  Result r;
  r.text = NormalizeString(raw);
  Segment(r.text, &r.seg);
  return r;
}

void ExpectCoverage(const Result& r) {
  uint32_t next = 0;
  for (const Sentence& s : r.seg.sentences) {
    EXPECT_EQ(s.first_token, next);
    EXPECT_LT(s.first_token, s.end_token);  // no empty sentences
    EXPECT_LE(s.begin, r.seg.tokens[s.first_token].begin);
    EXPECT_GE(s.end, r.seg.tokens[s.end_token - 1].end);
    EXPECT_FALSE(r.seg.tokens[s.first_token].joined);
    EXPECT_LT(s.paragraph, r.seg.paragraphs);
    next = s.end_token;
  }
  EXPECT_EQ(next, r.seg.tokens.size());
}

TEST(Segment, SpecCase21QuestionMarkBreaks) {
  Result r = Seg("هل يستمر؟ نعم.");
  EXPECT_EQ(r.Sentences(), (std::vector<std::string>{"هل يستمر؟", "نعم."}));
  EXPECT_EQ(r.Tokens(), (std::vector<std::string>{"هل", "يستمر", "نعم"}));
  ExpectCoverage(r);
}

TEST(Segment, SpecCase21ArabicCommaDoesNotBreak) {
  Result r = Seg("قال الكاظمي، إن الوضع مستقر.");
  EXPECT_EQ(r.seg.sentences.size(), 1u);
  ExpectCoverage(r);
}

TEST(Segment, SpecCase21ArabicSemicolonDoesNotBreak) {
  Result r = Seg("الوضع مستقر؛ لكن الحذر واجب.");
  EXPECT_EQ(r.seg.sentences.size(), 1u);
}

TEST(Segment, SpecCase21DecimalDoesNotBreak) {
  Result r = Seg("بلغ العدد 1.5 مليون شخص. ثم");
  EXPECT_EQ(r.Sentences(), (std::vector<std::string>{"بلغ العدد 1.5 مليون شخص.", "ثم"}));
  Result a = Seg("بلغ ١٫٥ و١.٥ مليون");
  EXPECT_EQ(a.seg.sentences.size(), 1u);
}

TEST(Segment, SpecCase21ArabicAbbreviationDoesNotBreak) {
  Result r = Seg("قال د. أحمد إن الوضع مستقر.");
  EXPECT_EQ(r.seg.sentences.size(), 1u);
  Result a = Seg("حاضر أ.د. محمد علي و أ. سمير.");
  EXPECT_EQ(a.seg.sentences.size(), 1u);
  Result b = Seg("في عام 632 م. وقعت");
  EXPECT_EQ(b.seg.sentences.size(), 1u);
}

TEST(Segment, EllipsisDoesNotBreak) {
  EXPECT_EQ(Seg("انتظر… ثم قال").seg.sentences.size(), 1u);
  EXPECT_EQ(Seg("انتظر... ثم قال").seg.sentences.size(), 1u);
  EXPECT_EQ(Seg("انتظر...\n\nثم قال").seg.sentences.size(), 2u);
  EXPECT_EQ(Seg("قال: ١٬٠٠٠ شخص").seg.sentences.size(), 1u);
}

TEST(Segment, SpecCase22HardWrapJoined) {
  Result r = Seg("قال مصطفى\nالكاظمي إن");
  EXPECT_EQ(r.seg.sentences.size(), 1u);
  ASSERT_EQ(r.Tokens(), (std::vector<std::string>{"قال", "مصطفي", "الكاظمي", "ان"}));
  EXPECT_TRUE(r.seg.tokens[2].joined);
  Result crlf = Seg("مصطفى\r\nالكاظمي");
  ASSERT_EQ(crlf.seg.tokens.size(), 2u);
  EXPECT_TRUE(crlf.seg.tokens[1].joined);
  EXPECT_EQ(crlf.seg.paragraphs, 1u);
}

TEST(Segment, SpecCase5ProcliticBeforeQuotes) {
  std::string raw = "قال بـ«بايدن» أمس";
  NormalizedText nt = Normalize(raw);
  Segmentation seg;
  Segment(nt.text, &seg);
  ASSERT_EQ(seg.tokens.size(), 4u);
  const Token& b = seg.tokens[1];
  const Token& biden = seg.tokens[2];
  EXPECT_EQ(nt.text.substr(b.begin, b.end - b.begin), "ب");
  EXPECT_EQ(nt.text.substr(biden.begin, biden.end - biden.begin), "بايدن");
  EXPECT_TRUE(biden.joined);
  EXPECT_EQ(raw.substr(nt.to_orig[biden.begin], nt.to_orig[biden.end] - nt.to_orig[biden.begin]),
            "بايدن");
  EXPECT_TRUE(seg.tokens[3].joined);  // across » and a space
}

TEST(Segment, QuotesJoinOtherPunctuationDoesNot) {
  Result r = Seg("\"حزب الله\" العراقي و'x' “y” ‘z’ „w‹v›");
  for (size_t i = 1; i < r.seg.tokens.size(); ++i) EXPECT_TRUE(r.seg.tokens[i].joined) << r.Tok(i);
  EXPECT_FALSE(r.seg.tokens[0].joined);
  for (const char* sep : {", ", " - ", " – ", "/", " (", ": ", "،", "؛ ", " $ "}) {
    Result s = Seg(std::string("مصطفى") + sep + "الكاظمي");
    ASSERT_EQ(s.seg.tokens.size(), 2u) << sep;
    EXPECT_FALSE(s.seg.tokens[1].joined) << sep;
  }
}

TEST(Segment, FirstTokenOfSentenceIsNotJoined) {
  Result r = Seg("قال بايدن. «الكاظمي» رد");
  ASSERT_EQ(r.seg.sentences.size(), 2u);
  EXPECT_FALSE(r.seg.tokens[2].joined);
  EXPECT_TRUE(r.seg.tokens[3].joined);
}

TEST(Segment, Paragraphs) {
  Result r = Seg("\n\nالأول هنا\n\n  \n الثاني. والثالث\r\n\r\nالرابع\u2029الخامس\n\n\n");
  EXPECT_EQ(r.seg.paragraphs, 4u);
  ASSERT_EQ(r.seg.sentences.size(), 5u);
  std::vector<uint32_t> paras;
  for (const Sentence& s : r.seg.sentences) paras.push_back(s.paragraph);
  EXPECT_EQ(paras, (std::vector<uint32_t>{0, 1, 1, 2, 3}));
  EXPECT_EQ(r.Sentences()[0], "الاول هنا");
  // A blank line ends a paragraph, so the first token after it is not joined.
  for (const Sentence& s : r.seg.sentences) EXPECT_FALSE(r.seg.tokens[s.first_token].joined);
  ExpectCoverage(r);
}

TEST(Segment, LatinTokens) {
  EXPECT_EQ(Seg("Obama’s").Tokens(), (std::vector<std::string>{"obama", "s"}));
  EXPECT_EQ(Seg("al-Kadhimi").Tokens(), (std::vector<std::string>{"al", "kadhimi"}));
  EXPECT_TRUE(Seg("al-Kadhimi").seg.tokens[1].joined);  // a hyphen inside a name joins
}

// Kind 0-2 of issue 10: one tokenisation answer for hyphens and full stops inside names and
// between names (docs/matching.md, "Tokenisation").
TEST(SegmentNameConnectors, HyphenBetweenLettersJoins) {
  for (const char* t : {"Hafez al-Assad", "ISIS-K", "Mojahedin-e Khalq", "Iran-backed",
                        "العراق-إيران", "Hurras al\u2011Din"}) {
    Result r = Seg(t);
    for (size_t i = 1; i < r.seg.tokens.size(); ++i) EXPECT_TRUE(r.seg.tokens[i].joined) << t;
  }
}

TEST(SegmentNameConnectors, DashesSlashesAndSpacedHyphensDoNotJoin) {
  for (const char* t : {"Iran–Iraq", "Iran—Iraq", "Iran/Iraq", "Iran - Iraq", "Iran- Iraq",
                        "Iran -Iraq", "إيران – العراق", "إيران/العراق", "Iran--Iraq"}) {
    Result r = Seg(t);
    ASSERT_EQ(r.seg.tokens.size(), 2u) << t;
    EXPECT_FALSE(r.seg.tokens[1].joined) << t;
  }
}

TEST(SegmentNameConnectors, FullStopAfterATokenJoins) {
  for (const char* t :
       {"U.S. officials", "George W. Bush", "U.S.-led", "H.R. McMaster", "arrived in the U.S."}) {
    Result r = Seg(t);
    for (size_t i = 1; i < r.seg.tokens.size(); ++i) EXPECT_TRUE(r.seg.tokens[i].joined) << t;
    EXPECT_EQ(r.seg.sentences.size(), 1u) << t;
  }
  // A sentence end is still a sentence end: the next token starts a new sentence.
  Result r = Seg("He went to Iraq. Biden said");
  ASSERT_EQ(r.seg.sentences.size(), 2u);
  EXPECT_FALSE(r.seg.tokens[4].joined);
}

TEST(Segment, EnglishSentences) {
  Result r = Seg("U.S. officials said. Mr. Biden met Gen. Smith and George W. Bush! Really?! Yes.");
  EXPECT_EQ(r.Sentences(), (std::vector<std::string>{"u.s. officials said.",
                                                     "mr. biden met gen. smith and george w. bush!",
                                                     "really?!", "yes."}));
  EXPECT_EQ(Seg("The U.S., Iran and Iraq.").seg.sentences.size(), 1u);
  EXPECT_EQ(Seg("See example.com for details.").seg.sentences.size(), 1u);
  ExpectCoverage(r);
}

TEST(Segment, ClosingQuotesStayWithTheSentence) {
  Result r = Seg("قال: «انتهى الأمر.» ثم غادر. (هل؟) نعم");
  EXPECT_EQ(r.Sentences(),
            (std::vector<std::string>{"قال: «انتهي الامر.»", "ثم غادر.", "(هل؟)", "نعم"}));
}

TEST(Segment, EmptyAndWhitespaceOnly) {
  for (const char* s : {"", " ", "\n", "\n\n\n", " \t\r\n ", "...", "«»", "!؟"}) {
    Segmentation seg;
    seg.tokens.push_back(Token{});  // stale content must be cleared
    seg.sentences.push_back(Sentence{});
    Segment(s, &seg);
    EXPECT_TRUE(seg.tokens.empty()) << s;
    EXPECT_TRUE(seg.sentences.empty()) << s;
    EXPECT_EQ(seg.paragraphs, 0u) << s;
    EXPECT_TRUE(Tokenize(s).empty()) << s;
  }
}

TEST(Segment, SentencesCoverAllTokensOnArticles) {
  for (const auto& e :
       std::filesystem::directory_iterator(testing::SourcePath("examples/articles"))) {
    Result r = Seg(testing::ReadFile(e.path()));
    ASSERT_FALSE(r.seg.tokens.empty());
    ASSERT_FALSE(r.seg.sentences.empty());
    ExpectCoverage(r);
    std::vector<std::string_view> toks = Tokenize(r.text);
    ASSERT_EQ(toks.size(), r.seg.tokens.size());
    for (size_t i = 0; i < toks.size(); ++i) EXPECT_EQ(toks[i], r.Tok(i));
  }
}

TEST(Segment, TokenizeAliases) {
  std::string alias = NormalizeString("أبو مهدي المهندس");
  std::vector<std::string_view> t = Tokenize(alias);
  EXPECT_EQ(t, (std::vector<std::string_view>{"ابو", "مهدي", "المهندس"}));
  EXPECT_EQ(Tokenize(NormalizeString("\"حزب الله\"")),
            (std::vector<std::string_view>{"حزب", "الله"}));
}

TEST(Segment, InvalidBytesDoNotCrash) {
  Segmentation seg;
  Segment(
      "a\xFF"
      "b. \xC3",
      &seg);
  EXPECT_FALSE(seg.tokens.empty());
  Tokenize("\xE2\x82");
}

}  // namespace
}  // namespace actorgraph
