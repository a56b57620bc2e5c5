// Writes a file through a temporary file in the same folder, renamed into place on success, so a
// failed or interrupted run never leaves a half-written output and keeps the earlier version.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <ostream>
#include <vector>

namespace actorgraph {

// Calls `fill` with a stream onto a temporary file next to `path` (".NAME.tmp-PID-N", created
// with O_EXCL and mode 0666 minus the umask), then flushes, fsync(2)s, closes and rename(2)s it to
// `path` (POSIX rename is atomic: readers see the old or the new file, never a mix). Throws Error
// "cannot write PATH: REASON" with the errno text of the failing call (e.g. "File too large" for
// EFBIG under RLIMIT_FSIZE, "No space left on device", "No such file or directory" when the folder
// was removed); the temporary file is removed and `path` is untouched. An Error thrown by `fill`
// is passed on after the same clean-up.
// A symbolic link `path` is written through (as a shell's > does): the temporary file goes next
// to the link's target and replaces the target, and the link stays. An existing device, FIFO or
// socket (/dev/null, /dev/stdout, a named pipe) is written directly, without a temporary file:
// it holds no earlier version to keep, and a rename would replace the node with a regular file
// (/dev/full then fails with "No space left on device", as it should).
void WriteFileAtomically(const std::filesystem::path& path,
                         const std::function<void(std::ostream&)>& fill);

// The outputs of one run, replaced together. While an OutputSet is open (at most one per
// process), WriteFileAtomically writes, flushes, fsync(2)s and closes each temporary file as
// always but leaves it pending instead of renaming it. Commit() renames every pending file into
// place, in the order written, and returns their paths as given to WriteFileAtomically; an
// OutputSet destroyed without Commit() (an Error unwinding: a full disk on the fourth file, a
// failed Graphviz render) unlinks its pending files. So a run that fails part-way, or is
// interrupted (RemoveTemporaryFiles unlinks pending files too), leaves every earlier output as it
// was, never a mix of old and new files. Commit() holds SIGINT, SIGTERM and SIGHUP in the calling
// thread while it renames, so an interrupt lands before the first rename or after the last. It can
// only fail on a rename(2) (the folder removed at that moment): it then unlinks the files not yet
// renamed and throws Error "cannot write PATH: REASON". Up to 4096 pending files are also known to
// the signal handler; more are still replaced together, but an interrupt leaves their temporary
// files behind.
class OutputSet {
 public:
  OutputSet();  // throws Error when another OutputSet is open
  ~OutputSet();
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;
  std::vector<std::filesystem::path> Commit();
};

// The file that holds what was written for `path`: its pending temporary file while an open
// OutputSet holds `path`, else `path` itself. For a step that reads an output of the same run
// back, e.g. Graphviz rendering the DOT file.
std::filesystem::path CurrentContents(const std::filesystem::path& path);

// For a signal handler: unlinks the temporary files of the writes in progress and of an open
// OutputSet, and copies the final path of one of them into `name` (NUL-terminated, cut to `size`;
// "" when none). Returns how many temporary files it removed. Async-signal-safe (POSIX.1-2017
// §2.4.3: only unlink(2) and lock-free atomics); those files are never renamed, so earlier outputs
// stay intact.
int RemoveTemporaryFiles(char* name, size_t size) noexcept;

}  // namespace actorgraph
