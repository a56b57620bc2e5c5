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

// Throws Error naming the file, entry and field.
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

// `found` is keyed by document id.
EvalReport Evaluate(const std::vector<GoldDocument>& gold, const Gazetteer& gazetteer,
                    const std::map<std::string, Found>& found);

}  // namespace actorgraph
