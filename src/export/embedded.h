// Text embedded into the library at configure time by cmake/embed.cmake (private to src/export/).
#pragma once

#include <string_view>

namespace actorgraph::embedded {

// d3.min.js from Debian's node-d3 (/usr/share/nodejs/d3/dist), BSD-3-Clause, Mike Bostock.
extern const std::string_view kD3Js;
// The HTML view's own script and style sheet (src/export/html_view.js, src/export/html_view.css).
extern const std::string_view kViewJs;
extern const std::string_view kViewCss;

}  // namespace actorgraph::embedded
