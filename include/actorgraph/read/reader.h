// Reads documents one at a time from files, folders (recursive) and standard input ("-").
// .txt: one article per file, the first non-empty line is the title. .jsonl: one article per line
// with `text` and optional `id`, `title`, `source`, `date`, `url`; a JSONL `title` becomes the
// first paragraph of the text (title, blank line, text), as a .txt title is, so byte offsets of a
// JSONL document count from the start of its title. `date` is read by ParseDate (ISO 8601,
// DD/MM/YYYY, English and Arabic month names, Arabic-Indic digits); a date it cannot read leaves
// the document undated, with a warning, and is counted (undated_unreadable). Standard input is read
// as JSONL when its first non-blank character is '{', else as one .txt article.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/read/document.h"

namespace actorgraph {

struct ReaderOptions {
  // Fail on the first invalid document (bad UTF-8, malformed JSONL line) instead of skipping it.
  bool strict = false;
  // Receives one line per skipped document ("file: byte N: invalid UTF-8; document skipped").
  std::function<void(const std::string&)> warn;
};

class DocumentReader {
 public:
  // Expands the inputs (folders: every .txt and .jsonl file below, in sorted order). Throws Error
  // naming the input when one does not exist or cannot be read.
  DocumentReader(const std::vector<std::string>& inputs, ReaderOptions options);
  ~DocumentReader();

  // Reads the next document into `doc`; false at the end. Throws Error under `strict`.
  bool Next(Document* doc);

  uint64_t documents() const { return documents_; }         // documents returned so far
  uint64_t skipped() const { return skipped_; }             // documents skipped as invalid
  uint64_t undated_unreadable() const { return undated_; }  // kept, but their date was unreadable
  uint64_t bytes_read() const { return bytes_read_; }       // input bytes consumed so far
  uint64_t total_bytes() const { return total_bytes_; }  // size of all input files (0 if unknown)
  const std::vector<std::string>& files() const { return files_; }

 private:
  bool OpenNext();
  bool NextJsonl(Document* doc);
  bool ReadTxt(std::istream& in, const std::string& name, Document* doc);
  void Skip(const std::string& message);

  ReaderOptions options_;
  std::vector<std::string> files_;  // expanded inputs; "-" for standard input
  size_t next_file_ = 0;
  std::unique_ptr<std::ifstream> file_;
  std::istream* in_ = nullptr;
  std::string current_;  // name of the current input
  bool jsonl_ = false;
  uint64_t line_ = 0;
  std::string pending_;  // first line of standard input read while sniffing its format
  bool has_pending_ = false;
  uint64_t documents_ = 0, skipped_ = 0, bytes_read_ = 0, total_bytes_ = 0, undated_ = 0;
};

// The byte offset of the first invalid UTF-8 sequence in `s`, or -1 when `s` is valid UTF-8.
int64_t FindInvalidUtf8(std::string_view s);

// True for YYYY-MM-DD with a month 01-12 and a day 01-31: the form of Document::date (the reader
// keeps the day of a longer ISO 8601 value), of role dates, and what GEXF's xsd:date accepts.
bool IsIsoDate(std::string_view date);

// The document id of a .txt file: its file name without the extension.
std::string TxtDocumentId(const std::filesystem::path& path);

}  // namespace actorgraph
