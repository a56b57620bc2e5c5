#include "actorgraph/export/html_writer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "actorgraph/base/atomic_file.h"
#include "actorgraph/base/error.h"
#include "actorgraph/export/json_writer.h"
#include "actorgraph/export/palette.h"
#include "actorgraph/export/xml_writer.h"
#include "actorgraph/text/normalize.h"
#include "embedded.h"

namespace actorgraph {
namespace {

using Json = nlohmann::ordered_json;

// d3's licence travels with the inlined copy (BSD-3-Clause, condition 2).
constexpr std::string_view kD3Licence = R"(d3 (https://d3js.org), from Debian's node-d3.
Copyright 2010-2017 Mike Bostock. BSD-3-Clause:
Redistribution and use in source and binary forms, with or without modification, are permitted
provided that the following conditions are met: 1. Redistributions of source code must retain the
above copyright notice, this list of conditions and the following disclaimer. 2. Redistributions in
binary form must reproduce the above copyright notice, this list of conditions and the following
disclaimer in the documentation and/or other materials provided with the distribution. 3. Neither
the name of the University nor the names of its contributors may be used to endorse or promote
products derived from this software without specific prior written permission.
THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR
IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND
FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE HOLDERS OR CONTRIBUTORS BE
LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
(INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR
PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN
CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF
THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.)";

// Script errors (also those of the inlined scripts) are shown on the page and kept in
// data-errors, so a reader sees them and the browser test fails on them.
constexpr std::string_view kErrorCapture = R"(<script>
(function () {
  var errors = [];
  function record(message) {
    errors.push(String(message));
    document.documentElement.dataset.errors = errors.join('\n');
    var box = document.getElementById('errors');
    if (box) { box.textContent = errors.join('\n'); box.hidden = false; }
  }
  window.addEventListener('error', function (e) { record(e.message || e); });
  window.addEventListener('unhandledrejection', function (e) { record(e.reason); });
  var original = console.error;
  console.error = function () {
    record(Array.prototype.join.call(arguments, ' '));
    return original.apply(console, arguments);
  };
})();
</script>
)";

constexpr std::string_view kBody =
    R"(<header><h1>actorgraph</h1><span id="summary" class="muted"></span></header>
<pre id="errors" hidden></pre>
<aside id="controls">
<section><h3>Search</h3><input id="search" type="search" dir="auto" placeholder="الكاظمي · Kadhimi" autocomplete="off"><ul id="results"></ul></section>
<section><h3>Minimum link weight: <span id="min-weight-value"></span></h3><input id="min-weight" type="range"></section>
<section><h3>Types</h3><div id="types"></div></section>
<section><h3>Colour</h3><select id="color-by"></select><div id="legend"></div></section>
<section><button id="fit" type="button">Fit to window</button> <button id="relayout" type="button">Re-run layout</button></section>
</aside>
<main id="stage"><canvas id="network"></canvas><div id="tooltip" hidden></div></main>
<aside id="details"></aside>
)";

// The data as compact JSON with every '<' escaped (inside JSON, '<' only occurs in strings).
std::string ScriptSafeJson(const Json& j) {
  std::string s = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(s.size() + s.size() / 64);
  for (char c : s) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

// "</script" cannot occur in the inlined scripts without ending the element early; the embedded
// texts are ours and Debian's, so this only guards against a changed d3 build.
void PutScript(std::ostream& out, std::string_view name, std::string_view code) {
  if (code.find("</script") != std::string_view::npos || code.find("</SCRIPT") != code.npos)
    throw Error("html: the embedded " + std::string(name) + " contains </script");
  out << "<script>\n" << code << "\n</script>\n";
}

}  // namespace

void WriteHtml(const Graph& g, const WriteOptions& options, std::ostream& out) {
  std::ostringstream json_text;
  WriteJson(g, json_text);
  Json data = Json::parse(json_text.str());
  // (Separate objects: ordered_json keeps its members in a vector, so references into it move.)
  Json search = Json::object(), colors = Json::object(), keys = Json::object();
  // The colour schemes the page offers, assigned as in GEXF and DOT (palette.h); community only
  // for an analysed graph (the column exists).
  std::vector<std::string> names = {"type", "country"};
  if (g[boost::graph_bundle].analysed) names.push_back("community");
  if (std::find(names.begin(), names.end(), options.color_by) == names.end()) {
    CheckColorBy(options.color_by);  // throws for an unknown scheme
    names.push_back(options.color_by);
  }
  Json type_color = Json::object();
  for (const std::string& name : names) {
    ColorScheme scheme(g, name);
    Json by_id = Json::object();
    for (Vertex v : SortedVertices(g)) by_id[CleanText(g[v].id)] = HexColor(scheme.Of(g[v]));
    Json key = Json::array();
    for (const ColorKeyEntry& e : scheme.key()) {
      static constexpr const char* kKinds[] = {"category", "other", "none"};
      key.push_back({{"kind", kKinds[e.kind]},
                     {"category", CleanText(e.category)},
                     {"label", CleanText(e.label)},
                     {"label_en", CleanText(e.label_en)},
                     {"color", HexColor(e.color)},
                     {"actors", e.actors},
                     {"categories", e.categories}});
      if (name == "type" && e.kind == ColorKeyEntry::kCategory)
        type_color[CleanText(e.category)] = HexColor(e.color);
    }
    colors[name] = std::move(by_id);
    keys[name] = std::move(key);
  }
  for (Vertex v : SortedVertices(g)) {
    const ActorNode& n = g[v];
    std::string id = CleanText(n.id);
    search[id] = NormalizeString(CleanText(n.label) + "\n" + CleanText(n.label_en) + "\n" + id);
  }
  Json view;
  view["color_by"] = options.color_by;
  view["labels"] = options.labels;
  view["type_color"] = std::move(type_color);
  view["colors"] = std::move(colors);
  view["keys"] = std::move(keys);
  view["search"] = std::move(search);
  data["view"] = std::move(view);

  const GraphInfo& info = g[boost::graph_bundle];
  std::string title = "actorgraph: " + std::to_string(boost::num_vertices(g)) + " actors, " +
                      std::to_string(boost::num_edges(g)) + " links, " +
                      std::to_string(info.documents) + " documents";
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"actorgraph " << EscapeXml(CleanText(info.version))
      << "\">\n<title>" << EscapeXml(title) << "</title>\n<style>\n"
      << embedded::kViewCss << "</style>\n"
      << kErrorCapture << "</head>\n<body>\n"
      << kBody << "<script type=\"application/json\" id=\"actorgraph-data\">"
      << ScriptSafeJson(data) << "</script>\n<!--\n"
      << kD3Licence << "\n-->\n";
  PutScript(out, "d3", embedded::kD3Js);
  PutScript(out, "viewer", embedded::kViewJs);
  out << "</body>\n</html>\n";
}

std::vector<std::filesystem::path> HtmlWriter::Write(const Graph& g,
                                                     const std::filesystem::path& dir,
                                                     const WriteOptions& options) const {
  auto path = dir / (options.stem + ".html");
  WriteFileAtomically(path, [&](std::ostream& out) { WriteHtml(g, options, out); });
  return {path};
}

}  // namespace actorgraph
