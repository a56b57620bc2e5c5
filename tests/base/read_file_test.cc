#include "actorgraph/base/read_file.h"

#include <gtest/gtest.h>

#include "actorgraph/base/error.h"
#include "test_util.h"

namespace actorgraph {
namespace {

using testing::TempDir;
using testing::WriteFile;

std::string ErrorOf(const std::filesystem::path& p) {
  try {
    ReadWholeFile(p, "the gold file");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(ReadFile, ReadsEveryByte) {
  auto dir = TempDir("read_file");
  std::string bytes("a\0b\xFF\n", 5);
  bytes += std::string(200000, 'x');  // more than one read(2)
  WriteFile(dir / "a.bin", bytes);
  EXPECT_EQ(ReadWholeFile(dir / "a.bin", "the gold file"), bytes);
  WriteFile(dir / "empty", "");
  EXPECT_EQ(ReadWholeFile(dir / "empty", "the gold file"), "");
}

TEST(ReadFile, AFolderOrAMissingFileIsAnErrorNamingItAndWhy) {
  auto dir = TempDir("read_file");
  EXPECT_EQ(ErrorOf(dir), dir.string() + ": cannot read the gold file: it is a folder");
  EXPECT_EQ(
      ErrorOf(dir / "missing.json"),
      (dir / "missing.json").string() + ": cannot read the gold file: No such file or directory");
}

}  // namespace
}  // namespace actorgraph
