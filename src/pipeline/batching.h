// What the corpus runs of pipeline/ (CountCorpus, ProfileCorpus) share: the worker count, progress
// reports and a bounded queue between the reading thread and the workers. Private to pipeline/.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "actorgraph/base/error.h"
#include "actorgraph/pipeline/pipeline.h"
#include "actorgraph/read/reader.h"

namespace actorgraph {

// Starts `n` threads running fn(0) … fn(n - 1). When the system refuses one (too many threads
// for its limits), closes `queue` so that those already started finish, joins them and throws
// Error, instead of leaving joinable threads behind (std::terminate).
template <class Queue, class Fn>
std::vector<std::thread> StartWorkers(unsigned n, Queue& queue, Fn fn) {
  std::vector<std::thread> workers;
  try {
    for (unsigned w = 0; w < n; ++w) workers.emplace_back(fn, w);
  } catch (const std::system_error& e) {
    queue.Close();
    for (auto& t : workers) t.join();
    throw Error("cannot start " + std::to_string(n) + " worker threads (" +
                std::to_string(workers.size()) + " started): " + e.what() + "; use fewer threads");
  }
  return workers;
}

// Reports the reader's position and the time since construction to `progress` (if set).
class ProgressReporter {
 public:
  ProgressReporter(const DocumentReader& reader, std::function<void(const Progress&)> progress)
      : reader_(reader), progress_(std::move(progress)), t0_(std::chrono::steady_clock::now()) {}
  void operator()() const {
    if (!progress_) return;
    Progress p;
    p.documents = reader_.documents();
    p.bytes = reader_.bytes_read();
    p.total_bytes = reader_.total_bytes();
    p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
    progress_(p);
  }

 private:
  const DocumentReader& reader_;
  std::function<void(const Progress&)> progress_;
  std::chrono::steady_clock::time_point t0_;
};

// Push blocks while `capacity` items wait; Pop blocks until an item arrives or the queue is closed
// and empty (then it returns nullopt). Bounding the queue bounds the memory of a run.
template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}
  void Push(T item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return q_.size() < capacity_; });
    q_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  // Push without blocking: false (and `item` left as it was) when the queue is full.
  bool TryPush(T& item) {
    std::lock_guard lock(mu_);
    if (q_.size() >= capacity_) return false;
    q_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }
  std::optional<T> Pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return std::nullopt;
    T item = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> q_;
  bool closed_ = false;
};

}  // namespace actorgraph
