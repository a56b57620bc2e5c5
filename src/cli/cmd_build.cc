#include "actorgraph/error.h"
#include "cli/commands.h"

namespace actorgraph::cli {

// Replaced by the pipeline in the next commits; the skeleton only needs the entry point to link.
int RunBuild(int, char**) { throw Error("build: the pipeline is not assembled yet"); }

}  // namespace actorgraph::cli
