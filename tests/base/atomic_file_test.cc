#include "actorgraph/base/atomic_file.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace actorgraph
