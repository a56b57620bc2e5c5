#include "actorgraph/base/file_identity.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "test_util.h"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WriteFile;

TEST(FileIdentity, NamesOfOneFileShareItsIdentity) {
  auto dir = TempDir("identity");
  WriteFile(dir / "a.txt", "A");
  WriteFile(dir / "b.txt", "A");  // same contents, another file
  fs::create_symlink("a.txt", dir / "link.txt");
  fs::create_hard_link(dir / "a.txt", dir / "hard.txt");
  fs::create_directory(dir / "sub");
  auto a = IdentityOf(dir / "a.txt");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(IdentityOf(dir / "link.txt"), a);
  EXPECT_EQ(IdentityOf(dir / "hard.txt"), a);
  EXPECT_EQ(IdentityOf(dir / "sub" / ".." / "a.txt"), a);
  EXPECT_NE(IdentityOf(dir / "b.txt"), a);
  EXPECT_NE(IdentityOf(dir / "sub"), a);
  EXPECT_EQ(IdentityOf(dir / "missing.txt"), std::nullopt);
  fs::create_symlink("loop", dir / "loop");
  EXPECT_EQ(IdentityOf(dir / "loop"), std::nullopt);  // ELOOP
}

TEST(FileIdentity, OfAnOpenRegularFileOnly) {
  auto dir = TempDir("identity_fd");
  WriteFile(dir / "a.txt", "A");
  int fd = ::open((dir / "a.txt").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(IdentityOfRegularFile(fd), IdentityOf(dir / "a.txt"));
  ::close(fd);
  EXPECT_EQ(IdentityOfRegularFile(fd), std::nullopt);  // closed
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  EXPECT_EQ(IdentityOfRegularFile(pipe_fds[0]), std::nullopt);  // a pipe has no second name
  ::close(pipe_fds[0]);
  ::close(pipe_fds[1]);
}

}  // namespace
}  // namespace actorgraph
