// Partial graphs: the co-occurrence counts of one shard of a corpus, written by
// `actorgraph build --format partial` and combined by `actorgraph merge`. Merging the partials of
// consecutive shards, in input order, gives exactly the counts (and evidence) of one run over the
// whole corpus, so the outputs are byte-identical.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/gazetteer/gazetteer.h"
#include "actorgraph/network/cooccur.h"

namespace actorgraph {

// Writes `counts` (made with `gazetteer`) as JSON to `path`, atomically.
void WritePartial(const Cooccurrence& counts, const Gazetteer& gazetteer,
                  const std::filesystem::path& path);

// Adds a partial file to `into`. Evidence positions are shifted by the documents already in `into`,
// so partials must be given in the order of their shards. Throws Error naming the file and field
// when the file is malformed, was made with another gazetteer (by hash) or other options.
void MergePartial(const std::filesystem::path& path, const Gazetteer& gazetteer,
                  Cooccurrence* into);

// Refuses shards given twice: the same file named twice, or two files with identical contents
// (merging them would silently double every count). Throws Error naming both files.
void CheckDistinctShards(const std::vector<std::filesystem::path>& paths);

// The options a partial file was made with, to create the accumulator for MergePartial.
CooccurOptions PartialOptions(const std::filesystem::path& path);

// The same from a partial file's contents; `name` is used in messages. Every error is one line
// "NAME: field 'F': …": truncated JSON ("NAME: truncated: …"), another version, another
// gazetteer ('gazetteer_hash'), other options ('window', 'max_evidence', 'snippet_bytes'), a
// missing or mistyped field, an unknown actor id. `into` is unchanged when it throws.
CooccurOptions PartialOptionsFromText(std::string_view contents, const std::string& name);
void MergePartialText(std::string_view contents, const std::string& name,
                      const Gazetteer& gazetteer, Cooccurrence* into);

}  // namespace actorgraph
