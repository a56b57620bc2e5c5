// One-line descriptions of where and why nlohmann::json refused a text, for Error messages.
//
// nlohmann::json's parse_error (https://json.nlohmann.me/api/basic_json/parse_error/) carries
// `byte`, the 1-based count of bytes read when the parser stopped (the offending byte, or the last
// byte of the offending token), and a what() of the form
//   "[json.exception.parse_error.101] parse error at line L, column C: REASON"
// where L is 1-based and C counts the bytes read on line L (0 when the offending byte is the line
// break itself). Both functions take that what() and `byte`; a what() of another form keeps its
// text after "] " as the reason. The reason is cut after about 160 bytes on a UTF-8 character
// boundary (the "last read" token nlohmann quotes can be a whole string); a byte of it that is
// not UTF-8 (RFC 3629) or is a control character (C0, DEL) is shown as <0xNN>, a byte order mark
// as <U+FEFF>.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace actorgraph {

// For a file of several lines (gazetteer, gold, partial graph):
// "at line L, column C (byte B): REASON"; "at byte B: REASON" when what() names no line.
std::string JsonErrorAt(std::string_view what, size_t byte);

// For one JSONL line, whose file and line number the caller names:
// "at byte B of the line: REASON".
std::string JsonErrorInLine(std::string_view what, size_t byte);

// For nlohmann's other exceptions while parsing (out_of_range: a number beyond a double, such as
// 1e400): the text after "] ", e.g. "number overflow parsing '1e400'".
std::string JsonExceptionReason(std::string_view what);

}  // namespace actorgraph
