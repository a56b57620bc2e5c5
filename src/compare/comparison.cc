#include "actorgraph/compare/comparison.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

double Share(uint64_t x, uint64_t total) { return total ? double(x) / double(total) : 0.0; }

uint64_t Get(const std::unordered_map<uint64_t, EdgeStats>& m, uint64_t key) {
  auto it = m.find(key);
  return it == m.end() ? 0 : it->second.count;
}

uint64_t Get(const CountMap& m, uint32_t key) { return m.Get(key); }

// Sums of every group: the corpus.
struct Totals {
  std::vector<uint64_t> mentions, documents;
  std::unordered_map<uint64_t, EdgeStats> edges;  // only .count is used
  std::map<uint32_t, TermCounts> terms;           // ordered by actor (kAllActors last)
  std::map<uint32_t, FrameCounts> frames;
  uint64_t docs = 0, all_mentions = 0, pair_windows = 0;
};

// Per-group aggregates that are not stored in the profile.
struct GroupSums {
  uint64_t mentions = 0, pair_windows = 0;
  std::vector<uint64_t> strength;  // per actor: its pair windows
};

GroupSums Sums(const GroupProfile& g, size_t actors) {
  GroupSums s;
  s.strength.assign(actors, 0);
  for (const auto& n : g.cooccur.nodes()) s.mentions += n.mentions;
  for (const auto& [key, e] : g.cooccur.edges()) {
    s.pair_windows += e.count;
    s.strength[key >> 32] += e.count;
    s.strength[key & 0xffffffffu] += e.count;
  }
  return s;
}

const TermCounts* FindTerms(const GroupProfile& g, uint32_t actor) {
  auto it = g.terms.find(actor);
  return it == g.terms.end() ? nullptr : &it->second;
}
const FrameCounts* FindFrames(const GroupProfile& g, uint32_t actor) {
  auto it = g.frames.find(actor);
  return it == g.frames.end() ? nullptr : &it->second;
}

void AddQ(std::vector<double> p, auto& rows) {
  auto q = BenjaminiHochberg(p);
  for (size_t i = 0; i < rows.size(); ++i) rows[i].q = q[i];
}

}  // namespace

Comparison CompareGroups(const GroupProfiles& profiles, const Gazetteer& gazetteer,
                         const ComparisonOptions& options) {
  const auto& groups = profiles.groups();
  const size_t A = gazetteer.actors().size();
  const auto& term_info = profiles.terms();
  if (groups.size() < 2)
    throw Error("compare needs at least two groups, found " + std::to_string(groups.size()) +
                (groups.empty() ? std::string() : " ('" + groups[0]->name + "')") +
                ": choose another --by key or add inputs");
  const GroupProfile* ref = nullptr;
  if (!options.reference.empty()) {
    for (const auto& g : groups)
      if (g->name == options.reference) ref = g.get();
    if (!ref) {
      std::string names;
      for (size_t i = 0; i < groups.size() && i < 8; ++i)
        names += (i ? ", " : "") + groups[i]->name;
      throw Error("--reference: no group named '" + options.reference + "' (groups: " + names +
                  (groups.size() > 8 ? ", ..." : "") + ")");
    }
  }

  Totals tot;
  tot.mentions.assign(A, 0);
  tot.documents.assign(A, 0);
  const size_t num_frames = profiles.frames() ? profiles.frames()->frames().size() : 0;
  for (const auto& g : groups) {
    tot.docs += g->documents;
    const auto& nodes = g->cooccur.nodes();
    for (size_t a = 0; a < A && a < nodes.size(); ++a) {
      tot.mentions[a] += nodes[a].mentions;
      tot.documents[a] += nodes[a].documents;
      tot.all_mentions += nodes[a].mentions;
    }
    for (const auto& [key, e] : g->cooccur.edges()) {
      tot.edges[key].count += e.count;
      tot.pair_windows += e.count;
    }
    for (const auto& [actor, tc] : g->terms) {
      TermCounts& t = tot.terms[actor];
      for (const auto& [id, n] : tc.counts) t.counts.Add(id, n);
      t.total += tc.total;
    }
    for (const auto& [actor, fc] : g->frames) {
      FrameCounts& f = tot.frames[actor];
      f.contexts += fc.contexts;
      f.hits.resize(num_frames, 0);
      for (size_t i = 0; i < fc.hits.size() && i < num_frames; ++i) f.hits[i] += fc.hits[i];
    }
  }
  // Partner lists from the corpus, sorted by partner.
  std::vector<std::vector<uint32_t>> adjacency(A);
  for (const auto& [key, e] : tot.edges) {
    uint32_t a = key >> 32, b = key & 0xffffffffu;
    adjacency[a].push_back(b);
    adjacency[b].push_back(a);
  }
  for (auto& adj : adjacency) std::sort(adj.begin(), adj.end());
  std::vector<uint64_t> sorted_edges;
  sorted_edges.reserve(tot.edges.size());
  for (const auto& [key, e] : tot.edges) sorted_edges.push_back(key);
  std::sort(sorted_edges.begin(), sorted_edges.end());
  // The prior: each term's share of all actor contexts in the corpus.
  const TermCounts* background = nullptr;
  if (auto it = tot.terms.find(kAllActors); it != tot.terms.end()) background = &it->second;

  Comparison out;
  for (const auto& g : groups) {
    GroupSize gs;
    gs.name = g->name;
    gs.documents = g->documents;
    for (const auto& n : g->cooccur.nodes()) gs.mentions += n.mentions;
    out.groups.push_back(gs);
  }

  const GroupSums ref_sums = ref ? Sums(*ref, A) : GroupSums{};
  GroupSums tot_sums;
  tot_sums.mentions = tot.all_mentions;
  tot_sums.pair_windows = tot.pair_windows;
  tot_sums.strength.assign(A, 0);
  for (const auto& [key, e] : tot.edges) {
    tot_sums.strength[key >> 32] += e.count;
    tot_sums.strength[key & 0xffffffffu] += e.count;
  }

  for (const auto& gp : groups) {
    const GroupProfile& g = *gp;
    if (ref == &g) continue;
    const GroupSums gsum = Sums(g, A);
    GroupComparison c;
    c.name = g.name;
    c.other = ref ? ref->name : "rest";
    c.documents = g.documents;
    c.mentions = gsum.mentions;
    c.other_documents = ref ? ref->documents : tot.docs - g.documents;
    c.other_mentions = ref ? ref_sums.mentions : tot.all_mentions - gsum.mentions;
    c.pair_windows = gsum.pair_windows;
    c.other_pair_windows = ref ? ref_sums.pair_windows : tot.pair_windows - gsum.pair_windows;
    const auto& gn = g.cooccur.nodes();
    auto other_mentions = [&](uint32_t a) {
      return ref ? ref->cooccur.nodes()[a].mentions : tot.mentions[a] - gn[a].mentions;
    };
    auto other_documents = [&](uint32_t a) {
      return ref ? ref->cooccur.nodes()[a].documents : tot.documents[a] - gn[a].documents;
    };
    auto other_edge = [&](uint64_t key) {
      return ref ? Get(ref->cooccur.edges(), key)
                 : Get(tot.edges, key) - Get(g.cooccur.edges(), key);
    };
    auto other_strength = [&](uint32_t a) {
      return ref ? ref_sums.strength[a] : tot_sums.strength[a] - gsum.strength[a];
    };

    // Salience.
    std::vector<uint32_t> order;
    for (uint32_t a = 0; a < A; ++a)
      if (gn[a].mentions || other_mentions(a)) order.push_back(a);
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t x, uint32_t y) { return gn[x].mentions > gn[y].mentions; });
    uint32_t rank = 0;
    for (uint32_t a : order) {
      SalienceRow r;
      r.actor = a;
      r.mentions = gn[a].mentions;
      r.documents = gn[a].documents;
      r.mention_share = Share(r.mentions, c.mentions);
      r.document_share = Share(r.documents, c.documents);
      r.rank = r.mentions ? ++rank : 0;
      r.other_mentions = other_mentions(a);
      r.other_documents = other_documents(a);
      r.other_mention_share = Share(r.other_mentions, c.other_mentions);
      r.k = CompareCounts2x2(r.mentions, c.mentions, r.other_mentions, c.other_mentions);
      c.salience.push_back(r);
    }
    {
      std::vector<double> p;
      for (const auto& r : c.salience) p.push_back(r.k.p);
      AddQ(p, c.salience);
    }

    // Partners.
    for (uint32_t a = 0; a < A; ++a) {
      if (adjacency[a].empty()) continue;
      const uint64_t C = gsum.strength[a], D = other_strength(a);
      size_t first = c.partners.size();
      for (uint32_t b : adjacency[a]) {
        uint64_t key = Cooccurrence::Key(a, b);
        PartnerRow r;
        r.actor = a;
        r.partner = b;
        r.count = Get(g.cooccur.edges(), key);
        r.other_count = other_edge(key);
        if (r.count + r.other_count < std::max<uint64_t>(1, options.min_partner_count)) continue;
        r.share = Share(r.count, C);
        r.other_share = Share(r.other_count, D);
        r.k = CompareCounts2x2(r.count, C, r.other_count, D);
        c.partners.push_back(r);
      }
      std::stable_sort(c.partners.begin() + first, c.partners.end(),
                       [](const PartnerRow& x, const PartnerRow& y) { return x.k.g2 > y.k.g2; });
    }
    {
      std::vector<double> p;
      for (const auto& r : c.partners) p.push_back(r.k.p);
      AddQ(p, c.partners);
    }

    // Terms: `*` first, then actors in index order.
    std::vector<uint32_t> term_actors;
    if (tot.terms.count(kAllActors)) term_actors.push_back(kAllActors);
    for (const auto& [actor, tc] : tot.terms)
      if (actor != kAllActors) term_actors.push_back(actor);
    const double n_bg = background ? double(background->total) : 0.0;
    for (uint32_t actor : term_actors) {
      const TermCounts& all = tot.terms.at(actor);
      const TermCounts* mine = FindTerms(g, actor);
      const TermCounts* theirs = ref ? FindTerms(*ref, actor) : nullptr;
      const uint64_t n_i = mine ? mine->total : 0;
      const uint64_t n_j = ref ? (theirs ? theirs->total : 0) : all.total - n_i;
      if (n_i == 0 || n_j == 0 || n_bg == 0) continue;
      std::vector<TermRow> rows;
      for (const auto& [id, total_count] : all.counts) {
        TermRow r;
        r.actor = actor;
        r.term = id;
        r.count = mine ? Get(mine->counts, id) : 0;
        r.other_count = ref ? (theirs ? Get(theirs->counts, id) : 0) : total_count - r.count;
        if (r.count + r.other_count < std::max<uint64_t>(1, options.min_term_count)) continue;
        r.total = n_i;
        r.other_total = n_j;
        const double alpha_w = options.prior * double(Get(background->counts, id)) / n_bg;
        r.lo = WeightedLogOdds(double(r.count), double(n_i), double(r.other_count), double(n_j),
                               alpha_w, options.prior);
        rows.push_back(r);
      }
      std::sort(rows.begin(), rows.end(), [&](const TermRow& x, const TermRow& y) {
        if (x.lo.z != y.lo.z) return x.lo.z > y.lo.z;
        return term_info[x.term].key < term_info[y.term].key;
      });
      const size_t K = options.top_terms;
      if (rows.size() > 2 * K) {
        rows.erase(rows.begin() + K, rows.end() - K);
      }
      c.terms.insert(c.terms.end(), rows.begin(), rows.end());
    }

    // Frames.
    if (num_frames) {
      std::vector<uint32_t> frame_actors;
      if (tot.frames.count(kAllActors)) frame_actors.push_back(kAllActors);
      for (const auto& [actor, fc] : tot.frames)
        if (actor != kAllActors) frame_actors.push_back(actor);
      for (uint32_t actor : frame_actors) {
        const FrameCounts& all = tot.frames.at(actor);
        const FrameCounts* mine = FindFrames(g, actor);
        const FrameCounts* theirs = ref ? FindFrames(*ref, actor) : nullptr;
        const uint64_t n = mine ? mine->contexts : 0;
        if (n == 0) continue;
        const uint64_t m = ref ? (theirs ? theirs->contexts : 0) : all.contexts - n;
        for (uint32_t f = 0; f < num_frames; ++f) {
          FrameRow r;
          r.actor = actor;
          r.frame = f;
          r.contexts = n;
          r.hits = f < mine->hits.size() ? mine->hits[f] : 0;
          r.other_contexts = m;
          uint64_t all_hits = f < all.hits.size() ? all.hits[f] : 0;
          r.other_hits =
              ref ? (theirs && f < theirs->hits.size() ? theirs->hits[f] : 0) : all_hits - r.hits;
          r.rate = Share(r.hits, n);
          r.ci = WilsonInterval(r.hits, n);
          r.other_rate = Share(r.other_hits, m);
          r.other_ci = WilsonInterval(r.other_hits, m);
          r.k = CompareCounts2x2(r.hits, n, r.other_hits, m);
          c.frames.push_back(r);
        }
      }
      std::vector<double> p;
      for (const auto& r : c.frames) p.push_back(r.k.p);
      AddQ(p, c.frames);
    }

    // Difference network.
    for (const auto& r : c.salience) {
      DiffNode n;
      n.actor = r.actor;
      n.mentions = r.mentions;
      n.other_mentions = r.other_mentions;
      n.share = r.mention_share;
      n.other_share = r.other_mention_share;
      c.diff_nodes.push_back(n);
    }
    std::sort(c.diff_nodes.begin(), c.diff_nodes.end(),
              [](const DiffNode& x, const DiffNode& y) { return x.actor < y.actor; });
    for (uint64_t key : sorted_edges) {
      DiffEdge e;
      e.a = key >> 32;
      e.b = key & 0xffffffffu;
      e.count = Get(g.cooccur.edges(), key);
      e.other_count = other_edge(key);
      if (e.count == 0 && e.other_count == 0) continue;
      e.share = Share(e.count, c.pair_windows);
      e.other_share = Share(e.other_count, c.other_pair_windows);
      e.diff = e.share - e.other_share;
      e.k = CompareCounts2x2(e.count, c.pair_windows, e.other_count, c.other_pair_windows);
      const double lhs = double(e.count) * double(c.other_pair_windows);
      const double rhs = double(e.other_count) * double(c.pair_windows);
      e.favours = lhs > rhs ? 1 : (lhs < rhs ? -1 : 0);
      c.diff_edges.push_back(e);
    }
    std::stable_sort(
        c.diff_edges.begin(), c.diff_edges.end(),
        [](const DiffEdge& x, const DiffEdge& y) { return std::fabs(x.k.g2) > std::fabs(y.k.g2); });
    out.comparisons.push_back(std::move(c));
  }
  return out;
}

}  // namespace actorgraph
