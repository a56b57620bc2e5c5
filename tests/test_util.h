// Helpers shared by the tests: paths into the source tree, temporary folders and running the CLI.
#pragma once

#include <filesystem>
#include <string>

namespace actorgraph::testing {

// A path inside the source tree, e.g. SourcePath("examples/articles").
std::filesystem::path SourcePath(const std::string& relative);

// A fresh, empty folder under the build tree, unique per call.
std::filesystem::path TempDir(const std::string& name);

// Reads a whole file; throws on failure.
std::string ReadFile(const std::filesystem::path& path);

// Writes a whole file, creating parent folders.
void WriteFile(const std::filesystem::path& path, const std::string& contents);

struct CommandResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs a shell command line; captures stdout and stderr.
CommandResult Run(const std::string& command_line);

// Runs the actorgraph CLI with the given arguments (already shell-quoted as needed).
CommandResult RunCli(const std::string& args);

// Quotes a string for /bin/sh.
std::string ShellQuote(const std::string& s);

// True when `program` is on PATH.
bool HaveProgram(const std::string& program);

}  // namespace actorgraph::testing
