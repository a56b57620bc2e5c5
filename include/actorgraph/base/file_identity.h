// The identity of a file, to tell when two names (paths, links, standard input) are the same file:
// its device and inode numbers from stat(2). POSIX.1-2017 <sys/stat.h>: "The st_ino and st_dev
// fields taken together uniquely identify the file within the system" (what
// std::filesystem::equivalent compares). Used by the reader (a file named twice, a folder reached
// twice through a link) and by merge (a shard named twice).
#pragma once

#include <compare>
#include <cstdint>
#include <filesystem>
#include <optional>

namespace actorgraph {

struct FileIdentity {
  uint64_t device = 0;
  uint64_t inode = 0;
  auto operator<=>(const FileIdentity&) const = default;
};

// The identity of the file `path` names, following symbolic links (stat(2)); nullopt when it
// cannot be examined (missing, a dangling or looping link, no permission on a folder above it).
std::optional<FileIdentity> IdentityOf(const std::filesystem::path& path);

// The identity of the regular file open as `fd` (fstat(2)); nullopt when `fd` is not open or not a
// regular file (a terminal, a pipe, a socket: those have no second name to be read by).
std::optional<FileIdentity> IdentityOfRegularFile(int fd);

}  // namespace actorgraph
