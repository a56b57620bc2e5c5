// actorgraph: the command line. Each subcommand lives in its own file (cmd_*.cc); only this file
// turns errors into exit codes.
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ios>
#include <iostream>
#include <string>
#include <string_view>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/base/error.h"
#include "actorgraph/version.h"
#include "cli/commands.h"
#include "cli/common.h"

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

void WriteAll(const char* s) {
  size_t n = std::strlen(s);
  while (n > 0) {
    ssize_t w = ::write(STDERR_FILENO, s, n);
    if (w <= 0) return;
    s += w;
    n -= static_cast<size_t>(w);
  }
}

// SIGINT, SIGTERM, SIGHUP: remove the temporary file of an output being written (the earlier
// version stays in place), say so in one line, then die of the same signal so that the parent
// (a shell loop, make, a job scheduler) sees how the run ended (exit status 128 + signal number).
// Only async-signal-safe calls (POSIX.1-2017 §2.4.3).
extern "C" void OnTerminatingSignal(int sig) {
  static char name[4096];
  actorgraph::cli::StopGraphviz();
  int writing = actorgraph::RemoveTemporaryFiles(name, sizeof name);
  actorgraph::cli::RemoveEmptyCreatedFolders();
  WriteAll("actorgraph: error: interrupted by ");
  WriteAll(sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP");
  if (writing == 1) {
    WriteAll(" while writing ");
    WriteAll(name);
    WriteAll("; removed its temporary file, the outputs are as they were before the run\n");
  } else if (writing > 1) {
    char count[16];  // writing - 1 in decimal, by hand: snprintf is not async-signal-safe
    int n = writing - 1, len = 0;
    char digits[16];
    do digits[len++] = static_cast<char>('0' + n % 10);
    while ((n /= 10) > 0 && len < 15);
    for (int i = 0; i < len; ++i) count[i] = digits[len - 1 - i];
    count[len] = '\0';
    WriteAll(" while writing ");
    WriteAll(name);
    WriteAll(" and ");
    WriteAll(count);
    WriteAll(writing == 2 ? " other output" : " other outputs");
    WriteAll("; removed their temporary files, the outputs are as they were before the run\n");
  } else {
    WriteAll("; no output was being written, none is partial\n");
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void InstallSignalHandlers() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = OnTerminatingSignal;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&sa.sa_mask, sig);
  // A signal the parent set to be ignored stays ignored: nohup ignores SIGHUP, and a shell
  // ignores SIGINT in a background job of a script, so that they run on (POSIX.1-2017 nohup;
  // coreutils' sort and GNU make do the same).
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old;
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(sig, &sa, nullptr);
  }
  // Over a file size limit (RLIMIT_FSIZE) the kernel sends SIGXFSZ, whose default action kills the
  // process before it can clean up; ignored, write(2) fails with EFBIG and the error path runs.
  ::signal(SIGXFSZ, SIG_IGN);
}

// Exit status 0, or 1 with "cannot write standard output: REASON" when the output did not get
// out (a full disk, /dev/full).
int FlushStandardOutput() {
  std::cout.flush();
  if (!std::cout.bad()) return 0;
  int err = errno;
  std::cerr << "actorgraph: error: cannot write standard output"
            << (err ? std::string(": ") + std::strerror(err) : std::string()) << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  InstallSignalHandlers();
  if (argc < 2) {
    PrintUsage(std::cerr);
    return 2;
  }
  std::string_view cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    PrintUsage(std::cout);
    return FlushStandardOutput();
  }
  if (cmd == "--version") {
    std::cout << "actorgraph " ACTORGRAPH_VERSION "\n";
    return FlushStandardOutput();
  }
  // Standard output (mentions, stats, explain, eval, gazetteer list, ...): a write that fails (a
  // full disk, a file size limit, /dev/full) throws at once, so the run stops instead of going on
  // silently and exiting 0 with a cut-off file. The final flush catches a failure of the last
  // buffer. Unlike -o outputs, what reached the file before the failure stays there.
  std::cout.exceptions(std::ios::badbit);
  for (const auto& c : actorgraph::cli::Commands()) {
    if (c.name != cmd) continue;
    try {
      int rc = c.run(argc - 1, argv + 1);
      std::cout.flush();
      return rc;
    } catch (const std::ios_base::failure& e) {
      int err = errno;  // of the failed write(2): nothing since has failed
      // std::cerr is tied to std::cout: writing the message flushes it, which must not throw again.
      std::cout.exceptions(std::ios::goodbit);
      actorgraph::cli::RemoveEmptyCreatedFolders();
      if (!std::cout.bad()) {
        std::cerr << "actorgraph: error: " << e.what() << "\n";
        return 1;
      }
      std::cerr << "actorgraph: error: cannot write standard output"
                << (err ? std::string(": ") + std::strerror(err) : std::string()) << "\n";
      return 1;
    } catch (const actorgraph::Error& e) {
      actorgraph::cli::RemoveEmptyCreatedFolders();
      std::cerr << "actorgraph: error: " << e.what() << "\n";
      return 1;
    } catch (const std::exception& e) {
      actorgraph::cli::RemoveEmptyCreatedFolders();
      std::cerr << "actorgraph: error: " << e.what() << "\n";
      return 1;
    }
  }
  std::cerr << "actorgraph: error: unknown command '" << actorgraph::OneLine(cmd)
            << "' (see 'actorgraph --help')\n";
  return 2;
}
