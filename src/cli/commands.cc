#include "cli/commands.h"

namespace actorgraph::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"build",
       "read articles, find actors, write the network (GraphML, GEXF, DOT, JSON, CSV, HTML)",
       RunBuild},
      {"mentions", "list every actor mention with its context (KWIC table or JSON lines)",
       RunMentions},
      {"eval", "precision, recall and F1 of actor presence against a gold file", RunEval},
      {"explain", "show the evidence linking two actors", RunExplain},
      {"compare", "compare how groups (inputs, outlets, periods, fields) frame the same actors",
       RunCompare},
      {"stats", "the network's summary: size, density, communities, top actors by centrality",
       RunStats},
      {"merge", "combine partial graphs of corpus shards (build --format partial)", RunMerge},
      {"gazetteer",
       "check, list, grow (suggest) or convert the gazetteer (gazetteer "
       "check|list|suggest|convert)",
       RunGazetteer},
  };
  return commands;
}

}  // namespace actorgraph::cli
