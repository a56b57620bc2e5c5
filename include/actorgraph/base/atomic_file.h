// Writes a file through a temporary file in the same folder, renamed into place on success, so a
// failed or interrupted run never leaves a half-written output.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace actorgraph {

// Calls `fill` with a stream onto a temporary file next to `path`, then flushes, closes and renames
// it to `path`. Throws Error naming the file when anything fails; the temporary file is removed.
void WriteFileAtomically(const std::filesystem::path& path,
                         const std::function<void(std::ostream&)>& fill);

}  // namespace actorgraph
