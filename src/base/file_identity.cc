#include "actorgraph/base/file_identity.h"

#include <sys/stat.h>

namespace actorgraph {

namespace {

FileIdentity Of(const struct stat& sb) {
  return {static_cast<uint64_t>(sb.st_dev), static_cast<uint64_t>(sb.st_ino)};
}

}  // namespace

std::optional<FileIdentity> IdentityOf(const std::filesystem::path& path) {
  struct stat sb;
  if (::stat(path.c_str(), &sb) != 0) return std::nullopt;
  return Of(sb);
}

std::optional<FileIdentity> IdentityOfRegularFile(int fd) {
  struct stat sb;
  if (::fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) return std::nullopt;
  return Of(sb);
}

}  // namespace actorgraph
