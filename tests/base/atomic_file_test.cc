#include "actorgraph/base/atomic_file.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <thread>

#include "actorgraph/base/error.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::ReadFile;
using testing::TempDir;

TEST(AtomicFile, WritesAndReplaces) {
  auto dir = TempDir("atomic");
  WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << "one"; });
  WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << "two"; });
  EXPECT_EQ(ReadFile(dir / "a.txt"), "two");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);
}

// A link is written through: the link stays a link, its target gets the contents.
TEST(AtomicFile, SymlinkIsWrittenThrough) {
  namespace fs = std::filesystem;
  auto dir = TempDir("atomic_link");
  fs::create_directory(dir / "real");
  WriteFileAtomically(dir / "real" / "a.txt", [](std::ostream& o) { o << "old"; });
  fs::create_symlink(dir / "real" / "a.txt", dir / "link.txt");
  WriteFileAtomically(dir / "link.txt", [](std::ostream& o) { o << "new"; });
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(dir / "link.txt")));
  EXPECT_EQ(ReadFile(dir / "real" / "a.txt"), "new");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir / "real"), {}), 1);  // no temporary left
  // Inside an OutputSet too; Commit returns the name given.
  OutputSet set;
  WriteFileAtomically(dir / "link.txt", [](std::ostream& o) { o << "newer"; });
  EXPECT_EQ(ReadFile(CurrentContents(dir / "link.txt")), "newer");
  EXPECT_EQ(set.Commit(), std::vector<fs::path>{dir / "link.txt"});
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(dir / "link.txt")));
  EXPECT_EQ(ReadFile(dir / "real" / "a.txt"), "newer");
}

// A dangling link is written through too, as a shell's > does: its target is created and the
// link stays; a target in a missing folder, or a loop of links, is an error that changes nothing.
TEST(AtomicFile, DanglingSymlinkIsWrittenThrough) {
  namespace fs = std::filesystem;
  auto dir = TempDir("atomic_dangling");
  fs::create_symlink("missing.txt", dir / "link.txt");  // relative to the link's folder
  WriteFileAtomically(dir / "link.txt", [](std::ostream& o) { o << "made"; });
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(dir / "link.txt")));
  EXPECT_EQ(ReadFile(dir / "missing.txt"), "made");
  // The error a write through `link` gives; the link stays a link.
  auto error_of = [&](const fs::path& link) {
    std::string what = "no error";
    try {
      WriteFileAtomically(link, [](std::ostream& o) { o << "lost"; });
    } catch (const Error& e) {
      what = e.what();
    }
    EXPECT_TRUE(fs::is_symlink(fs::symlink_status(link))) << link;
    return what;
  };
  fs::create_symlink("nowhere/x.txt", dir / "far.txt");
  EXPECT_EQ(error_of(dir / "far.txt"),
            "cannot write " + (dir / "far.txt").string() + ": No such file or directory");
  fs::create_symlink("loop2", dir / "loop1");
  fs::create_symlink("loop1", dir / "loop2");
  EXPECT_EQ(error_of(dir / "loop1"),
            "cannot write " + (dir / "loop1").string() + ": Too many levels of symbolic links");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), {}), 5);  // no temporary left
}

// A FIFO (and any device) is written directly: it must stay what it is, never become a regular
// file. (Not tried on /dev/null or /dev/full: a regression would replace the machine's device.)
TEST(AtomicFile, FifoAndDeviceAreWrittenDirectly) {
  namespace fs = std::filesystem;
  auto dir = TempDir("atomic_fifo");
  ASSERT_EQ(::mkfifo((dir / "pipe").c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] { got = ReadFile(dir / "pipe"); });
  WriteFileAtomically(dir / "pipe", [](std::ostream& o) { o << "through the pipe"; });
  reader.join();
  EXPECT_EQ(got, "through the pipe");
  EXPECT_TRUE(fs::is_fifo(dir / "pipe"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), {}), 1);
  // A private copy of /dev/full (character device 1, 7): needs root to make.
  if (::mknod((dir / "full").c_str(), S_IFCHR | 0600, makedev(1, 7)) != 0)
    GTEST_SKIP() << "cannot make a device node here (needs root)";
  try {
    WriteFileAtomically(dir / "full", [](std::ostream& o) { o << std::string(100000, 'x'); });
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot write " + (dir / "full").string() + ": No space left on device");
  }
  EXPECT_TRUE(fs::is_character_file(dir / "full"));
}

TEST(AtomicFile, FailureKeepsOldFileAndLeavesNoTemporary) {
  auto dir = TempDir("atomic");
  WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << "old"; });
  EXPECT_THROW(WriteFileAtomically(dir / "a.txt",
                                   [](std::ostream& o) {
                                     o << "half";
                                     throw Error("boom");
                                   }),
               Error);
  EXPECT_EQ(ReadFile(dir / "a.txt"), "old");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);
}

TEST(AtomicFile, UnwritableFolderIsAnError) {
  EXPECT_THROW(WriteFileAtomically("/nonexistent-dir/x.txt", [](std::ostream& o) { o << "x"; }),
               Error);
}

// Runs `body` in a forked child and returns its exit status (the child reports through it).
int InChild(const std::function<int()>& body) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int rc = 99;
    try {
      rc = body();
    } catch (...) {
      rc = 98;
    }
    ::_exit(rc);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

size_t Entries(const std::filesystem::path& dir) {
  return std::distance(std::filesystem::directory_iterator(dir), {});
}

TEST(AtomicFile, FileSizeLimitFailsWithEfbigAndKeepsTheOldFile) {
  auto dir = TempDir("atomic");
  WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << "old"; });
  int rc = InChild([&] {
    ::signal(SIGXFSZ, SIG_IGN);  // as the CLI does: the write fails instead of killing us
    struct rlimit rl = {4096, 4096};
    ::setrlimit(RLIMIT_FSIZE, &rl);
    try {
      WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << std::string(1 << 20, 'x'); });
    } catch (const Error& e) {
      return std::string(e.what()) ==
                     "cannot write " + (dir / "a.txt").string() + ": File too large"
                 ? 0
                 : 2;
    }
    return 1;
  });
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(ReadFile(dir / "a.txt"), "old");
  EXPECT_EQ(Entries(dir), 1u);
}

TEST(AtomicFile, FullDiskFailsAndKeepsTheOldFile) {
  auto dir = TempDir("atomic_tmpfs");
  if (::geteuid() != 0 ||
      std::system(("mount -t tmpfs -o size=64k tmpfs " + dir.string() + " 2>/dev/null").c_str()))
    GTEST_SKIP() << "cannot mount a tmpfs here (needs root)";
  WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << "old"; });
  std::string what;
  try {
    WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << std::string(1 << 20, 'x'); });
  } catch (const Error& e) {
    what = e.what();
  }
  std::string old = ReadFile(dir / "a.txt");
  size_t entries = Entries(dir);
  std::system(("umount " + dir.string()).c_str());
  EXPECT_EQ(what, "cannot write " + (dir / "a.txt").string() + ": No space left on device");
  EXPECT_EQ(old, "old");
  EXPECT_EQ(entries, 1u);
}

TEST(AtomicFile, FolderRemovedWhileWritingFailsNamingTheFile) {
  auto dir = TempDir("atomic") / "out";
  std::filesystem::create_directories(dir);
  std::string what;
  try {
    WriteFileAtomically(dir / "a.txt", [&](std::ostream& o) {
      o << "half";
      std::filesystem::remove_all(dir);
      o << std::string(1 << 17, 'x');
    });
  } catch (const Error& e) {
    what = e.what();
  }
  EXPECT_EQ(what, "cannot write " + (dir / "a.txt").string() + ": No such file or directory");
  EXPECT_FALSE(std::filesystem::exists(dir));
}

TEST(AtomicFile, SignalHandlerRemovesTheTemporaryFile) {
  auto dir = TempDir("atomic");
  WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << "old"; });
  static char name[256];
  int rc = InChild([&] {
    ::signal(SIGTERM, [](int) {
      int n = RemoveTemporaryFiles(name, sizeof name);
      ::_exit(n == 1 ? 42 : 43);
    });
    WriteFileAtomically(dir / "a.txt", [](std::ostream& o) {
      o << std::string(1 << 17, 'x');
      o.flush();
      ::raise(SIGTERM);
    });
    return 1;
  });
  EXPECT_EQ(rc, 42);
  EXPECT_EQ(ReadFile(dir / "a.txt"), "old");
  EXPECT_EQ(Entries(dir), 1u);
  char none[8];
  EXPECT_EQ(RemoveTemporaryFiles(none, sizeof none), 0);  // nothing in progress here
  EXPECT_STREQ(none, "");
}

TEST(OutputSet, CommitReplacesAllTogether) {
  auto dir = TempDir("outset");
  WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << "old a"; });
  WriteFileAtomically(dir / "b.txt", [](std::ostream& o) { o << "old b"; });
  OutputSet set;
  WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << "new a"; });
  WriteFileAtomically(dir / "b.txt", [](std::ostream& o) { o << "new b"; });
  // Written but pending: the folder still shows the earlier run, plus two temporary files.
  EXPECT_EQ(ReadFile(dir / "a.txt"), "old a");
  EXPECT_EQ(ReadFile(dir / "b.txt"), "old b");
  EXPECT_EQ(Entries(dir), 4u);
  std::filesystem::path pending = CurrentContents(dir / "a.txt");
  EXPECT_NE(pending, dir / "a.txt");
  EXPECT_EQ(ReadFile(pending), "new a");
  auto files = set.Commit();
  EXPECT_EQ(files, (std::vector<std::filesystem::path>{dir / "a.txt", dir / "b.txt"}));
  EXPECT_EQ(ReadFile(dir / "a.txt"), "new a");
  EXPECT_EQ(ReadFile(dir / "b.txt"), "new b");
  EXPECT_EQ(Entries(dir), 2u);
  EXPECT_EQ(CurrentContents(dir / "a.txt"), dir / "a.txt");
}

TEST(OutputSet, FailureOnTheSecondFileKeepsBothEarlierFiles) {
  auto dir = TempDir("outset");
  WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << "old a"; });
  WriteFileAtomically(dir / "b.txt", [](std::ostream& o) { o << "old b"; });
  try {
    OutputSet set;
    WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << "new a"; });
    WriteFileAtomically(dir / "b.txt", [](std::ostream& o) {
      o << "half";
      throw Error("boom");
    });
    set.Commit();
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "boom");
  }
  EXPECT_EQ(ReadFile(dir / "a.txt"), "old a");
  EXPECT_EQ(ReadFile(dir / "b.txt"), "old b");
  EXPECT_EQ(Entries(dir), 2u);
  // The set is closed: a new one can open, and writes outside a set rename at once again.
  { OutputSet again; }
  WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << "direct"; });
  EXPECT_EQ(ReadFile(dir / "a.txt"), "direct");
}

TEST(OutputSet, OnlyOneOpenAtATime) {
  OutputSet set;
  EXPECT_THROW(OutputSet(), Error);
}

TEST(OutputSet, CommitFailsOnAVanishedFolderAndLeavesNoTemporary) {
  auto root = TempDir("outset_vanish");
  auto dir = root / "out", other = root / "other";
  std::filesystem::create_directories(dir);
  std::filesystem::create_directories(other);
  std::string what;
  try {
    OutputSet set;
    WriteFileAtomically(other / "a.txt", [](std::ostream& o) { o << "a"; });
    WriteFileAtomically(dir / "b.txt", [](std::ostream& o) { o << "b"; });
    // rename(2) of a file whose folder was replaced meanwhile: ENOENT at commit.
    std::filesystem::remove_all(dir);
    set.Commit();
  } catch (const Error& e) {
    what = e.what();
  }
  EXPECT_EQ(what, "cannot write " + (dir / "b.txt").string() + ": No such file or directory");
  EXPECT_EQ(ReadFile(other / "a.txt"), "a");  // renamed before the failure
  EXPECT_EQ(Entries(other), 1u);
}

TEST(OutputSet, SignalHandlerRemovesThePendingFiles) {
  auto dir = TempDir("outset");
  WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << "old"; });
  static char name[256];
  int rc = InChild([&] {
    ::signal(SIGTERM, [](int) { ::_exit(RemoveTemporaryFiles(name, sizeof name) == 3 ? 42 : 43); });
    OutputSet set;
    WriteFileAtomically(dir / "a.txt", [](std::ostream& o) { o << "new"; });
    WriteFileAtomically(dir / "b.txt", [](std::ostream& o) { o << "new"; });
    WriteFileAtomically(dir / "c.txt", [](std::ostream& o) {
      o << std::string(1 << 17, 'x');
      o.flush();
      ::raise(SIGTERM);  // two pending, one being written
    });
    return 1;
  });
  EXPECT_EQ(rc, 42);
  EXPECT_EQ(ReadFile(dir / "a.txt"), "old");
  EXPECT_EQ(Entries(dir), 1u);
}

}  // namespace
}  // namespace actorgraph
