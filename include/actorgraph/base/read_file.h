// Reading a whole input file (a gazetteer, a frames or gold file, a stop list, a given-name list,
// a partial graph) with an error that names the file and says why (POSIX open(2), fstat(2),
// read(2)), so that a folder or an unreadable file named where a file belongs is never read as
// empty or as malformed JSON.
#pragma once

#include <filesystem>
#include <string>

namespace actorgraph {

// The bytes of the file `path`. Throws Error "PATH: cannot read WHAT: REASON", where WHAT names
// the kind of file ("the gold file") and REASON is "it is a folder" or the errno text of the call
// that failed ("No such file or directory", "Permission denied", ...).
std::string ReadWholeFile(const std::filesystem::path& path, const std::string& what);

}  // namespace actorgraph
