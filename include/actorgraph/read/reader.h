// Reads documents one at a time from files, folders (recursive) and standard input ("-").
// .txt: one article per file, the first non-empty line is the title. .jsonl: one article per line
// with `text` and optional `id`, `title`, `source`, `date`, `url`; a JSONL `title` becomes the
// first paragraph of the text (title, blank line, text), as a .txt title is, so byte offsets of a
// JSONL document count from the start of its title. `date` is read by ParseDate (ISO 8601,
// DD/MM/YYYY, English and Arabic month names, Arabic-Indic digits); a date it cannot read leaves
// the document undated, with a warning, and is counted (undated_unreadable). Standard input is read
// as JSONL when its first non-blank character is '{', else as one .txt article.
//
// Input bytes are decoded to UTF-8 by TextDecoder (encoding.h: a BOM, valid UTF-8, or ICU's
// charset detector; or the encoding named in ReaderOptions::encoding). Document::text is always
// UTF-8 and every later byte offset (mentions, evidence) is an offset into it, not into the file.
// UTF-16/UTF-32 inputs are decoded as a whole; ASCII-compatible ones (UTF-8, windows-1256, …) line
// by line (JSONL) or per file (.txt).
//
// Bad input never ends the run unless `strict` is set: a file that cannot be decoded, a line
// longer than `max_line_bytes`, a malformed JSONL line, a file in a folder that cannot be opened
// (permissions, dangling symlink, symlink loop) is reported once through `warn` and skipped.
// An empty or blank .txt file, or a JSONL line whose text and title are blank, is an empty
// document: it is counted in empty(), not returned.
// Folders are walked recursively, following symlinked folders but never entering a folder twice
// (a symlink loop is reported once and cannot hang the walk).
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

#include "actorgraph/base/utf8.h"
#include "actorgraph/read/date.h"
#include "actorgraph/read/document.h"
#include "actorgraph/read/encoding.h"

namespace actorgraph {

struct ReaderOptions {
  // Fail on the first invalid document (bad UTF-8, malformed JSONL line) instead of skipping it.
  bool strict = false;
  // Receives one line per skipped document or file ("file: byte N: invalid UTF-8; document
  // skipped", "dir/x.txt: cannot open for reading: Permission denied; file skipped").
  std::function<void(const std::string&)> warn;
  // "auto" or an ICU converter name (utf-8, utf-16, utf-16le, cp1256, …); see encoding.h.
  std::string encoding = "auto";
  // ICU charset detector confidence (0-100) that `auto` needs to accept a guess. On the sample
  // articles in windows-1256, whole articles score 72-84 and their first 300 bytes 48-75.
  int min_confidence = 40;
  // A line (bytes up to '\n', counted in input bytes) longer than this is refused: the JSONL line
  // or the whole .txt document is skipped with its file and line, without reading the line into
  // memory. Default 64 MiB.
  uint64_t max_line_bytes = uint64_t{64} << 20;
  // The order of day and month in numeric JSONL dates such as 03/04/2024 (date.h). A date that
  // only the other order can read (05/15/2024 under day first) is read so, with a warning once
  // per file: the file's ambiguous dates are probably misread.
  DateOrder date_order = DateOrder::kDayFirst;
};

// Reads lines from a stream with a bound on their length, in chunks (no per-character calls).
// Independent of the JSON parser so the parser can change without touching the bounds.
class LineReader {
 public:
  enum class Status { kLine, kEnd, kTooLong };
  LineReader(std::istream& in, uint64_t max_line_bytes);
  // The next line without its '\n' (a final line without '\n' counts). kTooLong: the line was
  // longer than the bound; its bytes were consumed and discarded (`line` is left empty).
  Status Next(std::string* line);
  // Up to `n` bytes ahead of the read position, without consuming them.
  std::string_view Peek(size_t n);
  // Everything left in the stream (no bound), for inputs decoded as a whole.
  std::string Rest();
  uint64_t consumed() const { return consumed_; }  // bytes consumed so far
  bool bad() const { return in_->bad(); }
  // Why reading failed when bad(): strerror of the errno the failed read left (EIO when none).
  std::string ErrorReason() const;

 private:
  bool Fill();  // appends one chunk; false at the end of the stream
  std::istream* in_;
  int error_ = 0;  // errno of the first failed read
  uint64_t max_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t consumed_ = 0;
};

class DocumentReader {
 public:
  // Expands the inputs (folders: every .txt and .jsonl file below, in sorted order). Throws Error
  // naming the input when one does not exist or cannot be read.
  DocumentReader(const std::vector<std::string>& inputs, ReaderOptions options);
  ~DocumentReader();

  // Reads one stream (not owned; for library users and fuzzing): `name` is used for messages and
  // ids, `jsonl` picks the format.
  DocumentReader(std::istream& in, std::string name, bool jsonl, ReaderOptions options);

  // Reads the next document into `doc`; false at the end. Throws Error under `strict`.
  bool Next(Document* doc);

  // Starts reading ahead on a background thread, until about `max_bytes` of document text are
  // held or until the first call of Next() or of a counter below, whichever comes first; the thread
  // then stops and Next() hands out what it read before reading on itself. For the start of a run
  // on two or more cores, while the caller loads and compiles the gazetteer and a core is idle.
  // Nothing observable changes: documents, warnings (through ReaderOptions::warn, on the caller's
  // thread), errors and counters come out in the same order and at the same document as without
  // it. `max_bytes` counts UTF-8 bytes of text and title (plus 64 per document). A second call, a
  // call after the first Next(), or a system that will not start the thread: reads as without it.
  void ReadAhead(uint64_t max_bytes);

  uint64_t empty() const { return Settled().empty_; }          // blank documents passed over
  uint64_t documents() const { return Settled().documents_; }  // documents returned so far
  uint64_t skipped() const { return Settled().skipped_; }      // documents skipped as invalid
  // Documents kept whose date was unreadable.
  uint64_t undated_unreadable() const { return Settled().undated_; }
  uint64_t bytes_read() const { return Settled().bytes_read_; }  // input bytes consumed so far
  uint64_t total_bytes() const { return total_bytes_; }  // size of all input files (0 if unknown)
  const std::vector<std::string>& files() const { return files_; }

 private:
  struct ReadAheadState;  // the thread, what it read, the counters (reader.cc)
  struct Counters;        // documents_ … undated_ at one moment (reader.cc)
  Counters CountersNow() const;
  void SetCounters(const Counters& c);
  // Stops and joins a read-ahead thread, if any, and rewinds the counters to where the caller is.
  void StopReadAhead();
  const DocumentReader& Settled() const {
    if (ahead_) const_cast<DocumentReader*>(this)->StopReadAhead();
    return *this;
  }
  bool NextDirect(Document* doc);
  bool OpenNext();
  bool Start(std::istream& in, bool sniff);
  bool NextJsonl(Document* doc);
  bool ParseJsonl(const std::string& where, bool fast_utf8, Document* doc,
                  std::string* unreadable_date);
  bool ReadTxt(Document* doc);
  bool DecodeBytes(std::string_view bytes, const std::string& where, std::string* utf8);
  std::string EncodingAhead(std::string_view bytes);
  void Skip(const std::string& message, const char* what = "document");
  void AddFolder(const std::string& folder, std::vector<std::string>* found);

  ReaderOptions options_;
  TextDecoder decoder_;
  std::vector<std::string> files_;  // expanded inputs; "-" for standard input
  size_t next_file_ = 0;
  std::unique_ptr<std::istream> owned_;  // the open file, or the decoded text of a UTF-16 input
  std::istream* external_ = nullptr;     // the stream given to the stream constructor
  std::unique_ptr<LineReader> lines_;
  bool open_ = false;
  bool decoded_ = false;       // the current input was decoded as a whole: lines are UTF-8 already
  std::string current_;        // name of the current input
  std::string doubted_;        // the input whose named encoding was last doubted (warned once)
  std::string file_encoding_;  // the encoding auto detected in the current input ("" none yet)
  bool looked_ahead_ = false;  // EncodingAhead tried in the current input
  std::string other_order_date_;     // the last date only the other day/month order could read
  std::string date_order_warned_;    // the input warned about it (once per file)
  std::string repeated_key_;         // a key the current JSONL line gives twice ("" none)
  std::string repeated_key_warned_;  // the input warned about one (once per file)
  std::string current_stem_;  // its document id stem (TxtDocumentId), for JSONL lines without id
  struct JsonlParser;         // the JSON parser and its buffers (reader.cc)
  std::unique_ptr<JsonlParser> jsonl_parser_;
  bool jsonl_ = false;
  uint64_t line_ = 0;
  uint64_t documents_ = 0, skipped_ = 0, empty_ = 0, bytes_read_ = 0, total_bytes_ = 0,
           undated_ = 0;
  std::unique_ptr<ReadAheadState> ahead_;
  bool next_called_ = false;
};

// FindInvalidUtf8 (base/utf8.h) is declared there; this header includes it for its users.

// True for YYYY-MM-DD with a month 01-12 and a day 01-31: the form of Document::date (the reader
// keeps the day of a longer ISO 8601 value), of role dates, and what GEXF's xsd:date accepts.
bool IsIsoDate(std::string_view date);

// The document id of a .txt file: its file name without the extension.
std::string TxtDocumentId(const std::filesystem::path& path);

}  // namespace actorgraph
