#include "actorgraph/pipeline/compare_corpus.h"

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

constexpr size_t kBatchDocs = 256;
constexpr size_t kBatchBytes = 4 << 20;

struct Batch {
  std::vector<Document> docs;
  std::vector<std::string> groups;
};

using Queue = BoundedQueue<Batch>;

void ProfileDocument(const Matcher& matcher, const Document& doc, const std::string& group,
                     MatchScratch* sc, std::vector<Mention>* mentions, GroupProfiles* out) {
  matcher.Match(doc.text, sc, mentions);
  out->AddDocument(doc, group, *sc, *mentions,
                   WindowSpans(*sc, out->options().cooccur.window, doc.text.size()));
}

}  // namespace

GroupProfiles ProfileCorpus(const Matcher& matcher, DocumentReader& reader, const Grouper& grouper,
                            const TermFilter& filter, const FrameDictionary* frames,
                            const ProfileCorpusOptions& options) {
  const Gazetteer& gazetteer = matcher.gazetteer();
  const unsigned threads = WorkerThreads(options.threads);
  const ProgressReporter report(reader, options.progress);

  GroupProfiles total(gazetteer, filter, frames, options.profile);
  if (threads == 1) {
    MatchScratch sc;
    std::vector<Mention> mentions;
    Document doc;
    while (reader.Next(&doc)) {
      ProfileDocument(matcher, doc, grouper.GroupOf(doc), &sc, &mentions, &total);
      if (reader.documents() % kBatchDocs == 0) report();
    }
    report();
    total.Finish();
    return total;
  }

  Queue queue(2 * threads);
  std::vector<GroupProfiles> partial;
  partial.reserve(threads);
  for (unsigned w = 0; w < threads; ++w)
    partial.emplace_back(gazetteer, filter, frames, options.profile);
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> workers = StartWorkers(threads, queue, [&](unsigned w) {
    MatchScratch sc;
    std::vector<Mention> mentions;
    try {
      while (auto batch = queue.Pop())
        for (size_t i = 0; i < batch->docs.size(); ++i)
          ProfileDocument(matcher, batch->docs[i], batch->groups[i], &sc, &mentions, &partial[w]);
    } catch (...) {
      errors[w] = std::current_exception();
      while (queue.Pop()) {  // keep draining so the reader never blocks
      }
    }
  });
  std::exception_ptr read_error;
  try {
    Batch batch;
    size_t bytes = 0;
    Document doc;
    while (reader.Next(&doc)) {
      bytes += doc.text.size();
      batch.groups.push_back(grouper.GroupOf(doc));
      batch.docs.push_back(std::move(doc));
      if (batch.docs.size() >= kBatchDocs || bytes >= kBatchBytes) {
        queue.Push(std::move(batch));
        batch = Batch();
        bytes = 0;
        report();
      }
    }
    if (!batch.docs.empty()) queue.Push(std::move(batch));
  } catch (...) {
    read_error = std::current_exception();
  }
  queue.Close();
  for (auto& t : workers) t.join();
  if (read_error) std::rethrow_exception(read_error);
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  report();
  for (auto& p : partial) total.Merge(std::move(p));
  total.Finish();
  return total;
}

fs::path DefaultDataPath() {
  std::error_code ec;
  auto ok = [&](const fs::path& p) { return fs::is_directory(p / "stopwords", ec); };
  if (const char* env = std::getenv("ACTORGRAPH_DATA"); env && *env) {
    // The folder holding gazetteer/, data/ and examples/ (README, as DefaultGazetteerPath reads
    // it); a folder holding stopwords/ itself is still taken as it is.
    if (ok(fs::path(env) / "data")) return fs::path(env) / "data";
    return env;
  }
  if (ok("data")) return "data";
#ifdef ACTORGRAPH_SOURCE_DATA
  if (ok(ACTORGRAPH_SOURCE_DATA)) return ACTORGRAPH_SOURCE_DATA;
#endif
#ifdef ACTORGRAPH_DATA_DIR
  if (ok(fs::path(ACTORGRAPH_DATA_DIR) / "data")) return fs::path(ACTORGRAPH_DATA_DIR) / "data";
#endif
  throw Error(
      "no comparison data found (stopwords/, frames/): set ACTORGRAPH_DATA or pass "
      "--stopwords and --frames");
}

}  // namespace actorgraph
