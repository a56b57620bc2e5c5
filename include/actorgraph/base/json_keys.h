// Finding a key given twice in one JSON object. RFC 8259 §4: "The names within an object SHOULD be
// unique", and when they are not, which value counts is left to the parser; nlohmann keeps the
// last, so a second "aliases" in a gazetteer actor, "terms" in a frame or "name" in a gold actor
// dropped the first without a word. Every JSON file the tool reads with nlohmann (gazetteers,
// frames, gold, partial graphs) is checked with FindDuplicateKey and refused when a key repeats.
//
// The check is a separate pass with simdjson's DOM parser: on a 32 MB partial graph of 300,000
// edges, 0.16 s next to nlohmann's 0.52 s parse. nlohmann's parser callback would do it in the
// same pass, but with a callback its DOM builder scans the enclosing array at every object's end,
// quadratic in an array's length (73 s on that file).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace actorgraph {

struct DuplicateKey {
  std::string key;
  size_t object = 0;  // which object, counting them as they open in the text (1 = the first)
  // "given twice in one object (JSON object N of the file); JSON leaves open which one counts"
  std::string Message() const;
};

// The first key (in document order) given twice in one object of `json`; nullopt when there is
// none, or when `json` is not well-formed JSON (the caller's parser reports that).
std::optional<DuplicateKey> FindDuplicateKey(std::string_view json);

}  // namespace actorgraph
