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
  std::string contents;
  if (S_ISREG(sb.st_mode) && sb.st_size > 0) contents.reserve(static_cast<size_t>(sb.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      contents.append(buf, static_cast<size_t>(n));
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      int err = errno;
      ::close(fd);
      throw fail(std::strerror(err));
    }
  }
  ::close(fd);
  return contents;
}

}  // namespace actorgraph
