#include "actorgraph/base/atomic_file.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <streambuf>
#include <string>
#include <vector>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

// Temporary files, visible to RemoveTemporaryFiles in a signal handler: a fixed table of slots
// whose state is a lock-free atomic (0 free, 1 being filled, 2 live: being written or pending in
// an OutputSet). The states are one contiguous array, so the handler's scan touches 16 KB, not
// the paths of unused slots.
constexpr int kSlots = 4096;
constexpr size_t kPathBytes = 4096;
struct SlotPaths {
  char tmp[kPathBytes];
  char final_path[kPathBytes];
};
std::atomic<int> g_state[kSlots];
SlotPaths g_paths[kSlots];
std::atomic<unsigned> g_counter{0};
static_assert(std::atomic<int>::is_always_lock_free);

int Register(const std::string& tmp, const std::string& final_path) {
  if (tmp.size() >= kPathBytes || final_path.size() >= kPathBytes) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (g_state[i].compare_exchange_strong(expected, 1)) {
      std::memcpy(g_paths[i].tmp, tmp.c_str(), tmp.size() + 1);
      std::memcpy(g_paths[i].final_path, final_path.c_str(), final_path.size() + 1);
      g_state[i].store(2);
      return i;
    }
  }
  return -1;  // more than kSlots temporary files: still atomic, just not cleaned on a signal
}

void Unregister(int slot) {
  if (slot >= 0) g_state[slot].store(0);
}

// The open OutputSet's pending files, in the order written: `final_path` is where the file goes
// (a symbolic link's target), `name` the path the caller gave.
struct Pending {
  std::string tmp, final_path, name;
  int slot;
};
std::mutex g_set_mutex;
bool g_set_open = false;
std::vector<Pending> g_pending;

// fsync(2) of a folder, so that renames in it are durable (best effort: some file systems refuse
// fsync on folders).
void SyncFolder(const std::filesystem::path& dir) {
  int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
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
  for (int s = 0; s < kSlots; ++s) {
    if (g_state[s].load() != 2) continue;
    ::unlink(g_paths[s].tmp);
    if (n++ == 0 && size > 0) {
      size_t i = 0;
      for (; i + 1 < size && g_paths[s].final_path[i]; ++i) name[i] = g_paths[s].final_path[i];
      name[i] = '\0';
    }
  }
  return n;
}

OutputSet::OutputSet() {
  std::lock_guard<std::mutex> lock(g_set_mutex);
  if (g_set_open) throw Error("internal: an OutputSet is already open");
  g_set_open = true;
  g_pending.clear();
}

OutputSet::~OutputSet() {
  std::lock_guard<std::mutex> lock(g_set_mutex);
  for (const Pending& p : g_pending) {
    ::unlink(p.tmp.c_str());
    Unregister(p.slot);
  }
  g_pending.clear();
  g_set_open = false;
}

std::vector<std::filesystem::path> OutputSet::Commit() {
  std::lock_guard<std::mutex> lock(g_set_mutex);
  // SIGINT, SIGTERM and SIGHUP wait until every file is renamed: a handler running between two
  // renames would leave some outputs new and some old. (The caller's other threads have ended by
  // now: a run commits after counting.) The signal is delivered when the mask is restored.
  sigset_t block, old;
  sigemptyset(&block);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&block, sig);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  struct Restore {
    sigset_t* mask;
    ~Restore() { pthread_sigmask(SIG_SETMASK, mask, nullptr); }
  } restore{&old};
  std::vector<std::filesystem::path> out;
  std::vector<std::filesystem::path> folders;
  size_t done = 0;
  for (; done < g_pending.size(); ++done) {
    const Pending& p = g_pending[done];
    if (::rename(p.tmp.c_str(), p.final_path.c_str()) != 0) {
      int err = errno;
      std::string failed = p.name;
      for (size_t k = done; k < g_pending.size(); ++k) {
        ::unlink(g_pending[k].tmp.c_str());
        Unregister(g_pending[k].slot);
      }
      g_pending.clear();
      throw Error("cannot write " + failed + ": " + std::strerror(err));
    }
    Unregister(p.slot);
    out.emplace_back(p.name);
    auto dir = std::filesystem::path(p.final_path).parent_path();
    if (std::find(folders.begin(), folders.end(), dir) == folders.end()) folders.push_back(dir);
  }
  g_pending.clear();
  for (const auto& dir : folders) SyncFolder(dir);
  return out;
}

std::filesystem::path CurrentContents(const std::filesystem::path& path) {
  std::lock_guard<std::mutex> lock(g_set_mutex);
  const std::string name = path.string();
  for (auto it = g_pending.rbegin(); it != g_pending.rend(); ++it)
    if (it->name == name || it->final_path == name) return it->tmp;
  return path;
}

namespace {

// Runs `fill` on a stream onto `fd` and flushes it: 0, or the errno of the first failed write
// (EIO when the stream failed otherwise). An exception from `fill` is passed on after `cleanup`.
int Fill(int fd, const std::function<void(std::ostream&)>& fill,
         const std::function<void()>& cleanup) {
  FdBuf buf(fd);
  std::ostream out(&buf);
  try {
    fill(out);
  } catch (...) {
    cleanup();
    throw;
  }
  out.flush();
  return buf.error() ? buf.error() : !out ? EIO : 0;
}

// Writes `fill`'s output straight into the existing device, FIFO or socket `target`.
void WriteDirectly(const std::filesystem::path& target, const std::string& name,
                   const std::function<void(std::ostream&)>& fill) {
  int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) throw Error("cannot write " + name + ": " + std::strerror(errno));
  int err = Fill(fd, fill, [&] { ::close(fd); });
  if (::close(fd) != 0 && !err) err = errno;
  if (err) throw Error("cannot write " + name + ": " + std::strerror(err));
}

}  // namespace

void WriteFileAtomically(const std::filesystem::path& path,
                         const std::function<void(std::ostream&)>& fill) {
  namespace fs = std::filesystem;
  const std::string name = path.string();  // what messages say
  // A symbolic link is written through, as a shell's > does: the link stays and its target gets
  // the new contents (renaming onto the link would replace the link with a regular file). A
  // dangling link's target is created, in its folder, which must exist (open(2) with O_CREAT).
  fs::path target = path;
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(path, ec))) {
    fs::path resolved = fs::canonical(path, ec);
    if (!ec) {
      target = resolved;
    } else {  // dangling: follow the links one by one (at most 40, Linux's limit, as ELOOP)
      int hops = 0;
      for (; hops < 40 && fs::is_symlink(fs::symlink_status(target, ec)); ++hops) {
        fs::path next = fs::read_symlink(target, ec);
        if (ec) throw Error("cannot write " + name + ": " + ec.message());
        target = next.is_absolute() ? next : target.parent_path() / next;
      }
      if (hops == 40) throw Error("cannot write " + name + ": " + std::strerror(ELOOP));
    }
  }
  // A device, FIFO or socket (/dev/null, /dev/stdout, a named pipe) holds no earlier version to
  // keep, and a rename would replace the node itself with a regular file: written directly.
  fs::file_status st = fs::status(target, ec);
  if (!ec && fs::exists(st) && !fs::is_regular_file(st) && !fs::is_directory(st)) {
    WriteDirectly(target, name, fill);
    return;
  }
  const std::string final_name = target.string();
  fs::path dir = target.parent_path();
  int fd = -1;
  std::string tmp;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    // Built piecewise: GCC 12 warns falsely (-Wrestrict) on "." + std::string.
    std::string hidden = ".";
    hidden += target.filename().string();
    hidden += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(g_counter++);
    tmp = (dir / hidden).string();
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) throw Error("cannot write " + name + ": " + std::strerror(errno));
  int slot = Register(tmp, name);
  auto fail = [&](int err) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    Unregister(slot);
    throw Error("cannot write " + name + ": " + std::strerror(err));
  };
  if (int err = Fill(fd, fill, [&] {
        ::close(fd);
        ::unlink(tmp.c_str());
        Unregister(slot);
      }))
    fail(err);
  if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) fail(errno);
  int rc = ::close(fd);
  fd = -1;
  if (rc != 0) fail(errno);
  {
    std::lock_guard<std::mutex> lock(g_set_mutex);
    if (g_set_open) {  // renamed by OutputSet::Commit, with the rest of the run's outputs
      g_pending.push_back({tmp, final_name, name, slot});
      return;
    }
  }
  if (::rename(tmp.c_str(), final_name.c_str()) != 0) fail(errno);
  Unregister(slot);
  SyncFolder(dir);  // the rename durable too
}

}  // namespace actorgraph
