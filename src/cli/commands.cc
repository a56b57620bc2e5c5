#include "cli/commands.h"

namespace actorgraph::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"build", "read articles, find actors, write the network (GraphML, DOT, ...)", RunBuild},
  };
  return commands;
}

}  // namespace actorgraph::cli
