// actorgraph: the command line. Each subcommand lives in its own file (cmd_*.cc); only this file
// turns errors into exit codes.
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>

#include "actorgraph/base/error.h"
#include "actorgraph/version.h"
#include "cli/commands.h"

namespace {

void PrintUsage(std::ostream& out) {
  out << "actorgraph " ACTORGRAPH_VERSION
         " - actor networks from news articles (Arabic and English)\n\n"
         "Usage: actorgraph <command> [options] [inputs...]\n\nCommands:\n";
  for (const auto& c : actorgraph::cli::Commands()) {
    out << "  " << c.name;
    for (size_t i = c.name.size(); i < 20; ++i) out << ' ';
    out << c.summary << "\n";
  }
  out << "\nRun 'actorgraph <command> --help' for the options of a command.\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(std::cerr);
    return 2;
  }
  std::string_view cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    PrintUsage(std::cout);
    return 0;
  }
  if (cmd == "--version") {
    std::cout << "actorgraph " ACTORGRAPH_VERSION "\n";
    return 0;
  }
  for (const auto& c : actorgraph::cli::Commands()) {
    if (c.name != cmd) continue;
    try {
      return c.run(argc - 1, argv + 1);
    } catch (const actorgraph::Error& e) {
      std::cerr << "actorgraph: error: " << e.what() << "\n";
      return 1;
    } catch (const std::exception& e) {
      std::cerr << "actorgraph: error: " << e.what() << "\n";
      return 1;
    }
  }
  std::cerr << "actorgraph: unknown command '" << cmd << "' (see 'actorgraph --help')\n";
  return 2;
}
