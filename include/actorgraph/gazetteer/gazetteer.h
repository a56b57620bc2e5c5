// The actor list: people, states, groups and media with their names in Arabic and English.
// File format (v1) is documented in gazetteer/README.md: JSON files, or CSV/TSV tables with the
// columns of gazetteer_table.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

// kMedia: news agencies and outlets (AFP, وكالة الأنباء العراقية); found and listed, left out of
// networks unless asked for (--types).
enum class ActorType : uint8_t { kPerson, kState, kGroup, kMedia };
inline constexpr size_t kActorTypes = 4;

// How a mention matched: the actor's own name or label, another alias, a demonym (nisba) of a
// state, a capital/seat of government standing for a state, or a title resolved to the holder of
// an office on the document's date (match/roles.h; only with --roles).
enum class How : uint8_t { kName, kAlias, kDemonym, kCapital, kRole };

// A: always on. B: counts only in a document where the same actor was named by a tier-A form (or
// where one of the alias's triggers stands right before it). C: never matched alone (listed for
// reference and for the linter).
enum class Tier : uint8_t { kA, kB, kC };

std::string_view ToString(ActorType t);
std::string_view ToString(How h);
std::string_view ToString(Tier t);
// "person" | "state" | "group" | "media"; false when `s` is none of them.
bool ParseActorType(std::string_view s, ActorType* t);

struct Alias {
  std::string text;  // as written in the gazetteer (not normalised)
  std::string lang;  // "ar" or "en"
  Tier tier = Tier::kA;
  How how = How::kAlias;
  std::vector<std::string> triggers;  // words that, right before a tier-B alias, make it count
  bool generated = false;             // a nisba form generated from a demonym stem
  // Latin script only. false ("case": "name", the default): the alias's capitals are required in
  // the text (US, not us; China, not china). true ("case": "any"): any case matches, for the rare
  // alias that is written in lower case in running text. docs/matching.md, kind 3.
  bool any_case = false;
};

struct Role {
  std::string title;  // e.g. "Prime Minister of Iraq"
  std::string start;  // YYYY-MM-DD
  std::string end;    // YYYY-MM-DD, empty while in office
};

struct Actor {
  std::string id;  // stable, [a-z0-9_]+
  ActorType type = ActorType::kPerson;
  std::string label_ar;
  std::string label_en;
  std::vector<Alias> aliases;              // labels, aliases, capitals and demonyms, flattened
  std::vector<std::string> demonym_stems;  // Arabic masculine nisba, e.g. عراقي
  std::vector<std::string> demonym_block;  // generated forms never to produce, e.g. مالي
  std::vector<std::string> affiliations;   // ids of states or groups
  std::vector<Role> roles;
  std::string wikidata;  // optional Q-id
  std::string
      source;  // optional: where the entry's spelling and dates were checked (URL or reference)
  std::string note;  // optional free text for editors (never matched)
  std::string file;  // the file that defined the actor
};

// A problem found while loading or linting a gazetteer file.
struct GazetteerProblem {
  std::string file;
  std::string id;     // actor id, or "#N" (entry index) when the entry has no usable id
  std::string field;  // e.g. "aliases.ar[2]"
  std::string message;
  // "file: actor 'id': field 'f': message", one line (OneLine)
  std::string ToString() const;
};

class Gazetteer {
 public:
  // Loads files and folders (every *.json, *.csv and *.tsv below a folder, in sorted order; CSV and
  // TSV files are gazetteer tables, gazetteer_table.h). An id defined twice is
  // an error naming both files; an entry with "extends" adds aliases to an actor defined earlier.
  // Throws Error naming file, entry and field on malformed input; with `problems`, collects them
  // and skips the bad entries instead (as AddFile does). A missing file always throws.
  static Gazetteer Load(const std::vector<std::filesystem::path>& paths,
                        std::vector<GazetteerProblem>* problems = nullptr);
  // Parses one file's contents (for tests and standard input); `name` is used in messages. Without
  // `problems` the first problem throws Error; with it, problems are collected and bad entries
  // skipped.
  void AddFile(std::string_view contents, const std::string& name,
               std::vector<GazetteerProblem>* problems = nullptr);
  // Parses one CSV (delimiter ',') or TSV ('\t') gazetteer table; problems name the file, line
  // and column of the cell ("file:3:5").
  void AddTableFile(std::string_view contents, const std::string& name, char delimiter,
                    std::vector<GazetteerProblem>* problems = nullptr);
  // Expands files and folders into the *.json, *.csv and *.tsv files Load reads, in load order.
  static std::vector<std::filesystem::path> ExpandPaths(
      const std::vector<std::filesystem::path>& paths);
  // Generates the nisba forms of every state; call once after the last AddFile (Load does).
  void Finish();

  const std::vector<Actor>& actors() const { return actors_; }
  const Actor* Find(std::string_view id) const;  // nullptr when unknown
  // Index into actors(), or -1.
  int IndexOf(std::string_view id) const;
  // SHA-256, as 64 hex digits, of the loaded entries in a canonical form (every field of every
  // actor that matching or outputs use, in load order; not `note`), so a CSV table and a JSON file
  // with the same entries hash alike (recorded in outputs). Computed once after the last file
  // (Finish, or the first call after an AddFile), not per file. Not thread-safe before Finish.
  const std::string& hash() const;
  const std::vector<std::string>& files() const { return files_; }

  // Follows affiliations to the first state: the actor's country id, or "" when none.
  std::string CountryOf(const Actor& a) const;

 private:
  std::vector<Actor> actors_;
  std::map<std::string, int, std::less<>> index_;
  std::vector<std::string> files_;
  // `doc` is a parsed nlohmann::json; `locate(entry, field)` names the table cell of a field.
  void AddJson(const void* doc, const std::string& name, std::vector<GazetteerProblem>* problems,
               const std::function<std::string(size_t, const std::string&)>& locate);
  // The fast path of AddFile (issue 16): parses `contents` with simdjson and adds its entries when
  // the whole file is free of problems; otherwise changes nothing and returns false, and AddFile
  // parses it with nlohmann to report the problem (so messages are the same either way).
  bool AddJsonFast(std::string_view contents, const std::string& name);
  void Rehash() const;
  mutable std::string hash_;
  mutable bool hash_stale_ = true;
  bool finished_ = false;
};

// The nisba forms generated from a stem (spec (d)): S, Sة, Sون, Sين, Sان, Sتان, Sتين, Sات, Sا, each
// also with ال. Proclitics are added later by the matcher for every alias.
std::vector<std::string> NisbaForms(std::string_view stem);

}  // namespace actorgraph
