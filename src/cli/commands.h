// The subcommands of the actorgraph CLI.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace actorgraph::cli {

struct Command {
  std::string name;
  std::string summary;
  std::function<int(int argc, char** argv)> run;  // argv[0] is the command name
};

const std::vector<Command>& Commands();

// Subcommand entry points, one file each.
int RunBuild(int argc, char** argv);
int RunMentions(int argc, char** argv);
int RunEval(int argc, char** argv);
int RunExplain(int argc, char** argv);
int RunGazetteer(int argc, char** argv);
int RunGazetteerSuggest(int argc, char** argv);  // gazetteer suggest
int RunGazetteerConvert(int argc, char** argv);  // gazetteer convert
int RunMerge(int argc, char** argv);
int RunCompare(int argc, char** argv);
int RunStats(int argc, char** argv);

}  // namespace actorgraph::cli
