// Issue 15 at the command line: every bad input gets one clear line and a non-zero exit, and a
// failure on the way out (file size limit, full disk, output folder removed, SIGTERM) leaves the
// previous outputs intact and no partial or temporary file behind.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>

#include "actorgraph/read/encoding.h"
#include "test_util.h"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunCli;
using testing::ShellQuote;
using testing::SourcePath;
using testing::TempDir;
using testing::WriteFile;

std::string Q(const fs::path& p) { return ShellQuote(p.string()); }
std::string Gaz() { return "-g " + Q(SourcePath("gazetteer")); }
std::string Cli() { return ShellQuote(ACTORGRAPH_CLI); }
std::string Article() { return Q(SourcePath("examples/articles/001_9f79dd596af1e7b3.txt")); }

// An output folder holding the outputs of an earlier run, marked so a change would show.
fs::path OldOutputs(const std::string& name) {
  auto out = TempDir(name);
  WriteFile(out / "actors.graphml", "old graphml");
  WriteFile(out / "actors.dot", "old dot");
  return out;
}

void ExpectOldOutputsOnly(const fs::path& out) {
  EXPECT_EQ(ReadFile(out / "actors.graphml"), "old graphml");
  EXPECT_EQ(ReadFile(out / "actors.dot"), "old dot");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(out)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"actors.dot", "actors.graphml"}));
}

TEST(CliBadInput, BlankTxtFilesAreAnEmptyCorpus) {
  auto in = TempDir("blank");
  WriteFile(in / "a.txt", "");
  WriteFile(in / "b.txt", "  \n\r\n\t\n");
  auto r = RunCli("build " + Gaz() + " -o " + Q(TempDir("o")) + " " + Q(in));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "actorgraph: error: no documents to process (empty corpus)\n");
  for (const std::string& command :
       {std::string("mentions "), std::string("explain mustafa_al_kadhimi joe_biden "),
        "eval --gold " + Q(SourcePath("examples/gold.json")) + " "}) {
    auto m = RunCli(command + Gaz() + " " + Q(in));
    EXPECT_EQ(m.exit_code, 1) << command;
    EXPECT_EQ(m.err, "actorgraph: error: no documents to process (empty corpus)\n") << command;
  }
}

TEST(CliBadInput, SymlinkLoopAndDanglingLinkAreReportedOnce) {
  auto in = TempDir("links");
  WriteFile(in / "a.txt", "التقى الكاظمي بايدن في واشنطن.");
  fs::create_directory_symlink(".", in / "self");
  fs::create_symlink("missing.txt", in / "gone.txt");
  auto r = testing::Run("timeout 60 " + Cli() + " build " + Gaz() + " -o " + Q(TempDir("o")) + " " +
                        Q(in));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "actorgraph: warning: " + (in / "gone.txt").string() +
                ": cannot open for reading: No such file or directory; file skipped\n"
                "actorgraph: warning: " +
                (in / "self").string() +
                ": folder already read (a symlink loop, or a second link to it); folder skipped\n");
  // The dangling link was a file; the folder skipped is no document.
  EXPECT_NE(r.out.find("documents: 1 (1 skipped)"), std::string::npos) << r.out;
}

// A read that fails after the file was opened (EIO from /proc/self/mem at offset 0, as from a
// failing disk) skips that file with its reason, as one that cannot be opened; standard input
// that is a folder or closed is named, not read as empty.
TEST(CliBadInput, ReadErrorsSkipTheFileWithTheReason) {
  auto in = TempDir("read_error");
  WriteFile(in / "a.txt", "التقى الكاظمي بايدن في واشنطن.");
  fs::create_symlink("/proc/self/mem", in / "mem.txt");
  auto r = RunCli("mentions " + Gaz() + " " + Q(in));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "actorgraph: warning: " + (in / "mem.txt").string() +
                       ": read error: Input/output error; file skipped\n");
  EXPECT_NE(r.out.find("mustafa_al_kadhimi"), std::string::npos) << r.out;
  auto strict = RunCli("mentions --strict " + Gaz() + " " + Q(in));
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(strict.err, "actorgraph: error: " + (in / "mem.txt").string() +
                            ": read error: Input/output error\n");
  auto folder =
      testing::Run(Cli() + " mentions " + Gaz() + " - " + Q(in / "a.txt") + " < " + Q(in));
  EXPECT_EQ(folder.exit_code, 0) << folder.err;
  EXPECT_EQ(folder.err,
            "actorgraph: warning: -: cannot read standard input: Is a directory; input skipped\n");
  auto closed = testing::Run(Cli() + " mentions " + Gaz() + " - <&-");
  EXPECT_EQ(closed.exit_code, 1);
  EXPECT_NE(closed.err.find("-: cannot read standard input: Bad file descriptor; input skipped\n"),
            std::string::npos)
      << closed.err;
}

TEST(CliBadInput, LongLineIsRefusedWithFileAndLine) {
  auto in = TempDir("long");
  WriteFile(in / "n.jsonl", "{\"text\":\"الكاظمي\"}\n{\"text\":\"" + std::string(300, 'x') +
                                "\"}\n{\"text\":\"بايدن\"}\n");
  auto r = RunCli("build --max-line-bytes 100 " + Gaz() + " -o " + Q(TempDir("o")) + " " +
                  Q(in / "n.jsonl"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "actorgraph: warning: " + (in / "n.jsonl").string() +
                       ":2: line longer than 100 bytes; document skipped\n");
  auto strict = RunCli("build --strict --max-line-bytes 100 " + Gaz() + " -o " + Q(TempDir("o")) +
                       " " + Q(in / "n.jsonl"));
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(strict.err,
            "actorgraph: error: " + (in / "n.jsonl").string() + ":2: line longer than 100 bytes\n");
}

// cxxopts keeps the last of two values of a one-value option: '--format dot --format graphml'
// wrote graphml only. Two different values are an error; repeatable options (-g) stay so.
TEST(CliBadInput, AOneValueOptionGivenTwiceIsAnError) {
  auto r = RunCli("build -q " + Gaz() + " --format dot --format graphml -o " + Q(TempDir("o")) +
                  " " + Article());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "actorgraph: error: --format given twice ('dot', then 'graphml'); give it once (see "
            "'actorgraph build --help')\n");
  auto same = RunCli("build -q " + Gaz() + " --format dot --format dot -o " + Q(TempDir("o")) +
                     " " + Article());
  EXPECT_EQ(same.exit_code, 0) << same.err;
  // (-g given twice stays allowed: UserGazetteer tests run '-g gazetteer -g FILE'.)
}

// cxxopts reads a double with operator>>, which takes "3x" as 3 and "0x10" as 0: the number
// options are read whole, and their range is checked.
TEST(CliBadInput, NumberOptionsAreReadWhole) {
  for (const std::string value : {"0x10", "3x", " 3", "-1", "nan", "1e999", ""}) {
    auto r = RunCli("build -q " + Gaz() + " --min-weight " + ShellQuote(value) + " -o " +
                    Q(TempDir("o")) + " " + Article());
    EXPECT_EQ(r.exit_code, 1) << value;
    EXPECT_EQ(r.err, "actorgraph: error: --min-weight: '" + value +
                         "' is not a valid value (a number >= 0; see 'actorgraph build --help')\n");
  }
  auto stats = RunCli("stats " + Gaz() + " --min-weight 2x " + Article());
  EXPECT_EQ(stats.err,
            "actorgraph: error: --min-weight: '2x' is not a valid value (a number >= 0; "
            "see 'actorgraph stats --help')\n");
  auto prior = RunCli("compare -q " + Gaz() + " --prior 0 -o " + Q(TempDir("o")) + " " + Article() +
                      " " + Article());
  EXPECT_EQ(prior.exit_code, 1);
  EXPECT_EQ(prior.err,
            "actorgraph: error: --prior: '0' is not a valid value (a number >= 0.001; see "
            "'actorgraph compare --help')\n");
  auto ok =
      RunCli("build -q " + Gaz() + " --min-weight 2.5 -o " + Q(TempDir("o")) + " " + Article());
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

// cxxopts' integer parser reads "0x2" as 2: integer options take decimal digits only.
TEST(CliBadInput, IntegerOptionsAreDecimal) {
  for (const std::string value : {"0x2", "-1", "+3", "1e3", "2.0", ""}) {
    auto r = RunCli("build -q " + Gaz() + " --top " + ShellQuote(value) + " -o " + Q(TempDir("o")) +
                    " " + Article());
    EXPECT_EQ(r.exit_code, 1) << value;
    EXPECT_EQ(r.err, "actorgraph: error: --top: '" + value +
                         "' is not a valid value (see 'actorgraph build --help')\n");
  }
  for (const std::string option : {"--threads 0x2", "--max-line-bytes=0x10", "--context 0x10"}) {
    auto r = RunCli("mentions " + Gaz() + " " + option + " " + Article());
    EXPECT_EQ(r.exit_code, 1) << option;
    EXPECT_NE(r.err.find("' is not a valid value"), std::string::npos) << r.err;
  }
  auto ok = RunCli("build -q " + Gaz() + " --top 007 --threads 2 -o " + Q(TempDir("o")) + " " +
                   Article());
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

// A folder named where a file belongs was read as empty (every stop word removed, no given
// names) or as malformed JSON; now the file and the reason are named.
TEST(CliBadInput, AFolderWhereAFileBelongsIsNamed) {
  auto dir = TempDir("folder_as_file");
  const std::string articles = Q(SourcePath("examples/articles"));
  const std::string out = " -o " + Q(dir / "o") + " ";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"compare -q --stopwords " + Q(dir) + out + articles, "the stop list"},
      {"compare -q --frames " + Q(dir) + out + articles, "the frames file"},
      {"eval --gold " + Q(dir) + " " + articles, "the gold file"},
      {"gazetteer suggest -q --given-names " + Q(dir) + " " + articles, "the given-name list"},
  };
  for (const auto& [command, what] : cases) {
    auto r = RunCli(command);
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_EQ(r.err,
              "actorgraph: error: " + dir.string() + ": cannot read " + what + ": it is a folder\n")
        << command;
  }
}

// Zero documents scored is no score: not P, R and F1 of 1.000.
TEST(CliBadInput, EvalWithNoGoldDocumentAmongTheInputsIsAnError) {
  auto dir = TempDir("eval_none");
  WriteFile(dir / "empty.json", "[]");
  WriteFile(dir / "other.json", R"([{"file": "elsewhere.txt", "actors": []}])");
  auto empty = RunCli("eval --gold " + Q(dir / "empty.json") + " " + Gaz() + " " + Article());
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_EQ(empty.err,
            "actorgraph: error: eval: " + (dir / "empty.json").string() + " lists no documents\n");
  auto other = RunCli("eval --gold " + Q(dir / "other.json") + " " + Gaz() + " " + Article());
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_EQ(other.err,
            "actorgraph: error: eval: no document of " + (dir / "other.json").string() +
                " (1 document) is among the inputs (a gold 'file' is matched by its name without "
                "extension against the inputs' document ids)\n");
}

// A message that quotes input stays one printable line: a line break, a NUL or an ESC (which
// would recolour the terminal) in a date is written as \n, \0, \x1b.
TEST(CliBadInput, WarningsQuotingInputAreOneLine) {
  auto dir = TempDir("one_line");
  WriteFile(dir / "d.jsonl",
            "{\"id\":\"x\",\"date\":\"2021\\n-01\\u001b[31m\",\"text\":\"العراق\"}\n");
  auto r = RunCli("mentions --format jsonl " + Gaz() + " " + Q(dir / "d.jsonl"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "actorgraph: warning: " + (dir / "d.jsonl").string() +
                       ":1: field 'date': '2021\\n-01\\x1b[31m' is not a date actorgraph can read; "
                       "document kept, undated\n");
}

// Gold entries find documents by id: two inputs with one id would be scored as one document.
TEST(CliBadInput, EvalRefusesTwoDocumentsWithOneId) {
  auto dir = TempDir("eval_ids");
  WriteFile(dir / "d1" / "a.txt", "العراق وإيران");
  WriteFile(dir / "d2" / "a.txt", "بايدن");
  WriteFile(dir / "gold.json", R"([{"file": "a.txt", "actors": [{"name": "Iraq"}]}])");
  auto r = RunCli("eval --gold " + Q(dir / "gold.json") + " " + Gaz() + " " + Q(dir / "d1") + " " +
                  Q(dir / "d2"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "actorgraph: error: eval: two documents have the id 'a' (" +
                       (dir / "d1" / "a.txt").string() + ", " + (dir / "d2" / "a.txt").string() +
                       "); a gold entry names one document, so give each input a distinct name\n");
}

TEST(CliBadInput, UnknownEncodingIsAnError) {
  auto r =
      RunCli("build --encoding klingon-8 " + Gaz() + " -o " + Q(TempDir("o")) + " " + Article());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "actorgraph: error: --encoding: unknown encoding 'klingon-8'\n");
}

TEST(CliBadInput, Utf16AndWindows1256ArticlesGiveTheSameMentions) {
  auto in = TempDir("encodings");
  std::string utf8 = ReadFile(SourcePath("examples/articles/001_9f79dd596af1e7b3.txt"));
  const std::string stem = "001_9f79dd596af1e7b3.txt";
  WriteFile(in / "cp" / stem, ConvertFromUtf8(utf8, "windows-1256"));
  WriteFile(in / "le" / stem, "\xFF\xFE" + ConvertFromUtf8(utf8, "UTF-16LE"));
  WriteFile(in / "be" / stem, ConvertFromUtf8(utf8, "UTF-16BE"));  // no BOM: named below
  auto mentions = [&](const std::string& options, const fs::path& input) {
    auto r = RunCli("mentions -q " + options + Gaz() + " --format jsonl " + Q(input));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  std::string want = mentions("", SourcePath("examples/articles") / stem);
  EXPECT_GT(want.size(), 1000u);
  EXPECT_EQ(mentions("", in / "cp"), want);  // detected
  EXPECT_EQ(mentions("--encoding cp1256 ", in / "cp"), want);
  EXPECT_EQ(mentions("", in / "le"), want);  // byte order mark
  EXPECT_EQ(mentions("--encoding utf-16be ", in / "be"), want);
}

TEST(CliBadInput, MergeRefusesTruncatedAndForeignPartials) {
  auto dir = TempDir("merge");
  auto r = RunCli("build -q --format partial " + Gaz() + " -o " + Q(dir / "a") + " " + Article());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string good = ReadFile(dir / "a" / "actors.partial.json");
  WriteFile(dir / "cut.json", good.substr(0, 100));
  auto cut = RunCli("merge " + Gaz() + " -o " + Q(dir / "o") + " " +
                    Q(dir / "a/actors.partial.json") + " " + Q(dir / "cut.json"));
  EXPECT_EQ(cut.exit_code, 1);
  EXPECT_EQ(cut.err, "actorgraph: error: " + (dir / "cut.json").string() +
                         ": truncated: the JSON ends at byte 100 before the partial graph is "
                         "complete\n");
  auto folder = RunCli("merge " + Gaz() + " -o " + Q(dir / "o") + " " +
                       Q(dir / "a/actors.partial.json") + " " + Q(dir / "a"));
  EXPECT_EQ(folder.exit_code, 1);
  EXPECT_EQ(folder.err, "actorgraph: error: " + (dir / "a").string() +
                            ": is a folder, not a partial graph (name its actors.partial.json)\n");
  auto other = TempDir("other_gaz");
  WriteFile(other / "g.json", R"({"actorgraph_gazetteer": 1, "actors": []})");
  auto foreign = RunCli("merge -g " + Q(other / "g.json") + " -o " + Q(dir / "o") + " " +
                        Q(dir / "a/actors.partial.json"));
  EXPECT_EQ(foreign.exit_code, 1);
  EXPECT_EQ(foreign.err, "actorgraph: error: " + (dir / "a/actors.partial.json").string() +
                             ": field 'gazetteer_hash': made with another gazetteer than the one "
                             "loaded (give merge the -g options the shards were built with)\n");
  // A shard built with other options, merged after the first: refused, naming the field.
  auto refused = [&](const std::string& options, const std::string& shard) {
    auto built = RunCli("build -q --format partial " + options + " " + Gaz() + " -o " +
                        Q(dir / shard) + " " + Article());
    EXPECT_EQ(built.exit_code, 0) << built.err;
    auto merged =
        RunCli("merge " + Gaz() + " -o " + Q(dir / "o") + " " + Q(dir / "a/actors.partial.json") +
               " " + Q(dir / shard / "actors.partial.json"));
    EXPECT_EQ(merged.exit_code, 1);
    std::string prefix = "actorgraph: error: " + (dir / shard / "actors.partial.json").string();
    EXPECT_EQ(merged.err.rfind(prefix, 0), 0u) << merged.err;
    return merged.err.substr(std::min(prefix.size(), merged.err.size()));
  };
  EXPECT_EQ(refused("--window paragraph", "b"),
            ": field 'window': made with --window paragraph, the first partial with --window "
            "sentence\n");
  // Other mentions counted: media kept (--types) in one shard only.
  EXPECT_EQ(refused("--types all", "c"),
            ": field 'types': made with --types person,state,group,media, the first partial with "
            "--types person,state,group\n");
}

TEST(CliFailureOnTheWayOut, FileSizeLimitKeepsPreviousOutputs) {
  auto out = OldOutputs("fsize");
  // ulimit -f counts 512- or 1024-byte blocks (dash, bash): either way far below the GraphML.
  auto r = testing::Run("ulimit -f 2 && " + Cli() + " build -q " + Gaz() + " -o " + Q(out) + " " +
                        Article());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "actorgraph: error: cannot write " + (out / "actors.graphml").string() +
                       ": File too large\n");
  ExpectOldOutputsOnly(out);
}

// The DOT file (6 KB) is written before the GraphML (60 KB), which the limit stops: the finished
// DOT must not replace the earlier one either, or the folder would hold two runs' outputs.
TEST(CliFailureOnTheWayOut, FailureOnTheSecondFormatReplacesNoneOfThem) {
  auto out = OldOutputs("fsize_second");
  // 16 blocks: 8 KB (dash, 512-byte blocks) or 16 KB (bash): above the DOT, below the GraphML.
  auto r = testing::Run("ulimit -f 16 && " + Cli() + " build -q " + Gaz() +
                        " --format dot,graphml -o " + Q(out) + " " + Article());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "actorgraph: error: cannot write " + (out / "actors.graphml").string() +
                       ": File too large\n");
  ExpectOldOutputsOnly(out);
  // Without the limit, both are replaced.
  auto ok = RunCli("build -q " + Gaz() + " --format dot,graphml -o " + Q(out) + " " + Article());
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ReadFile(out / "actors.dot"), "old dot");
  EXPECT_NE(ReadFile(out / "actors.graphml"), "old graphml");
}

TEST(CliFailureOnTheWayOut, FullDiskKeepsPreviousOutputs) {
  auto out = TempDir("tmpfs");
  if (::geteuid() != 0 ||
      std::system(("mount -t tmpfs -o size=16k tmpfs " + Q(out) + " 2>/dev/null").c_str()))
    GTEST_SKIP() << "cannot mount a tmpfs here (needs root)";
  WriteFile(out / "actors.graphml", "old graphml");
  WriteFile(out / "actors.dot", "old dot");
  auto r = RunCli("build -q " + Gaz() + " -o " + Q(out) + " " + Article());
  std::string graphml = ReadFile(out / "actors.graphml"), dot = ReadFile(out / "actors.dot");
  size_t entries = std::distance(fs::directory_iterator(out), {});
  std::system(("umount " + Q(out)).c_str());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "actorgraph: error: cannot write " + (out / "actors.graphml").string() +
                       ": No space left on device\n");
  EXPECT_EQ(graphml, "old graphml");
  EXPECT_EQ(dot, "old dot");
  EXPECT_EQ(entries, 2u);
}

// Commands that write to standard output (mentions, stats, ...) cannot use a temporary file, but a
// failed write still stops the run with one line and exit 1, instead of exit 0 and a cut-off file.
TEST(CliFailureOnTheWayOut, StandardOutputWriteErrorIsAnError) {
  auto dir = TempDir("stdout_limit");
  // 4 blocks (2 or 4 KB): below the ~8 KB of JSONL mentions of the article; fails mid-run.
  auto r = testing::Run("ulimit -f 4 && " + Cli() + " mentions -q " + Gaz() + " --format jsonl " +
                        Article() + " > " + Q(dir / "m.jsonl"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "actorgraph: error: cannot write standard output: File too large\n");
  EXPECT_LT(fs::file_size(dir / "m.jsonl"), 4097u);
  // A full disk when the last buffer is flushed, after the command has finished.
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  auto full = testing::Run(Cli() + " stats " + Gaz() + " " + Article() + " > /dev/full");
  EXPECT_EQ(full.exit_code, 1);
  EXPECT_EQ(full.err, "actorgraph: error: cannot write standard output: No space left on device\n");
  for (const char* top : {"--help", "--version"}) {
    auto r2 = testing::Run(Cli() + " " + top + " > /dev/full");
    EXPECT_EQ(r2.exit_code, 1) << top;
    EXPECT_EQ(r2.err, "actorgraph: error: cannot write standard output: No space left on device\n");
  }
}

// SIGINT while Graphviz renders: dot gets SIGTERM too, instead of running on after actorgraph has
// gone. A stand-in dot on PATH passes the cairo check, then records its process id and sleeps.
TEST(CliFailureOnTheWayOut, SigintWhileRenderingStopsGraphviz) {
  auto dir = TempDir("render_sigint");
  auto out = OldOutputs("render_sigint_out");
  WriteFile(dir / "bin" / "dot",
            "#!/bin/sh\ncase \"$1\" in -Tpng:cairo) [ \"$2\" = -o ] && exit 0;; esac\n"
            "echo $$ > " +
                Q(dir / "dot.pid") + "\nexec sleep 60\n");
  fs::permissions(dir / "bin" / "dot", fs::perms::owner_all);
  const std::string pid_file = Q(dir / "dot.pid");
  // A shell's background job starts with SIGINT ignored, and an ignored signal stays ignored
  // (AnIgnoredSignalStaysIgnoredAsUnderNohup): env restores its default, as a terminal's is.
  std::string script =
      "PATH=" + Q(dir / "bin") + ":$PATH env --default-signal=INT " + Cli() + " build -q " + Gaz() +
      " --render png -o " + Q(out) + " " + Article() + " & pid=$!; while [ ! -s " + pid_file +
      " ]; do sleep 0.05; done; kill -INT $pid; wait $pid; echo \"exit $?\" >&2; sleep 0.5; "
      // Gone, or a zombie that no init reaps (in a container): not running.
      "st=$(cut -d' ' -f3 /proc/$(cat " +
      pid_file + ")/stat 2>/dev/null); " +
      "[ -n \"$st\" ] && [ \"$st\" != Z ] && echo 'dot still runs' >&2; true";
  auto r = testing::Run(script);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n') + 1),
            "actorgraph: error: interrupted by SIGINT while writing " +
                (out / "actors.graphml").string() +
                " and 1 other output; removed their temporary files, the outputs are as they "
                "were before the run\n");
  EXPECT_NE(r.err.find("exit 130\n"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("dot still runs"), std::string::npos) << r.err;
  ExpectOldOutputsOnly(out);
}

// The run reads standard input from a FIFO the test controls, so the output folder can be removed
// (or the process signalled) at a known point: after the output folder was checked, before any
// output is written.
TEST(CliFailureOnTheWayOut, OutputFolderRemovedMidRunFailsNamingTheFile) {
  auto dir = TempDir("vanish");
  auto out = dir / "out";
  std::string script = "mkfifo " + Q(dir / "fifo") + " || exit 9; (" + Cli() + " build -q " +
                       Gaz() + " -o " + Q(out) + " - < " + Q(dir / "fifo") +
                       "; echo \"exit $?\" >&2) & " + "exec 3>" + Q(dir / "fifo") + "; cat " +
                       Article() + " >&3; while [ ! -d " + Q(out) +
                       " ]; do sleep 0.05; done; rm -rf " + Q(out) + "; exec 3>&-; wait";
  auto r = testing::Run(script);
  EXPECT_EQ(r.err, "actorgraph: error: cannot write " + (out / "actors.graphml").string() +
                       ": No such file or directory\nexit 1\n");
  EXPECT_FALSE(fs::exists(out));
}

TEST(CliFailureOnTheWayOut, SigtermLeavesPreviousOutputsAndNoTemporaryFile) {
  auto dir = TempDir("sigterm");
  auto out = OldOutputs("sigterm_out");
  std::string script = "mkfifo " + Q(dir / "fifo") + " || exit 9; " + Cli() + " build -q " + Gaz() +
                       " -o " + Q(out) + " - < " + Q(dir / "fifo") + " & pid=$!; exec 3>" +
                       Q(dir / "fifo") + "; cat " + Article() +
                       " >&3; sleep 1; kill -TERM $pid; wait $pid; echo \"exit $?\" >&2; exec 3>&-";
  auto r = testing::Run(script);
  // The one line of actorgraph, then (from the shell) how it ended: killed by SIGTERM, 128 + 15.
  EXPECT_EQ(r.err.substr(0, r.err.find('\n') + 1),
            "actorgraph: error: interrupted by SIGTERM; no output was being written, none is "
            "partial\n");
  EXPECT_NE(r.err.find("exit 143\n"), std::string::npos) << r.err;
  ExpectOldOutputsOnly(out);
}

// nohup (or a script's background job) starts the run with SIGHUP (SIGINT) ignored: it stays
// ignored, and the run goes on to write its outputs, instead of ending at the hang-up.
TEST(CliFailureOnTheWayOut, AnIgnoredSignalStaysIgnoredAsUnderNohup) {
  auto dir = TempDir("nohup");
  auto out = dir / "out";
  std::string script = "mkfifo " + Q(dir / "fifo") + " || exit 9; (trap '' HUP INT; exec " + Cli() +
                       " build -q " + Gaz() + " -o " + Q(out) + " - < " + Q(dir / "fifo") +
                       ") & pid=$!; exec 3>" + Q(dir / "fifo") + "; cat " + Article() +
                       " >&3; sleep 0.5; kill -HUP $pid; kill -INT $pid; sleep 0.2; " +
                       "exec 3>&-; wait $pid; echo \"exit $?\" >&2";
  auto r = testing::Run(script);
  EXPECT_EQ(r.err, "exit 0\n");
  EXPECT_TRUE(fs::exists(out / "actors.graphml"));
}

}  // namespace
}  // namespace actorgraph
