#include "actorgraph/base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <streambuf>
#include <string>
#include <vector>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

// Writes in progress, visible to RemoveTemporaryFiles in a signal handler: a fixed table of
// slots whose state is a lock-free atomic (0 free, 1 being filled, 2 live).
constexpr int kSlots = 16;
constexpr size_t kPathBytes = 4096;
struct Slot {
  std::atomic<int> state{0};
  char tmp[kPathBytes];
  char final_path[kPathBytes];
};
Slot g_slots[kSlots];
std::atomic<unsigned> g_counter{0};
static_assert(std::atomic<int>::is_always_lock_free);

int Register(const std::string& tmp, const std::string& final_path) {
  if (tmp.size() >= kPathBytes || final_path.size() >= kPathBytes) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (g_slots[i].state.compare_exchange_strong(expected, 1)) {
      std::memcpy(g_slots[i].tmp, tmp.c_str(), tmp.size() + 1);
      std::memcpy(g_slots[i].final_path, final_path.c_str(), final_path.size() + 1);
      g_slots[i].state.store(2);
      return i;
    }
  }
  return -1;  // more than kSlots concurrent writes: still atomic, just not cleaned on a signal
}

void Unregister(int slot) {
  if (slot >= 0) g_slots[slot].state.store(0);
}

// A stream buffer over a file descriptor that keeps the errno of the first failed write(2).
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd), buf_(1 << 16) { setp(buf_.data(), buf_.data() + buf_.size()); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  bool Drain() {
    if (error_) return false;
    const char* p = pbase();
    size_t left = pptr() - pbase();
    while (left > 0) {
      ssize_t n = ::write(fd_, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return false;
      }
      p += n;
      left -= static_cast<size_t>(n);
    }
    setp(buf_.data(), buf_.data() + buf_.size());
    return true;
  }
  int fd_;
  int error_ = 0;
  std::vector<char> buf_;
};

}  // namespace

int RemoveTemporaryFiles(char* name, size_t size) noexcept {
  int n = 0;
  if (size > 0) name[0] = '\0';
  for (auto& slot : g_slots) {
    if (slot.state.load() != 2) continue;
    ::unlink(slot.tmp);
    if (n++ == 0 && size > 0) {
      size_t i = 0;
      for (; i + 1 < size && slot.final_path[i]; ++i) name[i] = slot.final_path[i];
      name[i] = '\0';
    }
  }
  return n;
}

void WriteFileAtomically(const std::filesystem::path& path,
                         const std::function<void(std::ostream&)>& fill) {
  namespace fs = std::filesystem;
  const std::string final_name = path.string();
  fs::path dir = path.parent_path();
  int fd = -1;
  std::string tmp;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    // Built piecewise: GCC 12 warns falsely (-Wrestrict) on "." + std::string.
    std::string name = ".";
    name += path.filename().string();
    name += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(g_counter++);
    tmp = (dir / name).string();
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) throw Error("cannot write " + final_name + ": " + std::strerror(errno));
  int slot = Register(tmp, final_name);
  auto fail = [&](int err) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    Unregister(slot);
    throw Error("cannot write " + final_name + ": " + std::strerror(err));
  };
  FdBuf buf(fd);
  {
    std::ostream out(&buf);
    try {
      fill(out);
    } catch (...) {
      ::close(fd);
      ::unlink(tmp.c_str());
      Unregister(slot);
      throw;
    }
    out.flush();
    if (buf.error()) fail(buf.error());
    if (!out) fail(EIO);
  }
  if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) fail(errno);
  int rc = ::close(fd);
  fd = -1;
  if (rc != 0) fail(errno);
  if (::rename(tmp.c_str(), final_name.c_str()) != 0) fail(errno);
  Unregister(slot);
  // Make the rename durable too (best effort: some file systems refuse fsync on folders).
  int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace actorgraph
