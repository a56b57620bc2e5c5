// Article-level evaluation of actor presence against a gold file in the format of
// ../shared/gold/seeds.json: [{"file": "...", "actors": [{"name", "type", "optional", "forms"}]}].
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/gazetteer/gazetteer.h"

namespace actorgraph {

struct GoldActor {
  std::string name;  // English name; mapped to the gazetteer by label_en or an English alias
  std::string type;
  bool optional = false;
  std::vector<std::string> forms;
};

struct GoldDocument {
  std::string file;  // matched to a document by id (file stem) or file name
  std::vector<GoldActor> actors;
};

// Throws Error naming the file, entry and field, also for a document listed twice (two `file`s
// with one id) and a name listed twice in one document: either would be scored twice.
std::vector<GoldDocument> LoadGold(const std::string& path);
// The same from the file's contents; `path` is used in messages.
std::vector<GoldDocument> ParseGold(std::string_view contents, const std::string& path);

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
  double Recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct EvalError {
  std::string doc;
  std::string name;  // gold name (miss) or label_en (false hit)
  std::string type;
  std::string actor;    // actor id ("" when the gold name is not in the gazetteer)
  std::string surface;  // what matched (false hit) or the gold forms (miss)
};

struct EvalReport {
  Counts overall;
  std::map<std::string, Counts> by_type;
  std::vector<EvalError> misses;
  std::vector<EvalError> false_hits;
  std::vector<std::string> missing_documents;  // gold files not among the inputs
  int documents = 0;                           // documents evaluated
};

// What the extractor found in one document: actor index -> surface forms.
using Found = std::map<int, std::set<std::string>>;

// The English names a gold file uses, resolved to actors: every English alias (the label_en is
// one) of every actor, keyed by MatchKey (text/segment.h: normalised, case-folded, tokens joined
// by one space). Building it costs one MatchKey per English alias (about 6,000 for the shipped
// gazetteer), so a caller that evaluates many gold files against one gazetteer builds it once.
// When two actors share an English alias, the first actor in gazetteer order keeps it.
class GoldNameIndex {
 public:
  explicit GoldNameIndex(const Gazetteer& gazetteer);
  // The actor index of an English name, or -1 when no actor has it.
  int Find(std::string_view english_name) const;
  // The number of actors of the gazetteer it was built from.
  size_t actor_count() const { return actor_count_; }

 private:
  std::map<std::string, int, std::less<>> by_key_;
  size_t actor_count_ = 0;
};

// `found` is keyed by document id. Two gold names of one actor in a document count as one
// expected actor. The first form builds a GoldNameIndex of `gazetteer`; the second uses `names`,
// built from the same gazetteer; throws Error when its actor count differs.
EvalReport Evaluate(const std::vector<GoldDocument>& gold, const Gazetteer& gazetteer,
                    const std::map<std::string, Found>& found);
EvalReport Evaluate(const std::vector<GoldDocument>& gold, const Gazetteer& gazetteer,
                    const GoldNameIndex& names, const std::map<std::string, Found>& found);

}  // namespace actorgraph
