#include "test_util.h"

#include <sys/wait.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace actorgraph::testing {

std::filesystem::path SourcePath(const std::string& relative) {
  return std::filesystem::path(ACTORGRAPH_SOURCE_DIR) / relative;
}

std::filesystem::path TempDir(const std::string& name) {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::path(ACTORGRAPH_TEST_TMP) /
             (name + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::filesystem::path& path, const std::string& contents) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << contents;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'')
      q += "'\\''";
    else
      q += c;
  }
  return q + "'";
}

CommandResult Run(const std::string& command_line) {
  auto dir = TempDir("run");
  auto out_path = dir / "stdout";
  auto err_path = dir / "stderr";
  std::string full = "(" + command_line + ") >" + ShellQuote(out_path.string()) + " 2>" +
                     ShellQuote(err_path.string()) + " </dev/null";
  int status = std::system(full.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out_path);
  r.err = ReadFile(err_path);
  std::filesystem::remove_all(dir);
  return r;
}

CommandResult RunCli(const std::string& args) {
  return Run(ShellQuote(ACTORGRAPH_CLI) + " " + args);
}

bool HaveProgram(const std::string& program) {
  return std::system(("command -v " + ShellQuote(program) + " >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace actorgraph::testing
