// actorgraph merge: combine partial graphs (build --format partial) into the outputs one run over
// all the shards would give.
#include <iostream>

#include "actorgraph/base/error.h"
#include "actorgraph/network/partial.h"
#include "actorgraph/pipeline/pipeline.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/output.h"

namespace actorgraph::cli {

int RunMerge(int argc, char** argv) {
  cxxopts::Options options(
      "merge",
      "Combine partial graphs written by 'actorgraph build --format partial' into the same "
      "outputs one run over all the shards gives. Give the partials in the order of their "
      "shards (evidence keeps the earliest windows).\n\nUsage: actorgraph merge [options] "
      "PARTS...");
  AddCommonOptions(options);
  AddOutputOptions(options);
  options.add_options()("g,gazetteer",
                        "the gazetteer the partials were made with (default: the shipped one)",
                        cxxopts::value<std::vector<std::string>>())(
      "parts", "partial graph files", cxxopts::value<std::vector<std::string>>());
  options.parse_positional({"parts"});
  options.positional_help("PARTS...");
  cxxopts::ParseResult args;
  if (!Parse(options, argc, argv, &args)) return 0;
  if (!args.count("parts")) throw Error("merge: no partial graphs given");
  auto parts = args["parts"].as<std::vector<std::string>>();
  Output out = ParseOutput(args);
  const Gazetteer& gazetteer = KeepUntilExit([&] { return LoadGazetteer(args); });
  CheckDistinctShards({parts.begin(), parts.end()});
  Cooccurrence& counts = KeepUntilExit(
      [&] { return Cooccurrence(gazetteer.actors().size(), PartialOptions(parts[0])); });
  for (const auto& p : parts) MergePartial(p, gazetteer, &counts);
  WriteOutputs(out, counts, gazetteer, 0);
  return 0;
}

}  // namespace actorgraph::cli
