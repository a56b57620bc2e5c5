// Writes a file through a temporary file in the same folder, renamed into place on success, so a
// failed or interrupted run never leaves a half-written output and keeps the earlier version.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <ostream>

namespace actorgraph {

// Calls `fill` with a stream onto a temporary file next to `path` (".NAME.tmp-PID-N", created
// with O_EXCL and mode 0666 minus the umask), then flushes, fsync(2)s, closes and rename(2)s it to
// `path` (POSIX rename is atomic: readers see the old or the new file, never a mix). Throws Error
// "cannot write PATH: REASON" with the errno text of the failing call (e.g. "File too large" for
// EFBIG under RLIMIT_FSIZE, "No space left on device", "No such file or directory" when the folder
// was removed); the temporary file is removed and `path` is untouched. An Error thrown by `fill`
// is passed on after the same clean-up.
void WriteFileAtomically(const std::filesystem::path& path,
                         const std::function<void(std::ostream&)>& fill);

// For a signal handler: unlinks the temporary files of the writes in progress and copies the
// final path of one of them into `name` (NUL-terminated, cut to `size`; "" when none). Returns
// how many writes were in progress. Async-signal-safe (POSIX.1-2017 §2.4.3: only unlink(2) and
// lock-free atomics); the interrupted writes never rename, so earlier outputs stay intact.
int RemoveTemporaryFiles(char* name, size_t size) noexcept;

}  // namespace actorgraph
