#include "actorgraph/pipeline/pipeline.h"

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "actorgraph/base/error.h"
#include "batching.h"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

// A batch is a few ms of work (64 documents or 256 KB of text, whichever comes first): with 256
// documents of the benchmark's 8 KB articles (~27 ms) one thread often counted the last alone.
constexpr size_t kBatchDocs = 64;
constexpr size_t kBatchBytes = 256 << 10;

using BatchQueue = BoundedQueue<std::vector<Document>>;

void CountDocument(const Matcher& matcher, const CountOptions& options, const Document& doc,
                   MatchScratch* sc, std::vector<Mention>* mentions, Cooccurrence* counts) {
  MatchDocument(matcher, options.roles, options.types, doc, sc, mentions);
  counts->AddDocument(doc, *mentions, WindowSpans(*sc, counts->options().window, doc.text.size()));
  counts->AddSentences(sc->seg.sentences.size());
}

bool HasJson(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") return true;
  return false;
}

}  // namespace

void MatchDocument(const Matcher& matcher, const RoleResolver* roles, TypeMask types,
                   const Document& doc, MatchScratch* sc, std::vector<Mention>* mentions) {
  matcher.Match(doc.text, sc, mentions);
  if (roles != nullptr) roles->Resolve(doc.text, doc.date, *sc, mentions);
  FilterTypes(matcher.gazetteer(), types, mentions);
}

std::vector<std::pair<uint32_t, uint32_t>> WindowSpans(const MatchScratch& sc, Window window,
                                                       size_t text_size) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  const auto& to_orig = sc.norm.to_orig;
  const auto& sentences = sc.seg.sentences;
  switch (window) {
    case Window::kSentence:
      spans.reserve(sentences.size());
      for (const auto& s : sentences) spans.push_back({to_orig[s.begin], to_orig[s.end]});
      break;
    case Window::kParagraph:
      for (const auto& s : sentences) {
        if (s.paragraph >= spans.size()) spans.resize(s.paragraph + 1, {to_orig[s.begin], 0});
        spans[s.paragraph].second = to_orig[s.end];
      }
      break;
    case Window::kDocument:
      spans.push_back({0, static_cast<uint32_t>(text_size)});
      break;
  }
  return spans;
}

Cooccurrence CountCorpus(const Matcher& matcher, DocumentReader& reader,
                         const CountOptions& options) {
  const size_t num_actors = matcher.gazetteer().actors().size();
  const unsigned threads = WorkerThreads(options.threads);
  const ProgressReporter report(reader, options.progress);
  CooccurOptions cooccur = options.cooccur;  // with what the mentions were filtered by
  cooccur.types = options.types;
  cooccur.roles = options.roles != nullptr;

  Cooccurrence total(num_actors, cooccur);
  if (threads == 1) {
    MatchScratch sc;
    std::vector<Mention> mentions;
    Document doc;
    while (reader.Next(&doc)) {
      CountDocument(matcher, options, doc, &sc, &mentions, &total);
      if (reader.documents() % kBatchDocs == 0) report();
    }
    report();
    return total;
  }

  // threads - 1 workers, and the reading thread works too: when the queue is full it counts the
  // batch it holds itself instead of waiting, so N threads keep N cores busy (a reader that only
  // read would be a third thread on two cores, and would wait or be waited for). Accumulators
  // merge exactly, so which thread counted a batch never changes the result.
  BatchQueue queue(2 * threads);
  std::vector<Cooccurrence> partial(threads, Cooccurrence(num_actors, cooccur));
  std::vector<std::exception_ptr> errors(threads);
  std::mutex merge_mu;  // guards `total`
  std::vector<std::thread> workers = StartWorkers(threads - 1, queue, [&](unsigned w) {
    MatchScratch sc;
    std::vector<Mention> mentions;
    try {
      while (auto batch = queue.Pop())
        for (const Document& doc : *batch)
          CountDocument(matcher, options, doc, &sc, &mentions, &partial[w]);
      // Merge and free this worker's counts here, in parallel with the threads still counting,
      // not after the join (merging is exact, so the order of merges does not matter).
      {
        std::lock_guard lock(merge_mu);
        total.Merge(partial[w]);
      }
      partial[w] = Cooccurrence(0, cooccur);
    } catch (...) {
      errors[w] = std::current_exception();
      while (queue.Pop()) {  // keep draining so the reader never blocks
      }
    }
  });
  std::exception_ptr read_error;
  try {
    MatchScratch sc;
    std::vector<Mention> mentions;
    Cooccurrence& own = partial[threads - 1];
    std::vector<Document> batch;
    size_t bytes = 0;
    Document doc;
    while (reader.Next(&doc)) {
      bytes += doc.text.size();
      batch.push_back(std::move(doc));
      if (batch.size() >= kBatchDocs || bytes >= kBatchBytes) {
        if (!queue.TryPush(batch)) {
          for (const Document& d : batch) CountDocument(matcher, options, d, &sc, &mentions, &own);
        }
        batch.clear();
        bytes = 0;
        report();
      }
    }
    for (const Document& d : batch) CountDocument(matcher, options, d, &sc, &mentions, &own);
    // Then help the workers empty the queue, rather than wait while one of them counts the
    // batches still queued alone.
    queue.Close();
    while (auto queued = queue.Pop())
      for (const Document& d : *queued) CountDocument(matcher, options, d, &sc, &mentions, &own);
  } catch (...) {
    read_error = std::current_exception();
  }
  queue.Close();
  for (auto& t : workers) t.join();
  if (read_error) std::rethrow_exception(read_error);
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  report();
  total.Merge(partial[threads - 1]);  // the reading thread's own counts
  total.FoldPendingDates(threads);
  return total;
}

std::vector<fs::path> DataDirs() {
  std::vector<fs::path> dirs;
  if (const char* env = std::getenv("ACTORGRAPH_DATA"); env && *env) dirs.push_back(env);
  // PREFIX/bin/actorgraph finds PREFIX/share/actorgraph, wherever the prefix was moved or
  // installed.
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) dirs.push_back(exe.parent_path().parent_path() / "share" / "actorgraph");
  return dirs;
}

fs::path DefaultGazetteerPath() {
  if (const char* env = std::getenv("ACTORGRAPH_GAZETTEER"); env && *env) return env;
  if (HasJson("gazetteer")) return "gazetteer";
  for (const auto& d : DataDirs())
    if (HasJson(d / "gazetteer")) return d / "gazetteer";
#ifdef ACTORGRAPH_SOURCE_GAZETTEER
  if (HasJson(ACTORGRAPH_SOURCE_GAZETTEER)) return ACTORGRAPH_SOURCE_GAZETTEER;
#endif
#ifdef ACTORGRAPH_DATA_DIR
  if (HasJson(fs::path(ACTORGRAPH_DATA_DIR) / "gazetteer"))
    return fs::path(ACTORGRAPH_DATA_DIR) / "gazetteer";
#endif
  throw Error(
      "no gazetteer found: pass -g FILE|DIR, or set ACTORGRAPH_GAZETTEER (a gazetteer folder) or "
      "ACTORGRAPH_DATA (the folder holding gazetteer/ and examples/)");
}

fs::path DefaultCorpusPath() {
  std::error_code ec;
  if (fs::is_directory("examples/articles", ec)) return "examples/articles";
  for (const auto& d : DataDirs())
    if (fs::is_directory(d / "examples", ec)) return d / "examples";
#ifdef ACTORGRAPH_SOURCE_CORPUS
  if (fs::is_directory(ACTORGRAPH_SOURCE_CORPUS, ec)) return ACTORGRAPH_SOURCE_CORPUS;
#endif
#ifdef ACTORGRAPH_DATA_DIR
  if (fs::is_directory(fs::path(ACTORGRAPH_DATA_DIR) / "examples", ec))
    return fs::path(ACTORGRAPH_DATA_DIR) / "examples";
#endif
  throw Error(
      "no input given and no sample corpus found (examples/articles, or examples/ under "
      "ACTORGRAPH_DATA or the installed share/actorgraph)");
}

}  // namespace actorgraph
