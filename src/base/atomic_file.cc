#include "actorgraph/base/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include "actorgraph/base/error.h"

namespace actorgraph {

void WriteFileAtomically(const std::filesystem::path& path,
                         const std::function<void(std::ostream&)>& fill) {
  namespace fs = std::filesystem;
  fs::path tmp = path;
  tmp += ".tmp." + std::to_string(::getpid());
  auto fail = [&](const std::string& what) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw Error("cannot write " + path.string() + ": " + what);
  };
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) fail(std::strerror(errno));
    try {
      fill(out);
    } catch (...) {
      out.close();
      std::error_code ec;
      fs::remove(tmp, ec);
      throw;
    }
    out.flush();
    if (!out) fail("write failed");
    out.close();
    if (out.fail()) fail("close failed");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) fail(ec.message());
}

}  // namespace actorgraph
