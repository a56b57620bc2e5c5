#include "actorgraph/base/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "actorgraph/base/error.h"

namespace actorgraph {

std::string ReadWholeFile(const std::filesystem::path& path, const std::string& what) {
  auto fail = [&](const std::string& reason) {
    return Error(path.string() + ": cannot read " + what + ": " + reason);
  };
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw fail(std::strerror(errno));
  struct stat sb;
  if (::fstat(fd, &sb) != 0) {
    int err = errno;
    ::close(fd);
    throw fail(std::strerror(err));
  }
  if (S_ISDIR(sb.st_mode)) {
    ::close(fd);
    throw fail("it is a folder");
  }
  // A regular file is read straight into the string, sized by fstat (no copy: a 1M-alias
  // gazetteer is ~100 MB); what comes after that size (a file still growing), and all of a pipe
  // or device, through a buffer until read(2) says end of file.
  std::string contents(S_ISREG(sb.st_mode) && sb.st_size > 0 ? static_cast<size_t>(sb.st_size) : 0,
                       '\0');
  size_t have = 0;
  char more[1 << 16];
  for (;;) {
    const bool into_string = have < contents.size();
    ssize_t n = into_string ? ::read(fd, contents.data() + have, contents.size() - have)
                            : ::read(fd, more, sizeof more);
    if (n > 0) {
      if (!into_string) contents.append(more, static_cast<size_t>(n));
      have += static_cast<size_t>(n);
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      int err = errno;
      ::close(fd);
      throw fail(std::strerror(err));
    }
  }
  ::close(fd);
  contents.resize(have);
  return contents;
}

}  // namespace actorgraph
