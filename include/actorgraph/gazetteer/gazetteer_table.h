// Gazetteers kept as spreadsheets: CSV and TSV tables (RFC 4180 quoting, parsed with libcsv) with
// one actor per row, converted to and from the JSON format of gazetteer/README.md.
//
// The first row names the columns, in any order; unknown columns are an error. Columns:
//   id | extends     one of them per row (extends: adds to an actor loaded from an earlier file)
//   type             person, state, group or media
//   label_ar, label_en
//   aliases_ar, aliases_en, capitals_ar, capitals_en, demonyms_ar, demonyms_en
//                    names separated by '|'; a name may end in {B} or {C} (its tier) or
//                    {B:word,word} (tier B with triggers); without braces it has the row's tier
//   tier             the default tier of the row's aliases (A when empty)
//   demonym_stems, demonym_block, affiliations      '|'-separated
//   roles            '|'-separated "title@start..end" (end empty while in office; dates YYYY-MM-DD)
//   wikidata, source, note
// Empty cells are absent fields. Cells are trimmed of surrounding spaces (quote them to keep any).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

// True for a path ending in .csv or .tsv (case-insensitive).
bool IsTablePath(const std::filesystem::path& path);
// ',' for .csv, '\t' for .tsv.
char TableDelimiter(const std::filesystem::path& path);

// One cell of a parsed table, with its 1-based position (column in fields, not bytes).
struct TableCell {
  std::string text;
  uint32_t line = 0;
  uint32_t column = 0;
};

// Parses CSV/TSV text by RFC 4180 (double quotes around fields, "" inside them, line breaks
// allowed inside quotes; CRLF or LF rows; a leading UTF-8 byte order mark, as Excel writes, is
// skipped). Blank lines are skipped. Throws Error
// "name:line:column: message" on malformed quoting.
std::vector<std::vector<TableCell>> ParseTable(std::string_view text, char delimiter,
                                               const std::string& name);

// A gazetteer table as the JSON document of the same entries. `locate`, when given, receives for
// each entry a function from a JSON field name ("aliases.ar[2]", "label.en") to "name:line:column"
// of the cell that holds it. Throws Error "name:line:column: …" on a malformed table, an unknown
// column, or a malformed alias or role item.
std::string GazetteerTableToJson(
    std::string_view table, char delimiter, const std::string& name,
    std::vector<std::function<std::string(const std::string& field)>>* locate = nullptr);

// A JSON gazetteer as a table with every column above (the tier column left out: tiers are
// written per alias). Throws Error naming the file, entry and field when a value cannot be held by
// a cell (a name containing '|' or braces, a role title containing '@'), or on malformed JSON.
// The top-level "description" is not kept.
std::string GazetteerJsonToTable(std::string_view json_text, char delimiter,
                                 const std::string& name);

}  // namespace actorgraph
