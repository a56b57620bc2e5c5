// SHA-256 (OpenSSL), used to fingerprint the gazetteer in every output (reproducibility record).
// Sha256Hex: the digest of `data` (bytes) as 64 lowercase hex digits; throws Error only if OpenSSL
// fails.
#pragma once

#include <string>
#include <string_view>

namespace actorgraph {

// The SHA-256 digest of `data` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);

}  // namespace actorgraph
