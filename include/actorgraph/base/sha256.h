// SHA-256, used to fingerprint the gazetteer in every output (reproducibility record).
#pragma once

#include <string>
#include <string_view>

namespace actorgraph {

// The SHA-256 digest of `data` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);

}  // namespace actorgraph
