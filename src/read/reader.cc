#include "actorgraph/read/reader.h"

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "actorgraph/base/error.h"
#include "actorgraph/read/date.h"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

bool HasExtension(const fs::path& p, std::string_view ext) { return p.extension() == ext; }

std::string FieldString(const nlohmann::json& obj, const char* field, const std::string& where) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer() && std::string_view(field) == "id") return it->dump();
  throw Error(where + ": field '" + field + "': expected a string");
}

}  // namespace

int64_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return static_cast<int64_t>(i);
    }
    if (i + len > n) return static_cast<int64_t>(i);
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return static_cast<int64_t>(i);
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return static_cast<int64_t>(i);
    i += len;
  }
  return -1;
}

bool IsIsoDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  int month = (d[5] - '0') * 10 + (d[6] - '0');
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string TxtDocumentId(const fs::path& path) { return path.stem().string(); }

DocumentReader::DocumentReader(const std::vector<std::string>& inputs, ReaderOptions options)
    : options_(std::move(options)) {
  for (const auto& input : inputs) {
    if (input == "-") {
      files_.push_back(input);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) throw Error(input + ": no such file or folder");
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(
               input, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto& p = it->path();
        if (p.filename().string().starts_with(".")) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && (HasExtension(p, ".txt") || HasExtension(p, ".jsonl")))
          found.push_back(p.string());
      }
      if (ec) throw Error(input + ": cannot list folder: " + ec.message());
      std::sort(found.begin(), found.end());
      files_.insert(files_.end(), found.begin(), found.end());
    } else {
      files_.push_back(input);
    }
  }
  for (const auto& f : files_) {
    if (f == "-") continue;
    std::ifstream probe(f, std::ios::binary);
    if (!probe) throw Error(f + ": cannot open for reading");
    std::error_code ec;
    auto size = fs::file_size(f, ec);
    if (!ec) total_bytes_ += size;
  }
}

DocumentReader::~DocumentReader() = default;

void DocumentReader::Skip(const std::string& message) {
  if (options_.strict) throw Error(message);
  ++skipped_;
  if (options_.warn) options_.warn(message + "; document skipped");
}

bool DocumentReader::OpenNext() {
  file_.reset();
  in_ = nullptr;
  has_pending_ = false;
  if (next_file_ >= files_.size()) return false;
  current_ = files_[next_file_++];
  line_ = 0;
  if (current_ == "-") {
    in_ = &std::cin;
    // Sniff: JSONL when the first non-blank character is '{'.
    jsonl_ = false;
    int c;
    while ((c = in_->peek()) != EOF && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      in_->get();
      ++bytes_read_;
      if (c == '\n') ++line_;
    }
    jsonl_ = (c == '{');
    current_ = "<stdin>";
    return true;
  }
  file_ = std::make_unique<std::ifstream>(current_, std::ios::binary);
  if (!*file_) throw Error(current_ + ": cannot open for reading");
  in_ = file_.get();
  jsonl_ = HasExtension(current_, ".jsonl");
  return true;
}

bool DocumentReader::ReadTxt(std::istream& in, const std::string& name, Document* doc) {
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  bytes_read_ += text.size();
  if (int64_t bad = FindInvalidUtf8(text); bad >= 0) {
    Skip(name + ": byte " + std::to_string(bad) + ": invalid UTF-8");
    return false;
  }
  *doc = Document{};
  doc->origin = name;
  doc->id = name == "<stdin>" ? "stdin" : TxtDocumentId(name);
  // Title: the first non-empty line.
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view line(text.data() + pos, eol - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) {
      doc->title = std::string(line);
      break;
    }
    pos = eol + 1;
  }
  doc->text = std::move(text);
  return true;
}

bool DocumentReader::NextJsonl(Document* doc) {
  std::string line;
  while (std::getline(*in_, line)) {
    ++line_;
    bytes_read_ += line.size() + 1;
    std::string where = current_ + ":" + std::to_string(line_);
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;  // blank lines are allowed
    if (int64_t bad = FindInvalidUtf8(line); bad >= 0) {
      Skip(where + ": byte " + std::to_string(bad) + " of the line: invalid UTF-8");
      continue;
    }
    nlohmann::json obj;
    try {
      obj = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      Skip(where + ": malformed JSON at byte " + std::to_string(e.byte) + " of the line");
      continue;
    }
    try {
      if (!obj.is_object()) throw Error(where + ": expected a JSON object");
      auto text = obj.find("text");
      if (text == obj.end() || !text->is_string())
        throw Error(where + ": field 'text': missing or not a string");
      Document d;
      d.origin = where;
      d.text = text->get<std::string>();
      d.id = FieldString(obj, "id", where);
      if (d.id.empty())
        d.id = (current_ == "<stdin>" ? std::string("stdin") : TxtDocumentId(current_)) + ":" +
               std::to_string(line_);
      d.title = FieldString(obj, "title", where);
      if (!d.title.empty()) {
        // The title is read like a .txt file's first line: the opening paragraph of the text, so
        // one article gives the same network from .txt and from JSONL. Offsets count from it.
        d.text = d.title + "\n\n" + d.text;
      }
      d.source = FieldString(obj, "source", where);
      d.url = FieldString(obj, "url", where);
      std::string date = FieldString(obj, "date", where);
      if (!date.empty()) {
        d.date = ParseDate(date);  // the timeline works by day
        if (d.date.empty()) {
          ++undated_;
          if (options_.warn)
            options_.warn(where + ": field 'date': '" + date +
                          "' is not a date actorgraph can read; document kept, undated");
        }
      }
      *doc = std::move(d);
      return true;
    } catch (const Error& e) {
      Skip(e.what());
    }
  }
  if (in_->bad()) throw Error(current_ + ": read error");
  return false;
}

bool DocumentReader::Next(Document* doc) {
  for (;;) {
    if (in_ == nullptr && !OpenNext()) return false;
    bool got = false;
    if (jsonl_) {
      got = NextJsonl(doc);
    } else {
      got = ReadTxt(*in_, current_, doc);
      in_ = nullptr;  // one article per .txt input
      if (!got) continue;
    }
    if (got) {
      doc->seq = documents_++;
      return true;
    }
    in_ = nullptr;
  }
}

}  // namespace actorgraph
