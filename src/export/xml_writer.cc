#include "actorgraph/export/xml_writer.h"

#include "actorgraph/base/error.h"

namespace actorgraph {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool IsCont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence at s[i] (Unicode Table 3-7), or 0 when the byte at s[i]
// does not start one. Encoded surrogates (ED A0..BF xx) count as well-formed here so the caller can
// drop them whole; `surrogate` tells it so.
size_t SequenceLength(std::string_view s, size_t i, bool& surrogate) {
  surrogate = false;
  auto at = [&](size_t k) -> int {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : -1;
  };
  int c = at(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return at(1) >= 0 && IsCont(at(1)) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    int c1 = at(1), c2 = at(2);
    if (c1 < 0 || c2 < 0 || !IsCont(c1) || !IsCont(c2)) return 0;
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 >= 0xA0) surrogate = true;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    int c1 = at(1), c2 = at(2), c3 = at(3);
    if (c1 < 0 || c2 < 0 || c3 < 0 || !IsCont(c1) || !IsCont(c2) || !IsCont(c3)) return 0;
    if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

bool IsNameChar(char c, bool first) {
  unsigned char u = static_cast<unsigned char>(c);
  if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '_' || c == ':') return true;
  return !first && ((u >= '0' && u <= '9') || c == '-' || c == '.');
}

void CheckName(std::string_view name) {
  bool ok = !name.empty();
  for (size_t i = 0; ok && i < name.size(); ++i) ok = IsNameChar(name[i], i == 0);
  if (!ok) throw Error("invalid XML name '" + CleanText(name) + "'");
}

}  // namespace

std::string CleanText(std::string_view s) {
  // Runs of characters that stay are copied whole (most text is all of one run); only a character
  // that is dropped or replaced ends a run.
  std::string out;
  out.reserve(s.size());
  size_t run = 0, i = 0;  // s[run, i) is kept as it is
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c >= 0x20 && c < 0x80) || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    bool surrogate = false;
    const size_t n = SequenceLength(s, i, surrogate);
    const bool drop = n == 1 /* a C0 control */ || surrogate ||
                      (n == 3 && c == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
                       (s[i + 2] == '\xBE' || s[i + 2] == '\xBF'));  // U+FFFE, U+FFFF
    if (n != 0 && !drop) {
      i += n;
      continue;
    }
    out.append(s.substr(run, i - run));
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else {
      i += n;
    }
    run = i;
  }
  out.append(s.substr(run, i - run));
  return out;
}

std::string EscapeXml(std::string_view s) {
  const std::string clean = CleanText(s);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  size_t run = 0;  // clean[run, i) needs no escaping
  for (size_t i = 0; i < clean.size(); ++i) {
    std::string_view entity;
    switch (clean[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&apos;";
        break;
      // Character references survive attribute-value and line-end normalisation.
      case '\t':
        entity = "&#9;";
        break;
      case '\n':
        entity = "&#10;";
        break;
      case '\r':
        entity = "&#13;";
        break;
      default:
        continue;
    }
    out.append(clean, run, i - run);
    out.append(entity);
    run = i + 1;
  }
  out.append(clean, run, std::string::npos);
  return out;
}

std::string FormatNumber(double value) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, r.ptr);
}

XmlWriter::XmlWriter(std::ostream& out, int indent) : out_(out), indent_(indent) {}

void XmlWriter::Declaration() {
  if (started_) throw Error("XML declaration must come first");
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  started_ = true;
}

void XmlWriter::CloseStartTag() {
  if (tag_open_) {
    out_ << '>';
    tag_open_ = false;
  }
}

void XmlWriter::NewLine(size_t depth) {
  out_ << '\n' << std::string(depth * static_cast<size_t>(indent_), ' ');
}

XmlWriter& XmlWriter::StartElement(std::string_view name) {
  CheckName(name);
  if (!stack_.empty()) {
    CloseStartTag();
    stack_.back().has_children = true;
    if (!stack_.back().has_text) NewLine(stack_.size());
  } else if (started_) {
    NewLine(0);
  }
  started_ = true;
  out_ << '<' << name;
  tag_open_ = true;
  stack_.push_back({std::string(name)});
  return *this;
}

XmlWriter& XmlWriter::Attribute(std::string_view name, std::string_view value) {
  CheckName(name);
  if (!tag_open_) throw Error("XML attribute '" + std::string(name) + "' outside a start tag");
  out_ << ' ' << name << "=\"" << EscapeXml(value) << '"';
  return *this;
}

XmlWriter& XmlWriter::Text(std::string_view text) {
  if (stack_.empty()) throw Error("XML text outside an element");
  CloseStartTag();
  stack_.back().has_text = true;
  out_ << EscapeXml(text);
  return *this;
}

XmlWriter& XmlWriter::EndElement() {
  if (stack_.empty()) throw Error("XML end tag without an open element");
  Open top = std::move(stack_.back());
  stack_.pop_back();
  if (tag_open_) {
    out_ << "/>";
    tag_open_ = false;
    return *this;
  }
  if (top.has_children && !top.has_text) NewLine(stack_.size());
  out_ << "</" << top.name << '>';
  return *this;
}

void XmlWriter::Finish() {
  while (!stack_.empty()) EndElement();
  out_ << '\n';
}

}  // namespace actorgraph
