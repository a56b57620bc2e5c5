// Runs the comparison's counting: read → normalise → segment → match → per-group co-occurrence,
// descriptor terms and frame hits, over N threads in bounded batches (as CountCorpus), merged at
// the end so the result is the same for any thread count.
#pragma once

#include <filesystem>

#include "actorgraph/compare/grouping.h"
#include "actorgraph/compare/profile.h"
#include "actorgraph/pipeline/pipeline.h"

namespace actorgraph {

struct ProfileCorpusOptions {
  ProfileOptions profile;
  unsigned threads = 0;                           // 0 = all cores
  std::function<void(const Progress&)> progress;  // called now and then from the calling thread
};

// Profiles every document the reader yields into the group `grouper` assigns; calls Finish.
GroupProfiles ProfileCorpus(const Matcher& matcher, DocumentReader& reader, const Grouper& grouper,
                            const TermFilter& filter, const FrameDictionary* frames,
                            const ProfileCorpusOptions& options);

// The shipped comparison data (stopwords/ar.txt, stopwords/en.txt, frames/conflict.json):
// $ACTORGRAPH_DATA/data ($ACTORGRAPH_DATA holds gazetteer/, data/ and examples/, as for the
// gazetteer; $ACTORGRAPH_DATA itself when it has no data/), ./data, the source tree's data/, then
// the installed data folder. Throws Error
// when none has a stopwords/ folder.
std::filesystem::path DefaultDataPath();

}  // namespace actorgraph
