#include "actorgraph/read/reader.h"

#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <deque>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>

#include "actorgraph/base/error.h"
#include "actorgraph/base/file_identity.h"
#include "actorgraph/base/json_error.h"
#include "actorgraph/read/date.h"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

// The extension of `p`, lowercased ASCII (".JSONL" is ".jsonl").
std::string LowerExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}
bool IsJsonlName(const fs::path& p) {
  std::string ext = LowerExtension(p);
  return ext == ".jsonl" || ext == ".ndjson";
}
bool IsTextName(const fs::path& p) { return LowerExtension(p) == ".txt"; }

std::string FieldString(const nlohmann::json& obj, const char* field, const std::string& where) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  // An integer id is its digits; an integer date (20240515, or a Unix time) is read as its digits.
  if (it->is_number_integer() && std::string_view(field) == "id") return it->dump();
  // A date of any other type (2024.5, true, a number beyond 64 bits) is its JSON text: ParseDate
  // cannot read it, so the document is kept undated with a warning, as for any unreadable date.
  if (std::string_view(field) == "date") return it->dump();
  throw Error(where + ": field '" + field + "': expected a string");
}

}  // namespace

bool IsIsoDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  int month = (d[5] - '0') * 10 + (d[6] - '0');
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string TxtDocumentId(const fs::path& path) { return path.stem().string(); }

LineReader::LineReader(std::istream& in, uint64_t max_line_bytes)
    : in_(&in), max_(max_line_bytes) {}

bool LineReader::Fill() {
  constexpr size_t kChunk = 1 << 16;          // 64 KiB: small files cost little, big ones stream
  if (pos_ > 0 && pos_ >= buf_.size() / 2) {  // keep the buffer from growing without bound
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  errno = 0;
  in_->read(buf_.data() + old, kChunk);
  if (in_->bad() && error_ == 0) error_ = errno ? errno : EIO;
  size_t got = static_cast<size_t>(in_->gcount());
  buf_.resize(old + got);
  return got > 0;
}

std::string LineReader::ErrorReason() const { return std::strerror(error_ ? error_ : EIO); }

std::string_view LineReader::Peek(size_t n) {
  while (buf_.size() - pos_ < n && Fill()) {
  }
  return std::string_view(buf_).substr(pos_, n);
}

std::string LineReader::Rest() {
  while (Fill()) {
  }
  std::string out = buf_.substr(pos_);
  consumed_ += out.size();
  buf_.clear();
  pos_ = 0;
  return out;
}

LineReader::Status LineReader::Next(std::string* line) {
  line->clear();
  size_t scanned = 0;  // bytes after pos_ known to hold no '\n'
  for (;;) {
    const char* base = buf_.data() + pos_;
    size_t avail = buf_.size() - pos_;
    const void* nl = avail > scanned ? std::memchr(base + scanned, '\n', avail - scanned) : nullptr;
    if (nl) {
      size_t len = static_cast<const char*>(nl) - base;
      if (len > max_) break;  // too long, though complete: discard below
      line->assign(base, len);
      pos_ += len + 1;
      consumed_ += len + 1;
      return Status::kLine;
    }
    scanned = avail;
    if (avail > max_) break;
    if (!Fill()) {
      if (avail == 0) return Status::kEnd;
      line->assign(buf_.data() + pos_, avail);
      pos_ += avail;
      consumed_ += avail;
      return Status::kLine;
    }
  }
  // Too long: drop the bytes of this line up to and including its '\n', chunk by chunk.
  for (;;) {
    const char* base = buf_.data() + pos_;
    size_t avail = buf_.size() - pos_;
    if (const void* nl = std::memchr(base, '\n', avail)) {
      size_t len = static_cast<const char*>(nl) - base + 1;
      pos_ += len;
      consumed_ += len;
      return Status::kTooLong;
    }
    pos_ += avail;
    consumed_ += avail;
    if (!Fill()) return Status::kTooLong;
  }
}

DocumentReader::DocumentReader(const std::vector<std::string>& inputs, ReaderOptions options)
    : options_(std::move(options)), decoder_(options_.encoding, options_.min_confidence) {
  std::vector<size_t> origin;  // per file: the input (index) that named it
  for (size_t i = 0; i < inputs.size(); origin.resize(files_.size(), i), ++i) {
    const std::string& input = inputs[i];
    if (input == "-") {
      files_.push_back(input);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) throw Error(input + ": no such file or folder");
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      AddFolder(input, &found);
      std::sort(found.begin(), found.end());
      files_.insert(files_.end(), found.begin(), found.end());
    } else {
      std::ifstream probe(input, std::ios::binary);
      if (!probe) throw Error(input + ": cannot open for reading: " + std::strerror(errno));
      files_.push_back(input);
    }
  }
  // A file named twice (the same argument, a folder and a file in it, a second link to it) is
  // read once: its documents would otherwise count twice, silently. Nothing is lost, so this is
  // a warning only: not counted in skipped(), not an error under --strict. Standard input named
  // twice is read once too (a second read would find it at its end), and so is a file that is
  // also standard input (`- FILE < FILE`, either order).
  // The files of one input named before (a folder given twice, or through a link) are said in
  // one warning, not one per file.
  std::map<FileIdentity, std::string> first_name;
  std::vector<std::string> distinct;
  // Per input: "FILE: the same file as FIRST", or "FILE: named twice" when FIRST is FILE, and
  // whether it was.
  std::map<size_t, std::vector<std::pair<std::string, bool>>> again;
  bool stdin_named = false;
  for (size_t k = 0; k < files_.size(); ++k) {
    std::string& f = files_[k];
    std::optional<FileIdentity> id;  // standard input's when it is a regular file
    if (f == "-") {
      if (stdin_named) {
        if (options_.warn) options_.warn("-: standard input named twice; read once");
        continue;
      }
      stdin_named = true;
      id = IdentityOfRegularFile(STDIN_FILENO);
    } else {
      id = IdentityOf(f);
    }
    if (id) {
      auto [it, fresh] = first_name.emplace(*id, f);
      if (!fresh) {
        bool same_name = f == it->second;
        again[origin[k]].emplace_back(
            same_name ? f + ": named twice" : f + ": the same file as " + it->second, same_name);
        continue;
      }
    }
    distinct.push_back(std::move(f));
  }
  files_ = std::move(distinct);
  for (const auto& [input, lines] : again) {
    if (!options_.warn) break;
    const auto& [first, same_name] = lines[0];
    if (lines.size() == 1)
      options_.warn(first + (same_name ? "" : " (named twice, or a link to it)") + "; read once");
    else
      options_.warn(inputs[input] + ": " + std::to_string(lines.size()) + " files named before (" +
                    first + ", ...; the input named twice, or a link to it); each read once");
  }
  for (const auto& f : files_) {
    if (f == "-") continue;
    std::error_code ec;
    auto size = fs::file_size(f, ec);
    if (!ec) total_bytes_ += size;
  }
}

DocumentReader::DocumentReader(std::istream& in, std::string name, bool jsonl,
                               ReaderOptions options)
    : options_(std::move(options)), decoder_(options_.encoding, options_.min_confidence) {
  external_ = &in;
  files_.push_back(std::move(name));
  jsonl_ = jsonl;
}

// Walks `folder`: first every real subfolder, then the symlinked folders (in sorted order), so the
// files of a folder that is also reachable through a link keep their real path. A folder (by
// device and inode) is entered once only, so a symlink loop ends with one warning and no hang.
void DocumentReader::AddFolder(const std::string& folder, std::vector<std::string>* found) {
  std::set<FileIdentity> visited;
  auto enter = [&](const fs::path& dir) {
    auto id = IdentityOf(dir);
    return id && visited.insert(*id).second;
  };
  std::vector<fs::path> stack{fs::path(folder)};
  std::vector<fs::path> links;  // symlinked folders, walked after the real ones
  enter(stack.back());
  for (;;) {
    if (stack.empty()) {
      if (links.empty()) break;
      std::sort(links.begin(), links.end(), std::greater<>());
      fs::path link = std::move(links.back());
      links.pop_back();
      if (enter(link))
        stack.push_back(std::move(link));
      else if (options_.warn)  // nothing is lost: a warning, also under --strict (like a file
                               // named twice), and no skipped input
        options_.warn(link.string() +
                      ": folder already read (a symlink loop, or a second link to it); folder "
                      "skipped");
      continue;
    }
    fs::path dir = std::move(stack.back());
    stack.pop_back();
    std::error_code ec;
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      entries.push_back(it->path());
    if (ec) {
      Skip(dir.string() + ": cannot list folder: " + ec.message(), "folder");
      continue;
    }
    std::sort(entries.begin(), entries.end());
    std::vector<fs::path> subdirs;
    for (const fs::path& p : entries) {
      if (p.filename().string().starts_with(".")) continue;
      std::error_code sec;
      fs::file_status lst = fs::symlink_status(p, sec);
      bool wanted = IsTextName(p) || IsJsonlName(p);
      fs::file_status st = !sec && fs::is_symlink(lst) ? fs::status(p, sec) : lst;
      if (sec) {  // dangling symlink, symlink loop (ELOOP), permission
        if (wanted) Skip(p.string() + ": cannot open for reading: " + sec.message(), "file");
        continue;
      }
      if (fs::is_directory(st)) {
        if (fs::is_symlink(lst))
          links.push_back(p);
        else if (enter(p))
          subdirs.push_back(p);
        continue;
      }
      if (!wanted || !fs::is_regular_file(st)) continue;
      if (::access(p.c_str(), R_OK) != 0) {
        Skip(p.string() + ": cannot open for reading: " + std::strerror(errno), "file");
        continue;
      }
      found->push_back(p.string());
    }
    for (auto r = subdirs.rbegin(); r != subdirs.rend(); ++r) stack.push_back(std::move(*r));
  }
}

void DocumentReader::Skip(const std::string& message, const char* what) {
  if (options_.strict) throw Error(message);
  if (std::string_view(what) != "folder") ++skipped_;  // skipped() counts documents and files
  if (options_.warn) options_.warn(message + "; " + what + " skipped");
}

// Sets up line reading on `in`; decodes a UTF-16 (BOM or --encoding) input as a whole. False when
// the input was skipped.
bool DocumentReader::Start(std::istream& in, bool sniff) {
  lines_ = std::make_unique<LineReader>(in, options_.max_line_bytes);
  decoded_ = false;
  line_ = 0;
  file_encoding_.clear();
  looked_ahead_ = false;
  bool whole = !decoder_.LineSplittable();
  if (decoder_.IsAuto()) {
    Bom bom = DetectBom(lines_->Peek(3));
    whole = (bom.length && bom.encoding != "UTF-8") ||
            (!bom.length && !GuessUtf16WithoutBom(lines_->Peek(size_t{1} << 16)).empty());
  }
  if (whole) {
    std::string raw = lines_->Rest();
    bytes_read_ += raw.size();
    std::string utf8;
    if (!DecodeBytes(raw, current_, &utf8)) return false;
    owned_ = std::make_unique<std::istringstream>(std::move(utf8));
    lines_ = std::make_unique<LineReader>(*owned_, options_.max_line_bytes);
    decoded_ = true;
  }
  if (sniff) {  // standard input: JSONL when the first non-blank character is '{'
    jsonl_ = false;
    for (size_t n = 4096; n <= (size_t{1} << 24); n *= 4) {
      std::string_view head = lines_->Peek(n);
      if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
      size_t first = head.find_first_not_of(" \t\r\n");
      if (first != std::string_view::npos) {
        jsonl_ = head[first] == '{';
        break;
      }
      if (head.size() < n) break;
    }
  }
  return true;
}

bool DocumentReader::OpenNext() {
  owned_.reset();
  lines_.reset();
  open_ = false;
  while (next_file_ < files_.size()) {
    current_ = files_[next_file_++];
    current_stem_ = TxtDocumentId(current_);
    if (external_) {
      if (!Start(*external_, false)) continue;
      open_ = true;
      return true;
    }
    if (current_ == "-") {
      current_ = "<stdin>";
      // A closed standard input (EBADF) or a folder as one (EISDIR) read as empty input.
      struct stat st;
      const int err = ::fstat(STDIN_FILENO, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
      if (err) {
        Skip("-: cannot read standard input: " + std::string(std::strerror(err)), "input");
        continue;
      }
      if (!Start(std::cin, true)) continue;
      open_ = true;
      return true;
    }
    auto file = std::make_unique<std::ifstream>(current_, std::ios::binary);
    if (!*file) {
      Skip(current_ + ": cannot open for reading: " + std::strerror(errno), "file");
      continue;
    }
    jsonl_ = IsJsonlName(current_);
    if (!jsonl_ && LowerExtension(current_) == ".json" && options_.warn)
      options_.warn(current_ +
                    ": a .json file is read as one plain-text article (JSON lines, one article "
                    "per line, go in .jsonl or .ndjson)");
    owned_ = std::move(file);
    if (!Start(*owned_, false)) continue;
    open_ = true;
    return true;
  }
  return false;
}

bool DocumentReader::DecodeBytes(std::string_view bytes, const std::string& where,
                                 std::string* utf8) {
  std::string error;
  if (decoded_) {
    if (int64_t bad = FindInvalidUtf8(bytes); bad >= 0) {
      Skip(where + ": byte " + std::to_string(bad) + ": invalid UTF-8");
      return false;
    }
    utf8->assign(bytes.data(), bytes.size());
    return true;
  }
  if (doubted_ != current_) {  // a named encoding the bytes contradict: said once per file
    if (std::string doubt = decoder_.Doubt(bytes); !doubt.empty()) {
      doubted_ = current_;
      if (options_.warn)
        options_.warn(where + ": " + doubt + ", but is read as " + decoder_.name() +
                      " as --encoding says (--encoding auto would decide by itself)");
    }
  }
  std::string used;
  if (!decoder_.Decode(bytes, utf8, &error, &used, file_encoding_)) {
    std::string ahead = file_encoding_.empty() ? EncodingAhead(bytes) : "";
    std::string unused;
    if (ahead.empty() || !decoder_.Decode(bytes, utf8, &unused, &used, ahead)) {
      Skip(where + ": " + error);
      return false;
    }
  }
  // What the detector found holds for the rest of the file (TextDecoder::Decode's `prefer`).
  if (used != "UTF-8" && used != "UTF-16LE" && used != "UTF-16BE") file_encoding_ = used;
  return true;
}

// A JSONL line too short for a confident guess of its encoding, before any line of its input
// gave one (the first line of a windows-1256 file is often a short one): ICU's detector tries
// again on the lines after it (up to 64 KiB of the read buffer: each line alone, then the line
// and those of them that are not UTF-8 together), once per input, and the encoding it finds there
// is the line's. "" when `auto` is not in use, the input is decoded as a whole, the detector finds
// nothing beyond UTF-8/UTF-16, or it was tried before.
std::string DocumentReader::EncodingAhead(std::string_view bytes) {
  if (looked_ahead_ || !decoder_.IsAuto() || decoded_ || !lines_) return "";
  looked_ahead_ = true;
  // Each later line alone first, as the reader will meet them (the first confident guess is the
  // file's encoding for every later line), then the line together with the later lines that are
  // not UTF-8, the only ones in the unknown encoding. ASCII lines (English articles, metadata) say
  // nothing about it and, left in, outweighed a few Arabic bytes: ICU's detector then chose a
  // Latin encoding with confidence and the line was read as mojibake.
  std::string_view ahead = lines_->Peek(size_t{1} << 16);
  std::string utf8, error, used;
  auto found = [&](std::string_view sample) {
    return decoder_.Decode(sample, &utf8, &error, &used) && used != "UTF-8" &&
           !used.starts_with("UTF-16");
  };
  std::string sample(bytes);
  size_t lines = 0;
  for (size_t at = 0; at < ahead.size();) {
    size_t nl = ahead.find('\n', at);
    if (nl == std::string_view::npos) break;  // a line cut by the sample's end
    std::string_view line = ahead.substr(at, nl - at);
    if (found(line)) return used;
    if (FindInvalidUtf8(line) >= 0) {
      sample += '\n';
      sample += line;
      ++lines;
    }
    at = nl + 1;
  }
  return lines > 0 && found(sample) ? used : "";
}

namespace {

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

}  // namespace

bool DocumentReader::ReadTxt(Document* doc) {
  // The whole input, line by line so that one overlong line is refused without being stored.
  std::string raw, line;
  uint64_t before = lines_->consumed();
  bool first = true;
  for (;;) {
    LineReader::Status st = lines_->Next(&line);
    if (st == LineReader::Status::kEnd) break;
    ++line_;
    if (st == LineReader::Status::kTooLong) {
      bytes_read_ += lines_->consumed() - before;
      Skip(current_ + ":" + std::to_string(line_) + ": line longer than " +
           std::to_string(options_.max_line_bytes) + " bytes");
      return false;
    }
    if (!first) raw += '\n';
    raw += line;
    first = false;
  }
  if (lines_->bad()) {  // a failing disk, or a file that cannot be read through (EIO, EISDIR)
    Skip(current_ + ": read error: " + lines_->ErrorReason(), "file");
    return false;
  }
  uint64_t consumed = lines_->consumed() - before;
  if (!decoded_) bytes_read_ += consumed;
  // The last line's '\n' is not reported by LineReader: restore it when it was there.
  if (consumed > raw.size()) raw += '\n';
  std::string text;
  if (!DecodeBytes(raw, current_, &text)) return false;
  if (IsBlank(text)) {
    ++empty_;
    return false;
  }
  *doc = Document{};
  doc->origin = current_;
  doc->id = current_ == "<stdin>" ? "stdin" : TxtDocumentId(current_);
  // Title: the first non-empty line.
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view l(text.data() + pos, eol - pos);
    while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t'))
      l.remove_suffix(1);
    while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
    if (!l.empty()) {
      doc->title = std::string(l);
      break;
    }
    pos = eol + 1;
  }
  doc->text = std::move(text);
  return true;
}

// ---- JSON: one JSONL line into a Document. Only this part of the reader knows the JSON parsers;
// bounds and encodings are handled before it is called.
//
// The fast path is simdjson's On-Demand API (Langdale & Lemire, "Parsing gigabytes of JSON per
// second", VLDB Journal 28, 2019; On-Demand: Keiser & Lemire, "On-Demand JSON: a better way to
// parse documents?", Software: Practice and Experience 54, 2024): stage 1 validates UTF-8 and
// finds the structure with SIMD, then only the fields are unescaped, straight from the line, with
// no DOM. Anything it does not accept (malformed JSON, a wrong field type, a duplicate key, a
// number, a nesting it cannot walk) is parsed again by the nlohmann DOM path below, which decides
// exactly as the reader always has, so messages and results do not depend on which path ran.
namespace {

// The first key given twice in the top-level object of the JSON text `line` (values are skipped
// unread: linear in the line), or "" when there is none or `line` is not a JSON object.
std::string RepeatedTopLevelKey(std::string_view line) {
  namespace od = simdjson::ondemand;
  simdjson::padded_string padded(line);
  od::parser parser;
  od::document d;
  od::object obj;
  if (parser.iterate(padded).get(d) || d.get_object().get(obj)) return "";
  std::set<std::string, std::less<>> keys;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return "";
    if (!keys.emplace(key).second) return std::string(key);
  }
  return "";
}

// The DOM path: the reference behaviour. `unreadable_date` receives a `date` value ParseDate
// cannot read (the document is kept undated), `other_order_date` one only the other day/month
// order than `date_order` reads, `repeated_key` a top-level key the line gives twice (RFC 8259
// §4 leaves open which value counts; nlohmann, and so the reader, keeps the last).
void ParseJsonlLineDom(std::string_view line, const std::string& where,
                       const std::string& default_id, DateOrder date_order, Document* doc,
                       std::string* unreadable_date, std::string* other_order_date,
                       std::string* repeated_key) {
  nlohmann::json obj;
  try {
    obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(where + ": malformed JSON " + JsonErrorInLine(e.what(), e.byte));
  } catch (const nlohmann::json::exception& e) {  // out_of_range: a number too large for a double
    throw Error(where + ": malformed JSON: " + JsonExceptionReason(e.what()));
  }
  if (!obj.is_object()) throw Error(where + ": expected a JSON object");
  *repeated_key = RepeatedTopLevelKey(line);
  auto text = obj.find("text");
  if (text == obj.end() || !text->is_string())
    throw Error(where + ": field 'text': missing or not a string");
  Document d;
  d.origin = where;
  d.text = text->get<std::string>();
  d.id = FieldString(obj, "id", where);
  if (d.id.empty()) d.id = default_id;
  d.title = FieldString(obj, "title", where);
  if (!d.title.empty()) {
    // The title is read like a .txt file's first line: the opening paragraph of the text, so one
    // article gives the same network from .txt and from JSONL. Offsets count from it.
    d.text = d.title + "\n\n" + d.text;
  }
  d.source = FieldString(obj, "source", where);
  d.url = FieldString(obj, "url", where);
  std::string date = FieldString(obj, "date", where);
  unreadable_date->clear();
  if (!date.empty()) {
    bool other_order = false;
    d.date = ParseDate(date, date_order, &other_order);  // the timeline works by day
    if (d.date.empty()) *unreadable_date = date;
    if (other_order) *other_order_date = date;
  }
  // Every other scalar field, for `compare --by field:NAME`.
  for (const auto& [key, value] : obj.items()) {
    if (key == "text") continue;
    if (value.is_string())
      d.fields.emplace(key, value.get<std::string>());
    else if (value.is_number() || value.is_boolean())
      d.fields.emplace(key, value.dump());
  }
  *doc = std::move(d);
}

enum class FastParse { kOk, kInvalidUtf8, kFallback };

namespace od = simdjson::ondemand;
// Every simdjson result here is taken with get(), never by its implicit conversion, which throws
// simdjson_error on an error (a malformed line would escape as a non-Error exception and end the
// run). The test SimdjsonSources.CompileWithoutExceptions (tests/CMakeLists.txt) compiles this
// file with SIMDJSON_EXCEPTIONS=0, where those conversions do not exist.

// Walks a nested array or object so that everything nlohmann would reject is rejected here too
// (On-Demand checks only what is read). False on any error.
bool WalkValue(od::value value, int depth) {
  if (depth > 256) return false;
  od::json_type type;
  if (value.type().get(type)) return false;
  switch (type) {
    case od::json_type::array: {
      od::array a;
      if (value.get_array().get(a)) return false;
      for (auto element : a) {
        od::value v;
        if (element.get(v) || !WalkValue(v, depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::object: {
      od::object o;
      if (value.get_object().get(o)) return false;
      for (auto field : o) {
        std::string_view key;
        od::value v;
        if (field.unescaped_key().get(key) || field.value().get(v)) return false;
        if (!WalkValue(v, depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::string: {
      std::string_view s;
      return !value.get_string().get(s);
    }
    case od::json_type::number: {
      double d;
      return !value.get_double().get(d);
    }
    case od::json_type::boolean: {
      bool b;
      return !value.get_bool().get(b);
    }
    case od::json_type::null: {
      // type() looks at the first byte only: "nul" or "nt" are null by type and an error here.
      bool is_null = false;
      return !value.is_null().get(is_null) && is_null;
    }
  }
  return false;
}

// The JSON text nlohmann's dump() gives a number token (integers as integers, doubles in the
// shortest form that reads back), so `fields` do not depend on the path; numbers in metadata
// are rare, so this uses the DOM parser on the token alone. False when the token is not a number
// nlohmann accepts.
bool NumberText(std::string_view token, std::string* out, bool* integer) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\r' ||
                            token.back() == '\n'))
    token.remove_suffix(1);
  nlohmann::json j = nlohmann::json::parse(token, nullptr, false);
  if (j.is_discarded() || !j.is_number()) return false;
  if (j.is_number_float() && !std::isfinite(j.get<double>())) return false;
  *integer = j.is_number_integer();
  *out = j.dump();
  return true;
}

// Parses `buf` (one JSONL line, `size` bytes, with at least simdjson::SIMDJSON_PADDING bytes of
// capacity after them) into `doc`, as ParseJsonlLineDom would. `doc->origin` is set by the
// caller; `id` is left empty when the line has none.
FastParse ParseJsonlLineFast(od::parser& parser, const std::string& buf, Document* doc,
                             std::string* date) {
  simdjson::padded_string_view json(buf.data(), buf.size(), buf.capacity());
  od::document d;
  simdjson::error_code err = parser.iterate(json).get(d);
  if (err) return err == simdjson::UTF8_ERROR ? FastParse::kInvalidUtf8 : FastParse::kFallback;
  od::object obj;
  if (d.get_object().get(obj)) return FastParse::kFallback;
  doc->id.clear();
  doc->title.clear();
  doc->source.clear();
  doc->date.clear();
  doc->url.clear();
  doc->fields.clear();
  date->clear();
  std::string_view text;
  bool has_text = false;
  // Keys seen so far: a duplicate key goes to the DOM path (which keeps the last value).
  std::string_view seen[16];
  size_t nseen = 0;
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return FastParse::kFallback;
    for (size_t k = 0; k < nseen; ++k)
      if (seen[k] == key) return FastParse::kFallback;
    if (nseen == 16) return FastParse::kFallback;
    seen[nseen++] = key;
    od::value value;
    if (field.value().get(value)) return FastParse::kFallback;
    od::json_type type;
    if (value.type().get(type)) return FastParse::kFallback;
    std::string* named = nullptr;  // id, title, source, url: strings (or null)
    if (key == "text") {
      if (type != od::json_type::string || value.get_string().get(text))
        return FastParse::kFallback;
      has_text = true;
      continue;
    }
    if (key == "id")
      named = &doc->id;
    else if (key == "title")
      named = &doc->title;
    else if (key == "source")
      named = &doc->source;
    else if (key == "url")
      named = &doc->url;
    else if (key == "date")
      named = date;
    switch (type) {
      case od::json_type::string: {
        std::string_view s;
        if (value.get_string().get(s)) return FastParse::kFallback;
        if (named) named->assign(s);
        doc->fields.emplace(key, s);
        break;
      }
      case od::json_type::number: {
        std::string_view token = value.raw_json_token();
        std::string number;
        bool integer = false;
        if (!NumberText(token, &number, &integer)) return FastParse::kFallback;
        if (named) {  // an integer id or date is its digits; any other number is a type error
          if ((named != &doc->id && named != date) || !integer) return FastParse::kFallback;
          *named = number;
        }
        doc->fields.emplace(key, std::move(number));
        break;
      }
      case od::json_type::boolean: {
        bool b;
        if (named || value.get_bool().get(b)) return FastParse::kFallback;
        doc->fields.emplace(key, b ? "true" : "false");
        break;
      }
      case od::json_type::null: {
        bool is_null = false;  // an invalid literal that starts with 'n' is an error here
        if (value.is_null().get(is_null) || !is_null) return FastParse::kFallback;
        break;
      }
      case od::json_type::array:
      case od::json_type::object:
        if (named || !WalkValue(value, 1)) return FastParse::kFallback;
        break;
    }
  }
  // Nothing may follow the object (simdjson 3.0 has no document::at_end()).
  if (!has_text || d.current_location().error() != simdjson::OUT_OF_BOUNDS)
    return FastParse::kFallback;
  if (doc->title.empty()) {
    doc->text.assign(text);
  } else {
    // As in the DOM path: the title is the opening paragraph of the text.
    doc->text.clear();
    doc->text.reserve(doc->title.size() + 2 + text.size());
    doc->text.append(doc->title).append("\n\n").append(text);
  }
  return FastParse::kOk;
}

// Makes sure `s` has simdjson's padding after its bytes.
void Pad(std::string* s) {
  if (s->capacity() < s->size() + simdjson::SIMDJSON_PADDING)
    s->reserve(s->size() + simdjson::SIMDJSON_PADDING);
}

}  // namespace

struct DocumentReader::JsonlParser {
  od::parser parser;
  std::string raw, line, date;
};

// Parses one line (decoded to UTF-8 unless `fast_utf8`: then `raw` holds undecoded bytes that
// are used as they are when they are valid UTF-8) into `doc`. Throws Error for a bad line.
bool DocumentReader::ParseJsonl(const std::string& where, bool fast_utf8, Document* doc,
                                std::string* unreadable_date) {
  JsonlParser& p = *jsonl_parser_;
  const std::string* line = &p.raw;
  FastParse r = FastParse::kFallback;
  if (fast_utf8) {
    Pad(&p.raw);
    r = ParseJsonlLineFast(p.parser, p.raw, doc, &p.date);
  }
  if (r != FastParse::kOk && (!fast_utf8 || r == FastParse::kInvalidUtf8)) {
    // Not UTF-8 (or another encoding was named): decode, then parse the UTF-8.
    if (!DecodeBytes(p.raw, where, &p.line)) return false;
    if (p.line.find_first_not_of(" \t\r") == std::string::npos) return false;  // a BOM alone
    line = &p.line;
    Pad(&p.line);
    r = ParseJsonlLineFast(p.parser, p.line, doc, &p.date);
  }
  std::string default_id =
      (current_ == "<stdin>" ? std::string("stdin") : current_stem_) + ":" + std::to_string(line_);
  if (r != FastParse::kOk) {
    ParseJsonlLineDom(*line, where, default_id, options_.date_order, doc, unreadable_date,
                      &other_order_date_, &repeated_key_);
    return true;
  }
  doc->origin = where;
  if (doc->id.empty()) doc->id = std::move(default_id);
  unreadable_date->clear();
  if (!p.date.empty()) {
    bool other_order = false;
    doc->date = ParseDate(p.date, options_.date_order, &other_order);  // by day
    if (doc->date.empty()) *unreadable_date = p.date;
    if (other_order) other_order_date_ = p.date;
  }
  return true;
}
// ---- end of JSON

bool DocumentReader::NextJsonl(Document* doc) {
  if (!jsonl_parser_) jsonl_parser_ = std::make_unique<JsonlParser>();
  std::string& raw = jsonl_parser_->raw;
  // Bytes that are valid UTF-8 are used as they are (simdjson validates them while parsing):
  // with `auto` or `utf-8` when the line has no byte order mark, and for a UTF-16 input decoded
  // as a whole. Other encodings are decoded first.
  const bool utf8_input = decoded_ || decoder_.IsAuto() || decoder_.name() == "UTF-8";
  for (;;) {
    uint64_t before = lines_->consumed();
    LineReader::Status st = lines_->Next(&raw);
    if (st == LineReader::Status::kEnd) break;
    ++line_;
    if (!decoded_) bytes_read_ += lines_->consumed() - before;
    std::string where = current_ + ":" + std::to_string(line_);
    if (st == LineReader::Status::kTooLong) {
      Skip(where + ": line longer than " + std::to_string(options_.max_line_bytes) + " bytes");
      continue;
    }
    if (raw.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines are allowed
    const bool bom = raw.starts_with("\xEF\xBB\xBF") || raw.starts_with("\xFF\xFE") ||
                     raw.starts_with("\xFE\xFF");
    try {
      std::string unreadable_date;
      other_order_date_.clear();
      repeated_key_.clear();
      if (!ParseJsonl(where, utf8_input && !bom, doc, &unreadable_date)) continue;
      if (!repeated_key_.empty() && repeated_key_warned_ != current_) {
        repeated_key_warned_ = current_;
        if (options_.warn)
          options_.warn(where + ": key '" + repeated_key_ +
                        "' given twice in one line; the last value is used (JSON leaves open "
                        "which one counts; warned once per file)");
      }
      if (IsBlank(doc->text)) {  // as a blank .txt file: an empty document, not counted
        ++empty_;
        continue;
      }
      if (!unreadable_date.empty()) {
        ++undated_;
        if (options_.warn) {
          std::string problem;  // why, when its form was read but its numbers name no day
          ParseDate(unreadable_date, options_.date_order, nullptr, &problem);
          if (problem.empty() && unreadable_date.size() >= 9 &&
              unreadable_date.find_first_not_of("0123456789") == std::string::npos)
            problem =
                "a number, perhaps seconds or milliseconds since 1970: write dates as text, "
                "e.g. pandas to_json(date_format='iso')";
          options_.warn(where + ": field 'date': '" + unreadable_date +
                        "' is not a date actorgraph can read" +
                        (problem.empty() ? "" : " (" + problem + ")") + "; document kept, undated");
        }
      }
      if (!other_order_date_.empty() && date_order_warned_ != current_) {
        date_order_warned_ = current_;
        const bool day_first = options_.date_order == DateOrder::kDayFirst;
        if (options_.warn)
          options_.warn(where + ": field 'date': '" + other_order_date_ + "' can only be read " +
                        (day_first ? "month" : "day") + " first, but --date-order is " +
                        (day_first ? "dmy" : "mdy") +
                        ": this file's dates whose day and month are both 12 or less may be "
                        "misread (--date-order " +
                        (day_first ? "mdy" : "dmy") + " reads them " +
                        (day_first ? "month" : "day") + " first)");
      }
      return true;
    } catch (const Error& e) {
      Skip(e.what());
    }
  }
  if (lines_->bad())  // the documents before the failed read are kept
    Skip(current_ + ": read error after line " + std::to_string(line_) + ": " +
             lines_->ErrorReason(),
         "rest of the file");
  return false;
}

// What the read-ahead thread read: one item per call of NextDirect, with the warnings it gave,
// the counters after it and its exception, if any.
struct DocumentReader::Counters {
  uint64_t documents, skipped, empty, bytes_read, undated;
};

DocumentReader::Counters DocumentReader::CountersNow() const {
  return {documents_, skipped_, empty_, bytes_read_, undated_};
}

void DocumentReader::SetCounters(const Counters& c) {
  documents_ = c.documents, skipped_ = c.skipped, empty_ = c.empty;
  bytes_read_ = c.bytes_read, undated_ = c.undated;
}

struct DocumentReader::ReadAheadState {
  struct Item {
    bool got = false;
    Document doc;
    std::vector<std::string> warnings;
    std::exception_ptr error;
    Counters after{};
  };
  std::thread thread;
  std::atomic<bool> stop{false};
  bool stopped = false;
  uint64_t max_bytes = 0;
  std::deque<Item> items;
  std::vector<std::string> warnings;             // given during the item being read
  std::function<void(const std::string&)> warn;  // the caller's callback
  Counters before{};                             // the counters when reading ahead started
};

void DocumentReader::ReadAhead(uint64_t max_bytes) {
  if (ahead_ || next_called_) return;
  ahead_ = std::make_unique<ReadAheadState>();
  ReadAheadState& a = *ahead_;
  a.max_bytes = max_bytes;
  a.before = CountersNow();
  a.warn = std::move(options_.warn);
  options_.warn = [&a](const std::string& w) { a.warnings.push_back(w); };
  try {
    a.thread = std::thread([this, &a] {
      uint64_t held = 0;
      while (!a.stop.load(std::memory_order_relaxed) && held < a.max_bytes) {
        ReadAheadState::Item item;
        try {
          item.got = NextDirect(&item.doc);
        } catch (...) {
          item.error = std::current_exception();
        }
        item.warnings = std::move(a.warnings);
        a.warnings.clear();
        item.after = CountersNow();
        held += item.doc.text.size() + item.doc.title.size() + 64;
        const bool last = !item.got || item.error;
        a.items.push_back(std::move(item));
        if (last) break;
      }
    });
  } catch (const std::system_error&) {
    // No thread to be had: read as without it.
    options_.warn = std::move(a.warn);
    ahead_.reset();
  }
}

void DocumentReader::StopReadAhead() {
  ReadAheadState& a = *ahead_;
  if (a.stopped) return;
  a.stop = true;
  a.thread.join();
  a.stopped = true;
  options_.warn = std::move(a.warn);
  SetCounters(a.before);
  if (a.items.empty()) ahead_.reset();
}

bool DocumentReader::Next(Document* doc) {
  next_called_ = true;
  if (!ahead_) return NextDirect(doc);
  StopReadAhead();
  if (!ahead_) return NextDirect(doc);
  // Hand out the next item read ahead as NextDirect would have: its warnings first, then its
  // document, end or error, with the counters as they were right after it.
  ReadAheadState::Item item = std::move(ahead_->items.front());
  ahead_->items.pop_front();
  if (ahead_->items.empty()) ahead_.reset();
  SetCounters(item.after);
  if (options_.warn)
    for (const auto& w : item.warnings) options_.warn(w);
  if (item.error) std::rethrow_exception(item.error);
  if (item.got) *doc = std::move(item.doc);
  return item.got;
}

bool DocumentReader::NextDirect(Document* doc) {
  for (;;) {
    if (!open_ && !OpenNext()) return false;
    bool got = false;
    if (jsonl_) {
      got = NextJsonl(doc);
      if (!got) open_ = false;
    } else {
      got = ReadTxt(doc);
      open_ = false;  // one article per .txt input
    }
    if (got) {
      doc->seq = documents_++;
      return true;
    }
  }
}

DocumentReader::~DocumentReader() {
  if (ahead_) StopReadAhead();
}

}  // namespace actorgraph
