#include "actorgraph/gazetteer/gazetteer_table.h"

#include <csv.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "actorgraph/base/error.h"
#include "actorgraph/base/json_error.h"
#include "actorgraph/base/utf8.h"

namespace actorgraph {
namespace {

using ojson = nlohmann::ordered_json;

struct ParseState {
  std::vector<std::vector<TableCell>>* rows;
  std::vector<TableCell> row;
  uint32_t line = 1;        // line of the byte being fed
  uint32_t start_line = 1;  // line the current field starts on
  bool need_start = true;   // the next non-line-break byte starts a field
  bool after_row = true;
  uint32_t field = 1;  // 1-based field index in the row
};

void OnField(void* s, size_t len, void* data) {
  auto* st = static_cast<ParseState*>(data);
  st->row.push_back({std::string(static_cast<const char*>(s), len), st->start_line, st->field});
  ++st->field;
  st->need_start = true;
  st->after_row = false;
}

void OnRow(int, void* data) {
  auto* st = static_cast<ParseState*>(data);
  if (!st->row.empty()) st->rows->push_back(std::move(st->row));
  st->row.clear();
  st->field = 1;
  st->need_start = true;
  st->after_row = true;
}

const std::vector<std::string> kColumns = {
    "id",          "extends",     "type",          "label_ar",     "label_en",
    "aliases_ar",  "aliases_en",  "capitals_ar",   "capitals_en",  "demonym_stems",
    "demonyms_ar", "demonyms_en", "demonym_block", "affiliations", "roles",
    "wikidata",    "source",      "note",          "tier"};

std::vector<std::string> SplitBar(const std::string& cell) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t bar = cell.find('|', start);
    std::string item =
        cell.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    size_t b = item.find_first_not_of(" \t");
    size_t e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

// The column that holds a JSON field: "aliases.ar[2]" -> "aliases_ar", "roles[0].end" -> "roles".
std::string ColumnFor(const std::string& field) {
  std::string f = field.substr(0, field.find('['));
  if (f == "label.ar" || f == "label.en" || f == "aliases.ar" || f == "aliases.en" ||
      f == "capitals.ar" || f == "capitals.en" || f == "demonyms.ar" || f == "demonyms.en") {
    std::replace(f.begin(), f.end(), '.', '_');
    return f;
  }
  if (f == "demonyms.stems") return "demonym_stems";
  if (f == "demonyms.block") return "demonym_block";
  if (f.starts_with("aliases")) return "aliases_ar";
  if (f.starts_with("label")) return "label_ar";
  return f.substr(0, f.find('.'));
}

// "name{B:w1,w2}" -> alias item (a string for tier A without triggers).
ojson AliasItem(const std::string& item, const std::string& default_tier,
                const std::string& where) {
  std::string text = item, tier = default_tier;
  std::vector<std::string> triggers;
  if (!item.empty() && item.back() == '}') {
    size_t open = item.rfind('{');
    if (open == std::string::npos) throw Error(where + ": '" + item + "' has '}' without '{'");
    std::string inside = item.substr(open + 1, item.size() - open - 2);
    text = item.substr(0, open);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    size_t colon = inside.find(':');
    tier = inside.substr(0, colon);
    if (colon != std::string::npos) {
      std::string rest = inside.substr(colon + 1);
      size_t start = 0;
      while (start <= rest.size()) {
        size_t comma = rest.find(',', start);
        std::string w =
            rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        size_t b = w.find_first_not_of(' '), e = w.find_last_not_of(' ');
        if (b != std::string::npos) triggers.push_back(w.substr(b, e - b + 1));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
  }
  if (tier.empty()) tier = "A";
  if (tier != "A" && tier != "B" && tier != "C")
    throw Error(where + ": '" + item + "': tier '" + tier + "' is not A, B or C");
  if (text.empty()) throw Error(where + ": empty name in '" + item + "'");
  if (tier == "A" && triggers.empty()) return text;
  ojson o;
  o["text"] = text;
  o["tier"] = tier;
  if (!triggers.empty()) o["triggers"] = triggers;
  return o;
}

std::string Quote(const std::string& cell, char delimiter) {
  bool needs = cell.find_first_of(std::string("\"\r\n") + delimiter) != std::string::npos ||
               (!cell.empty() && (cell.front() == ' ' || cell.back() == ' ' ||
                                  cell.front() == '\t' || cell.back() == '\t'));
  if (!needs) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

bool IsTablePath(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".csv" || ext == ".tsv";
}

char TableDelimiter(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".tsv" ? '\t' : ',';
}

std::vector<std::vector<TableCell>> ParseTable(std::string_view text, char delimiter,
                                               const std::string& name) {
  std::vector<std::vector<TableCell>> rows;
  // Excel's "CSV UTF-8" starts the file with a byte order mark.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    throw Error(name + ": cannot start the CSV parser");
  csv_set_delim(&p, static_cast<unsigned char>(delimiter));
  ParseState st;
  st.rows = &rows;
  // Bytes are fed one at a time so that every field knows the line and column it starts at.
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (st.need_start && !(st.after_row && (c == '\n' || c == '\r'))) {
      st.start_line = st.line;
      st.need_start = false;
    }
    if (csv_parse(&p, &text[i], 1, OnField, OnRow, &st) != 1) {
      std::string msg = csv_strerror(csv_error(&p));
      csv_free(&p);
      throw Error(name + ":" + std::to_string(st.line) + ":" + std::to_string(st.field) +
                  ": malformed " + (delimiter == '\t' ? "TSV" : "CSV") + " (" + msg +
                  "; quote a field with \" and write a quote inside it as \"\")");
    }
    if (c == '\n') ++st.line;
  }
  if (csv_fini(&p, OnField, OnRow, &st) != 0) {
    csv_free(&p);
    throw Error(name + ":" + std::to_string(st.start_line) + ":" + std::to_string(st.field) +
                ": malformed " + (delimiter == '\t' ? "TSV" : "CSV") +
                " (a quoted field is not closed)");
  }
  csv_free(&p);
  return rows;
}

std::string GazetteerTableToJson(
    std::string_view table, char delimiter, const std::string& name,
    std::vector<std::function<std::string(const std::string&)>>* locate) {
  if (table.starts_with("\xFF\xFE") || table.starts_with("\xFE\xFF"))
    throw Error(name +
                ":1:1: the table is UTF-16 (Excel's \"Unicode text\"); save it as UTF-8 (Excel: "
                "\"CSV UTF-8\") or convert it: iconv -f utf-16 -t utf-8");
  auto rows = ParseTable(table, delimiter, name);
  if (rows.empty()) throw Error(name + ":1:1: empty table (the first row names the columns)");
  auto pos = [&](uint32_t line, uint32_t col) {
    return name + ":" + std::to_string(line) + ":" + std::to_string(col);
  };
  // Excel saves "CSV" in the Windows code page (windows-1256 on Arabic systems): say so at the
  // first cell that is not UTF-8, rather than let the JSON writer fail on it.
  for (const auto& row : rows)
    for (const TableCell& c : row)
      if (int64_t bad = FindInvalidUtf8(c.text); bad >= 0)
        throw Error(pos(c.line, c.column) + ": byte " + std::to_string(bad) +
                    " of the cell: invalid UTF-8; save the table as UTF-8 (Excel: \"CSV UTF-8\") "
                    "or convert it, e.g. iconv -f cp1256 -t utf-8");
  std::map<std::string, uint32_t> columns;  // name -> 1-based column
  std::vector<std::string> header;
  for (const TableCell& c : rows[0]) {
    std::string h = c.text;
    std::transform(h.begin(), h.end(), h.begin(), ::tolower);
    if (h == "affiliation") h = "affiliations";
    if (std::find(kColumns.begin(), kColumns.end(), h) == kColumns.end())
      throw Error(pos(c.line, c.column) + ": unknown column '" + c.text + "'");
    if (!columns.emplace(h, c.column).second)
      throw Error(pos(c.line, c.column) + ": column '" + h + "' appears twice");
    header.push_back(h);
  }
  for (const char* required : {"type", "label_ar", "label_en"})
    if (!columns.count(required)) throw Error(pos(1, 1) + ": missing column '" + required + "'");
  if (!columns.count("id") && !columns.count("extends"))
    throw Error(pos(1, 1) + ": missing column 'id'");

  ojson doc;
  doc["actorgraph_gazetteer"] = 1;
  doc["description"] = "converted from " + name;
  doc["actors"] = ojson::array();
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() > header.size())
      throw Error(pos(row[header.size()].line, row[header.size()].column) +
                  ": more cells than columns");
    std::map<std::string, const TableCell*> cell;
    for (size_t k = 0; k < row.size(); ++k)
      if (!row[k].text.empty()) cell[header[k]] = &row[k];
    uint32_t line = row.empty() ? 0 : row[0].line;
    if (cell.empty()) continue;
    auto where = [&](const std::string& col) {
      auto it = columns.find(col);
      return pos(line, it == columns.end() ? 1 : it->second);
    };
    auto get = [&](const std::string& col) -> std::string {
      auto it = cell.find(col);
      return it == cell.end() ? "" : it->second->text;
    };
    std::string tier = get("tier");
    ojson e;
    if (!get("id").empty()) e["id"] = get("id");
    if (!get("extends").empty()) e["extends"] = get("extends");
    if (!get("type").empty()) e["type"] = get("type");
    if (!get("label_ar").empty() || !get("label_en").empty()) {
      ojson label = ojson::object();
      if (!get("label_ar").empty()) label["ar"] = get("label_ar");
      if (!get("label_en").empty()) label["en"] = get("label_en");
      e["label"] = label;
    }
    auto lists = [&](const char* key, const char* col_ar, const char* col_en, bool tiers) {
      ojson o = ojson::object();
      for (auto [lang, col] : {std::pair{"ar", col_ar}, std::pair{"en", col_en}}) {
        std::string v = get(col);
        if (SplitBar(v).empty()) continue;  // empty, or only '|': no items, no field
        ojson items = ojson::array();
        for (const auto& item : SplitBar(v))
          items.push_back(tiers ? AliasItem(item, tier, where(col)) : ojson(item));
        o[lang] = items;
      }
      if (!o.empty()) e[key] = o;
    };
    lists("aliases", "aliases_ar", "aliases_en", true);
    lists("capitals", "capitals_ar", "capitals_en", true);
    {
      ojson d = ojson::object();
      if (!SplitBar(get("demonym_stems")).empty()) d["stems"] = SplitBar(get("demonym_stems"));
      for (auto [lang, col] : {std::pair{"ar", "demonyms_ar"}, std::pair{"en", "demonyms_en"}}) {
        if (SplitBar(get(col)).empty()) continue;
        ojson items = ojson::array();
        for (const auto& item : SplitBar(get(col)))
          items.push_back(AliasItem(item, tier, where(col)));
        d[lang] = items;
      }
      if (!SplitBar(get("demonym_block")).empty()) d["block"] = SplitBar(get("demonym_block"));
      if (!d.empty()) e["demonyms"] = d;
    }
    if (!SplitBar(get("affiliations")).empty()) e["affiliations"] = SplitBar(get("affiliations"));
    if (!SplitBar(get("roles")).empty()) {
      ojson roles = ojson::array();
      for (const auto& item : SplitBar(get("roles"))) {
        size_t at = item.rfind('@');
        if (at == std::string::npos)
          throw Error(where("roles") + ": role '" + item + "' is not title@start..end");
        std::string dates = item.substr(at + 1);
        size_t dots = dates.find("..");
        ojson role;
        role["title"] = item.substr(0, at);
        std::string start = dates.substr(0, dots);
        std::string end = dots == std::string::npos ? "" : dates.substr(dots + 2);
        if (!start.empty()) role["start"] = start;
        if (!end.empty()) role["end"] = end;
        roles.push_back(role);
      }
      e["roles"] = roles;
    }
    for (const char* col : {"wikidata", "source", "note"})
      if (!get(col).empty()) e[col] = get(col);
    doc["actors"].push_back(e);
    if (locate != nullptr)
      locate->push_back([columns, line, name](const std::string& field) {
        auto it = columns.find(ColumnFor(field));
        return name + ":" + std::to_string(line) + ":" +
               std::to_string(it == columns.end() ? 1 : it->second);
      });
  }
  return doc.dump(2, ' ', false, ojson::error_handler_t::replace);  // a file name not in UTF-8
}

std::string GazetteerJsonToTable(std::string_view json_text, char delimiter,
                                 const std::string& name) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(name + ": malformed JSON " + JsonErrorAt(e.what(), e.byte));
  } catch (const nlohmann::json::exception& e) {  // out_of_range: a number too large for a double
    throw Error(name + ": malformed JSON: " + JsonExceptionReason(e.what()));
  }
  if (!doc.is_object() || !doc.contains("actors") || !doc["actors"].is_array())
    throw Error(name + ": field 'actors': missing or not a list");
  std::vector<std::string> cols(kColumns.begin(), kColumns.end() - 1);  // no "tier" column
  std::string out;
  auto put_row = [&](const std::vector<std::string>& cells) {
    for (size_t k = 0; k < cells.size(); ++k) {
      if (k) out += delimiter;
      out += Quote(cells[k], delimiter);
    }
    out += "\r\n";  // RFC 4180 line breaks
  };
  put_row(cols);
  const auto& actors = doc["actors"];
  for (size_t i = 0; i < actors.size(); ++i) {
    const auto& e = actors[i];
    std::string who = e.is_object() && e.contains("id") && e["id"].is_string()
                          ? e["id"].get<std::string>()
                          : "#" + std::to_string(i);
    auto fail = [&](const std::string& field, const std::string& msg) {
      return Error(name + ": actor '" + who + "': field '" + field + "': " + msg);
    };
    if (!e.is_object()) throw fail("", "expected an object");
    std::map<std::string, std::string> cell;
    auto str = [&](const nlohmann::json& v, const std::string& field) {
      if (!v.is_string()) throw fail(field, "expected a string");
      return v.get<std::string>();
    };
    auto item_text = [&](const nlohmann::json& item, const std::string& field) {
      std::string text, tier = "A";
      std::vector<std::string> triggers;
      if (item.is_string()) {
        text = item.get<std::string>();
      } else if (item.is_object() && item.contains("text")) {
        for (auto it = item.begin(); it != item.end(); ++it)
          if (it.key() != "text" && it.key() != "tier" && it.key() != "triggers")
            throw fail(field + "." + it.key(), "unknown field");
        text = str(item["text"], field + ".text");
        if (item.contains("tier")) tier = str(item["tier"], field + ".tier");
        if (item.contains("triggers"))
          for (const auto& t : item["triggers"]) triggers.push_back(str(t, field + ".triggers"));
      } else {
        throw fail(field, "expected a string or an object with \"text\"");
      }
      if (text.find_first_of("|{}") != std::string::npos)
        throw fail(field,
                   "'" + text + "' contains '|', '{' or '}', which a table cell cannot hold");
      for (const auto& t : triggers)
        if (t.find_first_of("|{},:") != std::string::npos)
          throw fail(field + ".triggers", "'" + t + "' cannot be written in a table cell");
      if (tier == "A" && triggers.empty()) return text;
      std::string s = text + "{" + tier;
      for (size_t k = 0; k < triggers.size(); ++k) s += (k ? "," : ":") + triggers[k];
      return s + "}";
    };
    auto join = [&](const nlohmann::json& list, const std::string& field, bool aliases) {
      if (!list.is_array()) throw fail(field, "expected a list");
      std::string s;
      for (size_t k = 0; k < list.size(); ++k) {
        std::string f = field + "[" + std::to_string(k) + "]";
        std::string t = aliases ? item_text(list[k], f) : str(list[k], f);
        if (!aliases && t.find('|') != std::string::npos)
          throw fail(f, "'" + t + "' contains '|', which a table cell cannot hold");
        s += (k ? "|" : "") + t;
      }
      return s;
    };
    for (auto it = e.begin(); it != e.end(); ++it) {
      const std::string& key = it.key();
      const auto& v = it.value();
      if (v.is_null()) continue;
      if (key == "id" || key == "extends" || key == "type" || key == "wikidata" ||
          key == "source" || key == "note") {
        cell[key] = str(v, key);
      } else if (key == "label") {
        if (!v.is_object()) throw fail("label", "expected an object");
        for (auto l = v.begin(); l != v.end(); ++l) {
          if (l.key() != "ar" && l.key() != "en") throw fail("label." + l.key(), "unknown field");
          cell["label_" + l.key()] = str(l.value(), "label." + l.key());
        }
      } else if (key == "aliases" || key == "capitals" || key == "demonyms") {
        if (!v.is_object()) throw fail(key, "expected an object");
        for (auto l = v.begin(); l != v.end(); ++l) {
          std::string f = key + "." + l.key();
          if (l.key() == "ar" || l.key() == "en")
            cell[key + "_" + l.key()] = join(l.value(), f, true);
          else if (key == "demonyms" && l.key() == "stems")
            cell["demonym_stems"] = join(l.value(), f, false);
          else if (key == "demonyms" && l.key() == "block")
            cell["demonym_block"] = join(l.value(), f, false);
          else
            throw fail(f, "unknown field");
        }
      } else if (key == "affiliations") {
        cell["affiliations"] = join(v, key, false);
      } else if (key == "roles") {
        if (!v.is_array()) throw fail("roles", "expected a list");
        std::string s;
        for (size_t k = 0; k < v.size(); ++k) {
          std::string f = "roles[" + std::to_string(k) + "]";
          const auto& r = v[k];
          if (!r.is_object()) throw fail(f, "expected an object");
          for (auto x = r.begin(); x != r.end(); ++x)
            if (x.key() != "title" && x.key() != "start" && x.key() != "end")
              throw fail(f + "." + x.key(), "a table cell cannot hold this field");
          std::string title = r.contains("title") ? str(r["title"], f + ".title") : "";
          if (title.find_first_of("|@") != std::string::npos)
            throw fail(f + ".title", "'" + title + "' contains '|' or '@'");
          std::string start = r.contains("start") ? str(r["start"], f + ".start") : "";
          std::string end = r.contains("end") ? str(r["end"], f + ".end") : "";
          s += (k ? "|" : "") + title + "@" + start + (end.empty() ? "" : ".." + end);
        }
        cell["roles"] = s;
      } else {
        throw fail(key, "unknown field");
      }
    }
    std::vector<std::string> cells;
    for (const auto& c : cols) cells.push_back(cell.count(c) ? cell[c] : "");
    put_row(cells);
  }
  return out;
}

}  // namespace actorgraph
