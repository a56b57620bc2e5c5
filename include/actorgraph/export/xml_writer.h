// The one audited routine for text cleaning, XML escaping and number formatting used by the
// exporters. XmlWriter streams well-formed, indented XML: elements are closed in order, empty
// elements are written as <x/>, and every attribute value and text is cleaned and escaped here and
// nowhere else.
#pragma once

#include <charconv>
#include <concepts>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

// Returns `s` as valid UTF-8 holding only characters legal in XML 1.0: each byte that is not part
// of a well-formed UTF-8 sequence becomes U+FFFD; C0 controls other than \t \n \r, UTF-8-encoded
// surrogates and U+FFFE/U+FFFF are dropped. The DOT, JSON and CSV writers use it too.
std::string CleanText(std::string_view s);

// CleanText, then & < > " ' escaped as entities and \t \n \r as character references (so they
// survive attribute-value normalisation); safe in attribute values and text alike.
std::string EscapeXml(std::string_view s);

// Numbers, locale-independent: integers exactly; doubles as the shortest string that reads back to
// the same double (std::to_chars), e.g. 1234567.891 -> "1234567.891", 3.0 -> "3".
std::string FormatNumber(double value);
template <std::integral T>
std::string FormatNumber(T value) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, r.ptr);
}

class XmlWriter {
 public:
  // Writes to `out`, indenting nested elements by `indent` spaces.
  explicit XmlWriter(std::ostream& out, int indent = 2);

  // <?xml version="1.0" encoding="UTF-8"?> and a newline; call first.
  void Declaration();
  // Element and attribute names are the caller's constants; they must be XML names (checked;
  // Error).
  XmlWriter& StartElement(std::string_view name);
  // Only directly after StartElement (or another Attribute); throws Error otherwise.
  XmlWriter& Attribute(std::string_view name, std::string_view value);
  XmlWriter& Text(std::string_view text);
  // Closes the innermost open element (<x/> when it has no content).
  XmlWriter& EndElement();
  // Closes every open element and ends the document with a newline.
  void Finish();

 private:
  struct Open {
    std::string name;
    bool has_children = false;
    bool has_text = false;
  };
  void CloseStartTag();
  void NewLine(size_t depth);

  std::ostream& out_;
  int indent_;
  bool tag_open_ = false;
  bool started_ = false;
  std::vector<Open> stack_;
};

}  // namespace actorgraph
