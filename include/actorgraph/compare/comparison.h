// The comparison tables: each group against its comparison side (the rest of the corpus, or one
// reference group), for salience, partners, descriptor terms, frames and the difference network.
// Statistics: keyness.h (G², p, log ratio, weighted log-odds, Wilson, Benjamini–Hochberg).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actorgraph/compare/keyness.h"
#include "actorgraph/compare/profile.h"
#include "actorgraph/gazetteer/gazetteer.h"

namespace actorgraph {

struct ComparisonOptions {
  // Empty: each group against the rest of the corpus (one against all). Otherwise the name of the
  // group every other group is compared with (it gets no rows of its own).
  std::string reference;
  // α_0, the scale of the informative Dirichlet prior of the log-odds (Monroe et al. 2008 §3.5):
  // α_w = α_0 · (the term's share of all actor contexts in the corpus).
  double prior = 500;
  // Terms rows per (group, actor): the `top_terms` highest and `top_terms` lowest z-scores among
  // terms seen at least `min_term_count` times on the two sides together.
  size_t top_terms = 30;
  uint64_t min_term_count = 2;
  // Partner rows need at least this many windows on the two sides together.
  uint64_t min_partner_count = 1;
};

struct SalienceRow {
  uint32_t actor = 0;
  uint64_t mentions = 0, documents = 0;
  double mention_share = 0;   // mentions / the group's mentions
  double document_share = 0;  // documents / the group's documents
  uint32_t rank = 0;          // 1 = most mentioned in the group; 0 = not mentioned in it
  uint64_t other_mentions = 0, other_documents = 0;
  double other_mention_share = 0;
  Keyness k;     // a = mentions, C = group mentions; b, D on the comparison side
  double q = 1;  // Benjamini–Hochberg over the group's salience rows
};

struct PartnerRow {
  uint32_t actor = 0, partner = 0;
  uint64_t count = 0;  // windows with both, in the group
  double share = 0;    // count / all the actor's pair windows in the group
  uint64_t other_count = 0;
  double other_share = 0;
  Keyness k;  // a = count, C = the actor's pair windows in the group; b, D on the other side
  double q = 1;
};

struct TermRow {
  uint32_t actor = kAllActors;  // kAllActors: `*`
  uint32_t term = 0;            // index into GroupProfiles::terms()
  uint64_t count = 0, other_count = 0;
  uint64_t total = 0, other_total = 0;  // all term occurrences in the actor's contexts
  LogOdds lo;
};

struct FrameRow {
  uint32_t actor = kAllActors;
  uint32_t frame = 0;
  uint64_t hits = 0, contexts = 0;
  double rate = 0;  // hits / contexts
  Interval ci;      // 95% Wilson
  uint64_t other_hits = 0, other_contexts = 0;
  double other_rate = 0;
  Interval other_ci;
  Keyness k;  // G² on (hits, contexts − hits) against the other side
  double q = 1;
};

struct DiffEdge {
  uint32_t a = 0, b = 0;  // actor indices, a < b
  uint64_t count = 0, other_count = 0;
  double share = 0, other_share = 0;  // of all pair windows on each side
  double diff = 0;                    // share − other_share
  Keyness k;
  int favours = 0;  // +1 the group, −1 the other side, 0 neither (equal shares)
};

struct DiffNode {
  uint32_t actor = 0;
  uint64_t mentions = 0, other_mentions = 0;
  double share = 0, other_share = 0;  // mention shares
};

struct GroupComparison {
  std::string name;
  std::string other;  // "rest" (everything else) or the reference group's name
  uint64_t documents = 0, mentions = 0, other_documents = 0, other_mentions = 0;
  uint64_t pair_windows = 0, other_pair_windows = 0;
  std::vector<SalienceRow> salience;  // rank order, then the unmentioned by actor id
  std::vector<PartnerRow> partners;   // by actor id, then G² descending
  std::vector<TermRow> terms;         // `*` first, then by actor id; z descending within
  std::vector<FrameRow> frames;       // `*` first, then by actor id; frame order within
  std::vector<DiffNode> diff_nodes;   // by actor id
  std::vector<DiffEdge> diff_edges;   // by |G²| descending, then ids
};

struct GroupSize {
  std::string name;
  uint64_t documents = 0, mentions = 0;
};

struct Comparison {
  std::vector<GroupSize> groups;             // every group, in group order
  std::vector<GroupComparison> comparisons;  // every compared group, in group order
};

// Throws Error when there are fewer than two groups, or the reference group does not exist.
Comparison CompareGroups(const GroupProfiles& profiles, const Gazetteer& gazetteer,
                         const ComparisonOptions& options);

}  // namespace actorgraph
