#include "actorgraph/base/sha256.h"

#include <openssl/evp.h>

#include "actorgraph/base/error.h"

namespace actorgraph {

std::string Sha256Hex(std::string_view data) {
  // OpenSSL's SHA-256 (Debian libssl-dev): uses the CPU's SHA instructions where there are any,
  // several times faster than a portable implementation on the gazetteer's canonical form (tens of
  // MB with a big gazetteer, issue 16).
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr) != 1 || len != 32)
    throw Error("SHA-256 failed (OpenSSL EVP_Digest)");
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace actorgraph
