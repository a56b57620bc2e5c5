#include "actorgraph/export/compare_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/compare/grouping.h"
#include "actorgraph/export/xml_writer.h"

namespace actorgraph {
namespace {

std::string E(std::string_view s) { return EscapeXml(s); }

std::string Fix(double v, int digits) {
  if (!std::isfinite(v)) v = 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string Pct(double v) { return Fix(100 * v, 1) + "%"; }

std::string PValue(double p) {
  if (p < 0.001) return "&lt;0.001";
  return Fix(p, 3);
}

// An actor's name: Arabic label (right-to-left) with the English label beside.
std::string ActorName(const Actor& a) {
  std::string s;
  if (!a.label_ar.empty())
    s += "<span class=\"ar\" dir=\"rtl\" lang=\"ar\">" + E(a.label_ar) + "</span>";
  if (!a.label_en.empty() && a.label_en != a.label_ar)
    s += (s.empty() ? "" : " ") + std::string("<span class=\"en\">") + E(a.label_en) + "</span>";
  if (s.empty()) s = E(a.id);
  return s;
}

std::string ActorTitle(const Gazetteer& g, uint32_t actor) {
  if (actor == kAllActors) return "<span class=\"en\">all actors (*)</span>";
  return ActorName(g.actors()[actor]);
}

constexpr const char* kStyle = R"(
body{font-family:"Noto Sans","Noto Naskh Arabic","DejaVu Sans",Arial,sans-serif;margin:0;color:#222;background:#fff}
header{background:#333;color:#fff;padding:12px 24px}header h1{margin:0;font-size:22px}
main{padding:8px 24px 40px;max-width:1200px}
h2{border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:36px}h3{margin:22px 0 6px}
table{border-collapse:collapse;margin:6px 0}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top;font-size:14px}
th{background:#f4f4f4}.num{text-align:right;font-variant-numeric:tabular-nums}
.ar{font-family:"Noto Naskh Arabic","Noto Sans Arabic",serif;font-size:1.1em}.en{color:#555}
.meta{font-size:13px;color:#444}.meta code{font-size:12px;word-break:break-all}
.g{color:#d95f02;font-weight:bold}.o{color:#1b9e77;font-weight:bold}
.bars{display:grid;grid-template-columns:minmax(180px,max-content) 1fr 1fr;gap:2px 6px;align-items:center;font-size:14px}
.bl{display:flex;justify-content:flex-end}.bar{height:14px}.bg{background:#d95f02}.bo{background:#1b9e77}
.cols{display:flex;gap:24px;flex-wrap:wrap}.cols>div{flex:1 1 340px;min-width:300px}
.snip{color:#777;font-size:12px;max-width:420px}
.ci{position:relative;height:18px;width:260px;background:#fafafa;border:1px solid #eee}
.ci .iv{position:absolute;height:2px}.ci .pt{position:absolute;width:8px;height:8px;border-radius:4px;margin-left:-4px}
.ci .ig{top:5px;background:#d95f02}.ci .io{top:12px;background:#1b9e77}
.net{border:1px solid #ddd;overflow:auto;max-height:760px}.net svg{max-width:100%;height:auto}
.note{color:#777;font-size:13px}nav a{margin-right:12px}
)";

void Bars(std::ostream& out, const CompareResult& r, const GroupComparison& c,
          const ReportOptions& o) {
  std::vector<const SalienceRow*> up, down, absent;
  for (const auto& s : c.salience) {
    if (s.k.g2 > 0 && s.k.log_ratio > 0) up.push_back(&s);
    if (s.k.g2 < 0 && s.k.log_ratio < 0) down.push_back(&s);
    if (s.mentions == 0 && s.other_mentions > 0) absent.push_back(&s);
  }
  std::stable_sort(absent.begin(), absent.end(), [](const SalienceRow* a, const SalienceRow* b) {
    return a->other_mentions > b->other_mentions;
  });
  auto by_g2 = [](const SalienceRow* a, const SalienceRow* b) {
    return std::fabs(a->k.g2) > std::fabs(b->k.g2);
  };
  std::stable_sort(up.begin(), up.end(), by_g2);
  std::stable_sort(down.begin(), down.end(), by_g2);
  if (up.size() > o.top_actors) up.resize(o.top_actors);
  if (down.size() > o.top_actors) down.resize(o.top_actors);
  double max_lr = 0;
  for (auto* s : up) max_lr = std::max(max_lr, std::fabs(s->k.log_ratio));
  for (auto* s : down) max_lr = std::max(max_lr, std::fabs(s->k.log_ratio));
  if (up.empty() && down.empty() && absent.empty()) {
    out << "<p class=\"note\">No actor differs between the two sides.</p>\n";
    return;
  }
  out << "<p class=\"note\">Bar length: log ratio (Hardie 2014) of the actor's share of all "
         "mentions; rows ordered by Dunning's G². Left, teal: more in <span class=\"o\">"
      << E(c.other) << "</span>; right, orange: more in <span class=\"g\">" << E(c.name)
      << "</span>.</p>\n<div class=\"bars\">\n";
  auto row = [&](const SalienceRow* s) {
    const Actor& a = r.gazetteer.actors()[s->actor];
    double w = max_lr > 0 ? 100 * std::fabs(s->k.log_ratio) / max_lr : 0;
    std::string tip = E(a.id) + ": " + std::to_string(s->mentions) + " vs " +
                      std::to_string(s->other_mentions) + " mentions (" + Pct(s->mention_share) +
                      " vs " + Pct(s->other_mention_share) + "), log ratio " +
                      Fix(s->k.log_ratio, 2) + ", G² " + Fix(s->k.g2, 2) + ", p " +
                      (s->k.p < 0.001 ? std::string("<0.001") : Fix(s->k.p, 3));
    out << "<div title=\"" << tip << "\">" << ActorName(a) << "</div>";
    if (s->k.log_ratio < 0)
      out << "<div class=\"bl\"><div class=\"bar bo\" style=\"width:" << Fix(w, 1)
          << "%\"></div></div><div></div>\n";
    else
      out << "<div></div><div><div class=\"bar bg\" style=\"width:" << Fix(w, 1)
          << "%\"></div></div>\n";
  };
  for (auto* s : up) row(s);
  for (auto* s : down) row(s);
  out << "</div>\n";
  if (!absent.empty()) {
    out << "<p class=\"note\">Not named in " << E(c.name) << " (mentions in " << E(c.other)
        << "): ";
    for (size_t i = 0; i < absent.size() && i < 2 * o.top_actors; ++i)
      out << (i ? ", " : "") << ActorName(r.gazetteer.actors()[absent[i]->actor]) << " ("
          << absent[i]->other_mentions << ")";
    if (absent.size() > 2 * o.top_actors) out << ", …";
    out << ".</p>\n";
  }
}

// The actors that get their own panels: the most mentioned on the two sides together.
std::vector<uint32_t> FocusActors(const GroupComparison& c, size_t n) {
  std::vector<const SalienceRow*> rows;
  for (const auto& s : c.salience) rows.push_back(&s);
  std::stable_sort(rows.begin(), rows.end(), [](const SalienceRow* a, const SalienceRow* b) {
    return a->mentions + a->other_mentions > b->mentions + b->other_mentions;
  });
  std::vector<uint32_t> out;
  for (size_t i = 0; i < rows.size() && out.size() < n; ++i)
    if (rows[i]->mentions > 0) out.push_back(rows[i]->actor);
  return out;
}

void Partners(std::ostream& out, const CompareResult& r, const GroupComparison& c, uint32_t actor) {
  std::vector<const PartnerRow*> rows;
  for (const auto& p : c.partners)
    if (p.actor == actor) rows.push_back(&p);
  if (rows.empty()) return;
  out << "<h4>Partners</h4><table><tr><th>partner</th><th class=\"num\">" << E(c.name)
      << "</th><th class=\"num\">" << E(c.other)
      << "</th><th class=\"num\">log ratio</th><th class=\"num\">G²</th><th "
         "class=\"num\">p</th></tr>\n";
  // Rows come sorted by G² descending: the group's favourites first, the other side's last.
  std::vector<const PartnerRow*> shown;
  for (size_t i = 0; i < rows.size() && i < 6; ++i) shown.push_back(rows[i]);
  for (size_t i = rows.size(); i-- > 6 && shown.size() < 10;)
    if (rows[i]->k.g2 < 0) shown.push_back(rows[i]);
  for (const PartnerRow* p : shown) {
    out << "<tr><td>" << ActorName(r.gazetteer.actors()[p->partner]) << "</td><td class=\"num\">"
        << p->count << " (" << Pct(p->share) << ")</td><td class=\"num\">" << p->other_count << " ("
        << Pct(p->other_share) << ")</td><td class=\"num "
        << (p->k.g2 > 0 ? "g" : (p->k.g2 < 0 ? "o" : "")) << "\">" << Fix(p->k.log_ratio, 2)
        << "</td><td class=\"num\">" << Fix(p->k.g2, 2) << "</td><td class=\"num\">"
        << PValue(p->k.p) << "</td></tr>\n";
  }
  out << "</table>\n";
}

void Terms(std::ostream& out, const CompareResult& r, const GroupComparison& c, uint32_t actor,
           size_t k) {
  std::vector<const TermRow*> rows;
  for (const auto& t : c.terms)
    if (t.actor == actor) rows.push_back(&t);
  if (rows.empty()) return;
  const auto& info = r.profiles.terms();
  auto table = [&](bool mine) {
    std::vector<const TermRow*> side;
    if (mine) {
      for (auto* t : rows)
        if (t->lo.z > 0 && side.size() < k) side.push_back(t);
    } else {
      for (size_t i = rows.size(); i-- > 0;)
        if (rows[i]->lo.z < 0 && side.size() < k) side.push_back(rows[i]);
    }
    out << "<div><h4>More in <span class=\"" << (mine ? "g" : "o") << "\">"
        << E(mine ? c.name : c.other) << "</span></h4>";
    if (side.empty()) {
      out << "<p class=\"note\">none</p></div>";
      return;
    }
    out << "<table><tr><th>term</th><th class=\"num\">" << E(c.name) << "</th><th class=\"num\">"
        << E(c.other) << "</th><th class=\"num\">z</th><th>example</th></tr>\n";
    for (auto* t : side) {
      const TermInfo& ti = info[t->term];
      out << "<tr><td><span dir=\"auto\" class=\"ar\">" << E(ti.Surface()) << "</span>";
      if (ti.Surface() != ti.key) out << " <span class=\"en\">(" << E(ti.key) << ")</span>";
      out << "</td><td class=\"num\">" << t->count << "</td><td class=\"num\">" << t->other_count
          << "</td><td class=\"num\">" << Fix(t->lo.z, 2) << "</td><td class=\"snip\" dir=\"auto\">"
          << E(ti.snippet) << "</td></tr>\n";
    }
    out << "</table></div>";
  };
  out << "<h4>Descriptors</h4><p class=\"note\">Weighted log-odds with an informative Dirichlet "
         "prior (Monroe, Colaresi &amp; Quinn 2008); z &gt; 1.96 is the usual cut-off.</p>"
         "<div class=\"cols\">";
  table(true);
  table(false);
  out << "</div>\n";
}

void Frames(std::ostream& out, const CompareResult& r, const GroupComparison& c, uint32_t actor) {
  const FrameDictionary* dict = r.profiles.frames();
  if (!dict) return;
  std::vector<const FrameRow*> rows;
  for (const auto& f : c.frames)
    if (f.actor == actor) rows.push_back(&f);
  if (rows.empty()) return;
  double top = 0;
  for (auto* f : rows) top = std::max({top, f->ci.high, f->other_ci.high});
  if (top <= 0) top = 1;
  out << "<h4>Frames</h4><table><tr><th>frame</th><th class=\"num\">" << E(c.name)
      << "</th><th class=\"num\">" << E(c.other) << "</th><th>rate, 95% Wilson interval (0–"
      << Pct(top) << ")</th><th class=\"num\">G²</th><th class=\"num\">p</th></tr>\n";
  auto pos = [&](double v) { return Fix(100 * std::min(1.0, v / top), 1) + "%"; };
  for (auto* f : rows) {
    out << "<tr><td>" << E(dict->frames()[f->frame].label) << "</td><td class=\"num\">" << f->hits
        << "/" << f->contexts << " = " << Pct(f->rate) << "</td><td class=\"num\">" << f->other_hits
        << "/" << f->other_contexts << " = " << Pct(f->other_rate)
        << "</td><td><div class=\"ci\" title=\"" << E(c.name) << ": " << Pct(f->ci.low) << "–"
        << Pct(f->ci.high) << "; " << E(c.other) << ": " << Pct(f->other_ci.low) << "–"
        << Pct(f->other_ci.high) << "\">"
        << "<div class=\"iv ig\" style=\"left:" << pos(f->ci.low)
        << ";width:" << Fix(100 * std::min(1.0, (f->ci.high - f->ci.low) / top), 1) << "%\"></div>"
        << "<div class=\"pt ig\" style=\"left:" << pos(f->rate) << ";top:2px\"></div>"
        << "<div class=\"iv io\" style=\"left:" << pos(f->other_ci.low)
        << ";width:" << Fix(100 * std::min(1.0, (f->other_ci.high - f->other_ci.low) / top), 1)
        << "%\"></div><div class=\"pt io\" style=\"left:" << pos(f->other_rate)
        << ";top:9px\"></div></div></td><td class=\"num\">" << Fix(f->k.g2, 2)
        << "</td><td class=\"num\">" << PValue(f->k.p) << "</td></tr>\n";
  }
  out << "</table>\n";
}

// Graphviz's SVG without its XML declaration and DOCTYPE, ready to inline.
std::string InlineSvg(const std::string& svg) {
  size_t start = svg.find("<svg");
  if (start == std::string::npos) return "";
  return svg.substr(start);
}

void SeriesChart(std::ostream& out, const CompareResult& r, const ReportOptions& o) {
  const Series& s = r.series;
  if (s.periods.size() < 2 || s.actors.empty()) {
    out << "<p class=\"note\">Fewer than two periods: nothing to draw.</p>\n";
    return;
  }
  static const char* kColors[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b",
                                  "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#ff7f0e"};
  const size_t n = std::min(o.series_actors, s.actors.size());
  double top = 0;
  for (size_t i = 0; i < n; ++i)
    for (double v : s.actors[i].share) top = std::max(top, v);
  if (top <= 0) top = 1;
  const double W = 760, H = 300, L = 50, B = 40, T = 10, R = 10;
  const size_t P = s.periods.size();
  auto x = [&](size_t p) { return L + (W - L - R) * double(p) / double(P - 1); };
  auto y = [&](double v) { return T + (H - T - B) * (1 - v / top); };
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << W << "\" height=\"" << H
      << "\" viewBox=\"0 0 " << W << " " << H << "\" role=\"img\" aria-label=\"mention share per "
      << "period\"><g font-size=\"11\" fill=\"#555\">";
  for (int t = 0; t <= 4; ++t) {
    double v = top * t / 4;
    out << "<line x1=\"" << L << "\" x2=\"" << W - R << "\" y1=\"" << Fix(y(v), 1) << "\" y2=\""
        << Fix(y(v), 1) << "\" stroke=\"#eee\"/><text x=\"" << L - 4 << "\" y=\""
        << Fix(y(v) + 4, 1) << "\" text-anchor=\"end\">" << Pct(v) << "</text>";
  }
  const size_t step = std::max<size_t>(1, P / 12);
  for (size_t p = 0; p < P; p += step)
    out << "<text x=\"" << Fix(x(p), 1) << "\" y=\"" << H - B + 16 << "\" text-anchor=\"middle\">"
        << E(s.periods[p]) << "</text>";
  out << "</g>";
  for (size_t i = 0; i < n; ++i) {
    out << "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" << kColors[i % 10]
        << "\" points=\"";
    for (size_t p = 0; p < P; ++p)
      out << (p ? " " : "") << Fix(x(p), 1) << "," << Fix(y(s.actors[i].share[p]), 1);
    out << "\"><title>" << E(r.gazetteer.actors()[s.actors[i].actor].id) << "</title></polyline>";
  }
  out << "</svg>\n<div>";
  for (size_t i = 0; i < n; ++i)
    out << "<span style=\"margin-right:14px\"><span style=\"color:" << kColors[i % 10]
        << "\">&#9632;</span> " << ActorName(r.gazetteer.actors()[s.actors[i].actor]) << "</span>";
  out << "</div>\n";
}

}  // namespace

void WriteCompareReport(const CompareResult& r, const std::map<std::string, std::string>& svgs,
                        const std::string& svg_message, const ReportOptions& o,
                        const std::filesystem::path& file) {
  std::ostringstream out;
  const CompareMeta& m = r.meta;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"actorgraph compare " << E(m.version) << "\">\n"
      << "<title>actorgraph compare: by " << E(m.group_by) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<header><h1>How the groups frame the same actors</h1>"
      << "<div>actorgraph compare, by <b>" << E(m.group_by) << "</b>, "
      << (m.reference.empty() ? std::string("each group against the rest of the corpus")
                              : "every group against <b>" + E(m.reference) + "</b>")
      << "</div></header>\n<main>\n";
  out << "<p class=\"meta\">" << m.documents << " documents";
  if (m.skipped) out << " (" << m.skipped << " skipped as invalid)";
  out << "; gazetteer <code>" << E(m.gazetteer_hash) << "</code>; options <code>" << E(m.options)
      << "</code>; frames: " << E(m.frames.empty() ? std::string("none") : m.frames)
      << "; actorgraph " << E(m.version) << ".</p>\n";
  if (!m.dropped.empty()) {
    out << "<p class=\"note\">Left out by --min-docs: ";
    for (size_t i = 0; i < m.dropped.size(); ++i) out << (i ? ", " : "") << E(m.dropped[i]);
    out << ".</p>\n";
  }
  out << "<nav>";
  const size_t sections = std::min(r.comparison.comparisons.size(), o.max_groups);
  for (size_t i = 0; i < sections; ++i)
    out << "<a href=\"#g" << i << "\">" << E(r.comparison.comparisons[i].name) << "</a>";
  if (m.periods) out << "<a href=\"#series\">time series</a>";
  out << "</nav>\n<h2>Groups</h2>\n<table id=\"groups\"><tr><th>group</th><th "
         "class=\"num\">documents</th><th class=\"num\">mentions</th><th></th></tr>\n";
  uint64_t max_docs = 1;
  for (const auto& g : r.comparison.groups) max_docs = std::max(max_docs, g.documents);
  for (const auto& g : r.comparison.groups)
    out << "<tr><td class=\"group-name\">" << E(g.name) << "</td><td class=\"num\">" << g.documents
        << "</td><td class=\"num\">" << g.mentions
        << "</td><td style=\"width:300px\"><div class=\"bar\" style=\"background:#999;width:"
        << Fix(100.0 * g.documents / max_docs, 1) << "%\"></div></td></tr>\n";
  out << "</table>\n";

  for (size_t i = 0; i < sections; ++i) {
    const GroupComparison& c = r.comparison.comparisons[i];
    out << "<section id=\"g" << i << "\"><h2><span class=\"g\">" << E(c.name)
        << "</span> against <span class=\"o\">" << E(c.other) << "</span></h2>\n<p class=\"meta\">"
        << c.documents << " vs " << c.other_documents << " documents, " << c.mentions << " vs "
        << c.other_mentions << " mentions.</p>\n<h3>Over- and under-represented actors</h3>\n";
    Bars(out, r, c, o);
    out << "<h3>Corpus-wide descriptors and frames</h3>\n";
    Terms(out, r, c, kAllActors, o.top_terms);
    Frames(out, r, c, kAllActors);
    for (uint32_t a : FocusActors(c, o.focus_actors)) {
      out << "<h3 class=\"actor\">" << ActorTitle(r.gazetteer, a) << "</h3>\n";
      Partners(out, r, c, a);
      Terms(out, r, c, a, o.top_terms);
      Frames(out, r, c, a);
    }
    out << "<h3>Difference network</h3>\n<p class=\"note\">Edges coloured by the side whose share "
           "of co-occurrence windows is larger (orange: "
        << E(c.name) << ", teal: " << E(c.other)
        << "); width by the size of the difference. Full network: the GraphML/GEXF/DOT files.</p>";
    if (auto it = svgs.find(c.name); it != svgs.end() && !InlineSvg(it->second).empty())
      out << "<div class=\"net\">" << InlineSvg(it->second) << "</div>\n";
    else
      out << "<p class=\"note\">" << E(svg_message) << "</p>\n";
    out << "</section>\n";
  }
  if (const size_t more = r.comparison.comparisons.size() - sections; more > 0)
    out << "<p class=\"note\">" << more
        << (more == 1 ? " more compared group is" : " more compared groups are")
        << " not shown here; every table has them (compare.json, the CSV files).</p>\n";
  if (m.periods) {
    out << "<section id=\"series\"><h2>Time series</h2><p class=\"note\">Share of all mentions "
           "per period for the most mentioned actors (series.csv has every actor).</p>\n";
    SeriesChart(out, r, o);
    out << "</section>\n";
  }
  out << "<h2>Statistics</h2><ul class=\"note\">"
         "<li>G²: Dunning 1993 log-likelihood on the 2×2 table, no correction, signed (+ = more "
         "in the group); p from χ² with 1 degree of freedom. Benjamini–Hochberg q-values are in "
         "compare.json.</li><li>Log ratio: Hardie 2014, log2 of the ratio of relative "
         "frequencies, 0.5 added to a zero count.</li><li>Descriptors: weighted log-odds with an "
         "informative Dirichlet prior, Monroe, Colaresi &amp; Quinn 2008.</li><li>Frame rates: "
         "contexts with a hit / contexts, 95% Wilson score interval (Wilson 1927). The frames "
         "file is a starting point, not ground truth.</li></ul>\n"
      << "</main>\n<script>\n(function(){\n"
         "  var n=document.querySelectorAll('section').length;\n"
         "  document.querySelectorAll('.bars > div[title]').forEach(function(d){"
         "d.style.cursor='help';});\n"
         "  document.body.setAttribute('data-sections',String(n));\n"
         "  document.body.setAttribute('data-report-ready','1');\n"
         "})();\n</script>\n</body>\n</html>\n";
  const std::string html = out.str();
  WriteFileAtomically(file, [&](std::ostream& f) { f << html; });
}

}  // namespace actorgraph
