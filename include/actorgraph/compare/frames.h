// Frame dictionaries: named categories of terms (terrorism, resistance, martyrdom, ...) whose hits
// in an actor's contexts give a frame rate per group. Format (JSON, UTF-8):
//
//   {"name": "conflict-starter", "description": "...",
//    "frames": [{"id": "martyrdom", "label": "Martyrdom",
//                "terms": {"ar": ["شهيد", "استشهاد*"], "en": ["martyr*"]}}]}
//
// Each term is one word, normalised like the text (NormalizeString) with the Arabic article
// removed (StripArticle), so شهيد also matches الشهيد, والشهيد and للشهيد. A trailing `*` matches
// any ending after the stem (ارهاب* matches ارهابي, ارهابيه, ارهابيين). At most 64 frames.
// The shipped starter is data/frames/conflict.json: a starting point, not ground truth.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/compare/descriptors.h"

namespace actorgraph {

struct Frame {
  std::string id;                  // [a-z0-9_]+ as written
  std::string label;               // display name (defaults to id)
  std::vector<std::string> terms;  // as written in the file, for the report
};

class FrameDictionary {
 public:
  static constexpr size_t kMaxFrames = 64;

  // Throws Error naming the file, frame and field on malformed input (not JSON, missing id,
  // duplicate id, a term with a space, more than kMaxFrames frames).
  static FrameDictionary Load(const std::filesystem::path& path);
  static FrameDictionary Parse(std::string_view json, const std::string& name);

  // Bit f set when `key` (a descriptor key, TermFilter::Key) or one of `stems` (its possible
  // stems under bare proclitics) is a term of frame f or starts with one of its `*` stems.
  uint64_t Match(std::string_view key, const std::vector<std::string_view>& stems) const;

  const std::vector<Frame>& frames() const { return frames_; }
  const std::string& name() const { return name_; }

 private:
  uint64_t MatchOne(std::string_view key) const;

  std::string name_;
  std::vector<Frame> frames_;
  std::vector<std::pair<std::string, uint64_t>> exact_;   // sorted by key, masks merged
  std::vector<std::pair<std::string, uint64_t>> prefix_;  // stems of `*` terms
};

}  // namespace actorgraph
